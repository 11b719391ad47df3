/* liaison-csv-import.c
 *
 * Imports people from a CSV file, as registration forms and spreadsheets
 * export them, into records that are people or that link one person (a
 * seminar's registrants; other lists describe theirs the same way): the
 * file is read, its columns matched from the header row, each row shown
 * as new, matching someone already there, already imported, repeating an
 * earlier row, or invalid and why; then the rows chosen are saved in one
 * transaction, or none of them.
 *
 * Reading: RFC 4180 (quoted values, doubled quotes, line breaks inside
 * quotes, CRLF, LF or CR), separated by commas, or by tabs or semicolons
 * when the header row has more of those; UTF-8 with or without a byte
 * order mark, UTF-16 with one (Excel's "Unicode text"), and Shift_JIS
 * (Windows code page 932) when the bytes are not UTF-8. The header is the
 * first row that is not blank; blank rows are skipped, but every row keeps
 * its number as a spreadsheet shows it, the header being row 1.
 *
 * Matching a person already there (not deleted), in this order:
 *  1. one of the row's email addresses is one of theirs, case aside;
 *  2. the same family name followed by the same given name, and the same
 *     government (the column flagged LIAISON_CSV_COLUMN_GOVERNMENT, such
 *     as a registrant's local government): the name of the organization
 *     the person belongs to (or its acronym), or that same field in any
 *     of their records of the target's type (their other registrations).
 * Names and governments are compared with liaison_search_normalize(),
 * that is with widths, case, accents and katakana or hiragana aside, and
 * without spaces or punctuation: "ＹＡＭＡＤＡ" is "Yamada", "山田 太郎" is
 * "山田太郎". Rows of the file that share an email address, or a name
 * and government, or match the same person, are the same person: the
 * first of them is shown as what it is, the others as REPEATED, and two
 * of them cannot be imported together.
 *
 * Applying: a NEW row makes a person and a record for them; a MATCH row a
 * record for the person there; a DUPLICATE row (the person already has a
 * record with the import's fixed values, e.g. a registration for this
 * seminar) updates that record with the row's values that are not empty.
 * (A registration deleted earlier is not "there": the row makes it again,
 * and as registrations are named by their seminar and person, the
 * deleted one is restored.)
 * A person already there is never overwritten: the row fills their empty
 * fields only, and adds email addresses and phone numbers they do not
 * have yet. Before saving, the rows are matched again; if a chosen row
 * would now be something else (someone else changed the records), nothing
 * is saved and the preview is brought up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-csv-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-csv-import.h"
#include "liaison-database-private.h"
#include "liaison-records.h"
#include "liaison-search.h"

/* The registrants of a seminar */

static const char * const family_name_aliases[] = {
  "Family name", "Last name", "Surname", "Family", "Last",
  "姓", "氏", "苗字", "名字", "姓（漢字）", "氏名（姓）", "お名前（姓）",
  NULL
};

static const char * const given_name_aliases[] = {
  "Given name", "First name", "Forename", "First",
  "名", "名（漢字）", "氏名（名）", "お名前（名）",
  NULL
};

static const char * const full_name_aliases[] = {
  "Name", "Full name", "Your name", "Participant", "Attendee",
  "氏名", "名前", "お名前", "氏名（漢字）", "参加者", "参加者名",
  NULL
};

static const char * const family_name_reading_aliases[] = {
  "Family name reading", "Last name reading", "Family name (kana)", "Last name (kana)",
  "姓（ふりがな）", "姓（フリガナ）", "姓（よみ）", "ふりがな（姓）", "フリガナ（姓）", "せい", "セイ",
  NULL
};

static const char * const given_name_reading_aliases[] = {
  "Given name reading", "First name reading", "Given name (kana)", "First name (kana)",
  "名（ふりがな）", "名（フリガナ）", "名（よみ）", "ふりがな（名）", "フリガナ（名）", "めい", "メイ",
  NULL
};

static const char * const honorific_aliases[] = {
  "Honorific", "Prefix", "Salutation", "敬称",
  NULL
};

static const char * const title_aliases[] = {
  "Title", "Position", "Job title", "役職", "役職名", "職名", "肩書", "肩書き",
  NULL
};

static const char * const department_aliases[] = {
  "Department", "Division", "Section", "Bureau", "部署", "部署名", "所属部署", "部課名", "課",
  NULL
};

static const char * const email_aliases[] = {
  "Email", "E-mail", "Email address", "E-mail address", "Mail", "Mail address",
  "メール", "メールアドレス", "電子メール", "Eメール", "Eメールアドレス",
  NULL
};

static const char * const phone_aliases[] = {
  "Phone", "Phone number", "Telephone", "Tel", "Mobile",
  "電話", "電話番号", "連絡先電話番号", "携帯電話",
  NULL
};

static const char * const language_aliases[] = {
  "Language", "Preferred language", "言語", "希望言語", "使用言語",
  NULL
};

static const char * const language_values[] = {
  "en", "英語",
  "ja", "日本語",
  "fr", "フランス語",
  "es", "スペイン語",
  NULL
};

static const char * const local_government_aliases[] = {
  "Local government", "Government", "Organization", "Organisation", "Municipality",
  "Affiliation", "Agency",
  "自治体", "自治体名", "所属", "所属先", "所属団体", "団体名", "所属自治体", "団体",
  NULL
};

static const char * const status_aliases[] = {
  "Status", "Registration status", "Attendance", "状態", "ステータス", "出欠", "参加状況",
  NULL
};

static const char * const status_values[] = {
  "registered", "登録",
  "registered", "登録済",
  "registered", "登録済み",
  "registered", "申込",
  "registered", "申込済",
  "registered", "申し込み",
  "attended", "出席",
  "attended", "参加",
  "attended", "参加済",
  "attended", "参加済み",
  "no-show", "No show",
  "no-show", "欠席",
  "no-show", "不参加",
  "cancelled", "Canceled",
  "cancelled", "キャンセル",
  "cancelled", "取消",
  "cancelled", "取り消し",
  NULL
};

#define PERSON_COLUMN(id, field, group, aliases, values) \
  { id, NULL, &liaison_person_type, field, group, LIAISON_CSV_COLUMN_DEFAULT, aliases, values }

static const LiaisonCsvColumn registrant_columns[] = {
  PERSON_COLUMN ("family_name", "family_name", "name", family_name_aliases, NULL),
  PERSON_COLUMN ("given_name", "given_name", NULL, given_name_aliases, NULL),
  { "full_name", N_("Full name"), &liaison_person_type, NULL, "name",
    LIAISON_CSV_COLUMN_FULL_NAME, full_name_aliases, NULL },
  PERSON_COLUMN ("family_name_reading", "family_name_reading", NULL, family_name_reading_aliases, NULL),
  PERSON_COLUMN ("given_name_reading", "given_name_reading", NULL, given_name_reading_aliases, NULL),
  PERSON_COLUMN ("honorific", "honorific", NULL, honorific_aliases, NULL),
  PERSON_COLUMN ("title", "title", NULL, title_aliases, NULL),
  PERSON_COLUMN ("department", "department", NULL, department_aliases, NULL),
  { "emails", N_("Email address"), &liaison_person_type, "emails", NULL,
    LIAISON_CSV_COLUMN_DEFAULT, email_aliases, NULL },
  { "phones", N_("Phone number"), &liaison_person_type, "phones", NULL,
    LIAISON_CSV_COLUMN_DEFAULT, phone_aliases, NULL },
  PERSON_COLUMN ("language", "language", NULL, language_aliases, language_values),
  { "local_government", NULL, &liaison_registrant_type, "local_government", NULL,
    LIAISON_CSV_COLUMN_GOVERNMENT, local_government_aliases, NULL },
  { "status", NULL, &liaison_registrant_type, "status", NULL,
    LIAISON_CSV_COLUMN_DEFAULT, status_aliases, status_values },
};

static const LiaisonCsvImportTarget registrants_target = {
  &liaison_registrant_type,
  "person",
  registrant_columns,
  G_N_ELEMENTS (registrant_columns),
  /* Translators: why a row of an imported registrant list is not new; it
   * follows "Row 5: " */
  N_("already registered for this seminar; the row updates the registration."),
};

/* What the import holds */

typedef struct
{
  guint                number;    /* the row in a spreadsheet, the header being row 1 */
  GPtrArray           *cells;     /* char *, trimmed, as many as the headers */
  guint                n_values;  /* up to the last value that is not empty */
  LiaisonCsvRowStatus  status;
  LiaisonCsvRowStatus  base;      /* for REPEATED: what the row is on its own */
  char                *reason;
  char                *person;    /* the person there: MATCH, DUPLICATE */
  char                *existing;  /* the record there: DUPLICATE */
  GPtrArray           *keys;      /* what tells the person apart in the file */
  guint                first;     /* the first row of the same person; itself if none */
} Row;

struct _LiaisonCsvImport
{
  GObject                       parent_instance;

  LiaisonDatabase              *database;
  const LiaisonCsvImportTarget *target;
  GPtrArray                    *fixed;           /* field, value, field, value… */
  GPtrArray                    *defaults;        /* the same */

  const char                   *encoding;
  GPtrArray                    *headers;         /* char * */
  GArray                       *header_columns;  /* int: a column's index, or -1 */
  GArray                       *column_headers;  /* int: a header's index, or -1 */
  GPtrArray                    *rows;            /* Row * */

  /* What is in the database, read anew for each matching */
  GHashTable                   *by_email;        /* email key → person uuid */
  GHashTable                   *by_name;         /* name key → GPtrArray of person uuids */
  GHashTable                   *governments;     /* person uuid → set of government keys */
  GHashTable                   *existing;        /* person uuid → uuid of their target record */
  GHashTable                   *links;           /* type name → (name key → uuid) */
};

G_DEFINE_FINAL_TYPE (LiaisonCsvImport, liaison_csv_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (liaison-csv-import-error-quark, liaison_csv_import_error)

static void
row_free (Row *row)
{
  if (row == NULL)
    return;

  g_ptr_array_unref (row->cells);
  g_free (row->reason);
  g_free (row->person);
  g_free (row->existing);
  g_clear_pointer (&row->keys, g_ptr_array_unref);
  g_free (row);
}

static void
clear_index (LiaisonCsvImport *self)
{
  g_hash_table_remove_all (self->by_email);
  g_hash_table_remove_all (self->by_name);
  g_hash_table_remove_all (self->governments);
  g_hash_table_remove_all (self->existing);
  g_hash_table_remove_all (self->links);
}

static void
clear_file (LiaisonCsvImport *self)
{
  self->encoding = NULL;
  g_ptr_array_set_size (self->headers, 0);
  g_array_set_size (self->header_columns, 0);
  for (guint i = 0; i < self->column_headers->len; i++)
    g_array_index (self->column_headers, int, i) = -1;
  g_ptr_array_set_size (self->rows, 0);
  clear_index (self);
}

static void
liaison_csv_import_finalize (GObject *object)
{
  LiaisonCsvImport *self = (LiaisonCsvImport *) object;

  g_clear_object (&self->database);
  g_clear_pointer (&self->fixed, g_ptr_array_unref);
  g_clear_pointer (&self->defaults, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->header_columns, g_array_unref);
  g_clear_pointer (&self->column_headers, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->by_email, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->governments, g_hash_table_unref);
  g_clear_pointer (&self->existing, g_hash_table_unref);
  g_clear_pointer (&self->links, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_csv_import_parent_class)->finalize (object);
}

static void
liaison_csv_import_class_init (LiaisonCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_csv_import_finalize;
}

static void
liaison_csv_import_init (LiaisonCsvImport *self)
{
  self->fixed = g_ptr_array_new_with_free_func (g_free);
  self->defaults = g_ptr_array_new_with_free_func (g_free);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->header_columns = g_array_new (FALSE, FALSE, sizeof (int));
  self->column_headers = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->governments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->links = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
}

/* Text */

/* Headers, choices, names and governments as they are compared: widths,
 * case, accents and kana aside, without spaces, punctuation, symbols or
 * invisible marks (a byte order mark, a zero-width space). */
static char *
compare_key (const char *text)
{
  g_autofree char *normal = liaison_search_normalize (text);
  GString *key = g_string_sized_new (strlen (normal));

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType kind = g_unichar_type (c);

      if (g_unichar_isspace (c) || g_unichar_ispunct (c) ||
          kind == G_UNICODE_FORMAT || kind == G_UNICODE_CONTROL)
        continue;

      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static char *
email_key (const char *address)
{
  g_autofree char *normal = g_utf8_normalize (address, -1, G_NORMALIZE_NFKC);

  return g_strstrip (g_ascii_strdown (normal != NULL ? normal : "", -1));
}

/* @text without white space, Unicode's included, at either end. */
static char *
strip_text (const char *text,
            gsize       length)
{
  const char *start = text;
  const char *end = text + length;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

static gboolean
is_separator (gunichar    c,
              const char *separators)
{
  return c < 0x80 ? strchr (separators, (char) c) != NULL && c != 0 : c == 0x3001 || c == 0xff1b;
}

/* A cell that holds several items ("a@example.org; b@example.org") as the
 * field keeps them: one a line, widths unified. */
static char *
split_items (const char *cell,
             const char *separators)
{
  g_autofree char *normal = g_utf8_normalize (cell, -1, G_NORMALIZE_NFKC);
  g_autoptr(GString) items = g_string_new (NULL);
  const char *start = normal;

  if (normal == NULL)
    return g_strdup ("");

  for (const char *p = normal;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || c == '\n' || is_separator (c, separators))
        {
          g_autofree char *item = strip_text (start, p - start);

          if (item[0] != '\0')
            {
              if (items->len > 0)
                g_string_append_c (items, '\n');
              g_string_append (items, item);
            }

          if (c == 0)
            break;
          start = g_utf8_next_char (p);
        }
    }

  return g_string_free (g_steal_pointer (&items), FALSE);
}

/* Splits a whole name. "山田 太郎" and "YAMADA Taro" are the family name
 * first, "Taro Yamada" the given name first, "Yamada, Taro" the family
 * name before the comma; a name without a space is a family name. */
static void
split_full_name (const char  *name,
                 char       **family,
                 char       **given)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *comma = strchr (normal, ',');
  const char *start = normal;
  gboolean family_first;

  *family = NULL;
  *given = NULL;

  if (comma == NULL)
    comma = strstr (normal, "，");
  if (comma != NULL)
    {
      *family = strip_text (normal, comma - normal);
      *given = strip_text (g_utf8_next_char (comma), strlen (g_utf8_next_char (comma)));
      return;
    }

  for (const char *p = normal;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_isspace (c))
        {
          if (p > start)
            g_ptr_array_add (words, g_strndup (start, p - start));
          if (c == 0)
            break;
          start = g_utf8_next_char (p);
        }
    }

  if (words->len == 0)
    return;

  if (words->len == 1)
    {
      *family = g_strdup (g_ptr_array_index (words, 0));
      return;
    }

  family_first = liaison_text_has_japanese (normal);
  if (!family_first)
    {
      const char *first = g_ptr_array_index (words, 0);
      g_autofree char *upper = g_utf8_strup (first, -1);
      g_autofree char *rest = g_utf8_strup (g_ptr_array_index (words, 1), -1);

      /* "YAMADA Taro": the family name in capitals, as Japanese write it in romaji */
      family_first = g_utf8_strlen (first, -1) > 1 && g_str_equal (upper, first) &&
                     !g_str_equal (rest, g_ptr_array_index (words, 1));
    }

  g_ptr_array_add (words, NULL);
  if (family_first)
    {
      *family = g_strdup (g_ptr_array_index (words, 0));
      *given = g_strjoinv (" ", (char **) words->pdata + 1);
    }
  else
    {
      *family = g_strdup (g_ptr_array_index (words, words->len - 2));
      g_free (g_ptr_array_steal_index (words, words->len - 2));
      *given = g_strjoinv (" ", (char **) words->pdata);
    }
}

/* Reading the file */

static char *
decode (GBytes      *bytes,
        const char **encoding,
        GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = NULL;
  gsize text_length = 0;

  if (length == 0)
    {
      *encoding = "UTF-8";
      return g_strdup ("");
    }

  if (length >= 2 && ((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe))
    {
      text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, &text_length, NULL);
      *encoding = "UTF-16";
    }
  else if (length >= 2 && ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff))
    {
      text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, &text_length, NULL);
      *encoding = "UTF-16";
    }
  else if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      if (g_utf8_validate_len (data + 3, length - 3, NULL))
        {
          text = g_strndup (data + 3, length - 3);
          text_length = length - 3;
        }
      *encoding = "UTF-8";
    }
  else if (g_utf8_validate_len (data, length, NULL))
    {
      text = g_strndup (data, length);
      text_length = length;
      *encoding = "UTF-8";
    }
  else
    {
      /* Windows' code page 932 is what Japanese spreadsheets save as
       * Shift_JIS; plain Shift_JIS lacks some of its characters. */
      static const char * const charsets[] = { "CP932", "SHIFT_JIS" };

      for (guint i = 0; text == NULL && i < G_N_ELEMENTS (charsets); i++)
        text = g_convert (data, length, "UTF-8", charsets[i], NULL, &text_length, NULL);
      *encoding = "Shift_JIS";
    }

  if (text == NULL)
    {
      g_set_error_literal (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_ENCODING,
                           _("The file is not text in UTF-8, UTF-16 or Shift_JIS. "
                             "Save it from the spreadsheet as “CSV UTF-8” and try again."));
      return NULL;
    }

  if (memchr (text, '\0', text_length) != NULL)
    {
      g_set_error_literal (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_ENCODING,
                           _("The file holds binary data, not text. "
                             "Save it from the spreadsheet as “CSV UTF-8” and try again."));
      return NULL;
    }

  return g_steal_pointer (&text);
}

/* Commas, unless the first row has more tabs (Excel's "Unicode text") or
 * semicolons (spreadsheets where the comma is the decimal mark). */
static char
find_delimiter (const char *text)
{
  guint commas = 0, tabs = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        {
          if (commas + tabs + semicolons > 0)
            break;
        }
      else if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
      else if (*p == ';')
        semicolons++;
    }

  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static gboolean
is_blank (GString *field)
{
  for (gsize i = 0; i < field->len; i++)
    if (field->str[i] != ' ' && field->str[i] != '\t')
      return FALSE;

  return TRUE;
}

static void
end_record (GPtrArray *records,
            GPtrArray *cells,
            guint      number)
{
  Row *row;
  guint n_values = 0;

  for (guint i = 0; i < cells->len; i++)
    if (((char *) g_ptr_array_index (cells, i))[0] != '\0')
      n_values = i + 1;

  /* A blank row is no row, but it has its number. */
  if (n_values == 0)
    {
      g_ptr_array_set_size (cells, 0);
      return;
    }

  row = g_new0 (Row, 1);
  row->number = number;
  row->cells = g_ptr_array_new_with_free_func (g_free);
  row->n_values = n_values;
  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (row->cells, g_steal_pointer (&cells->pdata[i]));
  g_ptr_array_set_size (cells, 0);

  g_ptr_array_add (records, row);
}

static void
end_field (GPtrArray *cells,
           GString   *field)
{
  g_ptr_array_add (cells, strip_text (field->str, field->len));
  g_string_truncate (field, 0);
}

/* RFC 4180, and what spreadsheets write besides: LF or CR alone, space
 * before a quoted value, a quote inside an unquoted one taken as it is. */
static GPtrArray *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  char delimiter = find_delimiter (text);
  gboolean quoted = FALSE;
  guint number = 1;
  guint quote_number = 0;
  const char *p = text;

  while (*p != '\0')
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              p++;
            }
          else if (c == '\r')
            {
              /* Line breaks inside a value are kept as LF. */
              g_string_append_c (field, '\n');
              p += p[1] == '\n' ? 2 : 1;
            }
          else
            {
              g_string_append_c (field, c);
              p++;
            }
        }
      else if (c == '"' && is_blank (field))
        {
          g_string_truncate (field, 0);
          quoted = TRUE;
          quote_number = number;
          p++;
        }
      else if (c == delimiter)
        {
          end_field (cells, field);
          p++;
        }
      else if (c == '\r' || c == '\n')
        {
          end_field (cells, field);
          end_record (records, cells, number);
          number++;
          p += (c == '\r' && p[1] == '\n') ? 2 : 1;
        }
      else
        {
          g_string_append_c (field, c);
          p++;
        }
    }

  if (quoted)
    {
      g_set_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_SYNTAX,
                   /* Translators: %u is a row of a spreadsheet */
                   _("A quoted value that starts on row %u never ends. "
                     "Look for a stray quotation mark there."),
                   quote_number);
      return NULL;
    }

  if (field->len > 0 || cells->len > 0)
    {
      end_field (cells, field);
      end_record (records, cells, number);
    }

  return g_steal_pointer (&records);
}

/* Columns */

static const LiaisonField *
column_field (const LiaisonCsvColumn *column)
{
  return column->field != NULL ? liaison_record_type_find_field (column->type, column->field) : NULL;
}

/**
 * liaison_csv_column_get_label:
 * @column: a column of an import
 *
 * Returns: (transfer none): the column's name as the user sees it,
 *   translated
 */
const char *
liaison_csv_column_get_label (const LiaisonCsvColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  if (column->label != NULL)
    return _(column->label);

  return liaison_field_get_label (column_field (column));
}

/**
 * liaison_csv_row_status_get_label:
 * @status: what a row of an import is
 *
 * Returns: (transfer none): a word or two for it, translated
 */
const char *
liaison_csv_row_status_get_label (LiaisonCsvRowStatus status)
{
  switch (status)
    {
    case LIAISON_CSV_ROW_NEW:
      return C_("imported row", "New");
    case LIAISON_CSV_ROW_MATCH:
      return C_("imported row", "Known person");
    case LIAISON_CSV_ROW_DUPLICATE:
      return C_("imported row", "Already there");
    case LIAISON_CSV_ROW_REPEATED:
      return C_("imported row", "Repeated");
    case LIAISON_CSV_ROW_INVALID:
      return C_("imported row", "Invalid");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
key_is (const char *key,
        const char *text)
{
  g_autofree char *other = NULL;

  if (text == NULL)
    return FALSE;

  other = compare_key (text);
  return other[0] != '\0' && g_str_equal (key, other);
}

static gboolean
column_has_header (const LiaisonCsvColumn *column,
                   const char             *key)
{
  const LiaisonField *field = column_field (column);

  if (key_is (key, column->id) ||
      key_is (key, liaison_csv_column_get_label (column)) ||
      (column->label != NULL && key_is (key, column->label)) ||
      (field != NULL && (key_is (key, field->label) || key_is (key, liaison_field_get_label (field)))))
    return TRUE;

  for (guint i = 0; column->aliases != NULL && column->aliases[i] != NULL; i++)
    if (key_is (key, column->aliases[i]))
      return TRUE;

  return FALSE;
}

static int
column_index (LiaisonCsvImport *self,
              const char       *id)
{
  for (guint i = 0; i < self->target->n_columns; i++)
    if (g_str_equal (self->target->columns[i].id, id))
      return (int) i;

  return -1;
}

static const char *
cell_of (Row *row,
         int  header)
{
  return header >= 0 && (guint) header < row->cells->len ? g_ptr_array_index (row->cells, header) : "";
}

static const char *
column_cell (LiaisonCsvImport *self,
             Row              *row,
             guint             column)
{
  return cell_of (row, g_array_index (self->column_headers, int, column));
}

static gboolean
match_headers (LiaisonCsvImport  *self,
               Row               *header,
               GError           **error)
{
  const LiaisonCsvImportTarget *target = self->target;
  guint n_matched = 0;

  for (guint h = 0; h < header->cells->len; h++)
    {
      const char *text = g_ptr_array_index (header->cells, h);
      g_autofree char *key = compare_key (text);
      int found = -1;

      for (guint c = 0; key[0] != '\0' && found < 0 && c < target->n_columns; c++)
        {
          if (g_array_index (self->column_headers, int, c) < 0 &&
              column_has_header (&target->columns[c], key))
            found = (int) c;
        }

      g_ptr_array_add (self->headers, g_strdup (text));
      g_array_append_val (self->header_columns, found);
      if (found >= 0)
        {
          g_array_index (self->column_headers, int, found) = (int) h;
          n_matched++;
        }
    }

  if (n_matched == 0)
    {
      g_set_error_literal (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_NO_COLUMNS,
                           _("None of the file’s columns is one Liaison knows. Its first row "
                             "should name them, for example “Family name”, “Given name” and “Email”."));
      return FALSE;
    }

  for (guint c = 0; c < target->n_columns; c++)
    {
      const char *group = target->columns[c].required_group;
      gboolean present = FALSE;

      if (group == NULL)
        continue;

      for (guint other = 0; !present && other < target->n_columns; other++)
        present = g_strcmp0 (target->columns[other].required_group, group) == 0 &&
                  g_array_index (self->column_headers, int, other) >= 0;

      if (!present)
        {
          g_set_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_NO_COLUMNS,
                       /* Translators: %s is the name of a column, e.g. "Family name" */
                       _("The file has no “%s” column. Its first row should name the columns."),
                       liaison_csv_column_get_label (&target->columns[c]));
          return FALSE;
        }
    }

  return TRUE;
}

/* The database */

static GPtrArray *
list_records (LiaisonDatabase          *database,
              const LiaisonRecordType  *type,
              GError                  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int status;

  /* Table and column names from the record types; no data in the SQL */
  sql = g_strconcat ("SELECT ", liaison_database_select_sql (database, type),
                     " FROM ", type->name, " WHERE deleted_at IS NULL ORDER BY id", NULL);
  stmt = liaison_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, liaison_database_load_row (database, type, stmt));
  sqlite3_reset (stmt);

  if (status != SQLITE_DONE)
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (liaison_database_get_handle (database)));
      return NULL;
    }

  return g_steal_pointer (&records);
}

static void
add_government (LiaisonCsvImport *self,
                const char       *person,
                const char       *government)
{
  GHashTable *set;
  char *key;

  if (person[0] == '\0' || government[0] == '\0')
    return;

  key = compare_key (government);
  if (key[0] == '\0')
    {
      g_free (key);
      return;
    }

  set = g_hash_table_lookup (self->governments, person);
  if (set == NULL)
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->governments, g_strdup (person), set);
    }
  g_hash_table_add (set, key);
}

static char *
name_key (const char *family,
          const char *given)
{
  g_autofree char *name = g_strconcat (family, given, NULL);

  return compare_key (name);
}

static const LiaisonCsvColumn *
government_column (LiaisonCsvImport *self)
{
  for (guint c = 0; c < self->target->n_columns; c++)
    if ((self->target->columns[c].flags & LIAISON_CSV_COLUMN_GOVERNMENT) != 0)
      return &self->target->columns[c];

  return NULL;
}

static gboolean
has_fixed_values (LiaisonCsvImport *self,
                  LiaisonRecord    *record)
{
  for (guint i = 0; i + 1 < self->fixed->len; i += 2)
    if (g_strcmp0 (liaison_record_get_text (record, g_ptr_array_index (self->fixed, i)),
                   g_ptr_array_index (self->fixed, i + 1)) != 0)
      return FALSE;

  return TRUE;
}

/* Reads what the rows are matched against. */
static gboolean
index_database (LiaisonCsvImport  *self,
                GError           **error)
{
  const LiaisonCsvColumn *government = government_column (self);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GHashTable) organization_names = g_hash_table_new (g_str_hash, g_str_equal);

  clear_index (self);

  people = list_records (self->database, &liaison_person_type, error);
  if (people == NULL)
    return FALSE;

  organizations = list_records (self->database, &liaison_organization_type, error);
  if (organizations == NULL)
    return FALSE;

  for (guint i = 0; i < organizations->len; i++)
    g_hash_table_insert (organization_names,
                         (gpointer) liaison_record_get_uuid (g_ptr_array_index (organizations, i)),
                         g_ptr_array_index (organizations, i));

  for (guint i = 0; i < people->len; i++)
    {
      LiaisonRecord *person = g_ptr_array_index (people, i);
      const char *uuid = liaison_record_get_uuid (person);
      g_auto(GStrv) emails = g_strsplit (liaison_record_get_text (person, "emails"), "\n", -1);
      g_autofree char *name = name_key (liaison_record_get_text (person, "family_name"),
                                        liaison_record_get_text (person, "given_name"));
      LiaisonRecord *organization = g_hash_table_lookup (organization_names,
                                                         liaison_record_get_text (person, "organization"));

      for (guint e = 0; emails[e] != NULL; e++)
        {
          char *key = email_key (emails[e]);

          if (key[0] != '\0' && !g_hash_table_contains (self->by_email, key))
            g_hash_table_insert (self->by_email, key, g_strdup (uuid));
          else
            g_free (key);
        }

      if (name[0] != '\0')
        {
          GPtrArray *same = g_hash_table_lookup (self->by_name, name);

          if (same == NULL)
            {
              same = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (self->by_name, g_strdup (name), same);
            }
          g_ptr_array_add (same, g_strdup (uuid));
        }

      if (organization != NULL)
        {
          add_government (self, uuid, liaison_record_get_text (organization, "name"));
          add_government (self, uuid, liaison_record_get_text (organization, "acronym"));
        }

      if (government != NULL && government->type == &liaison_person_type)
        add_government (self, uuid, liaison_record_get_text (person, government->field));
    }

  if (self->target->type != &liaison_person_type)
    {
      g_autoptr(GPtrArray) records = list_records (self->database, self->target->type, error);

      if (records == NULL)
        return FALSE;

      for (guint i = 0; i < records->len; i++)
        {
          LiaisonRecord *record = g_ptr_array_index (records, i);
          const char *person = liaison_record_get_text (record, self->target->person_field);

          if (government != NULL && government->type == self->target->type)
            add_government (self, person, liaison_record_get_text (record, government->field));

          if (person[0] != '\0' && has_fixed_values (self, record) &&
              !g_hash_table_contains (self->existing, person))
            g_hash_table_insert (self->existing, g_strdup (person),
                                 g_strdup (liaison_record_get_uuid (record)));
        }
    }

  return TRUE;
}

/* The record a link names: by its title, or a name or acronym. */
static const char *
find_link (LiaisonCsvImport   *self,
           const LiaisonField *field,
           const char         *cell)
{
  const LiaisonRecordType *type = liaison_record_type_find (field->link_type);
  g_autofree char *key = NULL;
  GHashTable *names;

  if (type == NULL)
    return NULL;

  names = g_hash_table_lookup (self->links, type->name);
  if (names == NULL)
    {
      g_autoptr(GPtrArray) records = list_records (self->database, type, NULL);
      static const char * const name_fields[] = { "name", "acronym" };

      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->links, (gpointer) type->name, names);

      for (guint i = 0; records != NULL && i < records->len; i++)
        {
          LiaisonRecord *record = g_ptr_array_index (records, i);
          g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (texts, liaison_record_dup_title (record));
          for (guint f = 0; f < G_N_ELEMENTS (name_fields); f++)
            if (liaison_record_type_find_field (type, name_fields[f]) != NULL)
              g_ptr_array_add (texts, g_strdup (liaison_record_get_text (record, name_fields[f])));

          for (guint t = 0; t < texts->len; t++)
            {
              char *text_key = compare_key (g_ptr_array_index (texts, t));

              if (text_key[0] != '\0' && !g_hash_table_contains (names, text_key))
                g_hash_table_insert (names, text_key, g_strdup (liaison_record_get_uuid (record)));
              else
                g_free (text_key);
            }
        }
    }

  key = compare_key (cell);
  return g_hash_table_lookup (names, key);
}

/* Cells into fields */

static const char *
choice_value (const LiaisonCsvColumn *column,
              const LiaisonField     *field,
              const char             *cell)
{
  g_autofree char *key = compare_key (cell);

  for (guint i = 0; field->choices[i].value != NULL; i++)
    {
      const LiaisonChoice *choice = &field->choices[i];

      if (key_is (key, choice->value) || key_is (key, choice->label) ||
          key_is (key, liaison_choice_get_label (choice)))
        return choice->value;
    }

  for (guint i = 0; column->value_aliases != NULL && column->value_aliases[i] != NULL; i += 2)
    {
      if (column->value_aliases[i + 1] == NULL)
        break;
      if (key_is (key, column->value_aliases[i + 1]))
        return column->value_aliases[i];
    }

  return NULL;
}

static gboolean
parse_boolean (const char *cell,
               gboolean   *value)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "はい", "有", "あり", NULL };
  static const char * const no[] = { "no", "n", "false", "0", "いいえ", "無", "なし", NULL };
  g_autofree char *key = compare_key (cell);

  if (key_is (key, _("Yes")) || g_strv_contains (yes, key))
    {
      *value = TRUE;
      return TRUE;
    }

  if (key_is (key, _("No")) || g_strv_contains (no, key))
    {
      *value = FALSE;
      return TRUE;
    }

  return FALSE;
}

/* YYYY-MM-DD, also from YYYY/MM/DD and YYYY.M.D as Japanese forms write it */
static char *
normalize_date (const char *cell)
{
  g_autofree char *text = g_utf8_normalize (cell, -1, G_NORMALIZE_NFKC);
  unsigned int year, month, day;
  char first, second;
  int end = 0;

  if (text != NULL &&
      sscanf (text, "%4u%c%2u%c%2u%n", &year, &first, &month, &second, &day, &end) == 5 &&
      text[end] == '\0' && first == second && strchr ("-/.", first) != NULL)
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);

  return g_steal_pointer (&text);
}

/* @current with the lines of @added it does not have, case aside */
static char *
merge_lines (const char *current,
             const char *added)
{
  g_auto(GStrv) have = g_strsplit (current, "\n", -1);
  g_auto(GStrv) lines = g_strsplit (added, "\n", -1);
  g_autoptr(GString) merged = g_string_new (current);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; !known && have[j] != NULL; j++)
        known = g_ascii_strcasecmp (have[j], lines[i]) == 0;

      if (known || lines[i][0] == '\0')
        continue;

      if (merged->len > 0)
        g_string_append_c (merged, '\n');
      g_string_append (merged, lines[i]);
    }

  return g_string_free (g_steal_pointer (&merged), FALSE);
}

/* Sets a field from a cell that is not empty. With @fill (a person
 * already there), only an empty field is set, and lists get the items
 * they lack. */
static gboolean
set_cell (LiaisonCsvImport        *self,
          const LiaisonCsvColumn  *column,
          LiaisonRecord           *record,
          const char              *cell,
          gboolean                 fill,
          GError                 **error)
{
  const LiaisonField *field = column_field (column);
  const char *label = liaison_field_get_label (field);
  g_autofree char *text = NULL;

  switch (field->kind)
    {
    case LIAISON_FIELD_INTEGER:
      {
        g_autofree char *normal = g_utf8_normalize (cell, -1, G_NORMALIZE_NFKC);
        gint64 number;

        if (normal == NULL ||
            !g_ascii_string_to_signed (g_strstrip (normal), 10, G_MININT64, G_MAXINT64, &number, NULL))
          {
            g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                         /* Translators: the name of a field, then what the file has */
                         _("%s: “%s” is not a number."), label, cell);
            return FALSE;
          }

        if (!fill || liaison_record_get_integer (record, field->name) == 0)
          liaison_record_set_integer (record, field->name, number);
        return TRUE;
      }

    case LIAISON_FIELD_BOOLEAN:
      {
        gboolean value;

        if (!parse_boolean (cell, &value))
          {
            g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                         /* Translators: the name of a field, then what the file has */
                         _("%s: “%s” is neither yes nor no."), label, cell);
            return FALSE;
          }

        if (!fill)
          liaison_record_set_boolean (record, field->name, value);
        return TRUE;
      }

    case LIAISON_FIELD_CHOICE:
      {
        const char *value = choice_value (column, field, cell);

        /* An unknown value is kept for validation to name it. */
        text = g_strdup (value != NULL ? value : cell);
        break;
      }

    case LIAISON_FIELD_EMAILS:
      text = split_items (cell, ";, \t");
      break;

    case LIAISON_FIELD_PHONES:
      text = split_items (cell, ";");
      break;

    case LIAISON_FIELD_TAGS:
      text = split_items (cell, ";,");
      break;

    case LIAISON_FIELD_DATE:
      text = normalize_date (cell);
      break;

    case LIAISON_FIELD_LINK:
      {
        const char *uuid = g_uuid_string_is_valid (cell) ? cell : find_link (self, field, cell);

        if (uuid == NULL)
          {
            g_set_error (error, LIAISON_RECORD_ERROR, LIAISON_RECORD_ERROR_INVALID,
                         /* Translators: the name of a field, then what the file has */
                         _("%s: there is no “%s” in Liaison."), label, cell);
            return FALSE;
          }
        text = g_strdup (uuid);
        break;
      }

    case LIAISON_FIELD_COUNTRY:
    case LIAISON_FIELD_SUBDIVISION:
    case LIAISON_FIELD_PREFECTURE:
      {
        g_autofree char *normal = g_utf8_normalize (cell, -1, G_NORMALIZE_NFKC);

        text = g_ascii_strup (normal != NULL ? normal : cell, -1);
        break;
      }

    default:
      text = g_strdup (cell);
      break;
    }

  if (fill)
    {
      const char *current = liaison_record_get_text (record, field->name);

      if (field->kind == LIAISON_FIELD_EMAILS || field->kind == LIAISON_FIELD_PHONES ||
          field->kind == LIAISON_FIELD_TAGS)
        {
          g_autofree char *merged = merge_lines (current, text);

          liaison_record_set_text (record, field->name, merged);
          return TRUE;
        }

      if (current[0] != '\0')
        return TRUE;
    }

  liaison_record_set_text (record, field->name, text);
  return TRUE;
}

/* Sets the fields of @record (a person, or a record of the target's type)
 * from the row's cells that are not empty. */
static gboolean
fill_record (LiaisonCsvImport  *self,
             Row               *row,
             LiaisonRecord     *record,
             gboolean           fill,
             GError           **error)
{
  const LiaisonCsvImportTarget *target = self->target;
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  for (guint c = 0; c < target->n_columns; c++)
    {
      const LiaisonCsvColumn *column = &target->columns[c];
      const char *cell = column_cell (self, row, c);

      if (column->type != type || column->field == NULL || cell[0] == '\0')
        continue;

      if (!set_cell (self, column, record, cell, fill, error))
        return FALSE;
    }

  /* A whole name, where the columns of its parts are missing or empty */
  for (guint c = 0; type == &liaison_person_type && c < target->n_columns; c++)
    {
      const char *cell = column_cell (self, row, c);
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;

      if ((target->columns[c].flags & LIAISON_CSV_COLUMN_FULL_NAME) == 0 || cell[0] == '\0')
        continue;

      split_full_name (cell, &family, &given);
      if (liaison_record_get_text (record, "family_name")[0] == '\0')
        liaison_record_set_text (record, "family_name", family);
      if (liaison_record_get_text (record, "given_name")[0] == '\0')
        liaison_record_set_text (record, "given_name", given);
    }

  return TRUE;
}

static void
set_pairs (LiaisonRecord *record,
           GPtrArray     *pairs,
           gboolean       only_empty)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *field = g_ptr_array_index (pairs, i);

      if (!only_empty || liaison_record_get_text (record, field)[0] == '\0')
        liaison_record_set_text (record, field, g_ptr_array_index (pairs, i + 1));
    }
}

/* A new record of the target's type for @row, linking @person */
static LiaisonRecord *
new_target (LiaisonCsvImport  *self,
            Row               *row,
            const char        *person,
            GError           **error)
{
  g_autoptr(LiaisonRecord) record = liaison_record_new (self->target->type);

  if (!fill_record (self, row, record, FALSE, error))
    return NULL;

  set_pairs (record, self->defaults, TRUE);
  set_pairs (record, self->fixed, FALSE);
  liaison_record_set_text (record, self->target->person_field, person);

  return g_steal_pointer (&record);
}

/* Matching */

static void
set_status (Row                 *row,
            LiaisonCsvRowStatus  status,
            char                *reason)
{
  row->status = status;
  g_free (row->reason);
  row->reason = reason;
}

static void
set_invalid (Row        *row,
             const char *message)
{
  /* Translators: a row of a spreadsheet, then what is wrong with it */
  set_status (row, LIAISON_CSV_ROW_INVALID, g_strdup_printf (_("Row %u: %s"), row->number, message));
}

/* Every text field of @record that has a value is valid. */
static gboolean
validate_values (LiaisonRecord  *record,
                 GError        **error)
{
  const LiaisonRecordType *type = liaison_record_get_record_type (record);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const LiaisonField *field = &type->fields[i];

      if (liaison_field_is_text (field) && liaison_record_get_text (record, field->name)[0] == '\0')
        continue;

      if (!liaison_record_validate_field (record, field->name, error))
        return FALSE;
    }

  return TRUE;
}

static void
add_key (Row        *row,
         const char *kind,
         const char *key)
{
  g_ptr_array_add (row->keys, g_strconcat (kind, key, NULL));
}

static char *
person_name (LiaisonCsvImport *self,
             const char       *uuid)
{
  g_autoptr(LiaisonRecord) person = liaison_database_get (self->database, &liaison_person_type, uuid, NULL);

  return person != NULL ? liaison_person_dup_display_name (person) : g_strdup (uuid);
}

static void
classify_row (LiaisonCsvImport *self,
              Row              *row)
{
  const LiaisonCsvColumn *government = government_column (self);
  g_autoptr(LiaisonRecord) person = liaison_record_new (&liaison_person_type);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) emails = NULL;
  g_autofree char *name = NULL;
  g_autofree char *government_key = NULL;
  const char *found = NULL;
  const char *existing = NULL;
  gboolean by_email = FALSE;

  g_clear_pointer (&row->reason, g_free);
  g_clear_pointer (&row->person, g_free);
  g_clear_pointer (&row->existing, g_free);
  g_clear_pointer (&row->keys, g_ptr_array_unref);
  row->keys = g_ptr_array_new_with_free_func (g_free);
  row->status = row->base = LIAISON_CSV_ROW_NEW;

  if (row->n_values > self->headers->len)
    {
      set_status (row, LIAISON_CSV_ROW_INVALID,
                  /* Translators: a row of a spreadsheet, how many values it has, then
                   * how many columns the header names */
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Row %u has %u values, but the first row names only %u column.",
                                                "Row %u has %u values, but the first row names only %u columns.",
                                                self->headers->len),
                                   row->number, row->n_values, self->headers->len));
      return;
    }

  if (!fill_record (self, row, person, FALSE, &local_error) ||
      !validate_values (person, &local_error))
    {
      set_invalid (row, local_error->message);
      return;
    }

  if (self->target->type != &liaison_person_type)
    {
      /* Any uuid will do for the person here: links are checked on saving. */
      g_autoptr(LiaisonRecord) record = new_target (self, row, liaison_record_get_uuid (person), &local_error);

      if (record == NULL || !liaison_record_validate (record, &local_error))
        {
          set_invalid (row, local_error->message);
          return;
        }
    }

  /* What tells the person apart */
  emails = g_strsplit (liaison_record_get_text (person, "emails"), "\n", -1);
  for (guint i = 0; emails[i] != NULL; i++)
    {
      g_autofree char *key = email_key (emails[i]);

      if (key[0] != '\0')
        add_key (row, "email:", key);
      if (found == NULL && key[0] != '\0')
        found = g_hash_table_lookup (self->by_email, key);
    }
  by_email = found != NULL;

  name = name_key (liaison_record_get_text (person, "family_name"),
                   liaison_record_get_text (person, "given_name"));
  if (government != NULL)
    government_key = compare_key (column_cell (self, row, (guint) (government - self->target->columns)));

  if (name[0] != '\0' && government_key != NULL && government_key[0] != '\0')
    {
      GPtrArray *same = g_hash_table_lookup (self->by_name, name);
      g_autofree char *key = g_strconcat (name, "\n", government_key, NULL);

      add_key (row, "name:", key);

      for (guint i = 0; found == NULL && same != NULL && i < same->len; i++)
        {
          GHashTable *theirs = g_hash_table_lookup (self->governments, g_ptr_array_index (same, i));

          if (theirs != NULL && g_hash_table_contains (theirs, government_key))
            found = g_ptr_array_index (same, i);
        }
    }

  if (found == NULL)
    {
      /* A new person needs what any person needs. */
      if (!liaison_record_validate (person, &local_error))
        set_invalid (row, local_error->message);
      return;
    }

  row->person = g_strdup (found);
  add_key (row, "person:", found);

  if (self->target->type != &liaison_person_type)
    existing = g_hash_table_lookup (self->existing, found);

  if (existing != NULL)
    {
      row->existing = g_strdup (existing);
      set_status (row, LIAISON_CSV_ROW_DUPLICATE,
                  g_strdup_printf (_("Row %u: %s"), row->number, _(self->target->duplicate_text)));
    }
  else
    {
      g_autofree char *who = person_name (self, found);

      if (by_email)
        set_status (row, LIAISON_CSV_ROW_MATCH,
                    /* Translators: a row of a spreadsheet, then the name of a person already in Liaison */
                    g_strdup_printf (_("Row %u: %s, found by email address."), row->number, who));
      else
        set_status (row, LIAISON_CSV_ROW_MATCH,
                    /* Translators: a row of a spreadsheet, the name of a person already in
                     * Liaison, then the name of a column, e.g. "Local government" */
                    g_strdup_printf (_("Row %u: %s, found by name and “%s”."), row->number, who,
                                     liaison_csv_column_get_label (government)));
    }
}

static guint
find_first (LiaisonCsvImport *self,
            guint             index)
{
  while (((Row *) g_ptr_array_index (self->rows, index))->first != index)
    index = ((Row *) g_ptr_array_index (self->rows, index))->first;

  return index;
}

/* Shows each row for what it is now, against what the database holds. */
static gboolean
classify (LiaisonCsvImport  *self,
          GError           **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!index_database (self, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      classify_row (self, row);
      row->first = i;
    }

  /* Rows that share what tells a person apart are one person: a union
   * of the rows, each group led by its first row. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      for (guint k = 0; row->status != LIAISON_CSV_ROW_INVALID && k < row->keys->len; k++)
        {
          const char *key = g_ptr_array_index (row->keys, k);
          gpointer other;

          if (g_hash_table_lookup_extended (seen, key, NULL, &other))
            {
              guint a = find_first (self, i);
              guint b = find_first (self, GPOINTER_TO_UINT (other));

              if (a < b)
                ((Row *) g_ptr_array_index (self->rows, b))->first = a;
              else if (b < a)
                ((Row *) g_ptr_array_index (self->rows, a))->first = b;
            }
          else
            g_hash_table_insert (seen, (gpointer) key, GUINT_TO_POINTER (i));
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      Row *first;

      row->first = find_first (self, i);
      if (row->first == i)
        continue;

      first = g_ptr_array_index (self->rows, row->first);
      row->base = row->status;
      set_status (row, LIAISON_CSV_ROW_REPEATED,
                  /* Translators: two rows of a spreadsheet */
                  g_strdup_printf (_("Row %u: the same person as row %u."), row->number, first->number));
    }

  return TRUE;
}

/* The public API */

/**
 * liaison_csv_import_new:
 * @database: the database to import into
 * @target: (transfer none): what the rows become: the records made, their
 *   link to the person, the columns; it must outlive the import (a
 *   static table)
 *
 * Makes an importer of people, and of records that each link one person,
 * from CSV files. liaison_csv_import_new_registrants() is one; other lists
 * describe their columns in a #LiaisonCsvImportTarget the same way.
 *
 * A column is found in the header by its id, its label, its field's label
 * (in English and in the user's language) and its aliases, compared with
 * widths, case, kana, spaces and punctuation aside. The column flagged
 * %LIAISON_CSV_COLUMN_GOVERNMENT is, with the name, how a person already
 * there is found without an email address: it is compared with the name
 * of the person's organization and with that field of their other
 * records (for registrants, the local government of their other
 * registrations).
 *
 * Returns: (transfer full): a new import; load a file next
 */
LiaisonCsvImport *
liaison_csv_import_new (LiaisonDatabase              *database,
                        const LiaisonCsvImportTarget *target)
{
  LiaisonCsvImport *self;

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), NULL);
  g_return_val_if_fail (target != NULL && target->type != NULL, NULL);
  g_return_val_if_fail ((target->type == &liaison_person_type) == (target->person_field == NULL), NULL);
  g_return_val_if_fail (target->columns != NULL && target->n_columns > 0, NULL);
  g_return_val_if_fail (target->type == &liaison_person_type || target->duplicate_text != NULL, NULL);

  for (guint c = 0; c < target->n_columns; c++)
    {
      const LiaisonCsvColumn *column = &target->columns[c];

      g_return_val_if_fail (column->id != NULL, NULL);
      g_return_val_if_fail (column->type == &liaison_person_type || column->type == target->type, NULL);
      g_return_val_if_fail ((column->flags & LIAISON_CSV_COLUMN_FULL_NAME) != 0 ||
                            column_field (column) != NULL, NULL);
    }

  self = g_object_new (LIAISON_TYPE_CSV_IMPORT, NULL);
  self->database = g_object_ref (database);
  self->target = target;
  g_array_set_size (self->column_headers, target->n_columns);
  clear_file (self);

  return self;
}

/**
 * liaison_csv_import_new_registrants:
 * @database: the database to import into
 * @seminar_uuid: the seminar the people registered for
 *
 * An import of a seminar's registrant list, as a registration form
 * exports it: names (or a whole name), their readings, title, department,
 * email addresses, phone numbers, preferred language, local government and
 * status, with English or Japanese headers. New registrations are
 * “registered” unless the file says otherwise.
 *
 * Returns: (transfer full): a new import
 */
LiaisonCsvImport *
liaison_csv_import_new_registrants (LiaisonDatabase *database,
                                    const char      *seminar_uuid)
{
  LiaisonCsvImport *self;

  g_return_val_if_fail (seminar_uuid != NULL && g_uuid_string_is_valid (seminar_uuid), NULL);

  self = liaison_csv_import_new (database, &registrants_target);
  liaison_csv_import_set_fixed (self, "seminar", seminar_uuid);
  liaison_csv_import_set_default (self, "status", "registered");

  return self;
}

/**
 * liaison_csv_import_get_target:
 * @self: an import
 *
 * Returns: (transfer none): what the import makes
 */
const LiaisonCsvImportTarget *
liaison_csv_import_get_target (LiaisonCsvImport *self)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), NULL);

  return self->target;
}

static void
set_pair (GPtrArray  *pairs,
          const char *field,
          const char *value)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      if (g_str_equal (g_ptr_array_index (pairs, i), field))
        {
          g_free (pairs->pdata[i + 1]);
          pairs->pdata[i + 1] = g_strdup (value);
          return;
        }
    }

  g_ptr_array_add (pairs, g_strdup (field));
  g_ptr_array_add (pairs, g_strdup (value));
}

/**
 * liaison_csv_import_set_fixed:
 * @self: an import
 * @field: a text field of the target's type
 * @value: its value in every record the import makes
 *
 * Gives every record made the same value (a registrant's seminar). A
 * person's record with these values is already there: their row is
 * %LIAISON_CSV_ROW_DUPLICATE. Set before loading a file.
 */
void
liaison_csv_import_set_fixed (LiaisonCsvImport *self,
                              const char       *field,
                              const char       *value)
{
  g_return_if_fail (LIAISON_IS_CSV_IMPORT (self));
  g_return_if_fail (self->target->type != &liaison_person_type);
  g_return_if_fail (liaison_record_type_find_field (self->target->type, field) != NULL);
  g_return_if_fail (value != NULL);

  set_pair (self->fixed, field, value);
}

/**
 * liaison_csv_import_set_default:
 * @self: an import
 * @field: a text field of the target's type
 * @value: its value in a new record whose row leaves it empty
 *
 * Gives the records made a value where the file has none (a
 * registrant's status).
 */
void
liaison_csv_import_set_default (LiaisonCsvImport *self,
                                const char       *field,
                                const char       *value)
{
  g_return_if_fail (LIAISON_IS_CSV_IMPORT (self));
  g_return_if_fail (liaison_record_type_find_field (self->target->type, field) != NULL);
  g_return_if_fail (value != NULL);

  set_pair (self->defaults, field, value);
}

/**
 * liaison_csv_import_load_bytes:
 * @self: an import
 * @bytes: the file's contents
 * @error: return location for a #GError
 *
 * Reads a CSV file, matches its columns and its rows, and replaces what
 * was loaded before. A row that cannot be imported is not an error: its
 * status is %LIAISON_CSV_ROW_INVALID. An error is a file that cannot be
 * read as CSV at all, is empty, or lacks a required column; then nothing
 * is loaded.
 *
 * Returns: %TRUE if the rows can be looked at
 */
gboolean
liaison_csv_import_load_bytes (LiaisonCsvImport  *self,
                               GBytes            *bytes,
                               GError           **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const char *encoding = NULL;
  Row *header;

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_file (self);

  text = decode (bytes, &encoding, error);
  if (text == NULL)
    return FALSE;

  records = parse (text, error);
  if (records == NULL)
    return FALSE;

  if (records->len == 0)
    {
      g_set_error_literal (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      return FALSE;
    }

  header = g_ptr_array_index (records, 0);
  if (!match_headers (self, header, error))
    {
      clear_file (self);
      return FALSE;
    }

  if (records->len == 1)
    {
      g_set_error_literal (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_EMPTY,
                           _("The file has a row of column names but nothing below it."));
      clear_file (self);
      return FALSE;
    }

  for (guint i = 1; i < records->len; i++)
    {
      Row *row = g_steal_pointer (&records->pdata[i]);

      /* As many cells as headers: missing ones are empty. */
      while (row->cells->len < self->headers->len)
        g_ptr_array_add (row->cells, g_strdup (""));
      g_ptr_array_add (self->rows, row);
    }

  self->encoding = encoding;

  if (!classify (self, error))
    {
      clear_file (self);
      return FALSE;
    }

  return TRUE;
}

static GError *
read_error (GFile  *file,
            GError *error)
{
  g_autofree char *name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  name = g_file_get_parse_name (file);
  return g_error_new (LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_READ,
                      /* Translators: a file, then the reason */
                      _("“%s” could not be read: %s"), name, error->message);
}

/**
 * liaison_csv_import_load_file:
 * @self: an import
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * As liaison_csv_import_load_bytes(), from a file. On any error nothing
 * stays loaded.
 *
 * Returns: %TRUE if the rows can be looked at
 */
gboolean
liaison_csv_import_load_file (LiaisonCsvImport  *self,
                              GFile             *file,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      clear_file (self);
      g_propagate_error (error, read_error (file, local_error));
      return FALSE;
    }

  return liaison_csv_import_load_bytes (self, bytes, error);
}

static void
load_file_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LiaisonCsvImport *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (bytes == NULL)
    {
      clear_file (self);
      g_task_return_error (task, read_error (G_FILE (source), error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The database is read on the main thread, where it lives. */
  if (!liaison_csv_import_load_bytes (self, bytes, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * liaison_csv_import_load_file_async:
 * @self: an import
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is loaded
 * @user_data: for @callback
 *
 * Reads @file without blocking, then loads it as
 * liaison_csv_import_load_bytes() does.
 */
void
liaison_csv_import_load_file_async (LiaisonCsvImport    *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LIAISON_IS_CSV_IMPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_csv_import_load_file_async);
  g_file_load_bytes_async (file, cancellable, load_file_cb, task);
}

/**
 * liaison_csv_import_load_file_finish:
 * @self: an import
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the rows can be looked at
 */
gboolean
liaison_csv_import_load_file_finish (LiaisonCsvImport  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * liaison_csv_import_get_encoding:
 * @self: an import
 *
 * Returns: (nullable): how the file loaded was encoded: "UTF-8", "UTF-16"
 *   or "Shift_JIS"; %NULL when none is loaded
 */
const char *
liaison_csv_import_get_encoding (LiaisonCsvImport *self)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), NULL);

  return self->encoding;
}

/**
 * liaison_csv_import_get_n_headers:
 * @self: an import
 *
 * Returns: the number of columns the file's header row names
 */
guint
liaison_csv_import_get_n_headers (LiaisonCsvImport *self)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), 0);

  return self->headers->len;
}

/**
 * liaison_csv_import_get_header:
 * @self: an import
 * @index: a column of the file
 *
 * Returns: (transfer none): the column's header as the file has it
 */
const char *
liaison_csv_import_get_header (LiaisonCsvImport *self,
                               guint             index)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, index);
}

/**
 * liaison_csv_import_get_header_column:
 * @self: an import
 * @index: a column of the file
 *
 * Returns: (transfer none) (nullable): the column of the target the file's
 *   column was matched to; %NULL if it is left out
 */
const LiaisonCsvColumn *
liaison_csv_import_get_header_column (LiaisonCsvImport *self,
                                      guint             index)
{
  int column;

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->header_columns->len, NULL);

  column = g_array_index (self->header_columns, int, index);
  return column >= 0 ? &self->target->columns[column] : NULL;
}

/**
 * liaison_csv_import_dup_unmatched_headers:
 * @self: an import
 *
 * Returns: (transfer full): the headers of the file's columns that are
 *   left out, as the file has them, empty ones aside
 */
GStrv
liaison_csv_import_dup_unmatched_headers (LiaisonCsvImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), NULL);

  for (guint i = 0; i < self->headers->len; i++)
    {
      const char *header = g_ptr_array_index (self->headers, i);

      if (g_array_index (self->header_columns, int, i) < 0 && header[0] != '\0')
        g_strv_builder_add (builder, header);
    }

  return g_strv_builder_end (builder);
}

/**
 * liaison_csv_import_has_column:
 * @self: an import
 * @column_id: the id of a column of the target
 *
 * Returns: %TRUE if the file has that column
 */
gboolean
liaison_csv_import_has_column (LiaisonCsvImport *self,
                               const char       *column_id)
{
  int column;

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), FALSE);

  column = column_index (self, column_id);
  g_return_val_if_fail (column >= 0, FALSE);

  return g_array_index (self->column_headers, int, column) >= 0;
}

/**
 * liaison_csv_import_get_n_rows:
 * @self: an import
 *
 * Returns: the number of rows of the file below its header, blank ones
 *   aside
 */
guint
liaison_csv_import_get_n_rows (LiaisonCsvImport *self)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), 0);

  return self->rows->len;
}

/**
 * liaison_csv_import_count_rows:
 * @self: an import
 * @status: what the rows are
 *
 * Returns: how many rows have @status
 */
guint
liaison_csv_import_count_rows (LiaisonCsvImport    *self,
                               LiaisonCsvRowStatus  status)
{
  guint n = 0;

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (((Row *) g_ptr_array_index (self->rows, i))->status == status)
      n++;

  return n;
}

static Row *
get_row (LiaisonCsvImport *self,
         guint             row)
{
  return row < self->rows->len ? g_ptr_array_index (self->rows, row) : NULL;
}

/* A row whose index was checked already */
static Row *
row_at (LiaisonCsvImport *self,
        guint             row)
{
  g_assert (row < self->rows->len);
  return g_ptr_array_index (self->rows, row);
}

/**
 * liaison_csv_import_get_row_number:
 * @self: an import
 * @row: a row, from 0
 *
 * Returns: the row's number as a spreadsheet shows it, the header being
 *   row 1
 */
guint
liaison_csv_import_get_row_number (LiaisonCsvImport *self,
                                   guint             row)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return get_row (self, row)->number;
}

/**
 * liaison_csv_import_get_row_status:
 * @self: an import
 * @row: a row, from 0
 *
 * Returns: what importing the row does
 */
LiaisonCsvRowStatus
liaison_csv_import_get_row_status (LiaisonCsvImport *self,
                                   guint             row)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), LIAISON_CSV_ROW_INVALID);
  g_return_val_if_fail (row < self->rows->len, LIAISON_CSV_ROW_INVALID);

  return get_row (self, row)->status;
}

/**
 * liaison_csv_import_get_row_reason:
 * @self: an import
 * @row: a row, from 0
 *
 * Returns: (transfer none) (nullable): a sentence, translated, on what the
 *   row is: why it is invalid, whom it matches, which row it repeats;
 *   %NULL for a new row
 */
const char *
liaison_csv_import_get_row_reason (LiaisonCsvImport *self,
                                   guint             row)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->reason;
}

/**
 * liaison_csv_import_get_row_value:
 * @self: an import
 * @row: a row, from 0
 * @column_id: the id of a column of the target
 *
 * Returns: (transfer none) (nullable): the row's cell in that column, as
 *   the file has it, white space at the ends aside; %NULL if the file has
 *   no such column
 */
const char *
liaison_csv_import_get_row_value (LiaisonCsvImport *self,
                                  guint             row,
                                  const char       *column_id)
{
  int column;

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  column = column_index (self, column_id);
  g_return_val_if_fail (column >= 0, NULL);

  if (g_array_index (self->column_headers, int, column) < 0)
    return NULL;

  return column_cell (self, get_row (self, row), column);
}

/**
 * liaison_csv_import_get_row_person:
 * @self: an import
 * @row: a row, from 0
 *
 * Returns: (transfer none) (nullable): the uuid of the person already
 *   there whom the row is, or %NULL
 */
const char *
liaison_csv_import_get_row_person (LiaisonCsvImport *self,
                                   guint             row)
{
  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->person;
}

static int
compare_indexes (gconstpointer a,
                 gconstpointer b)
{
  guint left = *(const guint *) a;
  guint right = *(const guint *) b;

  return left < right ? -1 : left > right;
}

/* The rows chosen, each once, in the file's order */
static GArray *
chosen_rows (const guint *rows,
             guint        n_rows)
{
  GArray *chosen = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_rows);
  guint n = 0;

  g_array_append_vals (chosen, rows, n_rows);
  g_array_sort (chosen, compare_indexes);

  for (guint i = 0; i < chosen->len; i++)
    if (n == 0 || g_array_index (chosen, guint, i) != g_array_index (chosen, guint, n - 1))
      g_array_index (chosen, guint, n++) = g_array_index (chosen, guint, i);
  g_array_set_size (chosen, n);

  return chosen;
}

static gboolean
same_as_preview (LiaisonCsvImport *self,
                 GArray           *chosen,
                 GPtrArray        *before)
{
  for (guint i = 0; i < chosen->len; i++)
    {
      Row *row = row_at (self, g_array_index (chosen, guint, i));
      char *was = g_ptr_array_index (before, i);
      g_autofree char *now = g_strdup_printf ("%d %s %s", row->status,
                                              row->person ? row->person : "",
                                              row->existing ? row->existing : "");

      if (!g_str_equal (was, now))
        return FALSE;
    }

  return TRUE;
}

/**
 * liaison_csv_import_apply:
 * @self: an import with a file loaded
 * @rows: (array length=n_rows): the rows to import, from 0, in any order
 * @n_rows: their number; none imports nothing
 * @n_created: (out) (optional): the number of records made: for
 *   registrants, registrations
 * @n_updated: (out) (optional): the number of records there that the
 *   rows update
 * @error: return location for a #GError
 *
 * Imports the rows chosen in one transaction: all of them, or on any
 * error none. New people are made for %LIAISON_CSV_ROW_NEW rows, a record
 * for each person of a NEW or %LIAISON_CSV_ROW_MATCH row, and the record
 * of a %LIAISON_CSV_ROW_DUPLICATE row is updated with the row's values that
 * are not empty. People already there keep their values: the rows fill
 * only their empty fields, and add the email addresses and phone numbers
 * they lack.
 *
 * Nothing is imported when a chosen row is invalid, when two chosen rows
 * are the same person (%LIAISON_CSV_IMPORT_ERROR_INVALID_ROW), or when the
 * records changed since the preview so that a chosen row is now something
 * else (%LIAISON_CSV_IMPORT_ERROR_CHANGED; the preview is then up to
 * date again). After an import the preview shows the rows as they are now.
 *
 * Returns: %TRUE if the rows were imported
 */
gboolean
liaison_csv_import_apply (LiaisonCsvImport  *self,
                          const guint       *rows,
                          guint              n_rows,
                          guint             *n_created,
                          guint             *n_updated,
                          GError           **error)
{
  g_autoptr(GArray) chosen = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  const LiaisonCsvImportTarget *target;
  guint created = 0;
  guint updated = 0;

  g_return_val_if_fail (LIAISON_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  for (guint i = 0; i < n_rows; i++)
    g_return_val_if_fail (rows[i] < self->rows->len, FALSE);

  target = self->target;
  if (n_created != NULL)
    *n_created = 0;
  if (n_updated != NULL)
    *n_updated = 0;

  if (n_rows == 0)
    return TRUE;

  chosen = chosen_rows (rows, n_rows);

  /* What the preview showed must still hold. */
  for (guint i = 0; i < chosen->len; i++)
    {
      Row *row = row_at (self, g_array_index (chosen, guint, i));

      g_ptr_array_add (before, g_strdup_printf ("%d %s %s", row->status,
                                                row->person ? row->person : "",
                                                row->existing ? row->existing : ""));
    }

  if (!classify (self, error))
    return FALSE;

  if (!same_as_preview (self, chosen, before))
    {
      g_set_error_literal (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_CHANGED,
                           _("The records changed since the file was read. Nothing was imported; "
                             "look at the rows again."));
      return FALSE;
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      Row *row = row_at (self, g_array_index (chosen, guint, i));
      gpointer other;

      if (row->status == LIAISON_CSV_ROW_INVALID)
        {
          g_set_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_INVALID_ROW,
                       /* Translators: %s is why a row cannot be imported, e.g. "Row 5: Family name is required." */
                       _("%s Nothing was imported."), row->reason);
          return FALSE;
        }

      if (g_hash_table_lookup_extended (groups, GUINT_TO_POINTER (row->first), NULL, &other))
        {
          g_set_error (error, LIAISON_CSV_IMPORT_ERROR, LIAISON_CSV_IMPORT_ERROR_INVALID_ROW,
                       /* Translators: two rows of a spreadsheet */
                       _("Rows %u and %u are the same person; choose one of them. Nothing was imported."),
                       row_at (self, GPOINTER_TO_UINT (other))->number, row->number);
          return FALSE;
        }
      g_hash_table_insert (groups, GUINT_TO_POINTER (row->first), GUINT_TO_POINTER (g_array_index (chosen, guint, i)));
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      Row *row = row_at (self, g_array_index (chosen, guint, i));
      LiaisonCsvRowStatus status = row->status == LIAISON_CSV_ROW_REPEATED ? row->base : row->status;
      g_autoptr(LiaisonRecord) person = NULL;
      g_autoptr(LiaisonRecord) record = NULL;

      if (status == LIAISON_CSV_ROW_NEW)
        person = liaison_record_new (&liaison_person_type);
      else
        person = liaison_database_get (self->database, &liaison_person_type, row->person, error);
      if (person == NULL ||
          !fill_record (self, row, person, status != LIAISON_CSV_ROW_NEW, error))
        return FALSE;

      if (target->type == &liaison_person_type)
        {
          if (status == LIAISON_CSV_ROW_NEW)
            created++;
          else
            updated++;
          g_ptr_array_add (people, g_steal_pointer (&person));
          continue;
        }

      if (status == LIAISON_CSV_ROW_DUPLICATE)
        {
          record = liaison_database_get (self->database, target->type, row->existing, error);
          if (record == NULL || !fill_record (self, row, record, FALSE, error))
            return FALSE;
          updated++;
        }
      else
        {
          record = new_target (self, row, liaison_record_get_uuid (person), error);
          if (record == NULL)
            return FALSE;
          created++;
        }

      g_ptr_array_add (people, g_steal_pointer (&person));
      g_ptr_array_add (records, g_steal_pointer (&record));
    }

  /* People first, for the records that link them */
  g_ptr_array_extend_and_steal (people, g_steal_pointer (&records));
  if (!liaison_database_save_all (self->database, people, error))
    return FALSE;

  if (n_created != NULL)
    *n_created = created;
  if (n_updated != NULL)
    *n_updated = updated;

  /* The preview as it is now; the import itself is done. */
  classify (self, NULL);

  return TRUE;
}
