/* liaison-test-lists.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-record-list.h"

G_BEGIN_DECLS

guint liaison_test_count_found (LiaisonRecordList *list,
                                const char        *search);

G_END_DECLS
