/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-form-view.h"
#include "zc-inspector-common.h"
#include "zc-lead-common.h"
#include "zc-participation-page.h"

#define N_STATES (ZC_FORM_STATE_APPROVED + 1)

struct _ZcParticipationPage
{
  GtkWidget        parent_instance;

  /* template children */
  GtkLabel        *summary_label;
  GtkFlowBox      *filter_box;
  GtkBox          *groups_box;

  GtkToggleButton *filter_buttons[N_STATES + 1];   /* the last one: everyone */
  GtkLabel        *filter_counts[N_STATES + 1];

  GtkSearchEntry  *search_entry;

  ZcStore         *store;
  ZcPerson        *actor;
  GListModel      *people;                         /* ZcForm, one per person */
  gint64           read_at;                        /* zc_store_get_last_change () then */
  int              filter;                         /* -1: everyone */
  char            *search;                         /* casefolded, NULL: no search */

  /* Reading runs in a thread; the rows are then added a batch at a time so that a unit of
   * several hundred people never holds the window up. */
  GCancellable    *cancellable;
  gboolean         loading;
  guint            build_source;
  guint            build_position;
  GtkWidget       *build_group;
  gint64           build_unit;
  guint            shown;
};

/* Rows added to the page per main-loop turn. */
#define ROWS_PER_BATCH 80

enum {
  REVIEW_FORM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcParticipationPage, zc_participation_page, GTK_TYPE_WIDGET)

/* The order people think of it: who has not begun first. */
static const ZcFormState state_order[] = {
  ZC_FORM_STATE_NOT_STARTED,
  ZC_FORM_STATE_DRAFT,
  ZC_FORM_STATE_SUBMITTED,
  ZC_FORM_STATE_RETURNED,
  ZC_FORM_STATE_APPROVED,
};

/* ---- helpers -------------------------------------------------------------------------------- */

static void
open_form (ZcParticipationPage *self,
           ZcForm              *form)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) full = zc_store_get_form (self->store, self->actor,
                                              zc_record_get_id (ZC_RECORD (form)), &error);
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *view;

  if (full == NULL)
    {
      zc_lead_error (GTK_WIDGET (self), _("The form could not be opened."), error);
      return;
    }
  if (zc_form_get_state (full) == ZC_FORM_STATE_SUBMITTED &&
      zc_store_can_review (self->store, self->actor, full))
    {
      g_signal_emit (self, signals[REVIEW_FORM], 0, full);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), zc_form_get_person_name (full));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), zc_lead_parent (GTK_WIDGET (self)));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  gtk_widget_set_size_request (window, 360, 294);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  view = zc_form_view_new ();
  gtk_widget_set_vexpand (view, TRUE);
  if (!zc_form_view_set_form (ZC_FORM_VIEW (view), self->store, self->actor, full, FALSE,
                              &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The form could not be opened."), error);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_row_activated_cb (AdwActionRow        *row,
                     ZcParticipationPage *self)
{
  ZcForm *form = g_object_get_data (G_OBJECT (row), "zc-form");

  open_form (self, form);
}

static GtkWidget *
person_row (ZcParticipationPage *self,
            ZcForm              *form)
{
  GtkWidget *row = adw_action_row_new ();
  ZcFormState state = zc_form_get_state (form);
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;
  g_autofree char *day = NULL;
  g_autofree char *accessible = NULL;
  guint n = (guint) zc_form_get_finding_count (form);
  gboolean readable = state != ZC_FORM_STATE_NOT_STARTED && state != ZC_FORM_STATE_DRAFT;

  /* People's words are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (state != ZC_FORM_STATE_NOT_STARTED)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n), n);
  if (state == ZC_FORM_STATE_SUBMITTED)
    {
      g_autofree char *date = zc_lead_format_day (zc_form_get_submitted_at (form));

      /* Translators: when a form was submitted */
      day = date ? g_strdup_printf (_("submitted %s"), date) : NULL;
    }
  else if (state == ZC_FORM_STATE_APPROVED || state == ZC_FORM_STATE_RETURNED)
    {
      g_autofree char *date = zc_lead_format_day (zc_form_get_reviewed_at (form));

      /* Translators: when a form was approved or returned */
      day = date ? g_strdup_printf (_("reviewed %s"), date) : NULL;
    }
  subtitle = g_strjoin (" · ", zc_form_get_staff_code (form), count ? count : day,
                        count ? day : NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_form_get_person_name (form));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), zc_lead_form_state_badge (state));
  /* Translators: the accessible name of a person's row: name, then the form's state */
  accessible = g_strdup_printf (_("%s: %s"), zc_form_get_person_name (form),
                                zc_enum_label (ZC_TYPE_FORM_STATE, state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (readable)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "zc-form", g_object_ref (form), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
    }
  return row;
}

static gboolean
matches (ZcParticipationPage *self,
         ZcForm              *form)
{
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  if (self->filter >= 0 && (int) zc_form_get_state (form) != self->filter)
    return FALSE;
  if (self->search == NULL)
    return TRUE;
  name = g_utf8_casefold (zc_form_get_person_name (form), -1);
  code = g_utf8_casefold (zc_form_get_staff_code (form) ? zc_form_get_staff_code (form) : "", -1);
  return strstr (name, self->search) != NULL || strstr (code, self->search) != NULL;
}

static void
clear_groups (ZcParticipationPage *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->build_source, g_source_remove);
  self->build_position = 0;
  self->build_group = NULL;
  self->build_unit = -1;
  self->shown = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static void
show_status (ZcParticipationPage *self,
             const char          *icon,
             const char          *title,
             const char          *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_add_css_class (status, "compact");
  gtk_box_append (self->groups_box, status);
}

/* Adds the next batch of rows; FALSE once every person is on the page. */
static gboolean
build_batch (ZcParticipationPage *self)
{
  guint n = self->people ? g_list_model_get_n_items (self->people) : 0;
  guint added = 0;

  while (self->build_position < n && added < ROWS_PER_BATCH)
    {
      g_autoptr(ZcForm) form = g_list_model_get_item (self->people, self->build_position++);

      if (!matches (self, form))
        continue;
      if (self->build_group == NULL || zc_form_get_unit_id (form) != self->build_unit)
        {
          self->build_group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->build_group),
                                           zc_form_get_unit_name (form));
          self->build_unit = zc_form_get_unit_id (form);
          gtk_box_append (self->groups_box, self->build_group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->build_group),
                                 person_row (self, form));
      added++;
      self->shown++;
    }
  if (self->build_position < n)
    return TRUE;

  if (self->shown == 0)
    {
      if (n == 0)
        show_status (self, "system-users-symbolic", _("No One Here"),
                     _("No people are listed for your unit yet. The discipline inspection "
                       "office adds them when it sets up the campaign."));
      else if (self->search != NULL)
        show_status (self, "edit-find-symbolic", _("No One Found"),
                     _("No one’s name or staff code contains this text."));
      else
        show_status (self, "system-users-symbolic", _("No One Here"),
                     _("No one’s form is in this state. Choose another state above to see "
                       "the others."));
    }
  return FALSE;
}

static gboolean
on_build_batch_cb (gpointer data)
{
  ZcParticipationPage *self = data;

  if (build_batch (self))
    return G_SOURCE_CONTINUE;
  self->build_source = 0;
  return G_SOURCE_REMOVE;
}

static void
rebuild_groups (ZcParticipationPage *self)
{
  clear_groups (self);
  /* The first batch at once, so that a small unit shows without a flicker. */
  if (build_batch (self))
    self->build_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_build_batch_cb, self, NULL);
}

static void
update_counts (ZcParticipationPage *self)
{
  guint counts[N_STATES] = { 0 };
  guint n = self->people ? g_list_model_get_n_items (self->people) : 0;
  guint done;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcForm) form = g_list_model_get_item (self->people, i);

      counts[zc_form_get_state (form)]++;
    }
  for (guint i = 0; i < N_STATES; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", counts[i]);
      g_autofree char *accessible = g_strdup_printf ("%s: %u",
                                                     zc_enum_label (ZC_TYPE_FORM_STATE, i),
                                                     counts[i]);

      gtk_label_set_text (self->filter_counts[i], text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
  {
    g_autofree char *text = g_strdup_printf ("%u", n);

    gtk_label_set_text (self->filter_counts[N_STATES], text);
  }

  done = counts[ZC_FORM_STATE_SUBMITTED] + counts[ZC_FORM_STATE_APPROVED];
  /* Translators: the participation summary; submitted includes approved */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u person has submitted a self-inspection form.",
                                          "%u of %u people have submitted a self-inspection form.",
                                          n),
                             done, n);
  gtk_label_set_text (self->summary_label, summary);
}

static void
on_filter_toggled_cb (GtkToggleButton     *button,
                      ZcParticipationPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->filter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zc-state"));
  rebuild_groups (self);
}

static void
add_filter_button (ZcParticipationPage *self,
                   guint                slot,
                   int                  state,
                   const char          *label)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *count = gtk_label_new ("0");
  GtkWidget *caption = gtk_label_new (label);

  gtk_widget_add_css_class (count, "title-3");
  gtk_widget_add_css_class (caption, "caption");
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "zc-count-button");
  if (state >= 0)
    gtk_widget_add_css_class (button, state == ZC_FORM_STATE_NOT_STARTED ? "zc-count-warning"
                                      : state == ZC_FORM_STATE_RETURNED ? "zc-count-warning"
                                      : "zc-count-plain");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, label);
  g_object_set_data (G_OBJECT (button), "zc-state", GINT_TO_POINTER (state));
  if (slot != N_STATES)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->filter_buttons[N_STATES]);
  g_signal_connect (button, "toggled", G_CALLBACK (on_filter_toggled_cb), self);

  self->filter_buttons[slot] = GTK_TOGGLE_BUTTON (button);
  self->filter_counts[slot] = GTK_LABEL (count);
  gtk_flow_box_append (self->filter_box, button);
  /* The flow box's own children are not to be focused: the buttons are. */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
}

static void
on_map_cb (ZcParticipationPage *self)
{
  /* Shown again with nothing written since it was read: it is as it was. */
  if (self->people != NULL && !self->loading &&
      self->read_at == zc_store_get_last_change (self->store))
    return;
  zc_participation_page_reload (self);
}

/* ---- reading in a thread ------------------------------------------------------------------- */

/* The unit the actor leads and the units in charge: an inspector who also leads a unit
 * reviews that unit here, and follows the others on the dashboard. */
static gpointer
load_people (ZcStore       *store,
             ZcPerson      *actor,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GArray) units = zc_store_units_looked_after (store, actor);
  g_autoptr(GListStore) people = g_list_store_new (ZC_TYPE_FORM);

  for (guint i = 0; i < units->len; i++)
    {
      g_autoptr(GListModel) of_unit = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      of_unit = zc_store_list_participation (store, actor, g_array_index (units, gint64, i),
                                             error);
      if (of_unit == NULL)
        return NULL;
      for (guint j = 0; j < g_list_model_get_n_items (of_unit); j++)
        {
          g_autoptr(GObject) form = g_list_model_get_item (of_unit, j);

          g_list_store_append (people, form);
        }
    }
  return g_steal_pointer (&people);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GListModel *people = zc_inspector_load_finish (result, &error);
  ZcParticipationPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* A newer reading replaced this one, or the page is gone. */
    return;
  self = ZC_PARTICIPATION_PAGE (user_data);
  self->loading = FALSE;
  g_clear_object (&self->cancellable);
  if (people == NULL)
    {
      clear_groups (self);
      zc_lead_error (GTK_WIDGET (self), _("Who has taken part could not be read."), error);
      return;
    }
  g_clear_object (&self->people);
  self->people = people;
  update_counts (self);
  rebuild_groups (self);
}

static void
on_search_changed_cb (ZcParticipationPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped)
    self->search = g_utf8_casefold (stripped, -1);
  if (self->people != NULL)
    rebuild_groups (self);
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ZC_PARTICIPATION_PAGE (widget)->search_entry));
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_participation_page_dispose (GObject *object)
{
  ZcParticipationPage *self = ZC_PARTICIPATION_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_PARTICIPATION_PAGE);
  /* The template's top widget, which has no id to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->build_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->people);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (zc_participation_page_parent_class)->dispose (object);
}

static void
zc_participation_page_class_init (ZcParticipationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_participation_page_dispose;

  /**
   * ZcParticipationPage::review-form:
   * @form: a submitted form the actor may review
   *
   * The person asked to open a form that waits for their review.
   */
  signals[REVIEW_FORM] = g_signal_new ("review-form", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, ZC_TYPE_FORM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-participation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcParticipationPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ZcParticipationPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, ZcParticipationPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, ZcParticipationPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);
}

static void
zc_participation_page_init (ZcParticipationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = -1;
  self->build_unit = -1;
  add_filter_button (self, N_STATES, -1, _("Everyone"));
  for (guint i = 0; i < G_N_ELEMENTS (state_order); i++)
    add_filter_button (self, state_order[i], state_order[i],
                       zc_enum_label (ZC_TYPE_FORM_STATE, state_order[i]));
  gtk_toggle_button_set_active (self->filter_buttons[N_STATES], TRUE);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_participation_page_new (ZcStore  *store,
                           ZcPerson *actor)
{
  ZcParticipationPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_PARTICIPATION_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  /* Read when first shown (see on_map_cb), not when the window is put together. */
  return GTK_WIDGET (self);
}

void
zc_participation_page_reload (ZcParticipationPage *self)
{
  g_return_if_fail (ZC_IS_PARTICIPATION_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  self->read_at = zc_store_get_last_change (self->store);

  /* The first reading shows a spinner; later ones keep the page as it is until they end. */
  if (self->people == NULL)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      clear_groups (self);
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_set_size_request (spinner, 32, 32);
      gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (spinner, 24);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reading who has taken part"), -1);
      gtk_box_append (self->groups_box, spinner);
    }

  zc_inspector_load_async (self->store, self->actor, load_people, NULL, NULL, g_object_unref,
                           self->cancellable, on_loaded_cb, self);
}

gboolean
zc_participation_page_is_busy (ZcParticipationPage *self)
{
  g_return_val_if_fail (ZC_IS_PARTICIPATION_PAGE (self), FALSE);

  return self->loading || self->build_source != 0;
}

void
zc_participation_page_set_filter (ZcParticipationPage *self,
                                  int                  state)
{
  g_return_if_fail (ZC_IS_PARTICIPATION_PAGE (self));
  g_return_if_fail (state >= -1 && state < N_STATES);

  gtk_toggle_button_set_active (self->filter_buttons[state < 0 ? N_STATES : (guint) state], TRUE);
}
