/* test-search.c
 *
 * One search over every record type: kanji and kana substrings, Latin
 * text without regard to case or accents; with SQLite's FTS5 trigram index
 * and without it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "liaison-database.h"
#include "liaison-records.h"
#include "liaison-search.h"

static LiaisonDatabase *
populated_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonRecord *record;

  g_assert_no_error (error);

  record = liaison_record_new (&liaison_organization_type);
  liaison_record_set_text (record, "name", "Fédération canadienne des municipalités");
  liaison_record_set_text (record, "acronym", "FCM");
  liaison_record_set_text (record, "kind", "canadian-association");
  liaison_record_set_text (record, "country", "CA");
  liaison_record_set_text (record, "city", "Ottawa");
  liaison_record_set_text (record, "tags", "annual conference\n100%");
  g_ptr_array_add (records, record);

  record = liaison_record_new (&liaison_person_type);
  liaison_record_set_text (record, "family_name", "渡辺");
  liaison_record_set_text (record, "given_name", "美咲");
  liaison_record_set_text (record, "family_name_reading", "ワタナベ");
  liaison_record_set_text (record, "given_name_reading", "ミサキ");
  liaison_record_set_text (record, "department", "国際交流課");
  g_ptr_array_add (records, record);

  record = liaison_record_new (&liaison_person_type);
  liaison_record_set_text (record, "family_name", "Lefèvre");
  liaison_record_set_text (record, "given_name", "Zoë");
  liaison_record_set_text (record, "title", "Directrice générale");
  liaison_record_set_text (record, "notes", "Met at the Québec conference");
  g_ptr_array_add (records, record);

  record = liaison_record_new (&liaison_affiliation_type);
  liaison_record_set_text (record, "prefecture", "04");
  liaison_record_set_text (record, "partner_name", "State of Delaware");
  liaison_record_set_text (record, "partner_subdivision", "US-DE");
  liaison_record_set_text (record, "level", "prefecture");
  liaison_record_set_text (record, "kind", "sister");
  liaison_record_set_text (record, "status", "active");
  g_ptr_array_add (records, record);

  record = liaison_record_new (&liaison_seminar_type);
  liaison_record_set_text (record, "title_en", "Revitalizing Downtowns");
  liaison_record_set_text (record, "title_ja", "中心市街地の活性化");
  liaison_record_set_text (record, "start_local", "2026-12-09T09:00");
  liaison_record_set_text (record, "time_zone", "Asia/Tokyo");
  liaison_record_set_integer (record, "duration", 90);
  liaison_record_set_text (record, "status", "planned");
  g_ptr_array_add (records, record);

  liaison_database_save_all (db, records, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

static char *
search_titles (LiaisonDatabase *db,
               const char      *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = liaison_database_search (db, query, 50, &error);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(LiaisonSearchResult) result = g_list_model_get_item (results, i);

      g_ptr_array_add (titles, g_strdup (liaison_search_result_get_title (result)));
    }

  g_ptr_array_sort_values (titles, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **) titles->pdata);
}

static void
check_queries (gconstpointer data)
{
  gboolean full_text = GPOINTER_TO_INT (data);
  g_autoptr(LiaisonDatabase) db = NULL;
  struct {
    const char *query;
    const char *expected;
  } cases[] = {
    /* kanji, one to three characters, no spaces */
    { "渡", "渡辺 美咲" },
    { "美咲", "渡辺 美咲" },
    { "国際交", "渡辺 美咲" },
    { "市街地", "Revitalizing Downtowns" },
    /* kana: either script finds the other */
    { "わたなべ", "渡辺 美咲" },
    { "ミサ", "渡辺 美咲" },
    { "ﾜﾀﾅﾍﾞ", "渡辺 美咲" },
    /* Latin: case, accents, and full-width letters */
    { "FEDERATION", "Fédération canadienne des municipalités (FCM)" },
    { "quebec", "Zoë Lefèvre" },
    { "ZOE", "Zoë Lefèvre" },
    { "ｆｃｍ", "Fédération canadienne des municipalités (FCM)" },
    { "de", "Fédération canadienne des municipalités (FCM)|Miyagi – State of Delaware" },
    { "gene", "Zoë Lefèvre" },
    /* places by name, tags, and several words */
    { "miyagi", "Miyagi – State of Delaware" },
    { "宮城", "Miyagi – State of Delaware" },
    { "delaware", "Miyagi – State of Delaware" },
    { "annual conf", "Fédération canadienne des municipalités (FCM)" },
    { "ottawa fcm", "Fédération canadienne des municipalités (FCM)" },
    { "ottawa tokyo", "" },
    /* what the search syntax would take as operators is plain text */
    { "100%", "Fédération canadienne des municipalités (FCM)" },
    { "%", "Fédération canadienne des municipalités (FCM)" },
    { "_", "" },
    { "\"", "" },
    { "a\" OR \"b", "" },
    { "NEAR(x y)", "" },
    { "", "" },
    { "   ", "" },
  };

  if (!full_text)
    g_setenv ("LIAISON_NO_FULL_TEXT", "1", TRUE);
  db = populated_database ();
  g_unsetenv ("LIAISON_NO_FULL_TEXT");

  g_assert_cmpint (liaison_database_has_full_text (db), ==, full_text);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *titles = search_titles (db, cases[i].query);

      if (g_strcmp0 (titles, cases[i].expected) != 0)
        g_error ("“%s” found “%s”, not “%s”", cases[i].query, titles, cases[i].expected);
    }
}

static void
test_deleted_not_found (void)
{
  g_autoptr(LiaisonDatabase) db = populated_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = liaison_database_search (db, "渡辺", 10, &error);
  g_autoptr(LiaisonSearchResult) result = NULL;
  g_autoptr(LiaisonRecord) person = NULL;
  g_autofree char *titles = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  g_assert_cmpstr (liaison_search_result_get_record_type (result), ==, "person");

  person = liaison_database_get (db, &liaison_person_type, liaison_search_result_get_uuid (result), &error);
  g_assert_no_error (error);
  liaison_database_delete (db, person, &error);
  g_assert_no_error (error);

  titles = search_titles (db, "渡辺");
  g_assert_cmpstr (titles, ==, "");
  g_clear_pointer (&titles, g_free);

  liaison_database_undelete (db, person, &error);
  g_assert_no_error (error);
  titles = search_titles (db, "渡辺");
  g_assert_cmpstr (titles, ==, "渡辺 美咲");
  g_clear_pointer (&titles, g_free);

  /* An edit is found by its new text only. */
  liaison_record_set_text (person, "department", "観光課");
  liaison_database_save (db, person, &error);
  g_assert_no_error (error);
  titles = search_titles (db, "国際交流");
  g_assert_cmpstr (titles, ==, "");
  g_clear_pointer (&titles, g_free);
  titles = search_titles (db, "観光");
  g_assert_cmpstr (titles, ==, "渡辺 美咲");
}

static void
test_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) results = NULL;

  for (guint i = 0; i < 120; i++)
    {
      LiaisonRecord *person = liaison_record_new (&liaison_person_type);
      g_autofree char *name = g_strdup_printf ("Tanaka %u", i);

      liaison_record_set_text (person, "family_name", name);
      g_ptr_array_add (records, person);
    }
  liaison_database_save_all (db, records, &error);
  g_assert_no_error (error);

  results = liaison_database_search (db, "tanaka", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 50);
}

static void
test_normalize (void)
{
  struct {
    const char *text;
    const char *normalized;
  } cases[] = {
    { "Québec", "quebec" },
    { "ＡＢＣ１２３", "abc123" },
    { "カタカナ", "かたかな" },
    { "ｶﾞｯｺｳ", "がっこう" },
    { "ヴ", "ゔ" },
    { "東京都", "東京都" },
    { "Straße", "strasse" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = liaison_search_normalize (cases[i].text);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/normalize", test_normalize);
  g_test_add_data_func ("/search/queries/full-text", GINT_TO_POINTER (TRUE), check_queries);
  g_test_add_data_func ("/search/queries/fallback", GINT_TO_POINTER (FALSE), check_queries);
  g_test_add_func ("/search/deleted-not-found", test_deleted_not_found);
  g_test_add_func ("/search/limit", test_limit);

  return g_test_run ();
}
