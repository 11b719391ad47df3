/* liaison-ical.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_ICAL_ERROR (liaison_ical_error_quark ())

typedef enum
{
  LIAISON_ICAL_ERROR_WRITE,
} LiaisonIcalError;

GQuark    liaison_ical_error_quark (void);

char     *liaison_ical_escape_text (const char       *text);
char     *liaison_ical_fold        (const char       *content_line);
GBytes   *liaison_ical_export      (LiaisonDatabase  *database,
                                    GPtrArray        *seminars,
                                    const char       *language,
                                    GError          **error);
gboolean  liaison_ical_export_file (LiaisonDatabase  *database,
                                    GPtrArray        *seminars,
                                    const char       *language,
                                    const char       *path,
                                    GError          **error);

G_END_DECLS
