/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_CAUSE_ROW (zc_cause_row_get_type ())
G_DECLARE_FINAL_TYPE (ZcCauseRow, zc_cause_row, ZC, CAUSE_ROW, AdwBin)

/*
 * One cause of a problem (查原因): its dimension, its text and an optional chain of "why?"
 * that goes deeper. Edits go straight into @cause; "changed" says it needs saving,
 * "delete-requested" that the person wants it gone.
 */
GtkWidget *zc_cause_row_new   (ZcStore  *store,
                               ZcCause  *cause,
                               guint     number,
                               gboolean  editable);
ZcCause   *zc_cause_row_get_cause (ZcCauseRow *self);
/* Moves the keyboard focus to the cause's text. */
void       zc_cause_row_focus (ZcCauseRow *self);

G_END_DECLS
