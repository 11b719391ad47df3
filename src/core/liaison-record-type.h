/* liaison-record-type.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIAISON_FIELD_TEXT,         /* one line of text */
  LIAISON_FIELD_LONG_TEXT,    /* several lines */
  LIAISON_FIELD_INTEGER,
  LIAISON_FIELD_BOOLEAN,
  LIAISON_FIELD_DATE,         /* a plain date, YYYY-MM-DD, no time zone */
  LIAISON_FIELD_CHOICE,       /* one of a fixed list of values */
  LIAISON_FIELD_EMAILS,       /* addresses, one a line */
  LIAISON_FIELD_PHONES,       /* numbers, one a line */
  LIAISON_FIELD_URL,          /* http or https */
  LIAISON_FIELD_LINK,         /* the uuid of another record */
  LIAISON_FIELD_SUBDIVISION,  /* ISO 3166-2 of the US or Canada: US-NJ */
  LIAISON_FIELD_PREFECTURE,   /* JIS X 0401 code: 13 */
  LIAISON_FIELD_COUNTRY,      /* ISO 3166-1 alpha-2: US */
  LIAISON_FIELD_LANGUAGE,     /* a language code: en, ja */
  LIAISON_FIELD_TIME_ZONE,    /* an IANA identifier */
  LIAISON_FIELD_LOCAL_TIME,   /* a wall time, YYYY-MM-DDTHH:MM */
  LIAISON_FIELD_TAGS,         /* tags, one a line */
} LiaisonFieldKind;

typedef enum
{
  LIAISON_FIELD_REQUIRED  = 1 << 0,  /* may not be empty */
  LIAISON_FIELD_SEARCHED  = 1 << 1,  /* goes into the search index */
  LIAISON_FIELD_SENSITIVE = 1 << 2,  /* left out of exports unless asked for */
  LIAISON_FIELD_PERSONAL  = 1 << 3,  /* blanked when the record is deleted for good */
  LIAISON_FIELD_DERIVED   = 1 << 4,  /* computed from other fields, never entered */
} LiaisonFieldFlags;

typedef struct
{
  const char *value;
  const char *label;    /* translatable, N_() or NC_() */
  const char *context;  /* the context of NC_(), or NULL */
} LiaisonChoice;

typedef struct
{
  const char          *name;       /* column and property name: family_name */
  const char          *label;      /* translatable, N_() */
  LiaisonFieldKind     kind;
  LiaisonFieldFlags    flags;
  const LiaisonChoice *choices;    /* CHOICE: terminated by { NULL } */
  const char          *link_type;  /* LINK: the type linked to, NULL for any */
  gint64               minimum;    /* INTEGER */
  gint64               maximum;
} LiaisonField;

typedef struct _LiaisonRecordType LiaisonRecordType;

struct _LiaisonRecordType
{
  const char         *name;        /* also the table: person */
  const char         *label;       /* translatable, N_() */
  const LiaisonField *fields;
  guint               n_fields;
  /* The field naming the record this one belongs to (a review's
   * application), or NULL for records that stand on their own. */
  const char         *parent_field;
};

const LiaisonRecordType  *liaison_record_type_find          (const char              *name);
const LiaisonRecordType **liaison_record_type_get_all       (guint                   *n_types);
const LiaisonField       *liaison_record_type_find_field    (const LiaisonRecordType *type,
                                                             const char              *name);
int                       liaison_record_type_field_index   (const LiaisonRecordType *type,
                                                             const char              *name);
const char               *liaison_field_choice_label        (const LiaisonField      *field,
                                                             const char              *value);
gboolean                  liaison_field_is_text             (const LiaisonField      *field);
const char               *liaison_field_get_label           (const LiaisonField      *field);
const char               *liaison_choice_get_label          (const LiaisonChoice     *choice);
const char               *liaison_record_type_get_label     (const LiaisonRecordType *type);

extern const LiaisonRecordType liaison_person_type;
extern const LiaisonRecordType liaison_organization_type;
extern const LiaisonRecordType liaison_application_type;
extern const LiaisonRecordType liaison_status_change_type;
extern const LiaisonRecordType liaison_review_type;
extern const LiaisonRecordType liaison_affiliation_type;
extern const LiaisonRecordType liaison_affiliation_contact_type;
extern const LiaisonRecordType liaison_exchange_type;
extern const LiaisonRecordType liaison_seminar_type;
extern const LiaisonRecordType liaison_speaker_type;
extern const LiaisonRecordType liaison_registrant_type;
extern const LiaisonRecordType liaison_activity_type;

G_END_DECLS
