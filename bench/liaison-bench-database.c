/* liaison-bench-database.c
 *
 * How the store does with a large office: 100,000 people and 50,000
 * applications. Prints the time to open the database and read the first
 * 50 rows of every list, the search latency over 200 queries as typed,
 * and the peak memory, each beside the raw SQLite minimum for the same
 * work measured in the same run.
 *
 *   liaison-bench-database [--people N] [--applications N] [--runs N] [DIR]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include "liaison-database.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-search.h"

static const struct {
  const char *kanji;
  const char *kana;
} japanese_family[] = {
  { "佐藤", "サトウ" }, { "鈴木", "スズキ" }, { "高橋", "タカハシ" }, { "田中", "タナカ" },
  { "伊藤", "イトウ" }, { "渡辺", "ワタナベ" }, { "山本", "ヤマモト" }, { "中村", "ナカムラ" },
  { "小林", "コバヤシ" }, { "加藤", "カトウ" }, { "吉田", "ヨシダ" }, { "山田", "ヤマダ" },
  { "佐々木", "ササキ" }, { "山口", "ヤマグチ" }, { "松本", "マツモト" }, { "井上", "イノウエ" },
  { "木村", "キムラ" }, { "林", "ハヤシ" }, { "清水", "シミズ" }, { "森", "モリ" },
};

static const struct {
  const char *kanji;
  const char *kana;
} japanese_given[] = {
  { "太郎", "タロウ" }, { "花子", "ハナコ" }, { "健", "ケン" }, { "美咲", "ミサキ" },
  { "大輔", "ダイスケ" }, { "由美", "ユミ" }, { "翔", "ショウ" }, { "葵", "アオイ" },
  { "誠", "マコト" }, { "直子", "ナオコ" },
};

static const char *english_family[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
  "Rodriguez", "Martinez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
  "Martin", "Lee", "Thompson", "White", "Harris", "Tremblay", "Gagnon", "Côté",
};

static const char *english_given[] = {
  "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda",
  "María", "Daniel", "Sarah", "Kevin", "Emily", "Zoë", "Geneviève", "Ethan",
};

static const char *jurisdictions[] = {
  "US-NY", "US-NJ", "US-CA", "US-TX", "US-WA", "US-IL", "US-OH", "US-GA",
  "CA-ON", "CA-BC", "CA-QC", "CA-AB",
};

static const char *statuses[] = {
  "inquiry", "nominated", "received", "review", "withdrawn", "confirmed", "travelled", "alumni",
};

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  fraction)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint) (fraction * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, index);
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Building */

static void
build (const char *path,
       guint       n_people,
       guint       n_applications)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  gint64 start = g_get_monotonic_time ();
  guint batch = 10000;

  if (db == NULL)
    g_error ("%s", error->message);

  for (guint done = 0; done < n_people; done += batch)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < MIN (done + batch, n_people); i++)
        {
          LiaisonRecord *person = liaison_record_new (&liaison_person_type);

          if (i % 2 == 0)
            {
              guint f = g_rand_int_range (rand, 0, G_N_ELEMENTS (japanese_family));
              guint g = g_rand_int_range (rand, 0, G_N_ELEMENTS (japanese_given));

              liaison_record_set_text (person, "family_name", japanese_family[f].kanji);
              liaison_record_set_text (person, "given_name", japanese_given[g].kanji);
              liaison_record_set_text (person, "family_name_reading", japanese_family[f].kana);
              liaison_record_set_text (person, "given_name_reading", japanese_given[g].kana);
              liaison_record_set_text (person, "department", "国際交流課");
            }
          else
            {
              g_autofree char *email = g_strdup_printf ("person%u@example.org", i);

              liaison_record_set_text (person, "family_name",
                                       english_family[g_rand_int_range (rand, 0, G_N_ELEMENTS (english_family))]);
              liaison_record_set_text (person, "given_name",
                                       english_given[g_rand_int_range (rand, 0, G_N_ELEMENTS (english_given))]);
              liaison_record_set_text (person, "title", "Director of International Affairs");
              liaison_record_set_text (person, "emails", email);
            }

          g_ptr_array_add (people, g_strdup (liaison_record_get_uuid (person)));
          g_ptr_array_add (records, person);
        }

      if (!liaison_database_save_all (db, records, &error))
        g_error ("%s", error->message);
    }

  for (guint done = 0; done < n_applications; done += batch)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < MIN (done + batch, n_applications); i++)
        {
          LiaisonRecord *application = liaison_record_new (&liaison_application_type);
          g_autofree char *government = g_strdup_printf ("City %u", i);

          liaison_record_set_text (application, "person", g_ptr_array_index (people, (i * 2 + 1) % people->len));
          liaison_record_set_integer (application, "cohort_year", 2000 + i % 28);
          liaison_record_set_text (application, "government", government);
          liaison_record_set_text (application, "government_level", "city");
          liaison_record_set_text (application, "jurisdiction",
                                   jurisdictions[g_rand_int_range (rand, 0, G_N_ELEMENTS (jurisdictions))]);
          liaison_record_set_text (application, "status",
                                   statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
          g_ptr_array_add (records, application);
        }

      if (!liaison_database_save_all (db, records, &error))
        g_error ("%s", error->message);
    }

  g_print ("built %u people and %u applications in %.1f s\n",
           n_people, n_applications, elapsed_ms (start) / 1000.0);
}

/* Measuring */

static const LiaisonRecordType *list_types[] = {
  &liaison_person_type,
  &liaison_organization_type,
  &liaison_application_type,
  &liaison_affiliation_type,
  &liaison_seminar_type,
};

static double
open_with_liaison (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  /* As the application opens it: the full check follows in the background. */
  db = liaison_database_open_full (path, LIAISON_DATABASE_OPEN_DEFER_CHECK, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  for (guint t = 0; t < G_N_ELEMENTS (list_types); t++)
    {
      g_autoptr(LiaisonRecordList) list = liaison_record_list_new (db, list_types[t]);
      guint n = MIN (50, g_list_model_get_n_items (G_LIST_MODEL (list)));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LiaisonRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_assert_nonnull (record);
        }
    }

  ms = elapsed_ms (start);
  return ms;
}

static double
open_raw (const char *path)
{
  sqlite3 *db = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  for (guint t = 0; t < G_N_ELEMENTS (list_types); t++)
    {
      g_autofree char *sql = g_strconcat ("SELECT * FROM ", list_types[t]->name,
                                          " WHERE deleted_at IS NULL ORDER BY sort_key, id LIMIT 50", NULL);
      sqlite3_stmt *stmt;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          (void) sqlite3_column_text (stmt, c);
      sqlite3_finalize (stmt);
    }

  ms = elapsed_ms (start);
  sqlite3_close (db);
  return ms;
}

/* What a person types: the first one, two and three characters of names,
 * in kanji, kana and Latin letters. */
static GPtrArray *
typed_queries (void)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  guint i = 0;

  while (queries->len < 200)
    {
      const char *word;
      glong length;

      switch (i % 3)
        {
        case 0:
          word = japanese_family[(i / 3) % G_N_ELEMENTS (japanese_family)].kanji;
          break;
        case 1:
          word = japanese_given[(i / 3) % G_N_ELEMENTS (japanese_given)].kana;
          break;
        default:
          word = english_family[(i / 3) % G_N_ELEMENTS (english_family)];
        }

      length = g_utf8_strlen (word, -1);
      for (glong n = 1; n <= MIN (3, length) && queries->len < 200; n++)
        {
          const char *end = g_utf8_offset_to_pointer (word, n);

          g_ptr_array_add (queries, g_strndup (word, end - word));
        }
      i++;
    }

  return queries;
}

static void
measure (const char *path,
         guint       runs)
{
  g_autoptr(GArray) liaison_open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) liaison_search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) queries = typed_queries ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = NULL;
  sqlite3 *raw = NULL;
  guint total_hits = 0;
  double p50, p99, raw_p50, raw_p99, open_median, raw_median;

  /* Warm the page cache, as a second start would find it. */
  open_raw (path);
  open_with_liaison (path);

  /* Alternate the two, so that both see the same machine. */
  for (guint run = 0; run < runs; run++)
    {
      double a = open_with_liaison (path);
      double b = open_raw (path);

      g_array_append_val (liaison_open, a);
      g_array_append_val (raw_open, b);
    }

  {
    gint64 start = g_get_monotonic_time ();

    db = liaison_database_open (path, &error);
    if (db == NULL)
      g_error ("%s", error->message);
    g_print ("open with the full quick check (done in the background by the application): %.1f ms\n",
             elapsed_ms (start));
  }
  sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL);

  for (guint i = 0; i < queries->len; i++)
    {
      const char *query = g_ptr_array_index (queries, i);
      g_autofree char *normalized = liaison_search_normalize (query);
      g_autofree char *like = g_strconcat ("%", normalized, "%", NULL);
      g_autofree char *match = g_strconcat ("\"", normalized, "\"", NULL);
      gboolean short_query = g_utf8_strlen (normalized, -1) < 3;
      g_autoptr(GListModel) results = NULL;
      sqlite3_stmt *stmt;
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      results = liaison_database_search (db, query, 50, &error);
      ms = elapsed_ms (start);
      if (results == NULL)
        g_error ("%s", error->message);
      total_hits += g_list_model_get_n_items (results);
      g_array_append_val (liaison_search, ms);

      /* The raw minimum: the same index query, ids only. */
      start = g_get_monotonic_time ();
      sqlite3_prepare_v2 (raw,
                          short_query ? "SELECT record_type, uuid FROM search WHERE text LIKE ?1 LIMIT 50"
                                      : "SELECT record_type, uuid FROM search WHERE search MATCH ?1 ORDER BY rank LIMIT 50",
                          -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, short_query ? like : match, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        (void) sqlite3_column_text (stmt, 1);
      sqlite3_finalize (stmt);
      ms = elapsed_ms (start);
      g_array_append_val (raw_search, ms);
    }
  sqlite3_close (raw);

  open_median = percentile (liaison_open, 0.5);
  raw_median = percentile (raw_open, 0.5);
  p50 = percentile (liaison_search, 0.5);
  p99 = percentile (liaison_search, 0.99);
  raw_p50 = percentile (raw_search, 0.5);
  raw_p99 = percentile (raw_search, 0.99);

  g_print ("open + first 50 rows of 5 lists: median %.2f ms, max %.2f ms over %u runs "
           "(raw SQLite: median %.2f ms; ratio %.2f)\n",
           open_median, g_array_index (liaison_open, double, liaison_open->len - 1), runs,
           raw_median, open_median / raw_median);
  g_print ("search, %u queries of 1-3 characters (kanji, kana, Latin): p50 %.2f ms, p99 %.2f ms "
           "(raw SQLite: p50 %.2f ms, p99 %.2f ms; ratios %.2f, %.2f); %u results in all\n",
           queries->len, p50, p99, raw_p50, raw_p99, p50 / raw_p50, p99 / raw_p99, total_hits);
  g_print ("full-text index: %s\n", liaison_database_has_full_text (db) ? "FTS5 trigram" : "none (LIKE scan)");
  g_print ("peak RSS of the measuring process: %.1f MB\n", peak_rss_kb () / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[DIR]");
  g_autoptr(GError) error = NULL;
  g_autofree char *measure_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int n_people = 100000;
  int n_applications = 50000;
  int runs = 20;
  const GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People to create", "N" },
    { "applications", 0, 0, G_OPTION_ARG_INT, &n_applications, "Applications to create", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions of the open", "N" },
    { "measure", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &measure_path, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* The measurement runs in a process of its own, so that its peak memory
   * is not the building's. */
  if (measure_path != NULL)
    {
      measure (measure_path, runs);
      return 0;
    }

  dir = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("liaison-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "bench.db", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    build (path, n_people, n_applications);
  else
    g_print ("reusing %s\n", path);

  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
    g_autofree char *runs_arg = g_strdup_printf ("--runs=%d", runs);
    const char *child_argv[] = { self, "--measure", path, runs_arg, NULL };
    int status;

    g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
  }
}
