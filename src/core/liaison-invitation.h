/* liaison-invitation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "liaison-database.h"

G_BEGIN_DECLS

char  *liaison_format_instant          (gint64           utc_ms,
                                        const char      *zone,
                                        const char      *language);
GStrv  liaison_seminar_dup_speakers    (LiaisonDatabase *database,
                                        LiaisonRecord   *seminar,
                                        const char      *language);
char  *liaison_seminar_dup_title       (LiaisonRecord   *seminar,
                                        const char      *language);
char  *liaison_invitation_text         (LiaisonDatabase *database,
                                        LiaisonRecord   *seminar,
                                        const char      *language,
                                        const char      *planning_zone,
                                        const char      *audience_zone);

G_END_DECLS
