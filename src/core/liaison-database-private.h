/* liaison-database-private.h
 *
 * For the rest of src/core: the SQLite handle and the cached statements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "liaison-database.h"

G_BEGIN_DECLS

sqlite3       *liaison_database_get_handle    (LiaisonDatabase          *self);
sqlite3_stmt  *liaison_database_prepare       (LiaisonDatabase          *self,
                                               const char               *sql,
                                               GError                  **error);
LiaisonRecord *liaison_database_load_row      (LiaisonDatabase          *self,
                                               const LiaisonRecordType  *type,
                                               sqlite3_stmt             *stmt);
const char    *liaison_database_select_sql    (LiaisonDatabase          *self,
                                               const LiaisonRecordType  *type);

G_END_DECLS
