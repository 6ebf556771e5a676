/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_PROGRESS_DIALOG (zc_progress_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcProgressDialog, zc_progress_dialog, ZC, PROGRESS_DIALOG, AdwWindow)

/*
 * Reports progress on a rectification item: a percentage, a text and evidence files, with
 * the item's history and the reason of its last rejection, if any. After a successful
 * zc_store_report_progress it emits "reported" (with the new ZcProgress) and closes.
 * Present it with gtk_window_present.
 */
GtkWidget *zc_progress_dialog_new (GtkWindow *parent,
                                   ZcStore   *store,
                                   ZcPerson  *actor,
                                   ZcItem    *item);

G_END_DECLS
