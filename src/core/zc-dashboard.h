/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * The inspector's dashboard: the campaign's figures per unit, the findings by category and
 * by focus area, a weekly series of progress and the open supervision orders, in one pass
 * of grouped queries (a city-scale campaign has tens of thousands of rows). Without a
 * filter, every unit's figures are exactly those of zc_store_get_stats() for that unit and
 * the totals those of zc_store_get_stats() for the campaign (zicha-cli stats).
 *
 * The filters of a special clean-up (专项清查整治) narrow the figures to:
 *   focus_units    units flagged as focus units (重点单位), every figure;
 *   focus_posts    people at focus posts (重点岗位): their forms, the findings they wrote or
 *                  that were pointed out to them, the problems raised from those findings,
 *                  the items they are responsible for and the orders on those items;
 *   focus_area_id  one focus area (重点领域): its findings, the problems raised from them,
 *                  those problems' items and the orders on the items. People and forms
 *                  are not narrowed by an area.
 * Commitments are a unit's, so only focus_units narrows them.
 */

typedef struct
{
  gboolean focus_units;
  gboolean focus_posts;
  gint64   focus_area_id;   /* 0: every area */
} ZcFigureFilter;

#define ZC_FIGURE_FILTER_INIT { FALSE, FALSE, 0 }

/* Whether @filter narrows anything. */
gboolean zc_figure_filter_is_set (const ZcFigureFilter *filter);

typedef struct
{
  gint64    unit_id;
  char     *code;
  char     *name;
  gboolean  focus;
  ZcStats   stats;
} ZcUnitFigures;

typedef struct
{
  gint64  entry_id;     /* the list entry; 0 for findings that name none */
  char   *label;        /* its display label (NULL for 0) */
  guint   count;
} ZcEntryCount;

typedef struct
{
  char   *start;          /* the Monday that starts the week, YYYY-MM-DD */
  guint   reports;        /* progress reports dated in the week */
  double  mean_progress;  /* mean reported progress of the items at the week's end, 0–100 */
  double  closed_share;   /* share of the items closed out by the week's end, 0–100 */
} ZcWeekFigures;

/* Open supervision orders by days since they were issued. */
typedef enum
{
  ZC_ORDER_AGE_WEEK,       /* 0–7 days */
  ZC_ORDER_AGE_FORTNIGHT,  /* 8–14 */
  ZC_ORDER_AGE_MONTH,      /* 15–30 */
  ZC_ORDER_AGE_OLDER,      /* more than 30 */
  ZC_N_ORDER_AGES
} ZcOrderAge;

typedef struct
{
  char        *today;
  ZcStats      totals;                     /* the sum over @units */
  GPtrArray   *units;                      /* ZcUnitFigures, in tree order */
  GPtrArray   *categories;                 /* ZcEntryCount: every category, then "none" */
  GPtrArray   *focus_areas;                /* ZcEntryCount: every focus area, then "none" */
  GPtrArray   *weeks;                      /* ZcWeekFigures, oldest first */
  GListModel  *open_orders;                /* ZcOrder, oldest first */
  guint        order_ages[ZC_N_ORDER_AGES];
  GListModel  *overdue;                    /* ZcItem: the first ZC_DASHBOARD_OVERDUE red
                                            * items as zc_store_list_items() sorts them by
                                            * deadline (due longest ago first) */
} ZcDashboard;

/* How many red items ZcDashboard.overdue holds at most (up to 8). */
#define ZC_DASHBOARD_OVERDUE 8

/* May @actor see the whole campaign's figures (inspectors; %NULL, the holder of the file)?
 * The figures counted for one reader may be shown to another who may. */
gboolean     zc_dashboard_may_read      (ZcPerson              *actor);

void         zc_dashboard_free          (ZcDashboard           *dashboard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDashboard, zc_dashboard_free)

/* The age bucket of an order issued on @issued_date, seen on @today. */
ZcOrderAge   zc_order_age_of            (const char            *issued_date,
                                         const char            *today);

/**
 * zc_store_get_dashboard:
 * @self: a store used by the calling thread alone (the window runs this in a worker
 *   thread on its own store)
 * @actor: an inspector, or %NULL for the holder of the file
 * @filter: (nullable): what to narrow the figures to
 * @cancellable: (nullable): stops the work between queries
 * @error: a refusal or a database error
 *
 * Returns: (transfer full): the dashboard's figures, or %NULL
 */
ZcDashboard *zc_store_get_dashboard     (ZcStore               *self,
                                         ZcPerson              *actor,
                                         const ZcFigureFilter  *filter,
                                         GCancellable          *cancellable,
                                         GError               **error);

/* The findings behind a number of the dashboard: on record (not in a draft form). */
typedef struct
{
  gint64          unit_id;        /* 0: every unit */
  gint64          category_id;    /* -1: any; 0: findings without a category */
  gint64          focus_area_id;  /* -1: any; 0: findings without a focus area */
  ZcFigureFilter  filter;
  guint           limit;          /* 0: no limit */
} ZcFindingQuery;

#define ZC_FINDING_QUERY_INIT { 0, -1, -1, ZC_FIGURE_FILTER_INIT, 0 }

/* Findings (ZcFinding, with author and category labels; anonymous ones stay anonymous),
 * newest first. Inspectors only. */
GListModel  *zc_store_list_findings     (ZcStore               *self,
                                         ZcPerson              *actor,
                                         const ZcFindingQuery  *query,
                                         GError               **error);

/* The monthly review snapshots of a unit (ZcReview), newest month first. */
GListModel  *zc_store_list_monthly_reviews (ZcStore            *self,
                                            ZcPerson           *actor,
                                            gint64              unit_id,
                                            GError            **error);

G_END_DECLS
