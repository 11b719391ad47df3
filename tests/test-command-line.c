/* test-command-line.c
 *
 * The binary as scripts use it: headless, no display, one line on stderr
 * and exit status 1 on failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-test-files.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run_liaison (Result     *result,
             const char *first_argument,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("LIAISON_BINARY");
  va_list args;

  g_assert_nonnull (binary);

  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first_argument);
  for (const char *arg = first_argument; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Headless means headless: no display of any kind. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  /* Nor does it need anything installed: no settings schema, no data. */
  g_subprocess_launcher_unsetenv (launcher, "GSETTINGS_SCHEMA_DIR");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", "/nonexistent", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      lines++;

  return lines;
}

static void
test_version (void)
{
  g_auto(Result) result = { 0 };

  run_liaison (&result, "--version", NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "Liaison " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_help (void)
{
  g_auto(Result) result = { 0 };

  run_liaison (&result, "--help", NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--database=FILE"));
  g_assert_nonnull (strstr (result.out, "--version"));
}

static void
test_unknown_option (void)
{
  g_auto(Result) result = { 0 };

  run_liaison (&result, "--no-such-option", NULL);

  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, "--no-such-option"));
}

static void
test_database_is_a_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", &error);
  g_autofree char *option = NULL;
  g_auto(Result) result = { 0 };

  g_assert_no_error (error);
  option = g_strdup_printf ("--database=%s", dir);

  run_liaison (&result, option, "--version", NULL);
  /* --version answers before the database is looked at. */
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);

  run_liaison (&result, option, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, dir));

  /* Nothing was created in it. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);

    g_assert_no_error (error);
    g_assert_null (g_dir_read_name (listing));
  }

  g_rmdir (dir);
}

static void
test_database_empty (void)
{
  g_auto(Result) result = { 0 };

  run_liaison (&result, "--database=", NULL);

  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (count_lines (result.err), ==, 1);
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autofree char *option = g_strdup_printf ("--database=%s", path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) result = { 0 };
  GStatBuf st;

  g_assert_no_error (error);

  /* An empty database is filled, headless. */
  run_liaison (&result, option, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_str_has_prefix (result.out, "Added "));
  g_assert_nonnull (strstr (result.out, path));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  result_clear (&result);

  /* Lists are written headless, without the sensitive fields unless asked. */
  {
    g_autofree char *csv = g_build_filename (dir, "applicants.csv", NULL);
    g_autofree char *export = g_strdup_printf ("--export-csv=applicants:%s", csv);
    g_autofree char *text = NULL;

    run_liaison (&result, option, export, NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    g_assert_nonnull (strstr (result.out, csv));
    g_file_get_contents (csv, &text, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfIdentifier,"));
    g_assert_null (strstr (text, "Dietary requirements"));
    result_clear (&result);
    g_clear_pointer (&text, g_free);

    run_liaison (&result, option, export, "--include-sensitive", NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_file_get_contents (csv, &text, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Dietary requirements"));
    result_clear (&result);

    run_liaison (&result, option, "--export-csv=everything:x.csv", NULL);
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpuint (count_lines (result.err), ==, 1);
    g_assert_nonnull (strstr (result.err, "“everything”"));
    result_clear (&result);

    run_liaison (&result, option, "--export-csv=applicants", NULL);
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpuint (count_lines (result.err), ==, 1);
    result_clear (&result);
  }

  /* Exporting from a database that is not there creates none. */
  {
    g_autofree char *absent = g_build_filename (dir, "absent.db", NULL);
    g_autofree char *absent_option = g_strdup_printf ("--database=%s", absent);
    g_autofree char *csv = g_build_filename (dir, "people.csv", NULL);
    g_autofree char *export = g_strdup_printf ("--export-csv=people:%s", csv);

    run_liaison (&result, absent_option, export, NULL);
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpuint (count_lines (result.err), ==, 1);
    g_assert_false (g_file_test (absent, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    result_clear (&result);
  }

  /* One that has records is refused, and not changed. */
  before = liaison_test_digest (path);
  run_liaison (&result, option, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, path));
  after = liaison_test_digest (path);
  g_assert_cmpstr (before, ==, after);
  result_clear (&result);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* So is a file that is not a database. */
  g_file_set_contents (path, "family,given\nSato,Ken\n", -1, &error);
  g_assert_no_error (error);
  before = liaison_test_digest (path);
  run_liaison (&result, option, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, "is not a Liaison database"));
  after = liaison_test_digest (path);
  g_assert_cmpstr (before, ==, after);

  liaison_test_remove_tree (dir);
}

/* Two desktops through files and a folder, headless; a bad file is one
 * line on stderr, exit status 1, and no change. */
static void
test_sync (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *c = g_build_filename (dir, "c.db", NULL);
  g_autofree char *option_a = g_strdup_printf ("--database=%s", a);
  g_autofree char *option_b = g_strdup_printf ("--database=%s", b);
  g_autofree char *option_c = g_strdup_printf ("--database=%s", c);
  g_autofree char *file = g_build_filename (dir, "a.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *export = g_strdup_printf ("--export-sync=%s", file);
  g_autofree char *import = g_strdup_printf ("--import-sync=%s", file);
  g_autofree char *import_bad = g_strdup_printf ("--import-sync=%s", bad);
  g_autofree char *sync_folder = g_strdup_printf ("--sync-folder=%s", folder);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_auto(Result) result = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  run_liaison (&result, option_a, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);

  run_liaison (&result, option_a, export, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_file_get_contents (file, &text, NULL, &error));
  g_assert_true (g_str_has_prefix (text, "{\"format\":\"org.jlgc.Liaison.sync\""));
  result_clear (&result);

  run_liaison (&result, option_b, import, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, " new, 0 changed, 0 deleted, 0 conflicts."));
  g_assert_false (g_str_has_prefix (strstr (result.out, ": ") + 2, "0 new"));
  result_clear (&result);

  /* Again: nothing new */
  run_liaison (&result, option_b, import, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, ": 0 new, 0 changed, 0 deleted, 0 conflicts."));
  result_clear (&result);

  /* A truncated file changes nothing, and makes no database. */
  g_assert_true (g_file_set_contents (bad, text, strlen (text) / 2, &error));
  before = liaison_test_digest (b);
  run_liaison (&result, option_b, import_bad, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, "bad.json"));
  after = liaison_test_digest (b);
  g_assert_cmpstr (before, ==, after);
  result_clear (&result);

  run_liaison (&result, option_c, import_bad, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_false (g_file_test (c, G_FILE_TEST_EXISTS));
  result_clear (&result);

  /* A folder: A writes its file there, C (new) reads it and writes its own. */
  run_liaison (&result, option_a, sync_folder, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  result_clear (&result);
  run_liaison (&result, option_c, sync_folder, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_false (g_str_has_prefix (strstr (result.out, ": ") + 2, "0 new"));
  result_clear (&result);

  {
    g_autoptr(GDir) shared = g_dir_open (folder, 0, &error);
    guint n_files = 0;

    g_assert_no_error (error);
    while (g_dir_read_name (shared) != NULL)
      n_files++;
    g_assert_cmpuint (n_files, ==, 2);
  }

  /* Bad arguments */
  run_liaison (&result, option_a, export, import, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  result_clear (&result);
  run_liaison (&result, option_a, "--sync-folder=/nonexistent/folder", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (count_lines (result.err), ==, 1);
  result_clear (&result);

  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/version", test_version);
  g_test_add_func ("/command-line/help", test_help);
  g_test_add_func ("/command-line/unknown-option", test_unknown_option);
  g_test_add_func ("/command-line/database-is-a-folder", test_database_is_a_folder);
  g_test_add_func ("/command-line/database-empty", test_database_empty);
  g_test_add_func ("/command-line/demo", test_demo);
  g_test_add_func ("/command-line/sync", test_sync);

  return g_test_run ();
}
