/* liaison-record-type.c
 *
 * The record types of Liaison and their fields, as PRODUCT.md describes
 * them. These tables drive the GObject properties of the records, their
 * validation, the search index and the generic parts of the database; the
 * SQL schema itself is fixed text in the migrations, and a test checks that
 * the two agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-record-type"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-record-type.h"

#define TEXT(n, l, f)        { n, l, LIAISON_FIELD_TEXT, f, NULL, NULL, 0, 0 }
#define LONG_TEXT(n, l, f)   { n, l, LIAISON_FIELD_LONG_TEXT, f, NULL, NULL, 0, 0 }
#define INTEGER(n, l, f, a, b) { n, l, LIAISON_FIELD_INTEGER, f, NULL, NULL, a, b }
#define BOOLEAN(n, l)        { n, l, LIAISON_FIELD_BOOLEAN, 0, NULL, NULL, 0, 0 }
#define DATE(n, l, f)        { n, l, LIAISON_FIELD_DATE, f, NULL, NULL, 0, 0 }
#define CHOICE(n, l, f, c)   { n, l, LIAISON_FIELD_CHOICE, f, c, NULL, 0, 0 }
#define LINK(n, l, f, t)     { n, l, LIAISON_FIELD_LINK, f, NULL, t, 0, 0 }
#define OF_KIND(n, l, k, f)  { n, l, k, f, NULL, NULL, 0, 0 }

#define TAGS_AND_NOTES \
  OF_KIND ("tags", N_("Tags"), LIAISON_FIELD_TAGS, LIAISON_FIELD_SEARCHED), \
  LONG_TEXT ("notes", N_("Notes"), LIAISON_FIELD_SEARCHED)

#define S LIAISON_FIELD_SEARCHED
#define R LIAISON_FIELD_REQUIRED
#define P LIAISON_FIELD_PERSONAL

#define DEFINE_TYPE(symbol, type_name, type_label, field_table, parent) \
  const LiaisonRecordType symbol = { \
    type_name, type_label, field_table, G_N_ELEMENTS (field_table), parent \
  }

/* People */

static const LiaisonChoice name_orders[] = {
  { "given-first", N_("Given name first") },
  { "family-first", N_("Family name first") },
  { NULL }
};

static const LiaisonChoice languages[] = {
  { "en", N_("English") },
  { "ja", N_("Japanese") },
  { "fr", N_("French") },
  { "es", N_("Spanish") },
  { NULL }
};

static const LiaisonField person_fields[] = {
  TEXT ("honorific", N_("Honorific"), 0),
  TEXT ("family_name", N_("Family name"), R | S),
  TEXT ("given_name", N_("Given name"), S),
  TEXT ("family_name_reading", N_("Family name reading"), S),
  TEXT ("given_name_reading", N_("Given name reading"), S),
  TEXT ("preferred_name", N_("Preferred name"), S),
  CHOICE ("name_order", N_("Name order"), 0, name_orders),
  TEXT ("title", N_("Title"), S),
  TEXT ("department", N_("Department"), S),
  LINK ("organization", N_("Organization"), 0, "organization"),
  OF_KIND ("emails", N_("Email addresses"), LIAISON_FIELD_EMAILS, S | P),
  OF_KIND ("phones", N_("Phone numbers"), LIAISON_FIELD_PHONES, P),
  LONG_TEXT ("address", N_("Postal address"), S | P),
  OF_KIND ("country", N_("Country"), LIAISON_FIELD_COUNTRY, 0),
  CHOICE ("language", N_("Preferred language"), 0, languages),
  TAGS_AND_NOTES,
};

DEFINE_TYPE (liaison_person_type, "person", NC_("record type", "Person"), person_fields, NULL);

/* Partner organizations */

static const LiaisonChoice organization_kinds[] = {
  { "us-association", NC_("organization type", "US association"), "organization type" },
  { "canadian-association", NC_("organization type", "Canadian association"), "organization type" },
  { "japanese-mission", NC_("organization type", "Japanese embassy or consulate"), "organization type" },
  { "japanese-organization", NC_("organization type", "Japanese organization"), "organization type" },
  { "jetaa", NC_("organization type", "JETAA chapter"), "organization type" },
  { "government", NC_("organization type", "Government"), "organization type" },
  { "university", NC_("organization type", "University"), "organization type" },
  { "other", NC_("organization type", "Other"), "organization type" },
  { NULL }
};

static const LiaisonField organization_fields[] = {
  TEXT ("name", N_("Name"), R | S),
  TEXT ("acronym", N_("Acronym"), S),
  CHOICE ("kind", N_("Type"), R, organization_kinds),
  OF_KIND ("country", N_("Country"), LIAISON_FIELD_COUNTRY, R),
  TEXT ("city", N_("City"), S),
  OF_KIND ("website", N_("Website"), LIAISON_FIELD_URL, 0),
  OF_KIND ("email", N_("General email"), LIAISON_FIELD_EMAILS, 0),
  OF_KIND ("phone", N_("General phone"), LIAISON_FIELD_PHONES, 0),
  LONG_TEXT ("relationship", N_("Relationship"), S),
  DATE ("conference_start", N_("Annual conference starts"), 0),
  DATE ("conference_end", N_("Annual conference ends"), 0),
  TEXT ("next_action", N_("Next action"), S),
  DATE ("next_action_date", N_("Next action date"), 0),
  TAGS_AND_NOTES,
};

DEFINE_TYPE (liaison_organization_type, "organization", NC_("record type", "Organization"), organization_fields, NULL);

/* Fellowship Exchange Program */

static const LiaisonChoice government_levels[] = {
  { "state", NC_("level of government", "State"), "level of government" },
  { "province", NC_("level of government", "Province"), "level of government" },
  { "county", NC_("level of government", "County"), "level of government" },
  { "city", NC_("level of government", "City"), "level of government" },
  { "regional", NC_("level of government", "Regional body"), "level of government" },
  { "association", NC_("level of government", "Association"), "level of government" },
  { NULL }
};

static const LiaisonChoice application_statuses[] = {
  { "inquiry", NC_("application status", "Inquiry"), "application status" },
  { "nominated", NC_("application status", "Nominated"), "application status" },
  { "received", NC_("application status", "Application received"), "application status" },
  { "review", NC_("application status", "Under review"), "application status" },
  { "selected", NC_("application status", "Selected"), "application status" },
  { "alternate", NC_("application status", "Alternate"), "application status" },
  { "not-selected", NC_("application status", "Not selected"), "application status" },
  { "withdrawn", NC_("application status", "Withdrawn"), "application status" },
  { "confirmed", NC_("application status", "Confirmed"), "application status" },
  { "travelled", NC_("application status", "Travelled"), "application status" },
  { "alumni", NC_("application status", "Alumni"), "application status" },
  { NULL }
};

static const LiaisonField application_fields[] = {
  LINK ("person", N_("Applicant"), R, "person"),
  INTEGER ("cohort_year", N_("Cohort year"), R, 1989, 2100),
  TEXT ("government", N_("Government"), R | S),
  CHOICE ("government_level", N_("Level of government"), R, government_levels),
  OF_KIND ("jurisdiction", N_("Jurisdiction"), LIAISON_FIELD_SUBDIVISION, R),
  LINK ("nominator", N_("Nominating organization"), 0, "organization"),
  CHOICE ("status", N_("Status"), R, application_statuses),
  DATE ("decision_date", N_("Decision date"), 0),
  DATE ("deadline", N_("Deadline"), 0),
  BOOLEAN ("has_application_form", N_("Application form")),
  BOOLEAN ("has_cv", N_("CV or biography")),
  BOOLEAN ("has_photo", N_("Photo")),
  BOOLEAN ("has_recommendation", N_("Recommendation letter")),
  BOOLEAN ("has_flight_form", N_("Flight form")),
  OF_KIND ("host_prefecture", N_("Host prefecture"), LIAISON_FIELD_PREFECTURE, 0),
  DATE ("program_start", N_("Program starts"), 0),
  DATE ("program_end", N_("Program ends"), 0),
  TEXT ("arrival_flight", N_("Arrival flight"), 0),
  TEXT ("departure_flight", N_("Departure flight"), 0),
  LONG_TEXT ("emergency_contact", N_("Emergency contact"), LIAISON_FIELD_SENSITIVE | P),
  LONG_TEXT ("dietary", N_("Dietary requirements"), LIAISON_FIELD_SENSITIVE | P),
  LONG_TEXT ("accessibility", N_("Accessibility needs"), LIAISON_FIELD_SENSITIVE | P),
  TAGS_AND_NOTES,
};

DEFINE_TYPE (liaison_application_type, "application", NC_("record type", "Application"), application_fields, NULL);

static const LiaisonField status_change_fields[] = {
  LINK ("application", N_("Application"), R, "application"),
  CHOICE ("status", N_("Status"), R, application_statuses),
  DATE ("changed_on", N_("Date"), R),
};

DEFINE_TYPE (liaison_status_change_type, "status_change", NC_("record type", "Status change"), status_change_fields, "application");

static const LiaisonField review_fields[] = {
  LINK ("application", N_("Application"), R, "application"),
  TEXT ("reviewer", N_("Reviewer"), R | S),
  INTEGER ("score_leadership", N_("Leadership"), 0, 0, 5),
  INTEGER ("score_relevance", N_("Relevance to Japan"), 0, 0, 5),
  INTEGER ("score_exchange", N_("Exchange potential"), 0, 0, 5),
  LONG_TEXT ("comment", N_("Comment"), S),
};

DEFINE_TYPE (liaison_review_type, "review", NC_("record type", "Review"), review_fields, "application");

/* Sister states and cities */

static const LiaisonChoice affiliation_levels[] = {
  { "prefecture", N_("Prefecture and state or province") },
  { "city", N_("City to city") },
  { NULL }
};

static const LiaisonChoice affiliation_kinds[] = {
  { "sister", N_("Sister") },
  { "friendship", N_("Friendship") },
  { NULL }
};

static const LiaisonChoice affiliation_statuses[] = {
  { "active", NC_("affiliation status", "Active"), "affiliation status" },
  { "dormant", NC_("affiliation status", "Dormant"), "affiliation status" },
  { "ended", NC_("affiliation status", "Ended"), "affiliation status" },
  { NULL }
};

static const LiaisonField affiliation_fields[] = {
  OF_KIND ("prefecture", N_("Prefecture"), LIAISON_FIELD_PREFECTURE, R),
  TEXT ("municipality", N_("Municipality"), S),
  TEXT ("municipality_romaji", N_("Municipality in romaji"), S),
  TEXT ("partner_name", N_("Partner"), R | S),
  OF_KIND ("partner_subdivision", N_("Partner state or province"), LIAISON_FIELD_SUBDIVISION, R),
  CHOICE ("level", N_("Level"), R, affiliation_levels),
  CHOICE ("kind", N_("Kind"), R, affiliation_kinds),
  DATE ("established", N_("Established"), 0),
  CHOICE ("status", N_("Status"), R, affiliation_statuses),
  DATE ("last_exchange", N_("Last exchange"), 0),
  TAGS_AND_NOTES,
};

DEFINE_TYPE (liaison_affiliation_type, "affiliation", NC_("record type", "Affiliation"), affiliation_fields, NULL);

static const LiaisonChoice contact_sides[] = {
  { "japan", N_("Japanese side") },
  { "partner", N_("Partner side") },
  { NULL }
};

static const LiaisonField affiliation_contact_fields[] = {
  LINK ("affiliation", N_("Affiliation"), R, "affiliation"),
  LINK ("person", N_("Person"), R, "person"),
  CHOICE ("side", N_("Side"), R, contact_sides),
  TEXT ("role", N_("Role"), S),
};

DEFINE_TYPE (liaison_affiliation_contact_type, "affiliation_contact", NC_("record type", "Affiliation contact"), affiliation_contact_fields, "affiliation");

static const LiaisonChoice exchange_kinds[] = {
  { "delegation", N_("Delegation") },
  { "students", N_("Student exchange") },
  { "anniversary", N_("Anniversary event") },
  { "culture", N_("Cultural exchange") },
  { "other", N_("Other") },
  { NULL }
};

static const LiaisonField exchange_fields[] = {
  LINK ("affiliation", N_("Affiliation"), R, "affiliation"),
  DATE ("date", N_("Date"), R),
  CHOICE ("kind", N_("Kind"), R, exchange_kinds),
  LONG_TEXT ("description", N_("Description"), S),
};

DEFINE_TYPE (liaison_exchange_type, "exchange", NC_("record type", "Exchange"), exchange_fields, "affiliation");

/* Online seminars */

static const LiaisonChoice seminar_statuses[] = {
  { "planned", NC_("seminar status", "Planned"), "seminar status" },
  { "confirmed", NC_("seminar status", "Confirmed"), "seminar status" },
  { "held", NC_("seminar status", "Held"), "seminar status" },
  { "cancelled", NC_("seminar status", "Cancelled"), "seminar status" },
  { NULL }
};

static const LiaisonField seminar_fields[] = {
  TEXT ("title_en", N_("Title in English"), R | S),
  TEXT ("title_ja", N_("Title in Japanese"), S),
  INTEGER ("series_number", N_("Series number"), 0, 0, 100000),
  OF_KIND ("start_local", N_("Start"), LIAISON_FIELD_LOCAL_TIME, R),
  OF_KIND ("time_zone", N_("Time zone"), LIAISON_FIELD_TIME_ZONE, R),
  INTEGER ("start_utc", N_("Start in UTC"), LIAISON_FIELD_DERIVED, G_MININT64, G_MAXINT64),
  INTEGER ("duration", N_("Duration in minutes"), R, 1, 24 * 60),
  TEXT ("platform", N_("Platform"), 0),
  OF_KIND ("join_url", N_("Join link"), LIAISON_FIELD_URL, 0),
  TEXT ("passcode", N_("Passcode"), LIAISON_FIELD_SENSITIVE),
  CHOICE ("status", N_("Status"), R, seminar_statuses),
  OF_KIND ("recording_url", N_("Recording link"), LIAISON_FIELD_URL, 0),
  TAGS_AND_NOTES,
  /* When the start is shown twice as clocks fall back: 1 the first, 2 the
   * second, as someone chose (schema version 6) */
  INTEGER ("start_fold", N_("Repeated hour"), 0, 0, 2),
};

DEFINE_TYPE (liaison_seminar_type, "seminar", NC_("record type", "Seminar"), seminar_fields, NULL);

static const LiaisonField speaker_fields[] = {
  LINK ("seminar", N_("Seminar"), R, "seminar"),
  LINK ("person", N_("Speaker"), R, "person"),
  LINK ("organization", N_("Organization"), 0, "organization"),
};

DEFINE_TYPE (liaison_speaker_type, "speaker", NC_("record type", "Speaker"), speaker_fields, "seminar");

static const LiaisonChoice registrant_statuses[] = {
  { "registered", NC_("registrant status", "Registered"), "registrant status" },
  { "attended", NC_("registrant status", "Attended"), "registrant status" },
  { "no-show", NC_("registrant status", "No-show"), "registrant status" },
  { "cancelled", NC_("registrant status", "Cancelled"), "registrant status" },
  { NULL }
};

static const LiaisonField registrant_fields[] = {
  LINK ("seminar", N_("Seminar"), R, "seminar"),
  LINK ("person", N_("Registrant"), R, "person"),
  TEXT ("local_government", N_("Local government"), S),
  CHOICE ("status", N_("Status"), R, registrant_statuses),
};

DEFINE_TYPE (liaison_registrant_type, "registrant", NC_("record type", "Registrant"), registrant_fields, "seminar");

/* The activity log of any record */

static const LiaisonChoice activity_kinds[] = {
  { "call", N_("Call") },
  { "meeting", N_("Meeting") },
  { "email", N_("Email") },
  { "visit", N_("Visit") },
  { "note", N_("Note") },
  { NULL }
};

static const LiaisonField activity_fields[] = {
  LINK ("record", N_("Record"), R, NULL),
  DATE ("date", N_("Date"), R),
  CHOICE ("kind", N_("Kind"), R, activity_kinds),
  LONG_TEXT ("text", N_("Text"), S),
};

DEFINE_TYPE (liaison_activity_type, "activity", NC_("record type", "Activity"), activity_fields, "record");

/* Append only: see liaison_record_type_get_all(). */
static const LiaisonRecordType *all_types[] = {
  &liaison_person_type,
  &liaison_organization_type,
  &liaison_application_type,
  &liaison_status_change_type,
  &liaison_review_type,
  &liaison_affiliation_type,
  &liaison_affiliation_contact_type,
  &liaison_exchange_type,
  &liaison_seminar_type,
  &liaison_speaker_type,
  &liaison_registrant_type,
  &liaison_activity_type,
};

/**
 * liaison_record_type_get_all:
 * @n_types: (out): the number of types
 *
 * A type's place in this list is part of the database (the search index
 * numbers its rows by it): new types go at the end, and none moves.
 *
 * Returns: (transfer none): every record type
 */
const LiaisonRecordType **
liaison_record_type_get_all (guint *n_types)
{
  g_return_val_if_fail (n_types != NULL, NULL);

  *n_types = G_N_ELEMENTS (all_types);
  return all_types;
}

const LiaisonRecordType *
liaison_record_type_find (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (all_types); i++)
    {
      if (g_str_equal (all_types[i]->name, name))
        return all_types[i];
    }

  return NULL;
}

int
liaison_record_type_field_index (const LiaisonRecordType *type,
                                 const char              *name)
{
  g_return_val_if_fail (type != NULL, -1);

  for (guint i = 0; name != NULL && i < type->n_fields; i++)
    {
      if (g_str_equal (type->fields[i].name, name))
        return (int) i;
    }

  return -1;
}

const LiaisonField *
liaison_record_type_find_field (const LiaisonRecordType *type,
                                const char              *name)
{
  int index = liaison_record_type_field_index (type, name);

  return index >= 0 ? &type->fields[index] : NULL;
}

/**
 * liaison_field_choice_label:
 * @field: a field of kind %LIAISON_FIELD_CHOICE
 * @value: one of its values
 *
 * Returns: the translated label of @value, or %NULL if it is not one of
 *   the field's values
 */
const char *
liaison_field_choice_label (const LiaisonField *field,
                            const char         *value)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (field->kind == LIAISON_FIELD_CHOICE, NULL);

  for (guint i = 0; value != NULL && field->choices[i].value != NULL; i++)
    {
      if (g_str_equal (field->choices[i].value, value))
        return liaison_choice_get_label (&field->choices[i]);
    }

  return NULL;
}

/**
 * liaison_field_is_text:
 * @field: a field
 *
 * Returns: %TRUE if the field holds a string, %FALSE for integers and
 *   booleans
 */
gboolean
liaison_field_is_text (const LiaisonField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field->kind != LIAISON_FIELD_INTEGER && field->kind != LIAISON_FIELD_BOOLEAN;
}

/**
 * liaison_choice_get_label:
 * @choice: a value of a choice field
 *
 * Returns: its label, translated in its context where it has one
 */
const char *
liaison_choice_get_label (const LiaisonChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);

  if (choice->context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, choice->context, choice->label);

  return _(choice->label);
}

/**
 * liaison_field_get_label:
 * @field: a field
 *
 * Returns: the field's name as the user sees it, translated
 */
const char *
liaison_field_get_label (const LiaisonField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return _(field->label);
}

/**
 * liaison_record_type_get_label:
 * @type: a record type
 *
 * Returns: the type's name as the user sees it ("Person"), translated
 */
const char *
liaison_record_type_get_label (const LiaisonRecordType *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "record type", type->label);
}
