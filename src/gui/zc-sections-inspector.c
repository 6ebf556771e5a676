/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-assessment-page.h"
#include "zc-closeout-page.h"
#include "zc-dashboard-page.h"
#include "zc-orders-page.h"
#include "zc-sections.h"
#include "zc-setup-page.h"

/*
 * The inspector's way through a campaign, one section each: the dashboard (the truth at a
 * glance, and the records behind every number), the close-out queue, the supervision
 * orders, the assessment of the units with the monthly review, and the campaign's set-up.
 * The pages send the inspector to one another: an overdue item on the dashboard to a new
 * supervision order, an item awaiting close-out to the queue, an open order to its page.
 */

typedef struct
{
  ZcWindow  *window;     /* unowned: the sections live inside it */
  GtkWidget *dashboard;  /* the other pages are made when first shown: zc_window_get_page() */
} InspectorSections;

static void
on_issue_order_cb (GtkWidget         *dashboard,
                   ZcItem            *item,
                   InspectorSections *sections)
{
  /* The dialog opens over the dashboard; the new order waits on the orders page. */
  zc_orders_page_issue (ZC_ORDERS_PAGE (zc_window_get_page (sections->window, "inspector-orders")),
                       item);
}

static void
on_close_out_item_cb (GtkWidget         *dashboard,
                      ZcItem            *item,
                      InspectorSections *sections)
{
  zc_window_show_page (sections->window, "inspector-closeout");
  zc_closeout_page_show_item (ZC_CLOSEOUT_PAGE (zc_window_get_page (sections->window,
                                                                    "inspector-closeout")),
                              zc_record_get_id (ZC_RECORD (item)));
}

static void
on_show_order_cb (GtkWidget         *dashboard,
                  ZcOrder           *order,
                  InspectorSections *sections)
{
  zc_window_show_page (sections->window, "inspector-orders");
  zc_orders_page_show_order (ZC_ORDERS_PAGE (zc_window_get_page (sections->window,
                                                                  "inspector-orders")),
                             zc_record_get_id (ZC_RECORD (order)));
}

GtkWidget *
zc_sections_make_dashboard (ZcStore  *store,
                            ZcPerson *actor)
{
  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  if (!(zc_person_get_roles (actor) & ZC_ROLE_INSPECTOR))
    return NULL;
  return zc_dashboard_page_new (store, actor);
}

void
zc_sections_add_inspector (ZcWindow  *window,
                           ZcStore   *store,
                           ZcPerson  *actor,
                           GtkWidget *dashboard)
{
  InspectorSections *sections;

  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (ZC_IS_STORE (store));
  g_return_if_fail (ZC_IS_PERSON (actor));
  g_return_if_fail (dashboard == NULL || ZC_IS_DASHBOARD_PAGE (dashboard));

  if (!(zc_person_get_roles (actor) & ZC_ROLE_INSPECTOR))
    return;

  sections = g_new0 (InspectorSections, 1);
  sections->window = window;
  sections->dashboard = dashboard ? dashboard : zc_dashboard_page_new (store, actor);
  /* The pages share this; it goes with the first of them. */
  g_object_set_data_full (G_OBJECT (sections->dashboard), "zc-inspector-sections", sections,
                          g_free);
  g_signal_connect (sections->dashboard, "issue-order", G_CALLBACK (on_issue_order_cb), sections);
  g_signal_connect (sections->dashboard, "close-out-item", G_CALLBACK (on_close_out_item_cb),
                    sections);
  g_signal_connect (sections->dashboard, "show-order", G_CALLBACK (on_show_order_cb), sections);

  zc_window_add_page (window, "inspector-dashboard", _("Dashboard"), "view-grid-symbolic",
                      sections->dashboard);
  /* Made when first shown: signing in makes the dashboard alone. */
  zc_window_add_page_later (window, "inspector-closeout", _("Close-out"),
                            "object-select-symbolic", zc_closeout_page_new, store, actor);
  zc_window_add_page_later (window, "inspector-orders", _("Supervision Orders"),
                            "task-past-due-symbolic", zc_orders_page_new, store, actor);
  zc_window_add_page_later (window, "inspector-assessment", _("Assessment"), "starred-symbolic",
                            zc_assessment_page_new, store, actor);
  zc_window_add_page_later (window, "inspector-setup", _("Campaign Set-up"),
                            "preferences-system-symbolic", zc_setup_page_new, store, actor);
}
