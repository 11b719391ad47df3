/* liaison-record.c
 *
 * The base of every record: its identity, its times, and the values of
 * the fields its type declares, each also a GObject property.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-record.h"
#include "liaison-records.h"
#include "liaison-reference.h"
#include "liaison-search.h"
#include "liaison-time-zones.h"

#define MAX_TEXT_LENGTH 1000
#define MAX_LONG_TEXT_LENGTH 100000

typedef struct
{
  char   *uuid;
  gint64  created_at;
  gint64  updated_at;
  gint64  deleted_at;
  GValue *values;
} LiaisonRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LiaisonRecord, liaison_record, G_TYPE_OBJECT)

G_DEFINE_QUARK (liaison-record-error-quark, liaison_record_error)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
value_type (const LiaisonField *field)
{
  switch (field->kind)
    {
    case LIAISON_FIELD_INTEGER:
      return G_TYPE_INT64;
    case LIAISON_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    default:
      return G_TYPE_STRING;
    }
}

static int
field_position (LiaisonRecord *self,
                const char    *field,
                GType          expected)
{
  const LiaisonRecordType *type = LIAISON_RECORD_GET_CLASS (self)->record_type;
  int position = liaison_record_type_field_index (type, field);

  if (position < 0)
    {
      g_critical ("A %s has no field called “%s”", type->name, field);
      return -1;
    }

  if (value_type (&type->fields[position]) != expected)
    {
      g_critical ("The field %s.%s is not of type %s", type->name, field, g_type_name (expected));
      return -1;
    }

  return position;
}

static void
liaison_record_field_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiaisonRecord *self = LIAISON_RECORD (object);
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  LiaisonRecordClass *klass = LIAISON_RECORD_GET_CLASS (self);
  guint position = prop_id - klass->first_field_property;

  g_assert (position < klass->record_type->n_fields);

  if (G_VALUE_HOLDS_STRING (&priv->values[position]))
    g_value_set_string (value, liaison_record_get_text (self, klass->record_type->fields[position].name));
  else
    g_value_copy (&priv->values[position], value);
}

static void
liaison_record_field_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LiaisonRecord *self = LIAISON_RECORD (object);
  LiaisonRecordClass *klass = LIAISON_RECORD_GET_CLASS (self);
  guint position = prop_id - klass->first_field_property;
  const LiaisonField *field;

  g_assert (position < klass->record_type->n_fields);
  field = &klass->record_type->fields[position];

  switch (field->kind)
    {
    case LIAISON_FIELD_INTEGER:
      liaison_record_set_integer (self, field->name, g_value_get_int64 (value));
      break;

    case LIAISON_FIELD_BOOLEAN:
      liaison_record_set_boolean (self, field->name, g_value_get_boolean (value));
      break;

    default:
      liaison_record_set_text (self, field->name, g_value_get_string (value));
    }
}

static char *
property_name (const char *field_name)
{
  char *name = g_strdup (field_name);

  return g_strdelimit (name, "_", '-');
}

/**
 * liaison_record_class_install_fields:
 * @klass: the class of a record type
 * @record_type: the fields it has
 *
 * Installs a property for every field of @record_type: a string, a 64-bit
 * integer or a boolean, named as the field with dashes for underscores.
 */
void
liaison_record_class_install_fields (LiaisonRecordClass      *klass,
                                     const LiaisonRecordType *record_type)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (LIAISON_IS_RECORD_CLASS (klass));
  g_return_if_fail (record_type != NULL);

  klass->record_type = record_type;
  klass->first_field_property = 1;
  klass->field_pspecs = g_new0 (GParamSpec *, record_type->n_fields);

  object_class->get_property = liaison_record_field_get_property;
  object_class->set_property = liaison_record_field_set_property;

  for (guint i = 0; i < record_type->n_fields; i++)
    {
      const LiaisonField *field = &record_type->fields[i];
      g_autofree char *name = property_name (field->name);
      GParamFlags flags = (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_NICK |
                           G_PARAM_STATIC_BLURB);
      GParamSpec *pspec;

      switch (field->kind)
        {
        case LIAISON_FIELD_INTEGER:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;

        case LIAISON_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;

        default:
          pspec = g_param_spec_string (name, NULL, NULL, "", flags);
        }

      klass->field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, klass->first_field_property + i, pspec);
    }
}

static void
liaison_record_finalize (GObject *object)
{
  LiaisonRecord *self = (LiaisonRecord *)object;
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  const LiaisonRecordType *type = LIAISON_RECORD_GET_CLASS (self)->record_type;

  for (guint i = 0; i < type->n_fields; i++)
    g_value_unset (&priv->values[i]);

  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->uuid, g_free);

  G_OBJECT_CLASS (liaison_record_parent_class)->finalize (object);
}

static void
liaison_record_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaisonRecord *self = LIAISON_RECORD (object);
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, priv->updated_at);
      break;

    case PROP_DELETED_AT:
      g_value_set_int64 (value, priv->deleted_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_record_constructed (GObject *object)
{
  LiaisonRecord *self = (LiaisonRecord *)object;
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  const LiaisonRecordType *type = LIAISON_RECORD_GET_CLASS (self)->record_type;

  G_OBJECT_CLASS (liaison_record_parent_class)->constructed (object);

  g_assert (type != NULL);

  priv->uuid = g_uuid_string_random ();
  priv->values = g_new0 (GValue, type->n_fields);
  for (guint i = 0; i < type->n_fields; i++)
    g_value_init (&priv->values[i], value_type (&type->fields[i]));
}

static void
liaison_record_class_init (LiaisonRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = liaison_record_constructed;
  object_class->finalize = liaison_record_finalize;
  object_class->get_property = liaison_record_get_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_record_init (LiaisonRecord *self)
{
}

/**
 * liaison_record_new:
 * @record_type: a record type
 *
 * A new, empty record of @record_type with a new random UUID. It is not in
 * any database until it is saved.
 *
 * Returns: (transfer full): the record
 */
LiaisonRecord *
liaison_record_new (const LiaisonRecordType *record_type)
{
  g_return_val_if_fail (record_type != NULL, NULL);

  return g_object_new (liaison_record_type_get_gtype (record_type), NULL);
}

const LiaisonRecordType *
liaison_record_get_record_type (LiaisonRecord *self)
{
  g_return_val_if_fail (LIAISON_IS_RECORD (self), NULL);

  return LIAISON_RECORD_GET_CLASS (self)->record_type;
}

const char *
liaison_record_get_uuid (LiaisonRecord *self)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);

  g_return_val_if_fail (LIAISON_IS_RECORD (self), NULL);

  return priv->uuid;
}

/**
 * liaison_record_get_created_at:
 * @self: a record
 *
 * Returns: when the record was first saved, in milliseconds since 1970 UTC,
 *   or 0 if it never was
 */
gint64
liaison_record_get_created_at (LiaisonRecord *self)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);

  g_return_val_if_fail (LIAISON_IS_RECORD (self), 0);

  return priv->created_at;
}

gint64
liaison_record_get_updated_at (LiaisonRecord *self)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);

  g_return_val_if_fail (LIAISON_IS_RECORD (self), 0);

  return priv->updated_at;
}

gint64
liaison_record_get_deleted_at (LiaisonRecord *self)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);

  g_return_val_if_fail (LIAISON_IS_RECORD (self), 0);

  return priv->deleted_at;
}

gboolean
liaison_record_is_deleted (LiaisonRecord *self)
{
  return liaison_record_get_deleted_at (self) != 0;
}

void
liaison_record_set_identity (LiaisonRecord *self,
                             const char    *uuid,
                             gint64         created_at,
                             gint64         updated_at,
                             gint64         deleted_at)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);

  g_return_if_fail (LIAISON_IS_RECORD (self));
  g_return_if_fail (uuid != NULL);

  g_set_str (&priv->uuid, uuid);
  priv->created_at = created_at;
  priv->updated_at = updated_at;
  priv->deleted_at = deleted_at;
}

static void
notify_field (LiaisonRecord *self,
              guint          position)
{
  g_object_notify_by_pspec (G_OBJECT (self), LIAISON_RECORD_GET_CLASS (self)->field_pspecs[position]);
}

/**
 * liaison_record_get_text:
 * @self: a record
 * @field: the name of a text field
 *
 * Returns: the value, "" when it is empty; never %NULL
 */
const char *
liaison_record_get_text (LiaisonRecord *self,
                         const char    *field)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  const char *value;
  int position;

  g_return_val_if_fail (LIAISON_IS_RECORD (self), "");

  position = field_position (self, field, G_TYPE_STRING);
  if (position < 0)
    return "";

  value = g_value_get_string (&priv->values[position]);
  return value != NULL ? value : "";
}

/**
 * liaison_record_set_text:
 * @self: a record
 * @field: the name of a text field
 * @value: (nullable): the new value; %NULL and "" both mean empty
 *
 * Sets a field. Leading and trailing white space is removed from one-line
 * fields; the value is not validated until liaison_record_validate().
 */
void
liaison_record_set_text (LiaisonRecord *self,
                         const char    *field,
                         const char    *value)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  g_autofree char *stripped = NULL;
  int position;

  g_return_if_fail (LIAISON_IS_RECORD (self));

  position = field_position (self, field, G_TYPE_STRING);
  if (position < 0)
    return;

  if (value != NULL && LIAISON_RECORD_GET_CLASS (self)->record_type->fields[position].kind != LIAISON_FIELD_LONG_TEXT)
    value = stripped = g_strstrip (g_strdup (value));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (g_value_get_string (&priv->values[position]), value) == 0)
    return;

  g_value_set_string (&priv->values[position], value);
  notify_field (self, position);
}

gint64
liaison_record_get_integer (LiaisonRecord *self,
                            const char    *field)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  int position;

  g_return_val_if_fail (LIAISON_IS_RECORD (self), 0);

  position = field_position (self, field, G_TYPE_INT64);
  return position >= 0 ? g_value_get_int64 (&priv->values[position]) : 0;
}

void
liaison_record_set_integer (LiaisonRecord *self,
                            const char    *field,
                            gint64         value)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  int position;

  g_return_if_fail (LIAISON_IS_RECORD (self));

  position = field_position (self, field, G_TYPE_INT64);
  if (position < 0 || g_value_get_int64 (&priv->values[position]) == value)
    return;

  g_value_set_int64 (&priv->values[position], value);
  notify_field (self, position);
}

gboolean
liaison_record_get_boolean (LiaisonRecord *self,
                            const char    *field)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  int position;

  g_return_val_if_fail (LIAISON_IS_RECORD (self), FALSE);

  position = field_position (self, field, G_TYPE_BOOLEAN);
  return position >= 0 ? g_value_get_boolean (&priv->values[position]) : FALSE;
}

void
liaison_record_set_boolean (LiaisonRecord *self,
                            const char    *field,
                            gboolean       value)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);
  int position;

  g_return_if_fail (LIAISON_IS_RECORD (self));

  position = field_position (self, field, G_TYPE_BOOLEAN);
  if (position < 0 || g_value_get_boolean (&priv->values[position]) == !!value)
    return;

  g_value_set_boolean (&priv->values[position], !!value);
  notify_field (self, position);
}

/**
 * liaison_record_get_value:
 * @self: a record
 * @position: the index of a field of the record's type
 *
 * Returns: (transfer none): the field's value: a string (possibly %NULL
 *   for empty), a 64-bit integer or a boolean
 */
const GValue *
liaison_record_get_value (LiaisonRecord *self,
                          guint          position)
{
  LiaisonRecordPrivate *priv = liaison_record_get_instance_private (self);

  g_return_val_if_fail (LIAISON_IS_RECORD (self), NULL);
  g_return_val_if_fail (position < LIAISON_RECORD_GET_CLASS (self)->record_type->n_fields, NULL);

  return &priv->values[position];
}

gboolean
liaison_record_equal_value (LiaisonRecord *self,
                            LiaisonRecord *other,
                            guint          position)
{
  const GValue *a = liaison_record_get_value (self, position);
  const GValue *b = liaison_record_get_value (other, position);

  g_return_val_if_fail (LIAISON_RECORD_GET_CLASS (self) == LIAISON_RECORD_GET_CLASS (other), FALSE);

  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);

  return g_value_get_boolean (a) == g_value_get_boolean (b);
}

/* Validation */

static gboolean
is_email (const char *address)
{
  const char *at = strchr (address, '@');
  const char *dot;

  if (at == NULL || at == address || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = address; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
        return FALSE;
    }

  dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
is_phone (const char *number)
{
  guint digits = 0;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-().x/", *p) == NULL && !g_str_has_prefix (p, "ext"))
        return FALSE;
      else if (g_str_has_prefix (p, "ext"))
        p += 2;
    }

  return digits >= 3 && digits <= 20;
}

static gboolean
is_url (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL)
    return FALSE;

  return (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 ||
          g_strcmp0 (g_uri_get_scheme (uri), "http") == 0) &&
         g_uri_get_host (uri) != NULL &&
         g_uri_get_host (uri)[0] != '\0';
}

/**
 * liaison_parse_date:
 * @text: a date as YYYY-MM-DD
 * @date: (out) (optional): where to store it
 *
 * Returns: %TRUE if @text is a valid date in exactly that form
 */
gboolean
liaison_parse_date (const char *text,
                    GDate      *date)
{
  guint year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);

  return TRUE;
}

static gboolean
each_line_valid (const char  *value,
                 gboolean   (*valid) (const char *),
                 char       **bad)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && !valid (lines[i]))
        {
          *bad = g_strdup (lines[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_tag (const char *tag)
{
  return g_utf8_strlen (tag, -1) <= 100;
}

static gboolean
is_country (const char *code)
{
  return strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]);
}

static gboolean
validate_field (LiaisonRecord       *self,
                const LiaisonField  *field,
                guint                position,
                GError             **error)
{
  const GValue *value = liaison_record_get_value (self, position);
  const char *label = liaison_field_get_label (field);
  const char *text;
  g_autofree char *bad = NULL;

  if (field->kind == LIAISON_FIELD_BOOLEAN)
    return TRUE;

  if (field->kind == LIAISON_FIELD_INTEGER)
    {
      gint64 number = g_value_get_int64 (value);

      if (number == 0 && (field->flags & LIAISON_FIELD_REQUIRED) != 0)
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_REQUIRED,
                       /* Translators: %s is the name of a field, e.g. "Family name" */
                       _("%s is required."), label);
          return FALSE;
        }

      if (number != 0 && (number < field->minimum || number > field->maximum))
        {
          g_autofree char *minimum = g_strdup_printf ("%" G_GINT64_FORMAT, field->minimum);
          g_autofree char *maximum = g_strdup_printf ("%" G_GINT64_FORMAT, field->maximum);

          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: a number out of range; the field's name, then the smallest and largest values */
                       _("%s must be between %s and %s."),
                       label, minimum, maximum);
          return FALSE;
        }

      return TRUE;
    }

  text = g_value_get_string (value);
  if (text == NULL || text[0] == '\0')
    {
      if ((field->flags & LIAISON_FIELD_REQUIRED) != 0)
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_REQUIRED,
                       _("%s is required."), label);
          return FALSE;
        }
      return TRUE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                   /* Translators: %s is the name of a field */
                   _("%s is not valid text."), label);
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > (field->kind == LIAISON_FIELD_LONG_TEXT ? MAX_LONG_TEXT_LENGTH : MAX_TEXT_LENGTH))
    {
      g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_TOO_LONG,
                   /* Translators: the name of a field, then the number of characters it may hold */
                   _("%s is longer than %d characters."), label,
                   field->kind == LIAISON_FIELD_LONG_TEXT ? MAX_LONG_TEXT_LENGTH : MAX_TEXT_LENGTH);
      return FALSE;
    }

  switch (field->kind)
    {
    case LIAISON_FIELD_TEXT:
    case LIAISON_FIELD_LONG_TEXT:
    case LIAISON_FIELD_INTEGER:
    case LIAISON_FIELD_BOOLEAN:
      return TRUE;

    case LIAISON_FIELD_DATE:
      if (!liaison_parse_date (text, NULL))
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: the name of a field, then what was typed */
                       _("%s: “%s” is not a date of the form YYYY-MM-DD."), label, text);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_CHOICE:
      if (liaison_field_choice_label (field, text) == NULL)
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: the name of a field, then the value it was given */
                       _("%s cannot be “%s”."), label, text);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_EMAILS:
      if (!each_line_valid (text, is_email, &bad))
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: the name of a field, then what was typed */
                       _("%s: “%s” is not an email address."), label, bad);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_PHONES:
      if (!each_line_valid (text, is_phone, &bad))
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: the name of a field, then what was typed */
                       _("%s: “%s” is not a phone number."), label, bad);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_URL:
      if (!is_url (text))
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: the name of a field, then what was typed */
                       _("%s: “%s” is not a web address starting with https:// or http://."), label, text);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_LINK:
      if (!g_uuid_string_is_valid (text))
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: %s is the name of a field that links to another record */
                       _("%s does not name a record."), label);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_SUBDIVISION:
      {
        const LiaisonSubdivision *subdivision = liaison_reference_find_subdivision (text);

        if (subdivision == NULL || !g_str_equal (subdivision->code, text))
          {
            g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                         /* Translators: the name of a field, then what was typed */
                         _("%s: “%s” is not a US state or territory or a Canadian province or territory (e.g. US-NJ, CA-ON)."),
                         label, text);
            return FALSE;
          }
        return TRUE;
      }

    case LIAISON_FIELD_PREFECTURE:
      if (liaison_reference_find_prefecture (text) == NULL)
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: the name of a field, then what was typed */
                       _("%s: “%s” is not a prefecture code from 01 to 47."), label, text);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_COUNTRY:
      if (!is_country (text))
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: the name of a field, then what was typed */
                       _("%s: “%s” is not a two-letter country code such as US, CA or JP."), label, text);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_LANGUAGE:
      return TRUE;

    case LIAISON_FIELD_TIME_ZONE:
      {
        g_autoptr(GError) local_error = NULL;

        if (!liaison_time_zone_validate (text, &local_error))
          {
            g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                         "%s", local_error->message);
            return FALSE;
          }
        return TRUE;
      }

    case LIAISON_FIELD_LOCAL_TIME:
      if (!liaison_time_zone_parse_local (text, NULL))
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: the name of a field, then what was typed */
                       _("%s: “%s” is not a date and time of the form YYYY-MM-DD HH:MM."), label, text);
          return FALSE;
        }
      return TRUE;

    case LIAISON_FIELD_TAGS:
      if (!each_line_valid (text, is_tag, &bad))
        {
          g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                       /* Translators: %s is a tag */
                       _("The tag “%s” is longer than 100 characters."), bad);
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/**
 * liaison_record_validate_field:
 * @self: a record
 * @field: the name of one of its fields
 * @error: return location for a #GError
 *
 * Checks one field on its own: whether it is required, its syntax, its
 * range. Links are checked for existence only when the record is saved.
 *
 * Returns: %TRUE if the value is acceptable
 */
gboolean
liaison_record_validate_field (LiaisonRecord  *self,
                               const char     *field,
                               GError        **error)
{
  const LiaisonRecordType *type;
  int position;

  g_return_val_if_fail (LIAISON_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  type = LIAISON_RECORD_GET_CLASS (self)->record_type;
  position = liaison_record_type_field_index (type, field);
  g_return_val_if_fail (position >= 0, FALSE);

  return validate_field (self, &type->fields[position], position, error);
}

/**
 * liaison_record_validate:
 * @self: a record
 * @error: return location for a #GError
 *
 * Checks every field, then the rules that tie fields together (a program
 * does not end before it starts; a decision has a date).
 *
 * Returns: %TRUE if the record may be saved
 */
gboolean
liaison_record_validate (LiaisonRecord  *self,
                         GError        **error)
{
  const LiaisonRecordType *type;

  g_return_val_if_fail (LIAISON_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  type = LIAISON_RECORD_GET_CLASS (self)->record_type;

  for (guint i = 0; i < type->n_fields; i++)
    {
      if ((type->fields[i].flags & LIAISON_FIELD_DERIVED) != 0)
        continue;

      if (!validate_field (self, &type->fields[i], i, error))
        return FALSE;
    }

  return liaison_records_validate_rules (self, error);
}

/**
 * liaison_record_prepare:
 * @self: a record
 * @error: return location for a #GError
 *
 * Validates the record and computes its derived fields (a seminar's start
 * in UTC). The database calls this before every save.
 *
 * Returns: %TRUE if the record may be saved
 */
gboolean
liaison_record_prepare (LiaisonRecord  *self,
                        GError        **error)
{
  g_return_val_if_fail (LIAISON_IS_RECORD (self), FALSE);

  if (!liaison_record_validate (self, error))
    return FALSE;

  return liaison_records_derive (self, error);
}

/**
 * liaison_record_dup_search_text:
 * @self: a record
 *
 * Returns: (transfer full): the text of the fields the search looks at,
 *   normalized for searching
 */
char *
liaison_record_dup_search_text (LiaisonRecord *self)
{
  const LiaisonRecordType *type;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (LIAISON_IS_RECORD (self), NULL);

  type = LIAISON_RECORD_GET_CLASS (self)->record_type;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *value;

      if ((type->fields[i].flags & LIAISON_FIELD_SEARCHED) == 0 ||
          !liaison_field_is_text (&type->fields[i]))
        continue;

      value = liaison_record_get_text (self, type->fields[i].name);
      if (value[0] == '\0')
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, value);
    }

  liaison_records_add_search_text (self, text);

  return liaison_search_normalize (text->str);
}

/**
 * liaison_record_dup_title:
 * @self: a record
 *
 * Returns: (transfer full): how the record is named in lists and search
 *   results
 */
char *
liaison_record_dup_title (LiaisonRecord *self)
{
  g_return_val_if_fail (LIAISON_IS_RECORD (self), NULL);

  return liaison_records_dup_title (self);
}
