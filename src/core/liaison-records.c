/* liaison-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-records.h"
#include "liaison-reference.h"
#include "liaison-time-zones.h"

#define DEFINE_RECORD(TypeName, type_name, record_type) \
  struct _##TypeName { LiaisonRecord parent_instance; }; \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, LIAISON_TYPE_RECORD) \
  static void \
  type_name##_class_init (TypeName##Class *klass) \
  { \
    liaison_record_class_install_fields (LIAISON_RECORD_CLASS (klass), &record_type); \
  } \
  static void \
  type_name##_init (TypeName *self) \
  { \
  }

DEFINE_RECORD (LiaisonPerson, liaison_person, liaison_person_type)
DEFINE_RECORD (LiaisonOrganization, liaison_organization, liaison_organization_type)
DEFINE_RECORD (LiaisonApplication, liaison_application, liaison_application_type)
DEFINE_RECORD (LiaisonStatusChange, liaison_status_change, liaison_status_change_type)
DEFINE_RECORD (LiaisonReview, liaison_review, liaison_review_type)
DEFINE_RECORD (LiaisonAffiliation, liaison_affiliation, liaison_affiliation_type)
DEFINE_RECORD (LiaisonAffiliationContact, liaison_affiliation_contact, liaison_affiliation_contact_type)
DEFINE_RECORD (LiaisonExchange, liaison_exchange, liaison_exchange_type)
DEFINE_RECORD (LiaisonSeminar, liaison_seminar, liaison_seminar_type)
DEFINE_RECORD (LiaisonSpeaker, liaison_speaker, liaison_speaker_type)
DEFINE_RECORD (LiaisonRegistrant, liaison_registrant, liaison_registrant_type)
DEFINE_RECORD (LiaisonActivity, liaison_activity, liaison_activity_type)

/**
 * liaison_record_type_get_gtype:
 * @record_type: a record type
 *
 * Returns: the GObject class of records of @record_type
 */
GType
liaison_record_type_get_gtype (const LiaisonRecordType *record_type)
{
  static const struct {
    const LiaisonRecordType *record_type;
    GType (*get_type) (void);
  } classes[] = {
    { &liaison_person_type, liaison_person_get_type },
    { &liaison_organization_type, liaison_organization_get_type },
    { &liaison_application_type, liaison_application_get_type },
    { &liaison_status_change_type, liaison_status_change_get_type },
    { &liaison_review_type, liaison_review_get_type },
    { &liaison_affiliation_type, liaison_affiliation_get_type },
    { &liaison_affiliation_contact_type, liaison_affiliation_contact_get_type },
    { &liaison_exchange_type, liaison_exchange_get_type },
    { &liaison_seminar_type, liaison_seminar_get_type },
    { &liaison_speaker_type, liaison_speaker_get_type },
    { &liaison_registrant_type, liaison_registrant_get_type },
    { &liaison_activity_type, liaison_activity_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (classes[i].record_type == record_type)
        return classes[i].get_type ();
    }

  g_return_val_if_reached (G_TYPE_INVALID);
}

static gboolean
prefers_japanese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "ja");
}

/**
 * liaison_text_has_japanese:
 * @text: UTF-8 text
 *
 * Returns: %TRUE if @text has kana or kanji
 */
gboolean
liaison_text_has_japanese (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x3040 && c <= 0x30ff) ||   /* kana */
          (c >= 0x3400 && c <= 0x9fff) ||   /* kanji */
          (c >= 0xf900 && c <= 0xfaff) ||
          (c >= 0xff66 && c <= 0xff9f))     /* half-width kana */
        return TRUE;
    }

  return FALSE;
}

/**
 * liaison_person_dup_display_name:
 * @person: a person
 *
 * The name as it is written: family name first for Japanese names (or when
 * the record says so), the given or preferred name first otherwise.
 *
 * Returns: (transfer full): the name
 */
char *
liaison_person_dup_display_name (LiaisonRecord *person)
{
  const char *family = liaison_record_get_text (person, "family_name");
  const char *given = liaison_record_get_text (person, "given_name");
  const char *preferred = liaison_record_get_text (person, "preferred_name");
  const char *order = liaison_record_get_text (person, "name_order");
  gboolean family_first;

  if (g_str_equal (order, "family-first"))
    family_first = TRUE;
  else if (g_str_equal (order, "given-first"))
    family_first = FALSE;
  else
    family_first = liaison_text_has_japanese (family);

  if (given[0] == '\0')
    return g_strdup (family);

  if (family_first)
    return g_strdup_printf ("%s %s", family, given);

  return g_strdup_printf ("%s %s", preferred[0] != '\0' ? preferred : given, family);
}

static const char *
choice_label (LiaisonRecord *record,
              const char    *field)
{
  const LiaisonField *info = liaison_record_type_find_field (liaison_record_get_record_type (record), field);
  const char *label = liaison_field_choice_label (info, liaison_record_get_text (record, field));

  return label != NULL ? label : "";
}

static char *
affiliation_japanese_side (LiaisonRecord *record)
{
  const LiaisonPrefecture *prefecture =
    liaison_reference_find_prefecture (liaison_record_get_text (record, "prefecture"));
  const char *municipality = liaison_record_get_text (record, "municipality");
  const char *romaji = liaison_record_get_text (record, "municipality_romaji");

  if (prefers_japanese ())
    {
      if (municipality[0] != '\0')
        return g_strdup (municipality);
      return g_strdup (prefecture != NULL ? prefecture->name_ja : "");
    }

  if (romaji[0] != '\0')
    return g_strdup (romaji);
  if (municipality[0] != '\0')
    return g_strdup (municipality);
  return g_strdup (prefecture != NULL ? prefecture->name_en : "");
}

/* The links that make a record what it is: two desktops that register
 * the same person for the same seminar make the same registrant. */
static const struct {
  const LiaisonRecordType *type;
  const char              *fields[4];
} natural_keys[] = {
  { &liaison_affiliation_contact_type, { "affiliation", "person", "side", NULL } },
  { &liaison_speaker_type, { "seminar", "person", NULL } },
  { &liaison_registrant_type, { "seminar", "person", NULL } },
};

/* A namespace of Liaison's own for its name-based uuids */
static const guint8 natural_namespace[16] = {
  0x6f, 0x3c, 0x1b, 0x8e, 0x2d, 0x4a, 0x4c, 0x7e,
  0x9b, 0x1f, 0x5a, 0x0e, 0x8d, 0x2c, 0x7b, 0x34,
};

/**
 * liaison_records_dup_natural_uuid:
 * @record: a record
 *
 * Returns: (transfer full) (nullable): the name-based (version 5) uuid of
 *   a record that links others, from its type and the records it links;
 *   %NULL for other records, or while a link is missing
 */
char *
liaison_records_dup_natural_uuid (LiaisonRecord *record)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[20];
  gsize length = sizeof digest;

  for (guint i = 0; i < G_N_ELEMENTS (natural_keys); i++)
    {
      if (natural_keys[i].type != type)
        continue;

      checksum = g_checksum_new (G_CHECKSUM_SHA1);
      g_checksum_update (checksum, natural_namespace, sizeof natural_namespace);
      g_checksum_update (checksum, (const guchar *) type->name, -1);

      for (guint f = 0; natural_keys[i].fields[f] != NULL; f++)
        {
          const char *value = liaison_record_get_text (record, natural_keys[i].fields[f]);

          if (value[0] == '\0')
            return NULL;

          g_checksum_update (checksum, (const guchar *) "\n", 1);
          g_checksum_update (checksum, (const guchar *) value, -1);
        }
    }

  if (checksum == NULL)
    return NULL;

  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

char *
liaison_records_dup_title (LiaisonRecord *record)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  if (type == &liaison_person_type)
    return liaison_person_dup_display_name (record);

  if (type == &liaison_organization_type)
    {
      const char *name = liaison_record_get_text (record, "name");
      const char *acronym = liaison_record_get_text (record, "acronym");

      if (acronym[0] == '\0' || g_str_equal (acronym, name))
        return g_strdup (name);

      /* Translators: an organization's name, then its acronym */
      return g_strdup_printf (_("%s (%s)"), name, acronym);
    }

  if (type == &liaison_application_type)
    {
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               liaison_record_get_integer (record, "cohort_year"));

      /* Translators: a fellowship application: the applicant's government, then the cohort year */
      return g_strdup_printf (C_("application", "%s, %s"),
                              liaison_record_get_text (record, "government"), year);
    }

  if (type == &liaison_affiliation_type)
    {
      g_autofree char *japan = affiliation_japanese_side (record);

      /* Translators: a sister-city affiliation: the Japanese side, then the partner */
      return g_strdup_printf (_("%s – %s"), japan, liaison_record_get_text (record, "partner_name"));
    }

  if (type == &liaison_seminar_type)
    {
      const char *title_ja = liaison_record_get_text (record, "title_ja");

      if (prefers_japanese () && title_ja[0] != '\0')
        return g_strdup (title_ja);
      return g_strdup (liaison_record_get_text (record, "title_en"));
    }

  if (type == &liaison_review_type)
    return g_strdup (liaison_record_get_text (record, "reviewer"));

  if (type == &liaison_affiliation_contact_type)
    return g_strdup (choice_label (record, "side"));

  if (type == &liaison_status_change_type)
    /* Translators: a status of an application, then the date it was reached */
    return g_strdup_printf (_("%s on %s"), choice_label (record, "status"),
                            liaison_record_get_text (record, "changed_on"));

  if (type == &liaison_exchange_type || type == &liaison_activity_type)
    return g_strdup_printf (_("%s on %s"), choice_label (record, "kind"),
                            liaison_record_get_text (record, "date"));

  if (type == &liaison_registrant_type)
    return g_strdup (choice_label (record, "status"));

  return g_strdup (liaison_record_type_get_label (type));
}

/* Places are found by their names, not only their codes. */
void
liaison_records_add_search_text (LiaisonRecord *record,
                                 GString       *text)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const LiaisonField *field = &type->fields[i];

      if (field->kind == LIAISON_FIELD_PREFECTURE)
        {
          const LiaisonPrefecture *prefecture =
            liaison_reference_find_prefecture (liaison_record_get_text (record, field->name));

          if (prefecture != NULL)
            g_string_append_printf (text, "\n%s\n%s\n%s", prefecture->name_en,
                                    prefecture->name_ja, prefecture->reading);
        }
      else if (field->kind == LIAISON_FIELD_SUBDIVISION)
        {
          const LiaisonSubdivision *subdivision =
            liaison_reference_find_subdivision (liaison_record_get_text (record, field->name));

          if (subdivision != NULL)
            g_string_append_printf (text, "\n%s\n%s", subdivision->name, subdivision->code);
        }
    }
}

static gboolean
dates_in_order (LiaisonRecord  *record,
                const char     *start_field,
                const char     *end_field,
                GError        **error)
{
  const char *start = liaison_record_get_text (record, start_field);
  const char *end = liaison_record_get_text (record, end_field);
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  if (start[0] == '\0' || end[0] == '\0' || strcmp (start, end) <= 0)
    return TRUE;

  g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INCONSISTENT,
               /* Translators: two date fields, e.g. "Program ends cannot be before Program starts." */
               _("%s cannot be before %s."),
               liaison_field_get_label (liaison_record_type_find_field (type, end_field)),
               liaison_field_get_label (liaison_record_type_find_field (type, start_field)));
  return FALSE;
}

gboolean
liaison_records_validate_rules (LiaisonRecord  *record,
                                GError        **error)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  if (type == &liaison_application_type)
    {
      const char *status = liaison_record_get_text (record, "status");

      if ((g_str_equal (status, "selected") ||
           g_str_equal (status, "alternate") ||
           g_str_equal (status, "not-selected")) &&
          liaison_record_get_text (record, "decision_date")[0] == '\0')
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INCONSISTENT,
                       /* Translators: %s is a status such as "Selected" */
                       _("A decision date is needed for the status “%s”."),
                       choice_label (record, "status"));
          return FALSE;
        }

      return dates_in_order (record, "program_start", "program_end", error);
    }

  if (type == &liaison_organization_type)
    return dates_in_order (record, "conference_start", "conference_end", error);

  if (type == &liaison_affiliation_type)
    {
      if (g_str_equal (liaison_record_get_text (record, "level"), "city") &&
          liaison_record_get_text (record, "municipality")[0] == '\0' &&
          liaison_record_get_text (record, "municipality_romaji")[0] == '\0')
        {
          g_set_error_literal (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INCONSISTENT,
                               _("A city-to-city affiliation needs the name of the Japanese municipality."));
          return FALSE;
        }
      return TRUE;
    }

  if (type == &liaison_seminar_type)
    {
      gint64 utc;

      return liaison_time_zone_resolve_local (liaison_record_get_text (record, "time_zone"),
                                              liaison_record_get_text (record, "start_local"),
                                              liaison_record_get_integer (record, "start_fold"),
                                              &utc, error);
    }

  return TRUE;
}

gboolean
liaison_records_derive (LiaisonRecord  *record,
                        GError        **error)
{
  if (liaison_record_get_record_type (record) == &liaison_seminar_type)
    {
      gint64 utc;

      if (!liaison_time_zone_resolve_local (liaison_record_get_text (record, "time_zone"),
                                            liaison_record_get_text (record, "start_local"),
                                            liaison_record_get_integer (record, "start_fold"),
                                            &utc, error))
        return FALSE;

      liaison_record_set_integer (record, "start_utc", utc);
    }

  return TRUE;
}
