/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Lines over time (one point a week), on a 0–100 % scale, drawn with cairo in the theme's
 * colours. A click on a point, or the keyboard (Left/Right choose a point, Enter opens),
 * emits ::activate-point; the numbers are the chart's accessible description.
 */

#define ZC_TYPE_LINE_CHART (zc_line_chart_get_type ())
G_DECLARE_FINAL_TYPE (ZcLineChart, zc_line_chart, ZC, LINE_CHART, GtkWidget)

GtkWidget *zc_line_chart_new        (void);
/* Colours as for zc_bar_chart_set_series(). */
void       zc_line_chart_set_series (ZcLineChart        *self,
                                     guint               n_series,
                                     const char * const *names,
                                     const char * const *colors);
/* Removes the points. */
void       zc_line_chart_clear      (ZcLineChart        *self);
/* Adds a point: its label on the time axis, its accessible name, one value (0–100) a
 * series. */
void       zc_line_chart_add_point  (ZcLineChart        *self,
                                     const char         *axis_label,
                                     const char         *long_label,
                                     const double       *values);
guint      zc_line_chart_get_n_points (ZcLineChart      *self);
/* Call after the points are added. */
void       zc_line_chart_done       (ZcLineChart        *self);

G_END_DECLS
