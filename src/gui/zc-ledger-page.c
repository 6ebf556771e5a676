/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zc-item-dialog.h"
#include "zc-item-pane.h"
#include "zc-lead-common.h"
#include "zc-ledger-csv.h"
#include "zc-ledger-page.h"
#include "zc-ledger-slots.h"
#include "zc-light.h"
#include "zc-light-badge.h"
#include "zc-xlsx.h"

typedef enum
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
  N_COLUMNS
} Column;

/* The columns of a bureau's 整改台账, in its order. */
static const struct
{
  const char *title;
  int         width;      /* fixed width in pixels; 0: natural */
  gboolean    expand;
} columns[N_COLUMNS] = {
  /* Translators: the ledger's columns are those of a 整改台账: 序号, 问题, 类别, 整改措施,
   * 整改类型, 责任领导, 责任单位, 责任人, 整改时限, 整改进展, 状态, 红黄绿灯 */
  [COL_NUMBER] = { NC_("ledger column", "No."), 72, FALSE },
  [COL_PROBLEM] = { NC_("ledger column", "Problem"), 220, TRUE },
  [COL_CATEGORY] = { NC_("ledger column", "Category"), 110, FALSE },
  [COL_MEASURE] = { NC_("ledger column", "Measure"), 300, TRUE },
  [COL_TERM] = { NC_("ledger column", "Term Type"), 96, FALSE },
  [COL_LEADER] = { NC_("ledger column", "Leader"), 96, FALSE },
  [COL_UNIT] = { NC_("ledger column", "Unit"), 120, FALSE },
  [COL_PERSON] = { NC_("ledger column", "Person"), 96, FALSE },
  [COL_DEADLINE] = { NC_("ledger column", "Deadline"), 130, FALSE },
  [COL_PROGRESS] = { NC_("ledger column", "Progress"), 120, FALSE },
  [COL_STATE] = { NC_("ledger column", "State"), 110, FALSE },
  [COL_LIGHT] = { NC_("ledger column", "Light"), 88, FALSE },
};

/* The light filter's choices after "All lights". */
static const ZcLight light_choices[] = {
  ZC_LIGHT_RED,
  ZC_LIGHT_YELLOW,
  ZC_LIGHT_GREEN,
  ZC_LIGHT_NONE,
};

/* What the filter lets through: what the filter widgets say. The ledger is read whole once;
 * the filters choose among the rows in memory, as the core's query would (see row_matches). */
typedef struct
{
  int      state;      /* -1: any */
  int      light;      /* -1: any */
  gint64   person_id;  /* 0: anyone */
  char    *text;       /* NULL: no text */
  char    *folded;     /* @text case-folded */
  gboolean long_text;  /* three characters or more */
  guint64  text_chars[4];    /* the characters of @text, as in SearchKeys.chars */
  guint64  folded_chars[4];  /* those of @folded */
} Criteria;

struct _ZcLedgerPage
{
  GtkWidget             parent_instance;

  /* template children */
  GtkWidget            *root;
  GtkWidget            *commit_notice;
  GtkSearchEntry       *search_entry;
  GtkWidget            *orders_notice;
  GtkLabel             *orders_label;
  GtkWidget            *new_button;
  GtkDropDown          *state_dropdown;
  GtkDropDown          *light_dropdown;
  GtkDropDown          *person_dropdown;
  GtkStack             *content_stack;
  GtkSpinner           *spinner;
  AdwFlap              *flap;
  GtkColumnView        *column_view;
  GtkAdjustment        *watched_adjustment;  /* weak: the one update_shown_rows() follows */
  GtkLabel             *count_label;
  ZcItemPane           *item_pane;

  ZcStore              *store;
  ZcPerson             *actor;
  gint64                unit_id;
  GListModel           *people;          /* of the unit, for the person filter */
  GtkSortListModel     *sort_model;      /* every item of the unit, sorted */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;    /* the items shown */
  ZcLedgerSlots         *rows;            /* the table's rows, showing them */
  gboolean              rows_changing;
  Criteria              criteria;        /* what the filter lets through */
  gboolean              unit_has_items;
  GtkSingleSelection   *selection;
  GtkColumnViewColumn  *number_column;

  GCancellable         *cancellable;
  guint                 generation;
  gboolean              loading;
  gboolean              fixed_items;     /* zc_ledger_page_set_items */
  gboolean              setting_filter;
  gint64                selected_id;     /* to select again after a reload */
  GtkFileChooserNative *chooser;
};

enum {
  SHOW_COMMITMENT,
  SHOW_PROBLEMS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcLedgerPage, zc_ledger_page, GTK_TYPE_WIDGET)

typedef struct
{
  char    *path;
  char    *today;
  gint64   actor_id;
  gint64   unit_id;
} LoadJob;

typedef struct
{
  GListModel *items;
  gboolean    unit_has_items;
} LoadResult;

typedef struct
{
  char    *db_path;
  char    *path;
  char    *today;
  gint64   actor_id;
  gint64   unit_id;
  gboolean xlsx;
} ExportJob;

/* ---- sort keys ------------------------------------------------------------------------------ */

/*
 * The column view's sorter (GTK 4.8) compares rows through its columns' sorters one pair at
 * a time, without sort keys: a string sorter would fold and collate both texts on every
 * comparison, seconds for 20,000 rows. So the text columns compare collation keys made once
 * per row (in the loading thread) and kept on the row; the others compare numbers.
 */

static GQuark key_quarks[N_COLUMNS];

static int
item_int (ZcItem *item,
          Column  column)
{
  switch (column)
    {
    case COL_NUMBER:
      return zc_item_get_number (item);
    case COL_TERM:
      return (int) zc_item_get_term_type (item);
    case COL_PROGRESS:
      return zc_item_get_progress (item);
    case COL_STATE:
      return (int) zc_item_get_state (item);
    case COL_LIGHT:
      return (int) zc_item_get_light (item);
    default:
      g_assert_not_reached ();
    }
}

/* The text a column sorts by. */
static char *
item_sort_text (ZcItem *item,
                Column  column)
{
  char *next;

  switch (column)
    {
    case COL_PROBLEM:
      return g_strdup (zc_item_get_problem_text (item));
    case COL_CATEGORY:
      return g_strdup (zc_item_get_category_label (item));
    case COL_MEASURE:
      return g_strdup (zc_item_get_measure (item));
    case COL_LEADER:
      return g_strdup (zc_lead_coalesce (zc_item_get_leader_name (item),
                                         zc_item_get_leader_text (item)));
    case COL_UNIT:
      return g_strdup (zc_lead_coalesce (zc_item_get_unit_name (item),
                                         zc_item_get_unit_text (item)));
    case COL_PERSON:
      return g_strdup (zc_lead_coalesce (zc_item_get_person_name (item),
                                         zc_item_get_person_text (item)));
    case COL_DEADLINE:
      /* The date an item is measured against; items with none sort last. */
      if (zc_item_get_term_type (item) == ZC_TERM_TYPE_ONGOING &&
          (next = zc_light_next_review (zc_item_get_review_dates (item), "0000-00-00")) != NULL)
        return next;
      return g_strdup (zc_item_get_deadline (item) ? zc_item_get_deadline (item) : "9999");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_text_column (Column column)
{
  return column == COL_PROBLEM || column == COL_CATEGORY || column == COL_MEASURE ||
         column == COL_LEADER || column == COL_UNIT || column == COL_PERSON ||
         column == COL_DEADLINE;
}

static const char *
sort_key (ZcItem *item,
          Column  column)
{
  const char *key = g_object_get_qdata (G_OBJECT (item), key_quarks[column]);

  if (key == NULL)
    {
      g_autofree char *text = item_sort_text (item, column);
      /* Dates compare as they are written; people's words in the language's order. */
      char *made = column == COL_DEADLINE ? g_strdup (text ? text : "")
                                          : g_utf8_collate_key (text ? text : "", -1);

      g_object_set_qdata_full (G_OBJECT (item), key_quarks[column], made, g_free);
      key = made;
    }
  return key;
}

/*
 * A search follows the core's query (zc_store_list_items()), so that the window shows the
 * rows zicha-cli gives: three characters or more are looked for case-insensitively in the
 * texts of the item's full-text index (measure, latest report, leader and person as
 * written) and as written in the problem and the names of the leader, the person and the
 * unit; one or two characters as written in the measure, the problem, the person, the
 * leader and the unit. The indexed texts are case-folded once per row, in the loading
 * thread, and kept only where folding changes them (Chinese text it leaves alone).
 */
typedef struct
{
  char    *folded;      /* NULL: the indexed texts fold to themselves */
  guint64  chars[4];    /* the characters of every text searched, hashed into 256 bits */
} SearchKeys;

static GQuark search_quark;

static void
search_keys_free (gpointer data)
{
  SearchKeys *keys = data;

  g_free (keys->folded);
  g_free (keys);
}

/* Adds the characters of @text to the set @chars: a text holds a search only if the item's
 * set has every character of the search's, which most items of a ledger fail for a search
 * of two characters or more (a ledger row has about a hundred different characters). */
static void
add_chars (guint64     chars[4],
           const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint bit = ((guint32) g_utf8_get_char (p) * 2654435761u) >> 24;

      chars[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
    }
}

static gboolean
has_chars (const guint64 chars[4],
           const guint64 wanted[4])
{
  return (chars[0] & wanted[0]) == wanted[0] && (chars[1] & wanted[1]) == wanted[1] &&
         (chars[2] & wanted[2]) == wanted[2] && (chars[3] & wanted[3]) == wanted[3];
}

static const SearchKeys *
search_keys (ZcItem *item)
{
  SearchKeys *keys = g_object_get_qdata (G_OBJECT (item), search_quark);

  if (keys == NULL)
    {
      const char *texts[] = { zc_item_get_measure (item), zc_item_get_progress_text (item),
                              zc_item_get_leader_text (item), zc_item_get_person_text (item) };
      const char *others[] = { zc_item_get_problem_text (item), zc_item_get_leader_name (item),
                               zc_item_get_person_name (item), zc_item_get_unit_name (item) };
      g_autoptr(GString) indexed = g_string_new (NULL);
      g_autofree char *folded = NULL;

      keys = g_new0 (SearchKeys, 1);
      /* Fields apart by a line break, which no search holds. */
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          if (texts[i] != NULL)
            g_string_append (indexed, texts[i]);
          g_string_append_c (indexed, '\n');
        }
      folded = g_utf8_casefold (indexed->str, indexed->len);
      add_chars (keys->chars, indexed->str);
      for (guint i = 0; i < G_N_ELEMENTS (others); i++)
        add_chars (keys->chars, others[i]);
      if (strcmp (folded, indexed->str) != 0)
        {
          add_chars (keys->chars, folded);
          keys->folded = g_steal_pointer (&folded);
        }
      g_object_set_qdata_full (G_OBJECT (item), search_quark, keys, search_keys_free);
    }
  return keys;
}

static gboolean
contains (const char *text,
          const char *part)
{
  return text != NULL && strstr (text, part) != NULL;
}

/* Makes the texts a search looks in (in the thread that read the items). The sort keys are
 * made when a column is first sorted by: most columns never are, and they would take more
 * memory than the items. */
static void
prepare_keys (GListModel *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ZcItem) item = g_list_model_get_item (items, i);

      search_keys (item);
    }
}

/* ---- filtering ------------------------------------------------------------------------------ */

static void
criteria_clear (Criteria *c)
{
  g_clear_pointer (&c->text, g_free);
  g_clear_pointer (&c->folded, g_free);
}

static gboolean
row_matches (gpointer object,
             gpointer user_data)
{
  ZcLedgerPage *self = user_data;
  const Criteria *c = &self->criteria;
  ZcItem *item = object;
  const SearchKeys *keys;

  if ((c->state >= 0 && (int) zc_item_get_state (item) != c->state) ||
      (c->light >= 0 && (int) zc_item_get_light (item) != c->light) ||
      (c->person_id != 0 && zc_item_get_person_id (item) != c->person_id))
    return FALSE;
  if (c->text == NULL)
    return TRUE;
  /* Most rows lack a character of the search: no text of theirs need be read. */
  keys = search_keys (item);
  if (!has_chars (keys->chars, c->text_chars) &&
      !(c->long_text && has_chars (keys->chars, c->folded_chars)))
    return FALSE;
  if (c->long_text)
    {
      if (keys->folded != NULL ? contains (keys->folded, c->folded)
                               : contains (zc_item_get_measure (item), c->folded) ||
                                 contains (zc_item_get_progress_text (item), c->folded) ||
                                 contains (zc_item_get_leader_text (item), c->folded) ||
                                 contains (zc_item_get_person_text (item), c->folded))
        return TRUE;
      return contains (zc_item_get_problem_text (item), c->text) ||
             contains (zc_item_get_leader_name (item), c->text) ||
             contains (zc_item_get_person_name (item), c->text) ||
             contains (zc_item_get_unit_name (item), c->text);
    }
  return contains (zc_item_get_measure (item), c->text) ||
         contains (zc_item_get_problem_text (item), c->text) ||
         contains (zc_lead_coalesce (zc_item_get_person_name (item),
                                     zc_item_get_person_text (item)), c->text) ||
         contains (zc_lead_coalesce (zc_item_get_leader_name (item),
                                     zc_item_get_leader_text (item)), c->text) ||
         contains (zc_item_get_unit_name (item), c->text);
}

/* How the rows of @now compare with those of @before: only fewer, only more, or other rows. */
static GtkFilterChange
criteria_change (const Criteria *before,
                 const Criteria *now)
{
  gboolean fewer = FALSE, more = FALSE;

#define COMPARE(field, any)                   \
  if (before->field != now->field)            \
    {                                         \
      if (before->field == (any))             \
        fewer = TRUE;                         \
      else if (now->field == (any))           \
        more = TRUE;                          \
      else                                    \
        fewer = more = TRUE;                  \
    }
  COMPARE (state, -1)
  COMPARE (light, -1)
  COMPARE (person_id, 0)
#undef COMPARE

  if (g_strcmp0 (before->text, now->text) != 0)
    {
      if (before->text == NULL)
        fewer = TRUE;
      else if (now->text == NULL)
        more = TRUE;
      /* A longer text in the same fields finds a part of the rows, a shorter one more. */
      else if (before->long_text == now->long_text && strstr (now->text, before->text))
        fewer = TRUE;
      else if (before->long_text == now->long_text && strstr (before->text, now->text))
        more = TRUE;
      else
        fewer = more = TRUE;
    }
  if (fewer && more)
    return GTK_FILTER_CHANGE_DIFFERENT;
  return fewer ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  int result;

  if (is_text_column (column))
    result = strcmp (sort_key ((ZcItem *) a, column), sort_key ((ZcItem *) b, column));
  else
    {
      int x = item_int ((ZcItem *) a, column);
      int y = item_int ((ZcItem *) b, column);

      result = x < y ? -1 : x > y;
    }
  /* Ties keep the ledger's order. */
  if (result == 0 && column != COL_NUMBER)
    {
      int x = zc_item_get_number ((ZcItem *) a);
      int y = zc_item_get_number ((ZcItem *) b);

      result = x < y ? -1 : x > y;
    }
  return result;
}

static GtkSorter *
column_sorter (Column column)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (column), NULL));
}

/* ---- cells ---------------------------------------------------------------------------------- */


/* Setting a tooltip costs more than the rest of a cell (GTK 4.8), and a sort binds every
 * row kept around again: a cell gives its text as a tooltip only when asked. */
static gboolean
on_query_tooltip_cb (GtkWidget  *cell,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = GTK_IS_INSCRIPTION (cell) ? gtk_inscription_get_text (GTK_INSCRIPTION (cell))
                                               : g_object_get_data (G_OBJECT (cell), "zc-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell;

  switch (column)
    {
    case COL_LIGHT:
      cell = zc_light_badge_new (ZC_LIGHT_NONE);
      gtk_widget_set_halign (cell, GTK_ALIGN_START);
      break;
    case COL_PROGRESS:
      cell = gtk_progress_bar_new ();
      gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (cell), TRUE);
      gtk_widget_add_css_class (cell, "zc-progress-cell");
      break;
    case COL_NUMBER:
      /* The light as a coloured edge beside the number, seen at once however the table is
       * scrolled; the light column says it in words. */
      cell = gtk_inscription_new (NULL);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0f);
      gtk_widget_add_css_class (cell, "numeric");
      gtk_widget_add_css_class (cell, "zc-number-cell");
      break;
    case COL_PROBLEM:
    case COL_MEASURE:
      cell = gtk_inscription_new (NULL);
      gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 2);
      gtk_inscription_set_nat_lines (GTK_INSCRIPTION (cell), 2);
      gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (cell), PANGO_WRAP_WORD_CHAR);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      break;
    case COL_CATEGORY:
    case COL_TERM:
    case COL_LEADER:
    case COL_UNIT:
    case COL_PERSON:
    case COL_DEADLINE:
    case COL_STATE:
    case N_COLUMNS:
    default:
      cell = gtk_inscription_new (NULL);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      break;
    }
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  if (column != COL_NUMBER && column != COL_LIGHT)
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, cell);
}

static void
set_text (GtkWidget  *cell,
          const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

/* Shows @item in @cell, the cell of @column. */
static void
fill_cell (GtkWidget *cell,
           Column     column,
           ZcItem    *item,
           GtkWidget *page)
{
  if (item == NULL)
    return;
  switch (column)
    {
    case COL_NUMBER:
      {
        static const char *edge_classes[] = {
          [ZC_LIGHT_NONE] = "zc-edge-none",
          [ZC_LIGHT_GREEN] = "zc-edge-green",
          [ZC_LIGHT_YELLOW] = "zc-edge-yellow",
          [ZC_LIGHT_RED] = "zc-edge-red",
        };
        g_autofree char *text = g_strdup_printf ("%d", zc_item_get_number (item));
        ZcLight light = zc_item_get_light (item);

        /* A class taken away and given back would make GTK work out the cell's style
         * again: only the ones that change. */
        for (guint i = 0; i < G_N_ELEMENTS (edge_classes); i++)
          if (i != light)
            gtk_widget_remove_css_class (cell, edge_classes[i]);
        gtk_widget_add_css_class (cell, edge_classes[light]);
        gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
      }
      break;
    case COL_PROBLEM:
      set_text (cell, zc_item_get_problem_text (item));
      break;
    case COL_CATEGORY:
      set_text (cell, zc_item_get_category_label (item));
      break;
    case COL_MEASURE:
      set_text (cell, zc_item_get_measure (item));
      break;
    case COL_TERM:
      set_text (cell, zc_item_get_term_type (item) == ZC_TERM_TYPE_NONE
                      ? NULL : zc_enum_label (ZC_TYPE_TERM_TYPE, zc_item_get_term_type (item)));
      break;
    case COL_LEADER:
      set_text (cell, zc_lead_coalesce (zc_item_get_leader_name (item),
                                        zc_item_get_leader_text (item)));
      break;
    case COL_UNIT:
      set_text (cell, zc_lead_coalesce (zc_item_get_unit_name (item),
                                        zc_item_get_unit_text (item)));
      break;
    case COL_PERSON:
      set_text (cell, zc_lead_coalesce (zc_item_get_person_name (item),
                                        zc_item_get_person_text (item)));
      break;
    case COL_DEADLINE:
      {
        const char *today = g_object_get_data (G_OBJECT (page), "zc-today");
        g_autofree char *text = zc_lead_item_deadline (item, today, FALSE);

        set_text (cell, text);
      }
      break;
    case COL_PROGRESS:
      {
        /* Translators: a percentage */
        g_autofree char *text = g_strdup_printf (_("%d%%"), zc_item_get_progress (item));

        gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (cell), zc_item_get_progress (item) / 100.0);
        gtk_progress_bar_set_text (GTK_PROGRESS_BAR (cell), text);
        g_object_set_data_full (G_OBJECT (cell), "zc-tooltip",
                                g_strdup (zc_item_get_progress_text (item)), g_free);
      }
      break;
    case COL_STATE:
      set_text (cell, zc_item_get_state_text (item) && zc_item_get_state (item) == ZC_ITEM_STATE_PLANNED
                      ? zc_item_get_state_text (item)
                      : zc_enum_label (ZC_TYPE_ITEM_STATE, zc_item_get_state (item)));
      break;
    case COL_LIGHT:
      zc_light_badge_set (cell, zc_item_get_light (item));
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_row_changed_cb (ZcLedgerSlot *row,
                   GtkListItem *list_item)
{
  fill_cell (gtk_list_item_get_child (list_item),
             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "zc-column")),
             zc_ledger_slot_get_item (row),
             g_object_get_data (G_OBJECT (list_item), "zc-page"));
}

/* A cell stays with its row of the table: it follows the items the row shows. */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ZcLedgerSlot *row = gtk_list_item_get_item (list_item);
  gulong handler;

  g_object_set_data (G_OBJECT (list_item), "zc-column", user_data);
  g_object_set_data (G_OBJECT (list_item), "zc-page",
                     g_object_get_data (G_OBJECT (factory), "zc-page"));
  handler = g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "zc-row-handler", GSIZE_TO_POINTER (handler));
  on_row_changed_cb (row, list_item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  ZcLedgerSlot *row = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "zc-row-handler"));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (list_item), "zc-row-handler", NULL);
}

/* ---- loading -------------------------------------------------------------------------------- */

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_free (job->today);
  g_free (job);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->items);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (job->path, &error);
  g_autoptr(ZcPerson) actor = NULL;
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;
  LoadResult *result;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  zc_store_set_today (store, job->today);
  actor = zc_store_get_person (store, job->actor_id, &error);
  if (actor == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  query.unit_id = job->unit_id;

  result = g_new0 (LoadResult, 1);
  result->items = zc_store_list_items (store, actor, &query, &error);
  if (result->items == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  prepare_keys (result->items);
  result->unit_has_items = g_list_model_get_n_items (result->items) > 0;
  g_task_return_pointer (task, result, load_result_free);
}

static void
update_count (ZcLedgerPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rectification item",
                                                        "%u rectification items", n), n);

  gtk_label_set_text (self->count_label, text);
}

/* Tells the table's rows which of them are on screen: those are filled at once when the
 * rows change, the others GTK keeps just after (see zc_ledger_slots_set_shown()). Rows are
 * about as high as each other: the adjustment's height over the rows says which are seen. */
static void
update_shown_rows (ZcLedgerPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  double upper, value, page, height;
  guint n;

  if (self->rows == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  upper = adjustment ? gtk_adjustment_get_upper (adjustment) : 0;
  page = adjustment ? gtk_adjustment_get_page_size (adjustment) : 0;
  if (n == 0 || upper <= 0 || page <= 0)
    {
      zc_ledger_slots_set_shown (self->rows, 0, G_MAXUINT);
      return;
    }
  value = gtk_adjustment_get_value (adjustment);
  height = upper / n;
  zc_ledger_slots_set_shown (self->rows, (guint) (value / height),
                             (guint) ceil ((value + page) / height));
}

static void
watch_scrolling (ZcLedgerPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (adjustment == NULL || adjustment == self->watched_adjustment)
    return;
  if (self->watched_adjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_adjustment, self);
  g_set_weak_pointer (&self->watched_adjustment, adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (update_shown_rows), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (update_shown_rows), self,
                           G_CONNECT_SWAPPED);
  update_shown_rows (self);
}

/* Brings row @position into view (gtk_column_view_scroll_to is GTK 4.12): the list inside the
 * column view has the action. */
static void
scroll_to (ZcLedgerPage *self,
           guint         position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

static void
select_id (ZcLedgerPage *self,
           gint64        item_id)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);

  for (guint i = 0; item_id != 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ZcItem) item = g_list_model_get_item (model, i);

      if (zc_record_get_id (ZC_RECORD (item)) == item_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* The count and the page for the rows the filters let through. */
static void
update_rows (ZcLedgerPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  update_count (self);
  if (n > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->content_stack,
                                      self->unit_has_items ? "no-match" : "empty");
}

static void
show_items (ZcLedgerPage *self,
            GListModel   *items,
            gboolean      unit_has_items)
{
  gint64 keep = self->selected_id;

  self->unit_has_items = unit_has_items;
  gtk_sort_list_model_set_model (self->sort_model, items);
  update_rows (self);
  select_id (self, keep);
}

/* Reads the filter widgets; the rows are chosen again among those in memory, as few as the
 * change needs (a longer text looks only in the rows shown). */
static void
apply_filters (ZcLedgerPage *self)
{
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint light = gtk_drop_down_get_selected (self->light_dropdown);
  guint person = gtk_drop_down_get_selected (self->person_dropdown);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  Criteria now = { -1, -1, 0, NULL, NULL, FALSE, { 0, }, { 0, } };

  if (state != 0 && state != GTK_INVALID_LIST_POSITION)
    now.state = (int) state - 1;
  if (light != 0 && light != GTK_INVALID_LIST_POSITION)
    now.light = (int) light_choices[light - 1];
  if (person != 0 && person != GTK_INVALID_LIST_POSITION && self->people != NULL)
    {
      g_autoptr(ZcPerson) who = g_list_model_get_item (self->people, person - 1);

      now.person_id = who ? zc_record_get_id (ZC_RECORD (who)) : 0;
    }
  if (*text != '\0')
    {
      now.text = g_steal_pointer (&text);
      now.folded = g_utf8_casefold (now.text, -1);
      add_chars (now.text_chars, now.text);
      add_chars (now.folded_chars, now.folded);
      /* The core's full-text index takes three characters or more. */
      now.long_text = g_utf8_strlen (now.text, -1) >= 3;
    }

  if (now.state == self->criteria.state && now.light == self->criteria.light &&
      now.person_id == self->criteria.person_id && g_strcmp0 (now.text, self->criteria.text) == 0)
    {
      criteria_clear (&now);
      return;
    }
  {
    GtkFilterChange change = criteria_change (&self->criteria, &now);

    criteria_clear (&self->criteria);
    self->criteria = now;
    gtk_filter_changed (GTK_FILTER (self->filter), change);
  }
  if (!self->loading)
    update_rows (self);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ZcLedgerPage *self = ZC_LEDGER_PAGE (source);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  LoadResult *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (generation != self->generation || self->sort_model == NULL)
    {
      /* A newer reading replaced this one. */
      g_clear_pointer (&loaded, load_result_free);
      return;
    }
  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  if (loaded == NULL)
    {
      zc_lead_error (GTK_WIDGET (self), _("The ledger could not be read."), error);
      return;
    }
  show_items (self, loaded->items, loaded->unit_has_items);
  load_result_free (loaded);
}

static void
start_loading (ZcLedgerPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  if (self->fixed_items)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  /* The whole ledger of the unit: the filters choose among its rows. */
  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (zc_store_get_path (self->store));
  job->today = zc_store_today (self->store);
  job->actor_id = zc_record_get_id (ZC_RECORD (self->actor));
  job->unit_id = self->unit_id;

  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "list") != 0)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");

  task = g_task_new (self, self->cancellable, on_loaded_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/* ---- what surrounds the table --------------------------------------------------------------- */

static void
update_notices (ZcLedgerPage *self)
{
  g_autoptr(GListModel) published = zc_store_list_commitments (self->store, self->actor,
                                                               self->unit_id, TRUE, NULL);
  g_autoptr(GListModel) orders = zc_store_list_orders (self->store, self->actor, self->unit_id,
                                                       TRUE, NULL);
  guint n_orders = 0;

  gtk_widget_set_visible (self->commit_notice,
                          published != NULL && g_list_model_get_n_items (published) == 0);

  /* Orders waiting for the lead's answer. */
  for (guint i = 0; orders != NULL && i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(ZcOrder) order = g_list_model_get_item (orders, i);
      ZcOrderState state = zc_order_get_state (order);

      if (state == ZC_ORDER_STATE_ASSIGNED || state == ZC_ORDER_STATE_REMINDED)
        n_orders++;
    }
  if (n_orders > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "An inspector’s supervision order "
                                                             "waits for your answer.",
                                                             "%u supervision orders of the "
                                                             "inspectors wait for your answer.",
                                                             n_orders),
                                                n_orders);

      gtk_label_set_text (self->orders_label, label);
    }
  gtk_widget_set_visible (self->orders_notice, n_orders > 0);
}

static void
fill_people (ZcLedgerPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_object (&self->people);
  self->people = zc_store_list_people (self->store, self->unit_id, NULL, 0);
  gtk_string_list_append (labels, _("Everyone"));
  for (guint i = 0; self->people != NULL && i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr(ZcPerson) person = g_list_model_get_item (self->people, i);

      gtk_string_list_append (labels, zc_person_get_name (person));
    }
  zc_lead_drop_down_set_strings (self->person_dropdown, labels);
}

static void
fill_filters (ZcLedgerPage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) lights = gtk_string_list_new (NULL);

  gtk_string_list_append (states, _("All states"));
  for (int i = ZC_ITEM_STATE_PLANNED; i <= ZC_ITEM_STATE_CLOSED; i++)
    gtk_string_list_append (states, zc_enum_label (ZC_TYPE_ITEM_STATE, i));
  zc_lead_drop_down_set_strings (self->state_dropdown, states);

  gtk_string_list_append (lights, _("All lights"));
  for (guint i = 0; i < G_N_ELEMENTS (light_choices); i++)
    gtk_string_list_append (lights, zc_enum_label (ZC_TYPE_LIGHT, light_choices[i]));
  zc_lead_drop_down_set_strings (self->light_dropdown, lights);
}

/* ---- export --------------------------------------------------------------------------------- */

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_free (job->path);
  g_free (job->today);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (job->db_path, &error);
  g_autoptr(ZcPerson) actor = NULL;
  gboolean ok;

  if (store != NULL)
    {
      zc_store_set_today (store, job->today);
      actor = zc_store_get_person (store, job->actor_id, &error);
    }
  if (actor == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->xlsx)
    ok = zc_xlsx_export_ledger (store, actor, job->unit_id, job->path, cancellable, NULL, NULL,
                                &error);
  else
    ok = zc_store_export_ledger_csv (store, actor, job->unit_id, job->path, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ZcLedgerPage *self = ZC_LEDGER_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The ledger was not exported."), error);
      return;
    }
  name = g_filename_display_basename (job->path);
  /* Translators: a toast; %s is a file name */
  message = g_strdup_printf (_("The ledger is saved as “%s”"), name);
  zc_lead_toast (GTK_WIDGET (self), message);
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     ZcLedgerPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || g_file_peek_path (file) == NULL)
    {
      g_clear_object (&self->chooser);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (zc_store_get_path (self->store));
  job->path = g_file_get_path (file);
  job->today = zc_store_today (self->store);
  job->actor_id = zc_record_get_id (ZC_RECORD (self->actor));
  job->unit_id = self->unit_id;
  job->xlsx = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "zc-xlsx"));
  g_clear_object (&self->chooser);

  task = g_task_new (self, NULL, on_exported_cb, NULL);
  g_task_set_source_tag (task, on_export_chosen_cb);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_ledger (ZcLedgerPage *self,
               gboolean      xlsx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcUnit) unit = zc_store_get_unit (self->store, self->unit_id, &error);
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Ledger"),
                                               zc_lead_parent (GTK_WIDGET (self)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  /* The file keeps the ledger's Chinese name, as it is handed on. */
  name = g_strdup_printf ("整改台账-%s.%s", unit ? zc_unit_get_name (unit) : "",
                          xlsx ? "xlsx" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "zc-xlsx", GINT_TO_POINTER (xlsx));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  export_ledger (ZC_LEDGER_PAGE (widget), TRUE);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export_ledger (ZC_LEDGER_PAGE (widget), FALSE);
}

/* ---- signal callbacks ----------------------------------------------------------------------- */

static void
on_filter_changed_cb (ZcLedgerPage *self)
{
  if (self->setting_filter || self->store == NULL)
    return;
  apply_filters (self);
}

static void
on_clear_filters_cb (ZcLedgerPage *self)
{
  zc_ledger_page_set_filter (self, -1, -1, 0, NULL);
}

static void
on_rows_changing_cb (ZcLedgerPage *self)
{
  self->rows_changing = TRUE;
}

static void
on_rows_changed_cb (ZcLedgerPage *self)
{
  self->rows_changing = FALSE;
  /* The item chosen is elsewhere now, or filtered out. */
  if (self->selected_id != 0 && !self->loading)
    {
      select_id (self, self->selected_id);
      if (gtk_single_selection_get_selected_item (self->selection) == NULL)
        {
          self->selected_id = 0;
          adw_flap_set_reveal_flap (self->flap, FALSE);
        }
    }
  else if (self->selected_id == 0)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_selection_changed_cb (ZcLedgerPage *self)
{
  ZcLedgerSlot *row = gtk_single_selection_get_selected_item (self->selection);
  ZcItem *item = row ? zc_ledger_slot_get_item (row) : NULL;

  if (self->rows_changing)
    return;
  if (item == NULL)
    {
      /* A reload empties the model for a moment: keep what was chosen until it is back. */
      if (!self->loading)
        {
          self->selected_id = 0;
          adw_flap_set_reveal_flap (self->flap, FALSE);
        }
      return;
    }
  self->selected_id = zc_record_get_id (ZC_RECORD (item));
  zc_item_pane_set_item (self->item_pane, self->store, self->actor, item);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
on_row_activated_cb (ZcLedgerPage *self,
                     guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_pane));
}

static void
on_item_changed_cb (ZcLedgerPage *self,
                    ZcItem       *item)
{
  update_notices (self);
  start_loading (self);
}

static void
on_pane_close_cb (ZcLedgerPage *self)
{
  self->selected_id = 0;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_item_saved_cb (GtkWidget    *dialog,
                  ZcItem       *item,
                  gboolean      created,
                  ZcLedgerPage *self)
{
  /* The new item is shown and its details opened once the ledger is read again. */
  self->selected_id = zc_record_get_id (ZC_RECORD (item));
  start_loading (self);
}

static void
on_new_clicked_cb (ZcLedgerPage *self)
{
  g_autoptr(GListModel) problems = zc_store_list_problems (self->store, self->actor,
                                                           self->unit_id, NULL);
  GtkWidget *dialog;

  if (problems == NULL || g_list_model_get_n_items (problems) == 0)
    {
      zc_lead_toast (GTK_WIDGET (self), _("The problem list is empty: merge your unit’s findings "
                                          "into problems first, then plan their measures."));
      g_signal_emit (self, signals[SHOW_PROBLEMS], 0);
      return;
    }
  dialog = zc_item_dialog_new (zc_lead_parent (GTK_WIDGET (self)), self->store, self->actor,
                               self->unit_id, NULL, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_item_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_commit_clicked_cb (ZcLedgerPage *self)
{
  g_signal_emit (self, signals[SHOW_COMMITMENT], 0);
}

static void
on_order_answered (gpointer user_data)
{
  ZcLedgerPage *self = ZC_LEDGER_PAGE (user_data);

  update_notices (self);
  start_loading (self);
}

static void
on_orders_clicked_cb (ZcLedgerPage *self)
{
  g_autoptr(GListModel) orders = zc_store_list_orders (self->store, self->actor, self->unit_id,
                                                       TRUE, NULL);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (window), _("Supervision Orders"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), zc_lead_parent (GTK_WIDGET (self)));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 600);
  gtk_widget_set_size_request (window, 360, 294);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_top (list, 18);
  gtk_widget_set_margin_bottom (list, 18);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  for (guint i = 0; orders != NULL && i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(ZcOrder) order = g_list_model_get_item (orders, i);

      gtk_box_append (GTK_BOX (list), zc_order_card_new (self->store, self->actor, order,
                                                         G_CALLBACK (on_order_answered), self));
    }
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_map_cb (ZcLedgerPage *self)
{
  /* Read again each time the page is shown, unless it is being read: a second reading of a
   * large ledger beside the first would hold it twice. */
  if (!self->loading)
    zc_ledger_page_reload (self);
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ZC_LEDGER_PAGE (widget)->search_entry));
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_ledger_page_dispose (GObject *object)
{
  ZcLedgerPage *self = ZC_LEDGER_PAGE (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_LEDGER_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_weak_pointer (&self->watched_adjustment);
  g_clear_object (&self->selection);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  g_clear_object (&self->rows);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->filter);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  criteria_clear (&self->criteria);
  g_clear_object (&self->people);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (zc_ledger_page_parent_class)->dispose (object);
}

static void
zc_ledger_page_class_init (ZcLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_ledger_page_dispose;

  /**
   * ZcLedgerPage::show-commitment:
   *
   * The person asked to write the public commitment.
   */
  signals[SHOW_COMMITMENT] = g_signal_new ("show-commitment", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  /**
   * ZcLedgerPage::show-problems:
   *
   * The person needs the problem list first.
   */
  signals[SHOW_PROBLEMS] = g_signal_new ("show-problems", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  for (int i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("zc-ledger-sort-key-%d", i);

      key_quarks[i] = g_quark_from_string (name);
    }
  search_quark = g_quark_from_static_string ("zc-ledger-search-keys");

  g_type_ensure (ZC_TYPE_ITEM_PANE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-ledger-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, root);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, commit_notice);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, orders_notice);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, orders_label);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, light_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, flap);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZcLedgerPage, item_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pane_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_commit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_orders_clicked_cb);

  gtk_widget_class_install_action (widget_class, "ledger.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "ledger.export-csv", NULL, export_csv_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);
}

static void
zc_ledger_page_init (ZcLedgerPage *self)
{
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  zc_lead_drop_down_set_name (self->state_dropdown, C_("ledger filter", "State"));
  zc_lead_drop_down_set_name (self->light_dropdown, C_("ledger filter", "Light"));
  zc_lead_drop_down_set_name (self->person_dropdown, C_("ledger filter", "Responsible person"));

  for (int i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = column_sorter (i);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "zc-page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "ledger column",
                                                         columns[i].title),
                                           g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
      if (i == COL_NUMBER)
        self->number_column = column;
    }

  /* Sorted first, then filtered: a filter changed is not a sort again. */
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (NULL, g_object_ref (view_sorter));
  self->criteria.state = -1;
  self->criteria.light = -1;
  self->filter = gtk_custom_filter_new (row_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  /* The rows shown change under the table's rows: the selection follows its item. */
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (on_rows_changing_cb), self);
  self->rows = zc_ledger_slots_new (G_LIST_MODEL (self->filter_model));
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (on_rows_changed_cb), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->number_column, GTK_SORT_ASCENDING);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  watch_scrolling (self);
  g_signal_connect_swapped (self->column_view, "notify::vadjustment",
                            G_CALLBACK (watch_scrolling), self);

  self->setting_filter = TRUE;
  fill_filters (self);
  self->setting_filter = FALSE;

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_ledger_page_new (ZcStore  *store,
                    ZcPerson *actor)
{
  ZcLedgerPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_LEDGER_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->unit_id = zc_person_get_unit_id (actor);
  g_object_set_data_full (G_OBJECT (self), "zc-today", zc_store_today (store), g_free);

  self->setting_filter = TRUE;
  fill_people (self);
  self->setting_filter = FALSE;
  /* The ledger is read when the page is first shown. */
  update_notices (self);
  return GTK_WIDGET (self);
}

void
zc_ledger_page_reload (ZcLedgerPage *self)
{
  g_return_if_fail (ZC_IS_LEDGER_PAGE (self));

  g_object_set_data_full (G_OBJECT (self), "zc-today", zc_store_today (self->store), g_free);
  update_notices (self);
  start_loading (self);
}

void
zc_ledger_page_set_filter (ZcLedgerPage *self,
                           int           state,
                           int           light,
                           gint64        person_id,
                           const char   *text)
{
  guint light_index = 0;
  guint person_index = 0;

  g_return_if_fail (ZC_IS_LEDGER_PAGE (self));

  for (guint i = 0; light >= 0 && i < G_N_ELEMENTS (light_choices); i++)
    if ((int) light_choices[i] == light)
      light_index = i + 1;
  for (guint i = 0; person_id != 0 && self->people != NULL &&
                    i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr(ZcPerson) person = g_list_model_get_item (self->people, i);

      if (zc_record_get_id (ZC_RECORD (person)) == person_id)
        person_index = i + 1;
    }

  self->setting_filter = TRUE;
  gtk_drop_down_set_selected (self->state_dropdown, state < 0 ? 0 : (guint) state + 1);
  gtk_drop_down_set_selected (self->light_dropdown, light_index);
  gtk_drop_down_set_selected (self->person_dropdown, person_index);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  self->setting_filter = FALSE;
  apply_filters (self);
}

gboolean
zc_ledger_page_get_loading (ZcLedgerPage *self)
{
  g_return_val_if_fail (ZC_IS_LEDGER_PAGE (self), FALSE);

  return self->loading || gtk_sort_list_model_get_pending (self->sort_model) > 0 ||
         gtk_filter_list_model_get_pending (self->filter_model) > 0;
}

GListModel *
zc_ledger_page_get_rows (ZcLedgerPage *self)
{
  g_return_val_if_fail (ZC_IS_LEDGER_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

GtkColumnView *
zc_ledger_page_get_column_view (ZcLedgerPage *self)
{
  g_return_val_if_fail (ZC_IS_LEDGER_PAGE (self), NULL);

  return self->column_view;
}

gboolean
zc_ledger_page_select_item (ZcLedgerPage *self,
                            gint64        item_id)
{
  g_return_val_if_fail (ZC_IS_LEDGER_PAGE (self), FALSE);

  select_id (self, item_id);
  return self->selected_id == item_id && item_id != 0 &&
         gtk_single_selection_get_selected_item (self->selection) != NULL;
}

void
zc_ledger_page_set_items (ZcLedgerPage *self,
                          GListModel   *items)
{
  g_return_if_fail (ZC_IS_LEDGER_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (items));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->generation++;
  self->loading = FALSE;
  self->fixed_items = TRUE;
  show_items (self, items, TRUE);
}
