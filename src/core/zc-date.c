/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include "zc-date.h"

gboolean
zc_date_parse (const char *text,
               GDate      *date)
{
  unsigned y = 0, m = 0, d = 0;

  /* By hand, not sscanf: lights are computed for every item of a ledger or a dashboard. */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      if (i < 4)
        y = y * 10 + (text[i] - '0');
      else if (i < 7)
        m = m * 10 + (text[i] - '0');
      else
        d = d * 10 + (text[i] - '0');
    }
  if (!g_date_valid_dmy (d, m, y) || y < 1900 || y > 2200)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

gboolean
zc_date_is_valid (const char *text)
{
  GDate d;

  return zc_date_parse (text, &d);
}

char *
zc_date_format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

int
zc_date_diff_days (const char *from,
                   const char *to)
{
  GDate a, b;

  if (!zc_date_parse (from, &a) || !zc_date_parse (to, &b))
    g_return_val_if_reached (0);
  return g_date_days_between (&a, &b);
}

char *
zc_date_add_days (const char *date,
                  int         days)
{
  GDate d;

  if (!zc_date_parse (date, &d))
    g_return_val_if_reached (NULL);
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return zc_date_format (&d);
}

char *
zc_date_month_end (int year,
                   int month)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month,
                          g_date_get_days_in_month (month, year));
}
