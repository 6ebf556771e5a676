/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "zc-closeout-page.h"
#include "zc-format.h"
#include "zc-inspector-common.h"
#include "zc-light-badge.h"
#include "zc-record-list.h"

struct _ZcCloseoutPage
{
  GtkWidget          parent_instance;

  /* template children */
  AdwLeaflet        *leaflet;
  GtkToggleButton   *awaiting_button;
  GtkToggleButton   *closed_button;
  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkSpinner        *spinner;
  ZcRecordList      *queue_list;
  GtkWidget         *item_pane;
  GtkWidget         *item_bar;
  GtkStack          *item_stack;
  GtkScrolledWindow *item_scroller;
  GtkLabel          *item_unit_label;
  GtkLabel          *item_title;
  GtkBox            *badge_box;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *progress_group;
  AdwPreferencesGroup *verify_group;
  GtkTextView       *note_view;
  AdwPreferencesGroup *evaluation_group;
  AdwComboRow       *satisfaction_row;
  AdwEntryRow       *evaluation_note_row;

  ZcStore           *store;
  ZcPerson          *actor;
  ZcItem            *item;          /* the item shown */
  GListStore        *queue;
  GPtrArray         *rows;          /* the rows added to the groups, to remove them again */
  GCancellable      *cancellable;
  gint64             want_item_id;  /* to show once the queue is read */
};

G_DEFINE_FINAL_TYPE (ZcCloseoutPage, zc_closeout_page, GTK_TYPE_WIDGET)

typedef struct
{
  ZcItemState  state;
  char        *text;
} QueueQuery;

/* ---- helpers ------------------------------------------------------------------------------ */

static void
queue_query_free (gpointer p)
{
  QueueQuery *q = p;

  g_free (q->text);
  g_free (q);
}

static gpointer
load_queue (ZcStore       *store,
            ZcPerson      *actor,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  QueueQuery *qq = data;
  ZcItemQuery q = ZC_ITEM_QUERY_INIT;

  q.state = qq->state;
  q.text = qq->text;
  /* Awaiting: the earliest deadline first; closed: the latest first. */
  q.sort = "deadline";
  q.descending = qq->state == ZC_ITEM_STATE_CLOSED;
  return zc_store_list_items (store, actor, &q, error);
}

static gboolean
showing_closed (ZcCloseoutPage *self)
{
  return gtk_toggle_button_get_active (self->closed_button);
}

static void
update_count (ZcCloseoutPage *self)
{
  guint n = self->queue ? g_list_model_get_n_items (G_LIST_MODEL (self->queue)) : 0;
  g_autofree char *text = NULL;

  if (showing_closed (self))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item closed out",
                                         "%u items closed out", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item awaits close-out",
                                         "%u items await close-out", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
update_actions (ZcCloseoutPage *self)
{
  gboolean awaiting = self->item != NULL &&
                      zc_item_get_state (self->item) == ZC_ITEM_STATE_AWAITING_CLOSEOUT;
  g_autofree char *note = zc_inspector_text_view_get (self->note_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "closeout.close-out", awaiting && note != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "closeout.reject", awaiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "closeout.evaluate",
                                 self->item != NULL &&
                                 zc_item_get_state (self->item) == ZC_ITEM_STATE_CLOSED);
}

static void
clear_rows (ZcCloseoutPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (ZcCloseoutPage      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_fact (ZcCloseoutPage *self,
          const char     *title,
          const char     *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  add_row (self, self->facts_group, row);
}

/* Writes the evidence to the cache folder and opens it with the desktop's application. */
static void
open_evidence (ZcCloseoutPage *self,
               ZcEvidence     *evidence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;

  data = zc_store_get_evidence_data (self->store, self->actor,
                                     zc_record_get_id (ZC_RECORD (evidence)), &error);
  if (data == NULL)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The evidence could not be read."), error);
      return;
    }
  /* A folder per file (its hash), so that the file keeps the name it was given. */
  folder = g_build_filename (g_get_user_cache_dir (), "zicha", "evidence",
                             zc_evidence_get_sha256 (evidence), NULL);
  base = g_path_get_basename (zc_evidence_get_filename (evidence));
  path = g_build_filename (folder, base, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_strerror (errno));
      zc_inspector_toast_error (GTK_WIDGET (self), _("The evidence could not be saved."), error);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  if (!g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
    {
      g_autofree char *shown = zc_format_path (path);
      /* Translators: %s is where the evidence file was saved */
      g_autofree char *where = g_strdup_printf (_("No application opens it; it is saved as %s."),
                                                shown);

      zc_inspector_toast (GTK_WIDGET (self), where);
      return;
    }
}

static void
on_evidence_activated_cb (AdwActionRow   *row,
                          ZcCloseoutPage *self)
{
  open_evidence (self, g_object_get_data (G_OBJECT (row), "zc-evidence"));
}

static char *
format_size (gint64 size)
{
  return g_format_size ((guint64) MAX (0, size));
}

static void
fill_progress (ZcCloseoutPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) reports = zc_store_list_progress (self->store, self->actor,
                                                          zc_record_get_id (ZC_RECORD (self->item)),
                                                          &error);
  guint n = reports ? g_list_model_get_n_items (reports) : 0;

  if (reports == NULL)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The progress reports could not be read."),
                                error);
      return;
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No progress reported"));
      add_row (self, self->progress_group, row);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcProgress) report = g_list_model_get_item (reports, i);
      g_autoptr(GListModel) evidence = NULL;
      g_autofree char *date = zc_format_date (zc_progress_get_date (report));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *percent;
      g_autofree char *percent_text = g_strdup_printf ("%d%%", zc_progress_get_percent (report));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     zc_progress_get_text (report) ? zc_progress_get_text (report)
                                                                   : _("No text"));
      /* Translators: a progress report's date and author, e.g. "10 May 2026 · 张三" */
      subtitle = g_strdup_printf (_("%s · %s"), date ? date : "",
                                  zc_progress_get_author_name (report)
                                  ? zc_progress_get_author_name (report) : _("Unknown"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      percent = gtk_label_new (percent_text);
      gtk_widget_add_css_class (percent, "numeric");
      gtk_widget_add_css_class (percent, "zc-state");
      gtk_widget_set_valign (percent, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), percent);
      add_row (self, self->progress_group, row);

      if (zc_progress_get_evidence_count (report) == 0)
        continue;
      evidence = zc_store_list_evidence (self->store, self->actor,
                                         zc_record_get_id (ZC_RECORD (report)), NULL);
      for (guint j = 0; evidence && j < g_list_model_get_n_items (evidence); j++)
        {
          g_autoptr(ZcEvidence) file = g_list_model_get_item (evidence, j);
          g_autofree char *size = format_size (zc_evidence_get_size (file));
          g_autofree char *accessible = NULL;
          GtkWidget *file_row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("mail-attachment-symbolic");
          GtkWidget *open = gtk_image_new_from_icon_name ("document-open-symbolic");

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (file_row),
                                         zc_evidence_get_filename (file));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (file_row), size);
          adw_action_row_add_prefix (ADW_ACTION_ROW (file_row), icon);
          adw_action_row_add_suffix (ADW_ACTION_ROW (file_row), open);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (file_row), TRUE);
          gtk_widget_add_css_class (file_row, "zc-evidence");
          /* Translators: a row that opens an evidence file, read aloud */
          accessible = g_strdup_printf (_("Open the evidence %s"), zc_evidence_get_filename (file));
          gtk_accessible_update_property (GTK_ACCESSIBLE (file_row),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          gtk_widget_set_tooltip_text (file_row, _("Open in its application"));
          g_object_set_data_full (G_OBJECT (file_row), "zc-evidence", g_steal_pointer (&file),
                                  g_object_unref);
          g_signal_connect (file_row, "activated", G_CALLBACK (on_evidence_activated_cb), self);
          add_row (self, self->progress_group, file_row);
        }
    }
}

static void
show_item (ZcCloseoutPage *self,
           ZcItem         *item)
{
  g_autofree char *number = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *reopened = NULL;
  GtkWidget *child;
  ZcItemState state;

  g_set_object (&self->item, item);
  clear_rows (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badge_box))) != NULL)
    gtk_box_remove (self->badge_box, child);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->evaluation_note_row), "");

  zc_record_list_select (self->queue_list, item ? zc_record_get_id (ZC_RECORD (item)) : 0);
  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->item_stack, "none");
      update_actions (self);
      return;
    }

  state = zc_item_get_state (item);
  number = zc_inspector_item_number (item);
  /* Translators: the unit of a rectification item and its number, e.g. "社会救助处 · No. 12" */
  unit = g_strdup_printf (_("%s · %s"), zc_item_get_unit_name (item), number);
  gtk_label_set_text (self->item_unit_label, unit);
  gtk_label_set_text (self->item_title, zc_item_get_measure (item) ? zc_item_get_measure (item)
                                                                   : zc_item_get_problem_text (item));
  {
    GtkWidget *state_label = gtk_label_new (zc_enum_label (ZC_TYPE_ITEM_STATE, state));

    gtk_widget_add_css_class (state_label, "zc-state");
    gtk_box_append (self->badge_box, state_label);
    if (state != ZC_ITEM_STATE_CLOSED)
      gtk_box_append (self->badge_box, zc_light_badge_new (zc_item_get_light (item)));
  }

  deadline = zc_format_date (zc_item_get_deadline (item));
  closed = zc_format_date (zc_item_get_closed_at (item));
  add_fact (self, _("Problem"), zc_item_get_problem_text (item));
  add_fact (self, _("Category"), zc_item_get_category_label (item));
  add_fact (self, _("Term type"), zc_item_get_term_type (item) != ZC_TERM_TYPE_NONE
                                  ? zc_enum_label (ZC_TYPE_TERM_TYPE, zc_item_get_term_type (item))
                                  : NULL);
  add_fact (self, _("Deadline"), deadline ? deadline : zc_item_get_deadline_text (item));
  add_fact (self, _("Responsible leader"), zc_item_get_leader_name (item)
                                           ? zc_item_get_leader_name (item)
                                           : zc_item_get_leader_text (item));
  add_fact (self, _("Responsible person"), zc_item_get_person_name (item)
                                           ? zc_item_get_person_name (item)
                                           : zc_item_get_person_text (item));
  if (zc_item_get_reopen_count (item) > 0)
    {
      reopened = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rejected once before: %s",
                                               "Rejected %d times before; the last time: %s",
                                               zc_item_get_reopen_count (item)),
                                  zc_item_get_reopen_count (item),
                                  zc_item_get_reject_reason (item)
                                  ? zc_item_get_reject_reason (item) : "");
      add_fact (self, _("Earlier rejections"), reopened);
    }
  add_fact (self, _("Closed out on"), closed);
  add_fact (self, _("Verification note"), zc_item_get_close_note (item));
  fill_progress (self);

  gtk_widget_set_visible (GTK_WIDGET (self->verify_group), state == ZC_ITEM_STATE_AWAITING_CLOSEOUT);
  gtk_widget_set_visible (GTK_WIDGET (self->evaluation_group), state == ZC_ITEM_STATE_CLOSED);
  gtk_stack_set_visible_child_name (self->item_stack, "item");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->item_scroller), 0);
  update_actions (self);
}

static void
select_record (ZcCloseoutPage *self,
               ZcItem         *item)
{
  show_item (self, item);
  if (item != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->item_pane);
}

static void
set_queue (ZcCloseoutPage *self,
           GListStore     *queue)
{
  g_set_object (&self->queue, queue);
  zc_record_list_set_model (self->queue_list, G_LIST_MODEL (queue));
  update_count (self);
}

static void
on_queue_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) queue = zc_inspector_load_finish (result, &error);
  ZcCloseoutPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = ZC_CLOSEOUT_PAGE (user_data);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (queue == NULL)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The queue could not be read."), error);
      return;
    }
  set_queue (self, G_LIST_STORE (queue));

  if (self->want_item_id != 0)
    {
      for (guint i = 0; i < g_list_model_get_n_items (queue); i++)
        {
          g_autoptr(ZcItem) item = g_list_model_get_item (queue, i);

          if (zc_record_get_id (ZC_RECORD (item)) == self->want_item_id)
            {
              select_record (self, item);
              break;
            }
        }
      self->want_item_id = 0;
    }
  else if (self->item != NULL)
    {
      /* Keep the item shown when it is still in the queue. */
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (queue) && !found; i++)
        {
          g_autoptr(ZcItem) item = g_list_model_get_item (queue, i);

          if (zc_record_get_id (ZC_RECORD (item)) == zc_record_get_id (ZC_RECORD (self->item)))
            {
              show_item (self, item);
              found = TRUE;
            }
        }
      if (!found)
        show_item (self, NULL);
    }
}

static void
load (ZcCloseoutPage *self)
{
  QueueQuery *q = g_new0 (QueueQuery, 1);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  q->state = showing_closed (self) ? ZC_ITEM_STATE_CLOSED : ZC_ITEM_STATE_AWAITING_CLOSEOUT;
  {
    g_autofree char *today = zc_store_today (self->store);
    zc_record_list_set_today (self->queue_list, today);
  }
  q->text = text && *text ? g_strdup (text) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  if (showing_closed (self))
    zc_record_list_set_empty (self->queue_list, "object-select-symbolic",
                              _("Nothing Closed Out Yet"),
                              q->text ? _("No closed item matches the search.")
                                      : _("Items appear here once an inspector closes them out."));
  else
    zc_record_list_set_empty (self->queue_list, "emblem-ok-symbolic", _("The Queue Is Empty"),
                              q->text ? _("No item awaiting close-out matches the search.")
                                      : _("When a unit reports an item done and asks for its "
                                          "close-out, it waits here for you."));
  zc_inspector_load_async (self->store, self->actor, load_queue, q, queue_query_free,
                           g_object_unref, self->cancellable, on_queue_loaded_cb, self);
}

/* After a close-out or a rejection: the item leaves the queue; the next one is shown. */
static void
item_done (ZcCloseoutPage *self)
{
  guint position = 0;
  g_autoptr(ZcItem) next = NULL;
  gint64 id = zc_record_get_id (ZC_RECORD (self->item));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->queue)); i++)
    {
      g_autoptr(ZcItem) item = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (zc_record_get_id (ZC_RECORD (item)) == id)
        {
          g_list_store_remove (self->queue, i);
          position = i;
          break;
        }
    }
  zc_record_list_set_model (self->queue_list, G_LIST_MODEL (self->queue));
  update_count (self);
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->queue)))
    next = g_list_model_get_item (G_LIST_MODEL (self->queue), position);
  show_item (self, next);
  if (next == NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- actions ----------------------------------------------------------------------------------- */

static void
do_close_out (gpointer data)
{
  ZcCloseoutPage *self = ZC_CLOSEOUT_PAGE (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = zc_inspector_text_view_get (self->note_view);
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  if (self->item == NULL)
    return;
  number = zc_inspector_item_number (self->item);
  if (!zc_store_close_out (self->store, self->actor, self->item, note, &error))
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The item was not closed out."), error);
      return;
    }
  /* Translators: %s is the item's unit and number */
  message = g_strdup_printf (_("%s · %s is closed out"), zc_item_get_unit_name (self->item), number);
  zc_inspector_toast (GTK_WIDGET (self), message);
  item_done (self);
}

static void
close_out_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZcCloseoutPage *self = ZC_CLOSEOUT_PAGE (widget);
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;

  if (self->item == NULL)
    return;
  number = zc_inspector_item_number (self->item);
  /* Translators: the heading of a confirmation; %s is the item's number */
  heading = g_strdup_printf (_("Close Out %s?"), number);
  zc_inspector_confirm (widget, heading,
                        _("The item is verified as done and leaves the open items of the "
                          "ledger. A close-out cannot be undone."),
                        _("C_lose Out"), FALSE, NULL, do_close_out, g_object_ref (self),
                        g_object_unref);
}

typedef struct
{
  ZcCloseoutPage *self;
  GtkTextView    *reason;
} Reject;

static void
reject_free (gpointer p)
{
  Reject *r = p;

  g_object_unref (r->self);
  g_object_unref (r->reason);
  g_free (r);
}

static void
do_reject (gpointer data)
{
  Reject *r = data;
  ZcCloseoutPage *self = r->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = zc_inspector_text_view_get (r->reason);
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  if (self->item == NULL)
    return;
  number = zc_inspector_item_number (self->item);
  if (!zc_store_reject_closeout (self->store, self->actor, self->item, reason, &error))
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The close-out was not rejected."), error);
      return;
    }
  /* Translators: %s is the item's unit and number */
  message = g_strdup_printf (_("%s · %s goes back to the unit"), zc_item_get_unit_name (self->item),
                             number);
  zc_inspector_toast (GTK_WIDGET (self), message);
  item_done (self);
}

static void
on_reason_changed_cb (GtkTextBuffer    *buffer,
                      AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  adw_message_dialog_set_response_enabled (dialog, "confirm", *g_strstrip (text) != '\0');
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZcCloseoutPage *self = ZC_CLOSEOUT_PAGE (widget);
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  Reject *r = g_new0 (Reject, 1);
  AdwMessageDialog *dialog;

  if (self->item == NULL)
    {
      g_free (r);
      return;
    }
  number = zc_inspector_item_number (self->item);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the rejection"),
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);

  r->self = g_object_ref (self);
  r->reason = GTK_TEXT_VIEW (g_object_ref (view));
  /* Translators: the heading of a dialog; %s is the item's number */
  heading = g_strdup_printf (_("Reject the Close-out of %s?"), number);
  dialog = zc_inspector_confirm (widget, heading,
                                 _("The item goes back to the unit, in progress, with your "
                                   "reason. Say what is missing."),
                                 _("_Reject"), TRUE, frame, do_reject, r, reject_free);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_reason_changed_cb), dialog, 0);
  gtk_widget_grab_focus (view);
}

static void
evaluate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ZcCloseoutPage *self = ZC_CLOSEOUT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcEvaluation) evaluation = NULL;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->evaluation_note_row));
  ZcSatisfaction satisfaction = adw_combo_row_get_selected (self->satisfaction_row);
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  if (self->item == NULL)
    return;
  evaluation = zc_store_record_evaluation (self->store, self->actor, self->item, satisfaction,
                                           note && *note ? note : NULL, &error);
  if (evaluation == NULL)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The evaluation was not recorded."), error);
      return;
    }
  number = zc_inspector_item_number (self->item);
  /* Translators: %s is the item's number, then the satisfaction */
  message = g_strdup_printf (_("Evaluation of %s recorded: %s"), number,
                             zc_enum_label (ZC_TYPE_SATISFACTION, satisfaction));
  zc_inspector_toast (GTK_WIDGET (self), message);
  gtk_editable_set_text (GTK_EDITABLE (self->evaluation_note_row), "");
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_view_toggled_cb (ZcCloseoutPage *self)
{
  show_item (self, NULL);
  load (self);
}

static void
on_search_changed_cb (ZcCloseoutPage *self)
{
  load (self);
}

static void
on_item_activated_cb (ZcCloseoutPage *self,
                      GObject        *record)
{
  select_record (self, ZC_ITEM (record));
}

static void
on_back_clicked_cb (ZcCloseoutPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_folded_cb (ZcCloseoutPage *self)
{
  gtk_widget_set_visible (self->item_bar, adw_leaflet_get_folded (self->leaflet));
}

static void
on_note_changed_cb (ZcCloseoutPage *self)
{
  update_actions (self);
}

static void
on_map_cb (ZcCloseoutPage *self)
{
  if (self->cancellable == NULL)
    load (self);
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_closeout_page_dispose (GObject *object)
{
  ZcCloseoutPage *self = ZC_CLOSEOUT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_CLOSEOUT_PAGE);

  G_OBJECT_CLASS (zc_closeout_page_parent_class)->dispose (object);
}

static void
zc_closeout_page_finalize (GObject *object)
{
  ZcCloseoutPage *self = ZC_CLOSEOUT_PAGE (object);

  g_clear_object (&self->item);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (zc_closeout_page_parent_class)->finalize (object);
}

static void
zc_closeout_page_class_init (ZcCloseoutPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_closeout_page_dispose;
  object_class->finalize = zc_closeout_page_finalize;

  g_type_ensure (ZC_TYPE_RECORD_LIST);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-closeout-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, awaiting_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, closed_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, item_pane);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, item_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, item_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, item_scroller);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, item_unit_label);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, item_title);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, badge_box);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, facts_group);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, progress_group);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, verify_group);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, evaluation_group);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, ZcCloseoutPage, evaluation_note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);

  gtk_widget_class_install_action (widget_class, "closeout.close-out", NULL, close_out_action);
  gtk_widget_class_install_action (widget_class, "closeout.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "closeout.evaluate", NULL, evaluate_action);
}

static void
zc_closeout_page_init (ZcCloseoutPage *self)
{
  g_autoptr(GtkStringList) satisfaction = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  zc_inspector_hide_stack_pages (self->item_stack);

  self->rows = g_ptr_array_new ();
  /* Every item of the queue is in the same state: the light says what differs. */
  zc_record_list_set_show_state (self->queue_list, FALSE);
  for (int s = ZC_SATISFACTION_SATISFIED; s <= ZC_SATISFACTION_DISSATISFIED; s++)
    gtk_string_list_append (satisfaction, zc_enum_label (ZC_TYPE_SATISFACTION, s));
  adw_combo_row_set_model (self->satisfaction_row, G_LIST_MODEL (satisfaction));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (on_note_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  on_folded_cb (self);
  update_actions (self);
}

/* ---- public ------------------------------------------------------------------------------------- */

GtkWidget *
zc_closeout_page_new (ZcStore  *store,
                      ZcPerson *actor)
{
  ZcCloseoutPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_CLOSEOUT_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  return GTK_WIDGET (self);
}

void
zc_closeout_page_refresh (ZcCloseoutPage *self)
{
  g_return_if_fail (ZC_IS_CLOSEOUT_PAGE (self));

  load (self);
}

void
zc_closeout_page_show_item (ZcCloseoutPage *self,
                            gint64          item_id)
{
  g_autoptr(ZcItem) item = NULL;

  g_return_if_fail (ZC_IS_CLOSEOUT_PAGE (self));

  item = zc_store_get_item (self->store, self->actor, item_id, NULL);
  if (item == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->want_item_id = item_id;
  /* The toggle's handler reads the queue; otherwise read it here. */
  if (gtk_toggle_button_get_active (zc_item_get_state (item) == ZC_ITEM_STATE_CLOSED
                                    ? self->closed_button : self->awaiting_button))
    load (self);
  else
    gtk_toggle_button_set_active (zc_item_get_state (item) == ZC_ITEM_STATE_CLOSED
                                  ? self->closed_button : self->awaiting_button, TRUE);
  self->want_item_id = item_id;
}

gboolean
zc_closeout_page_is_loading (ZcCloseoutPage *self)
{
  g_return_val_if_fail (ZC_IS_CLOSEOUT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

ZcItem *
zc_closeout_page_get_item (ZcCloseoutPage *self)
{
  g_return_val_if_fail (ZC_IS_CLOSEOUT_PAGE (self), NULL);

  return self->item;
}
