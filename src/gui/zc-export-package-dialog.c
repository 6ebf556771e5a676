/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <string.h>
#include <glib/gi18n.h>
#include <sodium.h>

#include "zc-error.h"
#include "zc-export-package-dialog.h"
#include "zc-format.h"
#include "zc-keys.h"
#include "zc-transfer.h"

struct _ZcExportPackageDialog
{
  AdwWindow             parent_instance;

  /* template children */
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *export_button;
  GtkLabel             *description_label;
  AdwComboRow          *unit_row;
  AdwActionRow         *file_row;
  GtkWidget            *choose_button;
  AdwPasswordEntryRow  *passphrase_row;
  GtkLabel             *error_label;
  GtkWidget            *progress_box;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;

  ZcWindow             *window;        /* weak */
  ZcStore              *store;
  ZcPerson             *actor;
  ZcExchangeKind        kind;
  GArray               *unit_ids;      /* gint64, parallel to the unit row's model */
  GFile                *file;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;   /* while the file is written */
};

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcExportPackageDialog, zc_export_package_dialog, ADW_TYPE_WINDOW)

/* ---- helpers ------------------------------------------------------------------------------ */

static const char *
kind_title (ZcExchangeKind kind)
{
  switch (kind)
    {
    case ZC_EXCHANGE_KIND_CAMPAIGN:
      return _("Campaign File");
    case ZC_EXCHANGE_KIND_FORM:
      return _("My Form");
    case ZC_EXCHANGE_KIND_UNIT:
      return _("Unit File");
    case ZC_EXCHANGE_KIND_DECISIONS:
      return _("Decisions File");
    case ZC_EXCHANGE_KIND_SUGGESTIONS:
      return _("Anonymous Suggestions");
    default:
      g_assert_not_reached ();
    }
}

static const char *
kind_description (ZcExchangeKind kind)
{
  switch (kind)
    {
    case ZC_EXCHANGE_KIND_CAMPAIGN:
      return _("The campaign with its phases, units, people, lists and guidance, for every "
               "other computer of the campaign. Importing it on a new computer sets the "
               "campaign up there. The file is signed with the campaign key.");
    case ZC_EXCHANGE_KIND_FORM:
      return _("Your self-inspection form with its findings, and the suggestions you made "
               "signed in, for your unit’s lead. The file is signed with your own key, so "
               "that nobody can change your words on the way.");
    case ZC_EXCHANGE_KIND_UNIT:
      return _("The unit’s reviews, problem list, rectification ledger, progress reports "
               "with their evidence, commitments and answers to supervision orders, with the "
               "form files you received, for the inspectors. The file is signed with your "
               "own key.");
    case ZC_EXCHANGE_KIND_DECISIONS:
      return _("Close-outs and rejections, supervision orders, public evaluations and "
               "assessments, for the units. The file is signed with the campaign key.");
    case ZC_EXCHANGE_KIND_SUGGESTIONS:
      return _("The anonymous suggestions made on this computer. The file carries no author "
               "and no signature: it arrives marked as anonymous and unverified.");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
needs_passphrase (ZcExportPackageDialog *self)
{
  return self->kind != ZC_EXCHANGE_KIND_SUGGESTIONS;
}

static char *
suggested_name (ZcExportPackageDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  const char *kind = zc_exchange_kind_to_string (self->kind);

  /* The stable kind names, as on the command line; the staff code says whose it is. */
  if (self->kind == ZC_EXCHANGE_KIND_SUGGESTIONS)
    return g_strdup_printf ("%s-%s.zip", kind, day);
  return g_strdup_printf ("%s-%s-%s.zip", kind, zc_person_get_staff_code (self->actor), day);
}

static void
update_file_row (ZcExportPackageDialog *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *shown = path ? zc_format_path (path) : g_file_get_uri (self->file);

  adw_action_row_set_subtitle (self->file_row, shown);
}

static void
show_error (ZcExportPackageDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_running (ZcExportPackageDialog *self,
             gboolean               running)
{
  /* The focused passphrase field turns insensitive: move the focus to Cancel first. */
  if (running)
    gtk_widget_grab_focus (self->cancel_button);
  gtk_widget_set_sensitive (self->export_button, !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !running);
  gtk_widget_set_visible (self->progress_box, running);
  if (running)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_label_set_text (self->progress_label, _("Starting…"));
    }
}

static gint64
chosen_unit (ZcExportPackageDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  if (self->unit_ids->len == 0 || selected >= self->unit_ids->len)
    return 0;
  return g_array_index (self->unit_ids, gint64, selected);
}

static void
add_unit_choice (ZcExportPackageDialog *self,
                 GtkStringList         *names,
                 gint64                 unit_id,
                 const char            *name)
{
  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == unit_id)
      return;
  g_array_append_val (self->unit_ids, unit_id);
  gtk_string_list_append (names, name);
}

/* A unit file: the lead's unit, or one of a leader's units in charge. Decisions: every unit
 * or one. The others have no choice. */
static void
fill_units (ZcExportPackageDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  ZcRole roles = zc_person_get_roles (self->actor);

  if (self->kind == ZC_EXCHANGE_KIND_UNIT)
    {
      g_autoptr(GArray) in_charge = NULL;

      if (roles & ZC_ROLE_LEAD)
        add_unit_choice (self, names, zc_person_get_unit_id (self->actor),
                         zc_person_get_unit_name (self->actor));
      in_charge = zc_store_units_in_charge (self->store,
                                            zc_record_get_id (ZC_RECORD (self->actor)));
      for (guint i = 0; in_charge != NULL && i < in_charge->len; i++)
        {
          gint64 id = g_array_index (in_charge, gint64, i);
          g_autoptr(ZcUnit) unit = zc_store_get_unit (self->store, id, NULL);

          if (unit != NULL)
            add_unit_choice (self, names, id, zc_unit_get_name (unit));
        }
    }
  else if (self->kind == ZC_EXCHANGE_KIND_DECISIONS)
    {
      g_autoptr(GListModel) units = zc_store_list_units (self->store);

      add_unit_choice (self, names, 0, _("Every unit"));
      for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
        {
          g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);

          add_unit_choice (self, names, zc_record_get_id (ZC_RECORD (unit)),
                           zc_unit_get_name (unit));
        }
    }

  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), self->unit_ids->len > 1);
}

/* ---- writing the file -------------------------------------------------------------------- */

static void
on_progress_cb (double      fraction,
                const char *message,
                gpointer    user_data)
{
  ZcExportPackageDialog *self = user_data;

  /* Closed meanwhile: the widgets are gone, the export is being cancelled. */
  if (self->progress_bar == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (message != NULL)
    gtk_label_set_text (self->progress_label, message);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ZcExportPackageDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);

  g_clear_object (&self->cancellable);
  if (!zc_exchange_export_finish (ZC_STORE (source), result, &error))
    {
      if (cancelled || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Cancel closes the dialog; the window may be gone too. */
          if (self->window != NULL)
            zc_window_show_message (self->window, _("Export cancelled: no file was written"));
          return;
        }
      set_running (self, FALSE);
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, self->file);
  if (self->window != NULL)
    zc_transfer_show_saved_toast (self->window, self->file, TRUE);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_export (ZcExportPackageDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (self->cancellable != NULL)
    return;

  if (path == NULL)
    {
      show_error (self, _("Choose a file on this computer."));
      return;
    }

  if (needs_passphrase (self))
    {
      guint8 secret[ZC_KEY_SECRET_BYTES];
      gboolean unlocked;

      if (passphrase[0] == '\0')
        {
          show_error (self, _("Enter your passphrase: it opens the key that signs the file."));
          gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
          return;
        }
      /* Checked here, so that a mistyped passphrase is said next to the field. */
      unlocked = zc_store_unlock_key (self->store, self->actor, passphrase, secret, &error);
      sodium_memzero (secret, sizeof secret);
      if (!unlocked)
        {
          if (g_error_matches (error, ZC_ERROR, ZC_ERROR_AUTH))
            show_error (self, _("That passphrase is not right. Try again."));
          else
            show_error (self, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
          return;
        }
    }

  show_error (self, NULL);
  set_running (self, TRUE);
  self->cancellable = g_cancellable_new ();
  zc_exchange_export_async (self->store, self->actor, self->kind, chosen_unit (self),
                            needs_passphrase (self) ? passphrase : NULL, path,
                            on_progress_cb, g_object_ref (self), g_object_unref,
                            self->cancellable, on_exported_cb, g_object_ref (self));
}

/* ---- signal callbacks -------------------------------------------------------------------- */

static void
on_export_clicked_cb (ZcExportPackageDialog *self)
{
  start_export (self);
}

static void
on_cancel_clicked_cb (ZcExportPackageDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_passphrase_changed_cb (ZcExportPackageDialog *self)
{
  show_error (self, NULL);
}

static void
on_chooser_response_cb (GtkNativeDialog       *chooser,
                        int                    response,
                        ZcExportPackageDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && !g_str_has_suffix (path, ".zip"))
        {
          g_autofree char *with_suffix = g_strconcat (path, ".zip", NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (with_suffix);
        }
      if (file != NULL)
        zc_export_package_dialog_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked_cb (ZcExportPackageDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  g_autofree char *name = g_file_get_basename (self->file);

  gtk_file_filter_set_name (filter, _("Exchange files"));
  gtk_file_filter_add_pattern (filter, "*.zip");
  gtk_file_filter_add_mime_type (filter, "application/zip");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (kind_title (self->kind), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- vfuncs ------------------------------------------------------------------------------ */

static gboolean
zc_export_package_dialog_close_request (GtkWindow *window)
{
  ZcExportPackageDialog *self = ZC_EXPORT_PACKAGE_DIALOG (window);

  /* Closing while the file is written cancels it; the core leaves no file behind. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (zc_export_package_dialog_parent_class)->close_request (window);
}

static void
zc_export_package_dialog_dispose (GObject *object)
{
  ZcExportPackageDialog *self = ZC_EXPORT_PACKAGE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->window);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_EXPORT_PACKAGE_DIALOG);

  G_OBJECT_CLASS (zc_export_package_dialog_parent_class)->dispose (object);
}

static void
zc_export_package_dialog_finalize (GObject *object)
{
  ZcExportPackageDialog *self = ZC_EXPORT_PACKAGE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (zc_export_package_dialog_parent_class)->finalize (object);
}

static void
zc_export_package_dialog_class_init (ZcExportPackageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zc_export_package_dialog_dispose;
  object_class->finalize = zc_export_package_dialog_finalize;
  window_class->close_request = zc_export_package_dialog_close_request;

  /**
   * ZcExportPackageDialog::exported:
   * @file: the file written
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-export-package-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcExportPackageDialog, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_export_package_dialog_init (ZcExportPackageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---- public -------------------------------------------------------------------------------- */

ZcExportPackageDialog *
zc_export_package_dialog_new (ZcWindow       *window,
                              ZcExchangeKind  kind)
{
  ZcExportPackageDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ZC_IS_WINDOW (window), NULL);
  g_return_val_if_fail (zc_window_get_store (window) != NULL, NULL);
  g_return_val_if_fail (zc_window_get_actor (window) != NULL, NULL);

  self = g_object_new (ZC_TYPE_EXPORT_PACKAGE_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (zc_window_get_store (window));
  self->actor = g_object_ref (zc_window_get_actor (window));
  self->kind = kind;

  gtk_window_set_title (GTK_WINDOW (self), kind_title (kind));
  adw_window_title_set_title (self->window_title, kind_title (kind));
  gtk_label_set_text (self->description_label, kind_description (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), needs_passphrase (self));
  fill_units (self);

  name = suggested_name (self);
  self->file = zc_transfer_suggested_file (name);
  update_file_row (self);

  if (needs_passphrase (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
  else
    gtk_widget_grab_focus (self->export_button);
  return self;
}

GFile *
zc_export_package_dialog_get_file (ZcExportPackageDialog *self)
{
  g_return_val_if_fail (ZC_IS_EXPORT_PACKAGE_DIALOG (self), NULL);

  return self->file;
}

void
zc_export_package_dialog_set_file (ZcExportPackageDialog *self,
                                   GFile                 *file)
{
  g_return_if_fail (ZC_IS_EXPORT_PACKAGE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  update_file_row (self);
}
