/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <nettle/sha2.h>
#include <sodium.h>
#include <string.h>

#include "zc-store-private.h"

/*
 * The audit log is a hash chain: each entry's hash covers its own content and the hash of
 * the entry before it, so an edited, deleted or reordered entry breaks the chain. Each
 * entry also records the SHA-256 of the record's row after the change (row_hash), so that
 * verify can tell a record edited behind Zicha's back (with the sqlite3 shell, say) from
 * one whose state matches its log. SHA-256 comes from Nettle, which uses the processor's
 * SHA instructions where there are some: the log is hashed at every write and all of it
 * at every verify.
 */

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

const char * const zc_audited_tables[] = {
  "campaign", "unit", "person", "list_entry", "guidance", "form", "finding", "cause",
  "problem", "item", "progress", "evidence", "commitment", "pledge", "supervision_order",
  "order_event", "evaluation", "merit", "monthly_review", NULL
};

/*
 * A SHA-256 state fed through a buffer: a row is hashed as a few parts per column, and one
 * call into Nettle per part cost more than the hashing. The digest is that of the bytes
 * fed, however they are split.
 */
typedef struct
{
  struct sha256_ctx ctx;
  gsize             len;
  guint8            buf[2048];
} Hasher;

static void
hasher_init (Hasher *state)
{
  sha256_init (&state->ctx);
  state->len = 0;
}

static void
hasher_update (Hasher     *state,
               gsize       len,
               const void *data)
{
  if (len > sizeof state->buf - state->len)
    {
      sha256_update (&state->ctx, state->len, state->buf);
      state->len = 0;
      if (len > sizeof state->buf)
        {
          sha256_update (&state->ctx, len, data);
          return;
        }
    }
  memcpy (state->buf + state->len, data, len);
  state->len += len;
}

static void
hash_part (Hasher     *state,
           const void *data,
           gsize       len)
{
  guint8 prefix[8];

  /* Length-prefixed, so that no two different sequences of parts hash alike. */
  for (int i = 0; i < 8; i++)
    prefix[i] = (len >> (8 * i)) & 0xff;
  hasher_update (state, sizeof prefix, prefix);
  if (len)
    hasher_update (state, len, data);
}

static void
hash_text (Hasher     *state,
           const char *text)
{
  static const guint8 null_marker = 0xff;

  if (text == NULL)
    hasher_update (state, 1, &null_marker);
  else
    hash_part (state, text, strlen (text));
}

static char *
hash_final (Hasher *state)
{
  guint8 digest[SHA256_DIGEST_SIZE];
  char hex[SHA256_DIGEST_SIZE * 2 + 1];

  sha256_update (&state->ctx, state->len, state->buf);
  sha256_digest (&state->ctx, sizeof digest, digest);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup (hex);
}

static void
hash_column (Hasher       *state,
             sqlite3_stmt *stmt,
             int           col)
{
  guint8 tag = sqlite3_column_type (stmt, col);

  hasher_update (state, 1, &tag);
  switch (tag)
    {
    case SQLITE_INTEGER:
      {
        char buf[ZC_INT64_BUF_SIZE];
        const char *text = zc_format_int64 (buf, sqlite3_column_int64 (stmt, col));

        hash_part (state, text, buf + sizeof buf - 1 - text);
      }
      break;
    case SQLITE_FLOAT:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, col));
        hash_part (state, buf, strlen (buf));
      }
      break;
    case SQLITE_TEXT:
      hash_part (state, sqlite3_column_text (stmt, col), sqlite3_column_bytes (stmt, col));
      break;
    case SQLITE_BLOB:
      hash_part (state, sqlite3_column_blob (stmt, col), sqlite3_column_bytes (stmt, col));
      break;
    default:
      break;
    }
}

/* Link sets that belong to a record's state. */
static const char *
links_sql (const char *table)
{
  if (g_str_equal (table, "problem"))
    return "SELECT f.uuid FROM problem_finding pf JOIN finding f ON f.id = pf.finding_id "
           "WHERE pf.problem_id = ? ORDER BY f.uuid";
  if (g_str_equal (table, "pledge"))
    return "SELECT i.uuid FROM pledge_item pi JOIN item i ON i.id = pi.item_id "
           "WHERE pi.pledge_id = ? ORDER BY i.uuid";
  return NULL;
}

static char *
hash_row (ZcStore      *self,
          const char   *table,
          sqlite3_stmt *stmt,
          gint64        row_id,
          const char   *lsql)
{
  Hasher state;
  int n = sqlite3_column_count (stmt);

  hasher_init (&state);
  hash_text (&state, table);
  for (int col = 0; col < n; col++)
    {
      hash_text (&state, sqlite3_column_name (stmt, col));
      hash_column (&state, stmt, col);
    }
  if (lsql)
    {
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *links = zc_store_stmt (self, lsql, &error);

      if (links)
        {
          sqlite3_bind_int64 (links, 1, row_id);
          while (sqlite3_step (links) == SQLITE_ROW)
            hash_text (&state, (const char *) sqlite3_column_text (links, 0));
          sqlite3_reset (links);
        }
    }
  return hash_final (&state);
}

char *
zc_audit_hash_row (ZcStore      *self,
                   const char   *table,
                   sqlite3_stmt *stmt,
                   gint64        row_id)
{
  return hash_row (self, table, stmt, row_id, links_sql (table));
}

/* A row just inserted has no link sets yet (they refer to its id): its hash is that of
 * zc_audit_hash_row() without looking them up. */
char *
zc_audit_hash_new_row (ZcStore      *self,
                       const char   *table,
                       sqlite3_stmt *stmt)
{
  return hash_row (self, table, stmt, 0, NULL);
}

char *
zc_audit_row_hash (ZcStore     *self,
                   const char  *table,
                   gint64       row_id,
                   GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt;
  char *hash = NULL;

  if (!(stmt = zc_store_stmt (self, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = zc_audit_hash_row (self, table, stmt, row_id);
  sqlite3_reset (stmt);
  return hash;
}

static char *
entry_hash (const char *prev,
            const char *ts,
            const char *actor,
            const char *action,
            const char *table,
            const char *record,
            const char *fields,
            const char *row_hash)
{
  Hasher state;

  hasher_init (&state);
  hash_text (&state, prev);
  hash_text (&state, ts);
  hash_text (&state, actor);
  hash_text (&state, action);
  hash_text (&state, table);
  hash_text (&state, record);
  hash_text (&state, fields);
  hash_text (&state, row_hash);
  return hash_final (&state);
}

gboolean
zc_audit_append_json (ZcStore     *self,
                      const char  *actor_uuid,
                      const char  *action,
                      const char  *table,
                      const char  *record_uuid,
                      const char  *fields_json,
                      const char  *row_hash,
                      gboolean     anonymous,
                      GError     **error)
{
  g_autofree char *ts = anonymous ? zc_store_today (self) : zc_store_now (self);
  g_autofree char *hash = NULL;
  g_autofree char *prev = NULL;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->last_hash)
    prev = g_strdup (self->last_hash);
  else
    prev = zc_store_query_text (self, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", NULL);
  if (prev == NULL)
    prev = g_strdup (GENESIS);

  hash = entry_hash (prev, ts, actor_uuid, action, table, record_uuid, fields_json, row_hash);
  if (!zc_store_run (self, error,
                     "INSERT INTO audit (ts, actor, action, tbl, record, fields, row_hash, prev, "
                     "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "sssssssss", ts, actor_uuid, action, table, record_uuid, fields_json,
                     row_hash, prev, hash))
    return FALSE;

  g_free (self->last_hash);
  self->last_hash = g_steal_pointer (&hash);
  return TRUE;
}

gboolean
zc_audit_append (ZcStore     *self,
                 const char  *actor_uuid,
                 const char  *action,
                 const char  *table,
                 const char  *record_uuid,
                 JsonObject  *fields,
                 gint64       row_id,
                 gboolean     anonymous,
                 GError     **error)
{
  g_autofree char *row_hash = NULL;
  g_autofree char *fields_json = NULL;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (row_id && table)
    {
      row_hash = zc_audit_row_hash (self, table, row_id, error);
      if (row_hash == NULL)
        {
          if (error && *error == NULL)
            g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, "%s %" G_GINT64_FORMAT,
                         table, row_id);
          return FALSE;
        }
    }
  if (fields)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, fields);
      fields_json = json_to_string (node, FALSE);
    }
  return zc_audit_append_json (self, actor_uuid, action, table, record_uuid, fields_json,
                               row_hash, anonymous, error);
}

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* SQLite's own checks of the file, run on a connection of their own (in a thread, beside the
 * hash checks; a reader of a WAL database does not wait for the other). */
static void
check_structure (sqlite3   *db,
                 GPtrArray *found)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      add_problem (found, _("Database structure: %s"), sqlite3_errmsg (db));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *msg = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (msg, "ok") != 0)
        add_problem (found, _("Database structure: %s"), msg);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      add_problem (found, _("Database structure: %s"), sqlite3_errmsg (db));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_problem (found, _("Table %s, row %" PRId64 ": refers to a missing %s record"),
                 sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1),
                 sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
}

typedef struct
{
  sqlite3   *db;
  GPtrArray *found;
} StructureCheck;

static gpointer
check_structure_thread (gpointer data)
{
  StructureCheck *check = data;

  check_structure (check->db, check->found);
  return NULL;
}

gint64
zc_store_get_last_change (ZcStore *self)
{
  g_return_val_if_fail (ZC_IS_STORE (self), 0);

  /* The log is only ever appended to, in the writes' own transactions. */
  return zc_store_query_int (self, 0, "SELECT max(id) FROM audit", NULL);
}

/**
 * zc_store_verify:
 *
 * Checks SQLite's own integrity, foreign keys, the audit chain (every entry's hash and its
 * link to the one before), and that every record's row matches the state the log last
 * recorded for it. Returns TRUE when nothing is wrong; otherwise @problems lists each
 * finding. FALSE with @error only when the check itself could not run.
 */
gboolean
zc_store_verify (ZcStore     *self,
                 GPtrArray  **problems,
                 GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) structure = g_ptr_array_new_with_free_func (g_free);
  /* table → (record uuid → the row hash its last entry logged, "" when deleted) */
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);
  GStringChunk *strings = g_string_chunk_new (1 << 20);
  g_autofree char *expected_prev = g_strdup (GENESIS);
  StructureCheck check = { NULL, structure };
  GThread *thread = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  /* The structure checks read the whole file, as the hash checks do: on a second connection
   * both run at once. Where it cannot be opened, they run here first. */
  if (sqlite3_open_v2 (self->path, &check.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                       NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (check.db, 5000);
      thread = g_thread_try_new ("zc-verify", check_structure_thread, &check, NULL);
    }
  if (thread == NULL)
    check_structure (self->db, structure);

  /* The chain, in order. */
  if (!(stmt = zc_store_stmt (self, "SELECT id, ts, actor, action, tbl, record, fields, "
                                    "row_hash, prev, hash FROM audit ORDER BY id", error)))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *tbl = (const char *) sqlite3_column_text (stmt, 4);
      const char *record = (const char *) sqlite3_column_text (stmt, 5);
      const char *row_hash = (const char *) sqlite3_column_text (stmt, 7);
      const char *prev = (const char *) sqlite3_column_text (stmt, 8);
      const char *hash = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *computed = NULL;

      computed = entry_hash (prev, (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3), tbl, record,
                             (const char *) sqlite3_column_text (stmt, 6), row_hash);
      if (g_strcmp0 (prev, expected_prev) != 0)
        add_problem (found, _("Audit log entry %" PRId64 ": does not follow the entry "
                              "before it (an entry was deleted, inserted or reordered)"), id);
      if (g_strcmp0 (computed, hash) != 0)
        add_problem (found, _("Audit log entry %" PRId64 ": its content was changed"),
                     id);
      g_free (expected_prev);
      expected_prev = g_strdup (hash);

      if (tbl && record)
        {
          GHashTable *records = g_hash_table_lookup (latest, tbl);

          if (records == NULL)
            {
              records = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (latest, g_string_chunk_insert_const (strings, tbl), records);
            }
          g_hash_table_insert (records, g_string_chunk_insert (strings, record),
                               g_string_chunk_insert_const (strings, row_hash ? row_hash : ""));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_store_sql_error (self, "audit", error);
      goto out;
    }

  /* Every record against the state its log last recorded. */
  for (guint t = 0; zc_audited_tables[t]; t++)
    {
      const char *table = zc_audited_tables[t];
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table);
      GHashTable *records = g_hash_table_lookup (latest, table);
      GHashTableIter iter;
      gpointer key, value;
      int uuid_col = -1;

      /* A statement of its own: row hashing uses the cached statements. */
      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          zc_store_sql_error (self, table, error);
          goto out;
        }
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        if (g_str_equal (sqlite3_column_name (stmt, c), "uuid"))
          uuid_col = c;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *uuid = (const char *) sqlite3_column_text (stmt, uuid_col);
          gint64 row_id = sqlite3_column_int64 (stmt, 0);
          const char *logged = records && uuid ? g_hash_table_lookup (records, uuid) : NULL;
          g_autofree char *actual = zc_audit_hash_row (self, table, stmt, row_id);

          if (logged == NULL)
            add_problem (found, _("%s record %s: not in the audit log (added outside Zicha)"),
                         table, uuid);
          else if (*logged == '\0')
            add_problem (found, _("%s record %s: the log says it was deleted, but it exists"),
                         table, uuid);
          else if (g_strcmp0 (logged, actual) != 0)
            add_problem (found, _("%s record %s: does not match its last logged state "
                                  "(changed outside Zicha)"), table, uuid);
          /* What is left once every row was seen is missing from the database. */
          if (logged != NULL)
            g_hash_table_remove (records, uuid);
        }
      sqlite3_finalize (stmt);

      if (records == NULL)
        continue;
      g_hash_table_iter_init (&iter, records);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (*(const char *) value != '\0')
          add_problem (found, _("%s record %s: in the audit log but missing from the database "
                                "(deleted outside Zicha)"), table, (const char *) key);
    }
  ok = TRUE;

out:
  if (thread != NULL)
    g_thread_join (thread);
  if (check.db != NULL)
    sqlite3_close_v2 (check.db);
  g_string_chunk_free (strings);
  if (!ok)
    return FALSE;

  /* SQLite's findings first, then the log's. */
  g_ptr_array_extend_and_steal (structure, g_steal_pointer (&found));
  if (problems)
    *problems = g_ptr_array_ref (structure);
  return structure->len == 0;
}
