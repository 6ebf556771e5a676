/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-test"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "zc-gui-test.h"
#include "zc-application.h"
#include "zc-demo.h"
#include "zc-exchange.h"
#include "zc-export-package-dialog.h"
#include "zc-join.h"
#include "zc-store.h"
#include "zc-transfer.h"
#include "zc-window.h"

/*
 * Exchange files and documents from the window, under Xvfb, on copies of the demo
 * campaign: which actions each role gets, the export dialog (a wrong passphrase, then the
 * file), an import with its summary (a newly pinned key, then the same file again), and
 * the documents written in their worker thread (XLSX, CSV, PDF, HTML) and cancelled.
 * The file choosers are skipped: the tests give the files. ZICHA_TEST_SCREENSHOTS=DIR
 * saves PNGs of the dialogs.
 */

#define TODAY "2026-05-20"

static ZcApplication *app;
static char *scratch_dir;
static char *demo_path;
static guint db_serial;

/* ---- helpers ------------------------------------------------------------------------------ */

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
is_not_busy (gpointer data)
{
  return !zc_transfer_is_busy (ZC_WINDOW (data));
}

static char *
copy_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("transfer-%u.db", ++db_serial);
  char *path = g_build_filename (scratch_dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (demo_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static char *
scratch_file (const char *name)
{
  return g_build_filename (scratch_dir, name, NULL);
}

static ZcPerson *
person (ZcStore    *store,
        const char *staff_code)
{
  g_autoptr(GError) error = NULL;
  ZcPerson *found = zc_store_get_person_by_code (store, staff_code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

typedef struct
{
  char     *path;
  ZcWindow *window;
  ZcStore  *store;
  ZcPerson *actor;
} Fixture;

static void
fixture_open (Fixture    *fixture,
              const char *staff_code,
              int         width,
              int         height)
{
  g_autoptr(GFile) file = NULL;

  fixture->path = copy_demo ();
  file = g_file_new_for_path (fixture->path);
  fixture->window = zc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  g_assert_true (zc_window_open_file (fixture->window, file));
  fixture->store = g_object_ref (zc_window_get_store (fixture->window));
  zc_store_set_today (fixture->store, TODAY);
  fixture->actor = person (fixture->store, staff_code);
  zc_window_set_actor (fixture->window, fixture->actor);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, fixture->window, 10000));
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  zc_test_spin (50);
  g_clear_object (&fixture->actor);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  g_autofree char *full = g_strconcat ("win.", name, NULL);

  return zc_transfer_can (fixture->window, full);
}

/* The newest toplevel of @type transient for @parent, or NULL. */
static GtkWindow *
find_dialog (GtkWindow *parent,
             GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

typedef struct
{
  GtkWindow  *parent;
  const char *name;
} DialogQuery;

static GtkWindow *
find_named_dialog (GtkWindow  *parent,
                   const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), name) == 0)
        return window;
    }
  return NULL;
}

static gboolean
named_dialog_shown (gpointer data)
{
  DialogQuery *query = data;

  return find_named_dialog (query->parent, query->name) != NULL;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL ||
       (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0) ||
       (ADW_IS_PREFERENCES_ROW (root) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), label) == 0)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
file_starts_with (const char *path,
                  const char *magic,
                  gsize       magic_len)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length >= magic_len && memcmp (contents, magic, magic_len) == 0;
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
path_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
widget_gone (gpointer data)
{
  GtkWidget **widget = data;

  return *widget == NULL;
}

/* ---- tests -------------------------------------------------------------------------------- */

static void
test_no_display (void)
{
  g_test_skip ("no display");
}

/* The menu offers what each role needs, and hides the rest. */
static void
test_actions (void)
{
  struct {
    const char *code;
    gboolean    campaign, unit, form, ledger, report, notice;
  } cases[] = {
    { ZC_DEMO_EMPLOYEE,  FALSE, FALSE, TRUE, FALSE, FALSE, TRUE },
    { ZC_DEMO_LEAD,      FALSE, TRUE,  TRUE, TRUE,  TRUE,  TRUE },
    { ZC_DEMO_LEADER,    FALSE, TRUE,  TRUE, TRUE,  TRUE,  TRUE },
    { ZC_DEMO_INSPECTOR, TRUE,  TRUE,  TRUE, TRUE,  TRUE,  TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f = { 0 };

      fixture_open (&f, cases[i].code, 960, 720);
      g_assert_cmpint (action_enabled (&f, "export-campaign"), ==, cases[i].campaign);
      g_assert_cmpint (action_enabled (&f, "export-decisions"), ==, cases[i].campaign);
      g_assert_cmpint (action_enabled (&f, "export-unit"), ==, cases[i].unit);
      g_assert_cmpint (action_enabled (&f, "export-form"), ==, cases[i].form);
      g_assert_true (action_enabled (&f, "export-suggestions"));
      g_assert_true (action_enabled (&f, "import-package"));
      g_assert_cmpint (action_enabled (&f, "export-ledger-xlsx"), ==, cases[i].ledger);
      g_assert_cmpint (action_enabled (&f, "export-ledger-csv"), ==, cases[i].ledger);
      g_assert_cmpint (action_enabled (&f, "export-report"), ==, cases[i].report);
      g_assert_cmpint (action_enabled (&f, "export-notice"), ==, cases[i].notice);

      /* Signed out: only importing stays. */
      zc_window_sign_out (f.window);
      g_assert_false (action_enabled (&f, "export-form"));
      g_assert_false (action_enabled (&f, "export-notice"));
      g_assert_true (action_enabled (&f, "import-package"));
      fixture_close (&f);
    }
}

/* Exports @kind through the dialog, as a person would: the passphrase, then Export. */
static char *
export_through_dialog (Fixture        *fixture,
                       const char     *action,
                       const char     *file_name,
                       const char     *shot)
{
  g_autofree char *path = scratch_file (file_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ZcExportPackageDialog *dialog;
  GtkWidget *passphrase;
  GtkWidget *export;
  GtkWidget *error_label;
  GtkWidget *weak;

  g_unlink (path);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  dialog = ZC_EXPORT_PACKAGE_DIALOG (find_dialog (GTK_WINDOW (fixture->window),
                                                  ZC_TYPE_EXPORT_PACKAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, dialog, 5000));
  zc_export_package_dialog_set_file (dialog, file);

  passphrase = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
  export = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, _("_Export"));
  g_assert_nonnull (export);
  if (shot != NULL)
    zc_test_save_screenshot (GTK_WIDGET (dialog), shot);

  if (passphrase != NULL && gtk_widget_get_visible (passphrase))
    {
      /* A wrong passphrase is said in the dialog, and nothing is written. */
      gtk_editable_set_text (GTK_EDITABLE (passphrase), "wrong");
      error_label = find_error_label (GTK_WIDGET (dialog));
      g_assert_nonnull (error_label);
      gtk_widget_activate (export);
      g_assert_true (zc_test_wait_until (is_visible, error_label, 10000));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
      if (shot != NULL)
        {
          g_autofree char *wrong = g_strconcat (shot, "-wrong", NULL);

          zc_test_save_screenshot (GTK_WIDGET (dialog), wrong);
        }
      gtk_editable_set_text (GTK_EDITABLE (passphrase), ZC_DEMO_PASSPHRASE);
    }

  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_widget_activate (export);
  g_assert_true (zc_test_wait_until (widget_gone, &weak, 60000));
  g_assert_true (path_exists (path));
  g_assert_true (file_starts_with (path, "PK\x03\x04", 4));
  return g_steal_pointer (&path);
}

/* Imports @path into @fixture's window and returns the dialog that says what came in. */
static GtkWindow *
import_and_wait (Fixture    *fixture,
                 const char *path,
                 const char *dialog_name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DialogQuery query = { GTK_WINDOW (fixture->window), dialog_name };

  zc_transfer_import_file (fixture->window, file);
  g_assert_true (zc_test_wait_until (is_not_busy, fixture->window, 60000));
  g_assert_true (zc_test_wait_until (named_dialog_shown, &query, 5000));
  return find_named_dialog (GTK_WINDOW (fixture->window), dialog_name);
}

/* The employee exports their form; the lead imports it, with the fingerprint of the key
 * that signed it in the summary; the same file twice changes nothing. */
static void
test_form_round_trip (void)
{
  Fixture employee = { 0 };
  Fixture lead = { 0 };
  g_autofree char *form_path = NULL;
  g_autofree char *suggestions_path = NULL;
  GtkWindow *summary;
  GtkWidget *fingerprint;

  fixture_open (&employee, ZC_DEMO_EMPLOYEE, 960, 720);
  form_path = export_through_dialog (&employee, "win.export-form", "form.zip", "export-form");
  suggestions_path = export_through_dialog (&employee, "win.export-suggestions",
                                            "suggestions.zip", "export-suggestions");
  fixture_close (&employee);

  fixture_open (&lead, ZC_DEMO_LEAD, 960, 720);
  summary = import_and_wait (&lead, form_path, "import-summary");
  g_assert_nonnull (summary);
  /* The fingerprint of the key that signed the file, to compare with the employee. */
  fingerprint = find_named (GTK_WIDGET (summary), "fingerprint-row");
  g_assert_nonnull (fingerprint);
  g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (fingerprint))), ==, 19);
  zc_test_save_screenshot (GTK_WIDGET (summary), "import-summary");
  gtk_window_destroy (summary);

  summary = import_and_wait (&lead, form_path, "import-summary");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (summary)), ==,
                   _("Nothing New"));
  zc_test_save_screenshot (GTK_WIDGET (summary), "import-again");
  gtk_window_destroy (summary);

  summary = import_and_wait (&lead, suggestions_path, "import-summary");
  g_assert_null (find_named (GTK_WIDGET (summary), "fingerprint-row"));
  zc_test_save_screenshot (GTK_WIDGET (summary), "import-suggestions");
  gtk_window_destroy (summary);
  fixture_close (&lead);
}

/* A damaged file is refused with a clear message, and nothing changes. */
static void
test_import_refused (void)
{
  Fixture f = { 0 };
  g_autofree char *path = scratch_file ("damaged.zip");
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "PK\x03\x04 not really a zip", -1, NULL));
  fixture_open (&f, ZC_DEMO_LEAD, 960, 720);
  dialog = import_and_wait (&f, path, "import-refused");
  g_assert_nonnull (dialog);
  zc_test_save_screenshot (GTK_WIDGET (dialog), "import-refused");
  gtk_window_destroy (dialog);
  fixture_close (&f);
}

/* The inspectors' campaign file, through the dialog with its unit choice hidden. */
static void
test_campaign_export (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 960, 720);
  path = export_through_dialog (&f, "win.export-campaign", "campaign.zip", "export-campaign");
  g_free (path);
  path = export_through_dialog (&f, "win.export-decisions", "decisions.zip", "export-decisions");
  fixture_close (&f);
}

static gboolean
window_has_store (gpointer data)
{
  return zc_window_get_store (data) != NULL;
}

static gboolean
no_transient_dialog (gpointer data)
{
  return find_dialog (GTK_WINDOW (data), ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* A new installation from the inspectors' campaign file, through the welcome page's way;
 * a refused file leaves no database behind. */
static void
test_join_campaign (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) demo = zc_store_open (demo_path, &error);
  g_autoptr(ZcPerson) inspector = NULL;
  g_autofree char *package = scratch_file ("join-campaign.zip");
  g_autofree char *database = scratch_file ("joined.db");
  g_autofree char *damaged = scratch_file ("join-damaged.zip");
  g_autofree char *refused = scratch_file ("not-joined.db");
  g_autoptr(GFile) package_file = g_file_new_for_path (package);
  g_autoptr(GFile) database_file = g_file_new_for_path (database);
  g_autoptr(GFile) damaged_file = g_file_new_for_path (damaged);
  g_autoptr(GFile) refused_file = g_file_new_for_path (refused);
  g_autoptr(ZcPerson) joined_lead = NULL;
  ZcWindow *window;
  ZcStore *store;

  g_assert_no_error (error);
  inspector = person (demo, ZC_DEMO_INSPECTOR);
  g_assert_true (zc_exchange_export (demo, inspector, ZC_EXCHANGE_KIND_CAMPAIGN, 0,
                                     ZC_DEMO_PASSPHRASE, package, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  window = zc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, window, 10000));

  /* A damaged file: said, and no database is left. */
  g_assert_true (g_file_set_contents (damaged, "PK\x03\x04 not really a zip", -1, NULL));
  zc_join_campaign_from_file (window, damaged_file, refused_file);
  g_assert_true (zc_test_wait_until (no_transient_dialog, window, 20000));
  zc_test_spin (100);
  g_assert_null (zc_window_get_store (window));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  /* The campaign file: its units and people in a new database, opened in the window. */
  zc_join_campaign_from_file (window, package_file, database_file);
  g_assert_true (zc_test_wait_until (window_has_store, window, 30000));
  store = zc_window_get_store (window);
  g_assert_cmpstr (zc_store_get_path (store), ==, database);
  joined_lead = zc_store_get_person_by_code (store, ZC_DEMO_LEAD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (joined_lead);
  zc_test_save_screenshot (GTK_WIDGET (window), "joined-campaign");

  /* A database that exists already is not overwritten. */
  zc_join_campaign_from_file (window, package_file, database_file);
  g_assert_cmpstr (zc_store_get_path (zc_window_get_store (window)), ==, database);

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_spin (50);
}

typedef struct
{
  ZcTransferDocument  document;
  const char         *name;
  const char         *magic;
  gsize               magic_len;
} DocumentCase;

/* Each document written in its thread, checked by its signature. */
static void
test_documents (void)
{
  const DocumentCase cases[] = {
    { ZC_TRANSFER_LEDGER_XLSX, "ledger.xlsx", "PK\x03\x04", 4 },
    { ZC_TRANSFER_LEDGER_CSV, "ledger.csv", "\xEF\xBB\xBF", 3 },
    { ZC_TRANSFER_REPORT_PDF, "report.pdf", "%PDF-", 5 },
    { ZC_TRANSFER_NOTICE_HTML, "notice.html", "<!DOCTYPE html>", 15 },
  };
  Fixture f = { 0 };

  fixture_open (&f, ZC_DEMO_INSPECTOR, 960, 720);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = scratch_file (cases[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_unlink (path);
      zc_transfer_export_document_to (f.window, cases[i].document, 0, file);
      g_assert_true (zc_transfer_is_busy (f.window));
      g_assert_true (zc_test_wait_until (is_not_busy, f.window, 120000));
      g_assert_true (file_starts_with (path, cases[i].magic, cases[i].magic_len));
    }
  fixture_close (&f);
}

/* A lead's ledger of their own unit; a cancelled report leaves no file. */
static void
test_documents_lead (void)
{
  Fixture f = { 0 };
  g_autofree char *ledger = scratch_file ("lead-ledger.xlsx");
  g_autofree char *report = scratch_file ("lead-report.pdf");
  g_autoptr(GFile) ledger_file = g_file_new_for_path (ledger);
  g_autoptr(GFile) report_file = g_file_new_for_path (report);
  gint64 unit_id;

  fixture_open (&f, ZC_DEMO_LEAD, 960, 720);
  unit_id = zc_person_get_unit_id (f.actor);
  zc_transfer_export_document_to (f.window, ZC_TRANSFER_LEDGER_XLSX, unit_id, ledger_file);
  g_assert_true (zc_test_wait_until (is_not_busy, f.window, 60000));
  g_assert_true (file_starts_with (ledger, "PK\x03\x04", 4));

  g_unlink (report);
  zc_transfer_export_document_to (f.window, ZC_TRANSFER_REPORT_PDF, unit_id, report_file);
  zc_transfer_cancel (f.window);
  g_assert_true (zc_test_wait_until (is_not_busy, f.window, 60000));
  zc_test_spin (100);
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
  fixture_close (&f);
}

/* The dialogs at the narrowest width the window allows. */
static void
test_narrow (void)
{
  Fixture f = { 0 };
  ZcExportPackageDialog *dialog;

  fixture_open (&f, ZC_DEMO_LEADER, 360, 640);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.export-unit", NULL);
  dialog = ZC_EXPORT_PACKAGE_DIALOG (find_dialog (GTK_WINDOW (f.window),
                                                  ZC_TYPE_EXPORT_PACKAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 560);
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, dialog, 5000));
  zc_test_save_screenshot (GTK_WIDGET (dialog), "export-unit-360");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.export-ledger-xlsx", NULL);
  {
    GtkWindow *scope = find_dialog (GTK_WINDOW (f.window), ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (scope);
    g_assert_true (zc_test_wait_until (zc_test_is_mapped, scope, 5000));
    g_assert_nonnull (find_widget (GTK_WIDGET (scope), ADW_TYPE_COMBO_ROW, NULL));
    zc_test_save_screenshot (GTK_WIDGET (scope), "scope-360");
    gtk_window_destroy (scope);
  }
  fixture_close (&f);
}

/* ---- main ---------------------------------------------------------------------------------- */

static void
make_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = NULL;

  demo_path = g_build_filename (scratch_dir, "demo.db", NULL);
  store = zc_store_open (demo_path, &error);
  g_assert_no_error (error);
  zc_store_set_today (store, TODAY);
  g_assert_true (zc_demo_generate (store, ZC_DEMO_BUREAU, 1, NULL, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *cache_home = NULL;
  int status;

  scratch_dir = g_dir_make_tmp ("zicha-transfer-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (scratch_dir, "data", NULL);
  config_home = g_build_filename (scratch_dir, "config", NULL);
  cache_home = g_build_filename (scratch_dir, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("ZICHA_TODAY", TODAY, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);

  /* ZICHA_TEST_LOCALEDIR: translations compiled elsewhere, for screenshots in Chinese. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ZICHA_TEST_LOCALEDIR") ? g_getenv ("ZICHA_TEST_LOCALEDIR")
                                                                    : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/transfer/no-display", test_no_display);
    }
  else
    {
      adw_init ();

      app = zc_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
      make_demo ();

      g_test_add_func ("/transfer/actions", test_actions);
      g_test_add_func ("/transfer/form-round-trip", test_form_round_trip);
      g_test_add_func ("/transfer/import-refused", test_import_refused);
      g_test_add_func ("/transfer/campaign-export", test_campaign_export);
      g_test_add_func ("/transfer/join-campaign", test_join_campaign);
      g_test_add_func ("/transfer/documents", test_documents);
      g_test_add_func ("/transfer/documents-lead", test_documents_lead);
      g_test_add_func ("/transfer/narrow", test_narrow);
    }

  status = g_test_run ();

  g_clear_object (&app);
  zc_test_remove_tree (scratch_dir);
  g_free (scratch_dir);
  g_free (demo_path);
  return status;
}
