/* test-fellowship-view.c
 *
 * The Fellowship view driven through its actions, as a staff member would:
 * find applicants, create one, hit a validation error, save, find it,
 * change its status, delete it, undo, export — and then the database and
 * the CSV file are checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison-applicant-editor.h"
#include "liaison-cell-label.h"
#include "liaison-choice-button.h"
#include "liaison-csv.h"
#include "liaison-demo.h"
#include "liaison-fellowship.h"
#include "liaison-fellowship-view.h"
#include "liaison-record-dialog.h"
#include "liaison-record-selection.h"
#include "liaison-record-list-private.h"
#include "liaison-records.h"
#include "liaison-search.h"
#include "liaison-sight-group.h"
#include "liaison-test-files.h"
#include "liaison-sync.h"
#include "liaison-test-utils.h"

/* The Documents column, the last */
#define COLUMN_INDEX_DOCUMENTS 6

static LiaisonApp *app;
static char *database_dir;
static LiaisonFellowshipView *current_view;  /* weak */

static gboolean
list_read (gpointer data)
{
  GListModel *model;

  if (current_view == NULL)
    return TRUE;

  model = liaison_fellowship_view_get_model (current_view);
  return !liaison_fellowship_view_is_loading (current_view) &&
         (model == NULL || !liaison_record_list_is_reading (LIAISON_RECORD_LIST (model)));
}

/* Lets the frames follow, and the view of the test read its list again
 * (in a worker thread, however long that takes) and show every row of it:
 * the rows the first frame held back follow it a few at a time. */
static void
settle (void)
{
  liaison_test_settle ();
  if (!list_read (NULL))
    {
      liaison_test_wait_until (list_read, NULL);
      liaison_test_settle ();
    }
}

static gboolean
is_saved (gpointer data)
{
  LiaisonRecord *application = liaison_applicant_editor_get_application (data);

  return liaison_record_get_created_at (application) != 0;
}

static gboolean
has_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) != NULL;
}

static LiaisonFellowshipView *
open_view (LiaisonWindow **window_out)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  LiaisonFellowshipView *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "fellowship");
  settle ();

  view = LIAISON_FELLOWSHIP_VIEW (liaison_test_find (GTK_WIDGET (window), LIAISON_TYPE_FELLOWSHIP_VIEW, NULL));
  g_assert_nonnull (view);
  g_assert_true (liaison_fellowship_view_get_database (view) == liaison_app_get_database (app));
  g_set_weak_pointer (&current_view, view);
  settle ();

  *window_out = window;
  return view;
}

static LiaisonChoiceButton *
find_dropdown (GtkWidget  *root,
               const char *tooltip)
{
  if (LIAISON_IS_CHOICE_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return LIAISON_CHOICE_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      LiaisonChoiceButton *found = find_dropdown (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
choose_in (LiaisonChoiceButton *dropdown,
           const char          *item)
{
  GListModel *items = liaison_choice_button_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (items, i);

      if (g_str_equal (gtk_string_object_get_string (choice), item))
        {
          liaison_choice_button_set_selected (dropdown, i);
          settle ();
          return;
        }
    }

  g_error ("No item “%s”", item);
}

/* As a person would: open the list, type, and press Enter */
static void
choose_by_search (LiaisonChoiceButton *dropdown,
                  const char          *text)
{
  GtkWidget *entry;

  liaison_choice_button_popup (dropdown);
  settle ();
  entry = liaison_test_find (GTK_WIDGET (liaison_choice_button_get_popover (dropdown)), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (liaison_choice_button_get_popover (dropdown))));
}

static guint
count_shown (LiaisonFellowshipView *view)
{
  return g_list_model_get_n_items (liaison_fellowship_view_get_model (view));
}

/* The text of a column in the first rows drawn, in their order: the rows
 * of the column view's list are its children in the order of the list,
 * and their cells are theirs in the order of the columns. */
static char *
shown_column (GtkColumnView *column_view,
              guint          column,
              guint          n_rows)
{
  GtkWidget *list = liaison_test_find (GTK_WIDGET (column_view), GTK_TYPE_LIST_VIEW, NULL);
  GString *text = g_string_new (NULL);
  guint row_index = 0;

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL && row_index < n_rows;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      GtkWidget *label;

      if (!gtk_widget_get_child_visible (row) || cell == NULL)
        continue;
      for (guint i = 0; i < column && cell != NULL; i++)
        cell = gtk_widget_get_next_sibling (cell);
      g_assert_nonnull (cell);
      label = liaison_test_find (cell, LIAISON_TYPE_CELL_LABEL, NULL);
      g_assert_nonnull (label);

      if (row_index++ > 0)
        g_string_append (text, ", ");
      g_string_append (text, liaison_cell_label_get_text (LIAISON_CELL_LABEL (label)));
    }

  return g_string_free (text, FALSE);
}

/* The rows held out of sight, with the list at its top: each shows
 * nothing, or its own record's government, never the one it had before
 * (its cells would give that to a screen reader). Returns how many show
 * another. */
static guint
count_stale_rows (GtkColumnView *column_view,
                  GListModel    *model)
{
  GtkWidget *list = liaison_test_find (GTK_WIDGET (column_view), GTK_TYPE_LIST_VIEW, NULL);
  guint position = 0;
  guint stale = 0;
  guint unseen = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      g_autoptr(LiaisonRecord) application = NULL;
      const char *text;

      if (cell == NULL)
        continue;
      application = g_list_model_get_item (model, position++);
      if (gtk_widget_get_child_visible (row))
        continue;

      unseen++;
      cell = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (cell));
      text = liaison_cell_label_get_text (LIAISON_CELL_LABEL (liaison_test_find (cell, LIAISON_TYPE_CELL_LABEL, NULL)));
      if (text[0] != '\0' && (application == NULL || !g_str_equal (text, liaison_record_get_text (application, "government"))))
        stale++;
    }
  /* The list does hold rows it does not show. */
  g_assert_cmpuint (unseen, >, 10);

  return stale;
}

/* The rows in sight show every cell; those held out of sight, none (which
 * spares GTK styling them again), and are as tall as the rows in sight all
 * the same. Returns how many rows are in sight. */
static guint
check_cells_of_unseen_rows (GtkColumnView *column_view)
{
  GtkWidget *list = liaison_test_find (GTK_WIDGET (column_view), GTK_TYPE_LIST_VIEW, NULL);
  int seen_height = -1;
  guint seen = 0;
  guint unseen = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gboolean in_sight = gtk_widget_get_child_visible (row);
      guint column = 0;
      int height;

      if (gtk_widget_get_first_child (row) == NULL)
        continue;

      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell), column++)
        {
          GtkWidget *label = liaison_test_find (cell, LIAISON_TYPE_CELL_LABEL, NULL);

          g_assert_nonnull (label);
          g_assert_cmpint (gtk_widget_get_visible (cell), ==, in_sight);
          if (in_sight)
            g_assert_true (gtk_widget_get_mapped (label));
        }
      g_assert_cmpuint (column, ==, COLUMN_INDEX_DOCUMENTS + 1);

      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
      if (in_sight && seen_height < 0)
        seen_height = height;
      if (seen_height >= 0)
        g_assert_cmpint (height, ==, seen_height);
      seen += in_sight;
      unseen += !in_sight;
    }
  g_assert_cmpuint (seen, >, 5);
  g_assert_cmpuint (unseen, >, 10);

  return seen;
}

/* The same, as the model has it */
static char *
model_column (GListModel *model,
              const char *field,
              guint       n_rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_rows && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, liaison_record_get_text (application, field));
    }

  return g_string_free (text, FALSE);
}

static void
assert_rows_shown (GtkColumnView *column_view,
                   GListModel    *model)
{
  g_autofree char *shown = shown_column (column_view, 2, 5);
  g_autofree char *expected = model_column (model, "government", 5);

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_list_and_filters (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  GListModel *model = liaison_fellowship_view_get_model (view);
  guint all;

  /* Once drawn, every column is there, whatever the first frame held
   * back. */
  {
    GtkColumnView *column_view = GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
    GListModel *columns = gtk_column_view_get_columns (column_view);

    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 7);
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        g_assert_true (gtk_column_view_column_get_visible (column));
      }
  }

  /* The coming cohort by default: 2027 in the sample data */
  g_assert_cmpuint (count_shown (view), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);

      g_assert_cmpint (liaison_record_get_integer (application, "cohort_year"), ==, 2027);
    }

  liaison_fellowship_view_set_cohort_year (view, 0);
  settle ();
  all = count_shown (view);
  g_assert_cmpuint (all, ==, liaison_database_count (liaison_app_get_database (app), &liaison_application_type));
  assert_rows_shown (GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL)), model);

  /* The search narrows it, in any script. */
  liaison_fellowship_view_set_search (view, "trenton");
  settle ();
  g_assert_cmpuint (count_shown (view), >=, 1);
  g_assert_cmpuint (count_shown (view), <, all);
  assert_rows_shown (GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL)), model);
  liaison_fellowship_view_set_search (view, "no such applicant anywhere");
  settle ();
  g_assert_cmpuint (count_shown (view), ==, 0);

  /* What the Documents column says is searched too */
  {
    g_autofree char *today = liaison_today ();
    guint overdue = 0;

    liaison_fellowship_view_set_search (view, "");
    settle ();
    for (guint i = 0; i < all; i++)
      {
        g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);

        overdue += liaison_application_get_deadline_state (application, today) == LIAISON_DEADLINE_OVERDUE;
      }
    /* The sample data has some */
    g_assert_cmpuint (overdue, >, 0);
    liaison_fellowship_view_set_search (view, "overdue");
    settle ();
    g_assert_cmpuint (count_shown (view), ==, overdue);
    for (guint i = 0; i < count_shown (view); i++)
      {
        g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);

        g_assert_cmpint (liaison_application_get_deadline_state (application, today), ==, LIAISON_DEADLINE_OVERDUE);
      }
  }
  liaison_fellowship_view_set_search (view, "");
  settle ();
  g_assert_cmpuint (count_shown (view), ==, all);

  /* Every column sorts, in the database: text without regard to case or
   * accents, statuses in the order of the pipeline */
  {
    GtkColumnView *column_view = GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
    g_autoptr(GtkColumnViewColumn) government = g_list_model_get_item (gtk_column_view_get_columns (column_view), 2);
    g_autoptr(GtkColumnViewColumn) status = g_list_model_get_item (gtk_column_view_get_columns (column_view), 5);
    g_autofree char *previous = NULL;
    int previous_step = -1;

    assert_rows_shown (column_view, model);
    gtk_column_view_sort_by_column (column_view, government, GTK_SORT_DESCENDING);
    settle ();
    g_assert_cmpuint (count_shown (view), ==, all);
    /* The rows drawn show the new order */
    assert_rows_shown (column_view, model);
    for (guint i = 0; i < all; i++)
      {
        g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);
        g_autofree char *key = liaison_search_normalize (liaison_record_get_text (application, "government"));

        if (previous != NULL)
          g_assert_cmpstr (previous, >=, key);
        g_free (previous);
        previous = g_steal_pointer (&key);
      }

    gtk_column_view_sort_by_column (column_view, status, GTK_SORT_ASCENDING);
    settle ();
    assert_rows_shown (column_view, model);
    for (guint i = 0; i < all; i++)
      {
        g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);
        const LiaisonField *field = liaison_record_type_find_field (&liaison_application_type, "status");
        const char *value = liaison_record_get_text (application, "status");
        int step = 0;

        while (field->choices[step].value != NULL && !g_str_equal (field->choices[step].value, value))
          step++;
        g_assert_cmpint (step, >=, previous_step);
        previous_step = step;
      }
    g_assert_cmpint (previous_step, >, 0);

    gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
    settle ();
  }

  /* By jurisdiction */
  {
    LiaisonChoiceButton *jurisdiction = find_dropdown (GTK_WIDGET (view), "Jurisdiction");
    guint in_virginia = 0;

    for (guint i = 0; i < all; i++)
      {
        g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);

        in_virginia += g_str_equal (liaison_record_get_text (application, "jurisdiction"), "US-VA");
      }
    g_assert_cmpuint (in_virginia, >, 0);

    choose_by_search (jurisdiction, "us-va");
    g_assert_cmpstr (liaison_choice_button_get_label (jurisdiction), ==, "US-VA");
    g_assert_cmpuint (count_shown (view), ==, in_virginia);
    choose_in (jurisdiction, "All Jurisdictions");
    g_assert_cmpuint (count_shown (view), ==, all);
  }

  liaison_test_window_destroy (window);
}

static void
set_entry (LiaisonApplicantEditor *editor,
           const char             *record,
           const char             *field,
           const char             *text)
{
  GtkWidget *row = liaison_applicant_editor_get_row (editor, record, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose (LiaisonApplicantEditor *editor,
        const char             *record,
        const char             *field,
        const char             *label)
{
  GtkWidget *row = liaison_applicant_editor_get_row (editor, record, field);
  GListModel *items;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  items = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (items), i), label))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }

  g_error ("No item “%s” in %s", label, field);
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
find_file_chooser (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          *(GtkWidget **) data = GTK_WIDGET (toplevel);
          return TRUE;
        }
      G_GNUC_END_IGNORE_DEPRECATIONS
    }

  return FALSE;
}

static gboolean
has_label (gpointer data)
{
  const char * const *where = data;

  return liaison_test_find (GTK_WIDGET (where[0]), GTK_TYPE_LABEL, where[1]) != NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

typedef struct
{
  GtkWidget *chooser;
  GFile     *file;
  gint64     given_at;
} Choice;

/* Whether the file chooser has come to @file. It is given the whole path
 * as the name, as someone may type it, again every half second until
 * then: the chooser reads its first folder as it opens. */
static gboolean
chooses (gpointer data)
{
  Choice *choice = data;
  g_autoptr(GFile) chosen = NULL;
  gint64 now = g_get_monotonic_time ();

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (choice->chooser));
  if (chosen != NULL && g_file_equal (chosen, choice->file))
    return TRUE;

  if (now - choice->given_at > G_USEC_PER_SEC / 2)
    {
      choice->given_at = now;
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (choice->chooser), g_file_peek_path (choice->file));
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  return FALSE;
}

static gboolean
keep_going (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Whether the file chooser has gone, answered Save. The answer is given
 * again every half second: the chooser lets it through only once it has
 * looked at the folder and the name. */
static gboolean
accepted (gpointer data)
{
  Choice *choice = data;
  gint64 now = g_get_monotonic_time ();

  if (choice->chooser == NULL)
    return TRUE;

  if (now - choice->given_at > G_USEC_PER_SEC / 2)
    {
      choice->given_at = now;
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_dialog_response (GTK_DIALOG (choice->chooser), GTK_RESPONSE_ACCEPT);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }

  return FALSE;
}

/* Exports the list shown to @path as a person would: Export, the choice of
 * sensitive fields (left out unless asked for), Choose File…, and the file
 * chooser (GTK's own: no portal answers here), until the toast tells it
 * is done. */
static void
export_through_dialogs (LiaisonWindow         *window,
                        LiaisonFellowshipView *view,
                        const char            *path,
                        gboolean               sensitive)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *told = g_strdup_printf ("Exported %u applicant", count_shown (view));
  const char *where[] = { (const char *) window, told };
  Choice choice = { NULL, file, 0 };
  GtkWidget *dialog;
  GtkWidget *check;
  guint tick;

  g_assert_cmpuint (count_shown (view), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The toasts shown before would keep the one of the export waiting */
  adw_toast_overlay_dismiss_all (ADW_TOAST_OVERLAY (liaison_test_find (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL)));
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.export", NULL);
  settle ();
  dialog = liaison_test_find (GTK_WIDGET (window), ADW_TYPE_ALERT_DIALOG, NULL);
  g_assert_nonnull (dialog);
  check = liaison_test_find (dialog, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), sensitive);
  g_signal_emit_by_name (liaison_test_find (dialog, GTK_TYPE_BUTTON, "_Choose File…"), "clicked");

  /* The chooser is waited for, and answered again, as time passes */
  tick = g_timeout_add (50, keep_going, NULL);
  liaison_test_wait_until (find_file_chooser, &choice.chooser);
  liaison_test_wait_until (is_mapped, choice.chooser);
  liaison_test_wait_until (chooses, &choice);
  choice.given_at = 0;
  g_object_add_weak_pointer (G_OBJECT (choice.chooser), (gpointer *) &choice.chooser);
  liaison_test_wait_until (accepted, &choice);
  g_source_remove (tick);

  /* Written whole or not at all */
  liaison_test_wait_until (exists, (gpointer) path);
  liaison_test_wait_until (has_label, where);
}

static void
test_create_edit_delete_export (void)
{
  LiaisonDatabase *db = liaison_app_get_database (app);
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  LiaisonApplicantEditor *editor;
  g_autofree char *problem = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) stored = NULL;
  guint before = count_shown (view);
  GtkWidget *row;

  /* With no applicant open, the detail pane says what to do, under a
   * header bar with the window's controls. */
  g_assert_null (liaison_fellowship_view_get_editor (view));
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, "No Applicant Selected"));

  /* Ctrl+N: a new applicant in the editor */
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.new", NULL);
  settle ();
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  g_assert_nonnull (editor);
  liaison_test_assert_icons (GTK_WIDGET (editor));
  liaison_test_assert_icons (GTK_WIDGET (view));

  /* Empty, it cannot be saved, and says why. */
  problem = liaison_applicant_editor_dup_problem (editor);
  g_assert_nonnull (problem);
  g_clear_pointer (&problem, g_free);

  set_entry (editor, "person", "family_name", "Okonkwo");
  set_entry (editor, "person", "given_name", "Adaeze");
  set_entry (editor, "application", "government", "City of Newark");

  /* A bad email is pointed out as it is typed. */
  set_entry (editor, "person", "emails", "adaeze.okonkwo@");
  row = liaison_applicant_editor_get_row (editor, "person", "emails");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  problem = liaison_applicant_editor_dup_problem (editor);
  g_assert_nonnull (strstr (problem, "is not an email address"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.save", NULL));
  settle ();
  g_assert_cmpint (liaison_record_get_created_at (liaison_applicant_editor_get_application (editor)), ==, 0);
  g_clear_pointer (&problem, g_free);

  set_entry (editor, "person", "emails", "adaeze.okonkwo@newark.example.org");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* The jurisdiction is still missing. */
  problem = liaison_applicant_editor_dup_problem (editor);
  g_assert_nonnull (strstr (problem, "Jurisdiction"));
  g_clear_pointer (&problem, g_free);
  choose (editor, "application", "jurisdiction", "New Jersey (US-NJ)");
  g_assert_null (liaison_applicant_editor_dup_problem (editor));

  /* Saved once the check for the same applicant, in a worker thread, has
   * found none */
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.save", NULL);
  liaison_test_wait_until (is_saved, editor);
  settle ();
  uuid = g_strdup (liaison_record_get_uuid (liaison_applicant_editor_get_application (editor)));
  stored = liaison_database_get (db, &liaison_application_type, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_record_get_text (stored, "government"), ==, "City of Newark");
  g_assert_cmpuint (count_shown (view), ==, before + 1);
  g_clear_object (&stored);

  /* It is found by the search. */
  liaison_fellowship_view_set_search (view, "okonkwo");
  settle ();
  g_assert_cmpuint (count_shown (view), ==, 1);

  /* One step forward in the pipeline, saved */
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.next-status", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.save", NULL);
  settle ();
  stored = liaison_database_get (db, &liaison_application_type, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_record_get_text (stored, "status"), ==, "nominated");
  g_clear_object (&stored);
  /* The row drawn shows it */
  {
    g_autofree char *shown = shown_column (GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL)),
                                           5, 1);

    g_assert_cmpstr (shown, ==, "Nominated");
  }

  /* Delete, then undo */
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.delete", NULL);
  settle ();
  g_assert_cmpuint (count_shown (view), ==, 0);
  g_assert_null (liaison_fellowship_view_get_editor (view));
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, "No Applicant Selected"));
  stored = liaison_database_get (db, &liaison_application_type, uuid, &error);
  g_assert_true (liaison_record_is_deleted (stored));
  g_clear_object (&stored);
  g_assert_true (liaison_database_undelete (db, liaison_database_get (db, &liaison_application_type, uuid, NULL), &error));
  settle ();
  g_assert_cmpuint (count_shown (view), ==, 1);

  /* Export what is shown, through the view's own dialogs: sensitive
   * fields left out unless asked for */
  for (guint sensitive = 0; sensitive < 2; sensitive++)
    {
      g_autofree char *path = g_build_filename (database_dir, sensitive ? "shown-all.csv" : "shown.csv", NULL);
      g_autofree char *text = NULL;

      export_through_dialogs (window, view, path, sensitive);
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
      g_assert_nonnull (strstr (text, "Okonkwo"));
      g_assert_nonnull (strstr (text, "City of Newark"));
      if (sensitive)
        g_assert_nonnull (strstr (text, "Dietary"));
      else
        g_assert_null (strstr (text, "Dietary"));
    }

  liaison_test_window_destroy (window);
}

/* Whether a row of @root has @text in its title or subtitle */
static gboolean
has_row_with (GtkWidget  *root,
              const char *text)
{
  if (ADW_IS_ACTION_ROW (root) &&
      (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), text) != NULL ||
       strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) ?: "", text) != NULL))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_row_with (child, text))
      return TRUE;

  return FALSE;
}

/* Sensitive fields removed on request, after a confirmation: gone from the
 * database and the editor, and noted at once in the activity log, without
 * their contents. */
static void
test_purge (void)
{
  LiaisonDatabase *db = liaison_app_get_database (app);
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
  g_autoptr(LiaisonRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonApplicantEditor *editor;
  AdwDialog *dialog;

  liaison_record_set_text (first, "dietary", "No shellfish");
  g_assert_true (liaison_database_save (db, first, &error));
  g_assert_no_error (error);
  liaison_fellowship_view_open (view, first);
  settle ();
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  g_assert_false (has_row_with (GTK_WIDGET (editor), "Sensitive information removed on request"));

  /* Cancelled, nothing goes. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.purge", NULL);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_close_response (ADW_ALERT_DIALOG (dialog)), ==, "cancel");
  g_signal_emit_by_name (dialog, "response", "cancel");
  adw_dialog_force_close (dialog);
  settle ();
  stored = liaison_database_get (db, &liaison_application_type, liaison_record_get_uuid (first), NULL);
  g_assert_cmpstr (liaison_record_get_text (stored, "dietary"), ==, "No shellfish");
  g_clear_object (&stored);

  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.purge", NULL);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_signal_emit_by_name (dialog, "response", "remove");
  adw_dialog_force_close (dialog);
  settle ();
  stored = liaison_database_get (db, &liaison_application_type, liaison_record_get_uuid (first), NULL);
  g_assert_cmpstr (liaison_record_get_text (stored, "dietary"), ==, "");
  g_assert_cmpstr (liaison_record_get_text (liaison_applicant_editor_get_application (editor), "dietary"), ==, "");
  g_assert_true (has_row_with (GTK_WIDGET (editor), "Sensitive information removed on request"));
  g_assert_false (has_row_with (GTK_WIDGET (editor), "shellfish"));

  liaison_test_window_destroy (window);
}

static void
test_duplicate_warning (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  LiaisonApplicantEditor *editor;
  AdwDialog *dialog;
  guint before;

  liaison_fellowship_view_set_cohort_year (view, 0);
  settle ();
  before = count_shown (view);

  /* Someone already in the sample data, typed in again */
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.new", NULL);
  settle ();
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  {
    g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
    g_autoptr(LiaisonRecord) person = liaison_database_get (liaison_app_get_database (app), &liaison_person_type,
                                                             liaison_record_get_text (first, "person"), NULL);
    g_auto(GStrv) emails = g_strsplit (liaison_record_get_text (person, "emails"), "\n", 2);

    set_entry (editor, "person", "family_name", "Someone");
    set_entry (editor, "person", "emails", emails[0]);
    set_entry (editor, "application", "government", "Anywhere");
    choose (editor, "application", "jurisdiction", "Ontario (CA-ON)");
  }

  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.save", NULL);
  liaison_test_wait_until (has_dialog, window);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "open"));

  /* Opening the existing one saves nothing new. */
  g_signal_emit_by_name (dialog, "response", "open");
  adw_dialog_force_close (dialog);
  settle ();
  g_assert_cmpuint (count_shown (view), ==, before);
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  g_assert_cmpint (liaison_record_get_created_at (liaison_applicant_editor_get_application (editor)), >, 0);

  liaison_test_window_destroy (window);
}

/* Saving a new applicant waits for the check against those already there,
 * in a worker thread; what happens meanwhile counts. */

/* A new applicant typed in, who is no one already there; its uuid in
 * @uuid */
static LiaisonApplicantEditor *
new_applicant (LiaisonFellowshipView  *view,
               char                  **uuid)
{
  LiaisonApplicantEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.new", NULL);
  settle ();
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  g_free (*uuid);
  *uuid = g_strdup (liaison_record_get_uuid (liaison_applicant_editor_get_application (editor)));
  set_entry (editor, "person", "family_name", "Halvorsen");
  set_entry (editor, "person", "given_name", "Ingrid");
  set_entry (editor, "person", "emails", "ingrid.halvorsen@duluth.example.org");
  set_entry (editor, "application", "government", "City of Duluth");
  choose (editor, "application", "jurisdiction", "Minnesota (US-MN)");
  g_assert_null (liaison_applicant_editor_dup_problem (editor));

  return editor;
}

/* The address of the person of @application, typed in */
static void
give_address_of (LiaisonApplicantEditor *editor,
                 LiaisonRecord          *application)
{
  g_autoptr(LiaisonRecord) person = liaison_database_get (liaison_app_get_database (app), &liaison_person_type,
                                                           liaison_record_get_text (application, "person"), NULL);
  g_auto(GStrv) emails = g_strsplit (liaison_record_get_text (person, "emails"), "\n", 2);

  g_assert_nonnull (emails[0]);
  set_entry (editor, "person", "emails", emails[0]);
}

/* Gives the dialog shown @response */
static void
answer (LiaisonWindow *window,
        const char    *response)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_signal_emit_by_name (dialog, "response", response);
  adw_dialog_force_close (dialog);
}

/* Waits for the dialog about the applicant found the same, and gives it
 * @response */
static void
answer_same_applicant (LiaisonWindow *window,
                       const char    *response)
{
  AdwDialog *dialog;

  liaison_test_wait_until (has_dialog, window);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "open"));
  answer (window, response);
  settle ();
}

static gboolean
is_stored (const char *uuid)
{
  g_autoptr(LiaisonRecord) stored = liaison_database_get (liaison_app_get_database (app), &liaison_application_type,
                                                           uuid, NULL);

  return stored != NULL;
}

static LiaisonRecord *
shown_person (LiaisonFellowshipView *view)
{
  return liaison_applicant_editor_get_person (LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view)));
}

static void
test_save_while_checked (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
  g_autoptr(LiaisonRecord) second = g_list_model_get_item (liaison_fellowship_view_get_model (view), 1);
  LiaisonApplicantEditor *editor;
  g_autofree char *uuid = NULL;

  /* The address changed while the check runs, to one already there: the
   * applicant is checked again, as it is now, and not saved */
  editor = new_applicant (view, &uuid);
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.save", NULL);
  give_address_of (editor, first);
  answer_same_applicant (window, "cancel");
  g_assert_cmpint (liaison_record_get_created_at (liaison_applicant_editor_get_application (editor)), ==, 0);
  g_assert_false (is_stored (uuid));

  /* The save let go of while the dialog asks (the editor taken away, say):
   * the dialog goes too */
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.save", NULL);
  liaison_test_wait_until (has_dialog, window);
  liaison_applicant_editor_cancel_save (editor);
  settle ();
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_false (is_stored (uuid));

  /* Another applicant opened meanwhile, the new one discarded: it is not
   * saved after all */
  set_entry (editor, "person", "emails", "ingrid.halvorsen@duluth.example.org");
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.save", NULL);
  liaison_fellowship_view_open (view, first);
  answer (window, "discard");
  settle ();
  g_assert_false (is_stored (uuid));
  g_assert_cmpstr (liaison_record_get_uuid (shown_person (view)), ==, liaison_record_get_text (first, "person"));
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  /* Saved from the question about unsaved changes, as another applicant
   * is opened: checked as the Save button checks. Open Existing opens
   * the one there, and saves nothing. */
  editor = new_applicant (view, &uuid);
  give_address_of (editor, first);
  liaison_fellowship_view_open (view, second);
  answer (window, "save");
  answer_same_applicant (window, "open");
  g_assert_false (is_stored (uuid));
  g_assert_cmpstr (liaison_record_get_uuid (shown_person (view)), ==, liaison_record_get_text (first, "person"));

  /* Saved from the question as the window closes: checked as well.
   * Cancel keeps the window open, and saves nothing. */
  editor = new_applicant (view, &uuid);
  give_address_of (editor, first);
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "save");
  answer_same_applicant (window, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_false (is_stored (uuid));

  liaison_test_window_destroy (window);
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

static void
test_reviews_and_activity (void)
{
  LiaisonDatabase *db = liaison_app_get_database (app);
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  LiaisonApplicantEditor *editor;
  AdwDialog *dialog;
  GtkWidget *add;
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
  double average = 0;
  guint n_before = 0;
  guint n_after = 0;

  liaison_fellowship_view_open (view, first);
  settle ();
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  liaison_application_average_score (db, first, &average, &n_before);

  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.add-review", NULL);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (LIAISON_IS_RECORD_DIALOG (dialog));

  /* Not without a reviewer */
  add = find_button (GTK_WIDGET (dialog), "_Add");
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_get_sensitive (add));

  gtk_editable_set_text (GTK_EDITABLE (liaison_record_dialog_get_row (LIAISON_RECORD_DIALOG (dialog), "reviewer")), "Hanako Sato (JLGC)");
  adw_spin_row_set_value (ADW_SPIN_ROW (liaison_record_dialog_get_row (LIAISON_RECORD_DIALOG (dialog), "score_leadership")), 5);
  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  settle ();

  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (liaison_application_average_score (db, first, &average, &n_after));
  g_assert_cmpuint (n_after, ==, n_before + 1);

  /* An activity entry, dated today by default */
  gtk_widget_activate_action (GTK_WIDGET (editor), "applicant.add-activity", NULL);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (LIAISON_IS_RECORD_DIALOG (dialog));
  {
    GtkWidget *text = liaison_test_find (liaison_record_dialog_get_row (LIAISON_RECORD_DIALOG (dialog), "text"),
                                         GTK_TYPE_TEXT_VIEW, NULL);

    /* Several lines */
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                              "Called about the recommendation letter.\nIt will come next week.", -1);
  }
  g_object_ref (dialog);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Add"), "clicked");
  settle ();
  {
    LiaisonRecord *entry = liaison_record_dialog_get_record (LIAISON_RECORD_DIALOG (dialog));
    g_autofree char *today = liaison_today ();

    g_assert_cmpint (liaison_record_get_created_at (entry), >, 0);
    g_assert_cmpstr (liaison_record_get_text (entry, "record"), ==, liaison_record_get_uuid (first));
    g_assert_cmpstr (liaison_record_get_text (entry, "date"), ==, today);
    g_assert_cmpstr (liaison_record_get_text (entry, "text"), ==,
                     "Called about the recommendation letter.\nIt will come next week.");
  }
  g_object_unref (dialog);

  liaison_test_window_destroy (window);
}

static GtkSelectionModel *
selection_of (LiaisonFellowshipView *view)
{
  GtkWidget *column_view = liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);

  return gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
}

typedef struct
{
  GListModel *model;
  guint       n;
  const char *field;
  const char *value;
} AllHave;

/* Every applicant of the first @n shown has @value in @field, as stored:
 * changes to many are saved in a worker thread. */
static gboolean
all_have (gpointer data)
{
  AllHave *want = data;
  LiaisonDatabase *db = liaison_app_get_database (app);

  for (guint i = 0; i < want->n; i++)
    {
      g_autoptr(LiaisonRecord) shown = g_list_model_get_item (want->model, i);
      g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_application_type, liaison_record_get_uuid (shown), NULL);
      g_auto(GStrv) values = g_strsplit (liaison_record_get_text (stored, want->field), "\n", -1);

      if (!g_strv_contains ((const char * const *) values, want->value))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  LiaisonFellowshipView *view;
  guint                  n;
} Shown;

/* The view shows @n applicants, once done reading its list */
static gboolean
shows_n (gpointer data)
{
  Shown *want = data;

  return list_read (NULL) && count_shown (want->view) == want->n;
}

/* A toast with @data as its title is shown */
static gboolean
toast_shown (gpointer data)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (current_view)));

  return liaison_test_find (window, GTK_TYPE_LABEL, data) != NULL;
}

typedef struct
{
  LiaisonChoiceButton *dropdown;
  const char          *choice;
} Offered;

static gboolean
offered (gpointer data)
{
  Offered *want = data;
  GListModel *items = liaison_choice_button_get_model (want->dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (items, i);

      if (g_str_equal (gtk_string_object_get_string (choice), want->choice))
        return TRUE;
    }

  return FALSE;
}

static void
test_bulk_actions (void)
{
  LiaisonDatabase *db = liaison_app_get_database (app);
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  GListModel *model = liaison_fellowship_view_get_model (view);
  GtkSelectionModel *selection = selection_of (view);
  AdwDialog *dialog;
  g_autofree char *first_uuid = NULL;
  guint n;

  /* The coming cohort: select them all */
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 2);
  g_assert_null (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_ACTION_BAR, NULL));
  gtk_selection_model_select_all (selection);
  settle ();

  /* A bar offers what can be done to them all, with their number. */
  {
    GtkWidget *bar = liaison_test_find (GTK_WIDGET (view), GTK_TYPE_ACTION_BAR, NULL);
    g_autofree char *text = g_strdup_printf ("%u selected", n);
    GtkWidget *status_button;

    g_assert_nonnull (bar);
    g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (bar)));
    liaison_test_assert_icons (bar);
    g_assert_nonnull (liaison_test_find (bar, GTK_TYPE_LABEL, text));
    status_button = liaison_test_find (bar, GTK_TYPE_MENU_BUTTON, NULL);
    g_assert_nonnull (status_button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (status_button));
    settle ();
    g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (GTK_MENU_BUTTON (status_button))));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (status_button));
  }

  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.set-status", "s", "review");
  {
    AllHave want = { model, n, "status", "review" };
    g_autofree char *done = g_strdup_printf ("Status changed for %u applicants", n);

    liaison_test_wait_until (all_have, &want);
    settle ();
    /* and a toast says so */
    g_assert_nonnull (liaison_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL, done));
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonRecord) shown = g_list_model_get_item (model, i);
      g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_application_type, liaison_record_get_uuid (shown), NULL);

      g_assert_cmpstr (liaison_record_get_text (stored, "status"), ==, "review");
    }

  /* They are still selected, and stay so in another order */
  {
    GtkColumnView *column_view = GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
    g_autoptr(GtkColumnViewColumn) government = g_list_model_get_item (gtk_column_view_get_columns (column_view), 2);
    g_autoptr(GtkBitset) selected = NULL;
    g_autoptr(LiaisonRecord) first_before = g_list_model_get_item (model, 0);
    g_autoptr(LiaisonRecord) first_after = NULL;

    selected = gtk_selection_model_get_selection (selection);
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, n);
    gtk_column_view_sort_by_column (column_view, government, GTK_SORT_DESCENDING);
    settle ();
    first_after = g_list_model_get_item (model, 0);
    g_assert_cmpstr (liaison_record_get_uuid (first_before), !=, liaison_record_get_uuid (first_after));
    g_clear_pointer (&selected, gtk_bitset_unref);
    selected = gtk_selection_model_get_selection (selection);
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, n);

    /* One let go of is not selected wherever it goes */
    gtk_selection_model_unselect_item (selection, 0);
    gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
    settle ();
    g_clear_pointer (&selected, gtk_bitset_unref);
    selected = gtk_selection_model_get_selection (selection);
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, n - 1);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(LiaisonRecord) shown = g_list_model_get_item (model, i);

        g_assert_true (gtk_selection_model_is_selected (selection, i) ==
                       !g_str_equal (liaison_record_get_uuid (shown), liaison_record_get_uuid (first_after)));
      }

    /* A click selects one and lets go of the rest */
    gtk_selection_model_select_item (selection, 1, TRUE);
    g_clear_pointer (&selected, gtk_bitset_unref);
    selected = gtk_selection_model_get_selection (selection);
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    g_assert_true (gtk_bitset_contains (selected, 1));
    gtk_selection_model_select_all (selection);
  }

  /* Tag them */
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.tag", NULL);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog))), "briefing sent");
  g_signal_emit_by_name (dialog, "response", "tag");
  adw_dialog_force_close (dialog);
  {
    AllHave want = { model, n, "tags", "briefing sent" };

    liaison_test_wait_until (all_have, &want);
    settle ();
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonRecord) shown = g_list_model_get_item (model, i);
      g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_application_type, liaison_record_get_uuid (shown), NULL);
      g_auto(GStrv) tags = g_strsplit (liaison_record_get_text (stored, "tags"), "\n", -1);

      g_assert_true (g_strv_contains ((const char * const *) tags, "briefing sent"));
    }

  /* The tag is offered as a filter (once the tags in use are read again
   * in the background), and keeps exactly them. */
  liaison_fellowship_view_set_cohort_year (view, 0);
  settle ();
  {
    Offered want = { find_dropdown (GTK_WIDGET (view), "Tag"), "briefing sent" };

    liaison_test_wait_until (offered, &want);
  }
  choose_in (find_dropdown (GTK_WIDGET (view), "Tag"), "briefing sent");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  /* Other applicants shown: none is selected */
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 0);
  }
  choose_in (find_dropdown (GTK_WIDGET (view), "Tag"), "All Tags");
  liaison_fellowship_view_set_cohort_year (view, 2027);
  settle ();

  /* Delete them all, in a worker thread, then bring them back with the
   * toast's Undo */
  {
    g_autoptr(LiaisonRecord) first = g_list_model_get_item (model, 0);

    first_uuid = g_strdup (liaison_record_get_uuid (first));
  }
  gtk_selection_model_select_all (selection);
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.delete", NULL);
  {
    Shown none = { view, 0 };
    g_autofree char *title = g_strdup_printf ("%u applicants deleted", n);
    g_autoptr(LiaisonRecord) stored = NULL;
    GtkWidget *undo;

    liaison_test_wait_until (shows_n, &none);
    liaison_test_wait_until (toast_shown, (gpointer) title);
    stored = liaison_database_get (db, &liaison_application_type, first_uuid, NULL);
    g_assert_true (liaison_record_is_deleted (stored));
    undo = liaison_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  {
    Shown all = { view, n };

    liaison_test_wait_until (shows_n, &all);
  }
  settle ();
  {
    g_autoptr(LiaisonRecord) stored = liaison_database_get (db, &liaison_application_type, first_uuid, NULL);

    g_assert_false (liaison_record_is_deleted (stored));
  }

  liaison_test_window_destroy (window);
}

/* Every field of the applicant and of their person has a row in the
 * editor, but for the link between the two and the person's own tags and
 * notes: those of the application are the applicant's. */
static void
test_every_field (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
  LiaisonApplicantEditor *editor;

  liaison_fellowship_view_open (view, first);
  settle ();
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));

  for (guint i = 0; i < liaison_person_type.n_fields; i++)
    {
      const char *field = liaison_person_type.fields[i].name;

      if (!g_str_equal (field, "tags") && !g_str_equal (field, "notes") &&
          liaison_applicant_editor_get_row (editor, "person", field) == NULL)
        g_error ("No row for the person's %s", field);
    }
  for (guint i = 0; i < liaison_application_type.n_fields; i++)
    {
      const char *field = liaison_application_type.fields[i].name;

      if (!g_str_equal (field, "person") && liaison_applicant_editor_get_row (editor, "application", field) == NULL)
        g_error ("No row for the application's %s", field);
    }

  liaison_test_window_destroy (window);
}

/* Deleting from the list: the Delete key is the list's alone, the
 * applicant open leaves the detail pane with the row, and the toast's Undo
 * brings it back. */
static void
test_delete_from_list (void)
{
  LiaisonDatabase *db = liaison_app_get_database (app);
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  GListModel *model = liaison_fellowship_view_get_model (view);
  GtkWidget *column_view = liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (model, 0);
  g_autofree char *uuid = g_strdup (liaison_record_get_uuid (first));
  guint n = count_shown (view);
  g_autoptr(LiaisonRecord) stored = NULL;
  GtkWidget *undo;

  /* Pressed on a switch or a button of the editor, it would delete the
   * applicants selected in the list, not the one open. */
  g_assert_true (liaison_test_has_shortcut (column_view, "Delete", NULL));
  for (GtkWidget *widget = column_view; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (widget != column_view)
      g_assert_false (liaison_test_has_shortcut (widget, "Delete", NULL));

  liaison_fellowship_view_open (view, first);
  settle ();
  g_assert_nonnull (liaison_fellowship_view_get_editor (view));

  gtk_selection_model_select_item (selection_of (view), 0, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.delete", NULL);
  settle ();
  g_assert_cmpuint (count_shown (view), ==, n - 1);
  stored = liaison_database_get (db, &liaison_application_type, uuid, NULL);
  g_assert_true (liaison_record_is_deleted (stored));
  g_clear_object (&stored);
  g_assert_null (liaison_fellowship_view_get_editor (view));
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, "No Applicant Selected"));

  undo = liaison_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  settle ();
  g_assert_cmpuint (count_shown (view), ==, n);
  stored = liaison_database_get (db, &liaison_application_type, uuid, NULL);
  g_assert_false (liaison_record_is_deleted (stored));
  g_clear_object (&stored);

  /* Ctrl+Z does the same while the toast is shown, and then no more. */
  g_assert_true (liaison_test_has_shortcut (GTK_WIDGET (view), "<Control>z", "fellowship.undo"));
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.undo", NULL);
  settle ();
  g_assert_cmpuint (count_shown (view), ==, n);
  gtk_selection_model_unselect_all (selection_of (view));
  gtk_selection_model_select_item (selection_of (view), 0, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.delete", NULL);
  settle ();
  g_assert_cmpuint (count_shown (view), ==, n - 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.undo", NULL);
  settle ();
  g_assert_cmpuint (count_shown (view), ==, n);
  stored = liaison_database_get (db, &liaison_application_type, uuid, NULL);
  g_assert_false (liaison_record_is_deleted (stored));
  gtk_widget_activate_action (GTK_WIDGET (view), "fellowship.undo", NULL);
  settle ();
  g_assert_cmpuint (count_shown (view), ==, n);

  liaison_test_window_destroy (window);
}

static void
test_unsaved_changes (void)
{
  LiaisonDatabase *db = liaison_app_get_database (app);
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  GListModel *model = liaison_fellowship_view_get_model (view);
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (model, 0);
  g_autoptr(LiaisonRecord) second = g_list_model_get_item (model, 1);
  g_autoptr(LiaisonRecord) stored = NULL;
  LiaisonApplicantEditor *editor;
  AdwDialog *dialog;
  g_autofree char *government = NULL;

  liaison_fellowship_view_open (view, first);
  settle ();
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  g_assert_false (liaison_applicant_editor_is_modified (editor));
  government = g_strdup (liaison_record_get_text (liaison_applicant_editor_get_application (editor), "government"));
  set_entry (editor, "application", "government", "A Government Not Saved");
  g_assert_true (liaison_applicant_editor_is_modified (editor));

  /* Opening another asks first; Cancel keeps the first open. */
  liaison_fellowship_view_open (view, second);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_signal_emit_by_name (dialog, "response", "cancel");
  adw_dialog_force_close (dialog);
  settle ();
  g_assert_true (liaison_fellowship_view_get_editor (view) == GTK_WIDGET (editor));

  /* Discard opens the second and leaves the first as it was. */
  liaison_fellowship_view_open (view, second);
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_signal_emit_by_name (dialog, "response", "discard");
  adw_dialog_force_close (dialog);
  settle ();
  editor = LIAISON_APPLICANT_EDITOR (liaison_fellowship_view_get_editor (view));
  g_assert_cmpstr (liaison_record_get_uuid (liaison_applicant_editor_get_application (editor)), ==,
                   liaison_record_get_uuid (second));
  stored = liaison_database_get (db, &liaison_application_type, liaison_record_get_uuid (first), NULL);
  g_assert_cmpstr (liaison_record_get_text (stored, "government"), ==, government);

  /* Closing the window with changes asks too. */
  set_entry (editor, "person", "title", "Changed Title");
  gtk_window_close (GTK_WINDOW (window));
  settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_signal_emit_by_name (dialog, "response", "discard");
  adw_dialog_force_close (dialog);
  settle ();
}

/* Every button that shows only an icon has a name for a screen reader:
 * its tooltip (GTK names such a button by it) or an accessible label. The
 * buttons of GTK's and libadwaita's own widgets (window controls, spin
 * and entry rows, column headers) are theirs to name. */
static gboolean
is_ours (GtkWidget *widget)
{
  static const char *theirs[] = {
    "GtkWindowControls", "AdwSpinRow", "AdwEntryRow", "AdwComboRow", "GtkColumnViewTitle",
    "GtkDropDown", "GtkSearchEntry", "AdwBanner",
  };

  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    for (guint i = 0; i < G_N_ELEMENTS (theirs); i++)
      if (g_str_equal (G_OBJECT_TYPE_NAME (up), theirs[i]))
        return FALSE;

  return TRUE;
}

static void
assert_named (GtkWidget *widget,
              GString   *unnamed)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) && is_ours (widget))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      const char *icon = gtk_button_get_icon_name (GTK_BUTTON (widget));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (icon != NULL && (label == NULL || label[0] == '\0') &&
          (tooltip == NULL || tooltip[0] == '\0') &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_string_append_printf (unnamed, "%s (%s) ", G_OBJECT_TYPE_NAME (widget), icon);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_named (child, unnamed);
}

static void
test_controls_named (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
  g_autoptr(GString) unnamed = g_string_new (NULL);

  liaison_fellowship_view_open (view, first);
  settle ();

  assert_named (GTK_WIDGET (window), unnamed);
  if (unnamed->len > 0)
    g_error ("Controls without a name: %s", unnamed->str);

  liaison_test_window_destroy (window);
}

/* The conflict icons shown under @root */
static guint
count_conflict_icons (GtkWidget *root)
{
  guint count = 0;

  if (GTK_IS_IMAGE (root) && gtk_widget_get_mapped (root) && gtk_widget_has_css_class (root, "warning") &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), "dialog-warning-symbolic") == 0)
    count++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    count += count_conflict_icons (child);

  return count;
}

/* An applicant that two desktops changed at once is marked in the list
 * until the conflict is resolved. */
static void
test_conflict_marked (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  LiaisonDatabase *database = liaison_app_get_database (app);
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
  g_autoptr(LiaisonDatabase) other = liaison_database_open (":memory:", NULL);
  g_autoptr(LiaisonRecord) here = NULL;
  g_autoptr(LiaisonRecord) there = NULL;
  g_autoptr(GBytes) from_here = NULL;
  g_autoptr(GBytes) from_there = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_conflict_icons (GTK_WIDGET (view)), ==, 0);

  from_here = liaison_sync_export (database, &error);
  g_assert_true (liaison_sync_import_bytes (other, from_here, "here.json", NULL, &error));
  g_assert_no_error (error);

  here = liaison_database_get (database, &liaison_application_type, liaison_record_get_uuid (first), &error);
  there = liaison_database_get (other, &liaison_application_type, liaison_record_get_uuid (first), &error);
  g_assert_no_error (error);
  liaison_record_set_text (here, "notes", "Prefers mornings");
  liaison_record_set_text (there, "notes", "Prefers afternoons");
  g_assert_true (liaison_database_save (database, here, &error));
  g_assert_true (liaison_database_save (other, there, &error));
  from_there = liaison_sync_export (other, &error);
  g_assert_true (liaison_sync_import_bytes (database, from_there, "there.json", NULL, &error));
  g_assert_no_error (error);
  settle ();

  g_assert_cmpuint (count_conflict_icons (GTK_WIDGET (view)), ==, 1);

  /* Still there once the list has been out of sight, and its rows with it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "seminars");
  settle ();
  g_assert_cmpuint (count_conflict_icons (GTK_WIDGET (view)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "fellowship");
  settle ();
  g_assert_cmpuint (count_conflict_icons (GTK_WIDGET (view)), ==, 1);

  /* Its editor says so, and leads to the conflicts. */
  {
    GtkWidget *banner;

    liaison_fellowship_view_open (view, first);
    settle ();
    banner = liaison_test_find (liaison_fellowship_view_get_editor (view), ADW_TYPE_BANNER, NULL);
    g_assert_nonnull (banner);
    g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
    g_assert_cmpstr (adw_banner_get_title (ADW_BANNER (banner)), ==, "Another desktop changed this applicant at the same time");
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner)), ==, "win.conflicts");
  }

  conflicts = liaison_sync_list_conflicts (database);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (liaison_sync_resolve (database, conflicts->pdata[0],
                                       ((LiaisonConflictVersion *) ((LiaisonConflict *) conflicts->pdata[0])->versions->pdata[0])->value,
                                       &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (count_conflict_icons (GTK_WIDGET (view)), ==, 0);

  liaison_test_window_destroy (window);
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* An applicant opens with its first groups; the others follow over the
 * next frames, on their own */
typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *title;
} Find;

static gboolean
found (gpointer data)
{
  Find *find = data;

  return liaison_test_find (find->root, find->type, find->title) != NULL;
}

/* The editor is filled in a group at a time, one a frame: waits for the
 * last group's row, however slow the frames */
static void
wait_for_row (GtkWidget  *editor,
              GType       type,
              const char *title)
{
  Find find = { editor, type, title };

  liaison_test_wait_until (found, &find);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_editor_fills_in (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
  GtkWidget *editor;
  guint built = 0;

  g_assert_nonnull (first);
  liaison_fellowship_view_open (view, first);
  editor = liaison_fellowship_view_get_editor (view);
  g_assert_nonnull (editor);
  g_signal_connect_swapped (editor, "built", G_CALLBACK (count_cb), &built);
  g_assert_nonnull (liaison_test_find (editor, ADW_TYPE_ENTRY_ROW, "Family name"));
  g_assert_null (liaison_test_find (editor, ADW_TYPE_SWITCH_ROW, "CV or biography"));
  g_assert_cmpuint (built, ==, 0);

  wait_for_row (editor, ADW_TYPE_SWITCH_ROW, "CV or biography");
  wait_for_row (editor, ADW_TYPE_ENTRY_ROW, "Arrival flight");
  settle ();
  g_assert_nonnull (find_group (editor, "History"));
  g_assert_true (gtk_widget_get_visible (find_group (editor, "History")));
  /* Told once, when the last group has its rows */
  g_assert_cmpuint (built, ==, 1);
  g_assert_nonnull (liaison_applicant_editor_get_row (LIAISON_APPLICANT_EDITOR (editor), "application", "notes"));

  /* After a pause the view has made the next editor ahead: the applicant
   * opened next is shown in it, whole. */
  {
    g_autoptr(LiaisonRecord) second = g_list_model_get_item (liaison_fellowship_view_get_model (view), 1);
    g_autoptr(LiaisonRecord) person = NULL;
    GtkWidget *next;
    gboolean paused = FALSE;

    g_timeout_add_once (1500, (GSourceOnceFunc) set_true, &paused);
    liaison_test_wait_until (is_true, &paused);

    g_assert_nonnull (second);
    person = liaison_database_get (liaison_app_get_database (app), &liaison_person_type,
                                   liaison_record_get_text (second, "person"), NULL);
    g_assert_nonnull (person);
    /* The editor shown before goes a moment later, and is freed */
    g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
    liaison_fellowship_view_open (view, second);
    next = liaison_fellowship_view_get_editor (view);
    g_assert_true (next != editor);
    g_assert_true (gtk_widget_get_mapped (next));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_find (next, ADW_TYPE_ENTRY_ROW, "Family name"))),
                     ==, liaison_record_get_text (person, "family_name"));

    wait_for_row (next, ADW_TYPE_SWITCH_ROW, "CV or biography");
    settle ();
    g_assert_cmpstr (liaison_record_get_uuid (liaison_applicant_editor_get_application (LIAISON_APPLICANT_EDITOR (next))),
                     ==, liaison_record_get_uuid (second));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_find (next, ADW_TYPE_ENTRY_ROW, "Government"))),
                     ==, liaison_record_get_text (second, "government"));
    g_assert_nonnull (liaison_test_find (next, ADW_TYPE_SWITCH_ROW, "CV or biography"));
    g_assert_null (editor);
    g_assert_cmpuint (liaison_test_count (GTK_WIDGET (view), LIAISON_TYPE_APPLICANT_EDITOR), ==, 1);
  }

  liaison_test_window_destroy (window);
}

/* Sorted again far down a long list, the list shows its top, in the new
 * order; the rows' widgets are moved there. */
/* The governments of the applicants listed, in order */
static char *
governments_listed (LiaisonFellowshipView *view)
{
  GListModel *model = liaison_fellowship_view_get_model (view);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaisonRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", liaison_record_get_text (record, "government"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
state_of (LiaisonFellowshipView *view,
          const char            *property)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get_property (G_OBJECT (view), property, &value);
  return g_strdup_value_contents (&value);
}

/* The order chosen from the view's menu, as from the keyboard: the same
 * as from the column titles, which the menu follows. */
static void
test_sort_from_menu (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
  GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (column_view));
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;
  g_autofree char *by = NULL;
  g_autofree char *order = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpstr ((by = state_of (view, "sort-column")), ==, "\"name\"");
  g_clear_pointer (&by, g_free);

  gtk_widget_activate_action (GTK_WIDGET (view), "sort.by", "s", "government");
  settle ();
  ascending = governments_listed (view);
  lines = g_strsplit (ascending, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autofree char *before = g_utf8_casefold (lines[i - 1], -1);
      g_autofree char *after = g_utf8_casefold (lines[i], -1);

      g_assert_cmpint (g_utf8_collate (before, after), <=, 0);
    }
  g_assert_cmpstr (gtk_column_view_column_get_title (gtk_column_view_sorter_get_primary_sort_column (sorter)), ==,
                   "Government");

  gtk_widget_activate_action (GTK_WIDGET (view), "sort.descending", NULL);
  settle ();
  descending = governments_listed (view);
  g_assert_cmpint (gtk_column_view_sorter_get_primary_sort_order (sorter), ==, GTK_SORT_DESCENDING);
  {
    g_auto(GStrv) reversed = g_strsplit (descending, "\n", -1);
    guint n = g_strv_length (reversed);

    g_assert_cmpuint (n, ==, g_strv_length (lines));
    g_assert_cmpstr (reversed[0], ==, lines[n - 1]);
    g_assert_cmpstr (reversed[n - 1], ==, lines[0]);
  }

  /* A column title clicked: the menu shows it. */
  {
    g_autoptr(GtkColumnViewColumn) status = g_list_model_get_item (gtk_column_view_get_columns (column_view), 5);

    gtk_column_view_sort_by_column (column_view, status, GTK_SORT_ASCENDING);
  }
  settle ();
  g_assert_cmpstr ((by = state_of (view, "sort-column")), ==, "\"status\"");
  g_assert_cmpstr ((order = state_of (view, "sort-descending")), ==, "FALSE");

  liaison_test_window_destroy (window);
}

static void
test_sorted_far_down (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonDatabase *database = liaison_app_get_database (app);
  LiaisonWindow *window;
  LiaisonFellowshipView *view;
  GtkColumnView *column_view;
  GtkAdjustment *adjustment;
  GListModel *model;
  guint all;

  for (guint i = 0; i < 300; i++)
    {
      LiaisonRecord *person = liaison_record_new (&liaison_person_type);
      LiaisonRecord *application = liaison_record_new (&liaison_application_type);
      g_autofree char *family = g_strdup_printf ("Far%03u", i);
      g_autofree char *government = g_strdup_printf ("Town of Far %03u", (i * 7) % 300);

      liaison_record_set_text (person, "family_name", family);
      liaison_record_set_text (person, "given_name", "Test");
      liaison_record_set_text (application, "person", liaison_record_get_uuid (person));
      liaison_record_set_text (application, "government", government);
      liaison_record_set_text (application, "government_level", "city");
      liaison_record_set_text (application, "jurisdiction", "US-OH");
      liaison_record_set_text (application, "status", "inquiry");
      liaison_record_set_integer (application, "cohort_year", 2001);
      g_ptr_array_add (records, person);
      g_ptr_array_add (records, application);
    }
  liaison_database_save_all (database, records, &error);
  g_assert_no_error (error);

  view = open_view (&window);
  model = liaison_fellowship_view_get_model (view);
  column_view = GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  liaison_fellowship_view_set_cohort_year (view, 0);
  settle ();
  all = count_shown (view);
  g_assert_cmpuint (all, >, 300);

  gtk_column_view_scroll_to (column_view, all - 1, NULL, GTK_LIST_SCROLL_NONE, NULL);
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 2000);

  {
    g_autoptr(GtkColumnViewColumn) government = g_list_model_get_item (gtk_column_view_get_columns (column_view), 2);

    gtk_column_view_sort_by_column (column_view, government, GTK_SORT_DESCENDING);
    settle ();
  }
  g_assert_cmpuint (count_shown (view), ==, all);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  assert_rows_shown (column_view, model);
  g_assert_cmpuint (count_stale_rows (column_view, model), ==, 0);
  check_cells_of_unseen_rows (column_view);

  /* In a larger font, the rows out of sight are as tall as those in sight */
  {
    GtkSettings *settings = gtk_settings_get_default ();
    g_autofree char *font = NULL;

    g_object_get (settings, "gtk-font-name", &font, NULL);
    g_object_set (settings, "gtk-font-name", "Sans 15", NULL);
    settle ();
    check_cells_of_unseen_rows (column_view);
    g_object_set (settings, "gtk-font-name", font, NULL);
    settle ();
    check_cells_of_unseen_rows (column_view);
  }

  /* And back to the end, which shows the last applicants of that order:
   * the rows that come into sight are filled then. */
  gtk_column_view_scroll_to (column_view, all - 1, NULL, GTK_LIST_SCROLL_NONE, NULL);
  settle ();
  {
    g_autofree char *shown = shown_column (column_view, 2, G_MAXUINT);
    g_auto(GStrv) governments = g_strsplit (shown, ", ", -1);
    guint n_shown = g_strv_length (governments);

    g_assert_cmpuint (n_shown, >, 10);
    for (guint i = 0; i < n_shown; i++)
      {
        g_autoptr(LiaisonRecord) expected = g_list_model_get_item (model, all - n_shown + i);

        g_assert_cmpstr (governments[i], ==, liaison_record_get_text (expected, "government"));
      }
    g_assert_cmpuint (check_cells_of_unseen_rows (column_view), ==, n_shown);
  }
  {
    g_autoptr(LiaisonListRow) last = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)), all - 1);
    g_autoptr(LiaisonRecord) expected = g_list_model_get_item (model, all - 1);

    g_assert_cmpstr (liaison_record_get_uuid (liaison_list_row_get_record (last)), ==,
                     liaison_record_get_uuid (expected));
  }

  liaison_test_window_destroy (window);

  for (guint i = 1; i < records->len; i += 2)
    {
      g_assert_true (liaison_database_delete (database, g_ptr_array_index (records, i), &error));
      g_assert_no_error (error);
    }
}

static void
classes_changed_cb (GtkWidget *widget,
                    GParamSpec *pspec,
                    GString    *changes)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
  g_autofree char *joined = g_strjoinv (" ", classes);

  g_string_append_printf (changes, "%s: %s\n", G_OBJECT_TYPE_NAME (widget), joined);
}

/* Notes in @changes every change of the style classes of @widget and of
 * the widgets above it, up to the window's child: the window's own follow
 * the window manager (maximized, tiled). */
static void
watch_classes_above (GtkWidget *widget,
                     GString   *changes)
{
  for (; widget != NULL && !GTK_IS_WINDOW (widget); widget = gtk_widget_get_parent (widget))
    g_signal_connect (widget, "notify::css-classes", G_CALLBACK (classes_changed_cb), changes);
}

static void
unwatch_classes_above (GtkWidget *widget,
                       GString   *changes)
{
  for (; widget != NULL && !GTK_IS_WINDOW (widget); widget = gtk_widget_get_parent (widget))
    g_signal_handlers_disconnect_by_func (widget, classes_changed_cb, changes);
}

/* The stack that holds @child shows it, and its other pages are hidden:
 * GTK would style them as well whenever the window is styled again. */
static void
check_only_shown (GtkWidget *child)
{
  GtkWidget *stack = gtk_widget_get_parent (child);

  g_assert_true (GTK_IS_STACK (stack));
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == child);
  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL; page = gtk_widget_get_next_sibling (page))
    g_assert_cmpint (gtk_widget_get_visible (page), ==, page == child);
}

/* How many of the widgets below @widget are shown (all their ancestors
 * too), and how many there are */
static void
count_widgets (GtkWidget *widget,
               gboolean   shown,
               guint     *n_shown,
               guint     *n_all)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gboolean child_shown = shown && gtk_widget_get_visible (child);

      (*n_all)++;
      if (child_shown)
        (*n_shown)++;
      count_widgets (child, child_shown, n_shown, n_all);
    }
}

static gboolean
has_folded_groups (gpointer data)
{
  GtkWidget *widget = data;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if ((LIAISON_IS_SIGHT_GROUP (child) && liaison_sight_group_get_folded (LIAISON_SIGHT_GROUP (child))) ||
          has_folded_groups (child))
        return TRUE;
    }

  return FALSE;
}

/* A style class that changes on a widget above the list restyles every
 * row and cell of it, which takes a frame with many applicants. None
 * changes as the window's first frames follow, as the bar of what can be
 * done to several applicants comes and goes, nor as an applicant opens. */
static void
test_list_keeps_its_style (void)
{
  GSettings *settings = liaison_app_get_settings (app);
  g_autoptr(GString) changes = g_string_new (NULL);
  LiaisonWindow *window;
  LiaisonFellowshipView *view;
  GtkWidget *column_view;
  GtkSelectionModel *selection;
  GtkWidget *editor;

  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  window = g_object_new (LIAISON_TYPE_WINDOW, "application", app, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "fellowship");
  view = LIAISON_FELLOWSHIP_VIEW (liaison_test_find (GTK_WIDGET (window), LIAISON_TYPE_FELLOWSHIP_VIEW, NULL));
  g_set_weak_pointer (&current_view, view);
  column_view = liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (column_view);
  watch_classes_above (column_view, changes);

  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_assert_cmpuint (count_shown (view), >=, 3);
  g_assert_cmpstr (changes->str, ==, "");
  check_only_shown (gtk_widget_get_parent (column_view));

  /* Nobody found: the list gives way to the empty page, and back */
  liaison_fellowship_view_set_search (view, "nobody of that name");
  settle ();
  g_assert_cmpuint (count_shown (view), ==, 0);
  check_only_shown (liaison_test_find (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, NULL));
  liaison_fellowship_view_set_search (view, "");
  settle ();
  check_only_shown (gtk_widget_get_parent (column_view));

  selection = selection_of (view);
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  settle ();
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_ACTION_BAR, NULL))));
  gtk_selection_model_unselect_all (selection);
  settle ();
  g_assert_cmpstr (changes->str, ==, "");
  unwatch_classes_above (column_view, changes);

  /* The editor's first frames */
  {
    g_autoptr(LiaisonRecord) first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);

    liaison_fellowship_view_open (view, first);
  }
  editor = liaison_test_find (GTK_WIDGET (view), LIAISON_TYPE_APPLICANT_EDITOR, NULL);
  g_assert_nonnull (editor);
  watch_classes_above (gtk_widget_get_first_child (editor), changes);
  settle ();
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (changes->str, ==, "");
  check_only_shown (editor);
  unwatch_classes_above (gtk_widget_get_first_child (editor), changes);

  /* Its groups below the fold fold: most of its widgets are not shown,
   * and are not styled again with the window */
  liaison_test_wait_until (has_folded_groups, editor);
  settle ();
  {
    guint n_shown = 0, n_all = 0;

    count_widgets (editor, TRUE, &n_shown, &n_all);
    g_test_message ("%u of the editor's %u widgets shown", n_shown, n_all);
    g_assert_cmpuint (n_all, >, 300);
    g_assert_cmpuint (n_shown, <, n_all / 2);
  }

  liaison_test_window_destroy (window);
}

/* The rows of the list that are in sight, wholly or in part */
static guint
rows_in_sight (GtkColumnView *column_view)
{
  GtkWidget *list = liaison_test_find (GTK_WIDGET (column_view), GTK_TYPE_LIST_VIEW, NULL);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += gtk_widget_get_child_visible (row) && gtk_widget_get_first_child (row) != NULL;

  return n;
}

/* Counts into @n_borders the borders that @node draws, and checks that
 * each is of one colour all round: GTK's cairo renderer draws any other
 * through a mesh pattern, slowly (a frame, for the whole list). */
static void
check_borders (GskRenderNode *node,
               guint         *n_borders)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        check_borders (gsk_container_node_get_child (node, i), n_borders);
      break;
    case GSK_TRANSFORM_NODE:
      check_borders (gsk_transform_node_get_child (node), n_borders);
      break;
    case GSK_CLIP_NODE:
      check_borders (gsk_clip_node_get_child (node), n_borders);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      check_borders (gsk_rounded_clip_node_get_child (node), n_borders);
      break;
    case GSK_OPACITY_NODE:
      check_borders (gsk_opacity_node_get_child (node), n_borders);
      break;
    case GSK_DEBUG_NODE:
      check_borders (gsk_debug_node_get_child (node), n_borders);
      break;
    case GSK_BORDER_NODE:
      {
        const GdkRGBA *colors = gsk_border_node_get_colors (node);

        for (guint i = 1; i < 4; i++)
          g_assert_true (gdk_rgba_equal (&colors[i], &colors[0]));
        (*n_borders)++;
      }
      break;
    default:
      break;
    }
}

/* The list draws only borders of one colour all round, in the light
 * style and the dark: the row separators, and no transparent borders
 * between cells and between column titles (room for column separators,
 * which it does not show). */
static void
test_borders_of_one_colour (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  LiaisonWindow *window;
  LiaisonFellowshipView *view;
  GtkWidget *column_view;

  window = g_object_new (LIAISON_TYPE_WINDOW, "application", app, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "fellowship");
  view = LIAISON_FELLOWSHIP_VIEW (liaison_test_find (GTK_WIDGET (window), LIAISON_TYPE_FELLOWSHIP_VIEW, NULL));
  g_set_weak_pointer (&current_view, view);
  column_view = liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (column_view);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_assert_cmpuint (count_shown (view), >=, 3);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      GtkSnapshot *snapshot;
      guint n_borders = 0;

      adw_style_manager_set_color_scheme (style_manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      settle ();
      g_assert_cmpint (adw_style_manager_get_dark (style_manager), ==, dark);

      paintable = gtk_widget_paintable_new (column_view);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (column_view), gtk_widget_get_height (column_view));
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      check_borders (node, &n_borders);

      /* A separator along each row in sight, and no more */
      g_assert_cmpuint (n_borders, ==, rows_in_sight (GTK_COLUMN_VIEW (column_view)));
    }

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  liaison_test_window_destroy (window);
}

/* The Documents column of the first @n_rows of @model, as it should read
 * on @today */
static char *
documents_on (GListModel *model,
              const char *today,
              guint       n_rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < MIN (n_rows, g_list_model_get_n_items (model)); i++)
    {
      g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);
      g_autofree char *cell = liaison_application_dup_deadline_text (application, today);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, cell);
    }

  return g_string_free (text, FALSE);
}

static guint
count_overdue_on (GListModel *model,
                  const char *today)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);

      n += liaison_application_get_deadline_state (application, today) == LIAISON_DEADLINE_OVERDUE;
    }

  return n;
}

/* Left open overnight, the view finds the deadlines that passed: in the
 * Documents column, and for the search. */
static void
test_new_day (void)
{
  LiaisonWindow *window;
  LiaisonFellowshipView *view = open_view (&window);
  GListModel *model = liaison_fellowship_view_get_model (view);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
  const guint n_rows = 10;
  g_autofree char *later = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  guint overdue;

  /* A day on which a deadline of a row in sight has passed, that had not
   * on the sample data's day */
  for (guint i = 0; i < n_rows && later == NULL; i++)
    {
      g_autoptr(LiaisonRecord) application = g_list_model_get_item (model, i);
      const char *deadline = liaison_record_get_text (application, "deadline");

      if (liaison_application_get_deadline_state (application, LIAISON_DEMO_TODAY) == LIAISON_DEADLINE_MISSING &&
          deadline[0] != '\0')
        {
          g_autoptr(GDateTime) day = g_date_time_new_local (atoi (deadline), atoi (deadline + 5), atoi (deadline + 8), 0, 0, 0);
          g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);

          later = g_date_time_format (next, "%Y-%m-%d");
        }
    }
  g_assert_nonnull (later);

  before = shown_column (column_view, COLUMN_INDEX_DOCUMENTS, n_rows);
  expected = documents_on (model, LIAISON_DEMO_TODAY, n_rows);
  g_assert_cmpstr (before, ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Midnight passed while the computer slept: the window becoming active
   * looks at the date again. The rows in sight say so at once. */
  liaison_set_today (later);
  g_object_notify (G_OBJECT (window), "is-active");
  shown = shown_column (column_view, COLUMN_INDEX_DOCUMENTS, n_rows);
  expected = documents_on (model, later, n_rows);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (shown, !=, before);
  overdue = count_overdue_on (model, later);
  settle ();

  /* A search for the overdue finds those of the new day */
  liaison_set_today (LIAISON_DEMO_TODAY);
  g_object_notify (G_OBJECT (window), "is-active");
  settle ();
  g_clear_pointer (&shown, g_free);
  shown = shown_column (column_view, COLUMN_INDEX_DOCUMENTS, n_rows);
  g_assert_cmpstr (shown, ==, before);
  liaison_fellowship_view_set_search (view, "overdue");
  settle ();
  g_assert_cmpuint (count_shown (view), <, overdue);
  liaison_set_today (later);
  g_object_notify (G_OBJECT (window), "is-active");
  settle ();
  g_assert_cmpuint (count_shown (view), ==, overdue);

  liaison_fellowship_view_set_search (view, "");
  liaison_set_today (LIAISON_DEMO_TODAY);
  g_object_notify (G_OBJECT (window), "is-active");
  settle ();

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
  /* The sample data is placed around a day of its own */
  liaison_set_today (LIAISON_DEMO_TODAY);

  app = liaison_test_application_new ();
  database_dir = g_dir_make_tmp ("liaison-fellowship-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (database_dir, "liaison.db", NULL);
  liaison_app_set_database_path (app, path);
  g_assert_true (liaison_app_open_database (app, &error));
  g_assert_true (liaison_demo_fill (liaison_app_get_database (app), &error));
  g_assert_no_error (error);

  g_test_add_func ("/fellowship-view/list-and-filters", test_list_and_filters);
  g_test_add_func ("/fellowship-view/create-edit-delete-export", test_create_edit_delete_export);
  g_test_add_func ("/fellowship-view/duplicate-warning", test_duplicate_warning);
  g_test_add_func ("/fellowship-view/save-while-checked", test_save_while_checked);
  g_test_add_func ("/fellowship-view/reviews-and-activity", test_reviews_and_activity);
  g_test_add_func ("/fellowship-view/bulk-actions", test_bulk_actions);
  g_test_add_func ("/fellowship-view/delete-from-list", test_delete_from_list);
  g_test_add_func ("/fellowship-view/purge", test_purge);
  g_test_add_func ("/fellowship-view/every-field", test_every_field);
  g_test_add_func ("/fellowship-view/sort-from-menu", test_sort_from_menu);
  g_test_add_func ("/fellowship-view/unsaved-changes", test_unsaved_changes);
  g_test_add_func ("/fellowship-view/controls-named", test_controls_named);
  g_test_add_func ("/fellowship-view/conflict-marked", test_conflict_marked);
  g_test_add_func ("/fellowship-view/editor-fills-in", test_editor_fills_in);
  g_test_add_func ("/fellowship-view/sorted-far-down", test_sorted_far_down);
  g_test_add_func ("/fellowship-view/list-keeps-its-style", test_list_keeps_its_style);
  g_test_add_func ("/fellowship-view/borders-of-one-colour", test_borders_of_one_colour);
  g_test_add_func ("/fellowship-view/new-day", test_new_day);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  liaison_test_remove_tree (database_dir);

  return status;
}
