/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <string.h>
#include <glib/gi18n.h>

#include "zc-date.h"
#include "zc-format.h"
#include "zc-inspector-common.h"
#include "zc-light-badge.h"
#include "zc-order-dialog.h"

/* The answer is due a week after the order, unless the inspector says otherwise. */
#define DEFAULT_DAYS 7
#define MAX_RESULTS  8

enum {
  KIND_ITEM,
  KIND_UNIT,
};

struct _ZcOrderDialog
{
  AdwWindow     parent_instance;

  /* template children */
  GtkWidget    *issue_button;
  GtkLabel     *error_label;
  AdwComboRow  *kind_row;
  AdwComboRow  *unit_row;
  AdwActionRow *item_row;
  AdwEntryRow  *search_row;
  GtkListBox   *results_list;
  GtkTextView  *reason_view;
  AdwEntryRow  *date_row;

  ZcStore      *store;
  ZcPerson     *actor;
  ZcItem       *item;        /* the item chosen */
  GListModel   *units;
  GListModel   *unit_items;  /* the open items of the unit chosen */
};

enum {
  SIGNAL_ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcOrderDialog, zc_order_dialog, ADW_TYPE_WINDOW)

/* ---- helpers ------------------------------------------------------------------------------ */

static gint64
selected_unit_id (ZcOrderDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);
  g_autoptr(ZcUnit) unit = NULL;

  if (self->units == NULL || selected >= g_list_model_get_n_items (self->units))
    return 0;
  unit = g_list_model_get_item (self->units, selected);
  return zc_record_get_id (ZC_RECORD (unit));
}

static void
update_issue (ZcOrderDialog *self)
{
  g_autofree char *reason = zc_inspector_text_view_get (self->reason_view);
  gboolean about_item = adw_combo_row_get_selected (self->kind_row) == KIND_ITEM;
  gboolean target = about_item ? self->item != NULL : selected_unit_id (self) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.issue", reason != NULL && target);
}

static void
clear_results (ZcOrderDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
}

static char *
item_title (ZcItem *item)
{
  g_autofree char *number = zc_inspector_item_number (item);

  /* Translators: an item's number and its measure, e.g. "No. 12: 建立…" */
  return g_strdup_printf (_("%s: %s"), number,
                          zc_item_get_measure (item) ? zc_item_get_measure (item)
                                                     : zc_item_get_problem_text (item));
}

static void
update_target (ZcOrderDialog *self)
{
  gboolean about_item = adw_combo_row_get_selected (self->kind_row) == KIND_ITEM;
  gboolean chosen = about_item && self->item != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->item_row), chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->search_row), about_item && !chosen);
  if (!about_item || chosen)
    clear_results (self);
  if (chosen)
    {
      g_autofree char *title = item_title (self->item);
      g_autofree char *deadline = zc_format_date (zc_item_get_deadline (self->item));
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->item_row), title);
      /* Translators: the light and the deadline of the item an order is about */
      subtitle = g_strdup_printf (_("%s · due %s"),
                                  zc_enum_label (ZC_TYPE_LIGHT, zc_item_get_light (self->item)),
                                  deadline ? deadline : _("no date"));
      adw_action_row_set_subtitle (self->item_row, subtitle);
    }
  update_issue (self);
}

static void
choose_item (ZcOrderDialog *self,
             ZcItem        *item)
{
  g_set_object (&self->item, item);
  update_target (self);
}

static void
show_results (ZcOrderDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_row));
  guint shown = 0;

  clear_results (self);
  if (self->unit_items == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->unit_items) && shown < MAX_RESULTS; i++)
    {
      g_autoptr(ZcItem) item = g_list_model_get_item (self->unit_items, i);
      g_autofree char *number = g_strdup_printf ("%d", zc_item_get_number (item));
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (zc_item_get_state (item) == ZC_ITEM_STATE_CLOSED)
        continue;
      if (text != NULL && *text != '\0' && !g_str_equal (text, number) &&
          (zc_item_get_measure (item) == NULL || strstr (zc_item_get_measure (item), text) == NULL) &&
          (zc_item_get_problem_text (item) == NULL ||
           strstr (zc_item_get_problem_text (item), text) == NULL))
        continue;
      title = item_title (item);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), zc_light_badge_new (zc_item_get_light (item)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      g_object_set_data_full (G_OBJECT (row), "zc-item", g_object_ref (item), g_object_unref);
      gtk_list_box_append (self->results_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), shown > 0);
}

static void
load_unit_items (ZcOrderDialog *self)
{
  ZcItemQuery q = ZC_ITEM_QUERY_INIT;
  gint64 unit_id = selected_unit_id (self);

  g_clear_object (&self->unit_items);
  if (unit_id == 0)
    return;
  q.unit_id = unit_id;
  /* The worst first: red, then the earliest deadline. */
  q.sort = "light";
  q.descending = TRUE;
  self->unit_items = zc_store_list_items (self->store, self->actor, &q, NULL);
}

static void
show_error (ZcOrderDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_kind_changed_cb (ZcOrderDialog *self)
{
  update_target (self);
  if (adw_combo_row_get_selected (self->kind_row) == KIND_ITEM && self->item == NULL)
    show_results (self);
}

static void
on_unit_changed_cb (ZcOrderDialog *self)
{
  /* An item of another unit is no longer the one chosen. */
  if (self->item != NULL && zc_item_get_unit_id (self->item) != selected_unit_id (self))
    g_clear_object (&self->item);
  load_unit_items (self);
  update_target (self);
  if (adw_combo_row_get_selected (self->kind_row) == KIND_ITEM && self->item == NULL)
    show_results (self);
}

static void
on_search_changed_cb (ZcOrderDialog *self)
{
  show_results (self);
}

static void
on_result_activated_cb (ZcOrderDialog *self,
                        GtkListBoxRow *row)
{
  choose_item (self, g_object_get_data (G_OBJECT (row), "zc-item"));
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_view));
}

static void
on_change_item_clicked_cb (ZcOrderDialog *self)
{
  choose_item (self, NULL);
  show_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_row));
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ZcOrderDialog *self = ZC_ORDER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcOrder) order = NULL;
  g_autofree char *reason = zc_inspector_text_view_get (self->reason_view);
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  gboolean about_item = adw_combo_row_get_selected (self->kind_row) == KIND_ITEM;

  order = zc_store_issue_order (self->store, self->actor,
                                about_item && self->item ? zc_record_get_id (ZC_RECORD (self->item))
                                                         : 0,
                                about_item ? 0 : selected_unit_id (self),
                                reason, *date ? date : NULL, &error);
  if (order == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_ISSUED], 0, order);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_order_dialog_dispose (GObject *object)
{
  ZcOrderDialog *self = ZC_ORDER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_ORDER_DIALOG);

  G_OBJECT_CLASS (zc_order_dialog_parent_class)->dispose (object);
}

static void
zc_order_dialog_finalize (GObject *object)
{
  ZcOrderDialog *self = ZC_ORDER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->item);
  g_clear_object (&self->units);
  g_clear_object (&self->unit_items);

  G_OBJECT_CLASS (zc_order_dialog_parent_class)->finalize (object);
}

static void
zc_order_dialog_class_init (ZcOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_order_dialog_dispose;
  object_class->finalize = zc_order_dialog_finalize;

  /**
   * ZcOrderDialog::issued:
   * @order: the order, as the core wrote it
   */
  signals[SIGNAL_ISSUED] =
    g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ZC_TYPE_ORDER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-order-dialog.ui");
  /* A dialog for screen readers, as the message dialogs are. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, search_row);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, reason_view);
  gtk_widget_class_bind_template_child (widget_class, ZcOrderDialog, date_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_item_clicked_cb);

  gtk_widget_class_install_action (widget_class, "order.issue", NULL, issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "order.issue", NULL);
}

static void
zc_order_dialog_init (ZcOrderDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("A rectification item"));
  gtk_string_list_append (kinds, _("A whole unit"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->reason_view), "changed",
                            G_CALLBACK (update_issue), self);
}

/* ---- public ------------------------------------------------------------------------------------- */

static char *
unit_name (ZcUnit *unit)
{
  return g_strdup (zc_unit_get_name (unit));
}

ZcOrderDialog *
zc_order_dialog_new (GtkWindow *parent,
                     ZcStore   *store,
                     ZcPerson  *actor,
                     ZcItem    *item)
{
  ZcOrderDialog *self;
  g_autofree char *today = NULL;
  g_autofree char *due = NULL;
  GtkExpression *expression;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);
  g_return_val_if_fail (item == NULL || ZC_IS_ITEM (item), NULL);

  self = g_object_new (ZC_TYPE_ORDER_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);

  self->units = zc_store_list_units (store);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (unit_name), NULL, NULL);
  adw_combo_row_set_expression (self->unit_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->unit_row, self->units);

  if (item != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (self->units); i++)
        {
          g_autoptr(ZcUnit) unit = g_list_model_get_item (self->units, i);

          if (zc_record_get_id (ZC_RECORD (unit)) == zc_item_get_unit_id (item))
            adw_combo_row_set_selected (self->unit_row, i);
        }
      self->item = g_object_ref (item);
    }
  load_unit_items (self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed_cb),
                            self);
  g_signal_connect_swapped (self->unit_row, "notify::selected", G_CALLBACK (on_unit_changed_cb),
                            self);

  today = zc_store_today (store);
  due = zc_date_add_days (today, DEFAULT_DAYS);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), due ? due : "");
  update_target (self);
  if (item == NULL)
    show_results (self);
  gtk_widget_grab_focus (item != NULL ? GTK_WIDGET (self->reason_view)
                                      : GTK_WIDGET (self->search_row));
  return self;
}
