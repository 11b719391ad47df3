/* liaison-seminar-editor.c
 *
 * A seminar's form. Its start is typed as a wall time in a zone of the
 * user's choice (New York by default, Tokyo one click away) and shown at
 * once in both; switching the zone rewrites the wall time so that the
 * instant never moves. A time the clocks skip or repeat is pointed out and
 * the user picks which instant is meant: it is never moved silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-field-rows.h"
#include "liaison-menu-button.h"
#include "liaison-ical.h"
#include "liaison-record-list.h"
#include "liaison-search.h"
#include "liaison-invitation.h"
#include "liaison-records.h"
#include "liaison-registrants-dialog.h"
#include "liaison-seminars.h"
#include "liaison-seminar-editor.h"
#include "liaison-time-zones.h"
#include "liaison-tooltip.h"

struct _LiaisonSeminarEditor
{
  AdwDialog            parent_instance;

  LiaisonDatabase     *database;
  LiaisonRecord       *seminar;
  LiaisonFieldRows    *rows;
  char                *planning_zone;
  char                *audience_zone;

  /* The start as the form has it */
  char                *zone;
  gint64               instant;      /* ms, valid when kind is VALID or chosen */
  int                  fold;         /* 1 or 2 for a repeated hour, else 0 */
  LiaisonLocalTimeKind kind;
  gint64               choices[2];
  gboolean             chosen;
  gboolean             updating;

  AdwToastOverlay     *toasts;
  AdwBanner           *banner;
  GtkWidget           *save_button;
  AdwToggleGroup      *zone_toggles;
  AdwEntryRow         *start_row;
  AdwActionRow        *choice_row;
  GtkWidget           *choice_buttons[2];
  AdwActionRow        *planning_row;
  AdwActionRow        *audience_row;
  AdwActionRow        *registrants_row;
  AdwPreferencesGroup *speakers_group;
  GPtrArray           *speaker_rows;
  AdwEntryRow         *speaker_search;
  GPtrArray           *found_rows;
};

G_DEFINE_FINAL_TYPE (LiaisonSeminarEditor, liaison_seminar_editor, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_speakers    (LiaisonSeminarEditor *self);
static void refresh_registrants (LiaisonSeminarEditor *self);

static const char *
language (void)
{
  const char * const *names = g_get_language_names ();

  return g_str_has_prefix (names[0], "ja") ? "ja" : "en";
}

/* "2026-11-27T19:00" is shown and typed as "2026-11-27 19:00". */
static char *
local_to_text (const char *local)
{
  char *text = g_strdup (local);

  if (strlen (text) > 10 && text[10] == 'T')
    text[10] = ' ';

  return text;
}

static char *
instant_to_local (gint64      instant,
                  const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant / 1000);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (there, "%Y-%m-%d %H:%M");
}

static char *
describe_instant (gint64      instant,
                  const char *zone)
{
  return liaison_format_instant (instant, zone, language ());
}

static gboolean
has_start (LiaisonSeminarEditor *self)
{
  return self->kind == LIAISON_LOCAL_TIME_VALID || self->chosen;
}

static void
update_problem (LiaisonSeminarEditor *self)
{
  g_autofree char *problem = liaison_seminar_editor_dup_problem (self);

  adw_banner_set_title (self->banner, problem != NULL ? problem : "");
  adw_banner_set_revealed (self->banner, problem != NULL);
  gtk_widget_set_sensitive (self->save_button, problem == NULL);
  liaison_widget_update_tooltip (self->save_button, problem);
}

static void
update_times (LiaisonSeminarEditor *self)
{
  g_autofree char *planning = NULL;
  g_autofree char *audience = NULL;
  g_autofree char *planning_place = liaison_time_zone_dup_place_name (self->planning_zone);
  g_autofree char *audience_place = liaison_time_zone_dup_place_name (self->audience_zone);

  /* Translators: %s is a place, e.g. "New York" */
  g_autofree char *planning_title = g_strdup_printf (_("In %s"), planning_place);
  g_autofree char *audience_title = g_strdup_printf (_("In %s"), audience_place);

  if (has_start (self))
    {
      planning = describe_instant (self->instant, self->planning_zone);
      audience = describe_instant (self->instant, self->audience_zone);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->planning_row), planning_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->audience_row), audience_title);
  adw_action_row_set_subtitle (self->planning_row, planning != NULL ? planning : "—");
  adw_action_row_set_subtitle (self->audience_row, audience != NULL ? audience : "—");

  gtk_widget_set_visible (GTK_WIDGET (self->choice_row), self->kind != LIAISON_LOCAL_TIME_VALID);

  if (self->kind == LIAISON_LOCAL_TIME_AMBIGUOUS)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row),
                                     _("The clocks show this time twice, when daylight saving time ends. Which one?"));
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *label = describe_instant (self->choices[i], self->zone);

          gtk_button_set_label (GTK_BUTTON (self->choice_buttons[i]), label);
          gtk_widget_set_visible (self->choice_buttons[i], TRUE);
          if (self->chosen && self->fold == (int) i + 1)
            gtk_widget_add_css_class (self->choice_buttons[i], "suggested-action");
          else
            gtk_widget_remove_css_class (self->choice_buttons[i], "suggested-action");
        }
    }
  else if (self->kind == LIAISON_LOCAL_TIME_NONEXISTENT)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row),
                                     _("The clocks skip this time, when daylight saving time begins. Did you mean one of these?"));
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *label = describe_instant (self->choices[i], self->zone);

          gtk_button_set_label (GTK_BUTTON (self->choice_buttons[i]), label);
          gtk_widget_set_visible (self->choice_buttons[i], TRUE);
          gtk_widget_remove_css_class (self->choice_buttons[i], "suggested-action");
        }
    }

  update_problem (self);
}

/* The wall time typed, read in the form's zone */
static void
start_changed_cb (LiaisonSeminarEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  self->chosen = FALSE;
  self->fold = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");

  if (!liaison_time_zone_find_instants (self->zone, text, &self->kind, self->choices, &error))
    {
      self->kind = LIAISON_LOCAL_TIME_VALID;
      self->instant = G_MININT64;
      if (text[0] != '\0')
        gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");
    }
  else if (self->kind == LIAISON_LOCAL_TIME_VALID)
    self->instant = self->choices[0];
  else
    self->instant = G_MININT64;

  update_times (self);
}

static void
set_start_text (LiaisonSeminarEditor *self,
                const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
  /* The same text again emits nothing */
  start_changed_cb (self);
}

static void
choice_clicked_cb (GtkButton            *button,
                   LiaisonSeminarEditor *self)
{
  liaison_seminar_editor_choose (self, button == GTK_BUTTON (self->choice_buttons[0]) ? 0 : 1);
}

/**
 * liaison_seminar_editor_choose:
 * @self: an editor
 * @choice: 0 or 1, the first or the second instant offered
 *
 * Answers the question asked about a time the clocks repeat (which of the
 * two) or skip (the wall time it becomes is then typed in for the user).
 *
 * Returns: %FALSE if nothing was asked
 */
gboolean
liaison_seminar_editor_choose (LiaisonSeminarEditor *self,
                               guint                 choice)
{
  g_return_val_if_fail (LIAISON_IS_SEMINAR_EDITOR (self), FALSE);
  g_return_val_if_fail (choice < 2, FALSE);

  if (self->kind == LIAISON_LOCAL_TIME_AMBIGUOUS)
    {
      self->chosen = TRUE;
      self->fold = choice + 1;
      self->instant = self->choices[choice];
      update_times (self);
      return TRUE;
    }

  if (self->kind == LIAISON_LOCAL_TIME_NONEXISTENT)
    {
      g_autofree char *text = instant_to_local (self->choices[choice], self->zone);

      set_start_text (self, text);
      return TRUE;
    }

  return FALSE;
}

/**
 * liaison_seminar_editor_set_zone:
 * @self: an editor
 * @zone: an IANA zone
 *
 * Shows the start in @zone: the wall time changes, the instant does not.
 */
void
liaison_seminar_editor_set_zone (LiaisonSeminarEditor *self,
                                 const char           *zone)
{
  g_autofree char *text = NULL;
  gboolean had_start;
  gint64 instant;

  g_return_if_fail (LIAISON_IS_SEMINAR_EDITOR (self));
  g_return_if_fail (zone != NULL);

  if (g_strcmp0 (zone, self->zone) == 0)
    return;

  had_start = has_start (self) && self->instant != G_MININT64;
  instant = self->instant;
  g_set_str (&self->zone, zone);

  self->updating = TRUE;
  adw_toggle_group_set_active_name (self->zone_toggles, zone);
  self->updating = FALSE;

  if (!had_start)
    {
      start_changed_cb (self);
      return;
    }

  text = instant_to_local (instant, zone);
  set_start_text (self, text);

  /* In the repeated hour of the new zone: the one that is the instant */
  if (self->kind == LIAISON_LOCAL_TIME_AMBIGUOUS)
    liaison_seminar_editor_choose (self, instant == self->choices[0] ? 0 : 1);
}

const char *
liaison_seminar_editor_get_zone (LiaisonSeminarEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_SEMINAR_EDITOR (self), NULL);

  return self->zone;
}

void
liaison_seminar_editor_set_start (LiaisonSeminarEditor *self,
                                  const char           *text)
{
  g_return_if_fail (LIAISON_IS_SEMINAR_EDITOR (self));

  set_start_text (self, text);
}

const char *
liaison_seminar_editor_get_start (LiaisonSeminarEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_SEMINAR_EDITOR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->start_row));
}

static void
zone_toggled_cb (LiaisonSeminarEditor *self)
{
  const char *zone = adw_toggle_group_get_active_name (self->zone_toggles);

  if (!self->updating && zone != NULL)
    liaison_seminar_editor_set_zone (self, zone);
}

/**
 * liaison_seminar_editor_dup_problem:
 * @self: an editor
 *
 * Returns: (transfer full) (nullable): what keeps the seminar from being
 *   saved, in a sentence, or %NULL
 */
char *
liaison_seminar_editor_dup_problem (LiaisonSeminarEditor *self)
{
  char *problem = NULL;

  g_return_val_if_fail (LIAISON_IS_SEMINAR_EDITOR (self), NULL);

  if (!liaison_field_rows_check (self->rows, &problem))
    return problem;

  if (gtk_editable_get_text (GTK_EDITABLE (self->start_row))[0] == '\0')
    return g_strdup (_("Start is required."));

  if (self->kind == LIAISON_LOCAL_TIME_NONEXISTENT)
    return g_strdup (_("The start does not exist in this time zone: choose one of the times offered."));

  if (self->kind == LIAISON_LOCAL_TIME_AMBIGUOUS && !self->chosen)
    return g_strdup (_("The start happens twice in this time zone: choose which one is meant."));

  if (self->instant == G_MININT64)
    return g_strdup (_("Type the start as a date and time, such as 2026-11-27 19:00."));

  return NULL;
}

/**
 * liaison_seminar_editor_save:
 * @self: an editor
 * @error: return location for a #GError
 *
 * Saves the seminar as the form has it.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
liaison_seminar_editor_save (LiaisonSeminarEditor  *self,
                             GError               **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *local = NULL;

  g_return_val_if_fail (LIAISON_IS_SEMINAR_EDITOR (self), FALSE);

  problem = liaison_seminar_editor_dup_problem (self);
  if (problem != NULL)
    {
      g_set_error_literal (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID, problem);
      return FALSE;
    }

  local = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  if (strlen (local) > 10 && local[10] == ' ')
    local[10] = 'T';

  liaison_record_set_text (self->seminar, "time_zone", self->zone);
  liaison_record_set_text (self->seminar, "start_local", local);
  liaison_record_set_integer (self->seminar, "start_fold", self->kind == LIAISON_LOCAL_TIME_AMBIGUOUS ? self->fold : 0);

  if (!liaison_database_save (self->database, self->seminar, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0);
  refresh_speakers (self);
  refresh_registrants (self);
  return TRUE;
}

static void
save_clicked_cb (LiaisonSeminarEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!liaison_seminar_editor_save (self, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  adw_dialog_close (ADW_DIALOG (self));
}

static void
copy_invitation (LiaisonSeminarEditor *self,
                 const char           *language_code)
{
  g_autofree char *text = NULL;

  if (liaison_record_get_created_at (self->seminar) == 0)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Save the seminar first.")));
      return;
    }

  text = liaison_invitation_text (self->database, self->seminar, language_code,
                                  self->planning_zone, self->audience_zone);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Invitation copied")));
}

static void
copy_english_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  copy_invitation (LIAISON_SEMINAR_EDITOR (widget), "en");
}

static void
copy_japanese_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  copy_invitation (LIAISON_SEMINAR_EDITOR (widget), "ja");
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_clicked_cb (LIAISON_SEMINAR_EDITOR (widget));
}

static void
rows_changed_cb (LiaisonSeminarEditor *self)
{
  update_problem (self);
}

/* Speakers: people linked to the seminar, each with the organization they
 * speak for (their own, by default) */

static void
remove_speaker_cb (GtkButton            *button,
                   LiaisonSeminarEditor *self)
{
  LiaisonRecord *speaker = g_object_get_data (G_OBJECT (button), "speaker");
  g_autoptr(GError) error = NULL;

  if (!liaison_database_delete (self->database, speaker, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));

  refresh_speakers (self);
}

static void
refresh_speakers (LiaisonSeminarEditor *self)
{
  g_autoptr(LiaisonRecordList) speakers = NULL;

  for (guint i = 0; i < self->speaker_rows->len; i++)
    adw_preferences_group_remove (self->speakers_group, g_ptr_array_index (self->speaker_rows, i));
  g_ptr_array_set_size (self->speaker_rows, 0);

  if (liaison_record_get_created_at (self->seminar) == 0)
    return;

  speakers = liaison_record_list_new (self->database, &liaison_speaker_type);
  liaison_record_list_add_filter (speakers, "seminar", liaison_record_get_uuid (self->seminar));
  liaison_record_list_reload (speakers, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (speakers)); i++)
    {
      g_autoptr(LiaisonRecord) speaker = g_list_model_get_item (G_LIST_MODEL (speakers), i);
      g_autoptr(LiaisonRecord) person = liaison_database_get (self->database, &liaison_person_type,
                                                               liaison_record_get_text (speaker, "person"), NULL);
      g_autoptr(LiaisonRecord) organization = NULL;
      g_autofree char *name = person != NULL ? liaison_person_dup_display_name (person) : g_strdup ("");
      g_autofree char *label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (liaison_record_get_text (speaker, "organization")[0] != '\0')
        organization = liaison_database_get (self->database, &liaison_organization_type,
                                             liaison_record_get_text (speaker, "organization"), NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (organization != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), liaison_record_get_text (organization, "name"));

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      /* Translators: %s is a person's name */
      label = g_strdup_printf (_("Remove %s"), name);
      gtk_widget_set_tooltip_text (remove, label);
      g_object_set_data_full (G_OBJECT (remove), "speaker", g_object_ref (speaker), g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_speaker_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->speakers_group, row);
      g_ptr_array_add (self->speaker_rows, row);
    }
}

/**
 * liaison_seminar_editor_add_speaker:
 * @self: an editor
 * @person_uuid: a person's uuid
 * @error: return location for a #GError
 *
 * Adds a speaker to the (saved) seminar, for the person's organization.
 *
 * Returns: %TRUE if the speaker was saved
 */
gboolean
liaison_seminar_editor_add_speaker (LiaisonSeminarEditor  *self,
                                    const char            *person_uuid,
                                    GError               **error)
{
  g_autoptr(LiaisonRecord) person = NULL;
  g_autoptr(LiaisonRecord) speaker = NULL;

  g_return_val_if_fail (LIAISON_IS_SEMINAR_EDITOR (self), FALSE);

  if (liaison_record_get_created_at (self->seminar) == 0)
    {
      g_set_error_literal (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                           _("Save the seminar first."));
      return FALSE;
    }

  if (!(person = liaison_database_get (self->database, &liaison_person_type, person_uuid, error)))
    return FALSE;

  speaker = liaison_record_new (&liaison_speaker_type);
  liaison_record_set_text (speaker, "seminar", liaison_record_get_uuid (self->seminar));
  liaison_record_set_text (speaker, "person", person_uuid);
  liaison_record_set_text (speaker, "organization", liaison_record_get_text (person, "organization"));

  if (!liaison_database_save (self->database, speaker, error))
    return FALSE;

  refresh_speakers (self);
  return TRUE;
}

static void
add_found_cb (GtkButton            *button,
              LiaisonSeminarEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!liaison_seminar_editor_add_speaker (self, g_object_get_data (G_OBJECT (button), "uuid"), &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->speaker_search), "");
}

/* People whose name matches what is typed, to add as speakers */
static void
speaker_search_cb (LiaisonSeminarEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->speaker_search));
  g_autoptr(GListModel) results = NULL;
  guint shown = 0;

  for (guint i = 0; i < self->found_rows->len; i++)
    adw_preferences_group_remove (self->speakers_group, g_ptr_array_index (self->found_rows, i));
  g_ptr_array_set_size (self->found_rows, 0);

  if (g_utf8_strlen (text, -1) < 2)
    return;

  results = liaison_database_search (self->database, text, 50, NULL);
  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results) && shown < 5; i++)
    {
      g_autoptr(LiaisonSearchResult) result = g_list_model_get_item (results, i);
      GtkWidget *row;
      GtkWidget *add;
      g_autofree char *label = NULL;

      if (!g_str_equal (liaison_search_result_get_record_type (result), "person"))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), liaison_search_result_get_title (result));
      add = gtk_button_new_with_label (_("Add"));
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      /* Translators: %s is a person's name */
      label = g_strdup_printf (_("Add %s as a speaker"), liaison_search_result_get_title (result));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (add), "uuid", g_strdup (liaison_search_result_get_uuid (result)), g_free);
      g_signal_connect (add, "clicked", G_CALLBACK (add_found_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
      adw_preferences_group_add (self->speakers_group, row);
      g_ptr_array_add (self->found_rows, row);
      shown++;
    }
}

static void
calendar_chosen_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LiaisonSeminarEditor) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GPtrArray) seminars = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;

  g_ptr_array_add (seminars, self->seminar);
  if (!liaison_ical_export_file (self->database, seminars, language (), path, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Seminar exported to a calendar file")));
}

static void
export_calendar_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaisonSeminarEditor *self = LIAISON_SEMINAR_EDITOR (widget);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GListStore) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root;

  if (liaison_record_get_created_at (self->seminar) == 0)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Save the seminar first.")));
      return;
    }

  dialog = gtk_file_dialog_new ();
  filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_suffix (filter, "ics");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export to a Calendar File"));
  {
    g_autofree char *title = liaison_seminar_dup_title (self->seminar, language ());

    name = g_strconcat (title, ".ics", NULL);
    g_strdelimit (name, "/\\", '-');
  }
  gtk_file_dialog_set_initial_name (dialog, name);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        calendar_chosen_cb, g_object_ref (self));
}

/* Registrants: their totals here, the list in a dialog of its own */
static void
refresh_registrants (LiaisonSeminarEditor *self)
{
  LiaisonRegistrantCounts counts;
  g_autofree char *text = NULL;
  gboolean saved = liaison_record_get_created_at (self->seminar) != 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->registrants_row), saved);
  if (!saved)
    {
      adw_action_row_set_subtitle (self->registrants_row, _("Save the seminar first."));
      return;
    }

  liaison_seminar_count_registrants (self->database, liaison_record_get_uuid (self->seminar), &counts);
  /* Translators: totals of a seminar's registrants */
  text = g_strdup_printf (_("%u registered, %u attended, %u no-show, %u cancelled"),
                          counts.registered, counts.attended, counts.no_show, counts.cancelled);
  adw_action_row_set_subtitle (self->registrants_row, text);
}

static void
registrants_closed_cb (LiaisonSeminarEditor *self)
{
  refresh_registrants (self);
}

static void
manage_registrants_cb (LiaisonSeminarEditor *self)
{
  AdwDialog *dialog;

  if (liaison_record_get_created_at (self->seminar) == 0)
    return;

  dialog = liaison_registrants_dialog_new (self->database, self->seminar);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (registrants_closed_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static GtkWidget *
group_new (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
add_zone_toggle (LiaisonSeminarEditor *self,
                 const char           *zone)
{
  g_autofree char *place = liaison_time_zone_dup_place_name (zone);
  AdwToggle *toggle = adw_toggle_new ();

  adw_toggle_set_name (toggle, zone);
  adw_toggle_set_label (toggle, place);
  adw_toggle_group_add (self->zone_toggles, toggle);
}

static void
build (LiaisonSeminarEditor *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *group;
  GtkWidget *zone_row;
  GtkWidget *choices_box;
  gboolean is_new = liaison_record_get_created_at (self->seminar) == 0;

  adw_dialog_set_title (ADW_DIALOG (self), is_new ? _("New Seminar") : _("Seminar"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 640);
  adw_dialog_set_content_height (ADW_DIALOG (self), 760);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);

  g_menu_append (menu, _("Export to a _Calendar File…"), "seminar.export-calendar");
  g_menu_append (menu, _("Copy Invitation in _English"), "seminar.copy-english");
  g_menu_append (menu, _("Copy Invitation in _Japanese"), "seminar.copy-japanese");
  liaison_menu_button_set_menu_later (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("More Actions"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);
  self->banner = ADW_BANNER (adw_banner_new (""));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->banner));

  self->rows = liaison_field_rows_new (self->database, self->seminar);
  g_signal_connect_object (self->rows, "changed", G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);

  group = group_new (page, _("Seminar"));
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "title_en");
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "title_ja");
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "series_number");
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "status");

  group = group_new (page, _("Time"));
  zone_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (zone_row), _("Enter the Time In"));
  self->zone_toggles = ADW_TOGGLE_GROUP (adw_toggle_group_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->zone_toggles), GTK_ALIGN_CENTER);
  add_zone_toggle (self, self->planning_zone);
  if (g_strcmp0 (self->audience_zone, self->planning_zone) != 0)
    add_zone_toggle (self, self->audience_zone);
  if (g_strcmp0 (self->zone, self->planning_zone) != 0 && g_strcmp0 (self->zone, self->audience_zone) != 0)
    add_zone_toggle (self, self->zone);
  adw_toggle_group_set_active_name (self->zone_toggles, self->zone);
  g_signal_connect_swapped (self->zone_toggles, "notify::active-name", G_CALLBACK (zone_toggled_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (zone_row), GTK_WIDGET (self->zone_toggles));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), zone_row);

  self->start_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row), _("Start (YYYY-MM-DD HH:MM)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->start_row));

  self->choice_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->choice_row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->choice_row), "warning");
  choices_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (choices_box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (choices_box, 6);
  gtk_widget_set_margin_bottom (choices_box, 6);
  for (guint i = 0; i < 2; i++)
    {
      self->choice_buttons[i] = gtk_button_new ();
      g_signal_connect (self->choice_buttons[i], "clicked", G_CALLBACK (choice_clicked_cb), self);
      gtk_box_append (GTK_BOX (choices_box), self->choice_buttons[i]);
    }
  adw_action_row_add_suffix (self->choice_row, choices_box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->choice_row));

  self->planning_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->audience_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->planning_row), "property");
  gtk_widget_add_css_class (GTK_WIDGET (self->audience_row), "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->planning_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->audience_row));
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "duration");

  group = group_new (page, _("Registrants"));
  self->registrants_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->registrants_row), _("Registrants"));
  adw_action_row_add_suffix (self->registrants_row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->registrants_row), TRUE);
  g_signal_connect_swapped (self->registrants_row, "activated", G_CALLBACK (manage_registrants_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->registrants_row));
  refresh_registrants (self);

  group = group_new (page, _("Speakers"));
  self->speakers_group = ADW_PREFERENCES_GROUP (group);
  self->speaker_search = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->speaker_search), _("Find a Person to Add"));
  g_signal_connect_swapped (self->speaker_search, "changed", G_CALLBACK (speaker_search_cb), self);
  adw_preferences_group_add (self->speakers_group, GTK_WIDGET (self->speaker_search));
  refresh_speakers (self);

  group = group_new (page, _("Online"));
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "platform");
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "join_url");
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "passcode");
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "recording_url");

  group = group_new (page, _("Notes"));
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "tags");
  liaison_field_rows_add (self->rows, ADW_PREFERENCES_GROUP (group), "notes");

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->toasts));
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);

  /* The start as stored: its wall time, zone and choice */
  {
    const char *local = liaison_record_get_text (self->seminar, "start_local");
    g_autofree char *text = local_to_text (local);

    self->updating = TRUE;
    gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
    self->updating = FALSE;
    start_changed_cb (self);

    if (self->kind == LIAISON_LOCAL_TIME_AMBIGUOUS)
      {
        int fold = liaison_record_get_integer (self->seminar, "start_fold");

        if (fold == 1 || fold == 2)
          liaison_seminar_editor_choose (self, fold - 1);
      }
  }

  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (start_changed_cb), self);
}

GtkWidget *
liaison_seminar_editor_get_row (LiaisonSeminarEditor *self,
                                const char           *field)
{
  g_return_val_if_fail (LIAISON_IS_SEMINAR_EDITOR (self), NULL);

  if (g_str_equal (field, "start_local"))
    return GTK_WIDGET (self->start_row);

  return liaison_field_rows_get_row (self->rows, field);
}

LiaisonRecord *
liaison_seminar_editor_get_seminar (LiaisonSeminarEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_SEMINAR_EDITOR (self), NULL);

  return self->seminar;
}

static void
liaison_seminar_editor_finalize (GObject *object)
{
  LiaisonSeminarEditor *self = LIAISON_SEMINAR_EDITOR (object);

  g_clear_pointer (&self->speaker_rows, g_ptr_array_unref);
  g_clear_pointer (&self->found_rows, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->seminar);
  g_clear_object (&self->database);
  g_free (self->planning_zone);
  g_free (self->audience_zone);
  g_free (self->zone);

  G_OBJECT_CLASS (liaison_seminar_editor_parent_class)->finalize (object);
}

static void
liaison_seminar_editor_class_init (LiaisonSeminarEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = liaison_seminar_editor_finalize;

  /**
   * LiaisonSeminarEditor::saved:
   *
   * Emitted once the seminar is saved.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "seminar.export-calendar", NULL, export_calendar_cb);
  gtk_widget_class_install_action (widget_class, "seminar.copy-english", NULL, copy_english_cb);
  gtk_widget_class_install_action (widget_class, "seminar.copy-japanese", NULL, copy_japanese_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "seminar.save", NULL);
  gtk_widget_class_install_action (widget_class, "seminar.save", NULL, save_action_cb);
}

static void
liaison_seminar_editor_init (LiaisonSeminarEditor *self)
{
  self->instant = G_MININT64;
  self->speaker_rows = g_ptr_array_new ();
  self->found_rows = g_ptr_array_new ();
}

/**
 * liaison_seminar_editor_new:
 * @database: the database
 * @seminar: (nullable): the seminar to edit, or %NULL for a new one
 * @planning_zone: where the office plans (New York)
 * @audience_zone: where the audience is (Tokyo)
 *
 * Returns: (transfer floating): the form
 */
LiaisonSeminarEditor *
liaison_seminar_editor_new (LiaisonDatabase *database,
                            LiaisonRecord   *seminar,
                            const char      *planning_zone,
                            const char      *audience_zone)
{
  LiaisonSeminarEditor *self;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);

  self = g_object_new (LIAISON_TYPE_SEMINAR_EDITOR, NULL);
  self->database = g_object_ref (database);
  self->planning_zone = g_strdup (planning_zone);
  self->audience_zone = g_strdup (audience_zone);

  if (seminar != NULL)
    {
      /* A copy: the list keeps what is stored until the form is saved */
      self->seminar = liaison_database_get (database, liaison_record_get_record_type (seminar),
                                            liaison_record_get_uuid (seminar), NULL);
    }

  if (self->seminar == NULL)
    {
      self->seminar = liaison_record_new (&liaison_seminar_type);
      liaison_record_set_text (self->seminar, "time_zone", planning_zone);
      liaison_record_set_text (self->seminar, "status", "planned");
      liaison_record_set_integer (self->seminar, "duration", 60);
    }

  self->zone = g_strdup (liaison_record_get_text (self->seminar, "time_zone"));
  build (self);

  return self;
}
