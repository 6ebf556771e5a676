/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_ITEM_PANE (zc_item_pane_get_type ())
G_DECLARE_FINAL_TYPE (ZcItemPane, zc_item_pane, ZC, ITEM_PANE, GtkWidget)

/*
 * One rectification item of the ledger in full: its measure, problem, term and the people
 * who answer for it, its progress reports, the reason of a rejected close-out, and the
 * supervision orders on it (answered here). Its buttons edit a planned item, report
 * progress (ZcProgressDialog) and ask for close-out. Emits "changed" after each change and
 * "close" when the person closes it.
 */
GtkWidget *zc_item_pane_new       (void);
void       zc_item_pane_set_item  (ZcItemPane *self,
                                   ZcStore    *store,
                                   ZcPerson   *actor,
                                   ZcItem     *item);
ZcItem    *zc_item_pane_get_item  (ZcItemPane *self);

/* A supervision order as a card, with the answer field while it is open (the lead's).
 * @on_answered is called after a successful answer. */
GtkWidget *zc_order_card_new      (ZcStore    *store,
                                   ZcPerson   *actor,
                                   ZcOrder    *order,
                                   GCallback   on_answered,
                                   gpointer    user_data);

G_END_DECLS
