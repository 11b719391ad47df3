/* test-crash.c
 *
 * Crash safety: a child process writes in a loop and is killed with
 * SIGKILL at random moments. After each kill the database must pass
 * SQLite's integrity check and hold no half-saved record: a person and the
 * application saved with it are both there or both missing, and every
 * record has its entry in the change log and (when not deleted) in the
 * search index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "liaison-database.h"
#include "liaison-records.h"
#include "liaison-test-files.h"

static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new ();

  if (db == NULL)
    g_error ("%s", error->message);

  for (guint batch = 0; ; batch++)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *name = g_strdup_printf ("Batch %u-%u", (guint) getpid (), batch);
      LiaisonRecord *person = liaison_record_new (&liaison_person_type);
      LiaisonRecord *application = liaison_record_new (&liaison_application_type);

      liaison_record_set_text (person, "family_name", name);
      liaison_record_set_text (person, "notes", "Saved together with an application of the same name.");
      liaison_record_set_text (application, "person", liaison_record_get_uuid (person));
      liaison_record_set_integer (application, "cohort_year", 2027);
      liaison_record_set_text (application, "government", name);
      liaison_record_set_text (application, "government_level", "city");
      liaison_record_set_text (application, "jurisdiction", "US-NY");
      liaison_record_set_text (application, "status", "inquiry");
      g_ptr_array_add (records, person);
      g_ptr_array_add (records, application);

      if (!liaison_database_save_all (db, records, &error))
        g_error ("%s", error->message);

      /* Updates and deletes too */
      liaison_record_set_text (application, "status", "nominated");
      if (!liaison_database_save (db, application, &error))
        g_error ("%s", error->message);

      if (g_rand_int_range (rand, 0, 4) == 0 && !liaison_database_delete (db, person, &error))
        g_error ("%s", error->message);
    }

  return 0;
}

static int
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static int
schema_version (const char *path)
{
  sqlite3 *db = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  version = count (db, "PRAGMA user_version");
  sqlite3_close (db);

  return version;
}

static void
assert_integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

static void
check_integrity (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  assert_integrity (db);
  sqlite3_close (db);
}

static void
check_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  assert_integrity (db);

  /* Pairs saved together are there together. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM person p WHERE NOT EXISTS "
                              "(SELECT 1 FROM application a WHERE a.person = p.uuid AND a.government = p.family_name)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM application a WHERE NOT EXISTS "
                              "(SELECT 1 FROM person p WHERE a.person = p.uuid)"), ==, 0);

  /* Every record has its change, every change its record. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM changes WHERE action = 'insert'"), ==,
                   count (db, "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM application) + (SELECT count(*) FROM status_change)"));
  g_assert_cmpint (count (db, "SELECT count(*) FROM changes WHERE action = 'delete'"), ==,
                   count (db, "SELECT count(*) FROM person WHERE deleted_at IS NOT NULL"));

  /* The search index holds exactly the records that are not deleted. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM search"), ==,
                   count (db, "SELECT (SELECT count(*) FROM person WHERE deleted_at IS NULL) + "
                              "(SELECT count(*) FROM application WHERE deleted_at IS NULL)"));

  /* The kept counts are the real ones. */
  g_assert_cmpint (count (db, "SELECT ifnull ((SELECT live FROM record_counts WHERE record_type = 'person'), 0)"), ==,
                   count (db, "SELECT count(*) FROM person WHERE deleted_at IS NULL"));
  g_assert_cmpint (count (db, "SELECT ifnull ((SELECT live FROM record_counts WHERE record_type = 'application'), 0)"), ==,
                   count (db, "SELECT count(*) FROM application WHERE deleted_at IS NULL"));

  /* Each application has both of its status changes, or is not there. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM application a WHERE a.status = 'nominated' AND "
                              "(SELECT count(*) FROM status_change s WHERE s.application = a.uuid) != 2"), ==, 0);

  sqlite3_close (db);
}

static void
test_killed_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", &error);
  guint rounds = g_test_slow () ? 40 : 12;
  int records_before = 0;

  g_assert_no_error (error);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocess) writer = NULL;
      guint wait_ms = g_test_rand_int_range (20, 400);
      sqlite3 *db = NULL;
      int records;

      writer = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--writer", path, NULL);
      g_assert_no_error (error);

      g_usleep (wait_ms * 1000);
      g_subprocess_force_exit (writer);
      g_subprocess_wait (writer, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (writer));

      g_test_message ("round %u: killed after %u ms", round, wait_ms);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Killed while making the tables, a step at a time: a file
           * whole as far as it got, which the next writer goes on with.
           * A slow machine may take the whole wait for that. */
          if (schema_version (path) < LIAISON_DATABASE_SCHEMA_VERSION)
            {
              g_test_message ("round %u: killed while making the tables", round);
              check_integrity (path);
              continue;
            }

          check_database (path);

          g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
          records = count (db, "SELECT count(*) FROM person");
          sqlite3_close (db);

          /* Committed work is never lost. */
          g_assert_cmpint (records, >=, records_before);
          records_before = records;
        }
    }

  /* Liaison opens what is left as it would after a crash. */
  {
    g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (liaison_database_count (db, &liaison_person_type) +
                      liaison_database_count (db, &liaison_application_type), >, 0);
  }

  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/killed-writer", test_killed_writer);

  return g_test_run ();
}
