/* liaison-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "liaison-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison-demo.h"
#include "liaison-fellowship.h"
#include "liaison-records.h"
#include "liaison-reference.h"

/* Sample data for trying Liaison out, for screenshots and for tests: the
 * real partners of the office, real sister-city affiliations and real
 * governments, with invented people, applications, seminars and contacts.
 * Addresses and numbers are on example domains and 555 numbers only.
 *
 * Every random choice comes from one generator with a fixed seed, so two
 * runs give the same data but for the identifiers and the times of saving.
 * Dates are written around 2024–2027; the data was written on 2026-11-27,
 * which is the "today" the past and future items are placed around. In a
 * later year, everything is moved on by whole years (see move_on()), so
 * that the coming cohort is still the one the data fills. */

#define DEMO_SEED 2026
#define DEMO_TODAY LIAISON_DEMO_TODAY

/* The order the records are saved in: each after what it links to. */
static const LiaisonRecordType *const save_order[] = {
  &liaison_organization_type,
  &liaison_person_type,
  &liaison_application_type,
  &liaison_status_change_type,
  &liaison_review_type,
  &liaison_affiliation_type,
  &liaison_affiliation_contact_type,
  &liaison_exchange_type,
  &liaison_seminar_type,
  &liaison_speaker_type,
  &liaison_registrant_type,
  &liaison_activity_type,
};

/* Names */

typedef struct
{
  const char *kanji;
  const char *kana;
  const char *romaji;
} JapaneseName;

static const JapaneseName japanese_family_names[] = {
  { "佐藤", "サトウ", "sato" },
  { "鈴木", "スズキ", "suzuki" },
  { "高橋", "タカハシ", "takahashi" },
  { "田中", "タナカ", "tanaka" },
  { "伊藤", "イトウ", "ito" },
  { "渡辺", "ワタナベ", "watanabe" },
  { "山本", "ヤマモト", "yamamoto" },
  { "中村", "ナカムラ", "nakamura" },
  { "小林", "コバヤシ", "kobayashi" },
  { "加藤", "カトウ", "kato" },
  { "吉田", "ヨシダ", "yoshida" },
  { "山田", "ヤマダ", "yamada" },
  { "佐々木", "ササキ", "sasaki" },
  { "山口", "ヤマグチ", "yamaguchi" },
  { "松本", "マツモト", "matsumoto" },
  { "井上", "イノウエ", "inoue" },
  { "木村", "キムラ", "kimura" },
  { "林", "ハヤシ", "hayashi" },
  { "斎藤", "サイトウ", "saito" },
  { "清水", "シミズ", "shimizu" },
  { "山崎", "ヤマザキ", "yamazaki" },
  { "森", "モリ", "mori" },
  { "池田", "イケダ", "ikeda" },
  { "橋本", "ハシモト", "hashimoto" },
  { "阿部", "アベ", "abe" },
  { "石川", "イシカワ", "ishikawa" },
  { "前田", "マエダ", "maeda" },
  { "藤田", "フジタ", "fujita" },
  { "小川", "オガワ", "ogawa" },
  { "岡田", "オカダ", "okada" },
  { "後藤", "ゴトウ", "goto" },
  { "長谷川", "ハセガワ", "hasegawa" },
  { "村上", "ムラカミ", "murakami" },
  { "近藤", "コンドウ", "kondo" },
  { "石井", "イシイ", "ishii" },
  { "坂本", "サカモト", "sakamoto" },
  { "遠藤", "エンドウ", "endo" },
  { "青木", "アオキ", "aoki" },
  { "藤井", "フジイ", "fujii" },
  { "西村", "ニシムラ", "nishimura" },
};

static const JapaneseName japanese_given_names[] = {
  { "健太", "ケンタ", "kenta" },
  { "翔太", "ショウタ", "shota" },
  { "大輔", "ダイスケ", "daisuke" },
  { "拓也", "タクヤ", "takuya" },
  { "直樹", "ナオキ", "naoki" },
  { "雄一", "ユウイチ", "yuichi" },
  { "和也", "カズヤ", "kazuya" },
  { "誠", "マコト", "makoto" },
  { "浩二", "コウジ", "koji" },
  { "隆", "タカシ", "takashi" },
  { "剛", "ツヨシ", "tsuyoshi" },
  { "修", "オサム", "osamu" },
  { "健一", "ケンイチ", "kenichi" },
  { "悠斗", "ユウト", "yuto" },
  { "亮", "リョウ", "ryo" },
  { "美咲", "ミサキ", "misaki" },
  { "陽子", "ヨウコ", "yoko" },
  { "恵子", "ケイコ", "keiko" },
  { "直美", "ナオミ", "naomi" },
  { "由美", "ユミ", "yumi" },
  { "真由美", "マユミ", "mayumi" },
  { "智子", "トモコ", "tomoko" },
  { "裕子", "ユウコ", "yuko" },
  { "彩", "アヤ", "aya" },
  { "麻衣", "マイ", "mai" },
  { "美穂", "ミホ", "miho" },
  { "沙織", "サオリ", "saori" },
  { "千尋", "チヒロ", "chihiro" },
  { "香織", "カオリ", "kaori" },
  { "早紀", "サキ", "saki" },
  { "理恵", "リエ", "rie" },
  { "愛", "アイ", "ai" },
};

typedef struct
{
  const char *name;
  const char *preferred;   /* what they go by, or NULL */
} GivenName;

static const GivenName english_given_names[] = {
  { "James", "Jim" },
  { "Michael", "Mike" },
  { "Robert", "Bob" },
  { "David", NULL },
  { "William", "Bill" },
  { "Jennifer", "Jen" },
  { "Linda", NULL },
  { "Patricia", "Pat" },
  { "Elizabeth", "Liz" },
  { "Susan", NULL },
  { "Jessica", NULL },
  { "Sarah", NULL },
  { "Karen", NULL },
  { "Daniel", "Dan" },
  { "Matthew", "Matt" },
  { "Anthony", "Tony" },
  { "Mark", NULL },
  { "Emily", NULL },
  { "Ashley", NULL },
  { "Michelle", NULL },
  { "Kevin", NULL },
  { "Brian", NULL },
  { "Laura", NULL },
  { "Rachel", NULL },
  { "Maria", NULL },
  { "José", NULL },
  { "Carlos", NULL },
  { "Andrea", NULL },
  { "Priya", NULL },
  { "Wei", NULL },
  { "Aisha", NULL },
  { "Renée", NULL },
  { "Zoë", NULL },
  { "André", NULL },
  { "Siobhán", NULL },
  { "Thomas", "Tom" },
  { "Catherine", "Kate" },
  { "Gregory", "Greg" },
  { "Angela", NULL },
  { "Marcus", NULL },
};

static const char *const english_family_names[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
  "Davis", "Rodriguez", "Martinez", "Hernández", "Lopez", "Wilson",
  "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
  "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker",
  "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Patel", "Kim",
  "O’Brien", "MacDonald", "Campbell", "Stewart", "Murphy", "Wong",
  "Singh", "Chen", "Okafor", "Nakamura", "Brennan", "Fischer", "Novak",
};

static const char *const french_given_names[] = {
  "Geneviève", "François", "Hélène", "Jean-François", "Mathieu",
  "Isabelle", "Sébastien", "Noémie", "Stéphane", "Chloé", "Éric",
  "Mélanie", "Louis", "Élise", "Marc-André", "Sophie",
};

static const char *const french_family_names[] = {
  "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin",
  "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger",
  "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard",
  "Boucher",
};

static const char *const japanese_titles[] = {
  "主事", "主事", "主任", "主任", "主査", "主査", "主査", "係長", "係長",
  "課長補佐", "課長",
};

static const char *const japanese_international_departments[] = {
  "国際交流課", "国際課", "国際政策課", "国際交流推進課", "国際企画課",
};

static const char *const japanese_other_departments[] = {
  "企画課", "政策企画課", "観光振興課", "地域振興課", "防災危機管理課",
  "財政課", "人事課", "多文化共生推進課", "交通政策課", "環境政策課",
  "まちづくり推進課", "商工振興課",
};

/* Who a new person is */
typedef struct
{
  const char *title;
  const char *department;
  const char *honorific;
  const char *domain;    /* of the email address, before .example.org or .example.jp */
  const char *area;      /* of the phone number */
  const char *country;
  gboolean    japanese;
  gboolean    french;
} PersonSpec;

/* Partner organizations */

typedef struct
{
  const char *key;
  const char *name;
  const char *acronym;
  const char *kind;
  const char *country;
  const char *city;
  const char *website;
  const char *domain;
  const char *area;
  const char *relationship;
  const char *conference_start;
  const char *conference_end;
  const char *next_action;
  const char *next_action_date;
  const char *tags;
} OrganizationData;

static const OrganizationData organizations[] = {
  { "NGA", "National Governors Association", "NGA", "us-association", "US", "Washington",
    "https://www.nga.org/", "nga", "202",
    "Represents the governors of the states and territories. Our channel to governors’ offices for state–prefecture ties and for Fellowship Exchange Program nominations.",
    "2027-07-14", "2027-07-16",
    "Send the 2027 call for nominations to the international team", "2026-12-04",
    "FEP nominator\nannual conference" },
  { "NCSL", "National Conference of State Legislatures", "NCSL", "us-association", "US", "Denver",
    "https://www.ncsl.org/", "ncsl", "303",
    "Serves state legislators and their staff. JLGC has a booth at the Legislative Summit every summer and meets legislators interested in Japan there.",
    "2027-08-02", "2027-08-05",
    "Reserve the booth for the 2027 Legislative Summit", "2027-02-15",
    "FEP nominator\nannual conference" },
  { "CSG", "The Council of State Governments", "CSG", "us-association", "US", "Lexington",
    "https://www.csg.org/", "csg", "859",
    "Serves all three branches of state government; its regional offices count Canadian provinces among their affiliates. Nominates state and provincial officials.",
    "2026-12-03", "2026-12-06",
    "Confirm the JLGC session at the National Conference", "2026-11-20",
    "FEP nominator\nannual conference" },
  { "NACo", "National Association of Counties", "NACo", "us-association", "US", "Washington",
    "https://www.naco.org/", "naco", "202",
    "The voice of America’s counties. A long-standing partner for county delegations to Japan and for seminar speakers on emergency management.",
    "2027-07-16", "2027-07-19",
    "Ask for a speaker on rural counties for the spring seminars", "2026-12-10",
    "FEP nominator\nannual conference\nseminar speakers" },
  { "USCM", "The United States Conference of Mayors", "USCM", "us-association", "US", "Washington",
    "https://www.usmayors.org/", "usmayors", "202",
    "The official nonpartisan organization of larger US cities, each represented by its mayor. JLGC briefs mayors on sister-city programs at the Winter Meeting.",
    "2027-06-17", "2027-06-20",
    "Follow up with the Winter Meeting planning team", "2027-01-08",
    "FEP nominator\nannual conference" },
  { "NLC", "National League of Cities", "NLC", "us-association", "US", "Washington",
    "https://www.nlc.org/", "nlc", "202",
    "Represents cities, towns and villages of every size. JLGC attends the City Summit each November.",
    "2026-11-18", "2026-11-21",
    "Send thank-you notes to the City Summit contacts", "2026-12-01",
    "FEP nominator\nannual conference" },
  { "ICMA", "International City/County Management Association", "ICMA", "us-association", "US", "Washington",
    "https://icma.org/", "icma", "202",
    "Professional association of appointed city and county managers; a good source of Fellowship Exchange Program candidates.",
    "2027-10-03", "2027-10-06",
    "Propose a joint webinar on the council–manager plan", "2027-01-20",
    "FEP nominator\nseminar speakers" },
  { "FCM", "Federation of Canadian Municipalities", "FCM", "canadian-association", "CA", "Ottawa",
    "https://fcm.ca/", "fcm", "613",
    "The national voice of Canadian municipal governments. Nominates Canadian candidates and shares our calls in English and French.",
    "2027-06-03", "2027-06-06",
    "Send the 2027 program information in English and French", "2026-12-03",
    "FEP nominator\nannual conference\nCanada" },
  { "CAMA", "Canadian Association of Municipal Administrators", "CAMA", "canadian-association", "CA", NULL,
    NULL, "cama", "613",
    "The association of chief administrative officers and senior municipal managers across Canada.",
    "2027-05-25", "2027-05-27",
    "Call about a speaker on municipal finance", "2026-11-18",
    "FEP nominator\nCanada" },
  { "AMCTO", "Association of Municipal Managers, Clerks and Treasurers of Ontario", "AMCTO", "canadian-association", "CA", "Markham",
    "https://www.amcto.com/", "amcto", "905",
    "Ontario’s municipal professionals. A partner for Ontario municipalities interested in Japan.",
    "2027-06-08", "2027-06-10",
    NULL, NULL,
    "FEP nominator\nCanada" },
  { "embassy", "Embassy of Japan in the United States", NULL, "japanese-mission", "US", "Washington",
    "https://www.us.emb-japan.go.jp/", "emb-japan", "202",
    "Works with JLGC on visits of Japanese governors and mayors to Washington and on state–prefecture relations.",
    NULL, NULL,
    "Brief the new first secretary on the Fellowship Exchange Program", "2027-01-12",
    NULL },
  { "cg-new-york", "Consulate General of Japan in New York", NULL, "japanese-mission", "US", "New York",
    "https://www.ny.us.emb-japan.go.jp/", "cgj-newyork", "212",
    "Our neighbours in Manhattan. Co-hosts the sister-city networking reception every spring.",
    NULL, NULL,
    "Plan the spring sister-city reception", "2027-02-05",
    "sister cities" },
  { "cg-chicago", "Consulate General of Japan in Chicago", NULL, "japanese-mission", "US", "Chicago",
    "https://www.chicago.us.emb-japan.go.jp/", "cgj-chicago", "312",
    "Covers the Midwest; helps with the Chicago–Osaka and Shiga–Michigan relationships.",
    NULL, NULL, NULL, NULL,
    "sister cities" },
  { "cg-los-angeles", "Consulate General of Japan in Los Angeles", NULL, "japanese-mission", "US", "Los Angeles",
    "https://www.la.us.emb-japan.go.jp/", "cgj-losangeles", "213",
    "Covers Southern California and Arizona; involved in the Phoenix–Himeji 50th anniversary.",
    NULL, NULL, NULL, NULL,
    "sister cities" },
  { "cg-toronto", "Consulate General of Japan in Toronto", NULL, "japanese-mission", "CA", "Toronto",
    "https://www.toronto.ca.emb-japan.go.jp/", "cgj-toronto", "416",
    "Helps us reach Ontario municipalities and co-sponsors the Toronto alumni gathering.",
    NULL, NULL, NULL, NULL,
    "Canada" },
  { "cg-vancouver", "Consulate General of Japan in Vancouver", NULL, "japanese-mission", "CA", "Vancouver",
    "https://www.vancouver.ca.emb-japan.go.jp/", "cgj-vancouver", "604",
    "Covers British Columbia; helps with the Vancouver–Yokohama and Richmond–Wakayama relationships.",
    NULL, NULL, NULL, NULL,
    "Canada\nsister cities" },
  { "JETRO", "JETRO New York", "JETRO", "japanese-organization", "US", "New York",
    NULL, "jetro-ny", "212",
    "Japan External Trade Organization. Joint programs with state economic development offices; speakers on Japanese investment.",
    NULL, NULL,
    "Ask for a speaker for the December seminar", "2026-11-30",
    "seminar speakers" },
  { "JNTO", "JNTO New York", "JNTO", "japanese-organization", "US", "New York",
    NULL, "jnto-ny", "212",
    "Japan National Tourism Organization. Provides regional tourism material for Fellowship Exchange Program participants.",
    NULL, NULL, NULL, NULL,
    NULL },
  { "jf-new-york", "The Japan Foundation, New York", NULL, "japanese-organization", "US", "New York",
    "https://www.jfny.org/", "jfny", "212",
    "Cultural and Japanese-language programs; co-sponsors cultural events of sister cities.",
    NULL, NULL, NULL, NULL,
    "culture" },
  { "jf-toronto", "The Japan Foundation, Toronto", NULL, "japanese-organization", "CA", "Toronto",
    NULL, "jftoronto", "416",
    "Japanese-language and cultural programs in Canada.",
    NULL, NULL, NULL, NULL,
    "culture\nCanada" },
  { "CLAIR", "Council of Local Authorities for International Relations", "CLAIR", "japanese-organization", "JP", "Tokyo",
    "https://www.clair.or.jp/", "clair", "3",
    "Our head office in Tokyo: programs, budgets and the placement of Fellowship Exchange Program participants with host prefectures.",
    NULL, NULL,
    "Send the list of 2027 candidates to the Exchange Support Division", "2027-02-26",
    NULL },
  { "SCI", "Sister Cities International", "SCI", "other", "US", "Washington",
    "https://sistercities.org/", "sistercities", "202",
    "The national network of US sister-city programs; shares news of US–Japan relationships that want to revive.",
    "2027-07-08", "2027-07-10",
    NULL, NULL,
    "sister cities" },
  { "JETAA-NY", "JET Alumni Association of New York", "JETAA NY", "jetaa", "US", "New York",
    NULL, "jetaany", "212",
    "JET alumni who volunteer at JLGC events and help with the seminar series.",
    NULL, NULL,
    "Invite volunteers for the New Year reception", "2026-12-18",
    "JET alumni" },
  { "JETAA-SC", "JET Alumni Association of Southern California", "JETAASC", "jetaa", "US", "Los Angeles",
    NULL, "jetaasc", "213",
    "JET alumni in Southern California; often helps with delegations from Nagoya and Himeji.",
    NULL, NULL, NULL, NULL,
    "JET alumni" },
  { "JETAA-TO", "JET Alumni Association of Toronto", "JETAA Toronto", "jetaa", "CA", "Toronto",
    NULL, "jetaatoronto", "416",
    "JET alumni in Ontario; helps to find Canadian applicants.",
    NULL, NULL, NULL, NULL,
    "JET alumni\nCanada" },
};

typedef struct
{
  const char *organization;
  gboolean    japanese;
  gboolean    french;
  const char *title;
  const char *department;
} StaffData;

/* The first North American of each organization is the one asked to
 * speak at seminars. */
static const StaffData staff[] = {
  { "NGA", FALSE, FALSE, "Director of International Affairs", "Office of Government Relations" },
  { "NGA", FALSE, FALSE, "Program Manager", "Center for Best Practices" },
  { "NCSL", FALSE, FALSE, "Director, International Programs", NULL },
  { "NCSL", FALSE, FALSE, "Senior Policy Specialist", "Legislative Summit" },
  { "CSG", FALSE, FALSE, "Director of International Programs", NULL },
  { "CSG", FALSE, FALSE, "Policy Analyst", "CSG Midwest" },
  { "NACo", FALSE, FALSE, "Director of International Programs", "Member Services" },
  { "NACo", FALSE, FALSE, "Senior Program Manager", "Resilience" },
  { "USCM", FALSE, FALSE, "Assistant Executive Director", "International Affairs" },
  { "USCM", FALSE, FALSE, "Senior Manager", "Conference Planning" },
  { "NLC", FALSE, FALSE, "Program Director, International Relations", NULL },
  { "NLC", FALSE, FALSE, "Senior Associate", "Member Engagement" },
  { "ICMA", FALSE, FALSE, "Director, International Programs", NULL },
  { "ICMA", FALSE, FALSE, "Program Manager", "Annual Conference" },
  { "FCM", FALSE, FALSE, "Director, International Programs", NULL },
  { "FCM", FALSE, TRUE, "Gestionnaire de programme", "Programmes internationaux" },
  { "CAMA", FALSE, FALSE, "Executive Director", NULL },
  { "AMCTO", FALSE, FALSE, "Director, Policy and Government Relations", NULL },
  { "embassy", TRUE, FALSE, "一等書記官", "政務班" },
  { "embassy", TRUE, FALSE, "二等書記官", "広報文化班" },
  { "cg-new-york", TRUE, FALSE, "領事", "政務班" },
  { "cg-chicago", TRUE, FALSE, "領事", "広報文化班" },
  { "cg-los-angeles", TRUE, FALSE, "副領事", "経済班" },
  { "cg-toronto", TRUE, FALSE, "領事", "広報文化班" },
  { "cg-vancouver", TRUE, FALSE, "領事", "政務経済班" },
  { "JETRO", FALSE, FALSE, "Senior Investment Advisor", "Invest Japan" },
  { "JETRO", TRUE, FALSE, "ディレクター", "対日投資部" },
  { "JNTO", TRUE, FALSE, "次長", NULL },
  { "jf-new-york", FALSE, FALSE, "Program Officer", "Arts and Culture" },
  { "jf-toronto", FALSE, FALSE, "Program Officer", "Japanese Language" },
  { "CLAIR", TRUE, FALSE, "課長", "交流支援部" },
  { "SCI", FALSE, FALSE, "Director of Membership", NULL },
  { "JETAA-NY", FALSE, FALSE, "President", NULL },
  { "JETAA-SC", FALSE, FALSE, "President", NULL },
  { "JETAA-TO", FALSE, FALSE, "Vice President", NULL },
};

/* Fellowship Exchange Program */

typedef struct
{
  int         year;
  const char *inquiry;         /* the months of the steps */
  const char *nominated;
  const char *received;
  const char *review;
  const char *decision;        /* the day of the decision */
  const char *confirmed;
  const char *program_start;
  const char *program_end;
  const char *deadline;
} CohortData;

static const CohortData cohorts[] = {
  { 2024, "2023-09", "2023-11", "2024-01", "2024-02", "2024-03-15", "2024-05",
    "2024-10-13", "2024-10-22", "2024-01-19" },
  { 2025, "2024-09", "2024-11", "2025-01", "2025-02", "2025-03-14", "2025-05",
    "2025-10-19", "2025-10-28", "2025-01-17" },
  { 2026, "2025-09", "2025-11", "2026-01", "2026-02", "2026-03-13", "2026-05",
    "2026-12-06", "2026-12-15", "2026-01-16" },
  { 2027, "2026-08", "2026-10", "2026-11", NULL, NULL, NULL,
    NULL, NULL, "2027-01-15" },
};

enum
{
  DOCUMENT_FORM,
  DOCUMENT_CV,
  DOCUMENT_PHOTO,
  DOCUMENT_RECOMMENDATION,
  DOCUMENT_FLIGHT,
  N_DOCUMENTS
};

static const char *const document_fields[N_DOCUMENTS] = {
  "has_application_form",
  "has_cv",
  "has_photo",
  "has_recommendation",
  "has_flight_form",
};

typedef struct
{
  const char *status;
  const char *history[7];           /* the statuses before it */
  double      documents[N_DOCUMENTS];  /* how likely each is in */
  gboolean    decided;
  gboolean    placed;               /* has a host prefecture and dates */
  gboolean    reviewed;
  int         score_low;
  int         score_high;
  const char *note;
} StatusData;

static const StatusData statuses[] = {
  { "inquiry", { NULL },
    { 0, 0.2, 0, 0, 0 }, FALSE, FALSE, FALSE, 0, 0,
    "Asked about eligibility after the JLGC session at a conference." },
  { "nominated", { "inquiry", NULL },
    { 0, 0.3, 0, 0.7, 0 }, FALSE, FALSE, FALSE, 0, 0,
    NULL },
  { "received", { "inquiry", "nominated", NULL },
    { 1, 1, 0.5, 0.7, 0 }, FALSE, FALSE, FALSE, 0, 0,
    "Waiting for the remaining documents." },
  { "review", { "inquiry", "nominated", "received", NULL },
    { 1, 1, 0.7, 1, 0 }, FALSE, FALSE, TRUE, 2, 5,
    NULL },
  { "selected", { "inquiry", "nominated", "received", "review", NULL },
    { 1, 1, 1, 1, 0 }, TRUE, TRUE, TRUE, 4, 5,
    "Selected; the confirmation form has not come back yet." },
  { "alternate", { "inquiry", "nominated", "received", "review", NULL },
    { 1, 1, 1, 1, 0 }, TRUE, FALSE, TRUE, 3, 4,
    "Alternate: offered a place if a selected candidate withdraws." },
  { "not-selected", { "inquiry", "nominated", "received", "review", NULL },
    { 1, 1, 1, 1, 0 }, TRUE, FALSE, TRUE, 2, 3,
    "Encouraged to apply again next year." },
  { "withdrawn", { "inquiry", "nominated", "received", NULL },
    { 1, 0.5, 0, 0.5, 0 }, FALSE, FALSE, FALSE, 0, 0,
    "Withdrew: the dates clash with the budget session." },
  { "confirmed", { "inquiry", "nominated", "received", "review", "selected", NULL },
    { 1, 1, 1, 1, 0.5 }, TRUE, TRUE, TRUE, 4, 5,
    NULL },
  { "travelled", { "inquiry", "nominated", "received", "review", "selected", "confirmed", NULL },
    { 1, 1, 1, 1, 1 }, TRUE, TRUE, TRUE, 4, 5,
    "The follow-up report has not come in yet." },
  { "alumni", { "inquiry", "nominated", "received", "review", "selected", "confirmed", "travelled" },
    { 1, 1, 1, 1, 1 }, TRUE, TRUE, TRUE, 4, 5,
    NULL },
};

typedef struct
{
  int         cohort;
  const char *status;
  const char *government;
  const char *level;
  const char *jurisdiction;
  const char *domain;
  const char *area;
  const char *nominator;   /* key of an organization */
  gboolean    sensitive;   /* has dietary needs and an emergency contact on file */
} ApplicationData;

static const ApplicationData applications[] = {
  { 2024, "alumni", "City of Trenton", "city", "US-NJ", "trenton", "609", "USCM", FALSE },
  { 2024, "alumni", "Maricopa County", "county", "US-AZ", "maricopa", "602", "NACo", FALSE },
  { 2024, "alumni", "State of Ohio", "state", "US-OH", "ohio", "614", "NGA", FALSE },
  { 2024, "alumni", "City of Calgary", "city", "CA-AB", "calgary", "403", "FCM", FALSE },
  { 2024, "alumni", "City of Charlotte", "city", "US-NC", "charlotte", "704", "ICMA", FALSE },
  { 2024, "alumni", "King County", "county", "US-WA", "kingcounty", "206", "NACo", FALSE },
  { 2024, "alumni", "Province of Nova Scotia", "province", "CA-NS", "novascotia", "902", "CSG", FALSE },
  { 2024, "not-selected", "City of Boise", "city", "US-ID", "boise", "208", "NLC", FALSE },
  { 2024, "withdrawn", "Hennepin County", "county", "US-MN", "hennepin", "612", "NACo", FALSE },
  { 2024, "alternate", "City of Ottawa", "city", "CA-ON", "ottawa", "613", "AMCTO", FALSE },
  { 2025, "alumni", "Harris County", "county", "US-TX", "harriscounty", "713", "NACo", FALSE },
  { 2025, "alumni", "City of Columbus", "city", "US-OH", "columbus", "614", "NLC", FALSE },
  { 2025, "alumni", "Commonwealth of Kentucky", "state", "US-KY", "kentucky", "502", "CSG", FALSE },
  { 2025, "alumni", "Ville de Québec", "city", "CA-QC", "villedequebec", "418", "FCM", FALSE },
  { 2025, "travelled", "City of Austin", "city", "US-TX", "austin", "512", "ICMA", TRUE },
  { 2025, "travelled", "Miami-Dade County", "county", "US-FL", "miamidade", "305", "NACo", FALSE },
  { 2025, "travelled", "State of Colorado", "state", "US-CO", "colorado", "303", "NCSL", FALSE },
  { 2025, "not-selected", "City of Des Moines", "city", "US-IA", "desmoines", "515", "NLC", FALSE },
  { 2025, "not-selected", "City of Saskatoon", "city", "CA-SK", "saskatoon", "306", "CAMA", FALSE },
  { 2025, "withdrawn", "Puget Sound Regional Council", "regional", "US-WA", "psrc", "206", "NLC", FALSE },
  { 2026, "confirmed", "Province of Manitoba", "province", "CA-MB", "manitoba", "204", "CSG", TRUE },
  { 2026, "confirmed", "State of Tennessee", "state", "US-TN", "tennessee", "615", "NCSL", FALSE },
  { 2026, "confirmed", "Wake County", "county", "US-NC", "wakecounty", "919", "NACo", TRUE },
  { 2026, "confirmed", "City of Winnipeg", "city", "CA-MB", "winnipeg", "204", "FCM", FALSE },
  { 2026, "confirmed", "Metro Vancouver", "regional", "CA-BC", "metrovancouver", "604", "FCM", FALSE },
  { 2026, "confirmed", "City of Savannah", "city", "US-GA", "savannah", "912", "USCM", FALSE },
  { 2026, "selected", "Fairfax County", "county", "US-VA", "fairfax", "703", "NACo", FALSE },
  { 2026, "selected", "City of Providence", "city", "US-RI", "providence", "401", "USCM", FALSE },
  { 2026, "alternate", "Regional Municipality of Waterloo", "regional", "CA-ON", "regionofwaterloo", "519", "AMCTO", FALSE },
  { 2026, "alternate", "City of Madison", "city", "US-WI", "madison", "608", "NLC", FALSE },
  { 2026, "not-selected", "Ohio Municipal League", "association", "US-OH", "oml", "614", "NLC", FALSE },
  { 2026, "withdrawn", "City of Knoxville", "city", "US-TN", "knoxville", "865", "ICMA", FALSE },
  { 2027, "review", "State of Georgia", "state", "US-GA", "georgia", "404", "NGA", FALSE },
  { 2027, "review", "City of Edmonton", "city", "CA-AB", "edmonton", "780", "CAMA", FALSE },
  { 2027, "review", "Montgomery County", "county", "US-MD", "montgomerycounty", "240", "NACo", FALSE },
  { 2027, "received", "Ville de Laval", "city", "CA-QC", "laval", "450", "FCM", FALSE },
  { 2027, "received", "City of Albuquerque", "city", "US-NM", "albuquerque", "505", "ICMA", FALSE },
  { 2027, "received", "Salt Lake County", "county", "US-UT", "saltlakecounty", "385", "NACo", FALSE },
  { 2027, "nominated", "Commonwealth of Virginia", "state", "US-VA", "virginia", "804", "NCSL", FALSE },
  { 2027, "nominated", "City of Pittsburgh", "city", "US-PA", "pittsburgh", "412", "USCM", FALSE },
  { 2027, "nominated", "Halifax Regional Municipality", "city", "CA-NS", "halifax", "902", "FCM", FALSE },
  { 2027, "inquiry", "City of Richmond", "city", "US-VA", "rva", "804", "NLC", FALSE },
  { 2027, "inquiry", "City of Mississauga", "city", "CA-ON", "mississauga", "905", "AMCTO", FALSE },
  { 2027, "inquiry", "Cuyahoga County", "county", "US-OH", "cuyahogacounty", "216", "NACo", FALSE },
  { 2027, "inquiry", "State of Indiana", "state", "US-IN", "indiana", "317", "CSG", FALSE },
};

/* What an applicant does at home. Region: "US", "CA" (outside Quebec),
 * "QC", or NULL for anywhere. */
typedef struct
{
  const char *level;
  const char *region;
  const char *title;
  const char *department;
  const char *honorific;
} PositionData;

static const PositionData positions[] = {
  { "city", "US", "City Manager", "Office of the City Manager", NULL },
  { "city", "US", "Deputy Mayor", "Office of the Mayor", NULL },
  { "city", "US", "Assistant City Manager", "Office of the City Manager", NULL },
  { "city", "US", "City Councilmember", "City Council", "Hon." },
  { "city", "US", "Director of International Affairs", "Office of the Mayor", NULL },
  { "city", "US", "Director of Economic Development", "Economic Development Department", NULL },
  { "city", "CA", "Director of Economic Development", "Economic Development", NULL },
  { "city", "CA", "Chief Administrative Officer", "Office of the CAO", NULL },
  { "city", "CA", "Councillor", "City Council", NULL },
  { "city", "CA", "Deputy City Manager", "Corporate Services", NULL },
  { "city", "QC", "Membre du comité exécutif", "Comité exécutif", NULL },
  { "city", "QC", "Responsable des relations internationales", "Bureau des relations internationales", NULL },
  { "county", NULL, "County Administrator", "Office of the County Administrator", NULL },
  { "county", NULL, "County Commissioner", "Board of Commissioners", "Hon." },
  { "county", NULL, "Deputy County Executive", "Office of the County Executive", NULL },
  { "county", NULL, "Director of Emergency Management", "Office of Emergency Management", NULL },
  { "state", NULL, "State Senator", "State Senate", "Hon." },
  { "state", NULL, "State Representative", "House of Representatives", "Hon." },
  { "state", NULL, "Director of International Trade", "Department of Commerce", NULL },
  { "state", NULL, "Deputy Chief of Staff", "Office of the Governor", NULL },
  { "province", NULL, "Deputy Minister", "Intergovernmental Affairs", NULL },
  { "province", NULL, "Member of the Legislative Assembly", "Legislative Assembly", NULL },
  { "province", NULL, "Assistant Deputy Minister, Trade and Investment", "Economic Development", NULL },
  { "regional", NULL, "Executive Director", NULL, NULL },
  { "regional", NULL, "Director of Regional Planning", "Planning Department", NULL },
  { "association", NULL, "Executive Director", NULL, NULL },
  { "association", NULL, "Deputy Executive Director", NULL, NULL },
};

static const char *const host_prefectures[] = {
  "02", "05", "06", "09", "15", "17", "20", "22", "29", "32", "33", "36",
  "39", "43", "44", "46",
};

/* Where an applicant flies from: the nearest airport with flights to Tokyo */
static const char west_jurisdictions[] =
  "US-AK US-AZ US-CA US-CO US-HI US-ID US-MT US-NM US-NV US-OR US-UT US-WA US-WY "
  "CA-AB CA-BC CA-MB CA-SK";
static const char central_jurisdictions[] =
  "US-IA US-IL US-IN US-KS US-KY US-MI US-MN US-MO US-NE US-OH US-OK US-TN US-TX US-WI";

typedef struct
{
  const char *region;
  const char *arrival;
  const char *departure;
} FlightData;

static const FlightData flights[] = {
  { "US-east", "JL 5 (JFK → HND)", "JL 6 (HND → JFK)" },
  { "US-east", "NH 101 (IAD → HND)", "NH 102 (HND → IAD)" },
  { "US-central", "NH 9 (ORD → HND)", "NH 10 (HND → ORD)" },
  { "US-west", "UA 7 (SFO → HND)", "UA 8 (HND → SFO)" },
  { "US-west", "JL 15 (LAX → HND)", "JL 16 (HND → LAX)" },
  { "CA-east", "AC 1 (YYZ → HND)", "AC 2 (HND → YYZ)" },
  { "CA-west", "AC 3 (YVR → HND)", "AC 4 (HND → YVR)" },
};

static const char *const dietary_needs[] = {
  "Vegetarian; no fish or shellfish.",
  "No pork.",
  "Gluten-free (coeliac disease).",
};

static const char *const accessibility_needs[] = {
  "Step-free access where possible; uses a cane on long walks.",
  "Prefers an aisle seat; no other needs.",
  NULL,
};

static const char *const reviewers[] = {
  "高橋 誠 (JLGC)",
  "Emily Carter (JLGC)",
  "松本 裕子 (JLGC)",
  "Daniel Brooks (JLGC)",
};

static const char *const high_comments[] = {
  "Strong candidate: leads the trade office and has hosted Japanese delegations.",
  "Clear plan to share what they learn with the council and the sister-city committee.",
  "地域の国際戦略を担う立場にあり、帰国後の波及効果が大きい。",
  "Excellent essay with a concrete interest in disaster preparedness in Japan.",
  "推薦状が具体的で、日本の自治体との交流実績もある。",
};

static const char *const middle_comments[] = {
  "Solid application; the link to Japan is still mostly prospective.",
  "経験は十分だが、日本との具体的な交流計画がやや弱い。",
  "Good leadership record; the recommendation letter is brief.",
};

static const char *const low_comments[] = {
  "Limited connection to Japan so far; encourage to reapply next year.",
  "業務と研修テーマの関連が明確でない。",
  "The essay does not say how the visit would be followed up.",
};

/* Sister states and cities */

typedef struct
{
  const char *name;     /* 横浜市 */
  const char *domain;   /* city-yokohama */
  const char *area;     /* 45 */
} JapaneseGovernmentData;

/* The Japanese sides of the affiliations first, then other governments
 * whose officials follow the seminars. */
static const JapaneseGovernmentData japanese_governments[] = {
  { "東京都", "metro-tokyo", "3" },
  { "大阪市", "city-osaka", "6" },
  { "名古屋市", "city-nagoya", "52" },
  { "神戸市", "city-kobe", "78" },
  { "札幌市", "city-sapporo", "11" },
  { "高山市", "city-takayama", "577" },
  { "京都市", "city-kyoto", "75" },
  { "広島市", "city-hiroshima", "82" },
  { "姫路市", "city-himeji", "79" },
  { "横浜市", "city-yokohama", "45" },
  { "世田谷区", "city-setagaya", "3" },
  { "福岡市", "city-fukuoka", "92" },
  { "千葉市", "city-chiba", "43" },
  { "松山市", "city-matsuyama", "89" },
  { "和歌山市", "city-wakayama", "73" },
  { "北九州市", "city-kitakyushu", "93" },
  { "神奈川県", "pref-kanagawa", "45" },
  { "兵庫県", "pref-hyogo", "78" },
  { "富山県", "pref-toyama", "76" },
  { "広島県", "pref-hiroshima", "82" },
  { "福岡県", "pref-fukuoka", "92" },
  { "沖縄県", "pref-okinawa", "98" },
  { "宮城県", "pref-miyagi", "22" },
  { "滋賀県", "pref-shiga", "77" },
  { "北海道", "pref-hokkaido", "11" },
  { "仙台市", "city-sendai", "22" },
  { "新潟市", "city-niigata", "25" },
  { "静岡県", "pref-shizuoka", "54" },
  { "岡山県", "pref-okayama", "86" },
  { "金沢市", "city-kanazawa", "76" },
  { "熊本県", "pref-kumamoto", "96" },
  { "長野県", "pref-nagano", "26" },
  { "青森県", "pref-aomori", "17" },
  { "鹿児島市", "city-kagoshima", "99" },
  { "浜松市", "city-hamamatsu", "53" },
  { "高知県", "pref-kochi", "88" },
  { "秋田県", "pref-akita", "18" },
  { "奈良市", "city-nara", "742" },
  { "松江市", "city-matsue", "852" },
  { "盛岡市", "city-morioka", "19" },
  { "岐阜県", "pref-gifu", "58" },
  { "大分県", "pref-oita", "97" },
};

typedef struct
{
  const char *prefecture;
  const char *municipality;          /* NULL for a prefecture and a state or province */
  const char *municipality_romaji;
  const char *partner_name;
  const char *partner_short;         /* for the descriptions of exchanges */
  const char *partner_subdivision;
  const char *partner_domain;
  const char *partner_area;
  const char *established;
  const char *kind;
  const char *status;
} AffiliationData;

static const AffiliationData affiliations[] = {
  { "13", "東京都", "Tokyo", "City of New York", "New York", "US-NY", "nyc", "212",
    "1960-02-29", "sister", "active" },
  { "27", "大阪市", "Osaka", "City and County of San Francisco", "San Francisco", "US-CA", "sf", "415",
    "1957-10-07", "sister", "active" },
  { "23", "名古屋市", "Nagoya", "City of Los Angeles", "Los Angeles", "US-CA", "lacity", "213",
    "1959-04-01", "sister", "active" },
  { "28", "神戸市", "Kobe", "City of Seattle", "Seattle", "US-WA", "seattle", "206",
    "1957-10-21", "sister", "active" },
  { "01", "札幌市", "Sapporo", "City of Portland", "Portland", "US-OR", "portland", "503",
    "1959-11-17", "sister", "active" },
  { "21", "高山市", "Takayama", "City and County of Denver", "Denver", "US-CO", "denver", "720",
    "1960-06-16", "sister", "active" },
  { "26", "京都市", "Kyoto", "City of Boston", "Boston", "US-MA", "boston", "617",
    "1959-06-24", "sister", "active" },
  { "27", "大阪市", "Osaka", "City of Chicago", "Chicago", "US-IL", "chicago", "312",
    "1973-12-05", "sister", "active" },
  { "34", "広島市", "Hiroshima", "City and County of Honolulu", "Honolulu", "US-HI", "honolulu", "808",
    "1959-06-15", "sister", "active" },
  { "28", "姫路市", "Himeji", "City of Phoenix", "Phoenix", "US-AZ", "phoenix", "602",
    "1976-05-21", "sister", "active" },
  { "14", "横浜市", "Yokohama", "City of San Diego", "San Diego", "US-CA", "sandiego", "619",
    "1957-10-29", "sister", "active" },
  { "14", "横浜市", "Yokohama", "City of Vancouver", "Vancouver", "CA-BC", "vancouver", "604",
    "1965-07-01", "sister", "active" },
  { "13", "世田谷区", "Setagaya", "City of Winnipeg", "Winnipeg", "CA-MB", "winnipeg", "204",
    "1970-08-26", "sister", "active" },
  { "34", "広島市", "Hiroshima", "Ville de Montréal", "Montréal", "CA-QC", "montreal", "514",
    "1998-05-04", "friendship", "active" },
  { "40", "福岡市", "Fukuoka", "City of Atlanta", "Atlanta", "US-GA", "atlanta", "404",
    "2005-03-24", "friendship", "active" },
  { "12", "千葉市", "Chiba", "City of Houston", "Houston", "US-TX", "houston", "713",
    "1972-07-24", "friendship", "dormant" },
  { "38", "松山市", "Matsuyama", "City of Sacramento", "Sacramento", "US-CA", "sacramento", "916",
    "1981-05-12", "sister", "active" },
  { "30", "和歌山市", "Wakayama", "City of Richmond", "Richmond", "CA-BC", "richmond", "604",
    "1973-03-05", "sister", "ended" },
  { "40", "北九州市", "Kitakyushu", "City of Tacoma", "Tacoma", "US-WA", "tacoma", "253",
    "1959-11-20", "sister", "dormant" },
  { "14", NULL, NULL, "State of Maryland", "Maryland", "US-MD", "maryland", "410",
    "1981-04-24", "sister", "active" },
  { "28", NULL, NULL, "State of Washington", "Washington State", "US-WA", "wa-state", "360",
    "1963-08-10", "sister", "active" },
  { "16", NULL, NULL, "State of Oregon", "Oregon", "US-OR", "oregon", "503",
    "1991-09-12", "sister", "active" },
  { "34", NULL, NULL, "State of Hawaii", "Hawaii", "US-HI", "hawaii", "808",
    "1997-09-05", "sister", "active" },
  { "40", NULL, NULL, "State of Hawaii", "Hawaii", "US-HI", "hawaii", "808",
    "1981-10-05", "sister", "active" },
  { "47", NULL, NULL, "State of Hawaii", "Hawaii", "US-HI", "hawaii", "808",
    "1985-10-01", "sister", "active" },
  { "04", NULL, NULL, "State of Delaware", "Delaware", "US-DE", "delaware", "302",
    "1997-10-15", "sister", "active" },
  { "25", NULL, NULL, "State of Michigan", "Michigan", "US-MI", "michigan", "517",
    "1968-11-27", "sister", "active" },
  { "01", NULL, NULL, "Commonwealth of Massachusetts", "Massachusetts", "US-MA", "mass", "617",
    "1990-05-11", "sister", "dormant" },
  { "01", NULL, NULL, "Province of Alberta", "Alberta", "CA-AB", "alberta", "780",
    "1980-05-26", "sister", "active" },
};

typedef struct
{
  const char *title;
  const char *department;
  const char *role;
} ContactRoleData;

static const ContactRoleData city_partner_roles[] = {
  { "Director of International Relations", "Office of the Mayor", "Mayor’s Office" },
  { "Chair", "Sister City Committee", "Sister City Committee chair" },
  { "International Affairs Manager", "Office of International Affairs", "International Affairs Division" },
  { "Chief of Protocol", "Protocol Office", "Protocol Office" },
};

static const ContactRoleData state_partner_roles[] = {
  { "Senior Advisor for International Affairs", "Office of the Governor", "Governor’s Office" },
  { "Director of International Trade", "Department of Commerce", "Department of Commerce, International Division" },
  { "Chair", "Sister State Committee", "Sister State Committee chair" },
};

static const ContactRoleData province_partner_roles[] = {
  { "Director, International Relations", "Intergovernmental Relations", "Intergovernmental Relations" },
  { "Senior Trade Officer", "Ministry of Trade", "International trade office" },
};

static const ContactRoleData quebec_partner_roles[] = {
  { "Responsable des relations internationales", "Bureau des relations internationales", "Bureau des relations internationales" },
};

static const char *const japanese_city_roles[] = {
  "International Affairs Division", "Sister city liaison", "国際交流担当", "姉妹都市担当",
};

static const char *const japanese_prefecture_roles[] = {
  "International Affairs Division", "Sister state liaison", "国際交流担当", "知事室",
};

typedef struct
{
  const char *kind;
  const char *text;   /* {japan}, {partner} and {leader} are replaced */
} ExchangeTemplate;

static const ExchangeTemplate exchange_templates[] = {
  { "delegation", "Official delegation from {japan} to {partner}, led by the {leader}: courtesy calls, a business seminar and a reception." },
  { "delegation", "Council members from {partner} visited {japan} and met the assembly’s friendship league." },
  { "delegation", "Trade mission from {partner} to {japan} with a dozen local companies." },
  { "students", "High school students from {japan} spent two weeks with host families in {partner}." },
  { "students", "University students from {partner} joined a study program in {japan}." },
  { "students", "Online exchange between junior high schools in {japan} and {partner}." },
  { "culture", "Japan festival in {partner} with taiko drummers from {japan}." },
  { "culture", "Exhibition of crafts from {japan} at the public library in {partner}." },
  { "culture", "Cherry trees from {japan} planted in a park in {partner}." },
  { "other", "Joint online forum on disaster preparedness between {japan} and {partner}." },
  { "other", "An official of {japan} worked for three months in the international office of {partner}." },
};

/* Online seminars */

typedef struct
{
  const char *start_local;
  int         duration;
  const char *status;
  const char *title_en;
  const char *title_ja;
  const char *speakers[2];   /* "gov:" a government of an applicant, or "org:" an organization */
  const char *tags;
} SeminarData;

static const SeminarData seminars[] = {
  { "2025-06-17T19:00", 90, "held",
    "How American Cities Work: The Council–Manager Plan", "米国の市政の仕組み：シティ・マネージャー制",
    { "gov:City of Charlotte", "org:ICMA" }, "city government" },
  { "2025-07-15T19:00", 60, "held",
    "Revitalizing Downtowns", "中心市街地の活性化",
    { "gov:City of Trenton", "org:NLC" }, "economic development" },
  { "2025-08-19T19:00", 90, "held",
    "Disaster Preparedness in US Counties", "米国郡政府の防災体制",
    { "gov:Maricopa County", "org:NACo" }, "disaster preparedness\ncounties" },
  { "2025-09-16T19:00", 60, "held",
    "How States Attract Foreign Investment", "州政府による対内直接投資の誘致",
    { "gov:State of Ohio", "org:NGA" }, "economic development\nstates" },
  { "2025-10-21T19:00", 60, "held",
    "Municipal Finance in Canada", "カナダの地方財政",
    { "gov:City of Calgary", "org:CAMA" }, "Canada\nfinance" },
  { "2025-11-18T19:00", 60, "held",
    "Smart Cities and Open Data", "スマートシティとオープンデータ",
    { "gov:City of Columbus", NULL }, "digital" },
  { "2025-12-16T19:00", 60, "held",
    "Tourism Promotion with Local Partners", "地域と連携した観光振興",
    { "gov:Province of Nova Scotia", NULL }, "tourism\nCanada" },
  { "2026-01-20T19:00", 90, "held",
    "State Legislatures and Local Governments", "州議会と地方自治体の関係",
    { "gov:Commonwealth of Kentucky", "org:NCSL" }, "states" },
  { "2026-02-17T19:00", 60, "cancelled",
    "Homelessness and Affordable Housing", "ホームレス対策と住宅政策",
    { "gov:King County", NULL }, "housing\ncounties" },
  { "2026-03-17T19:00", 90, "held",
    "Public Engagement in Canadian Municipalities", "カナダの自治体における住民参加",
    { "gov:Ville de Québec", "org:AMCTO" }, "Canada\ncitizen participation" },
  { "2026-04-21T19:00", 60, "held",
    "Aging Communities and Rural Revitalization", "高齢化する地域と農村の再生",
    { "org:NACo", NULL }, "counties\nrural" },
  { "2026-05-19T19:00", 90, "held",
    "Climate Resilience and Green Infrastructure", "気候変動への適応とグリーンインフラ",
    { "gov:Miami-Dade County", NULL }, "environment\ncounties" },
  { "2026-06-16T19:00", 60, "held",
    "Sister Cities in the 21st Century", "21世紀の姉妹都市交流",
    { "org:SCI", "org:JETAA-NY" }, "sister cities" },
  { "2026-07-21T19:00", 60, "held",
    "Public Transit and Regional Planning", "公共交通と広域計画",
    { "gov:City of Austin", NULL }, "transportation" },
  { "2026-08-18T19:00", 90, "held",
    "Welcoming Newcomers: Immigration and Canadian Municipalities", "カナダの移民受け入れと自治体",
    { "org:FCM", NULL }, "Canada\nmulticultural" },
  { "2026-09-15T19:00", 60, "held",
    "Workforce Development and Community Colleges", "人材育成とコミュニティ・カレッジ",
    { "org:CSG", "gov:State of Colorado" }, "states\nworkforce" },
  { "2026-10-20T19:00", 90, "held",
    "Emergency Management after Hurricanes", "ハリケーン後の危機管理",
    { "gov:Miami-Dade County", "gov:Harris County" }, "disaster preparedness\ncounties" },
  { "2026-11-17T19:00", 60, "held",
    "Budgeting for Outcomes", "成果重視の予算編成",
    { "org:ICMA", NULL }, "finance\ncity government" },
  { "2026-12-15T19:00", 60, "confirmed",
    "Working with Japanese Companies in Your Community", "地域に進出した日系企業との連携",
    { "gov:State of Tennessee", "org:JETRO" }, "economic development\nstates" },
  { "2027-01-19T19:00", 90, "planned",
    "Mayors and Councils: Leadership in Canadian Cities", "カナダの市長と議会：自治体のリーダーシップ",
    { "gov:City of Winnipeg", "org:FCM" }, "Canada\ncity government" },
};

/* Activities */

/* Targets: "org:" an organization, "speaker:" the person who speaks for
 * an organization, "gov:" an applicant by government, "app:" an
 * application by government, "official:" the first official of a Japanese
 * government, "partner:" the partner-side contact of an affiliation,
 * "aff:" an affiliation by partner and prefecture. */
typedef struct
{
  const char *date;
  const char *kind;
  const char *target;
  const char *text;
} ActivityData;

static const ActivityData activities[] = {
  { "2025-06-20", "email", "org:SCI",
    "Shared the list of US–Japan sister-city anniversaries coming up in 2026 and 2027." },
  { "2025-07-12", "meeting", "org:NACo",
    "Met the international team at the Annual Conference; they would welcome a JLGC session next year." },
  { "2025-08-05", "meeting", "org:NCSL",
    "Staffed the JLGC booth at the Legislative Summit; about forty legislators and staff stopped by." },
  { "2025-08-20", "email", "official:横浜市",
    "バンクーバー市との姉妹都市60周年記念事業の報告書を受領。" },
  { "2025-11-03", "meeting", "gov:City of Trenton",
    "Lunch meeting in Manhattan after the program; keen to speak at another seminar." },
  { "2026-02-10", "note", "aff:City of Tacoma/40",
    "Tacoma’s sister city council was reorganized; waiting for a new contact before writing to Kitakyushu." },
  { "2026-02-26", "email", "org:CLAIR",
    "交流支援部に2026年度参加者の受入県案を送付。" },
  { "2026-03-05", "meeting", "org:cg-new-york",
    "Planning meeting for the spring sister-city reception." },
  { "2026-03-16", "visit", "aff:Commonwealth of Massachusetts/01",
    "Met the Governor’s Office about reviving the relationship with Hokkaido." },
  { "2026-04-08", "visit", "official:東京都",
    "ニューヨーク市役所訪問の前にJLGCを表敬訪問。" },
  { "2026-04-14", "visit", "org:embassy",
    "新任の一等書記官を表敬訪問。今年度の協力事項を確認。" },
  { "2026-05-15", "meeting", "org:JETAA-NY",
    "Briefed the volunteers for the June seminar and the summer reception." },
  { "2026-05-22", "note", "aff:City of Phoenix/28",
    "The 50th anniversary ceremony went well; the Consulate General in Los Angeles attended." },
  { "2026-06-02", "email", "org:JNTO",
    "Asked for regional tourism material for the December program participants." },
  { "2026-06-11", "call", "partner:City of Chicago",
    "Talked about the Osaka delegation planned for next spring." },
  { "2026-06-18", "email", "aff:City of Houston/12",
    "千葉市から交流再開の相談。ヒューストン市の担当部署を紹介。" },
  { "2026-07-01", "call", "official:松山市",
    "サクラメント市との45周年記念事業の報告について電話で確認。" },
  { "2026-08-03", "email", "org:NGA",
    "Sent the call for 2027 Fellowship Exchange Program nominations." },
  { "2026-08-03", "email", "org:FCM",
    "Sent the call for 2027 Fellowship Exchange Program nominations, in English and French." },
  { "2026-08-04", "email", "org:ICMA",
    "Sent the call for 2027 Fellowship Exchange Program nominations." },
  { "2026-08-20", "call", "app:City of Mississauga",
    "Explained the program and eligibility; will talk to AMCTO about a nomination." },
  { "2026-08-27", "email", "aff:State of Delaware/04",
    "宮城県から2027年の30周年記念訪問団の日程案を受領。" },
  { "2026-09-09", "note", "partner:State of Hawaii",
    "Chairs the sister-state committee for all three prefectures; prefers email." },
  { "2026-09-24", "email", "aff:City of San Diego/14",
    "Forwarded Yokohama’s proposal for the 70th anniversary program in 2027." },
  { "2026-09-30", "note", "org:cg-toronto",
    "Our contact goes back to Tokyo in January; ask for the successor’s details." },
  { "2026-10-07", "call", "org:JETRO",
    "Asked for a speaker on Japanese investment for the December seminar." },
  { "2026-10-13", "call", "gov:Miami-Dade County",
    "Rehearsal for the October seminar; slides to follow by Friday." },
  { "2026-10-14", "email", "app:State of Indiana",
    "Answered questions about the program dates and costs." },
  { "2026-10-15", "call", "aff:City and County of San Francisco/27",
    "Call with the sister city committee about the 70th anniversary delegation in October 2027." },
  { "2026-10-26", "call", "org:CAMA",
    "電話でセミナー講師（地方財政）の推薦を依頼。" },
  { "2026-10-28", "meeting", "app:Province of Manitoba",
    "Pre-departure briefing on Zoom with the host prefecture." },
  { "2026-11-02", "email", "app:City of Austin",
    "Reminded about the follow-up report on the visit." },
  { "2026-11-02", "call", "app:Commonwealth of Virginia",
    "推薦団体（NCSL）に推薦状の提出状況を確認。" },
  { "2026-11-03", "meeting", "aff:City of Seattle/28",
    "神戸市とシアトル市の70周年記念事業の打合せ（オンライン）。" },
  { "2026-11-10", "email", "speaker:ICMA",
    "Sent the briefing notes and the Zoom link for the November seminar." },
  { "2026-11-12", "call", "aff:State of Hawaii/34",
    "Hawaii asked about plans for the 30th anniversary with Hiroshima Prefecture in 2027." },
  { "2026-11-16", "email", "app:Ville de Laval",
    "Reminded the applicant of the documents still missing." },
  { "2026-11-17", "email", "app:City of Savannah",
    "Sent the program schedule and the hotel details." },
  { "2026-11-19", "meeting", "org:NLC",
    "At the City Summit: met three mayors interested in a sister city in Japan." },
  { "2026-11-20", "email", "app:Fairfax County",
    "Reminded the applicant that the confirmation form was due on 30 October." },
  { "2026-11-20", "email", "gov:State of Tennessee",
    "Sent the briefing notes for the December seminar." },
  { "2026-11-24", "note", "org:CSG",
    "Still no answer about the JLGC session at the National Conference; call on Monday." },
  { "2026-11-24", "call", "app:City of Providence",
    "Called about the overdue confirmation form; an answer is promised this week." },
};

/* The generator */

typedef struct
{
  LiaisonRecord *person;
  const char    *government;
} Official;

typedef struct
{
  GRand      *rand;
  GPtrArray  *buckets[G_N_ELEMENTS (save_order)];
  GHashTable *names;          /* the names given so far */
  GHashTable *organizations;  /* key → organization */
  GHashTable *speakers;       /* organization key → who speaks for it */
  GHashTable *governments;    /* North American government → its applicant */
  GHashTable *partners;       /* partner of an affiliation → its contact */
  GHashTable *roles;          /* person → role as an affiliation contact */
  GHashTable *officials;      /* Japanese government → its first official */
  GArray     *audience;       /* Official: who registers for seminars */
  GHashTable *applications;   /* government → application */
  GHashTable *affiliations;   /* "partner/prefecture" → affiliation */
} Demo;

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  for (guint i = 0; i < G_N_ELEMENTS (demo->buckets); i++)
    g_clear_pointer (&demo->buckets[i], g_ptr_array_unref);
  g_clear_pointer (&demo->names, g_hash_table_unref);
  g_clear_pointer (&demo->organizations, g_hash_table_unref);
  g_clear_pointer (&demo->speakers, g_hash_table_unref);
  g_clear_pointer (&demo->governments, g_hash_table_unref);
  g_clear_pointer (&demo->partners, g_hash_table_unref);
  g_clear_pointer (&demo->roles, g_hash_table_unref);
  g_clear_pointer (&demo->officials, g_hash_table_unref);
  g_clear_pointer (&demo->audience, g_array_unref);
  g_clear_pointer (&demo->applications, g_hash_table_unref);
  g_clear_pointer (&demo->affiliations, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

static void
demo_init (Demo *demo)
{
  demo->rand = g_rand_new_with_seed (DEMO_SEED);
  for (guint i = 0; i < G_N_ELEMENTS (demo->buckets); i++)
    demo->buckets[i] = g_ptr_array_new_with_free_func (g_object_unref);
  demo->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo->organizations = g_hash_table_new (g_str_hash, g_str_equal);
  demo->speakers = g_hash_table_new (g_str_hash, g_str_equal);
  demo->governments = g_hash_table_new (g_str_hash, g_str_equal);
  demo->partners = g_hash_table_new (g_str_hash, g_str_equal);
  demo->roles = g_hash_table_new (NULL, NULL);
  demo->officials = g_hash_table_new (g_str_hash, g_str_equal);
  demo->audience = g_array_new (FALSE, FALSE, sizeof (Official));
  demo->applications = g_hash_table_new (g_str_hash, g_str_equal);
  demo->affiliations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* A new record of @type, to be saved with the others */
static LiaisonRecord *
demo_add (Demo                    *demo,
          const LiaisonRecordType *type)
{
  LiaisonRecord *record = liaison_record_new (type);
  guint bucket = 0;

  while (bucket < G_N_ELEMENTS (save_order) - 1 && save_order[bucket] != type)
    bucket++;
  g_assert (save_order[bucket] == type);

  g_ptr_array_add (demo->buckets[bucket], record);
  return record;
}

static guint
random_index (Demo  *demo,
              gsize  n)
{
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

static int
random_between (Demo *demo,
                int   first,
                int   last)
{
  return g_rand_int_range (demo->rand, first, last + 1);
}

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

#define PICK(demo, table) ((table)[random_index ((demo), G_N_ELEMENTS (table))])

static guint32
julian_day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!liaison_parse_date (text, &date))
    g_return_val_if_reached (0);

  return g_date_get_julian (&date);
}

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* A day from @first to @last, both included */
static char *
random_date (Demo       *demo,
             const char *first,
             const char *last)
{
  GDate date;
  guint32 a = julian_day (first);
  guint32 b = julian_day (last);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) g_rand_int_range (demo->rand, (gint32) a, (gint32) b + 1));

  return format_date (&date);
}

/* A day of @month (YYYY-MM) from @first to @last */
static char *
random_day_of (Demo       *demo,
               const char *month,
               int         first,
               int         last)
{
  return g_strdup_printf ("%s-%02d", month, random_between (demo, first, last));
}

static void
add_tag (LiaisonRecord *record,
         const char    *tag)
{
  g_auto(GStrv) tags = g_strsplit (liaison_record_get_text (record, "tags"), "\n", -1);
  g_autofree char *joined = NULL;

  if (g_strv_contains ((const char * const *) tags, tag))
    return;

  if (tags[0] == NULL)
    {
      liaison_record_set_text (record, "tags", tag);
      return;
    }

  joined = g_strconcat (liaison_record_get_text (record, "tags"), "\n", tag, NULL);
  liaison_record_set_text (record, "tags", joined);
}

/* A name as it goes into an email address: ASCII, lower case */
static char *
email_part (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *part = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-')
        g_string_append_c (part, g_ascii_tolower (*p));
      else if (*p == ' ')
        g_string_append_c (part, '-');
    }

  return g_string_free (part, FALSE);
}

static char *
phone_number (Demo       *demo,
              const char *country,
              const char *area)
{
  if (g_strcmp0 (country, "JP") == 0)
    return g_strdup_printf ("+81 %s-555-01%02d", area, random_between (demo, 0, 99));

  return g_strdup_printf ("+1 %s-555-01%02d", area, random_between (demo, 0, 99));
}

/* Takes a name no one else has yet. */
static gboolean
claim_name (Demo       *demo,
            const char *family,
            const char *given)
{
  g_autofree char *key = g_strconcat (family, "\t", given, NULL);

  if (g_hash_table_contains (demo->names, key))
    return FALSE;

  g_hash_table_add (demo->names, g_steal_pointer (&key));
  return TRUE;
}

static void
name_japanese (Demo          *demo,
               LiaisonRecord *person,
               char         **email_local)
{
  const JapaneseName *family;
  const JapaneseName *given;

  do
    {
      family = &PICK (demo, japanese_family_names);
      given = &PICK (demo, japanese_given_names);
    }
  while (!claim_name (demo, family->kanji, given->kanji));

  liaison_record_set_text (person, "family_name", family->kanji);
  liaison_record_set_text (person, "given_name", given->kanji);
  liaison_record_set_text (person, "family_name_reading", family->kana);
  liaison_record_set_text (person, "given_name_reading", given->kana);
  liaison_record_set_text (person, "name_order", "family-first");
  liaison_record_set_text (person, "language", "ja");

  *email_local = g_strdup_printf ("%s.%s", given->romaji, family->romaji);
}

static void
name_north_american (Demo          *demo,
                     LiaisonRecord *person,
                     gboolean       french,
                     char         **email_local)
{
  const char *family;
  const GivenName *given = NULL;
  const char *given_name;
  g_autofree char *family_part = NULL;
  g_autofree char *given_part = NULL;

  do
    {
      if (french)
        {
          family = PICK (demo, french_family_names);
          given_name = PICK (demo, french_given_names);
        }
      else
        {
          family = PICK (demo, english_family_names);
          given = &PICK (demo, english_given_names);
          given_name = given->name;
        }
    }
  while (!claim_name (demo, family, given_name));

  liaison_record_set_text (person, "family_name", family);
  liaison_record_set_text (person, "given_name", given_name);
  liaison_record_set_text (person, "name_order", "given-first");
  liaison_record_set_text (person, "language", french ? "fr" : "en");
  if (given != NULL && given->preferred != NULL && chance (demo, 0.4))
    liaison_record_set_text (person, "preferred_name", given->preferred);

  given_part = email_part (given_name);
  family_part = email_part (family);
  *email_local = g_strdup_printf ("%s.%s", given_part, family_part);
}

static LiaisonRecord *
add_person (Demo             *demo,
            const PersonSpec *spec,
            LiaisonRecord    *organization)
{
  LiaisonRecord *person = demo_add (demo, &liaison_person_type);
  const char *country = spec->country != NULL ? spec->country : "US";
  g_autofree char *local = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  if (spec->japanese)
    name_japanese (demo, person, &local);
  else
    name_north_american (demo, person, spec->french, &local);

  email = g_strdup_printf ("%s@%s.%s", local, spec->domain,
                           g_str_equal (country, "JP") ? "example.jp" : "example.org");
  phone = phone_number (demo, country, spec->area);

  if (spec->honorific != NULL)
    liaison_record_set_text (person, "honorific", spec->honorific);
  else if (!spec->japanese && chance (demo, 0.06))
    liaison_record_set_text (person, "honorific", "Dr.");

  liaison_record_set_text (person, "title", spec->title);
  liaison_record_set_text (person, "department", spec->department);
  liaison_record_set_text (person, "emails", email);
  liaison_record_set_text (person, "phones", phone);
  liaison_record_set_text (person, "country", country);
  if (organization != NULL)
    liaison_record_set_text (person, "organization", liaison_record_get_uuid (organization));

  return person;
}

static const char *
uuid_of (LiaisonRecord *record)
{
  return record != NULL ? liaison_record_get_uuid (record) : NULL;
}

/* Partner organizations */

static void
add_organizations (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (organizations); i++)
    {
      const OrganizationData *data = &organizations[i];
      LiaisonRecord *organization = demo_add (demo, &liaison_organization_type);
      g_autofree char *email = g_strdup_printf ("info@%s.%s", data->domain,
                                                g_str_equal (data->country, "JP") ? "example.jp" : "example.org");
      g_autofree char *phone = phone_number (demo, data->country, data->area);

      liaison_record_set_text (organization, "name", data->name);
      liaison_record_set_text (organization, "acronym", data->acronym);
      liaison_record_set_text (organization, "kind", data->kind);
      liaison_record_set_text (organization, "country", data->country);
      liaison_record_set_text (organization, "city", data->city);
      liaison_record_set_text (organization, "website", data->website);
      liaison_record_set_text (organization, "email", email);
      liaison_record_set_text (organization, "phone", phone);
      liaison_record_set_text (organization, "relationship", data->relationship);
      liaison_record_set_text (organization, "conference_start", data->conference_start);
      liaison_record_set_text (organization, "conference_end", data->conference_end);
      liaison_record_set_text (organization, "next_action", data->next_action);
      liaison_record_set_text (organization, "next_action_date", data->next_action_date);
      liaison_record_set_text (organization, "tags", data->tags);

      g_hash_table_insert (demo->organizations, (gpointer) data->key, organization);
    }

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      const StaffData *data = &staff[i];
      const OrganizationData *organization_data = NULL;
      LiaisonRecord *organization = g_hash_table_lookup (demo->organizations, data->organization);
      PersonSpec spec = { 0 };
      LiaisonRecord *person;

      for (guint j = 0; j < G_N_ELEMENTS (organizations); j++)
        {
          if (g_str_equal (organizations[j].key, data->organization))
            organization_data = &organizations[j];
        }
      g_assert (organization != NULL && organization_data != NULL);

      spec.title = data->title;
      spec.department = data->department;
      spec.domain = organization_data->domain;
      spec.area = organization_data->area;
      spec.country = organization_data->country;
      spec.japanese = data->japanese;
      spec.french = data->french;
      person = add_person (demo, &spec, organization);

      if (!data->japanese && !g_hash_table_contains (demo->speakers, data->organization))
        g_hash_table_insert (demo->speakers, (gpointer) data->organization, person);
    }
}

/* Fellowship Exchange Program */

static const CohortData *
find_cohort (int year)
{
  for (guint i = 0; i < G_N_ELEMENTS (cohorts); i++)
    {
      if (cohorts[i].year == year)
        return &cohorts[i];
    }

  g_return_val_if_reached (NULL);
}

static const StatusData *
find_status (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (g_str_equal (statuses[i].status, status))
        return &statuses[i];
    }

  g_return_val_if_reached (NULL);
}

/* When an application of @cohort reached @status */
static char *
status_date (Demo             *demo,
             const CohortData *cohort,
             const char       *status)
{
  if (g_str_equal (status, "inquiry"))
    return random_day_of (demo, cohort->inquiry, 3, 28);
  if (g_str_equal (status, "nominated"))
    return random_day_of (demo, cohort->nominated, 3, 28);
  if (g_str_equal (status, "received"))
    return random_day_of (demo, cohort->received, 5, 15);
  if (g_str_equal (status, "review"))
    return random_day_of (demo, cohort->review, 2, 13);
  if (g_str_equal (status, "selected"))
    return g_strdup (cohort->decision);
  if (g_str_equal (status, "confirmed"))
    return random_day_of (demo, cohort->confirmed, 4, 28);
  if (g_str_equal (status, "travelled"))
    return g_strdup (cohort->program_end);

  g_return_val_if_reached (NULL);
}

static const PositionData *
pick_position (Demo       *demo,
               const char *level,
               const char *jurisdiction)
{
  const char *region;
  guint matches[G_N_ELEMENTS (positions)];
  guint n_matches = 0;

  if (g_str_equal (jurisdiction, "CA-QC"))
    region = "QC";
  else if (g_str_has_prefix (jurisdiction, "CA-"))
    region = "CA";
  else
    region = "US";

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      if (g_str_equal (positions[i].level, level) &&
          (positions[i].region == NULL || g_str_equal (positions[i].region, region)))
        matches[n_matches++] = i;
    }

  g_assert (n_matches > 0);
  return &positions[matches[random_index (demo, n_matches)]];
}

static LiaisonRecord *
add_applicant (Demo                  *demo,
               const ApplicationData *data)
{
  const PositionData *position = pick_position (demo, data->level, data->jurisdiction);
  PersonSpec spec = { 0 };
  LiaisonRecord *person;

  spec.title = position->title;
  spec.department = position->department;
  spec.honorific = position->honorific;
  spec.domain = data->domain;
  spec.area = data->area;
  spec.country = g_str_has_prefix (data->jurisdiction, "CA-") ? "CA" : "US";
  spec.french = g_str_equal (data->jurisdiction, "CA-QC");
  person = add_person (demo, &spec, NULL);

  if (g_str_equal (data->status, "alumni") || g_str_equal (data->status, "travelled"))
    add_tag (person, "FEP alumni");

  g_hash_table_insert (demo->governments, (gpointer) data->government, person);
  return person;
}

static void
add_status_change (Demo          *demo,
                   LiaisonRecord *application,
                   const char    *status,
                   const char    *date)
{
  LiaisonRecord *change = demo_add (demo, &liaison_status_change_type);

  liaison_record_set_text (change, "application", liaison_record_get_uuid (application));
  liaison_record_set_text (change, "status", status);
  liaison_record_set_text (change, "changed_on", date);
}

static void
add_reviews (Demo             *demo,
             LiaisonRecord    *application,
             const StatusData *status)
{
  guint first = random_index (demo, G_N_ELEMENTS (reviewers));
  guint second = (first + 1 + random_index (demo, G_N_ELEMENTS (reviewers) - 1)) % G_N_ELEMENTS (reviewers);
  guint chosen[2] = { first, second };

  for (guint i = 0; i < G_N_ELEMENTS (chosen); i++)
    {
      LiaisonRecord *review = demo_add (demo, &liaison_review_type);
      int leadership = random_between (demo, status->score_low, status->score_high);
      int relevance = random_between (demo, status->score_low, status->score_high);
      int exchange = random_between (demo, status->score_low, status->score_high);
      int total = leadership + relevance + exchange;
      const char *comment;

      if (total >= 12)
        comment = PICK (demo, high_comments);
      else if (total >= 9)
        comment = PICK (demo, middle_comments);
      else
        comment = PICK (demo, low_comments);

      liaison_record_set_text (review, "application", liaison_record_get_uuid (application));
      liaison_record_set_text (review, "reviewer", reviewers[chosen[i]]);
      liaison_record_set_integer (review, "score_leadership", leadership);
      liaison_record_set_integer (review, "score_relevance", relevance);
      liaison_record_set_integer (review, "score_exchange", exchange);
      liaison_record_set_text (review, "comment", comment);
    }
}

static void
add_sensitive (Demo                  *demo,
               LiaisonRecord         *application,
               LiaisonRecord         *person,
               const ApplicationData *data)
{
  const char *accessibility = PICK (demo, accessibility_needs);
  const GivenName *partner = &PICK (demo, english_given_names);
  g_autofree char *phone = phone_number (demo, "US", data->area);
  g_autofree char *contact = g_strdup_printf ("%s %s (spouse)\n%s", partner->name,
                                              liaison_record_get_text (person, "family_name"),
                                              phone);

  liaison_record_set_text (application, "emergency_contact", contact);
  liaison_record_set_text (application, "dietary", PICK (demo, dietary_needs));
  liaison_record_set_text (application, "accessibility", accessibility);
}

static const FlightData *
pick_flight (Demo       *demo,
             const char *jurisdiction)
{
  g_autofree char *region = NULL;
  guint matches[G_N_ELEMENTS (flights)];
  guint n_matches = 0;

  if (strstr (west_jurisdictions, jurisdiction) != NULL)
    region = g_strdup_printf ("%.2s-west", jurisdiction);
  else if (strstr (central_jurisdictions, jurisdiction) != NULL)
    region = g_strdup_printf ("%.2s-central", jurisdiction);
  else
    region = g_strdup_printf ("%.2s-east", jurisdiction);

  for (guint i = 0; i < G_N_ELEMENTS (flights); i++)
    {
      if (g_str_equal (flights[i].region, region))
        matches[n_matches++] = i;
    }

  g_assert (n_matches > 0);
  return &flights[matches[random_index (demo, n_matches)]];
}

static void
add_application (Demo                  *demo,
                 const ApplicationData *data)
{
  const CohortData *cohort = find_cohort (data->cohort);
  const StatusData *status = find_status (data->status);
  LiaisonRecord *person = add_applicant (demo, data);
  LiaisonRecord *nominator = g_hash_table_lookup (demo->organizations, data->nominator);
  LiaisonRecord *application = demo_add (demo, &liaison_application_type);
  const char *deadline = cohort->deadline;
  g_autofree char *tag = g_strdup_printf ("FEP %d", data->cohort);

  g_assert (nominator != NULL);

  liaison_record_set_text (application, "person", liaison_record_get_uuid (person));
  liaison_record_set_integer (application, "cohort_year", data->cohort);
  liaison_record_set_text (application, "government", data->government);
  liaison_record_set_text (application, "government_level", data->level);
  liaison_record_set_text (application, "jurisdiction", data->jurisdiction);
  liaison_record_set_text (application, "nominator", liaison_record_get_uuid (nominator));
  liaison_record_set_text (application, "status", data->status);
  if (g_str_equal (data->status, "alternate") && data->cohort < 2026)
    liaison_record_set_text (application, "notes", "Stayed an alternate; encouraged to apply again.");
  else
    liaison_record_set_text (application, "notes", status->note);
  liaison_record_set_text (application, "tags", tag);

  for (guint i = 0; i < N_DOCUMENTS; i++)
    liaison_record_set_boolean (application, document_fields[i], chance (demo, status->documents[i]));

  if (status->decided)
    liaison_record_set_text (application, "decision_date", cohort->decision);

  /* What is awaited next: the confirmation, then the flight form. */
  if (g_str_equal (data->status, "selected"))
    deadline = "2026-10-30";
  else if (g_str_equal (data->status, "confirmed"))
    deadline = "2026-11-13";
  liaison_record_set_text (application, "deadline", deadline);

  if (status->placed)
    {
      liaison_record_set_text (application, "host_prefecture", PICK (demo, host_prefectures));
      liaison_record_set_text (application, "program_start", cohort->program_start);
      liaison_record_set_text (application, "program_end", cohort->program_end);
    }

  if (liaison_record_get_boolean (application, "has_flight_form"))
    {
      const FlightData *flight = pick_flight (demo, data->jurisdiction);

      liaison_record_set_text (application, "arrival_flight", flight->arrival);
      liaison_record_set_text (application, "departure_flight", flight->departure);
    }

  if (data->sensitive)
    add_sensitive (demo, application, person, data);

  /* The history up to the present status, whose own entry the database
   * writes when the application is saved. */
  for (guint i = 0; i < G_N_ELEMENTS (status->history) && status->history[i] != NULL; i++)
    {
      g_autofree char *date = status_date (demo, cohort, status->history[i]);

      add_status_change (demo, application, status->history[i], date);
    }

  if (status->reviewed)
    add_reviews (demo, application, status);

  g_hash_table_insert (demo->applications, (gpointer) data->government, application);
}

static void
add_applications (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (applications); i++)
    add_application (demo, &applications[i]);
}

/* Sister states and cities */

static void
add_officials (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (japanese_governments); i++)
    {
      const JapaneseGovernmentData *data = &japanese_governments[i];
      guint n = chance (demo, 0.35) ? 2 : 1;

      for (guint j = 0; j < n; j++)
        {
          PersonSpec spec = { 0 };
          Official official;

          spec.title = PICK (demo, japanese_titles);
          spec.department = j == 0 ? PICK (demo, japanese_international_departments)
                                   : PICK (demo, japanese_other_departments);
          spec.domain = data->domain;
          spec.area = data->area;
          spec.country = "JP";
          spec.japanese = TRUE;

          official.person = add_person (demo, &spec, NULL);
          official.government = data->name;
          g_array_append_val (demo->audience, official);

          if (j == 0)
            g_hash_table_insert (demo->officials, (gpointer) data->name, official.person);
        }
    }
}

static LiaisonRecord *
partner_contact (Demo                  *demo,
                 const AffiliationData *data)
{
  const char *country = g_str_has_prefix (data->partner_subdivision, "CA-") ? "CA" : "US";
  LiaisonRecord *person = g_hash_table_lookup (demo->partners, data->partner_name);
  LiaisonRecord *applicant = g_hash_table_lookup (demo->governments, data->partner_name);
  const ContactRoleData *role;
  PersonSpec spec = { 0 };
  g_autofree char *domain = NULL;

  if (person != NULL)
    return person;

  /* An applicant from the partner government is its contact as well,
   * if it is the same place: there is a Richmond in Virginia and one in
   * British Columbia. */
  if (applicant != NULL && g_str_equal (liaison_record_get_text (applicant, "country"), country))
    {
      g_hash_table_insert (demo->partners, (gpointer) data->partner_name, applicant);
      g_hash_table_insert (demo->roles, applicant, (gpointer) "Mayor’s Office");
      return applicant;
    }

  if (g_str_equal (data->partner_subdivision, "CA-QC"))
    role = &PICK (demo, quebec_partner_roles);
  else if (data->municipality != NULL)
    role = &PICK (demo, city_partner_roles);
  else if (g_str_equal (country, "CA"))
    role = &PICK (demo, province_partner_roles);
  else
    role = &PICK (demo, state_partner_roles);

  if (g_str_equal (role->title, "Chair"))
    domain = g_strconcat (data->partner_domain, "-sistercities", NULL);
  else
    domain = g_strdup (data->partner_domain);

  spec.title = role->title;
  spec.department = role->department;
  spec.domain = domain;
  spec.area = data->partner_area;
  spec.country = country;
  spec.french = g_str_equal (data->partner_subdivision, "CA-QC");
  person = add_person (demo, &spec, NULL);
  add_tag (person, "sister cities");

  g_hash_table_insert (demo->partners, (gpointer) data->partner_name, person);
  g_hash_table_insert (demo->roles, person, (gpointer) role->role);
  return person;
}

static void
add_contact (Demo          *demo,
             LiaisonRecord *affiliation,
             LiaisonRecord *person,
             const char    *side,
             const char    *role)
{
  LiaisonRecord *contact = demo_add (demo, &liaison_affiliation_contact_type);

  liaison_record_set_text (contact, "affiliation", liaison_record_get_uuid (affiliation));
  liaison_record_set_text (contact, "person", liaison_record_get_uuid (person));
  liaison_record_set_text (contact, "side", side);
  liaison_record_set_text (contact, "role", role);
}

static char *
describe_exchange (const char            *text,
                   const AffiliationData *data,
                   const char            *japan)
{
  GString *description = g_string_new (text);

  g_string_replace (description, "{japan}", japan, 0);
  g_string_replace (description, "{partner}", data->partner_short, 0);
  g_string_replace (description, "{leader}", data->municipality != NULL ? "mayor" : "governor", 0);

  return g_string_free (description, FALSE);
}

static void
add_exchange (Demo          *demo,
              LiaisonRecord *affiliation,
              const char    *date,
              const char    *kind,
              const char    *description,
              char         **last)
{
  LiaisonRecord *exchange = demo_add (demo, &liaison_exchange_type);

  liaison_record_set_text (exchange, "affiliation", liaison_record_get_uuid (affiliation));
  liaison_record_set_text (exchange, "date", date);
  liaison_record_set_text (exchange, "kind", kind);
  liaison_record_set_text (exchange, "description", description);

  if (strcmp (date, DEMO_TODAY) <= 0 && (*last == NULL || strcmp (date, *last) > 0))
    g_set_str (last, date);
}

/* The round anniversaries from 2024 to 2027, those to come as plans */
static void
add_anniversaries (Demo                  *demo,
                   LiaisonRecord         *affiliation,
                   const AffiliationData *data,
                   const char            *japan,
                   char                 **last)
{
  GDate established;

  g_date_clear (&established, 1);
  if (!liaison_parse_date (data->established, &established))
    g_return_if_reached ();

  for (int year = 2024; year <= 2027; year++)
    {
      int age = year - g_date_get_year (&established);
      GDate day;
      g_autofree char *date = NULL;
      g_autofree char *description = NULL;
      g_autofree char *tag = NULL;
      GDateDay day_of_month = g_date_get_day (&established);

      if (age < 10 || age % 5 != 0)
        continue;

      /* 29 February falls on the 28th in other years. */
      while (!g_date_valid_dmy (day_of_month, g_date_get_month (&established), year))
        day_of_month--;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, day_of_month, g_date_get_month (&established), year);
      date = format_date (&day);

      description = g_strdup_printf ("%s%dth anniversary of the affiliation between %s and %s: "
                                     "ceremony, exchange of letters between the %ss and a reception.",
                                     strcmp (date, DEMO_TODAY) > 0 ? "Planned: " : "",
                                     age, japan, data->partner_short,
                                     data->municipality != NULL ? "mayor" : "governor");
      add_exchange (demo, affiliation, date, "anniversary", description, last);

      if (strcmp (date, DEMO_TODAY) > 0)
        {
          tag = g_strdup_printf ("%dth anniversary in %d", age, year);
          add_tag (affiliation, tag);
        }
    }
}

static void
add_exchanges (Demo                  *demo,
               LiaisonRecord         *affiliation,
               const AffiliationData *data,
               const char            *japan)
{
  g_autofree char *last = NULL;
  const char *first = "2023-04-01";
  const char *until = "2026-11-20";
  guint n;

  if (g_str_equal (data->status, "active"))
    {
      add_anniversaries (demo, affiliation, data, japan, &last);
      n = random_between (demo, 1, 3);
    }
  else if (g_str_equal (data->status, "dormant"))
    {
      first = "2016-01-01";
      until = "2019-12-31";
      n = 1;
    }
  else
    {
      first = "2009-01-01";
      until = "2012-12-31";
      n = 1;
    }

  for (guint i = 0; i < n; i++)
    {
      const ExchangeTemplate *template = &PICK (demo, exchange_templates);
      g_autofree char *date = random_date (demo, first, until);
      g_autofree char *description = describe_exchange (template->text, data, japan);

      add_exchange (demo, affiliation, date, template->kind, description, &last);
    }

  liaison_record_set_text (affiliation, "last_exchange", last);
}

static void
add_affiliation (Demo                  *demo,
                 const AffiliationData *data)
{
  const LiaisonPrefecture *prefecture = liaison_reference_find_prefecture (data->prefecture);
  LiaisonRecord *affiliation = demo_add (demo, &liaison_affiliation_type);
  const char *japanese_government;
  const char *japan;
  LiaisonRecord *official;
  LiaisonRecord *partner = NULL;

  g_assert (prefecture != NULL);
  g_hash_table_insert (demo->affiliations,
                       g_strdup_printf ("%s/%s", data->partner_name, data->prefecture),
                       affiliation);
  japanese_government = data->municipality != NULL ? data->municipality : prefecture->name_ja;
  japan = data->municipality_romaji != NULL ? data->municipality_romaji : prefecture->name_en;

  liaison_record_set_text (affiliation, "prefecture", data->prefecture);
  liaison_record_set_text (affiliation, "municipality", data->municipality);
  liaison_record_set_text (affiliation, "municipality_romaji", data->municipality_romaji);
  liaison_record_set_text (affiliation, "partner_name", data->partner_name);
  liaison_record_set_text (affiliation, "partner_subdivision", data->partner_subdivision);
  liaison_record_set_text (affiliation, "level", data->municipality != NULL ? "city" : "prefecture");
  liaison_record_set_text (affiliation, "kind", data->kind);
  liaison_record_set_text (affiliation, "established", data->established);
  liaison_record_set_text (affiliation, "status", data->status);

  if (g_str_equal (data->status, "dormant"))
    liaison_record_set_text (affiliation, "notes",
                             "Little contact in recent years; the Japanese side would like to revive the relationship.");
  else if (g_str_equal (data->status, "ended"))
    liaison_record_set_text (affiliation, "notes",
                             "Ended by mutual agreement; kept here for the history of exchanges.");

  official = g_hash_table_lookup (demo->officials, japanese_government);
  g_assert (official != NULL);
  add_contact (demo, affiliation, official, "japan",
               data->municipality != NULL ? PICK (demo, japanese_city_roles)
                                          : PICK (demo, japanese_prefecture_roles));

  if (!g_str_equal (data->status, "ended"))
    {
      partner = partner_contact (demo, data);
      add_contact (demo, affiliation, partner, "partner", g_hash_table_lookup (demo->roles, partner));
    }

  /* Busy city relationships have a citizens' committee as well. */
  if (g_str_equal (data->status, "active") && data->municipality != NULL &&
      !g_str_equal (data->partner_subdivision, "CA-QC") &&
      partner != NULL && !g_str_equal (liaison_record_get_text (partner, "title"), "Chair") &&
      chance (demo, 0.35))
    {
      PersonSpec spec = { 0 };
      LiaisonRecord *chair;
      g_autofree char *domain = g_strconcat (data->partner_domain, "-sistercities", NULL);

      spec.title = "Chair";
      spec.department = "Sister City Committee";
      spec.domain = domain;
      spec.area = data->partner_area;
      spec.country = g_str_has_prefix (data->partner_subdivision, "CA-") ? "CA" : "US";
      chair = add_person (demo, &spec, NULL);
      add_tag (chair, "sister cities");
      add_contact (demo, affiliation, chair, "partner", "Sister City Committee chair");
    }

  add_exchanges (demo, affiliation, data, japan);
}

static void
add_affiliations (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (affiliations); i++)
    add_affiliation (demo, &affiliations[i]);
}

/* Online seminars */

static LiaisonRecord *
find_speaker (Demo           *demo,
              const char     *reference,
              LiaisonRecord **organization)
{
  LiaisonRecord *person;

  *organization = NULL;

  if (g_str_has_prefix (reference, "gov:"))
    person = g_hash_table_lookup (demo->governments, reference + strlen ("gov:"));
  else
    {
      const char *key = reference + strlen ("org:");

      person = g_hash_table_lookup (demo->speakers, key);
      *organization = g_hash_table_lookup (demo->organizations, key);
    }

  g_assert (person != NULL);
  return person;
}

static const char *
registrant_status (Demo       *demo,
                   const char *seminar_status)
{
  if (g_str_equal (seminar_status, "cancelled"))
    return "cancelled";

  if (g_str_equal (seminar_status, "held"))
    {
      double draw = g_rand_double (demo->rand);

      if (draw < 0.8)
        return "attended";
      if (draw < 0.95)
        return "no-show";
      return "cancelled";
    }

  return chance (demo, 0.9) ? "registered" : "cancelled";
}

static void
add_registrants (Demo          *demo,
                 LiaisonRecord *seminar,
                 const char    *status)
{
  g_autofree guint *order = g_new (guint, demo->audience->len);
  guint n = random_between (demo, 6, 10);

  for (guint i = 0; i < demo->audience->len; i++)
    order[i] = i;

  /* The first @n of a shuffle */
  for (guint i = 0; i < n; i++)
    {
      guint j = i + random_index (demo, demo->audience->len - i);
      guint swap = order[i];
      const Official *official;
      LiaisonRecord *registrant;

      order[i] = order[j];
      order[j] = swap;
      official = &g_array_index (demo->audience, Official, order[i]);

      registrant = demo_add (demo, &liaison_registrant_type);
      liaison_record_set_text (registrant, "seminar", liaison_record_get_uuid (seminar));
      liaison_record_set_text (registrant, "person", liaison_record_get_uuid (official->person));
      liaison_record_set_text (registrant, "local_government", official->government);
      liaison_record_set_text (registrant, "status", registrant_status (demo, status));
    }
}

static void
add_seminars (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (seminars); i++)
    {
      const SeminarData *data = &seminars[i];
      LiaisonRecord *seminar = demo_add (demo, &liaison_seminar_type);
      g_autofree char *join_url = g_strdup_printf ("https://example.zoom.us/j/%d%08d",
                                                   random_between (demo, 810, 989),
                                                   random_between (demo, 0, 99999999));
      g_autofree char *passcode = g_strdup_printf ("%06d", random_between (demo, 0, 999999));
      g_autofree char *tags = g_strconcat ("online seminar\n", data->tags, NULL);

      liaison_record_set_text (seminar, "title_en", data->title_en);
      liaison_record_set_text (seminar, "title_ja", data->title_ja);
      liaison_record_set_integer (seminar, "series_number", i + 1);
      liaison_record_set_text (seminar, "start_local", data->start_local);
      liaison_record_set_text (seminar, "time_zone", "America/New_York");
      liaison_record_set_integer (seminar, "duration", data->duration);
      liaison_record_set_text (seminar, "platform", "Zoom");
      liaison_record_set_text (seminar, "join_url", join_url);
      liaison_record_set_text (seminar, "passcode", passcode);
      liaison_record_set_text (seminar, "status", data->status);
      liaison_record_set_text (seminar, "tags", tags);

      if (g_str_equal (data->status, "held"))
        {
          g_autofree char *recording = g_strdup_printf ("https://example.org/jlgc/seminars/%u/recording", i + 1);

          liaison_record_set_text (seminar, "recording_url", recording);
        }
      else if (g_str_equal (data->status, "cancelled"))
        liaison_record_set_text (seminar, "notes",
                                 "Cancelled two days before: the speaker was called to an emergency council session. To be rescheduled.");

      for (guint j = 0; j < G_N_ELEMENTS (data->speakers) && data->speakers[j] != NULL; j++)
        {
          LiaisonRecord *organization;
          LiaisonRecord *person = find_speaker (demo, data->speakers[j], &organization);
          LiaisonRecord *speaker = demo_add (demo, &liaison_speaker_type);

          liaison_record_set_text (speaker, "seminar", liaison_record_get_uuid (seminar));
          liaison_record_set_text (speaker, "person", liaison_record_get_uuid (person));
          liaison_record_set_text (speaker, "organization", uuid_of (organization));
          add_tag (person, "seminar speaker");
        }

      add_registrants (demo, seminar, data->status);
    }
}

/* Activities */

static LiaisonRecord *
find_target (Demo       *demo,
             const char *target)
{
  const struct {
    const char *prefix;
    GHashTable *table;
  } tables[] = {
    { "org:", demo->organizations },
    { "speaker:", demo->speakers },
    { "gov:", demo->governments },
    { "app:", demo->applications },
    { "official:", demo->officials },
    { "partner:", demo->partners },
    { "aff:", demo->affiliations },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (g_str_has_prefix (target, tables[i].prefix))
        return g_hash_table_lookup (tables[i].table, target + strlen (tables[i].prefix));
    }

  return NULL;
}

static void
add_activities (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (activities); i++)
    {
      const ActivityData *data = &activities[i];
      LiaisonRecord *record = find_target (demo, data->target);
      LiaisonRecord *activity;

      g_assert (record != NULL);

      activity = demo_add (demo, &liaison_activity_type);
      liaison_record_set_text (activity, "record", liaison_record_get_uuid (record));
      liaison_record_set_text (activity, "date", data->date);
      liaison_record_set_text (activity, "kind", data->kind);
      liaison_record_set_text (activity, "text", data->text);
    }
}

/* Moving the data on: dates and years from this one on move, those
 * before (the founding of an affiliation, say) are history and stay */
#define FIRST_YEAR_MOVED 2020
#define LAST_YEAR_MOVED 2039

static gboolean
is_moved (int year)
{
  return year >= FIRST_YEAR_MOVED && year <= LAST_YEAR_MOVED;
}

/* A date, or a wall time, that begins YYYY-MM-DD: a 29 February moved to
 * a year without one becomes the 28th */
static char *
move_date (const char *text,
           int         years)
{
  int year, month, day;
  GString *moved;

  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 || !is_moved (year))
    return g_strdup (text);

  year += years;
  if (month == 2 && day == 29 && !g_date_is_leap_year (year))
    day = 28;
  moved = g_string_new (NULL);
  g_string_printf (moved, "%04d-%02d-%02d", year, month, day);
  g_string_append (moved, text + strlen ("YYYY-MM-DD"));

  return g_string_free (moved, FALSE);
}

/* A text naming years ("the 2027 call for nominations") */
static char *
move_years_in (const char *text,
               int         years)
{
  GString *moved = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      gboolean starts = p == text || !g_ascii_isalnum (p[-1]);
      guint n = 0;

      while (g_ascii_isdigit (p[n]))
        n++;

      if (starts && n == 4 && !g_ascii_isalnum (p[4]) && is_moved (atoi (p)))
        {
          g_string_append_printf (moved, "%d", atoi (p) + years);
          p += 4;
        }
      else
        {
          g_string_append_len (moved, p, MAX (n, 1));
          p += MAX (n, 1);
        }
    }

  return g_string_free (moved, FALSE);
}

/* Moves every record on by @years whole years */
static void
move_on (GPtrArray *records,
         int        years)
{
  for (guint i = 0; i < records->len; i++)
    {
      LiaisonRecord *record = g_ptr_array_index (records, i);
      const LiaisonRecordType *type = liaison_record_get_record_type (record);

      for (guint j = 0; j < type->n_fields; j++)
        {
          const LiaisonField *field = &type->fields[j];
          g_autofree char *moved = NULL;

          if (field->flags & LIAISON_FIELD_DERIVED)
            continue;

          switch (field->kind)
            {
            case LIAISON_FIELD_DATE:
            case LIAISON_FIELD_LOCAL_TIME:
              moved = move_date (liaison_record_get_text (record, field->name), years);
              break;

            case LIAISON_FIELD_TEXT:
            case LIAISON_FIELD_LONG_TEXT:
              /* Not a person's own (a number in an address) */
              if (!(field->flags & LIAISON_FIELD_PERSONAL))
                moved = move_years_in (liaison_record_get_text (record, field->name), years);
              break;

            case LIAISON_FIELD_INTEGER:
              if (g_str_equal (field->name, "cohort_year") &&
                  is_moved (liaison_record_get_integer (record, field->name)))
                liaison_record_set_integer (record, field->name,
                                            liaison_record_get_integer (record, field->name) + years);
              break;

            default:
              break;
            }

          if (moved != NULL && !g_str_equal (moved, liaison_record_get_text (record, field->name)))
            liaison_record_set_text (record, field->name, moved);
        }
    }
}

/* The whole years from the year the data was written to this one */
static int
years_since_written (void)
{
  g_autofree char *today = liaison_today ();

  return atoi (today) - atoi (DEMO_TODAY);
}

/**
 * liaison_demo_fill:
 * @database: an empty database
 * @error: return location for a #GError
 *
 * Fills @database with a few hundred records of realistic sample data:
 * the partner organizations, people with Japanese and English names,
 * applications at every status, sister-city affiliations, past and future
 * seminars and an activity log. The data is the same on every run but for
 * the identifiers and the times of saving. Everything is saved in one
 * transaction, and nothing if @database already has records.
 *
 * Returns: %TRUE if the sample data was saved
 */
gboolean
liaison_demo_fill (LiaisonDatabase  *database,
                   GError          **error)
{
  g_auto(Demo) demo = { 0 };
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  g_return_val_if_fail (LIAISON_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!liaison_database_is_empty (database))
    {
      g_set_error (error, LIAISON_DATABASE_ERROR, LIAISON_DATABASE_ERROR_NOT_EMPTY,
                   _("The database “%s” already has records; sample data goes only into an empty one."),
                   liaison_database_get_path (database));
      return FALSE;
    }

  demo_init (&demo);
  add_organizations (&demo);
  add_applications (&demo);
  add_officials (&demo);
  add_affiliations (&demo);
  add_seminars (&demo);
  add_activities (&demo);

  for (guint i = 0; i < G_N_ELEMENTS (demo.buckets); i++)
    g_ptr_array_extend (records, demo.buckets[i], NULL, NULL);
  if (years_since_written () != 0)
    move_on (records, years_since_written ());

  return liaison_database_save_all (database, records, error);
}
