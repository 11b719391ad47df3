/* liaison-seminars.c
 *
 * What the Seminars view shows of each seminar beside its own fields: how
 * many registered, attended, did not come or cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "liaison-database-private.h"
#include "liaison-seminars.h"

/**
 * liaison_seminar_count_registrants:
 * @database: a database
 * @seminar_uuid: a seminar's uuid
 * @counts: (out caller-allocates): the registrants by status
 *
 * Counts the registrants of a seminar that are not deleted, by status;
 * "registered" counts everyone who did not cancel.
 */
void
liaison_seminar_count_registrants (LiaisonDatabase         *database,
                                   const char              *seminar_uuid,
                                   LiaisonRegistrantCounts *counts)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (LIAISON_IS_DATABASE (database));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);

  if (seminar_uuid == NULL ||
      !(stmt = liaison_database_prepare (database,
                                         "SELECT status, count(*) FROM registrant "
                                         "WHERE seminar = ?1 AND deleted_at IS NULL GROUP BY status", NULL)))
    return;

  sqlite3_bind_text (stmt, 1, seminar_uuid, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      guint n = sqlite3_column_int (stmt, 1);

      if (g_strcmp0 (status, "cancelled") == 0)
        counts->cancelled += n;
      else
        {
          counts->registered += n;
          if (g_strcmp0 (status, "attended") == 0)
            counts->attended += n;
          else if (g_strcmp0 (status, "no-show") == 0)
            counts->no_show += n;
        }
    }
  sqlite3_reset (stmt);
}
