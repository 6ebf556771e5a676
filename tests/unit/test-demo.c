/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo campaign: every record kind, every state and every light, read back through
 * the API, with consistent figures and an intact audit log. */

#include <string.h>

#include <glib/gstdio.h>

#include "zc-demo.h"
#include "zc-doc.h"
#include "zc-test-util.h"

#define SEED 7

typedef struct
{
  char     *dir;
  ZcStore  *store;
  ZcPerson *inspector;
  guint     progress_calls;
  double    last_fraction;
} Demo;

static Demo demo;

static void
on_progress (double   fraction,
             gpointer data)
{
  Demo *d = data;

  g_assert_cmpfloat (fraction, >=, d->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  d->last_fraction = fraction;
  d->progress_calls++;
}

static ZcStore *
new_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (demo.dir, name, NULL);
  ZcStore *store = zc_store_open (path, &error);

  g_assert_no_error (error);
  zc_store_set_auth_delay (store, 0);
  return store;
}

static gboolean
is_real_today (ZcStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = zc_store_today (store);

  return g_strcmp0 (g_getenv ("ZICHA_TODAY"), NULL) != 0 || g_str_equal (today, expected);
}

/* ---- the campaign ------------------------------------------------------------------- */

static void
test_campaign (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (demo.store, &error);
  g_autoptr(GListModel) units = zc_store_list_units (demo.store);
  ZcStats stats;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (zc_campaign_get_title (campaign), "临江市民政局"));
  g_assert_cmpint (zc_campaign_get_phase (campaign), ==, ZC_PHASE_RECTIFICATION);
  g_assert_cmpint (zc_store_days_left_in_phase (demo.store), >, 0);
  g_assert_nonnull (zc_campaign_get_supervision_phone (campaign));
  g_assert_nonnull (zc_campaign_get_supervision_email (campaign));

  /* The generator gives the store its real day back. */
  g_assert_true (is_real_today (demo.store));

  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.units, ==, g_list_model_get_n_items (units));
  g_assert_cmpuint (stats.units, >=, 18);
  g_assert_cmpuint (stats.units, <=, 24);
  g_assert_cmpuint (stats.people, ==, zc_store_count_people (demo.store));
  g_assert_cmpuint (stats.people, >=, 180);
  g_assert_cmpuint (stats.people, <=, 220);

  g_assert_cmpuint (demo.progress_calls, >, 10);
  g_assert_cmpfloat (demo.last_fraction, ==, 1.0);
}

static void
test_accounts (void)
{
  static const struct
  {
    const char *code;
    ZcRole      role;
    const char *unit;
  } accounts[] = {
    { ZC_DEMO_INSPECTOR, ZC_ROLE_INSPECTOR, "JJ" },
    { ZC_DEMO_LEADER, ZC_ROLE_LEADER, "LJMZ" },
    { ZC_DEMO_LEAD, ZC_ROLE_LEAD, "SJ" },
    { ZC_DEMO_EMPLOYEE, ZC_ROLE_EMPLOYEE, "SJ" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) in_charge = NULL;
  g_autoptr(ZcUnit) sj = zc_store_get_unit_by_code (demo.store, "SJ", &error);
  gboolean leads_sj = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(ZcPerson) person = zc_store_get_person_by_code (demo.store, accounts[i].code, &error);
      g_autoptr(ZcPerson) signed_in = NULL;
      g_autoptr(ZcForm) form = NULL;

      g_assert_no_error (error);
      g_assert_true (zc_person_get_roles (person) & accounts[i].role);
      g_assert_cmpstr (zc_person_get_unit_code (person), ==, accounts[i].unit);
      signed_in = zc_store_sign_in (demo.store, accounts[i].code, ZC_DEMO_PASSPHRASE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (signed_in);
      form = zc_store_get_form_of (demo.store, person, zc_record_get_id (ZC_RECORD (person)), &error);
      g_assert_no_error (error);
      g_assert_cmpint (zc_form_get_state (form), ==, ZC_FORM_STATE_APPROVED);
    }
  /* The employee is not a lead; the leader is in charge of the lead's unit. */
  {
    g_autoptr(ZcPerson) employee = zc_store_get_person_by_code (demo.store, ZC_DEMO_EMPLOYEE, NULL);
    g_autoptr(ZcPerson) leader = zc_store_get_person_by_code (demo.store, ZC_DEMO_LEADER, NULL);

    g_assert_false (zc_person_get_roles (employee) & (ZC_ROLE_LEAD | ZC_ROLE_INSPECTOR | ZC_ROLE_LEADER));
    in_charge = zc_store_units_in_charge (demo.store, zc_record_get_id (ZC_RECORD (leader)));
    for (guint i = 0; i < in_charge->len; i++)
      leads_sj |= g_array_index (in_charge, gint64, i) == zc_record_get_id (ZC_RECORD (sj));
    g_assert_true (leads_sj);
  }
}

/* ---- forms -------------------------------------------------------------------------- */

static void
test_forms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = zc_store_list_units (demo.store);
  guint counted[5] = { 0 };
  ZcStats stats;

  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &stats, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      g_autoptr(GListModel) forms = zc_store_list_participation (demo.store, demo.inspector,
                                                                 zc_record_get_id (ZC_RECORD (unit)),
                                                                 &error);

      g_assert_no_error (error);
      for (guint k = 0; k < g_list_model_get_n_items (forms); k++)
        {
          g_autoptr(ZcForm) form = g_list_model_get_item (forms, k);

          counted[zc_form_get_state (form)]++;
        }
    }
  for (guint s = 0; s < G_N_ELEMENTS (counted); s++)
    {
      g_assert_cmpuint (counted[s], >, 0);
      g_assert_cmpuint (counted[s], ==, stats.forms[s]);
    }
  g_assert_cmpuint (counted[0] + counted[1] + counted[2] + counted[3] + counted[4], ==, stats.people);
  /* Most people took part; most forms are approved. */
  g_assert_cmpuint (stats.forms[ZC_FORM_STATE_NOT_STARTED], <, stats.people / 5);
  g_assert_cmpuint (stats.forms[ZC_FORM_STATE_APPROVED], >, stats.people / 2);
}

static void
test_findings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcUnit) sj = zc_store_get_unit_by_code (demo.store, "SJ", &error);
  g_autoptr(ZcPerson) lead = zc_store_get_person_by_code (demo.store, ZC_DEMO_LEAD, &error);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(GListModel) own = NULL;
  guint sources[3] = { 0 }, anonymous = 0, causes = 0, chains = 0;
  ZcStats stats;

  g_assert_no_error (error);
  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &stats, &error));
  g_assert_cmpuint (stats.findings, >, 400);

  /* Every source of findings about a unit, some anonymous (with no author anywhere). */
  findings = zc_store_list_unit_findings (demo.store, demo.inspector, zc_record_get_id (ZC_RECORD (sj)),
                                          &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZcFinding) finding = g_list_model_get_item (findings, i);

      sources[zc_finding_get_source (finding)]++;
      g_assert_nonnull (zc_finding_get_phenomenon (finding));
      g_assert_cmpint (zc_finding_get_category_id (finding), >, 0);
      if (zc_finding_get_anonymous (finding))
        {
          anonymous++;
          g_assert_cmpint (zc_finding_get_author_id (finding), ==, 0);
        }
    }
  g_assert_cmpuint (sources[ZC_FINDING_SOURCE_SELF], >, 10);
  g_assert_cmpuint (sources[ZC_FINDING_SOURCE_PUBLIC], >, 0);
  {
    /* Suggestions are spread over the bureau: count them all. */
    guint peer = zc_store_query_int (demo.store, 0, "SELECT count(*) FROM finding WHERE source = 'peer'", NULL);
    guint anon = zc_store_query_int (demo.store, 0, "SELECT count(*) FROM finding WHERE source = 'peer' "
                                                    "AND anonymous AND author_id IS NULL", NULL);
    guint channels = zc_store_query_int (demo.store, 0, "SELECT count(DISTINCT channel) FROM finding "
                                                        "WHERE source = 'public'", NULL);

    g_assert_cmpuint (peer, >, 10);
    g_assert_cmpuint (anon, >, 0);
    g_assert_cmpuint (anon, <, peer);
    g_assert_cmpuint (channels, >=, 3);
  }

  /* A lead's own form: complete findings with causes, some with a why-chain. */
  form = zc_store_get_form_of (demo.store, lead, zc_record_get_id (ZC_RECORD (lead)), &error);
  g_assert_no_error (error);
  own = zc_store_list_form_findings (demo.store, lead, zc_record_get_id (ZC_RECORD (form)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (own), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (own); i++)
    {
      g_autoptr(ZcFinding) finding = g_list_model_get_item (own, i);

      g_assert_nonnull (zc_finding_get_example (finding));
      g_assert_nonnull (zc_finding_get_gap (finding));
      g_assert_nonnull (zc_finding_get_measure (finding));
      g_assert_cmpint (zc_finding_get_benchmark_id (finding), >, 0);
      g_assert_cmpint (zc_finding_get_term_type (finding), !=, ZC_TERM_TYPE_NONE);
      g_assert_cmpint (zc_finding_get_cause_count (finding), >=, 1);
    }
  causes = zc_store_query_int (demo.store, 0, "SELECT count(*) FROM cause", NULL);
  chains = zc_store_query_int (demo.store, 0, "SELECT count(*) FROM cause WHERE why_chain IS NOT NULL", NULL);
  g_assert_cmpuint (causes, >, stats.findings / 2);
  g_assert_cmpuint (chains, >, 0);
  /* Every category came up somewhere. */
  g_assert_cmpint (zc_store_query_int (demo.store, 0, "SELECT count(DISTINCT category_id) FROM finding", NULL),
                   >=, 9);

  /* The problem list keeps every link; many problems were raised by several people. */
  problems = zc_store_list_problems (demo.store, demo.inspector, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, stats.problems);
  {
    guint several = 0;

    for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
      {
        g_autoptr(ZcProblem) problem = g_list_model_get_item (problems, i);

        g_assert_cmpint (zc_problem_get_finding_count (problem), >=, 1);
        g_assert_cmpint (zc_problem_get_item_count (problem), >=, 1);
        several += zc_problem_get_raised_count (problem) > 1;
      }
    g_assert_cmpuint (several, >, stats.problems / 4);
  }
}

/* ---- the ledger --------------------------------------------------------------------- */

static void
test_items (void)
{
  g_autoptr(GError) error = NULL;
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;
  g_autoptr(GListModel) items = zc_store_list_items (demo.store, demo.inspector, &query, &error);
  guint states[4] = { 0 }, lights[4] = { 0 }, terms[4] = { 0 }, rejected = 0, with_evidence = 0;
  guint n;
  ZcStats stats;

  g_assert_no_error (error);
  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &stats, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcItem) item = g_list_model_get_item (items, i);
      ZcLight light = zc_store_item_light (demo.store, item);

      states[zc_item_get_state (item)]++;
      lights[light]++;
      terms[zc_item_get_term_type (item)]++;
      g_assert_cmpint (zc_item_get_light (item), ==, light);
      g_assert_cmpint (zc_item_get_leader_id (item) + zc_item_get_person_id (item), >, 0);
      if (zc_item_get_reopen_count (item) > 0)
        {
          rejected++;
          g_assert_nonnull (zc_item_get_reject_reason (item));
        }
      with_evidence += zc_item_get_evidence_count (item) > 0;
      if (zc_item_get_state (item) == ZC_ITEM_STATE_CLOSED)
        g_assert_nonnull (zc_item_get_closed_at (item));
    }

  g_assert_cmpuint (n, ==, stats.items[0] + stats.items[1] + stats.items[2] + stats.items[3]);
  for (guint s = 0; s < 4; s++)
    {
      g_assert_cmpuint (states[s], >, 0);
      g_assert_cmpuint (states[s], ==, stats.items[s]);
    }
  for (guint l = ZC_LIGHT_GREEN; l <= ZC_LIGHT_RED; l++)
    {
      g_assert_cmpuint (lights[l], >, 0);
      g_assert_cmpuint (lights[l], ==, stats.lights[l]);
    }
  g_assert_cmpuint (lights[ZC_LIGHT_NONE], ==, 0);
  for (guint t = ZC_TERM_TYPE_IMMEDIATE; t <= ZC_TERM_TYPE_ONGOING; t++)
    g_assert_cmpuint (terms[t], >, 0);
  g_assert_cmpuint (rejected, >, 0);
  g_assert_cmpuint (with_evidence, >, 0);
  /* Red is a minority; green the rule. */
  g_assert_cmpuint (lights[ZC_LIGHT_RED], <, n / 4);
  g_assert_cmpuint (lights[ZC_LIGHT_GREEN], >, n / 2);
}

static void
test_lights_of_the_employee (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) employee = zc_store_get_person_by_code (demo.store, ZC_DEMO_EMPLOYEE, &error);
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;
  g_autoptr(GListModel) items = NULL;

  g_assert_no_error (error);
  query.person_id = zc_record_get_id (ZC_RECORD (employee));
  items = zc_store_list_items (demo.store, demo.inspector, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  ZcProgress *pa = *(ZcProgress **) a;
  ZcProgress *pb = *(ZcProgress **) b;
  int by_date = g_strcmp0 (zc_progress_get_date (pa), zc_progress_get_date (pb));

  return by_date ? by_date : (int) (zc_record_get_id (ZC_RECORD (pa)) - zc_record_get_id (ZC_RECORD (pb)));
}

static void
test_progress_and_evidence (void)
{
  g_autoptr(GError) error = NULL;
  gint64 evidence_id = zc_store_query_int (demo.store, 0, "SELECT id FROM evidence WHERE mime LIKE 'image/%' "
                                                          "ORDER BY id LIMIT 1", NULL);
  gint64 text_id = zc_store_query_int (demo.store, 0, "SELECT id FROM evidence WHERE filename LIKE '%.txt' "
                                                      "ORDER BY id LIMIT 1", NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) text = NULL;
  const guint8 *data;
  gsize size;
  g_autoptr(ZcItem) item = NULL;
  g_autoptr(GListModel) reports = NULL;
  gint64 item_id = zc_store_query_int (demo.store, 0, "SELECT item_id FROM progress GROUP BY item_id "
                                                      "HAVING count(*) >= 2 ORDER BY item_id LIMIT 1", NULL);

  g_assert_cmpint (zc_store_query_int (demo.store, 0, "SELECT count(*) FROM progress", NULL), >,
                   zc_store_query_int (demo.store, 0, "SELECT count(*) FROM item", NULL));

  g_assert_cmpint (evidence_id, >, 0);
  png = zc_store_get_evidence_data (demo.store, demo.inspector, evidence_id, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

  g_assert_cmpint (text_id, >, 0);
  text = zc_store_get_evidence_data (demo.store, demo.inspector, text_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (text, NULL), "整改情况说明"));

  /* Reports rise over time on one item. */
  g_assert_cmpint (item_id, >, 0);
  reports = zc_store_list_progress (demo.store, demo.inspector, item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reports), >=, 2);
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
      g_ptr_array_add (sorted, g_list_model_get_item (reports, i));
    g_ptr_array_sort (sorted, compare_reports);
    for (guint i = 0; i < sorted->len; i++)
      {
        ZcProgress *report = g_ptr_array_index (sorted, i);

        g_assert_nonnull (zc_progress_get_text (report));
        g_assert_cmpint (zc_progress_get_percent (report), >, 0);
        if (i > 0)
          g_assert_cmpint (zc_progress_get_percent (report), >=,
                           zc_progress_get_percent (g_ptr_array_index (sorted, i - 1)));
      }
  }
  item = zc_store_get_item (demo.store, demo.inspector, item_id, &error);
  g_assert_no_error (error);
}

/* ---- commitments, orders, evaluations, assessment ------------------------------------- */

static void
test_commitments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = zc_store_list_commitments (demo.store, demo.inspector, 0, FALSE, &error);
  g_autoptr(GListModel) published = NULL;
  guint states[2] = { 0 }, amended = 0, pledged = 0;
  ZcStats stats;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ZcCommitment) c = g_list_model_get_item (all, i);
      g_autoptr(GListModel) pledges = zc_store_list_pledges (demo.store, demo.inspector,
                                                             zc_record_get_id (ZC_RECORD (c)), &error);

      g_assert_no_error (error);
      states[zc_commitment_get_state (c)]++;
      g_assert_nonnull (zc_commitment_get_opening (c));
      g_assert_nonnull (strstr (zc_commitment_get_closing (c), "监督电话"));
      g_assert_cmpuint (g_list_model_get_n_items (pledges), >=, 2);
      if (zc_commitment_get_version (c) > 1)
        {
          g_autoptr(ZcCommitment) old = NULL;

          amended++;
          g_assert_cmpint (zc_commitment_get_supersedes_id (c), >, 0);
          old = zc_store_load (demo.store, ZC_TYPE_COMMITMENT, zc_commitment_get_supersedes_id (c), &error);
          g_assert_no_error (error);
          g_assert_cmpint (zc_commitment_get_state (old), ==, ZC_COMMITMENT_STATE_PUBLISHED);
        }
      for (guint k = 0; k < g_list_model_get_n_items (pledges); k++)
        {
          g_autoptr(ZcPledge) pledge = g_list_model_get_item (pledges, k);

          pledged += zc_pledge_get_item_ids (pledge) != NULL && *zc_pledge_get_item_ids (pledge);
        }
    }
  g_assert_cmpuint (states[ZC_COMMITMENT_STATE_DRAFT], >, 0);
  g_assert_cmpuint (states[ZC_COMMITMENT_STATE_PUBLISHED], >, states[ZC_COMMITMENT_STATE_DRAFT]);
  g_assert_cmpuint (amended, >=, 2);
  g_assert_cmpuint (pledged, >, 0);

  published = zc_store_list_commitments (demo.store, demo.inspector, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &stats, &error));
  g_assert_cmpuint (g_list_model_get_n_items (published), ==, states[ZC_COMMITMENT_STATE_PUBLISHED]);
  g_assert_cmpuint (stats.commitments_published, >, 0);
  g_assert_cmpuint (stats.commitments_published, <=, states[ZC_COMMITMENT_STATE_PUBLISHED]);
}

static void
test_orders (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) orders = zc_store_list_orders (demo.store, demo.inspector, 0, FALSE, &error);
  g_autoptr(GListModel) open = NULL;
  guint states[4] = { 0 }, on_units = 0, on_red = 0;
  ZcStats stats;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(ZcOrder) order = g_list_model_get_item (orders, i);
      g_autoptr(GListModel) events = zc_store_list_order_events (demo.store, demo.inspector,
                                                                 zc_record_get_id (ZC_RECORD (order)),
                                                                 &error);

      g_assert_no_error (error);
      states[zc_order_get_state (order)]++;
      g_assert_cmpuint (g_list_model_get_n_items (events), >=, 1);
      if (zc_order_get_item_id (order) == 0)
        on_units++;
      else
        {
          g_autoptr(ZcItem) item = zc_store_get_item (demo.store, demo.inspector,
                                                      zc_order_get_item_id (order), &error);

          g_assert_no_error (error);
          on_red += zc_store_item_light (demo.store, item) == ZC_LIGHT_RED;
        }
      if (zc_order_get_state (order) == ZC_ORDER_STATE_ANSWERED)
        g_assert_nonnull (zc_order_get_answer (order));
    }
  for (guint s = 0; s < 4; s++)
    g_assert_cmpuint (states[s], >, 0);
  g_assert_cmpuint (on_units, >, 0);
  g_assert_cmpuint (on_red, >=, 4);

  open = zc_store_list_orders (demo.store, demo.inspector, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &stats, &error));
  g_assert_cmpuint (stats.orders_open, ==, g_list_model_get_n_items (open));
  g_assert_cmpuint (stats.orders_open, ==, states[0] + states[1] + states[2]);
}

static void
test_assessment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) assessments = zc_store_list_assessments (demo.store, demo.inspector, 0, &error);
  g_autoptr(GListModel) merits = zc_store_list_merits (demo.store, demo.inspector, 0, &error);
  g_autoptr(GListModel) units = zc_store_list_units (demo.store);
  guint kinds[5] = { 0 }, evaluated = 0;
  gint64 months;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (merits); i++)
    {
      g_autoptr(ZcMerit) merit = g_list_model_get_item (merits, i);

      kinds[zc_merit_get_kind (merit)]++;
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_cmpuint (kinds[k], >, 0);

  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, g_list_model_get_n_items (units));
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ZcAssessment) a = g_list_model_get_item (assessments, i);

      evaluated += zc_assessment_get_satisfaction (a) > 0;
      g_assert_cmpfloat (zc_assessment_get_participation (a), <=, 1.0);
    }
  g_assert_cmpuint (evaluated, >, 0);
  g_assert_cmpint (zc_store_query_int (demo.store, 0, "SELECT count(DISTINCT satisfaction) FROM evaluation",
                                       NULL), ==, 3);

  /* A monthly review of every unit, for each month of rectification so far. */
  months = zc_store_query_int (demo.store, 0, "SELECT count(DISTINCT month) FROM monthly_review", NULL);
  g_assert_cmpint (months, >=, 2);
  g_assert_cmpint (zc_store_query_int (demo.store, 0, "SELECT count(DISTINCT unit_id) FROM monthly_review",
                                       NULL), ==, g_list_model_get_n_items (units));
}

/* ---- the ledger as the exports read it --------------------------------------------- */

typedef struct
{
  GString *rows;        /* what an export writes of each row, a record separator after it */
  guint    n;
  guint    stop_at;     /* refuse this row (1-based), 0: none */
} Rows;

static gboolean
collect_row (const ZcLedgerRow *r,
             gpointer           user_data,
             GError           **error)
{
  Rows *rows = user_data;

  if (++rows->n == rows->stop_at)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, "row %u refused", rows->n);
      return FALSE;
    }
  g_string_append_printf (rows->rows,
                          "%" G_GINT64_FORMAT " %d %" G_GINT64_FORMAT " %d|%s|%s|%s|%d|%s|%s|"
                          "%s|%s|%s|%s|%d|%d|%s|%d|%s\x1e",
                          r->unit_id, r->has_item, r->item_id, r->number, r->problem,
                          r->category, r->measure, r->term_type, r->leader, r->unit,
                          r->person, r->deadline_date, r->deadline_text, r->progress_text,
                          r->progress, r->state, r->state_text, r->light, r->evidence);
  return TRUE;
}

/* The read-ahead gives the rows the plain loop gives, in its order (by the units'
 * positions), over several batches; a refusal or a cancellation stops both alike. */
static void
test_ledger_rows_ahead (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) units = g_string_new (NULL);
  Rows plain = { g_string_new (NULL), 0, 0 };
  Rows ahead = { g_string_new (NULL), 0, 0 };
  g_autofree char *expected_units = NULL;
  sqlite3_stmt *stmt;
  gint64 last_unit = 0;

  g_assert_true (zc_doc_foreach_ledger_row (demo.store, demo.inspector, 0, TRUE, collect_row,
                                            &plain, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zc_doc_foreach_ledger_row_ahead (demo.store, demo.inspector, 0, TRUE,
                                                  collect_row, &ahead, NULL, &error));
  g_assert_no_error (error);
  /* More rows than the read-ahead has in flight (4 batches of 64): the reader waits. */
  g_assert_cmpuint (plain.n, >, 4 * 64);
  g_assert_cmpuint (ahead.n, ==, plain.n);
  g_assert_cmpstr (ahead.rows->str, ==, plain.rows->str);
  g_assert_cmpuint (plain.n, ==, zc_doc_count_ledger_rows (demo.store, demo.inspector, 0));

  /* Unit by unit, in the order of their positions. */
  for (const char *line = plain.rows->str; *line != '\0'; line = strchr (line, '\x1e') + 1)
    {
      gint64 unit = g_ascii_strtoll (line, NULL, 10);

      if (unit != last_unit)
        g_string_append_printf (units, "%" G_GINT64_FORMAT " ", unit);
      last_unit = unit;
    }
  stmt = zc_store_stmt (demo.store, "SELECT group_concat (id, ' ') || ' ' FROM (SELECT id "
                        "FROM unit WHERE id IN (SELECT unit_id FROM problem) "
                        "ORDER BY position, id)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  expected_units = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_cmpstr (units->str, ==, expected_units);

  /* One unit only. */
  {
    Rows one = { g_string_new (NULL), 0, 0 };

    g_assert_true (zc_doc_foreach_ledger_row_ahead (demo.store, demo.inspector, last_unit, TRUE,
                                                    collect_row, &one, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (one.n, >, 0);
    g_assert_true (g_str_has_suffix (plain.rows->str, one.rows->str));
    g_string_free (one.rows, TRUE);
  }

  /* The writer refuses a row in the third batch: its error, and nothing after it. */
  g_string_truncate (ahead.rows, 0);
  ahead.n = 0;
  ahead.stop_at = 150;
  g_assert_false (zc_doc_foreach_ledger_row_ahead (demo.store, demo.inspector, 0, TRUE,
                                                   collect_row, &ahead, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "row 150 refused");
  g_clear_error (&error);
  g_assert_cmpuint (ahead.n, ==, 150);
  g_assert_true (g_str_has_prefix (plain.rows->str, ahead.rows->str));

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  ahead.n = 0;
  ahead.stop_at = 0;
  g_assert_false (zc_doc_foreach_ledger_row_ahead (demo.store, demo.inspector, 0, TRUE,
                                                   collect_row, &ahead, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ahead.n, ==, 0);

  g_string_free (plain.rows, TRUE);
  g_string_free (ahead.rows, TRUE);
}

/* ---- integrity, determinism, refusal ------------------------------------------------ */

static void
test_verify (void)
{
  zc_assert_verified (demo.store);
}

static void
test_refuses_a_campaign (void)
{
  g_autoptr(GError) error = NULL;
  ZcStats before, after;

  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &before, NULL));
  g_assert_false (zc_demo_generate (demo.store, ZC_DEMO_BUREAU, SEED, NULL, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &after, NULL));
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
}

static void
test_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) again = new_store ("again.db");
  g_autoptr(ZcPerson) inspector = NULL;
  g_autoptr(GListModel) people_a = NULL;
  g_autoptr(GListModel) people_b = NULL;
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;
  g_autofree char *titles_a = NULL;
  g_autofree char *titles_b = NULL;
  ZcStats a, b;

  g_assert_true (zc_demo_generate (again, ZC_DEMO_BUREAU, SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  inspector = zc_store_get_person_by_code (again, ZC_DEMO_INSPECTOR, &error);
  g_assert_true (zc_store_get_stats (demo.store, demo.inspector, 0, &a, &error));
  g_assert_true (zc_store_get_stats (again, inspector, 0, &b, &error));
  json_a = zc_stats_to_json (&a);
  json_b = zc_stats_to_json (&b);
  g_assert_cmpstr (json_a, ==, json_b);

  people_a = zc_store_list_people (demo.store, 0, NULL, 0);
  people_b = zc_store_list_people (again, 0, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (people_a), ==, g_list_model_get_n_items (people_b));
  for (guint i = 0; i < g_list_model_get_n_items (people_a); i++)
    {
      g_autoptr(ZcPerson) pa = g_list_model_get_item (people_a, i);
      g_autoptr(ZcPerson) pb = g_list_model_get_item (people_b, i);

      g_assert_cmpstr (zc_person_get_staff_code (pa), ==, zc_person_get_staff_code (pb));
      g_assert_cmpstr (zc_person_get_name (pa), ==, zc_person_get_name (pb));
    }
  titles_a = zc_store_query_text (demo.store, "SELECT group_concat(title, '|') FROM "
                                              "(SELECT title FROM problem ORDER BY id)", NULL);
  titles_b = zc_store_query_text (again, "SELECT group_concat(title, '|') FROM "
                                         "(SELECT title FROM problem ORDER BY id)", NULL);
  g_assert_cmpstr (titles_a, ==, titles_b);

  /* Another seed, another bureau. */
  {
    g_autoptr(ZcStore) other = new_store ("other.db");
    g_autofree char *titles_c = NULL;

    g_assert_true (zc_demo_generate (other, ZC_DEMO_BUREAU, SEED + 1, NULL, NULL, &error));
    g_assert_no_error (error);
    titles_c = zc_store_query_text (other, "SELECT group_concat(title, '|') FROM "
                                           "(SELECT title FROM problem ORDER BY id)", NULL);
    g_assert_cmpstr (titles_a, !=, titles_c);
  }
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* One demo for every check (it takes a couple of seconds). */
  demo.dir = g_dir_make_tmp ("zicha-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo.store = new_store ("demo.db");
  g_assert_true (zc_demo_generate (demo.store, ZC_DEMO_BUREAU, SEED, on_progress, &demo, &error));
  g_assert_no_error (error);
  demo.inspector = zc_store_get_person_by_code (demo.store, ZC_DEMO_INSPECTOR, &error);
  g_assert_no_error (error);

  g_test_add_func ("/demo/campaign", test_campaign);
  g_test_add_func ("/demo/accounts", test_accounts);
  g_test_add_func ("/demo/forms", test_forms);
  g_test_add_func ("/demo/findings", test_findings);
  g_test_add_func ("/demo/items", test_items);
  g_test_add_func ("/demo/items/employee", test_lights_of_the_employee);
  g_test_add_func ("/demo/progress", test_progress_and_evidence);
  g_test_add_func ("/demo/commitments", test_commitments);
  g_test_add_func ("/demo/orders", test_orders);
  g_test_add_func ("/demo/assessment", test_assessment);
  g_test_add_func ("/demo/ledger-rows-ahead", test_ledger_rows_ahead);
  g_test_add_func ("/demo/verify", test_verify);
  g_test_add_func ("/demo/refuses-a-campaign", test_refuses_a_campaign);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  status = g_test_run ();

  g_clear_object (&demo.inspector);
  g_clear_object (&demo.store);
  remove_dir (demo.dir);
  g_free (demo.dir);
  return status;
}
