/* liaison-test-lists.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-record-list.h"

G_BEGIN_DECLS

LiaisonRecord *liaison_test_application_record_new (LiaisonRecord     *person);
guint          liaison_test_count_found            (LiaisonRecordList *list,
                                                    const char        *search);

G_END_DECLS
