/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zc-enums.h"

G_BEGIN_DECLS

/* The red, yellow or green light of a rectification item, as a small rounded label in
 * the theme's error, warning and success colours. The colour never stands alone: the label
 * says the word too, for screen readers and for people who do not tell the colours apart. */
GtkWidget *zc_light_badge_new (ZcLight    light);
void       zc_light_badge_set (GtkWidget *badge,
                               ZcLight    light);

G_END_DECLS
