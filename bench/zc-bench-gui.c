/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-bench"

/*
 * The window as a person meets it, for bench/run (under Xvfb):
 *
 *   zc-bench-gui probe     DB STAFF PAGE     "available" or "unavailable: REASON"
 *   zc-bench-gui dashboard DB STAFF          the inspector's dashboard drawn with its figures
 *   zc-bench-gui rss       DB STAFF [LEAD]   the dashboard, then the ledger, both drawn (when
 *                                            STAFF has no ledger page, LEAD signs in on the
 *                                            same window after the dashboard, and the ledger
 *                                            is LEAD's, as on a computer people share)
 *   zc-bench-gui filter    DB STAFF TEXT…    the ledger page, then each TEXT typed into its
 *                                            search
 *
 * The program opens DB as `zicha DB` does and signs STAFF in with zc_window_set_actor(),
 * the call the sign-in page makes once the passphrase is checked (the passphrase check is
 * not what is measured). It finds the pages by their classes (ZcDashboardPage, a class
 * whose name ends in "LedgerPage"), so that it measures whatever the window has and says
 * what is missing. "filter" shows the lead's ledger page (zc_ledger_page_new(), looked up
 * at run time) alone in a window of the same size, so that what is timed is the page. A
 * page is "drawn" at the first frame painted after it is mapped and done loading
 * (zc_*_page_is_loading() or zc_*_page_get_loading() where the page has one, otherwise no
 * spinner of the page spinning). A text typed is "drawn" at the first frame painted after
 * the page's rows (zc_*_page_get_rows(), or its view's model) changed and the page is done
 * loading again: a page that filters in steps is timed to its last step. Lines on standard
 * output, read by zc-bench-launch or bench/run:
 *
 *   drawn MICROSECONDS     CLOCK_MONOTONIC when the dashboard had drawn
 *   ledger MICROSECONDS    the same for the ledger (rss)
 *   rows N                 the ledger's rows
 *   filter_ms MS           one line per TEXT: typed to filtered view drawn
 *   done                   everything asked for was drawn
 *
 * Exit status 4 (and "unavailable: REASON" on standard output) when the window has no such
 * page yet.
 */

#include <adwaita.h>
#include <dlfcn.h>
#include <stdio.h>
#include <time.h>

#include "zc-application.h"
#include "zc-window.h"

typedef gboolean (*IsLoadingFunc) (gpointer page);
typedef GtkWidget *(*PageNewFunc) (ZcStore *store, ZcPerson *actor);

typedef enum
{
  STEP_DASHBOARD,
  STEP_LEDGER,
  STEP_FILTER,
  STEP_DONE,
} Step;

typedef struct
{
  const char    *mode;
  const char    *db;
  const char    *staff;
  const char    *probe_page;
  const char    *lead;          /* rss: who opens the ledger when STAFF has none */
  gboolean       no_ledger;     /* rss: the person has no ledger page */
  char         **filters;
  guint          n_filters;

  GApplication  *app;
  ZcWindow      *window;
  GtkWidget     *toplevel;      /* whose frames are waited for */
  GMainLoop     *loop;          /* filter: no application */
  Step           step;
  GtkWidget     *page;          /* the page being waited for */
  GListModel    *rows;          /* the ledger's list model */
  guint          filter_index;
  gboolean       clearing;      /* between two filters: back to every row */
  gint64         typed_at;
  gboolean       changed;       /* the rows changed since the text was typed */
  guint          tick_id;
  gulong         paint_id;
  guint          timeout_id;
  int            status;
} Bench;

static void next_step (Bench *b);

/* ZC_BENCH_TRACE=1: the steps and the end of each phase of every frame, on standard error:
 * milliseconds since main(), CLOCK_MONOTONIC in seconds (to line up with `perf record -k
 * CLOCK_MONOTONIC`), and the main thread's processor time in milliseconds (the rest of the
 * wall-clock time it waited). */
static gint64 trace_start;
static gboolean trace_on;

static void
trace (const char *format,
       ...) G_GNUC_PRINTF (1, 2);

static void
trace (const char *format,
       ...)
{
  va_list args;
  g_autofree char *msg = NULL;
  struct timespec cpu;
  gint64 now = g_get_monotonic_time ();

  if (!trace_on)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  fprintf (stderr, "trace %7.1f %s (%.6f) cpu %.1f\n", (now - trace_start) / 1000.0, msg,
           now / 1e6, cpu.tv_sec * 1e3 + cpu.tv_nsec / 1e6);
}

static void
on_phase_cb (GdkFrameClock *clock,
             gpointer       phase)
{
  trace ("frame %s", (const char *) phase);
}

static void
trace_frames (GtkWidget *toplevel)
{
  static const char * const phases[] = {
    "flush-events", "before-paint", "update", "layout", "paint", "after-paint",
  };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (toplevel);

  if (!trace_on || clock == NULL || g_object_get_data (G_OBJECT (clock), "zc-traced"))
    return;
  g_object_set_data (G_OBJECT (clock), "zc-traced", GINT_TO_POINTER (1));
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_signal_connect (clock, phases[i], G_CALLBACK (on_phase_cb), (gpointer) phases[i]);
}

static void
finish (Bench      *b,
        int         status,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static void
finish (Bench      *b,
        int         status,
        const char *format,
        ...)
{
  if (format)
    {
      va_list args;
      g_autofree char *msg = NULL;

      va_start (args, format);
      msg = g_strdup_vprintf (format, args);
      va_end (args);
      printf ("%s\n", msg);
    }
  fflush (stdout);
  b->status = status;
  b->step = STEP_DONE;
  if (b->loop)
    g_main_loop_quit (b->loop);
  else
    g_application_quit (b->app);
}

/* ---- finding things in the window ------------------------------------------------------- */

static gboolean
type_matches (GtkWidget  *widget,
              const char *name)
{
  const char *type_name = G_OBJECT_TYPE_NAME (widget);

  if (g_str_has_prefix (name, "*"))
    return g_str_has_suffix (type_name, name + 1);
  return g_str_equal (type_name, name);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             const char *type_name)
{
  if (type_matches (root, type_name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type_name);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The stack page whose content holds a widget of @type_name; its name in @name. */
static GtkWidget *
find_page (Bench       *b,
           const char  *type_name,
           const char **name)
{
  AdwViewStack *stack = zc_window_get_stack (b->window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  /* First among the pages made; then the window makes those it makes when first shown. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
      {
        g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
        const char *page_name = adw_view_stack_page_get_name (page);
        GtkWidget *found;

        if (pass == 1 && page_name != NULL)
          zc_window_get_page (b->window, page_name);
        found = find_widget (adw_view_stack_page_get_child (page), type_name);
        if (found)
          {
            *name = page_name;
            return found;
          }
      }
  return NULL;
}

static gboolean
spinner_spinning (GtkWidget *root)
{
  if (GTK_IS_SPINNER (root) && gtk_widget_get_mapped (root) &&
      gtk_spinner_get_spinning (GTK_SPINNER (root)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    if (spinner_spinning (child))
      return TRUE;
  return FALSE;
}

/* zc_dashboard_page_is_loading(), zc_ledger_page_get_loading() and the like, looked up at
 * run time: a page that does not exist yet must not keep the benchmarks from building. */
static gboolean
page_is_loading (GtkWidget *page)
{
  static const char * const suffixes[] = { "_is_loading", "_get_loading" };
  g_autoptr(GString) prefix = g_string_new (NULL);

  /* ZcDashboardPage → zc_dashboard_page */
  for (const char *p = G_OBJECT_TYPE_NAME (page); *p; p++)
    {
      if (g_ascii_isupper (*p) && prefix->len > 0)
        g_string_append_c (prefix, '_');
      g_string_append_c (prefix, g_ascii_tolower (*p));
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *symbol = g_strconcat (prefix->str, suffixes[i], NULL);
      IsLoadingFunc func = (IsLoadingFunc) dlsym (RTLD_DEFAULT, symbol);

      if (func)
        return func (page);
    }
  return spinner_spinning (page);
}

typedef GListModel *(*GetRowsFunc) (gpointer page);

/* The rows a page shows: zc_*_page_get_rows() where the page has it (the table's own model
 * may keep its rows when they change), otherwise the model of its column or list view. */
static GListModel *
list_model_of (GtkWidget *page)
{
  g_autoptr(GString) symbol = g_string_new (NULL);
  GetRowsFunc get_rows;
  GtkWidget *view;

  for (const char *p = G_OBJECT_TYPE_NAME (page); *p; p++)
    {
      if (g_ascii_isupper (*p) && symbol->len > 0)
        g_string_append_c (symbol, '_');
      g_string_append_c (symbol, g_ascii_tolower (*p));
    }
  g_string_append (symbol, "_get_rows");
  if ((get_rows = (GetRowsFunc) dlsym (RTLD_DEFAULT, symbol->str)) != NULL)
    return get_rows (page);

  if ((view = find_of_type (page, GTK_TYPE_COLUMN_VIEW)) != NULL)
    return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  if ((view = find_of_type (page, GTK_TYPE_LIST_VIEW)) != NULL)
    return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  return NULL;
}

/* ---- waiting for frames ------------------------------------------------------------------- */

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *b)
{
  gint64 now = g_get_monotonic_time ();

  trace ("awaited frame drawn");
  g_clear_signal_handler (&b->paint_id, clock);
  switch (b->step)
    {
    case STEP_DASHBOARD:
      printf ("drawn %" G_GINT64_FORMAT "\n", now);
      fflush (stdout);
      break;
    case STEP_LEDGER:
      printf ("ledger %" G_GINT64_FORMAT "\nrows %u\n", now,
              b->rows ? g_list_model_get_n_items (b->rows) : 0);
      fflush (stdout);
      break;
    case STEP_FILTER:
      if (!b->clearing)
        {
          printf ("filter_ms %.1f\nfilter_rows %u\n", (now - b->typed_at) / 1000.0,
                  g_list_model_get_n_items (b->rows));
          fflush (stdout);
          b->filter_index++;
        }
      b->clearing = !b->clearing;
      break;
    case STEP_DONE:
    default:
      return;
    }
  next_step (b);
}

static void
paint_next_frame (Bench *b)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (b->toplevel);

  b->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), b);
  gtk_widget_queue_draw (b->toplevel);
}

static void on_items_changed_cb (GListModel *model, guint position, guint removed,
                                 guint added, Bench *b);

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  Bench *b = user_data;

  if (b->step == STEP_DONE || b->paint_id != 0)
    return G_SOURCE_CONTINUE;
  if (b->step == STEP_FILTER)
    {
      GListModel *rows = list_model_of (b->page);

      /* A page may filter by giving its view a new model rather than changing the old. */
      if (rows != NULL && rows != b->rows)
        {
          g_signal_handlers_disconnect_by_data (b->rows, b);
          b->rows = rows;
          g_signal_connect (b->rows, "items-changed", G_CALLBACK (on_items_changed_cb), b);
          b->changed = TRUE;
        }
      /* The rows changed, and the page is done choosing them: the frame that follows shows
       * them. */
      if (b->changed && !page_is_loading (b->page))
        paint_next_frame (b);
      return G_SOURCE_CONTINUE;
    }
  if (!gtk_widget_get_mapped (b->page) || page_is_loading (b->page))
    {
      g_debug ("waiting: %s mapped %d", G_OBJECT_TYPE_NAME (b->page),
               gtk_widget_get_mapped (b->page));
      return G_SOURCE_CONTINUE;
    }
  if (b->step == STEP_LEDGER)
    {
      b->rows = list_model_of (b->page);
      if (b->rows == NULL || g_list_model_get_n_items (b->rows) == 0)
        return G_SOURCE_CONTINUE;
    }
  paint_next_frame (b);
  return G_SOURCE_CONTINUE;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Bench      *b)
{
  if (b->step == STEP_FILTER)
    b->changed = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  Bench *b = user_data;

  b->timeout_id = 0;
  finish (b, 3, "timeout waiting for step %d", b->step);
  return G_SOURCE_REMOVE;
}

/* ---- the steps ---------------------------------------------------------------------------- */

static gboolean
show_page (Bench      *b,
           const char *type_name,
           const char *what)
{
  const char *name = NULL;

  b->page = find_page (b, type_name, &name);
  if (b->page == NULL)
    {
      finish (b, 4, "unavailable: the window has no %s (no %s among %s’s pages)", what,
              type_name, b->staff);
      return FALSE;
    }
  zc_window_show_page (b->window, name);
  return TRUE;
}

static void
type_filter (Bench *b)
{
  GtkWidget *entry = find_of_type (b->page, GTK_TYPE_SEARCH_ENTRY);

  if (entry == NULL)
    entry = find_of_type (b->page, GTK_TYPE_EDITABLE);
  if (entry == NULL)
    {
      finish (b, 4, "unavailable: the ledger page has no search entry");
      return;
    }
  b->changed = FALSE;
  b->typed_at = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), b->clearing ? "" : b->filters[b->filter_index]);
}

static void
next_step (Bench *b)
{
  if (b->timeout_id)
    g_source_remove (b->timeout_id);
  b->timeout_id = g_timeout_add_seconds (b->step == STEP_FILTER ? 10 : 60, on_timeout_cb, b);

  switch (b->step)
    {
    case STEP_DASHBOARD:
      if (g_str_equal (b->mode, "dashboard"))
        {
          finish (b, 0, "done");
          return;
        }
      if (b->no_ledger && b->lead == NULL)
        {
          /* The inspector has no ledger page: the dashboard is all there is to measure. */
          finish (b, 0, "done");
          return;
        }
      if (b->no_ledger)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ZcPerson) lead = zc_store_get_person_by_code (zc_window_get_store (b->window),
                                                                  b->lead, &error);

          if (lead == NULL)
            {
              finish (b, 1, "error: %s", error->message);
              return;
            }
          g_debug ("signing in %s", b->lead);
          zc_window_set_actor (b->window, lead);
        }
      b->step = STEP_LEDGER;
      show_page (b, "*LedgerPage", "ledger page");
      return;
    case STEP_LEDGER:
      if (g_str_equal (b->mode, "rss"))
        {
          finish (b, 0, "done");
          return;
        }
      b->step = STEP_FILTER;
      g_signal_connect (b->rows, "items-changed", G_CALLBACK (on_items_changed_cb), b);
      type_filter (b);
      return;
    case STEP_FILTER:
      if (b->filter_index >= b->n_filters)
        {
          finish (b, 0, "done");
          return;
        }
      type_filter (b);
      return;
    case STEP_DONE:
    default:
      return;
    }
}

static gboolean
start_cb (gpointer user_data)
{
  Bench *b = user_data;
  ZcStore *store = zc_window_get_store (b->window);
  g_autoptr(ZcPerson) actor = NULL;
  g_autoptr(GError) error = NULL;

  trace ("start: store %s, window realized %d", store ? "open" : "not open yet",
         gtk_widget_get_realized (GTK_WIDGET (b->window)));
  trace_frames (GTK_WIDGET (b->window));
  /* The window may still be opening the file. */
  if (store == NULL)
    return G_SOURCE_CONTINUE;
  actor = zc_store_get_person_by_code (store, b->staff, &error);
  if (actor == NULL)
    {
      finish (b, 1, "error: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  g_debug ("signing in %s", b->staff);
  trace ("signing in");
  zc_window_set_actor (b->window, actor);
  trace ("signed in");

  if (g_str_equal (b->mode, "probe"))
    {
      const char *name;

      if (find_page (b, b->probe_page, &name))
        finish (b, 0, "available");
      else
        finish (b, 4, "unavailable: no %s among %s’s pages", b->probe_page, b->staff);
      return G_SOURCE_REMOVE;
    }

  if (g_str_equal (b->mode, "rss"))
    {
      const char *name;

      if (find_page (b, "*LedgerPage", &name) == NULL)
        {
          printf ("no_ledger_page 1\n");
          b->no_ledger = TRUE;
        }
    }
  b->toplevel = GTK_WIDGET (b->window);
  b->tick_id = gtk_widget_add_tick_callback (b->toplevel, on_tick_cb, b, NULL);
  b->timeout_id = g_timeout_add_seconds (60, on_timeout_cb, b);
  b->step = STEP_DASHBOARD;
  show_page (b, "ZcDashboardPage", "dashboard");
  return G_SOURCE_REMOVE;
}

static void
on_open_cb (GApplication  *app,
            GFile        **files,
            int            n_files,
            const char    *hint,
            Bench         *b)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!ZC_IS_WINDOW (window))
    {
      finish (b, 1, "error: no window");
      return;
    }
  b->window = ZC_WINDOW (window);
  g_debug ("opened %s", b->db);
  trace ("opened; window realized %d", gtk_widget_get_realized (GTK_WIDGET (window)));
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    trace_frames (GTK_WIDGET (window));
  g_timeout_add (10, start_cb, b);
}

/* The ledger page alone in a window as large as the application's. */
static int
run_filter (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcPerson) actor = NULL;
  PageNewFunc page_new = (PageNewFunc) dlsym (RTLD_DEFAULT, "zc_ledger_page_new");
  GtkWidget *window;

  if (page_new == NULL)
    {
      printf ("unavailable: no zc_ledger_page_new() in the window's library\n");
      return 4;
    }
  gtk_init ();
  adw_init ();
  if ((store = zc_store_open (b->db, &error)) == NULL ||
      (actor = zc_store_get_person_by_code (store, b->staff, &error)) == NULL)
    {
      printf ("error: %s\n", error->message);
      return 1;
    }
  b->loop = g_main_loop_new (NULL, FALSE);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  b->page = page_new (store, actor);
  gtk_window_set_child (GTK_WINDOW (window), b->page);
  gtk_window_present (GTK_WINDOW (window));

  b->toplevel = window;
  b->step = STEP_LEDGER;
  b->tick_id = gtk_widget_add_tick_callback (window, on_tick_cb, b, NULL);
  b->timeout_id = g_timeout_add_seconds (60, on_timeout_cb, b);
  g_main_loop_run (b->loop);
  gtk_window_destroy (GTK_WINDOW (window));
  g_main_loop_unref (b->loop);
  return b->status;
}

int
main (int    argc,
      char **argv)
{
  Bench b = { 0, };
  g_autoptr(GApplication) app = NULL;
  char *app_argv[3];

  if (argc < 4 || (!g_str_equal (argv[1], "probe") && !g_str_equal (argv[1], "dashboard") &&
                   !g_str_equal (argv[1], "rss") && !g_str_equal (argv[1], "filter")) ||
      (g_str_equal (argv[1], "probe") && argc < 5) ||
      (g_str_equal (argv[1], "filter") && argc < 5))
    {
      g_printerr ("Usage: zc-bench-gui probe|dashboard|rss|filter DB STAFF [PAGE|LEAD|TEXT…]\n");
      return 2;
    }
  trace_start = g_get_monotonic_time ();
  trace_on = g_strcmp0 (g_getenv ("ZC_BENCH_TRACE"), "1") == 0;
  b.mode = argv[1];
  b.db = argv[2];
  b.staff = argv[3];
  if (g_str_equal (b.mode, "probe"))
    b.probe_page = argv[4];
  else if (g_str_equal (b.mode, "rss") && argc > 4)
    b.lead = argv[4];
  else if (g_str_equal (b.mode, "filter"))
    {
      b.filters = argv + 4;
      b.n_filters = argc - 4;
      return run_filter (&b);
    }

  app = G_APPLICATION (zc_application_new ());
  b.app = app;
  g_signal_connect_after (app, "open", G_CALLBACK (on_open_cb), &b);

  app_argv[0] = argv[0];
  app_argv[1] = (char *) b.db;
  app_argv[2] = NULL;
  g_application_run (app, 2, app_argv);
  return b.status;
}
