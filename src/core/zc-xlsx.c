/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "zc-date.h"
#include "zc-store-private.h"
#include "zc-xlsx.h"

/*
 * The ledger as a workbook a bureau hands on. Every sheet is written row by row in order,
 * so the workbook runs in libxlsxwriter's constant-memory mode (a city's 20,000 items take
 * seconds and little memory); that mode cannot merge cells, so titles are centred across
 * their row instead. Row heights are estimated from the text, because neither Excel nor a
 * printout fits wrapped rows by itself. The sheet texts are the fixed Chinese terms of a
 * 整改台账, whatever the interface language.
 */

enum
{
  COL_NUMBER,
  COL_PROBLEM,
  COL_CATEGORY,
  COL_MEASURE,
  COL_TERM,
  COL_LEADER,
  COL_UNIT,
  COL_PERSON,
  COL_DEADLINE,
  COL_PROGRESS,
  COL_STATE,
  COL_LIGHT,
  COL_EVIDENCE,
  N_COLUMNS
};

/* The CSV export's header (zc-ledger-csv.c), and the evidence column. */
static const char * const ledger_columns[N_COLUMNS + 1] = {
  "序号", "问题描述", "问题类别", "整改措施", "整改类型", "责任领导", "责任单位", "责任人",
  "整改时限", "整改进展", "完成情况", "红黄绿灯", "佐证材料", NULL
};

/* Widths in Excel's units (the width of a '0'); a Chinese character takes about two. */
static const double ledger_widths[N_COLUMNS] = {
  5.5, 30, 10, 40, 9.5, 9, 14, 8, 11, 32, 8.5, 8.5, 20
};

/* Columns whose cells are centred (short words and names). */
static const gboolean ledger_centered[N_COLUMNS] = {
  TRUE, FALSE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, TRUE, TRUE, FALSE
};

enum
{
  SUM_NUMBER,
  SUM_UNIT,
  SUM_PROBLEMS,
  SUM_ITEMS,
  SUM_PLANNED,
  SUM_IN_PROGRESS,
  SUM_AWAITING,
  SUM_CLOSED,
  SUM_RATE,
  SUM_RED,
  SUM_YELLOW,
  SUM_GREEN,
  N_SUM_COLUMNS
};

static const char * const summary_columns[N_SUM_COLUMNS] = {
  "序号", "单位", "问题数", "整改事项", "未开始", "整改中", "已完成待销号", "已销号", "销号率",
  "红灯", "黄灯", "绿灯"
};

static const double summary_widths[N_SUM_COLUMNS] = {
  5.5, 28, 8, 9, 8, 8, 12, 8, 8, 7, 7, 7
};

#define SUMMARY_SHEET "汇总"
#define BODY_FONT     "宋体"
#define HEADING_FONT  "黑体"
#define GB2312_CHARSET 134

/* Rows of every sheet (0-based): the title, a line under it, the header; then the data. */
#define ROW_TITLE    0
#define ROW_SUBTITLE 1
#define ROW_HEADER   2
#define ROW_FIRST    3

/* Points per line of 10 pt text, and what a row needs above and below its lines. */
#define LINE_HEIGHT 14.0
#define ROW_PADDING 6.0
/* Excel's limit on the characters of a cell. */
#define MAX_CELL_CHARS 32767

typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *header;
  lxw_format *text;
  lxw_format *center;
  lxw_format *date;
  lxw_format *light[4];
  lxw_format *sum_text;
  lxw_format *sum_number;
  lxw_format *sum_rate;
  lxw_format *total_text;
  lxw_format *total_number;
  lxw_format *total_rate;
} Formats;

typedef struct
{
  gint64         unit_id;
  char          *unit_name;
  char          *sheet_name;
  lxw_worksheet *ws;
  guint          problems;      /* distinct problems */
  guint          rows;          /* rows expected */
  lxw_row_t      next_row;
  guint          items;         /* rows with an item: COUNT over 序号 */
  guint          states[4];     /* cells equal to each state word: COUNTIF over 完成情况 */
  guint          lights[4];     /* cells equal to each light word: COUNTIF over 红黄绿灯 */
} UnitSheet;

typedef struct
{
  lxw_workbook   *workbook;
  Formats         f;
  GHashTable     *sheets;       /* unit id → UnitSheet* (owned by @order) */
  GPtrArray      *order;        /* UnitSheet* of every readable unit, in tree order */
  gint64          last_problem; /* to count distinct problems */
  guint           done;
  guint           total;
  GCancellable   *cancellable;
  ZcProgressFunc  progress;
  gpointer        progress_data;
} Export;

static void
unit_sheet_free (gpointer data)
{
  UnitSheet *sheet = data;

  g_free (sheet->unit_name);
  g_free (sheet->sheet_name);
  g_free (sheet);
}

const char * const *
zc_xlsx_ledger_columns (void)
{
  return ledger_columns;
}

/* ---- sheet names ---------------------------------------------------------------------- */

static const char *
fullwidth_for (gunichar c)
{
  switch (c)
    {
    case ':':
      return "：";
    case '\\':
      return "＼";
    case '/':
      return "／";
    case '?':
      return "？";
    case '*':
      return "＊";
    case '[':
      return "［";
    case ']':
      return "］";
    default:
      return NULL;
    }
}

/* Cuts @text to at most @max UTF-16 code units (how Excel counts), at a character. */
static void
cut_utf16 (GString *text,
           guint    max)
{
  guint units = 0;

  for (const char *p = text->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint width = g_utf8_get_char (p) > 0xffff ? 2 : 1;

      if (units + width > max)
        {
          g_string_truncate (text, p - text->str);
          return;
        }
      units += width;
    }
}

char *
zc_xlsx_sheet_name (const char *name,
                    GHashTable *taken)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *candidate = NULL;
  const char *valid_end;

  g_return_val_if_fail (taken != NULL, NULL);

  if (name == NULL)
    name = "";
  g_utf8_validate (name, -1, &valid_end);
  for (const char *p = name; p < valid_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *wide = fullwidth_for (c);

      if (wide != NULL)
        g_string_append (base, wide);
      else if (g_unichar_iscntrl (c))
        g_string_append_c (base, ' ');
      else
        g_string_append_unichar (base, c);
    }

  /* Excel refuses apostrophes at either end, and names of only blanks. */
  while (base->len > 0 && (base->str[0] == '\'' || base->str[0] == ' '))
    g_string_erase (base, 0, 1);
  while (base->len > 0 && (base->str[base->len - 1] == '\'' || base->str[base->len - 1] == ' '))
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, "单位");
  /* "History" is Excel's own. */
  if (g_ascii_strcasecmp (base->str, "History") == 0)
    g_string_append (base, " (1)");

  cut_utf16 (base, 31);
  while (base->len > 0 && base->str[base->len - 1] == '\'')
    g_string_truncate (base, base->len - 1);

  candidate = g_strdup (base->str);
  for (guint n = 2;; n++)
    {
      g_free (folded);
      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (taken, folded))
        break;
      {
        g_autofree char *suffix = g_strdup_printf (" (%u)", n);
        g_autoptr(GString) stem = g_string_new (base->str);

        cut_utf16 (stem, 31 - (guint) strlen (suffix));
        g_free (candidate);
        candidate = g_strconcat (stem->str, suffix, NULL);
      }
    }

  g_hash_table_add (taken, g_steal_pointer (&folded));
  return g_steal_pointer (&candidate);
}

/* 'name' for a formula, with apostrophes doubled. */
static char *
quoted_sheet (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "'", -1);
  g_autofree char *joined = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", joined);
}

/* ---- formats ---------------------------------------------------------------------------- */

static lxw_format *
new_format (lxw_workbook *workbook,
            const char   *font,
            double        size)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, font);
  format_set_font_size (format, size);
  format_set_font_charset (format, GB2312_CHARSET);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static lxw_format *
new_cell_format (lxw_workbook *workbook)
{
  lxw_format *format = new_format (workbook, BODY_FONT, 10);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_text_wrap (format);
  return format;
}

static void
make_formats (lxw_workbook *workbook,
              Formats      *f)
{
  static const struct { lxw_color_t fill; lxw_color_t font; } lights[4] = {
    { 0, 0 },
    { 0x00B050, 0xFFFFFF },   /* green */
    { 0xFFC000, 0x000000 },   /* amber */
    { 0xFF0000, 0xFFFFFF },   /* red */
  };

  f->title = new_format (workbook, HEADING_FONT, 16);
  format_set_bold (f->title);
  format_set_align (f->title, LXW_ALIGN_CENTER_ACROSS);

  f->subtitle = new_format (workbook, BODY_FONT, 10);
  format_set_align (f->subtitle, LXW_ALIGN_LEFT);

  f->header = new_format (workbook, HEADING_FONT, 10.5);
  format_set_bold (f->header);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_border (f->header, LXW_BORDER_THIN);
  format_set_text_wrap (f->header);
  format_set_bg_color (f->header, 0xD9E1F2);

  f->text = new_cell_format (workbook);
  format_set_align (f->text, LXW_ALIGN_LEFT);

  f->center = new_cell_format (workbook);
  format_set_align (f->center, LXW_ALIGN_CENTER);

  f->date = new_cell_format (workbook);
  format_set_align (f->date, LXW_ALIGN_CENTER);
  format_set_num_format (f->date, "yyyy-mm-dd");

  f->light[ZC_LIGHT_NONE] = f->center;
  for (guint i = ZC_LIGHT_GREEN; i <= ZC_LIGHT_RED; i++)
    {
      f->light[i] = new_cell_format (workbook);
      format_set_align (f->light[i], LXW_ALIGN_CENTER);
      format_set_bold (f->light[i]);
      format_set_bg_color (f->light[i], lights[i].fill);
      format_set_font_color (f->light[i], lights[i].font);
    }

  f->sum_text = new_cell_format (workbook);
  format_set_align (f->sum_text, LXW_ALIGN_LEFT);
  f->sum_number = new_cell_format (workbook);
  format_set_align (f->sum_number, LXW_ALIGN_CENTER);
  f->sum_rate = new_cell_format (workbook);
  format_set_align (f->sum_rate, LXW_ALIGN_CENTER);
  format_set_num_format (f->sum_rate, "0.0%");

  f->total_text = new_cell_format (workbook);
  format_set_align (f->total_text, LXW_ALIGN_CENTER);
  format_set_bold (f->total_text);
  format_set_bg_color (f->total_text, 0xF2F2F2);
  f->total_number = new_cell_format (workbook);
  format_set_align (f->total_number, LXW_ALIGN_CENTER);
  format_set_bold (f->total_number);
  format_set_bg_color (f->total_number, 0xF2F2F2);
  f->total_rate = new_cell_format (workbook);
  format_set_align (f->total_rate, LXW_ALIGN_CENTER);
  format_set_bold (f->total_rate);
  format_set_bg_color (f->total_rate, 0xF2F2F2);
  format_set_num_format (f->total_rate, "0.0%");
}

/* ---- writing ---------------------------------------------------------------------------- */

static gboolean
check (lxw_error   err,
       const char *path,
       GError    **error)
{
  if (err == LXW_NO_ERROR)
    return TRUE;
  return zc_doc_write_error (path, lxw_strerror (err), error);
}

/* A character's width in a cell, in column units: CJK characters and full-width forms
 * are nearly two. The common ranges are answered before GLib's table lookups. */
static inline double
char_width (gunichar c)
{
  if (c < 0x80)
    return 1.0;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303e) ||
      (c >= 0xff01 && c <= 0xff60))
    return 1.9;
  return g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 1.9 : 1.0;
}

/* The number of lines @text takes in a column @width units wide (wrapped). */
static guint
estimate_lines (const char *text,
                double      width)
{
  double avail = MAX (width - 1.0, 1.0);
  double used = 0;
  guint lines = 1;

  if (text == NULL)
    return 1;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double w;

      if (c == '\n')
        {
          lines++;
          used = 0;
          continue;
        }
      w = char_width (c);
      if (used + w > avail)
        {
          lines++;
          used = 0;
        }
      used += w;
    }
  return lines;
}

/* Text Excel takes: cut at its cell limit. */
static const char *
cell_text (const char  *text,
           char       **owned)
{
  /* No more bytes than the limit: no more characters either, nothing to count. */
  if (text != NULL && strlen (text) > MAX_CELL_CHARS &&
      g_utf8_strlen (text, MAX_CELL_CHARS + 1) > MAX_CELL_CHARS)
    {
      *owned = g_utf8_substring (text, 0, MAX_CELL_CHARS);
      return *owned;
    }
  return text;
}

static lxw_error
write_text (lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *owned = NULL;

  if (text == NULL || *text == '\0')
    return worksheet_write_blank (ws, row, col, format);
  return worksheet_write_string (ws, row, col, cell_text (text, &owned), format);
}

/* The title, the line under it (centred across / left) and the header of a sheet. */
static lxw_error
write_head (lxw_worksheet       *ws,
            const Formats       *f,
            const char          *title,
            const char          *subtitle,
            const char * const  *columns,
            const double        *widths,
            guint                n_columns)
{
  lxw_error err = LXW_NO_ERROR;
  double header_height = 0;

  for (guint c = 0; c < n_columns && err == LXW_NO_ERROR; c++)
    {
      err = worksheet_set_column (ws, c, c, widths[c], NULL);
      header_height = MAX (header_height, estimate_lines (columns[c], widths[c]));
    }

  if (err == LXW_NO_ERROR)
    err = worksheet_set_row (ws, ROW_TITLE, 30, NULL);
  if (err == LXW_NO_ERROR)
    err = worksheet_write_string (ws, ROW_TITLE, 0, title, f->title);
  for (guint c = 1; c < n_columns && err == LXW_NO_ERROR; c++)
    err = worksheet_write_blank (ws, ROW_TITLE, c, f->title);

  if (err == LXW_NO_ERROR)
    err = worksheet_set_row (ws, ROW_SUBTITLE, 20, NULL);
  if (err == LXW_NO_ERROR)
    err = worksheet_write_string (ws, ROW_SUBTITLE, 0, subtitle, f->subtitle);

  if (err == LXW_NO_ERROR)
    err = worksheet_set_row (ws, ROW_HEADER, header_height * LINE_HEIGHT + 2 * ROW_PADDING, NULL);
  for (guint c = 0; c < n_columns && err == LXW_NO_ERROR; c++)
    err = worksheet_write_string (ws, ROW_HEADER, c, columns[c], f->header);

  /* The header stays in view and on every printed page. */
  worksheet_freeze_panes (ws, ROW_FIRST, 0);
  if (err == LXW_NO_ERROR)
    err = worksheet_repeat_rows (ws, ROW_HEADER, ROW_HEADER);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);   /* A4 */
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_center_horizontally (ws);
  if (err == LXW_NO_ERROR)
    err = worksheet_set_footer (ws, "&C第 &P 页，共 &N 页");
  return err;
}

static lxw_error
write_ledger_row (UnitSheet         *sheet,
                  const Formats     *f,
                  const ZcLedgerRow *r)
{
  lxw_worksheet *ws = sheet->ws;
  lxw_row_t row = sheet->next_row++;
  const char *cells[N_COLUMNS] = { NULL, };
  double lines = 1;
  lxw_error err = LXW_NO_ERROR;
  GDate date;

  cells[COL_PROBLEM] = r->problem;
  cells[COL_CATEGORY] = r->category;
  if (r->has_item)
    {
      cells[COL_MEASURE] = r->measure;
      cells[COL_TERM] = zc_doc_term_word (r->term_type);
      cells[COL_LEADER] = r->leader;
      cells[COL_UNIT] = r->unit;
      cells[COL_PERSON] = r->person;
      cells[COL_DEADLINE] = r->deadline_date != NULL ? r->deadline_date : r->deadline_text;
      cells[COL_PROGRESS] = r->progress_text;
      cells[COL_STATE] = r->state_text;
      cells[COL_LIGHT] = zc_doc_light_word (r->light);
      cells[COL_EVIDENCE] = r->evidence;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    if (cells[c] != NULL)
      lines = MAX (lines, estimate_lines (cells[c], ledger_widths[c]));
  /* A row set before its cells: constant-memory mode writes rows out in order. */
  err = worksheet_set_row (ws, row, lines * LINE_HEIGHT + ROW_PADDING, NULL);

  if (err == LXW_NO_ERROR)
    {
      if (r->has_item)
        err = worksheet_write_number (ws, row, COL_NUMBER, r->number, f->center);
      else
        err = worksheet_write_blank (ws, row, COL_NUMBER, f->center);
    }

  for (guint c = COL_PROBLEM; c < N_COLUMNS && err == LXW_NO_ERROR; c++)
    {
      lxw_format *format = ledger_centered[c] ? f->center : f->text;

      if (c == COL_LIGHT)
        format = f->light[r->has_item ? r->light : ZC_LIGHT_NONE];

      if (c == COL_DEADLINE && r->deadline_date != NULL && zc_date_parse (r->deadline_date, &date))
        {
          lxw_datetime when = { g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 0, 0, 0 };

          err = worksheet_write_datetime (ws, row, c, &when, f->date);
        }
      else
        {
          err = write_text (ws, row, c, cells[c], format);
        }
    }

  /* What the summary's formulas count, counted the way they count. */
  if (r->has_item)
    {
      sheet->items++;
      sheet->lights[r->light]++;
      for (guint s = 0; s < 4; s++)
        if (g_strcmp0 (r->state_text, zc_doc_state_word (s)) == 0)
          sheet->states[s]++;
    }
  return err;
}

typedef struct
{
  Export      *export;
  const char  *path;
} RowContext;

static gboolean
on_ledger_row (const ZcLedgerRow *r,
               gpointer           user_data,
               GError           **error)
{
  RowContext *ctx = user_data;
  Export *x = ctx->export;
  UnitSheet *sheet = g_hash_table_lookup (x->sheets, &r->unit_id);

  /* A unit the list of readable units does not know would be a policy mismatch. */
  g_return_val_if_fail (sheet != NULL && sheet->ws != NULL, TRUE);

  if (!check (write_ledger_row (sheet, &x->f, r), ctx->path, error))
    return FALSE;

  x->done++;
  if (x->progress != NULL && (x->done & 0x1ff) == 0)
    x->progress (0.95 * x->done / MAX (x->total, 1), x->progress_data);
  return TRUE;
}

/* COUNTIF(sheet!col4:colN,"word"), or COUNT(…) for a NULL word. */
static char *
count_formula (UnitSheet   *sheet,
               lxw_col_t    col,
               const char  *word)
{
  g_autofree char *quoted = quoted_sheet (sheet->sheet_name);
  char first[16], last[16];

  lxw_rowcol_to_cell_abs (first, ROW_FIRST, col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last, MAX (sheet->next_row, ROW_FIRST + 1) - 1, col, TRUE, TRUE);
  if (word == NULL)
    return g_strdup_printf ("=COUNT(%s!%s:%s)", quoted, first, last);
  return g_strdup_printf ("=COUNTIF(%s!%s:%s,\"%s\")", quoted, first, last, word);
}

/* 销号率 of a summary row: closed / items, 0 without items. */
static lxw_error
write_rate (lxw_worksheet *ws,
            lxw_row_t      row,
            guint          items,
            guint          closed,
            lxw_format    *format)
{
  char items_cell[16], closed_cell[16];
  g_autofree char *formula = NULL;

  lxw_rowcol_to_cell (items_cell, row, SUM_ITEMS);
  lxw_rowcol_to_cell (closed_cell, row, SUM_CLOSED);
  formula = g_strdup_printf ("=IF(%s=0,0,%s/%s)", items_cell, closed_cell, items_cell);
  return worksheet_write_formula_num (ws, row, SUM_RATE, formula, format,
                                      items == 0 ? 0.0 : (double) closed / items);
}

static lxw_error
write_summary (lxw_worksheet *ws,
               Export        *x)
{
  static const struct { guint col; int state; int light; } counts[] = {
    { SUM_PLANNED, ZC_ITEM_STATE_PLANNED, -1 },
    { SUM_IN_PROGRESS, ZC_ITEM_STATE_IN_PROGRESS, -1 },
    { SUM_AWAITING, ZC_ITEM_STATE_AWAITING_CLOSEOUT, -1 },
    { SUM_CLOSED, ZC_ITEM_STATE_CLOSED, -1 },
    { SUM_RED, -1, ZC_LIGHT_RED },
    { SUM_YELLOW, -1, ZC_LIGHT_YELLOW },
    { SUM_GREEN, -1, ZC_LIGHT_GREEN },
  };
  const Formats *f = &x->f;
  guint totals[N_SUM_COLUMNS] = { 0, };
  lxw_row_t row = ROW_FIRST;
  lxw_error err = LXW_NO_ERROR;

  for (guint i = 0; i < x->order->len && err == LXW_NO_ERROR; i++, row++)
    {
      UnitSheet *s = g_ptr_array_index (x->order, i);
      double lines = estimate_lines (s->unit_name, summary_widths[SUM_UNIT]);

      err = worksheet_set_row (ws, row, lines * LINE_HEIGHT + ROW_PADDING, NULL);
      if (err == LXW_NO_ERROR)
        err = worksheet_write_number (ws, row, SUM_NUMBER, i + 1, f->sum_number);
      if (err == LXW_NO_ERROR)
        err = write_text (ws, row, SUM_UNIT, s->unit_name, f->sum_text);
      if (err == LXW_NO_ERROR)
        err = worksheet_write_number (ws, row, SUM_PROBLEMS, s->problems, f->sum_number);
      totals[SUM_PROBLEMS] += s->problems;

      /* A unit without rows has no sheet to count over. */
      if (err == LXW_NO_ERROR && s->ws != NULL)
        {
          g_autofree char *formula = count_formula (s, COL_NUMBER, NULL);

          err = worksheet_write_formula_num (ws, row, SUM_ITEMS, formula, f->sum_number,
                                             s->items);
        }
      else if (err == LXW_NO_ERROR)
        err = worksheet_write_number (ws, row, SUM_ITEMS, 0, f->sum_number);
      totals[SUM_ITEMS] += s->items;

      for (guint k = 0; k < G_N_ELEMENTS (counts) && err == LXW_NO_ERROR; k++)
        {
          guint value = counts[k].state >= 0 ? s->states[counts[k].state]
                                             : s->lights[counts[k].light];

          if (s->ws != NULL)
            {
              const char *word = counts[k].state >= 0 ? zc_doc_state_word (counts[k].state)
                                                      : zc_doc_light_word (counts[k].light);
              g_autofree char *formula =
                count_formula (s, counts[k].state >= 0 ? COL_STATE : COL_LIGHT, word);

              err = worksheet_write_formula_num (ws, row, counts[k].col, formula,
                                                 f->sum_number, value);
            }
          else
            {
              err = worksheet_write_number (ws, row, counts[k].col, value, f->sum_number);
            }
          totals[counts[k].col] += value;
        }
      if (err == LXW_NO_ERROR)
        err = write_rate (ws, row, s->items, s->states[ZC_ITEM_STATE_CLOSED], f->sum_rate);
    }

  /* 合计: sums over the rows above. */
  if (err == LXW_NO_ERROR)
    err = worksheet_set_row (ws, row, LINE_HEIGHT + 2 * ROW_PADDING, NULL);
  if (err == LXW_NO_ERROR)
    err = worksheet_write_blank (ws, row, SUM_NUMBER, f->total_text);
  if (err == LXW_NO_ERROR)
    err = worksheet_write_string (ws, row, SUM_UNIT, "合计", f->total_text);
  for (guint c = SUM_PROBLEMS; c < N_SUM_COLUMNS && err == LXW_NO_ERROR; c++)
    {
      char first[16], last[16];
      g_autofree char *formula = NULL;

      if (c == SUM_RATE)
        continue;
      lxw_rowcol_to_cell (first, ROW_FIRST, c);
      lxw_rowcol_to_cell (last, MAX (row, ROW_FIRST + 1) - 1, c);
      formula = g_strdup_printf ("=SUM(%s:%s)", first, last);
      err = worksheet_write_formula_num (ws, row, c, formula, f->total_number, totals[c]);
    }
  if (err == LXW_NO_ERROR)
    err = write_rate (ws, row, totals[SUM_ITEMS], totals[SUM_CLOSED], f->total_rate);
  return err;
}

/* Rows and distinct problems of each readable unit's ledger, in one query. */
static gboolean
count_rows (ZcStore   *store,
            ZcPerson  *actor,
            gint64     unit_id,
            Export    *x,
            GError   **error)
{
  g_autofree char *filter = zc_policy_unit_filter (store, actor, "pr.unit_id");
  g_autofree char *sql = g_strdup_printf ("SELECT pr.unit_id, count(*), count(DISTINCT pr.id) "
                                          "FROM problem pr LEFT JOIN item i ON "
                                          "i.problem_id = pr.id WHERE (?1 = 0 OR "
                                          "pr.unit_id = ?1) AND (%s) GROUP BY pr.unit_id",
                                          filter);
  sqlite3_stmt *stmt = zc_store_stmt (store, sql, error);
  int rc;

  if (stmt == NULL || !zc_store_bind (store, stmt, error, "i", unit_id))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      UnitSheet *sheet = g_hash_table_lookup (x->sheets, &id);

      if (sheet != NULL)
        {
          sheet->rows = sqlite3_column_int (stmt, 1);
          sheet->problems = sqlite3_column_int (stmt, 2);
          x->total += sheet->rows;
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return zc_store_sql_error (store, "ledger", error);
  return TRUE;
}

static gboolean
write_workbook (ZcStore    *store,
                ZcPerson   *actor,
                gint64      unit_id,
                const char *path,
                Export     *x,
                GError    **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) units = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autofree char *today = zc_store_today (store);
  g_autofree char *today_words = zc_doc_date_words (today);
  g_autofree char *summary_title = NULL;
  g_autofree char *summary_subtitle = NULL;
  g_autofree char *summary_name = NULL;
  lxw_worksheet *summary;
  const char *campaign_title;
  RowContext ctx = { x, path };

  units = zc_doc_readable_units (store, actor, unit_id, error);
  if (units == NULL)
    return FALSE;
  campaign = zc_store_get_campaign (store, NULL);
  campaign_title = campaign != NULL ? zc_campaign_get_title (campaign) : "";

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      UnitSheet *sheet = g_new0 (UnitSheet, 1);

      sheet->unit_id = zc_record_get_id (ZC_RECORD (unit));
      sheet->unit_name = g_strdup (zc_unit_get_name (unit));
      sheet->next_row = ROW_FIRST;
      g_ptr_array_add (x->order, sheet);
      g_hash_table_insert (x->sheets, &sheet->unit_id, sheet);
    }
  if (!count_rows (store, actor, unit_id, x, error))
    return FALSE;

  {
    lxw_doc_properties props = { 0, };
    g_autofree char *title = g_strdup_printf ("%s整改台账", campaign_title);

    props.title = title;
    props.subject = "整改台账";
    props.author = actor != NULL ? (char *) zc_person_get_name (actor) : NULL;
    props.comments = "作风自查 Zicha";
    workbook_set_properties (x->workbook, &props);
  }
  make_formats (x->workbook, &x->f);

  /* The summary comes first; its rows are written once the unit sheets are counted. */
  summary_name = zc_xlsx_sheet_name (SUMMARY_SHEET, taken);
  summary = workbook_add_worksheet (x->workbook, summary_name);
  if (summary == NULL)
    return zc_doc_write_error (path, _("the workbook could not take another sheet"), error);
  summary_title = g_strdup_printf ("%s整改台账汇总表", campaign_title);
  summary_subtitle = g_strdup_printf ("导出日期：%s", today_words);
  if (!check (write_head (summary, &x->f, summary_title, summary_subtitle, summary_columns,
                          summary_widths, N_SUM_COLUMNS), path, error))
    return FALSE;
  worksheet_set_portrait (summary);
  worksheet_activate (summary);
  if (x->order->len > 0 &&
      !check (worksheet_autofilter (summary, ROW_HEADER, 0, ROW_HEADER + x->order->len,
                                    N_SUM_COLUMNS - 1), path, error))
    return FALSE;

  for (guint i = 0; i < x->order->len; i++)
    {
      UnitSheet *s = g_ptr_array_index (x->order, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (s->rows == 0)
        continue;
      s->sheet_name = zc_xlsx_sheet_name (s->unit_name, taken);
      s->ws = workbook_add_worksheet (x->workbook, s->sheet_name);
      if (s->ws == NULL)
        return zc_doc_write_error (path, _("the workbook could not take another sheet"), error);
      title = g_strdup_printf ("%s问题整改台账", s->unit_name);
      subtitle = g_strdup_printf ("专项活动：%s　　填报单位：%s　　导出日期：%s",
                                  campaign_title, s->unit_name, today_words);
      if (!check (write_head (s->ws, &x->f, title, subtitle, ledger_columns, ledger_widths,
                              N_COLUMNS), path, error))
        return FALSE;
      /* Set before the rows: constant-memory mode refuses ranges above the current row. */
      if (!check (worksheet_autofilter (s->ws, ROW_HEADER, 0, ROW_HEADER + s->rows,
                                        N_COLUMNS - 1), path, error))
        return FALSE;
    }

  if (!zc_doc_foreach_ledger_row_ahead (store, actor, unit_id, TRUE, on_ledger_row, &ctx,
                                        x->cancellable, error))
    return FALSE;
  return check (write_summary (summary, x), path, error);
}

gboolean
zc_xlsx_export_ledger (ZcStore         *store,
                       ZcPerson        *actor,
                       gint64           unit_id,
                       const char      *path,
                       GCancellable    *cancellable,
                       ZcProgressFunc   progress,
                       gpointer         progress_data,
                       GError         **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (unit_sheet_free);
  g_autoptr(GHashTable) sheets = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *temp = NULL;
  g_autofree char *dir = NULL;
  lxw_workbook_options options = { 0, };
  Export x = { 0, };
  lxw_error err;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (0.0, progress_data);

  temp = zc_doc_temp_beside (path, error);
  if (temp == NULL)
    return FALSE;
  /* The row data waits in temporary files beside the result, not in a RAM-backed /tmp. */
  dir = g_path_get_dirname (path);
  options.constant_memory = LXW_TRUE;
  options.tmpdir = dir;
  x.workbook = workbook_new_opt (temp, &options);
  if (x.workbook == NULL)
    {
      g_unlink (temp);
      return zc_doc_write_error (path, _("the workbook could not be created"), error);
    }
  x.sheets = sheets;
  x.order = order;
  x.cancellable = cancellable;
  x.progress = progress;
  x.progress_data = progress_data;

  if (!write_workbook (store, actor, unit_id, path, &x, error))
    {
      lxw_workbook_free (x.workbook);
      g_unlink (temp);
      return FALSE;
    }

  err = workbook_close (x.workbook);
  if (err != LXW_NO_ERROR)
    {
      g_unlink (temp);
      return check (err, path, error);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (!zc_doc_commit_temp (temp, path, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}
