/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2026-03-01" as people read it in the current language; NULL when @iso_date is not a
 * date. */
char *zc_format_date        (const char *iso_date);
/* The same for a date of the calendar (local time). */
char *zc_format_date_time   (GDateTime  *date);

/* @path for people to read: in the display encoding, with the home folder as "~". */
char *zc_format_path        (const char *path);

G_END_DECLS
