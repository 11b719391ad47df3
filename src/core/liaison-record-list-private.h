/* liaison-record-list-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-record-list.h"

G_BEGIN_DECLS

void liaison_record_list_set_large (LiaisonRecordList *self,
                                    guint              n_items);
gboolean liaison_record_list_is_reading (LiaisonRecordList *self);
LiaisonRecordList *liaison_record_list_new_like (LiaisonDatabase   *database,
                                                 LiaisonRecordList *other);
void liaison_record_list_keep_ids (LiaisonRecordList *self,
                                   GArray            *ids);

G_END_DECLS
