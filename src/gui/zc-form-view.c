/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-form-view.h"
#include "zc-lead-common.h"

struct _ZcFormView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scrolled;
  GtkBox            *content;

  ZcStore           *store;
  ZcPerson          *actor;
  ZcForm            *form;
  GPtrArray         *comment_rows;   /* AdwEntryRow, one per problem while reviewing */
};

G_DEFINE_FINAL_TYPE (ZcFormView, zc_form_view, GTK_TYPE_WIDGET)

/* ---- helpers -------------------------------------------------------------------------------- */

static void
clear_content (ZcFormView *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->comment_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
append_block (GtkBox     *box,
              const char *heading,
              const char *text)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_box_append (GTK_BOX (block), zc_lead_heading_label (heading));
  gtk_box_append (GTK_BOX (block), zc_lead_text_label (text));
  gtk_box_append (box, block);
}

static const char *
entry_label (ZcStore *store,
             gint64   id)
{
  g_autoptr(ZcListEntry) entry = id ? zc_store_get_entry (store, id) : NULL;

  /* The label lives as long as the interned built-in name or the store's cache; copy it. */
  return entry ? g_intern_string (zc_list_entry_get_display_label (entry)) : NULL;
}

static void
on_comment_apply_cb (AdwEntryRow *row,
                     ZcFormView  *self)
{
  ZcFinding *finding = g_object_get_data (G_OBJECT (row), "zc-finding");
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (!zc_store_comment_finding (self->store, self->actor, finding,
                                 *comment ? comment : NULL, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The comment was not saved."), error);
      return;
    }
  zc_lead_toast (GTK_WIDGET (self), *comment ? _("Comment saved") : _("Comment removed"));
}

static GtkWidget *
finding_card (ZcFormView *self,
              ZcFinding  *finding,
              guint       number,
              gboolean    reviewing)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title;
  const char *category = zc_finding_get_category_label (finding);
  const char *benchmark = entry_label (self->store, zc_finding_get_benchmark_id (finding));
  g_autofree char *title_text = NULL;
  g_autofree char *gap_heading = NULL;
  g_autoptr(GListModel) causes = NULL;
  ZcTermType term = zc_finding_get_term_type (finding);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "zc-document-card");

  /* Translators: the heading of one problem of a self-inspection form */
  title_text = g_strdup_printf (_("Problem %u"), number);
  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  if (category != NULL)
    {
      GtkWidget *tag = gtk_label_new (category);

      gtk_widget_add_css_class (tag, "zc-tag");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), tag);
    }
  gtk_box_append (GTK_BOX (card), header);

  append_block (GTK_BOX (card), _("Phenomenon"), zc_finding_get_phenomenon (finding));
  if (zc_finding_get_example (finding) != NULL)
    append_block (GTK_BOX (card), _("Example"), zc_finding_get_example (finding));

  if (benchmark != NULL)
    /* Translators: the heading of the gap, with the benchmark it is measured against */
    gap_heading = g_strdup_printf (_("Gap, against: %s"), benchmark);
  append_block (GTK_BOX (card), gap_heading ? gap_heading : _("Gap"),
                zc_finding_get_gap (finding));

  causes = zc_store_list_causes (self->store, self->actor,
                                 zc_record_get_id (ZC_RECORD (finding)), NULL);
  if (causes != NULL && g_list_model_get_n_items (causes) > 0)
    {
      GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_box_append (GTK_BOX (block), zc_lead_heading_label (_("Causes")));
      for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
        {
          g_autoptr(ZcCause) cause = g_list_model_get_item (causes, i);
          const char *dimension = zc_cause_get_dimension_label (cause);
          const char *why = zc_cause_get_why_chain (cause);
          g_autofree char *line = NULL;

          if (dimension != NULL)
            /* Translators: a cause: its dimension, then the text */
            line = g_strdup_printf (_("%s: %s"), dimension,
                                    zc_cause_get_text (cause) ? zc_cause_get_text (cause) : "");
          else
            line = g_strdup (zc_cause_get_text (cause));
          gtk_box_append (GTK_BOX (block), zc_lead_text_label (line));
          if (why != NULL && *why != '\0')
            {
              GtkWidget *why_label = zc_lead_text_label (why);

              gtk_widget_set_margin_start (why_label, 18);
              gtk_widget_add_css_class (why_label, "dim-label");
              gtk_box_append (GTK_BOX (block), why_label);
            }
        }
      gtk_box_append (GTK_BOX (card), block);
    }

  if (term != ZC_TERM_TYPE_NONE)
    {
      /* Translators: the heading of the proposed measure, with its term type */
      g_autofree char *heading = g_strdup_printf (_("Measure (%s)"),
                                                  zc_enum_label (ZC_TYPE_TERM_TYPE, term));

      append_block (GTK_BOX (card), heading, zc_finding_get_measure (finding));
    }
  else
    append_block (GTK_BOX (card), _("Measure"), zc_finding_get_measure (finding));

  if (reviewing)
    {
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *accessible = NULL;

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Your comment on this problem"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      if (zc_finding_get_review_comment (finding) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), zc_finding_get_review_comment (finding));
      g_object_set_data_full (G_OBJECT (row), "zc-finding", g_object_ref (finding),
                              g_object_unref);
      g_signal_connect (row, "apply", G_CALLBACK (on_comment_apply_cb), self);
      g_ptr_array_add (self->comment_rows, row);
      /* Translators: the accessible name of the comment field of problem N */
      accessible = g_strdup_printf (_("Comment on problem %u"), number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      gtk_box_append (GTK_BOX (card), list);
    }
  else if (zc_finding_get_review_comment (finding) != NULL)
    {
      GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_add_css_class (block, "zc-review-note");
      gtk_box_append (GTK_BOX (block), zc_lead_heading_label (_("Reviewer’s comment")));
      gtk_box_append (GTK_BOX (block),
                      zc_lead_text_label (zc_finding_get_review_comment (finding)));
      gtk_box_append (GTK_BOX (card), block);
    }

  return card;
}

static GtkWidget *
form_header (ZcFormView *self,
             guint       n_findings)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title;
  GtkWidget *details;
  g_autofree char *title_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *submitted = zc_lead_format_day (zc_form_get_submitted_at (self->form));
  g_autofree char *submitted_text = NULL;
  g_autofree char *details_text = NULL;

  /* Translators: the title of a person's self-inspection form */
  title_text = g_strdup_printf (_("%s’s Self-Inspection Form"),
                                zc_form_get_person_name (self->form));
  title = gtk_label_new (title_text);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title_text, -1);
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), zc_lead_form_state_badge (zc_form_get_state (self->form)));
  gtk_box_append (GTK_BOX (box), row);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems",
                                        n_findings), n_findings);
  if (submitted != NULL)
    /* Translators: when a form was submitted */
    submitted_text = g_strdup_printf (_("submitted %s"), submitted);
  /* Translators: unit · staff code · number of problems · submitted date */
  details_text = g_strjoin (" · ", zc_form_get_unit_name (self->form),
                            zc_form_get_staff_code (self->form), count,
                            submitted_text ? submitted_text : NULL, NULL);
  details = gtk_label_new (details_text);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0.0f);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), details);

  if (zc_form_get_review_comment (self->form) != NULL &&
      zc_form_get_state (self->form) != ZC_FORM_STATE_SUBMITTED)
    {
      GtkWidget *note = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_add_css_class (note, "zc-review-note");
      gtk_widget_set_margin_top (note, 6);
      gtk_box_append (GTK_BOX (note), zc_lead_heading_label (_("Review comment")));
      gtk_box_append (GTK_BOX (note), zc_lead_text_label (zc_form_get_review_comment (self->form)));
      gtk_box_append (GTK_BOX (box), note);
    }
  return box;
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_form_view_dispose (GObject *object)
{
  ZcFormView *self = ZC_FORM_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_FORM_VIEW);
  /* The template's top widget, which has no id to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->form);
  g_clear_pointer (&self->comment_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (zc_form_view_parent_class)->dispose (object);
}

static void
zc_form_view_class_init (ZcFormViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_form_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-form-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcFormView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ZcFormView, content);
}

static void
zc_form_view_init (ZcFormView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->comment_rows = g_ptr_array_new ();
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_form_view_new (void)
{
  return g_object_new (ZC_TYPE_FORM_VIEW, NULL);
}

gboolean
zc_form_view_set_form (ZcFormView  *self,
                       ZcStore     *store,
                       ZcPerson    *actor,
                       ZcForm      *form,
                       gboolean     reviewing,
                       GError     **error)
{
  g_autoptr(GListModel) findings = NULL;
  guint n;

  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), FALSE);
  g_return_val_if_fail (form == NULL || ZC_IS_STORE (store), FALSE);

  clear_content (self);
  g_set_object (&self->store, store);
  g_set_object (&self->actor, actor);
  g_set_object (&self->form, form);
  if (form == NULL)
    return TRUE;

  findings = zc_store_list_form_findings (store, actor, zc_record_get_id (ZC_RECORD (form)),
                                          error);
  if (findings == NULL)
    return FALSE;
  n = g_list_model_get_n_items (findings);

  gtk_box_append (self->content, form_header (self, n));
  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("This form lists no problems."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->content, empty);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcFinding) finding = g_list_model_get_item (findings, i);

      gtk_box_append (self->content, finding_card (self, finding, i + 1, reviewing));
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  return TRUE;
}

gboolean
zc_form_view_save_comments (ZcFormView  *self,
                            GError     **error)
{
  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), FALSE);

  for (guint i = 0; self->comment_rows != NULL && i < self->comment_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->comment_rows, i);
      ZcFinding *finding = g_object_get_data (G_OBJECT (row), "zc-finding");
      g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      if (g_strcmp0 (*comment ? comment : NULL, zc_finding_get_review_comment (finding)) == 0)
        continue;
      if (!zc_store_comment_finding (self->store, self->actor, finding,
                                     *comment ? comment : NULL, error))
        return FALSE;
    }
  return TRUE;
}

ZcForm *
zc_form_view_get_form (ZcFormView *self)
{
  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), NULL);

  return self->form;
}
