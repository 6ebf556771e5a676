/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-aggregation-page.h"
#include "zc-item-dialog.h"
#include "zc-lead-common.h"
#include "zc-merge-dialog.h"
#include "zc-similarity.h"
#include "zc-window.h"

struct _ZcAggregationPage
{
  GtkWidget       parent_instance;

  /* template children */
  GtkWidget      *root;
  AdwViewStack   *view_stack;
  GtkStack       *findings_stack;
  GtkLabel       *findings_summary;
  GtkCheckButton *show_merged_check;
  GtkBox         *clusters_box;
  GtkBox         *categories_box;
  GtkActionBar   *selection_bar;
  GtkLabel       *selection_label;
  GtkStack       *problems_stack;
  GtkBox         *problems_box;

  ZcStore        *store;
  ZcPerson       *actor;
  gint64          unit_id;
  GListModel     *findings;         /* ZcFinding of the unit */
  gint64          read_at;          /* zc_store_get_last_change() when they were read */
  GHashTable     *by_id;            /* finding id → ZcFinding (unowned, in @findings) */
  GHashTable     *selected;         /* finding ids (gint64*) */
  GHashTable     *checks;           /* finding id → GtkCheckButton */
  GPtrArray      *clusters;         /* GArray of gint64, from the thread */
  GCancellable   *cluster_cancellable;

  /* The rows are added a batch at a time, so that a unit with hundreds of findings and
   * problems never holds the window up. */
  guint           findings_source;
  guint           findings_position;
  GtkWidget      *findings_group;
  gint64          findings_category;
  guint           findings_shown;
  GListModel     *problems;         /* ZcProblem of the unit, while their rows are added */
  guint           problems_source;
  guint           problems_position;
  GtkWidget      *problems_group;
};

/* Rows added per main-loop turn. */
#define ROWS_PER_BATCH 60

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcAggregationPage, zc_aggregation_page, GTK_TYPE_WIDGET)

typedef struct
{
  char   *path;
  char   *today;
  gint64  actor_id;
  gint64  unit_id;
} ClusterJob;

static void rebuild_findings (ZcAggregationPage *self);

/* ---- helpers -------------------------------------------------------------------------------- */

static void
cluster_job_free (gpointer data)
{
  ClusterJob *job = data;

  g_free (job->path);
  g_free (job->today);
  g_free (job);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static gint64 *
id_key (gint64 id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  return key;
}

static const char *
finding_text (ZcFinding *finding)
{
  const char *text = zc_finding_get_phenomenon (finding);

  return text != NULL && *text != '\0' ? text : zc_finding_get_example (finding);
}

/* Who raised a finding, as the lead may know it: anonymous suggestions stay anonymous. */
static char *
finding_source (ZcFinding *finding)
{
  ZcFindingSource source = zc_finding_get_source (finding);
  const char *author = zc_finding_get_author_name (finding);

  switch (source)
    {
    case ZC_FINDING_SOURCE_SELF:
      /* Translators: a finding of a person's own self-inspection form */
      return g_strdup_printf (_("%s, self-inspection"), author ? author : "");
    case ZC_FINDING_SOURCE_PEER:
      if (zc_finding_get_anonymous (finding) || author == NULL)
        return g_strdup (_("Anonymous suggestion"));
      /* Translators: a problem a colleague pointed out */
      return g_strdup_printf (_("Suggested by %s"), author);
    case ZC_FINDING_SOURCE_PUBLIC:
    default:
      {
        g_autofree char *day = zc_lead_format_day (zc_finding_get_received_date (finding));
        int channel = 0;

        if (zc_finding_get_channel (finding) != NULL &&
            zc_enum_from_string (ZC_TYPE_CHANNEL, zc_finding_get_channel (finding), &channel))
          {
            if (day != NULL)
              /* Translators: public feedback: the channel it came by, then the date */
              return g_strdup_printf (_("Public feedback by %s, %s"),
                                      zc_enum_label (ZC_TYPE_CHANNEL, channel), day);
            /* Translators: public feedback and the channel it came by */
            return g_strdup_printf (_("Public feedback by %s"),
                                    zc_enum_label (ZC_TYPE_CHANNEL, channel));
          }
        return g_strdup (_("Public feedback"));
      }
    }
}

static ZcWindow *
window_of (ZcAggregationPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return ZC_IS_WINDOW (root) ? ZC_WINDOW (root) : NULL;
}

static void
update_selection (ZcAggregationPage *self)
{
  guint n = g_hash_table_size (self->selected);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u finding selected",
                                                        "%u findings selected", n), n);

  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->selection_bar, n > 0);
}

static void
changed (ZcAggregationPage *self)
{
  zc_aggregation_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- merging -------------------------------------------------------------------------------- */

static void
on_undo_merge_cb (AdwToast          *toast,
                  ZcAggregationPage *self)
{
  ZcProblem *problem = g_object_get_data (G_OBJECT (toast), "zc-problem");
  g_autoptr(GError) error = NULL;

  if (!zc_store_unmerge_problem (self->store, self->actor, problem, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The merge was not undone."), error);
      return;
    }
  zc_lead_toast (GTK_WIDGET (self), _("The merge is undone"));
  changed (self);
}

static void
on_merged_cb (ZcMergeDialog     *dialog,
              ZcProblem         *problem,
              gboolean           new_problem,
              ZcAggregationPage *self)
{
  ZcWindow *window = window_of (self);
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_hash_table_remove_all (self->selected);
  if (new_problem)
    /* Translators: a toast: the number and the title of the new problem */
    message = g_strdup_printf (_("Problem %d “%s” is on the problem list"),
                               zc_problem_get_number (problem), zc_problem_get_title (problem));
  else
    /* Translators: a toast: the number of the problem the findings went into */
    message = g_strdup_printf (_("The findings are added to problem %d"),
                               zc_problem_get_number (problem));
  changed (self);

  if (window == NULL)
    {
      zc_lead_toast (GTK_WIDGET (self), message);
      return;
    }
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  if (new_problem)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "zc-problem", g_object_ref (problem),
                              g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_merge_cb), self, 0);
    }
  zc_window_add_toast (window, toast);
}

static void
open_merge_dialog (ZcAggregationPage *self,
                   GPtrArray         *findings)
{
  GtkWidget *dialog;

  if (findings->len == 0)
    return;
  dialog = zc_merge_dialog_new (zc_lead_parent (GTK_WIDGET (self)), self->store, self->actor,
                                self->unit_id, findings);
  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merged_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_merge_clicked_cb (ZcAggregationPage *self)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();

  /* In the order of the board, not of the clicks. */
  for (guint i = 0; i < g_list_model_get_n_items (self->findings); i++)
    {
      ZcFinding *finding = g_list_model_get_item (self->findings, i);
      gint64 id = zc_record_get_id (ZC_RECORD (finding));

      if (g_hash_table_contains (self->selected, &id))
        g_ptr_array_add (findings, finding);
      g_object_unref (finding);   /* the model keeps it */
    }
  open_merge_dialog (self, findings);
}

static void
on_clear_clicked_cb (ZcAggregationPage *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_remove_all (self->selected);
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (value), FALSE);
  update_selection (self);
}

static void
on_check_toggled_cb (GtkCheckButton    *check,
                     ZcAggregationPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "zc-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->selected, id_key (id));
  else
    g_hash_table_remove (self->selected, &id);
  update_selection (self);
}

static void
on_cluster_merge_cb (GtkButton         *button,
                     ZcAggregationPage *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (button), "zc-ids");
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      ZcFinding *finding = g_hash_table_lookup (self->by_id, &g_array_index (ids, gint64, i));

      if (finding != NULL)
        g_ptr_array_add (findings, finding);
    }
  open_merge_dialog (self, findings);
}

/* ---- the board ------------------------------------------------------------------------------ */

static GtkWidget *
finding_row (ZcAggregationPage *self,
             ZcFinding         *finding,
             gboolean           selectable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *source = finding_source (finding);
  g_autofree char *subtitle = NULL;
  int problems = zc_finding_get_problem_count (finding);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding_text (finding));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (problems > 0)
    /* Translators: a finding's source, and that it is on the problem list already */
    subtitle = g_strdup_printf (_("%s · on the problem list"), source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : source);

  if (selectable)
    {
      GtkWidget *check = gtk_check_button_new ();
      gint64 id = zc_record_get_id (ZC_RECORD (finding));

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->selected, &id));
      g_object_set_data_full (G_OBJECT (check), "zc-id", id_key (id), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, finding_text (finding),
                                      -1);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_hash_table_insert (self->checks, id_key (id), check);
    }
  return row;
}

static void
rebuild_clusters (ZcAggregationPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  gboolean show_merged = gtk_check_button_get_active (self->show_merged_check);
  guint shown = 0;

  clear_box (self->clusters_box);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Similar Findings"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("These findings say nearly the same thing: each "
                                           "group may well be one problem."));
  gtk_box_append (self->clusters_box, group);

  if (self->clusters == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Looking for findings that say the same…"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return;
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      GArray *cluster = g_ptr_array_index (self->clusters, i);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
      GtkWidget *row;
      GtkWidget *button;
      g_autofree char *subtitle = NULL;
      g_autofree char *count = NULL;
      g_autofree char *raised = NULL;
      guint anonymous = 0;

      for (guint k = 0; k < cluster->len; k++)
        {
          gint64 id = g_array_index (cluster, gint64, k);
          ZcFinding *finding = g_hash_table_lookup (self->by_id, &id);

          if (finding == NULL || (!show_merged && zc_finding_get_problem_count (finding) > 0))
            continue;
          g_array_append_val (ids, id);
          if (zc_finding_get_author_name (finding) != NULL)
            g_hash_table_add (people, (gpointer) zc_finding_get_author_name (finding));
          else
            anonymous++;
        }
      if (ids->len < 2)
        continue;

      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     finding_text (g_hash_table_lookup (self->by_id,
                                                                        &g_array_index (ids, gint64, 0))));
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings",
                                            ids->len), ids->len);
      raised = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "raised by %u person",
                                             "raised by %u people",
                                             g_hash_table_size (people) + anonymous),
                                g_hash_table_size (people) + anonymous);
      subtitle = g_strjoin (" · ", count, raised, NULL);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      button = gtk_button_new_with_mnemonic (_("_Merge…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "zc-ids", g_array_ref (ids),
                              (GDestroyNotify) g_array_unref);
      {
        /* Translators: the accessible name of the merge button of a group of similar
         * findings; %s is the group's first finding */
        g_autofree char *accessible = g_strdup_printf (_("Merge the findings like “%s”"),
                                                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

        gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      }
      g_signal_connect (button, "clicked", G_CALLBACK (on_cluster_merge_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);

      for (guint k = 0; k < ids->len; k++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  finding_row (self, g_hash_table_lookup (self->by_id,
                                                                          &g_array_index (ids, gint64, k)),
                                               FALSE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      shown++;
    }

  if (shown == 0)
    gtk_widget_set_visible (GTK_WIDGET (self->clusters_box), FALSE);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->clusters_box), TRUE);
}

static void
findings_done (ZcAggregationPage *self)
{
  if (self->findings_shown == 0)
    {
      GtkWidget *done = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (done), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (done), _("Every Finding Is on the List"));
      adw_status_page_set_description (ADW_STATUS_PAGE (done),
                                       _("Each finding belongs to a problem of the problem "
                                         "list. Plan the measures for the problems next."));
      gtk_widget_add_css_class (done, "compact");
      gtk_box_append (self->categories_box, done);
    }
}

static gboolean
on_findings_batch_cb (gpointer data)
{
  ZcAggregationPage *self = data;
  gboolean show_merged = gtk_check_button_get_active (self->show_merged_check);
  guint n = self->findings ? g_list_model_get_n_items (self->findings) : 0;
  guint added = 0;

  while (self->findings_position < n && added < ROWS_PER_BATCH)
    {
      g_autoptr(ZcFinding) finding = g_list_model_get_item (self->findings,
                                                            self->findings_position++);
      gboolean merged = zc_finding_get_problem_count (finding) > 0;

      if (merged && !show_merged)
        continue;
      if (self->findings_group == NULL ||
          zc_finding_get_category_id (finding) != self->findings_category)
        {
          const char *label = zc_finding_get_category_label (finding);
          g_autofree char *escaped = g_markup_escape_text (label ? label : _("No category"), -1);

          self->findings_group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->findings_group),
                                           escaped);
          self->findings_category = zc_finding_get_category_id (finding);
          gtk_box_append (self->categories_box, self->findings_group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->findings_group),
                                 finding_row (self, finding, !merged));
      added++;
      self->findings_shown++;
    }
  if (self->findings_position < n)
    return G_SOURCE_CONTINUE;
  findings_done (self);
  self->findings_source = 0;
  return G_SOURCE_REMOVE;
}

static void
rebuild_findings (ZcAggregationPage *self)
{
  guint n = self->findings ? g_list_model_get_n_items (self->findings) : 0;
  guint open = 0;
  g_autofree char *summary = NULL;

  g_clear_handle_id (&self->findings_source, g_source_remove);
  g_hash_table_remove_all (self->checks);
  clear_box (self->categories_box);

  /* A selection of findings that went onto the list meanwhile is dropped. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->selected);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        ZcFinding *finding = g_hash_table_lookup (self->by_id, key);

        if (finding == NULL || zc_finding_get_problem_count (finding) > 0)
          g_hash_table_iter_remove (&iter);
      }
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcFinding) finding = g_list_model_get_item (self->findings, i);

      if (zc_finding_get_problem_count (finding) == 0)
        open++;
    }

  /* Translators: the aggregation board's summary; the first count is all findings */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u finding about your unit, %u not yet on the problem "
                                          "list. Select the findings that describe the same "
                                          "problem and merge them into one.",
                                          "%u findings about your unit, %u not yet on the problem "
                                          "list. Select the findings that describe the same "
                                          "problem and merge them into one.", n), n, open);
  gtk_label_set_text (self->findings_summary, summary);
  gtk_stack_set_visible_child_name (self->findings_stack, n > 0 ? "list" : "empty");
  update_selection (self);
  rebuild_clusters (self);

  self->findings_position = 0;
  self->findings_group = NULL;
  self->findings_category = -1;
  self->findings_shown = 0;
  if (on_findings_batch_cb (self) == G_SOURCE_CONTINUE)
    self->findings_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_findings_batch_cb,
                                             self, NULL);
}

/* ---- the problem list ----------------------------------------------------------------------- */

static void
on_unmerge_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        ZcAggregationPage *self)
{
  ZcProblem *problem = g_object_get_data (G_OBJECT (dialog), "zc-problem");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "unmerge"))
    return;
  if (!zc_store_unmerge_problem (self->store, self->actor, problem, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The merge was not undone."), error);
      return;
    }
  zc_lead_toast (GTK_WIDGET (self), _("The problem is taken off the list; its findings are "
                                      "open again"));
  changed (self);
}

static void
on_unmerge_clicked_cb (GtkButton         *button,
                       ZcAggregationPage *self)
{
  ZcProblem *problem = g_object_get_data (G_OBJECT (button), "zc-problem");
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  /* Translators: %s is a problem's title */
  heading = g_strdup_printf (_("Undo the Merge of “%s”?"), zc_problem_get_title (problem));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (zc_lead_parent (GTK_WIDGET (self)), heading,
                                                       _("The problem leaves the problem list "
                                                         "and its findings can be merged "
                                                         "again.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "unmerge", _("_Undo Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unmerge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "zc-problem", g_object_ref (problem), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unmerge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_item_saved_cb (GtkWidget         *dialog,
                  ZcItem            *item,
                  gboolean           created,
                  ZcAggregationPage *self)
{
  changed (self);
}

static void
on_add_item_clicked_cb (GtkButton         *button,
                        ZcAggregationPage *self)
{
  ZcProblem *problem = g_object_get_data (G_OBJECT (button), "zc-problem");
  GtkWidget *dialog = zc_item_dialog_new (zc_lead_parent (GTK_WIDGET (self)), self->store,
                                          self->actor, self->unit_id, problem, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_item_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_problem_expanded_cb (AdwExpanderRow    *row,
                        GParamSpec        *pspec,
                        ZcAggregationPage *self)
{
  ZcProblem *problem = g_object_get_data (G_OBJECT (row), "zc-problem");
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GError) error = NULL;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "zc-filled"))
    return;
  g_object_set_data (G_OBJECT (row), "zc-filled", GINT_TO_POINTER (TRUE));
  findings = zc_store_list_problem_findings (self->store, self->actor,
                                             zc_record_get_id (ZC_RECORD (problem)), &error);
  if (findings == NULL)
    {
      zc_lead_error (GTK_WIDGET (self), _("The findings could not be read."), error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZcFinding) finding = g_list_model_get_item (findings, i);

      adw_expander_row_add_row (row, finding_row (self, finding, FALSE));
    }
}

static GtkWidget *
problem_row (ZcAggregationPage *self,
             ZcProblem         *problem)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *actions;
  GtkWidget *actions_row;
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *raised = NULL;
  g_autofree char *items = NULL;
  guint n_raised = (guint) zc_problem_get_raised_count (problem);
  guint n_items = (guint) zc_problem_get_item_count (problem);
  const char *category = zc_problem_get_category_label (problem);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: a problem of the problem list: its number and title */
  title = g_strdup_printf (_("%d. %s"), zc_problem_get_number (problem),
                           zc_problem_get_title (problem));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  raised = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "raised by %u person",
                                         "raised by %u people", n_raised), n_raised);
  if (n_items > 0)
    items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rectification item",
                                          "%u rectification items", n_items), n_items);
  else
    items = g_strdup (_("no measure yet"));
  subtitle = g_strjoin (" · ", category ? category : _("No category"),
                        zc_enum_label (ZC_TYPE_SEVERITY, zc_problem_get_severity (problem)),
                        raised, items, NULL);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);

  if (zc_problem_get_description (problem) != NULL)
    {
      GtkWidget *description = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (description), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (description),
                                     zc_problem_get_description (problem));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (description), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (description), _("Description"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), description);
    }

  /* The findings behind the problem are read when it is first expanded. */
  g_object_set_data_full (G_OBJECT (row), "zc-problem", g_object_ref (problem), g_object_unref);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_problem_expanded_cb), self);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (actions, 8);
  gtk_widget_set_margin_bottom (actions, 8);
  gtk_widget_set_margin_start (actions, 12);
  gtk_widget_set_margin_end (actions, 12);
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  if (n_items == 0)
    {
      button = gtk_button_new_with_mnemonic (_("_Undo Merge…"));
      g_object_set_data_full (G_OBJECT (button), "zc-problem", g_object_ref (problem),
                              g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_unmerge_clicked_cb), self);
      gtk_box_append (GTK_BOX (actions), button);
    }
  button = gtk_button_new_with_mnemonic (_("Add _Rectification Item…"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data_full (G_OBJECT (button), "zc-problem", g_object_ref (problem),
                          g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_item_clicked_cb), self);
  gtk_box_append (GTK_BOX (actions), button);
  actions_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), actions);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions_row);
  return row;
}

static gboolean
on_problems_batch_cb (gpointer data)
{
  ZcAggregationPage *self = data;
  guint n = g_list_model_get_n_items (self->problems);

  for (guint added = 0; self->problems_position < n && added < ROWS_PER_BATCH; added++)
    {
      g_autoptr(ZcProblem) problem = g_list_model_get_item (self->problems,
                                                            self->problems_position++);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->problems_group),
                                 problem_row (self, problem));
    }
  if (self->problems_position < n)
    return G_SOURCE_CONTINUE;
  g_clear_object (&self->problems);
  self->problems_source = 0;
  return G_SOURCE_REMOVE;
}

static void
rebuild_problems (ZcAggregationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) problems = zc_store_list_problems (self->store, self->actor,
                                                           self->unit_id, &error);
  guint n = problems ? g_list_model_get_n_items (problems) : 0;
  GtkWidget *group;
  g_autofree char *description = NULL;
  guint without_items = 0;

  if (problems == NULL)
    zc_lead_error (GTK_WIDGET (self), _("The problem list could not be read."), error);

  g_clear_handle_id (&self->problems_source, g_source_remove);
  g_clear_object (&self->problems);
  clear_box (self->problems_box);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Problem List"));
  gtk_box_append (self->problems_box, group);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcProblem) problem = g_list_model_get_item (problems, i);

      if (zc_problem_get_item_count (problem) == 0)
        without_items++;
    }
  if (without_items > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u problem still needs its measures: add a "
                                                "rectification item for it. A merge can be "
                                                "undone until the problem has one.",
                                                "%u problems still need their measures: add a "
                                                "rectification item for each. A merge can be "
                                                "undone until the problem has one.",
                                                without_items), without_items);
  else
    description = g_strdup (_("Every problem has its measures in the rectification ledger."));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_stack_set_visible_child_name (self->problems_stack, n > 0 ? "list" : "empty");

  if (n == 0)
    return;
  self->problems = g_steal_pointer (&problems);
  self->problems_position = 0;
  self->problems_group = group;
  /* The first batch at once: a short list shows without a flicker. */
  if (on_problems_batch_cb (self) == G_SOURCE_CONTINUE)
    self->problems_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_problems_batch_cb,
                                             self, NULL);
}

/* ---- clustering in a thread ------------------------------------------------------------------ */

static void
cluster_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ClusterJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (job->path, &error);
  g_autoptr(ZcPerson) actor = NULL;
  GPtrArray *clusters;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  zc_store_set_today (store, job->today);
  actor = zc_store_get_person (store, job->actor_id, &error);
  if (actor == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  clusters = zc_store_cluster_unit_findings (store, actor, job->unit_id, &error);
  if (clusters == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, clusters, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_clusters_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ZcAggregationPage *self = ZC_AGGREGATION_PAGE (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *clusters = g_task_propagate_pointer (G_TASK (result), &error);

  if (clusters == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Similar findings: %s", error->message);
          clusters = g_ptr_array_new ();
        }
      else
        return;
    }
  g_clear_object (&self->cluster_cancellable);
  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  self->clusters = clusters;
  rebuild_clusters (self);
}

static void
start_clustering (ZcAggregationPage *self)
{
  g_autoptr(GTask) task = NULL;
  ClusterJob *job = g_new0 (ClusterJob, 1);

  if (self->cluster_cancellable != NULL)
    g_cancellable_cancel (self->cluster_cancellable);
  g_clear_object (&self->cluster_cancellable);
  self->cluster_cancellable = g_cancellable_new ();

  job->path = g_strdup (zc_store_get_path (self->store));
  job->today = zc_store_today (self->store);
  job->actor_id = zc_record_get_id (ZC_RECORD (self->actor));
  job->unit_id = self->unit_id;

  task = g_task_new (self, self->cluster_cancellable, on_clusters_ready_cb, NULL);
  g_task_set_source_tag (task, start_clustering);
  g_task_set_task_data (task, job, cluster_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, cluster_thread);
}

/* ---- signal callbacks ----------------------------------------------------------------------- */

static void
on_show_merged_toggled_cb (ZcAggregationPage *self)
{
  rebuild_findings (self);
}

static void
on_go_to_findings_cb (ZcAggregationPage *self)
{
  zc_aggregation_page_show_problems (self, FALSE);
}

static void
on_map_cb (ZcAggregationPage *self)
{
  /* Shown again with nothing written since it was read: it is as it was. */
  if (self->findings != NULL && self->read_at == zc_store_get_last_change (self->store))
    return;
  zc_aggregation_page_reload (self);
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_aggregation_page_dispose (GObject *object)
{
  ZcAggregationPage *self = ZC_AGGREGATION_PAGE (object);
  GtkWidget *child;

  if (self->cluster_cancellable != NULL)
    g_cancellable_cancel (self->cluster_cancellable);
  g_clear_object (&self->cluster_cancellable);
  g_clear_handle_id (&self->findings_source, g_source_remove);
  g_clear_handle_id (&self->problems_source, g_source_remove);
  g_clear_object (&self->problems);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_AGGREGATION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  g_clear_object (&self->findings);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (zc_aggregation_page_parent_class)->dispose (object);
}

static void
zc_aggregation_page_class_init (ZcAggregationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_aggregation_page_dispose;

  /**
   * ZcAggregationPage::changed:
   *
   * The problem list changed (a merge, an undone merge, a new rectification item).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-aggregation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, root);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, findings_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, findings_summary);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, show_merged_check);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, clusters_box);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, categories_box);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, problems_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcAggregationPage, problems_box);
  gtk_widget_class_bind_template_callback (widget_class, on_show_merged_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_go_to_findings_cb);
}

static void
zc_aggregation_page_init (ZcAggregationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_aggregation_page_new (ZcStore  *store,
                         ZcPerson *actor)
{
  ZcAggregationPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_AGGREGATION_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->unit_id = zc_person_get_unit_id (actor);
  /* Read when first shown (see on_map_cb), not when the window is put together. */
  return GTK_WIDGET (self);
}

void
zc_aggregation_page_reload (ZcAggregationPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZC_IS_AGGREGATION_PAGE (self));

  g_hash_table_remove_all (self->by_id);
  g_clear_object (&self->findings);
  self->read_at = zc_store_get_last_change (self->store);
  self->findings = zc_store_list_unit_findings (self->store, self->actor, self->unit_id, &error);
  if (self->findings == NULL)
    {
      zc_lead_error (GTK_WIDGET (self), _("The findings could not be read."), error);
      self->findings = G_LIST_MODEL (g_list_store_new (ZC_TYPE_FINDING));
      self->read_at = -1;   /* read again when next shown */
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->findings); i++)
    {
      ZcFinding *finding = g_list_model_get_item (self->findings, i);

      /* The model keeps the finding; the table borrows it. */
      g_hash_table_insert (self->by_id, id_key (zc_record_get_id (ZC_RECORD (finding))), finding);
      g_object_unref (finding);
    }

  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  rebuild_findings (self);
  rebuild_problems (self);
  start_clustering (self);
}

void
zc_aggregation_page_select_findings (ZcAggregationPage *self,
                                     const gint64      *ids,
                                     guint              n_ids)
{
  g_return_if_fail (ZC_IS_AGGREGATION_PAGE (self));

  for (guint i = 0; i < n_ids; i++)
    {
      GtkCheckButton *check = g_hash_table_lookup (self->checks, &ids[i]);
      ZcFinding *finding = g_hash_table_lookup (self->by_id, &ids[i]);

      if (check != NULL)
        gtk_check_button_set_active (check, TRUE);
      else if (finding != NULL && zc_finding_get_problem_count (finding) == 0)
        /* Its row is still to be added: it will be added checked. */
        g_hash_table_add (self->selected, id_key (ids[i]));
    }
  update_selection (self);
}

guint
zc_aggregation_page_get_n_selected (ZcAggregationPage *self)
{
  g_return_val_if_fail (ZC_IS_AGGREGATION_PAGE (self), 0);

  return g_hash_table_size (self->selected);
}

gboolean
zc_aggregation_page_get_busy (ZcAggregationPage *self)
{
  g_return_val_if_fail (ZC_IS_AGGREGATION_PAGE (self), FALSE);

  return self->clusters == NULL || self->findings_source != 0 || self->problems_source != 0;
}

void
zc_aggregation_page_show_problems (ZcAggregationPage *self,
                                   gboolean           problems)
{
  g_return_if_fail (ZC_IS_AGGREGATION_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, problems ? "problems" : "findings");
}
