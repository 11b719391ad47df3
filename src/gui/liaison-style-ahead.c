/* liaison-style-ahead.c
 *
 * When libadwaita changes its style sheet (the dark style, high contrast,
 * another accent colour), or the window goes behind another, GTK styles
 * every shown widget of the window again in the next frame, all at once,
 * and then lays it out and draws it. With the several hundred widgets of
 * a list and an editor, the styles alone take half a frame, and the dark
 * style's frame took more than one.
 *
 * Here, the window's shown widgets are styled ahead of that frame, a
 * hundred at a time, in the order the frame would take them (parents
 * before their children); input is answered in between. Asking a widget
 * for its colour (gtk_widget_get_color(), meant for drawing, and harmless
 * outside it) has GTK work out its style, and the frame then finds the
 * style worked out: what is left for it is what a widget does with its
 * new style, the layout and the drawing. The frame comes a little later
 * than it would (GTK styles faster all at once), but no run of the main
 * loop takes as long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-style-ahead.h"

/* The widgets styled in one part, one run of the main loop: a millisecond
 * or two */
#define PART_WIDGETS 100

typedef struct
{
  GtkWidget *window;     /* not owned: this lives as long as it */
  GPtrArray *to_style;   /* a stack of widgets, owned */
  guint      idle_id;
} StyleAhead;

static void
style_ahead_free (gpointer data)
{
  StyleAhead *ahead = data;

  g_clear_handle_id (&ahead->idle_id, g_source_remove);
  g_ptr_array_unref (ahead->to_style);
  g_free (ahead);
}

static gboolean
style_part_cb (gpointer user_data)
{
  StyleAhead *ahead = user_data;

  /* Hidden meanwhile: GTK styles it as it is shown again */
  if (!gtk_widget_get_mapped (ahead->window))
    g_ptr_array_set_size (ahead->to_style, 0);

  for (guint n = 0; n < PART_WIDGETS && ahead->to_style->len > 0; )
    {
      g_autoptr(GtkWidget) widget = g_ptr_array_steal_index_fast (ahead->to_style, ahead->to_style->len - 1);
      GdkRGBA color;

      /* GTK does not style what is hidden, nor what has left the window
       * since */
      if (!gtk_widget_get_visible (widget) ||
          gtk_widget_get_root (widget) != GTK_ROOT (ahead->window))
        continue;

      gtk_widget_get_color (widget, &color);
      n++;

      for (GtkWidget *child = gtk_widget_get_last_child (widget);
           child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_add (ahead->to_style, g_object_ref (child));
    }

  if (ahead->to_style->len > 0)
    return G_SOURCE_CONTINUE;

  ahead->idle_id = 0;

  return G_SOURCE_REMOVE;
}

static void
style_ahead (GtkWidget *window)
{
  StyleAhead *ahead = g_object_get_data (G_OBJECT (window), "liaison-style-ahead");
  GdkRGBA color;

  if (!gtk_widget_get_mapped (window))
    return;

  /* The window itself at once, its children in parts: the list holds
   * no reference to the window */
  gtk_widget_get_color (window, &color);
  g_ptr_array_set_size (ahead->to_style, 0);
  for (GtkWidget *child = gtk_widget_get_last_child (window);
       child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    g_ptr_array_add (ahead->to_style, g_object_ref (child));
  if (ahead->idle_id == 0)
    /* Before the frame (GDK_PRIORITY_REDRAW), after input */
    ahead->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, style_part_cb, ahead, NULL);
}

static void
style_sheet_changed_cb (AdwStyleManager *style_manager,
                        GParamSpec      *pspec,
                        GtkWidget       *window)
{
  style_ahead (window);
}

/* GTK hands the background state to every widget of the window, which
 * the theme dims */
static void
state_flags_changed_cb (GtkWidget     *window,
                        GtkStateFlags  previous)
{
  if ((gtk_widget_get_state_flags (window) ^ previous) & GTK_STATE_FLAG_BACKDROP)
    style_ahead (window);
}

/**
 * liaison_style_ahead_watch:
 * @window: a window
 *
 * Styles the shown widgets of @window ahead of its next frame, a part at
 * a time, whenever libadwaita changes its style sheet, and as the window
 * goes behind another or comes in front again.
 */
void
liaison_style_ahead_watch (GtkWindow *window)
{
  const char * const signals[] = { "notify::dark", "notify::high-contrast", "notify::accent-color-rgba" };
  AdwStyleManager *style_manager;
  StyleAhead *ahead;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "liaison-style-ahead") != NULL)
    return;

  style_manager = adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  ahead = g_new0 (StyleAhead, 1);
  ahead->window = GTK_WIDGET (window);
  ahead->to_style = g_ptr_array_new_with_free_func (g_object_unref);
  g_object_set_data_full (G_OBJECT (window), "liaison-style-ahead", ahead, style_ahead_free);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (style_manager, signals[i], G_CALLBACK (style_sheet_changed_cb), window, 0);
  g_signal_connect (window, "state-flags-changed", G_CALLBACK (state_flags_changed_cb), NULL);
}
