/* liaison-sight-group.c
 *
 * A preferences group for a long scrolled page, that folds while it is
 * scrolled well out of sight: its rows are hidden, and it keeps the
 * height they had, so that the page is as long as before and its
 * scrollbar does not move. GTK works out the style of every widget that
 * is shown, in sight or not, each time the window's style changes (the
 * dark style, or the window going behind another): for an editor of
 * forty rows, three quarters of them below the fold, that was half the
 * time of the change.
 *
 * A group unfolds as soon as it comes near the page's sight, before the
 * frame that would show it is drawn; when its width or the font changes;
 * and when the keyboard focus moves into it: Tab and Shift+Tab reach its
 * rows as if it had never folded. A group with the focus in it does not
 * fold. Whoever changes what a folded group shows unfolds it first
 * (liaison_sight_group_unfold()), as its height would otherwise be out of
 * date. A group folds only once it has been laid out with what it shows.
 *
 * While folded, a group is a screen reader's object of its title alone;
 * its rows are found again by Tab, or once it is scrolled near.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-sight-group.h"

struct _LiaisonSightGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkAdjustment       *adjustment;   /* of the page, while mapped */
  GtkRoot             *root;         /* while mapped */
  guint                tick_id;
  guint                n_unsettled;  /* frames its height was not its rows' */
  gboolean             laid_out;     /* since it last unfolded */

  GPtrArray           *folded;       /* the children hidden, or NULL */
  int                  width;        /* as allocated */
  int                  folded_width; /* when it folded */
};

G_DEFINE_FINAL_TYPE (LiaisonSightGroup, liaison_sight_group, ADW_TYPE_PREFERENCES_GROUP)

/* How far out of sight, in pages, a group still shows its rows: enough
 * that a frame of kinetic scrolling does not outrun them. */
#define MARGIN_PAGES 0.25

/* How many frames a group out of sight waits for its rows to be laid out */
#define MAX_UNSETTLED 30

static void queue_check (LiaisonSightGroup *self);

static GtkWidget *
get_content (LiaisonSightGroup *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);

  return viewport != NULL ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
}

/**
 * liaison_sight_group_unfold:
 * @self: a group
 *
 * Shows the group's rows again, if it has folded. It folds again once it
 * has been laid out anew, if it is still out of sight.
 */
void
liaison_sight_group_unfold (LiaisonSightGroup *self)
{
  g_autoptr(GPtrArray) folded = NULL;

  g_return_if_fail (LIAISON_IS_SIGHT_GROUP (self));

  if (self->folded == NULL)
    return;

  folded = g_steal_pointer (&self->folded);
  for (guint i = 0; i < folded->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (folded, i), TRUE);

  gtk_widget_set_size_request (GTK_WIDGET (self), -1, -1);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  self->laid_out = FALSE;
  queue_check (self);
}

/**
 * liaison_sight_group_unfold_around:
 * @widget: a widget
 *
 * Unfolds the group that holds @widget, if there is one: before what it
 * shows is changed in code.
 */
void
liaison_sight_group_unfold_around (GtkWidget *widget)
{
  GtkWidget *group;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  group = gtk_widget_get_ancestor (widget, LIAISON_TYPE_SIGHT_GROUP);
  if (group != NULL)
    liaison_sight_group_unfold (LIAISON_SIGHT_GROUP (group));
}

/**
 * liaison_sight_group_get_folded:
 * @self: a group
 *
 * Returns: whether the group's rows are hidden while it is out of sight
 */
gboolean
liaison_sight_group_get_folded (LiaisonSightGroup *self)
{
  g_return_val_if_fail (LIAISON_IS_SIGHT_GROUP (self), FALSE);

  return self->folded != NULL;
}

static void
fold (LiaisonSightGroup *self,
      int                height,
      int                width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *title;
  int minimum_width;

  /* The narrowest it can be too, which the page's width depends on */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum_width, NULL, NULL, NULL);

  self->folded = g_ptr_array_new_with_free_func (g_object_unref);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child))
        g_ptr_array_add (self->folded, g_object_ref (child));
    }

  /* The height first, so that the page is not measured without it */
  gtk_widget_set_size_request (widget, minimum_width, height);
  for (guint i = 0; i < self->folded->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->folded, i), FALSE);

  self->folded_width = width;

  /* What a screen reader finds in its place */
  title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self));
  if (title != NULL && title[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* Whether the group is in sight, or near enough; where that is not known,
 * it is */
static gboolean
is_in_sight (LiaisonSightGroup *self)
{
  GtkWidget *content = get_content (self);
  graphene_rect_t bounds;
  double page_size, margin, top, bottom;

  if (self->adjustment == NULL || content == NULL ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self), content, &bounds))
    return TRUE;

  page_size = gtk_adjustment_get_page_size (self->adjustment);
  margin = page_size * MARGIN_PAGES;
  top = gtk_adjustment_get_value (self->adjustment) - margin;
  bottom = gtk_adjustment_get_value (self->adjustment) + page_size + margin;

  return page_size <= 0 ||
         (bounds.origin.y < bottom && bounds.origin.y + bounds.size.height > top);
}

/* Before the frame is laid out: unfolds the group if it is coming into
 * sight, folds it if it has gone out of it. TRUE to look again at the
 * next frame. */
static gboolean
check (LiaisonSightGroup *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean in_sight = is_in_sight (self);
  int natural, height;

  if (self->folded != NULL)
    {
      if (in_sight)
        {
          liaison_sight_group_unfold (self);
          return FALSE;
        }

      /* Out of sight at another width, it folds again once it has been
       * measured at this one */
      if (self->width != self->folded_width)
        {
          liaison_sight_group_unfold (self);
          return TRUE;
        }

      return FALSE;
    }

  if (in_sight)
    {
      self->n_unsettled = 0;
      return FALSE;
    }

  height = gtk_widget_get_height (widget);
  if (height <= 0 || !gtk_widget_get_child_visible (widget) ||
      gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  /* Not yet laid out since it unfolded: after a change of font, say, its
   * rows are measured with their new style in the next layout */
  if (!self->laid_out)
    return ++self->n_unsettled < MAX_UNSETTLED;

  /* Only with the height of what it shows now: rows added since the last
   * frame have not been laid out yet, and an editor may be adding more at
   * each frame. A group that is never given the height it asks for stays
   * unfolded. */
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget),
                      NULL, &natural, NULL, NULL);
  if (natural != height)
    return ++self->n_unsettled < MAX_UNSETTLED;

  self->n_unsettled = 0;
  fold (self, height, self->width);
  return FALSE;
}

static gboolean
check_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  LiaisonSightGroup *self = LIAISON_SIGHT_GROUP (widget);

  if (check (self))
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_check (LiaisonSightGroup *self)
{
  if (self->tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), check_tick_cb, NULL, NULL);
}

/* The page scrolled, or changed size. A group coming into sight unfolds
 * at once, to be laid out in this frame. If the page grew, the frame is
 * being laid out already: GtkViewport sets its adjustments before it
 * lays out its content, which then measures and lays out the rows shown
 * here. (GTK ignores the new size asked of the viewport itself, which is
 * the same.) */
static void
adjustment_changed_cb (LiaisonSightGroup *self)
{
  if (self->folded != NULL && is_in_sight (self))
    liaison_sight_group_unfold (self);

  queue_check (self);
}

/* The focus given back to a row of a folded group, as a dialog closes */
static void
focus_widget_changed_cb (LiaisonSightGroup *self)
{
  GtkWidget *focus;

  if (self->folded == NULL || self->root == NULL)
    return;

  focus = gtk_root_get_focus (self->root);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    liaison_sight_group_unfold (self);
}

static void
liaison_sight_group_system_setting_changed (GtkWidget        *widget,
                                            GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (liaison_sight_group_parent_class)->system_setting_changed (widget, setting);

  /* Rows of another height, measured again once shown */
  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_FONT_CONFIG ||
      setting == GTK_SYSTEM_SETTING_DPI)
    liaison_sight_group_unfold (LIAISON_SIGHT_GROUP (widget));
}

static void
liaison_sight_group_map (GtkWidget *widget)
{
  LiaisonSightGroup *self = LIAISON_SIGHT_GROUP (widget);
  GtkWidget *viewport;

  GTK_WIDGET_CLASS (liaison_sight_group_parent_class)->map (widget);

  viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  if (viewport != NULL)
    {
      self->adjustment = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport)));
      g_signal_connect_object (self->adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
    }

  self->root = g_object_ref (gtk_widget_get_root (widget));
  g_signal_connect_object (self->root, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), self, G_CONNECT_SWAPPED);

  queue_check (self);
}

static void
liaison_sight_group_unmap (GtkWidget *widget)
{
  LiaisonSightGroup *self = LIAISON_SIGHT_GROUP (widget);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->tick_id);
      self->tick_id = 0;
    }

  if (self->adjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->adjustment, self);
  g_clear_object (&self->adjustment);
  if (self->root != NULL)
    g_signal_handlers_disconnect_by_data (self->root, self);
  g_clear_object (&self->root);

  GTK_WIDGET_CLASS (liaison_sight_group_parent_class)->unmap (widget);
}

/* Laid out as a bin, as AdwPreferencesGroup is, but knowing when its
 * width changes: a folded group is then unfolded to be measured again. */
static GtkSizeRequestMode
liaison_sight_group_get_request_mode (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_request_mode (child) != GTK_SIZE_REQUEST_CONSTANT_SIZE)
        return gtk_widget_get_request_mode (child);
    }

  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
liaison_sight_group_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

static void
liaison_sight_group_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  LiaisonSightGroup *self = LIAISON_SIGHT_GROUP (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_should_layout (child))
        gtk_widget_allocate (child, width, height, baseline, NULL);
    }

  self->laid_out = TRUE;

  if (width != self->width)
    {
      self->width = width;
      if (self->folded != NULL)
        queue_check (self);
    }
}

/* The keyboard reaches the rows of a folded group: it unfolds, and the
 * focus moves in among rows that keep where they were laid out last. */
static gboolean
liaison_sight_group_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  liaison_sight_group_unfold (LIAISON_SIGHT_GROUP (widget));

  return GTK_WIDGET_CLASS (liaison_sight_group_parent_class)->focus (widget, direction);
}

static void
liaison_sight_group_dispose (GObject *object)
{
  LiaisonSightGroup *self = (LiaisonSightGroup *)object;

  g_clear_pointer (&self->folded, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_sight_group_parent_class)->dispose (object);
}

static void
liaison_sight_group_class_init (LiaisonSightGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_sight_group_dispose;

  widget_class->map = liaison_sight_group_map;
  widget_class->unmap = liaison_sight_group_unmap;
  widget_class->get_request_mode = liaison_sight_group_get_request_mode;
  widget_class->measure = liaison_sight_group_measure;
  widget_class->size_allocate = liaison_sight_group_size_allocate;
  widget_class->focus = liaison_sight_group_focus;
  widget_class->system_setting_changed = liaison_sight_group_system_setting_changed;
}

static void
liaison_sight_group_init (LiaisonSightGroup *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

GtkWidget *
liaison_sight_group_new (void)
{
  return g_object_new (LIAISON_TYPE_SIGHT_GROUP, NULL);
}
