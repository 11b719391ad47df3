/* liaison-sync-controller.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "liaison-database.h"
#include "liaison-sync.h"

G_BEGIN_DECLS

typedef enum
{
  LIAISON_SYNC_IMPORT,
  LIAISON_SYNC_EXPORT,
  LIAISON_SYNC_FOLDER,
} LiaisonSyncOperation;

#define LIAISON_TYPE_SYNC_CONTROLLER (liaison_sync_controller_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSyncController, liaison_sync_controller, LIAISON, SYNC_CONTROLLER, GObject)

LiaisonSyncController *liaison_sync_controller_new          (GSettings              *settings);
void                   liaison_sync_controller_set_database (LiaisonSyncController  *self,
                                                             LiaisonDatabase        *database);
const char            *liaison_sync_controller_get_status   (LiaisonSyncController  *self);
const char            *liaison_sync_controller_get_details  (LiaisonSyncController  *self);
gboolean               liaison_sync_controller_get_failed   (LiaisonSyncController  *self);
guint                  liaison_sync_controller_get_n_conflicts (LiaisonSyncController *self);
void                   liaison_sync_controller_sync_now     (LiaisonSyncController  *self);
void                   liaison_sync_controller_run_async    (LiaisonSyncController  *self,
                                                             LiaisonSyncOperation    operation,
                                                             const char             *path,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
gboolean               liaison_sync_controller_run_finish   (LiaisonSyncController  *self,
                                                             GAsyncResult           *result,
                                                             LiaisonSyncSummary     *summary,
                                                             GError                **error);
char                  *liaison_sync_summary_to_string       (const LiaisonSyncSummary *summary);

G_END_DECLS
