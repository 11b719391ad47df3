/* liaison-record-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECORD_LIST (liaison_record_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonRecordList, liaison_record_list, LIAISON, RECORD_LIST, GObject)

LiaisonRecordList       *liaison_record_list_new            (LiaisonDatabase         *database,
                                                             const LiaisonRecordType *type);
const LiaisonRecordType *liaison_record_list_get_record_type (LiaisonRecordList      *self);
gint64                   liaison_record_list_get_id         (LiaisonRecordList       *self,
                                                             guint                    position);
gboolean                 liaison_record_list_has_id         (LiaisonRecordList       *self,
                                                             gint64                   id);
void                     liaison_record_list_add_filter     (LiaisonRecordList       *self,
                                                             const char              *field,
                                                             const char              *value);
void                     liaison_record_list_clear_filters  (LiaisonRecordList       *self);
void                     liaison_record_list_set_sort       (LiaisonRecordList       *self,
                                                             const char              *field,
                                                             gboolean                 descending);
void                     liaison_record_list_set_sort_expression (LiaisonRecordList  *self,
                                                                  const char         *expression,
                                                                  const char * const *values,
                                                                  gboolean            descending);
void                     liaison_record_list_set_search     (LiaisonRecordList       *self,
                                                             const char              *text);
void                     liaison_record_list_add_search_condition (LiaisonRecordList  *self,
                                                                   const char         *label,
                                                                   const char         *condition,
                                                                   const char * const *values);
void                     liaison_record_list_clear_search_conditions (LiaisonRecordList *self);
gboolean                 liaison_record_list_reload         (LiaisonRecordList       *self,
                                                             GError                 **error);
void                     liaison_record_list_reload_async   (LiaisonRecordList       *self,
                                                             GCancellable            *cancellable,
                                                             GAsyncReadyCallback      callback,
                                                             gpointer                 user_data);
gboolean                 liaison_record_list_reload_finish  (LiaisonRecordList       *self,
                                                             GAsyncResult            *result,
                                                             GError                 **error);

G_END_DECLS
