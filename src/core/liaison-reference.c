/* liaison-reference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-reference"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "liaison-reference.h"

/* The prefectures of Japan in the order of JIS X 0401, which is also the
 * order of their codes.
 */
static const LiaisonPrefecture prefectures[] = {
  { "01", "Hokkaido",  "北海道",   "ほっかいどう" },
  { "02", "Aomori",    "青森県",   "あおもりけん" },
  { "03", "Iwate",     "岩手県",   "いわてけん" },
  { "04", "Miyagi",    "宮城県",   "みやぎけん" },
  { "05", "Akita",     "秋田県",   "あきたけん" },
  { "06", "Yamagata",  "山形県",   "やまがたけん" },
  { "07", "Fukushima", "福島県",   "ふくしまけん" },
  { "08", "Ibaraki",   "茨城県",   "いばらきけん" },
  { "09", "Tochigi",   "栃木県",   "とちぎけん" },
  { "10", "Gunma",     "群馬県",   "ぐんまけん" },
  { "11", "Saitama",   "埼玉県",   "さいたまけん" },
  { "12", "Chiba",     "千葉県",   "ちばけん" },
  { "13", "Tokyo",     "東京都",   "とうきょうと" },
  { "14", "Kanagawa",  "神奈川県", "かながわけん" },
  { "15", "Niigata",   "新潟県",   "にいがたけん" },
  { "16", "Toyama",    "富山県",   "とやまけん" },
  { "17", "Ishikawa",  "石川県",   "いしかわけん" },
  { "18", "Fukui",     "福井県",   "ふくいけん" },
  { "19", "Yamanashi", "山梨県",   "やまなしけん" },
  { "20", "Nagano",    "長野県",   "ながのけん" },
  { "21", "Gifu",      "岐阜県",   "ぎふけん" },
  { "22", "Shizuoka",  "静岡県",   "しずおかけん" },
  { "23", "Aichi",     "愛知県",   "あいちけん" },
  { "24", "Mie",       "三重県",   "みえけん" },
  { "25", "Shiga",     "滋賀県",   "しがけん" },
  { "26", "Kyoto",     "京都府",   "きょうとふ" },
  { "27", "Osaka",     "大阪府",   "おおさかふ" },
  { "28", "Hyogo",     "兵庫県",   "ひょうごけん" },
  { "29", "Nara",      "奈良県",   "ならけん" },
  { "30", "Wakayama",  "和歌山県", "わかやまけん" },
  { "31", "Tottori",   "鳥取県",   "とっとりけん" },
  { "32", "Shimane",   "島根県",   "しまねけん" },
  { "33", "Okayama",   "岡山県",   "おかやまけん" },
  { "34", "Hiroshima", "広島県",   "ひろしまけん" },
  { "35", "Yamaguchi", "山口県",   "やまぐちけん" },
  { "36", "Tokushima", "徳島県",   "とくしまけん" },
  { "37", "Kagawa",    "香川県",   "かがわけん" },
  { "38", "Ehime",     "愛媛県",   "えひめけん" },
  { "39", "Kochi",     "高知県",   "こうちけん" },
  { "40", "Fukuoka",   "福岡県",   "ふくおかけん" },
  { "41", "Saga",      "佐賀県",   "さがけん" },
  { "42", "Nagasaki",  "長崎県",   "ながさきけん" },
  { "43", "Kumamoto",  "熊本県",   "くまもとけん" },
  { "44", "Oita",      "大分県",   "おおいたけん" },
  { "45", "Miyazaki",  "宮崎県",   "みやざきけん" },
  { "46", "Kagoshima", "鹿児島県", "かごしまけん" },
  { "47", "Okinawa",   "沖縄県",   "おきなわけん" },
};

#define STATE         LIAISON_SUBDIVISION_STATE
#define DISTRICT      LIAISON_SUBDIVISION_DISTRICT
#define OUTLYING_AREA LIAISON_SUBDIVISION_OUTLYING_AREA
#define PROVINCE      LIAISON_SUBDIVISION_PROVINCE
#define TERRITORY     LIAISON_SUBDIVISION_TERRITORY

/* The ISO 3166-2 subdivisions of the United States, then those of Canada,
 * each country's sorted by code.
 */
static const LiaisonSubdivision subdivisions[] = {
  { "US-AK", "Alaska",                               STATE },
  { "US-AL", "Alabama",                              STATE },
  { "US-AR", "Arkansas",                             STATE },
  { "US-AS", "American Samoa",                       OUTLYING_AREA },
  { "US-AZ", "Arizona",                              STATE },
  { "US-CA", "California",                           STATE },
  { "US-CO", "Colorado",                             STATE },
  { "US-CT", "Connecticut",                          STATE },
  { "US-DC", "District of Columbia",                 DISTRICT },
  { "US-DE", "Delaware",                             STATE },
  { "US-FL", "Florida",                              STATE },
  { "US-GA", "Georgia",                              STATE },
  { "US-GU", "Guam",                                 OUTLYING_AREA },
  { "US-HI", "Hawaii",                               STATE },
  { "US-IA", "Iowa",                                 STATE },
  { "US-ID", "Idaho",                                STATE },
  { "US-IL", "Illinois",                             STATE },
  { "US-IN", "Indiana",                              STATE },
  { "US-KS", "Kansas",                               STATE },
  { "US-KY", "Kentucky",                             STATE },
  { "US-LA", "Louisiana",                            STATE },
  { "US-MA", "Massachusetts",                        STATE },
  { "US-MD", "Maryland",                             STATE },
  { "US-ME", "Maine",                                STATE },
  { "US-MI", "Michigan",                             STATE },
  { "US-MN", "Minnesota",                            STATE },
  { "US-MO", "Missouri",                             STATE },
  { "US-MP", "Northern Mariana Islands",             OUTLYING_AREA },
  { "US-MS", "Mississippi",                          STATE },
  { "US-MT", "Montana",                              STATE },
  { "US-NC", "North Carolina",                       STATE },
  { "US-ND", "North Dakota",                         STATE },
  { "US-NE", "Nebraska",                             STATE },
  { "US-NH", "New Hampshire",                        STATE },
  { "US-NJ", "New Jersey",                           STATE },
  { "US-NM", "New Mexico",                           STATE },
  { "US-NV", "Nevada",                               STATE },
  { "US-NY", "New York",                             STATE },
  { "US-OH", "Ohio",                                 STATE },
  { "US-OK", "Oklahoma",                             STATE },
  { "US-OR", "Oregon",                               STATE },
  { "US-PA", "Pennsylvania",                         STATE },
  { "US-PR", "Puerto Rico",                          OUTLYING_AREA },
  { "US-RI", "Rhode Island",                         STATE },
  { "US-SC", "South Carolina",                       STATE },
  { "US-SD", "South Dakota",                         STATE },
  { "US-TN", "Tennessee",                            STATE },
  { "US-TX", "Texas",                                STATE },
  { "US-UM", "United States Minor Outlying Islands", OUTLYING_AREA },
  { "US-UT", "Utah",                                 STATE },
  { "US-VA", "Virginia",                             STATE },
  { "US-VI", "U.S. Virgin Islands",                  OUTLYING_AREA },
  { "US-VT", "Vermont",                              STATE },
  { "US-WA", "Washington",                           STATE },
  { "US-WI", "Wisconsin",                            STATE },
  { "US-WV", "West Virginia",                        STATE },
  { "US-WY", "Wyoming",                              STATE },

  { "CA-AB", "Alberta",                              PROVINCE },
  { "CA-BC", "British Columbia",                     PROVINCE },
  { "CA-MB", "Manitoba",                             PROVINCE },
  { "CA-NB", "New Brunswick",                        PROVINCE },
  { "CA-NL", "Newfoundland and Labrador",            PROVINCE },
  { "CA-NS", "Nova Scotia",                          PROVINCE },
  { "CA-NT", "Northwest Territories",                TERRITORY },
  { "CA-NU", "Nunavut",                              TERRITORY },
  { "CA-ON", "Ontario",                              PROVINCE },
  { "CA-PE", "Prince Edward Island",                 PROVINCE },
  { "CA-QC", "Quebec",                               PROVINCE },
  { "CA-SK", "Saskatchewan",                         PROVINCE },
  { "CA-YT", "Yukon",                                TERRITORY },
};

#undef STATE
#undef DISTRICT
#undef OUTLYING_AREA
#undef PROVINCE
#undef TERRITORY

/**
 * liaison_reference_get_n_prefectures:
 *
 * Returns: the number of prefectures of Japan (47)
 */
guint
liaison_reference_get_n_prefectures (void)
{
  return G_N_ELEMENTS (prefectures);
}

/**
 * liaison_reference_get_prefecture:
 * @position: an index below liaison_reference_get_n_prefectures()
 *
 * The prefectures come in the order of their JIS X 0401 codes.
 *
 * Returns: (transfer none) (nullable): the prefecture at @position
 */
const LiaisonPrefecture *
liaison_reference_get_prefecture (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (prefectures), NULL);

  return &prefectures[position];
}

/**
 * liaison_reference_find_prefecture:
 * @code: (nullable): a two-digit JIS X 0401 code such as "13"
 *
 * Only the exact two-digit form is accepted: "1" is not "01".
 *
 * Returns: (transfer none) (nullable): the prefecture with @code, or %NULL
 */
const LiaisonPrefecture *
liaison_reference_find_prefecture (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (prefectures); i++)
    {
      if (strcmp (prefectures[i].code, code) == 0)
        return &prefectures[i];
    }

  return NULL;
}

/**
 * liaison_reference_get_n_subdivisions:
 *
 * Returns: the number of subdivisions of the United States and Canada
 */
guint
liaison_reference_get_n_subdivisions (void)
{
  return G_N_ELEMENTS (subdivisions);
}

/**
 * liaison_reference_get_subdivision:
 * @position: an index below liaison_reference_get_n_subdivisions()
 *
 * The subdivisions of the United States come first, then those of Canada,
 * each country's sorted by code.
 *
 * Returns: (transfer none) (nullable): the subdivision at @position
 */
const LiaisonSubdivision *
liaison_reference_get_subdivision (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (subdivisions), NULL);

  return &subdivisions[position];
}

/**
 * liaison_reference_find_subdivision:
 * @code: (nullable): an ISO 3166-2 code such as "US-NJ", in any case
 *
 * Returns: (transfer none) (nullable): the subdivision with @code, or %NULL
 */
const LiaisonSubdivision *
liaison_reference_find_subdivision (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (subdivisions); i++)
    {
      if (g_ascii_strcasecmp (subdivisions[i].code, code) == 0)
        return &subdivisions[i];
    }

  return NULL;
}

/**
 * liaison_reference_subdivision_country:
 * @code: (nullable): an ISO 3166-2 code such as "US-NJ", in any case
 *
 * Returns: (transfer none) (nullable): "US" or "CA" for a known
 *   subdivision, or %NULL
 */
const char *
liaison_reference_subdivision_country (const char *code)
{
  const LiaisonSubdivision *subdivision;

  subdivision = liaison_reference_find_subdivision (code);
  if (subdivision == NULL)
    return NULL;

  if (g_str_has_prefix (subdivision->code, "US-"))
    return "US";

  return "CA";
}
