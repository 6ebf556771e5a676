/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "zc-similarity.h"

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

  for (guint i = 0; i < texts->len; i++)
    chars += g_utf8_strlen (g_ptr_array_index (texts, i), -1);

  g_timer_start (timer);
  clusters = zc_similarity_cluster ((const char * const *) texts->pdata, texts->len,
                                    ZC_SIMILARITY_CLUSTER_THRESHOLD);
  g_timer_stop (timer);

  for (guint c = 0; c < clusters->len; c++)
    clustered += ((GArray *) g_ptr_array_index (clusters, c))->len;

  /* No timing assertion here (machines differ): bench/ measures. This shows the order. */
  g_test_message ("%u texts (%.0f characters on average): %u clusters holding %u texts "
                  "in %.1f ms",
                  texts->len, (double) chars / texts->len, clusters->len, clustered,
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/similarity/score", test_score_basics);
  g_test_add_func ("/similarity/cluster/findings", test_cluster_findings);
  g_test_add_func ("/similarity/cluster/edges", test_cluster_edges);
  g_test_add_func ("/similarity/cluster/all-pairs", test_cluster_against_all_pairs);
  g_test_add_func ("/similarity/cluster/speed", test_cluster_speed);
  g_test_add_func ("/similarity/index", test_index);
  g_test_add_func ("/similarity/index/large", test_index_large);

  return g_test_run ();
}
