/* test-sync-corruption.c
 *
 * Damaged sync files against a database that already holds data of its
 * own. A real export of a few dozen records of several types (Japanese
 * names, links, edits, a delete, a conflict with a third desktop) is cut at
 * every length and has thousands of single bytes changed at random: each
 * file is either refused, leaving every table of the database exactly as
 * it was, or imported whole, leaving a consistent database that is the
 * same as a fresh copy makes of the same bytes. Never half of it.
 *
 * The number of changed bytes is LIAISON_SYNC_FLIPS (2000 by default);
 * a failure names the test's random seed and the byte, so that
 * `--seed SEED` with the same LIAISON_SYNC_FLIPS runs it again. Under
 * valgrind, LIAISON_SYNC_CUT_STEP=N tries only every N-th length (and the
 * last).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "liaison-database-private.h"
#include "liaison-records.h"
#include "liaison-sync-private.h"
#include "liaison-test-files.h"

#define SITE_A "00000000000000aa"
#define SITE_B "00000000000000bb"
#define SITE_C "00000000000000cc"
#define START_MS G_GINT64_CONSTANT (1764252180000)
#define DEFAULT_FLIPS 2000

typedef struct
{
  gint64   now;
  gboolean ticking;
} Clock;

static gint64
read_clock (gpointer data)
{
  Clock *clock = data;

  if (clock->ticking)
    clock->now += 1000;
  return clock->now;
}

static LiaisonDatabase *
open_site (const char *site,
           Clock      *clock)
{
  g_autoptr(GError) error = NULL;
  LiaisonDatabase *database = liaison_database_open (":memory:", &error);

  g_assert_no_error (error);
  liaison_database_set_clock (database, read_clock, clock);
  g_assert_true (liaison_sync_set_site_for_testing (database, site, &error));
  g_assert_no_error (error);

  return database;
}

static GBytes *
export (LiaisonDatabase *database)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = liaison_sync_export (database, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
import (LiaisonDatabase *database,
        GBytes          *bytes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_sync_import_bytes (database, bytes, "peer.json", NULL, &error));
  g_assert_no_error (error);
}

/* Saves a new record: pairs of a field's name and its value as text,
 * then NULL. */
G_GNUC_NULL_TERMINATED
static LiaisonRecord *
save (LiaisonDatabase         *database,
      const LiaisonRecordType *type,
      ...)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *record = liaison_record_new (type);
  const char *name;
  va_list args;

  va_start (args, type);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      const LiaisonField *field = liaison_record_type_find_field (type, name);

      g_assert_nonnull (field);
      if (field->kind == LIAISON_FIELD_INTEGER)
        liaison_record_set_integer (record, name, g_ascii_strtoll (value, NULL, 10));
      else if (field->kind == LIAISON_FIELD_BOOLEAN)
        liaison_record_set_boolean (record, name, g_str_equal (value, "true"));
      else
        liaison_record_set_text (record, name, value);
    }
  va_end (args);

  g_assert_true (liaison_database_save (database, record, &error));
  g_assert_no_error (error);
  return record;
}

static void
edit (LiaisonDatabase *database,
      LiaisonRecord   *record,
      const char      *field,
      const char      *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) stored = liaison_database_get (database, liaison_record_get_record_type (record),
                                                          liaison_record_get_uuid (record), &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  liaison_record_set_text (stored, field, value);
  g_assert_true (liaison_database_save (database, stored, &error));
  g_assert_no_error (error);
}

/* The file: 30 records of seven types written on desktop A, some edited
 * after B read an early file of A's, one deleted, one field in conflict
 * with desktop C. Small, since every length of it is tried. */
static GBytes *
make_file (GBytes **early)
{
  Clock clock_a = { START_MS, TRUE }, clock_c = { START_MS + 500, TRUE };
  g_autoptr(LiaisonDatabase) a = open_site (SITE_A, &clock_a);
  g_autoptr(LiaisonDatabase) c = open_site (SITE_C, &clock_c);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  static const char *names[][2] = {
    { "山田", "花子" }, { "佐藤", "健一" }, { "鈴木", "美咲" }, { "高橋", "翔太" },
    { "田中", "陽菜" }, { "O’Brien", "Siobhán \"Shiv\"" },
    { "伊藤", NULL }, { "渡辺", NULL }, { "中村", NULL }, { "小林", NULL },
    { "加藤", NULL }, { "吉田", NULL }, { "山口", NULL }, { "松本", NULL },
    { "井上", NULL }, { "木村", NULL }, { "林", NULL }, { "斎藤", NULL },
    { "清水", NULL }, { "Smith", NULL },
  };
  static const char *organizations[][3] = {
    { "CLAIR", "japanese-organization", "JP" },
    { "National League of Cities", "us-association", "US" },
    { "JETAA New York", "jetaa", "US" },
    { "東京都", "government", "JP" },
  };
  LiaisonRecord *people[G_N_ELEMENTS (names)];
  LiaisonRecord *orgs[G_N_ELEMENTS (organizations)];
  LiaisonRecord *application;
  LiaisonRecord *seminar;
  LiaisonRecord *gone;
  g_autoptr(GBytes) from_a = NULL;
  g_autoptr(GBytes) from_c = NULL;
  g_autoptr(GError) error = NULL;

  /* The records' identifiers, and so the file, are the same every run. */
  g_random_set_seed (20251127);

  g_assert_true (liaison_sync_set_name (a, "受付のデスクトップ", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (organizations); i++)
    {
      orgs[i] = save (a, &liaison_organization_type,
                      "name", organizations[i][0], "kind", organizations[i][1],
                      "country", organizations[i][2], NULL);
      g_ptr_array_add (keep, orgs[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      people[i] = save (a, &liaison_person_type, "family_name", names[i][0],
                        names[i][1] != NULL ? "given_name" : NULL, names[i][1], NULL);
      g_ptr_array_add (keep, people[i]);
    }
  edit (a, people[0], "organization", liaison_record_get_uuid (orgs[0]));

  /* With a status change of its own */
  application = save (a, &liaison_application_type,
                      "person", liaison_record_get_uuid (people[2]), "cohort_year", "2026",
                      "government", "Hoboken", "government_level", "city",
                      "jurisdiction", "US-NJ", "status", "selected",
                      "decision_date", "2026-01-15", "has_cv", "true", NULL);
  g_ptr_array_add (keep, application);

  seminar = save (a, &liaison_seminar_type,
                  "title_en", "防災 Disaster preparedness", "start_local", "2026-03-10 19:00",
                  "time_zone", "America/New_York", "duration", "90", "status", "planned", NULL);
  g_ptr_array_add (keep, seminar);
  g_ptr_array_add (keep, save (a, &liaison_speaker_type,
                               "seminar", liaison_record_get_uuid (seminar),
                               "person", liaison_record_get_uuid (people[4]), NULL));
  g_ptr_array_add (keep, save (a, &liaison_activity_type,
                               "record", liaison_record_get_uuid (orgs[1]), "date", "2026-02-02",
                               "kind", "call", "text", "会議の日程\n\t– second line", NULL));
  gone = save (a, &liaison_activity_type,
               "record", liaison_record_get_uuid (people[0]), "date", "2026-02-03",
               "kind", "note", NULL);
  g_ptr_array_add (keep, gone);

  *early = export (a);

  /* Edits after B read the early file, a delete, and a conflict with C */
  edit (a, orgs[2], "city", "New York");
  edit (a, seminar, "status", "confirmed");
  edit (a, people[5], "given_name", "Siobhán");
  g_assert_true (liaison_database_delete (a, gone, &error));
  g_assert_no_error (error);

  import (c, *early);
  edit (c, orgs[1], "city", "Washington");
  edit (a, orgs[1], "city", "Washington, D.C.");
  from_c = export (c);
  import (a, from_c);
  g_assert_cmpuint (liaison_sync_count_conflicts (a), ==, 1);

  from_a = export (a);
  g_assert_cmpuint (liaison_database_count (a, &liaison_person_type), ==, G_N_ELEMENTS (names));
  g_assert_cmpuint (liaison_database_count (a, &liaison_status_change_type), ==, 1);
  return g_steal_pointer (&from_a);
}

/* Desktop B: data of its own, and A's early file read and edited. */
static LiaisonDatabase *
make_pristine (GBytes *early,
               Clock  *clock)
{
  LiaisonDatabase *b = open_site (SITE_B, clock);
  g_autoptr(LiaisonRecord) organization = NULL;
  g_autoptr(LiaisonRecord) person = NULL;
  g_autoptr(LiaisonRecord) seminar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *records;

  g_assert_true (liaison_sync_set_name (b, "事務所のノートパソコン", &error));
  g_assert_no_error (error);

  organization = save (b, &liaison_organization_type,
                       "name", "Japan Society", "kind", "other", "country", "US",
                       "city", "New York", NULL);
  person = save (b, &liaison_person_type,
                 "family_name", "森", "given_name", "恵", "organization",
                 liaison_record_get_uuid (organization), NULL);
  g_clear_object (&person);
  person = save (b, &liaison_person_type, "family_name", "Smith", "given_name", "Jane", NULL);

  import (b, early);

  /* An edit of A's seminar that A's later edit of another field meets */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (early, NULL),
                                             g_bytes_get_size (early), &error));
  g_assert_no_error (error);
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "records");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_str_equal (json_object_get_string_member (record, "type"), "seminar"))
        seminar = liaison_database_get (b, &liaison_seminar_type,
                                        json_object_get_string_member (record, "uuid"), &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (seminar);
  edit (b, seminar, "platform", "Zoom");

  return b;
}

/* Every table, every row: what "unchanged" means here */
static char *
dump (LiaisonDatabase *database)
{
  sqlite3 *db = liaison_database_get_handle (database);
  g_autoptr(GString) out = g_string_new (liaison_sync_get_site (database));
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 10);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);
      int status;

      g_string_append_printf (out, "\n== %s", (char *) tables->pdata[t]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_string_append_c (out, '\n');
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              g_string_append_c (out, '|');
              switch (sqlite3_column_type (stmt, i))
                {
                case SQLITE_NULL:
                  g_string_append (out, "NULL");
                  break;
                case SQLITE_INTEGER:
                  g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
                  break;
                case SQLITE_FLOAT:
                  g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, i));
                  break;
                case SQLITE_BLOB:
                  {
                    const guchar *blob = sqlite3_column_blob (stmt, i);
                    int length = sqlite3_column_bytes (stmt, i);

                    g_string_append_c (out, 'x');
                    for (int j = 0; j < length; j++)
                      g_string_append_printf (out, "%02x", blob[j]);
                  }
                  break;
                default:
                  g_string_append_len (out, (const char *) sqlite3_column_text (stmt, i),
                                       sqlite3_column_bytes (stmt, i));
                }
            }
        }
      g_assert_cmpint (status, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The database file's every byte: when they are the same, so is the dump,
 * and comparing them is quicker. */
static GBytes *
image (LiaisonDatabase *database)
{
  sqlite3_int64 size = 0;
  unsigned char *data = sqlite3_serialize (liaison_database_get_handle (database), "main", &size, 0);

  g_assert_nonnull (data);
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}

/* What the test is doing, for the message of a failure */
static char *context;

static void
assert_same_dump (const char *expected,
                  const char *actual)
{
  gsize at = 0;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  if (strcmp (expected, actual) == 0)
    return;

  while (expected[at] != '\0' && expected[at] == actual[at])
    at++;
  while (at > 0 && expected[at - 1] != '\n')
    at--;
  want = g_strndup (expected + at, 300);
  got = g_strndup (actual + at, 300);
  g_test_message ("%s: the database differs from what it should be", context);
  g_assert_cmpstr (got, ==, want);
}

/* Makes @target's every table a copy of @source's. */
static void
restore (LiaisonDatabase *target,
         LiaisonDatabase *source)
{
  sqlite3_backup *backup = sqlite3_backup_init (liaison_database_get_handle (target), "main",
                                                liaison_database_get_handle (source), "main");

  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);

  /* A transaction that does not happen makes the sync read its state
   * from the tables again. */
  g_assert_true (liaison_database_transaction_begin (target, NULL));
  liaison_database_transaction_rollback (target);
}

static void
assert_consistent (LiaisonDatabase *database)
{
  sqlite3 *db = liaison_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *before = dump (database);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) own = export (database);
  g_autoptr(GError) error = NULL;
  LiaisonSyncSummary summary = { 0 };

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_test_message ("%s: a row of %s refers to nothing in %s", context,
                      sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
      g_test_fail ();
    }
  sqlite3_finalize (stmt);

  /* Its own export brings it nothing new. */
  if (!liaison_sync_import_bytes (database, own, "own.json", &summary, &error))
    g_test_message ("%s: the database refuses its own export", context);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added + summary.changed + summary.deleted + summary.conflicts, ==, 0);
  after = dump (database);
  assert_same_dump (before, after);
}

/* Whether one of the stored versions of a field covers (site, seq) */
static gboolean
covered (LiaisonDatabase *database,
         const char      *type,
         const char      *uuid,
         const char      *field,
         const char      *site,
         gint64           seq)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (liaison_database_get_handle (database),
                                       "SELECT vv FROM sync_version WHERE record_type = ?1 AND uuid = ?2 AND field = ?3",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  while (!found && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) vv = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);

      g_assert_nonnull (vv);
      found = json_object_has_member (json_node_get_object (vv), site) &&
              json_object_get_int_member (json_node_get_object (vv), site) >= seq;
    }
  sqlite3_finalize (stmt);

  return found;
}

/* Every version the file holds is here, or one that had seen it. */
static void
assert_whole (LiaisonDatabase *database,
              GBytes          *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *records;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  records = json_object_get_array_member (root, "records");

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      const char *type = json_object_get_string_member (record, "type");
      const char *uuid = json_object_get_string_member (record, "uuid");
      JsonObject *fields = json_object_get_object_member (record, "fields");
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonArray *versions = json_object_get_array_member (fields, l->data);

          for (guint j = 0; j < json_array_get_length (versions); j++)
            {
              JsonObject *version = json_array_get_object_element (versions, j);
              const char *site = json_object_get_string_member (version, "site");
              gint64 seq = json_object_get_int_member (version, "seq");

              if (!covered (database, type, uuid, l->data, site, seq))
                {
                  g_test_message ("%s: the version %s:%" G_GINT64_FORMAT " of %s %s %s was not imported",
                                  context, site, seq, type, uuid, (char *) l->data);
                  g_test_fail ();
                  return;
                }
            }
        }
    }
}

/* Imports @bytes into @database, a copy of the pristine database: TRUE
 * if they were imported; FALSE if they were refused, with a message that
 * names the file and a reason (of @code, unless it is -1), and nothing
 * changed. */
static gboolean
try_import (LiaisonDatabase *database,
            GBytes          *bytes,
            int              code,
            GBytes          *before_image,
            const char      *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after_image = NULL;
  LiaisonSyncSummary summary = { 0 };
  g_autofree char *after = NULL;

  if (liaison_sync_import_bytes (database, bytes, "desk-a.json", &summary, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (summary.files, ==, 1);
      return TRUE;
    }

  /* The file's name, then a reason */
  if (error == NULL || error->domain != LIAISON_SYNC_ERROR ||
      (code != -1 && error->code != code) ||
      strstr (error->message, "desk-a.json") == NULL ||
      strlen (error->message) < strlen ("“desk-a.json” is not") + 8)
    {
      g_test_message ("%s: refused, but without the file's name, a reason or the right code: %s", context,
                      error != NULL ? error->message : "(no error)");
      g_test_fail ();
      return FALSE;
    }
  g_assert_cmpuint (summary.files + summary.added + summary.changed + summary.deleted + summary.conflicts, ==, 0);

  after_image = image (database);
  if (g_bytes_equal (before_image, after_image))
    return FALSE;

  after = dump (database);
  assert_same_dump (before, after);
  return FALSE;
}

static guint
number_from_environment (const char *name,
                         guint       fallback,
                         guint       minimum)
{
  const char *text = g_getenv (name);
  guint64 number = fallback;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, minimum, G_MAXUINT, &number, NULL))
    g_error ("%s must be a number of at least %u: %s", name, minimum, text);

  return number;
}

static void
test_truncated (void)
{
  Clock clock_b = { START_MS + 100000, FALSE };
  Clock clock_w = clock_b;
  g_autoptr(GBytes) early = NULL;
  g_autoptr(GBytes) file = make_file (&early);
  g_autoptr(LiaisonDatabase) pristine = make_pristine (early, &clock_b);
  g_autoptr(LiaisonDatabase) work = open_site (SITE_B, &clock_w);
  g_autofree char *before = dump (pristine);
  g_autofree char *whole = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GBytes) before_image = NULL;
  const char *data = g_bytes_get_data (file, NULL);
  gsize size = g_bytes_get_size (file);
  guint step = number_from_environment ("LIAISON_SYNC_CUT_STEP", 1, 1);
  guint imported = 0;
  guint tried = 0;

  /* What the whole file makes of it */
  restore (work, pristine);
  import (work, file);
  assert_consistent (work);
  assert_whole (work, file);
  whole = dump (work);
  g_assert_cmpstr (whole, !=, before);
  restore (work, pristine);
  restored = dump (work);
  assert_same_dump (before, restored);
  before_image = image (work);

  for (gsize length = 0; length < size; length++)
    {
      g_autoptr(GBytes) part = NULL;

      if (length % step != 0 && length != size - 1)
        continue;

      part = g_bytes_new_static (data, length);
      tried++;
      g_free (context);
      context = g_strdup_printf ("the file cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", length, size);

      if (try_import (work, part, LIAISON_SYNC_ERROR_NOT_JSON, before_image, before))
        {
          /* Only the last newline may go. */
          g_autofree char *after = dump (work);

          assert_same_dump (whole, after);
          g_assert_cmpuint (length, ==, size - 1);
          imported++;
          restore (work, pristine);
          g_bytes_unref (before_image);
          before_image = image (work);
        }
    }

  {
    g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file);

    g_test_message ("The file of %" G_GSIZE_FORMAT " bytes (SHA-256 %.16s...) was cut at %u lengths.",
                    size, digest, tried);
  }
  g_assert_cmpuint (imported, ==, 1);
  g_clear_pointer (&context, g_free);
}

static void
test_flipped (void)
{
  Clock clock_b = { START_MS + 100000, FALSE };
  Clock clock_w = clock_b, clock_f = clock_b;
  g_autoptr(GBytes) early = NULL;
  g_autoptr(GBytes) file = make_file (&early);
  g_autoptr(LiaisonDatabase) pristine = make_pristine (early, &clock_b);
  g_autoptr(LiaisonDatabase) work = open_site (SITE_B, &clock_w);
  g_autoptr(LiaisonDatabase) fresh = open_site (SITE_B, &clock_f);
  g_autofree char *before = dump (pristine);
  gsize size = g_bytes_get_size (file);
  guchar *copy = g_memdup2 (g_bytes_get_data (file, NULL), size);
  guint flips = number_from_environment ("LIAISON_SYNC_FLIPS", DEFAULT_FLIPS, 0);
  guint imported = 0;

  g_autoptr(GBytes) before_image = NULL;

  restore (work, pristine);
  restore (fresh, pristine);
  before_image = image (work);

  for (guint i = 0; i < flips; i++)
    {
      gsize at = g_test_rand_int_range (0, size);
      guchar old = copy[at];
      guchar new;
      g_autoptr(GBytes) flipped = NULL;

      /* Half one bit, half any other byte */
      if (g_test_rand_bit ())
        new = old ^ (1 << g_test_rand_int_range (0, 8));
      else
        new = (old + g_test_rand_int_range (1, 256)) & 0xff;

      copy[at] = new;
      flipped = g_bytes_new (copy, size);
      copy[at] = old;

      g_free (context);
      context = g_strdup_printf ("flip %u of %u (LIAISON_SYNC_FLIPS=%u with this test's --seed): "
                                 "byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " from 0x%02x to 0x%02x",
                                 i + 1, flips, flips, at, size, old, new);

      if (try_import (work, flipped, -1, before_image, before))
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *merged = dump (work);
          g_autofree char *again = NULL;
          g_autofree char *elsewhere = NULL;

          imported++;
          assert_whole (work, flipped);
          assert_consistent (work);

          /* The same bytes a second time: nothing was left out the first. */
          g_assert_true (liaison_sync_import_bytes (work, flipped, "desk-a.json", NULL, &error));
          g_assert_no_error (error);
          again = dump (work);
          assert_same_dump (merged, again);

          /* The same bytes in a fresh copy: the same database */
          import (fresh, flipped);
          elsewhere = dump (fresh);
          assert_same_dump (merged, elsewhere);

          restore (work, pristine);
          restore (fresh, pristine);
          g_bytes_unref (before_image);
          before_image = image (work);
        }
    }

  g_test_message ("%u of %u changed files were imported whole; the others were refused.", imported, flips);
  g_free (copy);
  g_clear_pointer (&context, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-corruption/truncated", test_truncated);
  g_test_add_func ("/sync-corruption/flipped", test_flipped);

  return g_test_run ();
}
