/* test-record-list.c
 *
 * The list models: the right rows in the right order, loaded on demand,
 * and items-changed for exactly the rows a save or a delete changed; the
 * database's search, filters and orders, read in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-database.h"
#include "liaison-record-list-private.h"
#include "liaison-records.h"
#include "liaison-test-files.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  Change change = { position, removed, added };

  g_array_append_val (log, change);
}

static void
assert_one_change (GArray *log,
                   guint   position,
                   guint   removed,
                   guint   added)
{
  Change *change;

  g_assert_cmpuint (log->len, ==, 1);
  change = &g_array_index (log, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (log, 0);
}

static LiaisonRecord *
person (LiaisonDatabase *db,
        const char      *family,
        const char      *reading)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *record = liaison_record_new (&liaison_person_type);

  liaison_record_set_text (record, "family_name", family);
  liaison_record_set_text (record, "family_name_reading", reading);
  liaison_database_save (db, record, &error);
  g_assert_no_error (error);

  return record;
}

/* A field of the records listed, in order, with @separator between */
static char *
field_of_each (GListModel *model,
               const char *field,
               const char *separator)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaisonRecord) record = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, liaison_record_get_text (record, field));
    }

  return g_string_free (text, FALSE);
}

static char *
names (GListModel *model)
{
  return field_of_each (model, "family_name", " ");
}

static void
test_order_and_signals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(LiaisonRecord) ito = NULL;
  g_autoptr(LiaisonRecord) abe = NULL;
  g_autoptr(LiaisonRecord) ueda = NULL;
  g_autoptr(LiaisonRecord) kato = NULL;
  g_autofree char *order = NULL;

  g_assert_no_error (error);

  /* Japanese names sort by their reading: あ い う か */
  ito = person (db, "伊藤", "イトウ");
  ueda = person (db, "上田", "うえだ");
  abe = person (db, "阿部", "アベ");

  list = liaison_record_list_new (db, &liaison_person_type);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == LIAISON_TYPE_PERSON);
  order = names (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "阿部 伊藤 上田");
  g_clear_pointer (&order, g_free);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* An insert: one row added where it sorts */
  kato = person (db, "加藤", "カトウ");
  assert_one_change (log, 3, 0, 1);
  {
    g_autoptr(LiaisonRecord) fifth = person (db, "秋山", "アキヤマ");

    assert_one_change (log, 0, 0, 1);
  }
  order = names (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "秋山 阿部 伊藤 上田 加藤");
  g_clear_pointer (&order, g_free);

  /* An edit that keeps the order: that row only, and its new content */
  liaison_record_set_text (ueda, "title", "課長");
  liaison_database_save (db, ueda, &error);
  g_assert_no_error (error);
  assert_one_change (log, 3, 1, 1);
  {
    g_autoptr(LiaisonRecord) shown = g_list_model_get_item (G_LIST_MODEL (list), 3);

    g_assert_cmpstr (liaison_record_get_text (shown, "title"), ==, "課長");
  }

  /* Saving without a change announces nothing. */
  liaison_database_save (db, ueda, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 0);

  /* An edit that moves a row: the rows between its old and new places */
  liaison_record_set_text (abe, "family_name_reading", "ワタベ");
  liaison_record_set_text (abe, "family_name", "渡部");
  liaison_database_save (db, abe, &error);
  g_assert_no_error (error);
  assert_one_change (log, 1, 4, 4);
  order = names (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "秋山 伊藤 上田 加藤 渡部");
  g_clear_pointer (&order, g_free);

  /* Delete and undelete */
  liaison_database_delete (db, ito, &error);
  g_assert_no_error (error);
  assert_one_change (log, 1, 1, 0);
  liaison_database_undelete (db, ito, &error);
  g_assert_no_error (error);
  assert_one_change (log, 1, 0, 1);

  /* Records of other types leave the list alone. */
  {
    g_autoptr(LiaisonRecord) organization = liaison_record_new (&liaison_organization_type);

    liaison_record_set_text (organization, "name", "JETRO New York");
    liaison_record_set_text (organization, "kind", "japanese-organization");
    liaison_record_set_text (organization, "country", "US");
    liaison_database_save (db, organization, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 0);
  }

  /* A failed save announces nothing. */
  liaison_record_set_text (kato, "emails", "not an address");
  g_assert_false (liaison_database_save (db, kato, &error));
  g_clear_error (&error);
  g_assert_cmpuint (log->len, ==, 0);
}

static void
test_filters_and_sort (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(LiaisonRecord) applicant = person (db, "Garcia", NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  const char *statuses[] = { "inquiry", "nominated", "received", "nominated" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      LiaisonRecord *application = liaison_record_new (&liaison_application_type);
      g_autofree char *government = g_strdup_printf ("County %c", 'D' - i);

      liaison_record_set_text (application, "person", liaison_record_get_uuid (applicant));
      liaison_record_set_integer (application, "cohort_year", 2026 + i % 2);
      liaison_record_set_text (application, "government", government);
      liaison_record_set_text (application, "government_level", "county");
      liaison_record_set_text (application, "jurisdiction", "US-NY");
      liaison_record_set_text (application, "status", statuses[i]);
      g_ptr_array_add (records, application);
    }
  liaison_database_save_all (db, records, &error);
  g_assert_no_error (error);

  list = liaison_record_list_new (db, &liaison_application_type);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  liaison_record_list_add_filter (list, "cohort_year", "2027");
  liaison_record_list_add_filter (list, "status", "nominated");
  liaison_record_list_set_sort (list, "government", FALSE);
  g_assert_true (liaison_record_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  {
    g_autoptr(LiaisonRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(LiaisonRecord) second = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_cmpstr (liaison_record_get_text (first, "government"), ==, "County A");
    g_assert_cmpstr (liaison_record_get_text (second, "government"), ==, "County C");
  }

  liaison_record_list_set_sort (list, "government", TRUE);
  liaison_record_list_reload (list, NULL);
  {
    g_autoptr(LiaisonRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (liaison_record_get_text (first, "government"), ==, "County C");
  }

  /* Out of range */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));

  liaison_record_list_clear_filters (list);
  liaison_record_list_reload (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
}

static void
assert_same_as_fresh (LiaisonDatabase   *db,
                      LiaisonRecordList *list)
{
  g_autoptr(LiaisonRecordList) fresh = liaison_record_list_new (db, &liaison_person_type);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fresh));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonRecord) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(LiaisonRecord) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpstr (liaison_record_get_uuid (a), ==, liaison_record_get_uuid (b));
    }
}

/* @n people named P0000, P0010, P0020… in that order, saved */
static GPtrArray *
save_numbered_people (LiaisonDatabase *db,
                      guint            n)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      LiaisonRecord *record = liaison_record_new (&liaison_person_type);
      g_autofree char *name = g_strdup_printf ("P%04u", i * 10);

      liaison_record_set_text (record, "family_name", name);
      g_ptr_array_add (records, record);
    }
  liaison_database_save_all (db, records, &error);
  g_assert_no_error (error);

  return records;
}

/* A list longer than what is read at once: its length comes from the
 * count, the rest is read as the views reach it. */
static void
test_long_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  LiaisonRecord *early;
  LiaisonRecord *late;

  records = save_numbered_people (db, 1000);
  early = g_ptr_array_index (records, 5);
  late = g_ptr_array_index (records, 900);

  list = liaison_record_list_new (db, &liaison_person_type);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* Far down, read on demand; the rows skipped on the way are right too */
  {
    g_autoptr(LiaisonRecord) record = g_list_model_get_item (G_LIST_MODEL (list), 800);

    g_assert_cmpstr (liaison_record_get_text (record, "family_name"), ==, "P8000");
    for (guint i = 0; i < 1000; i += 37)
      {
        g_autoptr(LiaisonRecord) other = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_autofree char *name = g_strdup_printf ("P%04u", i * 10);

        g_assert_cmpstr (liaison_record_get_text (other, "family_name"), ==, name);
      }
  }

  /* Everything replaced at once is told as a removal, then an addition:
   * a list view would otherwise read every row added. */
  {
    g_array_set_size (log, 0);
    liaison_record_list_add_filter (list, "family_name", "P0010");
    liaison_record_list_reload (list, &error);
    g_assert_no_error (error);
    assert_one_change (log, 0, 1000, 1);
    liaison_record_list_clear_filters (list);
    liaison_record_list_reload (list, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 2);
    g_assert_cmpuint (g_array_index (log, Change, 0).position, ==, 0);
    g_assert_cmpuint (g_array_index (log, Change, 0).removed, ==, 1);
    g_assert_cmpuint (g_array_index (log, Change, 0).added, ==, 0);
    g_assert_cmpuint (g_array_index (log, Change, 1).position, ==, 0);
    g_assert_cmpuint (g_array_index (log, Change, 1).removed, ==, 0);
    g_assert_cmpuint (g_array_index (log, Change, 1).added, ==, 1000);
    g_array_set_size (log, 0);
  }

  /* Changes near the top are told exactly. */
  {
    g_autoptr(LiaisonRecord) inserted = person (db, "P0015", NULL);

    assert_one_change (log, 2, 0, 1);
  }
  /* P0050, after P0015 came in before it */
  liaison_database_delete (db, early, &error);
  g_assert_no_error (error);
  assert_one_change (log, 6, 1, 0);
  assert_same_as_fresh (db, list);

  /* A change beyond what any view has seen is told as a change of that
   * unseen rest, which no view can tell apart from the exact one. */
  g_clear_object (&list);
  list = liaison_record_list_new (db, &liaison_person_type);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  /* A view has seen the top rows */
  {
    g_autoptr(LiaisonRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  }
  liaison_database_delete (db, late, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (g_array_index (log, Change, 0).position, >=, 64);
  g_assert_cmpuint (g_array_index (log, Change, 0).position, <=, 900);
  g_assert_cmpuint (g_array_index (log, Change, 0).removed, ==, g_array_index (log, Change, 0).added + 1);
  g_array_set_size (log, 0);
  assert_same_as_fresh (db, list);

  liaison_record_set_text (late, "given_name", "Moved");
  liaison_database_undelete (db, late, &error);
  g_assert_no_error (error);
  assert_same_as_fresh (db, list);
}

/* Whether the changes logged tell of @position */
static gboolean
told_of (GArray *log,
         guint   position)
{
  for (guint i = 0; i < log->len; i++)
    {
      Change *change = &g_array_index (log, Change, i);

      if (position >= change->position && position < change->position + change->added)
        return TRUE;
    }

  return FALSE;
}

/* The rows from @from to the end, read from there only, are those of a
 * list read afresh. */
static void
assert_end_as_fresh (LiaisonDatabase   *db,
                     LiaisonRecordList *list,
                     guint              from)
{
  g_autoptr(LiaisonRecordList) fresh = liaison_record_list_new (db, &liaison_person_type);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fresh));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = n; i-- > from;)
    {
      g_autoptr(LiaisonRecord) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(LiaisonRecord) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpstr (liaison_record_get_uuid (a), ==, liaison_record_get_uuid (b));
      g_assert_cmpint (liaison_record_list_get_id (list, i), ==, liaison_record_list_get_id (fresh, i));
    }
}

/* The end of a long list is read from the end; the rows seen there are
 * told of every change that may have moved them. */
static void
test_far_end (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  LiaisonRecord *seen;
  LiaisonRecord *unseen;

  records = save_numbered_people (db, 1000);
  seen = g_ptr_array_index (records, 995);
  unseen = g_ptr_array_index (records, 500);

  list = liaison_record_list_new (db, &liaison_person_type);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* The last rows, as a view scrolled to the end asks for them */
  for (guint i = 999; i >= 990; i--)
    {
      g_autoptr(LiaisonRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = g_strdup_printf ("P%04u", i * 10);

      g_assert_cmpstr (liaison_record_get_text (record, "family_name"), ==, name);
      g_assert_cmpint (liaison_record_list_get_id (list, i), >, 0);
    }
  {
    g_autoptr(LiaisonRecord) record = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (liaison_record_get_text (record, "family_name"), ==, "P0000");
  }
  assert_end_as_fresh (db, list, 900);

  /* A row seen at the end, changed */
  liaison_record_set_text (seen, "given_name", "Seen");
  liaison_database_save (db, seen, &error);
  g_assert_no_error (error);
  g_assert_true (told_of (log, 995));
  {
    g_autoptr(LiaisonRecord) record = g_list_model_get_item (G_LIST_MODEL (list), 995);

    g_assert_cmpstr (liaison_record_get_text (record, "given_name"), ==, "Seen");
  }
  g_array_set_size (log, 0);

  /* A row no view has seen, moved to the end: the rows there are told,
   * and show the records now there. */
  liaison_record_set_text (unseen, "family_name", "P9995");
  liaison_database_save (db, unseen, &error);
  g_assert_no_error (error);
  for (guint i = 990; i < 1000; i++)
    g_assert_true (told_of (log, i));
  assert_end_as_fresh (db, list, 980);
  g_array_set_size (log, 0);

  /* Rows that come and go at the end */
  {
    g_autoptr(LiaisonRecord) added = person (db, "P9999", NULL);

    g_assert_true (told_of (log, 1000));
    assert_end_as_fresh (db, list, 990);
    g_array_set_size (log, 0);
    liaison_database_delete (db, seen, &error);
    g_assert_no_error (error);
    for (guint i = 994; i < 999; i++)
      g_assert_true (told_of (log, i));
    assert_end_as_fresh (db, list, 950);
  }

  assert_same_as_fresh (db, list);
}

/* Records another connection saved (the sync's thread) are announced as
 * "many of this type": the list reads everything again, once. */
static void
test_many_changed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-list-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) here = NULL;
  g_autoptr(LiaisonDatabase) sync = NULL;
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(LiaisonRecord) first = NULL;
  g_autofree char *order = NULL;

  g_assert_no_error (error);
  here = liaison_database_open (path, &error);
  g_assert_no_error (error);
  first = person (here, "Baker", "");
  list = liaison_record_list_new (here, &liaison_person_type);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);

  sync = liaison_database_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LiaisonRecord) other = person (sync, i == 0 ? "Adams" : i == 1 ? "Clark" : "Davis", "");
    }

  /* Nothing was told yet */
  g_assert_cmpuint (log->len, ==, 0);

  liaison_database_notify_changed (here, "person", NULL, LIAISON_CHANGE_UPDATE);
  assert_one_change (log, 0, 1, 4);
  order = names (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "Adams Baker Clark Davis");

  /* Another type's news is not this list's */
  liaison_database_notify_changed (here, "organization", NULL, LIAISON_CHANGE_UPDATE);
  g_assert_cmpuint (log->len, ==, 0);

  g_clear_object (&list);
  g_clear_object (&here);
  g_clear_object (&sync);
  liaison_test_remove_tree (dir);
}

static LiaisonRecord *
save_new (LiaisonDatabase         *db,
          const LiaisonRecordType *type,
          const char              *first_field,
          ...)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *record = liaison_record_new (type);
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (liaison_field_is_text (liaison_record_type_find_field (type, field)))
        liaison_record_set_text (record, field, value);
      else
        liaison_record_set_integer (record, field, g_ascii_strtoll (value, NULL, 10));
    }
  va_end (args);

  liaison_database_save (db, record, &error);
  g_assert_no_error (error);
  return record;
}

/* Four applicants, their people and two organizations */
static void
fill_office (LiaisonDatabase *db)
{
  g_autoptr(LiaisonRecord) zeta = save_new (db, &liaison_organization_type, "name", "Zeta Association",
                                            "kind", "us-association", "country", "US", NULL);
  g_autoptr(LiaisonRecord) alpha = save_new (db, &liaison_organization_type, "name", "Alpha League",
                                             "kind", "us-association", "country", "US", NULL);
  struct {
    const char *family, *reading, *title, *government, *jurisdiction, *status, *tags;
    LiaisonRecord *nominator;
  } rows[] = {
    { "Garcia", "", "Deputy Director", "City of Trenton", "US-NJ", "review", "priority\nalumni-event", zeta },
    { "Okafor", "", "budget officer", "county of essex", "US-NJ", "inquiry", "priorityx", alpha },
    { "山田", "やまだ", "Analyst", "Osaka Liaison", "CA-BC", "selected", "", NULL },
    { "Baker", "", "city manager", "Ébène Township", "CA-ON", "nominated", "priority", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(LiaisonRecord) person = save_new (db, &liaison_person_type, "family_name", rows[i].family,
                                                  "family_name_reading", rows[i].reading,
                                                  "title", rows[i].title, NULL);
      g_autoptr(LiaisonRecord) application =
        save_new (db, &liaison_application_type, "person", liaison_record_get_uuid (person),
                  "cohort_year", "2027",
                  "government", rows[i].government, "government_level", "city",
                  "jurisdiction", rows[i].jurisdiction, "status", rows[i].status,
                  "tags", rows[i].tags, "decision_date", "2026-11-01",
                  "nominator", rows[i].nominator != NULL ? liaison_record_get_uuid (rows[i].nominator) : "",
                  NULL);
    }
}

/* The governments of the applications listed, in order */
static char *
governments (GListModel *model)
{
  return field_of_each (model, "government", ", ");
}

/* Sorted descending, those that tie come in the reverse order too: a
 * day's changes of status, the latest first. */
static void
test_ties_descending (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(LiaisonRecordList) applications = NULL;
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(LiaisonRecord) application = NULL;
  g_autofree char *found = NULL;
  const char *statuses[] = { "nominated", "received", "review" };

  g_assert_no_error (error);
  fill_office (db);
  applications = liaison_record_list_new (db, &liaison_application_type);
  application = g_list_model_get_item (G_LIST_MODEL (applications), 0);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(LiaisonRecord) change = liaison_record_new (&liaison_status_change_type);

      liaison_record_set_text (change, "application", liaison_record_get_uuid (application));
      liaison_record_set_text (change, "status", statuses[i]);
      liaison_record_set_text (change, "changed_on", "2030-01-15");
      liaison_database_save (db, change, &error);
      g_assert_no_error (error);
    }

  list = liaison_record_list_new (db, &liaison_status_change_type);
  liaison_record_list_add_filter (list, "changed_on", "2030-01-15");
  liaison_record_list_set_sort (list, "changed_on", TRUE);
  g_assert_true (liaison_record_list_reload (list, &error));
  found = field_of_each (G_LIST_MODEL (list), "status", " ");
  g_assert_cmpstr (found, ==, "review received nominated");
  g_clear_pointer (&found, g_free);

  liaison_record_list_set_sort (list, "changed_on", FALSE);
  g_assert_true (liaison_record_list_reload (list, &error));
  found = field_of_each (G_LIST_MODEL (list), "status", " ");
  g_assert_cmpstr (found, ==, "nominated received review");
}

static void
note_application_cb (LiaisonDatabase *db,
                     const char      *record_type,
                     const char      *uuid,
                     int              action,
                     GPtrArray       *told)
{
  if (g_str_equal (record_type, "application") && uuid != NULL)
    g_ptr_array_add (told, g_strdup (uuid));
}

/* The applications sort by their person's name: a person renamed moves
 * theirs, and the lists are told of them. */
static void
test_person_renamed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(LiaisonRecordList) people = NULL;
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(LiaisonRecord) baker = NULL;
  g_autoptr(LiaisonRecord) bakers = NULL;
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  fill_office (db);
  list = liaison_record_list_new (db, &liaison_application_type);
  before = governments (G_LIST_MODEL (list));
  g_assert_cmpstr (before, ==, "Ébène Township, City of Trenton, county of essex, Osaka Liaison");

  people = liaison_record_list_new (db, &liaison_person_type);
  baker = g_list_model_get_item (G_LIST_MODEL (people), 0);
  g_assert_cmpstr (liaison_record_get_text (baker, "family_name"), ==, "Baker");
  bakers = g_list_model_get_item (G_LIST_MODEL (list), 0);

  g_signal_connect (db, "record-changed", G_CALLBACK (note_application_cb), told);
  liaison_record_set_text (baker, "family_name", "Zimmerman");
  liaison_database_save (db, baker, &error);
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (db, note_application_cb, told);

  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (told, 0), ==, liaison_record_get_uuid (bakers));

  g_assert_true (liaison_record_list_reload (list, &error));
  g_assert_no_error (error);
  after = governments (G_LIST_MODEL (list));
  g_assert_cmpstr (after, ==, "City of Trenton, county of essex, Ébène Township, Osaka Liaison");
}

static void
assert_search (LiaisonRecordList *list,
               const char        *text,
               const char        *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  liaison_record_list_set_search (list, text);
  g_assert_true (liaison_record_list_reload (list, &error));
  g_assert_no_error (error);
  found = governments (G_LIST_MODEL (list));
  g_assert_cmpstr (found, ==, expected);
}

static void
assert_sort (LiaisonRecordList *list,
             const char        *field,
             gboolean           descending,
             const char        *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  liaison_record_list_set_sort (list, field, descending);
  g_assert_true (liaison_record_list_reload (list, &error));
  g_assert_no_error (error);
  found = governments (G_LIST_MODEL (list));
  g_assert_cmpstr (found, ==, expected);
}

static void
check_search_and_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(LiaisonRecordList) list = NULL;

  g_assert_no_error (error);
  fill_office (db);
  list = liaison_record_list_new (db, &liaison_application_type);

  /* By the government, so that the order of the results is fixed */
  liaison_record_list_set_sort (list, "government", FALSE);

  /* Its own fields, the person's, the nominating organization's */
  assert_search (list, "trenton", "City of Trenton");
  assert_search (list, "GARCIA", "City of Trenton");
  assert_search (list, "alpha", "county of essex");
  assert_search (list, "budget", "county of essex");
  /* A status by its label */
  assert_search (list, "under review", "City of Trenton");
  /* Every word, wherever each is */
  assert_search (list, "garcia zeta trenton", "City of Trenton");
  assert_search (list, "garcia essex", "");
  /* Kana either way; a word too short for the index; accents */
  assert_search (list, "やまだ", "Osaka Liaison");
  assert_search (list, "ヤマダ", "Osaka Liaison");
  assert_search (list, "ok", "county of essex");
  assert_search (list, "ebene", "Ébène Township");
  /* Quotes and wildcards are only characters */
  assert_search (list, "\"%_", "");
  assert_search (list, "  ", "City of Trenton, county of essex, Ébène Township, Osaka Liaison");
  assert_search (list, NULL, "City of Trenton, county of essex, Ébène Township, Osaka Liaison");

  /* A tag is a whole line of the tags */
  liaison_record_list_add_filter (list, "tags", "priority");
  assert_search (list, NULL, "City of Trenton, Ébène Township");
  liaison_record_list_add_filter (list, "jurisdiction", "US-NJ");
  assert_search (list, NULL, "City of Trenton");
  liaison_record_list_clear_filters (list);

  /* Text without regard to case or accents; a linked record's field; a
   * link by the natural order of what it links to, none first; a choice
   * in the order of the pipeline */
  assert_sort (list, "government", TRUE, "Osaka Liaison, Ébène Township, county of essex, City of Trenton");
  assert_sort (list, "person.title", FALSE, "Osaka Liaison, county of essex, Ébène Township, City of Trenton");
  assert_sort (list, "nominator", FALSE, "Osaka Liaison, Ébène Township, county of essex, City of Trenton");
  assert_sort (list, "status", FALSE, "county of essex, Ébène Township, City of Trenton, Osaka Liaison");
  assert_sort (list, "status", TRUE, "Osaka Liaison, City of Trenton, Ébène Township, county of essex");
  /* Searched and sorted at once */
  liaison_record_list_set_search (list, "city");
  assert_sort (list, "person.title", TRUE, "City of Trenton, Ébène Township, county of essex, Osaka Liaison");
}

/* With SQLite's full-text index, and without it, as where SQLite lacks it */
static void
test_search_and_order (void)
{
  check_search_and_order ();

  g_setenv ("LIAISON_NO_FULL_TEXT", "1", TRUE);
  check_search_and_order ();
  g_unsetenv ("LIAISON_NO_FULL_TEXT");
}

typedef struct
{
  GPtrArray *results;
  guint      pending;
} Wait;

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  g_ptr_array_add (wait->results, g_object_ref (result));
  wait->pending--;
}

static void
wait_for (Wait *wait)
{
  while (wait->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets the worker threads' results in, until @list has no reading under
 * way (or thirty seconds have gone by) */
static void
wait_for_reading (LiaisonRecordList *list)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (liaison_record_list_is_reading (list) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_false (liaison_record_list_is_reading (list));
}

/* Read in a worker thread: the list stays as it was until the result is
 * put in place; a newer reload makes an older one moot, and a change while
 * it reads is read again after it. */
static void
test_reload_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-list-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) db = NULL;
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaisonRecord) changed = NULL;
  Wait wait = { results, 0 };
  g_autofree char *order = NULL;

  g_assert_no_error (error);
  db = liaison_database_open (path, &error);
  g_assert_no_error (error);
  fill_office (db);
  list = liaison_record_list_new (db, &liaison_application_type);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);

  liaison_record_list_set_sort (list, "government", FALSE);
  liaison_record_list_set_search (list, "priority");
  liaison_record_list_reload_async (list, NULL, reloaded_cb, &wait);
  wait.pending++;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  wait_for (&wait);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_true (liaison_record_list_reload_finish (list, g_ptr_array_index (results, 0), &error));
  g_assert_no_error (error);
  order = governments (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "City of Trenton, county of essex, Ébène Township");
  g_assert_cmpuint (log->len, >, 0);
  g_array_set_size (log, 0);
  g_ptr_array_set_size (results, 0);

  /* Two at once: only the later counts, whichever ends first */
  liaison_record_list_set_search (list, "garcia");
  liaison_record_list_reload_async (list, NULL, reloaded_cb, &wait);
  liaison_record_list_set_search (list, "baker");
  liaison_record_list_reload_async (list, NULL, reloaded_cb, &wait);
  wait.pending += 2;
  wait_for (&wait);
  {
    guint n_done = 0;

    for (guint i = 0; i < results->len; i++)
      {
        if (liaison_record_list_reload_finish (list, g_ptr_array_index (results, i), &error))
          n_done++;
        else
          {
            g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
            g_clear_error (&error);
          }
      }
    g_assert_cmpuint (n_done, ==, 1);
  }
  g_clear_pointer (&order, g_free);
  order = governments (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "Ébène Township");
  g_ptr_array_set_size (results, 0);

  /* A change while it reads: what it read is put in place, and the list
   * is read again after it, the change being newer */
  g_array_set_size (log, 0);
  liaison_record_list_set_search (list, NULL);
  liaison_record_list_reload_async (list, NULL, reloaded_cb, &wait);
  wait.pending++;
  {
    g_autoptr(LiaisonRecord) someone = save_new (db, &liaison_person_type, "family_name", "Adams", NULL);
    g_autoptr(LiaisonRecord) extra = save_new (db, &liaison_application_type,
                                               "person", liaison_record_get_uuid (someone),
                                               "cohort_year", "2027", "government", "Aaron County", "jurisdiction", "US-NY",
                                               "government_level", "county", "status", "inquiry", NULL);
  }
  wait_for (&wait);
  g_assert_true (liaison_record_list_reload_finish (list, g_ptr_array_index (results, 0), &error));
  g_assert_no_error (error);
  /* Whether or not the worker read the new row, it read before the change
   * was told: the list is read again. */
  g_assert_true (liaison_record_list_is_reading (list));
  wait_for_reading (list);
  g_clear_pointer (&order, g_free);
  order = governments (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "Aaron County, City of Trenton, county of essex, Ébène Township, Osaka Liaison");
  g_ptr_array_set_size (results, 0);

  /* A long list is read again in a worker thread when a record changes;
   * the row changed is told even when the order stays. */
  liaison_record_list_set_large (list, 0);
  g_array_set_size (log, 0);
  {
    g_autoptr(LiaisonRecord) last = g_list_model_get_item (G_LIST_MODEL (list), 4);

    changed = liaison_database_get (db, &liaison_application_type, liaison_record_get_uuid (last), &error);
    g_assert_no_error (error);
  }
  liaison_record_set_text (changed, "notes", "Met in Osaka");
  liaison_database_save (db, changed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_true (liaison_record_list_is_reading (list));
  wait_for_reading (list);
  assert_one_change (log, 4, 1, 1);

  /* Two changes before the list is read again: the first reading is moot,
   * and the second tells both rows */
  {
    g_autoptr(LiaisonRecord) shown_first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(LiaisonRecord) shown_second = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_autoptr(LiaisonRecord) first = liaison_database_get (db, &liaison_application_type,
                                                           liaison_record_get_uuid (shown_first), &error);
    g_autoptr(LiaisonRecord) second = liaison_database_get (db, &liaison_application_type,
                                                            liaison_record_get_uuid (shown_second), &error);

    g_assert_no_error (error);
    liaison_record_set_text (first, "notes", "First");
    liaison_record_set_text (second, "notes", "Second");
    g_assert_true (liaison_database_save (db, first, &error));
    g_assert_true (liaison_database_save (db, second, &error));
    g_assert_no_error (error);
    wait_for_reading (list);
    g_assert_cmpuint (log->len, ==, 2);
    g_assert_cmpuint (g_array_index (log, Change, 0).position, ==, 0);
    g_assert_cmpuint (g_array_index (log, Change, 1).position, ==, 1);
    g_array_set_size (log, 0);
  }

  liaison_record_set_text (changed, "government", "Abbott City");
  liaison_database_save (db, changed, &error);
  g_assert_no_error (error);
  wait_for_reading (list);
  g_assert_cmpuint (log->len, >, 0);
  g_clear_pointer (&order, g_free);
  order = governments (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "Aaron County, Abbott City, City of Trenton, county of essex, Ébène Township");

  g_clear_object (&list);
  g_clear_object (&db);
  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-list/order-and-signals", test_order_and_signals);
  g_test_add_func ("/record-list/filters-and-sort", test_filters_and_sort);
  g_test_add_func ("/record-list/long-list", test_long_list);
  g_test_add_func ("/record-list/far-end", test_far_end);
  g_test_add_func ("/record-list/many-changed", test_many_changed);
  g_test_add_func ("/record-list/search-and-order", test_search_and_order);
  g_test_add_func ("/record-list/person-renamed", test_person_renamed);
  g_test_add_func ("/record-list/ties-descending", test_ties_descending);
  g_test_add_func ("/record-list/reload-async", test_reload_async);

  return g_test_run ();
}
