/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_AGGREGATION_PAGE (zc_aggregation_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcAggregationPage, zc_aggregation_page, ZC, AGGREGATION_PAGE, GtkWidget)

/*
 * The aggregation board of the actor's unit: every finding of its approved forms, the
 * suggestions and the public feedback about it, grouped by category, with near-duplicates
 * suggested as clusters (worked out in a thread); selected findings merge into a problem of
 * the problem list. The problem list shows how many people raised each problem and the
 * findings behind it; a merge is undone until the problem has rectification items. Emits
 * "changed" after every change to the problem list. Reloads whenever it is shown.
 */
GtkWidget *zc_aggregation_page_new              (ZcStore           *store,
                                                 ZcPerson          *actor);
void       zc_aggregation_page_reload           (ZcAggregationPage *self);
/* Selects the findings with these ids (for the merge button). */
void       zc_aggregation_page_select_findings  (ZcAggregationPage *self,
                                                 const gint64      *ids,
                                                 guint              n_ids);
guint      zc_aggregation_page_get_n_selected   (ZcAggregationPage *self);
/* Whether the similar-findings suggestions are still being worked out. */
gboolean   zc_aggregation_page_get_busy         (ZcAggregationPage *self);
/* Shows the problem list (TRUE) or the findings. */
void       zc_aggregation_page_show_problems    (ZcAggregationPage *self,
                                                 gboolean           problems);

G_END_DECLS
