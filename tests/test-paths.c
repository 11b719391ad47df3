/* test-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-paths.h"

static void
test_default_database (void)
{
  g_autofree char *path = liaison_paths_dup_default_database ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "liaison", "liaison.db", NULL);

  g_assert_true (g_path_is_absolute (path));
  g_assert_cmpstr (path, ==, expected);
}

static void
test_resolve (void)
{
  struct {
    const char *argument;
    const char *cwd;
    const char *expected;
  } cases[] = {
    { "office.db", "/srv/liaison", "/srv/liaison/office.db" },
    { "../shared/./office.db", "/srv/liaison", "/srv/shared/office.db" },
    { "/var/lib/liaison/office.db", "/srv", "/var/lib/liaison/office.db" },
    { "事務所.db", "/srv", "/srv/事務所.db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = liaison_paths_resolve_database (cases[i].argument, cases[i].cwd, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (path, ==, cases[i].expected);
    }
}

static void
test_resolve_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-paths-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);

  path = liaison_paths_resolve_database ("", "/srv", &error);
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);

  path = liaison_paths_resolve_database (dir, NULL, &error);
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  /* The message names the folder, so that the user sees what was wrong. */
  g_assert_nonnull (strstr (error->message, dir));

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paths/default-database", test_default_database);
  g_test_add_func ("/paths/resolve", test_resolve);
  g_test_add_func ("/paths/resolve-refuses", test_resolve_refuses);

  return g_test_run ();
}
