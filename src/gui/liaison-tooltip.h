/* liaison-tooltip.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void liaison_widget_update_tooltip (GtkWidget  *widget,
                                    const char *text);

G_END_DECLS
