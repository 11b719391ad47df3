/* liaison-search.c
 *
 * Text as the search sees it. Japanese has no spaces between words, so the
 * index matches substrings; this makes the substrings comparable: full-
 * and half-width forms are unified (ＡＢＣ, ｶﾅ), Latin letters lose case and
 * accents (Québec finds quebec), and katakana is folded to hiragana (カナ
 * finds かな), since readings are typed either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-search"

#include "config.h"

#include <string.h>

#include "liaison-database.h"
#include "liaison-search.h"

struct _LiaisonSearchResult
{
  GObject          parent_instance;

  LiaisonDatabase *database;
  char            *record_type;
  char            *uuid;
  char            *title;
};

G_DEFINE_FINAL_TYPE (LiaisonSearchResult, liaison_search_result, G_TYPE_OBJECT)

/**
 * liaison_search_normalize:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text in the form the search index keeps and
 *   compares
 */
char *
liaison_search_normalize (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) kept = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Compatibility decomposition: widths unified, accents split off. */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  kept = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Latin combining accents go; the kana voicing marks stay. */
      if (c >= 0x0300 && c <= 0x036f)
        continue;

      /* Katakana to hiragana (ァ..ヶ, and the iteration marks ヽヾ). */
      if ((c >= 0x30a1 && c <= 0x30f6) || c == 0x30fd || c == 0x30fe)
        c -= 0x60;

      g_string_append_unichar (kept, c);
    }

  folded = g_utf8_casefold (kept->str, kept->len);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static void
liaison_search_result_finalize (GObject *object)
{
  LiaisonSearchResult *self = (LiaisonSearchResult *)object;

  g_clear_object (&self->database);
  g_clear_pointer (&self->record_type, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (liaison_search_result_parent_class)->finalize (object);
}

static void
liaison_search_result_class_init (LiaisonSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_search_result_finalize;
}

static void
liaison_search_result_init (LiaisonSearchResult *self)
{
}

/**
 * liaison_search_result_new:
 * @database: (nullable): the database the record is in, to name it when
 *   asked; or %NULL when @title is given
 * @record_type: the record's type
 * @uuid: the record's uuid
 * @title: (nullable): its title, or %NULL to read it from @database when
 *   it is first asked for (a list shows only a few results at once)
 *
 * Returns: (transfer full): the result
 */
LiaisonSearchResult *
liaison_search_result_new (LiaisonDatabase *database,
                           const char      *record_type,
                           const char      *uuid,
                           const char      *title)
{
  LiaisonSearchResult *self = g_object_new (LIAISON_TYPE_SEARCH_RESULT, NULL);

  self->database = database != NULL ? g_object_ref (database) : NULL;
  self->record_type = g_strdup (record_type);
  self->uuid = g_strdup (uuid);
  self->title = g_strdup (title);

  return self;
}

const char *
liaison_search_result_get_record_type (LiaisonSearchResult *self)
{
  g_return_val_if_fail (LIAISON_IS_SEARCH_RESULT (self), NULL);

  return self->record_type;
}

const char *
liaison_search_result_get_uuid (LiaisonSearchResult *self)
{
  g_return_val_if_fail (LIAISON_IS_SEARCH_RESULT (self), NULL);

  return self->uuid;
}

const char *
liaison_search_result_get_title (LiaisonSearchResult *self)
{
  g_return_val_if_fail (LIAISON_IS_SEARCH_RESULT (self), NULL);

  if (self->title == NULL && self->database != NULL)
    {
      const LiaisonRecordType *type = liaison_record_type_find (self->record_type);
      g_autoptr(LiaisonRecord) record = type != NULL ? liaison_database_get (self->database, type, self->uuid, NULL) : NULL;

      self->title = record != NULL ? liaison_record_dup_title (record) : g_strdup ("");
    }

  return self->title != NULL ? self->title : "";
}
