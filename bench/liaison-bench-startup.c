/* liaison-bench-startup.c
 *
 * Start-up with a large office: the time from exec until the Fellowship
 * list has been drawn full of rows, on a database of 100,000 applicants and
 * their people, and the peak memory then; beside the same figures for a
 * bare libadwaita window (a header bar and nothing else), the two started
 * in turn, with the same renderer, on the same display.
 *
 *   liaison-bench-startup [--applicants N] [--runs N] [DIR]
 *
 * Run it under a display (xvfb-run). It builds the database in DIR once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "liaison-app.h"
#include "liaison-cell-label.h"
#include "liaison-bench-office.h"
#include "liaison-database.h"
#include "liaison-fellowship-view.h"
#include "liaison-records.h"

/* The child: report when the first frame with the wanted content is drawn,
 * with the moments it passed on the way (monotonic µs, as the parent's). */

static gint64 t_main, t_startup, t_window, t_realize;

static void
startup_cb (void)
{
  t_startup = g_get_monotonic_time ();
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : 0;
}

typedef gboolean (*ReadyCheck) (GtkWindow *window);

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  ReadyCheck ready = g_object_get_data (G_OBJECT (window), "ready-check");

  if (ready == NULL || ready (window))
    {
      /* Drawn: report, and leave without tearing anything down. */
      printf ("ready %ld %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
              peak_rss_kb (), t_main, t_startup, t_window, t_realize, g_get_monotonic_time ());
      fflush (stdout);
      _exit (0);
    }
}

static void
watch_frames (GtkWindow  *window,
              ReadyCheck  ready)
{
  g_object_set_data (G_OBJECT (window), "ready-check", ready);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

/* A cell of a row, bound, with text: GTK names the widget of a cell
 * GtkColumnViewCellWidget. */
static gboolean
has_bound_cell (GtkWidget *root)
{
  if (LIAISON_IS_CELL_LABEL (root) &&
      g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (root)), "GtkColumnViewCellWidget") &&
      liaison_cell_label_get_text (LIAISON_CELL_LABEL (root))[0] != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (has_bound_cell (child))
        return TRUE;
    }

  return FALSE;
}

/* The rows with text, how many and how far down the column view they reach */
static void
measure_rows (GtkWidget *root,
              GtkWidget *column_view,
              guint     *n_rows,
              float     *bottom)
{
  graphene_rect_t bounds;

  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "GtkColumnViewRowWidget") && has_bound_cell (root))
    {
      (*n_rows)++;
      if (gtk_widget_compute_bounds (root, column_view, &bounds))
        *bottom = MAX (*bottom, bounds.origin.y + bounds.size.height);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    measure_rows (child, column_view, n_rows, bottom);
}

/* Drawn with rows, and enough of them to fill the list, or all there are */
static gboolean
list_drawn (GtkWindow *window)
{
  GtkWidget *view = liaison_bench_find_widget (GTK_WIDGET (window), LIAISON_TYPE_FELLOWSHIP_VIEW);
  GtkWidget *column_view = view != NULL ? liaison_bench_find_widget (view, GTK_TYPE_COLUMN_VIEW) : NULL;
  guint n_rows = 0;
  float bottom = 0;

  if (column_view == NULL || !gtk_widget_get_mapped (column_view))
    return FALSE;

  measure_rows (column_view, column_view, &n_rows, &bottom);

  return n_rows > 0 &&
         (bottom >= gtk_widget_get_height (column_view) ||
          n_rows >= g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)))));
}

static void
liaison_realized_cb (GtkWidget *window)
{
  t_realize = g_get_monotonic_time ();
  watch_frames (GTK_WINDOW (window), list_drawn);
}

static void
liaison_window_added_cb (GtkApplication *application,
                         GtkWindow      *window)
{
  t_window = g_get_monotonic_time ();
  g_signal_connect (window, "realize", G_CALLBACK (liaison_realized_cb), NULL);
}

static int
run_liaison (const char *database)
{
  g_autoptr(LiaisonApp) app = liaison_app_new ("org.jlgc.Liaison.Bench", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSettings) settings = NULL;
  char *argv[] = { (char *) "liaison", NULL };

  liaison_app_set_database_path (app, database);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (liaison_window_added_cb), NULL);

  settings = g_settings_new (BASE_ID);
  g_settings_set_string (settings, "selected-page", "fellowship");
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);

  return g_application_run (G_APPLICATION (app), 1, argv);
}

static void
baseline_realized_cb (GtkWidget *window)
{
  t_realize = g_get_monotonic_time ();
  watch_frames (GTK_WINDOW (window), NULL);
}

static void
baseline_activate_cb (GApplication *application)
{
  GtkWidget *window = liaison_bench_bare_window_new (GTK_APPLICATION (application));

  /* Built, as Liaison's window is when it is added to the application */
  t_window = g_get_monotonic_time ();
  g_signal_connect (window, "realize", G_CALLBACK (baseline_realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_baseline (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.jlgc.Liaison.Baseline", G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "baseline", NULL };

  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (baseline_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* The parent: build once, then start the two in turn */

/* Where the time went: exec to main, main to startup, startup to the
 * window, the window to its realization, realization to the frame. */
#define N_STAGES 5
static double stage_sums[2][N_STAGES];

static gboolean
start_once (const char *self,
            const char *mode,
            const char *database,
            double     *ms,
            long       *rss_kb)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self, mode, database, NULL };
  GPid pid;
  int out;
  gint64 start = g_get_monotonic_time ();
  char line[128] = { 0 };
  FILE *stream;
  gboolean ok;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out, NULL, &error))
    g_error ("%s", error->message);

  stream = fdopen (out, "r");
  ok = fgets (line, sizeof line, stream) != NULL && g_str_has_prefix (line, "ready ");
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  *rss_kb = ok ? strtol (line + 6, NULL, 10) : 0;
  if (ok)
    {
      gint64 t[N_STAGES + 1];
      g_auto(GStrv) parts = g_strsplit (g_strstrip (line), " ", -1);
      int which = g_str_equal (mode, "--child-liaison") ? 0 : 1;

      t[0] = start;
      for (guint i = 0; i < N_STAGES && parts[i + 2] != NULL; i++)
        t[i + 1] = g_ascii_strtoll (parts[i + 2], NULL, 10);
      for (guint i = 0; i < N_STAGES; i++)
        stage_sums[which][i] += (t[i + 1] - t[i]) / 1000.0;
    }
  fclose (stream);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  return ok;
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
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self = NULL;
  g_autoptr(GArray) liaison_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) liaison_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline_rss = g_array_new (FALSE, FALSE, sizeof (double));
  int n_applicants = 100000;
  int runs = 25;
  const GOptionEntry entries[] = {
    { "applicants", 0, 0, G_OPTION_ARG_INT, &n_applicants, "Applicants to create", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Starts of each", "N" },
    { NULL }
  };

  /* The children */
  t_main = g_get_monotonic_time ();
  if (argc == 3 && g_str_equal (argv[1], "--child-liaison"))
    return run_liaison (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--child-baseline"))
    return run_baseline ();

  context = g_option_context_new ("[DIR]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  path = liaison_bench_office_path (argc > 1 ? argv[1] : NULL, "startup.db", n_applicants);

  /* Opened and closed once, so that what another process left in the
   * write-ahead log without closing (liaison-bench-interaction, say) is
   * folded into the file, and every start finds it as Liaison leaves it. */
  {
    g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);

    if (db == NULL)
      g_error ("%s", error->message);
  }

  self = g_file_read_link ("/proc/self/exe", NULL);

  /* One of each to warm the page cache, then in turn */
  for (int run = -1; run < runs; run++)
    {
      double ms;
      long rss;

      if (!start_once (self, "--child-liaison", path, &ms, &rss))
        g_error ("Liaison did not report its first frame");
      if (run >= 0)
        {
          double kb = rss;

          g_array_append_val (liaison_ms, ms);
          g_array_append_val (liaison_rss, kb);
        }

      if (!start_once (self, "--child-baseline", path, &ms, &rss))
        g_error ("The bare window did not report its first frame");
      if (run >= 0)
        {
          double kb = rss;

          g_array_append_val (baseline_ms, ms);
          g_array_append_val (baseline_rss, kb);
        }
    }

  {
    double a = median (liaison_ms), b = median (baseline_ms);
    double c = median (liaison_rss) / 1024.0, d = median (baseline_rss) / 1024.0;

    g_print ("time to the first frame with the Fellowship list drawn: median %.0f ms over %d starts "
             "(bare libadwaita window: %.0f ms; ratio %.2f)\n", a, runs, b, a / b);
    g_print ("peak RSS then: median %.1f MB (bare libadwaita window: %.1f MB; ratio %.2f)\n",
             c, d, c / d);
    g_print ("renderer: %s\n", g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
    g_print ("mean ms (Liaison / bare window): exec to main %.0f / %.0f, main to startup %.0f / %.0f, "
             "startup to window %.0f / %.0f, window to realized %.0f / %.0f, realized to the frame %.0f / %.0f\n",
             stage_sums[0][0] / (runs + 1), stage_sums[1][0] / (runs + 1),
             stage_sums[0][1] / (runs + 1), stage_sums[1][1] / (runs + 1),
             stage_sums[0][2] / (runs + 1), stage_sums[1][2] / (runs + 1),
             stage_sums[0][3] / (runs + 1), stage_sums[1][3] / (runs + 1),
             stage_sums[0][4] / (runs + 1), stage_sums[1][4] / (runs + 1));
  }

  return 0;
}
