/* test-time-zones.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "liaison-time-zones.h"

static GDateTime *
utc (const char *iso8601)
{
  GDateTime *when = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (when);
  return when;
}

static void
assert_offset (const char *zone,
               const char *iso8601,
               const char *expected)
{
  g_autoptr(GDateTime) when = utc (iso8601);
  g_autofree char *offset = liaison_time_zone_dup_offset (zone, when);

  g_assert_cmpstr (offset, ==, expected);
}

static void
test_builtin_zones_are_known (void)
{
  guint n = liaison_time_zones_get_n_builtin ();

  g_assert_cmpuint (n, >=, 2);
  /* The office's two zones come first: they are the defaults. */
  g_assert_cmpstr (liaison_time_zones_get_builtin (0), ==, "America/New_York");
  g_assert_cmpstr (liaison_time_zones_get_builtin (1), ==, "Asia/Tokyo");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *zone = liaison_time_zones_get_builtin (i);

      g_test_message ("%s", zone);
      g_assert_true (liaison_time_zone_validate (zone, &error));
      g_assert_no_error (error);

      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (zone, !=, liaison_time_zones_get_builtin (j));
    }
}

static void
test_unknown_zones_are_refused (void)
{
  const char *unknown[] = { "Mars/Olympus_Mons", "", "EST5EDT,M3.2.0,M11.1.0x", "../../etc/passwd" };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (liaison_time_zone_validate (unknown[i], &error));
      g_assert_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_UNKNOWN);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (liaison_time_zone_validate (NULL, &error));
    g_assert_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_UNKNOWN);
  }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_null (liaison_time_zone_dup_offset ("Mars/Olympus_Mons", now));
    g_assert_null (liaison_time_zone_dup_display_name ("Mars/Olympus_Mons", now));
  }
}

static void
test_offsets_follow_daylight_saving (void)
{
  /* New York: EDT (−4) from 2026-03-08 07:00 UTC, EST (−5) again from
   * 2026-11-01 06:00 UTC. Tokyo keeps +9 all year. */
  assert_offset ("America/New_York", "2026-03-08T06:59:59Z", "UTC−05:00");
  assert_offset ("America/New_York", "2026-03-08T07:00:00Z", "UTC−04:00");
  assert_offset ("America/New_York", "2026-07-01T12:00:00Z", "UTC−04:00");
  assert_offset ("America/New_York", "2026-11-01T05:59:59Z", "UTC−04:00");
  assert_offset ("America/New_York", "2026-11-01T06:00:00Z", "UTC−05:00");
  assert_offset ("America/New_York", "2027-03-14T07:00:00Z", "UTC−04:00");
  assert_offset ("Asia/Tokyo", "2026-01-15T00:00:00Z", "UTC+09:00");
  assert_offset ("Asia/Tokyo", "2026-07-15T00:00:00Z", "UTC+09:00");
  /* Half-hour zones, and zones without daylight saving time. */
  assert_offset ("America/St_Johns", "2026-01-15T00:00:00Z", "UTC−03:30");
  assert_offset ("America/St_Johns", "2026-07-15T00:00:00Z", "UTC−02:30");
  assert_offset ("America/Phoenix", "2026-07-15T00:00:00Z", "UTC−07:00");
  assert_offset ("Etc/UTC", "2026-07-15T00:00:00Z", "UTC+00:00");
}

static void
test_names (void)
{
  g_autoptr(GDateTime) winter = utc ("2026-11-27T12:00:00Z");
  g_autoptr(GDateTime) summer = utc ("2026-07-01T12:00:00Z");
  g_autofree char *new_york = liaison_time_zone_dup_place_name ("America/New_York");
  g_autofree char *mexico = liaison_time_zone_dup_place_name ("America/Mexico_City");
  g_autofree char *winter_name = liaison_time_zone_dup_display_name ("America/New_York", winter);
  g_autofree char *summer_name = liaison_time_zone_dup_display_name ("America/New_York", summer);
  g_autofree char *tokyo_name = liaison_time_zone_dup_display_name ("Asia/Tokyo", winter);

  g_assert_cmpstr (new_york, ==, "New York");
  /* A zone that is not built in is named after the last part of its id. */
  g_assert_cmpstr (mexico, ==, "Mexico City");
  g_assert_cmpstr (winter_name, ==, "New York (UTC−05:00)");
  g_assert_cmpstr (summer_name, ==, "New York (UTC−04:00)");
  g_assert_cmpstr (tokyo_name, ==, "Tokyo (UTC+09:00)");
}

/* A wall time the clocks skip or repeat is offered as its two instants;
 * a repeated one resolves only when someone said which. */
static void
test_choices (void)
{
  g_autoptr(GError) error = NULL;
  LiaisonLocalTimeKind kind;
  gint64 instants[2];
  gint64 utc;

  /* 2:30 on 8 March 2026 does not exist in New York: read with EST it is
   * 07:30Z (3:30 EDT), with EDT 06:30Z (1:30 EST). */
  g_assert_true (liaison_time_zone_find_instants ("America/New_York", "2026-03-08T02:30", &kind, instants, &error));
  g_assert_cmpint (kind, ==, LIAISON_LOCAL_TIME_NONEXISTENT);
  g_assert_cmpint (instants[0], ==, G_GINT64_CONSTANT (1772955000000));
  g_assert_cmpint (instants[1], ==, G_GINT64_CONSTANT (1772951400000));

  /* 1:30 on 1 November 2026 happens twice: 05:30Z (EDT), then 06:30Z (EST) */
  g_assert_true (liaison_time_zone_find_instants ("America/New_York", "2026-11-01T01:30", &kind, instants, &error));
  g_assert_cmpint (kind, ==, LIAISON_LOCAL_TIME_AMBIGUOUS);
  g_assert_cmpint (instants[0], ==, G_GINT64_CONSTANT (1793511000000));
  g_assert_cmpint (instants[1], ==, G_GINT64_CONSTANT (1793514600000));

  g_assert_false (liaison_time_zone_resolve_local ("America/New_York", "2026-11-01T01:30", 0, &utc, &error));
  g_assert_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_AMBIGUOUS);
  g_clear_error (&error);
  g_assert_true (liaison_time_zone_resolve_local ("America/New_York", "2026-11-01T01:30", 1, &utc, &error));
  g_assert_cmpint (utc, ==, instants[0]);
  g_assert_true (liaison_time_zone_resolve_local ("America/New_York", "2026-11-01T01:30", 2, &utc, &error));
  g_assert_cmpint (utc, ==, instants[1]);

  /* A skipped time never resolves, whatever the fold */
  g_assert_false (liaison_time_zone_resolve_local ("America/New_York", "2026-03-08T02:30", 1, &utc, &error));
  g_assert_error (error, LIAISON_TIME_ZONE_ERROR, LIAISON_TIME_ZONE_ERROR_NONEXISTENT);
  g_clear_error (&error);

  /* An ordinary time is one instant: 19:00 EST is 00:00Z the next day */
  g_assert_true (liaison_time_zone_find_instants ("America/New_York", "2026-11-27T19:00", &kind, instants, &error));
  g_assert_cmpint (kind, ==, LIAISON_LOCAL_TIME_VALID);
  g_assert_cmpint (instants[0], ==, G_GINT64_CONSTANT (1795824000000));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-zones/builtin-known", test_builtin_zones_are_known);
  g_test_add_func ("/time-zones/unknown-refused", test_unknown_zones_are_refused);
  g_test_add_func ("/time-zones/offsets", test_offsets_follow_daylight_saving);
  g_test_add_func ("/time-zones/names", test_names);
  g_test_add_func ("/time-zones/choices", test_choices);

  return g_test_run ();
}
