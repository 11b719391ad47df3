/* liaison-seminar-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SEMINAR_EDITOR (liaison_seminar_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSeminarEditor, liaison_seminar_editor, LIAISON, SEMINAR_EDITOR, AdwDialog)

LiaisonSeminarEditor *liaison_seminar_editor_new           (LiaisonDatabase      *database,
                                                            LiaisonRecord        *seminar,
                                                            const char           *planning_zone,
                                                            const char           *audience_zone);
LiaisonRecord        *liaison_seminar_editor_get_seminar   (LiaisonSeminarEditor *self);
void                  liaison_seminar_editor_set_zone      (LiaisonSeminarEditor *self,
                                                            const char           *zone);
const char           *liaison_seminar_editor_get_zone      (LiaisonSeminarEditor *self);
void                  liaison_seminar_editor_set_start     (LiaisonSeminarEditor *self,
                                                            const char           *text);
const char           *liaison_seminar_editor_get_start     (LiaisonSeminarEditor *self);
gboolean              liaison_seminar_editor_choose        (LiaisonSeminarEditor *self,
                                                            guint                 choice);
char                 *liaison_seminar_editor_dup_problem   (LiaisonSeminarEditor *self);
gboolean              liaison_seminar_editor_save          (LiaisonSeminarEditor *self,
                                                            GError              **error);
gboolean              liaison_seminar_editor_add_speaker   (LiaisonSeminarEditor *self,
                                                            const char           *person_uuid,
                                                            GError              **error);
GtkWidget            *liaison_seminar_editor_get_row       (LiaisonSeminarEditor *self,
                                                            const char           *field);

G_END_DECLS
