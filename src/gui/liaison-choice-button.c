/* liaison-choice-button.c
 *
 * A button that shows one of a list of strings and offers the others in a
 * popover, as GtkDropDown does, for the filters above a list. GtkDropDown
 * makes its popover, with its list view, search entry and factories, as
 * soon as it is made, and a row for the choice it shows; four of them cost
 * the window's first frame a few milliseconds. This one makes its popover
 * the first time it opens, and shows its choice with a plain label. It
 * takes the name and the style of a drop-down ("dropdown", a button with
 * an arrow), so that the theme draws it as one.
 *
 * The choices are a GListModel of GtkStringObject.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-choice-button.h"

struct _LiaisonChoiceButton
{
  GtkWidget           parent_instance;

  GtkWidget          *button;
  GtkWidget          *label;

  GListModel         *model;
  guint               selected;
  gboolean            enable_search;

  /* Made when first opened */
  GtkWidget          *popover;
  GtkWidget          *search_entry;
  GtkWidget          *list_view;
  GtkFilterListModel *filtered;
  GtkSingleSelection *list_selection;
};

G_DEFINE_FINAL_TYPE (LiaisonChoiceButton, liaison_choice_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_ENABLE_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_choice (GListModel *model,
            guint       position)
{
  g_autoptr(GObject) item = NULL;

  if (model == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  item = g_list_model_get_item (model, position);
  if (!GTK_IS_STRING_OBJECT (item))
    return NULL;

  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
update_label (LiaisonChoiceButton *self)
{
  g_autofree char *text = dup_choice (self->model, self->selected);

  gtk_label_set_text (GTK_LABEL (self->label), text != NULL ? text : "");
}

/* Where the choice at @position of the choices is in the popover's list,
 * which a search may have narrowed */
static guint
position_in_list (LiaisonChoiceButton *self,
                  guint                position)
{
  g_autoptr(GObject) wanted = NULL;
  GListModel *shown = G_LIST_MODEL (self->filtered);

  if (self->model == NULL || position == GTK_INVALID_LIST_POSITION)
    return GTK_INVALID_LIST_POSITION;

  wanted = g_list_model_get_item (self->model, position);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);

      if (item == wanted)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Where the choice at @position of the popover's list is in the choices */
static guint
position_in_choices (LiaisonChoiceButton *self,
                     guint                position)
{
  g_autoptr(GObject) wanted = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (wanted == NULL || self->model == NULL)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (self->model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

      if (item == wanted)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
choose (LiaisonChoiceButton *self,
        guint                position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  liaison_choice_button_set_selected (self, position);
  liaison_choice_button_popdown (self);
}

static void
row_activated_cb (LiaisonChoiceButton *self,
                  guint                position)
{
  choose (self, position_in_choices (self, position));
}

/* Enter in the search entry takes the first choice left */
static void
search_activated_cb (LiaisonChoiceButton *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    choose (self, position_in_choices (self, 0));
}

static void
search_stopped_cb (LiaisonChoiceButton *self)
{
  liaison_choice_button_popdown (self);
}

/* Down from the search entry goes to the list */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       LiaisonChoiceButton   *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_list_view_scroll_to (GTK_LIST_VIEW (self->list_view), 0, GTK_LIST_SCROLL_FOCUS, NULL);

  return GDK_EVENT_STOP;
}

static void
update_check (GtkListItem *item)
{
  LiaisonChoiceButton *self = g_object_get_data (G_OBJECT (item), "choice-button");
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);
  g_autoptr(GObject) chosen = NULL;

  if (self->model != NULL && self->selected != GTK_INVALID_LIST_POSITION)
    chosen = g_list_model_get_item (self->model, self->selected);

  gtk_widget_set_opacity (check, chosen != NULL && chosen == gtk_list_item_get_item (item) ? 1.0 : 0.0);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LiaisonChoiceButton      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL,
                                               "xalign", 0.0f,
                                               "hexpand", TRUE,
                                               NULL));
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);

  g_object_set_data (G_OBJECT (item), "choice-button", self);
  g_signal_connect_object (self, "notify::selected", G_CALLBACK (update_check), item, G_CONNECT_SWAPPED);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LiaisonChoiceButton      *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), gtk_string_object_get_string (string));
  update_check (item);
}

static void
popover_closed_cb (LiaisonChoiceButton *self)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
make_popover (LiaisonChoiceButton *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkStringFilter *filter;
  GtkEventController *keys;
  GtkWidget *box;
  GtkWidget *search_box;
  GtkWidget *scrolled;

  filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (filter, TRUE);
  self->filtered = gtk_filter_list_model_new (self->model != NULL ? g_object_ref (self->model) : NULL,
                                              GTK_FILTER (filter));
  self->list_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list_view = gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->list_selection)),
                                       g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);

  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "max-content-height", 400,
                           "propagate-natural-height", TRUE,
                           "child", self->list_view,
                           NULL);

  self->search_entry = g_object_new (GTK_TYPE_SEARCH_ENTRY,
                                     "hexpand", TRUE,
                                     "width-chars", 6,
                                     "max-width-chars", 6,
                                     "placeholder-text", _("Search…"),
                                     NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"),
                                  -1);
  g_object_bind_property (self->search_entry, "text", filter, "search", G_BINDING_DEFAULT);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activated_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (search_stopped_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (self->search_entry, keys);

  search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (search_box, "dropdown-searchbar");
  gtk_box_append (GTK_BOX (search_box), self->search_entry);
  g_object_bind_property (self, "enable-search", search_box, "visible", G_BINDING_SYNC_CREATE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), search_box);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->popover = g_object_new (GTK_TYPE_POPOVER,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_BOX,
                                "has-arrow", FALSE,
                                "halign", GTK_ALIGN_START,
                                "child", box,
                                NULL);
  gtk_widget_add_css_class (self->popover, "menu");
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

static void
button_toggled_cb (LiaisonChoiceButton *self)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->button));

  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, active, -1);

  if (!active)
    {
      if (self->popover != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->popover));
      return;
    }

  if (self->popover == NULL)
    make_popover (self);

  gtk_widget_set_size_request (self->popover, gtk_widget_get_width (GTK_WIDGET (self)), -1);
  gtk_popover_popup (GTK_POPOVER (self->popover));

  {
    guint position = position_in_list (self, self->selected);

    gtk_single_selection_set_selected (self->list_selection, position);
    if (self->enable_search)
      gtk_widget_grab_focus (self->search_entry);
    else if (position != GTK_INVALID_LIST_POSITION)
      gtk_list_view_scroll_to (GTK_LIST_VIEW (self->list_view), position, GTK_LIST_SCROLL_FOCUS, NULL);
    else
      gtk_widget_grab_focus (self->list_view);
  }
}

/* The choices changed: the one shown stays where it went, if it is still
 * there; otherwise the first is shown, as a drop-down does. */
static void
items_changed_cb (LiaisonChoiceButton *self,
                  guint                position,
                  guint                removed,
                  guint                added)
{
  guint selected = self->selected;

  if (selected != GTK_INVALID_LIST_POSITION && selected >= position)
    {
      if (selected < position + removed)
        selected = g_list_model_get_n_items (self->model) > 0 ? 0 : GTK_INVALID_LIST_POSITION;
      else
        selected = selected - removed + added;
    }
  else if (selected == GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (self->model) > 0)
    selected = 0;

  if (selected != self->selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  update_label (self);
}

static void
liaison_choice_button_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  LiaisonChoiceButton *self = LIAISON_CHOICE_BUTTON (widget);

  GTK_WIDGET_CLASS (liaison_choice_button_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static gboolean
liaison_choice_button_focus (GtkWidget        *widget,
                             GtkDirectionType  direction)
{
  LiaisonChoiceButton *self = LIAISON_CHOICE_BUTTON (widget);

  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    return gtk_widget_child_focus (self->popover, direction);

  return gtk_widget_child_focus (self->button, direction);
}

static gboolean
liaison_choice_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (LIAISON_CHOICE_BUTTON (widget)->button);
}

static void
liaison_choice_button_dispose (GObject *object)
{
  LiaisonChoiceButton *self = LIAISON_CHOICE_BUTTON (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (liaison_choice_button_parent_class)->dispose (object);
}

static void
liaison_choice_button_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaisonChoiceButton *self = LIAISON_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;

    case PROP_ENABLE_SEARCH:
      g_value_set_boolean (value, self->enable_search);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_choice_button_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaisonChoiceButton *self = LIAISON_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      liaison_choice_button_set_model (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      liaison_choice_button_set_selected (self, g_value_get_uint (value));
      break;

    case PROP_ENABLE_SEARCH:
      liaison_choice_button_set_enable_search (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_choice_button_class_init (LiaisonChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_choice_button_dispose;
  object_class->get_property = liaison_choice_button_get_property;
  object_class->set_property = liaison_choice_button_set_property;

  widget_class->size_allocate = liaison_choice_button_size_allocate;
  widget_class->focus = liaison_choice_button_focus;
  widget_class->grab_focus = liaison_choice_button_grab_focus;

  /**
   * LiaisonChoiceButton:model:
   *
   * The choices, a list of GtkStringObject.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LiaisonChoiceButton:selected:
   *
   * The position of the choice shown, or GTK_INVALID_LIST_POSITION.
   */
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LiaisonChoiceButton:enable-search:
   *
   * Whether the popover has a search entry that narrows its list.
   */
  properties[PROP_ENABLE_SEARCH] =
    g_param_spec_boolean ("enable-search", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dropdown");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
}

static void
liaison_choice_button_init (LiaisonChoiceButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->selected = GTK_INVALID_LIST_POSITION;

  self->label = g_object_new (GTK_TYPE_LABEL,
                              "xalign", 0.0f,
                              "hexpand", TRUE,
                              "ellipsize", PANGO_ELLIPSIZE_END,
                              NULL);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_IMAGE,
                                               "css-name", "arrow",
                                               "icon-name", "pan-down-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_NONE,
                                               NULL));
  gtk_widget_set_can_focus (box, FALSE);

  self->button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  g_signal_connect_swapped (self->button, "toggled", G_CALLBACK (button_toggled_cb), self);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->label, NULL,
                                  -1);
}

GtkWidget *
liaison_choice_button_new (void)
{
  return g_object_new (LIAISON_TYPE_CHOICE_BUTTON, NULL);
}

GListModel *
liaison_choice_button_get_model (LiaisonChoiceButton *self)
{
  g_return_val_if_fail (LIAISON_IS_CHOICE_BUTTON (self), NULL);

  return self->model;
}

/**
 * liaison_choice_button_set_model:
 * @self: the button
 * @model: (nullable): the choices, GtkStringObjects
 *
 * Offers @model, showing its first choice.
 */
void
liaison_choice_button_set_model (LiaisonChoiceButton *self,
                                 GListModel          *model)
{
  guint selected;

  g_return_if_fail (LIAISON_IS_CHOICE_BUTTON (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  if (self->filtered != NULL)
    gtk_filter_list_model_set_model (self->filtered, model);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);

  selected = model != NULL && g_list_model_get_n_items (model) > 0 ? 0 : GTK_INVALID_LIST_POSITION;
  if (selected != self->selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  update_label (self);
}

guint
liaison_choice_button_get_selected (LiaisonChoiceButton *self)
{
  g_return_val_if_fail (LIAISON_IS_CHOICE_BUTTON (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

/**
 * liaison_choice_button_set_selected:
 * @self: the button
 * @position: a position of the choices, or GTK_INVALID_LIST_POSITION
 *
 * Shows the choice at @position; a position past the choices shows none.
 */
void
liaison_choice_button_set_selected (LiaisonChoiceButton *self,
                                    guint                position)
{
  g_return_if_fail (LIAISON_IS_CHOICE_BUTTON (self));

  if (self->model == NULL || position >= g_list_model_get_n_items (self->model))
    position = GTK_INVALID_LIST_POSITION;

  if (self->selected == position)
    return;

  self->selected = position;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * liaison_choice_button_get_label:
 * @self: the button
 *
 * Returns: the text the button shows: its choice, or "" without one
 */
const char *
liaison_choice_button_get_label (LiaisonChoiceButton *self)
{
  g_return_val_if_fail (LIAISON_IS_CHOICE_BUTTON (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

gboolean
liaison_choice_button_get_enable_search (LiaisonChoiceButton *self)
{
  g_return_val_if_fail (LIAISON_IS_CHOICE_BUTTON (self), FALSE);

  return self->enable_search;
}

void
liaison_choice_button_set_enable_search (LiaisonChoiceButton *self,
                                         gboolean             enable_search)
{
  g_return_if_fail (LIAISON_IS_CHOICE_BUTTON (self));

  enable_search = !!enable_search;
  if (self->enable_search == enable_search)
    return;

  self->enable_search = enable_search;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLE_SEARCH]);
}

/**
 * liaison_choice_button_popup:
 * @self: the button
 *
 * Opens the list of choices, as a click on the button does.
 */
void
liaison_choice_button_popup (LiaisonChoiceButton *self)
{
  g_return_if_fail (LIAISON_IS_CHOICE_BUTTON (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), TRUE);
}

void
liaison_choice_button_popdown (LiaisonChoiceButton *self)
{
  g_return_if_fail (LIAISON_IS_CHOICE_BUTTON (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), FALSE);
}

/**
 * liaison_choice_button_get_popover:
 * @self: the button
 *
 * Returns: (transfer none) (nullable): the popover with the choices, or
 *   %NULL until the button has first opened it
 */
GtkPopover *
liaison_choice_button_get_popover (LiaisonChoiceButton *self)
{
  g_return_val_if_fail (LIAISON_IS_CHOICE_BUTTON (self), NULL);

  return self->popover != NULL ? GTK_POPOVER (self->popover) : NULL;
}
