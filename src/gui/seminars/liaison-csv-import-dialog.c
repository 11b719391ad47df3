/* liaison-csv-import-dialog.c
 *
 * A seminar's registrant list imported from a CSV file, as a registration
 * form exports it. The file is chosen and read (a spinner meanwhile), then
 * shown before anything is written: how it was encoded, which of its
 * columns became which of Liaison's and which were left out, and each row
 * with what importing it would do (a new person, someone already there, a
 * registration already there, a repeat of an earlier row, or invalid and
 * why). The rows checked are imported in one transaction, or none are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-csv-import-dialog.h"
#include "liaison-invitation.h"
#include "liaison-records.h"

struct _LiaisonCsvImportDialog
{
  AdwDialog         parent_instance;

  LiaisonDatabase  *database;
  LiaisonRecord    *seminar;
  LiaisonCsvImport *import;       /* the file shown, or being read */
  GCancellable     *cancellable;
  GFile            *file;
  GArray           *chosen;       /* a gboolean for each row of the file */
  GtkStringList    *rows;         /* an item for each row, for the list */
  gboolean          loading;

  AdwWindowTitle   *window_title;
  AdwBanner        *banner;
  GtkStack         *stack;
  GtkWidget        *choose_button;
  GtkWidget        *import_button;
  GtkLabel         *loading_label;
  AdwStatusPage    *error_page;
  AdwBin           *summary_bin;
  GtkLabel         *totals_label;
  GtkListView      *list_view;
};

G_DEFINE_FINAL_TYPE (LiaisonCsvImportDialog, liaison_csv_import_dialog, ADW_TYPE_DIALOG)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const LiaisonCsvRowStatus all_statuses[] = {
  LIAISON_CSV_ROW_NEW,
  LIAISON_CSV_ROW_MATCH,
  LIAISON_CSV_ROW_DUPLICATE,
  LIAISON_CSV_ROW_REPEATED,
  LIAISON_CSV_ROW_INVALID,
};

static const char *
language (void)
{
  const char * const *names = g_get_language_names ();

  return g_str_has_prefix (names[0], "ja") ? "ja" : "en";
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return base != NULL ? g_filename_display_name (base) : g_file_get_parse_name (file);
}

static gboolean
is_chosen_at_first (LiaisonCsvRowStatus status)
{
  return status == LIAISON_CSV_ROW_NEW ||
         status == LIAISON_CSV_ROW_MATCH ||
         status == LIAISON_CSV_ROW_DUPLICATE;
}

static const char *
status_style (LiaisonCsvRowStatus status)
{
  switch (status)
    {
    case LIAISON_CSV_ROW_NEW:
      return "success";
    case LIAISON_CSV_ROW_MATCH:
    case LIAISON_CSV_ROW_DUPLICATE:
      return "accent";
    case LIAISON_CSV_ROW_REPEATED:
      return "warning";
    case LIAISON_CSV_ROW_INVALID:
    default:
      return "error";
    }
}

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

/* The name a row gives, as the person would be shown */
static char *
row_name (LiaisonCsvImport *import,
          guint             row)
{
  const char *full = nonnull (liaison_csv_import_get_row_value (import, row, "full_name"));
  const char *family = nonnull (liaison_csv_import_get_row_value (import, row, "family_name"));
  const char *given = nonnull (liaison_csv_import_get_row_value (import, row, "given_name"));

  if (full[0] != '\0')
    return g_strdup (full);
  if (given[0] == '\0')
    return g_strdup (family);
  if (family[0] == '\0')
    return g_strdup (given);
  if (liaison_text_has_japanese (family))
    return g_strdup_printf ("%s %s", family, given);

  return g_strdup_printf ("%s %s", given, family);
}

static char *
row_details (LiaisonCsvImport *import,
             guint             row)
{
  const char *email = nonnull (liaison_csv_import_get_row_value (import, row, "emails"));
  const char *government = nonnull (liaison_csv_import_get_row_value (import, row, "local_government"));

  if (email[0] != '\0' && government[0] != '\0')
    return g_strconcat (email, " · ", government, NULL);

  return g_strdup (email[0] != '\0' ? email : government);
}

static guint
count_chosen (LiaisonCsvImportDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gboolean, i))
      n++;

  return n;
}

static void
update_import_button (LiaisonCsvImportDialog *self)
{
  guint n = count_chosen (self);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Row", "Import %u Rows", n), n);

  gtk_button_set_label (GTK_BUTTON (self->import_button), label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv-import.import", n > 0 && !self->loading);
}

static void
update_totals (LiaisonCsvImportDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
    {
      guint n = liaison_csv_import_count_rows (self->import, all_statuses[i]);

      if (n == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: what rows of a file are, and how many: "New: 3" */
      g_string_append_printf (text, _("%s: %u"), liaison_csv_row_status_get_label (all_statuses[i]), n);
    }

  gtk_label_set_text (self->totals_label, text->str);
}

static void
show_page (LiaisonCsvImportDialog *self,
           const char             *name)
{
  gboolean preview = g_str_equal (name, "preview");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->import_button, preview);
  gtk_widget_set_visible (self->choose_button, preview || g_str_equal (name, "error"));
  if (!preview)
    adw_banner_set_revealed (self->banner, FALSE);
  update_import_button (self);
}

/* The rows of the list */

typedef struct
{
  GtkCheckButton *check;
  GtkLabel       *number;
  GtkLabel       *name;
  GtkLabel       *details;
  GtkLabel       *reason;
  GtkLabel       *status;
} RowWidgets;

static void
check_toggled_cb (GtkCheckButton         *check,
                  LiaisonCsvImportDialog *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (check), "list-item");
  guint position = gtk_list_item_get_position (item);

  if (position >= self->chosen->len)
    return;

  g_array_index (self->chosen, gboolean, position) = gtk_check_button_get_active (check);
  adw_banner_set_revealed (self->banner, FALSE);
  update_import_button (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LiaisonCsvImportDialog   *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  RowWidgets *row = g_new0 (RowWidgets, 1);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  row->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->check), GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row->check), "list-item", item);
  g_signal_connect (row->check, "toggled", G_CALLBACK (check_toggled_cb), self);

  row->number = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->number, 1);
  gtk_label_set_width_chars (row->number, 3);
  gtk_widget_set_valign (GTK_WIDGET (row->number), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->number), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row->number), "dim-label");

  row->name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->name, 0);
  gtk_label_set_ellipsize (row->name, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->name), "heading");

  row->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->details, 0);
  gtk_label_set_ellipsize (row->details, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "dim-label");

  row->reason = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->reason, 0);
  gtk_label_set_wrap (row->reason, TRUE);
  gtk_label_set_wrap_mode (row->reason, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (row->reason), "caption");

  row->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (row->status), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->status), "caption-heading");

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->name));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->details));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->reason));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->number));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->status));

  g_object_set_data_full (G_OBJECT (box), "row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LiaisonCsvImportDialog   *self)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "row");
  guint position = gtk_list_item_get_position (item);
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *details = NULL;
  g_autofree char *check_label = NULL;
  LiaisonCsvRowStatus status;
  const char *reason;

  if (self->import == NULL || position >= liaison_csv_import_get_n_rows (self->import) ||
      position >= self->chosen->len)
    return;

  status = liaison_csv_import_get_row_status (self->import, position);
  reason = liaison_csv_import_get_row_reason (self->import, position);
  number = g_strdup_printf ("%u", liaison_csv_import_get_row_number (self->import, position));
  name = row_name (self->import, position);
  details = row_details (self->import, position);

  gtk_label_set_text (row->number, number);
  gtk_label_set_text (row->name, name[0] != '\0' ? name : "—");
  gtk_label_set_text (row->details, details);
  gtk_widget_set_visible (GTK_WIDGET (row->details), details[0] != '\0');
  gtk_label_set_text (row->reason, nonnull (reason));
  gtk_widget_set_visible (GTK_WIDGET (row->reason), reason != NULL && reason[0] != '\0');

  for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row->status), status_style (all_statuses[i]));
      gtk_widget_remove_css_class (GTK_WIDGET (row->reason), status_style (all_statuses[i]));
    }
  gtk_label_set_text (row->status, liaison_csv_row_status_get_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (row->status), status_style (status));
  if (status == LIAISON_CSV_ROW_INVALID || status == LIAISON_CSV_ROW_REPEATED)
    gtk_widget_add_css_class (GTK_WIDGET (row->reason), status_style (status));

  g_signal_handlers_block_by_func (row->check, check_toggled_cb, self);
  gtk_check_button_set_active (row->check, g_array_index (self->chosen, gboolean, position));
  g_signal_handlers_unblock_by_func (row->check, check_toggled_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (row->check), status != LIAISON_CSV_ROW_INVALID);

  /* Translators: the accessible name of the check box of a row of a file; %u is its number */
  check_label = g_strdup_printf (_("Import row %u"), liaison_csv_import_get_row_number (self->import, position));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->check),
                               status == LIAISON_CSV_ROW_INVALID ? _("This row cannot be imported") : check_label);
}

/* Enter, or a double click, checks a row or clears it. */
static void
row_activated_cb (LiaisonCsvImportDialog *self,
                  guint                   position)
{
  if (position < self->chosen->len)
    liaison_csv_import_dialog_set_row_chosen (self, position,
                                              !g_array_index (self->chosen, gboolean, position));
}

/* The preview */

static GtkWidget *
property_row_new (const char *title,
                  const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "property");

  return row;
}

static GtkWidget *
columns_row_new (LiaisonCsvImportDialog *self)
{
  GtkWidget *expander = adw_expander_row_new ();
  guint n_headers = liaison_csv_import_get_n_headers (self->import);
  guint matched = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < n_headers; i++)
    {
      const LiaisonCsvColumn *column = liaison_csv_import_get_header_column (self->import, i);
      const char *header = liaison_csv_import_get_header (self->import, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *target = gtk_label_new (column != NULL ? liaison_csv_column_get_label (column) : _("Left out"));
      g_autofree char *title = NULL;

      if (header[0] != '\0')
        title = g_strdup (header);
      else
        /* Translators: a column of a file whose first row leaves its name empty */
        title = g_strdup_printf (_("Column %u (no name)"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (target), PANGO_ELLIPSIZE_END);
      if (column != NULL)
        matched++;
      else
        gtk_widget_add_css_class (target, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), target);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Columns"));
  /* Translators: how many of the columns of a file were recognized */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u column matched", "%u of %u columns matched", n_headers),
                              matched, n_headers);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  return expander;
}

static void
show_preview (LiaisonCsvImportDialog *self)
{
  g_autofree char *name = file_display_name (self->file);
  g_autofree char *file_text = NULL;
  g_auto(GStrv) unmatched = liaison_csv_import_dup_unmatched_headers (self->import);
  GtkWidget *list = gtk_list_box_new ();
  guint n_rows = liaison_csv_import_get_n_rows (self->import);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  /* Translators: a file's name, then the text encoding it was read in, e.g. UTF-8 */
  file_text = g_strdup_printf (_("%s, read as %s"), name, nonnull (liaison_csv_import_get_encoding (self->import)));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), property_row_new (_("File"), file_text));
  gtk_list_box_append (GTK_LIST_BOX (list), columns_row_new (self));
  if (unmatched != NULL && unmatched[0] != NULL)
    {
      /* Translators: the separator of a list of column names */
      g_autofree char *joined = g_strjoinv (_(", "), unmatched);

      gtk_list_box_append (GTK_LIST_BOX (list), property_row_new (_("Columns Left Out"), joined));
    }
  adw_bin_set_child (self->summary_bin, list);

  g_array_set_size (self->chosen, n_rows);
  for (guint i = 0; i < n_rows; i++)
    g_array_index (self->chosen, gboolean, i) = is_chosen_at_first (liaison_csv_import_get_row_status (self->import, i));

  /* One item per row; the rows themselves are read from the import. */
  {
    g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < n_rows; i++)
      g_ptr_array_add (numbers, g_strdup_printf ("%u", liaison_csv_import_get_row_number (self->import, i)));
    g_ptr_array_add (numbers, NULL);
    gtk_string_list_splice (self->rows, 0, n_before, (const char * const *) numbers->pdata);
  }

  update_totals (self);
  show_page (self, "preview");
}

/* After a failed import the rows are as the import found them again. */
static void
refresh_preview (LiaisonCsvImportDialog *self)
{
  guint n_rows = liaison_csv_import_get_n_rows (self->import);

  if (self->chosen->len != n_rows)
    {
      show_preview (self);
      return;
    }

  for (guint i = 0; i < n_rows; i++)
    if (liaison_csv_import_get_row_status (self->import, i) == LIAISON_CSV_ROW_INVALID)
      g_array_index (self->chosen, gboolean, i) = FALSE;

  g_list_model_items_changed (G_LIST_MODEL (self->rows), 0, n_rows, n_rows);
  update_totals (self);
  update_import_button (self);
}

static void
show_error (LiaisonCsvImportDialog *self,
            const char             *message)
{
  g_autofree char *name = file_display_name (self->file);
  g_autofree char *description = g_markup_printf_escaped ("<b>%s</b>\n%s", name, message);

  adw_status_page_set_description (self->error_page, description);
  show_page (self, "error");
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LiaisonCsvImportDialog) self = user_data;
  LiaisonCsvImport *import = LIAISON_CSV_IMPORT (object);
  g_autoptr(GError) error = NULL;
  gboolean loaded = liaison_csv_import_load_file_finish (import, result, &error);

  /* Another file was chosen since, or the dialog closed */
  if (import != self->import || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (!loaded)
    show_error (self, error->message);
  else
    show_preview (self);
}

/**
 * liaison_csv_import_dialog_load_file:
 * @self: the dialog
 * @file: a CSV file
 *
 * Reads @file without blocking, then shows what importing it would do; as
 * choosing it would.
 */
void
liaison_csv_import_dialog_load_file (LiaisonCsvImportDialog *self,
                                     GFile                  *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (LIAISON_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->file, file);

  /* A new import for each file: one still being read is left to finish. */
  g_clear_object (&self->import);
  self->import = liaison_csv_import_new_registrants (self->database, liaison_record_get_uuid (self->seminar));
  g_array_set_size (self->chosen, 0);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), NULL);

  name = file_display_name (file);
  /* Translators: %s is a file's name */
  text = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_text (self->loading_label, text);

  self->loading = TRUE;
  show_page (self, "loading");
  liaison_csv_import_load_file_async (self->import, file, self->cancellable, loaded_cb, g_object_ref (self));
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LiaisonCsvImportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  /* Dismissed: what was shown stays. */
  if (file != NULL)
    liaison_csv_import_dialog_load_file (self, file);
}

/**
 * liaison_csv_import_dialog_choose_file:
 * @self: the dialog
 *
 * Asks for the file to import, then loads it.
 */
void
liaison_csv_import_dialog_choose_file (LiaisonCsvImportDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root;

  g_return_if_fail (LIAISON_IS_CSV_IMPORT_DIALOG (self));

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "tsv");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _("Choose a Registrant List"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_file_dialog_open (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        file_chosen_cb, g_object_ref (self));
}

gboolean
liaison_csv_import_dialog_is_loading (LiaisonCsvImportDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT_DIALOG (self), FALSE);

  return self->loading;
}

/**
 * liaison_csv_import_dialog_get_import:
 * @self: the dialog
 *
 * Returns: (transfer none) (nullable): the import shown: its rows and
 *   columns; %NULL before a file is chosen
 */
LiaisonCsvImport *
liaison_csv_import_dialog_get_import (LiaisonCsvImportDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/**
 * liaison_csv_import_dialog_set_row_chosen:
 * @self: the dialog
 * @row: a row of the file, from 0
 * @chosen: whether to import it
 *
 * Checks a row, or clears it, as its check box does. An invalid row
 * cannot be checked.
 *
 * Returns: %TRUE if the row is now as asked
 */
gboolean
liaison_csv_import_dialog_set_row_chosen (LiaisonCsvImportDialog *self,
                                          guint                   row,
                                          gboolean                chosen)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (row < self->chosen->len, FALSE);

  if (chosen && liaison_csv_import_get_row_status (self->import, row) == LIAISON_CSV_ROW_INVALID)
    return FALSE;

  g_array_index (self->chosen, gboolean, row) = chosen;
  g_list_model_items_changed (G_LIST_MODEL (self->rows), row, 1, 1);
  adw_banner_set_revealed (self->banner, FALSE);
  update_import_button (self);

  return TRUE;
}

gboolean
liaison_csv_import_dialog_get_row_chosen (LiaisonCsvImportDialog *self,
                                          guint                   row)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (row < self->chosen->len, FALSE);

  return g_array_index (self->chosen, gboolean, row);
}

guint
liaison_csv_import_dialog_get_n_chosen (LiaisonCsvImportDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT_DIALOG (self), 0);

  return count_chosen (self);
}

/**
 * liaison_csv_import_dialog_import:
 * @self: the dialog
 * @error: return location for a #GError
 *
 * Imports the rows checked, all of them or none, as the Import button
 * does: on success #LiaisonCsvImportDialog::imported is emitted and the
 * dialog closes; on failure the rows are shown as they are now.
 *
 * Returns: %TRUE if the rows were imported
 */
gboolean
liaison_csv_import_dialog_import (LiaisonCsvImportDialog  *self,
                                  GError                 **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_created = 0;
  guint n_updated = 0;

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gboolean, i))
      g_array_append_val (rows, i);

  if (self->import == NULL || self->loading || rows->len == 0)
    {
      g_set_error_literal (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_EMPTY,
                           _("Check the rows to import first."));
      return FALSE;
    }

  if (!liaison_csv_import_apply (self->import, (const guint *) rows->data, rows->len,
                                 &n_created, &n_updated, error))
    {
      refresh_preview (self);
      return FALSE;
    }

  g_signal_emit (self, signals[IMPORTED], 0, n_created, n_updated);
  adw_dialog_close (ADW_DIALOG (self));

  return TRUE;
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonCsvImportDialog *self = LIAISON_CSV_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (liaison_csv_import_dialog_import (self, &error))
    return;

  /* The importer's own errors say that nothing was imported. */
  if (error->domain == LIAISON_CSV_IMPORT_ERROR)
    message = g_strdup (error->message);
  else
    /* Translators: %s is why the rows could not be saved */
    message = g_strdup_printf (_("%s Nothing was imported."), error->message);

  adw_banner_set_title (self->banner, message);
  adw_banner_set_revealed (self->banner, TRUE);
}

static void
choose_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  liaison_csv_import_dialog_choose_file (LIAISON_CSV_IMPORT_DIALOG (widget));
}

static void
liaison_csv_import_dialog_dispose (GObject *object)
{
  LiaisonCsvImportDialog *self = LIAISON_CSV_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  G_OBJECT_CLASS (liaison_csv_import_dialog_parent_class)->dispose (object);
}

static void
liaison_csv_import_dialog_finalize (GObject *object)
{
  LiaisonCsvImportDialog *self = LIAISON_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->rows);
  g_clear_object (&self->seminar);
  g_clear_object (&self->database);
  g_clear_pointer (&self->chosen, g_array_unref);

  G_OBJECT_CLASS (liaison_csv_import_dialog_parent_class)->finalize (object);
}

static void
liaison_csv_import_dialog_class_init (LiaisonCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_csv_import_dialog_dispose;
  object_class->finalize = liaison_csv_import_dialog_finalize;

  /**
   * LiaisonCsvImportDialog::imported:
   * @self: the dialog
   * @n_created: the registrations made
   * @n_updated: the registrations already there that the rows updated
   *
   * Emitted once the rows are imported, before the dialog closes: the
   * one who opened it says so.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "csv-import.choose-file", NULL, choose_action_cb);
  gtk_widget_class_install_action (widget_class, "csv-import.import", NULL, import_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "csv-import.choose-file", NULL);
}

static GtkWidget *
start_page_new (void)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose File…"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Import a Registrant List"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Choose a CSV file, such as a registration form exports. Its first row names the "
                                     "columns, in English or Japanese: the names, and an email address or a local "
                                     "government to recognize people already in Liaison. Nothing is saved before "
                                     "you have seen every row."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "csv-import.choose-file");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (page), button);

  return page;
}

static GtkWidget *
loading_page_new (LiaisonCsvImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = adw_spinner_new ();

  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  self->loading_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->loading_label, TRUE);
  gtk_label_set_justify (self->loading_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->loading_label), "dim-label");
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->loading_label));

  return box;
}

static GtkWidget *
error_page_new (LiaisonCsvImportDialog *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose Another File…"));

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, _("This File Cannot Be Imported"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "csv-import.choose-file");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  adw_status_page_set_child (self->error_page, button);

  return GTK_WIDGET (self->error_page);
}

static GtkWidget *
preview_page_new (LiaisonCsvImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *summary_scroll = gtk_scrolled_window_new ();
  GtkWidget *summary_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  GtkWidget *rows_scroll = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->summary_bin = ADW_BIN (adw_bin_new ());
  self->totals_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->totals_label, 0);
  gtk_label_set_wrap (self->totals_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->totals_label), "heading");

  gtk_widget_set_margin_top (summary_box, 12);
  gtk_widget_set_margin_bottom (summary_box, 12);
  gtk_widget_set_margin_start (summary_box, 12);
  gtk_widget_set_margin_end (summary_box, 12);
  gtk_box_append (GTK_BOX (summary_box), GTK_WIDGET (self->summary_bin));
  gtk_box_append (GTK_BOX (summary_box), GTK_WIDGET (self->totals_label));

  /* The columns, opened, scroll on their own above the rows. */
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (summary_scroll), summary_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (summary_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (summary_scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (summary_scroll), 260);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rows of the File"), -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (rows_scroll), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (rows_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (rows_scroll, TRUE);

  gtk_box_append (GTK_BOX (box), summary_scroll);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), rows_scroll);

  return box;
}

static void
liaison_csv_import_dialog_init (LiaisonCsvImportDialog *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();

  self->chosen = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->rows = gtk_string_list_new (NULL);
  self->cancellable = g_cancellable_new ();

  adw_dialog_set_title (ADW_DIALOG (self), _("Import Registrants"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 720);
  adw_dialog_set_content_height (ADW_DIALOG (self), 680);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import Registrants"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));

  self->choose_button = gtk_button_new_from_icon_name ("document-open-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->choose_button), "csv-import.choose-file");
  gtk_widget_set_tooltip_text (self->choose_button, _("Choose Another File"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->choose_button);

  self->import_button = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "csv-import.import");
  gtk_widget_set_tooltip_text (self->import_button, _("Import the checked rows, all of them or none"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);
  self->banner = ADW_BANNER (adw_banner_new (""));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->banner));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_named (self->stack, start_page_new (), "start");
  gtk_stack_add_named (self->stack, loading_page_new (self), "loading");
  gtk_stack_add_named (self->stack, error_page_new (self), "error");
  gtk_stack_add_named (self->stack, preview_page_new (self), "preview");

  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->stack));
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);

  show_page (self, "start");
}

/**
 * liaison_csv_import_dialog_new:
 * @database: the database to import into
 * @seminar: the seminar the people registered for
 *
 * Returns: (transfer floating): the dialog, showing how to begin; choose
 *   or load a file next
 */
AdwDialog *
liaison_csv_import_dialog_new (LiaisonDatabase *database,
                               LiaisonRecord   *seminar)
{
  LiaisonCsvImportDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LIAISON_IS_SEMINAR (seminar), NULL);

  self = g_object_new (LIAISON_TYPE_CSV_IMPORT_DIALOG, NULL);
  self->database = g_object_ref (database);
  self->seminar = g_object_ref (seminar);

  title = liaison_seminar_dup_title (seminar, language ());
  adw_window_title_set_subtitle (self->window_title, title);

  return ADW_DIALOG (self);
}
