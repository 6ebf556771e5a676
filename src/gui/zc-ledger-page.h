/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_LEDGER_PAGE (zc_ledger_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcLedgerPage, zc_ledger_page, ZC, LEDGER_PAGE, GtkWidget)

/*
 * The unit's rectification ledger (整改台账) as a table with the columns of a real ledger:
 * number, problem, category, measure, term type, responsible leader, unit and person,
 * deadline, progress, state and light. The rows are read in a thread on a connection of
 * its own, filtered in SQL by state, light, person and text (typing is debounced), and
 * sorted by any column as they are shown, so that tens of thousands of rows stay fluid.
 * Selecting a row opens its details beside the table. Reloads whenever it is shown.
 */
GtkWidget     *zc_ledger_page_new             (ZcStore      *store,
                                               ZcPerson     *actor);
void           zc_ledger_page_reload          (ZcLedgerPage *self);
/* Filters as the person would (-1 / 0 / NULL: any). */
void           zc_ledger_page_set_filter      (ZcLedgerPage *self,
                                               int           state,
                                               int           light,
                                               gint64        person_id,
                                               const char   *text);
/* Whether rows are being read. */
gboolean       zc_ledger_page_get_loading     (ZcLedgerPage *self);
/* The rows shown. */
GListModel    *zc_ledger_page_get_rows        (ZcLedgerPage *self);
GtkColumnView *zc_ledger_page_get_column_view (ZcLedgerPage *self);
/* Selects the item and opens its details; FALSE when it is not among the rows. */
gboolean       zc_ledger_page_select_item     (ZcLedgerPage *self,
                                               gint64        item_id);
/* Shows @items instead of reading the ledger (for measuring the table with many rows). */
void           zc_ledger_page_set_items       (ZcLedgerPage *self,
                                               GListModel   *items);

G_END_DECLS
