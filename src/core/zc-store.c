/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <errno.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "zc-date.h"
#include "zc-light.h"
#include "zc-limits.h"
#include "zc-store-private.h"

/* "ZICH" — marks the file as ours, so that a stranger's SQLite file is refused. */
#define ZC_APPLICATION_ID 0x5a494348

G_DEFINE_FINAL_TYPE (ZcStore, zc_store, G_TYPE_OBJECT)

static void
zc_store_finalize (GObject *object)
{
  ZcStore *self = ZC_STORE (object);

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->today);
  g_free (self->last_hash);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  g_clear_pointer (&self->insert_stmts, g_hash_table_unref);
  g_clear_pointer (&self->row_stmts, g_hash_table_unref);
  g_free (self->now_text);
  g_free (self->now_fixed);
  g_clear_pointer (&self->facts, g_hash_table_unref);

  G_OBJECT_CLASS (zc_store_parent_class)->finalize (object);
}

static void
zc_store_class_init (ZcStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_store_finalize;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
zc_store_init (ZcStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->insert_stmts = g_hash_table_new (NULL, NULL);
  self->row_stmts = g_hash_table_new (NULL, NULL);
  self->facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->auth_delay = 1.0;
}

/* ---- SQL helpers --------------------------------------------------------------------- */

gboolean
zc_store_sql_error (ZcStore     *self,
                    const char  *what,
                    GError     **error)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  ZcError zc_code = ZC_ERROR_CORRUPT;

  if (primary == SQLITE_CONSTRAINT)
    zc_code = ZC_ERROR_CONFLICT;
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    zc_code = ZC_ERROR_CONFLICT;
  else if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR || primary == SQLITE_FULL ||
           primary == SQLITE_READONLY || primary == SQLITE_PERM)
    zc_code = ZC_ERROR_IO;

  g_set_error (error, ZC_ERROR, zc_code, "%s: %s", what, sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3_stmt *
zc_store_stmt (ZcStore     *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) !=
      SQLITE_OK)
    {
      zc_store_sql_error (self, "prepare", error);
      g_critical ("SQL does not prepare: %s\n%s", sqlite3_errmsg (self->db), sql);
      return NULL;
    }
  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

gboolean
zc_store_exec (ZcStore     *self,
               const char  *sql,
               GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT, "%s", msg ? msg : "SQL error");
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

/* @destructor SQLITE_STATIC only where the statement is stepped before the function that
 * got the values returns: SQLite then reads the caller's text instead of a copy. */
static gboolean
bind_args (ZcStore                 *self,
           sqlite3_stmt            *stmt,
           GError                 **error,
           sqlite3_destructor_type  destructor,
           const char              *types,
           va_list                  args)
{
  int index = 1;

  for (const char *t = types ? types : ""; *t; t++, index++)
    {
      int rc = SQLITE_OK;

      switch (*t)
        {
        case 'i':
          rc = sqlite3_bind_int64 (stmt, index, va_arg (args, gint64));
          break;
        case 'b':
          rc = sqlite3_bind_int (stmt, index, va_arg (args, gboolean) ? 1 : 0);
          break;
        case 'd':
          rc = sqlite3_bind_double (stmt, index, va_arg (args, double));
          break;
        case 's':
          {
            const char *s = va_arg (args, const char *);

            rc = s ? sqlite3_bind_text (stmt, index, s, -1, destructor)
                   : sqlite3_bind_null (stmt, index);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      if (rc != SQLITE_OK)
        return zc_store_sql_error (self, "bind", error);
    }
  return TRUE;
}

gboolean
zc_store_bind_va (ZcStore      *self,
                  sqlite3_stmt *stmt,
                  GError      **error,
                  const char   *types,
                  va_list       args)
{
  return bind_args (self, stmt, error, SQLITE_TRANSIENT, types, args);
}

gboolean
zc_store_bind (ZcStore      *self,
               sqlite3_stmt *stmt,
               GError      **error,
               const char   *types,
               ...)
{
  va_list args;
  gboolean ret;

  va_start (args, types);
  ret = zc_store_bind_va (self, stmt, error, types, args);
  va_end (args);
  return ret;
}

gboolean
zc_store_run (ZcStore     *self,
              GError     **error,
              const char  *sql,
              const char  *types,
              ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  gboolean ok;
  int rc;

  if (!(stmt = zc_store_stmt (self, sql, error)))
    return FALSE;
  va_start (args, types);
  ok = bind_args (self, stmt, error, SQLITE_STATIC, types, args);
  va_end (args);
  if (!ok)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      zc_store_sql_error (self, "write", error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
zc_store_query_int (ZcStore     *self,
                    gint64       fallback,
                    const char  *sql,
                    const char  *types,
                    ...)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  va_list args;
  gint64 value = fallback;

  if (!(stmt = zc_store_stmt (self, sql, &error)))
    return fallback;
  va_start (args, types);
  bind_args (self, stmt, &error, SQLITE_STATIC, types, args);
  va_end (args);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

char *
zc_store_query_text (ZcStore     *self,
                     const char  *sql,
                     const char  *types,
                     ...)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  va_list args;
  char *value = NULL;

  if (!(stmt = zc_store_stmt (self, sql, &error)))
    return NULL;
  va_start (args, types);
  bind_args (self, stmt, &error, SQLITE_STATIC, types, args);
  va_end (args);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static GListStore *
query_va (ZcStore     *self,
          GType        type,
          GError     **error,
          const char  *sql,
          const char  *types,
          va_list      args)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = zc_store_stmt (self, sql, error)))
    return NULL;
  if (!bind_args (self, stmt, error, SQLITE_STATIC, types, args))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, zc_record_new_from_stmt (type, stmt));
  if (rc != SQLITE_DONE)
    {
      zc_store_sql_error (self, "read", error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  /* One splice: a single items-changed for the whole list. */
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return g_steal_pointer (&list);
}

GListStore *
zc_store_query (ZcStore     *self,
                GType        type,
                GError     **error,
                const char  *sql,
                const char  *types,
                ...)
{
  va_list args;
  GListStore *list;

  va_start (args, types);
  list = query_va (self, type, error, sql, types, args);
  va_end (args);
  return list;
}

gpointer
zc_store_query_one (ZcStore     *self,
                    GType        type,
                    GError     **error,
                    const char  *sql,
                    const char  *types,
                    ...)
{
  va_list args;
  sqlite3_stmt *stmt;
  gpointer record = NULL;
  gboolean bound;
  int rc;

  /* No list for one row: every write reads the record it changes through here. */
  if (!(stmt = zc_store_stmt (self, sql, error)))
    return NULL;
  va_start (args, types);
  bound = bind_args (self, stmt, error, SQLITE_STATIC, types, args);
  va_end (args);
  if (!bound)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = zc_record_new_from_stmt (type, stmt);
  else if (rc != SQLITE_DONE)
    zc_store_sql_error (self, "read", error);
  else
    g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("The record does not exist"));
  sqlite3_reset (stmt);
  return record;
}

/* ---- transactions ------------------------------------------------------------------- */

gboolean
zc_store_get_fact (ZcStore    *self,
                   const char *key,
                   gint64     *value)
{
  gint64 *fact;

  if (self->tx_depth == 0 || (fact = g_hash_table_lookup (self->facts, key)) == NULL)
    return FALSE;
  *value = *fact;
  return TRUE;
}

void
zc_store_set_fact (ZcStore    *self,
                   const char *key,
                   gint64      value)
{
  if (self->tx_depth > 0)
    g_hash_table_replace (self->facts, g_strdup (key), g_memdup2 (&value, sizeof value));
}

static void
forget_facts (ZcStore *self)
{
  g_hash_table_remove_all (self->facts);
}

/* The tables whose records the facts come from. */
static void
record_written (ZcStore       *self,
                ZcRecordClass *klass)
{
  if (g_str_equal (klass->table, "campaign") || g_str_equal (klass->table, "unit") ||
      g_str_equal (klass->table, "list_entry"))
    forget_facts (self);
}

/* Runs a statement of the prepared-statement cache: savepoints come and go with every write
 * of a bulk operation, and parsing them each time costs more than the write. */
static gboolean
exec_cached (ZcStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = zc_store_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return zc_store_sql_error (self, sql, error);
  return TRUE;
}

gboolean
zc_store_begin (ZcStore     *self,
                GError     **error)
{
  char sql[32];

  if (self->tx_depth == 0)
    {
      if (!zc_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->all_or_nothing = FALSE;
      self->doomed = FALSE;
    }
  else if (!self->all_or_nothing)
    {
      g_snprintf (sql, sizeof sql, "SAVEPOINT sp%u", self->tx_depth);
      if (!exec_cached (self, sql, error))
        return FALSE;
    }
  self->tx_depth++;
  return TRUE;
}

/**
 * zc_store_set_all_or_nothing:
 *
 * Inside the transaction open now, writes nested in it open no savepoint of their own: a
 * write that fails leaves the transaction able only to roll back as a whole (its commit
 * fails). For writers that give up on the first failure and roll everything back, as the
 * demo does: a savepoint per call costs SQLite a copy of every page the call touches. It
 * lasts until the transaction ends.
 */
void
zc_store_set_all_or_nothing (ZcStore *self)
{
  g_return_if_fail (self->tx_depth == 1);

  self->all_or_nothing = TRUE;
}

/**
 * zc_store_leave_wal:
 *
 * Before a large write, outside a transaction: when no other connection has the file
 * open, switches to a rollback journal, which writes each new page once where WAL writes
 * it to the log and again to the file. SQLite refuses the switch while anyone else has the
 * file open; then nothing changes.
 *
 * Returns: whether the journal mode changed (pass it to zc_store_back_to_wal())
 */
gboolean
zc_store_leave_wal (ZcStore *self)
{
  g_autofree char *mode = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (self->tx_depth == 0, FALSE);

  mode = zc_store_query_text (self, "PRAGMA journal_mode", NULL);
  if (g_strcmp0 (mode, "wal") != 0)
    return FALSE;
  now = zc_store_query_text (self, "PRAGMA journal_mode = DELETE", NULL);
  g_debug ("%s: large write with journal mode %s", self->path, now);
  return g_strcmp0 (now, "delete") == 0;
}

/* After the write of zc_store_leave_wal(): WAL again, when it was left. */
void
zc_store_back_to_wal (ZcStore  *self,
                      gboolean  left)
{
  g_autofree char *mode = NULL;

  if (!left)
    return;
  mode = zc_store_query_text (self, "PRAGMA journal_mode = WAL", NULL);
  if (g_strcmp0 (mode, "wal") != 0)
    g_warning ("%s: journal mode is %s, not WAL", self->path, mode);
}

gboolean
zc_store_commit (ZcStore     *self,
                 GError     **error)
{
  char sql[32];

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth == 1)
    {
      if (self->doomed)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                       "A write of this transaction failed; it was rolled back");
          zc_store_rollback (self);
          return FALSE;
        }
      if (!zc_store_exec (self, "COMMIT", error))
        {
          zc_store_rollback (self);
          return FALSE;
        }
      g_clear_pointer (&self->last_hash, g_free);
      forget_facts (self);
      self->all_or_nothing = FALSE;
    }
  else if (!self->all_or_nothing)
    {
      g_snprintf (sql, sizeof sql, "RELEASE sp%u", self->tx_depth - 1);
      if (!exec_cached (self, sql, error))
        return FALSE;
    }
  self->tx_depth--;
  return TRUE;
}

void
zc_store_rollback (ZcStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->all_or_nothing = FALSE;
      self->doomed = FALSE;
    }
  else if (self->all_or_nothing)
    /* Nothing to roll back to: the whole transaction will be. */
    self->doomed = TRUE;
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u",
                             self->tx_depth - 1, self->tx_depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  /* The cached chain head may belong to rolled-back entries, and facts to rolled-back
   * writes. */
  g_clear_pointer (&self->last_hash, g_free);
  forget_facts (self);
  self->tx_depth--;
}

/* One record written in a transaction of its own (a savepoint inside an open one): committed
 * with its audit entry, or rolled back. */
static gboolean
write_one (ZcStore      *self,
           ZcPerson     *actor,
           ZcRecord     *record,
           const char   *action,
           ZcWriteFlags  flags,
           gboolean      update,
           GError      **error)
{
  gboolean ok;

  if (!zc_store_begin (self, error))
    return FALSE;
  if (update)
    ok = zc_store_update_record (self, actor, record, action, flags, error);
  else
    ok = zc_store_insert_record (self, actor, record, action, flags, error);
  return zc_store_finish (self, ok, error);
}

gboolean
zc_store_write_insert (ZcStore      *self,
                       ZcPerson     *actor,
                       ZcRecord     *record,
                       const char   *action,
                       ZcWriteFlags  flags,
                       GError      **error)
{
  return write_one (self, actor, record, action, flags, FALSE, error);
}

gboolean
zc_store_write_update (ZcStore      *self,
                       ZcPerson     *actor,
                       ZcRecord     *record,
                       const char   *action,
                       ZcWriteFlags  flags,
                       GError      **error)
{
  return write_one (self, actor, record, action, flags, TRUE, error);
}

/* Inserts @record when it has no id yet, updates it otherwise, as zc_store_write_insert(). */
gboolean
zc_store_write_save (ZcStore     *self,
                     ZcPerson    *actor,
                     ZcRecord    *record,
                     const char  *create_action,
                     const char  *update_action,
                     GError     **error)
{
  if (zc_record_get_id (record) == 0)
    return write_one (self, actor, record, create_action, 0, FALSE, error);
  return write_one (self, actor, record, update_action, 0, TRUE, error);
}

/* Ends the write opened by zc_store_begin(): commits it when @ok, rolls it back otherwise. */
gboolean
zc_store_finish (ZcStore   *self,
                 gboolean   ok,
                 GError   **error)
{
  if (!ok)
    {
      zc_store_rollback (self);
      return FALSE;
    }
  return zc_store_commit (self, error);
}

/* ---- bulk writes ----------------------------------------------------------------------- */

struct _ZcBulkWrite
{
  gint64     cache_size;   /* the page cache before, in PRAGMA cache_size's units */
  char      *table;
  char      *fts;          /* the full-text index of @table, or NULL */
  char      *columns;      /* its columns, "a, b, c" */
  gint64     last_id;      /* @table's largest id before */
  GPtrArray *triggers;     /* SQL of the suspended triggers */
};

/**
 * zc_store_bulk_begin:
 * @table: the table whose rows the caller adds
 *
 * Prepares the open transaction for many inserts into @table: a page cache that holds what
 * the writes touch, and the full-text index of @table kept up to date once at the end
 * instead of row by row (FTS5 writes its pending terms out at the end of every statement,
 * so a trigger per row makes thousands of tiny index segments to merge). Only for writers
 * that add rows to @table: changes to its older rows are not indexed until
 * zc_store_bulk_end() (which the caller calls before committing, with the same
 * transaction open).
 */
ZcBulkWrite *
zc_store_bulk_begin (ZcStore     *self,
                     const char  *table,
                     GError     **error)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *pattern = NULL;
  g_autofree char *sql = NULL;
  ZcBulkWrite *bulk;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->tx_depth > 0, NULL);

  bulk = g_new0 (ZcBulkWrite, 1);
  bulk->table = g_strdup (table);
  bulk->triggers = g_ptr_array_new_with_free_func (g_free);
  bulk->cache_size = zc_store_query_int (self, -2000, "PRAGMA cache_size", NULL);
  /* 64 MiB, or what the store had if that is more. */
  if (bulk->cache_size > -65536 && bulk->cache_size < 16384)
    zc_store_exec (self, "PRAGMA cache_size = -65536", NULL);

  pattern = g_strdup_printf ("%%content='%s'%%", table);
  bulk->fts = zc_store_query_text (self, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%' AND sql LIKE ?",
                                   "s", pattern);
  if (bulk->fts == NULL)
    return bulk;

  sql = g_strdup_printf ("SELECT max(id) FROM %s", table);
  bulk->last_id = zc_store_query_int (self, 0, sql, NULL);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", bulk->fts);
  if (!(stmt = zc_store_stmt (self, sql, error)))
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (columns, "%s%s", columns->len ? ", " : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  bulk->columns = g_strdup (columns->str);

  /* The triggers that keep the index, dropped inside the transaction (a rollback brings
   * them back). */
  if (!(stmt = zc_store_stmt (self, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                    "AND tbl_name = ? AND sql LIKE '%INSERT INTO ' || ? || ' %' "
                                    "ORDER BY name", error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bulk->fts, -1, SQLITE_TRANSIENT);
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        g_ptr_array_add (bulk->triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      }
    sqlite3_reset (stmt);
    for (guint i = 0; i < names->len; i++)
      {
        g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                                 (char *) names->pdata[i]);

        if (!zc_store_exec (self, drop, error))
          goto fail;
      }
  }
  return bulk;

fail:
  zc_store_bulk_free (self, bulk);
  return NULL;
}

/* Puts the full-text triggers back and indexes the rows added since zc_store_bulk_begin(),
 * in one statement. */
gboolean
zc_store_bulk_end (ZcStore      *self,
                   ZcBulkWrite  *bulk,
                   GError      **error)
{
  g_autofree char *sql = NULL;
  gboolean indexed_by_triggers = bulk->triggers->len > 0;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  for (guint i = 0; i < bulk->triggers->len; i++)
    if (!zc_store_exec (self, bulk->triggers->pdata[i], error))
      return FALSE;
  g_ptr_array_set_size (bulk->triggers, 0);
  if (bulk->fts == NULL || !indexed_by_triggers)
    return TRUE;
  sql = g_strdup_printf ("INSERT INTO %s (rowid, %s) SELECT id, %s FROM %s WHERE id > ?",
                         bulk->fts, bulk->columns, bulk->columns, bulk->table);
  return zc_store_run (self, error, sql, "i", bulk->last_id);
}

/* Gives the store its page cache back and frees @bulk. */
void
zc_store_bulk_free (ZcStore     *self,
                    ZcBulkWrite *bulk)
{
  g_autofree char *sql = NULL;

  if (bulk == NULL)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, bulk->cache_size);
  zc_store_exec (self, sql, NULL);
  g_ptr_array_unref (bulk->triggers);
  g_free (bulk->table);
  g_free (bulk->fts);
  g_free (bulk->columns);
  g_free (bulk);
}

/* ---- time ----------------------------------------------------------------------------- */

char *
zc_store_now (ZcStore *self)
{
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;
  const char *fixed = self->today ? self->today : g_getenv ("ZICHA_TODAY");
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time_of_day = NULL;

  /* Every write asks for the time: a bulk import asks thousands of times a second. */
  if (self->now_text != NULL && second == self->now_second &&
      g_strcmp0 (fixed, self->now_fixed) == 0)
    return g_strdup (self->now_text);

  now = g_date_time_new_from_unix_utc (second);
  g_free (self->now_text);
  g_free (self->now_fixed);
  self->now_second = second;
  self->now_fixed = g_strdup (fixed);
  /* A fixed day (tests, demos) moves times too, so that times and dates agree. */
  if (fixed == NULL || !zc_date_is_valid (fixed))
    self->now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  else
    {
      time_of_day = g_date_time_format (now, "%H:%M:%S");
      self->now_text = g_strdup_printf ("%sT%sZ", fixed, time_of_day);
    }
  return g_strdup (self->now_text);
}

void
zc_store_set_today (ZcStore    *self,
                    const char *date)
{
  g_return_if_fail (ZC_IS_STORE (self));
  g_return_if_fail (date == NULL || zc_date_is_valid (date));

  g_free (self->today);
  self->today = g_strdup (date);
}

char *
zc_store_today (ZcStore *self)
{
  const char *env;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (self == NULL || ZC_IS_STORE (self), NULL);

  if (self != NULL && self->today)
    return g_strdup (self->today);
  env = g_getenv ("ZICHA_TODAY");
  if (env && zc_date_is_valid (env))
    return g_strdup (env);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

void
zc_store_set_auth_delay (ZcStore *self,
                         double   factor)
{
  g_return_if_fail (ZC_IS_STORE (self));
  self->auth_delay = factor;
}

/* ---- opening and migrations ------------------------------------------------------------- */

/* zc_light(state, term_type, start_date, deadline, review_dates, progress, today, warning) */
static void
sql_light (sqlite3_context *ctx,
           int              argc,
           sqlite3_value  **argv)
{
  int state = ZC_ITEM_STATE_PLANNED, term = ZC_TERM_TYPE_DEADLINE;
  const char *deadline = (const char *) sqlite3_value_text (argv[3]);
  const char *today = (const char *) sqlite3_value_text (argv[6]);
  g_autofree char *review = NULL;

  zc_enum_from_string (ZC_TYPE_ITEM_STATE, (const char *) sqlite3_value_text (argv[0]), &state);
  zc_enum_from_string (ZC_TYPE_TERM_TYPE, (const char *) sqlite3_value_text (argv[1]), &term);
  if (term == ZC_TERM_TYPE_ONGOING && sqlite3_value_type (argv[4]) != SQLITE_NULL)
    {
      review = zc_light_next_review ((const char *) sqlite3_value_text (argv[4]), today);
      if (review)
        deadline = review;
    }
  sqlite3_result_int (ctx, zc_light_compute (state, term,
                                             (const char *) sqlite3_value_text (argv[2]),
                                             deadline, sqlite3_value_int (argv[5]), today,
                                             sqlite3_value_int (argv[7])));
}

static gboolean
migrate (ZcStore  *self,
         GError  **error)
{
  gint64 version = zc_store_query_int (self, 0, "PRAGMA user_version", NULL);
  gint64 app_id = zc_store_query_int (self, 0, "PRAGMA application_id", NULL);
  gint64 tables = zc_store_query_int (self, 0,
                                      "SELECT count(*) FROM sqlite_master WHERE type='table'",
                                      NULL);
  g_autofree char *set_version = NULL;

  if (version == 0 && tables > 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                   _("%s is not a Zicha database"), self->path);
      return FALSE;
    }
  if (version > 0 && app_id != ZC_APPLICATION_ID)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                   _("%s is not a Zicha database"), self->path);
      return FALSE;
    }
  if (version > (gint64) zc_schema_n_migrations)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_VERSION,
                   _("%s was written by a newer version of Zicha (database version %d; this "
                     "version reads up to %u). Update Zicha to open it; the file was not "
                     "changed."),
                   self->path, (int) version, zc_schema_n_migrations);
      return FALSE;
    }
  if (version == (gint64) zc_schema_n_migrations)
    return TRUE;

  if (!zc_store_begin (self, error))
    return FALSE;
  /* Read again under the write lock: another connection (the window's counting thread, a
   * zicha-cli started at the same time) may have upgraded the file meanwhile. */
  version = zc_store_query_int (self, 0, "PRAGMA user_version", NULL);
  if (version == (gint64) zc_schema_n_migrations)
    return zc_store_commit (self, error);
  for (guint v = version; v < zc_schema_n_migrations; v++)
    {
      g_debug ("Migrating %s to version %u", self->path, v + 1);
      if (!zc_store_exec (self, zc_schema_migrations[v], error))
        {
          g_prefix_error (error, _("Upgrading the database to version %u failed: "), v + 1);
          zc_store_rollback (self);
          return FALSE;
        }
    }
  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u",
                                 ZC_APPLICATION_ID, zc_schema_n_migrations);
  if (!zc_store_exec (self, set_version, error))
    {
      zc_store_rollback (self);
      return FALSE;
    }
  return zc_store_commit (self, error);
}

static ZcStore *
open_internal (const char  *path,
               guint        max_version,
               GError     **error)
{
  g_autoptr(ZcStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *mode = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT, "libsodium could not start");
      return NULL;
    }

  self = g_object_new (ZC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("Cannot open %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Reading the header first tells a foreign or damaged file apart before we write. */
  if (sqlite3_exec (self->db, "PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_master",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                   _("%s is not a Zicha database or is damaged"), path);
      return NULL;
    }
  {
    gint64 version = zc_store_query_int (self, 0, "PRAGMA user_version", NULL);

    if (version > (gint64) zc_schema_n_migrations)
      {
        g_set_error (error, ZC_ERROR, ZC_ERROR_VERSION,
                     _("%s was written by a newer version of Zicha (database version %d; this "
                       "version reads up to %u). Update Zicha to open it; the file was not "
                       "changed."),
                     path, (int) version, zc_schema_n_migrations);
        return NULL;
      }
  }

  mode = zc_store_query_text (self, "PRAGMA journal_mode = WAL", NULL);
  if (g_strcmp0 (mode, "wal") != 0)
    g_warning ("%s: journal mode is %s, not WAL", path, mode);
  if (!zc_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;
  /* Every write runs in a savepoint, whose journal of the pages it changes would otherwise
   * go to a temporary file past 64 KiB: a page written to disk per record in a bulk write. */
  if (!zc_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  sqlite3_create_function (self->db, "zc_light", 8,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_light, NULL, NULL);

  if (max_version < zc_schema_n_migrations)
    {
      gint64 version = zc_store_query_int (self, 0, "PRAGMA user_version", NULL);

      if (!zc_store_begin (self, error))
        return NULL;
      for (guint v = version; v < max_version; v++)
        if (!zc_store_exec (self, zc_schema_migrations[v], error))
          {
            zc_store_rollback (self);
            return NULL;
          }
      {
        g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; "
                                                "PRAGMA user_version = %u",
                                                ZC_APPLICATION_ID, max_version);
        if (!zc_store_exec (self, sql, error))
          {
            zc_store_rollback (self);
            return NULL;
          }
      }
      if (!zc_store_commit (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * zc_store_open:
 * @path: the database file; created when missing
 *
 * Opens (and creates or upgrades) a campaign database. A file from a newer Zicha or a file
 * that is not a Zicha database is refused untouched.
 */
void
zc_store_remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_return_if_fail (path != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_debug ("Cannot remove %s: %s", file, g_strerror (errno));
    }
}

ZcStore *
zc_store_open (const char  *path,
               GError     **error)
{
  return open_internal (path, G_MAXUINT, error);
}

ZcStore *
zc_store_open_at_version (const char  *path,
                          guint        max_version,
                          GError     **error)
{
  return open_internal (path, max_version, error);
}

const char *
zc_store_get_path (ZcStore *self)
{
  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  return self->path;
}

char *
zc_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "zicha", "zicha.db", NULL);
}

/* ---- generic record persistence --------------------------------------------------------- */

static const char *
actor_uuid (ZcPerson *actor)
{
  return actor ? zc_record_get_uuid (ZC_RECORD (actor)) : NULL;
}

/*
 * A new record's UUID. Version 7 (RFC 9562: the time in milliseconds, then random bits)
 * keeps the indexes on uuid columns, and the audit log's index on (tbl, record), growing at
 * their end: with random UUIDs every insert dirties a page somewhere in each of them, and a
 * bulk import rewrites most of those indexes. An anonymous record gets a random UUID
 * (version 4): its creation time must not be readable from it.
 */
static char *
new_uuid (ZcWriteFlags flags)
{
  static const char hex[] = "0123456789abcdef";
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  guint8 b[16];
  char *text;

  if (flags & ZC_WRITE_ANONYMOUS)
    return g_uuid_string_random ();
  /* GLib's generator, as g_uuid_string_random() has it: a UUID is unique, not secret, and
   * a system call per record shows in a bulk write. */
  for (int i = 0; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      memcpy (b + i, &r, sizeof r);
    }
  for (int i = 0; i < 6; i++)
    b[i] = (ms >> (8 * (5 - i))) & 0xff;
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  text = g_malloc (37);
  for (int i = 0, j = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        text[j++] = '-';
      text[j++] = hex[b[i] >> 4];
      text[j++] = hex[b[i] & 0x0f];
    }
  text[36] = '\0';
  return text;
}

static char *
write_time (ZcStore      *self,
            ZcWriteFlags  flags)
{
  /* An anonymous record keeps only the day: a time to the second could be matched
   * against the author's other entries. */
  if (flags & ZC_WRITE_ANONYMOUS)
    return zc_store_today (self);
  return zc_store_now (self);
}

/*
 * The INSERT of a record class, prepared once per store and kept by class, so that a bulk
 * write does not look its long text up in the statement cache for every record.
 */
static sqlite3_stmt *
insert_stmt (ZcStore        *self,
             ZcRecordClass  *klass,
             GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->insert_stmts, klass);
  g_autoptr(GString) sql = NULL;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (uuid, created, updated, revision",
                          klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!klass->fields[i].display)
      g_string_append_printf (sql, ", %s", klass->fields[i].name);
  g_string_append (sql, ") VALUES (?, ?, ?, ?");
  for (guint i = 0; i < klass->n_fields; i++)
    if (!klass->fields[i].display)
      g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');
  /* The statement cache owns it; it lives as long as the store. */
  if ((stmt = zc_store_stmt (self, sql->str, error)) != NULL)
    g_hash_table_insert (self->insert_stmts, klass, stmt);
  return stmt;
}

/*
 * The UPDATE of the fields of @record that differ from @old. Only those columns are set: SQLite rewrites the entry of every index, and fires
 * every UPDATE OF trigger, whose column is in the SET list, changed or not, and most writes
 * change one or two fields of a record with several indexes. @changed receives, for each
 * field of the class, whether it is set (and bound, in order, after updated and revision).
 * Its text keys the prepared statement, so each set of fields is prepared once.
 */
static char *
update_sql (ZcRecordClass *klass,
            ZcRecord      *old,
            ZcRecord      *record,
            gboolean      *changed)
{
  GString *sql = g_string_sized_new (256);

  g_string_append_printf (sql, "UPDATE %s SET updated = ?, revision = ?", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      changed[i] = !klass->fields[i].display &&
                   !zc_record_field_equal (old, record, &klass->fields[i]);
      if (changed[i])
        g_string_append_printf (sql, ", %s = ?", klass->fields[i].name);
    }
  g_string_append (sql, " WHERE id = ?");
  return g_string_free (sql, FALSE);
}

/*
 * Steps the INSERT or UPDATE (by id) of one row of @table, then reads the row as SQLite
 * stored it and hashes it for the audit log (@row_id 0: the row just inserted). The row is
 * read by its id rather than with RETURNING *: SQLite returns rows through a temporary
 * table it makes, and a statement journal it opens, for every statement, which cost more
 * than reading the row again from a page the write has just brought into the cache.
 */
static gboolean
write_row (ZcStore       *self,
           sqlite3_stmt  *stmt,
           const char    *table,
           gint64        *row_id,
           gint64        *revision,
           char         **row_hash,
           GError       **error)
{
  gboolean inserted = *row_id == 0;
  sqlite3_stmt *row;
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      zc_store_sql_error (self, table, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (inserted)
    *row_id = sqlite3_last_insert_rowid (self->db);

  /* @table is the class's own string: kept by its address. */
  if ((row = g_hash_table_lookup (self->row_stmts, table)) != NULL)
    sqlite3_reset (row);
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", table);

      if (!(row = zc_store_stmt (self, sql, error)))
        return FALSE;
      g_hash_table_insert (self->row_stmts, (gpointer) table, row);
    }
  sqlite3_bind_int64 (row, 1, *row_id);
  rc = sqlite3_step (row);
  if (rc == SQLITE_ROW)
    {
      for (int col = 0; revision && col < sqlite3_column_count (row); col++)
        if (g_str_equal (sqlite3_column_name (row, col), "revision"))
          *revision = sqlite3_column_int64 (row, col);
      if (inserted)
        *row_hash = zc_audit_hash_new_row (self, table, row);
      else
        *row_hash = zc_audit_hash_row (self, table, row, *row_id);
    }
  else if (rc != SQLITE_DONE)
    zc_store_sql_error (self, table, error);
  else
    g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, "%s %" G_GINT64_FORMAT, table, *row_id);
  sqlite3_reset (row);
  return *row_hash != NULL;
}

gboolean
zc_store_insert_record (ZcStore      *self,
                        ZcPerson     *actor,
                        ZcRecord     *record,
                        const char   *action,
                        ZcWriteFlags  flags,
                        GError      **error)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (record);
  g_autofree char *fields = NULL;
  g_autofree char *row_hash = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  const char *created, *updated;
  gint64 revision = 1, id = 0;
  sqlite3_stmt *stmt;
  int index = 5;

  if (!(stmt = insert_stmt (self, klass, error)))
    return FALSE;

  now = write_time (self, flags);
  if ((flags & ZC_WRITE_KEEP_META) && zc_record_get_uuid (record))
    {
      uuid = g_strdup (zc_record_get_uuid (record));
      created = zc_record_get_created (record) ? zc_record_get_created (record) : now;
      updated = zc_record_get_updated (record) ? zc_record_get_updated (record) : now;
      revision = MAX (1, zc_record_get_revision (record));
    }
  else
    {
      uuid = new_uuid (flags);
      created = updated = now;
    }

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, updated, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, revision);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!klass->fields[i].display)
      zc_record_bind_field (record, &klass->fields[i], stmt, index++);

  if (!write_row (self, stmt, klass->table, &id, NULL, &row_hash, error))
    return FALSE;
  record_written (self, klass);

  zc_record_set_common (record, id, uuid, created, updated, revision);

  fields = zc_record_diff_json (NULL, record, NULL);
  return zc_audit_append_json (self, (flags & ZC_WRITE_ANONYMOUS) ? NULL : actor_uuid (actor),
                               action, klass->table, uuid, fields, row_hash,
                               (flags & ZC_WRITE_ANONYMOUS) != 0, error);
}

gpointer
zc_store_load (ZcStore  *self,
               GType     type,
               gint64    id,
               GError  **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?",
                                          ZC_RECORD_CLASS (klass)->table);

  return zc_store_query_one (self, type, error, sql, "i", id);
}

gpointer
zc_store_load_by_uuid (ZcStore     *self,
                       GType        type,
                       const char  *uuid,
                       GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE uuid = ?",
                                          ZC_RECORD_CLASS (klass)->table);

  return zc_store_query_one (self, type, error, sql, "s", uuid);
}

gboolean
zc_store_update_record (ZcStore      *self,
                        ZcPerson     *actor,
                        ZcRecord     *record,
                        const char   *action,
                        ZcWriteFlags  flags,
                        GError      **error)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (record);
  g_autoptr(ZcRecord) old = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *row_hash = NULL;
  g_autofree char *now = NULL;
  g_autofree char *sql = NULL;
  gboolean *changed;
  const char *updated;
  gint64 revision, id;
  sqlite3_stmt *stmt;
  guint n_changed;
  int index = 1;

  old = zc_store_load (self, G_OBJECT_TYPE (record), zc_record_get_id (record), error);
  if (old == NULL)
    return FALSE;

  if (!(flags & ZC_WRITE_KEEP_META) &&
      zc_record_get_revision (record) != zc_record_get_revision (old))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CONFLICT,
                   _("This record was changed meanwhile (revision %" PRId64
                     ", you edited revision %" PRId64 "); reload it and try again"),
                   zc_record_get_revision (old), zc_record_get_revision (record));
      return FALSE;
    }

  diff = zc_record_diff_json (old, record, &n_changed);
  if (n_changed == 0 && !(flags & ZC_WRITE_KEEP_META))
    return TRUE;

  now = write_time (self, flags);
  if (flags & ZC_WRITE_KEEP_META)
    {
      updated = zc_record_get_updated (record) ? zc_record_get_updated (record) : now;
      revision = zc_record_get_revision (record);
    }
  else
    {
      updated = now;
      revision = zc_record_get_revision (old) + 1;
    }

  changed = g_newa (gboolean, klass->n_fields);
  sql = update_sql (klass, old, record, changed);
  if (!(stmt = zc_store_stmt (self, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, index++, updated, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, index++, revision);
  for (guint i = 0; i < klass->n_fields; i++)
    if (changed[i])
      zc_record_bind_field (record, &klass->fields[i], stmt, index++);
  sqlite3_bind_int64 (stmt, index, zc_record_get_id (record));
  id = zc_record_get_id (record);
  if (!write_row (self, stmt, klass->table, &id, NULL, &row_hash, error))
    return FALSE;
  record_written (self, klass);

  zc_record_set_common (record, zc_record_get_id (record), zc_record_get_uuid (old),
                        zc_record_get_created (old), updated, revision);

  return zc_audit_append_json (self, actor_uuid (actor), action, klass->table,
                               zc_record_get_uuid (old), diff, row_hash, FALSE, error);
}

gboolean
zc_store_delete_record (ZcStore     *self,
                        ZcPerson    *actor,
                        ZcRecord    *record,
                        const char  *action,
                        GError     **error)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (record);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", klass->table);

  if (!zc_store_run (self, error, sql, "i", zc_record_get_id (record)))
    return FALSE;
  record_written (self, klass);
  return zc_audit_append (self, actor_uuid (actor), action, klass->table,
                          zc_record_get_uuid (record), NULL, 0, FALSE, error);
}

/* ---- configurable lists --------------------------------------------------------------- */

typedef struct
{
  ZcListKind  kind;
  const char *code;
  const char *label;   /* source language, translated for display */
  const char *zh;      /* the official Chinese term, matched on import in any locale */
} BuiltinEntry;

static const BuiltinEntry builtin_entries[] = {
  { ZC_LIST_KIND_CATEGORY, "thinking", N_("Outdated thinking"), "思想观念" },
  { ZC_LIST_KIND_CATEGORY, "style", N_("Work style"), "工作作风" },
  { ZC_LIST_KIND_CATEGORY, "efficiency", N_("Efficiency"), "效率效能" },
  { ZC_LIST_KIND_CATEGORY, "service", N_("Service attitude"), "服务态度" },
  { ZC_LIST_KIND_CATEGORY, "ability", N_("Ability and skill"), "能力本领" },
  { ZC_LIST_KIND_CATEGORY, "discipline", N_("Discipline and rules"), "纪律规矩" },
  { ZC_LIST_KIND_CATEGORY, "integrity", N_("Integrity and self-discipline"), "廉洁自律" },
  { ZC_LIST_KIND_CATEGORY, "unity", N_("Unity and cooperation"), "团结协作" },
  { ZC_LIST_KIND_CATEGORY, "initiative", N_("Taking responsibility"), "担当作为" },
  { ZC_LIST_KIND_BENCHMARK, "city", N_("Requirements of the municipal Party committee and "
                                       "government"), "市委市政府要求" },
  { ZC_LIST_KIND_BENCHMARK, "duties", N_("Post duties"), "岗位职责" },
  { ZC_LIST_KIND_BENCHMARK, "development", N_("Development needs"), "发展需要" },
  { ZC_LIST_KIND_BENCHMARK, "public", N_("What the public reports"), "群众反映" },
  { ZC_LIST_KIND_BENCHMARK, "advanced", N_("Advanced regions and units"), "先进地区/单位" },
  { ZC_LIST_KIND_DIMENSION, "ideology", N_("Ideological understanding"), "思想认识" },
  { ZC_LIST_KIND_DIMENSION, "purpose", N_("Sense of purpose"), "宗旨意识" },
  { ZC_LIST_KIND_DIMENSION, "discipline", N_("Discipline and rules"), "纪律规矩" },
  { ZC_LIST_KIND_DIMENSION, "ability", N_("Ability and quality"), "能力素质" },
  { ZC_LIST_KIND_DIMENSION, "responsibility", N_("Spirit of responsibility"), "担当精神" },
  { ZC_LIST_KIND_DIMENSION, "system", N_("Systems and mechanisms"), "制度机制" },
  { ZC_LIST_KIND_FOCUS_AREA, "assistance", N_("Social assistance"), "社会救助" },
  { ZC_LIST_KIND_FOCUS_AREA, "elderly", N_("Elderly care services"), "养老服务" },
  { ZC_LIST_KIND_FOCUS_AREA, "disabled", N_("Aid to the disabled and the homeless"), "扶残救乞" },
  { ZC_LIST_KIND_FOCUS_AREA, "grassroots", N_("Grassroots governance"), "基层治理" },
  { ZC_LIST_KIND_FOCUS_AREA, "special", N_("Special affairs"), "专项事务" },
};

static const BuiltinEntry *
find_builtin (ZcListKind  kind,
              const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_entries); i++)
    if (builtin_entries[i].kind == kind && g_strcmp0 (builtin_entries[i].code, code) == 0)
      return &builtin_entries[i];
  return NULL;
}

const char *
zc_list_entry_get_display_label (ZcListEntry *entry)
{
  const BuiltinEntry *b;

  g_return_val_if_fail (ZC_IS_LIST_ENTRY (entry), NULL);

  if (entry->label)
    return entry->label;
  b = find_builtin (entry->kind, entry->code);
  return b ? g_dgettext (GETTEXT_PACKAGE, b->label) : entry->code;
}

const char *
zc_list_entry_get_official_label (ZcListEntry *entry)
{
  const BuiltinEntry *b;

  g_return_val_if_fail (ZC_IS_LIST_ENTRY (entry), NULL);

  if (entry->label)
    return entry->label;
  b = find_builtin (entry->kind, entry->code);
  return b ? b->zh : entry->code;
}

GListModel *
zc_store_list_entries (ZcStore    *self,
                       ZcListKind  kind)
{
  g_autoptr(GError) error = NULL;
  GListStore *list;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  list = zc_store_query (self, ZC_TYPE_LIST_ENTRY, &error,
                         "SELECT * FROM list_entry WHERE kind = ? AND active "
                         "ORDER BY position, id",
                         "s", zc_enum_to_string (ZC_TYPE_LIST_KIND, kind));
  if (list == NULL)
    {
      g_warning ("Listing entries: %s", error->message);
      return G_LIST_MODEL (g_list_store_new (ZC_TYPE_LIST_ENTRY));
    }
  return G_LIST_MODEL (list);
}

ZcListEntry *
zc_store_get_entry (ZcStore *self,
                    gint64   id)
{
  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  return zc_store_load (self, ZC_TYPE_LIST_ENTRY, id, NULL);
}

ZcListEntry *
zc_store_find_entry (ZcStore    *self,
                     ZcListKind  kind,
                     const char *label_or_code)
{
  g_autoptr(GListModel) entries = NULL;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (label_or_code == NULL || *label_or_code == '\0')
    return NULL;
  needle = g_strstrip (g_strdup (label_or_code));
  entries = zc_store_list_entries (self, kind);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(ZcListEntry) e = g_list_model_get_item (entries, i);
      const BuiltinEntry *b = find_builtin (e->kind, e->code);

      if (g_strcmp0 (e->code, needle) == 0 || g_strcmp0 (e->label, needle) == 0 ||
          g_strcmp0 (zc_list_entry_get_display_label (e), needle) == 0 ||
          (b && (g_strcmp0 (b->zh, needle) == 0 || g_strcmp0 (b->label, needle) == 0)))
        return g_steal_pointer (&e);
    }
  return NULL;
}

gboolean
zc_store_save_entry (ZcStore      *self,
                     ZcPerson     *actor,
                     ZcListEntry  *entry,
                     GError      **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_LIST_ENTRY (entry), FALSE);

  if (!zc_policy_require_inspector (actor, _("change the campaign’s lists"), error))
    return FALSE;
  if (!zc_validate_text (entry->code, _("Code"), ZC_LIMIT_CODE, TRUE, error) ||
      !zc_validate_text (entry->label, _("Name"), ZC_LIMIT_NAME,
                         find_builtin (entry->kind, entry->code) == NULL, error))
    return FALSE;

  return zc_store_write_save (self, actor, ZC_RECORD (entry), "create_entry", "update_entry",
                              error);
}

/* ---- guidance ----------------------------------------------------------------------- */

typedef struct
{
  const char *step;
  const char *text;
  const char *examples;
} BuiltinGuidance;

static const BuiltinGuidance builtin_guidance[] = {
  { "phenomenon",
    N_("List the problems in your own work style. Hold up the mirror to yourself: what did "
       "you do, or fail to do, in your post? Describe each problem with a concrete case: "
       "when, where, what happened, and what it caused."),
    N_("When residents asked about minimum-living-allowance rules at the window, I answered "
       "“that is not our business” without pointing them to the right office.\n"
       "I signed off three elderly-care inspection reports last quarter without visiting the "
       "homes myself.\n"
       "An application for temporary assistance waited eleven working days on my desk because "
       "one document was missing and I did not call the applicant.") },
  { "gap",
    N_("Measure each problem against a benchmark: the requirements of the municipal Party "
       "committee and government, the duties of your post, the needs of development, what the "
       "public says, or the practice of advanced units. Say plainly how far you fall short."),
    N_("The service standard asks for one-time notification of every missing document; I "
       "notified applicants piecemeal, twice or three times.") },
  { "cause",
    N_("Find the causes. Look at your thinking, your sense of purpose, discipline, ability, "
       "willingness to take responsibility, and the systems you work in. Ask “why?” again "
       "until you reach the root."),
    N_("I treated the window as a counter for forms rather than a service to people.") },
  { "measure",
    N_("Propose a measure for each problem: what you will do, by when. Things that can be "
       "fixed now are fixed immediately; others get a deadline; habits to keep are ongoing."),
    N_("From next week, give every applicant a written list of all missing documents at the "
       "first visit.") },
  { "review",
    N_("Read your form once more as your reviewer will read it. Is every problem concrete, "
       "measured, explained, and answered by a measure? Then submit it."),
    NULL },
};

ZcGuidance *
zc_store_get_guidance (ZcStore    *self,
                       const char *step)
{
  ZcGuidance *g;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  g = zc_store_query_one (self, ZC_TYPE_GUIDANCE, NULL,
                          "SELECT * FROM guidance WHERE step = ?", "s", step);
  if (g == NULL)
    {
      g = zc_guidance_new ();
      zc_guidance_set_step (g, step);
    }
  /* Empty text means "the built-in guidance", shown in the reader's language. */
  for (guint i = 0; i < G_N_ELEMENTS (builtin_guidance); i++)
    if (g_strcmp0 (builtin_guidance[i].step, step) == 0)
      {
        if (g->text == NULL)
          g->text = g_strdup (g_dgettext (GETTEXT_PACKAGE, builtin_guidance[i].text));
        if (g->examples == NULL && builtin_guidance[i].examples)
          g->examples = g_strdup (g_dgettext (GETTEXT_PACKAGE, builtin_guidance[i].examples));
      }
  return g;
}

gboolean
zc_store_save_guidance (ZcStore     *self,
                        ZcPerson    *actor,
                        ZcGuidance  *guidance,
                        GError     **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!zc_policy_require_inspector (actor, _("change the guidance"), error))
    return FALSE;
  if (!zc_validate_text (guidance->text, _("Guidance"), ZC_LIMIT_LETTER, FALSE, error) ||
      !zc_validate_text (guidance->examples, _("Examples"), ZC_LIMIT_LETTER, FALSE, error))
    return FALSE;
  return zc_store_write_save (self, actor, ZC_RECORD (guidance), "create_guidance", "update_guidance",
                              error);
}

/* ---- campaign ------------------------------------------------------------------------ */

gboolean
zc_store_has_campaign (ZcStore *self)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  return zc_store_query_int (self, 0, "SELECT count(*) FROM campaign", NULL) > 0;
}

ZcCampaign *
zc_store_get_campaign (ZcStore  *self,
                       GError  **error)
{
  ZcCampaign *c;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  c = zc_store_query_one (self, ZC_TYPE_CAMPAIGN, NULL, "SELECT * FROM campaign", NULL);
  if (c == NULL)
    g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                 _("%s holds no campaign yet"), self->path);
  return c;
}

guint
zc_store_count_people (ZcStore *self)
{
  return zc_store_query_int (self, 0, "SELECT count(*) FROM person", NULL);
}

ZcCampaign *
zc_store_init_campaign (ZcStore     *self,
                        const char  *title,
                        const char  *start_date,
                        GError     **error)
{
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (zc_store_has_campaign (self))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   _("%s already holds a campaign; create a new file for a new campaign"),
                   self->path);
      return NULL;
    }
  if (!zc_validate_text (title, _("Campaign title"), ZC_LIMIT_TITLE, TRUE, error) ||
      !zc_validate_date (start_date, _("Start date"), FALSE, error))
    return NULL;

  today = zc_store_today (self);
  campaign = zc_campaign_new ();
  zc_campaign_set_title (campaign, title);
  zc_campaign_set_start_date (campaign, start_date ? start_date : today);
  zc_campaign_set_phase (campaign, ZC_PHASE_MOBILIZATION);
  zc_campaign_set_warning_days (campaign, 7);

  if (!zc_store_begin (self, error))
    return NULL;
  /* The campaign table allows one row with id 1. */
  if (!zc_store_insert_record (self, NULL, ZC_RECORD (campaign), "init_campaign", 0, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_entries); i++)
    {
      g_autoptr(ZcListEntry) e = zc_list_entry_new ();

      zc_list_entry_set_kind (e, builtin_entries[i].kind);
      zc_list_entry_set_code (e, builtin_entries[i].code);
      zc_list_entry_set_position (e, i);
      zc_list_entry_set_active (e, TRUE);
      if (!zc_store_insert_record (self, NULL, ZC_RECORD (e), "create_entry", 0, error))
        goto fail;
    }
  if (!zc_store_run (self, error, "INSERT INTO meta (key, value) VALUES ('campaign_uuid', ?)",
                     "s", zc_record_get_uuid (ZC_RECORD (campaign))))
    goto fail;
  if (!zc_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&campaign);

fail:
  zc_store_rollback (self);
  return NULL;
}

gboolean
zc_store_update_campaign (ZcStore     *self,
                          ZcPerson    *actor,
                          ZcCampaign  *campaign,
                          GError     **error)
{
  g_autoptr(ZcCampaign) stored = NULL;
  const char *dates[] = { campaign->start_date, campaign->inspection_date,
                          campaign->rectification_date, campaign->evaluation_date,
                          campaign->end_date };
  const char *prev = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_CAMPAIGN (campaign), FALSE);

  if (!zc_policy_require_inspector (actor, _("set up the campaign"), error))
    return FALSE;
  if (!zc_validate_text (campaign->title, _("Campaign title"), ZC_LIMIT_TITLE, TRUE, error) ||
      !zc_validate_date (campaign->start_date, _("Start date"), TRUE, error) ||
      !zc_validate_date (campaign->inspection_date, _("Finding problems starts"), FALSE, error) ||
      !zc_validate_date (campaign->rectification_date, _("Rectification starts"), FALSE, error) ||
      !zc_validate_date (campaign->evaluation_date, _("Evaluation starts"), FALSE, error) ||
      !zc_validate_date (campaign->end_date, _("End date"), FALSE, error) ||
      !zc_validate_range (campaign->warning_days, _("Warning window (days)"), 0, 90, error) ||
      !zc_validate_text (campaign->supervision_phone, _("Supervision telephone"), ZC_LIMIT_NAME,
                         FALSE, error) ||
      !zc_validate_text (campaign->supervision_email, _("Supervision e-mail"), ZC_LIMIT_NAME,
                         FALSE, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      if (dates[i] == NULL)
        continue;
      if (prev && zc_date_diff_days (prev, dates[i]) < 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("Phase dates: %s comes before %s; phases must follow each other"),
                       dates[i], prev);
          return FALSE;
        }
      prev = dates[i];
    }

  /* The phase moves only through zc_store_set_phase(). */
  stored = zc_store_get_campaign (self, error);
  if (stored == NULL)
    return FALSE;
  campaign->phase = stored->phase;

  if (!zc_store_begin (self, error))
    return FALSE;
  if (!zc_store_update_record (self, actor, ZC_RECORD (campaign), "update_campaign", 0, error))
    {
      zc_store_rollback (self);
      return FALSE;
    }
  return zc_store_commit (self, error);
}

gboolean
zc_store_set_phase (ZcStore   *self,
                    ZcPerson  *actor,
                    ZcPhase    phase,
                    GError   **error)
{
  g_autoptr(ZcCampaign) campaign = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!zc_policy_require_inspector (actor, _("change the campaign’s phase"), error))
    return FALSE;
  if (!(campaign = zc_store_get_campaign (self, error)))
    return FALSE;
  if (campaign->phase == ZC_PHASE_CLOSED && phase != ZC_PHASE_CLOSED)
    return zc_state_refuse (error, campaign->title, ZC_TYPE_PHASE, campaign->phase,
                            _("reopen"));
  zc_campaign_set_phase (campaign, phase);

  if (!zc_store_begin (self, error))
    return FALSE;
  if (!zc_store_update_record (self, actor, ZC_RECORD (campaign), "set_phase", 0, error))
    {
      zc_store_rollback (self);
      return FALSE;
    }
  return zc_store_commit (self, error);
}

gboolean
zc_store_advance_phase (ZcStore   *self,
                        ZcPerson  *actor,
                        GError   **error)
{
  g_autoptr(ZcCampaign) campaign = NULL;

  if (!zc_policy_require_inspector (actor, _("change the campaign’s phase"), error))
    return FALSE;
  if (!(campaign = zc_store_get_campaign (self, error)))
    return FALSE;
  if (campaign->phase == ZC_PHASE_CLOSED)
    return zc_state_refuse (error, campaign->title, ZC_TYPE_PHASE, campaign->phase,
                            _("advance"));
  return zc_store_set_phase (self, actor, campaign->phase + 1, error);
}

gboolean
zc_store_reopen_phase (ZcStore   *self,
                       ZcPerson  *actor,
                       ZcUnit    *unit,
                       int        phase,
                       GError   **error)
{
  g_autoptr(ZcUnit) stored = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_UNIT (unit), FALSE);

  if (!zc_policy_require_inspector (actor, _("reopen a phase for a unit"), error))
    return FALSE;
  if (phase >= 0 && phase >= ZC_PHASE_CLOSED)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Phase: only a working phase can be reopened"));
      return FALSE;
    }
  if (!(stored = zc_store_load (self, ZC_TYPE_UNIT, zc_record_get_id (ZC_RECORD (unit)), error)))
    return FALSE;
  zc_unit_set_reopened_phase (stored, phase < 0 ? NULL : zc_enum_to_string (ZC_TYPE_PHASE, phase));

  if (!zc_store_begin (self, error))
    return FALSE;
  if (!zc_store_update_record (self, actor, ZC_RECORD (stored), "reopen_phase", 0, error))
    {
      zc_store_rollback (self);
      return FALSE;
    }
  return zc_store_commit (self, error);
}

ZcPhase
zc_store_effective_phase (ZcStore *self,
                          gint64   unit_id)
{
  char key[48];
  gint64 fact;
  int value = ZC_PHASE_MOBILIZATION;

  /* Asked before every write (zc_policy_require_phase): a fact of the transaction. */
  g_snprintf (key, sizeof key, "phase:%" G_GINT64_FORMAT, unit_id);
  if (zc_store_get_fact (self, key, &fact))
    return fact;

  if (unit_id)
    {
      g_autofree char *reopened = zc_store_query_text (self, "SELECT reopened_phase FROM unit "
                                                             "WHERE id = ?", "i", unit_id);

      if (reopened && zc_enum_from_string (ZC_TYPE_PHASE, reopened, &value))
        {
          zc_store_set_fact (self, key, value);
          return value;
        }
    }
  {
    g_autofree char *phase = zc_store_query_text (self, "SELECT phase FROM campaign", NULL);

    zc_enum_from_string (ZC_TYPE_PHASE, phase, &value);
  }
  zc_store_set_fact (self, key, value);
  return value;
}

int
zc_store_days_left_in_phase (ZcStore *self)
{
  g_autoptr(ZcCampaign) c = zc_store_get_campaign (self, NULL);
  g_autofree char *today = zc_store_today (self);
  const char *next = NULL;

  if (c == NULL)
    return -1;
  switch (c->phase)
    {
    case ZC_PHASE_MOBILIZATION:
      next = c->inspection_date;
      break;
    case ZC_PHASE_INSPECTION:
      next = c->rectification_date;
      break;
    case ZC_PHASE_RECTIFICATION:
      next = c->evaluation_date;
      break;
    case ZC_PHASE_EVALUATION:
      next = c->end_date;
      break;
    case ZC_PHASE_CLOSED:
    default:
      return -1;
    }
  if (next == NULL)
    return -1;
  return MAX (0, zc_date_diff_days (today, next));
}

ZcLight
zc_store_item_light (ZcStore *self,
                     ZcItem  *item)
{
  g_autofree char *today = zc_store_today (self);
  g_autofree char *review = NULL;
  const char *deadline = item->deadline;
  int warning = zc_store_query_int (self, 7, "SELECT warning_days FROM campaign", NULL);

  if (item->term_type == ZC_TERM_TYPE_ONGOING && item->review_dates)
    {
      review = zc_light_next_review (item->review_dates, today);
      if (review)
        deadline = review;
    }
  return zc_light_compute (item->state, item->term_type, item->start_date, deadline,
                           item->progress, today, warning);
}

gboolean
zc_state_refuse (GError     **error,
                 const char  *record_label,
                 GType        state_type,
                 int          state,
                 const char  *action)
{
  g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
               _("%s is %s: it cannot %s"), record_label,
               zc_enum_label (state_type, state), action);
  return FALSE;
}

ZcImportIssue *
zc_import_issue_new (guint       row,
                     const char *format,
                     ...)
{
  ZcImportIssue *issue = g_new0 (ZcImportIssue, 1);
  va_list args;

  issue->row = row;
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  return issue;
}

void
zc_import_issue_free (ZcImportIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->message);
  g_free (issue);
}

ZcImportReport *
zc_import_report_new (void)
{
  ZcImportReport *report = g_new0 (ZcImportReport, 1);

  report->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_import_issue_free);
  report->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_import_issue_free);
  return report;
}

void
zc_import_report_free (ZcImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->errors, g_ptr_array_unref);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_free (report);
}

gboolean
zc_store_touch_record (ZcStore     *self,
                       ZcPerson    *actor,
                       ZcRecord    *record,
                       const char  *action,
                       JsonObject  *fields,
                       GError     **error)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (record);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET updated = ?, revision = revision + 1 "
                                          "WHERE id = ?", klass->table);
  g_autofree char *now = zc_store_now (self);
  g_autofree char *row_hash = NULL;
  g_autofree char *fields_json = NULL;
  gint64 id = zc_record_get_id (record), revision = 0;
  sqlite3_stmt *stmt;

  if (!(stmt = zc_store_stmt (self, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!write_row (self, stmt, klass->table, &id, &revision, &row_hash, error))
    return FALSE;
  record_written (self, klass);
  zc_record_set_common (record, id, zc_record_get_uuid (record),
                        zc_record_get_created (record), now, revision);
  if (fields)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, fields);
      fields_json = json_to_string (node, FALSE);
    }
  return zc_audit_append_json (self, actor_uuid (actor), action, klass->table,
                               zc_record_get_uuid (record), fields_json, row_hash, FALSE, error);
}
