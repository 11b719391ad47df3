/* liaison-fellowship.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "liaison-database.h"
#include "liaison-record-list.h"

G_BEGIN_DECLS

typedef enum
{
  LIAISON_DEADLINE_NONE,      /* no deadline, or past the stage where it matters */
  LIAISON_DEADLINE_COMPLETE,  /* every document is in */
  LIAISON_DEADLINE_MISSING,   /* documents missing, the deadline still ahead */
  LIAISON_DEADLINE_OVERDUE,   /* documents missing, the deadline passed */
} LiaisonDeadlineState;

guint                 liaison_application_count_missing      (LiaisonRecord   *application);
char                 *liaison_application_dup_missing        (LiaisonRecord   *application);
LiaisonDeadlineState  liaison_application_get_deadline_state (LiaisonRecord   *application,
                                                              const char      *today);
void                  liaison_application_sort_by_documents  (LiaisonRecordList *applications,
                                                              const char      *today,
                                                              gboolean         descending);
void                  liaison_application_search_by_documents (LiaisonRecordList *applications,
                                                                const char        *today);
char                 *liaison_application_dup_deadline_text  (LiaisonRecord   *application,
                                                              const char      *today);
const char           *liaison_application_next_status        (const char      *status);
const char           *liaison_application_previous_status    (const char      *status);
gboolean              liaison_application_average_score      (LiaisonDatabase *database,
                                                              LiaisonRecord   *application,
                                                              double          *average,
                                                              guint           *n_reviews);
LiaisonRecord        *liaison_application_find_duplicate     (LiaisonDatabase *database,
                                                              LiaisonRecord   *application,
                                                              LiaisonRecord   *person);
void                  liaison_application_find_duplicate_async (LiaisonDatabase     *database,
                                                                LiaisonRecord       *application,
                                                                LiaisonRecord       *person,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
LiaisonRecord        *liaison_application_find_duplicate_finish (LiaisonDatabase  *database,
                                                                 GAsyncResult     *result,
                                                                 GError          **error);
char                 *liaison_today                          (void);
GDateTime            *liaison_now_local                      (void);
void                  liaison_set_today                      (const char      *date);

G_END_DECLS
