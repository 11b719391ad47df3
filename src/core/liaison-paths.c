/* liaison-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-paths"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "liaison-paths.h"

/**
 * liaison_paths_dup_default_database:
 *
 * The database used when none is given on the command line:
 * `$XDG_DATA_HOME/liaison/liaison.db`. Inside the Flatpak sandbox
 * `$XDG_DATA_HOME` is the application's own data folder.
 *
 * Returns: (transfer full): an absolute path
 */
char *
liaison_paths_dup_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison", "liaison.db", NULL);
}

/**
 * liaison_paths_resolve_database:
 * @argument: the value of `--database`, as typed
 * @cwd: (nullable): the folder relative paths are taken from, or %NULL for
 *   the current one
 * @error: return location for a #GError
 *
 * Turns the argument of `--database` into an absolute, canonical path. An
 * empty argument and a path that names a folder are refused.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL with @error set
 */
char *
liaison_paths_resolve_database (const char  *argument,
                                const char  *cwd,
                                GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (argument != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (argument[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The database path is empty."));
      return NULL;
    }

  path = g_canonicalize_filename (argument, cwd);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: %s is a path given with --database */
                   _("“%s” is a folder, not a database file."),
                   path);
      return NULL;
    }

  return g_steal_pointer (&path);
}
