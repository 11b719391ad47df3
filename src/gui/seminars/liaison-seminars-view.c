/* liaison-seminars-view.c
 *
 * The online seminar series: every seminar in order of its start, grouped
 * by month, each with its start in New York and in Tokyo side by side
 * (with the weekday, which often differs), its length, speakers, status
 * and registrants. A seminar opens in its form; the schedule, or one
 * seminar, exports to iCalendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-ical.h"
#include "liaison-invitation.h"
#include "liaison-menu-button.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-seminar-editor.h"
#include "liaison-seminars-view.h"
#include "liaison-seminars.h"
#include "liaison-time-zones.h"

struct _LiaisonSeminarsView
{
  AdwBin              parent_instance;

  LiaisonDatabase    *database;
  LiaisonRecordList  *seminars;
  GtkSortListModel   *sections;
  GSettings          *settings;

  AdwWindowTitle     *title;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwToastOverlay    *toasts;
  gboolean            scroll_pending;
};

G_DEFINE_FINAL_TYPE (LiaisonSeminarsView, liaison_seminars_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
language (void)
{
  const char * const *names = g_get_language_names ();

  return g_str_has_prefix (names[0], "ja") ? "ja" : "en";
}

static char *
planning_zone (LiaisonSeminarsView *self)
{
  return g_settings_get_string (self->settings, "planning-time-zone");
}

static char *
audience_zone (LiaisonSeminarsView *self)
{
  return g_settings_get_string (self->settings, "audience-time-zone");
}

/* The month a seminar starts in, in the planning zone: the section key */
static char *
month_key (LiaisonRecord       *seminar,
           LiaisonSeminarsView *self)
{
  g_autofree char *zone = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) there = NULL;

  if (seminar == NULL)
    return g_strdup ("");

  zone = planning_zone (self);
  tz = g_time_zone_new_identifier (zone);
  utc = g_date_time_new_from_unix_utc (liaison_record_get_integer (seminar, "start_utc") / 1000);
  there = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (there, "%Y-%m");
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 LiaisonSeminarsView      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                LiaisonSeminarsView      *self)
{
  LiaisonRecord *seminar = gtk_list_header_get_item (header);
  g_autofree char *zone = planning_zone (self);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) there = NULL;
  g_autofree char *text = NULL;

  if (seminar == NULL)
    return;

  utc = g_date_time_new_from_unix_utc (liaison_record_get_integer (seminar, "start_utc") / 1000);
  there = g_date_time_to_timezone (utc, tz);
  /* Translators: a month heading, as strftime: "November 2026"; in Japanese "%Y年%-m月" */
  text = g_date_time_format (there, C_("month heading", "%B %Y"));
  gtk_label_set_text (GTK_LABEL (gtk_list_header_get_child (header)), text);
}

typedef struct
{
  GtkLabel *title;
  GtkLabel *planning;
  GtkLabel *audience;
  GtkLabel *details;
} RowWidgets;

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LiaisonSeminarsView      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *times = adw_wrap_box_new ();
  RowWidgets *row = g_new0 (RowWidgets, 1);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  row->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->title, 0);
  gtk_label_set_ellipsize (row->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->title), "heading");

  row->planning = GTK_LABEL (gtk_label_new (NULL));
  row->audience = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->planning, 0);
  gtk_label_set_xalign (row->audience, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row->planning), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row->audience), "numeric");
  /* Side by side where they fit, one under the other where they do not */
  adw_wrap_box_set_child_spacing (ADW_WRAP_BOX (times), 18);
  adw_wrap_box_set_line_spacing (ADW_WRAP_BOX (times), 3);
  adw_wrap_box_append (ADW_WRAP_BOX (times), GTK_WIDGET (row->planning));
  adw_wrap_box_append (ADW_WRAP_BOX (times), GTK_WIDGET (row->audience));

  row->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->details, 0);
  gtk_label_set_wrap (row->details, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "caption");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->title));
  gtk_box_append (GTK_BOX (box), times);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->details));

  g_object_set_data_full (G_OBJECT (box), "row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LiaisonSeminarsView      *self)
{
  LiaisonRecord *seminar = gtk_list_item_get_item (item);
  RowWidgets *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "row");
  g_autofree char *planning = planning_zone (self);
  g_autofree char *audience = audience_zone (self);
  g_autofree char *planning_place = liaison_time_zone_dup_place_name (planning);
  g_autofree char *audience_place = liaison_time_zone_dup_place_name (audience);
  g_autofree char *planning_time = NULL;
  g_autofree char *audience_time = NULL;
  g_autofree char *planning_text = NULL;
  g_autofree char *audience_text = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) speakers = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  LiaisonRegistrantCounts counts;
  const char *status;
  gint64 start;

  if (seminar == NULL || self->database == NULL)
    return;

  start = liaison_record_get_integer (seminar, "start_utc");
  title = liaison_seminar_dup_title (seminar, language ());
  planning_time = liaison_format_instant (start, planning, language ());
  audience_time = liaison_format_instant (start, audience, language ());
  /* Translators: a place, then a date and time there: "New York: Fri, Nov 27, 2026, 7:00 PM EST" */
  planning_text = g_strdup_printf (_("%s: %s"), planning_place, planning_time);
  audience_text = g_strdup_printf (_("%s: %s"), audience_place, audience_time);

  gtk_label_set_text (row->title, title);
  gtk_label_set_text (row->planning, planning_text);
  gtk_label_set_text (row->audience, audience_text);

  status = liaison_field_choice_label (liaison_record_type_find_field (&liaison_seminar_type, "status"),
                                       liaison_record_get_text (seminar, "status"));
  liaison_seminar_count_registrants (self->database, liaison_record_get_uuid (seminar), &counts);
  speakers = liaison_seminar_dup_speakers (self->database, seminar, language ());

  g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                                liaison_record_get_integer (seminar, "duration")),
                          (guint) liaison_record_get_integer (seminar, "duration"));
  g_string_append (details, " · ");
  g_string_append (details, status != NULL ? status : "");
  if (speakers != NULL && speakers[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", speakers);

      g_string_append (details, " · ");
      g_string_append (details, names);
    }
  g_string_append (details, " · ");
  g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u registered", "%u registered", counts.registered),
                          counts.registered);
  if (counts.attended > 0)
    {
      g_string_append (details, ", ");
      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u attended", "%u attended", counts.attended),
                              counts.attended);
    }

  gtk_label_set_text (row->details, details->str);

  if (g_str_equal (liaison_record_get_text (seminar, "status"), "cancelled"))
    gtk_widget_add_css_class (GTK_WIDGET (row->title), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->title), "dim-label");
}

static void
update_count (LiaisonSeminarsView *self)
{
  guint n = self->seminars != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->seminars)) : 0;
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u seminar", "%u seminars", n), n);

  adw_window_title_set_subtitle (self->title, n > 0 ? subtitle : "");
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/**
 * liaison_seminars_view_open:
 * @self: the view
 * @seminar: (nullable): a seminar, or %NULL for a new one
 *
 * Returns: (transfer none): the form, presented
 */
AdwDialog *
liaison_seminars_view_open (LiaisonSeminarsView *self,
                            LiaisonRecord       *seminar)
{
  g_autofree char *planning = NULL;
  g_autofree char *audience = NULL;
  LiaisonSeminarEditor *editor;

  g_return_val_if_fail (LIAISON_IS_SEMINARS_VIEW (self), NULL);

  if (self->database == NULL)
    return NULL;

  planning = planning_zone (self);
  audience = audience_zone (self);
  editor = liaison_seminar_editor_new (self->database, seminar, planning, audience);
  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (self));

  return ADW_DIALOG (editor);
}

static void
activate_cb (LiaisonSeminarsView *self,
             guint                position)
{
  g_autoptr(LiaisonRecord) seminar = g_list_model_get_item (G_LIST_MODEL (self->sections), position);

  liaison_seminars_view_open (self, seminar);
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  liaison_seminars_view_open (LIAISON_SEMINARS_VIEW (widget), NULL);
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LiaisonSeminarsView) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->database == NULL)
    return;

  if (!liaison_ical_export_file (self->database, NULL, language (), path, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Schedule exported")));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonSeminarsView *self = LIAISON_SEMINARS_VIEW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_suffix (filter, "ics");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _("Export Schedule"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  /* Translators: the name of the exported calendar file */
  gtk_file_dialog_set_initial_name (dialog, _("JLGC seminars.ics"));
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        export_chosen_cb, g_object_ref (self));
}

/* A registrant or speaker changed: the rows count and name them */
static void zones_changed_cb (LiaisonSeminarsView *self);

static void
record_changed_cb (LiaisonSeminarsView *self,
                   const char          *record_type)
{
  if (g_str_equal (record_type, "registrant") || g_str_equal (record_type, "speaker"))
    zones_changed_cb (self);
}

static void
zones_changed_cb (LiaisonSeminarsView *self)
{
  /* Every row shows both zones: draw them again */
  if (self->sections != NULL)
    g_list_model_items_changed (G_LIST_MODEL (self->sections), 0,
                                g_list_model_get_n_items (G_LIST_MODEL (self->sections)),
                                g_list_model_get_n_items (G_LIST_MODEL (self->sections)));
}

/* The list opens at the next seminar, past ones above it */
static void
scroll_to_upcoming (LiaisonSeminarsView *self)
{
  gint64 now = g_get_real_time () / 1000;
  guint n;

  if (self->sections == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonRecord) seminar = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (liaison_record_get_integer (seminar, "start_utc") + liaison_record_get_integer (seminar, "duration") * 60000 >= now)
        {
          gtk_list_view_scroll_to (self->list_view, i, GTK_LIST_SCROLL_NONE, NULL);
          return;
        }
    }

  if (n > 0)
    gtk_list_view_scroll_to (self->list_view, n - 1, GTK_LIST_SCROLL_NONE, NULL);
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  LiaisonSeminarsView *self = user_data;

  scroll_to_upcoming (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* Once the list is on screen, it can be scrolled. */
static void
list_mapped_cb (LiaisonSeminarsView *self)
{
  if (!self->scroll_pending)
    return;

  self->scroll_pending = FALSE;
  g_idle_add (scroll_idle_cb, g_object_ref (self));
}

/**
 * liaison_seminars_view_set_database:
 * @self: the view
 * @database: (nullable): a database
 *
 * Shows the seminars of @database.
 */
void
liaison_seminars_view_set_database (LiaisonSeminarsView *self,
                                    LiaisonDatabase     *database)
{
  g_autoptr(GtkSorter) section_sorter = NULL;
  GtkExpression *expression;

  g_return_if_fail (LIAISON_IS_SEMINARS_VIEW (self));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, record_changed_cb, self);
  g_set_object (&self->database, database);

  g_clear_object (&self->seminars);
  if (database != NULL)
    {
      self->seminars = liaison_record_list_new (database, &liaison_seminar_type);
      g_signal_connect_object (database, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->seminars, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
    }

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (month_key), self, NULL);
  section_sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  g_clear_object (&self->sections);
  self->sections = gtk_sort_list_model_new (self->seminars != NULL ? g_object_ref (G_LIST_MODEL (self->seminars)) : NULL,
                                            NULL);
  gtk_sort_list_model_set_section_sorter (self->sections, section_sorter);

  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sections)));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  }

  update_count (self);
  self->scroll_pending = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    list_mapped_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

LiaisonDatabase *
liaison_seminars_view_get_database (LiaisonSeminarsView *self)
{
  g_return_val_if_fail (LIAISON_IS_SEMINARS_VIEW (self), NULL);

  return self->database;
}

/**
 * liaison_seminars_view_get_model:
 * @self: the view
 *
 * Returns: (transfer none): the seminars as the list shows them
 */
GListModel *
liaison_seminars_view_get_model (LiaisonSeminarsView *self)
{
  g_return_val_if_fail (LIAISON_IS_SEMINARS_VIEW (self), NULL);

  return G_LIST_MODEL (self->sections);
}

static void
liaison_seminars_view_dispose (GObject *object)
{
  LiaisonSeminarsView *self = LIAISON_SEMINARS_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->sections);
  g_clear_object (&self->seminars);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (liaison_seminars_view_parent_class)->dispose (object);
}

static void
liaison_seminars_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaisonSeminarsView *self = LIAISON_SEMINARS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_seminars_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaisonSeminarsView *self = LIAISON_SEMINARS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      liaison_seminars_view_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_seminars_view_class_init (LiaisonSeminarsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_seminars_view_dispose;
  object_class->get_property = liaison_seminars_view_get_property;
  object_class->set_property = liaison_seminars_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, LIAISON_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "seminars.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "seminars.export", NULL, export_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "seminars.new", NULL);
}

static void
liaison_seminars_view_init (LiaisonSeminarsView *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *new_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *empty_button = gtk_button_new_with_mnemonic (_("_New Seminar"));
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *header_factory = gtk_signal_list_item_factory_new ();

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::planning-time-zone", G_CALLBACK (zones_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::audience-time-zone", G_CALLBACK (zones_changed_cb), self, G_CONNECT_SWAPPED);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Seminars"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "seminars.new");
  gtk_widget_set_tooltip_text (new_button, _("New Seminar"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), new_button);

  g_menu_append (menu, _("_Export Schedule…"), "seminars.export");
  liaison_menu_button_set_menu_later (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("More Actions"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);
  /* Set from the start, as the toolbar view sets it once allocated: a
   * class that changes later restyles the whole list below. */
  gtk_widget_add_css_class (toolbar, "undershoot-top");

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_header_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_header_factory (self->list_view, header_factory);
  g_object_unref (header_factory);
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Seminars"), -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->list_view, "map", G_CALLBACK (list_mapped_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "liaison-seminars-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Seminars"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Plan the first seminar of the series: its time is shown in New York and in Tokyo."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (empty_button), "seminars.new");
  gtk_widget_set_halign (empty_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (empty_button, "pill");
  gtk_widget_add_css_class (empty_button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), empty_button);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->toasts));
  adw_bin_set_child (ADW_BIN (self), toolbar);

  liaison_seminars_view_set_database (self, NULL);
}
