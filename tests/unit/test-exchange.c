/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Exchange files. Three databases play the inspector's (I), a unit lead's (L) and an
 * employee's (E) computers and run a campaign by exchanging files only, while a fourth (S)
 * does the same steps as one shared installation: at the end the inspector sees the figures
 * S sees. Every refusal has its test, and a changed byte anywhere in a signed file is
 * caught.
 */

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "zc-exchange.h"
#include "zc-keys.h"
#include "zc-test-util.h"

#define PASS_I "纪检组口令2026"
#define PASS_L "养老处口令2026"
#define PASS_E "科员杨洋口令2026"

typedef struct
{
  ZcFixture  fi;         /* the inspector's computer: the fixture's bureau */
  ZcFixture  fs;         /* one shared installation doing the same steps */
  ZcStore   *l;          /* the lead YL01's computer */
  ZcStore   *e;          /* the employee YL02's computer */
  char      *evidence;   /* a file to attach */
  guint      n_files;
} World;

/* ---- helpers -------------------------------------------------------------------------- */

static ZcPerson *
person (ZcStore    *s,
        const char *code)
{
  g_autoptr(GError) error = NULL;
  ZcPerson *p = zc_store_get_person_by_code (s, code, &error);

  g_assert_no_error (error);
  return p;
}

static gint64
unit_id (ZcStore    *s,
         const char *code)
{
  g_autoptr(ZcUnit) u = zc_store_get_unit_by_code (s, code, NULL);

  g_assert_nonnull (u);
  return zc_record_get_id (ZC_RECORD (u));
}

static gint64
entry (ZcStore    *s,
       ZcListKind  kind,
       const char *code)
{
  g_autoptr(ZcListEntry) e = zc_store_find_entry (s, kind, code);

  g_assert_nonnull (e);
  return zc_record_get_id (ZC_RECORD (e));
}

/* Everything a database holds that an import could change, as one text. */
static char *
snapshot (ZcStore *s)
{
  const char * const *t;
  GString *out = g_string_new (NULL);

  for (t = zc_audited_tables; *t; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) || ':' || coalesce (group_concat "
                                              "(uuid || '/' || revision || '/' || updated, ','), "
                                              "'') FROM (SELECT * FROM %s ORDER BY uuid)", *t);
      g_autofree char *row = zc_store_query_text (s, sql, NULL);

      g_string_append_printf (out, "%s=%s\n", *t, row);
    }
  {
    g_autofree char *a = zc_store_query_text (s, "SELECT count(*) || ':' || coalesce (max (hash), "
                                                 "'') FROM audit", NULL);
    g_autofree char *m = zc_store_query_text (s, "SELECT group_concat (key || '=' || "
                                                 "length (value), ',') FROM (SELECT * FROM meta "
                                                 "ORDER BY key)", NULL);
    g_autofree char *links = zc_store_query_text (s, "SELECT (SELECT count(*) FROM "
                                                     "problem_finding) || '/' || (SELECT "
                                                     "count(*) FROM pledge_item)", NULL);
    g_autofree char *keys = zc_store_query_text (s, "SELECT group_concat (coalesce (pubkey, '-'), "
                                                    "',') FROM (SELECT pubkey FROM person ORDER BY "
                                                    "uuid)", NULL);

    g_string_append_printf (out, "audit=%s\nmeta=%s\nlinks=%s\nkeys=%s\n", a, m, links, keys);
  }
  return g_string_free (out, FALSE);
}

static ZcStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ZcStore *s = zc_store_open (path, &error);

  g_assert_no_error (error);
  zc_store_set_auth_delay (s, 0);
  zc_store_set_today (s, "2026-03-01");
  return s;
}

static void
set_passphrase (ZcStore    *s,
                const char *code,
                const char *pass)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);

  g_assert_true (zc_store_set_passphrase (s, p, NULL, pass, &error));
  g_assert_no_error (error);
  g_assert_nonnull (zc_person_get_pubkey (p));
}

static const char *
pass_of (const char *code)
{
  if (g_str_equal (code, "JJ01"))
    return PASS_I;
  if (g_str_equal (code, "YL01"))
    return PASS_L;
  return PASS_E;
}

static char *
export_file (World          *w,
             ZcStore        *s,
             const char     *code,
             ZcExchangeKind  kind,
             const char     *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  char *path = g_strdup_printf ("%s/%02u-%s-%s.zip", w->fi.dir, ++w->n_files, code,
                                zc_exchange_kind_to_string (kind));

  g_assert_true (zc_exchange_export (s, p, kind, unit ? unit_id (s, unit) : 0, pass_of (code),
                                     path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Imports @path and checks that a second import changes nothing at all. */
static ZcExchangeReport *
import_file (ZcStore    *s,
             const char *code,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) actor = code ? person (s, code) : NULL;
  g_autoptr(ZcExchangeReport) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ZcExchangeReport *report;

  report = zc_exchange_import (s, actor, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->not_merged->len; i++)
    g_test_message ("%s: not merged: %s", path, (char *) report->not_merged->pdata[i]);

  before = snapshot (s);
  again = zc_exchange_import (s, actor, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (again->changed);
  g_assert_cmpuint (again->n_created + again->n_updated + again->n_deleted, ==, 0);
  after = snapshot (s);
  g_assert_cmpstr (before, ==, after);
  zc_assert_verified (s);
  return report;
}

/* Refused with @code, and nothing written. */
static void
import_refused (ZcStore    *s,
                const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcExchangeReport) report = NULL;
  g_autofree char *before = snapshot (s);
  g_autofree char *after = NULL;

  report = zc_exchange_import (s, NULL, path, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, ZC_ERROR, code);
  g_test_message ("refused as expected: %s", error->message);
  after = snapshot (s);
  g_assert_cmpstr (before, ==, after);
}

static void
set_today (World      *w,
           const char *day)
{
  zc_store_set_today (w->fi.store, day);
  zc_store_set_today (w->fs.store, day);
  zc_store_set_today (w->l, day);
  zc_store_set_today (w->e, day);
}

static char *
stats_json (ZcStore    *s,
            const char *code,
            const char *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  ZcStats stats;

  g_assert_true (zc_store_get_stats (s, p, unit ? unit_id (s, unit) : 0, &stats, &error));
  g_assert_no_error (error);
  return zc_stats_to_json (&stats);
}

/* ---- the steps of the campaign, each done on one computer and on the shared one --------- */

static void
act_phase (ZcStore *s,
           ZcPhase  phase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, "JJ01");

  g_assert_true (zc_store_set_phase (s, p, phase, &error));
  g_assert_no_error (error);
}

static gint64
finding_by_text (ZcStore    *s,
                 const char *text)
{
  gint64 id = zc_store_query_int (s, 0, "SELECT id FROM finding WHERE phenomenon = ?", "s",
                                  text);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
act_finding (ZcStore    *s,
             const char *code,
             const char *phenomenon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcForm) form = zc_store_ensure_own_form (s, p, &error);
  g_autoptr(ZcFinding) f = zc_finding_new ();
  g_autoptr(ZcCause) cause = zc_cause_new ();

  g_assert_no_error (error);
  zc_finding_set_form_id (f, zc_record_get_id (ZC_RECORD (form)));
  zc_finding_set_category_id (f, entry (s, ZC_LIST_KIND_CATEGORY, "service"));
  zc_finding_set_phenomenon (f, phenomenon);
  zc_finding_set_example (f, "3月5日上午，一位老人咨询养老补贴，我只说了句“材料不全”。");
  zc_finding_set_benchmark_id (f, entry (s, ZC_LIST_KIND_BENCHMARK, "duties"));
  zc_finding_set_gap (f, "岗位职责要求一次性告知，我没有做到。");
  zc_finding_set_measure (f, "制作材料清单，首次接待时一次性书面告知。");
  zc_finding_set_term_type (f, ZC_TERM_TYPE_IMMEDIATE);
  g_assert_true (zc_store_save_finding (s, p, f, &error));
  g_assert_no_error (error);
  zc_cause_set_finding_id (cause, zc_record_get_id (ZC_RECORD (f)));
  zc_cause_set_dimension_id (cause, entry (s, ZC_LIST_KIND_DIMENSION, "purpose"));
  zc_cause_set_text (cause, "宗旨意识淡薄。");
  g_assert_true (zc_store_save_cause (s, p, cause, &error));
  g_assert_no_error (error);
}

static ZcForm *
form_of (ZcStore    *s,
         const char *reader,
         const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) r = person (s, reader);
  g_autoptr(ZcPerson) a = person (s, author);
  ZcForm *form = zc_store_get_form_of (s, r, zc_record_get_id (ZC_RECORD (a)), &error);

  g_assert_no_error (error);
  return form;
}

static void
act_submit (ZcStore    *s,
            const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcForm) form = form_of (s, code, code);

  g_assert_true (zc_store_submit_form (s, p, form, &error));
  g_assert_no_error (error);
}

static void
act_review (ZcStore    *s,
            const char *reviewer,
            const char *author,
            gboolean    approve,
            const char *comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) r = person (s, reviewer);
  g_autoptr(ZcForm) form = form_of (s, reviewer, author);

  if (approve)
    g_assert_true (zc_store_approve_form (s, r, form, comment, &error));
  else
    g_assert_true (zc_store_return_form (s, r, form, comment, &error));
  g_assert_no_error (error);
}

static void
act_comment (ZcStore    *s,
             const char *reviewer,
             const char *phenomenon,
             const char *comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) r = person (s, reviewer);
  g_autoptr(ZcFinding) f = zc_store_load (s, ZC_TYPE_FINDING, finding_by_text (s, phenomenon),
                                          &error);

  g_assert_true (zc_store_comment_finding (s, r, f, comment, &error));
  g_assert_no_error (error);
}

static void
act_edit_finding (ZcStore    *s,
                  const char *code,
                  const char *phenomenon,
                  const char *example)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcFinding) f = zc_store_load (s, ZC_TYPE_FINDING, finding_by_text (s, phenomenon),
                                          &error);

  zc_finding_set_example (f, example);
  g_assert_true (zc_store_save_finding (s, p, f, &error));
  g_assert_no_error (error);
}

static void
act_delete_finding (ZcStore    *s,
                    const char *code,
                    const char *phenomenon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcFinding) f = zc_store_load (s, ZC_TYPE_FINDING, finding_by_text (s, phenomenon),
                                          &error);

  g_assert_true (zc_store_delete_finding (s, p, f, &error));
  g_assert_no_error (error);
}

static void
act_suggest (ZcStore    *s,
             const char *code,
             const char *target,
             const char *unit,
             const char *text,
             gboolean    anonymous)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcPerson) t = target ? person (s, target) : NULL;
  g_autoptr(ZcFinding) f = zc_store_suggest (s, p, t ? zc_record_get_id (ZC_RECORD (t)) : 0,
                                             unit ? unit_id (s, unit) : 0, 0, text, anonymous,
                                             &error);

  g_assert_no_error (error);
}

static void
act_feedback (ZcStore    *s,
              const char *code,
              const char *unit,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcFinding) f = zc_store_add_feedback (s, p, unit_id (s, unit), ZC_CHANNEL_HOTLINE,
                                                  0, text, "2026-03-15", &error);

  g_assert_no_error (error);
}

static void
act_merge (ZcStore            *s,
           const char         *lead,
           const char         *title,
           const char * const *texts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, lead);
  g_autoptr(ZcProblem) problem = NULL;
  gint64 ids[8];
  guint n = 0;

  for (; texts[n]; n++)
    ids[n] = finding_by_text (s, texts[n]);
  problem = zc_store_merge_findings (s, p, zc_person_get_unit_id (p), title, NULL,
                                     entry (s, ZC_LIST_KIND_CATEGORY, "service"),
                                     ZC_SEVERITY_GENERAL, ids, n, &error);
  g_assert_no_error (error);
}

static ZcProblem *
problem_by_title (ZcStore    *s,
                  const char *title)
{
  g_autoptr(GError) error = NULL;
  ZcProblem *p = zc_store_query_one (s, ZC_TYPE_PROBLEM, &error,
                                     "SELECT * FROM problem WHERE title = ?", "s", title);

  g_assert_no_error (error);
  return p;
}

static void
act_unmerge (ZcStore    *s,
             const char *lead,
             const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, lead);
  g_autoptr(ZcProblem) problem = problem_by_title (s, title);

  g_assert_true (zc_store_unmerge_problem (s, p, problem, &error));
  g_assert_no_error (error);
}

static void
act_item (ZcStore    *s,
          const char *lead,
          const char *title,
          const char *measure,
          const char *deadline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, lead);
  g_autoptr(ZcPerson) who = person (s, "YL02");
  g_autoptr(ZcProblem) problem = problem_by_title (s, title);
  g_autoptr(ZcItem) item = zc_item_new ();

  zc_item_set_problem_id (item, zc_record_get_id (ZC_RECORD (problem)));
  zc_item_set_measure (item, measure);
  zc_item_set_term_type (item, ZC_TERM_TYPE_DEADLINE);
  zc_item_set_deadline (item, deadline);
  zc_item_set_person_id (item, zc_record_get_id (ZC_RECORD (who)));
  g_assert_true (zc_store_save_item (s, p, item, &error));
  g_assert_no_error (error);
}

static ZcItem *
item_by_measure (ZcStore    *s,
                 const char *measure)
{
  g_autoptr(GError) error = NULL;
  ZcItem *item = zc_store_query_one (s, ZC_TYPE_ITEM, &error,
                                     "SELECT * FROM item WHERE measure = ?", "s", measure);

  g_assert_no_error (error);
  return item;
}

static void
act_progress (ZcStore    *s,
              const char *code,
              const char *measure,
              int         percent,
              const char *evidence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcItem) item = item_by_measure (s, measure);
  const char *files[] = { evidence, NULL };
  g_autoptr(ZcProgress) progress = NULL;

  progress = zc_store_report_progress (s, p, item, percent, "已完成清单制作",
                                       evidence ? files : NULL, &error);

  g_assert_no_error (error);
}

static void
act_item_step (ZcStore    *s,
               const char *code,
               const char *measure,
               const char *step,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcItem) item = item_by_measure (s, measure);

  if (g_str_equal (step, "request"))
    zc_store_request_closeout (s, p, item, &error);
  else if (g_str_equal (step, "close"))
    zc_store_close_out (s, p, item, text, &error);
  else if (g_str_equal (step, "reject"))
    zc_store_reject_closeout (s, p, item, text, &error);
  else if (g_str_equal (step, "evaluate"))
    {
      g_autoptr(ZcEvaluation) ev = zc_store_record_evaluation (s, p, item,
                                                               ZC_SATISFACTION_SATISFIED, text,
                                                               &error);
    }
  else if (g_str_equal (step, "order"))
    {
      g_autoptr(ZcOrder) o = zc_store_issue_order (s, p, zc_record_get_id (ZC_RECORD (item)), 0,
                                                   text, "2026-05-10", &error);
    }
  else
    g_assert_not_reached ();
  g_assert_no_error (error);
}

static void
act_order_step (ZcStore    *s,
                const char *code,
                const char *step,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);
  g_autoptr(ZcOrder) order = zc_store_query_one (s, ZC_TYPE_ORDER, &error,
                                                 "SELECT * FROM supervision_order", NULL);

  g_assert_no_error (error);
  if (g_str_equal (step, "answer"))
    zc_store_answer_order (s, p, order, text, &error);
  else
    zc_store_conclude_order (s, p, order, text, &error);
  g_assert_no_error (error);
}

static void
act_commitment (ZcStore    *s,
                const char *lead,
                const char *measure)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, lead);
  g_autoptr(ZcCommitment) c = zc_commitment_new ();
  g_autoptr(ZcItem) item = item_by_measure (s, measure);
  gint64 ids[] = { zc_record_get_id (ZC_RECORD (item)), 0 };
  const gint64 *item_ids[] = { ids, NULL };
  const char *texts[] = { "群众咨询一次性告知，绝不让群众跑冤枉路。", NULL };

  zc_commitment_set_title (c, "养老服务处公开承诺");
  zc_commitment_set_contact_phone (c, "0571-88886666");
  g_assert_true (zc_store_save_commitment (s, p, c, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_set_pledges (s, p, c, texts, item_ids, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_publish_commitment (s, p, c, &error));
  g_assert_no_error (error);
}

static void
act_inspector_records (ZcStore *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, "JJ01");
  g_autoptr(ZcMerit) m = zc_store_record_merit (s, p, unit_id (s, "YL"), 0,
                                                ZC_RECORD_KIND_COMMENDATION, "2026-04-20",
                                                "整改积极主动", &error);
  g_autoptr(ZcReview) r = NULL;

  g_assert_no_error (error);
  r = zc_store_take_monthly_review (s, p, unit_id (s, "YL"), "2026-04", &error);
  g_assert_no_error (error);
}

/* ---- the world -------------------------------------------------------------------------- */

static void
world_setup (World         *w,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *c1 = NULL;
  g_autoptr(ZcExchangeReport) r = NULL;

  zc_fixture_setup (&w->fi, data);
  zc_fixture_setup (&w->fs, data);
  w->l = open_store (w->fi.dir, "lead.db");
  w->e = open_store (w->fi.dir, "employee.db");
  w->evidence = zc_fixture_write (&w->fi, "清单照片.txt", "一次性告知清单已上墙。\n");

  set_passphrase (w->fi.store, "JJ01", PASS_I);
  act_phase (w->fi.store, ZC_PHASE_INSPECTION);
  act_phase (w->fs.store, ZC_PHASE_INSPECTION);

  /* The campaign file opens the lead's and the employee's empty databases. */
  c1 = export_file (w, w->fi.store, "JJ01", ZC_EXCHANGE_KIND_CAMPAIGN, NULL);
  r = import_file (w->l, NULL, c1);
  g_assert_true (r->pinned);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);
  r = import_file (w->e, NULL, c1);
  g_assert_true (r->changed);
  set_passphrase (w->l, "YL01", PASS_L);
  set_passphrase (w->e, "YL02", PASS_E);
  {
    g_autofree char *a = stats_json (w->fi.store, "JJ01", NULL);
    g_autofree char *b = stats_json (w->l, "YL01", "YL");
    g_autofree char *c = stats_json (w->fi.store, "JJ01", "YL");

    g_assert_cmpstr (b, ==, c);
    g_assert_nonnull (a);
  }
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  g_clear_object (&w->l);
  g_clear_object (&w->e);
  g_free (w->evidence);
  zc_fixture_teardown (&w->fs, data);
  zc_fixture_teardown (&w->fi, data);
}

/* ---- a zip's members, for tampering ------------------------------------------------------ */

typedef struct
{
  char  *name;
  gsize  offset;   /* of the member's data in the file */
  gsize  size;     /* of the data as stored */
} ZipMember;

static void
zip_member_free (ZipMember *m)
{
  g_free (m->name);
  g_free (m);
}

static guint
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* Reads the central directory: where each member's data sits. */
static GPtrArray *
zip_members (const guint8 *data,
             gsize         len,
             gsize        *cd_offset,
             gsize        *eocd_offset)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) zip_member_free);
  gsize eocd = len - 22;
  gsize p;
  guint n;

  while (eocd > 0 && memcmp (data + eocd, "PK\005\006", 4) != 0)
    eocd--;
  g_assert_cmpint (memcmp (data + eocd, "PK\005\006", 4), ==, 0);
  n = le16 (data + eocd + 10);
  p = le32 (data + eocd + 16);
  *cd_offset = p;
  *eocd_offset = eocd;
  for (guint i = 0; i < n; i++)
    {
      ZipMember *m = g_new0 (ZipMember, 1);
      guint name_len = le16 (data + p + 28);
      guint extra_len = le16 (data + p + 30);
      guint comment_len = le16 (data + p + 32);
      gsize local = le32 (data + p + 42);

      g_assert_cmpint (memcmp (data + p, "PK\001\002", 4), ==, 0);
      m->name = g_strndup ((const char *) data + p + 46, name_len);
      m->size = le32 (data + p + 20);
      m->offset = local + 30 + le16 (data + local + 26) + le16 (data + local + 28);
      g_ptr_array_add (members, m);
      p += 46 + name_len + extra_len + comment_len;
    }
  return members;
}

/* Rewrites a file: @edit may change the members; the result is signed with @secret
 * (manifest signature and seal), or carries neither when @secret is NULL. */
static char *
repack (World        *w,
        const char   *path,
        const char   *name,
        void        (*edit) (GHashTable *members, gpointer data),
        gpointer      data,
        const guint8 *secret)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *manifest_text = NULL;
  JsonObject *manifest, *listed;
  char *out_path = g_build_filename (w->fi.dir, name, NULL);
  GBytes *bytes;

  archive_read_support_format_zip_seekable (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 10240), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      gsize size = archive_entry_size (entry);
      guint8 *buf = g_malloc (size + 1);

      g_assert_cmpint (archive_read_data (a, buf, size), ==, (la_ssize_t) size);
      g_hash_table_insert (members, g_strdup (archive_entry_pathname (entry)),
                           g_bytes_new_take (buf, size));
      g_ptr_array_add (order, g_strdup (archive_entry_pathname (entry)));
    }
  archive_read_free (a);

  if (edit)
    edit (members, data);

  /* The manifest lists the members as they are now. */
  bytes = g_hash_table_lookup (members, "manifest.json");
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), NULL));
  manifest = json_node_get_object (json_parser_get_root (parser));
  listed = json_object_new ();
  for (guint i = 0; i < order->len; i++)
    {
      const char *m = order->pdata[i];
      GBytes *b = g_hash_table_lookup (members, m);
      guint8 digest[crypto_hash_sha256_BYTES];
      char hex[sizeof digest * 2 + 1];

      if (b == NULL || g_str_equal (m, "manifest.json") || g_str_equal (m, "signature"))
        continue;
      crypto_hash_sha256 (digest, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
      sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
      json_object_set_string_member (listed, m, hex);
    }
  json_object_set_object_member (manifest, "members", listed);
  {
    g_autoptr(JsonGenerator) gen = json_generator_new ();
    json_generator_set_root (gen, json_parser_get_root (parser));
    manifest_text = json_generator_to_data (gen, NULL);
  }
  g_hash_table_insert (members, g_strdup ("manifest.json"),
                       g_bytes_new (manifest_text, strlen (manifest_text)));
  g_hash_table_remove (members, "signature");
  if (secret)
    {
      guint8 sig[crypto_sign_BYTES];
      char hex[sizeof sig * 2 + 1];

      crypto_sign_detached (sig, NULL, (const guint8 *) manifest_text, strlen (manifest_text),
                            secret);
      sodium_bin2hex (hex, sizeof hex, sig, sizeof sig);
      g_hash_table_insert (members, g_strdup ("signature"), g_bytes_new (hex, strlen (hex)));
    }

  {
    /* Written through a file: the simplest writer that needs no callbacks. */
    g_autofree char *tmp = g_build_filename (w->fi.dir, "repack.tmp", NULL);
    g_autofree char *contents = NULL;
    gsize len = 0;

    a = archive_write_new ();
    archive_write_set_format_zip (a);
    archive_write_set_bytes_per_block (a, 0);
    archive_write_zip_set_compression_store (a);
    g_assert_cmpint (archive_write_open_filename (a, tmp), ==, ARCHIVE_OK);
    for (guint i = 0; i < order->len; i++)
      {
        const char *m = order->pdata[i];
        GBytes *b = g_hash_table_lookup (members, m);

        if (b == NULL)
          continue;
        entry = archive_entry_new ();
        archive_entry_set_pathname (entry, m);
        archive_entry_set_size (entry, g_bytes_get_size (b));
        archive_entry_set_filetype (entry, AE_IFREG);
        archive_entry_set_perm (entry, 0644);
        g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
        archive_write_data (a, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
        archive_entry_free (entry);
      }
    archive_write_close (a);
    archive_write_free (a);
    g_assert_true (g_file_get_contents (tmp, &contents, &len, NULL));
    g_byte_array_append (out, (guint8 *) contents, len);
  }
  if (secret)
    {
      /* The seal: the archive comment signs every byte before it. */
      guint8 sig[crypto_sign_BYTES];
      char hex[sizeof sig * 2 + 1];
      guint8 *eocd = out->data + out->len - 22;

      g_assert_cmpint (memcmp (eocd, "PK\005\006", 4), ==, 0);
      eocd[20] = 136;
      eocd[21] = 0;
      crypto_sign_detached (sig, NULL, out->data, out->len, secret);
      sodium_bin2hex (hex, sizeof hex, sig, sizeof sig);
      g_byte_array_append (out, (const guint8 *) "ZICHA1S:", 8);
      g_byte_array_append (out, (const guint8 *) hex, 128);
    }
  g_assert_true (g_file_set_contents (out_path, (const char *) out->data, out->len, NULL));
  return out_path;
}

static JsonObject *
parse_member (GHashTable *members,
              const char *name,
              JsonParser *parser)
{
  GBytes *b = g_hash_table_lookup (members, name);

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (b, NULL),
                                             g_bytes_get_size (b), NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
put_member (GHashTable *members,
            const char *name,
            JsonParser *parser)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (gen, json_parser_get_root (parser));
  text = json_generator_to_data (gen, NULL);
  g_hash_table_insert (members, g_strdup (name), g_bytes_new (text, strlen (text)));
}

static void
edit_format (GHashTable *members,
             gpointer    data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *m = parse_member (members, "manifest.json", parser);

  json_object_set_int_member (m, "format", ZC_EXCHANGE_FORMAT + 1);
  put_member (members, "manifest.json", parser);
}

/* Claims the form of another person (@data: that person's UUID). */
static void
edit_form_owner (GHashTable *members,
                 gpointer    data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_member (members, "records.json", parser);
  JsonArray *forms = json_object_get_array_member (json_object_get_object_member (root,
                                                                                   "records"),
                                                   "form");

  json_object_set_string_member (json_array_get_object_element (forms, 0), "person_id", data);
  put_member (members, "records.json", parser);
}

/* A lead closes out their own item: state and close-out fields forged, revision raised. */
static void
edit_close_item (GHashTable *members,
                 gpointer    data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_member (members, "records.json", parser);
  JsonArray *items = json_object_get_array_member (json_object_get_object_member (root,
                                                                                   "records"),
                                                   "item");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "measure"), data) != 0)
        continue;
      json_object_set_string_member (item, "state", "closed");
      json_object_set_string_member (item, "closed_at", "2026-05-01");
      json_object_set_string_member (item, "close_note", "已销号");
      json_object_set_int_member (item, "revision",
                                  json_object_get_int_member (item, "revision") + 5);
    }
  put_member (members, "records.json", parser);
}

static void
unlock (ZcStore    *s,
        const char *code,
        guint8     *secret)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = person (s, code);

  g_assert_true (zc_store_unlock_key (s, p, pass_of (code), secret, &error));
  g_assert_no_error (error);
}

static char *
write_bytes (World        *w,
             const char   *name,
             const guint8 *data,
             gsize         len)
{
  char *path = g_build_filename (w->fi.dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *) data, len, NULL));
  return path;
}

/* Every one of @positions flipped in turn is caught, and nothing is written. */
static void
assert_flips_caught (World      *w,
                     ZcStore    *s,
                     const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  gsize cd = 0, eocd = 0;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gsize));
  gboolean saw_evidence = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  members = zip_members ((const guint8 *) contents, len, &cd, &eocd);
  for (guint i = 0; i < members->len; i++)
    {
      ZipMember *m = members->pdata[i];
      gsize picks[] = { m->offset, m->offset + m->size / 2, m->offset + m->size - 1 };

      saw_evidence |= g_str_has_prefix (m->name, "evidence/");
      g_test_message ("member %s at %" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT " bytes", m->name,
                      m->offset, m->size);
      for (guint k = 0; k < G_N_ELEMENTS (picks); k++)
        g_array_append_val (positions, picks[k]);
    }
  g_assert_true (saw_evidence);
  {
    /* The zip's own structures and the seal. */
    gsize more[] = { 0, 7, 14, 26, cd, cd + 10, cd + 20, eocd, eocd + 10, eocd + 20, eocd + 22,
                     len - 1 };
    for (guint k = 0; k < G_N_ELEMENTS (more); k++)
      g_array_append_val (positions, more[k]);
  }
  for (guint i = 0; i < positions->len; i++)
    {
      gsize pos = g_array_index (positions, gsize, i);
      g_autofree guint8 *copy = g_memdup2 (contents, len);
      g_autofree char *name = g_strdup_printf ("flip-%" G_GSIZE_FORMAT ".zip", pos);
      g_autofree char *flipped = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcExchangeReport) report = NULL;
      g_autofree char *before = snapshot (s);
      g_autofree char *after = NULL;

      copy[pos] ^= 0x20;
      flipped = write_bytes (w, name, copy, len);
      report = zc_exchange_import (s, NULL, flipped, NULL, NULL, NULL, &error);
      if (report != NULL)
        g_error ("a changed byte at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " was not caught",
                 pos, len);
      g_assert_true (error->domain == ZC_ERROR);
      after = snapshot (s);
      g_assert_cmpstr (before, ==, after);
    }
}

/* ---- async -------------------------------------------------------------------------------- */

typedef struct
{
  GMainLoop        *loop;
  ZcExchangeReport *report;
  GError           *error;
  guint             progress_calls;
  double            last;
} AsyncResult;

static void
on_progress (double      fraction,
             const char *message,
             gpointer    data)
{
  AsyncResult *r = data;

  g_assert_true (fraction >= r->last - 1e-9);
  r->last = fraction;
  r->progress_calls++;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncResult *r = data;

  r->report = zc_exchange_import_finish (ZC_STORE (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncResult *r = data;

  if (!zc_exchange_export_finish (ZC_STORE (source), result, &r->error))
    g_assert_nonnull (r->error);
  g_main_loop_quit (r->loop);
}

static ZcExchangeReport *
import_async (ZcStore       *s,
              const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  AsyncResult r = { 0, };

  r.loop = g_main_loop_new (NULL, FALSE);
  zc_exchange_import_async (s, NULL, path, on_progress, &r, NULL, cancellable, on_imported, &r);
  g_main_loop_run (r.loop);
  /* Progress calls queued before the end run now. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_main_loop_unref (r.loop);
  if (r.error)
    g_propagate_error (error, r.error);
  else
    g_assert_cmpuint (r.progress_calls, >, 0);
  return r.report;
}

/* ---- the whole campaign across three computers ------------------------------------------- */

static const char *FIND_A = "对老人咨询不耐烦，解释政策简单生硬。";
static const char *FIND_B = "办理补贴审核拖沓，超过承诺时限。";
static const char *FIND_L = "作为处长对窗口服务督促不够。";
static const char *SUGGEST_SJ = "社会救助处审批中要求群众反复补材料。";
static const char *SUGGEST_ANON = "养老服务处电话常常无人接听。";
static const char *FEEDBACK = "热线反映：养老补贴申请材料清单不清楚。";
static const char *MEASURE_A = "制定一次性告知清单并上墙公示";
static const char *MEASURE_B = "补贴审核压缩到五个工作日";

static void
test_three_computers (World         *w,
                      gconstpointer  data)
{
  ZcStore *I = w->fi.store, *S = w->fs.store, *L = w->l, *E = w->e;
  g_autofree char *f1 = NULL, *s1 = NULL, *u1 = NULL, *f2 = NULL, *d1 = NULL, *u2 = NULL;
  g_autofree char *c2 = NULL, *u3 = NULL, *d2 = NULL, *u4 = NULL, *d3 = NULL, *u5 = NULL;
  g_autoptr(ZcExchangeReport) r = NULL;
  g_autoptr(GError) error = NULL;
  const char *p1[] = { FIND_A, SUGGEST_ANON, FEEDBACK, NULL };
  const char *p2[] = { FIND_L, NULL };

  /* Inspection: the employee's form, with a suggestion signed and one anonymous. */
  set_today (w, "2026-03-12");
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? E : S;

      act_finding (s, "YL02", FIND_A);
      act_finding (s, "YL02", FIND_B);
      act_submit (s, "YL02");
      act_suggest (s, "YL02", "SJ02", NULL, SUGGEST_SJ, FALSE);
      act_suggest (s, "YL02", NULL, "YL", SUGGEST_ANON, TRUE);
    }
  f1 = export_file (w, E, "YL02", ZC_EXCHANGE_KIND_FORM, NULL);
  s1 = export_file (w, E, "YL02", ZC_EXCHANGE_KIND_SUGGESTIONS, NULL);
  {
    /* No trace of the author in the anonymous file. */
    g_autofree char *contents = NULL;
    g_autoptr(ZcPerson) yl02 = person (E, "YL02");
    gsize len;

    g_assert_true (g_file_get_contents (s1, &contents, &len, NULL));
    g_assert_null (g_strstr_len (contents, len, zc_record_get_uuid (ZC_RECORD (yl02))));
    g_assert_null (g_strstr_len (contents, len, "YL02"));
  }

  /* The lead: own form first, then the employee's files; returns the form. */
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? L : S;

      act_finding (s, "YL01", FIND_L);
      act_submit (s, "YL01");
    }
  r = import_file (L, "YL01", f1);
  g_assert_true (r->pinned);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);
  r = import_file (L, "YL01", s1);
  g_assert_cmpuint (r->n_created, ==, 1);
  g_assert_null (r->signer_uuid);
  g_clear_pointer (&r, zc_exchange_report_free);
  g_assert_cmpint (zc_store_query_int (L, -1, "SELECT count(*) FROM finding WHERE anonymous AND "
                                              "author_id IS NULL", NULL), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? L : S;

      act_comment (s, "YL01", FIND_A, "请补充具体时间和经过");
      act_review (s, "YL01", "YL02", FALSE, "请写明具体实例");
    }
  u1 = export_file (w, L, "YL01", ZC_EXCHANGE_KIND_UNIT, NULL);

  /* The return reaches the employee with the unit file, asynchronously here. */
  r = import_async (E, u1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (r->changed);
  g_clear_pointer (&r, zc_exchange_report_free);
  {
    g_autoptr(ZcForm) form = form_of (E, "YL02", "YL02");
    g_assert_cmpint (zc_form_get_state (form), ==, ZC_FORM_STATE_RETURNED);
    g_assert_cmpstr (zc_form_get_review_comment (form), ==, "请写明具体实例");
  }
  zc_assert_verified (E);
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? E : S;

      act_edit_finding (s, "YL02", FIND_A,
                        "3月5日上午9点，一位老人咨询养老补贴，我只说了句“材料不全”。");
      act_delete_finding (s, "YL02", FIND_B);
      act_submit (s, "YL02");
    }
  f2 = export_file (w, E, "YL02", ZC_EXCHANGE_KIND_FORM, NULL);
  r = import_file (L, "YL01", f2);
  g_assert_cmpuint (r->n_deleted, ==, 2);   /* finding B and its cause */
  g_clear_pointer (&r, zc_exchange_report_free);
  for (guint i = 0; i < 2; i++)
    act_review (i == 0 ? L : S, "YL01", "YL02", TRUE, "认真具体");

  /* The inspector reads the first unit file (with the files it relays), reviews the lead's
   * form and enters public feedback. */
  r = import_file (I, "JJ01", u1);
  g_assert_cmpuint (r->n_files, >=, 3);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? I : S;

      act_review (s, "JJ01", "YL01", TRUE, NULL);
      act_feedback (s, "JJ01", "YL", FEEDBACK);
    }
  d1 = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_DECISIONS, "YL");
  r = import_file (L, "YL01", d1);
  g_assert_true (r->pinned == FALSE);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);

  /* The problem list. */
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? L : S;

      act_merge (s, "YL01", "窗口服务态度生硬", p1);
      act_merge (s, "YL01", "督促不够", p2);
    }
  u2 = export_file (w, L, "YL01", ZC_EXCHANGE_KIND_UNIT, NULL);
  r = import_file (I, "JJ01", u2);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);
  g_assert_cmpint (zc_store_query_int (I, -1, "SELECT count(*) FROM problem_finding", NULL), ==, 4);
  /* The employee's deleted finding is gone here too, through the relayed form file. */
  g_assert_cmpint (zc_store_query_int (I, -1, "SELECT count(*) FROM finding WHERE phenomenon = ?",
                                       "s", FIND_B), ==, 0);
  {
    g_autofree char *a = stats_json (I, "JJ01", NULL);
    g_autofree char *b = stats_json (S, "JJ01", NULL);
    g_assert_cmpstr (a, ==, b);
  }

  /* Rectification. */
  set_today (w, "2026-04-12");
  act_phase (I, ZC_PHASE_RECTIFICATION);
  act_phase (S, ZC_PHASE_RECTIFICATION);
  c2 = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_CAMPAIGN, NULL);
  r = import_file (L, "YL01", c2);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);
  r = import_file (E, "YL02", c2);
  g_clear_pointer (&r, zc_exchange_report_free);
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? L : S;

      act_unmerge (s, "YL01", "督促不够");
      act_item (s, "YL01", "窗口服务态度生硬", MEASURE_A, "2026-05-31");
      act_item (s, "YL01", "窗口服务态度生硬", MEASURE_B, "2026-04-30");
      act_commitment (s, "YL01", MEASURE_A);
      act_progress (s, "YL01", MEASURE_A, 100, w->evidence);
      act_item_step (s, "YL01", MEASURE_A, "request", NULL);
      act_progress (s, "YL01", MEASURE_B, 50, NULL);
      act_item_step (s, "YL01", MEASURE_B, "request", NULL);
    }
  u3 = export_file (w, L, "YL01", ZC_EXCHANGE_KIND_UNIT, NULL);

  /* A changed byte anywhere in the file is caught: manifest, records, evidence, signature,
   * the zip's structures and the seal. */
  assert_flips_caught (w, I, u3);

  r = import_file (I, "JJ01", u3);
  g_assert_cmpuint (r->n_deleted, ==, 1);   /* the problem the lead took back */
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);
  {
    g_autoptr(GError) e2 = NULL;
    g_autoptr(ZcPerson) insp = person (I, "JJ01");
    g_autoptr(GListModel) ev = NULL;
    g_autoptr(GBytes) bytes = NULL;
    gint64 id = zc_store_query_int (I, 0, "SELECT id FROM evidence", NULL);
    g_autofree char *expected = NULL;

    bytes = zc_store_get_evidence_data (I, insp, id, &e2);
    g_assert_no_error (e2);
    g_assert_true (g_file_get_contents (w->evidence, &expected, NULL, NULL));
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected,
                     strlen (expected));
  }

  /* The inspectors decide. */
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? I : S;

      act_item_step (s, "JJ01", MEASURE_A, "close", "现场核查属实");
      act_item_step (s, "JJ01", MEASURE_B, "reject", "佐证材料不足");
      act_item_step (s, "JJ01", MEASURE_B, "order", "请于5月10日前补充整改材料");
      act_item_step (s, "JJ01", MEASURE_A, "evaluate", "群众满意");
      act_inspector_records (s);
    }
  d2 = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_DECISIONS, "YL");
  r = import_file (L, "YL01", d2);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);
  {
    g_autoptr(ZcItem) a = item_by_measure (L, MEASURE_A);
    g_autoptr(ZcItem) b = item_by_measure (L, MEASURE_B);

    g_assert_cmpint (zc_item_get_state (a), ==, ZC_ITEM_STATE_CLOSED);
    g_assert_cmpint (zc_item_get_state (b), ==, ZC_ITEM_STATE_IN_PROGRESS);
    g_assert_cmpstr (zc_item_get_reject_reason (b), ==, "佐证材料不足");
  }

  /* The lead answers the order and carries on. */
  set_today (w, "2026-04-25");
  for (guint i = 0; i < 2; i++)
    {
      ZcStore *s = i == 0 ? L : S;

      act_order_step (s, "YL01", "answer", "已补充审核流程材料");
      act_progress (s, "YL01", MEASURE_B, 80, NULL);
    }
  u4 = export_file (w, L, "YL01", ZC_EXCHANGE_KIND_UNIT, NULL);
  r = import_file (I, "JJ01", u4);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);
  for (guint i = 0; i < 2; i++)
    act_order_step (i == 0 ? I : S, "JJ01", "conclude", "办结");
  d3 = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_DECISIONS, "YL");
  r = import_file (L, "YL01", d3);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_clear_pointer (&r, zc_exchange_report_free);

  /* The inspector's dashboard shows what one shared installation shows; so does the lead's
   * for the unit. */
  {
    g_autofree char *a = stats_json (I, "JJ01", NULL);
    g_autofree char *b = stats_json (S, "JJ01", NULL);
    g_autofree char *la = stats_json (L, "YL01", "YL");
    g_autofree char *lb = stats_json (S, "YL01", "YL");

    g_test_message ("inspector: %s", a);
    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (la, ==, lb);
  }
  {
    /* The assessments too. */
    g_autoptr(ZcPerson) pi = person (I, "JJ01");
    g_autoptr(ZcPerson) ps = person (S, "JJ01");
    g_autoptr(GListModel) ai = zc_store_list_assessments (I, pi, unit_id (I, "YL"), NULL);
    g_autoptr(GListModel) as = zc_store_list_assessments (S, ps, unit_id (S, "YL"), NULL);
    g_autoptr(ZcAssessment) x = g_list_model_get_item (ai, 0);
    g_autoptr(ZcAssessment) y = g_list_model_get_item (as, 0);

    g_assert_cmpfloat (zc_assessment_get_score (x), ==, zc_assessment_get_score (y));
  }

  /* A lead who closes out their own item in a file they sign: the record is not merged,
   * and said so. */
  {
    guint8 secret[ZC_KEY_SECRET_BYTES];
    g_autofree char *forged = NULL;
    g_autoptr(ZcItem) before = item_by_measure (I, MEASURE_B);
    g_autoptr(ZcItem) after = NULL;
    gboolean reported = FALSE;

    u5 = export_file (w, L, "YL01", ZC_EXCHANGE_KIND_UNIT, NULL);
    unlock (L, "YL01", secret);
    forged = repack (w, u5, "forged-close.zip", edit_close_item, (gpointer) MEASURE_B, secret);
    sodium_memzero (secret, sizeof secret);
    r = zc_exchange_import (I, NULL, forged, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < r->not_merged->len; i++)
      {
        g_test_message ("forged: %s", (char *) r->not_merged->pdata[i]);
        reported |= strstr (r->not_merged->pdata[i], "closed") != NULL;
      }
    g_assert_true (reported);
    after = item_by_measure (I, MEASURE_B);
    g_assert_cmpint (zc_item_get_state (after), ==, ZC_ITEM_STATE_IN_PROGRESS);
    g_assert_cmpint (zc_record_get_revision (ZC_RECORD (after)), ==,
                     zc_record_get_revision (ZC_RECORD (before)));
    g_clear_pointer (&r, zc_exchange_report_free);
  }

  /* The log says what came from which file. */
  g_assert_cmpint (zc_store_query_int (I, 0, "SELECT count(*) FROM audit WHERE action = "
                                             "'import_package' AND instr (fields, ?) > 0", "s",
                                       "\"kind\":\"unit\""), >=, 4);
  zc_assert_verified (I);
  zc_assert_verified (L);
  zc_assert_verified (E);
  zc_assert_verified (S);
}

/* ---- refusals ----------------------------------------------------------------------------- */

static void
test_refusals (World         *w,
               gconstpointer  data)
{
  ZcStore *I = w->fi.store, *L = w->l, *E = w->e;
  g_autofree char *f1 = NULL;
  g_autofree char *c_new = NULL;
  g_autofree char *c1 = NULL;
  g_autoptr(ZcExchangeReport) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) e2 = NULL;
  g_autoptr(ZcStore) fresh = NULL;

  set_today (w, "2026-03-12");
  act_finding (E, "YL02", FIND_A);
  act_submit (E, "YL02");
  f1 = export_file (w, E, "YL02", ZC_EXCHANGE_KIND_FORM, NULL);

  /* Not a campaign file on an empty database. */
  fresh = open_store (w->fi.dir, "fresh.db");
  import_refused (fresh, f1, ZC_ERROR_STATE);

  /* A file of another campaign. */
  {
    ZcFixture other = { 0, };
    g_autofree char *path = NULL;
    g_autoptr(ZcPerson) insp = NULL;
    g_autoptr(GError) e = NULL;

    zc_fixture_setup (&other, NULL);
    set_passphrase (other.store, "JJ01", PASS_I);
    insp = person (other.store, "JJ01");
    path = g_build_filename (w->fi.dir, "other-campaign.zip", NULL);
    g_assert_true (zc_exchange_export (other.store, insp, ZC_EXCHANGE_KIND_CAMPAIGN, 0, PASS_I,
                                       path, NULL, NULL, NULL, &e));
    g_assert_no_error (e);
    import_refused (L, path, ZC_ERROR_CONFLICT);
    zc_fixture_teardown (&other, NULL);
  }

  /* An unknown person: someone the inspectors added after the lead's campaign file. */
  {
    g_autoptr(ZcPerson) insp = person (I, "JJ01");
    g_autoptr(ZcPerson) newcomer = zc_person_new ();
    g_autoptr(GError) e = NULL;
    g_autofree char *f_new = NULL;

    zc_person_set_staff_code (newcomer, "YL03");
    zc_person_set_name (newcomer, "吴新");
    zc_person_set_unit_id (newcomer, unit_id (I, "YL"));
    zc_person_set_roles (newcomer, ZC_ROLE_EMPLOYEE);
    g_assert_true (zc_store_save_person (I, insp, newcomer, &e));
    g_assert_no_error (e);
    c_new = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_CAMPAIGN, NULL);
    e2 = open_store (w->fi.dir, "newcomer.db");
    r = import_file (e2, NULL, c_new);
    g_clear_pointer (&r, zc_exchange_report_free);
    set_passphrase (e2, "YL03", PASS_E);
    act_suggest (e2, "YL03", NULL, "YL", "处室例会流于形式。", FALSE);
    f_new = export_file (w, e2, "YL03", ZC_EXCHANGE_KIND_FORM, NULL);
    import_refused (L, f_new, ZC_ERROR_NOT_FOUND);
    /* Once the lead has the newer campaign file, the same file comes in. */
    r = import_file (L, "YL01", c_new);
    g_clear_pointer (&r, zc_exchange_report_free);
    r = import_file (L, "YL01", f_new);
    g_assert_true (r->pinned);
    g_clear_pointer (&r, zc_exchange_report_free);
  }

  /* A file from a newer format version. */
  {
    guint8 secret[ZC_KEY_SECRET_BYTES];
    g_autofree char *newer = NULL;

    unlock (E, "YL02", secret);
    newer = repack (w, f1, "newer-format.zip", edit_format, NULL, secret);
    sodium_memzero (secret, sizeof secret);
    import_refused (L, newer, ZC_ERROR_VERSION);
  }

  /* A missing signature. */
  {
    g_autofree char *unsigned_path = repack (w, f1, "unsigned.zip", NULL, NULL, NULL);
    import_refused (L, unsigned_path, ZC_ERROR_CORRUPT);
  }

  /* A bad signature: signed by someone else (the lead) in the employee's name. */
  {
    guint8 secret[ZC_KEY_SECRET_BYTES];
    g_autofree char *wrong = NULL;

    unlock (L, "YL01", secret);
    wrong = repack (w, f1, "wrong-signer.zip", NULL, NULL, secret);
    sodium_memzero (secret, sizeof secret);
    import_refused (L, wrong, ZC_ERROR_CORRUPT);
  }

  /* A truncated file, cut at several places. */
  {
    g_autofree char *contents = NULL;
    gsize len = 0;
    gsize cuts[] = { 0, 10, 100, 0, 0, 0, 0 };

    g_assert_true (g_file_get_contents (f1, &contents, &len, NULL));
    cuts[3] = len / 2;
    cuts[4] = len - 200;
    cuts[5] = len - 137;
    cuts[6] = len - 1;
    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autofree char *name = g_strdup_printf ("cut-%u.zip", i);
        g_autofree char *cut = write_bytes (w, name, (const guint8 *) contents, cuts[i]);

        import_refused (L, cut, ZC_ERROR_CORRUPT);
      }
  }

  /* A file over the size limit is refused before it is read (a sparse file here). */
  {
    g_autofree char *big = g_build_filename (w->fi.dir, "big.zip", NULL);
    int fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, (off_t) ZC_LIMIT_EXCHANGE_SIZE + 1), ==, 0);
    close (fd);
    import_refused (L, big, ZC_ERROR_INVALID);
  }

  /* A file that claims another person's form, signed with the employee's own key. */
  {
    guint8 secret[ZC_KEY_SECRET_BYTES];
    g_autoptr(ZcPerson) lead = person (L, "YL01");
    g_autofree char *forged = NULL;

    unlock (E, "YL02", secret);
    forged = repack (w, f1, "forged-owner.zip", edit_form_owner,
                     (gpointer) zc_record_get_uuid (ZC_RECORD (lead)), secret);
    sodium_memzero (secret, sizeof secret);
    import_refused (L, forged, ZC_ERROR_PERMISSION);
  }

  /* The genuine file comes in and pins the employee's key. */
  r = import_file (L, "YL01", f1);
  g_assert_true (r->pinned);
  g_clear_pointer (&r, zc_exchange_report_free);

  /* An older file of the same person after a newer one. */
  {
    g_autofree char *f2 = export_file (w, E, "YL02", ZC_EXCHANGE_KIND_FORM, NULL);
    g_autofree char *f3 = NULL;

    r = import_file (L, "YL01", f2);
    g_clear_pointer (&r, zc_exchange_report_free);
    f3 = g_strdup (f1);
    import_refused (L, f3, ZC_ERROR_STATE);
  }

  /* A changed key: the employee on a new computer. Refused until an inspector re-enrols. */
  {
    g_autoptr(ZcStore) e3 = open_store (w->fi.dir, "new-computer.db");
    g_autofree char *c = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_CAMPAIGN, NULL);
    g_autofree char *f_other = NULL;
    g_autoptr(ZcPerson) insp = person (I, "JJ01");
    g_autoptr(ZcPerson) yl02 = person (I, "YL02");
    g_autoptr(GError) e = NULL;
    g_autofree char *old_key = NULL;

    r = import_file (I, "JJ01", f1);
    g_assert_true (r->pinned);
    g_clear_pointer (&r, zc_exchange_report_free);
    old_key = zc_store_query_text (I, "SELECT pubkey FROM person WHERE staff_code = 'YL02'", NULL);

    r = import_file (e3, NULL, c);
    g_clear_pointer (&r, zc_exchange_report_free);
    set_passphrase (e3, "YL02", PASS_E);
    act_suggest (e3, "YL02", NULL, "YL", "新电脑上的建议。", FALSE);
    f_other = export_file (w, e3, "YL02", ZC_EXCHANGE_KIND_FORM, NULL);
    import_refused (I, f_other, ZC_ERROR_AUTH);
    import_refused (L, f_other, ZC_ERROR_AUTH);

    /* Only inspectors re-enrol. */
    {
      g_autoptr(ZcPerson) lead = person (L, "YL01");
      g_autoptr(ZcPerson) yl02_l = person (L, "YL02");
      g_assert_false (zc_exchange_reenrol (L, lead, yl02_l, &e));
      g_assert_error (e, ZC_ERROR, ZC_ERROR_PERMISSION);
      g_clear_error (&e);
    }
    g_assert_true (zc_exchange_reenrol (I, insp, yl02, &e));
    g_assert_no_error (e);
    r = import_file (I, "JJ01", f_other);
    g_assert_true (r->pinned);
    g_clear_pointer (&r, zc_exchange_report_free);
    {
      g_autofree char *new_key = zc_store_query_text (I, "SELECT pubkey FROM person WHERE "
                                                         "staff_code = 'YL02'", NULL);
      g_assert_cmpstr (new_key, !=, old_key);
    }
    /* The old key is refused now. */
    {
      g_autofree char *f_old = export_file (w, E, "YL02", ZC_EXCHANGE_KIND_FORM, NULL);
      import_refused (I, f_old, ZC_ERROR_AUTH);
    }
    /* The re-enrolment travels to the lead with the next campaign file. */
    {
      g_autofree char *c_next = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_CAMPAIGN, NULL);

      r = import_file (L, "YL01", c_next);
      g_clear_pointer (&r, zc_exchange_report_free);
      r = import_file (L, "YL01", f_other);
      g_assert_cmpuint (r->not_merged->len, ==, 0);
      g_clear_pointer (&r, zc_exchange_report_free);
    }
    zc_assert_verified (e3);
  }

  /* A cancelled import writes nothing. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *c = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_CAMPAIGN, NULL);
    g_autofree char *before = snapshot (fresh);
    g_autofree char *after = NULL;

    g_cancellable_cancel (cancellable);
    r = import_async (fresh, c, cancellable, &error);
    g_assert_null (r);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    after = snapshot (fresh);
    g_assert_cmpstr (before, ==, after);
  }

  zc_assert_verified (I);
  zc_assert_verified (L);
  zc_assert_verified (E);
  zc_assert_verified (e2);
}

/* A lead's own form is reviewed by the leader in charge (分管领导) on the leader's computer;
 * the review travels in the leader's unit file, which may carry nothing else. */
static void
test_leader_in_charge (World         *w,
                       gconstpointer  data)
{
  ZcStore *I = w->fi.store;
  g_autoptr(ZcStore) d = open_store (w->fi.dir, "leader.db");
  g_autofree char *c = NULL, *f = NULL, *u = NULL;
  g_autoptr(ZcExchangeReport) r = NULL;

  set_today (w, "2026-03-12");
  zc_store_set_today (d, "2026-03-12");
  set_passphrase (I, "SJ01", PASS_L);
  act_finding (I, "SJ01", FIND_L);
  act_submit (I, "SJ01");
  c = export_file (w, I, "JJ01", ZC_EXCHANGE_KIND_CAMPAIGN, NULL);
  f = g_build_filename (w->fi.dir, "sj01-form.zip", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ZcPerson) sj01 = person (I, "SJ01");

    g_assert_true (zc_exchange_export (I, sj01, ZC_EXCHANGE_KIND_FORM, 0, PASS_L, f, NULL,
                                       NULL, NULL, &error));
    g_assert_no_error (error);
  }
  r = import_file (d, NULL, c);
  g_clear_pointer (&r, zc_exchange_report_free);
  set_passphrase (d, "LD01", PASS_E);
  r = import_file (d, "LD01", f);
  g_clear_pointer (&r, zc_exchange_report_free);
  act_review (d, "LD01", "SJ01", TRUE, "以身作则");
  u = g_build_filename (w->fi.dir, "leader-unit.zip", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ZcPerson) ld01 = person (d, "LD01");

    g_assert_true (zc_exchange_export (d, ld01, ZC_EXCHANGE_KIND_UNIT, unit_id (d, "SJ"), PASS_E,
                                       u, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    /* Not for a unit the leader is not in charge of. */
    g_assert_false (zc_exchange_export (d, ld01, ZC_EXCHANGE_KIND_UNIT, unit_id (d, "YL"),
                                        PASS_E, u, NULL, NULL, NULL, &error));
    g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  }
  r = import_file (I, "JJ01", u);
  g_assert_cmpuint (r->not_merged->len, ==, 0);
  g_assert_cmpuint (r->n_updated, ==, 1);
  g_clear_pointer (&r, zc_exchange_report_free);
  {
    g_autoptr(ZcForm) form = form_of (I, "JJ01", "SJ01");
    g_autoptr(ZcPerson) ld01 = person (I, "LD01");

    g_assert_cmpint (zc_form_get_state (form), ==, ZC_FORM_STATE_APPROVED);
    g_assert_cmpint (zc_form_get_reviewer_id (form), ==, zc_record_get_id (ZC_RECORD (ld01)));
  }
  zc_assert_verified (d);
}

/* Local ids never travel: every reference in a file is a UUID (or null). */
static gboolean
is_reference (const char *name)
{
  return g_str_has_suffix (name, "_id") || g_str_equal (name, "issued_by") ||
         g_str_equal (name, "recorded_by") || g_str_equal (name, "created_by");
}

static void
assert_uuid_references (const char *path)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *records;
  g_autoptr(GList) tables = NULL;
  guint checked = 0;

  archive_read_support_format_zip_seekable (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 10240), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    if (g_str_equal (archive_entry_pathname (entry), "records.json"))
      {
        gsize size = archive_entry_size (entry);

        text = g_malloc0 (size + 1);
        g_assert_cmpint (archive_read_data (a, text, size), ==, (la_ssize_t) size);
      }
  archive_read_free (a);
  g_assert_nonnull (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  records = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                           "records");
  tables = json_object_get_members (records);
  for (GList *t = tables; t; t = t->next)
    {
      JsonArray *array = json_object_get_array_member (records, t->data);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *rec = json_array_get_object_element (array, i);
          g_autoptr(GList) names = json_object_get_members (rec);

          for (GList *n = names; n; n = n->next)
            {
              JsonNode *node = json_object_get_member (rec, n->data);

              if (!is_reference (n->data) || JSON_NODE_HOLDS_NULL (node))
                continue;
              if (json_node_get_value_type (node) != G_TYPE_STRING ||
                  !g_uuid_string_is_valid (json_node_get_string (node)))
                g_error ("%s: %s.%s is not a UUID", path, (char *) t->data, (char *) n->data);
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_references (World         *w,
                 gconstpointer  data)
{
  ZcFixture *fx = &w->fi;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) item = NULL;
  g_autoptr(ZcGuidance) guidance = zc_store_get_guidance (fx->store, "phenomenon");
  g_autofree char *campaign = NULL, *decisions = NULL, *unit = NULL;
  g_autofree char *fp = NULL;

  zc_guidance_set_examples (guidance, "窗口人员对群众咨询不耐烦。");
  g_assert_true (zc_store_save_guidance (fx->store, fx->inspector, guidance, &error));
  g_assert_no_error (error);
  item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
  set_passphrase (fx->store, "SJ01", PASS_L);

  campaign = export_file (w, fx->store, "JJ01", ZC_EXCHANGE_KIND_CAMPAIGN, NULL);
  decisions = export_file (w, fx->store, "JJ01", ZC_EXCHANGE_KIND_DECISIONS, NULL);
  {
    g_autoptr(ZcPerson) lead = person (fx->store, "SJ01");
    unit = g_build_filename (fx->dir, "sj-unit.zip", NULL);
    g_assert_true (zc_exchange_export (fx->store, lead, ZC_EXCHANGE_KIND_UNIT, 0, PASS_L, unit,
                                       NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  assert_uuid_references (campaign);
  assert_uuid_references (unit);

  /* Written in a worker thread, with progress. */
  {
    AsyncResult r = { 0, };
    g_autofree char *path = g_build_filename (fx->dir, "async-campaign.zip", NULL);

    r.loop = g_main_loop_new (NULL, FALSE);
    zc_exchange_export_async (fx->store, fx->inspector, ZC_EXCHANGE_KIND_CAMPAIGN, 0, PASS_I,
                              path, on_progress, &r, NULL, NULL, on_exported, &r);
    g_main_loop_run (r.loop);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_main_loop_unref (r.loop);
    g_assert_no_error (r.error);
    g_assert_cmpuint (r.progress_calls, >, 0);
    assert_uuid_references (path);
  }

  /* A person saved from a copy read before their key was set keeps the key. */
  {
    g_autofree char *key = NULL;

    g_assert_null (zc_person_get_pubkey (fx->inspector));
    zc_person_set_post (fx->inspector, "纪检组组长");
    g_assert_true (zc_store_save_person (fx->store, fx->inspector, fx->inspector, &error));
    g_assert_no_error (error);
    key = zc_store_query_text (fx->store, "SELECT pubkey FROM person WHERE staff_code = 'JJ01'",
                               NULL);
    g_assert_nonnull (key);
  }

  /* The campaign key: its fingerprint as people compare it. */
  fp = zc_exchange_campaign_fingerprint (fx->store);
  g_assert_cmpuint (strlen (fp), ==, 19);

  /* A wrong passphrase signs nothing. */
  {
    g_autoptr(ZcPerson) lead = person (fx->store, "SJ01");
    g_autofree char *path = g_build_filename (fx->dir, "nope.zip", NULL);

    g_assert_false (zc_exchange_export (fx->store, lead, ZC_EXCHANGE_KIND_UNIT, 0, "not it at all",
                                        path, NULL, NULL, NULL, &error));
    g_assert_error (error, ZC_ERROR, ZC_ERROR_AUTH);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* ---- many people's files at once -------------------------------------------------------- */

typedef struct
{
  GPtrArray *paths;   /* char*, as told */
  GArray    *codes;   /* int: 0 imported, else the refusal's ZcError code */
} Imported;

static void
on_file_imported (const char       *path,
                  ZcExchangeReport *report,
                  const GError     *error,
                  gpointer          data)
{
  Imported *told = data;
  int code = 0;

  g_assert_true ((report == NULL) != (error == NULL));
  if (error)
    {
      g_assert_true (error->domain == ZC_ERROR);
      code = error->code;
    }
  else
    g_assert_cmpstr (report->path, ==, path);
  g_ptr_array_add (told->paths, g_strdup (path));
  g_array_append_val (told->codes, code);
}

/* Keys made with one sealer (one key derivation), files written with the keys held open, and
 * read on the lead's computer in one batch where a damaged file is refused alone. */
static void
test_many_files (World         *w,
                 gconstpointer  data)
{
  ZcFixture *fx = &w->fi;
  const char * const codes[] = { "SJ02", "SJ03", "YL02" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcKeySealer) sealer = zc_keys_sealer_new ("批量口令2026", &error);
  guint8 secrets[G_N_ELEMENTS (codes)][ZC_KEY_SECRET_BYTES];
  g_autofree char *paths[G_N_ELEMENTS (codes)] = { NULL, };
  g_autofree char *damaged = NULL;
  g_autofree char *wrong = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(ZcPerson) p = person (fx->store, codes[i]);
      g_autoptr(ZcForm) form = zc_fixture_submitted_form (fx, p);
      guint8 opened[ZC_KEY_SECRET_BYTES];
      guint8 again[ZC_KEY_SECRET_BYTES];

      g_assert_true (zc_store_create_signing_key (fx->store, p, sealer, secrets[i], &error));
      g_assert_no_error (error);
      g_assert_nonnull (zc_person_get_pubkey (p));
      /* Sealed like any key: the passphrase opens it. */
      g_assert_true (zc_store_unlock_key (fx->store, p, "批量口令2026", opened, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (opened, sizeof opened, secrets[i], sizeof secrets[i]);
      g_assert_false (zc_store_unlock_key (fx->store, p, "另一个口令2026", opened, &error));
      g_assert_error (error, ZC_ERROR, ZC_ERROR_AUTH);
      g_clear_error (&error);
      /* A person with a key keeps it. */
      g_assert_false (zc_store_create_signing_key (fx->store, p, sealer, again, &error));
      g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
      g_clear_error (&error);

      paths[i] = g_strdup_printf ("%s/many-%s.zip", fx->dir, codes[i]);
      g_assert_true (zc_exchange_export_with_key (fx->store, p, ZC_EXCHANGE_KIND_FORM, 0,
                                                  secrets[i], paths[i], &error));
      g_assert_no_error (error);
    }
  zc_assert_verified (fx->store);

  /* Someone else's key signs nothing. */
  {
    g_autoptr(ZcPerson) p = person (fx->store, codes[0]);

    wrong = g_strdup_printf ("%s/many-wrong.zip", fx->dir);
    g_assert_false (zc_exchange_export_with_key (fx->store, p, ZC_EXCHANGE_KIND_FORM, 0,
                                                 secrets[1], wrong, &error));
    g_assert_error (error, ZC_ERROR, ZC_ERROR_AUTH);
    g_clear_error (&error);
    g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));
  }

  /* A copy of the second file with one byte changed. */
  {
    g_autofree char *bytes = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (paths[1], &bytes, &len, NULL));
    bytes[len / 2] ^= 0x01;
    damaged = g_strdup_printf ("%s/many-damaged.zip", fx->dir);
    g_assert_true (g_file_set_contents (damaged, bytes, len, NULL));
  }

  /* One batch: the damaged file is refused, the others come in, keys pinned. */
  {
    g_autoptr(ZcPerson) lead = person (w->l, "YL01");
    const char *order[] = { paths[0], damaged, paths[1], paths[2] };

    g_assert_true (zc_exchange_import_batch_begin (w->l, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(ZcExchangeReport) report = zc_exchange_import (w->l, lead, order[i], NULL,
                                                                 NULL, NULL, &error);
        if (order[i] == damaged)
          {
            g_assert_null (report);
            g_assert_error (error, ZC_ERROR, ZC_ERROR_CORRUPT);
            g_clear_error (&error);
          }
        else
          {
            g_assert_no_error (error);
            g_assert_true (report->changed);
            g_assert_true (report->pinned);
            g_assert_cmpuint (report->not_merged->len, ==, 0);
          }
      }
    g_assert_true (zc_exchange_import_batch_end (w->l, &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(ZcPerson) mine = person (fx->store, codes[i]);
      g_autoptr(ZcPerson) theirs = person (w->l, codes[i]);

      g_assert_cmpstr (zc_person_get_pubkey (theirs), ==, zc_person_get_pubkey (mine));
      g_assert_cmpint (zc_store_query_int (w->l, 0, "SELECT count(*) FROM form WHERE "
                                                    "person_id = ? AND state = 'submitted'",
                                           "i", zc_record_get_id (ZC_RECORD (theirs))), ==, 1);
      sodium_memzero (secrets[i], sizeof secrets[i]);
    }
  zc_assert_verified (w->l);

  /* The same files on the employee's computer, read ahead in a thread, two to a batch:
   * YL02 signs with their own key there, so their file from elsewhere is refused too. */
  {
    g_autoptr(ZcPerson) employee = person (w->e, "YL02");
    const char *order[] = { paths[0], damaged, paths[1], paths[2] };
    const int expected[] = { 0, ZC_ERROR_CORRUPT, 0, ZC_ERROR_AUTH };
    Imported told = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE,
                                                                            sizeof (int)) };

    g_assert_true (zc_exchange_import_files (w->e, employee, order, G_N_ELEMENTS (order), 2,
                                             on_file_imported, &told, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (told.paths->len, ==, G_N_ELEMENTS (order));
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_assert_cmpstr (told.paths->pdata[i], ==, order[i]);
        g_assert_cmpint (g_array_index (told.codes, int, i), ==, expected[i]);
      }
    g_assert_cmpint (zc_store_query_int (w->e, 0, "SELECT count(*) FROM form WHERE "
                                                  "state = 'submitted'", NULL), ==, 2);
    zc_assert_verified (w->e);
    g_ptr_array_unref (told.paths);
    g_array_unref (told.codes);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/three-computers", World, NULL, world_setup, test_three_computers,
              world_teardown);
  g_test_add ("/exchange/refusals", World, NULL, world_setup, test_refusals, world_teardown);
  g_test_add ("/exchange/leader-in-charge", World, NULL, world_setup, test_leader_in_charge,
              world_teardown);
  g_test_add ("/exchange/references", World, NULL, world_setup, test_references,
              world_teardown);
  g_test_add ("/exchange/many-files", World, NULL, world_setup, test_many_files,
              world_teardown);
  return g_test_run ();
}
