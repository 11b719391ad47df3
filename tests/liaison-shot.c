/* liaison-shot.c
 *
 * Saves a PNG of every page of the window, wide (1280×800) and narrow
 * (400×800), and of each dialog, in the language of the environment.
 * `build-aux/dev shot DIR` runs it once for English and once for Japanese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "liaison-applicant-editor.h"
#include "liaison-choice-button.h"
#include "liaison-demo.h"
#include "liaison-fellowship.h"
#include "liaison-fellowship-view.h"
#include "liaison-test-files.h"
#include "liaison-conflicts-dialog.h"
#include "liaison-sync.h"
#include "liaison-seminar-editor.h"
#include "liaison-seminars-view.h"
#include "liaison-registrants-dialog.h"
#include "liaison-csv-import-dialog.h"
#include "liaison-test-utils.h"

static const char *pages[] = { "overview", "fellowship", "affiliations", "seminars", "partners" };
static const char *dialogs[][2] = {
  { "app.preferences", "preferences" },
  { "app.shortcuts", "shortcuts" },
  { "app.about", "about" },
};

/* The first menu button in sight under @root showing @icon_name */
static GtkWidget *
find_menu_button_with_icon (GtkWidget  *root,
                            const char *icon_name)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (root)), icon_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button_with_icon (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A PNG of the window, with @popover (if not NULL) open over it */
static void
save_with_popover (LiaisonWindow *window,
                   GtkPopover    *popover,
                   const char    *output,
                   const char    *name,
                   const char    *suffix,
                   const char    *width)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s-%s.png", name, suffix, width);
  g_autofree char *path = g_build_filename (output, file, NULL);

  if (!liaison_test_save_png_with_popover (GTK_WIDGET (window), popover, path, &error))
    g_error ("%s", error->message);

  g_print ("%s\n", path);
}

static void
save (LiaisonWindow *window,
      const char    *output,
      const char    *name,
      const char    *suffix,
      const char    *width)
{
  save_with_popover (window, NULL, output, name, suffix, width);
}

/* The filter whose list has a search entry: the jurisdictions */
static LiaisonChoiceButton *
find_searchable_choice (GtkWidget *widget)
{
  if (LIAISON_IS_CHOICE_BUTTON (widget) && liaison_choice_button_get_enable_search (LIAISON_CHOICE_BUTTON (widget)))
    return LIAISON_CHOICE_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      LiaisonChoiceButton *found = find_searchable_choice (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_sync_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), _("Sync With Other Desktops")) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sync_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
synced (gpointer data)
{
  LiaisonSyncController *sync = liaison_app_get_sync (data);
  g_autoptr(GPtrArray) sites = liaison_sync_list_sites (liaison_app_get_database (data));

  return sites->len > 1 && liaison_sync_controller_get_n_conflicts (sync) == 0 &&
         !g_str_equal (liaison_sync_controller_get_status (sync), _("Syncing…"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *output = NULL;
  g_autofree char *suffix = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonApp *app = NULL;
  g_autofree char *database_dir = NULL;
  const GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "Folder for the PNG files", "DIR" },
    { "suffix", 0, 0, G_OPTION_ARG_STRING, &suffix, "Added to each file name, e.g. the language", "TEXT" },
    { NULL }
  };
  struct {
    int         width;
    const char *name;
  } widths[] = {
    { 1280, "wide" },
    { 400, "narrow" },
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL)
    {
      g_printerr ("usage: liaison-shot --output=DIR [--suffix=TEXT]\n");
      return 1;
    }
  if (suffix == NULL)
    suffix = g_strdup ("shot");

  adw_init ();
  app = liaison_test_application_new ();
  /* The sample data is placed around a day of its own: the screenshots
   * show its coming cohort, and its deadlines as that day sees them */
  liaison_set_today (LIAISON_DEMO_TODAY);

  /* The sample data, so that the views have something to show */
  {
    g_autofree char *dir = g_dir_make_tmp ("liaison-shot-XXXXXX", &error);
    g_autofree char *path = NULL;

    g_assert_no_error (error);
    path = g_build_filename (dir, "liaison.db", NULL);
    liaison_app_set_database_path (app, path);
    if (!liaison_app_open_database (app, &error) ||
        !liaison_demo_fill (liaison_app_get_database (app), &error))
      g_error ("%s", error->message);
    database_dir = g_steal_pointer (&dir);
  }

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      LiaisonWindow *window = liaison_test_window_new (app, widths[w].width, 800);
      AdwNavigationSplitView *split_view =
        ADW_NAVIGATION_SPLIT_VIEW (liaison_test_find (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_SPLIT_VIEW, NULL));

      if (adw_navigation_split_view_get_collapsed (split_view))
        {
          adw_navigation_split_view_set_show_content (split_view, FALSE);
          liaison_test_settle ();
          save (window, output, "sidebar", suffix, widths[w].name);
        }

      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
          liaison_test_settle ();
          save (window, output, pages[i], suffix, widths[w].name);
        }

      /* An applicant open in the editor */
      {
        LiaisonFellowshipView *view =
          LIAISON_FELLOWSHIP_VIEW (liaison_test_find (GTK_WIDGET (window), LIAISON_TYPE_FELLOWSHIP_VIEW, NULL));
        GListModel *model = liaison_fellowship_view_get_model (view);
        g_autoptr(LiaisonRecord) first = model != NULL ? g_list_model_get_item (model, 0) : NULL;

        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "fellowship");
        if (first != NULL)
          {
            liaison_fellowship_view_open (view, first);
            liaison_test_settle ();
            liaison_test_settle ();
            save (window, output, "fellowship-applicant", suffix, widths[w].name);

            /* Further down: the status, its history, the documents, reviews */
            {
              GtkWidget *editor = liaison_fellowship_view_get_editor (view);
              GtkWidget *scrolled = liaison_test_find (editor, GTK_TYPE_SCROLLED_WINDOW, NULL);
              GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

              gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.3);
              liaison_test_settle ();
              save (window, output, "fellowship-applicant-status", suffix, widths[w].name);
              gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.55);
              liaison_test_settle ();
              save (window, output, "fellowship-applicant-reviews", suffix, widths[w].name);

              /* The desktop turned to the dark style, the applicant open:
               * the window is styled again while it runs */
              {
                AdwStyleManager *style_manager = adw_style_manager_get_default ();
                AdwColorScheme color_scheme = adw_style_manager_get_color_scheme (style_manager);

                gtk_adjustment_set_value (adjustment, 0);
                liaison_test_settle ();
                adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
                liaison_test_settle ();
                save (window, output, "fellowship-applicant-dark", suffix, widths[w].name);
                adw_style_manager_set_color_scheme (style_manager, color_scheme);
                liaison_test_settle ();
              }
            }

            /* Changes not saved, and another applicant chosen */
            {
              g_autoptr(LiaisonRecord) second = g_list_model_get_item (model, 1);
              GtkWidget *editor = liaison_fellowship_view_get_editor (view);
              GtkWidget *row = liaison_applicant_editor_get_row (LIAISON_APPLICANT_EDITOR (editor), "person", "title");
              AdwDialog *dialog;

              gtk_editable_set_text (GTK_EDITABLE (row), "Deputy County Administrator");
              liaison_fellowship_view_open (view, second);
              liaison_test_settle ();
              liaison_test_settle ();
              save (window, output, "unsaved-changes", suffix, widths[w].name);
              dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
              if (dialog != NULL)
                {
                  g_signal_emit_by_name (dialog, "response", "discard");
                  adw_dialog_force_close (dialog);
                }
              liaison_test_settle ();
            }

            /* Several applicants selected, and the bar of what can be done
             * to them all */
            {
              GtkWidget *column_view = liaison_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);
              GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));

              adw_navigation_split_view_set_show_content (
                ADW_NAVIGATION_SPLIT_VIEW (liaison_test_find (GTK_WIDGET (view), ADW_TYPE_NAVIGATION_SPLIT_VIEW, NULL)),
                FALSE);
              gtk_selection_model_select_range (selection, 0, 3, TRUE);
              liaison_test_settle ();
              liaison_test_settle ();
              save (window, output, "fellowship-selection", suffix, widths[w].name);
              gtk_selection_model_unselect_all (selection);
              liaison_test_settle ();
            }

            /* The view's menu, with its orders */
            {
              GtkWidget *button = find_menu_button_with_icon (GTK_WIDGET (view), "view-more-symbolic");
              if (button != NULL)
                {
                  GtkPopover *popover;

                  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
                  liaison_test_settle ();
                  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
                  liaison_test_settle ();
                  save_with_popover (window, popover, output, "fellowship-sort", suffix, widths[w].name);
                  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
                  liaison_test_settle ();
                }
            }

            /* The jurisdictions offered by the filter, narrowed by a
             * search, with Ontario chosen */
            {
              LiaisonChoiceButton *jurisdictions = find_searchable_choice (GTK_WIDGET (view));
              GListModel *choices = liaison_choice_button_get_model (jurisdictions);
              GtkPopover *popover;

              for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
                {
                  g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

                  if (g_str_equal (gtk_string_object_get_string (choice), "CA-ON"))
                    liaison_choice_button_set_selected (jurisdictions, i);
                }
              liaison_test_settle ();
              liaison_choice_button_popup (jurisdictions);
              liaison_test_settle ();
              popover = liaison_choice_button_get_popover (jurisdictions);
              gtk_editable_set_text (GTK_EDITABLE (liaison_test_find (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY, NULL)),
                                     "CA-");
              liaison_test_settle ();
              liaison_test_settle ();
              save_with_popover (window, popover, output, "fellowship-filter", suffix, widths[w].name);
              liaison_choice_button_popdown (jurisdictions);
              liaison_choice_button_set_selected (jurisdictions, 0);
              liaison_test_settle ();
            }
          }
      }

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[0]);
      for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
        {
          AdwDialog *dialog;

          gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i][0], NULL);
          liaison_test_settle ();
          liaison_test_settle ();
          save (window, output, dialogs[i][1], suffix, widths[w].name);

          dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
          if (dialog != NULL)
            adw_dialog_force_close (dialog);
          liaison_test_settle ();
        }

      /* A seminar open in its form, then a start the clocks repeat */
      {
        LiaisonSeminarsView *seminars =
          LIAISON_SEMINARS_VIEW (liaison_test_find (GTK_WIDGET (window), LIAISON_TYPE_SEMINARS_VIEW, NULL));
        GListModel *model = liaison_seminars_view_get_model (seminars);
        g_autoptr(LiaisonRecord) first = model != NULL ? g_list_model_get_item (model, 0) : NULL;
        AdwDialog *dialog;

        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "seminars");
        liaison_test_settle ();
        if (first != NULL)
          {
            dialog = liaison_seminars_view_open (seminars, first);
            liaison_test_settle ();
            liaison_test_settle ();
            save (window, output, "seminar-editor", suffix, widths[w].name);
            liaison_seminar_editor_set_zone (LIAISON_SEMINAR_EDITOR (dialog), "America/New_York");
            liaison_seminar_editor_set_start (LIAISON_SEMINAR_EDITOR (dialog), "2026-11-01 01:30");
            liaison_test_settle ();
            liaison_test_settle ();
            save (window, output, "seminar-repeated-hour", suffix, widths[w].name);
            adw_dialog_force_close (dialog);
            liaison_test_settle ();

            /* Its registrants, then a list from a registration form */
            {
              AdwDialog *registrants = liaison_registrants_dialog_new (liaison_app_get_database (app), first);
              g_autofree char *csv = g_build_filename (database_dir, "registration-form.csv", NULL);
              AdwDialog *import;
              g_autoptr(GFile) file = g_file_new_for_path (csv);

              adw_dialog_present (registrants, GTK_WIDGET (window));
              liaison_test_settle ();
              liaison_test_settle ();
              save (window, output, "seminar-registrants", suffix, widths[w].name);

              g_file_set_contents (csv,
                                   "\xef\xbb\xbf姓,名,メールアドレス,所属自治体\r\n"
                                   "佐藤,健,ken.sato@pref.example.jp,宮城県\r\n"
                                   "Garcia,Maria,maria.garcia@example.org,City of Austin\r\n"
                                   "高橋,由美,not an address,札幌市\r\n", -1, NULL);
              import = liaison_csv_import_dialog_new (liaison_app_get_database (app), first);
              adw_dialog_present (import, GTK_WIDGET (window));
              liaison_csv_import_dialog_load_file (LIAISON_CSV_IMPORT_DIALOG (import), file);
              for (guint i = 0; i < 50 && liaison_csv_import_dialog_is_loading (LIAISON_CSV_IMPORT_DIALOG (import)); i++)
                liaison_test_settle ();
              liaison_test_settle ();
              save (window, output, "seminar-import", suffix, widths[w].name);
              adw_dialog_force_close (import);
              adw_dialog_force_close (registrants);
              liaison_test_settle ();
            }
          }
      }

      /* The sync's status, after an exchange with a shared folder */
      {
        g_autofree char *folder = g_build_filename (database_dir, "shared", NULL);
        g_autoptr(LiaisonDatabase) other = NULL;
        g_autoptr(LiaisonRecord) organization = liaison_record_new (&liaison_organization_type);
        g_autofree char *other_path = g_build_filename (database_dir, "other.db", NULL);
        GtkWidget *button;

        g_mkdir_with_parents (folder, 0700);
        other = liaison_database_open (other_path, NULL);
        liaison_sync_set_name (other, "Fellowship desk", NULL);
        liaison_sync_set_name (liaison_app_get_database (app), "Reception", NULL);
        liaison_record_set_text (organization, "name", "National League of Cities");
        liaison_record_set_text (organization, "kind", "other");
        liaison_record_set_text (organization, "country", "US");
        liaison_database_save (other, organization, NULL);
        liaison_sync_with_folder (other, folder, NULL, NULL);

        g_settings_set_string (liaison_app_get_settings (app), "sync-folder", folder);
        liaison_test_wait_until (synced, app);
        adw_navigation_split_view_set_show_content (split_view, FALSE);
        button = find_sync_button (GTK_WIDGET (window));
        gtk_menu_button_popup (GTK_MENU_BUTTON (button));
        liaison_test_settle ();
        liaison_test_settle ();
        save (window, output, "sync-status", suffix, widths[w].name);
        {
          /* The popover is a surface of its own: saved on its own */
          g_autofree char *name = g_strdup_printf ("sync-details-%s-%s.png", suffix, widths[w].name);
          g_autofree char *file = g_build_filename (output, name, NULL);
          g_autoptr(GError) shot_error = NULL;

          if (!liaison_test_save_png (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), file, &shot_error))
            g_warning ("%s", shot_error->message);
        }
        gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
        g_settings_reset (liaison_app_get_settings (app), "sync-folder");
        liaison_test_settle ();
      }

      /* A conflict to resolve */
      {
        g_autoptr(LiaisonDatabase) a = liaison_database_open (":memory:", NULL);
        g_autoptr(LiaisonDatabase) b = liaison_database_open (":memory:", NULL);
        g_autoptr(LiaisonRecord) organization = liaison_record_new (&liaison_organization_type);
        g_autoptr(LiaisonRecord) copy = NULL;
        g_autoptr(GBytes) from_a = NULL;
        g_autoptr(GBytes) from_b = NULL;
        AdwDialog *dialog;

        liaison_sync_set_name (a, "Reception", NULL);
        liaison_sync_set_name (b, "Fellowship desk", NULL);
        liaison_record_set_text (organization, "name", "National Association of Counties");
        liaison_record_set_text (organization, "kind", "other");
        liaison_record_set_text (organization, "country", "US");
        liaison_record_set_text (organization, "city", "Washington");
        liaison_database_save (a, organization, NULL);
        from_a = liaison_sync_export (a, NULL);
        liaison_sync_import_bytes (b, from_a, "a.json", NULL, NULL);
        copy = liaison_database_get (b, &liaison_organization_type, liaison_record_get_uuid (organization), NULL);
        liaison_record_set_text (organization, "phone", "+1 202 393 6226");
        liaison_database_save (a, organization, NULL);
        /* A moment later, so that the newer comes first in every shot */
        g_usleep (5 * 1000);
        liaison_record_set_text (copy, "phone", "+1 202 942 4201");
        liaison_database_save (b, copy, NULL);
        g_clear_pointer (&from_a, g_bytes_unref);
        from_a = liaison_sync_export (a, NULL);
        from_b = liaison_sync_export (b, NULL);
        liaison_sync_import_bytes (b, from_a, "a.json", NULL, NULL);

        dialog = liaison_conflicts_dialog_new (b, NULL);
        adw_dialog_present (dialog, GTK_WIDGET (window));
        liaison_test_settle ();
        liaison_test_settle ();
        save (window, output, "sync-conflicts", suffix, widths[w].name);
        adw_dialog_force_close (dialog);
        liaison_test_settle ();
      }

      /* An applicant changed on two desktops at once, in the list and open */
      {
        LiaisonDatabase *database = liaison_app_get_database (app);
        LiaisonFellowshipView *view =
          LIAISON_FELLOWSHIP_VIEW (liaison_test_find (GTK_WIDGET (window), LIAISON_TYPE_FELLOWSHIP_VIEW, NULL));
        g_autoptr(LiaisonRecord) first = NULL;
        g_autoptr(LiaisonDatabase) other = liaison_database_open (":memory:", NULL);
        g_autoptr(LiaisonRecord) here = NULL;
        g_autoptr(LiaisonRecord) there = NULL;
        g_autoptr(GBytes) from_here = NULL;
        g_autoptr(GBytes) from_there = NULL;
        g_autoptr(GPtrArray) conflicts = NULL;

        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "fellowship");
        liaison_test_settle ();
        first = g_list_model_get_item (liaison_fellowship_view_get_model (view), 0);
        from_here = liaison_sync_export (database, NULL);
        liaison_sync_import_bytes (other, from_here, "here.json", NULL, NULL);
        here = liaison_database_get (database, &liaison_application_type, liaison_record_get_uuid (first), NULL);
        there = liaison_database_get (other, &liaison_application_type, liaison_record_get_uuid (first), NULL);
        /* Different on each round, so that each round makes a conflict */
        {
          g_autofree char *morning = g_strdup_printf ("Prefers a morning interview (%s).", widths[w].name);
          g_autofree char *afternoon = g_strdup_printf ("Prefers an afternoon interview (%s).", widths[w].name);

          liaison_record_set_text (here, "notes", morning);
          liaison_record_set_text (there, "notes", afternoon);
        }
        liaison_database_save (database, here, NULL);
        liaison_database_save (other, there, NULL);
        from_there = liaison_sync_export (other, NULL);
        liaison_sync_import_bytes (database, from_there, "there.json", NULL, NULL);
        liaison_fellowship_view_open (view, first);
        liaison_test_settle ();
        liaison_test_settle ();
        save (window, output, "fellowship-conflict", suffix, widths[w].name);

        /* As it was, for what follows */
        conflicts = liaison_sync_list_conflicts (database);
        for (guint i = 0; i < conflicts->len; i++)
          liaison_sync_resolve (database, conflicts->pdata[i],
                                ((LiaisonConflictVersion *) ((LiaisonConflict *) conflicts->pdata[i])->versions->pdata[0])->value,
                                NULL);
        liaison_test_settle ();
      }

      /* The dialog shown when the database cannot be opened */
      {
        g_autofree char *backup = g_build_filename (g_get_tmp_dir (), "liaison.db.bak-v1", NULL);
        g_autofree char *message = NULL;
        AdwDialog *dialog;

        g_file_set_contents (backup, "", 0, NULL);
        message = g_strdup_printf (_("The database “%s” is damaged and cannot be opened."),
                                   "/home/tanaka/.local/share/liaison/liaison.db");
        liaison_window_show_database_error (window, message, backup);
        liaison_test_settle ();
        liaison_test_settle ();
        save (window, output, "database-error", suffix, widths[w].name);
        dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
        if (dialog != NULL)
          adw_dialog_force_close (dialog);
        liaison_test_settle ();
        g_unlink (backup);
      }

      liaison_test_window_destroy (window);
    }

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  liaison_test_remove_tree (database_dir);

  return 0;
}
