/* liaison-cell-label.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_CELL_LABEL (liaison_cell_label_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonCellLabel, liaison_cell_label, LIAISON, CELL_LABEL, GtkWidget)

GtkWidget  *liaison_cell_label_new      (void);
const char *liaison_cell_label_get_text (LiaisonCellLabel *self);
void        liaison_cell_label_set_text (LiaisonCellLabel *self,
                                         const char       *text);

G_END_DECLS
