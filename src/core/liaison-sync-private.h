/* liaison-sync-private.h
 *
 * What the database tells the sync as it saves, and what tests may set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-database-private.h"
#include "liaison-sync.h"

G_BEGIN_DECLS

LiaisonSync *liaison_sync_new                  (LiaisonDatabase          *database);
void         liaison_sync_free                 (LiaisonSync              *self);
void         liaison_sync_transaction_began    (LiaisonSync              *self);
void         liaison_sync_transaction_failed   (LiaisonSync              *self);
gboolean     liaison_sync_migrate              (LiaisonDatabase          *database,
                                                GError                  **error);
gboolean     liaison_sync_note_fields          (LiaisonDatabase          *database,
                                                LiaisonRecord            *record,
                                                GArray                   *positions,
                                                GError                  **error);
gboolean     liaison_sync_note_deleted         (LiaisonDatabase          *database,
                                                const LiaisonRecordType  *type,
                                                const char               *uuid,
                                                gboolean                  deleted,
                                                GError                  **error);
gboolean     liaison_sync_recheck_deleted      (LiaisonDatabase          *database,
                                                const LiaisonRecordType  *type,
                                                const char               *uuid,
                                                gboolean                 *deleted,
                                                GError                  **error);
gboolean     liaison_sync_set_site_for_testing (LiaisonDatabase          *database,
                                                const char               *site,
                                                GError                  **error);

G_END_DECLS
