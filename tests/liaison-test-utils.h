/* liaison-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-app.h"
#include "liaison-window.h"

G_BEGIN_DECLS

typedef gboolean (*LiaisonTestCondition) (gpointer data);

LiaisonApp *liaison_test_application_new  (void);
void                liaison_test_wait_until       (LiaisonTestCondition  condition,
                                                   gpointer              data);
void                liaison_test_settle           (void);
LiaisonWindow      *liaison_test_window_new       (LiaisonApp   *app,
                                                   int                   width,
                                                   int                   height);
void                liaison_test_window_destroy   (LiaisonWindow        *window);
GtkWidget          *liaison_test_find             (GtkWidget            *root,
                                                   GType                 type,
                                                   const char           *title);
gboolean            liaison_test_has_shortcut     (GtkWidget            *widget,
                                                   const char           *trigger,
                                                   const char           *action_name);
guint               liaison_test_count            (GtkWidget            *root,
                                                   GType                 type);
void                liaison_test_assert_icons     (GtkWidget            *root);
gboolean            liaison_test_save_png         (GtkWidget            *widget,
                                                   const char           *path,
                                                   GError              **error);
gboolean            liaison_test_save_png_with_popover (GtkWidget       *widget,
                                                        GtkPopover      *popover,
                                                        const char      *path,
                                                        GError         **error);

G_END_DECLS
