/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-lead-common.h"
#include "zc-merge-dialog.h"

/* The title proposed from a finding: its first clause, at most this many characters. */
#define PROPOSED_TITLE_CHARS 40

struct _ZcMergeDialog
{
  AdwWindow             parent_instance;

  /* template children */
  AdwWindowTitle       *window_title;
  GtkWidget            *merge_button;
  AdwComboRow          *target_row;
  GtkWidget            *new_group;
  AdwEntryRow          *title_row;
  AdwComboRow          *category_row;
  AdwComboRow          *severity_row;
  GtkWidget            *description_box;
  GtkTextView          *description_view;
  AdwPreferencesGroup  *findings_group;

  ZcStore              *store;
  ZcPerson             *actor;
  gint64                unit_id;
  GPtrArray            *findings;     /* ZcFinding */
  GListModel           *problems;     /* the unit's problem list, after "a new problem" */
  GArray               *category_ids; /* gint64, as the category row lists them */
};

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcMergeDialog, zc_merge_dialog, ADW_TYPE_WINDOW)

/* ---- helpers -------------------------------------------------------------------------------- */

static gboolean
is_new_problem (ZcMergeDialog *self)
{
  return adw_combo_row_get_selected (self->target_row) == 0;
}

static void
update_sensitivity (ZcMergeDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_widget_set_sensitive (self->merge_button, !is_new_problem (self) || *title != '\0');
}

static char *
propose_title (const char *text)
{
  const char *stops = "，。；：,.;:";
  GString *title = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0' && n < PROPOSED_TITLE_CHARS;
       p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n >= 8 && g_utf8_strchr (stops, -1, c) != NULL)
        break;
      g_string_append_unichar (title, c);
    }
  return g_string_free (title, FALSE);
}

static void
fill_categories (ZcMergeDialog *self)
{
  g_autoptr(GListModel) entries = zc_store_list_entries (self->store, ZC_LIST_KIND_CATEGORY);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint best = 0, best_votes = 0;

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(ZcListEntry) entry = g_list_model_get_item (entries, i);
      gint64 id = zc_record_get_id (ZC_RECORD (entry));
      guint count = 0;

      if (!zc_list_entry_get_active (entry))
        continue;
      for (guint k = 0; k < self->findings->len; k++)
        if (zc_finding_get_category_id (g_ptr_array_index (self->findings, k)) == id)
          count++;
      if (count > best_votes)
        {
          best_votes = count;
          best = self->category_ids->len;
        }
      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (labels, zc_list_entry_get_display_label (entry));
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->category_row, best);
}

static void
fill_targets (ZcMergeDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  gtk_string_list_append (labels, _("A new problem"));
  self->problems = zc_store_list_problems (self->store, self->actor, self->unit_id, &error);
  for (guint i = 0; self->problems != NULL && i < g_list_model_get_n_items (self->problems); i++)
    {
      g_autoptr(ZcProblem) problem = g_list_model_get_item (self->problems, i);
      /* Translators: a problem of the problem list: its number and title */
      g_autofree char *label = g_strdup_printf (_("%d. %s"), zc_problem_get_number (problem),
                                                zc_problem_get_title (problem));

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->target_row, 0);
}

static void
fill_severities (ZcMergeDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (int i = ZC_SEVERITY_GENERAL; i <= ZC_SEVERITY_CRITICAL; i++)
    gtk_string_list_append (labels, zc_enum_label (ZC_TYPE_SEVERITY, i));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->severity_row, ZC_SEVERITY_GENERAL);
}

static void
fill_findings (ZcMergeDialog *self)
{
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->findings->len; i++)
    {
      ZcFinding *finding = g_ptr_array_index (self->findings, i);
      GtkWidget *row = adw_action_row_new ();
      const char *author = zc_finding_get_author_name (finding);
      const char *text = zc_finding_get_phenomenon (finding);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     text ? text : zc_finding_get_example (finding));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
      if (author != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), author);
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     zc_enum_label (ZC_TYPE_FINDING_SOURCE,
                                                    zc_finding_get_source (finding)));
      adw_preferences_group_add (self->findings_group, row);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings",
                                        self->findings->len), self->findings->len);
  adw_window_title_set_subtitle (self->window_title, count);
}

/* ---- signal callbacks ----------------------------------------------------------------------- */

static void
on_target_changed_cb (ZcMergeDialog *self)
{
  gboolean new_problem = is_new_problem (self);

  gtk_widget_set_visible (self->new_group, new_problem);
  gtk_widget_set_visible (self->description_box, new_problem);
  gtk_button_set_label (GTK_BUTTON (self->merge_button), new_problem ? _("_Merge") : _("_Add"));
  update_sensitivity (self);
}

static void
on_title_changed_cb (ZcMergeDialog *self)
{
  update_sensitivity (self);
}

static void
on_merge_clicked_cb (ZcMergeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcProblem) problem = NULL;
  g_autofree gint64 *ids = g_new0 (gint64, MAX (self->findings->len, 1));
  gboolean new_problem = is_new_problem (self);

  if (!gtk_widget_get_sensitive (self->merge_button))
    return;

  for (guint i = 0; i < self->findings->len; i++)
    ids[i] = zc_record_get_id (g_ptr_array_index (self->findings, i));

  if (new_problem)
    {
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
      g_autofree char *description = zc_lead_text_view_get (self->description_view);
      guint category = adw_combo_row_get_selected (self->category_row);
      gint64 category_id = category < self->category_ids->len
                           ? g_array_index (self->category_ids, gint64, category) : 0;

      problem = zc_store_merge_findings (self->store, self->actor, self->unit_id, title,
                                         description, category_id,
                                         (ZcSeverity) adw_combo_row_get_selected (self->severity_row),
                                         ids, self->findings->len, &error);
    }
  else
    {
      problem = g_list_model_get_item (self->problems,
                                       adw_combo_row_get_selected (self->target_row) - 1);
      if (!zc_store_add_to_problem (self->store, self->actor, problem, ids, self->findings->len,
                                    &error))
        g_clear_object (&problem);
    }

  if (problem == NULL)
    {
      zc_lead_error (GTK_WIDGET (self), _("The findings were not merged."), error);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[MERGED], 0, problem, new_problem);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_merge_dialog_dispose (GObject *object)
{
  ZcMergeDialog *self = ZC_MERGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_MERGE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (zc_merge_dialog_parent_class)->dispose (object);
}

static void
zc_merge_dialog_class_init (ZcMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_merge_dialog_dispose;

  /**
   * ZcMergeDialog::merged:
   * @problem: the problem the findings went into
   * @new_problem: whether it was made by this merge (and may be undone)
   */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, ZC_TYPE_PROBLEM,
                                  G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, new_group);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, severity_row);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, description_box);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, ZcMergeDialog, findings_group);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_merge_dialog_init (ZcMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  zc_lead_text_field_grow (self->description_view);
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_merge_dialog_new (GtkWindow *parent,
                     ZcStore   *store,
                     ZcPerson  *actor,
                     gint64     unit_id,
                     GPtrArray *findings)
{
  ZcMergeDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);
  g_return_val_if_fail (findings != NULL && findings->len > 0, NULL);

  self = g_object_new (ZC_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->unit_id = unit_id;
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (self->findings, g_object_ref (g_ptr_array_index (findings, i)));

  fill_targets (self);
  fill_categories (self);
  fill_severities (self);
  fill_findings (self);

  title = propose_title (zc_finding_get_phenomenon (g_ptr_array_index (findings, 0)));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  on_target_changed_cb (self);
  return GTK_WIDGET (self);
}
