/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The inspector's dashboard on the demo campaign: its figures are those of
 * zc_store_get_stats() (zicha-cli stats) unit by unit, every number has the records behind
 * it, and the filters of a special clean-up narrow both alike. */

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "zc-dashboard.h"
#include "zc-date.h"
#include "zc-demo.h"
#include "zc-test-util.h"

static char *dir;
static ZcStore *store;
static ZcPerson *inspector;

static void
assert_stats_equal (const ZcStats *a,
                    const ZcStats *b)
{
  g_assert_cmpuint (a->people, ==, b->people);
  g_assert_cmpuint (a->units, ==, b->units);
  for (guint k = 0; k < 5; k++)
    g_assert_cmpuint (a->forms[k], ==, b->forms[k]);
  g_assert_cmpuint (a->findings, ==, b->findings);
  g_assert_cmpuint (a->problems, ==, b->problems);
  for (guint k = 0; k < 4; k++)
    {
      g_assert_cmpuint (a->items[k], ==, b->items[k]);
      g_assert_cmpuint (a->lights[k], ==, b->lights[k]);
    }
  g_assert_cmpuint (a->commitments_published, ==, b->commitments_published);
  g_assert_cmpuint (a->orders_open, ==, b->orders_open);
}

static ZcDashboard *
dashboard (const ZcFigureFilter *filter)
{
  g_autoptr(GError) error = NULL;
  ZcDashboard *d = zc_store_get_dashboard (store, inspector, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static guint
n_items_of (const ZcItemQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = zc_store_list_items (store, inspector, q, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (items);
}

static guint
n_findings_of (const ZcFindingQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = zc_store_list_findings (store, inspector, q, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (findings);
}

static guint
sum_counts (GPtrArray *counts)
{
  guint sum = 0;

  for (guint k = 0; k < counts->len; k++)
    sum += ((ZcEntryCount *) g_ptr_array_index (counts, k))->count;
  return sum;
}

/* ---- tests ------------------------------------------------------------------------------ */

static void
test_matches_stats (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcDashboard) d = dashboard (NULL);
  g_autoptr(GListModel) units = zc_store_list_units (store);
  ZcStats stats;

  g_assert_true (zc_store_get_stats (store, NULL, 0, &stats, &error));
  g_assert_no_error (error);
  assert_stats_equal (&d->totals, &stats);
  g_assert_cmpuint (stats.items[ZC_ITEM_STATE_AWAITING_CLOSEOUT], >, 0);
  g_assert_cmpuint (stats.lights[ZC_LIGHT_RED], >, 0);

  g_assert_cmpuint (d->units->len, ==, g_list_model_get_n_items (units));
  for (guint k = 0; k < d->units->len; k++)
    {
      ZcUnitFigures *u = g_ptr_array_index (d->units, k);
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, k);

      /* Tree order, as the units are listed. */
      g_assert_cmpint (u->unit_id, ==, zc_record_get_id (ZC_RECORD (unit)));
      g_assert_cmpstr (u->name, ==, zc_unit_get_name (unit));
      g_assert_true (zc_store_get_stats (store, inspector, u->unit_id, &stats, &error));
      g_assert_no_error (error);
      assert_stats_equal (&u->stats, &stats);
    }
}

static void
test_findings_by_list (void)
{
  g_autoptr(ZcDashboard) d = dashboard (NULL);
  g_autoptr(GListModel) categories = zc_store_list_entries (store, ZC_LIST_KIND_CATEGORY);
  ZcFindingQuery q = ZC_FINDING_QUERY_INIT;
  guint n_active = 0;

  g_assert_cmpuint (sum_counts (d->categories), ==, d->totals.findings);
  g_assert_cmpuint (sum_counts (d->focus_areas), ==, d->totals.findings);
  g_assert_cmpuint (n_findings_of (&q), ==, d->totals.findings);

  for (guint k = 0; k < g_list_model_get_n_items (categories); k++)
    {
      g_autoptr(ZcListEntry) entry = g_list_model_get_item (categories, k);
      n_active += zc_list_entry_get_active (entry);
    }
  /* Every active category is shown, with no findings too; "none" comes last. */
  g_assert_cmpuint (d->categories->len, >=, n_active + 1);
  g_assert_cmpint (((ZcEntryCount *) g_ptr_array_index (d->categories,
                                                        d->categories->len - 1))->entry_id, ==, 0);

  for (guint k = 0; k < d->categories->len; k++)
    {
      ZcEntryCount *c = g_ptr_array_index (d->categories, k);

      q.category_id = c->entry_id;
      g_assert_cmpuint (n_findings_of (&q), ==, c->count);
      if (c->entry_id)
        g_assert_nonnull (c->label);
    }
  q.category_id = -1;
  for (guint k = 0; k < d->focus_areas->len; k++)
    {
      ZcEntryCount *c = g_ptr_array_index (d->focus_areas, k);

      q.focus_area_id = c->entry_id;
      g_assert_cmpuint (n_findings_of (&q), ==, c->count);
    }
}

static void
test_items_behind_numbers (void)
{
  g_autoptr(ZcDashboard) d = dashboard (NULL);

  for (guint k = 0; k < d->units->len; k++)
    {
      ZcUnitFigures *u = g_ptr_array_index (d->units, k);
      ZcItemQuery q = ZC_ITEM_QUERY_INIT;

      q.unit_id = u->unit_id;
      for (int state = 0; state < 4; state++)
        {
          q.state = state;
          g_assert_cmpuint (n_items_of (&q), ==, u->stats.items[state]);
        }
      q.state = -1;
      for (int light = 0; light < 4; light++)
        {
          q.light = light;
          g_assert_cmpuint (n_items_of (&q), ==, u->stats.lights[light]);
        }
    }
}

/* The list of red items overdue longest is what the ledger lists for the red light, sorted
 * by deadline, cut at its length; with each filter and without. And the last change stays
 * the same while the dashboard is counted, and grows with a write. */
static void
test_overdue_and_last_change (void)
{
  const ZcFigureFilter filters[] = {
    ZC_FIGURE_FILTER_INIT,
    { TRUE, FALSE, 0 },
    { FALSE, TRUE, 0 },
  };
  gint64 before = zc_store_get_last_change (store);

  g_assert_cmpint (before, >, 0);
  for (guint k = 0; k < G_N_ELEMENTS (filters); k++)
    {
      g_autoptr(ZcDashboard) d = dashboard (&filters[k]);
      g_autoptr(GListModel) listed = NULL;
      g_autoptr(GError) error = NULL;
      ZcItemQuery q = ZC_ITEM_QUERY_INIT;
      guint n;

      q.light = ZC_LIGHT_RED;
      q.focus_only = filters[k].focus_units;
      q.focus_posts = filters[k].focus_posts;
      q.sort = "deadline";
      q.limit = ZC_DASHBOARD_OVERDUE;
      listed = zc_store_list_items (store, inspector, &q, &error);
      g_assert_no_error (error);
      n = g_list_model_get_n_items (listed);
      g_assert_cmpuint (n, ==, MIN (d->totals.lights[ZC_LIGHT_RED], ZC_DASHBOARD_OVERDUE));
      g_assert_cmpuint (g_list_model_get_n_items (d->overdue), ==, n);
      if (k == 0)
        g_assert_cmpuint (n, ==, ZC_DASHBOARD_OVERDUE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZcItem) a = g_list_model_get_item (listed, i);
          g_autoptr(ZcItem) b = g_list_model_get_item (d->overdue, i);

          g_assert_cmpint (zc_record_get_id (ZC_RECORD (a)), ==, zc_record_get_id (ZC_RECORD (b)));
          g_assert_cmpstr (zc_item_get_measure (a), ==, zc_item_get_measure (b));
          g_assert_cmpstr (zc_item_get_unit_name (a), ==, zc_item_get_unit_name (b));
          g_assert_cmpint (zc_item_get_light (b), ==, ZC_LIGHT_RED);
        }
    }
  g_assert_cmpint (zc_store_get_last_change (store), ==, before);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (store, &error);

    g_assert_no_error (error);
    zc_campaign_set_warning_days (campaign, zc_campaign_get_warning_days (campaign) + 1);
    g_assert_true (zc_store_update_campaign (store, inspector, campaign, &error));
    g_assert_no_error (error);
    g_assert_cmpint (zc_store_get_last_change (store), >, before);
    zc_campaign_set_warning_days (campaign, zc_campaign_get_warning_days (campaign) - 1);
    g_assert_true (zc_store_update_campaign (store, inspector, campaign, &error));
    g_assert_no_error (error);
  }
}

static void
test_filters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) areas = zc_store_list_entries (store, ZC_LIST_KIND_FOCUS_AREA);
  g_autoptr(ZcDashboard) all = dashboard (NULL);
  ZcFigureFilter f = ZC_FIGURE_FILTER_INIT;
  ZcStats sum = { 0 };
  guint focus_units = 0;

  g_assert_false (zc_figure_filter_is_set (&f));

  /* Focus units: exactly the figures of those units. */
  f.focus_units = TRUE;
  g_assert_true (zc_figure_filter_is_set (&f));
  {
    g_autoptr(ZcDashboard) d = dashboard (&f);
    ZcItemQuery q = ZC_ITEM_QUERY_INIT;

    for (guint k = 0; k < all->units->len; k++)
      {
        ZcUnitFigures *u = g_ptr_array_index (all->units, k);
        ZcStats s;

        if (!u->focus)
          continue;
        focus_units++;
        g_assert_true (zc_store_get_stats (store, inspector, u->unit_id, &s, &error));
        sum.people += s.people;
        sum.findings += s.findings;
        sum.orders_open += s.orders_open;
        sum.lights[ZC_LIGHT_RED] += s.lights[ZC_LIGHT_RED];
      }
    g_assert_cmpuint (focus_units, >, 0);
    g_assert_cmpuint (focus_units, <, all->units->len);
    g_assert_cmpuint (d->units->len, ==, focus_units);
    g_assert_cmpuint (d->totals.units, ==, focus_units);
    g_assert_cmpuint (d->totals.people, ==, sum.people);
    g_assert_cmpuint (d->totals.findings, ==, sum.findings);
    g_assert_cmpuint (d->totals.orders_open, ==, sum.orders_open);
    g_assert_cmpuint (g_list_model_get_n_items (d->open_orders), ==, sum.orders_open);
    g_assert_cmpuint (d->totals.lights[ZC_LIGHT_RED], ==, sum.lights[ZC_LIGHT_RED]);
    q.focus_only = TRUE;
    q.light = ZC_LIGHT_RED;
    g_assert_cmpuint (n_items_of (&q), ==, sum.lights[ZC_LIGHT_RED]);
  }

  /* Focus posts: the people at them and the items they answer for. */
  f.focus_units = FALSE;
  f.focus_posts = TRUE;
  {
    g_autoptr(ZcDashboard) d = dashboard (&f);
    g_autoptr(GListModel) people = zc_store_list_people (store, 0, NULL, 0);
    ZcItemQuery q = ZC_ITEM_QUERY_INIT;
    ZcFindingQuery fq = ZC_FINDING_QUERY_INIT;
    guint at_focus_posts = 0;
    guint items = 0;

    for (guint k = 0; k < g_list_model_get_n_items (people); k++)
      {
        g_autoptr(ZcPerson) p = g_list_model_get_item (people, k);
        at_focus_posts += zc_person_get_focus_post (p);
      }
    g_assert_cmpuint (at_focus_posts, >, 0);
    g_assert_cmpuint (d->totals.people, ==, at_focus_posts);
    g_assert_cmpuint (d->units->len, ==, all->units->len);
    for (guint k = 0; k < 4; k++)
      items += d->totals.items[k];
    q.focus_posts = TRUE;
    g_assert_cmpuint (n_items_of (&q), ==, items);
    g_assert_cmpuint (items, <, n_items_of (NULL));
    fq.filter = f;
    g_assert_cmpuint (n_findings_of (&fq), ==, d->totals.findings);
    g_assert_cmpuint (d->totals.findings, <, all->totals.findings);
  }

  /* A focus area: its findings, and the items of the problems raised from them. */
  f.focus_posts = FALSE;
  for (guint k = 0; k < g_list_model_get_n_items (areas); k++)
    {
      g_autoptr(ZcListEntry) area = g_list_model_get_item (areas, k);
      g_autoptr(ZcDashboard) d = NULL;
      ZcItemQuery q = ZC_ITEM_QUERY_INIT;
      ZcFindingQuery fq = ZC_FINDING_QUERY_INIT;
      guint items = 0;

      f.focus_area_id = zc_record_get_id (ZC_RECORD (area));
      d = dashboard (&f);
      fq.focus_area_id = f.focus_area_id;
      g_assert_cmpuint (d->totals.findings, ==, n_findings_of (&fq));
      g_assert_cmpuint (d->totals.people, ==, all->totals.people);
      for (guint j = 0; j < 4; j++)
        items += d->totals.items[j];
      q.focus_area_id = f.focus_area_id;
      g_assert_cmpuint (n_items_of (&q), ==, items);
      q.light = ZC_LIGHT_RED;
      g_assert_cmpuint (n_items_of (&q), ==, d->totals.lights[ZC_LIGHT_RED]);
      /* Only that area has findings. */
      for (guint j = 0; j < d->focus_areas->len; j++)
        {
          ZcEntryCount *c = g_ptr_array_index (d->focus_areas, j);
          if (c->entry_id != f.focus_area_id)
            g_assert_cmpuint (c->count, ==, 0);
        }
    }
}

static void
test_weeks (void)
{
  g_autoptr(ZcDashboard) d = dashboard (NULL);
  guint reports = 0;
  guint n_items = 0;
  double closed_share;

  g_assert_cmpuint (d->weeks->len, >, 2);
  for (guint k = 0; k < 4; k++)
    n_items += d->totals.items[k];

  for (guint k = 0; k < d->weeks->len; k++)
    {
      ZcWeekFigures *w = g_ptr_array_index (d->weeks, k);
      GDate date;

      g_assert_true (zc_date_parse (w->start, &date));
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
      g_assert_cmpfloat (w->mean_progress, >=, 0);
      g_assert_cmpfloat (w->mean_progress, <=, 100);
      if (k > 0)
        {
          ZcWeekFigures *before = g_ptr_array_index (d->weeks, k - 1);
          g_assert_cmpint (zc_date_diff_days (before->start, w->start), ==, 7);
          g_assert_cmpfloat (w->closed_share, >=, before->closed_share);
        }
      reports += w->reports;

      /* The items behind a week's point: those with a report in that week. */
      if (w->reports > 0)
        {
          g_autofree char *end = zc_date_add_days (w->start, 6);
          ZcItemQuery q = ZC_ITEM_QUERY_INIT;
          guint expected;

          q.reported_from = w->start;
          q.reported_to = end;
          expected = zc_store_query_int (store, 0, "SELECT count (DISTINCT item_id) FROM progress "
                                                   "WHERE date BETWEEN ? AND ?", "ss",
                                         w->start, end);
          g_assert_cmpuint (n_items_of (&q), ==, expected);
          g_assert_cmpuint (expected, <=, w->reports);
        }
    }
  /* This week is the last one; every report up to today is counted once. */
  g_assert_cmpint (zc_date_diff_days (((ZcWeekFigures *) g_ptr_array_index (d->weeks,
                                                                            d->weeks->len - 1))->start,
                                      d->today), <, 7);
  g_assert_cmpuint (reports, ==, zc_store_query_int (store, 0, "SELECT count(*) FROM progress "
                                                               "WHERE date <= ?", "s", d->today));
  closed_share = ((ZcWeekFigures *) g_ptr_array_index (d->weeks, d->weeks->len - 1))->closed_share;
  g_assert_cmpfloat (fabs (closed_share - 100.0 * d->totals.items[ZC_ITEM_STATE_CLOSED] / n_items),
                     <, 0.001);
}

static void
test_orders (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcDashboard) d = dashboard (NULL);
  g_autoptr(GListModel) open = zc_store_list_orders (store, inspector, 0, TRUE, &error);
  guint sum = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (d->open_orders), ==, d->totals.orders_open);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, d->totals.orders_open);
  for (guint k = 0; k < ZC_N_ORDER_AGES; k++)
    sum += d->order_ages[k];
  g_assert_cmpuint (sum, ==, d->totals.orders_open);

  g_assert_cmpint (zc_order_age_of ("2026-05-13", "2026-05-20"), ==, ZC_ORDER_AGE_WEEK);
  g_assert_cmpint (zc_order_age_of ("2026-05-12", "2026-05-20"), ==, ZC_ORDER_AGE_FORTNIGHT);
  g_assert_cmpint (zc_order_age_of ("2026-05-06", "2026-05-20"), ==, ZC_ORDER_AGE_FORTNIGHT);
  g_assert_cmpint (zc_order_age_of ("2026-05-05", "2026-05-20"), ==, ZC_ORDER_AGE_MONTH);
  g_assert_cmpint (zc_order_age_of ("2026-04-20", "2026-05-20"), ==, ZC_ORDER_AGE_MONTH);
  g_assert_cmpint (zc_order_age_of ("2026-04-19", "2026-05-20"), ==, ZC_ORDER_AGE_OLDER);
}

static void
test_refusals_and_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) employee = zc_store_get_person_by_code (store, ZC_DEMO_EMPLOYEE, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ZcDashboard *d;
  GListModel *findings;

  g_assert_no_error (error);
  /* The rule the window follows too, for the figures it counted before anyone signed in. */
  g_assert_false (zc_dashboard_may_read (employee));
  g_assert_true (zc_dashboard_may_read (inspector));
  g_assert_true (zc_dashboard_may_read (NULL));
  {
    g_autoptr(ZcPerson) lead = zc_store_get_person_by_code (store, ZC_DEMO_LEAD, &error);

    g_assert_no_error (error);
    g_assert_false (zc_dashboard_may_read (lead));
  }
  d = zc_store_get_dashboard (store, employee, NULL, NULL, &error);
  g_assert_null (d);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);

  findings = zc_store_list_findings (store, employee, NULL, &error);
  g_assert_null (findings);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  d = zc_store_get_dashboard (store, inspector, NULL, cancellable, &error);
  g_assert_null (d);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The store is usable afterwards: no transaction was left open. */
  d = zc_store_get_dashboard (store, inspector, NULL, NULL, &error);
  g_assert_no_error (error);
  zc_dashboard_free (d);
}

static void
test_monthly_reviews (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcUnit) unit = zc_store_get_unit_by_code (store, "SJ", &error);
  g_autoptr(ZcReview) review = NULL;
  g_autoptr(GListModel) reviews = NULL;
  g_autoptr(ZcReview) first = NULL;
  gint64 unit_id;

  g_assert_no_error (error);
  unit_id = zc_record_get_id (ZC_RECORD (unit));
  review = zc_store_take_monthly_review (store, inspector, unit_id, "2099-12", &error);
  g_assert_no_error (error);
  reviews = zc_store_list_monthly_reviews (store, inspector, unit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), >=, 1);
  first = g_list_model_get_item (reviews, 0);
  g_assert_cmpstr (zc_review_get_month (first), ==, "2099-12");
  g_assert_nonnull (strstr (zc_review_get_snapshot (first), "\"score\""));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("zicha-test-dashboard-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.db", NULL);
  store = zc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (zc_demo_generate (store, ZC_DEMO_BUREAU, 3, NULL, NULL, &error));
  g_assert_no_error (error);
  inspector = zc_store_get_person_by_code (store, ZC_DEMO_INSPECTOR, &error);
  g_assert_no_error (error);

  g_test_add_func ("/dashboard/matches-stats", test_matches_stats);
  g_test_add_func ("/dashboard/findings-by-list", test_findings_by_list);
  g_test_add_func ("/dashboard/items-behind-numbers", test_items_behind_numbers);
  g_test_add_func ("/dashboard/filters", test_filters);
  g_test_add_func ("/dashboard/overdue-and-last-change", test_overdue_and_last_change);
  g_test_add_func ("/dashboard/weeks", test_weeks);
  g_test_add_func ("/dashboard/orders", test_orders);
  g_test_add_func ("/dashboard/refusals-and-cancel", test_refusals_and_cancel);
  g_test_add_func ("/dashboard/monthly-reviews", test_monthly_reviews);
  status = g_test_run ();

  g_clear_object (&inspector);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
  g_free (dir);
  return status;
}
