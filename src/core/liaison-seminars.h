/* liaison-seminars.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-database.h"

G_BEGIN_DECLS

typedef struct
{
  guint registered;   /* every registrant not cancelled */
  guint attended;
  guint no_show;
  guint cancelled;
} LiaisonRegistrantCounts;

void liaison_seminar_count_registrants (LiaisonDatabase          *database,
                                        const char               *seminar_uuid,
                                        LiaisonRegistrantCounts  *counts);

G_END_DECLS
