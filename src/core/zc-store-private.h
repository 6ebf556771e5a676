/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "zc-record-private.h"
#include "zc-records-private.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* Internal API shared by the zc-store-*.c files, the audit log, the demo and importers. */

struct _ZcStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  GHashTable  *stmts;        /* SQL text → sqlite3_stmt*, prepared once (persistent) */
  char        *today;        /* fixed day, or NULL */
  double       auth_delay;   /* multiplier of the wrong-passphrase delay */
  GHashTable  *failures;     /* staff code → number of wrong passphrases in a row */
  guint        tx_depth;     /* nesting of zc_store_begin() */
  gboolean     all_or_nothing; /* nested writes open no savepoint (zc_store_set_all_or_nothing) */
  gboolean     doomed;       /* such a nested write failed: the transaction must roll back */
  char        *last_hash;    /* the audit chain's head, cached inside a transaction */
  gboolean     fast_hash;    /* bulk writers may skip per-entry head lookups */
  GHashTable  *insert_stmts; /* ZcRecordClass → its INSERT (insert_stmt ()), in stmts */
  GHashTable  *row_stmts;    /* a class's table name → its SELECT * … WHERE id = ?, in stmts */
  gint64       now_second;   /* zc_store_now () of this second, made once */
  char        *now_text;
  char        *now_fixed;    /* the fixed day it was made with, or NULL */
  GHashTable  *facts;        /* read inside this connection's write transaction, see
                              * zc_store_get_fact () */
};

/* Opens @path migrating only up to @max_version (for upgrade tests). */
ZcStore      *zc_store_open_at_version (const char  *path,
                                        guint        max_version,
                                        GError     **error);

extern const char * const zc_schema_migrations[];
extern const guint zc_schema_n_migrations;

/* ---- SQL ---- */

/* A cached prepared statement, reset and unbound; NULL (and @error) if SQL is wrong. */
sqlite3_stmt *zc_store_stmt          (ZcStore     *self,
                                      const char  *sql,
                                      GError     **error);
gboolean      zc_store_exec          (ZcStore     *self,
                                      const char  *sql,
                                      GError     **error);
/* Sets @error from the connection's last error, prefixed by @what. Returns FALSE. */
gboolean      zc_store_sql_error     (ZcStore     *self,
                                      const char  *what,
                                      GError     **error);
/*
 * Binds values to @stmt by a type string: 'i' gint64, 's' const char * (NULL binds NULL),
 * 'd' double, 'b' gboolean (int). Returns FALSE with @error on a binding failure.
 */
gboolean      zc_store_bind          (ZcStore      *self,
                                      sqlite3_stmt *stmt,
                                      GError      **error,
                                      const char   *types,
                                      ...);
gboolean      zc_store_bind_va       (ZcStore      *self,
                                      sqlite3_stmt *stmt,
                                      GError      **error,
                                      const char   *types,
                                      va_list       args);
/* Runs a statement that returns no rows. */
gboolean      zc_store_run           (ZcStore     *self,
                                      GError     **error,
                                      const char  *sql,
                                      const char  *types,
                                      ...);
/* The first column of the first row as an integer (@fallback when there is no row). */
gint64        zc_store_query_int     (ZcStore     *self,
                                      gint64       fallback,
                                      const char  *sql,
                                      const char  *types,
                                      ...);
/* The first column of the first row as text (NULL when there is no row). */
char         *zc_store_query_text    (ZcStore     *self,
                                      const char  *sql,
                                      const char  *types,
                                      ...);
/* Every row as a record of @type (columns matched to fields by name). */
GListStore   *zc_store_query         (ZcStore     *self,
                                      GType        type,
                                      GError     **error,
                                      const char  *sql,
                                      const char  *types,
                                      ...);
/* The first row as a record of @type, or NULL with ZC_ERROR_NOT_FOUND. */
gpointer      zc_store_query_one     (ZcStore     *self,
                                      GType        type,
                                      GError     **error,
                                      const char  *sql,
                                      const char  *types,
                                      ...);

/* ---- facts of a write transaction ---- */

/*
 * What the checks of every write read again and again (the campaign's phase, a unit's
 * reopened phase, whether a list entry exists): inside a write transaction no other
 * connection can change it, so it is read once per transaction. Facts are forgotten when
 * the transaction ends or rolls back to a savepoint, and when this connection writes a
 * campaign, unit or list entry record. Outside a write transaction nothing is kept.
 */
gboolean      zc_store_get_fact      (ZcStore     *self,
                                      const char  *key,
                                      gint64      *value);
void          zc_store_set_fact      (ZcStore     *self,
                                      const char  *key,
                                      gint64       value);

/* ---- transactions (nest with savepoints) ---- */

gboolean      zc_store_begin         (ZcStore     *self,
                                      GError     **error);
gboolean      zc_store_commit        (ZcStore     *self,
                                      GError     **error);
void          zc_store_rollback      (ZcStore     *self);
void          zc_store_set_all_or_nothing (ZcStore *self);
gboolean      zc_store_leave_wal     (ZcStore     *self);
void          zc_store_back_to_wal   (ZcStore     *self,
                                      gboolean     left);
/* Commits the write opened by zc_store_begin() when @ok, or rolls it back (FALSE). */
gboolean      zc_store_finish        (ZcStore     *self,
                                      gboolean     ok,
                                      GError     **error);

/* The items @ids as zc_store_list_items() gives them, by deadline (zc-store-ledger.c). */
GListModel   *zc_store_list_items_by_id (ZcStore      *self,
                                         const gint64 *ids,
                                         guint         n,
                                         GError      **error);

/* ---- bulk writes (zc-store.c) ---- */

typedef struct _ZcBulkWrite ZcBulkWrite;

ZcBulkWrite  *zc_store_bulk_begin    (ZcStore      *self,
                                      const char   *table,
                                      GError      **error);
gboolean      zc_store_bulk_end      (ZcStore      *self,
                                      ZcBulkWrite  *bulk,
                                      GError      **error);
void          zc_store_bulk_free     (ZcStore      *self,
                                      ZcBulkWrite  *bulk);

/* ---- time ---- */

/* Now as ISO 8601 UTC with seconds: 2026-11-27T20:48:18Z */
char         *zc_store_now           (ZcStore     *self);

/* ---- records ---- */

typedef enum
{
  ZC_WRITE_DEFAULT   = 0,
  ZC_WRITE_ANONYMOUS = 1 << 0,  /* no actor, times kept to the day */
  ZC_WRITE_KEEP_META = 1 << 1,  /* keep uuid, times and revision as given (imports) */
} ZcWriteFlags;

/* Inserts @record (uuid, times and revision 1 assigned) and appends the audit entry. */
gboolean      zc_store_insert_record (ZcStore      *self,
                                      ZcPerson     *actor,
                                      ZcRecord     *record,
                                      const char   *action,
                                      ZcWriteFlags  flags,
                                      GError      **error);
/* Writes the stored fields of @record that differ from the row (revision + 1) and appends
 * the audit entry with the changed fields. A record whose revision is not the stored one
 * is refused with ZC_ERROR_CONFLICT (someone else changed it meanwhile). */
gboolean      zc_store_update_record (ZcStore      *self,
                                      ZcPerson     *actor,
                                      ZcRecord     *record,
                                      const char   *action,
                                      ZcWriteFlags  flags,
                                      GError      **error);
/* Records a change that lives outside the record's own columns (its link sets, a
 * passphrase): revision + 1, updated now, and an audit entry with @fields. */
gboolean      zc_store_touch_record  (ZcStore      *self,
                                      ZcPerson     *actor,
                                      ZcRecord     *record,
                                      const char   *action,
                                      JsonObject   *fields,
                                      GError      **error);
gboolean      zc_store_delete_record (ZcStore      *self,
                                      ZcPerson     *actor,
                                      ZcRecord     *record,
                                      const char   *action,
                                      GError      **error);
/* Loads the stored row of @type with @id (no display fields). */
gpointer      zc_store_load          (ZcStore      *self,
                                      GType         type,
                                      gint64        id,
                                      GError      **error);
gpointer      zc_store_load_by_uuid  (ZcStore      *self,
                                      GType         type,
                                      const char   *uuid,
                                      GError      **error);

/* One record written, with its audit entry, in a transaction of its own (a savepoint inside
 * an open one); write_save inserts a record without an id and updates one with. */
gboolean      zc_store_write_insert  (ZcStore      *self,
                                      ZcPerson     *actor,
                                      ZcRecord     *record,
                                      const char   *action,
                                      ZcWriteFlags  flags,
                                      GError      **error);
gboolean      zc_store_write_update  (ZcStore      *self,
                                      ZcPerson     *actor,
                                      ZcRecord     *record,
                                      const char   *action,
                                      ZcWriteFlags  flags,
                                      GError      **error);
gboolean      zc_store_write_save    (ZcStore      *self,
                                      ZcPerson     *actor,
                                      ZcRecord     *record,
                                      const char   *create_action,
                                      const char   *update_action,
                                      GError      **error);

/* ---- audit log (zc-audit.c) ---- */

/* Appends one entry to the chain. @actor_uuid NULL for anonymous and system entries. */
gboolean      zc_audit_append        (ZcStore     *self,
                                      const char  *actor_uuid,
                                      const char  *action,
                                      const char  *table,
                                      const char  *record_uuid,
                                      JsonObject  *fields,
                                      gint64       row_id,
                                      gboolean     anonymous,
                                      GError     **error);
/* The same entry with its fields already as JSON text (NULL: none) and the row's hash
 * (NULL: no row), for writers that have both at hand. */
gboolean      zc_audit_append_json   (ZcStore     *self,
                                      const char  *actor_uuid,
                                      const char  *action,
                                      const char  *table,
                                      const char  *record_uuid,
                                      const char  *fields_json,
                                      const char  *row_hash,
                                      gboolean     anonymous,
                                      GError     **error);
/* SHA-256 (hex) of the current row of @stmt, whose columns are those of @table in order
 * (SELECT * or RETURNING *), with the row's link sets. */
char         *zc_audit_hash_row      (ZcStore      *self,
                                      const char   *table,
                                      sqlite3_stmt *stmt,
                                      gint64        row_id);
/* The same for the row of an INSERT … RETURNING * just stepped, which has no link sets yet. */
char         *zc_audit_hash_new_row  (ZcStore      *self,
                                      const char   *table,
                                      sqlite3_stmt *stmt);
/* SHA-256 (hex) of the canonical form of a row (and its link sets), or NULL if gone. */
char         *zc_audit_row_hash      (ZcStore     *self,
                                      const char  *table,
                                      gint64       row_id,
                                      GError     **error);
/* Tables whose rows the audit log covers. */
extern const char * const zc_audited_tables[];

/* ---- policy (zc-policy.c) ---- */

gboolean      zc_person_is           (ZcPerson    *person,
                                      ZcRole       role);
gboolean      zc_policy_is_lead_of   (ZcStore     *self,
                                      ZcPerson    *actor,
                                      gint64       unit_id);
gboolean      zc_policy_is_leader_of (ZcStore     *self,
                                      ZcPerson    *actor,
                                      gint64       unit_id);
/* Ledgers, published commitments, dashboards of @unit_id. */
gboolean      zc_policy_can_read_unit (ZcStore    *self,
                                       ZcPerson   *actor,
                                       gint64      unit_id);
gboolean      zc_policy_can_read_form (ZcStore    *self,
                                       ZcPerson   *actor,
                                       ZcForm     *form);
gboolean      zc_policy_can_review_form (ZcStore  *self,
                                         ZcPerson *actor,
                                         ZcForm   *form);
/* Refusals with the standard message. @what is the translated action ("close out items"). */
gboolean      zc_policy_require      (gboolean     allowed,
                                      ZcPerson    *actor,
                                      const char  *what,
                                      GError     **error);
gboolean      zc_policy_require_inspector (ZcPerson   *actor,
                                           const char *what,
                                           GError    **error);
gboolean      zc_policy_require_lead_of   (ZcStore    *self,
                                           ZcPerson   *actor,
                                           gint64      unit_id,
                                           const char *what,
                                           GError    **error);
/* Refuses unless the effective phase of @unit_id is one of @phases (-1 terminated). */
gboolean      zc_policy_require_phase     (ZcStore    *self,
                                           gint64      unit_id,
                                           const char *what,
                                           GError    **error,
                                           ...);
/* The SQL condition (on a unit id column @column) of units the actor may read. */
char         *zc_policy_unit_filter  (ZcStore     *self,
                                      ZcPerson    *actor,
                                      const char  *column);

/* ---- state machines ---- */

/* Refusal "Form ‹x› is submitted; it cannot be submitted" style, naming record, state, action. */
gboolean      zc_state_refuse        (GError     **error,
                                      const char  *record_label,
                                      GType        state_type,
                                      int          state,
                                      const char  *action);

G_END_DECLS
