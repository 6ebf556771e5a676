/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers the widget tests share. */

/* Runs the main context until @cond holds or @timeout_ms pass; whether it holds. */
gboolean zc_test_wait_until (gboolean   (*cond) (gpointer data),
                             gpointer     data,
                             guint        timeout_ms);
/* Runs the main context for @ms milliseconds. */
void     zc_test_spin       (guint        ms);
/* A condition for zc_test_wait_until(): @data, a widget, is mapped. */
gboolean zc_test_is_mapped  (gpointer     data);
/* Removes @path and everything below it (a test's scratch folder). */
void     zc_test_remove_tree (const char *path);
/* Draws @widget to DIR/@name.png when ZICHA_TEST_SCREENSHOTS=DIR is set. */
void     zc_test_save_screenshot (GtkWidget  *widget,
                                  const char *name);

G_END_DECLS
