/* test-demo.c
 *
 * The sample data: a few hundred records of every type that all pass
 * validation, every application status, Japanese and English names,
 * seminars before and after the day the data was written, and nothing
 * written into a database that already has records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-database.h"
#include "liaison-demo.h"
#include "liaison-fellowship.h"
#include "liaison-record-list.h"
#include "liaison-records.h"

/* 2026-11-27T00:00Z, the day the sample data places its past and future
 * around */
#define DEMO_TODAY_MS G_GINT64_CONSTANT (1795737600000)

static guint
count_all (LiaisonDatabase *db,
           guint           *counts)
{
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);
  guint total = 0;

  for (guint i = 0; i < n_types; i++)
    {
      counts[i] = liaison_database_count (db, types[i]);
      total += counts[i];
    }

  return total;
}

static LiaisonRecordList *
load_list (LiaisonDatabase         *db,
           const LiaisonRecordType *type,
           const char              *field,
           const char              *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecordList) list = liaison_record_list_new (db, type);

  if (field != NULL)
    liaison_record_list_add_filter (list, field, value);
  liaison_record_list_reload (list, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&list);
}

static void
assert_found (LiaisonDatabase *db,
              const char      *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = liaison_database_search (db, query, 50, &error);

  g_assert_no_error (error);
  g_test_message ("search for \"%s\": %u results", query, g_list_model_get_n_items (results));
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
}

static void
test_fill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(LiaisonRecordList) people = NULL;
  g_autoptr(LiaisonRecordList) seminars = NULL;
  const LiaisonField *status_field;
  const LiaisonRecordType **types;
  guint n_types;
  guint counts[32];
  guint counts_again[32];
  guint total;
  guint japanese = 0;
  guint other = 0;
  guint past = 0;
  guint future = 0;
  guint cancelled = 0;

  g_assert_no_error (error);
  g_assert_true (liaison_database_is_empty (db));

  g_assert_true (liaison_demo_fill (db, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_database_is_empty (db));

  /* Enough of everything, but not too much */
  types = liaison_record_type_get_all (&n_types);
  g_assert_cmpuint (n_types, <=, G_N_ELEMENTS (counts));
  total = count_all (db, counts);
  for (guint i = 0; i < n_types; i++)
    {
      g_test_message ("%s: %u", types[i]->name, counts[i]);
      g_assert_cmpuint (counts[i], >, 0);
    }
  g_test_message ("in all: %u", total);
  g_assert_cmpuint (total, >=, 300);
  g_assert_cmpuint (total, <=, 1500);

  /* Every status of the pipeline */
  status_field = liaison_record_type_find_field (&liaison_application_type, "status");
  for (guint i = 0; status_field->choices[i].value != NULL; i++)
    {
      g_autoptr(LiaisonRecordList) applications =
        load_list (db, &liaison_application_type, "status", status_field->choices[i].value);

      g_test_message ("applications %s: %u", status_field->choices[i].value,
                      g_list_model_get_n_items (G_LIST_MODEL (applications)));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (applications)), >, 0);
    }

  /* Japanese names and others */
  people = load_list (db, &liaison_person_type, NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (people)); i++)
    {
      g_autoptr(LiaisonRecord) person = g_list_model_get_item (G_LIST_MODEL (people), i);

      if (liaison_text_has_japanese (liaison_record_get_text (person, "family_name")))
        japanese++;
      else
        other++;
    }
  g_test_message ("people with Japanese names: %u, others: %u", japanese, other);
  g_assert_cmpuint (japanese, >, 0);
  g_assert_cmpuint (other, >, 0);

  /* Seminars held and to come, and one called off */
  seminars = load_list (db, &liaison_seminar_type, NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (seminars)); i++)
    {
      g_autoptr(LiaisonRecord) seminar = g_list_model_get_item (G_LIST_MODEL (seminars), i);

      if (liaison_record_get_integer (seminar, "start_utc") < DEMO_TODAY_MS)
        past++;
      else
        future++;

      if (g_str_equal (liaison_record_get_text (seminar, "status"), "cancelled"))
        cancelled++;
    }
  g_test_message ("seminars before 2026-11-27: %u, after: %u, cancelled: %u", past, future, cancelled);
  g_assert_cmpuint (past, >, 0);
  g_assert_cmpuint (future, >, 0);
  g_assert_cmpuint (cancelled, >, 0);

  /* Once only */
  g_assert_false (liaison_demo_fill (db, &error));
  g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  g_assert_cmpuint (count_all (db, counts_again), ==, total);
  for (guint i = 0; i < n_types; i++)
    g_assert_cmpuint (counts_again[i], ==, counts[i]);

  /* Found from one box, in kanji and in Latin letters */
  assert_found (db, "大阪");
  assert_found (db, "chicago");
}

/* The values of @field of every record of @type, sorted */
static GPtrArray *
all_values (LiaisonDatabase         *db,
            const LiaisonRecordType *type,
            const LiaisonField      *field)
{
  g_autoptr(LiaisonRecordList) list = load_list (db, type, NULL, NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(LiaisonRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (field->kind == LIAISON_FIELD_INTEGER)
        g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, liaison_record_get_integer (record, field->name)));
      else
        g_ptr_array_add (values, g_strdup (liaison_record_get_text (record, field->name)));
    }
  g_ptr_array_sort_values (values, (GCompareFunc) g_strcmp0);

  return values;
}

static gboolean
has_value (GPtrArray  *values,
           const char *value)
{
  return g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL);
}

/* Filled two years after it was written, the data is moved on two years:
 * the coming cohort is still the one it fills */
static void
test_moved_on (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) written = liaison_database_open (":memory:", &error);
  g_autoptr(LiaisonDatabase) later = liaison_database_open (":memory:", &error);
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  g_assert_no_error (error);
  liaison_set_today (LIAISON_DEMO_TODAY);
  g_assert_true (liaison_demo_fill (written, &error));
  g_assert_no_error (error);
  liaison_set_today ("2028-11-27");
  g_assert_true (liaison_demo_fill (later, &error));
  g_assert_no_error (error);
  liaison_set_today (NULL);

  for (guint i = 0; i < n_types; i++)
    for (guint j = 0; j < types[i]->n_fields; j++)
      {
        const LiaisonField *field = &types[i]->fields[j];
        g_autoptr(GPtrArray) before = NULL;
        g_autoptr(GPtrArray) after = NULL;

        if (field->kind != LIAISON_FIELD_DATE && field->kind != LIAISON_FIELD_LOCAL_TIME &&
            !g_str_equal (field->name, "cohort_year"))
          continue;

        before = all_values (written, types[i], field);
        after = all_values (later, types[i], field);
        g_assert_cmpuint (before->len, ==, after->len);

        /* Every date or year from 2020 on two years later; those before,
         * the same */
        for (guint k = 0; k < before->len; k++)
          {
            const char *value = g_ptr_array_index (before, k);
            int year = atoi (value);
            g_autofree char *expected = NULL;

            if (value[0] == '\0' || year < 2020)
              expected = g_strdup (value);
            else
              expected = g_strdup_printf ("%04d%s", year + 2, value + 4);
            if (!has_value (after, expected))
              g_error ("%s.%s: %s, filled two years later, is not %s", types[i]->name, field->name, value, expected);
          }
      }

  /* The founding of an affiliation is history */
  {
    g_autoptr(GPtrArray) established = all_values (later, &liaison_affiliation_type,
                                                   liaison_record_type_find_field (&liaison_affiliation_type, "established"));

    g_assert_true (has_value (established, "1960-02-29"));
  }

  /* The years the next thing to do names move too */
  {
    g_autoptr(GPtrArray) before = all_values (written, &liaison_organization_type,
                                              liaison_record_type_find_field (&liaison_organization_type, "next_action"));
    g_autoptr(GPtrArray) after = all_values (later, &liaison_organization_type,
                                             liaison_record_type_find_field (&liaison_organization_type, "next_action"));

    g_assert_true (has_value (before, "Send the 2027 call for nominations to the international team"));
    g_assert_true (has_value (after, "Send the 2029 call for nominations to the international team"));
    g_assert_false (has_value (after, "Send the 2027 call for nominations to the international team"));
  }

  /* The coming cohort is as full as it was */
  {
    g_autoptr(LiaisonRecordList) coming = load_list (written, &liaison_application_type, "cohort_year", "2027");
    g_autoptr(LiaisonRecordList) coming_later = load_list (later, &liaison_application_type, "cohort_year", "2029");

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (coming)), >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (coming_later)), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (coming)));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/fill", test_fill);
  g_test_add_func ("/demo/moved-on", test_moved_on);

  return g_test_run ();
}
