/* test-widgets.c
 *
 * The small widgets and helpers the views share: the cell label of the
 * lists, and tooltips set only when they change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-cell-label.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/widgets/cell-label", test_cell_label);
  g_test_add_func ("/widgets/tooltip", test_tooltip);

  return g_test_run ();
}
