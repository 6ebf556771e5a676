/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-format.h"
#include "zc-item-dialog.h"
#include "zc-item-pane.h"
#include "zc-lead-common.h"
#include "zc-light-badge.h"
#include "zc-progress-dialog.h"

struct _ZcItemPane
{
  GtkWidget       parent_instance;

  /* template children */
  GtkWidget      *root;
  GtkLabel       *title_label;
  GtkWidget      *light_badge;
  GtkScrolledWindow *scrolled;
  GtkLabel       *measure_label;
  GtkLabel       *problem_label;
  GtkWidget      *reject_box;
  GtkLabel       *reject_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *percent_label;
  GtkLabel       *progress_label;
  GtkWidget      *report_button;
  GtkWidget      *closeout_button;
  GtkWidget      *edit_button;
  GtkGrid        *facts_grid;
  GtkBox         *orders_box;
  GtkBox         *history_box;

  ZcStore        *store;
  ZcPerson       *actor;
  ZcItem         *item;
  GtkFileChooserNative *chooser;
};

enum {
  CHANGED,
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcItemPane, zc_item_pane, GTK_TYPE_WIDGET)

static void refresh (ZcItemPane *self);

/* ---- helpers -------------------------------------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
add_fact (ZcItemPane *self,
          int         row,
          const char *name,
          const char *value)
{
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *value_label = zc_lead_text_label (value);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (name_label), 0.0f);
  gtk_widget_add_css_class (name_label, "dim-label");
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_grid_attach (self->facts_grid, name_label, 0, row, 1, 1);
  gtk_grid_attach (self->facts_grid, value_label, 1, row, 1, 1);
}

static void
changed (ZcItemPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcItem) fresh = NULL;

  if (self->item == NULL)
    return;
  fresh = zc_store_get_item (self->store, self->actor, zc_record_get_id (ZC_RECORD (self->item)),
                             &error);
  if (fresh != NULL)
    g_set_object (&self->item, fresh);
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0, self->item);
}

/* ---- evidence ------------------------------------------------------------------------------- */

static void
on_evidence_chosen_cb (GtkNativeDialog *chooser,
                       int              response,
                       ZcItemPane      *self)
{
  ZcEvidence *evidence = g_object_get_data (G_OBJECT (chooser), "zc-evidence");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      bytes = zc_store_get_evidence_data (self->store, self->actor,
                                          zc_record_get_id (ZC_RECORD (evidence)), &error);
      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                    &error))
        zc_lead_error (GTK_WIDGET (self), _("The evidence file was not saved."), error);
      else
        zc_lead_toast (GTK_WIDGET (self), _("Evidence file saved"));
    }
  g_clear_object (&self->chooser);
}

static void
on_save_evidence_clicked_cb (GtkButton  *button,
                             ZcItemPane *self)
{
  ZcEvidence *evidence = g_object_get_data (G_OBJECT (button), "zc-evidence");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Evidence File"),
                                               zc_lead_parent (GTK_WIDGET (self)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     zc_evidence_get_filename (evidence));
  g_object_set_data_full (G_OBJECT (self->chooser), "zc-evidence", g_object_ref (evidence),
                          g_object_unref);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_evidence_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- supervision orders --------------------------------------------------------------------- */

typedef struct
{
  ZcStore     *store;
  ZcPerson    *actor;
  ZcOrder     *order;
  GtkTextView *view;
  GCallback    on_answered;
  gpointer     user_data;
} OrderCard;

static void
order_card_free (gpointer data)
{
  OrderCard *card = data;

  g_clear_object (&card->store);
  g_clear_object (&card->actor);
  g_clear_object (&card->order);
  g_free (card);
}

static void
on_answer_clicked_cb (GtkButton *button,
                      OrderCard *card)
{
  g_autofree char *answer = zc_lead_text_view_get (card->view);
  g_autoptr(GError) error = NULL;
  GtkWidget *widget = GTK_WIDGET (button);

  if (!zc_store_answer_order (card->store, card->actor, card->order, answer, &error))
    {
      zc_lead_error (widget, _("The answer was not sent."), error);
      return;
    }
  zc_lead_toast (widget, _("Your answer to the supervision order is recorded"));
  if (card->on_answered != NULL)
    ((void (*) (gpointer)) card->on_answered) (card->user_data);
}

static void
on_answer_changed_cb (GtkTextBuffer *buffer,
                      GtkWidget     *button)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  gtk_widget_set_sensitive (button, *text != '\0');
}

GtkWidget *
zc_order_card_new (ZcStore   *store,
                   ZcPerson  *actor,
                   ZcOrder   *order,
                   GCallback  on_answered,
                   gpointer   user_data)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading;
  GtkWidget *state;
  ZcOrderState order_state = zc_order_get_state (order);
  g_autofree char *issued = zc_format_date (zc_order_get_issued_date (order));
  g_autofree char *required = zc_format_date (zc_order_get_required_date (order));
  g_autofree char *heading_text = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "zc-order-card");

  if (zc_order_get_item_id (order) != 0)
    /* Translators: a supervision order on rectification item N, and when it was issued */
    heading_text = g_strdup_printf (_("Order on item %d, %s"), zc_order_get_item_number (order),
                                    issued ? issued : "");
  else
    /* Translators: a supervision order on the whole unit, and when it was issued */
    heading_text = g_strdup_printf (_("Order on the unit, %s"), issued ? issued : "");
  heading = gtk_label_new (heading_text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  state = gtk_label_new (zc_enum_label (ZC_TYPE_ORDER_STATE, order_state));
  gtk_widget_add_css_class (state, "zc-tag");
  gtk_widget_set_valign (state, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (header), state);
  gtk_box_append (GTK_BOX (card), header);

  gtk_box_append (GTK_BOX (card), zc_lead_text_label (zc_order_get_reason (order)));
  if (required != NULL)
    {
      /* Translators: the date by which a supervision order wants an answer */
      g_autofree char *text = g_strdup_printf (_("Answer by %s"), required);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (card), label);
    }

  if (zc_order_get_answer (order) != NULL)
    {
      GtkWidget *note = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_add_css_class (note, "zc-review-note");
      gtk_box_append (GTK_BOX (note), zc_lead_heading_label (_("Answer")));
      gtk_box_append (GTK_BOX (note), zc_lead_text_label (zc_order_get_answer (order)));
      gtk_box_append (GTK_BOX (card), note);
    }

  if (order_state == ZC_ORDER_STATE_ASSIGNED || order_state == ZC_ORDER_STATE_REMINDED)
    {
      OrderCard *data = g_new0 (OrderCard, 1);
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *frame = zc_lead_text_field_new (view, 72);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Send the _Answer"));
      g_autofree char *accessible = g_strdup_printf ("%s: %s", heading_text, _("your answer"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_box_append (GTK_BOX (card), frame);

      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_widget_set_sensitive (button, FALSE);
      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                        G_CALLBACK (on_answer_changed_cb), button);
      data->store = g_object_ref (store);
      data->actor = g_object_ref (actor);
      data->order = g_object_ref (order);
      data->view = GTK_TEXT_VIEW (view);
      data->on_answered = on_answered;
      data->user_data = user_data;
      g_signal_connect_data (button, "clicked", G_CALLBACK (on_answer_clicked_cb), data,
                             (GClosureNotify) (void (*) (void)) order_card_free, 0);
      gtk_box_append (GTK_BOX (card), button);
    }
  return card;
}

static void
on_order_answered (gpointer user_data)
{
  changed (ZC_ITEM_PANE (user_data));
}

/* ---- filling -------------------------------------------------------------------------------- */

static void
fill_facts (ZcItemPane *self)
{
  ZcItem *item = self->item;
  g_autofree char *today = zc_store_today (self->store);
  g_autofree char *deadline = zc_lead_item_deadline (item, today, TRUE);
  g_autofree char *start = zc_format_date (zc_item_get_start_date (item));
  g_autofree char *evidence = NULL;
  const char *state_text = zc_enum_label (ZC_TYPE_ITEM_STATE, zc_item_get_state (item));
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);

  add_fact (self, row++, _("State"), state_text);
  add_fact (self, row++, _("Term type"),
            zc_enum_label (ZC_TYPE_TERM_TYPE, zc_item_get_term_type (item)));
  add_fact (self, row++, _("Deadline"), deadline);
  add_fact (self, row++, _("Started"), start);
  add_fact (self, row++, _("Responsible leader"),
            zc_lead_coalesce (zc_item_get_leader_name (item), zc_item_get_leader_text (item)));
  add_fact (self, row++, _("Responsible unit"),
            zc_lead_coalesce (zc_item_get_unit_name (item), zc_item_get_unit_text (item)));
  add_fact (self, row++, _("Responsible person"),
            zc_lead_coalesce (zc_item_get_person_name (item), zc_item_get_person_text (item)));
  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d file", "%d files",
                                           zc_item_get_evidence_count (item)),
                              zc_item_get_evidence_count (item));
  add_fact (self, row++, _("Evidence"), evidence);
  if (zc_item_get_closed_at (item) != NULL)
    {
      g_autofree char *closed = zc_lead_format_day (zc_item_get_closed_at (item));

      add_fact (self, row++, _("Closed out"), closed);
      if (zc_item_get_close_note (item) != NULL)
        add_fact (self, row++, _("Verification note"), zc_item_get_close_note (item));
    }
}

static void
fill_orders (ZcItemPane *self)
{
  g_autoptr(GListModel) orders = zc_store_list_orders (self->store, self->actor,
                                                       zc_item_get_unit_id (self->item), FALSE,
                                                       NULL);
  gint64 item_id = zc_record_get_id (ZC_RECORD (self->item));
  guint shown = 0;

  clear_box (self->orders_box);
  for (guint i = 0; orders != NULL && i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(ZcOrder) order = g_list_model_get_item (orders, i);

      if (zc_order_get_item_id (order) != item_id)
        continue;
      if (shown++ == 0)
        gtk_box_append (self->orders_box, zc_lead_heading_label (_("Supervision orders")));
      gtk_box_append (self->orders_box,
                      zc_order_card_new (self->store, self->actor, order,
                                         G_CALLBACK (on_order_answered), self));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->orders_box), shown > 0);
}

static void
fill_history (ZcItemPane *self)
{
  g_autoptr(GListModel) reports = zc_store_list_progress (self->store, self->actor,
                                                          zc_record_get_id (ZC_RECORD (self->item)),
                                                          NULL);
  guint n = reports ? g_list_model_get_n_items (reports) : 0;

  clear_box (self->history_box);
  gtk_box_append (self->history_box, zc_lead_heading_label (_("Progress reports")));
  if (n == 0)
    {
      GtkWidget *none = gtk_label_new (_("No progress reported yet."));

      gtk_label_set_xalign (GTK_LABEL (none), 0.0f);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->history_box, none);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcProgress) report = g_list_model_get_item (reports, i);
      GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *day = zc_format_date (zc_progress_get_date (report));
      g_autofree char *line = NULL;

      /* Translators: a progress report: date, author, percentage */
      line = g_strdup_printf (_("%s · %s · %d%%"), day ? day : "",
                              zc_progress_get_author_name (report)
                                ? zc_progress_get_author_name (report) : "",
                              zc_progress_get_percent (report));
      gtk_box_append (GTK_BOX (block), zc_lead_heading_label (line));
      gtk_box_append (GTK_BOX (block), zc_lead_text_label (zc_progress_get_text (report)));
      if (zc_progress_get_evidence_count (report) > 0)
        {
          g_autoptr(GListModel) files = zc_store_list_evidence (self->store, self->actor,
                                                                zc_record_get_id (ZC_RECORD (report)),
                                                                NULL);

          for (guint k = 0; files != NULL && k < g_list_model_get_n_items (files); k++)
            {
              g_autoptr(ZcEvidence) evidence = g_list_model_get_item (files, k);
              GtkWidget *button = gtk_button_new ();
              GtkWidget *content = adw_button_content_new ();
              g_autofree char *accessible = NULL;

              adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                                "mail-attachment-symbolic");
              adw_button_content_set_label (ADW_BUTTON_CONTENT (content),
                                            zc_evidence_get_filename (evidence));
              gtk_button_set_child (GTK_BUTTON (button), content);
              gtk_widget_add_css_class (button, "flat");
              gtk_widget_set_halign (button, GTK_ALIGN_START);
              /* Translators: the accessible name of an evidence file's button */
              accessible = g_strdup_printf (_("Save the evidence file %s"),
                                            zc_evidence_get_filename (evidence));
              gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
              gtk_widget_set_tooltip_text (button, accessible);
              g_object_set_data_full (G_OBJECT (button), "zc-evidence", g_object_ref (evidence),
                                      g_object_unref);
              g_signal_connect (button, "clicked", G_CALLBACK (on_save_evidence_clicked_cb), self);
              gtk_box_append (GTK_BOX (block), button);
            }
        }
      gtk_box_append (self->history_box, block);
    }
}

static void
refresh (ZcItemPane *self)
{
  ZcItem *item = self->item;
  ZcItemState state;
  g_autofree char *title = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *percent = NULL;
  gboolean is_lead;

  if (item == NULL)
    return;
  state = zc_item_get_state (item);
  is_lead = (zc_person_get_roles (self->actor) & ZC_ROLE_LEAD) &&
            zc_person_get_unit_id (self->actor) == zc_item_get_unit_id (item);

  /* Translators: the title of an item's details: its number in the ledger */
  title = g_strdup_printf (_("Item %d"), zc_item_get_number (item));
  gtk_label_set_text (self->title_label, title);
  zc_light_badge_set (self->light_badge, zc_item_get_light (item));
  gtk_label_set_text (self->measure_label, zc_item_get_measure (item));
  /* Translators: the problem a rectification item answers */
  problem = g_strdup_printf (_("Problem: %s"), zc_item_get_problem_text (item)
                                                 ? zc_item_get_problem_text (item) : "");
  gtk_label_set_text (self->problem_label, problem);

  gtk_widget_set_visible (self->reject_box, zc_item_get_reject_reason (item) != NULL &&
                                            state == ZC_ITEM_STATE_IN_PROGRESS);
  gtk_label_set_text (self->reject_label, zc_item_get_reject_reason (item)
                                            ? zc_item_get_reject_reason (item) : "");

  gtk_progress_bar_set_fraction (self->progress_bar, zc_item_get_progress (item) / 100.0);
  /* Translators: a percentage */
  percent = g_strdup_printf (_("%d%%"), zc_item_get_progress (item));
  gtk_label_set_text (self->percent_label, percent);
  gtk_label_set_text (self->progress_label, zc_item_get_progress_text (item)
                                              ? zc_item_get_progress_text (item) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label),
                          zc_item_get_progress_text (item) != NULL);

  gtk_widget_set_visible (self->report_button,
                          state == ZC_ITEM_STATE_PLANNED || state == ZC_ITEM_STATE_IN_PROGRESS);
  gtk_widget_set_visible (self->closeout_button, state == ZC_ITEM_STATE_IN_PROGRESS);
  gtk_widget_set_visible (self->edit_button, state == ZC_ITEM_STATE_PLANNED && is_lead);

  fill_facts (self);
  fill_orders (self);
  fill_history (self);
}

/* ---- signal callbacks ----------------------------------------------------------------------- */

static void
on_close_clicked_cb (ZcItemPane *self)
{
  g_signal_emit (self, signals[CLOSE], 0);
}

static void
on_reported_cb (GtkWidget  *dialog,
                ZcProgress *progress,
                ZcItemPane *self)
{
  changed (self);
}

static void
on_report_clicked_cb (ZcItemPane *self)
{
  GtkWidget *dialog;

  if (self->item == NULL)
    return;
  dialog = zc_progress_dialog_new (zc_lead_parent (GTK_WIDGET (self)), self->store, self->actor,
                                   self->item);
  g_signal_connect_object (dialog, "reported", G_CALLBACK (on_reported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_closeout_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         ZcItemPane       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "ask") || self->item == NULL)
    return;
  if (!zc_store_request_closeout (self->store, self->actor, self->item, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The close-out was not asked for."), error);
      return;
    }
  /* Translators: a toast; %d is the item's number */
  message = g_strdup_printf (_("Item %d awaits an inspector’s close-out"),
                             zc_item_get_number (self->item));
  zc_lead_toast (GTK_WIDGET (self), message);
  changed (self);
}

static void
on_closeout_clicked_cb (ZcItemPane *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->item == NULL)
    return;
  /* Translators: %d is the item's number in the ledger */
  heading = g_strdup_printf (_("Ask for the Close-out of Item %d?"),
                             zc_item_get_number (self->item));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (zc_lead_parent (GTK_WIDGET (self)),
                                                       heading,
                                                       _("An inspector checks the progress and "
                                                         "the evidence, then closes the item "
                                                         "out (销号) or sends it back with a "
                                                         "reason. Until then no more progress "
                                                         "can be reported.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "ask", _("_Ask for Close-out"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "ask", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ask");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_closeout_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_item_saved_cb (GtkWidget  *dialog,
                  ZcItem     *item,
                  gboolean    created,
                  ZcItemPane *self)
{
  changed (self);
}

static void
on_edit_clicked_cb (ZcItemPane *self)
{
  GtkWidget *dialog;

  if (self->item == NULL)
    return;
  dialog = zc_item_dialog_new (zc_lead_parent (GTK_WIDGET (self)), self->store, self->actor, 0,
                               NULL, self->item);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_item_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_item_pane_dispose (GObject *object)
{
  ZcItemPane *self = ZC_ITEM_PANE (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_ITEM_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (zc_item_pane_parent_class)->dispose (object);
}

static void
zc_item_pane_class_init (ZcItemPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_item_pane_dispose;

  /**
   * ZcItemPane::changed:
   * @item: the item as it is now
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, ZC_TYPE_ITEM);
  /**
   * ZcItemPane::close:
   *
   * The person closed the details.
   */
  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-item-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, root);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, light_badge);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, measure_label);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, reject_box);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, reject_label);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, percent_label);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, report_button);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, closeout_button);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, orders_box);
  gtk_widget_class_bind_template_child (widget_class, ZcItemPane, history_box);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_closeout_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked_cb);
}

static void
zc_item_pane_init (ZcItemPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_item_pane_new (void)
{
  return g_object_new (ZC_TYPE_ITEM_PANE, NULL);
}

void
zc_item_pane_set_item (ZcItemPane *self,
                       ZcStore    *store,
                       ZcPerson   *actor,
                       ZcItem     *item)
{
  gboolean other;

  g_return_if_fail (ZC_IS_ITEM_PANE (self));
  g_return_if_fail (item == NULL || ZC_IS_STORE (store));

  other = item == NULL || self->item == NULL ||
          zc_record_get_id (ZC_RECORD (item)) != zc_record_get_id (ZC_RECORD (self->item));
  g_set_object (&self->store, store);
  g_set_object (&self->actor, actor);
  g_set_object (&self->item, item);
  refresh (self);
  if (other)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

ZcItem *
zc_item_pane_get_item (ZcItemPane *self)
{
  g_return_val_if_fail (ZC_IS_ITEM_PANE (self), NULL);

  return self->item;
}
