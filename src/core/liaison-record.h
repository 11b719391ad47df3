/* liaison-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "liaison-record-type.h"

G_BEGIN_DECLS

#define LIAISON_RECORD_ERROR (liaison_record_error_quark ())

typedef enum
{
  LIAISON_RECORD_ERROR_REQUIRED,
  LIAISON_RECORD_ERROR_INVALID,
  LIAISON_RECORD_ERROR_TOO_LONG,
  LIAISON_RECORD_ERROR_INCONSISTENT,
} LiaisonRecordError;

#define LIAISON_TYPE_RECORD (liaison_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (LiaisonRecord, liaison_record, LIAISON, RECORD, GObject)

struct _LiaisonRecordClass
{
  GObjectClass             parent_class;

  const LiaisonRecordType *record_type;
  guint                    first_field_property;
  GParamSpec             **field_pspecs;
};

GQuark                   liaison_record_error_quark          (void);

void                     liaison_record_class_install_fields (LiaisonRecordClass      *klass,
                                                              const LiaisonRecordType *record_type);

LiaisonRecord           *liaison_record_new                  (const LiaisonRecordType *record_type);
const LiaisonRecordType *liaison_record_get_record_type      (LiaisonRecord           *self);
const char              *liaison_record_get_uuid             (LiaisonRecord           *self);
gint64                   liaison_record_get_created_at       (LiaisonRecord           *self);
gint64                   liaison_record_get_updated_at       (LiaisonRecord           *self);
gint64                   liaison_record_get_deleted_at       (LiaisonRecord           *self);
gboolean                 liaison_record_is_deleted           (LiaisonRecord           *self);

const char              *liaison_record_get_text             (LiaisonRecord           *self,
                                                              const char              *field);
void                     liaison_record_set_text             (LiaisonRecord           *self,
                                                              const char              *field,
                                                              const char              *value);
gint64                   liaison_record_get_integer          (LiaisonRecord           *self,
                                                              const char              *field);
void                     liaison_record_set_integer          (LiaisonRecord           *self,
                                                              const char              *field,
                                                              gint64                   value);
gboolean                 liaison_record_get_boolean          (LiaisonRecord           *self,
                                                              const char              *field);
void                     liaison_record_set_boolean          (LiaisonRecord           *self,
                                                              const char              *field,
                                                              gboolean                 value);
const GValue            *liaison_record_get_value            (LiaisonRecord           *self,
                                                              guint                    position);
gboolean                 liaison_record_equal_value          (LiaisonRecord           *self,
                                                              LiaisonRecord           *other,
                                                              guint                    position);

gboolean                 liaison_record_validate_field       (LiaisonRecord           *self,
                                                              const char              *field,
                                                              GError                 **error);
gboolean                 liaison_record_validate             (LiaisonRecord           *self,
                                                              GError                 **error);
char                    *liaison_record_dup_title            (LiaisonRecord           *self);
char                    *liaison_record_dup_search_text      (LiaisonRecord           *self);

gboolean                 liaison_parse_date                  (const char              *text,
                                                              GDate                   *date);

/* For the database only */
void                     liaison_record_set_identity         (LiaisonRecord           *self,
                                                              const char              *uuid,
                                                              gint64                   created_at,
                                                              gint64                   updated_at,
                                                              gint64                   deleted_at);
gboolean                 liaison_record_prepare              (LiaisonRecord           *self,
                                                              GError                 **error);

G_END_DECLS
