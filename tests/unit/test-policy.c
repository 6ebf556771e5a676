/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The permission table of DOMAIN.md, row by row: for every role, what is allowed works and
 * what is refused fails with ZC_ERROR_PERMISSION and writes nothing.
 */

#include "zc-test-util.h"

#define ALLOWED(call)                                       \
  G_STMT_START {                                            \
    g_autoptr(GError) _e = NULL;                            \
    gboolean _ok = (call (&_e));                            \
    if (_e)                                                 \
      g_error ("%s: refused: %s", #call, _e->message);      \
    g_assert_true (_ok);                                    \
  } G_STMT_END

static gint64
audit_count (ZcFixture *fx)
{
  return zc_store_query_int (fx->store, 0, "SELECT count(*) FROM audit", NULL);
}

#define REFUSED(call)                                       \
  G_STMT_START {                                            \
    g_autoptr(GError) _e = NULL;                            \
    gint64 _before = audit_count (fx);                      \
    gboolean _ok = (call (&_e));                            \
    g_assert_false (_ok);                                   \
    g_assert_error (_e, ZC_ERROR, ZC_ERROR_PERMISSION);     \
    g_assert_cmpint (audit_count (fx), ==, _before);        \
  } G_STMT_END

/* ---- row 1: write and submit one's own form; suggest problems for others ---------------- */

static void
test_row_own_form_and_suggest (ZcFixture *fx, gconstpointer data)
{
  ZcPerson *everyone[] = { fx->sj_emp, fx->sj_lead, fx->leader, fx->inspector };

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  for (guint i = 0; i < G_N_ELEMENTS (everyone); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcForm) form = zc_fixture_submitted_form (fx, everyone[i]);
      g_autoptr(ZcFinding) s = NULL;

      g_assert_cmpint (zc_form_get_state (form), ==, ZC_FORM_STATE_SUBMITTED);
      s = zc_store_suggest (fx->store, everyone[i], zc_record_get_id (ZC_RECORD (fx->ck_emp)), 0,
                            0, "窗口午休时段无人值守，群众等候时间长。", FALSE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (s);
    }
}

/* Nobody edits another person's form. */
static gboolean
edit_other (ZcFixture *fx, ZcPerson *actor, GError **error)
{
  g_autoptr(ZcForm) form = zc_store_ensure_own_form (fx->store, fx->sj_emp2, NULL);
  g_autoptr(ZcFinding) f = zc_finding_new ();

  zc_finding_set_form_id (f, zc_record_get_id (ZC_RECORD (form)));
  zc_finding_set_phenomenon (f, "替别人写的问题");
  return zc_store_save_finding (fx->store, actor, f, error);
}

static void
test_row_nobody_edits_others_form (ZcFixture *fx, gconstpointer data)
{
  ZcPerson *everyone[] = { fx->sj_emp, fx->sj_lead, fx->leader, fx->inspector };
  g_autoptr(ZcForm) form = NULL;

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  form = zc_store_ensure_own_form (fx->store, fx->sj_emp2, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (everyone); i++)
    {
#define CALL(e) edit_other (fx, everyone[i], e)
      REFUSED (CALL);
#undef CALL
    }
}

/* ---- row 2: nobody reads another person's draft ------------------------------------------ */

static void
test_row_drafts_private (ZcFixture *fx, gconstpointer data)
{
  ZcPerson *everyone[] = { fx->sj_emp, fx->sj_lead, fx->leader, fx->inspector };
  g_autoptr(ZcFinding) f = NULL;
  g_autoptr(ZcForm) own = NULL;
  gint64 form_id;

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  f = zc_fixture_finding (fx, fx->sj_emp2, "草稿里的问题");
  form_id = zc_finding_get_form_id (f);
  for (guint i = 0; i < G_N_ELEMENTS (everyone); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcForm) form = zc_store_get_form (fx->store, everyone[i], form_id, &error);
      g_autoptr(GListModel) findings = NULL;

      g_assert_null (form);
      g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
      g_clear_error (&error);
      findings = zc_store_list_form_findings (fx->store, everyone[i], form_id, &error);
      g_assert_null (findings);
      g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
    }
  /* The author reads it. */
  own = zc_store_get_form (fx->store, fx->sj_emp2, form_id, NULL);
  g_assert_nonnull (own);
}

/* ---- row 3: read submitted forms -------------------------------------------------------------- */

static gboolean
can_read (ZcFixture *fx, ZcPerson *actor, ZcPerson *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) form = zc_store_get_form_of (fx->store, actor,
                                                 zc_record_get_id (ZC_RECORD (author)), &error);

  if (form == NULL)
    g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  return form != NULL;
}

static void
test_row_read_submitted (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(ZcForm) a = NULL, b = NULL, c = NULL;

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  a = zc_fixture_submitted_form (fx, fx->sj_emp);
  b = zc_fixture_submitted_form (fx, fx->sj_emp2);
  c = zc_fixture_submitted_form (fx, fx->yl_emp);

  /* employee: own only */
  g_assert_true (can_read (fx, fx->sj_emp, fx->sj_emp));
  g_assert_false (can_read (fx, fx->sj_emp, fx->sj_emp2));
  /* lead: own unit */
  g_assert_true (can_read (fx, fx->sj_lead, fx->sj_emp2));
  g_assert_false (can_read (fx, fx->sj_lead, fx->yl_emp));
  /* leader in charge: units in charge */
  g_assert_true (can_read (fx, fx->leader, fx->sj_emp2));
  g_assert_false (can_read (fx, fx->leader, fx->yl_emp));
  /* inspector: all */
  g_assert_true (can_read (fx, fx->inspector, fx->yl_emp));
  g_assert_true (can_read (fx, fx->inspector, fx->sj_emp));
}

/* ---- row 4: approve / return -------------------------------------------------------------- */

static gboolean
approve (ZcFixture *fx, ZcPerson *actor, ZcPerson *author, GError **error)
{
  g_autoptr(ZcForm) form = zc_store_get_form_of (fx->store, author,
                                                 zc_record_get_id (ZC_RECORD (author)), NULL);

  return zc_store_approve_form (fx->store, actor, form, "同意", error);
}

static gboolean
return_form (ZcFixture *fx, ZcPerson *actor, ZcPerson *author, GError **error)
{
  g_autoptr(ZcForm) form = zc_store_get_form_of (fx->store, author,
                                                 zc_record_get_id (ZC_RECORD (author)), NULL);

  return zc_store_return_form (fx->store, actor, form, "问题不具体，请补充实例", error);
}

static void
test_row_review (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(ZcForm) f1 = NULL, f2 = NULL, f3 = NULL, f4 = NULL, f5 = NULL, f6 = NULL, f7 = NULL;

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  f1 = zc_fixture_submitted_form (fx, fx->sj_lead);
  f2 = zc_fixture_submitted_form (fx, fx->sj_emp);
  f3 = zc_fixture_submitted_form (fx, fx->sj_emp2);
  f4 = zc_fixture_submitted_form (fx, fx->yl_lead);
  f5 = zc_fixture_submitted_form (fx, fx->yl_emp);
  f6 = zc_fixture_submitted_form (fx, fx->off_emp);
  f7 = zc_fixture_submitted_form (fx, fx->ck_emp);

  /* employee: never */
#define CALL(e) approve (fx, fx->sj_emp, fx->sj_emp2, e)
  REFUSED (CALL);
#undef CALL
  /* lead: own unit's members, not another unit's, not their own */
#define CALL(e) approve (fx, fx->sj_lead, fx->yl_emp, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) approve (fx, fx->sj_lead, fx->sj_lead, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) approve (fx, fx->sj_lead, fx->sj_emp, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) return_form (fx, fx->sj_lead, fx->sj_emp2, e)
  ALLOWED (CALL);
#undef CALL
  /* leader in charge: leads of units in charge; not members; not other leads */
#define CALL(e) approve (fx, fx->leader, fx->ck_emp, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) approve (fx, fx->leader, fx->yl_lead, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) approve (fx, fx->leader, fx->sj_lead, e)
  ALLOWED (CALL);
#undef CALL
  /* inspector: leads without a leader in charge (and units without a lead); not members of
   * a unit with a lead, not leads who have a leader in charge */
#define CALL(e) approve (fx, fx->inspector, fx->yl_emp, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) approve (fx, fx->inspector, fx->yl_lead, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) approve (fx, fx->inspector, fx->off_emp, e)
  ALLOWED (CALL);
#undef CALL
}

/* ---- row 5: the author of an anonymous suggestion is never stored ----------------------------- */

static void
test_row_anonymous (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFinding) s = NULL;
  g_autofree char *ts = NULL;
  ZcPerson *readers[] = { fx->ck_emp, fx->ck_lead, fx->leader, fx->inspector };
  const char *author_uuid = zc_record_get_uuid (ZC_RECORD (fx->sj_emp));
  g_autofree char *like = g_strdup_printf ("%%%s%%", author_uuid);

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  s = zc_store_suggest (fx->store, fx->sj_emp, zc_record_get_id (ZC_RECORD (fx->ck_emp)), 0, 0,
                        "办理婚姻登记时要求提供非必要的证明材料。", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_finding_get_author_id (s), ==, 0);
  /* Not in the record, not in the log: no actor, no time finer than the day. */
  g_assert_cmpint (zc_store_query_int (fx->store, -1, "SELECT count(*) FROM finding WHERE "
                                                      "author_id IS NOT NULL AND anonymous", NULL),
                   ==, 0);
  g_assert_cmpint (zc_store_query_int (fx->store, -1, "SELECT count(*) FROM audit WHERE record = ? "
                                                      "AND actor IS NOT NULL", "s",
                                       zc_record_get_uuid (ZC_RECORD (s))), ==, 0);
  g_assert_cmpint (zc_store_query_int (fx->store, -1, "SELECT count(*) FROM audit WHERE "
                                                      "fields LIKE ?", "s", like), ==, 0);
  ts = zc_store_query_text (fx->store, "SELECT ts FROM audit WHERE record = ?", "s",
                            zc_record_get_uuid (ZC_RECORD (s)));
  g_assert_cmpint (strlen (ts), ==, 10);
  g_assert_cmpint (strlen (zc_record_get_created (ZC_RECORD (s))), ==, 10);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GListModel) list = zc_store_list_suggestions_for (fx->store, readers[i],
                                                                  zc_record_get_id (ZC_RECORD (fx->ck_emp)),
                                                                  &error);
      g_autoptr(ZcFinding) got = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
      got = g_list_model_get_item (list, 0);
      g_assert_true (zc_finding_get_anonymous (got));
      g_assert_null (zc_finding_get_author_name (got));
    }
  zc_assert_verified (fx->store);
}

/* ---- row 6: problem list, ledger, commitments: the lead of the unit ---------------------------- */

static gboolean
merge (ZcFixture *fx, ZcPerson *actor, gint64 unit, gint64 finding, GError **error)
{
  g_autoptr(ZcProblem) p = zc_store_merge_findings (fx->store, actor, unit, "办事效率不高", NULL, 0,
                                                    ZC_SEVERITY_GENERAL, &finding, 1, error);
  return p != NULL;
}

static gboolean
commit (ZcFixture *fx, ZcPerson *actor, gint64 unit, GError **error)
{
  g_autoptr(ZcCommitment) c = zc_commitment_new ();

  zc_commitment_set_unit_id (c, unit);
  zc_commitment_set_title (c, "社会救助处作风建设公开承诺书");
  return zc_store_save_commitment (fx->store, actor, c, error);
}

static gboolean
add_item (ZcFixture *fx, ZcPerson *actor, gint64 problem, GError **error)
{
  g_autoptr(ZcItem) item = zc_item_new ();

  zc_item_set_problem_id (item, problem);
  zc_item_set_measure (item, "建立限时办结台账");
  zc_item_set_term_type (item, ZC_TERM_TYPE_DEADLINE);
  zc_item_set_deadline (item, "2026-06-30");
  return zc_store_save_item (fx->store, actor, item, error);
}

static void
test_row_build_lists (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) lead_form = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(ZcFinding) f = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(ZcProblem) problem = NULL;
  gint64 fid, pid;
  ZcPerson *others[] = { fx->sj_emp, fx->leader, fx->inspector, fx->yl_lead };

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  lead_form = zc_fixture_submitted_form (fx, fx->sj_lead);
  form = zc_fixture_submitted_form (fx, fx->sj_emp);
  g_assert_true (zc_store_approve_form (fx->store, fx->sj_lead, form, NULL, &error));
  findings = zc_store_list_unit_findings (fx->store, fx->sj_lead, fx->sj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  f = g_list_model_get_item (findings, 0);
  fid = zc_record_get_id (ZC_RECORD (f));

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
#define CALL(e) merge (fx, others[i], fx->sj, fid, e)
      REFUSED (CALL);
#undef CALL
#define CALL(e) commit (fx, others[i], fx->sj, e)
      REFUSED (CALL);
#undef CALL
    }
#define CALL(e) merge (fx, fx->sj_lead, fx->sj, fid, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) commit (fx, fx->sj_lead, fx->sj, e)
  ALLOWED (CALL);
#undef CALL

  problems = zc_store_list_problems (fx->store, fx->sj_lead, fx->sj, &error);
  problem = g_list_model_get_item (problems, 0);
  pid = zc_record_get_id (ZC_RECORD (problem));
  g_assert_cmpint (zc_problem_get_raised_count (problem), ==, 1);
  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
#define CALL(e) add_item (fx, others[i], pid, e)
      REFUSED (CALL);
#undef CALL
    }
#define CALL(e) add_item (fx, fx->sj_lead, pid, e)
  ALLOWED (CALL);
#undef CALL
}

/* ---- row 7: report progress ----------------------------------------------------------------- */

static gboolean
report (ZcFixture *fx, ZcPerson *actor, ZcItem *item, GError **error)
{
  g_autoptr(ZcProgress) p = zc_store_report_progress (fx->store, actor, item, 30,
                                                      "已制定清单初稿", NULL, error);
  return p != NULL;
}

static void
test_row_progress (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");

  /* the responsible person and the unit's lead; not another employee, the leader, an
   * inspector or another unit's lead */
#define CALL(e) report (fx, fx->sj_emp2, item, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) report (fx, fx->leader, item, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) report (fx, fx->inspector, item, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) report (fx, fx->yl_lead, item, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) report (fx, fx->sj_emp, item, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) report (fx, fx->sj_lead, item, e)
  ALLOWED (CALL);
#undef CALL
}

/* ---- row 8: close out and reject: inspectors only -------------------------------------------- */

static gboolean
close_out (ZcFixture *fx, ZcPerson *actor, ZcItem *item, GError **error)
{
  return zc_store_close_out (fx->store, actor, item, "经现场核查，清单已上墙", error);
}

static gboolean
reject (ZcFixture *fx, ZcPerson *actor, ZcItem *item, GError **error)
{
  return zc_store_reject_closeout (fx->store, actor, item, "佐证材料不足", error);
}

static void
test_row_close_out (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
  g_autoptr(ZcProgress) p = zc_store_report_progress (fx->store, fx->sj_emp, item, 100, "已完成",
                                                      NULL, &error);
  ZcPerson *others[] = { fx->sj_emp, fx->sj_lead, fx->leader };

  g_assert_no_error (error);
  g_assert_true (zc_store_request_closeout (fx->store, fx->sj_lead, item, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
#define CALL(e) close_out (fx, others[i], item, e)
      REFUSED (CALL);
#undef CALL
#define CALL(e) reject (fx, others[i], item, e)
      REFUSED (CALL);
#undef CALL
    }
#define CALL(e) reject (fx, fx->inspector, item, e)
  ALLOWED (CALL);
#undef CALL
}

/* ---- row 9: supervision orders and assessments: inspectors only ------------------------------ */

static gboolean
issue (ZcFixture *fx, ZcPerson *actor, GError **error)
{
  g_autoptr(ZcOrder) o = zc_store_issue_order (fx->store, actor, 0, fx->sj, "整改进度滞后",
                                               "2026-04-15", error);
  return o != NULL;
}

static gboolean
merit (ZcFixture *fx, ZcPerson *actor, GError **error)
{
  g_autoptr(ZcMerit) m = zc_store_record_merit (fx->store, actor, fx->sj, 0,
                                                ZC_RECORD_KIND_COMMENDATION, NULL,
                                                "窗口服务群众满意度位列全市第一", error);
  return m != NULL;
}

static void
test_row_orders_assessment (ZcFixture *fx, gconstpointer data)
{
  ZcPerson *others[] = { fx->sj_emp, fx->sj_lead, fx->leader };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
#define CALL(e) issue (fx, others[i], e)
      REFUSED (CALL);
#undef CALL
#define CALL(e) merit (fx, others[i], e)
      REFUSED (CALL);
#undef CALL
    }
#define CALL(e) issue (fx, fx->inspector, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) merit (fx, fx->inspector, e)
  ALLOWED (CALL);
#undef CALL
}

/* ---- row 10: set up campaign, units, roster, lists: inspectors only -------------------------- */

static gboolean
setup_unit (ZcFixture *fx, ZcPerson *actor, GError **error)
{
  g_autoptr(ZcUnit) u = zc_unit_new ();
  g_autofree char *code = g_strdup_printf ("N%u", g_random_int () % 100000);

  zc_unit_set_code (u, code);
  zc_unit_set_name (u, "区划地名处");
  zc_unit_set_parent_id (u, fx->bur);
  return zc_store_save_unit (fx->store, actor, u, error);
}

static gboolean
setup_entry (ZcFixture *fx, ZcPerson *actor, GError **error)
{
  g_autoptr(ZcListEntry) e = zc_list_entry_new ();
  g_autofree char *code = g_strdup_printf ("custom%u", g_random_int () % 100000);

  zc_list_entry_set_kind (e, ZC_LIST_KIND_FOCUS_AREA);
  zc_list_entry_set_code (e, code);
  zc_list_entry_set_label (e, "殡葬管理");
  zc_list_entry_set_active (e, TRUE);
  return zc_store_save_entry (fx->store, actor, e, error);
}

static gboolean
setup_phase (ZcFixture *fx, ZcPerson *actor, GError **error)
{
  return zc_store_set_phase (fx->store, actor, ZC_PHASE_INSPECTION, error);
}

static gboolean
setup_campaign (ZcFixture *fx, ZcPerson *actor, GError **error)
{
  g_autoptr(ZcCampaign) c = zc_store_get_campaign (fx->store, NULL);

  zc_campaign_set_warning_days (c, 5);
  return zc_store_update_campaign (fx->store, actor, c, error);
}

static gboolean
setup_roster (ZcFixture *fx, ZcPerson *actor, GError **error)
{
  g_autofree char *path = zc_fixture_write (fx, "roster.csv",
                                            "staff_code,name,unit_code,post,roles,focus_post\n"
                                            "YL05,吴刚,YL,科员,employee,0\n");
  return zc_store_import_people_csv (fx->store, actor, path, NULL, error);
}

static void
test_row_setup (ZcFixture *fx, gconstpointer data)
{
  ZcPerson *others[] = { fx->sj_emp, fx->sj_lead, fx->leader };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
#define CALL(e) setup_unit (fx, others[i], e)
      REFUSED (CALL);
#undef CALL
#define CALL(e) setup_entry (fx, others[i], e)
      REFUSED (CALL);
#undef CALL
#define CALL(e) setup_phase (fx, others[i], e)
      REFUSED (CALL);
#undef CALL
#define CALL(e) setup_campaign (fx, others[i], e)
      REFUSED (CALL);
#undef CALL
#define CALL(e) setup_roster (fx, others[i], e)
      REFUSED (CALL);
#undef CALL
    }
#define CALL(e) setup_unit (fx, fx->inspector, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) setup_entry (fx, fx->inspector, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) setup_phase (fx, fx->inspector, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) setup_campaign (fx, fx->inspector, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) setup_roster (fx, fx->inspector, e)
  ALLOWED (CALL);
#undef CALL
}

/* ---- row 11: read ledgers, published commitments, dashboards --------------------------------- */

static gboolean
read_ledger (ZcFixture *fx, ZcPerson *actor, gint64 unit, GError **error)
{
  ZcItemQuery q = ZC_ITEM_QUERY_INIT;
  g_autoptr(GListModel) items = NULL;

  q.unit_id = unit;
  items = zc_store_list_items (fx->store, actor, &q, error);
  return items != NULL;
}

static gboolean
read_stats (ZcFixture *fx, ZcPerson *actor, gint64 unit, GError **error)
{
  ZcStats stats;

  return zc_store_get_stats (fx->store, actor, unit, &stats, error);
}

static void
test_row_read_ledgers (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
  ZcItemQuery q = ZC_ITEM_QUERY_INIT;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GListModel) yl = NULL;

  /* employee and lead: own unit's */
#define CALL(e) read_ledger (fx, fx->sj_emp2, fx->sj, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) read_ledger (fx, fx->sj_emp2, fx->yl, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) read_stats (fx, fx->sj_emp2, fx->sj, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) read_stats (fx, fx->sj_emp2, 0, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) read_ledger (fx, fx->yl_lead, fx->yl, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) read_ledger (fx, fx->yl_lead, fx->sj, e)
  REFUSED (CALL);
#undef CALL
  /* leader in charge: units in charge */
#define CALL(e) read_ledger (fx, fx->leader, fx->sj, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) read_ledger (fx, fx->leader, fx->yl, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) read_stats (fx, fx->leader, fx->ck, e)
  ALLOWED (CALL);
#undef CALL
  /* inspector: all */
#define CALL(e) read_ledger (fx, fx->inspector, fx->yl, e)
  ALLOWED (CALL);
#undef CALL
#define CALL(e) read_stats (fx, fx->inspector, 0, e)
  ALLOWED (CALL);
#undef CALL

  /* An unfiltered list never leaks other units' rows. */
  mine = zc_store_list_items (fx->store, fx->yl_lead, &q, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 0);
  yl = zc_store_list_items (fx->store, fx->sj_emp2, &q, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (yl), ==, 1);
}

/* ---- no actor: the holder of the file reads what is on record and changes nothing -------- */

static gboolean
no_actor_merit (ZcFixture *fx, GError **error)
{
  return merit (fx, NULL, error);
}

static gboolean
no_actor_phase (ZcFixture *fx, GError **error)
{
  return setup_phase (fx, NULL, error);
}

static void
test_no_actor (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
  g_autoptr(ZcFinding) draft = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) people = NULL;
  ZcItemQuery q = ZC_ITEM_QUERY_INIT;
  ZcStats stats;

  items = zc_store_list_items (fx->store, NULL, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_true (zc_store_get_stats (fx->store, NULL, 0, &stats, &error));
  people = zc_store_list_participation (fx->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 10);

  /* Drafts stay private. */
  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  draft = zc_fixture_finding (fx, fx->yl_emp, "草稿");
  form = zc_store_get_form (fx->store, NULL, zc_finding_get_form_id (draft), &error);
  g_assert_null (form);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);

  /* Nothing is written. */
#define CALL(e) no_actor_merit (fx, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) no_actor_phase (fx, e)
  REFUSED (CALL);
#undef CALL
#define CALL(e) report (fx, NULL, item, e)
  REFUSED (CALL);
#undef CALL
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define FX(path, fn) g_test_add (path, ZcFixture, NULL, zc_fixture_setup, fn, zc_fixture_teardown)
  FX ("/policy/own-form-and-suggest", test_row_own_form_and_suggest);
  FX ("/policy/nobody-edits-others-form", test_row_nobody_edits_others_form);
  FX ("/policy/drafts-private", test_row_drafts_private);
  FX ("/policy/read-submitted", test_row_read_submitted);
  FX ("/policy/review", test_row_review);
  FX ("/policy/anonymous", test_row_anonymous);
  FX ("/policy/build-lists", test_row_build_lists);
  FX ("/policy/progress", test_row_progress);
  FX ("/policy/close-out", test_row_close_out);
  FX ("/policy/orders-assessment", test_row_orders_assessment);
  FX ("/policy/setup", test_row_setup);
  FX ("/policy/read-ledgers", test_row_read_ledgers);
  FX ("/policy/no-actor", test_no_actor);
  return g_test_run ();
}
