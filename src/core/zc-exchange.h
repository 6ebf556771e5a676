/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * Exchange files: how installations that share no server work on one campaign. Each file
 * is a zip holding manifest.json, records.json, evidence files and a signature; the format
 * is documented in docs/exchange-format.md. Importing is all or nothing per file, the same
 * file twice changes nothing, and records merge by UUID and revision.
 */

/* The format version this Zicha writes and the newest it reads. */
#define ZC_EXCHANGE_FORMAT        1
/* A larger file is refused before it is read. */
#define ZC_LIMIT_EXCHANGE_SIZE    (256 * 1024 * 1024)

typedef enum
{
  ZC_EXCHANGE_KIND_CAMPAIGN,     /* inspectors: campaign, units, people, lists, guidance */
  ZC_EXCHANGE_KIND_FORM,         /* a person: their own form and signed-in suggestions */
  ZC_EXCHANGE_KIND_UNIT,         /* a lead: reviews, problem list, ledger, commitments, … */
  ZC_EXCHANGE_KIND_DECISIONS,    /* inspectors: close-outs, orders, evaluations, … */
  ZC_EXCHANGE_KIND_SUGGESTIONS,  /* anonymous suggestions: no author, no signature */
} ZcExchangeKind;

/* The stable name of a kind ("campaign", "form", …), as in files and on the command line. */
const char  *zc_exchange_kind_to_string   (ZcExchangeKind  kind);
gboolean     zc_exchange_kind_from_string (const char     *text,
                                           ZcExchangeKind *kind);

/*
 * What an import did. Counts are over records (nested files included); @not_merged lists,
 * one line each, every record that could not be merged and why (nothing is dropped
 * silently); @notes lists keys pinned, files relayed and anonymous suggestions taken in.
 */
typedef struct
{
  ZcExchangeKind  kind;
  char           *path;
  char           *sha256;          /* of the whole file, as the audit log records it */
  char           *campaign_uuid;
  char           *created;         /* when the file was written */
  char           *signer_uuid;     /* NULL for anonymous suggestions */
  char           *signer_name;
  char           *signer_code;
  char           *fingerprint;     /* of the key that signed the file, or NULL */
  gboolean        pinned;          /* the signer's key was seen here for the first time */
  gboolean        changed;         /* FALSE: the database is exactly as before */
  guint           n_created;
  guint           n_updated;
  guint           n_unchanged;
  guint           n_older;         /* this installation holds a newer revision */
  guint           n_deleted;       /* removed by their owner since the last file */
  guint           n_files;         /* files read, nested ones included */
  GPtrArray      *not_merged;      /* char* */
  GPtrArray      *notes;           /* char* */
} ZcExchangeReport;

void         zc_exchange_report_free      (ZcExchangeReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcExchangeReport, zc_exchange_report_free)

/* Called now and then with the share done (0…1) and what is being done. */
typedef void (*ZcExchangeProgressFunc) (double      fraction,
                                        const char *message,
                                        gpointer    user_data);

/*
 * zc_exchange_export:
 * @actor: who writes the file (campaign, decisions: an inspector; unit: the unit's lead, or
 *   its leader in charge for the reviews of the lead's form; form: the person whose form it
 *   is; suggestions: anybody)
 * @unit_id: unit kind: the unit (0: the actor's); decisions: one unit (0: every unit);
 *   otherwise ignored
 * @passphrase: @actor's passphrase, which opens the signing key (not needed for suggestions)
 *
 * Writes an exchange file to @path (atomically). Campaign and decisions files are signed
 * with the campaign key, which the inspectors hold; the others with @actor's own key.
 */
gboolean          zc_exchange_export        (ZcStore                *store,
                                             ZcPerson               *actor,
                                             ZcExchangeKind          kind,
                                             gint64                  unit_id,
                                             const char             *passphrase,
                                             const char             *path,
                                             ZcExchangeProgressFunc  progress,
                                             gpointer                progress_data,
                                             GCancellable           *cancellable,
                                             GError                **error);

/*
 * zc_exchange_export_with_key:
 * @secret: @actor's secret signing key, already open (ZC_KEY_SECRET_BYTES bytes)
 *
 * zc_exchange_export() for a caller that holds @actor's key open, as one that writes many
 * people's files at once (benchmarks, test data) after making their keys with a
 * ZcKeySealer. The key must be the one on record for @actor; campaign and decisions files
 * open the campaign key with it as zc_exchange_export() does with the passphrase's.
 */
gboolean          zc_exchange_export_with_key (ZcStore                *store,
                                               ZcPerson               *actor,
                                               ZcExchangeKind          kind,
                                               gint64                  unit_id,
                                               const guint8           *secret,
                                               const char             *path,
                                               GError                **error);

/*
 * zc_exchange_import:
 * @actor: who imports (for the audit log); may be NULL, as when a campaign file creates
 *   the database of a new installation
 *
 * Reads an exchange file into @store: all of it or, on any refusal (another campaign, an
 * unknown signer, a bad or missing signature, a changed key, a damaged file, a newer format,
 * a file over ZC_LIMIT_EXCHANGE_SIZE), nothing. Returns the report, or NULL with @error.
 */
ZcExchangeReport *zc_exchange_import        (ZcStore                *store,
                                             ZcPerson               *actor,
                                             const char             *path,
                                             ZcExchangeProgressFunc  progress,
                                             gpointer                progress_data,
                                             GCancellable           *cancellable,
                                             GError                **error);

/*
 * zc_exchange_import_batch_begin, zc_exchange_import_batch_end:
 *
 * Groups the zc_exchange_import() calls between them into one transaction of the database,
 * for reading many files at once (a lead's or an inspector's thousands of form files):
 * every file is still all or nothing, a refused one rolls back only its own changes, but the
 * changes are written out together at zc_exchange_import_batch_end(), which spares a
 * commit per file. When that write fails, nothing of the batch is kept (FALSE and @error).
 * Keep batches to a few hundred files: the database is locked for writing meanwhile.
 */
gboolean          zc_exchange_import_batch_begin (ZcStore             *store,
                                                  GError             **error);
gboolean          zc_exchange_import_batch_end   (ZcStore             *store,
                                                  GError             **error);

/* What zc_exchange_import_files() says after each file: its report, or why it was refused. */
typedef void (*ZcExchangeImportedFunc) (const char       *path,
                                        ZcExchangeReport *report,
                                        const GError     *error,
                                        gpointer          user_data);

/*
 * zc_exchange_import_files:
 * @batch: files to a transaction (see zc_exchange_import_batch_begin())
 * @imported: (nullable): called after each file, in order, with its report or its refusal
 *
 * Imports @paths one after the other, each all or nothing as zc_exchange_import() does,
 * @batch files to a transaction, while a thread reads and checks the next files (zip,
 * seal, signature, hashes): the merge, which needs the database, is all that is left to
 * this thread. A refused file does not stop the others. Returns FALSE with @error only when
 * a batch could not be written (nothing of that batch is kept, the files after it are not
 * read) or on cancellation.
 */
gboolean          zc_exchange_import_files  (ZcStore                *store,
                                             ZcPerson               *actor,
                                             const char * const     *paths,
                                             guint                   n_paths,
                                             guint                   batch,
                                             ZcExchangeImportedFunc  imported,
                                             gpointer                user_data,
                                             GCancellable           *cancellable,
                                             GError                **error);

/* The same in a worker thread on its own connection to @store's file. @progress is called
 * in the thread-default main context of the caller. */
void              zc_exchange_import_async  (ZcStore                *store,
                                             ZcPerson               *actor,
                                             const char             *path,
                                             ZcExchangeProgressFunc  progress,
                                             gpointer                progress_data,
                                             GDestroyNotify          progress_destroy,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
ZcExchangeReport *zc_exchange_import_finish (ZcStore                *store,
                                             GAsyncResult           *result,
                                             GError                **error);
void              zc_exchange_export_async  (ZcStore                *store,
                                             ZcPerson               *actor,
                                             ZcExchangeKind          kind,
                                             gint64                  unit_id,
                                             const char             *passphrase,
                                             const char             *path,
                                             ZcExchangeProgressFunc  progress,
                                             gpointer                progress_data,
                                             GDestroyNotify          progress_destroy,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
gboolean          zc_exchange_export_finish (ZcStore                *store,
                                             GAsyncResult           *result,
                                             GError                **error);

/*
 * zc_exchange_reenrol:
 *
 * Forgets the key pinned for @person (inspectors), so that the next file @person signs
 * pins their new key, as after they moved to another computer. Logged; travels to the
 * other installations with the next campaign file.
 */
gboolean          zc_exchange_reenrol       (ZcStore                *store,
                                             ZcPerson               *inspector,
                                             ZcPerson               *person,
                                             GError                **error);

/* The grouped fingerprint of a hex public key ("ab12 cd34 ef56 7890"), or NULL. */
char             *zc_exchange_fingerprint   (const char             *public_hex);
/* The fingerprint of the campaign key this installation holds or has pinned, or NULL. */
char             *zc_exchange_campaign_fingerprint (ZcStore          *store);

G_END_DECLS
