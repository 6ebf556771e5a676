/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <string.h>

#include "zc-notice.h"
#include "zc-store-private.h"

/*
 * The public notice page: what a bureau posts on its intranet or a notice-board screen.
 * One file that works offline and on a phone: inline CSS, no scripts, fonts from the
 * reader's system. Every text from the database goes through g_markup_escape_text(); the
 * markup is also well-formed XML (void elements closed). The page's words are the fixed
 * Chinese terms of a bureau's 公示.
 */

static const char page_style[] =
  ":root{--ink:#1f2328;--muted:#5f6b7a;--line:#d8dee6;--paper:#fff;--bg:#f3f5f8;"
  "--red:#d93a2f;--amber:#f2a516;--green:#2e9e50;--blue:#2f5d8a}"
  "*{box-sizing:border-box}"
  "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
  "body{margin:0;background:var(--bg);color:var(--ink);line-height:1.65;"
  "font-family:\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\","
  "\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",sans-serif;font-size:16px}"
  ".wrap{max-width:980px;margin:0 auto;padding:0 16px}"
  "header.masthead{background:#9e1b1b;color:#fff;padding:28px 0 22px;"
  "border-bottom:4px solid #d4a017}"
  "header.masthead .kicker{margin:0;font-size:14px;letter-spacing:.3em;opacity:.85}"
  "header.masthead h1{margin:6px 0 4px;font-size:26px;line-height:1.35}"
  "header.masthead .sub{margin:0;font-size:18px}"
  "header.masthead .meta{margin:10px 0 0;font-size:14px;color:#fff}"
  "main{padding:18px 0 8px}"
  "section.card{background:var(--paper);border:1px solid var(--line);border-radius:10px;"
  "padding:16px 18px;margin:0 0 16px}"
  "h2{font-size:20px;margin:0 0 10px;line-height:1.4}"
  "h3{font-size:17px;margin:0 0 4px;line-height:1.45}"
  ".figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:10px;"
  "margin:0;padding:0;list-style:none}"
  ".figures li{background:var(--bg);border-radius:8px;padding:10px 12px}"
  ".figures .n{display:block;font-size:26px;font-weight:700;line-height:1.2}"
  ".figures .l{font-size:14px;color:var(--muted)}"
  ".figures .red .n{color:var(--red)}.figures .yellow .n{color:#b77900}"
  ".figures .green .n{color:var(--green)}"
  ".legend{font-size:14px;color:var(--muted);margin:10px 0 0}"
  ".toc{margin:0;padding:0;list-style:none;display:grid;"
  "grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:6px 16px}"
  ".toc a{color:var(--blue);text-decoration:none}.toc a:hover{text-decoration:underline}"
  ".toc .c{font-size:13px;color:var(--muted);white-space:nowrap}"
  ".tag{display:inline-block;font-size:12px;font-weight:400;border:1px solid var(--red);"
  "color:var(--red);border-radius:4px;padding:0 6px;margin-left:6px;vertical-align:middle}"
  ".counts{display:flex;flex-wrap:wrap;gap:6px 14px;margin:0 0 8px;padding:0;list-style:none;"
  "font-size:14px;color:var(--muted)}"
  ".counts b{color:var(--ink)}"
  ".bar{display:flex;height:10px;border-radius:5px;overflow:hidden;background:var(--bg);"
  "margin:0 0 12px}"
  ".bar span{display:block;height:100%}"
  ".s0{background:#c3c9d1}.s1{background:#4c8bd6}.s2{background:#8a6cc8}.s3{background:#1f6f78}"
  ".keys{font-size:13px;color:var(--muted);margin:-4px 0 4px}"
  ".keys i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;"
  "vertical-align:-1px}.keys i:first-child{margin-left:0}"
  "article.pledge{border-left:4px solid #9e1b1b;background:#fbf7f2;padding:12px 14px;"
  "margin:0 0 12px;border-radius:0 8px 8px 0}"
  "article.pledge p{margin:6px 0}"
  ".byline{font-size:14px;color:var(--muted)}"
  "ol.pledges{margin:6px 0;padding-left:1.6em}ol.pledges li{margin:4px 0}"
  ".contact{font-size:15px}.contact a{color:var(--blue)}"
  "details{margin:0 0 6px}"
  "summary{cursor:pointer;color:var(--blue);font-size:15px;padding:4px 0}"
  "ol.items{list-style:none;margin:6px 0 0;padding:0}"
  "ol.items li{display:flex;gap:10px;align-items:flex-start;padding:9px 0;"
  "border-top:1px solid var(--line)}"
  ".no{flex:0 0 auto;min-width:2.2em;color:var(--muted);font-size:14px;padding-top:2px}"
  ".body{flex:1 1 auto;min-width:0}"
  ".body p{margin:0;overflow-wrap:anywhere}"
  ".problem{font-size:14px;color:var(--muted)}"
  ".info{font-size:13px;color:var(--muted)}"
  ".light{flex:0 0 auto;display:inline-block;font-size:13px;font-weight:700;color:#fff;"
  "border-radius:999px;padding:1px 9px;margin-top:2px;white-space:nowrap}"
  ".light.red{background:var(--red)}.light.yellow{background:var(--amber);color:#1f2328}"
  ".light.green{background:var(--green)}.light.none{background:#c3c9d1;color:#1f2328}"
  ".empty{color:var(--muted);font-size:15px;margin:4px 0}"
  "footer{color:var(--muted);font-size:13px;padding:8px 0 28px}"
  "footer p{margin:4px 0}"
  "@media (max-width:560px){body{font-size:15px}header.masthead h1{font-size:21px}"
  "header.masthead .sub{font-size:16px}section.card{padding:14px 12px;border-radius:8px}"
  ".figures{grid-template-columns:repeat(2,1fr)}.figures .n{font-size:22px}"
  "ol.items li{gap:8px}.no{min-width:1.6em}.light{padding:1px 7px}}"
  "@media print{body{background:#fff}header.masthead{background:#fff;color:#000;"
  "border-bottom:2px solid #000}section.card{border:none;padding:0}"
  "summary{display:none}}";

/* Stable element ids from unit codes: letters, digits, '-' and '_' only. */
static char *
unit_anchor (const char *code,
             guint       index)
{
  gboolean usable = code != NULL && *code != '\0';

  for (const char *p = code; usable && *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      usable = FALSE;
  return usable ? g_strdup_printf ("u-%s", code) : g_strdup_printf ("u%u", index + 1);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

/* Paragraphs of @text (one per line), escaped. */
static void
append_paragraphs (GString    *out,
                   const char *text,
                   const char *klass)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (klass != NULL)
        g_string_append_printf (out, "<p class=\"%s\">", klass);
      else
        g_string_append (out, "<p>");
      append_escaped (out, lines[i]);
      g_string_append (out, "</p>\n");
    }
}

static const char *
light_class (ZcLight light)
{
  switch (light)
    {
    case ZC_LIGHT_RED:
      return "red";
    case ZC_LIGHT_YELLOW:
      return "yellow";
    case ZC_LIGHT_GREEN:
      return "green";
    case ZC_LIGHT_NONE:
    default:
      return "none";
    }
}

typedef struct
{
  gint64   id;
  char    *name;
  char    *anchor;
  gboolean focus;
  guint    states[4];
  guint    lights[4];
  guint    items;
  GString *list;      /* the <li> of its items */
  GPtrArray *commitments;  /* ZcCommitment*, newest version first */
} NoticeUnit;

static void
notice_unit_free (gpointer data)
{
  NoticeUnit *u = data;

  g_free (u->name);
  g_free (u->anchor);
  g_string_free (u->list, TRUE);
  g_ptr_array_unref (u->commitments);
  g_free (u);
}

typedef struct
{
  GHashTable     *units;     /* id → NoticeUnit* */
  guint           done;
  guint           total;
  ZcProgressFunc  progress;
  gpointer        progress_data;
} Collect;

static gboolean
on_item (const ZcLedgerRow *row,
         gpointer           user_data,
         GError           **error)
{
  Collect *c = user_data;
  NoticeUnit *u = g_hash_table_lookup (c->units, &row->unit_id);
  GString *out;
  const char *deadline;

  c->done++;
  if (c->progress != NULL && (c->done & 0x3ff) == 0)
    c->progress (0.1 + 0.7 * c->done / MAX (c->total, 1), c->progress_data);
  if (u == NULL || !row->has_item)
    return TRUE;

  u->items++;
  u->states[row->state]++;
  u->lights[row->light]++;

  out = u->list;
  deadline = row->deadline_date != NULL ? row->deadline_date : row->deadline_text;
  g_string_append_printf (out, "<li><span class=\"no\">%d</span><div class=\"body\">",
                          row->number);
  g_string_append (out, "<p class=\"measure\">");
  append_escaped (out, row->measure != NULL ? row->measure : "（整改措施待定）");
  g_string_append (out, "</p><p class=\"problem\">问题：");
  append_escaped (out, row->problem);
  g_string_append (out, "</p><p class=\"info\">");
  if (deadline != NULL)
    {
      g_string_append (out, "时限：");
      append_escaped (out, deadline);
      g_string_append (out, " · ");
    }
  append_escaped (out, zc_doc_state_word (row->state));
  if (row->state != ZC_ITEM_STATE_CLOSED && row->progress > 0)
    g_string_append_printf (out, " · 进度 %d%%", row->progress);
  g_string_append (out, "</p></div>");
  g_string_append_printf (out, "<span class=\"light %s\">%s</span></li>\n",
                          light_class (row->light),
                          row->light != ZC_LIGHT_NONE ? zc_doc_light_word (row->light) : "无灯");
  return TRUE;
}

static void
append_counts (GString      *out,
               const guint  *states,
               const guint  *lights,
               guint         items,
               gboolean      with_list)
{
  if (with_list)
    g_string_append_printf (out, "<ul class=\"counts\"><li>整改事项 <b>%u</b> 项</li>"
                               "<li>已销号 <b>%u</b></li><li>已完成待销号 <b>%u</b></li>"
                               "<li>整改中 <b>%u</b></li><li>未开始 <b>%u</b></li>"
                               "<li>红灯 <b>%u</b></li><li>黄灯 <b>%u</b></li>"
                               "<li>绿灯 <b>%u</b></li></ul>\n",
                          items, states[ZC_ITEM_STATE_CLOSED],
                          states[ZC_ITEM_STATE_AWAITING_CLOSEOUT],
                          states[ZC_ITEM_STATE_IN_PROGRESS], states[ZC_ITEM_STATE_PLANNED],
                          lights[ZC_LIGHT_RED], lights[ZC_LIGHT_YELLOW], lights[ZC_LIGHT_GREEN]);
  if (items == 0)
    return;
  /* The share of items in each state, closed first. */
  g_string_append_printf (out, "<div class=\"bar\" role=\"img\" aria-label=\"已销号%u项，"
                               "已完成待销号%u项，整改中%u项，未开始%u项\">",
                          states[ZC_ITEM_STATE_CLOSED], states[ZC_ITEM_STATE_AWAITING_CLOSEOUT],
                          states[ZC_ITEM_STATE_IN_PROGRESS], states[ZC_ITEM_STATE_PLANNED]);
  for (int s = ZC_ITEM_STATE_CLOSED; s >= ZC_ITEM_STATE_PLANNED; s--)
    if (states[s] > 0)
      g_string_append_printf (out, "<span class=\"s%d\" style=\"width:%.2f%%\"></span>", s,
                              100.0 * states[s] / items);
  g_string_append (out, "</div>\n");
}

static gboolean
append_commitment (GString       *out,
                   ZcStore       *store,
                   ZcPerson      *actor,
                   ZcCommitment  *c,
                   ZcCommitment  *older,
                   GError       **error)
{
  g_autoptr(GListModel) pledges = NULL;
  g_autofree char *date = zc_doc_date_words (zc_commitment_get_sign_date (c));
  const char *who = zc_commitment_get_signature (c) != NULL ? zc_commitment_get_signature (c)
                                                             : zc_commitment_get_author_name (c);
  const char *phone = zc_commitment_get_contact_phone (c);
  const char *email = zc_commitment_get_contact_email (c);
  const char *closing = zc_commitment_get_closing (c);

  pledges = zc_store_list_pledges (store, actor, zc_record_get_id (ZC_RECORD (c)), error);
  if (pledges == NULL)
    return FALSE;

  g_string_append (out, "<h3>");
  append_escaped (out, zc_commitment_get_title (c) != NULL ? zc_commitment_get_title (c)
                                                           : "公开承诺书");
  g_string_append (out, "</h3>\n<p class=\"byline\">承诺人：");
  append_escaped (out, who);
  g_string_append (out, " · ");
  append_escaped (out, date);
  if (zc_commitment_get_version (c) > 1)
    g_string_append_printf (out, " · 第%d版", zc_commitment_get_version (c));
  if (older != NULL)
    g_string_append_printf (out, "（修订第%d版，原承诺见下方）", zc_commitment_get_version (older));
  g_string_append (out, "</p>\n");
  append_paragraphs (out, zc_commitment_get_opening (c), NULL);
  g_string_append (out, "<ol class=\"pledges\">\n");
  for (guint i = 0; i < g_list_model_get_n_items (pledges); i++)
    {
      g_autoptr(ZcPledge) pledge = g_list_model_get_item (pledges, i);

      g_string_append (out, "<li>");
      append_escaped (out, zc_pledge_get_text (pledge));
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n");
  /* The closing without the contact lines, which follow as links. */
  if (closing != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (closing, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (*g_strstrip (lines[i]) == '\0' ||
              (phone != NULL && strstr (lines[i], phone) != NULL) ||
              (email != NULL && strstr (lines[i], email) != NULL))
            continue;
          g_string_append (out, "<p>");
          append_escaped (out, lines[i]);
          g_string_append (out, "</p>\n");
        }
    }
  if (phone != NULL || email != NULL)
    {
      g_string_append (out, "<p class=\"contact\">");
      if (phone != NULL)
        {
          g_autofree char *tel = g_strdelimit (g_strdup (phone), " ", '-');

          g_string_append (out, "监督电话：<a href=\"tel:");
          append_escaped (out, tel);
          g_string_append (out, "\">");
          append_escaped (out, phone);
          g_string_append (out, "</a>");
        }
      if (phone != NULL && email != NULL)
        g_string_append (out, "　");
      if (email != NULL)
        {
          g_string_append (out, "监督邮箱：<a href=\"mailto:");
          append_escaped (out, email);
          g_string_append (out, "\">");
          append_escaped (out, email);
          g_string_append (out, "</a>");
        }
      g_string_append (out, "</p>\n");
    }
  return TRUE;
}

static gboolean
append_unit (GString     *out,
             ZcStore     *store,
             ZcPerson    *actor,
             NoticeUnit  *u,
             GError     **error)
{
  g_string_append_printf (out, "<section class=\"card unit\" id=\"%s\">\n<h2>", u->anchor);
  append_escaped (out, u->name);
  if (u->focus)
    g_string_append (out, "<span class=\"tag\">重点单位</span>");
  g_string_append (out, "</h2>\n");
  append_counts (out, u->states, u->lights, u->items, TRUE);

  /* The current commitment of each author, then earlier versions folded away. */
  for (guint i = 0; i < u->commitments->len; i++)
    {
      ZcCommitment *c = g_ptr_array_index (u->commitments, i);
      ZcCommitment *older = NULL;

      if (zc_commitment_get_supersedes_id (c) != 0)
        for (guint j = 0; j < u->commitments->len; j++)
          {
            ZcCommitment *o = g_ptr_array_index (u->commitments, j);

            if (zc_record_get_id (ZC_RECORD (o)) == zc_commitment_get_supersedes_id (c))
              older = o;
          }
      /* Superseded versions appear under the version that replaced them. */
      {
        gboolean superseded = FALSE;

        for (guint j = 0; j < u->commitments->len; j++)
          if (zc_commitment_get_supersedes_id (g_ptr_array_index (u->commitments, j)) ==
              zc_record_get_id (ZC_RECORD (c)))
            superseded = TRUE;
        if (superseded)
          continue;
      }

      g_string_append (out, "<article class=\"pledge\">\n");
      if (!append_commitment (out, store, actor, c, older, error))
        return FALSE;
      while (older != NULL)
        {
          ZcCommitment *next = NULL;
          g_autofree char *date = zc_doc_date_words (zc_commitment_get_sign_date (older));

          g_string_append_printf (out, "<details><summary>查看第%d版承诺（",
                                  zc_commitment_get_version (older));
          append_escaped (out, date);
          g_string_append (out, "）</summary>\n");
          if (!append_commitment (out, store, actor, older, NULL, error))
            return FALSE;
          g_string_append (out, "</details>\n");
          for (guint j = 0; j < u->commitments->len; j++)
            {
              ZcCommitment *o = g_ptr_array_index (u->commitments, j);

              if (zc_commitment_get_supersedes_id (older) != 0 &&
                  zc_record_get_id (ZC_RECORD (o)) == zc_commitment_get_supersedes_id (older))
                next = o;
            }
          older = next;
        }
      g_string_append (out, "</article>\n");
    }
  if (u->commitments->len == 0)
    g_string_append (out, "<p class=\"empty\">本单位尚未公开承诺书。</p>\n");

  if (u->items == 0)
    {
      g_string_append (out, "<p class=\"empty\">暂无整改事项。</p>\n");
    }
  else
    {
      /* Open when short or when something is overdue: that is what readers look for. */
      gboolean open = u->items <= 12;

      g_string_append_printf (out, "<details%s><summary>整改事项清单（%u项",
                              open ? " open=\"open\"" : "", u->items);
      if (u->lights[ZC_LIGHT_RED] > 0)
        g_string_append_printf (out, "，其中红灯%u项", u->lights[ZC_LIGHT_RED]);
      g_string_append (out, "）</summary>\n<ol class=\"items\">\n");
      g_string_append_len (out, u->list->str, u->list->len);
      g_string_append (out, "</ol>\n</details>\n");
    }
  g_string_append (out, "</section>\n");
  return TRUE;
}

char *
zc_notice_render (ZcStore         *store,
                  ZcPerson        *actor,
                  GCancellable    *cancellable,
                  ZcProgressFunc   progress,
                  gpointer         progress_data,
                  GError         **error)
{
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        notice_unit_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GListModel) readable = NULL;
  g_autoptr(GListModel) all_units = NULL;
  g_autoptr(GListModel) commitments = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_words = NULL;
  guint states[4] = { 0, }, lights[4] = { 0, }, items = 0;
  Collect collect = { NULL, };
  const char *title;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (progress != NULL)
    progress (0.0, progress_data);

  campaign = zc_store_get_campaign (store, error);
  if (campaign == NULL)
    return NULL;
  title = zc_campaign_get_title (campaign);
  today = zc_store_today (store);
  today_words = zc_doc_date_words (today);

  /* Every unit with a published commitment (public), and the units the reader may read
   * (their items). */
  commitments = zc_store_list_commitments (store, actor, 0, TRUE, error);
  if (commitments == NULL)
    return NULL;
  readable = zc_doc_readable_units (store, actor, 0, error);
  if (readable == NULL)
    return NULL;
  all_units = zc_store_list_units (store);
  for (guint i = 0; i < g_list_model_get_n_items (all_units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (all_units, i);
      gint64 id = zc_record_get_id (ZC_RECORD (unit));
      gboolean shown = FALSE;
      NoticeUnit *u;

      for (guint k = 0; k < g_list_model_get_n_items (readable) && !shown; k++)
        {
          g_autoptr(ZcUnit) r = g_list_model_get_item (readable, k);

          shown = zc_record_get_id (ZC_RECORD (r)) == id;
        }
      for (guint k = 0; k < g_list_model_get_n_items (commitments) && !shown; k++)
        {
          g_autoptr(ZcCommitment) c = g_list_model_get_item (commitments, k);

          shown = zc_commitment_get_unit_id (c) == id;
        }
      if (!shown)
        continue;

      u = g_new0 (NoticeUnit, 1);
      u->id = id;
      u->name = g_strdup (zc_unit_get_name (unit));
      u->anchor = unit_anchor (zc_unit_get_code (unit), i);
      u->focus = zc_unit_get_focus (unit);
      u->list = g_string_new (NULL);
      u->commitments = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (units, &u->id, u);
      g_ptr_array_add (order, u);
    }
  for (guint k = 0; k < g_list_model_get_n_items (commitments); k++)
    {
      g_autoptr(ZcCommitment) c = g_list_model_get_item (commitments, k);
      gint64 unit_id = zc_commitment_get_unit_id (c);
      NoticeUnit *u = g_hash_table_lookup (units, &unit_id);

      if (u != NULL)
        g_ptr_array_add (u->commitments, g_steal_pointer (&c));
    }

  collect.units = units;
  collect.total = zc_doc_count_ledger_rows (store, actor, 0);
  collect.progress = progress;
  collect.progress_data = progress_data;
  if (!zc_doc_foreach_ledger_row (store, actor, 0, FALSE, on_item, &collect, cancellable,
                                  error))
    return NULL;

  for (guint i = 0; i < order->len; i++)
    {
      NoticeUnit *u = g_ptr_array_index (order, i);

      items += u->items;
      for (guint k = 0; k < 4; k++)
        {
          states[k] += u->states[k];
          lights[k] += u->lights[k];
        }
    }

  out = g_string_sized_new (64 * 1024);
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                        "<meta charset=\"utf-8\" />\n"
                        "<meta name=\"viewport\" content=\"width=device-width, "
                        "initial-scale=1\" />\n"
                        "<meta name=\"generator\" content=\"作风自查 Zicha\" />\n<title>");
  append_escaped (out, title);
  g_string_append (out, "公开承诺及整改情况公示</title>\n<style>");
  g_string_append (out, page_style);
  g_string_append (out, "</style>\n</head>\n<body>\n");

  g_string_append (out, "<header class=\"masthead\"><div class=\"wrap\">\n"
                        "<p class=\"kicker\">公　示</p>\n<h1>");
  append_escaped (out, title);
  g_string_append (out, "</h1>\n<p class=\"sub\">公开承诺及整改落实情况</p>\n<p class=\"meta\">");
  g_string_append_printf (out, "更新日期：%s　当前阶段：%s", today_words,
                          zc_doc_phase_word (zc_campaign_get_phase (campaign)));
  g_string_append (out, "</p>\n</div></header>\n<main class=\"wrap\">\n");

  /* The whole picture first. */
  g_string_append (out, "<section class=\"card\" id=\"overview\">\n<h2>整改总体情况</h2>\n");
  g_string_append_printf (out, "<ul class=\"figures\">"
                               "<li><span class=\"n\">%u</span><span class=\"l\">整改事项</span></li>"
                               "<li><span class=\"n\">%u</span><span class=\"l\">已销号</span></li>"
                               "<li><span class=\"n\">%u</span><span class=\"l\">整改中及待销号</span></li>"
                               "<li class=\"red\"><span class=\"n\">%u</span><span class=\"l\">红灯·逾期</span></li>"
                               "<li class=\"yellow\"><span class=\"n\">%u</span><span class=\"l\">黄灯·临期或滞后</span></li>"
                               "<li class=\"green\"><span class=\"n\">%u</span><span class=\"l\">绿灯·正常推进</span></li>"
                               "</ul>\n",
                          items, states[ZC_ITEM_STATE_CLOSED],
                          states[ZC_ITEM_STATE_IN_PROGRESS] +
                          states[ZC_ITEM_STATE_AWAITING_CLOSEOUT],
                          lights[ZC_LIGHT_RED], lights[ZC_LIGHT_YELLOW], lights[ZC_LIGHT_GREEN]);
  append_counts (out, states, lights, items, FALSE);
  g_string_append (out, "<p class=\"keys\"><i class=\"s3\"></i>已销号<i class=\"s2\"></i>"
                        "已完成待销号<i class=\"s1\"></i>整改中<i class=\"s0\"></i>未开始</p>\n"
                        "<p class=\"legend\">红灯：已过整改时限仍未完成；黄灯：临近时限或进度"
                        "滞后；绿灯：按计划推进或已销号。已完成的事项经纪检监察组验收后销号。</p>\n");
  g_string_append (out, "</section>\n");

  /* A table of contents: every unit with its red lights. */
  if (order->len > 1)
    {
      g_string_append (out, "<section class=\"card\" id=\"units\">\n<h2>各单位</h2>\n"
                            "<ul class=\"toc\">\n");
      for (guint i = 0; i < order->len; i++)
        {
          NoticeUnit *u = g_ptr_array_index (order, i);

          g_string_append_printf (out, "<li><a href=\"#%s\">", u->anchor);
          append_escaped (out, u->name);
          g_string_append_printf (out, "</a> <span class=\"c\">%u项", u->items);
          if (u->lights[ZC_LIGHT_RED] > 0)
            g_string_append_printf (out, " · 红灯%u", u->lights[ZC_LIGHT_RED]);
          if (u->commitments->len > 0)
            g_string_append (out, " · 已承诺");
          g_string_append (out, "</span></li>\n");
        }
      g_string_append (out, "</ul>\n</section>\n");
    }

  for (guint i = 0; i < order->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!append_unit (out, store, actor, g_ptr_array_index (order, i), error))
        return NULL;
      if (progress != NULL)
        progress (0.8 + 0.19 * (i + 1) / order->len, progress_data);
    }

  g_string_append (out, "</main>\n<footer class=\"wrap\">\n");
  if (zc_campaign_get_supervision_phone (campaign) != NULL ||
      zc_campaign_get_supervision_email (campaign) != NULL)
    {
      g_string_append (out, "<p>欢迎社会各界监督。");
      if (zc_campaign_get_supervision_phone (campaign) != NULL)
        {
          g_string_append (out, "监督电话：");
          append_escaped (out, zc_campaign_get_supervision_phone (campaign));
          g_string_append (out, "　");
        }
      if (zc_campaign_get_supervision_email (campaign) != NULL)
        {
          g_string_append (out, "监督邮箱：");
          append_escaped (out, zc_campaign_get_supervision_email (campaign));
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append_printf (out, "<p>本页数据截至%s，由作风自查（Zicha）生成。</p>\n"
                               "</footer>\n</body>\n</html>\n", today_words);

  if (progress != NULL)
    progress (1.0, progress_data);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
zc_notice_export (ZcStore         *store,
                  ZcPerson        *actor,
                  const char      *path,
                  GCancellable    *cancellable,
                  ZcProgressFunc   progress,
                  gpointer         progress_data,
                  GError         **error)
{
  g_autofree char *html = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  html = zc_notice_render (store, actor, cancellable, progress, progress_data, error);
  if (html == NULL)
    return FALSE;
  /* g_file_set_contents writes a temporary file beside @path and renames it. */
  if (!g_file_set_contents (path, html, -1, &local_error))
    return zc_doc_write_error (path, local_error->message, error);
  return TRUE;
}
