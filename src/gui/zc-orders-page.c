/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "zc-date.h"
#include "zc-format.h"
#include "zc-inspector-common.h"
#include "zc-order-dialog.h"
#include "zc-orders-page.h"
#include "zc-record-list.h"

struct _ZcOrdersPage
{
  GtkWidget            parent_instance;

  /* template children */
  AdwLeaflet          *leaflet;
  GtkToggleButton     *open_button;
  GtkToggleButton     *all_button;
  GtkLabel            *count_label;
  ZcRecordList        *orders_list;
  GtkWidget           *order_pane;
  GtkWidget           *order_bar;
  GtkStack            *order_stack;
  GtkScrolledWindow   *order_scroller;
  GtkLabel            *order_unit_label;
  GtkLabel            *order_title;
  GtkLabel            *order_state;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *act_group;
  AdwEntryRow         *text_row;
  GtkWidget           *answer_button;
  GtkLabel            *hint_label;

  ZcStore             *store;
  ZcPerson            *actor;
  GListModel          *orders;
  ZcOrder             *order;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (ZcOrdersPage, zc_orders_page, GTK_TYPE_WIDGET)

/* ---- helpers ------------------------------------------------------------------------------ */

static gboolean
leads_unit (ZcOrdersPage *self,
            ZcOrder      *order)
{
  return (zc_person_get_roles (self->actor) & ZC_ROLE_LEAD) &&
         zc_person_get_unit_id (self->actor) == zc_order_get_unit_id (order);
}

static void
update_actions (ZcOrdersPage *self)
{
  ZcOrderState state = self->order ? zc_order_get_state (self->order) : ZC_ORDER_STATE_CONCLUDED;
  gboolean waiting = self->order != NULL && (state == ZC_ORDER_STATE_ASSIGNED ||
                                             state == ZC_ORDER_STATE_REMINDED);
  gboolean may_answer = waiting && leads_unit (self, self->order);
  const char *hint = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.remind", waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.answer", may_answer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.conclude",
                                 self->order != NULL && state == ZC_ORDER_STATE_ANSWERED);
  gtk_widget_set_visible (self->answer_button, may_answer);
  gtk_widget_set_visible (GTK_WIDGET (self->act_group),
                          self->order != NULL && state != ZC_ORDER_STATE_CONCLUDED);

  if (waiting && !may_answer)
    hint = _("Waiting for the answer of the unit’s lead. Remind them when the answer is late; "
             "the note goes with the reminder.");
  else if (waiting)
    hint = _("You lead this unit: write its answer in the note and record it.");
  else if (state == ZC_ORDER_STATE_ANSWERED)
    hint = _("The unit has answered. Conclude the order when the answer satisfies you; the "
             "note goes with the conclusion.");
  gtk_label_set_text (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

static void
clear_rows (ZcOrdersPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (ZcOrdersPage        *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row;

  if (subtitle == NULL || *subtitle == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (group == self->facts_group)
    gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
show_order (ZcOrdersPage *self,
            ZcOrder      *order)
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(ZcPerson) issuer = NULL;
  g_autofree char *today = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *required = NULL;
  g_autofree char *item = NULL;
  g_autofree char *age = NULL;

  g_set_object (&self->order, order);
  clear_rows (self);
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), "");
  zc_record_list_select (self->orders_list, order ? zc_record_get_id (ZC_RECORD (order)) : 0);
  if (order == NULL)
    {
      gtk_stack_set_visible_child_name (self->order_stack, "none");
      update_actions (self);
      return;
    }

  gtk_label_set_text (self->order_unit_label, zc_order_get_unit_name (order));
  gtk_label_set_text (self->order_title, zc_order_get_reason (order));
  gtk_label_set_text (self->order_state, zc_enum_label (ZC_TYPE_ORDER_STATE,
                                                        zc_order_get_state (order)));

  today = zc_store_today (self->store);
  issued = zc_format_date (zc_order_get_issued_date (order));
  required = zc_format_date (zc_order_get_required_date (order));
  if (zc_order_get_issued_by (order) != 0)
    issuer = zc_store_get_person (self->store, zc_order_get_issued_by (order), NULL);
  if (zc_order_get_item_id (order) != 0)
    {
      g_autofree char *number = g_strdup_printf (_("Item No. %d"), zc_order_get_item_number (order));

      item = g_strdup_printf (_("%s: %s"), number,
                              zc_order_get_item_measure (order) ? zc_order_get_item_measure (order)
                                                                : "");
    }
  if (zc_order_get_state (order) != ZC_ORDER_STATE_CONCLUDED &&
      zc_date_is_valid (zc_order_get_issued_date (order)))
    age = zc_inspector_days (MAX (0, zc_date_diff_days (zc_order_get_issued_date (order), today)));

  add_row (self, self->facts_group, _("About"), item ? item : _("The whole unit"));
  add_row (self, self->facts_group, _("Issued"), issued);
  add_row (self, self->facts_group, _("Issued by"), issuer ? zc_person_get_name (issuer) : NULL);
  add_row (self, self->facts_group, _("Answer by"), required);
  add_row (self, self->facts_group, _("Open for"), age);
  add_row (self, self->facts_group, _("The unit’s answer"), zc_order_get_answer (order));

  events = zc_store_list_order_events (self->store, self->actor,
                                       zc_record_get_id (ZC_RECORD (order)), NULL);
  for (guint i = 0; events && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ZcOrderEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = zc_format_date (zc_order_event_get_date (event));
      /* Translators: a step of an order's history: what, when, who */
      g_autofree char *title = g_strdup_printf (_("%s · %s · %s"),
                                                zc_enum_label (ZC_TYPE_ORDER_STATE,
                                                               zc_order_event_get_kind (event)),
                                                date ? date : "",
                                                zc_order_event_get_actor_name (event)
                                                ? zc_order_event_get_actor_name (event) : "");
      const char *text = zc_order_event_get_text (event);

      add_row (self, self->history_group, title, text && *text ? text : _("No note"));
    }

  gtk_stack_set_visible_child_name (self->order_stack, "order");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->order_scroller), 0);
  update_actions (self);
}

static void
load (ZcOrdersPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean open_only = gtk_toggle_button_get_active (self->open_button);
  g_autofree char *today = zc_store_today (self->store);
  g_autofree char *count = NULL;
  GListModel *orders;
  guint n;

  orders = zc_store_list_orders (self->store, self->actor, 0, open_only, &error);
  if (orders == NULL)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The orders could not be read."), error);
      return;
    }
  g_clear_object (&self->orders);
  self->orders = orders;
  n = g_list_model_get_n_items (orders);
  zc_record_list_set_today (self->orders_list, today);
  if (open_only)
    zc_record_list_set_empty (self->orders_list, "emblem-ok-symbolic", _("No Open Orders"),
                              _("Issue an order when an item or a unit lags behind: on the "
                                "dashboard, choose an overdue item, or use “Issue Order”."));
  else
    zc_record_list_set_empty (self->orders_list, "task-past-due-symbolic", _("No Orders Yet"),
                              _("Supervision orders you and the other inspectors issue are "
                                "listed here."));
  zc_record_list_set_model (self->orders_list, orders);
  if (open_only)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open order, the oldest first",
                                          "%u open orders, the oldest first", n), n);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order", "%u orders", n), n);
  gtk_label_set_text (self->count_label, count);
}

/* Reads the orders again and shows @id (0: the order shown, if still listed). */
static void
reload_and_show (ZcOrdersPage *self,
                 gint64        id)
{
  if (id == 0 && self->order != NULL)
    id = zc_record_get_id (ZC_RECORD (self->order));
  load (self);
  for (guint i = 0; self->orders && i < g_list_model_get_n_items (self->orders); i++)
    {
      g_autoptr(ZcOrder) order = g_list_model_get_item (self->orders, i);

      if (zc_record_get_id (ZC_RECORD (order)) == id)
        {
          show_order (self, order);
          return;
        }
    }
  /* A concluded order leaves the open ones; read it alone. */
  if (id != 0)
    {
      g_autoptr(GListModel) all = zc_store_list_orders (self->store, self->actor, 0, FALSE, NULL);

      for (guint i = 0; all && i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(ZcOrder) order = g_list_model_get_item (all, i);

          if (zc_record_get_id (ZC_RECORD (order)) == id)
            {
              show_order (self, order);
              return;
            }
        }
    }
  show_order (self, NULL);
}

/* ---- actions ----------------------------------------------------------------------------------- */

static void
on_issued_cb (ZcOrderDialog *dialog,
              ZcOrder       *order,
              ZcOrdersPage  *self)
{
  g_autofree char *message = NULL;

  /* The order as listed has its unit's name. */
  reload_and_show (self, zc_record_get_id (ZC_RECORD (order)));
  /* Translators: %s is the unit the order went to */
  message = g_strdup_printf (_("Supervision order issued to %s"),
                             self->order && zc_order_get_unit_name (self->order)
                             ? zc_order_get_unit_name (self->order) : "");
  zc_inspector_toast (GTK_WIDGET (self), message);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  zc_orders_page_issue (ZC_ORDERS_PAGE (widget), NULL);
}

static char *
note_text (ZcOrdersPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));

  return *text ? g_steal_pointer (&text) : NULL;
}

static void
remind_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZcOrdersPage *self = ZC_ORDERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = note_text (self);
  g_autofree char *message = NULL;

  if (self->order == NULL)
    return;
  if (!zc_store_remind_order (self->store, self->actor, self->order, text, &error))
    {
      zc_inspector_toast_error (widget, _("The reminder was not recorded."), error);
      return;
    }
  /* Translators: %s is the unit reminded */
  message = g_strdup_printf (_("%s reminded"), zc_order_get_unit_name (self->order));
  zc_inspector_toast (widget, message);
  reload_and_show (self, 0);
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZcOrdersPage *self = ZC_ORDERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = note_text (self);

  if (self->order == NULL)
    return;
  if (!zc_store_answer_order (self->store, self->actor, self->order, text, &error))
    {
      zc_inspector_toast_error (widget, _("The answer was not recorded."), error);
      return;
    }
  zc_inspector_toast (widget, _("Answer recorded"));
  reload_and_show (self, 0);
}

static void
do_conclude (gpointer data)
{
  ZcOrdersPage *self = ZC_ORDERS_PAGE (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = note_text (self);

  if (self->order == NULL)
    return;
  if (!zc_store_conclude_order (self->store, self->actor, self->order, text, &error))
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The order was not concluded."), error);
      return;
    }
  zc_inspector_toast (GTK_WIDGET (self), _("Order concluded"));
  reload_and_show (self, 0);
}

static void
conclude_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ZcOrdersPage *self = ZC_ORDERS_PAGE (widget);

  if (self->order == NULL)
    return;
  zc_inspector_confirm (widget, _("Conclude the Order?"),
                        _("The unit’s answer settles the order; it leaves the open orders. "
                          "A concluded order cannot be reopened."),
                        _("_Conclude"), FALSE, NULL, do_conclude, g_object_ref (self),
                        g_object_unref);
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_view_toggled_cb (ZcOrdersPage *self)
{
  reload_and_show (self, 0);
}

static void
on_order_activated_cb (ZcOrdersPage *self,
                       GObject      *record)
{
  show_order (self, ZC_ORDER (record));
  adw_leaflet_set_visible_child (self->leaflet, self->order_pane);
}

static void
on_back_clicked_cb (ZcOrdersPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_folded_cb (ZcOrdersPage *self)
{
  gtk_widget_set_visible (self->order_bar, adw_leaflet_get_folded (self->leaflet));
}

static void
on_map_cb (ZcOrdersPage *self)
{
  reload_and_show (self, 0);
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_orders_page_dispose (GObject *object)
{
  ZcOrdersPage *self = ZC_ORDERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_ORDERS_PAGE);

  G_OBJECT_CLASS (zc_orders_page_parent_class)->dispose (object);
}

static void
zc_orders_page_finalize (GObject *object)
{
  ZcOrdersPage *self = ZC_ORDERS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->orders);
  g_clear_object (&self->order);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (zc_orders_page_parent_class)->finalize (object);
}

static void
zc_orders_page_class_init (ZcOrdersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_orders_page_dispose;
  object_class->finalize = zc_orders_page_finalize;

  g_type_ensure (ZC_TYPE_RECORD_LIST);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-orders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, orders_list);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, order_pane);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, order_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, order_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, order_scroller);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, order_unit_label);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, order_title);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, order_state);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, facts_group);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, act_group);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, text_row);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, answer_button);
  gtk_widget_class_bind_template_child (widget_class, ZcOrdersPage, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_order_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);

  gtk_widget_class_install_action (widget_class, "orders.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "orders.remind", NULL, remind_action);
  gtk_widget_class_install_action (widget_class, "orders.answer", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "orders.conclude", NULL, conclude_action);
}

static void
zc_orders_page_init (ZcOrdersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  zc_inspector_hide_stack_pages (self->order_stack);

  self->rows = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  on_folded_cb (self);
  update_actions (self);
}

/* ---- public ------------------------------------------------------------------------------------- */

GtkWidget *
zc_orders_page_new (ZcStore  *store,
                    ZcPerson *actor)
{
  ZcOrdersPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_ORDERS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  return GTK_WIDGET (self);
}

void
zc_orders_page_issue (ZcOrdersPage *self,
                      ZcItem       *item)
{
  GtkRoot *root;
  ZcOrderDialog *dialog;

  g_return_if_fail (ZC_IS_ORDERS_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = zc_order_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                self->actor, item);
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_issued_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
zc_orders_page_show_order (ZcOrdersPage *self,
                           gint64        order_id)
{
  g_return_if_fail (ZC_IS_ORDERS_PAGE (self));

  reload_and_show (self, order_id);
  if (self->order != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->order_pane);
}

void
zc_orders_page_refresh (ZcOrdersPage *self)
{
  g_return_if_fail (ZC_IS_ORDERS_PAGE (self));

  reload_and_show (self, 0);
}

ZcOrder *
zc_orders_page_get_order (ZcOrdersPage *self)
{
  g_return_val_if_fail (ZC_IS_ORDERS_PAGE (self), NULL);

  return self->order;
}
