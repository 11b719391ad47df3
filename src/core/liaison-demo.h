/* liaison-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-database.h"

G_BEGIN_DECLS

gboolean liaison_demo_fill (LiaisonDatabase  *database,
                            GError          **error);

G_END_DECLS
