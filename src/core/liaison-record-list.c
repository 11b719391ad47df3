/* liaison-record-list.c
 *
 * A list of the records of one type, for list and column views, that
 * stays quick with a hundred thousand of them. It knows its length from
 * the database's count, holds the row ids of only the part the views have
 * asked for (read in chunks along the natural order's index), and loads a
 * record when a view wants it. A filtered, searched or otherwise sorted
 * list reads all its ids at once: the database filters and sorts, in a
 * worker thread when asked through liaison_record_list_reload_async(). It
 * follows every save and delete, and tells its views which rows changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-record-list"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-database-private.h"
#include "liaison-record-list-private.h"
#include "liaison-records.h"
#include "liaison-search.h"

#define CACHE_SIZE 1024
/* More rows than this added in place of others are told apart from the
 * removal (see replace_ids()). */
#define MANY_ADDED 256
#define CHUNK_SIZE 64
/* A list longer than this, neither in chunks nor in the natural order,
 * is read again in a worker thread when a record of it changes. */
#define LARGE_LIST 10000
/* Words of a search looked for, at most */
#define MAX_WORDS 8

typedef struct
{
  gboolean  integer;
  gint64    number;
  char     *text;
} Parameter;

typedef struct
{
  const LiaisonField *field;
  char               *value;
} Filter;

/* What a word of the search also finds when it is in @label: the
 * records for which @condition holds (how an application stands against
 * its deadline, say) */
typedef struct
{
  char  *label;      /* normalized as the search compares it */
  char  *condition;
  GStrv  values;     /* for its parameters */
} SearchCondition;

static void
search_condition_free (gpointer data)
{
  SearchCondition *condition = data;

  g_free (condition->label);
  g_free (condition->condition);
  g_strfreev (condition->values);
  g_free (condition);
}

struct _LiaisonRecordList
{
  GObject                  parent_instance;

  LiaisonDatabase         *database;
  const LiaisonRecordType *type;
  guint                    n_items;
  GArray                  *ids;       /* the first ids, in order */
  char                    *last_key;  /* the sort key of the last of them */
  /* A list read in chunks, seen far down: the ids of its last positions,
   * read from its end, in order */
  GArray                  *tail;
  GHashTable              *cache;
  GArray                  *filters;
  GStrv                    words;      /* of the search, normalized */
  GPtrArray               *search_conditions;
  const LiaisonField      *sort_link;  /* the link to the record sorted by */
  const LiaisonField      *sort_field;
  char                    *sort_expression;
  GStrv                    sort_values;  /* for its parameters */
  gboolean                 descending;
  /* The only rows to list, as a JSON array of ids, or NULL for all */
  char                    *only_ids;
  /* Bumped by every reload asked for: the ids read by an older one are
   * dropped. Bumped by every change: ids read before it are followed by a
   * reading again. */
  guint                    generation;
  guint                    changes;
  GCancellable            *stop;        /* of the worker thread's query */
  /* A reload in a worker thread under way; the records changed since the
   * rows were last told (their ids), or all of them */
  gboolean                 reload_pending;
  GArray                  *touched;
  gboolean                 all_touched;
  guint                    large;
  char                    *id_sql;
  GPtrArray               *parameters; /* of id_sql, in order */
  char                    *chunk_sql;
  char                    *skip_sql;
  char                    *tail_sql;
  char                    *key_sql;
  char                    *exists_sql;
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
  return self->filters->len == 0 && self->words == NULL && self->sort_field == NULL &&
         self->sort_expression == NULL && !self->descending;
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
  guint before = ids->len;
  int key_column = 5 + self->type->n_fields;
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
      if (ids_only)
        continue;

      g_free (*last_key);
      *last_key = g_strdup ((const char *) sqlite3_column_text (stmt, key_column));

      if (g_hash_table_size (self->cache) < CACHE_SIZE && !g_hash_table_contains (self->cache, &id))
        g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id),
                             liaison_database_load_row (self->database, self->type, stmt));
    }
  sqlite3_reset (stmt);

  /* The ids alone: the key of the last one, where the next chunk starts */
  if (ids_only && status == SQLITE_DONE && ids->len > before)
    {
      stmt = liaison_database_prepare (self->database, self->key_sql, NULL);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, ids->len - 1));
      status = sqlite3_step (stmt);
      if (status == SQLITE_ROW)
        {
          g_free (*last_key);
          *last_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          status = SQLITE_DONE;
        }
      sqlite3_reset (stmt);
    }

  return status == SQLITE_DONE;
}

/* Reads the ids up to @position. With @ids_only, no record: the caller
 * wants no more than the id, for many positions one after the other. */
static guint
tail_start (LiaisonRecordList *self)
{
  return self->n_items - MIN (self->tail->len, self->n_items);
}

/* Reads the ids from @position to the end of a list read in chunks,
 * backwards from its end: far down a long list (its end, say), rather
 * than every id before them. */
static gboolean
load_tail (LiaisonRecordList *self,
           guint              position)
{
  g_autoptr(GArray) tail = NULL;
  /* Twice as many as held at least: scrolling up from the end reads each
   * id a few times, not once a row */
  guint count = MIN (MAX (self->n_items - position + CHUNK_SIZE, 2 * self->tail->len), self->n_items);
  sqlite3_stmt *stmt;
  int status;

  stmt = liaison_database_prepare (self->database, self->tail_sql, NULL);
  if (stmt == NULL)
    return FALSE;

  tail = g_array_sized_new (FALSE, FALSE, sizeof (gint64), count);
  sqlite3_bind_int (stmt, 1, count);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (tail, id);
    }
  sqlite3_reset (stmt);

  /* Not as many as the list counts: read them in order instead. */
  if (status != SQLITE_DONE || tail->len != count)
    return FALSE;

  for (guint i = 0; i < tail->len / 2; i++)
    {
      gint64 id = g_array_index (tail, gint64, i);

      g_array_index (tail, gint64, i) = g_array_index (tail, gint64, tail->len - 1 - i);
      g_array_index (tail, gint64, tail->len - 1 - i) = id;
    }

  g_array_unref (self->tail);
  self->tail = g_steal_pointer (&tail);
  return TRUE;
}

/* The id at @position, if it has been read; 0 if not */
static gint64
id_at (LiaisonRecordList *self,
       guint              position)
{
  if (position < self->ids->len)
    return g_array_index (self->ids, gint64, position);
  if (position < self->n_items && position >= tail_start (self))
    return g_array_index (self->tail, gint64, position - tail_start (self));

  return 0;
}

static void
ensure_loaded (LiaisonRecordList *self,
               guint              position,
               gboolean           ids_only)
{
  /* Far ahead, nearer the end than the ids held: from the end */
  if (is_chunked (self) && position >= self->ids->len + CHUNK_SIZE && position < self->n_items)
    {
      if (position >= tail_start (self))
        return;
      if (self->n_items - position < position - self->ids->len && load_tail (self, position))
        return;
    }

  /* Far ahead (the end of the list, say): the ids in between only */
  if (ids_only && position >= self->ids->len && self->ids->len < self->n_items)
    load_chunk (self, self->ids, &self->last_key, MAX (position - self->ids->len + 1, CACHE_SIZE), TRUE);
  else if (position >= self->ids->len + CHUNK_SIZE && self->ids->len < self->n_items)
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

  ensure_loaded (self, position, FALSE);
  id = id_at (self, position);
  if (id == 0)
    return liaison_record_new (self->type);

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

/**
 * liaison_record_list_get_id:
 * @self: a record list
 * @position: a position in it
 *
 * Returns: the row id of the record at @position (read without the
 *   record), or 0 if there is none
 */
gint64
liaison_record_list_get_id (LiaisonRecordList *self,
                            guint              position)
{
  g_return_val_if_fail (LIAISON_IS_RECORD_LIST (self), 0);

  if (position >= self->n_items)
    return 0;

  ensure_loaded (self, position, TRUE);

  return id_at (self, position);
}

/**
 * liaison_record_list_has_id:
 * @self: a record list
 * @id: a row id
 *
 * Returns: whether the record of @id is in the list
 */
gboolean
liaison_record_list_has_id (LiaisonRecordList *self,
                            gint64             id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (LIAISON_IS_RECORD_LIST (self), FALSE);

  /* Otherwise the list holds all its ids */
  if (is_chunked (self))
    {
      if (!(stmt = liaison_database_prepare (self->database, self->exists_sql, NULL)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      return found;
    }

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
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
parameter_free (gpointer data)
{
  Parameter *parameter = data;

  g_free (parameter->text);
  g_free (parameter);
}

static void
add_text_parameter (GPtrArray  *parameters,
                    const char *text)
{
  Parameter *parameter = g_new0 (Parameter, 1);

  parameter->text = g_strdup (text);
  g_ptr_array_add (parameters, parameter);
}

static void
add_parameter (GPtrArray          *parameters,
               const LiaisonField *field,
               const char         *value)
{
  Parameter *parameter = g_new0 (Parameter, 1);

  parameter->integer = !liaison_field_is_text (field);
  if (parameter->integer)
    parameter->number = g_ascii_strtoll (value, NULL, 10);
  else
    parameter->text = g_strdup (value);
  g_ptr_array_add (parameters, parameter);
}

/* Appends the pieces of SQL text given, up to NULL: names of tables and
 * columns from the record types, and SQL of this file. Values are never
 * among them; they are bound. */
static void
append_sql (GString    *sql,
            const char *first,
            ...)
{
  va_list args;

  va_start (args, first);
  for (const char *piece = first; piece != NULL; piece = va_arg (args, const char *))
    g_string_append (sql, piece);
  va_end (args);
}

/* The records a word of the search finds: its text is in theirs, in that
 * of a record they link to (an applicant's person, say), in the label of
 * one of their choices (a status), or in the label of a condition they
 * meet (see liaison_record_list_add_search_condition()). */
static void
append_search_word (LiaisonRecordList *self,
                    guint              index,
                    GString           *with,
                    GPtrArray         *with_parameters,
                    GString           *where,
                    GPtrArray         *parameters)
{
  const char *word = self->words[index];
  g_autofree char *parameter = NULL;
  g_autofree char *found = liaison_database_search_sql (self->database, word, &parameter);

  g_autofree char *name = g_strdup_printf ("w%u", index);

  append_sql (with, with->len > 0 ? ", " : "WITH ", name, " AS MATERIALIZED (", found, ")", NULL);
  add_text_parameter (with_parameters, parameter);

  append_sql (where, " AND (t.uuid IN (SELECT uuid FROM ", name, ")", NULL);
  for (guint i = 0; i < self->type->n_fields; i++)
    {
      const LiaisonField *field = &self->type->fields[i];

      if (field->kind == LIAISON_FIELD_LINK)
        append_sql (where, " OR t.", field->name, " IN (SELECT uuid FROM ", name, ")", NULL);
      else if (field->kind == LIAISON_FIELD_CHOICE)
        {
          guint n_found = 0;

          for (guint j = 0; field->choices[j].value != NULL; j++)
            {
              g_autofree char *label = liaison_search_normalize (liaison_choice_get_label (&field->choices[j]));

              if (strstr (label, word) == NULL)
                continue;

              g_string_append (where, n_found == 0 ? " OR t." : ", ");
              if (n_found == 0)
                append_sql (where, field->name, " IN (", NULL);
              g_string_append_c (where, '?');
              add_text_parameter (parameters, field->choices[j].value);
              n_found++;
            }
          if (n_found > 0)
            g_string_append_c (where, ')');
        }
    }
  for (guint i = 0; i < self->search_conditions->len; i++)
    {
      SearchCondition *condition = g_ptr_array_index (self->search_conditions, i);

      if (strstr (condition->label, word) == NULL)
        continue;

      append_sql (where, " OR (", condition->condition, ")", NULL);
      for (guint j = 0; condition->values[j] != NULL; j++)
        add_text_parameter (parameters, condition->values[j]);
    }
  g_string_append_c (where, ')');
}

/* Joins the record @field of @table links to; returns its alias */
static char *
join_link (const LiaisonField *field,
           const char         *table,
           GString            *joins)
{
  char *alias = g_strconcat (table, "_", field->name, NULL);

  append_sql (joins, " LEFT JOIN ", field->link_type, " AS ", alias, " ON ", alias, ".uuid = ",
              table, ".", field->name, NULL);
  return alias;
}

/* What a field of @table is sorted by, its values to bind added to
 * @parameters, joining the record it links to
 * where it is a link (which sorts by its natural order: a person by the
 * reading of the name) */
static char *
sort_key_sql (const LiaisonField *field,
              const char         *table,
              GString            *joins,
              GPtrArray          *parameters)
{
  g_autoptr(GString) key = g_string_new (NULL);

  switch (field->kind)
    {
    case LIAISON_FIELD_LINK:
      {
        g_autofree char *alias = join_link (field, table, joins);

        append_sql (key, alias, ".sort_key", NULL);
        break;
      }

    case LIAISON_FIELD_CHOICE:
      {
        guint i;

        /* In the order the choices are offered: a pipeline's, say */
        append_sql (key, "CASE ", table, ".", field->name, NULL);
        for (i = 0; field->choices[i].value != NULL; i++)
          {
            g_string_append_printf (key, " WHEN ? THEN %u", i);
            add_text_parameter (parameters, field->choices[i].value);
          }
        g_string_append_printf (key, " ELSE %u END", i);
        break;
      }

    case LIAISON_FIELD_INTEGER:
    case LIAISON_FIELD_BOOLEAN:
    case LIAISON_FIELD_DATE:
    case LIAISON_FIELD_LOCAL_TIME:
      append_sql (key, table, ".", field->name, NULL);
      break;

    case LIAISON_FIELD_TEXT:
    case LIAISON_FIELD_LONG_TEXT:
    case LIAISON_FIELD_EMAILS:
    case LIAISON_FIELD_PHONES:
    case LIAISON_FIELD_URL:
    case LIAISON_FIELD_SUBDIVISION:
    case LIAISON_FIELD_PREFECTURE:
    case LIAISON_FIELD_COUNTRY:
    case LIAISON_FIELD_LANGUAGE:
    case LIAISON_FIELD_TIME_ZONE:
    case LIAISON_FIELD_TAGS:
    default:
      append_sql (key, "liaison_fold (", table, ".", field->name, ")", NULL);
      break;
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
build_sql (LiaisonRecordList *self)
{
  g_autoptr(GString) with = g_string_new (NULL);
  g_autoptr(GString) joins = g_string_new (NULL);
  g_autoptr(GString) where = g_string_new (" WHERE t.deleted_at IS NULL");
  g_autoptr(GPtrArray) with_parameters = g_ptr_array_new_with_free_func (parameter_free);
  g_autoptr(GPtrArray) parameters = g_ptr_array_new_with_free_func (parameter_free);
  g_autoptr(GPtrArray) order_parameters = g_ptr_array_new_with_free_func (parameter_free);
  g_autofree char *key = NULL;
  GString *sql;

  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);

      /* Tags are kept one a line. */
      if (filter->field->kind == LIAISON_FIELD_TAGS)
        append_sql (where, " AND instr (char (10) || t.", filter->field->name,
                    " || char (10), char (10) || ? || char (10)) > 0", NULL);
      else
        append_sql (where, " AND t.", filter->field->name, " = ?", NULL);
      add_parameter (parameters, filter->field, filter->value);
    }

  for (guint i = 0; self->words != NULL && self->words[i] != NULL; i++)
    append_search_word (self, i, with, with_parameters, where, parameters);

  if (self->only_ids != NULL)
    {
      g_string_append (where, " AND t.id IN (SELECT value FROM json_each (?))");
      add_text_parameter (parameters, self->only_ids);
    }

  if (self->sort_expression != NULL)
    {
      key = g_strdup (self->sort_expression);
      for (guint i = 0; self->sort_values[i] != NULL; i++)
        add_text_parameter (order_parameters, self->sort_values[i]);
    }
  else if (self->sort_field == NULL)
    key = g_strdup ("t.sort_key");
  else if (self->sort_link != NULL)
    {
      g_autofree char *linked = join_link (self->sort_link, "t", joins);

      key = sort_key_sql (self->sort_field, linked, joins, order_parameters);
    }
  else
    key = sort_key_sql (self->sort_field, "t", joins, order_parameters);

  /* Descending, those that tie come in the reverse order too: the latest
   * saved first, as the status history shows a day's changes. */
  sql = g_string_new (with->str);
  append_sql (sql, with->len > 0 ? " " : "", "SELECT t.id FROM ", self->type->name, " AS t",
              joins->str, where->str, " ORDER BY ", key, self->descending ? " DESC" : "",
              ", t.id", self->descending ? " DESC" : "", NULL);

  g_free (self->id_sql);
  self->id_sql = g_string_free (sql, FALSE);

  /* In the order of their places in the text */
  g_ptr_array_extend_and_steal (with_parameters, g_steal_pointer (&parameters));
  g_ptr_array_extend_and_steal (with_parameters, g_steal_pointer (&order_parameters));
  g_clear_pointer (&self->parameters, g_ptr_array_unref);
  self->parameters = g_steal_pointer (&with_parameters);

  if (self->chunk_sql == NULL)
    {
      sql = g_string_new ("SELECT ");
      g_string_append (sql, liaison_database_select_sql (self->database, self->type));
      g_string_append (sql, ", sort_key FROM ");
      g_string_append (sql, self->type->name);
      g_string_append (sql, " WHERE deleted_at IS NULL AND (sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT ?3");
      self->chunk_sql = g_string_free (sql, FALSE);

      sql = g_string_new ("SELECT id FROM ");
      g_string_append (sql, self->type->name);
      g_string_append (sql, " WHERE deleted_at IS NULL AND (sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT ?3");
      self->skip_sql = g_string_free (sql, FALSE);

      self->tail_sql = g_strconcat ("SELECT id FROM ", self->type->name,
                                    " WHERE deleted_at IS NULL ORDER BY sort_key DESC, id DESC LIMIT ?1", NULL);

      self->key_sql = g_strconcat ("SELECT sort_key FROM ", self->type->name, " WHERE id = ?1", NULL);
      self->exists_sql = g_strconcat ("SELECT 1 FROM ", self->type->name, " WHERE id = ?1 AND deleted_at IS NULL", NULL);
    }
}

/* Stops a query of a worker thread whose result nobody wants any more */
static int
progress_cb (gpointer data)
{
  return g_cancellable_is_cancelled (data);
}

/* Runs @sql on @db. It is not kept prepared: searches make many. */
static GArray *
read_ids (sqlite3       *db,
          const char    *sql,
          GPtrArray     *parameters,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int status;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (db));
      return NULL;
    }

  for (guint i = 0; i < parameters->len; i++)
    {
      Parameter *parameter = g_ptr_array_index (parameters, i);

      if (parameter->integer)
        sqlite3_bind_int64 (stmt, i + 1, parameter->number);
      else
        sqlite3_bind_text (stmt, i + 1, parameter->text, -1, SQLITE_TRANSIENT);
    }

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (status == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }

  if (status != SQLITE_DONE)
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&ids);
}

static GArray *
query_all_ids (LiaisonRecordList  *self,
               GError            **error)
{
  return read_ids (liaison_database_get_handle (self->database), self->id_sql, self->parameters, NULL, error);
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
 * there is told as a change at the end of what was. The rows told as new
 * are from *@told to *@told + *@n_told. */
static void
replace_ids (LiaisonRecordList *self,
             GArray            *ids,
             guint              n_items,
             char              *last_key,
             guint             *told,
             guint             *n_told)
{
  GArray *old = self->ids;
  guint old_n_items = self->n_items;
  guint n_read_from_end = MIN (self->tail->len, old_n_items);
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
  g_array_set_size (self->tail, 0);

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

      *told = prefix;
      *n_told = added;
    }

  /* The rows read from the end were handed out: unless told above (all
   * rows from the first change on are, when rows came or went), they are
   * told changed, for the views to read them again. */
  if (n_read_from_end > 0 && old_tail == new_tail)
    {
      guint start = MAX (n_items - MIN (n_read_from_end, n_items), ids->len);

      if (start < n_items)
        g_list_model_items_changed (G_LIST_MODEL (self), start, n_items - start, n_items - start);
    }

  g_array_unref (old);
}

/* Tells the views of the records changed since they were last told, at
 * their places now: a list whose rows stayed the same tells nothing of
 * them otherwise. */
static void
announce_touched (LiaisonRecordList *self,
                  guint              told,
                  guint              n_told)
{
  g_autoptr(GHashTable) touched = NULL;
  g_autoptr(GArray) ids = NULL;

  if (self->touched->len == 0)
    return;

  /* A view told of a change may save a record in turn: a new array */
  ids = g_steal_pointer (&self->touched);
  self->touched = g_array_new (FALSE, FALSE, sizeof (gint64));

  touched = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (touched, &g_array_index (ids, gint64, i));

  for (guint position = 0; position < self->ids->len; position++)
    {
      /* Those told as new already are not told again. */
      if (position >= told && position - told < n_told)
        continue;
      if (g_hash_table_contains (touched, &g_array_index (self->ids, gint64, position)))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
}

/* Puts the ids read in place. When they are of the list as it is now
 * (@up_to_date), the records changed since the views were last told are
 * told; after many changes at once every row may show another record,
 * and all of them are told changed. */
static void
apply_ids (LiaisonRecordList *self,
           GArray            *ids,
           guint              n_items,
           char              *last_key,
           gboolean           up_to_date)
{
  guint old_n_items = self->n_items;

  if (!up_to_date || !self->all_touched)
    {
      guint told = 0;
      guint n_told = 0;

      replace_ids (self, ids, n_items, last_key, &told, &n_told);
      if (up_to_date)
        announce_touched (self, told, n_told);
      return;
    }

  self->all_touched = FALSE;
  g_array_set_size (self->touched, 0);
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_array_set_size (self->tail, 0);
  self->n_items = n_items;
  g_free (self->last_key);
  self->last_key = last_key;
  /* As in replace_ids(): a list view would read every row again to find
   * the ones it showed. */
  if (old_n_items > 0 && n_items > MANY_ADDED)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_items);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);
}

/* What a reload under way reads is out of date: it is dropped, and its
 * query stopped. */
static void
supersede (LiaisonRecordList *self)
{
  self->generation++;
  if (self->stop != NULL)
    {
      g_cancellable_cancel (self->stop);
      g_clear_object (&self->stop);
    }
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
  supersede (self);
  self->reload_pending = FALSE;
  g_hash_table_remove_all (self->cache);
  ids = query_ids (self, CHUNK_SIZE, &n_items, &last_key, error);
  if (ids == NULL)
    return FALSE;

  apply_ids (self, ids, n_items, last_key, TRUE);
  return TRUE;
}

typedef struct
{
  guint         generation;
  guint         changes;
  gboolean      in_thread;
  GCancellable *stop;
  GCancellable *cancellable;  /* the caller's */
  gulong        cancelled_id;
  char         *path;
  char      *sql;
  GPtrArray *parameters;
} ReloadJob;

static void
reload_job_free (ReloadJob *job)
{
  g_free (job->path);
  g_free (job->sql);
  g_clear_pointer (&job->parameters, g_ptr_array_unref);
  if (job->cancellable != NULL)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->stop);
  g_free (job);
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReloadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  GArray *ids = NULL;
  sqlite3 *db = NULL;

  db = liaison_database_open_reader (job->path, &error);
  if (db != NULL)
    {
      sqlite3_progress_handler (db, 1000, progress_cb, job->stop);
      ids = read_ids (db, job->sql, job->parameters, job->stop, &error);
      sqlite3_close (db);
    }

  if (ids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
stop_cb (GCancellable *cancellable,
         GCancellable *stop)
{
  g_cancellable_cancel (stop);
}

/* A reading asked for (@asked) makes those under way moot; one that
 * follows changes does not. */
static void
start_reload (LiaisonRecordList   *self,
              gboolean             asked,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  const char *path = liaison_database_get_path (self->database);
  ReloadJob *job = g_new0 (ReloadJob, 1);

  g_task_set_source_tag (task, liaison_record_list_reload_async);
  if (asked)
    supersede (self);
  job->generation = self->generation;
  job->changes = self->changes;
  g_task_set_task_data (task, job, (GDestroyNotify) reload_job_free);
  self->reload_pending = TRUE;

  /* Read in chunks, the list is quick to read here; an in-memory
   * database has no file for another connection to open. */
  if (is_chunked (self) || g_str_equal (path, ":memory:"))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  job->in_thread = TRUE;
  job->stop = g_cancellable_new ();
  g_clear_object (&self->stop);
  self->stop = g_object_ref (job->stop);
  if (cancellable != NULL)
    {
      job->cancellable = g_object_ref (cancellable);
      job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (stop_cb),
                                                 g_object_ref (job->stop), g_object_unref);
    }
  job->path = g_strdup (path);
  job->sql = g_strdup (self->id_sql);
  job->parameters = g_ptr_array_ref (self->parameters);
  g_task_run_in_thread (task, reload_thread);
}

static void changed_reload_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

/**
 * liaison_record_list_reload_async:
 * @self: a record list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list is read
 * @user_data: for @callback
 *
 * liaison_record_list_reload() with the query in a worker thread, so that
 * searching or sorting a long list does not hold up the window. The list
 * stays as it was until liaison_record_list_reload_finish(), which tells
 * the views of the new rows.
 */
void
liaison_record_list_reload_async (LiaisonRecordList   *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));

  build_sql (self);
  start_reload (self, TRUE, cancellable, callback, user_data);
}

/**
 * liaison_record_list_reload_finish:
 * @self: a record list
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Puts the rows read in place. A reload started since makes this one
 * moot: it fails with %G_IO_ERROR_CANCELLED and leaves the list to the
 * newer one. Records changed while it read are read again after it, in
 * a worker thread.
 *
 * Returns: %TRUE if the list now has the rows read
 */
gboolean
liaison_record_list_reload_finish (LiaisonRecordList  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  ReloadJob *job;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_items = 0;
  char *last_key = NULL;
  gboolean up_to_date;

  g_return_val_if_fail (LIAISON_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  ids = g_task_propagate_pointer (G_TASK (result), &local_error);

  if (job->generation != self->generation)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Replaced by a newer reload");
      return FALSE;
    }

  /* The newest failed: changes are read here again from now on. */
  if (local_error != NULL)
    {
      self->reload_pending = FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (job->in_thread)
    n_items = ids->len;
  else if ((ids = query_ids (self, CHUNK_SIZE, &n_items, &last_key, error)) == NULL)
    {
      self->reload_pending = FALSE;
      return FALSE;
    }

  /* Read here, or before any change since it began */
  up_to_date = !job->in_thread || job->changes == self->changes;
  self->reload_pending = FALSE;
  apply_ids (self, ids, n_items, last_key, up_to_date);
  if (!up_to_date)
    start_reload (self, FALSE, NULL, changed_reload_cb, NULL);

  return TRUE;
}

/* A record of a long list changed, read again in a worker thread */
static void
changed_reload_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!liaison_record_list_reload_finish (LIAISON_RECORD_LIST (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not read a list again: %s", error->message);
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

  /* Whatever a reading under way read may be older than this. */
  self->changes++;

  if (uuid != NULL)
    {
      stmt = liaison_database_prepare (self->database, self->uuid_sql, NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      g_hash_table_remove (self->cache, &id);
      g_array_append_val (self->touched, id);
    }
  else
    {
      /* Many records of the type at once (a sync) */
      g_hash_table_remove_all (self->cache);
      self->all_touched = TRUE;
    }

  /* A reading under way is followed by another (see
   * liaison_record_list_reload_finish()). A long list the database has to
   * filter or sort whole takes a while: it is read in a worker thread. */
  if (self->reload_pending)
    return;
  if (!is_chunked (self) && self->n_items > self->large)
    {
      start_reload (self, FALSE, NULL, changed_reload_cb, NULL);
      return;
    }

  if (uuid == NULL)
    {
      ids = query_ids (self, CHUNK_SIZE, &n_items, &last_key, NULL);
      if (ids != NULL)
        apply_ids (self, ids, n_items, last_key, TRUE);
      else
        g_free (last_key);
      return;
    }

  /* As many ids as were held, give or take the rows that came or went, so
   * that the old and new ids line up from their ends. A row that went
   * from beyond them leaves them as they were. */
  n_items = liaison_database_count (self->database, self->type);
  at_least = (guint) CLAMP ((gint64) self->ids->len + (gint64) n_items - (gint64) self->n_items, 0, G_MAXUINT);
  if (n_items < self->n_items && !holds (self->ids, id))
    at_least = self->ids->len;
  ids = query_ids (self, at_least, &n_items, &last_key, NULL);
  if (ids != NULL)
    apply_ids (self, ids, n_items, last_key, TRUE);
  else
    g_free (last_key);
}

static void
liaison_record_list_finalize (GObject *object)
{
  LiaisonRecordList *self = (LiaisonRecordList *)object;

  if (self->stop != NULL)
    g_cancellable_cancel (self->stop);
  g_clear_object (&self->stop);
  g_clear_object (&self->database);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->tail, g_array_unref);
  g_clear_pointer (&self->touched, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->filters, g_array_unref);
  g_clear_pointer (&self->id_sql, g_free);
  g_clear_pointer (&self->parameters, g_ptr_array_unref);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->search_conditions, g_ptr_array_unref);
  g_clear_pointer (&self->sort_expression, g_free);
  g_clear_pointer (&self->sort_values, g_strfreev);
  g_clear_pointer (&self->only_ids, g_free);
  g_clear_pointer (&self->chunk_sql, g_free);
  g_clear_pointer (&self->skip_sql, g_free);
  g_clear_pointer (&self->tail_sql, g_free);
  g_clear_pointer (&self->key_sql, g_free);
  g_clear_pointer (&self->exists_sql, g_free);
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
  self->tail = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  self->search_conditions = g_ptr_array_new_with_free_func (search_condition_free);
  self->large = LARGE_LIST;
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

  /* The length only: the records are read when they are asked for, and
   * a list given filters first reads nothing for nothing. */
  build_sql (self);
  self->n_items = liaison_database_count (database, type);

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
 * @field is a field of the list's type, or a link of it and a field of the
 * record linked to: "person.title". Text sorts as the search compares it
 * (without regard to case or accents), a choice in the order the choices
 * are offered, and a link in the natural order of the records linked to.
 *
 * Call liaison_record_list_reload() afterwards.
 */
void
liaison_record_list_set_sort (LiaisonRecordList *self,
                              const char        *field,
                              gboolean           descending)
{
  const LiaisonRecordType *type;
  g_auto(GStrv) path = NULL;

  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));

  type = self->type;
  self->sort_link = NULL;
  self->sort_field = NULL;
  g_clear_pointer (&self->sort_expression, g_free);
  g_clear_pointer (&self->sort_values, g_strfreev);
  self->descending = descending;

  if (field == NULL)
    return;

  path = g_strsplit (field, ".", 2);
  if (path[1] != NULL)
    {
      self->sort_link = liaison_record_type_find_field (type, path[0]);
      g_return_if_fail (self->sort_link != NULL && self->sort_link->kind == LIAISON_FIELD_LINK &&
                        self->sort_link->link_type != NULL);
      type = liaison_record_type_find (self->sort_link->link_type);
    }

  self->sort_field = liaison_record_type_find_field (type, path[path[1] != NULL ? 1 : 0]);
  if (self->sort_field == NULL)
    {
      self->sort_link = NULL;
      g_return_if_reached ();
    }
}

/**
 * liaison_record_list_set_sort_expression:
 * @self: a record list
 * @expression: an SQL expression over the columns of the list's table,
 *   named as `t`, with a `?` for each of @values
 * @values: the text values of its parameters, in order
 * @descending: whether the largest come first
 *
 * Sorts by what the fields of a record work out to (how an application
 * stands against its deadline, say). Call liaison_record_list_reload()
 * afterwards.
 */
void
liaison_record_list_set_sort_expression (LiaisonRecordList  *self,
                                         const char         *expression,
                                         const char * const *values,
                                         gboolean            descending)
{
  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));
  g_return_if_fail (expression != NULL);
  g_return_if_fail (values != NULL);

  liaison_record_list_set_sort (self, NULL, descending);
  self->sort_expression = g_strdup (expression);
  self->sort_values = g_strdupv ((GStrv) values);
}

/**
 * liaison_record_list_set_search:
 * @self: a record list
 * @text: (nullable): what to look for, or %NULL for everything
 *
 * Keeps only the records that have every word of @text in their searched
 * fields, in those of a record they link to (an applicant's person and
 * nominating organization) or in the label of one of their choices, as
 * the search compares them. Call liaison_record_list_reload() afterwards.
 */
void
liaison_record_list_set_search (LiaisonRecordList *self,
                                const char        *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *normalized = NULL;
  g_auto(GStrv) words = NULL;
  guint n_words = 0;

  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));

  g_clear_pointer (&self->words, g_strfreev);
  if (text == NULL)
    return;

  normalized = liaison_search_normalize (text);
  words = g_strsplit_set (normalized, " \t\n", -1);
  for (guint i = 0; words[i] != NULL && n_words < MAX_WORDS; i++)
    {
      if (words[i][0] == '\0')
        continue;
      g_strv_builder_add (builder, words[i]);
      n_words++;
    }

  if (n_words > 0)
    self->words = g_strv_builder_end (builder);
}

/**
 * liaison_record_list_add_search_condition:
 * @self: a record list
 * @label: words a person might look for, in the language of the window
 * @condition: an SQL expression on the list's table, "t"
 * @values: the values of the parameters of @condition
 *
 * A word of the search that is in @label also finds the records for which
 * @condition holds, as it finds those whose status has the word in its
 * label. For what is worked out from the fields rather than kept, such as
 * how an application stands against its deadline. Call
 * liaison_record_list_reload() afterwards.
 */
void
liaison_record_list_add_search_condition (LiaisonRecordList  *self,
                                          const char         *label,
                                          const char         *condition,
                                          const char * const *values)
{
  SearchCondition *added;

  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (condition != NULL);
  g_return_if_fail (values != NULL);

  added = g_new0 (SearchCondition, 1);
  added->label = liaison_search_normalize (label);
  added->condition = g_strdup (condition);
  added->values = g_strdupv ((GStrv) values);
  g_ptr_array_add (self->search_conditions, added);
}

void
liaison_record_list_clear_search_conditions (LiaisonRecordList *self)
{
  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));

  g_ptr_array_set_size (self->search_conditions, 0);
}

/**
 * liaison_record_list_new_like:
 * @database: a database
 * @other: a list
 *
 * A list of the records @other lists, in its order, read through
 * @database: another connection to the same file, for a worker thread to
 * read the whole list without holding up @other's. Call
 * liaison_record_list_reload() to read it.
 *
 * Returns: (transfer full): the new list
 */
LiaisonRecordList *
liaison_record_list_new_like (LiaisonDatabase   *database,
                              LiaisonRecordList *other)
{
  LiaisonRecordList *self;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LIAISON_IS_RECORD_LIST (other), NULL);

  self = liaison_record_list_new (database, other->type);
  for (guint i = 0; i < other->filters->len; i++)
    {
      Filter filter = g_array_index (other->filters, Filter, i);

      filter.value = g_strdup (filter.value);
      g_array_append_val (self->filters, filter);
    }
  self->words = g_strdupv (other->words);
  for (guint i = 0; i < other->search_conditions->len; i++)
    {
      SearchCondition *condition = g_ptr_array_index (other->search_conditions, i);
      SearchCondition *copy = g_new0 (SearchCondition, 1);

      copy->label = g_strdup (condition->label);
      copy->condition = g_strdup (condition->condition);
      copy->values = g_strdupv (condition->values);
      g_ptr_array_add (self->search_conditions, copy);
    }
  self->sort_link = other->sort_link;
  self->sort_field = other->sort_field;
  self->sort_expression = g_strdup (other->sort_expression);
  self->sort_values = g_strdupv (other->sort_values);
  self->descending = other->descending;
  self->only_ids = g_strdup (other->only_ids);

  return self;
}

/**
 * liaison_record_list_keep_ids:
 * @self: a list
 * @ids: (nullable) (element-type gint64): row ids, or %NULL for all
 *
 * Lists only the records of @ids that it would list anyway, in its own
 * order. Call liaison_record_list_reload() afterwards.
 */
void
liaison_record_list_keep_ids (LiaisonRecordList *self,
                              GArray            *ids)
{
  GString *list;

  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));

  g_clear_pointer (&self->only_ids, g_free);
  if (ids == NULL)
    return;

  list = g_string_new ("[");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (list, ']');
  self->only_ids = g_string_free (list, FALSE);
}

/* For the tests: lists longer than @n_items are read again in a worker
 * thread when a record changes. */
void
liaison_record_list_set_large (LiaisonRecordList *self,
                               guint              n_items)
{
  g_return_if_fail (LIAISON_IS_RECORD_LIST (self));

  self->large = n_items;
}

/* For the tests, which wait for the list to settle: whether a reading is
 * under way, asked for or following changes, after which the rows may
 * change. */
gboolean
liaison_record_list_is_reading (LiaisonRecordList *self)
{
  g_return_val_if_fail (LIAISON_IS_RECORD_LIST (self), FALSE);

  return self->reload_pending;
}
