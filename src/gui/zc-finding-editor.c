/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-cause-row.h"
#include "zc-entry-model.h"
#include "zc-finding-editor.h"
#include "zc-similarity.h"
#include "zc-text-area.h"

/* The quality hint waits until the typing pauses. */
#define HINT_DELAY_MS 700

struct _ZcFindingEditor
{
  AdwBin           parent_instance;

  /* template children */
  GtkLabel        *title_label;
  GtkLabel        *category_tag;
  GtkButton       *delete_button;
  GtkLabel        *summary_label;
  GtkWidget       *review_box;
  GtkLabel        *review_label;
  GtkLabel        *missing_label;
  GtkWidget       *phenomenon_box;
  AdwComboRow     *category_row;
  AdwComboRow     *focus_row;
  ZcTextArea      *phenomenon_area;
  ZcTextArea      *example_area;
  GtkWidget       *gap_box;
  AdwComboRow     *benchmark_row;
  ZcTextArea      *gap_area;
  GtkWidget       *cause_box;
  GtkBox          *causes_box;
  GtkButton       *add_cause_button;
  GtkWidget       *measure_box;
  ZcTextArea      *measure_area;
  AdwComboRow     *term_row;

  ZcStore         *store;
  ZcPerson        *actor;
  ZcFinding       *finding;
  GListStore      *causes;
  ZcStep           step;
  guint            number;
  gboolean         editable;
  gboolean         loading;
  ZcEntryModel    *categories;
  ZcEntryModel    *focus_areas;
  ZcEntryModel    *benchmarks;
  guint            hint_id;
};

enum {
  SIGNAL_RECORD_CHANGED,
  SIGNAL_DELETE_FINDING,
  SIGNAL_DELETE_CAUSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcFindingEditor, zc_finding_editor, ADW_TYPE_BIN)

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
update_missing (ZcFindingEditor *self)
{
  g_autofree char *missing = zc_finding_editor_missing (self->finding,
                                                        G_LIST_MODEL (self->causes), self->step);

  if (missing != NULL && self->editable)
    {
      /* Translators: inline validation of one step of a problem, e.g.
       * "Still missing here: the benchmark, the gap" */
      g_autofree char *text = g_strdup_printf (_("Still missing here: %s"), missing);

      gtk_label_set_text (self->missing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing != NULL && self->editable);
}

static void
update_summary (ZcFindingEditor *self)
{
  const char *phenomenon = zc_finding_get_phenomenon (self->finding);
  const char *category = zc_finding_get_category_label (self->finding);
  g_autoptr(ZcListEntry) entry = NULL;

  if (self->step != ZC_STEP_PHENOMENON)
    {
      gtk_label_set_text (self->summary_label,
                          has_text (phenomenon) ? phenomenon
                                                : _("No phenomenon written yet: describe the "
                                                    "problem in the first step."));
      if (has_text (phenomenon))
        gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
    }

  /* The category label of a finding is filled when it is read; a choice made since is
   * looked up. */
  if (zc_finding_get_category_id (self->finding) != 0)
    {
      entry = zc_store_get_entry (self->store, zc_finding_get_category_id (self->finding));
      category = entry ? zc_list_entry_get_display_label (entry) : category;
    }
  else
    category = NULL;
  gtk_label_set_text (self->category_tag, category ? category : "");
  gtk_widget_set_visible (GTK_WIDGET (self->category_tag),
                          category != NULL && self->step != ZC_STEP_PHENOMENON);
}

static void
changed (ZcFindingEditor *self,
         gpointer         record)
{
  if (self->loading)
    return;
  update_missing (self);
  g_signal_emit (self, signals[SIGNAL_RECORD_CHANGED], 0, record);
}

/* ---- quality hints ----------------------------------------------------------------------- */

static gboolean
hint_cb (gpointer user_data)
{
  ZcFindingEditor *self = user_data;
  g_autofree char *message = NULL;
  const char *text = zc_finding_get_phenomenon (self->finding);

  self->hint_id = 0;
  if (!has_text (text))
    {
      zc_text_area_set_hint (self->phenomenon_area, NULL);
      return G_SOURCE_REMOVE;
    }
  if (zc_store_quality_hint (self->store, self->actor, text, &message) == ZC_HINT_NONE)
    zc_text_area_set_hint (self->phenomenon_area, NULL);
  else
    zc_text_area_set_hint (self->phenomenon_area, message);
  return G_SOURCE_REMOVE;
}

static void
schedule_hint (ZcFindingEditor *self)
{
  g_clear_handle_id (&self->hint_id, g_source_remove);
  self->hint_id = g_timeout_add (HINT_DELAY_MS, hint_cb, self);
}

/* ---- causes ----------------------------------------------------------------------------- */

static void
on_cause_changed_cb (ZcFindingEditor *self,
                     ZcCauseRow      *row)
{
  changed (self, zc_cause_row_get_cause (row));
}

static void
on_cause_delete_cb (ZcFindingEditor *self,
                    ZcCauseRow      *row)
{
  g_signal_emit (self, signals[SIGNAL_DELETE_CAUSE], 0, zc_cause_row_get_cause (row));
}

static void
fill_causes (ZcFindingEditor *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->causes));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->causes_box))) != NULL)
    gtk_box_remove (self->causes_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcCause) cause = g_list_model_get_item (G_LIST_MODEL (self->causes), i);
      GtkWidget *row = zc_cause_row_new (self->store, cause, i + 1, self->editable);

      g_signal_connect_object (row, "changed", G_CALLBACK (on_cause_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "delete-requested", G_CALLBACK (on_cause_delete_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->causes_box, row);
    }
  if (n == 0 && !self->editable)
    {
      GtkWidget *label = gtk_label_new (_("No cause was given."));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->causes_box, label);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_cause_button), n < 10);
  update_missing (self);
}

static void
on_causes_changed_cb (ZcFindingEditor *self,
                      guint            position,
                      guint            removed,
                      guint            added)
{
  fill_causes (self);
  if (added == 1 && removed == 0 && !self->loading)
    {
      GtkWidget *row = gtk_widget_get_last_child (GTK_WIDGET (self->causes_box));

      if (ZC_IS_CAUSE_ROW (row))
        zc_cause_row_focus (ZC_CAUSE_ROW (row));
    }
}

static void
on_add_cause_clicked_cb (ZcFindingEditor *self)
{
  g_autoptr(ZcCause) cause = zc_cause_new ();

  zc_cause_set_finding_id (cause, zc_record_get_id (ZC_RECORD (self->finding)));
  /* The page saves the problem first when it is new, then the cause with its id. */
  g_object_set_data_full (G_OBJECT (cause), "zc-finding", g_object_ref (self->finding),
                          g_object_unref);
  g_list_store_append (self->causes, cause);
  changed (self, cause);
}

/* ---- field callbacks ---------------------------------------------------------------------- */

static void
on_category_changed_cb (ZcFindingEditor *self)
{
  if (self->loading)
    return;
  zc_finding_set_category_id (self->finding,
                              zc_entry_model_get_id (self->categories,
                                                     adw_combo_row_get_selected (self->category_row)));
  changed (self, self->finding);
}

static void
on_focus_changed_cb (ZcFindingEditor *self)
{
  if (self->loading)
    return;
  zc_finding_set_focus_area_id (self->finding,
                                zc_entry_model_get_id (self->focus_areas,
                                                       adw_combo_row_get_selected (self->focus_row)));
  changed (self, self->finding);
}

static void
on_phenomenon_changed_cb (ZcFindingEditor *self)
{
  zc_finding_set_phenomenon (self->finding, zc_text_area_get_text (self->phenomenon_area));
  schedule_hint (self);
  changed (self, self->finding);
}

static void
on_example_changed_cb (ZcFindingEditor *self)
{
  zc_finding_set_example (self->finding, zc_text_area_get_text (self->example_area));
  changed (self, self->finding);
}

static void
on_benchmark_changed_cb (ZcFindingEditor *self)
{
  if (self->loading)
    return;
  zc_finding_set_benchmark_id (self->finding,
                               zc_entry_model_get_id (self->benchmarks,
                                                      adw_combo_row_get_selected (self->benchmark_row)));
  changed (self, self->finding);
}

static void
on_gap_changed_cb (ZcFindingEditor *self)
{
  zc_finding_set_gap (self->finding, zc_text_area_get_text (self->gap_area));
  changed (self, self->finding);
}

static void
on_measure_changed_cb (ZcFindingEditor *self)
{
  zc_finding_set_measure (self->finding, zc_text_area_get_text (self->measure_area));
  changed (self, self->finding);
}

static void
on_term_changed_cb (ZcFindingEditor *self)
{
  if (self->loading)
    return;
  zc_finding_set_term_type (self->finding, adw_combo_row_get_selected (self->term_row));
  changed (self, self->finding);
}

static void
on_delete_clicked_cb (ZcFindingEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_DELETE_FINDING], 0);
}

/* Another step's editor changed the problem: this one shows it as it is now. */
static void
on_finding_notify_cb (ZcFindingEditor *self)
{
  update_summary (self);
  update_missing (self);
}

/* ---- vfuncs ------------------------------------------------------------------------------- */

static void
zc_finding_editor_dispose (GObject *object)
{
  ZcFindingEditor *self = ZC_FINDING_EDITOR (object);

  g_clear_handle_id (&self->hint_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), ZC_TYPE_FINDING_EDITOR);

  G_OBJECT_CLASS (zc_finding_editor_parent_class)->dispose (object);
}

static void
zc_finding_editor_finalize (GObject *object)
{
  ZcFindingEditor *self = ZC_FINDING_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->finding);
  g_clear_object (&self->causes);
  g_clear_pointer (&self->categories, zc_entry_model_free);
  g_clear_pointer (&self->focus_areas, zc_entry_model_free);
  g_clear_pointer (&self->benchmarks, zc_entry_model_free);

  G_OBJECT_CLASS (zc_finding_editor_parent_class)->finalize (object);
}

static void
zc_finding_editor_class_init (ZcFindingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_finding_editor_dispose;
  object_class->finalize = zc_finding_editor_finalize;

  /**
   * ZcFindingEditor::record-changed:
   * @record: the ZcFinding or ZcCause that changed
   */
  signals[SIGNAL_RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[SIGNAL_DELETE_FINDING] =
    g_signal_new ("delete-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DELETE_CAUSE] =
    g_signal_new ("delete-cause", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZC_TYPE_CAUSE);

  g_type_ensure (ZC_TYPE_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-finding-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, category_tag);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, review_box);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, review_label);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, phenomenon_box);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, focus_row);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, phenomenon_area);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, example_area);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, gap_box);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, benchmark_row);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, gap_area);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, cause_box);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, causes_box);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, add_cause_button);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, measure_box);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, measure_area);
  gtk_widget_class_bind_template_child (widget_class, ZcFindingEditor, term_row);
  gtk_widget_class_bind_template_callback (widget_class, on_category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_phenomenon_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_example_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_benchmark_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_gap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_measure_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_term_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_cause_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
}

static void
zc_finding_editor_init (ZcFindingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public ------------------------------------------------------------------------------- */

static void
label_field (GtkWidget  *widget,
             guint       number,
             const char *field)
{
  /* Translators: the accessible name of a field of problem N, e.g. "Problem 2: gap" */
  g_autofree char *label = g_strdup_printf (_("Problem %u: %s"), number, field);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
zc_finding_editor_new (ZcStore    *store,
                       ZcPerson   *actor,
                       ZcFinding  *finding,
                       GListStore *causes,
                       ZcStep      step,
                       guint       number,
                       gboolean    editable)
{
  ZcFindingEditor *self;
  g_autofree char *title = NULL;
  g_autoptr(GtkStringList) terms = NULL;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_FINDING (finding), NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (causes), NULL);
  g_return_val_if_fail (step < ZC_STEP_REVIEW, NULL);

  self = g_object_new (ZC_TYPE_FINDING_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->finding = g_object_ref (finding);
  self->causes = g_object_ref (causes);
  self->step = step;
  self->number = number;
  self->editable = editable;
  self->loading = TRUE;

  title = g_strdup_printf (_("Problem %u"), number);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button),
                          editable && step == ZC_STEP_PHENOMENON);
  label_field (GTK_WIDGET (self->delete_button), number, _("remove"));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), step != ZC_STEP_PHENOMENON);

  if (zc_finding_get_review_comment (finding) != NULL)
    {
      gtk_label_set_text (self->review_label, zc_finding_get_review_comment (finding));
      gtk_widget_set_visible (self->review_box, TRUE);
    }

  gtk_widget_set_visible (self->phenomenon_box, step == ZC_STEP_PHENOMENON);
  gtk_widget_set_visible (self->gap_box, step == ZC_STEP_GAP);
  gtk_widget_set_visible (self->cause_box, step == ZC_STEP_CAUSE);
  gtk_widget_set_visible (self->measure_box, step == ZC_STEP_MEASURE);

  switch (step)
    {
    case ZC_STEP_PHENOMENON:
      self->categories = zc_entry_model_new (store, ZC_LIST_KIND_CATEGORY, _("Not chosen yet"));
      zc_entry_model_bind_row (self->categories, store, self->category_row,
                               zc_finding_get_category_id (finding));
      self->focus_areas = zc_entry_model_new (store, ZC_LIST_KIND_FOCUS_AREA, _("None"));
      zc_entry_model_bind_row (self->focus_areas, store, self->focus_row,
                               zc_finding_get_focus_area_id (finding));
      zc_text_area_set_text (self->phenomenon_area, zc_finding_get_phenomenon (finding));
      zc_text_area_set_text (self->example_area, zc_finding_get_example (finding));
      zc_text_area_set_placeholder (self->phenomenon_area,
                                    _("What did you do, or fail to do, in your post? Say it "
                                      "plainly, in your own words."));
      zc_text_area_set_placeholder (self->example_area,
                                    _("One real case: when, where, what happened and what it "
                                      "led to."));
      zc_text_area_set_editable (self->phenomenon_area, editable);
      zc_text_area_set_editable (self->example_area, editable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), editable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->focus_row), editable);
      label_field (zc_text_area_get_text_view (self->phenomenon_area), number, _("phenomenon"));
      label_field (zc_text_area_get_text_view (self->example_area), number,
                   _("concrete example"));
      label_field (GTK_WIDGET (self->category_row), number, _("category"));
      label_field (GTK_WIDGET (self->focus_row), number, _("focus area"));
      if (editable && has_text (zc_finding_get_phenomenon (finding)))
        schedule_hint (self);
      break;

    case ZC_STEP_GAP:
      self->benchmarks = zc_entry_model_new (store, ZC_LIST_KIND_BENCHMARK, _("Not chosen yet"));
      zc_entry_model_bind_row (self->benchmarks, store, self->benchmark_row,
                               zc_finding_get_benchmark_id (finding));
      zc_text_area_set_text (self->gap_area, zc_finding_get_gap (finding));
      zc_text_area_set_placeholder (self->gap_area,
                                    _("What does the benchmark ask, and how far do you fall "
                                      "short of it?"));
      zc_text_area_set_editable (self->gap_area, editable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->benchmark_row), editable);
      label_field (zc_text_area_get_text_view (self->gap_area), number, _("gap"));
      label_field (GTK_WIDGET (self->benchmark_row), number, _("benchmark"));
      break;

    case ZC_STEP_CAUSE:
      gtk_widget_set_visible (GTK_WIDGET (self->add_cause_button), editable);
      label_field (GTK_WIDGET (self->add_cause_button), number, _("add a cause"));
      g_signal_connect_object (causes, "items-changed", G_CALLBACK (on_causes_changed_cb),
                               self, G_CONNECT_SWAPPED);
      fill_causes (self);
      break;

    case ZC_STEP_MEASURE:
      zc_text_area_set_text (self->measure_area, zc_finding_get_measure (finding));
      zc_text_area_set_placeholder (self->measure_area,
                                    _("What will you do about it, and by when?"));
      zc_text_area_set_editable (self->measure_area, editable);
      terms = gtk_string_list_new (NULL);
      gtk_string_list_append (terms, _("Not chosen yet"));
      gtk_string_list_append (terms, zc_enum_label (ZC_TYPE_TERM_TYPE, ZC_TERM_TYPE_IMMEDIATE));
      gtk_string_list_append (terms, zc_enum_label (ZC_TYPE_TERM_TYPE, ZC_TERM_TYPE_DEADLINE));
      gtk_string_list_append (terms, zc_enum_label (ZC_TYPE_TERM_TYPE, ZC_TERM_TYPE_ONGOING));
      adw_combo_row_set_model (self->term_row, G_LIST_MODEL (terms));
      adw_combo_row_set_selected (self->term_row, zc_finding_get_term_type (finding));
      gtk_widget_set_sensitive (GTK_WIDGET (self->term_row), editable);
      label_field (zc_text_area_get_text_view (self->measure_area), number, _("measure"));
      label_field (GTK_WIDGET (self->term_row), number, _("term type"));
      break;

    case ZC_STEP_REVIEW:
    case ZC_N_STEPS:
    default:
      g_assert_not_reached ();
    }

  g_signal_connect_object (finding, "notify", G_CALLBACK (on_finding_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_summary (self);
  update_missing (self);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}

ZcFinding *
zc_finding_editor_get_finding (ZcFindingEditor *self)
{
  g_return_val_if_fail (ZC_IS_FINDING_EDITOR (self), NULL);

  return self->finding;
}

void
zc_finding_editor_set_deletable (ZcFindingEditor *self,
                                 gboolean         deletable)
{
  g_return_if_fail (ZC_IS_FINDING_EDITOR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button),
                          deletable && self->editable && self->step == ZC_STEP_PHENOMENON);
}

void
zc_finding_editor_focus (ZcFindingEditor *self)
{
  g_return_if_fail (ZC_IS_FINDING_EDITOR (self));

  switch (self->step)
    {
    case ZC_STEP_PHENOMENON:
      gtk_widget_grab_focus (zc_text_area_get_text_view (self->phenomenon_area));
      break;
    case ZC_STEP_GAP:
      gtk_widget_grab_focus (GTK_WIDGET (self->benchmark_row));
      break;
    case ZC_STEP_CAUSE:
      gtk_widget_grab_focus (GTK_WIDGET (self->add_cause_button));
      break;
    case ZC_STEP_MEASURE:
      gtk_widget_grab_focus (zc_text_area_get_text_view (self->measure_area));
      break;
    case ZC_STEP_REVIEW:
    case ZC_N_STEPS:
    default:
      break;
    }
}

char *
zc_finding_editor_missing (ZcFinding  *finding,
                           GListModel *causes,
                           ZcStep      step)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  guint n_causes = causes ? g_list_model_get_n_items (causes) : 0;
  gboolean cause = FALSE;

  /* The same rules, in the same words, as zc_store_check_form. */
  switch (step)
    {
    case ZC_STEP_PHENOMENON:
      if (zc_finding_get_category_id (finding) == 0)
        g_ptr_array_add (missing, (gpointer) _("the category"));
      if (!has_text (zc_finding_get_phenomenon (finding)))
        g_ptr_array_add (missing, (gpointer) _("the phenomenon"));
      break;
    case ZC_STEP_GAP:
      if (zc_finding_get_benchmark_id (finding) == 0)
        g_ptr_array_add (missing, (gpointer) _("the benchmark"));
      if (!has_text (zc_finding_get_gap (finding)))
        g_ptr_array_add (missing, (gpointer) _("the gap"));
      break;
    case ZC_STEP_CAUSE:
      for (guint i = 0; i < n_causes; i++)
        {
          g_autoptr(ZcCause) c = g_list_model_get_item (causes, i);

          cause = cause || has_text (zc_cause_get_text (c));
        }
      if (!cause)
        g_ptr_array_add (missing, (gpointer) _("a cause"));
      break;
    case ZC_STEP_MEASURE:
      if (!has_text (zc_finding_get_measure (finding)))
        g_ptr_array_add (missing, (gpointer) _("the measure"));
      if (zc_finding_get_term_type (finding) == ZC_TERM_TYPE_NONE)
        g_ptr_array_add (missing, (gpointer) _("the term type of the measure"));
      break;
    case ZC_STEP_REVIEW:
    case ZC_N_STEPS:
    default:
      break;
    }

  if (missing->len == 0)
    return NULL;
  g_ptr_array_add (missing, NULL);
  /* Translators: the separator of a list of missing things: "the benchmark, the gap" */
  return g_strjoinv (_(", "), (char **) missing->pdata);
}
