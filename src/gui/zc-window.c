/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zc-dashboard-page.h"
#include "zc-demo.h"
#include "zc-format.h"
#include "zc-new-campaign-dialog.h"
#include "zc-sections.h"
#include "zc-sign-in-page.h"
#include "zc-transfer.h"
#include "zc-window.h"
#include "zc-join.h"

/* The demo campaign is the same on every computer (and the same as zicha-cli demo). */
#define DEMO_SEED 1

typedef struct
{
  char *path;       /* where the demo ends up */
  char *tmp_path;   /* where it is generated, so that a half-made demo is never opened */
  int   permille;   /* progress, written by the worker thread (atomic) */
} DemoJob;

struct _ZcWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  AdwHeaderBar         *sidebar_header;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar_list;
  AdwHeaderBar         *content_header;
  GtkWidget            *back_button;
  AdwWindowTitle       *window_title;
  GtkWidget            *primary_menu_button;
  GtkWidget            *sidebar_menu_button;
  AdwViewStack         *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *new_campaign_button;
  GtkWidget            *open_button;
  GtkWidget            *demo_button;
  GtkProgressBar       *demo_progress;
  GtkLabel             *campaign_title_label;
  GtkLabel             *campaign_phase_label;
  AdwActionRow         *next_phase_row;
  AdwActionRow         *start_row;
  AdwActionRow         *people_row;
  AdwActionRow         *database_row;
  AdwActionRow         *hint_row;
  ZcSignInPage         *sign_in_page;    /* the "sign-in" page of the stack */

  GSettings            *settings;
  ZcStore              *store;
  ZcPerson             *actor;           /* the signed-in person, or NULL */
  GtkNativeDialog      *chooser;
  char                 *new_title;       /* the campaign being created, while choosing a file */
  char                 *new_start_date;
  char                 *campaign_title;  /* of the opened campaign, for the headers */

  GCancellable         *demo_cancellable;
  DemoJob              *demo_job;        /* owned by the running task */
  guint                 demo_progress_id;
  guint                 screenshot_id;
  guint                 screenshot_attempts;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZcWindow, zc_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- helpers ---------------------------------------------------------------------------- */

static void
demo_job_free (gpointer data)
{
  DemoJob *job = data;

  g_free (job->path);
  g_free (job->tmp_path);
  g_free (job);
}

static char *
demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "zicha", "demo.db", NULL);
}

/* Removes a database file with its write-ahead log and shared-memory index. */
static void
unlink_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
update_header (ZcWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean has_sidebar = gtk_widget_get_visible (self->sidebar);

  adw_header_bar_set_show_end_title_buttons (self->sidebar_header, folded);
  adw_header_bar_set_show_start_title_buttons (self->content_header, folded || !has_sidebar);
  gtk_widget_set_visible (self->back_button, folded && has_sidebar);

  /* One primary menu: at the top of the sidebar when there is one, as GNOME apps do. F10
   * opens whichever is the primary one. */
  gtk_widget_set_visible (self->primary_menu_button, !has_sidebar);
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (self->primary_menu_button), !has_sidebar);
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (self->sidebar_menu_button), has_sidebar);
}

/* The sidebar names the campaign; the content header names the section shown, or the
 * application and the campaign when there are no sections. */
static void
update_titles (ZcWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->main_stack);
  AdwViewStackPage *page = child ? adw_view_stack_get_page (self->main_stack, child) : NULL;
  const char *page_title = page ? adw_view_stack_page_get_title (page) : NULL;

  adw_window_title_set_subtitle (self->sidebar_title, self->campaign_title);
  if (gtk_widget_get_visible (self->sidebar) && page_title != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->main_stack), "campaign") != 0)
    {
      adw_window_title_set_title (self->window_title, page_title);
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Zicha"));
      adw_window_title_set_subtitle (self->window_title, self->campaign_title);
    }
}

static void
update_sidebar (ZcWindow *self)
{
  gboolean visible = self->store != NULL &&
                     gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)) != NULL;

  gtk_widget_set_visible (self->sidebar, visible);
  gtk_widget_set_visible (self->sidebar_separator, visible);
  update_header (self);
  update_titles (self);
}

static void
update_actions (ZcWindow *self)
{
  gboolean busy = self->demo_job != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-campaign", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-database", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.join-campaign", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-database",
                                 !busy && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", self->actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-person", self->actor != NULL);
}

static const char *
phase_hint (ZcPhase phase)
{
  switch (phase)
    {
    case ZC_PHASE_MOBILIZATION:
      return _("Make sure everyone knows the plan and the deadlines. Then an inspector moves "
               "the campaign on to finding problems.");
    case ZC_PHASE_INSPECTION:
      return _("Everyone fills in a self-inspection form now: the phenomenon, the gap, the "
               "cause and the measure. Unit leads fill in their own first.");
    case ZC_PHASE_RECTIFICATION:
      return _("Work through the rectification ledger and report progress with evidence. "
               "Inspectors close out what is done.");
    case ZC_PHASE_EVALUATION:
      return _("Collect the public's evaluation of the closed items and assess each unit "
               "by its results.");
    case ZC_PHASE_CLOSED:
      return _("This campaign has ended. Its records stay here to read and to export.");
    default:
      return "";
    }
}

static void
update_campaign_page (ZcWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autofree char *start = NULL;
  g_autofree char *next_phase_text = NULL;
  g_autofree char *units_text = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *counts_text = NULL;
  g_autofree char *path_text = zc_format_path (zc_store_get_path (self->store));
  const char *phase_name;
  ZcPhase phase;
  guint n_units;
  guint n_people;
  int days_left;

  campaign = zc_store_get_campaign (self->store, &error);
  if (campaign == NULL)
    {
      zc_window_show_message (self, error->message);
      return;
    }

  phase = zc_campaign_get_phase (campaign);
  phase_name = zc_enum_label (ZC_TYPE_PHASE, phase);
  days_left = zc_store_days_left_in_phase (self->store);
  if (phase == ZC_PHASE_CLOSED)
    next_phase_text = g_strdup (_("None: the campaign has ended"));
  else
    {
      const char *next_name = zc_enum_label (ZC_TYPE_PHASE, phase + 1);

      if (days_left > 0)
        /* Translators: the next phase of the campaign, then the days until it starts */
        next_phase_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, in %d day",
                                                        "%s, in %d days", days_left),
                                           next_name, days_left);
      else if (days_left == 0)
        /* Translators: the next phase of the campaign, whose start date has come */
        next_phase_text = g_strdup_printf (_("%s, due now"), next_name);
      else
        /* Translators: the next phase of the campaign, which has no date yet */
        next_phase_text = g_strdup_printf (_("%s, no date set yet"), next_name);
    }

  start = zc_format_date (zc_campaign_get_start_date (campaign));

  units = zc_store_list_units (self->store);
  n_units = units ? g_list_model_get_n_items (units) : 0;
  n_people = zc_store_count_people (self->store);
  units_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit", "%u units", n_units),
                                n_units);
  people_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                              n_people),
                                 n_people);
  /* Translators: "12 units, 200 people" */
  counts_text = g_strdup_printf (_("%s, %s"), units_text, people_text);

  gtk_label_set_text (self->campaign_title_label, zc_campaign_get_title (campaign));
  gtk_label_set_text (self->campaign_phase_label, phase_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->campaign_phase_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Phase"),
                                  -1);
  adw_action_row_set_subtitle (self->next_phase_row, next_phase_text);
  adw_action_row_set_subtitle (self->start_row, start ? start : _("Not set"));
  adw_action_row_set_subtitle (self->people_row, counts_text);
  adw_action_row_set_subtitle (self->database_row, path_text);

  if (n_people == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hint_row),
                                   _("Import the units and the people of your bureau: "
                                     "“zicha-cli units import” and “zicha-cli people import” "
                                     "read them from CSV files."));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hint_row), phase_hint (phase));

  g_free (self->campaign_title);
  self->campaign_title = g_strdup (zc_campaign_get_title (campaign));
  update_titles (self);
}

/* Shows page @name of the stack. Pages not shown may be hidden (see
 * on_visible_page_changed_cb()), and the stack only shows a visible page. */
/* ---- pages made when first shown ---- */

typedef struct
{
  ZcPageNew  page_new;
  ZcStore   *store;
  ZcPerson  *actor;
} PageLater;

static void
page_later_free (gpointer data)
{
  PageLater *later = data;

  g_clear_object (&later->store);
  g_clear_object (&later->actor);
  g_free (later);
}

/* The page in the stack's child @child: made now when it was added for later. */
static GtkWidget *
made_page (GtkWidget *child)
{
  PageLater *later;

  if (child == NULL || !ADW_IS_BIN (child) ||
      (later = g_object_get_data (G_OBJECT (child), "zc-page-later")) == NULL)
    return child;
  if (adw_bin_get_child (ADW_BIN (child)) == NULL)
    {
      gint64 start = g_get_monotonic_time ();

      adw_bin_set_child (ADW_BIN (child), later->page_new (later->store, later->actor));
      g_debug ("page %s made in %.3f s", G_OBJECT_TYPE_NAME (adw_bin_get_child (ADW_BIN (child))),
               (g_get_monotonic_time () - start) / 1e6);
    }
  return adw_bin_get_child (ADW_BIN (child));
}

static void
show_stack_page (ZcWindow   *self,
                 const char *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (self->main_stack, name);

  if (page != NULL)
    {
      made_page (page);
      gtk_widget_set_visible (page, TRUE);
    }
  adw_view_stack_set_visible_child_name (self->main_stack, name);
}

static void
set_store (ZcWindow *self,
           ZcStore  *store)
{
  if (self->store == store)
    return;

  /* A person signed in to one campaign is no one in another. */
  zc_window_set_actor (self, NULL);
  g_set_object (&self->store, store);

  zc_sign_in_page_set_store (self->sign_in_page, store);
  if (store != NULL)
    {
      update_campaign_page (self);
      /* People sign in first; a campaign without people shows how to import them. */
      show_stack_page (self, zc_store_count_people (store) > 0 ? "sign-in" : "campaign");
      adw_leaflet_set_visible_child (self->leaflet,
                                     gtk_widget_get_parent (GTK_WIDGET (self->main_stack)));
    }
  else
    {
      g_clear_pointer (&self->campaign_title, g_free);
      show_stack_page (self, "welcome");
    }

  update_sidebar (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static gboolean
open_path (ZcWindow    *self,
           const char  *path,
           GError     **error)
{
  g_autoptr(ZcStore) store = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), name);
      return FALSE;
    }

  store = zc_store_open (path, error);
  if (store == NULL)
    return FALSE;

  if (!zc_store_has_campaign (store))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” holds no campaign yet."), name);
      return FALSE;
    }

  /* Counted while the window is made and someone signs in, for an inspector's dashboard. */
  zc_dashboard_page_prefetch (store);
  set_store (self, store);
  g_settings_set_string (self->settings, "last-database", path);
  return TRUE;
}

static void
show_error (ZcWindow   *self,
            const char *what,
            GError     *error)
{
  /* Translators: what failed, then why; both are sentences */
  g_autofree char *message = g_strdup_printf (_("%s %s"), what, error->message);

  zc_window_show_message (self, message);
}

/* ---- the demo campaign -------------------------------------------------------------------- */

static void
demo_progress_cb (double   fraction,
                  gpointer data)
{
  DemoJob *job = data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
generate_demo_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (job->path);
  g_autofree char *tmp_wal = g_strconcat (job->tmp_path, "-wal", NULL);
  g_autofree char *wal = g_strconcat (job->path, "-wal", NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder “%s”: %s"),
                               folder, g_strerror (saved_errno));
      return;
    }

  /* A half-made demo from an earlier attempt that was cut short. */
  unlink_database (job->tmp_path);

  {
    g_autoptr(ZcStore) store = zc_store_open (job->tmp_path, &error);

    if (store == NULL ||
        !zc_demo_generate (store, ZC_DEMO_BUREAU, DEMO_SEED, demo_progress_cb, job, &error))
      {
        g_clear_object (&store);
        unlink_database (job->tmp_path);
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
  }

  /* The store is closed now; move the finished demo (and a write-ahead log, should one
   * remain) into place. */
  unlink_database (job->path);
  if (g_file_test (tmp_wal, G_FILE_TEST_EXISTS) && g_rename (tmp_wal, wal) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s", g_strerror (saved_errno));
      return;
    }
  if (g_rename (job->tmp_path, job->path) != 0)
    {
      int saved_errno = errno;

      unlink_database (job->tmp_path);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s", g_strerror (saved_errno));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
update_demo_progress_cb (gpointer user_data)
{
  ZcWindow *self = user_data;
  int permille;
  g_autofree char *text = NULL;

  if (self->demo_job == NULL)
    return G_SOURCE_CONTINUE;

  permille = g_atomic_int_get (&self->demo_job->permille);
  gtk_progress_bar_set_fraction (self->demo_progress, permille / 1000.0);
  /* Translators: the progress of preparing the demo campaign */
  text = g_strdup_printf (_("%d%%"), permille / 10);
  gtk_progress_bar_set_text (self->demo_progress, text);
  return G_SOURCE_CONTINUE;
}

static void
on_demo_generated_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  ZcWindow *self = ZC_WINDOW (source);
  g_autofree char *path = NULL;

  if (!g_task_propagate_boolean (task, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_cancellable_is_cancelled (self->demo_cancellable))
    return;

  path = g_strdup (self->demo_job->path);
  self->demo_job = NULL;
  g_clear_handle_id (&self->demo_progress_id, g_source_remove);
  g_clear_object (&self->demo_cancellable);
  update_actions (self);

  if (error != NULL)
    {
      show_stack_page (self, "welcome");
      show_error (self, _("The demo campaign could not be prepared."), error);
      return;
    }

  if (!open_path (self, path, &error))
    {
      show_stack_page (self, "welcome");
      show_error (self, _("The demo campaign could not be opened."), error);
      return;
    }

  zc_window_show_message (self, _("The demo campaign is ready"));
}

/* ---- creating a campaign ------------------------------------------------------------------- */

static char *
file_name_for_title (const char *title)
{
  g_autofree char *name = g_strdup (title);

  /* Keep the title readable as a file name; only the folder separator cannot stay. */
  g_strdelimit (name, "/\\", '-');
  return g_strconcat (g_strstrip (name), ".db", NULL);
}

static void
create_campaign_at (ZcWindow   *self,
                    const char *path)
{
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *message = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      message = g_strdup_printf (_("“%s” already exists. Choose another name, so that no "
                                   "campaign is overwritten."), name);
      zc_window_show_message (self, message);
      return;
    }

  store = zc_store_open (path, &error);
  if (store != NULL)
    campaign = zc_store_init_campaign (store, self->new_title, self->new_start_date, &error);
  if (campaign == NULL)
    {
      g_clear_object (&store);
      unlink_database (path);
      show_error (self, _("The campaign could not be created."), error);
      return;
    }

  set_store (self, store);
  g_settings_set_string (self->settings, "last-database", path);
  message = g_strdup_printf (_("Campaign “%s” created"), zc_campaign_get_title (campaign));
  zc_window_show_message (self, message);
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ZcWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        zc_window_show_message (self, _("Choose a folder on this computer."));
      else if (g_str_has_suffix (path, ".db"))
        create_campaign_at (self, path);
      else
        {
          g_autofree char *with_suffix = g_strconcat (path, ".db", NULL);

          create_campaign_at (self, with_suffix);
        }
    }

  g_clear_pointer (&self->new_title, g_free);
  g_clear_pointer (&self->new_start_date, g_free);
  g_clear_object (&self->chooser);
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Campaign databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  return filter;
}

static void
on_new_campaign_create_cb (ZcNewCampaignDialog *dialog,
                           const char          *title,
                           const char          *start_date,
                           gpointer             user_data)
{
  ZcWindow *self = user_data;
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autoptr(GtkFileFilter) filter = database_filter ();
  g_autofree char *file_name = file_name_for_title (title);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_free (self->new_title);
  self->new_title = g_strdup (title);
  g_free (self->new_start_date);
  self->new_start_date = g_strdup (start_date);

  chooser = gtk_file_chooser_native_new (_("Save the New Campaign"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), self);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (g_steal_pointer (&chooser));
  gtk_native_dialog_show (self->chooser);
}

/* ---- opening a database -------------------------------------------------------------------- */

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ZcWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      zc_window_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

/* ---- actions --------------------------------------------------------------------------------- */

static void
new_campaign_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZcWindow *self = ZC_WINDOW (widget);
  ZcNewCampaignDialog *dialog = zc_new_campaign_dialog_new ();

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "create", G_CALLBACK (on_new_campaign_create_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ZcWindow *self = ZC_WINDOW (widget);
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autoptr(GtkFileFilter) filter = database_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Campaign Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (g_steal_pointer (&chooser));
  gtk_native_dialog_show (self->chooser);
}

static void
join_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  zc_join_campaign (ZC_WINDOW (widget));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  zc_window_open_demo (ZC_WINDOW (widget));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zc_window_sign_out (ZC_WINDOW (widget));
}

static void
switch_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ZcWindow *self = ZC_WINDOW (widget);

  zc_window_sign_out (self);
  zc_sign_in_page_reset (self->sign_in_page, FALSE);
}

static void
on_signed_in_cb (ZcWindow *self,
                 ZcPerson *person)
{
  zc_window_set_actor (self, person);
}

static void
close_database_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  zc_window_close_database (ZC_WINDOW (widget));
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_leaflet_folded_cb (ZcWindow *self)
{
  update_header (self);
}

static void
on_back_clicked_cb (ZcWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_sidebar_row_activated_cb (ZcWindow      *self,
                             GtkListBoxRow *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "zc-page-name");

  if (name != NULL)
    zc_window_show_page (self, name);
}

static void
on_visible_page_changed_cb (ZcWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->main_stack);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->main_stack);

  made_page (visible);
  update_titles (self);
  /* The pages not shown are hidden from screen readers (and from the e2e tests): the stack
   * keeps their last size, so they would read as if they were still there. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->main_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                   -1);
      /* They are hidden as well: the stack measures every visible page at each layout
       * (the sign-in page alone lists fifty people), and a page not shown should not
       * widen the window either. */
      if (child != visible)
        gtk_widget_set_visible (child, FALSE);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "zc-page-name"), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
  gtk_list_box_unselect_all (self->sidebar_list);
}

/* ---- screenshots ------------------------------------------------------------------------------ */

/* ZICHA_SCREENSHOT=FILE.png saves the window as it is drawn, a moment after it maps (so
 * that icons and fonts are loaded), and quits. build-aux/screenshot uses it for the README. */
static gboolean
take_screenshot_cb (gpointer user_data)
{
  ZcWindow *self = user_data;
  const char *path = g_getenv ("ZICHA_SCREENSHOT");
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  self->screenshot_id = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    texture = gsk_renderer_render_texture (renderer, node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* A window still laying out its pages (rows added in batches) may give no picture yet:
   * try again a little later. */
  if (texture == NULL && ++self->screenshot_attempts < 10)
    {
      self->screenshot_id = g_timeout_add (300, take_screenshot_cb, self);
      return G_SOURCE_REMOVE;
    }
  if (texture == NULL || !gdk_texture_save_to_png (texture, path))
    g_printerr ("Could not save a screenshot of %d×%d to %s\n", width, height, path);

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

/* ZICHA_SCREENSHOT_AS=STAFF_CODE signs that person in without a passphrase (as zicha-cli
 * --as does) and ZICHA_SCREENSHOT_PAGE=NAME shows one of their sections, for screenshots of
 * the pages; ZICHA_SCREENSHOT_ACTION=ACTION activates a detailed action of the page shown
 * (e.g. "form.step(2)"). Only together with ZICHA_SCREENSHOT. */
static void
on_map_for_screenshot_cb (ZcWindow *self)
{
  const char *delay = g_getenv ("ZICHA_SCREENSHOT_DELAY");
  const char *staff_code = g_getenv ("ZICHA_SCREENSHOT_AS");
  const char *page = g_getenv ("ZICHA_SCREENSHOT_PAGE");
  const char *action = g_getenv ("ZICHA_SCREENSHOT_ACTION");
  guint ms = delay ? (guint) g_ascii_strtoull (delay, NULL, 10) : 1500;

  if (staff_code != NULL && self->store != NULL && self->actor == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcPerson) person = zc_store_get_person_by_code (self->store, staff_code, &error);

      if (person != NULL)
        zc_window_set_actor (self, person);
      else
        g_printerr ("ZICHA_SCREENSHOT_AS: %s\n", error->message);
    }
  if (page != NULL && self->actor != NULL)
    zc_window_show_page (self, page);
  if (action != NULL && *action != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autofree char *name = NULL;
      GtkWidget *shown = made_page (adw_view_stack_get_visible_child (self->main_stack));

      if (!g_action_parse_detailed_name (action, &name, &target, &error))
        g_printerr ("ZICHA_SCREENSHOT_ACTION: %s\n", error->message);
      else if (shown == NULL || !gtk_widget_activate_action_variant (shown, name, target))
        g_printerr ("ZICHA_SCREENSHOT_ACTION: no action %s on the page shown\n", action);
    }

  if (self->screenshot_id == 0)
    self->screenshot_id = g_timeout_add (ms, take_screenshot_cb, self);
}

/* ---- vfuncs ----------------------------------------------------------------------------------- */

static gboolean
zc_window_close_request (GtkWindow *window)
{
  ZcWindow *self = ZC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (zc_window_parent_class)->close_request (window);
}

static void
zc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZcWindow *self = ZC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_window_dispose (GObject *object)
{
  ZcWindow *self = ZC_WINDOW (object);

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  self->demo_job = NULL;
  g_clear_handle_id (&self->demo_progress_id, g_source_remove);
  g_clear_handle_id (&self->screenshot_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_WINDOW);

  G_OBJECT_CLASS (zc_window_parent_class)->dispose (object);
}

static void
zc_window_finalize (GObject *object)
{
  ZcWindow *self = ZC_WINDOW (object);

  g_clear_object (&self->actor);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->new_title);
  g_free (self->new_start_date);
  g_free (self->campaign_title);

  G_OBJECT_CLASS (zc_window_parent_class)->finalize (object);
}

static void
zc_window_class_init (ZcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = zc_window_get_property;
  object_class->dispose = zc_window_dispose;
  object_class->finalize = zc_window_finalize;
  window_class->close_request = zc_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ZC_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL,
                         ZC_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zicha/Zicha/ui/zc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, new_campaign_button);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, campaign_title_label);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, campaign_phase_label);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, next_phase_row);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, start_row);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, people_row);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, hint_row);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   open_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.join-campaign", NULL,
                                   join_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.close-database", NULL,
                                   close_database_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.switch-person", NULL,
                                   switch_person_action);
  zc_window_install_transfer_actions (widget_class);
}

static void
zc_window_init (ZcWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sign_in_page = ZC_SIGN_IN_PAGE (zc_sign_in_page_new ());
  adw_view_stack_add_titled (self->main_stack, GTK_WIDGET (self->sign_in_page), "sign-in",
                             _("Sign In"));
  g_signal_connect_object (self->sign_in_page, "signed-in", G_CALLBACK (on_signed_in_cb),
                           self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (g_getenv ("ZICHA_SCREENSHOT") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (on_map_for_screenshot_cb), NULL);

  update_sidebar (self);
  update_actions (self);
  zc_transfer_attach (self);
  on_visible_page_changed_cb (self);
}

/* ---- public ------------------------------------------------------------------------------------ */

ZcWindow *
zc_window_new (ZcApplication *application)
{
  return g_object_new (ZC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

ZcStore *
zc_window_get_store (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
zc_window_open_file (ZcWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->demo_job != NULL)
    {
      zc_window_show_message (self, _("The demo campaign is being prepared; open the database "
                                      "when it is ready."));
      return FALSE;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      zc_window_show_message (self, _("Only databases on this computer can be opened."));
      return FALSE;
    }

  if (!open_path (self, path, &error))
    {
      show_error (self, _("The database could not be opened."), error);
      return FALSE;
    }
  return TRUE;
}

void
zc_window_open_startup_database (ZcWindow *self)
{
  g_autofree char *last = NULL;
  g_autofree char *fallback = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZC_IS_WINDOW (self));

  last = g_settings_get_string (self->settings, "last-database");
  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      if (!open_path (self, last, &error))
        show_error (self, _("The database opened last could not be opened."), error);
      return;
    }

  /* The user's own database, when someone set it up (for example with zicha-cli). */
  fallback = zc_store_default_path ();
  if (fallback != NULL && g_file_test (fallback, G_FILE_TEST_IS_REGULAR) &&
      !open_path (self, fallback, &error))
    g_debug ("Not opening %s: %s", fallback, error->message);
}

void
zc_window_open_demo (ZcWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  DemoJob *job;

  g_return_if_fail (ZC_IS_WINDOW (self));

  if (self->demo_job != NULL)
    return;

  path = demo_path ();
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      if (open_path (self, path, &error))
        return;
      /* A demo that does not open (an older format, or damaged) is made again. */
      g_debug ("Making the demo again: %s", error->message);
    }

  job = g_new0 (DemoJob, 1);
  job->path = g_steal_pointer (&path);
  job->tmp_path = g_strconcat (job->path, ".part", NULL);

  set_store (self, NULL);
  self->demo_job = job;
  self->demo_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->demo_progress, 0.0);
  update_demo_progress_cb (self);
  show_stack_page (self, "loading");
  self->demo_progress_id = g_timeout_add (100, update_demo_progress_cb, self);
  update_actions (self);

  task = g_task_new (self, self->demo_cancellable, on_demo_generated_cb, NULL);
  g_task_set_source_tag (task, zc_window_open_demo);
  g_task_set_task_data (task, job, demo_job_free);
  g_task_run_in_thread (task, generate_demo_thread);
}

void
zc_window_close_database (ZcWindow *self)
{
  g_return_if_fail (ZC_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  set_store (self, NULL);
  g_settings_set_string (self->settings, "last-database", "");
}

AdwViewStack *
zc_window_get_stack (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);

  return self->main_stack;
}

void
zc_window_add_page (ZcWindow   *self,
                    const char *name,
                    const char *title,
                    const char *icon_name,
                    GtkWidget  *page)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;
  AdwViewStackPage *stack_page;

  g_return_if_fail (ZC_IS_WINDOW (self));
  g_return_if_fail (name != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));

  /* A section's page stays visible to the stack when not shown (see
   * on_visible_page_changed_cb()). */
  g_object_set_data (G_OBJECT (page), "zc-section", GINT_TO_POINTER (TRUE));
  stack_page = adw_view_stack_add_titled (self->main_stack, page, name, title);
  if (icon_name != NULL)
    adw_view_stack_page_set_icon_name (stack_page, icon_name);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "zc-page-name", g_strdup (name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_list_box_append (self->sidebar_list, row);

  update_sidebar (self);
}

void
zc_window_add_page_later (ZcWindow   *self,
                          const char *name,
                          const char *title,
                          const char *icon_name,
                          ZcPageNew   page_new,
                          ZcStore    *store,
                          ZcPerson   *actor)
{
  GtkWidget *bin;
  PageLater *later;

  g_return_if_fail (ZC_IS_WINDOW (self));
  g_return_if_fail (page_new != NULL);
  g_return_if_fail (ZC_IS_STORE (store) && ZC_IS_PERSON (actor));

  bin = adw_bin_new ();
  later = g_new0 (PageLater, 1);
  later->page_new = page_new;
  later->store = g_object_ref (store);
  later->actor = g_object_ref (actor);
  g_object_set_data_full (G_OBJECT (bin), "zc-page-later", later, page_later_free);
  zc_window_add_page (self, name, title, icon_name, bin);
}

GtkWidget *
zc_window_get_page (ZcWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return made_page (adw_view_stack_get_child_by_name (self->main_stack, name));
}

void
zc_window_show_page (ZcWindow   *self,
                     const char *name)
{
  g_return_if_fail (ZC_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  show_stack_page (self, name);
  adw_leaflet_set_visible_child (self->leaflet,
                                 gtk_widget_get_parent (GTK_WIDGET (self->main_stack)));
}

const char *
zc_window_get_visible_page (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->main_stack);
}

void
zc_window_add_toast (ZcWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (ZC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
zc_window_show_message (ZcWindow   *self,
                        const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (ZC_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A toast's title is markup. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  /* Errors can be long; give people time to read them. */
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

ZcPerson *
zc_window_get_actor (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);

  return self->actor;
}

void
zc_window_set_actor (ZcWindow *self,
                     ZcPerson *actor)
{
  GtkWidget *first_row;

  g_return_if_fail (ZC_IS_WINDOW (self));
  g_return_if_fail (actor == NULL || ZC_IS_PERSON (actor));
  g_return_if_fail (actor == NULL || self->store != NULL);

  if (self->actor == NULL && actor == NULL)
    return;

  zc_window_remove_sections (self);
  g_set_object (&self->actor, actor);

  if (actor != NULL)
    {
      const char *landing;

      zc_sections_build (self, self->store, actor);
      landing = zc_sections_landing_page (actor);
      first_row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
      if (landing != NULL && adw_view_stack_get_child_by_name (self->main_stack, landing))
        zc_window_show_page (self, landing);
      else if (first_row != NULL)
        zc_window_show_page (self, g_object_get_data (G_OBJECT (first_row), "zc-page-name"));
    }
  else if (self->store != NULL)
    {
      zc_sign_in_page_reset (self->sign_in_page, TRUE);
      show_stack_page (self, "sign-in");
    }

  update_sidebar (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

void
zc_window_sign_out (ZcWindow *self)
{
  g_return_if_fail (ZC_IS_WINDOW (self));

  zc_window_set_actor (self, NULL);
}

void
zc_window_remove_sections (ZcWindow *self)
{
  GtkWidget *row;

  g_return_if_fail (ZC_IS_WINDOW (self));

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    {
      const char *name = g_object_get_data (G_OBJECT (row), "zc-page-name");
      GtkWidget *page = name ? adw_view_stack_get_child_by_name (self->main_stack, name) : NULL;

      /* Leave the stack on a page that stays, so that it does not flip through the
       * sections while they go. */
      if (page != NULL && page == adw_view_stack_get_visible_child (self->main_stack))
        show_stack_page (self, self->store ? "campaign" : "welcome");
      if (page != NULL)
        adw_view_stack_remove (self->main_stack, page);
      gtk_list_box_remove (self->sidebar_list, row);
    }
  update_sidebar (self);
}
