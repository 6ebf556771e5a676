/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZC_TYPE_TEXT_AREA (zc_text_area_get_type ())
G_DECLARE_FINAL_TYPE (ZcTextArea, zc_text_area, ZC, TEXT_AREA, AdwBin)

/*
 * A titled multi-line text field: the title above, a placeholder while it is empty, and a
 * calm hint below (a quality hint, what is missing). Tab moves the focus on; the title is
 * the accessible name of the text view and the placeholder its description.
 */
GtkWidget  *zc_text_area_new             (const char *title,
                                          const char *placeholder);
const char *zc_text_area_get_title       (ZcTextArea *self);
void        zc_text_area_set_title       (ZcTextArea *self,
                                          const char *title);
void        zc_text_area_set_placeholder (ZcTextArea *self,
                                          const char *placeholder);
/* The text (owned by the area, valid until the next change). */
const char *zc_text_area_get_text        (ZcTextArea *self);
/* Sets the text without a "changed" emission (loading a record is not an edit). */
void        zc_text_area_set_text        (ZcTextArea *self,
                                          const char *text);
void        zc_text_area_set_editable    (ZcTextArea *self,
                                          gboolean    editable);
/* A sentence shown below the text, or NULL to hide it. */
void        zc_text_area_set_hint        (ZcTextArea *self,
                                          const char *hint);
GtkWidget  *zc_text_area_get_text_view   (ZcTextArea *self);

G_END_DECLS
