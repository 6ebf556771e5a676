/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZC_TYPE_NEW_CAMPAIGN_DIALOG (zc_new_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcNewCampaignDialog, zc_new_campaign_dialog, ZC, NEW_CAMPAIGN_DIALOG,
                      AdwWindow)

/* Asks for the title and the start date of a new campaign; emits "create" (title,
 * start date as YYYY-MM-DD) and closes. */
ZcNewCampaignDialog *zc_new_campaign_dialog_new       (void);
const char          *zc_new_campaign_dialog_get_title (ZcNewCampaignDialog *self);
/* YYYY-MM-DD */
char                *zc_new_campaign_dialog_get_start_date (ZcNewCampaignDialog *self);

G_END_DECLS
