/* test-ical.c
 *
 * The seminars as calendar programs read them (RFC 5545): escaped text,
 * lines folded at 75 octets without cutting a character in two, CRLF
 * everywhere, events that keep their UID and raise their SEQUENCE when the
 * seminar changes, times in UTC, and never a passcode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-database.h"
#include "liaison-ical.h"
#include "liaison-records.h"
#include "liaison-test-files.h"

#define PASSCODE "SECRET-482913"
#define JOIN_URL "https://example.zoom.us/j/81234567890?pwd=abc"

/* The content lines of a calendar, unfolded, after checking that every
 * physical line ends in CRLF, holds no other line break, is at most 75
 * octets and is whole UTF-8. */
static GPtrArray *
unfold (const char *text,
        gsize       length)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *end = text + length;

  g_assert_true (length >= 2);
  g_assert_true (text[length - 2] == '\r' && text[length - 1] == '\n');

  while (p < end)
    {
      const char *crlf = g_strstr_len (p, end - p, "\r\n");
      gsize octets;

      g_assert_nonnull (crlf);
      octets = crlf - p;
      g_assert_cmpuint (octets, <=, 75);
      g_assert_null (memchr (p, '\n', octets));
      g_assert_null (memchr (p, '\r', octets));
      g_assert_true (g_utf8_validate (p, octets, NULL));

      if (p[0] == ' ')
        {
          char *last;

          g_assert_cmpuint (lines->len, >, 0);
          last = g_ptr_array_index (lines, lines->len - 1);
          g_ptr_array_index (lines, lines->len - 1) = g_strdup_printf ("%s%.*s", last, (int) octets - 1, p + 1);
          g_free (last);
        }
      else
        g_ptr_array_add (lines, g_strndup (p, octets));

      p = crlf + 2;
    }

  return lines;
}

/* TEXT as it was before escaping */
static char *
unescape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          /* Unescaped, these would end the value or separate values. */
          g_assert_true (*p != ',' && *p != ';');
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'n':
        case 'N':
          g_string_append_c (out, '\n');
          break;

        case '\\':
        case ';':
        case ',':
          g_string_append_c (out, *p);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  GPtrArray  *lines;   /* the calendar's own properties */
  GPtrArray  *events;  /* of GHashTable: property name → value */
} Calendar;

static void
calendar_free (Calendar *calendar)
{
  g_ptr_array_unref (calendar->lines);
  g_ptr_array_unref (calendar->events);
  g_free (calendar);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Calendar, calendar_free)

static Calendar *
parse (GBytes *bytes)
{
  Calendar *calendar = g_new0 (Calendar, 1);
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  g_autoptr(GPtrArray) lines = unfold (text, length);
  GHashTable *event = NULL;

  calendar->lines = g_ptr_array_new_with_free_func (g_free);
  calendar->events = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  g_assert_cmpuint (lines->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");

  for (guint i = 1; i + 1 < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *colon = strchr (line, ':');
      g_autofree char *name = NULL;

      g_assert_nonnull (colon);
      name = g_strndup (line, colon - line);

      if (g_str_equal (line, "BEGIN:VEVENT"))
        {
          g_assert_null (event);
          event = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
      else if (g_str_equal (line, "END:VEVENT"))
        {
          g_assert_nonnull (event);
          g_ptr_array_add (calendar->events, g_steal_pointer (&event));
        }
      else if (event != NULL)
        {
          /* Each property once */
          g_assert_false (g_hash_table_contains (event, name));
          g_hash_table_insert (event, g_steal_pointer (&name), g_strdup (colon + 1));
        }
      else
        g_ptr_array_add (calendar->lines, g_strdup (line));
    }

  g_assert_null (event);
  return calendar;
}

static GHashTable *
find_event (Calendar      *calendar,
            LiaisonRecord *seminar)
{
  g_autofree char *uid = g_strconcat (liaison_record_get_uuid (seminar), "@liaison.jlgc.org", NULL);

  for (guint i = 0; i < calendar->events->len; i++)
    {
      GHashTable *event = g_ptr_array_index (calendar->events, i);

      if (g_strcmp0 (g_hash_table_lookup (event, "UID"), uid) == 0)
        return event;
    }

  return NULL;
}

static char *
format_utc (gint64 utc_ms)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (utc_ms / 1000);

  return g_date_time_format (when, "%Y%m%dT%H%M%SZ");
}

static void
test_escape (void)
{
  struct {
    const char *text;
    const char *escaped;
  } cases[] = {
    { NULL, "" },
    { "", "" },
    { "plain", "plain" },
    { "a,b", "a\\,b" },
    { "a;b", "a\\;b" },
    { "back\\slash", "back\\\\slash" },
    { "two\nlines", "two\\nlines" },
    { "crlf\r\nline", "crlf\\nline" },
    { "cr\rline", "cr\\nline" },
    { "all: ,;\\\n", "all: \\,\\;\\\\\\n" },
    { "tab\tkept, bell\adropped", "tab\tkept\\, belldropped" },
    { "成果重視の予算編成、第1回", "成果重視の予算編成、第1回" },
    { "\\n is not a line break", "\\\\n is not a line break" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = liaison_ical_escape_text (cases[i].text);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
}

static void
assert_folded (const char *line)
{
  g_autofree char *folded = liaison_ical_fold (line);
  g_autoptr(GPtrArray) lines = unfold (folded, strlen (folded));

  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, line);
}

static void
test_fold (void)
{
  g_autofree char *exactly = g_strnfill (75, 'x');
  g_autofree char *one_more = g_strnfill (76, 'x');
  g_autofree char *exactly_folded = liaison_ical_fold (exactly);
  g_autofree char *one_more_folded = liaison_ical_fold (one_more);
  g_autofree char *expected = NULL;
  g_autoptr(GString) long_title = g_string_new ("SUMMARY:");
  g_autofree char *title_folded = NULL;
  g_autofree char *empty = liaison_ical_fold ("");
  const char *p;

  /* 75 octets is one line; 76 are two, the second a space and one */
  expected = g_strconcat (exactly, "\r\n", NULL);
  g_assert_cmpstr (exactly_folded, ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strconcat (exactly, "\r\n x\r\n", NULL);
  g_assert_cmpstr (one_more_folded, ==, expected);
  g_assert_cmpstr (empty, ==, "\r\n");

  /* Three octets a character, after eight: the first line breaks before
   * the 23rd character (74 octets, not 77), never inside one. */
  for (guint i = 0; i < 10; i++)
    g_string_append (long_title, "自治体国際化協会ニューヨーク事務所オンラインセミナー「成果重視の予算編成」");
  title_folded = liaison_ical_fold (long_title->str);
  g_assert_true (g_str_has_prefix (title_folded, "SUMMARY:自治体国際化協会ニューヨーク事務所オンライン\r\n セ"));
  assert_folded (long_title->str);

  for (p = title_folded; *p != '\0'; p++)
    {
      /* CRLF and nothing else ends a line */
      if (*p == '\n')
        g_assert_true (p > title_folded && p[-1] == '\r');
      if (*p == '\r')
        g_assert_true (p[1] == '\n');
    }

  /* Characters of every width, at every offset from the fold */
  for (guint shift = 0; shift < 4; shift++)
    {
      g_autoptr(GString) mixed = g_string_new ("DESCRIPTION:");

      g_string_append (mixed, shift == 0 ? "" : shift == 1 ? "a" : shift == 2 ? "ab" : "abc");
      for (guint i = 0; i < 30; i++)
        g_string_append (mixed, "é日😀,");
      assert_folded (mixed->str);
    }
}

static LiaisonRecord *
add (GPtrArray               *records,
     const LiaisonRecordType *type)
{
  LiaisonRecord *record = liaison_record_new (type);

  g_ptr_array_add (records, record);
  return record;
}

static void
set_seminar (LiaisonRecord *seminar,
             const char    *title_en,
             const char    *title_ja,
             gint64         series,
             const char    *start_local,
             gint64         duration,
             const char    *status)
{
  liaison_record_set_text (seminar, "title_en", title_en);
  liaison_record_set_text (seminar, "title_ja", title_ja);
  liaison_record_set_integer (seminar, "series_number", series);
  liaison_record_set_text (seminar, "start_local", start_local);
  liaison_record_set_text (seminar, "time_zone", "America/New_York");
  liaison_record_set_integer (seminar, "duration", duration);
  liaison_record_set_text (seminar, "status", status);
}

typedef struct
{
  LiaisonDatabase *db;
  LiaisonRecord   *confirmed;  /* with a passcode */
  LiaisonRecord   *cancelled;
  LiaisonRecord   *planned;    /* with speakers and a long Japanese title */
  LiaisonRecord   *deleted;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonRecord *icma = add (records, &liaison_organization_type);
  LiaisonRecord *jane = add (records, &liaison_person_type);
  LiaisonRecord *taro = add (records, &liaison_person_type);
  LiaisonRecord *speaker;

  fixture->db = liaison_database_open (":memory:", &error);
  g_assert_no_error (error);

  liaison_record_set_text (icma, "name", "International City/County Management Association");
  liaison_record_set_text (icma, "kind", "us-association");
  liaison_record_set_text (icma, "country", "US");
  liaison_record_set_text (jane, "family_name", "Doe");
  liaison_record_set_text (jane, "given_name", "Jane");
  liaison_record_set_text (taro, "family_name", "山田");
  liaison_record_set_text (taro, "given_name", "太郎");

  fixture->confirmed = g_object_ref (add (records, &liaison_seminar_type));
  set_seminar (fixture->confirmed, "Budgeting, Outcomes; and \\ More", "成果重視の予算編成",
               12, "2026-11-27T19:00", 90, "confirmed");
  liaison_record_set_text (fixture->confirmed, "platform", "Zoom");
  liaison_record_set_text (fixture->confirmed, "join_url", JOIN_URL);
  liaison_record_set_text (fixture->confirmed, "passcode", PASSCODE);
  liaison_record_set_text (fixture->confirmed, "notes", "Line one\nLine two");

  fixture->cancelled = g_object_ref (add (records, &liaison_seminar_type));
  set_seminar (fixture->cancelled, "Homelessness and Affordable Housing", "",
               0, "2026-07-01T19:00", 60, "cancelled");

  fixture->planned = g_object_ref (add (records, &liaison_seminar_type));
  set_seminar (fixture->planned, "Mayors and Councils",
               "カナダの市長と議会：自治体のリーダーシップと住民参加、そして広域連携の新しいかたちについて考える",
               20, "2027-03-14T19:00", 60, "planned");
  liaison_record_set_text (fixture->planned, "join_url", "https://example.zoom.us/j/99");

  speaker = add (records, &liaison_speaker_type);
  liaison_record_set_text (speaker, "seminar", liaison_record_get_uuid (fixture->planned));
  liaison_record_set_text (speaker, "person", liaison_record_get_uuid (jane));
  liaison_record_set_text (speaker, "organization", liaison_record_get_uuid (icma));
  speaker = add (records, &liaison_speaker_type);
  liaison_record_set_text (speaker, "seminar", liaison_record_get_uuid (fixture->planned));
  liaison_record_set_text (speaker, "person", liaison_record_get_uuid (taro));

  fixture->deleted = g_object_ref (add (records, &liaison_seminar_type));
  set_seminar (fixture->deleted, "Deleted Seminar", "", 0, "2026-05-19T19:00", 60, "planned");

  liaison_database_save_all (fixture->db, records, &error);
  g_assert_no_error (error);
  liaison_database_delete (fixture->db, fixture->deleted, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->confirmed);
  g_clear_object (&fixture->cancelled);
  g_clear_object (&fixture->planned);
  g_clear_object (&fixture->deleted);
  g_clear_object (&fixture->db);
}

static Calendar *
export (Fixture    *fixture,
        GPtrArray  *seminars,
        const char *language,
        GBytes    **bytes_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = liaison_ical_export (fixture->db, seminars, language, &error);
  gsize length;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  /* Never a passcode, in any form */
  data = g_bytes_get_data (bytes, &length);
  g_assert_null (g_strstr_len (data, length, PASSCODE));
  g_assert_null (g_strstr_len (data, length, "482913"));

  if (bytes_out != NULL)
    *bytes_out = g_bytes_ref (bytes);

  return parse (bytes);
}

static void
assert_times (GHashTable    *event,
              LiaisonRecord *seminar)
{
  gint64 start = liaison_record_get_integer (seminar, "start_utc");
  gint64 duration = liaison_record_get_integer (seminar, "duration");
  g_autofree char *dtstart = format_utc (start);
  g_autofree char *dtend = format_utc (start + duration * 60 * 1000);

  g_assert_cmpstr (g_hash_table_lookup (event, "DTSTART"), ==, dtstart);
  g_assert_cmpstr (g_hash_table_lookup (event, "DTEND"), ==, dtend);
}

static gint64
sequence_of (GHashTable *event)
{
  const char *sequence = g_hash_table_lookup (event, "SEQUENCE");
  guint64 value = 0;

  g_assert_nonnull (sequence);
  g_assert_true (g_ascii_string_to_unsigned (sequence, 10, 0, G_MAXINT32, &value, NULL));
  return (gint64) value;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Calendar) calendar = export (fixture, NULL, "en", NULL);
  g_autoptr(GRegex) stamp = g_regex_new ("^[0-9]{8}T[0-9]{6}Z$", 0, 0, NULL);
  g_autofree char *prodid = g_strconcat ("PRODID:-//JLGC//Liaison ", PACKAGE_VERSION, "//EN", NULL);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  GHashTable *event;

  g_assert_cmpuint (calendar->lines->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (calendar->lines, 0), ==, "VERSION:2.0");
  g_assert_cmpstr (g_ptr_array_index (calendar->lines, 1), ==, prodid);
  g_assert_cmpstr (g_ptr_array_index (calendar->lines, 2), ==, "CALSCALE:GREGORIAN");
  g_assert_cmpstr (g_ptr_array_index (calendar->lines, 3), ==, "METHOD:PUBLISH");

  /* The deleted seminar is left out. */
  g_assert_cmpuint (calendar->events->len, ==, 3);
  g_assert_null (find_event (calendar, fixture->deleted));

  for (guint i = 0; i < calendar->events->len; i++)
    {
      event = g_ptr_array_index (calendar->events, i);

      g_assert_true (g_regex_match (stamp, g_hash_table_lookup (event, "DTSTAMP"), 0, NULL));
      g_assert_true (g_regex_match (stamp, g_hash_table_lookup (event, "DTSTART"), 0, NULL));
      g_assert_true (g_regex_match (stamp, g_hash_table_lookup (event, "DTEND"), 0, NULL));
      g_assert_nonnull (g_hash_table_lookup (event, "SUMMARY"));
      g_assert_cmpint (sequence_of (event), ==, 0);
    }

  /* 19:00 in New York on 27 November is midnight in UTC */
  event = find_event (calendar, fixture->confirmed);
  g_assert_nonnull (event);
  g_assert_cmpstr (g_hash_table_lookup (event, "DTSTART"), ==, "20261128T000000Z");
  g_assert_cmpstr (g_hash_table_lookup (event, "DTEND"), ==, "20261128T013000Z");
  assert_times (event, fixture->confirmed);
  g_assert_cmpstr (g_hash_table_lookup (event, "STATUS"), ==, "CONFIRMED");
  summary = unescape (g_hash_table_lookup (event, "SUMMARY"));
  g_assert_cmpstr (summary, ==, "#12 Budgeting, Outcomes; and \\ More");
  g_assert_cmpstr (g_hash_table_lookup (event, "URL"), ==, JOIN_URL);
  description = unescape (g_hash_table_lookup (event, "DESCRIPTION"));
  g_assert_nonnull (strstr (description, JOIN_URL));
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&description, g_free);

  /* In summer New York is four hours behind UTC */
  event = find_event (calendar, fixture->cancelled);
  g_assert_nonnull (event);
  g_assert_cmpstr (g_hash_table_lookup (event, "DTSTART"), ==, "20260701T230000Z");
  g_assert_cmpstr (g_hash_table_lookup (event, "DTEND"), ==, "20260702T000000Z");
  assert_times (event, fixture->cancelled);
  g_assert_cmpstr (g_hash_table_lookup (event, "STATUS"), ==, "CANCELLED");
  g_assert_cmpstr (g_hash_table_lookup (event, "SUMMARY"), ==, "Homelessness and Affordable Housing");
  g_assert_false (g_hash_table_contains (event, "URL"));
  g_assert_false (g_hash_table_contains (event, "DESCRIPTION"));

  /* The evening after the clocks changed on 14 March 2027 */
  event = find_event (calendar, fixture->planned);
  g_assert_nonnull (event);
  g_assert_cmpstr (g_hash_table_lookup (event, "DTSTART"), ==, "20270314T230000Z");
  assert_times (event, fixture->planned);
  g_assert_cmpstr (g_hash_table_lookup (event, "STATUS"), ==, "TENTATIVE");
  g_assert_cmpstr (g_hash_table_lookup (event, "SUMMARY"), ==, "#20 Mayors and Councils");
  description = unescape (g_hash_table_lookup (event, "DESCRIPTION"));
  g_assert_cmpstr (description, ==,
                   "Speakers:\n"
                   "Jane Doe (International City/County Management Association)\n"
                   "山田 太郎\n"
                   "Join link: https://example.zoom.us/j/99");
}

static void
test_export_japanese (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Calendar) calendar = export (fixture, NULL, "ja", &bytes);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  GHashTable *event;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  event = find_event (calendar, fixture->planned);
  summary = unescape (g_hash_table_lookup (event, "SUMMARY"));
  g_assert_cmpstr (summary, ==, "#20 カナダの市長と議会：自治体のリーダーシップと住民参加、そして広域連携の新しいかたちについて考える");
  description = unescape (g_hash_table_lookup (event, "DESCRIPTION"));
  g_assert_cmpstr (description, ==,
                   "講師：\n"
                   "Jane Doe（International City/County Management Association）\n"
                   "山田 太郎\n"
                   "参加URL：https://example.zoom.us/j/99");

  /* The long Japanese title is folded, and its continuation lines are
   * whole characters (unfold() checks every line). */
  g_assert_nonnull (g_strstr_len (text, length, "\r\n "));

  /* Without a Japanese title, the English one */
  event = find_event (calendar, fixture->cancelled);
  g_assert_cmpstr (g_hash_table_lookup (event, "SUMMARY"), ==, "Homelessness and Affordable Housing");
}

static void
test_stable_and_sequence (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Calendar) first = export (fixture, NULL, "en", NULL);
  g_autoptr(Calendar) second = NULL;
  g_autoptr(Calendar) third = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *before;
  GHashTable *after;

  /* The same UIDs, export after export */
  second = export (fixture, NULL, "en", NULL);
  g_assert_cmpuint (first->events->len, ==, second->events->len);
  for (guint i = 0; i < first->events->len; i++)
    {
      before = g_ptr_array_index (first->events, i);
      after = g_ptr_array_index (second->events, i);
      g_assert_cmpstr (g_hash_table_lookup (before, "UID"), ==, g_hash_table_lookup (after, "UID"));
      g_assert_cmpstr (g_hash_table_lookup (before, "SEQUENCE"), ==, g_hash_table_lookup (after, "SEQUENCE"));
    }

  /* Moving a seminar raises its sequence, and only its own. */
  liaison_record_set_text (fixture->confirmed, "start_local", "2026-11-27T20:00");
  liaison_database_save (fixture->db, fixture->confirmed, &error);
  g_assert_no_error (error);
  liaison_record_set_text (fixture->confirmed, "status", "held");
  liaison_database_save (fixture->db, fixture->confirmed, &error);
  g_assert_no_error (error);
  /* Saving without a change is no change */
  liaison_database_save (fixture->db, fixture->confirmed, &error);
  g_assert_no_error (error);

  third = export (fixture, NULL, "en", NULL);
  g_assert_cmpuint (third->events->len, ==, 3);

  before = find_event (first, fixture->confirmed);
  after = find_event (third, fixture->confirmed);
  g_assert_cmpstr (g_hash_table_lookup (before, "UID"), ==, g_hash_table_lookup (after, "UID"));
  g_assert_cmpint (sequence_of (after), ==, sequence_of (before) + 2);
  g_assert_cmpstr (g_hash_table_lookup (after, "DTSTART"), ==, "20261128T010000Z");
  g_assert_cmpstr (g_hash_table_lookup (after, "STATUS"), ==, "CONFIRMED");
  assert_times (after, fixture->confirmed);

  g_assert_cmpint (sequence_of (find_event (third, fixture->cancelled)), ==,
                   sequence_of (find_event (first, fixture->cancelled)));
  g_assert_cmpint (sequence_of (find_event (third, fixture->planned)), ==,
                   sequence_of (find_event (first, fixture->planned)));
}

static void
test_chosen_seminars (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) seminars = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(Calendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonRecord *deleted;

  deleted = liaison_database_get (fixture->db, &liaison_seminar_type,
                                  liaison_record_get_uuid (fixture->deleted), &error);
  g_assert_no_error (error);
  g_assert_true (liaison_record_is_deleted (deleted));

  g_ptr_array_add (seminars, g_object_ref (fixture->planned));
  g_ptr_array_add (seminars, deleted);
  g_ptr_array_add (seminars, g_object_ref (fixture->cancelled));

  /* In the order given, without the deleted one */
  calendar = export (fixture, seminars, "en", NULL);
  g_assert_cmpuint (calendar->events->len, ==, 2);
  g_assert_true (g_ptr_array_index (calendar->events, 0) == find_event (calendar, fixture->planned));
  g_assert_true (g_ptr_array_index (calendar->events, 1) == find_event (calendar, fixture->cancelled));
  g_clear_pointer (&calendar, calendar_free);

  /* None is an empty calendar, still a valid one */
  g_ptr_array_set_size (seminars, 0);
  calendar = export (fixture, seminars, "en", NULL);
  g_assert_cmpuint (calendar->events->len, ==, 0);
}

static void
test_export_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-ical-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "seminars.ics", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "seminars.ics", NULL);
  g_autofree char *text = NULL;
  gsize length = 0;
  GStatBuf st;

  g_assert_no_error (error);

  g_assert_true (liaison_ical_export_file (fixture->db, NULL, "en", path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_null (strstr (text, PASSCODE));

  g_assert_false (liaison_ical_export_file (fixture->db, NULL, "en", nowhere, &error));
  g_assert_error (error, LIAISON_ICAL_ERROR, LIAISON_ICAL_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/escape", test_escape);
  g_test_add_func ("/ical/fold", test_fold);
  g_test_add ("/ical/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/ical/export-japanese", Fixture, NULL, fixture_set_up, test_export_japanese, fixture_tear_down);
  g_test_add ("/ical/stable-and-sequence", Fixture, NULL, fixture_set_up, test_stable_and_sequence, fixture_tear_down);
  g_test_add ("/ical/chosen-seminars", Fixture, NULL, fixture_set_up, test_chosen_seminars, fixture_tear_down);
  g_test_add ("/ical/export-file", Fixture, NULL, fixture_set_up, test_export_file, fixture_tear_down);

  return g_test_run ();
}
