/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "zc-assessment-page.h"
#include "zc-dashboard.h"
#include "zc-date.h"
#include "zc-format.h"
#include "zc-inspector-common.h"

typedef enum
{
  VALUE_TEXT,
  VALUE_SHARE,
  VALUE_COUNT,
  VALUE_SCORE,
  VALUE_SATISFACTION,
} ValueKind;

typedef struct
{
  const char *property;
  const char *title;        /* N_() */
  const char *description;  /* N_(): the column read aloud and shown as a tooltip */
  ValueKind   kind;
} Column;

static const Column columns[] = {
  { "unit-name", N_("Unit"), N_("Unit"), VALUE_TEXT },
  { "score", N_("Score"), N_("Score out of 100"), VALUE_SCORE },
  { "participation", N_("Taking part"), N_("People whose form is submitted or approved"),
    VALUE_SHARE },
  { "closed-rate", N_("Closed rate"), N_("Items closed out"), VALUE_SHARE },
  { "on-time-rate", N_("On time"), N_("Closed items closed by their deadline"), VALUE_SHARE },
  { "overdue", N_("Overdue"), N_("Items past their deadline (red)"), VALUE_COUNT },
  { "orders", N_("Orders"), N_("Supervision orders received"), VALUE_COUNT },
  { "reopen-count", N_("Rejected"), N_("Close-outs rejected and reopened"), VALUE_COUNT },
  { "satisfaction", N_("Satisfaction"), N_("The public’s satisfaction with closed items"),
    VALUE_SATISFACTION },
  { "commendations", N_("Commended"), N_("Commendations and awards"), VALUE_COUNT },
  { "sanctions", N_("Sanctioned"), N_("Criticisms, admonishments and disciplinary actions"),
    VALUE_COUNT },
};

struct _ZcAssessmentPage
{
  GtkWidget            parent_instance;

  /* template children */
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkColumnView       *table;
  GtkLabel            *unit_title;
  GtkScrolledWindow   *unit_scroller;
  AdwPreferencesGroup *results_group;
  AdwPreferencesGroup *merits_group;
  AdwComboRow         *kind_row;
  AdwComboRow         *person_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *text_row;
  AdwEntryRow         *month_row;
  AdwPreferencesGroup *reviews_group;

  ZcStore             *store;
  ZcPerson            *actor;
  GListStore          *assessments;
  GtkSortListModel    *sorted;
  GtkColumnViewColumn *score_column;
  GCancellable        *cancellable;
  ZcAssessment        *unit;        /* the unit shown */
  GPtrArray           *rows;
  GArray              *person_ids;  /* gint64: the person row's people (0 first: the unit) */
};

G_DEFINE_FINAL_TYPE (ZcAssessmentPage, zc_assessment_page, GTK_TYPE_WIDGET)

/* ---- the table ---------------------------------------------------------------------------- */

static char *
format_value (ZcAssessment *a,
              const Column *column)
{
  GType type = column->kind == VALUE_TEXT ? G_TYPE_STRING
               : column->kind == VALUE_COUNT ? G_TYPE_INT : G_TYPE_DOUBLE;
  GValue value = G_VALUE_INIT;
  char *text;

  g_value_init (&value, type);
  g_object_get_property (G_OBJECT (a), column->property, &value);
  switch (column->kind)
    {
    case VALUE_TEXT:
      text = g_value_dup_string (&value);
      break;
    case VALUE_COUNT:
      text = g_strdup_printf ("%d", g_value_get_int (&value));
      break;
    case VALUE_SCORE:
      text = g_strdup_printf ("%.1f", g_value_get_double (&value));
      break;
    case VALUE_SATISFACTION:
      /* Without evaluations there is no satisfaction to show. */
      text = g_value_get_double (&value) < 0 ? g_strdup (_("None yet"))
                                             : zc_inspector_percent (g_value_get_double (&value));
      break;
    case VALUE_SHARE:
    default:
      text = zc_inspector_percent (g_value_get_double (&value));
      break;
    }
  g_value_unset (&value);
  return text;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const Column *column = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->kind == VALUE_TEXT ? 0 : 1);
  if (column->kind == VALUE_TEXT)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      /* About seven Chinese characters before the name is shortened. */
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  if (column->kind == VALUE_SCORE)
    gtk_widget_add_css_class (label, "zc-score");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const Column *column = user_data;
  ZcAssessment *a = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = format_value (a, column);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column->kind == VALUE_TEXT)
    gtk_widget_set_tooltip_text (label, text);
  /* Translators: a cell of the assessment table read aloud: the unit, the column, the value */
  accessible = g_strdup_printf (_("%s, %s: %s"), zc_assessment_get_unit_name (a),
                                _(column->description), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
add_columns (ZcAssessmentPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Column *c = &columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkExpression *expression = gtk_property_expression_new (ZC_TYPE_ASSESSMENT, NULL,
                                                               c->property);
      GtkSorter *sorter;
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) c);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) c);
      column = gtk_column_view_column_new (_(c->title), factory);
      if (c->kind == VALUE_TEXT)
        {
          sorter = GTK_SORTER (gtk_string_sorter_new (expression));
          gtk_column_view_column_set_expand (column, TRUE);
        }
      else
        sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->table, column);
      if (g_str_equal (c->property, "score"))
        self->score_column = column;
      g_object_unref (column);
    }
}

/* ---- the unit's page -------------------------------------------------------------------------- */

static void
clear_rows (ZcAssessmentPage *self)
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

static GtkWidget *
value_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
add_row (ZcAssessmentPage    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static double
member_double (JsonObject *object,
               const char *name)
{
  return object && json_object_has_member (object, name)
         ? json_object_get_double_member (object, name) : 0;
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  return object && json_object_has_member (object, name)
         ? json_object_get_int_member (object, name) : 0;
}

static void
add_review_row (ZcAssessmentPage *self,
                ZcReview         *review)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = NULL, *stats = NULL, *items = NULL, *lights = NULL, *forms = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *on_time = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();

  if (json_parser_load_from_data (parser, zc_review_get_snapshot (review), -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      root = json_node_get_object (json_parser_get_root (parser));
      if (json_object_has_member (root, "stats"))
        stats = json_object_get_object_member (root, "stats");
      if (stats && json_object_has_member (stats, "items"))
        items = json_object_get_object_member (stats, "items");
      if (stats && json_object_has_member (stats, "lights"))
        lights = json_object_get_object_member (stats, "lights");
      if (stats && json_object_has_member (stats, "forms"))
        forms = json_object_get_object_member (stats, "forms");
    }
  closed = zc_inspector_percent (member_double (root, "closed_rate"));
  on_time = zc_inspector_percent (member_double (root, "on_time_rate"));
  /* Translators: a monthly review in a line: score, closed rate, overdue items */
  subtitle = g_strdup_printf (_("Score %.1f · closed %s · %d overdue"),
                              member_double (root, "score"), closed,
                              (int) member_int (root, "overdue"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_review_get_month (review));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  {
    struct { const char *title; JsonObject *object; const char *member; } facts[] = {
      { N_("Closed on time"), NULL, NULL },
      { N_("Planned"), items, "planned" },
      { N_("In progress"), items, "in_progress" },
      { N_("Awaiting close-out"), items, "awaiting_closeout" },
      { N_("Closed out"), items, "closed" },
      { N_("Red"), lights, "red" },
      { N_("Yellow"), lights, "yellow" },
      { N_("Green"), lights, "green" },
      { N_("Forms approved"), forms, "approved" },
      { N_("Forms not started"), forms, "not_started" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
      {
        g_autofree char *value = facts[i].member
                                  ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     member_int (facts[i].object, facts[i].member))
                                  : g_strdup (on_time);

        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), value_row (_(facts[i].title), value));
      }
  }
  add_row (self, self->reviews_group, row);
}

static void
fill_unit (ZcAssessmentPage *self)
{
  ZcAssessment *a = self->unit;
  g_autoptr(GListModel) merits = NULL;
  g_autoptr(GListModel) reviews = NULL;
  gint64 unit_id = zc_assessment_get_unit_id (a);

  clear_rows (self);
  gtk_label_set_text (self->unit_title, zc_assessment_get_unit_name (a));
  for (guint i = 1; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *value = format_value (a, &columns[i]);

      add_row (self, self->results_group, value_row (_(columns[i].description), value));
    }

  merits = zc_store_list_merits (self->store, self->actor, unit_id, NULL);
  if (merits == NULL || g_list_model_get_n_items (merits) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None recorded"));
      add_row (self, self->merits_group, row);
    }
  for (guint i = 0; merits && i < g_list_model_get_n_items (merits); i++)
    {
      g_autoptr(ZcMerit) merit = g_list_model_get_item (merits, i);
      g_autofree char *date = zc_format_date (zc_merit_get_date (merit));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (zc_merit_get_person_name (merit))
        subtitle = g_strdup_printf (_("%s · %s · %s"),
                                    zc_enum_label (ZC_TYPE_MERIT_KIND, zc_merit_get_kind (merit)),
                                    date ? date : "", zc_merit_get_person_name (merit));
      else
        /* Translators: a commendation or sanction: its kind and date */
        subtitle = g_strdup_printf (_("%s · %s"),
                                    zc_enum_label (ZC_TYPE_MERIT_KIND, zc_merit_get_kind (merit)),
                                    date ? date : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_merit_get_text (merit));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_row (self, self->merits_group, row);
    }

  reviews = zc_store_list_monthly_reviews (self->store, self->actor, unit_id, NULL);
  if (reviews == NULL || g_list_model_get_n_items (reviews) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No snapshot yet"));
      add_row (self, self->reviews_group, row);
    }
  for (guint i = 0; reviews && i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(ZcReview) review = g_list_model_get_item (reviews, i);

      add_review_row (self, review);
    }
}

/* The person row: the whole unit, or one of its people. */
static void
fill_people (ZcAssessmentPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) people = zc_store_list_people (self->store,
                                                       zc_assessment_get_unit_id (self->unit),
                                                       NULL, 0);
  gint64 none = 0;

  g_array_set_size (self->person_ids, 0);
  gtk_string_list_append (names, _("The whole unit"));
  g_array_append_val (self->person_ids, none);
  for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ZcPerson) p = g_list_model_get_item (people, i);
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), zc_person_get_name (p),
                                                zc_person_get_staff_code (p));
      gint64 id = zc_record_get_id (ZC_RECORD (p));

      gtk_string_list_append (names, label);
      g_array_append_val (self->person_ids, id);
    }
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->person_row, 0);
}

static void
show_unit (ZcAssessmentPage *self,
           ZcAssessment     *a)
{
  g_autofree char *today = zc_store_today (self->store);
  g_autofree char *month = g_strndup (today, 7);

  g_set_object (&self->unit, a);
  fill_people (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->month_row), month);
  fill_unit (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->unit_scroller), 0);
  zc_inspector_stack_show (self->stack, "unit");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.back", TRUE);
}

/* ---- loading ------------------------------------------------------------------------------------- */

static gpointer
load_assessments (ZcStore       *store,
                  ZcPerson      *actor,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return zc_store_list_assessments (store, actor, 0, error);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = zc_inspector_load_finish (result, &error);
  ZcAssessmentPage *self;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = ZC_ASSESSMENT_PAGE (user_data);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (list == NULL)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The assessment could not be counted."),
                                error);
      return;
    }
  n = g_list_model_get_n_items (list);
  g_list_store_remove_all (self->assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcAssessment) a = g_list_model_get_item (list, i);

      g_list_store_append (self->assessments, a);
      /* The unit shown gets its new figures. */
      if (self->unit != NULL &&
          zc_assessment_get_unit_id (a) == zc_assessment_get_unit_id (self->unit))
        {
          g_set_object (&self->unit, a);
          fill_unit (self);
        }
    }
}

static void
load (ZcAssessmentPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  zc_inspector_load_async (self->store, self->actor, load_assessments, NULL, NULL,
                           g_object_unref, self->cancellable, on_loaded_cb, self);
}

/* ---- actions ----------------------------------------------------------------------------------- */

typedef struct
{
  ZcAssessmentPage *self;
  ZcMeritKind       kind;
  gint64            person_id;
  char             *date;
  char             *text;
} Merit;

static void
merit_free (gpointer p)
{
  Merit *m = p;

  g_object_unref (m->self);
  g_free (m->date);
  g_free (m->text);
  g_free (m);
}

static void
do_record_merit (gpointer data)
{
  Merit *m = data;
  ZcAssessmentPage *self = m->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcMerit) merit = NULL;
  g_autofree char *message = NULL;

  if (self->unit == NULL)
    return;
  merit = zc_store_record_merit (self->store, self->actor, zc_assessment_get_unit_id (self->unit),
                                 m->person_id, m->kind, m->date, m->text, &error);
  if (merit == NULL)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("It was not recorded."), error);
      return;
    }
  /* Translators: the kind of record and the unit, e.g. "Commendation of 社会救助处 recorded" */
  message = g_strdup_printf (_("%s of %s recorded"), zc_enum_label (ZC_TYPE_MERIT_KIND, m->kind),
                             zc_assessment_get_unit_name (self->unit));
  zc_inspector_toast (GTK_WIDGET (self), message);
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), "");
  load (self);
}

static void
record_merit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZcAssessmentPage *self = ZC_ASSESSMENT_PAGE (widget);
  Merit *m;
  g_autofree char *heading = NULL;
  gboolean sanction;

  if (self->unit == NULL)
    return;
  m = g_new0 (Merit, 1);
  m->self = g_object_ref (self);
  m->kind = adw_combo_row_get_selected (self->kind_row);
  {
    guint who = adw_combo_row_get_selected (self->person_row);

    m->person_id = who < self->person_ids->len ? g_array_index (self->person_ids, gint64, who) : 0;
  }
  m->date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  m->text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  if (*m->date == '\0')
    g_clear_pointer (&m->date, g_free);
  sanction = m->kind >= ZC_RECORD_KIND_CRITICISM;
  /* Translators: the heading of a confirmation: the kind of record, then the unit */
  heading = g_strdup_printf (_("%s for %s"), zc_enum_label (ZC_TYPE_MERIT_KIND, m->kind),
                             zc_assessment_get_unit_name (self->unit));
  zc_inspector_confirm (widget, heading,
                        sanction ? _("It lowers the unit’s score, goes into the audit log and "
                                     "cannot be removed.")
                                 : _("It raises the unit’s score, goes into the audit log and "
                                     "cannot be removed."),
                        _("_Record"), sanction, NULL, do_record_merit, m, merit_free);
}

static void
take_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ZcAssessmentPage *self = ZC_ASSESSMENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcReview) review = NULL;
  g_autofree char *month = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->month_row))));
  g_autofree char *message = NULL;

  if (self->unit == NULL)
    return;
  review = zc_store_take_monthly_review (self->store, self->actor,
                                         zc_assessment_get_unit_id (self->unit), month, &error);
  if (review == NULL)
    {
      zc_inspector_toast_error (widget, _("The snapshot was not taken."), error);
      return;
    }
  /* Translators: %s is a month, YYYY-MM */
  message = g_strdup_printf (_("Monthly review of %s taken"), month);
  zc_inspector_toast (widget, message);
  fill_unit (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  load (ZC_ASSESSMENT_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZcAssessmentPage *self = ZC_ASSESSMENT_PAGE (widget);

  g_clear_object (&self->unit);
  zc_inspector_stack_show (self->stack, "table");
  gtk_widget_action_set_enabled (widget, "assessment.back", FALSE);
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_row_activated_cb (ZcAssessmentPage *self,
                     guint             position)
{
  g_autoptr(ZcAssessment) a = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (a != NULL)
    show_unit (self, a);
}

static void
on_merit_text_changed_cb (ZcAssessmentPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.record-merit",
                                 text != NULL && *text != '\0');
}

static void
on_map_cb (ZcAssessmentPage *self)
{
  if (self->cancellable == NULL)
    load (self);
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_assessment_page_dispose (GObject *object)
{
  ZcAssessmentPage *self = ZC_ASSESSMENT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_ASSESSMENT_PAGE);

  G_OBJECT_CLASS (zc_assessment_page_parent_class)->dispose (object);
}

static void
zc_assessment_page_finalize (GObject *object)
{
  ZcAssessmentPage *self = ZC_ASSESSMENT_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->assessments);
  g_clear_object (&self->sorted);
  g_clear_object (&self->unit);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->person_ids);

  G_OBJECT_CLASS (zc_assessment_page_parent_class)->finalize (object);
}

static void
zc_assessment_page_class_init (ZcAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_assessment_page_dispose;
  object_class->finalize = zc_assessment_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, table);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, unit_title);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, unit_scroller);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, results_group);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, merits_group);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, person_row);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, text_row);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, month_row);
  gtk_widget_class_bind_template_child (widget_class, ZcAssessmentPage, reviews_group);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merit_text_changed_cb);

  gtk_widget_class_install_action (widget_class, "assessment.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "assessment.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assessment.record-merit", NULL,
                                   record_merit_action);
  gtk_widget_class_install_action (widget_class, "assessment.take-review", NULL,
                                   take_review_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "assessment.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assessment.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "assessment.back", NULL);
}

static void
zc_assessment_page_init (ZcAssessmentPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  zc_inspector_hide_stack_pages (self->stack);

  self->rows = g_ptr_array_new ();
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->assessments = g_list_store_new (ZC_TYPE_ASSESSMENT);
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->assessments)),
                                          g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_single_click_activate (self->table, TRUE);
  /* The ranking first: the best score on top. */
  gtk_column_view_sort_by_column (self->table, self->score_column, GTK_SORT_DESCENDING);

  for (int k = ZC_RECORD_KIND_COMMENDATION; k <= ZC_RECORD_KIND_DISCIPLINE; k++)
    gtk_string_list_append (kinds, zc_enum_label (ZC_TYPE_MERIT_KIND, k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.record-merit", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* ---- public ------------------------------------------------------------------------------------- */

GtkWidget *
zc_assessment_page_new (ZcStore  *store,
                        ZcPerson *actor)
{
  ZcAssessmentPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_ASSESSMENT_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  return GTK_WIDGET (self);
}

void
zc_assessment_page_refresh (ZcAssessmentPage *self)
{
  g_return_if_fail (ZC_IS_ASSESSMENT_PAGE (self));

  load (self);
}

gboolean
zc_assessment_page_is_loading (ZcAssessmentPage *self)
{
  g_return_val_if_fail (ZC_IS_ASSESSMENT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

void
zc_assessment_page_show_unit (ZcAssessmentPage *self,
                              gint64            unit_id)
{
  g_return_if_fail (ZC_IS_ASSESSMENT_PAGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->assessments)); i++)
    {
      g_autoptr(ZcAssessment) a = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      if (zc_assessment_get_unit_id (a) == unit_id)
        {
          show_unit (self, a);
          return;
        }
    }
}

GListModel *
zc_assessment_page_get_model (ZcAssessmentPage *self)
{
  g_return_val_if_fail (ZC_IS_ASSESSMENT_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
