/* liaison-choice-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_CHOICE_BUTTON (liaison_choice_button_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonChoiceButton, liaison_choice_button, LIAISON, CHOICE_BUTTON, GtkWidget)

GtkWidget  *liaison_choice_button_new               (void);
GListModel *liaison_choice_button_get_model         (LiaisonChoiceButton *self);
void        liaison_choice_button_set_model         (LiaisonChoiceButton *self,
                                                     GListModel          *model);
guint       liaison_choice_button_get_selected      (LiaisonChoiceButton *self);
void        liaison_choice_button_set_selected      (LiaisonChoiceButton *self,
                                                     guint                position);
const char *liaison_choice_button_get_label         (LiaisonChoiceButton *self);
gboolean    liaison_choice_button_get_enable_search (LiaisonChoiceButton *self);
void        liaison_choice_button_set_enable_search (LiaisonChoiceButton *self,
                                                     gboolean             enable_search);
void        liaison_choice_button_popup             (LiaisonChoiceButton *self);
void        liaison_choice_button_popdown           (LiaisonChoiceButton *self);
GtkPopover *liaison_choice_button_get_popover       (LiaisonChoiceButton *self);

G_END_DECLS
