/* liaison-record-list.c
 *
 * A list of the records of one type, for list and column views, that
 * stays quick with a hundred thousand of them. It knows its length from
 * the database's count, holds the row ids of only the part the views have
 * asked for (read in chunks along the natural order's index), and loads a
 * record when a view wants it. A filtered or otherwise sorted list reads
 * all its ids at once. It follows every save and delete, and tells its
 * views which rows changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-record-list"

#include "config.h"

#include "liaison-database-private.h"
#include "liaison-record-list.h"
#include "liaison-records.h"

#define CACHE_SIZE 1024
/* More rows than this added in place of others are told apart from the
 * removal (see replace_ids()). */
#define MANY_ADDED 256
#define CHUNK_SIZE 64

typedef struct
{
  const LiaisonField *field;
  char               *value;
} Filter;

struct _LiaisonRecordList
{
  GObject                  parent_instance;

  LiaisonDatabase         *database;
  const LiaisonRecordType *type;
  guint                    n_items;
  GArray                  *ids;       /* the first ids, in order */
  char                    *last_key;  /* the sort key of the last of them */
  GHashTable              *cache;
  GArray                  *filters;
  const LiaisonField      *sort_field;
  gboolean                 descending;
  char                    *id_sql;
  char                    *chunk_sql;
  char                    *skip_sql;
  char                    *row_sql;
  char                    *uuid_sql;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaisonRecordList, liaison_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
liaison_record_list_get_item_type (GListModel *model)
{
  LiaisonRecordList *self = LIAISON_RECORD_LIST (model);

  return liaison_record_type_get_gtype (self->type);
}

static guint
liaison_record_list_get_n_items (GListModel *model)
{
  return LIAISON_RECORD_LIST (model)->n_items;
}

/* Read in chunks: the natural order, unfiltered. */
static gboolean
is_chunked (LiaisonRecordList *self)
{
  return self->filters->len == 0 && self->sort_field == NULL && !self->descending;
}

/* Reads the records that follow the last one held, up to @count of them:
 * their ids, and unless @ids_only, the records themselves, for the views
 * will want them. Ids alone come straight from the index. */
static gboolean
load_chunk (LiaisonRecordList *self,
            GArray            *ids,
            char             **last_key,
            guint              count,
            gboolean           ids_only)
{
  sqlite3_stmt *stmt;
  gint64 last_id = ids->len > 0 ? g_array_index (ids, gint64, ids->len - 1) : 0;
  int key_column = ids_only ? 1 : 5 + self->type->n_fields;
  int status;

  stmt = liaison_database_prepare (self->database, ids_only ? self->skip_sql : self->chunk_sql, NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, *last_key != NULL ? *last_key : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, last_id);
  sqlite3_bind_int (stmt, 3, count);

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_free (*last_key);
      *last_key = g_strdup ((const char *) sqlite3_column_text (stmt, key_column));

      if (!ids_only && g_hash_table_size (self->cache) < CACHE_SIZE && !g_hash_table_contains (self->cache, &id))
        g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id),
                             liaison_database_load_row (self->database, self->type, stmt));
    }
  sqlite3_reset (stmt);

  return status == SQLITE_DONE;
}

static void
ensure_loaded (LiaisonRecordList *self,
               guint              position)
{
  /* Far ahead (the end of the list, say): the ids in between only */
  if (position >= self->ids->len + CHUNK_SIZE && self->ids->len < self->n_items)
    load_chunk (self, self->ids, &self->last_key, position - self->ids->len, TRUE);

  while (self->ids->len <= position && self->ids->len < self->n_items)
    {
      guint before = self->ids->len;

      if (!load_chunk (self, self->ids, &self->last_key, CHUNK_SIZE, FALSE) || self->ids->len == before)
        break;
    }
}

static gpointer
liaison_record_list_get_item (GListModel *model,
                              guint       position)
{
  LiaisonRecordList *self = LIAISON_RECORD_LIST (model);
  LiaisonRecord *record;
  sqlite3_stmt *stmt;
  gint64 id;

  if (position >= self->n_items)
    return NULL;

  ensure_loaded (self, position);
  if (position >= self->ids->len)
    return liaison_record_new (self->type);

  id = g_array_index (self->ids, gint64, position);
  record = g_hash_table_lookup (self->cache, &id);
  if (record != NULL)
    return g_object_ref (record);

  stmt = liaison_database_prepare (self->database, self->row_sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = liaison_database_load_row (self->database, self->type, stmt);
  sqlite3_reset (stmt);

  /* A row deleted since the ids were read; the reload that follows
   * the change will remove it. */
  if (record == NULL)
    record = liaison_record_new (self->type);

  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (record));

  return record;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = liaison_record_list_get_item_type;
  iface->get_n_items = liaison_record_list_get_n_items;
  iface->get_item = liaison_record_list_get_item;
}

static void
filter_clear (gpointer data)
{
  Filter *filter = data;

  g_clear_pointer (&filter->value, g_free);
}

static void
build_sql (LiaisonRecordList *self)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM ");

  g_string_append (sql, self->type->name);
  g_string_append (sql, " WHERE deleted_at IS NULL");

  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);
      g_autofree char *parameter = g_strdup_printf (" = ?%u", i + 1);

      g_string_append (sql, " AND ");
      g_string_append (sql, filter->field->name);
      g_string_append (sql, parameter);
    }

  g_string_append (sql, " ORDER BY ");
  g_string_append (sql, self->sort_field != NULL ? self->sort_field->name : "sort_key");
  if (self->descending)
    g_string_append (sql, " DESC");
  g_string_append (sql, ", id");

  g_free (self->id_sql);
  self->id_sql = g_string_free (g_steal_pointer (&sql), FALSE);

  if (self->chunk_sql == NULL)
    {
      sql = g_string_new ("SELECT ");
      g_string_append (sql, liaison_database_select_sql (self->database, self->type));
      g_string_append (sql, ", sort_key FROM ");
      g_string_append (sql, self->type->name);
      g_string_append (sql, " WHERE deleted_at IS NULL AND (sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT ?3");
      self->chunk_sql = g_string_free (g_steal_pointer (&sql), FALSE);

      sql = g_string_new ("SELECT id, sort_key FROM ");
      g_string_append (sql, self->type->name);
      g_string_append (sql, " WHERE deleted_at IS NULL AND (sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT ?3");
      self->skip_sql = g_string_free (g_steal_pointer (&sql), FALSE);
    }
}

static GArray *
query_all_ids (LiaisonRecordList  *self,
               GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int status;

  stmt = liaison_database_prepare (self->database, self->id_sql, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);

      if (liaison_field_is_text (filter->field))
        sqlite3_bind_text (stmt, i + 1, filter->value, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, g_ascii_strtoll (filter->value, NULL, 10));
    }

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (status != SQLITE_DONE)
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (liaison_database_get_handle (self->database)));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The list as the database has it now: its length, and its first
 * @at_least ids (all of them when it is not read in chunks). */
static GArray *
query_ids (LiaisonRecordList  *self,
           guint               at_least,
           guint              *n_items,
           char              **last_key,
           GError            **error)
{
  g_autoptr(GArray) ids = NULL;

  if (!is_chunked (self))
    {
      ids = query_all_ids (self, error);
      if (ids != NULL)
        *n_items = ids->len;
      return g_steal_pointer (&ids);
    }

  *n_items = liaison_database_count (self->database, self->type);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (at_least > 0 && !load_chunk (self, ids, last_key, MIN (at_least, *n_items), FALSE))
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (liaison_database_get_handle (self->database)));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Replaces the ids and the length, and tells the views the smallest range
 * that differs. Rows past the ids held were never handed out, so a change
 * there is told as a change at the end of what was. */
static void
replace_ids (LiaisonRecordList *self,
             GArray            *ids,
             guint              n_items,
             char              *last_key,
             gint64             touched)
{
  GArray *old = self->ids;
  guint old_n_items = self->n_items;
  guint prefix = 0;
  guint suffix = 0;
  guint old_tail;
  guint new_tail;

  while (prefix < old->len && prefix < ids->len &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;

  /* Both hold everything up to the same row: match from their ends. */
  old_tail = old_n_items - old->len;
  new_tail = n_items - ids->len;
  if (old_tail == new_tail)
    while (suffix < old->len - prefix && suffix < ids->len - prefix &&
           g_array_index (old, gint64, old->len - 1 - suffix) == g_array_index (ids, gint64, ids->len - 1 - suffix))
      suffix++;

  self->ids = g_array_ref (ids);
  self->n_items = n_items;
  g_free (self->last_key);
  self->last_key = last_key;

  if (prefix + suffix + old_tail < old_n_items || prefix + suffix + new_tail < n_items ||
      (old_tail != new_tail))
    {
      guint removed = old_n_items - prefix - (old_tail == new_tail ? suffix + old_tail : 0);
      guint added = n_items - prefix - (old_tail == new_tail ? suffix + new_tail : 0);

      /* A list view looks through every row added for the rows it was
       * following (the focus, the selection) among those removed, and
       * reads each to compare: a whole list replaced by another (another
       * cohort, say) is told as a removal, then an addition. */
      if (prefix == 0 && removed > 0 && added > MANY_ADDED)
        {
          g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
          g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, added);
        }
      else
        g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
    }
  else if (touched != 0)
    {
      /* Same rows in the same order: only the touched one changed. */
      for (guint i = 0; i < ids->len; i++)
        {
          if (g_array_index (ids, gint64, i) == touched)
            {
              g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
              break;
            }
        }
    }

  g_array_unref (old);
}

/**
 * liaison_record_list_reload:
 * @self: a record list
 * @error: return location for a #GError
 *
 * Reads the list again. Saves and deletes through the database are
 * followed without this; it is for changes to the filters and the order.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_record_list_reload (LiaisonRecordList  *self,
                            GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  guint n_items = 0;
  char *last_key = NULL;

  g_return_val_if_fail (LIAISON_IS_RECORD_LIST (self), FALSE);

  build_sql (self);
  g_hash_table_remove_all (self->cache);
  ids = query_ids (self, CHUNK_SIZE, &n_items, &last_key, error);
  if (ids == NULL)
    return FALSE;

  replace_ids (self, ids, n_items, last_key, 0);
  return TRUE;
}

static gboolean
holds (GArray *ids,
       gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

static void
record_changed_cb (LiaisonRecordList *self,
                   const char        *type_name,
                   const char        *uuid,
                   int                action,
                   LiaisonDatabase   *database)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  guint n_items;
  guint at_least;
  char *last_key = NULL;

  if (!g_str_equal (type_name, self->type->name))
    return;

  /* Many records of the type at once (a sync): everything read again */
  if (uuid == NULL)
    {
      guint old_n_items = self->n_items;

      g_hash_table_remove_all (self->cache);
      ids = query_ids (self, CHUNK_SIZE, &n_items, &last_key, NULL);
      if (ids == NULL)
        {
          g_free (last_key);
          return;
        }

      g_array_unref (self->ids);
      self->ids = g_array_ref (ids);
      self->n_items = n_items;
      g_free (self->last_key);
      self->last_key = last_key;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);
      return;
    }

  stmt = liaison_database_prepare (self->database, self->uuid_sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  g_hash_table_remove (self->cache, &id);

  /* As many ids as were held, give or take the rows that came or went, so
   * that the old and new ids line up from their ends. A row that went
   * from beyond them leaves them as they were. */
  n_items = liaison_database_count (self->database, self->type);
  at_least = (guint) CLAMP ((gint64) self->ids->len + (gint64) n_items - (gint64) self->n_items, 0, G_MAXUINT);
  if (n_items < self->n_items && !holds (self->ids, id))
    at_least = self->ids->len;
  ids = query_ids (self, at_least, &n_items, &last_key, NULL);
  if (ids != NULL)
    replace_ids (self, ids, n_items, last_key, id);
  else
    g_free (last_key);
}

static void
liaison_record_list_finalize (GObject *object)
{
  LiaisonRecordList *self = (LiaisonRecordList *)object;

  g_clear_object (&self->database);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->filters, g_array_unref);
  g_clear_pointer (&self->id_sql, g_free);
  g_clear_pointer (&self->chunk_sql, g_free);
  g_clear_pointer (&self->skip_sql, g_free);
  g_clear_pointer (&self->last_key, g_free);
  g_clear_pointer (&self->row_sql, g_free);
  g_clear_pointer (&self->uuid_sql, g_free);

  G_OBJECT_CLASS (liaison_record_list_parent_class)->finalize (object);
}

static void
liaison_record_list_class_init (LiaisonRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_record_list_finalize;
}

static void
liaison_record_list_init (LiaisonRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (self->filters, filter_clear);
}

/**
 * liaison_record_list_new:
 * @database: a database
 * @type: the type of the records listed
 *
 * The records of @type that are not deleted, in their natural order
 * (people by the reading of their names, seminars by their start).
 *
 * Returns: (transfer full): the list
 */
LiaisonRecordList *
liaison_record_list_new (LiaisonDatabase         *database,
                         const LiaisonRecordType *type)
{
  LiaisonRecordList *self;
  g_autoptr(GString) sql = NULL;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  self = g_object_new (LIAISON_TYPE_RECORD_LIST, NULL);
  self->database = g_object_ref (database);
  self->type = type;

  sql = g_string_new ("SELECT ");
  g_string_append (sql, liaison_database_select_sql (database, type));
  g_string_append (sql, " FROM ");
  g_string_append (sql, type->name);
  g_string_append (sql, " WHERE id = ?1");
  self->row_sql = g_string_free (g_steal_pointer (&sql), FALSE);

  sql = g_string_new ("SELECT id FROM ");
  g_string_append (sql, type->name);
  g_string_append (sql, " WHERE uuid = ?1");
  self->uuid_sql = g_string_free (g_steal_pointer (&sql), FALSE);

  g_signal_connect_object (database, "record-changed",
                           G_CALLBACK (record_changed_cb), self,
                           G_CONNECT_SWAPPED);

  liaison_record_list_reload (self, NULL);

  return self;
}

const LiaisonRecordType *
liaison_record_list_get_record_type (LiaisonRecordList *self)
{
  g_return_val_if_fail (LIAISON_IS_RECORD_LIST (self), NULL);

  return self->type;
}

/**
 * liaison_record_list_add_filter:
 * @self: a record list
 * @field: the name of a field of the list's type
 * @value: the value it must have
 *
 * Keeps only the records whose @field is @value. Call
 * liaison_record_list_reload() when the filters are set.
 */
void
liaison_record_list_add_filter (LiaisonRecordList *self,
                                const char        *field,
                                const char        *value)
{
  Filter filter;

  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));
  g_return_if_fail (value != NULL);

  filter.field = liaison_record_type_find_field (self->type, field);
  g_return_if_fail (filter.field != NULL);
  filter.value = g_strdup (value);

  g_array_append_val (self->filters, filter);
}

void
liaison_record_list_clear_filters (LiaisonRecordList *self)
{
  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));

  g_array_set_size (self->filters, 0);
}

/**
 * liaison_record_list_set_sort:
 * @self: a record list
 * @field: (nullable): the field to sort by, or %NULL for the natural order
 * @descending: whether the largest come first
 *
 * Call liaison_record_list_reload() afterwards.
 */
void
liaison_record_list_set_sort (LiaisonRecordList *self,
                              const char        *field,
                              gboolean           descending)
{
  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));

  self->sort_field = field != NULL ? liaison_record_type_find_field (self->type, field) : NULL;
  g_return_if_fail (field == NULL || self->sort_field != NULL);
  self->descending = descending;
}
