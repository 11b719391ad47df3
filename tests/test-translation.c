/* test-translation.c
 *
 * The window in Japanese: the catalog is found, the templates use it, and
 * the strings that come from C are translated too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "liaison-preferences-dialog.h"
#include "liaison-test-utils.h"
#include "liaison-time-zones.h"

static LiaisonApp *app;

static void
test_sidebar (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  GtkWidget *sidebar = liaison_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, NULL);
  struct {
    const char *english;
    const char *japanese;
  } rows[] = {
    { "Overview", "概要" },
    { "Fellowship", "フェローシップ" },
    { "Sister Cities", "姉妹都市" },
    { "Seminars", "セミナー" },
    { "Partners", "連携団体" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i);

      g_assert_null (liaison_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, rows[i].english));
      g_assert_nonnull (liaison_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, rows[i].japanese));
    }

  liaison_test_window_destroy (window);
}

static void
test_preferences (void)
{
  LiaisonWindow *window = liaison_test_window_new (app, 1280, 800);
  AdwDialog *dialog;
  GtkWidget *planning;
  GListModel *model;
  const char *shown;

  gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL);
  liaison_test_settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (LIAISON_IS_PREFERENCES_DIALOG (dialog));

  planning = liaison_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "計画のタイムゾーン");
  g_assert_nonnull (planning);

  /* Zone names come from the core library's strings. */
  model = adw_combo_row_get_model (ADW_COMBO_ROW (planning));
  shown = gtk_string_list_get_string (GTK_STRING_LIST (model), adw_combo_row_get_selected (ADW_COMBO_ROW (planning)));
  g_assert_true (g_str_has_prefix (shown, "ニューヨーク（UTC−0"));

  adw_dialog_force_close (dialog);
  liaison_test_settle ();
  liaison_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LIAISON_TEST_LOCALEDIR");
  int status;

  g_setenv ("LANGUAGE", "ja", TRUE);
  g_setenv ("LC_ALL", "ja_JP.UTF-8", TRUE);
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    g_error ("The ja_JP.UTF-8 locale is not installed");

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  app = liaison_test_application_new ();

  g_test_add_func ("/translation/sidebar", test_sidebar);
  g_test_add_func ("/translation/preferences", test_preferences);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
