/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "zc-doc.h"

G_BEGIN_DECLS

/* A4 in points, the size of every PDF Zicha writes. */
#define ZC_PDF_A4_WIDTH  595.2756
#define ZC_PDF_A4_HEIGHT 841.8898

/* ---- the public commitment letter (公开承诺书) -------------------------------------------- */

/*
 * The letter's layout, made once and drawn page by page onto any cairo context: the PDF
 * export draws it on a cairo PDF surface, the window on the context of a
 * GtkPrintOperation (set its unit to GTK_UNIT_POINTS and use_full_page to TRUE: the layout
 * keeps its own margins; call zc_letter_n_pages() from ::begin-print with the page's size
 * and zc_letter_draw_page() from ::draw-page). Text is laid out at 1 unit = 1 point,
 * independent of the device.
 */
typedef struct _ZcLetterLayout ZcLetterLayout;

/* Lays out @commitment (with its display fields) and its @pledges (ZcPledge, in order). */
ZcLetterLayout *zc_letter_layout_new   (ZcCommitment    *commitment,
                                        GListModel      *pledges);
void            zc_letter_layout_free  (ZcLetterLayout  *layout);
/* The number of pages on paper of this size (paginates when the size changes). */
guint           zc_letter_n_pages      (ZcLetterLayout  *layout,
                                        double           width_pt,
                                        double           height_pt);
/* Draws page @page (0-based) of a page @width_pt × @height_pt. */
void            zc_letter_draw_page    (ZcLetterLayout  *layout,
                                        cairo_t         *cr,
                                        guint            page,
                                        double           width_pt,
                                        double           height_pt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcLetterLayout, zc_letter_layout_free)

/**
 * zc_pdf_export_letters:
 * @store: a store used by the calling thread alone
 * @actor: the reader
 * @commitment_id: one commitment (any state the actor may read), or 0
 * @unit_id: with @commitment_id 0: the current published commitments of this unit, or of
 *   every unit when 0 (published commitments are public)
 * @path: the PDF to write (replaced atomically)
 * @cancellable: (nullable): cancels the export; no file is left behind then
 * @progress: (nullable): called with the share done
 * @progress_data: data for @progress
 * @error: where to report a refusal, a write failure, or that there is nothing to print
 *
 * Writes public commitment letters as an A4 PDF with the Chinese fonts embedded, each
 * letter starting on a new page.
 *
 * Returns: %TRUE when the file was written
 */
gboolean        zc_pdf_export_letters  (ZcStore         *store,
                                        ZcPerson        *actor,
                                        gint64           commitment_id,
                                        gint64           unit_id,
                                        const char      *path,
                                        GCancellable    *cancellable,
                                        ZcProgressFunc   progress,
                                        gpointer         progress_data,
                                        GError         **error);

/* ---- the campaign report ------------------------------------------------------------------ */

/**
 * zc_pdf_export_report:
 * @store: a store used by the calling thread alone
 * @actor: the reader: an inspector for the whole campaign, or a reader of @unit_id
 * @unit_id: one unit, or 0 for the whole campaign
 * @path: the PDF to write (replaced atomically)
 * @cancellable: (nullable): cancels the export; no file is left behind then
 * @progress: (nullable): called with the share done
 * @progress_data: data for @progress
 * @error: where to report a refusal, a write failure or the cancellation
 *
 * Writes the campaign report (整改落实情况报告) as an A4 PDF: the summary figures, bar
 * charts of the items' states and lights (per unit, or per category for one unit), the
 * assessment table, the overdue items, the open supervision orders and the published
 * commitments, with a running header, page numbers and PDF bookmarks.
 *
 * Returns: %TRUE when the file was written
 */
gboolean        zc_pdf_export_report   (ZcStore         *store,
                                        ZcPerson        *actor,
                                        gint64           unit_id,
                                        const char      *path,
                                        GCancellable    *cancellable,
                                        ZcProgressFunc   progress,
                                        gpointer         progress_data,
                                        GError         **error);

G_END_DECLS
