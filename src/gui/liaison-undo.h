/* liaison-undo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     liaison_undo_offer    (GtkWidget  *widget,
                                const char *action_name,
                                AdwToast   *toast);
gboolean liaison_undo_activate (GtkWidget  *widget);

G_END_DECLS
