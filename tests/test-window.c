/* test-window.c
 *
 * The main window under a virtual display: every page, both widths, every
 * dialog. Any GTK or libadwaita warning or critical fails the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-preferences-dialog.h"
#include "liaison-records.h"
#include "liaison-shortcuts-dialog.h"
#include "liaison-test-files.h"
#include "liaison-conflicts-dialog.h"
#include "liaison-sync.h"
#include "liaison-test-utils.h"

static LiaisonApp *app;

static const char *pages[] = { "overview", "fellowship", "affiliations", "seminars", "partners" };

static AdwNavigationSplitView *
split_view_of (LiaisonWindow *window)
{
  GtkWidget *split_view = liaison_test_find (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_SPLIT_VIEW, NULL);

  g_assert_nonnull (split_view);
  return ADW_NAVIGATION_SPLIT_VIEW (split_view);
}

static GtkStack *
find_pages (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) &&
      gtk_stack_get_child_by_name (GTK_STACK (widget), "overview") != NULL)
    return GTK_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_pages (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkStack *
stack_of (LiaisonWindow *window)
{
  GtkStack *stack = find_pages (GTK_WIDGET (window));

  g_assert_nonnull (stack);
  return stack;
}

static void
assert_page_shown (LiaisonWindow *window,
                   const char    *page)
{
  GSettings *settings = liaison_app_get_settings (app);
  AdwNavigationSplitView *split_view = split_view_of (window);
  GtkStack *stack = stack_of (window);
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  AdwNavigationPage *content = adw_navigation_split_view_get_content (split_view);
  g_autofree char *remembered = g_settings_get_string (settings, "selected-page");

  g_assert_cmpstr (liaison_window_get_page (window), ==, page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, page);
  g_assert_cmpstr (remembered, ==, page);
  /* The content's title is the page's, for the header bar and the back
   * button of the narrow layout. */
  g_assert_cmpstr (adw_navigation_page_get_title (content), ==,
                   gtk_stack_page_get_title (gtk_stack_get_page (stack, child)));
  /* Each page has toolbar views with header bars; those still to come
   * have a status page saying what they are for. */
  g_assert_nonnull (liaison_test_find (child, ADW_TYPE_TOOLBAR_VIEW, NULL));
  g_assert_nonnull (liaison_test_find (child, ADW_TYPE_HEADER_BAR, NULL));
  if (!g_str_equal (page, "fellowship") && !g_str_equal (page, "seminars"))
    {
      g_assert_true (ADW_IS_TOOLBAR_VIEW (adw_bin_get_child (ADW_BIN (child))));
      g_assert_nonnull (liaison_test_find (child, ADW_TYPE_STATUS_PAGE, NULL));
    }
}

static void
test_pages_by_action (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      liaison_test_settle ();
      assert_page_shown (window, pages[i]);
    }

  /* The sidebar, the sync status and every page have their icons. */
  liaison_test_assert_icons (GTK_WIDGET (window));

  liaison_test_window_destroy (window);
}

static void
test_pages_by_sidebar (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  GtkWidget *sidebar = liaison_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, NULL);
  guint n_rows = 0;

  g_assert_nonnull (sidebar);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i);

      g_assert_nonnull (row);
      /* Every row has an icon and a visible name. */
      g_assert_nonnull (liaison_test_find (GTK_WIDGET (row), GTK_TYPE_IMAGE, NULL));
      g_assert_nonnull (liaison_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, NULL));

      g_signal_emit_by_name (row, "activate");
      liaison_test_settle ();

      assert_page_shown (window, pages[i]);
      g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar)) == row);
      n_rows++;
    }

  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), n_rows));

  liaison_test_window_destroy (window);
}

static void
test_page_remembered (void)
{
  GSettings *settings = liaison_app_get_settings (app);
  LiaisonWindow *window;

  g_settings_set_string (settings, "selected-page", "seminars");
  window = liaison_test_window_new (app, 1280, 800);
  assert_page_shown (window, "seminars");
  liaison_test_window_destroy (window);

  g_settings_set_string (settings, "selected-page", "overview");
}

static void
test_size_remembered (void)
{
  GSettings *settings = liaison_app_get_settings (app);
  LiaisonWindow *window = liaison_test_window_new (app, 900, 640);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  liaison_test_settle ();
  gtk_window_close (GTK_WINDOW (window));
  liaison_test_settle ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_narrow (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 400, 800);
  AdwNavigationSplitView *split_view = split_view_of (window);

  /* Below the breakpoint the split view collapses: the sidebar first,
   * then a page replaces it, with a way back. */
  g_assert_true (adw_navigation_split_view_get_collapsed (split_view));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      adw_navigation_split_view_set_show_content (split_view, FALSE);
      liaison_test_settle ();

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      liaison_test_settle ();

      assert_page_shown (window, pages[i]);
      g_assert_true (adw_navigation_split_view_get_show_content (split_view));
    }

  liaison_test_window_destroy (window);

  window = liaison_test_window_new (app, 1280, 800);
  g_assert_false (adw_navigation_split_view_get_collapsed (split_view_of (window)));
  liaison_test_window_destroy (window);
}

static AdwDialog *
open_dialog (LiaisonWindow *window,
             const char    *action,
             GType          type)
{
  AdwDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  liaison_test_settle ();

  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (g_type_is_a (G_OBJECT_TYPE (dialog), type));

  return dialog;
}

static void
close_dialog (LiaisonWindow *window,
              AdwDialog     *dialog)
{
  g_assert_true (adw_dialog_close (dialog));
  liaison_test_settle ();
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
}

static void
test_preferences (void)
{
  GSettings *settings = liaison_app_get_settings (app);
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  AdwDialog *dialog;
  GtkWidget *planning;
  GtkWidget *audience;
  GtkWidget *database;
  GListModel *model;
  guint chicago = G_MAXUINT;

  liaison_app_set_database_path (app, "/srv/office/liaison.db");

  dialog = open_dialog (window, "app.preferences", LIAISON_TYPE_PREFERENCES_DIALOG);
  planning = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Planning Time Zone");
  audience = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Audience Time Zone");
  database = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Database File");
  g_assert_nonnull (planning);
  g_assert_nonnull (audience);
  g_assert_nonnull (database);

  /* The database is shown, not editable. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (database)), ==, "/srv/office/liaison.db");
  g_assert_true (adw_action_row_get_subtitle_selectable (ADW_ACTION_ROW (database)));

  /* The defaults: New York and Tokyo. */
  model = adw_combo_row_get_model (ADW_COMBO_ROW (planning));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model),
                                                               adw_combo_row_get_selected (ADW_COMBO_ROW (planning))),
                                   "New York ("));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model),
                                                               adw_combo_row_get_selected (ADW_COMBO_ROW (audience))),
                                   "Tokyo ("));

  /* Choosing a zone writes its IANA identifier to the settings. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Chicago ("))
      chicago = i;
  g_assert_cmpuint (chicago, !=, G_MAXUINT);

  adw_combo_row_set_selected (ADW_COMBO_ROW (planning), chicago);
  {
    g_autofree char *zone = g_settings_get_string (settings, "planning-time-zone");
    g_assert_cmpstr (zone, ==, "America/Chicago");
  }

  close_dialog (window, dialog);

  /* A zone set elsewhere that is not in the list is shown, not replaced. */
  g_settings_set_string (settings, "audience-time-zone", "Asia/Seoul");
  dialog = open_dialog (window, "app.preferences", LIAISON_TYPE_PREFERENCES_DIALOG);
  audience = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Audience Time Zone");
  model = adw_combo_row_get_model (ADW_COMBO_ROW (audience));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model),
                                                               adw_combo_row_get_selected (ADW_COMBO_ROW (audience))),
                                   "Seoul ("));
  {
    g_autofree char *zone = g_settings_get_string (settings, "audience-time-zone");
    g_assert_cmpstr (zone, ==, "Asia/Seoul");
  }
  close_dialog (window, dialog);

  g_settings_reset (settings, "planning-time-zone");
  g_settings_reset (settings, "audience-time-zone");
  liaison_app_set_database_path (app, NULL);
  liaison_test_window_destroy (window);
}

static void
test_shortcuts (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  AdwDialog *dialog;
  GtkWidget *quit;
  GtkWidget *keycap;
  g_autofree char *expected = NULL;

  dialog = open_dialog (window, "app.shortcuts", LIAISON_TYPE_SHORTCUTS_DIALOG);

  /* Five general shortcuts, one for each page, six for lists. */
  g_assert_cmpuint (liaison_test_count (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW), ==, 5 + G_N_ELEMENTS (pages) + 6);

  /* The keys shown are the ones bound. */
  quit = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Quit");
  g_assert_nonnull (quit);
  expected = gtk_accelerator_get_label (GDK_KEY_q, GDK_CONTROL_MASK);
  keycap = liaison_test_find (quit, GTK_TYPE_LABEL, expected);
  g_assert_nonnull (keycap);
  g_assert_true (gtk_widget_has_css_class (keycap, "keycap"));

  close_dialog (window, dialog);
  liaison_test_window_destroy (window);
}

static void
test_about (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  AdwDialog *dialog;

  dialog = open_dialog (window, "app.about", ADW_TYPE_ABOUT_DIALOG);

  /* Built from the metainfo in the resource. */
  g_assert_cmpstr (adw_about_dialog_get_application_name (ADW_ABOUT_DIALOG (dialog)), ==, "Liaison");
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_dialog_get_license_type (ADW_ABOUT_DIALOG (dialog)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_dialog_get_developer_name (ADW_ABOUT_DIALOG (dialog)), ==, "Japan Local Government Center");
  g_assert_cmpstr (adw_about_dialog_get_website (ADW_ABOUT_DIALOG (dialog)), ==, "https://www.jlgc.org/");
  /* The release notes of this version come from the metainfo too. */
  g_assert_nonnull (adw_about_dialog_get_release_notes (ADW_ABOUT_DIALOG (dialog)));
  g_assert_cmpstr (adw_about_dialog_get_release_notes (ADW_ABOUT_DIALOG (dialog)), !=, "");

  close_dialog (window, dialog);
  liaison_test_window_destroy (window);
}

static gboolean
has_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) != NULL;
}

static void
test_damaged_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak-v1", NULL);
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (backup);
  GtkWindow *window;
  AdwDialog *dialog;

  /* A database with one person, its backup, then the database damaged */
  g_assert_no_error (error);
  liaison_record_set_text (person, "family_name", "Nakamura");
  liaison_database_save (db, person, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, "not a database", -1, &error);
  g_assert_no_error (error);

  liaison_app_set_database_path (app, path);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIAISON_IS_WINDOW (window));
  liaison_test_wait_until (has_dialog, window);

  /* The user is told what is wrong, with the file's name, and offered the backup. */
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Cannot Open the Database");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), path));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "restore"));
  g_assert_null (liaison_app_get_database (app));

  g_signal_emit_by_name (dialog, "response", "restore");
  adw_dialog_force_close (dialog);
  liaison_test_settle ();

  /* The backup took its place; the damaged file was kept. */
  g_assert_nonnull (liaison_app_get_database (app));
  g_assert_cmpuint (liaison_database_count (liaison_app_get_database (app), &liaison_person_type), ==, 1);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean kept = FALSE;

    while ((name = g_dir_read_name (listing)) != NULL)
      kept |= g_str_has_prefix (name, "liaison.db.damaged-");
    g_assert_true (kept);
  }

  liaison_app_set_database_path (app, NULL);
  gtk_window_destroy (window);
  liaison_test_settle ();

  liaison_test_remove_tree (dir);
}

static void
test_accessible_labels (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  GtkWidget *menu_button = liaison_test_find (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);

  g_assert_nonnull (menu_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");

  liaison_test_window_destroy (window);
}

static LiaisonRecord *
save_organization (LiaisonDatabase *database,
                   const char      *city)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *record = liaison_record_new (&liaison_organization_type);

  liaison_record_set_text (record, "name", "National Governors Association");
  liaison_record_set_text (record, "kind", "other");
  liaison_record_set_text (record, "country", "US");
  liaison_record_set_text (record, "city", city);
  g_assert_true (liaison_database_save (database, record, &error));
  g_assert_no_error (error);
  return record;
}

static gboolean
has_organization (gpointer data)
{
  LiaisonDatabase *database = liaison_app_get_database (app);

  return database != NULL && liaison_database_count (database, &liaison_organization_type) == 1 &&
         g_str_has_prefix (liaison_sync_controller_get_status (liaison_app_get_sync (app)), "Synced");
}

static gboolean
has_conflict (gpointer data)
{
  LiaisonSyncController *sync = liaison_app_get_sync (app);

  return liaison_sync_controller_get_n_conflicts (sync) == 1 &&
         g_str_has_prefix (liaison_sync_controller_get_status (sync), "Synced");
}

/* Another desktop's file in the shared folder arrives on its own; a
 * conflict is shown beside the pages and resolved in its dialog. */
static void
test_sync (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(LiaisonDatabase) other = NULL;
  g_autoptr(LiaisonRecord) organization = NULL;
  g_autoptr(LiaisonRecord) here = NULL;
  GSettings *settings = liaison_app_get_settings (app);
  LiaisonWindow *window;
  AdwDialog *dialog;
  GtkWidget *button;
  GtkWidget *name_row;
  GtkWidget *label;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  other = liaison_database_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_sync_set_name (other, "Front desk", &error));
  organization = save_organization (other, "Washington");
  g_assert_true (liaison_sync_with_folder (other, folder, NULL, &error));
  g_assert_no_error (error);

  liaison_app_set_database_path (app, path);
  g_assert_true (liaison_app_open_database (app, &error));
  g_assert_no_error (error);
  window = liaison_test_window_new (app, 1280, 800);

  g_settings_set_string (settings, "sync-folder", folder);
  liaison_test_wait_until (has_organization, NULL);
  label = liaison_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);

  /* The same field changed on both desktops */
  here = liaison_database_get (liaison_app_get_database (app), &liaison_organization_type,
                               liaison_record_get_uuid (organization), &error);
  g_assert_no_error (error);
  liaison_record_set_text (here, "city", "Arlington");
  g_assert_true (liaison_database_save (liaison_app_get_database (app), here, &error));
  liaison_record_set_text (organization, "city", "Alexandria");
  g_assert_true (liaison_database_save (other, organization, &error));
  g_assert_true (liaison_sync_with_folder (other, folder, NULL, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.sync-now", NULL);
  liaison_test_wait_until (has_conflict, NULL);

  dialog = open_dialog (window, "win.conflicts", LIAISON_TYPE_CONFLICTS_DIALOG);
  button = liaison_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Use");
  g_assert_nonnull (button);
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Arlington"));
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Alexandria"));
  g_signal_emit_by_name (button, "clicked");
  liaison_test_settle ();
  g_assert_cmpuint (liaison_sync_count_conflicts (liaison_app_get_database (app)), ==, 0);
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "No Conflicts"));
  g_assert_cmpuint (liaison_sync_controller_get_n_conflicts (liaison_app_get_sync (app)), ==, 0);
  close_dialog (window, dialog);

  /* Preferences show the folder and name this desktop. */
  dialog = open_dialog (window, "app.preferences", LIAISON_TYPE_PREFERENCES_DIALOG);
  name_row = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name of This Desktop");
  g_assert_nonnull (name_row);
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Shared Folder"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Reception");
  g_signal_emit_by_name (name_row, "apply");
  {
    g_autofree char *name = liaison_sync_dup_name (liaison_app_get_database (app));

    g_assert_cmpstr (name, ==, "Reception");
  }
  close_dialog (window, dialog);

  g_settings_reset (settings, "sync-folder");
  liaison_test_window_destroy (window);
  liaison_app_set_database_path (app, NULL);
  liaison_test_settle ();
  liaison_test_remove_tree (dir);
}

typedef struct
{
  guint one_by_one;
  guint at_once;
} Announced;

static void
count_announced_cb (LiaisonDatabase *database,
                    const char      *type_name,
                    const char      *uuid,
                    int              action,
                    Announced       *announced)
{
  if (!g_str_equal (type_name, "organization"))
    return;

  if (uuid == NULL)
    announced->at_once++;
  else
    announced->one_by_one++;
}

static gboolean
has_many_organizations (gpointer data)
{
  LiaisonDatabase *database = liaison_app_get_database (app);

  return database != NULL && liaison_database_count (database, &liaison_organization_type) == 250 &&
         g_str_has_prefix (liaison_sync_controller_get_status (liaison_app_get_sync (app)), "Synced");
}

/* A first exchange that brings many records tells the window once per
 * type, not once per record. */
static void
test_sync_many (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(LiaisonDatabase) other = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GSettings *settings = liaison_app_get_settings (app);
  Announced announced = { 0, 0 };
  LiaisonWindow *window;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  other = liaison_database_open (other_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 250; i++)
    {
      LiaisonRecord *record = liaison_record_new (&liaison_organization_type);
      g_autofree char *name = g_strdup_printf ("Partner %u", i);

      liaison_record_set_text (record, "name", name);
      liaison_record_set_text (record, "kind", "other");
      liaison_record_set_text (record, "country", "US");
      g_ptr_array_add (records, record);
    }
  g_assert_true (liaison_database_save_all (other, records, &error));
  g_assert_true (liaison_sync_with_folder (other, folder, NULL, &error));
  g_assert_no_error (error);

  liaison_app_set_database_path (app, path);
  g_assert_true (liaison_app_open_database (app, &error));
  g_signal_connect (liaison_app_get_database (app), "record-changed", G_CALLBACK (count_announced_cb), &announced);
  window = liaison_test_window_new (app, 1280, 800);

  g_settings_set_string (settings, "sync-folder", folder);
  liaison_test_wait_until (has_many_organizations, NULL);
  liaison_test_settle ();

  g_assert_cmpuint (announced.at_once, ==, 1);
  g_assert_cmpuint (announced.one_by_one, ==, 0);

  g_signal_handlers_disconnect_by_data (liaison_app_get_database (app), &announced);
  g_settings_reset (settings, "sync-folder");
  liaison_test_window_destroy (window);
  liaison_app_set_database_path (app, NULL);
  liaison_test_settle ();
  liaison_test_remove_tree (dir);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
controller_synced (gpointer data)
{
  return g_str_has_prefix (liaison_sync_controller_get_status (data), "Synced");
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *passed = user_data;

  *passed = liaison_database_check_finish (LIAISON_DATABASE (object), result, NULL);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The sync writes through a connection of its own: it waits until the
 * whole file has been checked. */
static void
test_sync_after_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_ID, backend);
  g_autoptr(LiaisonDatabase) other = NULL;
  g_autoptr(LiaisonDatabase) db = NULL;
  g_autoptr(LiaisonRecord) organization = NULL;
  g_autoptr(LiaisonSyncController) sync = NULL;
  gboolean passed = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  other = liaison_database_open (other_path, &error);
  g_assert_no_error (error);
  organization = save_organization (other, "Washington");
  g_assert_true (liaison_sync_with_folder (other, folder, NULL, &error));
  g_assert_no_error (error);

  /* Made, then opened as the application opens it */
  db = liaison_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  db = liaison_database_open_full (path, LIAISON_DATABASE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);

  sync = liaison_sync_controller_new (settings);
  liaison_sync_controller_set_database (sync, db);
  g_settings_set_string (settings, "sync-folder", folder);
  liaison_sync_controller_sync_now (sync);

  /* Nothing until the check, and nothing refused either */
  {
    gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (liaison_database_count (db, &liaison_organization_type), ==, 0);
  g_assert_cmpstr (liaison_sync_controller_get_status (sync), ==, "Not synced yet");

  liaison_database_check_async (db, NULL, check_done_cb, &passed);
  liaison_test_wait_until (is_true, &passed);
  liaison_test_wait_until (controller_synced, sync);
  g_assert_cmpuint (liaison_database_count (db, &liaison_organization_type), ==, 1);

  liaison_sync_controller_set_database (sync, NULL);
  g_clear_object (&sync);
  g_clear_object (&db);
  liaison_test_remove_tree (dir);
}

/* The main menu is built when it first opens, and then has its items. */
static void
test_main_menu (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (window));
  GtkPopover *popover;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  liaison_test_settle ();

  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), "win.import-sync"));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), "app.preferences"));

  /* Opened again, it is the same menu. */
  gtk_menu_button_popdown (button);
  liaison_test_settle ();
  gtk_menu_button_popup (button);
  liaison_test_settle ();
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);

  liaison_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  app = liaison_test_application_new ();

  g_test_add_func ("/window/pages-by-action", test_pages_by_action);
  g_test_add_func ("/window/pages-by-sidebar", test_pages_by_sidebar);
  g_test_add_func ("/window/page-remembered", test_page_remembered);
  g_test_add_func ("/window/size-remembered", test_size_remembered);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/main-menu", test_main_menu);
  g_test_add_func ("/window/accessible-labels", test_accessible_labels);
  g_test_add_func ("/window/damaged-database", test_damaged_database);
  g_test_add_func ("/window/sync", test_sync);
  g_test_add_func ("/window/sync-many", test_sync_many);
  g_test_add_func ("/window/sync-after-check", test_sync_after_check);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
