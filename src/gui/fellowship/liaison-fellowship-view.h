/* liaison-fellowship-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_FELLOWSHIP_VIEW (liaison_fellowship_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonFellowshipView, liaison_fellowship_view, LIAISON, FELLOWSHIP_VIEW, AdwBreakpointBin)

LiaisonDatabase *liaison_fellowship_view_get_database    (LiaisonFellowshipView *self);
void             liaison_fellowship_view_set_database    (LiaisonFellowshipView *self,
                                                          LiaisonDatabase       *database);
GListModel      *liaison_fellowship_view_get_model       (LiaisonFellowshipView *self);
gboolean         liaison_fellowship_view_is_loading      (LiaisonFellowshipView *self);
void             liaison_fellowship_view_set_cohort_year (LiaisonFellowshipView *self,
                                                          int                    year);
void             liaison_fellowship_view_set_search      (LiaisonFellowshipView *self,
                                                          const char            *text);
void             liaison_fellowship_view_open            (LiaisonFellowshipView *self,
                                                          LiaisonRecord         *application);
GtkWidget       *liaison_fellowship_view_get_editor      (LiaisonFellowshipView *self);

G_END_DECLS
