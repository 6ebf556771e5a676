/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "zc-date.h"
#include "zc-light.h"
#include "zc-pdf.h"
#include "zc-store-private.h"

/*
 * PDF documents with cairo and pango. Both documents are a flow of rows (a line of a
 * paragraph, a table row, a bar of a chart) that a paginator places on pages: paragraphs
 * break between lines, keeping a heading with what follows and leaving no single line of
 * a paragraph alone on a page; tables and charts repeat their header row on every page
 * they continue onto. Text is laid out once, at 1 unit = 1 point with unhinted metrics,
 * so that the same layout draws the same on a PDF surface and on a printer's context.
 *
 * The document words (headings, column names) are the fixed Chinese terms of a bureau's
 * documents, as in the ledger: the letter and the report are filed and posted as they are.
 */

#define SERIF_FAMILY "Noto Serif CJK SC, Source Han Serif SC, WenQuanYi Micro Hei, sans"
#define SANS_FAMILY  "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, sans"

/* A table cell shows at most this many characters (a row must fit on a page). */
#define MAX_CELL_CHARS 400

typedef struct
{
  double r, g, b;
} Rgb;

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const Rgb black = RGB (0x000000);
static const Rgb ink = RGB (0x1F2328);
static const Rgb grey = RGB (0x5F6B7A);
static const Rgb rule = RGB (0x9AA5B5);
static const Rgb header_fill = RGB (0xE6ECF4);
static const Rgb zebra_fill = RGB (0xF6F8FB);
static const Rgb card_fill = RGB (0xF5F7FA);
static const Rgb draft_red = RGB (0xC0392B);

/* The lights, as on the dashboard; index by ZcLight. */
static const Rgb light_colors[4] = {
  RGB (0xB8BEC6), RGB (0x2E9E50), RGB (0xF2A516), RGB (0xD93A2F)
};
/* Item states; index by ZcItemState. */
static const Rgb state_colors[4] = {
  RGB (0xC3C9D1), RGB (0x4C8BD6), RGB (0x8A6CC8), RGB (0x1F6F78)
};

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* ---- text ------------------------------------------------------------------------------ */

static PangoContext *
new_pango_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Device-independent metrics: a PDF and a printout break lines at the same places. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  return context;
}

typedef struct
{
  const char     *family;
  double          size;
  PangoWeight     weight;
  PangoAlignment  align;
  double          line_spacing;   /* factor, 0 for the font's own */
  double          indent;         /* first line, in points */
  gboolean        justify;
  double          pitch;          /* points from baseline to baseline, 0 for the font's */
} TextStyle;

static PangoLayout *
text_layout (PangoContext    *context,
             const char      *text,
             const TextStyle *style,
             double           width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->family);
  pango_font_description_set_absolute_size (desc, style->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, style->weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, style->align);
  pango_layout_set_justify (layout, style->justify);
  /* A pitch is kept by the rows of flow_add_layout(), between paragraphs too. */
  if (style->pitch <= 0 && style->line_spacing > 0)
    pango_layout_set_line_spacing (layout, style->line_spacing);
  if (style->indent != 0)
    pango_layout_set_indent (layout, (int) (style->indent * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

/* At most MAX_CELL_CHARS characters, with an ellipsis when cut. */
static char *
cell_text (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, MAX_CELL_CHARS + 1) <= MAX_CELL_CHARS)
    return g_strdup (text);
  {
    g_autofree char *cut = g_utf8_substring (text, 0, MAX_CELL_CHARS - 1);

    return g_strconcat (cut, "…", NULL);
  }
}

/* ---- the flow of rows ------------------------------------------------------------------- */

typedef struct _Row Row;
typedef struct _Flow Flow;

typedef void (*RowDraw) (Row     *row,
                         cairo_t *cr,
                         double   x,
                         double   y,
                         double   width);

struct _Row
{
  double          height;
  double          space_before;     /* dropped at the top of a page */
  gboolean        keep_with_next;
  gboolean        break_before;     /* starts a new page */
  Row            *header;           /* repeated above this row when it starts a page */
  RowDraw         draw;
  gpointer        data;
  GDestroyNotify  free_data;
  char           *outline;          /* a bookmark to this row, or NULL */
};

typedef struct
{
  guint  page;
  double y;
  Row   *row;
} Placement;

typedef void (*FlowDecorate) (Flow    *flow,
                              cairo_t *cr,
                              guint    page,
                              gpointer data);

struct _Flow
{
  GPtrArray    *rows;        /* Row*, owned */
  GArray       *placements;  /* Placement, by page */
  guint        *first;       /* first placement index of each page, n_pages + 1 entries */
  guint         n_pages;
  double        width;       /* page size the rows were made and paginated for */
  double        height;
  double        top;         /* margins */
  double        bottom;
  double        left;
  double        right;
  FlowDecorate  decorate;
  gpointer      decorate_data;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  if (row->free_data != NULL)
    row->free_data (row->data);
  g_free (row->outline);
  g_free (row);
}

static Flow *
flow_new (double width,
          double height)
{
  Flow *flow = g_new0 (Flow, 1);

  flow->rows = g_ptr_array_new_with_free_func (row_free);
  flow->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  flow->width = width;
  flow->height = height;
  return flow;
}

static void
flow_free (Flow *flow)
{
  g_ptr_array_unref (flow->rows);
  g_array_unref (flow->placements);
  g_free (flow->first);
  g_free (flow);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Flow, flow_free)

static double
flow_content_width (Flow *flow)
{
  return flow->width - flow->left - flow->right;
}

static Row *
flow_add (Flow           *flow,
          double          height,
          RowDraw         draw,
          gpointer        data,
          GDestroyNotify  free_data)
{
  Row *row = g_new0 (Row, 1);

  row->height = height;
  row->draw = draw;
  row->data = data;
  row->free_data = free_data;
  g_ptr_array_add (flow->rows, row);
  return row;
}

static void
flow_space (Flow   *flow,
            double  space)
{
  /* Space before the next row: remembered on the flow until that row comes. */
  Row *row = flow_add (flow, 0, NULL, NULL, NULL);

  row->space_before = space;
}

static void
flow_paginate (Flow *flow)
{
  double limit = flow->height - flow->bottom;
  double y = flow->top;
  gboolean page_empty = TRUE;
  double pending_space = 0;
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint page = 0;
  guint zero = 0;

  g_array_set_size (flow->placements, 0);
  g_array_append_val (firsts, zero);

  for (guint i = 0; i < flow->rows->len; i++)
    {
      Row *row = g_ptr_array_index (flow->rows, i);
      double need;
      Placement p;

      if (row->break_before && !page_empty)
        {
          page++;
          g_array_append_val (firsts, flow->placements->len);
          y = flow->top;
          page_empty = TRUE;
          pending_space = 0;
        }
      if (row->draw == NULL)
        {
          /* A spacer: adds to the space before the next row. */
          pending_space += row->space_before;
          continue;
        }

      /* The row and every row it keeps with must fit, unless they fill a page anyway. */
      need = (page_empty ? 0 : pending_space + row->space_before) + row->height;
      for (guint j = i; j + 1 < flow->rows->len; j++)
        {
          Row *r = g_ptr_array_index (flow->rows, j);
          Row *next = g_ptr_array_index (flow->rows, j + 1);

          if (!r->keep_with_next || need > limit - flow->top)
            break;
          need += next->space_before + next->height;
        }
      if (!page_empty && y + need > limit)
        {
          page++;
          g_array_append_val (firsts, flow->placements->len);
          y = flow->top;
          page_empty = TRUE;
        }

      if (page_empty)
        {
          pending_space = 0;
          /* A table or chart continued from the page before gets its header again. */
          if (page > 0 && row->header != NULL)
            {
              p.page = page;
              p.y = y;
              p.row = row->header;
              g_array_append_val (flow->placements, p);
              y += row->header->height;
            }
        }
      else
        {
          y += pending_space + row->space_before;
          pending_space = 0;
        }

      p.page = page;
      p.y = y;
      p.row = row;
      g_array_append_val (flow->placements, p);
      y += row->height;
      page_empty = FALSE;
    }

  flow->n_pages = page + 1;
  g_array_append_val (firsts, flow->placements->len);
  g_free (flow->first);
  flow->first = (guint *) g_array_free (g_steal_pointer (&firsts), FALSE);
}

static void
flow_draw_page (Flow    *flow,
                cairo_t *cr,
                guint    page)
{
  g_return_if_fail (page < flow->n_pages);

  cairo_save (cr);
  if (flow->decorate != NULL)
    flow->decorate (flow, cr, page, flow->decorate_data);
  for (guint k = flow->first[page]; k < flow->first[page + 1]; k++)
    {
      Placement *p = &g_array_index (flow->placements, Placement, k);

      cairo_save (cr);
      p->row->draw (p->row, cr, flow->left, p->y, flow_content_width (flow));
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

/* ---- paragraphs ---------------------------------------------------------------------------- */

typedef struct
{
  PangoLayout *layout;   /* shared by the lines of a paragraph */
  int          line;
  double       x;        /* the line's offset (alignment, indent) */
  double       baseline; /* from the row's top */
  Rgb          color;
} LineRow;

static void
line_row_free (gpointer data)
{
  LineRow *lr = data;

  g_object_unref (lr->layout);
  g_free (lr);
}

static void
draw_line_row (Row     *row,
               cairo_t *cr,
               double   x,
               double   y,
               double   width)
{
  LineRow *lr = row->data;
  PangoLayoutLine *line = pango_layout_get_line_readonly (lr->layout, lr->line);

  set_rgb (cr, &lr->color);
  cairo_move_to (cr, x + lr->x, y + lr->baseline);
  pango_cairo_show_layout_line (cr, line);
}

/* Adds @layout line by line, each line @pitch high when > 0 (its text centred on it);
 * the first row is returned (for bookmarks). */
static Row *
flow_add_layout (Flow        *flow,
                 PangoLayout *layout,
                 double       pitch,
                 const Rgb   *color,
                 double       space_before,
                 gboolean     keep_with_next)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  Row *first = NULL;
  int index = 0;

  do
    {
      LineRow *lr = g_new0 (LineRow, 1);
      PangoRectangle logical;
      int y0, y1;
      Row *row;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      lr->layout = g_object_ref (layout);
      lr->line = index;
      lr->x = (double) logical.x / PANGO_SCALE;
      lr->color = *color;
      if (pitch > 0)
        {
          int ascent = pango_layout_iter_get_baseline (iter) - logical.y;

          lr->baseline = (ascent + (pitch * PANGO_SCALE - logical.height) / 2) / PANGO_SCALE;
          row = flow_add (flow, pitch, draw_line_row, lr, line_row_free);
        }
      else
        {
          lr->baseline = (double) (pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
          row = flow_add (flow, (double) (y1 - y0) / PANGO_SCALE, draw_line_row, lr,
                          line_row_free);
        }
      if (index == 0)
        {
          row->space_before = space_before;
          first = row;
        }
      /* No first line alone at a page's foot, no last line alone at a page's head. */
      row->keep_with_next = keep_with_next || (index == 0 && n_lines > 1) ||
                            (index == n_lines - 2);
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return first;
}

/* A title in lines of even length: no single character left alone on the last line. */
static Row *
flow_add_title (Flow            *flow,
                PangoContext    *context,
                const char      *text,
                const TextStyle *style,
                const Rgb       *color,
                double           space_before)
{
  double width = flow_content_width (flow);
  g_autoptr(PangoLayout) layout = text_layout (context, text, style, width);
  int n_lines = pango_layout_get_line_count (layout);

  if (n_lines > 1 && strchr (text, '\n') == NULL)
    {
      g_autoptr(PangoLayout) natural = text_layout (context, text, style, -1);
      double even = layout_width (natural) / n_lines + style->size;

      if (even < width)
        {
          pango_layout_set_width (layout, (int) (even * PANGO_SCALE));
          if (pango_layout_get_line_count (layout) > n_lines)
            pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
        }
      /* Centred in the full width. */
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }
  {
    Row *first = flow_add_layout (flow, layout, style->pitch, color, space_before, TRUE);
    double shift = (width - pango_layout_get_width (layout) / (double) PANGO_SCALE) / 2;

    /* Lines of a narrowed layout are centred within it; move them to the page's centre. */
    for (guint i = flow->rows->len; shift > 0 && i-- > 0;)
      {
        Row *row = g_ptr_array_index (flow->rows, i);

        ((LineRow *) row->data)->x += shift;
        if (row == first)
          break;
      }
    return first;
  }
}

static Row *
flow_add_text (Flow            *flow,
               PangoContext    *context,
               const char      *text,
               const TextStyle *style,
               const Rgb       *color,
               double           space_before,
               gboolean         keep_with_next)
{
  g_autoptr(PangoLayout) layout = text_layout (context, text, style, flow_content_width (flow));

  return flow_add_layout (flow, layout, style->pitch, color, space_before, keep_with_next);
}

/* ---- tables ---------------------------------------------------------------------------------- */

typedef struct
{
  guint         n;
  PangoLayout **cells;
  double       *widths;
  gboolean      header;
  gboolean      zebra;
  double        pad;
} TableRow;

static void
table_row_free (gpointer data)
{
  TableRow *t = data;

  for (guint i = 0; i < t->n; i++)
    g_clear_object (&t->cells[i]);
  g_free (t->cells);
  g_free (t->widths);
  g_free (t);
}

static void
draw_table_row (Row     *row,
                cairo_t *cr,
                double   x,
                double   y,
                double   width)
{
  TableRow *t = row->data;
  double cx = x;

  if (t->header || t->zebra)
    {
      double total = 0;

      for (guint i = 0; i < t->n; i++)
        total += t->widths[i];
      set_rgb (cr, t->header ? &header_fill : &zebra_fill);
      cairo_rectangle (cr, x, y, total, row->height);
      cairo_fill (cr);
    }

  for (guint i = 0; i < t->n; i++)
    {
      double h = layout_height (t->cells[i]);

      set_rgb (cr, &ink);
      cairo_move_to (cr, cx + t->pad, y + (row->height - h) / 2);
      pango_cairo_show_layout (cr, t->cells[i]);

      set_rgb (cr, &rule);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, cx, y, t->widths[i], row->height);
      cairo_stroke (cr);
      cx += t->widths[i];
    }
}

typedef struct
{
  guint        n;
  double      *widths;       /* points */
  TextStyle    style;
  TextStyle    header_style;
  Row         *header;
  guint        count;
  guint        first;        /* index of the header row in the flow */
} Table;

/* Header and the first two rows together, the last two rows together (and so for
 * charts): no row alone on a page. */
static void
flow_keep_ends (Flow  *flow,
                guint  header_index)
{
  guint last = flow->rows->len - 1;
  Row *row;

  if (last >= header_index + 2)
    {
      row = g_ptr_array_index (flow->rows, header_index + 1);
      row->keep_with_next = TRUE;
    }
  if (last >= header_index + 3)
    {
      row = g_ptr_array_index (flow->rows, last - 1);
      row->keep_with_next = TRUE;
    }
}

static void
table_clear (Table *table,
             Flow  *flow)
{
  flow_keep_ends (flow, table->first);
  g_clear_pointer (&table->widths, g_free);
}

/* A table over the content width; @fractions are the columns' shares of it. */
static void
table_init (Table        *table,
            Flow         *flow,
            const double *fractions,
            guint         n)
{
  double total = 0;

  memset (table, 0, sizeof *table);
  table->n = n;
  table->widths = g_new (double, n);
  for (guint i = 0; i < n; i++)
    total += fractions[i];
  for (guint i = 0; i < n; i++)
    table->widths[i] = flow_content_width (flow) * fractions[i] / total;
  table->style = (TextStyle) { SANS_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1.1, 0,
                               FALSE };
  table->header_style = table->style;
  table->header_style.size = 8;
  table->header_style.weight = PANGO_WEIGHT_BOLD;
  table->header_style.align = PANGO_ALIGN_CENTER;
}

/* One row; @aligns may be NULL (left). */
static Row *
table_add_row (Table                *table,
               Flow                 *flow,
               PangoContext         *context,
               const char * const   *texts,
               const PangoAlignment *aligns,
               gboolean              header)
{
  TableRow *t = g_new0 (TableRow, 1);
  double height = 0;
  Row *row;

  t->n = table->n;
  t->cells = g_new0 (PangoLayout *, t->n);
  t->widths = g_memdup2 (table->widths, sizeof (double) * t->n);
  t->header = header;
  t->zebra = !header && (table->count++ % 2 == 1);
  t->pad = 3;

  for (guint i = 0; i < t->n; i++)
    {
      TextStyle style = header ? table->header_style : table->style;
      g_autofree char *text = cell_text (texts[i]);

      if (!header && aligns != NULL)
        style.align = aligns[i];
      t->cells[i] = text_layout (context, text, &style, t->widths[i] - 2 * t->pad);
      height = MAX (height, layout_height (t->cells[i]));
    }

  row = flow_add (flow, height + 2 * t->pad + 2, draw_table_row, t, table_row_free);
  if (header)
    {
      /* The header stays with the first row under it, and comes back on every page. */
      row->keep_with_next = TRUE;
      table->header = row;
      table->count = 0;
      table->first = flow->rows->len - 1;
    }
  else
    {
      row->header = table->header;
    }
  return row;
}

/* ---- page decorations ----------------------------------------------------------------------- */

static void
show_text_at (cairo_t         *cr,
              PangoContext    *context,
              const char      *text,
              const TextStyle *style,
              double           x,
              double           y,
              double           width)
{
  g_autoptr(PangoLayout) layout = text_layout (context, text, style, width);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ============================================================================================ */
/* ---- the public commitment letter ---------------------------------------------------------- */

struct _ZcLetterLayout
{
  ZcCommitment *commitment;
  GPtrArray    *pledges;    /* char* */
  PangoContext *context;
  Flow         *flow;
};

/* GB/T 9704 proportions: 3号 (16 pt) body, 2号 (22 pt) title, ~28 pt between lines. */
static const TextStyle letter_title = {
  SERIF_FAMILY, 22, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, 0, 0, FALSE, 34
};
static const TextStyle letter_subtitle = {
  SERIF_FAMILY, 14, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 1.3, 0, FALSE
};
static const TextStyle letter_body = {
  SERIF_FAMILY, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, 32, TRUE, 28
};
static const TextStyle letter_plain = {
  SERIF_FAMILY, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, 0, FALSE, 0
};
static const TextStyle letter_folio = {
  SERIF_FAMILY, 12, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 0, 0, FALSE
};
static const TextStyle letter_mark = {
  SANS_FAMILY, 10.5, PANGO_WEIGHT_BOLD, PANGO_ALIGN_RIGHT, 0, 0, FALSE
};

/* The signature block at the right: labels spread over four characters' width, as on
 * a form ("承 诺 人："), their values after them, a rule to sign on, the date. */
typedef struct
{
  GPtrArray *labels;       /* PangoLayout*, or NULL for a line without a label */
  GPtrArray *values;       /* PangoLayout*, or NULL for the rule to sign on */
  double     label_width;
  double     block_width;
  double     line_height;
  double     rule_width;
} SignatureRow;

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
signature_row_free (gpointer data)
{
  SignatureRow *s = data;

  g_ptr_array_unref (s->labels);
  g_ptr_array_unref (s->values);
  g_free (s);
}

static void
draw_signature_row (Row     *row,
                    cairo_t *cr,
                    double   x,
                    double   y,
                    double   width)
{
  SignatureRow *s = row->data;
  double left = x + width - s->block_width - 16;

  set_rgb (cr, &black);
  for (guint i = 0; i < s->values->len; i++)
    {
      PangoLayout *label = g_ptr_array_index (s->labels, i);
      PangoLayout *value = g_ptr_array_index (s->values, i);
      double ly = y + i * s->line_height;
      double vx = label != NULL ? left + s->label_width : left;

      if (label != NULL)
        {
          cairo_move_to (cr, left, ly);
          pango_cairo_show_layout (cr, label);
        }
      if (value != NULL)
        {
          cairo_move_to (cr, vx, ly);
          pango_cairo_show_layout (cr, value);
        }
      else
        {
          double baseline = (double) pango_layout_get_baseline (label) / PANGO_SCALE;

          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, vx, ly + baseline + 3);
          cairo_line_to (cr, vx + s->rule_width, ly + baseline + 3);
          cairo_stroke (cr);
        }
    }
}

/* "承诺人" spread to the width of "承诺单位", then "：". */
static PangoLayout *
spread_label (PangoContext    *context,
              const char      *label,
              const TextStyle *style,
              guint            n_chars)
{
  glong n = g_utf8_strlen (label, -1);
  g_autofree char *text = g_strconcat (label, "：", NULL);
  PangoLayout *layout = text_layout (context, text, style, -1);

  if (n > 1 && (guint) n < n_chars)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *spacing;
      double extra = style->size * (n_chars - n) / (n - 1);

      spacing = pango_attr_letter_spacing_new ((int) (extra * PANGO_SCALE));
      spacing->start_index = 0;
      spacing->end_index = g_utf8_offset_to_pointer (label, n - 1) - label;
      pango_attr_list_insert (attrs, spacing);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

/* Does @closing already give @contact (the demo's and many real letters do)? */
static gboolean
mentions (const char *closing,
          const char *contact)
{
  return closing != NULL && contact != NULL && strstr (closing, contact) != NULL;
}

static void
letter_decorate (Flow    *flow,
                 cairo_t *cr,
                 guint    page,
                 gpointer data)
{
  ZcLetterLayout *layout = data;
  g_autofree char *folio = g_strdup_printf ("— %u —", page + 1);

  set_rgb (cr, &black);
  show_text_at (cr, layout->context, folio, &letter_folio, flow->left,
                flow->height - flow->bottom * 0.55, flow_content_width (flow));

  if (zc_commitment_get_state (layout->commitment) != ZC_COMMITMENT_STATE_PUBLISHED)
    {
      set_rgb (cr, &draft_red);
      show_text_at (cr, layout->context, "草稿（未公开）", &letter_mark, flow->left,
                    flow->top * 0.45, flow_content_width (flow));
    }
}

static void
letter_build (ZcLetterLayout *layout,
              double          width,
              double          height)
{
  ZcCommitment *c = layout->commitment;
  const char *closing = zc_commitment_get_closing (c);
  const char *phone = zc_commitment_get_contact_phone (c);
  const char *email = zc_commitment_get_contact_email (c);
  const char *signature = zc_commitment_get_signature (c);
  const char *sign_date = zc_commitment_get_sign_date (c);
  g_autofree char *date_words = NULL;
  Flow *flow;
  Row *row;

  g_clear_pointer (&layout->flow, flow_free);
  flow = layout->flow = flow_new (width, height);
  /* GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (less on small
   * paper). */
  flow->top = MIN (105, height * 0.125);
  flow->bottom = MIN (99, height * 0.118);
  flow->left = MIN (79, width * 0.133);
  flow->right = MIN (74, width * 0.124);
  flow->decorate = letter_decorate;
  flow->decorate_data = layout;

  row = flow_add_title (flow, layout->context,
                        zc_commitment_get_title (c) != NULL ? zc_commitment_get_title (c)
                                                             : "公开承诺书",
                        &letter_title, &black, 0);
  row->outline = g_strdup (zc_commitment_get_title (c) != NULL ? zc_commitment_get_title (c)
                                                                : "公开承诺书");
  if (zc_commitment_get_version (c) > 1)
    {
      g_autofree char *version = g_strdup_printf ("（第%d版）", zc_commitment_get_version (c));

      flow_add_text (flow, layout->context, version, &letter_subtitle, &black, 4, TRUE);
    }
  flow_space (flow, 20);

  if (zc_commitment_get_opening (c) != NULL)
    {
      g_auto(GStrv) paras = g_strsplit (zc_commitment_get_opening (c), "\n", -1);

      for (guint i = 0; paras[i] != NULL; i++)
        if (*g_strstrip (paras[i]) != '\0')
          flow_add_text (flow, layout->context, paras[i], &letter_body, &black, 0, FALSE);
    }

  for (guint i = 0; i < layout->pledges->len; i++)
    {
      g_autofree char *number = zc_doc_chinese_number (i + 1);
      g_autofree char *text = g_strdup_printf ("%s、%s", number,
                                               (char *) g_ptr_array_index (layout->pledges, i));

      flow_add_text (flow, layout->context, text, &letter_body, &black, 0, FALSE);
    }

  if (closing != NULL)
    {
      g_auto(GStrv) paras = g_strsplit (closing, "\n", -1);

      for (guint i = 0; paras[i] != NULL; i++)
        if (*g_strstrip (paras[i]) != '\0')
          flow_add_text (flow, layout->context, paras[i], &letter_body, &black, 0, FALSE);
    }
  /* The supervision contact, unless the closing gives it already. */
  if (phone != NULL && *phone != '\0' && !mentions (closing, phone))
    {
      g_autofree char *text = g_strdup_printf ("监督电话：%s", phone);

      flow_add_text (flow, layout->context, text, &letter_body, &black, 0, FALSE);
    }
  if (email != NULL && *email != '\0' && !mentions (closing, email))
    {
      g_autofree char *text = g_strdup_printf ("监督邮箱：%s", email);

      flow_add_text (flow, layout->context, text, &letter_body, &black, 0, FALSE);
    }

  /* The unit, who promises, a line to sign on, the date. */
  {
    SignatureRow *s = g_new0 (SignatureRow, 1);
    const char *unit = zc_commitment_get_unit_name (c);
    const char *who = signature != NULL ? signature : zc_commitment_get_author_name (c);
    const char *labels[] = { "承诺单位", "承诺人", "签字", NULL };
    const char *values[] = { unit != NULL ? unit : "", who != NULL ? who : "", NULL, NULL };
    double max_width;

    date_words = zc_doc_date_words (sign_date);
    values[3] = date_words;
    s->labels = g_ptr_array_new_with_free_func (unref_if_set);
    s->values = g_ptr_array_new_with_free_func (unref_if_set);
    s->rule_width = 130;
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      if (labels[i] != NULL)
        {
          PangoLayout *label = spread_label (layout->context, labels[i], &letter_plain, 4);

          s->label_width = MAX (s->label_width, layout_width (label));
          g_ptr_array_add (s->labels, label);
        }
      else
        {
          g_ptr_array_add (s->labels, NULL);
        }
    max_width = flow_content_width (flow) * 0.7 - s->label_width;
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        PangoLayout *value = NULL;
        double w = s->rule_width;

        if (values[i] != NULL)
          {
            value = text_layout (layout->context, values[i], &letter_plain, max_width);
            w = layout_width (value);
            s->line_height = MAX (s->line_height, layout_height (value) + 10);
          }
        s->block_width = MAX (s->block_width, (labels[i] != NULL ? s->label_width : 0) + w);
        g_ptr_array_add (s->values, value);
      }
    row = flow_add (flow, s->line_height * s->values->len, draw_signature_row, s,
                    signature_row_free);
    row->space_before = 40;
  }
  /* The signature never stands alone: the letter's last two lines go with it. */
  for (guint i = flow->rows->len - 1, kept = 0; i > 0 && kept < 2; i--, kept++)
    {
      Row *prev = g_ptr_array_index (flow->rows, i - 1);

      if (prev->draw != draw_line_row)
        break;
      prev->keep_with_next = TRUE;
    }
}

ZcLetterLayout *
zc_letter_layout_new (ZcCommitment *commitment,
                      GListModel   *pledges)
{
  ZcLetterLayout *layout;

  g_return_val_if_fail (ZC_IS_COMMITMENT (commitment), NULL);
  g_return_val_if_fail (pledges == NULL || G_IS_LIST_MODEL (pledges), NULL);

  layout = g_new0 (ZcLetterLayout, 1);
  layout->commitment = g_object_ref (commitment);
  layout->pledges = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; pledges != NULL && i < g_list_model_get_n_items (pledges); i++)
    {
      g_autoptr(ZcPledge) pledge = g_list_model_get_item (pledges, i);

      g_ptr_array_add (layout->pledges, g_strdup (zc_pledge_get_text (pledge)));
    }
  layout->context = new_pango_context ();
  return layout;
}

void
zc_letter_layout_free (ZcLetterLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->flow, flow_free);
  g_clear_object (&layout->context);
  g_clear_object (&layout->commitment);
  g_ptr_array_unref (layout->pledges);
  g_free (layout);
}

static void
letter_ensure (ZcLetterLayout *layout,
               double          width,
               double          height)
{
  if (layout->flow != NULL && layout->flow->width == width && layout->flow->height == height)
    return;
  letter_build (layout, width, height);
  flow_paginate (layout->flow);
}

guint
zc_letter_n_pages (ZcLetterLayout *layout,
                   double          width_pt,
                   double          height_pt)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (width_pt > 100 && height_pt > 100, 0);

  letter_ensure (layout, width_pt, height_pt);
  return layout->flow->n_pages;
}

void
zc_letter_draw_page (ZcLetterLayout *layout,
                     cairo_t        *cr,
                     guint           page,
                     double          width_pt,
                     double          height_pt)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  letter_ensure (layout, width_pt, height_pt);
  g_return_if_fail (page < layout->flow->n_pages);
  flow_draw_page (layout->flow, cr, page);
}

/* ---- writing PDF files ---------------------------------------------------------------------- */

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  char            *temp;
  const char      *path;
} PdfFile;

static gboolean
pdf_open (PdfFile     *pdf,
          const char  *path,
          const char  *title,
          const char  *author,
          GError     **error)
{
  memset (pdf, 0, sizeof *pdf);
  pdf->path = path;
  pdf->temp = zc_doc_temp_beside (path, error);
  if (pdf->temp == NULL)
    return FALSE;
  pdf->surface = cairo_pdf_surface_create (pdf->temp, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
  if (cairo_surface_status (pdf->surface) != CAIRO_STATUS_SUCCESS)
    {
      zc_doc_write_error (path, cairo_status_to_string (cairo_surface_status (pdf->surface)),
                          error);
      cairo_surface_destroy (pdf->surface);
      pdf->surface = NULL;
      g_unlink (pdf->temp);
      g_clear_pointer (&pdf->temp, g_free);
      return FALSE;
    }
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "作风自查 Zicha");
  pdf->cr = cairo_create (pdf->surface);
  return TRUE;
}

/* Finishes the file; on @ok FALSE (or a cairo error) removes it. */
static gboolean
pdf_close (PdfFile  *pdf,
           gboolean  ok,
           GError  **error)
{
  cairo_status_t status;

  if (pdf->surface == NULL)
    return FALSE;
  cairo_destroy (pdf->cr);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  cairo_surface_destroy (pdf->surface);
  pdf->surface = NULL;
  if (ok && status != CAIRO_STATUS_SUCCESS)
    ok = zc_doc_write_error (pdf->path, cairo_status_to_string (status), error);
  if (!ok)
    {
      g_unlink (pdf->temp);
      g_clear_pointer (&pdf->temp, g_free);
      return FALSE;
    }
  ok = zc_doc_commit_temp (pdf->temp, pdf->path, error);
  g_clear_pointer (&pdf->temp, g_free);
  return ok;
}

/* Adds a bookmark for every row with an outline on @page. */
static void
pdf_add_outlines (Flow            *flow,
                  cairo_surface_t *surface,
                  guint            page,
                  int              parent)
{
  for (guint k = flow->first[page]; k < flow->first[page + 1]; k++)
    {
      Placement *p = &g_array_index (flow->placements, Placement, k);
      g_autofree char *link = NULL;

      if (p->row->outline == NULL)
        continue;
      link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", page + 1, flow->left, p->y);
      cairo_pdf_surface_add_outline (surface, parent, p->row->outline, link, 0);
    }
}

gboolean
zc_pdf_export_letters (ZcStore         *store,
                       ZcPerson        *actor,
                       gint64           commitment_id,
                       gint64           unit_id,
                       const char      *path,
                       GCancellable    *cancellable,
                       ZcProgressFunc   progress,
                       gpointer         progress_data,
                       GError         **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) units_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            NULL);
  PdfFile pdf;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (0.0, progress_data);

  /* One commitment in any state the actor may read; else the published ones. */
  all = zc_store_list_commitments (store, actor, commitment_id != 0 ? 0 : unit_id,
                                   commitment_id == 0, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ZcCommitment) c = g_list_model_get_item (all, i);
      gint64 id = zc_record_get_id (ZC_RECORD (c));
      gint64 unit = zc_commitment_get_unit_id (c);

      if (commitment_id != 0)
        {
          if (id == commitment_id)
            g_ptr_array_add (chosen, g_steal_pointer (&c));
          continue;
        }
      /* The list has each unit's newest version first: its current commitment. */
      if (g_hash_table_contains (units_seen, &unit))
        continue;
      g_hash_table_add (units_seen, g_memdup2 (&unit, sizeof unit));
      g_ptr_array_add (chosen, g_steal_pointer (&c));
    }
  if (chosen->len == 0)
    {
      if (commitment_id != 0)
        g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                     _("There is no public commitment with id %" PRId64 " that you "
                       "may read"), commitment_id);
      else
        g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                     _("There is no published public commitment to print"));
      return FALSE;
    }

  if (!pdf_open (&pdf, path, chosen->len == 1
                             ? zc_commitment_get_title (g_ptr_array_index (chosen, 0))
                             : "公开承诺书",
                 actor != NULL ? zc_person_get_name (actor) : NULL, error))
    return FALSE;

  for (guint i = 0; i < chosen->len && ok; i++)
    {
      ZcCommitment *c = g_ptr_array_index (chosen, i);
      g_autoptr(GListModel) pledges = NULL;
      g_autoptr(ZcLetterLayout) layout = NULL;
      guint n_pages;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      pledges = zc_store_list_pledges (store, actor, zc_record_get_id (ZC_RECORD (c)), error);
      if (pledges == NULL)
        {
          ok = FALSE;
          break;
        }
      layout = zc_letter_layout_new (c, pledges);
      n_pages = zc_letter_n_pages (layout, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
      for (guint page = 0; page < n_pages; page++)
        {
          zc_letter_draw_page (layout, pdf.cr, page, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
          pdf_add_outlines (layout->flow, pdf.surface, page, CAIRO_PDF_OUTLINE_ROOT);
          cairo_show_page (pdf.cr);
        }
      if (progress != NULL)
        progress ((double) (i + 1) / chosen->len * 0.99, progress_data);
    }

  if (!pdf_close (&pdf, ok, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* ============================================================================================ */
/* ---- the campaign report -------------------------------------------------------------------- */

typedef struct
{
  PangoContext *context;
  char         *running_title;   /* header, left */
  char         *running_scope;   /* header, right */
  char         *date_line;       /* footer, left */
} Report;

static const TextStyle report_title = {
  SANS_FAMILY, 20, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, 1.25, 0, FALSE
};
static const TextStyle report_subtitle = {
  SANS_FAMILY, 10.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 1.3, 0, FALSE
};
static const TextStyle report_h1 = {
  SANS_FAMILY, 14, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1.2, 0, FALSE
};
static const TextStyle report_h2 = {
  SANS_FAMILY, 11, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1.2, 0, FALSE
};
static const TextStyle report_body = {
  SERIF_FAMILY, 10.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1.5, 21, TRUE
};
static const TextStyle report_small = {
  SANS_FAMILY, 8, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, 0, FALSE
};
static const TextStyle report_small_right = {
  SANS_FAMILY, 8, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, 0, 0, FALSE
};
static const TextStyle report_small_center = {
  SANS_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 0, 0, FALSE
};

static void
report_free (Report *report)
{
  g_clear_object (&report->context);
  g_free (report->running_title);
  g_free (report->running_scope);
  g_free (report->date_line);
}

static void
report_decorate (Flow    *flow,
                 cairo_t *cr,
                 guint    page,
                 gpointer data)
{
  Report *report = data;
  double width = flow_content_width (flow);
  double head_y = flow->top - 30;
  double foot_y = flow->height - flow->bottom + 14;
  g_autofree char *folio = g_strdup_printf ("第 %u 页　共 %u 页", page + 1, flow->n_pages);

  set_rgb (cr, &grey);
  show_text_at (cr, report->context, report->running_title, &report_small, flow->left, head_y,
                width * 0.7);
  show_text_at (cr, report->context, report->running_scope, &report_small_right,
                flow->left + width * 0.3, head_y, width * 0.7);
  set_rgb (cr, &rule);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, flow->left, head_y + 14);
  cairo_line_to (cr, flow->left + width, head_y + 14);
  cairo_stroke (cr);

  cairo_move_to (cr, flow->left, foot_y - 4);
  cairo_line_to (cr, flow->left + width, foot_y - 4);
  cairo_stroke (cr);
  set_rgb (cr, &grey);
  show_text_at (cr, report->context, report->date_line, &report_small, flow->left, foot_y,
                width * 0.5);
  show_text_at (cr, report->context, folio, &report_small_center, flow->left, foot_y, width);
}

static void
add_heading (Flow         *flow,
             Report       *report,
             const char   *text,
             gboolean      top_level)
{
  Row *row = flow_add_text (flow, report->context, text, top_level ? &report_h1 : &report_h2,
                            &ink, top_level ? 18 : 10, TRUE);

  if (top_level)
    row->outline = g_strdup (text);
  flow_space (flow, top_level ? 8 : 5);
}

static void
add_paragraph (Flow       *flow,
               Report     *report,
               const char *text)
{
  flow_add_text (flow, report->context, text, &report_body, &ink, 4, FALSE);
}

static char *
percent (double share)
{
  return g_strdup_printf ("%.1f%%", 100.0 * share);
}

/* ---- summary cards ---- */

typedef struct
{
  char *value;
  char *label;
  char *note;
  Rgb   color;
} Card;

typedef struct
{
  PangoContext *context;
  Card          cards[4];
  guint         n;
} CardsRow;

static void
cards_row_free (gpointer data)
{
  CardsRow *c = data;

  for (guint i = 0; i < c->n; i++)
    {
      g_free (c->cards[i].value);
      g_free (c->cards[i].label);
      g_free (c->cards[i].note);
    }
  g_object_unref (c->context);
  g_free (c);
}

static void
draw_cards_row (Row     *row,
                cairo_t *cr,
                double   x,
                double   y,
                double   width)
{
  static const TextStyle value_style = {
    SANS_FAMILY, 19, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 0, 0, FALSE
  };
  static const TextStyle label_style = {
    SANS_FAMILY, 9, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, 0, FALSE
  };
  CardsRow *c = row->data;
  double gap = 8;
  double card_w = (width - 3 * gap) / 4;
  double card_h = row->height - 8;

  for (guint i = 0; i < c->n; i++)
    {
      Card *card = &c->cards[i];
      double cx = x + i * (card_w + gap);

      set_rgb (cr, &card_fill);
      cairo_rectangle (cr, cx, y, card_w, card_h);
      cairo_fill (cr);
      set_rgb (cr, &card->color);
      cairo_rectangle (cr, cx, y, 3, card_h);
      cairo_fill (cr);

      set_rgb (cr, &grey);
      show_text_at (cr, c->context, card->label, &label_style, cx + 10, y + 6, card_w - 14);
      set_rgb (cr, &card->color);
      show_text_at (cr, c->context, card->value, &value_style, cx + 10, y + 19, card_w - 14);
      set_rgb (cr, &grey);
      show_text_at (cr, c->context, card->note, &report_small, cx + 10, y + card_h - 15,
                    card_w - 14);
    }
}

static void
add_cards (Flow       *flow,
           Report     *report,
           const Card *cards,
           guint       n)
{
  for (guint start = 0; start < n; start += 4)
    {
      CardsRow *c = g_new0 (CardsRow, 1);
      Row *row;

      c->context = g_object_ref (report->context);
      c->n = MIN (4, n - start);
      for (guint i = 0; i < c->n; i++)
        {
          c->cards[i].value = g_strdup (cards[start + i].value);
          c->cards[i].label = g_strdup (cards[start + i].label);
          c->cards[i].note = g_strdup (cards[start + i].note);
          c->cards[i].color = cards[start + i].color;
        }
      row = flow_add (flow, 66, draw_cards_row, c, cards_row_free);
      row->keep_with_next = start + 4 < n;
    }
}

/* ---- bar charts ---- */

/* Up to four counts: by item state, or by light. */
typedef struct
{
  guint v[4];
} Counts;

typedef struct
{
  PangoContext *context;
  guint         n_series;
  const Rgb    *colors;
  char        **names;     /* legend */
  guint         max;       /* the longest bar */
  guint         step;      /* between grid lines */
  double        label_width;
} Chart;

typedef struct
{
  Chart       *chart;      /* shared, owned by the header row */
  PangoLayout *label;
  Counts       values;
} BarRow;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_object_unref (chart->context);
  g_strfreev (chart->names);
  g_free (chart);
}

static void
bar_row_free (gpointer data)
{
  BarRow *bar = data;

  g_clear_object (&bar->label);
  g_free (bar);
}

#define BAR_TOTAL_WIDTH 34.0
#define BAR_GAP 8.0

static double
chart_scale (Chart  *chart,
             double  width)
{
  double plot = width - chart->label_width - BAR_GAP - BAR_TOTAL_WIDTH;

  return plot / MAX (chart->max, 1);
}

static void
draw_grid (Chart   *chart,
           cairo_t *cr,
           double   x,
           double   y,
           double   height,
           double   width)
{
  double scale = chart_scale (chart, width);
  double x0 = x + chart->label_width + BAR_GAP;

  cairo_set_line_width (cr, 0.4);
  set_rgb (cr, &header_fill);
  for (guint v = chart->step; v <= chart->max; v += chart->step)
    {
      cairo_move_to (cr, x0 + v * scale, y);
      cairo_line_to (cr, x0 + v * scale, y + height);
    }
  cairo_stroke (cr);
  set_rgb (cr, &rule);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x0, y + height);
  cairo_stroke (cr);
}

static void
draw_chart_header (Row     *row,
                   cairo_t *cr,
                   double   x,
                   double   y,
                   double   width)
{
  static const TextStyle legend_style = {
    SANS_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, 0, FALSE
  };
  static const TextStyle tick_style = {
    SANS_FAMILY, 7, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 0, 0, FALSE
  };
  Chart *chart = row->data;
  double scale = chart_scale (chart, width);
  double x0 = x + chart->label_width + BAR_GAP;
  double lx = x0;

  for (guint s = 0; s < chart->n_series; s++)
    {
      g_autoptr(PangoLayout) name = text_layout (chart->context, chart->names[s], &legend_style,
                                                 -1);

      set_rgb (cr, &chart->colors[s]);
      cairo_rectangle (cr, lx, y + 3, 9, 9);
      cairo_fill (cr);
      set_rgb (cr, &ink);
      cairo_move_to (cr, lx + 12, y + 1);
      pango_cairo_show_layout (cr, name);
      lx += 12 + layout_width (name) + 14;
    }

  set_rgb (cr, &grey);
  for (guint v = 0; v <= chart->max; v += chart->step)
    {
      g_autofree char *tick = g_strdup_printf ("%u", v);

      show_text_at (cr, chart->context, tick, &tick_style, x0 + v * scale - 20, y + 17, 40);
    }
  draw_grid (chart, cr, x, y + row->height - 3, 3, width);
}

static void
draw_bar_row (Row     *row,
              cairo_t *cr,
              double   x,
              double   y,
              double   width)
{
  static const TextStyle inside_style = {
    SANS_FAMILY, 7, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, 0, 0, FALSE
  };
  static const TextStyle total_style = {
    SANS_FAMILY, 7.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, 0, FALSE
  };
  BarRow *bar = row->data;
  Chart *chart = bar->chart;
  double scale = chart_scale (chart, width);
  double x0 = x + chart->label_width + BAR_GAP;
  double bar_h = row->height - 5;
  double bx = x0;
  guint total = 0;
  g_autofree char *total_text = NULL;

  draw_grid (chart, cr, x, y, row->height, width);

  set_rgb (cr, &ink);
  cairo_move_to (cr, x, y + (row->height - layout_height (bar->label)) / 2);
  pango_cairo_show_layout (cr, bar->label);

  for (guint s = 0; s < chart->n_series; s++)
    {
      double w = bar->values.v[s] * scale;

      total += bar->values.v[s];
      if (bar->values.v[s] == 0)
        continue;
      set_rgb (cr, &chart->colors[s]);
      cairo_rectangle (cr, bx, y + 2.5, w, bar_h);
      cairo_fill (cr);
      if (w >= 14)
        {
          g_autofree char *value = g_strdup_printf ("%u", bar->values.v[s]);
          const Rgb *text = (chart->colors[s].r + chart->colors[s].g + chart->colors[s].b) > 2.0
                            ? &ink : &(Rgb) RGB (0xFFFFFF);

          set_rgb (cr, text);
          show_text_at (cr, chart->context, value, &inside_style, bx, y + 2.5 + (bar_h - 8.5) / 2,
                        w);
        }
      bx += w;
    }
  total_text = g_strdup_printf ("%u", total);
  set_rgb (cr, &grey);
  show_text_at (cr, chart->context, total_text, &total_style, bx + 4, y + (row->height - 9) / 2,
                BAR_TOTAL_WIDTH);
}

static guint
nice_step (guint max)
{
  static const guint steps[] = { 1, 2, 5 };
  guint magnitude = 1;

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (max / (steps[i] * magnitude) <= 6)
          return steps[i] * magnitude;
      magnitude *= 10;
    }
}

/* A horizontal stacked bar chart: one bar per label, one segment per series. */
static void
add_chart (Flow                *flow,
           Report              *report,
           const char * const  *names,
           const Rgb           *colors,
           guint                n_series,
           GPtrArray           *labels,
           const Counts        *values)
{
  static const TextStyle label_style = {
    SANS_FAMILY, 8, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, 0, 0, FALSE
  };
  Chart *chart = g_new0 (Chart, 1);
  Row *header;
  guint header_index;

  chart->context = g_object_ref (report->context);
  chart->n_series = n_series;
  chart->colors = colors;
  chart->names = g_strdupv ((char **) names);
  chart->label_width = MIN (150, flow_content_width (flow) * 0.3);
  for (guint i = 0; i < labels->len; i++)
    {
      guint total = 0;

      for (guint s = 0; s < n_series; s++)
        total += values[i].v[s];
      chart->max = MAX (chart->max, total);
    }
  chart->step = nice_step (MAX (chart->max, 1));
  chart->max = MAX (chart->step, ((chart->max + chart->step - 1) / chart->step) * chart->step);

  header = flow_add (flow, 30, draw_chart_header, chart, chart_free);
  header->keep_with_next = TRUE;
  header_index = flow->rows->len - 1;
  for (guint i = 0; i < labels->len; i++)
    {
      BarRow *bar = g_new0 (BarRow, 1);
      Row *row;

      bar->chart = chart;
      bar->label = text_layout (report->context, g_ptr_array_index (labels, i), &label_style,
                                chart->label_width);
      pango_layout_set_ellipsize (bar->label, PANGO_ELLIPSIZE_END);
      bar->values = values[i];
      row = flow_add (flow, 15, draw_bar_row, bar, bar_row_free);
      row->header = header;
    }
  flow_keep_ends (flow, header_index);
}

/* ---- the data ---- */

typedef struct
{
  GPtrArray *labels;       /* char*: unit names, or categories for one unit */
  GArray    *states;       /* Counts per label, by ZcItemState */
  GArray    *lights;       /* Counts per label, by ZcLight */
} ChartData;

static void
chart_data_clear (ChartData *d)
{
  g_clear_pointer (&d->labels, g_ptr_array_unref);
  g_clear_pointer (&d->states, g_array_unref);
  g_clear_pointer (&d->lights, g_array_unref);
}

/* Item counts by state and light per unit (campaign) or per category (one unit). */
static gboolean
load_chart_data (ZcStore    *store,
                 ZcPerson   *actor,
                 gint64      unit_id,
                 ChartData  *d,
                 GError    **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *filter = zc_policy_unit_filter (store, actor, "i.unit_id");
  g_autofree char *today = zc_store_today (store);
  g_autofree char *sql = NULL;
  gint64 warning = zc_store_query_int (store, 7, "SELECT warning_days FROM campaign", NULL);
  sqlite3_stmt *stmt;
  int rc;

  d->labels = g_ptr_array_new_with_free_func (g_free);
  d->states = g_array_new (FALSE, TRUE, sizeof (Counts));
  d->lights = g_array_new (FALSE, TRUE, sizeof (Counts));

  if (unit_id == 0)
    {
      g_autoptr(GListModel) units = zc_doc_readable_units (store, actor, 0, error);

      if (units == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (units); i++)
        {
          g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
          gint64 id = zc_record_get_id (ZC_RECORD (unit));

          g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
          g_ptr_array_add (d->labels, g_strdup (zc_unit_get_name (unit)));
        }
    }
  else
    {
      g_autoptr(GHashTable) labels = zc_doc_category_labels (store);
      g_autoptr(GListModel) entries = zc_store_list_entries (store, ZC_LIST_KIND_CATEGORY);
      gint64 none = 0;

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(ZcListEntry) entry = g_list_model_get_item (entries, i);
          gint64 id = zc_record_get_id (ZC_RECORD (entry));

          g_hash_table_insert (index, g_memdup2 (&id, sizeof id),
                               GUINT_TO_POINTER (d->labels->len + 1));
          g_ptr_array_add (d->labels, g_strdup (g_hash_table_lookup (labels, &id)));
        }
      g_hash_table_insert (index, g_memdup2 (&none, sizeof none),
                           GUINT_TO_POINTER (d->labels->len + 1));
      g_ptr_array_add (d->labels, g_strdup ("未分类"));
    }
  g_array_set_size (d->states, d->labels->len);
  g_array_set_size (d->lights, d->labels->len);

  sql = g_strdup_printf ("SELECT %s, i.state, zc_light (i.state, i.term_type, i.start_date, "
                         "  i.deadline, i.review_dates, i.progress, ?2, ?3) AS light, count(*) "
                         "FROM item i JOIN problem pr ON pr.id = i.problem_id "
                         "WHERE (?1 = 0 OR i.unit_id = ?1) AND (%s) GROUP BY 1, 2, 3",
                         unit_id == 0 ? "i.unit_id" : "coalesce (pr.category_id, 0)", filter);
  stmt = zc_store_stmt (store, sql, error);
  if (stmt == NULL || !zc_store_bind (store, stmt, error, "isi", unit_id, today, warning))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &key));
      int state = -1;
      int light = sqlite3_column_int (stmt, 2);
      guint count = sqlite3_column_int (stmt, 3);

      if (at == 0)
        continue;
      zc_enum_from_string (ZC_TYPE_ITEM_STATE, (const char *) sqlite3_column_text (stmt, 1),
                           &state);
      if (state >= 0 && state < 4)
        g_array_index (d->states, Counts, at - 1).v[state] += count;
      if (light >= 0 && light < 4)
        g_array_index (d->lights, Counts, at - 1).v[light] += count;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return zc_store_sql_error (store, "report", error);

  /* For one unit, categories without items say nothing. */
  if (unit_id != 0)
    for (guint i = d->labels->len; i-- > 0;)
      {
        guint *s = g_array_index (d->states, Counts, i).v;

        if (s[0] + s[1] + s[2] + s[3] == 0)
          {
            g_ptr_array_remove_index (d->labels, i);
            g_array_remove_index (d->states, i);
            g_array_remove_index (d->lights, i);
          }
      }
  return TRUE;
}

static void
add_summary (Flow          *flow,
             Report        *report,
             const ZcStats *st,
             const char    *today_words,
             const char    *scope)
{
  guint items = st->items[0] + st->items[1] + st->items[2] + st->items[3];
  guint submitted = st->forms[ZC_FORM_STATE_SUBMITTED] + st->forms[ZC_FORM_STATE_APPROVED];
  g_autofree char *participation = percent (st->people ? (double) submitted / st->people : 0);
  g_autofree char *closed_rate = percent (items ? (double) st->items[3] / items : 0);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  char *v[8], *n[8];
  Card cards[8];

  text = g_strdup_printf ("截至%s，%s共有干部职工%u人，已提交自查表%u份（其中审核通过%u份），"
                          "参与率%s；查摆问题%u条，归纳形成问题清单%u项，制定整改事项%u项。"
                          "整改事项中，已销号%u项、已完成待销号%u项、正在整改%u项、尚未开始%u项，"
                          "销号率%s。按红黄绿灯预警，红灯（逾期未完成）%u项、黄灯（临期或进度滞后）"
                          "%u项、绿灯（正常推进）%u项。在办督办单%u件，已公开承诺书%u份。",
                          today_words, scope, st->people, submitted,
                          st->forms[ZC_FORM_STATE_APPROVED], participation, st->findings,
                          st->problems, items, st->items[ZC_ITEM_STATE_CLOSED],
                          st->items[ZC_ITEM_STATE_AWAITING_CLOSEOUT],
                          st->items[ZC_ITEM_STATE_IN_PROGRESS], st->items[ZC_ITEM_STATE_PLANNED],
                          closed_rate, st->lights[ZC_LIGHT_RED], st->lights[ZC_LIGHT_YELLOW],
                          st->lights[ZC_LIGHT_GREEN], st->orders_open,
                          st->commitments_published);

  v[0] = g_strdup_printf ("%u", st->people);
  n[0] = g_strdup_printf ("%u个单位", st->units);
  v[1] = g_strdup_printf ("%u", submitted);
  n[1] = g_strdup_printf ("参与率 %s", participation);
  v[2] = g_strdup_printf ("%u", st->findings);
  n[2] = g_strdup_printf ("问题清单 %u 项", st->problems);
  v[3] = g_strdup_printf ("%u", items);
  n[3] = g_strdup_printf ("已销号 %u 项（%s）", st->items[ZC_ITEM_STATE_CLOSED], closed_rate);
  v[4] = g_strdup_printf ("%u", st->lights[ZC_LIGHT_RED]);
  n[4] = g_strdup ("逾期未完成");
  v[5] = g_strdup_printf ("%u", st->lights[ZC_LIGHT_YELLOW]);
  n[5] = g_strdup ("临期或进度滞后");
  v[6] = g_strdup_printf ("%u", st->lights[ZC_LIGHT_GREEN]);
  n[6] = g_strdup ("正常推进");
  v[7] = g_strdup_printf ("%u", st->orders_open);
  n[7] = g_strdup_printf ("公开承诺 %u 份", st->commitments_published);

  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    {
      g_ptr_array_add (strings, v[i]);
      g_ptr_array_add (strings, n[i]);
    }
  cards[0] = (Card) { v[0], "干部职工（人）", n[0], ink };
  cards[1] = (Card) { v[1], "提交自查表（份）", n[1], ink };
  cards[2] = (Card) { v[2], "查摆问题（条）", n[2], ink };
  cards[3] = (Card) { v[3], "整改事项（项）", n[3], state_colors[ZC_ITEM_STATE_CLOSED] };
  cards[4] = (Card) { v[4], "红灯（项）", n[4], light_colors[ZC_LIGHT_RED] };
  cards[5] = (Card) { v[5], "黄灯（项）", n[5], (Rgb) RGB (0xC78500) };
  cards[6] = (Card) { v[6], "绿灯（项）", n[6], light_colors[ZC_LIGHT_GREEN] };
  cards[7] = (Card) { v[7], "在办督办（件）", n[7], state_colors[ZC_ITEM_STATE_AWAITING_CLOSEOUT] };

  add_cards (flow, report, cards, G_N_ELEMENTS (cards));
  flow_space (flow, 6);
  add_paragraph (flow, report, text);
}

static void
add_assessments (Flow       *flow,
                 Report     *report,
                 GListModel *assessments)
{
  static const double widths[] = { 2.6, 0.75, 1, 1.15, 1, 1.3, 0.75, 0.75, 1.3, 0.75, 0.75, 0.9 };
  static const char * const head[] = {
    "单位", "人数", "参与率", "整改事项", "销号率", "按期销号率", "红灯", "督办", "群众满意度",
    "表彰", "问责", "得分"
  };
  PangoAlignment aligns[G_N_ELEMENTS (head)];
  Table table;

  for (guint i = 0; i < G_N_ELEMENTS (aligns); i++)
    aligns[i] = i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER;
  table_init (&table, flow, widths, G_N_ELEMENTS (widths));
  table_add_row (&table, flow, report->context, head, NULL, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ZcAssessment) a = g_list_model_get_item (assessments, i);
      g_autofree char *people = g_strdup_printf ("%d", zc_assessment_get_people (a));
      g_autofree char *participation = percent (zc_assessment_get_participation (a));
      g_autofree char *items = g_strdup_printf ("%d", zc_assessment_get_items (a));
      g_autofree char *closed = percent (zc_assessment_get_closed_rate (a));
      g_autofree char *on_time = percent (zc_assessment_get_on_time_rate (a));
      g_autofree char *overdue = g_strdup_printf ("%d", zc_assessment_get_overdue (a));
      g_autofree char *orders = g_strdup_printf ("%d", zc_assessment_get_orders (a));
      g_autofree char *satisfaction = zc_assessment_get_satisfaction (a) < 0
                                      ? g_strdup ("—")
                                      : percent (zc_assessment_get_satisfaction (a));
      g_autofree char *commendations = g_strdup_printf ("%d",
                                                        zc_assessment_get_commendations (a));
      g_autofree char *sanctions = g_strdup_printf ("%d", zc_assessment_get_sanctions (a));
      g_autofree char *score = g_strdup_printf ("%.1f", zc_assessment_get_score (a));
      const char *cells[] = {
        zc_assessment_get_unit_name (a), people, participation, items, closed, on_time, overdue,
        orders, satisfaction, commendations, sanctions, score
      };

      table_add_row (&table, flow, report->context, cells, aligns, FALSE);
    }
  table_clear (&table, flow);
}

/* A report on the whole campaign lists the red items that are overdue the longest, not
 * thousands of them: the assessment table counts each unit's, the ledger lists them all. */
#define REPORT_OVERDUE_MAX 100u

typedef struct
{
  ZcItem *item;
  char   *due;      /* the deadline, or the next review of an ongoing item; may be NULL */
} OverdueRow;

static void
overdue_row_clear (gpointer data)
{
  OverdueRow *row = data;

  g_clear_object (&row->item);
  g_clear_pointer (&row->due, g_free);
}

/* Overdue the longest first; rows without a date last; then by unit and number as listed. */
static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  const OverdueRow *x = a;
  const OverdueRow *y = b;

  if (x->due == NULL || y->due == NULL)
    return (x->due == NULL) - (y->due == NULL);
  return strcmp (x->due, y->due);
}

static void
add_overdue (Flow       *flow,
             Report     *report,
             GListModel *items,
             guint       max_rows,
             gboolean    longest_first,
             const char *today)
{
  static const double widths[] = { 0.55, 1.7, 4.1, 0.95, 1.15, 0.9, 0.75 };
  static const char * const head[] = {
    "序号", "责任单位", "整改措施", "责任人", "整改时限", "逾期天数", "进度"
  };
  static const PangoAlignment aligns[] = {
    PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER,
    PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER
  };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (OverdueRow));
  Table table;

  g_array_set_clear_func (rows, overdue_row_clear);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      OverdueRow row = { g_list_model_get_item (items, i), NULL };

      if (zc_item_get_term_type (row.item) == ZC_TERM_TYPE_ONGOING &&
          zc_item_get_review_dates (row.item) != NULL)
        row.due = zc_light_next_review (zc_item_get_review_dates (row.item), today);
      else
        row.due = g_strdup (zc_item_get_deadline (row.item));
      if (row.due != NULL && !zc_date_is_valid (row.due))
        g_clear_pointer (&row.due, g_free);
      g_array_append_val (rows, row);
    }
  /* Stable: equal dates keep the order of the ledger. */
  if (longest_first)
    g_array_sort (rows, compare_overdue);

  table_init (&table, flow, widths, G_N_ELEMENTS (widths));
  table_add_row (&table, flow, report->context, head, NULL, TRUE);
  for (guint i = 0; i < MIN (rows->len, max_rows); i++)
    {
      OverdueRow *row = &g_array_index (rows, OverdueRow, i);
      ZcItem *item = row->item;
      g_autofree char *number = g_strdup_printf ("%d", zc_item_get_number (item));
      g_autofree char *late = NULL;
      g_autofree char *progress_text = g_strdup_printf ("%d%%", zc_item_get_progress (item));
      const char *unit = zc_item_get_unit_text (item) != NULL ? zc_item_get_unit_text (item)
                                                               : zc_item_get_unit_name (item);
      const char *person = zc_item_get_person_name (item) != NULL
                           ? zc_item_get_person_name (item)
                           : zc_item_get_person_text (item);
      const char *cells[7];

      if (row->due != NULL)
        late = g_strdup_printf ("%d", zc_date_diff_days (row->due, today));
      cells[0] = number;
      cells[1] = unit;
      cells[2] = zc_item_get_measure (item);
      cells[3] = person;
      cells[4] = row->due != NULL ? row->due : zc_item_get_deadline_text (item);
      cells[5] = late != NULL ? late : "";
      cells[6] = progress_text;
      table_add_row (&table, flow, report->context, cells, aligns, FALSE);
    }
  table_clear (&table, flow);
}

static void
add_orders (Flow       *flow,
            Report     *report,
            GListModel *orders)
{
  static const double widths[] = { 1.05, 1.6, 3, 2.4, 1.05, 0.8 };
  static const char * const head[] = {
    "交办日期", "督办单位", "督办事项", "督办事由", "要求反馈", "状态"
  };
  static const PangoAlignment aligns[] = {
    PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER,
    PANGO_ALIGN_CENTER
  };
  Table table;

  table_init (&table, flow, widths, G_N_ELEMENTS (widths));
  table_add_row (&table, flow, report->context, head, NULL, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(ZcOrder) order = g_list_model_get_item (orders, i);
      g_autofree char *subject = NULL;
      const char *cells[6];

      if (zc_order_get_item_id (order) != 0)
        subject = g_strdup_printf ("第%d项：%s", zc_order_get_item_number (order),
                                   zc_order_get_item_measure (order) != NULL
                                   ? zc_order_get_item_measure (order) : "");
      else
        subject = g_strdup ("单位整改工作整体督办");
      cells[0] = zc_order_get_issued_date (order);
      cells[1] = zc_order_get_unit_name (order);
      cells[2] = subject;
      cells[3] = zc_order_get_reason (order);
      cells[4] = zc_order_get_required_date (order);
      cells[5] = zc_doc_order_state_word (zc_order_get_state (order));
      table_add_row (&table, flow, report->context, cells, aligns, FALSE);
    }
  table_clear (&table, flow);
}

static void
add_commitments (Flow       *flow,
                 Report     *report,
                 GListModel *commitments)
{
  static const double widths[] = { 1.8, 3.6, 2.2, 0.7, 1.2 };
  static const char * const head[] = { "单位", "承诺书", "承诺人", "版本", "承诺日期" };
  static const PangoAlignment aligns[] = {
    PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER
  };
  Table table;

  table_init (&table, flow, widths, G_N_ELEMENTS (widths));
  table_add_row (&table, flow, report->context, head, NULL, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (commitments); i++)
    {
      g_autoptr(ZcCommitment) c = g_list_model_get_item (commitments, i);
      g_autofree char *version = g_strdup_printf ("第%d版", zc_commitment_get_version (c));
      const char *cells[] = {
        zc_commitment_get_unit_name (c), zc_commitment_get_title (c),
        zc_commitment_get_signature (c) != NULL ? zc_commitment_get_signature (c)
                                                : zc_commitment_get_author_name (c),
        version, zc_commitment_get_sign_date (c)
      };

      table_add_row (&table, flow, report->context, cells, aligns, FALSE);
    }
  table_clear (&table, flow);
}

static gboolean
report_build (ZcStore       *store,
              ZcPerson      *actor,
              gint64         unit_id,
              Flow          *flow,
              Report        *report,
              GCancellable  *cancellable,
              GError       **error)
{
  static const char * const state_names[] = { "未开始", "整改中", "已完成待销号", "已销号", NULL };
  static const char * const light_names[] = { "红灯", "黄灯", "绿灯", NULL };
  static const Rgb light_series[] = {
    RGB (0xD93A2F), RGB (0xF2A516), RGB (0x2E9E50)
  };
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GListModel) assessments = NULL;
  g_autoptr(GListModel) overdue = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GListModel) commitments = NULL;
  g_autofree char *today = zc_store_today (store);
  g_autofree char *today_words = zc_doc_date_words (today);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *scope = NULL;
  g_autofree Counts *light_values = NULL;
  ChartData chart = { NULL, };
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;
  ZcStats stats;
  const char *campaign_title;
  guint section = 0;

  if (!zc_store_get_stats (store, actor, unit_id, &stats, error))
    return FALSE;
  campaign = zc_store_get_campaign (store, error);
  if (campaign == NULL)
    return FALSE;
  if (unit_id != 0 && (unit = zc_store_get_unit (store, unit_id, error)) == NULL)
    return FALSE;
  campaign_title = zc_campaign_get_title (campaign);

  if (!load_chart_data (store, actor, unit_id, &chart, error))
    {
      chart_data_clear (&chart);
      return FALSE;
    }
  assessments = zc_store_list_assessments (store, actor, unit_id, error);
  query.unit_id = unit_id;
  query.light = ZC_LIGHT_RED;
  if (assessments != NULL)
    overdue = zc_store_list_items (store, actor, &query, error);
  if (overdue != NULL)
    orders = zc_store_list_orders (store, actor, unit_id, TRUE, error);
  if (orders != NULL)
    commitments = zc_store_list_commitments (store, actor, unit_id, TRUE, error);
  if (commitments == NULL)
    {
      chart_data_clear (&chart);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      chart_data_clear (&chart);
      return FALSE;
    }

  scope = unit != NULL ? g_strdup (zc_unit_get_name (unit)) : g_strdup ("全局");
  report->running_title = g_strdup (campaign_title);
  report->running_scope = unit != NULL ? g_strdup_printf ("%s整改落实情况报告",
                                                          zc_unit_get_name (unit))
                                       : g_strdup ("整改落实情况报告");
  report->date_line = g_strdup_printf ("统计截至%s", today_words);

  title = unit != NULL ? g_strdup_printf ("%s\n整改落实情况报告", zc_unit_get_name (unit))
                       : g_strdup ("整改落实情况报告");
  subtitle = g_strdup_printf ("%s\n统计截至：%s　　当前阶段：%s", campaign_title, today_words,
                              zc_doc_phase_word (zc_campaign_get_phase (campaign)));
  flow_add_text (flow, report->context, title, &report_title, &ink, 0, TRUE)->outline =
    g_strdup (unit != NULL ? zc_unit_get_name (unit) : "整改落实情况报告");
  flow_add_text (flow, report->context, subtitle, &report_subtitle, &grey, 6, FALSE);
  flow_space (flow, 8);

  {
    g_autofree char *n = zc_doc_chinese_number (++section);
    g_autofree char *h = g_strdup_printf ("%s、总体情况", n);

    add_heading (flow, report, h, TRUE);
    add_summary (flow, report, &stats, today_words, scope);
  }

  {
    g_autofree char *n = zc_doc_chinese_number (++section);
    g_autofree char *h = g_strdup_printf ("%s、整改进展", n);
    const char *per = unit_id == 0 ? "各单位" : "各问题类别";
    g_autofree char *h1 = g_strdup_printf ("（一）%s整改事项状态", per);
    g_autofree char *h2 = g_strdup_printf ("（二）%s红黄绿灯", per);
    /* The light series read red, yellow, green. */
    light_values = g_new0 (Counts, MAX (chart.labels->len, 1));
    for (guint i = 0; i < chart.labels->len; i++)
      {
        const guint *l = g_array_index (chart.lights, Counts, i).v;

        light_values[i].v[0] = l[ZC_LIGHT_RED];
        light_values[i].v[1] = l[ZC_LIGHT_YELLOW];
        light_values[i].v[2] = l[ZC_LIGHT_GREEN];
      }

    add_heading (flow, report, h, TRUE);
    add_heading (flow, report, h1, FALSE);
    if (chart.labels->len == 0)
      add_paragraph (flow, report, "暂无整改事项。");
    else
      add_chart (flow, report, state_names, state_colors, 4, chart.labels,
                 (const Counts *) (void *) chart.states->data);
    flow_space (flow, 6);
    add_heading (flow, report, h2, FALSE);
    if (chart.labels->len == 0)
      add_paragraph (flow, report, "暂无整改事项。");
    else
      add_chart (flow, report, light_names, light_series, 3, chart.labels, light_values);
  }

  {
    g_autofree char *n = zc_doc_chinese_number (++section);
    g_autofree char *h = g_strdup_printf ("%s、%s考核情况", n, unit_id == 0 ? "各单位" : "");

    add_heading (flow, report, h, TRUE);
    add_assessments (flow, report, assessments);
    flow_add_text (flow, report->context,
                   "注：得分按“用实绩说话”计算，满分100分：参与率20分、销号率25分、按期销号率20分、"
                   "群众满意度15分、无逾期事项20分，另按重新整改、表彰奖励、批评问责加减分。",
                   &report_small, &grey, 4, FALSE);
  }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      chart_data_clear (&chart);
      return FALSE;
    }

  {
    g_autofree char *n = zc_doc_chinese_number (++section);
    g_autofree char *h = g_strdup_printf ("%s、逾期事项（红灯）清单", n);
    guint n_overdue = g_list_model_get_n_items (overdue);
    guint shown = unit_id == 0 ? MIN (n_overdue, REPORT_OVERDUE_MAX) : n_overdue;
    g_autofree char *count = shown < n_overdue
      ? g_strdup_printf ("共%u项，下表列出逾期最久的%u项；各单位的逾期项数见考核情况表，"
                         "完整清单可从整改台账按红灯筛选导出。", n_overdue, shown)
      : unit_id == 0 ? g_strdup_printf ("共%u项，按整改时限排列。", n_overdue)
                     : g_strdup_printf ("共%u项，按序号排列。", n_overdue);

    add_heading (flow, report, h, TRUE);
    if (g_list_model_get_n_items (overdue) == 0)
      add_paragraph (flow, report, "无逾期事项。");
    else
      {
        flow_add_text (flow, report->context, count, &report_small, &grey, 0, TRUE);
        flow_space (flow, 3);
        add_overdue (flow, report, overdue, shown, unit_id == 0, today);
      }
  }

  {
    g_autofree char *n = zc_doc_chinese_number (++section);
    g_autofree char *h = g_strdup_printf ("%s、在办督办事项", n);

    add_heading (flow, report, h, TRUE);
    if (g_list_model_get_n_items (orders) == 0)
      add_paragraph (flow, report, "无在办督办事项。");
    else
      add_orders (flow, report, orders);
  }

  {
    g_autofree char *n = zc_doc_chinese_number (++section);
    g_autofree char *h = g_strdup_printf ("%s、公开承诺情况", n);

    add_heading (flow, report, h, TRUE);
    if (g_list_model_get_n_items (commitments) == 0)
      add_paragraph (flow, report, "尚无已公开的承诺书。");
    else
      add_commitments (flow, report, commitments);
  }

  chart_data_clear (&chart);
  return TRUE;
}

gboolean
zc_pdf_export_report (ZcStore         *store,
                      ZcPerson        *actor,
                      gint64           unit_id,
                      const char      *path,
                      GCancellable    *cancellable,
                      ZcProgressFunc   progress,
                      gpointer         progress_data,
                      GError         **error)
{
  g_autoptr(Flow) flow = NULL;
  Report report = { NULL, };
  PdfFile pdf;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (0.0, progress_data);

  report.context = new_pango_context ();
  flow = flow_new (ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
  flow->top = 78;
  flow->bottom = 62;
  flow->left = 56;
  flow->right = 56;
  flow->decorate = report_decorate;
  flow->decorate_data = &report;

  if (!report_build (store, actor, unit_id, flow, &report, cancellable, error))
    {
      report_free (&report);
      return FALSE;
    }
  if (progress != NULL)
    progress (0.4, progress_data);
  flow_paginate (flow);

  if (!pdf_open (&pdf, path, report.running_scope,
                 actor != NULL ? zc_person_get_name (actor) : NULL, error))
    {
      report_free (&report);
      return FALSE;
    }
  for (guint page = 0; page < flow->n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      flow_draw_page (flow, pdf.cr, page);
      pdf_add_outlines (flow, pdf.surface, page, CAIRO_PDF_OUTLINE_ROOT);
      cairo_show_page (pdf.cr);
      if (progress != NULL)
        progress (0.4 + 0.59 * (page + 1) / flow->n_pages, progress_data);
    }
  ok = pdf_close (&pdf, ok, error);
  report_free (&report);
  if (ok && progress != NULL)
    progress (1.0, progress_data);
  return ok;
}
