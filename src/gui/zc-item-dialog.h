/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_ITEM_DIALOG (zc_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcItemDialog, zc_item_dialog, ZC, ITEM_DIALOG, AdwWindow)

/*
 * Plans a rectification item of the unit's ledger: the problem it answers (a problem may
 * need several measures: "Add Another" keeps the problem and clears the measure), the
 * measure, its term type with the deadline or review dates, and who answers for it. With
 * @item (planned), edits it. Emits "saved" with the item and whether it is new.
 */
GtkWidget *zc_item_dialog_new (GtkWindow  *parent,
                               ZcStore    *store,
                               ZcPerson   *actor,
                               gint64      unit_id,
                               ZcProblem  *problem,
                               ZcItem     *item);

G_END_DECLS
