/* liaison-tooltip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-tooltip.h"

/**
 * liaison_widget_update_tooltip:
 * @widget: a widget
 * @text: (nullable): its tooltip, or %NULL for none
 *
 * Gives @widget the tooltip @text unless it has it already. GTK asks the
 * display server where the pointer is whenever a shown widget is given a
 * tooltip, the same or none; a form checking every row on every change
 * would ask once a row.
 */
void
liaison_widget_update_tooltip (GtkWidget  *widget,
                               const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}
