/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <glib/gi18n-lib.h>

#include "zc-dashboard.h"
#include "zc-date.h"
#include "zc-store-private.h"

void zc_store_fill_labels (ZcStore *self, GListModel *list, const char *id_field,
                           const char *label_field);

/* At most two years of weeks on the progress line. */
#define MAX_WEEKS 104

/* The light of item i in SQL, as zc_store_get_stats() counts it. */
#define ITEM_LIGHT \
  "zc_light (i.state, i.term_type, i.start_date, i.deadline, i.review_dates, i.progress, " \
  ":today, :warning)"

/* ---- filters as SQL ------------------------------------------------------------------------ */

gboolean
zc_figure_filter_is_set (const ZcFigureFilter *filter)
{
  return filter != NULL &&
         (filter->focus_units || filter->focus_posts || filter->focus_area_id != 0);
}

/* Conditions on the aliases of the queries below; ":area" binds the focus area. Only
 * constant text reaches the SQL. */
static void
append_unit_cond (GString              *sql,
                  const ZcFigureFilter *f,
                  const char           *unit_column)
{
  if (f->focus_units)
    g_string_append_printf (sql, " AND (SELECT focus FROM unit WHERE id = %s)", unit_column);
}

static void
append_finding_cond (GString              *sql,
                     const ZcFigureFilter *f)
{
  if (f->focus_posts)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM person x WHERE x.focus_post AND "
                          "(x.id = fi.author_id OR x.id = fi.target_person_id))");
  if (f->focus_area_id)
    g_string_append (sql, " AND fi.focus_area_id = :area");
}

static void
append_problem_cond (GString              *sql,
                     const ZcFigureFilter *f)
{
  if (!f->focus_posts && !f->focus_area_id)
    return;
  g_string_append (sql, " AND EXISTS (SELECT 1 FROM problem_finding pf JOIN finding fi ON "
                        "fi.id = pf.finding_id WHERE pf.problem_id = pr.id");
  append_finding_cond (sql, f);
  g_string_append (sql, ")");
}

static void
append_item_cond (GString              *sql,
                  const ZcFigureFilter *f)
{
  if (f->focus_posts)
    g_string_append (sql, " AND i.person_id IN (SELECT id FROM person WHERE focus_post)");
  if (f->focus_area_id)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM problem_finding pf JOIN finding fi ON "
                          "fi.id = pf.finding_id WHERE pf.problem_id = i.problem_id AND "
                          "fi.focus_area_id = :area)");
}

static void
append_order_cond (GString              *sql,
                   const ZcFigureFilter *f)
{
  if (!f->focus_posts && !f->focus_area_id)
    return;
  g_string_append (sql, " AND o.item_id IN (SELECT i.id FROM item i WHERE 1");
  append_item_cond (sql, f);
  g_string_append (sql, ")");
}

/* Prepares @sql and binds the named parameters it uses. */
static sqlite3_stmt *
prepare (ZcStore               *self,
         const char            *sql,
         const ZcFigureFilter  *f,
         const char            *today,
         GError               **error)
{
  sqlite3_stmt *stmt = zc_store_stmt (self, sql, error);
  int idx;

  if (stmt == NULL)
    return NULL;
  if ((idx = sqlite3_bind_parameter_index (stmt, ":area")))
    sqlite3_bind_int64 (stmt, idx, f->focus_area_id);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":today")))
    sqlite3_bind_text (stmt, idx, today, -1, SQLITE_TRANSIENT);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":warning")))
    sqlite3_bind_int (stmt, idx, zc_store_query_int (self, 7, "SELECT warning_days FROM campaign",
                                                     NULL));
  return stmt;
}

static gboolean
step_done (ZcStore       *self,
           sqlite3_stmt  *stmt,
           int            rc,
           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return zc_store_sql_error (self, "dashboard", error);
  return TRUE;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* ---- the dashboard -------------------------------------------------------------------------- */

static void
unit_figures_free (gpointer data)
{
  ZcUnitFigures *u = data;

  g_free (u->code);
  g_free (u->name);
  g_free (u);
}

static void
entry_count_free (gpointer data)
{
  ZcEntryCount *c = data;

  g_free (c->label);
  g_free (c);
}

static void
week_figures_free (gpointer data)
{
  ZcWeekFigures *w = data;

  g_free (w->start);
  g_free (w);
}

void
zc_dashboard_free (ZcDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  g_free (dashboard->today);
  g_clear_pointer (&dashboard->units, g_ptr_array_unref);
  g_clear_pointer (&dashboard->categories, g_ptr_array_unref);
  g_clear_pointer (&dashboard->focus_areas, g_ptr_array_unref);
  g_clear_pointer (&dashboard->weeks, g_ptr_array_unref);
  g_clear_object (&dashboard->open_orders);
  g_clear_object (&dashboard->overdue);
  g_free (dashboard);
}

gboolean
zc_dashboard_may_read (ZcPerson *actor)
{
  return actor == NULL || zc_person_is (actor, ZC_ROLE_INSPECTOR);
}

ZcOrderAge
zc_order_age_of (const char *issued_date,
                 const char *today)
{
  int days;

  if (!zc_date_is_valid (issued_date) || !zc_date_is_valid (today))
    return ZC_ORDER_AGE_WEEK;
  days = zc_date_diff_days (issued_date, today);
  if (days <= 7)
    return ZC_ORDER_AGE_WEEK;
  if (days <= 14)
    return ZC_ORDER_AGE_FORTNIGHT;
  if (days <= 30)
    return ZC_ORDER_AGE_MONTH;
  return ZC_ORDER_AGE_OLDER;
}

/* The figures of unit @id, or NULL when the filter leaves the unit out. */
static ZcStats *
unit_stats (GHashTable *units,
            gint64      id)
{
  ZcUnitFigures *u = g_hash_table_lookup (units, &id);

  return u ? &u->stats : NULL;
}

/* What the counting steps share: the units counted (id → ZcUnitFigures), and the days
 * the counted items were closed out (YYYY-MM-DD, char *), noted while the items are read. */
typedef struct
{
  GHashTable *units;
  GPtrArray  *closed;
} Count;

static gboolean
load_units (ZcStore               *self,
            ZcDashboard           *d,
            GHashTable            *by_id,
            const ZcFigureFilter  *f,
            GError               **error)
{
  g_autoptr(GListModel) units = zc_store_list_units (self);
  guint n = units ? g_list_model_get_n_items (units) : 0;

  if (units == NULL)
    return zc_store_sql_error (self, "units", error);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, k);
      ZcUnitFigures *u;

      if (f->focus_units && !zc_unit_get_focus (unit))
        continue;
      u = g_new0 (ZcUnitFigures, 1);
      u->unit_id = zc_record_get_id (ZC_RECORD (unit));
      u->code = g_strdup (zc_unit_get_code (unit));
      u->name = g_strdup (zc_unit_get_name (unit));
      u->focus = zc_unit_get_focus (unit);
      u->stats.units = 1;
      g_ptr_array_add (d->units, u);
      g_hash_table_insert (by_id, &u->unit_id, u);
    }
  return TRUE;
}

/* Runs a query whose rows are (unit_id, count) and adds the count to the field at @offset
 * of each unit's ZcStats. */
static gboolean
count_per_unit (ZcStore               *self,
                GHashTable            *units,
                const char            *sql,
                const ZcFigureFilter  *f,
                const char            *today,
                gsize                  offset,
                GError               **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, f, today, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcStats *s = unit_stats (units, sqlite3_column_int64 (stmt, 0));

      if (s)
        G_STRUCT_MEMBER (guint, s, offset) += sqlite3_column_int (stmt, 1);
    }
  return step_done (self, stmt, rc, error);
}

static GPtrArray *
entry_counts (ZcStore    *self,
              ZcListKind  kind)
{
  g_autoptr(GListModel) entries = zc_store_list_entries (self, kind);
  GPtrArray *counts = g_ptr_array_new_with_free_func (entry_count_free);
  ZcEntryCount *none;

  for (guint k = 0; entries && k < g_list_model_get_n_items (entries); k++)
    {
      g_autoptr(ZcListEntry) entry = g_list_model_get_item (entries, k);
      ZcEntryCount *c;

      if (!zc_list_entry_get_active (entry))
        continue;
      c = g_new0 (ZcEntryCount, 1);
      c->entry_id = zc_record_get_id (ZC_RECORD (entry));
      c->label = g_strdup (zc_list_entry_get_display_label (entry));
      g_ptr_array_add (counts, c);
    }
  none = g_new0 (ZcEntryCount, 1);
  g_ptr_array_add (counts, none);
  return counts;
}

/* Adds @n findings to the entry @id of @counts (an inactive entry still in use is added). */
static void
add_entry_count (ZcStore    *self,
                 GPtrArray  *counts,
                 gint64      id,
                 guint       n)
{
  g_autoptr(ZcListEntry) entry = NULL;
  ZcEntryCount *c;

  for (guint k = 0; k < counts->len; k++)
    {
      c = g_ptr_array_index (counts, k);
      if (c->entry_id == id)
        {
          c->count += n;
          return;
        }
    }
  c = g_new0 (ZcEntryCount, 1);
  c->entry_id = id;
  entry = zc_store_get_entry (self, id);
  c->label = g_strdup (entry ? zc_list_entry_get_display_label (entry) : "?");
  c->count = n;
  /* Before "none", which stays last. */
  g_ptr_array_insert (counts, counts->len - 1, c);
}

static gboolean
load_findings (ZcStore               *self,
               ZcDashboard           *d,
               Count                 *c,
               const ZcFigureFilter  *f,
               GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  /* Findings on record, as zc_store_get_stats() counts them: everything but drafts. The
   * findings are read from the index finding_dashboard, which holds every column used here
   * (the table itself holds the texts too) in the order of the groups, so that SQLite
   * counts them without a temporary tree: a city's 61,000 findings come as about 900
   * groups. A join to each finding's form would cost more than the list of the few forms
   * still drafts. */
  g_string_append (sql, "SELECT fi.unit_id, coalesce (fi.category_id, 0), "
                        "coalesce (fi.focus_area_id, 0), count(*) FROM finding fi "
                        "WHERE (fi.source <> 'self' OR (fi.form_id IS NOT NULL AND "
                        "fi.form_id NOT IN (SELECT id FROM form WHERE state = 'draft')))");
  append_unit_cond (sql, f, "fi.unit_id");
  append_finding_cond (sql, f);
  g_string_append (sql, " GROUP BY fi.unit_id, fi.category_id, fi.focus_area_id");

  if (!(stmt = prepare (self, sql->str, f, d->today, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcStats *s = unit_stats (c->units, sqlite3_column_int64 (stmt, 0));
      guint n = sqlite3_column_int (stmt, 3);

      if (s == NULL)
        continue;
      s->findings += n;
      add_entry_count (self, d->categories, sqlite3_column_int64 (stmt, 1), n);
      add_entry_count (self, d->focus_areas, sqlite3_column_int64 (stmt, 2), n);
    }
  return step_done (self, stmt, rc, error);
}

static gboolean
load_forms (ZcStore               *self,
            ZcDashboard           *d,
            Count                 *c,
            const ZcFigureFilter  *f,
            GError               **error)
{
  g_autoptr(GString) people_sql = g_string_new ("SELECT p.unit_id, count(*) FROM person p "
                                                "WHERE 1");
  g_autoptr(GString) forms_sql = g_string_new ("SELECT p.unit_id, f.state, count(*) FROM form f "
                                               "JOIN person p ON p.id = f.person_id WHERE 1");
  sqlite3_stmt *stmt;
  int rc;

  if (f->focus_posts)
    {
      g_string_append (people_sql, " AND p.focus_post");
      g_string_append (forms_sql, " AND p.focus_post");
    }
  append_unit_cond (people_sql, f, "p.unit_id");
  append_unit_cond (forms_sql, f, "p.unit_id");
  g_string_append (people_sql, " GROUP BY 1");
  g_string_append (forms_sql, " GROUP BY 1, 2");

  if (!count_per_unit (self, c->units, people_sql->str, f, d->today,
                       G_STRUCT_OFFSET (ZcStats, people), error))
    return FALSE;
  if (!(stmt = prepare (self, forms_sql->str, f, d->today, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcStats *s = unit_stats (c->units, sqlite3_column_int64 (stmt, 0));
      int state = -1;

      if (s && zc_enum_from_string (ZC_TYPE_FORM_STATE, (const char *) sqlite3_column_text (stmt, 1),
                                    &state) && state > 0 && state < 5)
        s->forms[state] += sqlite3_column_int (stmt, 2);
    }
  if (!step_done (self, stmt, rc, error))
    return FALSE;

  for (guint k = 0; k < d->units->len; k++)
    {
      ZcStats *s = &((ZcUnitFigures *) g_ptr_array_index (d->units, k))->stats;

      s->forms[ZC_FORM_STATE_NOT_STARTED] =
        s->people - (s->forms[1] + s->forms[2] + s->forms[3] + s->forms[4]);
    }
  return TRUE;
}

typedef struct
{
  char   deadline[11];   /* zc_store_list_items()'s key: the deadline, "9999" for none */
  gint64 id;
} RedItem;

static int
compare_red (gconstpointer a,
             gconstpointer b)
{
  const RedItem *x = a;
  const RedItem *y = b;
  int c = strcmp (x->deadline, y->deadline);

  if (c != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
load_items (ZcStore               *self,
            ZcDashboard           *d,
            Count                 *c,
            const ZcFigureFilter  *f,
            GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) red = g_array_new (FALSE, FALSE, sizeof (RedItem));
  gint64 ids[ZC_DASHBOARD_OVERDUE];
  sqlite3_stmt *stmt;
  int rc;

  /* Counted here rather than grouped in SQL: the rows come in the table's order, and a
   * temporary tree for the groups would cost more than the reading. The red items are
   * noted on the way, for the list of those overdue longest (asking for them afterwards
   * would compute every item's light again), and the days items were closed out, for the
   * progress line (asking would look up each closed item in the table again). */
  g_string_append (sql, "SELECT i.unit_id, CASE i.state WHEN 'planned' THEN 0 "
                        "WHEN 'in_progress' THEN 1 WHEN 'awaiting_closeout' THEN 2 "
                        "WHEN 'closed' THEN 3 ELSE -1 END, " ITEM_LIGHT " AS light, i.id, "
                        "coalesce (i.deadline, '9999'), CASE i.state WHEN 'closed' THEN "
                        "substr (i.closed_at, 1, 10) END FROM item i WHERE 1");
  append_unit_cond (sql, f, "i.unit_id");
  append_item_cond (sql, f);
  if (!(stmt = prepare (self, sql->str, f, d->today, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcStats *s = unit_stats (c->units, sqlite3_column_int64 (stmt, 0));
      int state = sqlite3_column_int (stmt, 1);
      int light = sqlite3_column_int (stmt, 2);

      if (s == NULL)
        continue;
      if (state >= 0 && state < 4)
        s->items[state]++;
      if (light >= 0 && light < 4)
        s->lights[light]++;
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        g_ptr_array_add (c->closed, g_strdup ((const char *) sqlite3_column_text (stmt, 5)));
      if (light == ZC_LIGHT_RED)
        {
          RedItem r = { { 0 }, sqlite3_column_int64 (stmt, 3) };

          g_strlcpy (r.deadline, (const char *) sqlite3_column_text (stmt, 4), sizeof r.deadline);
          g_array_append_val (red, r);
        }
    }
  if (!step_done (self, stmt, rc, error))
    return FALSE;

  g_array_sort (red, compare_red);
  for (guint k = 0; k < MIN (red->len, ZC_DASHBOARD_OVERDUE); k++)
    ids[k] = g_array_index (red, RedItem, k).id;
  d->overdue = zc_store_list_items_by_id (self, ids, MIN (red->len, ZC_DASHBOARD_OVERDUE),
                                          error);
  return d->overdue != NULL;
}

static gboolean
load_problems_and_commitments (ZcStore               *self,
                               ZcDashboard           *d,
                               Count                 *c,
                               const ZcFigureFilter  *f,
                               GError               **error)
{
  g_autoptr(GString) problems = g_string_new ("SELECT pr.unit_id, count(*) FROM problem pr "
                                              "WHERE 1");
  g_autoptr(GString) commitments = g_string_new ("SELECT c.unit_id, count(*) FROM commitment c "
                                                 "WHERE c.state = 'published'");

  append_unit_cond (problems, f, "pr.unit_id");
  append_problem_cond (problems, f);
  g_string_append (problems, " GROUP BY 1");
  if (!count_per_unit (self, c->units, problems->str, f, d->today,
                       G_STRUCT_OFFSET (ZcStats, problems), error))
    return FALSE;

  append_unit_cond (commitments, f, "c.unit_id");
  g_string_append (commitments, " GROUP BY 1");
  return count_per_unit (self, c->units, commitments->str, f, d->today,
                         G_STRUCT_OFFSET (ZcStats, commitments_published), error);
}

static gboolean
load_orders (ZcStore               *self,
             ZcDashboard           *d,
             Count                 *c,
             const ZcFigureFilter  *f,
             GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GListStore) orders = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_string_append (sql, "SELECT o.*, u.name AS unit_name, i.measure AS item_measure, "
                        "i.number AS item_number FROM supervision_order o "
                        "JOIN unit u ON u.id = o.unit_id "
                        "LEFT JOIN item i ON i.id = o.item_id "
                        "WHERE o.state <> 'concluded'");
  append_unit_cond (sql, f, "o.unit_id");
  append_order_cond (sql, f);
  g_string_append (sql, " ORDER BY o.issued_date, o.id");
  if (!(stmt = prepare (self, sql->str, f, d->today, error)))
    return FALSE;
  orders = g_list_store_new (ZC_TYPE_ORDER);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ZcOrder) order = zc_record_new_from_stmt (ZC_TYPE_ORDER, stmt);
      ZcStats *s = unit_stats (c->units, zc_order_get_unit_id (order));

      if (s == NULL)
        continue;
      s->orders_open++;
      d->order_ages[zc_order_age_of (zc_order_get_issued_date (order), d->today)]++;
      g_list_store_append (orders, order);
    }
  if (!step_done (self, stmt, rc, error))
    return FALSE;
  d->open_orders = G_LIST_MODEL (g_steal_pointer (&orders));
  return TRUE;
}

/* The Monday on or before @date (YYYY-MM-DD). */
static char *
week_start (const char *date)
{
  GDate g;

  if (!zc_date_parse (date, &g))
    return NULL;
  g_date_subtract_days (&g, g_date_get_weekday (&g) - G_DATE_MONDAY);
  return zc_date_format (&g);
}

typedef struct
{
  guint64 key;      /* the day as YYYYMMDD, then the report's id: date order, then as written */
  gint64  item_id;
  int     percent;
} ReportRow;

#define REPORT_ID_BITS 36

/* YYYYMMDD for "YYYY-MM-DD…", or -1. */
static int
day_number (const char *date)
{
  static const int digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  int n = 0;

  if (date == NULL || strlen (date) < 10 || date[4] != '-' || date[7] != '-')
    return -1;
  for (guint k = 0; k < G_N_ELEMENTS (digits); k++)
    {
      if (!g_ascii_isdigit (date[digits[k]]))
        return -1;
      n = n * 10 + (date[digits[k]] - '0');
    }
  return n;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The reports in date order, as they were written within a day: one integer comparison
 * (60,000 reports of a city sorted by their texts took 18 ms). */
static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  const ReportRow *x = a;
  const ReportRow *y = b;

  return x->key < y->key ? -1 : x->key > y->key;
}

/*
 * The progress line: for each week from the start of rectification (or the first report)
 * to this week, the mean progress the items had reported by the week's end (an item
 * without a report counts 0) and the share of the items closed out by then. The items are
 * today's (with the filter); rows are read once, in date order.
 */
static gboolean
load_weeks (ZcStore               *self,
            ZcDashboard           *d,
            Count                 *c,
            const ZcFigureFilter  *f,
            GError               **error)
{
  g_autoptr(GString) reports_sql = g_string_new (NULL);
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (ReportRow));
  GPtrArray *closed = c->closed;
  g_autofree int *latest = NULL;    /* by item id: the percent last reported, -1 none */
  gint64 max_item = 0;
  g_autofree char *rectification = zc_store_query_text (self, "SELECT rectification_date FROM "
                                                              "campaign", NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *week = NULL;
  guint n_items = 0;
  guint r = 0, n_closed = 0;
  double sum = 0;
  sqlite3_stmt *stmt;
  int rc;

  for (guint k = 0; k < 4; k++)
    n_items += d->totals.items[k];

  /* Without a filter every report counts: reading each report's item row (long texts) to
   * learn its unit would cost more than the reports themselves. */
  if (zc_figure_filter_is_set (f))
    {
      g_string_append (reports_sql, "SELECT g.item_id, g.date, g.percent, i.unit_id, g.id FROM "
                                    "progress g JOIN item i ON i.id = g.item_id WHERE 1");
      append_unit_cond (reports_sql, f, "i.unit_id");
      append_item_cond (reports_sql, f);
    }
  else
    g_string_append (reports_sql, "SELECT g.item_id, g.date, g.percent, 0, g.id FROM progress g");
  /* Read in the table's order and sorted here: a sort in SQL goes through a temporary tree. */
  if (!(stmt = prepare (self, reports_sql->str, f, d->today, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReportRow row = { 0, sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 2) };
      int day = day_number ((const char *) sqlite3_column_text (stmt, 1));
      gint64 id = sqlite3_column_int64 (stmt, 4);

      if (day < 0 || row.item_id <= 0 || id < 0 || id >= ((gint64) 1 << REPORT_ID_BITS) ||
          (zc_figure_filter_is_set (f) && !unit_stats (c->units, sqlite3_column_int64 (stmt, 3))))
        continue;
      row.key = ((guint64) day << REPORT_ID_BITS) | (guint64) id;
      g_array_append_val (reports, row);
      max_item = MAX (max_item, row.item_id);
    }
  if (!step_done (self, stmt, rc, error))
    return FALSE;
  g_array_sort (reports, compare_reports);
  latest = g_new (int, max_item + 1);
  for (gint64 k = 0; k <= max_item; k++)
    latest[k] = -1;

  g_ptr_array_sort (closed, compare_days);

  /* From the start of rectification, or the first report when there is none (or later). */
  if (zc_date_is_valid (rectification))
    first = g_strdup (rectification);
  if (reports->len > 0)
    {
      int day = (int) (g_array_index (reports, ReportRow, 0).key >> REPORT_ID_BITS);
      g_autofree char *first_report = g_strdup_printf ("%04d-%02d-%02d", day / 10000,
                                                       day / 100 % 100, day % 100);

      if (first == NULL || g_strcmp0 (first_report, first) < 0)
        {
          g_free (first);
          first = g_steal_pointer (&first_report);
        }
    }
  if (first == NULL || g_strcmp0 (first, d->today) > 0 || n_items == 0)
    return TRUE;

  last = week_start (d->today);
  week = week_start (first);
  if (week == NULL || last == NULL)
    return TRUE;
  /* Only the latest weeks of a long campaign. */
  if (zc_date_diff_days (week, last) / 7 >= MAX_WEEKS)
    {
      g_free (week);
      week = zc_date_add_days (last, -7 * (MAX_WEEKS - 1));
    }

  while (g_strcmp0 (week, last) <= 0)
    {
      g_autofree char *end = zc_date_add_days (week, 6);
      guint64 end_key = ((guint64) day_number (end) + 1) << REPORT_ID_BITS;
      guint64 week_key = (guint64) day_number (week) << REPORT_ID_BITS;
      ZcWeekFigures *w = g_new0 (ZcWeekFigures, 1);
      char *next;

      for (; r < reports->len && g_array_index (reports, ReportRow, r).key < end_key; r++)
        {
          ReportRow *row = &g_array_index (reports, ReportRow, r);

          if (latest[row->item_id] >= 0)
            sum -= latest[row->item_id];
          latest[row->item_id] = row->percent;
          sum += row->percent;
          if (row->key >= week_key)
            w->reports++;
        }
      for (; n_closed < closed->len && strcmp (g_ptr_array_index (closed, n_closed), end) <= 0;
           n_closed++)
        ;
      w->start = g_strdup (week);
      w->mean_progress = sum / n_items;
      w->closed_share = 100.0 * n_closed / n_items;
      g_ptr_array_add (d->weeks, w);

      next = zc_date_add_days (week, 7);
      g_free (week);
      week = next;
    }
  return TRUE;
}

typedef gboolean (*LoadFunc) (ZcStore *, ZcDashboard *, Count *, const ZcFigureFilter *,
                              GError **);

/* One part of the dashboard, unless cancelled; the debug log says where the time went. */
static gboolean
step (ZcStore               *self,
      ZcDashboard           *d,
      Count                 *c,
      const ZcFigureFilter  *f,
      const char            *name,
      LoadFunc               load,
      GCancellable          *cancellable,
      GError               **error)
{
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  if (!check_cancelled (cancellable, error))
    return FALSE;
  ok = load (self, d, c, f, error);
  g_debug ("dashboard: %s %.3f s", name, (g_get_monotonic_time () - start) / 1e6);
  return ok;
}

static void
end_read (ZcStore *self)
{
  if (self->tx_depth == 0)
    zc_store_exec (self, "COMMIT", NULL);
}

ZcDashboard *
zc_store_get_dashboard (ZcStore               *self,
                        ZcPerson              *actor,
                        const ZcFigureFilter  *filter,
                        GCancellable          *cancellable,
                        GError               **error)
{
  ZcFigureFilter f = ZC_FIGURE_FILTER_INIT;
  g_autoptr(ZcDashboard) d = NULL;
  g_autoptr(GHashTable) units = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) closed = g_ptr_array_new_with_free_func (g_free);
  Count c = { units, closed };

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require (zc_dashboard_may_read (actor), actor,
                          _("see the whole campaign’s figures"), error))
    return NULL;
  if (filter)
    f = *filter;

  d = g_new0 (ZcDashboard, 1);
  d->today = zc_store_today (self);
  d->units = g_ptr_array_new_with_free_func (unit_figures_free);
  d->categories = entry_counts (self, ZC_LIST_KIND_CATEGORY);
  d->focus_areas = entry_counts (self, ZC_LIST_KIND_FOCUS_AREA);
  d->weeks = g_ptr_array_new_with_free_func (week_figures_free);

  /* One read transaction (deferred: it takes no write lock), so that every figure sees the
   * same moment of the file. */
  if (self->tx_depth == 0 && !zc_store_exec (self, "BEGIN", error))
    return NULL;
  if (!load_units (self, d, units, &f, error) ||
      !step (self, d, &c, &f, "forms", load_forms, cancellable, error) ||
      !step (self, d, &c, &f, "findings", load_findings, cancellable, error) ||
      !step (self, d, &c, &f, "problems", load_problems_and_commitments, cancellable,
             error) ||
      !step (self, d, &c, &f, "items", load_items, cancellable, error) ||
      !step (self, d, &c, &f, "orders", load_orders, cancellable, error))
    {
      end_read (self);
      return NULL;
    }

  for (guint k = 0; k < d->units->len; k++)
    {
      ZcStats *s = &((ZcUnitFigures *) g_ptr_array_index (d->units, k))->stats;
      ZcStats *t = &d->totals;

      t->people += s->people;
      t->units += s->units;
      for (guint j = 0; j < 5; j++)
        t->forms[j] += s->forms[j];
      t->findings += s->findings;
      t->problems += s->problems;
      for (guint j = 0; j < 4; j++)
        {
          t->items[j] += s->items[j];
          t->lights[j] += s->lights[j];
        }
      t->commitments_published += s->commitments_published;
      t->orders_open += s->orders_open;
    }

  if (!step (self, d, &c, &f, "weeks", load_weeks, cancellable, error))
    {
      end_read (self);
      return NULL;
    }
  end_read (self);
  return g_steal_pointer (&d);
}

/* ---- the records behind a number ------------------------------------------------------------ */

GListModel *
zc_store_list_findings (ZcStore               *self,
                        ZcPerson              *actor,
                        const ZcFindingQuery  *query,
                        GError               **error)
{
  ZcFindingQuery q = ZC_FINDING_QUERY_INIT;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *list;
  sqlite3_stmt *stmt;
  int rc, idx;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (actor && !zc_policy_require_inspector (actor, _("read the findings of every unit"), error))
    return NULL;
  if (query)
    q = *query;

  g_string_append (sql, "SELECT fi.*, CASE WHEN fi.anonymous THEN NULL ELSE a.name END "
                        "AS author_name, "
                        "(SELECT count(*) FROM problem_finding WHERE finding_id = fi.id) "
                        "AS problem_count, "
                        "(SELECT count(*) FROM cause WHERE finding_id = fi.id) AS cause_count "
                        "FROM finding fi LEFT JOIN person a ON a.id = fi.author_id "
                        "LEFT JOIN form f ON f.id = fi.form_id "
                        "WHERE (fi.source <> 'self' OR f.state <> 'draft')");
  append_unit_cond (sql, &q.filter, "fi.unit_id");
  append_finding_cond (sql, &q.filter);
  if (q.unit_id)
    g_string_append (sql, " AND fi.unit_id = :unit");
  if (q.category_id >= 0)
    g_string_append (sql, " AND coalesce (fi.category_id, 0) = :category");
  if (q.focus_area_id >= 0)
    g_string_append (sql, " AND coalesce (fi.focus_area_id, 0) = :focus");
  g_string_append (sql, " ORDER BY fi.id DESC");
  if (q.limit)
    g_string_append_printf (sql, " LIMIT %u", q.limit);

  today = zc_store_today (self);
  if (!(stmt = prepare (self, sql->str, &q.filter, today, error)))
    return NULL;
  if ((idx = sqlite3_bind_parameter_index (stmt, ":unit")))
    sqlite3_bind_int64 (stmt, idx, q.unit_id);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":category")))
    sqlite3_bind_int64 (stmt, idx, q.category_id);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":focus")))
    sqlite3_bind_int64 (stmt, idx, q.focus_area_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, zc_record_new_from_stmt (ZC_TYPE_FINDING, stmt));
  if (!step_done (self, stmt, rc, error))
    return NULL;

  list = g_list_store_new (ZC_TYPE_FINDING);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  zc_store_fill_labels (self, G_LIST_MODEL (list), "category-id", "category-label");
  return G_LIST_MODEL (list);
}

GListModel *
zc_store_list_monthly_reviews (ZcStore   *self,
                               ZcPerson  *actor,
                               gint64     unit_id,
                               GError   **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require (zc_policy_can_read_unit (self, actor, unit_id), actor,
                          _("see this unit’s monthly reviews"), error))
    return NULL;
  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_REVIEW, error,
                                       "SELECT * FROM monthly_review WHERE unit_id = ? "
                                       "ORDER BY month DESC", "i", unit_id));
}
