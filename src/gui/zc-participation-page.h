/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_PARTICIPATION_PAGE (zc_participation_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcParticipationPage, zc_participation_page, ZC, PARTICIPATION_PAGE,
                      GtkWidget)

/*
 * Who in the unit (or the units in charge) has not started, is drafting, has submitted, was
 * returned or is approved, with the counts as filters. Activating a person whose form waits
 * for the actor's review emits "review-form"; other readable forms open to read. Reads (in a
 * thread) whenever it is shown.
 */
GtkWidget *zc_participation_page_new    (ZcStore             *store,
                                         ZcPerson            *actor);
void       zc_participation_page_reload (ZcParticipationPage *self);
/* TRUE while the people are being read or their rows added. */
gboolean   zc_participation_page_is_busy (ZcParticipationPage *self);
/* Shows only the people whose form is in @state; -1 shows everyone. */
void       zc_participation_page_set_filter (ZcParticipationPage *self,
                                             int                  state);

G_END_DECLS
