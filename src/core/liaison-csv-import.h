/* liaison-csv-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_CSV_IMPORT_ERROR (liaison_csv_import_error_quark ())

typedef enum
{
  LIAISON_CSV_IMPORT_ERROR_READ,         /* the file could not be read */
  LIAISON_CSV_IMPORT_ERROR_ENCODING,     /* not UTF-8, UTF-16 or Shift_JIS text */
  LIAISON_CSV_IMPORT_ERROR_EMPTY,        /* no header, or no row after it */
  LIAISON_CSV_IMPORT_ERROR_SYNTAX,       /* a quoted value never closed */
  LIAISON_CSV_IMPORT_ERROR_NO_COLUMNS,   /* the header lacks a required column */
  LIAISON_CSV_IMPORT_ERROR_INVALID_ROW,  /* a row chosen to import cannot be */
  LIAISON_CSV_IMPORT_ERROR_CHANGED,      /* the records changed since the preview */
} LiaisonCsvImportError;

typedef enum
{
  LIAISON_CSV_ROW_NEW,        /* a new person, and a new record for them */
  LIAISON_CSV_ROW_MATCH,      /* a person already there, a new record for them */
  LIAISON_CSV_ROW_DUPLICATE,  /* the person's record is already there: it is updated */
  LIAISON_CSV_ROW_REPEATED,   /* the same person as an earlier row of the file */
  LIAISON_CSV_ROW_INVALID,    /* cannot be imported; the reason says why */
} LiaisonCsvRowStatus;

typedef enum
{
  LIAISON_CSV_COLUMN_DEFAULT    = 0,
  /* The cell is a whole name, split into the person's family and given
   * names where the file has no columns for those. */
  LIAISON_CSV_COLUMN_FULL_NAME  = 1 << 0,
  /* Compared, with the name, to find a person already there: see
   * liaison_csv_import_new(). */
  LIAISON_CSV_COLUMN_GOVERNMENT = 1 << 1,
} LiaisonCsvColumnFlags;

typedef struct
{
  const char              *id;              /* how the API names it: "emails" */
  const char              *label;           /* translatable, N_(); NULL for the field's label */
  const LiaisonRecordType *type;            /* &liaison_person_type or the target's type */
  const char              *field;           /* a field of @type; NULL for a full name */
  const char              *required_group;  /* the file needs a column of each group; NULL if optional */
  LiaisonCsvColumnFlags    flags;
  const char * const      *aliases;         /* other headers, in any language; NULL-terminated */
  const char * const      *value_aliases;   /* choices: a value, another way to write it, …; NULL-terminated */
} LiaisonCsvColumn;

typedef struct
{
  const LiaisonRecordType *type;            /* the records an import makes */
  const char              *person_field;    /* their link to the person; NULL when @type is the person */
  const LiaisonCsvColumn  *columns;
  guint                    n_columns;
  const char              *duplicate_text;  /* translatable, N_(): why a row is DUPLICATE */
} LiaisonCsvImportTarget;

#define LIAISON_TYPE_CSV_IMPORT (liaison_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonCsvImport, liaison_csv_import, LIAISON, CSV_IMPORT, GObject)

GQuark                        liaison_csv_import_error_quark            (void);

const char                   *liaison_csv_column_get_label              (const LiaisonCsvColumn        *column);
const char                   *liaison_csv_row_status_get_label          (LiaisonCsvRowStatus            status);

LiaisonCsvImport             *liaison_csv_import_new                    (LiaisonDatabase               *database,
                                                                         const LiaisonCsvImportTarget  *target);
LiaisonCsvImport             *liaison_csv_import_new_registrants        (LiaisonDatabase               *database,
                                                                         const char                    *seminar_uuid);
const LiaisonCsvImportTarget *liaison_csv_import_get_target             (LiaisonCsvImport              *self);
void                          liaison_csv_import_set_fixed              (LiaisonCsvImport              *self,
                                                                         const char                    *field,
                                                                         const char                    *value);
void                          liaison_csv_import_set_default            (LiaisonCsvImport              *self,
                                                                         const char                    *field,
                                                                         const char                    *value);

gboolean                      liaison_csv_import_load_bytes             (LiaisonCsvImport              *self,
                                                                         GBytes                        *bytes,
                                                                         GError                       **error);
gboolean                      liaison_csv_import_load_file              (LiaisonCsvImport              *self,
                                                                         GFile                         *file,
                                                                         GCancellable                  *cancellable,
                                                                         GError                       **error);
void                          liaison_csv_import_load_file_async        (LiaisonCsvImport              *self,
                                                                         GFile                         *file,
                                                                         GCancellable                  *cancellable,
                                                                         GAsyncReadyCallback            callback,
                                                                         gpointer                       user_data);
gboolean                      liaison_csv_import_load_file_finish       (LiaisonCsvImport              *self,
                                                                         GAsyncResult                  *result,
                                                                         GError                       **error);
const char                   *liaison_csv_import_get_encoding           (LiaisonCsvImport              *self);

guint                         liaison_csv_import_get_n_headers          (LiaisonCsvImport              *self);
const char                   *liaison_csv_import_get_header             (LiaisonCsvImport              *self,
                                                                         guint                          index);
const LiaisonCsvColumn       *liaison_csv_import_get_header_column      (LiaisonCsvImport              *self,
                                                                         guint                          index);
GStrv                         liaison_csv_import_dup_unmatched_headers  (LiaisonCsvImport              *self);
gboolean                      liaison_csv_import_has_column             (LiaisonCsvImport              *self,
                                                                         const char                    *column_id);

guint                         liaison_csv_import_get_n_rows             (LiaisonCsvImport              *self);
guint                         liaison_csv_import_count_rows             (LiaisonCsvImport              *self,
                                                                         LiaisonCsvRowStatus            status);
guint                         liaison_csv_import_get_row_number         (LiaisonCsvImport              *self,
                                                                         guint                          row);
LiaisonCsvRowStatus           liaison_csv_import_get_row_status         (LiaisonCsvImport              *self,
                                                                         guint                          row);
const char                   *liaison_csv_import_get_row_reason         (LiaisonCsvImport              *self,
                                                                         guint                          row);
const char                   *liaison_csv_import_get_row_value          (LiaisonCsvImport              *self,
                                                                         guint                          row,
                                                                         const char                    *column_id);
const char                   *liaison_csv_import_get_row_person         (LiaisonCsvImport              *self,
                                                                         guint                          row);

gboolean                      liaison_csv_import_apply                  (LiaisonCsvImport              *self,
                                                                         const guint                   *rows,
                                                                         guint                          n_rows,
                                                                         guint                         *n_created,
                                                                         guint                         *n_updated,
                                                                         GError                       **error);

G_END_DECLS
