/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zc-date.h"
#include "zc-doc.h"
#include "zc-limits.h"
#include "zc-store-private.h"

/*
 * The Chinese words below are the fixed terms of a bureau's documents (data, like the
 * column names of a ledger), not interface text: a ledger handed on reads the same
 * whatever language the person who exported it uses. They match the ledger CSV export.
 */

const char *
zc_doc_state_word (ZcItemState state)
{
  switch (state)
    {
    case ZC_ITEM_STATE_IN_PROGRESS:
      return "整改中";
    case ZC_ITEM_STATE_AWAITING_CLOSEOUT:
      return "已完成";
    case ZC_ITEM_STATE_CLOSED:
      return "已销号";
    case ZC_ITEM_STATE_PLANNED:
    default:
      return "未开始";
    }
}

const char *
zc_doc_light_word (ZcLight light)
{
  switch (light)
    {
    case ZC_LIGHT_RED:
      return "红灯";
    case ZC_LIGHT_YELLOW:
      return "黄灯";
    case ZC_LIGHT_GREEN:
      return "绿灯";
    case ZC_LIGHT_NONE:
    default:
      return "";
    }
}

const char *
zc_doc_term_word (ZcTermType term)
{
  switch (term)
    {
    case ZC_TERM_TYPE_IMMEDIATE:
      return "立行立改";
    case ZC_TERM_TYPE_DEADLINE:
      return "限期整改";
    case ZC_TERM_TYPE_ONGOING:
      return "长期坚持";
    case ZC_TERM_TYPE_NONE:
    default:
      return "";
    }
}

const char *
zc_doc_order_state_word (ZcOrderState state)
{
  switch (state)
    {
    case ZC_ORDER_STATE_REMINDED:
      return "已催办";
    case ZC_ORDER_STATE_ANSWERED:
      return "已反馈";
    case ZC_ORDER_STATE_CONCLUDED:
      return "已办结";
    case ZC_ORDER_STATE_ASSIGNED:
    default:
      return "已交办";
    }
}

const char *
zc_doc_phase_word (ZcPhase phase)
{
  switch (phase)
    {
    case ZC_PHASE_INSPECTION:
      return "查摆问题";
    case ZC_PHASE_RECTIFICATION:
      return "整改落实";
    case ZC_PHASE_EVALUATION:
      return "总结评估";
    case ZC_PHASE_CLOSED:
      return "已结束";
    case ZC_PHASE_MOBILIZATION:
    default:
      return "动员部署";
    }
}

char *
zc_doc_date_words (const char *date)
{
  GDate d;

  if (date == NULL)
    return g_strdup ("");
  if (!zc_date_parse (date, &d))
    return g_strdup (date);
  return g_strdup_printf ("%d年%d月%d日", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

char *
zc_doc_chinese_number (guint n)
{
  static const char * const digits[] = {
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
  };

  if (n == 0 || n > 99)
    return g_strdup_printf ("%u", n);
  if (n < 10)
    return g_strdup (digits[n]);
  return g_strdup_printf ("%s十%s", n / 10 == 1 ? "" : digits[n / 10],
                          n % 10 == 0 ? "" : digits[n % 10]);
}

/* ---- the ledger's rows ------------------------------------------------------------------ */

#define ELLIPSIS "…"

/* A problem title longer than the title limit is stored cut with an ellipsis and whole in
 * the description; the ledger shows the whole text (as the CSV export does). */
static char *
problem_text (const char *title,
              const char *description)
{
  if (title == NULL)
    return g_strdup ("");
  if (description != NULL && g_str_has_suffix (title, ELLIPSIS) &&
      g_utf8_strlen (description, -1) > ZC_LIMIT_TITLE)
    {
      g_autofree char *stem = g_strndup (title, strlen (title) - strlen (ELLIPSIS));

      if (g_str_has_prefix (description, stem))
        return g_strdup (description);
    }
  return g_strdup (title);
}

GHashTable *
zc_doc_category_labels (ZcStore *store)
{
  GHashTable *labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GListModel) entries = zc_store_list_entries (store, ZC_LIST_KIND_CATEGORY);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(ZcListEntry) entry = g_list_model_get_item (entries, i);
      gint64 id = zc_record_get_id (ZC_RECORD (entry));

      g_hash_table_insert (labels, g_memdup2 (&id, sizeof id),
                           g_strdup (zc_list_entry_get_official_label (entry)));
    }
  return labels;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

guint
zc_doc_count_ledger_rows (ZcStore  *store,
                          ZcPerson *actor,
                          gint64    unit_id)
{
  g_autofree char *filter = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ZC_IS_STORE (store), 0);

  filter = zc_policy_unit_filter (store, actor, "pr.unit_id");
  sql = g_strdup_printf ("SELECT count(*) FROM problem pr "
                         "LEFT JOIN item i ON i.problem_id = pr.id "
                         "WHERE (?1 = 0 OR pr.unit_id = ?1) AND (%s)", filter);
  return (guint) zc_store_query_int (store, 0, sql, "i", unit_id);
}

gboolean
zc_doc_foreach_ledger_row (ZcStore          *store,
                           ZcPerson         *actor,
                           gint64            unit_id,
                           gboolean          with_evidence,
                           ZcLedgerRowFunc   func,
                           gpointer          user_data,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *filter = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gint64 warning_days;
  gboolean ok = TRUE;
  guint n = 0;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (unit_id != 0 &&
      !zc_policy_require (zc_policy_can_read_unit (store, actor, unit_id), actor,
                          _("read this unit’s ledger"), error))
    return FALSE;

  /* One query a unit, in the order of the units' positions: each sorts only its own rows,
   * so the first rows come at once instead of after a sort of the whole campaign. */
  stmt = zc_store_stmt (store, "SELECT id FROM unit WHERE ?1 = 0 OR id = ?1 "
                               "ORDER BY position, id", error);
  if (stmt == NULL || !zc_store_bind (store, stmt, error, "i", unit_id))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (units, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return zc_store_sql_error (store, "ledger", error);

  /* Category labels are looked up in C: built-in entries have no label column. */
  categories = zc_doc_category_labels (store);
  today = zc_store_today (store);
  warning_days = zc_store_query_int (store, 7, "SELECT warning_days FROM campaign", NULL);
  filter = zc_policy_unit_filter (store, actor, "pr.unit_id");
  sql = g_strdup_printf ("SELECT pr.unit_id, pr.title, pr.description, pr.category_id, i.id, "
                         "  i.number, i.measure, i.term_type, i.deadline, i.deadline_text, "
                         "  coalesce (l.name, i.leader_text), coalesce (i.unit_text, u.name), "
                         "  coalesce (pe.name, i.person_text), i.progress_text, i.state, "
                         "  i.state_text, "
                         "  zc_light (i.state, i.term_type, i.start_date, i.deadline, "
                         "            i.review_dates, i.progress, ?2, ?3), i.progress, "
                         "  CASE WHEN ?4 AND i.id IS NOT NULL THEN "
                         "    (SELECT group_concat (filename, char (10)) FROM "
                         "      (SELECT e.filename FROM progress g "
                         "       JOIN evidence e ON e.progress_id = g.id "
                         "       WHERE g.item_id = i.id ORDER BY g.date, g.id, e.id)) END "
                         "FROM problem pr "
                         "LEFT JOIN item i ON i.problem_id = pr.id "
                         "LEFT JOIN unit u ON u.id = i.unit_id "
                         "LEFT JOIN person l ON l.id = i.leader_id "
                         "LEFT JOIN person pe ON pe.id = i.person_id "
                         "WHERE pr.unit_id = ?1 AND (%s) "
                         "ORDER BY pr.number, pr.id, i.number, i.id",
                         filter);
  stmt = zc_store_stmt (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint u = 0; ok && u < units->len; u++)
    {
      if (!zc_store_bind (store, stmt, error, "isib", g_array_index (units, gint64, u), today,
                          warning_days, with_evidence))
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
#define COL(k) ((const char *) sqlite3_column_text (stmt, (k)))
          g_autofree char *problem = problem_text (COL (1), COL (2));
          gint64 category_id = sqlite3_column_int64 (stmt, 3);
          ZcLedgerRow row = { 0, };
          int term = ZC_TERM_TYPE_NONE;
          int state = ZC_ITEM_STATE_PLANNED;

          /* Every few hundred rows is often enough to notice a cancellation. */
          if ((n++ & 0xff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }

          row.unit_id = sqlite3_column_int64 (stmt, 0);
          row.problem = problem;
          row.category = category_id != 0 ? g_hash_table_lookup (categories, &category_id) : NULL;
          row.has_item = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
          row.term_type = ZC_TERM_TYPE_NONE;
          row.state = ZC_ITEM_STATE_PLANNED;
          row.light = ZC_LIGHT_NONE;
          if (row.has_item)
            {
              row.item_id = sqlite3_column_int64 (stmt, 4);
              row.number = sqlite3_column_int (stmt, 5);
              row.measure = nonempty (COL (6));
              zc_enum_from_string (ZC_TYPE_TERM_TYPE, COL (7), &term);
              row.term_type = term;
              row.deadline_date = nonempty (COL (8));
              /* What the CSV export writes in the deadline column when there is no date. */
              row.deadline_text = nonempty (COL (9));
              if (row.deadline_date == NULL && row.deadline_text == NULL &&
                  (term == ZC_TERM_TYPE_IMMEDIATE || term == ZC_TERM_TYPE_ONGOING))
                row.deadline_text = zc_doc_term_word (term);
              row.leader = nonempty (COL (10));
              row.unit = nonempty (COL (11));
              row.person = nonempty (COL (12));
              row.progress_text = nonempty (COL (13));
              zc_enum_from_string (ZC_TYPE_ITEM_STATE, COL (14), &state);
              row.state = state;
              row.state_text = nonempty (COL (15)) != NULL ? COL (15) : zc_doc_state_word (state);
              row.light = sqlite3_column_int (stmt, 16);
              row.progress = sqlite3_column_int (stmt, 17);
              row.evidence = nonempty (COL (18));
            }
#undef COL
          if (!func (&row, user_data, error))
            {
              ok = FALSE;
              break;
            }
        }
      if (ok && rc != SQLITE_DONE)
        ok = zc_store_sql_error (store, "ledger", error);
      sqlite3_reset (stmt);
    }
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* ---- reading the ledger a few batches ahead ------------------------------------------- */

#define AHEAD_ROWS    64        /* rows a batch */
#define AHEAD_BATCHES 4         /* batches in flight: what bounds the memory */

typedef struct
{
  GStringChunk *strings;
  GArray       *rows;           /* ZcLedgerRow, its strings in @strings */
} RowBatch;

typedef struct
{
  ZcStore       *store;
  ZcPerson      *actor;
  gint64         unit_id;
  gboolean       with_evidence;
  GCancellable  *cancellable;
  GAsyncQueue   *full;          /* batches read, then the end marker */
  GAsyncQueue   *free;          /* batches to fill again */
  RowBatch      *current;
  gint           stopped;       /* set by the caller's thread when it stops early */
  gboolean       ok;
  GError        *error;
} Ahead;

static RowBatch ahead_end;      /* pushed last: nothing more comes */

static void
row_batch_free (RowBatch *batch)
{
  g_string_chunk_free (batch->strings);
  g_array_unref (batch->rows);
  g_free (batch);
}

static const char *
keep (RowBatch   *batch,
      const char *text)
{
  return text != NULL ? g_string_chunk_insert (batch->strings, text) : NULL;
}

static gboolean
read_ahead_row (const ZcLedgerRow *row,
                gpointer           user_data,
                GError           **error)
{
  Ahead *ahead = user_data;
  ZcLedgerRow copy = *row;
  RowBatch *batch;

  if (g_atomic_int_get (&ahead->stopped))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  if (ahead->current == NULL)
    ahead->current = g_async_queue_pop (ahead->free);
  batch = ahead->current;

  copy.problem = keep (batch, row->problem);
  copy.category = keep (batch, row->category);
  copy.measure = keep (batch, row->measure);
  copy.leader = keep (batch, row->leader);
  copy.unit = keep (batch, row->unit);
  copy.person = keep (batch, row->person);
  copy.deadline_date = keep (batch, row->deadline_date);
  copy.deadline_text = keep (batch, row->deadline_text);
  copy.progress_text = keep (batch, row->progress_text);
  copy.state_text = keep (batch, row->state_text);
  copy.evidence = keep (batch, row->evidence);
  g_array_append_val (batch->rows, copy);

  if (batch->rows->len == AHEAD_ROWS)
    {
      g_async_queue_push (ahead->full, batch);
      ahead->current = NULL;
    }
  return TRUE;
}

static gpointer
read_ahead_thread (gpointer data)
{
  Ahead *ahead = data;

  ahead->ok = zc_doc_foreach_ledger_row (ahead->store, ahead->actor, ahead->unit_id,
                                         ahead->with_evidence, read_ahead_row, ahead,
                                         ahead->cancellable, &ahead->error);
  if (ahead->current != NULL)
    g_async_queue_push (ahead->full, g_steal_pointer (&ahead->current));
  g_async_queue_push (ahead->full, &ahead_end);
  return NULL;
}

/**
 * zc_doc_foreach_ledger_row_ahead:
 *
 * zc_doc_foreach_ledger_row() with the query run in a thread of its own, a few batches of
 * rows ahead of @func, which is called on the calling thread with the same rows in the
 * same order. For an export whose writing costs about as much as its reading: on two
 * cores the two overlap. The caller must not use @store until this returns.
 */
gboolean
zc_doc_foreach_ledger_row_ahead (ZcStore          *store,
                                 ZcPerson         *actor,
                                 gint64            unit_id,
                                 gboolean          with_evidence,
                                 ZcLedgerRowFunc   func,
                                 gpointer          user_data,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  Ahead ahead = { store, actor, unit_id, with_evidence, cancellable, };
  g_autoptr(GError) local_error = NULL;
  GThread *thread;
  RowBatch *batch;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  ahead.full = g_async_queue_new ();
  ahead.free = g_async_queue_new_full ((GDestroyNotify) row_batch_free);
  for (guint i = 0; i < AHEAD_BATCHES; i++)
    {
      batch = g_new0 (RowBatch, 1);
      batch->strings = g_string_chunk_new (64 * 1024);
      batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (ZcLedgerRow), AHEAD_ROWS);
      g_async_queue_push (ahead.free, batch);
    }

  thread = g_thread_new ("zicha-ledger-read", read_ahead_thread, &ahead);
  while ((batch = g_async_queue_pop (ahead.full)) != &ahead_end)
    {
      for (guint i = 0; ok && i < batch->rows->len; i++)
        if (!func (&g_array_index (batch->rows, ZcLedgerRow, i), user_data, &local_error))
          {
            ok = FALSE;
            /* The reader may wait for a free batch: it gets them back below and stops. */
            g_atomic_int_set (&ahead.stopped, TRUE);
          }
      g_array_set_size (batch->rows, 0);
      g_string_chunk_clear (batch->strings);
      g_async_queue_push (ahead.free, batch);
    }
  g_thread_join (thread);
  g_async_queue_unref (ahead.full);
  g_async_queue_unref (ahead.free);

  if (!ok)
    {
      g_clear_error (&ahead.error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!ahead.ok)
    {
      g_propagate_error (error, ahead.error);
      return FALSE;
    }
  return TRUE;
}

GListModel *
zc_doc_readable_units (ZcStore   *store,
                       ZcPerson  *actor,
                       gint64     unit_id,
                       GError   **error)
{
  g_autoptr(GListModel) units = NULL;
  GListStore *readable;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);

  if (unit_id != 0 &&
      !zc_policy_require (zc_policy_can_read_unit (store, actor, unit_id), actor,
                          _("read this unit’s ledger"), error))
    return NULL;

  units = zc_store_list_units (store);
  readable = g_list_store_new (ZC_TYPE_UNIT);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      gint64 id = zc_record_get_id (ZC_RECORD (unit));

      if ((unit_id == 0 || id == unit_id) && zc_policy_can_read_unit (store, actor, id))
        g_list_store_append (readable, unit);
    }
  return G_LIST_MODEL (readable);
}

/* ---- atomic output ----------------------------------------------------------------------- */

gboolean
zc_doc_write_error (const char  *path,
                    const char  *reason,
                    GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("Could not write “%s”: %s"), display, reason);
  return FALSE;
}

char *
zc_doc_temp_beside (const char  *path,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, so that a file manager does not show the half-written file. */
  name = g_strdup_printf (".%s.XXXXXX", base);
  temp = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (temp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      zc_doc_write_error (path, g_strerror (saved_errno), error);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp);
}

gboolean
zc_doc_commit_temp (const char  *temp_path,
                    const char  *path,
                    GError     **error)
{
  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return zc_doc_write_error (path, g_strerror (saved_errno), error);
    }
  return TRUE;
}
