/* test-invitation.c
 *
 * Seminar times across the changes of daylight saving time between New
 * York and Tokyo, as invitations write them in English and Japanese, and
 * invitations that never give the passcode away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "liaison-database.h"
#include "liaison-invitation.h"
#include "liaison-records.h"
#include "liaison-time-zones.h"

/* New York wall times on the evening of the monthly seminars, and either
 * side of every change of the clocks in 2026 and 2027 (8 March, 1
 * November, 14 March, 7 November); Japan keeps no daylight saving time. */
static const struct {
  const char *new_york;
  const char *utc;
  const char *new_york_en;
  const char *new_york_ja;
  const char *tokyo_en;
  const char *tokyo_ja;
} conversions[] = {
  { "2026-11-27T19:00", "2026-11-28T00:00:00Z",
    "Fri, Nov 27, 2026, 7:00 PM EST", "2026年11月27日(金) 19:00 EST",
    "Sat, Nov 28, 2026, 9:00 AM JST", "2026年11月28日(土) 9:00 JST" },
  { "2026-07-01T19:00", "2026-07-01T23:00:00Z",
    "Wed, Jul 1, 2026, 7:00 PM EDT", "2026年7月1日(水) 19:00 EDT",
    "Thu, Jul 2, 2026, 8:00 AM JST", "2026年7月2日(木) 8:00 JST" },
  { "2026-03-07T19:00", "2026-03-08T00:00:00Z",
    "Sat, Mar 7, 2026, 7:00 PM EST", "2026年3月7日(土) 19:00 EST",
    "Sun, Mar 8, 2026, 9:00 AM JST", "2026年3月8日(日) 9:00 JST" },
  { "2026-03-08T01:59", "2026-03-08T06:59:00Z",
    "Sun, Mar 8, 2026, 1:59 AM EST", "2026年3月8日(日) 1:59 EST",
    "Sun, Mar 8, 2026, 3:59 PM JST", "2026年3月8日(日) 15:59 JST" },
  { "2026-03-08T03:00", "2026-03-08T07:00:00Z",
    "Sun, Mar 8, 2026, 3:00 AM EDT", "2026年3月8日(日) 3:00 EDT",
    "Sun, Mar 8, 2026, 4:00 PM JST", "2026年3月8日(日) 16:00 JST" },
  { "2026-03-08T19:00", "2026-03-08T23:00:00Z",
    "Sun, Mar 8, 2026, 7:00 PM EDT", "2026年3月8日(日) 19:00 EDT",
    "Mon, Mar 9, 2026, 8:00 AM JST", "2026年3月9日(月) 8:00 JST" },
  { "2026-10-31T19:00", "2026-10-31T23:00:00Z",
    "Sat, Oct 31, 2026, 7:00 PM EDT", "2026年10月31日(土) 19:00 EDT",
    "Sun, Nov 1, 2026, 8:00 AM JST", "2026年11月1日(日) 8:00 JST" },
  { "2026-11-01T00:59", "2026-11-01T04:59:00Z",
    "Sun, Nov 1, 2026, 12:59 AM EDT", "2026年11月1日(日) 0:59 EDT",
    "Sun, Nov 1, 2026, 1:59 PM JST", "2026年11月1日(日) 13:59 JST" },
  { "2026-11-01T02:00", "2026-11-01T07:00:00Z",
    "Sun, Nov 1, 2026, 2:00 AM EST", "2026年11月1日(日) 2:00 EST",
    "Sun, Nov 1, 2026, 4:00 PM JST", "2026年11月1日(日) 16:00 JST" },
  { "2026-11-01T19:00", "2026-11-02T00:00:00Z",
    "Sun, Nov 1, 2026, 7:00 PM EST", "2026年11月1日(日) 19:00 EST",
    "Mon, Nov 2, 2026, 9:00 AM JST", "2026年11月2日(月) 9:00 JST" },
  { "2027-03-13T19:00", "2027-03-14T00:00:00Z",
    "Sat, Mar 13, 2027, 7:00 PM EST", "2027年3月13日(土) 19:00 EST",
    "Sun, Mar 14, 2027, 9:00 AM JST", "2027年3月14日(日) 9:00 JST" },
  { "2027-03-14T01:59", "2027-03-14T06:59:00Z",
    "Sun, Mar 14, 2027, 1:59 AM EST", "2027年3月14日(日) 1:59 EST",
    "Sun, Mar 14, 2027, 3:59 PM JST", "2027年3月14日(日) 15:59 JST" },
  { "2027-03-14T03:00", "2027-03-14T07:00:00Z",
    "Sun, Mar 14, 2027, 3:00 AM EDT", "2027年3月14日(日) 3:00 EDT",
    "Sun, Mar 14, 2027, 4:00 PM JST", "2027年3月14日(日) 16:00 JST" },
  { "2027-03-14T19:00", "2027-03-14T23:00:00Z",
    "Sun, Mar 14, 2027, 7:00 PM EDT", "2027年3月14日(日) 19:00 EDT",
    "Mon, Mar 15, 2027, 8:00 AM JST", "2027年3月15日(月) 8:00 JST" },
  { "2027-11-06T19:00", "2027-11-06T23:00:00Z",
    "Sat, Nov 6, 2027, 7:00 PM EDT", "2027年11月6日(土) 19:00 EDT",
    "Sun, Nov 7, 2027, 8:00 AM JST", "2027年11月7日(日) 8:00 JST" },
  { "2027-11-07T00:59", "2027-11-07T04:59:00Z",
    "Sun, Nov 7, 2027, 12:59 AM EDT", "2027年11月7日(日) 0:59 EDT",
    "Sun, Nov 7, 2027, 1:59 PM JST", "2027年11月7日(日) 13:59 JST" },
  { "2027-11-07T02:00", "2027-11-07T07:00:00Z",
    "Sun, Nov 7, 2027, 2:00 AM EST", "2027年11月7日(日) 2:00 EST",
    "Sun, Nov 7, 2027, 4:00 PM JST", "2027年11月7日(日) 16:00 JST" },
  { "2027-11-07T19:00", "2027-11-08T00:00:00Z",
    "Sun, Nov 7, 2027, 7:00 PM EST", "2027年11月7日(日) 19:00 EST",
    "Mon, Nov 8, 2027, 9:00 AM JST", "2027年11月8日(月) 9:00 JST" },
};

static gint64
utc_ms (const char *iso8601)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (when);
  return g_date_time_to_unix (when) * 1000;
}

static void
test_conversions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (conversions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *new_york_en = NULL;
      g_autofree char *new_york_ja = NULL;
      g_autofree char *tokyo_en = NULL;
      g_autofree char *tokyo_ja = NULL;
      gint64 instant = 0;

      g_test_message ("%s in New York", conversions[i].new_york);

      g_assert_true (liaison_time_zone_resolve_local ("America/New_York", conversions[i].new_york, 0,
                                                      &instant, &error));
      g_assert_no_error (error);
      g_assert_cmpint (instant, ==, utc_ms (conversions[i].utc));

      new_york_en = liaison_format_instant (instant, "America/New_York", "en");
      new_york_ja = liaison_format_instant (instant, "America/New_York", "ja");
      tokyo_en = liaison_format_instant (instant, "Asia/Tokyo", "en");
      tokyo_ja = liaison_format_instant (instant, "Asia/Tokyo", "ja");

      g_assert_cmpstr (new_york_en, ==, conversions[i].new_york_en);
      g_assert_cmpstr (new_york_ja, ==, conversions[i].new_york_ja);
      g_assert_cmpstr (tokyo_en, ==, conversions[i].tokyo_en);
      g_assert_cmpstr (tokyo_ja, ==, conversions[i].tokyo_ja);
    }
}

static void
test_nonexistent_and_ambiguous (void)
{
  g_autoptr(GError) error = NULL;
  gint64 instant = 0;

  /* A fold of 0: nobody chose between two 1:30s, as when a time is typed.
   * Clocks jump from 2:00 to 3:00 */
  g_assert_false (liaison_time_zone_resolve_local ("America/New_York", "2026-03-08T02:30", 0, &instant, &error));
  g_assert_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_NONEXISTENT);
  g_clear_error (&error);

  g_assert_false (liaison_time_zone_resolve_local ("America/New_York", "2027-03-14T02:30", 0, &instant, &error));
  g_assert_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_NONEXISTENT);
  g_clear_error (&error);

  /* Clocks go back from 2:00 to 1:00: 1:30 comes twice */
  g_assert_false (liaison_time_zone_resolve_local ("America/New_York", "2026-11-01T01:30", 0, &instant, &error));
  g_assert_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  g_assert_false (liaison_time_zone_resolve_local ("America/New_York", "2027-11-07T01:30", 0, &instant, &error));
  g_assert_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  /* The same wall times in Tokyo are one instant each. */
  g_assert_true (liaison_time_zone_resolve_local ("Asia/Tokyo", "2026-03-08T02:30", 0, &instant, &error));
  g_assert_no_error (error);
  g_assert_cmpint (instant, ==, utc_ms ("2026-03-07T17:30:00Z"));
  g_assert_true (liaison_time_zone_resolve_local ("Asia/Tokyo", "2026-11-01T01:30", 0, &instant, &error));
  g_assert_no_error (error);
  g_assert_cmpint (instant, ==, utc_ms ("2026-10-31T16:30:00Z"));
}

static void
test_format_other_zones (void)
{
  gint64 instant = utc_ms ("2026-11-28T00:00:00Z");
  g_autofree char *sao_paulo = liaison_format_instant (instant, "America/Sao_Paulo", "en");
  g_autofree char *utc = liaison_format_instant (instant, "Etc/UTC", "ja");
  g_autofree char *noon = liaison_format_instant (utc_ms ("2026-11-28T17:05:00Z"), "America/New_York", "en");

  /* A zone without letters is named by its offset. */
  g_assert_cmpstr (sao_paulo, ==, "Fri, Nov 27, 2026, 9:00 PM UTC−03:00");
  g_assert_cmpstr (utc, ==, "2026年11月28日(土) 0:00 UTC");
  g_assert_cmpstr (noon, ==, "Sat, Nov 28, 2026, 12:05 PM EST");

  /* The two 1:30s of the night the clocks go back, told apart */
  {
    g_autofree char *first = liaison_format_instant (utc_ms ("2026-11-01T05:30:00Z"), "America/New_York", "en");
    g_autofree char *second = liaison_format_instant (utc_ms ("2026-11-01T06:30:00Z"), "America/New_York", "ja");

    g_assert_cmpstr (first, ==, "Sun, Nov 1, 2026, 1:30 AM EDT");
    g_assert_cmpstr (second, ==, "2026年11月1日(日) 1:30 EST");
  }

  g_assert_null (liaison_format_instant (instant, "Mars/Olympus_Mons", "en"));
}

#define PASSCODE "739104"

static LiaisonRecord *
add (GPtrArray               *records,
     const LiaisonRecordType *type)
{
  LiaisonRecord *record = liaison_record_new (type);

  g_ptr_array_add (records, record);
  return record;
}

static LiaisonDatabase *
database_with_seminar (LiaisonRecord **seminar_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonRecord *icma = add (records, &liaison_organization_type);
  LiaisonRecord *jane = add (records, &liaison_person_type);
  LiaisonRecord *taro = add (records, &liaison_person_type);
  LiaisonRecord *seminar = add (records, &liaison_seminar_type);
  LiaisonRecord *speaker;

  g_assert_no_error (error);

  liaison_record_set_text (icma, "name", "ICMA");
  liaison_record_set_text (icma, "kind", "us-association");
  liaison_record_set_text (icma, "country", "US");

  liaison_record_set_text (jane, "family_name", "Doe");
  liaison_record_set_text (jane, "given_name", "Jane");
  liaison_record_set_text (taro, "family_name", "山田");
  liaison_record_set_text (taro, "given_name", "太郎");

  liaison_record_set_text (seminar, "title_en", "Budgeting for Outcomes");
  liaison_record_set_text (seminar, "title_ja", "成果重視の予算編成");
  liaison_record_set_integer (seminar, "series_number", 18);
  liaison_record_set_text (seminar, "start_local", "2026-11-27T19:00");
  liaison_record_set_text (seminar, "time_zone", "America/New_York");
  liaison_record_set_integer (seminar, "duration", 90);
  liaison_record_set_text (seminar, "platform", "Zoom");
  liaison_record_set_text (seminar, "join_url", "https://example.zoom.us/j/81234567890");
  liaison_record_set_text (seminar, "passcode", PASSCODE);
  liaison_record_set_text (seminar, "status", "confirmed");

  speaker = add (records, &liaison_speaker_type);
  liaison_record_set_text (speaker, "seminar", liaison_record_get_uuid (seminar));
  liaison_record_set_text (speaker, "person", liaison_record_get_uuid (jane));
  liaison_record_set_text (speaker, "organization", liaison_record_get_uuid (icma));

  speaker = add (records, &liaison_speaker_type);
  liaison_record_set_text (speaker, "seminar", liaison_record_get_uuid (seminar));
  liaison_record_set_text (speaker, "person", liaison_record_get_uuid (taro));

  liaison_database_save_all (db, records, &error);
  g_assert_no_error (error);

  *seminar_out = g_object_ref (seminar);
  return g_steal_pointer (&db);
}

static void
assert_before (const char *text,
               const char *first,
               const char *second)
{
  const char *a = strstr (text, first);
  const char *b = strstr (text, second);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (a < b);
}

static void
test_invitation (void)
{
  g_autoptr(LiaisonRecord) seminar = NULL;
  g_autoptr(LiaisonDatabase) db = database_with_seminar (&seminar);
  g_autofree char *english = NULL;
  g_autofree char *japanese = NULL;
  g_autofree char *same_zone = NULL;

  g_assert_cmpint (liaison_record_get_integer (seminar, "start_utc"), ==, utc_ms ("2026-11-28T00:00:00Z"));

  english = liaison_invitation_text (db, seminar, "en", "America/New_York", "Asia/Tokyo");
  japanese = liaison_invitation_text (db, seminar, "ja", "America/New_York", "Asia/Tokyo");
  g_test_message ("%s", english);
  g_test_message ("%s", japanese);

  g_assert_true (g_utf8_validate (english, -1, NULL));
  g_assert_true (g_utf8_validate (japanese, -1, NULL));

  /* English: the planner's zone first */
  assert_before (english, "Fri, Nov 27, 2026, 7:00 PM EST", "Sat, Nov 28, 2026, 9:00 AM JST");
  g_assert_nonnull (strstr (english, "Budgeting for Outcomes"));
  g_assert_nonnull (strstr (english, "#18"));
  g_assert_nonnull (strstr (english, "90 minutes"));
  g_assert_nonnull (strstr (english, "Jane Doe (ICMA)"));
  g_assert_nonnull (strstr (english, "山田 太郎"));
  g_assert_nonnull (strstr (english, "Zoom"));
  g_assert_nonnull (strstr (english, "https://example.zoom.us/j/81234567890"));
  g_assert_nonnull (strstr (english, "passcode will be sent to you separately"));
  g_assert_null (strstr (english, PASSCODE));
  g_assert_null (strstr (english, "成果重視"));

  /* Japanese, for officials in Japan: their own zone first */
  assert_before (japanese, "2026年11月28日(土) 9:00 JST", "2026年11月27日(金) 19:00 EST");
  g_assert_nonnull (strstr (japanese, "第18回「成果重視の予算編成」"));
  g_assert_nonnull (strstr (japanese, "90分"));
  g_assert_nonnull (strstr (japanese, "Jane Doe（ICMA）"));
  g_assert_nonnull (strstr (japanese, "山田 太郎"));
  g_assert_nonnull (strstr (japanese, "https://example.zoom.us/j/81234567890"));
  g_assert_nonnull (strstr (japanese, "パスコードは別途お知らせいたします"));
  g_assert_null (strstr (japanese, PASSCODE));
  g_assert_null (strstr (japanese, "AM"));

  /* The seminar's own zone is the planner's when none is given, and one
   * zone is shown once. */
  same_zone = liaison_invitation_text (db, seminar, "en", NULL, "America/New_York");
  g_assert_nonnull (strstr (same_zone, "Fri, Nov 27, 2026, 7:00 PM EST"));
  g_assert_null (strstr (same_zone, "JST"));
  g_assert_null (strstr (same_zone, PASSCODE));
}

static void
test_invitation_without_link (void)
{
  g_autoptr(LiaisonRecord) seminar = NULL;
  g_autoptr(LiaisonDatabase) db = database_with_seminar (&seminar);
  g_autoptr(GError) error = NULL;
  g_autofree char *english = NULL;
  g_autofree char *japanese = NULL;

  liaison_record_set_text (seminar, "join_url", "");
  liaison_record_set_text (seminar, "title_ja", "");
  liaison_record_set_text (seminar, "status", "cancelled");
  liaison_database_save (db, seminar, &error);
  g_assert_no_error (error);

  english = liaison_invitation_text (db, seminar, "en", NULL, NULL);
  japanese = liaison_invitation_text (db, seminar, "ja", NULL, NULL);

  g_assert_nonnull (strstr (english, "cancelled"));
  g_assert_nonnull (strstr (english, "join link and the passcode will be sent to you separately"));
  g_assert_nonnull (strstr (japanese, "中止"));
  g_assert_nonnull (strstr (japanese, "参加URLとパスコードは別途お知らせいたします"));
  /* No Japanese title: the English one */
  g_assert_nonnull (strstr (japanese, "第18回「Budgeting for Outcomes」"));
  g_assert_null (strstr (english, PASSCODE));
  g_assert_null (strstr (japanese, PASSCODE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/invitation/conversions", test_conversions);
  g_test_add_func ("/invitation/nonexistent-and-ambiguous", test_nonexistent_and_ambiguous);
  g_test_add_func ("/invitation/format-other-zones", test_format_other_zones);
  g_test_add_func ("/invitation/text", test_invitation);
  g_test_add_func ("/invitation/without-link", test_invitation_without_link);

  return g_test_run ();
}
