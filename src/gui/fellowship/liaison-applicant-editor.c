/* liaison-applicant-editor.c
 *
 * One applicant, every field: the person's own details (the linked person
 * record, edited in place), the application, its status with the history
 * of every change, the documents, the reviews, the program in Japan, the
 * sensitive information that can be removed on request, and notes.
 * Fields are checked as they are typed; Save says what is wrong until
 * nothing is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-applicant-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-applicant-editor.h"
#include "liaison-sync.h"
#include "liaison-fellowship.h"
#include "liaison-field-rows.h"
#include "liaison-record-dialog.h"
#include "liaison-record-list.h"
#include "liaison-records.h"
#include "liaison-sight-group.h"
#include "liaison-tooltip.h"

struct _LiaisonApplicantEditor
{
  AdwBin               parent_instance;

  LiaisonDatabase     *database;
  LiaisonRecord       *application;
  LiaisonRecord       *person;
  LiaisonFieldRows    *application_rows;
  LiaisonFieldRows    *person_rows;
  GPtrArray           *history_rows;
  GPtrArray           *review_rows;
  GPtrArray           *activity_rows;
  gboolean             modified;
  /* A save under way while a new applicant is checked against those
   * already there, or NULL; the check; and the changes made to the rows
   * (a count), to tell those made meanwhile */
  GTask               *saving;
  GCancellable        *checking;
  /* The question about the applicant found the same, which then holds
   * the save, or NULL */
  AdwDialog           *duplicate_dialog;
  guint                n_changes;
  guint                n_changes_checked;
  /* What follows the person's name is filled over the frames that follow
   * the first (see build_part()); how many parts are, and how many
   * rows of the next one */
  guint                n_parts_built;
  guint                n_rows_built;
  guint                tick_id;
  guint                build_idle_id;
  gboolean             history_shown;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwBanner           *banner;
  AdwPreferencesGroup *person_group;
  AdwPreferencesGroup *application_group;
  AdwPreferencesGroup *status_group;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *documents_group;
  AdwPreferencesGroup *reviews_group;
  AdwActionRow        *score_row;
  AdwPreferencesGroup *program_group;
  AdwPreferencesGroup *sensitive_group;
  AdwPreferencesGroup *activity_group;
  AdwPreferencesGroup *notes_group;
};

G_DEFINE_FINAL_TYPE (LiaisonApplicantEditor, liaison_applicant_editor, ADW_TYPE_BIN)

enum {
  SAVED,
  DELETED,
  OPEN_EXISTING,
  BUILT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (LiaisonApplicantEditor *self,
       const char             *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static gboolean
is_saved (LiaisonApplicantEditor *self)
{
  return liaison_record_get_created_at (self->application) != 0;
}

static void
update_title (LiaisonApplicantEditor *self)
{
  g_autofree char *name = liaison_person_dup_display_name (self->person);

  adw_window_title_set_title (self->window_title, name[0] != '\0' ? name : _("New Applicant"));
  adw_window_title_set_subtitle (self->window_title, liaison_record_get_text (self->application, "government"));
}

/**
 * liaison_applicant_editor_dup_problem:
 * @self: an editor
 *
 * Returns: (transfer full) (nullable): what keeps the applicant from being
 *   saved, or %NULL if it can be
 */
static void ensure_built (LiaisonApplicantEditor *self);
static char *dup_problem (LiaisonApplicantEditor *self);

char *
liaison_applicant_editor_dup_problem (LiaisonApplicantEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_APPLICANT_EDITOR (self), NULL);

  ensure_built (self);
  return dup_problem (self);
}

/* What the rows built so far find wrong */
static char *
dup_problem (LiaisonApplicantEditor *self)
{
  g_autoptr(GError) error = NULL;
  char *problem = NULL;

  if (!liaison_field_rows_check (self->person_rows, &problem) ||
      !liaison_field_rows_check (self->application_rows, &problem))
    return problem;

  /* The rules that tie fields together */
  if (!liaison_record_validate (self->person, &error) ||
      !liaison_record_validate (self->application, &error))
    return g_strdup (error->message);

  return NULL;
}

static void
update_problem (LiaisonApplicantEditor *self)
{
  g_autofree char *problem = dup_problem (self);
  gboolean conflict = FALSE;

  /* Two desktops that changed the applicant at once come second to
   * what keeps it from being saved. */
  if (problem == NULL && is_saved (self))
    conflict = liaison_sync_has_conflict (self->database, liaison_record_get_uuid (self->application)) ||
               liaison_sync_has_conflict (self->database, liaison_record_get_uuid (self->person));

  adw_banner_set_title (self->banner,
                        problem != NULL ? problem
                        : conflict ? _("Another desktop changed this applicant at the same time")
                        : "");
  adw_banner_set_button_label (self->banner, conflict ? _("_Resolve…") : NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner), conflict ? "win.conflicts" : NULL);
  adw_banner_set_revealed (self->banner, problem != NULL || conflict);
  liaison_widget_update_tooltip (GTK_WIDGET (self->save_button), problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applicant.save", problem == NULL);
}

typedef char *(*SubtitleFunc) (LiaisonRecord *record);

/* Rows for the records of @type that belong to the applicant, newest
 * first: the status history, the reviews, the activity log. */
static void
fill_group (LiaisonApplicantEditor  *self,
            AdwPreferencesGroup     *group,
            GPtrArray               *rows,
            const LiaisonRecordType *type,
            const char              *sort_field,
            SubtitleFunc             subtitle)
{
  g_autoptr(LiaisonRecordList) records = NULL;
  guint n;

  liaison_sight_group_unfold (LIAISON_SIGHT_GROUP (group));
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  if (!is_saved (self))
    return;

  records = liaison_record_list_new (self->database, type);
  liaison_record_list_add_filter (records, type->parent_field, liaison_record_get_uuid (self->application));
  if (sort_field != NULL)
    liaison_record_list_set_sort (records, sort_field, TRUE);
  liaison_record_list_reload (records, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (records));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonRecord) record = g_list_model_get_item (G_LIST_MODEL (records), i);
      g_autofree char *title = liaison_record_dup_title (record);
      g_autofree char *text = subtitle (record);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (rows, row);
    }
}

static char *
status_change_subtitle (LiaisonRecord *record)
{
  /* The title says it all: the status and its date */
  return NULL;
}

static char *
review_subtitle (LiaisonRecord *record)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  static const char *criteria[] = { "score_leadership", "score_relevance", "score_exchange" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      gint64 score = liaison_record_get_integer (record, criteria[i]);

      if (score == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a criterion of a review, then its score */
      g_string_append_printf (text, _("%s %d"),
                              liaison_field_get_label (liaison_record_type_find_field (type, criteria[i])),
                              (int) score);
    }

  if (liaison_record_get_text (record, "comment")[0] != '\0')
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, liaison_record_get_text (record, "comment"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
activity_subtitle (LiaisonRecord *record)
{
  return g_strdup (liaison_record_get_text (record, "text"));
}

static void
update_history (LiaisonApplicantEditor *self)
{
  self->history_shown = TRUE;
  fill_group (self, self->history_group, self->history_rows, &liaison_status_change_type,
              "changed_on", status_change_subtitle);
  fill_group (self, self->reviews_group, self->review_rows, &liaison_review_type,
              NULL, review_subtitle);
  fill_group (self, self->activity_group, self->activity_rows, &liaison_activity_type,
              "date", activity_subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), is_saved (self));
}

static void
update_score (LiaisonApplicantEditor *self)
{
  double average;
  guint n_reviews = 0;
  g_autofree char *text = NULL;

  if (is_saved (self) && liaison_application_average_score (self->database, self->application, &average, &n_reviews))
    /* Translators: an average score out of 5, then the number of reviews */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.1f of 5, from %u review", "%.1f of 5, from %u reviews", n_reviews),
                            average, n_reviews);
  else
    text = g_strdup (_("Not reviewed yet"));

  liaison_sight_group_unfold_around (GTK_WIDGET (self->score_row));
  adw_action_row_set_subtitle (self->score_row, text);
}

static void
update_actions (LiaisonApplicantEditor *self)
{
  const char *status = liaison_record_get_text (self->application, "status");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applicant.next-status",
                                 liaison_application_next_status (status) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applicant.previous-status",
                                 liaison_application_previous_status (status) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applicant.delete", is_saved (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applicant.purge", is_saved (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applicant.add-review", is_saved (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applicant.add-activity", is_saved (self));
}

static void
rows_changed_cb (LiaisonApplicantEditor *self,
                 const char             *field)
{
  self->modified = TRUE;
  self->n_changes++;
  update_title (self);
  update_problem (self);
  update_actions (self);
}

/**
 * liaison_applicant_editor_save:
 * @self: an editor
 * @error: return location for a #GError
 *
 * Saves the person and the application together, in one transaction.
 *
 * Returns: %TRUE if both were saved
 */
gboolean
liaison_applicant_editor_save (LiaisonApplicantEditor  *self,
                               GError                 **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  g_return_val_if_fail (LIAISON_IS_APPLICANT_EDITOR (self), FALSE);

  /* Saved now, whatever a check under way would have found */
  liaison_applicant_editor_cancel_save (self);

  g_ptr_array_add (records, self->person);
  g_ptr_array_add (records, self->application);

  if (!liaison_database_save_all (self->database, records, error))
    return FALSE;

  self->modified = FALSE;
  update_history (self);
  update_score (self);
  update_actions (self);
  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

/* A save asked for (see liaison_applicant_editor_save_async()) */

static void start_save (LiaisonApplicantEditor *self,
                        GTask                  *task);

static void
return_saved (GTask *task)
{
  LiaisonApplicantEditor *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (liaison_applicant_editor_save (self, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
return_not_saved (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not saved");
}

/* The dialog closed unanswered (with the window, say) */
static void
unanswered (gpointer data)
{
  g_autoptr(GTask) task = data;

  return_not_saved (task);
}

static void
duplicate_response_cb (AdwAlertDialog *dialog,
                       const char     *response)
{
  g_autoptr(GTask) task = g_object_steal_data (G_OBJECT (dialog), "task");
  LiaisonApplicantEditor *self;
  LiaisonRecord *existing = g_object_get_data (G_OBJECT (dialog), "existing");

  /* Answered once */
  if (task == NULL)
    return;

  self = g_task_get_source_object (task);
  g_clear_weak_pointer (&self->duplicate_dialog);

  if (g_str_equal (response, "save"))
    {
      return_saved (task);
      return;
    }

  return_not_saved (task);
  if (g_str_equal (response, "open"))
    g_signal_emit (self, signals[OPEN_EXISTING], 0, existing);
}

static void
duplicate_found_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LiaisonApplicantEditor *self = user_data;
  g_autoptr(LiaisonRecord) existing = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  existing = liaison_application_find_duplicate_finish (LIAISON_DATABASE (source), result, &error);
  /* Let go of (see liaison_applicant_editor_cancel_save()), the editor
   * perhaps gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->checking);
  task = g_steal_pointer (&self->saving);
  g_assert (task != NULL);

  /* Out of the window meanwhile (closed, say) */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      return_not_saved (task);
      return;
    }

  /* Changed while it was checked: checked again, as it is now */
  if (self->n_changes != self->n_changes_checked)
    {
      start_save (self, task);
      return;
    }

  if (error != NULL)
    {
      /* Translators: %s is what went wrong, as the database tells it */
      g_task_return_new_error (task, error->domain, error->code,
                               _("Whether the applicant is already in Liaison could not be checked: %s"),
                               error->message);
      return;
    }

  if (existing != NULL)
    {
      g_autoptr(LiaisonRecord) person = liaison_database_get (self->database, &liaison_person_type,
                                                               liaison_record_get_text (existing, "person"), NULL);
      g_autofree char *name = person != NULL ? liaison_person_dup_display_name (person) : g_strdup ("");
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, liaison_record_get_integer (existing, "cohort_year"));
      /* Translators: a name, a government and a cohort year */
      g_autofree char *body = g_strdup_printf (_("%s of %s, cohort %s, is already in Liaison, with the same name or email address."),
                                               name, liaison_record_get_text (existing, "government"), year);
      AdwDialog *dialog = adw_alert_dialog_new (_("Possibly the Same Applicant"), body);

      adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                      "cancel", _("_Cancel"),
                                      "save", _("Save _Anyway"),
                                      "open", _("_Open Existing"),
                                      NULL);
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "open");
      adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "existing", g_steal_pointer (&existing), g_object_unref);
      /* The dialog answers the save */
      g_object_set_data_full (G_OBJECT (dialog), "task", g_steal_pointer (&task), unanswered);
      g_signal_connect (dialog, "response", G_CALLBACK (duplicate_response_cb), NULL);
      g_set_weak_pointer (&self->duplicate_dialog, dialog);
      adw_dialog_present (dialog, GTK_WIDGET (self));
      return;
    }

  return_saved (task);
}

/* Checks the applicant, then saves it: a new one once it has been looked
 * for among those already there */
static void
start_save (LiaisonApplicantEditor *self,
            GTask                  *task)
{
  g_autofree char *problem = NULL;

  /* Every row checked, those not yet shown too */
  ensure_built (self);
  update_problem (self);
  problem = dup_problem (self);
  if (problem != NULL)
    {
      g_task_return_new_error (task, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_INVALID, "%s", problem);
      return;
    }

  if (is_saved (self))
    {
      return_saved (task);
      return;
    }

  /* Two staff members typing in the same applicant: a new one that looks
   * like one already there is pointed out before it is saved. At a large
   * office the search takes a few frames: it runs in a worker thread. */
  self->saving = g_object_ref (task);
  self->checking = g_cancellable_new ();
  self->n_changes_checked = self->n_changes;
  liaison_application_find_duplicate_async (self->database, self->application, self->person,
                                            self->checking, duplicate_found_cb, self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LiaisonApplicantEditor *self = LIAISON_APPLICANT_EDITOR (source);
  g_autoptr(GError) error = NULL;

  if (liaison_applicant_editor_save_finish (self, result, &error))
    toast (self, _("Applicant saved"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LiaisonApplicantEditor *self = LIAISON_APPLICANT_EDITOR (widget);

  /* Saved once the check under way is done */
  if (self->saving != NULL)
    return;

  liaison_applicant_editor_save_async (self, saved_cb, NULL);
}

static void
step_status (LiaisonApplicantEditor *self,
             const char             *status)
{
  g_autofree char *today = liaison_today ();

  if (status == NULL)
    return;

  liaison_record_set_text (self->application, "status", status);

  /* A decision is dated; today, unless a date was given. */
  if ((g_str_equal (status, "selected") || g_str_equal (status, "alternate") || g_str_equal (status, "not-selected")) &&
      liaison_record_get_text (self->application, "decision_date")[0] == '\0')
    liaison_record_set_text (self->application, "decision_date", today);

  liaison_field_rows_refresh (self->application_rows, "status");
  liaison_field_rows_refresh (self->application_rows, "decision_date");
  rows_changed_cb (self, "status");
}

static void
next_status_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaisonApplicantEditor *self = LIAISON_APPLICANT_EDITOR (widget);

  step_status (self, liaison_application_next_status (liaison_record_get_text (self->application, "status")));
}

static void
previous_status_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LiaisonApplicantEditor *self = LIAISON_APPLICANT_EDITOR (widget);

  step_status (self, liaison_application_previous_status (liaison_record_get_text (self->application, "status")));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonApplicantEditor *self = LIAISON_APPLICANT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!liaison_database_delete (self->database, self->application, &error))
    {
      toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0, self->application);
}

static void
purge_response_cb (AdwAlertDialog         *dialog,
                   const char             *response,
                   LiaisonApplicantEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) stored = NULL;
  const LiaisonRecordType *type = &liaison_application_type;

  if (!g_str_equal (response, "remove"))
    return;

  /* The stored record is purged, not the one being edited, so that
   * unsaved edits are not saved along with it. */
  stored = liaison_database_get (self->database, type, liaison_record_get_uuid (self->application), &error);
  if (stored == NULL || !liaison_database_purge_sensitive (self->database, stored, &error))
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < type->n_fields; i++)
    {
      if ((type->fields[i].flags & LIAISON_FIELD_SENSITIVE) != 0)
        {
          liaison_record_set_text (self->application, type->fields[i].name, NULL);
          liaison_field_rows_refresh (self->application_rows, type->fields[i].name);
        }
    }

  /* The activity log notes it */
  update_history (self);
  toast (self, _("Sensitive information removed"));
}

static void
purge_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LiaisonApplicantEditor *self = LIAISON_APPLICANT_EDITOR (widget);
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Remove Sensitive Information?"),
                                 _("Dietary requirements, accessibility needs and the emergency contact of this applicant will be removed for good. The activity log will note that they were removed, without their contents."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "remove", _("_Remove"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (purge_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
child_saved_cb (LiaisonApplicantEditor *self)
{
  update_history (self);
  update_score (self);
}

static void
add_child (LiaisonApplicantEditor  *self,
           const LiaisonRecordType *type,
           const char              *title,
           const char * const      *fields)
{
  g_autoptr(LiaisonRecord) record = liaison_record_new (type);
  g_autofree char *today = liaison_today ();
  AdwDialog *dialog;

  liaison_record_set_text (record, type->parent_field, liaison_record_get_uuid (self->application));
  if (liaison_record_type_find_field (type, "date") != NULL)
    liaison_record_set_text (record, "date", today);
  if (liaison_record_type_find_field (type, "kind") != NULL)
    liaison_record_set_text (record, "kind", "call");

  dialog = liaison_record_dialog_new (self->database, record, title, fields);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (child_saved_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
add_review_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  static const char * const fields[] = {
    "reviewer", "score_leadership", "score_relevance", "score_exchange", "comment", NULL
  };

  add_child (LIAISON_APPLICANT_EDITOR (widget), &liaison_review_type, _("Add Review"), fields);
}

static void
add_activity_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  static const char * const fields[] = { "date", "kind", "text", NULL };

  add_child (LIAISON_APPLICANT_EDITOR (widget), &liaison_activity_type, _("Add Activity"), fields);
}

static void
add_rows (LiaisonFieldRows    *rows,
          AdwPreferencesGroup *group,
          const char * const  *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    liaison_field_rows_add (rows, group, fields[i]);
}

/* The person's name comes first, the rest of the group a frame later */
static const char * const name_fields[] = {
  "honorific", "family_name", "given_name", "preferred_name", NULL
};
static const char * const person_fields[] = {
  "family_name_reading", "given_name_reading", "name_order", "title", "department", NULL
};
static const char * const contact_fields[] = {
  "organization", "emails", "phones", "address", "country", "language", NULL
};
static const char * const application_fields[] = {
  "cohort_year", "government", "government_level", "jurisdiction", "nominator", "deadline", NULL
};
static const char * const status_fields[] = { "status", "decision_date", NULL };
static const char * const document_fields[] = {
  "has_application_form", "has_cv", "has_photo", "has_recommendation", "has_flight_form", NULL
};
static const char * const program_fields[] = {
  "host_prefecture", "program_start", "program_end", "arrival_flight", "departure_flight", NULL
};
static const char * const sensitive_fields[] = { "dietary", "accessibility", "emergency_contact", NULL };
static const char * const note_fields[] = { "tags", "notes", NULL };

#define N_PARTS 9

/* The longest one go at building may take, once it has made a row: a
 * part's rows (each a composite widget of its own) are made a few at a
 * time, so that no frame waits long for them. */
#define BUILD_BUDGET_US 4000

/* Adds the rows of @fields not made yet, until @until; TRUE once all are */
static gboolean
add_rows_until (LiaisonApplicantEditor *self,
                LiaisonFieldRows       *rows,
                AdwPreferencesGroup    *group,
                const char * const     *fields,
                gint64                  until)
{
  while (fields[self->n_rows_built] != NULL)
    {
      liaison_field_rows_add (rows, group, fields[self->n_rows_built++]);
      if (fields[self->n_rows_built] != NULL && g_get_monotonic_time () >= until)
        return FALSE;
    }

  self->n_rows_built = 0;
  return TRUE;
}

/* Fills the next part of the editor below the name, or as much of it as
 * can be made before @until; FALSE when all are */
static gboolean
build_part (LiaisonApplicantEditor *self,
            gint64                  until)
{
  gboolean done = TRUE;

  switch (self->n_parts_built)
    {
    case 0:
      done = add_rows_until (self, self->person_rows, self->person_group, person_fields, until);
      break;
    case 1:
      done = add_rows_until (self, self->person_rows, self->person_group, contact_fields, until);
      break;
    case 2:
      done = add_rows_until (self, self->application_rows, self->application_group, application_fields, until);
      break;
    case 3:
      done = add_rows_until (self, self->application_rows, self->status_group, status_fields, until);
      break;
    case 4:
      if (!self->history_shown)
        update_history (self);
      update_score (self);
      break;
    case 5:
      done = add_rows_until (self, self->application_rows, self->documents_group, document_fields, until);
      break;
    case 6:
      done = add_rows_until (self, self->application_rows, self->program_group, program_fields, until);
      break;
    case 7:
      done = add_rows_until (self, self->application_rows, self->sensitive_group, sensitive_fields, until);
      break;
    case 8:
      done = add_rows_until (self, self->application_rows, self->notes_group, note_fields, until);
      break;
    default:
      return FALSE;
    }

  if (!done)
    return TRUE;

  self->n_parts_built++;
  if (self->n_parts_built == N_PARTS)
    {
      update_problem (self);
      g_signal_emit (self, signals[BUILT], 0);
    }

  return self->n_parts_built < N_PARTS;
}

static void stop_building (LiaisonApplicantEditor *self);

/* Every group filled now: something wants a row, or to save */
static void
ensure_built (LiaisonApplicantEditor *self)
{
  while (build_part (self, G_MAXINT64))
    ;
  stop_building (self);
}

static void
stop_building (LiaisonApplicantEditor *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->build_idle_id, g_source_remove);
}

static gboolean
build_idle_cb (gpointer user_data)
{
  LiaisonApplicantEditor *self = user_data;

  self->build_idle_id = 0;
  if (!build_part (self, g_get_monotonic_time () + BUILD_BUDGET_US))
    stop_building (self);

  return G_SOURCE_REMOVE;
}

/* A group a frame (or part of one), once the editor is shown. Each is
 * made after a frame has been drawn, not while the next one is: a frame
 * that draws the rows made does not make more. */
static gboolean
build_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  LiaisonApplicantEditor *self = LIAISON_APPLICANT_EDITOR (widget);

  if (self->build_idle_id == 0)
    self->build_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_idle_cb, self, NULL);

  return G_SOURCE_CONTINUE;
}

/* The editor opens with the applicant's name, which is what a window
 * shows first; the rest follows, a group or a few rows a frame, so that
 * opening an applicant does not hold up the window while thirty more rows
 * are made. */
static void
build (LiaisonApplicantEditor *self)
{
  self->person_rows = liaison_field_rows_new (self->database, self->person);
  self->application_rows = liaison_field_rows_new (self->database, self->application);

  add_rows (self->person_rows, self->person_group, name_fields);

  g_signal_connect_object (self->person_rows, "changed", G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application_rows, "changed", G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);

  update_title (self);
  update_problem (self);
  update_actions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), build_tick_cb, NULL, NULL);
}

static void
liaison_applicant_editor_dispose (GObject *object)
{
  LiaisonApplicantEditor *self = (LiaisonApplicantEditor *)object;

  stop_building (self);
  liaison_applicant_editor_cancel_save (self);

  /* The bin lets go of its child itself, before the template is torn down. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_APPLICANT_EDITOR);
  g_clear_object (&self->application_rows);
  g_clear_object (&self->person_rows);

  G_OBJECT_CLASS (liaison_applicant_editor_parent_class)->dispose (object);
}

static void
liaison_applicant_editor_finalize (GObject *object)
{
  LiaisonApplicantEditor *self = (LiaisonApplicantEditor *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->application);
  g_clear_object (&self->person);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->review_rows, g_ptr_array_unref);
  g_clear_pointer (&self->activity_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_applicant_editor_parent_class)->finalize (object);
}

static void
liaison_applicant_editor_class_init (LiaisonApplicantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_applicant_editor_dispose;
  object_class->finalize = liaison_applicant_editor_finalize;

  /**
   * LiaisonApplicantEditor::saved:
   *
   * Emitted after the applicant was saved.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LiaisonApplicantEditor::deleted:
   * @application: the application deleted
   *
   * Emitted after the application was deleted, so that the deletion can
   * be undone.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIAISON_TYPE_RECORD);

  /**
   * LiaisonApplicantEditor::open-existing:
   * @application: an application already there
   *
   * Emitted when the user would rather open the application that looks
   * like the new one than save the new one.
   */
  signals[OPEN_EXISTING] = g_signal_new ("open-existing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIAISON_TYPE_RECORD);

  /**
   * LiaisonApplicantEditor::built:
   *
   * Emitted once every group of the editor has its rows, some frames
   * after it was opened.
   */
  signals[BUILT] = g_signal_new ("built", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LIAISON_TYPE_SIGHT_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jlgc/Liaison/fellowship/liaison-applicant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, banner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, person_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, application_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, status_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, documents_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, score_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, program_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, sensitive_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, activity_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonApplicantEditor, notes_group);

  gtk_widget_class_install_action (widget_class, "applicant.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "applicant.next-status", NULL, next_status_action_cb);
  gtk_widget_class_install_action (widget_class, "applicant.previous-status", NULL, previous_status_action_cb);
  gtk_widget_class_install_action (widget_class, "applicant.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "applicant.purge", NULL, purge_action_cb);
  gtk_widget_class_install_action (widget_class, "applicant.add-review", NULL, add_review_action_cb);
  gtk_widget_class_install_action (widget_class, "applicant.add-activity", NULL, add_activity_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "applicant.save", NULL);
}

static void
liaison_applicant_editor_init (LiaisonApplicantEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_rows = g_ptr_array_new ();
  self->review_rows = g_ptr_array_new ();
  self->activity_rows = g_ptr_array_new ();
}

/**
 * liaison_applicant_editor_new:
 * @database: the database
 * @application: the application edited: a copy, saved only by Save
 * @person: its person, likewise
 *
 * Returns: (transfer floating): the editor
 */
GtkWidget *
liaison_applicant_editor_new (LiaisonDatabase *database,
                              LiaisonRecord   *application,
                              LiaisonRecord   *person)
{
  GtkWidget *self;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LIAISON_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LIAISON_IS_PERSON (person), NULL);

  self = liaison_applicant_editor_new_empty ();
  liaison_applicant_editor_open (LIAISON_APPLICANT_EDITOR (self), database, application, person);

  return self;
}

/**
 * liaison_applicant_editor_new_empty:
 *
 * An editor with no applicant yet, to be given one with
 * liaison_applicant_editor_open(). Most of the cost of an editor is its
 * template: a view makes one ahead, while nothing else is going on.
 *
 * Returns: (transfer floating): the editor
 */
GtkWidget *
liaison_applicant_editor_new_empty (void)
{
  return g_object_new (LIAISON_TYPE_APPLICANT_EDITOR, NULL);
}

/**
 * liaison_applicant_editor_open:
 * @self: an editor from liaison_applicant_editor_new_empty()
 * @database: the database
 * @application: the application edited: a copy, saved only by Save
 * @person: its person, likewise
 *
 * Gives the editor its applicant. An editor has one applicant only.
 */
void
liaison_applicant_editor_open (LiaisonApplicantEditor *self,
                               LiaisonDatabase        *database,
                               LiaisonRecord          *application,
                               LiaisonRecord          *person)
{
  g_return_if_fail (LIAISON_IS_APPLICANT_EDITOR (self));
  g_return_if_fail (self->application == NULL);
  g_return_if_fail (LIAISON_IS_DATABASE (database));
  g_return_if_fail (LIAISON_IS_APPLICATION (application));
  g_return_if_fail (LIAISON_IS_PERSON (person));

  self->database = g_object_ref (database);
  self->application = g_object_ref (application);
  self->person = g_object_ref (person);

  build (self);
}

LiaisonRecord *
liaison_applicant_editor_get_application (LiaisonApplicantEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_APPLICANT_EDITOR (self), NULL);

  return self->application;
}

LiaisonRecord *
liaison_applicant_editor_get_person (LiaisonApplicantEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_APPLICANT_EDITOR (self), NULL);

  return self->person;
}

/**
 * liaison_applicant_editor_get_row:
 * @self: an editor
 * @record: "person" or "application"
 * @field: a field of that record
 *
 * Returns: (transfer none) (nullable): the row that edits @field
 */
GtkWidget *
liaison_applicant_editor_get_row (LiaisonApplicantEditor *self,
                                  const char             *record,
                                  const char             *field)
{
  GtkWidget *row;

  g_return_val_if_fail (LIAISON_IS_APPLICANT_EDITOR (self), NULL);

  ensure_built (self);
  row = liaison_field_rows_get_row (g_str_equal (record, "person") ? self->person_rows : self->application_rows,
                                    field);

  /* Whoever asked is about to change it */
  if (row != NULL)
    liaison_sight_group_unfold_around (row);

  return row;
}

/**
 * liaison_applicant_editor_is_modified:
 * @self: an editor
 *
 * Returns: %TRUE if something was changed since the applicant was opened
 *   or last saved
 */
gboolean
liaison_applicant_editor_is_modified (LiaisonApplicantEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_APPLICANT_EDITOR (self), FALSE);

  return self->modified;
}

/**
 * liaison_applicant_editor_new_unsaved_dialog:
 * @self: an editor with changes not saved
 *
 * The question asked before those changes would be lost: its responses
 * are "cancel", "discard" and "save", Save offered only when the
 * applicant can be saved.
 *
 * Returns: (transfer floating): the dialog, for the caller to connect to
 *   and present
 */
AdwDialog *
liaison_applicant_editor_new_unsaved_dialog (LiaisonApplicantEditor *self)
{
  g_autofree char *problem = NULL;
  AdwDialog *dialog;

  g_return_val_if_fail (LIAISON_IS_APPLICANT_EDITOR (self), NULL);

  problem = liaison_applicant_editor_dup_problem (self);
  dialog = adw_alert_dialog_new (_("Save Changes?"),
                                 _("The applicant open has changes that are not saved. They are lost unless they are saved."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "discard", _("_Discard"),
                                  "save", _("_Save"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "save", problem == NULL);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), problem == NULL ? "save" : "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  return dialog;
}

/**
 * liaison_applicant_editor_save_async:
 * @self: an editor
 * @callback: called once saved, or not
 * @user_data: for @callback
 *
 * Saves the applicant as the Save button does: a new applicant is first
 * looked for among those already there, in a worker thread, and if one
 * looks the same, a dialog asks whether to save it anyway or open the one
 * there instead. An applicant with a problem (a required field empty, an
 * address that is not one) is not saved.
 */
void
liaison_applicant_editor_save_async (LiaisonApplicantEditor *self,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIAISON_IS_APPLICANT_EDITOR (self));

  /* The latest asked for wins */
  liaison_applicant_editor_cancel_save (self);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, liaison_applicant_editor_save_async);
  start_save (self, task);
}

/**
 * liaison_applicant_editor_save_finish:
 * @self: an editor
 * @result: the result given to the callback
 * @error: return location for a #GError: %G_IO_ERROR_CANCELLED when the
 *   save was let go of, or the person chose not to save
 *
 * Returns: %TRUE if the applicant was saved
 */
gboolean
liaison_applicant_editor_save_finish (LiaisonApplicantEditor  *self,
                                      GAsyncResult            *result,
                                      GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * liaison_applicant_editor_cancel_save:
 * @self: an editor
 *
 * Lets go of a save under way while the new applicant is checked against
 * those already there: for an editor that another applicant replaces.
 */
void
liaison_applicant_editor_cancel_save (LiaisonApplicantEditor *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIAISON_IS_APPLICANT_EDITOR (self));

  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  task = g_steal_pointer (&self->saving);
  if (task != NULL)
    return_not_saved (task);

  /* The question asked about the applicant found the same goes too */
  if (self->duplicate_dialog != NULL)
    {
      AdwDialog *dialog = self->duplicate_dialog;

      g_clear_weak_pointer (&self->duplicate_dialog);
      task = g_object_steal_data (G_OBJECT (dialog), "task");
      if (task != NULL)
        return_not_saved (task);
      adw_dialog_force_close (dialog);
    }
}
