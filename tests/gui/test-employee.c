/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-test"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "zc-gui-test.h"
#include "zc-application.h"
#include "zc-cause-row.h"
#include "zc-demo.h"
#include "zc-finding-editor.h"
#include "zc-home-page.h"
#include "zc-inspection-page.h"
#include "zc-progress-dialog.h"
#include "zc-sign-in-page.h"
#include "zc-similarity.h"
#include "zc-store.h"
#include "zc-suggest-dialog.h"
#include "zc-text-area.h"
#include "zc-window.h"

/*
 * The employee's pages under Xvfb, on copies of the demo campaign: signing in (first
 * passphrase, wrong passphrase, the remembered person, at most 50 people listed), the home
 * page, each step of the guided self-inspection with its drafts saved as typed, a returned
 * form with the reviewer's comments, the read-only form outside the inspection phase, the
 * suggestion and progress dialogs, accessible names and a 360-pixel window.
 * ZICHA_TEST_SCREENSHOTS=DIR saves a PNG of each page and dialog (ZICHA_TEST_DARK=1 in the
 * dark style; LANGUAGE=zh_CN in Chinese when the build is installed).
 */

#define TODAY "2026-05-20"

static ZcApplication *app;
static char *scratch_dir;
static char *demo_path;
static guint db_serial;

/* ---- helpers ------------------------------------------------------------------------------ */

/* A fresh copy of the demo campaign in @phase. */
static char *
copy_demo (ZcPhase phase)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("demo-%u.db", ++db_serial);
  char *path = g_build_filename (scratch_dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (demo_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcPerson) inspector = NULL;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  store = zc_store_open (path, &error);
  g_assert_no_error (error);
  inspector = zc_store_get_person_by_code (store, ZC_DEMO_INSPECTOR, &error);
  g_assert_no_error (error);
  if (!zc_store_set_phase (store, inspector, phase, &error))
    g_assert_no_error (error);
  return path;
}

static ZcStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  ZcStore *store = zc_store_open (path, &error);

  g_assert_no_error (error);
  return store;
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

/* A plain window that holds @child, @width pixels wide. */
static GtkWindow *
window_with (GtkWidget *child,
             int        width,
             int        height)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, window, 10000));
  return GTK_WINDOW (window);
}

static ZcWindow *
open_window (const char *path,
             int         width,
             int         height)
{
  ZcWindow *window = zc_window_new (app);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (zc_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, window, 10000));
  return window;
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

/* The mapped widgets of @type under @root, in tree order. */
static void
collect_mapped (GtkWidget *root,
                GType      type,
                GPtrArray *found)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mapped (child, type, found);
}

static GtkWidget *
mapped_of_type (GtkWidget *root,
                GType      type,
                guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_mapped (root, type, found);
  g_assert_cmpuint (found->len, >, index);
  return found->pdata[index];
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
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
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

/* A mapped widget whose tooltip is @tooltip. */
static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A mapped label whose text contains @text. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label (wait->root, wait->text) != NULL;
}

static void
assert_label_appears (GtkWidget  *root,
                      const char *text)
{
  LabelWait wait = { root, text };

  if (!zc_test_wait_until (label_shown, &wait, 10000))
    g_error ("no label shows “%s”", text);
}

static void
set_area_text (ZcTextArea *area,
               const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (zc_text_area_get_text_view (area)));

  /* As typing does: through the buffer, which the page listens to. */
  gtk_text_buffer_set_text (buffer, text, -1);
}

/* The text area of the mapped editors whose title is @title (the @index-th). */
static ZcTextArea *
area_titled (GtkWidget  *root,
             const char *title,
             guint       index)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  guint seen = 0;

  collect_mapped (root, ZC_TYPE_TEXT_AREA, areas);
  for (guint i = 0; i < areas->len; i++)
    if (g_strcmp0 (zc_text_area_get_title (areas->pdata[i]), title) == 0 && seen++ == index)
      return areas->pdata[i];
  g_error ("no text area “%s”", title);
  return NULL;
}

/* The mapped combo row titled @title. */
static AdwComboRow *
combo_titled (GtkWidget  *root,
              const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_mapped (root, ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("no combo row “%s”", title);
  return NULL;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) ? *gtk_label_get_text (GTK_LABEL (child)) != '\0'
                             : has_accessible_name (child))
      return TRUE;
  return FALSE;
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
    case GTK_ACCESSIBLE_ROLE_SLIDER:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_interactive (widget))
    {
      /* Inner parts of a named control (the text of an entry row, a menu button's
       * toggle) take their parent's name. */
      if (!has_accessible_name (widget) &&
          !has_accessible_name (gtk_widget_get_parent (widget)))
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
    g_test_message ("no accessible name: %s (css name %s) in %s",
                    G_OBJECT_TYPE_NAME (unnamed->pdata[i]),
                    gtk_widget_get_css_name (unnamed->pdata[i]),
                    G_OBJECT_TYPE_NAME (gtk_widget_get_parent (unnamed->pdata[i])));
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* The narrowest @widget can be. */
static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

static gboolean
actor_set (gpointer data)
{
  return zc_window_get_actor (ZC_WINDOW (data)) != NULL;
}

/* The person's findings as the store has them now, read on a connection of its own. */
static GListModel *
stored_findings (const char *path,
                 const char *staff_code,
                 ZcFormState *state)
{
  g_autoptr(ZcStore) store = open_store (path);
  g_autoptr(ZcPerson) actor = person (store, staff_code);
  g_autoptr(ZcForm) form = zc_store_get_form_of (store, actor,
                                                 zc_record_get_id (ZC_RECORD (actor)), NULL);

  if (state != NULL)
    *state = form ? zc_form_get_state (form) : ZC_FORM_STATE_NOT_STARTED;
  if (form == NULL)
    return G_LIST_MODEL (g_list_store_new (ZC_TYPE_FINDING));
  return zc_store_list_form_findings (store, actor, zc_record_get_id (ZC_RECORD (form)), NULL);
}

typedef struct
{
  const char *path;
  const char *staff_code;
  const char *phenomenon;
} StoredWait;

static gboolean
phenomenon_stored (gpointer data)
{
  StoredWait *wait = data;
  g_autoptr(GListModel) findings = stored_findings (wait->path, wait->staff_code, NULL);
  g_autoptr(ZcFinding) first = NULL;

  if (g_list_model_get_n_items (findings) == 0)
    return FALSE;
  first = g_list_model_get_item (findings, 0);
  return g_strcmp0 (zc_finding_get_phenomenon (first), wait->phenomenon) == 0;
}

/* A page of the inspection, in its own window, for @staff_code. */
typedef struct
{
  char             *path;
  ZcStore          *store;
  ZcPerson         *actor;
  ZcInspectionPage *page;
  GtkWindow        *window;
} Inspection;

static void
inspection_open (Inspection *fixture,
                 ZcPhase     phase,
                 const char *staff_code,
                 int         width)
{
  fixture->path = copy_demo (phase);
  fixture->store = open_store (fixture->path);
  fixture->actor = person (fixture->store, staff_code);
  fixture->page = ZC_INSPECTION_PAGE (zc_inspection_page_new (fixture->store, fixture->actor));
  fixture->window = window_with (GTK_WIDGET (fixture->page), width, 760);
}

static void
inspection_close (Inspection *fixture)
{
  gtk_window_destroy (fixture->window);
  zc_test_spin (20);
  g_clear_object (&fixture->actor);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

#define PHENOMENON "群众来窗口咨询低保政策时，我多次以“不归我们管”为由推脱。"
#define EXAMPLE "今年三月，一位老人为临时救助跑了三趟，我每次只说材料不全。"
#define GAP "服务标准要求一次性告知全部所需材料，我却分两三次告知。"
#define CAUSE "宗旨意识淡薄，把窗口当成收表格的柜台。"
#define WHY "对群众的难处体会不深，没有设身处地。"
#define MEASURE "第一次接待时就给申请人一份书面的缺件清单。"

/* A mapped button whose AdwButtonContent says @label. */
static GtkButton *
find_content_button (GtkWidget  *root,
                     const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (root))) &&
      g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (root)))),
                 label) == 0)
    return GTK_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_content_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  zc_test_spin (50);
}

/* Long enough for the crossfade between two steps, when both are mapped. */
#define STEP_MS 400

/* Fills the first problem through every step, as a person does. */
static void
fill_form (Inspection *fixture)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);

  zc_inspection_page_set_step (fixture->page, ZC_STEP_PHENOMENON);
  zc_test_spin (STEP_MS);
  adw_combo_row_set_selected (combo_titled (root, _("Category")), 4);
  set_area_text (area_titled (root, _("Phenomenon"), 0), PHENOMENON);
  set_area_text (area_titled (root, _("Concrete example"), 0), EXAMPLE);

  zc_inspection_page_set_step (fixture->page, ZC_STEP_GAP);
  zc_test_spin (STEP_MS);
  adw_combo_row_set_selected (combo_titled (root, _("Benchmark")), 2);
  set_area_text (area_titled (root, _("Gap"), 0), GAP);

  zc_inspection_page_set_step (fixture->page, ZC_STEP_CAUSE);
  zc_test_spin (STEP_MS);
  click (find_content_button (root, _("Add a Cause")));
  adw_combo_row_set_selected (combo_titled (root, _("Dimension")), 2);
  set_area_text (ZC_TEXT_AREA (mapped_of_type (root, ZC_TYPE_TEXT_AREA, 0)), CAUSE);

  zc_inspection_page_set_step (fixture->page, ZC_STEP_MEASURE);
  zc_test_spin (STEP_MS);
  set_area_text (area_titled (root, _("Measure"), 0), MEASURE);
  adw_combo_row_set_selected (combo_titled (root, _("Term type")), ZC_TERM_TYPE_IMMEDIATE);
}

/* ---- tests ---------------------------------------------------------------------------------- */

static gboolean
single_row (gpointer data)
{
  GtkListBox *list = data;

  return gtk_list_box_get_row_at_index (list, 0) != NULL &&
         gtk_list_box_get_row_at_index (list, 1) == NULL;
}

/* Signing in: the first passphrase twice, too short and different refused; a wrong one
 * refused without saying more; the remembered person asked for the passphrase alone. */
static void
test_sign_in (void)
{
  g_autofree char *path = copy_demo (ZC_PHASE_INSPECTION);
  ZcWindow *window = open_window (path, 960, 720);
  AdwViewStack *stack = zc_window_get_stack (window);
  ZcSignInPage *page = ZC_SIGN_IN_PAGE (adw_view_stack_get_child_by_name (stack, "sign-in"));
  GtkWidget *root = GTK_WIDGET (page);
  GtkEditable *search;
  GtkListBox *people;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autofree char *too_short = NULL;

  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "sign-in");
  zc_sign_in_page_set_auth_delay (page, 0);
  zc_test_save_screenshot (GTK_WIDGET (window), "employee-sign-in");
  assert_all_named (GTK_WIDGET (window));

  /* Searched in SQL: the staff code finds one person. */
  search = GTK_EDITABLE (find_widget_of_type (root, GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, "SJ005");
  people = GTK_LIST_BOX (mapped_of_type (root, GTK_TYPE_LIST_BOX, 0));
  g_assert_true (zc_test_wait_until (single_row, people, 5000));
  collect_mapped (GTK_WIDGET (people), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_signal_emit_by_name (people, "row-activated", rows->pdata[0]);
  zc_test_spin (400);

  /* The first sign-in sets the passphrase, twice. */
  collect_mapped (root, ADW_TYPE_PASSWORD_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  zc_test_save_screenshot (GTK_WIDGET (window), "employee-first-passphrase");
  gtk_editable_set_text (entries->pdata[0], "kurz");
  gtk_editable_set_text (entries->pdata[1], "kurz");
  click (find_button (root, _("Set Passphrase and Sign In")));
  too_short = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The passphrase is too short: use at least %d "
                                            "character.",
                                            "The passphrase is too short: use at least %d "
                                            "characters.", 8), 8);
  assert_label_appears (root, too_short);
  g_assert_null (zc_window_get_actor (window));
  gtk_editable_set_text (entries->pdata[0], "lang-genug-1");
  gtk_editable_set_text (entries->pdata[1], "lang-genug-2");
  click (find_button (root, _("Set Passphrase and Sign In")));
  assert_label_appears (root, _("The two passphrases differ. Enter the same one twice."));
  g_assert_null (zc_window_get_actor (window));
  gtk_editable_set_text (entries->pdata[1], "lang-genug-1");
  gtk_editable_set_text (entries->pdata[0], "lang-genug-1");
  click (find_button (root, _("Set Passphrase and Sign In")));
  g_assert_true (zc_test_wait_until (actor_set, window, 20000));
  g_assert_cmpstr (zc_person_get_staff_code (zc_window_get_actor (window)), ==, "SJ005");
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "home");
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "my-form"));

  /* Signing out removes the sections; the computer remembers who uses it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  zc_test_spin (100);
  g_assert_null (zc_window_get_actor (window));
  g_assert_null (adw_view_stack_get_child_by_name (stack, "home"));
  g_assert_cmpstr (zc_window_get_visible_page (window), ==, "sign-in");
  g_ptr_array_set_size (entries, 0);
  collect_mapped (root, ADW_TYPE_PASSWORD_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  assert_label_appears (root, "SJ005");
  zc_test_save_screenshot (GTK_WIDGET (window), "employee-remembered");

  /* A wrong passphrase says so, and no more. */
  gtk_editable_set_text (entries->pdata[0], "falsch-falsch");
  click (find_button (root, _("Sign In")));
  assert_label_appears (root, _("The staff code or the passphrase is not right"));
  g_assert_null (zc_window_get_actor (window));
  zc_test_save_screenshot (GTK_WIDGET (window), "employee-wrong-passphrase");

  gtk_editable_set_text (entries->pdata[0], "lang-genug-1");
  click (find_button (root, _("Sign In")));
  g_assert_true (zc_test_wait_until (actor_set, window, 20000));

  /* Switching person goes to the list, not to the remembered person. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-person", NULL));
  zc_test_spin (100);
  g_assert_null (zc_window_get_actor (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (search)));

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_spin (20);
}

/* The list never shows more than 50 people, and says how to narrow it. */
static void
test_people_limit (void)
{
  g_autofree char *path = copy_demo (ZC_PHASE_INSPECTION);
  g_autoptr(ZcStore) store = open_store (path);
  GtkWidget *page = zc_sign_in_page_new ();
  GtkWindow *window;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  zc_sign_in_page_set_store (ZC_SIGN_IN_PAGE (page), store);
  /* Not the person an earlier test left remembered: the list. */
  zc_sign_in_page_reset (ZC_SIGN_IN_PAGE (page), FALSE);
  window = window_with (page, 480, 900);
  zc_test_spin (300);
  collect_mapped (page, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 50);
  g_assert_nonnull (find_label (page, "50"));
  gtk_window_destroy (window);
  zc_test_spin (20);
}

/* Home: the phase and its days, the form's state, my items with their lights, my unit's
 * commitments. */
static void
test_home (void)
{
  g_autofree char *path = copy_demo (ZC_PHASE_RECTIFICATION);
  g_autoptr(ZcStore) store = open_store (path);
  g_autoptr(ZcPerson) actor = person (store, ZC_DEMO_EMPLOYEE);
  GtkWidget *page = zc_home_page_new (store, actor);
  GtkWindow *window = window_with (page, 960, 900);
  g_autoptr(GPtrArray) badges = g_ptr_array_new ();

  assert_label_appears (page, zc_person_get_name (actor));
  assert_label_appears (page, zc_enum_label (ZC_TYPE_PHASE, ZC_PHASE_RECTIFICATION));
  assert_label_appears (page, zc_enum_label (ZC_TYPE_FORM_STATE, ZC_FORM_STATE_APPROVED));
  assert_label_appears (page, gettext ("My Rectification Items"));
  /* Every item of mine has its light, which says its word too. */
  for (GtkWidget *w = page; w != NULL; w = NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect_mapped (w, GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        if (gtk_widget_has_css_class (labels->pdata[i], "zc-light"))
          g_ptr_array_add (badges, labels->pdata[i]);
    }
  g_assert_cmpuint (badges->len, >, 0);
  assert_all_named (page);
  zc_test_save_screenshot (GTK_WIDGET (window), "employee-home");
  gtk_window_destroy (window);
  zc_test_spin (20);
}

/* Step 1, 摆现象: category and phenomenon, saved about a second after typing; the quality
 * hint explains a phenomenon that is too short. */
static void
test_step_phenomenon (void)
{
  Inspection fixture = { 0 };
  StoredWait wait = { NULL, "SJ005", PHENOMENON };
  GtkWidget *root;
  ZcTextArea *phenomenon;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(ZcFinding) finding = NULL;
  g_autofree char *hint = NULL;
  g_autoptr(ZcGuidance) guidance = NULL;
  g_auto(GStrv) examples = NULL;

  inspection_open (&fixture, ZC_PHASE_INSPECTION, "SJ005", 960);
  root = GTK_WIDGET (fixture.page);
  wait.path = fixture.path;
  assert_label_appears (root, gettext ("List Problems"));
  assert_all_named (GTK_WIDGET (fixture.window));

  /* Nothing is written before the person types, and the blank problem the form starts
   * with cannot be removed. */
  findings = stored_findings (fixture.path, "SJ005", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_clear_object (&findings);
  g_assert_null (find_tooltip (root, _("Remove this problem")));

  phenomenon = area_titled (root, _("Phenomenon"), 0);
  set_area_text (phenomenon, "推脱");
  /* Too short to mean anything: a calm hint says so, the text is still saved. */
  g_assert_cmpint (zc_store_quality_hint (fixture.store, fixture.actor, "推脱", &hint), ==,
                   ZC_HINT_TOO_SHORT);
  assert_label_appears (root, hint);
  g_clear_pointer (&hint, g_free);

  /* Copied from the guidance's examples: the hint says so, calmly. */
  guidance = zc_store_get_guidance (fixture.store, "phenomenon");
  examples = g_strsplit (zc_guidance_get_examples (guidance), "\n", 2);
  set_area_text (phenomenon, examples[0]);
  g_assert_cmpint (zc_store_quality_hint (fixture.store, fixture.actor, examples[0], &hint), ==,
                   ZC_HINT_LIKE_EXAMPLE);
  assert_label_appears (root, hint);
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-hint");
  adw_combo_row_set_selected (combo_titled (root, _("Category")), 4);
  set_area_text (phenomenon, PHENOMENON);
  g_assert_true (zc_test_wait_until (phenomenon_stored, &wait, 5000));
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-step-1");
  /* Saved, it can be removed like any other. */
  g_assert_nonnull (find_tooltip (root, _("Remove this problem")));

  findings = stored_findings (fixture.path, "SJ005", NULL);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpint (zc_finding_get_category_id (finding), !=, 0);
  inspection_close (&fixture);
}

/* Steps 2 to 4: the gap against a benchmark, a cause with its dimension and a "why?", the
 * measure and its term type; moving between steps saves at once. */
static void
test_steps_gap_cause_measure (void)
{
  Inspection fixture = { 0 };
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(ZcFinding) finding = NULL;
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(ZcCause) cause = NULL;
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcPerson) actor = NULL;

  inspection_open (&fixture, ZC_PHASE_INSPECTION, "SJ005", 960);
  fill_form (&fixture);
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-step-4");
  zc_inspection_page_set_step (fixture.page, ZC_STEP_CAUSE);
  zc_test_spin (STEP_MS);
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-step-3");
  zc_inspection_page_set_step (fixture.page, ZC_STEP_GAP);
  zc_test_spin (STEP_MS);
  assert_label_appears (GTK_WIDGET (fixture.page), PHENOMENON);
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-step-2");

  /* The step change saved everything, without waiting for the pause. */
  findings = stored_findings (fixture.path, "SJ005", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpstr (zc_finding_get_gap (finding), ==, GAP);
  g_assert_cmpstr (zc_finding_get_measure (finding), ==, MEASURE);
  g_assert_cmpint (zc_finding_get_term_type (finding), ==, ZC_TERM_TYPE_IMMEDIATE);
  g_assert_cmpint (zc_finding_get_benchmark_id (finding), !=, 0);

  store = open_store (fixture.path);
  actor = person (store, "SJ005");
  causes = zc_store_list_causes (store, actor, zc_record_get_id (ZC_RECORD (finding)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (causes), ==, 1);
  cause = g_list_model_get_item (causes, 0);
  g_assert_cmpstr (zc_cause_get_text (cause), ==, CAUSE);
  g_assert_cmpint (zc_cause_get_dimension_id (cause), !=, 0);
  inspection_close (&fixture);
}

/* Step 5: the form as the reviewer reads it; what is missing is named; submitted with a
 * confirmation, then shown to read. */
static void
test_step_review_and_submit (void)
{
  Inspection fixture = { 0 };
  GtkWidget *root;
  GtkButton *submit;
  AdwMessageDialog *dialog = NULL;
  ZcFormState state;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(GError) error = NULL;

  inspection_open (&fixture, ZC_PHASE_INSPECTION, "SJ005", 960);
  root = GTK_WIDGET (fixture.page);

  /* Half a form: the step names what is missing and the button waits. */
  set_area_text (area_titled (root, _("Phenomenon"), 0), PHENOMENON);
  zc_inspection_page_set_step (fixture.page, ZC_STEP_REVIEW);
  zc_test_spin (STEP_MS);
  submit = find_button (root, _("Submit for Review…"));
  g_assert_nonnull (submit);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (submit)));
  /* The core's words name the problem and what it misses. */
  form = zc_store_get_form_of (fixture.store, fixture.actor,
                               zc_record_get_id (ZC_RECORD (fixture.actor)), NULL);
  g_assert_nonnull (form);
  g_assert_false (zc_store_check_form (fixture.store, fixture.actor, form, &error));
  assert_label_appears (root, error->message);
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-step-5-missing");

  fill_form (&fixture);
  zc_inspection_page_set_step (fixture.page, ZC_STEP_REVIEW);
  zc_test_spin (STEP_MS);
  assert_label_appears (root, CAUSE);
  assert_label_appears (root, MEASURE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (submit)));
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-step-5");

  click (submit);
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  zc_test_save_screenshot (GTK_WIDGET (dialog), "employee-submit-dialog");
  adw_message_dialog_response (dialog, "submit");
  gtk_window_destroy (GTK_WINDOW (dialog));
  zc_test_spin (200);

  findings = stored_findings (fixture.path, "SJ005", &state);
  g_assert_cmpint (state, ==, ZC_FORM_STATE_SUBMITTED);
  g_assert_null (find_button (root, _("Submit for Review…")));
  assert_label_appears (root, zc_enum_label (ZC_TYPE_FORM_STATE, ZC_FORM_STATE_SUBMITTED));
  inspection_close (&fixture);
}

/* Nothing typed is lost when the page goes away before the pause (a closed window, a
 * sign-out). */
static void
test_draft_survives_closing (void)
{
  Inspection fixture = { 0 };
  StoredWait wait = { NULL, "SJ005", PHENOMENON };

  inspection_open (&fixture, ZC_PHASE_INSPECTION, "SJ005", 960);
  wait.path = fixture.path;
  set_area_text (area_titled (GTK_WIDGET (fixture.page), _("Phenomenon"), 0), PHENOMENON);
  /* Closed at once: no time for the timer. */
  gtk_window_close (fixture.window);
  fixture.window = NULL;
  g_assert_true (phenomenon_stored (&wait));
  g_clear_object (&fixture.actor);
  g_clear_object (&fixture.store);
  g_free (fixture.path);
}

/* A returned form: the reviewer's comment above the steps and beside the problem it
 * concerns; it can be revised. */
static void
test_returned (void)
{
  Inspection fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) lead = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(ZcFinding) finding = NULL;
  ZcFindingEditor *editor;

  inspection_open (&fixture, ZC_PHASE_INSPECTION, "SJ005", 960);
  fill_form (&fixture);
  g_assert_true (zc_inspection_page_save (fixture.page));
  form = zc_store_get_form_of (fixture.store, fixture.actor,
                               zc_record_get_id (ZC_RECORD (fixture.actor)), &error);
  g_assert_no_error (error);
  if (!zc_store_submit_form (fixture.store, fixture.actor, form, &error))
    g_assert_no_error (error);

  lead = person (fixture.store, ZC_DEMO_LEAD);
  findings = zc_store_list_form_findings (fixture.store, lead, zc_record_get_id (ZC_RECORD (form)),
                                          &error);
  g_assert_no_error (error);
  finding = g_list_model_get_item (findings, 0);
  if (!zc_store_comment_finding (fixture.store, lead, finding, "例子要写清楚是哪一天。", &error))
    g_assert_no_error (error);
  if (!zc_store_return_form (fixture.store, lead, form, "请把事例写具体。", &error))
    g_assert_no_error (error);

  zc_inspection_page_reload (fixture.page);
  zc_inspection_page_set_step (fixture.page, ZC_STEP_PHENOMENON);
  zc_test_spin (STEP_MS);
  assert_label_appears (GTK_WIDGET (fixture.page), "请把事例写具体。");
  assert_label_appears (GTK_WIDGET (fixture.page), "例子要写清楚是哪一天。");
  editor = ZC_FINDING_EDITOR (mapped_of_type (GTK_WIDGET (fixture.page), ZC_TYPE_FINDING_EDITOR, 0));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (zc_text_area_get_text_view (area_titled (GTK_WIDGET (editor), _("Phenomenon"), 0)))));
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-returned");
  inspection_close (&fixture);
}

/* Outside the inspection phase the form is there to read, and the page says why. */
static void
test_read_only (void)
{
  Inspection fixture = { 0 };
  ZcTextArea *phenomenon;

  inspection_open (&fixture, ZC_PHASE_RECTIFICATION, ZC_DEMO_EMPLOYEE, 960);
  phenomenon = area_titled (GTK_WIDGET (fixture.page), _("Phenomenon"), 0);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (zc_text_area_get_text_view (phenomenon))));
  g_assert_null (find_content_button (GTK_WIDGET (fixture.page), _("Add Another Problem")));
  /* The banner above the steps says why (here: the form was approved). */
  g_assert_true (gtk_widget_get_mapped (find_widget_with_class (GTK_WIDGET (fixture.page),
                                                                "zc-banner")));
  zc_test_save_screenshot (GTK_WIDGET (fixture.window), "employee-read-only");
  inspection_close (&fixture);

  /* Someone who wrote nothing is told so. */
  inspection_open (&fixture, ZC_PHASE_RECTIFICATION, "SJ005", 960);
  assert_label_appears (GTK_WIDGET (fixture.page), _("No Self-Inspection Form"));
  inspection_close (&fixture);
}

/* An anonymous suggestion for a unit: the dialog explains, the core keeps no author. */
static void
test_suggest (void)
{
  g_autofree char *path = copy_demo (ZC_PHASE_INSPECTION);
  g_autoptr(ZcStore) store = open_store (path);
  g_autoptr(ZcPerson) actor = person (store, "SJ005");
  g_autoptr(ZcPerson) lead = person (store, ZC_DEMO_LEAD);
  g_autoptr(GListModel) findings = NULL;
  GtkWidget *dialog = zc_suggest_dialog_new (NULL, store, actor);
  GtkWidget *root = dialog;
  g_autoptr(GListModel) units = NULL;
  GtkSwitch *anonymous;
  gboolean found = FALSE;
  guint unit_position = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, dialog, 10000));
  assert_all_named (dialog);

  adw_combo_row_set_selected (combo_titled (root, _("About")), 1);
  zc_test_spin (50);
  /* The lead's unit, after the row that asks to choose one. */
  units = zc_store_list_units (store);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);

      if (zc_record_get_id (ZC_RECORD (unit)) == zc_person_get_unit_id (lead))
        unit_position = i + 1;
    }
  g_assert_cmpuint (unit_position, >, 0);
  adw_combo_row_set_selected (combo_titled (root, _("Unit")), unit_position);
  adw_combo_row_set_selected (combo_titled (root, _("Category")), 2);
  set_area_text (ZC_TEXT_AREA (mapped_of_type (root, ZC_TYPE_TEXT_AREA, 0)),
                 "窗口午休时间无人值守，群众只能干等。");
  anonymous = GTK_SWITCH (mapped_of_type (root, GTK_TYPE_SWITCH, 0));
  gtk_switch_set_active (anonymous, TRUE);
  zc_test_spin (50);
  assert_label_appears (root, _("Anonymous means that Zicha keeps no record of who wrote this: "
                                "not with the suggestion, not in the operation log, nowhere. "
                                "Nobody can find out later, not an inspector and not you. For "
                                "the same reason you cannot change or withdraw it once it is "
                                "sent."));
  zc_test_save_screenshot (dialog, "employee-suggest");
  click (find_button (root, _("Send")));
  zc_test_spin (200);

  findings = zc_store_list_unit_findings (store, lead, zc_person_get_unit_id (lead), NULL);
  for (guint i = 0; findings && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZcFinding) f = g_list_model_get_item (findings, i);

      if (g_strcmp0 (zc_finding_get_phenomenon (f), "窗口午休时间无人值守，群众只能干等。") == 0)
        {
          found = TRUE;
          g_assert_true (zc_finding_get_anonymous (f));
          g_assert_cmpint (zc_finding_get_author_id (f), ==, 0);
        }
    }
  g_assert_true (found);
}

static void
on_reported_cb (ZcProgressDialog *dialog,
                ZcProgress       *progress,
                gpointer          data)
{
  *(int *) data = zc_progress_get_percent (progress);
}

/* Progress on my item: percentage and text; the history grows. */
static void
test_progress (void)
{
  g_autofree char *path = copy_demo (ZC_PHASE_RECTIFICATION);
  g_autoptr(ZcStore) store = open_store (path);
  g_autoptr(ZcPerson) actor = person (store, ZC_DEMO_EMPLOYEE);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(ZcItem) item = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;
  GtkWidget *dialog;
  GtkSpinButton *spin_button;
  int reported = -1;

  query.person_id = zc_record_get_id (ZC_RECORD (actor));
  query.state = ZC_ITEM_STATE_IN_PROGRESS;
  items = zc_store_list_items (store, actor, &query, NULL);
  g_assert_nonnull (items);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  item = g_list_model_get_item (items, 0);
  before = zc_store_list_progress (store, actor, zc_record_get_id (ZC_RECORD (item)), NULL);

  dialog = zc_progress_dialog_new (NULL, store, actor, item);
  g_signal_connect (dialog, "reported", G_CALLBACK (on_reported_cb), &reported);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (zc_test_wait_until (zc_test_is_mapped, dialog, 10000));
  assert_all_named (dialog);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (dialog, _("Report")))));

  spin_button = GTK_SPIN_BUTTON (mapped_of_type (dialog, GTK_TYPE_SPIN_BUTTON, 0));
  gtk_spin_button_set_value (spin_button, 85);
  set_area_text (ZC_TEXT_AREA (mapped_of_type (dialog, ZC_TYPE_TEXT_AREA, 0)),
                 "书面缺件清单已在三个窗口试用。");
  zc_test_save_screenshot (dialog, "employee-progress");
  click (find_button (dialog, _("Report")));
  zc_test_spin (200);
  g_assert_cmpint (reported, ==, 85);

  after = zc_store_list_progress (store, actor, zc_record_get_id (ZC_RECORD (item)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);
}

/* At 360 pixels every page still fits: the window folds its sidebar, the steps show their
 * numbers only. */
static void
test_narrow (void)
{
  g_autofree char *path = copy_demo (ZC_PHASE_INSPECTION);
  ZcWindow *window = open_window (path, 360, 720);
  g_autoptr(ZcStore) store = open_store (path);
  g_autoptr(ZcPerson) actor = person (zc_window_get_store (window), "SJ005");
  ZcInspectionPage *page;

  zc_test_save_screenshot (GTK_WIDGET (window), "employee-sign-in-narrow");
  g_assert_cmpint (minimum_width (GTK_WIDGET (window)), <=, 360);
  zc_window_set_actor (window, actor);
  zc_test_spin (200);
  zc_test_save_screenshot (GTK_WIDGET (window), "employee-home-narrow");
  g_assert_cmpint (minimum_width (GTK_WIDGET (window)), <=, 360);
  zc_window_show_page (window, "my-form");
  zc_test_spin (200);
  page = ZC_INSPECTION_PAGE (zc_window_get_page (window, "my-form"));
  for (ZcStep step = 0; step < ZC_N_STEPS; step++)
    {
      g_autofree char *name = g_strdup_printf ("employee-step-%d-narrow", step + 1);

      zc_inspection_page_set_step (page, step);
      zc_test_spin (STEP_MS);
      g_assert_cmpint (minimum_width (GTK_WIDGET (window)), <=, 360);
      zc_test_save_screenshot (GTK_WIDGET (window), name);
    }
  assert_all_named (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_spin (20);
}

static void
test_no_display (void)
{
  g_test_skip ("no display");
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

  scratch_dir = g_dir_make_tmp ("zicha-employee-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (scratch_dir, "data", NULL);
  config_home = g_build_filename (scratch_dir, "config", NULL);
  cache_home = g_build_filename (scratch_dir, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("ZICHA_TODAY", TODAY, TRUE);

  g_test_init (&argc, &argv, NULL);

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    g_test_add_func ("/employee/no-display", test_no_display);
  else
    {
      adw_init ();
      app = zc_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
      /* ZICHA_TEST_DARK=1: the screenshots in the dark style (after the application bound
       * the style to its settings at startup). */
      if (g_getenv ("ZICHA_TEST_DARK") != NULL)
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            ADW_COLOR_SCHEME_FORCE_DARK);

      /* The demo campaign once; every test works on a copy. */
      {
        g_autoptr(ZcStore) store = NULL;

        demo_path = g_build_filename (scratch_dir, "demo.db", NULL);
        store = zc_store_open (demo_path, &error);
        g_assert_no_error (error);
        if (!zc_demo_generate (store, ZC_DEMO_BUREAU, 1, NULL, NULL, &error))
          g_assert_no_error (error);
      }

      g_test_add_func ("/employee/sign-in", test_sign_in);
      g_test_add_func ("/employee/people-limit", test_people_limit);
      g_test_add_func ("/employee/home", test_home);
      g_test_add_func ("/employee/step-phenomenon", test_step_phenomenon);
      g_test_add_func ("/employee/steps-gap-cause-measure", test_steps_gap_cause_measure);
      g_test_add_func ("/employee/step-review-and-submit", test_step_review_and_submit);
      g_test_add_func ("/employee/draft-survives-closing", test_draft_survives_closing);
      g_test_add_func ("/employee/returned", test_returned);
      g_test_add_func ("/employee/read-only", test_read_only);
      g_test_add_func ("/employee/suggest", test_suggest);
      g_test_add_func ("/employee/progress", test_progress);
      g_test_add_func ("/employee/narrow", test_narrow);
    }

  status = g_test_run ();

  g_clear_object (&app);
  zc_test_remove_tree (scratch_dir);
  g_free (scratch_dir);
  g_free (demo_path);
  return status;
}
