/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * The inspector's dashboard: key figures, participation, items by state and light for each
 * unit, findings by category and focus area, progress week by week, open supervision
 * orders by age and the overdue items, with the filters of a special clean-up. The figures
 * are counted in a worker thread on a store of its own; every number opens its records.
 *
 * Signals: ::issue-order (ZcItem) and ::close-out-item (ZcItem) when the inspector acts on
 * an item from the records, ::show-order (ZcOrder) to open an order.
 */

#define ZC_TYPE_DASHBOARD_PAGE (zc_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcDashboardPage, zc_dashboard_page, ZC, DASHBOARD_PAGE, GtkWidget)

GtkWidget *zc_dashboard_page_new      (ZcStore         *store,
                                       ZcPerson        *actor);
/* Counts the figures again (in the background). */
void       zc_dashboard_page_refresh  (ZcDashboardPage *self);
/* TRUE while figures are being counted. */
gboolean   zc_dashboard_page_is_loading (ZcDashboardPage *self);
void       zc_dashboard_page_prefetch (ZcStore         *store);
void       zc_dashboard_page_prefetch_file (const char *path,
                                            const char *today);

G_END_DECLS
