/* liaison-conflicts-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "liaison-database.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_CONFLICTS_DIALOG (liaison_conflicts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonConflictsDialog, liaison_conflicts_dialog, LIAISON, CONFLICTS_DIALOG, AdwDialog)

AdwDialog *liaison_conflicts_dialog_new (LiaisonDatabase *database,
                                         const char      *summary);

G_END_DECLS
