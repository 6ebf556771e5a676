/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/* A deadline as people write it in a ledger (CLI.md lists the forms). */
typedef struct
{
  ZcTermType  term_type;   /* NONE when unreadable */
  char       *date;        /* YYYY-MM-DD, or NULL */
  gboolean    ongoing;     /* also 长期坚持 ("立行立改，长期坚持") */
  gboolean    understood;  /* FALSE: keep the text as written and warn */
} ZcDeadline;

/* Reads a deadline cell; @year is the campaign's year for "6月底前". */
void        zc_deadline_parse     (const char *text,
                                   int         year,
                                   ZcDeadline *out);
void        zc_deadline_clear     (ZcDeadline *deadline);

/* Imports a ledger CSV into @unit_id (all rows or none). @report lists warnings (kept as
 * written) and errors (row number and reason; then nothing is written and FALSE). */
gboolean    zc_store_import_ledger_csv (ZcStore         *self,
                                        ZcPerson        *actor,
                                        gint64           unit_id,
                                        const char      *path,
                                        ZcImportReport **report,
                                        GError         **error);
/* Writes the ledger (one unit, or every unit the actor may read when @unit_id is 0) as CSV
 * with the Chinese header names, UTF-8 with a BOM. */
gboolean    zc_store_export_ledger_csv (ZcStore     *self,
                                        ZcPerson    *actor,
                                        gint64       unit_id,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
