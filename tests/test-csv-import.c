/* test-csv-import.c
 *
 * Importing a registrant list from CSV: headers in English and Japanese,
 * the encodings and line ends spreadsheets write, people found by email
 * or by name and local government, rows that are new, invalid, already
 * registered or repeated, and an import that is all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "liaison-csv-import.h"
#include "liaison-database.h"
#include "liaison-records.h"

typedef struct
{
  LiaisonDatabase *db;
  char            *seminar;        /* the seminar the file is for */
  char            *other_seminar;  /* an earlier one */
  char            *yamada;         /* two email addresses */
  char            *suzuki;         /* registered for the earlier seminar from Nagaoka City */
  char            *smith;          /* of the organization City of Trenton */
  char            *sato;           /* already registered for the seminar */
  char            *deleted;        /* deleted: never matched */
} Fixture;

static LiaisonRecord *
add (GPtrArray               *records,
     const LiaisonRecordType *type)
{
  LiaisonRecord *record = liaison_record_new (type);

  g_ptr_array_add (records, record);
  return record;
}

static LiaisonRecord *
add_person (GPtrArray  *records,
            const char *family,
            const char *given,
            const char *emails)
{
  LiaisonRecord *person = add (records, &liaison_person_type);

  liaison_record_set_text (person, "family_name", family);
  liaison_record_set_text (person, "given_name", given);
  liaison_record_set_text (person, "emails", emails);
  return person;
}

static LiaisonRecord *
add_seminar (GPtrArray  *records,
             const char *title,
             const char *start)
{
  LiaisonRecord *seminar = add (records, &liaison_seminar_type);

  liaison_record_set_text (seminar, "title_en", title);
  liaison_record_set_text (seminar, "start_local", start);
  liaison_record_set_text (seminar, "time_zone", "America/New_York");
  liaison_record_set_integer (seminar, "duration", 60);
  liaison_record_set_text (seminar, "status", "planned");
  return seminar;
}

static void
add_registrant (GPtrArray     *records,
                LiaisonRecord *seminar,
                LiaisonRecord *person,
                const char    *government,
                const char    *status)
{
  LiaisonRecord *registrant = add (records, &liaison_registrant_type);

  liaison_record_set_text (registrant, "seminar", liaison_record_get_uuid (seminar));
  liaison_record_set_text (registrant, "person", liaison_record_get_uuid (person));
  liaison_record_set_text (registrant, "local_government", government);
  liaison_record_set_text (registrant, "status", status);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonRecord *seminar, *other_seminar, *organization;
  LiaisonRecord *yamada, *suzuki, *smith, *sato, *deleted;

  fixture->db = liaison_database_open (":memory:", &error);
  g_assert_no_error (error);

  seminar = add_seminar (records, "Disaster preparedness", "2026-05-12T20:00");
  other_seminar = add_seminar (records, "Tourism after the pandemic", "2025-06-17T19:00");

  organization = add (records, &liaison_organization_type);
  liaison_record_set_text (organization, "name", "City of Trenton");
  liaison_record_set_text (organization, "kind", "government");
  liaison_record_set_text (organization, "country", "US");

  yamada = add_person (records, "Yamada", "Taro", "taro.yamada@city.yokohama.jp\nTaro@Example.org");
  suzuki = add_person (records, "Suzuki", "Ichiro", "ichiro@nagaoka.example.jp");
  smith = add_person (records, "Smith", "Anne", NULL);
  liaison_record_set_text (smith, "organization", liaison_record_get_uuid (organization));
  liaison_record_set_text (smith, "title", "Deputy Mayor");
  sato = add_person (records, "佐藤", "花子", "hanako@example.jp");
  deleted = add_person (records, "Gone", "Person", "gone@example.org");

  add_registrant (records, other_seminar, suzuki, "Nagaoka City", "attended");
  add_registrant (records, seminar, sato, "札幌市", "attended");

  liaison_database_save_all (fixture->db, records, &error);
  g_assert_no_error (error);
  liaison_database_delete (fixture->db, deleted, &error);
  g_assert_no_error (error);

  fixture->seminar = g_strdup (liaison_record_get_uuid (seminar));
  fixture->other_seminar = g_strdup (liaison_record_get_uuid (other_seminar));
  fixture->yamada = g_strdup (liaison_record_get_uuid (yamada));
  fixture->suzuki = g_strdup (liaison_record_get_uuid (suzuki));
  fixture->smith = g_strdup (liaison_record_get_uuid (smith));
  fixture->sato = g_strdup (liaison_record_get_uuid (sato));
  fixture->deleted = g_strdup (liaison_record_get_uuid (deleted));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->seminar);
  g_free (fixture->other_seminar);
  g_free (fixture->yamada);
  g_free (fixture->suzuki);
  g_free (fixture->smith);
  g_free (fixture->sato);
  g_free (fixture->deleted);
}

static LiaisonCsvImport *
load_text (Fixture     *fixture,
           const char  *text,
           gssize       length,
           GError     **error)
{
  g_autoptr(LiaisonCsvImport) import = liaison_csv_import_new_registrants (fixture->db, fixture->seminar);
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  if (!liaison_csv_import_load_bytes (import, bytes, error))
    {
      g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 0);
      return NULL;
    }

  return g_steal_pointer (&import);
}

static LiaisonCsvImport *
load (Fixture    *fixture,
      const char *text)
{
  g_autoptr(GError) error = NULL;
  LiaisonCsvImport *import = load_text (fixture, text, -1, &error);

  g_assert_no_error (error);
  return import;
}

/* Everything the database has, as a snapshot to compare */
static char *
dump (LiaisonDatabase *db)
{
  g_autoptr(GPtrArray) changes = liaison_database_list_changes (db, 0);
  GString *text = g_string_new (NULL);
  guint n_types = 0;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    g_string_append_printf (text, "%s=%u ", types[i]->name, liaison_database_count (db, types[i]));

  for (guint i = 0; i < changes->len; i++)
    {
      LiaisonChange *change = g_ptr_array_index (changes, i);

      g_string_append_printf (text, "\n%s %s %d %s", change->record_type, change->record_uuid,
                              change->action, change->fields != NULL ? change->fields : "");
    }

  return g_string_free (text, FALSE);
}

static const char *english =
  "Family name,Given name,Email,Local government,Title,Department\n"
  "Yamada,Taro,TARO@example.org,Yokohama,Director,\n"                  /* 2: email, the second of two */
  "ＳＵＺＵＫＩ,ichiro,,NAGAOKA  city,,\n"                              /* 3: name and past registration */
  "smith,ANNE,,City of Trenton,,\n"                                    /* 4: name and organization */
  "Sato,Hanako,HANAKO@example.jp,Sapporo,,\n"                          /* 5: already registered */
  "Brown,Lee,lee.brown@example.com,\"Springfield, IL\",\"Director, \"\"Global\"\" Affairs\",\"Line one\nLine two\"\n" /* 6 */
  "Green,Pat,not-an-email,Albany,,\n"                                  /* 7: invalid email */
  ",Nobody,nobody@example.com,Albany,,\n"                              /* 8: no family name */
  "\n"                                                                 /* 9: blank */
  "Brown,Lee,LEE.BROWN@example.com,Springfield,,\n"                    /* 10: repeats 6 */
  "Gone,Person,gone@example.org,,,\n"                                  /* 11: a deleted person is not matched */
  "Extra,Values,extra@example.org,Boston,,,surplus\n"                  /* 12: more values than headers */
  "Taro,Yamada,,Yokohama,,\n";                                         /* 13: no match: the name is the other way round */

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaisonCsvImport) import = load (fixture, english);
  g_auto(GStrv) unmatched = NULL;

  g_assert_cmpstr (liaison_csv_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (liaison_csv_import_get_n_headers (import), ==, 6);
  g_assert_cmpstr (liaison_csv_import_get_header (import, 2), ==, "Email");
  g_assert_cmpstr (liaison_csv_import_get_header_column (import, 0)->id, ==, "family_name");
  g_assert_cmpstr (liaison_csv_import_get_header_column (import, 1)->id, ==, "given_name");
  g_assert_cmpstr (liaison_csv_import_get_header_column (import, 2)->id, ==, "emails");
  g_assert_cmpstr (liaison_csv_column_get_label (liaison_csv_import_get_header_column (import, 2)), ==, "Email address");
  g_assert_cmpstr (liaison_csv_import_get_header_column (import, 3)->id, ==, "local_government");
  g_assert_cmpstr (liaison_csv_import_get_header_column (import, 4)->id, ==, "title");
  g_assert_cmpstr (liaison_csv_import_get_header_column (import, 5)->id, ==, "department");
  unmatched = liaison_csv_import_dup_unmatched_headers (import);
  g_assert_cmpuint (g_strv_length (unmatched), ==, 0);
  g_assert_true (liaison_csv_import_has_column (import, "emails"));
  g_assert_false (liaison_csv_import_has_column (import, "status"));

  g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 11);

  /* Matched by one of their email addresses, case aside */
  g_assert_cmpuint (liaison_csv_import_get_row_number (import, 0), ==, 2);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_MATCH);
  g_assert_cmpstr (liaison_csv_import_get_row_person (import, 0), ==, fixture->yamada);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 0), ==, "Row 2: Taro Yamada, found by email address.");

  /* By name, widths and case aside, and the local government of a past registration */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_MATCH);
  g_assert_cmpstr (liaison_csv_import_get_row_person (import, 1), ==, fixture->suzuki);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 1), ==,
                   "Row 3: Ichiro Suzuki, found by name and “Local government”.");

  /* By name and the name of their organization */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 2), ==, LIAISON_CSV_ROW_MATCH);
  g_assert_cmpstr (liaison_csv_import_get_row_person (import, 2), ==, fixture->smith);

  /* Already registered for this seminar */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 3), ==, LIAISON_CSV_ROW_DUPLICATE);
  g_assert_cmpstr (liaison_csv_import_get_row_person (import, 3), ==, fixture->sato);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 3), ==,
                   "Row 5: already registered for this seminar; the row updates the registration.");

  /* New, with a comma, quotes and a line break in quoted values */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 4), ==, LIAISON_CSV_ROW_NEW);
  g_assert_null (liaison_csv_import_get_row_person (import, 4));
  g_assert_null (liaison_csv_import_get_row_reason (import, 4));
  g_assert_cmpstr (liaison_csv_import_get_row_value (import, 4, "local_government"), ==, "Springfield, IL");
  g_assert_cmpstr (liaison_csv_import_get_row_value (import, 4, "title"), ==, "Director, \"Global\" Affairs");
  g_assert_cmpstr (liaison_csv_import_get_row_value (import, 4, "department"), ==, "Line one\nLine two");
  g_assert_null (liaison_csv_import_get_row_value (import, 4, "status"));

  /* Invalid, and why, in the words of the field's validation */
  g_assert_cmpuint (liaison_csv_import_get_row_number (import, 5), ==, 7);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 5), ==, LIAISON_CSV_ROW_INVALID);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 5), ==,
                   "Row 7: Email addresses: “not-an-email” is not an email address.");
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 6), ==, LIAISON_CSV_ROW_INVALID);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 6), ==, "Row 8: Family name is required.");

  /* The blank row 9 is skipped; row 10 repeats row 6 by email, case aside */
  g_assert_cmpuint (liaison_csv_import_get_row_number (import, 7), ==, 10);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 7), ==, LIAISON_CSV_ROW_REPEATED);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 7), ==, "Row 10: the same person as row 6.");

  /* A deleted person is not matched */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 8), ==, LIAISON_CSV_ROW_NEW);

  /* Ragged */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 9), ==, LIAISON_CSV_ROW_INVALID);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 9), ==,
                   "Row 12 has 7 values, but the first row names only 6 columns.");

  /* Given and family name the other way round are someone else */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 10), ==, LIAISON_CSV_ROW_NEW);

  g_assert_cmpuint (liaison_csv_import_count_rows (import, LIAISON_CSV_ROW_NEW), ==, 3);
  g_assert_cmpuint (liaison_csv_import_count_rows (import, LIAISON_CSV_ROW_MATCH), ==, 3);
  g_assert_cmpuint (liaison_csv_import_count_rows (import, LIAISON_CSV_ROW_DUPLICATE), ==, 1);
  g_assert_cmpuint (liaison_csv_import_count_rows (import, LIAISON_CSV_ROW_REPEATED), ==, 1);
  g_assert_cmpuint (liaison_csv_import_count_rows (import, LIAISON_CSV_ROW_INVALID), ==, 3);
}

static void
test_japanese (Fixture       *fixture,
               gconstpointer  data)
{
  /* A byte order mark, CRLF, Japanese headers with full-width brackets,
   * a form's own columns left out, and a whole name in one column */
  static const char *text =
    "\xef\xbb\xbfタイムスタンプ,氏名,姓（ふりがな）,名（フリガナ）,メールアドレス,自治体名,役職,状態\r\n"
    "2026/04/01 10:00,山田　太郎,やまだ,たろう,taro@example.org,横浜市,課長,出席\r\n"
    "2026/04/01 11:00,鈴木 一郎,すずき,いちろう,,Nagaoka City,,キャンセル\r\n"
    "2026/04/02 09:30,高橋 美咲,たかはし,みさき,ｍｉｓａｋｉ＠ｅｘａｍｐｌｅ．ｊｐ,仙台市,,\r\n"
    "2026/04/02 09:45,伊藤 健,いとう,けん,ken@example.jp,仙台市,,たぶん\r\n";
  g_autoptr(LiaisonCsvImport) import = load (fixture, text);
  g_auto(GStrv) unmatched = NULL;
  const char *expected[] = { NULL, "full_name", "family_name_reading", "given_name_reading",
                             "emails", "local_government", "title", "status" };

  g_assert_cmpuint (liaison_csv_import_get_n_headers (import), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LiaisonCsvColumn *column = liaison_csv_import_get_header_column (import, i);

      g_assert_cmpstr (column != NULL ? column->id : NULL, ==, expected[i]);
    }
  unmatched = liaison_csv_import_dup_unmatched_headers (import);
  g_assert_cmpstrv (unmatched, ((const char * const[]) { "タイムスタンプ", NULL }));
  g_assert_cmpstr (liaison_csv_import_get_header (import, 0), ==, "タイムスタンプ");

  g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 4);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_MATCH);
  g_assert_cmpstr (liaison_csv_import_get_row_person (import, 0), ==, fixture->yamada);
  g_assert_cmpstr (liaison_csv_import_get_row_value (import, 0, "full_name"), ==, "山田　太郎");
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 2), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 3), ==, LIAISON_CSV_ROW_INVALID);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 3), ==, "Row 5: Status cannot be “たぶん”.");

  {
    const guint rows[] = { 0, 1, 2 };
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaisonRecord) person = NULL;
    g_autoptr(LiaisonRecord) registrant = NULL;
    guint created = 0, updated = 0;
    const char *uuid;

    g_assert_true (liaison_csv_import_apply (import, rows, G_N_ELEMENTS (rows), &created, &updated, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (created, ==, 3);
    g_assert_cmpuint (updated, ==, 0);

    /* The whole name split, family name first; the status from its Japanese word */
    uuid = liaison_csv_import_get_row_person (import, 1);
    g_assert_nonnull (uuid);
    person = liaison_database_get (fixture->db, &liaison_person_type, uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (person, "family_name"), ==, "鈴木");
    g_assert_cmpstr (liaison_record_get_text (person, "given_name"), ==, "一郎");
    g_assert_cmpstr (liaison_record_get_text (person, "family_name_reading"), ==, "すずき");
    g_clear_object (&person);

    /* A full-width address, as Japanese forms let people type it */
    person = liaison_database_get (fixture->db, &liaison_person_type,
                                   liaison_csv_import_get_row_person (import, 2), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (person, "emails"), ==, "misaki@example.jp");
    g_clear_object (&person);

    g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_DUPLICATE);
    g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_DUPLICATE);

    /* Yamada's empty readings and title were filled, nothing else changed. */
    person = liaison_database_get (fixture->db, &liaison_person_type, fixture->yamada, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (person, "family_name"), ==, "Yamada");
    g_assert_cmpstr (liaison_record_get_text (person, "family_name_reading"), ==, "やまだ");
    g_assert_cmpstr (liaison_record_get_text (person, "title"), ==, "課長");
    g_assert_cmpstr (liaison_record_get_text (person, "emails"), ==, "taro.yamada@city.yokohama.jp\nTaro@Example.org");

    {
      g_autoptr(LiaisonRecord) probe = liaison_record_new (&liaison_registrant_type);
      g_autofree char *natural = NULL;

      liaison_record_set_text (probe, "seminar", fixture->seminar);
      liaison_record_set_text (probe, "person", fixture->yamada);
      natural = liaison_records_dup_natural_uuid (probe);
      registrant = liaison_database_get (fixture->db, &liaison_registrant_type, natural, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (liaison_record_get_text (registrant, "status"), ==, "attended");
      g_assert_cmpstr (liaison_record_get_text (registrant, "local_government"), ==, "横浜市");
    }
  }
}

static void
test_header_forms (Fixture       *fixture,
                   gconstpointer  data)
{
  /* As form services write them: other words, other case, stars for
   * required questions, a second byte order mark stuck to the first, LF */
  g_autoptr(LiaisonCsvImport) import =
    load (fixture, "\xef\xbb\xbf\xef\xbb\xbf" "Last Name*, First Name ,E-mail Address,Organization,Position,Phone Number,Status\n"
                   "Lee,Dana,dana@example.org,Hoboken,Clerk,+1 201 555 0100; 201-555-0101,Attended\n");
  const char *expected[] = { "family_name", "given_name", "emails", "local_government", "title", "phones", "status" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (liaison_csv_import_get_header_column (import, i)->id, ==, expected[i]);

  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpstr (liaison_csv_import_get_row_value (import, 0, "given_name"), ==, "Dana");

  {
    const guint row = 0;
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaisonRecord) person = NULL;
    guint created = 0;

    g_assert_true (liaison_csv_import_apply (import, &row, 1, &created, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (created, ==, 1);
    person = liaison_database_get (fixture->db, &liaison_person_type,
                                   liaison_csv_import_get_row_person (import, 0), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (person, "phones"), ==, "+1 201 555 0100\n201-555-0101");
  }
}

static void
test_line_ends_and_bom (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *bodies[] = {
    "Family name,Given name,Email\nKato,Yui,\"yui@example.org\"\nMori,\"Ken\nJi\",ken@example.org\n",
    "Family name,Given name,Email\r\nKato,Yui,\"yui@example.org\"\r\nMori,\"Ken\r\nJi\",ken@example.org\r\n",
    "Family name,Given name,Email\rKato,Yui,\"yui@example.org\"\rMori,\"Ken\rJi\",ken@example.org",
    "Family name;Given name;Email\nKato;Yui;yui@example.org\nMori;\"Ken\nJi\";ken@example.org",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    for (guint bom = 0; bom < 2; bom++)
      {
        g_autofree char *text = g_strconcat (bom ? "\xef\xbb\xbf" : "", bodies[i], NULL);
        g_autoptr(LiaisonCsvImport) import = load (fixture, text);

        g_assert_cmpstr (liaison_csv_import_get_header_column (import, 0)->id, ==, "family_name");
        g_assert_cmpstr (liaison_csv_import_get_header (import, 0), ==, "Family name");
        g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 2);
        g_assert_cmpstr (liaison_csv_import_get_row_value (import, 0, "emails"), ==, "yui@example.org");
        g_assert_cmpstr (liaison_csv_import_get_row_value (import, 1, "given_name"), ==, "Ken\nJi");
        g_assert_cmpstr (liaison_csv_import_get_row_value (import, 1, "emails"), ==, "ken@example.org");
        /* The row that holds a line break is one row, as a spreadsheet shows it */
        g_assert_cmpuint (liaison_csv_import_get_row_number (import, 1), ==, 3);
        g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_NEW);
      }
}

static void
test_encodings (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *utf8 =
    "姓,名,メール,所属\r\n"
    "髙橋,一郎,ichiro@example.jp,長岡市\r\n"
    "渡邉,花子,\"hanako.watanabe@example.jp\",﨑山町\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *sjis = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *tabbed = NULL;
  gsize sjis_length = 0;
  gsize utf16_length = 0;

  /* Shift_JIS as Windows writes it, with characters only its code page has */
  sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &sjis_length, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LiaisonCsvImport) import = load_text (fixture, sjis, sjis_length, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (liaison_csv_import_get_encoding (import), ==, "Shift_JIS");
    g_assert_cmpstr (liaison_csv_import_get_header (import, 3), ==, "所属");
    g_assert_cmpstr (liaison_csv_import_get_header_column (import, 3)->id, ==, "local_government");
    g_assert_cmpstr (liaison_csv_import_get_row_value (import, 0, "family_name"), ==, "髙橋");
    g_assert_cmpstr (liaison_csv_import_get_row_value (import, 1, "local_government"), ==, "﨑山町");
    g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_NEW);
  }

  /* Excel's "Unicode text": UTF-16 with a byte order mark, and tabs */
  tabbed = g_strdelimit (g_strdup (utf8), ",", '\t');
  utf16 = g_convert (tabbed, -1, "UTF-16LE", "UTF-8", NULL, &utf16_length, &error);
  g_assert_no_error (error);
  {
    g_autofree char *with_bom = g_malloc (utf16_length + 2);
    g_autoptr(LiaisonCsvImport) import = NULL;

    memcpy (with_bom, "\xff\xfe", 2);
    memcpy (with_bom + 2, utf16, utf16_length);
    import = load_text (fixture, with_bom, utf16_length + 2, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_csv_import_get_encoding (import), ==, "UTF-16");
    g_assert_cmpuint (liaison_csv_import_get_n_headers (import), ==, 4);
    g_assert_cmpstr (liaison_csv_import_get_row_value (import, 1, "family_name"), ==, "渡邉");
    g_assert_cmpstr (liaison_csv_import_get_row_value (import, 1, "emails"), ==, "hanako.watanabe@example.jp");
  }

  /* Neither UTF-8 nor Shift_JIS */
  g_assert_null (load_text (fixture, "Family name\n\xff\x80\xff\n", -1, &error));
  g_assert_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "CSV UTF-8"));
  g_clear_error (&error);

  /* Not text at all */
  g_assert_null (load_text (fixture, "Family name\nA\0B\n", 16, &error));
  g_assert_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const struct {
    const char *text;
    int         code;
    const char *message;
  } cases[] = {
    { "", LIAISON_CSV_IMPORT_ERROR_EMPTY, "The file is empty." },
    { "\xef\xbb\xbf\r\n\r\n", LIAISON_CSV_IMPORT_ERROR_EMPTY, "The file is empty." },
    { "Family name,Email\r\n", LIAISON_CSV_IMPORT_ERROR_EMPTY,
      "The file has a row of column names but nothing below it." },
    { "Timestamp,Answer\r\n1,2\r\n", LIAISON_CSV_IMPORT_ERROR_NO_COLUMNS,
      "None of the file’s columns is one Liaison knows. Its first row should name them, "
      "for example “Family name”, “Given name” and “Email”." },
    { "Email,Given name\r\nana@example.org,Ana\r\n", LIAISON_CSV_IMPORT_ERROR_NO_COLUMNS,
      "The file has no “Family name” column. Its first row should name the columns." },
    { "Family name,Email\r\nKato,kato@example.org\r\n\"Mori,mori@example.org\r\nAbe,abe@example.org\r\n",
      LIAISON_CSV_IMPORT_ERROR_SYNTAX,
      "A quoted value that starts on row 3 never ends. Look for a stray quotation mark there." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (load_text (fixture, cases[i].text, -1, &error));
      g_assert_error (error, LIAISON_CSV_IMPORT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_repeated_in_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaisonCsvImport) import =
    load (fixture,
          "Family name,Given name,Email,Local government\n"
          "Ono,Mika,mika@example.org,Kobe\n"       /* 2 */
          "ONO,mika,,ＫＯＢＥ\n"                   /* 3: same name and government as 2 */
          "Ito,Jun,jun@example.org,Kobe\n"         /* 4 */
          "Ito,Jun,jun2@example.org,Osaka\n"       /* 5: same name, another government: someone else */
          "Yamada,Taro,taro@EXAMPLE.org,\n"        /* 6: matches Yamada */
          "Yamada,T.,taro.yamada@city.yokohama.jp,\n");  /* 7: the same person through another address */
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->db);
  g_autofree char *after = NULL;
  guint n_people = liaison_database_count (fixture->db, &liaison_person_type);

  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_REPEATED);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 1), ==, "Row 3: the same person as row 2.");
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 2), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 3), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 4), ==, LIAISON_CSV_ROW_MATCH);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 5), ==, LIAISON_CSV_ROW_REPEATED);
  g_assert_cmpstr (liaison_csv_import_get_row_person (import, 5), ==, fixture->yamada);

  /* Two rows of one person cannot both be imported. */
  {
    const guint rows[] = { 0, 1 };

    g_assert_false (liaison_csv_import_apply (import, rows, 2, NULL, NULL, &error));
    g_assert_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_INVALID_ROW);
    g_assert_cmpstr (error->message, ==,
                     "Rows 2 and 3 are the same person; choose one of them. Nothing was imported.");
    g_clear_error (&error);
    after = dump (fixture->db);
    g_assert_cmpstr (before, ==, after);
  }

  /* A repeated row alone is what it is on its own: here a match. */
  {
    const guint rows[] = { 5, 1, 1 };
    guint created = 0, updated = 0;

    g_assert_true (liaison_csv_import_apply (import, rows, G_N_ELEMENTS (rows), &created, &updated, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (created, ==, 2);
    g_assert_cmpuint (updated, ==, 0);
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, n_people + 1);
  }
}

static void
test_apply (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LiaisonCsvImport) import = load (fixture, english);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *before = dump (fixture->db);
  g_autofree char *after = NULL;
  guint n_people = liaison_database_count (fixture->db, &liaison_person_type);
  guint n_registrants = liaison_database_count (fixture->db, &liaison_registrant_type);
  guint created = 99, updated = 99;

  /* An invalid row among the chosen: nothing at all */
  {
    const guint rows[] = { 0, 4, 5 };

    g_assert_false (liaison_csv_import_apply (import, rows, G_N_ELEMENTS (rows), &created, &updated, &error));
    g_assert_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_INVALID_ROW);
    g_assert_cmpstr (error->message, ==,
                     "Row 7: Email addresses: “not-an-email” is not an email address. Nothing was imported.");
    g_clear_error (&error);
    g_assert_cmpuint (created, ==, 0);
    g_assert_cmpuint (updated, ==, 0);
    after = dump (fixture->db);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&after, g_free);
  }

  /* Nothing chosen, nothing done */
  created = updated = 99;
  g_assert_true (liaison_csv_import_apply (import, NULL, 0, &created, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, 0);
  g_assert_cmpuint (updated, ==, 0);
  after = dump (fixture->db);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* Every row that can be */
  {
    const guint rows[] = { 0, 1, 2, 3, 4, 8, 10 };
    g_autoptr(LiaisonRecord) smith = NULL;
    g_autoptr(LiaisonRecord) brown = NULL;
    g_autoptr(LiaisonRecord) registrant = NULL;
    g_autoptr(LiaisonRecord) probe = liaison_record_new (&liaison_registrant_type);
    g_autofree char *natural = NULL;
    gint64 last_change;

    changes = liaison_database_list_changes (fixture->db, 0);
    last_change = ((LiaisonChange *) g_ptr_array_index (changes, changes->len - 1))->id;
    g_clear_pointer (&changes, g_ptr_array_unref);

    g_assert_true (liaison_csv_import_apply (import, rows, G_N_ELEMENTS (rows), &created, &updated, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (created, ==, 6);
    g_assert_cmpuint (updated, ==, 1);

    /* Three new people, six new registrations */
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, n_people + 3);
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_registrant_type), ==, n_registrants + 6);

    /* People made before the registrations that link them */
    changes = liaison_database_list_changes (fixture->db, last_change);
    g_assert_cmpuint (changes->len, >=, 3 + 6 + 1);
    g_assert_cmpstr (((LiaisonChange *) g_ptr_array_index (changes, 0))->record_type, ==, "person");
    g_assert_cmpstr (((LiaisonChange *) g_ptr_array_index (changes, changes->len - 1))->record_type, ==, "registrant");

    /* The preview follows: those rows are registered now. */
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_assert_cmpint (liaison_csv_import_get_row_status (import, rows[i]), ==, LIAISON_CSV_ROW_DUPLICATE);
    g_assert_cmpint (liaison_csv_import_get_row_status (import, 7), ==, LIAISON_CSV_ROW_REPEATED);

    /* A person there keeps their values. */
    smith = liaison_database_get (fixture->db, &liaison_person_type, fixture->smith, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (smith, "family_name"), ==, "Smith");
    g_assert_cmpstr (liaison_record_get_text (smith, "title"), ==, "Deputy Mayor");

    brown = liaison_database_get (fixture->db, &liaison_person_type,
                                  liaison_csv_import_get_row_person (import, 4), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (brown, "family_name"), ==, "Brown");
    g_assert_cmpstr (liaison_record_get_text (brown, "title"), ==, "Director, \"Global\" Affairs");
    g_assert_cmpstr (liaison_record_get_text (brown, "department"), ==, "Line one\nLine two");

    /* The registration there: its status kept, the local government the file's */
    liaison_record_set_text (probe, "seminar", fixture->seminar);
    liaison_record_set_text (probe, "person", fixture->sato);
    natural = liaison_records_dup_natural_uuid (probe);
    registrant = liaison_database_get (fixture->db, &liaison_registrant_type, natural, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (registrant, "status"), ==, "attended");
    g_assert_cmpstr (liaison_record_get_text (registrant, "local_government"), ==, "Sapporo");
    g_clear_object (&registrant);

    /* A new registration is "registered", with the file's local government */
    g_clear_pointer (&natural, g_free);
    liaison_record_set_text (probe, "person", liaison_record_get_uuid (brown));
    natural = liaison_records_dup_natural_uuid (probe);
    registrant = liaison_database_get (fixture->db, &liaison_registrant_type, natural, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (registrant, "status"), ==, "registered");
    g_assert_cmpstr (liaison_record_get_text (registrant, "local_government"), ==, "Springfield, IL");
  }

  /* The same again: every registration updated, none made */
  {
    const guint rows[] = { 0, 1, 2, 3, 4, 8, 10 };

    g_assert_true (liaison_csv_import_apply (import, rows, G_N_ELEMENTS (rows), &created, &updated, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (created, ==, 0);
    g_assert_cmpuint (updated, ==, 7);
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_person_type), ==, n_people + 3);
    g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_registrant_type), ==, n_registrants + 6);
  }
}

static void
test_changed_since_preview (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaisonCsvImport) import =
    load (fixture, "Family name,Given name,Email\nYamada,Taro,taro@example.org\nNew,Person,new@example.org\n");
  g_autoptr(LiaisonRecord) yamada = liaison_database_get (fixture->db, &liaison_person_type, fixture->yamada, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const guint rows[] = { 0, 1 };

  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_MATCH);

  /* Someone deletes the person the row matched. */
  liaison_database_delete (fixture->db, yamada, &error);
  g_assert_no_error (error);
  before = dump (fixture->db);

  g_assert_false (liaison_csv_import_apply (import, rows, 2, NULL, NULL, &error));
  g_assert_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_CHANGED);
  after = dump (fixture->db);
  g_assert_cmpstr (before, ==, after);

  /* The preview is up to date again. */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_NEW);
}

static void
test_rolled_back (Fixture       *fixture,
                  gconstpointer  data)
{
  /* A seminar that is not there: the people are saved first, then the
   * registration that links the seminar fails, and the people go too. */
  g_autofree char *nowhere = g_uuid_string_random ();
  g_autoptr(LiaisonCsvImport) import = liaison_csv_import_new_registrants (fixture->db, nowhere);
  g_autoptr(GBytes) bytes = g_bytes_new_static (english, strlen (english));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->db);
  g_autofree char *after = NULL;
  const guint rows[] = { 0, 4, 8 };
  guint created = 99;

  g_assert_true (liaison_csv_import_load_bytes (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 4), ==, LIAISON_CSV_ROW_NEW);

  g_assert_false (liaison_csv_import_apply (import, rows, G_N_ELEMENTS (rows), &created, NULL, &error));
  g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID);
  g_assert_cmpuint (created, ==, 0);
  after = dump (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

/* Another list described the same way: people themselves, with a link to
 * their organization by its name */
static const char * const organization_aliases[] = { "Organization", "所属", NULL };

static const LiaisonCsvColumn people_columns[] = {
  { "family_name", NULL, &liaison_person_type, "family_name", "name", 0, NULL, NULL },
  { "given_name", NULL, &liaison_person_type, "given_name", NULL, 0, NULL, NULL },
  { "emails", NULL, &liaison_person_type, "emails", NULL, 0, NULL, NULL },
  { "organization", NULL, &liaison_person_type, "organization", NULL,
    LIAISON_CSV_COLUMN_DEFAULT, organization_aliases, NULL },
  { "country", NULL, &liaison_person_type, "country", NULL, 0, NULL, NULL },
};

static const LiaisonCsvImportTarget people_target = {
  &liaison_person_type, NULL, people_columns, G_N_ELEMENTS (people_columns), NULL,
};

static void
test_other_target (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaisonCsvImport) import = liaison_csv_import_new (fixture->db, &people_target);
  static const char text[] = "Family name,Given name,Email addresses,Organization,Country\n"
                             "Smith,Anne,anne@trenton.example,,\n"
                             "Doe,Jo,jo@example.org,city of trenton,us\n"
                             "Roe,Al,al@example.org,Atlantis,\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) doe = NULL;
  const guint rows[] = { 1 };
  guint created = 0, updated = 0;

  g_assert_true (liaison_csv_import_load_bytes (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 3);

  /* No government column: only email finds Anne Smith, who has none yet. */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 2), ==, LIAISON_CSV_ROW_INVALID);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 2), ==,
                   "Row 4: Organization: there is no “Atlantis” in Liaison.");

  g_assert_true (liaison_csv_import_apply (import, rows, 1, &created, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, 1);
  g_assert_cmpuint (updated, ==, 0);

  doe = liaison_database_get (fixture->db, &liaison_person_type, liaison_csv_import_get_row_person (import, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_record_get_text (doe, "country"), ==, "US");
  g_assert_nonnull (liaison_record_get_text (doe, "organization"));
  {
    g_autoptr(LiaisonRecord) organization =
      liaison_database_get (fixture->db, &liaison_organization_type, liaison_record_get_text (doe, "organization"), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (liaison_record_get_text (organization, "name"), ==, "City of Trenton");
  }

  /* Now a match: a person there is updated, not made again. */
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_MATCH);
  g_assert_true (liaison_csv_import_apply (import, rows, 1, &created, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, 0);
  g_assert_cmpuint (updated, ==, 1);
}

/* Fellowship applications: numbers, yes or no, dates, choices by label */
static const LiaisonCsvColumn application_columns[] = {
  { "family_name", NULL, &liaison_person_type, "family_name", "name", 0, NULL, NULL },
  { "emails", NULL, &liaison_person_type, "emails", NULL, 0, NULL, NULL },
  { "cohort_year", NULL, &liaison_application_type, "cohort_year", NULL, 0, NULL, NULL },
  { "government", NULL, &liaison_application_type, "government", NULL, LIAISON_CSV_COLUMN_GOVERNMENT, NULL, NULL },
  { "government_level", NULL, &liaison_application_type, "government_level", NULL, 0, NULL, NULL },
  { "jurisdiction", NULL, &liaison_application_type, "jurisdiction", NULL, 0, NULL, NULL },
  { "has_cv", NULL, &liaison_application_type, "has_cv", NULL, 0, NULL, NULL },
  { "deadline", NULL, &liaison_application_type, "deadline", NULL, 0, NULL, NULL },
};

static const LiaisonCsvImportTarget application_target = {
  &liaison_application_type, "person", application_columns, G_N_ELEMENTS (application_columns),
  "already has an application; the row updates it.",
};

static void
test_field_kinds (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LiaisonCsvImport) import = liaison_csv_import_new (fixture->db, &application_target);
  static const char text[] =
    "Family name,Email addresses,Cohort year,Government,Level of government,Jurisdiction,CV or biography,Deadline\n"
    "Kim,kim@example.org,２０２７,City of Fort Lee,City,us-nj,Yes,2027/1/5\n"
    "Lopez,lopez@example.org,soon,Hoboken,city,US-NJ,no,\n"
    "Park,park@example.org,2027,Hoboken,city,US-NJ,maybe,\n"
    "Diaz,diaz@example.org,2027,Hoboken,town,US-NJ,,\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) application = NULL;
  const guint row = 0;

  liaison_csv_import_set_default (import, "status", "received");
  g_assert_true (liaison_csv_import_load_bytes (import, bytes, &error));
  g_assert_no_error (error);

  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 1), ==, "Row 3: Cohort year: “soon” is not a number.");
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 2), ==,
                   "Row 4: CV or biography: “maybe” is neither yes nor no.");
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 3), ==, "Row 5: Level of government cannot be “town”.");

  g_assert_true (liaison_csv_import_apply (import, &row, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_DUPLICATE);
  g_assert_cmpstr (liaison_csv_import_get_row_reason (import, 0), ==,
                   "Row 2: already has an application; the row updates it.");

  g_assert_cmpuint (liaison_database_count (fixture->db, &liaison_application_type), ==, 1);
  {
    g_autoptr(GPtrArray) changes = liaison_database_list_changes (fixture->db, 0);

    for (guint i = 0; application == NULL && i < changes->len; i++)
      {
        LiaisonChange *change = g_ptr_array_index (changes, i);

        if (g_str_equal (change->record_type, "application"))
          application = liaison_database_get (fixture->db, &liaison_application_type, change->record_uuid, &error);
      }
    g_assert_no_error (error);
    g_assert_nonnull (application);
  }
  g_assert_cmpint (liaison_record_get_integer (application, "cohort_year"), ==, 2027);
  g_assert_cmpstr (liaison_record_get_text (application, "government_level"), ==, "city");
  g_assert_cmpstr (liaison_record_get_text (application, "jurisdiction"), ==, "US-NJ");
  g_assert_true (liaison_record_get_boolean (application, "has_cv"));
  g_assert_cmpstr (liaison_record_get_text (application, "deadline"), ==, "2027-01-05");
  g_assert_cmpstr (liaison_record_get_text (application, "status"), ==, "received");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  liaison_csv_import_load_file_finish (LIAISON_CSV_IMPORT (source), result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LiaisonCsvImport) import = liaison_csv_import_new_registrants (fixture->db, fixture->seminar);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("liaison-import-XXXXXX.csv", &stream, &error);
  g_autoptr(GFile) missing = NULL;
  static const char text[] = "Family name,Email\r\nKato,kato@example.org\r\n";
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (liaison_csv_import_load_file (import, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 1);

  g_object_set_data (G_OBJECT (import), "done", &done);
  liaison_csv_import_load_file_async (import, file, NULL, loaded_cb, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 1);

  missing = g_file_get_child (file, "nothing-here.csv");
  g_assert_false (liaison_csv_import_load_file (import, missing, NULL, &error));
  g_assert_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_READ);
  g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 0);

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/csv-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("english", test_english);
  ADD ("japanese", test_japanese);
  ADD ("header-forms", test_header_forms);
  ADD ("line-ends-and-bom", test_line_ends_and_bom);
  ADD ("encodings", test_encodings);
  ADD ("refused", test_refused);
  ADD ("repeated-in-file", test_repeated_in_file);
  ADD ("apply", test_apply);
  ADD ("rolled-back", test_rolled_back);
  ADD ("changed-since-preview", test_changed_since_preview);
  ADD ("other-target", test_other_target);
  ADD ("field-kinds", test_field_kinds);
  ADD ("file", test_file);

#undef ADD

  return g_test_run ();
}
