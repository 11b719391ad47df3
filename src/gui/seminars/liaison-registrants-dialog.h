/* liaison-registrants-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_REGISTRANTS_DIALOG (liaison_registrants_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonRegistrantsDialog, liaison_registrants_dialog, LIAISON, REGISTRANTS_DIALOG, AdwDialog)

AdwDialog     *liaison_registrants_dialog_new             (LiaisonDatabase          *database,
                                                           LiaisonRecord            *seminar);
LiaisonRecord *liaison_registrants_dialog_get_seminar     (LiaisonRegistrantsDialog *self);
GListModel    *liaison_registrants_dialog_get_model       (LiaisonRegistrantsDialog *self);
const char    *liaison_registrants_dialog_get_totals_text (LiaisonRegistrantsDialog *self);
gboolean       liaison_registrants_dialog_register        (LiaisonRegistrantsDialog *self,
                                                           LiaisonRecord            *person,
                                                           const char               *local_government,
                                                           GError                  **error);
AdwDialog     *liaison_registrants_dialog_open_import     (LiaisonRegistrantsDialog *self,
                                                           GFile                    *file);

G_END_DECLS
