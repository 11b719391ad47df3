/* liaison-bench-sync.c
 *
 * How the JSON sync does with a large office: 100,000 records of all twelve
 * types, saved through Liaison in batches of 10,000 so that their field
 * versions are written the way the application writes them. Prints the
 * time to export them to a sync file and the file's size, the time to
 * import that file into an empty database and again into the database
 * that then has everything (an import that brings nothing new), and the
 * import's peak memory, each beside what the same work costs without
 * Liaison, measured in the same run: json-glib parsing the whole file into
 * a tree, and SQLite inserting the same rows (the record tables and the
 * field versions) into an empty database in one transaction with prepared
 * statements. Every import and every parse runs in a process of its own,
 * so that its peak memory is its own, not the building's. Each time is the
 * median of the runs, with the CPU time beside it (the machine may be
 * shared), and each ratio is printed with its target.
 *
 *   liaison-bench-sync [--records N] [--runs N] [DIR]
 *
 * The source database and the sync file are kept in DIR for later runs;
 * without DIR they go into a temporary folder, removed at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "liaison-database.h"
#include "liaison-records.h"
#include "liaison-sync.h"

#define BATCH 10000

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  const char *kanji;
  const char *kana;
  const char *romaji;
} JapaneseName;

static const JapaneseName japanese_family[] = {
  { "佐藤", "サトウ", "sato" }, { "鈴木", "スズキ", "suzuki" }, { "高橋", "タカハシ", "takahashi" },
  { "田中", "タナカ", "tanaka" }, { "伊藤", "イトウ", "ito" }, { "渡辺", "ワタナベ", "watanabe" },
  { "山本", "ヤマモト", "yamamoto" }, { "中村", "ナカムラ", "nakamura" }, { "小林", "コバヤシ", "kobayashi" },
  { "加藤", "カトウ", "kato" }, { "吉田", "ヨシダ", "yoshida" }, { "山田", "ヤマダ", "yamada" },
  { "佐々木", "ササキ", "sasaki" }, { "山口", "ヤマグチ", "yamaguchi" }, { "松本", "マツモト", "matsumoto" },
  { "井上", "イノウエ", "inoue" }, { "木村", "キムラ", "kimura" }, { "林", "ハヤシ", "hayashi" },
  { "清水", "シミズ", "shimizu" }, { "森", "モリ", "mori" }, { "長谷川", "ハセガワ", "hasegawa" },
  { "石川", "イシカワ", "ishikawa" }, { "前田", "マエダ", "maeda" }, { "藤田", "フジタ", "fujita" },
};

static const JapaneseName japanese_given[] = {
  { "健太", "ケンタ", "kenta" }, { "翔太", "ショウタ", "shota" }, { "大輔", "ダイスケ", "daisuke" },
  { "拓也", "タクヤ", "takuya" }, { "直樹", "ナオキ", "naoki" }, { "誠", "マコト", "makoto" },
  { "美咲", "ミサキ", "misaki" }, { "陽子", "ヨウコ", "yoko" }, { "恵子", "ケイコ", "keiko" },
  { "由美", "ユミ", "yumi" }, { "智子", "トモコ", "tomoko" }, { "裕子", "ユウコ", "yuko" },
  { "彩", "アヤ", "aya" }, { "千尋", "チヒロ", "chihiro" }, { "悠斗", "ユウト", "yuto" },
  { "葵", "アオイ", "aoi" },
};

static const char *english_family[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
  "Rodriguez", "Martinez", "Hernández", "Wilson", "Anderson", "Taylor", "Thomas",
  "Moore", "Martin", "Lee", "Thompson", "White", "Harris", "Nguyen", "Patel",
  "O’Brien", "MacDonald", "Campbell", "Okafor", "Tremblay", "Gagnon", "Côté",
  "Bouchard", "Lévesque",
};

static const struct {
  const char *name;
  const char *preferred;
} english_given[] = {
  { "James", "Jim" }, { "Michael", "Mike" }, { "Robert", "Bob" }, { "David", NULL },
  { "Jennifer", "Jen" }, { "Linda", NULL }, { "Patricia", "Pat" }, { "Elizabeth", "Liz" },
  { "Daniel", "Dan" }, { "Sarah", NULL }, { "Emily", NULL }, { "Kevin", NULL },
  { "María", NULL }, { "José", NULL }, { "Priya", NULL }, { "Zoë", NULL },
  { "Geneviève", NULL }, { "François", NULL }, { "Hélène", NULL }, { "Marc-André", NULL },
};

static const char *japanese_titles[] = {
  "主事", "主任", "主査", "係長", "課長補佐", "課長", "参事", "部長",
};

static const char *japanese_departments[] = {
  "国際交流課", "国際課", "国際政策課", "企画課", "観光振興課", "多文化共生推進課",
  "地域振興課", "商工振興課",
};

static const char *english_titles[] = {
  "Director of International Affairs", "City Manager", "Deputy Mayor",
  "County Commissioner", "Program Manager", "Senior Policy Analyst",
  "Director of Economic Development", "Chief Administrative Officer",
  "Responsable des relations internationales",
};

static const char *english_departments[] = {
  "Office of the Mayor", "Economic Development", "International Relations",
  "Office of the County Executive", "Board of Commissioners", "Intergovernmental Affairs",
};

typedef struct
{
  const char *name;
  const char *country;
  const char *subdivision;
  const char *area;
  const char *slug;
} City;

static const City cities[] = {
  { "New York", "US", "US-NY", "212", "newyork" },
  { "Washington", "US", "US-DC", "202", "washington" },
  { "Chicago", "US", "US-IL", "312", "chicago" },
  { "Los Angeles", "US", "US-CA", "213", "losangeles" },
  { "Seattle", "US", "US-WA", "206", "seattle" },
  { "Denver", "US", "US-CO", "303", "denver" },
  { "Atlanta", "US", "US-GA", "404", "atlanta" },
  { "Columbus", "US", "US-OH", "614", "columbus" },
  { "Austin", "US", "US-TX", "512", "austin" },
  { "Trenton", "US", "US-NJ", "609", "trenton" },
  { "Honolulu", "US", "US-HI", "808", "honolulu" },
  { "Toronto", "CA", "CA-ON", "416", "toronto" },
  { "Vancouver", "CA", "CA-BC", "604", "vancouver" },
  { "Montréal", "CA", "CA-QC", "514", "montreal" },
  { "Calgary", "CA", "CA-AB", "403", "calgary" },
  { "Halifax", "CA", "CA-NS", "902", "halifax" },
};

/* Names are the words before the city, the city and the words after it. */
static const struct {
  const char *kind;
  const char *before;
  const char *after;
} organization_kinds[] = {
  { "us-association", "", " Municipal League" },
  { "canadian-association", "", " Association of Municipal Administrators" },
  { "japanese-mission", "Consulate General of Japan in ", "" },
  { "japanese-organization", "Japan Society of ", "" },
  { "jetaa", "JET Alumni Association of ", "" },
  { "government", "City of ", "" },
  { "university", "University of ", "" },
  { "other", "", " Sister Cities Committee" },
};

static const char *tags[] = {
  "FEP nominator", "annual conference", "seminar speakers", "sister cities", "Canada",
  "JET alumni", "culture", "姉妹都市", "研修員OB", "防災",
};

static const char *notes[] = {
  "Met at the annual conference; interested in the Fellowship Exchange Program.",
  "Prefers email. Copy the international team on every message.",
  "姉妹都市提携50周年の記念事業について相談あり。",
  "Asked for material in French for the council.",
  "来年度の研修員推薦について前向きに検討中。",
};

static const char *application_statuses[] = {
  "inquiry", "nominated", "received", "review", "selected", "alternate",
  "not-selected", "withdrawn", "confirmed", "travelled", "alumni",
};

/* A decision date is needed from "selected" on; a host prefecture and
 * flights come with a place. */
static const char *const decided_statuses[] = {
  "selected", "alternate", "not-selected", "confirmed", "travelled", "alumni", NULL,
};

static const char *const placed_statuses[] = {
  "selected", "confirmed", "travelled", "alumni", NULL,
};

static const struct {
  const char *level;
  const char *before;
  const char *after;
} government_names[] = {
  { "city", "City of ", "" },
  { "county", "", " County" },
  { "state", "State of ", "" },
  { "regional", "", " Regional Council" },
};

static const char *reviewers[] = {
  "高橋 誠 (JLGC)", "Emily Carter (JLGC)", "松本 裕子 (JLGC)", "Daniel Brooks (JLGC)",
};

static const char *review_comments[] = {
  "Strong candidate: leads the trade office and has hosted Japanese delegations.",
  "地域の国際戦略を担う立場にあり、帰国後の波及効果が大きい。",
  "Clear plan to share what they learn with the council and the sister-city committee.",
  "推薦状が具体的で、日本の自治体との交流実績もある。",
  "Good essay, but the link to Japan is still vague.",
};

static const struct {
  const char *prefecture;
  const char *kanji;
  const char *romaji;
} municipalities[] = {
  { "14", "横浜市", "Yokohama" }, { "27", "大阪市", "Osaka" }, { "01", "札幌市", "Sapporo" },
  { "28", "姫路市", "Himeji" }, { "17", "金沢市", "Kanazawa" }, { "04", "仙台市", "Sendai" },
  { "40", "福岡市", "Fukuoka" }, { "38", "松山市", "Matsuyama" }, { "37", "高松市", "Takamatsu" },
  { "42", "長崎市", "Nagasaki" }, { "23", "名古屋市", "Nagoya" }, { "26", "京都市", "Kyoto" },
};

static const char *contact_roles[] = {
  "Sister city coordinator", "国際交流員", "Chair, sister city committee", "国際交流課長",
  "Mayor’s liaison",
};

static const char *exchange_kinds[] = { "delegation", "students", "anniversary", "culture", "other" };

static const char *exchange_descriptions[] = {
  "Delegation of the mayor and council members; courtesy call and reception.",
  "Twelve high school students stayed with host families for two weeks.",
  "周年記念式典を開催し、両市長が共同声明に署名した。",
  "Taiko and tea ceremony at the partner city’s spring festival.",
};

static const struct {
  const char *en;
  const char *ja;
} seminar_titles[] = {
  { "How American Cities Work: The Council–Manager Plan", "米国の市政の仕組み：シティ・マネージャー制" },
  { "Disaster Preparedness in US Counties", "米国郡政府の防災体制" },
  { "Municipal Finance in Canada", "カナダの地方財政" },
  { "Sister Cities in the 21st Century", "21世紀の姉妹都市交流" },
  { "Tourism Promotion with Local Partners", "地域と連携した観光振興" },
};

static const char *seminar_zones[] = { "America/New_York", "America/Toronto", "America/Los_Angeles" };
static const char *seminar_statuses[] = { "planned", "confirmed", "held", "held", "held", "cancelled" };
static const char *registrant_statuses[] = { "registered", "attended", "attended", "no-show", "cancelled" };
static const char *activity_kinds[] = { "call", "meeting", "email", "visit", "note" };

static const char *activity_texts[] = {
  "Called about the nomination deadline; will send the form next week.",
  "オンラインで打ち合わせ。来年度の訪日団の日程を確認した。",
  "Sent the program brochure and the FAQ.",
  "Visited the office with the consul; discussed a seminar in the spring.",
};

/* How many of each type, per 1,000 records. Every application saved brings
 * a status change of its own, so the status changes are as many as the
 * applications. */
typedef struct
{
  guint people;
  guint organizations;
  guint applications;
  guint reviews;
  guint affiliations;
  guint contacts;
  guint exchanges;
  guint seminars;
  guint speakers;
  guint registrants;
  guint activities;
} Plan;

typedef struct
{
  LiaisonDatabase *db;
  GRand           *rand;
  GPtrArray       *people;
  GPtrArray       *organizations;
  GPtrArray       *applications;
  GPtrArray       *affiliations;
  GPtrArray       *seminars;
} Builder;

typedef LiaisonRecord *(*MakeRecord) (Builder *builder,
                                      guint    i);

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Wall-clock and CPU (user and system) time of a piece of work. The
 * machine may be shared: the CPU time says how much of the wall-clock time
 * was the work's own. */
typedef struct
{
  double wall;   /* seconds */
  double cpu;
} Timing;

typedef struct
{
  gint64 wall_us;
  gint64 cpu_us;
} Stopwatch;

static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return ((gint64) usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static Stopwatch
stopwatch_start (void)
{
  Stopwatch started = { g_get_monotonic_time (), cpu_us () };

  return started;
}

static Timing
stopwatch_read (Stopwatch started)
{
  Timing timing = {
    (g_get_monotonic_time () - started.wall_us) / 1e6,
    (cpu_us () - started.cpu_us) / 1e6,
  };

  return timing;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

/* The median wall-clock time, and apart from it the median CPU time */
static Timing
median (GArray *timings)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Timing result;

  for (guint i = 0; i < timings->len; i++)
    {
      g_array_append_val (wall, g_array_index (timings, Timing, i).wall);
      g_array_append_val (cpu, g_array_index (timings, Timing, i).cpu);
    }

  result.wall = median_of (wall);
  result.cpu = median_of (cpu);
  return result;
}

/* A line of /proc/self/status, in kB. Not getrusage(): its ru_maxrss
 * survives exec, so a spawned process starts with its parent's peak. */
static long
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    g_error ("/proc/self/status has no %s", key);

  return strtol (line + strlen (key), NULL, 10);
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return 0;
  return buf.st_size;
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Building */

static char *
random_date (GRand *rand,
             int    first_year,
             int    last_year)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, first_year, last_year + 1),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

static const char *
pick_uuid (GRand     *rand,
           GPtrArray *uuids)
{
  return g_ptr_array_index (uuids, g_rand_int_range (rand, 0, uuids->len));
}

static char *
email_part (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

static void
set_tags_and_notes (Builder       *b,
                    LiaisonRecord *record)
{
  if (g_rand_int_range (b->rand, 0, 3) == 0)
    {
      guint first = g_rand_int_range (b->rand, 0, G_N_ELEMENTS (tags));
      guint second = (first + g_rand_int_range (b->rand, 1, G_N_ELEMENTS (tags))) % G_N_ELEMENTS (tags);
      g_autofree char *joined = g_strdup_printf ("%s\n%s", tags[first], tags[second]);

      liaison_record_set_text (record, "tags", joined);
    }
  if (g_rand_int_range (b->rand, 0, 4) == 0)
    liaison_record_set_text (record, "notes", PICK (b->rand, notes));
}

static LiaisonRecord *
make_organization (Builder *b,
                   guint    i)
{
  LiaisonRecord *organization = liaison_record_new (&liaison_organization_type);
  const City *city = &PICK (b->rand, cities);
  guint kind = g_rand_int_range (b->rand, 0, G_N_ELEMENTS (organization_kinds));
  g_autofree char *name = NULL;
  g_autofree char *website = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  /* Chapters of the same kind in the same city are told apart by number. */
  name = g_strconcat (organization_kinds[kind].before, city->name, organization_kinds[kind].after, NULL);
  if (i >= G_N_ELEMENTS (cities) * G_N_ELEMENTS (organization_kinds))
    {
      g_autofree char *numbered = g_strdup_printf ("%s, Chapter %u", name, i);

      g_set_str (&name, numbered);
    }
  website = g_strdup_printf ("https://www.%s-%u.example.org/", city->slug, i);
  email = g_strdup_printf ("info@%s-%u.example.org", city->slug, i);
  phone = g_strdup_printf ("+1 %s-555-01%02d", city->area, g_rand_int_range (b->rand, 0, 100));

  liaison_record_set_text (organization, "name", name);
  if (g_str_equal (organization_kinds[kind].kind, "jetaa"))
    liaison_record_set_text (organization, "acronym", "JETAA");
  liaison_record_set_text (organization, "kind", organization_kinds[kind].kind);
  liaison_record_set_text (organization, "country", city->country);
  liaison_record_set_text (organization, "city", city->name);
  liaison_record_set_text (organization, "website", website);
  liaison_record_set_text (organization, "email", email);
  liaison_record_set_text (organization, "phone", phone);
  liaison_record_set_text (organization, "relationship",
                           "Shares our calls for nominations with its members and invites JLGC to its annual conference.");
  if (kind < 2)
    {
      int month = g_rand_int_range (b->rand, 1, 13);
      int day = g_rand_int_range (b->rand, 1, 26);
      g_autofree char *start = g_strdup_printf ("2027-%02d-%02d", month, day);
      g_autofree char *end = g_strdup_printf ("2027-%02d-%02d", month, day + 3);

      liaison_record_set_text (organization, "conference_start", start);
      liaison_record_set_text (organization, "conference_end", end);
    }
  if (g_rand_boolean (b->rand))
    {
      g_autofree char *date = random_date (b->rand, 2026, 2027);

      liaison_record_set_text (organization, "next_action", "Send the call for nominations");
      liaison_record_set_text (organization, "next_action_date", date);
    }
  set_tags_and_notes (b, organization);

  return organization;
}

static LiaisonRecord *
make_person (Builder *b,
             guint    i)
{
  LiaisonRecord *person = liaison_record_new (&liaison_person_type);
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;

  if (i % 2 == 0)
    {
      const JapaneseName *family = &PICK (b->rand, japanese_family);
      const JapaneseName *given = &PICK (b->rand, japanese_given);

      liaison_record_set_text (person, "family_name", family->kanji);
      liaison_record_set_text (person, "given_name", given->kanji);
      liaison_record_set_text (person, "family_name_reading", family->kana);
      liaison_record_set_text (person, "given_name_reading", given->kana);
      liaison_record_set_text (person, "name_order", "family-first");
      liaison_record_set_text (person, "language", "ja");
      liaison_record_set_text (person, "title", PICK (b->rand, japanese_titles));
      liaison_record_set_text (person, "department", PICK (b->rand, japanese_departments));
      liaison_record_set_text (person, "country", "JP");
      email = g_strdup_printf ("%s.%s.%u@pref.example.jp", given->romaji, family->romaji, i);
      phone = g_strdup_printf ("+81 3-5555-%04d", g_rand_int_range (b->rand, 0, 10000));
      if (i % 3 == 0)
        address = g_strdup_printf ("〒100-8926\n東京都千代田区霞が関%d-%d-%d",
                                   g_rand_int_range (b->rand, 1, 4), g_rand_int_range (b->rand, 1, 10),
                                   g_rand_int_range (b->rand, 1, 20));
    }
  else
    {
      const char *family = PICK (b->rand, english_family);
      guint given = g_rand_int_range (b->rand, 0, G_N_ELEMENTS (english_given));
      const City *city = &PICK (b->rand, cities);
      g_autofree char *given_part = email_part (english_given[given].name);
      g_autofree char *family_part = email_part (family);

      liaison_record_set_text (person, "family_name", family);
      liaison_record_set_text (person, "given_name", english_given[given].name);
      if (english_given[given].preferred != NULL && g_rand_boolean (b->rand))
        liaison_record_set_text (person, "preferred_name", english_given[given].preferred);
      if (g_rand_int_range (b->rand, 0, 10) == 0)
        liaison_record_set_text (person, "honorific", "Hon.");
      liaison_record_set_text (person, "name_order", "given-first");
      liaison_record_set_text (person, "language", g_str_equal (city->subdivision, "CA-QC") ? "fr" : "en");
      liaison_record_set_text (person, "title", PICK (b->rand, english_titles));
      liaison_record_set_text (person, "department", PICK (b->rand, english_departments));
      liaison_record_set_text (person, "country", city->country);
      email = g_strdup_printf ("%s.%s.%u@%s.example.org", given_part, family_part, i, city->slug);
      if (i % 5 == 1)
        {
          g_autofree char *second = g_strdup_printf ("%s\n%s%s@example.com", email, given_part, family_part);

          g_set_str (&email, second);
        }
      phone = g_strdup_printf ("+1 %s-555-01%02d", city->area, g_rand_int_range (b->rand, 0, 100));
      if (i % 3 == 1)
        address = g_strdup_printf ("%d Main Street, Suite %d\n%s, %s %05d",
                                   g_rand_int_range (b->rand, 1, 2000), g_rand_int_range (b->rand, 100, 900),
                                   city->name, city->subdivision + 3, g_rand_int_range (b->rand, 10000, 99999));
    }

  liaison_record_set_text (person, "emails", email);
  liaison_record_set_text (person, "phones", phone);
  liaison_record_set_text (person, "address", address);
  if (b->organizations->len > 0 && g_rand_int_range (b->rand, 0, 5) < 3)
    liaison_record_set_text (person, "organization", pick_uuid (b->rand, b->organizations));
  set_tags_and_notes (b, person);

  return person;
}

static LiaisonRecord *
make_application (Builder *b,
                  guint    i)
{
  LiaisonRecord *application = liaison_record_new (&liaison_application_type);
  const City *city = &PICK (b->rand, cities);
  guint level = g_rand_int_range (b->rand, 0, G_N_ELEMENTS (government_names));
  const char *status = PICK (b->rand, application_statuses);
  int year = 2000 + i % 28;
  g_autofree char *government = g_strconcat (government_names[level].before, city->name,
                                             government_names[level].after, NULL);
  g_autofree char *deadline = g_strdup_printf ("%d-01-15", year);
  gboolean decided = g_strv_contains (decided_statuses, status);
  gboolean placed = g_strv_contains (placed_statuses, status);

  /* A province, not a state, in Canada */
  if (g_str_equal (city->country, "CA") && level == 2)
    {
      g_autofree char *province = g_strdup_printf ("Province of %s", city->name);

      g_set_str (&government, province);
    }

  liaison_record_set_text (application, "person", pick_uuid (b->rand, b->people));
  liaison_record_set_integer (application, "cohort_year", year);
  liaison_record_set_text (application, "government", government);
  liaison_record_set_text (application, "government_level",
                           g_str_equal (city->country, "CA") && level == 2 ? "province" : government_names[level].level);
  liaison_record_set_text (application, "jurisdiction", city->subdivision);
  if (g_rand_int_range (b->rand, 0, 10) < 7)
    liaison_record_set_text (application, "nominator", pick_uuid (b->rand, b->organizations));
  liaison_record_set_text (application, "status", status);
  liaison_record_set_text (application, "deadline", deadline);
  liaison_record_set_boolean (application, "has_application_form", !g_str_equal (status, "inquiry"));
  liaison_record_set_boolean (application, "has_cv", g_rand_boolean (b->rand));
  liaison_record_set_boolean (application, "has_photo", decided);
  liaison_record_set_boolean (application, "has_recommendation", decided || g_rand_boolean (b->rand));
  liaison_record_set_boolean (application, "has_flight_form", placed);

  if (decided)
    {
      g_autofree char *decision = g_strdup_printf ("%d-03-15", year);

      liaison_record_set_text (application, "decision_date", decision);
    }

  if (placed)
    {
      g_autofree char *prefecture = g_strdup_printf ("%02d", g_rand_int_range (b->rand, 1, 48));
      g_autofree char *start = g_strdup_printf ("%d-10-13", year);
      g_autofree char *end = g_strdup_printf ("%d-10-22", year);

      liaison_record_set_text (application, "host_prefecture", prefecture);
      liaison_record_set_text (application, "program_start", start);
      liaison_record_set_text (application, "program_end", end);
      liaison_record_set_text (application, "arrival_flight", "NH 9 (ORD → HND)");
      liaison_record_set_text (application, "departure_flight", "NH 10 (HND → ORD)");
      liaison_record_set_text (application, "emergency_contact", "Alex Doe (spouse)\n+1 212-555-0142");
      if (i % 4 == 0)
        liaison_record_set_text (application, "dietary", "Vegetarian; no fish or shellfish.");
      if (i % 9 == 0)
        liaison_record_set_text (application, "accessibility", "Step-free access where possible.");
    }
  set_tags_and_notes (b, application);

  return application;
}

static LiaisonRecord *
make_review (Builder *b,
             guint    i)
{
  LiaisonRecord *review = liaison_record_new (&liaison_review_type);

  liaison_record_set_text (review, "application", pick_uuid (b->rand, b->applications));
  liaison_record_set_text (review, "reviewer", PICK (b->rand, reviewers));
  liaison_record_set_integer (review, "score_leadership", g_rand_int_range (b->rand, 1, 6));
  liaison_record_set_integer (review, "score_relevance", g_rand_int_range (b->rand, 1, 6));
  liaison_record_set_integer (review, "score_exchange", g_rand_int_range (b->rand, 1, 6));
  liaison_record_set_text (review, "comment", PICK (b->rand, review_comments));

  return review;
}

static LiaisonRecord *
make_affiliation (Builder *b,
                  guint    i)
{
  LiaisonRecord *affiliation = liaison_record_new (&liaison_affiliation_type);
  const City *city = &PICK (b->rand, cities);
  g_autofree char *established = random_date (b->rand, 1955, 2020);
  g_autofree char *last = random_date (b->rand, 2021, 2026);
  g_autofree char *partner = NULL;

  if (i % 3 != 0)
    {
      guint m = g_rand_int_range (b->rand, 0, G_N_ELEMENTS (municipalities));

      partner = g_strdup_printf ("City of %s", city->name);
      liaison_record_set_text (affiliation, "prefecture", municipalities[m].prefecture);
      liaison_record_set_text (affiliation, "municipality", municipalities[m].kanji);
      liaison_record_set_text (affiliation, "municipality_romaji", municipalities[m].romaji);
      liaison_record_set_text (affiliation, "level", "city");
    }
  else
    {
      g_autofree char *prefecture = g_strdup_printf ("%02d", g_rand_int_range (b->rand, 1, 48));

      partner = g_strdup_printf ("%s of %s", g_str_equal (city->country, "CA") ? "Province" : "State", city->name);
      liaison_record_set_text (affiliation, "prefecture", prefecture);
      liaison_record_set_text (affiliation, "level", "prefecture");
    }

  liaison_record_set_text (affiliation, "partner_name", partner);
  liaison_record_set_text (affiliation, "partner_subdivision", city->subdivision);
  liaison_record_set_text (affiliation, "kind", i % 5 == 0 ? "friendship" : "sister");
  liaison_record_set_text (affiliation, "established", established);
  liaison_record_set_text (affiliation, "status", i % 7 == 0 ? "dormant" : "active");
  liaison_record_set_text (affiliation, "last_exchange", last);
  set_tags_and_notes (b, affiliation);

  return affiliation;
}

static LiaisonRecord *
make_contact (Builder *b,
              guint    i)
{
  LiaisonRecord *contact = liaison_record_new (&liaison_affiliation_contact_type);

  liaison_record_set_text (contact, "affiliation", pick_uuid (b->rand, b->affiliations));
  liaison_record_set_text (contact, "person", pick_uuid (b->rand, b->people));
  liaison_record_set_text (contact, "side", i % 2 == 0 ? "japan" : "partner");
  liaison_record_set_text (contact, "role", PICK (b->rand, contact_roles));

  return contact;
}

static LiaisonRecord *
make_exchange (Builder *b,
               guint    i)
{
  LiaisonRecord *exchange = liaison_record_new (&liaison_exchange_type);
  g_autofree char *date = random_date (b->rand, 2010, 2026);

  liaison_record_set_text (exchange, "affiliation", pick_uuid (b->rand, b->affiliations));
  liaison_record_set_text (exchange, "date", date);
  liaison_record_set_text (exchange, "kind", PICK (b->rand, exchange_kinds));
  liaison_record_set_text (exchange, "description", PICK (b->rand, exchange_descriptions));

  return exchange;
}

static LiaisonRecord *
make_seminar (Builder *b,
              guint    i)
{
  LiaisonRecord *seminar = liaison_record_new (&liaison_seminar_type);
  guint title = i % G_N_ELEMENTS (seminar_titles);
  g_autofree char *title_en = g_strdup_printf ("%s (%u)", seminar_titles[title].en, i + 1);
  g_autofree char *title_ja = g_strdup_printf ("%s（第%u回）", seminar_titles[title].ja, i + 1);
  g_autofree char *start = g_strdup_printf ("%04d-%02d-%02dT19:00", 2015 + (i / 12) % 12, i % 12 + 1,
                                            g_rand_int_range (b->rand, 1, 29));
  g_autofree char *join_url = g_strdup_printf ("https://zoom.example.org/j/%010u", g_rand_int (b->rand));
  g_autofree char *passcode = g_strdup_printf ("%06u", g_rand_int_range (b->rand, 0, 1000000));
  const char *status = PICK (b->rand, seminar_statuses);

  liaison_record_set_text (seminar, "title_en", title_en);
  liaison_record_set_text (seminar, "title_ja", title_ja);
  liaison_record_set_integer (seminar, "series_number", i + 1);
  liaison_record_set_text (seminar, "start_local", start);
  liaison_record_set_text (seminar, "time_zone", PICK (b->rand, seminar_zones));
  liaison_record_set_integer (seminar, "duration", i % 3 == 0 ? 90 : 60);
  liaison_record_set_text (seminar, "platform", "Zoom");
  liaison_record_set_text (seminar, "join_url", join_url);
  liaison_record_set_text (seminar, "passcode", passcode);
  liaison_record_set_text (seminar, "status", status);
  if (g_str_equal (status, "held"))
    {
      g_autofree char *recording = g_strdup_printf ("https://video.example.org/jlgc/%u", i + 1);

      liaison_record_set_text (seminar, "recording_url", recording);
    }
  set_tags_and_notes (b, seminar);

  return seminar;
}

static LiaisonRecord *
make_speaker (Builder *b,
              guint    i)
{
  LiaisonRecord *speaker = liaison_record_new (&liaison_speaker_type);

  liaison_record_set_text (speaker, "seminar", g_ptr_array_index (b->seminars, i % b->seminars->len));
  liaison_record_set_text (speaker, "person", pick_uuid (b->rand, b->people));
  if (i % 2 == 0)
    liaison_record_set_text (speaker, "organization", pick_uuid (b->rand, b->organizations));

  return speaker;
}

static LiaisonRecord *
make_registrant (Builder *b,
                 guint    i)
{
  LiaisonRecord *registrant = liaison_record_new (&liaison_registrant_type);
  const City *city = &PICK (b->rand, cities);
  g_autofree char *government = g_strdup_printf ("City of %s", city->name);

  liaison_record_set_text (registrant, "seminar", pick_uuid (b->rand, b->seminars));
  liaison_record_set_text (registrant, "person", pick_uuid (b->rand, b->people));
  liaison_record_set_text (registrant, "local_government", government);
  liaison_record_set_text (registrant, "status", PICK (b->rand, registrant_statuses));

  return registrant;
}

static LiaisonRecord *
make_activity (Builder *b,
               guint    i)
{
  LiaisonRecord *activity = liaison_record_new (&liaison_activity_type);
  GPtrArray *targets[] = { b->people, b->organizations, b->applications, b->affiliations, b->seminars };
  g_autofree char *date = random_date (b->rand, 2020, 2026);

  liaison_record_set_text (activity, "record", pick_uuid (b->rand, targets[i % G_N_ELEMENTS (targets)]));
  liaison_record_set_text (activity, "date", date);
  liaison_record_set_text (activity, "kind", PICK (b->rand, activity_kinds));
  liaison_record_set_text (activity, "text", PICK (b->rand, activity_texts));

  return activity;
}

/* Saves @n records made by @make in transactions of BATCH records. */
static void
save_many (Builder    *b,
           guint       n,
           MakeRecord  make,
           GPtrArray  *uuids)
{
  g_autoptr(GError) error = NULL;

  for (guint done = 0; done < n; done += BATCH)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < MIN (done + BATCH, n); i++)
        {
          LiaisonRecord *record = make (b, i);

          if (uuids != NULL)
            g_ptr_array_add (uuids, g_strdup (liaison_record_get_uuid (record)));
          g_ptr_array_add (records, record);
        }

      if (!liaison_database_save_all (b->db, records, &error))
        g_error ("%s", error->message);
    }
}

static Plan
plan_for (guint n_records)
{
  Plan plan;

#define SHARE(per_mille) MAX (1, (guint) ((guint64) n_records * (per_mille) / 1000))
  plan.people = SHARE (450);
  plan.organizations = SHARE (100);
  plan.applications = SHARE (150);   /* and as many status changes */
  plan.reviews = SHARE (40);
  plan.affiliations = SHARE (15);
  plan.contacts = SHARE (20);
  plan.exchanges = SHARE (20);
  plan.seminars = SHARE (3);
  plan.speakers = SHARE (6);
  plan.registrants = SHARE (30);
  plan.activities = SHARE (16);
#undef SHARE

  return plan;
}

static void
build (const char *path,
       guint       n_records)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = liaison_database_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) organizations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) applications = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) affiliations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) seminars = g_ptr_array_new_with_free_func (g_free);
  Plan plan = plan_for (n_records);
  Builder b;
  gint64 start = g_get_monotonic_time ();

  if (db == NULL)
    g_error ("%s", error->message);

  b.db = db;
  b.rand = rand;
  b.people = people;
  b.organizations = organizations;
  b.applications = applications;
  b.affiliations = affiliations;
  b.seminars = seminars;

  /* Each type after the types it links to */
  save_many (&b, plan.organizations, make_organization, organizations);
  save_many (&b, plan.people, make_person, people);
  save_many (&b, plan.applications, make_application, applications);
  save_many (&b, plan.reviews, make_review, NULL);
  save_many (&b, plan.affiliations, make_affiliation, affiliations);
  save_many (&b, plan.contacts, make_contact, NULL);
  save_many (&b, plan.exchanges, make_exchange, NULL);
  save_many (&b, plan.seminars, make_seminar, seminars);
  save_many (&b, plan.speakers, make_speaker, NULL);
  save_many (&b, plan.registrants, make_registrant, NULL);
  save_many (&b, plan.activities, make_activity, NULL);

  printf ("built the source database through Liaison's save path in %.1f s\n", elapsed_ms (start) / 1000.0);
}

/* The raw baseline: the rows of the record tables and of sync_version,
 * read once into memory (type, length, bytes), then inserted into an empty
 * database with the same schema in one transaction. */

typedef struct
{
  char       *name;
  int         n_columns;
  guint       n_rows;
  GByteArray *data;
} RawTable;

static void
raw_table_free (RawTable *table)
{
  g_free (table->name);
  g_byte_array_unref (table->data);
  g_free (table);
}

static RawTable *
raw_read (sqlite3    *db,
          const char *name)
{
  RawTable *table = g_new0 (RawTable, 1);
  g_autofree char *sql = g_strconcat ("SELECT * FROM ", name, NULL);
  sqlite3_stmt *stmt;
  int status;

  table->name = g_strdup (name);
  table->data = g_byte_array_new ();

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  table->n_columns = sqlite3_column_count (stmt);

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < table->n_columns; c++)
        {
          guint8 kind = sqlite3_column_type (stmt, c);

          g_byte_array_append (table->data, &kind, 1);
          if (kind == SQLITE_INTEGER)
            {
              gint64 number = sqlite3_column_int64 (stmt, c);

              g_byte_array_append (table->data, (const guint8 *) &number, sizeof number);
            }
          else if (kind == SQLITE_FLOAT)
            {
              double number = sqlite3_column_double (stmt, c);

              g_byte_array_append (table->data, (const guint8 *) &number, sizeof number);
            }
          else if (kind == SQLITE_TEXT || kind == SQLITE_BLOB)
            {
              const guint8 *bytes = kind == SQLITE_TEXT ? sqlite3_column_text (stmt, c)
                                                        : sqlite3_column_blob (stmt, c);
              guint32 length = sqlite3_column_bytes (stmt, c);

              g_byte_array_append (table->data, (const guint8 *) &length, sizeof length);
              g_byte_array_append (table->data, bytes, length);
            }
        }
      table->n_rows++;
    }

  if (status != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return table;
}

static GPtrArray *
raw_read_all (const char *path,
              guint      *n_record_rows,
              guint      *n_version_rows)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_table_free);
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);
  sqlite3 *db = NULL;
  RawTable *versions;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  *n_record_rows = 0;
  for (guint t = 0; t < n_types; t++)
    {
      RawTable *table = raw_read (db, types[t]->name);

      *n_record_rows += table->n_rows;
      g_ptr_array_add (tables, table);
    }

  versions = raw_read (db, "sync_version");
  *n_version_rows = versions->n_rows;
  g_ptr_array_add (tables, versions);

  sqlite3_close (db);
  return tables;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

static Timing
raw_insert (const char *path,
            GPtrArray  *tables)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  Stopwatch started;
  Timing timing;

  /* An empty database with Liaison's schema, made by Liaison */
  {
    g_autoptr(LiaisonDatabase) empty = liaison_database_open (path, &error);

    if (empty == NULL)
      g_error ("%s", error->message);
  }

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  /* The settings Liaison's own connection has; the file is in WAL mode. */
  raw_exec (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL");

  started = stopwatch_start ();
  raw_exec (db, "BEGIN");

  for (guint t = 0; t < tables->len; t++)
    {
      RawTable *table = g_ptr_array_index (tables, t);
      g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
      const guint8 *p = table->data->data;
      sqlite3_stmt *stmt;

      g_string_append_printf (sql, "%s VALUES (", table->name);
      for (int c = 0; c < table->n_columns; c++)
        g_string_append (sql, c == 0 ? "?" : ", ?");
      g_string_append_c (sql, ')');

      if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));

      for (guint row = 0; row < table->n_rows; row++)
        {
          for (int c = 0; c < table->n_columns; c++)
            {
              guint8 kind = *p++;

              if (kind == SQLITE_INTEGER)
                {
                  gint64 number;

                  memcpy (&number, p, sizeof number);
                  p += sizeof number;
                  sqlite3_bind_int64 (stmt, c + 1, number);
                }
              else if (kind == SQLITE_FLOAT)
                {
                  double number;

                  memcpy (&number, p, sizeof number);
                  p += sizeof number;
                  sqlite3_bind_double (stmt, c + 1, number);
                }
              else if (kind == SQLITE_TEXT || kind == SQLITE_BLOB)
                {
                  guint32 length;

                  memcpy (&length, p, sizeof length);
                  p += sizeof length;
                  if (kind == SQLITE_TEXT)
                    sqlite3_bind_text (stmt, c + 1, (const char *) p, length, SQLITE_STATIC);
                  else
                    sqlite3_bind_blob (stmt, c + 1, p, length, SQLITE_STATIC);
                  p += length;
                }
              else
                sqlite3_bind_null (stmt, c + 1);
            }

          if (sqlite3_step (stmt) != SQLITE_DONE)
            g_error ("%s", sqlite3_errmsg (db));
          sqlite3_reset (stmt);
        }

      sqlite3_finalize (stmt);
    }

  raw_exec (db, "COMMIT");
  timing = stopwatch_read (started);

  sqlite3_close (db);
  return timing;
}

/* The measured processes */

typedef struct
{
  Timing             timing;
  long               start_kb;   /* the process's RSS before the work */
  long               peak_kb;    /* its peak RSS */
  LiaisonSyncSummary summary;
} ChildResult;

static int
child_import (const char *file,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = NULL;
  LiaisonSyncSummary summary = { 0 };
  Stopwatch started;
  Timing timing;
  long start_kb;

  db = liaison_database_open_full (path, LIAISON_DATABASE_OPEN_DEFER_CHECK, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  start_kb = status_kb ("VmRSS:");
  started = stopwatch_start ();
  if (!liaison_sync_import_file (db, file, &summary, &error))
    g_error ("%s", error->message);
  timing = stopwatch_read (started);

  printf ("%.6f %.6f %ld %ld %u %u %u %u\n", timing.wall, timing.cpu, start_kb, status_kb ("VmHWM:"),
          summary.added, summary.changed, summary.deleted, summary.conflicts);
  return 0;
}

static int
child_parse (const char *file)
{
  g_autoptr(GError) error = NULL;
  JsonParser *parser;
  Stopwatch started;
  Timing timing;
  long start_kb = status_kb ("VmRSS:");

  started = stopwatch_start ();
  parser = json_parser_new ();
  if (!json_parser_load_from_mapped_file (parser, file, &error))
    g_error ("%s", error->message);
  g_object_unref (parser);
  timing = stopwatch_read (started);

  printf ("%.6f %.6f %ld %ld 0 0 0 0\n", timing.wall, timing.cpu, start_kb, status_kb ("VmHWM:"));
  return 0;
}

static ChildResult
run_child (const char *mode,
           const char *file,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *mode_arg = g_strconcat ("--child=", mode, NULL);
  g_autofree char *output = NULL;
  const char *child_argv[] = { self, mode_arg, file, path, NULL };
  ChildResult result = { 0 };
  int status;

  if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);

  if (sscanf (output, "%lf %lf %ld %ld %u %u %u %u", &result.timing.wall, &result.timing.cpu,
              &result.start_kb, &result.peak_kb, &result.summary.added, &result.summary.changed,
              &result.summary.deleted, &result.summary.conflicts) != 8)
    g_error ("unexpected output of the %s process: %s", mode, output);

  return result;
}

/* Measuring */

static const char *
verdict (double ratio,
         double target)
{
  return ratio <= target ? "met" : "MISSED";
}

static void
measure (const char *dir,
         const char *source,
         const char *file,
         guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDatabase) db = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GArray) exports = g_array_new (FALSE, FALSE, sizeof (Timing));
  g_autoptr(GArray) parses = g_array_new (FALSE, FALSE, sizeof (Timing));
  g_autoptr(GArray) inserts = g_array_new (FALSE, FALSE, sizeof (Timing));
  g_autoptr(GArray) imports = g_array_new (FALSE, FALSE, sizeof (Timing));
  g_autoptr(GArray) noops = g_array_new (FALSE, FALSE, sizeof (Timing));
  g_autoptr(GString) counts = g_string_new (NULL);
  guint n_types;
  const LiaisonRecordType **types = liaison_record_type_get_all (&n_types);
  guint n_records = 0;
  guint n_record_rows;
  guint n_version_rows;
  long import_peak_kb = 0;
  long import_start_kb = 0;
  long noop_peak_kb = 0;
  long parse_peak_kb = 0;
  Timing export, parse, insert, import, noop;
  double size_mb, import_peak_mb;

  db = liaison_database_open_full (source, LIAISON_DATABASE_OPEN_DEFER_CHECK, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  for (guint t = 0; t < n_types; t++)
    {
      guint n = liaison_database_count (db, types[t]);

      g_string_append_printf (counts, "%s%u %s", t > 0 ? ", " : "", n, types[t]->name);
      n_records += n;
    }
  printf ("records: %u in all: %s\n", n_records, counts->str);
  fflush (stdout);

  tables = raw_read_all (source, &n_record_rows, &n_version_rows);

  /* Alternate the work and its baselines, so that all see the same machine. */
  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *raw_path = g_build_filename (dir, "raw.db", NULL);
      g_autofree char *import_path = g_build_filename (dir, "import.db", NULL);
      ChildResult parsed, imported, again;
      Stopwatch started;
      Timing exported, inserted;

      remove_database (raw_path);
      remove_database (import_path);

      started = stopwatch_start ();
      if (!liaison_sync_export_file (db, file, &error))
        g_error ("%s", error->message);
      exported = stopwatch_read (started);
      g_array_append_val (exports, exported);

      parsed = run_child ("parse", file, NULL);
      g_array_append_val (parses, parsed.timing);
      parse_peak_kb = MAX (parse_peak_kb, parsed.peak_kb);

      inserted = raw_insert (raw_path, tables);
      g_array_append_val (inserts, inserted);

      imported = run_child ("import", file, import_path);
      g_array_append_val (imports, imported.timing);
      if (imported.summary.added != n_records || imported.summary.conflicts != 0)
        g_error ("the import into an empty database added %u of %u records, with %u conflicts",
                 imported.summary.added, n_records, imported.summary.conflicts);
      if (imported.peak_kb > import_peak_kb)
        {
          import_peak_kb = imported.peak_kb;
          import_start_kb = imported.start_kb;
        }

      /* The same file again: everything in it is there already. */
      again = run_child ("import", file, import_path);
      g_array_append_val (noops, again.timing);
      if (again.summary.added + again.summary.changed + again.summary.deleted + again.summary.conflicts != 0)
        g_error ("the import of what was there changed %u records", again.summary.changed);
      noop_peak_kb = MAX (noop_peak_kb, again.peak_kb);

      printf ("run %u, seconds (CPU seconds): export %.2f (%.2f), parse %.2f (%.2f), raw insert %.2f (%.2f), "
              "import into empty %.2f (%.2f), import with nothing new %.2f (%.2f)\n",
              run + 1, exported.wall, exported.cpu, parsed.timing.wall, parsed.timing.cpu,
              inserted.wall, inserted.cpu, imported.timing.wall, imported.timing.cpu,
              again.timing.wall, again.timing.cpu);
      fflush (stdout);

      remove_database (raw_path);
      remove_database (import_path);
    }

  size_mb = file_size (file) / 1e6;
  export = median (exports);
  parse = median (parses);
  insert = median (inserts);
  import = median (imports);
  noop = median (noops);
  import_peak_mb = import_peak_kb * 1024 / 1e6;

  printf ("\nmedians of %u runs; MB are 10^6 bytes; CPU time is user and system time\n", runs);
  printf ("sync file: %.1f MB, %u records, %u field versions (source database %.1f MB)\n",
          size_mb, n_records, n_version_rows, file_size (source) / 1e6);
  printf ("export: %.2f s (CPU %.2f s)\n", export.wall, export.cpu);
  printf ("baseline, json-glib parse of the whole file into a tree, then freed: %.2f s (CPU %.2f s), "
          "peak RSS %.1f MB\n",
          parse.wall, parse.cpu, parse_peak_kb * 1024 / 1e6);
  printf ("baseline, raw SQLite insert of the same %u record rows and %u version rows in one transaction: "
          "%.2f s (CPU %.2f s)\n",
          n_record_rows, n_version_rows, insert.wall, insert.cpu);
  printf ("import into empty: %.2f s (%.2f× parse+insert, target ≤ 3×: %s); CPU %.2f s (%.2f×)\n",
          import.wall, import.wall / (parse.wall + insert.wall),
          verdict (import.wall / (parse.wall + insert.wall), 3),
          import.cpu, import.cpu / (parse.cpu + insert.cpu));
  printf ("import with nothing new: %.2f s (%.2f× parse, target ≤ 1.5×: %s); CPU %.2f s (%.2f×)\n",
          noop.wall, noop.wall / parse.wall, verdict (noop.wall / parse.wall, 1.5),
          noop.cpu, noop.cpu / parse.cpu);
  printf ("import peak RSS: %.1f MB, of which %.1f MB before the import (%.2f× file size, target ≤ 4×: %s); "
          "with nothing new: %.1f MB\n",
          import_peak_mb, import_start_kb * 1024 / 1e6, import_peak_mb / size_mb,
          verdict (import_peak_mb / size_mb, 4), noop_peak_kb * 1024 / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[DIR]");
  g_autoptr(GError) error = NULL;
  g_autofree char *child = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *file = NULL;
  gboolean temporary;
  int n_records = 100000;
  int runs = 3;
  const GOptionEntry entries[] = {
    { "records", 0, 0, G_OPTION_ARG_INT, &n_records, "Records to create, of all types", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions of each measurement", "N" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A process of its own for each import and each parse: --child=import
   * FILE DB or --child=parse FILE */
  if (child != NULL && g_str_equal (child, "import") && argc == 3)
    return child_import (argv[1], argv[2]);
  if (child != NULL && g_str_equal (child, "parse") && argc == 2)
    return child_parse (argv[1]);
  if (child != NULL || n_records < 1 || runs < 1)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 1;
    }

  temporary = argc <= 1;
  dir = !temporary ? g_strdup (argv[1]) : g_dir_make_tmp ("liaison-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0700);
  source = g_build_filename (dir, "sync-source.db", NULL);
  file = g_build_filename (dir, "liaison-bench.json", NULL);

  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    build (source, n_records);
  else
    printf ("reusing %s\n", source);
  fflush (stdout);

  measure (dir, source, file, runs);

  /* A folder given is kept for later runs; a temporary one is not. */
  if (temporary)
    {
      remove_database (source);
      g_unlink (file);
      g_rmdir (dir);
    }

  return 0;
}
