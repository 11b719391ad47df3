/* liaison-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-database.h"

G_BEGIN_DECLS

/* The day the sample data is placed around: what is past and what is to
 * come, which deadlines are near and which have passed */
#define LIAISON_DEMO_TODAY "2026-11-27"

gboolean liaison_demo_fill (LiaisonDatabase  *database,
                            GError          **error);

G_END_DECLS
