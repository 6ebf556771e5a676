/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "zc-date.h"
#include "zc-format.h"
#include "zc-inspector-common.h"
#include "zc-light-badge.h"
#include "zc-record-list.h"
#include "zc-store.h"

/* Rows are made a page at a time: a city's queue has thousands. */
#define PAGE_SIZE 100

struct _ZcRecordList
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkListBox    *list;
  GtkButton     *more_button;
  AdwStatusPage *empty_page;

  GListModel    *model;
  guint          n_shown;
  gint64         selected_id;
  char          *today;
  gboolean       show_state;
};

enum {
  SIGNAL_ACTIVATE_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcRecordList, zc_record_list, GTK_TYPE_WIDGET)

/* ---- rows --------------------------------------------------------------------------------- */

static void
join (GString    *text,
      const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    /* Translators: separates the facts of a row, e.g. "No. 12 · 社会救助处 · due 30 May" */
    g_string_append (text, _(" · "));
  g_string_append (text, part);
}

static void
describe_item (ZcItem      *item,
               const char  *today,
               char       **title,
               GString     *subtitle,
               char       **state)
{
  g_autofree char *number = zc_inspector_item_number (item);
  g_autofree char *deadline = zc_format_date (zc_item_get_deadline (item));
  g_autofree char *due = NULL;
  g_autofree char *person = NULL;
  g_autofree char *progress = NULL;
  const char *person_name = zc_item_get_person_name (item) ? zc_item_get_person_name (item)
                                                           : zc_item_get_person_text (item);

  *title = g_strdup (zc_item_get_measure (item) ? zc_item_get_measure (item)
                                                : zc_item_get_problem_text (item));
  join (subtitle, number);
  join (subtitle, zc_item_get_unit_name (item));
  if (person_name)
    {
      /* Translators: the responsible person of a rectification item */
      person = g_strdup_printf (_("Responsible: %s"), person_name);
      join (subtitle, person);
    }
  if (deadline && zc_item_get_light (item) == ZC_LIGHT_RED &&
      zc_item_get_state (item) != ZC_ITEM_STATE_CLOSED && zc_date_is_valid (today) &&
      zc_date_diff_days (zc_item_get_deadline (item), today) > 0)
    {
      int late = zc_date_diff_days (zc_item_get_deadline (item), today);

      /* Translators: the deadline of an overdue item, and the days since */
      due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due %s, %d day overdue",
                                          "Due %s, %d days overdue", late), deadline, late);
      join (subtitle, due);
    }
  else if (deadline)
    {
      /* Translators: the deadline of a rectification item */
      due = g_strdup_printf (_("Due %s"), deadline);
      join (subtitle, due);
    }
  else if (zc_item_get_term_type (item) != ZC_TERM_TYPE_NONE)
    join (subtitle, zc_enum_label (ZC_TYPE_TERM_TYPE, zc_item_get_term_type (item)));
  /* Translators: the reported progress of an item, in per cent */
  progress = g_strdup_printf (_("Progress %d%%"), zc_item_get_progress (item));
  join (subtitle, progress);
  *state = g_strdup (zc_enum_label (ZC_TYPE_ITEM_STATE, zc_item_get_state (item)));
}

static void
describe_form (ZcForm   *form,
               char    **title,
               GString  *subtitle,
               char    **state)
{
  g_autofree char *findings = NULL;

  /* Translators: a person and their staff code, e.g. "张三 (SJ002)" */
  *title = g_strdup_printf (_("%s (%s)"), zc_form_get_person_name (form),
                            zc_form_get_staff_code (form));
  join (subtitle, zc_form_get_unit_name (form));
  if (zc_form_get_state (form) != ZC_FORM_STATE_NOT_STARTED)
    {
      findings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d finding", "%d findings",
                                               zc_form_get_finding_count (form)),
                                  zc_form_get_finding_count (form));
      join (subtitle, findings);
    }
  *state = g_strdup (zc_enum_label (ZC_TYPE_FORM_STATE, zc_form_get_state (form)));
}

static void
describe_finding (ZcFinding  *finding,
                  char      **title,
                  GString    *subtitle,
                  char      **state)
{
  ZcFindingSource source = zc_finding_get_source (finding);

  *title = g_strdup (zc_finding_get_phenomenon (finding) ? zc_finding_get_phenomenon (finding)
                                                         : "");
  join (subtitle, zc_finding_get_category_label (finding));
  if (zc_finding_get_anonymous (finding))
    join (subtitle, _("Anonymous"));
  else
    join (subtitle, zc_finding_get_author_name (finding));
  *state = g_strdup (zc_enum_label (ZC_TYPE_FINDING_SOURCE, source));
}

static void
describe_order (ZcRecordList *self,
                ZcOrder      *order,
                char        **title,
                GString      *subtitle,
                char        **state,
                gboolean     *late)
{
  g_autofree char *issued = zc_format_date (zc_order_get_issued_date (order));
  g_autofree char *required = zc_format_date (zc_order_get_required_date (order));
  g_autofree char *item = NULL;
  g_autofree char *issued_text = NULL;
  g_autofree char *required_text = NULL;
  g_autofree char *age = NULL;

  *title = g_strdup (zc_order_get_reason (order));
  join (subtitle, zc_order_get_unit_name (order));
  if (zc_order_get_item_id (order) != 0)
    {
      /* Translators: the rectification item an order is about, by its number */
      item = g_strdup_printf (_("Item No. %d"), zc_order_get_item_number (order));
      join (subtitle, item);
    }
  if (issued)
    {
      /* Translators: the day a supervision order was issued */
      issued_text = g_strdup_printf (_("Issued %s"), issued);
      join (subtitle, issued_text);
    }
  if (required)
    {
      /* Translators: the day by which a supervision order must be answered */
      required_text = g_strdup_printf (_("Answer by %s"), required);
      join (subtitle, required_text);
    }
  if (zc_order_get_state (order) != ZC_ORDER_STATE_CONCLUDED &&
      zc_date_is_valid (self->today) && zc_date_is_valid (zc_order_get_issued_date (order)))
    {
      g_autofree char *days =
        zc_inspector_days (MAX (0, zc_date_diff_days (zc_order_get_issued_date (order),
                                                       self->today)));

      /* Translators: how long a supervision order has been open, e.g. "open 12 days" */
      age = g_strdup_printf (_("Open %s"), days);
      join (subtitle, age);
    }
  *state = g_strdup (zc_enum_label (ZC_TYPE_ORDER_STATE, zc_order_get_state (order)));
  *late = (zc_order_get_state (order) == ZC_ORDER_STATE_ASSIGNED ||
           zc_order_get_state (order) == ZC_ORDER_STATE_REMINDED) &&
          zc_date_is_valid (self->today) && zc_date_is_valid (zc_order_get_required_date (order)) &&
          zc_date_diff_days (zc_order_get_required_date (order), self->today) > 0;
}

static GtkWidget *
record_row (ZcRecordList *self,
            GObject      *record)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row, *box, *texts, *title_label, *subtitle_label, *state_label, *badges;
  ZcLight light = ZC_LIGHT_NONE;
  gboolean has_light = FALSE;
  gboolean late = FALSE;

  if (ZC_IS_ITEM (record))
    {
      describe_item (ZC_ITEM (record), self->today, &title, subtitle, &state);
      light = zc_item_get_light (ZC_ITEM (record));
      has_light = zc_item_get_state (ZC_ITEM (record)) != ZC_ITEM_STATE_CLOSED;
    }
  else if (ZC_IS_FORM (record))
    describe_form (ZC_FORM (record), &title, subtitle, &state);
  else if (ZC_IS_FINDING (record))
    describe_finding (ZC_FINDING (record), &title, subtitle, &state);
  else if (ZC_IS_ORDER (record))
    describe_order (self, ZC_ORDER (record), &title, subtitle, &state, &late);
  else
    g_assert_not_reached ();

  /* The title takes the whole width; the light and the state lead the facts below it, so
   * that a narrow window keeps room for the words. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  texts = box;
  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), title_label);
  if (has_light || late || self->show_state)
    {
      badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      if (has_light)
        gtk_box_append (GTK_BOX (badges), zc_light_badge_new (light));
      if (late)
        {
          /* An order whose answer is overdue: as red as an overdue item. */
          GtkWidget *badge = gtk_label_new (_("Answer overdue"));

          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (badge, "zc-light");
          gtk_widget_add_css_class (badge, "zc-light-red");
          gtk_box_append (GTK_BOX (badges), badge);
        }
      if (self->show_state)
        {
          state_label = gtk_label_new (state);
          gtk_widget_set_valign (state_label, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (state_label, "zc-state");
          gtk_box_append (GTK_BOX (badges), state_label);
        }
      gtk_box_append (GTK_BOX (texts), badges);
    }

  subtitle_label = gtk_label_new (subtitle->str);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle_label), PANGO_WRAP_WORD_CHAR);
  /* Two lines at most, as the title: a label that wraps without end costs GTK a search for
   * its width at every layout (the dashboard's overdue card, about 20 ms when its figures
   * arrive). The row's accessible label below holds all of the facts. */
  gtk_label_set_lines (GTK_LABEL (subtitle_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_box_append (GTK_BOX (texts), subtitle_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "zc-record", g_object_ref (record), g_object_unref);
  /* Translators: a row read aloud: its title, its facts and its state */
  accessible = g_strdup_printf (_("%s. %s. %s"), title, subtitle->str, state);
  if (has_light || late)
    {
      g_autofree char *with_light = g_strdup_printf (_("%s. %s"), accessible,
                                                     late ? _("Answer overdue")
                                                          : zc_enum_label (ZC_TYPE_LIGHT, light));
      g_free (accessible);
      accessible = g_steal_pointer (&with_light);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  if (zc_record_get_id (ZC_RECORD (record)) == self->selected_id && self->selected_id != 0)
    gtk_widget_add_css_class (row, "zc-current");
  return row;
}

static void
show_more (ZcRecordList *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  guint end = MIN (n, self->n_shown + PAGE_SIZE);

  for (guint i = self->n_shown; i < end; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (self->model, i);

      gtk_list_box_append (self->list, record_row (self, record));
    }
  self->n_shown = end;

  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), end < n);
  if (end < n)
    {
      g_autofree char *label = NULL;

      /* Translators: a button under a long list: the rows shown and all rows */
      label = g_strdup_printf (_("Show More (%u of %u)"), end, n);
      gtk_button_set_label (self->more_button, label);
    }
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     ZcRecordList  *self)
{
  GObject *record = g_object_get_data (G_OBJECT (row), "zc-record");

  if (record != NULL)
    g_signal_emit (self, signals[SIGNAL_ACTIVATE_RECORD], 0, record);
}

static void
on_more_clicked_cb (ZcRecordList *self)
{
  GtkListBoxRow *first_new;
  guint before = self->n_shown;

  show_more (self);
  /* Keyboard users continue where the new rows begin. */
  first_new = gtk_list_box_get_row_at_index (self->list, before);
  if (first_new != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first_new));
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_record_list_dispose (GObject *object)
{
  ZcRecordList *self = ZC_RECORD_LIST (object);

  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_RECORD_LIST);

  G_OBJECT_CLASS (zc_record_list_parent_class)->dispose (object);
}

static void
zc_record_list_finalize (GObject *object)
{
  ZcRecordList *self = ZC_RECORD_LIST (object);

  g_free (self->today);

  G_OBJECT_CLASS (zc_record_list_parent_class)->finalize (object);
}

static void
zc_record_list_class_init (ZcRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_record_list_dispose;
  object_class->finalize = zc_record_list_finalize;

  /**
   * ZcRecordList::activate-record:
   * @record: the record of the activated row
   */
  signals[SIGNAL_ACTIVATE_RECORD] =
    g_signal_new ("activate-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-record-list.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcRecordList, box);
  gtk_widget_class_bind_template_child (widget_class, ZcRecordList, list);
  gtk_widget_class_bind_template_child (widget_class, ZcRecordList, more_button);
  gtk_widget_class_bind_template_child (widget_class, ZcRecordList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked_cb);
}

static void
zc_record_list_init (ZcRecordList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->show_state = TRUE;
}

/* ---- public ------------------------------------------------------------------------------------- */

GtkWidget *
zc_record_list_new (void)
{
  return g_object_new (ZC_TYPE_RECORD_LIST, NULL);
}

void
zc_record_list_set_model (ZcRecordList *self,
                          GListModel   *model)
{
  GtkWidget *child;

  g_return_if_fail (ZC_IS_RECORD_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  g_set_object (&self->model, model);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;
  show_more (self);
}

GListModel *
zc_record_list_get_model (ZcRecordList *self)
{
  g_return_val_if_fail (ZC_IS_RECORD_LIST (self), NULL);

  return self->model;
}

void
zc_record_list_set_empty (ZcRecordList *self,
                          const char   *icon_name,
                          const char   *title,
                          const char   *description)
{
  g_return_if_fail (ZC_IS_RECORD_LIST (self));

  adw_status_page_set_icon_name (self->empty_page, icon_name);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
}

void
zc_record_list_select (ZcRecordList *self,
                       gint64        id)
{
  g_return_if_fail (ZC_IS_RECORD_LIST (self));

  self->selected_id = id;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GObject *record = g_object_get_data (G_OBJECT (row), "zc-record");

      if (record != NULL && id != 0 && zc_record_get_id (ZC_RECORD (record)) == id)
        gtk_widget_add_css_class (row, "zc-current");
      else
        gtk_widget_remove_css_class (row, "zc-current");
    }
}

guint
zc_record_list_get_n_shown (ZcRecordList *self)
{
  g_return_val_if_fail (ZC_IS_RECORD_LIST (self), 0);

  return self->n_shown;
}

void
zc_record_list_set_today (ZcRecordList *self,
                          const char   *today)
{
  g_return_if_fail (ZC_IS_RECORD_LIST (self));

  g_free (self->today);
  self->today = g_strdup (today);
}

void
zc_record_list_set_show_state (ZcRecordList *self,
                               gboolean      show_state)
{
  g_return_if_fail (ZC_IS_RECORD_LIST (self));

  self->show_state = show_state;
}
