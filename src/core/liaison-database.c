/* liaison-database.c
 *
 * The office's data in one SQLite file: opening it safely, migrating its
 * schema, saving and loading records, the change log and the search index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "liaison-core-resources.h"
#include "liaison-database-private.h"
#include "liaison-fellowship.h"
#include "liaison-records.h"
#include "liaison-search.h"
#include "liaison-sync-private.h"

/* PRAGMA application_id of a Liaison database: "LIAN" */
#define LIAISON_APPLICATION_ID 0x4c49414e

/* A search row's id: the record type's index, then the record's row id. */
#define SEARCH_ROWID(type_index, id) (((gint64) (type_index) << 40) | (id))

typedef struct
{
  const LiaisonRecordType *type;
  guint                    index;
  char                    *columns;
  char                    *select_by_uuid;
  char                    *insert;
  char                    *update;
  char                    *exists;
  char                    *set_deleted;
} TypeSql;

struct _LiaisonDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;
  GHashTable *type_sql;
  gboolean    full_text;
  LiaisonSync *sync;
  GArray     *pending;
  LiaisonClockFunc clock;
  gpointer    clock_data;
  guint       in_transaction : 1;
  guint       checked : 1;
  guint       damaged : 1;
  /* The write-ahead log still holds what a purge removed */
  guint       scrub_pending : 1;
  guint       scrubbing : 1;
  guint       scrub_retry_id;
};

G_DEFINE_FINAL_TYPE (LiaisonDatabase, liaison_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (liaison-database-error-quark, liaison_database_error)

enum {
  RECORD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *change_actions[] = { "insert", "update", "delete", "undelete" };

/* What a transaction changed, to be announced once it is committed */
typedef LiaisonRecordChange Changed;

static void
changed_clear (gpointer data)
{
  g_clear_pointer (&((Changed *) data)->uuid, g_free);
}

static GArray *
changed_new (void)
{
  GArray *changed = g_array_new (FALSE, TRUE, sizeof (Changed));

  g_array_set_clear_func (changed, changed_clear);
  return changed;
}

static void
changed_add (GArray              *changed,
             LiaisonRecord       *record,
             LiaisonChangeAction  action)
{
  Changed entry = {
    liaison_record_get_record_type (record)->name,
    g_strdup (liaison_record_get_uuid (record)),
    action,
  };

  g_array_append_val (changed, entry);
}

static void
changed_add_uuid (GArray              *changed,
                  const char          *record_type,
                  const char          *uuid,
                  LiaisonChangeAction  action)
{
  Changed entry = { record_type, g_strdup (uuid), action };

  g_array_append_val (changed, entry);
}

static void
type_sql_free (TypeSql *sql)
{
  g_free (sql->columns);
  g_free (sql->select_by_uuid);
  g_free (sql->insert);
  g_free (sql->update);
  g_free (sql->exists);
  g_free (sql->set_deleted);
  g_free (sql);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
liaison_database_finalize (GObject *object)
{
  LiaisonDatabase *self = (LiaisonDatabase *)object;

  g_clear_handle_id (&self->scrub_retry_id, g_source_remove);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->type_sql, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->sync, liaison_sync_free);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (liaison_database_parent_class)->finalize (object);
}

static void
liaison_database_class_init (LiaisonDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_database_finalize;

  /**
   * LiaisonDatabase::record-changed:
   * @self: the database
   * @record_type: the name of the record's type
   * @uuid: (nullable): the record's uuid, or %NULL when many records of
   *   the type changed at once (more than %LIAISON_DATABASE_MANY_CHANGES
   *   in one save or one sync): everything of that type is to be read
   *   again
   * @action: a #LiaisonChangeAction
   *
   * Emitted after a record was saved, deleted or undeleted, once the
   * change is committed.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT);
}

static void
liaison_database_init (LiaisonDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->type_sql = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) type_sql_free);
}

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

/**
 * liaison_database_now:
 * @self: a database
 *
 * Returns: the time in milliseconds since 1970 by the database's clock:
 *   the real one, unless a test set another
 */
gint64
liaison_database_now (LiaisonDatabase *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return now_ms ();
}

/**
 * liaison_database_set_clock:
 * @self: a database
 * @clock: (nullable): a clock, or %NULL for the real one
 * @data: data for @clock
 *
 * Lets a test give each of several databases a clock of its own, right or
 * wrong, so that a history can be replayed from its seed.
 */
void
liaison_database_set_clock (LiaisonDatabase  *self,
                            LiaisonClockFunc  clock,
                            gpointer          data)
{
  self->clock = clock;
  self->clock_data = data;
}

LiaisonSync *
liaison_database_get_sync (LiaisonDatabase *self)
{
  return self->sync;
}

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *path)
{
  g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
               /* Translators: a database file, then SQLite's own words for what went wrong */
               _("The database “%s” could not be used: %s."),
               path != NULL ? path : "", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (LiaisonDatabase  *self,
      const char       *sql,
      GError          **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, self->db, self->path);

  return TRUE;
}

/**
 * liaison_database_prepare:
 * @self: a database
 * @sql: SQL text; never built from user data
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the statement, prepared once and
 *   cached, reset and with no bindings
 */
sqlite3_stmt *
liaison_database_prepare (LiaisonDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, self->path);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

sqlite3 *
liaison_database_get_handle (LiaisonDatabase *self)
{
  g_return_val_if_fail (LIAISON_IS_DATABASE (self), NULL);

  return self->db;
}

static guint
type_index (const LiaisonRecordType *type)
{
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      if (types[i] == type)
        return i;
    }

  g_return_val_if_reached (0);
}

/* The SQL of a record type, built once from its table of fields. Only the
 * names of the static schema go into it. */
static TypeSql *
get_type_sql (LiaisonDatabase         *self,
              const LiaisonRecordType *type)
{
  TypeSql *sql = g_hash_table_lookup (self->type_sql, type);
  g_autoptr(GString) columns = NULL;
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) update = NULL;
  g_autoptr(GString) select = NULL;
  g_autoptr(GString) other = NULL;

  if (sql != NULL)
    return sql;

  sql = g_new0 (TypeSql, 1);
  sql->type = type;
  sql->index = type_index (type);

  columns = g_string_new ("id, uuid, created_at, updated_at, deleted_at");
  insert = g_string_new ("INSERT INTO ");
  g_string_append (insert, type->name);
  g_string_append (insert, " (uuid, created_at, updated_at, deleted_at, sort_key");
  update = g_string_new ("UPDATE ");
  g_string_append (update, type->name);
  g_string_append (update, " SET updated_at = ?2, sort_key = ?3");

  for (guint i = 0; i < type->n_fields; i++)
    {
      g_autofree char *parameter = g_strdup_printf ("?%u", i + 6);

      g_string_append (columns, ", ");
      g_string_append (columns, type->fields[i].name);
      g_string_append (insert, ", ");
      g_string_append (insert, type->fields[i].name);
      g_string_append (update, ", ");
      g_string_append (update, type->fields[i].name);
      g_string_append (update, " = ");
      g_string_append (update, parameter);
    }

  g_string_append (insert, ") VALUES (?1, ?2, ?3, ?4, ?5");
  for (guint i = 0; i < type->n_fields; i++)
    {
      g_autofree char *parameter = g_strdup_printf (", ?%u", i + 6);

      g_string_append (insert, parameter);
    }
  g_string_append (insert, ")");
  g_string_append (update, " WHERE uuid = ?1");

  select = g_string_new ("SELECT ");
  g_string_append (select, columns->str);
  g_string_append (select, " FROM ");
  g_string_append (select, type->name);
  g_string_append (select, " WHERE uuid = ?1");

  sql->columns = g_strdup (columns->str);
  sql->select_by_uuid = g_string_free (g_steal_pointer (&select), FALSE);
  sql->insert = g_string_free (g_steal_pointer (&insert), FALSE);
  sql->update = g_string_free (g_steal_pointer (&update), FALSE);

  other = g_string_new ("SELECT deleted_at FROM ");
  g_string_append (other, type->name);
  g_string_append (other, " WHERE uuid = ?1");
  sql->exists = g_string_free (g_steal_pointer (&other), FALSE);

  other = g_string_new ("UPDATE ");
  g_string_append (other, type->name);
  g_string_append (other, " SET deleted_at = ?2, updated_at = ?3 WHERE uuid = ?1");
  sql->set_deleted = g_string_free (g_steal_pointer (&other), FALSE);

  g_hash_table_insert (self->type_sql, (gpointer) type, sql);
  return sql;
}

/**
 * liaison_database_select_sql:
 * @self: a database
 * @type: a record type
 *
 * Returns: the columns liaison_database_load_row() reads, in its order
 */
const char *
liaison_database_select_sql (LiaisonDatabase         *self,
                             const LiaisonRecordType *type)
{
  return get_type_sql (self, type)->columns;
}

/**
 * liaison_database_load_row:
 * @self: a database
 * @type: the type of the row
 * @stmt: a statement positioned on a row of the columns of
 *   liaison_database_select_sql()
 *
 * Returns: (transfer full): the record of that row
 */
LiaisonRecord *
liaison_database_load_row (LiaisonDatabase         *self,
                           const LiaisonRecordType *type,
                           sqlite3_stmt            *stmt)
{
  LiaisonRecord *record = liaison_record_new (type);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const LiaisonField *field = &type->fields[i];
      int column = 5 + i;

      switch (field->kind)
        {
        case LIAISON_FIELD_INTEGER:
          liaison_record_set_integer (record, field->name, sqlite3_column_int64 (stmt, column));
          break;

        case LIAISON_FIELD_BOOLEAN:
          liaison_record_set_boolean (record, field->name, sqlite3_column_int (stmt, column) != 0);
          break;

        default:
          g_value_set_string ((GValue *) liaison_record_get_value (record, i),
                              (const char *) sqlite3_column_text (stmt, column));
        }
    }

  liaison_record_set_identity (record,
                               (const char *) sqlite3_column_text (stmt, 1),
                               sqlite3_column_int64 (stmt, 2),
                               sqlite3_column_int64 (stmt, 3),
                               sqlite3_column_int64 (stmt, 4));

  return record;
}

static gboolean file_error (GError     **error,
                            int          code,
                            const char  *path);

/* Transactions */

static gboolean
begin (LiaisonDatabase  *self,
       GError          **error)
{
  g_assert (!self->in_transaction);

  if (self->damaged)
    return file_error (error, LIAISON_DATABASE_ERROR_CORRUPT, self->path);

  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      GHashTableIter iter;
      gpointer stmt;

      /* A statement left stepping holds a snapshot older than what the
       * sync's own connection committed since; let go of it and retry. */
      g_hash_table_iter_init (&iter, self->statements);
      while (g_hash_table_iter_next (&iter, NULL, &stmt))
        sqlite3_reset (stmt);

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }

  self->in_transaction = TRUE;
  if (self->sync != NULL)
    liaison_sync_transaction_began (self->sync);
  return TRUE;
}

static void rollback (LiaisonDatabase *self);
static void scrub_log (LiaisonDatabase *self);

static gboolean
commit (LiaisonDatabase  *self,
        GError          **error)
{
  g_assert (self->in_transaction);

  if (!exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  if (self->scrub_pending)
    scrub_log (self);
  return TRUE;
}

static gboolean
scrub_retry_cb (gpointer user_data)
{
  LiaisonDatabase *self = user_data;

  self->scrub_retry_id = 0;
  scrub_log (self);

  return G_SOURCE_REMOVE;
}

/* In a worker thread: copies the log into the database file and empties
 * it, waiting a while for the connections reading to finish */
static void
scrub_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  sqlite3 *db = NULL;
  int status;

  status = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (status == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 1000);
      /* A connection learns that the file is in WAL mode when it first
       * reads it; until then a checkpoint does nothing. */
      status = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    }
  if (status == SQLITE_OK)
    status = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  sqlite3_close (db);

  g_task_return_boolean (task, status == SQLITE_OK);
}

static void
scrubbed_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LiaisonDatabase *self = LIAISON_DATABASE (source_object);

  self->scrubbing = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), NULL))
    {
      /* Again if a purge came since it began */
      if (self->scrub_pending)
        scrub_log (self);
      return;
    }

  self->scrub_pending = TRUE;
  g_clear_handle_id (&self->scrub_retry_id, g_source_remove);
  self->scrub_retry_id = g_timeout_add_seconds (1, scrub_retry_cb, self);
}

/* A change overwrites the pages it changes in the database file (see
 * secure_delete), but their earlier images stay in the write-ahead log
 * until it starts again, which may be when the window closes: after a
 * purge, the values purged would stay on the disk that long. This copies
 * the log into the file and empties it, in a worker thread, as it may
 * have to wait for other connections to finish reading; if it cannot, it
 * tries again after the next commit, or a second later. */
static void
scrub_log (LiaisonDatabase *self)
{
  g_autoptr(GTask) task = NULL;
  GHashTableIter iter;
  gpointer stmt;

  if (g_str_equal (self->path, ":memory:"))
    return;

  self->scrub_pending = TRUE;
  if (self->scrubbing || self->in_transaction)
    return;

  /* A statement of ours left unfinished would be a reader too. */
  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_reset (stmt);

  self->scrubbing = TRUE;
  self->scrub_pending = FALSE;
  g_clear_handle_id (&self->scrub_retry_id, g_source_remove);
  task = g_task_new (self, NULL, scrubbed_cb, NULL);
  g_task_set_source_tag (task, scrub_log);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, scrub_thread);
}

static void
rollback (LiaisonDatabase *self)
{
  if (self->in_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  if (self->sync != NULL)
    liaison_sync_transaction_failed (self->sync);
}

/* The search index */

static gboolean
is_searched_type (const LiaisonRecordType *type)
{
  return type->parent_field == NULL;
}

static gboolean
index_record (LiaisonDatabase  *self,
              LiaisonRecord    *record,
              gint64            id,
              GError          **error)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 rowid;

  if (!is_searched_type (type))
    return TRUE;

  rowid = SEARCH_ROWID (get_type_sql (self, type)->index, id);

  if (!(stmt = liaison_database_prepare (self, "DELETE FROM search WHERE rowid = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);

  if (liaison_record_is_deleted (record))
    return TRUE;

  text = liaison_record_dup_search_text (record);

  if (!(stmt = liaison_database_prepare (self, "INSERT INTO search (rowid, text, record_type, uuid) VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, type->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, liaison_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);

  return TRUE;
}

/* The change log */

static gboolean
log_change (LiaisonDatabase          *self,
            const LiaisonRecordType  *type,
            const char               *uuid,
            LiaisonChangeAction       action,
            const char               *fields,
            gint64                    at,
            GError                  **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = liaison_database_prepare (self, "INSERT INTO changes (at, record_type, record_uuid, action, fields) VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, at);
  sqlite3_bind_text (stmt, 2, type->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, change_actions[action], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);

  return TRUE;
}

/* How many records of each type are not deleted, kept with every save so
 * that a list knows its length without counting. */
static gboolean
adjust_count (LiaisonDatabase          *self,
              const LiaisonRecordType  *type,
              int                       delta,
              GError                  **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = liaison_database_prepare (self, "INSERT INTO record_counts (record_type, live) VALUES (?1, ?2) "
                                               "ON CONFLICT (record_type) DO UPDATE SET live = live + ?2", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, type->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, delta);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);

  return TRUE;
}

void
liaison_change_free (LiaisonChange *change)
{
  g_free (change->record_uuid);
  g_free (change->fields);
  g_free (change);
}

/**
 * liaison_database_list_changes:
 * @self: a database
 * @after_id: list the changes after this one; 0 for all
 *
 * Returns: (transfer full) (element-type LiaisonChange): the changes, oldest
 *   first
 */
GPtrArray *
liaison_database_list_changes (LiaisonDatabase *self,
                               gint64           after_id)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_change_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), NULL);

  stmt = liaison_database_prepare (self, "SELECT id, at, record_type, record_uuid, action, fields FROM changes WHERE id > ?1 ORDER BY id", NULL);
  if (stmt == NULL)
    return g_steal_pointer (&changes);

  sqlite3_bind_int64 (stmt, 1, after_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LiaisonChange *change = g_new0 (LiaisonChange, 1);
      const char *action = (const char *) sqlite3_column_text (stmt, 4);
      const LiaisonRecordType *type = liaison_record_type_find ((const char *) sqlite3_column_text (stmt, 2));

      change->id = sqlite3_column_int64 (stmt, 0);
      change->at = sqlite3_column_int64 (stmt, 1);
      change->record_type = type != NULL ? type->name : "";
      change->record_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      change->fields = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      for (guint i = 0; i < G_N_ELEMENTS (change_actions); i++)
        if (g_strcmp0 (action, change_actions[i]) == 0)
          change->action = i;

      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&changes);
}

/* Loading */

static LiaisonRecord *
load (LiaisonDatabase          *self,
      const LiaisonRecordType  *type,
      const char               *uuid,
      gint64                   *id,
      GError                  **error)
{
  TypeSql *sql = get_type_sql (self, type);
  sqlite3_stmt *stmt;
  LiaisonRecord *record = NULL;
  int status;

  if (!(stmt = liaison_database_prepare (self, sql->select_by_uuid, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  status = sqlite3_step (stmt);

  if (status == SQLITE_ROW)
    {
      record = liaison_database_load_row (self, type, stmt);
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
    }
  else if (status != SQLITE_DONE)
    set_sqlite_error (error, self->db, self->path);

  sqlite3_reset (stmt);
  return record;
}

/**
 * liaison_database_get:
 * @self: a database
 * @type: the record's type
 * @uuid: the record's uuid
 * @error: return location for a #GError
 *
 * Loads a record, deleted or not.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %LIAISON_DATABASE_ERROR_NOT_FOUND
 */
LiaisonRecord *
liaison_database_get (LiaisonDatabase          *self,
                      const LiaisonRecordType  *type,
                      const char               *uuid,
                      GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  LiaisonRecord *record;

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  record = load (self, type, uuid, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (record == NULL)
    g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_NOT_FOUND,
                 /* Translators: a kind of record (e.g. "Person"), then its identifier */
                 _("There is no %s with the identifier %s."), liaison_record_type_get_label (type), uuid);

  return record;
}

/* Saving */

static char *
compute_sort_key (LiaisonDatabase *self,
                  LiaisonRecord   *record)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  g_autofree char *title = NULL;

  if (type == &liaison_person_type)
    {
      const char *family = liaison_record_get_text (record, "family_name_reading");
      const char *given = liaison_record_get_text (record, "given_name_reading");
      g_autofree char *key = NULL;

      /* Japanese names sort by their reading. */
      if (family[0] == '\0')
        family = liaison_record_get_text (record, "family_name");
      if (given[0] == '\0')
        given = liaison_record_get_text (record, "given_name");

      key = g_strconcat (family, " ", given, NULL);
      return liaison_search_normalize (key);
    }

  if (type == &liaison_application_type)
    {
      g_autoptr(LiaisonRecord) person = load (self, &liaison_person_type,
                                               liaison_record_get_text (record, "person"),
                                               NULL, NULL);

      if (person != NULL)
        return compute_sort_key (self, person);
    }

  if (type == &liaison_seminar_type)
    return g_strdup_printf ("%020" G_GINT64_FORMAT,
                            liaison_record_get_integer (record, "start_utc") + G_GINT64_CONSTANT (100000000000000));

  title = liaison_record_dup_title (record);
  return liaison_search_normalize (title);
}

static gboolean
link_exists (LiaisonDatabase *self,
             const char      *link_type,
             const char      *uuid)
{
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      sqlite3_stmt *stmt;
      gboolean found;

      if (link_type != NULL ? !g_str_equal (types[i]->name, link_type) : !is_searched_type (types[i]))
        continue;

      if (!(stmt = liaison_database_prepare (self, get_type_sql (self, types[i])->exists, NULL)))
        return FALSE;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);

      if (found)
        return TRUE;
    }

  return FALSE;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           parameter,
            const GValue *value)
{
  if (G_VALUE_HOLDS_INT64 (value))
    sqlite3_bind_int64 (stmt, parameter, g_value_get_int64 (value));
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    sqlite3_bind_int (stmt, parameter, g_value_get_boolean (value) ? 1 : 0);
  else if (g_value_get_string (value) != NULL)
    sqlite3_bind_text (stmt, parameter, g_value_get_string (value), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, parameter);
}

/* The fields in which @record differs from @stored, or from an empty
 * record when nothing is stored: their names, comma-separated, and their
 * positions. */
static void
diff_fields (LiaisonRecord *record,
             LiaisonRecord *stored,
             GString       *names,
             GArray        *positions)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const GValue *value = liaison_record_get_value (record, i);

      if (stored != NULL ? liaison_record_equal_value (record, stored, i)
                         : G_VALUE_HOLDS_STRING (value)
                           ? g_value_get_string (value) == NULL
                           : G_VALUE_HOLDS_INT64 (value)
                             ? g_value_get_int64 (value) == 0
                             : !g_value_get_boolean (value))
        continue;

      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, type->fields[i].name);
      g_array_append_val (positions, i);
    }
}

/* Writes the columns of @record: a new row (deleted at @deleted_at, if
 * not 0), or the existing row of @stored. */
static gboolean
write_row (LiaisonDatabase  *self,
           LiaisonRecord    *record,
           LiaisonRecord    *stored,
           gint64            now,
           gint64            deleted_at,
           gint64           *id,
           gint64           *created_at,
           GError          **error)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  TypeSql *sql = get_type_sql (self, type);
  g_autofree char *sort_key = compute_sort_key (self, record);
  sqlite3_stmt *stmt;

  if (stored == NULL)
    {
      *created_at = now;
      if (!(stmt = liaison_database_prepare (self, sql->insert, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (record), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, now);
      if (deleted_at != 0)
        sqlite3_bind_int64 (stmt, 4, deleted_at);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_text (stmt, 5, sort_key, -1, SQLITE_TRANSIENT);
    }
  else
    {
      *created_at = liaison_record_get_created_at (stored);
      if (!(stmt = liaison_database_prepare (self, sql->update, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (record), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_text (stmt, 3, sort_key, -1, SQLITE_TRANSIENT);
    }

  for (guint i = 0; i < type->n_fields; i++)
    bind_value (stmt, 6 + i, liaison_record_get_value (record, i));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);

  if (stored == NULL)
    *id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

/* An application sorts by its person's name (see compute_sort_key()),
 * which is the person's to change: saved or merged, a person renamed moves
 * their applications in the lists. Nothing of the applications' own
 * changes, so nothing is logged or synced. */
static gboolean
resort_applications_of (LiaisonDatabase  *self,
                        LiaisonRecord    *person,
                        GArray           *changed,
                        GError          **error)
{
  g_autofree char *key = compute_sort_key (self, person);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = liaison_database_prepare (self, "SELECT uuid FROM application WHERE person = ?1 AND sort_key <> ?2", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (person), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (moved, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);

  if (moved->len == 0)
    return TRUE;

  if (!(stmt = liaison_database_prepare (self, "UPDATE application SET sort_key = ?2 WHERE person = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (person), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);

  for (guint i = 0; i < moved->len; i++)
    changed_add_uuid (changed, liaison_application_type.name, g_ptr_array_index (moved, i), LIAISON_CHANGE_UPDATE);

  return TRUE;
}

static gboolean set_deleted_in_transaction (LiaisonDatabase  *self,
                                            LiaisonRecord    *record,
                                            gboolean          deleted,
                                            gint64            now,
                                            GArray           *changed,
                                            GError          **error);

static gboolean save_in_transaction (LiaisonDatabase  *self,
                                     LiaisonRecord    *record,
                                     GArray           *changed,
                                     GError          **error);

/* Every status an application reaches is kept, with its date. */
static gboolean
record_status_change (LiaisonDatabase  *self,
                      LiaisonRecord    *application,
                      GArray           *changed,
                      GError          **error)
{
  g_autoptr(LiaisonRecord) change = liaison_record_new (&liaison_status_change_type);
  g_autoptr(GDateTime) today = liaison_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  const char *status = liaison_record_get_text (application, "status");

  if (g_str_equal (status, "selected") || g_str_equal (status, "alternate") || g_str_equal (status, "not-selected"))
    {
      const char *decided = liaison_record_get_text (application, "decision_date");

      if (decided[0] != '\0')
        g_set_str (&date, decided);
    }

  liaison_record_set_text (change, "application", liaison_record_get_uuid (application));
  liaison_record_set_text (change, "status", status);
  liaison_record_set_text (change, "changed_on", date);

  return save_in_transaction (self, change, changed, error);
}

static gboolean
save_in_transaction (LiaisonDatabase  *self,
                     LiaisonRecord    *record,
                     GArray           *changed,
                     GError          **error)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  TypeSql *sql = get_type_sql (self, type);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LiaisonRecord) stored = NULL;
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean status_changed = FALSE;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gint64 now = now_ms ();
  gint64 created_at;

  if (!liaison_record_prepare (record, &local_error))
    {
      g_set_error_literal (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < type->n_fields; i++)
    {
      const LiaisonField *field = &type->fields[i];
      const char *target;

      if (field->kind != LIAISON_FIELD_LINK)
        continue;

      target = liaison_record_get_text (record, field->name);
      if (target[0] != '\0' && !link_exists (self, field->link_type, target))
        {
          g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID,
                       /* Translators: %s is the name of a field that links to another record */
                       _("%s refers to a record that does not exist."), liaison_field_get_label (field));
          return FALSE;
        }
    }

  /* A link between two records (a registrant between a seminar and a
   * person) has the same uuid on every desktop that makes it, so that two
   * desktops registering the same person make one record, not two. */
  if (liaison_record_get_created_at (record) == 0)
    {
      g_autofree char *natural = liaison_records_dup_natural_uuid (record);

      if (natural != NULL)
        liaison_record_set_identity (record, natural, 0, 0, 0);
    }

  stored = load (self, type, liaison_record_get_uuid (record), &id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Made again after it was deleted: it is restored, then updated. */
  if (stored != NULL && liaison_record_is_deleted (stored) && liaison_record_get_created_at (record) == 0)
    {
      if (!set_deleted_in_transaction (self, record, FALSE, now, changed, error))
        return FALSE;

      g_clear_object (&stored);
      stored = load (self, type, liaison_record_get_uuid (record), &id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  diff_fields (record, stored, fields, positions);
  for (guint i = 0; i < positions->len; i++)
    {
      if (type == &liaison_application_type &&
          g_str_equal (type->fields[g_array_index (positions, guint, i)].name, "status"))
        status_changed = TRUE;
    }

  /* Saving what is already there writes nothing. */
  if (stored != NULL && fields->len == 0)
    {
      liaison_record_set_identity (record, liaison_record_get_uuid (stored),
                                   liaison_record_get_created_at (stored),
                                   liaison_record_get_updated_at (stored),
                                   liaison_record_get_deleted_at (stored));
      return TRUE;
    }

  if (!write_row (self, record, stored, now, 0, &id, &created_at, error))
    return FALSE;

  liaison_record_set_identity (record, liaison_record_get_uuid (record), created_at, now,
                               stored != NULL ? liaison_record_get_deleted_at (stored) : 0);

  if (!log_change (self, type, liaison_record_get_uuid (record),
                   stored == NULL ? LIAISON_CHANGE_INSERT : LIAISON_CHANGE_UPDATE,
                   fields->str, now, error))
    return FALSE;

  if (!index_record (self, record, id, error))
    return FALSE;

  if (stored == NULL && !adjust_count (self, type, 1, error))
    return FALSE;

  if (!liaison_sync_note_fields (self, record, positions, error))
    return FALSE;

  /* An edit that the delete of another desktop had not seen keeps the
   * record, as the merge does everywhere else. */
  if (stored != NULL && liaison_record_is_deleted (stored))
    {
      gboolean still_deleted;

      if (!liaison_sync_recheck_deleted (self, type, liaison_record_get_uuid (record), &still_deleted, error))
        return FALSE;

      if (!still_deleted)
        {
          if (!(stmt = liaison_database_prepare (self, sql->set_deleted, error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (record), -1, SQLITE_TRANSIENT);
          sqlite3_bind_null (stmt, 2);
          sqlite3_bind_int64 (stmt, 3, now);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return set_sqlite_error (error, self->db, self->path);

          liaison_record_set_identity (record, liaison_record_get_uuid (record), created_at, now, 0);
          if (!log_change (self, type, liaison_record_get_uuid (record), LIAISON_CHANGE_UNDELETE, "", now, error) ||
              !index_record (self, record, id, error) ||
              !adjust_count (self, type, 1, error))
            return FALSE;
        }
    }

  changed_add (changed, record, stored == NULL ? LIAISON_CHANGE_INSERT : LIAISON_CHANGE_UPDATE);

  if (status_changed && !record_status_change (self, record, changed, error))
    return FALSE;

  if (type == &liaison_person_type && !resort_applications_of (self, record, changed, error))
    return FALSE;

  return TRUE;
}

static void
emit_changes (LiaisonDatabase *self,
              GArray          *changed)
{
  liaison_database_notify_changes (self, (const LiaisonRecordChange *) (gpointer) changed->data, changed->len);
}

/**
 * liaison_database_notify_changed:
 * @self: a database
 * @record_type: the name of the record's type
 * @uuid: the record's uuid
 * @action: what happened to it
 *
 * Announces a change that another connection to the same file committed
 * (the sync, working in a thread of its own), so that lists and views of
 * this one follow. With @uuid %NULL: many records of the type changed.
 */
void
liaison_database_notify_changed (LiaisonDatabase     *self,
                                 const char          *record_type,
                                 const char          *uuid,
                                 LiaisonChangeAction  action)
{
  g_return_if_fail (LIAISON_IS_DATABASE (self));
  g_return_if_fail (record_type != NULL);

  g_signal_emit (self, signals[RECORD_CHANGED], 0, record_type, uuid, action);
}

/**
 * liaison_database_notify_changes:
 * @self: a database
 * @changes: (array length=n_changes): changes committed together
 * @n_changes: how many
 *
 * Announces changes committed together, here or through another
 * connection to the same file: a few one by one; many of a type (a status
 * given to a whole cohort, a new desktop's first exchange) as one change of
 * the type, for lists to read again once rather than look for each record.
 */
void
liaison_database_notify_changes (LiaisonDatabase           *self,
                                 const LiaisonRecordChange *changes,
                                 guint                      n_changes)
{
  g_autoptr(GHashTable) per_type = g_hash_table_new (NULL, NULL);

  g_return_if_fail (LIAISON_IS_DATABASE (self));

  /* Record types' names are static strings: one pointer a type */
  for (guint i = 0; i < n_changes; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_type, changes[i].record_type));

      g_hash_table_insert (per_type, (gpointer) changes[i].record_type, GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < n_changes; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_type, changes[i].record_type));

      if (n <= LIAISON_DATABASE_MANY_CHANGES)
        g_signal_emit (self, signals[RECORD_CHANGED], 0, changes[i].record_type, changes[i].uuid, changes[i].action);
      else if (n != G_MAXUINT)
        {
          g_signal_emit (self, signals[RECORD_CHANGED], 0, changes[i].record_type, NULL, LIAISON_CHANGE_UPDATE);
          g_hash_table_insert (per_type, (gpointer) changes[i].record_type, GUINT_TO_POINTER (G_MAXUINT));
        }
    }
}

/* For the sync */

/**
 * liaison_database_transaction_begin:
 * @self: a database
 * @error: return location for a #GError
 *
 * Begins a transaction for the sync, whose record changes are announced
 * once liaison_database_transaction_commit() succeeds.
 */
gboolean
liaison_database_transaction_begin (LiaisonDatabase  *self,
                                    GError          **error)
{
  if (!begin (self, error))
    return FALSE;

  g_clear_pointer (&self->pending, g_array_unref);
  self->pending = changed_new ();
  return TRUE;
}

gboolean
liaison_database_transaction_commit (LiaisonDatabase  *self,
                                     GError          **error)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  if (!commit (self, error))
    return FALSE;

  emit_changes (self, pending);
  return TRUE;
}

void
liaison_database_transaction_rollback (LiaisonDatabase *self)
{
  g_clear_pointer (&self->pending, g_array_unref);
  rollback (self);
}

/**
 * liaison_database_apply_merged:
 * @self: a database in a transaction of liaison_database_transaction_begin()
 * @record: the record as its merged versions show it
 * @deleted: whether the merged versions hide it
 * @action: (out) (optional): what changed
 * @error: return location for a #GError
 *
 * Makes the stored row of @record what the sync merged: its columns, its
 * deletion, its place in the search and the counts, and the change log.
 * Nothing is validated here (the sync checked every value) and nothing
 * else is derived from the change: the other desktop's own status history,
 * say, arrives as records of its own.
 *
 * Returns: %FALSE on a database error
 */
gboolean
liaison_database_apply_merged (LiaisonDatabase      *self,
                               LiaisonRecord        *record,
                               gboolean              deleted,
                               LiaisonMergeOutcome  *outcome,
                               GError              **error)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  TypeSql *sql = get_type_sql (self, type);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LiaisonRecord) stored = NULL;
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  LiaisonChangeAction action;
  gboolean was_deleted;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gint64 now = liaison_database_now (self);
  gint64 created_at;

  g_assert (self->pending != NULL);

  if (outcome != NULL)
    *outcome = LIAISON_MERGE_UNCHANGED;

  stored = load (self, type, liaison_record_get_uuid (record), &id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  diff_fields (record, stored, fields, positions);
  was_deleted = stored != NULL && liaison_record_is_deleted (stored);

  if (stored != NULL && fields->len == 0 && was_deleted == deleted)
    return TRUE;

  if (!write_row (self, record, stored, now, deleted ? now : 0, &id, &created_at, error))
    return FALSE;

  if (stored != NULL && was_deleted != deleted)
    {
      if (!(stmt = liaison_database_prepare (self, sql->set_deleted, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (record), -1, SQLITE_TRANSIENT);
      if (deleted)
        sqlite3_bind_int64 (stmt, 2, now);
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_int64 (stmt, 3, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return set_sqlite_error (error, self->db, self->path);
    }

  liaison_record_set_identity (record, liaison_record_get_uuid (record), created_at, now,
                               deleted ? (was_deleted ? liaison_record_get_deleted_at (stored) : now) : 0);

  if (stored == NULL)
    action = LIAISON_CHANGE_INSERT;
  else if (was_deleted != deleted)
    action = deleted ? LIAISON_CHANGE_DELETE : LIAISON_CHANGE_UNDELETE;
  else
    action = LIAISON_CHANGE_UPDATE;

  if (!log_change (self, type, liaison_record_get_uuid (record), action, fields->str, now, error) ||
      !index_record (self, record, id, error))
    return FALSE;

  if ((stored == NULL && !deleted) || (stored != NULL && was_deleted && !deleted))
    {
      if (!adjust_count (self, type, 1, error))
        return FALSE;
    }
  else if (stored != NULL && !was_deleted && deleted)
    {
      if (!adjust_count (self, type, -1, error))
        return FALSE;
    }

  /* A record that arrives deleted is news to no view. */
  if (!(stored == NULL && deleted))
    changed_add (self->pending, record, action);

  if (type == &liaison_person_type && !resort_applications_of (self, record, self->pending, error))
    return FALSE;

  if (outcome != NULL)
    {
      if (stored == NULL)
        *outcome = deleted ? LIAISON_MERGE_ADDED_DELETED : LIAISON_MERGE_ADDED;
      else if (!was_deleted && deleted)
        *outcome = LIAISON_MERGE_DELETED;
      else
        *outcome = LIAISON_MERGE_CHANGED;
    }

  return TRUE;
}

/* Saves @records inside the transaction under way */
static gboolean
save_each (LiaisonDatabase  *self,
           GPtrArray        *records,
           GArray           *changed,
           GError          **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      if (!save_in_transaction (self, g_ptr_array_index (records, i), changed, error))
        return FALSE;
    }

  return TRUE;
}

/* Saves @records in one transaction, noting what changed in @changed */
static gboolean
save_all_in_transaction (LiaisonDatabase  *self,
                         GPtrArray        *records,
                         GArray           *changed,
                         GError          **error)
{
  if (!begin (self, error))
    return FALSE;

  if (!save_each (self, records, changed, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

/**
 * liaison_database_save_all:
 * @self: a database
 * @records: (element-type LiaisonRecord): records to save
 * @error: return location for a #GError
 *
 * Saves every record of @records in one transaction: all of them or, on
 * any error, none. A record that is not in the database is inserted; one
 * that is, updated, and a change is logged for the fields that differ.
 *
 * Returns: %TRUE if every record was saved
 */
gboolean
liaison_database_save_all (LiaisonDatabase  *self,
                           GPtrArray        *records,
                           GError          **error)
{
  g_autoptr(GArray) changed = changed_new ();

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!save_all_in_transaction (self, records, changed, error))
    return FALSE;

  emit_changes (self, changed);
  return TRUE;
}

typedef struct
{
  char                    *path;
  GPtrArray               *records;
  GArray                  *changed;
  /* Records to read and edit first, for liaison_database_edit_all_async() */
  const LiaisonRecordType *type;
  GArray                  *ids;
  LiaisonEditFunc          edit;
  gpointer                 edit_data;
  GDestroyNotify           edit_data_free;
  /* Or to delete or restore, for liaison_database_set_deleted_async() */
  gboolean                 set_deleted;
  gboolean                 deleted;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->path);
  g_ptr_array_unref (job->records);
  g_array_unref (job->changed);
  g_clear_pointer (&job->ids, g_array_unref);
  if (job->edit_data_free != NULL)
    g_clear_pointer (&job->edit_data, job->edit_data_free);
  g_free (job);
}

/* Reads the records of @job->ids that are there and not deleted, and
 * edits them */
static gboolean
read_and_edit (LiaisonDatabase  *self,
               SaveJob          *job,
               GError          **error)
{
  g_auto(GStrv) uuids = liaison_database_dup_uuids (self, job->type, job->ids, error);

  if (uuids == NULL)
    return FALSE;

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      LiaisonRecord *record = load (self, job->type, uuids[i], NULL, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (record == NULL)
        continue;

      if (liaison_record_is_deleted (record))
        {
          g_object_unref (record);
          continue;
        }

      job->edit (record, job->edit_data);
      g_ptr_array_add (job->records, record);
    }

  return TRUE;
}

/* Deletes or restores the records of @job->ids that are there and not
 * already so */
static gboolean
read_and_set_deleted (LiaisonDatabase  *self,
                      SaveJob          *job,
                      GError          **error)
{
  g_auto(GStrv) uuids = liaison_database_dup_uuids (self, job->type, job->ids, error);
  gint64 now = now_ms ();

  if (uuids == NULL)
    return FALSE;

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(LiaisonRecord) record = load (self, job->type, uuids[i], NULL, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (record == NULL || liaison_record_is_deleted (record) == job->deleted)
        continue;

      if (!set_deleted_in_transaction (self, record, job->deleted, now, job->changed, error))
        return FALSE;
    }

  return TRUE;
}

/* The records to edit are read inside the transaction that saves them:
 * a save from elsewhere in between would otherwise be undone. */
static gboolean
run_save_job (LiaisonDatabase  *self,
              SaveJob          *job,
              GError          **error)
{
  if (!begin (self, error))
    return FALSE;

  if ((job->ids != NULL && job->set_deleted && !read_and_set_deleted (self, job, error)) ||
      (job->ids != NULL && !job->set_deleted && !read_and_edit (self, job, error)) ||
      !save_each (self, job->records, job->changed, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) worker = liaison_database_open_full (job->path, LIAISON_DATABASE_OPEN_DEFER_CHECK, &error);

  if (worker == NULL || !run_save_job (worker, job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs @job in a worker thread, or here when it cannot */
static void
start_save_job (LiaisonDatabase *self,
                GTask           *task,
                SaveJob         *job)
{
  g_autoptr(GError) error = NULL;

  job->path = g_strdup (self->path);
  job->changed = changed_new ();
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);

  /* The worker's connection would not know that the check of the file
   * has failed; an in-memory database has no file to open again. */
  if (self->damaged || g_str_equal (self->path, ":memory:"))
    {
      if (run_save_job (self, job, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, save_thread);
}

/**
 * liaison_database_save_all_async:
 * @self: a database
 * @records: (element-type LiaisonRecord): records to save, which are not
 *   to be touched until @callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are saved, or not
 * @user_data: for @callback
 *
 * liaison_database_save_all() through a connection of its own in a worker
 * thread, so that saving many records (a status given to a whole cohort)
 * does not hold up the window. The changes are announced on @self by
 * liaison_database_save_all_finish().
 */
void
liaison_database_save_all_async (LiaisonDatabase     *self,
                                 GPtrArray           *records,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (LIAISON_IS_DATABASE (self));
  g_return_if_fail (records != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_database_save_all_async);
  job = g_new0 (SaveJob, 1);
  job->records = g_ptr_array_ref (records);
  start_save_job (self, task, job);
}

/* A job on the records of @ids, read in the worker */
static SaveJob *
ids_job_new (const LiaisonRecordType *type,
             GArray                  *ids)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->records = g_ptr_array_new_with_free_func (g_object_unref);
  job->type = type;
  job->ids = g_array_copy (ids);

  return job;
}

/**
 * liaison_database_edit_all_async:
 * @self: a database
 * @type: the type of the records
 * @ids: (element-type gint64): the row ids of the records to edit, as
 *   liaison_record_list_get_id() gives them
 * @edit: (scope notified): what to do to each, called in a worker thread
 * @edit_data: for @edit
 * @edit_data_free: (nullable): frees @edit_data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are saved, or not
 * @user_data: for @callback
 *
 * Reads the records of @ids, lets @edit change each and saves them all
 * in one transaction, through a connection of its own in a worker thread:
 * a new status for a cohort of thousands reads nothing on the main
 * thread, not even the records' uuids. Records deleted or gone meanwhile
 * are left out. Finish with
 * liaison_database_save_all_finish(), which announces the changes.
 */
void
liaison_database_edit_all_async (LiaisonDatabase         *self,
                                 const LiaisonRecordType *type,
                                 GArray                  *ids,
                                 LiaisonEditFunc          edit,
                                 gpointer                 edit_data,
                                 GDestroyNotify           edit_data_free,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (LIAISON_IS_DATABASE (self));
  g_return_if_fail (type != NULL);
  g_return_if_fail (ids != NULL);
  g_return_if_fail (edit != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_database_edit_all_async);
  job = ids_job_new (type, ids);
  job->edit = edit;
  job->edit_data = edit_data;
  job->edit_data_free = edit_data_free;
  start_save_job (self, task, job);
}

/**
 * liaison_database_set_deleted_async:
 * @self: a database
 * @type: the type of the records
 * @ids: (element-type gint64): the row ids of the records, as
 *   liaison_record_list_get_id() gives them
 * @deleted: %TRUE to delete them, %FALSE to restore them
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are deleted or restored, or not
 * @user_data: for @callback
 *
 * Deletes the records of @ids, as liaison_database_delete_all() does, or
 * restores them, in one transaction, through a connection of its own in a
 * worker thread: a whole cohort reads nothing on the main thread. Records
 * gone, or already deleted or restored, are left as they are. Finish with
 * liaison_database_save_all_finish(), which announces the changes.
 */
void
liaison_database_set_deleted_async (LiaisonDatabase         *self,
                                    const LiaisonRecordType *type,
                                    GArray                  *ids,
                                    gboolean                 deleted,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (LIAISON_IS_DATABASE (self));
  g_return_if_fail (type != NULL);
  g_return_if_fail (ids != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_database_set_deleted_async);
  job = ids_job_new (type, ids);
  job->set_deleted = TRUE;
  job->deleted = deleted;
  start_save_job (self, task, job);
}

/**
 * liaison_database_dup_uuids:
 * @self: a database
 * @type: a record type
 * @ids: (element-type gint64): row ids of records of @type
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the uuids of the records of @ids, in no
 *   particular order, or %NULL on error
 */
GStrv
liaison_database_dup_uuids (LiaisonDatabase          *self,
                            const LiaisonRecordType  *type,
                            GArray                   *ids,
                            GError                  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) list = g_string_new ("[");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), NULL);
  g_return_val_if_fail (type != NULL && ids != NULL, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (list, ']');

  sql = g_strconcat ("SELECT uuid FROM ", type->name, " WHERE id IN (SELECT value FROM json_each (?1))", NULL);
  if (!(stmt = liaison_database_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, list->str, -1, SQLITE_TRANSIENT);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (status != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, self->path);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * liaison_database_save_all_finish:
 * @self: a database
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Announces what was saved, as liaison_database_save_all() does.
 *
 * Returns: %TRUE if every record was saved; %FALSE, and none was, with
 *   @error set
 */
gboolean
liaison_database_save_all_finish (LiaisonDatabase  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  SaveJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  emit_changes (self, job->changed);
  return TRUE;
}

/**
 * liaison_database_save:
 * @self: a database
 * @record: a record
 * @error: return location for a #GError
 *
 * Validates and saves @record in one transaction.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
liaison_database_save (LiaisonDatabase  *self,
                       LiaisonRecord    *record,
                       GError          **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  g_return_val_if_fail (LIAISON_IS_RECORD (record), FALSE);

  g_ptr_array_add (records, record);
  return liaison_database_save_all (self, records, error);
}

/* Deletes or restores one record inside the transaction under way. */
static gboolean
set_deleted_in_transaction (LiaisonDatabase  *self,
                            LiaisonRecord    *record,
                            gboolean          deleted,
                            gint64            now,
                            GArray           *changed,
                            GError          **error)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  TypeSql *sql = get_type_sql (self, type);
  g_autoptr(LiaisonRecord) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  LiaisonChangeAction action = deleted ? LIAISON_CHANGE_DELETE : LIAISON_CHANGE_UNDELETE;

  stored = load (self, type, liaison_record_get_uuid (record), &id, &local_error);
  if (stored == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_NOT_FOUND,
                     _("There is no %s with the identifier %s."), liaison_record_type_get_label (type),
                     liaison_record_get_uuid (record));
      return FALSE;
    }

  /* Deleting what is deleted, or restoring what is there, changes nothing. */
  if (liaison_record_is_deleted (stored) == deleted)
    {
      liaison_record_set_identity (record, liaison_record_get_uuid (stored),
                                   liaison_record_get_created_at (stored),
                                   liaison_record_get_updated_at (stored),
                                   liaison_record_get_deleted_at (stored));
      return TRUE;
    }

  if (!(stmt = liaison_database_prepare (self, sql->set_deleted, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  if (deleted)
    sqlite3_bind_int64 (stmt, 2, now);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);

  liaison_record_set_identity (stored, liaison_record_get_uuid (stored),
                               liaison_record_get_created_at (stored), now,
                               deleted ? now : 0);

  if (!log_change (self, type, liaison_record_get_uuid (record), action, "", now, error) ||
      !index_record (self, stored, id, error) ||
      !adjust_count (self, type, deleted ? -1 : 1, error) ||
      !liaison_sync_note_deleted (self, type, liaison_record_get_uuid (record), deleted, error))
    return FALSE;

  liaison_record_set_identity (record, liaison_record_get_uuid (stored),
                               liaison_record_get_created_at (stored), now,
                               deleted ? now : 0);
  changed_add (changed, record, action);

  return TRUE;
}

static gboolean
set_deleted_all (LiaisonDatabase  *self,
                 GPtrArray        *records,
                 gboolean          deleted,
                 GError          **error)
{
  g_autoptr(GArray) changed = changed_new ();
  gint64 now = now_ms ();

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      if (!set_deleted_in_transaction (self, g_ptr_array_index (records, i), deleted, now, changed, error))
        {
          rollback (self);
          return FALSE;
        }
    }

  if (!commit (self, error))
    return FALSE;

  emit_changes (self, changed);
  return TRUE;
}

/**
 * liaison_database_delete_all:
 * @self: a database
 * @records: (element-type LiaisonRecord): saved records
 * @error: return location for a #GError
 *
 * Deletes every record of @records, in one transaction: all or none.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_database_delete_all (LiaisonDatabase  *self,
                             GPtrArray        *records,
                             GError          **error)
{
  return set_deleted_all (self, records, TRUE, error);
}

/**
 * liaison_database_undelete_all:
 * @self: a database
 * @records: (element-type LiaisonRecord): deleted records
 * @error: return location for a #GError
 *
 * Restores every record of @records, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_database_undelete_all (LiaisonDatabase  *self,
                               GPtrArray        *records,
                               GError          **error)
{
  return set_deleted_all (self, records, FALSE, error);
}

static gboolean
set_deleted (LiaisonDatabase  *self,
             LiaisonRecord    *record,
             gboolean          deleted,
             GError          **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  g_return_val_if_fail (LIAISON_IS_RECORD (record), FALSE);

  g_ptr_array_add (records, record);
  return set_deleted_all (self, records, deleted, error);
}

/**
 * liaison_database_delete:
 * @self: a database
 * @record: a saved record
 * @error: return location for a #GError
 *
 * Deletes @record so that it can be restored: it leaves every list and the
 * search, and liaison_database_undelete() brings it back as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_database_delete (LiaisonDatabase  *self,
                         LiaisonRecord    *record,
                         GError          **error)
{
  return set_deleted (self, record, TRUE, error);
}

gboolean
liaison_database_undelete (LiaisonDatabase  *self,
                           LiaisonRecord    *record,
                           GError          **error)
{
  return set_deleted (self, record, FALSE, error);
}

/**
 * liaison_database_purge_sensitive:
 * @self: a database
 * @record: a saved record
 * @error: return location for a #GError
 *
 * Empties the sensitive fields of @record (dietary needs, accessibility,
 * emergency contact…), as a person may ask, and notes in its activity log
 * that this was done, without the values: both in one transaction. Every
 * version the sync kept of those fields goes too, a conflict's included,
 * even where the field shown was empty already. The values are gone from
 * the files on disk too, the write-ahead log included, once no other
 * connection is reading (see scrub_log()).
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_database_purge_sensitive (LiaisonDatabase  *self,
                                  LiaisonRecord    *record,
                                  GError          **error)
{
  const LiaisonRecordType *type;
  g_autoptr(LiaisonRecord) note = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GArray) sensitive = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) changed = changed_new ();
  g_autoptr(GDateTime) today = liaison_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autoptr(GString) purged = g_string_new (NULL);
  gboolean told = FALSE;

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (LIAISON_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  type = liaison_record_get_record_type (record);

  for (guint i = 0; i < type->n_fields; i++)
    {
      if ((type->fields[i].flags & LIAISON_FIELD_SENSITIVE) == 0)
        continue;

      liaison_record_set_text (record, type->fields[i].name, NULL);
      g_array_append_val (sensitive, i);
      if (purged->len > 0)
        g_string_append (purged, ", ");
      g_string_append (purged, liaison_field_get_label (&type->fields[i]));
    }

  if (purged->len == 0)
    return TRUE;

  note = liaison_record_new (&liaison_activity_type);
  liaison_record_set_text (note, "record", liaison_record_get_uuid (record));
  liaison_record_set_text (note, "date", date);
  liaison_record_set_text (note, "kind", "note");
  {
    /* Translators: %s lists the fields that were emptied, e.g. "Dietary requirements, Accessibility needs" */
    g_autofree char *text = g_strdup_printf (_("Sensitive information removed on request: %s."), purged->str);

    liaison_record_set_text (note, "text", text);
  }

  g_ptr_array_add (records, record);
  g_ptr_array_add (records, note);

  /* A field already empty is not saved again, but another desktop's
   * value may wait in a conflict on it: a version of the purge replaces
   * every version of every one of the fields. */
  if (!begin (self, error))
    return FALSE;

  if (!save_each (self, records, changed, error) ||
      !liaison_sync_note_fields (self, record, sensitive, error))
    {
      rollback (self);
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  /* The record is told even if only its conflicts went. */
  for (guint i = 0; i < changed->len; i++)
    told |= g_str_equal (g_array_index (changed, Changed, i).uuid, liaison_record_get_uuid (record));
  if (!told)
    changed_add (changed, record, LIAISON_CHANGE_UPDATE);
  emit_changes (self, changed);

  scrub_log (self);
  return TRUE;
}

static GStrv
read_tags (sqlite3                 *db,
           const LiaisonRecordType *type)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) sql = g_string_new ("SELECT DISTINCT tags FROM ");
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;

  g_string_append (sql, type->name);
  g_string_append (sql, " WHERE deleted_at IS NULL AND tags IS NOT NULL");

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_auto(GStrv) lines = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            {
              g_strstrip (lines[i]);
              if (lines[i][0] != '\0' && !g_hash_table_contains (seen, lines[i]))
                {
                  char *tag = g_strdup (lines[i]);

                  g_hash_table_add (seen, tag);
                  g_ptr_array_add (tags, tag);
                }
            }
        }
    }
  sqlite3_finalize (stmt);

  g_ptr_array_sort_values (tags, (GCompareFunc) g_utf8_collate);
  for (guint i = 0; i < tags->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (tags, i));

  return g_strv_builder_end (builder);
}

/**
 * liaison_database_dup_tags:
 * @self: a database
 * @type: a record type with tags
 *
 * Reads every record of @type: with many records, use
 * liaison_database_dup_tags_async() from the main loop.
 *
 * Returns: (transfer full): the tags used on records of @type that are not
 *   deleted, each once, in order
 */
GStrv
liaison_database_dup_tags (LiaisonDatabase         *self,
                           const LiaisonRecordType *type)
{
  g_return_val_if_fail (LIAISON_IS_DATABASE (self), NULL);
  g_return_val_if_fail (liaison_record_type_find_field (type, "tags") != NULL, NULL);

  return read_tags (self->db, type);
}

static void
tags_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LiaisonDatabase *self = source_object;
  const LiaisonRecordType *type = task_data;
  GError *error = NULL;
  sqlite3 *db = liaison_database_open_reader (self->path, &error);

  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, read_tags (db, type), (GDestroyNotify) g_strfreev);
  sqlite3_close (db);
}

/**
 * liaison_database_dup_tags_async:
 * @self: a database
 * @type: a record type with tags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the tags
 * @user_data: for @callback
 *
 * liaison_database_dup_tags() in a worker thread.
 */
void
liaison_database_dup_tags_async (LiaisonDatabase         *self,
                                 const LiaisonRecordType *type,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIAISON_IS_DATABASE (self));
  g_return_if_fail (liaison_record_type_find_field (type, "tags") != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_database_dup_tags_async);
  g_task_set_task_data (task, (gpointer) type, NULL);

  /* An in-memory database has no file to open again. */
  if (g_str_equal (self->path, ":memory:"))
    {
      g_task_return_pointer (task, read_tags (self->db, type), (GDestroyNotify) g_strfreev);
      return;
    }

  g_task_run_in_thread (task, tags_thread);
}

/**
 * liaison_database_dup_tags_finish:
 * @self: a database
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the tags, or %NULL with @error set
 */
GStrv
liaison_database_dup_tags_finish (LiaisonDatabase  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * liaison_database_count:
 * @self: a database
 * @type: a record type
 *
 * Returns: the number of records of @type that are not deleted
 */
guint
liaison_database_count (LiaisonDatabase         *self,
                        const LiaisonRecordType *type)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), 0);
  g_return_val_if_fail (type != NULL, 0);

  stmt = liaison_database_prepare (self, "SELECT live FROM record_counts WHERE record_type = ?1", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, type->name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/**
 * liaison_database_is_empty:
 * @self: a database
 *
 * Returns: %TRUE if the database has no records, deleted or not
 */
gboolean
liaison_database_is_empty (LiaisonDatabase *self)
{
  sqlite3_stmt *stmt;
  gboolean empty;

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), FALSE);

  /* Every record ever saved left a change behind. */
  stmt = liaison_database_prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM changes)", NULL);
  empty = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return empty;
}

const char *
liaison_database_get_path (LiaisonDatabase *self)
{
  g_return_val_if_fail (LIAISON_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * liaison_database_has_full_text:
 * @self: a database
 *
 * Returns: %TRUE if the search uses SQLite's FTS5 trigram index, %FALSE if
 *   this SQLite lacks it and the search scans instead
 */
gboolean
liaison_database_has_full_text (LiaisonDatabase *self)
{
  g_return_val_if_fail (LIAISON_IS_DATABASE (self), FALSE);

  return self->full_text;
}

/* Searching */

static char *
like_pattern (const char *term)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* A word as one FTS5 phrase: its quotes doubled */
static char *
fts_phrase (const char *term)
{
  g_auto(GStrv) parts = g_strsplit (term, "\"", -1);
  g_autofree char *quoted = g_strjoinv ("\"\"", parts);

  return g_strdup_printf ("\"%s\"", quoted);
}

/* The trigram index answers for words of three characters or more;
 * shorter ones are looked for in the indexed text. */
static gboolean
uses_index (LiaisonDatabase *self,
            const char      *term)
{
  return self->full_text && g_utf8_strlen (term, -1) >= LIAISON_SEARCH_SHORTEST_INDEXED;
}

/**
 * liaison_database_search_sql:
 * @self: a database
 * @word: a normalized word
 * @parameter: (out): the value to bind to the query's one parameter
 *
 * Returns: (transfer full): a query of the uuids of the records, of every
 *   type, whose searched text contains @word
 */
char *
liaison_database_search_sql (LiaisonDatabase  *self,
                             const char       *word,
                             char            **parameter)
{
  g_return_val_if_fail (LIAISON_IS_DATABASE (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if (uses_index (self, word))
    {
      *parameter = fts_phrase (word);
      return g_strdup ("SELECT uuid FROM search WHERE search MATCH ?");
    }

  *parameter = like_pattern (word);
  return g_strdup ("SELECT uuid FROM search WHERE text LIKE ? ESCAPE '\\'");
}

/**
 * liaison_database_search:
 * @self: a database
 * @query: what the user typed
 * @limit: the most results wanted
 * @error: return location for a #GError
 *
 * Finds records of every type whose names, readings, organizations,
 * places, notes or tags contain every word of @query, as substrings:
 * kanji and kana without spaces, Latin text regardless of case and
 * accents. Deleted records are not found.
 *
 * Returns: (transfer full): a list model of #LiaisonSearchResult
 */
GListModel *
liaison_database_search (LiaisonDatabase  *self,
                         const char       *query,
                         guint             limit,
                         GError          **error)
{
  g_autoptr(GListStore) results = g_list_store_new (LIAISON_TYPE_SEARCH_RESULT);
  g_autofree char *normalized = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new ("SELECT record_type, uuid FROM search WHERE 1");
  sqlite3_stmt *stmt;
  int parameter = 1;
  int status;

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  normalized = liaison_search_normalize (query);
  words = g_strsplit_set (normalized, " \t\n", -1);
  for (guint i = 0; words[i] != NULL && terms->len < 8; i++)
    {
      if (words[i][0] != '\0')
        g_ptr_array_add (terms, words[i]);
    }

  if (terms->len == 0 || limit == 0)
    return G_LIST_MODEL (g_steal_pointer (&results));

  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);

      if (uses_index (self, term))
        {
          g_autofree char *phrase = fts_phrase (term);

          if (match->len > 0)
            g_string_append (match, " AND ");
          g_string_append (match, phrase);
        }
      else
        g_ptr_array_add (patterns, like_pattern (term));
    }

  if (match->len > 0)
    g_string_append (sql, " AND search MATCH ?1");
  for (guint i = 0; i < patterns->len; i++)
    {
      g_autofree char *clause = g_strdup_printf (" AND text LIKE ?%u ESCAPE '\\'", i + 2);

      g_string_append (sql, clause);
    }
  if (match->len > 0)
    g_string_append (sql, " ORDER BY rank");
  g_string_append (sql, " LIMIT ?10");

  if (!(stmt = liaison_database_prepare (self, sql->str, error)))
    return NULL;

  if (match->len > 0)
    sqlite3_bind_text (stmt, parameter, match->str, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < patterns->len; i++)
    sqlite3_bind_text (stmt, i + 2, g_ptr_array_index (patterns, i), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 10, limit);

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const LiaisonRecordType *type = liaison_record_type_find ((const char *) sqlite3_column_text (stmt, 0));
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(LiaisonSearchResult) result = NULL;

      if (type == NULL)
        continue;

      /* Named when shown: a list shows a few of them at a time. */
      result = liaison_search_result_new (self, type->name, uuid, NULL);
      g_list_store_append (results, result);
    }

  sqlite3_reset (stmt);

  if (status != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, self->path);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}

/* Opening and migrating */

static gboolean
migrate_to_1 (LiaisonDatabase  *self,
              GError          **error)
{
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *application_id = NULL;

  schema = g_resource_lookup_data (liaison_core_get_resource (),
                                   "/org/jlgc/Liaison/core/liaison-schema-v1.sql",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (schema == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  application_id = g_strdup_printf ("PRAGMA application_id = %d", LIAISON_APPLICATION_ID);

  return exec (self, sql, error) && exec (self, application_id, error);
}

/* The columns added to record tables after version 1. The migrations that
 * read whole records (2 and 4) read every column of today's field tables,
 * so these are added before them, whatever version added them; the
 * version that added a column then only makes sure it is there. */
static gboolean
ensure_later_columns (LiaisonDatabase  *self,
                      GError          **error)
{
  static const struct {
    const char *table;
    const char *column;
    const char *add;
  } columns[] = {
    { "seminar", "start_fold", "ALTER TABLE seminar ADD COLUMN start_fold INTEGER" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean found = FALSE;

      if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2", -1, &stmt, NULL) != SQLITE_OK)
        return set_sqlite_error (error, self->db, self->path);
      sqlite3_bind_text (stmt, 1, columns[i].table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, columns[i].column, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);

      if (!found && !exec (self, columns[i].add, error))
        return FALSE;
    }

  return TRUE;
}

/* Version 2: the search index, filled from the records already there, and
 * the number of records of each type. */
static gboolean
migrate_to_2 (LiaisonDatabase  *self,
              GError          **error)
{
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  if (!ensure_later_columns (self, error))
    return FALSE;

  if (!exec (self,
             self->full_text
             ? "CREATE VIRTUAL TABLE search USING fts5 (text, record_type UNINDEXED, uuid UNINDEXED, tokenize = 'trigram')"
             : "CREATE TABLE search (id INTEGER PRIMARY KEY, text TEXT NOT NULL, record_type TEXT NOT NULL, uuid TEXT NOT NULL)",
             error))
    return FALSE;

  if (!exec (self, "CREATE TABLE record_counts (record_type TEXT PRIMARY KEY, live INTEGER NOT NULL)", error))
    return FALSE;

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GString) count = g_string_new ("INSERT INTO record_counts (record_type, live) SELECT '");

      g_string_append (count, types[i]->name);
      g_string_append (count, "', count(*) FROM ");
      g_string_append (count, types[i]->name);
      g_string_append (count, " WHERE deleted_at IS NULL");
      if (!exec (self, count->str, error))
        return FALSE;
    }

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GString) sql = NULL;
      sqlite3_stmt *stmt;
      int status;

      if (!is_searched_type (types[i]))
        continue;

      sql = g_string_new ("SELECT ");
      g_string_append (sql, liaison_database_select_sql (self, types[i]));
      g_string_append (sql, " FROM ");
      g_string_append (sql, types[i]->name);
      g_string_append (sql, " WHERE deleted_at IS NULL");

      if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        return set_sqlite_error (error, self->db, self->path);

      while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(LiaisonRecord) record = liaison_database_load_row (self, types[i], stmt);

          if (!index_record (self, record, sqlite3_column_int64 (stmt, 0), error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }

      sqlite3_finalize (stmt);
      if (status != SQLITE_DONE)
        return set_sqlite_error (error, self->db, self->path);
    }

  return TRUE;
}

/* Version 3: the applicants of one cohort year, in their natural order,
 * straight from an index: the list the Fellowship view opens with. */
static gboolean
migrate_to_3 (LiaisonDatabase  *self,
              GError          **error)
{
  return exec (self,
               "CREATE INDEX application_cohort_order ON application (cohort_year, sort_key, id) "
               "WHERE deleted_at IS NULL",
               error);
}

/* Version 4: the sync's versions of every field, its own identity and the
 * other desktops it has heard of; the records already there become this
 * desktop's first edits. */
static gboolean
migrate_to_4 (LiaisonDatabase  *self,
              GError          **error)
{
  return ensure_later_columns (self, error) &&
         liaison_sync_migrate (self, error);
}

/* Version 5: the type of every record the sync knows, so that no file can
 * give a uuid another. (Databases made at version 4 by this version of
 * Liaison have the table already.) */
static gboolean
migrate_to_5 (LiaisonDatabase  *self,
              GError          **error)
{
  return exec (self,
               "CREATE TABLE IF NOT EXISTS sync_record (uuid TEXT PRIMARY KEY, record_type TEXT NOT NULL) WITHOUT ROWID;"
               "INSERT OR IGNORE INTO sync_record (uuid, record_type) SELECT DISTINCT uuid, record_type FROM sync_version",
               error);
}

/* Version 6: which of a repeated hour a seminar starts in, when the
 * clocks fall back and someone chose. */
static gboolean
migrate_to_6 (LiaisonDatabase  *self,
              GError          **error)
{
  return ensure_later_columns (self, error);
}

/* Version 7: the tags in use, straight from an index of the records that
 * have any, so that the tag filters are filled without reading every
 * record. */
static gboolean
migrate_to_7 (LiaisonDatabase  *self,
              GError          **error)
{
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *sql = NULL;

      if (liaison_record_type_find_field (types[i], "tags") == NULL)
        continue;

      sql = g_strconcat ("CREATE INDEX IF NOT EXISTS ", types[i]->name, "_tags ON ", types[i]->name,
                         " (tags) WHERE deleted_at IS NULL AND tags IS NOT NULL", NULL);
      if (!exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean (*migrations[]) (LiaisonDatabase *, GError **) = {
  NULL,
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
  migrate_to_5,
  migrate_to_6,
  migrate_to_7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIAISON_DATABASE_SCHEMA_VERSION + 1);

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *status)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;

  *status = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*status == SQLITE_OK)
    {
      *status = sqlite3_step (stmt);
      if (*status == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          *status = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
file_error (GError     **error,
            int          code,
            const char  *path)
{
  switch (code)
    {
    case LIAISON_DATABASE_ERROR_NOT_A_DATABASE:
      g_set_error (error, LIAISON_DATABASE_ERROR, code,
                   /* Translators: %s is a file */
                   _("“%s” is not a Liaison database."), path);
      break;

    case LIAISON_DATABASE_ERROR_CORRUPT:
      g_set_error (error, LIAISON_DATABASE_ERROR, code,
                   /* Translators: %s is a file */
                   _("The database “%s” is damaged and cannot be opened."), path);
      break;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    return file_error (error, LIAISON_DATABASE_ERROR_CORRUPT, path);

  return TRUE;
}

/* Looks at an existing file through @db without changing a byte of it: is
 * it a Liaison database, of a version this Liaison understands, and (with
 * @check) whole? */
static gboolean
check_existing (sqlite3     *db,
                const char  *path,
                gboolean     check,
                int         *version,
                GError     **error)
{
  static const char header[16] = "SQLite format 3";
  char start[16] = { 0 };
  gssize n_read;
  int status;
  int application_id;
  int n_tables = 0;
  int fd;

  /* Plain POSIX: this is on the way to the first frame. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  n_read = fd >= 0 ? read (fd, start, sizeof start) : -1;
  if (fd >= 0)
    g_close (fd, NULL);

  if (n_read < 0)
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_OPEN,
                   /* Translators: %s is a file */
                   _("The database “%s” cannot be read."), path);
      return FALSE;
    }

  if (n_read == 0)
    {
      *version = 0;
      return TRUE;
    }

  if (n_read < (gssize) sizeof start || memcmp (start, header, sizeof header) != 0)
    return file_error (error, LIAISON_DATABASE_ERROR_NOT_A_DATABASE, path);

  application_id = query_int (db, "PRAGMA application_id", &status);
  if (status == SQLITE_OK)
    *version = query_int (db, "PRAGMA user_version", &status);
  if (status == SQLITE_OK)
    n_tables = query_int (db, "SELECT count(*) FROM sqlite_schema", &status);

  if (status == SQLITE_NOTADB)
    return file_error (error, LIAISON_DATABASE_ERROR_NOT_A_DATABASE, path);
  if (status != SQLITE_OK)
    return file_error (error, LIAISON_DATABASE_ERROR_CORRUPT, path);
  if (application_id != LIAISON_APPLICATION_ID && n_tables > 0)
    return file_error (error, LIAISON_DATABASE_ERROR_NOT_A_DATABASE, path);

  if (*version > LIAISON_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_NEWER_VERSION,
                   /* Translators: a file, then two numbers */
                   _("The database “%s” was written by a newer version of Liaison (database version %d; this version reads up to %d). Update Liaison to open it."),
                   path, *version, LIAISON_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  /* A database about to be migrated is always checked first. */
  if ((check || *version < LIAISON_DATABASE_SCHEMA_VERSION) && !quick_check (db, path, error))
    return FALSE;

  return TRUE;
}

static gboolean
backup_to (LiaisonDatabase  *self,
           const char       *target,
           GError          **error)
{
  g_autofree char *partial = g_strconcat (target, ".partial", NULL);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int status;

  g_unlink (partial);
  if (sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, copy, partial);
      sqlite3_close (copy);
      return FALSE;
    }

  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, copy, partial);
      sqlite3_close (copy);
      return FALSE;
    }

  sqlite3_backup_step (backup, -1);
  status = sqlite3_backup_finish (backup);
  sqlite3_close (copy);

  if (status != SQLITE_OK || g_chmod (partial, 0600) != 0 || g_rename (partial, target) != 0)
    {
      g_unlink (partial);
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_MIGRATION,
                   /* Translators: %s is a file */
                   _("A backup of the database could not be written to “%s”."), target);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (LiaisonDatabase  *self,
         int               version,
         GError          **error)
{
  if (version == LIAISON_DATABASE_SCHEMA_VERSION)
    return TRUE;

  /* A copy of the data as it was, before anything changes. */
  if (version > 0 && !g_str_equal (self->path, ":memory:"))
    {
      g_autofree char *target = g_strdup_printf ("%s.bak-v%d", self->path, version);

      if (!backup_to (self, target, error))
        return FALSE;
    }

  for (int next = version + 1; next <= LIAISON_DATABASE_SCHEMA_VERSION; next++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      if (!begin (self, error))
        return FALSE;

      if (!migrations[next] (self, &local_error) ||
          !exec (self, set_version, &local_error) ||
          !commit (self, &local_error))
        {
          rollback (self);
          g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_MIGRATION,
                       /* Translators: a file, a version number, then the reason */
                       _("The database “%s” could not be updated to version %d: %s"),
                       self->path, next, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
probe_full_text (sqlite3 *db)
{
  /* The tests use this to run the search without FTS5, as on a system
   * whose SQLite lacks it. */
  if (g_getenv ("LIAISON_NO_FULL_TEXT") != NULL)
    return FALSE;

  if (sqlite3_exec (db, "CREATE VIRTUAL TABLE temp.liaison_probe USING fts5 (x, tokenize = 'trigram')",
                    NULL, NULL, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_exec (db, "DROP TABLE temp.liaison_probe", NULL, NULL, NULL);
  return TRUE;
}

/**
 * liaison_database_open:
 * @path: the database file, or ":memory:" for a database that lives only
 *   as long as the object
 * @error: return location for a #GError
 *
 * Opens the database in @path, creating it (readable by its owner only)
 * if there is none. An existing file is checked first without being
 * changed: a file that is not a Liaison database, a damaged one, or one
 * written by a newer version is refused and left as it was. An older one
 * is copied to `PATH.bak-vN` and then brought up to date, one version at
 * a time, each in one transaction.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL
 */
LiaisonDatabase *
liaison_database_open (const char  *path,
                       GError     **error)
{
  return liaison_database_open_full (path, LIAISON_DATABASE_OPEN_DEFAULT, error);
}

static gboolean
search_is_full_text (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean fts5 = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE name = 'search'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    fts5 = strstr ((const char *) sqlite3_column_text (stmt, 0), "fts5") != NULL;
  sqlite3_finalize (stmt);

  return fts5;
}

static void
fold_function (sqlite3_context  *context,
               int               n_values,
               sqlite3_value   **values)
{
  const char *text = (const char *) sqlite3_value_text (values[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, liaison_search_normalize (text), -1, g_free);
}

/**
 * liaison_database_open_reader:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Opens a connection of its own to the database at @path, to read from
 * in a worker thread without holding up the window's: read-only, waiting
 * for a writer for up to five seconds, with Liaison's SQL functions.
 *
 * Returns: (nullable): the connection, for sqlite3_close(), or %NULL with
 *   @error set
 */
sqlite3 *
liaison_database_open_reader (const char  *path,
                              GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_OPEN,
                   _("The database “%s” cannot be read."), path);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  liaison_database_add_functions (db);

  return db;
}

/**
 * liaison_database_add_functions:
 * @db: a connection
 *
 * Gives @db the SQL functions Liaison's queries use: liaison_fold(text),
 * text as the search compares it (for orders that ignore case, accents
 * and the difference between hiragana and katakana).
 */
void
liaison_database_add_functions (sqlite3 *db)
{
  sqlite3_create_function_v2 (db, "liaison_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, fold_function, NULL, NULL, NULL);
}

/**
 * liaison_database_open_full:
 * @path: the database file, or ":memory:" for a database that lives only
 *   as long as the object
 * @flags: how to open it
 * @error: return location for a #GError
 *
 * Opens the database in @path, creating it (readable by its owner only)
 * if there is none. An existing file is looked at first without being
 * changed: a file that is not a Liaison database, a damaged one, or one
 * written by a newer version is refused and left as it was. An older one
 * is checked, copied to `PATH.bak-vN` and then brought up to date, one
 * version at a time, each in one transaction.
 *
 * SQLite's quick check reads the whole file, which takes a while with a
 * large office. With %LIAISON_DATABASE_OPEN_DEFER_CHECK it is left out
 * here, for liaison_database_check_async() to do in the background.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL
 */
LiaisonDatabase *
liaison_database_open_full (const char                *path,
                            LiaisonDatabaseOpenFlags   flags,
                            GError                   **error)
{
  g_autoptr(LiaisonDatabase) self = NULL;
  gboolean in_memory;
  gboolean existed = FALSE;
  int version = 0;
  int status;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in_memory = g_str_equal (path, ":memory:");

  if (!in_memory)
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_OPEN,
                       _("“%s” is a folder, not a database file."), path);
          return NULL;
        }

      existed = g_file_test (path, G_FILE_TEST_EXISTS);
      if (!existed)
        {
          g_autofree char *folder = g_path_get_dirname (path);
          int fd;

          if (g_mkdir_with_parents (folder, 0700) != 0 ||
              (fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
            {
              int saved_errno = errno;

              g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_OPEN,
                           /* Translators: a file, then the reason */
                           _("The database “%s” cannot be created: %s."),
                           path, g_strerror (saved_errno));
              return NULL;
            }
          g_close (fd, NULL);
        }
    }

  self = g_object_new (LIAISON_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  status = sqlite3_open_v2 (path, &self->db,
                            SQLITE_OPEN_READWRITE | (in_memory ? SQLITE_OPEN_CREATE : 0),
                            NULL);
  if (status != SQLITE_OK)
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_OPEN,
                   _("The database “%s” cannot be read."), path);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  liaison_database_add_functions (self->db);

  if (existed)
    {
      /* Until the file has passed, leave it exactly as it is, write-ahead
       * log and all. */
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_exec (self->db, "PRAGMA query_only = 1", NULL, NULL, NULL);

      if (!check_existing (self->db, path, (flags & LIAISON_DATABASE_OPEN_DEFER_CHECK) == 0, &version, error))
        return NULL;

      sqlite3_exec (self->db, "PRAGMA query_only = 0", NULL, NULL, NULL);
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
      self->checked = (flags & LIAISON_DATABASE_OPEN_DEFER_CHECK) == 0 ||
                      version < LIAISON_DATABASE_SCHEMA_VERSION;
    }
  else
    self->checked = TRUE;

  /* What is deleted or purged is overwritten, not left in free pages. */
  if (!exec (self,
             "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL",
             error) ||
      (!in_memory && !exec (self, "PRAGMA journal_mode = WAL", error)))
    return NULL;

  /* The search index is made once, with FTS5 where SQLite has it. */
  if (version >= 2)
    self->full_text = search_is_full_text (self->db);
  else
    self->full_text = probe_full_text (self->db);

  self->sync = liaison_sync_new (self);

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* What Linux reads ahead of a file at most, as a rule */
#define READ_AHEAD (128 * 1024)

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int fd;

  /* The check reads the whole file, a page at a time. The kernel reads it
   * in first, in large reads: the window, reading the records it shows on
   * the main loop, then finds them in memory rather than on the disk soon
   * after a cold start. Linux reads ahead at most a window at a time, so
   * the file is asked for a window at a time. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
#ifdef POSIX_FADV_WILLNEED
      struct stat st;

      if (fstat (fd, &st) == 0)
        for (off_t offset = 0; offset < st.st_size; offset += READ_AHEAD)
          posix_fadvise (fd, offset, READ_AHEAD, POSIX_FADV_WILLNEED);
#endif
      close (fd);
    }

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (&error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_OPEN,
                   _("The database “%s” cannot be read."), path);
    }
  else
    {
      sqlite3_busy_timeout (db, 5000);
      quick_check (db, path, &error);
    }
  sqlite3_close (db);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * liaison_database_check_async:
 * @self: a database opened with %LIAISON_DATABASE_OPEN_DEFER_CHECK
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: for @callback
 *
 * Runs SQLite's quick check of the whole file in a worker thread. Until it
 * has passed, saves are allowed; once it has failed, every save is refused.
 */
void
liaison_database_check_async (LiaisonDatabase     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIAISON_IS_DATABASE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_database_check_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);

  if (self->checked || g_str_equal (self->path, ":memory:"))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_run_in_thread (task, check_thread);
}

/**
 * liaison_database_check_finish:
 * @self: a database
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the database is whole; %FALSE with
 *   %LIAISON_DATABASE_ERROR_CORRUPT if it is damaged
 */
gboolean
liaison_database_check_finish (LiaisonDatabase  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIAISON_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      if (g_error_matches (local_error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_CORRUPT))
        self->damaged = TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->checked = TRUE;
  return TRUE;
}

/**
 * liaison_database_is_checked:
 * @self: a database
 *
 * Returns: %TRUE once the whole file has been checked and found whole:
 *   at once, unless it was opened with %LIAISON_DATABASE_OPEN_DEFER_CHECK
 */
gboolean
liaison_database_is_checked (LiaisonDatabase *self)
{
  g_return_val_if_fail (LIAISON_IS_DATABASE (self), FALSE);

  return self->checked;
}

/**
 * liaison_database_is_damaged:
 * @self: a database
 *
 * Returns: %TRUE if the check of the whole file has failed; every save is
 *   refused from then on
 */
gboolean
liaison_database_is_damaged (LiaisonDatabase *self)
{
  g_return_val_if_fail (LIAISON_IS_DATABASE (self), FALSE);

  return self->damaged;
}

/* Backups */

static int
backup_version (const char *name,
                const char *prefix)
{
  const char *number;
  char *end = NULL;
  gint64 version;

  if (!g_str_has_prefix (name, prefix))
    return -1;

  number = name + strlen (prefix);
  version = g_ascii_strtoll (number, &end, 10);
  if (end == number || *end != '\0' || version < 0 || version > G_MAXINT)
    return -1;

  return (int) version;
}

/**
 * liaison_database_find_backup:
 * @path: a database file
 *
 * Returns: (transfer full) (nullable): the newest backup written before a
 *   migration of @path, or %NULL if there is none
 */
char *
liaison_database_find_backup (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".bak-v", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *best = NULL;
  int best_version = -1;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      int version = backup_version (name, prefix);

      if (version > best_version)
        {
          best_version = version;
          g_set_str (&best, name);
        }
    }

  return best != NULL ? g_build_filename (folder, best, NULL) : NULL;
}

/**
 * liaison_database_restore_backup:
 * @path: a database file that cannot be opened
 * @backup: a backup of it
 * @error: return location for a #GError
 *
 * Puts @backup in the place of @path. Nothing is overwritten: the file in
 * @path (with its write-ahead log) is renamed to `PATH.damaged-TIME` first.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_database_restore_backup (const char  *path,
                                 const char  *backup,
                                 GError     **error)
{
  static const char *companions[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (path, ".damaged-", stamp, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_OPEN,
                       /* Translators: a file, then the reason */
                       _("The damaged database “%s” could not be moved aside: %s."),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  source = g_file_new_for_path (backup);
  target = g_file_new_for_path (path);
  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;

  g_chmod (path, 0600);
  return TRUE;
}
