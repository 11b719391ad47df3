/* liaison-test-lists.c
 *
 * Records and record lists in tests: an application that can be saved,
 * what a search finds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-test-lists.h"

#include "liaison-records.h"

/**
 * liaison_test_application_record_new:
 * @person: a person
 *
 * Returns: (transfer full): an application of @person that can be saved:
 *   the City of Trenton, New Jersey, in the 2027 cohort, received
 */
LiaisonRecord *
liaison_test_application_record_new (LiaisonRecord *person)
{
  LiaisonRecord *application = liaison_record_new (&liaison_application_type);

  liaison_record_set_text (application, "person", liaison_record_get_uuid (person));
  liaison_record_set_integer (application, "cohort_year", 2027);
  liaison_record_set_text (application, "government", "City of Trenton");
  liaison_record_set_text (application, "government_level", "city");
  liaison_record_set_text (application, "jurisdiction", "US-NJ");
  liaison_record_set_text (application, "status", "received");

  return application;
}

/**
 * liaison_test_count_found:
 * @list: a record list
 * @search: (nullable): what to look for
 *
 * Searches @list for @search, reading it again at once.
 *
 * Returns: how many records it then has
 */
guint
liaison_test_count_found (LiaisonRecordList *list,
                          const char        *search)
{
  g_autoptr(GError) error = NULL;

  liaison_record_list_set_search (list, search);
  g_assert_true (liaison_record_list_reload (list, &error));
  g_assert_no_error (error);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}
