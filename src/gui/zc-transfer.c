/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <string.h>
#include <glib/gi18n.h>

#include "zc-export-package-dialog.h"
#include "zc-format.h"
#include "zc-ledger-csv.h"
#include "zc-notice.h"
#include "zc-pdf.h"
#include "zc-transfer.h"
#include "zc-xlsx.h"

/* A progress dialog appears only for work that takes longer than this (ms), so that a small
 * file does not flash a window. */
#define PROGRESS_DELAY 300

typedef struct _Job Job;

/* What the window keeps for its transfers (object data "zc-transfer"). */
typedef struct
{
  GtkFileChooserNative *chooser;
  Job                  *job;       /* the running export or import, or NULL */
} TransferState;

/* One export of a document, or one import, run in a worker thread. */
struct _Job
{
  ZcWindow           *window;         /* weak */
  gboolean            is_import;
  ZcTransferDocument  document;
  gint64              unit_id;
  char               *db_path;
  ZcPerson           *actor;
  ZcStore            *store;          /* the window's, for the import */
  GFile              *file;
  GCancellable       *cancellable;
  int                 permille;       /* written by the worker thread (atomic) */
  char               *message;        /* the import's current step, main thread only */
  guint               poll_id;
  guint               show_id;
  GtkWidget          *dialog;         /* weak: the progress dialog, once shown */
  GtkProgressBar     *progress_bar;   /* weak */
};

/* ---- helpers ------------------------------------------------------------------------------ */

static void
transfer_state_free (gpointer data)
{
  TransferState *state = data;

  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  if (state->job != NULL && state->job->cancellable != NULL)
    g_cancellable_cancel (state->job->cancellable);
  g_free (state);
}

static TransferState *
transfer_state (ZcWindow *window)
{
  TransferState *state = g_object_get_data (G_OBJECT (window), "zc-transfer");

  if (state == NULL)
    {
      state = g_new0 (TransferState, 1);
      g_object_set_data_full (G_OBJECT (window), "zc-transfer", state, transfer_state_free);
    }
  return state;
}

/* Jobs are reference-counted boxes: the task, the progress callbacks and the window hold
 * them, and any of them may be the last. */
static void
job_clear (gpointer data)
{
  Job *job = data;

  g_clear_handle_id (&job->poll_id, g_source_remove);
  g_clear_handle_id (&job->show_id, g_source_remove);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  g_clear_weak_pointer (&job->dialog);
  g_clear_weak_pointer (&job->progress_bar);
  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->actor);
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_free (job->db_path);
  g_free (job->message);
}

static void
job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_unref)

static gboolean
has_role (ZcWindow *window,
          ZcRole    role)
{
  ZcPerson *actor = zc_window_get_actor (window);

  return actor != NULL && (zc_person_get_roles (actor) & role) != 0;
}

static const char *
document_extension (ZcTransferDocument document)
{
  switch (document)
    {
    case ZC_TRANSFER_LEDGER_XLSX:
      return "xlsx";
    case ZC_TRANSFER_LEDGER_CSV:
      return "csv";
    case ZC_TRANSFER_REPORT_PDF:
      return "pdf";
    case ZC_TRANSFER_NOTICE_HTML:
      return "html";
    default:
      g_assert_not_reached ();
    }
}

static const char *
document_title (ZcTransferDocument document)
{
  switch (document)
    {
    case ZC_TRANSFER_LEDGER_XLSX:
    case ZC_TRANSFER_LEDGER_CSV:
      return _("Rectification Ledger");
    case ZC_TRANSFER_REPORT_PDF:
      return _("Campaign Report");
    case ZC_TRANSFER_NOTICE_HTML:
      return _("Public Notice");
    default:
      g_assert_not_reached ();
    }
}

static const char *
document_progress_heading (ZcTransferDocument document)
{
  switch (document)
    {
    case ZC_TRANSFER_LEDGER_XLSX:
    case ZC_TRANSFER_LEDGER_CSV:
      return _("Exporting the Ledger…");
    case ZC_TRANSFER_REPORT_PDF:
      return _("Writing the Report…");
    case ZC_TRANSFER_NOTICE_HTML:
      return _("Writing the Notice Page…");
    default:
      g_assert_not_reached ();
    }
}

/* The unit's name, or the campaign's title for 0. */
static char *
scope_name (ZcWindow *window,
            gint64    unit_id)
{
  ZcStore *store = zc_window_get_store (window);

  if (unit_id != 0)
    {
      g_autoptr(ZcUnit) unit = zc_store_get_unit (store, unit_id, NULL);

      if (unit != NULL)
        return g_strdup (zc_unit_get_name (unit));
    }
  else
    {
      g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (store, NULL);

      if (campaign != NULL)
        return g_strdup (zc_campaign_get_title (campaign));
    }
  return NULL;
}

/* A name for a file: the folder separators of a unit's name cannot stay. */
static char *
file_name (const char *title,
           const char *scope,
           const char *extension)
{
  char *name = scope != NULL ? g_strdup_printf ("%s-%s.%s", title, scope, extension)
                             : g_strdup_printf ("%s.%s", title, extension);

  return g_strdelimit (name, "/\\", '-');
}

static void
launch_uri (GtkWidget  *widget,
            const char *uri)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  if (!g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
    {
      g_autofree char *message = NULL;

      /* Translators: why a file could not be opened */
      message = g_strdup_printf (_("The file could not be opened: %s"), error->message);
      if (ZC_IS_WINDOW (widget))
        zc_window_show_message (ZC_WINDOW (widget), message);
      else
        g_warning ("%s", message);
    }
}

static void
on_toast_open_cb (AdwToast   *toast,
                  const char *uri)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "zc-window");

  if (window != NULL)
    launch_uri (window, uri);
}

/* ---- the progress dialog ----------------------------------------------------------------- */

static void
on_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Job              *job)
{
  if (g_strcmp0 (response, "cancel") == 0 && job->cancellable != NULL)
    g_cancellable_cancel (job->cancellable);
}

static gboolean
update_progress_cb (gpointer data)
{
  Job *job = data;

  if (job->progress_bar != NULL)
    {
      int permille = g_atomic_int_get (&job->permille);

      gtk_progress_bar_set_fraction (job->progress_bar, permille / 1000.0);
      if (job->message != NULL)
        gtk_progress_bar_set_text (job->progress_bar, job->message);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
show_progress_cb (gpointer data)
{
  Job *job = data;
  g_autofree char *name = g_file_get_basename (job->file);
  GtkWidget *dialog;
  GtkWidget *bar;

  job->show_id = 0;
  if (job->window == NULL)
    return G_SOURCE_REMOVE;

  dialog = adw_message_dialog_new (GTK_WINDOW (job->window),
                                   job->is_import ? _("Importing…")
                                                  : document_progress_heading (job->document),
                                   name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), job->is_import);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  g_signal_connect (dialog, "response", G_CALLBACK (on_progress_response_cb), job);

  g_set_weak_pointer (&job->dialog, dialog);
  g_set_weak_pointer (&job->progress_bar, GTK_PROGRESS_BAR (bar));
  update_progress_cb (job);
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
job_start_progress (Job *job)
{
  job->poll_id = g_timeout_add (100, update_progress_cb, job);
  job->show_id = g_timeout_add (PROGRESS_DELAY, show_progress_cb, job);
}

/* Ends the job: closes its progress dialog, frees the window for the next one. */
static Job *
job_end (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  if (job->window != NULL)
    transfer_state (job->window)->job = NULL;
  g_clear_handle_id (&job->poll_id, g_source_remove);
  g_clear_handle_id (&job->show_id, g_source_remove);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  return job;
}

static Job *
job_new (ZcWindow *window,
         GFile    *file)
{
  Job *job = g_atomic_rc_box_new0 (Job);

  g_set_weak_pointer (&job->window, window);
  job->db_path = g_strdup (zc_store_get_path (zc_window_get_store (window)));
  job->store = g_object_ref (zc_window_get_store (window));
  if (zc_window_get_actor (window) != NULL)
    job->actor = g_object_ref (zc_window_get_actor (window));
  job->file = g_object_ref (file);
  job->cancellable = g_cancellable_new ();
  return job;
}

static gboolean
refuse_when_busy (ZcWindow *window)
{
  if (transfer_state (window)->job == NULL)
    return FALSE;
  zc_window_show_message (window, _("Another file is being written or read. Wait until it is "
                                    "done, or cancel it."));
  return TRUE;
}

/* ---- documents ---------------------------------------------------------------------------- */

static void
document_progress_cb (double   fraction,
                      gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
export_document_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (job->db_path, &error);
  g_autofree char *path = g_file_get_path (job->file);
  gboolean ok = FALSE;

  if (store != NULL)
    switch (job->document)
      {
      case ZC_TRANSFER_LEDGER_XLSX:
        ok = zc_xlsx_export_ledger (store, job->actor, job->unit_id, path, cancellable,
                                    document_progress_cb, job, &error);
        break;
      case ZC_TRANSFER_LEDGER_CSV:
        /* One quick query and a write: no steps to report. */
        ok = zc_store_export_ledger_csv (store, job->actor, job->unit_id, path, &error);
        break;
      case ZC_TRANSFER_REPORT_PDF:
        ok = zc_pdf_export_report (store, job->actor, job->unit_id, path, cancellable,
                                   document_progress_cb, job, &error);
        break;
      case ZC_TRANSFER_NOTICE_HTML:
        ok = zc_notice_export (store, job->actor, path, cancellable,
                               document_progress_cb, job, &error);
        break;
      default:
        g_assert_not_reached ();
      }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_document_exported_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = G_TASK (result);
  Job *job = job_end (task);
  g_autoptr(GError) error = NULL;
  gboolean cancelled = g_cancellable_is_cancelled (job->cancellable);

  if (!g_task_propagate_boolean (task, &error))
    {
      if (job->window == NULL)
        return;
      if (cancelled || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zc_window_show_message (job->window, _("Export cancelled: no file was written"));
      else
        {
          /* Translators: the document, then why it could not be written */
          g_autofree char *message = g_strdup_printf (_("%s not exported: %s"),
                                                      document_title (job->document),
                                                      error->message);

          zc_window_show_message (job->window, message);
        }
      return;
    }

  if (job->window != NULL)
    zc_transfer_show_saved_toast (job->window, job->file, FALSE);
}

/* ---- scope: which unit a document covers ------------------------------------------------- */

typedef struct
{
  ZcWindow           *window;   /* weak */
  ZcTransferDocument  document;
  GArray             *unit_ids;
  AdwComboRow        *row;      /* weak */
} ScopeChoice;

static void
scope_choice_free (gpointer data)
{
  ScopeChoice *choice = data;

  g_clear_weak_pointer (&choice->window);
  g_clear_weak_pointer (&choice->row);
  g_array_unref (choice->unit_ids);
  g_free (choice);
}

static void
add_choice (GArray        *ids,
            GtkStringList *names,
            gint64         unit_id,
            const char    *name)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == unit_id)
      return;
  g_array_append_val (ids, unit_id);
  gtk_string_list_append (names, name);
}

/* The units of a document that @window's person may choose from: inspectors the whole
 * campaign (0) or any unit; a leader in charge their units (0: all of them); a lead their
 * own unit. The report has no "all my units" (it is for one unit or the campaign). */
static void
scope_choices (ZcWindow           *window,
               ZcTransferDocument  document,
               GArray             *ids,
               GtkStringList      *names)
{
  ZcStore *store = zc_window_get_store (window);
  ZcPerson *actor = zc_window_get_actor (window);
  ZcRole roles = zc_person_get_roles (actor);
  gboolean ledger = document == ZC_TRANSFER_LEDGER_XLSX || document == ZC_TRANSFER_LEDGER_CSV;

  if (roles & ZC_ROLE_INSPECTOR)
    {
      g_autoptr(GListModel) units = zc_store_list_units (store);

      add_choice (ids, names, 0, _("The whole campaign"));
      for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
        {
          g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);

          add_choice (ids, names, zc_record_get_id (ZC_RECORD (unit)), zc_unit_get_name (unit));
        }
      return;
    }

  if (roles & ZC_ROLE_LEAD)
    add_choice (ids, names, zc_person_get_unit_id (actor), zc_person_get_unit_name (actor));
  if (roles & ZC_ROLE_LEADER)
    {
      g_autoptr(GArray) in_charge = zc_store_units_in_charge (store,
                                                              zc_record_get_id (ZC_RECORD (actor)));

      if (ledger && in_charge != NULL && in_charge->len + ids->len > 1)
        add_choice (ids, names, 0, _("Every unit I may read"));
      for (guint i = 0; in_charge != NULL && i < in_charge->len; i++)
        {
          gint64 id = g_array_index (in_charge, gint64, i);
          g_autoptr(ZcUnit) unit = zc_store_get_unit (store, id, NULL);

          if (unit != NULL)
            add_choice (ids, names, id, zc_unit_get_name (unit));
        }
    }
}

static void ask_document_file (ZcWindow           *window,
                               ZcTransferDocument  document,
                               gint64              unit_id);

static void
on_scope_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ScopeChoice      *choice)
{
  guint selected;

  if (g_strcmp0 (response, "continue") != 0 || choice->window == NULL || choice->row == NULL)
    return;
  selected = adw_combo_row_get_selected (choice->row);
  if (selected >= choice->unit_ids->len)
    return;
  ask_document_file (choice->window, choice->document,
                     g_array_index (choice->unit_ids, gint64, selected));
}

/* Asks which unit, where there is a choice, then where to save. */
static void
choose_scope (ZcWindow           *window,
              ZcTransferDocument  document)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ScopeChoice *choice;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *row;

  if (zc_window_get_actor (window) == NULL)
    return;
  scope_choices (window, document, ids, names);
  if (ids->len == 0)
    {
      g_array_unref (ids);
      zc_window_show_message (window, _("There is no unit whose documents you may export."));
      return;
    }
  if (ids->len == 1)
    {
      ask_document_file (window, document, g_array_index (ids, gint64, 0));
      g_array_unref (ids);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), document_title (document),
                                   _("Which unit should the document cover?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Unit"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit"),
                                  -1);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  choice = g_new0 (ScopeChoice, 1);
  g_set_weak_pointer (&choice->window, window);
  g_set_weak_pointer (&choice->row, ADW_COMBO_ROW (row));
  choice->document = document;
  choice->unit_ids = ids;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_scope_response_cb), choice,
                         (GClosureNotify) (void (*) (void)) scope_choice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  ZcTransferDocument document;
  gint64             unit_id;
} SaveRequest;

static void
on_document_chooser_response_cb (GtkNativeDialog *chooser,
                                 int              response,
                                 ZcWindow        *window)
{
  TransferState *state = transfer_state (window);
  SaveRequest *request = g_object_get_data (G_OBJECT (chooser), "zc-request");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      const char *extension = document_extension (request->document);
      g_autofree char *suffix = g_strconcat (".", extension, NULL);

      if (path == NULL)
        zc_window_show_message (window, _("Choose a folder on this computer."));
      else
        {
          if (!g_str_has_suffix (path, suffix))
            {
              g_autofree char *with_suffix = g_strconcat (path, suffix, NULL);

              g_clear_object (&file);
              file = g_file_new_for_path (with_suffix);
            }
          zc_transfer_export_document_to (window, request->document, request->unit_id, file);
        }
    }
  if (state->chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    g_clear_object (&state->chooser);
}

static void
ask_document_file (ZcWindow           *window,
                   ZcTransferDocument  document,
                   gint64              unit_id)
{
  TransferState *state = transfer_state (window);
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *scope = scope_name (window, unit_id);
  g_autofree char *name = file_name (document_title (document), scope,
                                     document_extension (document));
  g_autoptr(GFile) suggested = zc_transfer_suggested_file (name);
  g_autoptr(GFile) folder = g_file_get_parent (suggested);
  g_autofree char *pattern = g_strconcat ("*.", document_extension (document), NULL);
  SaveRequest *request;

  if (refuse_when_busy (window))
    return;

  switch (document)
    {
    case ZC_TRANSFER_LEDGER_XLSX:
      gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX)"));
      break;
    case ZC_TRANSFER_LEDGER_CSV:
      gtk_file_filter_set_name (filter, _("CSV files"));
      break;
    case ZC_TRANSFER_REPORT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      break;
    case ZC_TRANSFER_NOTICE_HTML:
      gtk_file_filter_set_name (filter, _("Web pages (HTML)"));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_file_filter_add_pattern (filter, pattern);

  chooser = gtk_file_chooser_native_new (document_title (document), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  request = g_new0 (SaveRequest, 1);
  request->document = document;
  request->unit_id = unit_id;
  g_object_set_data_full (G_OBJECT (chooser), "zc-request", request, g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_document_chooser_response_cb), window);

  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  state->chooser = g_steal_pointer (&chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (state->chooser));
}

/* ---- importing ------------------------------------------------------------------------------ */

static const char *
kind_name (ZcExchangeKind kind)
{
  switch (kind)
    {
    case ZC_EXCHANGE_KIND_CAMPAIGN:
      return _("campaign file");
    case ZC_EXCHANGE_KIND_FORM:
      return _("form file");
    case ZC_EXCHANGE_KIND_UNIT:
      return _("unit file");
    case ZC_EXCHANGE_KIND_DECISIONS:
      return _("decisions file");
    case ZC_EXCHANGE_KIND_SUGGESTIONS:
      return _("file of anonymous suggestions");
    default:
      return "?";
    }
}

static void
import_progress_cb (double      fraction,
                    const char *message,
                    gpointer    data)
{
  Job *job = data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
  if (message != NULL)
    {
      g_free (job->message);
      job->message = g_strdup (message);
    }
}

static GtkWidget *
summary_row (const char *title,
             const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static GtkWidget *
summary_list (const char *title,
              GPtrArray  *lines)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *count = g_strdup_printf ("%u", lines->len);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), gtk_label_new (count));
  for (guint i = 0; i < lines->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              summary_row (g_ptr_array_index (lines, i), NULL));
  return expander;
}

static char *
report_when (const char *created)
{
  g_autoptr(GDateTime) time = NULL;

  if (created == NULL)
    return NULL;
  if (strlen (created) == 10)
    return zc_format_date (created);
  time = g_date_time_new_from_iso8601 (created, NULL);
  if (time == NULL)
    return g_strdup (created);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (time);

    return zc_format_date_time (local);
  }
}

/* The summary of what came in: who wrote the file and when, the counts, a newly pinned key
 * with its fingerprint (to compare with its owner), what could not be merged and the
 * notes. */
static GtkWidget *
summary_dialog_new (ZcWindow               *window,
                    const ZcExchangeReport *report)
{
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  g_autofree char *name = g_path_get_basename (report->path);
  g_autofree char *when = report_when (report->created);
  g_autofree char *origin = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;

  if (report->signer_name != NULL)
    /* Translators: "A form file of 杨洋 (SJ002), written 2026-03-12 08:41." */
    origin = g_strdup_printf (_("A %s of %s (%s), written %s."), kind_name (report->kind),
                              report->signer_name,
                              report->signer_code ? report->signer_code : "?",
                              when ? when : "?");
  else
    /* Translators: "A file of anonymous suggestions, written 2026-03-12: …" */
    origin = g_strdup_printf (_("A %s, written %s: no author and no signature, so they "
                                "arrive marked as anonymous and unverified."),
                              kind_name (report->kind), when ? when : "?");

  if (!report->changed)
    counts = g_strdup (_("Nothing new: everything in it was here already, and the database "
                         "is unchanged."));
  else
    counts = g_strdup_printf (_("%u records created, %u updated, %u unchanged, %u older than "
                                "here, %u removed by their owner."),
                              report->n_created, report->n_updated, report->n_unchanged,
                              report->n_older, report->n_deleted);
  body = g_strconcat (origin, "\n", counts, NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   report->changed ? _("File Imported") : _("Nothing New"),
                                   body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), summary_row (_("File"), name));

  if (report->fingerprint != NULL)
    {
      GtkWidget *row;
      const char *title;

      if (report->pinned)
        title = _("New key pinned: compare this fingerprint with its owner, by telephone or "
                  "in person");
      else
        title = _("Signed with the key pinned here");
      row = summary_row (title, report->fingerprint);
      if (report->pinned)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("New key"),
                                          -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      gtk_widget_add_css_class (row, "property");
      gtk_widget_set_name (row, "fingerprint-row");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (report->not_merged->len > 0)
    gtk_list_box_append (GTK_LIST_BOX (list), summary_list (_("Not Merged"), report->not_merged));
  if (report->notes->len > 0)
    gtk_list_box_append (GTK_LIST_BOX (list), summary_list (_("Notes"), report->notes));
  gtk_box_append (GTK_BOX (box), list);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  gtk_widget_set_name (dialog, "import-summary");
  return dialog;
}

/* The pages show what came in: the person's sections are built again, with their record
 * read again (a campaign file may have changed their roles). */
static void
refresh_window (ZcWindow *window)
{
  ZcPerson *actor = zc_window_get_actor (window);
  g_autoptr(ZcPerson) fresh = NULL;

  if (actor == NULL)
    return;
  fresh = zc_store_get_person (zc_window_get_store (window),
                               zc_record_get_id (ZC_RECORD (actor)), NULL);
  if (fresh != NULL)
    zc_window_set_actor (window, fresh);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(ZcExchangeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (job->window != NULL)
    transfer_state (job->window)->job = NULL;
  g_clear_handle_id (&job->poll_id, g_source_remove);
  g_clear_handle_id (&job->show_id, g_source_remove);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));

  report = zc_exchange_import_finish (ZC_STORE (source), result, &error);
  if (job->window == NULL)
    return;
  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          zc_window_show_message (job->window, _("Import cancelled: nothing was changed"));
          return;
        }
      /* The core's refusal names the file and says that nothing was imported. */
      dialog = adw_message_dialog_new (GTK_WINDOW (job->window), _("File Not Imported"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_widget_set_name (dialog, "import-refused");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (report->changed)
    refresh_window (job->window);
  dialog = summary_dialog_new (job->window, report);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ZcWindow        *window)
{
  TransferState *state = transfer_state (window);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        zc_transfer_import_file (window, file);
    }
  if (state->chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    g_clear_object (&state->chooser);
}

/* ---- actions ---------------------------------------------------------------------------------- */

static void
export_package_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ZcExchangeKind kind;

  if (g_str_equal (action_name, "win.export-campaign"))
    kind = ZC_EXCHANGE_KIND_CAMPAIGN;
  else if (g_str_equal (action_name, "win.export-form"))
    kind = ZC_EXCHANGE_KIND_FORM;
  else if (g_str_equal (action_name, "win.export-suggestions"))
    kind = ZC_EXCHANGE_KIND_SUGGESTIONS;
  else if (g_str_equal (action_name, "win.export-unit"))
    kind = ZC_EXCHANGE_KIND_UNIT;
  else if (g_str_equal (action_name, "win.export-decisions"))
    kind = ZC_EXCHANGE_KIND_DECISIONS;
  else
    g_assert_not_reached ();

  zc_transfer_export_package (ZC_WINDOW (widget), kind);
}

static void
import_package_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  zc_transfer_import_package (ZC_WINDOW (widget));
}

static void
export_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ZcWindow *window = ZC_WINDOW (widget);

  if (g_str_equal (action_name, "win.export-ledger-xlsx"))
    choose_scope (window, ZC_TRANSFER_LEDGER_XLSX);
  else if (g_str_equal (action_name, "win.export-ledger-csv"))
    choose_scope (window, ZC_TRANSFER_LEDGER_CSV);
  else if (g_str_equal (action_name, "win.export-report"))
    choose_scope (window, ZC_TRANSFER_REPORT_PDF);
  else if (g_str_equal (action_name, "win.export-notice"))
    zc_transfer_export_notice (window);
  else
    g_assert_not_reached ();
}

static const char * const all_actions[] = {
  "win.export-form", "win.export-suggestions", "win.export-unit", "win.export-campaign",
  "win.export-decisions", "win.import-package", "win.export-ledger-xlsx",
  "win.export-ledger-csv", "win.export-report", "win.export-notice",
};

static void
update_actions (ZcWindow *window)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (window), all_actions[i],
                                   zc_transfer_can (window, all_actions[i]));
}

/* ---- public ------------------------------------------------------------------------------------ */

void
zc_window_install_transfer_actions (GtkWidgetClass *widget_class)
{
  static const char * const package_actions[] = {
    "win.export-form", "win.export-suggestions", "win.export-unit", "win.export-campaign",
    "win.export-decisions",
  };
  static const char * const document_actions[] = {
    "win.export-ledger-xlsx", "win.export-ledger-csv", "win.export-report", "win.export-notice",
  };

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  for (guint i = 0; i < G_N_ELEMENTS (package_actions); i++)
    gtk_widget_class_install_action (widget_class, package_actions[i], NULL,
                                     export_package_action);
  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_class_install_action (widget_class, document_actions[i], NULL,
                                     export_document_action);
  gtk_widget_class_install_action (widget_class, "win.import-package", NULL,
                                   import_package_action);
}

static void
on_window_notify_cb (ZcWindow   *window,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  update_actions (window);
}

void
zc_transfer_attach (ZcWindow *window)
{
  g_return_if_fail (ZC_IS_WINDOW (window));

  g_signal_connect (window, "notify::actor", G_CALLBACK (on_window_notify_cb), NULL);
  g_signal_connect (window, "notify::store", G_CALLBACK (on_window_notify_cb), NULL);
  update_actions (window);
}

GFile *
zc_transfer_suggested_file (const char *name)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *folder = documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                       ? documents : g_get_home_dir ();
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  path = g_build_filename (folder, name, NULL);
  return g_file_new_for_path (path);
}

void
zc_transfer_show_saved_toast (ZcWindow *window,
                              GFile    *file,
                              gboolean  open_folder)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  if (open_folder)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      uri = parent ? g_file_get_uri (parent) : g_file_get_uri (file);
    }
  else
    uri = g_file_get_uri (file);

  /* Translators: a file was written */
  title = g_markup_printf_escaped (_("Saved “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, open_folder ? _("Open _Folder") : _("_Open"));
  g_object_set_data (G_OBJECT (toast), "zc-window", window);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_open_cb),
                         g_steal_pointer (&uri), (GClosureNotify) (void (*) (void)) g_free, 0);
  zc_window_add_toast (window, toast);
}

void
zc_transfer_export_package (ZcWindow       *window,
                            ZcExchangeKind  kind)
{
  ZcExportPackageDialog *dialog;

  g_return_if_fail (ZC_IS_WINDOW (window));

  if (zc_window_get_store (window) == NULL || zc_window_get_actor (window) == NULL)
    return;
  dialog = zc_export_package_dialog_new (window, kind);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
zc_transfer_add_exchange_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Exchange files"));
  gtk_file_filter_add_pattern (filter, "*.zip");
  gtk_file_filter_add_mime_type (filter, "application/zip");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_chooser_add_filter (chooser, all);
}

void
zc_transfer_import_package (ZcWindow *window)
{
  TransferState *state;
  g_autoptr(GtkFileChooserNative) chooser = NULL;

  g_return_if_fail (ZC_IS_WINDOW (window));

  if (zc_window_get_store (window) == NULL || refuse_when_busy (window))
    return;
  state = transfer_state (window);

  chooser = gtk_file_chooser_native_new (_("Import an Exchange File"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  zc_transfer_add_exchange_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), window);

  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  state->chooser = g_steal_pointer (&chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (state->chooser));
}

void
zc_transfer_import_file (ZcWindow *window,
                         GFile    *file)
{
  g_autofree char *path = NULL;
  Job *job;

  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if (zc_window_get_store (window) == NULL || refuse_when_busy (window))
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      zc_window_show_message (window, _("Only files on this computer can be imported."));
      return;
    }

  job = job_new (window, file);
  job->is_import = TRUE;
  transfer_state (window)->job = job;
  job_start_progress (job);
  zc_exchange_import_async (job->store, job->actor, path,
                            import_progress_cb, g_atomic_rc_box_acquire (job), job_unref,
                            job->cancellable, on_imported_cb, job);
}

void
zc_transfer_export_ledger (ZcWindow   *window,
                           gint64      unit_id,
                           const char *format)
{
  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (format != NULL);

  if (zc_window_get_actor (window) == NULL)
    return;
  ask_document_file (window,
                     g_str_equal (format, "csv") ? ZC_TRANSFER_LEDGER_CSV
                                                 : ZC_TRANSFER_LEDGER_XLSX,
                     unit_id);
}

void
zc_transfer_export_report (ZcWindow *window,
                           gint64    unit_id)
{
  g_return_if_fail (ZC_IS_WINDOW (window));

  if (zc_window_get_actor (window) == NULL)
    return;
  ask_document_file (window, ZC_TRANSFER_REPORT_PDF, unit_id);
}

void
zc_transfer_export_notice (ZcWindow *window)
{
  g_return_if_fail (ZC_IS_WINDOW (window));

  if (zc_window_get_actor (window) == NULL)
    return;
  ask_document_file (window, ZC_TRANSFER_NOTICE_HTML, 0);
}

void
zc_transfer_export_document_to (ZcWindow           *window,
                                ZcTransferDocument  document,
                                gint64              unit_id,
                                GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if (zc_window_get_store (window) == NULL || zc_window_get_actor (window) == NULL ||
      refuse_when_busy (window))
    return;
  if (!g_file_is_native (file))
    {
      zc_window_show_message (window, _("Choose a folder on this computer."));
      return;
    }

  job = job_new (window, file);
  job->document = document;
  job->unit_id = unit_id;
  transfer_state (window)->job = job;
  job_start_progress (job);

  task = g_task_new (NULL, job->cancellable, on_document_exported_cb, NULL);
  g_task_set_source_tag (task, zc_transfer_export_document_to);
  g_task_set_task_data (task, job, job_unref);
  g_task_run_in_thread (task, export_document_thread);
}

gboolean
zc_transfer_can (ZcWindow   *window,
                 const char *action_name)
{
  gboolean signed_in;
  gboolean inspector, lead, leader;

  g_return_val_if_fail (ZC_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (action_name != NULL, FALSE);

  if (g_str_has_prefix (action_name, "win."))
    action_name += strlen ("win.");
  /* Anyone may import: the core refuses what does not belong to this installation. */
  if (g_str_equal (action_name, "import-package"))
    return zc_window_get_store (window) != NULL;

  signed_in = zc_window_get_store (window) != NULL && zc_window_get_actor (window) != NULL;
  inspector = signed_in && has_role (window, ZC_ROLE_INSPECTOR);
  lead = signed_in && has_role (window, ZC_ROLE_LEAD);
  leader = signed_in && has_role (window, ZC_ROLE_LEADER);

  if (g_str_equal (action_name, "export-form") ||
      g_str_equal (action_name, "export-suggestions") ||
      g_str_equal (action_name, "export-notice"))
    return signed_in;
  if (g_str_equal (action_name, "export-unit"))
    return lead || leader;
  if (g_str_equal (action_name, "export-campaign") ||
      g_str_equal (action_name, "export-decisions"))
    return inspector;
  if (g_str_equal (action_name, "export-ledger-xlsx") ||
      g_str_equal (action_name, "export-ledger-csv") ||
      g_str_equal (action_name, "export-report"))
    return lead || leader || inspector;
  return FALSE;
}

gboolean
zc_transfer_is_busy (ZcWindow *window)
{
  g_return_val_if_fail (ZC_IS_WINDOW (window), FALSE);

  return transfer_state (window)->job != NULL;
}

void
zc_transfer_cancel (ZcWindow *window)
{
  Job *job;

  g_return_if_fail (ZC_IS_WINDOW (window));

  job = transfer_state (window)->job;
  if (job != NULL)
    g_cancellable_cancel (job->cancellable);
}
