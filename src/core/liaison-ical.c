/* liaison-ical.c
 *
 * The seminars as an iCalendar file (RFC 5545) for calendar programs: one
 * VEVENT a seminar, its times in UTC, so that every calendar shows it in
 * its own zone. An event's UID is the seminar's uuid, so that importing the
 * file again updates the events rather than adding new ones, and its
 * SEQUENCE grows with every change made to the seminar, so that calendars
 * take the new version over the old. The meeting passcode is never
 * written: calendars are shared and synced to places the passcode must not
 * go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-database-private.h"
#include "liaison-ical.h"
#include "liaison-invitation.h"
#include "liaison-record-list.h"
#include "liaison-records.h"

/* Content lines are folded after this many octets (RFC 5545, 3.1). */
#define MAX_LINE_OCTETS 75

G_DEFINE_QUARK (liaison-ical-error-quark, liaison_ical_error)

/**
 * liaison_ical_escape_text:
 * @text: (nullable): a value of type TEXT
 *
 * Escapes @text as RFC 5545 (3.3.11) wants a TEXT value: a backslash
 * before every backslash, semicolon and comma, and "\n" for a line break
 * (of any kind). Other control characters, which TEXT may not hold, are
 * left out.
 *
 * Returns: (transfer full): the escaped value
 */
char *
liaison_ical_escape_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid) + 16);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;

        case ';':
          g_string_append (out, "\\;");
          break;

        case ',':
          g_string_append (out, "\\,");
          break;

        case '\r':
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\\n");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        default:
          if (((guchar) *p < 0x20 && *p != '\t') || *p == 0x7f)
            break;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * liaison_ical_fold:
 * @content_line: one content line, without its line end, in UTF-8
 *
 * Folds @content_line as RFC 5545 (3.1) wants: no line longer than 75
 * octets, each continuation starting with a space (which counts toward its
 * 75), and never a break inside a UTF-8 character.
 *
 * Returns: (transfer full): the folded line, ending in CRLF
 */
char *
liaison_ical_fold (const char *content_line)
{
  GString *out;
  gsize octets = 0;

  g_return_val_if_fail (content_line != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (content_line, -1, NULL), NULL);

  out = g_string_sized_new (strlen (content_line) + 8);

  for (const char *p = content_line; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gsize width = (gsize) (next - p);

      if (octets + width > MAX_LINE_OCTETS)
        {
          g_string_append (out, "\r\n ");
          octets = 1;
        }

      g_string_append_len (out, p, (gssize) width);
      octets += width;
      p = next;
    }

  g_string_append (out, "\r\n");

  return g_string_free (out, FALSE);
}

/* NAME:VALUE, with VALUE as it is written (already escaped if TEXT). */
static void
add_line (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  g_autofree char *folded = liaison_ical_fold (line);

  g_string_append (out, folded);
}

static void
add_text (GString    *out,
          const char *name,
          const char *text)
{
  g_autofree char *escaped = liaison_ical_escape_text (text);

  add_line (out, name, escaped);
}

/* A DATE-TIME in UTC: 20261128T000000Z */
static char *
format_utc (gint64 utc_ms)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc_usec (utc_ms * 1000);

  if (when == NULL)
    return NULL;

  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02dZ",
                          g_date_time_get_year (when),
                          g_date_time_get_month (when),
                          g_date_time_get_day_of_month (when),
                          g_date_time_get_hour (when),
                          g_date_time_get_minute (when),
                          g_date_time_get_second (when));
}

/* How many times the seminar was changed after it was made, by the change
 * log: one count along its index by uuid. */
static gboolean
count_updates (LiaisonDatabase  *database,
               LiaisonRecord    *seminar,
               gint64           *count,
               GError          **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = liaison_database_prepare (database,
                                   "SELECT COUNT(*) FROM changes "
                                   "WHERE record_uuid = ?1 AND record_type = 'seminar' AND action = 'update'",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, liaison_record_get_uuid (seminar), -1, SQLITE_TRANSIENT);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (status != SQLITE_ROW)
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
                   /* Translators: SQLite's own words for what went wrong */
                   _("The seminars could not be read from the database: %s."),
                   sqlite3_errmsg (liaison_database_get_handle (database)));
      return FALSE;
    }

  return TRUE;
}

static const char *
event_status (LiaisonRecord *seminar)
{
  const char *status = liaison_record_get_text (seminar, "status");

  if (g_str_equal (status, "cancelled"))
    return "CANCELLED";
  if (g_str_equal (status, "confirmed") || g_str_equal (status, "held"))
    return "CONFIRMED";
  return "TENTATIVE";
}

/* The speakers and the join link. Not through the translations: the
 * language is the one asked for, as for liaison_invitation_text(). */
static char *
describe (LiaisonDatabase *database,
          LiaisonRecord   *seminar,
          const char      *language)
{
  g_auto(GStrv) speakers = liaison_seminar_dup_speakers (database, seminar, language);
  const char *join_url = liaison_record_get_text (seminar, "join_url");
  gboolean japanese = g_strcmp0 (language, "ja") == 0;
  GString *text = g_string_new (NULL);
  guint n_speakers = g_strv_length (speakers);

  if (n_speakers == 1)
    g_string_append_printf (text, japanese ? "講師：%s\n" : "Speaker: %s\n", speakers[0]);
  else if (n_speakers > 1)
    {
      g_string_append (text, japanese ? "講師：\n" : "Speakers:\n");
      for (guint i = 0; i < n_speakers; i++)
        g_string_append_printf (text, "%s\n", speakers[i]);
    }

  if (join_url[0] != '\0')
    g_string_append_printf (text, japanese ? "参加URL：%s\n" : "Join link: %s\n", join_url);

  /* No line break after the last line */
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

static gboolean
add_event (GString          *out,
           LiaisonDatabase  *database,
           LiaisonRecord    *seminar,
           const char       *language,
           const char       *stamp,
           GError          **error)
{
  g_autofree char *uid = NULL;
  g_autofree char *sequence = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const char *join_url = liaison_record_get_text (seminar, "join_url");
  gint64 start_utc = liaison_record_get_integer (seminar, "start_utc");
  gint64 duration = liaison_record_get_integer (seminar, "duration");
  gint64 series = liaison_record_get_integer (seminar, "series_number");
  gint64 n_updates = 0;

  if (!count_updates (database, seminar, &n_updates, error))
    return FALSE;

  uid = g_strconcat (liaison_record_get_uuid (seminar), "@liaison.jlgc.org", NULL);
  sequence = g_strdup_printf ("%" G_GINT64_FORMAT, n_updates);
  start = format_utc (start_utc);
  end = format_utc (start_utc + duration * 60 * 1000);
  title = liaison_seminar_dup_title (seminar, language);
  if (series > 0)
    summary = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", series, title);
  else
    summary = g_steal_pointer (&title);
  description = describe (database, seminar, language);

  add_line (out, "BEGIN", "VEVENT");
  add_line (out, "UID", uid);
  add_line (out, "SEQUENCE", sequence);
  add_line (out, "DTSTAMP", stamp);
  add_line (out, "DTSTART", start);
  add_line (out, "DTEND", end);
  add_text (out, "SUMMARY", summary);
  if (description[0] != '\0')
    add_text (out, "DESCRIPTION", description);
  /* A URI, not TEXT: written as it is, if it is one line */
  if (join_url[0] != '\0' && strpbrk (join_url, "\r\n") == NULL)
    add_line (out, "URL", join_url);
  add_line (out, "STATUS", event_status (seminar));
  add_line (out, "END", "VEVENT");

  return TRUE;
}

/**
 * liaison_ical_export:
 * @database: a database
 * @seminars: (nullable) (element-type LiaisonRecord): the seminars to
 *   write, in order; %NULL for every seminar that is not deleted, by start
 * @language: "en" or "ja": the language of the titles and descriptions
 * @error: return location for a #GError
 *
 * Writes the seminars as an iCalendar object of one VEVENT a seminar, in
 * UTC, with CRLF line ends and every line folded. Deleted seminars are
 * left out, and so is every passcode.
 *
 * Returns: (transfer full) (nullable): the calendar in UTF-8
 */
GBytes *
liaison_ical_export (LiaisonDatabase  *database,
                     GPtrArray        *seminars,
                     const char       *language,
                     GError          **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (seminars == NULL)
    {
      g_autoptr(LiaisonRecordList) list = liaison_record_list_new (database, &liaison_seminar_type);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

      all = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (list), i));
      seminars = all;
    }

  stamp = format_utc (liaison_database_now (database));

  add_line (out, "BEGIN", "VCALENDAR");
  add_line (out, "VERSION", "2.0");
  add_line (out, "PRODID", "-//JLGC//Liaison " PACKAGE_VERSION "//EN");
  add_line (out, "CALSCALE", "GREGORIAN");
  add_line (out, "METHOD", "PUBLISH");

  for (guint i = 0; i < seminars->len; i++)
    {
      LiaisonRecord *seminar = g_ptr_array_index (seminars, i);

      g_return_val_if_fail (LIAISON_IS_RECORD (seminar), NULL);
      g_return_val_if_fail (liaison_record_get_record_type (seminar) == &liaison_seminar_type, NULL);

      if (liaison_record_is_deleted (seminar))
        continue;

      if (!add_event (out, database, seminar, language, stamp, error))
        return NULL;
    }

  add_line (out, "END", "VCALENDAR");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * liaison_ical_export_file:
 * @database: a database
 * @seminars: (nullable) (element-type LiaisonRecord): as for
 *   liaison_ical_export()
 * @language: "en" or "ja"
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the calendar to @path at once: a reader never sees half a file,
 * and a failure leaves whatever was there before. The file is readable by
 * its owner only, as it names the speakers and the join links.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_ical_export_file (LiaisonDatabase  *database,
                          GPtrArray        *seminars,
                          const char       *language,
                          const char       *path,
                          GError          **error)
{
  g_autoptr(GBytes) calendar = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);

  calendar = liaison_ical_export (database, seminars, language, error);
  if (calendar == NULL)
    return FALSE;

  data = g_bytes_get_data (calendar, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, LIAISON_ICAL_ERROR, LIAISON_ICAL_ERROR_WRITE,
                   /* Translators: a file, then the reason */
                   _("The calendar could not be written to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
