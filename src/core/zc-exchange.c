/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "zc-exchange.h"
#include "zc-keys.h"
#include "zc-store-private.h"

/*
 * Exchange files (docs/exchange-format.md is the reference; keep the two in step).
 *
 * A file is a zip: manifest.json (kind, campaign, signer, the SHA-256 of every other
 * member), records.json (records with UUIDs in place of local ids), evidence/<sha256>,
 * relay/<sha256>.zip (files of others that a unit file passes on unchanged) and signature
 * (Ed25519 over the manifest bytes). The zip's archive comment holds a seal: an Ed25519
 * signature over every byte of the file before it (a SHA-256 for unsigned files), so that a
 * changed byte anywhere, in the zip's own structures too, is caught.
 *
 * Merging: every record carries its revision. A file may carry only records its signer
 * may write (or the file is refused), and of those it may change only the fields its
 * signer owns (or that record is reported as not merged). A newer revision replaces the
 * stored one, an older or equal one is skipped, an equal one with other content is a
 * conflict and reported.
 */

#define MEMBER_MANIFEST   "manifest.json"
#define MEMBER_RECORDS    "records.json"
#define MEMBER_SIGNATURE  "signature"
#define DIR_EVIDENCE      "evidence/"
#define DIR_RELAY         "relay/"
#define SEAL_SIGNED       "ZICHA1S:"
#define SEAL_HASHED       "ZICHA1H:"
#define SEAL_SIGNED_LEN   (8 + 2 * crypto_sign_BYTES)
#define SEAL_HASHED_LEN   (8 + 2 * crypto_hash_sha256_BYTES)
#define EOCD_LEN          22
/* Members unpack to at most this much in all: a small zip must not fill the memory. */
#define UNPACKED_LIMIT    ((gint64) 2 * ZC_LIMIT_EXCHANGE_SIZE)

#define META_CAMPAIGN_KEY "exchange.campaign_key"
#define META_CAMPAIGN_FOR "exchange.campaign_key_for."
#define META_EXPORT_SEQ   "exchange.export_seq"
#define META_SEEN         "exchange.seq."
#define META_RELAY        "exchange.relay."

/* ---- record kinds and their references ------------------------------------------------ */

typedef struct
{
  const char *table;
  GType     (*get_type) (void);
  const char *links;          /* name of the link set in the file, or NULL */
  const char *links_select;
  const char *links_delete;
  const char *links_insert;
} TableInfo;

/* In the order of import: everything a record refers to comes before it (a unit's parent
 * and leader and a commitment's predecessor are set once the whole file is in). */
static const TableInfo tables[] = {
  { "campaign", zc_campaign_get_type },
  { "list_entry", zc_list_entry_get_type },
  { "guidance", zc_guidance_get_type },
  { "unit", zc_unit_get_type },
  { "person", zc_person_get_type },
  { "form", zc_form_get_type },
  { "finding", zc_finding_get_type },
  { "cause", zc_cause_get_type },
  { "problem", zc_problem_get_type, "findings",
    "SELECT f.uuid FROM problem_finding pf JOIN finding f ON f.id = pf.finding_id "
    "WHERE pf.problem_id = ? ORDER BY f.uuid",
    "DELETE FROM problem_finding WHERE problem_id = ?",
    "INSERT OR IGNORE INTO problem_finding (problem_id, finding_id) VALUES (?, ?)" },
  { "item", zc_item_get_type },
  { "progress", zc_progress_get_type },
  { "evidence", zc_evidence_get_type },
  { "commitment", zc_commitment_get_type },
  { "pledge", zc_pledge_get_type, "items",
    "SELECT i.uuid FROM pledge_item pi JOIN item i ON i.id = pi.item_id "
    "WHERE pi.pledge_id = ? ORDER BY i.uuid",
    "DELETE FROM pledge_item WHERE pledge_id = ?",
    "INSERT OR IGNORE INTO pledge_item (pledge_id, item_id) VALUES (?, ?)" },
  { "supervision_order", zc_order_get_type },
  { "order_event", zc_order_event_get_type },
  { "evaluation", zc_evaluation_get_type },
  { "merit", zc_merit_get_type },
  { "monthly_review", zc_review_get_type },
};

typedef struct
{
  const char *table;
  const char *field;
  const char *target;
} RefInfo;

/* Every id field of zc-records.spec and the table it refers to: in a file it holds that
 * record's UUID. */
static const RefInfo refs[] = {
  { "unit", "parent_id", "unit" },
  { "unit", "leader_id", "person" },
  { "person", "unit_id", "unit" },
  { "form", "person_id", "person" },
  { "form", "reviewer_id", "person" },
  { "finding", "form_id", "form" },
  { "finding", "author_id", "person" },
  { "finding", "target_person_id", "person" },
  { "finding", "unit_id", "unit" },
  { "finding", "category_id", "list_entry" },
  { "finding", "focus_area_id", "list_entry" },
  { "finding", "benchmark_id", "list_entry" },
  { "cause", "finding_id", "finding" },
  { "cause", "dimension_id", "list_entry" },
  { "problem", "unit_id", "unit" },
  { "problem", "category_id", "list_entry" },
  { "item", "problem_id", "problem" },
  { "item", "unit_id", "unit" },
  { "item", "leader_id", "person" },
  { "item", "person_id", "person" },
  { "progress", "item_id", "item" },
  { "progress", "author_id", "person" },
  { "evidence", "progress_id", "progress" },
  { "commitment", "unit_id", "unit" },
  { "commitment", "author_id", "person" },
  { "commitment", "supersedes_id", "commitment" },
  { "pledge", "commitment_id", "commitment" },
  { "supervision_order", "item_id", "item" },
  { "supervision_order", "unit_id", "unit" },
  { "supervision_order", "issued_by", "person" },
  { "order_event", "order_id", "supervision_order" },
  { "order_event", "actor_id", "person" },
  { "evaluation", "item_id", "item" },
  { "evaluation", "recorded_by", "person" },
  { "merit", "unit_id", "unit" },
  { "merit", "person_id", "person" },
  { "merit", "recorded_by", "person" },
  { "monthly_review", "unit_id", "unit" },
  { "monthly_review", "created_by", "person" },
};

static const char * const kind_names[] = {
  "campaign", "form", "unit", "decisions", "suggestions",
};

static const TableInfo *
table_info (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return &tables[i];
  return NULL;
}

static const char *
ref_target (const char *table,
            const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    if (g_str_equal (refs[i].table, table) && g_str_equal (refs[i].field, field))
      return refs[i].target;
  return NULL;
}

static ZcRecordClass *
table_class (const TableInfo *t)
{
  return g_type_class_peek (t->get_type ()) ? g_type_class_peek (t->get_type ())
                                            : g_type_class_ref (t->get_type ());
}

const char *
zc_exchange_kind_to_string (ZcExchangeKind kind)
{
  g_return_val_if_fail (kind <= ZC_EXCHANGE_KIND_SUGGESTIONS, NULL);
  return kind_names[kind];
}

gboolean
zc_exchange_kind_from_string (const char     *text,
                              ZcExchangeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
kind_is_signed (ZcExchangeKind kind)
{
  return kind != ZC_EXCHANGE_KIND_SUGGESTIONS;
}

static gboolean
kind_uses_campaign_key (ZcExchangeKind kind)
{
  return kind == ZC_EXCHANGE_KIND_CAMPAIGN || kind == ZC_EXCHANGE_KIND_DECISIONS;
}

char *
zc_exchange_fingerprint (const char *public_hex)
{
  return zc_keys_fingerprint (public_hex);
}

char *
zc_exchange_campaign_fingerprint (ZcStore *store)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  key = zc_store_query_text (store, "SELECT value FROM meta WHERE key = ?", "s",
                             "exchange.campaign_key");
  return zc_keys_fingerprint (key);
}

void
zc_exchange_report_free (ZcExchangeReport *report)
{
  if (report == NULL)
    return;
  g_free (report->path);
  g_free (report->sha256);
  g_free (report->campaign_uuid);
  g_free (report->created);
  g_free (report->signer_uuid);
  g_free (report->signer_name);
  g_free (report->signer_code);
  g_free (report->fingerprint);
  g_clear_pointer (&report->not_merged, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

static ZcExchangeReport *
report_new (void)
{
  ZcExchangeReport *report = g_new0 (ZcExchangeReport, 1);

  report->not_merged = g_ptr_array_new_with_free_func (g_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  return report;
}

/* ---- small helpers ------------------------------------------------------------------------ */

static char *
sha256_hex (const void *data,
            gsize       len)
{
  guint8 digest[crypto_hash_sha256_BYTES];
  char hex[crypto_hash_sha256_BYTES * 2 + 1];

  crypto_hash_sha256 (digest, data, len);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup (hex);
}

static char *
bytes_sha256 (GBytes *bytes)
{
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  return sha256_hex (data, len);
}

static gboolean
is_hex (const char *text,
        gsize       len)
{
  if (text == NULL || strlen (text) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

static const char *
str_member (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
int_member (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return fallback;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
meta_get (ZcStore    *store,
          const char *key)
{
  return zc_store_query_text (store, "SELECT value FROM meta WHERE key = ?", "s", key);
}

/* Writes only when the value differs, so that importing a file twice writes nothing. */
static gboolean
meta_set (ZcStore     *store,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autofree char *old = meta_get (store, key);

  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  if (value == NULL)
    return zc_store_run (store, error, "DELETE FROM meta WHERE key = ?", "s", key);
  return zc_store_run (store, error, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                       "ss", key, value);
}

static char *
json_to_bytes_text (JsonObject *object,
                    gboolean    pretty)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, pretty);
  json_generator_set_indent (gen, 1);
  return json_generator_to_data (gen, NULL);
}

static gboolean
corrupt (GError     **error,
         const char  *label,
         const char  *detail)
{
  g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
               _("%s is damaged or incomplete (%s); nothing was imported"), label, detail);
  return FALSE;
}

static gboolean
person_has_role (JsonObject *person,
                 ZcRole      role)
{
  return person != NULL && (int_member (person, "roles", 0) & role) != 0;
}

/* ---- records as they travel ------------------------------------------------------------- */

static char *
id_to_uuid (ZcStore    *store,
            const char *table,
            gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?", table);

  return zc_store_query_text (store, sql, "i", id);
}

static gint64
uuid_to_id (ZcStore    *store,
            const char *table,
            const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", table);

  return zc_store_query_int (store, 0, sql, "s", uuid);
}

static JsonArray *
read_links (ZcStore         *store,
            const TableInfo *t,
            gint64           id)
{
  JsonArray *links = json_array_new ();
  sqlite3_stmt *stmt = zc_store_stmt (store, t->links_select, NULL);

  if (stmt == NULL)
    return links;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_array_add_string_element (links, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return links;
}

/* A stored record as it travels: local ids replaced by UUIDs, with its link set. */
static JsonObject *
record_to_wire (ZcStore         *store,
                const TableInfo *t,
                ZcRecord        *record)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (record);
  JsonObject *object = zc_record_to_json (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ZcField *f = &klass->fields[i];
      const char *target;
      gint64 id;

      if (f->display || f->type != ZC_FIELD_ID)
        continue;
      target = ref_target (t->table, f->name);
      if (target == NULL)
        {
          g_critical ("%s.%s: no reference target for the exchange format", t->table, f->name);
          continue;
        }
      id = zc_record_get_field_int (record, i);
      if (id == 0)
        json_object_set_null_member (object, f->name);
      else
        {
          g_autofree char *uuid = id_to_uuid (store, target, id);

          if (uuid)
            json_object_set_string_member (object, f->name, uuid);
          else
            json_object_set_null_member (object, f->name);
        }
    }
  if (t->links)
    json_object_set_array_member (object, t->links,
                                  zc_record_get_id (record)
                                  ? read_links (store, t, zc_record_get_id (record))
                                  : json_array_new ());
  return object;
}

/* Names of what a record holds: its stored fields and its link set. */
static GPtrArray *
wire_fields (const TableInfo *t)
{
  ZcRecordClass *klass = table_class (t);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < klass->n_fields; i++)
    if (!klass->fields[i].display)
      g_ptr_array_add (names, (gpointer) klass->fields[i].name);
  if (t->links)
    g_ptr_array_add (names, (gpointer) t->links);
  return names;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  gboolean a_null = a == NULL || JSON_NODE_HOLDS_NULL (a);
  gboolean b_null = b == NULL || JSON_NODE_HOLDS_NULL (b);

  if (a_null || b_null)
    return a_null && b_null;
  if (JSON_NODE_HOLDS_ARRAY (a) && JSON_NODE_HOLDS_ARRAY (b))
    {
      JsonArray *x = json_node_get_array (a);
      JsonArray *y = json_node_get_array (b);
      g_autoptr(GPtrArray) xs = g_ptr_array_new ();
      g_autoptr(GPtrArray) ys = g_ptr_array_new ();

      if (json_array_get_length (x) != json_array_get_length (y))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (x); i++)
        {
          g_ptr_array_add (xs, (gpointer) json_array_get_string_element (x, i));
          g_ptr_array_add (ys, (gpointer) json_array_get_string_element (y, i));
        }
      g_ptr_array_sort (xs, compare_strings);
      g_ptr_array_sort (ys, compare_strings);
      for (guint i = 0; i < xs->len; i++)
        if (g_strcmp0 (xs->pdata[i], ys->pdata[i]) != 0)
          return FALSE;
      return TRUE;
    }
  return json_node_equal (a, b);
}

static JsonNode *
member_or_null (JsonObject *object,
                const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

/* Fields that are this installation's own business and never compared: a person's key on
 * their own computer, pins elsewhere (see merge_person_key). */
static gboolean
ignored_field (const TableInfo *t,
               const char      *field)
{
  return g_str_equal (t->table, "person") && g_str_equal (field, "pubkey");
}

static gboolean
wire_equal (const TableInfo *t,
            JsonObject      *a,
            JsonObject      *b)
{
  g_autoptr(GPtrArray) names = wire_fields (t);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];

      if (ignored_field (t, name) || !json_object_has_member (a, name))
        continue;
      if (!nodes_equal (member_or_null (a, name), member_or_null (b, name)))
        return FALSE;
    }
  return TRUE;
}

/* ---- ownership ---------------------------------------------------------------------------- */

typedef struct
{
  const char *from;
  const char *to;
} Transition;

typedef struct
{
  const char * const *owned;     /* the fields the signer may change; NULL: every field … */
  const char * const *except;    /* … except these */
  const Transition   *moves;     /* the state changes the signer may make; NULL: any */
} Ownership;

static const char * const form_author_fields[] = { "person_id", "state", "submitted_at", NULL };
static const char * const form_review_fields[] = { "state", "reviewed_at", "reviewer_id",
                                                   "review_comment", NULL };
static const char * const review_comment_field[] = { "review_comment", NULL };
static const char * const item_inspector_fields[] = { "state", "closed_at", "close_note",
                                                      "reject_reason", "reopen_count", "progress",
                                                      NULL };
/* The progress is the lead's, and an inspector's close-out sets it to 100 too. */
static const char * const item_closeout_fields[] = { "closed_at", "close_note", "reject_reason",
                                                     "reopen_count", NULL };
static const char * const order_lead_fields[] = { "state", "answer", NULL };
static const char * const answer_field[] = { "answer", NULL };

static const Transition form_author_moves[] = {
  { "not_started", "draft" }, { "not_started", "submitted" }, { "draft", "submitted" },
  { "returned", "submitted" }, { NULL, NULL }
};
static const Transition form_review_moves[] = {
  { "submitted", "approved" }, { "submitted", "returned" }, { NULL, NULL }
};
static const Transition item_lead_moves[] = {
  { "planned", "in_progress" }, { "planned", "awaiting_closeout" },
  { "in_progress", "awaiting_closeout" }, { NULL, NULL }
};
static const Transition item_inspector_moves[] = {
  { "awaiting_closeout", "closed" }, { "awaiting_closeout", "in_progress" }, { NULL, NULL }
};
static const Transition order_lead_moves[] = {
  { "assigned", "answered" }, { "reminded", "answered" }, { NULL, NULL }
};
static const Transition order_inspector_moves[] = {
  { "assigned", "reminded" }, { "answered", "concluded" }, { NULL, NULL }
};

static const Ownership own_all = { NULL, NULL, NULL };
static const Ownership own_form_author = { form_author_fields, NULL, form_author_moves };
static const Ownership own_form_review = { form_review_fields, NULL, form_review_moves };
static const Ownership own_finding_author = { NULL, review_comment_field, NULL };
static const Ownership own_finding_review = { review_comment_field, NULL, NULL };
static const Ownership own_item_lead = { NULL, item_closeout_fields, item_lead_moves };
static const Ownership own_item_inspector = { item_inspector_fields, NULL, item_inspector_moves };
static const Ownership own_order_lead = { order_lead_fields, NULL, order_lead_moves };
static const Ownership own_order_inspector = { NULL, answer_field, order_inspector_moves };

static gboolean
in_list (const char * const *list,
         const char         *name)
{
  for (guint i = 0; list && list[i]; i++)
    if (g_str_equal (list[i], name))
      return TRUE;
  return FALSE;
}

static gboolean
owns_field (const Ownership *own,
            const char      *field)
{
  if (own->owned)
    return in_list (own->owned, field);
  return !in_list (own->except, field);
}

static gboolean
move_allowed (const Ownership *own,
              const char      *from,
              const char      *to)
{
  if (own->moves == NULL)
    return TRUE;
  for (guint i = 0; own->moves[i].from; i++)
    if (g_strcmp0 (own->moves[i].from, from) == 0 && g_strcmp0 (own->moves[i].to, to) == 0)
      return TRUE;
  return FALSE;
}

/* ---- reading a file ---------------------------------------------------------------------- */

typedef struct
{
  char           *label;          /* the file's name, for messages */
  GBytes         *bytes;
  char           *sha256;
  GHashTable     *members;        /* name → GBytes */
  GPtrArray      *names;          /* member names in the order of the archive */
  JsonNode       *manifest_node;
  JsonObject     *manifest;
  ZcExchangeKind  kind;
  const char     *campaign;
  const char     *created;
  gint64          sequence;
  const char     *signer_uuid;
  const char     *signer_code;
  const char     *signer_name;
  const char     *key_type;
  const char     *key_hex;
  const char     *unit_uuid;
  JsonNode       *records_node;
  JsonObject     *records;        /* table → array */
  JsonObject     *campaign_keys;
  gboolean        prechecked;     /* package_check_content() ran ahead (precheck()) */
  GError         *precheck_error; /* what it found wrong, or NULL */
} Package;

static void
package_free (Package *pkg)
{
  if (pkg == NULL)
    return;
  g_free (pkg->label);
  g_clear_pointer (&pkg->bytes, g_bytes_unref);
  g_free (pkg->sha256);
  g_clear_pointer (&pkg->members, g_hash_table_unref);
  g_clear_pointer (&pkg->names, g_ptr_array_unref);
  g_clear_pointer (&pkg->manifest_node, json_node_unref);
  g_clear_pointer (&pkg->records_node, json_node_unref);
  g_clear_error (&pkg->precheck_error);
  g_free (pkg);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Package, package_free)

static gboolean
member_name_ok (const char *name)
{
  if (g_str_equal (name, MEMBER_MANIFEST) || g_str_equal (name, MEMBER_RECORDS) ||
      g_str_equal (name, MEMBER_SIGNATURE))
    return TRUE;
  if (g_str_has_prefix (name, DIR_EVIDENCE))
    return is_hex (name + strlen (DIR_EVIDENCE), 64);
  if (g_str_has_prefix (name, DIR_RELAY) && g_str_has_suffix (name, ".zip") &&
      strlen (name) == strlen (DIR_RELAY) + 64 + 4)
    {
      g_autofree char *hex = g_strndup (name + strlen (DIR_RELAY), 64);
      return is_hex (hex, 64);
    }
  return FALSE;
}

static gboolean
read_zip (Package  *pkg,
          GError  **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gsize len;
  const void *data = g_bytes_get_data (pkg->bytes, &len);
  gint64 total = 0;
  int rc;

  archive_read_support_format_zip_seekable (a);
  if (archive_read_open_memory (a, data, len) != ARCHIVE_OK)
    {
      g_autofree char *detail = g_strdup (archive_error_string (a) ? archive_error_string (a)
                                                                   : "not a zip file");
      archive_read_free (a);
      return corrupt (error, pkg->label, detail);
    }
  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      gint64 size = archive_entry_size (entry);
      guint8 *buf;
      gint64 got = 0;

      if (name == NULL || !member_name_ok (name) || archive_entry_filetype (entry) != AE_IFREG)
        {
          g_autofree char *detail = g_strdup_printf ("unexpected member ‘%s’",
                                                     name ? name : "?");
          archive_read_free (a);
          return corrupt (error, pkg->label, detail);
        }
      if (g_hash_table_contains (pkg->members, name))
        {
          g_autofree char *detail = g_strdup_printf ("member ‘%s’ twice", name);
          archive_read_free (a);
          return corrupt (error, pkg->label, detail);
        }
      if (!archive_entry_size_is_set (entry) || size < 0 || total + size > UNPACKED_LIMIT)
        {
          archive_read_free (a);
          return corrupt (error, pkg->label, "member size");
        }
      total += size;
      buf = g_malloc (MAX (size, 1));
      while (got < size)
        {
          la_ssize_t n = archive_read_data (a, buf + got, size - got);

          if (n <= 0)
            break;
          got += n;
        }
      if (got != size || archive_read_data (a, buf, 1) != 0)
        {
          g_autofree char *detail = g_strdup_printf ("%s: %s", name,
                                                     archive_error_string (a)
                                                     ? archive_error_string (a)
                                                     : "short member");
          g_free (buf);
          archive_read_free (a);
          return corrupt (error, pkg->label, detail);
        }
      g_hash_table_insert (pkg->members, g_strdup (name), g_bytes_new_take (buf, size));
      g_ptr_array_add (pkg->names, g_strdup (name));
    }
  if (rc != ARCHIVE_EOF)
    {
      g_autofree char *detail = g_strdup (archive_error_string (a) ? archive_error_string (a)
                                                                   : "bad zip");
      archive_read_free (a);
      return corrupt (error, pkg->label, detail);
    }
  archive_read_free (a);
  return TRUE;
}

/* Opens a file's container and reads its manifest: what kind of file it is, from whom.
 * Nothing is trusted yet: package_verify() checks the seal, signature and hashes. */
static Package *
package_parse (GBytes      *bytes,
               const char  *label,
               GError     **error)
{
  g_autoptr(Package) pkg = g_new0 (Package, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  GBytes *manifest;
  JsonObject *signer, *key;
  const char *text;
  gint64 format;
  gsize len;
  const char *kind;

  pkg->label = g_strdup (label);
  pkg->bytes = g_bytes_ref (bytes);
  pkg->sha256 = bytes_sha256 (bytes);
  pkg->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);
  pkg->names = g_ptr_array_new_with_free_func (g_free);

  if (g_bytes_get_size (bytes) > ZC_LIMIT_EXCHANGE_SIZE)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("%s is %.1f MB; an exchange file may be at most %d MB"), label,
                   g_bytes_get_size (bytes) / 1048576.0, ZC_LIMIT_EXCHANGE_SIZE / 1048576);
      return NULL;
    }
  if (!read_zip (pkg, error))
    return NULL;

  manifest = g_hash_table_lookup (pkg->members, MEMBER_MANIFEST);
  if (manifest == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                   _("%s is not a Zicha exchange file (it has no manifest)"), label);
      return NULL;
    }
  text = g_bytes_get_data (manifest, &len);
  if (!json_parser_load_from_data (parser, text, len, &local) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      corrupt (error, label, "manifest");
      return NULL;
    }
  pkg->manifest_node = json_node_ref (json_parser_get_root (parser));
  pkg->manifest = json_node_get_object (pkg->manifest_node);

  format = int_member (pkg->manifest, "format", 0);
  if (format > ZC_EXCHANGE_FORMAT)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_VERSION,
                   _("%s was written by a newer version of Zicha (exchange format %d; this "
                     "version reads up to %d). Update Zicha to import it; nothing was "
                     "imported."), label, (int) format, ZC_EXCHANGE_FORMAT);
      return NULL;
    }
  kind = str_member (pkg->manifest, "kind");
  if (format < 1 || !zc_exchange_kind_from_string (kind, &pkg->kind))
    {
      corrupt (error, label, "manifest: format or kind");
      return NULL;
    }
  pkg->campaign = str_member (pkg->manifest, "campaign");
  pkg->created = str_member (pkg->manifest, "created");
  pkg->sequence = int_member (pkg->manifest, "sequence", 0);
  pkg->unit_uuid = str_member (pkg->manifest, "unit");
  signer = object_member (pkg->manifest, "signer");
  key = object_member (pkg->manifest, "key");
  pkg->signer_uuid = str_member (signer, "uuid");
  pkg->signer_code = str_member (signer, "staff_code");
  pkg->signer_name = str_member (signer, "name");
  pkg->key_type = str_member (key, "type");
  pkg->key_hex = str_member (key, "public");
  if (pkg->campaign == NULL || !g_uuid_string_is_valid (pkg->campaign) ||
      object_member (pkg->manifest, "members") == NULL)
    {
      corrupt (error, label, "manifest: campaign or members");
      return NULL;
    }
  if (kind_is_signed (pkg->kind) &&
      (pkg->signer_uuid == NULL || !g_uuid_string_is_valid (pkg->signer_uuid) ||
       !is_hex (pkg->key_hex, 2 * ZC_KEY_PUBLIC_BYTES) ||
       g_strcmp0 (pkg->key_type, kind_uses_campaign_key (pkg->kind) ? "campaign"
                                                                    : "person") != 0 ||
       pkg->sequence < 1))
    {
      corrupt (error, label, "manifest: signer");
      return NULL;
    }
  if (pkg->kind == ZC_EXCHANGE_KIND_UNIT &&
      (pkg->unit_uuid == NULL || !g_uuid_string_is_valid (pkg->unit_uuid)))
    {
      corrupt (error, label, "manifest: unit");
      return NULL;
    }
  return g_steal_pointer (&pkg);
}

/* The archive comment that seals the file: where it is and whether it is well formed. */
static gboolean
find_seal (Package     *pkg,
           gboolean     signed_seal,
           const char **seal,
           gsize       *body_len)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (pkg->bytes, &len);
  gsize seal_len = signed_seal ? SEAL_SIGNED_LEN : SEAL_HASHED_LEN;
  const guint8 *eocd;

  if (len < EOCD_LEN + seal_len)
    return FALSE;
  eocd = data + len - seal_len - EOCD_LEN;
  if (memcmp (eocd, "PK\005\006", 4) != 0 ||
      (gsize) (eocd[20] | (eocd[21] << 8)) != seal_len ||
      memcmp (eocd + EOCD_LEN, signed_seal ? SEAL_SIGNED : SEAL_HASHED, 8) != 0)
    return FALSE;
  *seal = (const char *) eocd + EOCD_LEN + 8;
  *body_len = len - seal_len;
  return TRUE;
}

static gboolean
verify_signature (const guint8 *message,
                  gsize         len,
                  const char   *hex,
                  gsize         hex_len,
                  const guint8 *public_key)
{
  guint8 sig[crypto_sign_BYTES];
  gsize got = 0;

  /* Lowercase only: the same bytes written in capitals are another file. */
  for (gsize i = 0; i < hex_len; i++)
    if (!g_ascii_isxdigit (hex[i]) || g_ascii_isupper (hex[i]))
      return FALSE;
  if (hex_len != 2 * crypto_sign_BYTES ||
      sodium_hex2bin (sig, sizeof sig, hex, hex_len, NULL, &got, NULL) != 0 ||
      got != sizeof sig)
    return FALSE;
  return crypto_sign_verify_detached (sig, message, len, public_key) == 0;
}

/* The seal, the manifest's signature and every member's hash; then reads records.json. */
static gboolean
package_check_content (Package       *pkg,
                       const guint8  *public_key,
                       GError       **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (pkg->bytes, &len);
  JsonObject *listed = object_member (pkg->manifest, "members");
  GBytes *manifest = g_hash_table_lookup (pkg->members, MEMBER_MANIFEST);
  const char *seal = NULL;
  gsize body_len = 0;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) keep = NULL;
  GBytes *records;
  JsonObject *root;
  const char *text;

  if (public_key)
    {
      GBytes *sig = g_hash_table_lookup (pkg->members, MEMBER_SIGNATURE);
      gsize mlen, slen;
      const guint8 *m = g_bytes_get_data (manifest, &mlen);
      const char *s = g_bytes_get_data (sig, &slen);

      if (!find_seal (pkg, TRUE, &seal, &body_len))
        return corrupt (error, pkg->label, "the seal at its end is missing: truncated?");
      if (!verify_signature (data, body_len, seal, SEAL_SIGNED_LEN - 8, public_key) ||
          !verify_signature (m, mlen, s, slen, public_key))
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                       _("%s: the signature does not match: the file was changed after it "
                         "was signed, or someone else signed it; nothing was imported"),
                       pkg->label);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *digest = NULL;
      g_autofree char *expected = NULL;

      if (!find_seal (pkg, FALSE, &seal, &body_len))
        return corrupt (error, pkg->label, "the seal at its end is missing: truncated?");
      digest = sha256_hex (data, body_len);
      expected = g_strndup (seal, SEAL_HASHED_LEN - 8);
      if (!g_str_equal (digest, expected))
        return corrupt (error, pkg->label, "its checksum does not match");
    }

  /* Every member but the manifest and the signature is listed with its hash, and every
   * listed member is there. */
  for (guint i = 0; i < pkg->names->len; i++)
    {
      const char *name = pkg->names->pdata[i];
      g_autofree char *digest = NULL;

      if (g_str_equal (name, MEMBER_MANIFEST) || g_str_equal (name, MEMBER_SIGNATURE))
        continue;
      digest = bytes_sha256 (g_hash_table_lookup (pkg->members, name));
      if (g_strcmp0 (str_member (listed, name), digest) != 0)
        {
          g_autofree char *detail = g_strdup_printf ("‘%s’ does not match the manifest", name);
          return corrupt (error, pkg->label, detail);
        }
    }
  {
    g_autoptr(GList) names = json_object_get_members (listed);

    for (GList *l = names; l; l = l->next)
      if (!g_hash_table_contains (pkg->members, l->data))
        {
          g_autofree char *detail = g_strdup_printf ("‘%s’ is missing", (char *) l->data);
          return corrupt (error, pkg->label, detail);
        }
  }

  records = g_hash_table_lookup (pkg->members, MEMBER_RECORDS);
  if (records == NULL)
    return corrupt (error, pkg->label, "records.json is missing");
  text = g_bytes_get_data (records, &len);
  if (!json_parser_load_from_data (parser, text, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return corrupt (error, pkg->label, "records.json");
  pkg->records_node = json_node_ref (json_parser_get_root (parser));
  root = json_node_get_object (pkg->records_node);
  pkg->records = object_member (root, "records");
  pkg->campaign_keys = object_member (root, "campaign_keys");
  if (pkg->records == NULL)
    return corrupt (error, pkg->label, "records.json has no records");
  {
    g_autoptr(GList) names = json_object_get_members (pkg->records);

    for (GList *l = names; l; l = l->next)
      {
        JsonNode *node = json_object_get_member (pkg->records, l->data);

        if (table_info (l->data) == NULL || !JSON_NODE_HOLDS_ARRAY (node))
          {
            g_autofree char *detail = g_strdup_printf ("unknown record kind ‘%s’",
                                                       (char *) l->data);
            return corrupt (error, pkg->label, detail);
          }
      }
  }
  return TRUE;
}

/* The seal, signature and hashes are checked with the key the manifest names, whatever
 * this installation knows: a reading thread can check them ahead of the merge (precheck()),
 * and verify_against_store() takes that result where it would check (check_content()), in
 * the same order of refusals. */
static void
precheck (Package *pkg)
{
  guint8 public_key[ZC_KEY_PUBLIC_BYTES];
  gboolean signed_kind = kind_is_signed (pkg->kind);

  if (signed_kind && !zc_keys_public_from_hex (pkg->key_hex, public_key))
    return;
  pkg->prechecked = TRUE;
  package_check_content (pkg, signed_kind ? public_key : NULL, &pkg->precheck_error);
}

static gboolean
check_content (Package       *pkg,
               const guint8  *public_key,
               GError       **error)
{
  if (!pkg->prechecked)
    return package_check_content (pkg, public_key, error);
  pkg->prechecked = FALSE;
  if (pkg->precheck_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pkg->precheck_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- importing --------------------------------------------------------------------------- */

typedef struct
{
  const TableInfo *t;
  char            *uuid;
  char            *field;
  const char      *target;
  char            *target_uuid;
} Deferred;

static void
deferred_free (Deferred *d)
{
  g_free (d->uuid);
  g_free (d->field);
  g_free (d->target_uuid);
  g_free (d);
}

typedef struct
{
  ZcStore                *store;
  ZcPerson               *actor;        /* who imports, or NULL */
  ZcExchangeReport       *report;
  ZcExchangeProgressFunc  progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
  guint                   total;
  guint                   done;
  double                  last_fraction;
  gboolean                changed;      /* anything written to the records or the log */
} Import;

/* One file being merged (a unit file and the files it relays are merged one by one). */
typedef struct
{
  Import      *imp;
  Package     *pkg;
  ZcPerson    *signer;       /* for the audit log: carries the signer's UUID; NULL: anonymous */
  gboolean     nested;
  char        *unit_uuid;    /* unit kind */
  gboolean     leader_only;  /* unit kind from the leader in charge: reviews only */
  GHashTable  *file_tables;  /* uuid → table name of every record in the file */
  GHashTable  *file_records; /* uuid → JsonObject */
  GHashTable  *skipped;      /* uuids not merged */
  GHashTable  *local_wire;   /* "table:uuid" → JsonObject of the stored record */
  GHashTable  *blanks;       /* table name → JsonObject of a new, empty record */
  GPtrArray   *deferred;
} Merge;

static void
progress_step (Import     *imp,
               const char *message)
{
  double fraction;

  imp->done++;
  if (imp->progress == NULL)
    return;
  fraction = imp->total ? 0.1 + 0.85 * MIN (1.0, (double) imp->done / imp->total) : 0.5;
  if (fraction - imp->last_fraction >= 0.01 || message)
    {
      imp->last_fraction = fraction;
      imp->progress (fraction, message, imp->progress_data);
    }
}

/* The record @uuid of @table as this file or this installation knows it (uuid-space). */
static JsonObject *
lookup_wire (Merge      *m,
             const char *table,
             const char *uuid)
{
  const char *file_table;
  g_autofree char *key = NULL;
  JsonObject *object;
  const TableInfo *t;
  g_autoptr(ZcRecord) record = NULL;

  if (uuid == NULL)
    return NULL;
  file_table = g_hash_table_lookup (m->file_tables, uuid);
  if (file_table && g_str_equal (file_table, table))
    return g_hash_table_lookup (m->file_records, uuid);
  key = g_strconcat (table, ":", uuid, NULL);
  object = g_hash_table_lookup (m->local_wire, key);
  if (object)
    return object;
  t = table_info (table);
  if (t == NULL)
    return NULL;
  record = zc_store_load_by_uuid (m->imp->store, t->get_type (), uuid, NULL);
  if (record == NULL)
    return NULL;
  object = record_to_wire (m->imp->store, t, record);
  g_hash_table_insert (m->local_wire, g_steal_pointer (&key), object);
  return object;
}

static char *
record_label (Merge           *m,
              const TableInfo *t,
              JsonObject      *rec)
{
  const char *uuid = str_member (rec, "uuid");
  g_autofree char *short_uuid = g_strndup (uuid ? uuid : "?", 8);

  if (g_str_equal (t->table, "form"))
    {
      JsonObject *p = lookup_wire (m, "person", str_member (rec, "person_id"));
      return g_strdup_printf (_("The self-inspection form of %s"),
                              str_member (p, "name") ? str_member (p, "name") : short_uuid);
    }
  if (g_str_equal (t->table, "item"))
    return g_strdup_printf (_("Rectification item %d"), (int) int_member (rec, "number", 0));
  if (g_str_equal (t->table, "problem"))
    return g_strdup_printf (_("Problem %d “%s”"), (int) int_member (rec, "number", 0),
                            str_member (rec, "title") ? str_member (rec, "title") : "");
  if (g_str_equal (t->table, "person"))
    return g_strdup_printf ("%s (%s)", str_member (rec, "name"), str_member (rec, "staff_code"));
  if (g_str_equal (t->table, "unit"))
    return g_strdup_printf ("%s (%s)", str_member (rec, "name"), str_member (rec, "code"));
  if (g_str_equal (t->table, "finding") && str_member (rec, "phenomenon"))
    {
      const char *text = str_member (rec, "phenomenon");
      g_autofree char *cut = g_utf8_substring (text, 0, MIN (20, g_utf8_strlen (text, -1)));
      return g_strdup_printf (_("Finding “%s”"), cut);
    }
  /* Translators: a record kind (its table name) and the start of its UUID */
  return g_strdup_printf (_("%s record %s"), t->table, short_uuid);
}

static void
not_merged (Merge           *m,
            const TableInfo *t,
            JsonObject      *rec,
            const char      *reason)
{
  g_autofree char *label = record_label (m, t, rec);

  g_ptr_array_add (m->imp->report->not_merged, g_strdup_printf ("%s: %s", label, reason));
  g_hash_table_add (m->skipped, g_strdup (str_member (rec, "uuid")));
}

static gboolean
refuse_record (Merge           *m,
               const TableInfo *t,
               JsonObject      *rec,
               const char      *why,
               GError         **error)
{
  g_autofree char *label = record_label (m, t, rec);

  /* Translators: "F.zip carries a record that 杨洋 may not write: The self-inspection form
   * of 李红 (another person’s form); nothing was imported" */
  g_set_error (error, ZC_ERROR, ZC_ERROR_PERMISSION,
               _("%s carries a record that %s may not write: %s (%s); nothing was imported"),
               m->pkg->label,
               m->pkg->signer_name ? m->pkg->signer_name : _("an anonymous author"), label, why);
  return FALSE;
}

/* May the signer of this kind of file write this record at all? Sets what they own. */
static gboolean
may_carry (Merge            *m,
           const TableInfo  *t,
           JsonObject       *rec,
           const Ownership **own,
           GError          **error)
{
  const char *table = t->table;
  const char *signer = m->pkg->signer_uuid;
  const char *source = str_member (rec, "source");

  switch (m->pkg->kind)
    {
    case ZC_EXCHANGE_KIND_CAMPAIGN:
      if (g_str_equal (table, "campaign") &&
          g_strcmp0 (str_member (rec, "uuid"), m->pkg->campaign) != 0)
        return refuse_record (m, t, rec, _("another campaign"), error);
      if (g_str_equal (table, "campaign") || g_str_equal (table, "list_entry") ||
          g_str_equal (table, "guidance") || g_str_equal (table, "unit") ||
          g_str_equal (table, "person"))
        {
          *own = &own_all;
          return TRUE;
        }
      break;

    case ZC_EXCHANGE_KIND_FORM:
      if (g_str_equal (table, "form"))
        {
          if (g_strcmp0 (str_member (rec, "person_id"), signer) != 0)
            return refuse_record (m, t, rec, _("another person’s form"), error);
          *own = &own_form_author;
          return TRUE;
        }
      if (g_str_equal (table, "finding") || g_str_equal (table, "cause"))
        {
          JsonObject *finding = rec;

          if (g_str_equal (table, "cause"))
            {
              finding = lookup_wire (m, "finding", str_member (rec, "finding_id"));
              source = str_member (finding, "source");
            }
          if (g_strcmp0 (source, "self") == 0)
            {
              JsonObject *form = lookup_wire (m, "form", str_member (finding, "form_id"));

              if (g_strcmp0 (str_member (finding, "author_id"), signer) != 0 ||
                  (form && g_strcmp0 (str_member (form, "person_id"), signer) != 0))
                return refuse_record (m, t, rec, _("another person’s words"), error);
            }
          else if (g_strcmp0 (source, "peer") == 0)
            {
              if (g_strcmp0 (str_member (finding, "author_id"), signer) != 0 ||
                  json_object_get_boolean_member_with_default (finding, "anonymous", FALSE))
                return refuse_record (m, t, rec, _("another person’s words"), error);
            }
          else
            return refuse_record (m, t, rec, _("public feedback"), error);
          *own = g_str_equal (table, "cause") ? &own_all : &own_finding_author;
          return TRUE;
        }
      break;

    case ZC_EXCHANGE_KIND_UNIT:
      {
        const char *u = m->unit_uuid;
        JsonObject *parent = NULL;

        /* A leader in charge sends the reviews of the lead's form, nothing else. */
        if (m->leader_only && !g_str_equal (table, "form") &&
            !(g_str_equal (table, "finding") && g_strcmp0 (source, "self") == 0))
          return refuse_record (m, t, rec, _("what only the unit’s lead writes"), error);

        if (g_str_equal (table, "form"))
          {
            JsonObject *person = lookup_wire (m, "person", str_member (rec, "person_id"));

            if (person && g_strcmp0 (str_member (person, "unit_id"), u) != 0)
              return refuse_record (m, t, rec, _("a form of another unit"), error);
            *own = &own_form_review;
            return TRUE;
          }
        if (g_str_equal (table, "finding"))
          {
            if (g_strcmp0 (source, "public") == 0 &&
                g_strcmp0 (str_member (rec, "unit_id"), u) == 0)
              {
                *own = &own_all;
                return TRUE;
              }
            if (g_strcmp0 (source, "self") == 0)
              {
                JsonObject *form = lookup_wire (m, "form", str_member (rec, "form_id"));
                JsonObject *person = lookup_wire (m, "person", str_member (form, "person_id"));

                if (person == NULL || g_strcmp0 (str_member (person, "unit_id"), u) == 0)
                  {
                    *own = &own_finding_review;
                    return TRUE;
                  }
              }
            return refuse_record (m, t, rec, _("a finding that is not the unit’s"), error);
          }
        if (g_str_equal (table, "problem") || g_str_equal (table, "commitment") ||
            g_str_equal (table, "supervision_order"))
          parent = rec;
        else if (g_str_equal (table, "item"))
          parent = rec;
        else if (g_str_equal (table, "progress"))
          parent = lookup_wire (m, "item", str_member (rec, "item_id"));
        else if (g_str_equal (table, "evidence"))
          {
            JsonObject *progress = lookup_wire (m, "progress", str_member (rec, "progress_id"));
            parent = lookup_wire (m, "item", str_member (progress, "item_id"));
          }
        else if (g_str_equal (table, "pledge"))
          parent = lookup_wire (m, "commitment", str_member (rec, "commitment_id"));
        else if (g_str_equal (table, "order_event"))
          {
            if (g_strcmp0 (str_member (rec, "actor_id"), signer) != 0 ||
                g_strcmp0 (str_member (rec, "kind"), "answered") != 0)
              return refuse_record (m, t, rec, _("an inspector’s step"), error);
            parent = lookup_wire (m, "supervision_order", str_member (rec, "order_id"));
          }
        else if (g_str_equal (table, "monthly_review"))
          {
            if (g_strcmp0 (str_member (rec, "created_by"), signer) != 0)
              return refuse_record (m, t, rec, _("another person’s monthly review"), error);
            parent = rec;
          }
        else
          break;
        if (parent && g_strcmp0 (str_member (parent, "unit_id"), u) != 0)
          return refuse_record (m, t, rec, _("a record of another unit"), error);
        if (g_str_equal (table, "item"))
          *own = &own_item_lead;
        else if (g_str_equal (table, "supervision_order"))
          *own = &own_order_lead;
        else
          *own = &own_all;
        return TRUE;
      }

    case ZC_EXCHANGE_KIND_DECISIONS:
      if (g_str_equal (table, "form"))
        {
          *own = &own_form_review;
          return TRUE;
        }
      if (g_str_equal (table, "finding"))
        {
          if (g_strcmp0 (source, "public") == 0)
            *own = &own_all;
          else if (g_strcmp0 (source, "self") == 0)
            *own = &own_finding_review;
          else
            return refuse_record (m, t, rec, _("a person’s suggestion"), error);
          return TRUE;
        }
      if (g_str_equal (table, "item"))
        {
          *own = &own_item_inspector;
          return TRUE;
        }
      if (g_str_equal (table, "supervision_order"))
        {
          *own = &own_order_inspector;
          return TRUE;
        }
      if (g_str_equal (table, "order_event") || g_str_equal (table, "evaluation") ||
          g_str_equal (table, "merit") || g_str_equal (table, "monthly_review"))
        {
          const char *by = str_member (rec, g_str_equal (table, "order_event") ? "actor_id"
                                            : g_str_equal (table, "monthly_review") ? "created_by"
                                            : "recorded_by");
          JsonObject *person = lookup_wire (m, "person", by);

          if (person && !person_has_role (person, ZC_ROLE_INSPECTOR))
            return refuse_record (m, t, rec, _("what only inspectors record"), error);
          if (g_str_equal (table, "order_event") &&
              g_strcmp0 (str_member (rec, "kind"), "answered") == 0)
            return refuse_record (m, t, rec, _("a lead’s answer"), error);
          *own = &own_all;
          return TRUE;
        }
      break;

    case ZC_EXCHANGE_KIND_SUGGESTIONS:
      if (g_str_equal (table, "finding") && g_strcmp0 (source, "peer") == 0 &&
          json_object_get_boolean_member_with_default (rec, "anonymous", FALSE) &&
          str_member (rec, "author_id") == NULL && str_member (rec, "form_id") == NULL)
        {
          *own = &own_all;
          return TRUE;
        }
      return refuse_record (m, t, rec, _("a record with an author"), error);

    default:
      g_assert_not_reached ();
    }
  return refuse_record (m, t, rec, _("a record of this kind"), error);
}

/* Checks the fields a newer revision changes against what its signer owns; NULL when the
 * change may be merged, else the reason it may not. */
static char *
check_changes (Merge           *m,
               const TableInfo *t,
               const Ownership *own,
               JsonObject      *rec,
               JsonObject      *base,
               gboolean         is_new)
{
  g_autoptr(GPtrArray) names = wire_fields (t);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      JsonNode *value = member_or_null (rec, name);

      if (ignored_field (t, name) || !json_object_has_member (rec, name) ||
          nodes_equal (value, member_or_null (base, name)))
        continue;
      if (!owns_field (own, name))
        {
          if (is_new)
            return g_strdup_printf (_("it holds “%s” set by someone else, whose file this "
                                      "installation has not received yet"), name);
          return g_strdup_printf (_("the file changes “%s”, which its signer does not own "
                                    "(changed on two computers, or forged)"), name);
        }
      if (g_str_equal (name, "state") &&
          !move_allowed (own, str_member (base, "state"), str_member (rec, "state")))
        return g_strdup_printf (_("its signer may not move it from “%s” to “%s”"),
                                str_member (base, "state"), str_member (rec, "state"));
      if (g_str_equal (name, "reviewer_id"))
        {
          const char *reviewer = str_member (rec, "reviewer_id");
          JsonObject *person = lookup_wire (m, "person", reviewer);

          if (m->pkg->kind == ZC_EXCHANGE_KIND_UNIT &&
              g_strcmp0 (reviewer, m->pkg->signer_uuid) != 0)
            return g_strdup (_("a lead’s file may only carry the lead’s own reviews"));
          if (m->pkg->kind == ZC_EXCHANGE_KIND_DECISIONS && !person_has_role (person,
                                                                              ZC_ROLE_INSPECTOR))
            return g_strdup (_("an inspectors’ file may only carry inspectors’ reviews"));
        }
    }
  return NULL;
}

static void
add_deferred (Merge           *m,
              const TableInfo *t,
              const char      *uuid,
              const char      *field,
              const char      *target,
              const char      *target_uuid)
{
  Deferred *d = g_new0 (Deferred, 1);

  d->t = t;
  d->uuid = g_strdup (uuid);
  d->field = g_strdup (field);
  d->target = target;
  d->target_uuid = g_strdup (target_uuid);
  g_ptr_array_add (m->deferred, d);
}

static gboolean
write_links (Merge           *m,
             const TableInfo *t,
             gint64           id,
             JsonArray       *links,
             GError         **error)
{
  const char *target = g_str_equal (t->table, "problem") ? "finding" : "item";

  if (!zc_store_run (m->imp->store, error, t->links_delete, "i", id))
    return FALSE;
  for (guint i = 0; links && i < json_array_get_length (links); i++)
    {
      gint64 target_id = uuid_to_id (m->imp->store, target,
                                     json_array_get_string_element (links, i));

      if (!zc_store_run (m->imp->store, error, t->links_insert, "ii", id, target_id))
        return FALSE;
    }
  return TRUE;
}

/* The evidence blob is not a record field: the row is written here, then logged. */
static gboolean
insert_evidence (Merge       *m,
                 ZcRecord    *record,
                 JsonObject  *rec,
                 GError     **error)
{
  ZcEvidence *ev = ZC_EVIDENCE (record);
  g_autofree char *name = g_strconcat (DIR_EVIDENCE, ev->sha256 ? ev->sha256 : "", NULL);
  GBytes *data = g_hash_table_lookup (m->pkg->members, name);
  g_autofree char *digest = data ? bytes_sha256 (data) : NULL;
  g_autoptr(JsonObject) fields = NULL;
  sqlite3_stmt *stmt;
  gsize len = 0;
  const void *bytes;

  if (data == NULL || g_strcmp0 (digest, ev->sha256) != 0 ||
      (gint64) g_bytes_get_size (data) != ev->size)
    return corrupt (error, m->pkg->label, "an evidence file is missing or does not match");
  bytes = g_bytes_get_data (data, &len);
  stmt = zc_store_stmt (m->imp->store, "INSERT INTO evidence (uuid, created, updated, revision, "
                                       "progress_id, filename, mime, size, sha256, data) VALUES "
                                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, zc_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, zc_record_get_created (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, zc_record_get_updated (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, zc_record_get_revision (record));
  sqlite3_bind_int64 (stmt, 5, ev->progress_id);
  sqlite3_bind_text (stmt, 6, ev->filename, -1, SQLITE_TRANSIENT);
  if (ev->mime)
    sqlite3_bind_text (stmt, 7, ev->mime, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, ev->size);
  sqlite3_bind_text (stmt, 9, ev->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 10, len ? bytes : "", len, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      zc_store_sql_error (m->imp->store, "evidence", error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  zc_record_set_common (record, sqlite3_last_insert_rowid (m->imp->store->db),
                        zc_record_get_uuid (record), zc_record_get_created (record),
                        zc_record_get_updated (record), zc_record_get_revision (record));
  fields = zc_record_diff (NULL, record);
  return zc_audit_append (m->imp->store, m->signer ? zc_record_get_uuid (ZC_RECORD (m->signer))
                                                   : NULL,
                          "import", "evidence", zc_record_get_uuid (record), fields,
                          zc_record_get_id (record), FALSE, error);
}

static gboolean
person_has_own_key (ZcStore    *store,
                    const char *uuid)
{
  return zc_store_query_int (store, 0, "SELECT seckey IS NOT NULL FROM person WHERE uuid = ?",
                             "s", uuid) != 0;
}

/* A key for a person that arrives with a campaign file: the inspectors' word, except on
 * the person's own computer, where their own key stays. */
static gboolean
merge_person_key (Merge       *m,
                  JsonObject  *rec,
                  gboolean     newer,
                  GError     **error)
{
  const char *uuid = str_member (rec, "uuid");
  const char *theirs = str_member (rec, "pubkey");
  g_autoptr(ZcPerson) person = zc_store_load_by_uuid (m->imp->store, ZC_TYPE_PERSON, uuid, NULL);
  g_autofree char *relay_key = NULL;
  const char *ours;

  if (person == NULL || person_has_own_key (m->imp->store, uuid))
    return TRUE;
  ours = zc_person_get_pubkey (person);
  if (g_strcmp0 (ours, theirs) == 0)
    return TRUE;
  /* An older or equal revision only fills a key this installation has not pinned yet. */
  if (!newer && (ours != NULL || theirs == NULL))
    return TRUE;
  zc_person_set_pubkey (person, theirs);
  if (!zc_store_update_record (m->imp->store, m->imp->actor, ZC_RECORD (person), "pin_key",
                               ZC_WRITE_KEEP_META, error))
    return FALSE;
  /* Files relayed for this person were signed with the key that is no longer theirs. */
  relay_key = g_strconcat (META_RELAY "form.", uuid, NULL);
  if (!meta_set (m->imp->store, relay_key, NULL, error))
    return FALSE;
  m->imp->changed = TRUE;
  {
    g_autofree char *fp = zc_keys_fingerprint (theirs);
    g_ptr_array_add (m->imp->report->notes,
                     theirs ? g_strdup_printf (_("Key of %s (%s) set by the inspectors: %s"),
                                               person->name, person->staff_code, fp)
                            : g_strdup_printf (_("Key of %s (%s) cleared by the inspectors "
                                                 "(re-enrolled): the next file they sign pins "
                                                 "their new key"),
                                               person->name, person->staff_code));
  }
  return TRUE;
}

static gboolean
write_record (Merge           *m,
              const TableInfo *t,
              JsonObject      *rec,
              ZcRecord        *local,
              GError         **error)
{
  Import *imp = m->imp;
  ZcRecordClass *klass = table_class (t);
  g_autoptr(ZcRecord) record = local ? g_object_ref (local) : g_object_new (t->get_type (), NULL);
  g_autoptr(JsonObject) resolved = json_object_new ();
  g_autoptr(GPtrArray) later = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  const char *uuid = str_member (rec, "uuid");
  JsonArray *links = NULL;
  gboolean anonymous = m->pkg->kind == ZC_EXCHANGE_KIND_SUGGESTIONS;
  ZcWriteFlags flags = ZC_WRITE_KEEP_META | (anonymous ? ZC_WRITE_ANONYMOUS : 0);
  ZcPerson *actor = anonymous ? NULL : m->signer;
  const char *action = anonymous ? "import_unverified" : "import";
  gboolean ok;

  /* Ids: UUIDs in the file, local ids here. */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ZcField *f = &klass->fields[i];
      const char *target, *ref;
      gint64 id;

      if (f->display || !json_object_has_member (rec, f->name))
        continue;
      if (f->type != ZC_FIELD_ID)
        {
          json_object_set_member (resolved, f->name,
                                  json_node_copy (json_object_get_member (rec, f->name)));
          continue;
        }
      target = ref_target (t->table, f->name);
      ref = str_member (rec, f->name);
      if (target == NULL || ref == NULL)
        {
          json_object_set_null_member (resolved, f->name);
          continue;
        }
      if (g_hash_table_contains (m->skipped, ref))
        {
          not_merged (m, t, rec, _("it belongs to a record that was not merged"));
          return TRUE;
        }
      id = uuid_to_id (imp->store, target, ref);
      if (id)
        json_object_set_int_member (resolved, f->name, id);
      else if (g_strcmp0 (g_hash_table_lookup (m->file_tables, ref), target) == 0)
        {
          /* Further on in this file: set once everything is in. */
          json_object_set_null_member (resolved, f->name);
          g_ptr_array_add (later, (gpointer) f->name);
        }
      else
        {
          g_autofree char *why = g_strdup_printf (_("it refers to a %s record (%.8s…) that this "
                                                    "installation does not have"), target, ref);
          not_merged (m, t, rec, why);
          return TRUE;
        }
    }
  if (t->links)
    {
      JsonNode *node = member_or_null (rec, t->links);
      const char *target = g_str_equal (t->table, "problem") ? "finding" : "item";

      links = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      for (guint i = 0; links && i < json_array_get_length (links); i++)
        {
          const char *ref = json_array_get_string_element (links, i);

          if (ref == NULL || uuid_to_id (imp->store, target, ref) == 0)
            {
              g_autofree char *why = g_strdup_printf (_("it is tied to a %s record (%.8s…) that "
                                                        "this installation does not have"),
                                                      target, ref ? ref : "?");
              not_merged (m, t, rec, why);
              return TRUE;
            }
        }
    }
  /* On a person's own computer their key stays theirs. */
  if (g_str_equal (t->table, "person") && local && person_has_own_key (imp->store, uuid))
    json_object_set_string_member (resolved, "pubkey", zc_person_get_pubkey (ZC_PERSON (local)));

  if (!zc_record_update_from_json (record, resolved, &local_error))
    return corrupt (error, m->pkg->label, local_error->message);
  zc_record_set_common (record, local ? zc_record_get_id (local) : 0, uuid,
                        str_member (rec, "created"), str_member (rec, "updated"),
                        int_member (rec, "revision", 1));

  if (!zc_store_begin (imp->store, error))
    return FALSE;
  if (g_str_equal (t->table, "evidence"))
    ok = insert_evidence (m, record, rec, &local_error);
  else if (local)
    ok = (!t->links || write_links (m, t, zc_record_get_id (record), links, &local_error)) &&
         zc_store_update_record (imp->store, actor, record, action, flags, &local_error);
  else
    {
      ok = zc_store_insert_record (imp->store, actor, record, action, flags, &local_error);
      if (ok && links && json_array_get_length (links) > 0)
        {
          g_autoptr(JsonObject) fields = json_object_new ();

          json_object_set_array_member (fields, t->links, json_array_ref (links));
          ok = write_links (m, t, zc_record_get_id (record), links, &local_error) &&
               zc_audit_append (imp->store, actor ? zc_record_get_uuid (ZC_RECORD (actor)) : NULL,
                                "import_links", t->table, uuid, fields,
                                zc_record_get_id (record), FALSE, &local_error);
        }
    }
  if (!ok)
    {
      zc_store_rollback (imp->store);
      /* A natural key taken by another record here (a unit code, a month's review) is a
       * conflict to report; anything else stops the import. */
      if (g_error_matches (local_error, ZC_ERROR, ZC_ERROR_CONFLICT))
        {
          g_autofree char *why = g_strdup_printf (_("it collides with a record of this "
                                                    "installation (%s)"), local_error->message);
          not_merged (m, t, rec, why);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!zc_store_commit (imp->store, error))
    return FALSE;

  for (guint i = 0; i < later->len; i++)
    {
      const char *field = later->pdata[i];
      add_deferred (m, t, uuid, field, ref_target (t->table, field), str_member (rec, field));
    }
  if (local)
    imp->report->n_updated++;
  else
    imp->report->n_created++;
  imp->changed = TRUE;
  return TRUE;
}

static gboolean
merge_record (Merge           *m,
              const TableInfo *t,
              JsonObject      *rec,
              GError         **error)
{
  Import *imp = m->imp;
  const char *uuid = str_member (rec, "uuid");
  gint64 revision = int_member (rec, "revision", 0);
  const Ownership *own = NULL;
  g_autoptr(ZcRecord) local = NULL;
  g_autoptr(JsonObject) local_wire = NULL;
  JsonObject *blank = NULL;
  g_autofree char *why = NULL;
  gint64 local_revision;

  if (!may_carry (m, t, rec, &own, error))
    return FALSE;

  local = zc_store_load_by_uuid (imp->store, t->get_type (), uuid, NULL);
  if (local)
    {
      local_wire = record_to_wire (imp->store, t, local);
      local_revision = zc_record_get_revision (local);
      if (revision <= local_revision)
        {
          if (revision == local_revision && !wire_equal (t, rec, local_wire))
            {
              not_merged (m, t, rec, _("this installation holds the same revision with other "
                                       "content (it was changed on two computers)"));
              return TRUE;
            }
          if (revision == local_revision)
            imp->report->n_unchanged++;
          else
            imp->report->n_older++;
          if (g_str_equal (t->table, "person") && m->pkg->kind == ZC_EXCHANGE_KIND_CAMPAIGN)
            return merge_person_key (m, rec, FALSE, error);
          return TRUE;
        }
      if (g_str_equal (t->table, "evidence"))
        {
          not_merged (m, t, rec, _("evidence files never change"));
          return TRUE;
        }
    }
  else if ((blank = g_hash_table_lookup (m->blanks, t->table)) == NULL)
    {
      g_autoptr(ZcRecord) empty = g_object_new (t->get_type (), NULL);

      blank = record_to_wire (imp->store, t, empty);
      g_hash_table_insert (m->blanks, (gpointer) t->table, blank);
    }

  why = check_changes (m, t, own, rec, local ? local_wire : blank, local == NULL);
  if (why)
    {
      not_merged (m, t, rec, why);
      return TRUE;
    }
  if (!write_record (m, t, rec, local, error))
    return FALSE;
  if (g_str_equal (t->table, "person") && local && m->pkg->kind == ZC_EXCHANGE_KIND_CAMPAIGN &&
      !g_hash_table_contains (m->skipped, uuid))
    {
      /* The record is in; its key follows the inspectors unless it is this computer's own. */
      if (!person_has_own_key (imp->store, uuid) &&
          g_strcmp0 (str_member (local_wire, "pubkey"), str_member (rec, "pubkey")) != 0)
        {
          g_autofree char *relay_key = g_strconcat (META_RELAY "form.", uuid, NULL);
          g_autofree char *fp = zc_keys_fingerprint (str_member (rec, "pubkey"));

          if (!meta_set (imp->store, relay_key, NULL, error))
            return FALSE;
          g_ptr_array_add (imp->report->notes,
                           fp ? g_strdup_printf (_("Key of %s set by the inspectors: %s"),
                                                 str_member (rec, "name"), fp)
                              : g_strdup_printf (_("Key of %s cleared by the inspectors "
                                                   "(re-enrolled)"), str_member (rec, "name")));
        }
    }
  return TRUE;
}

static gboolean
apply_deferred (Merge   *m,
                GError **error)
{
  for (guint i = 0; i < m->deferred->len; i++)
    {
      Deferred *d = m->deferred->pdata[i];
      ZcRecordClass *klass = table_class (d->t);
      g_autoptr(ZcRecord) record = zc_store_load_by_uuid (m->imp->store, d->t->get_type (),
                                                          d->uuid, NULL);
      gint64 id = uuid_to_id (m->imp->store, d->target, d->target_uuid);

      if (record == NULL)
        continue;
      if (id == 0)
        {
          g_ptr_array_add (m->imp->report->not_merged,
                           g_strdup_printf (_("%s record %.8s…: its link to a %s record was "
                                              "left out, that record was not merged"),
                                            d->t->table, d->uuid, d->target));
          continue;
        }
      for (guint k = 0; k < klass->n_fields; k++)
        if (g_str_equal (klass->fields[k].name, d->field))
          zc_record_set_field_int (record, k, id);
      if (!zc_store_update_record (m->imp->store, m->signer, record, "import",
                                   ZC_WRITE_KEEP_META, error))
        return FALSE;
    }
  return TRUE;
}

static GHashTable *
file_uuid_set (Package    *pkg,
               const char *table)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array = json_object_has_member (pkg->records, table)
                     ? json_object_get_array_member (pkg->records, table) : NULL;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    g_hash_table_add (set, (gpointer) str_member (json_array_get_object_element (array, i),
                                                  "uuid"));
  return set;
}

static gboolean
delete_local (Merge           *m,
              const TableInfo *t,
              const char      *uuid,
              GError         **error)
{
  g_autoptr(ZcRecord) record = zc_store_load_by_uuid (m->imp->store, t->get_type (), uuid, NULL);

  if (record == NULL)
    return TRUE;
  if (t->links_delete &&
      !zc_store_run (m->imp->store, error, t->links_delete, "i", zc_record_get_id (record)))
    return FALSE;
  if (!zc_store_delete_record (m->imp->store, m->signer, record, "import_delete", error))
    return FALSE;
  m->imp->report->n_deleted++;
  m->imp->changed = TRUE;
  return TRUE;
}

static GPtrArray *
query_uuids (ZcStore    *store,
             const char *sql,
             gint64      id)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = zc_store_stmt (store, sql, NULL);

  if (stmt == NULL)
    return uuids;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return uuids;
}

/* A form file holds the whole of its author's submitted form and a unit file the whole
 * problem list and every pledge of the unit: what its owner removed goes here too. */
static gboolean
apply_deletions (Merge   *m,
                 GError **error)
{
  ZcStore *store = m->imp->store;

  if (m->pkg->kind == ZC_EXCHANGE_KIND_FORM)
    {
      JsonArray *forms = json_object_has_member (m->pkg->records, "form")
                         ? json_object_get_array_member (m->pkg->records, "form") : NULL;
      JsonObject *form = forms && json_array_get_length (forms) == 1
                         ? json_array_get_object_element (forms, 0) : NULL;
      g_autoptr(GHashTable) findings = file_uuid_set (m->pkg, "finding");
      g_autoptr(GHashTable) causes = file_uuid_set (m->pkg, "cause");
      g_autoptr(GPtrArray) local_findings = NULL;
      gint64 form_id;

      if (form == NULL || g_strcmp0 (str_member (form, "state"), "draft") == 0 ||
          g_hash_table_contains (m->skipped, str_member (form, "uuid")))
        return TRUE;
      form_id = uuid_to_id (store, "form", str_member (form, "uuid"));
      local_findings = query_uuids (store, "SELECT uuid FROM finding WHERE form_id = ? AND "
                                           "source = 'self'", form_id);
      for (guint i = 0; i < local_findings->len; i++)
        {
          const char *uuid = local_findings->pdata[i];
          gint64 finding_id = uuid_to_id (store, "finding", uuid);
          g_autoptr(GPtrArray) local_causes = query_uuids (store, "SELECT uuid FROM cause WHERE "
                                                                  "finding_id = ?", finding_id);
          gboolean gone = !g_hash_table_contains (findings, uuid);

          if (gone && zc_store_query_int (store, 0, "SELECT count(*) FROM problem_finding WHERE "
                                                    "finding_id = ?", "i", finding_id) > 0)
            {
              g_ptr_array_add (m->imp->report->not_merged,
                               g_strdup_printf (_("Finding %.8s…: its author removed it, but it "
                                                  "is on a problem list here; kept"), uuid));
              continue;
            }
          for (guint k = 0; k < local_causes->len; k++)
            if ((gone || !g_hash_table_contains (causes, local_causes->pdata[k])) &&
                !delete_local (m, table_info ("cause"), local_causes->pdata[k], error))
              return FALSE;
          if (gone && !delete_local (m, table_info ("finding"), uuid, error))
            return FALSE;
        }
    }
  else if (m->pkg->kind == ZC_EXCHANGE_KIND_UNIT && !m->leader_only)
    {
      g_autoptr(GHashTable) problems = file_uuid_set (m->pkg, "problem");
      g_autoptr(GHashTable) commitments = file_uuid_set (m->pkg, "commitment");
      g_autoptr(GHashTable) pledges = file_uuid_set (m->pkg, "pledge");
      gint64 unit_id = uuid_to_id (store, "unit", m->unit_uuid);
      g_autoptr(GPtrArray) local_problems = query_uuids (store, "SELECT uuid FROM problem WHERE "
                                                                "unit_id = ?", unit_id);
      g_autoptr(GPtrArray) local_pledges = query_uuids (store, "SELECT p.uuid FROM pledge p JOIN "
                                                               "commitment c ON c.id = "
                                                               "p.commitment_id WHERE "
                                                               "c.unit_id = ?", unit_id);

      for (guint i = 0; i < local_problems->len; i++)
        {
          const char *uuid = local_problems->pdata[i];

          if (g_hash_table_contains (problems, uuid))
            continue;
          if (zc_store_query_int (store, 0, "SELECT count(*) FROM item i JOIN problem p ON "
                                            "p.id = i.problem_id WHERE p.uuid = ?", "s", uuid) > 0)
            {
              g_ptr_array_add (m->imp->report->not_merged,
                               g_strdup_printf (_("Problem %.8s…: the lead removed it, but it "
                                                  "has rectification items here; kept"), uuid));
              continue;
            }
          if (!delete_local (m, table_info ("problem"), uuid, error))
            return FALSE;
        }
      for (guint i = 0; i < local_pledges->len; i++)
        {
          const char *uuid = local_pledges->pdata[i];
          g_autofree char *commitment = zc_store_query_text (store, "SELECT c.uuid FROM pledge p "
                                                                    "JOIN commitment c ON c.id = "
                                                                    "p.commitment_id WHERE "
                                                                    "p.uuid = ?", "s", uuid);

          if (g_hash_table_contains (commitments, commitment) &&
              !g_hash_table_contains (pledges, uuid) &&
              !delete_local (m, table_info ("pledge"), uuid, error))
            return FALSE;
        }
    }
  return TRUE;
}

static char *
seen_key (Package *pkg)
{
  g_autofree char *key_prefix = g_strndup (pkg->key_hex, 16);

  return g_strdup_printf (META_SEEN "%s.%s.%s", kind_names[pkg->kind], pkg->signer_uuid,
                          key_prefix);
}

static gboolean merge_package (Import   *imp,
                               Package  *pkg,
                               gboolean  nested,
                               GError  **error);

/* Checks a file against this installation: campaign, signer, key. Pins a key seen for the
 * first time. Returns FALSE with @error to refuse; *@skip for a relayed file to pass by. */
static gboolean
verify_against_store (Import    *imp,
                      Package   *pkg,
                      gboolean   nested,
                      ZcPerson **signer_out,
                      gboolean  *skip,
                      GError   **error)
{
  ZcStore *store = imp->store;
  g_autofree char *campaign = meta_get (store, "campaign_uuid");
  g_autoptr(ZcPerson) signer = NULL;
  guint8 public_key[ZC_KEY_PUBLIC_BYTES];
  gboolean empty = !zc_store_has_campaign (store);

  *skip = FALSE;
  if (empty && pkg->kind != ZC_EXCHANGE_KIND_CAMPAIGN)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   _("%s is a %s file, but this database holds no campaign yet: import the "
                     "campaign file first"), pkg->label, kind_names[pkg->kind]);
      return FALSE;
    }
  if (!empty && g_strcmp0 (campaign, pkg->campaign) != 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CONFLICT,
                   _("%s belongs to another campaign than this database; nothing was "
                     "imported"), pkg->label);
      return FALSE;
    }

  if (!kind_is_signed (pkg->kind))
    return check_content (pkg, NULL, error);

  if (!g_hash_table_contains (pkg->members, MEMBER_SIGNATURE))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                   _("%s is not signed: a %s file must carry its signer’s signature; nothing "
                     "was imported"), pkg->label, kind_names[pkg->kind]);
      return FALSE;
    }
  zc_keys_public_from_hex (pkg->key_hex, public_key);

  if (!empty)
    signer = zc_store_load_by_uuid (store, ZC_TYPE_PERSON, pkg->signer_uuid, NULL);
  if (signer == NULL && pkg->kind != ZC_EXCHANGE_KIND_CAMPAIGN)
    {
      /* A relayed file of someone this installation does not know yet: passed by. */
      if (nested)
        {
          g_ptr_array_add (imp->report->notes,
                           g_strdup_printf (_("A relayed file of %s (%s), who is not a person of "
                                              "this campaign here, was skipped: import the "
                                              "latest campaign file first"),
                                            pkg->signer_name ? pkg->signer_name : "?",
                                            pkg->signer_code ? pkg->signer_code : "?"));
          *skip = TRUE;
          return TRUE;
        }
      g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                   _("%s is signed by %s (%s), who is not a person of this campaign here: "
                     "import the latest campaign file first; nothing was imported"),
                   pkg->label, pkg->signer_name ? pkg->signer_name : "?",
                   pkg->signer_code ? pkg->signer_code : "?");
      return FALSE;
    }

  if (kind_uses_campaign_key (pkg->kind))
    {
      g_autofree char *pinned = meta_get (store, META_CAMPAIGN_KEY);

      if (pinned && !g_str_equal (pinned, pkg->key_hex))
        {
          g_autofree char *fp_file = zc_keys_fingerprint (pkg->key_hex);
          g_autofree char *fp_pinned = zc_keys_fingerprint (pinned);

          g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH,
                       _("%s is signed with another campaign key (%s) than the one this "
                         "installation knows (%s); nothing was imported"),
                       pkg->label, fp_file, fp_pinned);
          return FALSE;
        }
      if (!check_content (pkg, public_key, error))
        return FALSE;
      if (signer && !zc_person_is (signer, ZC_ROLE_INSPECTOR))
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_PERMISSION,
                       _("%s names %s as its author, who is not an inspector; nothing was "
                         "imported"), pkg->label, zc_person_get_name (signer));
          return FALSE;
        }
      if (pinned == NULL)
        {
          if (!meta_set (store, META_CAMPAIGN_KEY, pkg->key_hex, error))
            return FALSE;
          imp->report->pinned = !nested;
          {
            g_autofree char *fp = zc_keys_fingerprint (pkg->key_hex);
            g_ptr_array_add (imp->report->notes,
                             g_strdup_printf (_("Pinned the campaign key: %s"), fp));
          }
        }
    }
  else
    {
      const char *pinned = zc_person_get_pubkey (signer);

      if (pinned && !g_str_equal (pinned, pkg->key_hex))
        {
          g_autofree char *fp_file = zc_keys_fingerprint (pkg->key_hex);
          g_autofree char *fp_pinned = zc_keys_fingerprint (pinned);

          /* A relayed file of a person who has a new key since: not trusted, passed by. */
          if (nested)
            {
              g_ptr_array_add (imp->report->notes,
                               g_strdup_printf (_("A relayed file of %s is signed with a key "
                                                  "that is no longer theirs (%s); skipped"),
                                                signer->name, fp_file));
              *skip = TRUE;
              return TRUE;
            }
          g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH,
                       _("%s is signed by %s (%s) with another key (%s) than the one pinned "
                         "for them here (%s). If they have a new computer, an inspector "
                         "re-enrols them first; nothing was imported"),
                       pkg->label, signer->name, signer->staff_code, fp_file, fp_pinned);
          return FALSE;
        }
      if (!check_content (pkg, public_key, error))
        return FALSE;
      if (pkg->kind == ZC_EXCHANGE_KIND_UNIT)
        {
          gint64 unit_id = uuid_to_id (store, "unit", pkg->unit_uuid);

          if (!zc_policy_is_lead_of (store, signer, unit_id) &&
              !zc_policy_is_leader_of (store, signer, unit_id))
            {
              g_set_error (error, ZC_ERROR, ZC_ERROR_PERMISSION,
                           _("%s is a unit file of %s, who is neither the lead of that unit nor "
                             "its leader in charge here; nothing was imported"),
                           pkg->label, signer->name);
              return FALSE;
            }
        }
      if (pinned == NULL)
        {
          g_autofree char *fp = zc_keys_fingerprint (pkg->key_hex);

          zc_person_set_pubkey (signer, pkg->key_hex);
          if (!zc_store_update_record (store, imp->actor, ZC_RECORD (signer), "pin_key",
                                       ZC_WRITE_KEEP_META, error))
            return FALSE;
          imp->changed = TRUE;
          if (!nested)
            imp->report->pinned = TRUE;
          g_ptr_array_add (imp->report->notes,
                           g_strdup_printf (_("Pinned the key of %s (%s): %s"), signer->name,
                                            signer->staff_code, fp));
        }
    }

  /* A file older than one already read from the same signer would undo their changes. */
  {
    g_autofree char *key = seen_key (pkg);
    gint64 seen = 0;
    g_autofree char *value = meta_get (store, key);

    if (value)
      seen = g_ascii_strtoll (value, NULL, 10);
    if (pkg->sequence < seen)
      {
        if (nested)
          {
            *skip = TRUE;
            return TRUE;
          }
        g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                     _("%s is older than a %s file of %s already imported here (number %d, "
                       "this is number %d); nothing was imported"), pkg->label,
                     kind_names[pkg->kind], pkg->signer_name ? pkg->signer_name : "?",
                     (int) seen, (int) pkg->sequence);
        return FALSE;
      }
  }
  *signer_out = g_steal_pointer (&signer);
  return TRUE;
}

static gboolean
store_seen_and_relay (Import   *imp,
                      Package  *pkg,
                      GError  **error)
{
  if (kind_is_signed (pkg->kind))
    {
      g_autofree char *key = seen_key (pkg);
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, pkg->sequence);
      g_autofree char *old = meta_get (imp->store, key);

      if ((old == NULL || g_ascii_strtoll (old, NULL, 10) < pkg->sequence) &&
          !meta_set (imp->store, key, value, error))
        return FALSE;
    }
  /* Form and suggestion files are kept to be passed on in the unit's file. */
  if (pkg->kind == ZC_EXCHANGE_KIND_FORM || pkg->kind == ZC_EXCHANGE_KIND_SUGGESTIONS)
    {
      g_autofree char *key = pkg->kind == ZC_EXCHANGE_KIND_FORM
                             ? g_strconcat (META_RELAY "form.", pkg->signer_uuid, NULL)
                             : g_strconcat (META_RELAY "suggestions.", pkg->sha256, NULL);
      g_autofree char *encoded = NULL;
      g_autofree char *old = meta_get (imp->store, key);
      gsize len;
      const guchar *data = g_bytes_get_data (pkg->bytes, &len);

      if (old && pkg->kind == ZC_EXCHANGE_KIND_FORM)
        {
          /* Keep the newest file of a person. */
          g_autofree guchar *old_bytes = NULL;
          gsize old_len = 0;
          g_autoptr(GBytes) b = NULL;
          g_autoptr(Package) old_pkg = NULL;

          old_bytes = g_base64_decode (old, &old_len);
          b = g_bytes_new_take (g_steal_pointer (&old_bytes), old_len);
          old_pkg = package_parse (b, "relay", NULL);
          if (old_pkg && g_strcmp0 (old_pkg->key_hex, pkg->key_hex) == 0 &&
              old_pkg->sequence >= pkg->sequence)
            return TRUE;
        }
      encoded = g_base64_encode (data, len);
      if (!meta_set (imp->store, key, encoded, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
count_records (Package *pkg)
{
  gint64 n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (json_object_has_member (pkg->records, tables[i].table))
      n += json_array_get_length (json_object_get_array_member (pkg->records, tables[i].table));
  return n;
}

static gboolean
index_records (Merge   *m,
               GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      JsonArray *array;

      if (!json_object_has_member (m->pkg->records, tables[i].table))
        continue;
      array = json_object_get_array_member (m->pkg->records, tables[i].table);
      for (guint k = 0; k < json_array_get_length (array); k++)
        {
          JsonNode *node = json_array_get_element (array, k);
          JsonObject *rec = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *uuid = str_member (rec, "uuid");

          if (uuid == NULL || !g_uuid_string_is_valid (uuid) ||
              int_member (rec, "revision", 0) < 1 || str_member (rec, "created") == NULL ||
              str_member (rec, "updated") == NULL)
            return corrupt (error, m->pkg->label, "a record without UUID, times or revision");
          if (g_hash_table_contains (m->file_tables, uuid))
            return corrupt (error, m->pkg->label, "a record twice");
          g_hash_table_insert (m->file_tables, (gpointer) uuid, (gpointer) tables[i].table);
          g_hash_table_insert (m->file_records, (gpointer) uuid, rec);
        }
    }
  return TRUE;
}

static gboolean
merge_relayed (Import   *imp,
               Package  *pkg,
               GError  **error)
{
  for (guint i = 0; i < pkg->names->len; i++)
    {
      const char *name = pkg->names->pdata[i];
      g_autoptr(Package) inner = NULL;
      g_autofree char *label = NULL;

      if (!g_str_has_prefix (name, DIR_RELAY))
        continue;
      label = g_strdup_printf ("%s ▸ %s", pkg->label, name);
      inner = package_parse (g_hash_table_lookup (pkg->members, name), label, error);
      if (inner == NULL)
        return FALSE;
      if (inner->kind != ZC_EXCHANGE_KIND_FORM && inner->kind != ZC_EXCHANGE_KIND_SUGGESTIONS)
        return corrupt (error, pkg->label, "it relays a file that is not a form or suggestions");
      if (!merge_package (imp, inner, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_package (Import   *imp,
               Package  *pkg,
               gboolean  nested,
               GError  **error)
{
  Merge m = { 0, };
  g_autoptr(ZcPerson) signer = NULL;
  gboolean skip = FALSE;
  gboolean ok = FALSE;
  guint before = imp->report->n_created + imp->report->n_updated + imp->report->n_deleted;
  gboolean changed_before = imp->changed;

  if (!verify_against_store (imp, pkg, nested, &signer, &skip, error))
    return FALSE;
  if (skip)
    return TRUE;
  imp->report->n_files++;
  imp->total += count_records (pkg);

  m.imp = imp;
  m.pkg = pkg;
  m.nested = nested;
  m.unit_uuid = g_strdup (pkg->unit_uuid);
  m.leader_only = pkg->kind == ZC_EXCHANGE_KIND_UNIT &&
                  !zc_policy_is_lead_of (imp->store, signer,
                                         uuid_to_id (imp->store, "unit", pkg->unit_uuid));
  m.file_tables = g_hash_table_new (g_str_hash, g_str_equal);
  m.file_records = g_hash_table_new (g_str_hash, g_str_equal);
  m.skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m.local_wire = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_object_unref);
  m.blanks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) json_object_unref);
  m.deferred = g_ptr_array_new_with_free_func ((GDestroyNotify) deferred_free);

  if (kind_is_signed (pkg->kind))
    {
      /* The log names the signer by UUID even before a campaign file brings the person. */
      m.signer = signer ? g_object_ref (signer) : g_object_new (ZC_TYPE_PERSON, NULL);
      if (signer == NULL)
        zc_record_set_common (ZC_RECORD (m.signer), 0, pkg->signer_uuid, NULL, NULL, 0);
    }

  if (!index_records (&m, error))
    goto out;
  if (pkg->kind == ZC_EXCHANGE_KIND_CAMPAIGN && signer == NULL)
    {
      /* A new installation, or a new inspector: the signer must be an inspector of the
       * campaign the file brings. */
      JsonObject *person = g_hash_table_lookup (m.file_records, pkg->signer_uuid);

      if (!person_has_role (person, ZC_ROLE_INSPECTOR))
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_PERMISSION,
                       _("%s names an author who is not an inspector of its campaign; nothing "
                         "was imported"), pkg->label);
          goto out;
        }
    }

  if (pkg->kind == ZC_EXCHANGE_KIND_UNIT && !merge_relayed (imp, pkg, error))
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      const TableInfo *t = &tables[i];
      JsonArray *array;

      if (!json_object_has_member (pkg->records, t->table))
        continue;
      array = json_object_get_array_member (pkg->records, t->table);
      for (guint k = 0; k < json_array_get_length (array); k++)
        {
          if (g_cancellable_set_error_if_cancelled (imp->cancellable, error))
            goto out;
          if (!merge_record (&m, t, json_array_get_object_element (array, k), error))
            goto out;
          progress_step (imp, NULL);
        }
    }
  if (!apply_deferred (&m, error) || !apply_deletions (&m, error))
    goto out;

  if (pkg->kind == ZC_EXCHANGE_KIND_CAMPAIGN)
    {
      g_autoptr(GList) inspectors = pkg->campaign_keys
                                    ? json_object_get_members (pkg->campaign_keys) : NULL;

      if (!meta_set (imp->store, "campaign_uuid", pkg->campaign, error))
        goto out;
      for (GList *l = inspectors; l; l = l->next)
        {
          g_autofree char *key = g_strconcat (META_CAMPAIGN_FOR, l->data, NULL);
          const char *value = str_member (pkg->campaign_keys, l->data);

          if (value && g_uuid_string_is_valid (l->data) &&
              !meta_set (imp->store, key, value, error))
            goto out;
        }
    }
  if (!store_seen_and_relay (imp, pkg, error))
    goto out;

  if (pkg->kind == ZC_EXCHANGE_KIND_SUGGESTIONS &&
      imp->report->n_created + imp->report->n_updated > before)
    g_ptr_array_add (imp->report->notes,
                     g_strdup_printf (_("%u anonymous suggestions: no author, unverified"),
                                      imp->report->n_created + imp->report->n_updated - before));

  /* The log records what came from which file, when anything came. */
  if (imp->changed && (!changed_before || imp->report->n_created + imp->report->n_updated +
                                          imp->report->n_deleted > before))
    {
      g_autoptr(JsonObject) fields = json_object_new ();

      json_object_set_string_member (fields, "file", pkg->sha256);
      json_object_set_string_member (fields, "kind", kind_names[pkg->kind]);
      if (pkg->signer_uuid)
        json_object_set_string_member (fields, "signer", pkg->signer_uuid);
      json_object_set_string_member (fields, "created", pkg->created);
      json_object_set_int_member (fields, "records",
                                  imp->report->n_created + imp->report->n_updated +
                                  imp->report->n_deleted - before);
      if (!zc_audit_append (imp->store, imp->actor ? zc_record_get_uuid (ZC_RECORD (imp->actor))
                                                   : NULL,
                            "import_package", NULL, NULL, fields, 0, FALSE, error))
        goto out;
    }
  ok = TRUE;

out:
  g_clear_object (&m.signer);
  g_free (m.unit_uuid);
  g_clear_pointer (&m.file_tables, g_hash_table_unref);
  g_clear_pointer (&m.file_records, g_hash_table_unref);
  g_clear_pointer (&m.skipped, g_hash_table_unref);
  g_clear_pointer (&m.local_wire, g_hash_table_unref);
  g_clear_pointer (&m.blanks, g_hash_table_unref);
  g_clear_pointer (&m.deferred, g_ptr_array_unref);
  return ok;
}

/* Reads a file into a package: refused before a byte is read when too large. */
static Package *
read_package (const char  *path,
              GError     **error)
{
  g_autofree char *label = g_filename_display_basename (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf st;
  char *data = NULL;
  gsize len = 0;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("%s cannot be read: %s"), label,
                   g_strerror (saved));
      return NULL;
    }
  /* Refused before a byte is read. */
  if (st.st_size > ZC_LIMIT_EXCHANGE_SIZE)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("%s is %.1f MB; an exchange file may be at most %d MB; nothing was "
                     "imported"), label, st.st_size / 1048576.0,
                   ZC_LIMIT_EXCHANGE_SIZE / 1048576);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("%s cannot be read: %s"), label,
                   local->message);
      return NULL;
    }
  bytes = g_bytes_new_take (data, len);
  return package_parse (bytes, label, error);
}

/* Merges a package read from @path, all or nothing. */
static ZcExchangeReport *
import_package (ZcStore                 *store,
                ZcPerson                *actor,
                const char              *path,
                Package                 *pkg,
                ZcExchangeProgressFunc   progress,
                gpointer                 progress_data,
                GCancellable            *cancellable,
                GError                 **error)
{
  g_autoptr(ZcExchangeReport) report = report_new ();
  Import imp = { 0, };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  report->kind = pkg->kind;
  report->path = g_strdup (path);
  report->sha256 = g_strdup (pkg->sha256);
  report->campaign_uuid = g_strdup (pkg->campaign);
  report->created = g_strdup (pkg->created);
  report->signer_uuid = g_strdup (pkg->signer_uuid);
  report->signer_name = g_strdup (pkg->signer_name);
  report->signer_code = g_strdup (pkg->signer_code);
  report->fingerprint = zc_keys_fingerprint (pkg->key_hex);

  imp.store = store;
  imp.actor = actor;
  imp.report = report;
  imp.progress = progress;
  imp.progress_data = progress_data;
  imp.cancellable = cancellable;

  if (progress)
    progress (0.1, _("Checking the signature"), progress_data);
  if (!zc_store_begin (store, error))
    return NULL;
  if (!merge_package (&imp, pkg, FALSE, error))
    {
      zc_store_rollback (store);
      return NULL;
    }
  if (!zc_store_commit (store, error))
    return NULL;
  report->changed = imp.changed;
  if (progress)
    progress (1.0, _("Done"), progress_data);
  return g_steal_pointer (&report);
}

ZcExchangeReport *
zc_exchange_import (ZcStore                 *store,
                    ZcPerson                *actor,
                    const char              *path,
                    ZcExchangeProgressFunc   progress,
                    gpointer                 progress_data,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_autoptr(Package) pkg = NULL;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (progress)
    progress (0.0, _("Reading the file"), progress_data);
  if (!(pkg = read_package (path, error)))
    return NULL;
  return import_package (store, actor, path, pkg, progress, progress_data, cancellable, error);
}

/* ---- many files: read and checked in a thread while the one before is merged ----------- */

/* Files read ahead of the one being merged. */
#define READ_AHEAD 8

typedef struct
{
  Package *pkg;
  GError  *error;
  gboolean ready;
} ReadSlot;

typedef struct
{
  const char * const *paths;
  guint               n;
  ReadSlot           *slots;
  GMutex              lock;
  GCond               cond;
  guint               consumed;   /* slots the merging side has taken */
  gboolean            stop;
  GPtrArray          *merged;     /* packages merged, for the thread to free */
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;

  for (guint i = 0; i < r->n; i++)
    {
      g_autoptr(GPtrArray) merged = NULL;
      Package *pkg;
      GError *error = NULL;

      g_mutex_lock (&r->lock);
      while (!r->stop && i >= r->consumed + READ_AHEAD)
        g_cond_wait (&r->cond, &r->lock);
      if (r->stop)
        {
          g_mutex_unlock (&r->lock);
          break;
        }
      /* Freeing the packages' JSON trees is work the merging side need not wait for. */
      merged = g_steal_pointer (&r->merged);
      r->merged = g_ptr_array_new_with_free_func ((GDestroyNotify) package_free);
      g_mutex_unlock (&r->lock);
      g_clear_pointer (&merged, g_ptr_array_unref);

      pkg = read_package (r->paths[i], &error);
      if (pkg != NULL)
        precheck (pkg);

      g_mutex_lock (&r->lock);
      r->slots[i].pkg = pkg;
      r->slots[i].error = error;
      r->slots[i].ready = TRUE;
      g_cond_broadcast (&r->cond);
      g_mutex_unlock (&r->lock);
    }
  return NULL;
}

gboolean
zc_exchange_import_files (ZcStore                 *store,
                          ZcPerson                *actor,
                          const char * const      *paths,
                          guint                    n_paths,
                          guint                    batch,
                          ZcExchangeImportedFunc   imported,
                          gpointer                 user_data,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  Reader r = { 0, };
  GThread *thread;
  gboolean ok = TRUE;
  guint batch_start = 0;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (paths != NULL || n_paths == 0, FALSE);
  g_return_val_if_fail (store->tx_depth == 0, FALSE);

  batch = MAX (batch, 1);
  r.paths = paths;
  r.n = n_paths;
  r.slots = g_new0 (ReadSlot, n_paths);
  r.merged = g_ptr_array_new_with_free_func ((GDestroyNotify) package_free);
  g_mutex_init (&r.lock);
  g_cond_init (&r.cond);
  thread = g_thread_new ("zc-exchange-read", reader_thread, &r);

  for (guint i = 0; i < n_paths && ok; i++)
    {
      g_autoptr(Package) pkg = NULL;
      g_autoptr(ZcExchangeReport) report = NULL;
      g_autoptr(GError) file_error = NULL;

      g_mutex_lock (&r.lock);
      while (!r.slots[i].ready)
        g_cond_wait (&r.cond, &r.lock);
      pkg = g_steal_pointer (&r.slots[i].pkg);
      file_error = g_steal_pointer (&r.slots[i].error);
      r.consumed = i + 1;
      g_cond_broadcast (&r.cond);
      g_mutex_unlock (&r.lock);

      /* Cancelled: the files said to be imported stay so. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          if (store->tx_depth > 0 && !zc_exchange_import_batch_end (store, NULL))
            {
              g_autofree char *first = g_filename_display_basename (paths[batch_start]);

              g_prefix_error (error, _("the files from %s on were not kept: "), first);
            }
          ok = FALSE;
          break;
        }
      if (i % batch == 0)
        {
          if (!zc_exchange_import_batch_begin (store, error))
            {
              ok = FALSE;
              break;
            }
          batch_start = i;
        }
      if (pkg != NULL)
        report = import_package (store, actor, paths[i], pkg, NULL, NULL, NULL, &file_error);
      if (imported)
        imported (paths[i], report, file_error, user_data);
      if (pkg != NULL)
        {
          g_mutex_lock (&r.lock);
          g_ptr_array_add (r.merged, g_steal_pointer (&pkg));
          g_mutex_unlock (&r.lock);
        }
      if ((i + 1) % batch == 0 || i + 1 == n_paths)
        {
          g_autoptr(GError) local = NULL;

          if (!zc_exchange_import_batch_end (store, &local))
            {
              g_autofree char *first = g_filename_display_basename (paths[batch_start]);
              g_autofree char *last = g_filename_display_basename (paths[i]);

              /* Translators: "a.zip to f.zip were not imported: …" (the files of a batch) */
              g_set_error (error, ZC_ERROR, local->code, _("%s to %s were not imported: %s"),
                           first, last, local->message);
              ok = FALSE;
            }
        }
    }

  g_mutex_lock (&r.lock);
  r.stop = TRUE;
  g_cond_broadcast (&r.cond);
  g_mutex_unlock (&r.lock);
  g_thread_join (thread);
  for (guint i = 0; i < n_paths; i++)
    {
      g_clear_pointer (&r.slots[i].pkg, package_free);
      g_clear_error (&r.slots[i].error);
    }
  g_free (r.slots);
  g_ptr_array_unref (r.merged);
  g_mutex_clear (&r.lock);
  g_cond_clear (&r.cond);
  return ok;
}

gboolean
zc_exchange_import_batch_begin (ZcStore  *store,
                                GError  **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (store->tx_depth == 0, FALSE);

  return zc_store_begin (store, error);
}

gboolean
zc_exchange_import_batch_end (ZcStore  *store,
                              GError  **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (store->tx_depth == 1, FALSE);

  /* A failed commit rolls the whole batch back. */
  return zc_store_commit (store, error);
}

/* ---- exporting ----------------------------------------------------------------------------- */

typedef struct
{
  ZcStore                *store;
  ZcPerson               *actor;
  ZcExchangeKind          kind;
  gint64                  unit_id;
  char                   *unit_uuid;
  guint8                  secret[ZC_KEY_SECRET_BYTES];
  gboolean                has_secret;
  char                   *public_hex;
  JsonObject             *records;       /* table → array */
  JsonObject             *campaign_keys;
  GHashTable             *seen;          /* uuids collected */
  GPtrArray              *member_names;
  GHashTable             *members;       /* name → GBytes */
  ZcExchangeProgressFunc  progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
} Export;

static void
export_clear (Export *ex)
{
  sodium_memzero (ex->secret, sizeof ex->secret);
  g_free (ex->unit_uuid);
  g_free (ex->public_hex);
  g_clear_pointer (&ex->records, json_object_unref);
  g_clear_pointer (&ex->campaign_keys, json_object_unref);
  g_clear_pointer (&ex->seen, g_hash_table_unref);
  g_clear_pointer (&ex->member_names, g_ptr_array_unref);
  g_clear_pointer (&ex->members, g_hash_table_unref);
}

static void
add_member (Export     *ex,
            const char *name,
            GBytes     *data)
{
  if (g_hash_table_contains (ex->members, name))
    return;
  g_ptr_array_add (ex->member_names, g_strdup (name));
  g_hash_table_insert (ex->members, g_strdup (name), g_bytes_ref (data));
}

/* Appends the records @sql selects (with its one integer parameter, if any). */
static gboolean
collect (Export      *ex,
         const char  *table,
         const char  *sql,
         gint64       param,
         GError     **error)
{
  const TableInfo *t = table_info (table);
  g_autoptr(GListStore) list = NULL;
  JsonArray *array;

  list = strchr (sql, '?') ? zc_store_query (ex->store, t->get_type (), error, sql, "i", param)
                           : zc_store_query (ex->store, t->get_type (), error, sql, NULL);
  if (list == NULL)
    return FALSE;
  if (!json_object_has_member (ex->records, table))
    json_object_set_array_member (ex->records, table, json_array_new ());
  array = json_object_get_array_member (ex->records, table);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(ZcRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *uuid = NULL;

      /* A record selected twice (two reasons to carry it) travels once. */
      if (!g_hash_table_add (ex->seen, g_strdup (zc_record_get_uuid (record))))
        continue;
      json_array_add_object_element (array, record_to_wire (ex->store, t, record));
      if (g_str_equal (table, "evidence"))
        {
          ZcEvidence *ev = ZC_EVIDENCE (record);
          sqlite3_stmt *stmt = zc_store_stmt (ex->store, "SELECT data FROM evidence WHERE id = ?",
                                              error);
          g_autoptr(GBytes) data = NULL;
          g_autofree char *name = NULL;

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, zc_record_get_id (record));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            data = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
          sqlite3_reset (stmt);
          if (data == NULL)
            {
              g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT, _("Evidence %s has no data"),
                           ev->filename);
              return FALSE;
            }
          uuid = bytes_sha256 (data);
          name = g_strconcat (DIR_EVIDENCE, uuid, NULL);
          add_member (ex, name, data);
        }
    }
  return TRUE;
}

#define EVIDENCE_COLUMNS \
  "e.id, e.uuid, e.created, e.updated, e.revision, e.progress_id, e.filename, e.mime, " \
  "e.size, e.sha256"

static gboolean
collect_campaign (Export  *ex,
                  GError **error)
{
  g_autoptr(GListModel) units = zc_store_list_units (ex->store);
  JsonArray *array = json_array_new ();

  json_object_set_array_member (ex->records, "unit", array);
  if (!collect (ex, "campaign", "SELECT * FROM campaign", 0, error) ||
      !collect (ex, "list_entry", "SELECT * FROM list_entry ORDER BY kind, position, id", 0,
                error) ||
      !collect (ex, "guidance", "SELECT * FROM guidance ORDER BY step", 0, error))
    return FALSE;
  /* Parents before children. */
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcRecord) unit = g_list_model_get_item (units, i);
      json_array_add_object_element (array, record_to_wire (ex->store, table_info ("unit"), unit));
    }
  return collect (ex, "person", "SELECT * FROM person ORDER BY id", 0, error);
}

static gboolean
collect_form (Export  *ex,
              GError **error)
{
  gint64 person = zc_record_get_id (ZC_RECORD (ex->actor));
  g_autofree char *state = zc_store_query_text (ex->store, "SELECT state FROM form WHERE "
                                                           "person_id = ?", "i", person);
  gint64 form = zc_store_query_int (ex->store, 0, "SELECT id FROM form WHERE person_id = ?", "i",
                                    person);

  if (!collect (ex, "form", "SELECT * FROM form WHERE person_id = ?", person, error))
    return FALSE;
  /* A draft travels as its state only: nobody reads another person's draft. */
  if (form && g_strcmp0 (state, "draft") != 0 &&
      (!collect (ex, "finding", "SELECT * FROM finding WHERE form_id = ? ORDER BY position, id",
                 form, error) ||
       !collect (ex, "cause", "SELECT c.* FROM cause c JOIN finding f ON f.id = c.finding_id "
                              "WHERE f.form_id = ? ORDER BY c.finding_id, c.position, c.id",
                 form, error)))
    return FALSE;
  return collect (ex, "finding", "SELECT * FROM finding WHERE source = 'peer' AND NOT anonymous "
                                 "AND author_id = ? ORDER BY id", person, error);
}

static gboolean
collect_unit (Export   *ex,
              gboolean  reviews_only,
              GError  **error)
{
  gint64 u = ex->unit_id;
  gint64 lead = zc_record_get_id (ZC_RECORD (ex->actor));
  g_autofree char *forms_sql = g_strdup_printf (
    "SELECT f.* FROM form f JOIN person p ON p.id = f.person_id WHERE p.unit_id = ? AND "
    "f.reviewer_id = %" G_GINT64_FORMAT " AND f.state IN ('approved', 'returned')", lead);
  g_autofree char *comments_sql = g_strdup_printf (
    "SELECT fi.* FROM finding fi JOIN form f ON f.id = fi.form_id JOIN person p ON "
    "p.id = f.person_id WHERE p.unit_id = ? AND f.reviewer_id = %" G_GINT64_FORMAT " AND "
    "fi.review_comment IS NOT NULL", lead);
  g_autofree char *events_sql = g_strdup_printf (
    "SELECT e.* FROM order_event e JOIN supervision_order o ON o.id = e.order_id WHERE "
    "o.unit_id = ? AND e.actor_id = %" G_GINT64_FORMAT " AND e.kind = 'answered' ORDER BY e.id",
    lead);
  g_autofree char *reviews_sql = g_strdup_printf (
    "SELECT * FROM monthly_review WHERE unit_id = ? AND created_by = %" G_GINT64_FORMAT, lead);

  if (reviews_only)
    return collect (ex, "form", forms_sql, u, error) &&
           collect (ex, "finding", comments_sql, u, error);
  return collect (ex, "form", forms_sql, u, error) &&
         collect (ex, "finding", comments_sql, u, error) &&
         collect (ex, "finding", "SELECT * FROM finding WHERE source = 'public' AND unit_id = ? "
                                 "ORDER BY id", u, error) &&
         collect (ex, "problem", "SELECT * FROM problem WHERE unit_id = ? ORDER BY number, id", u,
                  error) &&
         collect (ex, "item", "SELECT * FROM item WHERE unit_id = ? ORDER BY number, id", u,
                  error) &&
         collect (ex, "progress", "SELECT g.* FROM progress g JOIN item i ON i.id = g.item_id "
                                  "WHERE i.unit_id = ? ORDER BY g.id", u, error) &&
         collect (ex, "evidence", "SELECT " EVIDENCE_COLUMNS " FROM evidence e JOIN progress g ON "
                                  "g.id = e.progress_id JOIN item i ON i.id = g.item_id WHERE "
                                  "i.unit_id = ? ORDER BY e.id", u, error) &&
         collect (ex, "commitment", "SELECT * FROM commitment WHERE unit_id = ? ORDER BY version, "
                                    "id", u, error) &&
         collect (ex, "pledge", "SELECT p.* FROM pledge p JOIN commitment c ON c.id = "
                                "p.commitment_id WHERE c.unit_id = ? ORDER BY p.commitment_id, "
                                "p.position", u, error) &&
         collect (ex, "supervision_order", "SELECT * FROM supervision_order WHERE unit_id = ? "
                                           "ORDER BY id", u, error) &&
         collect (ex, "order_event", events_sql, u, error) &&
         collect (ex, "monthly_review", reviews_sql, u, error);
}

static gboolean
collect_decisions (Export  *ex,
                   GError **error)
{
  /* ?1 = 0: every unit. Inspectors are people with role bit 8. */
  gint64 u = ex->unit_id;

  return collect (ex, "form", "SELECT f.* FROM form f JOIN person p ON p.id = f.person_id "
                              "JOIN person r ON r.id = f.reviewer_id WHERE (?1 = 0 OR "
                              "p.unit_id = ?1) AND (r.roles & 8) != 0 AND f.state IN "
                              "('approved', 'returned')", u, error) &&
         collect (ex, "finding", "SELECT fi.* FROM finding fi JOIN form f ON f.id = fi.form_id "
                                 "JOIN person p ON p.id = f.person_id JOIN person r ON "
                                 "r.id = f.reviewer_id WHERE (?1 = 0 OR p.unit_id = ?1) AND "
                                 "(r.roles & 8) != 0 AND fi.review_comment IS NOT NULL", u,
                  error) &&
         collect (ex, "finding", "SELECT * FROM finding WHERE source = 'public' AND (?1 = 0 OR "
                                 "unit_id = ?1) ORDER BY id", u, error) &&
         collect (ex, "item", "SELECT * FROM item WHERE (?1 = 0 OR unit_id = ?1) AND (state = "
                              "'closed' OR closed_at IS NOT NULL OR reject_reason IS NOT NULL "
                              "OR reopen_count > 0) ORDER BY unit_id, number", u, error) &&
         collect (ex, "supervision_order", "SELECT * FROM supervision_order WHERE (?1 = 0 OR "
                                           "unit_id = ?1) ORDER BY id", u, error) &&
         collect (ex, "order_event", "SELECT e.* FROM order_event e JOIN supervision_order o ON "
                                     "o.id = e.order_id JOIN person a ON a.id = e.actor_id "
                                     "WHERE (?1 = 0 OR o.unit_id = ?1) AND (a.roles & 8) != 0 "
                                     "AND e.kind <> 'answered' ORDER BY e.id", u, error) &&
         collect (ex, "evaluation", "SELECT e.* FROM evaluation e JOIN item i ON i.id = "
                                    "e.item_id WHERE (?1 = 0 OR i.unit_id = ?1) ORDER BY e.id", u,
                  error) &&
         collect (ex, "merit", "SELECT * FROM merit WHERE (?1 = 0 OR unit_id = ?1) ORDER BY id",
                  u, error) &&
         collect (ex, "monthly_review", "SELECT r.* FROM monthly_review r JOIN person p ON "
                                        "p.id = r.created_by WHERE (?1 = 0 OR r.unit_id = ?1) "
                                        "AND (p.roles & 8) != 0 ORDER BY r.id", u, error);
}

static gboolean
collect_suggestions (Export  *ex,
                     GError **error)
{
  /* Only what was suggested on this computer: the log knows, the record does not. */
  return collect (ex, "finding", "SELECT * FROM finding WHERE source = 'peer' AND anonymous AND "
                                 "uuid IN (SELECT record FROM audit WHERE tbl = 'finding' AND "
                                 "action = 'suggest_anonymous') ORDER BY id", 0, error);
}

/* The campaign key: created by the first inspector to export, kept sealed for every
 * inspector with a key (crypto_box_seal to their key converted to X25519). */
static gboolean
campaign_key (Export  *ex,
              guint8  *person_secret,
              GError **error)
{
  g_autofree char *pinned = meta_get (ex->store, META_CAMPAIGN_KEY);
  g_autofree char *mine_key = g_strconcat (META_CAMPAIGN_FOR,
                                           zc_record_get_uuid (ZC_RECORD (ex->actor)), NULL);
  g_autofree char *mine = meta_get (ex->store, mine_key);
  g_autoptr(GListStore) inspectors = NULL;
  guint8 pk[ZC_KEY_PUBLIC_BYTES];
  char hex[ZC_KEY_PUBLIC_BYTES * 2 + 1];

  if (pinned == NULL)
    {
      crypto_sign_keypair (pk, ex->secret);
      sodium_bin2hex (hex, sizeof hex, pk, sizeof pk);
      if (!meta_set (ex->store, META_CAMPAIGN_KEY, hex, error))
        return FALSE;
      pinned = g_strdup (hex);
    }
  else
    {
      guint8 curve_pk[crypto_box_PUBLICKEYBYTES], curve_sk[crypto_box_SECRETKEYBYTES];
      g_autofree guint8 *box = NULL;
      const char *sep = mine ? strchr (mine, ':') : NULL;
      gsize box_len = 0;
      gboolean opened;

      if (sep == NULL || (gsize) (sep - mine) != 2 * ZC_KEY_PUBLIC_BYTES ||
          strncmp (mine, zc_person_get_pubkey (ex->actor), sep - mine) != 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_PERMISSION,
                       _("This installation does not hold the campaign key for %s: an "
                         "inspector who holds it exports a campaign file (it carries the key, "
                         "sealed for every inspector whose key is known), and %s imports it "
                         "here"), ex->actor->name, ex->actor->name);
          return FALSE;
        }
      box_len = strlen (sep + 1) / 2;
      box = g_malloc (MAX (box_len, 1));
      if (box_len != ZC_KEY_SECRET_BYTES + crypto_box_SEALBYTES ||
          sodium_hex2bin (box, box_len, sep + 1, strlen (sep + 1), NULL, NULL, NULL) != 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT, _("The stored campaign key is damaged"));
          return FALSE;
        }
      crypto_sign_ed25519_sk_to_curve25519 (curve_sk, person_secret);
      crypto_scalarmult_base (curve_pk, curve_sk);
      opened = crypto_box_seal_open (ex->secret, box, box_len, curve_pk, curve_sk) == 0;
      sodium_memzero (curve_sk, sizeof curve_sk);
      if (!opened || !zc_keys_public_from_hex (pinned, pk) ||
          memcmp (pk, ex->secret + ZC_KEY_SECRET_BYTES - ZC_KEY_PUBLIC_BYTES, sizeof pk) != 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                       _("The campaign key sealed for %s does not open"), ex->actor->name);
          return FALSE;
        }
    }
  ex->has_secret = TRUE;
  ex->public_hex = g_strdup (pinned);

  /* Sealed afresh for inspectors whose key is new. */
  inspectors = zc_store_query (ex->store, ZC_TYPE_PERSON, error,
                               "SELECT * FROM person WHERE (roles & 8) != 0 AND pubkey IS NOT "
                               "NULL ORDER BY id", NULL);
  if (inspectors == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (inspectors)); i++)
    {
      g_autoptr(ZcPerson) p = g_list_model_get_item (G_LIST_MODEL (inspectors), i);
      g_autofree char *key = g_strconcat (META_CAMPAIGN_FOR, zc_record_get_uuid (ZC_RECORD (p)),
                                          NULL);
      g_autofree char *value = meta_get (ex->store, key);
      guint8 ed_pk[ZC_KEY_PUBLIC_BYTES], curve_pk[crypto_box_PUBLICKEYBYTES];
      guint8 box[ZC_KEY_SECRET_BYTES + crypto_box_SEALBYTES];
      char box_hex[sizeof box * 2 + 1];

      if (value == NULL || !g_str_has_prefix (value, p->pubkey))
        {
          g_free (value);
          if (!zc_keys_public_from_hex (p->pubkey, ed_pk) ||
              crypto_sign_ed25519_pk_to_curve25519 (curve_pk, ed_pk) != 0)
            continue;
          crypto_box_seal (box, ex->secret, ZC_KEY_SECRET_BYTES, curve_pk);
          sodium_bin2hex (box_hex, sizeof box_hex, box, sizeof box);
          value = g_strconcat (p->pubkey, ":", box_hex, NULL);
          if (!meta_set (ex->store, key, value, error))
            return FALSE;
        }
      json_object_set_string_member (ex->campaign_keys, zc_record_get_uuid (ZC_RECORD (p)), value);
    }
  return TRUE;
}

static gint64
next_sequence (ZcStore  *store,
               GError  **error)
{
  g_autofree char *value = meta_get (store, META_EXPORT_SEQ);
  gint64 seq = (value ? g_ascii_strtoll (value, NULL, 10) : 0) + 1;
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  if (!meta_set (store, META_EXPORT_SEQ, text, error))
    return 0;
  return seq;
}

static la_ssize_t
zip_write_cb (struct archive *a,
              void           *data,
              const void     *buf,
              size_t          len)
{
  g_byte_array_append (data, buf, len);
  return len;
}

static gboolean
write_zip (Export      *ex,
           GByteArray  *out,
           GError     **error)
{
  struct archive *a = archive_write_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  archive_write_set_format_zip (a);
  archive_write_set_bytes_per_block (a, 0);
  if (archive_write_open (a, out, NULL, zip_write_cb, NULL) != ARCHIVE_OK)
    goto fail;
  for (guint i = 0; i < ex->member_names->len; i++)
    {
      const char *name = ex->member_names->pdata[i];
      GBytes *data = g_hash_table_lookup (ex->members, name);
      struct archive_entry *entry = archive_entry_new ();
      gsize len;
      const void *bytes = g_bytes_get_data (data, &len);
      gboolean text = g_str_has_suffix (name, ".json");

      archive_entry_set_pathname (entry, name);
      archive_entry_set_size (entry, len);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_mtime (entry, now, 0);
      /* JSON compresses well; evidence and relayed files are compressed already. */
      if (text)
        archive_write_zip_set_compression_deflate (a);
      else
        archive_write_zip_set_compression_store (a);
      if (archive_write_header (a, entry) != ARCHIVE_OK ||
          (len > 0 && archive_write_data (a, bytes, len) != (la_ssize_t) len))
        {
          archive_entry_free (entry);
          goto fail;
        }
      archive_entry_free (entry);
    }
  if (archive_write_close (a) != ARCHIVE_OK)
    goto fail;
  archive_write_free (a);
  return TRUE;

fail:
  g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("The exchange file cannot be written: %s"),
               archive_error_string (a) ? archive_error_string (a) : "zip");
  archive_write_free (a);
  return FALSE;
}

/* Closes the zip with its seal: the archive comment signs (or hashes) every byte before. */
static gboolean
seal_zip (Export      *ex,
          GByteArray  *zip,
          GError     **error)
{
  gsize seal_len = ex->has_secret ? SEAL_SIGNED_LEN : SEAL_HASHED_LEN;
  guint8 *eocd;

  if (zip->len < EOCD_LEN || memcmp (zip->data + zip->len - EOCD_LEN, "PK\005\006", 4) != 0 ||
      zip->data[zip->len - 2] != 0 || zip->data[zip->len - 1] != 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("The exchange file cannot be sealed"));
      return FALSE;
    }
  eocd = zip->data + zip->len - EOCD_LEN;
  eocd[20] = seal_len & 0xff;
  eocd[21] = (seal_len >> 8) & 0xff;
  if (ex->has_secret)
    {
      guint8 sig[crypto_sign_BYTES];
      char hex[crypto_sign_BYTES * 2 + 1];

      crypto_sign_detached (sig, NULL, zip->data, zip->len, ex->secret);
      sodium_bin2hex (hex, sizeof hex, sig, sizeof sig);
      g_byte_array_append (zip, (const guint8 *) SEAL_SIGNED, 8);
      g_byte_array_append (zip, (const guint8 *) hex, strlen (hex));
    }
  else
    {
      g_autofree char *digest = sha256_hex (zip->data, zip->len);

      g_byte_array_append (zip, (const guint8 *) SEAL_HASHED, 8);
      g_byte_array_append (zip, (const guint8 *) digest, strlen (digest));
    }
  return TRUE;
}

static GBytes *build_package (Export  *ex,
                              GError **error);

/* A unit file passes on the form and suggestion files that reached its lead, so that the
 * inspectors read every person's own signed words. */
static gboolean
collect_relays (Export  *ex,
                GError **error)
{
  sqlite3_stmt *stmt = zc_store_stmt (ex->store, "SELECT value FROM meta WHERE key LIKE "
                                                 "'" META_RELAY "%' ORDER BY key", error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize len = 0;
      guchar *data = g_base64_decode ((const char *) sqlite3_column_text (stmt, 0), &len);

      g_ptr_array_add (files, g_bytes_new_take (data, len));
    }
  sqlite3_reset (stmt);

  /* The lead's own form, signed afresh. */
  if (zc_store_query_int (ex->store, 0, "SELECT count(*) FROM form WHERE person_id = ?", "i",
                          zc_record_get_id (ZC_RECORD (ex->actor))) > 0)
    {
      Export own = { 0, };
      GBytes *bytes;

      own.store = ex->store;
      own.actor = ex->actor;
      own.kind = ZC_EXCHANGE_KIND_FORM;
      memcpy (own.secret, ex->secret, sizeof own.secret);
      own.has_secret = TRUE;
      own.public_hex = g_strdup (ex->public_hex);
      bytes = build_package (&own, error);
      export_clear (&own);
      if (bytes == NULL)
        return FALSE;
      g_ptr_array_add (files, bytes);
    }
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *digest = bytes_sha256 (files->pdata[i]);
      g_autofree char *name = g_strconcat (DIR_RELAY, digest, ".zip", NULL);

      add_member (ex, name, files->pdata[i]);
    }
  return TRUE;
}

static GBytes *
build_package (Export  *ex,
               GError **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonObject) manifest = json_object_new ();
  g_autoptr(GByteArray) zip = g_byte_array_new ();
  g_autofree char *records_text = NULL;
  g_autofree char *manifest_text = NULL;
  g_autofree char *campaign = meta_get (ex->store, "campaign_uuid");
  g_autoptr(GBytes) records_bytes = NULL;
  g_autoptr(GBytes) manifest_bytes = NULL;
  JsonObject *members;
  gboolean ok = FALSE;
  gsize size = 0;

  ex->records = json_object_new ();
  if (ex->campaign_keys == NULL)
    ex->campaign_keys = json_object_new ();
  ex->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ex->member_names = g_ptr_array_new_with_free_func (g_free);
  ex->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_bytes_unref);

  switch (ex->kind)
    {
    case ZC_EXCHANGE_KIND_CAMPAIGN:
      ok = collect_campaign (ex, error);
      break;
    case ZC_EXCHANGE_KIND_FORM:
      ok = collect_form (ex, error);
      break;
    case ZC_EXCHANGE_KIND_UNIT:
      ok = collect_unit (ex, !zc_policy_is_lead_of (ex->store, ex->actor, ex->unit_id), error) &&
           collect_relays (ex, error);
      break;
    case ZC_EXCHANGE_KIND_DECISIONS:
      ok = collect_decisions (ex, error);
      break;
    case ZC_EXCHANGE_KIND_SUGGESTIONS:
      ok = collect_suggestions (ex, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (ex->cancellable, error))
    return NULL;
  if (ex->progress)
    ex->progress (0.5, _("Packing the file"), ex->progress_data);

  json_object_set_int_member (root, "format", ZC_EXCHANGE_FORMAT);
  json_object_set_object_member (root, "records", json_object_ref (ex->records));
  if (ex->kind == ZC_EXCHANGE_KIND_CAMPAIGN)
    json_object_set_object_member (root, "campaign_keys", json_object_ref (ex->campaign_keys));
  records_text = json_to_bytes_text (root, FALSE);
  size = strlen (records_text);
  records_bytes = g_bytes_new_take (g_steal_pointer (&records_text), size);
  add_member (ex, MEMBER_RECORDS, records_bytes);

  json_object_set_int_member (manifest, "format", ZC_EXCHANGE_FORMAT);
  json_object_set_string_member (manifest, "generator", "Zicha " PACKAGE_VERSION);
  json_object_set_string_member (manifest, "kind", kind_names[ex->kind]);
  json_object_set_string_member (manifest, "campaign", campaign);
  if (ex->kind == ZC_EXCHANGE_KIND_SUGGESTIONS)
    {
      /* To the day only, like the suggestions themselves: a time could name the author. */
      g_autofree char *today = zc_store_today (ex->store);
      json_object_set_string_member (manifest, "created", today);
    }
  else
    {
      g_autofree char *now = zc_store_now (ex->store);
      g_autoptr(JsonObject) signer = json_object_new ();
      g_autoptr(JsonObject) key = json_object_new ();
      gint64 seq = next_sequence (ex->store, error);

      if (seq == 0)
        return NULL;
      json_object_set_string_member (manifest, "created", now);
      json_object_set_int_member (manifest, "sequence", seq);
      json_object_set_string_member (signer, "uuid", zc_record_get_uuid (ZC_RECORD (ex->actor)));
      json_object_set_string_member (signer, "staff_code", ex->actor->staff_code);
      json_object_set_string_member (signer, "name", ex->actor->name);
      json_object_set_object_member (manifest, "signer", g_steal_pointer (&signer));
      json_object_set_string_member (key, "type", kind_uses_campaign_key (ex->kind) ? "campaign"
                                                                                  : "person");
      json_object_set_string_member (key, "public", ex->public_hex);
      json_object_set_object_member (manifest, "key", g_steal_pointer (&key));
      if (ex->kind == ZC_EXCHANGE_KIND_UNIT)
        json_object_set_string_member (manifest, "unit", ex->unit_uuid);
    }
  members = json_object_new ();
  for (guint i = 0; i < ex->member_names->len; i++)
    {
      g_autofree char *digest = bytes_sha256 (g_hash_table_lookup (ex->members,
                                                                   ex->member_names->pdata[i]));
      json_object_set_string_member (members, ex->member_names->pdata[i], digest);
    }
  json_object_set_object_member (manifest, "members", members);
  manifest_text = json_to_bytes_text (manifest, TRUE);
  size = strlen (manifest_text);
  manifest_bytes = g_bytes_new_take (g_steal_pointer (&manifest_text), size);

  /* The manifest first, so that a person who opens the zip reads it first. */
  g_ptr_array_insert (ex->member_names, 0, g_strdup (MEMBER_MANIFEST));
  g_hash_table_insert (ex->members, g_strdup (MEMBER_MANIFEST), g_bytes_ref (manifest_bytes));
  if (ex->has_secret)
    {
      guint8 sig[crypto_sign_BYTES];
      char hex[crypto_sign_BYTES * 2 + 1];
      gsize len;
      const guint8 *m = g_bytes_get_data (manifest_bytes, &len);
      g_autoptr(GBytes) sig_bytes = NULL;

      crypto_sign_detached (sig, NULL, m, len, ex->secret);
      sodium_bin2hex (hex, sizeof hex, sig, sizeof sig);
      sig_bytes = g_bytes_new (hex, strlen (hex));
      add_member (ex, MEMBER_SIGNATURE, sig_bytes);
    }

  if (!write_zip (ex, zip, error) || !seal_zip (ex, zip, error))
    return NULL;
  if (zip->len > ZC_LIMIT_EXCHANGE_SIZE)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("The exchange file would be %.1f MB; a file may be at most %d MB"),
                   zip->len / 1048576.0, ZC_LIMIT_EXCHANGE_SIZE / 1048576);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&zip));
}

/* The export, the signing key opened with @passphrase or given open (@given_secret). */
static gboolean
export_file (ZcStore                 *store,
             ZcPerson                *actor,
             ZcExchangeKind           kind,
             gint64                   unit_id,
             const char              *passphrase,
             const guint8            *given_secret,
             const char              *path,
             ZcExchangeProgressFunc   progress,
             gpointer                 progress_data,
             GCancellable            *cancellable,
             GError                 **error)
{
  Export ex = { 0, };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(ZcPerson) stored = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind <= ZC_EXCHANGE_KIND_SUGGESTIONS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!zc_store_has_campaign (store))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("%s holds no campaign yet"),
                   zc_store_get_path (store));
      return FALSE;
    }
  if (!zc_policy_require (actor != NULL, actor, _("write an exchange file"), error))
    return FALSE;
  /* The stored person: roles, unit and key as they are now. */
  if (!(stored = zc_store_get_person (store, zc_record_get_id (ZC_RECORD (actor)), error)))
    return FALSE;

  ex.store = store;
  ex.actor = stored;
  ex.kind = kind;
  ex.progress = progress;
  ex.progress_data = progress_data;
  ex.cancellable = cancellable;

  switch (kind)
    {
    case ZC_EXCHANGE_KIND_CAMPAIGN:
      if (!zc_policy_require_inspector (stored, _("write the campaign file"), error))
        return FALSE;
      break;
    case ZC_EXCHANGE_KIND_DECISIONS:
      if (!zc_policy_require_inspector (stored, _("write the inspectors’ decisions file"),
                                        error))
        return FALSE;
      ex.unit_id = unit_id;
      break;
    case ZC_EXCHANGE_KIND_UNIT:
      ex.unit_id = unit_id ? unit_id : stored->unit_id;
      /* The lead; or the leader in charge, whose file carries the reviews of the lead. */
      if (!zc_policy_require (zc_policy_is_lead_of (store, stored, ex.unit_id) ||
                              zc_policy_is_leader_of (store, stored, ex.unit_id),
                              stored, _("write this unit’s file"), error))
        return FALSE;
      ex.unit_uuid = id_to_uuid (store, "unit", ex.unit_id);
      break;
    case ZC_EXCHANGE_KIND_FORM:
      if (zc_store_query_int (store, 0, "SELECT count(*) FROM form WHERE person_id = ?", "i",
                              zc_record_get_id (ZC_RECORD (stored))) == 0 &&
          zc_store_query_int (store, 0, "SELECT count(*) FROM finding WHERE source = 'peer' AND "
                                        "NOT anonymous AND author_id = ?", "i",
                              zc_record_get_id (ZC_RECORD (stored))) == 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                       _("%s has no self-inspection form and no suggestion to send yet"),
                       stored->name);
          return FALSE;
        }
      break;
    case ZC_EXCHANGE_KIND_SUGGESTIONS:
      if (zc_store_query_int (store, 0, "SELECT count(*) FROM audit WHERE tbl = 'finding' AND "
                                        "action = 'suggest_anonymous'", NULL) == 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                       _("No anonymous suggestion was written on this computer"));
          return FALSE;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (progress)
    progress (0.0, _("Opening the signing key"), progress_data);
  ex.campaign_keys = json_object_new ();
  if (!zc_store_begin (store, error))
    {
      export_clear (&ex);
      return FALSE;
    }
  if (kind_is_signed (kind))
    {
      guint8 person_secret[ZC_KEY_SECRET_BYTES];

      if (given_secret != NULL)
        {
          guint8 pk[ZC_KEY_PUBLIC_BYTES];

          /* As zc_store_unlock_key() checks: the key others have pinned. */
          if (!zc_keys_public_from_hex (stored->pubkey, pk) ||
              memcmp (pk, given_secret + ZC_KEY_SECRET_BYTES - ZC_KEY_PUBLIC_BYTES,
                      sizeof pk) != 0)
            {
              g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH,
                           _("The signing key of %s does not match the public key on record"),
                           stored->name);
              goto out;
            }
          memcpy (person_secret, given_secret, sizeof person_secret);
        }
      else if (!zc_store_unlock_key (store, stored, passphrase, person_secret, error))
        goto out;
      if (kind_uses_campaign_key (kind))
        {
          ok = campaign_key (&ex, person_secret, error);
          sodium_memzero (person_secret, sizeof person_secret);
          if (!ok)
            goto out;
          ok = FALSE;
        }
      else
        {
          memcpy (ex.secret, person_secret, sizeof ex.secret);
          sodium_memzero (person_secret, sizeof person_secret);
          ex.has_secret = TRUE;
          ex.public_hex = g_strdup (stored->pubkey);
        }
    }
  if (progress)
    progress (0.2, _("Collecting the records"), progress_data);
  if (!(bytes = build_package (&ex, error)))
    goto out;
  if (progress)
    progress (0.9, _("Writing the file"), progress_data);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local))
    {
      g_autofree char *label = g_filename_display_name (path);
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("%s cannot be written: %s"), label,
                   local->message);
      goto out;
    }
  ok = TRUE;

out:
  export_clear (&ex);
  /* What was kept in meta (the export number, the campaign key) stays with the file. */
  if (ok)
    ok = zc_store_commit (store, error);
  else
    zc_store_rollback (store);
  if (ok && progress)
    progress (1.0, _("Done"), progress_data);
  return ok;
}

gboolean
zc_exchange_export (ZcStore                 *store,
                    ZcPerson                *actor,
                    ZcExchangeKind           kind,
                    gint64                   unit_id,
                    const char              *passphrase,
                    const char              *path,
                    ZcExchangeProgressFunc   progress,
                    gpointer                 progress_data,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  return export_file (store, actor, kind, unit_id, passphrase, NULL, path, progress,
                      progress_data, cancellable, error);
}

gboolean
zc_exchange_export_with_key (ZcStore                 *store,
                             ZcPerson                *actor,
                             ZcExchangeKind           kind,
                             gint64                   unit_id,
                             const guint8            *secret,
                             const char              *path,
                             GError                 **error)
{
  g_return_val_if_fail (secret != NULL, FALSE);

  return export_file (store, actor, kind, unit_id, NULL, secret, path, NULL, NULL, NULL,
                      error);
}

/* ---- re-enrolment -------------------------------------------------------------------------- */

gboolean
zc_exchange_reenrol (ZcStore    *store,
                     ZcPerson   *inspector,
                     ZcPerson   *person,
                     GError    **error)
{
  g_autoptr(ZcPerson) stored = NULL;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (ZC_IS_PERSON (person), FALSE);

  if (!zc_policy_require_inspector (inspector, _("re-enrol a person’s key"), error))
    return FALSE;
  stored = zc_store_load (store, ZC_TYPE_PERSON, zc_record_get_id (ZC_RECORD (person)), error);
  if (stored == NULL)
    return FALSE;
  if (stored->pubkey == NULL)
    return TRUE;
  if (person_has_own_key (store, zc_record_get_uuid (ZC_RECORD (stored))))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   _("%s signs on this computer: their key is not pinned here but their own"),
                   stored->name);
      return FALSE;
    }
  zc_person_set_pubkey (stored, NULL);
  if (!zc_store_begin (store, error))
    return FALSE;
  if (!zc_store_update_record (store, inspector, ZC_RECORD (stored), "reenrol", 0, error))
    {
      zc_store_rollback (store);
      return FALSE;
    }
  {
    g_autofree char *relay_key = g_strconcat (META_RELAY "form.",
                                              zc_record_get_uuid (ZC_RECORD (stored)), NULL);
    if (!meta_set (store, relay_key, NULL, error))
      {
        zc_store_rollback (store);
        return FALSE;
      }
  }
  if (!zc_store_commit (store, error))
    return FALSE;
  zc_person_set_pubkey (person, NULL);
  return TRUE;
}

/* ---- in a worker thread --------------------------------------------------------------------- */

typedef struct
{
  ZcExchangeProgressFunc  func;
  gpointer                data;
  GDestroyNotify          destroy;
  GMainContext           *context;
} ProgressTarget;

static void
progress_target_clear (ProgressTarget *target)
{
  if (target->destroy)
    target->destroy (target->data);
  g_main_context_unref (target->context);
}

typedef struct
{
  ProgressTarget *target;
  double          fraction;
  char           *message;
} ProgressCall;

static gboolean
progress_call_run (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->target->func (call->fraction, call->message, call->target->data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer user_data)
{
  ProgressCall *call = user_data;

  g_atomic_rc_box_release_full (call->target, (GDestroyNotify) progress_target_clear);
  g_free (call->message);
  g_free (call);
}

/* From the worker: the call runs in the caller's main context. */
static void
progress_forward (double      fraction,
                  const char *message,
                  gpointer    user_data)
{
  ProgressTarget *target = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->target = g_atomic_rc_box_acquire (target);
  call->fraction = fraction;
  call->message = g_strdup (message);
  g_main_context_invoke_full (target->context, G_PRIORITY_DEFAULT, progress_call_run, call,
                              progress_call_free);
}

typedef struct
{
  char           *db_path;
  char           *today;
  double          auth_delay;
  gint64          actor_id;
  char           *path;
  ZcExchangeKind  kind;
  gint64          unit_id;
  char           *passphrase;
  ProgressTarget *target;
} TaskData;

static void
task_data_free (TaskData *td)
{
  g_free (td->db_path);
  g_free (td->today);
  g_free (td->path);
  if (td->passphrase)
    {
      sodium_memzero (td->passphrase, strlen (td->passphrase));
      g_free (td->passphrase);
    }
  if (td->target)
    g_atomic_rc_box_release_full (td->target, (GDestroyNotify) progress_target_clear);
  g_free (td);
}

static TaskData *
task_data_new (ZcStore                *store,
               ZcPerson               *actor,
               const char             *path,
               ZcExchangeProgressFunc  progress,
               gpointer                progress_data,
               GDestroyNotify          progress_destroy)
{
  TaskData *td = g_new0 (TaskData, 1);

  td->db_path = g_strdup (zc_store_get_path (store));
  td->today = g_strdup (store->today);
  td->auth_delay = store->auth_delay;
  td->actor_id = actor ? zc_record_get_id (ZC_RECORD (actor)) : 0;
  td->path = g_strdup (path);
  if (progress)
    {
      td->target = g_atomic_rc_box_new0 (ProgressTarget);
      td->target->func = progress;
      td->target->data = progress_data;
      td->target->destroy = progress_destroy;
      td->target->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy)
    progress_destroy (progress_data);
  return td;
}

/* The worker's own connection to the same file, set up like the caller's. */
static ZcStore *
task_open (TaskData   *td,
           ZcPerson  **actor,
           GError    **error)
{
  g_autoptr(ZcStore) store = zc_store_open (td->db_path, error);

  if (store == NULL)
    return NULL;
  if (td->today)
    zc_store_set_today (store, td->today);
  zc_store_set_auth_delay (store, td->auth_delay);
  *actor = NULL;
  if (td->actor_id && !(*actor = zc_store_get_person (store, td->actor_id, error)))
    return NULL;
  return g_steal_pointer (&store);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *td = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) actor = NULL;
  g_autoptr(ZcStore) store = task_open (td, &actor, &error);
  ZcExchangeReport *report;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = zc_exchange_import (store, actor, td->path, td->target ? progress_forward : NULL,
                               td->target, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) zc_exchange_report_free);
}

void
zc_exchange_import_async (ZcStore                *store,
                          ZcPerson               *actor,
                          const char             *path,
                          ZcExchangeProgressFunc  progress,
                          gpointer                progress_data,
                          GDestroyNotify          progress_destroy,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZC_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_exchange_import_async);
  g_task_set_task_data (task, task_data_new (store, actor, path, progress, progress_data,
                                             progress_destroy),
                        (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, import_thread);
}

ZcExchangeReport *
zc_exchange_import_finish (ZcStore       *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zc_exchange_import_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *td = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) actor = NULL;
  g_autoptr(ZcStore) store = task_open (td, &actor, &error);

  if (store == NULL ||
      !zc_exchange_export (store, actor, td->kind, td->unit_id, td->passphrase, td->path,
                           td->target ? progress_forward : NULL, td->target, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
zc_exchange_export_async (ZcStore                *store,
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
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *td;

  g_return_if_fail (ZC_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_exchange_export_async);
  td = task_data_new (store, actor, path, progress, progress_data, progress_destroy);
  td->kind = kind;
  td->unit_id = unit_id;
  td->passphrase = g_strdup (passphrase);
  g_task_set_task_data (task, td, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
zc_exchange_export_finish (ZcStore       *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zc_exchange_export_async,
                        FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
