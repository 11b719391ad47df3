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
} LiaisonTimeZoneError;

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

G_END_DECLS
