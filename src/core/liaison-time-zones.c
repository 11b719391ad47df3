/* liaison-time-zones.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-time-zones"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "liaison-time-zones.h"

/* The zones the office works in: Japan, and the places in North America
 * and the Caribbean that JLGC covers. Any other IANA zone is accepted too;
 * these are the ones offered in lists, with names a person recognises.
 */
static const struct {
  const char *identifier;
  const char *place;
} builtin_zones[] = {
  { "America/New_York",    N_("New York") },
  { "Asia/Tokyo",          N_("Tokyo") },
  { "America/Chicago",     N_("Chicago") },
  { "America/Denver",      N_("Denver") },
  { "America/Phoenix",     N_("Phoenix") },
  { "America/Los_Angeles", N_("Los Angeles") },
  { "America/Anchorage",   N_("Anchorage") },
  { "Pacific/Honolulu",    N_("Honolulu") },
  { "America/Puerto_Rico", N_("San Juan") },
  { "America/Jamaica",     N_("Kingston") },
  { "America/Port_of_Spain", N_("Port of Spain") },
  { "America/St_Johns",    N_("St. John’s") },
  { "America/Halifax",     N_("Halifax") },
  { "America/Toronto",     N_("Toronto") },
  { "America/Winnipeg",    N_("Winnipeg") },
  { "America/Regina",      N_("Regina") },
  { "America/Edmonton",    N_("Edmonton") },
  { "America/Vancouver",   N_("Vancouver") },
  { "Etc/UTC",             N_("Coordinated Universal Time") },
};

G_DEFINE_QUARK (liaison-time-zone-error-quark, liaison_time_zone_error)

guint
liaison_time_zones_get_n_builtin (void)
{
  return G_N_ELEMENTS (builtin_zones);
}

/**
 * liaison_time_zones_get_builtin:
 * @position: an index below liaison_time_zones_get_n_builtin()
 *
 * Returns: the IANA identifier of the built-in zone at @position
 */
const char *
liaison_time_zones_get_builtin (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (builtin_zones), NULL);

  return builtin_zones[position].identifier;
}

/**
 * liaison_time_zone_validate:
 * @identifier: an IANA time zone identifier such as "America/New_York"
 * @error: return location for a #GError
 *
 * Checks that @identifier names a zone of the system's time zone database.
 * GLib would silently give UTC for an unknown name; a seminar planned in
 * the wrong zone is worse than an error.
 *
 * Returns: %TRUE if the zone is known
 */
gboolean
liaison_time_zone_validate (const char  *identifier,
                            GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (identifier != NULL && identifier[0] != '\0')
    zone = g_time_zone_new_identifier (identifier);

  if (zone == NULL)
    {
      g_set_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_UNKNOWN,
                   /* Translators: %s is a time zone name such as America/New_York */
                   _("“%s” is not a time zone known to this system."),
                   identifier != NULL ? identifier : "");
      return FALSE;
    }

  return TRUE;
}

/**
 * liaison_time_zone_dup_place_name:
 * @identifier: an IANA time zone identifier
 *
 * The translated name of the place a zone is named after, for the built-in
 * zones; for any other zone, the last part of its identifier with
 * underscores as spaces ("America/Mexico_City" gives "Mexico City").
 *
 * Returns: (transfer full): a name to show
 */
char *
liaison_time_zone_dup_place_name (const char *identifier)
{
  const char *slash;
  char *name;

  g_return_val_if_fail (identifier != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_zones); i++)
    {
      if (g_strcmp0 (builtin_zones[i].identifier, identifier) == 0)
        return g_strdup (_(builtin_zones[i].place));
    }

  slash = strrchr (identifier, '/');
  name = g_strdup (slash != NULL ? slash + 1 : identifier);
  g_strdelimit (name, "_", ' ');

  return name;
}

/**
 * liaison_time_zone_dup_offset:
 * @identifier: an IANA time zone identifier
 * @when: the instant at which the offset is wanted
 *
 * The zone's offset from UTC at @when, as "UTC+09:00" or "UTC−05:00" (with
 * a true minus sign). The offset depends on @when wherever daylight saving
 * time is kept.
 *
 * Returns: (transfer full) (nullable): the offset, or %NULL for an unknown zone
 */
char *
liaison_time_zone_dup_offset (const char *identifier,
                              GDateTime  *when)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan offset;
  gint64 minutes;

  g_return_val_if_fail (identifier != NULL, NULL);
  g_return_val_if_fail (when != NULL, NULL);

  zone = g_time_zone_new_identifier (identifier);
  if (zone == NULL)
    return NULL;

  local = g_date_time_to_timezone (when, zone);
  offset = g_date_time_get_utc_offset (local);
  minutes = ABS (offset) / G_TIME_SPAN_MINUTE;

  return g_strdup_printf ("UTC%s%02d:%02d",
                          offset < 0 ? "−" : "+",
                          (int) (minutes / 60),
                          (int) (minutes % 60));
}

/**
 * liaison_time_zone_dup_display_name:
 * @identifier: an IANA time zone identifier
 * @when: the instant whose offset is shown
 *
 * A zone as a list shows it: "New York (UTC−05:00)".
 *
 * Returns: (transfer full) (nullable): the name, or %NULL for an unknown zone
 */
char *
liaison_time_zone_dup_display_name (const char *identifier,
                                    GDateTime  *when)
{
  g_autofree char *place = NULL;
  g_autofree char *offset = NULL;

  g_return_val_if_fail (identifier != NULL, NULL);
  g_return_val_if_fail (when != NULL, NULL);

  offset = liaison_time_zone_dup_offset (identifier, when);
  if (offset == NULL)
    return NULL;

  place = liaison_time_zone_dup_place_name (identifier);

  /* Translators: a time zone in a list: the place it is named after, then
   * its offset from UTC, e.g. "New York (UTC−05:00)" */
  return g_strdup_printf (_("%s (%s)"), place, offset);
}

/**
 * liaison_time_zone_parse_local:
 * @text: a wall time as YYYY-MM-DDTHH:MM (a space may stand for the T)
 * @local: (out) (optional): its parts
 *
 * Returns: %TRUE if @text is a valid date and time of that form
 */
gboolean
liaison_time_zone_parse_local (const char       *text,
                               LiaisonLocalTime *local)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd";
  LiaisonLocalTime parsed;

  if (text == NULL || strlen (text) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i])
                            : pattern[i] == 'T' ? (text[i] != 'T' && text[i] != ' ')
                                                : text[i] != pattern[i])
        return FALSE;
    }

  parsed.year = atoi (text);
  parsed.month = atoi (text + 5);
  parsed.day = atoi (text + 8);
  parsed.hour = atoi (text + 11);
  parsed.minute = atoi (text + 14);

  if (parsed.year < 1 ||
      !g_date_valid_dmy (parsed.day, parsed.month, parsed.year) ||
      parsed.hour > 23 || parsed.minute > 59)
    return FALSE;

  if (local != NULL)
    *local = parsed;

  return TRUE;
}

/**
 * liaison_time_zone_find_instants:
 * @identifier: an IANA time zone identifier
 * @local: a wall time in that zone, YYYY-MM-DDTHH:MM
 * @kind: (out): whether @local is one instant, two, or none
 * @instants_ms: (out) (array fixed-size=2): the instants, in milliseconds
 *   since 1970 UTC: the one; the earlier and the later of a repeated wall
 *   time; for a skipped one, @local read with the offset in force before
 *   the clocks sprang forward, then with the one after
 * @error: return location for a #GError
 *
 * What a user may choose between when the clocks change: GLib would pick
 * silently, and a seminar must never move without anyone choosing.
 *
 * Returns: %FALSE if the zone or the wall time is not valid
 */
gboolean
liaison_time_zone_find_instants (const char            *identifier,
                                 const char            *local,
                                 LiaisonLocalTimeKind  *kind,
                                 gint64                *instants_ms,
                                 GError               **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) naive = NULL;
  LiaisonLocalTime parts;
  gint64 found[2];
  gint64 tried[2];
  guint n_found = 0;
  gint64 naive_seconds;

  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (instants_ms != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!liaison_time_zone_validate (identifier, error))
    return FALSE;

  if (!liaison_time_zone_parse_local (local, &parts))
    {
      g_set_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_INVALID_TIME,
                   /* Translators: %s is what was typed as a date and time */
                   _("“%s” is not a date and time of the form YYYY-MM-DD HH:MM."),
                   local != NULL ? local : "");
      return FALSE;
    }

  zone = g_time_zone_new_identifier (identifier);
  naive = g_date_time_new_utc (parts.year, parts.month, parts.day, parts.hour, parts.minute, 0);
  naive_seconds = g_date_time_to_unix (naive);

  /* The offset in force a day either side covers every transition there
   * can be around this wall time; try each, and keep those that give it
   * back. */
  for (int side = -1; side <= 1; side += 2)
    {
      g_autoptr(GDateTime) probe = g_date_time_add_days (naive, side);
      g_autoptr(GDateTime) in_zone = g_date_time_to_timezone (probe, zone);
      gint64 candidate = naive_seconds - g_date_time_get_utc_offset (in_zone) / G_TIME_SPAN_SECOND;
      g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (candidate);
      g_autoptr(GDateTime) shown = g_date_time_to_timezone (instant, zone);

      tried[side < 0 ? 0 : 1] = candidate;

      if (g_date_time_get_year (shown) == parts.year &&
          g_date_time_get_month (shown) == parts.month &&
          g_date_time_get_day_of_month (shown) == parts.day &&
          g_date_time_get_hour (shown) == parts.hour &&
          g_date_time_get_minute (shown) == parts.minute &&
          (n_found == 0 || found[0] != candidate))
        found[n_found++] = candidate;
    }

  if (n_found == 0)
    {
      *kind = LIAISON_LOCAL_TIME_NONEXISTENT;
      instants_ms[0] = tried[0] * 1000;
      instants_ms[1] = tried[1] * 1000;
    }
  else if (n_found == 2)
    {
      *kind = LIAISON_LOCAL_TIME_AMBIGUOUS;
      instants_ms[0] = MIN (found[0], found[1]) * 1000;
      instants_ms[1] = MAX (found[0], found[1]) * 1000;
    }
  else
    {
      *kind = LIAISON_LOCAL_TIME_VALID;
      instants_ms[0] = instants_ms[1] = found[0] * 1000;
    }

  return TRUE;
}

/**
 * liaison_time_zone_resolve_local:
 * @identifier: an IANA time zone identifier
 * @local: a wall time in that zone, YYYY-MM-DDTHH:MM
 * @fold: for a wall time shown twice, which one: 1 the first, 2 the
 *   second; 0 when nobody chose
 * @utc_ms: (out): the instant, in milliseconds since 1970 UTC
 * @error: return location for a #GError
 *
 * Finds the instant at which clocks in the zone showed @local. A wall
 * time skipped when clocks spring forward is an error
 * (%LIAISON_TIME_ZONE_ERROR_NONEXISTENT), and so is one shown twice when
 * they fall back (%LIAISON_TIME_ZONE_ERROR_AMBIGUOUS) unless @fold says
 * which: GLib would silently pick one, and a seminar must never move
 * without anyone choosing.
 *
 * Returns: %TRUE if @local is one instant
 */
gboolean
liaison_time_zone_resolve_local (const char  *identifier,
                                 const char  *local,
                                 int          fold,
                                 gint64      *utc_ms,
                                 GError     **error)
{
  LiaisonLocalTimeKind kind;
  gint64 instants[2];

  g_return_val_if_fail (utc_ms != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!liaison_time_zone_find_instants (identifier, local, &kind, instants, error))
    return FALSE;

  if (kind == LIAISON_LOCAL_TIME_NONEXISTENT)
    {
      g_autofree char *place = liaison_time_zone_dup_place_name (identifier);

      g_set_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_NONEXISTENT,
                   /* Translators: a wall time, then a place; clocks jump over that time there */
                   _("%s does not exist in %s: the clocks skip that hour when daylight saving time begins."),
                   local, place);
      return FALSE;
    }

  if (kind == LIAISON_LOCAL_TIME_AMBIGUOUS && fold != 1 && fold != 2)
    {
      g_autofree char *place = liaison_time_zone_dup_place_name (identifier);

      g_set_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_AMBIGUOUS,
                   /* Translators: a wall time, then a place; clocks show that time twice there */
                   _("%s happens twice in %s: the clocks repeat that hour when daylight saving time ends."),
                   local, place);
      return FALSE;
    }

  *utc_ms = instants[kind == LIAISON_LOCAL_TIME_AMBIGUOUS && fold == 2 ? 1 : 0];
  return TRUE;
}
