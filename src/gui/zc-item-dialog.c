/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <stdio.h>

#include "zc-format.h"
#include "zc-item-dialog.h"
#include "zc-lead-common.h"

/* The term types a measure can have, as the term row lists them. */
static const ZcTermType term_types[] = {
  ZC_TERM_TYPE_IMMEDIATE,
  ZC_TERM_TYPE_DEADLINE,
  ZC_TERM_TYPE_ONGOING,
};

/* A new deadline is proposed this many days ahead. */
#define DEFAULT_DAYS 30

struct _ZcItemDialog
{
  AdwWindow       parent_instance;

  /* template children */
  GtkWidget      *save_button;
  AdwComboRow    *problem_row;
  GtkWidget      *proposed_button;
  GtkListBox     *proposed_list;
  GtkTextView    *measure_view;
  AdwComboRow    *term_row;
  GtkWidget      *deadline_row;
  GtkMenuButton  *deadline_button;
  GtkCalendar    *deadline_calendar;
  AdwActionRow   *review_row;
  GtkWidget      *review_clear_button;
  GtkMenuButton  *review_button;
  GtkCalendar    *review_calendar;
  AdwComboRow    *leader_row;
  AdwActionRow   *unit_row;
  AdwComboRow    *person_row;
  GtkWidget      *another_button;

  ZcStore        *store;
  ZcPerson       *actor;
  gint64          unit_id;
  ZcItem         *item;        /* being edited, or NULL */
  GListModel     *problems;
  GListStore     *leaders;     /* ZcPerson, after "Not set" */
  GListModel     *people;      /* ZcPerson of the unit, after "Not set" */
  char           *deadline;    /* YYYY-MM-DD or NULL */
  GPtrArray      *review_dates;
  gboolean        filling;     /* the calendars are set up, not chosen from */
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcItemDialog, zc_item_dialog, ADW_TYPE_WINDOW)

/* ---- helpers -------------------------------------------------------------------------------- */

static char *
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
calendar_select (GtkCalendar *calendar,
                 const char  *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return;
  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date != NULL)
    gtk_calendar_select_day (calendar, date);
}

static ZcTermType
selected_term (ZcItemDialog *self)
{
  guint i = adw_combo_row_get_selected (self->term_row);

  return i < G_N_ELEMENTS (term_types) ? term_types[i] : ZC_TERM_TYPE_DEADLINE;
}

static void
update_deadline (ZcItemDialog *self)
{
  g_autofree char *text = zc_format_date (self->deadline);

  gtk_menu_button_set_label (self->deadline_button, text ? text : _("Choose…"));
}

static void
update_review_dates (ZcItemDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->review_dates->len; i++)
    {
      g_autofree char *day = zc_format_date (g_ptr_array_index (self->review_dates, i));

      if (text->len > 0)
        /* Translators: the separator between review dates */
        g_string_append (text, _(", "));
      g_string_append (text, day);
    }
  adw_action_row_set_subtitle (self->review_row,
                               text->len > 0 ? text->str
                                             : _("Ongoing measures are reviewed on these dates"));
  gtk_widget_set_sensitive (self->review_clear_button, self->review_dates->len > 0);
}

static void
update_sensitivity (ZcItemDialog *self)
{
  g_autofree char *measure = zc_lead_text_view_get (self->measure_view);
  gboolean ok = measure != NULL && adw_combo_row_get_selected (self->problem_row) != GTK_INVALID_LIST_POSITION;
  ZcTermType term = selected_term (self);

  if (term == ZC_TERM_TYPE_DEADLINE && self->deadline == NULL)
    ok = FALSE;
  gtk_widget_set_sensitive (self->save_button, ok);
  gtk_widget_set_sensitive (self->another_button, ok);
}

static ZcProblem *
selected_problem (ZcItemDialog *self)
{
  guint i = adw_combo_row_get_selected (self->problem_row);

  if (self->problems == NULL || i >= g_list_model_get_n_items (self->problems))
    return NULL;
  return g_list_model_get_item (self->problems, i);
}

static void
fill_proposed (ZcItemDialog *self)
{
  g_autoptr(ZcProblem) problem = selected_problem (self);
  g_autoptr(GListModel) findings = NULL;
  guint shown = 0;

  zc_lead_list_box_clear (self->proposed_list);
  if (problem != NULL)
    findings = zc_store_list_problem_findings (self->store, self->actor,
                                               zc_record_get_id (ZC_RECORD (problem)), NULL);
  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZcFinding) finding = g_list_model_get_item (findings, i);
      const char *measure = zc_finding_get_measure (finding);
      GtkWidget *label;
      GtkWidget *row;

      if (measure == NULL || *measure == '\0')
        continue;
      label = gtk_label_new (measure);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "zc-text", g_strdup (measure), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, measure, -1);
      gtk_list_box_append (self->proposed_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->proposed_button, shown > 0);
}

static void
fill_problems (ZcItemDialog *self,
               gint64        problem_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  self->problems = zc_store_list_problems (self->store, self->actor, self->unit_id, &error);
  if (self->problems == NULL)
    {
      g_warning ("Problem list: %s", error->message);
      self->problems = G_LIST_MODEL (g_list_store_new (ZC_TYPE_PROBLEM));
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->problems); i++)
    {
      g_autoptr(ZcProblem) problem = g_list_model_get_item (self->problems, i);
      /* Translators: a problem of the problem list: its number and title */
      g_autofree char *label = g_strdup_printf (_("%d. %s"), zc_problem_get_number (problem),
                                                zc_problem_get_title (problem));

      gtk_string_list_append (labels, label);
      if (zc_record_get_id (ZC_RECORD (problem)) == problem_id)
        selected = i;
    }
  adw_combo_row_set_model (self->problem_row, G_LIST_MODEL (labels));
  /* Without a problem given, the first one still waiting for its measures. */
  for (guint i = 0; selected == GTK_INVALID_LIST_POSITION &&
                    i < g_list_model_get_n_items (self->problems); i++)
    {
      g_autoptr(ZcProblem) problem = g_list_model_get_item (self->problems, i);

      if (zc_problem_get_item_count (problem) == 0)
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (self->problems) > 0)
    selected = 0;
  adw_combo_row_set_selected (self->problem_row, selected);
}

static guint
fill_people_row (AdwComboRow *row,
                 GListModel  *people,
                 gint64       selected_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (labels, _("Not set"));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ZcPerson) person = g_list_model_get_item (people, i);
      const char *post = zc_person_get_post (person);
      g_autofree char *label = NULL;

      if (post != NULL && *post != '\0')
        /* Translators: a person in a list to choose from: name and post */
        label = g_strdup_printf (_("%s, %s"), zc_person_get_name (person), post);
      else
        label = g_strdup (zc_person_get_name (person));
      gtk_string_list_append (labels, label);
      if (zc_record_get_id (ZC_RECORD (person)) == selected_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  return selected;
}

static gint64
selected_person_id (AdwComboRow *row,
                    GListModel  *people)
{
  guint i = adw_combo_row_get_selected (row);
  g_autoptr(ZcPerson) person = NULL;

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > g_list_model_get_n_items (people))
    return 0;
  person = g_list_model_get_item (people, i - 1);
  return zc_record_get_id (ZC_RECORD (person));
}

static void
fill_responsibility (ZcItemDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcUnit) unit = zc_store_get_unit (self->store, self->unit_id, &error);
  gint64 leader_id = 0;
  gint64 person_id = 0;

  if (self->item != NULL)
    {
      leader_id = zc_item_get_leader_id (self->item);
      person_id = zc_item_get_person_id (self->item);
    }
  else if (unit != NULL)
    /* The bureau leader in charge answers for the unit's items, as a rule. */
    leader_id = zc_unit_get_leader_id (unit);

  self->leaders = zc_lead_list_leaders (self->store, self->unit_id);
  self->people = zc_store_list_people (self->store, self->unit_id, NULL, 0);
  if (fill_people_row (self->leader_row, G_LIST_MODEL (self->leaders), leader_id) == 0 &&
      self->item == NULL)
    fill_people_row (self->leader_row, G_LIST_MODEL (self->leaders),
                     zc_record_get_id (ZC_RECORD (self->actor)));
  fill_people_row (self->person_row, self->people, person_id);
  adw_action_row_set_subtitle (self->unit_row, unit ? zc_unit_get_name (unit) : "");
}

/* ---- saving --------------------------------------------------------------------------------- */

static ZcItem *
save (ZcItemDialog *self)
{
  g_autoptr(ZcProblem) problem = selected_problem (self);
  g_autoptr(ZcItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = zc_lead_text_view_get (self->measure_view);
  g_autofree char *reviews = NULL;
  ZcTermType term = selected_term (self);
  gboolean created = self->item == NULL;

  if (problem == NULL)
    return NULL;
  item = created ? zc_item_new () : ZC_ITEM (zc_record_copy (ZC_RECORD (self->item)));
  zc_item_set_problem_id (item, zc_record_get_id (ZC_RECORD (problem)));
  zc_item_set_measure (item, measure);
  zc_item_set_term_type (item, term);
  zc_item_set_deadline (item, term == ZC_TERM_TYPE_ONGOING ? NULL : self->deadline);
  if (term != ZC_TERM_TYPE_ONGOING && self->deadline != NULL)
    zc_item_set_deadline_text (item, NULL);
  if (term == ZC_TERM_TYPE_ONGOING && self->review_dates->len > 0)
    {
      g_ptr_array_add (self->review_dates, NULL);
      reviews = g_strjoinv (",", (char **) self->review_dates->pdata);
      g_ptr_array_remove_index (self->review_dates, self->review_dates->len - 1);
    }
  zc_item_set_review_dates (item, reviews);
  zc_item_set_leader_id (item, selected_person_id (self->leader_row,
                                                   G_LIST_MODEL (self->leaders)));
  zc_item_set_person_id (item, selected_person_id (self->person_row, self->people));
  if (zc_item_get_leader_id (item) != 0)
    zc_item_set_leader_text (item, NULL);
  if (zc_item_get_person_id (item) != 0)
    zc_item_set_person_text (item, NULL);

  if (!zc_store_save_item (self->store, self->actor, item, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The rectification item was not saved."), error);
      return NULL;
    }
  g_signal_emit (self, signals[SAVED], 0, item, created);
  return g_steal_pointer (&item);
}

/* ---- signal callbacks ----------------------------------------------------------------------- */

static void
on_save_clicked_cb (ZcItemDialog *self)
{
  g_autoptr(ZcItem) item = NULL;
  g_autofree char *message = NULL;

  if (!gtk_widget_get_sensitive (self->save_button))
    return;
  g_object_ref (self);
  item = save (self);
  if (item != NULL)
    {
      /* Translators: a toast; %d is the item's number in the ledger */
      message = g_strdup_printf (self->item ? _("Rectification item %d is saved")
                                            : _("Rectification item %d is in the ledger"),
                                 zc_item_get_number (item));
      zc_lead_toast (GTK_WIDGET (self), message);
      gtk_window_close (GTK_WINDOW (self));
    }
  g_object_unref (self);
}

static void
on_another_clicked_cb (ZcItemDialog *self)
{
  g_autoptr(ZcItem) item = NULL;
  g_autofree char *message = NULL;

  if (!gtk_widget_get_sensitive (self->another_button))
    return;
  item = save (self);
  if (item == NULL)
    return;
  /* Translators: a toast; %d is the item's number in the ledger */
  message = g_strdup_printf (_("Rectification item %d is in the ledger; plan the next measure"),
                             zc_item_get_number (item));
  zc_lead_toast (GTK_WIDGET (self), message);
  zc_lead_text_view_set (self->measure_view, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->measure_view));
}

static void
on_problem_changed_cb (ZcItemDialog *self)
{
  fill_proposed (self);
  update_sensitivity (self);
}

static void
on_proposed_activated_cb (ZcItemDialog  *self,
                          GtkListBoxRow *row)
{
  zc_lead_text_view_set (self->measure_view, g_object_get_data (G_OBJECT (row), "zc-text"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->proposed_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->measure_view));
}

static void
on_term_changed_cb (ZcItemDialog *self)
{
  ZcTermType term = selected_term (self);

  gtk_widget_set_visible (self->deadline_row, term != ZC_TERM_TYPE_ONGOING);
  gtk_widget_set_visible (GTK_WIDGET (self->review_row), term == ZC_TERM_TYPE_ONGOING);
  update_sensitivity (self);
}

static void
on_deadline_selected_cb (ZcItemDialog *self)
{
  if (self->filling)
    return;
  g_free (self->deadline);
  self->deadline = calendar_date (self->deadline_calendar);
  update_deadline (self);
  gtk_menu_button_popdown (self->deadline_button);
  update_sensitivity (self);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
on_review_selected_cb (ZcItemDialog *self)
{
  char *date;

  if (self->filling)
    return;
  date = calendar_date (self->review_calendar);

  for (guint i = 0; i < self->review_dates->len; i++)
    if (g_str_equal (g_ptr_array_index (self->review_dates, i), date))
      {
        g_free (date);
        gtk_menu_button_popdown (self->review_button);
        return;
      }
  g_ptr_array_add (self->review_dates, date);
  g_ptr_array_sort (self->review_dates, compare_dates);
  update_review_dates (self);
  gtk_menu_button_popdown (self->review_button);
}

static void
on_review_clear_cb (ZcItemDialog *self)
{
  g_ptr_array_set_size (self->review_dates, 0);
  update_review_dates (self);
}

static void
on_measure_changed_cb (GtkTextBuffer *buffer,
                       ZcItemDialog  *self)
{
  update_sensitivity (self);
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_item_dialog_dispose (GObject *object)
{
  ZcItemDialog *self = ZC_ITEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_ITEM_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->item);
  g_clear_object (&self->problems);
  g_clear_object (&self->leaders);
  g_clear_object (&self->people);
  g_clear_pointer (&self->deadline, g_free);
  g_clear_pointer (&self->review_dates, g_ptr_array_unref);

  G_OBJECT_CLASS (zc_item_dialog_parent_class)->dispose (object);
}

static void
zc_item_dialog_class_init (ZcItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_item_dialog_dispose;

  /**
   * ZcItemDialog::saved:
   * @item: the item as saved
   * @created: whether it is a new item
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, ZC_TYPE_ITEM, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, problem_row);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, proposed_button);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, proposed_list);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, measure_view);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, term_row);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, deadline_button);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, deadline_calendar);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, review_row);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, review_clear_button);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, review_button);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, review_calendar);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, leader_row);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, ZcItemDialog, another_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_another_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_proposed_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_term_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_deadline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_review_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_review_clear_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_item_dialog_init (ZcItemDialog *self)
{
  g_autoptr(GtkStringList) terms = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->review_dates = g_ptr_array_new_with_free_func (g_free);
  zc_lead_text_field_grow (self->measure_view);

  for (guint i = 0; i < G_N_ELEMENTS (term_types); i++)
    gtk_string_list_append (terms, zc_enum_label (ZC_TYPE_TERM_TYPE, term_types[i]));
  adw_combo_row_set_model (self->term_row, G_LIST_MODEL (terms));
  g_signal_connect (gtk_text_view_get_buffer (self->measure_view), "changed",
                    G_CALLBACK (on_measure_changed_cb), self);
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_item_dialog_new (GtkWindow *parent,
                    ZcStore   *store,
                    ZcPerson  *actor,
                    gint64     unit_id,
                    ZcProblem *problem,
                    ZcItem    *item)
{
  ZcItemDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) proposed = NULL;
  g_autofree char *today = NULL;
  gint64 problem_id = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);
  g_return_val_if_fail (item == NULL || ZC_IS_ITEM (item), NULL);

  self = g_object_new (ZC_TYPE_ITEM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->unit_id = item ? zc_item_get_unit_id (item) : unit_id;
  self->item = item ? g_object_ref (item) : NULL;
  self->filling = TRUE;

  if (item != NULL)
    problem_id = zc_item_get_problem_id (item);
  else if (problem != NULL)
    problem_id = zc_record_get_id (ZC_RECORD (problem));
  fill_problems (self, problem_id);
  fill_responsibility (self);

  /* The calendars open on the campaign's "today" and a month ahead of it. */
  today = zc_store_today (store);
  calendar_select (self->deadline_calendar, today);
  calendar_select (self->review_calendar, today);
  {
    g_autoptr(GDateTime) base = gtk_calendar_get_date (self->deadline_calendar);

    proposed = g_date_time_add_days (base ? base : now, DEFAULT_DAYS);
  }
  gtk_calendar_select_day (self->review_calendar, proposed);

  if (item != NULL)
    {
      guint term_index = 1;

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Rectification Item"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      gtk_widget_set_visible (self->another_button, FALSE);
      zc_lead_text_view_set (self->measure_view, zc_item_get_measure (item));
      for (guint i = 0; i < G_N_ELEMENTS (term_types); i++)
        if (term_types[i] == zc_item_get_term_type (item))
          term_index = i;
      adw_combo_row_set_selected (self->term_row, term_index);
      self->deadline = g_strdup (zc_item_get_deadline (item));
      if (self->deadline != NULL)
        calendar_select (self->deadline_calendar, self->deadline);
      if (zc_item_get_review_dates (item) != NULL)
        {
          g_auto(GStrv) dates = g_strsplit (zc_item_get_review_dates (item), ",", -1);

          for (guint i = 0; dates[i] != NULL; i++)
            if (*g_strstrip (dates[i]) != '\0')
              g_ptr_array_add (self->review_dates, g_strdup (dates[i]));
        }
    }
  else
    {
      adw_combo_row_set_selected (self->term_row, 1);
      self->deadline = g_date_time_format (proposed, "%Y-%m-%d");
      gtk_calendar_select_day (self->deadline_calendar, proposed);
    }

  self->filling = FALSE;
  update_deadline (self);
  update_review_dates (self);
  on_term_changed_cb (self);
  fill_proposed (self);
  update_sensitivity (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->measure_view));
  return GTK_WIDGET (self);
}
