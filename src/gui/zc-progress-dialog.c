/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zc-format.h"
#include "zc-light-badge.h"
#include "zc-limits.h"
#include "zc-progress-dialog.h"
#include "zc-text-area.h"

struct _ZcProgressDialog
{
  AdwWindow             parent_instance;

  /* template children */
  GtkButton            *report_button;
  GtkLabel             *number_label;
  GtkBox               *badges_box;
  GtkLabel             *measure_label;
  GtkLabel             *details_label;
  GtkLabel             *problem_label;
  GtkWidget            *reject_box;
  GtkLabel             *reject_label;
  GtkWidget            *closed_box;
  GtkLabel             *closed_label;
  GtkWidget            *report_box;
  GtkAdjustment        *percent_adjustment;
  ZcTextArea           *text_area;
  AdwPreferencesGroup  *evidence_group;
  GtkListBox           *evidence_list;
  GtkLabel             *error_label;
  GtkListBox           *history_list;

  ZcStore              *store;
  ZcPerson             *actor;
  ZcItem               *item;
  GPtrArray            *paths;      /* char*: the evidence files chosen */
  GtkNativeDialog      *chooser;
};

enum {
  SIGNAL_REPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcProgressDialog, zc_progress_dialog, ADW_TYPE_WINDOW)

/* The day of a stored time stamp or date, as people read dates. */
static char *
format_day (const char *timestamp)
{
  g_autofree char *day = timestamp ? g_strndup (timestamp, 10) : NULL;

  return zc_format_date (day);
}

static void
show_error (ZcProgressDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
can_report (ZcProgressDialog *self)
{
  ZcItemState state = zc_item_get_state (self->item);

  return (state == ZC_ITEM_STATE_PLANNED || state == ZC_ITEM_STATE_IN_PROGRESS) &&
         zc_store_effective_phase (self->store, zc_item_get_unit_id (self->item)) ==
         ZC_PHASE_RECTIFICATION;
}

static void
update_report_button (ZcProgressDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (zc_text_area_get_text (self->text_area)));

  gtk_widget_set_visible (GTK_WIDGET (self->report_button), can_report (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_button), *text != '\0');
}

/* ---- evidence ------------------------------------------------------------------------------ */

static void fill_evidence (ZcProgressDialog *self);

static void
on_remove_file_clicked_cb (GtkButton        *button,
                           ZcProgressDialog *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "zc-path");

  for (guint i = 0; i < self->paths->len; i++)
    if (g_strcmp0 (self->paths->pdata[i], path) == 0)
      {
        g_ptr_array_remove_index (self->paths, i);
        break;
      }
  fill_evidence (self);
}

static void
fill_evidence (ZcProgressDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, child);

  for (guint i = 0; i < self->paths->len; i++)
    {
      const char *path = self->paths->pdata[i];
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *where = zc_format_path (folder);
      g_autofree char *remove_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      GStatBuf st;
      g_autofree char *size = NULL;
      g_autofree char *subtitle = NULL;

      if (g_stat (path, &st) == 0)
        size = g_format_size (st.st_size);
      /* Translators: an evidence file: its folder, then its size */
      subtitle = size ? g_strdup_printf (_("%s · %s"), where, size) : g_strdup (where);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("text-x-generic-symbolic"));

      /* Translators: the accessible name of the button that takes a file off the report */
      remove_label = g_strdup_printf (_("Remove %s"), name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove this file from the report"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (button), "zc-path", g_strdup (path), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_file_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->evidence_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), self->paths->len > 0);
}

static void
on_chooser_response_cb (GtkNativeDialog  *dialog,
                        int               response,
                        ZcProgressDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      gboolean refused = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);
          gboolean known = FALSE;

          if (path == NULL)
            {
              refused = TRUE;
              continue;
            }
          for (guint j = 0; j < self->paths->len; j++)
            known = known || g_strcmp0 (self->paths->pdata[j], path) == 0;
          if (known)
            g_free (path);
          else
            g_ptr_array_add (self->paths, path);
        }
      fill_evidence (self);
      if (refused)
        show_error (self, _("Only files on this computer can be attached."));
    }
  g_clear_object (&self->chooser);
}

static void
on_add_files_clicked_cb (ZcProgressDialog *self)
{
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose Evidence Files"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (documents, _("Documents and images"));
  gtk_file_filter_add_mime_type (documents, "application/pdf");
  gtk_file_filter_add_mime_type (documents, "image/*");
  gtk_file_filter_add_mime_type (documents, "text/*");
  gtk_file_filter_add_mime_type (documents, "application/msword");
  gtk_file_filter_add_mime_type (documents, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (documents, "application/vnd.ms-excel");
  gtk_file_filter_add_mime_type (documents, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (documents, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_mime_type (documents, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (g_steal_pointer (&chooser));
  gtk_native_dialog_show (self->chooser);
}

/* ---- the item and its history ------------------------------------------------------------- */

static void
fill_item (ZcProgressDialog *self)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = NULL;
  g_autofree char *deadline = format_day (zc_item_get_deadline (self->item));
  g_autofree char *details_text = NULL;
  ZcItemState state = zc_item_get_state (self->item);
  GtkWidget *child;
  GtkWidget *state_label;

  /* Translators: the number of a rectification item */
  number = g_strdup_printf (_("Item No. %d"), zc_item_get_number (self->item));
  gtk_label_set_text (self->number_label, number);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badges_box))) != NULL)
    gtk_box_remove (self->badges_box, child);
  gtk_box_append (self->badges_box,
                  zc_light_badge_new (zc_store_item_light (self->store, self->item)));
  state_label = gtk_label_new (zc_enum_label (ZC_TYPE_ITEM_STATE, state));
  gtk_widget_add_css_class (state_label, "zc-tag");
  gtk_widget_set_valign (state_label, GTK_ALIGN_CENTER);
  gtk_box_append (self->badges_box, state_label);

  gtk_label_set_text (self->measure_label, zc_item_get_measure (self->item));
  if (deadline != NULL)
    g_ptr_array_add (details, g_strdup_printf (_("due %s"), deadline));
  else if (zc_item_get_deadline_text (self->item) != NULL)
    g_ptr_array_add (details, g_strdup (zc_item_get_deadline_text (self->item)));
  if (zc_item_get_term_type (self->item) != ZC_TERM_TYPE_NONE)
    g_ptr_array_add (details, g_strdup (zc_enum_label (ZC_TYPE_TERM_TYPE,
                                                       zc_item_get_term_type (self->item))));
  if (zc_item_get_unit_name (self->item) != NULL)
    g_ptr_array_add (details, g_strdup (zc_item_get_unit_name (self->item)));
  if (zc_item_get_person_name (self->item) != NULL)
    /* Translators: the responsible person of a rectification item */
    g_ptr_array_add (details, g_strdup_printf (_("responsible: %s"),
                                               zc_item_get_person_name (self->item)));
  g_ptr_array_add (details, g_strdup_printf (_("%d%% done"), zc_item_get_progress (self->item)));
  g_ptr_array_add (details, NULL);
  details_text = g_strjoinv (_(" · "), (char **) details->pdata);
  gtk_label_set_text (self->details_label, details_text);

  gtk_label_set_text (self->problem_label, zc_item_get_problem_text (self->item));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label),
                          zc_item_get_problem_text (self->item) != NULL);

  gtk_label_set_text (self->reject_label, zc_item_get_reject_reason (self->item));
  gtk_widget_set_visible (self->reject_box,
                          zc_item_get_reject_reason (self->item) != NULL &&
                          state != ZC_ITEM_STATE_CLOSED);

  gtk_widget_set_visible (self->report_box, can_report (self));
  gtk_widget_set_visible (self->closed_box, !can_report (self));
  if (!can_report (self))
    {
      g_autofree char *text = NULL;

      if (state == ZC_ITEM_STATE_CLOSED)
        text = g_strdup (_("This item is closed out: it takes no more progress reports."));
      else if (state == ZC_ITEM_STATE_AWAITING_CLOSEOUT)
        text = g_strdup (_("This item waits for an inspector to close it out. If the inspector "
                           "sends it back, report again here."));
      else
        text = g_strdup (_("Progress is reported in the rectification phase."));
      gtk_label_set_text (self->closed_label, text);
    }

  gtk_adjustment_set_value (self->percent_adjustment, zc_item_get_progress (self->item));
}

static GtkWidget *
history_row (ZcProgressDialog *self,
             ZcProgress       *progress)
{
  g_autofree char *date = format_day (zc_progress_get_date (progress));
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  int n_files = zc_progress_get_evidence_count (progress);
  GtkWidget *row;

  /* Translators: one progress report in the history: its date and percentage */
  title = g_strdup_printf (_("%s: %d%%"), date ? date : "", zc_progress_get_percent (progress));
  if (zc_progress_get_text (progress) != NULL)
    g_ptr_array_add (parts, g_strdup (zc_progress_get_text (progress)));
  if (zc_progress_get_author_name (progress) != NULL)
    /* Translators: who reported a progress */
    g_ptr_array_add (parts, g_strdup_printf (_("reported by %s"),
                                             zc_progress_get_author_name (progress)));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv ("\n", (char **) parts->pdata);

  if (n_files > 0)
    {
      g_autoptr(GListModel) evidence = NULL;

      row = adw_expander_row_new ();
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      evidence = zc_store_list_evidence (self->store, self->actor,
                                         zc_record_get_id (ZC_RECORD (progress)), NULL);
      for (guint i = 0; evidence && i < g_list_model_get_n_items (evidence); i++)
        {
          g_autoptr(ZcEvidence) file = g_list_model_get_item (evidence, i);
          GtkWidget *file_row = adw_action_row_new ();
          g_autofree char *size = g_format_size (zc_evidence_get_size (file));

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (file_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (file_row),
                                         zc_evidence_get_filename (file));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (file_row), size);
          adw_action_row_add_prefix (ADW_ACTION_ROW (file_row),
                                     gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), file_row);
        }
    }
  else
    {
      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
fill_history (ZcProgressDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  history = zc_store_list_progress (self->store, self->actor,
                                    zc_record_get_id (ZC_RECORD (self->item)), &error);
  n = history ? g_list_model_get_n_items (history) : 0;
  /* The latest first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(ZcProgress) progress = g_list_model_get_item (history, i - 1);

      gtk_list_box_append (self->history_list, history_row (self, progress));
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error ? error->message : _("No progress reported yet."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "zc-placeholder-row");
      gtk_list_box_append (self->history_list, row);
    }
}

/* ---- callbacks ----------------------------------------------------------------------------- */

static void
on_text_changed_cb (ZcProgressDialog *self)
{
  show_error (self, NULL);
  update_report_button (self);
}

static void
on_cancel_clicked_cb (ZcProgressDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_report_clicked_cb (ZcProgressDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcProgress) progress = NULL;
  g_autofree char *text = g_strstrip (g_strdup (zc_text_area_get_text (self->text_area)));
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  for (guint i = 0; i < self->paths->len; i++)
    g_ptr_array_add (paths, self->paths->pdata[i]);
  g_ptr_array_add (paths, NULL);

  progress = zc_store_report_progress (self->store, self->actor, self->item,
                                       (int) gtk_adjustment_get_value (self->percent_adjustment),
                                       text, (const char * const *) paths->pdata, &error);
  if (progress == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_REPORTED], 0, progress);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- vfuncs ------------------------------------------------------------------------------- */

static void
zc_progress_dialog_dispose (GObject *object)
{
  ZcProgressDialog *self = ZC_PROGRESS_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), ZC_TYPE_PROGRESS_DIALOG);

  G_OBJECT_CLASS (zc_progress_dialog_parent_class)->dispose (object);
}

static void
zc_progress_dialog_finalize (GObject *object)
{
  ZcProgressDialog *self = ZC_PROGRESS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->item);
  g_clear_pointer (&self->paths, g_ptr_array_unref);

  G_OBJECT_CLASS (zc_progress_dialog_parent_class)->finalize (object);
}

static void
zc_progress_dialog_class_init (ZcProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_progress_dialog_dispose;
  object_class->finalize = zc_progress_dialog_finalize;

  /**
   * ZcProgressDialog::reported:
   * @progress: the ZcProgress just recorded
   */
  signals[SIGNAL_REPORTED] =
    g_signal_new ("reported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ZC_TYPE_PROGRESS);

  g_type_ensure (ZC_TYPE_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, report_button);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, number_label);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, badges_box);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, measure_label);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, reject_box);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, reject_label);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, closed_box);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, closed_label);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, report_box);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, percent_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, text_area);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZcProgressDialog, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_files_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_progress_dialog_init (ZcProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paths = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
zc_progress_dialog_new (GtkWindow *parent,
                        ZcStore   *store,
                        ZcPerson  *actor,
                        ZcItem    *item)
{
  ZcProgressDialog *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);
  g_return_val_if_fail (ZC_IS_ITEM (item), NULL);

  self = g_object_new (ZC_TYPE_PROGRESS_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->item = g_object_ref (item);

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "PDF files, images or documents that show what "
                                              "was done: up to %d file of %d MB each.",
                                              "PDF files, images or documents that show what "
                                              "was done: up to %d files of %d MB each.",
                                              ZC_LIMIT_EVIDENCE_FILES),
                                 ZC_LIMIT_EVIDENCE_FILES,
                                 ZC_LIMIT_EVIDENCE_SIZE / (1024 * 1024));
  adw_preferences_group_set_description (self->evidence_group, description);
  zc_text_area_set_placeholder (self->text_area,
                                _("What was done since the last report, and what is left."));

  fill_item (self);
  fill_history (self);
  fill_evidence (self);
  update_report_button (self);
  return GTK_WIDGET (self);
}
