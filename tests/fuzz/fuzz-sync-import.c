/* fuzz-sync-import.c
 *
 * libFuzzer target for the sync importer: any bytes, as a file another
 * desktop might have left in the sync folder, against a database that
 * holds a few records. A crash, an AddressSanitizer or UndefinedBehavior-
 * Sanitizer report, a GLib critical or warning, or a refused file that
 * changed the database is a failure. After a file is imported the
 * database is put back as it was, so that every input meets the same one.
 *
 * With LIAISON_FUZZ_ROUND_TRIP=1 it also checks that a database that has
 * imported a file still reads its own export.
 *
 * tests/fuzz/run-fuzz.sh builds and runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "liaison-database-private.h"
#include "liaison-records.h"
#include "liaison-sync-private.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* The records the seed corpus links to (tests/fuzz/corpus) */
#define ORGANIZATION_UUID "6b1f8a52-3d4e-4c1b-9f0a-2e7d5c8b1a90"
#define PERSON_UUID "0c9e2d71-5a3b-4f6e-8d1c-7b2a9e4f3c15"
#define SITE "00000000000000f0"

static LiaisonDatabase *database;  /* what the inputs are imported into */
static LiaisonDatabase *pristine;  /* as it was before any */
static GBytes *pristine_image;     /* the bytes of the database as it was */
static gboolean round_trip;

static gint64
fixed_clock (gpointer data)
{
  return G_GINT64_CONSTANT (1764252180000);
}

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("fuzz-sync-import: %s%s%s\n", what, error != NULL ? ": " : "",
              error != NULL ? error->message : "");
  abort ();
}

static LiaisonDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  LiaisonDatabase *opened = liaison_database_open (":memory:", &error);

  if (opened == NULL)
    fail ("the database does not open", error);
  liaison_database_set_clock (opened, fixed_clock, NULL);
  if (!liaison_sync_set_site_for_testing (opened, SITE, &error))
    fail ("the site cannot be set", error);

  return opened;
}

static void
save (LiaisonDatabase *target,
      LiaisonRecord   *record)
{
  g_autoptr(GError) error = NULL;

  if (!liaison_database_save (target, record, &error))
    fail ("a record cannot be saved", error);
}

/* The database file's every byte */
static GBytes *
image (LiaisonDatabase *source)
{
  sqlite3_int64 length = 0;
  unsigned char *bytes = sqlite3_serialize (liaison_database_get_handle (source), "main", &length, 0);

  if (bytes == NULL)
    fail ("the database cannot be serialized", NULL);
  return g_bytes_new_with_free_func (bytes, length, sqlite3_free, bytes);
}

static void
restore (void)
{
  sqlite3_backup *backup = sqlite3_backup_init (liaison_database_get_handle (database), "main",
                                                liaison_database_get_handle (pristine), "main");

  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE ||
      sqlite3_backup_finish (backup) != SQLITE_OK)
    fail ("the database cannot be restored", NULL);

  /* The sync reads its state from the tables again. */
  if (!liaison_database_transaction_begin (database, NULL))
    fail ("no transaction", NULL);
  liaison_database_transaction_rollback (database);

  g_clear_pointer (&pristine_image, g_bytes_unref);
  pristine_image = image (database);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(LiaisonRecord) organization = liaison_record_new (&liaison_organization_type);
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autoptr(LiaisonRecord) other = liaison_record_new (&liaison_person_type);
  g_autoptr(GError) error = NULL;

  /* A critical or a warning is a bug found. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  round_trip = g_strcmp0 (g_getenv ("LIAISON_FUZZ_ROUND_TRIP"), "1") == 0;

  pristine = open_database ();
  if (!liaison_sync_set_name (pristine, "ファズ", &error))
    fail ("the name cannot be set", error);

  liaison_record_set_identity (organization, ORGANIZATION_UUID, 0, 0, 0);
  liaison_record_set_text (organization, "name", "CLAIR");
  liaison_record_set_text (organization, "kind", "japanese-organization");
  liaison_record_set_text (organization, "country", "JP");
  save (pristine, organization);

  liaison_record_set_identity (person, PERSON_UUID, 0, 0, 0);
  liaison_record_set_text (person, "family_name", "山田");
  liaison_record_set_text (person, "given_name", "花子");
  liaison_record_set_text (person, "organization", ORGANIZATION_UUID);
  save (pristine, person);

  liaison_record_set_text (other, "family_name", "Smith");
  save (pristine, other);
  if (!liaison_database_delete (pristine, other, &error))
    fail ("a record cannot be deleted", error);

  database = open_database ();
  restore ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  LiaisonSyncSummary summary = { 0 };

  if (!liaison_sync_import_bytes (database, bytes, "fuzz.json", &summary, &error))
    {
      g_autoptr(GBytes) after = image (database);

      if (error == NULL || strstr (error->message, "fuzz.json") == NULL)
        fail ("a file was refused without a message naming it", error);
      if (summary.files != 0 || !g_bytes_equal (after, pristine_image))
        fail ("a refused file changed the database", error);
      return 0;
    }

  if (round_trip)
    {
      g_autoptr(GBytes) own = liaison_sync_export (database, &error);

      if (own == NULL)
        fail ("the database cannot export", error);
      if (!liaison_sync_import_bytes (database, own, "own.json", NULL, &error))
        fail ("the database refuses its own export", error);
    }

  restore ();
  return 0;
}
