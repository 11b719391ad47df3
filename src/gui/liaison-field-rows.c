/* liaison-field-rows.c
 *
 * Rows that edit the fields of a record, made from the record type's
 * table of fields: an entry row for text and dates, a spin row for
 * numbers, a switch row for yes and no, a combo row for choices, places and
 * organizations. Each change goes into the record at once and is checked
 * as it is typed; a row whose value is not acceptable is marked, with the
 * reason as its tooltip. Every view's editor is made of these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-field-rows"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-field-rows.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-reference.h"
#include "liaison-sight-group.h"
#include "liaison-tooltip.h"

typedef struct
{
  const LiaisonField *field;
  GtkWidget          *row;
  GtkTextBuffer      *buffer;    /* several lines: the text view's */
  GStrv               values;    /* combo rows: the stored value of each item */
  char               *problem;   /* why the value is not acceptable, or NULL */
} FieldRow;

struct _LiaisonFieldRows
{
  GObject          parent_instance;

  LiaisonDatabase *database;
  LiaisonRecord   *record;
  GPtrArray       *rows;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (LiaisonFieldRows, liaison_field_rows, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_row_free (FieldRow *row)
{
  g_strfreev (row->values);
  g_free (row->problem);
  g_free (row);
}

static gboolean
prefers_japanese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "ja");
}

/* Lists of one value a line are edited as one line, comma-separated. */
static gboolean
is_list (const LiaisonField *field)
{
  return field->kind == LIAISON_FIELD_EMAILS ||
         field->kind == LIAISON_FIELD_PHONES ||
         field->kind == LIAISON_FIELD_TAGS;
}

static char *
text_for_entry (const LiaisonField *field,
                const char         *value)
{
  if (is_list (field))
    {
      g_auto(GStrv) items = g_strsplit (value, "\n", -1);

      return g_strjoinv (", ", items);
    }

  if (field->kind == LIAISON_FIELD_LOCAL_TIME && strlen (value) > 10)
    return g_strdup_printf ("%.10s %s", value, value + 11);

  return g_strdup (value);
}

static char *
value_from_entry (const LiaisonField *field,
                  const char         *text)
{
  if (is_list (field))
    {
      g_auto(GStrv) items = g_strsplit_set (text, ",;\n", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) result = NULL;

      for (guint i = 0; items[i] != NULL; i++)
        {
          g_strstrip (items[i]);
          if (items[i][0] != '\0')
            g_strv_builder_add (kept, items[i]);
        }

      result = g_strv_builder_end (kept);
      return g_strjoinv ("\n", result);
    }

  if (field->kind == LIAISON_FIELD_LOCAL_TIME)
    {
      g_autofree char *copy = g_strstrip (g_strdup (text));

      if (strlen (copy) == 16 && copy[10] == ' ')
        copy[10] = 'T';
      return g_steal_pointer (&copy);
    }

  return g_strdup (text);
}

static FieldRow *
find_row (LiaisonFieldRows *self,
          const char       *name)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->field->name, name))
        return row;
    }

  return NULL;
}

static void
check_row (LiaisonFieldRows *self,
           FieldRow         *row)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&row->problem, g_free);

  if (!liaison_record_validate_field (self->record, row->field->name, &error))
    row->problem = g_strdup (error->message);

  if (row->problem != NULL)
    gtk_widget_add_css_class (row->row, "error");
  else
    gtk_widget_remove_css_class (row->row, "error");

  liaison_widget_update_tooltip (row->row, row->problem);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, row->problem != NULL ? row->problem : "",
                                  -1);
}

static void
changed (LiaisonFieldRows *self,
         FieldRow         *row)
{
  check_row (self, row);
  g_signal_emit (self, signals[CHANGED], 0, row->field->name);
}

static void
entry_changed_cb (GtkEditable      *editable,
                  LiaisonFieldRows *self)
{
  FieldRow *row = g_object_get_data (G_OBJECT (editable), "liaison-field-row");
  g_autofree char *value = NULL;

  if (self->updating)
    return;

  value = value_from_entry (row->field, gtk_editable_get_text (editable));
  liaison_record_set_text (self->record, row->field->name, value);
  changed (self, row);
}

static void
buffer_changed_cb (GtkTextBuffer    *buffer,
                   LiaisonFieldRows *self)
{
  FieldRow *row = g_object_get_data (G_OBJECT (buffer), "liaison-field-row");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  liaison_record_set_text (self->record, row->field->name, text);
  changed (self, row);
}

/* A row for text of several lines: its title above a text view. */
static GtkWidget *
long_text_row_new (FieldRow *row)
{
  GtkWidget *preferences_row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                             "activatable", FALSE,
                                             NULL);
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 6,
                                 "margin-top", 8,
                                 "margin-bottom", 10,
                                 "margin-start", 12,
                                 "margin-end", 12,
                                 NULL);
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                   "label", liaison_field_get_label (row->field),
                                   "xalign", 0.0f,
                                   NULL);
  GtkWidget *view = g_object_new (GTK_TYPE_TEXT_VIEW,
                                  "wrap-mode", GTK_WRAP_WORD_CHAR,
                                  "accepts-tab", FALSE,
                                  "height-request", 60,
                                  "top-margin", 6,
                                  "bottom-margin", 6,
                                  "left-margin", 6,
                                  "right-margin", 6,
                                  NULL);

  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (view, "card");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (preferences_row), box);

  row->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_object_set_data (G_OBJECT (row->buffer), "liaison-field-row", row);

  return preferences_row;
}

static void
spin_changed_cb (AdwSpinRow       *spin,
                 GParamSpec       *pspec,
                 LiaisonFieldRows *self)
{
  FieldRow *row = g_object_get_data (G_OBJECT (spin), "liaison-field-row");

  if (self->updating)
    return;

  liaison_record_set_integer (self->record, row->field->name, (gint64) adw_spin_row_get_value (spin));
  changed (self, row);
}

static void
switch_changed_cb (AdwSwitchRow     *switch_row,
                   GParamSpec       *pspec,
                   LiaisonFieldRows *self)
{
  FieldRow *row = g_object_get_data (G_OBJECT (switch_row), "liaison-field-row");

  if (self->updating)
    return;

  liaison_record_set_boolean (self->record, row->field->name, adw_switch_row_get_active (switch_row));
  changed (self, row);
}

static void
combo_changed_cb (AdwComboRow      *combo,
                  GParamSpec       *pspec,
                  LiaisonFieldRows *self)
{
  FieldRow *row = g_object_get_data (G_OBJECT (combo), "liaison-field-row");
  guint selected = adw_combo_row_get_selected (combo);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  liaison_record_set_text (self->record, row->field->name, row->values[selected]);
  changed (self, row);
}

/* The items of a combo row: what is shown, and what is stored. */
static GtkStringList *
combo_items (LiaisonFieldRows  *self,
             const LiaisonField *field,
             GStrv              *values_out)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  GtkStringList *labels = gtk_string_list_new (NULL);

  if ((field->flags & LIAISON_FIELD_REQUIRED) == 0 || field->kind != LIAISON_FIELD_CHOICE)
    {
      /* Translators: the choice of nothing in a list, e.g. no host prefecture yet */
      gtk_string_list_append (labels, _("None"));
      g_strv_builder_add (values, "");
    }

  switch (field->kind)
    {
    case LIAISON_FIELD_CHOICE:
      for (guint i = 0; field->choices[i].value != NULL; i++)
        {
          gtk_string_list_append (labels, liaison_choice_get_label (&field->choices[i]));
          g_strv_builder_add (values, field->choices[i].value);
        }
      break;

    case LIAISON_FIELD_PREFECTURE:
      for (guint i = 0; i < liaison_reference_get_n_prefectures (); i++)
        {
          const LiaisonPrefecture *prefecture = liaison_reference_get_prefecture (i);

          gtk_string_list_append (labels, prefers_japanese () ? prefecture->name_ja : prefecture->name_en);
          g_strv_builder_add (values, prefecture->code);
        }
      break;

    case LIAISON_FIELD_SUBDIVISION:
      for (guint i = 0; i < liaison_reference_get_n_subdivisions (); i++)
        {
          const LiaisonSubdivision *subdivision = liaison_reference_get_subdivision (i);
          /* Translators: a state or province, then its code, e.g. "New Jersey (US-NJ)" */
          g_autofree char *label = g_strdup_printf (_("%s (%s)"), subdivision->name, subdivision->code);

          gtk_string_list_append (labels, label);
          g_strv_builder_add (values, subdivision->code);
        }
      break;

    case LIAISON_FIELD_LINK:
      {
        g_autoptr(LiaisonRecordList) records = NULL;
        const LiaisonRecordType *type = liaison_record_type_find (field->link_type);
        guint n;

        if (type == NULL || self->database == NULL)
          break;

        records = liaison_record_list_new (self->database, type);
        n = g_list_model_get_n_items (G_LIST_MODEL (records));
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(LiaisonRecord) record = g_list_model_get_item (G_LIST_MODEL (records), i);
            g_autofree char *title = liaison_record_dup_title (record);

            gtk_string_list_append (labels, title);
            g_strv_builder_add (values, liaison_record_get_uuid (record));
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  *values_out = g_strv_builder_end (values);
  return labels;
}

static gboolean
is_combo (const LiaisonField *field)
{
  return field->kind == LIAISON_FIELD_CHOICE ||
         field->kind == LIAISON_FIELD_PREFECTURE ||
         field->kind == LIAISON_FIELD_SUBDIVISION ||
         field->kind == LIAISON_FIELD_LINK;
}

/**
 * liaison_field_rows_refresh:
 * @self: a #LiaisonFieldRows
 * @field: (nullable): a field, or %NULL for all of them
 *
 * Shows the record's value again, after it was changed in code.
 */
void
liaison_field_rows_refresh (LiaisonFieldRows *self,
                            const char       *field)
{
  g_return_if_fail (LIAISON_IS_FIELD_ROWS (self));

  self->updating = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      const char *name = row->field->name;

      if (field != NULL && !g_str_equal (field, name))
        continue;

      /* Laid out again with what it shows now */
      liaison_sight_group_unfold_around (row->row);

      if (row->field->kind == LIAISON_FIELD_INTEGER)
        adw_spin_row_set_value (ADW_SPIN_ROW (row->row), liaison_record_get_integer (self->record, name));
      else if (row->field->kind == LIAISON_FIELD_BOOLEAN)
        adw_switch_row_set_active (ADW_SWITCH_ROW (row->row), liaison_record_get_boolean (self->record, name));
      else if (is_combo (row->field))
        {
          const char *value = liaison_record_get_text (self->record, name);
          guint position = 0;

          for (guint j = 0; row->values[j] != NULL; j++)
            if (g_str_equal (row->values[j], value))
              position = j;
          adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), position);
        }
      else if (row->buffer != NULL)
        gtk_text_buffer_set_text (row->buffer, liaison_record_get_text (self->record, name), -1);
      else
        {
          g_autofree char *text = text_for_entry (row->field, liaison_record_get_text (self->record, name));

          gtk_editable_set_text (GTK_EDITABLE (row->row), text);
        }

      check_row (self, row);
    }

  self->updating = FALSE;
}

/**
 * liaison_field_rows_add:
 * @self: a #LiaisonFieldRows
 * @group: where the row goes
 * @field: the name of a field of the record's type
 *
 * Returns: (transfer none): the row, added to @group
 */
GtkWidget *
liaison_field_rows_add (LiaisonFieldRows    *self,
                        AdwPreferencesGroup *group,
                        const char          *name)
{
  const LiaisonField *field;
  FieldRow *row;

  g_return_val_if_fail (LIAISON_IS_FIELD_ROWS (self), NULL);
  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  field = liaison_record_type_find_field (liaison_record_get_record_type (self->record), name);
  g_return_val_if_fail (field != NULL, NULL);

  row = g_new0 (FieldRow, 1);
  row->field = field;

  switch (field->kind)
    {
    case LIAISON_FIELD_INTEGER:
      row->row = adw_spin_row_new_with_range (MIN (field->minimum, 0), field->maximum, 1);
      g_signal_connect_object (row->row, "notify::value", G_CALLBACK (spin_changed_cb), self, 0);
      break;

    case LIAISON_FIELD_BOOLEAN:
      row->row = adw_switch_row_new ();
      g_signal_connect_object (row->row, "notify::active", G_CALLBACK (switch_changed_cb), self, 0);
      break;

    case LIAISON_FIELD_CHOICE:
    case LIAISON_FIELD_PREFECTURE:
    case LIAISON_FIELD_SUBDIVISION:
    case LIAISON_FIELD_LINK:
      {
        g_autoptr(GtkStringList) labels = combo_items (self, field, &row->values);
        g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

        row->row = adw_combo_row_new ();
        adw_combo_row_set_expression (ADW_COMBO_ROW (row->row), expression);
        adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (labels));
        adw_combo_row_set_enable_search (ADW_COMBO_ROW (row->row),
                                         g_list_model_get_n_items (G_LIST_MODEL (labels)) > 12);
        g_signal_connect_object (row->row, "notify::selected", G_CALLBACK (combo_changed_cb), self, 0);
      }
      break;

    case LIAISON_FIELD_LONG_TEXT:
      row->row = long_text_row_new (row);
      g_signal_connect_object (row->buffer, "changed", G_CALLBACK (buffer_changed_cb), self, 0);
      break;

    default:
      row->row = adw_entry_row_new ();
      g_signal_connect_object (row->row, "changed", G_CALLBACK (entry_changed_cb), self, 0);
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), liaison_field_get_label (field));
  if ((field->flags & LIAISON_FIELD_REQUIRED) != 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  if (field->kind == LIAISON_FIELD_DATE)
    {
      /* Translators: how a date is typed; shown beside the field's name */
      g_autofree char *title = g_strdup_printf (_("%s (YYYY-MM-DD)"), liaison_field_get_label (field));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
    }

  g_object_set_data (G_OBJECT (row->row), "liaison-field-row", row);
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (group, row->row);

  liaison_field_rows_refresh (self, name);

  return row->row;
}

/**
 * liaison_field_rows_get_row:
 * @self: a #LiaisonFieldRows
 * @field: the name of a field
 *
 * Returns: (transfer none) (nullable): the row of @field
 */
GtkWidget *
liaison_field_rows_get_row (LiaisonFieldRows *self,
                            const char       *field)
{
  FieldRow *row;

  g_return_val_if_fail (LIAISON_IS_FIELD_ROWS (self), NULL);

  row = find_row (self, field);
  return row != NULL ? row->row : NULL;
}

/**
 * liaison_field_rows_check:
 * @self: a #LiaisonFieldRows
 * @first_problem: (out) (optional) (transfer full): what is wrong with the
 *   first row that is not acceptable
 *
 * Returns: %TRUE if every row's value is acceptable
 */
gboolean
liaison_field_rows_check (LiaisonFieldRows  *self,
                          char             **first_problem)
{
  g_return_val_if_fail (LIAISON_IS_FIELD_ROWS (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      check_row (self, row);
      if (row->problem != NULL)
        {
          if (first_problem != NULL)
            *first_problem = g_strdup (row->problem);
          return FALSE;
        }
    }

  return TRUE;
}

LiaisonRecord *
liaison_field_rows_get_record (LiaisonFieldRows *self)
{
  g_return_val_if_fail (LIAISON_IS_FIELD_ROWS (self), NULL);

  return self->record;
}

static void
liaison_field_rows_finalize (GObject *object)
{
  LiaisonFieldRows *self = (LiaisonFieldRows *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (liaison_field_rows_parent_class)->finalize (object);
}

static void
liaison_field_rows_class_init (LiaisonFieldRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_field_rows_finalize;

  /**
   * LiaisonFieldRows::changed:
   * @self: the rows
   * @field: the name of the field the user changed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
liaison_field_rows_init (LiaisonFieldRows *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
}

/**
 * liaison_field_rows_new:
 * @database: (nullable): the database, for the choices of links
 * @record: the record edited
 *
 * Returns: (transfer full): rows for @record, none made yet
 */
LiaisonFieldRows *
liaison_field_rows_new (LiaisonDatabase *database,
                        LiaisonRecord   *record)
{
  LiaisonFieldRows *self;

  g_return_val_if_fail (LIAISON_IS_RECORD (record), NULL);

  self = g_object_new (LIAISON_TYPE_FIELD_ROWS, NULL);
  self->database = database != NULL ? g_object_ref (database) : NULL;
  self->record = g_object_ref (record);

  return self;
}
