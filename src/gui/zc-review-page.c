/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-form-view.h"
#include "zc-lead-common.h"
#include "zc-review-page.h"

struct _ZcReviewPage
{
  GtkWidget       parent_instance;

  /* template children */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  AdwLeaflet     *leaflet;
  GtkLabel       *queue_heading;
  GtkListBox     *queue_list;
  GtkWidget      *back_bar;
  ZcFormView     *form_view;
  GtkWidget      *own_form_notice;
  GtkWidget      *approve_button;
  GtkWidget      *return_button;

  ZcStore        *store;
  ZcPerson       *actor;
  GListModel     *queue;
  GtkTextView    *comment_view;   /* of the open decision dialog */
  guint           folded_id;
};

enum {
  REVIEWED,
  SHOW_PARTICIPATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcReviewPage, zc_review_page, GTK_TYPE_WIDGET)

/* ---- helpers -------------------------------------------------------------------------------- */

static ZcForm *
selected_form (ZcReviewPage *self)
{
  return self->form_view ? zc_form_view_get_form (self->form_view) : NULL;
}

/* 亲自查、查自己: a lead reviews others only after submitting their own form. */
static gboolean
own_form_done (ZcReviewPage *self)
{
  g_autoptr(ZcForm) own = NULL;
  ZcFormState state;

  if (zc_person_get_roles (self->actor) & ZC_ROLE_INSPECTOR ||
      !(zc_person_get_roles (self->actor) & ZC_ROLE_LEAD))
    return TRUE;
  own = zc_store_get_form_of (self->store, self->actor,
                              zc_record_get_id (ZC_RECORD (self->actor)), NULL);
  if (own == NULL)
    return FALSE;
  state = zc_form_get_state (own);
  return state == ZC_FORM_STATE_SUBMITTED || state == ZC_FORM_STATE_APPROVED;
}

static GtkWidget *
queue_row (ZcForm *form)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *submitted = zc_lead_format_day (zc_form_get_submitted_at (form));
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  guint n = (guint) zc_form_get_finding_count (form);

  /* People's words are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n), n);
  subtitle = g_strjoin (" · ", zc_form_get_unit_name (form), count, submitted, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_form_get_person_name (form));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "zc-form", g_object_ref (form), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, zc_form_get_person_name (form),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

static void
show_form (ZcReviewPage *self,
           ZcForm       *form)
{
  g_autoptr(GError) error = NULL;
  gboolean may_decide;

  if (!zc_form_view_set_form (self->form_view, self->store, self->actor, form, form != NULL,
                              &error))
    zc_lead_error (GTK_WIDGET (self), _("The form could not be opened."), error);

  may_decide = form != NULL && own_form_done (self);
  gtk_widget_set_visible (self->own_form_notice, form != NULL && !may_decide);
  gtk_widget_set_sensitive (self->approve_button, may_decide);
  gtk_widget_set_sensitive (self->return_button, may_decide);
}

static void
update_heading (ZcReviewPage *self)
{
  guint n = self->queue ? g_list_model_get_n_items (self->queue) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u form waiting for review",
                                                        "%u forms waiting for review", n), n);

  gtk_label_set_text (self->queue_heading, text);
}

static gboolean
select_row (ZcReviewPage *self,
            gint64        form_id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->queue_list, i);
      ZcForm *form;

      if (row == NULL)
        return FALSE;
      form = g_object_get_data (G_OBJECT (row), "zc-form");
      if (zc_record_get_id (ZC_RECORD (form)) == form_id)
        {
          gtk_list_box_select_row (self->queue_list, row);
          return TRUE;
        }
    }
}

/* ---- decisions ------------------------------------------------------------------------------ */

static void
after_decision (ZcReviewPage *self,
                ZcForm       *form,
                const char   *message)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->queue_list);
  int index = row ? gtk_list_box_row_get_index (row) : 0;
  g_autoptr(ZcForm) decided = g_object_ref (form);

  zc_lead_toast (GTK_WIDGET (self), message);
  zc_review_page_reload (self);
  /* Go on with the next form in the queue. */
  if (self->queue != NULL && g_list_model_get_n_items (self->queue) > 0)
    {
      GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->queue_list,
                                                           MIN ((guint) index,
                                                                g_list_model_get_n_items (self->queue) - 1));

      gtk_list_box_select_row (self->queue_list, next);
    }
  g_signal_emit (self, signals[REVIEWED], 0, decided);
}

static void
on_decision_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         ZcReviewPage     *self)
{
  ZcForm *form = g_object_get_data (G_OBJECT (dialog), "zc-form");
  g_autofree char *comment = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (self->comment_view != NULL)
    comment = zc_lead_text_view_get (self->comment_view);
  self->comment_view = NULL;

  /* The comments typed on the problems go with the decision. */
  if ((g_str_equal (response, "approve") || g_str_equal (response, "return")) &&
      !zc_form_view_save_comments (self->form_view, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The comment was not saved."), error);
      return;
    }

  if (g_str_equal (response, "approve"))
    {
      if (!zc_store_approve_form (self->store, self->actor, form, comment, &error))
        {
          zc_lead_error (GTK_WIDGET (self), _("The form was not approved."), error);
          return;
        }
      /* Translators: a toast; %s is a person's name */
      message = g_strdup_printf (_("%s’s form is approved"), zc_form_get_person_name (form));
      after_decision (self, form, message);
    }
  else if (g_str_equal (response, "return"))
    {
      if (!zc_store_return_form (self->store, self->actor, form, comment, &error))
        {
          zc_lead_error (GTK_WIDGET (self), _("The form was not returned."), error);
          return;
        }
      /* Translators: a toast; %s is a person's name */
      message = g_strdup_printf (_("%s’s form is returned for revision"),
                                 zc_form_get_person_name (form));
      after_decision (self, form, message);
    }
}

static void
on_comment_changed_cb (GtkTextBuffer    *buffer,
                       AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  adw_message_dialog_set_response_enabled (dialog, "return", *text != '\0');
}

static void
ask_decision (ZcReviewPage *self,
              gboolean      approve)
{
  ZcForm *form = selected_form (self);
  AdwMessageDialog *dialog;
  GtkWidget *frame;
  GtkWidget *view;
  g_autofree char *body = NULL;

  if (form == NULL)
    return;

  if (approve)
    {
      /* Translators: %s is a person's name */
      body = g_strdup_printf (_("%s’s problems go into the unit’s problem list. You may add "
                                "a comment for them."), zc_form_get_person_name (form));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (zc_lead_parent (GTK_WIDGET (self)),
                                                           _("Approve This Form?"), body));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "approve", _("_Approve"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "approve");
    }
  else
    {
      /* Translators: %s is a person's name */
      body = g_strdup_printf (_("%s gets the form back to revise it and submit it again. Say "
                                "what needs to change."), zc_form_get_person_name (form));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (zc_lead_parent (GTK_WIDGET (self)),
                                                           _("Return This Form?"), body));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "return", _("_Return"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "return", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_enabled (dialog, "return", FALSE);
      adw_message_dialog_set_default_response (dialog, "cancel");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");

  view = gtk_text_view_new ();
  frame = zc_lead_text_field_new (view, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  approve ? _("Comment (optional)") : _("What needs to change"),
                                  -1);
  if (!approve)
    g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                      G_CALLBACK (on_comment_changed_cb), dialog);
  adw_message_dialog_set_extra_child (dialog, frame);
  self->comment_view = GTK_TEXT_VIEW (view);

  g_object_set_data_full (G_OBJECT (dialog), "zc-form", g_object_ref (form), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_decision_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* ---- signal callbacks ----------------------------------------------------------------------- */

static void
on_approve_clicked_cb (ZcReviewPage *self)
{
  ask_decision (self, TRUE);
}

static void
on_return_clicked_cb (ZcReviewPage *self)
{
  ask_decision (self, FALSE);
}

static void
on_row_selected_cb (ZcReviewPage  *self,
                    GtkListBoxRow *row)
{
  ZcForm *form = row ? g_object_get_data (G_OBJECT (row), "zc-form") : NULL;
  ZcForm *shown = selected_form (self);

  /* The template is going away. */
  if (self->form_view == NULL)
    return;
  /* A submitted form does not change while it waits: keep what is shown (and the comments
   * being typed) when the queue reloads. */
  if (form != NULL &&
      (shown == NULL || zc_record_get_id (ZC_RECORD (shown)) != zc_record_get_id (ZC_RECORD (form))))
    show_form (self, form);
}

static void
on_row_activated_cb (ZcReviewPage  *self,
                     GtkListBoxRow *row)
{
  on_row_selected_cb (self, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (ZcReviewPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
update_folded_cb (gpointer user_data)
{
  ZcReviewPage *self = user_data;

  self->folded_id = 0;
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is allocated: the back bar changes after that. */
static void
on_folded_cb (ZcReviewPage *self)
{
  if (self->folded_id == 0)
    self->folded_id = g_idle_add (update_folded_cb, self);
}

static void
on_participation_clicked_cb (ZcReviewPage *self)
{
  g_signal_emit (self, signals[SHOW_PARTICIPATION], 0);
}

static void
on_map_cb (ZcReviewPage *self)
{
  zc_review_page_reload (self);
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_review_page_dispose (GObject *object)
{
  ZcReviewPage *self = ZC_REVIEW_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->folded_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_REVIEW_PAGE);
  /* The template's top widget, which has no id to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (zc_review_page_parent_class)->dispose (object);
}

static void
zc_review_page_class_init (ZcReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_review_page_dispose;

  /**
   * ZcReviewPage::reviewed:
   * @form: the form just approved or returned
   *
   * Emitted after a decision on a form, so that other pages can show it.
   */
  signals[REVIEWED] = g_signal_new ("reviewed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZC_TYPE_FORM);
  /**
   * ZcReviewPage::show-participation:
   *
   * The person asked to see who has taken part (from the empty queue).
   */
  signals[SHOW_PARTICIPATION] = g_signal_new ("show-participation", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 0);

  g_type_ensure (ZC_TYPE_FORM_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, queue_heading);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, form_view);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, own_form_notice);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewPage, return_button);
  gtk_widget_class_bind_template_callback (widget_class, on_approve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_return_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_participation_clicked_cb);
}

static void
zc_review_page_init (ZcReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_review_page_new (ZcStore  *store,
                    ZcPerson *actor)
{
  ZcReviewPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_REVIEW_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);

  if (zc_person_get_roles (actor) & ZC_ROLE_LEAD)
    adw_status_page_set_description (self->empty_page,
                                     _("When members of your unit submit their self-inspection "
                                       "forms, they wait here for you to read, comment on, "
                                       "approve or return."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("When the leads of the units in your charge submit their "
                                       "self-inspection forms, they wait here for you to read, "
                                       "comment on, approve or return."));
  zc_review_page_reload (self);
  return GTK_WIDGET (self);
}

void
zc_review_page_reload (ZcReviewPage *self)
{
  ZcForm *shown;
  gint64 shown_id;
  guint n;

  g_return_if_fail (ZC_IS_REVIEW_PAGE (self));

  shown = selected_form (self);
  shown_id = shown ? zc_record_get_id (ZC_RECORD (shown)) : 0;

  g_clear_object (&self->queue);
  self->queue = zc_store_list_review_queue (self->store, self->actor);
  n = g_list_model_get_n_items (self->queue);

  zc_lead_list_box_clear (self->queue_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcForm) form = g_list_model_get_item (self->queue, i);

      gtk_list_box_append (self->queue_list, queue_row (form));
    }
  update_heading (self);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "queue" : "empty");
  if (n == 0)
    {
      show_form (self, NULL);
      return;
    }
  if (shown_id == 0 || !select_row (self, shown_id))
    {
      /* The form shown was decided elsewhere: show the first one. */
      show_form (self, NULL);
      gtk_list_box_select_row (self->queue_list, gtk_list_box_get_row_at_index (self->queue_list, 0));
    }
}

gboolean
zc_review_page_select_form (ZcReviewPage *self,
                            gint64        form_id)
{
  g_return_val_if_fail (ZC_IS_REVIEW_PAGE (self), FALSE);

  if (!select_row (self, form_id))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

guint
zc_review_page_get_n_forms (ZcReviewPage *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_PAGE (self), 0);

  return self->queue ? g_list_model_get_n_items (self->queue) : 0;
}
