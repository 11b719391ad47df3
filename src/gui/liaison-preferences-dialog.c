/* liaison-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-preferences-dialog.h"
#include "liaison-sync.h"
#include "liaison-time-zones.h"

struct _LiaisonPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;
  char                 *database_path;

  /* The IANA identifiers offered, in the order of the combo rows' items */
  GStrv                 zones;

  /* Template widgets */
  AdwComboRow          *planning_zone_row;
  AdwComboRow          *audience_zone_row;
  AdwActionRow         *database_row;
  AdwActionRow         *folder_row;
  GtkWidget            *stop_button;
  AdwEntryRow          *name_row;
  LiaisonDatabase      *database;
};

G_DEFINE_FINAL_TYPE (LiaisonPreferencesDialog, liaison_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DATABASE_PATH,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

AdwDialog *
liaison_preferences_dialog_new (GSettings       *settings,
                                const char      *database_path,
                                LiaisonDatabase *database)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LIAISON_TYPE_PREFERENCES_DIALOG,
                       "settings", settings,
                       "database-path", database_path,
                       "database", database,
                       NULL);
}

static void
update_folder (LiaisonPreferencesDialog *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "sync-folder");
  g_autofree char *display = g_filename_display_name (folder);

  adw_action_row_set_subtitle (self->folder_row, folder[0] != '\0' ? display : _("None: this desktop does not sync"));
  gtk_widget_set_visible (self->stop_button, folder[0] != '\0');
}

static void
folder_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LiaisonPreferencesDialog) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, &error);
  if (folder == NULL)
    return;

  path = g_file_get_path (folder);
  if (path == NULL)
    {
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                        adw_toast_new (_("Only a folder on this computer or a mounted network share can be used.")));
      return;
    }

  g_settings_set_string (self->settings, "sync-folder", path);
}

static void
choose_clicked_cb (LiaisonPreferencesDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_dialog_set_title (dialog, _("Choose the Shared Folder"));
  gtk_file_dialog_select_folder (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 NULL, folder_chosen_cb, g_object_ref (self));
}

static void
stop_clicked_cb (LiaisonPreferencesDialog *self)
{
  g_settings_set_string (self->settings, "sync-folder", "");
}

static void
name_applied_cb (LiaisonPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;

  if (!liaison_sync_set_name (self->database, gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error))
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (error->message));
}

static gboolean
zone_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  LiaisonPreferencesDialog *self = user_data;
  const char *zone = g_variant_get_string (variant, NULL);

  for (guint i = 0; self->zones[i] != NULL; i++)
    {
      if (g_str_equal (self->zones[i], zone))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_zone (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  LiaisonPreferencesDialog *self = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length (self->zones))
    return NULL;

  return g_variant_new_string (self->zones[position]);
}

/* The built-in zones, plus whatever valid zone the settings hold that is
 * not among them (set with gsettings, say), so that it is shown rather
 * than silently replaced. */
static void
liaison_preferences_dialog_collect_zones (LiaisonPreferencesDialog *self)
{
  static const char *keys[] = { "planning-time-zone", "audience-time-zone" };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_builtin = liaison_time_zones_get_n_builtin ();

  for (guint i = 0; i < n_builtin; i++)
    g_strv_builder_add (builder, liaison_time_zones_get_builtin (i));

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *zone = g_settings_get_string (self->settings, keys[k]);
      gboolean known = FALSE;

      for (guint i = 0; i < n_builtin && !known; i++)
        known = g_str_equal (zone, liaison_time_zones_get_builtin (i));

      if (!known && liaison_time_zone_validate (zone, NULL))
        g_strv_builder_add (builder, zone);
    }

  self->zones = g_strv_builder_end (builder);
}

static void
bind_zone_row (LiaisonPreferencesDialog *self,
               AdwComboRow              *row,
               GListModel               *names,
               const char               *key)
{
  g_autoptr(GtkExpression) expression = NULL;

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (row, expression);
  adw_combo_row_set_model (row, names);

  g_settings_bind_with_mapping (self->settings, key,
                                row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                zone_to_position,
                                position_to_zone,
                                self, NULL);
}

static void
liaison_preferences_dialog_constructed (GObject *object)
{
  LiaisonPreferencesDialog *self = (LiaisonPreferencesDialog *)object;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  G_OBJECT_CLASS (liaison_preferences_dialog_parent_class)->constructed (object);

  liaison_preferences_dialog_collect_zones (self);

  for (guint i = 0; self->zones[i] != NULL; i++)
    {
      g_autofree char *name = liaison_time_zone_dup_display_name (self->zones[i], now);

      gtk_string_list_append (names, name != NULL ? name : self->zones[i]);
    }

  bind_zone_row (self, self->planning_zone_row, G_LIST_MODEL (names), "planning-time-zone");
  bind_zone_row (self, self->audience_zone_row, G_LIST_MODEL (names), "audience-time-zone");

  adw_action_row_set_subtitle (self->database_row, self->database_path);

  update_folder (self);
  g_signal_connect_object (self->settings, "changed::sync-folder", G_CALLBACK (update_folder), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), self->database != NULL);
  if (self->database != NULL)
    {
      g_autofree char *name = liaison_sync_dup_name (self->database);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
    }
}

static void
liaison_preferences_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (liaison_preferences_dialog_parent_class)->dispose (object);
}

static void
liaison_preferences_dialog_finalize (GObject *object)
{
  LiaisonPreferencesDialog *self = (LiaisonPreferencesDialog *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->zones, g_strfreev);

  G_OBJECT_CLASS (liaison_preferences_dialog_parent_class)->finalize (object);
}

static void
liaison_preferences_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  LiaisonPreferencesDialog *self = LIAISON_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_preferences_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  LiaisonPreferencesDialog *self = LIAISON_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;

    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_preferences_dialog_class_init (LiaisonPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_preferences_dialog_constructed;
  object_class->dispose = liaison_preferences_dialog_dispose;
  object_class->finalize = liaison_preferences_dialog_finalize;
  object_class->get_property = liaison_preferences_dialog_get_property;
  object_class->set_property = liaison_preferences_dialog_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LIAISON_TYPE_DATABASE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jlgc/Liaison/liaison-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesDialog, planning_zone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesDialog, audience_zone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesDialog, database_row);
}

static void
liaison_preferences_dialog_init (LiaisonPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
