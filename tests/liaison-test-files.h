/* liaison-test-files.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  liaison_test_remove_tree (const char *path);
char *liaison_test_digest      (const char *path);

G_END_DECLS
