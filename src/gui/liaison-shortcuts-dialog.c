/* liaison-shortcuts-dialog.c
 *
 * The list of keyboard shortcuts. GtkShortcutsWindow is deprecated as of
 * GTK 4.18 and AdwShortcutsDialog needs libadwaita 1.8, newer than the
 * platform Liaison is written against, hence this small dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-shortcuts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-shortcuts-dialog.h"

struct _LiaisonShortcutsDialog
{
  AdwDialog            parent_instance;

  GtkApplication      *application;

  /* Template widgets */
  AdwPreferencesPage  *page;
};

G_DEFINE_FINAL_TYPE (LiaisonShortcutsDialog, liaison_shortcuts_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is listed. The keys are read from the application when an action is
 * named, so that the list shows what is really bound. */
static const struct {
  const char *group;
  const char *title;
  const char *action;
  const char *accel;
} shortcuts[] = {
  { N_("General"), N_("Show Preferences"), "app.preferences", NULL },
  { N_("General"), N_("Show Keyboard Shortcuts"), "app.shortcuts", NULL },
  { N_("General"), N_("Open Main Menu"), NULL, "F10" },
  { N_("General"), N_("Close Window"), "window.close", NULL },
  { N_("General"), N_("Quit"), "app.quit", NULL },
  { N_("Pages"), N_("Go to Overview"), "win.show-page::overview", NULL },
  { N_("Pages"), N_("Go to Fellowship"), "win.show-page::fellowship", NULL },
  { N_("Pages"), N_("Go to Sister Cities"), "win.show-page::affiliations", NULL },
  { N_("Pages"), N_("Go to Seminars"), "win.show-page::seminars", NULL },
  { N_("Pages"), N_("Go to Partners"), "win.show-page::partners", NULL },
  { N_("Lists"), N_("New Record"), NULL, "<Control>n" },
  { N_("Lists"), N_("Search"), NULL, "<Control>f" },
  { N_("Lists"), N_("Select All"), NULL, "<Control>a" },
  { N_("Lists"), N_("Delete the Selected"), NULL, "Delete" },
  { N_("Lists"), N_("Undo the Last Deletion"), NULL, "<Control>z" },
  { N_("Lists"), N_("Save the Record Open"), NULL, "<Control>s" },
};

AdwDialog *
liaison_shortcuts_dialog_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (LIAISON_TYPE_SHORTCUTS_DIALOG,
                       "application", application,
                       NULL);
}

static GtkWidget *
keys_new (const char * const *accels)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "spacing", 6,
                                 "valign", GTK_ALIGN_CENTER,
                                 NULL);

  for (guint i = 0; accels[i] != NULL; i++)
    {
      guint key;
      GdkModifierType mods;
      g_autofree char *label = NULL;
      GtkWidget *keycap;

      if (!gtk_accelerator_parse (accels[i], &key, &mods))
        continue;

      label = gtk_accelerator_get_label (key, mods);
      keycap = gtk_label_new (label);
      gtk_widget_add_css_class (keycap, "keycap");
      gtk_box_append (GTK_BOX (box), keycap);
    }

  return box;
}

static void
liaison_shortcuts_dialog_constructed (GObject *object)
{
  LiaisonShortcutsDialog *self = (LiaisonShortcutsDialog *)object;
  AdwPreferencesGroup *group = NULL;
  const char *group_title = NULL;

  G_OBJECT_CLASS (liaison_shortcuts_dialog_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_auto(GStrv) accels = NULL;
      const char *fixed[] = { shortcuts[i].accel, NULL };
      AdwActionRow *row;

      if (shortcuts[i].action != NULL)
        accels = gtk_application_get_accels_for_action (self->application,
                                                        shortcuts[i].action);

      if (accels != NULL && accels[0] == NULL)
        continue;

      if (g_strcmp0 (group_title, shortcuts[i].group) != 0)
        {
          group_title = shortcuts[i].group;
          group = g_object_new (ADW_TYPE_PREFERENCES_GROUP,
                                "title", _(group_title),
                                NULL);
          adw_preferences_page_add (self->page, group);
        }

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", _(shortcuts[i].title),
                          NULL);
      adw_action_row_add_suffix (row,
                                 keys_new (accels != NULL ? (const char * const *) accels : fixed));
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
}

static void
liaison_shortcuts_dialog_dispose (GObject *object)
{
  LiaisonShortcutsDialog *self = (LiaisonShortcutsDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_SHORTCUTS_DIALOG);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (liaison_shortcuts_dialog_parent_class)->dispose (object);
}

static void
liaison_shortcuts_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LiaisonShortcutsDialog *self = LIAISON_SHORTCUTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_shortcuts_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  LiaisonShortcutsDialog *self = LIAISON_SHORTCUTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_shortcuts_dialog_class_init (LiaisonShortcutsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_shortcuts_dialog_constructed;
  object_class->dispose = liaison_shortcuts_dialog_dispose;
  object_class->get_property = liaison_shortcuts_dialog_get_property;
  object_class->set_property = liaison_shortcuts_dialog_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         GTK_TYPE_APPLICATION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jlgc/Liaison/liaison-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonShortcutsDialog, page);
}

static void
liaison_shortcuts_dialog_init (LiaisonShortcutsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
