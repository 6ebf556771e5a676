/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-form-view.h"
#include "zc-format.h"
#include "zc-inspection-page.h"
#include "zc-similarity.h"
#include "zc-window.h"

/* Drafts are saved this long after the last keystroke. */
#define SAVE_DELAY_MS 1000

typedef struct
{
  const char *name;        /* the stack page, and the guidance step of the core */
  const char *title;       /* the heading of the step */
  const char *short_title; /* its button, in the context "self-inspection step" */
} StepInfo;

static const StepInfo steps[ZC_N_STEPS] = {
  { "phenomenon", N_("List Problems"), NC_("self-inspection step", "Problems") },
  { "gap", N_("Measure the Gap"), NC_("self-inspection step", "Gap") },
  { "cause", N_("Find Causes"), NC_("self-inspection step", "Causes") },
  { "measure", N_("Propose Measures"), NC_("self-inspection step", "Measures") },
  { "review", N_("Review and Submit"), NC_("self-inspection step", "Review") },
};

#define SHORT_TITLE(step) g_dpgettext2 (GETTEXT_PACKAGE, "self-inspection step", \
                                        steps[step].short_title)

struct _ZcInspectionPage
{
  AdwBin              parent_instance;

  /* template children */
  GtkWidget          *step_bar;
  GtkWidget          *banner;
  GtkLabel           *banner_label;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkWidget          *bottom_bar;
  GtkButton          *previous_button;
  GtkLabel           *status_label;
  GtkButton          *next_button;

  /* built in code */
  GtkBox             *editors_box[ZC_STEP_REVIEW];
  GtkWidget          *add_button;
  GtkLabel           *check_label;
  ZcFormView         *form_view;
  GtkWidget          *submit_button;

  ZcStore            *store;
  ZcPerson           *actor;
  ZcForm             *form;          /* NULL until the first save creates it */
  GListStore         *findings;      /* ZcFinding; each holds its causes as "zc-causes" */
  GPtrArray          *dirty;         /* ZcFinding and ZcCause objects to save */
  ZcStep              step;
  gboolean            editable;
  guint               save_id;
  gulong              close_handler;
  GtkWidget          *close_window;
  GCancellable       *cancellable;
  gboolean            hints_requested;
  gboolean            loaded;          /* the form was read (at first showing) */
};

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZcInspectionPage, zc_inspection_page, ADW_TYPE_BIN)

/* The day of a stored time stamp ("2026-05-20T08:00:00Z"), as people read dates. */
static char *
format_day (const char *timestamp)
{
  g_autofree char *day = timestamp ? g_strndup (timestamp, 10) : NULL;

  return zc_format_date (day);
}

static void rebuild_editors (ZcInspectionPage *self);
static void refresh_review  (ZcInspectionPage *self);

/* ---- helpers ------------------------------------------------------------------------------ */

static GListStore *
causes_of (ZcFinding *finding)
{
  return g_object_get_data (G_OBJECT (finding), "zc-causes");
}

static void
set_status (ZcInspectionPage *self,
            const char       *text,
            gboolean          error)
{
  /* Saving from dispose, after the template's children are gone. */
  if (self->status_label == NULL)
    return;
  gtk_label_set_text (self->status_label, text ? text : "");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
show_toast (ZcInspectionPage *self,
            const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ZC_IS_WINDOW (root))
    zc_window_show_message (ZC_WINDOW (root), message);
}

static ZcFinding *
new_finding (ZcInspectionPage *self)
{
  ZcFinding *finding = zc_finding_new ();

  zc_finding_set_form_id (finding, self->form ? zc_record_get_id (ZC_RECORD (self->form)) : 0);
  g_object_set_data_full (G_OBJECT (finding), "zc-causes",
                          g_list_store_new (ZC_TYPE_CAUSE), g_object_unref);
  return finding;
}

static void
forget_dirty (ZcInspectionPage *self,
              gpointer          record)
{
  guint index;

  if (g_ptr_array_find (self->dirty, record, &index))
    g_ptr_array_remove_index (self->dirty, index);
}

/* ---- saving -------------------------------------------------------------------------------- */

static gboolean
ensure_form (ZcInspectionPage  *self,
             GError           **error)
{
  if (self->form != NULL)
    return TRUE;
  self->form = zc_store_ensure_own_form (self->store, self->actor, error);
  return self->form != NULL;
}

/* Once saved, the problem a form started with can be removed like any other: its editors
 * (one per step) show their remove buttons. */
static void
allow_removing (ZcInspectionPage *self,
                ZcFinding        *finding)
{
  for (ZcStep step = 0; step < ZC_STEP_REVIEW; step++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->editors_box[step]));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (ZC_IS_FINDING_EDITOR (child) &&
          zc_finding_editor_get_finding (ZC_FINDING_EDITOR (child)) == finding)
        zc_finding_editor_set_deletable (ZC_FINDING_EDITOR (child), self->editable);
}

static gboolean
save_finding (ZcInspectionPage  *self,
              ZcFinding         *finding,
              GError           **error)
{
  gboolean was_new = zc_record_get_id (ZC_RECORD (finding)) == 0;

  if (!ensure_form (self, error))
    return FALSE;
  if (zc_finding_get_form_id (finding) == 0)
    zc_finding_set_form_id (finding, zc_record_get_id (ZC_RECORD (self->form)));
  if (!zc_store_save_finding (self->store, self->actor, finding, error))
    return FALSE;
  forget_dirty (self, finding);
  if (was_new)
    allow_removing (self, finding);
  return TRUE;
}

static gboolean
save_cause (ZcInspectionPage  *self,
            ZcCause           *cause,
            GError           **error)
{
  ZcFinding *finding = g_object_get_data (G_OBJECT (cause), "zc-finding");

  if (finding != NULL && zc_record_get_id (ZC_RECORD (finding)) == 0 &&
      !save_finding (self, finding, error))
    return FALSE;
  if (finding != NULL)
    zc_cause_set_finding_id (cause, zc_record_get_id (ZC_RECORD (finding)));
  if (!zc_store_save_cause (self->store, self->actor, cause, error))
    return FALSE;
  forget_dirty (self, cause);
  return TRUE;
}

static gboolean
save_now (ZcInspectionPage *self)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->dirty->len == 0 || self->store == NULL)
    return TRUE;

  pending = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->dirty->len; i++)
    g_ptr_array_add (pending, g_object_ref (self->dirty->pdata[i]));

  /* Problems first: a new cause needs the id of its problem. */
  for (guint i = 0; error == NULL && i < pending->len; i++)
    if (ZC_IS_FINDING (pending->pdata[i]) &&
        g_ptr_array_find (self->dirty, pending->pdata[i], NULL))
      save_finding (self, pending->pdata[i], &error);
  for (guint i = 0; error == NULL && i < pending->len; i++)
    if (ZC_IS_CAUSE (pending->pdata[i]) &&
        g_ptr_array_find (self->dirty, pending->pdata[i], NULL))
      save_cause (self, pending->pdata[i], &error);

  if (error != NULL)
    {
      /* Translators: the draft could not be saved; the reason follows */
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);

      g_debug ("Saving the draft: %s", error->message);
      set_status (self, text, TRUE);
      return FALSE;
    }

  set_status (self, _("Draft saved"), FALSE);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  ZcInspectionPage *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_record_changed_cb (ZcInspectionPage *self,
                      GObject          *record)
{
  if (!self->editable)
    return;
  if (!g_ptr_array_find (self->dirty, record, NULL))
    g_ptr_array_add (self->dirty, g_object_ref (record));
  set_status (self, _("Saving the draft…"), FALSE);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* ---- deleting ---------------------------------------------------------------------------- */

static void
on_delete_finding_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               ZcInspectionPage *self)
{
  ZcFinding *finding = g_object_get_data (G_OBJECT (dialog), "zc-finding");
  g_autoptr(GError) error = NULL;
  GListStore *causes = causes_of (finding);
  guint position;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  for (guint i = 0; causes && i < g_list_model_get_n_items (G_LIST_MODEL (causes)); i++)
    {
      g_autoptr(ZcCause) cause = g_list_model_get_item (G_LIST_MODEL (causes), i);

      forget_dirty (self, cause);
    }
  forget_dirty (self, finding);

  if (zc_record_get_id (ZC_RECORD (finding)) != 0 &&
      !zc_store_delete_finding (self->store, self->actor, finding, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (g_list_store_find (self->findings, finding, &position))
    g_list_store_remove (self->findings, position);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->findings)) == 0)
    {
      g_autoptr(ZcFinding) blank = new_finding (self);

      g_list_store_append (self->findings, blank);
    }
  rebuild_editors (self);
  show_toast (self, _("Problem removed"));
}

static void
on_delete_finding_cb (ZcInspectionPage *self,
                      ZcFindingEditor  *editor)
{
  ZcFinding *finding = zc_finding_editor_get_finding (editor);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  guint position = 0;
  g_autofree char *heading = NULL;

  g_list_store_find (self->findings, finding, &position);
  /* Translators: confirmation heading; %u is the number of the problem */
  heading = g_strdup_printf (_("Remove Problem %u?"), position + 1);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Its phenomenon, gap, causes and measure are removed "
                                     "with it. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "zc-finding", g_object_ref (finding),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_finding_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_cause_cb (ZcInspectionPage *self,
                    ZcCause          *cause,
                    ZcFindingEditor  *editor)
{
  g_autoptr(GError) error = NULL;
  ZcFinding *finding = zc_finding_editor_get_finding (editor);
  GListStore *causes = causes_of (finding);
  guint position;

  forget_dirty (self, cause);
  if (zc_record_get_id (ZC_RECORD (cause)) != 0 &&
      !zc_store_delete_cause (self->store, self->actor, cause, &error))
    {
      show_toast (self, error->message);
      return;
    }
  if (g_list_store_find (causes, cause, &position))
    g_list_store_remove (causes, position);
}

/* ---- building ------------------------------------------------------------------------------ */

static void
rebuild_editors (ZcInspectionPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  for (ZcStep step = 0; step < ZC_STEP_REVIEW; step++)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->editors_box[step]))) != NULL)
        gtk_box_remove (self->editors_box[step], child);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZcFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);
          GtkWidget *editor = zc_finding_editor_new (self->store, self->actor, finding,
                                                     causes_of (finding), step, i + 1,
                                                     self->editable);

          /* A lone blank problem is where the form starts: nothing to remove. */
          if (n == 1 && zc_record_get_id (ZC_RECORD (finding)) == 0)
            zc_finding_editor_set_deletable (ZC_FINDING_EDITOR (editor), FALSE);

          g_signal_connect_object (editor, "record-changed", G_CALLBACK (on_record_changed_cb),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (editor, "delete-finding", G_CALLBACK (on_delete_finding_cb),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (editor, "delete-cause", G_CALLBACK (on_delete_cause_cb),
                                   self, G_CONNECT_SWAPPED);
          if (i > 0)
            gtk_box_append (self->editors_box[step],
                            gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
          gtk_box_append (self->editors_box[step], editor);
        }
    }
  gtk_widget_set_visible (self->add_button, self->editable);
}

static GtkWidget *
guidance_card (ZcInspectionPage *self,
               ZcStep            step)
{
  g_autoptr(ZcGuidance) guidance = zc_store_get_guidance (self->store, steps[step].name);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *text;
  const char *examples = guidance ? zc_guidance_get_examples (guidance) : NULL;

  gtk_widget_add_css_class (card, "zc-guidance");
  if (guidance == NULL || zc_guidance_get_text (guidance) == NULL)
    {
      gtk_widget_set_visible (card, FALSE);
      return card;
    }

  text = gtk_label_new (zc_guidance_get_text (guidance));
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
  gtk_box_append (GTK_BOX (card), text);

  if (examples != NULL && *examples != '\0')
    {
      GtkWidget *expander = gtk_expander_new (_("Examples"));
      GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_auto(GStrv) lines = g_strsplit (examples, "\n", -1);

      /* GTK 4.8 does not name an expander after its label. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Examples"), -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *bullet = NULL;
          GtkWidget *label;

          if (*g_strstrip (lines[i]) == '\0')
            continue;
          /* Translators: one example of the guidance, as a bullet point */
          bullet = g_strdup_printf (_("• %s"), lines[i]);
          label = gtk_label_new (bullet);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
          gtk_widget_add_css_class (label, "zc-example");
          gtk_box_append (GTK_BOX (list), label);
        }
      gtk_widget_set_margin_top (list, 8);
      gtk_expander_set_child (GTK_EXPANDER (expander), list);
      gtk_box_append (GTK_BOX (card), expander);
    }
  return card;
}

/* What colleagues pointed out for the person (帮助他人查找): material for their own list. */
static GtkWidget *
suggestions_card (ZcInspectionPage *self)
{
  g_autoptr(GListModel) suggestions = NULL;
  g_autofree char *title = NULL;
  GtkWidget *expander;
  GtkWidget *list;
  guint n;

  suggestions = zc_store_list_suggestions_for (self->store, self->actor,
                                               zc_record_get_id (ZC_RECORD (self->actor)), NULL);
  n = suggestions ? g_list_model_get_n_items (suggestions) : 0;
  if (n == 0)
    return NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "What a colleague pointed out for you (%u)",
                                        "What colleagues pointed out for you (%u)", n), n);
  expander = gtk_expander_new (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_add_css_class (expander, "zc-guidance");
  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (list, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcFinding) suggestion = g_list_model_get_item (suggestions, i);
      g_autofree char *line = NULL;
      const char *who = zc_finding_get_anonymous (suggestion)
                          ? _("anonymous")
                          : zc_finding_get_author_name (suggestion);
      GtkWidget *label;

      /* Translators: a colleague's suggestion: its text, then who made it (or "anonymous") */
      line = g_strdup_printf (_("%s (%s)"), zc_finding_get_phenomenon (suggestion),
                              who ? who : _("anonymous"));
      label = gtk_label_new (line);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_box_append (GTK_BOX (list), label);
    }
  {
    GtkWidget *note = gtk_label_new (_("They are not part of your form: if one is right, list it "
                                       "in your own words."));

    gtk_label_set_wrap (GTK_LABEL (note), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_xalign (GTK_LABEL (note), 0.0f);
    gtk_widget_add_css_class (note, "dim-label");
    gtk_box_append (GTK_BOX (list), note);
  }
  gtk_expander_set_child (GTK_EXPANDER (expander), list);
  return expander;
}

static void
on_add_problem_clicked_cb (ZcInspectionPage *self)
{
  g_autoptr(ZcFinding) finding = new_finding (self);
  GtkWidget *editor;

  g_list_store_append (self->findings, finding);
  rebuild_editors (self);
  editor = gtk_widget_get_last_child (GTK_WIDGET (self->editors_box[ZC_STEP_PHENOMENON]));
  if (ZC_IS_FINDING_EDITOR (editor))
    zc_finding_editor_focus (ZC_FINDING_EDITOR (editor));
}

static void
on_submit_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ZcInspectionPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "submit") != 0)
    return;
  if (!save_now (self))
    return;
  if (self->form == NULL ||
      !zc_store_submit_form (self->store, self->actor, self->form, &error))
    {
      gtk_label_set_text (self->check_label,
                          error ? error->message : _("There is nothing to submit yet."));
      return;
    }
  zc_inspection_page_reload (self);
  zc_inspection_page_set_step (self, ZC_STEP_REVIEW);
  show_toast (self, _("Your self-inspection form was submitted for review"));
}

static void
on_submit_clicked_cb (ZcInspectionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Submit Your Self-Inspection Form?"),
                                   _("Your reviewer reads it as it is now. After submitting you "
                                     "can read it but not change it, unless the reviewer "
                                     "returns it to you."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "submit", _("_Submit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
step_page (ZcInspectionPage *self,
           ZcStep            step)
{
  GtkWidget *scrolled;
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  g_autofree char *counter = NULL;

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 520);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Translators: above the title of each step of the self-inspection */
  counter = g_strdup_printf (_("Step %d of %d"), step + 1, ZC_N_STEPS);
  label = gtk_label_new (counter);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (heading), label);
  label = gtk_label_new (_(steps[step].title));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (heading), label);
  gtk_box_append (GTK_BOX (box), heading);

  gtk_box_append (GTK_BOX (box), guidance_card (self, step));
  if (step == ZC_STEP_PHENOMENON)
    {
      GtkWidget *suggestions = suggestions_card (self);

      if (suggestions != NULL)
        gtk_box_append (GTK_BOX (box), suggestions);
    }

  if (step < ZC_STEP_REVIEW)
    {
      self->editors_box[step] = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editors_box[step]));
    }
  if (step == ZC_STEP_PHENOMENON)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Another Problem"));
      self->add_button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->add_button), content);
      gtk_widget_set_halign (self->add_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->add_button, "pill");
      g_signal_connect_object (self->add_button, "clicked",
                               G_CALLBACK (on_add_problem_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), self->add_button);
    }
  if (step == ZC_STEP_REVIEW)
    {
      GtkWidget *submit_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      self->check_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->check_label, TRUE);
      gtk_label_set_wrap_mode (self->check_label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (self->check_label, 0.0f);
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "zc-check");
      gtk_box_append (GTK_BOX (submit_box), GTK_WIDGET (self->check_label));

      self->submit_button = gtk_button_new_with_label (_("Submit for Review…"));
      gtk_widget_set_halign (self->submit_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->submit_button, "pill");
      gtk_widget_add_css_class (self->submit_button, "suggested-action");
      g_signal_connect_object (self->submit_button, "clicked",
                               G_CALLBACK (on_submit_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (submit_box), self->submit_button);
      gtk_box_append (GTK_BOX (box), submit_box);

      /* The form as the reviewer reads it; it scrolls on its own, below the button. */
      adw_clamp_set_child (ADW_CLAMP (clamp), box);
      gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      self->form_view = ZC_FORM_VIEW (zc_form_view_new ());
      gtk_widget_set_vexpand (GTK_WIDGET (self->form_view), TRUE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form_view));
      gtk_widget_set_vexpand (clamp, TRUE);
      return clamp;
    }

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

/* Two rows of step buttons: with their titles when the page is wide, numbers only when it
 * is narrow. Both follow the "step" property through the form.step action. */
static GtkWidget *
step_buttons (gboolean wide)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, wide ? 4 : 2);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  for (ZcStep step = 0; step < ZC_N_STEPS; step++)
    {
      g_autofree char *number = g_strdup_printf ("%d", step + 1);
      g_autofree char *accessible = NULL;
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *badge = gtk_label_new (number);

      gtk_widget_add_css_class (badge, "zc-step-number");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (content), badge);
      if (wide)
        gtk_box_append (GTK_BOX (content), gtk_label_new (SHORT_TITLE (step)));
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "zc-step-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "form.step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (int) step);
      /* Translators: the accessible name of a step button: "Step 2: Measure the Gap" */
      accessible = g_strdup_printf (_("Step %d: %s"), step + 1, _(steps[step].title));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_widget_set_tooltip_text (button, _(steps[step].title));
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static void
update_banner (ZcInspectionPage *self,
               ZcPhase           phase)
{
  ZcFormState state = self->form ? zc_form_get_state (self->form) : ZC_FORM_STATE_NOT_STARTED;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (state == ZC_FORM_STATE_SUBMITTED)
    {
      date = format_day (zc_form_get_submitted_at (self->form));
      if (date != NULL)
        text = g_strdup_printf (_("You submitted this form on %s. Your reviewer reads it now; "
                                  "it can be changed again only if it is returned to you."),
                                date);
      else
        text = g_strdup (_("You submitted this form. Your reviewer reads it now; it can be "
                           "changed again only if it is returned to you."));
    }
  else if (state == ZC_FORM_STATE_APPROVED)
    {
      date = format_day (zc_form_get_reviewed_at (self->form));
      if (date != NULL)
        text = g_strdup_printf (_("Your reviewer approved this form on %s."), date);
      else
        text = g_strdup (_("Your reviewer approved this form."));
    }
  else if (state == ZC_FORM_STATE_RETURNED && self->editable)
    {
      const char *comment = zc_form_get_review_comment (self->form);

      if (comment != NULL)
        text = g_strdup_printf (_("Your reviewer returned this form: “%s” Revise the problems "
                                  "that carry a comment, then submit the form again."), comment);
      else
        text = g_strdup (_("Your reviewer returned this form. Revise the problems that carry a "
                           "comment, then submit the form again."));
    }
  else if (!self->editable && phase != ZC_PHASE_INSPECTION)
    text = g_strdup_printf (_("Self-inspection forms are written in the finding-problems "
                              "phase. The campaign is in the “%s” phase now, so your form is "
                              "shown as it was, to read."),
                            zc_enum_label (ZC_TYPE_PHASE, phase));

  gtk_label_set_text (self->banner_label, text ? text : "");
  gtk_widget_set_visible (self->banner, text != NULL);
}

static void
refresh_review (ZcInspectionPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) fresh = NULL;

  save_now (self);

  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "zc-check-ok");
  if (self->form == NULL)
    {
      gtk_label_set_text (self->check_label,
                          _("Nothing is written yet. Start with the first step: list a problem "
                            "of your own work style."));
      gtk_widget_set_visible (GTK_WIDGET (self->check_label), TRUE);
      gtk_widget_set_visible (self->submit_button, self->editable);
      gtk_widget_set_sensitive (self->submit_button, FALSE);
      zc_form_view_set_form (self->form_view, self->store, self->actor, NULL, FALSE, NULL);
      return;
    }

  fresh = zc_store_get_form (self->store, self->actor, zc_record_get_id (ZC_RECORD (self->form)),
                             NULL);
  if (!zc_form_view_set_form (self->form_view, self->store, self->actor,
                              fresh ? fresh : self->form, FALSE, &error))
    g_debug ("Showing the form: %s", error->message);
  g_clear_error (&error);

  gtk_widget_set_visible (self->submit_button, self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->check_label), self->editable);
  if (!self->editable)
    return;

  if (zc_store_check_form (self->store, self->actor, self->form, &error))
    {
      gtk_label_set_text (self->check_label,
                          _("Every problem has its phenomenon, gap, cause and measure. Read "
                            "it once more below, then submit it."));
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "zc-check-ok");
      gtk_widget_set_sensitive (self->submit_button, TRUE);
    }
  else
    {
      /* Translators: before a form can be submitted; the core's message follows, e.g.
       * "Problem 2: the gap is missing" */
      g_autofree char *text = g_strdup_printf (_("Not ready to submit yet. %s."), error->message);

      gtk_label_set_text (self->check_label, text);
      gtk_widget_set_sensitive (self->submit_button, FALSE);
    }
}

static void
update_navigation (ZcInspectionPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->step > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->step < ZC_STEP_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.previous", self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.next", self->step < ZC_STEP_REVIEW);
}

/* ---- actions and callbacks ------------------------------------------------------------------ */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZcInspectionPage *self = ZC_INSPECTION_PAGE (widget);

  if (self->step < ZC_STEP_REVIEW)
    zc_inspection_page_set_step (self, self->step + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ZcInspectionPage *self = ZC_INSPECTION_PAGE (widget);

  if (self->step > 0)
    zc_inspection_page_set_step (self, self->step - 1);
}

static gboolean
on_close_request_cb (ZcInspectionPage *self)
{
  save_now (self);
  return FALSE;
}

static void
on_hints_prepared_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!zc_store_prepare_quality_hints_finish (ZC_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Quality hints not prepared: %s", error->message);
}

static void
on_map_cb (ZcInspectionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Closing the window saves what is pending, before the widgets go. */
  if (GTK_IS_WINDOW (root) && self->close_window != GTK_WIDGET (root))
    {
      if (self->close_window != NULL)
        g_clear_signal_handler (&self->close_handler, self->close_window);
      g_set_weak_pointer (&self->close_window, GTK_WIDGET (root));
      self->close_handler = g_signal_connect_object (root, "close-request",
                                                     G_CALLBACK (on_close_request_cb), self,
                                                     G_CONNECT_SWAPPED);
    }
  /* The index behind the quality hints is built in a thread when the form is first shown,
   * not at sign-in, where it would hold the campaign's findings for people who only look
   * at the dashboard or the ledger. */
  if (!self->loaded && self->store != NULL)
    zc_inspection_page_reload (self);
  if (!self->hints_requested && self->store != NULL)
    {
      self->hints_requested = TRUE;
      zc_store_prepare_quality_hints_async (self->store, self->cancellable,
                                            on_hints_prepared_cb, NULL);
    }
  if (self->step == ZC_STEP_REVIEW)
    refresh_review (self);
}

static void
on_unmap_cb (ZcInspectionPage *self)
{
  save_now (self);
}


/* The pages of @stack not shown are hidden from screen readers: the stack keeps their last
 * size, so they would read as if they were still there. */
static void
on_stack_child_changed_cb (GtkStack *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                 -1);
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_inspection_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZcInspectionPage *self = ZC_INSPECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_inspection_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZcInspectionPage *self = ZC_INSPECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      zc_inspection_page_set_step (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_inspection_page_dispose (GObject *object)
{
  ZcInspectionPage *self = ZC_INSPECTION_PAGE (object);

  /* Nothing typed is lost when the page goes (sign-out, another person). */
  if (self->store != NULL && self->dirty != NULL)
    save_now (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->close_window != NULL)
    g_clear_signal_handler (&self->close_handler, self->close_window);
  g_clear_weak_pointer (&self->close_window);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), ZC_TYPE_INSPECTION_PAGE);

  G_OBJECT_CLASS (zc_inspection_page_parent_class)->dispose (object);
}

static void
zc_inspection_page_finalize (GObject *object)
{
  ZcInspectionPage *self = ZC_INSPECTION_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->form);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (zc_inspection_page_parent_class)->finalize (object);
}

static void
zc_inspection_page_class_init (ZcInspectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zc_inspection_page_get_property;
  object_class->set_property = zc_inspection_page_set_property;
  object_class->dispose = zc_inspection_page_dispose;
  object_class->finalize = zc_inspection_page_finalize;

  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, 0, ZC_N_STEPS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-inspection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, step_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, banner);
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZcInspectionPage, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unmap_cb);

  gtk_widget_class_install_property_action (widget_class, "form.step", "step");
  gtk_widget_class_install_action (widget_class, "form.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "form.previous", NULL, previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "form.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "form.previous", NULL);
}

static void
zc_inspection_page_init (ZcInspectionPage *self)
{
  GtkWidget *squeezer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->findings = g_list_store_new (ZC_TYPE_FINDING);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();

  squeezer = adw_squeezer_new ();
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), step_buttons (TRUE));
  adw_squeezer_add (ADW_SQUEEZER (squeezer), step_buttons (FALSE));
  gtk_box_append (GTK_BOX (self->step_bar), squeezer);
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_inspection_page_new (ZcStore  *store,
                        ZcPerson *actor)
{
  ZcInspectionPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_INSPECTION_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);

  for (ZcStep step = 0; step < ZC_N_STEPS; step++)
    gtk_stack_add_named (self->stack, step_page (self, step), steps[step].name);

  /* The form is read and its editors made when the page is first shown (on_map_cb), not
   * at sign-in: an inspector or a lead may not open it at all. */
  return GTK_WIDGET (self);
}

ZcStep
zc_inspection_page_get_step (ZcInspectionPage *self)
{
  g_return_val_if_fail (ZC_IS_INSPECTION_PAGE (self), ZC_STEP_PHENOMENON);

  return self->step;
}

void
zc_inspection_page_set_step (ZcInspectionPage *self,
                             ZcStep            step)
{
  g_return_if_fail (ZC_IS_INSPECTION_PAGE (self));
  g_return_if_fail (step < ZC_N_STEPS);

  save_now (self);
  if (step == ZC_STEP_REVIEW)
    refresh_review (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "none") != 0)
    {
      /* A step the person did not see change needs no animation. */
      gtk_stack_set_visible_child_full (self->stack, steps[step].name,
                                        gtk_widget_get_mapped (GTK_WIDGET (self))
                                          ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                          : GTK_STACK_TRANSITION_TYPE_NONE);
    }

  if (self->step == step)
    return;
  self->step = step;
  update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

gboolean
zc_inspection_page_save (ZcInspectionPage *self)
{
  g_return_val_if_fail (ZC_IS_INSPECTION_PAGE (self), FALSE);

  return save_now (self);
}

void
zc_inspection_page_reload (ZcInspectionPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) form = NULL;
  ZcPhase phase;
  ZcFormState state;

  g_return_if_fail (ZC_IS_INSPECTION_PAGE (self));

  self->loaded = TRUE;
  save_now (self);
  g_ptr_array_set_size (self->dirty, 0);
  g_list_store_remove_all (self->findings);

  form = zc_store_get_form_of (self->store, self->actor,
                               zc_record_get_id (ZC_RECORD (self->actor)), &error);
  g_set_object (&self->form, form);
  phase = zc_store_effective_phase (self->store, zc_person_get_unit_id (self->actor));
  state = form ? zc_form_get_state (form) : ZC_FORM_STATE_NOT_STARTED;
  self->editable = phase == ZC_PHASE_INSPECTION &&
                   (state == ZC_FORM_STATE_NOT_STARTED || state == ZC_FORM_STATE_DRAFT ||
                    state == ZC_FORM_STATE_RETURNED);

  if (form != NULL)
    {
      g_autoptr(GListModel) findings = NULL;
      guint n;

      g_clear_error (&error);
      findings = zc_store_list_form_findings (self->store, self->actor,
                                              zc_record_get_id (ZC_RECORD (form)), &error);
      n = findings ? g_list_model_get_n_items (findings) : 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZcFinding) finding = g_list_model_get_item (findings, i);
          g_autoptr(GListModel) causes = zc_store_list_causes (self->store, self->actor,
                                                               zc_record_get_id (ZC_RECORD (finding)),
                                                               NULL);
          GListStore *store = g_list_store_new (ZC_TYPE_CAUSE);

          for (guint j = 0; causes && j < g_list_model_get_n_items (causes); j++)
            {
              g_autoptr(ZcCause) cause = g_list_model_get_item (causes, j);

              g_object_set_data_full (G_OBJECT (cause), "zc-finding", g_object_ref (finding),
                                      g_object_unref);
              g_list_store_append (store, cause);
            }
          g_object_set_data_full (G_OBJECT (finding), "zc-causes", store, g_object_unref);
          g_list_store_append (self->findings, finding);
        }
    }
  if (self->editable && g_list_model_get_n_items (G_LIST_MODEL (self->findings)) == 0)
    {
      g_autoptr(ZcFinding) blank = new_finding (self);

      g_list_store_append (self->findings, blank);
    }

  rebuild_editors (self);
  update_banner (self, phase);

  if (form == NULL && !self->editable)
    {
      adw_status_page_set_description (self->empty_page,
                                       _("Self-inspection forms are written in the "
                                         "finding-problems phase, and you did not write one in "
                                         "this campaign."));
      gtk_stack_set_visible_child_name (self->stack, "none");
      gtk_widget_set_visible (self->step_bar, FALSE);
      gtk_widget_set_visible (self->bottom_bar, FALSE);
      return;
    }

  gtk_widget_set_visible (self->step_bar, TRUE);
  gtk_widget_set_visible (self->bottom_bar, TRUE);
  gtk_stack_set_visible_child_name (self->stack, steps[self->step].name);
  set_status (self, self->editable ? _("What you type is saved as you go") : NULL, FALSE);
  update_navigation (self);
  if (self->step == ZC_STEP_REVIEW)
    refresh_review (self);
}
