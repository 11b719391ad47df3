/* liaison-record-selection.c
 *
 * The selection of a column view over a record list. It keeps the row ids
 * of the records selected, not the records: selecting a whole cohort, or
 * a list put in another order or changed by a save, reads nothing from
 * the database (GtkMultiSelection holds every item selected, and looks
 * through every row added for them). A record stays selected wherever a
 * change moves it.
 *
 * Its items are rows, not records: a row stays at its place, and when the
 * records of the list change (another order, another cohort) it shows
 * the record now at its place. GTK would otherwise destroy the widgets of
 * every row replaced and make new ones; it keeps them, and the cells show
 * the new record.
 *
 * It can also show only the first rows of the list, so that a view can
 * show a screenful first and the rest over the next frames.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-record-selection"

#include "config.h"

#include "liaison-record-selection.h"

struct _LiaisonListRow
{
  GObject            parent_instance;

  LiaisonRecordList *records;
  LiaisonRecord     *record;
  guint              position;
  /* Another record may be at the row's place: read when next asked for */
  gboolean           stale;
};

enum {
  ROW_PROP_0,
  ROW_PROP_RECORD,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

G_DEFINE_FINAL_TYPE (LiaisonListRow, liaison_list_row, G_TYPE_OBJECT)

static void
liaison_list_row_finalize (GObject *object)
{
  g_clear_object (&LIAISON_LIST_ROW (object)->record);
  g_clear_object (&LIAISON_LIST_ROW (object)->records);

  G_OBJECT_CLASS (liaison_list_row_parent_class)->finalize (object);
}

static void
liaison_list_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_RECORD:
      g_value_set_object (value, liaison_list_row_get_record (LIAISON_LIST_ROW (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_list_row_class_init (LiaisonListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_list_row_finalize;
  object_class->get_property = liaison_list_row_get_property;

  row_properties[ROW_PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, LIAISON_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
liaison_list_row_init (LiaisonListRow *self)
{
}

/**
 * liaison_list_row_get_record:
 * @self: a row
 *
 * The record is read when first asked for: a view that shows only some of
 * the rows it holds reads only theirs.
 *
 * Returns: (transfer none) (nullable): the record the row shows now, or
 *   %NULL for a row past the end of the list, about to go; it tells
 *   notify::record when another may have taken its place
 */
LiaisonRecord *
liaison_list_row_get_record (LiaisonListRow *self)
{
  g_return_val_if_fail (LIAISON_IS_LIST_ROW (self), NULL);

  if (self->stale)
    {
      g_autoptr(LiaisonRecord) record = NULL;

      /* A row past the end, about to go, shows nothing. */
      if (self->position < g_list_model_get_n_items (G_LIST_MODEL (self->records)))
        record = g_list_model_get_item (G_LIST_MODEL (self->records), self->position);
      g_set_object (&self->record, record);
      self->stale = FALSE;
    }

  return self->record;
}

/* Another record may be at the row's place now */
static void
row_mark_stale (LiaisonListRow *self)
{
  self->stale = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_RECORD]);
}

struct _LiaisonRecordSelection
{
  GObject            parent_instance;

  LiaisonRecordList *records;
  guint              limit;
  guint              n_shown;   /* as last told to the views */
  /* Rows shown past the end of the list, to be let go of */
  guint              past_end;
  guint              in_sight;
  guint              kept;
  gboolean           frozen;
  GHashTable        *selected;  /* row ids */
  /* The rows the views hold, by position; not referenced */
  GHashTable        *rows;
};

static void list_model_iface_init      (GListModelInterface        *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaisonRecordSelection, liaison_record_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

static guint
n_records (LiaisonRecordSelection *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->records));
}

static GType
get_item_type (GListModel *model)
{
  return LIAISON_TYPE_LIST_ROW;
}

static void
row_finalized_cb (gpointer  data,
                  GObject  *where_the_object_was)
{
  LiaisonRecordSelection *self = data;
  LiaisonListRow *row = (LiaisonListRow *) where_the_object_was;

  if (g_hash_table_lookup (self->rows, GUINT_TO_POINTER (row->position)) == row)
    g_hash_table_remove (self->rows, GUINT_TO_POINTER (row->position));
}

static void
forget_row (LiaisonRecordSelection *self,
            LiaisonListRow         *row)
{
  g_object_weak_unref (G_OBJECT (row), row_finalized_cb, self);
}

/* The rows held show the records now at their places; those past the
 * end are let go of, for a view to ask again. */
static void
refresh_rows (LiaisonRecordSelection *self,
              guint                   from,
              guint                   to)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position >= self->n_shown)
        {
          forget_row (self, value);
          g_hash_table_iter_remove (&iter);
        }
      else if (position >= from && position < to)
        row_mark_stale (value);
    }
}

#define LET_GO_AT_ONCE 20

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Where the rows from @start to @end could be taken away from for views to
 * let go of LET_GO_AT_ONCE row widgets at most: @start, if they hold no
 * more than that. */
static guint
held_from (LiaisonRecordSelection *self,
           guint                   start,
           guint                   end)
{
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position >= start && position < end)
        g_array_append_val (held, position);
    }

  if (held->len <= LET_GO_AT_ONCE)
    return start;

  g_array_sort (held, compare_positions);
  return g_array_index (held, guint, held->len - LET_GO_AT_ONCE);
}

/* A thaw that leaves fewer rows than were shown, all the list has, and at
 * least as many as may be in sight: the rows past the end, out of sight,
 * stay for liaison_record_selection_let_go(), showing nothing if they
 * come into sight meanwhile. Not worth it unless views hold many of
 * them, or some are to be kept. Fewer rows than may be in sight take the
 * others away at once: those kept would move up into sight. */
static gboolean
linger (LiaisonRecordSelection *self,
        guint                   old_n)
{
  guint target = self->n_shown;

  if (target != n_records (self) || target < self->in_sight)
    return FALSE;
  if (target >= self->kept && held_from (self, target, old_n) == target)
    return FALSE;

  self->past_end = old_n - target;
  self->n_shown = old_n;
  refresh_rows (self, 0, G_MAXUINT);
  if (g_hash_table_size (self->selected) > 0 && target > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, target);

  return TRUE;
}

/* Tells the views the rows now shown: those added or taken away at the
 * end, and the selection of those whose records changed. */
static void
tell_changes (LiaisonRecordSelection *self,
              guint                   old_n,
              guint                   from)
{
  if (self->n_shown > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_shown - old_n);
  else if (self->n_shown < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_shown, old_n - self->n_shown, 0);

  if (g_hash_table_size (self->selected) > 0 && from < MIN (old_n, self->n_shown))
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), from, MIN (old_n, self->n_shown) - from);
}

static guint
get_n_items (GListModel *model)
{
  return LIAISON_RECORD_SELECTION (model)->n_shown;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LiaisonRecordSelection *self = LIAISON_RECORD_SELECTION (model);
  LiaisonListRow *row;

  if (position >= self->n_shown)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (LIAISON_TYPE_LIST_ROW, NULL);
  row->records = g_object_ref (self->records);
  row->position = position;
  row->stale = TRUE;
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  g_object_weak_ref (G_OBJECT (row), row_finalized_cb, self);

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
holds (LiaisonRecordSelection *self,
       guint                   position)
{
  gint64 id;

  if (g_hash_table_size (self->selected) == 0)
    return FALSE;

  id = liaison_record_list_get_id (self->records, position);
  return id != 0 && g_hash_table_contains (self->selected, &id);
}

static void
hold (LiaisonRecordSelection *self,
      guint                   position,
      gboolean                selected)
{
  gint64 id = liaison_record_list_get_id (self->records, position);

  if (id == 0)
    return;

  if (selected)
    g_hash_table_add (self->selected, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->selected, &id);
}

static gboolean
is_selected (GtkSelectionModel *model,
             guint              position)
{
  LiaisonRecordSelection *self = LIAISON_RECORD_SELECTION (model);

  return position < self->n_shown && holds (self, position);
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items)
{
  LiaisonRecordSelection *self = LIAISON_RECORD_SELECTION (model);
  GtkBitset *bitset = gtk_bitset_new_empty ();
  guint end = MIN ((guint64) position + n_items, self->n_shown);

  if (g_hash_table_size (self->selected) == 0)
    return bitset;

  for (guint i = position; i < end; i++)
    {
      if (holds (self, i))
        gtk_bitset_add (bitset, i);
    }

  return bitset;
}

static gboolean
set_selection (GtkSelectionModel *model,
               GtkBitset         *selected,
               GtkBitset         *mask)
{
  LiaisonRecordSelection *self = LIAISON_RECORD_SELECTION (model);
  GtkBitsetIter iter;
  guint position;
  guint first = G_MAXUINT;
  guint last = 0;

  /* Everything else let go of (a click on a row): no need to look at
   * every row of a long list */
  if (self->n_shown > 0 && gtk_bitset_get_size_in_range (mask, 0, self->n_shown - 1) == self->n_shown)
    {
      g_hash_table_remove_all (self->selected);
      for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
           more && position < self->n_shown;
           more = gtk_bitset_iter_next (&iter, &position))
        hold (self, position, TRUE);
      gtk_selection_model_selection_changed (model, 0, self->n_shown);
      return TRUE;
    }

  for (gboolean more = gtk_bitset_iter_init_first (&iter, mask, &position);
       more && position < self->n_shown;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gboolean wanted = gtk_bitset_contains (selected, position);

      if (wanted == holds (self, position))
        continue;

      hold (self, position, wanted);
      first = MIN (first, position);
      last = MAX (last, position);
    }

  if (first <= last)
    gtk_selection_model_selection_changed (model, first, last - first + 1);

  return TRUE;
}

/* The whole list, shown yet or not */
static gboolean
select_all (GtkSelectionModel *model)
{
  LiaisonRecordSelection *self = LIAISON_RECORD_SELECTION (model);
  guint n = n_records (self);

  for (guint i = 0; i < n; i++)
    hold (self, i, TRUE);

  if (self->n_shown > 0)
    gtk_selection_model_selection_changed (model, 0, self->n_shown);

  return TRUE;
}

static gboolean
unselect_all (GtkSelectionModel *model)
{
  LiaisonRecordSelection *self = LIAISON_RECORD_SELECTION (model);

  if (g_hash_table_size (self->selected) == 0)
    return TRUE;

  g_hash_table_remove_all (self->selected);
  if (self->n_shown > 0)
    gtk_selection_model_selection_changed (model, 0, self->n_shown);

  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->set_selection = set_selection;
  iface->select_all = select_all;
  iface->unselect_all = unselect_all;
}

/* The rows stay; those from @position on show the records now at their
 * places (when records came or went, every one after them moved), and
 * rows are added or taken away at the end. */
static void
records_changed_cb (LiaisonRecordSelection *self,
                    guint                   position,
                    guint                   removed,
                    guint                   added)
{
  guint old_n = self->n_shown;
  guint to;

  /* Told when thawed */
  if (self->frozen)
    return;

  self->n_shown = MIN (self->limit, n_records (self));
  self->past_end = 0;
  to = removed == added ? position + added : G_MAXUINT;
  refresh_rows (self, position, to);
  tell_changes (self, old_n, position);
}

static void
liaison_record_selection_dispose (GObject *object)
{
  LiaisonRecordSelection *self = LIAISON_RECORD_SELECTION (object);

  if (self->records != NULL)
    g_signal_handlers_disconnect_by_data (self->records, self);
  g_clear_object (&self->records);

  if (self->rows != NULL)
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        forget_row (self, row);
      g_hash_table_remove_all (self->rows);
    }

  G_OBJECT_CLASS (liaison_record_selection_parent_class)->dispose (object);
}

static void
liaison_record_selection_finalize (GObject *object)
{
  LiaisonRecordSelection *self = LIAISON_RECORD_SELECTION (object);

  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_record_selection_parent_class)->finalize (object);
}

static void
liaison_record_selection_class_init (LiaisonRecordSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_record_selection_dispose;
  object_class->finalize = liaison_record_selection_finalize;
}

static void
liaison_record_selection_init (LiaisonRecordSelection *self)
{
  self->limit = G_MAXUINT;
  self->in_sight = G_MAXUINT;
  self->selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows = g_hash_table_new (NULL, NULL);
}

/**
 * liaison_record_selection_new:
 * @records: the records to show and select from
 *
 * Returns: (transfer full): a selection of any number of @records
 */
LiaisonRecordSelection *
liaison_record_selection_new (LiaisonRecordList *records)
{
  LiaisonRecordSelection *self;

  g_return_val_if_fail (LIAISON_IS_RECORD_LIST (records), NULL);

  self = g_object_new (LIAISON_TYPE_RECORD_SELECTION, NULL);
  self->records = g_object_ref (records);
  self->n_shown = n_records (self);
  g_signal_connect_object (records, "items-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * liaison_record_selection_set_limit:
 * @self: a selection
 * @limit: the most rows to show, or %G_MAXUINT for all
 *
 * Shows only the first @limit records of the list. What is selected
 * stays selected.
 */
void
liaison_record_selection_set_limit (LiaisonRecordSelection *self,
                                    guint                   limit)
{
  guint old_n;
  guint from;

  g_return_if_fail (LIAISON_IS_RECORD_SELECTION (self));

  self->limit = limit;
  if (self->frozen)
    return;
  /* Rows past the end stay unless rows come in their place */
  if (self->past_end > 0 && MIN (limit, n_records (self)) == self->n_shown - self->past_end)
    return;
  old_n = self->n_shown;
  self->n_shown = MIN (limit, n_records (self));
  /* Rows past the end that are rows of the list again */
  from = old_n - self->past_end;
  self->past_end = 0;
  refresh_rows (self, from, G_MAXUINT);
  tell_changes (self, old_n, G_MAXUINT);
}

/**
 * liaison_record_selection_freeze:
 * @self: a selection
 *
 * Tells nothing of the changes to the list until
 * liaison_record_selection_thaw(): for a change to every row (another
 * year, order or filter), which would otherwise be told as the removal of
 * every row, then the addition of every row.
 */
void
liaison_record_selection_freeze (LiaisonRecordSelection *self)
{
  g_return_if_fail (LIAISON_IS_RECORD_SELECTION (self));

  self->frozen = TRUE;
}

/**
 * liaison_record_selection_thaw:
 * @self: a selection
 * @limit: the most rows to show now
 *
 * Tells the rows shown before the freeze replaced by the first @limit
 * rows, in one change: a list view binds its row widgets to the new
 * rows, rather than making new ones.
 */
void
liaison_record_selection_thaw (LiaisonRecordSelection *self,
                               guint                   limit)
{
  guint old_n;

  g_return_if_fail (LIAISON_IS_RECORD_SELECTION (self));

  if (!self->frozen)
    {
      liaison_record_selection_set_limit (self, limit);
      return;
    }

  self->frozen = FALSE;
  self->limit = limit;
  old_n = self->n_shown;
  self->n_shown = MIN (limit, n_records (self));
  self->past_end = 0;
  if (self->n_shown < old_n && linger (self, old_n))
    return;

  refresh_rows (self, 0, G_MAXUINT);
  tell_changes (self, old_n, 0);
}

/**
 * liaison_record_selection_set_rows_in_sight:
 * @self: a selection
 * @n_rows: how many of the first rows a view may show, or %G_MAXUINT
 *
 * A list view holds widgets for many more rows than it shows, and
 * destroys those of every row taken away. When a thaw leaves fewer rows
 * than before but at least @n_rows, the rows taken away, out of sight,
 * stay a while past the end of the list, showing nothing, for
 * liaison_record_selection_let_go() to take away a few at a time. With
 * fewer than @n_rows left, they would come into sight: they go at once,
 * as they always do with %G_MAXUINT, the default.
 */
void
liaison_record_selection_set_rows_in_sight (LiaisonRecordSelection *self,
                                            guint                   n_rows)
{
  g_return_if_fail (LIAISON_IS_RECORD_SELECTION (self));

  self->in_sight = n_rows;
}

/**
 * liaison_record_selection_set_rows_kept:
 * @self: a selection
 * @n_rows: how many of the first rows to keep past the end of the list
 *
 * Rows left past the end of the list that liaison_record_selection_let_go()
 * does not take away: for a list emptied, which a view hides, so that
 * the rows that come back (an undone deletion) find their widgets. 0, the
 * default, keeps none.
 */
void
liaison_record_selection_set_rows_kept (LiaisonRecordSelection *self,
                                        guint                   n_rows)
{
  g_return_if_fail (LIAISON_IS_RECORD_SELECTION (self));

  self->kept = n_rows;
}

/**
 * liaison_record_selection_let_go:
 * @self: a selection
 *
 * Takes away some of the rows left past the end of the list, from the
 * last: those for which views hold widgets, twenty at most. The first rows
 * kept (see liaison_record_selection_set_rows_kept()) stay.
 *
 * Returns: %TRUE if more can go
 */
gboolean
liaison_record_selection_let_go (LiaisonRecordSelection *self)
{
  guint end;
  guint from;

  g_return_val_if_fail (LIAISON_IS_RECORD_SELECTION (self), FALSE);

  end = self->n_shown;
  if (self->past_end == 0 || end <= self->kept)
    return FALSE;

  from = held_from (self, MAX (end - self->past_end, self->kept), end);
  self->past_end -= end - from;
  self->n_shown = from;
  refresh_rows (self, G_MAXUINT, G_MAXUINT);
  g_list_model_items_changed (G_LIST_MODEL (self), from, end - from, 0);

  return self->past_end > 0 && from > self->kept;
}

guint
liaison_record_selection_get_limit (LiaisonRecordSelection *self)
{
  g_return_val_if_fail (LIAISON_IS_RECORD_SELECTION (self), 0);

  return self->limit;
}

/**
 * liaison_record_selection_get_selected:
 * @self: a selection
 *
 * Returns: (transfer full) (element-type gint64): the row ids of the
 *   records selected that the list has, in its order
 */
GArray *
liaison_record_selection_get_selected (LiaisonRecordSelection *self)
{
  GArray *ids;
  guint n;

  g_return_val_if_fail (LIAISON_IS_RECORD_SELECTION (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (g_hash_table_size (self->selected) == 0)
    return ids;

  n = n_records (self);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = liaison_record_list_get_id (self->records, i);

      if (id != 0 && g_hash_table_contains (self->selected, &id))
        g_array_append_val (ids, id);
    }

  return ids;
}

/**
 * liaison_record_selection_get_n_selected:
 * @self: a selection
 *
 * Returns: how many records of the list are selected
 */
guint
liaison_record_selection_get_n_selected (LiaisonRecordSelection *self)
{
  g_autoptr(GArray) ids = NULL;
  GHashTableIter iter;
  gpointer id;
  guint n = 0;

  g_return_val_if_fail (LIAISON_IS_RECORD_SELECTION (self), 0);

  /* A few selected (a click): each is looked for, rather than every row */
  if (g_hash_table_size (self->selected) <= 16)
    {
      g_hash_table_iter_init (&iter, self->selected);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        n += liaison_record_list_has_id (self->records, *(gint64 *) id);
      return n;
    }

  ids = liaison_record_selection_get_selected (self);
  return ids->len;
}
