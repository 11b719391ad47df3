/* liaison-reference.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;      /* "13" */
  const char *name_en;   /* "Tokyo" */
  const char *name_ja;   /* "東京都" */
  const char *reading;   /* "とうきょうと" */
} LiaisonPrefecture;

typedef enum
{
  LIAISON_SUBDIVISION_STATE,
  LIAISON_SUBDIVISION_DISTRICT,
  LIAISON_SUBDIVISION_OUTLYING_AREA,
  LIAISON_SUBDIVISION_PROVINCE,
  LIAISON_SUBDIVISION_TERRITORY,
} LiaisonSubdivisionKind;

typedef struct
{
  const char             *code;     /* "US-NJ" */
  const char             *name;     /* "New Jersey" */
  LiaisonSubdivisionKind  kind;
} LiaisonSubdivision;

guint                     liaison_reference_get_n_prefectures   (void);
const LiaisonPrefecture  *liaison_reference_get_prefecture      (guint       position);
const LiaisonPrefecture  *liaison_reference_find_prefecture     (const char *code);

guint                     liaison_reference_get_n_subdivisions  (void);
const LiaisonSubdivision *liaison_reference_get_subdivision     (guint       position);
const LiaisonSubdivision *liaison_reference_find_subdivision    (const char *code);
const char               *liaison_reference_subdivision_country (const char *code);

G_END_DECLS
