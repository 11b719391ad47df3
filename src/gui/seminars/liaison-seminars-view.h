/* liaison-seminars-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SEMINARS_VIEW (liaison_seminars_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSeminarsView, liaison_seminars_view, LIAISON, SEMINARS_VIEW, AdwBin)

LiaisonDatabase *liaison_seminars_view_get_database (LiaisonSeminarsView *self);
void             liaison_seminars_view_set_database (LiaisonSeminarsView *self,
                                                     LiaisonDatabase     *database);
GListModel      *liaison_seminars_view_get_model    (LiaisonSeminarsView *self);
AdwDialog       *liaison_seminars_view_open         (LiaisonSeminarsView *self,
                                                     LiaisonRecord       *seminar);

G_END_DECLS
