/* test-csv.c
 *
 * CSV as spreadsheets and mail merge read it: RFC 4180 quoting, CRLF, a
 * byte order mark, Japanese text, and sensitive fields left out unless
 * asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-database.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-test-files.h"
#include "liaison-test-lists.h"

/* A reader of RFC 4180, independent of the writer: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;
  gboolean quoted = FALSE;

  g_assert_true (g_str_has_prefix (p, "\xef\xbb\xbf"));
  p += 3;

  while (*p != '\0')
    {
      if (quoted)
        {
          if (p[0] == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
            }
          else if (p[0] == '"')
            {
              quoted = FALSE;
              p++;
            }
          else
            g_string_append_c (field, *p++);
        }
      else if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          quoted = TRUE;
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          /* A bare line break or quote outside quotes is not RFC 4180. */
          g_assert_true (*p != '\n' && *p != '\r');
          g_string_append_c (field, *p++);
        }
    }

  g_assert_false (quoted);
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);

  return rows;
}

static void
test_quote (void)
{
  struct {
    const char *value;
    const char *quoted;
  } cases[] = {
    { NULL, "" },
    { "", "" },
    { "plain", "plain" },
    { "東京都 千代田区", "東京都 千代田区" },
    { "a,b", "\"a,b\"" },
    { "say \"hello\"", "\"say \"\"hello\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\r\nlf", "\"cr\r\nlf\"" },
    { " leading", "\" leading\"" },
    { "trailing ", "\"trailing \"" },
    { "=1+2", "=1+2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = liaison_csv_quote (cases[i].value);

      g_assert_cmpstr (quoted, ==, cases[i].quoted);
    }
}

static LiaisonDatabase *
database_with_applicant (LiaisonRecord **application_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonRecord *person = liaison_record_new (&liaison_person_type);
  LiaisonRecord *application = NULL;

  g_assert_no_error (error);

  liaison_record_set_text (person, "family_name", "O’Neill, Jr.");
  liaison_record_set_text (person, "given_name", "Pat \"PJ\"");
  liaison_record_set_text (person, "emails", "pj@example.org\npatrick@example.org");
  liaison_record_set_text (person, "address", "1 Main Street\nTrenton, NJ 08608");
  g_ptr_array_add (records, person);

  application = liaison_test_application_record_new (person);
  liaison_record_set_boolean (application, "has_cv", TRUE);
  liaison_record_set_text (application, "host_prefecture", "04");
  liaison_record_set_text (application, "dietary", "Vegetarian; no shellfish");
  liaison_record_set_text (application, "emergency_contact", "Chris O’Neill, +1 609-555-0100");
  liaison_record_set_text (application, "notes", "日本語のメモ\n二行目, with a comma");
  g_ptr_array_add (records, application);

  liaison_database_save_all (db, records, &error);
  g_assert_no_error (error);

  *application_out = g_object_ref (application);
  return g_steal_pointer (&db);
}

static int
column (GPtrArray  *header,
        const char *name)
{
  for (guint i = 0; i < header->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (header, i), name))
        return (int) i;
    }

  return -1;
}

static const char *
value_of (GPtrArray  *rows,
          guint       row,
          const char *name)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);
  int index = column (header, name);

  g_assert_cmpint (index, >=, 0);
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), index);
}

static void
test_applicants (void)
{
  g_autoptr(LiaisonRecord) application = NULL;
  g_autoptr(LiaisonDatabase) db = database_with_applicant (&application);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;
  guint n_rows = 0;

  text = liaison_csv_write (db, "applicants", NULL, LIAISON_CSV_DEFAULT, &n_rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 2);
  header = g_ptr_array_index (rows, 0);

  /* Every row has as many fields as the header. */
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 1))->len, ==, header->len);

  g_assert_cmpstr (value_of (rows, 1, "Identifier"), ==, liaison_record_get_uuid (application));
  /* The applicant's own details, for mail merge */
  g_assert_cmpstr (value_of (rows, 1, "Family name"), ==, "O’Neill, Jr.");
  g_assert_cmpstr (value_of (rows, 1, "Given name"), ==, "Pat \"PJ\"");
  g_assert_cmpstr (value_of (rows, 1, "Email addresses"), ==, "pj@example.org; patrick@example.org");
  g_assert_cmpstr (value_of (rows, 1, "Postal address"), ==, "1 Main Street\nTrenton, NJ 08608");
  /* Links by name, choices by label, booleans as words, prefectures by name */
  g_assert_cmpstr (value_of (rows, 1, "Applicant"), ==, "Pat \"PJ\" O’Neill, Jr.");
  g_assert_cmpstr (value_of (rows, 1, "Status"), ==, "Application received");
  g_assert_cmpstr (value_of (rows, 1, "CV or biography"), ==, "Yes");
  g_assert_cmpstr (value_of (rows, 1, "Photo"), ==, "No");
  g_assert_cmpstr (value_of (rows, 1, "Host prefecture"), ==, "Miyagi");
  g_assert_cmpstr (value_of (rows, 1, "Cohort year"), ==, "2027");
  g_assert_cmpstr (value_of (rows, 1, "Notes"), ==, "日本語のメモ\n二行目, with a comma");

  /* Sensitive fields stay out unless asked for. */
  g_assert_cmpint (column (header, "Dietary requirements"), ==, -1);
  g_assert_cmpint (column (header, "Emergency contact"), ==, -1);
  g_assert_null (strstr (text, "Vegetarian"));
  g_assert_null (strstr (text, "609-555-0100"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&rows, g_ptr_array_unref);

  text = liaison_csv_write (db, "applicants", NULL, LIAISON_CSV_INCLUDE_SENSITIVE, NULL, &error);
  g_assert_no_error (error);
  rows = parse_csv (text);
  g_assert_cmpstr (value_of (rows, 1, "Dietary requirements"), ==, "Vegetarian; no shellfish");
  g_assert_cmpstr (value_of (rows, 1, "Emergency contact"), ==, "Chris O’Neill, +1 609-555-0100");
}

static void
test_views (void)
{
  g_autoptr(LiaisonRecord) application = NULL;
  g_autoptr(LiaisonDatabase) db = database_with_applicant (&application);
  const char * const *views = liaison_csv_get_views ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; views[i] != NULL; i++)
    {
      g_autofree char *text = liaison_csv_write (db, views[i], NULL, LIAISON_CSV_DEFAULT, NULL, &error);
      g_autoptr(GPtrArray) rows = NULL;

      g_assert_no_error (error);
      rows = parse_csv (text);
      g_assert_cmpuint (rows->len, >=, 1);
    }

  g_assert_null (liaison_csv_write (db, "everything", NULL, LIAISON_CSV_DEFAULT, NULL, &error));
  g_assert_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_UNKNOWN_VIEW);
}

static void
test_export_file (void)
{
  g_autoptr(LiaisonRecord) application = NULL;
  g_autoptr(LiaisonDatabase) db = database_with_applicant (&application);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", "people.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;
  guint n_rows = 0;

  g_assert_no_error (error);

  g_assert_true (liaison_csv_export (db, "people", NULL, LIAISON_CSV_DEFAULT, path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A failed export leaves what was there. */
  before = liaison_test_digest (path);
  g_assert_false (liaison_csv_export (db, "nothing", NULL, LIAISON_CSV_DEFAULT, path, NULL, &error));
  g_clear_error (&error);
  after = liaison_test_digest (path);
  g_assert_cmpstr (before, ==, after);

  g_assert_false (liaison_csv_export (db, "people", NULL, LIAISON_CSV_DEFAULT, missing, NULL, &error));
  g_assert_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));

  liaison_test_remove_tree (dir);
}

static void
test_purge (void)
{
  g_autoptr(LiaisonRecord) application = NULL;
  g_autoptr(LiaisonDatabase) db = database_with_applicant (&application);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) stored = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  LiaisonChange *last;

  g_assert_true (liaison_database_purge_sensitive (db, application, &error));
  g_assert_no_error (error);

  stored = liaison_database_get (db, &liaison_application_type, liaison_record_get_uuid (application), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_record_get_text (stored, "dietary"), ==, "");
  g_assert_cmpstr (liaison_record_get_text (stored, "emergency_contact"), ==, "");
  g_assert_cmpstr (liaison_record_get_text (stored, "government"), ==, "City of Trenton");

  /* The activity log says so, without the values. */
  changes = liaison_database_list_changes (db, 0);
  last = g_ptr_array_index (changes, changes->len - 1);
  g_assert_cmpstr (last->record_type, ==, "activity");
  {
    g_autoptr(LiaisonRecord) note = liaison_database_get (db, &liaison_activity_type, last->record_uuid, &error);
    const char *text;

    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (note, "record"), ==, liaison_record_get_uuid (application));
    text = liaison_record_get_text (note, "text");
    g_assert_nonnull (strstr (text, "Dietary requirements"));
    g_assert_null (strstr (text, "Vegetarian"));
  }
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *n_rows = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_csv_export_finish (LIAISON_DATABASE (object), result, n_rows, &error));
  g_assert_no_error (error);
  g_object_set_data (object, "exported", GINT_TO_POINTER (1));
}

/* The governments written, one a line, in order */
static char *
governments_written (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) found = g_string_new (NULL);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *city = strstr (lines[i], "City of ");

      g_assert_nonnull (city);
      g_string_append_printf (found, "%s%.*s", found->len > 0 ? ", " : "", (int) strcspn (city, ",\""), city);
    }

  return g_string_free (g_steal_pointer (&found), FALSE);
}

static void
export_some (LiaisonDatabase *db,
             const char      *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = g_build_filename (dir, "applicants.csv", NULL);
  g_autofree char *all = NULL;
  g_autofree char *some = NULL;
  const char *cities[] = { "City of Dayton", "City of Akron", "City of Canton", "City of Toledo" };
  guint n_rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
      g_autoptr(LiaisonRecord) application = NULL;

      liaison_record_set_text (person, "family_name", "Walker");
      liaison_database_save (db, person, &error);
      g_assert_no_error (error);
      application = liaison_test_application_record_new (person);
      liaison_record_set_text (application, "government", cities[i]);
      liaison_record_set_integer (application, "cohort_year", i == 3 ? 2026 : 2027);
      liaison_database_save (db, application, &error);
      g_assert_no_error (error);
    }

  /* The coming cohort by government, descending; the list need not have
   * been read. */
  list = liaison_record_list_new (db, &liaison_application_type);
  liaison_record_list_add_filter (list, "cohort_year", "2027");
  liaison_record_list_set_sort (list, "government", TRUE);
  liaison_csv_export_async (db, "applicants", G_LIST_MODEL (list), NULL, LIAISON_CSV_DEFAULT, path,
                            NULL, exported_cb, &n_rows);
  while (g_object_get_data (G_OBJECT (db), "exported") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_set_data (G_OBJECT (db), "exported", NULL);
  g_assert_cmpuint (n_rows, ==, 3);
  all = governments_written (path);
  g_assert_cmpstr (all, ==, "City of Dayton, City of Canton, City of Akron");

  /* Only those of @ids, still in the list's order */
  g_assert_true (liaison_record_list_reload (list, &error));
  for (guint i = 0; i < 3; i += 2)
    {
      gint64 id = liaison_record_list_get_id (list, i);

      g_array_prepend_val (ids, id);
    }
  liaison_csv_export_async (db, "applicants", G_LIST_MODEL (list), ids, LIAISON_CSV_DEFAULT, path,
                            NULL, exported_cb, &n_rows);
  while (g_object_get_data (G_OBJECT (db), "exported") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_set_data (G_OBJECT (db), "exported", NULL);
  g_assert_cmpuint (n_rows, ==, 2);
  some = governments_written (path);
  g_assert_cmpstr (some, ==, "City of Dayton, City of Akron");
}

/* A list written in a worker thread, read again there with its filters
 * and order; or in place, for a database in memory. */
static void
test_export_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(LiaisonDatabase) memory = liaison_database_open (":memory:", &error);

  g_assert_no_error (error);
  export_some (db, dir);
  export_some (memory, dir);

  g_clear_object (&db);
  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quote", test_quote);
  g_test_add_func ("/csv/applicants", test_applicants);
  g_test_add_func ("/csv/views", test_views);
  g_test_add_func ("/csv/export-file", test_export_file);
  g_test_add_func ("/csv/export-async", test_export_async);
  g_test_add_func ("/csv/purge", test_purge);

  return g_test_run ();
}
