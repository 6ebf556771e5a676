/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The records behind a number, or a queue: rectification items, forms, findings or
 * supervision orders as rows of a boxed list, a page at a time ("Show More" adds the
 * next), with an empty state that says what to do. Activating a row emits
 * ::activate-record with its record.
 */

#define ZC_TYPE_RECORD_LIST (zc_record_list_get_type ())
G_DECLARE_FINAL_TYPE (ZcRecordList, zc_record_list, ZC, RECORD_LIST, GtkWidget)

GtkWidget  *zc_record_list_new        (void);
/* Shows @model (ZcItem, ZcForm, ZcFinding or ZcOrder records; NULL: none). */
void        zc_record_list_set_model  (ZcRecordList *self,
                                       GListModel   *model);
GListModel *zc_record_list_get_model  (ZcRecordList *self);
/* What the list says when it is empty. */
void        zc_record_list_set_empty  (ZcRecordList *self,
                                       const char   *icon_name,
                                       const char   *title,
                                       const char   *description);
/* Marks the row of the record with @id as the current one (0: none). */
void        zc_record_list_select     (ZcRecordList *self,
                                       gint64        id);
/* The number of rows shown (a page or more). */
guint       zc_record_list_get_n_shown (ZcRecordList *self);
/* Whether rows show their state (a queue of one state need not; default TRUE). */
void        zc_record_list_set_show_state (ZcRecordList *self,
                                           gboolean      show_state);
/* "Today", for the ages of orders and the days items are overdue (YYYY-MM-DD). */
void        zc_record_list_set_today  (ZcRecordList *self,
                                       const char   *today);

G_END_DECLS
