/* liaison-style-ahead.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void liaison_style_ahead_watch (GtkWindow *window);

G_END_DECLS
