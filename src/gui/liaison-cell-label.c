/* liaison-cell-label.c
 *
 * A line of text for a cell of a list, cut short with an ellipsis when it
 * is too long for its column. It is as tall as a line of its font whatever
 * its text, and asks for no width: when a row shows another record, its
 * cells are drawn again without the whole list being measured again, as a
 * GtkLabel would have it. GtkInscription does the same, but works out its
 * font's measures (shaping a sample sentence) for each cell; these are
 * kept here, one set for each font.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-cell-label.h"

struct _LiaisonCellLabel
{
  GtkWidget             parent_instance;

  char                 *text;
  PangoLayout          *layout;      /* made when first drawn */
  int                   layout_width;
  PangoFontDescription *font;        /* measured with */
};

G_DEFINE_FINAL_TYPE (LiaisonCellLabel, liaison_cell_label, GTK_TYPE_WIDGET)

/* The height of a line of each font, by its description and resolution */
static GHashTable *line_heights;

static int
line_height (LiaisonCellLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autofree char *name = pango_font_description_to_string (font);
  g_autofree char *key = g_strdup_printf ("%s@%g", name, pango_cairo_context_get_resolution (context));
  gpointer height;

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);

  if (line_heights == NULL)
    line_heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!g_hash_table_lookup_extended (line_heights, key, NULL, &height))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      height = GINT_TO_POINTER (PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                                   pango_font_metrics_get_descent (metrics)));
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (line_heights, g_steal_pointer (&key), height);
    }

  return GPOINTER_TO_INT (height);
}

static void
liaison_cell_label_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* Whatever width the column has */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height (LIAISON_CELL_LABEL (widget));
}

static void
liaison_cell_label_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LiaisonCellLabel *self = LIAISON_CELL_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int layout_height;
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      self->layout_width = -1;
    }

  if (self->layout_width != width)
    {
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      self->layout_width = width;
    }
  pango_layout_set_alignment (self->layout,
                              gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  pango_layout_get_pixel_size (self->layout, NULL, &layout_height);
  gtk_widget_get_color (widget, &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - layout_height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Another font: measured again. Other changes of style (a row selected,
 * say) only draw it again. */
static void
liaison_cell_label_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  LiaisonCellLabel *self = LIAISON_CELL_LABEL (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (liaison_cell_label_parent_class)->css_changed (widget, change);

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && !pango_font_description_equal (self->font, font))
    gtk_widget_queue_resize (widget);
}

static void
liaison_cell_label_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (liaison_cell_label_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_CONFIG && line_heights != NULL)
    g_hash_table_remove_all (line_heights);
  if (setting == GTK_SYSTEM_SETTING_FONT_CONFIG || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
      setting == GTK_SYSTEM_SETTING_DPI)
    gtk_widget_queue_resize (widget);
}

static void
liaison_cell_label_dispose (GObject *object)
{
  LiaisonCellLabel *self = LIAISON_CELL_LABEL (object);

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (liaison_cell_label_parent_class)->dispose (object);
}

static void
liaison_cell_label_finalize (GObject *object)
{
  LiaisonCellLabel *self = LIAISON_CELL_LABEL (object);

  g_free (self->text);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (liaison_cell_label_parent_class)->finalize (object);
}

static void
liaison_cell_label_class_init (LiaisonCellLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_cell_label_dispose;
  object_class->finalize = liaison_cell_label_finalize;

  widget_class->measure = liaison_cell_label_measure;
  widget_class->snapshot = liaison_cell_label_snapshot;
  widget_class->css_changed = liaison_cell_label_css_changed;
  widget_class->system_setting_changed = liaison_cell_label_system_setting_changed;

  /* A name of its own rather than "label": the theme has over a hundred rules
   * for labels, tried on every cell whenever the list is styled again (a
   * change to dark, the window becoming active). The one that applies
   * here, dimming it when insensitive, is in style.css. */
  gtk_widget_class_set_css_name (widget_class, "celllabel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
liaison_cell_label_init (LiaisonCellLabel *self)
{
}

GtkWidget *
liaison_cell_label_new (void)
{
  return g_object_new (LIAISON_TYPE_CELL_LABEL, NULL);
}

const char *
liaison_cell_label_get_text (LiaisonCellLabel *self)
{
  g_return_val_if_fail (LIAISON_IS_CELL_LABEL (self), NULL);

  return self->text != NULL ? self->text : "";
}

/**
 * liaison_cell_label_set_text:
 * @self: a cell label
 * @text: (nullable): its text
 *
 * Shows @text, drawn again without measuring again.
 */
void
liaison_cell_label_set_text (LiaisonCellLabel *self,
                             const char       *text)
{
  g_return_if_fail (LIAISON_IS_CELL_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
