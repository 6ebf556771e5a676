/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A whole campaign through the core API alone, from set-up to assessment, with the
 * figures checked at every phase. */

#include "zc-test-util.h"

static void
check_stats (ZcFixture *fx, const char *expected_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  ZcStats stats;

  g_assert_true (zc_store_get_stats (fx->store, fx->inspector, 0, &stats, &error));
  g_assert_no_error (error);
  json = zc_stats_to_json (&stats);
  if (g_strcmp0 (json, expected_json) != 0)
    g_error ("stats:\n  got      %s\n  expected %s", json, expected_json);
}

static void
test_whole_campaign (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCampaign) c = zc_store_get_campaign (fx->store, NULL);
  ZcPerson *writers[] = { fx->sj_lead, fx->sj_emp, fx->sj_emp2, fx->yl_lead, fx->yl_emp };
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) unit_findings = NULL;
  g_autoptr(ZcProblem) problem = NULL;
  g_autoptr(ZcItem) a = zc_item_new ();
  g_autoptr(ZcItem) b = zc_item_new ();
  g_autoptr(ZcCommitment) letter = zc_commitment_new ();
  g_autoptr(ZcOrder) order = NULL;
  g_autoptr(ZcProgress) p = NULL;
  g_autoptr(ZcEvaluation) ev = NULL;
  g_autoptr(ZcMerit) m = NULL;
  g_autoptr(GListModel) assessments = NULL;
  g_autoptr(ZcReview) review = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *texts[] = { "群众咨询一次性告知。", NULL };

  /* Mobilization: set-up by the inspector. */
  zc_campaign_set_inspection_date (c, "2026-03-10");
  zc_campaign_set_rectification_date (c, "2026-04-10");
  zc_campaign_set_evaluation_date (c, "2026-09-30");
  zc_campaign_set_end_date (c, "2026-10-31");
  zc_campaign_set_supervision_phone (c, "0571-12345678");
  g_assert_true (zc_store_update_campaign (fx->store, fx->inspector, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_store_days_left_in_phase (fx->store), ==, 9);
  check_stats (fx, "{\"people\":10,\"units\":5,\"forms\":{\"draft\":0,\"submitted\":0,\"returned\":0,"
                   "\"approved\":0,\"not_started\":10},\"findings\":0,\"problems\":0,\"items\":"
                   "{\"planned\":0,\"in_progress\":0,\"awaiting_closeout\":0,\"closed\":0},\"lights\":"
                   "{\"red\":0,\"yellow\":0,\"green\":0},\"commitments_published\":0,\"orders_open\":0}");

  /* Inspection: leads first, then their people; reviews; a suggestion and public feedback. */
  zc_store_set_today (fx->store, "2026-03-12");
  g_assert_true (zc_store_advance_phase (fx->store, fx->inspector, &error));
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    g_ptr_array_add (forms, zc_fixture_submitted_form (fx, writers[i]));
  {
    g_autoptr(ZcFinding) draft = zc_fixture_finding (fx, fx->ck_emp, "窗口预约号源放出不及时。");
  }
  g_assert_true (zc_store_approve_form (fx->store, fx->leader, forms->pdata[0], NULL, &error));
  g_assert_true (zc_store_approve_form (fx->store, fx->sj_lead, forms->pdata[1], NULL, &error));
  g_assert_true (zc_store_return_form (fx->store, fx->sj_lead, forms->pdata[2], "请写明具体实例", &error));
  g_assert_true (zc_store_approve_form (fx->store, fx->inspector, forms->pdata[3], NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ZcFinding) s = zc_store_suggest (fx->store, fx->yl_emp, 0, fx->sj, 0,
                                               "救助审批中要求群众反复补材料。", TRUE, &error);
    g_autoptr(ZcFinding) f = zc_store_add_feedback (fx->store, fx->inspector, fx->sj,
                                                    ZC_CHANNEL_LETTER, 0,
                                                    "来信反映：低保复核时工作人员态度冷淡。", NULL,
                                                    &error);
    g_assert_no_error (error);
  }
  check_stats (fx, "{\"people\":10,\"units\":5,\"forms\":{\"draft\":1,\"submitted\":1,\"returned\":1,"
                   "\"approved\":3,\"not_started\":4},\"findings\":7,\"problems\":0,\"items\":"
                   "{\"planned\":0,\"in_progress\":0,\"awaiting_closeout\":0,\"closed\":0},\"lights\":"
                   "{\"red\":0,\"yellow\":0,\"green\":0},\"commitments_published\":0,\"orders_open\":0}");

  /* Aggregation into the problem list: the approved form, the suggestion, the feedback. */
  unit_findings = zc_store_list_unit_findings (fx->store, fx->sj_lead, fx->sj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unit_findings), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (unit_findings); i++)
    {
      g_autoptr(ZcFinding) f = g_list_model_get_item (unit_findings, i);
      gint64 id = zc_record_get_id (ZC_RECORD (f));
      g_array_append_val (ids, id);
    }
  problem = zc_store_merge_findings (fx->store, fx->sj_lead, fx->sj, "服务群众不热情、不一次性告知",
                                     NULL, zc_fixture_entry (fx, ZC_LIST_KIND_CATEGORY, "service"),
                                     ZC_SEVERITY_SERIOUS, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_problem_get_raised_count (problem), ==, 4);

  /* Rectification: two items, a published commitment, progress, an order on the lagging one. */
  zc_store_set_today (fx->store, "2026-04-12");
  g_assert_true (zc_store_advance_phase (fx->store, fx->inspector, &error));
  zc_item_set_problem_id (a, zc_record_get_id (ZC_RECORD (problem)));
  zc_item_set_measure (a, "制定一次性告知清单并上墙");
  zc_item_set_term_type (a, ZC_TERM_TYPE_DEADLINE);
  zc_item_set_deadline (a, "2026-04-30");
  zc_item_set_person_id (a, zc_record_get_id (ZC_RECORD (fx->sj_emp)));
  zc_item_set_leader_id (a, zc_record_get_id (ZC_RECORD (fx->leader)));
  g_assert_true (zc_store_save_item (fx->store, fx->sj_lead, a, &error));
  zc_item_set_problem_id (b, zc_record_get_id (ZC_RECORD (problem)));
  zc_item_set_measure (b, "每月开展一次窗口服务明察暗访");
  zc_item_set_term_type (b, ZC_TERM_TYPE_DEADLINE);
  zc_item_set_deadline (b, "2026-04-15");
  g_assert_true (zc_store_save_item (fx->store, fx->sj_lead, b, &error));
  g_assert_no_error (error);

  zc_commitment_set_title (letter, "社会救助处公开承诺书");
  zc_commitment_set_contact_phone (letter, "0571-12345678");
  g_assert_true (zc_store_save_commitment (fx->store, fx->sj_lead, letter, &error));
  g_assert_true (zc_store_set_pledges (fx->store, fx->sj_lead, letter, texts, NULL, &error));
  g_assert_true (zc_store_publish_commitment (fx->store, fx->sj_lead, letter, &error));
  g_assert_no_error (error);

  p = zc_store_report_progress (fx->store, fx->sj_emp, a, 100, "清单已上墙", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_request_closeout (fx->store, fx->sj_emp, a, &error));
  g_assert_no_error (error);

  zc_store_set_today (fx->store, "2026-04-20");
  /* b is now overdue; a waits for close-out */
  order = zc_store_issue_order (fx->store, fx->inspector, zc_record_get_id (ZC_RECORD (b)), 0,
                                "明察暗访未按期开展", "2026-04-25", &error);
  g_assert_no_error (error);
  check_stats (fx, "{\"people\":10,\"units\":5,\"forms\":{\"draft\":1,\"submitted\":1,\"returned\":1,"
                   "\"approved\":3,\"not_started\":4},\"findings\":7,\"problems\":1,\"items\":"
                   "{\"planned\":1,\"in_progress\":0,\"awaiting_closeout\":1,\"closed\":0},\"lights\":"
                   "{\"red\":1,\"yellow\":0,\"green\":1},\"commitments_published\":1,\"orders_open\":1}");

  g_assert_true (zc_store_close_out (fx->store, fx->inspector, a, "核查属实", &error));
  ev = zc_store_record_evaluation (fx->store, fx->inspector, a, ZC_SATISFACTION_SATISFIED, NULL, &error);
  g_assert_true (zc_store_answer_order (fx->store, fx->sj_lead, order, "4月22日已开展首次暗访", &error));
  g_assert_true (zc_store_conclude_order (fx->store, fx->inspector, order, NULL, &error));
  g_assert_no_error (error);

  /* Evaluation: assessment and the monthly review. */
  zc_store_set_today (fx->store, "2026-10-01");
  g_assert_true (zc_store_advance_phase (fx->store, fx->inspector, &error));
  m = zc_store_record_merit (fx->store, fx->inspector, fx->sj, 0, ZC_RECORD_KIND_COMMENDATION, NULL,
                             "窗口服务满意度提升明显", &error);
  g_assert_no_error (error);
  check_stats (fx, "{\"people\":10,\"units\":5,\"forms\":{\"draft\":1,\"submitted\":1,\"returned\":1,"
                   "\"approved\":3,\"not_started\":4},\"findings\":7,\"problems\":1,\"items\":"
                   "{\"planned\":1,\"in_progress\":0,\"awaiting_closeout\":0,\"closed\":1},\"lights\":"
                   "{\"red\":1,\"yellow\":0,\"green\":1},\"commitments_published\":1,\"orders_open\":0}");

  assessments = zc_store_list_assessments (fx->store, fx->inspector, fx->sj, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ZcAssessment) as = g_list_model_get_item (assessments, 0);

    g_assert_cmpint (zc_assessment_get_items (as), ==, 2);
    g_assert_cmpfloat_with_epsilon (zc_assessment_get_closed_rate (as), 0.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (zc_assessment_get_on_time_rate (as), 1.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (zc_assessment_get_participation (as), 2.0 / 3, 1e-9);
    g_assert_cmpfloat_with_epsilon (zc_assessment_get_satisfaction (as), 1.0, 1e-9);
    g_assert_cmpint (zc_assessment_get_overdue (as), ==, 1);
    g_assert_cmpint (zc_assessment_get_orders (as), ==, 1);
    g_assert_cmpint (zc_assessment_get_commendations (as), ==, 1);
    /* 20·2/3 + 25·0.5 + 20·1 + 15·1 + 20·(1 − 1/2) + 2 = 72.8 */
    g_assert_cmpfloat_with_epsilon (zc_assessment_get_score (as), 72.8, 1e-9);
  }
  review = zc_store_take_monthly_review (fx->store, fx->inspector, fx->sj, "2026-09", &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) node = json_from_string (zc_review_get_snapshot (review), &error);
    JsonObject *o = json_node_get_object (node);

    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "score"), 72.8, 1e-9);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "stats"),
                                                 "problems"), ==, 1);
  }

  g_assert_true (zc_store_advance_phase (fx->store, fx->inspector, &error));
  g_assert_cmpint (zc_store_effective_phase (fx->store, 0), ==, ZC_PHASE_CLOSED);
  zc_assert_verified (fx->store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/campaign/whole", ZcFixture, NULL, zc_fixture_setup, test_whole_campaign,
              zc_fixture_teardown);
  return g_test_run ();
}
