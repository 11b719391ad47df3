/* liaison-record-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECORD_DIALOG (liaison_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonRecordDialog, liaison_record_dialog, LIAISON, RECORD_DIALOG, AdwDialog)

AdwDialog     *liaison_record_dialog_new        (LiaisonDatabase     *database,
                                                 LiaisonRecord       *record,
                                                 const char          *title,
                                                 const char * const  *fields);
LiaisonRecord *liaison_record_dialog_get_record (LiaisonRecordDialog *self);
GtkWidget     *liaison_record_dialog_get_row    (LiaisonRecordDialog *self,
                                                 const char          *field);

G_END_DECLS
