/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Horizontal stacked bars, one a row with its label at the start and its total at the end,
 * drawn in the theme's colours (light and dark). Every segment opens the records behind it:
 * a click, or the keyboard (Up/Down choose a bar, Left/Right a segment, Enter opens), emits
 * ::activate-segment with the bar and the series (-1 for the whole bar). The numbers are
 * also the chart's accessible description, for screen readers.
 */

#define ZC_TYPE_BAR_CHART (zc_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (ZcBarChart, zc_bar_chart, ZC, BAR_CHART, GtkWidget)

GtkWidget  *zc_bar_chart_new          (void);
/* The series: their names and colours. A colour is a colour name of the theme
 * ("success_bg_color", "blue_3") with an optional opacity ("window_fg_color/0.25"). */
void        zc_bar_chart_set_series   (ZcBarChart         *self,
                                       guint               n_series,
                                       const char * const *names,
                                       const char * const *colors);
guint       zc_bar_chart_get_n_series (ZcBarChart         *self);
const char *zc_bar_chart_get_series_color (ZcBarChart     *self,
                                           guint           series);
/* Removes the bars. */
void        zc_bar_chart_clear        (ZcBarChart         *self);
/* Adds a bar with one value a series. */
void        zc_bar_chart_add_bar      (ZcBarChart         *self,
                                       const char         *label,
                                       const guint        *values);
guint       zc_bar_chart_get_n_bars   (ZcBarChart         *self);
guint       zc_bar_chart_get_value    (ZcBarChart         *self,
                                       guint               bar,
                                       guint               series);
const char *zc_bar_chart_get_label    (ZcBarChart         *self,
                                       guint               bar);
const char *zc_bar_chart_get_series_name (ZcBarChart      *self,
                                          guint            series);
/* Call after the bars are added: updates the accessible description and redraws. */
void        zc_bar_chart_done         (ZcBarChart         *self);

/* Resolves a colour of zc_bar_chart_set_series() for @widget's style. */
void        zc_chart_lookup_color     (GtkWidget          *widget,
                                       const char         *spec,
                                       GdkRGBA            *rgba);

G_END_DECLS
