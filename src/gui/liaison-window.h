/* liaison-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_WINDOW (liaison_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonWindow, liaison_window, LIAISON, WINDOW, AdwApplicationWindow)

const char *liaison_window_get_page            (LiaisonWindow *self);
void        liaison_window_set_page            (LiaisonWindow *self,
                                                const char    *page);
void        liaison_window_show_database_error (LiaisonWindow *self,
                                                const char    *message,
                                                const char    *backup);

G_END_DECLS
