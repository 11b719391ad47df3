/* liaison-fellowship.c
 *
 * The rules of the Fellowship Exchange Program that the view shows: which
 * documents are missing, whether the deadline is in danger, the order of
 * the statuses, and the average review score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-fellowship"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-database-private.h"
#include "liaison-fellowship.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-search.h"

static const char * const documents[] = {
  "has_application_form",
  "has_cv",
  "has_photo",
  "has_recommendation",
  "has_flight_form",
};

/* The main line of the pipeline; Alternate, Not selected and Withdrawn
 * branch off it. */
static const char * const pipeline[] = {
  "inquiry", "nominated", "received", "review", "selected", "confirmed", "travelled", "alumni",
};

/* The date taken for today instead of the clock's, if one is set */
static int set_year, set_month, set_day;
G_LOCK_DEFINE_STATIC (set_date);

/**
 * liaison_set_today:
 * @date: (nullable): a date, YYYY-MM-DD, or %NULL
 *
 * Takes @date for today from now on, at the clock's time of day: for the
 * tests and the screenshots, whose sample data is placed around a day of
 * its own. %NULL goes back to the clock's date.
 */
void
liaison_set_today (const char *date)
{
  int year = 0, month = 0, day = 0;

  if (date != NULL)
    {
      int end = 0;
      gboolean valid = strlen (date) == 10 &&
                       sscanf (date, "%4d-%2d-%2d%n", &year, &month, &day, &end) == 3 &&
                       end == 10 &&
                       g_date_valid_dmy (day, month, year);

      g_return_if_fail (valid);
    }

  G_LOCK (set_date);
  set_year = year;
  set_month = month;
  set_day = day;
  G_UNLOCK (set_date);
}

/**
 * liaison_now_local:
 *
 * Returns: (transfer full): now, in the local time zone, on the date
 *   liaison_set_today() set if it set one
 */
GDateTime *
liaison_now_local (void)
{
  GDateTime *now = g_date_time_new_now_local ();
  int year, month, day;

  G_LOCK (set_date);
  year = set_year;
  month = set_month;
  day = set_day;
  G_UNLOCK (set_date);

  if (year != 0)
    {
      GDateTime *then = g_date_time_new_local (year, month, day,
                                               g_date_time_get_hour (now),
                                               g_date_time_get_minute (now),
                                               g_date_time_get_seconds (now));

      g_date_time_unref (now);
      now = then;
    }

  return now;
}

/**
 * liaison_today:
 *
 * Returns: (transfer full): today's date in the local time zone, YYYY-MM-DD
 *   (see liaison_set_today())
 */
char *
liaison_today (void)
{
  g_autoptr(GDateTime) now = liaison_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

guint
liaison_application_count_missing (LiaisonRecord *application)
{
  guint missing = 0;

  g_return_val_if_fail (LIAISON_IS_APPLICATION (application), 0);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    missing += liaison_record_get_boolean (application, documents[i]) ? 0 : 1;

  return missing;
}

/**
 * liaison_application_dup_missing:
 * @application: an application
 *
 * Returns: (transfer full): the names of the documents not yet in, joined
 *   as a list, or "" when every one is
 */
char *
liaison_application_dup_missing (LiaisonRecord *application)
{
  const LiaisonRecordType *type;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (LIAISON_IS_APPLICATION (application), NULL);

  type = liaison_record_get_record_type (application);
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      if (!liaison_record_get_boolean (application, documents[i]))
        g_ptr_array_add (names, (gpointer) liaison_field_get_label (liaison_record_type_find_field (type, documents[i])));
    }
  g_ptr_array_add (names, NULL);

  /* Translators: the separator between the names of missing documents */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static int
pipeline_index (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (pipeline); i++)
    {
      if (g_strcmp0 (pipeline[i], status) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * liaison_application_get_deadline_state:
 * @application: an application
 * @today: today's date, YYYY-MM-DD
 *
 * Documents matter until the fellow has travelled; after that, and for
 * those not selected or withdrawn, the deadline no longer does.
 *
 * Returns: how the application stands against its deadline
 */
LiaisonDeadlineState
liaison_application_get_deadline_state (LiaisonRecord *application,
                                        const char    *today)
{
  const char *status;
  const char *deadline;
  int index;

  g_return_val_if_fail (LIAISON_IS_APPLICATION (application), LIAISON_DEADLINE_NONE);
  g_return_val_if_fail (today != NULL, LIAISON_DEADLINE_NONE);

  status = liaison_record_get_text (application, "status");
  index = pipeline_index (status);
  if ((index < 0 && !g_str_equal (status, "alternate")) || index >= pipeline_index ("travelled"))
    return LIAISON_DEADLINE_NONE;

  if (liaison_application_count_missing (application) == 0)
    return LIAISON_DEADLINE_COMPLETE;

  deadline = liaison_record_get_text (application, "deadline");
  if (deadline[0] == '\0')
    return LIAISON_DEADLINE_MISSING;

  return strcmp (deadline, today) < 0 ? LIAISON_DEADLINE_OVERDUE : LIAISON_DEADLINE_MISSING;
}

/* How an application stands against its deadline, as an SQL expression
 * on the table "t" with its parameters added to @values: 0 for those whose
 * documents no longer matter, 1 for those with every document in, 10 and
 * the number missing for those missing some, 20 and the number missing
 * for the overdue. The same rules as liaison_application_get_deadline_state(). */
static char *
deadline_state_sql (const char   *today,
                    GStrvBuilder *values)
{
  g_autoptr(GString) missing = g_string_new ("(");
  GString *expression = g_string_new ("CASE WHEN t.status IS NULL OR t.status NOT IN (?");

  g_strv_builder_add (values, "alternate");
  for (int i = 0; i < pipeline_index ("travelled"); i++)
    {
      g_string_append (expression, ", ?");
      g_strv_builder_add (values, pipeline[i]);
    }
  g_string_append (expression, ") THEN 0");

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_string_append (missing, i > 0 ? " + (1 - coalesce (t." : "(1 - coalesce (t.");
      g_string_append (missing, documents[i]);
      g_string_append (missing, ", 0))");
    }
  g_string_append_c (missing, ')');

  g_string_append (expression, " WHEN ");
  g_string_append (expression, missing->str);
  g_string_append (expression, " = 0 THEN 1 WHEN coalesce (t.deadline, '') <> '' AND t.deadline < ? THEN 20 + ");
  g_strv_builder_add (values, today);
  g_string_append (expression, missing->str);
  g_string_append (expression, " ELSE 10 + ");
  g_string_append (expression, missing->str);
  g_string_append (expression, " END");

  return g_string_free (expression, FALSE);
}

/**
 * liaison_application_sort_by_documents:
 * @applications: a list of applications
 * @today: today's date, YYYY-MM-DD
 * @descending: whether the most urgent come first
 *
 * Orders @applications as they stand against their deadlines, the least
 * urgent first: those whose documents no longer matter, then those with
 * every document in, then those missing some (the fewest first), then
 * the overdue (likewise). Call liaison_record_list_reload() afterwards.
 */
void
liaison_application_sort_by_documents (LiaisonRecordList *applications,
                                       const char        *today,
                                       gboolean           descending)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autofree char *expression = NULL;
  g_auto(GStrv) built = NULL;

  g_return_if_fail (LIAISON_IS_RECORD_LIST (applications));
  g_return_if_fail (today != NULL);

  expression = deadline_state_sql (today, values);
  built = g_strv_builder_end (values);
  liaison_record_list_set_sort_expression (applications, expression, (const char * const *) built, descending);
}

/**
 * liaison_application_search_by_documents:
 * @applications: a list of applications
 * @today: today's date, YYYY-MM-DD
 *
 * Lets the search of @applications find them by what their Documents
 * column says: "overdue" finds the overdue, "missing" every application
 * missing documents, "all documents in" those with none missing, in the
 * words of the window's language. Call liaison_record_list_reload()
 * afterwards.
 */
void
liaison_application_search_by_documents (LiaisonRecordList *applications,
                                         const char        *today)
{
  static const struct {
    const char *label;
    const char *test;
  } states[] = {
    { N_("All documents in"), " = 1" },
    /* Translators: what the search finds applicants missing documents
     * by; the words of “%u documents missing” without the number */
    { N_("Documents missing"), " >= 10" },
    /* Translators: what the search finds applicants past their deadline
     * by; the first word of “Overdue: %u documents missing” */
    { N_("Overdue"), " >= 20" },
  };
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autofree char *expression = NULL;
  g_auto(GStrv) built = NULL;

  g_return_if_fail (LIAISON_IS_RECORD_LIST (applications));
  g_return_if_fail (today != NULL);

  expression = deadline_state_sql (today, values);
  built = g_strv_builder_end (values);
  liaison_record_list_clear_search_conditions (applications);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *condition = g_strconcat ("(", expression, ")", states[i].test, NULL);

      liaison_record_list_add_search_condition (applications, _(states[i].label), condition,
                                                (const char * const *) built);
    }
}

/**
 * liaison_application_dup_deadline_text:
 * @application: an application
 * @today: today's date, YYYY-MM-DD
 *
 * Returns: (transfer full): the deadline state in words, for a list
 */
char *
liaison_application_dup_deadline_text (LiaisonRecord *application,
                                       const char    *today)
{
  guint missing = liaison_application_count_missing (application);

  switch (liaison_application_get_deadline_state (application, today))
    {
    case LIAISON_DEADLINE_COMPLETE:
      return g_strdup (_("All documents in"));

    case LIAISON_DEADLINE_MISSING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document missing", "%u documents missing", missing),
                              missing);

    case LIAISON_DEADLINE_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue: %u document missing", "Overdue: %u documents missing", missing),
                              missing);

    case LIAISON_DEADLINE_NONE:
    default:
      return g_strdup ("");
    }
}

/**
 * liaison_application_next_status:
 * @status: a status
 *
 * Returns: (nullable): the status after @status on the main line of the
 *   pipeline, or %NULL at its end. From a branch (Alternate) the way goes
 *   on to Selected; Not selected and Withdrawn are ends.
 */
const char *
liaison_application_next_status (const char *status)
{
  int index;

  if (g_strcmp0 (status, "alternate") == 0)
    return "selected";

  index = pipeline_index (status);
  if (index < 0 || index + 1 >= (int) G_N_ELEMENTS (pipeline))
    return NULL;

  return pipeline[index + 1];
}

/**
 * liaison_application_previous_status:
 * @status: a status
 *
 * Returns: (nullable): the status before @status, to undo a step; a
 *   branch goes back to Under review
 */
const char *
liaison_application_previous_status (const char *status)
{
  int index;

  if (g_strcmp0 (status, "alternate") == 0 ||
      g_strcmp0 (status, "not-selected") == 0 ||
      g_strcmp0 (status, "withdrawn") == 0)
    return "review";

  index = pipeline_index (status);
  if (index <= 0)
    return NULL;

  return pipeline[index - 1];
}

/**
 * liaison_application_average_score:
 * @database: a database
 * @application: a saved application
 * @average: (out): the mean of the scores given, from 1 to 5
 * @n_reviews: (out) (optional): the number of reviews
 *
 * Every score given in every review counts once; criteria left unscored
 * (0) do not count.
 *
 * Returns: %TRUE if at least one score was given
 */
gboolean
liaison_application_average_score (LiaisonDatabase *database,
                                   LiaisonRecord   *application,
                                   double          *average,
                                   guint           *n_reviews)
{
  static const char *criteria[] = { "score_leadership", "score_relevance", "score_exchange" };
  g_autoptr(LiaisonRecordList) reviews = NULL;
  gint64 total = 0;
  guint n_scores = 0;
  guint n;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (LIAISON_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (average != NULL, FALSE);

  reviews = liaison_record_list_new (database, &liaison_review_type);
  liaison_record_list_add_filter (reviews, "application", liaison_record_get_uuid (application));
  liaison_record_list_reload (reviews, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (reviews));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonRecord) review = g_list_model_get_item (G_LIST_MODEL (reviews), i);

      for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
        {
          gint64 score = liaison_record_get_integer (review, criteria[c]);

          if (score > 0)
            {
              total += score;
              n_scores++;
            }
        }
    }

  if (n_reviews != NULL)
    *n_reviews = n;

  *average = n_scores > 0 ? (double) total / n_scores : 0.0;
  return n_scores > 0;
}

static gboolean
emails_overlap (const char *a,
                const char *b)
{
  g_auto(GStrv) left = g_strsplit (a, "\n", -1);
  g_auto(GStrv) right = g_strsplit (b, "\n", -1);

  for (guint i = 0; left[i] != NULL; i++)
    for (guint j = 0; right[j] != NULL; j++)
      if (left[i][0] != '\0' && g_ascii_strcasecmp (left[i], right[j]) == 0)
        return TRUE;

  return FALSE;
}

/* What a duplicate is looked for by, worked out from the records on the
 * main thread, and looked for on any connection to the database: in a
 * worker thread, its own. */
typedef struct
{
  char      *path;         /* of the database file */
  char      *application;  /* uuids */
  char      *person;
  char      *emails;       /* the person's, as typed */
  char      *family;       /* as the search compares them */
  char      *given;
  char      *government;
  GPtrArray *queries;      /* of DuplicateQuery */
} DuplicateCheck;

typedef struct
{
  char *sql;
  char *parameter;             /* or NULL */
  char *application_parameter; /* or NULL */
} DuplicateQuery;

static void
duplicate_query_free (DuplicateQuery *query)
{
  g_free (query->sql);
  g_free (query->parameter);
  g_free (query->application_parameter);
  g_free (query);
}

static void
duplicate_check_free (DuplicateCheck *check)
{
  g_free (check->path);
  g_free (check->application);
  g_free (check->person);
  g_free (check->emails);
  g_free (check->family);
  g_free (check->given);
  g_free (check->government);
  g_ptr_array_unref (check->queries);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DuplicateCheck, duplicate_check_free)

/* The applications, other than the one entered, of the people whose
 * searched text holds @word if given, and whose own searched text holds
 * @application_word if given (see liaison_database_search_sql()): looking
 * through the search index rather than every application keeps a save
 * quick however many there are. */
static void
add_duplicate_query (DuplicateCheck  *check,
                     LiaisonDatabase *database,
                     const char      *word,
                     const char      *application_word)
{
  DuplicateQuery *query = g_new0 (DuplicateQuery, 1);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_assign (sql, "SELECT a.uuid, p.family_name, p.given_name, a.government, p.emails "
                        "FROM application a JOIN person p ON p.uuid = a.person "
                        "WHERE a.deleted_at IS NULL AND a.uuid != ?1 AND p.uuid != ?2");
  if (word != NULL)
    {
      g_autofree char *search = liaison_database_search_sql (database, word, &query->parameter);

      g_string_append_printf (sql, " AND p.uuid IN (%s)", search);
    }
  if (application_word != NULL)
    {
      g_autofree char *search = liaison_database_search_sql (database, application_word, &query->application_parameter);

      g_string_append_printf (sql, " AND a.uuid IN (%s)", search);
    }
  query->sql = g_string_free (g_steal_pointer (&sql), FALSE);
  g_ptr_array_add (check->queries, query);
}

static DuplicateCheck *
duplicate_check_new (LiaisonDatabase *database,
                     LiaisonRecord   *application,
                     LiaisonRecord   *person)
{
  DuplicateCheck *check = g_new0 (DuplicateCheck, 1);
  g_auto(GStrv) emails = NULL;

  check->path = g_strdup (liaison_database_get_path (database));
  check->application = g_strdup (liaison_record_get_uuid (application));
  check->person = g_strdup (liaison_record_get_uuid (person));
  check->emails = g_strdup (liaison_record_get_text (person, "emails"));
  check->family = liaison_search_normalize (liaison_record_get_text (person, "family_name"));
  check->given = liaison_search_normalize (liaison_record_get_text (person, "given_name"));
  check->government = liaison_search_normalize (liaison_record_get_text (application, "government"));
  check->queries = g_ptr_array_new_with_free_func ((GDestroyNotify) duplicate_query_free);

  /* The people who share an address are found by it, */
  emails = g_strsplit (check->emails, "\n", -1);
  for (guint i = 0; emails[i] != NULL; i++)
    {
      g_autofree char *address = liaison_search_normalize (emails[i]);

      if (address[0] != '\0')
        add_duplicate_query (check, database, address, NULL);
    }

  /* and those of the same name by the longer of its two parts and by the
   * government; by the government alone if both parts are too short for
   * the search index (Li Na, say: looking through the text of every
   * record for "li" would take a while at a large office). */
  if (check->family[0] != '\0' && check->government[0] != '\0')
    {
      const char *longer = g_utf8_strlen (check->given, -1) > g_utf8_strlen (check->family, -1) ? check->given : check->family;

      if (g_utf8_strlen (longer, -1) < LIAISON_SEARCH_SHORTEST_INDEXED &&
          g_utf8_strlen (check->government, -1) >= LIAISON_SEARCH_SHORTEST_INDEXED)
        longer = NULL;
      add_duplicate_query (check, database, longer, check->government);
    }

  return check;
}

/* The uuid of the first application found the same, or NULL */
static char *
duplicate_check_run (DuplicateCheck  *check,
                     sqlite3         *db,
                     GError         **error)
{
  char *found = NULL;

  for (guint i = 0; found == NULL && i < check->queries->len; i++)
    {
      DuplicateQuery *query = g_ptr_array_index (check->queries, i);
      sqlite3_stmt *stmt = NULL;
      int next = 3;
      int status;

      if (sqlite3_prepare_v2 (db, query->sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
                       "%s", sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return NULL;
        }

      sqlite3_bind_text (stmt, 1, check->application, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, check->person, -1, SQLITE_STATIC);
      if (query->parameter != NULL)
        sqlite3_bind_text (stmt, next++, query->parameter, -1, SQLITE_STATIC);
      if (query->application_parameter != NULL)
        sqlite3_bind_text (stmt, next++, query->application_parameter, -1, SQLITE_STATIC);

      while (found == NULL && (status = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *their_emails = (const char *) sqlite3_column_text (stmt, 4);
          gboolean same = FALSE;

          if (check->emails[0] != '\0' && their_emails != NULL && emails_overlap (check->emails, their_emails))
            same = TRUE;
          else if (check->family[0] != '\0' && check->government[0] != '\0')
            {
              g_autofree char *their_family = liaison_search_normalize ((const char *) sqlite3_column_text (stmt, 1) ?: "");
              g_autofree char *their_given = liaison_search_normalize ((const char *) sqlite3_column_text (stmt, 2) ?: "");
              g_autofree char *their_government = liaison_search_normalize ((const char *) sqlite3_column_text (stmt, 3) ?: "");

              same = g_str_equal (check->family, their_family) &&
                     g_str_equal (check->given, their_given) &&
                     g_str_equal (check->government, their_government);
            }

          if (same)
            found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }

      if (found == NULL && status != SQLITE_DONE)
        {
          g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
                       "%s", sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return NULL;
        }
      sqlite3_finalize (stmt);
    }

  return found;
}

/**
 * liaison_application_find_duplicate:
 * @database: a database
 * @application: an application being entered
 * @person: its applicant
 *
 * Looks for an application already there for the same person: one whose
 * applicant shares an email address with @person, or has the same name
 * and the same government (case and accents aside). At a large office
 * this can take a few frames: a window uses
 * liaison_application_find_duplicate_async().
 *
 * Returns: (transfer full) (nullable): that application, or %NULL
 */
LiaisonRecord *
liaison_application_find_duplicate (LiaisonDatabase *database,
                                    LiaisonRecord   *application,
                                    LiaisonRecord   *person)
{
  g_autoptr(DuplicateCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LIAISON_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LIAISON_IS_PERSON (person), NULL);

  check = duplicate_check_new (database, application, person);
  found = duplicate_check_run (check, liaison_database_get_handle (database), &error);
  if (error != NULL)
    g_warning ("%s", error->message);

  return found != NULL ? liaison_database_get (database, &liaison_application_type, found, NULL) : NULL;
}

static int
cancelled_cb (gpointer data)
{
  return g_cancellable_is_cancelled (data);
}

static void
duplicate_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DuplicateCheck *check = task_data;
  g_autoptr(GError) error = NULL;
  char *found = NULL;
  sqlite3 *db = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A connection of its own, so that the window's is not held up */
  db = liaison_database_open_reader (check->path, &error);
  if (db != NULL)
    {
      /* Let go of once cancelled: the query stops with an error */
      if (cancellable != NULL)
        sqlite3_progress_handler (db, 1000, cancelled_cb, cancellable);
      found = duplicate_check_run (check, db, &error);
      sqlite3_close (db);
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, found, g_free);
}

/**
 * liaison_application_find_duplicate_async:
 * @database: a database
 * @application: an application being entered
 * @person: its applicant
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: for @callback
 *
 * liaison_application_find_duplicate() in a worker thread, which reads
 * what has been saved.
 */
void
liaison_application_find_duplicate_async (LiaisonDatabase     *database,
                                          LiaisonRecord       *application,
                                          LiaisonRecord       *person,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DuplicateCheck *check;

  g_return_if_fail (LIAISON_IS_DATABASE (database));
  g_return_if_fail (LIAISON_IS_APPLICATION (application));
  g_return_if_fail (LIAISON_IS_PERSON (person));

  task = g_task_new (database, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_application_find_duplicate_async);
  check = duplicate_check_new (database, application, person);
  g_task_set_task_data (task, check, (GDestroyNotify) duplicate_check_free);

  /* An in-memory database has no file to open again. */
  if (g_str_equal (liaison_database_get_path (database), ":memory:"))
    {
      g_autoptr(GError) error = NULL;
      char *found = duplicate_check_run (check, liaison_database_get_handle (database), &error);

      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, found, g_free);
      return;
    }

  g_task_run_in_thread (task, duplicate_thread);
}

/**
 * liaison_application_find_duplicate_finish:
 * @database: a database
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the application found, or %NULL:
 *   none was, or with @error set
 */
LiaisonRecord *
liaison_application_find_duplicate_finish (LiaisonDatabase  *database,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  g_autofree char *found = NULL;
  LiaisonRecord *application = NULL;

  g_return_val_if_fail (g_task_is_valid (result, database), NULL);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found != NULL)
    application = liaison_database_get (database, &liaison_application_type, found, NULL);

  /* Deleted meanwhile, it is not found */
  if (application != NULL && liaison_record_get_deleted_at (application) != 0)
    g_clear_object (&application);

  return application;
}
