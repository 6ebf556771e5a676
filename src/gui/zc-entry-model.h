/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * The configurable lists of a campaign (categories, benchmarks, cause dimensions, focus
 * areas) as the models of AdwComboRow: the active entries' display labels, after a first
 * row @none_label that stands for "not chosen" (id 0).
 */
typedef struct _ZcEntryModel ZcEntryModel;

ZcEntryModel *zc_entry_model_new      (ZcStore      *store,
                                       ZcListKind    kind,
                                       const char   *none_label);
void          zc_entry_model_free     (ZcEntryModel *model);
GListModel   *zc_entry_model_get_list (ZcEntryModel *model);
/* The entry id of @position (0 for the first row or out of range). */
gint64        zc_entry_model_get_id   (ZcEntryModel *model,
                                       guint         position);
/* The position of @id; an inactive or unknown id is added, so that what a form holds shows. */
guint         zc_entry_model_find     (ZcEntryModel *model,
                                       ZcStore      *store,
                                       gint64        id);
/* Gives @row the model and selects @id (@model must outlive @row). */
void          zc_entry_model_bind_row (ZcEntryModel *model,
                                       ZcStore      *store,
                                       AdwComboRow  *row,
                                       gint64        id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcEntryModel, zc_entry_model_free)

G_END_DECLS
