/* liaison-bench-interaction.c
 *
 * How long the main loop stalls while someone works with the Fellowship
 * list of a large office: 100,000 applicants and their people. A timer
 * asks to run every millisecond at high priority; the longest gap between
 * two of its runs is the longest the window could not draw or answer.
 * The same watch over the idle window is the baseline. The aim is that no
 * step stalls for more than a frame, 16.7 ms.
 *
 * Each stall is also split: the part spent in the window's frames (from
 * the frame clock's before-paint to its after-paint: GTK updating, laying
 * out and drawing), and the rest, the longest of which is reported as
 * "outside frames" (the application's own work and GTK's answers to it,
 * such as a list view reading new rows).
 *
 * A change of style (the window in the dark style, and back; the window
 * in the background, behind another, and in front again) is also timed in
 * a bare libadwaita window of the same size, a header bar and nothing
 * else, in a process of its own started first: GTK and libadwaita work
 * out and draw the whole window again whatever it holds. For these, the
 * time from the change until its first frame has been drawn is given as
 * well, in both windows: the window styles its widgets ahead of that
 * frame, a part at a time (see liaison-style-ahead.c), which shortens the
 * stalls but not the wait for the frame.
 *
 *   liaison-bench-interaction [--applicants N] [--cold] [DIR]
 *
 * With --cold, the database file is first put out of the system's memory
 * (its page cache), as after a restart of the computer: what the window
 * reads of it then comes from the disk.
 *
 * Run it under a display (xvfb-run). It builds the database in DIR once,
 * like liaison-bench-startup's but in a file of its own, for it changes
 * the status of the coming cohort's applicants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "liaison-app.h"
#include "liaison-applicant-editor.h"
#include "liaison-bench-office.h"
#include "liaison-fellowship-view.h"
#include "liaison-fellowship.h"
#include "liaison-records.h"

#define FRAME_MS (1000.0 / 60.0)
/* How long a step must have been quiet to count as done */
#define QUIET_US (300 * G_TIME_SPAN_MILLISECOND)
/* How long the first step lasts at least: what start-up leaves for later
 * comes within it (the rows out of sight, from 300 ms after the first
 * frame; the editor the view makes ahead, about a second after it) */
#define START_UP_TAIL_US (1500 * G_TIME_SPAN_MILLISECOND)

/* A change of style in the bare window: its longest stall, and when its
 * first frame after the change had been drawn */
typedef struct
{
  double stall_ms;
  double drawn_ms;
} BareStep;

typedef struct
{
  const char *name;
  void      (*run) (void);
  BareStep   *bare; /* the same step in the bare window, or NULL */
} Step;

static BareStep bare_dark;
static BareStep bare_own;
static BareStep bare_behind;
static BareStep bare_front;
/* This process is the bare window's */
static gboolean bare;

/* The watch has started, after the first frame */
static gboolean watching;
static GtkWidget *toplevel;
static LiaisonFellowshipView *view;
static GtkColumnView *column_view;
static guint step;
static gint64 last_tick;
static gint64 max_gap;
static gint64 max_outside;
/* When the frame under way began, or 0; the frames ended since the last
 * tick, as begin/end pairs */
static gint64 frame_began;
static GArray *frames;
static gint64 step_start;
/* When the first frame since the step started had been drawn, or 0 */
static gint64 first_drawn;
static gint64 quiet_since;
static guint last_n_items;
static double idle_max_ms;
static int failures;
static int outside_failures;

/* The steps */

static void
do_nothing (void)
{
}

/* Every row styled and drawn again, as a change of style (dark, high
 * contrast) would have it: in another colour, then back */
static void
draw_again (void)
{
  gtk_widget_add_css_class (GTK_WIDGET (column_view), "accent");
}

static void
draw_back (void)
{
  gtk_widget_remove_css_class (GTK_WIDGET (column_view), "accent");
}

/* The window in the dark style, and back, as when the desktop's style
 * changes: libadwaita changes its style sheet, and every widget of the
 * window is styled again (twice: see AdwStyleManager, which keeps
 * transitions from running for a moment) */
static void
dark_style (void)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
}

static void
own_style (void)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* As GTK has it when another window takes the focus, and gives it back:
 * the whole window in the background state, which the theme dims */
static void
behind (void)
{
  gtk_widget_set_state_flags (toplevel, GTK_STATE_FLAG_BACKDROP, FALSE);
}

static void
in_front (void)
{
  gtk_widget_unset_state_flags (toplevel, GTK_STATE_FLAG_BACKDROP);
}

static void
all_years (void)
{
  liaison_fellowship_view_set_cohort_year (view, 0);
}

static void
scroll_to_end (void)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view)));

  if (n > 0)
    gtk_column_view_scroll_to (column_view, n - 1, NULL, GTK_LIST_SCROLL_NONE, NULL);
}

static void
sort_by (guint                column,
         GtkSortType          order)
{
  g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), column);

  gtk_column_view_sort_by_column (column_view, view_column, order);
}

static void
sort_by_name (void)
{
  sort_by (0, GTK_SORT_ASCENDING);
}

static void
sort_by_title (void)
{
  sort_by (1, GTK_SORT_ASCENDING);
}

static void
sort_by_government (void)
{
  sort_by (2, GTK_SORT_DESCENDING);
}

static void
search (void)
{
  liaison_fellowship_view_set_search (view, "garcia");
}

static void
search_cohort (void)
{
  liaison_fellowship_view_set_search (view, "smith");
}

static void
search_more (void)
{
  liaison_fellowship_view_set_search (view, "smith city 12");
}

static void
clear_search (void)
{
  liaison_fellowship_view_set_search (view, "");
}

/* One after another, as a person reads down the list: the editor shown
 * before goes as the next comes */
static void
open_nth (guint n)
{
  g_autoptr(LiaisonRecord) record = g_list_model_get_item (liaison_fellowship_view_get_model (view), n);

  if (record != NULL)
    liaison_fellowship_view_open (view, record);
}

static void
open_first (void)
{
  open_nth (0);
}

static void
open_second (void)
{
  open_nth (1);
}

static void
open_third (void)
{
  open_nth (2);
}

/* The scrolled page of the editor open beside the list */
static GtkAdjustment *
editor_adjustment (void)
{
  GtkWidget *editor = liaison_fellowship_view_get_editor (view);
  GtkWidget *stack[64];
  guint n = 0;

  if (editor != NULL)
    stack[n++] = editor;
  while (n > 0)
    {
      GtkWidget *widget = stack[--n];

      if (ADW_IS_PREFERENCES_PAGE (widget))
        {
          for (GtkWidget *child = gtk_widget_get_first_child (widget);
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_SCROLLED_WINDOW (child))
              return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));
          return NULL;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL && n < G_N_ELEMENTS (stack);
           child = gtk_widget_get_next_sibling (child))
        stack[n++] = child;
    }

  return NULL;
}

/* Straight to the end of the editor and back, where its groups scrolled
 * out of sight have folded (LiaisonSightGroup): those that come into
 * sight unfold in the frame */
static void
editor_to_end (void)
{
  GtkAdjustment *adjustment = editor_adjustment ();

  if (adjustment == NULL)
    g_error ("No editor open to scroll");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
editor_to_top (void)
{
  GtkAdjustment *adjustment = editor_adjustment ();

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, 0);
}

static void
coming_cohort (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
  liaison_fellowship_view_set_cohort_year (view, g_date_time_get_year (now) + 1);
}

static void
clear_search_unsorted (void)
{
  liaison_fellowship_view_set_search (view, "");
  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
}

/* The bar of what can be done to them comes in, then goes */
static void
select_cohort (void)
{
  gtk_selection_model_select_all (gtk_column_view_get_model (column_view));
}

static void
select_none (void)
{
  gtk_selection_model_unselect_all (gtk_column_view_get_model (column_view));
}

static gboolean awaiting_change;

static void
record_changed_cb (void)
{
  awaiting_change = FALSE;
}

/* Saved in a worker thread: done once the change is announced. A
 * status other than the first applicant's, so that an earlier run on the
 * same database does not leave nothing to change. */
static void
set_status_of_all (void)
{
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
  const char *status = first != NULL && g_str_equal (liaison_record_get_text (first, "status"), "review")
                       ? "received" : "review";

  awaiting_change = TRUE;
  gtk_selection_model_select_all (gtk_column_view_get_model (column_view));
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.set-status", "s", status);
}

/* The whole cohort deleted, in a worker thread */
static void
delete_cohort (void)
{
  awaiting_change = TRUE;
  gtk_selection_model_select_all (gtk_column_view_get_model (column_view));
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.delete", NULL);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* and brought back by the toast's Undo */
static void
undo_delete (void)
{
  GtkWidget *undo = find_button (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view))), "_Undo");

  if (undo == NULL)
    {
      g_printerr ("No Undo button to press\n");
      return;
    }

  awaiting_change = TRUE;
  g_signal_emit_by_name (undo, "clicked");
}

/* A new applicant, as Ctrl+N opens one */
static void
new_applicant (void)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.new", NULL);
}

/* Saving it, once checked for an applicant already there: done once it
 * is saved, or a dialog asks about the one found */
static LiaisonApplicantEditor *saving;

static gboolean
still_saving (void)
{
  if (saving == NULL)
    return FALSE;

  if (liaison_record_get_created_at (liaison_applicant_editor_get_application (saving)) != 0 ||
      adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (toplevel)) != NULL)
    g_clear_object (&saving);

  return saving != NULL;
}

static void
set_row_text (LiaisonApplicantEditor *editor,
              const char             *record,
              const char             *field,
              const char             *text)
{
  gtk_editable_set_text (GTK_EDITABLE (liaison_applicant_editor_get_row (editor, record, field)), text);
}

/* The slowest name to check: too short for the search index, so that the
 * check goes by the government, whose words ("city", "9") 11,111
 * applicants of the benchmark's office share (City 9, City 90 to 99, and
 * so on) */
static void
save_new_applicant (void)
{
  LiaisonApplicantEditor *editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  GtkWidget *row = liaison_applicant_editor_get_row (editor, "application", "jurisdiction");
  GListModel *items = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  set_row_text (editor, "person", "family_name", "Li");
  set_row_text (editor, "person", "given_name", "Na");
  set_row_text (editor, "application", "government", "City 9");
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (items), i), "US-NY") != NULL)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }

  saving = g_object_ref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.save", NULL);
}

/* and deleted again, so that the next run on the same database finds no
 * Li Na (should a run have stopped before, she goes before the next
 * starts: see forget_li_na()) */
static void
delete_new_applicant (void)
{
  awaiting_change = TRUE;
  gtk_widget_activate_action (liaison_fellowship_view_get_editor (view), "applicant.delete", NULL);
}

/* The first step is the baseline: the window idle, once what the first
 * frame held back has followed. */
#define BASELINE 1

static const Step steps[] = {
  { "the frames after the first", do_nothing },
  { "the window idle (baseline)", do_nothing },
  { "every row drawn again, in another colour", draw_again },
  { "and back in its own", draw_back },
  { "the window in the dark style", dark_style, &bare_dark },
  { "and back in its own", own_style, &bare_own },
  { "all 100,000 applicants, every year", all_years },
  { "scroll to the last one", scroll_to_end },
  { "sort by name", sort_by_name },
  { "sort by government, descending", sort_by_government },
  { "search for “garcia”", search },
  { "clear the search", clear_search },
  { "open an applicant", open_first },
  { "open the next one", open_second },
  { "and the one after", open_third },
  /* The same changes of style with the editor's several hundred widgets
   * in the window as well */
  { "the window behind another", behind, &bare_behind },
  { "and in front again", in_front, &bare_front },
  { "the dark style beside the applicant", dark_style, &bare_dark },
  { "and back in its own", own_style, &bare_own },
  { "the applicant scrolled to the end", editor_to_end },
  { "and back to the top", editor_to_top },
  { "back to the coming cohort, unsorted", coming_cohort },
  { "the cohort sorted by title", sort_by_title },
  { "the cohort searched for “smith”", search_cohort },
  { "the search narrowed to “smith city 12”", search_more },
  { "the search cleared, unsorted", clear_search_unsorted },
  { "select the whole cohort", select_cohort },
  { "and none of it", select_none },
  { "select the cohort and change its status", set_status_of_all },
  { "delete the whole cohort", delete_cohort },
  { "and bring it back (Undo)", undo_delete },
  { "a new applicant (Ctrl+N)", new_applicant },
  { "Li Na of City 9 saved, checked first", save_new_applicant },
  { "and deleted", delete_new_applicant },
};

static const Step bare_steps[] = {
  { "the frames after the first", do_nothing },
  { "the window idle (baseline)", do_nothing },
  { "the window in the dark style", dark_style, &bare_dark },
  { "and back in its own", own_style, &bare_own },
  { "the window behind another", behind, &bare_behind },
  { "and in front again", in_front, &bare_front },
};

static const Step *run_steps = steps;
static guint n_run_steps = G_N_ELEMENTS (steps);

/* Still working: the list being read again, the number of rows still
 * changing, or the rows of the list view still coming or going (a few a
 * frame) */
static gboolean
busy (void)
{
  GListModel *model = view != NULL ? liaison_fellowship_view_get_model (view) : NULL;
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  gboolean changed = n != last_n_items;

  last_n_items = n;

  return changed || awaiting_change || still_saving () || (view != NULL && liaison_fellowship_view_is_loading (view)) ||
         (step == 0 && g_get_monotonic_time () - step_start < START_UP_TAIL_US);
}

static void
start_step (void)
{
  step_start = g_get_monotonic_time ();
  if (g_getenv ("LIAISON_BENCH_TRACE") != NULL)
    g_printerr ("step %u %" G_GINT64_FORMAT "\n", step, step_start);
  quiet_since = 0;
  max_gap = 0;
  max_outside = 0;
  first_drawn = 0;
  run_steps[step].run ();
}

static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - last_tick;
  gint64 in_frames = 0;

  /* The part of the gap spent in frames */
  for (guint i = 0; i + 1 < frames->len; i += 2)
    {
      gint64 begin = MAX (g_array_index (frames, gint64, i), last_tick);
      gint64 end = MIN (g_array_index (frames, gint64, i + 1), now);

      in_frames += MAX (end - begin, 0);
    }
  g_array_set_size (frames, 0);

  last_tick = now;
  if (!watching)
    return G_SOURCE_CONTINUE;

  max_gap = MAX (max_gap, gap);
  max_outside = MAX (max_outside, gap - in_frames);

  if (busy ())
    {
      quiet_since = 0;
      return G_SOURCE_CONTINUE;
    }

  if (quiet_since == 0)
    quiet_since = now;
  if (now - quiet_since < QUIET_US)
    return G_SOURCE_CONTINUE;

  /* Done: report, then the next step */
  {
    double max_ms = max_gap / 1000.0;
    double settled_ms = (quiet_since - step_start) / 1000.0;
    double drawn_ms = first_drawn != 0 ? (first_drawn - step_start) / 1000.0 : 0;

    if (step <= BASELINE)
      {
        if (step == BASELINE)
          idle_max_ms = max_ms;
        printf ("%-42s longest stall %6.1f ms, outside frames %5.1f ms\n", run_steps[step].name, max_ms,
                max_outside / 1000.0);
      }
    else if (bare)
      {
        run_steps[step].bare->stall_ms = max_ms;
        run_steps[step].bare->drawn_ms = drawn_ms;
      }
    else
      {
        printf ("%-42s longest stall %6.1f ms (%4.1f× idle, %4.2f frames), outside frames %5.1f ms, "
                "done after %7.1f ms, %u rows\n",
                run_steps[step].name, max_ms, max_ms / MAX (idle_max_ms, 0.001), max_ms / FRAME_MS,
                max_outside / 1000.0, settled_ms, last_n_items);
        if (run_steps[step].bare != NULL && run_steps[step].bare->stall_ms > 0)
          printf ("%-42s longest stall %6.1f ms in a bare libadwaita window (ratio %.2f); "
                  "drawn after %.1f ms, the bare window after %.1f ms\n", "",
                  run_steps[step].bare->stall_ms, max_ms / run_steps[step].bare->stall_ms,
                  drawn_ms, run_steps[step].bare->drawn_ms);
        outside_failures += max_outside > FRAME_MS * G_TIME_SPAN_MILLISECOND;
        failures += step > BASELINE && max_ms > FRAME_MS;
      }
    fflush (stdout);
  }

  if (++step == n_run_steps && bare)
    {
      /* For the benchmark that started this one */
      printf ("bare %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f\n",
              bare_dark.stall_ms, bare_dark.drawn_ms, bare_own.stall_ms, bare_own.drawn_ms,
              bare_behind.stall_ms, bare_behind.drawn_ms, bare_front.stall_ms, bare_front.drawn_ms);
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }
  if (step == n_run_steps)
    {
      printf ("%d of %u steps stalled for longer than a frame (%.1f ms); outside frames, %d did\n",
              failures, n_run_steps - BASELINE - 1, FRAME_MS, outside_failures);
      /* As a person would: the window closes, and the database with it,
       * so that the next run does not start with this one's log. */
      g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "quit", NULL);
      return G_SOURCE_REMOVE;
    }

  start_step ();
  return G_SOURCE_CONTINUE;
}

static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_began = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  if (frame_began == 0)
    return;

  g_array_append_val (frames, frame_began);
  g_array_append_val (frames, now);
  frame_began = 0;
  if (first_drawn == 0)
    first_drawn = now;
}

static void
first_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);

  if (!bare)
    {
      view = LIAISON_FELLOWSHIP_VIEW (liaison_bench_find_widget (GTK_WIDGET (window), LIAISON_TYPE_FELLOWSHIP_VIEW));
      column_view = GTK_COLUMN_VIEW (liaison_bench_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
      last_n_items = g_list_model_get_n_items (liaison_fellowship_view_get_model (view));
      g_signal_connect (liaison_fellowship_view_get_database (view), "record-changed", G_CALLBACK (record_changed_cb), NULL);
    }
  /* The first frame itself is the start-up benchmark's: the watch starts
   * after it. */
  watching = TRUE;
  last_tick = g_get_monotonic_time ();
  g_array_set_size (frames, 0);
  start_step ();
}

static void
realized_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  toplevel = window;
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), window);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (realized_cb), NULL);
}

/* The bare window, the start-up benchmark's baseline */
static void
bare_activate_cb (GApplication *application)
{
  GtkWidget *window = liaison_bench_bare_window_new (GTK_APPLICATION (application));

  g_signal_connect (window, "realize", G_CALLBACK (realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.jlgc.Liaison.Bench.Bare", G_APPLICATION_NON_UNIQUE);
  char *app_argv[] = { (char *) "bare", NULL };

  bare = TRUE;
  run_steps = bare_steps;
  n_run_steps = G_N_ELEMENTS (bare_steps);
  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  last_tick = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, NULL, NULL);

  return g_application_run (G_APPLICATION (app), 1, app_argv);
}

/* The bare window's change of style, in a process of its own */
static void
measure_bare (const char *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *child_argv[] = { self, "--child-bare", NULL };
  const char *line;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("The bare window did not run: %s", error->message);

  line = strstr (out, "bare ");
  if (line == NULL ||
      sscanf (line, "bare %lf %lf %lf %lf %lf %lf %lf %lf",
              &bare_dark.stall_ms, &bare_dark.drawn_ms, &bare_own.stall_ms, &bare_own.drawn_ms,
              &bare_behind.stall_ms, &bare_behind.drawn_ms, &bare_front.stall_ms, &bare_front.drawn_ms) != 8)
    g_error ("The bare window did not report its stalls");
}

/* The database file out of the page cache: written out, then dropped */
static void
drop_from_memory (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      int fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);

      if (fd < 0)
        continue;
      fdatasync (fd);
      if (posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED) != 0)
        g_printerr ("The page cache of %s could not be dropped\n", file);
      close (fd);
    }
  printf ("The database file is out of memory at the start (--cold).\n");
}

/* A Li Na of City 9 left by a run that stopped halfway would be found as
 * the same applicant, and the step that saves one would ask instead */
static void
forget_li_na (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) database = liaison_database_open (path, &error);
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autoptr(LiaisonRecord) application = liaison_record_new (&liaison_application_type);
  LiaisonRecord *found;

  if (database == NULL)
    g_error ("%s", error->message);

  liaison_record_set_text (person, "family_name", "Li");
  liaison_record_set_text (person, "given_name", "Na");
  liaison_record_set_text (application, "government", "City 9");
  while ((found = liaison_application_find_duplicate (database, application, person)) != NULL)
    {
      if (!liaison_database_delete (database, found, &error))
        g_error ("%s", error->message);
      g_object_unref (found);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonApp) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  char *app_argv[] = { (char *) "liaison", NULL };
  int n_applicants = 100000;
  gboolean cold = FALSE;
  const GOptionEntry entries[] = {
    { "applicants", 0, 0, G_OPTION_ARG_INT, &n_applicants, "Applicants to create", "N" },
    { "cold", 0, 0, G_OPTION_ARG_NONE, &cold, "Start with the database file out of memory", NULL },
    { NULL }
  };

  if (argc == 2 && g_str_equal (argv[1], "--child-bare"))
    return run_bare ();

  context = g_option_context_new ("[DIR]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  path = liaison_bench_office_path (argc > 1 ? argv[1] : NULL, "interaction.db", n_applicants);
  forget_li_na (path);
  measure_bare (argv[0]);
  if (cold)
    drop_from_memory (path);

  app = liaison_app_new ("org.jlgc.Liaison.Bench", G_APPLICATION_NON_UNIQUE);
  liaison_app_set_database_path (app, path);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  settings = g_settings_new (BASE_ID);
  g_settings_set_string (settings, "selected-page", "fellowship");
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);

  frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  last_tick = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, NULL, NULL);

  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
