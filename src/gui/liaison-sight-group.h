/* liaison-sight-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_SIGHT_GROUP (liaison_sight_group_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSightGroup, liaison_sight_group, LIAISON, SIGHT_GROUP, AdwPreferencesGroup)

GtkWidget *liaison_sight_group_new            (void);
gboolean   liaison_sight_group_get_folded     (LiaisonSightGroup *self);
void       liaison_sight_group_unfold         (LiaisonSightGroup *self);
void       liaison_sight_group_unfold_around  (GtkWidget         *widget);

G_END_DECLS
