/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

/* Helpers shared by the inspector's pages (zc-sections-inspector.c). */

/* Work for a worker thread: it gets a store of its own on the same file (with the same
 * "today") and the actor as that store reads them. Returns the result or NULL with @error. */
typedef gpointer (*ZcInspectorLoadFunc) (ZcStore       *store,
                                         ZcPerson      *actor,
                                         gpointer       data,
                                         GCancellable  *cancellable,
                                         GError       **error);

void      zc_inspector_load_async   (ZcStore             *store,
                                     ZcPerson            *actor,
                                     ZcInspectorLoadFunc  func,
                                     gpointer             data,
                                     GDestroyNotify       data_free,
                                     GDestroyNotify       result_free,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* The same for the holder of the file (actor NULL) on the database at @path, before any
 * store of the window has it open, in a thread of its own at the lowest priority: counting
 * ahead while the window starts. Not cancellable. */
void      zc_inspector_prefetch_file_async (const char          *path,
                                            const char          *today,
                                            ZcInspectorLoadFunc  func,
                                            gpointer             data,
                                            GDestroyNotify       data_free,
                                            GDestroyNotify       result_free,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* The result (transfer full), or NULL with @error (G_IO_ERROR_CANCELLED when cancelled:
 * then the widget that asked may be gone, so touch nothing). */
gpointer  zc_inspector_load_finish  (GAsyncResult        *result,
                                     GError             **error);

/* Shows @message in the window's toast overlay (or logs it when the page is not in a
 * window, as in widget tests). */
void      zc_inspector_toast        (GtkWidget           *widget,
                                     const char          *message);
/* The same for a refusal or failure: "@what @error->message". */
void      zc_inspector_toast_error  (GtkWidget           *widget,
                                     const char          *what,
                                     const GError        *error);

/* A confirmation (AdwMessageDialog) over @widget's window, with Cancel and @confirm_label;
 * @extra (may be NULL) goes under the text. ::response "confirm" calls @on_confirm with
 * @data. Returns the dialog, presented. */
typedef void (*ZcConfirmFunc) (gpointer data);
AdwMessageDialog *zc_inspector_confirm (GtkWidget      *widget,
                                        const char     *heading,
                                        const char     *body,
                                        const char     *confirm_label,
                                        gboolean        destructive,
                                        GtkWidget      *extra,
                                        ZcConfirmFunc   on_confirm,
                                        gpointer        data,
                                        GDestroyNotify  data_free);

/* Keeps the pages of @stack that are not shown out of the accessibility tree: GTK 4.8
 * reports them with their last size, as if they were still on screen. */
void      zc_inspector_hide_stack_pages (GtkStack         *stack);

/* Shows the page @name of @stack, sliding only when the stack is on screen: a page changed
 * out of sight (or before the first frame) appears at once. */
void      zc_inspector_stack_show (GtkStack         *stack,
                                   const char       *name);

/* "12 days" */
char     *zc_inspector_days        (int                  days);
/* "No. 12" of the ledger */
char     *zc_inspector_item_number (ZcItem              *item);
/* A percentage for people: "87%" (one decimal below 10 %) */
char     *zc_inspector_percent     (double               share);
/* The text of a GtkTextView, stripped; NULL when empty. */
char     *zc_inspector_text_view_get (GtkTextView       *view);

G_END_DECLS
