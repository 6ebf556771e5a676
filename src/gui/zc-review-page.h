/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_REVIEW_PAGE (zc_review_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcReviewPage, zc_review_page, ZC, REVIEW_PAGE, GtkWidget)

/*
 * The review queue: the submitted self-inspection forms the actor may approve or return (a
 * lead: the unit's members; a leader in charge: the leads of the units in charge). A form
 * is read as one document, each problem takes a comment, and the form is approved or
 * returned with a comment. Emits "reviewed" after each decision. It reloads whenever it is
 * shown.
 */
GtkWidget *zc_review_page_new          (ZcStore      *store,
                                        ZcPerson     *actor);
void       zc_review_page_reload       (ZcReviewPage *self);
/* Shows the form with id @form_id when it is in the queue. */
gboolean   zc_review_page_select_form  (ZcReviewPage *self,
                                        gint64        form_id);
guint      zc_review_page_get_n_forms  (ZcReviewPage *self);

G_END_DECLS
