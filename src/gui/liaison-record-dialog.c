/* liaison-record-dialog.c
 *
 * A small dialog that adds one record that belongs to another: a review
 * of an application, an entry of an activity log. Its rows come from the
 * record type's fields; Add saves it, and is offered only once the record
 * can be saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-record-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-field-rows.h"
#include "liaison-record-dialog.h"
#include "liaison-tooltip.h"

struct _LiaisonRecordDialog
{
  AdwDialog         parent_instance;

  LiaisonDatabase  *database;
  LiaisonFieldRows *rows;
  GtkWidget        *add_button;
  GtkWidget        *problem_label;
};

G_DEFINE_FINAL_TYPE (LiaisonRecordDialog, liaison_record_dialog, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (LiaisonRecordDialog *self)
{
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;

  if (liaison_field_rows_check (self->rows, &problem) &&
      !liaison_record_validate (liaison_field_rows_get_record (self->rows), &error))
    problem = g_strdup (error->message);

  gtk_widget_set_sensitive (self->add_button, problem == NULL);
  liaison_widget_update_tooltip (self->add_button, problem);
  gtk_label_set_text (GTK_LABEL (self->problem_label), problem != NULL ? problem : "");
}

static void
add_clicked_cb (LiaisonRecordDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!liaison_database_save (self->database, liaison_field_rows_get_record (self->rows), &error))
    {
      gtk_label_set_text (GTK_LABEL (self->problem_label), error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
liaison_record_dialog_finalize (GObject *object)
{
  LiaisonRecordDialog *self = (LiaisonRecordDialog *)object;

  g_clear_object (&self->rows);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (liaison_record_dialog_parent_class)->finalize (object);
}

static void
liaison_record_dialog_class_init (LiaisonRecordDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_record_dialog_finalize;

  /**
   * LiaisonRecordDialog::saved:
   *
   * Emitted once the record was saved.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
liaison_record_dialog_init (LiaisonRecordDialog *self)
{
}

/**
 * liaison_record_dialog_new:
 * @database: where the record goes
 * @record: a new record, with its links set
 * @title: the dialog's title
 * @fields: the fields to ask for
 *
 * Returns: (transfer floating): the dialog
 */
AdwDialog *
liaison_record_dialog_new (LiaisonDatabase    *database,
                           LiaisonRecord      *record,
                           const char         *title,
                           const char * const *fields)
{
  LiaisonRecordDialog *self;
  GtkWidget *toolbar_view;
  GtkWidget *header;
  GtkWidget *cancel;
  GtkWidget *page;
  GtkWidget *group;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LIAISON_IS_RECORD (record), NULL);

  self = g_object_new (LIAISON_TYPE_RECORD_DIALOG,
                       "title", title,
                       "content-width", 480,
                       NULL);
  self->database = g_object_ref (database);
  self->rows = liaison_field_rows_new (database, record);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (adw_dialog_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  for (guint i = 0; fields[i] != NULL; i++)
    liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), fields[i]);
  self->problem_label = g_object_new (GTK_TYPE_LABEL,
                                      "wrap", TRUE,
                                      "xalign", 0.0f,
                                      "margin-top", 12,
                                      NULL);
  gtk_widget_add_css_class (self->problem_label, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->problem_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  toolbar_view = adw_toolbar_view_new ();
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), header);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), page);
  adw_dialog_set_child (ADW_DIALOG (self), toolbar_view);
  adw_dialog_set_default_widget (ADW_DIALOG (self), self->add_button);

  g_signal_connect_object (self->rows, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return ADW_DIALOG (self);
}

LiaisonRecord *
liaison_record_dialog_get_record (LiaisonRecordDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_RECORD_DIALOG (self), NULL);

  return liaison_field_rows_get_record (self->rows);
}

GtkWidget *
liaison_record_dialog_get_row (LiaisonRecordDialog *self,
                               const char          *field)
{
  g_return_val_if_fail (LIAISON_IS_RECORD_DIALOG (self), NULL);

  return liaison_field_rows_get_row (self->rows, field);
}
