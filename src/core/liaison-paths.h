/* liaison-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *liaison_paths_dup_default_database (void);
char *liaison_paths_resolve_database     (const char  *argument,
                                          const char  *cwd,
                                          GError     **error);

G_END_DECLS
