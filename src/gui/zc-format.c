/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

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

char *
zc_format_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = home ? strlen (home) : 0;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (home_len > 1 && strncmp (path, home, home_len) == 0 && path[home_len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + home_len + 1);

      return g_strconcat ("~" G_DIR_SEPARATOR_S, rest, NULL);
    }
  return g_filename_display_name (path);
}
