/* liaison-applicant-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_APPLICANT_EDITOR (liaison_applicant_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonApplicantEditor, liaison_applicant_editor, LIAISON, APPLICANT_EDITOR, AdwBin)

GtkWidget     *liaison_applicant_editor_new             (LiaisonDatabase        *database,
                                                         LiaisonRecord          *application,
                                                         LiaisonRecord          *person);
GtkWidget     *liaison_applicant_editor_new_empty       (void);
void           liaison_applicant_editor_open            (LiaisonApplicantEditor *self,
                                                         LiaisonDatabase        *database,
                                                         LiaisonRecord          *application,
                                                         LiaisonRecord          *person);
LiaisonRecord *liaison_applicant_editor_get_application (LiaisonApplicantEditor *self);
LiaisonRecord *liaison_applicant_editor_get_person      (LiaisonApplicantEditor *self);
GtkWidget     *liaison_applicant_editor_get_row         (LiaisonApplicantEditor *self,
                                                         const char             *record,
                                                         const char             *field);
gboolean       liaison_applicant_editor_save            (LiaisonApplicantEditor *self,
                                                         GError                **error);
void           liaison_applicant_editor_save_async      (LiaisonApplicantEditor *self,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
gboolean       liaison_applicant_editor_save_finish     (LiaisonApplicantEditor *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);
void           liaison_applicant_editor_cancel_save     (LiaisonApplicantEditor *self);
char          *liaison_applicant_editor_dup_problem     (LiaisonApplicantEditor *self);
gboolean       liaison_applicant_editor_is_modified     (LiaisonApplicantEditor *self);
AdwDialog     *liaison_applicant_editor_new_unsaved_dialog (LiaisonApplicantEditor *self);

G_END_DECLS
