/* liaison-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "liaison-record.h"

G_BEGIN_DECLS

#define LIAISON_DATABASE_ERROR (liaison_database_error_quark ())

typedef enum
{
  LIAISON_DATABASE_ERROR_OPEN,
  LIAISON_DATABASE_ERROR_NOT_A_DATABASE,
  LIAISON_DATABASE_ERROR_CORRUPT,
  LIAISON_DATABASE_ERROR_NEWER_VERSION,
  LIAISON_DATABASE_ERROR_MIGRATION,
  LIAISON_DATABASE_ERROR_NOT_FOUND,
  LIAISON_DATABASE_ERROR_INVALID,
  LIAISON_DATABASE_ERROR_NOT_EMPTY,
  LIAISON_DATABASE_ERROR_FAILED,
} LiaisonDatabaseError;

typedef enum
{
  LIAISON_CHANGE_INSERT,
  LIAISON_CHANGE_UPDATE,
  LIAISON_CHANGE_DELETE,
  LIAISON_CHANGE_UNDELETE,
} LiaisonChangeAction;

typedef struct
{
  gint64               id;
  gint64               at;
  const char          *record_type;
  char                *record_uuid;
  LiaisonChangeAction  action;
  char                *fields;
} LiaisonChange;

typedef enum
{
  LIAISON_DATABASE_OPEN_DEFAULT = 0,
  LIAISON_DATABASE_OPEN_DEFER_CHECK = 1 << 0,
} LiaisonDatabaseOpenFlags;

/* The schema this version of Liaison writes. */
#define LIAISON_DATABASE_SCHEMA_VERSION 7

/* More changes of one type than this, committed together, are announced
 * as one (see LiaisonDatabase::record-changed). */
#define LIAISON_DATABASE_MANY_CHANGES 200

/* A change to one record, to be announced */
typedef struct
{
  const char *record_type;   /* a record type's static name */
  char       *uuid;
  int         action;        /* a LiaisonChangeAction */
} LiaisonRecordChange;

#define LIAISON_TYPE_DATABASE (liaison_database_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonDatabase, liaison_database, LIAISON, DATABASE, GObject)

GQuark           liaison_database_error_quark      (void);

LiaisonDatabase *liaison_database_open             (const char               *path,
                                                    GError                  **error);
LiaisonDatabase *liaison_database_open_full        (const char               *path,
                                                    LiaisonDatabaseOpenFlags  flags,
                                                    GError                  **error);
void             liaison_database_check_async      (LiaisonDatabase          *self,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
gboolean         liaison_database_check_finish     (LiaisonDatabase          *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error);
void             liaison_database_notify_changes   (LiaisonDatabase          *self,
                                                    const LiaisonRecordChange *changes,
                                                    guint                     n_changes);
gboolean         liaison_database_is_checked       (LiaisonDatabase          *self);
gboolean         liaison_database_is_damaged       (LiaisonDatabase          *self);
const char      *liaison_database_get_path         (LiaisonDatabase          *self);
gboolean         liaison_database_has_full_text    (LiaisonDatabase          *self);

LiaisonRecord   *liaison_database_get              (LiaisonDatabase          *self,
                                                    const LiaisonRecordType  *type,
                                                    const char               *uuid,
                                                    GError                  **error);
gboolean         liaison_database_save             (LiaisonDatabase          *self,
                                                    LiaisonRecord            *record,
                                                    GError                  **error);
gboolean         liaison_database_save_all         (LiaisonDatabase          *self,
                                                    GPtrArray                *records,
                                                    GError                  **error);
void             liaison_database_save_all_async   (LiaisonDatabase          *self,
                                                    GPtrArray                *records,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
gboolean         liaison_database_save_all_finish  (LiaisonDatabase          *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error);

/**
 * LiaisonEditFunc:
 * @record: a record read from the database, to change
 * @user_data: the data given with the function
 *
 * Changes @record, in a worker thread: it may touch nothing else.
 */
typedef void (*LiaisonEditFunc) (LiaisonRecord *record,
                                 gpointer       user_data);

void             liaison_database_edit_all_async   (LiaisonDatabase          *self,
                                                    const LiaisonRecordType  *type,
                                                    GArray                   *ids,
                                                    LiaisonEditFunc           edit,
                                                    gpointer                  edit_data,
                                                    GDestroyNotify            edit_data_free,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void             liaison_database_set_deleted_async (LiaisonDatabase         *self,
                                                    const LiaisonRecordType  *type,
                                                    GArray                   *ids,
                                                    gboolean                  deleted,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
GStrv            liaison_database_dup_uuids        (LiaisonDatabase          *self,
                                                    const LiaisonRecordType  *type,
                                                    GArray                   *ids,
                                                    GError                  **error);
gboolean         liaison_database_delete           (LiaisonDatabase          *self,
                                                    LiaisonRecord            *record,
                                                    GError                  **error);
gboolean         liaison_database_undelete         (LiaisonDatabase          *self,
                                                    LiaisonRecord            *record,
                                                    GError                  **error);
gboolean         liaison_database_delete_all       (LiaisonDatabase          *self,
                                                    GPtrArray                *records,
                                                    GError                  **error);
gboolean         liaison_database_undelete_all     (LiaisonDatabase          *self,
                                                    GPtrArray                *records,
                                                    GError                  **error);
gboolean         liaison_database_purge_sensitive  (LiaisonDatabase          *self,
                                                    LiaisonRecord            *record,
                                                    GError                  **error);
GStrv            liaison_database_dup_tags         (LiaisonDatabase          *self,
                                                    const LiaisonRecordType  *type);
void             liaison_database_dup_tags_async   (LiaisonDatabase          *self,
                                                    const LiaisonRecordType  *type,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
GStrv            liaison_database_dup_tags_finish  (LiaisonDatabase          *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error);
guint            liaison_database_count            (LiaisonDatabase          *self,
                                                    const LiaisonRecordType  *type);
gboolean         liaison_database_is_empty         (LiaisonDatabase          *self);
GListModel      *liaison_database_search           (LiaisonDatabase          *self,
                                                    const char               *query,
                                                    guint                     limit,
                                                    GError                  **error);
GPtrArray       *liaison_database_list_changes     (LiaisonDatabase          *self,
                                                    gint64                    after_id);
void             liaison_database_notify_changed   (LiaisonDatabase          *self,
                                                    const char               *record_type,
                                                    const char               *uuid,
                                                    LiaisonChangeAction       action);
void             liaison_change_free               (LiaisonChange            *change);

char            *liaison_database_find_backup      (const char               *path);
gboolean         liaison_database_restore_backup   (const char               *path,
                                                    const char               *backup,
                                                    GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonChange, liaison_change_free)

G_END_DECLS
