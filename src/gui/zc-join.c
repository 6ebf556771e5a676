/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-exchange.h"
#include "zc-join.h"
#include "zc-transfer.h"

/*
 * Joining a campaign on a computer of one's own: the discipline inspection office sends the
 * campaign file (units, people, lists and the campaign key's public half, signed); it becomes
 * the database of this installation. The file is read in a worker thread, with its progress
 * in a dialog that can cancel it; a refused or cancelled file leaves no database behind.
 */

typedef struct
{
  ZcWindow         *window;     /* weak */
  char             *package;    /* the campaign file */
  GFile            *database;   /* the new database */
  ZcStore          *store;
  GCancellable     *cancellable;
  AdwMessageDialog *dialog;
  GtkProgressBar   *progress;
} JoinJob;

static void
join_job_free (JoinJob *job)
{
  g_clear_weak_pointer (&job->window);
  g_free (job->package);
  g_clear_object (&job->database);
  g_clear_object (&job->store);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* Removes a database made for a file that was not read. */
static void
discard_database (GFile *database)
{
  g_autofree char *path = g_file_get_path (database);

  if (path != NULL)
    zc_store_remove_files (path);
}

static void
on_progress_cb (double      fraction,
                const char *message,
                gpointer    user_data)
{
  JoinJob *job = user_data;

  if (job->progress == NULL)
    return;
  gtk_progress_bar_set_fraction (job->progress, CLAMP (fraction, 0.0, 1.0));
  if (message != NULL)
    gtk_progress_bar_set_text (job->progress, message);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JoinJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcExchangeReport) report = zc_exchange_import_finish (job->store, result, &error);

  if (job->dialog != NULL)
    {
      job->progress = NULL;
      gtk_window_destroy (GTK_WINDOW (job->dialog));
      job->dialog = NULL;
    }
  /* The window opens the database on a connection of its own. */
  g_clear_object (&job->store);

  if (report == NULL)
    {
      discard_database (job->database);
      if (job->window != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says why, e.g. "the signature does not match" */
          g_autofree char *message = g_strdup_printf (_("The campaign file was not read: %s"),
                                                      error->message);

          zc_window_show_message (job->window, message);
        }
      join_job_free (job);
      return;
    }

  if (job->window != NULL)
    zc_window_open_file (job->window, job->database);
  join_job_free (job);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       JoinJob          *job)
{
  /* The dialog closes itself; the job ends when the thread has stopped. */
  job->dialog = NULL;
  job->progress = NULL;
  g_cancellable_cancel (job->cancellable);
}

static void
start_import (JoinJob *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (job->database);
  GtkWidget *progress;

  job->store = zc_store_open (path, &error);
  if (job->store == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The database was not created: %s"),
                                                  error->message);

      discard_database (job->database);
      zc_window_show_message (job->window, message);
      join_job_free (job);
      return;
    }

  job->cancellable = g_cancellable_new ();
  job->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (job->window),
                                                            _("Joining the Campaign"),
                                                            _("The campaign file is checked "
                                                              "and read into the new "
                                                              "database.")));
  progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (progress), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress of reading the campaign file"), -1);
  job->progress = GTK_PROGRESS_BAR (progress);
  adw_message_dialog_set_extra_child (job->dialog, progress);
  adw_message_dialog_add_response (job->dialog, "cancel", _("_Cancel"));
  g_signal_connect (job->dialog, "response", G_CALLBACK (on_dialog_response_cb), job);
  gtk_window_present (GTK_WINDOW (job->dialog));

  zc_exchange_import_async (job->store, NULL, job->package, on_progress_cb, job, NULL,
                            job->cancellable, on_imported_cb, job);
}

static void
on_database_chosen_cb (GtkNativeDialog *chooser,
                       int              response,
                       JoinJob         *job)
{
  if (response == GTK_RESPONSE_ACCEPT && job->window != NULL)
    {
      job->database = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (g_file_query_exists (job->database, NULL))
        {
          g_autofree char *name = g_file_get_basename (job->database);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("“%s” exists already: a campaign file "
                                                        "starts a new database. Choose "
                                                        "another name."), name);

          zc_window_show_message (job->window, message);
          join_job_free (job);
        }
      else
        start_import (job);
    }
  else
    join_job_free (job);
  g_object_unref (chooser);
}

/* "临江市民政局.zip" → "临江市民政局.db" */
static char *
database_name_for (const char *package)
{
  g_autofree char *base = g_path_get_basename (package);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, ".db", NULL);
}

static void
on_package_chosen_cb (GtkNativeDialog *chooser,
                      int              response,
                      JoinJob         *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *save;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (response != GTK_RESPONSE_ACCEPT || job->window == NULL)
    {
      join_job_free (job);
      g_object_unref (chooser);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  job->package = g_file_get_path (file);
  if (job->package == NULL)
    {
      zc_window_show_message (job->window, _("Only files on this computer can be imported."));
      join_job_free (job);
      return;
    }

  save = gtk_file_chooser_native_new (_("Keep the Campaign’s Database"),
                                      GTK_WINDOW (job->window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                      _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (save), TRUE);
  name = database_name_for (job->package);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (save), name);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (save), folder, NULL);
    }
  g_signal_connect (save, "response", G_CALLBACK (on_database_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (save));
}

void
zc_join_campaign (ZcWindow *window)
{
  GtkFileChooserNative *chooser;
  JoinJob *job;

  g_return_if_fail (ZC_IS_WINDOW (window));

  job = g_new0 (JoinJob, 1);
  g_set_weak_pointer (&job->window, window);

  chooser = gtk_file_chooser_native_new (_("Join a Campaign"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  zc_transfer_add_exchange_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_package_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
zc_join_campaign_from_file (ZcWindow *window,
                            GFile    *package,
                            GFile    *database)
{
  JoinJob *job;

  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (package));
  g_return_if_fail (G_IS_FILE (database));

  job = g_new0 (JoinJob, 1);
  g_set_weak_pointer (&job->window, window);
  job->package = g_file_get_path (package);
  job->database = g_object_ref (database);
  if (job->package == NULL || g_file_query_exists (database, NULL))
    {
      zc_window_show_message (window, job->package == NULL
                                      ? _("Only files on this computer can be imported.")
                                      : _("A campaign file starts a new database: the chosen "
                                          "one exists already."));
      join_job_free (job);
      return;
    }
  start_import (job);
}
