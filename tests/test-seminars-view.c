/* test-seminars-view.c
 *
 * The Seminars view as staff use it: a seminar created in Tokyo time and
 * reopened in New York time keeps its instant; a time the clocks repeat
 * or skip is asked about, never moved silently; the list shows both
 * zones and groups by month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-registrants-dialog.h"
#include "liaison-seminar-editor.h"
#include "liaison-seminars-view.h"
#include "liaison-test-files.h"
#include "liaison-test-utils.h"

static LiaisonApp *app;
static char *database_dir;

static LiaisonSeminarsView *
open_view (LiaisonWindow **window_out)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  LiaisonSeminarsView *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "seminars");
  liaison_test_settle ();

  view = LIAISON_SEMINARS_VIEW (liaison_test_find (GTK_WIDGET (window), LIAISON_TYPE_SEMINARS_VIEW, NULL));
  g_assert_nonnull (view);
  g_assert_true (liaison_seminars_view_get_database (view) == liaison_app_get_database (app));

  *window_out = window;
  return view;
}

static LiaisonSeminarEditor *
visible_editor (LiaisonWindow *window)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  g_assert_true (LIAISON_IS_SEMINAR_EDITOR (dialog));
  return LIAISON_SEMINAR_EDITOR (dialog);
}

static LiaisonRecord *
find_seminar (const char *title)
{
  g_autoptr(LiaisonRecordList) list = liaison_record_list_new (liaison_app_get_database (app), &liaison_seminar_type);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(LiaisonRecord) seminar = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_str_equal (liaison_record_get_text (seminar, "title_en"), title))
        return g_steal_pointer (&seminar);
    }

  return NULL;
}

/* Created in Tokyo time, reopened in New York time: the same instant */
static void
test_zone_never_moves_the_instant (void)
{
  LiaisonWindow *window;
  LiaisonSeminarsView *view = open_view (&window);
  LiaisonSeminarEditor *editor;
  g_autoptr(LiaisonRecord) seminar = NULL;
  g_autoptr(LiaisonRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (liaison_seminars_view_get_model (view));

  gtk_widget_activate_action (GTK_WIDGET (view), "seminars.new", NULL);
  liaison_test_settle ();
  editor = visible_editor (window);

  /* New York is where the office plans: the form starts there. */
  g_assert_cmpstr (liaison_seminar_editor_get_zone (editor), ==, "America/New_York");

  gtk_editable_set_text (GTK_EDITABLE (liaison_seminar_editor_get_row (editor, "title_en")), "Tourism after the pandemic");
  liaison_seminar_editor_set_zone (editor, "Asia/Tokyo");
  liaison_seminar_editor_set_start (editor, "2026-11-28 09:00");
  g_assert_null (liaison_seminar_editor_dup_problem (editor));
  g_assert_true (liaison_seminar_editor_save (editor, &error));
  g_assert_no_error (error);
  adw_dialog_force_close (ADW_DIALOG (editor));
  liaison_test_settle ();

  seminar = find_seminar ("Tourism after the pandemic");
  g_assert_nonnull (seminar);
  g_assert_cmpstr (liaison_record_get_text (seminar, "time_zone"), ==, "Asia/Tokyo");
  /* 09:00 on 28 November in Tokyo is 19:00 on the 27th in New York: 00:00Z */
  g_assert_cmpint (liaison_record_get_integer (seminar, "start_utc"), ==, G_GINT64_CONSTANT (1795824000000));
  g_assert_cmpuint (g_list_model_get_n_items (liaison_seminars_view_get_model (view)), ==, before + 1);

  /* Reopened, shown in New York time, saved: the instant did not move. */
  editor = LIAISON_SEMINAR_EDITOR (liaison_seminars_view_open (view, seminar));
  liaison_test_settle ();
  liaison_test_assert_icons (GTK_WIDGET (editor));
  liaison_test_assert_icons (GTK_WIDGET (view));
  g_assert_cmpstr (liaison_seminar_editor_get_start (editor), ==, "2026-11-28 09:00");
  liaison_seminar_editor_set_zone (editor, "America/New_York");
  g_assert_cmpstr (liaison_seminar_editor_get_start (editor), ==, "2026-11-27 19:00");
  g_assert_true (liaison_seminar_editor_save (editor, &error));
  g_assert_no_error (error);
  adw_dialog_force_close (ADW_DIALOG (editor));
  liaison_test_settle ();

  again = liaison_database_get (liaison_app_get_database (app), &liaison_seminar_type,
                                liaison_record_get_uuid (seminar), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_record_get_text (again, "time_zone"), ==, "America/New_York");
  g_assert_cmpstr (liaison_record_get_text (again, "start_local"), ==, "2026-11-27T19:00");
  g_assert_cmpint (liaison_record_get_integer (again, "start_utc"), ==, G_GINT64_CONSTANT (1795824000000));

  liaison_test_window_destroy (window);
}

/* The hour the clocks repeat is asked about; the one they skip offers the
 * times it could have meant. */
static void
test_changes_of_the_clocks (void)
{
  LiaisonWindow *window;
  LiaisonSeminarsView *view = open_view (&window);
  LiaisonSeminarEditor *editor;
  g_autoptr(LiaisonRecord) seminar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  gtk_widget_activate_action (GTK_WIDGET (view), "seminars.new", NULL);
  liaison_test_settle ();
  editor = visible_editor (window);
  gtk_editable_set_text (GTK_EDITABLE (liaison_seminar_editor_get_row (editor, "title_en")), "Night owls");

  /* 1:30 on 1 November 2026 happens twice in New York */
  liaison_seminar_editor_set_start (editor, "2026-11-01 01:30");
  problem = liaison_seminar_editor_dup_problem (editor);
  g_assert_nonnull (problem);
  g_assert_false (liaison_seminar_editor_save (editor, &error));
  g_clear_error (&error);
  g_assert_true (liaison_seminar_editor_choose (editor, 1));
  g_assert_null (liaison_seminar_editor_dup_problem (editor));

  /* Shown in Tokyo and back: still the second 1:30 */
  liaison_seminar_editor_set_zone (editor, "Asia/Tokyo");
  g_assert_cmpstr (liaison_seminar_editor_get_start (editor), ==, "2026-11-01 15:30");
  liaison_seminar_editor_set_zone (editor, "America/New_York");
  g_assert_cmpstr (liaison_seminar_editor_get_start (editor), ==, "2026-11-01 01:30");
  g_assert_null (liaison_seminar_editor_dup_problem (editor));

  g_assert_true (liaison_seminar_editor_save (editor, &error));
  g_assert_no_error (error);
  adw_dialog_force_close (ADW_DIALOG (editor));
  liaison_test_settle ();

  seminar = find_seminar ("Night owls");
  g_assert_nonnull (seminar);
  /* The second 1:30 is EST: 06:30Z */
  g_assert_cmpint (liaison_record_get_integer (seminar, "start_utc"), ==, G_GINT64_CONSTANT (1793514600000));
  g_assert_cmpint (liaison_record_get_integer (seminar, "start_fold"), ==, 2);

  /* 2:30 on 8 March 2026 does not exist there: it is offered as 3:30 or 1:30 */
  editor = LIAISON_SEMINAR_EDITOR (liaison_seminars_view_open (view, seminar));
  liaison_test_settle ();
  liaison_seminar_editor_set_start (editor, "2026-03-08 02:30");
  g_clear_pointer (&problem, g_free);
  problem = liaison_seminar_editor_dup_problem (editor);
  g_assert_nonnull (problem);
  g_assert_true (liaison_seminar_editor_choose (editor, 0));
  g_assert_cmpstr (liaison_seminar_editor_get_start (editor), ==, "2026-03-08 03:30");
  g_assert_null (liaison_seminar_editor_dup_problem (editor));
  adw_dialog_force_close (ADW_DIALOG (editor));
  liaison_test_settle ();

  liaison_test_window_destroy (window);
}

/* Both zones in each row, months as headings, the weekday shown */
static void
test_list_shows_both_zones (void)
{
  LiaisonWindow *window;
  LiaisonSeminarsView *view;
  g_autoptr(LiaisonRecord) seminar = find_seminar ("Tourism after the pandemic");

  if (seminar == NULL)
    {
      g_autoptr(GError) error = NULL;

      seminar = liaison_record_new (&liaison_seminar_type);
      liaison_record_set_text (seminar, "title_en", "Tourism after the pandemic");
      liaison_record_set_text (seminar, "start_local", "2026-11-27T19:00");
      liaison_record_set_text (seminar, "time_zone", "America/New_York");
      liaison_record_set_integer (seminar, "duration", 60);
      liaison_record_set_text (seminar, "status", "planned");
      g_assert_true (liaison_database_save (liaison_app_get_database (app), seminar, &error));
      g_assert_no_error (error);
    }

  view = open_view (&window);
  liaison_test_settle ();
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "New York: Fri, Nov 27, 2026, 7:00 PM EST"));
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "Tokyo: Sat, Nov 28, 2026, 9:00 AM JST"));
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "November 2026"));

  liaison_test_window_destroy (window);
}

/* A speaker found by name and added; shown in the form and the list */
static void
test_speakers (void)
{
  LiaisonWindow *window;
  LiaisonSeminarsView *view = open_view (&window);
  LiaisonDatabase *database = liaison_app_get_database (app);
  g_autoptr(LiaisonRecord) seminar = find_seminar ("Tourism after the pandemic");
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autoptr(LiaisonRecordList) speakers = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSeminarEditor *editor;
  GtkWidget *search;
  GtkWidget *add;

  if (seminar == NULL)
    {
      seminar = liaison_record_new (&liaison_seminar_type);
      liaison_record_set_text (seminar, "title_en", "Tourism after the pandemic");
      liaison_record_set_text (seminar, "start_local", "2026-11-27T19:00");
      liaison_record_set_text (seminar, "time_zone", "America/New_York");
      liaison_record_set_integer (seminar, "duration", 60);
      liaison_record_set_text (seminar, "status", "planned");
      g_assert_true (liaison_database_save (database, seminar, &error));
    }

  liaison_record_set_text (person, "family_name", "Okonkwo");
  liaison_record_set_text (person, "given_name", "Adaeze");
  g_assert_true (liaison_database_save (database, person, &error));
  g_assert_no_error (error);

  /* Another seminar's speaker, who is not this one's */
  {
    g_autoptr(LiaisonRecord) other = liaison_record_new (&liaison_seminar_type);
    g_autoptr(LiaisonRecord) someone = liaison_record_new (&liaison_person_type);
    g_autoptr(LiaisonRecord) speaker = liaison_record_new (&liaison_speaker_type);

    liaison_record_set_text (other, "title_en", "Another seminar");
    liaison_record_set_text (other, "start_local", "2026-12-04T19:00");
    liaison_record_set_text (other, "time_zone", "America/New_York");
    liaison_record_set_integer (other, "duration", 60);
    liaison_record_set_text (other, "status", "planned");
    g_assert_true (liaison_database_save (database, other, &error));
    liaison_record_set_text (someone, "family_name", "Zubiri");
    liaison_record_set_text (someone, "given_name", "Itziar");
    g_assert_true (liaison_database_save (database, someone, &error));
    liaison_record_set_text (speaker, "seminar", liaison_record_get_uuid (other));
    liaison_record_set_text (speaker, "person", liaison_record_get_uuid (someone));
    g_assert_true (liaison_database_save (database, speaker, &error));
    g_assert_no_error (error);
  }

  editor = LIAISON_SEMINAR_EDITOR (liaison_seminars_view_open (view, seminar));
  liaison_test_settle ();

  search = liaison_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Find a Person to Add");
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "okonkwo");
  liaison_test_settle ();
  add = liaison_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Add");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  liaison_test_settle ();

  speakers = liaison_record_list_new (database, &liaison_speaker_type);
  liaison_record_list_add_filter (speakers, "seminar", liaison_record_get_uuid (seminar));
  g_assert_true (liaison_record_list_reload (speakers, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (speakers)), ==, 1);
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Adaeze Okonkwo"));
  g_assert_null (liaison_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Itziar Zubiri"));

  /* The registrants open in a dialog of their own, over the form */
  {
    GtkWidget *row = liaison_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Registrants");
    AdwDialog *registrants;

    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "0 registered"));
    g_signal_emit_by_name (row, "activated");
    liaison_test_settle ();
    registrants = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
    g_assert_true (LIAISON_IS_REGISTRANTS_DIALOG (registrants));
    adw_dialog_force_close (registrants);
    liaison_test_settle ();
  }

  adw_dialog_force_close (ADW_DIALOG (editor));
  liaison_test_settle ();
  liaison_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  app = liaison_test_application_new ();
  database_dir = g_dir_make_tmp ("liaison-seminars-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (database_dir, "liaison.db", NULL);
  liaison_app_set_database_path (app, path);
  g_assert_true (liaison_app_open_database (app, &error));
  g_assert_no_error (error);

  g_test_add_func ("/seminars-view/zone-never-moves-the-instant", test_zone_never_moves_the_instant);
  g_test_add_func ("/seminars-view/changes-of-the-clocks", test_changes_of_the_clocks);
  g_test_add_func ("/seminars-view/list-shows-both-zones", test_list_shows_both_zones);
  g_test_add_func ("/seminars-view/speakers", test_speakers);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  liaison_test_remove_tree (database_dir);
  g_free (database_dir);

  return status;
}
