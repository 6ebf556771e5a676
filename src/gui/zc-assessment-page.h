/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * Assessment (考核, "用实绩说话"): a table of every unit's measured results (participation,
 * on-time rate, closed rate, overdue items, orders, reopened close-outs, the public's
 * satisfaction, commendations and sanctions, score), sortable by any column; a unit's page
 * records commendations and sanctions and takes the monthly review snapshot (月度调度).
 */

#define ZC_TYPE_ASSESSMENT_PAGE (zc_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcAssessmentPage, zc_assessment_page, ZC, ASSESSMENT_PAGE, GtkWidget)

GtkWidget *zc_assessment_page_new        (ZcStore          *store,
                                          ZcPerson         *actor);
void       zc_assessment_page_refresh    (ZcAssessmentPage *self);
gboolean   zc_assessment_page_is_loading (ZcAssessmentPage *self);
/* Shows the page of the unit with @unit_id. */
void       zc_assessment_page_show_unit  (ZcAssessmentPage *self,
                                          gint64            unit_id);
/* The assessments shown (ZcAssessment), in the table's order. */
GListModel *zc_assessment_page_get_model (ZcAssessmentPage *self);

G_END_DECLS
