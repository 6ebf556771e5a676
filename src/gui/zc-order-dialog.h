/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * A new supervision order (督办单): on a rectification item or on a whole unit, with the
 * reason and the day the answer is due. Emits ::issued with the order once the core has
 * written it, and closes; a refusal is shown in the dialog, nothing typed is lost.
 */

#define ZC_TYPE_ORDER_DIALOG (zc_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcOrderDialog, zc_order_dialog, ZC, ORDER_DIALOG, AdwWindow)

/* @item (may be NULL): the item the order is about, chosen already. */
ZcOrderDialog *zc_order_dialog_new (GtkWindow *parent,
                                    ZcStore   *store,
                                    ZcPerson  *actor,
                                    ZcItem    *item);

G_END_DECLS
