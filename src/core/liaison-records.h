/* liaison-records.h
 *
 * The record types as GObject classes, one per type of PRODUCT.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-record.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PERSON (liaison_person_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonPerson, liaison_person, LIAISON, PERSON, LiaisonRecord)
#define LIAISON_TYPE_ORGANIZATION (liaison_organization_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonOrganization, liaison_organization, LIAISON, ORGANIZATION, LiaisonRecord)
#define LIAISON_TYPE_APPLICATION (liaison_application_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonApplication, liaison_application, LIAISON, APPLICATION, LiaisonRecord)
#define LIAISON_TYPE_STATUS_CHANGE (liaison_status_change_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonStatusChange, liaison_status_change, LIAISON, STATUS_CHANGE, LiaisonRecord)
#define LIAISON_TYPE_REVIEW (liaison_review_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReview, liaison_review, LIAISON, REVIEW, LiaisonRecord)
#define LIAISON_TYPE_AFFILIATION (liaison_affiliation_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonAffiliation, liaison_affiliation, LIAISON, AFFILIATION, LiaisonRecord)
#define LIAISON_TYPE_AFFILIATION_CONTACT (liaison_affiliation_contact_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonAffiliationContact, liaison_affiliation_contact, LIAISON, AFFILIATION_CONTACT, LiaisonRecord)
#define LIAISON_TYPE_EXCHANGE (liaison_exchange_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonExchange, liaison_exchange, LIAISON, EXCHANGE, LiaisonRecord)
#define LIAISON_TYPE_SEMINAR (liaison_seminar_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSeminar, liaison_seminar, LIAISON, SEMINAR, LiaisonRecord)
#define LIAISON_TYPE_SPEAKER (liaison_speaker_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSpeaker, liaison_speaker, LIAISON, SPEAKER, LiaisonRecord)
#define LIAISON_TYPE_REGISTRANT (liaison_registrant_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonRegistrant, liaison_registrant, LIAISON, REGISTRANT, LiaisonRecord)
#define LIAISON_TYPE_ACTIVITY (liaison_activity_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonActivity, liaison_activity, LIAISON, ACTIVITY, LiaisonRecord)

GType     liaison_record_type_get_gtype   (const LiaisonRecordType  *record_type);

char     *liaison_person_dup_display_name (LiaisonRecord            *person);
gboolean  liaison_text_has_japanese       (const char               *text);

/* The rules of each type, for LiaisonRecord */
gboolean  liaison_records_validate_rules  (LiaisonRecord            *record,
                                           GError                  **error);
gboolean  liaison_records_derive          (LiaisonRecord            *record,
                                           GError                  **error);
void      liaison_records_add_search_text (LiaisonRecord            *record,
                                           GString                  *text);
char     *liaison_records_dup_title       (LiaisonRecord            *record);
char     *liaison_records_dup_natural_uuid (LiaisonRecord           *record);

G_END_DECLS
