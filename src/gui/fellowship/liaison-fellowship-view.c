/* liaison-fellowship-view.c
 *
 * The Fellowship Exchange Program: the applicants of a cohort year in a
 * column view, filtered by status and by what is typed in the search, and
 * the one chosen open in an editor beside the list (in its place when the
 * window is narrow). The database filters, searches and sorts them, in a
 * worker thread: a list of a hundred thousand never holds up the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-fellowship-view"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-applicant-editor.h"
#include "liaison-cell-label.h"
#include "liaison-choice-button.h"
#include "liaison-csv.h"
#include "liaison-fellowship.h"
#include "liaison-fellowship-view.h"
#include "liaison-record-list-private.h"
#include "liaison-sync.h"
#include "liaison-menu-button.h"
#include "liaison-record-list.h"
#include "liaison-record-selection.h"
#include "liaison-records.h"
#include "liaison-reference.h"
#include "liaison-search.h"
#include "liaison-undo.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_TITLE,
  COLUMN_GOVERNMENT,
  COLUMN_JURISDICTION,
  COLUMN_NOMINATOR,
  COLUMN_STATUS,
  COLUMN_DOCUMENTS,
  N_COLUMNS
} Column;

/* Wide enough for a name without a glance at the tooltip; the list
 * scrolls sideways where the window is narrow. */
static const int column_widths[N_COLUMNS] = { 180, 160, 180, 90, 180, 140, 180 };

/* How the Sort By menu names the columns */
static const char *column_ids[N_COLUMNS] = {
  "name", "title", "government", "jurisdiction", "nominator", "status", "documents",
};

static const char *column_titles[N_COLUMNS] = {
  NC_("applicants column", "Name"),
  NC_("applicants column", "Title"),
  NC_("applicants column", "Government"),
  NC_("applicants column", "Jurisdiction"),
  NC_("applicants column", "Nominated By"),
  NC_("applicants column", "Status"),
  NC_("applicants column", "Documents"),
};

struct _LiaisonFellowshipView
{
  AdwBreakpointBin        parent_instance;

  LiaisonDatabase        *database;
  LiaisonRecordList      *applications;
  /* The reloads of the list asked for, and how many are under way */
  guint                   reload_serial;
  guint                   reloads;
  /* Shown when a reload takes a while; made the first time */
  guint                   spinner_timeout;
  GtkWidget              *spinner;
  guint                   first_rows;
  /* The year and jurisdiction (a position of its drop-down) asked of the
   * database; -1 for none yet */
  int                     shown_year;
  guint                   shown_jurisdiction;
  gboolean                growing;
  /* Applicants changed at once being saved */
  gboolean                saving;
  /* The rows shown (the first ones only, at first) and those selected */
  LiaisonRecordSelection *selection;
  GHashTable             *titles;       /* uuid → the title of a linked record */
  GHashTable             *job_titles;   /* a person's uuid → the person's job title */
  char                   *search;       /* normalized */
  char                   *status;       /* the status shown, or NULL for all */
  char                   *tag;          /* the tag shown, or NULL for all */
  GStrv                   tags;         /* the tags of the tag drop-down */
  char                   *today;
  guint                   midnight_timeout;
  GHashTable             *document_cells; /* the list items of the Documents column bound */
  GArray                 *years;        /* the years of the year drop-down; 0 for all */
  gpointer                column_data[N_COLUMNS];

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  AdwNavigationPage      *detail_page;
  GtkStack               *detail_stack;
  GtkWidget              *detail_placeholder;
  AdwWindowTitle         *window_title;
  AdwHeaderBar           *list_header_bar;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  LiaisonChoiceButton    *year_dropdown;
  LiaisonChoiceButton    *status_dropdown;
  LiaisonChoiceButton    *jurisdiction_dropdown;
  LiaisonChoiceButton    *tag_dropdown;
  GtkStack               *list_stack;
  GtkColumnView          *column_view;
  AdwToolbarView         *list_toolbar;
  /* Made when two applicants are first selected */
  GtkActionBar           *selection_bar;
  GtkLabel               *selection_label;
  GMenuModel             *status_menu;
  GtkMenuButton          *view_menu_button;
  /* Drawn once, what the first frame held back has followed, and the
   * window has settled (see settled_cb()) */
  gboolean                drawn;
  gboolean                caught_up;
  gboolean                settled;
  guint                   settle_timeout;
  GMenuModel             *view_menu;
  /* An editor made ahead, while nothing else goes on, for the next
   * applicant opened */
  GtkWidget              *spare_editor;
  guint                   spare_timeout;
  /* Editors no longer shown, taken apart a step at a time */
  GPtrArray              *leaving;
  guint                   leaving_idle;
  /* A cell is being filled as it comes into sight, in the list's layout */
  gboolean                laying_out;
  /* Rows left past the end of the list are being taken away */
  gboolean                letting_go;
  /* The rows gone out of sight, whose cells are to be hidden (see
   * hide_unseen_cells_cb()) */
  GPtrArray              *unseen_rows;
  guint                   unseen_idle;
};

G_DEFINE_FINAL_TYPE (LiaisonFellowshipView, liaison_fellowship_view, ADW_TYPE_BREAKPOINT_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SORT_COLUMN,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  LiaisonFellowshipView *view;
  Column                 column;
  GtkColumnViewColumn   *view_column; /* the column view's */
} ColumnData;

/* A person read for a row: its name and its job title, kept for the next
 * rows (the Name and Title columns both show them) */
static void
read_person (LiaisonFellowshipView *self,
             const char            *uuid)
{
  g_autoptr(LiaisonRecord) person = liaison_database_get (self->database, &liaison_person_type, uuid, NULL);

  g_hash_table_replace (self->titles, g_strdup (uuid),
                        person != NULL ? liaison_record_dup_title (person) : g_strdup (""));
  g_hash_table_replace (self->job_titles, g_strdup (uuid),
                        g_strdup (person != NULL ? liaison_record_get_text (person, "title") : ""));
}

static const char *
linked_title (LiaisonFellowshipView   *self,
              const LiaisonRecordType *type,
              const char              *uuid)
{
  char *title;

  if (uuid == NULL || uuid[0] == '\0' || self->database == NULL)
    return "";

  title = g_hash_table_lookup (self->titles, uuid);
  if (title == NULL && type == &liaison_person_type)
    {
      read_person (self, uuid);
      title = g_hash_table_lookup (self->titles, uuid);
    }
  else if (title == NULL)
    {
      g_autoptr(LiaisonRecord) record = liaison_database_get (self->database, type, uuid, NULL);

      title = record != NULL ? liaison_record_dup_title (record) : g_strdup ("");
      g_hash_table_insert (self->titles, g_strdup (uuid), title);
    }

  return title;
}

/* The person's title (Deputy Director, say) */
static const char *
job_title (LiaisonFellowshipView *self,
           const char            *uuid)
{
  char *title;

  if (uuid == NULL || uuid[0] == '\0' || self->database == NULL)
    return "";

  title = g_hash_table_lookup (self->job_titles, uuid);
  if (title == NULL)
    {
      read_person (self, uuid);
      title = g_hash_table_lookup (self->job_titles, uuid);
    }

  return title;
}

static char *
column_text (LiaisonFellowshipView *self,
             LiaisonRecord         *application,
             Column                 column)
{
  const LiaisonRecordType *type = &liaison_application_type;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (linked_title (self, &liaison_person_type, liaison_record_get_text (application, "person")));

    case COLUMN_TITLE:
      return g_strdup (job_title (self, liaison_record_get_text (application, "person")));

    case COLUMN_GOVERNMENT:
      return g_strdup (liaison_record_get_text (application, "government"));

    case COLUMN_JURISDICTION:
      return g_strdup (liaison_record_get_text (application, "jurisdiction"));

    case COLUMN_NOMINATOR:
      return g_strdup (linked_title (self, &liaison_organization_type, liaison_record_get_text (application, "nominator")));

    case COLUMN_STATUS:
      {
        const char *label = liaison_field_choice_label (liaison_record_type_find_field (type, "status"),
                                                        liaison_record_get_text (application, "status"));

        return g_strdup (label != NULL ? label : "");
      }

    case COLUMN_DOCUMENTS:
      return liaison_application_dup_deadline_text (application, self->today);

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void cell_mapped_cb (GtkWidget   *label,
                            GtkListItem *item);

/* A row out of sight hides its cells, and keeps its height. GTK styles
 * every visible widget of the 200 rows a list view holds whenever the
 * window is styled again (a change to dark, say), and a row out of sight
 * then costs no style rather than ten. The row's cells are hidden once it
 * is gone (row_unseen_cb()), and shown as it comes into sight
 * (row_seen_cb()), or when the font changes, to be measured again. Cells
 * are not focusable: no focus is lost. GTK 4.18 takes away the cells of a
 * column hidden; should it keep them, they stay hidden. */
static void
show_row_cells (GtkWidget *row)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);
      ColumnData *data;

      /* A name with the conflict icon before it ends its box */
      if (GTK_IS_BOX (child))
        child = gtk_widget_get_last_child (child);
      data = child != NULL ? g_object_get_data (G_OBJECT (child), "liaison-column") : NULL;
      gtk_widget_set_visible (cell, data == NULL || gtk_column_view_column_get_visible (data->view_column));
    }
  gtk_widget_set_size_request (row, -1, -1);
}

static void
row_seen_cb (GtkWidget *row)
{
  if (g_object_get_data (G_OBJECT (row), "liaison-hidden") == NULL)
    return;

  g_object_set_data (G_OBJECT (row), "liaison-hidden", NULL);
  show_row_cells (row);
}

/* The list view takes rows out of sight as it lays them out, and hiding a
 * widget lays its row out again: the cells are hidden after the frame,
 * unless back in sight by then. */
static gboolean
hide_unseen_cells_cb (gpointer user_data)
{
  LiaisonFellowshipView *self = user_data;

  self->unseen_idle = 0;
  for (guint i = 0; i < self->unseen_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->unseen_rows, i);
      int height;

      g_object_set_data (G_OBJECT (row), "liaison-unseen", NULL);
      if (gtk_widget_get_mapped (row) || gtk_widget_get_parent (row) == NULL ||
          g_object_get_data (G_OBJECT (row), "liaison-hidden") != NULL)
        continue;

      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
      gtk_widget_set_size_request (row, -1, height);
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        gtk_widget_set_visible (cell, FALSE);
      g_object_set_data (G_OBJECT (row), "liaison-hidden", GINT_TO_POINTER (TRUE));
    }
  g_ptr_array_set_size (self->unseen_rows, 0);

  return G_SOURCE_REMOVE;
}

static void
row_unseen_cb (GtkWidget             *row,
               LiaisonFellowshipView *self)
{
  if (self->unseen_rows == NULL || g_object_get_data (G_OBJECT (row), "liaison-unseen") != NULL)
    return;

  g_object_set_data (G_OBJECT (row), "liaison-unseen", GINT_TO_POINTER (TRUE));
  g_ptr_array_add (self->unseen_rows, g_object_ref (row));
  if (self->unseen_idle == 0)
    self->unseen_idle = g_idle_add (hide_unseen_cells_cb, self);
}

/* The row of the Name cell, the first time it comes into sight: the cell of
 * the list item is the widget that holds its child, in the row */
static void
name_shown_cb (GtkWidget   *label,
               GtkListItem *item)
{
  ColumnData *data = g_object_get_data (G_OBJECT (item), "liaison-column");
  GtkWidget *cell = gtk_widget_get_parent (gtk_list_item_get_child (item));
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  if (row == NULL || g_object_get_data (G_OBJECT (row), "liaison-watched") != NULL)
    return;

  g_object_set_data (G_OBJECT (row), "liaison-watched", GINT_TO_POINTER (TRUE));
  g_signal_connect (row, "map", G_CALLBACK (row_seen_cb), NULL);
  g_signal_connect_object (row, "unmap", G_CALLBACK (row_unseen_cb), data->view, 0);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  GtkWidget *label = liaison_cell_label_new ();

  /* For the list item's life, and the cell's */
  g_object_set_data (G_OBJECT (item), "liaison-column", data);
  g_object_set_data (G_OBJECT (label), "liaison-column", data);
  g_signal_connect (label, "map", G_CALLBACK (cell_mapped_cb), item);
  if (data->column == COLUMN_NAME)
    g_signal_connect (label, "map", G_CALLBACK (name_shown_cb), item);
  gtk_list_item_set_child (item, label);
}

/* The name says when two desktops changed the applicant at once, with an
 * icon before it; only the rows that need one have it. */
static GtkWidget *
name_cell_label (GtkListItem *item,
                 gboolean     conflict)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autoptr(GtkWidget) label = g_object_ref (GTK_IS_BOX (child) ? gtk_widget_get_last_child (child) : child);

  if (conflict == GTK_IS_BOX (child))
    return label;

  if (conflict)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Changed on two desktops at once: see Sync Conflicts"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Sync conflict"), -1);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_list_item_set_child (item, box);
      /* It asks for no width: it takes what the icon leaves. */
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  else
    {
      gtk_box_remove (GTK_BOX (child), label);
      gtk_widget_set_hexpand (label, FALSE);
      gtk_list_item_set_child (item, label);
    }

  return label;
}

static void fill_cell (GtkListItem *item,
                       ColumnData  *data);

static gboolean
fill_cell_later_cb (gpointer user_data)
{
  GtkListItem *item = user_data;
  ColumnData *data = g_object_get_data (G_OBJECT (item), "liaison-column");

  if (data != NULL && gtk_list_item_get_item (item) != NULL)
    fill_cell (item, data);

  return G_SOURCE_REMOVE;
}

/* Shows the record of the cell's row. The list view holds rows it does
 * not show, about five times as many as it does: their cells are filled
 * when shown (see cell_mapped_cb()). Until then they are blank: GTK tells
 * screen readers of them too, and they would read the record the row
 * showed before. */
static void
fill_cell (GtkListItem *item,
           ColumnData  *data)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = GTK_IS_BOX (child) ? gtk_widget_get_last_child (child) : child;
  LiaisonRecord *application;
  g_autofree char *text = NULL;

  g_object_set_data (G_OBJECT (item), "liaison-stale", GINT_TO_POINTER (!gtk_widget_get_mapped (label)));
  if (!gtk_widget_get_mapped (label))
    {
      liaison_cell_label_set_text (LIAISON_CELL_LABEL (label), NULL);
      return;
    }

  /* A row past the end, about to go, shows nothing. */
  application = liaison_list_row_get_record (gtk_list_item_get_item (item));
  if (application == NULL)
    {
      liaison_cell_label_set_text (LIAISON_CELL_LABEL (label), NULL);
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "warning");
      return;
    }

  text = column_text (data->view, application, data->column);

  if (data->column == COLUMN_NAME)
    {
      LiaisonDatabase *database = data->view->database;
      gboolean conflict = database != NULL &&
                          (liaison_sync_has_conflict (database, liaison_record_get_uuid (application)) ||
                           liaison_sync_has_conflict (database, liaison_record_get_text (application, "person")));

      /* The icon comes or goes outside the list's layout, which shows the
       * cell. */
      if (conflict != GTK_IS_BOX (child) && data->view->laying_out)
        g_idle_add_full (G_PRIORITY_HIGH_IDLE, fill_cell_later_cb, g_object_ref (item), g_object_unref);
      else
        label = name_cell_label (item, conflict);
    }

  liaison_cell_label_set_text (LIAISON_CELL_LABEL (label), text);

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  if (data->column == COLUMN_DOCUMENTS)
    {
      switch (liaison_application_get_deadline_state (application, data->view->today))
        {
        case LIAISON_DEADLINE_OVERDUE:
          gtk_widget_add_css_class (label, "error");
          break;
        case LIAISON_DEADLINE_MISSING:
          gtk_widget_add_css_class (label, "warning");
          break;
        default:
          break;
        }
    }
}

/* A row come into sight, whose record changed while it was not */
static void
cell_mapped_cb (GtkWidget   *label,
                GtkListItem *item)
{
  ColumnData *data = g_object_get_data (G_OBJECT (item), "liaison-column");

  if (data != NULL && g_object_get_data (G_OBJECT (item), "liaison-stale") != NULL &&
      gtk_list_item_get_item (item) != NULL)
    {
      data->view->laying_out = TRUE;
      fill_cell (item, data);
      data->view->laying_out = FALSE;
    }
}

/* Another record in the row's place: the list was sorted again, say */
static void
row_record_changed_cb (LiaisonListRow *row,
                       GParamSpec     *pspec,
                       GtkListItem    *item)
{
  fill_cell (item, g_object_get_data (G_OBJECT (item), "liaison-column"));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  fill_cell (item, data);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::record",
                           G_CALLBACK (row_record_changed_cb), item, 0);
  if (data->column == COLUMN_DOCUMENTS)
    g_hash_table_add (data->view->document_cells, item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnData               *data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), row_record_changed_cb, item);
  if (data->column == COLUMN_DOCUMENTS)
    g_hash_table_remove (data->view->document_cells, item);
}

static void update_query   (LiaisonFellowshipView *self);
static void update_filters (LiaisonFellowshipView *self);

/* A new day while the view is open: the deadlines passed are overdue, in
 * the Documents column and for the search and the order by it. */
static void
check_today (LiaisonFellowshipView *self)
{
  g_autofree char *today = liaison_today ();
  GHashTableIter iter;
  gpointer item;

  if (g_strcmp0 (today, self->today) == 0)
    return;

  g_free (self->today);
  self->today = g_steal_pointer (&today);

  g_hash_table_iter_init (&iter, self->document_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    fill_cell (item, self->column_data[COLUMN_DOCUMENTS]);

  /* A search for the overdue may find others now: what it found no longer
   * stays selected, as with any new search. */
  if (self->applications == NULL)
    return;
  if (self->search != NULL && self->search[0] != '\0')
    update_filters (self);
  else
    update_query (self);
}

static void schedule_midnight (LiaisonFellowshipView *self);

static gboolean
midnight_cb (gpointer user_data)
{
  LiaisonFellowshipView *self = user_data;

  self->midnight_timeout = 0;
  check_today (self);
  schedule_midnight (self);

  return G_SOURCE_REMOVE;
}

/* A second after the next midnight, or in an hour if that is sooner: the
 * timer does not count the time the computer sleeps, so it would be late
 * by as long. The window becoming active looks again too. */
#define MAX_WAIT_SECONDS 3600

static void
schedule_midnight (LiaisonFellowshipView *self)
{
  g_autoptr(GDateTime) now = liaison_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);
  GTimeSpan left = g_date_time_difference (next, now) / G_TIME_SPAN_SECOND + 1;

  g_clear_handle_id (&self->midnight_timeout, g_source_remove);
  self->midnight_timeout = g_timeout_add_seconds (CLAMP (left, 1, MAX_WAIT_SECONDS), midnight_cb, self);
}

static void
add_columns (LiaisonFellowshipView *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      ColumnData *data = g_new0 (ColumnData, 1);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      data->view = self;
      data->column = column;
      self->column_data[column] = data;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), data);

      /* It makes the column's title a button; the database sorts (see
       * update_query()). */
      sorter = GTK_SORTER (gtk_custom_sorter_new (NULL, NULL, NULL));

      view_column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "applicants column", column_titles[column]),
                                                g_object_ref (factory));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_fixed_width (view_column, column_widths[column]);
      gtk_column_view_append_column (self->column_view, view_column);
      data->view_column = view_column;
    }
}

static void replace_rows_begin (LiaisonFellowshipView *self);
static void replace_rows_end   (LiaisonFellowshipView *self);
static void add_toast          (LiaisonFellowshipView *self,
                                AdwToast              *toast);

/* What each column sorts by, in the database */
static void
set_sort (LiaisonFellowshipView *self)
{
  GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  GtkColumnViewColumn *sorted_by = gtk_column_view_sorter_get_primary_sort_column (sorter);
  gboolean descending = gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;
  static const char *fields[N_COLUMNS] = {
    [COLUMN_NAME] = NULL,              /* the natural order: the reading of the name */
    [COLUMN_TITLE] = "person.title",
    [COLUMN_GOVERNMENT] = "government",
    [COLUMN_JURISDICTION] = "jurisdiction",
    [COLUMN_NOMINATOR] = "nominator",
    [COLUMN_STATUS] = "status",        /* in the order of the pipeline */
    [COLUMN_DOCUMENTS] = NULL,
  };
  Column column = COLUMN_NAME;

  for (Column i = 0; sorted_by != NULL && i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) view_column =
        g_list_model_get_item (gtk_column_view_get_columns (self->column_view), i);

      if (view_column == sorted_by)
        column = i;
    }

  if (sorted_by == NULL)
    liaison_record_list_set_sort (self->applications, NULL, FALSE);
  else if (column == COLUMN_DOCUMENTS)
    liaison_application_sort_by_documents (self->applications, self->today, descending);
  else
    liaison_record_list_set_sort (self->applications, fields[column], descending);
}

/* Tells the list what to show: the year, jurisdiction, status and tag
 * chosen, what is typed in the search, and the order. */
static void
set_query (LiaisonFellowshipView *self)
{
  int year = self->shown_year;

  liaison_record_list_clear_filters (self->applications);
  if (year > 0)
    {
      g_autofree char *value = g_strdup_printf ("%d", year);

      liaison_record_list_add_filter (self->applications, "cohort_year", value);
    }
  if (self->shown_jurisdiction > 0)
    liaison_record_list_add_filter (self->applications, "jurisdiction",
                                    liaison_reference_get_subdivision (self->shown_jurisdiction - 1)->code);
  if (self->status != NULL)
    liaison_record_list_add_filter (self->applications, "status", self->status);
  if (self->tag != NULL)
    liaison_record_list_add_filter (self->applications, "tags", self->tag);

  liaison_record_list_set_search (self->applications, self->search);
  liaison_application_search_by_documents (self->applications, self->today);
  set_sort (self);
}

typedef struct
{
  LiaisonFellowshipView *view;
  guint                  serial;
} Reload;

/* A search or an order of a hundred thousand takes a moment: the header
 * says the list is being read when it takes longer than a glance. */
#define SPINNER_DELAY_MS 300

static gboolean
show_spinner_cb (gpointer user_data)
{
  LiaisonFellowshipView *self = user_data;

  self->spinner_timeout = 0;
  if (self->list_header_bar == NULL)
    return G_SOURCE_REMOVE;

  if (self->spinner == NULL)
    {
      self->spinner = adw_spinner_new ();
      gtk_widget_set_tooltip_text (self->spinner, _("Reading the applicants…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reading the applicants"), -1);
      adw_header_bar_pack_end (self->list_header_bar, self->spinner);
    }
  gtk_widget_set_visible (self->spinner, TRUE);

  return G_SOURCE_REMOVE;
}

static void
loading_changed (LiaisonFellowshipView *self)
{
  /* Gone with the view's widgets */
  if (self->list_header_bar == NULL)
    return;

  if (self->reloads > 0)
    {
      if (self->spinner_timeout == 0 && (self->spinner == NULL || !gtk_widget_get_visible (self->spinner)))
        self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
      return;
    }

  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  if (self->spinner != NULL)
    gtk_widget_set_visible (self->spinner, FALSE);
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reload *reload = user_data;
  g_autoptr(LiaisonFellowshipView) self = reload->view;
  LiaisonRecordList *applications = LIAISON_RECORD_LIST (object);
  g_autoptr(GError) error = NULL;
  gboolean latest = reload->serial == self->reload_serial && applications == self->applications;

  g_free (reload);
  self->reloads--;
  loading_changed (self);

  /* A newer one is under way: this one is out of date. */
  if (!latest)
    {
      liaison_record_list_reload_finish (applications, result, NULL);
      return;
    }

  replace_rows_begin (self);
  if (!liaison_record_list_reload_finish (applications, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The applicants could not be read: %s"), error->message);

      add_toast (self, adw_toast_new (message));
    }
  replace_rows_end (self);
}

/* Reads the list again for what set_query() asks. In a worker thread
 * the rows shown stay until the new ones are known. */
static void
update_query (LiaisonFellowshipView *self)
{
  Reload *reload;

  if (self->applications == NULL)
    return;

  set_query (self);

  reload = g_new0 (Reload, 1);
  reload->view = g_object_ref (self);
  reload->serial = ++self->reload_serial;
  self->reloads++;
  loading_changed (self);
  liaison_record_list_reload_async (self->applications, NULL, reloaded_cb, reload);
}

/* Other applicants: those selected are let go of, as they may not be
 * shown any more. Another order keeps them. */
static void
update_filters (LiaisonFellowshipView *self)
{
  if (self->selection != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  update_query (self);
}

/* The column the list is sorted by, as the Sort By menu names it, and
 * whether the largest come first */
static const char *
sort_column (LiaisonFellowshipView *self,
             gboolean              *descending)
{
  GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  GtkColumnViewColumn *sorted_by = gtk_column_view_sorter_get_primary_sort_column (sorter);
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  if (descending != NULL)
    *descending = sorted_by != NULL && gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;

  for (guint i = 0; sorted_by != NULL && i < g_list_model_get_n_items (columns) && i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (column == sorted_by)
        return column_ids[i];
    }

  /* The natural order is by name */
  return column_ids[COLUMN_NAME];
}

static void
sorter_changed_cb (LiaisonFellowshipView *self)
{
  /* The Sort By menu follows the column titles. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_COLUMN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
  update_query (self);
}

/* Sorts by the column @id, as its title does */
static void
sort_by (LiaisonFellowshipView *self,
         const char            *id,
         gboolean               descending)
{
  for (guint i = 0; id != NULL && i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;

      if (!g_str_equal (column_ids[i], id))
        continue;

      column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), i);
      gtk_column_view_sort_by_column (self->column_view, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      return;
    }
}

/* Rows are 21 pixels high or a little more (Japanese text is taller), and
 * the header bar, the filters and the column titles take about 120. */
#define ROW_HEIGHT 20
#define ABOVE_ROWS 120

/* The first frame shows about as many rows as the window has room for;
 * the rest follow with the next frames, as many at a time. */
static guint
first_rows (LiaisonFellowshipView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = 0;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), NULL, &height);
  if (height <= 0)
    return 60;

  return CLAMP ((height - ABOVE_ROWS) / ROW_HEIGHT + 1, 10, 100);
}

/* The list being read again */
static gboolean
models_pending (LiaisonFellowshipView *self)
{
  return self->reloads > 0;
}

/* The list view makes widgets for up to 200 rows, whatever the list's
 * length. Made all at once, they would take many frames' time: a few
 * more rows come after each frame instead, each a few hundred
 * microseconds' work, until the list view has all it will hold. */
#define LIST_VIEW_ROWS 200
#define ROWS_A_FRAME 15

static void
show_all_rows_cb (GdkFrameClock         *frame_clock,
                  LiaisonFellowshipView *self)
{
  guint size;

  if (self->selection == NULL)
    {
      g_signal_handlers_disconnect_by_func (frame_clock, show_all_rows_cb, self);
      self->growing = FALSE;
      return;
    }

  /* Not while the rows may still be put in another order: the list view
   * would look through them all for the rows it follows (see
   * replace_rows_begin()); and not before what the first frame held back
   * has followed (see first_frame_cb()). */
  if (models_pending (self) || !self->caught_up)
    {
      gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
      return;
    }

  /* Nor before the window has settled: settled_cb() asks for a frame. */
  if (!self->settled)
    return;

  size = liaison_record_selection_get_limit (self->selection);
  if (size >= LIST_VIEW_ROWS)
    {
      g_signal_handlers_disconnect_by_func (frame_clock, show_all_rows_cb, self);
      self->growing = FALSE;
      liaison_record_selection_set_limit (self->selection, G_MAXUINT);
      return;
    }

  liaison_record_selection_set_limit (self->selection, size + ROWS_A_FRAME);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* Shows the rest of the rows over the next frames, once the list is on
 * screen (at once if it is not). The list's "map" handler tells it is:
 * the widget is not marked as mapped before the signal. */
static void
grow_rows (LiaisonFellowshipView *self,
           gboolean               mapped)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view));

  if (self->selection == NULL || self->growing || liaison_record_selection_get_limit (self->selection) == G_MAXUINT)
    return;

  if (frame_clock != NULL && (mapped || gtk_widget_get_mapped (GTK_WIDGET (self->column_view))))
    {
      self->growing = TRUE;
      g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (show_all_rows_cb), self, 0);
    }
  else if (!models_pending (self))
    liaison_record_selection_set_limit (self->selection, G_MAXUINT);
}

static void
column_view_mapped_cb (LiaisonFellowshipView *self)
{
  grow_rows (self, TRUE);
}

/* Another year, filter or order changes every row at once. Told as rows
 * removed and added, a list view would look through every new row for the
 * rows it follows (the focus), reading each from the database, and would
 * make a widget anew for every row it shows. The list's rows stay in
 * place instead (see LiaisonRecordSelection) and show the new records;
 * only rows at the end come or go. */
static void
replace_rows_begin (LiaisonFellowshipView *self)
{
  if (self->selection != NULL)
    liaison_record_selection_freeze (self->selection);
}

/* The rows left past the end of the list go a few a frame, for GTK
 * destroys the widgets of every row taken away. */
static void
let_go_cb (GdkFrameClock         *frame_clock,
           LiaisonFellowshipView *self)
{
  if (self->selection == NULL || !liaison_record_selection_let_go (self->selection))
    {
      g_signal_handlers_disconnect_by_func (frame_clock, let_go_cb, self);
      self->letting_go = FALSE;
      return;
    }

  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
replace_rows_end (LiaisonFellowshipView *self)
{
  GtkAdjustment *adjustment;
  GdkFrameClock *frame_clock;
  guint in_sight;
  guint shown;
  gboolean far;

  if (self->selection == NULL)
    return;

  /* The rows shown stay and show the new records; more rows than before
   * follow a screenful a frame. Further down, the list goes back to its
   * top, where the list view moves the rows' widgets. */
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  far = gtk_adjustment_get_value (adjustment) >= self->first_rows * ROW_HEIGHT;

  /* Fewer rows than before: those past the end that may be in sight go at
   * once, the others a few a frame. With none left, none is in sight: the
   * view shows that the list is empty instead (see update_count()), and
   * a screenful of rows stays behind it, for the rows of an undone
   * deletion, or of the next list, to come in the place of. */
  in_sight = (guint) ((far ? 0 : gtk_adjustment_get_value (adjustment)) + gtk_adjustment_get_page_size (adjustment)) /
             ROW_HEIGHT + 2;
  in_sight = MAX (in_sight, self->first_rows);
  if (self->applications != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->applications)) == 0)
    {
      liaison_record_selection_set_rows_in_sight (self->selection, 0);
      liaison_record_selection_set_rows_kept (self->selection, in_sight);
    }
  else
    {
      liaison_record_selection_set_rows_in_sight (self->selection, in_sight);
      liaison_record_selection_set_rows_kept (self->selection, 0);
    }

  liaison_record_selection_thaw (self->selection, MAX (shown, self->first_rows));
  if (far && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_column_view_scroll_to (self->column_view, 0, NULL, GTK_LIST_SCROLL_NONE, NULL);
  grow_rows (self, FALSE);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view));
  if (frame_clock == NULL)
    {
      while (liaison_record_selection_let_go (self->selection))
        ;
    }
  else if (!self->letting_go)
    {
      self->letting_go = TRUE;
      g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (let_go_cb), self, 0);
      gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }
}

/* Shows @child of @stack, and hides its other pages: GTK styles the pages
 * a stack keeps out of sight as well, every widget of them, whenever the
 * window is styled again (in the dark style, or in the background). */
static void
show_only (GtkStack  *stack,
           GtkWidget *child)
{
  gtk_widget_set_visible (child, TRUE);
  gtk_stack_set_visible_child (stack, child);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      if (page != child)
        gtk_widget_set_visible (page, FALSE);
    }
}

static void
update_count (LiaisonFellowshipView *self)
{
  guint n = self->applications != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->applications)) : 0;
  /* Translators: %'u is a number, grouped as the language groups digits */
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u applicant", "%'u applicants", n), n);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  show_only (self->list_stack, gtk_stack_get_child_by_name (self->list_stack, n > 0 ? "list" : "empty"));
}

static void
items_changed_cb (LiaisonFellowshipView *self)
{
  update_count (self);
}

static void
search_changed_cb (LiaisonFellowshipView *self)
{
  liaison_fellowship_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
status_changed_cb (LiaisonFellowshipView *self)
{
  guint selected = liaison_choice_button_get_selected (self->status_dropdown);
  const LiaisonField *field = liaison_record_type_find_field (&liaison_application_type, "status");
  const char *status = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    status = field->choices[selected - 1].value;

  if (g_strcmp0 (status, self->status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  update_filters (self);
}

/* The year and the jurisdiction (a position of its drop-down) chosen */
static gboolean
chosen_place_and_year (LiaisonFellowshipView *self,
                       int                   *year,
                       guint                 *jurisdiction)
{
  guint selected = liaison_choice_button_get_selected (self->year_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->years->len)
    return FALSE;

  *year = g_array_index (self->years, int, selected);
  *jurisdiction = liaison_choice_button_get_selected (self->jurisdiction_dropdown);
  if (*jurisdiction == GTK_INVALID_LIST_POSITION)
    *jurisdiction = 0;

  return TRUE;
}

static void
year_changed_cb (LiaisonFellowshipView *self)
{
  guint jurisdiction;
  int year;

  if (self->applications == NULL || !chosen_place_and_year (self, &year, &jurisdiction))
    return;

  /* A drop-down given more choices tells its choice again: nothing to do
   * unless it is another. */
  if (self->shown_year == year && self->shown_jurisdiction == jurisdiction)
    return;
  self->shown_year = year;
  self->shown_jurisdiction = jurisdiction;
  update_filters (self);
}

static void
tag_changed_cb (LiaisonFellowshipView *self)
{
  guint selected = liaison_choice_button_get_selected (self->tag_dropdown);
  const char *tag = NULL;

  if (self->tags != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= g_strv_length (self->tags))
    tag = self->tags[selected - 1];

  /* The tags read again tell the same choice again. */
  if (g_strcmp0 (tag, self->tag) == 0)
    return;

  g_free (self->tag);
  self->tag = g_strdup (tag);
  update_filters (self);
}

static void
tags_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LiaisonFellowshipView) self = user_data;
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = g_strdup (self->tag);
  GStrv tags;
  guint position = 0;

  tags = liaison_database_dup_tags_finish (LIAISON_DATABASE (object), result, &error);
  if (tags == NULL || LIAISON_DATABASE (object) != self->database)
    {
      g_strfreev (tags);
      return;
    }

  g_clear_pointer (&self->tags, g_strfreev);
  self->tags = tags;

  gtk_string_list_append (items, _("All Tags"));
  for (guint i = 0; self->tags[i] != NULL; i++)
    {
      gtk_string_list_append (items, self->tags[i]);
      if (g_strcmp0 (chosen, self->tags[i]) == 0)
        position = i + 1;
    }

  liaison_choice_button_set_model (self->tag_dropdown, G_LIST_MODEL (items));
  liaison_choice_button_set_selected (self->tag_dropdown, position);
}

/* The tags in use, offered in the tag drop-down; the one chosen stays.
 * Finding them reads every applicant, so a worker thread does it. */
static void
fill_tags (LiaisonFellowshipView *self)
{
  if (self->database != NULL)
    liaison_database_dup_tags_async (self->database, &liaison_application_type, NULL,
                                     tags_read_cb, g_object_ref (self));
}

/* Many applicants changed at once (a new status for a cohort, a sync):
 * the list reads them all again. As with another year (see
 * replace_rows_begin()), the rows shown are let go of until it has. */
static void
applicants_changed_cb (LiaisonFellowshipView *self,
                       const char            *type_name,
                       const char            *uuid)
{
  if (uuid == NULL && g_str_equal (type_name, liaison_application_type.name))
    replace_rows_end (self);
}

static void
record_changed_cb (LiaisonFellowshipView *self,
                   const char            *type_name,
                   const char            *uuid)
{
  /* Told before the list is, and applicants_changed_cb() after */
  if (uuid == NULL && g_str_equal (type_name, liaison_application_type.name))
    replace_rows_begin (self);

  /* A person or an organization renamed: the lists show their names. */
  if (uuid != NULL)
    {
      g_hash_table_remove (self->titles, uuid);
      g_hash_table_remove (self->job_titles, uuid);
    }
  else
    {
      g_hash_table_remove_all (self->titles);
      g_hash_table_remove_all (self->job_titles);
    }
}

static void
open_editor (LiaisonFellowshipView *self,
             LiaisonRecord         *application,
             LiaisonRecord         *person);
static void
show_editor (LiaisonFellowshipView *self,
             LiaisonRecord         *application,
             LiaisonRecord         *person);
static void
add_toast (LiaisonFellowshipView *self,
           AdwToast              *toast);
static void
open_existing_cb (LiaisonFellowshipView *self,
                  LiaisonRecord         *application);

static void
undo_delete_cb (AdwToast              *toast,
                LiaisonFellowshipView *self)
{
  LiaisonRecord *application = g_object_get_data (G_OBJECT (toast), "application");
  g_autoptr(GError) error = NULL;

  if (!liaison_database_undelete (self->database, application, &error))
    add_toast (self, adw_toast_new (error->message));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  liaison_undo_activate (widget);
}

static void
show_deleted_toast (LiaisonFellowshipView *self,
                    LiaisonRecord         *application)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  toast = adw_toast_new (_("Applicant deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "application", g_object_ref (application), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  liaison_undo_offer (GTK_WIDGET (self), "fellowship.undo", toast);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static gboolean
drop_editor_cb (gpointer data)
{
  g_object_unref (data);

  return G_SOURCE_REMOVE;
}

/* Taking an editor's several hundred widgets out of the window, then
 * freeing them, takes longer than a frame: each is a step of its own,
 * once the window has done what it had to. */
static gboolean
take_apart_cb (gpointer user_data)
{
  LiaisonFellowshipView *self = user_data;
  GtkWidget *editor;

  self->leaving_idle = 0;
  if (self->leaving->len == 0)
    return G_SOURCE_REMOVE;

  editor = g_ptr_array_steal_index (self->leaving, 0);
  if (gtk_widget_get_parent (editor) == GTK_WIDGET (self->detail_stack))
    gtk_stack_remove (self->detail_stack, editor);
  g_idle_add_full (G_PRIORITY_LOW, drop_editor_cb, editor, NULL);

  if (self->leaving->len > 0)
    self->leaving_idle = g_idle_add_full (G_PRIORITY_LOW, take_apart_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

/* Shows @child in the detail pane; the editor shown before goes a moment
 * later (see take_apart_cb()). */
static void
show_detail (LiaisonFellowshipView *self,
             GtkWidget             *child)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->detail_stack);

  if (gtk_widget_get_parent (child) == NULL)
    gtk_stack_add_child (self->detail_stack, child);
  show_only (self->detail_stack, child);

  if (shown != NULL && shown != child && shown != self->detail_placeholder)
    {
      /* It may still be checking a new applicant before it saves it:
       * that save is let go of, as the Discard of the question about
       * unsaved changes asks. */
      if (LIAISON_IS_APPLICANT_EDITOR (shown))
        liaison_applicant_editor_cancel_save (LIAISON_APPLICANT_EDITOR (shown));
      g_ptr_array_add (self->leaving, g_object_ref (shown));
      if (self->leaving_idle == 0)
        self->leaving_idle = g_idle_add_full (G_PRIORITY_LOW, take_apart_cb, self, NULL);
    }
}

/* The detail pane with no applicant open: what to do, and the window's
 * controls in its header bar. */
static void
show_placeholder (LiaisonFellowshipView *self)
{
  show_detail (self, self->detail_placeholder);
}

static void
editor_deleted_cb (LiaisonFellowshipView *self,
                   LiaisonRecord         *application)
{
  show_deleted_toast (self, application);

  show_placeholder (self);
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
}

static void
editor_saved_cb (LiaisonFellowshipView  *self,
                 LiaisonApplicantEditor *editor)
{
  g_autofree char *title = liaison_person_dup_display_name (liaison_applicant_editor_get_person (editor));

  /* A new applicant has a name now; a tag may be new too. */
  adw_navigation_page_set_title (self->detail_page, title);
  fill_tags (self);
}

/* The applicant to open once the one open is saved */
typedef struct
{
  LiaisonFellowshipView *view;
  LiaisonRecord         *application;
  LiaisonRecord         *person;
} NextApplicant;

static void
next_applicant_free (NextApplicant *next)
{
  g_object_unref (next->view);
  g_object_unref (next->application);
  g_object_unref (next->person);
  g_free (next);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NextApplicant, next_applicant_free)

static void
saved_before_next_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(NextApplicant) next = user_data;
  g_autoptr(GError) error = NULL;

  /* Not saved: the person chose to open the applicant already there, or
   * to go on with this one */
  if (!liaison_applicant_editor_save_finish (LIAISON_APPLICANT_EDITOR (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (next->view, adw_toast_new (error->message));
      return;
    }

  if (liaison_fellowship_view_get_editor (next->view) == GTK_WIDGET (source))
    show_editor (next->view, next->application, next->person);
}

static void
unsaved_response_cb (AdwAlertDialog        *dialog,
                     const char            *response,
                     LiaisonFellowshipView *self)
{
  LiaisonRecord *application = g_object_get_data (G_OBJECT (dialog), "application");
  LiaisonRecord *person = g_object_get_data (G_OBJECT (dialog), "person");
  GtkWidget *editor = liaison_fellowship_view_get_editor (self);

  if (g_str_equal (response, "cancel"))
    return;

  /* Saved as the Save button saves: a new applicant checked first */
  if (g_str_equal (response, "save") && editor != NULL)
    {
      NextApplicant *next = g_new0 (NextApplicant, 1);

      next->view = g_object_ref (self);
      next->application = g_object_ref (application);
      next->person = g_object_ref (person);
      liaison_applicant_editor_save_async (LIAISON_APPLICANT_EDITOR (editor), saved_before_next_cb, next);
      return;
    }

  show_editor (self, application, person);
}

/* Opens another applicant, after asking what to do with unsaved changes
 * to the one open. */
static void
open_editor (LiaisonFellowshipView *self,
             LiaisonRecord         *application,
             LiaisonRecord         *person)
{
  GtkWidget *editor = liaison_fellowship_view_get_editor (self);
  AdwDialog *dialog;

  if (editor == NULL || !liaison_applicant_editor_is_modified (LIAISON_APPLICANT_EDITOR (editor)))
    {
      show_editor (self, application, person);
      return;
    }

  dialog = liaison_applicant_editor_new_unsaved_dialog (LIAISON_APPLICANT_EDITOR (editor));
  g_object_set_data_full (G_OBJECT (dialog), "application", g_object_ref (application), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

#define SPARE_EDITOR_DELAY_MS 1000

static gboolean
make_spare_editor_cb (gpointer user_data)
{
  LiaisonFellowshipView *self = user_data;

  self->spare_timeout = 0;
  if (self->spare_editor == NULL)
    self->spare_editor = g_object_ref_sink (liaison_applicant_editor_new_empty ());

  return G_SOURCE_REMOVE;
}

/* Most of what opening an applicant costs is the editor's template, so
 * one is made ahead: at start-up, a while after the window's last change */
static void
make_spare_editor_later (LiaisonFellowshipView *self)
{
  g_clear_handle_id (&self->spare_timeout, g_source_remove);
  self->spare_timeout = g_timeout_add_full (G_PRIORITY_LOW, SPARE_EDITOR_DELAY_MS,
                                            make_spare_editor_cb, self, NULL);
}

/* Then once the editor shown has all its rows, so that the next applicant
 * opened, often a moment later, finds one */
static void
editor_built_cb (LiaisonFellowshipView *self)
{
  if (self->spare_editor != NULL)
    return;

  g_clear_handle_id (&self->spare_timeout, g_source_remove);
  self->spare_timeout = g_idle_add_full (G_PRIORITY_LOW, make_spare_editor_cb, self, NULL);
}

static void
show_editor (LiaisonFellowshipView *self,
             LiaisonRecord         *application,
             LiaisonRecord         *person)
{
  GtkWidget *editor;
  g_autofree char *title = liaison_person_dup_display_name (person);

  if (self->spare_editor != NULL)
    editor = g_steal_pointer (&self->spare_editor);
  else
    editor = g_object_ref_sink (liaison_applicant_editor_new_empty ());
  liaison_applicant_editor_open (LIAISON_APPLICANT_EDITOR (editor), self->database, application, person);

  g_signal_connect_object (editor, "deleted", G_CALLBACK (editor_deleted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-existing", G_CALLBACK (open_existing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "built", G_CALLBACK (editor_built_cb), self, G_CONNECT_SWAPPED);

  show_detail (self, editor);
  g_object_unref (editor);
  adw_navigation_page_set_title (self->detail_page, title[0] != '\0' ? title : _("New Applicant"));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
open_application (LiaisonFellowshipView *self,
                  LiaisonRecord         *application,
                  gboolean               ask)
{
  g_autoptr(LiaisonRecord) copy = NULL;
  g_autoptr(LiaisonRecord) person = NULL;
  g_autoptr(GError) error = NULL;

  copy = liaison_database_get (self->database, &liaison_application_type, liaison_record_get_uuid (application), &error);
  if (copy != NULL)
    person = liaison_database_get (self->database, &liaison_person_type,
                                   liaison_record_get_text (copy, "person"), &error);
  if (person == NULL)
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }

  if (ask)
    open_editor (self, copy, person);
  else
    show_editor (self, copy, person);
}

/**
 * liaison_fellowship_view_open:
 * @self: the view
 * @application: an application
 *
 * Opens a copy of @application and its person in the editor, asking first
 * what to do with changes not saved to the applicant open.
 */
void
liaison_fellowship_view_open (LiaisonFellowshipView *self,
                              LiaisonRecord         *application)
{
  g_return_if_fail (LIAISON_IS_FELLOWSHIP_VIEW (self));
  g_return_if_fail (LIAISON_IS_APPLICATION (application));

  open_application (self, application, TRUE);
}

/* The user would rather open the existing applicant than save the new one. */
static void
open_existing_cb (LiaisonFellowshipView *self,
                  LiaisonRecord         *application)
{
  open_application (self, application, FALSE);
}

static void
row_activated_cb (LiaisonFellowshipView *self,
                  guint                  position)
{
  g_autoptr(LiaisonRecord) application = g_list_model_get_item (G_LIST_MODEL (self->applications), position);

  if (application != NULL)
    liaison_fellowship_view_open (self, application);
}

static int
coming_cohort_year (void)
{
  g_autoptr(GDateTime) now = liaison_now_local ();

  /* The fellows of a year travel in the autumn; the next cohort is next
   * year's. */
  return g_date_time_get_year (now) + 1;
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (widget);
  g_autoptr(LiaisonRecord) application = NULL;
  g_autoptr(LiaisonRecord) person = NULL;
  guint selected = liaison_choice_button_get_selected (self->year_dropdown);
  int year = coming_cohort_year ();

  if (self->database == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->years->len && g_array_index (self->years, int, selected) != 0)
    year = g_array_index (self->years, int, selected);

  person = liaison_record_new (&liaison_person_type);
  application = liaison_record_new (&liaison_application_type);
  liaison_record_set_text (application, "person", liaison_record_get_uuid (person));
  liaison_record_set_integer (application, "cohort_year", year);
  liaison_record_set_text (application, "status", "inquiry");
  liaison_record_set_text (application, "government_level", "city");

  open_editor (self, application, person);
}

/* The applicants selected in the list, in its order */
static GListStore *
dup_selected (LiaisonFellowshipView *self)
{
  GListStore *store = g_list_store_new (LIAISON_TYPE_APPLICATION);
  g_autoptr(GArray) ids = NULL;
  guint n;

  if (self->selection == NULL)
    return store;

  ids = liaison_record_selection_get_selected (self->selection);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->applications));
  for (guint i = 0, found = 0; i < n && found < ids->len; i++)
    {
      if (liaison_record_list_get_id (self->applications, i) == g_array_index (ids, gint64, found))
        {
          g_autoptr(LiaisonRecord) application = g_list_model_get_item (G_LIST_MODEL (self->applications), i);

          g_list_store_append (store, application);
          found++;
        }
    }

  return store;
}

static void
add_toast (LiaisonFellowshipView *self,
           AdwToast              *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

typedef struct
{
  LiaisonFellowshipView *view;
  AdwToast              *toast;
} LaterToast;

static gboolean
add_toast_later_cb (gpointer user_data)
{
  LaterToast *later = user_data;

  add_toast (later->view, g_steal_pointer (&later->toast));

  return G_SOURCE_REMOVE;
}

static void
later_toast_free (gpointer data)
{
  LaterToast *later = data;

  if (later->toast != NULL)
    g_object_unref (g_object_ref_sink (later->toast));
  g_object_unref (later->view);
  g_free (later);
}

/* Shown once what the window had to do first is done: the toast takes a
 * few milliseconds to make, which need not add to the rows' */
static void
add_toast_later (LiaisonFellowshipView *self,
                 AdwToast              *toast)
{
  LaterToast *later = g_new0 (LaterToast, 1);

  later->view = g_object_ref (self);
  later->toast = toast;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_toast_later_cb, later, later_toast_free);
}

/* The applicant open, if it was deleted: a later Save would write to a
 * deleted record. */
static void
close_editor_if_deleted (LiaisonFellowshipView *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->detail_stack);
  g_autoptr(LiaisonRecord) stored = NULL;
  LiaisonRecord *open;

  if (!LIAISON_IS_APPLICANT_EDITOR (shown) || self->database == NULL)
    return;

  open = liaison_applicant_editor_get_application (LIAISON_APPLICANT_EDITOR (shown));
  if (open != NULL)
    stored = liaison_database_get (self->database, &liaison_application_type, liaison_record_get_uuid (open), NULL);

  if (stored != NULL && liaison_record_is_deleted (stored))
    {
      show_placeholder (self);
      adw_navigation_split_view_set_show_content (self->split_view, FALSE);
    }
}

static void selection_changed_cb (LiaisonFellowshipView *self);

typedef struct
{
  LiaisonFellowshipView *view;
  GArray                *ids;
  gboolean               deleted;
} BulkDelete;

static void set_deleted_in_worker (LiaisonFellowshipView *self,
                                   GArray                *ids,
                                   gboolean               deleted);

static void
undo_delete_all_cb (AdwToast              *toast,
                    LiaisonFellowshipView *self)
{
  set_deleted_in_worker (self, g_object_get_data (G_OBJECT (toast), "ids"), FALSE);
}

static void
set_deleted_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BulkDelete *job = user_data;
  g_autoptr(LiaisonFellowshipView) self = job->view;
  g_autoptr(GArray) ids = job->ids;
  gboolean deleted = job->deleted;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_free (job);
  self->saving = FALSE;
  selection_changed_cb (self);
  if (!liaison_database_save_all_finish (LIAISON_DATABASE (object), result, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }

  if (!deleted)
    return;

  close_editor_if_deleted (self);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u applicant deleted", "%u applicants deleted", ids->len),
                           ids->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ids", g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_all_cb), self, 0);
  liaison_undo_offer (GTK_WIDGET (self), "fellowship.undo", toast);
  /* After the rows show the change */
  add_toast_later (self, toast);
}

/* Deletes or restores the applicants of @ids in a worker thread, in one
 * transaction: a whole cohort holds nothing up. The actions on the
 * selection wait until it is done. */
static void
set_deleted_in_worker (LiaisonFellowshipView *self,
                       GArray                *ids,
                       gboolean               deleted)
{
  BulkDelete *job;

  if (self->database == NULL)
    return;

  job = g_new0 (BulkDelete, 1);
  job->view = g_object_ref (self);
  job->ids = g_array_ref (ids);
  job->deleted = deleted;
  self->saving = TRUE;
  selection_changed_cb (self);
  liaison_database_set_deleted_async (self->database, &liaison_application_type, ids, deleted,
                                      NULL, set_deleted_cb, job);
}

static void
delete_selected_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (widget);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GListStore) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) application = NULL;

  if (self->selection == NULL || self->saving)
    return;

  ids = liaison_record_selection_get_selected (self->selection);
  if (ids->len == 0)
    return;

  if (ids->len > 1)
    {
      set_deleted_in_worker (self, ids, TRUE);
      return;
    }

  /* One applicant: deleted here, and its Undo has the record */
  selected = dup_selected (self);
  application = g_list_model_get_item (G_LIST_MODEL (selected), 0);
  if (application == NULL)
    return;

  if (!liaison_database_delete (self->database, application, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }

  close_editor_if_deleted (self);
  show_deleted_toast (self, application);
}

/* The applicants selected are read, changed by @edit and saved in a
 * worker thread, in one transaction; the actions on the selection wait
 * until it is done. They stay selected, wherever the change moves them. */
static void selection_changed_cb (LiaisonFellowshipView *self);

typedef struct
{
  LiaisonFellowshipView *view;
  char                  *done;
} BulkEdit;

static void
edited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  BulkEdit *edit = user_data;
  g_autoptr(LiaisonFellowshipView) self = edit->view;
  g_autofree char *done = edit->done;
  g_autoptr(GError) error = NULL;

  g_free (edit);
  self->saving = FALSE;
  if (!liaison_database_save_all_finish (LIAISON_DATABASE (object), result, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      selection_changed_cb (self);
      return;
    }

  selection_changed_cb (self);
  /* A tag may be new */
  fill_tags (self);
  /* After the rows show the change */
  add_toast_later (self, adw_toast_new (done));
}

/* @done is told when it is done; %u is the number of applicants. */
static void
edit_selected (LiaisonFellowshipView *self,
               LiaisonEditFunc        func,
               gpointer               data,
               GDestroyNotify         data_free,
               const char            *done)
{
  g_autoptr(GArray) ids = NULL;
  BulkEdit *edit;

  if (self->database == NULL || self->selection == NULL)
    {
      data_free (data);
      return;
    }

  ids = liaison_record_selection_get_selected (self->selection);
  edit = g_new0 (BulkEdit, 1);
  edit->view = g_object_ref (self);
  edit->done = g_strdup (done);

  self->saving = TRUE;
  selection_changed_cb (self);
  liaison_database_edit_all_async (self->database, &liaison_application_type, ids,
                                   func, data, data_free, NULL, edited_cb, edit);
}

typedef struct
{
  char *status;
  char *today;
} StatusEdit;

static void
status_edit_free (gpointer data)
{
  StatusEdit *edit = data;

  g_free (edit->status);
  g_free (edit->today);
  g_free (edit);
}

/* In a worker thread */
static void
set_status (LiaisonRecord *application,
            gpointer       data)
{
  StatusEdit *edit = data;

  liaison_record_set_text (application, "status", edit->status);
  if ((g_str_equal (edit->status, "selected") || g_str_equal (edit->status, "alternate") ||
       g_str_equal (edit->status, "not-selected")) &&
      liaison_record_get_text (application, "decision_date")[0] == '\0')
    liaison_record_set_text (application, "decision_date", edit->today);
}

static void
set_status_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (widget);
  StatusEdit *edit = g_new0 (StatusEdit, 1);
  g_autofree char *done = NULL;
  guint n = self->selection != NULL ? liaison_record_selection_get_n_selected (self->selection) : 0;

  edit->status = g_variant_dup_string (parameter, NULL);
  edit->today = liaison_today ();
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Status changed for %u applicant", "Status changed for %u applicants", n), n);
  edit_selected (self, set_status, edit, status_edit_free, done);
}

/* In a worker thread */
static void
add_tag (LiaisonRecord *application,
         gpointer       data)
{
  const char *tag = data;
  const char *old = liaison_record_get_text (application, "tags");
  g_auto(GStrv) tags = g_strsplit (old, "\n", -1);

  if (!g_strv_contains ((const char * const *) tags, tag))
    {
      g_autofree char *joined = old[0] != '\0' ? g_strconcat (old, "\n", tag, NULL) : g_strdup (tag);

      liaison_record_set_text (application, "tags", joined);
    }
}

static void
tag_response_cb (AdwAlertDialog        *dialog,
                 const char            *response,
                 LiaisonFellowshipView *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *done = NULL;

  if (!g_str_equal (response, "tag") || tag[0] == '\0')
    return;

  /* Translators: %s is a tag */
  done = g_strdup_printf (_("Tagged “%s”"), tag);
  edit_selected (self, add_tag, g_steal_pointer (&tag), g_free, done);
}

static void
tag_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (widget);
  AdwDialog *dialog = adw_alert_dialog_new (_("Tag the Selected Applicants"), NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag"), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "tag", _("_Tag"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "tag", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "tag");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (tag_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* The bar of what can be done to several applicants at once, made the
 * first time it is needed */
static void
ensure_selection_bar (LiaisonFellowshipView *self)
{
  static const struct {
    const char *icon_name;
    const char *action;
    const char *tooltip;
  } buttons[] = {
    { "user-trash-symbolic", "fellowship.delete", N_("Delete Selected") },
    { "document-save-as-symbolic", "fellowship.export-selected", N_("Export Selected as CSV") },
    { "liaison-tag-symbolic", "fellowship.tag", N_("Tag Selected") },
  };
  GtkWidget *status_button;

  if (self->selection_bar != NULL)
    return;

  self->selection_bar = GTK_ACTION_BAR (gtk_action_bar_new ());
  gtk_action_bar_set_revealed (self->selection_bar, FALSE);
  self->selection_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_action_bar_pack_start (self->selection_bar, GTK_WIDGET (self->selection_label));

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (buttons[i].icon_name);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      gtk_widget_set_tooltip_text (button, _(buttons[i].tooltip));
      gtk_action_bar_pack_end (self->selection_bar, button);
    }

  status_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (status_button), _("Status"));
  gtk_widget_set_tooltip_text (status_button, _("Change the Status of the Selected"));
  liaison_menu_button_set_menu_later (GTK_MENU_BUTTON (status_button), self->status_menu);
  gtk_action_bar_pack_end (self->selection_bar, status_button);

  adw_toolbar_view_add_bottom_bar (self->list_toolbar, GTK_WIDGET (self->selection_bar));
}

static void
selection_changed_cb (LiaisonFellowshipView *self)
{
  guint n = self->selection != NULL ? liaison_record_selection_get_n_selected (self->selection) : 0;
  /* Translators: %'u is a number, grouped as the language groups digits */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u selected", "%'u selected", n), n);

  if (n >= 2)
    ensure_selection_bar (self);
  if (self->selection_bar != NULL)
    {
      gtk_label_set_text (self->selection_label, text);
      gtk_action_bar_set_revealed (self->selection_bar, n >= 2);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fellowship.delete", n > 0 && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fellowship.tag", n > 0 && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fellowship.set-status", n > 0 && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fellowship.export-selected", n > 0);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LiaisonFellowshipView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_rows = 0;

  if (!liaison_csv_export_finish (LIAISON_DATABASE (object), result, &n_rows, &error))
    message = g_strdup (error->message);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u applicant", "Exported %u applicants", n_rows), n_rows);

  add_toast (self, adw_toast_new (message));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LiaisonFellowshipView) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean sensitive = GPOINTER_TO_INT (g_object_get_data (object, "sensitive"));
  GListModel *records = g_object_get_data (object, "records");

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      /* Cancelled or dismissed: nothing to tell */
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
        add_toast (self, adw_toast_new (error->message));
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_toast (self, adw_toast_new (_("The list can only be exported to a folder on this computer")));
      return;
    }

  if (self->database == NULL)
    return;

  /* Written in a worker thread: the list as it was when asked */
  liaison_csv_export_async (self->database, "applicants", records, NULL,
                            sensitive ? LIAISON_CSV_INCLUDE_SENSITIVE : LIAISON_CSV_DEFAULT,
                            path, NULL, exported_cb, g_object_ref (self));
}

static void
export_response_cb (AdwAlertDialog        *dialog,
                    const char            *response,
                    LiaisonFellowshipView *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (dialog), "check");
  g_autoptr(GtkFileDialog) file_dialog = NULL;

  if (!g_str_equal (response, "export"))
    return;

  file_dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (file_dialog, _("Export Applicants"));
  gtk_file_dialog_set_initial_name (file_dialog, _("applicants.csv"));
  g_object_set_data (G_OBJECT (file_dialog), "sensitive", GINT_TO_POINTER (gtk_check_button_get_active (check)));
  g_object_set_data_full (G_OBJECT (file_dialog), "records",
                          g_object_ref (g_object_get_data (G_OBJECT (dialog), "records")), g_object_unref);
  gtk_file_dialog_save (file_dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                        export_done_cb, g_object_ref (self));
}

/* Asks whether to write the applicants listed, or those of @ids among
 * them, to a file. The list is kept as it is now, for its count to be what
 * is written, whatever it shows meanwhile. */
static void
ask_export (LiaisonFellowshipView *self,
            GArray                *ids)
{
  g_autoptr(LiaisonRecordList) records = NULL;
  g_autofree char *body = NULL;
  GtkWidget *check;
  AdwDialog *dialog;
  guint n;

  if (self->database == NULL || self->applications == NULL)
    return;

  records = liaison_record_list_new_like (self->database, self->applications);
  liaison_record_list_keep_ids (records, ids);
  n = ids != NULL ? ids->len : g_list_model_get_n_items (G_LIST_MODEL (self->applications));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u applicant in the list will be written to a CSV file, in the order shown.",
                                       "The %u applicants in the list will be written to a CSV file, in the order shown.",
                                       n), n);
  check = gtk_check_button_new_with_mnemonic (_("Include _sensitive information (dietary, accessibility, emergency contact)"));
  dialog = adw_alert_dialog_new (_("Export Applicants"), body);


  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), check);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "export", _("_Choose File…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "export");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "check", check);
  g_object_set_data_full (G_OBJECT (dialog), "records", g_object_ref (records), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (widget);

  ask_export (self, NULL);
}

static void
export_selected_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (widget);
  g_autoptr(GArray) ids = NULL;

  if (self->selection == NULL)
    return;

  ids = liaison_record_selection_get_selected (self->selection);
  ask_export (self, ids);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
set_choices (LiaisonChoiceButton *dropdown,
             GListModel          *choices,
             guint                selected)
{
  liaison_choice_button_set_model (dropdown, choices);
  liaison_choice_button_set_selected (dropdown, selected);
}

/* The width a navigation split view gives its sidebar when it is @width
 * wide and not collapsed */
static int
sidebar_width (AdwNavigationSplitView *split_view,
               int                     width)
{
  return CLAMP ((int) (width * adw_navigation_split_view_get_sidebar_width_fraction (split_view)),
                (int) adw_navigation_split_view_get_min_sidebar_width (split_view),
                (int) adw_navigation_split_view_get_max_sidebar_width (split_view));
}

/* A column view makes a cell for every column of every row, whether the
 * column can be seen or not. Until the view has been drawn, the columns
 * that start beyond the list's width, as the window's saved width will
 * make it, are hidden; they are shown after the first frame. The window
 * and the view collapse their split views at 600 and 760 pixels (see
 * their breakpoints), and then the list has the whole width. */
static void
hide_unseen_columns (LiaisonFellowshipView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *outer = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_SPLIT_VIEW);
  g_autoptr(GListModel) columns = NULL;
  int width = 0;
  int start = 0;

  if (self->drawn || !GTK_IS_WINDOW (root) || gtk_window_is_maximized (GTK_WINDOW (root)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (root), &width, NULL);
  if (width <= 0)
    return;
  if (outer != NULL && width > 600)
    width -= sidebar_width (ADW_NAVIGATION_SPLIT_VIEW (outer), width);
  if (width > 760)
    width = sidebar_width (self->split_view, width);

  columns = g_object_ref (gtk_column_view_get_columns (self->column_view));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      /* A column's left edge a little inside the list is still seen. */
      gtk_column_view_column_set_visible (column, start < width + 24);
      start += gtk_column_view_column_get_fixed_width (column);
    }
}

/* libadwaita keeps transitions from running for a quarter of a second
 * after it starts or changes style (see AdwStyleManager), and letting them
 * run again restyles every widget of every window. The window has usually
 * been drawn by then. With the 200 rows a list view holds, that takes more
 * than a frame; with the rows of the first frame only, a few milliseconds.
 * So the rows out of sight follow once the window has settled. */
#define SETTLE_MS 300

static gboolean
settled_cb (gpointer user_data)
{
  LiaisonFellowshipView *self = user_data;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view));

  self->settle_timeout = 0;
  self->settled = TRUE;
  if (self->growing && frame_clock != NULL)
    gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);

  return G_SOURCE_REMOVE;
}

/* What the first frame held back follows over the next frames, one part
 * a frame: the columns one by one, then, once the window has settled, the
 * rows (see show_all_rows_cb()). */
static void
first_frame_cb (GdkFrameClock         *frame_clock,
                LiaisonFellowshipView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  if (!self->drawn)
    self->settle_timeout = g_timeout_add (SETTLE_MS, settled_cb, self);
  self->drawn = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        {
          gtk_column_view_column_set_visible (column, TRUE);
          gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
          return;
        }
    }

  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, self);
  self->caught_up = TRUE;
  make_spare_editor_later (self);
}

static void
view_mapped_cb (LiaisonFellowshipView *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->drawn)
    return;

  if (frame_clock != NULL)
    g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (first_frame_cb), self, 0);
}

static void
fill_dropdowns (LiaisonFellowshipView *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  const LiaisonField *field = liaison_record_type_find_field (&liaison_application_type, "status");
  int coming = coming_cohort_year ();
  guint coming_position = 0;

  g_array_set_size (self->years, 0);
  for (int year = coming + 1; year >= coming - 6; year--)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);

      if (year == coming)
        coming_position = self->years->len;
      gtk_string_list_append (years, label);
      g_array_append_val (self->years, year);
    }
  {
    int all = 0;

    gtk_string_list_append (years, _("All Years"));
    g_array_append_val (self->years, all);
  }

  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 0; field->choices[i].value != NULL; i++)
    gtk_string_list_append (statuses, liaison_choice_get_label (&field->choices[i]));

  set_choices (self->year_dropdown, G_LIST_MODEL (years), coming_position);
  set_choices (self->status_dropdown, G_LIST_MODEL (statuses), 0);

  {
    g_autoptr(GtkStringList) tags = gtk_string_list_new (NULL);

    gtk_string_list_append (tags, _("All Tags"));
    liaison_choice_button_set_model (self->tag_dropdown, G_LIST_MODEL (tags));
  }

  {
    g_autoptr(GtkStringList) jurisdictions = gtk_string_list_new (NULL);

    gtk_string_list_append (jurisdictions, _("All Jurisdictions"));
    for (guint i = 0; i < liaison_reference_get_n_subdivisions (); i++)
      gtk_string_list_append (jurisdictions, liaison_reference_get_subdivision (i)->code);
    set_choices (self->jurisdiction_dropdown, G_LIST_MODEL (jurisdictions), 0);
  }

  /* The menu that sets the status of the applicants selected */
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    for (guint i = 0; field->choices[i].value != NULL; i++)
      {
        g_autofree char *action = g_strdup_printf ("fellowship.set-status::%s", field->choices[i].value);

        g_menu_append (menu, liaison_choice_get_label (&field->choices[i]), action);
      }
    g_set_object (&self->status_menu, G_MENU_MODEL (menu));
  }
}

/**
 * liaison_fellowship_view_set_database:
 * @self: the view
 * @database: (nullable): the database
 *
 * Shows the applicants of @database, of the coming cohort year.
 */
void
liaison_fellowship_view_set_database (LiaisonFellowshipView *self,
                                      LiaisonDatabase       *database)
{
  g_return_if_fail (LIAISON_IS_FELLOWSHIP_VIEW (self));
  g_return_if_fail (database == NULL || LIAISON_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->database, record_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->database, applicants_changed_cb, self);
    }

  g_set_object (&self->database, database);
  g_hash_table_remove_all (self->titles);
  g_hash_table_remove_all (self->job_titles);
  show_placeholder (self);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->applications);

  if (database != NULL)
    {
      g_signal_connect_object (database, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (database, "record-changed", G_CALLBACK (applicants_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);

      self->applications = liaison_record_list_new (database, &liaison_application_type);
      /* The coming cohort is read at once, along its index, for the first
       * frame to have it; every later change in a worker thread. */
      if (!chosen_place_and_year (self, &self->shown_year, &self->shown_jurisdiction))
        self->shown_year = 0;
      set_query (self);
      liaison_record_list_reload (self->applications, NULL);
      /* The first frame shows the first rows only; the rest follow with the
       * next, so that the window comes up sooner. */
      self->first_rows = first_rows (self);
      hide_unseen_columns (self);
      self->selection = liaison_record_selection_new (self->applications);
      liaison_record_selection_set_limit (self->selection, self->first_rows);
      if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
        column_view_mapped_cb (self);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      selection_changed_cb (self);
      g_signal_connect_object (self->applications, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  fill_tags (self);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

LiaisonDatabase *
liaison_fellowship_view_get_database (LiaisonFellowshipView *self)
{
  g_return_val_if_fail (LIAISON_IS_FELLOWSHIP_VIEW (self), NULL);

  return self->database;
}

/**
 * liaison_fellowship_view_get_model:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the applicants shown, filtered and
 *   sorted as the list shows them
 */
GListModel *
liaison_fellowship_view_get_model (LiaisonFellowshipView *self)
{
  g_return_val_if_fail (LIAISON_IS_FELLOWSHIP_VIEW (self), NULL);

  return self->applications != NULL ? G_LIST_MODEL (self->applications) : NULL;
}

/**
 * liaison_fellowship_view_is_loading:
 * @self: the view
 *
 * Returns: whether the list is being read again, for another year,
 *   filter, search or order, or its rows are still coming or going
 *   over the frames
 */
gboolean
liaison_fellowship_view_is_loading (LiaisonFellowshipView *self)
{
  g_return_val_if_fail (LIAISON_IS_FELLOWSHIP_VIEW (self), FALSE);

  return self->reloads > 0 || self->growing || self->letting_go;
}

/**
 * liaison_fellowship_view_set_cohort_year:
 * @self: the view
 * @year: a year of the drop-down, or 0 for all years
 */
void
liaison_fellowship_view_set_cohort_year (LiaisonFellowshipView *self,
                                         int                    year)
{
  g_return_if_fail (LIAISON_IS_FELLOWSHIP_VIEW (self));

  for (guint i = 0; i < self->years->len; i++)
    {
      if (g_array_index (self->years, int, i) == year)
        liaison_choice_button_set_selected (self->year_dropdown, i);
    }
}

/**
 * liaison_fellowship_view_set_search:
 * @self: the view
 * @text: what to look for
 */
void
liaison_fellowship_view_set_search (LiaisonFellowshipView *self,
                                    const char            *text)
{
  g_autofree char *search = NULL;

  g_return_if_fail (LIAISON_IS_FELLOWSHIP_VIEW (self));

  search = liaison_search_normalize (text != NULL ? text : "");
  g_strstrip (search);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);

  /* The entry tells of the text set here a moment later: the list is
   * not read again for it. */
  if (g_strcmp0 (search, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&search);
  update_filters (self);
}

/**
 * liaison_fellowship_view_get_editor:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the editor of the applicant open
 */
GtkWidget *
liaison_fellowship_view_get_editor (LiaisonFellowshipView *self)
{
  GtkWidget *child;

  g_return_val_if_fail (LIAISON_IS_FELLOWSHIP_VIEW (self), NULL);

  child = gtk_stack_get_visible_child (self->detail_stack);
  return LIAISON_IS_APPLICANT_EDITOR (child) ? child : NULL;
}

static void
liaison_fellowship_view_dispose (GObject *object)
{
  LiaisonFellowshipView *self = (LiaisonFellowshipView *)object;

  /* The models may outlive the view a little (a column view's
   * reference); they must not call into it. */
  if (self->applications != NULL)
    g_signal_handlers_disconnect_by_data (self->applications, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  /* A sorted column view tells its sorter changed as its columns go. */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  g_clear_handle_id (&self->midnight_timeout, g_source_remove);
  g_clear_handle_id (&self->settle_timeout, g_source_remove);

  /* The bin lets go of its child itself, before the template is torn down. */
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  g_clear_handle_id (&self->spare_timeout, g_source_remove);
  g_clear_object (&self->spare_editor);
  g_clear_handle_id (&self->leaving_idle, g_source_remove);
  g_clear_pointer (&self->leaving, g_ptr_array_unref);
  g_clear_handle_id (&self->unseen_idle, g_source_remove);
  g_clear_pointer (&self->unseen_rows, g_ptr_array_unref);
  self->spinner = NULL;
  g_clear_object (&self->detail_placeholder);
  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_FELLOWSHIP_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->applications);
  g_clear_object (&self->status_menu);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (liaison_fellowship_view_parent_class)->dispose (object);
}

static void
liaison_fellowship_view_finalize (GObject *object)
{
  LiaisonFellowshipView *self = (LiaisonFellowshipView *)object;

  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_clear_pointer (&self->job_titles, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->document_cells, g_hash_table_unref);
  g_clear_pointer (&self->years, g_array_unref);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&self->column_data[i], g_free);

  G_OBJECT_CLASS (liaison_fellowship_view_parent_class)->finalize (object);
}

static void
liaison_fellowship_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SORT_COLUMN:
      g_value_set_string (value, sort_column (self, NULL));
      break;

    case PROP_SORT_DESCENDING:
      {
        gboolean descending;

        sort_column (self, &descending);
        g_value_set_boolean (value, descending);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_fellowship_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      liaison_fellowship_view_set_database (self, g_value_get_object (value));
      break;

    case PROP_SORT_COLUMN:
      {
        gboolean descending;

        sort_column (self, &descending);
        sort_by (self, g_value_get_string (value), descending);
      }
      break;

    case PROP_SORT_DESCENDING:
      sort_by (self, sort_column (self, NULL), g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_fellowship_view_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (liaison_fellowship_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::is-active", G_CALLBACK (check_today), widget, G_CONNECT_SWAPPED);
}

static void
liaison_fellowship_view_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, check_today, widget);

  GTK_WIDGET_CLASS (liaison_fellowship_view_parent_class)->unroot (widget);
}

/* Another font: the rows out of sight show their cells again, to be
 * measured in it, and hide them once more after the next frame. */
static void
liaison_fellowship_view_system_setting_changed (GtkWidget        *widget,
                                                GtkSystemSetting  setting)
{
  LiaisonFellowshipView *self = LIAISON_FELLOWSHIP_VIEW (widget);
  GtkWidget *list;

  GTK_WIDGET_CLASS (liaison_fellowship_view_parent_class)->system_setting_changed (widget, setting);

  if (setting != GTK_SYSTEM_SETTING_FONT_NAME && setting != GTK_SYSTEM_SETTING_FONT_CONFIG &&
      setting != GTK_SYSTEM_SETTING_DPI)
    return;

  /* The column view's list, whose children are the rows */
  for (list = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       list != NULL && !GTK_IS_LIST_VIEW (list);
       list = gtk_widget_get_next_sibling (list))
    ;
  if (list == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (g_object_get_data (G_OBJECT (row), "liaison-hidden") == NULL)
        continue;

      g_object_set_data (G_OBJECT (row), "liaison-hidden", NULL);
      show_row_cells (row);
      row_unseen_cb (row, self);
    }
}

static void
liaison_fellowship_view_class_init (LiaisonFellowshipViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_fellowship_view_dispose;
  object_class->finalize = liaison_fellowship_view_finalize;
  object_class->get_property = liaison_fellowship_view_get_property;
  object_class->set_property = liaison_fellowship_view_set_property;

  widget_class->root = liaison_fellowship_view_root;
  widget_class->unroot = liaison_fellowship_view_unroot;
  widget_class->system_setting_changed = liaison_fellowship_view_system_setting_changed;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LIAISON_TYPE_DATABASE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The order of the list, for the Sort By menu: the column titles sort
   * it too, but take only a pointer. "name" to "documents" (see
   * column_ids). */
  properties[PROP_SORT_COLUMN] =
    g_param_spec_string ("sort-column", NULL, NULL,
                         "name",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_CHOICE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jlgc/Liaison/fellowship/liaison-fellowship-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, split_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, detail_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, detail_placeholder);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, list_header_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, jurisdiction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, list_toolbar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, view_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFellowshipView, view_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "sort.by", "sort-column");
  gtk_widget_class_install_property_action (widget_class, "sort.descending", "sort-descending");
  gtk_widget_class_install_action (widget_class, "fellowship.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "fellowship.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "fellowship.delete", NULL, delete_selected_action_cb);
  gtk_widget_class_install_action (widget_class, "fellowship.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "fellowship.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "fellowship.set-status", "s", set_status_action_cb);
  gtk_widget_class_install_action (widget_class, "fellowship.tag", NULL, tag_action_cb);
  gtk_widget_class_install_action (widget_class, "fellowship.export-selected", NULL, export_selected_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "fellowship.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "fellowship.search", NULL);
  /* A text being typed in takes Ctrl+Z first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "fellowship.undo", NULL);
}

static void
liaison_fellowship_view_init (LiaisonFellowshipView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->job_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->today = liaison_today ();
  self->document_cells = g_hash_table_new (NULL, NULL);
  schedule_midnight (self);

  /* Kept, to be shown again whenever no applicant is open */
  g_object_ref (self->detail_placeholder);
  self->leaving = g_ptr_array_new_with_free_func (g_object_unref);
  self->unseen_rows = g_ptr_array_new_with_free_func (g_object_unref);
  liaison_menu_button_set_menu_later (self->view_menu_button, self->view_menu);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  add_columns (self);

  /* The Delete key deletes the applicants selected only from the list: in
   * the editor, on a switch or a button, it would delete others than the
   * one open. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("fellowship.delete")));
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
  }

  g_signal_connect_object (self, "map", G_CALLBACK (view_mapped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "map", G_CALLBACK (column_view_mapped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  fill_dropdowns (self);
  update_count (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fellowship.undo", FALSE);
}
