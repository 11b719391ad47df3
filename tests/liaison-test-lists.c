/* liaison-test-lists.c
 *
 * Record lists in tests: what a search finds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-test-lists.h"

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
