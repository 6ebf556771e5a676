/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>

#include "zc-ledger-csv.h"
#include "zc-limits.h"
#include "zc-test-util.h"

/* ---- deadlines ------------------------------------------------------------------------ */

typedef struct
{
  const char *text;
  gboolean    understood;
  ZcTermType  term;
  const char *date;
  gboolean    ongoing;
} DeadlineCase;

#define NONE ZC_TERM_TYPE_NONE
#define IMM  ZC_TERM_TYPE_IMMEDIATE
#define DL   ZC_TERM_TYPE_DEADLINE
#define ONG  ZC_TERM_TYPE_ONGOING

static const DeadlineCase deadline_cases[] = {
  /* nothing written */
  { "", TRUE, NONE, NULL, FALSE },
  { NULL, TRUE, NONE, NULL, FALSE },
  { "  \u3000 ", TRUE, NONE, NULL, FALSE },
  /* dates */
  { "2022-06-30", TRUE, DL, "2022-06-30", FALSE },
  { "2022-6-30", TRUE, DL, "2022-06-30", FALSE },
  { "2022/6/30", TRUE, DL, "2022-06-30", FALSE },
  { "2022/06/30", TRUE, DL, "2022-06-30", FALSE },
  { "2022.6.30", TRUE, DL, "2022-06-30", FALSE },
  { "20220630", TRUE, DL, "2022-06-30", FALSE },
  { "2022年6月30日", TRUE, DL, "2022-06-30", FALSE },
  { "2022年6月30号", TRUE, DL, "2022-06-30", FALSE },
  { "2022年06月30日前", TRUE, DL, "2022-06-30", FALSE },
  { "2022年6月30日之前完成", TRUE, DL, "2022-06-30", FALSE },
  { "２０２２年６月３０日", TRUE, DL, "2022-06-30", FALSE },
  { "２０２２－０６－３０", TRUE, DL, "2022-06-30", FALSE },
  { "二〇二二年六月三十日", TRUE, DL, "2022-06-30", FALSE },
  { "二零二二年十二月三十一日前", TRUE, DL, "2022-12-31", FALSE },
  { "于2022年6月30日前整改到位。", TRUE, DL, "2022-06-30", FALSE },
  { "截至2022年6月30日", TRUE, DL, "2022-06-30", FALSE },
  { "2024年2月29日", TRUE, DL, "2024-02-29", FALSE },
  /* months and parts of a year */
  { "2022年6月底前", TRUE, DL, "2022-06-30", FALSE },
  { "2022年6月底", TRUE, DL, "2022-06-30", FALSE },
  { "2022年6月末", TRUE, DL, "2022-06-30", FALSE },
  { "2022年6月", TRUE, DL, "2022-06-30", FALSE },
  { "2022年2月", TRUE, DL, "2022-02-28", FALSE },
  { "2022年6月前", TRUE, DL, "2022-06-30", FALSE },
  { "2022年6月中旬", TRUE, DL, "2022-06-20", FALSE },
  { "2022年6月上旬", TRUE, DL, "2022-06-10", FALSE },
  { "2022年6月下旬", TRUE, DL, "2022-06-30", FALSE },
  { "2022-06", TRUE, DL, "2022-06-30", FALSE },
  { "2022.9", TRUE, DL, "2022-09-30", FALSE },
  { "2022年底前", TRUE, DL, "2022-12-31", FALSE },
  { "2022年底", TRUE, DL, "2022-12-31", FALSE },
  { "2022年年底前", TRUE, DL, "2022-12-31", FALSE },
  { "2022年内", TRUE, DL, "2022-12-31", FALSE },
  { "2022年上半年", TRUE, DL, "2022-06-30", FALSE },
  { "2022年下半年", TRUE, DL, "2022-12-31", FALSE },
  { "2022年第三季度", TRUE, DL, "2022-09-30", FALSE },
  { "2022年一季度末", TRUE, DL, "2022-03-31", FALSE },
  /* without a year: the campaign's (2026 here) */
  { "6月底前", TRUE, DL, "2026-06-30", FALSE },
  { "六月底前", TRUE, DL, "2026-06-30", FALSE },
  { "6月30日前", TRUE, DL, "2026-06-30", FALSE },
  { "6月30日", TRUE, DL, "2026-06-30", FALSE },
  { "12月", TRUE, DL, "2026-12-31", FALSE },
  { "年底前", TRUE, DL, "2026-12-31", FALSE },
  { "6/30", TRUE, DL, "2026-06-30", FALSE },
  /* term types */
  { "立行立改", TRUE, IMM, NULL, FALSE },
  { "即知即改", TRUE, IMM, NULL, FALSE },
  { "长期坚持", TRUE, ONG, NULL, TRUE },
  { "长期", TRUE, ONG, NULL, TRUE },
  { "持续推进", TRUE, ONG, NULL, TRUE },
  { "立行立改，长期坚持", TRUE, IMM, NULL, TRUE },
  { "立行立改,长期坚持", TRUE, IMM, NULL, TRUE },
  { "立行立改、长期坚持", TRUE, IMM, NULL, TRUE },
  { "立行立改；长期坚持", TRUE, IMM, NULL, TRUE },
  { "立行立改 长期坚持", TRUE, IMM, NULL, TRUE },
  { "立行立改\n长期坚持", TRUE, IMM, NULL, TRUE },
  { "立行立改并长期坚持", TRUE, IMM, NULL, TRUE },
  { "长期坚持，立行立改", TRUE, IMM, NULL, TRUE },
  /* a term type with a date */
  { "限期整改，2022年6月底前", TRUE, DL, "2022-06-30", FALSE },
  { "限期整改（2022年6月30日）", TRUE, DL, "2022-06-30", FALSE },
  { "限期整改：2022-06-30", TRUE, DL, "2022-06-30", FALSE },
  { "限期整改，６月底前完成", TRUE, DL, "2026-06-30", FALSE },
  { "立行立改，2022年5月31日前完成", TRUE, IMM, "2022-05-31", FALSE },
  { "2022年6月底前完成，长期坚持", TRUE, DL, "2022-06-30", TRUE },
  /* not understood: kept as written */
  { "限期整改", FALSE, NONE, NULL, FALSE },
  { "待上级通知后确定", FALSE, NONE, NULL, FALSE },
  { "2022年6月底前完成制度修订，12月底前全面完成", FALSE, NONE, NULL, FALSE },
  { "2022年6月底前，12月底前", FALSE, NONE, NULL, FALSE },
  { "2022-02-30", FALSE, NONE, NULL, FALSE },
  { "2022年13月", FALSE, NONE, NULL, FALSE },
  { "2022", FALSE, NONE, NULL, FALSE },
  { "13月底前", FALSE, NONE, NULL, FALSE },
  { "30/6", FALSE, NONE, NULL, FALSE },
  { "尽快", FALSE, NONE, NULL, FALSE },
  { "ASAP", FALSE, NONE, NULL, FALSE },
  { "2022年6月30日前后", FALSE, NONE, NULL, FALSE },
};

static void
test_deadline_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (deadline_cases); i++)
    {
      const DeadlineCase *c = &deadline_cases[i];
      ZcDeadline d;

      zc_deadline_parse (c->text, 2026, &d);
      if (d.understood != c->understood || d.term_type != c->term ||
          g_strcmp0 (d.date, c->date) != 0 || d.ongoing != c->ongoing)
        g_error ("“%s”: understood %d term %d date %s ongoing %d; expected %d %d %s %d",
                 c->text ? c->text : "(null)", d.understood, d.term_type,
                 d.date ? d.date : "(null)", d.ongoing, c->understood, c->term,
                 c->date ? c->date : "(null)", c->ongoing);
      zc_deadline_clear (&d);
    }
}

/* ---- helpers ---------------------------------------------------------------------------- */

static char *
messy_path (void)
{
  const char *src = g_getenv ("ZICHA_SOURCE_DIR");

  if (src != NULL)
    return g_build_filename (src, "tests", "unit", "data", "ledger-messy.csv", NULL);
  return g_test_build_filename (G_TEST_DIST, "data", "ledger-messy.csv", NULL);
}

static gint64
count (ZcStore    *store,
       const char *sql)
{
  return zc_store_query_int (store, -1, sql, NULL);
}

static ZcImportReport *
import_ok (ZcFixture  *fx,
           ZcPerson   *actor,
           gint64      unit_id,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  ZcImportReport *report = NULL;

  gboolean ok = zc_store_import_ledger_csv (fx->store, actor, unit_id, path, &report, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->errors->len, ==, 0);
  return report;
}

static ZcItem *
item_by_measure (GListModel *items,
                 const char *measure)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ZcItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (zc_item_get_measure (item), measure) == 0)
        return g_steal_pointer (&item);
    }
  g_error ("no item “%s”", measure);
  return NULL;
}

static gboolean
has_warning (ZcImportReport *report,
             guint           row,
             const char     *fragment)
{
  for (guint i = 0; i < report->warnings->len; i++)
    {
      ZcImportIssue *issue = g_ptr_array_index (report->warnings, i);

      if (issue->row == row && strstr (issue->message, fragment) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
dump_report (ZcImportReport *report)
{
  for (guint i = 0; i < report->warnings->len; i++)
    {
      ZcImportIssue *issue = g_ptr_array_index (report->warnings, i);

      g_test_message ("warning, row %u: %s", issue->row, issue->message);
    }
  for (guint i = 0; i < report->errors->len; i++)
    {
      ZcImportIssue *issue = g_ptr_array_index (report->errors, i);

      g_test_message ("error, row %u: %s", issue->row, issue->message);
    }
}

/* ---- import ------------------------------------------------------------------------------ */

static void
test_import_messy (ZcFixture     *fx,
                   gconstpointer  data)
{
  g_autofree char *path = messy_path ();
  g_autoptr(ZcImportReport) report = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) first = NULL, second = NULL, immediate = NULL, title = NULL, unknown = NULL,
                    combined = NULL, code = NULL, closed = NULL, month = NULL, quoted = NULL,
                    with_date = NULL, both = NULL, ongoing = NULL, quarter = NULL, campaign_year = NULL;
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;
  gint64 leader = zc_record_get_id (ZC_RECORD (fx->leader));
  gint64 audit_before = count (fx->store, "SELECT count(*) FROM audit");

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  zc_store_set_today (fx->store, "2026-06-01");

  report = import_ok (fx, fx->sj_lead, fx->sj, path);
  dump_report (report);
  g_assert_cmpuint (report->rows, ==, 16);
  /* 15 items, 14 problems for them (rows 1 and 2 share one) and 1 waiting for measures */
  g_assert_cmpuint (report->created, ==, 30);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM item"), ==, 15);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM problem"), ==, 15);
  /* every record has its audit entry */
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM audit WHERE action = 'import_ledger'"),
                   ==, 30);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM audit"), >=, audit_before + 30);

  g_assert_true (has_warning (report, 7, "钱进"));
  g_assert_true (has_warning (report, 13, "街道办事处"));
  g_assert_true (has_warning (report, 13, "close"));
  g_assert_true (has_warning (report, 14, "其他问题"));
  g_assert_true (has_warning (report, 17, "待上级通知后确定"));
  g_assert_true (has_warning (report, 17, "情况良好"));
  g_assert_cmpuint (report->warnings->len, ==, 6);

  query.unit_id = fx->sj;
  items = zc_store_list_items (fx->store, fx->sj_lead, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 15);

  /* multi-line cells, a shared problem, 序号 kept */
  first = item_by_measure (items, "1.修订低保审核工作规程；\n2.开展入户调查专项培训");
  second = item_by_measure (items, "对2025年以来新增低保对象逐户复核");
  g_assert_cmpint (zc_item_get_problem_id (first), ==, zc_item_get_problem_id (second));
  g_assert_cmpint (zc_item_get_number (first), ==, 1);
  g_assert_cmpint (zc_item_get_number (second), ==, 2);
  g_assert_cmpint (zc_item_get_term_type (first), ==, ZC_TERM_TYPE_DEADLINE);
  g_assert_cmpstr (zc_item_get_deadline (first), ==, "2026-06-30");
  g_assert_cmpstr (zc_item_get_deadline (second), ==, "2026-09-30");
  g_assert_cmpint (zc_item_get_leader_id (first), ==, leader);
  g_assert_cmpint (zc_item_get_person_id (first), ==, zc_record_get_id (ZC_RECORD (fx->sj_emp)));
  g_assert_null (zc_item_get_unit_text (first));
  g_assert_cmpint (zc_item_get_state (first), ==, ZC_ITEM_STATE_IN_PROGRESS);
  g_assert_cmpstr (zc_item_get_progress_text (first), ==, "已修订规程初稿");
  g_assert_cmpint (zc_item_get_state (second), ==, ZC_ITEM_STATE_PLANNED);

  immediate = item_by_measure (items, "制作政策明白卡，实行首问负责和一次性告知");
  g_assert_cmpint (zc_item_get_term_type (immediate), ==, ZC_TERM_TYPE_IMMEDIATE);
  g_assert_null (zc_item_get_deadline (immediate));
  g_assert_null (zc_item_get_deadline_text (immediate));
  g_assert_cmpint (zc_item_get_state (immediate), ==, ZC_ITEM_STATE_AWAITING_CLOSEOUT);
  g_assert_cmpint (zc_item_get_progress (immediate), ==, 100);
  g_assert_cmpint (zc_item_get_leader_id (immediate), ==,
                   zc_record_get_id (ZC_RECORD (fx->sj_lead)));

  /* a title in brackets, full-width digits, an unknown person kept as written */
  title = item_by_measure (items, "压缩审批时限至5个工作日");
  g_assert_cmpint (zc_item_get_leader_id (title), ==, leader);
  g_assert_null (zc_item_get_leader_text (title));
  g_assert_cmpstr (zc_item_get_deadline (title), ==, "2026-06-30");
  g_assert_cmpint (zc_item_get_person_id (title), ==, 0);
  g_assert_cmpstr (zc_item_get_person_text (title), ==, "钱进");

  code = item_by_measure (items, "建立资金发放月度对账制度");
  g_assert_cmpstr (zc_item_get_deadline (code), ==, "2026-12-31");
  g_assert_null (zc_item_get_unit_text (code));   /* "SJ" is this unit's code */

  combined = item_by_measure (items, "每季度开展一次走访，\n建立走访台账");
  g_assert_cmpint (zc_item_get_term_type (combined), ==, ZC_TERM_TYPE_IMMEDIATE);
  g_assert_null (zc_item_get_deadline (combined));
  g_assert_cmpstr (zc_item_get_deadline_text (combined), ==, "立行立改，长期坚持");
  g_assert_cmpint (zc_item_get_state (combined), ==, ZC_ITEM_STATE_IN_PROGRESS);

  campaign_year = item_by_measure (items, "制定年度学习计划");
  g_assert_cmpstr (zc_item_get_deadline (campaign_year), ==, "2026-06-30");

  closed = item_by_measure (items, "在社区张贴政策宣传海报");
  g_assert_cmpstr (zc_item_get_deadline (closed), ==, "2026-08-31");
  g_assert_cmpstr (zc_item_get_unit_text (closed), ==, "街道办事处");
  g_assert_cmpint (zc_item_get_state (closed), ==, ZC_ITEM_STATE_AWAITING_CLOSEOUT);

  month = item_by_measure (items, "精简会议文件，每月督查一次");
  g_assert_cmpstr (zc_item_get_deadline (month), ==, "2026-07-31");

  quoted = item_by_measure (items, "开展一次性告知制度专题学习");
  g_assert_cmpstr (zc_item_get_problem_text (quoted), ==, "窗口人员对\"一次性告知\"理解不到位");
  g_assert_cmpstr (zc_item_get_deadline (quoted), ==, "2026-06-30");
  g_assert_cmpint (zc_item_get_state (quoted), ==, ZC_ITEM_STATE_IN_PROGRESS);

  unknown = item_by_measure (items, "建立督导清单");
  g_assert_cmpint (zc_item_get_term_type (unknown), ==, ZC_TERM_TYPE_NONE);
  g_assert_null (zc_item_get_deadline (unknown));
  g_assert_cmpstr (zc_item_get_deadline_text (unknown), ==, "待上级通知后确定");
  g_assert_cmpstr (zc_item_get_state_text (unknown), ==, "情况良好");
  g_assert_cmpint (zc_item_get_state (unknown), ==, ZC_ITEM_STATE_PLANNED);
  g_assert_cmpint (zc_item_get_light (unknown), ==, ZC_LIGHT_NONE);

  with_date = item_by_measure (items, "落实用车登记制度");
  g_assert_cmpint (zc_item_get_term_type (with_date), ==, ZC_TERM_TYPE_IMMEDIATE);
  g_assert_cmpstr (zc_item_get_deadline (with_date), ==, "2026-05-31");
  /* past its date and not closed out yet */
  g_assert_cmpint (zc_item_get_light (with_date), ==, ZC_LIGHT_RED);

  both = item_by_measure (items, "健全夜间值班\n制度");
  g_assert_cmpint (zc_item_get_term_type (both), ==, ZC_TERM_TYPE_DEADLINE);
  g_assert_cmpstr (zc_item_get_deadline (both), ==, "2026-07-15");
  g_assert_null (zc_item_get_deadline_text (both));

  ongoing = item_by_measure (items, "编印低保政策问答手册");
  g_assert_cmpint (zc_item_get_term_type (ongoing), ==, ZC_TERM_TYPE_ONGOING);
  g_assert_null (zc_item_get_deadline_text (ongoing));

  quarter = item_by_measure (items, "每月比对更新救助对象信息");
  g_assert_cmpstr (zc_item_get_deadline (quarter), ==, "2026-09-30");

  /* the problem waiting for its measures, without its unknown category */
  problems = zc_store_list_problems (fx->store, fx->sj_lead, fx->sj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 15);
  g_assert_cmpint (zc_store_query_int (fx->store, -1, "SELECT count(*) FROM problem p WHERE "
                                       "title = '部分档案资料归档不及时' AND category_id IS NULL "
                                       "AND NOT EXISTS (SELECT 1 FROM item WHERE problem_id = p.id)",
                                       NULL), ==, 1);
  g_assert_cmpint (zc_store_query_int (fx->store, -1, "SELECT count(*) FROM problem WHERE "
                                       "category_id IS NULL", NULL), ==, 1);

  zc_assert_verified (fx->store);
}

static void
test_import_long_problem (ZcFixture     *fx,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new ("问题,整改措施\n");
  g_autoptr(ZcImportReport) report = NULL;
  g_autoptr(ZcImportReport) again = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  while (g_utf8_strlen (text->str, -1) < 300)
    g_string_append (text, "部分工作人员在受理救助申请时对材料要求解释不清，");
  g_string_append_printf (csv, "%s,措施一\n%s,措施二\n", text->str, text->str);
  path = zc_fixture_write (fx, "long.csv", csv->str);

  report = import_ok (fx, fx->sj_lead, fx->sj, path);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM problem"), ==, 1);
  g_assert_cmpint (zc_store_query_int (fx->store, -1, "SELECT length (title) FROM problem", NULL),
                   ==, 120);

  /* the export writes the whole text back, and importing it changes nothing */
  out = g_build_filename (fx->dir, "long-out.csv", NULL);
  g_assert_true (zc_store_export_ledger_csv (fx->store, fx->sj_lead, fx->sj, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, text->str));
  again = import_ok (fx, fx->sj_lead, fx->sj, out);
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (again->warnings->len, ==, 0);
}

/* Alone with the file, the import writes with a rollback journal and leaves the file in WAL
 * mode; with the file open elsewhere (a window), it stays in WAL and the other connection
 * reads what it wrote. */
static void
test_import_journal (ZcFixture     *fx,
                     gconstpointer  data)
{
  g_autoptr(ZcImportReport) first = NULL;
  g_autoptr(ZcImportReport) second = NULL;
  g_autoptr(ZcStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  a = zc_fixture_write (fx, "a.csv", "问题,整改措施\n窗口服务态度生硬,开展文明服务培训\n");
  b = zc_fixture_write (fx, "b.csv", "问题,整改措施\n办事流程繁琐,精简申请材料\n");

  first = import_ok (fx, fx->sj_lead, fx->sj, a);
  g_assert_cmpuint (first->created, ==, 2);
  mode = zc_store_query_text (fx->store, "PRAGMA journal_mode", NULL);
  g_assert_cmpstr (mode, ==, "wal");
  g_clear_pointer (&mode, g_free);

  other = zc_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (other, "SELECT count(*) FROM item"), ==, 1);
  second = import_ok (fx, fx->sj_lead, fx->sj, b);
  g_assert_cmpuint (second->created, ==, 2);
  mode = zc_store_query_text (fx->store, "PRAGMA journal_mode", NULL);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (count (other, "SELECT count(*) FROM item"), ==, 2);
  g_assert_true (zc_store_verify (other, NULL, &error));
  g_assert_no_error (error);

  /* What the import asked for: no rollback journal while another connection is open. */
  g_assert_false (zc_store_leave_wal (fx->store));
  g_clear_object (&other);
  g_assert_true (zc_store_leave_wal (fx->store));
  zc_store_back_to_wal (fx->store, TRUE);
  g_clear_pointer (&mode, g_free);
  mode = zc_store_query_text (fx->store, "PRAGMA journal_mode", NULL);
  g_assert_cmpstr (mode, ==, "wal");
}

static void
assert_import_fails (ZcFixture  *fx,
                     const char *name,
                     const char *contents,
                     gsize       length,
                     guint       row,
                     const char *fragment)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autoptr(ZcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit = count (fx->store, "SELECT count(*) FROM audit");

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_false (zc_store_import_ledger_csv (fx->store, fx->sj_lead, fx->sj, path, &report,
                                              &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_test_message ("%s: %s", name, error->message);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not name “%s”", error->message, fragment);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->errors->len, >=, 1);
  if (row > 0)
    g_assert_cmpuint (((ZcImportIssue *) g_ptr_array_index (report->errors, 0))->row, ==, row);
  g_assert_cmpuint (report->created, ==, 0);
  /* nothing of the file was written */
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM problem"), ==, 0);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM item"), ==, 0);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM audit"), ==, audit);
}

static void
test_import_errors (ZcFixture     *fx,
                    gconstpointer  data)
{
  g_autofree char *long_measure = NULL;
  g_autofree char *too_long = NULL;
  GString *s = g_string_new (NULL);

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);

  /* row 4 has a measure but no problem */
  assert_import_fails (fx, "no-problem.csv",
                       "序号,问题描述,整改措施,整改时限\n"
                       "1,窗口服务态度生硬,开展文明服务培训,2026年6月底前\n"
                       "2,办事效率低,\"压缩办理时限，\n实行限时办结\",2026-07-31\n"
                       "3,,建立督办台账,2026-08-31\n"
                       "4,审核把关不严,落实双人复核,立行立改\n",
                       -1, 5, "row 5");
  assert_import_fails (fx, "no-problem-column.csv",
                       "序号,整改措施,整改时限\n1,开展文明服务培训,2026年6月底前\n",
                       -1, 1, "row 1");
  assert_import_fails (fx, "broken-quote.csv",
                       "问题,整改措施\n窗口服务态度生硬,开展培训\n\"办事效率低,压缩时限\n",
                       -1, 0, "Line 3");
  assert_import_fails (fx, "bad-quote.csv",
                       "问题,整改措施\n窗口服务\"态度\"生硬,开展培训\n", -1, 0, "Line 2");
  assert_import_fails (fx, "gbk.csv", "\xCE\xCA\xCC\xE2,\xB4\xEB\xCA\xA9\n", 8, 0, "Line 1");

  for (guint i = 0; i < ZC_LIMIT_MEASURE + 1; i++)
    g_string_append (s, "改");
  long_measure = g_string_free (s, FALSE);
  too_long = g_strdup_printf ("问题,整改措施\n窗口服务态度生硬,开展培训\n办事效率低,%s\n",
                              long_measure);
  assert_import_fails (fx, "too-long.csv", too_long, -1, 3, "2000");
}

static void
test_import_refused (ZcFixture     *fx,
                     gconstpointer  data)
{
  g_autofree char *path = messy_path ();
  g_autoptr(GError) error = NULL;

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);

  /* an employee, another unit's lead, an inspector */
  g_assert_false (zc_store_import_ledger_csv (fx->store, fx->sj_emp, fx->sj, path, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (zc_store_import_ledger_csv (fx->store, fx->yl_lead, fx->sj, path, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (zc_store_import_ledger_csv (fx->store, fx->inspector, fx->sj, path, NULL,
                                              &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (zc_store_import_ledger_csv (fx->store, NULL, fx->sj, path, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);

  /* not once the campaign is being evaluated */
  zc_fixture_phase (fx, ZC_PHASE_EVALUATION);
  g_assert_false (zc_store_import_ledger_csv (fx->store, fx->sj_lead, fx->sj, path, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM item"), ==, 0);
}

/* ---- export and the round trip ------------------------------------------------------------ */

static char *
export_to (ZcFixture  *fx,
           ZcPerson   *actor,
           gint64      unit_id,
           const char *name)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (zc_store_export_ledger_csv (fx->store, actor, unit_id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_export_format (ZcFixture     *fx,
                    gconstpointer  data)
{
  g_autofree char *path = messy_path ();
  g_autoptr(ZcImportReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *all = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *denied = g_build_filename (fx->dir, "denied.csv", NULL);
  g_autoptr(ZcListEntry) style = NULL;
  g_autofree char *row = NULL;

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  zc_store_set_today (fx->store, "2026-06-28");
  report = import_ok (fx, fx->sj_lead, fx->sj, path);

  csv = export_to (fx, fx->sj_lead, fx->sj, "sj.csv");
  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "序号,问题描述,问题类别,整改措施,整改类型,"
                                        "责任领导,责任单位,责任人,整改时限,整改进展,完成情况,"
                                        "红黄绿灯\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  /* rows as stored: multi-line cells quoted, names and texts kept as written, lights */
  /* (categories are the official Chinese terms in any locale: the ledger is handed on) */
  style = zc_store_find_entry (fx->store, ZC_LIST_KIND_CATEGORY, "style");
  row = g_strdup_printf ("1,低保审核审批程序执行不规范，入户调查流于形式,%s,"
                         "\"1.修订低保审核工作规程；\n2.开展入户调查专项培训\",限期整改,"
                         "王建国,社会救助处,张伟,2026-06-30,已修订规程初稿,整改中,黄灯\r\n",
                         zc_list_entry_get_official_label (style));
  g_assert_cmpstr (zc_list_entry_get_official_label (style), ==, "工作作风");
  g_assert_nonnull (strstr (csv, row));
  g_assert_nonnull (strstr (csv, ",钱进,2026-06-30,,整改中,"));
  g_assert_nonnull (strstr (csv, ",立行立改，长期坚持,,整改中,\r\n"));
  g_assert_nonnull (strstr (csv, ",建立督导清单,,,社会救助处,张伟,待上级通知后确定,,情况良好,\r\n"));
  g_assert_nonnull (strstr (csv, ",街道办事处,张伟,2026-08-31,,已完成,绿灯\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n,部分档案资料归档不及时,,,,,,,,,,\r\n"));
  g_assert_nonnull (strstr (csv, "\"窗口人员对\"\"一次性告知\"\"理解不到位\""));

  /* the inspector reads every unit; a unit's employee reads nothing of another unit */
  all = export_to (fx, fx->inspector, 0, "all.csv");
  g_assert_cmpstr (all, ==, csv);
  empty = export_to (fx, fx->yl_lead, 0, "yl.csv");
  g_assert_cmpuint (strlen (empty), ==, (gsize) (strstr (csv, "\r\n") + 2 - csv));
  g_assert_false (zc_store_export_ledger_csv (fx->store, fx->yl_lead, fx->sj, denied, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_assert_false (g_file_test (denied, G_FILE_TEST_EXISTS));
}

/* The items of a store as text, ids replaced by names, in ledger order. */
static char *
describe_items (ZcStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = zc_store_stmt (store,
                                      "SELECT i.number, pr.number, pr.title, pr.description, "
                                      " pr.category_id, i.measure, i.term_type, i.deadline, "
                                      " i.deadline_text, l.name, i.leader_text, pe.name, "
                                      " i.person_text, i.unit_text, i.progress_text, i.state, "
                                      " i.progress, i.state_text "
                                      "FROM problem pr LEFT JOIN item i ON i.problem_id = pr.id "
                                      "LEFT JOIN person l ON l.id = i.leader_id "
                                      "LEFT JOIN person pe ON pe.id = i.person_id "
                                      "ORDER BY pr.number, i.number", NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s|", v ? v : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_round_trip (ZcFixture     *fx,
                 gconstpointer  data)
{
  g_autofree char *path = messy_path ();
  g_autoptr(ZcImportReport) report = NULL;
  g_autoptr(ZcImportReport) again = NULL;
  g_autoptr(ZcImportReport) other_report = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *items_before = NULL;
  g_autofree char *items_after = NULL;
  g_autofree char *items_other = NULL;
  ZcFixture other = { 0, };
  gint64 audit;

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  report = import_ok (fx, fx->sj_lead, fx->sj, path);
  first = export_to (fx, fx->sj_lead, fx->sj, "first.csv");
  first_path = g_build_filename (fx->dir, "first.csv", NULL);
  items_before = describe_items (fx->store);

  /* Importing the export into the same ledger changes nothing at all. */
  audit = count (fx->store, "SELECT count(*) FROM audit");
  again = import_ok (fx, fx->sj_lead, fx->sj, first_path);
  dump_report (again);
  g_assert_cmpuint (again->rows, ==, 16);
  g_assert_cmpuint (again->created, ==, 0);
  /* 钱进, 街道办事处, 待上级通知后确定 and 情况良好 are still kept as written */
  g_assert_cmpuint (again->warnings->len, ==, 4);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM audit"), ==, audit);
  items_after = describe_items (fx->store);
  g_assert_cmpstr (items_after, ==, items_before);
  second = export_to (fx, fx->sj_lead, fx->sj, "second.csv");
  g_assert_cmpstr (second, ==, first);

  /* Importing it into another campaign gives the same ledger, and the same file again. */
  zc_fixture_setup (&other, NULL);
  zc_fixture_phase (&other, ZC_PHASE_RECTIFICATION);
  other_report = import_ok (&other, other.sj_lead, other.sj, first_path);
  g_assert_cmpuint (other_report->created, ==, 30);
  items_other = describe_items (other.store);
  g_assert_cmpstr (items_other, ==, items_before);
  third = export_to (&other, other.sj_lead, other.sj, "third.csv");
  g_assert_cmpstr (third, ==, first);
  zc_fixture_teardown (&other, NULL);
}

static void
test_export_speed (ZcFixture     *fx,
                   gconstpointer  data)
{
  guint n = g_test_perf () ? 20000 : 2000;
  g_autoptr(GString) csv = g_string_new ("序号,问题描述,问题类别,整改措施,整改类型,责任领导,"
                                         "责任单位,责任人,整改时限,整改进展,完成情况\n");
  g_autoptr(ZcImportReport) report = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  double import_s, export_s;
  guint lines = 0;

  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (csv, "%u,第%u项问题：窗口服务态度生硬，对群众咨询不耐烦,服务态度,"
                                 "\"整改措施%u：开展文明服务培训，\n落实首问负责制\",限期整改,"
                                 "王建国,社会救助处,%s,2026年%u月底前,已开展培训,%s\n",
                            i, i / 3 + 1, i, i % 2 ? "张伟" : "刘芳", i % 12 + 1,
                            i % 3 ? "整改中" : "已完成");
  path = zc_fixture_write (fx, "big.csv", csv->str);

  g_timer_start (timer);
  report = import_ok (fx, fx->sj_lead, fx->sj, path);
  import_s = g_timer_elapsed (timer, NULL);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM item"), ==, n);

  out = g_build_filename (fx->dir, "big-out.csv", NULL);
  g_timer_start (timer);
  g_assert_true (zc_store_export_ledger_csv (fx->store, fx->sj_lead, fx->sj, out, &error));
  export_s = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  for (const char *p = contents; (p = strstr (p, "\r\n")) != NULL; p += 2)
    lines++;
  g_assert_cmpuint (lines, ==, n + 1);
  /* No timing assertion (machines differ); bench/ measures. */
  g_test_message ("%u items: import %.2f s, export %.3f s", n, import_s, export_s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/deadline/parse", test_deadline_parse);
#define ADD(path, fn) \
  g_test_add (path, ZcFixture, NULL, zc_fixture_setup, fn, zc_fixture_teardown)
  ADD ("/ledger/import/messy", test_import_messy);
  ADD ("/ledger/import/long-problem", test_import_long_problem);
  ADD ("/ledger/import/errors", test_import_errors);
  ADD ("/ledger/import/refused", test_import_refused);
  ADD ("/ledger/import/journal", test_import_journal);
  ADD ("/ledger/export/format", test_export_format);
  ADD ("/ledger/export/round-trip", test_round_trip);
  ADD ("/ledger/export/speed", test_export_speed);
#undef ADD

  return g_test_run ();
}
