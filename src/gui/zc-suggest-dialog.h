/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_SUGGEST_DIALOG (zc_suggest_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcSuggestDialog, zc_suggest_dialog, ZC, SUGGEST_DIALOG, AdwWindow)

/*
 * Suggest a problem for a colleague or a unit (帮助他人查找): whom it is about, its category
 * and text, with the author's name or anonymously. The dialog says plainly what anonymity
 * means: no record of the author is kept anywhere. Emits "suggested" and closes once the
 * core has taken it.
 */
GtkWidget *zc_suggest_dialog_new (GtkWindow *parent,
                                  ZcStore   *store,
                                  ZcPerson  *actor);

G_END_DECLS
