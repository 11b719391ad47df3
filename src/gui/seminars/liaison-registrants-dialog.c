/* liaison-registrants-dialog.c
 *
 * The people registered for one seminar: each with their local
 * government, email address and status, which changes from the list and
 * is saved at once; several chosen together can be marked as attended or
 * as no-shows in one go, or removed (with an Undo). People are added from
 * those already in Liaison, found as they are typed, or made there and
 * then; a registration form's list is imported from CSV. The totals by
 * status stay in view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-registrants-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-csv-import-dialog.h"
#include "liaison-field-rows.h"
#include "liaison-invitation.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-registrants-dialog.h"
#include "liaison-search.h"
#include "liaison-seminars.h"
#include "liaison-tooltip.h"
#include "liaison-undo.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_GOVERNMENT,
  COLUMN_EMAIL,
  COLUMN_STATUS,
  COLUMN_REMOVE,
  N_COLUMNS
} Column;

static const char *column_titles[N_COLUMNS] = {
  NC_("registrants column", "Name"),
  NC_("registrants column", "Local Government"),
  NC_("registrants column", "Email"),
  NC_("registrants column", "Status"),
  NULL,
};

/* 0 for a column that takes the room left */
static const int column_widths[N_COLUMNS] = { 0, 150, 190, 150, 56 };

#define MAX_FOUND 30

struct _LiaisonRegistrantsDialog
{
  AdwDialog            parent_instance;

  LiaisonDatabase     *database;
  LiaisonRecord       *seminar;
  LiaisonRecordList   *registrants;
  GtkSortListModel    *sorted;
  GtkMultiSelection   *selection;
  GHashTable          *people;          /* uuid → the person, or NULL, as the list shows them */
  GHashTable          *registered;      /* the uuids of the people registered, for the search */
  GListStore          *found;           /* the people the search found */
  GtkStringList       *status_labels;
  char                *totals_text;

  /* The form of a new person */
  LiaisonRecord       *new_person;
  LiaisonRecord       *new_registrant;
  LiaisonFieldRows    *person_rows;
  LiaisonFieldRows    *registrant_rows;

  AdwToastOverlay     *toasts;
  AdwNavigationView   *navigation;
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkWidget           *totals_bar;
  GtkLabel            *count_labels[4];
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkActionBar        *selection_bar;
  GtkLabel            *selection_label;
  GtkSearchEntry      *search_entry;
  GtkListBox          *found_list;
  GtkLabel            *found_placeholder;
  AdwBin              *person_form;
  GtkWidget           *save_person_button;
};

G_DEFINE_FINAL_TYPE (LiaisonRegistrantsDialog, liaison_registrants_dialog, ADW_TYPE_DIALOG)

typedef struct
{
  LiaisonRegistrantsDialog *dialog;
  Column                    column;
} ColumnData;

static const char *
language (void)
{
  const char * const *names = g_get_language_names ();

  return g_str_has_prefix (names[0], "ja") ? "ja" : "en";
}

static const LiaisonField *
status_field (void)
{
  return liaison_record_type_find_field (&liaison_registrant_type, "status");
}

static guint
status_index (const char *status)
{
  const LiaisonField *field = status_field ();

  for (guint i = 0; field->choices[i].value != NULL; i++)
    if (g_str_equal (field->choices[i].value, status))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
add_toast (LiaisonRegistrantsDialog *self,
           const char               *title)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
}

static void
unref_record (gpointer record)
{
  if (record != NULL)
    g_object_unref (record);
}

/* People as the list shows them; NULL for one that cannot be read */
static LiaisonRecord *
person_of (LiaisonRegistrantsDialog *self,
           LiaisonRecord            *registrant)
{
  const char *uuid = liaison_record_get_text (registrant, "person");
  gpointer person;

  if (uuid[0] == '\0')
    return NULL;

  if (!g_hash_table_lookup_extended (self->people, uuid, NULL, &person))
    {
      person = liaison_database_get (self->database, &liaison_person_type, uuid, NULL);
      g_hash_table_insert (self->people, g_strdup (uuid), person);
    }

  return person;
}

static char *
person_name (LiaisonRecord *person)
{
  g_autofree char *name = person != NULL ? liaison_person_dup_display_name (person) : NULL;

  if (name == NULL || name[0] == '\0')
    return g_strdup (_("Unnamed person"));

  return g_steal_pointer (&name);
}

/* The first of a person's addresses */
static char *
first_email (LiaisonRecord *person)
{
  const char *emails;
  const char *end;

  if (person == NULL)
    return g_strdup ("");

  emails = liaison_record_get_text (person, "emails");
  end = strchr (emails, '\n');

  return end != NULL ? g_strndup (emails, end - emails) : g_strdup (emails);
}

static char *
column_text (LiaisonRegistrantsDialog *self,
             LiaisonRecord            *registrant,
             Column                    column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return person_name (person_of (self, registrant));

    case COLUMN_GOVERNMENT:
      return g_strdup (liaison_record_get_text (registrant, "local_government"));

    case COLUMN_EMAIL:
      return first_email (person_of (self, registrant));

    case COLUMN_STATUS:
      {
        const char *label = liaison_field_choice_label (status_field (), liaison_record_get_text (registrant, "status"));

        return g_strdup (label != NULL ? label : "");
      }

    case COLUMN_REMOVE:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static char *
sort_key_cb (LiaisonRecord *registrant,
             ColumnData    *data)
{
  g_autofree char *text = NULL;

  if (registrant == NULL)
    return g_strdup ("");

  if (data->column == COLUMN_STATUS)
    return g_strdup_printf ("%u", status_index (liaison_record_get_text (registrant, "status")));

  /* People sort by the reading of their names, as everywhere else */
  if (data->column == COLUMN_NAME)
    {
      LiaisonRecord *person = person_of (data->dialog, registrant);
      const char *family;
      const char *given;

      if (person == NULL)
        return g_strdup ("");

      family = liaison_record_get_text (person, "family_name_reading");
      given = liaison_record_get_text (person, "given_name_reading");
      if (family[0] == '\0')
        family = liaison_record_get_text (person, "family_name");
      if (given[0] == '\0')
        given = liaison_record_get_text (person, "given_name");
      text = g_strconcat (family, " ", given, NULL);
    }
  else
    text = column_text (data->dialog, registrant, data->column);

  return liaison_search_normalize (text);
}

/* Saving */

static GPtrArray *
dup_selected (LiaisonRegistrantsDialog *self)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    {
      do
        {
          g_ptr_array_add (records, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
        }
      while (gtk_bitset_iter_next (&iter, &position));
    }

  return records;
}

/* The rows of @uuids chosen again, after a save made them anew */
static void
reselect (LiaisonRegistrantsDialog *self,
          GHashTable               *uuids)
{
  g_autoptr(GtkBitset) rows = gtk_bitset_new_empty ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonRecord) registrant = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_hash_table_contains (uuids, liaison_record_get_uuid (registrant)))
        gtk_bitset_add (rows, i);
    }

  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), rows, rows);
}

/* Gives @registrants (as shown) @status in one transaction; the rows
 * selected stay so. */
static gboolean
set_status (LiaisonRegistrantsDialog  *self,
            GPtrArray                 *registrants,
            const char                *status,
            GError                   **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) shown = dup_selected (self);

  for (guint i = 0; i < registrants->len; i++)
    {
      LiaisonRecord *registrant = g_ptr_array_index (registrants, i);
      LiaisonRecord *copy = liaison_database_get (self->database, &liaison_registrant_type,
                                                  liaison_record_get_uuid (registrant), error);

      if (copy == NULL)
        return FALSE;

      liaison_record_set_text (copy, "status", status);
      g_ptr_array_add (changed, copy);
    }

  for (guint i = 0; i < shown->len; i++)
    g_hash_table_add (selected, g_strdup (liaison_record_get_uuid (g_ptr_array_index (shown, i))));

  if (!liaison_database_save_all (self->database, changed, error))
    return FALSE;

  reselect (self, selected);
  return TRUE;
}

static void
mark_selected (LiaisonRegistrantsDialog *self,
               const char               *status)
{
  g_autoptr(GPtrArray) selected = dup_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint n = selected->len;

  if (n == 0)
    return;

  if (!set_status (self, selected, status, &error))
    {
      add_toast (self, error->message);
      return;
    }

  if (g_str_equal (status, "attended"))
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u registrant marked as attended",
                                         "%u registrants marked as attended", n), n);
  else
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u registrant marked as a no-show",
                                         "%u registrants marked as no-shows", n), n);
  add_toast (self, done);
}

static void
mark_attended_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  mark_selected (LIAISON_REGISTRANTS_DIALOG (widget), "attended");
}

static void
mark_no_show_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  mark_selected (LIAISON_REGISTRANTS_DIALOG (widget), "no-show");
}

static void
undo_remove_cb (AdwToast                 *toast,
                LiaisonRegistrantsDialog *self)
{
  GPtrArray *removed = g_object_get_data (G_OBJECT (toast), "registrants");
  g_autoptr(GError) error = NULL;

  if (!liaison_database_undelete_all (self->database, removed, &error))
    add_toast (self, error->message);
}

static void
remove_registrants (LiaisonRegistrantsDialog *self,
                    GPtrArray                *registrants)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (registrants->len == 0)
    return;

  /* All of them or none, in one transaction */
  if (!liaison_database_delete_all (self->database, registrants, &error))
    {
      add_toast (self, error->message);
      return;
    }

  if (registrants->len == 1)
    {
      g_autofree char *name = person_name (person_of (self, g_ptr_array_index (registrants, 0)));

      /* Translators: %s is a person's name */
      title = g_strdup_printf (_("%s removed"), name);
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u registrant removed", "%u registrants removed",
                                          registrants->len),
                             registrants->len);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "registrants", g_ptr_array_ref (registrants),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  liaison_undo_offer (GTK_WIDGET (self), "registrants.undo", toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  liaison_undo_activate (widget);
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (widget);
  g_autoptr(GPtrArray) selected = dup_selected (self);

  remove_registrants (self, selected);
}

static void
remove_one_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (widget);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  LiaisonRecord *registrant = liaison_database_get (self->database, &liaison_registrant_type,
                                                    g_variant_get_string (parameter, NULL), &error);

  if (registrant == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  g_ptr_array_add (records, registrant);
  remove_registrants (self, records);
}

/* The cells of the list */

typedef struct
{
  LiaisonRegistrantsDialog *dialog;
  char                     *uuid;
  char                     *status;
} StatusChange;

static void
status_change_free (StatusChange *change)
{
  g_object_unref (change->dialog);
  g_free (change->uuid);
  g_free (change->status);
  g_free (change);
}

static gboolean
save_status_cb (gpointer user_data)
{
  StatusChange *change = user_data;
  LiaisonRegistrantsDialog *self = change->dialog;
  g_autoptr(GPtrArray) registrants = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  LiaisonRecord *registrant;

  if (self->database == NULL)
    return G_SOURCE_REMOVE;

  registrant = liaison_database_get (self->database, &liaison_registrant_type, change->uuid, &error);
  if (registrant != NULL)
    g_ptr_array_add (registrants, registrant);

  if (registrant == NULL || !set_status (self, registrants, change->status, &error))
    {
      add_toast (self, error->message);
      /* The row shows what is stored again */
      g_hash_table_remove_all (self->people);
      g_list_model_items_changed (G_LIST_MODEL (self->sorted), 0,
                                  g_list_model_get_n_items (G_LIST_MODEL (self->sorted)),
                                  g_list_model_get_n_items (G_LIST_MODEL (self->sorted)));
    }

  return G_SOURCE_REMOVE;
}

/* Saved once the drop-down is done: the save makes the row anew. */
static void
status_selected_cb (GtkDropDown              *dropdown,
                    GParamSpec               *pspec,
                    LiaisonRegistrantsDialog *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (dropdown), "list-item");
  LiaisonRecord *registrant = gtk_list_item_get_item (item);
  const LiaisonField *field = status_field ();
  guint selected = gtk_drop_down_get_selected (dropdown);
  StatusChange *change;

  if (registrant == NULL || selected >= g_list_model_get_n_items (G_LIST_MODEL (self->status_labels)) ||
      g_str_equal (field->choices[selected].value, liaison_record_get_text (registrant, "status")))
    return;

  change = g_new0 (StatusChange, 1);
  change->dialog = g_object_ref (self);
  change->uuid = g_strdup (liaison_record_get_uuid (registrant));
  change->status = g_strdup (field->choices[selected].value);
  g_idle_add_full (G_PRIORITY_DEFAULT, save_status_cb, change, (GDestroyNotify) status_change_free);
}

static GtkWidget *
cell_label_new (void)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0f,
                       "ellipsize", PANGO_ELLIPSIZE_END,
                       NULL);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  LiaisonRegistrantsDialog *self = data->dialog;

  switch (data->column)
    {
    case COLUMN_NAME:
      {
        /* Where the window is narrow, the government and address go under
         * the name, their columns hidden. */
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        GtkWidget *details = cell_label_new ();

        gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (details, "caption");
        gtk_widget_add_css_class (details, "dim-label");
        g_object_bind_property (self->columns[COLUMN_EMAIL], "visible", details, "visible",
                                G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
        gtk_box_append (GTK_BOX (box), cell_label_new ());
        gtk_box_append (GTK_BOX (box), details);
        gtk_list_item_set_child (item, box);
      }
      break;

    case COLUMN_STATUS:
      {
        GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->status_labels)), NULL);

        gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
        g_object_set_data (G_OBJECT (dropdown), "list-item", item);
        g_signal_connect (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self);
        gtk_list_item_set_child (item, dropdown);
      }
      break;

    case COLUMN_REMOVE:
      {
        GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

        gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (button, "flat");
        /* The registrant's uuid once bound */
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "registrants.remove-one");
        gtk_widget_set_tooltip_text (button, _("Remove Registrant"));
        gtk_list_item_set_child (item, button);
      }
      break;

    case COLUMN_GOVERNMENT:
    case COLUMN_EMAIL:
    case N_COLUMNS:
    default:
      gtk_list_item_set_child (item, cell_label_new ());
      break;
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  LiaisonRegistrantsDialog *self = data->dialog;
  LiaisonRecord *registrant = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *name = NULL;

  if (registrant == NULL)
    return;

  name = person_name (person_of (self, registrant));

  switch (data->column)
    {
    case COLUMN_NAME:
      {
        g_autofree char *government = column_text (self, registrant, COLUMN_GOVERNMENT);
        g_autofree char *email = column_text (self, registrant, COLUMN_EMAIL);
        g_autofree char *details = NULL;

        if (government[0] != '\0' && email[0] != '\0')
          details = g_strconcat (government, " · ", email, NULL);
        else
          details = g_strdup (government[0] != '\0' ? government : email);

        gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (child)), name);
        gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (child)), details);
      }
      break;

    case COLUMN_STATUS:
      {
        /* Translators: the accessible name of a registrant's status; %s is their name */
        g_autofree char *label = g_strdup_printf (_("Status of %s"), name);

        g_signal_handlers_block_by_func (child, status_selected_cb, self);
        gtk_drop_down_set_selected (GTK_DROP_DOWN (child), status_index (liaison_record_get_text (registrant, "status")));
        g_signal_handlers_unblock_by_func (child, status_selected_cb, self);
        gtk_widget_set_tooltip_text (child, label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
      break;

    case COLUMN_REMOVE:
      {
        /* Translators: the accessible name of a button; %s is a person's name */
        g_autofree char *label = g_strdup_printf (_("Remove %s"), name);

        gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "s", liaison_record_get_uuid (registrant));
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
      break;

    case COLUMN_GOVERNMENT:
    case COLUMN_EMAIL:
    case N_COLUMNS:
    default:
      {
        g_autofree char *text = column_text (self, registrant, data->column);

        gtk_label_set_text (GTK_LABEL (child), text);
        gtk_widget_set_tooltip_text (child, text[0] != '\0' ? text : NULL);
      }
      break;
    }
}

static void
add_columns (LiaisonRegistrantsDialog *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      ColumnData *data = g_new0 (ColumnData, 1);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *view_column;

      data->dialog = self;
      data->column = column;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);

      view_column = gtk_column_view_column_new (column_titles[column] != NULL
                                                ? g_dpgettext2 (GETTEXT_PACKAGE, "registrants column", column_titles[column])
                                                : NULL,
                                                g_object_ref (factory));
      /* The column holds what its factory and sorter are given */
      g_object_set_data_full (G_OBJECT (view_column), "column-data", data, g_free);
      if (column != COLUMN_REMOVE)
        {
          GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                   G_CALLBACK (sort_key_cb), data, NULL);
          g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_string_sorter_new (expression));

          gtk_column_view_column_set_sorter (view_column, sorter);
          gtk_column_view_column_set_resizable (view_column, TRUE);
        }
      if (column_widths[column] > 0)
        gtk_column_view_column_set_fixed_width (view_column, column_widths[column]);
      else
        gtk_column_view_column_set_expand (view_column, TRUE);

      self->columns[column] = view_column;
      gtk_column_view_append_column (self->column_view, view_column);
      g_object_unref (view_column);
    }
}

/* Totals and the state of the page */

static void
update_totals (LiaisonRegistrantsDialog *self)
{
  LiaisonRegistrantCounts counts;
  guint values[4];
  g_autofree char *registered = NULL;
  g_autofree char *attended = NULL;
  g_autofree char *no_show = NULL;
  g_autofree char *cancelled = NULL;

  liaison_seminar_count_registrants (self->database, liaison_record_get_uuid (self->seminar), &counts);
  values[0] = counts.registered;
  values[1] = counts.attended;
  values[2] = counts.no_show;
  values[3] = counts.cancelled;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", values[i]);

      gtk_label_set_text (self->count_labels[i], text);
    }

  registered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u registered", "%u registered", counts.registered),
                                counts.registered);
  attended = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attended", "%u attended", counts.attended),
                              counts.attended);
  no_show = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u no-show", "%u no-shows", counts.no_show),
                             counts.no_show);
  cancelled = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cancelled", "%u cancelled", counts.cancelled),
                               counts.cancelled);

  g_free (self->totals_text);
  self->totals_text = g_strconcat (registered, ", ", attended, ", ", no_show, ", ", cancelled, NULL);
  liaison_widget_update_tooltip (self->totals_bar, self->totals_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->totals_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->totals_text, -1);
}

static void
update_page (LiaisonRegistrantsDialog *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  gtk_widget_set_visible (self->totals_bar, !empty);
}

static void
selection_changed_cb (LiaisonRegistrantsDialog *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = (guint) gtk_bitset_get_size (selected);
  /* Translators: %'u is a number, grouped as the language groups digits */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u selected", "%'u selected", n), n);

  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->selection_bar, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registrants.mark-attended", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registrants.mark-no-show", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registrants.remove", n > 0);
}

static void
record_changed_cb (LiaisonRegistrantsDialog *self,
                   const char               *type_name,
                   const char               *uuid,
                   int                       action,
                   LiaisonDatabase          *database)
{
  if (g_str_equal (type_name, liaison_registrant_type.name))
    {
      update_totals (self);
      return;
    }

  /* Many people at once (a sync): every row again */
  if (g_str_equal (type_name, liaison_person_type.name) && uuid == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

      g_hash_table_remove_all (self->people);
      g_list_model_items_changed (G_LIST_MODEL (self->sorted), 0, n, n);
      return;
    }

  /* A person renamed, or given another address: their rows again */
  if (g_str_equal (type_name, liaison_person_type.name) && g_hash_table_remove (self->people, uuid))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LiaisonRecord) registrant = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

          if (g_str_equal (liaison_record_get_text (registrant, "person"), uuid))
            g_list_model_items_changed (G_LIST_MODEL (self->sorted), i, 1, 1);
        }
    }
}

/* Adding people already there */

/* Where someone comes from: the local government of their latest other
 * registration, or else the name of their organization */
static char *
guess_government (LiaisonRegistrantsDialog *self,
                  LiaisonRecord            *person)
{
  g_autoptr(LiaisonRecordList) others = liaison_record_list_new (self->database, &liaison_registrant_type);
  g_autofree char *best = NULL;
  gint64 best_at = G_MININT64;
  const char *organization;

  liaison_record_list_add_filter (others, "person", liaison_record_get_uuid (person));
  liaison_record_list_reload (others, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (others)); i++)
    {
      g_autoptr(LiaisonRecord) other = g_list_model_get_item (G_LIST_MODEL (others), i);
      const char *government = liaison_record_get_text (other, "local_government");

      if (government[0] != '\0' && liaison_record_get_updated_at (other) > best_at)
        {
          g_set_str (&best, government);
          best_at = liaison_record_get_updated_at (other);
        }
    }

  if (best != NULL)
    return g_steal_pointer (&best);

  organization = liaison_record_get_text (person, "organization");
  if (organization[0] != '\0')
    {
      g_autoptr(LiaisonRecord) record = liaison_database_get (self->database, &liaison_organization_type,
                                                              organization, NULL);

      if (record != NULL)
        return g_strdup (liaison_record_get_text (record, "name"));
    }

  return g_strdup ("");
}

static LiaisonRecord *
new_registrant (LiaisonRegistrantsDialog *self,
                LiaisonRecord            *person)
{
  LiaisonRecord *registrant = liaison_record_new (&liaison_registrant_type);

  liaison_record_set_text (registrant, "seminar", liaison_record_get_uuid (self->seminar));
  liaison_record_set_text (registrant, "person", liaison_record_get_uuid (person));
  liaison_record_set_text (registrant, "status", "registered");

  return registrant;
}

/**
 * liaison_registrants_dialog_register:
 * @self: the dialog
 * @person: someone already in the database
 * @local_government: (nullable): where they come from, or %NULL to take
 *   it from their latest registration or their organization
 * @error: return location for a #GError
 *
 * Registers @person for the seminar, as picking them from the search
 * does. Someone registered already is not registered again.
 *
 * Returns: %TRUE if they were registered
 */
gboolean
liaison_registrants_dialog_register (LiaisonRegistrantsDialog  *self,
                                     LiaisonRecord             *person,
                                     const char                *local_government,
                                     GError                   **error)
{
  g_autoptr(LiaisonRecord) registrant = NULL;
  g_autoptr(LiaisonRecord) existing = NULL;
  g_autofree char *natural = NULL;
  g_autofree char *guessed = NULL;

  g_return_val_if_fail (LIAISON_IS_REGISTRANTS_DIALOG (self), FALSE);
  g_return_val_if_fail (LIAISON_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (local_government == NULL)
    local_government = guessed = guess_government (self, person);

  registrant = new_registrant (self, person);
  liaison_record_set_text (registrant, "local_government", local_government);

  /* A registration is named by its seminar and person: saving another
   * would overwrite the one there. */
  natural = liaison_records_dup_natural_uuid (registrant);
  if (natural != NULL)
    existing = liaison_database_get (self->database, &liaison_registrant_type, natural, NULL);
  if (existing != NULL && !liaison_record_is_deleted (existing))
    {
      g_autofree char *name = person_name (person);

      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _("%s is already registered for this seminar."), name);
      return FALSE;
    }

  return liaison_database_save (self->database, registrant, error);
}

static void
registered_toast (LiaisonRegistrantsDialog *self,
                  LiaisonRecord            *person)
{
  g_autofree char *name = person_name (person);
  /* Translators: %s is a person's name */
  g_autofree char *title = g_strdup_printf (_("%s registered"), name);

  add_toast (self, title);
}

static void
found_activated_cb (AdwActionRow             *row,
                    LiaisonRegistrantsDialog *self)
{
  LiaisonRecord *person = g_object_get_data (G_OBJECT (row), "person");
  g_autoptr(GError) error = NULL;

  if (!liaison_registrants_dialog_register (self, person, NULL, &error))
    {
      add_toast (self, error->message);
      return;
    }

  adw_navigation_view_pop_to_tag (self->navigation, "registrants");
  registered_toast (self, person);
}

static GtkWidget *
found_row_new (gpointer item,
               gpointer user_data)
{
  LiaisonRegistrantsDialog *self = user_data;
  LiaisonRecord *person = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = person_name (person);
  g_autofree char *email = first_email (person);
  const char *title = liaison_record_get_text (person, "title");
  g_autofree char *subtitle = NULL;

  if (email[0] != '\0' && title[0] != '\0')
    subtitle = g_strconcat (email, " · ", title, NULL);
  else
    subtitle = g_strdup (email[0] != '\0' ? email : title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);

  if (g_hash_table_contains (self->registered, liaison_record_get_uuid (person)))
    {
      GtkWidget *label = gtk_label_new (_("Already registered"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Register"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (found_activated_cb), self);
    }

  return row;
}

static void
search_changed_cb (LiaisonRegistrantsDialog *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (query[0] == '\0')
    {
      g_list_store_remove_all (self->found);
      gtk_label_set_text (self->found_placeholder, _("Type a name or an email address."));
      return;
    }

  results = liaison_database_search (self->database, query, 200, &error);
  if (results == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  /* The people registered already are shown as such. */
  g_hash_table_remove_all (self->registered);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->registrants));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonRecord) registrant = g_list_model_get_item (G_LIST_MODEL (self->registrants), i);

      g_hash_table_add (self->registered, g_strdup (liaison_record_get_text (registrant, "person")));
    }

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n && people->len < MAX_FOUND; i++)
    {
      g_autoptr(LiaisonSearchResult) result = g_list_model_get_item (results, i);
      LiaisonRecord *person;

      if (!g_str_equal (liaison_search_result_get_record_type (result), liaison_person_type.name))
        continue;

      person = liaison_database_get (self->database, &liaison_person_type,
                                     liaison_search_result_get_uuid (result), NULL);
      if (person == NULL)
        continue;
      g_ptr_array_add (people, person);
    }

  g_list_store_splice (self->found, 0, g_list_model_get_n_items (G_LIST_MODEL (self->found)),
                       people->pdata, people->len);
  gtk_label_set_text (self->found_placeholder, _("No one found: create a new person below."));
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  adw_navigation_view_push_by_tag (self->navigation, "add");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Adding someone new */

static void
person_form_changed_cb (LiaisonRegistrantsDialog *self)
{
  gboolean ok = liaison_field_rows_check (self->person_rows, NULL) &&
                liaison_field_rows_check (self->registrant_rows, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registrants.save-person", ok);
}

static void
create_person_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (widget);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_object (&self->person_rows);
  g_clear_object (&self->registrant_rows);
  g_clear_object (&self->new_person);
  g_clear_object (&self->new_registrant);

  self->new_person = liaison_record_new (&liaison_person_type);
  self->new_registrant = new_registrant (self, self->new_person);

  /* What was searched for is often the address. */
  if (strchr (typed, '@') != NULL && strchr (typed, ' ') == NULL)
    liaison_record_set_text (self->new_person, "emails", typed);

  self->person_rows = liaison_field_rows_new (self->database, self->new_person);
  self->registrant_rows = liaison_field_rows_new (self->database, self->new_registrant);
  g_signal_connect_object (self->person_rows, "changed", G_CALLBACK (person_form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->registrant_rows, "changed", G_CALLBACK (person_form_changed_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The person is added to Liaison and registered for the seminar. "
                                           "Their other details can be filled in later."));
  liaison_field_rows_add (self->person_rows, ADW_PREFERENCES_GROUP (group), "family_name");
  liaison_field_rows_add (self->person_rows, ADW_PREFERENCES_GROUP (group), "given_name");
  liaison_field_rows_add (self->person_rows, ADW_PREFERENCES_GROUP (group), "emails");
  liaison_field_rows_add (self->registrant_rows, ADW_PREFERENCES_GROUP (group), "local_government");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_bin_set_child (self->person_form, page);

  person_form_changed_cb (self);
  adw_navigation_view_push_by_tag (self->navigation, "new-person");
  gtk_widget_grab_focus (liaison_field_rows_get_row (self->person_rows, "family_name"));
}

static void
save_person_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (widget);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  if (self->new_person == NULL)
    return;

  if (!liaison_field_rows_check (self->person_rows, &problem) ||
      !liaison_field_rows_check (self->registrant_rows, &problem))
    {
      add_toast (self, problem);
      return;
    }

  /* The person and their registration together, or neither */
  g_ptr_array_add (records, self->new_person);
  g_ptr_array_add (records, self->new_registrant);
  if (!liaison_database_save_all (self->database, records, &error))
    {
      add_toast (self, error->message);
      return;
    }

  adw_navigation_view_pop_to_tag (self->navigation, "registrants");
  registered_toast (self, self->new_person);

  /* The form is made anew the next time. */
  g_clear_object (&self->new_person);
  g_clear_object (&self->new_registrant);
  gtk_widget_action_set_enabled (widget, "registrants.save-person", FALSE);
}

/* Importing */

static void
imported_cb (LiaisonRegistrantsDialog *self,
             guint                     n_created,
             guint                     n_updated,
             LiaisonCsvImportDialog   *dialog)
{
  guint n = n_created + n_updated;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u registrant",
                                                         "Imported %u registrants", n), n);

  /* The list followed the saves; the names may have changed too. */
  g_hash_table_remove_all (self->people);
  liaison_record_list_reload (self->registrants, NULL);
  update_totals (self);
  update_page (self);
  add_toast (self, title);
}

/**
 * liaison_registrants_dialog_open_import:
 * @self: the dialog
 * @file: (nullable): the file to import, or %NULL to ask for one
 *
 * Opens the import of a registrant list over the dialog; the list is
 * brought up to date and a toast tells what was imported.
 *
 * Returns: (transfer none): the import's dialog, presented
 */
AdwDialog *
liaison_registrants_dialog_open_import (LiaisonRegistrantsDialog *self,
                                        GFile                    *file)
{
  AdwDialog *dialog;

  g_return_val_if_fail (LIAISON_IS_REGISTRANTS_DIALOG (self), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  dialog = liaison_csv_import_dialog_new (self->database, self->seminar);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));

  if (file != NULL)
    liaison_csv_import_dialog_load_file (LIAISON_CSV_IMPORT_DIALOG (dialog), file);
  else
    liaison_csv_import_dialog_choose_file (LIAISON_CSV_IMPORT_DIALOG (dialog));

  return dialog;
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  liaison_registrants_dialog_open_import (LIAISON_REGISTRANTS_DIALOG (widget), NULL);
}

/* Building */

static GtkWidget *
header_button_new (const char *icon_name,
                   const char *label,
                   const char *action_name,
                   gboolean    with_label)
{
  GtkWidget *button = gtk_button_new ();

  if (with_label)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      gtk_button_set_child (GTK_BUTTON (button), content);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static GtkWidget *
totals_bar_new (LiaisonRegistrantsDialog *self)
{
  const LiaisonField *field = status_field ();
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "homogeneous", TRUE,
                                 "spacing", 6,
                                 "margin-top", 6,
                                 "margin-bottom", 6,
                                 "margin-start", 12,
                                 "margin-end", 12,
                                 NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->count_labels); i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *caption = gtk_label_new (liaison_choice_get_label (&field->choices[i]));

      self->count_labels[i] = GTK_LABEL (gtk_label_new ("0"));
      gtk_widget_add_css_class (GTK_WIDGET (self->count_labels[i]), "title-3");
      gtk_widget_add_css_class (GTK_WIDGET (self->count_labels[i]), "numeric");
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (item), GTK_WIDGET (self->count_labels[i]));
      gtk_box_append (GTK_BOX (item), caption);
      gtk_box_append (GTK_BOX (box), item);
    }

  return box;
}

static GtkWidget *
empty_page_new (void)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Registrant"));
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import from CSV…"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Registrants"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Add the people who registered one by one, from those already in Liaison "
                                     "or as new people, or import the list a registration form exported as a CSV file."));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "registrants.add");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "registrants.import");
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_add_css_class (import, "pill");
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), import);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), buttons);

  return page;
}

static AdwNavigationPage *
registrants_page_new (LiaisonRegistrantsDialog *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *button;
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  AdwNavigationPage *page;
  AdwBreakpoint *breakpoint;
  GtkWidget *wide;
  GtkWidget *narrow;

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new ("", _("Registrants")));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));

  /* Labelled where there is room, an icon where there is not */
  wide = header_button_new ("list-add-symbolic", _("_Add Registrant"), "registrants.add", TRUE);
  narrow = header_button_new ("list-add-symbolic", _("Add Registrant"), "registrants.add", FALSE);
  gtk_widget_set_tooltip_text (wide, _("Register someone already in Liaison, or someone new"));
  gtk_widget_set_visible (narrow, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), wide);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), narrow);
  button = header_button_new ("x-office-spreadsheet-symbolic", _("Import from CSV…"), "registrants.import", FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  self->totals_bar = totals_bar_new (self);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), self->totals_bar);
  /* Set from the start, as the toolbar view sets it once allocated: a
   * class that changes later restyles the whole list below. */
  gtk_widget_add_css_class (toolbar, "undershoot-top");

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Registrants"), -1);
  add_columns (self);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("registrants.remove")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty_page_new (), "empty");
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->stack));

  self->selection_bar = GTK_ACTION_BAR (gtk_action_bar_new ());
  gtk_action_bar_set_revealed (self->selection_bar, FALSE);
  self->selection_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_action_bar_pack_start (self->selection_bar, GTK_WIDGET (self->selection_label));
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "registrants.remove");
  gtk_widget_set_tooltip_text (button, _("Remove Selected"));
  gtk_action_bar_pack_end (self->selection_bar, button);
  button = gtk_button_new_with_mnemonic (_("Mark _No-show"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "registrants.mark-no-show");
  gtk_widget_set_tooltip_text (button, _("Mark the selected registrants as no-shows"));
  gtk_action_bar_pack_end (self->selection_bar, button);
  button = gtk_button_new_with_mnemonic (_("Mark _Attended"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "registrants.mark-attended");
  gtk_widget_set_tooltip_text (button, _("Mark the selected registrants as attended"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_action_bar_pack_end (self->selection_bar, button);
  adw_toolbar_view_add_bottom_bar (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->selection_bar));

  /* Narrow: the government and address under the name, an icon in the
   * header, the buttons of the selection without the count */
  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 560sp"));
  adw_breakpoint_add_setters (breakpoint,
                              G_OBJECT (self->columns[COLUMN_GOVERNMENT]), "visible", FALSE,
                              G_OBJECT (self->columns[COLUMN_EMAIL]), "visible", FALSE,
                              G_OBJECT (wide), "visible", FALSE,
                              G_OBJECT (narrow), "visible", TRUE,
                              G_OBJECT (self->selection_label), "visible", FALSE,
                              NULL);
  adw_dialog_add_breakpoint (ADW_DIALOG (self), breakpoint);

  page = adw_navigation_page_new_with_tag (toolbar, "", "registrants");
  return page;
}

static AdwNavigationPage *
add_page_new (LiaisonRegistrantsDialog *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *search_clamp = adw_clamp_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *found_group = adw_preferences_group_new ();
  GtkWidget *new_group = adw_preferences_group_new ();
  GtkWidget *create_row = adw_button_row_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_placeholder_text (self->search_entry, _("Name or email address"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find a person"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  adw_clamp_set_child (ADW_CLAMP (search_clamp), GTK_WIDGET (self->search_entry));
  gtk_widget_set_margin_top (search_clamp, 6);
  gtk_widget_set_margin_bottom (search_clamp, 6);
  gtk_widget_set_margin_start (search_clamp, 12);
  gtk_widget_set_margin_end (search_clamp, 12);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), search_clamp);

  self->found_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->found_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->found_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->found_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People found"), -1);
  self->found_placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->found_placeholder, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->found_placeholder), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->found_placeholder), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->found_placeholder), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->found_placeholder), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->found_placeholder), "dim-label");
  gtk_list_box_set_placeholder (self->found_list, GTK_WIDGET (self->found_placeholder));
  gtk_list_box_bind_model (self->found_list, G_LIST_MODEL (self->found), found_row_new, self, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (found_group), _("People in Liaison"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (found_group), GTK_WIDGET (self->found_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (found_group));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (create_row), _("_Create New Person…"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (create_row), TRUE);
  adw_button_row_set_start_icon_name (ADW_BUTTON_ROW (create_row), "contact-new-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (create_row), "registrants.create-person");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (new_group), create_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (new_group));

  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), page);
  return adw_navigation_page_new_with_tag (toolbar, _("Add Registrant"), "add");
}

static AdwNavigationPage *
person_page_new (LiaisonRegistrantsDialog *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();

  self->save_person_button = gtk_button_new_with_mnemonic (_("_Register"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_person_button), "registrants.save-person");
  gtk_widget_set_tooltip_text (self->save_person_button, _("Add the person and register them"));
  gtk_widget_add_css_class (self->save_person_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_person_button);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  self->person_form = ADW_BIN (adw_bin_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->person_form));

  return adw_navigation_page_new_with_tag (toolbar, _("New Person"), "new-person");
}

static void
liaison_registrants_dialog_dispose (GObject *object)
{
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (object);

  /* Nothing the widgets going away do reaches them any more */
  if (self->sorted != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sorted, self);
      g_signal_handlers_disconnect_by_data (self->selection, self);
      gtk_sort_list_model_set_sorter (self->sorted, NULL);
    }
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->found_list != NULL)
    gtk_list_box_bind_model (self->found_list, NULL, NULL, NULL, NULL);

  G_OBJECT_CLASS (liaison_registrants_dialog_parent_class)->dispose (object);
}

static void
liaison_registrants_dialog_finalize (GObject *object)
{
  LiaisonRegistrantsDialog *self = LIAISON_REGISTRANTS_DIALOG (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->registrants);
  g_clear_object (&self->found);
  g_clear_object (&self->status_labels);
  g_clear_object (&self->person_rows);
  g_clear_object (&self->registrant_rows);
  g_clear_object (&self->new_person);
  g_clear_object (&self->new_registrant);
  g_clear_object (&self->seminar);
  g_clear_object (&self->database);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_pointer (&self->registered, g_hash_table_unref);
  g_free (self->totals_text);

  G_OBJECT_CLASS (liaison_registrants_dialog_parent_class)->finalize (object);
}

static void
liaison_registrants_dialog_class_init (LiaisonRegistrantsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_registrants_dialog_dispose;
  object_class->finalize = liaison_registrants_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "registrants.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "registrants.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "registrants.create-person", NULL, create_person_action_cb);
  gtk_widget_class_install_action (widget_class, "registrants.save-person", NULL, save_person_action_cb);
  gtk_widget_class_install_action (widget_class, "registrants.mark-attended", NULL, mark_attended_action_cb);
  gtk_widget_class_install_action (widget_class, "registrants.mark-no-show", NULL, mark_no_show_action_cb);
  gtk_widget_class_install_action (widget_class, "registrants.remove", NULL, remove_action_cb);
  gtk_widget_class_install_action (widget_class, "registrants.remove-one", "s", remove_one_action_cb);
  gtk_widget_class_install_action (widget_class, "registrants.undo", NULL, undo_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "registrants.undo", NULL);
}

static void
liaison_registrants_dialog_init (LiaisonRegistrantsDialog *self)
{
  const LiaisonField *field = status_field ();

  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_record);
  self->registered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->found = g_list_store_new (LIAISON_TYPE_PERSON);
  self->status_labels = gtk_string_list_new (NULL);
  for (guint i = 0; field->choices[i].value != NULL; i++)
    gtk_string_list_append (self->status_labels, liaison_choice_get_label (&field->choices[i]));

  adw_dialog_set_content_width (ADW_DIALOG (self), 720);
  adw_dialog_set_content_height (ADW_DIALOG (self), 680);
  /* The smallest the breakpoint is made for */
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);

  self->navigation = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());
  adw_navigation_view_add (self->navigation, registrants_page_new (self));
  adw_navigation_view_add (self->navigation, add_page_new (self));
  adw_navigation_view_add (self->navigation, person_page_new (self));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->navigation));
  adw_dialog_set_child (ADW_DIALOG (self), GTK_WIDGET (self->toasts));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registrants.save-person", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registrants.undo", FALSE);
}

/**
 * liaison_registrants_dialog_new:
 * @database: the database
 * @seminar: the seminar whose registrants are shown
 *
 * Returns: (transfer floating): the dialog
 */
AdwDialog *
liaison_registrants_dialog_new (LiaisonDatabase *database,
                                LiaisonRecord   *seminar)
{
  LiaisonRegistrantsDialog *self;
  g_autofree char *title = NULL;
  GtkSorter *sorter;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LIAISON_IS_SEMINAR (seminar), NULL);

  self = g_object_new (LIAISON_TYPE_REGISTRANTS_DIALOG, NULL);
  self->database = g_object_ref (database);
  self->seminar = g_object_ref (seminar);

  title = liaison_seminar_dup_title (seminar, language ());
  adw_dialog_set_title (ADW_DIALOG (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_navigation_page_set_title (adw_navigation_view_find_page (self->navigation, "registrants"), title);

  self->registrants = liaison_record_list_new (database, &liaison_registrant_type);
  liaison_record_list_add_filter (self->registrants, "seminar", liaison_record_get_uuid (seminar));
  liaison_record_list_reload (self->registrants, NULL);

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->registrants)),
                                          sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);

  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (database, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);

  update_totals (self);
  update_page (self);
  selection_changed_cb (self);

  return ADW_DIALOG (self);
}

/**
 * liaison_registrants_dialog_get_seminar:
 * @self: the dialog
 *
 * Returns: (transfer none): the seminar
 */
LiaisonRecord *
liaison_registrants_dialog_get_seminar (LiaisonRegistrantsDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_REGISTRANTS_DIALOG (self), NULL);

  return self->seminar;
}

/**
 * liaison_registrants_dialog_get_model:
 * @self: the dialog
 *
 * Returns: (transfer none): the registrants as the list shows them, in
 *   its order: a #GtkSelectionModel of the list's selection
 */
GListModel *
liaison_registrants_dialog_get_model (LiaisonRegistrantsDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_REGISTRANTS_DIALOG (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * liaison_registrants_dialog_get_totals_text:
 * @self: the dialog
 *
 * Returns: (transfer none): the totals shown, as a screen reader says
 *   them: "3 registered, 1 attended, 0 no-shows, 1 cancelled"
 */
const char *
liaison_registrants_dialog_get_totals_text (LiaisonRegistrantsDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_REGISTRANTS_DIALOG (self), NULL);

  return self->totals_text;
}
