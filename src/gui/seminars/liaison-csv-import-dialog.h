/* liaison-csv-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-csv-import.h"
#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_CSV_IMPORT_DIALOG (liaison_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonCsvImportDialog, liaison_csv_import_dialog, LIAISON, CSV_IMPORT_DIALOG, AdwDialog)

AdwDialog        *liaison_csv_import_dialog_new            (LiaisonDatabase        *database,
                                                            LiaisonRecord          *seminar);
void              liaison_csv_import_dialog_choose_file    (LiaisonCsvImportDialog *self);
void              liaison_csv_import_dialog_load_file      (LiaisonCsvImportDialog *self,
                                                            GFile                  *file);
gboolean          liaison_csv_import_dialog_is_loading     (LiaisonCsvImportDialog *self);
LiaisonCsvImport *liaison_csv_import_dialog_get_import     (LiaisonCsvImportDialog *self);
gboolean          liaison_csv_import_dialog_set_row_chosen (LiaisonCsvImportDialog *self,
                                                            guint                   row,
                                                            gboolean                chosen);
gboolean          liaison_csv_import_dialog_get_row_chosen (LiaisonCsvImportDialog *self,
                                                            guint                   row);
guint             liaison_csv_import_dialog_get_n_chosen   (LiaisonCsvImportDialog *self);
gboolean          liaison_csv_import_dialog_import         (LiaisonCsvImportDialog *self,
                                                            GError                **error);

G_END_DECLS
