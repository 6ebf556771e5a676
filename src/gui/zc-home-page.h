/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_HOME_PAGE (zc_home_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcHomePage, zc_home_page, ZC, HOME_PAGE, AdwBin)

/*
 * The signed-in person's home: the campaign's phase and the days left, the state of their
 * self-inspection form (with the reviewer's comment when it was returned), the rectification
 * items they are responsible for with their lights, their unit's published commitments, and
 * the way to suggest a problem for a colleague or a unit. It reads everything again each
 * time it is shown.
 */
GtkWidget *zc_home_page_new     (ZcStore    *store,
                                 ZcPerson   *actor);
void       zc_home_page_refresh (ZcHomePage *self);

G_END_DECLS
