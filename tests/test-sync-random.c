/* test-sync-random.c
 *
 * Random histories of three to five desktops with skewed clocks: records
 * of every type created, edited, deleted and restored, files exported and
 * imported in random order, some twice. After a final exchange every
 * desktop must hold the same records (convergence), importing again must
 * change nothing (idempotence), the order of imports and relaying must not
 * matter, and a model of what each desktop had seen says exactly which
 * values survive: every edit that no later edit had seen (no lost update),
 * and nothing else (real conflicts only). A record is hidden only if its
 * delete had seen every edit to it.
 *
 * A failure prints the seed of its history; rerun just that one with
 * LIAISON_SYNC_SEED=N LIAISON_SYNC_HISTORIES=1. The default run is short;
 * `-m slow` or LIAISON_SYNC_HISTORIES=N makes it longer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-database-private.h"
#include "liaison-records.h"
#include "liaison-sync-private.h"

#define MAX_EVENTS 1024
#define MAX_SITES 5

typedef struct
{
  guint8 bits[MAX_EVENTS / 8];
} Known;

static void
known_add (Known *known,
           guint  event)
{
  known->bits[event / 8] |= 1 << (event % 8);
}

static gboolean
known_has (const Known *known,
           guint        event)
{
  return (known->bits[event / 8] & (1 << (event % 8))) != 0;
}

static void
known_join (Known       *known,
            const Known *other)
{
  for (guint i = 0; i < sizeof known->bits; i++)
    known->bits[i] |= other->bits[i];
}

typedef struct
{
  guint  record;   /* in History.records */
  char  *field;    /* or _deleted */
  char  *value;    /* canonical JSON */
  Known  known;    /* what its desktop had seen when it was made */
} Event;

typedef struct
{
  const LiaisonRecordType *type;
  char                    *uuid;
} ModelRecord;

typedef struct
{
  GBytes *bytes;
  Known   known;
  guint   site;
} File;

typedef struct
{
  LiaisonDatabase *database;
  gint64           now;
  gint64           skew;
  Known            known;
} Site;

typedef struct
{
  guint32    seed;
  GRand     *rand;
  guint      n_sites;
  Site       sites[MAX_SITES];
  GArray    *events;    /* of Event */
  GArray    *records;   /* of ModelRecord */
  GPtrArray *files;     /* of File */
  guint      created[16];
} History;

static guint32 current_seed;

#define check(expr) G_STMT_START {                                          \
    if (!(expr))                                                            \
      {                                                                     \
        g_printerr ("\nHistory with seed %u failed: %s (line %d). Rerun "   \
                    "with LIAISON_SYNC_SEED=%u LIAISON_SYNC_HISTORIES=1\n", \
                    current_seed, #expr, __LINE__, current_seed);           \
        g_assert_not_reached ();                                            \
      }                                                                     \
  } G_STMT_END

static gint64
site_clock (gpointer data)
{
  Site *site = data;

  site->now += 1 + (site->now % 7);
  return site->now + site->skew;
}

static void
file_free (gpointer data)
{
  File *file = data;

  g_bytes_unref (file->bytes);
  g_free (file);
}

static void
event_clear (gpointer data)
{
  Event *event = data;

  g_free (event->field);
  g_free (event->value);
}

static void
model_record_clear (gpointer data)
{
  ModelRecord *record = data;

  g_free (record->uuid);
}

static char *
json_text (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return json_to_string (node, FALSE);
}

static guint
add_event (History    *history,
           guint       site,
           guint       record,
           const char *field,
           char       *value)
{
  Event event = { record, g_strdup (field), value, history->sites[site].known };
  guint id = history->events->len;

  check (id < MAX_EVENTS);
  g_array_append_val (history->events, event);
  known_add (&history->sites[site].known, id);
  return id;
}

/* Text fields a random edit may change */
static GPtrArray *
text_fields (const LiaisonRecordType *type)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < type->n_fields; i++)
    {
      const LiaisonField *field = &type->fields[i];

      if ((field->kind == LIAISON_FIELD_TEXT || field->kind == LIAISON_FIELD_LONG_TEXT) &&
          (field->flags & LIAISON_FIELD_DERIVED) == 0)
        g_ptr_array_add (fields, (gpointer) field);
    }

  return fields;
}

/* A record this desktop has, of @type (or of any type that stands alone) */
static const char *
pick_existing (History                 *history,
               guint                    site,
               const char              *type_name)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  for (guint i = 0; i < history->records->len; i++)
    {
      ModelRecord *record = &g_array_index (history->records, ModelRecord, i);
      g_autoptr(LiaisonRecord) stored = NULL;

      if (type_name != NULL ? !g_str_equal (record->type->name, type_name) : record->type->parent_field != NULL)
        continue;

      stored = liaison_database_get (history->sites[site].database, record->type, record->uuid, NULL);
      if (stored != NULL)
        g_ptr_array_add (candidates, record->uuid);
    }

  if (candidates->len == 0)
    return NULL;

  return g_ptr_array_index (candidates, g_rand_int_range (history->rand, 0, candidates->len));
}

static char *
random_uuid (GRand *rand)
{
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%08x%04x",
                          g_rand_int (rand), g_rand_int (rand) & 0xffff, g_rand_int (rand) & 0xfff,
                          0x8000 | (g_rand_int (rand) & 0x3fff), g_rand_int (rand), g_rand_int (rand) & 0xffff);
}

static gboolean
fill_required (History                 *history,
               guint                    site,
               LiaisonRecord           *record,
               guint                    next_event)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const LiaisonField *field = &type->fields[i];
      g_autofree char *text = NULL;

      if ((field->flags & LIAISON_FIELD_DERIVED) != 0)
        continue;

      switch (field->kind)
        {
        case LIAISON_FIELD_TEXT:
        case LIAISON_FIELD_LONG_TEXT:
          text = g_strdup_printf ("c%u-%s", next_event, field->name);
          break;
        case LIAISON_FIELD_CHOICE:
          if ((field->flags & LIAISON_FIELD_REQUIRED) != 0)
            text = g_strdup (field->choices[0].value);
          break;
        case LIAISON_FIELD_DATE:
          if ((field->flags & LIAISON_FIELD_REQUIRED) != 0)
            text = g_strdup ("2026-05-01");
          break;
        case LIAISON_FIELD_INTEGER:
          if ((field->flags & LIAISON_FIELD_REQUIRED) != 0)
            liaison_record_set_integer (record, field->name,
                                        field->minimum <= 2026 && 2026 <= field->maximum ? 2026 : MAX (field->minimum, 1));
          break;
        case LIAISON_FIELD_LINK:
          if ((field->flags & LIAISON_FIELD_REQUIRED) != 0 || g_rand_boolean (history->rand))
            {
              const char *target = pick_existing (history, site, field->link_type);

              if (target == NULL && (field->flags & LIAISON_FIELD_REQUIRED) != 0)
                return FALSE;
              text = g_strdup (target);
            }
          break;
        case LIAISON_FIELD_COUNTRY:
          text = g_strdup ("US");
          break;
        case LIAISON_FIELD_SUBDIVISION:
          text = g_strdup ("US-NY");
          break;
        case LIAISON_FIELD_PREFECTURE:
          text = g_strdup ("13");
          break;
        case LIAISON_FIELD_LANGUAGE:
          text = g_strdup ("ja");
          break;
        case LIAISON_FIELD_TIME_ZONE:
          text = g_strdup ("America/New_York");
          break;
        case LIAISON_FIELD_LOCAL_TIME:
          text = g_strdup ("2026-11-27T19:00");
          break;
        case LIAISON_FIELD_EMAILS:
          text = g_strdup_printf ("c%u@example.org", next_event);
          break;
        case LIAISON_FIELD_PHONES:
          text = g_strdup ("+1 212 555 0100");
          break;
        case LIAISON_FIELD_URL:
          text = g_strdup ("https://example.org/");
          break;
        case LIAISON_FIELD_TAGS:
          text = g_strdup ("tag");
          break;
        case LIAISON_FIELD_BOOLEAN:
          liaison_record_set_boolean (record, field->name, g_rand_boolean (history->rand));
          break;
        default:
          break;
        }

      if (text != NULL)
        liaison_record_set_text (record, field->name, text);
    }

  return TRUE;
}

/* The fields a save wrote become events of the model. */
static void
note_saved (History       *history,
            guint          site,
            guint          model_record,
            LiaisonRecord *record,
            LiaisonRecord *before)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);
  g_autoptr(LiaisonRecord) empty = liaison_record_new (type);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < type->n_fields; i++)
    {
      if ((type->fields[i].flags & LIAISON_FIELD_DERIVED) != 0)
        continue;
      if (!liaison_record_equal_value (record, before != NULL ? before : empty, i))
        g_array_append_val (changed, i);
    }

  for (guint i = 0; i < changed->len; i++)
    {
      guint position = g_array_index (changed, guint, i);
      const GValue *value = liaison_record_get_value (record, position);
      char *json;

      if (G_VALUE_HOLDS_INT64 (value))
        json = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
      else if (G_VALUE_HOLDS_BOOLEAN (value))
        json = g_strdup (g_value_get_boolean (value) ? "true" : "false");
      else if (g_value_get_string (value) == NULL || g_value_get_string (value)[0] == '\0')
        json = g_strdup ("null");
      else
        json = json_text (g_value_get_string (value));

      add_event (history, site, model_record, type->fields[position].name, json);
    }
}

static void
op_create (History                 *history,
           guint                    site,
           const LiaisonRecordType *type)
{
  g_autoptr(LiaisonRecord) record = liaison_record_new (type);
  g_autoptr(LiaisonRecord) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = random_uuid (history->rand);
  g_autofree char *natural = NULL;
  guint index = G_MAXUINT;
  guint type_index = 0;
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

  liaison_record_set_identity (record, uuid, 0, 0, 0);
  if (!fill_required (history, site, record, history->events->len))
    return;

  /* A link made again (here, or on another desktop) is the same record. */
  natural = liaison_records_dup_natural_uuid (record);
  if (natural != NULL)
    {
      for (guint i = 0; i < history->records->len; i++)
        if (g_str_equal (g_array_index (history->records, ModelRecord, i).uuid, natural))
          index = i;
      before = liaison_database_get (history->sites[site].database, type, natural, NULL);
    }

  if (!liaison_database_save (history->sites[site].database, record, &error))
    {
      g_printerr ("\nCould not create a %s: %s\n", type->name, error->message);
      check (!"a valid record was refused");
    }
  check (natural == NULL || g_str_equal (liaison_record_get_uuid (record), natural));

  if (index == G_MAXUINT)
    {
      ModelRecord model = { type, g_strdup (liaison_record_get_uuid (record)) };

      g_array_append_val (history->records, model);
      index = history->records->len - 1;
    }

  /* Made again after a delete here: restored first */
  if (before != NULL && liaison_record_is_deleted (before))
    add_event (history, site, index, LIAISON_SYNC_DELETED, g_strdup ("false"));

  note_saved (history, site, index, record, before);

  for (guint i = 0; i < n_types; i++)
    if (types[i] == type)
      type_index = i;
  history->created[type_index]++;
}

static void
op_edit (History *history,
         guint    site)
{
  guint index = g_rand_int_range (history->rand, 0, history->records->len);
  ModelRecord *model = &g_array_index (history->records, ModelRecord, index);
  g_autoptr(LiaisonRecord) record = liaison_database_get (history->sites[site].database, model->type, model->uuid, NULL);
  g_autoptr(LiaisonRecord) before = NULL;
  g_autoptr(GPtrArray) fields = text_fields (model->type);
  g_autoptr(GError) error = NULL;
  const LiaisonField *field;
  g_autofree char *value = NULL;

  if (record == NULL || fields->len == 0)
    return;

  before = liaison_database_get (history->sites[site].database, model->type, model->uuid, NULL);
  field = g_ptr_array_index (fields, g_rand_int_range (history->rand, 0, fields->len));
  value = g_strdup_printf ("v%u", history->events->len);
  liaison_record_set_text (record, field->name, value);

  /* A conflicting field may already show this desktop's value; an edit
   * of a field in conflict must still be a new version. */
  check (liaison_database_save (history->sites[site].database, record, &error));
  note_saved (history, site, index, record, before);
}

static void
op_delete (History  *history,
           guint     site,
           gboolean  deleted)
{
  guint index = g_rand_int_range (history->rand, 0, history->records->len);
  ModelRecord *model = &g_array_index (history->records, ModelRecord, index);
  g_autoptr(LiaisonRecord) record = liaison_database_get (history->sites[site].database, model->type, model->uuid, NULL);
  g_autoptr(GError) error = NULL;

  if (record == NULL || liaison_record_is_deleted (record) == deleted)
    return;

  if (deleted)
    check (liaison_database_delete (history->sites[site].database, record, &error));
  else
    check (liaison_database_undelete (history->sites[site].database, record, &error));

  add_event (history, site, index, LIAISON_SYNC_DELETED, g_strdup (deleted ? "true" : "false"));
}

static void
op_export (History *history,
           guint    site)
{
  g_autoptr(GError) error = NULL;
  File *file = g_new0 (File, 1);

  file->bytes = liaison_sync_export (history->sites[site].database, &error);
  check (file->bytes != NULL);
  file->known = history->sites[site].known;
  file->site = site;
  g_ptr_array_add (history->files, file);
}

static void
import_file (History *history,
             guint    site,
             File    *file)
{
  g_autoptr(GError) error = NULL;

  if (!liaison_sync_import_bytes (history->sites[site].database, file->bytes, "history.json", NULL, &error))
    {
      g_printerr ("\n%s\n", error->message);
      check (!"an import failed");
    }

  known_join (&history->sites[site].known, &file->known);
}

static char *
records_of (LiaisonDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = liaison_sync_export (database, &error);
  const char *text;

  check (bytes != NULL);
  text = strstr (g_bytes_get_data (bytes, NULL), "\"records\":");
  check (text != NULL);
  return g_strdup (text);
}

static LiaisonDatabase *
open_site (History *history,
           guint    index)
{
  g_autoptr(GError) error = NULL;
  LiaisonDatabase *database = liaison_database_open (":memory:", &error);
  g_autofree char *site = g_strdup_printf ("%016x", 0xa0 + index);

  check (database != NULL);
  history->sites[index].now = G_GINT64_CONSTANT (1764252180000);
  history->sites[index].skew = g_rand_int_range (history->rand, -3600000, 3600000);
  liaison_database_set_clock (database, site_clock, &history->sites[index]);
  check (liaison_sync_set_site_for_testing (database, site, &error));
  return database;
}

/* The values of every field of every record in an export */
static GHashTable *
versions_of (LiaisonDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = liaison_sync_export (database, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  JsonArray *records;

  check (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "records");

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      JsonObject *fields = json_object_get_object_member (record, "fields");
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonArray *list = json_object_get_array_member (fields, l->data);
          GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

          for (guint j = 0; j < json_array_get_length (list); j++)
            {
              JsonNode *value = json_object_get_member (json_array_get_object_element (list, j), "value");

              g_ptr_array_add (found, json_to_string (value, FALSE));
            }
          g_ptr_array_sort_values (found, (GCompareFunc) strcmp);

          g_hash_table_insert (values,
                               g_strdup_printf ("%s/%s", json_object_get_string_member (record, "uuid"), (char *) l->data),
                               found);
        }
    }

  return values;
}

/* What the model says must survive of one field: the values of the events
 * that no other event on it had seen. */
static GPtrArray *
expected_values (History    *history,
                 guint       record,
                 const char *field)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < history->events->len; i++)
    {
      Event *event = &g_array_index (history->events, Event, i);
      gboolean superseded = FALSE;

      if (event->record != record || !g_str_equal (event->field, field))
        continue;

      for (guint j = 0; j < history->events->len && !superseded; j++)
        {
          Event *later = &g_array_index (history->events, Event, j);

          if (j != i && later->record == record && g_str_equal (later->field, field) &&
              known_has (&later->known, i))
            superseded = TRUE;
        }

      if (!superseded)
        g_ptr_array_add (values, g_strdup (event->value));
    }

  g_ptr_array_sort_values (values, (GCompareFunc) strcmp);
  return values;
}

static void
check_model (History *history)
{
  LiaisonDatabase *database = history->sites[0].database;
  g_autoptr(GHashTable) actual = versions_of (database);

  for (guint r = 0; r < history->records->len; r++)
    {
      ModelRecord *model = &g_array_index (history->records, ModelRecord, r);
      g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(LiaisonRecord) stored = NULL;
      gboolean delete_saw_all = FALSE;
      gboolean some_delete_missed = FALSE;
      gboolean all_deletes = TRUE;
      gboolean any_delete = FALSE;
      GHashTableIter iter;
      gpointer name;

      for (guint i = 0; i < history->events->len; i++)
        {
          Event *event = &g_array_index (history->events, Event, i);

          if (event->record == r)
            g_hash_table_add (fields, event->field);
        }

      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        {
          g_autofree char *key = g_strdup_printf ("%s/%s", model->uuid, (char *) name);
          g_autoptr(GPtrArray) expected = expected_values (history, r, name);
          GPtrArray *found = g_hash_table_lookup (actual, key);

          check (found != NULL);
          if (found->len != expected->len)
            g_printerr ("\n%s: expected %u versions, found %u\n", key, expected->len, found->len);
          check (found->len == expected->len);
          for (guint i = 0; i < found->len; i++)
            check (g_str_equal (found->pdata[i], expected->pdata[i]));
        }

      /* The delete rule, against the model's deletes that survive */
      for (guint i = 0; i < history->events->len; i++)
        {
          Event *event = &g_array_index (history->events, Event, i);
          gboolean superseded = FALSE;
          gboolean saw_all = TRUE;

          if (event->record != r || !g_str_equal (event->field, LIAISON_SYNC_DELETED))
            continue;

          for (guint j = 0; j < history->events->len && !superseded; j++)
            {
              Event *later = &g_array_index (history->events, Event, j);

              if (j != i && later->record == r && g_str_equal (later->field, LIAISON_SYNC_DELETED) &&
                  known_has (&later->known, i))
                superseded = TRUE;
            }
          if (superseded)
            continue;

          any_delete = TRUE;
          if (!g_str_equal (event->value, "true"))
            {
              all_deletes = FALSE;
              continue;
            }

          for (guint j = 0; j < history->events->len; j++)
            {
              Event *edit = &g_array_index (history->events, Event, j);

              if (edit->record == r && !g_str_equal (edit->field, LIAISON_SYNC_DELETED) &&
                  !known_has (&event->known, j))
                saw_all = FALSE;
            }

          if (saw_all)
            delete_saw_all = TRUE;
          else
            some_delete_missed = TRUE;
        }

      for (guint s = 0; s < history->n_sites; s++)
        {
          g_clear_object (&stored);
          stored = liaison_database_get (history->sites[s].database, model->type, model->uuid, NULL);
          check (stored != NULL);

          if (liaison_record_is_deleted (stored))
            check (delete_saw_all);
          if (any_delete && all_deletes && !some_delete_missed)
            check (liaison_record_is_deleted (stored));
          /* Deletes that all missed an edit keep the record, flagged */
          if (some_delete_missed && !delete_saw_all)
            {
              check (!liaison_record_is_deleted (stored));
              check (liaison_sync_has_conflict (history->sites[s].database, model->uuid));
            }
        }
    }
}

/* Every desktop shows the same rows. */
static void
check_rows (History *history)
{
  for (guint r = 0; r < history->records->len; r++)
    {
      ModelRecord *model = &g_array_index (history->records, ModelRecord, r);
      g_autoptr(LiaisonRecord) first = liaison_database_get (history->sites[0].database, model->type, model->uuid, NULL);

      check (first != NULL);
      for (guint s = 1; s < history->n_sites; s++)
        {
          g_autoptr(LiaisonRecord) other = liaison_database_get (history->sites[s].database, model->type, model->uuid, NULL);

          check (other != NULL);
          check (liaison_record_is_deleted (first) == liaison_record_is_deleted (other));
          for (guint i = 0; i < model->type->n_fields; i++)
            check (liaison_record_equal_value (first, other, i));
        }
    }

  for (guint s = 1; s < history->n_sites; s++)
    {
      guint n_types;
      const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);

      for (guint t = 0; t < n_types; t++)
        check (liaison_database_count (history->sites[0].database, types[t]) ==
               liaison_database_count (history->sites[s].database, types[t]));
      check (liaison_sync_count_conflicts (history->sites[0].database) ==
             liaison_sync_count_conflicts (history->sites[s].database));
    }
}

static void
check_order_and_relay (History *history)
{
  File *f1 = g_ptr_array_index (history->files, g_rand_int_range (history->rand, 0, history->files->len));
  File *f2 = g_ptr_array_index (history->files, g_rand_int_range (history->rand, 0, history->files->len));
  g_autoptr(LiaisonDatabase) x = NULL;
  g_autoptr(LiaisonDatabase) y = NULL;
  g_autoptr(LiaisonDatabase) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) relayed = NULL;
  g_autofree char *rx = NULL;
  g_autofree char *ry = NULL;
  g_autofree char *rb = NULL;

  x = liaison_database_open (":memory:", &error);
  y = liaison_database_open (":memory:", &error);
  b = liaison_database_open (":memory:", &error);
  check (x != NULL && y != NULL && b != NULL);

  /* f1 then f2 is f2 then f1. */
  check (liaison_sync_import_bytes (x, f1->bytes, "f1", NULL, &error));
  check (liaison_sync_import_bytes (x, f2->bytes, "f2", NULL, &error));
  check (liaison_sync_import_bytes (y, f2->bytes, "f2", NULL, &error));
  check (liaison_sync_import_bytes (y, f1->bytes, "f1", NULL, &error));
  rx = records_of (x);
  ry = records_of (y);
  check (g_str_equal (rx, ry));

  /* A → B → C is A → C. */
  check (liaison_sync_import_bytes (b, f1->bytes, "f1", NULL, &error));
  relayed = liaison_sync_export (b, &error);
  g_clear_object (&y);
  y = liaison_database_open (":memory:", &error);
  check (liaison_sync_import_bytes (y, relayed, "relayed", NULL, &error));
  g_clear_object (&x);
  x = liaison_database_open (":memory:", &error);
  check (liaison_sync_import_bytes (x, f1->bytes, "f1", NULL, &error));
  g_clear_pointer (&rx, g_free);
  g_clear_pointer (&ry, g_free);
  rx = records_of (x);
  ry = records_of (y);
  rb = records_of (b);
  check (g_str_equal (rx, ry));
  check (g_str_equal (rx, rb));
}

typedef struct
{
  guint conflicts;
  guint deleted;
  guint flagged;
  guint imports;
} Totals;

static void
run_history (guint32  seed,
             guint   *created,
             Totals  *totals)
{
  History history = { 0 };
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);
  guint n_steps;
  g_autoptr(GPtrArray) final = NULL;

  current_seed = seed;
  history.seed = seed;
  history.rand = g_rand_new_with_seed (seed);
  history.n_sites = g_rand_int_range (history.rand, 3, MAX_SITES + 1);
  history.events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_array_set_clear_func (history.events, event_clear);
  history.records = g_array_new (FALSE, TRUE, sizeof (ModelRecord));
  g_array_set_clear_func (history.records, model_record_clear);
  history.files = g_ptr_array_new_with_free_func (file_free);

  for (guint s = 0; s < history.n_sites; s++)
    history.sites[s].database = open_site (&history, s);

  /* Something of every type to begin with, where links allow */
  for (guint t = 0; t < n_types; t++)
    op_create (&history, g_rand_int_range (history.rand, 0, history.n_sites), types[t]);

  n_steps = g_rand_int_range (history.rand, 30, 90);
  for (guint step = 0; step < n_steps; step++)
    {
      guint site = g_rand_int_range (history.rand, 0, history.n_sites);
      guint choice = g_rand_int_range (history.rand, 0, 100);

      if (choice < 12)
        op_create (&history, site, types[g_rand_int_range (history.rand, 0, n_types)]);
      else if (choice < 50)
        op_edit (&history, site);
      else if (choice < 58)
        op_delete (&history, site, TRUE);
      else if (choice < 63)
        op_delete (&history, site, FALSE);
      else if (choice < 78)
        op_export (&history, site);
      else if (history.files->len > 0)
        import_file (&history, site,
                     g_ptr_array_index (history.files, g_rand_int_range (history.rand, 0, history.files->len)));
    }

  /* The final exchange: everyone's file to everyone, in a random order */
  final = g_ptr_array_new ();
  for (guint s = 0; s < history.n_sites; s++)
    {
      op_export (&history, s);
      g_ptr_array_add (final, g_ptr_array_index (history.files, history.files->len - 1));
    }

  for (guint s = 0; s < history.n_sites; s++)
    {
      guint offset = g_rand_int_range (history.rand, 0, history.n_sites);

      for (guint k = 0; k < history.n_sites; k++)
        import_file (&history, s, g_ptr_array_index (final, (offset + k) % history.n_sites));
    }

  /* Convergence */
  {
    g_autofree char *first = records_of (history.sites[0].database);

    for (guint s = 1; s < history.n_sites; s++)
      {
        g_autofree char *other = records_of (history.sites[s].database);

        check (g_str_equal (first, other));
      }

    /* Idempotence: every file again, and one's own export, change nothing. */
    for (guint s = 0; s < history.n_sites; s++)
      {
        g_autofree char *after = NULL;
        g_autoptr(GBytes) own = NULL;
        g_autoptr(GError) error = NULL;
        LiaisonSyncSummary summary = { 0 };

        for (guint k = 0; k < history.n_sites; k++)
          import_file (&history, s, g_ptr_array_index (final, k));
        own = liaison_sync_export (history.sites[s].database, &error);
        check (liaison_sync_import_bytes (history.sites[s].database, own, "own", &summary, &error));
        check (summary.added + summary.changed + summary.deleted + summary.conflicts == 0);

        after = records_of (history.sites[s].database);
        check (g_str_equal (first, after));
      }
  }

  check_model (&history);
  check_rows (&history);
  check_order_and_relay (&history);

  for (guint t = 0; t < n_types; t++)
    created[t] += history.created[t];

  totals->conflicts += liaison_sync_count_conflicts (history.sites[0].database);
  for (guint r = 0; r < history.records->len; r++)
    {
      ModelRecord *model = &g_array_index (history.records, ModelRecord, r);
      g_autoptr(LiaisonRecord) stored = liaison_database_get (history.sites[0].database, model->type, model->uuid, NULL);

      if (liaison_record_is_deleted (stored))
        totals->deleted++;
      else if (liaison_sync_has_conflict (history.sites[0].database, model->uuid))
        totals->flagged++;
    }
  totals->imports += history.files->len;

  for (guint s = 0; s < history.n_sites; s++)
    g_clear_object (&history.sites[s].database);
  g_ptr_array_unref (history.files);
  g_array_unref (history.records);
  g_array_unref (history.events);
  g_rand_free (history.rand);
}

static void
test_random_histories (void)
{
  const char *seed_text = g_getenv ("LIAISON_SYNC_SEED");
  const char *count_text = g_getenv ("LIAISON_SYNC_HISTORIES");
  guint32 first_seed = seed_text != NULL ? g_ascii_strtoull (seed_text, NULL, 10) : 1;
  guint n_histories = count_text != NULL ? g_ascii_strtoull (count_text, NULL, 10)
                                         : g_test_slow () ? 3000 : 200;
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);
  guint created[16] = { 0 };
  Totals totals = { 0 };

  for (guint i = 0; i < n_histories; i++)
    run_history (first_seed + i, created, &totals);

  /* The histories must have made what the guarantees are about. */
  g_test_message ("at the end: %u fields in conflict, %u records deleted, %u with a conflict kept; %u files",
                  totals.conflicts, totals.deleted, totals.flagged, totals.imports);
  if (n_histories >= 50)
    {
      g_assert_cmpuint (totals.conflicts, >, 0);
      g_assert_cmpuint (totals.deleted, >, 0);
    }

  /* Every record type took part. */
  for (guint t = 0; t < n_types; t++)
    {
      g_test_message ("%s: %u created", types[t]->name, created[t]);
      g_assert_cmpuint (created[t], >, 0);
    }

  g_test_message ("%u histories from seed %u", n_histories, first_seed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/random-histories", test_random_histories);

  return g_test_run ();
}
