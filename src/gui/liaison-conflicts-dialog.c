/* liaison-conflicts-dialog.c
 *
 * The fields that two desktops changed without seeing each other's
 * change: both values, which desktop and when, and a button to keep one,
 * or a new value typed in. The choice travels to every desktop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-conflicts-dialog.h"
#include "liaison-sync.h"

struct _LiaisonConflictsDialog
{
  AdwDialog        parent_instance;

  LiaisonDatabase *database;
  char            *summary;
  AdwToastOverlay *toasts;
  GtkWidget       *page_bin;
  GPtrArray       *conflicts;
};

G_DEFINE_FINAL_TYPE (LiaisonConflictsDialog, liaison_conflicts_dialog, ADW_TYPE_DIALOG)

static void rebuild (LiaisonConflictsDialog *self);

static void
resolved (LiaisonConflictsDialog *self,
          gboolean                ok,
          const GError           *error)
{
  if (!ok)
    {
      g_debug ("Resolving failed: %s", error != NULL ? error->message : "");
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (error != NULL ? error->message : _("The conflict could not be resolved.")));
      return;
    }

  rebuild (self);
}

static void
use_clicked_cb (GtkButton              *button,
                LiaisonConflictsDialog *self)
{
  LiaisonConflict *conflict = g_object_get_data (G_OBJECT (button), "conflict");
  const char *value = g_object_get_data (G_OBJECT (button), "value");
  g_autoptr(GError) error = NULL;

  resolved (self, liaison_sync_resolve (self->database, conflict, value, &error), error);
}

static void
apply_cb (AdwEntryRow            *row,
          LiaisonConflictsDialog *self)
{
  LiaisonConflict *conflict = g_object_get_data (G_OBJECT (row), "conflict");
  g_autoptr(GError) error = NULL;

  resolved (self,
            liaison_sync_resolve_text (self->database, conflict,
                                       gtk_editable_get_text (GTK_EDITABLE (row)), &error),
            error);
}

static char *
record_title (LiaisonDatabase *database,
              LiaisonConflict *conflict)
{
  g_autoptr(LiaisonRecord) record = liaison_database_get (database, conflict->type, conflict->uuid, NULL);
  g_autofree char *title = record != NULL ? liaison_record_dup_title (record) : NULL;

  /* Translators: a kind of record, then its title, e.g. "Person: Hanako Yamada" */
  return g_strdup_printf (_("%s: %s"), liaison_record_type_get_label (conflict->type),
                          title != NULL && title[0] != '\0' ? title : conflict->uuid);
}

static GtkWidget *
conflict_group (LiaisonConflictsDialog *self,
                LiaisonConflict        *conflict)
{
  GtkWidget *group = adw_preferences_group_new ();
  const LiaisonField *field = liaison_record_type_find_field (conflict->type, conflict->field);
  g_autofree char *title = record_title (self->database, conflict);
  gboolean is_delete = g_str_equal (conflict->field, LIAISON_SYNC_DELETED);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         is_delete
                                         ? _("Deleted on one desktop while it was changed on another")
                                         : field != NULL ? liaison_field_get_label (field) : conflict->field);

  for (guint i = 0; i < conflict->versions->len; i++)
    {
      LiaisonConflictVersion *version = g_ptr_array_index (conflict->versions, i);
      g_autofree char *value = liaison_sync_value_to_display (conflict, version->value);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (version->at / 1000);
      g_autofree char *date = g_date_time_format (when, "%x %X");
      const char *desktop = version->site_name[0] != '\0' ? version->site_name : _("Unnamed desktop");
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (is_delete
                                                     ? (g_str_equal (version->value, "true") ? _("Delete") : _("Keep"))
                                                     : _("Use"));

      if (version->here)
        /* Translators: the name of this desktop, then a date and time */
        subtitle = g_strdup_printf (_("%s (this desktop), %s"), desktop, date);
      else
        /* Translators: the name of a desktop, then a date and time */
        subtitle = g_strdup_printf (_("%s, %s"), desktop, date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "conflict", conflict);
      g_object_set_data_full (G_OBJECT (button), "value", g_strdup (version->value), g_free);
      /* Translators: the accessible name of a button that keeps one value, %s */
      {
        g_autofree char *label = g_strdup_printf (_("Keep “%s”"), value);

        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
      g_signal_connect (button, "clicked", G_CALLBACK (use_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (!is_delete && field != NULL && field->kind != LIAISON_FIELD_BOOLEAN && field->kind != LIAISON_FIELD_CHOICE)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Another Value"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "conflict", conflict);
      g_signal_connect (row, "apply", G_CALLBACK (apply_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
rebuild (LiaisonConflictsDialog *self)
{
  GtkWidget *page;

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = liaison_sync_list_conflicts (self->database);

  if (self->conflicts->len == 0)
    {
      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "object-select-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Conflicts"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                       self->summary != NULL
                                       ? self->summary
                                       : _("Every change from the other desktops has been merged."));
    }
  else
    {
      page = adw_preferences_page_new ();
      adw_preferences_page_set_description (ADW_PREFERENCES_PAGE (page),
                                            _("These fields were changed on two desktops that had not seen each other’s change. "
                                              "Choose the value to keep; every desktop will follow."));
      if (self->summary != NULL)
        {
          GtkWidget *group = adw_preferences_group_new ();

          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), self->summary);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
        }

      for (guint i = 0; i < self->conflicts->len; i++)
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                                  ADW_PREFERENCES_GROUP (conflict_group (self, g_ptr_array_index (self->conflicts, i))));
    }

  adw_bin_set_child (ADW_BIN (self->page_bin), page);
}

static void
liaison_conflicts_dialog_finalize (GObject *object)
{
  LiaisonConflictsDialog *self = LIAISON_CONFLICTS_DIALOG (object);

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->database);
  g_free (self->summary);

  G_OBJECT_CLASS (liaison_conflicts_dialog_parent_class)->finalize (object);
}

static void
liaison_conflicts_dialog_class_init (LiaisonConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_conflicts_dialog_finalize;
}

static void
liaison_conflicts_dialog_init (LiaisonConflictsDialog *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();

  adw_dialog_set_title (ADW_DIALOG (self), _("Sync Conflicts"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 560);
  adw_dialog_set_content_height (ADW_DIALOG (self), 620);

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), adw_header_bar_new ());
  self->page_bin = adw_bin_new ();
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, self->page_bin);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->toasts));
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
}

/**
 * liaison_conflicts_dialog_new:
 * @database: a database
 * @summary: (nullable): what an import just changed, to show above
 *
 * Returns: (transfer floating): a dialog of the conflicts of @database
 */
AdwDialog *
liaison_conflicts_dialog_new (LiaisonDatabase *database,
                              const char      *summary)
{
  LiaisonConflictsDialog *self;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);

  self = g_object_new (LIAISON_TYPE_CONFLICTS_DIALOG, NULL);
  self->database = g_object_ref (database);
  self->summary = g_strdup (summary);
  rebuild (self);

  return ADW_DIALOG (self);
}
