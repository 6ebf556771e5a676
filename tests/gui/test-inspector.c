/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-test"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "zc-gui-test.h"
#include "zc-application.h"
#include "zc-assessment-page.h"
#include "zc-bar-chart.h"
#include "zc-closeout-page.h"
#include "zc-dashboard-page.h"
#include "zc-demo.h"
#include "zc-line-chart.h"
#include "zc-order-dialog.h"
#include "zc-orders-page.h"
#include "zc-record-list.h"
#include "zc-setup-page.h"
#include "zc-store-private.h"
#include "zc-window.h"

/*
 * The inspector's pages under Xvfb, on a copy of the demo campaign signed in as the demo's
 * inspector (JJ001): the dashboard's figures against zc_store_get_stats() and the records
 * behind its numbers, an order issued on an overdue item, close-out and rejection, the
 * public's evaluation, the orders' steps, the assessment with a commendation and a monthly
 * review, the set-up assistant with a roster that has a bad row, and every page at 360
 * pixels. ZICHA_TEST_SCREENSHOTS=DIR saves a PNG of each page (in the language of
 * LANGUAGE when the translations are installed under the build's prefix).
 */

#define TODAY "2026-05-20"

static ZcApplication *app;
static char *scratch_dir;
static char *demo_path;
static guint db_serial;
static char *opened_log;

/* ---- helpers ------------------------------------------------------------------------------ */

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static char *
copy_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("inspector-%u.db", ++db_serial);
  char *path = g_build_filename (scratch_dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (demo_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static ZcPerson *
person (ZcStore    *store,
        const char *staff_code)
{
  g_autoptr(GError) error = NULL;
  ZcPerson *found = zc_store_get_person_by_code (store, staff_code, &error);

  g_assert_no_error (error);
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
fixture_open (Fixture    *f,
              const char *staff_code,
              int         width,
              int         height)
{
  g_autoptr(GFile) file = NULL;

  f->path = copy_demo ();
  file = g_file_new_for_path (f->path);
  f->window = zc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  g_assert_true (zc_window_open_file (f->window, file));
  f->store = g_object_ref (zc_window_get_store (f->window));
  zc_store_set_today (f->store, TODAY);
  f->actor = person (f->store, staff_code);
  zc_window_set_actor (f->window, f->actor);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, f->window, 10000));
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  zc_test_spin (50);
  g_clear_object (&f->actor);
  g_clear_object (&f->store);
  g_clear_pointer (&f->path, g_free);
}

static GtkWidget *
show (Fixture    *f,
      const char *name)
{
  GtkWidget *child = zc_window_get_page (f->window, name);

  g_assert_nonnull (child);
  zc_window_show_page (f->window, name);
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, child, 5000));
  zc_test_spin (100);
  return child;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type,
           gboolean   mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type, mapped_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
without_mnemonic (const char *text)
{
  char *plain = g_strdup (text);
  char *underline;

  while ((underline = strchr (plain, '_')) != NULL)
    memmove (underline, underline + 1, strlen (underline));
  return plain;
}

/* Whether @widget is a button labelled @text (both with or without a mnemonic). */
static gboolean
button_is (GtkWidget  *widget,
           const char *text)
{
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;
  g_autofree char *plain_label = NULL;
  g_autofree char *plain_text = NULL;

  if (label == NULL)
    return FALSE;
  plain_label = without_mnemonic (label);
  plain_text = without_mnemonic (text);
  return g_str_equal (plain_label, plain_text);
}

/* The mapped button labelled @text (mnemonics aside). */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (button_is (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first mapped widget of @root (breadth first) with the style class @css_class. */
static GtkWidget *
find_class (GtkWidget  *root,
            const char *css_class)
{
  GQueue todo = G_QUEUE_INIT;
  GtkWidget *found = NULL;

  g_queue_push_tail (&todo, root);
  while (!g_queue_is_empty (&todo) && found == NULL)
    {
      GtkWidget *w = g_queue_pop_head (&todo);

      if (!gtk_widget_get_mapped (w))
        continue;
      if (gtk_widget_has_css_class (w, css_class))
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&todo, c);
    }
  g_queue_clear (&todo);
  return found;
}

/* The mapped widget of @type whose accessible label is @text. */
static GtkWidget *
find_named_type (GtkWidget  *root,
                 const char *text,
                 GType       type)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          text) == NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named_type (child, text, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *text)
{
  return find_named_type (root, text, GTK_TYPE_WIDGET);
}

static GtkTextView *
find_text_view (GtkWidget  *root,
                const char *name)
{
  GtkWidget *view = find_named_type (root, name, GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

static gboolean
has_text (GtkWidget  *root,
          const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child, text))
      return TRUE;
  return FALSE;
}

/* Every mapped interactive widget of @root has an accessible name, its own or its label's. */
static void
assert_names (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if ((GTK_IS_BUTTON (root) && !GTK_IS_LINK_BUTTON (root)) || GTK_IS_SWITCH (root) ||
      GTK_IS_DROP_DOWN (root) || ZC_IS_BAR_CHART (root) || ZC_IS_LINE_CHART (root) ||
      GTK_IS_SPIN_BUTTON (root) || GTK_IS_SEARCH_ENTRY (root) || GTK_IS_TEXT_VIEW (root))
    {
      gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (root),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                       gtk_test_accessible_has_relation (GTK_ACCESSIBLE (root),
                                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
                       (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root))) ||
                       (GTK_IS_BUTTON (root) &&
                        find_type (root, GTK_TYPE_LABEL, TRUE) != NULL) ||
                       gtk_widget_get_tooltip_text (root) != NULL;

      if (!named)
        g_error ("%s without an accessible name (in %s)", G_OBJECT_TYPE_NAME (root),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (root)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_names (child);
}

/* Nothing of @page is wider than a window of 360 pixels. */
static void
assert_fits (GtkWidget *page)
{
  int min_width;

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
}

typedef struct
{
  GType      type;
  GtkWindow *found;
} FindWindow;

static gboolean
find_window (gpointer data)
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

  g_assert_true (zc_test_wait_until (find_window, &find, 10000));
  return find.found;
}

/* Answers the message dialog on screen with @response. */
static void
respond (const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  /* A click closes the dialog after its response; the call alone does not. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (zc_test_wait_until (is_unmapped, dialog, 5000));
  g_object_unref (dialog);
  zc_test_spin (100);
}

static gboolean
dashboard_ready (gpointer data)
{
  return !zc_dashboard_page_is_loading (ZC_DASHBOARD_PAGE (data));
}

static gboolean
has_model (gpointer data)
{
  return zc_record_list_get_model (ZC_RECORD_LIST (data)) != NULL;
}

static gboolean
closeout_ready (gpointer data)
{
  return !zc_closeout_page_is_loading (ZC_CLOSEOUT_PAGE (data));
}

static gboolean
assessment_ready (gpointer data)
{
  return !zc_assessment_page_is_loading (ZC_ASSESSMENT_PAGE (data));
}

/* The records list of the dashboard's records view, once it holds @n rows' worth. */
typedef struct
{
  ZcRecordList *list;
  guint         n;
} RecordsWait;

static gboolean
records_loaded (gpointer data)
{
  RecordsWait *w = data;
  GListModel *model = zc_record_list_get_model (w->list);

  return model != NULL && g_list_model_get_n_items (model) == w->n;
}

static ZcRecordList *
records_list (GtkWidget *dashboard)
{
  GtkStack *stack = GTK_STACK (find_type (dashboard, GTK_TYPE_STACK, FALSE));
  GtkWidget *records = gtk_stack_get_child_by_name (stack, "records");

  return ZC_RECORD_LIST (find_type (records, ZC_TYPE_RECORD_LIST, FALSE));
}

static gint64
count (ZcStore    *store,
       const char *sql)
{
  return zc_store_query_int (store, 0, sql, NULL);
}

/* ---- tests --------------------------------------------------------------------------------- */

static void
test_sections (void)
{
  Fixture f = { 0 };
  const char *pages[] = { "inspector-dashboard", "inspector-closeout", "inspector-orders",
                          "inspector-assessment", "inspector-setup" };
  AdwViewStack *stack;
  g_autoptr(ZcPerson) employee = NULL;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 800);
  stack = zc_window_get_stack (f.window);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_nonnull (adw_view_stack_get_child_by_name (stack, pages[i]));

  /* An inspector lands on the dashboard; the pages not shown yet are made when they are:
   * signing in made the dashboard alone, not even the home page. */
  g_assert_cmpstr (zc_window_get_visible_page (f.window), ==, "inspector-dashboard");
  g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "home"))));
  {
    GtkWidget *holder = adw_view_stack_get_child_by_name (stack, "inspector-closeout");
    GtkWidget *closeout;

    g_assert_true (ADW_IS_BIN (holder));
    g_assert_null (adw_bin_get_child (ADW_BIN (holder)));
    g_assert_true (ZC_IS_DASHBOARD_PAGE (zc_window_get_page (f.window, "inspector-dashboard")));
    closeout = zc_window_get_page (f.window, "inspector-closeout");
    g_assert_true (ZC_IS_CLOSEOUT_PAGE (closeout));
    g_assert_true (adw_bin_get_child (ADW_BIN (holder)) == closeout);
    g_assert_true (zc_window_get_page (f.window, "inspector-closeout") == closeout);
    /* Shown, a page is made as well. */
    zc_window_show_page (f.window, "inspector-orders");
    g_assert_true (ZC_IS_ORDERS_PAGE (adw_bin_get_child (ADW_BIN (
      adw_view_stack_get_child_by_name (stack, "inspector-orders")))));
  }

  /* Nobody else gets them; an employee lands on their home page. */
  employee = person (f.store, ZC_DEMO_EMPLOYEE);
  zc_window_set_actor (f.window, employee);
  g_assert_cmpstr (zc_window_get_visible_page (f.window), ==, "home");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_null (adw_view_stack_get_child_by_name (stack, pages[i]));
  fixture_close (&f);
}

/* The figures counted while the window opened are the dashboard's when nothing was
 * written meanwhile, and counted again when something was: a person added before the
 * inspector signs in is among the people. */
static void
test_dashboard_prefetched (void)
{
  /* Counted when the window opens the file, or before (as "zicha FILE" does, before GTK
   * starts: the window's own count of the same file then waits for that one); with nothing
   * written before the sign-in, or a person added. */
  for (guint variant = 0; variant < 4; variant++)
    {
      gboolean changed = variant & 1;
      gboolean early = variant & 2;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *people = NULL;
      Fixture f = { 0 };
      GtkWidget *dashboard;
      ZcStats stats;

      f.path = copy_demo ();
      file = g_file_new_for_path (f.path);
      if (early)
        {
          g_autofree char *today = zc_store_today (NULL);
          g_autofree char *path = g_file_get_path (file);

          zc_dashboard_page_prefetch_file (path, today);
        }
      f.window = zc_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (f.window), 1200, 900);
      g_assert_true (zc_window_open_file (f.window, file));
      f.store = g_object_ref (zc_window_get_store (f.window));
      gtk_window_present (GTK_WINDOW (f.window));
      g_assert_true (zc_test_wait_until (zc_test_is_mapped, f.window, 10000));
      /* The count before sign-in is done (the demo bureau's takes a few milliseconds). */
      zc_test_spin (1500);
      f.actor = person (f.store, ZC_DEMO_INSPECTOR);
      if (changed)
        {
          g_autoptr(ZcPerson) newcomer = zc_person_new ();
          g_autoptr(ZcPerson) colleague = person (f.store, ZC_DEMO_EMPLOYEE);

          zc_person_set_staff_code (newcomer, "XZ9001");
          zc_person_set_name (newcomer, "新同事");
          zc_person_set_unit_id (newcomer, zc_person_get_unit_id (colleague));
          zc_person_set_post (newcomer, "科员");
          zc_person_set_roles (newcomer, ZC_ROLE_EMPLOYEE);
          g_assert_true (zc_store_save_person (f.store, f.actor, newcomer, &error));
          g_assert_no_error (error);
        }
      zc_window_set_actor (f.window, f.actor);
      dashboard = show (&f, "inspector-dashboard");
      g_assert_true (zc_test_wait_until (dashboard_ready, dashboard, 20000));
      zc_test_spin (100);

      g_assert_true (zc_store_get_stats (f.store, f.actor, 0, &stats, &error));
      g_assert_no_error (error);
      people = g_strdup_printf ("%u", stats.people);
      g_assert_true (has_text (dashboard, people));
      fixture_close (&f);
    }
}

static void
test_dashboard (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  GtkWidget *dashboard;
  ZcBarChart *chart;
  ZcStats stats;
  g_autoptr(GListModel) units = NULL;
  g_autofree char *people = NULL;
  g_autofree char *red = NULL;
  ZcRecordList *records;
  gboolean opened = FALSE;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 900);
  dashboard = show (&f, "inspector-dashboard");
  g_assert_true (zc_test_wait_until (dashboard_ready, dashboard, 20000));
  zc_test_spin (200);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-dashboard");
  /* The whole page, below the fold too. */
  zc_test_save_screenshot (find_type (dashboard, ADW_TYPE_CLAMP, TRUE), "inspector-dashboard-full");
  assert_names (dashboard);

  /* The cards below the first screen came in the frame after the figures; counted again,
   * the figures replace everything at once (nothing below the reader's place goes away). */
  g_assert_nonnull (find_type (dashboard, ZC_TYPE_LINE_CHART, FALSE));
  zc_dashboard_page_refresh (ZC_DASHBOARD_PAGE (dashboard));
  g_assert_true (zc_test_wait_until (dashboard_ready, dashboard, 20000));
  g_assert_nonnull (find_type (dashboard, ZC_TYPE_LINE_CHART, FALSE));
  zc_test_spin (100);

  /* The key figures are zicha-cli stats'. */
  g_assert_true (zc_store_get_stats (f.store, f.actor, 0, &stats, &error));
  g_assert_no_error (error);
  people = g_strdup_printf ("%u", stats.people);
  g_assert_true (has_text (dashboard, people));
  red = g_strdup_printf (_("%s: %u"), _("Overdue (red)"), stats.lights[ZC_LIGHT_RED]);
  g_assert_nonnull (find_named (dashboard, red));

  /* The first chart: participation, a bar a unit, as zc_store_get_stats() counts each. */
  chart = ZC_BAR_CHART (find_type (dashboard, ZC_TYPE_BAR_CHART, TRUE));
  units = zc_store_list_units (f.store);
  g_assert_cmpuint (zc_bar_chart_get_n_bars (chart), ==, g_list_model_get_n_items (units));
  for (guint i = 0; i < zc_bar_chart_get_n_bars (chart); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      ZcStats s;

      g_assert_true (zc_store_get_stats (f.store, f.actor, zc_record_get_id (ZC_RECORD (unit)),
                                         &s, &error));
      g_assert_cmpstr (zc_bar_chart_get_label (chart, i), ==, zc_unit_get_name (unit));
      for (guint state = 0; state < 5; state++)
        g_assert_cmpuint (zc_bar_chart_get_value (chart, i, state), ==, s.forms[state]);
    }

  /* A segment opens its records: the approved forms of a unit. */
  records = records_list (dashboard);
  for (guint i = 0; i < zc_bar_chart_get_n_bars (chart) && !opened; i++)
    {
      RecordsWait w = { records, zc_bar_chart_get_value (chart, i, ZC_FORM_STATE_APPROVED) };

      if (w.n < 3)
        continue;
      g_signal_emit_by_name (chart, "activate-segment", i, (int) ZC_FORM_STATE_APPROVED);
      g_assert_true (zc_test_wait_until (records_loaded, &w, 10000));
      zc_test_spin (200);
      g_assert_true (has_text (dashboard, zc_bar_chart_get_label (chart, i)));
      opened = TRUE;
    }
  g_assert_true (opened);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-dashboard-records");
  assert_names (dashboard);
  gtk_widget_activate_action (dashboard, "dashboard.back", NULL);
  zc_test_spin (300);

  /* The red items of every unit: the tile's number. */
  {
    RecordsWait w = { records, stats.lights[ZC_LIGHT_RED] };

    g_signal_emit_by_name (find_named (dashboard, red), "clicked");
    g_assert_true (zc_test_wait_until (records_loaded, &w, 10000));
    gtk_widget_activate_action (dashboard, "dashboard.back", NULL);
    zc_test_spin (300);
  }

  /* The lights by unit: a bar a unit again, the red first. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (dashboard, _("Lights"))), TRUE);
  zc_test_spin (100);
  chart = ZC_BAR_CHART (find_type (dashboard, ZC_TYPE_BAR_CHART, TRUE));
  {
    guint sum = 0;

    for (guint i = 0; i < zc_bar_chart_get_n_bars (chart); i++)
      sum += zc_bar_chart_get_value (chart, i, 0);
    g_assert_cmpuint (sum, ==, stats.lights[ZC_LIGHT_RED]);
  }

  /* The numbers as a table, for screen readers: each a button that opens its records. */
  {
    GtkWidget *expander = find_type (dashboard, GTK_TYPE_EXPANDER, TRUE);

    gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
    zc_test_spin (100);
    assert_names (expander);
    g_assert_nonnull (find_type (expander, GTK_TYPE_GRID, TRUE));
  }
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-dashboard-lights");

  /* The weekly line has a point a week, and a point opens that week's items. */
  {
    ZcLineChart *line = ZC_LINE_CHART (find_type (dashboard, ZC_TYPE_LINE_CHART, FALSE));
    guint last;
    RecordsWait w = { records, 0 };

    g_assert_cmpuint (zc_line_chart_get_n_points (line), >, 2);
    last = zc_line_chart_get_n_points (line) - 1;
    w.n = zc_store_query_int (f.store, 0, "SELECT count (DISTINCT item_id) FROM progress WHERE "
                                          "date BETWEEN date (?1, 'weekday 0', '-6 days') AND "
                                          "date (?1, 'weekday 0')", "s", TODAY);
    g_signal_emit_by_name (line, "activate-point", last);
    g_assert_true (zc_test_wait_until (records_loaded, &w, 10000));
    gtk_widget_activate_action (dashboard, "dashboard.back", NULL);
  }
  fixture_close (&f);
}

static void
test_dashboard_filters (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  GtkWidget *dashboard;
  g_autoptr(GListModel) units = NULL;
  ZcBarChart *chart;
  guint n_focus = 0;
  guint people = 0;
  g_autofree char *text = NULL;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 900);
  dashboard = show (&f, "inspector-dashboard");
  g_assert_true (zc_test_wait_until (dashboard_ready, dashboard, 20000));

  units = zc_store_list_units (f.store);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      ZcStats s;

      if (!zc_unit_get_focus (unit))
        continue;
      n_focus++;
      g_assert_true (zc_store_get_stats (f.store, f.actor, zc_record_get_id (ZC_RECORD (unit)),
                                         &s, &error));
      people += s.people;
    }
  g_assert_cmpuint (n_focus, >, 0);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (dashboard, _("Focus Units"))),
                                TRUE);
  zc_test_spin (50);
  g_assert_true (zc_test_wait_until (dashboard_ready, dashboard, 20000));
  zc_test_spin (200);
  chart = ZC_BAR_CHART (find_type (dashboard, ZC_TYPE_BAR_CHART, TRUE));
  g_assert_cmpuint (zc_bar_chart_get_n_bars (chart), ==, n_focus);
  text = g_strdup_printf ("%u", people);
  g_assert_true (has_text (dashboard, text));
  g_assert_true (has_text (dashboard, _("The figures are narrowed to the special clean-up.")));
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-dashboard-focus");
  fixture_close (&f);
}

static void
test_order_on_red_item (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  GtkWidget *dashboard;
  ZcRecordList *overdue;
  GListModel *model;
  g_autoptr(ZcItem) item = NULL;
  ZcStats before, after;
  GtkWindow *dialog;
  GtkTextView *reason;
  g_autoptr(GListModel) orders = NULL;
  gboolean found = FALSE;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 900);
  dashboard = show (&f, "inspector-dashboard");
  g_assert_true (zc_test_wait_until (dashboard_ready, dashboard, 20000));
  g_assert_true (zc_store_get_stats (f.store, f.actor, 0, &before, &error));

  /* The overdue card's first item is red (the card comes in the frame after the figures). */
  overdue = ZC_RECORD_LIST (find_type (dashboard, ZC_TYPE_RECORD_LIST, TRUE));
  g_assert_true (zc_test_wait_until (has_model, overdue, 5000));
  model = zc_record_list_get_model (overdue);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpint (zc_item_get_light (item), ==, ZC_LIGHT_RED);

  g_signal_emit_by_name (overdue, "activate-record", item);
  zc_test_save_screenshot (GTK_WIDGET (wait_for_window (ADW_TYPE_MESSAGE_DIALOG)), "inspector-item");
  respond ("order");
  dialog = wait_for_window (ZC_TYPE_ORDER_DIALOG);
  zc_test_spin (200);
  assert_names (GTK_WIDGET (dialog));
  /* Nothing to issue without a reason. */
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), _("_Issue"))));
  reason = find_text_view (GTK_WIDGET (dialog), _("Reason"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason),
                            "逾期未完成，请于一周内说明原因并报送整改计划", -1);
  zc_test_spin (50);
  zc_test_save_screenshot (GTK_WIDGET (dialog), "inspector-order-dialog");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), _("_Issue")), "clicked");
  zc_test_spin (300);

  g_assert_true (zc_store_get_stats (f.store, f.actor, 0, &after, &error));
  g_assert_cmpuint (after.orders_open, ==, before.orders_open + 1);
  orders = zc_store_list_orders (f.store, f.actor, 0, TRUE, &error);
  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(ZcOrder) order = g_list_model_get_item (orders, i);

      found |= zc_order_get_item_id (order) == zc_record_get_id (ZC_RECORD (item)) &&
               g_str_has_prefix (zc_order_get_reason (order), "逾期未完成");
    }
  g_assert_true (found);
  fixture_close (&f);
}

static void
test_closeout (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  GtkWidget *page;
  ZcRecordList *queue;
  GListModel *model;
  g_autoptr(ZcItem) first = NULL;
  g_autoptr(ZcItem) second = NULL;
  g_autoptr(ZcItem) stored = NULL;
  GtkTextView *note;
  gint64 evaluations;
  guint n;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 900);
  page = show (&f, "inspector-closeout");
  g_assert_true (zc_test_wait_until (closeout_ready, page, 10000));
  queue = ZC_RECORD_LIST (find_type (page, ZC_TYPE_RECORD_LIST, TRUE));
  model = zc_record_list_get_model (queue);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, count (f.store, "SELECT count(*) FROM item WHERE state = "
                                           "'awaiting_closeout'"));
  g_assert_cmpuint (n, >=, 2);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);

  /* Close out the first with a note; the button waits for the note. */
  g_signal_emit_by_name (queue, "activate-record", first);
  zc_test_spin (300);
  g_assert_true (zc_closeout_page_get_item (ZC_CLOSEOUT_PAGE (page)) == first);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-closeout");
  assert_names (page);
  g_assert_false (gtk_widget_get_sensitive (find_button (page, _("C_lose Out…"))));
  note = find_text_view (page, _("Verification note"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "现场核查台账与佐证材料，整改到位",
                            -1);
  g_assert_true (gtk_widget_get_sensitive (find_button (page, _("C_lose Out…"))));
  gtk_widget_activate_action (page, "closeout.close-out", NULL);
  respond ("confirm");
  stored = zc_store_get_item (f.store, f.actor, zc_record_get_id (ZC_RECORD (first)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_item_get_state (stored), ==, ZC_ITEM_STATE_CLOSED);
  g_assert_cmpstr (zc_item_get_close_note (stored), ==, "现场核查台账与佐证材料，整改到位");
  g_clear_object (&stored);
  g_assert_cmpuint (g_list_model_get_n_items (zc_record_list_get_model (queue)), ==, n - 1);

  /* The next one is shown: reject it, with the reason the dialog insists on. */
  g_assert_cmpint (zc_record_get_id (ZC_RECORD (zc_closeout_page_get_item (ZC_CLOSEOUT_PAGE (page)))),
                   ==, zc_record_get_id (ZC_RECORD (second)));
  gtk_widget_activate_action (page, "closeout.reject", NULL);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
    GtkTextView *reason = find_text_view (GTK_WIDGET (dialog),
                                           _("Reason for the rejection"));

    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason),
                              "佐证材料不全，缺少整改前后对比照片", -1);
    zc_test_save_screenshot (GTK_WIDGET (dialog), "inspector-reject");
  }
  respond ("confirm");
  stored = zc_store_get_item (f.store, f.actor, zc_record_get_id (ZC_RECORD (second)), &error);
  g_assert_cmpint (zc_item_get_state (stored), ==, ZC_ITEM_STATE_IN_PROGRESS);
  g_assert_cmpstr (zc_item_get_reject_reason (stored), ==, "佐证材料不全，缺少整改前后对比照片");
  g_assert_cmpint (zc_item_get_reopen_count (stored), ==, zc_item_get_reopen_count (second) + 1);
  g_clear_object (&stored);

  /* The public's evaluation of the item just closed. */
  evaluations = count (f.store, "SELECT count(*) FROM evaluation");
  zc_closeout_page_show_item (ZC_CLOSEOUT_PAGE (page), zc_record_get_id (ZC_RECORD (first)));
  zc_test_spin (300);
  g_assert_true (zc_test_wait_until (closeout_ready, page, 10000));
  zc_test_spin (300);
  g_assert_nonnull (zc_closeout_page_get_item (ZC_CLOSEOUT_PAGE (page)));
  g_assert_cmpint (zc_item_get_state (zc_closeout_page_get_item (ZC_CLOSEOUT_PAGE (page))), ==,
                   ZC_ITEM_STATE_CLOSED);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-closed");
  gtk_widget_activate_action (page, "closeout.evaluate", NULL);
  g_assert_cmpint (count (f.store, "SELECT count(*) FROM evaluation"), ==, evaluations + 1);
  fixture_close (&f);
}

static gboolean
opened (gpointer data)
{
  g_autofree char *log = NULL;

  return g_file_get_contents (opened_log, &log, NULL, NULL) && strstr (log, data) != NULL;
}

static void
test_evidence (void)
{
  Fixture f = { 0 };
  GtkWidget *page;
  GtkWidget *row;
  g_autofree char *folder = NULL;
  g_autofree char *sha = NULL;
  gint64 item_id;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 900);
  /* An item awaiting close-out whose newest report has evidence. */
  item_id = zc_store_query_int (f.store, 0, "SELECT i.id FROM item i WHERE i.state = "
                                           "'awaiting_closeout' AND (SELECT count(*) FROM "
                                           "evidence e WHERE e.progress_id = (SELECT g.id FROM "
                                           "progress g WHERE g.item_id = i.id ORDER BY g.date "
                                           "DESC, g.id DESC LIMIT 1)) > 0 ORDER BY i.id", NULL);
  g_assert_cmpint (item_id, >, 0);
  sha = zc_store_query_text (f.store, "SELECT e.sha256 FROM evidence e WHERE e.progress_id = "
                                      "(SELECT g.id FROM progress g WHERE g.item_id = ? ORDER BY "
                                      "g.date DESC, g.id DESC LIMIT 1) ORDER BY e.id", "i",
                             item_id);
  page = show (&f, "inspector-closeout");
  zc_closeout_page_show_item (ZC_CLOSEOUT_PAGE (page), item_id);
  zc_test_spin (300);
  g_assert_true (zc_test_wait_until (closeout_ready, page, 10000));
  zc_test_spin (300);
  g_assert_cmpint (zc_record_get_id (ZC_RECORD (zc_closeout_page_get_item (ZC_CLOSEOUT_PAGE (page)))),
                   ==, item_id);

  /* Opening the evidence writes it to the cache, then hands it to the desktop (which has no
   * application for it here: the page says where the file is). */
  row = find_class (page, "zc-evidence");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  folder = g_build_filename (g_get_user_cache_dir (), "zicha", "evidence", sha, NULL);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (zc_test_wait_until (opened, folder, 10000));
  fixture_close (&f);
}

static void
test_orders (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  GtkWidget *page;
  gint64 assigned, answered;
  ZcOrder *order;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 900);
  assigned = zc_store_query_int (f.store, 0, "SELECT id FROM supervision_order WHERE state = "
                                            "'assigned' ORDER BY id", NULL);
  answered = zc_store_query_int (f.store, 0, "SELECT id FROM supervision_order WHERE state = "
                                            "'answered' ORDER BY id", NULL);
  g_assert_cmpint (assigned, >, 0);
  g_assert_cmpint (answered, >, 0);

  page = show (&f, "inspector-orders");
  g_assert_cmpuint (g_list_model_get_n_items (zc_record_list_get_model (
                      ZC_RECORD_LIST (find_type (page, ZC_TYPE_RECORD_LIST, TRUE)))), ==,
                    count (f.store, "SELECT count(*) FROM supervision_order WHERE state <> "
                                    "'concluded'"));

  /* Remind an assigned order. */
  zc_orders_page_show_order (ZC_ORDERS_PAGE (page), assigned);
  zc_test_spin (200);
  order = zc_orders_page_get_order (ZC_ORDERS_PAGE (page));
  g_assert_cmpint (zc_record_get_id (ZC_RECORD (order)), ==, assigned);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-orders");
  assert_names (page);
  g_assert_false (gtk_widget_get_sensitive (find_button (page, _("_Conclude…"))));
  gtk_widget_activate_action (page, "orders.remind", NULL);
  zc_test_spin (100);
  g_assert_cmpint (zc_store_query_int (f.store, -1, "SELECT state = 'reminded' FROM "
                                                   "supervision_order WHERE id = ?", "i",
                                       assigned), ==, 1);

  /* Conclude an answered one, after the confirmation. */
  zc_orders_page_show_order (ZC_ORDERS_PAGE (page), answered);
  zc_test_spin (200);
  g_assert_true (gtk_widget_get_sensitive (find_button (page, _("_Conclude…"))));
  gtk_widget_activate_action (page, "orders.conclude", NULL);
  respond ("confirm");
  g_assert_cmpint (zc_store_query_int (f.store, -1, "SELECT state = 'concluded' FROM "
                                                   "supervision_order WHERE id = ?", "i",
                                       answered), ==, 1);
  /* The concluded order stays shown, with nothing left to do. */
  order = zc_orders_page_get_order (ZC_ORDERS_PAGE (page));
  g_assert_nonnull (order);
  g_assert_cmpint (zc_order_get_state (order), ==, ZC_ORDER_STATE_CONCLUDED);

  /* A new order on a whole unit, from the page. */
  gtk_widget_activate_action (page, "orders.new", NULL);
  {
    GtkWindow *dialog = wait_for_window (ZC_TYPE_ORDER_DIALOG);
    AdwComboRow *kind = ADW_COMBO_ROW (find_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, TRUE));
    gint64 before = count (f.store, "SELECT count(*) FROM supervision_order");

    adw_combo_row_set_selected (kind, 1);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (find_text_view (GTK_WIDGET (dialog), _("Reason"))),
                              "参与率偏低，请督促未开始的同志尽快完成自查", -1);
    zc_test_spin (100);
    zc_test_save_screenshot (GTK_WIDGET (dialog), "inspector-order-unit");
    g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), _("_Issue")), "clicked");
    zc_test_spin (200);
    g_assert_cmpint (count (f.store, "SELECT count(*) FROM supervision_order"), ==, before + 1);
    g_assert_cmpint (count (f.store, "SELECT item_id IS NULL FROM supervision_order ORDER BY id "
                                     "DESC LIMIT 1"), ==, 1);
  }
  g_assert_no_error (error);
  fixture_close (&f);
}

static void
test_assessment (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  GtkWidget *page;
  GListModel *model;
  g_autoptr(ZcAssessment) top = NULL;
  g_autoptr(ZcAssessment) second = NULL;
  gint64 merits, reviews;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 900);
  page = show (&f, "inspector-assessment");
  zc_test_spin (100);
  g_assert_true (zc_test_wait_until (assessment_ready, page, 10000));
  zc_test_spin (300);
  model = zc_assessment_page_get_model (ZC_ASSESSMENT_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count (f.store, "SELECT count(*) FROM unit"));
  /* The ranking: the best score first. */
  top = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpfloat (zc_assessment_get_score (top), >=, zc_assessment_get_score (second));
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-assessment");
  assert_names (page);

  /* A unit's page: a commendation, after the confirmation, and the monthly review. */
  zc_assessment_page_show_unit (ZC_ASSESSMENT_PAGE (page), zc_assessment_get_unit_id (top));
  zc_test_spin (200);
  merits = count (f.store, "SELECT count(*) FROM merit");
  reviews = count (f.store, "SELECT count(*) FROM monthly_review");
  g_assert_false (gtk_widget_get_sensitive (find_button (page, _("_Record…"))));
  {
    GtkWidget *what = NULL;
    GQueue todo = G_QUEUE_INIT;

    /* The "What for" row. */
    g_queue_push_tail (&todo, page);
    while (!g_queue_is_empty (&todo))
      {
        GtkWidget *w = g_queue_pop_head (&todo);

        if (!gtk_widget_get_mapped (w))
          continue;
        if (ADW_IS_ENTRY_ROW (w) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), _("What for")) == 0)
          what = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&todo, c);
      }
    g_assert_nonnull (what);
    gtk_editable_set_text (GTK_EDITABLE (what), "整改落实成效突出，群众满意度高");
  }
  g_assert_true (gtk_widget_get_sensitive (find_button (page, _("_Record…"))));
  gtk_widget_activate_action (page, "assessment.record-merit", NULL);
  respond ("confirm");
  g_assert_cmpint (count (f.store, "SELECT count(*) FROM merit"), ==, merits + 1);
  gtk_widget_activate_action (page, "assessment.take-review", NULL);
  zc_test_spin (100);
  g_assert_cmpint (zc_store_query_int (f.store, 0, "SELECT count(*) FROM monthly_review WHERE "
                                                  "unit_id = ? AND month = '2026-05'", "i",
                                       zc_assessment_get_unit_id (top)), ==, 1);
  g_assert_cmpint (count (f.store, "SELECT count(*) FROM monthly_review"), >=, reviews);
  g_assert_true (zc_test_wait_until (assessment_ready, page, 10000));
  zc_test_spin (300);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-assessment-unit");
  g_assert_no_error (error);
  fixture_close (&f);
}

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (scratch_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_setup (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  GtkWidget *page;
  g_autofree char *bad = write_file ("roster-bad.csv",
                                     "staff_code,name,unit_code,post,roles,focus_post\n"
                                     "SJ901,测试甲,SJ,科员,employee,0\n"
                                     "SJ902,测试乙,NOPE,科员,employee,0\n"
                                     "SJ903,测试丙,SJ,科员,employee,1\n");
  g_autofree char *good = write_file ("roster-good.csv",
                                      "staff_code,name,unit_code,post,roles,focus_post\n"
                                      "SJ901,测试甲,SJ,科员,employee,0\n"
                                      "SJ903,测试丙,SJ,科员,employee,1\n");
  g_autofree char *import3 = NULL;
  g_autofree char *import2 = NULL;
  gint64 people;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(ZcUnit) unit = NULL;

  fixture_open (&f, ZC_DEMO_INSPECTOR, 1200, 900);
  page = show (&f, "inspector-setup");
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-setup");
  assert_names (page);
  people = count (f.store, "SELECT count(*) FROM person");

  /* A roster with a bad row: the row is named, and nothing can be imported. */
  zc_setup_page_preview_file (ZC_SETUP_PAGE (page), "people", bad);
  zc_test_spin (200);
  g_assert_cmpuint (zc_setup_page_get_n_errors (ZC_SETUP_PAGE (page)), ==, 1);
  {
    g_autofree char *row3 = g_strdup_printf (_("Row %u"), 3);
    g_assert_true (has_text (page, row3));
    g_assert_true (has_text (page, "NOPE"));
  }
  import3 = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Row", "_Import %u Rows", 3),
                             3);
  g_assert_false (gtk_widget_get_sensitive (find_button (page, import3)));
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-setup-roster-bad");
  assert_names (page);
  gtk_widget_activate_action (page, "setup.import-csv", NULL);
  g_assert_cmpint (count (f.store, "SELECT count(*) FROM person"), ==, people);

  /* The corrected file goes in. */
  zc_setup_page_preview_file (ZC_SETUP_PAGE (page), "people", good);
  zc_test_spin (100);
  g_assert_cmpuint (zc_setup_page_get_n_errors (ZC_SETUP_PAGE (page)), ==, 0);
  import2 = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Row", "_Import %u Rows", 2),
                             2);
  g_assert_true (gtk_widget_get_sensitive (find_button (page, import2)));
  gtk_widget_activate_action (page, "setup.import-csv", NULL);
  zc_test_spin (100);
  g_assert_cmpint (count (f.store, "SELECT count(*) FROM person"), ==, people + 2);
  g_assert_cmpint (count (f.store, "SELECT focus_post FROM person WHERE staff_code = 'SJ903'"),
                   ==, 1);

  /* The campaign: a wider warning window. */
  zc_setup_page_show_step (ZC_SETUP_PAGE (page), "campaign");
  zc_test_spin (200);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-setup-campaign");
  assert_names (page);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_type (page, GTK_TYPE_SPIN_BUTTON, TRUE)), 10);
  gtk_widget_activate_action (page, "setup.save-campaign", NULL);
  campaign = zc_store_get_campaign (f.store, &error);
  g_assert_cmpint (zc_campaign_get_warning_days (campaign), ==, 10);

  /* A new unit under the bureau, a focus unit. */
  zc_setup_page_show_step (ZC_SETUP_PAGE (page), "units");
  zc_test_spin (200);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-setup-units");
  gtk_widget_activate_action (page, "setup.add-unit", NULL);
  zc_test_spin (200);
  {
    GtkWidget *rows[2] = { NULL, NULL };
    GQueue todo = G_QUEUE_INIT;
    guint n = 0;

    g_queue_push_tail (&todo, page);
    while (!g_queue_is_empty (&todo))
      {
        GtkWidget *w = g_queue_pop_head (&todo);

        if (!gtk_widget_get_mapped (w))
          continue;
        if (ADW_IS_ENTRY_ROW (w) && n < 2)
          rows[n++] = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&todo, c);
      }
    g_assert_cmpuint (n, ==, 2);
    gtk_editable_set_text (GTK_EDITABLE (rows[0]), "信访接待窗口");
    gtk_editable_set_text (GTK_EDITABLE (rows[1]), "XFJD");
    gtk_switch_set_active (GTK_SWITCH (find_type (page, GTK_TYPE_SWITCH, TRUE)), TRUE);
  }
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-setup-unit");
  assert_names (page);
  gtk_widget_activate_action (page, "setup.save-unit", NULL);
  unit = zc_store_get_unit_by_code (f.store, "XFJD", &error);
  g_assert_no_error (error);
  g_assert_true (zc_unit_get_focus (unit));
  g_assert_cmpint (zc_unit_get_parent_id (unit), !=, 0);

  /* The lists and the guidance. */
  zc_setup_page_show_step (ZC_SETUP_PAGE (page), "lists");
  zc_test_spin (200);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-setup-lists");
  assert_names (page);
  zc_setup_page_show_step (ZC_SETUP_PAGE (page), "guidance");
  zc_test_spin (200);
  {
    GtkTextView *view = find_text_view (page, _("Examples"));

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "例一\n例二", -1);
    gtk_widget_activate_action (page, "setup.save-guidance", NULL);
    g_assert_cmpint (count (f.store, "SELECT count(*) FROM guidance WHERE step = 'phenomenon' "
                                     "AND examples = '例一\n例二'"), ==, 1);
  }
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-setup-guidance");

  /* Phases: reopen the inspection for one unit, then move the campaign on. */
  zc_setup_page_show_step (ZC_SETUP_PAGE (page), "phases");
  zc_test_spin (200);
  zc_test_save_screenshot (GTK_WIDGET (f.window), "inspector-setup-phases");
  assert_names (page);
  gtk_widget_activate_action (page, "setup.reopen", NULL);
  respond ("confirm");
  g_assert_cmpint (count (f.store, "SELECT count(*) FROM unit WHERE reopened_phase IS NOT NULL"),
                   ==, 1);
  gtk_widget_activate_action (page, "setup.advance", NULL);
  respond ("confirm");
  g_clear_object (&campaign);
  campaign = zc_store_get_campaign (f.store, &error);
  g_assert_cmpint (zc_campaign_get_phase (campaign), ==, ZC_PHASE_EVALUATION);
  fixture_close (&f);
}

static void
test_narrow (void)
{
  Fixture f = { 0 };
  const char *pages[] = { "inspector-dashboard", "inspector-closeout", "inspector-orders",
                          "inspector-assessment", "inspector-setup" };

  fixture_open (&f, ZC_DEMO_INSPECTOR, 360, 720);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strconcat (pages[i], "-360", NULL);
      GtkWidget *page = show (&f, pages[i]);

      if (ZC_IS_DASHBOARD_PAGE (page))
        g_assert_true (zc_test_wait_until (dashboard_ready, page, 20000));
      zc_test_spin (300);
      assert_fits (page);
      zc_test_save_screenshot (GTK_WIDGET (f.window), name);
    }
  fixture_close (&f);
}

/* A campaign just created, with its first inspector alone: the dashboard says what to do. */
static void
test_empty_campaign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (scratch_dir, "empty.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(ZcUnit) unit = zc_unit_new ();
  g_autoptr(ZcPerson) inspector = zc_person_new ();
  ZcWindow *window;
  GtkWidget *dashboard;

  {
    g_autoptr(ZcStore) store = zc_store_open (path, &error);

    g_assert_no_error (error);
    campaign = zc_store_init_campaign (store, "2026年作风建设专项活动", TODAY, &error);
    g_assert_no_error (error);
    zc_unit_set_code (unit, "JJ");
    zc_unit_set_name (unit, "驻局纪检监察组");
    g_assert_true (zc_store_save_unit (store, NULL, unit, &error));
    zc_person_set_staff_code (inspector, "JJ001");
    zc_person_set_name (inspector, "沈兰建");
    zc_person_set_unit_id (inspector, zc_record_get_id (ZC_RECORD (unit)));
    zc_person_set_roles (inspector, ZC_ROLE_EMPLOYEE | ZC_ROLE_INSPECTOR);
    g_assert_true (zc_store_save_person (store, NULL, inspector, &error));
    g_assert_no_error (error);
  }

  window = zc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (zc_window_open_file (window, file));
  zc_window_set_actor (window, inspector);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, window, 10000));
  zc_window_show_page (window, "inspector-dashboard");
  dashboard = adw_view_stack_get_child_by_name (zc_window_get_stack (window),
                                                "inspector-dashboard");
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, dashboard, 5000));
  zc_test_spin (100);
  g_assert_true (zc_test_wait_until (dashboard_ready, dashboard, 20000));
  zc_test_spin (200);
  g_assert_true (has_text (dashboard, _("Nothing to Count Yet")));
  zc_test_save_screenshot (GTK_WIDGET (window), "inspector-dashboard-empty");
  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_spin (50);
}

static void
test_no_display (void)
{
  g_test_skip ("no display");
}

/* ---- main ---------------------------------------------------------------------------------- */

/* Evidence opens in the desktop's application: here a stand-in that writes down the file. */
static void
fake_opener (const char *data_home,
             const char *config_home)
{
  g_autofree char *apps = g_build_filename (data_home, "applications", NULL);
  g_autofree char *desktop = g_build_filename (apps, "zc-test-opener.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config_home, "mimeapps.list", NULL);
  g_autofree char *contents = NULL;

  opened_log = g_build_filename (scratch_dir, "opened.log", NULL);
  contents = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Opener\n"
                              "Exec=sh -c 'echo \"$1\" >> %s' sh %%f\n"
                              "MimeType=text/plain;image/png;application/pdf;\n", opened_log);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config_home, 0700), ==, 0);
  g_assert_true (g_file_set_contents (desktop, contents, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\n"
                                      "text/plain=zc-test-opener.desktop\n"
                                      "image/png=zc-test-opener.desktop\n"
                                      "application/pdf=zc-test-opener.desktop\n", -1, NULL));
}

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

  scratch_dir = g_dir_make_tmp ("zicha-inspector-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (scratch_dir, "data", NULL);
  config_home = g_build_filename (scratch_dir, "config", NULL);
  cache_home = g_build_filename (scratch_dir, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("ZICHA_TODAY", TODAY, TRUE);
  fake_opener (data_home, config_home);
  /* "test" keeps accessible properties without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    g_test_add_func ("/inspector/no-display", test_no_display);
  else
    {
      adw_init ();
      /* ZICHA_TEST_DARK=1: the dark style, as the preferences set it. */
      if (g_getenv ("ZICHA_TEST_DARK") != NULL)
        {
          g_autoptr(GSettings) settings = g_settings_new (APP_ID);

          g_settings_set_string (settings, "color-scheme", "force-dark");
        }

      app = zc_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
      make_demo ();

      g_test_add_func ("/inspector/sections", test_sections);
      g_test_add_func ("/inspector/dashboard", test_dashboard);
      g_test_add_func ("/inspector/dashboard-prefetched", test_dashboard_prefetched);
      g_test_add_func ("/inspector/dashboard-filters", test_dashboard_filters);
      g_test_add_func ("/inspector/order-on-red-item", test_order_on_red_item);
      g_test_add_func ("/inspector/closeout", test_closeout);
      g_test_add_func ("/inspector/evidence", test_evidence);
      g_test_add_func ("/inspector/orders", test_orders);
      g_test_add_func ("/inspector/assessment", test_assessment);
      g_test_add_func ("/inspector/setup", test_setup);
      g_test_add_func ("/inspector/narrow", test_narrow);
      g_test_add_func ("/inspector/empty-campaign", test_empty_campaign);
    }

  status = g_test_run ();

  g_clear_object (&app);
  zc_test_remove_tree (scratch_dir);
  g_free (scratch_dir);
  g_free (demo_path);
  g_free (opened_log);
  return status;
}
