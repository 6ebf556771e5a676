/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "zc-light.h"

typedef struct
{
  ZcItemState  state;
  ZcTermType   term;
  const char  *start;
  const char  *deadline;
  int          progress;
  const char  *today;
  ZcLight      expected;
} Case;

static void
test_light_table (void)
{
  static const Case cases[] = {
    /* passed deadline, not closed: red, whatever the progress */
    { ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-03-01", "2026-05-31", 90, "2026-06-01", ZC_LIGHT_RED },
    { ZC_ITEM_STATE_PLANNED, ZC_TERM_TYPE_IMMEDIATE, "2026-03-01", "2026-03-10", 0, "2026-03-11", ZC_LIGHT_RED },
    { ZC_ITEM_STATE_AWAITING_CLOSEOUT, ZC_TERM_TYPE_DEADLINE, "2026-03-01", "2026-05-31", 100, "2026-06-01", ZC_LIGHT_RED },
    /* closed: green even after the deadline */
    { ZC_ITEM_STATE_CLOSED, ZC_TERM_TYPE_DEADLINE, "2026-03-01", "2026-05-31", 100, "2026-09-01", ZC_LIGHT_GREEN },
    /* within the warning window (7 days): yellow; on the day itself too */
    { ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-03-01", "2026-06-07", 95, "2026-06-01", ZC_LIGHT_YELLOW },
    { ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-03-01", "2026-06-01", 95, "2026-06-01", ZC_LIGHT_YELLOW },
    /* just outside the window and on schedule: green */
    { ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-03-01", "2026-06-09", 95, "2026-06-01", ZC_LIGHT_GREEN },
    /* behind schedule: half the time gone, 20 % done: yellow */
    { ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-01-01", "2026-12-31", 20, "2026-07-01", ZC_LIGHT_YELLOW },
    /* on schedule: half the time gone, 45 % done (within the margin): green */
    { ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-01-01", "2026-12-31", 45, "2026-07-01", ZC_LIGHT_GREEN },
    /* awaiting close-out before the deadline: green even inside the window */
    { ZC_ITEM_STATE_AWAITING_CLOSEOUT, ZC_TERM_TYPE_DEADLINE, "2026-03-01", "2026-06-03", 100, "2026-06-01", ZC_LIGHT_GREEN },
    /* ongoing items are not measured by share of time */
    { ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_ONGOING, "2026-01-01", "2026-12-31", 0, "2026-07-01", ZC_LIGHT_GREEN },
    /* no date: no light */
    { ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-01-01", NULL, 0, "2026-07-01", ZC_LIGHT_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      ZcLight got = zc_light_compute (c->state, c->term, c->start, c->deadline, c->progress,
                                      c->today, 7);

      if (got != c->expected)
        g_error ("case %u: expected %s, got %s", i, zc_enum_to_string (ZC_TYPE_LIGHT, c->expected),
                 zc_enum_to_string (ZC_TYPE_LIGHT, got));
    }
}

static void
test_light_warning_window (void)
{
  /* The window is configurable: 3 days makes a deadline 5 days away green. */
  g_assert_cmpint (zc_light_compute (ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-03-01",
                                     "2026-06-06", 95, "2026-06-01", 3), ==, ZC_LIGHT_GREEN);
  g_assert_cmpint (zc_light_compute (ZC_ITEM_STATE_IN_PROGRESS, ZC_TERM_TYPE_DEADLINE, "2026-03-01",
                                     "2026-06-06", 95, "2026-06-01", 7), ==, ZC_LIGHT_YELLOW);
}

static void
test_light_next_review (void)
{
  g_autofree char *a = zc_light_next_review ("2026-03-31,2026-06-30,2026-09-30", "2026-05-01");
  g_autofree char *b = zc_light_next_review ("2026-03-31,2026-06-30", "2026-08-01");
  g_autofree char *c = zc_light_next_review (NULL, "2026-08-01");

  g_assert_cmpstr (a, ==, "2026-06-30");
  g_assert_cmpstr (b, ==, "2026-06-30");  /* all passed: the last, which makes it red */
  g_assert_null (c);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/light/table", test_light_table);
  g_test_add_func ("/light/warning-window", test_light_warning_window);
  g_test_add_func ("/light/next-review", test_light_next_review);
  return g_test_run ();
}
