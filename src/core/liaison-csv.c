/* liaison-csv.c
 *
 * CSV for spreadsheets and mail merge: RFC 4180 (fields quoted where they
 * must be, CRLF between records), UTF-8 with a byte order mark so that
 * spreadsheet programs read Japanese text right. Headers are the fields'
 * names in the user's language, choices are written as their labels and
 * links as the name of the record linked to. Sensitive fields (dietary
 * needs, accessibility, emergency contacts, meeting passcodes) are left
 * out unless asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-record-list-private.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-reference.h"

typedef struct
{
  const char              *name;
  const LiaisonRecordType *type;
  /* A link whose record's fields are written too, after the record's own
   * identifier: an applicant's name and address for mail merge. */
  const char              *expand_link;
  const char * const      *expand_fields;
} CsvView;

static const char * const applicant_fields[] = {
  "honorific", "family_name", "given_name", "title", "emails", "phones", "address", NULL
};

static const CsvView views[] = {
  { "applicants", &liaison_application_type, "person", applicant_fields },
  { "affiliations", &liaison_affiliation_type, NULL, NULL },
  { "seminars", &liaison_seminar_type, NULL, NULL },
  { "organizations", &liaison_organization_type, NULL, NULL },
  { "people", &liaison_person_type, NULL, NULL },
};

static const char * const view_names[] = {
  "applicants", "affiliations", "seminars", "organizations", "people", NULL
};

G_DEFINE_QUARK (liaison-csv-error-quark, liaison_csv_error)

/**
 * liaison_csv_get_views:
 *
 * Returns: (transfer none): the names of the lists that can be exported,
 *   as `--export-csv=VIEW:FILE` takes them
 */
const char * const *
liaison_csv_get_views (void)
{
  return view_names;
}

/**
 * liaison_csv_quote:
 * @value: (nullable): a field's text
 *
 * Returns: (transfer full): @value as one CSV field: quoted when it holds
 *   a comma, a quote, a line break or space at either end, with its quotes
 *   doubled
 */
char *
liaison_csv_quote (const char *value)
{
  GString *field;

  if (value == NULL || value[0] == '\0')
    return g_strdup ("");

  if (strpbrk (value, ",\"\r\n") == NULL &&
      !g_ascii_isspace (value[0]) &&
      !g_ascii_isspace (value[strlen (value) - 1]))
    return g_strdup (value);

  field = g_string_new ("\"");
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (field, '"');
      g_string_append_c (field, *p);
    }
  g_string_append_c (field, '"');

  return g_string_free (field, FALSE);
}

static const CsvView *
find_view (const char  *name,
           GError     **error)
{
  g_autofree char *known = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      if (g_strcmp0 (views[i].name, name) == 0)
        return &views[i];
    }

  known = g_strjoinv (", ", (char **) view_names);
  g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_UNKNOWN_VIEW,
               /* Translators: the list asked for, then the names of the lists there are */
               _("There is no list called “%s” to export; the lists are %s."),
               name != NULL ? name : "", known);
  return NULL;
}

static gboolean
is_written (const LiaisonField *field,
            LiaisonCsvFlags     flags)
{
  if ((field->flags & LIAISON_FIELD_DERIVED) != 0)
    return FALSE;

  if ((field->flags & LIAISON_FIELD_SENSITIVE) != 0 && (flags & LIAISON_CSV_INCLUDE_SENSITIVE) == 0)
    return FALSE;

  return TRUE;
}

static gboolean
prefers_japanese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "ja");
}

/* A field as a person reads it in a spreadsheet. */
static char *
cell (LiaisonDatabase    *db,
      LiaisonRecord      *record,
      const LiaisonField *field)
{
  const char *text;

  switch (field->kind)
    {
    case LIAISON_FIELD_INTEGER:
      {
        gint64 number = liaison_record_get_integer (record, field->name);

        return number != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, number) : NULL;
      }

    case LIAISON_FIELD_BOOLEAN:
      return g_strdup (liaison_record_get_boolean (record, field->name) ? _("Yes") : _("No"));

    default:
      break;
    }

  text = liaison_record_get_text (record, field->name);
  if (text[0] == '\0')
    return NULL;

  switch (field->kind)
    {
    case LIAISON_FIELD_CHOICE:
      return g_strdup (liaison_field_choice_label (field, text));

    case LIAISON_FIELD_PREFECTURE:
      {
        const LiaisonPrefecture *prefecture = liaison_reference_find_prefecture (text);

        if (prefecture == NULL)
          return g_strdup (text);
        return g_strdup (prefers_japanese () ? prefecture->name_ja : prefecture->name_en);
      }

    case LIAISON_FIELD_LINK:
      {
        const LiaisonRecordType *type = liaison_record_type_find (field->link_type);
        g_autoptr(LiaisonRecord) linked = type != NULL ? liaison_database_get (db, type, text, NULL) : NULL;

        return linked != NULL ? liaison_record_dup_title (linked) : g_strdup (text);
      }

    case LIAISON_FIELD_EMAILS:
    case LIAISON_FIELD_PHONES:
    case LIAISON_FIELD_TAGS:
      {
        g_auto(GStrv) items = g_strsplit (text, "\n", -1);

        /* One cell a spreadsheet filters and a mail merge takes whole */
        return g_strjoinv ("; ", items);
      }

    default:
      return g_strdup (text);
    }
}

static void
add (GPtrArray  *row,
     const char *value)
{
  g_ptr_array_add (row, liaison_csv_quote (value));
}

static void
end_row (GString   *out,
         GPtrArray *row)
{
  g_autofree char *line = NULL;

  g_ptr_array_add (row, NULL);
  line = g_strjoinv (",", (char **) row->pdata);
  g_string_append (out, line);
  g_string_append (out, "\r\n");
  g_ptr_array_set_size (row, 0);
}

/**
 * liaison_csv_write:
 * @database: a database
 * @view: one of liaison_csv_get_views()
 * @records: (nullable): the records to write, in order (the current list of
 *   a view, filtered and sorted); %NULL for all of them in the natural order
 * @flags: whether sensitive fields are written
 * @n_rows: (out) (optional): the number of records written
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the CSV text, with its byte order
 *   mark
 */
char *
liaison_csv_write (LiaisonDatabase  *database,
                   const char       *view_name,
                   GListModel       *records,
                   LiaisonCsvFlags   flags,
                   guint            *n_rows,
                   GError          **error)
{
  const CsvView *view;
  const LiaisonRecordType *linked_type = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (records == NULL || G_IS_LIST_MODEL (records), NULL);

  view = find_view (view_name, error);
  if (view == NULL)
    return NULL;

  if (records == NULL)
    records = all = G_LIST_MODEL (liaison_record_list_new (database, view->type));

  if (view->expand_link != NULL)
    linked_type = liaison_record_type_find (liaison_record_type_find_field (view->type, view->expand_link)->link_type);

  /* The header */
  add (row, _("Identifier"));
  if (linked_type != NULL)
    for (guint i = 0; view->expand_fields[i] != NULL; i++)
      add (row, liaison_field_get_label (liaison_record_type_find_field (linked_type, view->expand_fields[i])));
  for (guint i = 0; i < view->type->n_fields; i++)
    if (is_written (&view->type->fields[i], flags))
      add (row, liaison_field_get_label (&view->type->fields[i]));
  end_row (out, row);

  n = g_list_model_get_n_items (records);
  for (guint r = 0; r < n; r++)
    {
      g_autoptr(LiaisonRecord) record = g_list_model_get_item (records, r);

      g_return_val_if_fail (liaison_record_get_record_type (record) == view->type, NULL);

      add (row, liaison_record_get_uuid (record));

      if (linked_type != NULL)
        {
          const char *uuid = liaison_record_get_text (record, view->expand_link);
          g_autoptr(LiaisonRecord) linked = uuid[0] != '\0' ? liaison_database_get (database, linked_type, uuid, NULL) : NULL;

          for (guint i = 0; view->expand_fields[i] != NULL; i++)
            {
              const LiaisonField *field = liaison_record_type_find_field (linked_type, view->expand_fields[i]);
              g_autofree char *value = linked != NULL ? cell (database, linked, field) : NULL;

              add (row, value);
            }
        }

      for (guint i = 0; i < view->type->n_fields; i++)
        {
          g_autofree char *value = NULL;

          if (!is_written (&view->type->fields[i], flags))
            continue;

          value = cell (database, record, &view->type->fields[i]);
          add (row, value);
        }

      end_row (out, row);
    }

  if (n_rows != NULL)
    *n_rows = n;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * liaison_csv_export:
 * @database: a database
 * @view: one of liaison_csv_get_views()
 * @records: (nullable): as for liaison_csv_write()
 * @flags: whether sensitive fields are written
 * @path: the file to write
 * @n_rows: (out) (optional): the number of records written
 * @error: return location for a #GError
 *
 * Writes the CSV to @path at once: a reader never sees half a file, and a
 * failure leaves whatever was there before. The file is readable by its
 * owner only, as it holds personal data.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_csv_export (LiaisonDatabase  *database,
                    const char       *view,
                    GListModel       *records,
                    LiaisonCsvFlags   flags,
                    const char       *path,
                    guint            *n_rows,
                    GError          **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = liaison_csv_write (database, view, records, flags, n_rows, error);
  if (text == NULL)
    return FALSE;

  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_WRITE,
                   /* Translators: a file, then the reason */
                   _("The list could not be written to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  LiaisonDatabase   *database;  /* a connection of the worker's */
  LiaisonRecordList *list;
  char              *view;
  LiaisonCsvFlags    flags;
  char              *path;
  guint              n_rows;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->list);
  g_clear_object (&job->database);
  g_free (job->view);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (!liaison_record_list_reload (job->list, &error) ||
      !liaison_csv_export (job->database, job->view, G_LIST_MODEL (job->list), job->flags, job->path,
                           &job->n_rows, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * liaison_csv_export_async:
 * @database: a database
 * @view: what to write, as for liaison_csv_export()
 * @list: the records to write, as listed: a #LiaisonRecordList of
 *   @database, whose filters, search and order are what counts (it need
 *   not have been read), or any other list model
 * @only_ids: (nullable) (element-type gint64): the row ids of the only
 *   records of a #LiaisonRecordList to write, or %NULL for all it lists
 * @flags: what to leave out
 * @path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is written, or not
 * @user_data: for @callback
 *
 * liaison_csv_export() in a worker thread: a #LiaisonRecordList is read
 * again there, through a connection of its own, with the same filters,
 * search and order, so that a hundred thousand applicants hold up nothing.
 * Any other list model, or a database that cannot be opened again (in
 * memory), is written here and now.
 */
void
liaison_csv_export_async (LiaisonDatabase     *database,
                          const char          *view,
                          GListModel          *list,
                          GArray              *only_ids,
                          LiaisonCsvFlags      flags,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const char *file = NULL;
  ExportJob *job;

  g_return_if_fail (LIAISON_IS_DATABASE (database));
  g_return_if_fail (view != NULL && path != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (list));

  task = g_task_new (database, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_csv_export_async);
  job = g_new0 (ExportJob, 1);
  job->view = g_strdup (view);
  job->flags = flags;
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  if (LIAISON_IS_RECORD_LIST (list) && !liaison_database_is_damaged (database))
    file = liaison_database_get_path (database);
  if (file != NULL && !g_str_equal (file, ":memory:"))
    job->database = liaison_database_open_full (file, LIAISON_DATABASE_OPEN_DEFER_CHECK, NULL);

  if (job->database == NULL)
    {
      g_autoptr(LiaisonRecordList) kept = NULL;
      GListModel *records = list;

      /* Read again as it would be in the worker */
      if (LIAISON_IS_RECORD_LIST (list))
        {
          kept = liaison_record_list_new_like (database, LIAISON_RECORD_LIST (list));
          if (only_ids != NULL)
            liaison_record_list_keep_ids (kept, only_ids);
          if (!liaison_record_list_reload (kept, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          records = G_LIST_MODEL (kept);
        }

      if (liaison_csv_export (database, view, records, flags, path, &job->n_rows, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->list = liaison_record_list_new_like (job->database, LIAISON_RECORD_LIST (list));
  if (only_ids != NULL)
    liaison_record_list_keep_ids (job->list, only_ids);
  g_task_run_in_thread (task, export_thread);
}

/**
 * liaison_csv_export_finish:
 * @database: the database given to liaison_csv_export_async()
 * @result: the result given to the callback
 * @n_rows: (out) (optional): how many records were written
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
liaison_csv_export_finish (LiaisonDatabase  *database,
                           GAsyncResult     *result,
                           guint            *n_rows,
                           GError          **error)
{
  ExportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, database), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (n_rows != NULL)
    *n_rows = job->n_rows;
  return TRUE;
}
