/* test-sync.c
 *
 * The JSON sync between desktops, case by case: a round trip, merging of
 * different fields, a real conflict and its resolution travelling, a
 * sequential edit relayed through a third desktop, the delete rule, files
 * from a newer Liaison, and files that must be refused without a change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-database-private.h"
#include "liaison-records.h"
#include "liaison-sync-private.h"
#include "liaison-test-files.h"
#include "liaison-test-lists.h"

typedef struct
{
  gint64 now;
} Clock;

static gint64
tick (gpointer data)
{
  Clock *clock = data;

  return clock->now += 1000;
}

static LiaisonDatabase *
open_site (const char *site,
           Clock      *clock)
{
  g_autoptr(GError) error = NULL;
  LiaisonDatabase *database = liaison_database_open (":memory:", &error);

  g_assert_no_error (error);
  liaison_database_set_clock (database, tick, clock);
  g_assert_true (liaison_sync_set_site_for_testing (database, site, &error));
  g_assert_no_error (error);

  return database;
}

static GBytes *
export (LiaisonDatabase *database)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = liaison_sync_export (database, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static LiaisonSyncSummary
import (LiaisonDatabase *database,
        GBytes          *bytes)
{
  g_autoptr(GError) error = NULL;
  LiaisonSyncSummary summary = { 0 };

  g_assert_true (liaison_sync_import_bytes (database, bytes, "test.json", &summary, &error));
  g_assert_no_error (error);
  return summary;
}

/* The records part of an export: what converged desktops share */
static char *
records_of (GBytes *bytes)
{
  const char *text = g_bytes_get_data (bytes, NULL);
  const char *records = g_strstr_len (text, g_bytes_get_size (bytes), "\"records\":");

  g_assert_nonnull (records);
  return g_strndup (records, text + g_bytes_get_size (bytes) - records);
}

static void
assert_same_records (LiaisonDatabase *a,
                     LiaisonDatabase *b)
{
  g_autoptr(GBytes) x = export (a);
  g_autoptr(GBytes) y = export (b);
  g_autofree char *rx = records_of (x);
  g_autofree char *ry = records_of (y);

  g_assert_cmpstr (rx, ==, ry);
}

static LiaisonRecord *
save_organization (LiaisonDatabase *database,
                   const char      *name,
                   const char      *city)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *record = liaison_record_new (&liaison_organization_type);

  liaison_record_set_text (record, "name", name);
  liaison_record_set_text (record, "kind", "other");
  liaison_record_set_text (record, "country", "US");
  liaison_record_set_text (record, "city", city);
  g_assert_true (liaison_database_save (database, record, &error));
  g_assert_no_error (error);

  return record;
}

static LiaisonRecord *
get (LiaisonDatabase         *database,
     const LiaisonRecordType *type,
     const char              *uuid)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *record = liaison_database_get (database, type, uuid, &error);

  g_assert_no_error (error);
  return record;
}

static void
edit (LiaisonDatabase *database,
      const char      *uuid,
      const char      *field,
      const char      *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) record = get (database, &liaison_organization_type, uuid);

  liaison_record_set_text (record, field, value);
  g_assert_true (liaison_database_save (database, record, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  Clock clock_a = { 1764252180000 }, clock_b = { 1764252180000 };
  g_autoptr(LiaisonDatabase) a = open_site ("00000000000000aa", &clock_a);
  g_autoptr(LiaisonDatabase) b = open_site ("00000000000000bb", &clock_b);
  g_autoptr(LiaisonRecord) organization = save_organization (a, "National League of Cities", "Washington");
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autoptr(LiaisonRecord) copy = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncSummary summary;

  liaison_record_set_text (person, "family_name", "山田");
  liaison_record_set_text (person, "given_name", "花子 \"Hana\"\n\\ 🌸");
  liaison_record_set_text (person, "organization", liaison_record_get_uuid (organization));
  g_assert_true (liaison_database_save (a, person, &error));
  g_assert_true (liaison_sync_set_name (a, "Reception desktop", &error));
  g_assert_no_error (error);

  file = export (a);
  summary = import (b, file);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.changed, ==, 0);
  g_assert_cmpuint (summary.conflicts, ==, 0);

  copy = get (b, &liaison_person_type, liaison_record_get_uuid (person));
  g_assert_cmpstr (liaison_record_get_text (copy, "given_name"), ==, "花子 \"Hana\"\n\\ 🌸");
  g_assert_cmpstr (liaison_record_get_text (copy, "organization"), ==, liaison_record_get_uuid (organization));
  g_assert_cmpuint (liaison_database_count (b, &liaison_person_type), ==, 1);

  /* Twice is once; one's own export changes nothing. */
  summary = import (b, file);
  g_assert_cmpuint (summary.added + summary.changed + summary.deleted + summary.conflicts, ==, 0);
  again = export (b);
  summary = import (b, again);
  g_assert_cmpuint (summary.added + summary.changed + summary.deleted + summary.conflicts, ==, 0);
  assert_same_records (a, b);

  /* The other desktop is known by its name. */
  {
    g_autoptr(GPtrArray) sites = liaison_sync_list_sites (b);

    g_assert_cmpuint (sites->len, ==, 2);
    g_assert_cmpstr (((LiaisonSyncSite *) sites->pdata[1])->name, ==, "Reception desktop");
  }
}

static void
test_merge_and_conflict (void)
{
  Clock clock_a = { 1764252180000 }, clock_b = { 1764252180000 }, clock_c = { 1764252180000 };
  g_autoptr(LiaisonDatabase) a = open_site ("00000000000000aa", &clock_a);
  g_autoptr(LiaisonDatabase) b = open_site ("00000000000000bb", &clock_b);
  g_autoptr(LiaisonDatabase) c = open_site ("00000000000000cc", &clock_c);
  g_autoptr(LiaisonRecord) organization = save_organization (a, "CLAIR", "Tokyo");
  const char *uuid = liaison_record_get_uuid (organization);
  g_autoptr(GBytes) from_a = export (a);
  g_autoptr(GBytes) from_b = NULL;
  g_autoptr(GBytes) from_c = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(LiaisonRecord) merged = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonConflict *conflict;
  LiaisonSyncSummary summary;

  import (b, from_a);
  import (c, from_a);

  /* Different fields merge without a word. */
  edit (a, uuid, "city", "Chiyoda");
  edit (b, uuid, "notes", "Met at the conference");
  g_clear_pointer (&from_a, g_bytes_unref);
  from_a = export (a);
  from_b = export (b);
  summary = import (a, from_b);
  g_assert_cmpuint (summary.changed, ==, 1);
  g_assert_cmpuint (summary.conflicts, ==, 0);
  import (b, from_a);
  merged = get (b, &liaison_organization_type, uuid);
  g_assert_cmpstr (liaison_record_get_text (merged, "city"), ==, "Chiyoda");
  g_assert_cmpstr (liaison_record_get_text (merged, "notes"), ==, "Met at the conference");
  assert_same_records (a, b);

  /* A sequential edit relayed through C is no conflict. */
  g_clear_pointer (&from_b, g_bytes_unref);
  from_b = export (b);
  import (c, from_b);
  edit (c, uuid, "city", "Minato");
  from_c = export (c);
  summary = import (a, from_c);
  g_assert_cmpuint (summary.conflicts, ==, 0);
  g_assert_cmpuint (liaison_sync_count_conflicts (a), ==, 0);

  /* The same field on two desktops that had not seen each other's change,
   * B's a minute later (B's site sorts after A's: the order shown is not
   * the sites') */
  edit (a, uuid, "city", "Shinjuku");
  clock_b.now = MAX (clock_a.now, clock_b.now) + 60000;
  edit (b, uuid, "city", "Shibuya");
  g_clear_pointer (&from_a, g_bytes_unref);
  g_clear_pointer (&from_b, g_bytes_unref);
  from_a = export (a);
  from_b = export (b);
  summary = import (a, from_b);
  g_assert_cmpuint (summary.conflicts, ==, 1);
  import (b, from_a);
  assert_same_records (a, b);
  g_assert_true (liaison_sync_has_conflict (b, uuid));

  conflicts = liaison_sync_list_conflicts (b);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpstr (conflict->field, ==, "city");
  g_assert_cmpuint (conflict->versions->len, ==, 2);
  {
    g_autofree char *one = liaison_sync_value_to_display (conflict, ((LiaisonConflictVersion *) conflict->versions->pdata[0])->value);
    g_autofree char *two = liaison_sync_value_to_display (conflict, ((LiaisonConflictVersion *) conflict->versions->pdata[1])->value);

    /* Newest first: the value the record shows meanwhile */
    g_assert_cmpstr (one, ==, "Shibuya");
    g_assert_cmpstr (two, ==, "Shinjuku");
    g_assert_cmpint (((LiaisonConflictVersion *) conflict->versions->pdata[0])->at, >,
                     ((LiaisonConflictVersion *) conflict->versions->pdata[1])->at);
    g_clear_object (&merged);
    merged = get (b, &liaison_organization_type, uuid);
    g_assert_cmpstr (liaison_record_get_text (merged, "city"), ==, one);
  }

  /* A typed value that the field refuses changes nothing. */
  {
    g_autoptr(LiaisonConflict) website = g_new0 (LiaisonConflict, 1);

    website->type = &liaison_organization_type;
    website->uuid = g_strdup (uuid);
    website->field = g_strdup ("website");
    g_assert_false (liaison_sync_resolve_text (b, website, "not a web address", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* Resolved on B, resolved everywhere */
  g_assert_true (liaison_sync_resolve_text (b, conflict, "Shibuya-ku", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_sync_count_conflicts (b), ==, 0);
  g_clear_pointer (&from_b, g_bytes_unref);
  from_b = export (b);
  import (a, from_b);
  g_assert_cmpuint (liaison_sync_count_conflicts (a), ==, 0);
  g_clear_object (&merged);
  merged = get (a, &liaison_organization_type, uuid);
  g_assert_cmpstr (liaison_record_get_text (merged, "city"), ==, "Shibuya-ku");
  assert_same_records (a, b);
}

static void
test_delete_rule (void)
{
  Clock clock_a = { 1764252180000 }, clock_b = { 1764252180000 };
  g_autoptr(LiaisonDatabase) a = open_site ("00000000000000aa", &clock_a);
  g_autoptr(LiaisonDatabase) b = open_site ("00000000000000bb", &clock_b);
  g_autoptr(LiaisonRecord) kept = save_organization (a, "Kept", "Albany");
  g_autoptr(LiaisonRecord) gone = save_organization (a, "Gone", "Boston");
  g_autoptr(GBytes) from_a = export (a);
  g_autoptr(GBytes) from_b = NULL;
  g_autoptr(LiaisonRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  LiaisonSyncSummary summary;

  import (b, from_a);

  /* A delete that had seen everything hides the record everywhere. */
  g_assert_true (liaison_database_delete (a, gone, &error));
  /* A delete concurrent with an edit keeps the record, flagged. */
  g_assert_true (liaison_database_delete (a, kept, &error));
  edit (b, liaison_record_get_uuid (kept), "notes", "Still a partner");
  g_assert_no_error (error);

  g_clear_pointer (&from_a, g_bytes_unref);
  from_a = export (a);
  from_b = export (b);
  summary = import (b, from_a);
  g_assert_cmpuint (summary.deleted, ==, 1);
  import (a, from_b);
  assert_same_records (a, b);

  record = get (a, &liaison_organization_type, liaison_record_get_uuid (gone));
  g_assert_true (liaison_record_is_deleted (record));
  g_clear_object (&record);
  record = get (b, &liaison_organization_type, liaison_record_get_uuid (gone));
  g_assert_true (liaison_record_is_deleted (record));
  g_clear_object (&record);

  for (guint i = 0; i < 2; i++)
    {
      LiaisonDatabase *database = i == 0 ? a : b;

      record = get (database, &liaison_organization_type, liaison_record_get_uuid (kept));
      g_assert_false (liaison_record_is_deleted (record));
      g_assert_cmpstr (liaison_record_get_text (record, "notes"), ==, "Still a partner");
      g_assert_true (liaison_sync_has_conflict (database, liaison_record_get_uuid (kept)));
      g_clear_object (&record);
    }

  /* Choosing to delete after all is a delete that has seen the edit. */
  conflicts = liaison_sync_list_conflicts (a);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((LiaisonConflict *) conflicts->pdata[0])->field, ==, LIAISON_SYNC_DELETED);
  g_assert_cmpuint (((LiaisonConflict *) conflicts->pdata[0])->versions->len, ==, 2);
  {
    GPtrArray *versions = ((LiaisonConflict *) conflicts->pdata[0])->versions;

    g_assert_cmpint (((LiaisonConflictVersion *) versions->pdata[0])->at, >=,
                     ((LiaisonConflictVersion *) versions->pdata[1])->at);
  }
  g_assert_true (liaison_sync_resolve (a, conflicts->pdata[0], "true", &error));
  g_assert_no_error (error);
  record = get (a, &liaison_organization_type, liaison_record_get_uuid (kept));
  g_assert_true (liaison_record_is_deleted (record));
  g_clear_pointer (&from_a, g_bytes_unref);
  from_a = export (a);
  import (b, from_a);
  g_assert_false (liaison_sync_has_conflict (b, liaison_record_get_uuid (kept)));
  assert_same_records (a, b);
}

static char *
dump (LiaisonDatabase *database)
{
  g_autoptr(GBytes) bytes = export (database);
  g_autofree char *records = records_of (bytes);
  g_autoptr(GPtrArray) sites = liaison_sync_list_sites (database);
  GString *out = g_string_new (records);

  for (guint i = 0; i < sites->len; i++)
    g_string_append_printf (out, "\n%s %s", ((LiaisonSyncSite *) sites->pdata[i])->site,
                            ((LiaisonSyncSite *) sites->pdata[i])->name);
  g_string_append_printf (out, "\n%u %u", liaison_database_count (database, &liaison_organization_type),
                          liaison_sync_count_conflicts (database));
  return g_string_free (out, FALSE);
}

static void
assert_refused (LiaisonDatabase *database,
                const char      *contents,
                gssize           length,
                int              code,
                const char      *words)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, length < 0 ? strlen (contents) : (gsize) length);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (database);
  g_autofree char *after = NULL;
  LiaisonSyncSummary summary = { 0 };

  g_assert_false (liaison_sync_import_bytes (database, bytes, "desk.json", &summary, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, code);
  g_assert_nonnull (strstr (error->message, "desk.json"));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  after = dump (database);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (summary.added + summary.changed + summary.files, ==, 0);
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, 2);

  g_assert_nonnull (parts[1]);
  return g_strconcat (parts[0], new, parts[1], NULL);
}

static void
test_refused (void)
{
  Clock clock_a = { 1764252180000 }, clock_b = { 1764252180000 };
  g_autoptr(LiaisonDatabase) a = open_site ("00000000000000aa", &clock_a);
  g_autoptr(LiaisonDatabase) b = open_site ("00000000000000bb", &clock_b);
  g_autoptr(LiaisonRecord) organization = save_organization (a, "JETRO", "New York");
  g_autoptr(LiaisonRecord) other = save_organization (b, "Here already", "Albany");
  g_autoptr(GBytes) file = export (a);
  const char *text = g_bytes_get_data (file, NULL);
  g_autofree char *newer = replace (text, "\"format_version\":1", "\"format_version\":2");
  g_autofree char *newer_app = replace (newer, "\"app_version\":\"" PACKAGE_VERSION "\"", "\"app_version\":\"0.9.0\"");
  g_autofree char *bad_email = replace (text, "\"city\":[{\"value\":\"New York\"", "\"email\":[{\"value\":\"not an address\"");
  g_autofree char *bad_kind = replace (text, "\"value\":\"New York\"", "\"value\":12");
  g_autofree char *bad_vector = replace (text, "\"vv\":{\"00000000000000aa\":", "\"vv\":{\"00000000000000ab\":");
  g_autofree char *bad_link = NULL;
  g_autofree char *unknown = replace (text, "\"records\":[", "\"records\":[\n{\"type\":\"future_thing\",\"uuid\":\"0b5d2f4e-3c1a-4e8b-9a7d-6f2e1c0b9a88\",\"fields\":{\"size\":[{\"value\":3,\"hlc\":\"1764252181000-0000\",\"site\":\"00000000000000dd\",\"seq\":5,\"vv\":{\"00000000000000dd\":5}}]}},");
  g_autoptr(GBytes) unknown_bytes = NULL;
  g_autoptr(GBytes) reexported = NULL;

  (void) organization;
  (void) other;

  assert_refused (b, "", 0, LIAISON_SYNC_ERROR_NOT_JSON, NULL);
  assert_refused (b, "not json at all", -1, LIAISON_SYNC_ERROR_NOT_JSON, NULL);
  assert_refused (b, text, g_bytes_get_size (file) / 2, LIAISON_SYNC_ERROR_NOT_JSON, NULL);
  assert_refused (b, "{\"format\":\"something.else\"}", -1, LIAISON_SYNC_ERROR_NOT_SYNC_FILE, NULL);
  assert_refused (b, "[1,2,3]", -1, LIAISON_SYNC_ERROR_NOT_SYNC_FILE, NULL);
  assert_refused (b, newer, -1, LIAISON_SYNC_ERROR_NEWER_VERSION, PACKAGE_VERSION);
  assert_refused (b, newer_app, -1, LIAISON_SYNC_ERROR_NEWER_VERSION, "0.9.0");
  assert_refused (b, bad_email, -1, LIAISON_SYNC_ERROR_INVALID, NULL);
  assert_refused (b, bad_kind, -1, LIAISON_SYNC_ERROR_INVALID, NULL);
  assert_refused (b, bad_vector, -1, LIAISON_SYNC_ERROR_INVALID, NULL);

  /* Something else among the records, or a record outside them */
  {
    g_autofree char *number = replace (text, "\"records\":[", "\"records\":[1,");
    g_autofree char *hidden = replace (text, "\"exporter\":{",
                                       "\"exporter\":{\"extra\":[{\"type\":\"organization\",\"uuid\":\"0b5d2f4e-3c1a-4e8b-9a7d-6f2e1c0b9a88\",\"fields\":{\"name\":[{\"value\":\"Hidden\",\"hlc\":\"1764252181000-0000\",\"site\":\"00000000000000dd\",\"seq\":5,\"vv\":{\"00000000000000dd\":5}}]}}],");

    assert_refused (b, number, -1, LIAISON_SYNC_ERROR_INVALID, NULL);
    assert_refused (b, hidden, -1, LIAISON_SYNC_ERROR_INVALID, NULL);
  }

  /* A person whose organization is nowhere */
  {
    g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
    g_autoptr(GBytes) with_person = NULL;
    g_autoptr(GError) error = NULL;

    liaison_record_set_text (person, "family_name", "Smith");
    liaison_record_set_text (person, "organization", liaison_record_get_uuid (organization));
    g_assert_true (liaison_database_save (a, person, &error));
    g_assert_no_error (error);
    with_person = export (a);
    bad_link = replace (g_bytes_get_data (with_person, NULL), liaison_record_get_uuid (organization),
                        "5f0c7a0e-8a57-4d1a-b7f3-3c2f0b3e9d11");
    assert_refused (b, bad_link, -1, LIAISON_SYNC_ERROR_INVALID, NULL);
  }

  /* Records of a newer Liaison are kept and passed on. */
  unknown_bytes = g_bytes_new (unknown, strlen (unknown));
  import (b, unknown_bytes);
  reexported = export (b);
  g_assert_nonnull (strstr (g_bytes_get_data (reexported, NULL), "\"type\":\"future_thing\""));
}

/* The sync writes on a connection of its own; a statement the window's
 * connection left stepping must not keep it from saving afterwards. */
static void
test_second_connection (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-sync-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaisonDatabase) window = NULL;
  g_autoptr(LiaisonDatabase) sync = NULL;
  g_autoptr(LiaisonRecord) first = NULL;
  g_autoptr(LiaisonRecord) second = NULL;
  g_autoptr(LiaisonRecord) third = NULL;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  window = liaison_database_open (path, &error);
  g_assert_no_error (error);
  first = save_organization (window, "One", "Albany");
  second = save_organization (window, "Two", "Boston");
  sync = liaison_database_open (path, &error);
  g_assert_no_error (error);

  stmt = liaison_database_prepare (window, "SELECT uuid FROM organization", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  third = save_organization (sync, "Three", "Chicago");
  g_clear_object (&third);
  third = save_organization (window, "Four", "Denver");
  g_assert_cmpuint (liaison_database_count (window, &liaison_organization_type), ==, 4);

  g_clear_object (&window);
  g_clear_object (&sync);
  liaison_test_remove_tree (dir);
}

static guint64
inode_of (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_ino;
}

/* A shared folder: each desktop writes its own file, only when it
 * changed, reads the others', and leaves other files alone; a bad file
 * is reported by name and the rest goes on. */
static void
test_folder (void)
{
  Clock clock_a = { 1764252180000 }, clock_b = { 1764252180000 };
  g_autoptr(LiaisonDatabase) a = open_site ("00000000000000aa", &clock_a);
  g_autoptr(LiaisonDatabase) b = open_site ("00000000000000bb", &clock_b);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("liaison-sync-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (folder, "liaison-00000000000000aa.json", NULL);
  g_autofree char *bad = g_build_filename (folder, "liaison-00000000000000ff.json", NULL);
  g_autofree char *other = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *temporary = g_build_filename (folder, ".liaison-00000000000000cc.json.ABC123", NULL);
  g_autoptr(LiaisonRecord) organization = save_organization (a, "Japan Society", "New York");
  LiaisonSyncSummary summary = { 0 };
  guint64 inode;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (other, "not for Liaison", -1, &error));
  g_assert_true (g_file_set_contents (temporary, "{\"half", -1, &error));

  g_assert_true (liaison_sync_with_folder (a, folder, &summary, &error));
  g_assert_no_error (error);
  inode = inode_of (file_a);

  /* Nothing changed: the file is left as it is. */
  g_assert_true (liaison_sync_with_folder (a, folder, &summary, &error));
  g_assert_cmpuint (inode_of (file_a), ==, inode);

  g_assert_true (liaison_sync_with_folder (b, folder, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.files, ==, 1);

  /* A change is written anew. */
  edit (a, liaison_record_get_uuid (organization), "city", "Manhattan");
  g_assert_true (liaison_sync_with_folder (a, folder, NULL, &error));
  g_assert_cmpuint (inode_of (file_a), !=, inode);

  /* A damaged file of a third desktop: named in the error; A's still read */
  g_assert_true (g_file_set_contents (bad, "{\"format\":\"org.jlgc.Liaison.sync\",", -1, &error));
  memset (&summary, 0, sizeof summary);
  g_assert_false (liaison_sync_with_folder (b, folder, &summary, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "liaison-00000000000000ff.json"));
  g_clear_error (&error);
  g_assert_cmpuint (summary.changed, ==, 1);
  assert_same_records (a, b);

  liaison_test_remove_tree (folder);
}

static GBytes *
regex_replace (GBytes     *bytes,
               const char *pattern,
               const char *replacement)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *result = g_regex_replace_literal (regex, text, -1, 0, replacement, G_REGEX_MATCH_DEFAULT, NULL);

  return g_bytes_new_take (result, strlen (result));
}

/* Files that are valid, but damaged or forged, must not leave a desktop
 * writing files that no desktop can read: a uuid given another type, a
 * clock reading at the end of time, versions of this desktop's own
 * numbered ahead of what it remembers. */
static void
test_forged (void)
{
  Clock clock_a = { G_GINT64_CONSTANT (4000000000000) }, clock_b = { 1764252180000 };
  g_autoptr(LiaisonDatabase) a = open_site ("00000000000000aa", &clock_a);
  g_autoptr(LiaisonDatabase) b = open_site ("00000000000000bb", &clock_b);
  g_autoptr(LiaisonRecord) organization = save_organization (a, "Council of State Governments", "Lexington");
  g_autoptr(GBytes) file = export (a);
  g_autoptr(GBytes) other_type = regex_replace (file, "\"type\":\"organization\"", "\"type\":\"organizatiom\"");
  g_autoptr(GBytes) end_of_time = regex_replace (file, "\"hlc\":\"[0-9]{13}-[0-9]{4}\"", "\"hlc\":\"9999999999999-9999\"");
  g_autoptr(GBytes) own_ahead = regex_replace (file, "00000000000000aa", "00000000000000bb");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonRecord) saved = NULL;

  import (b, file);

  /* Another type for a uuid that is here */
  g_assert_false (liaison_sync_import_bytes (b, other_type, "desk.json", NULL, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_INVALID);
  g_clear_error (&error);

  /* The end of time: read, and the clock stays where it is */
  import (b, end_of_time);
  saved = save_organization (b, "National Conference of State Legislatures", "Denver");
  {
    g_autoptr(GBytes) from_b = export (b);

    import (a, from_b);
    import (b, from_b);
  }

  /* Versions of B's own, numbered far ahead of B */
  {
    g_autoptr(LiaisonDatabase) c = open_site ("00000000000000bb", &clock_b);
    g_autoptr(GBytes) from_c = NULL;

    import (c, own_ahead);
    edit (c, liaison_record_get_uuid (organization), "city", "Frankfort");
    from_c = export (c);
    import (a, from_c);
  }
}

static LiaisonRecord *
save_new (LiaisonDatabase         *database,
          const LiaisonRecordType *type,
          const char              *first,
          ...)
{
  g_autoptr(GError) error = NULL;
  LiaisonRecord *record = liaison_record_new (type);
  va_list args;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    liaison_record_set_text (record, field, va_arg (args, const char *));
  va_end (args);

  g_assert_true (liaison_database_save (database, record, &error));
  g_assert_no_error (error);
  return record;
}

/* Two desktops that register the same person for the same seminar make
 * one registrant; registering again after a cancellation deleted it
 * restores it. */
static void
test_same_link (void)
{
  Clock clock_a = { 1764252180000 }, clock_b = { 1764252180000 };
  g_autoptr(LiaisonDatabase) a = open_site ("00000000000000aa", &clock_a);
  g_autoptr(LiaisonDatabase) b = open_site ("00000000000000bb", &clock_b);
  g_autoptr(LiaisonRecord) seminar = liaison_record_new (&liaison_seminar_type);
  g_autoptr(LiaisonRecord) person = save_new (a, &liaison_person_type, "family_name", "佐藤", NULL);
  g_autoptr(LiaisonRecord) here = NULL;
  g_autoptr(LiaisonRecord) there = NULL;
  g_autoptr(LiaisonRecord) again = NULL;
  g_autoptr(GBytes) from_a = NULL;
  g_autoptr(GBytes) from_b = NULL;
  g_autoptr(GError) error = NULL;

  liaison_record_set_text (seminar, "title_en", "Disaster preparedness in Tōhoku");
  liaison_record_set_text (seminar, "start_local", "2026-11-27T19:00");
  liaison_record_set_text (seminar, "time_zone", "America/New_York");
  liaison_record_set_integer (seminar, "duration", 60);
  liaison_record_set_text (seminar, "status", "planned");
  g_assert_true (liaison_database_save (a, seminar, &error));
  g_assert_no_error (error);

  from_a = export (a);
  import (b, from_a);

  here = save_new (a, &liaison_registrant_type, "seminar", liaison_record_get_uuid (seminar),
                   "person", liaison_record_get_uuid (person), "status", "registered", NULL);
  there = save_new (b, &liaison_registrant_type, "seminar", liaison_record_get_uuid (seminar),
                    "person", liaison_record_get_uuid (person), "status", "registered", NULL);
  g_assert_cmpstr (liaison_record_get_uuid (here), ==, liaison_record_get_uuid (there));

  g_clear_pointer (&from_a, g_bytes_unref);
  from_a = export (a);
  from_b = export (b);
  import (a, from_b);
  import (b, from_a);
  assert_same_records (a, b);
  g_assert_cmpuint (liaison_database_count (a, &liaison_registrant_type), ==, 1);
  /* Both said "registered": nothing to choose */
  g_assert_cmpuint (liaison_sync_count_conflicts (a), ==, 0);

  /* Deleted, then made again: the same record, back, with no conflict */
  g_assert_true (liaison_database_delete (a, here, &error));
  g_assert_cmpuint (liaison_database_count (a, &liaison_registrant_type), ==, 0);
  again = save_new (a, &liaison_registrant_type, "seminar", liaison_record_get_uuid (seminar),
                    "person", liaison_record_get_uuid (person), "status", "attended", NULL);
  g_assert_cmpstr (liaison_record_get_uuid (again), ==, liaison_record_get_uuid (here));
  g_assert_cmpuint (liaison_database_count (a, &liaison_registrant_type), ==, 1);
  g_assert_false (liaison_sync_has_conflict (a, liaison_record_get_uuid (again)));
}

typedef struct
{
  const char *uuid;
  guint       n_told;
} Told;

static void
record_changed_cb (LiaisonDatabase *database,
                   const char      *type_name,
                   const char      *uuid,
                   int              action,
                   Told            *told)
{
  if (g_strcmp0 (uuid, told->uuid) == 0)
    told->n_told++;
}

/* A purge on request leaves none of the values behind, not even in a
 * version of a conflict the field no longer shows: neither in the
 * database nor in what it writes for the other desktops. */
static void
test_purge_in_conflict (void)
{
  Clock clock_a = { 1764252180000 }, clock_b = { 1764255780000 };
  g_autoptr(LiaisonDatabase) a = open_site ("00000000000000aa", &clock_a);
  g_autoptr(LiaisonDatabase) b = open_site ("00000000000000bb", &clock_b);
  g_autoptr(LiaisonRecord) person = save_new (a, &liaison_person_type, "family_name", "Doe", NULL);
  g_autoptr(LiaisonRecord) application = liaison_test_application_record_new (person);
  const char *uuid = liaison_record_get_uuid (application);
  g_autoptr(LiaisonRecord) here = NULL;
  g_autoptr(LiaisonRecord) there = NULL;
  g_autoptr(GBytes) from_a = NULL;
  g_autoptr(GBytes) from_b = NULL;
  g_autoptr(GError) error = NULL;
  Told told = { uuid, 0 };

  liaison_record_set_text (application, "dietary", "Zanzibar fruit allergy");
  g_assert_true (liaison_database_save (a, application, &error));
  g_assert_no_error (error);
  from_a = export (a);
  import (b, from_a);

  /* A adds to the value while B, later, empties it: B's empty value is
   * shown, A's is kept as the other side of the conflict. */
  here = get (a, &liaison_application_type, uuid);
  liaison_record_set_text (here, "dietary", "Zanzibar fruit and kiwi allergy");
  g_assert_true (liaison_database_save (a, here, &error));
  g_assert_no_error (error);
  there = get (b, &liaison_application_type, uuid);
  liaison_record_set_text (there, "dietary", NULL);
  g_assert_true (liaison_database_save (b, there, &error));
  g_assert_no_error (error);
  g_clear_pointer (&from_a, g_bytes_unref);
  from_a = export (a);
  import (b, from_a);
  g_assert_true (liaison_sync_has_conflict (b, uuid));
  g_clear_object (&there);
  there = get (b, &liaison_application_type, uuid);
  g_assert_cmpstr (liaison_record_get_text (there, "dietary"), ==, "");
  from_b = export (b);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (from_b, NULL), g_bytes_get_size (from_b), "Zanzibar"));

  /* The field shown was already empty: the purge empties it everywhere,
   * and tells the views of the record that its conflict is gone. */
  g_signal_connect (b, "record-changed", G_CALLBACK (record_changed_cb), &told);
  g_assert_true (liaison_database_purge_sensitive (b, there, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_sync_has_conflict (b, uuid));
  g_assert_cmpuint (told.n_told, ==, 1);
  g_clear_pointer (&from_b, g_bytes_unref);
  from_b = export (b);
  g_assert_null (g_strstr_len (g_bytes_get_data (from_b, NULL), g_bytes_get_size (from_b), "Zanzibar"));

  /* and on the desktop that kept the value, once it reads B's file */
  import (a, from_b);
  g_assert_false (liaison_sync_has_conflict (a, uuid));
  g_clear_object (&here);
  here = get (a, &liaison_application_type, uuid);
  g_assert_cmpstr (liaison_record_get_text (here, "dietary"), ==, "");
  g_clear_pointer (&from_a, g_bytes_unref);
  from_a = export (a);
  g_assert_null (g_strstr_len (g_bytes_get_data (from_a, NULL), g_bytes_get_size (from_a), "Zanzibar"));
  assert_same_records (a, b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/round-trip", test_round_trip);
  g_test_add_func ("/sync/merge-and-conflict", test_merge_and_conflict);
  g_test_add_func ("/sync/delete-rule", test_delete_rule);
  g_test_add_func ("/sync/refused", test_refused);
  g_test_add_func ("/sync/second-connection", test_second_connection);
  g_test_add_func ("/sync/folder", test_folder);
  g_test_add_func ("/sync/forged", test_forged);
  g_test_add_func ("/sync/same-link", test_same_link);
  g_test_add_func ("/sync/purge-in-conflict", test_purge_in_conflict);

  return g_test_run ();
}
