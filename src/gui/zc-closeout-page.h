/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * The close-out queue (销号): the items awaiting close-out with their progress history and
 * evidence (opened in the applications of the desktop); close one out with a verification
 * note, or reject it with the reason; record the public's evaluation of a closed item.
 */

#define ZC_TYPE_CLOSEOUT_PAGE (zc_closeout_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcCloseoutPage, zc_closeout_page, ZC, CLOSEOUT_PAGE, GtkWidget)

GtkWidget *zc_closeout_page_new         (ZcStore        *store,
                                         ZcPerson       *actor);
/* Reads the queue again (in the background). */
void       zc_closeout_page_refresh     (ZcCloseoutPage *self);
/* Shows the item with @item_id (awaiting close-out or closed). */
void       zc_closeout_page_show_item   (ZcCloseoutPage *self,
                                         gint64          item_id);
/* TRUE while the queue is being read. */
gboolean   zc_closeout_page_is_loading  (ZcCloseoutPage *self);
/* The item shown, or NULL. */
ZcItem    *zc_closeout_page_get_item    (ZcCloseoutPage *self);

G_END_DECLS
