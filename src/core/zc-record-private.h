/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "zc-record.h"

G_BEGIN_DECLS

/* The layout of the common part; every record struct begins with it. */
struct _ZcRecordPrivateLayout;

void     zc_record_set_common       (ZcRecord   *self,
                                     gint64      id,
                                     const char *uuid,
                                     const char *created,
                                     const char *updated,
                                     gint64      revision);
/* Sets every field named by a column of the current row of @stmt (unknown columns ignored). */
void     zc_record_load_stmt        (ZcRecord     *self,
                                     sqlite3_stmt *stmt);
/* Binds the stored field @field to @stmt at @index. A text is bound in place, not copied:
 * step @stmt before the field changes or @self goes. */
int      zc_record_bind_field       (ZcRecord      *self,
                                     const ZcField *field,
                                     sqlite3_stmt  *stmt,
                                     int            index);
/* The JSON text of zc_record_diff (@old_record, @new_record), as json_to_string() writes it,
 * without building the JSON nodes; @n_changed receives the number of fields in it. */
char    *zc_record_diff_json        (ZcRecord     *old_record,
                                     ZcRecord     *new_record,
                                     guint        *n_changed);
/* Whether the stored @field holds the same value in both records (as the diff sees it). */
gboolean zc_record_field_equal      (ZcRecord      *a,
                                     ZcRecord      *b,
                                     const ZcField *field);
#define ZC_INT64_BUF_SIZE 24
/* The decimal text of @value ("%" G_GINT64_FORMAT) in @buf, without printf, which shows in
 * the audit entry of every write. Returns where the text starts in @buf. */
const char *zc_format_int64         (char           buf[ZC_INT64_BUF_SIZE],
                                     gint64         value);
/* Creates a record of @type from the current row of @stmt. */
gpointer zc_record_new_from_stmt    (GType         type,
                                     sqlite3_stmt *stmt);

G_END_DECLS
