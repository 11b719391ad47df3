/* test-widgets.c
 *
 * The small widgets and helpers the views share: the cell label of the
 * lists, the choice buttons of their filters, and tooltips set only when
 * they change, the preferences groups that fold while out of sight, and
 * a window styled ahead of its frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-cell-label.h"
#include "liaison-choice-button.h"
#include "liaison-database.h"
#include "liaison-record-selection.h"
#include "liaison-records.h"
#include "liaison-sight-group.h"
#include "liaison-style-ahead.h"
#include "liaison-test-utils.h"
#include "liaison-tooltip.h"

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Whether the widget draws anything at its size */
static gboolean
draws_something (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  return node != NULL;
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int            *minimum,
         int            *natural)
{
  gtk_widget_measure (widget, orientation, -1, minimum, natural, NULL, NULL);
}

static void
test_cell_label (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = liaison_cell_label_new ();
  int empty_height, height, natural, width;

  gtk_window_set_default_size (GTK_WINDOW (window), 160, -1);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  liaison_test_wait_until (is_mapped, label);

  g_assert_cmpstr (liaison_cell_label_get_text (LIAISON_CELL_LABEL (label)), ==, "");
  measure (label, GTK_ORIENTATION_VERTICAL, &empty_height, &natural);
  g_assert_cmpint (empty_height, >, 0);
  g_assert_cmpint (natural, ==, empty_height);
  liaison_test_settle ();
  g_assert_false (draws_something (label));

  /* As tall as a line of its font, whatever the text; no width of its own */
  liaison_cell_label_set_text (LIAISON_CELL_LABEL (label),
                               "Siobhán Martin, Chief Administrative Officer, Halifax Regional Municipality");
  g_assert_cmpstr (liaison_cell_label_get_text (LIAISON_CELL_LABEL (label)), ==,
                   "Siobhán Martin, Chief Administrative Officer, Halifax Regional Municipality");
  measure (label, GTK_ORIENTATION_VERTICAL, &height, &natural);
  g_assert_cmpint (height, ==, empty_height);
  measure (label, GTK_ORIENTATION_HORIZONTAL, &width, &natural);
  g_assert_cmpint (width, ==, 0);
  g_assert_cmpint (natural, ==, 0);
  liaison_test_settle ();
  g_assert_true (draws_something (label));

  liaison_cell_label_set_text (LIAISON_CELL_LABEL (label), "山田 太郎");
  measure (label, GTK_ORIENTATION_VERTICAL, &height, NULL);
  g_assert_cmpint (height, ==, empty_height);

  liaison_cell_label_set_text (LIAISON_CELL_LABEL (label), NULL);
  g_assert_cmpstr (liaison_cell_label_get_text (LIAISON_CELL_LABEL (label)), ==, "");
  liaison_test_settle ();
  g_assert_false (draws_something (label));

  /* A larger font makes it taller. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_string (provider, ".large { font-size: 300%; }");
    gtk_style_context_add_provider_for_display (gtk_widget_get_display (label), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_widget_add_css_class (label, "large");
    liaison_test_settle ();
    g_assert_cmpint (gtk_widget_get_height (label), >, 2 * empty_height);
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (label), GTK_STYLE_PROVIDER (provider));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a view holds of a selection: a row object for each position, kept
 * up to date from items-changed alone */
static void
view_items_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GPtrArray  *rows)
{
  g_ptr_array_remove_range (rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (rows, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_view_matches (GListModel *selection,
                     GPtrArray  *rows,
                     GListModel *list)
{
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (selection));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(LiaisonListRow) row = g_list_model_get_item (selection, i);

      /* The same row object at the same place */
      g_assert_true (row == g_ptr_array_index (rows, i));
      if (i < g_list_model_get_n_items (list))
        {
          g_autoptr(LiaisonRecord) record = g_list_model_get_item (list, i);

          g_assert_cmpstr (liaison_record_get_uuid (liaison_list_row_get_record (row)), ==,
                           liaison_record_get_uuid (record));
        }
      else
        {
          /* Past the end: nothing to show */
          g_assert_null (liaison_list_row_get_record (row));
        }
    }
}

/* The whole list again, held by a view as @rows; returns the view's
 * handler of items-changed */
static gulong
view_all (LiaisonRecordList      *list,
          LiaisonRecordSelection *selection,
          GPtrArray              *rows)
{
  g_autoptr(GError) error = NULL;

  liaison_record_list_clear_filters (list);
  g_assert_true (liaison_record_list_reload (list, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (selection), i));

  return g_signal_connect (selection, "items-changed", G_CALLBACK (view_items_changed_cb), rows);
}

/* Rows taken away by a filter: those out of sight stay past the end,
 * showing nothing, and go a few at a time; the rows held keep their
 * places. When fewer rows are left than may be in sight, the others go
 * at once: kept, they would be in sight. */
static void
test_rows_let_go (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaisonRecordList) list = NULL;
  g_autoptr(LiaisonRecordSelection) selection = NULL;
  struct {
    const char *given_name;
    guint       n_left;
    guint       at_once;   /* rows past the end that go at once */
  } filters[] = {
    { "Many", 52, 0 },
    { "Few", 8, 292 },
  };

  for (guint i = 0; i < 300; i++)
    {
      LiaisonRecord *record = liaison_record_new (&liaison_person_type);
      g_autofree char *name = g_strdup_printf ("P%03u", i);

      liaison_record_set_text (record, "family_name", name);
      liaison_record_set_text (record, "given_name", i % 5 == 0 && i < 260 ? "Many" : i % 7 == 0 && i < 70 ? "Few" : "Other");
      g_ptr_array_add (records, record);
    }
  liaison_database_save_all (db, records, &error);
  g_assert_no_error (error);

  list = liaison_record_list_new (db, &liaison_person_type);
  selection = liaison_record_selection_new (list);
  liaison_record_selection_set_rows_in_sight (selection, 35);

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      guint calls = 0;
      gulong handler;

      handler = view_all (list, selection, rows);
      g_assert_cmpuint (rows->len, ==, 300);

      liaison_record_selection_freeze (selection);
      liaison_record_list_add_filter (list, "given_name", filters[f].given_name);
      g_assert_true (liaison_record_list_reload (list, &error));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, filters[f].n_left);
      liaison_record_selection_thaw (selection, 300);

      /* The rows that may be in sight are those of the list, or gone */
      g_assert_cmpuint (rows->len, ==, 300 - filters[f].at_once);
      assert_view_matches (G_LIST_MODEL (selection), rows, G_LIST_MODEL (list));

      /* The others go, twenty at most at a time */
      for (guint before = rows->len; liaison_record_selection_let_go (selection); before = rows->len)
        {
          calls++;
          g_assert_cmpuint (before - rows->len, <=, 20);
          g_assert_cmpuint (rows->len, >=, filters[f].n_left);
          assert_view_matches (G_LIST_MODEL (selection), rows, G_LIST_MODEL (list));
        }
      g_assert_cmpuint (calls, >=, (300 - filters[f].at_once - filters[f].n_left) / 20);
      g_assert_cmpuint (rows->len, ==, filters[f].n_left);
      assert_view_matches (G_LIST_MODEL (selection), rows, G_LIST_MODEL (list));
      g_assert_false (liaison_record_selection_let_go (selection));

      g_signal_handler_disconnect (selection, handler);
    }

  /* A thaw that shows fewer rows than the list has: no row lingers, and
   * the rows shown later show the records at their places. */
  {
    gulong handler;

    handler = view_all (list, selection, rows);

    liaison_record_selection_freeze (selection);
    liaison_record_list_add_filter (list, "given_name", "Other");
    g_assert_true (liaison_record_list_reload (list, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 120);
    liaison_record_selection_thaw (selection, 60);
    g_assert_cmpuint (rows->len, ==, 60);
    g_assert_false (liaison_record_selection_let_go (selection));
    liaison_record_selection_set_limit (selection, 120);
    g_assert_cmpuint (rows->len, ==, 120);
    assert_view_matches (G_LIST_MODEL (selection), rows, G_LIST_MODEL (list));

    g_signal_handler_disconnect (selection, handler);
  }

  /* A list emptied, as a view hides it: the first rows kept stay past the
   * end, and the records that come back take their places in the same
   * rows. */
  {
    g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
    guint calls = 0;
    gulong handler;

    liaison_record_selection_set_limit (selection, G_MAXUINT);
    handler = view_all (list, selection, rows);
    g_assert_cmpuint (rows->len, ==, 300);

    liaison_record_selection_set_rows_in_sight (selection, 0);
    liaison_record_selection_set_rows_kept (selection, 25);
    liaison_record_selection_freeze (selection);
    liaison_record_list_add_filter (list, "given_name", "Nobody");
    g_assert_true (liaison_record_list_reload (list, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    liaison_record_selection_thaw (selection, 25);
    while (liaison_record_selection_let_go (selection))
      calls++;
    g_assert_cmpuint (calls, >=, (300 - 25) / 20);
    g_assert_cmpuint (rows->len, ==, 25);
    assert_view_matches (G_LIST_MODEL (selection), rows, G_LIST_MODEL (list));
    for (guint i = 0; i < rows->len; i++)
      g_ptr_array_add (kept, g_object_ref (g_ptr_array_index (rows, i)));

    liaison_record_selection_set_rows_in_sight (selection, 25);
    liaison_record_selection_set_rows_kept (selection, 0);
    liaison_record_selection_freeze (selection);
    liaison_record_list_clear_filters (list);
    g_assert_true (liaison_record_list_reload (list, &error));
    liaison_record_selection_thaw (selection, 25);
    g_assert_cmpuint (rows->len, ==, 25);
    for (guint i = 0; i < kept->len; i++)
      g_assert_true (g_ptr_array_index (rows, i) == g_ptr_array_index (kept, i));
    assert_view_matches (G_LIST_MODEL (selection), rows, G_LIST_MODEL (list));
    g_assert_false (liaison_record_selection_let_go (selection));

    g_signal_handler_disconnect (selection, handler);
  }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static gboolean
is_popped_up (gpointer data)
{
  GtkPopover *popover = liaison_choice_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
is_popped_down (gpointer data)
{
  GtkPopover *popover = liaison_choice_button_get_popover (data);

  return popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (popover));
}

/* The labels of the rows the popover's list shows, in order, by " | " */
static char *
listed (LiaisonChoiceButton *button)
{
  GtkWidget *list_view = liaison_test_find (GTK_WIDGET (liaison_choice_button_get_popover (button)),
                                            GTK_TYPE_LIST_VIEW, NULL);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " | " : "", gtk_string_object_get_string (item));
    }

  return g_string_free (text, FALSE);
}

/* A filter's choice button: shows its choice, notifies a new one, makes
 * its popover only when first opened, and takes a choice from it by a
 * click on a row or, with search, by Enter on what is left. */
static void
test_choice_button (void)
{
  GtkWidget *window = gtk_window_new ();
  LiaisonChoiceButton *button = LIAISON_CHOICE_BUTTON (liaison_choice_button_new ());
  const char *statuses[] = { "All Statuses", "Inquiry", "Nominated", "Selected", NULL };
  g_autoptr(GtkStringList) choices = gtk_string_list_new (statuses);
  g_autofree char *all = NULL;
  guint notified = 0;

  g_signal_connect (button, "notify::selected", G_CALLBACK (count_notify_cb), &notified);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (button));
  gtk_window_present (GTK_WINDOW (window));
  liaison_test_wait_until (is_mapped, button);

  g_assert_cmpuint (liaison_choice_button_get_selected (button), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "");

  /* A model shows its first choice */
  liaison_choice_button_set_model (button, G_LIST_MODEL (choices));
  g_assert_cmpuint (liaison_choice_button_get_selected (button), ==, 0);
  g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "All Statuses");
  g_assert_cmpuint (notified, ==, 1);

  liaison_choice_button_set_selected (button, 2);
  g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "Nominated");
  g_assert_cmpuint (notified, ==, 2);
  liaison_choice_button_set_selected (button, 2);
  g_assert_cmpuint (notified, ==, 2);
  liaison_choice_button_set_selected (button, 99);
  g_assert_cmpuint (liaison_choice_button_get_selected (button), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "");
  liaison_choice_button_set_selected (button, 2);

  /* Choices added before it and removed keep it on its choice */
  gtk_string_list_splice (choices, 1, 0, (const char *[]) { "Alumni", NULL });
  g_assert_cmpuint (liaison_choice_button_get_selected (button), ==, 3);
  g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "Nominated");
  gtk_string_list_remove (choices, 1);
  g_assert_cmpuint (liaison_choice_button_get_selected (button), ==, 2);
  /* Its own choice removed: the first is shown */
  gtk_string_list_remove (choices, 2);
  g_assert_cmpuint (liaison_choice_button_get_selected (button), ==, 0);
  g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "All Statuses");
  gtk_string_list_splice (choices, 2, 0, (const char *[]) { "Nominated", NULL });

  /* Told to screen readers as a combo box with a popup, closed */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);

  /* Nothing is made for the list until it opens */
  liaison_choice_button_set_selected (button, 2);
  liaison_test_settle ();
  g_assert_null (liaison_choice_button_get_popover (button));
  liaison_choice_button_popup (button);
  liaison_test_wait_until (is_popped_up, button);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  all = listed (button);
  g_assert_cmpstr (all, ==, "All Statuses | Inquiry | Nominated | Selected");
  /* The keyboard is in the list, on the choice shown */
  {
    GtkWidget *list_view = liaison_test_find (GTK_WIDGET (liaison_choice_button_get_popover (button)),
                                              GTK_TYPE_LIST_VIEW, NULL);

    g_assert_nonnull (gtk_widget_get_focus_child (list_view));
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)))),
                      ==, 2);
  }
  liaison_test_settle ();
  g_assert_true (gtk_widget_get_width (GTK_WIDGET (liaison_choice_button_get_popover (button))) >=
                 gtk_widget_get_width (GTK_WIDGET (button)));

  /* A row activated is the new choice, and the popover closes */
  {
    GtkWidget *list_view = liaison_test_find (GTK_WIDGET (liaison_choice_button_get_popover (button)),
                                              GTK_TYPE_LIST_VIEW, NULL);

    g_signal_emit_by_name (list_view, "activate", 3);
    g_assert_cmpuint (liaison_choice_button_get_selected (button), ==, 3);
    g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "Selected");
    liaison_test_wait_until (is_popped_down, button);
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  }

  /* With search: the list narrows as one types, and Enter takes the
   * first choice left */
  liaison_choice_button_set_enable_search (button, TRUE);
  liaison_choice_button_popup (button);
  liaison_test_wait_until (is_popped_up, button);
  {
    GtkWidget *entry = liaison_test_find (GTK_WIDGET (liaison_choice_button_get_popover (button)),
                                          GTK_TYPE_SEARCH_ENTRY, NULL);
    g_autofree char *narrowed = NULL;

    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (entry)));
    /* The keyboard is in the search entry */
    g_assert_nonnull (gtk_widget_get_focus_child (entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "NOM");
    narrowed = listed (button);
    g_assert_cmpstr (narrowed, ==, "Nominated");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "Nominated");
    liaison_test_wait_until (is_popped_down, button);
    /* Closed, the search is forgotten */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  }

  /* A new model starts again at its first choice */
  {
    g_autoptr(GtkStringList) years = gtk_string_list_new ((const char *[]) { "2027", "2026", NULL });
    g_autofree char *shown = NULL;

    liaison_choice_button_set_model (button, G_LIST_MODEL (years));
    g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "2027");
    liaison_choice_button_popup (button);
    liaison_test_wait_until (is_popped_up, button);
    shown = listed (button);
    g_assert_cmpstr (shown, ==, "2027 | 2026");
    liaison_choice_button_popdown (button);
    liaison_test_wait_until (is_popped_down, button);

    liaison_choice_button_set_model (button, NULL);
    g_assert_cmpuint (liaison_choice_button_get_selected (button), ==, GTK_INVALID_LIST_POSITION);
    g_assert_cmpstr (liaison_choice_button_get_label (button), ==, "");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_tooltip (void)
{
  g_autoptr(GtkWidget) button = g_object_ref_sink (gtk_button_new ());

  liaison_widget_update_tooltip (button, "Save");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Save");
  g_assert_true (gtk_widget_get_has_tooltip (button));

  liaison_widget_update_tooltip (button, "Save");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Save");

  liaison_widget_update_tooltip (button, "The name is required");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "The name is required");

  liaison_widget_update_tooltip (button, "");
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));

  liaison_widget_update_tooltip (button, NULL);
  g_assert_null (gtk_widget_get_tooltip_text (button));
}

#define N_GROUPS 8
#define N_ROWS   6

typedef struct {
  GtkWidget           *window;
  GtkWidget           *entry;    /* before the page */
  GtkWidget           *page;
  GtkAdjustment       *adjustment;
  GtkWidget           *content;
  AdwPreferencesGroup *groups[N_GROUPS];
  GtkWidget           *last_rows[N_GROUPS];

  /* The first frame drawn after a change: whether a group in sight in it
   * was folded */
  gint64               painted_frame;
  gboolean             painted_folded;
} SightPage;

static void
after_paint_cb (GdkFrameClock *clock,
                SightPage     *page)
{
  double value = gtk_adjustment_get_value (page->adjustment);
  double page_size = gtk_adjustment_get_page_size (page->adjustment);

  if (page->painted_frame != 0)
    return;

  page->painted_frame = gdk_frame_clock_get_frame_counter (clock);
  for (guint i = 0; i < N_GROUPS; i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (page->groups[i]), page->content, &bounds));
      if (bounds.origin.y < value + page_size && bounds.origin.y + bounds.size.height > value &&
          liaison_sight_group_get_folded (LIAISON_SIGHT_GROUP (page->groups[i])))
        page->painted_folded = TRUE;
    }
}

static gboolean
has_painted (gpointer data)
{
  SightPage *page = data;

  return page->painted_frame != 0;
}

/* Runs @change and waits for the frame that draws it */
static void
paint_after (SightPage *page,
             void     (*change) (SightPage *page))
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (page->window);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), page);

  page->painted_frame = 0;
  page->painted_folded = FALSE;
  change (page);
  liaison_test_wait_until (has_painted, page);
  g_signal_handler_disconnect (clock, id);
  g_assert_cmpint (page->painted_frame, >, frame);
}

static void
scroll_to_end (SightPage *page)
{
  gtk_adjustment_set_value (page->adjustment, gtk_adjustment_get_upper (page->adjustment));
}

static void
grow (SightPage *page)
{
  gtk_widget_set_margin_bottom (page->page, 0);
}

/* A window with an entry and a long page of groups, the sight groups
 * that fold or plain ones to compare with */
static void
sight_page_init (SightPage *page,
                 GType      group_type)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *preferences = adw_preferences_page_new ();
  GtkWidget *viewport;

  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Group %u", i);

      /* A description that wraps: the group is taller when narrower */
      page->groups[i] = g_object_new (group_type,
                                      "title", title,
                                      "description", "A group of rows, with a description long enough to take more lines in a narrower window",
                                      NULL);
      for (guint j = 0; j < N_ROWS; j++)
        {
          g_autofree char *row_title = g_strdup_printf ("Row %u of group %u", j, i);
          GtkWidget *row = adw_entry_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
          adw_preferences_group_add (page->groups[i], row);
          page->last_rows[i] = row;
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (preferences), page->groups[i]);
    }

  page->entry = gtk_entry_new ();
  gtk_box_append (GTK_BOX (box), page->entry);
  gtk_widget_set_vexpand (preferences, TRUE);
  gtk_box_append (GTK_BOX (box), preferences);
  page->page = preferences;

  page->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (page->window), 360, 400);
  gtk_window_set_child (GTK_WINDOW (page->window), box);
  gtk_window_present (GTK_WINDOW (page->window));
  liaison_test_wait_until (is_mapped, page->last_rows[0]);

  viewport = gtk_widget_get_ancestor (page->last_rows[0], GTK_TYPE_VIEWPORT);
  page->adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  page->content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  liaison_test_settle ();
}

static gboolean
is_folded (gpointer data)
{
  return liaison_sight_group_get_folded (data);
}

static gboolean
is_unfolded (gpointer data)
{
  return !liaison_sight_group_get_folded (data);
}

/* The groups lie where the plain ones do, and fold only out of sight */
static void
assert_like_plain (SightPage *sight,
                   SightPage *plain)
{
  double value = gtk_adjustment_get_value (sight->adjustment);
  double page_size = gtk_adjustment_get_page_size (sight->adjustment);
  guint n_folded = 0;

  g_assert_cmpfloat (gtk_adjustment_get_upper (sight->adjustment), ==,
                     gtk_adjustment_get_upper (plain->adjustment));

  for (guint i = 0; i < N_GROUPS; i++)
    {
      LiaisonSightGroup *group = LIAISON_SIGHT_GROUP (sight->groups[i]);
      graphene_rect_t bounds, plain_bounds;

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (group), sight->content, &bounds));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (plain->groups[i]), plain->content, &plain_bounds));
      g_assert_cmpfloat (bounds.origin.y, ==, plain_bounds.origin.y);
      g_assert_cmpfloat (bounds.size.height, ==, plain_bounds.size.height);

      if (liaison_sight_group_get_folded (group))
        {
          n_folded++;
          /* Out of sight, its rows not shown at all */
          g_assert_true (bounds.origin.y >= value + page_size || bounds.origin.y + bounds.size.height <= value);
          g_assert_false (gtk_widget_is_visible (sight->last_rows[i]));
        }
      else
        g_assert_true (gtk_widget_get_mapped (sight->last_rows[i]));
    }

  g_assert_cmpuint (n_folded, >=, N_GROUPS / 2);
}

static void
test_sight_group (void)
{
  SightPage sight = { 0 }, plain = { 0 };
  LiaisonSightGroup *first, *last;
  GtkWidget *focus;

  /* Rows as the application's editors have them */
  adw_init ();

  sight_page_init (&sight, LIAISON_TYPE_SIGHT_GROUP);
  sight_page_init (&plain, ADW_TYPE_PREFERENCES_GROUP);
  first = LIAISON_SIGHT_GROUP (sight.groups[0]);
  last = LIAISON_SIGHT_GROUP (sight.groups[N_GROUPS - 1]);

  g_assert_false (liaison_sight_group_get_folded (first));
  g_assert_true (liaison_sight_group_get_folded (last));
  assert_like_plain (&sight, &plain);

  /* Folded and still, after a little scrolling, the window draws no more
   * frames */
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (sight.window);
    gint64 frame;

    gtk_adjustment_set_value (sight.adjustment, 10);

    /* Once the scrollbar has faded, within five seconds */
    for (guint i = 0; i < 20; i++)
      {
        frame = gdk_frame_clock_get_frame_counter (clock);
        liaison_test_settle ();
        if (gdk_frame_clock_get_frame_counter (clock) == frame)
          break;
      }
    frame = gdk_frame_clock_get_frame_counter (clock);
    liaison_test_settle ();
    liaison_test_settle ();
    g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), ==, frame);
    g_assert_true (liaison_sight_group_get_folded (last));
  }

  /* Scrolled to the end, the last groups unfold in the frame that shows
   * them, and the first fold */
  paint_after (&sight, scroll_to_end);
  g_assert_false (sight.painted_folded);
  g_assert_false (liaison_sight_group_get_folded (last));
  scroll_to_end (&plain);
  liaison_test_wait_until (is_folded, first);
  liaison_test_settle ();
  assert_like_plain (&sight, &plain);

  /* Narrower: the groups out of sight are laid out again at the new
   * width before they fold again, and keep their new height */
  gtk_widget_set_margin_start (sight.page, 120);
  gtk_widget_set_margin_start (plain.page, 120);
  liaison_test_wait_until (is_unfolded, first);
  liaison_test_wait_until (is_folded, first);
  liaison_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (sight.content), ==, gtk_widget_get_width (plain.content));
  assert_like_plain (&sight, &plain);

  /* A larger font: the groups out of sight are measured again */
  {
    GtkSettings *settings = gtk_settings_get_default ();
    g_autofree char *font = NULL;

    g_object_get (settings, "gtk-font-name", &font, NULL);
    g_object_set (settings, "gtk-font-name", "Sans 15", NULL);
    liaison_test_settle ();
    liaison_test_settle ();
    assert_like_plain (&sight, &plain);
    g_object_set (settings, "gtk-font-name", font, NULL);
    liaison_test_settle ();
    liaison_test_settle ();
    assert_like_plain (&sight, &plain);
  }

  /* The page taller all at once, by more than a quarter of a page: the
   * groups that come into sight unfold in the frame that shows them */
  gtk_widget_set_margin_bottom (sight.page, 200);
  gtk_widget_set_margin_bottom (plain.page, 200);
  liaison_test_settle ();
  {
    LiaisonSightGroup *next = LIAISON_SIGHT_GROUP (sight.groups[2]);
    graphene_rect_t bounds;
    double page_size = gtk_adjustment_get_page_size (sight.adjustment);

    /* Just far enough above the next group that it folds */
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (next), sight.content, &bounds));
    gtk_adjustment_set_value (sight.adjustment, bounds.origin.y - page_size * 1.25 - 10);
    gtk_adjustment_set_value (plain.adjustment, bounds.origin.y - page_size * 1.25 - 10);
    liaison_test_wait_until (is_folded, next);
    liaison_test_settle ();
    assert_like_plain (&sight, &plain);
    g_assert_true (liaison_sight_group_get_folded (next));
  }
  paint_after (&sight, grow);
  g_assert_false (sight.painted_folded);
  grow (&plain);
  liaison_test_settle ();
  assert_like_plain (&sight, &plain);

  /* Shift+Tab from the entry before the page goes round to the last row
   * of the last group, folded as it was */
  gtk_adjustment_set_value (sight.adjustment, 0);
  liaison_test_wait_until (is_folded, last);
  gtk_widget_grab_focus (sight.entry);
  g_signal_emit_by_name (sight.window, "move-focus", GTK_DIR_TAB_BACKWARD);
  focus = gtk_root_get_focus (GTK_ROOT (sight.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, sight.last_rows[N_GROUPS - 1]) ||
                 focus == sight.last_rows[N_GROUPS - 1]);
  g_assert_false (liaison_sight_group_get_folded (last));

  /* With the focus in it, it does not fold even out of sight */
  liaison_test_settle ();
  gtk_adjustment_set_value (sight.adjustment, 0);
  liaison_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (sight.adjustment), ==, 0);
  g_assert_false (liaison_sight_group_get_folded (last));
  g_assert_true (liaison_sight_group_get_folded (LIAISON_SIGHT_GROUP (sight.groups[N_GROUPS - 2])));

  /* Unfolded around a row that is about to change */
  liaison_sight_group_unfold_around (sight.last_rows[N_GROUPS - 2]);
  g_assert_false (liaison_sight_group_get_folded (LIAISON_SIGHT_GROUP (sight.groups[N_GROUPS - 2])));
  g_assert_true (gtk_widget_is_visible (sight.last_rows[N_GROUPS - 2]));

  gtk_window_destroy (GTK_WINDOW (sight.window));
  gtk_window_destroy (GTK_WINDOW (plain.window));
}

/* A window styled ahead of its frame, when the style sheet changes */

#define N_BUTTONS 300

typedef struct
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *added;       /* a label added while it was being styled */
  guint      runs;        /* of the main loop */
  guint      runs_before_frame;
  gboolean   changed;     /* the style sheet changed */
  gboolean   drawn;       /* a frame since */
} StyleWindow;

static StyleWindow *counted;

/* Called once each run of the main loop */
static int
count_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  counted->runs++;

  return g_poll (fds, n_fds, timeout);
}

static void
style_window_before_paint_cb (GdkFrameClock *frame_clock,
                              StyleWindow   *style)
{
  if (style->changed && !style->drawn)
    style->runs_before_frame = style->runs;
}

static void
style_window_after_paint_cb (GdkFrameClock *frame_clock,
                             StyleWindow   *style)
{
  if (style->changed)
    style->drawn = TRUE;
}

static gboolean
is_drawn (gpointer data)
{
  return ((StyleWindow *) data)->drawn;
}

/* Buttons with labels in them, and a label for each */
static void
style_window_init (StyleWindow *style,
                   gboolean     ahead)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GdkFrameClock *frame_clock;

  style->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < N_BUTTONS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Button %u", i);

      gtk_box_append (GTK_BOX (style->box), gtk_button_new_with_label (text));
      gtk_box_append (GTK_BOX (style->box), gtk_label_new (text));
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), style->box);

  style->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (style->window), 300, 400);
  gtk_window_set_child (GTK_WINDOW (style->window), scrolled);
  if (ahead)
    liaison_style_ahead_watch (GTK_WINDOW (style->window));
  gtk_window_present (GTK_WINDOW (style->window));
  liaison_test_wait_until (is_mapped, style->box);
  liaison_test_settle ();

  frame_clock = gtk_widget_get_frame_clock (style->window);
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (style_window_before_paint_cb), style);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (style_window_after_paint_cb), style);
}

static void
style_window_forget (StyleWindow *style)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (style->window), style);
}

static gboolean
change_the_box_cb (gpointer data)
{
  StyleWindow *style = data;

  gtk_box_remove (GTK_BOX (style->box), gtk_widget_get_first_child (style->box));
  style->added = gtk_label_new ("Added");
  gtk_box_append (GTK_BOX (style->box), style->added);

  return G_SOURCE_REMOVE;
}

/* The runs of the main loop from a change until the window's next frame */
static void
start_counting (StyleWindow *style)
{
  style->runs = style->runs_before_frame = 0;
  style->drawn = FALSE;
  style->changed = TRUE;
  counted = style;
  g_main_context_set_poll_func (NULL, count_poll);
}

static void
count_until_drawn (StyleWindow *style)
{
  liaison_test_wait_until (is_drawn, style);
  g_main_context_set_poll_func (NULL, NULL);
  counted = NULL;
  style->changed = FALSE;
}

static void
change_style (StyleWindow     *style,
              AdwColorScheme   color_scheme,
              gboolean         change_the_box)
{
  start_counting (style);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
  if (change_the_box)
    /* Once the window is being styled */
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, change_the_box_cb, style, NULL);
  count_until_drawn (style);
}

/* As GTK has it when another window takes the focus, and gives it back */
static void
style_behind (StyleWindow *style,
              gboolean     behind)
{
  start_counting (style);
  if (behind)
    gtk_widget_set_state_flags (style->window, GTK_STATE_FLAG_BACKDROP, FALSE);
  else
    gtk_widget_unset_state_flags (style->window, GTK_STATE_FLAG_BACKDROP);
  count_until_drawn (style);
}

static void
assert_colors_equal (const GdkRGBA *a,
                     const GdkRGBA *b)
{
  g_assert_true (gdk_rgba_equal (a, b));
}

static void
test_style_ahead (void)
{
  StyleWindow ahead = { 0 }, plain = { 0 };
  GtkWidget *label;
  GdkRGBA light, dark, plain_dark;
  guint n_labels = 0;

  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* GTK alone styles the window in the frame */
  style_window_init (&plain, FALSE);
  gtk_widget_get_color (gtk_widget_get_last_child (plain.box), &light);
  change_style (&plain, ADW_COLOR_SCHEME_FORCE_DARK, FALSE);
  gtk_widget_get_color (gtk_widget_get_last_child (plain.box), &plain_dark);
  g_assert_false (gdk_rgba_equal (&light, &plain_dark));
  g_test_message ("GTK alone: %u runs of the main loop before the frame", plain.runs_before_frame);
  g_assert_cmpuint (plain.runs_before_frame, <, 3 * N_BUTTONS / 100);
  style_window_forget (&plain);
  gtk_window_destroy (GTK_WINDOW (plain.window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  liaison_test_settle ();

  /* Styled ahead, a part at a time, one part a run of the main loop; and
   * changed meanwhile */
  style_window_init (&ahead, TRUE);
  change_style (&ahead, ADW_COLOR_SCHEME_FORCE_DARK, TRUE);
  g_test_message ("Styled ahead: %u runs of the main loop before the frame", ahead.runs_before_frame);
  g_assert_cmpuint (ahead.runs_before_frame, >=, 3 * N_BUTTONS / 100);

  /* As GTK alone styles it */
  g_assert_nonnull (ahead.added);
  g_assert_true (gtk_widget_get_mapped (ahead.added));
  for (label = gtk_widget_get_first_child (ahead.box); label != NULL; label = gtk_widget_get_next_sibling (label))
    {
      if (!GTK_IS_LABEL (label))
        continue;
      gtk_widget_get_color (label, &dark);
      assert_colors_equal (&dark, &plain_dark);
      n_labels++;
    }
  /* The first button went, a label came */
  g_assert_cmpuint (n_labels, ==, N_BUTTONS + 1);

  /* And back */
  change_style (&ahead, ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE);
  g_assert_cmpuint (ahead.runs_before_frame, >=, 3 * N_BUTTONS / 100);
  gtk_widget_get_color (ahead.added, &dark);
  assert_colors_equal (&dark, &light);

  /* Behind another window, and in front again (or the other way round,
   * should the window not have the focus) */
  {
    gboolean behind = (gtk_widget_get_state_flags (ahead.window) & GTK_STATE_FLAG_BACKDROP) != 0;

    style_behind (&ahead, !behind);
    g_assert_cmpuint (ahead.runs_before_frame, >=, 3 * N_BUTTONS / 100);
    style_behind (&ahead, behind);
    g_assert_cmpuint (ahead.runs_before_frame, >=, 3 * N_BUTTONS / 100);
  }

  /* Closed while being styled, and let go */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_main_context_iteration (NULL, FALSE);
  style_window_forget (&ahead);
  g_object_add_weak_pointer (G_OBJECT (ahead.window), (gpointer *) &ahead.window);
  gtk_window_destroy (GTK_WINDOW (ahead.window));
  liaison_test_settle ();
  g_assert_null (ahead.window);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/widgets/cell-label", test_cell_label);
  g_test_add_func ("/widgets/choice-button", test_choice_button);
  g_test_add_func ("/widgets/tooltip", test_tooltip);
  g_test_add_func ("/widgets/rows-let-go", test_rows_let_go);
  /* Last: it sets up libadwaita's style */
  g_test_add_func ("/widgets/sight-group", test_sight_group);
  g_test_add_func ("/widgets/style-ahead", test_style_ahead);

  return g_test_run ();
}
