/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-doc.h"

G_BEGIN_DECLS

/**
 * zc_xlsx_export_ledger:
 * @store: a store used by the calling thread alone
 * @actor: the reader
 * @unit_id: one unit, or 0 for every unit @actor may read
 * @path: the .xlsx file to write (replaced atomically)
 * @cancellable: (nullable): cancels the export; no file is left behind then
 * @progress: (nullable): called with the share done, in the calling thread
 * @progress_data: data for @progress
 * @error: where to report a refusal, a write failure or the cancellation
 *
 * Writes the rectification ledger (整改台账) as an XLSX workbook: a summary sheet (汇总)
 * with every unit's items counted by state and light (COUNTIF formulas over the unit
 * sheets, written with their values), then one sheet per unit with rows, with the columns
 * of the CSV export and 佐证材料, a title row, a frozen header with filters, wrapped text,
 * the lights as cell colours and Chinese fonts. Runs in constant memory: a city's ledger
 * takes seconds.
 *
 * Returns: %TRUE when the file was written
 */
gboolean    zc_xlsx_export_ledger (ZcStore        *store,
                                   ZcPerson       *actor,
                                   gint64          unit_id,
                                   const char     *path,
                                   GCancellable   *cancellable,
                                   ZcProgressFunc  progress,
                                   gpointer        progress_data,
                                   GError        **error);

/* The column names of the ledger sheets, in order (NULL-terminated). */
const char * const *zc_xlsx_ledger_columns (void);

/**
 * zc_xlsx_sheet_name:
 * @name: the wanted name (a unit's name)
 * @taken: names given so far, case-folded; the result is added
 *
 * A sheet name Excel accepts: the characters it forbids (: \ / ? * [ ]) become their
 * full-width forms, control characters and apostrophes at either end go, the name is cut
 * to 31 UTF-16 code units, and a name already in @taken gets " (2)", " (3)" …
 *
 * Returns: (transfer full): the sheet name
 */
char       *zc_xlsx_sheet_name    (const char     *name,
                                   GHashTable     *taken);

G_END_DECLS
