/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-test"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "zc-gui-test.h"
#include "zc-application.h"
#include "zc-new-campaign-dialog.h"
#include "zc-preferences-window.h"
#include "zc-store.h"
#include "zc-window.h"

/*
 * The window under Xvfb: it opens and maps, its actions exist, the about, shortcuts,
 * preferences and new-campaign windows open, every button has an accessible name, and it
 * fits in 360 pixels. ZICHA_TEST_SCREENSHOTS=DIR saves a PNG of each window it looks at.
 */

static ZcApplication *app;
static char *scratch_dir;

/* ---- helpers ------------------------------------------------------------------------------ */

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

typedef struct
{
  GType      type;
  GtkWindow *found;
} FindWindow;

static gboolean
find_mapped_window (gpointer data)
{
  FindWindow *find = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, find->type) &&
          gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          find->found = window;
          return TRUE;
        }
    }
  return FALSE;
}

static GtkWindow *
wait_for_window (GType type)
{
  FindWindow find = { type, NULL };

  g_assert_true (zc_test_wait_until (find_mapped_window, &find, 10000));
  return find.found;
}

static ZcWindow *
open_window (int width,
             int height)
{
  ZcWindow *window = zc_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, window, 10000));
  return window;
}

static void
close_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_spin (20);
}

static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget_with_class (GtkWidget  *root,
                        const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkButton *
find_icon_button (GtkWidget  *root,
                  const char *icon_name)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    return GTK_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_icon_button (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && text[0] != '\0')
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
         has_label_text (widget);
}

static gboolean
is_interactive (GtkWidget *widget)
{
  switch (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_PROGRESS_BAR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Collects the mapped interactive widgets under @widget that nothing names. An unnamed
 * widget inside a named one (the button inside a menu button) is named by its parent. */
static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_interactive (widget))
    {
      if (!has_accessible_name (widget))
        g_ptr_array_add (unnamed, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget *root)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();

  collect_unnamed (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    {
      GtkWidget *widget = unnamed->pdata[i];

      g_test_message ("no accessible name: %s (css name %s) in %s",
                      G_OBJECT_TYPE_NAME (widget), gtk_widget_get_css_name (widget),
                      G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static char *
make_campaign_db (const char *name,
                  const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  char *path = g_build_filename (scratch_dir, name, NULL);

  store = zc_store_open (path, &error);
  g_assert_no_error (error);
  campaign = zc_store_init_campaign (store, title, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  return path;
}

/* ---- tests ------------------------------------------------------------------------------- */

static void
test_window_opens (void)
{
  ZcWindow *window = open_window (960, 680);
  AdwViewStack *stack = zc_window_get_stack (window);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));
  g_assert_nonnull (stack);
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "welcome");
  g_assert_null (zc_window_get_store (window));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "welcome"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "campaign"));
  zc_test_save_screenshot (GTK_WIDGET (window), "welcome");

  close_window (window);
}

static gboolean
window_class_has_action (ZcWindow   *window,
                         const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const char *action_name;
  GType owner;
  const GVariantType *parameter_type;
  const char *property_name;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type,
                                      &property_name);
       i++)
    if (g_str_equal (action_name, name))
      return TRUE;
  return FALSE;
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

static void
test_actions_exist (void)
{
  ZcWindow *window = open_window (960, 680);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  g_assert_true (window_class_has_action (window, "win.new-campaign"));
  g_assert_true (window_class_has_action (window, "win.open-database"));
  g_assert_true (window_class_has_action (window, "win.open-demo"));
  g_assert_true (window_class_has_action (window, "win.join-campaign"));
  g_assert_true (window_class_has_action (window, "win.close-database"));

  assert_accel ("app.quit", "<Control>q");
  assert_accel ("app.preferences", "<Control>comma");
  assert_accel ("win.open-database", "<Control>o");
  assert_accel ("win.new-campaign", "<Control>n");
  assert_accel ("win.show-help-overlay", "<Control>question");

  close_window (window);
}

static void
test_about (void)
{
  ZcWindow *window = open_window (960, 680);
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = wait_for_window (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)));
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  zc_test_save_screenshot (GTK_WIDGET (about), "about");

  gtk_window_destroy (about);
  close_window (window);
}

static void
test_shortcuts (void)
{
  ZcWindow *window = open_window (960, 680);
  GtkShortcutsWindow *overlay;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, overlay, 10000));
  zc_test_save_screenshot (GTK_WIDGET (overlay), "shortcuts");

  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_true (zc_test_wait_until (is_hidden, overlay, 10000));
  close_window (window);
}

static void
test_preferences (void)
{
  ZcWindow *window = open_window (960, 680);
  GSettings *settings = zc_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *preferences;
  AdwComboRow *style_row;
  GtkSwitch *remember;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_window (ZC_TYPE_PREFERENCES_WINDOW);
  assert_all_named (GTK_WIDGET (preferences));
  zc_test_save_screenshot (GTK_WIDGET (preferences), "preferences");

  style_row = ADW_COMBO_ROW (find_widget_of_type (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (style_row);
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* The style follows the row, through the setting. */
  adw_combo_row_set_selected (style_row, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "force-dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  zc_test_save_screenshot (GTK_WIDGET (preferences), "preferences-dark");
  adw_combo_row_set_selected (style_row, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Forgetting who used the computer forgets now. */
  remember = GTK_SWITCH (find_widget_of_type (GTK_WIDGET (preferences), GTK_TYPE_SWITCH));
  g_assert_nonnull (remember);
  g_assert_true (gtk_switch_get_active (remember));
  g_settings_set_string (settings, "remembered-person", "A0017");
  gtk_switch_set_active (remember, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "remember-person"));
  g_assert_cmpstr (g_settings_get_string (settings, "remembered-person"), ==, "");
  gtk_switch_set_active (remember, TRUE);

  gtk_window_destroy (preferences);
  close_window (window);
}

static void
test_welcome_accessible (void)
{
  ZcWindow *window = open_window (960, 680);
  static const char *const expected[] = {
    "Create a Campaign…", "Open a Database…", "Try the Demo Campaign",
  };
  GtkWidget *welcome = adw_view_stack_get_child_by_name (zc_window_get_stack (window),
                                                         "welcome");

  assert_all_named (GTK_WIDGET (window));

  /* The three ways in are buttons with a label, which is their accessible name. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      /* Through gettext, so that the test also holds in Chinese. */
      GtkButton *button = find_button (welcome, gettext (expected[i]));

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
      g_assert_true (has_accessible_name (GTK_WIDGET (button)));
      g_assert_nonnull (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)));
    }

  close_window (window);
}

static void
test_new_campaign_dialog (void)
{
  ZcWindow *window = open_window (960, 680);
  GtkWindow *dialog;
  g_autofree char *start_date = NULL;
  GtkButton *create_button;
  AdwEntryRow *title_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-campaign", NULL));
  dialog = wait_for_window (ZC_TYPE_NEW_CAMPAIGN_DIALOG);
  assert_all_named (GTK_WIDGET (dialog));
  zc_test_save_screenshot (GTK_WIDGET (dialog), "new-campaign");

  /* A title to start from and today's date. */
  g_assert_cmpstr (zc_new_campaign_dialog_get_title (ZC_NEW_CAMPAIGN_DIALOG (dialog)), !=, "");
  start_date = zc_new_campaign_dialog_get_start_date (ZC_NEW_CAMPAIGN_DIALOG (dialog));
  g_assert_cmpuint (strlen (start_date), ==, 10);

  /* No campaign without a title. */
  title_row = ADW_ENTRY_ROW (find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (title_row);
  create_button = find_button (GTK_WIDGET (dialog), gettext ("C_reate…"));
  g_assert_nonnull (create_button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (create_button)));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "   ");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (create_button)));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "2027年作风建设专项活动");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (create_button)));

  /* Closing destroys it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (dialog);
  g_assert_true (zc_test_wait_until (is_null, &dialog, 10000));
  close_window (window);
}

static gboolean
page_is_campaign (gpointer data)
{
  return g_strcmp0 (zc_window_get_visible_page (data), "campaign") == 0;
}

static gboolean
page_is_not_loading (gpointer data)
{
  return g_strcmp0 (zc_window_get_visible_page (data), "loading") != 0;
}

static void
test_open_database (void)
{
  ZcWindow *window = open_window (960, 680);
  g_autofree char *path = make_campaign_db ("open.db", "2026年作风建设专项活动");
  g_autofree char *missing = g_build_filename (scratch_dir, "missing.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  GSettings *settings = zc_application_get_settings (app);
  g_autofree char *last = NULL;

  /* A file that is not there is explained, not created. */
  g_assert_false (zc_window_open_file (window, missing_file));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "welcome");

  g_assert_true (zc_window_open_file (window, file));
  g_assert_nonnull (zc_window_get_store (window));
  g_assert_true (page_is_campaign (window));
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, path);
  assert_all_named (GTK_WIDGET (window));
  zc_test_save_screenshot (GTK_WIDGET (window), "campaign");

  /* Closing returns to the welcome page and forgets the last database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-database", NULL));
  g_assert_null (zc_window_get_store (window));
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "welcome");
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, "");

  close_window (window);
}

static void
test_startup_database (void)
{
  g_autofree char *path = make_campaign_db ("startup.db", "Startup campaign");
  GSettings *settings = zc_application_get_settings (app);
  ZcWindow *window;

  g_settings_set_string (settings, "last-database", path);
  window = zc_window_new (app);
  zc_window_open_startup_database (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, window, 10000));
  g_assert_true (page_is_campaign (window));
  g_assert_cmpstr (zc_store_get_path (zc_window_get_store (window)), ==, path);

  zc_window_close_database (window);
  close_window (window);
}

static void
test_sections (void)
{
  ZcWindow *window = open_window (960, 680);
  g_autofree char *path = make_campaign_db ("sections.db", "Sections");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *page = gtk_label_new ("Ledger");
  GtkWidget *list;
  GtkListBoxRow *row;

  zc_window_add_page (window, "ledger", "Ledger", "view-list-symbolic", page);
  g_assert_true (zc_window_open_file (window, file));

  list = find_widget_with_class (GTK_WIDGET (window), "navigation-sidebar");
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (list))));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_true (has_accessible_name (GTK_WIDGET (row)));

  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "ledger");
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) == row);
  zc_test_save_screenshot (GTK_WIDGET (window), "sections");

  zc_window_close_database (window);
  close_window (window);
}

static void
test_narrow (void)
{
  ZcWindow *window = open_window (360, 640);
  g_autofree char *path = make_campaign_db ("narrow.db", "一个标题很长很长的作风建设专项活动，用来检查窄窗口");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkButton *back;
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  zc_test_spin (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  zc_test_save_screenshot (GTK_WIDGET (window), "welcome-narrow");

  g_assert_true (zc_window_open_file (window, file));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  zc_test_save_screenshot (GTK_WIDGET (window), "campaign-narrow");

  /* With sections, the sidebar folds away: the content shows, with a way back. */
  zc_window_add_page (window, "ledger", "Ledger", "view-list-symbolic", gtk_label_new ("Ledger"));
  zc_window_show_page (window, "ledger");
  zc_test_spin (200);
  back = find_icon_button (GTK_WIDGET (window), "go-previous-symbolic");
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (back)));
  assert_all_named (GTK_WIDGET (window));
  gtk_widget_activate (GTK_WIDGET (back));
  g_assert_true (zc_test_wait_until (is_unmapped, back, 5000));
  g_assert_true (gtk_widget_get_mapped (find_widget_with_class (GTK_WIDGET (window),
                                                                "navigation-sidebar")));
  zc_test_save_screenshot (GTK_WIDGET (window), "sidebar-narrow");

  zc_window_close_database (window);
  close_window (window);
}

static void
test_size_remembered (void)
{
  GSettings *settings = zc_application_get_settings (app);
  ZcWindow *window = open_window (700, 500);

  gtk_window_close (GTK_WINDOW (window));
  zc_test_spin (50);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window starts at that size. */
  window = zc_window_new (app);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 700);
    g_assert_cmpint (height, ==, 500);
  }
  close_window (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_demo (void)
{
  ZcWindow *window;

  if (g_getenv ("ZICHA_TEST_SKIP_DEMO") != NULL)
    {
      g_test_skip ("ZICHA_TEST_SKIP_DEMO is set");
      return;
    }

  window = open_window (960, 680);
  zc_window_open_demo (window);
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "loading");
  zc_test_save_screenshot (GTK_WIDGET (window), "loading");
  g_assert_true (zc_test_wait_until (page_is_not_loading, window, 240000));
  /* The demo has people: the window asks who is there. */
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "sign-in");
  g_assert_nonnull (zc_window_get_store (window));
  g_assert_cmpuint (zc_store_count_people (zc_window_get_store (window)), >, 0);
  zc_test_save_screenshot (GTK_WIDGET (window), "demo");
  zc_window_close_database (window);

  /* The second time, the demo is there already. */
  zc_window_open_demo (window);
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "sign-in");

  zc_window_close_database (window);
  close_window (window);
}

static void
test_no_display (void)
{
  g_test_skip ("no display (run under xvfb-run)");
}

/* ---- main ---------------------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *cache_home = NULL;
  int status;

  /* Keep the person's own files out of reach: the demo and the settings land here. */
  scratch_dir = g_dir_make_tmp ("zicha-gui-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (scratch_dir, "data", NULL);
  config_home = g_build_filename (scratch_dir, "config", NULL);
  cache_home = g_build_filename (scratch_dir, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* "test" keeps accessible properties without an accessibility bus ("none" drops them,
   * and the names are what these tests check). */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);

  /* As zicha does; with an installed build and LANGUAGE=zh_CN the screenshots are Chinese. */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/gui/no-display", test_no_display);
    }
  else
    {
      adw_init ();

      app = zc_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);

      g_test_add_func ("/gui/window/opens", test_window_opens);
      g_test_add_func ("/gui/window/actions", test_actions_exist);
      g_test_add_func ("/gui/window/about", test_about);
      g_test_add_func ("/gui/window/shortcuts", test_shortcuts);
      g_test_add_func ("/gui/window/preferences", test_preferences);
      g_test_add_func ("/gui/window/welcome-accessible", test_welcome_accessible);
      g_test_add_func ("/gui/window/new-campaign", test_new_campaign_dialog);
      g_test_add_func ("/gui/window/open-database", test_open_database);
      g_test_add_func ("/gui/window/startup-database", test_startup_database);
      g_test_add_func ("/gui/window/sections", test_sections);
      g_test_add_func ("/gui/window/narrow", test_narrow);
      g_test_add_func ("/gui/window/size-remembered", test_size_remembered);
      g_test_add_func ("/gui/window/demo", test_demo);
    }

  status = g_test_run ();

  g_clear_object (&app);
  zc_test_remove_tree (scratch_dir);
  g_free (scratch_dir);
  return status;
}
