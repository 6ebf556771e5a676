/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * What the documents people hand on (the XLSX ledger, the PDF letter and report, the
 * notice page) share: the progress callback of their export functions, the fixed Chinese
 * words of a bureau's ledger, and the ledger's rows read in one query a unit.
 *
 * The export functions are synchronous and meant for a GTask thread: they take a
 * GCancellable (a cancelled export fails with G_IO_ERROR_CANCELLED and leaves no file
 * behind) and a progress callback, called in the exporting thread with a fraction that
 * only grows, from 0 to 1. The store passed to them must be used by that thread alone
 * (open a second ZcStore on the same file for the thread); the actor is only read.
 *
 * In the window, for example:
 *
 *   static void
 *   export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
 *   {
 *     ExportJob *job = data;
 *     g_autoptr(GError) error = NULL;
 *     g_autoptr(ZcStore) store = zc_store_open (job->db_path, &error);
 *
 *     if (store != NULL &&
 *         zc_xlsx_export_ledger (store, job->actor, job->unit_id, job->path, cancellable,
 *                                on_progress, job, &error))
 *       g_task_return_boolean (task, TRUE);
 *     else
 *       g_task_return_error (task, g_steal_pointer (&error));
 *   }
 *
 * where on_progress() passes the fraction to the main context (g_main_context_invoke) for a
 * progress bar, and a Cancel button calls g_cancellable_cancel(). The other exports
 * (zc_pdf_export_report, zc_pdf_export_letters, zc_notice_export) take the same arguments.
 */

/**
 * ZcProgressFunc:
 * @fraction: the share of the work done, 0–1
 * @user_data: the data given with the callback
 *
 * Called now and then by a long export, in the thread that runs it.
 */
typedef void (*ZcProgressFunc) (double   fraction,
                                gpointer user_data);

/* The fixed words of a Chinese ledger (they are data, the same in every locale). */
const char *zc_doc_state_word       (ZcItemState   state);
const char *zc_doc_light_word       (ZcLight       light);
const char *zc_doc_term_word        (ZcTermType    term);
const char *zc_doc_order_state_word (ZcOrderState  state);
const char *zc_doc_phase_word       (ZcPhase       phase);

/* "2026年11月27日" for "2026-11-27"; a copy of @date when it is not a date. */
char       *zc_doc_date_words       (const char   *date);
/* "一" … "九十九" (1–99), then digits. */
char       *zc_doc_chinese_number   (guint         n);

/* Category id (gint64*) → its official Chinese label (char*), for every category. */
GHashTable *zc_doc_category_labels  (ZcStore      *store);

/* One row of the ledger as the exports write it: an item, or a problem still waiting for
 * its measures (has_item FALSE, only unit, problem and category set). Strings are NULL
 * when empty. Valid during the callback only. */
typedef struct
{
  gint64       unit_id;         /* the unit whose ledger this is (the problem's) */
  gboolean     has_item;
  gint64       item_id;
  int          number;          /* 序号 */
  const char  *problem;         /* the problem's full text */
  const char  *category;        /* the official Chinese category, or NULL */
  const char  *measure;
  ZcTermType   term_type;
  const char  *leader;          /* name, or as written */
  const char  *unit;            /* responsible unit: name, or as written */
  const char  *person;
  const char  *deadline_date;   /* YYYY-MM-DD, or NULL */
  const char  *deadline_text;   /* the deadline cell when it is not a date */
  const char  *progress_text;
  int          progress;        /* latest percentage */
  ZcItemState  state;
  const char  *state_text;      /* the 完成情况 cell: the state word, or as written */
  ZcLight      light;
  const char  *evidence;        /* evidence file names joined by "\n", or NULL */
} ZcLedgerRow;

typedef gboolean (*ZcLedgerRowFunc) (const ZcLedgerRow *row,
                                     gpointer           user_data,
                                     GError           **error);

/* Counts the rows zc_doc_foreach_ledger_row() would give. */
guint       zc_doc_count_ledger_rows  (ZcStore          *store,
                                       ZcPerson         *actor,
                                       gint64            unit_id);
/* Calls @func for every ledger row of @unit_id (0: every unit @actor may read), unit by
 * unit in the order of the units' positions, then by problem and item number; one query a
 * unit. Stops at the first FALSE from @func (its error is returned) or on cancellation. */
gboolean    zc_doc_foreach_ledger_row (ZcStore          *store,
                                       ZcPerson         *actor,
                                       gint64            unit_id,
                                       gboolean          with_evidence,
                                       ZcLedgerRowFunc   func,
                                       gpointer          user_data,
                                       GCancellable     *cancellable,
                                       GError          **error);

/* zc_doc_foreach_ledger_row() with the query in a thread of its own, a few batches ahead
 * of @func, which runs on the calling thread; @store is not to be used meanwhile. */
gboolean    zc_doc_foreach_ledger_row_ahead (ZcStore        *store,
                                             ZcPerson       *actor,
                                             gint64          unit_id,
                                             gboolean        with_evidence,
                                             ZcLedgerRowFunc func,
                                             gpointer        user_data,
                                             GCancellable   *cancellable,
                                             GError        **error);

/* The units @actor may read (every unit when @unit_id is 0, else that one), in tree order;
 * a refusal when @unit_id is not readable. */
GListModel *zc_doc_readable_units     (ZcStore          *store,
                                       ZcPerson         *actor,
                                       gint64            unit_id,
                                       GError          **error);

/* Atomic output: a new empty file beside @path (same directory, so that the rename is
 * atomic), returned as its path; NULL with a ZC_ERROR_IO naming @path. */
char       *zc_doc_temp_beside        (const char       *path,
                                       GError          **error);
/* Renames @temp_path over @path; on failure removes @temp_path. */
gboolean    zc_doc_commit_temp        (const char       *temp_path,
                                       const char       *path,
                                       GError          **error);
/* Sets @error from a failed write of @path with @reason. Returns FALSE. */
gboolean    zc_doc_write_error        (const char       *path,
                                       const char       *reason,
                                       GError          **error);

G_END_DECLS
