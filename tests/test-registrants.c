/* test-registrants.c
 *
 * A seminar's registrants as staff manage them: people found by a search
 * or made on the spot, a status changed from the list, several marked as
 * attended at once, one removed, the totals kept up to date; then a
 * registration form's CSV file previewed (a known person, a new one, an
 * invalid row that cannot be chosen) and imported, and a file that is
 * not a registrant list refused with its name and the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "liaison-csv-import-dialog.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-registrants-dialog.h"
#include "liaison-test-files.h"
#include "liaison-test-utils.h"

static LiaisonApp *app;
static char *database_dir;

static LiaisonDatabase *
database (void)
{
  return liaison_app_get_database (app);
}

static LiaisonRecord *
save_person (const char *family,
             const char *given,
             const char *email)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *person = liaison_record_new (&liaison_person_type);

  liaison_record_set_text (person, "family_name", family);
  liaison_record_set_text (person, "given_name", given);
  liaison_record_set_text (person, "emails", email);
  g_assert_true (liaison_database_save (database (), person, &error));
  g_assert_no_error (error);

  return person;
}

static LiaisonRecord *
save_seminar (const char *title)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *seminar = liaison_record_new (&liaison_seminar_type);

  liaison_record_set_text (seminar, "title_en", title);
  liaison_record_set_text (seminar, "start_local", "2026-11-27T19:00");
  liaison_record_set_text (seminar, "time_zone", "America/New_York");
  liaison_record_set_integer (seminar, "duration", 60);
  liaison_record_set_text (seminar, "status", "planned");
  g_assert_true (liaison_database_save (database (), seminar, &error));
  g_assert_no_error (error);

  return seminar;
}

/* The registration of @person for @seminar, as stored, or NULL */
static LiaisonRecord *
find_registrant (LiaisonRecord *seminar,
                 LiaisonRecord *person)
{
  g_autoptr(LiaisonRecordList) list = liaison_record_list_new (database (), &liaison_registrant_type);

  liaison_record_list_add_filter (list, "seminar", liaison_record_get_uuid (seminar));
  liaison_record_list_add_filter (list, "person", liaison_record_get_uuid (person));
  g_assert_true (liaison_record_list_reload (list, NULL));

  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

static void
assert_status (LiaisonRecord *seminar,
               LiaisonRecord *person,
               const char    *status)
{
  g_autoptr(LiaisonRecord) registrant = find_registrant (seminar, person);

  g_assert_nonnull (registrant);
  g_assert_cmpstr (liaison_record_get_text (registrant, "status"), ==, status);
}

static LiaisonRecord *
find_person (const char *family)
{
  g_autoptr(LiaisonRecordList) list = liaison_record_list_new (database (), &liaison_person_type);

  liaison_record_list_add_filter (list, "family_name", family);
  g_assert_true (liaison_record_list_reload (list, NULL));

  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

static guint
position_of (GListModel    *model,
             LiaisonRecord *person)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaisonRecord) registrant = g_list_model_get_item (model, i);

      if (g_str_equal (liaison_record_get_text (registrant, "person"), liaison_record_get_uuid (person)))
        return i;
    }

  g_assert_not_reached ();
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 GType       type,
                 const char *tooltip)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, type, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The search of the people to add: drop-downs have search entries too */
static GtkWidget *
find_person_search (GtkWidget *root)
{
  if (GTK_IS_SEARCH_ENTRY (root) &&
      g_strcmp0 (gtk_search_entry_get_placeholder_text (GTK_SEARCH_ENTRY (root)), "Name or email address") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_person_search (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RowWait;

static gboolean
has_row (gpointer data)
{
  RowWait *wait = data;

  return liaison_test_find (wait->root, ADW_TYPE_ACTION_ROW, wait->title) != NULL;
}

static void
set_entry_row (GtkWidget  *root,
               const char *title,
               const char *text)
{
  GtkWidget *row = liaison_test_find (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
select_people (GListModel    *model,
               LiaisonRecord *first,
               LiaisonRecord *second)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (model);

  gtk_selection_model_unselect_all (selection);
  gtk_selection_model_select_item (selection, position_of (model, first), FALSE);
  if (second != NULL)
    gtk_selection_model_select_item (selection, position_of (model, second), FALSE);
}

/* Added from a search, by the API and as someone new; a status changed
 * in the list; two marked as attended at once; one removed */
static void
test_manage (void)
{
  g_autoptr(LiaisonRecord) seminar = save_seminar ("Disaster preparedness");
  g_autoptr(LiaisonRecord) yamada = save_person ("Yamada", "Taro", "taro.yamada@city.yokohama.example.jp");
  g_autoptr(LiaisonRecord) suzuki = save_person ("Suzuki", "Ichiro", "ichiro@nagaoka.example.jp");
  g_autoptr(LiaisonRecord) sato = save_person ("Sato", "Hanako", "hanako@sapporo.example.jp");
  g_autoptr(LiaisonRecord) tanaka = NULL;
  g_autoptr(LiaisonRecord) registrant = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  AdwDialog *dialog = liaison_registrants_dialog_new (database (), seminar);
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (dialog);
  GListModel *model = liaison_registrants_dialog_get_model (self);
  GtkWidget *widget;
  RowWait wait;

  adw_dialog_present (dialog, GTK_WIDGET (window));
  liaison_test_settle ();
  liaison_test_assert_icons (GTK_WIDGET (dialog));

  /* Nobody yet: how to add people is said */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  widget = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "No Registrants");
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));

  /* Found by typing part of the name, picked: registered */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.add", NULL);
  liaison_test_settle ();
  widget = find_person_search (GTK_WIDGET (dialog));
  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), "yamada");
  wait = (RowWait) { GTK_WIDGET (dialog), "Taro Yamada" };
  liaison_test_wait_until (has_row, &wait);
  g_signal_emit_by_name (liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Taro Yamada"), "activated");
  liaison_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  assert_status (seminar, yamada, "registered");
  g_assert_false (gtk_widget_get_mapped (liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "No Registrants")));

  /* By the API; twice is refused */
  g_assert_true (liaison_registrants_dialog_register (self, suzuki, "Nagaoka City", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_registrants_dialog_register (self, sato, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_registrants_dialog_register (self, yamada, NULL, &error));
  g_assert_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  liaison_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Someone registered already is found, but cannot be picked again */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.add", NULL);
  liaison_test_settle ();
  gtk_editable_set_text (GTK_EDITABLE (find_person_search (GTK_WIDGET (dialog))), "ichiro@nagaoka");
  wait = (RowWait) { GTK_WIDGET (dialog), "Ichiro Suzuki" };
  liaison_test_wait_until (has_row, &wait);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (liaison_test_find (GTK_WIDGET (dialog),
                                                                                          ADW_TYPE_ACTION_ROW,
                                                                                          "Ichiro Suzuki"))));

  /* Someone new, with their registration */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.create-person", NULL);
  liaison_test_settle ();
  set_entry_row (GTK_WIDGET (dialog), "Family name", "Tanaka");
  set_entry_row (GTK_WIDGET (dialog), "Given name", "Jiro");
  set_entry_row (GTK_WIDGET (dialog), "Email addresses", "jiro.tanaka@kobe.example.jp");
  set_entry_row (GTK_WIDGET (dialog), "Local government", "Kobe City");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.save-person", NULL);
  liaison_test_settle ();
  tanaka = find_person ("Tanaka");
  g_assert_nonnull (tanaka);
  g_assert_cmpstr (liaison_record_get_text (tanaka, "emails"), ==, "jiro.tanaka@kobe.example.jp");
  registrant = find_registrant (seminar, tanaka);
  g_assert_nonnull (registrant);
  g_assert_cmpstr (liaison_record_get_text (registrant, "local_government"), ==, "Kobe City");
  g_assert_cmpstr (liaison_record_get_text (registrant, "status"), ==, "registered");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (liaison_registrants_dialog_get_totals_text (self), ==,
                   "4 registered, 0 attended, 0 no-shows, 0 cancelled");

  /* A status changed in the list is saved at once */
  widget = find_by_tooltip (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, "Status of Ichiro Suzuki");
  g_assert_nonnull (widget);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), 3);
  liaison_test_settle ();
  assert_status (seminar, suzuki, "cancelled");
  g_assert_cmpstr (liaison_registrants_dialog_get_totals_text (self), ==,
                   "3 registered, 0 attended, 0 no-shows, 1 cancelled");

  /* Two marked as attended in one go; they stay selected */
  select_people (model, yamada, tanaka);
  liaison_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.mark-attended", NULL);
  liaison_test_settle ();
  assert_status (seminar, yamada, "attended");
  assert_status (seminar, tanaka, "attended");
  assert_status (seminar, sato, "registered");
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), position_of (model, yamada)));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), position_of (model, tanaka)));
  g_assert_cmpstr (liaison_registrants_dialog_get_totals_text (self), ==,
                   "3 registered, 2 attended, 0 no-shows, 1 cancelled");
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "2 selected"));

  select_people (model, suzuki, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.mark-no-show", NULL);
  liaison_test_settle ();
  assert_status (seminar, suzuki, "no-show");
  g_assert_cmpstr (liaison_registrants_dialog_get_totals_text (self), ==,
                   "4 registered, 2 attended, 1 no-show, 0 cancelled");

  /* Removed: the registration goes, the person stays */
  select_people (model, sato, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.remove", NULL);
  liaison_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_clear_object (&registrant);
  registrant = find_registrant (seminar, sato);
  g_assert_null (registrant);
  g_assert_cmpstr (liaison_registrants_dialog_get_totals_text (self), ==,
                   "3 registered, 2 attended, 1 no-show, 0 cancelled");
  {
    g_autoptr(LiaisonRecord) still = liaison_database_get (database (), &liaison_person_type,
                                                           liaison_record_get_uuid (sato), &error);

    g_assert_no_error (error);
    g_assert_false (liaison_record_is_deleted (still));
  }

  /* Undone from the toast */
  widget = liaison_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  liaison_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  assert_status (seminar, sato, "registered");

  /* Ctrl+Z undoes too, while the toast is shown */
  g_assert_true (liaison_test_has_shortcut (GTK_WIDGET (dialog), "<Control>z", "registrants.undo"));
  select_people (model, sato, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.remove", NULL);
  liaison_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "registrants.undo", NULL);
  liaison_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  assert_status (seminar, sato, "registered");

  adw_dialog_force_close (dialog);
  liaison_test_window_destroy (window);
}

static gboolean
loaded (gpointer data)
{
  return !liaison_csv_import_dialog_is_loading (data);
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (database_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* A registration form's file: one person already there (by email), one
 * new, one invalid; previewed, then imported */
static void
test_import (void)
{
  g_autoptr(LiaisonRecord) seminar = save_seminar ("Tourism after the pandemic");
  g_autoptr(LiaisonRecord) smith = save_person ("Smith", "Anne", "anne.smith@trenton.example.org");
  g_autoptr(LiaisonRecord) kato = NULL;
  g_autoptr(LiaisonRecord) registrant = NULL;
  g_autoptr(GFile) file = write_file ("registrants.csv",
                                      "Family name,Given name,Email,Local government,Notes\r\n"
                                      "Smith,Anne,Anne.Smith@Trenton.example.org,City of Trenton,colleague\r\n"
                                      "Kato,Yuki,yuki.kato@sendai.example.jp,Sendai City,\r\n"
                                      ",,nobody@example.org,Somewhere,no name\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonCsvImportDialog) csv = NULL;
  g_auto(GStrv) unmatched = NULL;
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  AdwDialog *dialog = liaison_registrants_dialog_new (database (), seminar);
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (dialog);
  LiaisonCsvImport *import;
  GtkWidget *check;

  adw_dialog_present (dialog, GTK_WIDGET (window));
  liaison_test_settle ();

  csv = g_object_ref (LIAISON_CSV_IMPORT_DIALOG (liaison_registrants_dialog_open_import (self, file)));
  liaison_test_wait_until (loaded, csv);
  liaison_test_settle ();

  /* The preview: columns matched from the header, rows as they are */
  import = liaison_csv_import_dialog_get_import (csv);
  g_assert_nonnull (import);
  g_assert_cmpstr (liaison_csv_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpstr (liaison_csv_column_get_label (liaison_csv_import_get_header_column (import, 2)), ==, "Email address");
  unmatched = liaison_csv_import_dup_unmatched_headers (import);
  g_assert_cmpstrv (unmatched, ((const char * const []) { "Notes", NULL }));
  g_assert_cmpuint (liaison_csv_import_get_n_rows (import), ==, 3);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 0), ==, LIAISON_CSV_ROW_MATCH);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 1), ==, LIAISON_CSV_ROW_NEW);
  g_assert_cmpint (liaison_csv_import_get_row_status (import, 2), ==, LIAISON_CSV_ROW_INVALID);
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (csv), GTK_TYPE_LABEL, "New: 1 · Known person: 1 · Invalid: 1"));
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (csv), GTK_TYPE_BUTTON, "Import 2 Rows"));

  /* The known and the new are checked; the invalid cannot be */
  g_assert_true (liaison_csv_import_dialog_get_row_chosen (csv, 0));
  g_assert_true (liaison_csv_import_dialog_get_row_chosen (csv, 1));
  g_assert_false (liaison_csv_import_dialog_get_row_chosen (csv, 2));
  g_assert_false (liaison_csv_import_dialog_set_row_chosen (csv, 2, TRUE));
  g_assert_false (liaison_csv_import_dialog_get_row_chosen (csv, 2));
  g_assert_cmpuint (liaison_csv_import_dialog_get_n_chosen (csv), ==, 2);
  check = find_by_tooltip (GTK_WIDGET (csv), GTK_TYPE_CHECK_BUTTON, "This row cannot be imported");
  g_assert_nonnull (check);
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* A row cleared and checked again */
  g_assert_true (liaison_csv_import_dialog_set_row_chosen (csv, 1, FALSE));
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (csv), GTK_TYPE_BUTTON, "Import 1 Row"));
  g_assert_true (liaison_csv_import_dialog_set_row_chosen (csv, 1, TRUE));

  g_assert_true (liaison_csv_import_dialog_import (csv, &error));
  g_assert_no_error (error);
  liaison_test_settle ();

  /* The new person, and both registrations */
  kato = find_person ("Kato");
  g_assert_nonnull (kato);
  g_assert_cmpstr (liaison_record_get_text (kato, "emails"), ==, "yuki.kato@sendai.example.jp");
  registrant = find_registrant (seminar, kato);
  g_assert_nonnull (registrant);
  g_assert_cmpstr (liaison_record_get_text (registrant, "local_government"), ==, "Sendai City");
  g_clear_object (&registrant);
  registrant = find_registrant (seminar, smith);
  g_assert_nonnull (registrant);
  g_assert_cmpstr (liaison_record_get_text (registrant, "status"), ==, "registered");
  g_assert_null (find_person ("nobody"));

  /* The list and the totals follow; a toast says what was done */
  g_assert_nonnull (liaison_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Imported 2 registrants"));
  g_assert_cmpuint (g_list_model_get_n_items (liaison_registrants_dialog_get_model (self)), ==, 2);
  g_assert_cmpstr (liaison_registrants_dialog_get_totals_text (self), ==,
                   "2 registered, 0 attended, 0 no-shows, 0 cancelled");

  adw_dialog_force_close (dialog);
  liaison_test_window_destroy (window);
}

/* A file that is not a registrant list: its name and why */
static void
test_import_refused (void)
{
  g_autoptr(LiaisonRecord) seminar = save_seminar ("Smart cities");
  g_autoptr(GFile) file = write_file ("budget.csv", "Item,Amount\r\nVenue,1200\r\n");
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  AdwDialog *dialog = liaison_csv_import_dialog_new (database (), seminar);
  LiaisonCsvImportDialog *csv = LIAISON_CSV_IMPORT_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  adw_dialog_present (dialog, GTK_WIDGET (window));
  liaison_csv_import_dialog_load_file (csv, file);
  liaison_test_wait_until (loaded, csv);
  liaison_test_settle ();
  liaison_test_assert_icons (GTK_WIDGET (dialog));

  page = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "This File Cannot Be Imported");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "budget.csv"));

  /* Nothing to import */
  g_assert_false (liaison_csv_import_dialog_import (csv, &error));
  g_assert_nonnull (error);

  adw_dialog_force_close (dialog);
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
  database_dir = g_dir_make_tmp ("liaison-registrants-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (database_dir, "liaison.db", NULL);
  liaison_app_set_database_path (app, path);
  g_assert_true (liaison_app_open_database (app, &error));
  g_assert_no_error (error);

  g_test_add_func ("/registrants/manage", test_manage);
  g_test_add_func ("/registrants/import", test_import);
  g_test_add_func ("/registrants/import-refused", test_import_refused);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  liaison_test_remove_tree (database_dir);
  g_free (database_dir);

  return status;
}
