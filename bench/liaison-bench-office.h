/* liaison-bench-office.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  liaison_bench_build_applicants (const char *path,
                                      guint       n_applicants);
char *liaison_bench_office_path      (const char *dir,
                                      const char *name,
                                      guint       n_applicants);
GtkWidget *liaison_bench_find_widget     (GtkWidget      *root,
                                          GType           type);
GtkWidget *liaison_bench_bare_window_new (GtkApplication *application);

G_END_DECLS
