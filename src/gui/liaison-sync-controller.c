/* liaison-sync-controller.c
 *
 * When and how the application syncs: with the shared folder of the
 * settings at start, shortly after local edits, every few minutes and
 * when another desktop's file changes; and the imports and exports asked
 * for by hand. The work runs in a thread, on a connection of its own to
 * the same file, so that a large import never holds up the window; the
 * changes it made are then announced on the application's database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-sync-controller.h"

#define START_DELAY_SECONDS 2
#define EDIT_DELAY_SECONDS 5
#define FILE_DELAY_SECONDS 2
#define PERIOD_SECONDS 180
#define CHECK_WAIT_SECONDS 1
/* More changes of one type than this are announced as one */

struct _LiaisonSyncController
{
  GObject          parent_instance;

  GSettings       *settings;
  LiaisonDatabase *database;
  GFileMonitor    *monitor;
  char            *folder;
  char            *status;
  char            *details;
  guint            n_conflicts;
  guint            timeout_id;
  guint            period_id;
  gboolean         running;
  gboolean         pending;
  gboolean         announcing;
  gboolean         failed;
  /* When the last exchange with the folder ended well */
  GDateTime       *synced_at;
};

G_DEFINE_FINAL_TYPE (LiaisonSyncController, liaison_sync_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_DETAILS,
  PROP_FAILED,
  PROP_N_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef LiaisonRecordChange Change;

typedef struct
{
  LiaisonSyncOperation  operation;
  char                 *database_path;
  char                 *path;
  LiaisonSyncSummary    summary;
  GArray               *changes;
} Job;

static void
change_clear (gpointer data)
{
  g_free (((Change *) data)->uuid);
}

static void
job_free (Job *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_clear_pointer (&job->changes, g_array_unref);
  g_free (job);
}

/**
 * liaison_sync_summary_to_string:
 * @summary: what an import changed
 *
 * Returns: (transfer full): the summary in a sentence
 */
char *
liaison_sync_summary_to_string (const LiaisonSyncSummary *summary)
{
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", summary->added), summary->added);
  g_autofree char *changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", summary->changed), summary->changed);
  g_autofree char *deleted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted", "%u deleted", summary->deleted), summary->deleted);
  g_autofree char *conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", summary->conflicts), summary->conflicts);

  /* Translators: the four parts of an import's summary: new, changed, deleted, conflicts */
  return g_strdup_printf (_("%s, %s, %s, %s"), added, changed, deleted, conflicts);
}

static void
record_changed_cb (LiaisonDatabase *database,
                   const char      *type_name,
                   const char      *uuid,
                   int              action,
                   Job             *job)
{
  const LiaisonRecordType *type = liaison_record_type_find (type_name);
  Change change = { type != NULL ? type->name : NULL, g_strdup (uuid), action };

  if (type == NULL)
    {
      g_free (change.uuid);
      return;
    }

  g_array_append_val (job->changes, change);
}

static gboolean
run_job (Job              *job,
         LiaisonDatabase  *database,
         GError          **error)
{
  switch (job->operation)
    {
    case LIAISON_SYNC_IMPORT:
      return liaison_sync_import_file (database, job->path, &job->summary, error);
    case LIAISON_SYNC_EXPORT:
      return liaison_sync_export_file (database, job->path, error);
    case LIAISON_SYNC_FOLDER:
    default:
      return liaison_sync_with_folder (database, job->path, &job->summary, error);
    }
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(LiaisonDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = liaison_database_open_full (job->database_path, LIAISON_DATABASE_OPEN_DEFER_CHECK, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_signal_connect (database, "record-changed", G_CALLBACK (record_changed_cb), job);

  if (!run_job (job, database, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);

  g_signal_handlers_disconnect_by_data (database, job);
}

static void schedule (LiaisonSyncController *self,
                      guint                  seconds);

static void
update_status (LiaisonSyncController *self,
               const GError          *error)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GPtrArray) sites = NULL;
  g_clear_pointer (&self->status, g_free);

  if (self->database == NULL)
    self->status = g_strdup (_("No database"));
  else if (error != NULL)
    self->status = g_strdup (_("Sync failed"));
  else if (self->folder == NULL)
    self->status = g_strdup (_("Not syncing with a folder"));
  else if (self->running)
    self->status = g_strdup (_("Syncing…"));
  else if (self->synced_at == NULL)
    self->status = g_strdup (_("Not synced yet"));
  else
    {
      g_autofree char *time = g_date_time_format (self->synced_at, "%X");

      /* Translators: %s is a time of day */
      self->status = g_strdup_printf (_("Synced at %s"), time);
    }

  self->failed = error != NULL;

  if (error != NULL)
    g_string_append_printf (details, "%s\n\n", error->message);

  if (self->database != NULL)
    {
      sites = liaison_sync_list_sites (self->database);
      for (guint i = 0; i < sites->len; i++)
        {
          LiaisonSyncSite *site = g_ptr_array_index (sites, i);
          const char *name = site->name[0] != '\0' ? site->name : _("Unnamed desktop");

          if (site->here)
            /* Translators: %s is the name of this desktop */
            g_string_append_printf (details, _("%s (this desktop)"), name);
          else
            {
              g_autoptr(GDateTime) written = g_date_time_new_from_unix_local (site->exported_at / 1000);
              g_autofree char *when = g_date_time_format (written, "%x %X");

              g_string_append_c (details, '\n');
              /* Translators: a desktop's name, then the date and time of its newest file read here */
              g_string_append_printf (details, _("%s: changes up to %s"), name, when);
            }
        }

      self->n_conflicts = liaison_sync_count_conflicts (self->database);
    }
  else
    self->n_conflicts = 0;

  g_set_str (&self->details, details->str);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
}

static void announce (LiaisonSyncController *self,
                      Job                   *job);

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LiaisonSyncController *self = LIAISON_SYNC_CONTROLLER (object);
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  GTask *outer = user_data;
  g_autoptr(GError) error = NULL;

  self->running = FALSE;

  if (!g_task_propagate_boolean (task, &error))
    {
      announce (self, job);
      update_status (self, error);
      if (outer != NULL)
        g_task_return_error (outer, g_steal_pointer (&error));
    }
  else
    {
      if (job->operation == LIAISON_SYNC_FOLDER)
        {
          g_clear_pointer (&self->synced_at, g_date_time_unref);
          self->synced_at = g_date_time_new_now_local ();
        }
      announce (self, job);
      update_status (self, NULL);
      if (outer != NULL)
        {
          LiaisonSyncSummary *summary = g_memdup2 (&job->summary, sizeof job->summary);

          g_task_return_pointer (outer, summary, g_free);
        }
    }

  if (job->summary.added + job->summary.changed + job->summary.deleted + job->summary.conflicts > 0 &&
      job->operation == LIAISON_SYNC_FOLDER)
    g_signal_emit (self, signals[IMPORTED], 0, &job->summary);

  g_clear_object (&outer);

  if (self->pending)
    {
      self->pending = FALSE;
      liaison_sync_controller_sync_now (self);
    }
}

/* The changes the thread made, told on the application's connection */
static void
announce (LiaisonSyncController *self,
          Job                   *job)
{
  if (self->database == NULL)
    return;

  self->announcing = TRUE;
  liaison_database_notify_changes (self->database, (const LiaisonRecordChange *) (gpointer) job->changes->data, job->changes->len);
  self->announcing = FALSE;
}

static void
start_job (LiaisonSyncController *self,
           LiaisonSyncOperation   operation,
           const char            *path,
           GTask                 *outer)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->operation = operation;
  job->database_path = g_strdup (liaison_database_get_path (self->database));
  job->path = g_strdup (path);
  job->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (job->changes, change_clear);

  self->running = TRUE;
  update_status (self, NULL);

  task = g_task_new (self, NULL, job_done_cb, outer);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  /* An in-memory database has no file for a second connection. */
  if (g_str_equal (job->database_path, ":memory:"))
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      self->announcing = TRUE;
      ok = run_job (job, self->database, &error);
      self->announcing = FALSE;

      if (ok)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, job_thread);
}

/**
 * liaison_sync_controller_run_async:
 * @self: a controller
 * @operation: import a file, export one, or sync with a folder
 * @path: the file or folder
 * @callback: called when it is done
 * @user_data: data for @callback
 *
 * Runs one sync operation in the background.
 */
void
liaison_sync_controller_run_async (LiaisonSyncController *self,
                                   LiaisonSyncOperation   operation,
                                   const char            *path,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  GTask *outer;

  g_return_if_fail (LIAISON_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (path != NULL);

  outer = g_task_new (self, NULL, callback, user_data);

  if (self->database == NULL)
    {
      g_task_return_new_error (outer, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED,
                               "%s", _("There is no database to sync."));
      g_object_unref (outer);
      return;
    }

  if (self->running)
    {
      g_task_return_new_error (outer, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED,
                               "%s", _("Liaison is syncing already; try again in a moment."));
      g_object_unref (outer);
      return;
    }

  /* The sync writes through a connection of its own, which would not know
   * that the check of the file has failed, or has not yet been made. */
  if (liaison_database_is_damaged (self->database))
    {
      g_task_return_new_error (outer, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED,
                               "%s", _("The database is damaged, so nothing is synced with it."));
      g_object_unref (outer);
      return;
    }

  if (!liaison_database_is_checked (self->database))
    {
      g_task_return_new_error (outer, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED,
                               "%s", _("Liaison is still checking the database; try again in a moment."));
      g_object_unref (outer);
      return;
    }

  start_job (self, operation, path, outer);
}

gboolean
liaison_sync_controller_run_finish (LiaisonSyncController  *self,
                                    GAsyncResult           *result,
                                    LiaisonSyncSummary     *summary,
                                    GError                **error)
{
  g_autofree LiaisonSyncSummary *found = g_task_propagate_pointer (G_TASK (result), error);

  if (found == NULL)
    return FALSE;

  if (summary != NULL)
    *summary = *found;

  return TRUE;
}

/**
 * liaison_sync_controller_sync_now:
 * @self: a controller
 *
 * Exchanges files with the sync folder now, or as soon as the exchange
 * under way is done. Nothing happens without a folder.
 */
void
liaison_sync_controller_sync_now (LiaisonSyncController *self)
{
  g_return_if_fail (LIAISON_IS_SYNC_CONTROLLER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->database == NULL || self->folder == NULL)
    return;

  if (self->running)
    {
      self->pending = TRUE;
      return;
    }

  /* Not before the file has been checked, and never once it has failed
   * (see liaison_sync_controller_run_async()). */
  if (liaison_database_is_damaged (self->database))
    {
      g_autoptr(GError) error = g_error_new (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED, "%s",
                                             _("The database is damaged, so nothing is synced with it."));

      update_status (self, error);
      return;
    }

  if (!liaison_database_is_checked (self->database))
    {
      schedule (self, CHECK_WAIT_SECONDS);
      return;
    }

  start_job (self, LIAISON_SYNC_FOLDER, self->folder, NULL);
}

static void
timeout_cb (gpointer user_data)
{
  LiaisonSyncController *self = user_data;

  self->timeout_id = 0;
  liaison_sync_controller_sync_now (self);
}

static void
schedule (LiaisonSyncController *self,
          guint                  seconds)
{
  if (self->folder == NULL || self->database == NULL)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds_once (seconds, timeout_cb, self);
}

static gboolean
period_cb (gpointer user_data)
{
  liaison_sync_controller_sync_now (user_data);
  return G_SOURCE_CONTINUE;
}

static void
database_changed_cb (LiaisonSyncController *self)
{
  guint n_conflicts;

  /* Edits made here go out shortly after; what the sync itself just
   * brought in does not. */
  if (!self->announcing)
    schedule (self, EDIT_DELAY_SECONDS);

  /* A conflict resolved here */
  n_conflicts = liaison_sync_count_conflicts (self->database);
  if (n_conflicts != self->n_conflicts)
    {
      self->n_conflicts = n_conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
    }
}

static void
folder_changed_cb (LiaisonSyncController *self,
                   GFile                 *file,
                   GFile                 *other,
                   GFileMonitorEvent      event)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *own = NULL;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_RENAMED)
    return;

  if (other != NULL && event == G_FILE_MONITOR_EVENT_RENAMED)
    {
      g_free (name);
      name = g_file_get_basename (other);
    }

  if (self->database == NULL || !g_str_has_prefix (name, "liaison-") || !g_str_has_suffix (name, ".json"))
    return;

  own = liaison_sync_dup_file_name (self->database);
  if (g_str_equal (name, own))
    return;

  schedule (self, FILE_DELAY_SECONDS);
}

static void
folder_setting_changed_cb (LiaisonSyncController *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "sync-folder");

  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->period_id, g_source_remove);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->synced_at, g_date_time_unref);

  if (folder[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      self->folder = g_steal_pointer (&folder);
      self->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (folder_changed_cb), self, G_CONNECT_SWAPPED);
      self->period_id = g_timeout_add_seconds (PERIOD_SECONDS, period_cb, self);
    }

  update_status (self, NULL);
  liaison_sync_controller_sync_now (self);
}

/**
 * liaison_sync_controller_set_database:
 * @self: a controller
 * @database: (nullable): the application's database
 *
 * Syncs @database from now on, starting with an exchange with the folder.
 */
void
liaison_sync_controller_set_database (LiaisonSyncController *self,
                                      LiaisonDatabase       *database)
{
  g_return_if_fail (LIAISON_IS_SYNC_CONTROLLER (self));

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);

  if (!g_set_object (&self->database, database))
    return;

  g_clear_pointer (&self->synced_at, g_date_time_unref);

  if (database != NULL)
    g_signal_connect_object (database, "record-changed", G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);

  /* Not in the way of the first frames */
  update_status (self, NULL);
  schedule (self, START_DELAY_SECONDS);
}

const char *
liaison_sync_controller_get_status (LiaisonSyncController *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_CONTROLLER (self), NULL);

  return self->status;
}

const char *
liaison_sync_controller_get_details (LiaisonSyncController *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_CONTROLLER (self), NULL);

  return self->details;
}

gboolean
liaison_sync_controller_get_failed (LiaisonSyncController *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_CONTROLLER (self), FALSE);

  return self->failed;
}

guint
liaison_sync_controller_get_n_conflicts (LiaisonSyncController *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_CONTROLLER (self), 0);

  return self->n_conflicts;
}

static void
liaison_sync_controller_dispose (GObject *object)
{
  LiaisonSyncController *self = LIAISON_SYNC_CONTROLLER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->period_id, g_source_remove);
  g_clear_object (&self->monitor);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (liaison_sync_controller_parent_class)->dispose (object);
}

static void
liaison_sync_controller_finalize (GObject *object)
{
  LiaisonSyncController *self = LIAISON_SYNC_CONTROLLER (object);

  g_free (self->folder);
  g_free (self->status);
  g_free (self->details);
  g_clear_pointer (&self->synced_at, g_date_time_unref);

  G_OBJECT_CLASS (liaison_sync_controller_parent_class)->finalize (object);
}

static void
liaison_sync_controller_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LiaisonSyncController *self = LIAISON_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;
    case PROP_FAILED:
      g_value_set_boolean (value, self->failed);
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_controller_class_init (LiaisonSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_sync_controller_dispose;
  object_class->finalize = liaison_sync_controller_finalize;
  object_class->get_property = liaison_sync_controller_get_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED] =
    g_param_spec_boolean ("failed", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaisonSyncController::imported:
   * @self: the controller
   * @summary: (type gpointer): a #LiaisonSyncSummary
   *
   * Emitted when an exchange with the folder brought changes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
liaison_sync_controller_init (LiaisonSyncController *self)
{
  self->status = g_strdup ("");
  self->details = g_strdup ("");
}

LiaisonSyncController *
liaison_sync_controller_new (GSettings *settings)
{
  LiaisonSyncController *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIAISON_TYPE_SYNC_CONTROLLER, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::sync-folder", G_CALLBACK (folder_setting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  folder_setting_changed_cb (self);

  return self;
}
