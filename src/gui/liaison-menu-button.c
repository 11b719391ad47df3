/* liaison-menu-button.c
 *
 * A menu built when it is first opened. GtkMenuButton builds the popover
 * of a menu model at once, a button for every item; the window's menus
 * would cost its first frame that much for menus nobody has opened yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-menu-button.h"

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  GMenuModel *model = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

/**
 * liaison_menu_button_set_menu_later:
 * @button: a menu button
 * @model: the menu
 *
 * Gives @button the menu @model, built the first time it pops up.
 */
void
liaison_menu_button_set_menu_later (GtkMenuButton *button,
                                    GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_popup_cb, g_object_ref (model), g_object_unref);
}
