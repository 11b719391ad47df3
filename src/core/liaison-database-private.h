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

/* The shortest word the search index answers for (a trigram); shorter
 * ones are looked for through the text of every record */
#define LIAISON_SEARCH_SHORTEST_INDEXED 3

sqlite3       *liaison_database_get_handle    (LiaisonDatabase          *self);
sqlite3_stmt  *liaison_database_prepare       (LiaisonDatabase          *self,
                                               const char               *sql,
                                               GError                  **error);
LiaisonRecord *liaison_database_load_row      (LiaisonDatabase          *self,
                                               const LiaisonRecordType  *type,
                                               sqlite3_stmt             *stmt);
const char    *liaison_database_select_sql    (LiaisonDatabase          *self,
                                               const LiaisonRecordType  *type);
char          *liaison_database_search_sql    (LiaisonDatabase          *self,
                                               const char               *word,
                                               char                    **parameter);
void           liaison_database_add_functions (sqlite3                  *db);
sqlite3       *liaison_database_open_reader   (const char               *path,
                                               GError                  **error);

typedef gint64 (*LiaisonClockFunc) (gpointer data);

typedef enum
{
  LIAISON_MERGE_UNCHANGED,
  LIAISON_MERGE_ADDED,
  LIAISON_MERGE_ADDED_DELETED,
  LIAISON_MERGE_CHANGED,
  LIAISON_MERGE_DELETED,
} LiaisonMergeOutcome;

typedef struct _LiaisonSync LiaisonSync;

gint64         liaison_database_now                  (LiaisonDatabase          *self);
void           liaison_database_set_clock            (LiaisonDatabase          *self,
                                                      LiaisonClockFunc          clock,
                                                      gpointer                  data);
LiaisonSync   *liaison_database_get_sync             (LiaisonDatabase          *self);
gboolean       liaison_database_transaction_begin    (LiaisonDatabase          *self,
                                                      GError                  **error);
gboolean       liaison_database_transaction_commit   (LiaisonDatabase          *self,
                                                      GError                  **error);
void           liaison_database_transaction_rollback (LiaisonDatabase          *self);
gboolean       liaison_database_apply_merged         (LiaisonDatabase          *self,
                                                      LiaisonRecord            *record,
                                                      gboolean                  deleted,
                                                      LiaisonMergeOutcome      *outcome,
                                                      GError                  **error);

G_END_DECLS
