/* liaison-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_CSV_ERROR (liaison_csv_error_quark ())

typedef enum
{
  LIAISON_CSV_ERROR_UNKNOWN_VIEW,
  LIAISON_CSV_ERROR_WRITE,
} LiaisonCsvError;

typedef enum
{
  LIAISON_CSV_DEFAULT = 0,
  LIAISON_CSV_INCLUDE_SENSITIVE = 1 << 0,
} LiaisonCsvFlags;

GQuark       liaison_csv_error_quark   (void);

const char * const *liaison_csv_get_views (void);

char        *liaison_csv_quote         (const char       *value);
char        *liaison_csv_write         (LiaisonDatabase  *database,
                                        const char       *view,
                                        GListModel       *records,
                                        LiaisonCsvFlags   flags,
                                        guint            *n_rows,
                                        GError          **error);
gboolean     liaison_csv_export        (LiaisonDatabase  *database,
                                        const char       *view,
                                        GListModel       *records,
                                        LiaisonCsvFlags   flags,
                                        const char       *path,
                                        guint            *n_rows,
                                        GError          **error);

void         liaison_csv_export_async  (LiaisonDatabase     *database,
                                        const char          *view,
                                        GListModel          *list,
                                        GArray              *only_ids,
                                        LiaisonCsvFlags      flags,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean     liaison_csv_export_finish (LiaisonDatabase     *database,
                                        GAsyncResult        *result,
                                        guint               *n_rows,
                                        GError             **error);

G_END_DECLS
