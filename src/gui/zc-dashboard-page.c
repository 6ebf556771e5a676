/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "zc-bar-chart.h"
#include "zc-dashboard.h"
#include "zc-dashboard-page.h"
#include "zc-lead-common.h"
#include "zc-date.h"
#include "zc-format.h"
#include "zc-inspector-common.h"
#include "zc-line-chart.h"
#include "zc-record-list.h"

/* The overdue card shows the longest overdue first, this many. */
#define OVERDUE_SHOWN ZC_DASHBOARD_OVERDUE

typedef enum
{
  MODE_PARTICIPATION,
  MODE_STATES,
  MODE_LIGHTS,
} UnitMode;

/* What a chart's numbers open. */
typedef enum
{
  CHART_UNITS,
  CHART_CATEGORIES,
  CHART_AREAS,
  CHART_AGES,
} ChartKind;

/* The records behind a number, read in a worker thread. */
typedef enum
{
  DRILL_FORMS,
  DRILL_ITEMS,
  DRILL_FINDINGS,
} DrillKind;

typedef struct
{
  DrillKind       kind;
  ZcFigureFilter  filter;
  gint64          unit_id;
  int             state;          /* a form or item state, -1 any */
  int             light;          /* -1 any */
  gint64          category_id;    /* -1 any */
  gint64          area_id;        /* -1 any */
  char           *from;
  char           *to;
  guint           limit;
} Drill;

/* What the worker counts: the dashboard and the longest overdue items. */
typedef struct
{
  ZcDashboard *dashboard;
  GListModel  *overdue;
  gint64       audit_head;   /* the last audit entry before counting: what they are of */
} Figures;

struct _ZcDashboardPage
{
  GtkWidget        parent_instance;

  /* template children */
  GtkStack        *stack;
  GtkScrolledWindow *figures_scroller;
  GtkToggleButton *focus_units_button;
  GtkToggleButton *focus_posts_button;
  GtkDropDown     *area_dropdown;
  GtkSpinner      *busy_spinner;
  GtkLabel        *filter_label;
  GtkStack        *content_stack;
  AdwStatusPage   *error_page;
  GtkFlowBox      *tiles_box;
  GtkToggleButton *mode_participation;
  GtkToggleButton *mode_states;
  GtkToggleButton *mode_lights;
  GtkBox          *unit_chart_box;
  GtkFlowBox      *cards_box;
  GtkLabel        *overdue_label;
  ZcRecordList    *overdue_list;
  GtkButton       *overdue_all_button;
  GtkLabel        *records_title;
  GtkLabel        *records_count;
  GtkSpinner      *records_spinner;
  ZcRecordList    *records_list;

  ZcStore         *store;
  ZcPerson        *actor;
  ZcDashboard     *dashboard;
  ZcFigureFilter   filter;
  UnitMode         mode;
  GArray          *area_ids;      /* gint64: the dropdown's focus areas (0 first: all) */
  gboolean         filling;       /* while the filter widgets are set from code */

  GCancellable    *load_cancellable;
  gint64           load_started;
  gboolean         shown;         /* mapped once: the figures counted before are used */
  GCancellable    *drill_cancellable;

  ZcBarChart      *unit_chart;
  ZcBarChart      *category_chart;
  ZcBarChart      *area_chart;
  ZcBarChart      *age_chart;
  ZcLineChart     *week_chart;

  /* The cards and the overdue list below the first screen, made in the frame after the
   * figures first show (fill_rest()) */
  GListModel      *rest_overdue;
  gboolean         rest_pending;
  guint            rest_id;
  gulong           rest_paint_id;
  GdkFrameClock   *rest_clock;
};

enum {
  SIGNAL_ISSUE_ORDER,
  SIGNAL_CLOSE_OUT_ITEM,
  SIGNAL_SHOW_ORDER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcDashboardPage, zc_dashboard_page, GTK_TYPE_WIDGET)

/* ---- series --------------------------------------------------------------------------------- */

/* Colours of the theme; the palette colours read in the light and the dark style alike. */
static const char *form_colors[] = { "window_fg_color/0.22", "blue_1", "blue_3", "orange_3",
                                     "green_4" };
static const char *state_colors[] = { "window_fg_color/0.22", "blue_3", "purple_2", "green_4" };
static const char *light_colors[] = { "error_bg_color", "warning_bg_color", "success_bg_color",
                                      "window_fg_color/0.22" };
/* Lights in the chart's order: the worst first. */
static const ZcLight light_order[] = { ZC_LIGHT_RED, ZC_LIGHT_YELLOW, ZC_LIGHT_GREEN,
                                       ZC_LIGHT_NONE };
static const char *age_colors[] = { "green_4", "yellow_4", "orange_3", "red_3" };

static const char *
light_name (ZcLight light)
{
  return light == ZC_LIGHT_NONE ? _("No Light") : zc_enum_label (ZC_TYPE_LIGHT, light);
}

static const char *
age_name (ZcOrderAge age)
{
  switch (age)
    {
    case ZC_ORDER_AGE_WEEK:
      return _("Up to 7 days");
    case ZC_ORDER_AGE_FORTNIGHT:
      return _("8–14 days");
    case ZC_ORDER_AGE_MONTH:
      return _("15–30 days");
    case ZC_ORDER_AGE_OLDER:
    case ZC_N_ORDER_AGES:
    default:
      return _("Over 30 days");
    }
}

/* ---- loading in the background -------------------------------------------------------------- */

static void
figures_free (gpointer p)
{
  Figures *f = p;

  zc_dashboard_free (f->dashboard);
  g_clear_object (&f->overdue);
  g_free (f);
}

static gpointer
load_figures (ZcStore       *store,
              ZcPerson      *actor,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  const ZcFigureFilter *filter = data;
  Figures *f = g_new0 (Figures, 1);

  f->audit_head = zc_store_get_last_change (store);
  f->dashboard = zc_store_get_dashboard (store, actor, filter, cancellable, error);
  if (f->dashboard == NULL)
    {
      figures_free (f);
      return NULL;
    }
  f->overdue = g_object_ref (f->dashboard->overdue);
  return f;
}

static void
drill_free (gpointer p)
{
  Drill *d = p;

  g_free (d->from);
  g_free (d->to);
  g_free (d);
}

static Drill *
drill_new (ZcDashboardPage *self,
           DrillKind        kind)
{
  Drill *d = g_new0 (Drill, 1);

  d->kind = kind;
  d->filter = self->filter;
  d->state = -1;
  d->light = -1;
  d->category_id = -1;
  d->area_id = -1;
  return d;
}

/* The ids of the people at focus posts, and of the focus units. */
static GHashTable *
focus_ids (ZcStore *store,
           gboolean people)
{
  g_autoptr(GListModel) list = people ? zc_store_list_people (store, 0, NULL, 0)
                                      : zc_store_list_units (store);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; list && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (list, i);
      gint64 id = zc_record_get_id (ZC_RECORD (record));

      if (people ? zc_person_get_focus_post (ZC_PERSON (record))
                 : zc_unit_get_focus (ZC_UNIT (record)))
        g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return ids;
}

static gpointer
load_drill (ZcStore       *store,
            ZcPerson      *actor,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Drill *d = data;

  switch (d->kind)
    {
    case DRILL_ITEMS:
      {
        ZcItemQuery q = ZC_ITEM_QUERY_INIT;

        q.unit_id = d->unit_id;
        q.state = d->state;
        q.light = d->light;
        q.focus_only = d->filter.focus_units;
        q.focus_posts = d->filter.focus_posts;
        q.focus_area_id = d->filter.focus_area_id;
        q.reported_from = d->from;
        q.reported_to = d->to;
        q.sort = "deadline";
        return zc_store_list_items (store, actor, &q, error);
      }
    case DRILL_FINDINGS:
      {
        ZcFindingQuery q = ZC_FINDING_QUERY_INIT;

        q.unit_id = d->unit_id;
        q.category_id = d->category_id;
        q.focus_area_id = d->area_id;
        q.filter = d->filter;
        return zc_store_list_findings (store, actor, &q, error);
      }
    case DRILL_FORMS:
    default:
      {
        g_autoptr(GListModel) all = zc_store_list_participation (store, actor, d->unit_id, error);
        g_autoptr(GHashTable) posts = NULL;
        g_autoptr(GHashTable) units = NULL;
        GListStore *forms;

        if (all == NULL)
          return NULL;
        if (d->filter.focus_posts)
          posts = focus_ids (store, TRUE);
        if (d->filter.focus_units)
          units = focus_ids (store, FALSE);
        forms = g_list_store_new (ZC_TYPE_FORM);
        for (guint i = 0; i < g_list_model_get_n_items (all); i++)
          {
            g_autoptr(ZcForm) form = g_list_model_get_item (all, i);
            gint64 person_id = zc_form_get_person_id (form);
            gint64 unit_id = zc_form_get_unit_id (form);

            if ((d->state < 0 || (int) zc_form_get_state (form) == d->state) &&
                (posts == NULL || g_hash_table_contains (posts, &person_id)) &&
                (units == NULL || g_hash_table_contains (units, &unit_id)))
              g_list_store_append (forms, form);
          }
        return forms;
      }
    }
}

/* ---- the records view ------------------------------------------------------------------------ */

static void
set_records_count (ZcDashboardPage *self,
                   guint            n)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record",
                                                        "%u records", n), n);

  gtk_label_set_text (self->records_count, text);
}

static void
show_records_page (ZcDashboardPage *self,
                   const char      *title)
{
  gtk_label_set_text (self->records_title, title);
  zc_inspector_stack_show (self->stack, "records");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.back", TRUE);
}

static void
on_drill_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = zc_inspector_load_finish (result, &error);
  ZcDashboardPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = ZC_DASHBOARD_PAGE (user_data);
  gtk_spinner_stop (self->records_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->records_spinner), FALSE);
  if (records == NULL)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The records could not be read."), error);
      return;
    }
  zc_record_list_set_model (self->records_list, records);
  set_records_count (self, g_list_model_get_n_items (records));
}

static void
open_drill (ZcDashboardPage *self,
            Drill           *drill,
            const char      *title)
{
  g_cancellable_cancel (self->drill_cancellable);
  g_clear_object (&self->drill_cancellable);
  self->drill_cancellable = g_cancellable_new ();

  zc_record_list_set_model (self->records_list, NULL);
  gtk_label_set_text (self->records_count, _("Reading the records…"));
  gtk_widget_set_visible (GTK_WIDGET (self->records_spinner), TRUE);
  gtk_spinner_start (self->records_spinner);
  zc_record_list_set_empty (self->records_list, "edit-find-symbolic", _("No Records"),
                            _("Nothing is behind this number."));
  show_records_page (self, title);

  zc_inspector_load_async (self->store, self->actor, load_drill, drill, drill_free,
                           g_object_unref, self->drill_cancellable, on_drill_loaded_cb, self);
}

static void
open_orders (ZcDashboardPage *self,
             int              age,
             const char      *title)
{
  g_autoptr(GListStore) orders = g_list_store_new (ZC_TYPE_ORDER);
  GListModel *all = self->dashboard->open_orders;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ZcOrder) order = g_list_model_get_item (all, i);

      if (age < 0 || (int) zc_order_age_of (zc_order_get_issued_date (order),
                                            self->dashboard->today) == age)
        g_list_store_append (orders, order);
    }
  g_cancellable_cancel (self->drill_cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->records_spinner), FALSE);
  zc_record_list_set_empty (self->records_list, "emblem-ok-symbolic", _("No Open Orders"),
                            _("Every supervision order of this age is concluded."));
  zc_record_list_set_model (self->records_list, G_LIST_MODEL (orders));
  set_records_count (self, g_list_model_get_n_items (G_LIST_MODEL (orders)));
  show_records_page (self, title);
}

/* The name of bar @bar of the unit chart: its unit. */
static ZcUnitFigures *
unit_at (ZcDashboardPage *self,
         guint            bar)
{
  if (self->dashboard == NULL || bar >= self->dashboard->units->len)
    return NULL;
  return g_ptr_array_index (self->dashboard->units, bar);
}

/* Opens the records behind the unit chart's bar @bar (G_MAXUINT: every unit) and series
 * @series (-1: all of them). */
static void
open_unit_segment (ZcDashboardPage *self,
                   guint            bar,
                   int              series)
{
  ZcUnitFigures *unit = bar == G_MAXUINT ? NULL : unit_at (self, bar);
  const char *unit_name = unit ? unit->name : _("All units");
  g_autofree char *title = NULL;
  Drill *drill;

  if (bar != G_MAXUINT && unit == NULL)
    return;

  switch (self->mode)
    {
    case MODE_PARTICIPATION:
      drill = drill_new (self, DRILL_FORMS);
      drill->state = series;
      if (series >= 0)
        /* Translators: the records behind a number: where, then what */
        title = g_strdup_printf (_("%s: %s"), unit_name,
                                 zc_enum_label (ZC_TYPE_FORM_STATE, series));
      else
        title = g_strdup_printf (_("%s: %s"), unit_name, _("Self-inspection forms"));
      break;
    case MODE_STATES:
      drill = drill_new (self, DRILL_ITEMS);
      drill->state = series;
      title = g_strdup_printf (_("%s: %s"), unit_name,
                               series >= 0 ? zc_enum_label (ZC_TYPE_ITEM_STATE, series)
                                           : _("Rectification items"));
      break;
    case MODE_LIGHTS:
    default:
      drill = drill_new (self, DRILL_ITEMS);
      drill->light = series >= 0 ? (int) light_order[series] : -1;
      title = g_strdup_printf (_("%s: %s"), unit_name,
                               series >= 0 ? light_name (light_order[series])
                                           : _("Rectification items"));
      break;
    }
  drill->unit_id = unit ? unit->unit_id : 0;
  open_drill (self, drill, title);
}

static void
open_chart_segment (ZcDashboardPage *self,
                    ChartKind        kind,
                    guint            bar,
                    int              series)
{
  g_autofree char *title = NULL;
  Drill *drill;

  if (self->dashboard == NULL)
    return;
  switch (kind)
    {
    case CHART_UNITS:
      open_unit_segment (self, bar, series);
      break;
    case CHART_CATEGORIES:
    case CHART_AREAS:
      {
        GPtrArray *counts = kind == CHART_CATEGORIES ? self->dashboard->categories
                                                     : self->dashboard->focus_areas;
        ZcEntryCount *c;

        if (bar >= counts->len)
          return;
        c = g_ptr_array_index (counts, bar);
        drill = drill_new (self, DRILL_FINDINGS);
        if (kind == CHART_CATEGORIES)
          drill->category_id = c->entry_id;
        else
          drill->area_id = c->entry_id;
        /* Translators: the findings of one category or focus area */
        title = g_strdup_printf (_("Findings: %s"),
                                 c->label ? c->label : kind == CHART_CATEGORIES
                                   ? _("No category") : _("No focus area"));
        open_drill (self, drill, title);
      }
      break;
    case CHART_AGES:
      /* Translators: open supervision orders of an age, e.g. "Open orders: 8–14 days" */
      title = g_strdup_printf (_("Open orders: %s"), age_name (bar));
      open_orders (self, (int) bar, title);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
open_week (ZcDashboardPage *self,
           guint            index)
{
  ZcWeekFigures *w;
  g_autofree char *start = NULL;
  g_autofree char *title = NULL;
  Drill *drill;

  if (self->dashboard == NULL || index >= self->dashboard->weeks->len)
    return;
  w = g_ptr_array_index (self->dashboard->weeks, index);
  start = zc_format_date (w->start);
  drill = drill_new (self, DRILL_ITEMS);
  drill->from = g_strdup (w->start);
  drill->to = zc_date_add_days (w->start, 6);
  /* Translators: the items with a progress report in the week that starts on %s */
  title = g_strdup_printf (_("Items reported in the week of %s"), start);
  open_drill (self, drill, title);
}

/* ---- records' details ------------------------------------------------------------------------ */

typedef struct
{
  ZcDashboardPage *self;
  GObject         *record;
} RecordResponse;

static void
on_item_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ZcDashboardPage *self = ZC_DASHBOARD_PAGE (user_data);
  ZcItem *item = g_object_get_data (G_OBJECT (dialog), "zc-item");

  if (g_strcmp0 (response, "order") == 0)
    g_signal_emit (self, signals[SIGNAL_ISSUE_ORDER], 0, item);
  else if (g_strcmp0 (response, "closeout") == 0)
    g_signal_emit (self, signals[SIGNAL_CLOSE_OUT_ITEM], 0, item);
}

static void
add_fact (GString    *body,
          const char *name,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  /* Translators: one fact of a record in a dialog, e.g. "Deadline: 30 May 2026" */
  g_string_append_printf (body, _("%s: %s"), name, value);
  g_string_append_c (body, '\n');
}

static void
show_item (ZcDashboardPage *self,
           ZcItem          *item)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *number = zc_inspector_item_number (item);
  g_autofree char *heading = g_strdup_printf (_("%s: %s"), zc_item_get_unit_name (item), number);
  g_autofree char *deadline = zc_format_date (zc_item_get_deadline (item));
  g_autofree char *progress = g_strdup_printf ("%d%%", zc_item_get_progress (item));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  g_string_append_printf (body, "%s\n\n", zc_item_get_measure (item) ? zc_item_get_measure (item)
                                                                     : "");
  add_fact (body, _("Problem"), zc_item_get_problem_text (item));
  add_fact (body, _("Responsible person"), zc_item_get_person_name (item)
                                           ? zc_item_get_person_name (item)
                                           : zc_item_get_person_text (item));
  add_fact (body, _("Deadline"), deadline ? deadline : zc_item_get_deadline_text (item));
  add_fact (body, _("State"), zc_enum_label (ZC_TYPE_ITEM_STATE, zc_item_get_state (item)));
  if (zc_item_get_state (item) != ZC_ITEM_STATE_CLOSED)
    add_fact (body, _("Traffic light"), zc_enum_label (ZC_TYPE_LIGHT, zc_item_get_light (item)));
  add_fact (body, _("Progress"), progress);
  add_fact (body, _("Latest report"), zc_item_get_progress_text (item));
  add_fact (body, _("Reason for the last rejection"), zc_item_get_reject_reason (item));
  g_strchomp (body->str);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (zc_item_get_state (item) == ZC_ITEM_STATE_AWAITING_CLOSEOUT)
    {
      adw_message_dialog_add_response (dialog, "closeout", _("_Close Out…"));
      adw_message_dialog_set_response_appearance (dialog, "closeout", ADW_RESPONSE_SUGGESTED);
    }
  if (zc_item_get_state (item) != ZC_ITEM_STATE_CLOSED)
    adw_message_dialog_add_response (dialog, "order", _("_Issue Order…"));
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "zc-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_item_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_text_dialog (ZcDashboardPage *self,
                  const char      *heading,
                  const char      *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_finding (ZcDashboardPage *self,
              ZcFinding       *finding)
{
  g_autoptr(GString) body = g_string_new (NULL);

  add_fact (body, _("Category"), zc_finding_get_category_label (finding));
  add_fact (body, _("Source"), zc_enum_label (ZC_TYPE_FINDING_SOURCE,
                                              zc_finding_get_source (finding)));
  add_fact (body, _("Written by"), zc_finding_get_anonymous (finding)
                                   ? _("Anonymous") : zc_finding_get_author_name (finding));
  add_fact (body, _("Example"), zc_finding_get_example (finding));
  add_fact (body, _("Gap to the benchmark"), zc_finding_get_gap (finding));
  add_fact (body, _("Measure"), zc_finding_get_measure (finding));
  g_strchomp (body->str);
  show_text_dialog (self, zc_finding_get_phenomenon (finding), body->str);
}

static void
show_form (ZcDashboardPage *self,
           ZcForm          *form)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = g_strdup_printf (_("%s (%s)"), zc_form_get_person_name (form),
                                              zc_form_get_staff_code (form));
  g_autofree char *count = g_strdup_printf ("%d", zc_form_get_finding_count (form));

  add_fact (body, _("Unit"), zc_form_get_unit_name (form));
  add_fact (body, _("State"), zc_enum_label (ZC_TYPE_FORM_STATE, zc_form_get_state (form)));
  if (zc_form_get_state (form) != ZC_FORM_STATE_NOT_STARTED &&
      zc_form_get_state (form) != ZC_FORM_STATE_DRAFT)
    add_fact (body, _("Findings"), count);
  add_fact (body, _("Reviewer’s comment"), zc_form_get_review_comment (form));
  g_strchomp (body->str);
  show_text_dialog (self, heading, body->str);
}

/* ---- building the charts --------------------------------------------------------------------- */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA rgba;

  zc_chart_lookup_color (GTK_WIDGET (area), data, &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static GtkWidget *
swatch_new (const char *color)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_widget_set_size_request (area, 12, 12);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, g_strdup (color), g_free);
  return area;
}

typedef struct
{
  ZcDashboardPage *self;
  ChartKind        kind;
  guint            bar;
  int              series;
} Cell;

static void
on_cell_clicked_cb (GtkButton *button,
                    Cell      *cell)
{
  if (cell->kind == CHART_UNITS && cell->bar == G_MAXUINT)
    open_unit_segment (cell->self, G_MAXUINT, cell->series);
  else
    open_chart_segment (cell->self, cell->kind, cell->bar, cell->series);
}

static GtkWidget *
cell_button (ZcDashboardPage *self,
             ChartKind        kind,
             guint            bar,
             int              series,
             const char      *text,
             const char      *accessible)
{
  GtkWidget *button = gtk_button_new_with_label (text);
  Cell *cell = g_new0 (Cell, 1);

  cell->self = self;
  cell->kind = kind;
  cell->bar = bar;
  cell->series = series;
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "zc-number");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_cell_clicked_cb), cell,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  return button;
}

/* The legend: a button a series, with its colour and the total over every bar; it opens
 * the records of that series across the chart (units: every unit). */
static GtkWidget *
legend_new (ZcDashboardPage *self,
            ZcBarChart      *chart,
            ChartKind        kind)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  -1);
  for (guint s = 0; s < zc_bar_chart_get_n_series (chart); s++)
    {
      guint total = 0;
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *button, *box, *label;

      for (guint b = 0; b < zc_bar_chart_get_n_bars (chart); b++)
        total += zc_bar_chart_get_value (chart, b, s);
      /* Translators: a series of a chart's legend and its total, e.g. "Submitted 1,360" */
      text = g_strdup_printf (_("%s %u"), zc_bar_chart_get_series_name (chart, s), total);
      /* Translators: the accessible name of a legend's button */
      accessible = g_strdup_printf (_("%s, all units: %u"), zc_bar_chart_get_series_name (chart, s),
                                    total);
      button = cell_button (self, kind, G_MAXUINT, (int) s, "", accessible);
      gtk_widget_add_css_class (button, "zc-legend");
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (box), swatch_new (zc_bar_chart_get_series_color (chart, s)));
      label = gtk_label_new (text);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, _("Show these records of every unit"));
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
    }
  return flow;
}

/* The numbers of a bar chart as a grid of buttons, made when the expander first opens. */
static void
fill_table (ZcDashboardPage *self,
            GtkExpander     *expander,
            ZcBarChart      *chart,
            ChartKind        kind)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  guint n_series = zc_bar_chart_get_n_series (chart);
  gboolean stacked = kind == CHART_UNITS;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_expander_get_label (expander), -1);
  if (stacked)
    for (guint s = 0; s < n_series; s++)
      {
        GtkWidget *head = gtk_label_new (zc_bar_chart_get_series_name (chart, s));

        gtk_label_set_wrap (GTK_LABEL (head), TRUE);
        gtk_widget_add_css_class (head, "caption-heading");
        gtk_grid_attach (GTK_GRID (grid), head, 1 + s, 0, 1, 1);
      }
  for (guint b = 0; b < zc_bar_chart_get_n_bars (chart); b++)
    {
      const char *label = zc_bar_chart_get_label (chart, b);
      GtkWidget *name = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (GTK_GRID (grid), name, 0, 1 + b, 1, 1);
      for (guint s = 0; s < n_series; s++)
        {
          guint value = zc_bar_chart_get_value (chart, b, s);
          g_autofree char *text = g_strdup_printf ("%u", value);
          g_autofree char *accessible = NULL;

          if (!stacked && value == 0 && kind == CHART_AGES && s != b)
            continue;
          accessible = g_strdup_printf (_("%s, %s: %u"), label,
                                        zc_bar_chart_get_series_name (chart, s), value);
          gtk_grid_attach (GTK_GRID (grid),
                           cell_button (self, kind, b, stacked ? (int) s : -1, text, accessible),
                           stacked ? 1 + s : 1, 1 + b, 1, 1);
        }
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_widget_set_margin_top (scroller, 6);
  gtk_expander_set_child (expander, scroller);
}

typedef struct
{
  ZcDashboardPage *self;
  ZcBarChart      *chart;
  ChartKind        kind;
} TableSpec;

static void
on_table_expanded_cb (GtkExpander *expander,
                      GParamSpec  *pspec,
                      TableSpec   *spec)
{
  if (gtk_expander_get_expanded (expander) && gtk_expander_get_child (expander) == NULL)
    fill_table (spec->self, expander, spec->chart, spec->kind);
}

static GtkWidget *
table_expander_new (ZcDashboardPage *self,
                    ZcBarChart      *chart,
                    ChartKind        kind)
{
  GtkWidget *expander = gtk_expander_new (_("Show the Numbers"));
  TableSpec *spec = g_new0 (TableSpec, 1);
  const char *title = NULL;
  g_autofree char *accessible = NULL;

  title = g_object_get_data (G_OBJECT (chart), "zc-chart-title");
  /* Translators: the button that shows a chart's numbers as a table, read aloud */
  accessible = g_strdup_printf (_("Show the numbers of “%s”"), title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  spec->self = self;
  spec->chart = chart;
  spec->kind = kind;
  g_signal_connect_data (expander, "notify::expanded", G_CALLBACK (on_table_expanded_cb), spec,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  return expander;
}

static void
on_segment_activated_cb (ZcBarChart *chart,
                         guint       bar,
                         int         series,
                         gpointer    user_data)
{
  ZcDashboardPage *self = ZC_DASHBOARD_PAGE (user_data);
  ChartKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chart), "zc-chart-kind"));

  open_chart_segment (self, kind, bar, series);
}

static void
on_point_activated_cb (ZcLineChart *chart,
                       guint        index,
                       gpointer     user_data)
{
  open_week (ZC_DASHBOARD_PAGE (user_data), index);
}

static ZcBarChart *
bar_chart_new (ZcDashboardPage *self,
               ChartKind        kind,
               const char      *accessible_name)
{
  ZcBarChart *chart = ZC_BAR_CHART (zc_bar_chart_new ());

  g_object_set_data (G_OBJECT (chart), "zc-chart-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (chart), "zc-chart-title", g_strdup (accessible_name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  g_signal_connect_object (chart, "activate-segment", G_CALLBACK (on_segment_activated_cb),
                           self, 0);
  return chart;
}

/* A card with a title, a line that says how to read it, and @body. */
static GtkWidget *
card_new (const char *title,
          const char *subtitle)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "zc-chart-card");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (card), heading);
  if (subtitle != NULL)
    {
      GtkWidget *line = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_widget_add_css_class (line, "dim-label");
      gtk_widget_add_css_class (line, "caption");
      gtk_box_append (GTK_BOX (card), line);
    }
  return card;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
fill_unit_chart (ZcDashboardPage *self)
{
  ZcDashboard *d = self->dashboard;
  const char *names[5];
  const char * const *colors;
  guint n_series;
  const char *accessible;

  clear_box (GTK_WIDGET (self->unit_chart_box));
  self->unit_chart = NULL;
  if (d == NULL)
    return;

  switch (self->mode)
    {
    case MODE_PARTICIPATION:
      n_series = 5;
      for (guint s = 0; s < n_series; s++)
        names[s] = zc_enum_label (ZC_TYPE_FORM_STATE, s);
      colors = form_colors;
      accessible = _("Self-inspection forms by unit");
      break;
    case MODE_STATES:
      n_series = 4;
      for (guint s = 0; s < n_series; s++)
        names[s] = zc_enum_label (ZC_TYPE_ITEM_STATE, s);
      colors = state_colors;
      accessible = _("Rectification items by state and unit");
      break;
    case MODE_LIGHTS:
    default:
      n_series = 4;
      for (guint s = 0; s < n_series; s++)
        names[s] = light_name (light_order[s]);
      colors = light_colors;
      accessible = _("Rectification items by light and unit");
      break;
    }

  self->unit_chart = bar_chart_new (self, CHART_UNITS, accessible);
  zc_bar_chart_set_series (self->unit_chart, n_series, names, colors);
  for (guint i = 0; i < d->units->len; i++)
    {
      ZcUnitFigures *u = g_ptr_array_index (d->units, i);
      guint values[5] = { 0 };

      for (guint s = 0; s < n_series; s++)
        {
          if (self->mode == MODE_PARTICIPATION)
            values[s] = u->stats.forms[s];
          else if (self->mode == MODE_STATES)
            values[s] = u->stats.items[s];
          else
            values[s] = u->stats.lights[light_order[s]];
        }
      zc_bar_chart_add_bar (self->unit_chart, u->name, values);
    }
  zc_bar_chart_done (self->unit_chart);

  gtk_box_append (self->unit_chart_box, legend_new (self, self->unit_chart, CHART_UNITS));
  gtk_box_append (self->unit_chart_box, GTK_WIDGET (self->unit_chart));
  gtk_box_append (self->unit_chart_box, table_expander_new (self, self->unit_chart, CHART_UNITS));
}

static GtkWidget *
counts_card (ZcDashboardPage  *self,
             ChartKind         kind,
             GPtrArray        *counts,
             const char       *title,
             const char       *subtitle,
             const char       *color,
             ZcBarChart      **chart_out)
{
  GtkWidget *card = card_new (title, subtitle);
  ZcBarChart *chart = bar_chart_new (self, kind, title);
  const char *names[1] = { _("Findings") };
  const char *colors[1] = { color };
  guint total = 0;

  zc_bar_chart_set_series (chart, 1, names, colors);
  for (guint i = 0; i < counts->len; i++)
    {
      ZcEntryCount *c = g_ptr_array_index (counts, i);
      const char *label = c->label ? c->label
                                   : kind == CHART_CATEGORIES ? _("No category")
                                                              : _("No focus area");

      /* Findings without a list entry only when there are some. */
      if (c->entry_id == 0 && c->count == 0)
        continue;
      zc_bar_chart_add_bar (chart, label, &c->count);
      total += c->count;
    }
  zc_bar_chart_done (chart);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (chart));
  gtk_box_append (GTK_BOX (card), table_expander_new (self, chart, kind));
  *chart_out = chart;
  return card;
}

static void
on_week_table_clicked_cb (GtkButton       *button,
                          ZcDashboardPage *self)
{
  open_week (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zc-week")));
}

static void
on_week_table_expanded_cb (GtkExpander     *expander,
                           GParamSpec      *pspec,
                           ZcDashboardPage *self)
{
  GtkWidget *grid;
  const char *heads[] = { _("Week"), _("Reports"), _("Mean progress"), _("Closed out") };

  if (!gtk_expander_get_expanded (expander) || gtk_expander_get_child (expander) != NULL ||
      self->dashboard == NULL)
    return;
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress week by week"), -1);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      GtkWidget *head = gtk_label_new (heads[c]);

      gtk_label_set_xalign (GTK_LABEL (head), c == 0 ? 0 : 1);
      gtk_widget_add_css_class (head, "caption-heading");
      gtk_grid_attach (GTK_GRID (grid), head, c, 0, 1, 1);
    }
  for (guint i = 0; i < self->dashboard->weeks->len; i++)
    {
      ZcWeekFigures *w = g_ptr_array_index (self->dashboard->weeks, i);
      g_autofree char *start = zc_format_date (w->start);
      g_autofree char *reports = g_strdup_printf ("%u", w->reports);
      g_autofree char *mean = g_strdup_printf ("%.0f%%", w->mean_progress);
      g_autofree char *closed = g_strdup_printf ("%.0f%%", w->closed_share);
      /* Translators: a week's row read aloud: the week, reports, mean progress, closed */
      g_autofree char *accessible = g_strdup_printf (_("Week of %s: %u reports, mean progress "
                                                       "%s, closed out %s"),
                                                     start, w->reports, mean, closed);
      GtkWidget *button = gtk_button_new_with_label (start);
      const char *cells[] = { reports, mean, closed };

      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data (G_OBJECT (button), "zc-week", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_week_table_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (grid), button, 0, 1 + i, 1, 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_xalign (GTK_LABEL (label), 1);
          gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (GTK_GRID (grid), label, 1 + c, 1 + i, 1, 1);
        }
    }
  gtk_expander_set_child (expander, grid);
}

static GtkWidget *
weeks_card (ZcDashboardPage *self)
{
  GtkWidget *card = card_new (_("Progress Week by Week"),
                              _("The mean progress the items have reported, and the share "
                                "closed out, at the end of each week. Choose a week to see "
                                "the items reported in it."));
  const char *names[] = { _("Mean progress"), _("Closed out") };
  const char *colors[] = { "blue_3", "green_4" };
  GtkWidget *expander;

  self->week_chart = ZC_LINE_CHART (zc_line_chart_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->week_chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress week by week"), -1);
  g_signal_connect_object (self->week_chart, "activate-point", G_CALLBACK (on_point_activated_cb),
                           self, 0);
  zc_line_chart_set_series (self->week_chart, 2, names, colors);
  for (guint i = 0; i < self->dashboard->weeks->len; i++)
    {
      ZcWeekFigures *w = g_ptr_array_index (self->dashboard->weeks, i);
      GDate date;
      g_autofree char *axis = NULL;
      g_autofree char *start = zc_format_date (w->start);
      g_autofree char *long_label = NULL;
      double values[2] = { w->mean_progress, w->closed_share };

      if (!zc_date_parse (w->start, &date))
        continue;
      /* Translators: a short date on a chart's time axis: the month, then the day */
      axis = g_strdup_printf (_("%d/%d"), g_date_get_month (&date), g_date_get_day (&date));
      /* Translators: a point of the weekly chart read aloud */
      long_label = g_strdup_printf (_("Week of %s"), start);
      zc_line_chart_add_point (self->week_chart, axis, long_label, values);
    }
  zc_line_chart_done (self->week_chart);

  if (self->dashboard->weeks->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No progress has been reported yet. The line starts "
                                          "with the first report."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (card), empty);
      return card;
    }

  {
    GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    for (guint s = 0; s < G_N_ELEMENTS (names); s++)
      {
        GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

        gtk_box_append (GTK_BOX (entry), swatch_new (colors[s]));
        gtk_box_append (GTK_BOX (entry), gtk_label_new (names[s]));
        gtk_box_append (GTK_BOX (legend), entry);
      }
    gtk_box_append (GTK_BOX (card), legend);
  }
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->week_chart));
  expander = gtk_expander_new (_("Show the Numbers"));
  {
    g_autofree char *accessible = g_strdup_printf (_("Show the numbers of “%s”"),
                                                   _("Progress week by week"));

    gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible, -1);
  }
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_week_table_expanded_cb), self);
  gtk_box_append (GTK_BOX (card), expander);
  return card;
}

static GtkWidget *
ages_card (ZcDashboardPage *self)
{
  GtkWidget *card = card_new (_("Open Supervision Orders by Age"),
                              _("Days since each open order was issued."));
  const char *names[ZC_N_ORDER_AGES];

  for (guint a = 0; a < ZC_N_ORDER_AGES; a++)
    names[a] = age_name (a);
  self->age_chart = bar_chart_new (self, CHART_AGES, _("Open supervision orders by age"));
  zc_bar_chart_set_series (self->age_chart, ZC_N_ORDER_AGES, names, age_colors);
  for (guint a = 0; a < ZC_N_ORDER_AGES; a++)
    {
      guint values[ZC_N_ORDER_AGES] = { 0 };

      /* One colour an age: each bar has its own series. */
      values[a] = self->dashboard->order_ages[a];
      zc_bar_chart_add_bar (self->age_chart, names[a], values);
    }
  zc_bar_chart_done (self->age_chart);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->age_chart));
  gtk_box_append (GTK_BOX (card), table_expander_new (self, self->age_chart, CHART_AGES));
  return card;
}

typedef enum
{
  TILE_PEOPLE,
  TILE_FINDINGS,
  TILE_ITEMS,
  TILE_RED,
  TILE_AWAITING,
  TILE_ORDERS,
} Tile;

static void
on_tile_clicked_cb (GtkButton       *button,
                    ZcDashboardPage *self)
{
  Tile tile = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zc-tile"));
  Drill *drill;

  switch (tile)
    {
    case TILE_PEOPLE:
      open_drill (self, drill_new (self, DRILL_FORMS), _("Everyone’s self-inspection forms"));
      break;
    case TILE_FINDINGS:
      open_drill (self, drill_new (self, DRILL_FINDINGS), _("Findings on record"));
      break;
    case TILE_ITEMS:
      open_drill (self, drill_new (self, DRILL_ITEMS), _("Rectification items"));
      break;
    case TILE_RED:
      drill = drill_new (self, DRILL_ITEMS);
      drill->light = ZC_LIGHT_RED;
      open_drill (self, drill, _("Overdue items"));
      break;
    case TILE_AWAITING:
      drill = drill_new (self, DRILL_ITEMS);
      drill->state = ZC_ITEM_STATE_AWAITING_CLOSEOUT;
      open_drill (self, drill, _("Items awaiting close-out"));
      break;
    case TILE_ORDERS:
    default:
      open_orders (self, -1, _("Open supervision orders"));
      break;
    }
}

static void
add_tile (ZcDashboardPage *self,
          Tile             tile,
          const char      *caption,
          guint            number,
          const char      *detail,
          const char      *style)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autofree char *accessible = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (text);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  if (style != NULL)
    gtk_widget_add_css_class (value, style);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  if (detail != NULL)
    {
      GtkWidget *extra = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (extra), 0);
      gtk_label_set_wrap (GTK_LABEL (extra), TRUE);
      gtk_widget_add_css_class (extra, "caption");
      gtk_widget_add_css_class (extra, "dim-label");
      gtk_box_append (GTK_BOX (box), extra);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "zc-tile");
  /* Translators: a key figure read aloud, e.g. "People: 200" */
  accessible = detail ? g_strdup_printf (_("%s: %u, %s"), caption, number, detail)
                      : g_strdup_printf (_("%s: %u"), caption, number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data (G_OBJECT (button), "zc-tile", GINT_TO_POINTER (tile));
  g_signal_connect (button, "clicked", G_CALLBACK (on_tile_clicked_cb), self);
  gtk_flow_box_append (self->tiles_box, button);
}

static void
fill_tiles (ZcDashboardPage *self)
{
  const ZcStats *t = &self->dashboard->totals;
  guint items = t->items[0] + t->items[1] + t->items[2] + t->items[3];
  guint taking_part = t->forms[ZC_FORM_STATE_SUBMITTED] + t->forms[ZC_FORM_STATE_APPROVED];
  g_autofree char *share = zc_inspector_percent (t->people ? (double) taking_part / t->people : 0);
  /* Translators: the share of people whose form is submitted or approved */
  g_autofree char *participation = g_strdup_printf (_("%s submitted or approved"), share);
  g_autofree char *closed = g_strdup_printf (_("%u closed out"), t->items[ZC_ITEM_STATE_CLOSED]);

  clear_box (GTK_WIDGET (self->tiles_box));
  add_tile (self, TILE_PEOPLE, _("People"), t->people, participation, NULL);
  add_tile (self, TILE_FINDINGS, _("Findings"), t->findings, NULL, NULL);
  add_tile (self, TILE_ITEMS, _("Rectification items"), items, closed, NULL);
  add_tile (self, TILE_RED, _("Overdue (red)"), t->lights[ZC_LIGHT_RED], NULL,
            t->lights[ZC_LIGHT_RED] ? "error" : NULL);
  add_tile (self, TILE_AWAITING, _("Awaiting close-out"), t->items[ZC_ITEM_STATE_AWAITING_CLOSEOUT],
            NULL, NULL);
  add_tile (self, TILE_ORDERS, _("Open supervision orders"), t->orders_open, NULL, NULL);
}

static void
fill_overdue (ZcDashboardPage *self,
              GListModel      *overdue)
{
  guint red = self->dashboard->totals.lights[ZC_LIGHT_RED];
  g_autofree char *all = NULL;
  g_autofree char *text = NULL;

  zc_record_list_set_empty (self->overdue_list, "emblem-ok-symbolic", _("Nothing Is Overdue"),
                            _("Every item with a deadline is on time."));
  zc_record_list_set_model (self->overdue_list, overdue);
  if (red == 0)
    text = g_strdup (_("Items whose deadline has passed appear here."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u item is past its deadline; the longest overdue first.",
                                         "%u items are past their deadline; the longest overdue "
                                         "first.", red), red);
  gtk_label_set_text (self->overdue_label, text);
  /* Translators: a button that lists every overdue item */
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show the %u Overdue Item",
                                      "Show All %u Overdue Items", red), red);
  gtk_button_set_label (self->overdue_all_button, all);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_all_button), red > OVERDUE_SHOWN);
}

/* The cards and the overdue list, below the tiles and the chart of units. */
static void
fill_rest (ZcDashboardPage *self,
           GListModel      *overdue)
{
  GtkWidget *card;

  self->rest_pending = FALSE;
  clear_box (GTK_WIDGET (self->cards_box));
  card = counts_card (self, CHART_CATEGORIES, self->dashboard->categories,
                      _("Findings by Category"),
                      _("Findings on record: submitted forms, suggestions and the public’s "
                        "feedback."),
                      "accent_bg_color", &self->category_chart);
  gtk_flow_box_append (self->cards_box, card);
  card = counts_card (self, CHART_AREAS, self->dashboard->focus_areas,
                      _("Findings by Focus Area"), _("The focus areas the findings concern."),
                      "purple_2", &self->area_chart);
  gtk_flow_box_append (self->cards_box, card);
  gtk_flow_box_append (self->cards_box, weeks_card (self));
  gtk_flow_box_append (self->cards_box, ages_card (self));

  fill_overdue (self, overdue);
}

static void
cancel_rest (ZcDashboardPage *self)
{
  g_clear_handle_id (&self->rest_id, g_source_remove);
  if (self->rest_clock != NULL)
    g_clear_signal_handler (&self->rest_paint_id, self->rest_clock);
  g_clear_object (&self->rest_clock);
  g_clear_object (&self->rest_overdue);
  self->rest_pending = FALSE;
}

static gboolean
fill_rest_cb (gpointer user_data)
{
  ZcDashboardPage *self = user_data;
  g_autoptr(GListModel) overdue = g_steal_pointer (&self->rest_overdue);

  self->rest_id = 0;
  fill_rest (self, overdue);
  return G_SOURCE_REMOVE;
}

static void
on_rest_after_paint_cb (GdkFrameClock   *clock,
                        ZcDashboardPage *self)
{
  g_clear_signal_handler (&self->rest_paint_id, clock);
  g_clear_object (&self->rest_clock);
  /* After the events that came meanwhile; before the next frame. */
  self->rest_id = g_idle_add_full (G_PRIORITY_DEFAULT, fill_rest_cb, self, NULL);
}

/* Waits for the frame that shows the tiles and the chart of units, then fills the rest.
 * The page is mapped, so it has a frame clock. */
static void
fill_rest_after_frame (ZcDashboardPage *self)
{
  self->rest_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->rest_paint_id = g_signal_connect (self->rest_clock, "after-paint",
                                          G_CALLBACK (on_rest_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The first time the figures show, what is below the first screen comes a frame later:
 * the tiles and the chart of units are drawn without waiting for the cards and the overdue
 * list (about a third of the page's layout). Figures counted again replace everything at
 * once, so that the reader keeps their place. */
static void
fill_figures (ZcDashboardPage *self,
              GListModel      *overdue)
{
  gboolean first = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box)) == NULL;

  cancel_rest (self);
  zc_record_list_set_today (self->records_list, self->dashboard->today);
  zc_record_list_set_today (self->overdue_list, self->dashboard->today);
  fill_tiles (self);
  fill_unit_chart (self);

  if (!first)
    {
      fill_rest (self, overdue);
      return;
    }
  self->rest_overdue = overdue ? g_object_ref (overdue) : NULL;
  self->rest_pending = TRUE;
  /* Not on screen yet: once it is (on_map_cb()). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_rest_after_frame (self);
}

static void
update_filter_label (ZcDashboardPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!zc_figure_filter_is_set (&self->filter))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->filter_label), FALSE);
      return;
    }
  g_string_append (text, _("The figures are narrowed to the special clean-up."));
  if (self->filter.focus_area_id != 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("A focus area narrows findings, problems, items and orders; "
                               "people and forms are everyone’s."));
    }
  gtk_label_set_text (self->filter_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_label), TRUE);
}

/* A campaign just set up: nobody but the inspector, nothing on record. */
static gboolean
is_empty (ZcDashboard *d)
{
  const ZcStats *t = &d->totals;

  return t->people <= 1 && t->findings == 0 &&
         t->items[0] + t->items[1] + t->items[2] + t->items[3] == 0;
}

/* Shows @figures, or @error when there are none; takes @figures. */
static void
show_figures (ZcDashboardPage *self,
              Figures         *figures,
              const GError    *error)
{
  double scroll;

  g_clear_object (&self->load_cancellable);
  gtk_spinner_stop (self->busy_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tiles_box), TRUE);

  if (figures == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  g_debug ("dashboard: figures on screen %.2f s after asking",
           (g_get_monotonic_time () - self->load_started) / 1e6);
  /* Keep the reader's place when the figures are counted again. */
  scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->figures_scroller));
  g_clear_pointer (&self->dashboard, zc_dashboard_free);
  self->dashboard = g_steal_pointer (&figures->dashboard);
  fill_figures (self, figures->overdue);
  figures_free (figures);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    is_empty (self->dashboard) &&
                                    !zc_figure_filter_is_set (&self->filter)
                                    ? "empty" : "figures");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->figures_scroller), scroll);
}

static void
on_figures_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Figures *figures = zc_inspector_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_figures (ZC_DASHBOARD_PAGE (user_data), figures, error);
}

/* ---- counting before anyone signs in ------------------------------------------------------ */

/*
 * The whole campaign's figures, counted as soon as the window has opened a campaign (see
 * zc_dashboard_page_prefetch()), while the window is made and the person signs in. The
 * dashboard of an inspector who then signs in takes them, once, when nothing has been
 * written since they were counted; otherwise it counts as usual.
 */
typedef struct
{
  char            *path;
  char            *today;
  gboolean         done;
  Figures         *figures;
  GError          *error;
  ZcDashboardPage *waiting;   /* weak: a dashboard made before the figures were done */
} Prefetch;

static Prefetch *prefetch;

static void
prefetch_free (Prefetch *p)
{
  if (p->waiting != NULL)
    g_object_remove_weak_pointer (G_OBJECT (p->waiting), (gpointer *) &p->waiting);
  g_clear_pointer (&p->figures, figures_free);
  g_clear_error (&p->error);
  g_free (p->path);
  g_free (p->today);
  g_free (p);
}

static void load (ZcDashboardPage *self);

/* The prefetched figures when @self may have them, or NULL; ends the prefetch. */
static Figures *
prefetch_take (ZcDashboardPage *self,
               Prefetch        *p)
{
  Figures *figures = g_steal_pointer (&p->figures);

  if (prefetch == p)
    prefetch = NULL;
  if (figures != NULL &&
      figures->audit_head != zc_store_get_last_change (self->store))
    g_clear_pointer (&figures, figures_free);
  prefetch_free (p);
  return figures;
}

static void
on_prefetched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Prefetch *p = user_data;
  ZcDashboardPage *waiting = p->waiting;
  Figures *figures;

  p->figures = zc_inspector_load_finish (result, &p->error);
  p->done = TRUE;
  g_debug ("dashboard: counted before sign-in%s", p->figures ? "" : " (failed)");
  if (prefetch != p)
    {
      /* Another file was opened meanwhile: a dashboard waiting counts for itself. */
      prefetch_free (p);
      if (waiting != NULL)
        load (waiting);
      return;
    }
  if (waiting == NULL)
    return;
  figures = prefetch_take (waiting, p);
  if (figures != NULL)
    show_figures (waiting, figures, NULL);
  else
    load (waiting);
}

/* Whether the first load of @self is served by the prefetch (at once, or when it is done). */
static gboolean
load_prefetched (ZcDashboardPage *self)
{
  Prefetch *p = prefetch;
  g_autofree char *today = NULL;
  Figures *figures;

  if (p == NULL || zc_figure_filter_is_set (&self->filter) ||
      !zc_dashboard_may_read (self->actor) ||
      g_strcmp0 (p->path, zc_store_get_path (self->store)) != 0)
    return FALSE;
  today = zc_store_today (self->store);
  if (g_strcmp0 (p->today, today) != 0)
    return FALSE;

  if (!p->done)
    {
      if (p->waiting != NULL)
        return FALSE;
      p->waiting = self;
      g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &p->waiting);
      return TRUE;
    }
  figures = prefetch_take (self, p);
  if (figures == NULL)
    return FALSE;
  show_figures (self, figures, NULL);
  return TRUE;
}

/**
 * zc_dashboard_page_prefetch_file:
 * @path: the campaign database about to be opened
 * @today: the day its store will count with (zc_store_today())
 *
 * Starts counting the whole campaign's figures in a thread, for an inspector who may sign
 * in next: the window calls it when it opens a campaign (zc_dashboard_page_prefetch()), the
 * application as soon as the command line names the file, before GTK starts, so that the
 * dashboard, an inspector's first page and the heaviest, is counted while the window is
 * made and the passphrase typed. They are given only to an inspector's dashboard, and
 * only while nothing has been written since; another person's sign-in leaves them unused.
 * A count of the same file and day already started goes on.
 */
void
zc_dashboard_page_prefetch_file (const char *path,
                                 const char *today)
{
  static const ZcFigureFilter whole_campaign = { 0, };
  Prefetch *p;

  g_return_if_fail (path != NULL && today != NULL);

  if (prefetch != NULL && g_str_equal (prefetch->path, path) &&
      g_str_equal (prefetch->today, today) && (!prefetch->done || prefetch->figures != NULL))
    return;
  /* A prefetch still counting frees itself when done (it is no longer the current one). */
  if (prefetch != NULL && prefetch->done)
    prefetch_free (prefetch);
  prefetch = NULL;

  p = g_new0 (Prefetch, 1);
  p->path = g_strdup (path);
  p->today = g_strdup (today);
  prefetch = p;
  zc_inspector_prefetch_file_async (path, today, load_figures,
                                    g_memdup2 (&whole_campaign, sizeof whole_campaign), g_free,
                                    figures_free, on_prefetched_cb, p);
}

/**
 * zc_dashboard_page_prefetch:
 * @store: the campaign the window has just opened
 *
 * zc_dashboard_page_prefetch_file() for @store's file and day.
 */
void
zc_dashboard_page_prefetch (ZcStore *store)
{
  g_autofree char *today = NULL;

  g_return_if_fail (ZC_IS_STORE (store));

  today = zc_store_today (store);
  zc_dashboard_page_prefetch_file (zc_store_get_path (store), today);
}

static void
load (ZcDashboardPage *self)
{
  ZcFigureFilter *filter;

  /* A new load replaces the one waiting for the prefetch, as it replaces any other. */
  if (prefetch != NULL && prefetch->waiting == self)
    {
      g_object_remove_weak_pointer (G_OBJECT (self), (gpointer *) &prefetch->waiting);
      prefetch->waiting = NULL;
    }
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  self->load_started = g_get_monotonic_time ();
  if (self->dashboard == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  update_filter_label (self);
  if (load_prefetched (self))
    return;
  filter = g_new (ZcFigureFilter, 1);
  *filter = self->filter;
  zc_inspector_load_async (self->store, self->actor, load_figures, filter, g_free, figures_free,
                           self->load_cancellable, on_figures_loaded_cb, self);
}

static void
fill_areas (ZcDashboardPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GListModel) areas = zc_store_list_entries (self->store, ZC_LIST_KIND_FOCUS_AREA);
  gint64 all = 0;

  g_array_set_size (self->area_ids, 0);
  gtk_string_list_append (strings, _("All Focus Areas"));
  g_array_append_val (self->area_ids, all);
  for (guint i = 0; areas && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(ZcListEntry) entry = g_list_model_get_item (areas, i);
      gint64 id = zc_record_get_id (ZC_RECORD (entry));

      if (!zc_list_entry_get_active (entry))
        continue;
      gtk_string_list_append (strings, zc_list_entry_get_display_label (entry));
      g_array_append_val (self->area_ids, id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  self->filling = FALSE;
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_filter_changed_cb (ZcDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_dropdown);

  if (self->filling)
    return;
  self->filter.focus_units = gtk_toggle_button_get_active (self->focus_units_button);
  self->filter.focus_posts = gtk_toggle_button_get_active (self->focus_posts_button);
  self->filter.focus_area_id = selected < self->area_ids->len
                               ? g_array_index (self->area_ids, gint64, selected) : 0;
  load (self);
}

static void
on_unit_mode_toggled_cb (ZcDashboardPage *self)
{
  UnitMode mode = gtk_toggle_button_get_active (self->mode_states) ? MODE_STATES
                : gtk_toggle_button_get_active (self->mode_lights) ? MODE_LIGHTS
                : MODE_PARTICIPATION;

  if (mode == self->mode)
    return;
  self->mode = mode;
  fill_unit_chart (self);
}

static void
on_record_activated_cb (ZcDashboardPage *self,
                        GObject         *record)
{
  if (ZC_IS_ITEM (record))
    show_item (self, ZC_ITEM (record));
  else if (ZC_IS_ORDER (record))
    g_signal_emit (self, signals[SIGNAL_SHOW_ORDER], 0, record);
  else if (ZC_IS_FINDING (record))
    show_finding (self, ZC_FINDING (record));
  else if (ZC_IS_FORM (record))
    show_form (self, ZC_FORM (record));
}

static void
on_overdue_all_clicked_cb (ZcDashboardPage *self)
{
  Drill *drill = drill_new (self, DRILL_ITEMS);

  drill->light = ZC_LIGHT_RED;
  open_drill (self, drill, _("Overdue items"));
}

static void
on_map_cb (ZcDashboardPage *self)
{
  /* The figures move as people work: count them again each time the page is shown, but
   * the first time, when they were counted as the page was made. */
  if (self->load_cancellable == NULL && (self->shown || self->dashboard == NULL))
    load (self);
  self->shown = TRUE;
  if (self->rest_pending && self->rest_clock == NULL && self->rest_id == 0)
    fill_rest_after_frame (self);
}

static void
on_area_selected_cb (ZcDashboardPage *self)
{
  on_filter_changed_cb (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zc_dashboard_page_refresh (ZC_DASHBOARD_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZcDashboardPage *self = ZC_DASHBOARD_PAGE (widget);

  g_cancellable_cancel (self->drill_cancellable);
  zc_inspector_stack_show (self->stack, "figures");
  gtk_widget_action_set_enabled (widget, "dashboard.back", FALSE);
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_dashboard_page_dispose (GObject *object)
{
  ZcDashboardPage *self = ZC_DASHBOARD_PAGE (object);

  cancel_rest (self);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->drill_cancellable != NULL)
    g_cancellable_cancel (self->drill_cancellable);
  g_clear_object (&self->drill_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (zc_dashboard_page_parent_class)->dispose (object);
}

static void
zc_dashboard_page_finalize (GObject *object)
{
  ZcDashboardPage *self = ZC_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->dashboard, zc_dashboard_free);
  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (zc_dashboard_page_parent_class)->finalize (object);
}

static void
zc_dashboard_page_class_init (ZcDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_dashboard_page_dispose;
  object_class->finalize = zc_dashboard_page_finalize;

  signals[SIGNAL_ISSUE_ORDER] =
    g_signal_new ("issue-order", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ZC_TYPE_ITEM);
  signals[SIGNAL_CLOSE_OUT_ITEM] =
    g_signal_new ("close-out-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ZC_TYPE_ITEM);
  signals[SIGNAL_SHOW_ORDER] =
    g_signal_new ("show-order", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ZC_TYPE_ORDER);

  g_type_ensure (ZC_TYPE_RECORD_LIST);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, figures_scroller);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, focus_units_button);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, focus_posts_button);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, mode_participation);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, mode_states);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, mode_lights);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, unit_chart_box);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, overdue_all_button);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, records_title);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, records_count);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, records_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZcDashboardPage, records_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_record_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_all_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "dashboard.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dashboard.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dashboard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "dashboard.back", NULL);
}

static void
zc_dashboard_page_init (ZcDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  zc_lead_drop_down_set_name (self->area_dropdown, _("Focus area"));
  zc_inspector_hide_stack_pages (self->stack);
  zc_inspector_hide_stack_pages (self->content_stack);

  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.back", FALSE);
  g_signal_connect_swapped (self->area_dropdown, "notify::selected",
                            G_CALLBACK (on_area_selected_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* ---- public ------------------------------------------------------------------------------------- */

GtkWidget *
zc_dashboard_page_new (ZcStore  *store,
                       ZcPerson *actor)
{
  ZcDashboardPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_DASHBOARD_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  fill_areas (self);
  /* Counted at once, in a thread, while the rest of the inspector's window is made: on a
   * city the figures take a moment, and the dashboard is where an inspector looks first. */
  load (self);
  return GTK_WIDGET (self);
}

void
zc_dashboard_page_refresh (ZcDashboardPage *self)
{
  g_return_if_fail (ZC_IS_DASHBOARD_PAGE (self));

  load (self);
}

gboolean
zc_dashboard_page_is_loading (ZcDashboardPage *self)
{
  g_return_val_if_fail (ZC_IS_DASHBOARD_PAGE (self), FALSE);

  return self->load_cancellable != NULL;
}
