/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-finding-editor.h"
#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_INSPECTION_PAGE (zc_inspection_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcInspectionPage, zc_inspection_page, ZC, INSPECTION_PAGE, AdwBin)

/*
 * The person's own self-inspection form, as the guided steps of the campaign's method:
 * 摆现象 (list problems), 找差距 (measure the gap), 查原因 (find causes), 定措施 (propose
 * measures) and 审阅提交 (review and submit). Each step shows the campaign's guidance and
 * examples; the person moves freely between steps and problems. What is typed is saved as
 * a draft about a second after the typing pauses, on every change of step, when the page
 * is left and when the window closes. Outside the finding-problems phase, or once
 * submitted, the form is shown to read.
 */
GtkWidget *zc_inspection_page_new      (ZcStore          *store,
                                        ZcPerson         *actor);
ZcStep     zc_inspection_page_get_step (ZcInspectionPage *self);
void       zc_inspection_page_set_step (ZcInspectionPage *self,
                                        ZcStep            step);
/* Saves every pending change now; FALSE when something could not be saved (the page says
 * why). */
gboolean   zc_inspection_page_save     (ZcInspectionPage *self);
/* Reads the form again from the store. */
void       zc_inspection_page_reload   (ZcInspectionPage *self);

G_END_DECLS
