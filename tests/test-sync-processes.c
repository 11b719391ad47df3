/* test-sync-processes.c
 *
 * Two desktops as two real processes, each with its own database file,
 * syncing through one shared folder while both keep writing: each round
 * adds records, edits some of its own and some that came from the other,
 * then exchanges files, with small random pauses. No import may fail on
 * the way (a file is replaced whole, so a reader never meets half of
 * one), and after two more exchanges each (a third changes nothing),
 * both databases hold the same records, versions and conflicts, with
 * every record either one made.
 *
 * LIAISON_SYNC_ROUNDS sets the rounds of each process (40 by default).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "liaison-database-private.h"
#include "liaison-records.h"
#include "liaison-sync-private.h"
#include "liaison-test-files.h"

#define DEFAULT_ROUNDS 40

static const char *program;

/* The child: one desktop */

static GPtrArray *
list_uuids (LiaisonDatabase         *database,
            const LiaisonRecordType *type)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE deleted_at IS NULL ORDER BY uuid", type->name);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (liaison_database_get_handle (database), sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);

  return uuids;
}

static gboolean
child_add (LiaisonDatabase  *database,
           GRand            *rand,
           const char       *name,
           GString          *created,
           GHashTable       *own,
           GError          **error)
{
  g_autoptr(LiaisonRecord) record = NULL;

  if (g_rand_boolean (rand))
    {
      record = liaison_record_new (&liaison_organization_type);
      liaison_record_set_text (record, "name", name);
      liaison_record_set_text (record, "kind", "other");
      liaison_record_set_text (record, "country", "JP");
    }
  else
    {
      record = liaison_record_new (&liaison_person_type);
      liaison_record_set_text (record, "family_name", "山田");
      liaison_record_set_text (record, "given_name", name);
    }

  if (!liaison_database_save (database, record, error))
    return FALSE;

  g_string_append_printf (created, "%s %s\n", liaison_record_get_record_type (record)->name,
                          liaison_record_get_uuid (record));
  g_hash_table_add (own, g_strdup (liaison_record_get_uuid (record)));
  return TRUE;
}

static guint
count_sync_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "liaison-") && g_str_has_suffix (name, ".json"))
        n++;
    }

  return n;
}

/* One desktop: exit status 0, or 2 if an exchange failed, 1 for anything
 * else; the reasons on standard error. */
static int
run_child (const char *folder,
           const char *path,
           const char *label,
           guint       rounds,
           guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) database = liaison_database_open (path, &error);
  g_autoptr(GString) created = g_string_new (NULL);
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *created_path = g_strconcat (path, ".created", NULL);
  g_autofree char *first = g_strdup_printf ("%s, first", label);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint failures = 0;
  guint other_edits = 0;

  if (database == NULL ||
      !liaison_sync_set_name (database, label, &error) ||
      !child_add (database, rand, first, created, own, &error) ||
      !liaison_sync_with_folder (database, folder, NULL, &error))
    {
      g_printerr ("%s: %s\n", label, error->message);
      return 1;
    }

  /* Both are under way before either begins its rounds. */
  while (count_sync_files (folder) < 2)
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("%s: the other desktop's file never came\n", label);
          return 1;
        }
      g_usleep (5000);
    }

  for (guint round = 0; round < rounds; round++)
    {
      LiaisonSyncSummary summary = { 0 };
      guint n_new = g_rand_int_range (rand, 1, 3);

      for (guint i = 0; i < n_new; i++)
        {
          g_autofree char *name = g_strdup_printf ("%s %u.%u", label, round, i);

          if (!child_add (database, rand, name, created, own, &error))
            {
              g_printerr ("%s: %s\n", label, error->message);
              return 1;
            }
        }

      /* An edit of an organization and one of a person, either desktop's */
      for (guint i = 0; i < 2; i++)
        {
          const LiaisonRecordType *type = i == 0 ? &liaison_organization_type : &liaison_person_type;
          g_autoptr(GPtrArray) uuids = list_uuids (database, type);
          g_autoptr(LiaisonRecord) record = NULL;
          g_autofree char *value = g_strdup_printf ("%s, round %u", label, round);
          const char *uuid;

          if (uuids->len == 0)
            continue;

          uuid = uuids->pdata[g_rand_int_range (rand, 0, uuids->len)];
          record = liaison_database_get (database, type, uuid, &error);
          if (record == NULL)
            {
              g_printerr ("%s: %s\n", label, error != NULL ? error->message : "a listed record is gone");
              return 1;
            }
          liaison_record_set_text (record, i == 0 ? "city" : "title", value);
          if (g_rand_int_range (rand, 0, 3) == 0)
            liaison_record_set_text (record, "notes", value);
          if (!liaison_database_save (database, record, &error))
            {
              g_printerr ("%s: %s\n", label, error->message);
              return 1;
            }
          if (!g_hash_table_contains (own, uuid))
            other_edits++;
        }

      g_usleep (g_rand_int_range (rand, 0, 20000));

      if (!liaison_sync_with_folder (database, folder, &summary, &error))
        {
          g_printerr ("%s, round %u: %s\n", label, round, error->message);
          g_clear_error (&error);
          failures++;
        }

      g_usleep (g_rand_int_range (rand, 0, 20000));
    }

  g_string_append_printf (created, "other-edits %u\n", other_edits);
  if (!g_file_set_contents (created_path, created->str, created->len, &error))
    {
      g_printerr ("%s: %s\n", label, error->message);
      return 1;
    }

  return failures == 0 ? 0 : 2;
}

/* The parent */

static guint
count_rounds (void)
{
  const char *text = g_getenv ("LIAISON_SYNC_ROUNDS");
  guint64 rounds = DEFAULT_ROUNDS;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 100000, &rounds, NULL))
    g_error ("LIAISON_SYNC_ROUNDS must be a number: %s", text);

  return rounds;
}

static GSubprocess *
spawn_child (const char *folder,
             const char *path,
             const char *label,
             guint       rounds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rounds_text = g_strdup_printf ("%u", rounds);
  g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
  GSubprocess *process;

  /* Nothing on standard output, which is the parent's TAP stream */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              program, "--child", folder, path, label, rounds_text, seed, NULL);
  g_assert_no_error (error);
  return process;
}

static char *
records_of (LiaisonDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = liaison_sync_export (database, &error);
  const char *text;
  const char *records;

  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, NULL);
  records = g_strstr_len (text, g_bytes_get_size (bytes), "\"records\":");
  g_assert_nonnull (records);
  return g_strndup (records, text + g_bytes_get_size (bytes) - records);
}

static void
exchange (LiaisonDatabase    *database,
          const char         *folder,
          LiaisonSyncSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_sync_with_folder (database, folder, summary, &error));
  g_assert_no_error (error);
}

/* Checks that every record the desktop of @path made is in @database;
 * returns how many edits it made of the other desktop's records. */
static guint
assert_has_created (LiaisonDatabase *database,
                    const char      *path)
{
  g_autofree char *list_path = g_strconcat (path, ".created", NULL);
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint other_edits = 0;
  guint n = 0;

  g_file_get_contents (list_path, &list, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autoptr(LiaisonRecord) record = NULL;

      if (lines[i][0] == '\0')
        continue;

      parts = g_strsplit (lines[i], " ", 2);
      if (g_str_equal (parts[0], "other-edits"))
        {
          other_edits = g_ascii_strtoull (parts[1], NULL, 10);
          continue;
        }

      g_assert_nonnull (liaison_record_type_find (parts[0]));
      record = liaison_database_get (database, liaison_record_type_find (parts[0]), parts[1], &error);
      g_assert_no_error (error);
      if (record == NULL)
        g_test_message ("%s %s, made by %s, is missing", parts[0], parts[1], path);
      g_assert_nonnull (record);
      n++;
    }

  g_assert_cmpuint (n, >, 0);
  return other_edits;
}

static void
test_two_processes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("liaison-sync-processes-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (top, "shared", NULL);
  g_autofree char *path_one = g_build_filename (top, "one.db", NULL);
  g_autofree char *path_two = g_build_filename (top, "two.db", NULL);
  g_autoptr(GSubprocess) one = NULL;
  g_autoptr(GSubprocess) two = NULL;
  g_autoptr(LiaisonDatabase) a = NULL;
  g_autoptr(LiaisonDatabase) b = NULL;
  g_autofree char *records_a = NULL;
  g_autofree char *records_b = NULL;
  g_autoptr(GDir) dir = NULL;
  guint rounds = count_rounds ();
  guint other_edits_one;
  guint other_edits_two;
  guint files = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  one = spawn_child (folder, path_one, "Desktop one", rounds);
  two = spawn_child (folder, path_two, "Desktop two", rounds);

  /* A failed exchange in a child is its exit status 2; the reason is on
   * standard error, which the test's log shows. */
  g_subprocess_wait (one, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (two, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (one));
  g_assert_true (g_subprocess_get_if_exited (two));
  g_assert_cmpint (g_subprocess_get_exit_status (one), ==, 0);
  g_assert_cmpint (g_subprocess_get_exit_status (two), ==, 0);
  g_test_message ("%u rounds each took %.1f s.", rounds, (g_get_monotonic_time () - start) / 1e6);

  /* Each reads the other's last file and writes its own, three times */
  a = liaison_database_open (path_one, &error);
  g_assert_no_error (error);
  b = liaison_database_open (path_two, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_sync_get_site (a), !=, liaison_sync_get_site (b));

  for (guint pass = 0; pass < 3; pass++)
    {
      LiaisonSyncSummary summary_a = { 0 }, summary_b = { 0 };

      exchange (a, folder, &summary_a);
      exchange (b, folder, &summary_b);

      /* This process has read no file yet; later, only changed ones. */
      if (pass == 0)
        {
          g_assert_cmpuint (summary_a.files, ==, 1);
          g_assert_cmpuint (summary_b.files, ==, 1);
        }

      /* The third brings nothing: they had converged. */
      if (pass == 2)
        {
          g_assert_cmpuint (summary_a.added + summary_a.changed + summary_a.deleted + summary_a.conflicts, ==, 0);
          g_assert_cmpuint (summary_b.added + summary_b.changed + summary_b.deleted + summary_b.conflicts, ==, 0);
        }
    }

  records_a = records_of (a);
  records_b = records_of (b);
  g_assert_cmpstr (records_a, ==, records_b);
  g_assert_cmpuint (liaison_database_count (a, &liaison_organization_type), ==,
                    liaison_database_count (b, &liaison_organization_type));
  g_assert_cmpuint (liaison_database_count (a, &liaison_person_type), ==,
                    liaison_database_count (b, &liaison_person_type));
  g_assert_cmpuint (liaison_sync_count_conflicts (a), ==, liaison_sync_count_conflicts (b));

  other_edits_one = assert_has_created (a, path_one);
  other_edits_two = assert_has_created (a, path_two);
  assert_has_created (b, path_one);
  assert_has_created (b, path_two);

  /* Each edited records that came from the other while both were at work */
  g_test_message ("Desktop one edited %u of two's records, two %u of one's.", other_edits_one, other_edits_two);
  if (rounds >= 10)
    {
      g_assert_cmpuint (other_edits_one, >, 0);
      g_assert_cmpuint (other_edits_two, >, 0);
    }
  g_test_message ("%u organizations, %u people, %u conflicts on each desktop.",
                  liaison_database_count (a, &liaison_organization_type),
                  liaison_database_count (a, &liaison_person_type),
                  liaison_sync_count_conflicts (a));

  /* Two files in the folder, and no half-written one left behind */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; files++)
    g_assert_true (g_str_has_prefix (name, "liaison-") && g_str_has_suffix (name, ".json"));
  g_assert_cmpuint (files, ==, 2);

  g_clear_object (&a);
  g_clear_object (&b);
  liaison_test_remove_tree (top);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 7 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argv[4],
                      g_ascii_strtoull (argv[5], NULL, 10), g_ascii_strtoull (argv[6], NULL, 10));

  program = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-processes/two-desktops", test_two_processes);

  return g_test_run ();
}
