/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-exchange.h"
#include "zc-window.h"

G_BEGIN_DECLS

/*
 * Files that leave or enter the window: exchange files (docs/exchange-format.md) and the
 * documents people hand on (the ledger as XLSX or CSV, the campaign report as PDF, the
 * public notice page as HTML). Every export and import runs in a worker thread with its
 * own connection, shows its progress with a Cancel button, and ends in a toast or a
 * summary. The window's primary menu offers them in the sections "Exchange Files" and
 * "Documents", as far as the signed-in person's roles allow; the core refuses the rest
 * anyway. Pages may call these functions from their own buttons.
 */

typedef enum
{
  ZC_TRANSFER_LEDGER_XLSX,
  ZC_TRANSFER_LEDGER_CSV,
  ZC_TRANSFER_REPORT_PDF,
  ZC_TRANSFER_NOTICE_HTML,
} ZcTransferDocument;

/* From the window's class_init: installs the win.export-* and win.import-package actions. */
void      zc_window_install_transfer_actions (GtkWidgetClass     *widget_class);
/* From the window's init: keeps those actions enabled as the signed-in person's roles
 * allow. */
void      zc_transfer_attach                 (ZcWindow           *window);

/* Asks what to export (the unit, where there is a choice), where, and the passphrase that
 * signs the file; then writes it. */
void      zc_transfer_export_package         (ZcWindow           *window,
                                              ZcExchangeKind      kind);
/* Asks for an exchange file and imports it, with a summary of what came in. */
void      zc_transfer_import_package         (ZcWindow           *window);
/* The file chooser's filters for exchange files (the zip files) and for all files. */
void      zc_transfer_add_exchange_filters   (GtkFileChooser     *chooser);
/* Imports @file without asking (for tests, and for files dropped or opened). */
void      zc_transfer_import_file            (ZcWindow           *window,
                                              GFile              *file);

/* @unit_id: one unit, or 0 for every unit the person may read; @format "xlsx" or "csv". */
void      zc_transfer_export_ledger          (ZcWindow           *window,
                                              gint64              unit_id,
                                              const char         *format);
/* @unit_id: one unit, or 0 for the whole campaign (inspectors). */
void      zc_transfer_export_report          (ZcWindow           *window,
                                              gint64              unit_id);
void      zc_transfer_export_notice          (ZcWindow           *window);
/* Writes @document to @file without asking (the file chooser's answer, and tests). */
void      zc_transfer_export_document_to     (ZcWindow           *window,
                                              ZcTransferDocument  document,
                                              gint64              unit_id,
                                              GFile              *file);

/* A file named @name in the Documents folder (the home folder when there is none). */
GFile    *zc_transfer_suggested_file         (const char         *name);
/* The toast that says @file was written, with a button that opens it (or, for exchange
 * files, the folder that holds it). */
void      zc_transfer_show_saved_toast       (ZcWindow           *window,
                                              GFile              *file,
                                              gboolean            open_folder);

/* Whether the signed-in person gets the action @action_name ("win.export-unit", …): what
 * the menu shows, and what a page's button may follow. */
gboolean  zc_transfer_can                    (ZcWindow           *window,
                                              const char         *action_name);

/* Whether an export or import of the window is running. */
gboolean  zc_transfer_is_busy                (ZcWindow           *window);
/* Cancels the running export or import, as its Cancel button does. */
void      zc_transfer_cancel                 (ZcWindow           *window);

G_END_DECLS
