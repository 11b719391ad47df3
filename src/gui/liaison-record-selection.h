/* liaison-record-selection.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "liaison-record-list.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_LIST_ROW (liaison_list_row_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonListRow, liaison_list_row, LIAISON, LIST_ROW, GObject)

LiaisonRecord *liaison_list_row_get_record (LiaisonListRow *self);

#define LIAISON_TYPE_RECORD_SELECTION (liaison_record_selection_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonRecordSelection, liaison_record_selection, LIAISON, RECORD_SELECTION, GObject)

LiaisonRecordSelection *liaison_record_selection_new            (LiaisonRecordList      *records);
void                    liaison_record_selection_set_limit      (LiaisonRecordSelection *self,
                                                                 guint                   limit);
guint                   liaison_record_selection_get_limit      (LiaisonRecordSelection *self);
void                    liaison_record_selection_freeze         (LiaisonRecordSelection *self);
void                    liaison_record_selection_thaw           (LiaisonRecordSelection *self,
                                                                 guint                   limit);
void                    liaison_record_selection_set_rows_in_sight (LiaisonRecordSelection *self,
                                                                    guint                   n_rows);
void                    liaison_record_selection_set_rows_kept  (LiaisonRecordSelection *self,
                                                                 guint                   n_rows);
gboolean                liaison_record_selection_let_go         (LiaisonRecordSelection *self);
GArray                 *liaison_record_selection_get_selected   (LiaisonRecordSelection *self);
guint                   liaison_record_selection_get_n_selected (LiaisonRecordSelection *self);

G_END_DECLS
