/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include "zc-date.h"
#include "zc-light.h"

ZcLight
zc_light_compute (ZcItemState  state,
                  ZcTermType   term_type,
                  const char  *start_date,
                  const char  *deadline,
                  int          progress,
                  const char  *today,
                  int          warning_days)
{
  int left;

  if (state == ZC_ITEM_STATE_CLOSED)
    return ZC_LIGHT_GREEN;
  if (!zc_date_is_valid (deadline) || !zc_date_is_valid (today))
    return ZC_LIGHT_NONE;

  left = zc_date_diff_days (today, deadline);
  if (left < 0)
    return ZC_LIGHT_RED;
  /* Waiting for close-out means the work is done: only the date can make it red. */
  if (state == ZC_ITEM_STATE_AWAITING_CLOSEOUT)
    return ZC_LIGHT_GREEN;
  if (left <= warning_days)
    return ZC_LIGHT_YELLOW;

  /* Ongoing items are measured against their next review date, not a share of time. */
  if (term_type != ZC_TERM_TYPE_ONGOING && zc_date_is_valid (start_date))
    {
      int total = zc_date_diff_days (start_date, deadline);
      int elapsed = zc_date_diff_days (start_date, today);

      if (total > 0 && elapsed > 0)
        {
          double expected = 100.0 * elapsed / total;

          /* A margin of ten points keeps a fresh report from flickering to yellow. */
          if (progress + 10 < expected)
            return ZC_LIGHT_YELLOW;
        }
    }
  return ZC_LIGHT_GREEN;
}

char *
zc_light_next_review (const char *review_dates,
                      const char *today)
{
  g_auto(GStrv) parts = NULL;
  const char *last = NULL;

  if (review_dates == NULL)
    return NULL;
  parts = g_strsplit (review_dates, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *d = g_strstrip (parts[i]);

      if (!zc_date_is_valid (d))
        continue;
      if (!zc_date_is_valid (today) || zc_date_diff_days (today, d) >= 0)
        return g_strdup (d);
      last = d;
    }
  return g_strdup (last);
}
