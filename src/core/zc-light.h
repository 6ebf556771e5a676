/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-enums.h"

G_BEGIN_DECLS

/**
 * zc_light_compute:
 * @state: the item's state
 * @term_type: immediate, deadline or ongoing
 * @start_date: when work on the item started (YYYY-MM-DD) or NULL
 * @deadline: the deadline, or for ongoing items the next review date; NULL when none
 * @progress: the latest percentage, 0–100
 * @today: YYYY-MM-DD
 * @warning_days: the yellow window before a deadline
 *
 * The light of DOMAIN.md, computed and never stored. Red: the date has passed and the
 * item is not closed. Yellow: the date is within @warning_days, or progress is behind the
 * elapsed share of the time from @start_date to the date. Green otherwise. Closed items are
 * green; items with no date give %ZC_LIGHT_NONE.
 */
ZcLight  zc_light_compute (ZcItemState  state,
                           ZcTermType   term_type,
                           const char  *start_date,
                           const char  *deadline,
                           int          progress,
                           const char  *today,
                           int          warning_days);

/* For ongoing items: the first review date in @review_dates (comma-separated) that is not
 * before @today, or the last one; NULL if none. */
char    *zc_light_next_review (const char *review_dates,
                               const char *today);

G_END_DECLS
