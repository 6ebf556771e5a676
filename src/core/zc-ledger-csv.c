/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zc-csv.h"
#include "zc-date.h"
#include "zc-ledger-csv.h"
#include "zc-limits.h"
#include "zc-store-private.h"

/*
 * Rectification ledgers (整改台账) as CSV. Real ledgers are kept by hand in spreadsheets,
 * so the reader recognises the column names and the ways of writing deadlines and states
 * that they use, and keeps whatever it cannot read exactly as written. The Chinese words
 * below are data (what the files contain), not text for the interface.
 */

/* ---- deadlines ------------------------------------------------------------------------- */

/* Words that make a deadline cell a term type. Longer words first where one contains
 * another. */
static const char * const immediate_words[] = {
  "立行立改", "即知即改", "立知立改", "立即整改", "立查立改", "马上就改", "即查即改", NULL
};
static const char * const ongoing_words[] = {
  "长期坚持", "长期整改", "长期推进", "持续整改", "持续推进", "常态化推进", "常态化",
  "常抓不懈", "长期", NULL
};
static const char * const deadline_words[] = { "限期整改", "限期完成", "限期", NULL };

/* Words around a date that do not change it ("2022年6月30日前完成"). */
static const char * const filler_words[] = {
  "整改完成", "完成整改", "全面完成", "基本完成", "完成", "到位", "之前", "以前", "前",
  "截止", "截至", "为止", "止", "以内", "内", "整改", "并且", "并", "且", "和", "及", "到",
  "于", "在", NULL
};

static const char *
match_word (const char         *p,
            const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (p, words[i]))
      return p + strlen (words[i]);
  return NULL;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_ispunct (c);
}

/* A number written with ASCII digits (full-width ones are ASCII after NFKC) or Chinese
 * numerals: positional ("二〇二二") or with 十 ("三十一"). -1 when there is none. */
static int
read_number (const char **pp,
             guint       *n_digits)
{
  static const char * const digits[] = {
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
  };
  const char *p = *pp;
  gint64 value = 0;
  guint n = 0;

  *n_digits = 0;
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p) && n < 9)
        {
          value = value * 10 + (*p - '0');
          p++;
          n++;
        }
      if (g_ascii_isdigit (*p))
        return -1;
      *pp = p;
      *n_digits = n;
      return (int) value;
    }

  /* Chinese numerals */
  {
    int tens = -1;     /* the value before 十, once 十 is seen */
    int unit = 0;
    gboolean any = FALSE;

    for (;;)
      {
        int d = -1;

        for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
          if (g_str_has_prefix (p, digits[i]))
            {
              d = (int) i;
              p += strlen (digits[i]);
              break;
            }
        if (d < 0 && g_str_has_prefix (p, "零"))
          {
            d = 0;
            p += strlen ("零");
          }
        if (d < 0 && g_str_has_prefix (p, "两"))
          {
            d = 2;
            p += strlen ("两");
          }
        if (d >= 0)
          {
            if (tens >= 0 && unit != 0)
              return -1;   /* "十一二" */
            if (tens >= 0)
              unit = d;
            else
              {
                value = value * 10 + d;
                n++;
              }
            any = TRUE;
            continue;
          }
        if (g_str_has_prefix (p, "十") && tens < 0 && n <= 1)
          {
            tens = n == 0 ? 1 : (int) value;
            p += strlen ("十");
            any = TRUE;
            continue;
          }
        break;
      }
    if (!any)
      return -1;
    if (tens >= 0)
      {
        value = tens * 10 + unit;
        n = value >= 10 ? 2 : 1;
      }
    *pp = p;
    *n_digits = n;
    return (int) value;
  }
}

static char *
make_date (int year,
           int month,
           int day)
{
  if (year < 1900 || year > 2200 || month < 1 || month > 12)
    return NULL;
  if (day <= 0)
    return zc_date_month_end (year, month);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* After "…月": a day, or a part of the month. */
static char *
read_day_part (const char **pp,
               int          year,
               int          month)
{
  const char *p = *pp;
  const char *q;
  guint n;
  int day;

  if ((q = match_word (p, (const char * const[]) { "底", "末", "下旬", NULL })))
    {
      *pp = q;
      return make_date (year, month, 0);
    }
  if ((q = match_word (p, (const char * const[]) { "中旬", NULL })))
    {
      *pp = q;
      return make_date (year, month, 20);
    }
  if ((q = match_word (p, (const char * const[]) { "上旬", "初", NULL })))
    {
      *pp = q;
      return make_date (year, month, 10);
    }
  q = p;
  day = read_number (&q, &n);
  if (day > 0 && n <= 2 && (g_str_has_prefix (q, "日") || g_str_has_prefix (q, "号")))
    {
      *pp = q + strlen ("日");   /* 日 and 号 are both three bytes */
      return make_date (year, month, day);
    }
  /* "2022年6月": by the end of that month */
  return make_date (year, month, 0);
}

static int
quarter_end_month (const char **pp)
{
  const char *p = *pp;
  guint n;
  int q;

  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  q = read_number (&p, &n);
  if (q < 1 || q > 4 || !g_str_has_prefix (p, "季度"))
    return -1;
  p += strlen ("季度");
  if (g_str_has_prefix (p, "末") || g_str_has_prefix (p, "底"))
    p += strlen ("末");
  *pp = p;
  return q * 3;
}

/* A date at *pp in any of the forms of CLI.md; advances *pp past it. NULL when there is
 * none (or it is not a real date). */
static char *
read_date (const char **pp,
           int          campaign_year)
{
  const char *p = *pp;
  const char *q;
  char *date = NULL;
  guint n;
  int first;

  /* "年底前" without a year: this campaign's year */
  if ((q = match_word (p, (const char * const[]) { "年底", "年末", "年内", "年终", NULL })))
    {
      *pp = q;
      return make_date (campaign_year, 12, 31);
    }

  first = read_number (&p, &n);
  if (first < 0)
    return NULL;

  if (n == 8 && first >= 19000101)
    {
      /* 20220630 */
      date = make_date (first / 10000, first / 100 % 100, first % 100);
    }
  else if (n == 4)
    {
      int year = first;

      if (g_str_has_prefix (p, "年"))
        {
          int month;

          p += strlen ("年");
          if ((q = match_word (p, (const char * const[]) {
                 "年底", "年末", "底", "末", "年内", "内", "全年", "下半年", NULL })))
            {
              p = q;
              date = make_date (year, 12, 31);
            }
          else if ((q = match_word (p, (const char * const[]) { "上半年", "年中", NULL })))
            {
              p = q;
              date = make_date (year, 6, 30);
            }
          else if ((month = quarter_end_month (&p)) > 0)
            date = make_date (year, month, 0);
          else
            {
              month = read_number (&p, &n);
              if (month >= 1 && month <= 12 && g_str_has_prefix (p, "月"))
                {
                  p += strlen ("月");
                  date = read_day_part (&p, year, month);
                }
            }
        }
      else if (*p == '-' || *p == '/' || *p == '.')
        {
          char sep = *p;
          int month, day = 0;

          p++;
          month = read_number (&p, &n);
          if (month >= 1 && n <= 2)
            {
              if (*p == sep && g_ascii_isdigit (p[1]))
                {
                  p++;
                  day = read_number (&p, &n);
                  if (day < 1 || n > 2)
                    return NULL;
                }
              /* "2022-06": by the end of that month */
              date = make_date (year, month, day);
            }
        }
    }
  else if (n <= 2 && first >= 1 && first <= 12)
    {
      /* Without a year: the campaign's. "6月底前", "6月30日", "6/30" */
      if (g_str_has_prefix (p, "月"))
        {
          p += strlen ("月");
          date = read_day_part (&p, campaign_year, first);
        }
      else if ((*p == '/' || *p == '-') && g_ascii_isdigit (p[1]))
        {
          int day;

          p++;
          day = read_number (&p, &n);
          if (day >= 1 && n <= 2)
            date = make_date (campaign_year, first, day);
        }
    }

  if (date != NULL)
    *pp = p;
  return date;
}

/**
 * zc_deadline_parse:
 * @text: (nullable): a deadline cell as written
 * @year: the campaign's year, for dates written without one ("6月底前")
 * @out: (out caller-allocates): the reading; clear it with zc_deadline_clear()
 *
 * Reads a deadline the way people write it in a ledger: a date (2022-06-30, 2022/6/30,
 * 2022.6.30, 2022年6月30日, 20220630), a month or a part of a year (2022年6月底前 and
 * 2022年6月 are the end of June; 2022年底前 and 年底前 the end of the year; 上半年,
 * 第三季度, 中旬), a date without a year (6月底前, 6月30日前: the campaign's year), a term
 * type (立行立改, 长期坚持, 限期整改, and combinations such as 立行立改，长期坚持), or a term
 * type with a date. Full-width digits and punctuation, Chinese numerals and words such as
 * 前 or 完成 around the date are accepted. A cell holding anything else, or two dates, is
 * not understood; an empty cell is understood as no deadline.
 */
void
zc_deadline_parse (const char *text,
                   int         year,
                   ZcDeadline *out)
{
  g_autofree char *norm = NULL;
  gboolean immediate = FALSE, ongoing = FALSE, by_deadline = FALSE;
  guint n_dates = 0;
  const char *p;

  g_return_if_fail (out != NULL);

  out->term_type = ZC_TERM_TYPE_NONE;
  out->date = NULL;
  out->ongoing = FALSE;
  out->understood = TRUE;

  if (text == NULL)
    return;
  /* NFKC: full-width digits, letters and punctuation become ASCII. */
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (norm == NULL)
    {
      out->understood = FALSE;
      return;
    }

  p = norm;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;
      char *date;

      if ((q = match_word (p, immediate_words)))
        immediate = TRUE;
      else if ((q = match_word (p, ongoing_words)))
        ongoing = TRUE;
      else if ((q = match_word (p, deadline_words)))
        by_deadline = TRUE;
      else if ((date = read_date (&p, year)) != NULL)
        {
          n_dates++;
          if (out->date == NULL)
            out->date = date;
          else
            g_free (date);
          continue;
        }
      else if ((q = match_word (p, filler_words)))
        ;
      else if (is_separator (c))
        q = g_utf8_next_char (p);
      else
        {
          out->understood = FALSE;
          break;
        }
      p = q;
    }

  /* Two dates ("6月底前完成制度，12月底前全面完成") cannot be one deadline; a deadline term
   * without a date says nothing that can be measured. */
  if (n_dates > 1 || (by_deadline && n_dates == 0 && !immediate && !ongoing))
    out->understood = FALSE;

  if (!out->understood)
    {
      g_clear_pointer (&out->date, g_free);
      return;
    }

  out->ongoing = ongoing;
  if (immediate)
    out->term_type = ZC_TERM_TYPE_IMMEDIATE;
  else if (out->date != NULL)
    out->term_type = ZC_TERM_TYPE_DEADLINE;
  else if (ongoing)
    out->term_type = ZC_TERM_TYPE_ONGOING;
}

/**
 * zc_deadline_clear:
 * @deadline: a reading from zc_deadline_parse()
 *
 * Frees what the reading holds (not the struct).
 */
void
zc_deadline_clear (ZcDeadline *deadline)
{
  g_return_if_fail (deadline != NULL);

  g_clear_pointer (&deadline->date, g_free);
  deadline->term_type = ZC_TERM_TYPE_NONE;
  deadline->ongoing = FALSE;
  deadline->understood = FALSE;
}

/* ---- column names, term and state words ----------------------------------------------- */

static const char * const col_number[] = { "序号", "编号", NULL };
static const char * const col_problem[] = {
  "问题", "存在问题", "问题描述", "具体问题", "问题表现", "主要问题", NULL
};
static const char * const col_category[] = { "问题类别", "类别", "问题类型", "问题分类", NULL };
static const char * const col_measure[] = { "整改措施", "整改举措", "整改措施及目标", NULL };
static const char * const col_term[] = { "整改类型", "整改方式", NULL };
static const char * const col_leader[] = { "责任领导", "牵头领导", "分管领导", NULL };
static const char * const col_unit[] = { "责任单位", "责任部门", "牵头单位", "责任处室", NULL };
static const char * const col_person[] = { "责任人", "具体责任人", NULL };
static const char * const col_deadline[] = { "整改时限", "完成时限", "时限", "整改期限", NULL };
static const char * const col_progress[] = { "整改进展", "进展情况", "整改进展情况", NULL };
static const char * const col_state[] = { "完成情况", "整改状态", "整改情况", NULL };

/* The header names the export writes (the XLSX export uses the same). */
static const char * const export_header[] = {
  "序号", "问题描述", "问题类别", "整改措施", "整改类型", "责任领导", "责任单位", "责任人",
  "整改时限", "整改进展", "完成情况", "红黄绿灯",
};

static const char *
term_word (ZcTermType term)
{
  switch (term)
    {
    case ZC_TERM_TYPE_IMMEDIATE:
      return "立行立改";
    case ZC_TERM_TYPE_DEADLINE:
      return "限期整改";
    case ZC_TERM_TYPE_ONGOING:
      return "长期坚持";
    case ZC_TERM_TYPE_NONE:
    default:
      return "";
    }
}

static const char *
state_word (ZcItemState state)
{
  switch (state)
    {
    case ZC_ITEM_STATE_IN_PROGRESS:
      return "整改中";
    case ZC_ITEM_STATE_AWAITING_CLOSEOUT:
      return "已完成";
    case ZC_ITEM_STATE_CLOSED:
      return "已销号";
    case ZC_ITEM_STATE_PLANNED:
    default:
      return "未开始";
    }
}

static const char *
light_word (ZcLight light)
{
  switch (light)
    {
    case ZC_LIGHT_RED:
      return "红灯";
    case ZC_LIGHT_YELLOW:
      return "黄灯";
    case ZC_LIGHT_GREEN:
      return "绿灯";
    case ZC_LIGHT_NONE:
    default:
      return "";
    }
}

typedef enum
{
  STATE_UNKNOWN,
  STATE_PLANNED,
  STATE_IN_PROGRESS,
  STATE_DONE,
  STATE_CLOSED,     /* written as closed out: only an inspector closes, so awaiting */
} StateReading;

/* The cell without white space and punctuation, NFKC. */
static char *
squeeze (const char *text)
{
  g_autofree char *norm = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = norm; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_separator (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char         *word,
         const char * const *list)
{
  return g_strv_contains (list, word);
}

static StateReading
read_state (const char *text)
{
  static const char * const planned[] = {
    "未开始", "未整改", "尚未开始", "未启动", "待整改", "计划中", "未实施", "待启动", NULL
  };
  static const char * const in_progress[] = {
    "正在整改", "整改中", "推进中", "正在推进", "进行中", "正在进行", "持续推进", "持续整改",
    "持续整改中", "整改推进中", "未完成", "部分完成", "基本完成", "长期坚持", "实施中", NULL
  };
  static const char * const done[] = {
    "已完成", "完成", "已整改", "整改完成", "已整改完成", "已完成整改", "完成整改", "已办结",
    "办结", "已落实", "已解决", "已经完成", NULL
  };
  static const char * const closed[] = { "已销号", "销号", "已验收", "验收通过", NULL };
  g_autofree char *word = squeeze (text);

  if (*word == '\0' || in_list (word, planned))
    return STATE_PLANNED;
  if (in_list (word, in_progress))
    return STATE_IN_PROGRESS;
  if (in_list (word, done))
    return STATE_DONE;
  if (in_list (word, closed))
    return STATE_CLOSED;
  return STATE_UNKNOWN;
}

/* ---- reading a ledger ------------------------------------------------------------------- */

/* Problem titles are short; a longer problem text keeps its whole in the description and
 * a shortened title that ends with this mark. */
#define ELLIPSIS "…"

typedef struct
{
  guint        line;
  char        *problem;        /* the whole text */
  gint64       category_id;
  char        *measure;        /* NULL: a problem waiting for its measures */
  int          number;         /* from 序号, or 0 */
  ZcTermType   term_type;
  char        *deadline;
  char        *deadline_text;
  gint64       leader_id;
  char        *leader_text;
  gint64       person_id;
  char        *person_text;
  char        *unit_text;
  char        *progress_text;
  ZcItemState  state;
  int          progress;
  char        *state_text;
} LedgerRow;

static void
ledger_row_free (gpointer data)
{
  LedgerRow *row = data;

  g_free (row->problem);
  g_free (row->measure);
  g_free (row->deadline);
  g_free (row->deadline_text);
  g_free (row->leader_text);
  g_free (row->person_text);
  g_free (row->unit_text);
  g_free (row->progress_text);
  g_free (row->state_text);
  g_free (row);
}

typedef struct
{
  ZcStore        *store;
  gint64          unit_id;
  int             year;
  ZcImportReport *report;
  ZcCsv          *csv;
  int             col_number, col_problem, col_category, col_measure, col_term, col_leader,
                  col_unit, col_person, col_deadline, col_progress, col_state;
  GHashTable     *people;       /* name → gint64 id, or -1 when several share the name */
  GHashTable     *units;        /* name and code → gint64 id */
  GHashTable     *categories;   /* text → gint64 id (0: unknown) */
  GPtrArray      *headers;      /* header names for messages, made on first use */
} Reader;

static char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* A column's header as the file writes it, without the line breaks spreadsheets put in
 * long headers ("完成\n时限"), for messages. */
static const char *
header_name (Reader *reader,
             int     column)
{
  if (reader->headers == NULL)
    {
      reader->headers = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < reader->csv->header->len; i++)
        {
          const char *name = g_ptr_array_index (reader->csv->header, i);
          GString *clean = g_string_new (NULL);

          for (const char *p = name; *p != '\0'; p++)
            if (*p != '\r' && *p != '\n')
              g_string_append_c (clean, *p);
          g_ptr_array_add (reader->headers, g_string_free (clean, FALSE));
        }
    }
  if (column < 0 || (guint) column >= reader->headers->len)
    return "";
  return g_ptr_array_index (reader->headers, column);
}

static void
warn (Reader     *reader,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
warn (Reader     *reader,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->report->warnings, zc_import_issue_new (line, "%s", message));
}

static void
refuse (Reader     *reader,
        guint       line,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static void
refuse (Reader     *reader,
        guint       line,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->report->errors, zc_import_issue_new (line, "%s", message));
}

/* Checks a cell's length against a limit; FALSE (and an error for the row) when longer. */
static gboolean
check_length (Reader     *reader,
              guint       line,
              int         column,
              const char *text,
              guint       limit)
{
  if (text == NULL || g_utf8_strlen (text, -1) <= limit)
    return TRUE;
  refuse (reader, line, _("%s: the text is longer than %u characters"),
          header_name (reader, column), limit);
  return FALSE;
}

static void
load_people (Reader *reader)
{
  sqlite3_stmt *stmt = zc_store_stmt (reader->store, "SELECT id, name FROM person", NULL);

  reader->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 *known = g_hash_table_lookup (reader->people, name);

      if (known != NULL)
        *known = -1;
      else
        g_hash_table_insert (reader->people, g_strdup (name), g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
}

static void
load_units (Reader *reader)
{
  sqlite3_stmt *stmt = zc_store_stmt (reader->store, "SELECT id, name, code FROM unit", NULL);

  reader->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* Codes first, so that a name equal to some code still finds its own unit. */
      g_hash_table_insert (reader->units, g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
                           g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (reader->units, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                           g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
}

/* A person by name: the name alone, or with a title in brackets ("王建国（副局长）"). */
static gint64
find_person (Reader     *reader,
             const char *text,
             gboolean   *ambiguous)
{
  g_autofree char *norm = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  gint64 *id = g_hash_table_lookup (reader->people, text);
  char *bracket;

  *ambiguous = FALSE;
  if (id == NULL && norm != NULL && (bracket = strchr (norm, '(')) != NULL)
    {
      *bracket = '\0';
      g_strstrip (norm);
      id = g_hash_table_lookup (reader->people, norm);
    }
  if (id == NULL)
    return 0;
  if (*id < 0)
    {
      *ambiguous = TRUE;
      return 0;
    }
  return *id;
}

/* A leader or responsible person: one of the campaign's people, or the text as written
 * (with a warning). */
static void
read_person_cell (Reader      *reader,
                  guint        line,
                  int          column,
                  const char  *cell,
                  gint64      *id,
                  char       **text)
{
  gboolean ambiguous = FALSE;

  *id = 0;
  *text = NULL;
  if (*cell == '\0')
    return;
  *id = find_person (reader, cell, &ambiguous);
  if (*id != 0)
    return;
  *text = g_strdup (cell);
  if (ambiguous)
    warn (reader, line, _("%s: more than one person is called ‘%s’; the name is kept as "
                          "written"), header_name (reader, column), cell);
  else
    warn (reader, line, _("%s: ‘%s’ is not a person of this campaign; the name is kept as "
                          "written"), header_name (reader, column), cell);
}

static gint64
find_category (Reader     *reader,
               const char *text)
{
  gint64 *cached = g_hash_table_lookup (reader->categories, text);
  g_autoptr(ZcListEntry) entry = NULL;
  gint64 id = 0;

  if (cached != NULL)
    return *cached;
  entry = zc_store_find_entry (reader->store, ZC_LIST_KIND_CATEGORY, text);
  if (entry != NULL)
    id = zc_record_get_id (ZC_RECORD (entry));
  g_hash_table_insert (reader->categories, g_strdup (text), g_memdup2 (&id, sizeof id));
  return id;
}

static int
read_row_number (const char *text)
{
  guint64 value;

  if (*text == '\0' || strlen (text) > 6 || !g_ascii_string_to_unsigned (text, 10, 1, 999999,
                                                                         &value, NULL))
    return 0;
  return (int) value;
}

/* The term type column: 立行立改, 限期整改, 长期坚持 or a combination. */
static gboolean
read_term_cell (const char *text,
                ZcTermType *term)
{
  g_autofree char *norm = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  gboolean immediate = FALSE, ongoing = FALSE, by_deadline = FALSE;

  *term = ZC_TERM_TYPE_NONE;
  if (norm == NULL)
    return FALSE;
  for (const char *p = norm; *p != '\0';)
    {
      const char *q;

      if ((q = match_word (p, immediate_words)))
        immediate = TRUE;
      else if ((q = match_word (p, ongoing_words)))
        ongoing = TRUE;
      else if ((q = match_word (p, deadline_words)))
        by_deadline = TRUE;
      else if (is_separator (g_utf8_get_char (p)))
        q = g_utf8_next_char (p);
      else
        return FALSE;
      p = q;
    }
  if (immediate)
    *term = ZC_TERM_TYPE_IMMEDIATE;
  else if (by_deadline)
    *term = ZC_TERM_TYPE_DEADLINE;
  else if (ongoing)
    *term = ZC_TERM_TYPE_ONGOING;
  return *term != ZC_TERM_TYPE_NONE;
}

static void
read_deadline (Reader    *reader,
               guint      line,
               ZcCsvRow  *csv_row,
               LedgerRow *row)
{
  const char *cell = zc_csv_cell (csv_row, reader->col_deadline);
  const char *term_cell = zc_csv_cell (csv_row, reader->col_term);
  ZcTermType column_term = ZC_TERM_TYPE_NONE;
  ZcDeadline deadline;

  if (*term_cell != '\0' && !read_term_cell (term_cell, &column_term))
    warn (reader, line, _("%s: ‘%s’ is not 立行立改, 限期整改 or 长期坚持; the term type is "
                          "taken from the deadline"),
          header_name (reader, reader->col_term), term_cell);

  zc_deadline_parse (cell, reader->year, &deadline);
  if (!deadline.understood)
    {
      row->term_type = column_term;
      row->deadline_text = g_strdup (cell);
      warn (reader, line, _("%s: ‘%s’ is neither a date nor a term type; it is kept as written "
                            "and the item shows no light until someone sets a date"),
            header_name (reader, reader->col_deadline), cell);
      zc_deadline_clear (&deadline);
      return;
    }

  row->deadline = g_steal_pointer (&deadline.date);
  row->term_type = column_term != ZC_TERM_TYPE_NONE ? column_term : deadline.term_type;

  if (row->deadline == NULL && *cell != '\0' && g_strcmp0 (cell, term_word (row->term_type)) != 0)
    {
      /* No date, and words the term type alone does not say ("立行立改，长期坚持", or a
       * 整改类型 that differs from them): keep them, so that nothing is lost and an export
       * writes them back. */
      row->deadline_text = g_strdup (cell);
    }
  else if (row->term_type == ZC_TERM_TYPE_DEADLINE && row->deadline == NULL)
    {
      warn (reader, line, _("%s: 限期整改 needs a deadline, and %s is empty; the term type is "
                            "left open"),
            header_name (reader, reader->col_term),
            reader->col_deadline >= 0 ? header_name (reader, reader->col_deadline) : "整改时限");
      row->term_type = ZC_TERM_TYPE_NONE;
    }
  zc_deadline_clear (&deadline);
}

static void
read_state_cell (Reader    *reader,
                 guint      line,
                 ZcCsvRow  *csv_row,
                 LedgerRow *row)
{
  const char *cell = zc_csv_cell (csv_row, reader->col_state);

  row->state = ZC_ITEM_STATE_PLANNED;
  row->progress = 0;
  switch (read_state (cell))
    {
    case STATE_PLANNED:
      break;
    case STATE_IN_PROGRESS:
      row->state = ZC_ITEM_STATE_IN_PROGRESS;
      break;
    case STATE_CLOSED:
      warn (reader, line, _("%s: ‘%s’: only an inspector closes items out; the item is "
                            "imported as awaiting close-out"),
            header_name (reader, reader->col_state), cell);
      G_GNUC_FALLTHROUGH;
    case STATE_DONE:
      row->state = ZC_ITEM_STATE_AWAITING_CLOSEOUT;
      row->progress = 100;
      break;
    case STATE_UNKNOWN:
    default:
      row->state_text = g_strdup (cell);
      warn (reader, line, _("%s: ‘%s’ is not a state Zicha knows (未开始, 整改中, 已完成); it "
                            "is kept as written and the item starts as planned"),
            header_name (reader, reader->col_state), cell);
      break;
    }
}

/* One data row, or NULL (and errors for the row) when it cannot be used. */
static LedgerRow *
read_row (Reader   *reader,
          ZcCsvRow *csv_row)
{
  guint line = csv_row->line;
  const char *problem = zc_csv_cell (csv_row, reader->col_problem);
  const char *measure = zc_csv_cell (csv_row, reader->col_measure);
  const char *category = zc_csv_cell (csv_row, reader->col_category);
  const char *unit = zc_csv_cell (csv_row, reader->col_unit);
  const char *progress = zc_csv_cell (csv_row, reader->col_progress);
  LedgerRow *row;
  gboolean ok = TRUE;

  if (*problem == '\0')
    {
      refuse (reader, line, _("%s is empty; every row needs the problem it answers (a row that "
                              "continues the problem above needs that problem copied into it)"),
              header_name (reader, reader->col_problem));
      return NULL;
    }
  ok &= check_length (reader, line, reader->col_problem, problem, ZC_LIMIT_PHENOMENON);
  ok &= check_length (reader, line, reader->col_measure, measure, ZC_LIMIT_MEASURE);
  ok &= check_length (reader, line, reader->col_progress, progress, ZC_LIMIT_MEASURE);
  ok &= check_length (reader, line, reader->col_deadline, zc_csv_cell (csv_row, reader->col_deadline),
                      ZC_LIMIT_NAME);
  ok &= check_length (reader, line, reader->col_leader, zc_csv_cell (csv_row, reader->col_leader),
                      ZC_LIMIT_NAME);
  ok &= check_length (reader, line, reader->col_person, zc_csv_cell (csv_row, reader->col_person),
                      ZC_LIMIT_NAME);
  ok &= check_length (reader, line, reader->col_unit, unit, ZC_LIMIT_NAME);
  ok &= check_length (reader, line, reader->col_state, zc_csv_cell (csv_row, reader->col_state),
                      ZC_LIMIT_NAME);
  if (!ok)
    return NULL;

  row = g_new0 (LedgerRow, 1);
  row->line = line;
  row->problem = g_strdup (problem);
  row->number = read_row_number (zc_csv_cell (csv_row, reader->col_number));

  if (*category != '\0')
    {
      row->category_id = find_category (reader, category);
      if (row->category_id == 0)
        warn (reader, line, _("%s: ‘%s’ is not one of the campaign’s problem categories; the "
                              "problem is imported without a category"),
              header_name (reader, reader->col_category), category);
    }

  if (*measure == '\0')
    {
      /* A problem still waiting for its measures: whatever else the row says about an item
       * has nowhere to go. */
      const int item_columns[] = { reader->col_term, reader->col_leader, reader->col_unit,
                                   reader->col_person, reader->col_deadline,
                                   reader->col_progress, reader->col_state };

      for (guint i = 0; i < G_N_ELEMENTS (item_columns); i++)
        if (*zc_csv_cell (csv_row, item_columns[i]) != '\0')
          {
            warn (reader, line, _("%s is empty: the problem is imported to wait for its "
                                  "measures, without the row’s deadline, responsible people "
                                  "and progress"),
                  header_name (reader, reader->col_measure >= 0 ? reader->col_measure
                                                                : reader->col_problem));
            break;
          }
      return row;
    }

  row->measure = g_strdup (measure);
  read_deadline (reader, line, csv_row, row);
  read_person_cell (reader, line, reader->col_leader, zc_csv_cell (csv_row, reader->col_leader),
                    &row->leader_id, &row->leader_text);
  read_person_cell (reader, line, reader->col_person, zc_csv_cell (csv_row, reader->col_person),
                    &row->person_id, &row->person_text);
  if (*unit != '\0')
    {
      gint64 *unit_id = g_hash_table_lookup (reader->units, unit);

      /* The ledger's own unit needs no words; another unit of the campaign is kept by its
       * name as written (items stay in the ledger they are imported into). */
      if (unit_id == NULL || *unit_id != reader->unit_id)
        row->unit_text = g_strdup (unit);
      if (unit_id == NULL)
        warn (reader, line, _("%s: ‘%s’ is not a unit of this campaign; the name is kept as "
                              "written"), header_name (reader, reader->col_unit), unit);
    }
  row->progress_text = nonempty (progress);
  read_state_cell (reader, line, csv_row, row);

  return row;
}

/* ---- writing an import ------------------------------------------------------------------ */

/* The problem's whole text: the title, or the description a shortened title stands for. */
static char *
problem_full_text (const char *title,
                   const char *description)
{
  if (title == NULL)
    return g_strdup ("");
  if (description != NULL && g_str_has_suffix (title, ELLIPSIS) &&
      g_utf8_strlen (description, -1) > ZC_LIMIT_TITLE)
    {
      g_autofree char *stem = g_strndup (title, strlen (title) - strlen (ELLIPSIS));

      if (g_str_has_prefix (description, stem))
        return g_strdup (description);
    }
  return g_strdup (title);
}

static void
set_problem_text (ZcProblem  *problem,
                  const char *text)
{
  if (g_utf8_strlen (text, -1) <= ZC_LIMIT_TITLE)
    {
      zc_problem_set_title (problem, text);
      return;
    }
  {
    const char *cut = g_utf8_offset_to_pointer (text, ZC_LIMIT_TITLE - 1);
    g_autofree char *stem = g_strndup (text, cut - text);
    g_autofree char *title = g_strconcat (stem, ELLIPSIS, NULL);

    zc_problem_set_title (problem, title);
    zc_problem_set_description (problem, text);
  }
}

static char *
item_key (gint64      problem_id,
          const char *measure)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", problem_id, measure);
}

static gboolean
same_item (ZcItem    *item,
           LedgerRow *row)
{
  return item->term_type == row->term_type &&
         g_strcmp0 (item->deadline, row->deadline) == 0 &&
         g_strcmp0 (item->deadline_text, row->deadline_text) == 0 &&
         item->leader_id == row->leader_id &&
         g_strcmp0 (item->leader_text, row->leader_text) == 0 &&
         item->person_id == row->person_id &&
         g_strcmp0 (item->person_text, row->person_text) == 0 &&
         g_strcmp0 (item->unit_text, row->unit_text) == 0 &&
         g_strcmp0 (item->progress_text, row->progress_text) == 0 &&
         item->state == row->state &&
         g_strcmp0 (item->state_text, row->state_text) == 0;
}

static gboolean
write_rows (ZcStore        *self,
            ZcPerson       *actor,
            gint64          unit_id,
            GPtrArray      *rows,
            ZcImportReport *report,
            GError        **error)
{
  g_autoptr(GHashTable) problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) used = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) claimed = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree char *today = zc_store_today (self);
  sqlite3_stmt *stmt;
  int max_problem, max_number = 0;

  /* What the ledger holds already: a problem with the same text, or the same measure of
   * the same problem, is not imported twice. */
  if (!(stmt = zc_store_stmt (self, "SELECT id, title, description FROM problem "
                                    "WHERE unit_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_replace (problems,
                            problem_full_text ((const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2)),
                            g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);

  if (!(stmt = zc_store_stmt (self, "SELECT id, problem_id, measure, number FROM item "
                                    "WHERE unit_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int number = sqlite3_column_int (stmt, 3);

      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        g_hash_table_replace (items,
                              item_key (sqlite3_column_int64 (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2)),
                              g_memdup2 (&id, sizeof id));
      g_hash_table_add (used, GINT_TO_POINTER (number));
      max_number = MAX (max_number, number);
    }
  sqlite3_reset (stmt);
  max_problem = (int) zc_store_query_int (self, 0, "SELECT max(number) FROM problem "
                                                   "WHERE unit_id = ?", "i", unit_id);

  /* Numbers the file gives (序号) are kept where they are free; the rows without one, or
   * with one already taken, are numbered after all of them. */
  for (guint i = 0; i < rows->len; i++)
    {
      LedgerRow *row = g_ptr_array_index (rows, i);

      if (row->measure == NULL || row->number <= 0)
        continue;
      if (g_hash_table_contains (used, GINT_TO_POINTER (row->number)) ||
          g_hash_table_contains (claimed, GINT_TO_POINTER (row->number)))
        continue;
      g_hash_table_insert (claimed, GINT_TO_POINTER (row->number), row);
      max_number = MAX (max_number, row->number);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      LedgerRow *row = g_ptr_array_index (rows, i);
      g_autoptr(ZcItem) item = NULL;
      g_autofree char *key = NULL;
      gint64 *known;
      gint64 problem_id;

      known = g_hash_table_lookup (problems, row->problem);
      if (known != NULL)
        problem_id = *known;
      else
        {
          g_autoptr(ZcProblem) problem = zc_problem_new ();

          zc_problem_set_unit_id (problem, unit_id);
          zc_problem_set_number (problem, ++max_problem);
          set_problem_text (problem, row->problem);
          zc_problem_set_category_id (problem, row->category_id);
          zc_problem_set_severity (problem, ZC_SEVERITY_GENERAL);
          if (!zc_store_insert_record (self, actor, ZC_RECORD (problem), "import_ledger", 0,
                                       error))
            return FALSE;
          problem_id = zc_record_get_id (ZC_RECORD (problem));
          g_hash_table_insert (problems, g_strdup (row->problem),
                               g_memdup2 (&problem_id, sizeof problem_id));
          report->created++;
        }

      if (row->measure == NULL)
        continue;

      key = item_key (problem_id, row->measure);
      known = g_hash_table_lookup (items, key);
      if (known != NULL)
        {
          g_autoptr(ZcItem) stored = zc_store_load (self, ZC_TYPE_ITEM, *known, error);

          if (stored == NULL)
            return FALSE;
          if (!same_item (stored, row))
            g_ptr_array_add (report->warnings,
                             zc_import_issue_new (row->line,
                                                  _("This measure of this problem is in the "
                                                    "ledger already (item %d); the row is not "
                                                    "imported again, and changes to the item "
                                                    "are made in Zicha"),
                                                  stored->number));
          continue;
        }

      item = zc_item_new ();
      zc_item_set_problem_id (item, problem_id);
      zc_item_set_unit_id (item, unit_id);
      if (row->number > 0 && g_hash_table_lookup (claimed, GINT_TO_POINTER (row->number)) == row)
        zc_item_set_number (item, row->number);
      else
        {
          while (g_hash_table_contains (used, GINT_TO_POINTER (max_number + 1)))
            max_number++;
          zc_item_set_number (item, ++max_number);
        }
      g_hash_table_add (used, GINT_TO_POINTER (item->number));
      zc_item_set_measure (item, row->measure);
      zc_item_set_term_type (item, row->term_type);
      zc_item_set_deadline (item, row->deadline);
      zc_item_set_deadline_text (item, row->deadline_text);
      zc_item_set_start_date (item, today);
      zc_item_set_leader_id (item, row->leader_id);
      zc_item_set_leader_text (item, row->leader_text);
      zc_item_set_person_id (item, row->person_id);
      zc_item_set_person_text (item, row->person_text);
      zc_item_set_unit_text (item, row->unit_text);
      zc_item_set_progress_text (item, row->progress_text);
      zc_item_set_state (item, row->state);
      zc_item_set_progress (item, row->progress);
      zc_item_set_state_text (item, row->state_text);
      if (!zc_store_insert_record (self, actor, ZC_RECORD (item), "import_ledger", 0, error))
        return FALSE;
      {
        gint64 id = zc_record_get_id (ZC_RECORD (item));

        g_hash_table_insert (items, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
      }
      report->created++;
    }

  return TRUE;
}

static void
report_into_error (ZcImportReport  *report,
                   const char      *path,
                   GError         **error)
{
  ZcImportIssue *first = g_ptr_array_index (report->errors, 0);
  g_autofree char *base = g_path_get_basename (path);

  if (report->errors->len == 1)
    g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, _("%s, row %u: %s; nothing was imported"),
                 base, first->row, first->message);
  else
    g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                 _("%s, row %u: %s (and %u more rows with problems); nothing was imported"),
                 base, first->row, first->message, report->errors->len - 1);
}

static int
campaign_year (ZcStore *self)
{
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (self, NULL);
  const char *start = campaign != NULL ? zc_campaign_get_start_date (campaign) : NULL;
  g_autofree char *today = NULL;
  GDate date;

  if (start != NULL && zc_date_parse (start, &date))
    return g_date_get_year (&date);
  today = zc_store_today (self);
  if (zc_date_parse (today, &date))
    return g_date_get_year (&date);
  return 2000;
}

static gboolean
import_ledger (ZcStore         *self,
               ZcPerson        *actor,
               gint64           unit_id,
               const char      *path,
               ZcImportReport  *report,
               GError         **error)
{
  g_autoptr(ZcCsv) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader reader = { 0, };
  ZcBulkWrite *bulk;
  gboolean left_wal;
  gboolean ok;

  if (!zc_policy_require_lead_of (self, actor, unit_id, _("import a ledger into this unit"),
                                  error) ||
      !zc_policy_require_phase (self, unit_id, _("import a ledger"), error,
                                ZC_PHASE_INSPECTION, ZC_PHASE_RECTIFICATION, -1))
    return FALSE;

  csv = zc_csv_parse_file (path, ZC_LIMIT_IMPORT_SIZE, &local_error);
  if (csv == NULL)
    {
      g_ptr_array_add (report->errors, zc_import_issue_new (0, "%s", local_error->message));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  reader.store = self;
  reader.unit_id = unit_id;
  reader.year = campaign_year (self);
  reader.report = report;
  reader.csv = csv;
  reader.col_number = zc_csv_column (csv, col_number);
  reader.col_problem = zc_csv_column (csv, col_problem);
  reader.col_category = zc_csv_column (csv, col_category);
  reader.col_measure = zc_csv_column (csv, col_measure);
  reader.col_term = zc_csv_column (csv, col_term);
  reader.col_leader = zc_csv_column (csv, col_leader);
  reader.col_unit = zc_csv_column (csv, col_unit);
  reader.col_person = zc_csv_column (csv, col_person);
  reader.col_deadline = zc_csv_column (csv, col_deadline);
  reader.col_progress = zc_csv_column (csv, col_progress);
  reader.col_state = zc_csv_column (csv, col_state);

  if (reader.col_problem < 0)
    {
      g_ptr_array_add (report->errors,
                       zc_import_issue_new (1, _("The header has no column for the problem "
                                                 "(问题, 存在问题, 问题描述 or 具体问题)")));
      report_into_error (report, path, error);
      return FALSE;
    }

  load_people (&reader);
  load_units (&reader);
  reader.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  rows = g_ptr_array_new_with_free_func (ledger_row_free);
  report->rows = csv->rows->len;
  for (guint i = 0; i < csv->rows->len; i++)
    {
      LedgerRow *row = read_row (&reader, g_ptr_array_index (csv->rows, i));

      if (row != NULL)
        g_ptr_array_add (rows, row);
    }

  g_hash_table_unref (reader.people);
  g_hash_table_unref (reader.units);
  g_hash_table_unref (reader.categories);
  g_clear_pointer (&reader.headers, g_ptr_array_unref);

  if (report->errors->len > 0)
    {
      report_into_error (report, path, error);
      return FALSE;
    }

  /* The rows go in all together or not at all: one transaction without a savepoint a
   * record, written with a rollback journal when nobody else has the file open. */
  left_wal = zc_store_leave_wal (self);
  if (!zc_store_begin (self, error))
    {
      zc_store_back_to_wal (self, left_wal);
      return FALSE;
    }
  zc_store_set_all_or_nothing (self);
  bulk = zc_store_bulk_begin (self, "item", error);
  ok = bulk != NULL && write_rows (self, actor, unit_id, rows, report, error) &&
       zc_store_bulk_end (self, bulk, error);
  zc_store_bulk_free (self, bulk);
  if (!ok)
    zc_store_rollback (self);
  else
    ok = zc_store_commit (self, error);
  zc_store_back_to_wal (self, left_wal);
  if (!ok)
    report->created = 0;
  return ok;
}

/**
 * zc_store_import_ledger_csv:
 * @self: a store
 * @actor: the unit's lead
 * @unit_id: the unit whose ledger receives the rows
 * @path: a CSV file (UTF-8, with or without a BOM)
 * @report: (out) (optional) (transfer full): rows read, records created, and the rows
 *   kept as written (warnings) or refused (errors)
 * @error: where to report a refusal
 *
 * Imports an existing rectification ledger (整改台账), all rows or none. Each row's problem
 * becomes a problem of the unit's problem list (rows with the same problem text share one),
 * and each measure a rectification item with its deadline, responsible leader, unit and
 * person, progress and state. Deadlines, names and states that cannot be matched are kept
 * as written and listed as warnings; a row without a problem text stops the import. A
 * problem or measure the ledger holds already is not imported twice, so importing a file
 * again changes nothing.
 *
 * Returns: %TRUE when the rows were imported
 */
gboolean
zc_store_import_ledger_csv (ZcStore          *self,
                            ZcPerson         *actor,
                            gint64            unit_id,
                            const char       *path,
                            ZcImportReport  **report,
                            GError          **error)
{
  g_autoptr(ZcImportReport) r = zc_import_report_new ();
  gboolean ok;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = import_ledger (self, actor, unit_id, path, r, error);
  if (report != NULL)
    *report = g_steal_pointer (&r);
  return ok;
}

/* ---- export ------------------------------------------------------------------------------ */

/**
 * zc_store_export_ledger_csv:
 * @self: a store
 * @actor: the reader
 * @unit_id: one unit, or 0 for every unit the actor may read
 * @path: the file to write (replaced atomically)
 * @error: where to report a refusal or a write failure
 *
 * Writes the ledger as CSV for spreadsheets: UTF-8 with a BOM, CRLF line ends, the Chinese
 * header names of the XLSX export, one row per rectification item and one per problem still
 * waiting for its measures, with the texts as stored (a deadline or a name kept as written
 * is written back as it was), so that the file imports again unchanged.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
zc_store_export_ledger_csv (ZcStore     *self,
                            ZcPerson    *actor,
                            gint64       unit_id,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, g_free);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int warning_days;
  int rc;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (unit_id != 0 &&
      !zc_policy_require (zc_policy_can_read_unit (self, actor, unit_id), actor,
                          _("read this unit’s ledger"), error))
    return FALSE;

  /* A ledger is handed on: its categories are the official Chinese terms in any locale
   * (custom entries keep the label they were given). */
  entries = zc_store_list_entries (self, ZC_LIST_KIND_CATEGORY);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(ZcListEntry) entry = g_list_model_get_item (entries, i);
      gint64 id = zc_record_get_id (ZC_RECORD (entry));

      g_hash_table_insert (categories, g_memdup2 (&id, sizeof id),
                           g_strdup (zc_list_entry_get_official_label (entry)));
    }

  today = zc_store_today (self);
  warning_days = (int) zc_store_query_int (self, 7, "SELECT warning_days FROM campaign", NULL);
  filter = zc_policy_unit_filter (self, actor, "pr.unit_id");
  sql = g_strdup_printf ("SELECT pr.title, pr.description, pr.category_id, i.id, i.number, "
                         "  i.measure, i.term_type, i.deadline, i.deadline_text, "
                         "  coalesce (l.name, i.leader_text), coalesce (i.unit_text, u.name), "
                         "  coalesce (pe.name, i.person_text), i.progress_text, i.state, "
                         "  i.state_text, "
                         "  zc_light (i.state, i.term_type, i.start_date, i.deadline, "
                         "            i.review_dates, i.progress, ?2, ?3) "
                         "FROM problem pr JOIN unit pu ON pu.id = pr.unit_id "
                         "LEFT JOIN item i ON i.problem_id = pr.id "
                         "LEFT JOIN unit u ON u.id = i.unit_id "
                         "LEFT JOIN person l ON l.id = i.leader_id "
                         "LEFT JOIN person pe ON pe.id = i.person_id "
                         "WHERE (?1 = 0 OR pr.unit_id = ?1) AND (%s) "
                         "ORDER BY pu.position, pr.unit_id, pr.number, pr.id, i.number, i.id",
                         filter);
  stmt = zc_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (!zc_store_bind (self, stmt, error, "isi", unit_id, today, (gint64) warning_days))
    return FALSE;

  out = g_string_sized_new (64 * 1024);
  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (export_header); i++)
    zc_csv_append_cell (out, export_header[i], i + 1 == G_N_ELEMENTS (export_header));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define COL(n) ((const char *) sqlite3_column_text (stmt, (n)))
      g_autofree char *problem = problem_full_text (COL (0), COL (1));
      gint64 category_id = sqlite3_column_int64 (stmt, 2);
      const char *category = category_id != 0 ? g_hash_table_lookup (categories, &category_id)
                                              : NULL;
      gboolean has_item = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      char number[16] = "";
      int term = ZC_TERM_TYPE_NONE, state = ZC_ITEM_STATE_PLANNED;
      const char *deadline = NULL;
      const char *state_text = NULL;
      const char *light = "";

      if (has_item)
        {
          g_snprintf (number, sizeof number, "%d", sqlite3_column_int (stmt, 4));
          zc_enum_from_string (ZC_TYPE_TERM_TYPE, COL (6), &term);
          zc_enum_from_string (ZC_TYPE_ITEM_STATE, COL (13), &state);
          deadline = COL (7) != NULL ? COL (7) : COL (8);
          if (deadline == NULL && (term == ZC_TERM_TYPE_IMMEDIATE || term == ZC_TERM_TYPE_ONGOING))
            deadline = term_word (term);
          state_text = COL (14) != NULL ? COL (14) : state_word (state);
          light = light_word (sqlite3_column_int (stmt, 15));
        }

      zc_csv_append_cell (out, number, FALSE);
      zc_csv_append_cell (out, problem, FALSE);
      zc_csv_append_cell (out, category, FALSE);
      zc_csv_append_cell (out, has_item ? COL (5) : NULL, FALSE);
      zc_csv_append_cell (out, has_item ? term_word (term) : NULL, FALSE);
      zc_csv_append_cell (out, has_item ? COL (9) : NULL, FALSE);
      zc_csv_append_cell (out, has_item ? COL (10) : NULL, FALSE);
      zc_csv_append_cell (out, has_item ? COL (11) : NULL, FALSE);
      zc_csv_append_cell (out, deadline, FALSE);
      zc_csv_append_cell (out, has_item ? COL (12) : NULL, FALSE);
      zc_csv_append_cell (out, state_text, FALSE);
      zc_csv_append_cell (out, light, TRUE);
#undef COL
    }
  if (rc != SQLITE_DONE)
    {
      zc_store_sql_error (self, "ledger export", error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (!g_file_set_contents (path, out->str, out->len, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("Could not write “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
