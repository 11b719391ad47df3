/* liaison-app.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"
#include "liaison-sync-controller.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_APP (liaison_app_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonApp, liaison_app, LIAISON, APP, AdwApplication)

LiaisonApp *liaison_app_new               (const char         *application_id,
                                                           GApplicationFlags   flags);
GSettings          *liaison_app_get_settings      (LiaisonApp *self);
const char         *liaison_app_get_database_path (LiaisonApp *self);
void                liaison_app_set_database_path (LiaisonApp *self,
                                                           const char         *database_path);
LiaisonDatabase    *liaison_app_get_database      (LiaisonApp *self);
LiaisonSyncController *liaison_app_get_sync       (LiaisonApp *self);
gboolean            liaison_app_open_database     (LiaisonApp *self,
                                                           GError            **error);
gboolean            liaison_app_restore_backup    (LiaisonApp *self,
                                                           const char         *backup,
                                                           GError            **error);

G_END_DECLS
