/* test-translation.c
 *
 * The window in Japanese: the catalog is found, the templates use it, and
 * the strings that come from C are translated too, the search's among them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "liaison-fellowship.h"
#include "liaison-preferences-dialog.h"
#include "liaison-records.h"
#include "liaison-test-lists.h"
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

/* The Documents column's words, searched in Japanese */
static void
test_search_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (":memory:", &error);
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autoptr(LiaisonRecordList) list = NULL;
  const char *documents[] = { "has_application_form", "has_cv", "has_photo", "has_recommendation", "has_flight_form" };

  g_assert_no_error (error);
  liaison_record_set_text (person, "family_name", "山田");
  g_assert_true (liaison_database_save (db, person, &error));

  /* One past its deadline with nothing in, one with everything in */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LiaisonRecord) application = liaison_record_new (&liaison_application_type);

      liaison_record_set_text (application, "person", liaison_record_get_uuid (person));
      liaison_record_set_integer (application, "cohort_year", 2027);
      liaison_record_set_text (application, "government", i == 0 ? "City of Trenton" : "City of Newark");
      liaison_record_set_text (application, "government_level", "city");
      liaison_record_set_text (application, "jurisdiction", "US-NJ");
      liaison_record_set_text (application, "status", "review");
      liaison_record_set_text (application, "deadline", "2026-11-01");
      for (guint j = 0; i == 1 && j < G_N_ELEMENTS (documents); j++)
        liaison_record_set_boolean (application, documents[j], TRUE);
      liaison_database_save (db, application, &error);
      g_assert_no_error (error);
    }

  list = liaison_record_list_new (db, &liaison_application_type);
  liaison_application_search_by_documents (list, "2026-11-27");
  g_assert_cmpuint (liaison_test_count_found (list, "期限超過"), ==, 1);
  g_assert_cmpuint (liaison_test_count_found (list, "未提出"), ==, 1);
  g_assert_cmpuint (liaison_test_count_found (list, "提出済み"), ==, 1);
  g_assert_cmpuint (liaison_test_count_found (list, "書類"), ==, 2);
  g_assert_cmpuint (liaison_test_count_found (list, "overdue"), ==, 0);
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
  g_test_add_func ("/translation/search-documents", test_search_documents);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
