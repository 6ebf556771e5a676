/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <time.h>

#include "zc-similarity.h"
#include "zc-test-util.h"

/* Milliseconds of this thread's CPU time: the machines these tests run on are shared, and
 * wall-clock times say more about the neighbours than about the code. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* ---- scores ------------------------------------------------------------------------- */

static void
test_score_basics (void)
{
  const char *a = "窗口服务态度生硬，对群众咨询不耐烦。";

  g_assert_cmpfloat (zc_similarity_score (a, a), ==, 1.0);
  /* punctuation, white space, width and case do not count */
  g_assert_cmpfloat (zc_similarity_score (a, "窗口服务态度生硬 对群众咨询不耐烦"), ==, 1.0);
  g_assert_cmpfloat (zc_similarity_score ("ＯＡ系统使用不熟练，２０２２年", "oa系统使用不熟练2022年"),
                     ==, 1.0);
  g_assert_cmpfloat (zc_similarity_score ("「会议多」、“文件多”！", "会议多文件多"), ==, 1.0);
  /* texts outside the common ranges go through full NFKC: composed and decomposed
   * accents, circled digits, compatibility ideographs */
  g_assert_cmpfloat (zc_similarity_score ("caf\xC3\xA9 ①号窗口", "CAFE\xCC\x81 1号窗口"), ==, 1.0);
  g_assert_cmpfloat (zc_similarity_score ("\xEF\xA4\x80号", "\xE8\xB1\x88号"), ==, 1.0);
  /* nothing to compare */
  g_assert_cmpfloat (zc_similarity_score ("", ""), ==, 0.0);
  g_assert_cmpfloat (zc_similarity_score (NULL, a), ==, 0.0);
  g_assert_cmpfloat (zc_similarity_score ("，。！", "，。！"), ==, 0.0);
  /* single characters */
  g_assert_cmpfloat (zc_similarity_score ("懒", "懒"), ==, 1.0);
  g_assert_cmpfloat (zc_similarity_score ("懒", "散"), ==, 0.0);
  /* unrelated */
  g_assert_cmpfloat (zc_similarity_score (a, "财务报销票据审核把关不严，存在白条入账现象"), <, 0.1);
  /* symmetric */
  g_assert_cmpfloat (zc_similarity_score (a, "窗口人员态度生硬"), ==,
                     zc_similarity_score ("窗口人员态度生硬", a));
}

/* ---- clustering on realistic findings ---------------------------------------------- */

static const char * const findings[] = {
  /* 0-2: one problem in three people's words */
  "窗口服务态度生硬，对群众咨询不耐烦",
  "窗口服务态度生硬，对来办事群众的咨询不耐烦",
  "服务窗口态度生硬，对群众咨询显得不耐烦。",
  /* 3 */
  "财务报销票据审核把关不严，个别单据存在白条入账现象",
  /* 4-5: formalism */
  "以会议落实会议、以文件落实文件，部署多、督促检查少，有部署无落实",
  "以会议落实会议，以文件落实文件，部署多督促检查少，存在有部署无落实的现象",
  /* 6 */
  "低保审核审批程序执行不规范，入户调查流于形式",
  /* 7 */
  "对养老服务机构的安全检查不深入，发现隐患后跟踪整改不到位",
  /* 8-9: slow handling */
  "办理婚姻登记预约件时拖拉，群众反映等候时间过长",
  "办理婚姻登记预约时拖拉，群众反映等候的时间过长",
  /* 10 */
  "学习政策法规不主动，对新出台的救助政策掌握不全面",
  /* 11: shares words with 0-2 but says something else */
  "窗口工作人员上班时间玩手机，离岗后未放置暂离标识",
  /* 12 */
  "",
  /* 13 */
  "落实八项规定精神有松懈，公务用车管理登记不及时",
  /* 14: the same as 6 with other punctuation and width */
  "低保审核审批程序执行不规范；入户调查流于形式！",
};

static gboolean
cluster_is (GArray      *cluster,
            const guint *members,
            guint        n)
{
  if (cluster->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_array_index (cluster, guint, i) != members[i])
      return FALSE;
  return TRUE;
}

static void
test_cluster_findings (void)
{
  g_autoptr(GPtrArray) clusters = zc_similarity_cluster (findings, G_N_ELEMENTS (findings),
                                                         ZC_SIMILARITY_CLUSTER_THRESHOLD);
  const guint window[] = { 0, 1, 2 };
  const guint formalism[] = { 4, 5 };
  const guint low_income[] = { 6, 14 };
  const guint marriage[] = { 8, 9 };

  for (guint i = 0; i < clusters->len; i++)
    {
      GArray *c = g_ptr_array_index (clusters, i);
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint m = 0; m < c->len; m++)
        g_string_append_printf (s, " %u", g_array_index (c, guint, m));
      g_test_message ("cluster %u:%s", i, s->str);
    }

  g_assert_cmpuint (clusters->len, ==, 4);
  g_assert_true (cluster_is (g_ptr_array_index (clusters, 0), window, 3));
  g_assert_true (cluster_is (g_ptr_array_index (clusters, 1), formalism, 2));
  g_assert_true (cluster_is (g_ptr_array_index (clusters, 2), low_income, 2));
  g_assert_true (cluster_is (g_ptr_array_index (clusters, 3), marriage, 2));
}

static void
test_cluster_edges (void)
{
  const char * const same[] = { "会议多文件多", NULL, "会议多，文件多。", "", "会议多文件多" };
  g_autoptr(GPtrArray) none = zc_similarity_cluster (NULL, 0, 0.5);
  g_autoptr(GPtrArray) one = zc_similarity_cluster (same, 1, 0.5);
  g_autoptr(GPtrArray) clusters = zc_similarity_cluster (same, G_N_ELEMENTS (same), 0.5);
  const guint expected[] = { 0, 2, 4 };

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (one->len, ==, 0);
  g_assert_cmpuint (clusters->len, ==, 1);
  g_assert_true (cluster_is (g_ptr_array_index (clusters, 0), expected, 3));
}

/* ---- generated findings: the candidate search against every pair ------------------- */

static const char * const subjects[] = {
  "窗口工作人员", "个别干部", "部分同志", "本处室", "局属单位", "救助站", "婚姻登记处",
  "养老服务科", "基层治理科", "办公室", "财务科", "我本人", "殡葬管理所", "福利院",
};
static const char * const phrases[] = {
  "服务态度生硬", "对群众咨询不耐烦", "办事拖拉推诿", "有部署无落实", "以会议落实会议",
  "以文件落实文件", "学习政策法规不主动", "入户调查流于形式", "审核把关不严",
  "遇到难题绕着走", "不求有功但求无过", "工作标准不高", "满足于过得去",
  "对上级要求理解不深", "调查研究不够深入", "制度执行打折扣", "落实八项规定有松懈",
  "公务用车登记不及时", "业务培训参加不积极", "信息系统使用不熟练", "台账资料不完整",
  "对投诉件答复不及时", "首问负责制落实不到位", "一次性告知不清楚", "让群众多跑腿",
  "上班时间玩手机", "离岗未放置暂离标识", "会议纪律松散", "考勤管理不严格",
  "担当意识不强", "怕出错不敢创新", "对下属单位督导不力", "问题整改不彻底",
  "资金拨付进度慢", "档案管理不规范", "数据统计不准确", "安全隐患排查不细",
  "协调配合意识不强", "相互推诿扯皮", "廉洁风险防控不到位",
};
static const char * const contexts[] = {
  "在低保审批中", "在办理婚姻登记时", "在养老机构检查中", "在临时救助工作中",
  "在残疾人两项补贴发放中", "在社会组织年检中", "在信访接待中", "在日常工作中",
  "在疫情防控期间", "在项目建设中", "在专项资金管理中", "在窗口服务中",
};

static char *
make_text (GRand *rand)
{
  GString *s = g_string_new (NULL);
  guint n_phrases = g_rand_int_range (rand, 4, 12);

  g_string_append (s, contexts[g_rand_int_range (rand, 0, G_N_ELEMENTS (contexts))]);
  g_string_append (s, "，");
  g_string_append (s, subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))]);
  for (guint i = 0; i < n_phrases; i++)
    {
      g_string_append (s, phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phrases))]);
      g_string_append (s, i + 1 < n_phrases ? "，" : "。");
    }
  return g_string_free (s, FALSE);
}

/* A variant as another person would write it: a clause changed, dropped or added. */
static char *
make_variant (GRand      *rand,
              const char *text)
{
  g_auto(GStrv) clauses = g_strsplit (text, "，", -1);
  guint n = g_strv_length (clauses);
  guint k = g_rand_int_range (rand, 1, n);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i == k && g_rand_boolean (rand))
        continue;
      if (s->len > 0)
        g_string_append (s, "，");
      g_string_append (s, clauses[i]);
      if (i == k)
        g_string_append (s, "的情况");
    }
  return g_string_free (s, FALSE);
}

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    x = parent[x] = parent[parent[x]];
  return x;
}

static GPtrArray *
generate_texts (guint    n,
                guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  while (texts->len < n)
    {
      /* about one in five texts has near-duplicates written by others */
      if (texts->len > 0 && g_rand_int_range (rand, 0, 5) == 0)
        {
          const char *base = g_ptr_array_index (texts, g_rand_int_range (rand, 0, texts->len));

          g_ptr_array_add (texts, make_variant (rand, base));
        }
      else
        g_ptr_array_add (texts, make_text (rand));
    }
  return texts;
}

static void
test_cluster_against_all_pairs (void)
{
  g_autoptr(GPtrArray) texts = generate_texts (400, 20260301);
  g_autoptr(GPtrArray) clusters = NULL;
  g_autofree guint *parent = g_new (guint, texts->len);
  g_autofree guint *label = g_new (guint, texts->len);
  guint n_linked = 0;
  guint n_missed = 0;

  clusters = zc_similarity_cluster ((const char * const *) texts->pdata, texts->len,
                                    ZC_SIMILARITY_CLUSTER_THRESHOLD);
  for (guint i = 0; i < texts->len; i++)
    {
      parent[i] = i;
      label[i] = G_MAXUINT;
    }
  for (guint c = 0; c < clusters->len; c++)
    {
      GArray *members = g_ptr_array_index (clusters, c);

      g_assert_cmpuint (members->len, >=, 2);
      if (c > 0)
        g_assert_cmpuint (members->len, <=,
                          ((GArray *) g_ptr_array_index (clusters, c - 1))->len);
      for (guint m = 0; m < members->len; m++)
        {
          guint i = g_array_index (members, guint, m);

          if (m > 0)
            g_assert_cmpuint (i, >, g_array_index (members, guint, m - 1));
          g_assert_cmpuint (label[i], ==, G_MAXUINT);
          label[i] = c;
        }
    }

  /* Every pair the clustering linked scores high enough through some chain, and every
   * pair that scores high enough ends up in one cluster (unless it shares only common
   * bigrams, which these texts never do). */
  for (guint i = 0; i < texts->len; i++)
    for (guint j = i + 1; j < texts->len; j++)
      if (zc_similarity_score (g_ptr_array_index (texts, i), g_ptr_array_index (texts, j))
          >= ZC_SIMILARITY_CLUSTER_THRESHOLD)
        {
          guint a = find_root (parent, i), b = find_root (parent, j);

          n_linked++;
          if (a != b)
            parent[b] = a;
          if (label[i] == G_MAXUINT || label[i] != label[j])
            n_missed++;
        }
  for (guint i = 0; i < texts->len; i++)
    for (guint j = i + 1; j < texts->len; j++)
      if (label[i] != G_MAXUINT && label[i] == label[j])
        g_assert_cmpuint (find_root (parent, i), ==, find_root (parent, j));

  g_test_message ("%u pairs at or above the threshold, %u missed", n_linked, n_missed);
  g_assert_cmpuint (n_linked, >, 20);
  g_assert_cmpuint (n_missed, ==, 0);
}

static void
test_cluster_speed (void)
{
  g_autoptr(GPtrArray) texts = generate_texts (2000, 42);
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint clustered = 0;
  gsize chars = 0;
  double cpu;

  for (guint i = 0; i < texts->len; i++)
    chars += g_utf8_strlen (g_ptr_array_index (texts, i), -1);

  g_timer_start (timer);
  cpu = cpu_ms ();
  clusters = zc_similarity_cluster ((const char * const *) texts->pdata, texts->len,
                                    ZC_SIMILARITY_CLUSTER_THRESHOLD);
  cpu = cpu_ms () - cpu;
  g_timer_stop (timer);

  for (guint c = 0; c < clusters->len; c++)
    clustered += ((GArray *) g_ptr_array_index (clusters, c))->len;

  /* No timing assertion here (machines differ): bench/ measures. This shows the order. */
  g_test_message ("%u texts (%.0f characters on average): %u clusters holding %u texts "
                  "in %.1f ms CPU (%.1f ms wall)",
                  texts->len, (double) chars / texts->len, clusters->len, clustered, cpu,
                  g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (clusters->len, >, 0);
}

/* ---- the index ---------------------------------------------------------------------- */

static void
test_index (void)
{
  g_autoptr(ZcSimilarityIndex) index = zc_similarity_index_new ();
  g_autoptr(ZcSimilarityIndex) empty = zc_similarity_index_new ();
  gint64 id = -1;
  double score = -1;

  g_assert_false (zc_similarity_index_best (empty, findings[0], 0.1, &id, &score));
  g_assert_cmpint (id, ==, -1);

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    zc_similarity_index_add (index, 100 + i, findings[i]);

  g_assert_true (zc_similarity_index_best (index, "窗口服务态度生硬，对群众的咨询不耐烦",
                                           ZC_SIMILARITY_HINT_THRESHOLD, &id, &score));
  g_assert_cmpint (id, ==, 100);
  g_assert_cmpfloat (score, >=, ZC_SIMILARITY_HINT_THRESHOLD);
  g_assert_cmpfloat (score, <, 1.0);

  /* the exact text wins over near ones */
  g_assert_true (zc_similarity_index_best (index, findings[9], 0.5, &id, &score));
  g_assert_cmpint (id, ==, 109);
  g_assert_cmpfloat (score, ==, 1.0);

  /* nothing close enough */
  g_assert_false (zc_similarity_index_best (index, "民政统计数据上报迟缓", 0.5, NULL, NULL));
  g_assert_false (zc_similarity_index_best (index, "", 0.0, NULL, NULL));
}

static void
test_index_large (void)
{
  g_autoptr(GPtrArray) texts = generate_texts (3000, 7);
  g_autoptr(ZcSimilarityIndex) index = zc_similarity_index_new ();
  g_autoptr(GTimer) timer = g_timer_new ();
  guint hits = 0;

  for (guint i = 0; i < texts->len; i++)
    zc_similarity_index_add (index, i, g_ptr_array_index (texts, i));

  /* Each text finds itself (or one with the same bigrams). */
  g_timer_start (timer);
  for (guint i = 0; i < texts->len; i += 10)
    {
      gint64 id = -1;
      double score = 0;

      g_assert_true (zc_similarity_index_best (index, g_ptr_array_index (texts, i), 0.99,
                                               &id, &score));
      g_assert_cmpint (id, <=, i);
      g_assert_cmpfloat (score, ==, 1.0);
      g_assert_cmpfloat (zc_similarity_score (g_ptr_array_index (texts, id),
                                              g_ptr_array_index (texts, i)), ==, 1.0);
      hits++;
    }
  g_timer_stop (timer);
  g_test_message ("%u look-ups among %u texts in %.1f ms", hits, texts->len,
                  g_timer_elapsed (timer, NULL) * 1000);
}


/* ---- the store's uses ------------------------------------------------------------------- */

static void
write_findings (ZcFixture          *fx,
                ZcPerson           *person,
                const char * const *phenomena)
{
  for (guint i = 0; phenomena[i] != NULL; i++)
    {
      g_autoptr(ZcFinding) f = zc_fixture_finding (fx, person, phenomena[i]);
    }
}

static void
submit (ZcFixture *fx,
        ZcPerson  *person,
        ZcPerson  *reviewer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) form = zc_store_ensure_own_form (fx->store, person, &error);

  g_assert_no_error (error);
  g_assert_true (zc_store_submit_form (fx->store, person, form, &error));
  g_assert_no_error (error);
  if (reviewer != NULL)
    {
      g_clear_object (&form);
      form = zc_store_get_form_of (fx->store, reviewer, zc_record_get_id (ZC_RECORD (person)),
                                   &error);
      g_assert_no_error (error);
      g_assert_true (zc_store_approve_form (fx->store, reviewer, form, "具体", &error));
      g_assert_no_error (error);
    }
}

static gboolean
cluster_has (GArray       *cluster,
             const gint64 *ids,
             guint         n)
{
  if (cluster->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;

      for (guint m = 0; m < cluster->len; m++)
        found |= g_array_index (cluster, gint64, m) == ids[i];
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gint64
finding_id (ZcFixture  *fx,
            const char *phenomenon)
{
  gint64 id = zc_store_query_int (fx->store, 0, "SELECT id FROM finding WHERE phenomenon = ?",
                                  "s", phenomenon);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_store_cluster (ZcFixture     *fx,
                    gconstpointer  data)
{
  const char * const emp[] = {
    "窗口服务态度生硬，对群众咨询不耐烦", "学习政策法规不主动，对新出台的救助政策掌握不全面", NULL
  };
  const char * const emp2[] = {
    "窗口服务态度生硬，对来办事群众的咨询不耐烦", "低保审核审批程序执行不规范，入户调查流于形式", NULL
  };
  const char * const lead[] = { "服务窗口态度生硬，对群众咨询显得不耐烦。", NULL };
  const char * const draft[] = { "窗口服务态度生硬，对群众咨询不耐烦！", NULL };
  g_autoptr(ZcFinding) feedback = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GError) error = NULL;
  gint64 window[3], allowance[2];

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  write_findings (fx, fx->sj_lead, lead);
  write_findings (fx, fx->sj_emp, emp);
  write_findings (fx, fx->sj_emp2, emp2);
  submit (fx, fx->sj_lead, fx->leader);
  submit (fx, fx->sj_emp, fx->sj_lead);
  submit (fx, fx->sj_emp2, fx->sj_lead);
  /* a form still in draft and one of another unit stay out */
  write_findings (fx, fx->yl_emp, draft);
  feedback = zc_store_add_feedback (fx->store, fx->inspector, fx->sj, ZC_CHANNEL_HOTLINE, 0,
                                    "低保审核审批程序执行不规范；入户调查流于形式！",
                                    "2026-03-02", &error);
  g_assert_no_error (error);

  window[0] = finding_id (fx, emp[0]);
  window[1] = finding_id (fx, emp2[0]);
  window[2] = finding_id (fx, lead[0]);
  allowance[0] = finding_id (fx, emp2[1]);
  allowance[1] = zc_record_get_id (ZC_RECORD (feedback));

  clusters = zc_store_cluster_unit_findings (fx->store, fx->sj_lead, fx->sj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clusters->len, ==, 2);
  g_assert_true (cluster_has (g_ptr_array_index (clusters, 0), window, 3));
  g_assert_true (cluster_has (g_ptr_array_index (clusters, 1), allowance, 2));
  g_clear_pointer (&clusters, g_ptr_array_unref);

  /* The same clusters as those of the texts of the findings the aggregation board lists
   * (zc_store_cluster_unit_findings() reads only ids and texts, with the same rule). */
  {
    g_autoptr(GListModel) listed = zc_store_list_unit_findings (fx->store, fx->sj_lead, fx->sj,
                                                                &error);
    g_autoptr(GPtrArray) texts = g_ptr_array_new ();
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GPtrArray) by_text = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
      {
        g_autoptr(ZcFinding) f = g_list_model_get_item (listed, i);
        const char *text = zc_finding_get_phenomenon (f);
        gint64 id = zc_record_get_id (ZC_RECORD (f));

        if (text == NULL || *text == '\0')
          text = zc_finding_get_example (f);
        g_ptr_array_add (texts, (gpointer) text);
        g_array_append_val (ids, id);
      }
    by_text = zc_similarity_cluster ((const char * const *) texts->pdata, texts->len,
                                     ZC_SIMILARITY_CLUSTER_THRESHOLD);
    clusters = zc_store_cluster_unit_findings (fx->store, fx->sj_lead, fx->sj, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (clusters->len, ==, by_text->len);
    for (guint c = 0; c < clusters->len; c++)
      {
        GArray *a = g_ptr_array_index (clusters, c);
        GArray *b = g_ptr_array_index (by_text, c);

        g_assert_cmpuint (a->len, ==, b->len);
        for (guint m = 0; m < a->len; m++)
          g_assert_cmpint (g_array_index (a, gint64, m), ==,
                           g_array_index (ids, gint64, g_array_index (b, guint, m)));
      }
    g_clear_pointer (&clusters, g_ptr_array_unref);
  }

  /* the leader in charge may look, an employee may not */
  clusters = zc_store_cluster_unit_findings (fx->store, fx->leader, fx->sj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clusters->len, ==, 2);
  g_assert_null (zc_store_cluster_unit_findings (fx->store, fx->sj_emp, fx->sj, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
}

static void
assert_hint (ZcFixture  *fx,
             ZcPerson   *actor,
             const char *text,
             ZcHintKind  expected)
{
  g_autofree char *message = NULL;
  ZcHintKind kind = zc_store_quality_hint (fx->store, actor, text, &message);

  if (kind != expected)
    g_error ("“%s”: hint %d, expected %d", text, kind, expected);
  if (expected == ZC_HINT_NONE)
    g_assert_null (message);
  else
    {
      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 20);
    }
}

static void
test_store_hint (ZcFixture     *fx,
                 gconstpointer  data)
{
  const char * const emp[] = { "窗口服务态度生硬，对群众咨询不耐烦，经常让群众多跑腿", NULL };
  g_autoptr(ZcGuidance) builtin = zc_store_get_guidance (fx->store, "phenomenon");
  g_autoptr(ZcGuidance) custom = NULL;
  g_auto(GStrv) examples = g_strsplit (zc_guidance_get_examples (builtin), "\n", -1);
  g_autofree char *changed = g_strdup_printf ("  %s!!", examples[1]);
  g_autoptr(ZcFinding) suggestion = NULL;
  g_autoptr(GError) error = NULL;

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  write_findings (fx, fx->sj_emp, emp);

  /* nothing yet, then too short */
  assert_hint (fx, fx->sj_emp2, "", ZC_HINT_NONE);
  assert_hint (fx, fx->sj_emp2, NULL, ZC_HINT_NONE);
  assert_hint (fx, fx->sj_emp2, "，。", ZC_HINT_NONE);
  assert_hint (fx, fx->sj_emp2, "态度不好", ZC_HINT_TOO_SHORT);
  assert_hint (fx, fx->sj_emp2, "工作不认真。。。", ZC_HINT_TOO_SHORT);

  /* a built-in example (in the reader's language), and a campaign's own examples */
  assert_hint (fx, fx->sj_emp2, changed, ZC_HINT_LIKE_EXAMPLE);
  custom = ZC_GUIDANCE (zc_record_copy (ZC_RECORD (builtin)));
  zc_guidance_set_examples (custom, "群众来窗口咨询低保政策时，我只说“不归我们管”，没有指引到相关科室。\n"
                                    "上季度三份养老机构检查报告，我没有实地查看就签了字。");
  g_assert_true (zc_store_save_guidance (fx->store, fx->inspector, custom, &error));
  g_assert_no_error (error);
  assert_hint (fx, fx->sj_emp2, "上季度三份养老机构检查报告，我没有实地查看就签字了",
               ZC_HINT_LIKE_EXAMPLE);

  /* what a colleague wrote; one's own text is no hint */
  assert_hint (fx, fx->sj_emp2, "窗口服务态度生硬，对群众的咨询不耐烦，经常让群众多跑腿。",
               ZC_HINT_LIKE_OTHER);
  assert_hint (fx, fx->yl_emp, "窗口服务态度生硬、对群众咨询不耐烦，经常让群众多跑腿", ZC_HINT_LIKE_OTHER);
  assert_hint (fx, fx->sj_emp, "窗口服务态度生硬，对群众咨询不耐烦，经常让群众多跑腿",
               ZC_HINT_NONE);
  /* a concrete text of one's own */
  assert_hint (fx, fx->sj_emp2, "3月12日上午，一位老人来申请临时救助，我因材料缺一份复印件就让他"
                                "第二天再来，没有主动帮他复印。", ZC_HINT_NONE);

  /* suggestions for others are not anyone's self-inspection */
  suggestion = zc_store_suggest (fx->store, fx->sj_emp2, 0, fx->yl,
                                 zc_fixture_entry (fx, ZC_LIST_KIND_CATEGORY, "style"),
                                 "养老机构检查流于形式，检查报告照抄上年内容", FALSE, &error);
  g_assert_no_error (error);
  assert_hint (fx, fx->yl_emp, "养老机构检查流于形式，检查报告照抄上年内容", ZC_HINT_NONE);
}

static void
on_ready_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* 60,000 findings written straight into the table (the API would take minutes), then the
 * time of a hint that finds a colleague's text and of one that finds nothing. */
static void
test_store_hint_speed (ZcFixture     *fx,
                       gconstpointer  data)
{
  guint n = g_test_perf () ? 60000 : 6000;
  g_autoptr(GPtrArray) texts = generate_texts (n, 60000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gint64 authors[] = {
    zc_record_get_id (ZC_RECORD (fx->sj_emp)), zc_record_get_id (ZC_RECORD (fx->yl_emp)),
    zc_record_get_id (ZC_RECORD (fx->ck_emp)), zc_record_get_id (ZC_RECORD (fx->off_emp)),
  };
  double worst = 0, total = 0, first = 0, build = 0, warm = 0, after_change = 0;
  guint hits = 0, asked = 0;
  sqlite3_stmt *stmt;

  g_assert_true (zc_store_begin (fx->store, &error));
  stmt = zc_store_stmt (fx->store, "INSERT INTO finding (uuid, created, updated, source, "
                                   "author_id, unit_id, phenomenon) "
                                   "VALUES (?, '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z', "
                                   "'self', ?, ?, ?)", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      g_assert_true (zc_store_bind (fx->store, stmt, &error, "siis", uuid,
                                    authors[i % G_N_ELEMENTS (authors)], fx->sj,
                                    (const char *) g_ptr_array_index (texts, i)));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  g_assert_true (zc_store_commit (fx->store, &error));
  g_assert_no_error (error);

  /* The index built synchronously on a second connection, as the first hint would... */
  {
    g_autoptr(ZcStore) other = zc_store_open (fx->path, &error);
    double t;

    g_assert_no_error (error);
    t = cpu_ms ();
    g_assert_cmpint (zc_store_quality_hint (other, fx->sj_emp2, "窗口服务态度生硬对群众咨询不耐烦", NULL),
                     <=, ZC_HINT_LIKE_OTHER);
    build = cpu_ms () - t;
  }
  /* ...and in a thread, as the form page asks for it. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    g_timer_start (timer);
    zc_store_prepare_quality_hints_async (fx->store, NULL, on_ready_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (zc_store_prepare_quality_hints_finish (fx->store, result, &error));
    g_assert_no_error (error);
    warm = g_timer_elapsed (timer, NULL) * 1000;
  }

  for (guint k = 0; k < 40; k++)
    {
      /* even k: a colleague's text with a clause changed; odd k: a text nobody wrote */
      g_autoptr(GRand) rand = g_rand_new_with_seed (k);
      g_autofree char *text = k % 2 == 0
        ? make_variant (rand, g_ptr_array_index (texts, (k * 7919) % texts->len))
        : g_strdup_printf ("%u月%u日，我在办理第%u号救助申请时，因系统故障未及时录入，事后也未向申请人说明。",
                           k % 12 + 1, k % 28 + 1, 1000 + k);
      double t;
      ZcHintKind kind;

      t = cpu_ms ();
      kind = zc_store_quality_hint (fx->store, fx->sj_emp2, text, NULL);
      t = cpu_ms () - t;
      if (k == 0)
        first = t;
      else
        {
          worst = MAX (worst, t);
          total += t;
        }
      asked++;
      if (k % 2 == 0 && kind == ZC_HINT_LIKE_OTHER)
        hits++;
      if (k % 2 == 1)
        g_assert_cmpint (kind, ==, ZC_HINT_NONE);
    }

  /* A colleague saves a finding: the next hint reads it from the audit log's new entries. */
  {
    g_autoptr(ZcFinding) f = NULL;
    double t;

    zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
    f = zc_fixture_finding (fx, fx->ck_emp, "婚姻登记窗口午休时间无人值守，群众反映多次白跑一趟");
    t = cpu_ms ();
    g_assert_cmpint (zc_store_quality_hint (fx->store, fx->sj_emp2,
                                            "婚姻登记窗口午休时间无人值守，群众多次白跑一趟", NULL),
                     ==, ZC_HINT_LIKE_OTHER);
    after_change = cpu_ms () - t;
  }

  /* No timing assertion (machines differ): bench/ measures. */
  g_test_message ("%u findings: index built in %.0f ms CPU (%.0f ms wall in a thread); hints "
                  "%.2f ms CPU first, %.2f on average, %.2f at worst, %.2f after a change; "
                  "%u of %u near-copies found",
                  n, build, warm, first, total / (asked - 1), worst, after_change, hits,
                  asked / 2);
  g_assert_cmpuint (hits, >=, asked / 2 * 9 / 10);
}

/* More texts than distinct bigrams: a small vocabulary repeated (the city demo hit this). */
static void
test_cluster_more_texts_than_terms (void)
{
  static const char *words[] = { "拖", "推", "慢", "冷" };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) clusters = NULL;

  for (guint i = 0; i < 600; i++)
    g_ptr_array_add (texts, g_strconcat (words[i % 4], words[(i / 4) % 4], words[(i / 16) % 4],
                                         words[(i / 64) % 4], NULL));
  clusters = zc_similarity_cluster ((const char * const *) texts->pdata, texts->len,
                                    ZC_SIMILARITY_CLUSTER_THRESHOLD);
  g_assert_nonnull (clusters);
  g_assert_cmpuint (clusters->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/similarity/score", test_score_basics);
  g_test_add_func ("/similarity/cluster/findings", test_cluster_findings);
  g_test_add_func ("/similarity/cluster/edges", test_cluster_edges);
  g_test_add_func ("/similarity/cluster/more-texts-than-terms", test_cluster_more_texts_than_terms);
  g_test_add_func ("/similarity/cluster/all-pairs", test_cluster_against_all_pairs);
  g_test_add_func ("/similarity/cluster/speed", test_cluster_speed);
  g_test_add_func ("/similarity/index", test_index);
  g_test_add_func ("/similarity/index/large", test_index_large);
  g_test_add ("/similarity/store/cluster", ZcFixture, NULL, zc_fixture_setup, test_store_cluster,
              zc_fixture_teardown);
  g_test_add ("/similarity/store/hint", ZcFixture, NULL, zc_fixture_setup, test_store_hint,
              zc_fixture_teardown);
  g_test_add ("/similarity/store/hint-speed", ZcFixture, NULL, zc_fixture_setup,
              test_store_hint_speed, zc_fixture_teardown);

  return g_test_run ();
}
