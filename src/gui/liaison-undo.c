/* liaison-undo.c
 *
 * A deletion is undone with the Undo button of the toast that tells of it,
 * or with Ctrl+Z while that toast is shown. A list (a view, a dialog)
 * installs an action for Ctrl+Z that calls liaison_undo_activate(), and
 * offers each such toast with liaison_undo_offer(): the action is enabled
 * while the last toast offered is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "liaison-undo.h"

typedef struct
{
  GtkWidget *widget;        /* not referenced: it owns this */
  char      *action_name;
  AdwToast  *toast;         /* weak; NULL once dismissed */
} Offer;

static GQuark
offer_quark (void)
{
  return g_quark_from_static_string ("liaison-undo-offer");
}

static void
offer_free (Offer *offer)
{
  if (offer->toast != NULL)
    g_signal_handlers_disconnect_by_data (offer->toast, offer);
  g_clear_weak_pointer (&offer->toast);
  g_free (offer->action_name);
  g_free (offer);
}

static void
toast_dismissed_cb (AdwToast *toast,
                    Offer    *offer)
{
  g_signal_handlers_disconnect_by_data (toast, offer);
  g_clear_weak_pointer (&offer->toast);
  gtk_widget_action_set_enabled (offer->widget, offer->action_name, FALSE);
}

/* A widget taken apart offers nothing more: the toast may still be
 * dismissed afterwards */
static void
widget_destroyed_cb (GtkWidget *widget)
{
  g_object_set_qdata (G_OBJECT (widget), offer_quark (), NULL);
}

/**
 * liaison_undo_offer:
 * @widget: the widget that installed @action_name
 * @action_name: its action for Ctrl+Z
 * @toast: a toast whose button undoes what it tells of
 *
 * Enables @action_name while @toast is shown; an earlier toast offered
 * can no longer be undone from the keyboard.
 */
void
liaison_undo_offer (GtkWidget  *widget,
                    const char *action_name,
                    AdwToast   *toast)
{
  Offer *offer;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (action_name != NULL);
  g_return_if_fail (ADW_IS_TOAST (toast));

  offer = g_new0 (Offer, 1);
  offer->widget = widget;
  offer->action_name = g_strdup (action_name);
  g_set_weak_pointer (&offer->toast, toast);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), offer);
  g_object_set_qdata_full (G_OBJECT (widget), offer_quark (), offer, (GDestroyNotify) offer_free);
  g_signal_handlers_disconnect_by_func (widget, widget_destroyed_cb, NULL);
  g_signal_connect (widget, "destroy", G_CALLBACK (widget_destroyed_cb), NULL);

  gtk_widget_action_set_enabled (widget, action_name, TRUE);
}

/**
 * liaison_undo_activate:
 * @widget: a widget that offered an Undo toast
 *
 * Does what the Undo button of the toast last offered does, and dismisses
 * the toast.
 *
 * Returns: %TRUE if a toast was shown to undo
 */
gboolean
liaison_undo_activate (GtkWidget *widget)
{
  Offer *offer;
  g_autoptr(AdwToast) toast = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  offer = g_object_get_qdata (G_OBJECT (widget), offer_quark ());
  if (offer == NULL || offer->toast == NULL)
    return FALSE;

  toast = g_object_ref (offer->toast);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);

  return TRUE;
}
