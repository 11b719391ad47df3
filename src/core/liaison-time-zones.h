/* liaison-time-zones.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_TIME_ZONE_ERROR (liaison_time_zone_error_quark ())

typedef enum
{
  LIAISON_TIME_ZONE_ERROR_UNKNOWN,
  LIAISON_TIME_ZONE_ERROR_INVALID_TIME,
  LIAISON_TIME_ZONE_ERROR_NONEXISTENT,
  LIAISON_TIME_ZONE_ERROR_AMBIGUOUS,
} LiaisonTimeZoneError;

typedef enum
{
  LIAISON_LOCAL_TIME_VALID,
  LIAISON_LOCAL_TIME_AMBIGUOUS,
  LIAISON_LOCAL_TIME_NONEXISTENT,
} LiaisonLocalTimeKind;

typedef struct
{
  int year;
  int month;
  int day;
  int hour;
  int minute;
} LiaisonLocalTime;

GQuark       liaison_time_zone_error_quark      (void);

guint        liaison_time_zones_get_n_builtin   (void);
const char  *liaison_time_zones_get_builtin     (guint        position);

gboolean     liaison_time_zone_validate         (const char  *identifier,
                                                 GError     **error);
char        *liaison_time_zone_dup_place_name   (const char  *identifier);
char        *liaison_time_zone_dup_offset       (const char  *identifier,
                                                 GDateTime   *when);
char        *liaison_time_zone_dup_display_name (const char  *identifier,
                                                 GDateTime   *when);

gboolean     liaison_time_zone_parse_local      (const char       *text,
                                                 LiaisonLocalTime *local);
gboolean     liaison_time_zone_find_instants    (const char            *identifier,
                                                 const char            *local,
                                                 LiaisonLocalTimeKind  *kind,
                                                 gint64                *instants_ms,
                                                 GError               **error);
gboolean     liaison_time_zone_resolve_local    (const char       *identifier,
                                                 const char       *local,
                                                 int               fold,
                                                 gint64           *utc_ms,
                                                 GError          **error);

G_END_DECLS
