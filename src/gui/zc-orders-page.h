/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * Supervision orders (督办): the open orders with their ages (or all of them), each with
 * its history; issue one on an item or a unit, remind, record the unit's answer where the
 * inspector leads that unit, conclude an answered one.
 */

#define ZC_TYPE_ORDERS_PAGE (zc_orders_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcOrdersPage, zc_orders_page, ZC, ORDERS_PAGE, GtkWidget)

GtkWidget *zc_orders_page_new         (ZcStore      *store,
                                       ZcPerson     *actor);
/* Opens the dialog of a new order, on @item when given. */
void       zc_orders_page_issue       (ZcOrdersPage *self,
                                       ZcItem       *item);
/* Shows the order with @order_id. */
void       zc_orders_page_show_order  (ZcOrdersPage *self,
                                       gint64        order_id);
void       zc_orders_page_refresh     (ZcOrdersPage *self);
ZcOrder   *zc_orders_page_get_order   (ZcOrdersPage *self);

G_END_DECLS
