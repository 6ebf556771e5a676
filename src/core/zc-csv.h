/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * CSV reading (RFC 4180, through libcsv) for the importers. The whole file must be valid
 * UTF-8 (a BOM is skipped); quoted cells may hold commas and line breaks.
 */

typedef struct
{
  guint       line;    /* line number where the record starts (header = 1) */
  GPtrArray  *cells;   /* char*, trimmed of surrounding white space */
} ZcCsvRow;

typedef struct
{
  GPtrArray *header;   /* char* */
  GPtrArray *rows;     /* ZcCsvRow* */
} ZcCsv;

void      zc_csv_free        (ZcCsv      *csv);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcCsv, zc_csv_free)

/* Parses @data; on broken quoting or invalid UTF-8 fails with ZC_ERROR_INVALID naming the
 * line. */
ZcCsv    *zc_csv_parse       (const char *data,
                              gsize       length,
                              GError    **error);
ZcCsv    *zc_csv_parse_file  (const char *path,
                              gsize       max_size,
                              GError    **error);
/* The index of the first header among @names (NULL-terminated), or -1. */
int       zc_csv_column      (ZcCsv       *csv,
                              const char * const *names);
/* The cell @column of @row, or "" when the row is shorter. */
const char *zc_csv_cell      (ZcCsvRow    *row,
                              int          column);
/* Appends one cell, quoted when it needs it (for writers). */
void      zc_csv_append_cell (GString     *out,
                              const char  *cell,
                              gboolean     last);

G_END_DECLS
