/* test-reference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "liaison-reference.h"

static void
assert_prefecture (const char *code,
                   const char *name_en,
                   const char *name_ja)
{
  const LiaisonPrefecture *prefecture = liaison_reference_find_prefecture (code);

  g_assert_nonnull (prefecture);
  g_assert_cmpstr (prefecture->code, ==, code);
  g_assert_cmpstr (prefecture->name_en, ==, name_en);
  g_assert_cmpstr (prefecture->name_ja, ==, name_ja);
}

static void
test_prefectures (void)
{
  guint n = liaison_reference_get_n_prefectures ();

  g_assert_cmpuint (n, ==, 47);

  for (guint i = 0; i < n; i++)
    {
      const LiaisonPrefecture *prefecture = liaison_reference_get_prefecture (i);
      g_autofree char *expected = g_strdup_printf ("%02u", i + 1);

      g_assert_nonnull (prefecture);
      g_assert_cmpstr (prefecture->code, ==, expected);
      g_assert_true (liaison_reference_find_prefecture (expected) == prefecture);

      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (prefecture->code, !=, liaison_reference_get_prefecture (j)->code);
    }

  assert_prefecture ("01", "Hokkaido", "北海道");
  assert_prefecture ("13", "Tokyo", "東京都");
  assert_prefecture ("14", "Kanagawa", "神奈川県");
  assert_prefecture ("26", "Kyoto", "京都府");
  assert_prefecture ("27", "Osaka", "大阪府");
  assert_prefecture ("28", "Hyogo", "兵庫県");
  assert_prefecture ("47", "Okinawa", "沖縄県");
}

static void
test_prefecture_suffixes (void)
{
  guint n_to = 0;
  guint n_do = 0;
  guint n_fu = 0;
  guint n_ken = 0;

  for (guint i = 0; i < liaison_reference_get_n_prefectures (); i++)
    {
      const LiaisonPrefecture *prefecture = liaison_reference_get_prefecture (i);

      g_assert_true (g_utf8_validate (prefecture->name_ja, -1, NULL));

      if (g_str_has_suffix (prefecture->name_ja, "都"))
        n_to++;
      else if (g_str_has_suffix (prefecture->name_ja, "道"))
        n_do++;
      else if (g_str_has_suffix (prefecture->name_ja, "府"))
        n_fu++;
      else if (g_str_has_suffix (prefecture->name_ja, "県"))
        n_ken++;
      else
        g_assert_not_reached ();
    }

  g_assert_cmpuint (n_to, ==, 1);
  g_assert_cmpuint (n_do, ==, 1);
  g_assert_cmpuint (n_fu, ==, 2);
  g_assert_cmpuint (n_ken, ==, 43);
}

static void
test_prefecture_readings (void)
{
  for (guint i = 0; i < liaison_reference_get_n_prefectures (); i++)
    {
      const LiaisonPrefecture *prefecture = liaison_reference_get_prefecture (i);
      const char *reading = prefecture->reading;

      g_test_message ("%s %s", prefecture->code, reading);
      g_assert_nonnull (reading);
      g_assert_cmpstr (reading, !=, "");
      g_assert_true (g_utf8_validate (reading, -1, NULL));

      for (const char *p = reading; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_assert_cmpuint (c, !=, 0x30FC);  /* ー */
          g_assert_cmpuint (c, >=, 0x3041);
          g_assert_cmpuint (c, <=, 0x309F);
        }
    }

  g_assert_cmpstr (liaison_reference_find_prefecture ("01")->reading, ==, "ほっかいどう");
  g_assert_cmpstr (liaison_reference_find_prefecture ("02")->reading, ==, "あおもりけん");
  g_assert_cmpstr (liaison_reference_find_prefecture ("13")->reading, ==, "とうきょうと");
}

static void
test_find_prefecture (void)
{
  const LiaisonPrefecture *tokyo = liaison_reference_find_prefecture ("13");

  g_assert_nonnull (tokyo);
  g_assert_cmpstr (tokyo->name_en, ==, "Tokyo");

  g_assert_null (liaison_reference_find_prefecture ("99"));
  g_assert_null (liaison_reference_find_prefecture ("00"));
  g_assert_null (liaison_reference_find_prefecture ("1"));
  g_assert_null (liaison_reference_find_prefecture ("013"));
  g_assert_null (liaison_reference_find_prefecture (""));
  g_assert_null (liaison_reference_find_prefecture (NULL));
}

static gboolean
is_code (const char *code,
         const char *country)
{
  return g_str_has_prefix (code, country) &&
         code[2] == '-' &&
         g_ascii_isupper (code[3]) &&
         g_ascii_isupper (code[4]) &&
         code[5] == '\0';
}

static void
test_subdivisions (void)
{
  guint n = liaison_reference_get_n_subdivisions ();
  guint n_us = 0;
  guint n_ca = 0;
  guint n_kind[LIAISON_SUBDIVISION_TERRITORY + 1] = { 0, };

  g_assert_cmpuint (n, ==, 57 + 13);

  for (guint i = 0; i < n; i++)
    {
      const LiaisonSubdivision *subdivision = liaison_reference_get_subdivision (i);

      g_assert_nonnull (subdivision);
      g_assert_nonnull (subdivision->name);
      g_assert_cmpstr (subdivision->name, !=, "");
      g_assert_cmpint (subdivision->kind, >=, LIAISON_SUBDIVISION_STATE);
      g_assert_cmpint (subdivision->kind, <=, LIAISON_SUBDIVISION_TERRITORY);
      n_kind[subdivision->kind]++;

      if (i < 57)
        {
          g_assert_true (is_code (subdivision->code, "US"));
          g_assert_cmpint (subdivision->kind, <=, LIAISON_SUBDIVISION_OUTLYING_AREA);
          g_assert_cmpstr (liaison_reference_subdivision_country (subdivision->code), ==, "US");
          n_us++;
        }
      else
        {
          g_assert_true (is_code (subdivision->code, "CA"));
          g_assert_cmpint (subdivision->kind, >=, LIAISON_SUBDIVISION_PROVINCE);
          g_assert_cmpstr (liaison_reference_subdivision_country (subdivision->code), ==, "CA");
          n_ca++;
        }

      /* Sorted by code within each country, hence unique. */
      if (i > 0 && i != 57)
        g_assert_cmpstr (liaison_reference_get_subdivision (i - 1)->code, <, subdivision->code);

      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (subdivision->code, !=, liaison_reference_get_subdivision (j)->code);

      g_assert_true (liaison_reference_find_subdivision (subdivision->code) == subdivision);
    }

  g_assert_cmpuint (n_us, ==, 57);
  g_assert_cmpuint (n_ca, ==, 13);
  g_assert_cmpuint (n_kind[LIAISON_SUBDIVISION_STATE], ==, 50);
  g_assert_cmpuint (n_kind[LIAISON_SUBDIVISION_DISTRICT], ==, 1);
  g_assert_cmpuint (n_kind[LIAISON_SUBDIVISION_OUTLYING_AREA], ==, 6);
  g_assert_cmpuint (n_kind[LIAISON_SUBDIVISION_PROVINCE], ==, 10);
  g_assert_cmpuint (n_kind[LIAISON_SUBDIVISION_TERRITORY], ==, 3);
}

static void
test_find_subdivision (void)
{
  const LiaisonSubdivision *subdivision;

  subdivision = liaison_reference_find_subdivision ("us-nj");
  g_assert_nonnull (subdivision);
  g_assert_cmpstr (subdivision->code, ==, "US-NJ");
  g_assert_cmpstr (subdivision->name, ==, "New Jersey");
  g_assert_cmpint (subdivision->kind, ==, LIAISON_SUBDIVISION_STATE);

  subdivision = liaison_reference_find_subdivision ("CA-ON");
  g_assert_nonnull (subdivision);
  g_assert_cmpstr (subdivision->name, ==, "Ontario");
  g_assert_cmpint (subdivision->kind, ==, LIAISON_SUBDIVISION_PROVINCE);

  subdivision = liaison_reference_find_subdivision ("US-DC");
  g_assert_nonnull (subdivision);
  g_assert_cmpint (subdivision->kind, ==, LIAISON_SUBDIVISION_DISTRICT);

  subdivision = liaison_reference_find_subdivision ("Us-Pr");
  g_assert_nonnull (subdivision);
  g_assert_cmpstr (subdivision->name, ==, "Puerto Rico");
  g_assert_cmpint (subdivision->kind, ==, LIAISON_SUBDIVISION_OUTLYING_AREA);

  subdivision = liaison_reference_find_subdivision ("ca-yt");
  g_assert_nonnull (subdivision);
  g_assert_cmpstr (subdivision->name, ==, "Yukon");
  g_assert_cmpint (subdivision->kind, ==, LIAISON_SUBDIVISION_TERRITORY);

  g_assert_null (liaison_reference_find_subdivision ("US-XX"));
  g_assert_null (liaison_reference_find_subdivision ("JP-13"));
  g_assert_null (liaison_reference_find_subdivision ("US-NJ "));
  g_assert_null (liaison_reference_find_subdivision (""));
  g_assert_null (liaison_reference_find_subdivision (NULL));
}

static void
test_subdivision_country (void)
{
  g_assert_cmpstr (liaison_reference_subdivision_country ("CA-QC"), ==, "CA");
  g_assert_cmpstr (liaison_reference_subdivision_country ("us-ny"), ==, "US");
  g_assert_cmpstr (liaison_reference_subdivision_country ("US-GU"), ==, "US");
  g_assert_null (liaison_reference_subdivision_country ("JP-13"));
  g_assert_null (liaison_reference_subdivision_country ("US-XX"));
  g_assert_null (liaison_reference_subdivision_country (""));
  g_assert_null (liaison_reference_subdivision_country (NULL));
}

static void
test_out_of_range (void)
{
  g_test_expect_message ("liaison-reference", G_LOG_LEVEL_CRITICAL, "*position*");
  g_assert_null (liaison_reference_get_prefecture (47));
  g_test_assert_expected_messages ();

  g_test_expect_message ("liaison-reference", G_LOG_LEVEL_CRITICAL, "*position*");
  g_assert_null (liaison_reference_get_subdivision (liaison_reference_get_n_subdivisions ()));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reference/prefectures", test_prefectures);
  g_test_add_func ("/reference/prefecture-suffixes", test_prefecture_suffixes);
  g_test_add_func ("/reference/prefecture-readings", test_prefecture_readings);
  g_test_add_func ("/reference/find-prefecture", test_find_prefecture);
  g_test_add_func ("/reference/subdivisions", test_subdivisions);
  g_test_add_func ("/reference/find-subdivision", test_find_subdivision);
  g_test_add_func ("/reference/subdivision-country", test_subdivision_country);
  g_test_add_func ("/reference/out-of-range", test_out_of_range);

  return g_test_run ();
}
