/* liaison-app.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-app"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "liaison-app.h"
#include "liaison-csv.h"
#include "liaison-demo.h"
#include "liaison-ical.h"
#include "liaison-sync.h"
#include "liaison-sync-controller.h"
#include "liaison-paths.h"
#include "liaison-preferences-dialog.h"
#include "liaison-shortcuts-dialog.h"
#include "liaison-window.h"

struct _LiaisonApp
{
  AdwApplication  parent_instance;

  GSettings       *settings;
  LiaisonSyncController *sync;
  char            *database_path;
  LiaisonDatabase *database;
};

G_DEFINE_FINAL_TYPE (LiaisonApp, liaison_app, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry main_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in FILE instead of the usual one"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with sample data and exit"), NULL },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a list (applicants, affiliations, seminars, organizations or people) to a CSV file and exit"),
    N_("VIEW:FILE") },
  { "include-sensitive", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-csv, also write sensitive fields such as dietary needs and emergency contacts"), NULL },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the seminars to an iCalendar file for calendar programs and exit"), N_("FILE") },
  { "export-sync", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a sync file of the whole database for another desktop and exit"), N_("FILE") },
  { "import-sync", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge another desktop’s sync file into the database, print what changed and exit"), N_("FILE") },
  { "sync-folder", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Exchange sync files once with the desktops that share FOLDER and exit"), N_("FOLDER") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version of Liaison and exit"), NULL },
  { NULL }
};

/* The accelerators of the application; the Keyboard Shortcuts dialog
 * reads them back from the application, so the two cannot disagree. */
static const struct {
  const char *action;
  const char *accels[3];
} application_accels[] = {
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-page::overview", { "<Alt>1", NULL } },
  { "win.show-page::fellowship", { "<Alt>2", NULL } },
  { "win.show-page::affiliations", { "<Alt>3", NULL } },
  { "win.show-page::seminars", { "<Alt>4", NULL } },
  { "win.show-page::partners", { "<Alt>5", NULL } },
};

LiaisonApp *
liaison_app_new (const char        *application_id,
                         GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (LIAISON_TYPE_APP,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/org/jlgc/Liaison",
                       NULL);
}

static void
print_summary (const char               *name,
               const LiaisonSyncSummary *summary)
{
  /* Translators: a file or folder, then how many records were new, changed
   * and deleted, and how many fields are newly in conflict */
  g_print (_("%s: %u new, %u changed, %u deleted, %u conflicts.\n"),
           name, summary->added, summary->changed, summary->deleted, summary->conflicts);
}

/* --export-sync, --import-sync and --sync-folder: one at a time; any error
 * is one line on stderr, exit status 1, and a database left as it was. */
static int
liaison_app_run_sync (LiaisonApp   *self,
                      GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *argument = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  LiaisonSyncSummary summary = { 0 };
  guint n_commands = 0;
  gboolean existed;

  n_commands = g_variant_dict_contains (options, "export-sync") +
               g_variant_dict_contains (options, "import-sync") +
               g_variant_dict_contains (options, "sync-folder");
  if (n_commands > 1)
    {
      g_printerr ("%s\n", _("Use one of --export-sync, --import-sync and --sync-folder at a time."));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "export-sync", "^ay", &argument))
    {
      if (argument[0] == '\0')
        {
          g_printerr ("%s\n", _("--export-sync needs the name of the file to write."));
          return EXIT_FAILURE;
        }

      if (!g_file_test (self->database_path, G_FILE_TEST_EXISTS))
        {
          g_printerr (_("There is no database at “%s”.\n"), self->database_path);
          return EXIT_FAILURE;
        }

      path = g_canonicalize_filename (argument, NULL);
      if (!liaison_app_open_database (self, &error) ||
          !liaison_sync_export_file (self->database, path, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      /* Translators: %s is a file */
      g_print (_("Wrote the sync file %s.\n"), path);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "import-sync", "^ay", &argument))
    {
      path = g_canonicalize_filename (argument, NULL);
      display = g_filename_display_name (path);

      /* The file is read before a database is made for it. */
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          /* Translators: %s is a file */
          g_printerr (_("There is no sync file at “%s”.\n"), display);
          return EXIT_FAILURE;
        }

      existed = g_file_test (self->database_path, G_FILE_TEST_EXISTS);
      if (!liaison_app_open_database (self, &error) ||
          !liaison_sync_import_file (self->database, path, &summary, &error))
        {
          g_printerr ("%s\n", error->message);

          /* A database made only for a file that was refused goes again. */
          if (!existed && self->database != NULL)
            {
              g_autofree char *wal = g_strconcat (self->database_path, "-wal", NULL);
              g_autofree char *shm = g_strconcat (self->database_path, "-shm", NULL);

              g_clear_object (&self->database);
              g_unlink (self->database_path);
              g_unlink (wal);
              g_unlink (shm);
            }
          return EXIT_FAILURE;
        }

      print_summary (display, &summary);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, "sync-folder", "^ay", &argument);
  path = g_canonicalize_filename (argument, NULL);
  display = g_filename_display_name (path);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      /* Translators: %s is a folder */
      g_printerr (_("There is no folder at “%s”.\n"), display);
      return EXIT_FAILURE;
    }

  if (!liaison_app_open_database (self, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!liaison_sync_with_folder (self->database, path, &summary, &error))
    {
      print_summary (display, &summary);
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  print_summary (display, &summary);
  return EXIT_SUCCESS;
}

/* The language of the calendar: the user's, as far as the calendar is
 * written in one (the titles and descriptions of the seminars). */
static const char *
calendar_language (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "ja") ? "ja" : "en";
}

/* --export-ics: every seminar not deleted, headless. */
static int
liaison_app_run_export_ics (LiaisonApp   *self,
                            GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *argument = NULL;
  g_autofree char *path = NULL;
  guint n_seminars;

  g_variant_dict_lookup (options, "export-ics", "^ay", &argument);
  if (argument == NULL || argument[0] == '\0')
    {
      g_printerr ("%s\n", _("--export-ics needs the name of the file to write."));
      return EXIT_FAILURE;
    }

  /* Exporting reads; it does not create a database where there is none. */
  if (!g_file_test (self->database_path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file */
      g_printerr (_("There is no database at “%s”.\n"), self->database_path);
      return EXIT_FAILURE;
    }

  path = g_canonicalize_filename (argument, NULL);
  if (!liaison_app_open_database (self, &error) ||
      !liaison_ical_export_file (self->database, NULL, calendar_language (), path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  /* Every seminar not deleted is written. */
  n_seminars = liaison_database_count (self->database, &liaison_seminar_type);
  /* Translators: a number of seminars, then a file */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Wrote %u seminar to %s.\n",
                        "Wrote %u seminars to %s.\n",
                        n_seminars),
           n_seminars, path);
  return EXIT_SUCCESS;
}

static int
liaison_app_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  LiaisonApp *self = LIAISON_APP (application);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Liaison", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      path = liaison_paths_resolve_database (database, NULL, &error);
      if (path == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      liaison_app_set_database_path (self, path);

      /* Another database is another office: let it have its own instance
       * rather than handing the request to one that already runs. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  /* Headless commands: no display, one line on stderr when they fail. */
  if (g_variant_dict_contains (options, "export-csv"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *argument = NULL;
      g_autofree char *path = NULL;
      g_auto(GStrv) parts = NULL;
      LiaisonCsvFlags flags = LIAISON_CSV_DEFAULT;
      guint n_rows = 0;

      g_variant_dict_lookup (options, "export-csv", "^ay", &argument);
      parts = g_strsplit (argument, ":", 2);
      if (g_strv_length (parts) != 2 || parts[0][0] == '\0' || parts[1][0] == '\0')
        {
          g_printerr ("%s\n", _("--export-csv takes a list and a file, as in --export-csv=applicants:applicants.csv."));
          return EXIT_FAILURE;
        }

      if (g_variant_dict_contains (options, "include-sensitive"))
        flags |= LIAISON_CSV_INCLUDE_SENSITIVE;

      if (!g_strv_contains (liaison_csv_get_views (), parts[0]))
        {
          g_autofree char *views = g_strjoinv (", ", (char **) liaison_csv_get_views ());

          /* Translators: the list asked for, then the names of the lists there are */
          g_printerr (_("There is no list called “%s” to export; the lists are %s.\n"), parts[0], views);
          return EXIT_FAILURE;
        }

      /* Exporting reads; it does not create a database where there is none. */
      if (!g_file_test (self->database_path, G_FILE_TEST_EXISTS))
        {
          /* Translators: %s is a file */
          g_printerr (_("There is no database at “%s”.\n"), self->database_path);
          return EXIT_FAILURE;
        }

      path = g_canonicalize_filename (parts[1], NULL);
      if (!liaison_app_open_database (self, &error) ||
          !liaison_csv_export (self->database, parts[0], NULL, flags, path, &n_rows, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Wrote %u record to %s.\n",
                            "Wrote %u records to %s.\n",
                            n_rows),
               n_rows, path);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "export-ics"))
    return liaison_app_run_export_ics (self, options);

  if (g_variant_dict_contains (options, "export-sync") ||
      g_variant_dict_contains (options, "import-sync") ||
      g_variant_dict_contains (options, "sync-folder"))
    return liaison_app_run_sync (self, options);

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;
      guint n_types;
      const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);
      guint n_records = 0;

      if (!liaison_app_open_database (self, &error) ||
          !liaison_demo_fill (self->database, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      for (guint i = 0; i < n_types; i++)
        n_records += liaison_database_count (self->database, types[i]);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Added %u sample record to %s.\n",
                            "Added %u sample records to %s.\n",
                            n_records),
               n_records, self->database_path);
      return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (liaison_app_parent_class)->handle_local_options (application, options);
}

static void
set_database (LiaisonApp      *self,
              LiaisonDatabase *database)
{
  if (g_set_object (&self->database, database))
    {
      if (self->sync != NULL)
        liaison_sync_controller_set_database (self->sync, database);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }
}

static void
show_database_error (LiaisonApp *self,
                     LiaisonWindow      *window,
                     const GError       *error)
{
  g_autofree char *backup = liaison_database_find_backup (self->database_path);

  liaison_window_show_database_error (window, error->message, backup);
}

static void
database_checked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LiaisonWindow) window = user_data;
  LiaisonDatabase *database = LIAISON_DATABASE (object);
  LiaisonApp *self;
  g_autoptr(GError) error = NULL;

  if (liaison_database_check_finish (database, result, &error))
    return;

  self = LIAISON_APP (gtk_window_get_application (GTK_WINDOW (window)));
  if (self == NULL || self->database != database)
    return;

  /* A damaged database is closed before anything more is written to it. */
  set_database (self, NULL);
  show_database_error (self, window, error);
}

static void
start_check_cb (gpointer user_data)
{
  g_autoptr(LiaisonWindow) window = user_data;
  LiaisonApp *self = LIAISON_APP (gtk_window_get_application (GTK_WINDOW (window)));

  if (self != NULL && self->database != NULL)
    liaison_database_check_async (self->database, NULL, database_checked_cb, g_object_ref (window));
}

static void
liaison_app_activate (GApplication *application)
{
  LiaisonApp *self = LIAISON_APP (application);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) database = NULL;
  gboolean first = self->database == NULL;
  GtkWindow *window;

  /* Opened before the window is made, so that its first frame shows the
   * records; the check of the whole file, which takes a while with a
   * large office, follows in the background once the window is up. */
  if (first)
    {
      database = liaison_database_open_full (self->database_path,
                                             LIAISON_DATABASE_OPEN_DEFER_CHECK,
                                             &error);
      set_database (self, database);
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    window = g_object_new (LIAISON_TYPE_WINDOW,
                           "application", application,
                           NULL);

  gtk_window_present (window);

  if (!first)
    return;

  if (database == NULL)
    show_database_error (self, LIAISON_WINDOW (window), error);
  else
    g_timeout_add_seconds_once (1, start_check_cb, g_object_ref (window));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LiaisonApp *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwDialog *dialog;

  dialog = liaison_preferences_dialog_new (self->settings, self->database_path, self->database);
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

static void
sync_now_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LiaisonApp *self = user_data;

  liaison_sync_controller_sync_now (self->sync);
}

static void
shortcuts_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  LiaisonApp *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_dialog_present (liaison_shortcuts_dialog_new (GTK_APPLICATION (self)),
                      GTK_WIDGET (window));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LiaisonApp *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = {
    "Japan Local Government Center, New York",
    NULL
  };
  AdwDialog *dialog;

  dialog = adw_about_dialog_new_from_appdata ("/org/jlgc/Liaison/metainfo.xml",
                                              PACKAGE_VERSION);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (dialog), PACKAGE_VERSION);
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (dialog), developers);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (dialog),
                                  "© 2026 Japan Local Government Center");
  /* Translators: Replace "translator-credits" with your name, one name a
   * line, optionally followed by an email address in angle brackets. */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog),
                                           _("translator-credits"));

  adw_dialog_present (dialog, GTK_WIDGET (window));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LiaisonApp *self = user_data;
  GList *windows;

  /* Close the windows rather than quit outright, so that each one saves
   * its state and asks about changes not saved; the application ends
   * with its last window. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_entries[] = {
  { "preferences", preferences_action_cb },
  { "sync-now", sync_now_action_cb },
  { "shortcuts", shortcuts_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
liaison_app_startup (GApplication *application)
{
  LiaisonApp *self = LIAISON_APP (application);

  G_APPLICATION_CLASS (liaison_app_parent_class)->startup (application);

  /* Not earlier: headless commands never reach startup, and must work
   * where the schema is not installed. */
  self->settings = g_settings_new (BASE_ID);
  self->sync = liaison_sync_controller_new (self->settings);
  liaison_sync_controller_set_database (self->sync, self->database);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries,
                                   G_N_ELEMENTS (app_entries),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (application_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           application_accels[i].action,
                                           application_accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
liaison_app_finalize (GObject *object)
{
  LiaisonApp *self = (LiaisonApp *)object;

  g_clear_object (&self->sync);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (liaison_app_parent_class)->finalize (object);
}

static void
liaison_app_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaisonApp *self = LIAISON_APP (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_app_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaisonApp *self = LIAISON_APP (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      liaison_app_set_database_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_app_class_init (LiaisonAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = liaison_app_finalize;
  object_class->get_property = liaison_app_get_property;
  object_class->set_property = liaison_app_set_property;

  app_class->activate = liaison_app_activate;
  app_class->startup = liaison_app_startup;
  app_class->handle_local_options = liaison_app_handle_local_options;

  /**
   * LiaisonApp:database:
   *
   * The open database, or %NULL while there is none.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LIAISON_TYPE_DATABASE,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * LiaisonApp:database-path:
   *
   * The absolute path of the database file this instance works on.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_app_init (LiaisonApp *self)
{
  self->database_path = liaison_paths_dup_default_database ();

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep the fellowships, sister cities, seminars and partners of the Japan Local Government Center."));
}

/**
 * liaison_app_get_settings:
 * @self: a #LiaisonApp
 *
 * The application's settings, from startup on.
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
liaison_app_get_settings (LiaisonApp *self)
{
  g_return_val_if_fail (LIAISON_IS_APP (self), NULL);

  return self->settings;
}

const char *
liaison_app_get_database_path (LiaisonApp *self)
{
  g_return_val_if_fail (LIAISON_IS_APP (self), NULL);

  return self->database_path;
}

void
liaison_app_set_database_path (LiaisonApp *self,
                                       const char         *database_path)
{
  g_autofree char *fallback = NULL;

  g_return_if_fail (LIAISON_IS_APP (self));

  if (database_path == NULL)
    database_path = fallback = liaison_paths_dup_default_database ();

  if (g_set_str (&self->database_path, database_path))
    {
      set_database (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
    }
}

/**
 * liaison_app_get_sync:
 * @self: a #LiaisonApp
 *
 * Returns: (transfer none) (nullable): what syncs the database with the
 *   other desktops, from startup on
 */
LiaisonSyncController *
liaison_app_get_sync (LiaisonApp *self)
{
  g_return_val_if_fail (LIAISON_IS_APP (self), NULL);

  return self->sync;
}

/**
 * liaison_app_get_database:
 * @self: a #LiaisonApp
 *
 * Returns: (transfer none) (nullable): the open database, or %NULL while
 *   it could not be opened
 */
LiaisonDatabase *
liaison_app_get_database (LiaisonApp *self)
{
  g_return_val_if_fail (LIAISON_IS_APP (self), NULL);

  return self->database;
}

/**
 * liaison_app_open_database:
 * @self: a #LiaisonApp
 * @error: return location for a #GError
 *
 * Opens the database of #LiaisonApp:database-path, unless it is
 * open already.
 *
 * Returns: %TRUE if the database is open
 */
gboolean
liaison_app_open_database (LiaisonApp  *self,
                                   GError             **error)
{
  g_return_val_if_fail (LIAISON_IS_APP (self), FALSE);

  if (self->database == NULL)
    {
      g_autoptr(LiaisonDatabase) database = liaison_database_open (self->database_path, error);

      set_database (self, database);
    }

  return self->database != NULL;
}

/**
 * liaison_app_restore_backup:
 * @self: a #LiaisonApp
 * @backup: a backup of the database that could not be opened
 * @error: return location for a #GError
 *
 * Moves the damaged database aside, puts @backup in its place and opens it.
 *
 * Returns: %TRUE if the backup is now the open database
 */
gboolean
liaison_app_restore_backup (LiaisonApp  *self,
                                    const char          *backup,
                                    GError             **error)
{
  g_return_val_if_fail (LIAISON_IS_APP (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  set_database (self, NULL);

  return liaison_database_restore_backup (self->database_path, backup, error) &&
         liaison_app_open_database (self, error);
}
