/* test-database.c
 *
 * The store: every field of every type through a save and a load,
 * validation, deletes, the change log, migrations, and what happens to
 * files that are not what they should be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "liaison-database.h"
#include "liaison-record-list.h"
#include "liaison-test-files.h"
#include "liaison-test-lists.h"
#include "liaison-records.h"
#include "liaison-search.h"

typedef struct
{
  char            *dir;
  char            *path;
  LiaisonDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("liaison-database-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "office", "liaison.db", NULL);
  fixture->db = liaison_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  liaison_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* A valid value for every field: Japanese text, emoji, the longest text
 * allowed where @longest is set. */
static void
fill (LiaisonDatabase *db,
      LiaisonRecord   *record,
      gboolean         longest);

static char *
saved_link (LiaisonDatabase *db,
            const char      *type_name)
{
  const LiaisonRecordType *type = liaison_record_type_find (type_name != NULL ? type_name : "organization");
  g_autoptr(LiaisonRecord) record = liaison_record_new (type);
  g_autoptr(GError) error = NULL;

  fill (db, record, FALSE);
  liaison_database_save (db, record, &error);
  g_assert_no_error (error);

  return g_strdup (liaison_record_get_uuid (record));
}

static void
fill (LiaisonDatabase *db,
      LiaisonRecord   *record,
      gboolean         longest)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const LiaisonField *field = &type->fields[i];
      g_autofree char *value = NULL;

      if ((field->flags & LIAISON_FIELD_DERIVED) != 0)
        continue;

      switch (field->kind)
        {
        case LIAISON_FIELD_TEXT:
          if (longest)
            {
              GString *text = g_string_new (NULL);

              /* 1000 characters, of 1, 3 and 4 bytes */
              while (g_utf8_strlen (text->str, -1) < 996)
                g_string_append (text, "a東");
              g_string_append (text, "🌸🗾x東");
              g_assert_cmpint (g_utf8_strlen (text->str, -1), ==, 1000);
              value = g_string_free (text, FALSE);
            }
          else
            value = g_strdup ("山田 太郎 🎌 O’Brien “quoted”, comma");
          liaison_record_set_text (record, field->name, value);
          break;

        case LIAISON_FIELD_LONG_TEXT:
          liaison_record_set_text (record, field->name, "一行目\n\tsecond line, with a tab\n\n🍣 third\n");
          break;

        case LIAISON_FIELD_INTEGER:
          liaison_record_set_integer (record, field->name, longest ? field->maximum : MAX (field->minimum, 1));
          break;

        case LIAISON_FIELD_BOOLEAN:
          liaison_record_set_boolean (record, field->name, TRUE);
          break;

        case LIAISON_FIELD_DATE:
          liaison_record_set_text (record, field->name, "2026-02-28");
          break;

        case LIAISON_FIELD_CHOICE:
          {
            guint last = 0;

            while (field->choices[last + 1].value != NULL)
              last++;
            liaison_record_set_text (record, field->name, field->choices[longest ? last : 0].value);
          }
          break;

        case LIAISON_FIELD_EMAILS:
          liaison_record_set_text (record, field->name, "taro.yamada@example.jp\nt-yamada+jlgc@mail.example.org");
          break;

        case LIAISON_FIELD_PHONES:
          liaison_record_set_text (record, field->name, "+1 (212) 246-5542\n03-1234-5678 ext. 12");
          break;

        case LIAISON_FIELD_URL:
          liaison_record_set_text (record, field->name, "https://www.jlgc.org/ja/参加?a=1&b=2#x");
          break;

        case LIAISON_FIELD_LINK:
          value = saved_link (db, field->link_type);
          liaison_record_set_text (record, field->name, value);
          break;

        case LIAISON_FIELD_SUBDIVISION:
          liaison_record_set_text (record, field->name, longest ? "CA-YT" : "US-NJ");
          break;

        case LIAISON_FIELD_PREFECTURE:
          liaison_record_set_text (record, field->name, longest ? "47" : "04");
          break;

        case LIAISON_FIELD_COUNTRY:
          liaison_record_set_text (record, field->name, "JP");
          break;

        case LIAISON_FIELD_LANGUAGE:
          liaison_record_set_text (record, field->name, "ja");
          break;

        case LIAISON_FIELD_TIME_ZONE:
          liaison_record_set_text (record, field->name, "Asia/Tokyo");
          break;

        case LIAISON_FIELD_LOCAL_TIME:
          liaison_record_set_text (record, field->name, "2026-11-28T09:00");
          break;

        case LIAISON_FIELD_TAGS:
          liaison_record_set_text (record, field->name, "2027 cohort\n要フォロー");
          break;
        }
    }

  /* The rules that tie fields together */
  if (type == &liaison_application_type)
    liaison_record_set_text (record, "program_end", "2026-03-10");
  if (type == &liaison_organization_type)
    liaison_record_set_text (record, "conference_end", "2026-03-01");
}

static void
assert_same_record (LiaisonRecord *a,
                    LiaisonRecord *b)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (a);

  g_assert_true (type == liaison_record_get_record_type (b));
  g_assert_cmpstr (liaison_record_get_uuid (a), ==, liaison_record_get_uuid (b));
  g_assert_cmpint (liaison_record_get_created_at (a), ==, liaison_record_get_created_at (b));
  g_assert_cmpint (liaison_record_get_updated_at (a), ==, liaison_record_get_updated_at (b));
  g_assert_cmpint (liaison_record_get_deleted_at (a), ==, liaison_record_get_deleted_at (b));

  for (guint i = 0; i < type->n_fields; i++)
    {
      if (!liaison_record_equal_value (a, b, i))
        g_error ("%s.%s differs after a round trip", type->name, type->fields[i].name);
    }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      for (int variant = 0; variant < 3; variant++)
        {
          g_autoptr(LiaisonRecord) record = liaison_record_new (types[t]);
          g_autoptr(LiaisonRecord) loaded = NULL;
          g_autoptr(GError) error = NULL;

          /* 0: every field; 1: the longest values; 2: only what is required */
          if (variant < 2)
            fill (fixture->db, record, variant == 1);
          else
            {
              g_autoptr(LiaisonRecord) full = liaison_record_new (types[t]);

              fill (fixture->db, full, FALSE);
              for (guint i = 0; i < types[t]->n_fields; i++)
                {
                  const LiaisonField *field = &types[t]->fields[i];

                  if ((field->flags & LIAISON_FIELD_REQUIRED) != 0 ||
                      (types[t] == &liaison_affiliation_type && g_str_equal (field->name, "municipality")))
                    g_value_copy (liaison_record_get_value (full, i), (GValue *) liaison_record_get_value (record, i));
                }
            }

          liaison_database_save (fixture->db, record, &error);
          g_assert_no_error (error);
          g_assert_cmpint (liaison_record_get_created_at (record), >, 0);

          loaded = liaison_database_get (fixture->db, types[t], liaison_record_get_uuid (record), &error);
          g_assert_no_error (error);
          assert_same_record (record, loaded);
        }
    }

  /* A seminar's instant is computed from its wall time and zone. */
  {
    g_autoptr(LiaisonRecord) seminar = liaison_record_new (&liaison_seminar_type);
    g_autoptr(LiaisonRecord) loaded = NULL;
    g_autoptr(GError) error = NULL;

    fill (fixture->db, seminar, FALSE);
    liaison_record_set_text (seminar, "time_zone", "America/New_York");
    liaison_record_set_text (seminar, "start_local", "2026-11-27T19:00");
    liaison_database_save (fixture->db, seminar, &error);
    g_assert_no_error (error);

    loaded = liaison_database_get (fixture->db, &liaison_seminar_type, liaison_record_get_uuid (seminar), &error);
    g_assert_no_error (error);
    /* 19:00 EST on 27 November 2026 is 00:00 UTC on the 28th. */
    g_assert_cmpint (liaison_record_get_integer (loaded, "start_utc"), ==, G_GINT64_CONSTANT (1795824000000));
  }
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autofree char *family = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  gint64 year = 0;
  g_autoptr(LiaisonRecord) application = liaison_record_new (&liaison_application_type);

  g_assert_true (LIAISON_IS_PERSON (person));
  g_assert_true (LIAISON_IS_APPLICATION (application));

  g_object_set (person, "family-name", "佐藤", "given-name", "健", NULL);
  g_object_get (person, "family-name", &family, "uuid", &uuid, NULL);
  g_assert_cmpstr (family, ==, "佐藤");
  g_assert_true (g_uuid_string_is_valid (uuid));

  /* Japanese names are written family name first. */
  name = liaison_record_dup_title (person);
  g_assert_cmpstr (name, ==, "佐藤 健");
  g_clear_pointer (&name, g_free);

  liaison_record_set_text (person, "family_name", "Smith");
  liaison_record_set_text (person, "given_name", "Robert");
  liaison_record_set_text (person, "preferred_name", "Bob");
  name = liaison_record_dup_title (person);
  g_assert_cmpstr (name, ==, "Bob Smith");
  g_clear_pointer (&name, g_free);

  liaison_record_set_text (person, "name_order", "family-first");
  name = liaison_record_dup_title (person);
  g_assert_cmpstr (name, ==, "Smith Robert");

  g_object_set (application, "cohort-year", (gint64) 2027, NULL);
  g_object_get (application, "cohort-year", &year, NULL);
  g_assert_cmpint (year, ==, 2027);

  /* One-line fields are trimmed; empty is empty. */
  liaison_record_set_text (person, "title", "  Director  ");
  g_assert_cmpstr (liaison_record_get_text (person, "title"), ==, "Director");
  liaison_record_set_text (person, "title", "   ");
  g_assert_cmpstr (liaison_record_get_text (person, "title"), ==, "");
}

static guint
count_changes (LiaisonDatabase *db)
{
  g_autoptr(GPtrArray) changes = liaison_database_list_changes (db, 0);

  return changes->len;
}

static void
assert_refused (Fixture       *fixture,
                LiaisonRecord *record,
                const char    *expected)
{
  g_autoptr(GError) error = NULL;
  guint changes = count_changes (fixture->db);
  guint records = liaison_database_count (fixture->db, liaison_record_get_record_type (record));
  g_autoptr(LiaisonRecord) stored = NULL;

  g_assert_false (liaison_database_save (fixture->db, record, &error));
  g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);

  /* Nothing was written. */
  g_assert_cmpuint (count_changes (fixture->db), ==, changes);
  g_assert_cmpuint (liaison_database_count (fixture->db, liaison_record_get_record_type (record)), ==, records);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  struct {
    const char *field;
    const char *value;
    const char *expected;
  } person_cases[] = {
    { "family_name", NULL, "Family name is required" },
    { "emails", "taro@", "is not an email address" },
    { "emails", "ok@example.org\nnot an address", "“not an address” is not an email address" },
    { "phones", "call me", "is not a phone number" },
    { "name_order", "sideways", "cannot be “sideways”" },
    { "country", "Japan", "is not a two-letter country code" },
    { "organization", "not-a-uuid", "does not name a record" },
    { "organization", "0b5c6a52-3f7e-4d43-9a1e-ffffffffffff", "refers to a record that does not exist" },
  };
  struct {
    const char *field;
    const char *value;
    const char *expected;
  } organization_cases[] = {
    { "website", "www.nlc.org", "is not a web address" },
    { "website", "ftp://example.org/", "is not a web address" },
    { "conference_start", "2026-02-30", "is not a date of the form YYYY-MM-DD" },
    { "conference_start", "2026-3-1", "is not a date of the form YYYY-MM-DD" },
    { "conference_start", "2026-03-02", "cannot be before" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (person_cases); i++)
    {
      g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);

      liaison_record_set_text (person, "family_name", "Tanaka");
      liaison_record_set_text (person, person_cases[i].field, person_cases[i].value);
      assert_refused (fixture, person, person_cases[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (organization_cases); i++)
    {
      g_autoptr(LiaisonRecord) organization = liaison_record_new (&liaison_organization_type);

      fill (fixture->db, organization, FALSE);
      liaison_record_set_text (organization, organization_cases[i].field, organization_cases[i].value);
      assert_refused (fixture, organization, organization_cases[i].expected);
    }

  {
    g_autoptr(LiaisonRecord) application = liaison_record_new (&liaison_application_type);

    fill (fixture->db, application, FALSE);
    liaison_record_set_integer (application, "cohort_year", 1850);
    assert_refused (fixture, application, "must be between 1989 and 2100");

    liaison_record_set_integer (application, "cohort_year", 2027);
    liaison_record_set_text (application, "jurisdiction", "US-XX");
    assert_refused (fixture, application, "is not a US state");
    liaison_record_set_text (application, "jurisdiction", "us-nj");
    assert_refused (fixture, application, "is not a US state");

    liaison_record_set_text (application, "jurisdiction", "CA-ON");
    liaison_record_set_text (application, "host_prefecture", "48");
    assert_refused (fixture, application, "is not a prefecture code");

    liaison_record_set_text (application, "host_prefecture", "13");
    liaison_record_set_text (application, "status", "selected");
    liaison_record_set_text (application, "decision_date", NULL);
    assert_refused (fixture, application, "A decision date is needed");
  }

  {
    g_autoptr(LiaisonRecord) seminar = liaison_record_new (&liaison_seminar_type);

    fill (fixture->db, seminar, FALSE);
    /* Nobody chose which of a repeated hour */
    liaison_record_set_integer (seminar, "start_fold", 0);
    liaison_record_set_text (seminar, "time_zone", "America/New_York");
    liaison_record_set_text (seminar, "start_local", "2026-03-08T02:30");
    assert_refused (fixture, seminar, "does not exist in New York");

    liaison_record_set_text (seminar, "start_local", "2026-11-01T01:30");
    assert_refused (fixture, seminar, "happens twice in New York");

    liaison_record_set_text (seminar, "start_local", "2026-11-01T03:30");
    liaison_record_set_text (seminar, "time_zone", "America/Nowhere");
    assert_refused (fixture, seminar, "not a time zone known");
  }
}

static void
test_updates_and_log (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint before;
  LiaisonChange *last;

  liaison_record_set_text (person, "family_name", "Suzuki");
  liaison_record_set_text (person, "given_name", "Ichiro");
  liaison_database_save (fixture->db, person, &error);
  g_assert_no_error (error);

  changes = liaison_database_list_changes (fixture->db, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  last = g_ptr_array_index (changes, 0);
  g_assert_cmpint (last->action, ==, LIAISON_CHANGE_INSERT);
  g_assert_cmpstr (last->record_type, ==, "person");
  g_assert_cmpstr (last->record_uuid, ==, liaison_record_get_uuid (person));
  g_assert_cmpstr (last->fields, ==, "family_name,given_name");
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Saving what is there writes nothing. */
  before = count_changes (fixture->db);
  liaison_database_save (fixture->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_changes (fixture->db), ==, before);

  /* An update logs the fields it changed. */
  liaison_record_set_text (person, "title", "Mayor");
  liaison_record_set_text (person, "given_name", "Jiro");
  liaison_database_save (fixture->db, person, &error);
  g_assert_no_error (error);
  changes = liaison_database_list_changes (fixture->db, 0);
  last = g_ptr_array_index (changes, changes->len - 1);
  g_assert_cmpint (last->action, ==, LIAISON_CHANGE_UPDATE);
  g_assert_cmpstr (last->fields, ==, "given_name,title");
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Delete and undelete */
  g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, 1);
  g_assert_true (liaison_database_delete (fixture->db, person, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_record_is_deleted (person));
  g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, 0);
  {
    g_autoptr(LiaisonRecord) stored = liaison_database_get (fixture->db, &liaison_person_type,
                                                             liaison_record_get_uuid (person), &error);
    g_assert_no_error (error);
    g_assert_true (liaison_record_is_deleted (stored));
    g_assert_cmpstr (liaison_record_get_text (stored, "given_name"), ==, "Jiro");
  }

  g_assert_true (liaison_database_undelete (fixture->db, person, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_record_is_deleted (person));
  g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, 1);

  changes = liaison_database_list_changes (fixture->db, 0);
  g_assert_cmpint (((LiaisonChange *) g_ptr_array_index (changes, changes->len - 2))->action, ==, LIAISON_CHANGE_DELETE);
  g_assert_cmpint (((LiaisonChange *) g_ptr_array_index (changes, changes->len - 1))->action, ==, LIAISON_CHANGE_UNDELETE);

  /* Several at once: all or none */
  {
    g_autoptr(GPtrArray) several = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(LiaisonRecord) stranger = liaison_record_new (&liaison_person_type);
    guint people = liaison_database_count (fixture->db, &liaison_person_type);

    for (guint i = 0; i < 3; i++)
      {
        LiaisonRecord *other = liaison_record_new (&liaison_person_type);

        liaison_record_set_text (other, "family_name", "Mori");
        liaison_database_save (fixture->db, other, &error);
        g_assert_no_error (error);
        g_ptr_array_add (several, other);
      }
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, people + 3);

    /* One that is not in the database spoils the lot. */
    g_ptr_array_add (several, g_object_ref (stranger));
    g_assert_false (liaison_database_delete_all (fixture->db, several, &error));
    g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, people + 3);

    g_ptr_array_remove_index (several, several->len - 1);
    g_assert_true (liaison_database_delete_all (fixture->db, several, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, people);
    g_assert_true (liaison_database_undelete_all (fixture->db, several, &error));
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, people + 3);
  }

  /* A record that was never saved cannot be deleted. */
  {
    g_autoptr(LiaisonRecord) stranger = liaison_record_new (&liaison_person_type);

    g_assert_false (liaison_database_delete (fixture->db, stranger, &error));
    g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_NOT_FOUND);
  }
}

static void
test_status_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaisonRecord) application = liaison_record_new (&liaison_application_type);
  g_autoptr(GError) error = NULL;
  const char *steps[] = { "inquiry", "nominated", "received", "review", "selected" };
  g_autoptr(GPtrArray) changes = NULL;
  guint n_status_changes = 0;

  fill (fixture->db, application, FALSE);
  liaison_record_set_text (application, "decision_date", "2026-09-15");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      liaison_record_set_text (application, "status", steps[i]);
      liaison_database_save (fixture->db, application, &error);
      g_assert_no_error (error);
    }

  /* The same status again is no change. */
  liaison_database_save (fixture->db, application, &error);
  g_assert_no_error (error);

  changes = liaison_database_list_changes (fixture->db, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      LiaisonChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->record_type, "status_change"))
        {
          g_autoptr(LiaisonRecord) step = liaison_database_get (fixture->db, &liaison_status_change_type,
                                                                 change->record_uuid, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (liaison_record_get_text (step, "application"), ==, liaison_record_get_uuid (application));
          g_assert_cmpstr (liaison_record_get_text (step, "status"), ==, steps[n_status_changes]);
          if (g_str_equal (steps[n_status_changes], "selected"))
            g_assert_cmpstr (liaison_record_get_text (step, "changed_on"), ==, "2026-09-15");
          n_status_changes++;
        }
    }

  g_assert_cmpuint (n_status_changes, ==, G_N_ELEMENTS (steps));
}

static void
test_file_mode (Fixture       *fixture,
                gconstpointer  data)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Every table has a column for every field of its type, and no other
 * but the record's own. */
static void
assert_schema_matches_types (const char *path)
{
  sqlite3 *db = NULL;
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint t = 0; t < n_types; t++)
    {
      g_autofree char *sql = g_strconcat ("SELECT name FROM pragma_table_info('", types[t]->name, "')", NULL);
      g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);

      /* id, uuid, created_at, updated_at, deleted_at, sort_key, then the fields */
      g_assert_cmpuint (g_hash_table_size (columns), ==, 6 + types[t]->n_fields);
      for (guint i = 0; i < types[t]->n_fields; i++)
        {
          if (!g_hash_table_contains (columns, types[t]->fields[i].name))
            g_error ("The table %s has no column %s", types[t]->name, types[t]->fields[i].name);
        }
    }

  sqlite3_close (db);
}

static void
test_schema_matches_types (Fixture       *fixture,
                           gconstpointer  data)
{
  g_clear_object (&fixture->db);
  assert_schema_matches_types (fixture->path);
}

static void
write_sqlite (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* A connection just closed in another thread may still hold its lock
   * for a moment on a busy machine. */
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_open_refused (const char *path,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = NULL;
  g_autofree char *before = liaison_test_digest (path);
  g_autofree char *after = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  db = liaison_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, LIAISON_DATABASE_ERROR, code);
  g_test_message ("%s", error->message);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));

  /* The file is as it was, byte for byte, and nothing was added beside it. */
  after = liaison_test_digest (path);
  g_assert_cmpstr (before, ==, after);

  dir = g_dir_open (folder, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_refuses_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-newer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);

  g_assert_no_error (error);
  liaison_record_set_text (person, "family_name", "Kato");
  liaison_database_save (db, person, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  write_sqlite (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  assert_open_refused (path, LIAISON_DATABASE_ERROR_NEWER_VERSION);

  liaison_test_remove_tree (dir);
}

static void
test_refuses_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-damaged-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_no_error (error);
  for (guint i = 0; i < 500; i++)
    {
      LiaisonRecord *person = liaison_record_new (&liaison_person_type);
      g_autofree char *name = g_strdup_printf ("Person %u with a long enough name to fill pages", i);

      liaison_record_set_text (person, "family_name", name);
      g_ptr_array_add (people, person);
    }
  liaison_database_save_all (db, people, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  write_sqlite (path, "PRAGMA journal_mode = DELETE;");

  /* Scribble over the pages after the first. */
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize i = 4096 + 100; i < length; i += 997)
    data[i] ^= 0x5a;
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  assert_open_refused (path, LIAISON_DATABASE_ERROR_CORRUPT);

  /* Not a database at all */
  g_file_set_contents (path, "name,email\nTaro,taro@example.jp\n", -1, &error);
  g_assert_no_error (error);
  assert_open_refused (path, LIAISON_DATABASE_ERROR_NOT_A_DATABASE);

  /* Cut short in the middle of the header */
  g_file_set_contents (path, "SQLite for", -1, &error);
  g_assert_no_error (error);
  assert_open_refused (path, LIAISON_DATABASE_ERROR_NOT_A_DATABASE);

  /* Another program's SQLite database */
  g_unlink (path);
  write_sqlite (path, "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org/');");
  assert_open_refused (path, LIAISON_DATABASE_ERROR_NOT_A_DATABASE);

  liaison_test_remove_tree (dir);
}

typedef struct
{
  gboolean  done;
  gboolean  passed;
  GError   *error;
} Check;

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Check *check = user_data;

  check->passed = liaison_database_check_finish (LIAISON_DATABASE (object), result, &check->error);
  check->done = TRUE;
}

static gboolean
run_check (LiaisonDatabase  *db,
           GError          **error)
{
  Check check = { FALSE, FALSE, NULL };

  liaison_database_check_async (db, NULL, check_done_cb, &check);
  while (!check.done)
    g_main_context_iteration (NULL, TRUE);

  /* Let the task go, and with it its reference to the database. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  if (check.error != NULL)
    g_propagate_error (error, check.error);
  return check.passed;
}

/* What the application does: open at once, check the whole file in the
 * background, and write nothing more once the check fails. */
typedef struct
{
  guint one_by_one;
  guint many;
} Announced;

static void
announced_cb (LiaisonDatabase *db,
              const char      *type_name,
              const char      *uuid,
              int              action,
              Announced       *announced)
{
  if (uuid == NULL)
    announced->many++;
  else
    announced->one_by_one++;
}

static GPtrArray *
new_people (guint n)
{
  GPtrArray *people = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      LiaisonRecord *record = liaison_record_new (&liaison_person_type);
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      liaison_record_set_text (record, "family_name", name);
      g_ptr_array_add (people, record);
    }

  return people;
}

/* A few records saved together are announced one by one; many of a type
 * as one change of the type, which lists read again at once. */
static void
test_many_announced_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(GPtrArray) few = new_people (3);
  g_autoptr(GPtrArray) many = new_people (LIAISON_DATABASE_MANY_CHANGES + 1);
  Announced announced = { 0, 0 };

  g_assert_no_error (error);
  g_signal_connect (db, "record-changed", G_CALLBACK (announced_cb), &announced);

  g_assert_true (liaison_database_save_all (db, few, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (announced.one_by_one, ==, 3);
  g_assert_cmpuint (announced.many, ==, 0);

  g_assert_true (liaison_database_save_all (db, many, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (announced.one_by_one, ==, 3);
  g_assert_cmpuint (announced.many, ==, 1);
  g_assert_cmpuint (liaison_database_count (db, &liaison_person_type), ==, LIAISON_DATABASE_MANY_CHANGES + 4);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = liaison_database_save_all_finish (LIAISON_DATABASE (object), result, error);

  g_assert_true (ok == (*error == NULL));
  g_object_set_data (object, "saved", GINT_TO_POINTER (1));
}

static void
wait_saved (LiaisonDatabase *db)
{
  while (g_object_get_data (G_OBJECT (db), "saved") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_set_data (G_OBJECT (db), "saved", NULL);
}

/* Many records saved in a worker thread, through a connection of its own:
 * all or none, and announced on the application's connection. */
static void
test_save_all_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-save-async-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(GPtrArray) many = new_people (LIAISON_DATABASE_MANY_CHANGES + 1);
  g_autoptr(GPtrArray) some_bad = new_people (5);
  Announced announced = { 0, 0 };

  g_assert_no_error (error);
  g_signal_connect (db, "record-changed", G_CALLBACK (announced_cb), &announced);

  liaison_database_save_all_async (db, many, NULL, saved_cb, &error);
  wait_saved (db);
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_database_count (db, &liaison_person_type), ==, LIAISON_DATABASE_MANY_CHANGES + 1);
  g_assert_cmpuint (announced.many, ==, 1);
  {
    g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_person_type,
                                                            liaison_record_get_uuid (g_ptr_array_index (many, 7)), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (stored, "family_name"), ==, "Person 7");
  }

  /* One that cannot be saved: none is, and nothing is announced. */
  liaison_record_set_text (g_ptr_array_index (some_bad, 3), "emails", "not-an-address");
  liaison_database_save_all_async (db, some_bad, NULL, saved_cb, &error);
  wait_saved (db);
  g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“not-an-address” is not an email address"));
  g_clear_error (&error);
  g_assert_cmpuint (liaison_database_count (db, &liaison_person_type), ==, LIAISON_DATABASE_MANY_CHANGES + 1);
  g_assert_cmpuint (announced.one_by_one, ==, 0);
  g_assert_cmpuint (announced.many, ==, 1);

  g_clear_object (&db);
  liaison_test_remove_tree (dir);
}

/* In a worker thread */
static void
set_title (LiaisonRecord *record,
           gpointer       data)
{
  liaison_record_set_text (record, "title", data);
}

static void
set_emails (LiaisonRecord *record,
            gpointer       data)
{
  liaison_record_set_text (record, "title", "Changed");
  liaison_record_set_text (record, "emails", data);
}

static void
edit_some (LiaisonDatabase *db,
           const char      *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = new_people (4);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LiaisonRecordList) list = NULL;
  g_auto(GStrv) uuids = NULL;
  g_autoptr(GArray) asked = NULL;
  gint64 missing = G_MAXINT32;
  Announced announced = { 0, 0 };

  liaison_database_save_all (db, people, &error);
  g_assert_no_error (error);

  /* The uuids of rows of a list */
  list = liaison_record_list_new (db, &liaison_person_type);
  for (guint i = 0; i < 4; i++)
    {
      gint64 id = liaison_record_list_get_id (list, i);

      g_assert_cmpint (id, >, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (liaison_record_list_get_id (list, 4), ==, 0);
  uuids = liaison_database_dup_uuids (db, &liaison_person_type, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uuids), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (g_strv_contains ((const char * const *) uuids,
                                    liaison_record_get_uuid (g_ptr_array_index (people, i))));

  /* Edited there and saved, but for the one deleted meanwhile and the
   * one that is not there at all */
  g_assert_true (liaison_database_delete (db, g_ptr_array_index (people, 1), &error));
  g_assert_no_error (error);
  asked = g_array_copy (ids);
  g_array_append_val (asked, missing);

  g_signal_connect (db, "record-changed", G_CALLBACK (announced_cb), &announced);
  liaison_database_edit_all_async (db, &liaison_person_type, asked,
                                   set_title, g_strdup (title), g_free, NULL, saved_cb, &error);
  wait_saved (db);
  g_assert_no_error (error);
  g_assert_cmpuint (announced.one_by_one, ==, 3);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_person_type,
                                                              liaison_record_get_uuid (g_ptr_array_index (people, i)), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (liaison_record_get_text (stored, "title"), ==, i == 1 ? "" : title);
    }

  /* An edit that makes one invalid: none is saved */
  liaison_database_edit_all_async (db, &liaison_person_type, asked,
                                   set_emails, g_strdup ("not-an-address"), g_free, NULL, saved_cb, &error);
  wait_saved (db);
  g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_person_type,
                                                              liaison_record_get_uuid (g_ptr_array_index (people, i)), &error);

      g_assert_cmpstr (liaison_record_get_text (stored, "title"), ==, i == 1 ? "" : title);
    }
  g_signal_handlers_disconnect_by_func (db, announced_cb, &announced);
}

/* Records read, changed and saved in a worker thread, or in place for an
 * in-memory database */
static void
test_edit_all_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-edit-async-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(LiaisonDatabase) memory = liaison_database_open (":memory:", &error);

  g_assert_no_error (error);
  edit_some (db, "Deputy Director");
  edit_some (memory, "Program Officer");

  g_clear_object (&db);
  liaison_test_remove_tree (dir);
}

/* Records of @ids deleted, then restored, in a worker thread: those gone
 * or already so are left as they are. */
static void
delete_some (LiaisonDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = new_people (4);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LiaisonRecordList) list = NULL;
  gint64 missing = G_MAXINT32;
  Announced announced = { 0, 0 };

  liaison_database_save_all (db, people, &error);
  g_assert_no_error (error);
  list = liaison_record_list_new (db, &liaison_person_type);
  for (guint i = 0; i < 4; i++)
    {
      gint64 id = liaison_record_list_get_id (list, i);

      g_array_append_val (ids, id);
    }
  g_array_append_val (ids, missing);

  /* One is deleted already: the other three are, and told. */
  g_assert_true (liaison_database_delete (db, g_ptr_array_index (people, 2), &error));
  g_signal_connect (db, "record-changed", G_CALLBACK (announced_cb), &announced);
  liaison_database_set_deleted_async (db, &liaison_person_type, ids, TRUE, NULL, saved_cb, &error);
  wait_saved (db);
  g_assert_no_error (error);
  g_assert_cmpuint (announced.one_by_one, ==, 3);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_person_type,
                                                              liaison_record_get_uuid (g_ptr_array_index (people, i)), &error);

      g_assert_true (liaison_record_is_deleted (stored));
    }
  g_assert_true (liaison_record_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* All four back, as they were */
  announced.one_by_one = 0;
  liaison_database_set_deleted_async (db, &liaison_person_type, ids, FALSE, NULL, saved_cb, &error);
  wait_saved (db);
  g_assert_no_error (error);
  g_assert_cmpuint (announced.one_by_one, ==, 4);
  g_assert_true (liaison_record_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_person_type,
                                                              liaison_record_get_uuid (g_ptr_array_index (people, i)), &error);

      g_assert_false (liaison_record_is_deleted (stored));
      g_assert_cmpstr (liaison_record_get_text (stored, "family_name"), ==,
                       liaison_record_get_text (g_ptr_array_index (people, i), "family_name"));
    }
  g_signal_handlers_disconnect_by_func (db, announced_cb, &announced);
}

static void
test_set_deleted_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-delete-async-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(LiaisonDatabase) memory = liaison_database_open (":memory:", &error);

  g_assert_no_error (error);
  delete_some (db);
  delete_some (memory);

  g_clear_object (&db);
  liaison_test_remove_tree (dir);
}

static void
test_deferred_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-deferred-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      LiaisonRecord *record = liaison_record_new (&liaison_person_type);
      g_autofree char *name = g_strdup_printf ("Person %u with a long enough name to fill pages", i);

      liaison_record_set_text (record, "family_name", name);
      g_ptr_array_add (people, record);
    }
  liaison_database_save_all (db, people, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* A whole database passes. */
  db = liaison_database_open_full (path, LIAISON_DATABASE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_false (liaison_database_is_checked (db));
  g_assert_true (run_check (db, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_database_is_checked (db));
  g_assert_false (liaison_database_is_damaged (db));
  g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &db);
  g_object_unref (db);
  /* The worker's task lets go of it when it is done with it. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (db != NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_null (db);
  write_sqlite (path, "PRAGMA journal_mode = DELETE;");

  /* Scribble over the middle of the file, not its first pages. */
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  for (gsize i = length / 2; i < length; i += 211)
    data[i] ^= 0x5a;
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  db = liaison_database_open_full (path, LIAISON_DATABASE_OPEN_DEFER_CHECK, &error);
  if (db == NULL)
    {
      /* Damage the first look already sees is refused at once. */
      g_test_message ("refused on opening");
      g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_CORRUPT);
    }
  else
    {
      g_test_message ("found by the check in the background");
      g_assert_no_error (error);
      g_assert_false (run_check (db, &error));
      g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_CORRUPT);
      g_assert_false (liaison_database_is_checked (db));
      g_assert_true (liaison_database_is_damaged (db));
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);

      /* Nothing more is written to it. */
      liaison_record_set_text (person, "family_name", "Ogawa");
      g_assert_false (liaison_database_save (db, person, &error));
      g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_CORRUPT);
    }

  g_clear_object (&db);
  liaison_test_remove_tree (dir);
}

static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-migration-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "database-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(LiaisonDatabase) db = NULL;
  g_autoptr(LiaisonRecord) person = NULL;
  g_autoptr(LiaisonRecord) seminar = NULL;
  g_autoptr(GListModel) results = NULL;
  sqlite3 *old = NULL;
  sqlite3_stmt *stmt;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  write_sqlite (path, sql);
  g_chmod (path, 0600);

  db = liaison_database_open (path, &error);
  g_assert_no_error (error);

  /* The records are there, as they were. */
  person = liaison_database_get (db, &liaison_person_type, "0b5c6a52-3f7e-4d43-9a1e-1a2b3c4d5e02", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_record_get_text (person, "family_name"), ==, "山本");
  g_assert_cmpstr (liaison_record_get_text (person, "given_name_reading"), ==, "ハナコ");
  seminar = liaison_database_get (db, &liaison_seminar_type, "0b5c6a52-3f7e-4d43-9a1e-1a2b3c4d5e06", &error);
  g_assert_no_error (error);
  g_assert_true (liaison_record_is_deleted (seminar));
  g_assert_cmpuint (liaison_database_count (db, &liaison_person_type), ==, 2);
  g_assert_cmpuint (liaison_database_count (db, &liaison_seminar_type), ==, 0);

  /* Version 2 indexed them for the search; the deleted one stays out. */
  results = liaison_database_search (db, "はなこ", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = liaison_database_search (db, "chicago", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = liaison_database_search (db, "サブナショナル", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&db);

  /* The backup is the database as version 1 left it. */
  backup = liaison_database_find_backup (path);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_suffix (backup, "liaison.db.bak-v1"));
  g_assert_cmpint (sqlite3_open_v2 (backup, &old, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (old, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (old, "SELECT count(*) FROM person", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (old);

  /* The migrated file has the schema a new one has: the fixture keeps its
   * own copy of version 1, so a change to that version's SQL, which
   * migrations must never see, shows here. */
  assert_schema_matches_types (path);

  /* Version 7 indexed the tags of every type that has them, and the
   * query for the tags in use reads that index alone. */
  g_assert_cmpint (sqlite3_open_v2 (path, &old, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    guint n_types;
    const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

    for (guint i = 0; i < n_types; i++)
      {
        g_autofree char *plan = g_strdup_printf ("EXPLAIN QUERY PLAN SELECT DISTINCT tags FROM %s "
                                                 "WHERE deleted_at IS NULL AND tags IS NOT NULL",
                                                 types[i]->name);
        g_autofree char *index = g_strdup_printf ("INDEX %s_tags", types[i]->name);
        gboolean uses_index = FALSE;

        if (liaison_record_type_find_field (types[i], "tags") == NULL)
          continue;

        g_assert_cmpint (sqlite3_prepare_v2 (old, plan, -1, &stmt, NULL), ==, SQLITE_OK);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          uses_index |= strstr ((const char *) sqlite3_column_text (stmt, 3), index) != NULL;
        sqlite3_finalize (stmt);
        g_assert_true (uses_index);
      }
  }
  sqlite3_close (old);

  /* Opening again migrates nothing more. */
  db = liaison_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  liaison_test_remove_tree (dir);
}

static void
test_restore_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-restore-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "database-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(LiaisonDatabase) db = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean kept_damaged = FALSE;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  write_sqlite (path, sql);

  db = liaison_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_file_set_contents (path, "garbage", -1, &error);
  g_assert_no_error (error);
  db = liaison_database_open (path, &error);
  g_assert_null (db);
  g_clear_error (&error);

  backup = liaison_database_find_backup (path);
  g_assert_nonnull (backup);
  g_assert_true (liaison_database_restore_backup (path, backup, &error));
  g_assert_no_error (error);

  /* The damaged file was moved aside, not overwritten. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, "liaison.db.damaged-"))
        {
          g_autofree char *damaged = g_build_filename (dir, name, NULL);
          g_autofree char *text = NULL;

          g_file_get_contents (damaged, &text, NULL, NULL);
          if (g_strcmp0 (text, "garbage") == 0)
            kept_damaged = TRUE;
        }
    }
  g_assert_true (kept_damaged);

  /* The backup opens, and is migrated again. */
  db = liaison_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_database_count (db, &liaison_person_type), ==, 2);
  g_clear_object (&db);

  liaison_test_remove_tree (dir);
}

/* Whether the database's file or its write-ahead log holds @text */
static gboolean
on_disk (const char *path,
         const char *text)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      if (g_file_get_contents (file, &data, &length, NULL) &&
          memmem (data, length, text, strlen (text)) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
iterate_until_scrubbed (gpointer data)
{
  return !on_disk (data, "Zanzibar");
}

/* What a purge removes is soon gone from the disk, the write-ahead log
 * included, while the database stays open; with another connection
 * reading for long, once it has finished. */
static void
test_purge_leaves_no_trace (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;

  liaison_record_set_text (person, "family_name", "Doe");
  liaison_database_save (fixture->db, person, &error);
  g_assert_no_error (error);

  /* An empty log to start with, so that nothing the test writes is
   * overwritten there by chance */
  g_assert_cmpint (sqlite3_open (fixture->path, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (reader);
  {
    g_autofree char *log = g_strconcat (fixture->path, "-wal", NULL);
    GStatBuf buf;

    g_assert_cmpint (g_stat (log, &buf), ==, 0);
    g_assert_cmpint (buf.st_size, ==, 0);
  }

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(LiaisonRecord) application = liaison_test_application_record_new (person);
      gint64 deadline;

      liaison_record_set_text (application, "dietary", "Zanzibar fruit allergy");
      liaison_record_set_text (application, "emergency_contact", "Quetzal Doe, +1 609-555-0100");
      liaison_database_save (fixture->db, application, &error);
      g_assert_no_error (error);
      g_assert_true (on_disk (fixture->path, "Zanzibar"));

      if (round == 1)
        {
          /* Another connection in the middle of reading */
          g_assert_cmpint (sqlite3_open (fixture->path, &reader), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT uuid FROM application", -1, &stmt, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        }

      g_assert_true (liaison_database_purge_sensitive (fixture->db, application, &error));
      g_assert_no_error (error);

      if (round == 1)
        {
          /* The reader keeps the log for longer than the scrub waits for
           * it; once it is done, the log goes at the next try. */
          deadline = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
          while (g_get_monotonic_time () < deadline)
            {
              g_main_context_iteration (NULL, FALSE);
              g_usleep (10000);
            }
          g_assert_true (on_disk (fixture->path, "Zanzibar"));
          sqlite3_finalize (stmt);
          sqlite3_close (reader);
        }

      /* In a worker thread, after a retry or two: a second each, and more
       * on a busy machine */
      deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      while (!iterate_until_scrubbed (fixture->path) && g_get_monotonic_time () < deadline)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
      g_assert_false (on_disk (fixture->path, "Zanzibar"));
      g_assert_false (on_disk (fixture->path, "Quetzal"));
    }

  /* The database is whole, and still takes changes. */
  liaison_record_set_text (person, "given_name", "Jane");
  liaison_database_save (fixture->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_application_type), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/database/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/database/properties", Fixture, NULL, fixture_set_up, test_properties, fixture_tear_down);
  g_test_add ("/database/validation", Fixture, NULL, fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/database/updates-and-log", Fixture, NULL, fixture_set_up, test_updates_and_log, fixture_tear_down);
  g_test_add ("/database/status-history", Fixture, NULL, fixture_set_up, test_status_history, fixture_tear_down);
  g_test_add ("/database/file-mode", Fixture, NULL, fixture_set_up, test_file_mode, fixture_tear_down);
  g_test_add ("/database/schema-matches-types", Fixture, NULL, fixture_set_up, test_schema_matches_types, fixture_tear_down);
  g_test_add_func ("/database/refuses-newer", test_refuses_newer);
  g_test_add_func ("/database/refuses-damaged", test_refuses_damaged);
  g_test_add_func ("/database/deferred-check", test_deferred_check);
  g_test_add_func ("/database/migration", test_migration);
  g_test_add_func ("/database/many-announced-once", test_many_announced_once);
  g_test_add_func ("/database/save-all-async", test_save_all_async);
  g_test_add_func ("/database/edit-all-async", test_edit_all_async);
  g_test_add_func ("/database/set-deleted-async", test_set_deleted_async);
  g_test_add_func ("/database/restore-backup", test_restore_backup);
  g_test_add ("/database/purge-leaves-no-trace", Fixture, NULL, fixture_set_up, test_purge_leaves_no_trace, fixture_tear_down);

  return g_test_run ();
}
