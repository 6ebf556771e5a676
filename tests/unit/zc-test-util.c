/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "zc-test-util.h"

static const char units_csv[] =
  "code,name,parent_code,kind,focus\n"
  "BUR,临江市民政局,,bureau,0\n"
  "SJ,社会救助处,BUR,division,1\n"
  "YL,养老服务处,BUR,division,0\n"
  "CK,婚姻登记窗口,BUR,window,1\n"
  "OFF,办公室,BUR,division,0\n";

static const char people_csv[] =
  "staff_code,name,unit_code,post,roles,focus_post,in_charge\n"
  "JJ01,纪明,BUR,纪检组干部,inspector,0,\n"
  "LD01,王建国,BUR,副局长,leader,0,SJ;CK\n"
  "SJ01,李红,SJ,处长,lead;employee,0,\n"
  "SJ02,张伟,SJ,科员,employee,1,\n"
  "SJ03,刘芳,SJ,科员,employee,0,\n"
  "YL01,陈静,YL,处长,lead,0,\n"
  "YL02,杨洋,YL,科员,employee,0,\n"
  "CK01,赵敏,CK,主任,lead,0,\n"
  "CK02,黄磊,CK,窗口受理员,employee,1,\n"
  "OFF01,周强,OFF,科员,employee,0,\n";

char *
zc_fixture_write (ZcFixture  *fx,
                  const char *name,
                  const char *contents)
{
  char *path = g_build_filename (fx->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

ZcPerson *
zc_fixture_person (ZcFixture  *fx,
                   const char *code)
{
  g_autoptr(GError) error = NULL;
  ZcPerson *p = zc_store_get_person_by_code (fx->store, code, &error);

  g_assert_no_error (error);
  return p;
}

void
zc_fixture_setup (ZcFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCampaign) c = NULL;
  g_autofree char *units = NULL;
  g_autofree char *people = NULL;

  fx->dir = g_dir_make_tmp ("zicha-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "campaign.db", NULL);
  fx->store = zc_store_open (fx->path, &error);
  g_assert_no_error (error);
  zc_store_set_auth_delay (fx->store, 0);
  zc_store_set_today (fx->store, "2026-03-01");
  c = zc_store_init_campaign (fx->store, "2026年作风效能建设专项活动", "2026-03-01", &error);
  g_assert_no_error (error);

  units = zc_fixture_write (fx, "units.csv", units_csv);
  people = zc_fixture_write (fx, "people.csv", people_csv);
  g_assert_true (zc_store_import_units_csv (fx->store, NULL, units, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_import_people_csv (fx->store, NULL, people, NULL, &error));
  g_assert_no_error (error);

  fx->inspector = zc_fixture_person (fx, "JJ01");
  fx->leader = zc_fixture_person (fx, "LD01");
  fx->sj_lead = zc_fixture_person (fx, "SJ01");
  fx->sj_emp = zc_fixture_person (fx, "SJ02");
  fx->sj_emp2 = zc_fixture_person (fx, "SJ03");
  fx->yl_lead = zc_fixture_person (fx, "YL01");
  fx->yl_emp = zc_fixture_person (fx, "YL02");
  fx->ck_lead = zc_fixture_person (fx, "CK01");
  fx->ck_emp = zc_fixture_person (fx, "CK02");
  fx->off_emp = zc_fixture_person (fx, "OFF01");
  fx->bur = zc_person_get_unit_id (fx->inspector);
  fx->sj = zc_person_get_unit_id (fx->sj_lead);
  fx->yl = zc_person_get_unit_id (fx->yl_lead);
  fx->ck = zc_person_get_unit_id (fx->ck_lead);
  fx->off = zc_person_get_unit_id (fx->off_emp);
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
zc_fixture_teardown (ZcFixture     *fx,
                     gconstpointer  data)
{
  g_clear_object (&fx->inspector);
  g_clear_object (&fx->leader);
  g_clear_object (&fx->sj_lead);
  g_clear_object (&fx->sj_emp);
  g_clear_object (&fx->sj_emp2);
  g_clear_object (&fx->yl_lead);
  g_clear_object (&fx->yl_emp);
  g_clear_object (&fx->ck_lead);
  g_clear_object (&fx->ck_emp);
  g_clear_object (&fx->off_emp);
  g_clear_object (&fx->store);
  rm_rf (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

void
zc_fixture_phase (ZcFixture *fx,
                  ZcPhase    phase)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_store_set_phase (fx->store, fx->inspector, phase, &error));
  g_assert_no_error (error);
}

gint64
zc_fixture_entry (ZcFixture   *fx,
                  ZcListKind   kind,
                  const char  *code)
{
  g_autoptr(ZcListEntry) e = zc_store_find_entry (fx->store, kind, code);

  g_assert_nonnull (e);
  return zc_record_get_id (ZC_RECORD (e));
}

ZcFinding *
zc_fixture_finding (ZcFixture  *fx,
                    ZcPerson   *person,
                    const char *phenomenon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) form = zc_store_ensure_own_form (fx->store, person, &error);
  g_autoptr(ZcCause) cause = zc_cause_new ();
  ZcFinding *f = zc_finding_new ();

  g_assert_no_error (error);
  zc_finding_set_form_id (f, zc_record_get_id (ZC_RECORD (form)));
  zc_finding_set_category_id (f, zc_fixture_entry (fx, ZC_LIST_KIND_CATEGORY, "service"));
  zc_finding_set_phenomenon (f, phenomenon);
  zc_finding_set_example (f, "3月5日上午，一位老人咨询低保申请材料，我只说了句“材料不全，回去准备”。");
  zc_finding_set_benchmark_id (f, zc_fixture_entry (fx, ZC_LIST_KIND_BENCHMARK, "duties"));
  zc_finding_set_gap (f, "岗位职责要求一次性告知，我没有做到。");
  zc_finding_set_measure (f, "制作材料清单，首次接待时一次性书面告知。");
  zc_finding_set_term_type (f, ZC_TERM_TYPE_IMMEDIATE);
  g_assert_true (zc_store_save_finding (fx->store, person, f, &error));
  g_assert_no_error (error);

  zc_cause_set_finding_id (cause, zc_record_get_id (ZC_RECORD (f)));
  zc_cause_set_dimension_id (cause, zc_fixture_entry (fx, ZC_LIST_KIND_DIMENSION, "purpose"));
  zc_cause_set_text (cause, "宗旨意识淡薄，把窗口当成收件台。");
  g_assert_true (zc_store_save_cause (fx->store, person, cause, &error));
  g_assert_no_error (error);
  return f;
}

ZcForm *
zc_fixture_submitted_form (ZcFixture *fx,
                           ZcPerson  *person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFinding) f = zc_fixture_finding (fx, person, "对群众咨询不耐烦，解释政策简单生硬。");
  ZcForm *form = zc_store_ensure_own_form (fx->store, person, &error);

  g_assert_no_error (error);
  g_assert_true (zc_store_submit_form (fx->store, person, form, &error));
  g_assert_no_error (error);
  return form;
}

ZcItem *
zc_fixture_item (ZcFixture  *fx,
                 ZcPerson   *lead,
                 ZcPerson   *author,
                 const char *deadline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFinding) f = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(ZcProblem) problem = NULL;
  ZcItem *item;
  gint64 ids[1];

  if (zc_store_effective_phase (fx->store, 0) != ZC_PHASE_INSPECTION)
    zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  form = zc_store_get_form_of (fx->store, author, zc_record_get_id (ZC_RECORD (author)), NULL);
  if (form == NULL)
    {
      g_autoptr(ZcForm) lead_form = NULL;

      if (lead != author)
        lead_form = zc_store_get_form_of (fx->store, lead, zc_record_get_id (ZC_RECORD (lead)),
                                          NULL);
      if (lead != author && lead_form == NULL)
        lead_form = zc_fixture_submitted_form (fx, lead);
      form = zc_fixture_submitted_form (fx, author);
      g_assert_true (zc_store_approve_form (fx->store, lead, form, "认真具体", &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(GListModel) findings = zc_store_list_form_findings (fx->store, lead,
                                                                  zc_record_get_id (ZC_RECORD (form)),
                                                                  &error);
    g_assert_no_error (error);
    f = g_list_model_get_item (findings, 0);
  }
  ids[0] = zc_record_get_id (ZC_RECORD (f));
  problem = zc_store_merge_findings (fx->store, lead, zc_person_get_unit_id (lead),
                                     "窗口服务态度生硬", "群众咨询时解释不耐心", 0,
                                     ZC_SEVERITY_GENERAL, ids, 1, &error);
  g_assert_no_error (error);
  zc_fixture_phase (fx, ZC_PHASE_RECTIFICATION);

  item = zc_item_new ();
  zc_item_set_problem_id (item, zc_record_get_id (ZC_RECORD (problem)));
  zc_item_set_measure (item, "制定一次性告知清单并上墙公示");
  zc_item_set_term_type (item, ZC_TERM_TYPE_DEADLINE);
  zc_item_set_deadline (item, deadline);
  zc_item_set_person_id (item, zc_record_get_id (ZC_RECORD (author)));
  g_assert_true (zc_store_save_item (fx->store, lead, item, &error));
  g_assert_no_error (error);
  return item;
}

void
zc_assert_verified (ZcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean ok = zc_store_verify (store, &problems, &error);

  g_assert_no_error (error);
  if (!ok)
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("verify: %s\n", (char *) problems->pdata[i]);
  g_assert_true (ok);
}
