/* liaison-field-rows.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_FIELD_ROWS (liaison_field_rows_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonFieldRows, liaison_field_rows, LIAISON, FIELD_ROWS, GObject)

LiaisonFieldRows *liaison_field_rows_new          (LiaisonDatabase     *database,
                                                   LiaisonRecord       *record);
LiaisonRecord    *liaison_field_rows_get_record   (LiaisonFieldRows    *self);
GtkWidget        *liaison_field_rows_add          (LiaisonFieldRows    *self,
                                                   AdwPreferencesGroup *group,
                                                   const char          *field);
GtkWidget        *liaison_field_rows_get_row      (LiaisonFieldRows    *self,
                                                   const char          *field);
void              liaison_field_rows_refresh      (LiaisonFieldRows    *self,
                                                   const char          *field);
gboolean          liaison_field_rows_check        (LiaisonFieldRows    *self,
                                                   char               **first_problem);

G_END_DECLS
