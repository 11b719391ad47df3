/* liaison-sync.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_SYNC_ERROR (liaison_sync_error_quark ())

typedef enum
{
  LIAISON_SYNC_ERROR_READ,
  LIAISON_SYNC_ERROR_NOT_JSON,
  LIAISON_SYNC_ERROR_NOT_SYNC_FILE,
  LIAISON_SYNC_ERROR_NEWER_VERSION,
  LIAISON_SYNC_ERROR_INVALID,
  LIAISON_SYNC_ERROR_WRITE,
  LIAISON_SYNC_ERROR_FAILED,
} LiaisonSyncError;

/* The version of the file format this Liaison writes and reads. */
#define LIAISON_SYNC_FORMAT_VERSION 1

/* The pseudo-field that says whether a record is deleted. */
#define LIAISON_SYNC_DELETED "_deleted"

typedef struct
{
  guint added;      /* records new to this desktop */
  guint changed;    /* records that were here and changed */
  guint deleted;    /* records that another desktop's delete hid here */
  guint conflicts;  /* fields newly in conflict */
  guint files;      /* files read from a sync folder */
} LiaisonSyncSummary;

typedef struct
{
  char     *value;      /* the value as JSON: "text", 12, true, null */
  char     *site;
  char     *site_name;  /* the desktop's name, or "" if not known */
  gint64    at;         /* when, in milliseconds since 1970 */
  gboolean  here;       /* made on this desktop */
} LiaisonConflictVersion;

typedef struct
{
  const LiaisonRecordType *type;
  char                    *uuid;
  char                    *field;     /* a field's name, or LIAISON_SYNC_DELETED */
  GPtrArray               *versions;  /* of LiaisonConflictVersion */
} LiaisonConflict;

typedef struct
{
  char     *site;
  char     *name;
  gint64    exported_at;  /* its newest file that was read here, or 0 */
  gint64    imported_at;  /* when that file was read, or 0 */
  gboolean  here;
} LiaisonSyncSite;

GQuark      liaison_sync_error_quark       (void);

const char *liaison_sync_get_site          (LiaisonDatabase     *database);
char       *liaison_sync_dup_name          (LiaisonDatabase     *database);
gboolean    liaison_sync_set_name          (LiaisonDatabase     *database,
                                            const char          *name,
                                            GError             **error);
char       *liaison_sync_dup_file_name     (LiaisonDatabase     *database);

GBytes     *liaison_sync_export            (LiaisonDatabase     *database,
                                            GError             **error);
gboolean    liaison_sync_export_file       (LiaisonDatabase     *database,
                                            const char          *path,
                                            GError             **error);
gboolean    liaison_sync_import_bytes      (LiaisonDatabase     *database,
                                            GBytes              *bytes,
                                            const char          *name,
                                            LiaisonSyncSummary  *summary,
                                            GError             **error);
gboolean    liaison_sync_import_file       (LiaisonDatabase     *database,
                                            const char          *path,
                                            LiaisonSyncSummary  *summary,
                                            GError             **error);
gboolean    liaison_sync_with_folder       (LiaisonDatabase     *database,
                                            const char          *folder,
                                            LiaisonSyncSummary  *summary,
                                            GError             **error);

GPtrArray  *liaison_sync_list_conflicts    (LiaisonDatabase     *database);
guint       liaison_sync_count_conflicts   (LiaisonDatabase     *database);
gboolean    liaison_sync_has_conflict      (LiaisonDatabase     *database,
                                            const char          *uuid);
gboolean    liaison_sync_resolve           (LiaisonDatabase     *database,
                                            LiaisonConflict     *conflict,
                                            const char          *value,
                                            GError             **error);
gboolean    liaison_sync_resolve_text      (LiaisonDatabase     *database,
                                            LiaisonConflict     *conflict,
                                            const char          *text,
                                            GError             **error);
char       *liaison_sync_value_to_display  (const LiaisonConflict *conflict,
                                            const char          *value);
void        liaison_conflict_free          (LiaisonConflict     *conflict);

GPtrArray  *liaison_sync_list_sites        (LiaisonDatabase     *database);
void        liaison_sync_site_free         (LiaisonSyncSite     *site);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonConflict, liaison_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonSyncSite, liaison_sync_site_free)

G_END_DECLS
