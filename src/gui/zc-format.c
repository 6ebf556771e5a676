/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <stdio.h>

#include "zc-format.h"

char *
zc_format_date_time (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a full date, in g_date_time_format() syntax; zh_CN: "%Y年%-m月%-d日" */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

char *
zc_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char end;

  if (iso_date == NULL ||
      sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    return NULL;
  return zc_format_date_time (date);
}
