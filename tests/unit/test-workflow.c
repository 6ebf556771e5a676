/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The workflows of DOMAIN.md as state machines: allowed transitions work, others are
 * refused with an error that names the record, its state and the action. */

#include <stdio.h>

#include "zc-test-util.h"

static void
test_form_states (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) lead_form = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(ZcFinding) extra = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(ZcFinding) first = NULL;

  /* Forms are written in the inspection phase only. */
  g_assert_null (zc_store_ensure_own_form (fx->store, fx->sj_emp, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);
  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);

  /* An empty form cannot be submitted; the message says what is missing. */
  form = zc_store_ensure_own_form (fx->store, fx->sj_emp, &error);
  g_assert_no_error (error);
  g_assert_false (zc_store_submit_form (fx->store, fx->sj_emp, form, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_clear_error (&error);

  /* A finding without its gap is named. */
  extra = zc_finding_new ();
  zc_finding_set_form_id (extra, zc_record_get_id (ZC_RECORD (form)));
  zc_finding_set_phenomenon (extra, "下基层调研次数少，情况掌握不准。");
  zc_finding_set_category_id (extra, zc_fixture_entry (fx, ZC_LIST_KIND_CATEGORY, "style"));
  zc_finding_set_benchmark_id (extra, zc_fixture_entry (fx, ZC_LIST_KIND_BENCHMARK, "duties"));
  g_assert_true (zc_store_save_finding (fx->store, fx->sj_emp, extra, &error));
  g_assert_false (zc_store_check_form (fx->store, fx->sj_emp, form, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);
  g_assert_true (zc_store_delete_finding (fx->store, fx->sj_emp, extra, &error));
  g_assert_no_error (error);

  g_clear_object (&form);
  form = zc_fixture_submitted_form (fx, fx->sj_emp);
  g_assert_cmpint (zc_form_get_state (form), ==, ZC_FORM_STATE_SUBMITTED);

  /* Submitted: no more edits, no second submission. */
  g_assert_false (zc_store_submit_form (fx->store, fx->sj_emp, form, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "张伟"));
  g_clear_error (&error);

  /* The lead must inspect themselves first. */
  g_assert_false (zc_store_return_form (fx->store, fx->sj_lead, form, "请补充", &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);
  lead_form = zc_fixture_submitted_form (fx, fx->sj_lead);

  /* Returning needs a comment. */
  g_assert_false (zc_store_return_form (fx->store, fx->sj_lead, form, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_clear_error (&error);

  findings = zc_store_list_form_findings (fx->store, fx->sj_lead, zc_record_get_id (ZC_RECORD (form)),
                                          &error);
  first = g_list_model_get_item (findings, 0);
  g_assert_true (zc_store_comment_finding (fx->store, fx->sj_lead, first, "实例不够具体，写明时间和经过",
                                           &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_return_form (fx->store, fx->sj_lead, form, "请按批注修改后重新提交", &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_form_get_state (form), ==, ZC_FORM_STATE_RETURNED);

  /* Returned: the author edits and submits again; the comment is there for them. */
  {
    g_autoptr(GListModel) mine = zc_store_list_form_findings (fx->store, fx->sj_emp,
                                                              zc_record_get_id (ZC_RECORD (form)),
                                                              &error);
    g_autoptr(ZcFinding) f = g_list_model_get_item (mine, 0);

    g_assert_cmpstr (zc_finding_get_review_comment (f), ==, "实例不够具体，写明时间和经过");
    zc_finding_set_example (f, "3月5日上午10点，一位七十多岁的老人来问低保材料，我没有抬头。");
    g_assert_true (zc_store_save_finding (fx->store, fx->sj_emp, f, &error));
    g_assert_no_error (error);
  }
  g_assert_true (zc_store_submit_form (fx->store, fx->sj_emp, form, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_approve_form (fx->store, fx->sj_lead, form, "同意", &error));
  g_assert_no_error (error);

  /* Approved is final. */
  g_assert_false (zc_store_return_form (fx->store, fx->sj_lead, form, "再改改", &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, zc_enum_label (ZC_TYPE_FORM_STATE, ZC_FORM_STATE_APPROVED)));
  zc_assert_verified (fx->store);
}

static void
test_phase_gates_and_reopen (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(ZcUnit) unit = zc_store_get_unit (fx->store, fx->yl, NULL);

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  form = zc_store_ensure_own_form (fx->store, fx->yl_emp, &error);
  g_assert_null (form);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);

  /* An inspector reopens the inspection phase for one unit. */
  g_assert_false (zc_store_reopen_phase (fx->store, fx->yl_lead, unit, ZC_PHASE_INSPECTION, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (zc_store_reopen_phase (fx->store, fx->inspector, unit, ZC_PHASE_INSPECTION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_store_effective_phase (fx->store, fx->yl), ==, ZC_PHASE_INSPECTION);
  g_assert_cmpint (zc_store_effective_phase (fx->store, fx->sj), ==, ZC_PHASE_RECTIFICATION);
  form = zc_store_ensure_own_form (fx->store, fx->yl_emp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (form);
  g_clear_object (&form);
  form = zc_store_ensure_own_form (fx->store, fx->sj_emp, &error);
  g_assert_null (form);
  g_clear_error (&error);

  g_assert_true (zc_store_reopen_phase (fx->store, fx->inspector, unit, -1, &error));
  g_assert_cmpint (zc_store_effective_phase (fx->store, fx->yl), ==, ZC_PHASE_RECTIFICATION);

  /* Advancing walks the phases; a closed campaign stays closed. */
  g_assert_true (zc_store_advance_phase (fx->store, fx->inspector, &error));
  g_assert_true (zc_store_advance_phase (fx->store, fx->inspector, &error));
  g_assert_cmpint (zc_store_effective_phase (fx->store, 0), ==, ZC_PHASE_CLOSED);
  g_assert_false (zc_store_advance_phase (fx->store, fx->inspector, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  zc_assert_verified (fx->store);
}

static void
test_item_states (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
  g_autoptr(ZcProgress) p = NULL;
  g_autoptr(ZcItem) reread = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(ZcEvidence) ev = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = zc_fixture_write (fx, "整改情况说明.txt", "已制作一次性告知清单并上墙。\n");
  const char *files[] = { file, NULL };
  g_autoptr(ZcEvaluation) eval = NULL;

  g_assert_cmpint (zc_item_get_state (item), ==, ZC_ITEM_STATE_PLANNED);
  /* Planned items are edited; close-out is not possible yet. */
  zc_item_set_measure (item, "制定一次性告知清单，在窗口上墙并在网站公开");
  g_assert_true (zc_store_save_item (fx->store, fx->sj_lead, item, &error));
  g_assert_no_error (error);
  g_assert_false (zc_store_request_closeout (fx->store, fx->sj_lead, item, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (zc_store_close_out (fx->store, fx->inspector, item, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);

  /* Progress outside 0-100 is refused by name. */
  p = zc_store_report_progress (fx->store, fx->sj_emp, item, 120, "超额", NULL, &error);
  g_assert_null (p);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);

  p = zc_store_report_progress (fx->store, fx->sj_emp, item, 60, "清单已制作，待上墙", files, &error);
  g_assert_no_error (error);
  reread = zc_store_get_item (fx->store, fx->sj_lead, zc_record_get_id (ZC_RECORD (item)), &error);
  g_assert_cmpint (zc_item_get_state (reread), ==, ZC_ITEM_STATE_IN_PROGRESS);
  g_assert_cmpint (zc_item_get_progress (reread), ==, 60);
  g_assert_cmpint (zc_item_get_evidence_count (reread), ==, 1);

  /* In progress: no more edits of the plan. */
  g_assert_false (zc_store_save_item (fx->store, fx->sj_lead, reread, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);

  history = zc_store_list_progress (fx->store, fx->inspector, zc_record_get_id (ZC_RECORD (item)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  evidence = zc_store_list_evidence (fx->store, fx->inspector, zc_record_get_id (ZC_RECORD (p)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  ev = g_list_model_get_item (evidence, 0);
  g_assert_cmpstr (zc_evidence_get_filename (ev), ==, "整改情况说明.txt");
  g_assert_cmpstr (zc_evidence_get_mime (ev), ==, "text/plain");
  g_assert_cmpint (zc_evidence_get_size (ev), ==, strlen ("已制作一次性告知清单并上墙。\n"));
  g_assert_cmpint (strlen (zc_evidence_get_sha256 (ev)), ==, 64);
  bytes = zc_store_get_evidence_data (fx->store, fx->inspector, zc_record_get_id (ZC_RECORD (ev)), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   "已制作一次性告知清单并上墙。\n", strlen ("已制作一次性告知清单并上墙。\n"));

  /* Ask, reject (with a reason), ask again, close out. */
  g_assert_true (zc_store_request_closeout (fx->store, fx->sj_lead, item, &error));
  g_assert_no_error (error);
  g_assert_false (zc_store_reject_closeout (fx->store, fx->inspector, item, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (zc_store_reject_closeout (fx->store, fx->inspector, item, "未见上墙照片", &error));
  g_assert_no_error (error);
  g_clear_object (&reread);
  reread = zc_store_get_item (fx->store, fx->sj_lead, zc_record_get_id (ZC_RECORD (item)), &error);
  g_assert_cmpint (zc_item_get_state (reread), ==, ZC_ITEM_STATE_IN_PROGRESS);
  g_assert_cmpstr (zc_item_get_reject_reason (reread), ==, "未见上墙照片");
  g_assert_cmpint (zc_item_get_reopen_count (reread), ==, 1);

  g_clear_object (&p);
  p = zc_store_report_progress (fx->store, fx->sj_lead, item, 100, "已上墙，附照片", files, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_request_closeout (fx->store, fx->sj_emp, item, &error));
  g_assert_no_error (error);
  /* Awaiting close-out takes no more progress. */
  {
    g_autoptr(ZcProgress) late = zc_store_report_progress (fx->store, fx->sj_emp, item, 100, "补充",
                                                           NULL, &error);
    g_assert_null (late);
    g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
    g_clear_error (&error);
  }
  g_assert_true (zc_store_close_out (fx->store, fx->inspector, item, "现场核查属实，同意销号", &error));
  g_assert_no_error (error);

  /* Closed is final; the public evaluates it. */
  g_assert_false (zc_store_reject_closeout (fx->store, fx->inspector, item, "再看看", &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);
  eval = zc_store_record_evaluation (fx->store, fx->inspector, item, ZC_SATISFACTION_SATISFIED,
                                     "回访群众3人均表示满意", &error);
  g_assert_no_error (error);
  g_assert_nonnull (eval);
  zc_assert_verified (fx->store);
}

static void
test_evidence_limits (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
  g_autofree char *big = g_build_filename (fx->dir, "big.pdf", NULL);
  const char *files[] = { big, NULL };
  const char *missing[] = { "/nonexistent/file.pdf", NULL };
  g_autoptr(ZcProgress) p = NULL;
  FILE *f = fopen (big, "wb");

  /* One byte over the limit, as a sparse file. */
  fseek (f, 20 * 1024 * 1024, SEEK_SET);
  fputc ('x', f);
  fclose (f);
  p = zc_store_report_progress (fx->store, fx->sj_emp, item, 50, "附件过大", files, &error);
  g_assert_null (p);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "big.pdf"));
  g_assert_nonnull (strstr (error->message, "20"));
  g_clear_error (&error);
  p = zc_store_report_progress (fx->store, fx->sj_emp, item, 50, "附件缺失", missing, &error);
  g_assert_null (p);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_IO);
  /* Nothing was written: the item is still planned. */
  g_assert_cmpint (zc_store_query_int (fx->store, 0, "SELECT count(*) FROM progress", NULL), ==, 0);
}

static void
test_merge_and_unmerge (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) lf = NULL, f1 = NULL, f2 = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(ZcProblem) problem = NULL;
  g_autoptr(ZcFinding) peer = NULL;
  g_autoptr(ZcFinding) pub = NULL;
  g_autoptr(GListModel) linked = NULL;
  gint64 ids[4];
  guint n;

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  lf = zc_fixture_submitted_form (fx, fx->sj_lead);
  f1 = zc_fixture_submitted_form (fx, fx->sj_emp);
  f2 = zc_fixture_submitted_form (fx, fx->sj_emp2);
  g_assert_true (zc_store_approve_form (fx->store, fx->sj_lead, f1, NULL, &error));
  /* f2 stays submitted: its findings are not aggregated yet. */
  peer = zc_store_suggest (fx->store, fx->yl_emp, 0, fx->sj, 0, "社会救助处审批时限长，群众反映跑多次。",
                           TRUE, &error);
  g_assert_no_error (error);
  pub = zc_store_add_feedback (fx->store, fx->inspector, fx->sj, ZC_CHANNEL_HOTLINE, 0,
                               "12345热线：临时救助申请两周无人回复。", "2026-03-02", &error);
  g_assert_no_error (error);

  findings = zc_store_list_unit_findings (fx->store, fx->sj_lead, fx->sj, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcFinding) f = g_list_model_get_item (findings, i);
      ids[i] = zc_record_get_id (ZC_RECORD (f));
    }
  /* A finding of a form that is not approved cannot be merged. */
  {
    g_autoptr(GListModel) pending = zc_store_list_form_findings (fx->store, fx->sj_lead,
                                                                 zc_record_get_id (ZC_RECORD (f2)),
                                                                 NULL);
    g_autoptr(ZcFinding) pf = g_list_model_get_item (pending, 0);
    gint64 bad = zc_record_get_id (ZC_RECORD (pf));
    g_autoptr(ZcProblem) nope = zc_store_merge_findings (fx->store, fx->sj_lead, fx->sj, "x", NULL, 0,
                                                         ZC_SEVERITY_GENERAL, &bad, 1, &error);
    g_assert_null (nope);
    g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (zc_store_query_int (fx->store, 0, "SELECT count(*) FROM problem", NULL), ==, 0);
  }

  problem = zc_store_merge_findings (fx->store, fx->sj_lead, fx->sj, "审批时限长、服务态度生硬",
                                     "群众和同事都反映", zc_fixture_entry (fx, ZC_LIST_KIND_CATEGORY, "efficiency"),
                                     ZC_SEVERITY_SERIOUS, ids, n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_problem_get_finding_count (problem), ==, 3);
  /* Three sources, three raisers: the employee, the anonymous colleague, the public. */
  g_assert_cmpint (zc_problem_get_raised_count (problem), ==, 3);
  g_assert_cmpint (zc_problem_get_number (problem), ==, 1);
  linked = zc_store_list_problem_findings (fx->store, fx->sj_lead, zc_record_get_id (ZC_RECORD (problem)),
                                           &error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 3);
  zc_assert_verified (fx->store);

  /* Undo the merge while there are no items. */
  g_assert_true (zc_store_unmerge_problem (fx->store, fx->sj_lead, problem, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_store_query_int (fx->store, 0, "SELECT count(*) FROM problem_finding", NULL), ==, 0);
  zc_assert_verified (fx->store);

  g_clear_object (&problem);
  problem = zc_store_merge_findings (fx->store, fx->sj_lead, fx->sj, "审批时限长", NULL, 0,
                                     ZC_SEVERITY_GENERAL, ids, 2, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_add_to_problem (fx->store, fx->sj_lead, problem, &ids[2], 1, &error));
  g_assert_no_error (error);
  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  {
    g_autoptr(ZcItem) item = zc_item_new ();

    zc_item_set_problem_id (item, zc_record_get_id (ZC_RECORD (problem)));
    zc_item_set_measure (item, "推行临时救助“先行救助、事后补审”");
    zc_item_set_term_type (item, ZC_TERM_TYPE_ONGOING);
    zc_item_set_review_dates (item, "2026-06-30,2026-12-31");
    g_assert_true (zc_store_save_item (fx->store, fx->sj_lead, item, &error));
    g_assert_no_error (error);
  }
  g_assert_false (zc_store_unmerge_problem (fx->store, fx->sj_lead, problem, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  zc_assert_verified (fx->store);
}

static void
test_commitments (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
  g_autoptr(ZcCommitment) c = zc_commitment_new ();
  g_autoptr(ZcCommitment) v2 = NULL;
  g_autoptr(GListModel) pledges = NULL;
  g_autoptr(GListModel) public = NULL;
  gint64 item_ids[] = { zc_record_get_id (ZC_RECORD (item)), 0 };
  const gint64 *ties[] = { item_ids, NULL, NULL };
  const char *texts[] = { "对群众咨询一次性告知，决不让群众跑第二趟。", "临时救助申请三个工作日内答复。", NULL };

  zc_commitment_set_title (c, "社会救助处作风建设公开承诺书");
  zc_commitment_set_opening (c, "为切实转变作风、提升效能，我处向社会郑重承诺：");
  zc_commitment_set_closing (c, "欢迎社会各界监督。");
  zc_commitment_set_signature (c, "社会救助处处长 李红");
  g_assert_true (zc_store_save_commitment (fx->store, fx->sj_lead, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_commitment_get_unit_id (c), ==, fx->sj);

  /* No pledges, no contact: not yet publishable. */
  g_assert_false (zc_store_publish_commitment (fx->store, fx->sj_lead, c, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (zc_store_set_pledges (fx->store, fx->sj_lead, c, texts, ties, &error));
  g_assert_no_error (error);
  g_assert_false (zc_store_publish_commitment (fx->store, fx->sj_lead, c, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "telephone"));
  g_clear_error (&error);
  zc_commitment_set_contact_phone (c, "0571-12345678");
  g_assert_true (zc_store_save_commitment (fx->store, fx->sj_lead, c, &error));
  g_assert_true (zc_store_publish_commitment (fx->store, fx->sj_lead, c, &error));
  g_assert_no_error (error);

  /* Published: never edited again. */
  zc_commitment_set_closing (c, "改一个字");
  g_assert_false (zc_store_save_commitment (fx->store, fx->sj_lead, c, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (zc_store_set_pledges (fx->store, fx->sj_lead, c, texts, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);

  pledges = zc_store_list_pledges (fx->store, fx->sj_emp, zc_record_get_id (ZC_RECORD (c)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (pledges), ==, 2);
  {
    g_autoptr(ZcPledge) p = g_list_model_get_item (pledges, 0);
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, item_ids[0]);
    g_assert_cmpstr (zc_pledge_get_item_ids (p), ==, expected);
  }

  /* An amendment is a new version; the old one stays visible. */
  v2 = zc_store_amend_commitment (fx->store, fx->sj_lead, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_commitment_get_version (v2), ==, 2);
  g_assert_cmpint (zc_commitment_get_state (v2), ==, ZC_COMMITMENT_STATE_DRAFT);
  g_assert_cmpint (zc_commitment_get_supersedes_id (v2), ==, zc_record_get_id (ZC_RECORD (c)));
  {
    g_autoptr(ZcCommitment) v3 = zc_store_amend_commitment (fx->store, fx->sj_lead, c, &error);
    g_assert_null (v3);
    g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
    g_clear_error (&error);
  }
  /* Other units' people see only published commitments. */
  public = zc_store_list_commitments (fx->store, fx->yl_emp, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (public), ==, 1);
  zc_assert_verified (fx->store);
}

static void
test_orders (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-03-05");
  g_autoptr(ZcOrder) order = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GListModel) others = NULL;

  order = zc_store_issue_order (fx->store, fx->inspector, zc_record_get_id (ZC_RECORD (item)), 0,
                                "整改进度明显滞后于计划", "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_order_get_unit_id (order), ==, fx->sj);

  /* Concluding before an answer is refused by state. */
  g_assert_false (zc_store_conclude_order (fx->store, fx->inspector, order, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (zc_store_remind_order (fx->store, fx->inspector, order, "请于3月20日前反馈", &error));
  g_assert_no_error (error);
  /* Only the unit's lead answers. */
  g_assert_false (zc_store_answer_order (fx->store, fx->sj_emp, order, "在改", &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (zc_store_answer_order (fx->store, fx->sj_lead, order, "已增派人手，3月底完成", &error));
  g_assert_no_error (error);
  open = zc_store_list_orders (fx->store, fx->sj_lead, fx->sj, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  g_assert_true (zc_store_conclude_order (fx->store, fx->inspector, order, "办结", &error));
  g_assert_no_error (error);
  g_clear_object (&open);
  open = zc_store_list_orders (fx->store, fx->inspector, 0, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);
  events = zc_store_list_order_events (fx->store, fx->sj_lead, zc_record_get_id (ZC_RECORD (order)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 4);
  /* Another unit's lead does not see it. */
  others = zc_store_list_orders (fx->store, fx->yl_lead, 0, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (others), ==, 0);
  zc_assert_verified (fx->store);
}

static void
test_ledger_queries (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) a = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-03-05");
  ZcItemQuery q = ZC_ITEM_QUERY_INIT;
  g_autoptr(GListModel) red = NULL;
  g_autoptr(GListModel) text = NULL;
  g_autoptr(GListModel) two = NULL;

  zc_store_set_today (fx->store, "2026-03-10");
  q.light = ZC_LIGHT_RED;
  red = zc_store_list_items (fx->store, fx->inspector, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (red), ==, 1);
  {
    g_autoptr(ZcItem) it = g_list_model_get_item (red, 0);
    g_assert_cmpint (zc_item_get_light (it), ==, ZC_LIGHT_RED);
    g_assert_cmpint (zc_store_item_light (fx->store, it), ==, ZC_LIGHT_RED);
    g_assert_cmpstr (zc_item_get_person_name (it), ==, "张伟");
    g_assert_cmpstr (zc_item_get_problem_text (it), ==, "窗口服务态度生硬");
  }
  q.light = -1;
  q.text = "告知清单";
  text = zc_store_list_items (fx->store, fx->inspector, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (text), ==, 1);
  q.text = "上墙";   /* two characters: falls back to instr() */
  two = zc_store_list_items (fx->store, fx->inspector, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (two), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define FX(path, fn) g_test_add (path, ZcFixture, NULL, zc_fixture_setup, fn, zc_fixture_teardown)
  FX ("/workflow/form-states", test_form_states);
  FX ("/workflow/phase-gates-and-reopen", test_phase_gates_and_reopen);
  FX ("/workflow/item-states", test_item_states);
  FX ("/workflow/evidence-limits", test_evidence_limits);
  FX ("/workflow/merge-and-unmerge", test_merge_and_unmerge);
  FX ("/workflow/commitments", test_commitments);
  FX ("/workflow/orders", test_orders);
  FX ("/workflow/ledger-queries", test_ledger_queries);
  return g_test_run ();
}
