/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "zc-inspector-common.h"
#include "zc-window.h"

typedef struct
{
  char                *path;
  char                *today;
  gint64               actor_id;
  ZcInspectorLoadFunc  func;
  gpointer             data;
  GDestroyNotify       data_free;
  GDestroyNotify       result_free;
} LoadJob;

static void
load_job_free (gpointer p)
{
  LoadJob *job = p;

  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job->path);
  g_free (job->today);
  g_free (job);
}

/* A prefetch counts while the window starts: at the lowest priority, so that the window's
 * thread and the X server, which it waits for at each round trip, get a processor the
 * moment they want one (on two processors the count otherwise took one from them and made
 * the first frame about 50 ms later). Linux sets a thread's priority by its id. The thread
 * is its own, not the pool's: without privileges a thread cannot take its priority back,
 * and the pool's next job must not run at the lowest. */
static void
lower_priority (void)
{
#ifdef __linux__
  setpriority (PRIO_PROCESS, syscall (SYS_gettid), 19);
#endif
}

static void
load_job_run (GTask        *task,
              LoadJob      *job,
              GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (job->path, &error);
  g_autoptr(ZcPerson) actor = NULL;
  gpointer result;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  zc_store_set_today (store, job->today);
  if (job->actor_id != 0 &&
      (actor = zc_store_get_person (store, job->actor_id, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = job->func (store, actor, job->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  load_job_run (task, task_data, cancellable);
}

static gpointer
background_thread (gpointer data)
{
  g_autoptr(GTask) task = data;

  lower_priority ();
  load_job_run (task, g_task_get_task_data (task), g_task_get_cancellable (task));
  return NULL;
}

static void
load_file_async (gboolean             background,
                 const char          *path,
                 const char          *today,
                 gint64               actor_id,
                 ZcInspectorLoadFunc  func,
                 gpointer             data,
                 GDestroyNotify       data_free,
                 GDestroyNotify       result_free,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadJob *job = g_new0 (LoadJob, 1);

  job->path = g_strdup (path);
  job->today = g_strdup (today);
  job->actor_id = actor_id;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_source_tag (task, zc_inspector_load_async);
  g_task_set_task_data (task, job, load_job_free);
  /* A cancelled load still finishes its query; its result is dropped. */
  g_task_set_return_on_cancel (task, FALSE);
  if (background)
    g_thread_unref (g_thread_new ("zc-prefetch", background_thread, g_object_ref (task)));
  else
    g_task_run_in_thread (task, load_thread);
}

void
zc_inspector_load_async (ZcStore             *store,
                         ZcPerson            *actor,
                         ZcInspectorLoadFunc  func,
                         gpointer             data,
                         GDestroyNotify       data_free,
                         GDestroyNotify       result_free,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *today = zc_store_today (store);

  load_file_async (FALSE, zc_store_get_path (store), today,
                   actor ? zc_record_get_id (ZC_RECORD (actor)) : 0, func, data, data_free,
                   result_free, cancellable, callback, user_data);
}

void
zc_inspector_prefetch_file_async (const char          *path,
                                  const char          *today,
                                  ZcInspectorLoadFunc  func,
                                  gpointer             data,
                                  GDestroyNotify       data_free,
                                  GDestroyNotify       result_free,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  load_file_async (TRUE, path, today, 0, func, data, data_free, result_free, NULL, callback,
                   user_data);
}

gpointer
zc_inspector_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
zc_inspector_toast (GtkWidget  *widget,
                    const char *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, ZC_TYPE_WINDOW);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (window == NULL)
    {
      g_debug ("toast: %s", message);
      return;
    }
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  zc_window_add_toast (ZC_WINDOW (window), toast);
}

void
zc_inspector_toast_error (GtkWidget    *widget,
                          const char   *what,
                          const GError *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, ZC_TYPE_WINDOW);
  /* Translators: what failed, then why; both are sentences */
  g_autofree char *message = g_strdup_printf (_("%s %s"), what, error->message);

  if (window == NULL)
    g_debug ("error: %s", message);
  else
    zc_window_show_message (ZC_WINDOW (window), message);
}

typedef struct
{
  ZcConfirmFunc  func;
  gpointer       data;
  GDestroyNotify data_free;
} Confirm;

static void
confirm_free (gpointer p)
{
  Confirm *c = p;

  if (c->data_free != NULL)
    c->data_free (c->data);
  g_free (c);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Confirm          *c)
{
  if (g_strcmp0 (response, "confirm") == 0)
    c->func (c->data);
}

AdwMessageDialog *
zc_inspector_confirm (GtkWidget      *widget,
                      const char     *heading,
                      const char     *body,
                      const char     *confirm_label,
                      gboolean        destructive,
                      GtkWidget      *extra,
                      ZcConfirmFunc   on_confirm,
                      gpointer        data,
                      GDestroyNotify  data_free)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  Confirm *c = g_new0 (Confirm, 1);

  c->func = on_confirm;
  c->data = data;
  c->data_free = data_free;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, destructive ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (extra != NULL)
    adw_message_dialog_set_extra_child (dialog, extra);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response_cb), c,
                         (GClosureNotify) (void (*) (void)) confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_visible_child_cb (GtkStack *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                 -1);
}

void
zc_inspector_hide_stack_pages (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (on_visible_child_cb), NULL);
  on_visible_child_cb (stack);
}

void
zc_inspector_stack_show (GtkStack   *stack,
                         const char *name)
{
  GtkStackTransitionType transition;

  g_return_if_fail (GTK_IS_STACK (stack));

  if (gtk_widget_get_mapped (GTK_WIDGET (stack)) &&
      gtk_widget_get_frame_clock (GTK_WIDGET (stack)) != NULL)
    {
      gtk_stack_set_visible_child_name (stack, name);
      return;
    }
  transition = gtk_stack_get_transition_type (stack);
  gtk_stack_set_transition_type (stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_visible_child_name (stack, name);
  gtk_stack_set_transition_type (stack, transition);
}

char *
zc_inspector_days (int days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

char *
zc_inspector_item_number (ZcItem *item)
{
  /* Translators: the number of a rectification item in its unit's ledger */
  return g_strdup_printf (_("No. %d"), zc_item_get_number (item));
}

char *
zc_inspector_percent (double share)
{
  double percent = 100.0 * share;

  if (percent > 0 && percent < 10)
    /* Translators: a percentage with one decimal, e.g. "4.5%" */
    return g_strdup_printf (_("%.1f%%"), percent);
  /* Translators: a whole percentage, e.g. "87%" */
  return g_strdup_printf (_("%.0f%%"), percent);
}

char *
zc_inspector_text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}
