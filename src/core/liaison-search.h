/* liaison-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SEARCH_RESULT (liaison_search_result_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSearchResult, liaison_search_result, LIAISON, SEARCH_RESULT, GObject)

char       *liaison_search_normalize              (const char          *text);

const char *liaison_search_result_get_record_type (LiaisonSearchResult *self);
const char *liaison_search_result_get_uuid        (LiaisonSearchResult *self);
const char *liaison_search_result_get_title       (LiaisonSearchResult *self);

/* For the database */
LiaisonSearchResult *liaison_search_result_new    (LiaisonDatabase     *database,
                                                   const char          *record_type,
                                                   const char          *uuid,
                                                   const char          *title);

G_END_DECLS
