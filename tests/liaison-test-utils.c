/* liaison-test-utils.c
 *
 * What the UI tests and the screenshot tool share: an application that is
 * registered but not run, windows of a given size, waiting for the frame
 * clock, and finding widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-test-utils.h"

LiaisonApp *
liaison_test_application_new (void)
{
  g_autoptr(LiaisonApp) app = NULL;
  g_autoptr(GError) error = NULL;

  app = liaison_app_new ("org.jlgc.Liaison.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  return g_steal_pointer (&app);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
liaison_test_wait_until (LiaisonTestCondition condition,
                         gpointer             data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for a condition");

  g_source_remove (id);
}

static gboolean
settled_cb (gpointer data)
{
  guint *ticks = data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
settled (gpointer data)
{
  guint *ticks = data;

  return *ticks >= 15;
}

/* Lets animations, layout and drawing run for a while (about a quarter of
 * a second). */
void
liaison_test_settle (void)
{
  guint ticks = 0;
  guint id = g_timeout_add (16, settled_cb, &ticks);

  liaison_test_wait_until (settled, &ticks);
  g_source_remove (id);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

/* The surface is the size asked for; on X11 without a compositor the
 * window widget itself is a little smaller, inside an invisible border
 * for resizing. */
static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;
  GdkSurface *surface;

  if (!gtk_widget_get_mapped (wait->widget) || gtk_widget_get_width (wait->widget) == 0)
    return FALSE;

  surface = gtk_native_get_surface (GTK_NATIVE (wait->widget));

  return gdk_surface_get_width (surface) == wait->width &&
         gdk_surface_get_height (surface) == wait->height;
}

LiaisonWindow *
liaison_test_window_new (LiaisonApp *app,
                         int                 width,
                         int                 height)
{
  GSettings *settings = liaison_app_get_settings (app);
  LiaisonWindow *window;
  SizeWait wait;

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = g_object_new (LIAISON_TYPE_WINDOW, "application", app, NULL);
  gtk_window_present (GTK_WINDOW (window));

  wait = (SizeWait) { GTK_WIDGET (window), width, height };
  liaison_test_wait_until (has_size, &wait);
  liaison_test_settle ();

  return window;
}

void
liaison_test_window_destroy (LiaisonWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  liaison_test_settle ();
}

static gboolean
matches (GtkWidget  *widget,
         GType       type,
         const char *title)
{
  if (!g_type_is_a (G_OBJECT_TYPE (widget), type))
    return FALSE;

  if (title == NULL)
    return TRUE;

  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) == 0;
  if (ADW_IS_STATUS_PAGE (widget))
    return g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), title) == 0;

  return FALSE;
}

/**
 * liaison_test_find:
 * @root: where to look
 * @type: the type wanted
 * @title: (nullable): the title or label wanted
 *
 * Returns: (transfer none) (nullable): the first descendant of @root, in
 *   depth-first order, of @type and with @title
 */
GtkWidget *
liaison_test_find (GtkWidget  *root,
                   GType       type,
                   const char *title)
{
  if (matches (root, type, title))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = liaison_test_find (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * liaison_test_has_shortcut:
 * @widget: a widget
 * @trigger: a key, as gtk_shortcut_trigger_to_string() writes it
 * @action_name: (nullable): the action it must activate, or %NULL for any
 *
 * Returns: whether one of @widget's own shortcuts, or its class's, is
 *   @trigger for @action_name
 */
gboolean
liaison_test_has_shortcut (GtkWidget  *widget,
                           const char *trigger,
                           const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!g_str_equal (keys, trigger))
            continue;
          if (action_name == NULL ||
              (GTK_IS_NAMED_ACTION (action) &&
               g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name)))
            return TRUE;
        }
    }

  return FALSE;
}

guint
liaison_test_count (GtkWidget *root,
                    GType      type)
{
  guint count = g_type_is_a (G_OBJECT_TYPE (root), type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += liaison_test_count (child, type);

  return count;
}

/**
 * liaison_test_assert_icons:
 * @root: where to look
 *
 * Fails unless every image under @root named by an icon name finds that
 * icon in the icon theme (the system's or the application's resources),
 * rather than the missing-image picture.
 */
void
liaison_test_assert_icons (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root) && gtk_image_get_storage_type (GTK_IMAGE (root)) == GTK_IMAGE_ICON_NAME)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (root));
      const char *name = gtk_image_get_icon_name (GTK_IMAGE (root));

      if (!gtk_icon_theme_has_icon (theme, name))
        g_error ("There is no icon “%s”", name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    liaison_test_assert_icons (child);
}

/* Renders @widget, and @popover over it where it is on screen */
static gboolean
save_png (GtkWidget   *widget,
          GtkPopover  *popover,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  if (popover != NULL)
    {
      g_autoptr(GdkPaintable) over = gtk_widget_paintable_new (GTK_WIDGET (popover));
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
      double widget_x, widget_y, popover_x, popover_y;

      /* The popup's place is given from its parent surface's corner; each
       * widget is drawn from where it is in its own surface. */
      gtk_native_get_surface_transform (gtk_widget_get_native (widget), &widget_x, &widget_y);
      gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x - widget_x,
                                                    gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y - widget_y));
      gdk_paintable_snapshot (over, snapshot, gtk_widget_get_width (GTK_WIDGET (popover)),
                              gtk_widget_get_height (GTK_WIDGET (popover)));
      gtk_snapshot_restore (snapshot);
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

/**
 * liaison_test_save_png:
 * @widget: a realized widget, usually a window
 * @path: where to write
 * @error: return location for a #GError
 *
 * Renders @widget as it is on screen with its own renderer and saves the
 * picture as PNG.
 */
gboolean
liaison_test_save_png (GtkWidget   *widget,
                       const char  *path,
                       GError     **error)
{
  return save_png (widget, NULL, path, error);
}

/**
 * liaison_test_save_png_with_popover:
 * @widget: a realized widget, usually a window
 * @popover: (nullable): a popover open over it
 * @path: where to write
 * @error: return location for a #GError
 *
 * As liaison_test_save_png(), with @popover drawn where it is on screen.
 */
gboolean
liaison_test_save_png_with_popover (GtkWidget   *widget,
                                    GtkPopover  *popover,
                                    const char  *path,
                                    GError     **error)
{
  return save_png (widget, popover, path, error);
}
