/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_MERGE_DIALOG (zc_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcMergeDialog, zc_merge_dialog, ZC, MERGE_DIALOG, AdwWindow)

/*
 * Merges findings of a unit into one problem of its problem list: a new problem (title,
 * description, category, severity) or one already on the list. Emits "merged" with the
 * problem and whether it is new, then closes.
 */
GtkWidget *zc_merge_dialog_new (GtkWindow  *parent,
                                ZcStore    *store,
                                ZcPerson   *actor,
                                gint64      unit_id,
                                GPtrArray  *findings);

G_END_DECLS
