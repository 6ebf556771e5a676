/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_COMMITMENT_PAGE (zc_commitment_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcCommitmentPage, zc_commitment_page, ZC, COMMITMENT_PAGE, GtkWidget)

/*
 * The unit's public commitment (公开承诺书), composed as a letter: title, opening, numbered
 * pledges each tied to rectification items, closing, the supervision telephone and mail,
 * signature and date, beside a preview drawn with the letter's print layout (zc-pdf.h).
 * A draft is saved, then published after a confirmation that it can no longer be changed;
 * a published letter is amended as a new version, and every version stays readable. The
 * letter prints (GtkPrintOperation) and saves as PDF. Reloads whenever it is shown.
 */
GtkWidget    *zc_commitment_page_new          (ZcStore          *store,
                                               ZcPerson         *actor);
void          zc_commitment_page_reload       (ZcCommitmentPage *self);
/* The version shown (NULL: none yet). */
ZcCommitment *zc_commitment_page_get_shown    (ZcCommitmentPage *self);
/* Saves the draft being written; FALSE (and a toast) when the core refuses it. */
gboolean      zc_commitment_page_save         (ZcCommitmentPage *self);
/* Writes the version shown as PDF in a thread; "done" is emitted when it is written. */
void          zc_commitment_page_save_pdf     (ZcCommitmentPage *self,
                                               const char       *path);
/* Runs the print operation on the version shown, exporting to @path instead of a printer
 * when @path is set (GTK_PRINT_OPERATION_ACTION_EXPORT). */
GtkPrintOperationResult
              zc_commitment_page_print        (ZcCommitmentPage *self,
                                               const char       *path);
/* The number of pages of the preview. */
guint         zc_commitment_page_get_n_pages  (ZcCommitmentPage *self);

G_END_DECLS
