/* liaison-test-files.c
 *
 * Files in tests: temporary folders removed afterwards, and a digest to
 * show that a file was not changed by a byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "liaison-test-files.h"

/**
 * liaison_test_remove_tree:
 * @path: a folder a test made
 *
 * Removes @path and everything in it.
 */
void
liaison_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        liaison_test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/**
 * liaison_test_digest:
 * @path: a file
 *
 * Returns: (transfer full): the SHA-256 of the file's bytes
 */
char *
liaison_test_digest (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}
