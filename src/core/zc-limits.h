/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Validation limits, in one place. Lengths count characters (not bytes). Every refusal
 * names the field (translated) and the limit.
 */
#define ZC_LIMIT_TITLE           120    /* campaign, problem and commitment titles */
#define ZC_LIMIT_NAME             60    /* person and unit names, labels */
#define ZC_LIMIT_CODE             32    /* staff and unit codes */
#define ZC_LIMIT_PHENOMENON     3000
#define ZC_LIMIT_EXAMPLE        3000
#define ZC_LIMIT_GAP            2000
#define ZC_LIMIT_CAUSE          2000
#define ZC_LIMIT_MEASURE        2000
#define ZC_LIMIT_COMMENT        2000
#define ZC_LIMIT_LETTER         5000    /* commitment opening and closing */
#define ZC_LIMIT_PLEDGE         1000
#define ZC_LIMIT_PLEDGES          50
#define ZC_LIMIT_FINDINGS        100    /* findings on one form */
#define ZC_LIMIT_CAUSES           10    /* causes of one finding */
#define ZC_LIMIT_EVIDENCE_FILES   20    /* files on one progress report */
#define ZC_LIMIT_EVIDENCE_SIZE  (20 * 1024 * 1024)
#define ZC_LIMIT_IMPORT_SIZE    (64 * 1024 * 1024)
#define ZC_MIN_PASSPHRASE          8
#define ZC_MIN_MEANINGFUL          8    /* quality hint: shorter entries say little */

/* Checks a text field: valid UTF-8, not longer than @max characters, present if @required.
 * @field is the translated field name used in the message. */
gboolean zc_validate_text (const char  *value,
                           const char  *field,
                           guint        max_chars,
                           gboolean     required,
                           GError     **error);
/* Checks a YYYY-MM-DD date (NULL allowed unless @required). */
gboolean zc_validate_date (const char  *value,
                           const char  *field,
                           gboolean     required,
                           GError     **error);
gboolean zc_validate_range (gint64       value,
                            const char  *field,
                            gint64       min,
                            gint64       max,
                            GError     **error);

G_END_DECLS
