/* liaison-bench-office.c
 *
 * The large office the GUI benchmarks open: applicants of thirty cohorts
 * and their people; and the bare window they measure Liaison against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "liaison-bench-office.h"
#include "liaison-database.h"
#include "liaison-records.h"

void
liaison_bench_build_applicants (const char *path,
                                guint       n_applicants)
{
  static const char *family[] = { "Smith", "Garcia", "Nguyen", "Tremblay", "Johnson", "Lee", "Brown", "Martin" };
  static const char *given[] = { "James", "Maria", "David", "Sarah", "Kevin", "Emily", "Robert", "Linda" };
  static const char *jurisdictions[] = { "US-NY", "US-NJ", "US-CA", "US-TX", "US-WA", "CA-ON", "CA-BC", "CA-QC" };
  static const char *statuses[] = { "inquiry", "nominated", "received", "review", "withdrawn", "confirmed" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int coming = g_date_time_get_year (now) + 1;
  guint batch = 5000;

  if (db == NULL)
    g_error ("%s", error->message);

  for (guint done = 0; done < n_applicants; done += batch)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < MIN (done + batch, n_applicants); i++)
        {
          LiaisonRecord *person = liaison_record_new (&liaison_person_type);
          LiaisonRecord *application = liaison_record_new (&liaison_application_type);
          g_autofree char *government = g_strdup_printf ("City %u", i);

          liaison_record_set_text (person, "family_name", family[i % G_N_ELEMENTS (family)]);
          liaison_record_set_text (person, "given_name", given[(i / 8) % G_N_ELEMENTS (given)]);
          liaison_record_set_text (person, "title", "Director of International Affairs");
          liaison_record_set_text (application, "person", liaison_record_get_uuid (person));
          /* Thirty years of cohorts */
          liaison_record_set_integer (application, "cohort_year", coming - (int) (i % 30));
          liaison_record_set_text (application, "government", government);
          liaison_record_set_text (application, "government_level", "city");
          liaison_record_set_text (application, "jurisdiction", jurisdictions[i % G_N_ELEMENTS (jurisdictions)]);
          liaison_record_set_text (application, "status", statuses[i % G_N_ELEMENTS (statuses)]);
          g_ptr_array_add (records, person);
          g_ptr_array_add (records, application);
        }

      if (!liaison_database_save_all (db, records, &error))
        g_error ("%s", error->message);
    }
}

/**
 * liaison_bench_office_path:
 * @dir: (nullable): the folder kept for later runs, or %NULL for a new
 *   temporary one
 * @name: the database's file name
 * @n_applicants: how many applicants to build it with
 *
 * Returns: (transfer full): the path of the office's database, built
 *   first if it is not there yet
 */
char *
liaison_bench_office_path (const char *dir,
                           const char *name,
                           guint       n_applicants)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = dir != NULL ? g_strdup (dir) : g_dir_make_tmp ("liaison-bench-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  g_mkdir_with_parents (folder, 0700);
  path = g_build_filename (folder, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      gint64 start = g_get_monotonic_time ();

      liaison_bench_build_applicants (path, n_applicants);
      g_print ("built %u applicants and their people in %.1f s\n",
               n_applicants, (g_get_monotonic_time () - start) / 1e6);
    }

  return path;
}

/* The first widget of @type under @root, @root itself included */
GtkWidget *
liaison_bench_find_widget (GtkWidget *root,
                           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = liaison_bench_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A bare libadwaita window as large as Liaison's: a header bar and nothing
 * else. Not yet shown. */
GtkWidget *
liaison_bench_bare_window_new (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *toolbar_view = adw_toolbar_view_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), toolbar_view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  return window;
}
