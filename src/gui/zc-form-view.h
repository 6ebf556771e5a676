/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_FORM_VIEW (zc_form_view_get_type ())
G_DECLARE_FINAL_TYPE (ZcFormView, zc_form_view, ZC, FORM_VIEW, GtkWidget)

/*
 * A self-inspection form read as one document: who wrote it, then each problem with its
 * phenomenon and example, the benchmark and the gap, the causes and the proposed measure.
 * When the reader reviews the form, each problem takes a comment of the reviewer.
 */
GtkWidget *zc_form_view_new      (void);
/* Shows @form (NULL: nothing). @reviewing adds the comment fields. FALSE with @error when
 * the form cannot be read. */
gboolean   zc_form_view_set_form (ZcFormView  *self,
                                  ZcStore     *store,
                                  ZcPerson    *actor,
                                  ZcForm      *form,
                                  gboolean     reviewing,
                                  GError     **error);
ZcForm    *zc_form_view_get_form (ZcFormView  *self);
/* Saves the comments typed but not yet applied (before the form is approved or returned).
 * FALSE with @error on the first the core refuses. */
gboolean   zc_form_view_save_comments (ZcFormView  *self,
                                       GError     **error);

G_END_DECLS
