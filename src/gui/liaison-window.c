/* liaison-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-app.h"
#include "liaison-conflicts-dialog.h"
#include "liaison-menu-button.h"
#include "liaison-sync-controller.h"
#include "liaison-applicant-editor.h"
#include "liaison-fellowship-view.h"
#include "liaison-seminars-view.h"
#include "liaison-style-ahead.h"
#include "liaison-window.h"

struct _LiaisonWindow
{
  AdwApplicationWindow   parent_instance;

  GSettings             *settings;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  AdwNavigationPage      *content_page;
  GtkListBox             *sidebar;
  GtkStack               *stack;
  GtkMenuButton          *primary_menu_button;
  GMenuModel             *primary_menu;
  AdwToastOverlay        *toast_overlay;
  GtkWidget              *sync_button;
  GtkWidget              *sync_icon;
  GtkLabel               *sync_label;
  GtkLabel               *sync_details;
  GtkWidget              *conflicts_button;
  LiaisonSyncController  *sync;
  LiaisonFellowshipView  *fellowship_view;
  LiaisonSeminarsView    *seminars_view;
  GBinding               *seminars_binding;

  GBinding               *database_binding;
  gboolean                closing;
};

G_DEFINE_FINAL_TYPE (LiaisonWindow, liaison_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages other than the Fellowship view are made the first time they
 * are shown, so that the first frame does not wait for them. */

static GtkWidget *
coming_page_new (const char *icon_name,
                 const char *title,
                 const char *description)
{
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  GtkWidget *status_page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page), description);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), status_page);

  return toolbar_view;
}

static void
bind_seminars (LiaisonWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_clear_pointer (&self->seminars_binding, g_binding_unbind);
  if (self->seminars_view == NULL || !LIAISON_IS_APP (application))
    return;

  self->seminars_binding = g_object_bind_property (application, "database",
                                                   self->seminars_view, "database",
                                                   G_BINDING_SYNC_CREATE);
  g_object_add_weak_pointer (G_OBJECT (self->seminars_binding), (gpointer *) &self->seminars_binding);
}

static GtkWidget *
page_new (LiaisonWindow *self,
          const char    *name)
{
  if (g_str_equal (name, "seminars"))
    {
      self->seminars_view = g_object_new (LIAISON_TYPE_SEMINARS_VIEW, NULL);
      bind_seminars (self);
      return GTK_WIDGET (self->seminars_view);
    }

  if (g_str_equal (name, "overview"))
    return coming_page_new ("liaison-overview-symbolic",
                            _("What Is Coming Up"),
                            _("Upcoming seminars, application deadlines and sister-city anniversaries will be gathered here, so that the week ahead can be seen at a glance."));

  if (g_str_equal (name, "affiliations"))
    return coming_page_new ("liaison-affiliations-symbolic",
                            _("Sister States and Cities"),
                            _("Affiliations between Japanese prefectures and municipalities and their partners in the United States and Canada will be kept here, with contacts on both sides, exchanges and coming anniversaries."));

  if (g_str_equal (name, "partners"))
    return coming_page_new ("liaison-partners-symbolic",
                            _("Partner Organizations"),
                            _("Partner organizations in the United States, Canada and Japan will be listed here, with their contacts, conferences and the history of the relationship."));

  g_return_val_if_reached (NULL);
}

static void
visible_page_cb (LiaisonWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  if (ADW_IS_BIN (child) && adw_bin_get_child (ADW_BIN (child)) == NULL)
    adw_bin_set_child (ADW_BIN (child), page_new (self, name));
}

static GtkWidget *
sidebar_row_new (GtkStackPage *page)
{
  GtkWidget *row;
  GtkWidget *box;

  box = g_object_new (GTK_TYPE_BOX,
                      "spacing", 12,
                      NULL);
  gtk_box_append (GTK_BOX (box),
                  gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page)));
  gtk_box_append (GTK_BOX (box),
                  g_object_new (GTK_TYPE_LABEL,
                                "label", gtk_stack_page_get_title (page),
                                "xalign", 0.0f,
                                "ellipsize", PANGO_ELLIPSIZE_END,
                                NULL));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, gtk_stack_page_get_name (page));

  return row;
}

static void
liaison_window_populate_sidebar (LiaisonWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GtkStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      gtk_list_box_append (self->sidebar, sidebar_row_new (page));
    }
}

static GtkListBoxRow *
liaison_window_find_row (LiaisonWindow *self,
                         const char    *page)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (gtk_widget_get_name (child), page) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
sidebar_row_activated_cb (LiaisonWindow *self,
                          GtkListBoxRow *row)
{
  g_assert (LIAISON_IS_WINDOW (self));
  g_assert (GTK_IS_LIST_BOX_ROW (row));

  liaison_window_set_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
show_page_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  liaison_window_set_page (self, g_variant_get_string (parameter, NULL));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
close_after_save_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LiaisonWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Not saved: the person chose to open the applicant already there, or
   * to go on with this one */
  if (!liaison_applicant_editor_save_finish (LIAISON_APPLICANT_EDITOR (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
close_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   LiaisonWindow  *self)
{
  GtkWidget *editor = liaison_fellowship_view_get_editor (self->fellowship_view);

  if (g_str_equal (response, "cancel"))
    return;

  /* Saved as the Save button saves: a new applicant checked first */
  if (g_str_equal (response, "save") && editor != NULL)
    {
      liaison_applicant_editor_save_async (LIAISON_APPLICANT_EDITOR (editor), close_after_save_cb,
                                           g_object_ref (self));
      return;
    }

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Asks before closing on changes that are not saved. */
static gboolean
ask_about_changes (LiaisonWindow *self)
{
  GtkWidget *editor = liaison_fellowship_view_get_editor (self->fellowship_view);
  AdwDialog *dialog;

  if (self->closing || editor == NULL || !liaison_applicant_editor_is_modified (LIAISON_APPLICANT_EDITOR (editor)))
    return FALSE;

  dialog = liaison_applicant_editor_new_unsaved_dialog (LIAISON_APPLICANT_EDITOR (editor));
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));

  return TRUE;
}

static gboolean
liaison_window_close_request (GtkWindow *window)
{
  LiaisonWindow *self = LIAISON_WINDOW (window);
  int width;
  int height;

  if (ask_about_changes (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (liaison_window_parent_class)->close_request (window);
}

/* Sync */

static LiaisonDatabase *
get_database (LiaisonWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return LIAISON_IS_APP (application) ? liaison_app_get_database (LIAISON_APP (application)) : NULL;
}

static void
sync_status_cb (LiaisonWindow *self)
{
  guint n_conflicts = liaison_sync_controller_get_n_conflicts (self->sync);
  g_autofree char *label = NULL;

  if (n_conflicts > 0)
    /* Translators: the sync's status, then how many fields are in conflict */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u conflict", "%s · %u conflicts", n_conflicts),
                             liaison_sync_controller_get_status (self->sync), n_conflicts);
  else
    label = g_strdup (liaison_sync_controller_get_status (self->sync));

  gtk_label_set_text (self->sync_label, label);
  gtk_label_set_text (self->sync_details, liaison_sync_controller_get_details (self->sync));
  gtk_widget_set_visible (self->conflicts_button, n_conflicts > 0);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->sync_icon),
                                liaison_sync_controller_get_failed (self->sync) || n_conflicts > 0
                                ? "dialog-warning-symbolic" : "liaison-sync-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
show_conflicts (LiaisonWindow *self,
                const char    *summary)
{
  LiaisonDatabase *database = get_database (self);

  if (database == NULL)
    return;

  adw_dialog_present (liaison_conflicts_dialog_new (database, summary), GTK_WIDGET (self));
}

static void
conflicts_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_conflicts (LIAISON_WINDOW (widget), NULL);
}

static void
details_clicked_cb (AdwToast      *toast,
                    LiaisonWindow *self)
{
  show_conflicts (self, g_object_get_data (G_OBJECT (toast), "summary"));
}

static void
show_summary (LiaisonWindow            *self,
              const char               *source,
              const LiaisonSyncSummary *summary)
{
  g_autofree char *text = liaison_sync_summary_to_string (summary);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: where the changes came from, then what they were */
  title = g_strdup_printf (_("%s: %s"), source, text);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "summary", g_steal_pointer (&title), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (details_clicked_cb), self, 0);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
folder_imported_cb (LiaisonWindow            *self,
                    const LiaisonSyncSummary *summary)
{
  show_summary (self, _("Sync folder"), summary);
}

static void
show_sync_error (LiaisonWindow *self,
                 const char    *heading,
                 const GError  *error)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, error->message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LiaisonWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LiaisonSyncSummary summary = { 0 };

  if (!liaison_sync_controller_run_finish (LIAISON_SYNC_CONTROLLER (object), result, &summary, &error))
    {
      show_sync_error (self, _("The Sync File Was Not Imported"), error);
      return;
    }

  show_summary (self, g_object_get_data (G_OBJECT (self), "import-name"), &summary);
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LiaisonWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  g_object_set_data_full (G_OBJECT (self), "import-name", g_file_get_basename (file), g_free);
  liaison_sync_controller_run_async (self->sync, LIAISON_SYNC_IMPORT, path, imported_cb, g_object_ref (self));
}

static GListModel *
json_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Sync Files"));
  gtk_file_filter_add_suffix (filter, "json");
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

static void
import_sync_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = json_filters ();

  gtk_file_dialog_set_title (dialog, _("Import Sync File"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, import_chosen_cb, g_object_ref (self));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LiaisonWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!liaison_sync_controller_run_finish (LIAISON_SYNC_CONTROLLER (object), result, NULL, &error))
    {
      show_sync_error (self, _("The Sync File Was Not Saved"), error);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Sync file saved")));
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LiaisonWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  liaison_sync_controller_run_async (self->sync, LIAISON_SYNC_EXPORT, path, exported_cb, g_object_ref (self));
}

static void
export_sync_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = json_filters ();
  LiaisonDatabase *database = get_database (self);
  g_autofree char *name = database != NULL ? liaison_sync_dup_name (database) : g_strdup ("");
  g_autofree char *file_name = NULL;

  /* Translators: the name of a sync file; %s is the desktop's name */
  file_name = name[0] != '\0' ? g_strdup_printf (_("Liaison sync %s.json"), name) : g_strdup (_("Liaison sync.json"));

  gtk_file_dialog_set_title (dialog, _("Export Sync File"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_initial_name (dialog, file_name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_chosen_cb, g_object_ref (self));
}

static void
set_sync (LiaisonWindow         *self,
          LiaisonSyncController *sync)
{
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);

  g_set_object (&self->sync, sync);
  gtk_widget_set_visible (self->sync_button, sync != NULL);

  if (sync == NULL)
    return;

  g_signal_connect_object (sync, "notify::status", G_CALLBACK (sync_status_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sync, "notify::n-conflicts", G_CALLBACK (sync_status_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sync, "imported", G_CALLBACK (folder_imported_cb), self, G_CONNECT_SWAPPED);
  sync_status_cb (self);
}

/* The views show the application's database, whenever there is one. */
static void
application_changed_cb (LiaisonWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_clear_pointer (&self->database_binding, g_binding_unbind);
  g_clear_pointer (&self->seminars_binding, g_binding_unbind);
  set_sync (self, LIAISON_IS_APP (application) ? liaison_app_get_sync (LIAISON_APP (application)) : NULL);

  if (LIAISON_IS_APP (application))
    {
      self->database_binding = g_object_bind_property (application, "database",
                                                       self->fellowship_view, "database",
                                                       G_BINDING_SYNC_CREATE);
      g_object_add_weak_pointer (G_OBJECT (self->database_binding), (gpointer *) &self->database_binding);
      bind_seminars (self);
    }
}

static void
liaison_window_constructed (GObject *object)
{
  LiaisonWindow *self = (LiaisonWindow *)object;
  g_autofree char *page = NULL;

  G_OBJECT_CLASS (liaison_window_parent_class)->constructed (object);

  self->settings = g_settings_new (BASE_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "selected-page");
  liaison_window_set_page (self, page);

  /* Only now: the stack showed its first page while it was being built. */
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);
  visible_page_cb (self);
}

static void
liaison_window_dispose (GObject *object)
{
  LiaisonWindow *self = (LiaisonWindow *)object;

  g_signal_handlers_disconnect_by_func (self, application_changed_cb, NULL);
  g_clear_pointer (&self->database_binding, g_binding_unbind);
  g_clear_pointer (&self->seminars_binding, g_binding_unbind);
  set_sync (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_WINDOW);

  G_OBJECT_CLASS (liaison_window_parent_class)->dispose (object);
}

static void
liaison_window_finalize (GObject *object)
{
  LiaisonWindow *self = (LiaisonWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (liaison_window_parent_class)->finalize (object);
}

static void
liaison_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, liaison_window_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      liaison_window_set_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_window_class_init (LiaisonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = liaison_window_constructed;
  object_class->dispose = liaison_window_dispose;
  object_class->finalize = liaison_window_finalize;
  object_class->get_property = liaison_window_get_property;
  object_class->set_property = liaison_window_set_property;

  window_class->close_request = liaison_window_close_request;

  /**
   * LiaisonWindow:page:
   *
   * The name of the page shown: "overview", "fellowship", "affiliations",
   * "seminars" or "partners".
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jlgc/Liaison/liaison-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, fellowship_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sync_icon);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sync_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sync_details);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, conflicts_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import-sync", NULL, import_sync_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-sync", NULL, export_sync_action_cb);
  gtk_widget_class_install_action (widget_class, "win.conflicts", NULL, conflicts_action_cb);
}

static void
liaison_window_init (LiaisonWindow *self)
{
  g_type_ensure (LIAISON_TYPE_FELLOWSHIP_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  liaison_menu_button_set_menu_later (self->primary_menu_button, self->primary_menu);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  liaison_window_populate_sidebar (self);
  liaison_style_ahead_watch (GTK_WINDOW (self));
}

/**
 * liaison_window_get_page:
 * @self: a #LiaisonWindow
 *
 * Returns: the name of the page shown
 */
const char *
liaison_window_get_page (LiaisonWindow *self)
{
  g_return_val_if_fail (LIAISON_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * liaison_window_set_page:
 * @self: a #LiaisonWindow
 * @page: the name of a page
 *
 * Shows @page, selects it in the sidebar and remembers it for the next
 * start. An unknown name is ignored with a warning.
 */
void
liaison_window_set_page (LiaisonWindow *self,
                         const char    *page)
{
  GtkWidget *child;

  g_return_if_fail (LIAISON_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  child = gtk_stack_get_child_by_name (self->stack, page);
  if (child == NULL)
    {
      g_warning ("No page called “%s”", page);
      return;
    }

  gtk_list_box_select_row (self->sidebar, liaison_window_find_row (self, page));
  adw_navigation_page_set_title (self->content_page,
                                 gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)));

  if (g_strcmp0 (page, gtk_stack_get_visible_child_name (self->stack)) == 0)
    return;

  gtk_stack_set_visible_child (self->stack, child);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "selected-page", page);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
database_error_response_cb (AdwAlertDialog *dialog,
                            const char     *response,
                            LiaisonWindow  *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "restore") && backup != NULL)
    {
      if (liaison_app_restore_backup (LIAISON_APP (application), backup, &error))
        {
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("The backup was restored. The damaged database was kept beside it.")));
          return;
        }

      liaison_window_show_database_error (self, error->message, NULL);
      return;
    }

  g_application_quit (G_APPLICATION (application));
}

/**
 * liaison_window_show_database_error:
 * @self: a #LiaisonWindow
 * @message: why the database cannot be opened
 * @backup: (nullable): the newest backup of it, if there is one
 *
 * Tells the user that the database cannot be opened, and offers to put
 * the backup in its place. The damaged file is never overwritten.
 */
void
liaison_window_show_database_error (LiaisonWindow *self,
                                    const char    *message,
                                    const char    *backup)
{
  AdwDialog *dialog;
  g_autofree char *body = NULL;

  g_return_if_fail (LIAISON_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  if (backup != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (backup);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autoptr(GDateTime) modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
      /* Translators: a date as strftime() writes it, for when a backup was made */
      g_autofree char *date = modified != NULL ? g_date_time_format (modified, _("%Y-%m-%d %H:%M")) : g_strdup ("");

      /* Translators: the reason the database cannot be opened, then the date of a backup */
      body = g_strdup_printf (_("%s\n\nA backup made on %s can take its place. The damaged file will be kept beside it."),
                              message, date);
    }
  else
    body = g_strdup (message);

  dialog = adw_alert_dialog_new (_("Cannot Open the Database"), body);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "quit", _("_Quit"));
  if (backup != NULL)
    {
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "restore", _("_Restore Backup"));
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "restore");
      g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (backup), g_free);
    }
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "quit");

  g_signal_connect_object (dialog, "response", G_CALLBACK (database_error_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}
