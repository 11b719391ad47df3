/* liaison-sync.c
 *
 * Keeping several desktops in step through JSON files, with no server.
 *
 * Every field of every record keeps a small set of versions: its value,
 * which desktop (site) wrote it, that desktop's sequence number, a hybrid
 * logical clock, and a version vector of what the writer had seen. A local
 * edit replaces the versions the user saw; a merge keeps the union of both
 * sides minus what another version had seen. Two versions left means two
 * desktops changed the same field without seeing each other's change: a
 * conflict, shown until someone resolves it. Deleting writes the
 * pseudo-field "_deleted", whose vector covers every field of the record;
 * a record stays hidden only while its delete had seen every edit.
 *
 * The versions live in side tables (sync_version, sync_conflict), so the
 * record tables keep holding the values shown and ordinary queries stay
 * plain. A sync file holds every version of every record in a canonical
 * order: two desktops that have read the same files write the same records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "liaison-records.h"
#include "liaison-sync-private.h"

#define FORMAT_NAME "org.jlgc.Liaison.sync"
#define SITE_LENGTH 16
#define HLC_LENGTH 18             /* 13 digits of milliseconds, '-', 4 of a counter */
#define MAX_SAFE_INTEGER G_GINT64_CONSTANT (9007199254740991)
#define MAX_VERSIONS 64           /* of one field, in a file */
#define MAX_VECTOR 256            /* sites in one version vector */
#define MAX_VALUE_BYTES (1 << 20)
#define MAX_CLOCK_AHEAD_MS (G_GINT64_CONSTANT (24) * 3600 * 1000)
#define MAX_HLC_MS G_GINT64_CONSTANT (9999999999998)

struct _LiaisonSync
{
  LiaisonDatabase *database;
  char             site[SITE_LENGTH + 1];
  gint64           last_seq;
  gint64           hlc_ms;
  guint            hlc_counter;
  gint64           tx_seq;        /* this transaction's stamp, 0 until needed */
  char             tx_hlc[HLC_LENGTH + 1];
  gboolean         loaded;
  gboolean         copied;        /* the file was copied: a new site is due */
};

/* The files of sync folders last read, by database and file, for every
 * connection of this process (the window's, and the sync thread's, which
 * opens one for each exchange): size, times and inode. */
static GHashTable *folder_stamps;
G_LOCK_DEFINE_STATIC (folder_stamps);

G_DEFINE_QUARK (liaison-sync-error-quark, liaison_sync_error)

/* One version of one field */
typedef struct
{
  const char *site;
  gint64      seq;
  const char *hlc;
  const char *value;   /* canonical JSON */
  const char *vv;      /* canonical JSON object */
} Version;

/* One site's entry in a version vector */
typedef struct
{
  char   site[SITE_LENGTH + 1];
  gint64 seq;
} Dot;

LiaisonSync *
liaison_sync_new (LiaisonDatabase *database)
{
  LiaisonSync *self = g_new0 (LiaisonSync, 1);

  self->database = database;
  return self;
}

void
liaison_sync_free (LiaisonSync *self)
{
  g_free (self);
}

void
liaison_sync_transaction_began (LiaisonSync *self)
{
  /* Another connection (the sync's thread, another process) may have
   * moved the clock or the sequence on. */
  self->loaded = FALSE;
  self->tx_seq = 0;
}

void
liaison_sync_transaction_failed (LiaisonSync *self)
{
  /* What the transaction advanced is read again from the file. */
  self->loaded = FALSE;
  self->tx_seq = 0;
}

static gboolean
db_error (LiaisonDatabase  *database,
          GError          **error)
{
  g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED,
               /* Translators: a database file, then SQLite's own words for what went wrong */
               _("The database “%s” could not be used: %s."),
               liaison_database_get_path (database),
               sqlite3_errmsg (liaison_database_get_handle (database)));
  return FALSE;
}

static sqlite3_stmt *
prepare (LiaisonDatabase  *database,
         const char       *sql,
         GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = liaison_database_prepare (database, sql, &local_error);

  if (stmt == NULL)
    g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED, local_error->message);

  return stmt;
}

static gboolean
step_done (LiaisonDatabase  *database,
           sqlite3_stmt     *stmt,
           GError          **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (database, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Canonical JSON */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }

  g_string_append_c (out, '"');
}

/* Reads a string written by append_json_string() (or any JSON string). */
static char *
read_json_string (const char *json)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = json;

  g_return_val_if_fail (*p == '"', NULL);

  for (p++; *p != '\0' && *p != '"'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'u':
          {
            char hex[5] = { 0 };
            gunichar c;

            for (int i = 0; i < 4 && p[1] != '\0'; i++)
              hex[i] = *++p;
            c = g_ascii_strtoull (hex, NULL, 16);
            if (c >= 0xd800 && c < 0xdc00 && p[1] == '\\' && p[2] == 'u')
              {
                char low[5] = { 0 };

                p += 2;
                for (int i = 0; i < 4 && p[1] != '\0'; i++)
                  low[i] = *++p;
                c = 0x10000 + ((c - 0xd800) << 10) + (g_ascii_strtoull (low, NULL, 16) - 0xdc00);
              }
            g_string_append_unichar (out, c);
          }
          break;
        case '\0':
          p--;
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The value of position @position of @record as canonical JSON */
static char *
value_to_json (LiaisonRecord *record,
               guint          position)
{
  const GValue *value = liaison_record_get_value (record, position);

  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");

  if (g_value_get_string (value) == NULL || g_value_get_string (value)[0] == '\0')
    return g_strdup ("null");

  {
    GString *out = g_string_new (NULL);

    append_json_string (out, g_value_get_string (value));
    return g_string_free (out, FALSE);
  }
}

/* Sets a field of @record from canonical JSON. */
static void
set_from_json (LiaisonRecord      *record,
               const LiaisonField *field,
               const char         *json)
{
  switch (field->kind)
    {
    case LIAISON_FIELD_INTEGER:
      liaison_record_set_integer (record, field->name,
                                  g_str_equal (json, "null") ? 0 : g_ascii_strtoll (json, NULL, 10));
      break;

    case LIAISON_FIELD_BOOLEAN:
      liaison_record_set_boolean (record, field->name, g_str_equal (json, "true"));
      break;

    default:
      if (json[0] == '"')
        {
          g_autofree char *text = read_json_string (json);

          liaison_record_set_text (record, field->name, text);
        }
      else
        liaison_record_set_text (record, field->name, NULL);
    }
}

/* Version vectors: {"site":seq,…} in the order of the sites */

static GArray *
vector_parse (const char *vv)
{
  GArray *dots = g_array_new (FALSE, TRUE, sizeof (Dot));
  const char *p = vv;

  while ((p = strchr (p, '"')) != NULL)
    {
      Dot dot = { { 0 }, 0 };
      const char *end = strchr (p + 1, '"');

      if (end == NULL || end - p - 1 != SITE_LENGTH)
        break;
      memcpy (dot.site, p + 1, SITE_LENGTH);
      dot.seq = g_ascii_strtoll (end + 2, (char **) &p, 10);
      g_array_append_val (dots, dot);
    }

  return dots;
}

static gint64
vector_get (GArray     *dots,
            const char *site)
{
  for (guint i = 0; i < dots->len; i++)
    {
      Dot *dot = &g_array_index (dots, Dot, i);

      if (memcmp (dot->site, site, SITE_LENGTH) == 0)
        return dot->seq;
    }

  return 0;
}

static void
vector_join_dot (GArray     *dots,
                 const char *site,
                 gint64      seq)
{
  for (guint i = 0; i < dots->len; i++)
    {
      Dot *dot = &g_array_index (dots, Dot, i);
      int order = memcmp (dot->site, site, SITE_LENGTH);

      if (order == 0)
        {
          dot->seq = MAX (dot->seq, seq);
          return;
        }

      if (order > 0)
        {
          Dot entry = { { 0 }, seq };

          memcpy (entry.site, site, SITE_LENGTH);
          g_array_insert_val (dots, i, entry);
          return;
        }
    }

  {
    Dot entry = { { 0 }, seq };

    memcpy (entry.site, site, SITE_LENGTH);
    g_array_append_val (dots, entry);
  }
}

static void
vector_join (GArray     *dots,
             const char *vv)
{
  g_autoptr(GArray) other = vector_parse (vv);

  for (guint i = 0; i < other->len; i++)
    vector_join_dot (dots, g_array_index (other, Dot, i).site, g_array_index (other, Dot, i).seq);
}

static char *
vector_to_json (GArray *dots)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; i < dots->len; i++)
    {
      Dot *dot = &g_array_index (dots, Dot, i);

      g_string_append_printf (out, "%s\"%s\":%" G_GINT64_FORMAT, i > 0 ? "," : "", dot->site, dot->seq);
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/* Whether every dot of @a is covered by @b */
static gboolean
vector_covered (GArray *a,
                GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    {
      Dot *dot = &g_array_index (a, Dot, i);

      if (vector_get (b, dot->site) < dot->seq)
        return FALSE;
    }

  return TRUE;
}

/* The clock and this desktop's identity */

static char *
random_site (void)
{
  char *site = g_malloc (SITE_LENGTH + 1);

  for (int i = 0; i < SITE_LENGTH; i++)
    site[i] = "0123456789abcdef"[g_random_int_range (0, 16)];
  site[SITE_LENGTH] = '\0';

  return site;
}

static char *
file_identity (LiaisonDatabase *database)
{
  const char *path = liaison_database_get_path (database);
  GStatBuf buf;

  if (g_str_equal (path, ":memory:") || g_stat (path, &buf) != 0)
    return g_strdup ("");

  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) buf.st_dev, (guint64) buf.st_ino);
}

static char *
meta_get (LiaisonDatabase *database,
          const char      *key)
{
  sqlite3_stmt *stmt = prepare (database, "SELECT value FROM sync_meta WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

static gboolean
meta_set (LiaisonDatabase  *database,
          const char       *key,
          const char       *value,
          GError          **error)
{
  sqlite3_stmt *stmt = prepare (database, "INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return step_done (database, stmt, error);
}

static LiaisonSync *
get_sync (LiaisonDatabase *database)
{
  LiaisonSync *self = liaison_database_get_sync (database);

  if (!self->loaded)
    {
      g_autofree char *site = meta_get (database, "site");
      g_autofree char *last_seq = meta_get (database, "last_seq");
      g_autofree char *hlc = meta_get (database, "hlc");
      g_autofree char *file = meta_get (database, "file");
      g_autofree char *identity = file_identity (database);

      g_strlcpy (self->site, site != NULL ? site : "", sizeof self->site);
      self->last_seq = last_seq != NULL ? g_ascii_strtoll (last_seq, NULL, 10) : 0;
      self->hlc_ms = hlc != NULL ? g_ascii_strtoll (hlc, NULL, 10) : 0;
      self->hlc_counter = hlc != NULL && strlen (hlc) == HLC_LENGTH ? g_ascii_strtoull (hlc + 14, NULL, 10) : 0;
      /* A database copied to another file (another desktop, say) must
       * not write as the original does. */
      self->copied = file != NULL && identity[0] != '\0' && !g_str_equal (file, identity);
      self->loaded = TRUE;
    }

  return self;
}

/* Gives a copied database a site of its own; inside a transaction. */
static gboolean
settle_site (LiaisonDatabase  *database,
             GError          **error)
{
  LiaisonSync *self = get_sync (database);
  g_autofree char *identity = NULL;
  g_autofree char *site = NULL;

  if (!self->copied && self->site[0] != '\0')
    return TRUE;

  identity = file_identity (database);
  site = self->copied || self->site[0] == '\0' ? random_site () : g_strdup (self->site);

  if (!meta_set (database, "site", site, error) ||
      !meta_set (database, "file", identity, error))
    return FALSE;

  g_strlcpy (self->site, site, sizeof self->site);
  self->copied = FALSE;
  return TRUE;
}

const char *
liaison_sync_get_site (LiaisonDatabase *database)
{
  LiaisonSync *self;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);

  self = get_sync (database);
  if (self->copied)
    {
      if (liaison_database_transaction_begin (database, NULL))
        {
          if (!settle_site (database, NULL) || !liaison_database_transaction_commit (database, NULL))
            liaison_database_transaction_rollback (database);
        }
      self = get_sync (database);
    }

  return self->site;
}

/* The stamp of this transaction's edits: one sequence number and one clock
 * reading for all of them. */
static gboolean
stamp (LiaisonDatabase  *database,
       GError          **error)
{
  LiaisonSync *self = get_sync (database);
  gint64 now;
  g_autofree char *seq = NULL;

  if (self->tx_seq != 0)
    return TRUE;

  if (!settle_site (database, error))
    return FALSE;

  now = liaison_database_now (database);
  self->tx_seq = MAX (self->last_seq + 1, now);

  if (now > self->hlc_ms)
    {
      self->hlc_ms = now;
      self->hlc_counter = 0;
    }
  else if (++self->hlc_counter > 9999)
    {
      self->hlc_ms = MIN (self->hlc_ms + 1, MAX_HLC_MS);
      self->hlc_counter = 0;
    }
  g_snprintf (self->tx_hlc, sizeof self->tx_hlc, "%013" G_GINT64_FORMAT "-%04u",
              self->hlc_ms, self->hlc_counter);
  self->last_seq = self->tx_seq;

  seq = g_strdup_printf ("%" G_GINT64_FORMAT, self->tx_seq);
  if (!meta_set (database, "last_seq", seq, error) ||
      !meta_set (database, "hlc", self->tx_hlc, error))
    return FALSE;

  {
    sqlite3_stmt *stmt = prepare (database,
                                  "INSERT INTO sync_site (site, max_seq) VALUES (?1, ?2) "
                                  "ON CONFLICT (site) DO UPDATE SET max_seq = max (max_seq, ?2)", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, self->site, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 2, self->tx_seq);
    return step_done (database, stmt, error);
  }
}

/* The clock never runs behind what this desktop has seen. */
static gboolean
observe_hlc (LiaisonDatabase  *database,
             const char       *hlc,
             GError          **error)
{
  LiaisonSync *self = get_sync (database);
  gint64 ms = g_ascii_strtoll (hlc, NULL, 10);
  guint counter = g_ascii_strtoull (hlc + 14, NULL, 10);

  if (ms < self->hlc_ms || (ms == self->hlc_ms && counter <= self->hlc_counter))
    return TRUE;

  /* A desktop whose clock runs far ahead (or a damaged file) does not
   * drag this one's into the future: the clock only orders concurrent
   * edits for display; which edit saw which is the version vectors'. */
  if (ms > liaison_database_now (database) + MAX_CLOCK_AHEAD_MS)
    return TRUE;

  self->hlc_ms = ms;
  self->hlc_counter = counter;
  return meta_set (database, "hlc", hlc, error);
}

/* Versions in the database */

static gboolean
write_version (LiaisonDatabase  *database,
               const char       *type_name,
               const char       *uuid,
               const char       *field,
               const Version    *version,
               GError          **error)
{
  sqlite3_stmt *stmt = prepare (database,
                                "INSERT INTO sync_version (record_type, uuid, field, site, seq, hlc, value, vv) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, type_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, version->site, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, version->seq);
  sqlite3_bind_text (stmt, 6, version->hlc, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, version->value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, version->vv, -1, SQLITE_STATIC);
  return step_done (database, stmt, error);
}

static gboolean
delete_versions (LiaisonDatabase  *database,
                 const char       *type_name,
                 const char       *uuid,
                 const char       *field,
                 GError          **error)
{
  sqlite3_stmt *stmt = prepare (database,
                                "DELETE FROM sync_version WHERE record_type = ?1 AND uuid = ?2 AND field = ?3",
                                error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, type_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  return step_done (database, stmt, error);
}

static gboolean
set_conflict (LiaisonDatabase  *database,
              const char       *type_name,
              const char       *uuid,
              const char       *field,
              gboolean          conflict,
              gboolean         *added,
              GError          **error)
{
  sqlite3_stmt *stmt = prepare (database,
                                conflict
                                ? "INSERT OR IGNORE INTO sync_conflict (record_type, uuid, field) VALUES (?1, ?2, ?3)"
                                : "DELETE FROM sync_conflict WHERE record_type = ?1 AND uuid = ?2 AND field = ?3",
                                error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, type_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  if (!step_done (database, stmt, error))
    return FALSE;

  if (added != NULL)
    *added = conflict && sqlite3_changes (liaison_database_get_handle (database)) > 0;

  return TRUE;
}

/* Which type each record has, so that no file can give a uuid another */
static gboolean
note_record (LiaisonDatabase  *database,
             const char       *type_name,
             const char       *uuid,
             GError          **error)
{
  sqlite3_stmt *stmt = prepare (database, "INSERT OR IGNORE INTO sync_record (uuid, record_type) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type_name, -1, SQLITE_STATIC);
  return step_done (database, stmt, error);
}

/* The version vectors of a field's versions (or, with @field %NULL, of
 * every field of the record), joined into @dots. */
static gboolean
join_stored (LiaisonDatabase  *database,
             const char       *type_name,
             const char       *uuid,
             const char       *field,
             GArray           *dots,
             GError          **error)
{
  sqlite3_stmt *stmt = prepare (database,
                                field != NULL
                                ? "SELECT vv FROM sync_version WHERE record_type = ?1 AND uuid = ?2 AND field = ?3"
                                : "SELECT vv FROM sync_version WHERE record_type = ?1 AND uuid = ?2",
                                error);
  int status;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, type_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  if (field != NULL)
    sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    vector_join (dots, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (status != SQLITE_DONE)
    return db_error (database, error);

  return TRUE;
}

/* A local edit of one field: its new version replaces every version the
 * user saw, which resolves a conflict on it. */
static gboolean
write_local (LiaisonDatabase  *database,
             const char       *type_name,
             const char       *uuid,
             const char       *field,
             const char       *value,
             GError          **error)
{
  LiaisonSync *self;
  g_autoptr(GArray) dots = g_array_new (FALSE, TRUE, sizeof (Dot));
  g_autofree char *vv = NULL;
  Version version;

  if (!stamp (database, error))
    return FALSE;
  self = get_sync (database);

  if (!join_stored (database, type_name, uuid,
                    g_str_equal (field, LIAISON_SYNC_DELETED) ? NULL : field, dots, error))
    return FALSE;
  vector_join_dot (dots, self->site, self->tx_seq);
  vv = vector_to_json (dots);

  version.site = self->site;
  version.seq = self->tx_seq;
  version.hlc = self->tx_hlc;
  version.value = value;
  version.vv = vv;

  return note_record (database, type_name, uuid, error) &&
         delete_versions (database, type_name, uuid, field, error) &&
         write_version (database, type_name, uuid, field, &version, error) &&
         set_conflict (database, type_name, uuid, field, FALSE, NULL, error);
}

static gboolean
is_synced_field (const LiaisonField *field)
{
  return (field->flags & LIAISON_FIELD_DERIVED) == 0;
}

gboolean
liaison_sync_note_fields (LiaisonDatabase  *database,
                          LiaisonRecord    *record,
                          GArray           *positions,
                          GError          **error)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);
      g_autofree char *value = NULL;

      if (!is_synced_field (&type->fields[position]))
        continue;

      value = value_to_json (record, position);
      if (!write_local (database, type->name, liaison_record_get_uuid (record),
                        type->fields[position].name, value, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
liaison_sync_note_deleted (LiaisonDatabase          *database,
                           const LiaisonRecordType  *type,
                           const char               *uuid,
                           gboolean                  deleted,
                           GError                  **error)
{
  /* A delete that has seen every edit clears a delete–edit conflict too. */
  return write_local (database, type->name, uuid, LIAISON_SYNC_DELETED,
                      deleted ? "true" : "false", error);
}

gboolean
liaison_sync_migrate (LiaisonDatabase  *database,
                      GError          **error)
{
  sqlite3 *db = liaison_database_get_handle (database);
  LiaisonSync *self = liaison_database_get_sync (database);
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);
  g_autofree char *site = random_site ();
  g_autofree char *identity = file_identity (database);

  if (sqlite3_exec (db,
                    "CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
                    "CREATE TABLE sync_version ("
                    "  record_type TEXT NOT NULL, uuid TEXT NOT NULL, field TEXT NOT NULL,"
                    "  site TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL,"
                    "  value TEXT NOT NULL, vv TEXT NOT NULL,"
                    "  PRIMARY KEY (record_type, uuid, field, site, seq)) WITHOUT ROWID;"
                    "CREATE TABLE sync_conflict ("
                    "  record_type TEXT NOT NULL, uuid TEXT NOT NULL, field TEXT NOT NULL,"
                    "  PRIMARY KEY (record_type, uuid, field)) WITHOUT ROWID;"
                    "CREATE INDEX sync_conflict_uuid ON sync_conflict (uuid);"
                    "CREATE TABLE sync_record (uuid TEXT PRIMARY KEY, record_type TEXT NOT NULL) WITHOUT ROWID;"
                    "CREATE TABLE sync_site ("
                    "  site TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '',"
                    "  max_seq INTEGER NOT NULL DEFAULT 0,"
                    "  exported_at INTEGER NOT NULL DEFAULT 0,"
                    "  imported_at INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;",
                    NULL, NULL, NULL) != SQLITE_OK)
    return db_error (database, error);

  if (!meta_set (database, "site", site, error) ||
      !meta_set (database, "file", identity, error))
    return FALSE;

  self->loaded = FALSE;
  self->tx_seq = 0;

  /* What is there already becomes this desktop's first edit of it. */
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      sqlite3_stmt *stmt;
      int status;

      g_string_append (sql, liaison_database_select_sql (database, types[t]));
      g_string_append (sql, " FROM ");
      g_string_append (sql, types[t]->name);

      if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        return db_error (database, error);

      while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(LiaisonRecord) record = liaison_database_load_row (database, types[t], stmt);
          g_autoptr(LiaisonRecord) empty = liaison_record_new (types[t]);
          g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint i = 0; i < types[t]->n_fields; i++)
            {
              if (!liaison_record_equal_value (record, empty, i))
                g_array_append_val (positions, i);
            }

          if (!liaison_sync_note_fields (database, record, positions, error) ||
              (liaison_record_is_deleted (record) &&
               !liaison_sync_note_deleted (database, types[t], liaison_record_get_uuid (record), TRUE, error)))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }

      sqlite3_finalize (stmt);
      if (status != SQLITE_DONE)
        return db_error (database, error);
    }

  return TRUE;
}

gboolean
liaison_sync_set_site_for_testing (LiaisonDatabase  *database,
                                   const char       *site,
                                   GError          **error)
{
  LiaisonSync *self = get_sync (database);

  g_return_val_if_fail (site != NULL && strlen (site) == SITE_LENGTH, FALSE);

  if (!meta_set (database, "site", site, error))
    return FALSE;

  g_strlcpy (self->site, site, sizeof self->site);
  return TRUE;
}

/* The name of this desktop */

char *
liaison_sync_dup_name (LiaisonDatabase *database)
{
  char *name;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);

  name = meta_get (database, "name");
  return name != NULL ? name : g_strdup ("");
}

gboolean
liaison_sync_set_name (LiaisonDatabase  *database,
                       const char       *name,
                       GError          **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > 100)
    {
      g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_INVALID,
                           _("The name of this desktop may have at most 100 characters."));
      return FALSE;
    }

  if (!liaison_database_transaction_begin (database, error))
    return FALSE;

  if (!meta_set (database, "name", stripped, error) ||
      !liaison_database_transaction_commit (database, error))
    {
      liaison_database_transaction_rollback (database);
      return FALSE;
    }

  return TRUE;
}

/**
 * liaison_sync_dup_file_name:
 * @database: a database
 *
 * Returns: (transfer full): the name of this desktop's file in a sync
 *   folder: `liaison-SITE.json`
 */
char *
liaison_sync_dup_file_name (LiaisonDatabase *database)
{
  return g_strdup_printf ("liaison-%s.json", liaison_sync_get_site (database));
}

/* Export */

static char *
format_time (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * liaison_sync_export:
 * @database: a database
 * @error: return location for a #GError
 *
 * Writes every version of every record, in the canonical order (type,
 * uuid; fields by name; versions by site and sequence number), one record
 * a line.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
liaison_sync_export (LiaisonDatabase  *database,
                     GError          **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *exported_at = NULL;
  g_autofree char *previous_type = NULL;
  g_autofree char *previous_uuid = NULL;
  g_autofree char *previous_field = NULL;
  const char *site;
  sqlite3_stmt *stmt;
  gboolean first = TRUE;
  int status;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);

  site = liaison_sync_get_site (database);
  name = liaison_sync_dup_name (database);
  exported_at = format_time (liaison_database_now (database));

  g_string_append (out, "{\"format\":\"" FORMAT_NAME "\",\"format_version\":");
  g_string_append_printf (out, "%d", LIAISON_SYNC_FORMAT_VERSION);
  g_string_append (out, ",\n\"exporter\":{\"site\":");
  append_json_string (out, site);
  g_string_append (out, ",\"name\":");
  append_json_string (out, name);
  g_string_append (out, ",\"app_version\":\"" PACKAGE_VERSION "\"},\n\"exported_at\":");
  append_json_string (out, exported_at);
  g_string_append (out, ",\n\"seen\":{");

  if (!(stmt = prepare (database, "SELECT site, max_seq FROM sync_site WHERE max_seq > 0 ORDER BY site", error)))
    return NULL;
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, first ? "" : ",");
      append_json_string (out, (const char *) sqlite3_column_text (stmt, 0));
      g_string_append_printf (out, ":%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
      first = FALSE;
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      db_error (database, error);
      return NULL;
    }

  g_string_append (out, "},\n\"records\":[");

  if (!(stmt = prepare (database,
                        "SELECT record_type, uuid, field, site, seq, hlc, value, vv FROM sync_version "
                        "ORDER BY record_type, uuid, field, site, seq", error)))
    return NULL;

  first = TRUE;
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
      const char *field = (const char *) sqlite3_column_text (stmt, 2);
      gboolean same_record = previous_type != NULL && g_str_equal (type, previous_type) &&
                             g_str_equal (uuid, previous_uuid);

      if (!same_record)
        {
          if (!first)
            g_string_append (out, "]}}");
          g_string_append (out, first ? "\n" : ",\n");
          g_string_append (out, "{\"type\":");
          append_json_string (out, type);
          g_string_append (out, ",\"uuid\":");
          append_json_string (out, uuid);
          g_string_append (out, ",\"fields\":{");
          g_set_str (&previous_type, type);
          g_set_str (&previous_uuid, uuid);
          g_clear_pointer (&previous_field, g_free);
          first = FALSE;
        }

      if (previous_field == NULL || !g_str_equal (field, previous_field))
        {
          if (previous_field != NULL)
            g_string_append (out, "],");
          append_json_string (out, field);
          g_string_append (out, ":[");
          g_set_str (&previous_field, field);
        }
      else
        g_string_append_c (out, ',');

      g_string_append (out, "{\"value\":");
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 6));
      g_string_append (out, ",\"hlc\":\"");
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 5));
      g_string_append (out, "\",\"site\":\"");
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 3));
      g_string_append_printf (out, "\",\"seq\":%" G_GINT64_FORMAT ",\"vv\":", (gint64) sqlite3_column_int64 (stmt, 4));
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 7));
      g_string_append_c (out, '}');
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      db_error (database, error);
      return NULL;
    }

  if (!first)
    g_string_append (out, "]}}");
  g_string_append (out, "\n]}\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * liaison_sync_export_file:
 * @database: a database
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the sync file atomically: a reader sees the old file or the new
 * one, never half of it.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_sync_export_file (LiaisonDatabase  *database,
                          const char       *path,
                          GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(bytes = liaison_sync_export (database, error)))
    return FALSE;

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_WRITE,
                   /* Translators: a file, then the reason */
                   _("The sync file “%s” could not be written: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Import: every record of the file is read and checked into a compact
 * form first, and only then merged, in one transaction. */

typedef struct
{
  const char *name;
  guint       first;     /* in Import.versions */
  guint       n;
} StagedField;

typedef struct
{
  const char              *type_name;
  const LiaisonRecordType *type;   /* NULL for a type of a newer Liaison */
  const char              *uuid;
  guint                    first;  /* in Import.fields */
  guint                    n;
} StagedRecord;

typedef struct
{
  const char *uuid;
  const char *link_type;   /* NULL for any */
  const char *field;
} StagedLink;

typedef struct
{
  LiaisonDatabase *database;
  const char      *name;        /* of the file, for messages */
  GStringChunk    *strings;
  GArray          *versions;    /* of Version */
  GArray          *fields;      /* of StagedField */
  GArray          *records;     /* of StagedRecord */
  GArray          *links;       /* of StagedLink */
  GHashTable      *uuids;       /* uuid → type name, of the file's records */
  GHashTable      *scratch;     /* type → LiaisonRecord, for checking values */
  JsonObject      *header;      /* the root object, its records taken out */
  GError          *error;       /* the first fault found while parsing */
  guint            n_emptied;
  char             max_hlc[HLC_LENGTH + 1];
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->strings, g_string_chunk_free);
  g_clear_pointer (&import->versions, g_array_unref);
  g_clear_pointer (&import->fields, g_array_unref);
  g_clear_pointer (&import->records, g_array_unref);
  g_clear_pointer (&import->links, g_array_unref);
  g_clear_pointer (&import->uuids, g_hash_table_unref);
  g_clear_pointer (&import->scratch, g_hash_table_unref);
  g_clear_pointer (&import->header, json_object_unref);
  g_clear_error (&import->error);
}

G_GNUC_PRINTF (2, 3)
static gboolean
fault (Import     *import,
       const char *format,
       ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  if (import->error != NULL)
    return FALSE;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  import->error = g_error_new (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_INVALID,
                               /* Translators: a file, then the reason */
                               _("“%s” cannot be imported: %s"), import->name, reason);
  return FALSE;
}

static gboolean
is_site (const char *text)
{
  if (strlen (text) != SITE_LENGTH)
    return FALSE;

  for (int i = 0; i < SITE_LENGTH; i++)
    {
      if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_hlc (const char *text)
{
  if (strlen (text) != HLC_LENGTH || text[13] != '-')
    return FALSE;

  for (int i = 0; i < HLC_LENGTH; i++)
    {
      if (i != 13 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_identifier (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 64)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!(g_ascii_islower (text[i]) || text[i] == '_' || (i > 0 && g_ascii_isdigit (text[i]))))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_integer_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Checks a value against its field and returns it as canonical JSON. */
static char *
stage_value (Import                  *import,
             const LiaisonRecordType *type,
             const LiaisonField      *field,
             JsonNode                *node)
{
  GString *out;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");

  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      fault (import, _("a value is neither text, a number nor true or false."));
      return NULL;
    }

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      if (field != NULL && field->kind != LIAISON_FIELD_BOOLEAN)
        {
          fault (import, _("the field “%s” holds a value of the wrong kind."), field->name);
          return NULL;
        }
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    }

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 number = json_node_get_int (node);

      if (number > MAX_SAFE_INTEGER || number < -MAX_SAFE_INTEGER ||
          (field != NULL && field->kind != LIAISON_FIELD_INTEGER))
        {
          fault (import, _("the field “%s” holds a value of the wrong kind."), field != NULL ? field->name : "");
          return NULL;
        }

      if (field != NULL && (number < field->minimum || number > field->maximum))
        {
          fault (import, _("the field “%s” holds a number out of its range."), field->name);
          return NULL;
        }

      return g_strdup_printf ("%" G_GINT64_FORMAT, number);
    }

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fault (import, _("a value is neither text, a number nor true or false."));
      return NULL;
    }

  {
    const char *text = json_node_get_string (node);

    if (text[0] == '\0' || strlen (text) > MAX_VALUE_BYTES || !g_utf8_validate (text, -1, NULL))
      {
        fault (import, _("a text value is empty, too long or not valid UTF-8."));
        return NULL;
      }

    if (field != NULL)
      {
        LiaisonRecord *scratch;
        g_autoptr(GError) local_error = NULL;

        if (field->kind == LIAISON_FIELD_INTEGER || field->kind == LIAISON_FIELD_BOOLEAN)
          {
            fault (import, _("the field “%s” holds a value of the wrong kind."), field->name);
            return NULL;
          }

        scratch = g_hash_table_lookup (import->scratch, type);
        if (scratch == NULL)
          {
            scratch = liaison_record_new (type);
            g_hash_table_insert (import->scratch, (gpointer) type, scratch);
          }

        liaison_record_set_text (scratch, field->name, text);
        if (!liaison_record_validate_field (scratch, field->name, &local_error))
          {
            fault (import, "%s", local_error->message);
            return NULL;
          }

        if (field->kind == LIAISON_FIELD_LINK)
          {
            StagedLink link = {
              g_string_chunk_insert_const (import->strings, text),
              field->link_type,
              field->name,
            };

            g_array_append_val (import->links, link);
          }
      }

    out = g_string_new (NULL);
    append_json_string (out, text);
    return g_string_free (out, FALSE);
  }
}

static gboolean
stage_vector (Import      *import,
              JsonNode    *node,
              const char  *site,
              gint64       seq,
              char       **vv)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  g_autoptr(GArray) dots = g_array_new (FALSE, TRUE, sizeof (Dot));
  gboolean has_own = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fault (import, _("a version vector is not an object."));

  object = json_node_get_object (node);
  if (json_object_get_size (object) == 0 || json_object_get_size (object) > MAX_VECTOR)
    return fault (import, _("a version vector is empty or too large."));

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *entry = json_object_get_member (object, l->data);
      gint64 number;

      if (!is_site (l->data) || !is_integer_node (entry))
        return fault (import, _("a version vector holds something other than desktops and numbers."));

      number = json_node_get_int (entry);
      if (number < 1 || number > MAX_SAFE_INTEGER)
        return fault (import, _("a version vector holds a number out of range."));

      if (g_str_equal (l->data, site))
        {
          if (number != seq)
            return fault (import, _("a version does not agree with its own version vector."));
          has_own = TRUE;
        }

      vector_join_dot (dots, l->data, number);
    }

  if (!has_own)
    return fault (import, _("a version does not agree with its own version vector."));

  *vv = vector_to_json (dots);
  return TRUE;
}

static gboolean
stage_version (Import                  *import,
               const LiaisonRecordType *type,
               const LiaisonField      *field,
               const char              *uuid,
               JsonNode                *node)
{
  JsonObject *object;
  JsonNode *member;
  g_autofree char *value = NULL;
  g_autofree char *vv = NULL;
  const char *site;
  const char *hlc;
  gint64 seq;
  Version version;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fault (import, _("a version is not an object."));

  object = json_node_get_object (node);
  if (json_object_get_size (object) != 5 ||
      !json_object_has_member (object, "value") ||
      !(member = json_object_get_member (object, "hlc")) || !is_string_node (member) ||
      !(member = json_object_get_member (object, "site")) || !is_string_node (member) ||
      !(member = json_object_get_member (object, "seq")) || !is_integer_node (member) ||
      !json_object_has_member (object, "vv"))
    return fault (import, _("a version lacks one of value, hlc, site, seq and vv, or has more."));

  site = json_object_get_string_member (object, "site");
  hlc = json_object_get_string_member (object, "hlc");
  seq = json_object_get_int_member (object, "seq");

  if (!is_site (site))
    return fault (import, _("a desktop’s identifier is not valid."));
  if (!is_hlc (hlc))
    return fault (import, _("a version’s clock reading is not valid."));
  if (seq < 1 || seq > MAX_SAFE_INTEGER)
    return fault (import, _("a version’s number is out of range."));

  if (field == NULL && type != NULL)
    {
      /* _deleted */
      JsonNode *value_node = json_object_get_member (object, "value");

      if (!JSON_NODE_HOLDS_VALUE (value_node) || json_node_get_value_type (value_node) != G_TYPE_BOOLEAN)
        return fault (import, _("“%s” must be true or false."), LIAISON_SYNC_DELETED);
    }

  if (!(value = stage_value (import, type, field, json_object_get_member (object, "value"))))
    return FALSE;

  if (!stage_vector (import, json_object_get_member (object, "vv"), site, seq, &vv))
    return FALSE;

  if (strcmp (hlc, import->max_hlc) > 0)
    g_strlcpy (import->max_hlc, hlc, sizeof import->max_hlc);

  version.site = g_string_chunk_insert_const (import->strings, site);
  version.seq = seq;
  version.hlc = g_string_chunk_insert_const (import->strings, hlc);
  version.value = g_string_chunk_insert (import->strings, value);
  version.vv = g_string_chunk_insert_const (import->strings, vv);
  g_array_append_val (import->versions, version);

  return TRUE;
}

static gboolean
stage_record (Import     *import,
              JsonObject *object)
{
  JsonNode *member;
  JsonObject *fields;
  g_autoptr(GList) names = NULL;
  const char *type_name;
  const char *uuid;
  const char *seen_type;
  StagedRecord record;

  if (json_object_get_size (object) != 3 ||
      !(member = json_object_get_member (object, "type")) || !is_string_node (member) ||
      !(member = json_object_get_member (object, "uuid")) || !is_string_node (member) ||
      !(member = json_object_get_member (object, "fields")) || !JSON_NODE_HOLDS_OBJECT (member))
    return fault (import, _("a record lacks its type, its identifier or its fields, or has more."));

  type_name = json_object_get_string_member (object, "type");
  uuid = json_object_get_string_member (object, "uuid");
  fields = json_object_get_object_member (object, "fields");

  if (!is_identifier (type_name))
    return fault (import, _("a record’s type is not a valid name."));
  if (!g_uuid_string_is_valid (uuid))
    return fault (import, _("a record’s identifier is not valid."));

  seen_type = g_hash_table_lookup (import->uuids, uuid);
  if (seen_type != NULL)
    return fault (import, _("the record %s appears twice."), uuid);

  record.type_name = g_string_chunk_insert_const (import->strings, type_name);
  record.type = liaison_record_type_find (type_name);
  record.uuid = g_string_chunk_insert_const (import->strings, uuid);
  record.first = import->fields->len;
  record.n = 0;
  g_hash_table_insert (import->uuids, (gpointer) record.uuid, (gpointer) record.type_name);

  if (json_object_get_size (fields) == 0)
    return fault (import, _("the record %s has no fields."), uuid);

  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *versions = json_object_get_member (fields, name);
      const LiaisonField *field = NULL;
      StagedField staged;
      JsonArray *array;
      guint length;

      if (!g_str_equal (name, LIAISON_SYNC_DELETED) && !is_identifier (name))
        return fault (import, _("a field’s name is not valid."));

      if (record.type != NULL && !g_str_equal (name, LIAISON_SYNC_DELETED))
        {
          field = liaison_record_type_find_field (record.type, name);
          if (field != NULL && !is_synced_field (field))
            return fault (import, _("the field “%s” is computed, not stored."), name);
        }

      if (!JSON_NODE_HOLDS_ARRAY (versions))
        return fault (import, _("the versions of a field are not a list."));

      array = json_node_get_array (versions);
      length = json_array_get_length (array);
      if (length == 0 || length > MAX_VERSIONS)
        return fault (import, _("a field has no versions or too many."));

      staged.name = g_string_chunk_insert_const (import->strings, name);
      staged.first = import->versions->len;
      staged.n = length;

      for (guint i = 0; i < length; i++)
        {
          /* A field unknown to this version of Liaison is kept as it is;
           * _deleted of a known type must be true or false. */
          if (!stage_version (import,
                              field != NULL || g_str_equal (name, LIAISON_SYNC_DELETED) ? record.type : NULL,
                              field, uuid, json_array_get_element (array, i)))
            return FALSE;
        }

      g_array_append_val (import->fields, staged);
      record.n++;
    }

  g_array_append_val (import->records, record);
  return TRUE;
}

/* The records are read one at a time: each element of an array that has
 * the shape of a record (an object with a type, a uuid and fields) is
 * checked and staged as soon as the parser has it, then emptied out of the
 * tree, so that the whole tree never sits in memory. That all of them came
 * from the records array is checked afterwards: it must hold as many
 * emptied elements as were staged, and nothing else. (A handler for every
 * start and end of an object, to know the depth, cost more than the rest
 * of the parse.) */
static void
on_array_element (JsonParser *parser,
                  JsonArray  *array,
                  int         index,
                  Import     *import)
{
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  if (!json_object_has_member (object, "fields") ||
      !json_object_has_member (object, "uuid") ||
      !json_object_has_member (object, "type"))
    return;

  import->n_emptied++;
  if (import->error == NULL)
    stage_record (import, object);

  /* Leaves a null in the array, and frees the record's tree */
  json_node_init_null (node);
}

/* A record keeps its type: a file (a damaged one, say) that gives a uuid
 * another type than it has here would otherwise be kept as a record of a
 * newer Liaison, and this desktop's own file would then hold that uuid
 * twice, which no desktop would read. */
static gboolean
check_types (Import  *import,
             GError **error)
{
  sqlite3_stmt *stmt = prepare (import->database, "SELECT record_type FROM sync_record WHERE uuid = ?1", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < import->records->len; i++)
    {
      StagedRecord *record = &g_array_index (import->records, StagedRecord, i);
      gboolean other = FALSE;

      sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        other = !g_str_equal ((const char *) sqlite3_column_text (stmt, 0), record->type_name);
      sqlite3_reset (stmt);

      if (other)
        {
          fault (import, _("the record %s has another type here."), record->uuid);
          g_propagate_error (error, g_steal_pointer (&import->error));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_links (Import  *import,
             GError **error)
{
  for (guint i = 0; i < import->links->len; i++)
    {
      StagedLink *link = &g_array_index (import->links, StagedLink, i);
      const char *type_name = g_hash_table_lookup (import->uuids, link->uuid);
      g_autoptr(LiaisonRecord) stored = NULL;

      if (type_name != NULL)
        {
          if (link->link_type == NULL || g_str_equal (type_name, link->link_type))
            continue;
        }
      else
        {
          guint n_types;
          const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

          for (guint t = 0; t < n_types && stored == NULL; t++)
            {
              if (link->link_type != NULL ? g_str_equal (types[t]->name, link->link_type)
                                          : types[t]->parent_field == NULL)
                stored = liaison_database_get (import->database, types[t], link->uuid, NULL);
            }

          if (stored != NULL)
            continue;
        }

      fault (import, _("the field “%s” refers to a record that is neither in the file nor here."), link->field);
      g_propagate_error (error, g_steal_pointer (&import->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse (Import  *import,
       GBytes  *bytes,
       GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *member;
  gint64 version;

  g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element), import);

  if (g_bytes_get_size (bytes) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_JSON,
                   /* Translators: a file, then the parser's reason */
                   _("“%s” is not a complete sync file: %s"), import->name,
                   local_error != NULL ? local_error->message : _("the file is empty."));
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(member = json_object_get_member ((object = json_node_get_object (root)), "format")) ||
      !is_string_node (member) || !g_str_equal (json_node_get_string (member), FORMAT_NAME))
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_SYNC_FILE,
                   _("“%s” is not a Liaison sync file."), import->name);
      return FALSE;
    }

  member = json_object_get_member (object, "format_version");
  if (member == NULL || !is_integer_node (member) || json_node_get_int (member) < 1)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_SYNC_FILE,
                   _("“%s” does not say which version of the sync format it has."), import->name);
      return FALSE;
    }

  version = json_node_get_int (member);
  if (version > LIAISON_SYNC_FORMAT_VERSION)
    {
      JsonNode *exporter = json_object_get_member (object, "exporter");
      const char *app_version = NULL;

      if (exporter != NULL && JSON_NODE_HOLDS_OBJECT (exporter) &&
          (member = json_object_get_member (json_node_get_object (exporter), "app_version")) != NULL &&
          is_string_node (member) && g_utf8_validate (json_node_get_string (member), -1, NULL) &&
          strlen (json_node_get_string (member)) < 32)
        app_version = json_node_get_string (member);

      if (app_version != NULL)
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NEWER_VERSION,
                     /* Translators: a file, the format's version, then Liaison's version, e.g. 0.3.0 */
                     _("“%s” was written in version %d of the sync format, which this Liaison cannot read. Liaison %s or newer is needed."),
                     import->name, (int) MIN (version, G_MAXINT), app_version);
      else
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NEWER_VERSION,
                     /* Translators: a file, then the format's version */
                     _("“%s” was written in version %d of the sync format, which this Liaison cannot read. A newer Liaison is needed."),
                     import->name, (int) MIN (version, G_MAXINT));
      return FALSE;
    }

  if (import->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&import->error));
      return FALSE;
    }

  {
    JsonNode *exporter = json_object_get_member (object, "exporter");
    JsonNode *seen = json_object_get_member (object, "seen");
    JsonNode *records = json_object_get_member (object, "records");
    JsonNode *exported_at = json_object_get_member (object, "exported_at");
    JsonObject *exporter_object;

    if (json_object_get_size (object) != 6 ||
        exporter == NULL || !JSON_NODE_HOLDS_OBJECT (exporter) ||
        seen == NULL || !JSON_NODE_HOLDS_OBJECT (seen) ||
        records == NULL || !JSON_NODE_HOLDS_ARRAY (records) ||
        exported_at == NULL || !is_string_node (exported_at))
      {
        fault (import, _("it lacks one of exporter, exported_at, seen and records, or has more."));
        g_propagate_error (error, g_steal_pointer (&import->error));
        return FALSE;
      }

    /* Every record came from the records array, and it held nothing else */
    {
      JsonArray *array = json_node_get_array (records);
      guint length = json_array_get_length (array);

      if (length != import->n_emptied)
        {
          fault (import, _("a record is not an object, or is not in the list of records."));
          g_propagate_error (error, g_steal_pointer (&import->error));
          return FALSE;
        }

      for (guint i = 0; i < length; i++)
        {
          if (!JSON_NODE_HOLDS_NULL (json_array_get_element (array, i)))
            {
              fault (import, _("a record is not an object, or is not in the list of records."));
              g_propagate_error (error, g_steal_pointer (&import->error));
              return FALSE;
            }
        }
    }

    exporter_object = json_node_get_object (exporter);
    if (!(member = json_object_get_member (exporter_object, "site")) || !is_string_node (member) ||
        !is_site (json_node_get_string (member)) ||
        !(member = json_object_get_member (exporter_object, "name")) || !is_string_node (member) ||
        !g_utf8_validate (json_node_get_string (member), -1, NULL) ||
        g_utf8_strlen (json_node_get_string (member), -1) > 100)
      {
        fault (import, _("the desktop that wrote it is not named properly."));
        g_propagate_error (error, g_steal_pointer (&import->error));
        return FALSE;
      }

    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (json_node_get_string (exported_at), NULL);
      g_autoptr(GList) sites = json_object_get_members (json_node_get_object (seen));

      if (time == NULL)
        {
          fault (import, _("the time it was written is not valid."));
          g_propagate_error (error, g_steal_pointer (&import->error));
          return FALSE;
        }

      for (GList *l = sites; l != NULL; l = l->next)
        {
          JsonNode *seq = json_object_get_member (json_node_get_object (seen), l->data);

          if (!is_site (l->data) || !is_integer_node (seq) ||
              json_node_get_int (seq) < 0 || json_node_get_int (seq) > MAX_SAFE_INTEGER)
            {
              fault (import, _("the list of desktops it has seen is not valid."));
              g_propagate_error (error, g_steal_pointer (&import->error));
              return FALSE;
            }
        }
    }
  }

  if (!check_links (import, error) || !check_types (import, error))
    return FALSE;

  import->header = json_object_ref (object);
  return TRUE;
}

/* Merging one field: the union of both sides, one version per (site, seq),
 * without the versions that another version had seen. The result does not
 * depend on the order anything arrived in. */

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const Version *x = a;
  const Version *y = b;
  int order;

  if ((order = strcmp (x->site, y->site)) != 0)
    return order;
  if (x->seq != y->seq)
    return x->seq < y->seq ? -1 : 1;
  if ((order = strcmp (x->hlc, y->hlc)) != 0)
    return order;
  if ((order = strcmp (x->value, y->value)) != 0)
    return order;
  return strcmp (x->vv, y->vv);
}

static void
normalize (GArray *versions)
{
  g_autoptr(GPtrArray) vectors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) keep = NULL;

  g_array_sort (versions, compare_versions);

  for (guint i = 1; i < versions->len; )
    {
      Version *previous = &g_array_index (versions, Version, i - 1);
      Version *version = &g_array_index (versions, Version, i);

      if (g_str_equal (previous->site, version->site) && previous->seq == version->seq)
        g_array_remove_index (versions, i);
      else
        i++;
    }

  if (versions->len < 2)
    return;

  for (guint i = 0; i < versions->len; i++)
    g_ptr_array_add (vectors, vector_parse (g_array_index (versions, Version, i).vv));

  keep = g_array_new (FALSE, FALSE, sizeof (Version));
  for (guint i = 0; i < versions->len; i++)
    {
      gboolean dominated = FALSE;

      for (guint j = 0; j < versions->len && !dominated; j++)
        {
          if (i != j && vector_covered (g_ptr_array_index (vectors, i), g_ptr_array_index (vectors, j)) &&
              !vector_covered (g_ptr_array_index (vectors, j), g_ptr_array_index (vectors, i)))
            dominated = TRUE;
        }

      if (!dominated)
        g_array_append_val (keep, g_array_index (versions, Version, i));
    }

  g_array_set_size (versions, 0);
  g_array_append_vals (versions, keep->data, keep->len);
}

/* Whether versions that survive together hold different values: two
 * desktops that registered the same person, both as "registered", made
 * two versions, but nothing to choose between. */
static gboolean
disagree (GArray *versions)
{
  for (guint i = 1; i < versions->len; i++)
    {
      if (!g_str_equal (g_array_index (versions, Version, i).value, g_array_index (versions, Version, 0).value))
        return TRUE;
    }

  return FALSE;
}

/* The version shown: the greatest (hlc, site) */
static const Version *
shown_version (const Version *versions,
               guint          n)
{
  const Version *shown = NULL;

  for (guint i = 0; i < n; i++)
    {
      const Version *version = &versions[i];
      int order;

      if (shown == NULL ||
          (order = strcmp (version->hlc, shown->hlc)) > 0 ||
          (order == 0 && strcmp (version->site, shown->site) > 0))
        shown = version;
    }

  return shown;
}

static gboolean
same_version (const Version *a,
              const Version *b)
{
  return compare_versions (a, b) == 0;
}

/* The stored versions of one record, by field */
typedef struct
{
  char   *field;
  GArray *versions;   /* of Version, strings in Import's scratch chunk */
} FieldVersions;

static void
field_versions_clear (gpointer data)
{
  FieldVersions *entry = data;

  g_free (entry->field);
  g_array_unref (entry->versions);
}

static FieldVersions *
find_field (GArray     *fields,
            const char *name)
{
  for (guint i = 0; i < fields->len; i++)
    {
      FieldVersions *entry = &g_array_index (fields, FieldVersions, i);

      if (g_str_equal (entry->field, name))
        return entry;
    }

  return NULL;
}

static gboolean
load_record_versions (LiaisonDatabase  *database,
                      const char       *type_name,
                      const char       *uuid,
                      GStringChunk     *strings,
                      GArray           *fields,
                      GError          **error)
{
  sqlite3_stmt *stmt = prepare (database,
                                "SELECT field, site, seq, hlc, value, vv FROM sync_version "
                                "WHERE record_type = ?1 AND uuid = ?2 ORDER BY field, site, seq", error);
  int status;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, type_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 0);
      FieldVersions *entry = fields->len > 0 ? &g_array_index (fields, FieldVersions, fields->len - 1) : NULL;
      Version version;

      if (entry == NULL || !g_str_equal (entry->field, field))
        {
          FieldVersions added = { g_strdup (field), g_array_new (FALSE, FALSE, sizeof (Version)) };

          g_array_append_val (fields, added);
          entry = &g_array_index (fields, FieldVersions, fields->len - 1);
        }

      version.site = g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (stmt, 1));
      version.seq = sqlite3_column_int64 (stmt, 2);
      version.hlc = g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (stmt, 3));
      version.value = g_string_chunk_insert (strings, (const char *) sqlite3_column_text (stmt, 4));
      version.vv = g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (stmt, 5));
      g_array_append_val (entry->versions, version);
    }
  sqlite3_reset (stmt);

  if (status != SQLITE_DONE)
    return db_error (database, error);

  return TRUE;
}

/* Whether a record is hidden: its shown _deleted is true and that delete
 * had seen every version of every other field. @flagged is set when a
 * delete lost to an edit it had not seen. */
static gboolean
record_deleted (GArray   *fields,
                gboolean *flagged)
{
  FieldVersions *deleted = find_field (fields, LIAISON_SYNC_DELETED);
  const Version *shown;
  g_autoptr(GArray) delete_vector = NULL;

  *flagged = FALSE;

  if (deleted == NULL || deleted->versions->len == 0)
    return FALSE;

  shown = shown_version ((Version *) deleted->versions->data, deleted->versions->len);
  if (!g_str_equal (shown->value, "true"))
    return FALSE;

  delete_vector = vector_parse (shown->vv);
  for (guint i = 0; i < fields->len; i++)
    {
      FieldVersions *entry = &g_array_index (fields, FieldVersions, i);

      if (entry == deleted)
        continue;

      for (guint j = 0; j < entry->versions->len; j++)
        {
          Version *version = &g_array_index (entry->versions, Version, j);

          if (vector_get (delete_vector, version->site) < version->seq)
            {
              *flagged = TRUE;
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Writes the record's row from its versions, and the flag of a delete
 * that lost to an edit. */
static gboolean
apply_record (LiaisonDatabase          *database,
              const LiaisonRecordType  *type,
              const char               *uuid,
              GArray                   *fields,
              LiaisonMergeOutcome      *outcome,
              GError                  **error)
{
  g_autoptr(LiaisonRecord) record = liaison_record_new (type);
  g_autoptr(GError) local_error = NULL;
  gboolean flagged;
  gboolean deleted;
  FieldVersions *deleted_versions;

  liaison_record_set_identity (record, uuid, 0, 0, 0);

  for (guint i = 0; i < fields->len; i++)
    {
      FieldVersions *entry = &g_array_index (fields, FieldVersions, i);
      const LiaisonField *field = liaison_record_type_find_field (type, entry->field);
      const Version *shown;

      if (field == NULL || entry->versions->len == 0)
        continue;

      shown = shown_version ((Version *) entry->versions->data, entry->versions->len);
      set_from_json (record, field, shown->value);
    }

  /* A seminar's start in UTC follows from the merged wall time and zone;
   * if the two no longer make a time, the row keeps what it had. */
  if (!liaison_records_derive (record, &local_error) && type == &liaison_seminar_type)
    {
      g_autoptr(LiaisonRecord) stored = liaison_database_get (database, type, uuid, NULL);

      if (stored != NULL)
        liaison_record_set_integer (record, "start_utc", liaison_record_get_integer (stored, "start_utc"));
    }

  deleted = record_deleted (fields, &flagged);
  deleted_versions = find_field (fields, LIAISON_SYNC_DELETED);

  if (!set_conflict (database, type->name, uuid, LIAISON_SYNC_DELETED,
                     flagged || (deleted_versions != NULL && disagree (deleted_versions->versions)),
                     NULL, error))
    return FALSE;

  {
    g_autoptr(GError) apply_error = NULL;

    if (!liaison_database_apply_merged (database, record, deleted, outcome, &apply_error))
      {
        g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED, apply_error->message);
        return FALSE;
      }
  }

  return TRUE;
}

static gboolean
merge_record (Import              *import,
              const StagedRecord  *record,
              GStringChunk        *strings,
              LiaisonSyncSummary  *summary,
              GError             **error)
{
  LiaisonDatabase *database = import->database;
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (FieldVersions));
  gboolean changed = FALSE;
  LiaisonMergeOutcome outcome = LIAISON_MERGE_UNCHANGED;
  gboolean existed;

  g_array_set_clear_func (fields, field_versions_clear);

  if (!load_record_versions (database, record->type_name, record->uuid, strings, fields, error))
    return FALSE;
  existed = fields->len > 0;

  for (guint f = 0; f < record->n; f++)
    {
      const StagedField *staged = &g_array_index (import->fields, StagedField, record->first + f);
      const Version *incoming = &g_array_index (import->versions, Version, staged->first);
      FieldVersions *entry = find_field (fields, staged->name);
      g_autoptr(GArray) merged = NULL;
      gboolean known = entry != NULL;
      gboolean added;

      /* The common case, a file that brings nothing new: every incoming
       * version is already here. */
      if (entry != NULL)
        {
          guint found = 0;

          for (guint i = 0; i < staged->n; i++)
            {
              for (guint j = 0; j < entry->versions->len; j++)
                {
                  if (same_version (&incoming[i], &g_array_index (entry->versions, Version, j)))
                    {
                      found++;
                      break;
                    }
                }
            }

          if (found == staged->n)
            continue;
        }

      merged = g_array_new (FALSE, FALSE, sizeof (Version));
      if (entry != NULL)
        g_array_append_vals (merged, entry->versions->data, entry->versions->len);
      g_array_append_vals (merged, incoming, staged->n);
      normalize (merged);

      if (entry != NULL && merged->len == entry->versions->len)
        {
          gboolean same = TRUE;

          for (guint i = 0; i < merged->len && same; i++)
            same = same_version (&g_array_index (merged, Version, i), &g_array_index (entry->versions, Version, i));
          if (same)
            continue;
        }

      if (!delete_versions (database, record->type_name, record->uuid, staged->name, error))
        return FALSE;
      for (guint i = 0; i < merged->len; i++)
        {
          if (!write_version (database, record->type_name, record->uuid, staged->name,
                              &g_array_index (merged, Version, i), error))
            return FALSE;
        }

      if (!g_str_equal (staged->name, LIAISON_SYNC_DELETED))
        {
          if (!set_conflict (database, record->type_name, record->uuid, staged->name,
                             disagree (merged), &added, error))
            return FALSE;
          if (added)
            summary->conflicts++;
        }

      if (!known)
        {
          FieldVersions fresh = { g_strdup (staged->name), g_array_ref (merged) };

          g_array_append_val (fields, fresh);
        }
      else
        {
          g_array_unref (entry->versions);
          entry->versions = g_array_ref (merged);
        }

      changed = TRUE;
    }

  if (!changed)
    return TRUE;

  if (!existed && !note_record (database, record->type_name, record->uuid, error))
    return FALSE;

  if (record->type == NULL)
    {
      /* Kept for a newer Liaison, and passed on */
      if (!existed)
        summary->added++;
      return TRUE;
    }

  if (!apply_record (database, record->type, record->uuid, fields, &outcome, error))
    return FALSE;

  switch (outcome)
    {
    case LIAISON_MERGE_ADDED:
      summary->added++;
      break;
    case LIAISON_MERGE_CHANGED:
      summary->changed++;
      break;
    case LIAISON_MERGE_DELETED:
      summary->deleted++;
      break;
    case LIAISON_MERGE_ADDED_DELETED:
    case LIAISON_MERGE_UNCHANGED:
    default:
      break;
    }

  {
    FieldVersions *deleted = find_field (fields, LIAISON_SYNC_DELETED);
    gboolean flagged;

    record_deleted (fields, &flagged);
    if ((flagged || (deleted != NULL && disagree (deleted->versions))) && outcome != LIAISON_MERGE_UNCHANGED)
      summary->conflicts++;
  }

  return TRUE;
}

static int
type_order (const StagedRecord *record)
{
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      if (types[i] == record->type)
        return i;
    }

  return n_types;
}

static int
compare_staged (gconstpointer a,
                gconstpointer b)
{
  int x = type_order (a);
  int y = type_order (b);

  return x - y;
}

static gboolean
merge (Import              *import,
       JsonObject          *header,
       LiaisonSyncSummary  *summary,
       GError             **error)
{
  LiaisonDatabase *database = import->database;
  GStringChunk *strings = g_string_chunk_new (4096);
  gboolean ok = FALSE;

  /* People and organizations before what refers to them, so that an
   * application's place in the list follows its person's name. */
  g_array_sort (import->records, compare_staged);

  if (!liaison_database_transaction_begin (database, error))
    {
      g_string_chunk_free (strings);
      return FALSE;
    }

  if (!settle_site (database, error))
    goto out;

  /* Versions of this desktop's own that it no longer remembers (a copy of
   * an older file put back in place): its next edits must come after. */
  {
    LiaisonSync *self = get_sync (database);
    gint64 own_seq = 0;

    for (guint i = 0; i < import->versions->len; i++)
      {
        Version *version = &g_array_index (import->versions, Version, i);

        if (g_str_equal (version->site, self->site))
          own_seq = MAX (own_seq, version->seq);
      }

    if (own_seq > self->last_seq)
      {
        g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, own_seq);

        if (!meta_set (database, "last_seq", text, error))
          goto out;
        self->last_seq = own_seq;
      }
  }

  for (guint i = 0; i < import->records->len; i++)
    {
      if (!merge_record (import, &g_array_index (import->records, StagedRecord, i), strings, summary, error))
        goto out;
      g_string_chunk_clear (strings);
    }

  if (import->max_hlc[0] != '\0' && !observe_hlc (database, import->max_hlc, error))
    goto out;

  /* What the other desktop has seen, and who it is */
  {
    JsonObject *seen = json_object_get_object_member (header, "seen");
    JsonObject *exporter = json_object_get_object_member (header, "exporter");
    const char *site = json_object_get_string_member (exporter, "site");
    g_autoptr(GDateTime) exported = g_date_time_new_from_iso8601 (json_object_get_string_member (header, "exported_at"), NULL);
    g_autoptr(GList) sites = json_object_get_members (seen);
    sqlite3_stmt *stmt;

    for (GList *l = sites; l != NULL; l = l->next)
      {
        if (!(stmt = prepare (database,
                              "INSERT INTO sync_site (site, max_seq) VALUES (?1, ?2) "
                              "ON CONFLICT (site) DO UPDATE SET max_seq = max (max_seq, ?2)", error)))
          goto out;
        sqlite3_bind_text (stmt, 1, l->data, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 2, json_object_get_int_member (seen, l->data));
        if (!step_done (database, stmt, error))
          goto out;
      }

    if (!g_str_equal (site, get_sync (database)->site))
      {
        if (!(stmt = prepare (database,
                              "INSERT INTO sync_site (site, name, exported_at, imported_at) VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT (site) DO UPDATE SET name = ?2, exported_at = max (exported_at, ?3), imported_at = ?4",
                              error)))
          goto out;
        sqlite3_bind_text (stmt, 1, site, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, json_object_get_string_member (exporter, "name"), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (exported) * 1000);
        sqlite3_bind_int64 (stmt, 4, liaison_database_now (database));
        if (!step_done (database, stmt, error))
          goto out;
      }
  }

  {
    g_autoptr(GError) commit_error = NULL;

    if (!liaison_database_transaction_commit (database, &commit_error))
      {
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_FAILED,
                     _("“%s” cannot be imported: %s"), import->name, commit_error->message);
        g_string_chunk_free (strings);
        return FALSE;
      }
  }

  ok = TRUE;

out:
  if (!ok)
    liaison_database_transaction_rollback (database);
  g_string_chunk_free (strings);
  return ok;
}

static gboolean
import_bytes (LiaisonDatabase     *database,
              GBytes              *bytes,
              const char          *name,
              LiaisonSyncSummary  *summary,
              GError             **error)
{
  Import import = { 0 };
  LiaisonSyncSummary counts = { 0 };
  gboolean ok;

  import.database = database;
  import.name = name;
  import.strings = g_string_chunk_new (1 << 16);
  import.versions = g_array_new (FALSE, FALSE, sizeof (Version));
  import.fields = g_array_new (FALSE, FALSE, sizeof (StagedField));
  import.records = g_array_new (FALSE, FALSE, sizeof (StagedRecord));
  import.links = g_array_new (FALSE, FALSE, sizeof (StagedLink));
  import.uuids = g_hash_table_new (g_str_hash, g_str_equal);
  import.scratch = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  ok = parse (&import, bytes, error);

  if (ok)
    ok = merge (&import, import.header, &counts, error);

  import_clear (&import);

  if (ok && summary != NULL)
    {
      summary->added += counts.added;
      summary->changed += counts.changed;
      summary->deleted += counts.deleted;
      summary->conflicts += counts.conflicts;
      summary->files++;
    }

  return ok;
}

/**
 * liaison_sync_import_bytes:
 * @database: a database
 * @bytes: the contents of a sync file
 * @name: the file's name, for messages
 * @summary: (out caller-allocates) (optional): what the import changed,
 *   added to what it holds
 * @error: return location for a #GError
 *
 * Reads and checks the whole file, then merges it in one transaction. A
 * file that cannot be imported changes nothing.
 *
 * Returns: %TRUE if the file was imported
 */
gboolean
liaison_sync_import_bytes (LiaisonDatabase     *database,
                           GBytes              *bytes,
                           const char          *name,
                           LiaisonSyncSummary  *summary,
                           GError             **error)
{
  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_bytes (database, bytes, name != NULL ? name : "", summary, error);
}

gboolean
liaison_sync_import_file (LiaisonDatabase     *database,
                          const char          *path,
                          LiaisonSyncSummary  *summary,
                          GError             **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR) ||
      !(file = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_READ,
                   /* Translators: a file, then the reason */
                   _("The sync file “%s” cannot be read: %s"), display,
                   local_error != NULL ? local_error->message : _("it is a folder."));
      return FALSE;
    }

  bytes = g_mapped_file_get_bytes (file);
  return import_bytes (database, bytes, display, summary, error);
}

/* A sync folder: each desktop writes its own liaison-SITE.json there and
 * reads everyone else's. */

static gboolean
is_sync_file_name (const char *name)
{
  g_autofree char *site = NULL;

  if (!g_str_has_prefix (name, "liaison-") || !g_str_has_suffix (name, ".json") ||
      strlen (name) != strlen ("liaison-.json") + SITE_LENGTH)
    return FALSE;

  site = g_strndup (name + strlen ("liaison-"), SITE_LENGTH);
  return is_site (site);
}

/* The text of a sync file without the line of the time it was written */
static gboolean
same_but_time (const char *a,
               gsize       a_length,
               const char *b,
               gsize       b_length)
{
  const char *marker = "\n\"exported_at\":";
  const char *a_time = g_strstr_len (a, a_length, marker);
  const char *b_time = g_strstr_len (b, b_length, marker);
  const char *a_rest;
  const char *b_rest;

  if (a_time == NULL || b_time == NULL || a_time - a != b_time - b || memcmp (a, b, a_time - a) != 0)
    return FALSE;

  a_rest = memchr (a_time + 1, '\n', a_length - (a_time + 1 - a));
  b_rest = memchr (b_time + 1, '\n', b_length - (b_time + 1 - b));
  if (a_rest == NULL || b_rest == NULL)
    return FALSE;

  return a_length - (a_rest - a) == b_length - (b_rest - b) &&
         memcmp (a_rest, b_rest, a_length - (a_rest - a)) == 0;
}

/* Writes this desktop's file into a sync folder only when its content
 * changed: a file rewritten at every exchange would wake every other
 * desktop's folder monitor, which would rewrite theirs, and so on. */
static gboolean
write_if_changed (LiaisonDatabase  *database,
                  const char       *path,
                  GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(bytes = liaison_sync_export (database, error)))
    return FALSE;

  existing = g_mapped_file_new (path, FALSE, NULL);
  if (existing != NULL &&
      same_but_time (g_mapped_file_get_contents (existing), g_mapped_file_get_length (existing),
                     g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)))
    return TRUE;

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_WRITE,
                   _("The sync file “%s” could not be written: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * liaison_sync_with_folder:
 * @database: a database
 * @folder: a folder that several desktops share
 * @summary: (out caller-allocates) (optional): what the imports changed
 * @error: return location for a #GError
 *
 * Imports every other desktop's file in @folder that changed since this
 * process last read it for this database (each file on its own, all or
 * nothing), then writes this desktop's file there if its content changed. Files of other names
 * (temporary files, dot files…) are left alone.
 *
 * Returns: %TRUE if every file was read and this desktop's file written;
 *   %FALSE with the first problem otherwise, the rest done all the same
 */
gboolean
liaison_sync_with_folder (LiaisonDatabase     *database,
                          const char          *folder,
                          LiaisonSyncSummary  *summary,
                          GError             **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *own = NULL;
  g_autofree char *own_path = NULL;
  g_autofree char *display = NULL;
  const char *name;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  display = g_filename_display_name (folder);

  if (!(dir = g_dir_open (folder, 0, &local_error)))
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_READ,
                   /* Translators: a folder, then the reason */
                   _("The sync folder “%s” cannot be read: %s"), display, local_error->message);
      return FALSE;
    }

  own = liaison_sync_dup_file_name (database);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_sync_file_name (name) && !g_str_equal (name, own))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort_values (names, (GCompareFunc) strcmp);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *file_stamp = NULL;
      g_autofree char *key = NULL;
      g_autoptr(GError) file_error = NULL;
      gboolean unchanged;
      GStatBuf buf;

      if (g_stat (path, &buf) != 0 || !S_ISREG (buf.st_mode))
        continue;

      /* Nanoseconds too, and the change time: another program may
       * rewrite a file in place, at the same size, within a second. */
      file_stamp = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ".%09ld:%" G_GINT64_FORMAT ".%09ld:%" G_GINT64_FORMAT,
                                    (gint64) buf.st_size,
                                    (gint64) buf.st_mtim.tv_sec, (long) buf.st_mtim.tv_nsec,
                                    (gint64) buf.st_ctim.tv_sec, (long) buf.st_ctim.tv_nsec,
                                    (gint64) buf.st_ino);
      key = g_strconcat (liaison_sync_get_site (database), "\n", path, NULL);

      G_LOCK (folder_stamps);
      if (folder_stamps == NULL)
        folder_stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      unchanged = g_strcmp0 (g_hash_table_lookup (folder_stamps, key), file_stamp) == 0;
      G_UNLOCK (folder_stamps);

      if (unchanged)
        continue;

      if (liaison_sync_import_file (database, path, summary, &file_error))
        {
          G_LOCK (folder_stamps);
          g_hash_table_replace (folder_stamps, g_steal_pointer (&key), g_steal_pointer (&file_stamp));
          G_UNLOCK (folder_stamps);
        }
      else if (first_error == NULL)
        first_error = g_steal_pointer (&file_error);
    }

  own_path = g_build_filename (folder, own, NULL);
  if (!write_if_changed (database, own_path, first_error == NULL ? error : NULL) &&
      first_error == NULL)
    return FALSE;

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

/* Conflicts */

void
liaison_conflict_free (LiaisonConflict *conflict)
{
  g_free (conflict->uuid);
  g_free (conflict->field);
  g_clear_pointer (&conflict->versions, g_ptr_array_unref);
  g_free (conflict);
}

static void
conflict_version_free (LiaisonConflictVersion *version)
{
  g_free (version->value);
  g_free (version->site);
  g_free (version->site_name);
  g_free (version);
}

static char *
site_name (LiaisonDatabase *database,
           const char      *site)
{
  sqlite3_stmt *stmt = prepare (database, "SELECT name FROM sync_site WHERE site = ?1", NULL);
  char *name = NULL;

  if (g_strcmp0 (site, liaison_sync_get_site (database)) == 0)
    return liaison_sync_dup_name (database);

  if (stmt == NULL)
    return g_strdup ("");

  sqlite3_bind_text (stmt, 1, site, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return name != NULL ? name : g_strdup ("");
}

static LiaisonConflictVersion *
conflict_version_new (LiaisonDatabase *database,
                      const char      *value,
                      const char      *site,
                      const char      *hlc)
{
  LiaisonConflictVersion *version = g_new0 (LiaisonConflictVersion, 1);

  version->value = g_strdup (value);
  version->site = g_strdup (site);
  version->site_name = site_name (database, site);
  version->at = g_ascii_strtoll (hlc, NULL, 10);
  version->here = g_str_equal (site, liaison_sync_get_site (database));

  return version;
}

/* Newest first: the greatest (hlc, site), the version shown, first */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Version *x = a;
  const Version *y = b;
  int order;

  if ((order = strcmp (y->hlc, x->hlc)) != 0)
    return order;
  return strcmp (y->site, x->site);
}

/* The versions of a conflict, newest first. For a delete that lost to an
 * edit it had not seen, the edit is shown as a "keep" (false). */
static GPtrArray *
conflict_versions (LiaisonDatabase *database,
                   const char      *type_name,
                   const char      *uuid,
                   const char      *field)
{
  GPtrArray *versions = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_version_free);
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1024);
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (FieldVersions));
  FieldVersions *entry;

  g_array_set_clear_func (fields, field_versions_clear);

  if (!load_record_versions (database, type_name, uuid, strings, fields, NULL) ||
      !(entry = find_field (fields, field)))
    return versions;

  g_array_sort (entry->versions, compare_newest_first);
  for (guint i = 0; i < entry->versions->len; i++)
    {
      Version *version = &g_array_index (entry->versions, Version, i);

      g_ptr_array_add (versions, conflict_version_new (database, version->value, version->site, version->hlc));
    }

  if (g_str_equal (field, LIAISON_SYNC_DELETED) && entry->versions->len == 1)
    {
      const Version *delete = &g_array_index (entry->versions, Version, 0);
      g_autoptr(GArray) vector = vector_parse (delete->vv);
      const Version *edit = NULL;

      for (guint i = 0; i < fields->len; i++)
        {
          FieldVersions *other = &g_array_index (fields, FieldVersions, i);

          for (guint j = 0; other != entry && j < other->versions->len; j++)
            {
              Version *version = &g_array_index (other->versions, Version, j);

              if (vector_get (vector, version->site) < version->seq &&
                  (edit == NULL || strcmp (version->hlc, edit->hlc) > 0))
                edit = version;
            }
        }

      if (edit != NULL)
        g_ptr_array_insert (versions, compare_newest_first (edit, delete) < 0 ? 0 : -1,
                            conflict_version_new (database, "false", edit->site, edit->hlc));
    }

  return versions;
}

/**
 * liaison_sync_list_conflicts:
 * @database: a database
 *
 * Returns: (transfer full) (element-type LiaisonConflict): the fields that
 *   two desktops changed without seeing each other's change, of the
 *   records of types this Liaison knows
 */
GPtrArray *
liaison_sync_list_conflicts (LiaisonDatabase *database)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_conflict_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), conflicts);

  if (!(stmt = prepare (database, "SELECT record_type, uuid, field FROM sync_conflict ORDER BY record_type, uuid, field", NULL)))
    return conflicts;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i + 2 < keys->len; i += 3)
    {
      const LiaisonRecordType *type = liaison_record_type_find (g_ptr_array_index (keys, i));
      LiaisonConflict *conflict;

      if (type == NULL)
        continue;

      conflict = g_new0 (LiaisonConflict, 1);
      conflict->type = type;
      conflict->uuid = g_strdup (g_ptr_array_index (keys, i + 1));
      conflict->field = g_strdup (g_ptr_array_index (keys, i + 2));
      conflict->versions = conflict_versions (database, type->name, conflict->uuid, conflict->field);
      g_ptr_array_add (conflicts, conflict);
    }

  return conflicts;
}

guint
liaison_sync_count_conflicts (LiaisonDatabase *database)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), 0);

  if (!(stmt = prepare (database, "SELECT count(*) FROM sync_conflict", NULL)))
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/**
 * liaison_sync_has_conflict:
 * @database: a database
 * @uuid: a record's uuid
 *
 * Returns: whether a field of the record is in conflict, or its delete
 */
gboolean
liaison_sync_has_conflict (LiaisonDatabase *database,
                           const char      *uuid)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);

  if (uuid == NULL || !(stmt = prepare (database, "SELECT 1 FROM sync_conflict WHERE uuid = ?1 LIMIT 1", NULL)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/**
 * liaison_sync_resolve:
 * @database: a database
 * @conflict: a conflict of liaison_sync_list_conflicts()
 * @value: the value chosen, as JSON: one of the versions' values
 * @error: return location for a #GError
 *
 * Resolves the conflict here with @value: a new version that has seen
 * every version in conflict, so that the resolution wins on every desktop.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_sync_resolve (LiaisonDatabase  *database,
                      LiaisonConflict  *conflict,
                      const char       *value,
                      GError          **error)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1024);
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (FieldVersions));
  g_autoptr(GError) local_error = NULL;
  LiaisonMergeOutcome outcome = LIAISON_MERGE_UNCHANGED;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  g_array_set_clear_func (fields, field_versions_clear);

  if (!liaison_database_transaction_begin (database, error))
    return FALSE;

  if (!write_local (database, conflict->type->name, conflict->uuid, conflict->field, value, &local_error) ||
      !load_record_versions (database, conflict->type->name, conflict->uuid, strings, fields, &local_error) ||
      !apply_record (database, conflict->type, conflict->uuid, fields, &outcome, &local_error) ||
      !liaison_database_transaction_commit (database, &local_error))
    {
      liaison_database_transaction_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Keeping the value shown changes no column, but the record is no
   * longer in conflict: its views mark it no more. */
  if (outcome == LIAISON_MERGE_UNCHANGED)
    liaison_database_notify_changed (database, conflict->type->name, conflict->uuid, LIAISON_CHANGE_UPDATE);

  return TRUE;
}

/**
 * liaison_sync_resolve_text:
 * @database: a database
 * @conflict: a conflict of a field (not of a delete)
 * @text: a new value, as typed
 * @error: return location for a #GError
 *
 * Resolves the conflict with a value typed anew, checked as the field's
 * own form would check it.
 *
 * Returns: %TRUE on success
 */
gboolean
liaison_sync_resolve_text (LiaisonDatabase  *database,
                           LiaisonConflict  *conflict,
                           const char       *text,
                           GError          **error)
{
  const LiaisonField *field;
  g_autoptr(LiaisonRecord) scratch = NULL;
  g_autofree char *value = NULL;
  int position;

  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  field = liaison_record_type_find_field (conflict->type, conflict->field);
  g_return_val_if_fail (field != NULL, FALSE);

  position = liaison_record_type_field_index (conflict->type, conflict->field);
  scratch = liaison_record_new (conflict->type);

  if (field->kind == LIAISON_FIELD_INTEGER)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      gint64 number = 0;

      if (stripped[0] != '\0' &&
          !g_ascii_string_to_signed (stripped, 10, field->minimum, field->maximum, &number, NULL))
        {
          g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_INVALID,
                       /* Translators: %s is the name of a field */
                       _("%s must be a whole number in its range."), liaison_field_get_label (field));
          return FALSE;
        }
      liaison_record_set_integer (scratch, field->name, number);
    }
  else if (field->kind == LIAISON_FIELD_BOOLEAN)
    liaison_record_set_boolean (scratch, field->name, g_str_equal (text, "true"));
  else
    liaison_record_set_text (scratch, field->name, text[0] != '\0' ? text : NULL);

  if (!liaison_record_validate_field (scratch, field->name, error))
    return FALSE;

  value = value_to_json (scratch, position);
  return liaison_sync_resolve (database, conflict, value, error);
}

/**
 * liaison_sync_value_to_display:
 * @conflict: a conflict
 * @value: one of its versions' values
 *
 * Returns: (transfer full): the value as a person reads it: the label of
 *   a choice, "Yes"/"No", or the text itself
 */
char *
liaison_sync_value_to_display (const LiaisonConflict *conflict,
                               const char            *value)
{
  const LiaisonField *field = liaison_record_type_find_field (conflict->type, conflict->field);

  if (g_str_equal (conflict->field, LIAISON_SYNC_DELETED))
    return g_strdup (g_str_equal (value, "true") ? _("Deleted") : _("Kept, with changes"));

  if (g_str_equal (value, "null"))
    return g_strdup (_("(empty)"));

  if (g_str_equal (value, "true"))
    return g_strdup (_("Yes"));

  if (g_str_equal (value, "false"))
    return g_strdup (_("No"));

  if (value[0] == '"')
    {
      g_autofree char *text = read_json_string (value);

      if (field != NULL && field->kind == LIAISON_FIELD_CHOICE)
        return g_strdup (liaison_field_choice_label (field, text));

      return g_steal_pointer (&text);
    }

  return g_strdup (value);
}

/* Desktops */

void
liaison_sync_site_free (LiaisonSyncSite *site)
{
  g_free (site->site);
  g_free (site->name);
  g_free (site);
}

/**
 * liaison_sync_list_sites:
 * @database: a database
 *
 * Returns: (transfer full) (element-type LiaisonSyncSite): this desktop,
 *   then the others it has read files of, most recently read first
 */
GPtrArray *
liaison_sync_list_sites (LiaisonDatabase *database)
{
  GPtrArray *sites = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_sync_site_free);
  LiaisonSyncSite *here = g_new0 (LiaisonSyncSite, 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), sites);

  here->site = g_strdup (liaison_sync_get_site (database));
  here->name = liaison_sync_dup_name (database);
  here->here = TRUE;
  g_ptr_array_add (sites, here);

  if (!(stmt = prepare (database,
                        "SELECT site, name, exported_at, imported_at FROM sync_site "
                        "WHERE imported_at > 0 AND site != ?1 ORDER BY imported_at DESC, site", NULL)))
    return sites;

  sqlite3_bind_text (stmt, 1, here->site, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LiaisonSyncSite *site = g_new0 (LiaisonSyncSite, 1);

      site->site = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      site->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      site->exported_at = sqlite3_column_int64 (stmt, 2);
      site->imported_at = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (sites, site);
    }
  sqlite3_reset (stmt);

  return sites;
}

/**
 * liaison_sync_recheck_deleted:
 * @database: a database in a transaction
 * @type: a record's type
 * @uuid: the record's uuid
 * @deleted: (out): whether the record stays hidden
 * @error: return location for a #GError
 *
 * After an edit of a record that is deleted (another desktop's delete
 * arrived while it was open, say): a delete that had not seen the edit no
 * longer hides the record, which is flagged instead, as on every desktop
 * that merges the two.
 */
gboolean
liaison_sync_recheck_deleted (LiaisonDatabase          *database,
                              const LiaisonRecordType  *type,
                              const char               *uuid,
                              gboolean                 *deleted,
                              GError                  **error)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1024);
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (FieldVersions));
  FieldVersions *deleted_versions;
  gboolean flagged;

  g_array_set_clear_func (fields, field_versions_clear);

  if (!load_record_versions (database, type->name, uuid, strings, fields, error))
    return FALSE;

  *deleted = record_deleted (fields, &flagged);
  deleted_versions = find_field (fields, LIAISON_SYNC_DELETED);

  return set_conflict (database, type->name, uuid, LIAISON_SYNC_DELETED,
                       flagged || (deleted_versions != NULL && disagree (deleted_versions->versions)),
                       NULL, error);
}
