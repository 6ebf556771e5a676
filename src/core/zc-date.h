/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are 'YYYY-MM-DD' strings everywhere in the core. */

/* TRUE when @text is a real calendar date written YYYY-MM-DD. */
gboolean  zc_date_is_valid      (const char *text);
/* Parses YYYY-MM-DD into a GDate (julian); FALSE when invalid. */
gboolean  zc_date_parse         (const char *text,
                                 GDate      *date);
char     *zc_date_format        (const GDate *date);
/* Days from @from to @to (positive when @to is later). Both must be valid. */
int       zc_date_diff_days     (const char *from,
                                 const char *to);
/* @date plus @days. */
char     *zc_date_add_days      (const char *date,
                                 int         days);
/* The last day of @year-@month. */
char     *zc_date_month_end     (int         year,
                                 int         month);

G_END_DECLS
