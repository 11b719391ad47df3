/* liaison-invitation.c
 *
 * The text that invites people to a seminar, in English for partners in
 * North America or in Japanese for officials in Japan: the title, the
 * start in the audience's zone and in the planner's, the length, the
 * speakers, the platform and the join link. Never the passcode: that goes
 * out separately, and the text says so.
 *
 * The language of an invitation is the one asked for, not the language of
 * the user interface: a coordinator who runs Liaison in English writes to
 * officials in Japan in Japanese, and the same words must come out whoever
 * runs it. So both texts, and their dates, are literal strings here chosen
 * by the language, and do not go through the translations in po/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-invitation"

#include "config.h"

#include <string.h>

#include "liaison-database-private.h"
#include "liaison-invitation.h"
#include "liaison-records.h"
#include "liaison-time-zones.h"

/* The zone the audience of a Japanese invitation lives in, and the
 * planner's when a seminar has none. */
#define AUDIENCE_ZONE "Asia/Tokyo"
#define PLANNING_ZONE "America/New_York"

static gboolean
is_japanese (const char *language)
{
  return g_strcmp0 (language, "ja") == 0;
}

/* The zone's abbreviation at @local ("EST", "JST"), or its offset where
 * the time zone database has no letters for it ("-03" becomes
 * "UTC−03:00"). */
static char *
dup_zone_abbreviation (const char *zone,
                       GDateTime  *local)
{
  const char *abbreviation = g_date_time_get_timezone_abbreviation (local);

  if (abbreviation == NULL || abbreviation[0] == '\0' ||
      abbreviation[0] == '+' || abbreviation[0] == '-' || g_ascii_isdigit (abbreviation[0]))
    return liaison_time_zone_dup_offset (zone, local);

  return g_strdup (abbreviation);
}

/**
 * liaison_format_instant:
 * @utc_ms: an instant, in milliseconds since 1970 UTC
 * @zone: the IANA identifier of the zone to show it in
 * @language: "en" or "ja"; any other is taken as "en"
 *
 * An instant as an invitation writes it, with the zone's abbreviation:
 * "Sat, Nov 28, 2026, 9:00 AM JST" in English, "2026年11月28日(土) 9:00
 * JST" in Japanese. The words are the same whatever the language of the
 * user interface.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for an unknown
 *   zone
 */
char *
liaison_format_instant (gint64      utc_ms,
                        const char *zone,
                        const char *language)
{
  static const char * const weekdays_en[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const weekdays_ja[] = { "月", "火", "水", "木", "金", "土", "日" };
  static const char * const months_en[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  g_autoptr(GTimeZone) time_zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *abbreviation = NULL;
  int weekday;
  int hour;

  g_return_val_if_fail (zone != NULL, NULL);

  time_zone = g_time_zone_new_identifier (zone);
  if (time_zone == NULL)
    return NULL;

  utc = g_date_time_new_from_unix_utc_usec (utc_ms * 1000);
  if (utc == NULL)
    return NULL;

  local = g_date_time_to_timezone (utc, time_zone);
  abbreviation = dup_zone_abbreviation (zone, local);
  weekday = g_date_time_get_day_of_week (local) - 1;
  hour = g_date_time_get_hour (local);

  if (is_japanese (language))
    return g_strdup_printf ("%d年%d月%d日(%s) %d:%02d %s",
                            g_date_time_get_year (local),
                            g_date_time_get_month (local),
                            g_date_time_get_day_of_month (local),
                            weekdays_ja[weekday],
                            hour,
                            g_date_time_get_minute (local),
                            abbreviation);

  return g_strdup_printf ("%s, %s %d, %d, %d:%02d %s %s",
                          weekdays_en[weekday],
                          months_en[g_date_time_get_month (local) - 1],
                          g_date_time_get_day_of_month (local),
                          g_date_time_get_year (local),
                          hour % 12 == 0 ? 12 : hour % 12,
                          g_date_time_get_minute (local),
                          hour < 12 ? "AM" : "PM",
                          abbreviation);
}

static LiaisonRecord *
get_live (LiaisonDatabase         *database,
          const LiaisonRecordType *type,
          const char              *uuid)
{
  LiaisonRecord *record;

  if (uuid == NULL || uuid[0] == '\0')
    return NULL;

  record = liaison_database_get (database, type, uuid, NULL);
  if (record != NULL && liaison_record_is_deleted (record))
    g_clear_object (&record);

  return record;
}

/**
 * liaison_seminar_dup_speakers:
 * @database: a database
 * @seminar: a seminar
 * @language: "en" or "ja"
 *
 * The seminar's speakers as an invitation names them: the person's name,
 * then the organization they speak for (the speaker's, or else the
 * person's own) in brackets, "Jane Doe (ICMA)" or "Jane Doe（ICMA）".
 * Speakers and people that are deleted are left out.
 *
 * Returns: (transfer full): the speakers, in the order they were added
 */
GStrv
liaison_seminar_dup_speakers (LiaisonDatabase *database,
                              LiaisonRecord   *seminar,
                              const char      *language)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LIAISON_IS_RECORD (seminar), NULL);
  g_return_val_if_fail (liaison_record_get_record_type (seminar) == &liaison_seminar_type, NULL);

  /* Along the index of speakers by seminar; the records are read first,
   * as looking up their people reuses other cached statements. */
  sql = g_strconcat ("SELECT ", liaison_database_select_sql (database, &liaison_speaker_type),
                     " FROM speaker WHERE seminar = ?1 AND deleted_at IS NULL ORDER BY id", NULL);
  stmt = liaison_database_prepare (database, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (seminar), -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (speakers, liaison_database_load_row (database, &liaison_speaker_type, stmt));
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < speakers->len; i++)
    {
      LiaisonRecord *speaker = g_ptr_array_index (speakers, i);
      g_autoptr(LiaisonRecord) person = NULL;
      g_autoptr(LiaisonRecord) organization = NULL;
      g_autofree char *name = NULL;
      const char *organization_uuid;

      person = get_live (database, &liaison_person_type, liaison_record_get_text (speaker, "person"));
      if (person == NULL)
        continue;

      organization_uuid = liaison_record_get_text (speaker, "organization");
      if (organization_uuid[0] == '\0')
        organization_uuid = liaison_record_get_text (person, "organization");
      organization = get_live (database, &liaison_organization_type, organization_uuid);

      name = liaison_person_dup_display_name (person);
      if (organization == NULL || liaison_record_get_text (organization, "name")[0] == '\0')
        g_strv_builder_add (names, name);
      else if (is_japanese (language))
        g_strv_builder_take (names, g_strdup_printf ("%s（%s）", name,
                                                     liaison_record_get_text (organization, "name")));
      else
        g_strv_builder_take (names, g_strdup_printf ("%s (%s)", name,
                                                     liaison_record_get_text (organization, "name")));
    }

  return g_strv_builder_end (names);
}

/**
 * liaison_seminar_dup_title:
 * @seminar: a seminar
 * @language: "en" or "ja"
 *
 * Returns: (transfer full): the Japanese title for "ja" when there is one,
 *   the English title otherwise, without the series number
 */
char *
liaison_seminar_dup_title (LiaisonRecord *seminar,
                           const char    *language)
{
  const char *title_ja;

  g_return_val_if_fail (LIAISON_IS_RECORD (seminar), NULL);

  title_ja = liaison_record_get_text (seminar, "title_ja");
  if (is_japanese (language) && title_ja[0] != '\0')
    return g_strdup (title_ja);

  return g_strdup (liaison_record_get_text (seminar, "title_en"));
}

/* The instant in @zone, or in UTC when the zone is unknown here. */
static char *
format_in (gint64      utc_ms,
           const char *zone,
           const char *language)
{
  char *text = liaison_format_instant (utc_ms, zone, language);

  if (text == NULL)
    text = liaison_format_instant (utc_ms, "Etc/UTC", language);

  return text;
}

static void
append_english (GString       *out,
                LiaisonRecord *seminar,
                const char    *title,
                const char    *first,
                const char    *second,
                GStrv          speakers)
{
  gint64 series = liaison_record_get_integer (seminar, "series_number");
  gint64 duration = liaison_record_get_integer (seminar, "duration");
  const char *platform = liaison_record_get_text (seminar, "platform");
  const char *join_url = liaison_record_get_text (seminar, "join_url");
  gboolean has_passcode = liaison_record_get_text (seminar, "passcode")[0] != '\0';
  guint n_speakers = g_strv_length (speakers);

  if (g_str_equal (liaison_record_get_text (seminar, "status"), "cancelled"))
    g_string_append (out, "This seminar has been cancelled.\n\n");

  g_string_append (out, "The Japan Local Government Center (JLGC) invites you to an online seminar.\n\n");

  if (series > 0)
    g_string_append_printf (out, "#%" G_GINT64_FORMAT " ", series);
  g_string_append_printf (out, "%s\n\n", title);

  if (second != NULL)
    g_string_append_printf (out, "When: %s (%s)\n", first, second);
  else
    g_string_append_printf (out, "When: %s\n", first);

  g_string_append_printf (out, "Duration: %" G_GINT64_FORMAT " %s\n",
                          duration, duration == 1 ? "minute" : "minutes");

  if (n_speakers == 1)
    g_string_append_printf (out, "Speaker: %s\n", speakers[0]);
  else if (n_speakers > 1)
    {
      g_string_append (out, "Speakers:\n");
      for (guint i = 0; i < n_speakers; i++)
        g_string_append_printf (out, "• %s\n", speakers[i]);
    }

  if (platform[0] != '\0')
    g_string_append_printf (out, "Where: online, on %s\n", platform);
  else
    g_string_append (out, "Where: online\n");

  if (join_url[0] != '\0')
    g_string_append_printf (out, "Join link: %s\n", join_url);

  if (join_url[0] == '\0' && has_passcode)
    g_string_append (out, "\nThe join link and the passcode will be sent to you separately.\n");
  else if (join_url[0] == '\0')
    g_string_append (out, "\nThe join link will be sent to you separately.\n");
  else if (has_passcode)
    g_string_append (out, "\nThe passcode will be sent to you separately.\n");
}

static void
append_japanese (GString       *out,
                 LiaisonRecord *seminar,
                 const char    *title,
                 const char    *first,
                 const char    *second,
                 GStrv          speakers)
{
  gint64 series = liaison_record_get_integer (seminar, "series_number");
  gint64 duration = liaison_record_get_integer (seminar, "duration");
  const char *platform = liaison_record_get_text (seminar, "platform");
  const char *join_url = liaison_record_get_text (seminar, "join_url");
  gboolean has_passcode = liaison_record_get_text (seminar, "passcode")[0] != '\0';
  guint n_speakers = g_strv_length (speakers);

  if (g_str_equal (liaison_record_get_text (seminar, "status"), "cancelled"))
    g_string_append (out, "【中止】本セミナーは中止となりました。\n\n");

  g_string_append (out, "自治体国際化協会ニューヨーク事務所（JLGC）では、"
                        "下記のとおりオンラインセミナーを開催いたします。"
                        "ぜひご参加ください。\n\n");

  if (series > 0)
    g_string_append_printf (out, "第%" G_GINT64_FORMAT "回「%s」\n\n", series, title);
  else
    g_string_append_printf (out, "「%s」\n\n", title);

  /* The planner's local time after the audience's own */
  if (second != NULL)
    g_string_append_printf (out, "日時：%s（現地時間 %s）\n", first, second);
  else
    g_string_append_printf (out, "日時：%s\n", first);

  g_string_append_printf (out, "所要時間：%" G_GINT64_FORMAT "分\n", duration);

  if (n_speakers == 1)
    g_string_append_printf (out, "講師：%s\n", speakers[0]);
  else if (n_speakers > 1)
    {
      g_string_append (out, "講師：\n");
      for (guint i = 0; i < n_speakers; i++)
        g_string_append_printf (out, "・%s\n", speakers[i]);
    }

  if (platform[0] != '\0')
    g_string_append_printf (out, "形式：オンライン（%s）\n", platform);
  else
    g_string_append (out, "形式：オンライン\n");

  if (join_url[0] != '\0')
    g_string_append_printf (out, "参加URL：%s\n", join_url);

  if (join_url[0] == '\0' && has_passcode)
    g_string_append (out, "\n参加URLとパスコードは別途お知らせいたします。\n");
  else if (join_url[0] == '\0')
    g_string_append (out, "\n参加URLは別途お知らせいたします。\n");
  else if (has_passcode)
    g_string_append (out, "\nパスコードは別途お知らせいたします。\n");
}

/**
 * liaison_invitation_text:
 * @database: the database of @seminar, for its speakers
 * @seminar: a seminar
 * @language: "en" or "ja"; any other is taken as "en"
 * @planning_zone: (nullable): the IANA zone the seminar is planned in;
 *   %NULL for the seminar's own
 * @audience_zone: (nullable): the IANA zone of those invited; %NULL for
 *   Asia/Tokyo
 *
 * A short invitation to @seminar in @language, whatever the language of
 * the user interface: the Japanese one is written for officials in Japan,
 * with the start in their zone first; the English one gives the planner's
 * zone first. The start is shown in one zone only when the two are the
 * same. The passcode is never written; the text says that it will be sent
 * separately.
 *
 * Returns: (transfer full): the text, lines ending in "\n"
 */
char *
liaison_invitation_text (LiaisonDatabase *database,
                         LiaisonRecord   *seminar,
                         const char      *language,
                         const char      *planning_zone,
                         const char      *audience_zone)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) speakers = NULL;
  g_autofree char *title = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *audience = NULL;
  gint64 start;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LIAISON_IS_RECORD (seminar), NULL);
  g_return_val_if_fail (liaison_record_get_record_type (seminar) == &liaison_seminar_type, NULL);

  if (planning_zone == NULL || planning_zone[0] == '\0')
    planning_zone = liaison_record_get_text (seminar, "time_zone");
  if (planning_zone[0] == '\0')
    planning_zone = PLANNING_ZONE;
  if (audience_zone == NULL || audience_zone[0] == '\0')
    audience_zone = AUDIENCE_ZONE;

  start = liaison_record_get_integer (seminar, "start_utc");
  planned = format_in (start, planning_zone, language);
  if (!g_str_equal (planning_zone, audience_zone))
    audience = format_in (start, audience_zone, language);

  title = liaison_seminar_dup_title (seminar, language);
  speakers = liaison_seminar_dup_speakers (database, seminar, language);

  if (is_japanese (language))
    append_japanese (out, seminar, title,
                     audience != NULL ? audience : planned,
                     audience != NULL ? planned : NULL,
                     speakers);
  else
    append_english (out, seminar, title, planned, audience, speakers);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
