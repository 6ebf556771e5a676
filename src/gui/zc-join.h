/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-window.h"

G_BEGIN_DECLS

/* Asks for a campaign file and where to keep its database, reads the file into that new
 * database in a worker thread (with a dialog that shows the progress and can cancel it),
 * then opens it in @window. Nothing is left behind when the file is refused or cancelled. */
void zc_join_campaign           (ZcWindow *window);
/* The same without the file choosers (tests). */
void zc_join_campaign_from_file (ZcWindow *window,
                                 GFile    *package,
                                 GFile    *database);

G_END_DECLS
