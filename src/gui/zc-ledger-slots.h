/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * The rows of the ledger's table: one ZcLedgerSlot a position of a list of ZcItems, whose
 * item changes when the list does. The table keeps its row widgets when the ledger is
 * filtered or sorted again (GTK 4.8 makes new ones for every new item, 200 rows of twelve
 * cells each time); the cells show the row's new item when it says "changed". An empty list
 * leaves the rows as they were: the ledger page shows "no match" instead of the table. Of
 * the 200 rows GTK keeps, about thirty are on screen: those say "changed" at once, the
 * others when the main loop is next idle (zc_ledger_slots_set_shown()).
 */

#define ZC_TYPE_LEDGER_SLOT (zc_ledger_slot_get_type ())
G_DECLARE_FINAL_TYPE (ZcLedgerSlot, zc_ledger_slot, ZC, LEDGER_SLOT, GObject)

#define ZC_TYPE_LEDGER_SLOTS (zc_ledger_slots_get_type ())
G_DECLARE_FINAL_TYPE (ZcLedgerSlots, zc_ledger_slots, ZC, LEDGER_SLOTS, GObject)

ZcItem       *zc_ledger_slot_get_item  (ZcLedgerSlot *self);
guint         zc_ledger_slot_get_index (ZcLedgerSlot *self);

ZcLedgerSlots *zc_ledger_slots_new       (GListModel    *items);
void           zc_ledger_slots_set_shown (ZcLedgerSlots *self,
                                          guint          first,
                                          guint          last);

G_END_DECLS
