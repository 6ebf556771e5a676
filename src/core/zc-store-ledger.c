/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "zc-date.h"
#include "zc-limits.h"
#include "zc-store-private.h"

void zc_store_fill_labels (ZcStore *self, GListModel *list, const char *id_field,
                           const char *label_field);

/* The light is computed in SQL by the zc_light() function registered on the connection,
 * so that lists can filter and sort by it. ?L binds today, ?W the warning window. */
#define ITEM_COLUMNS \
  "i.*, pr.title AS problem_text, pr.category_id AS category_id, " \
  "l.name AS leader_name, pe.name AS person_name, u.name AS unit_name, " \
  "zc_light (i.state, i.term_type, i.start_date, i.deadline, i.review_dates, i.progress, " \
  "  :today, :warning) AS light, " \
  "(SELECT count(*) FROM evidence e JOIN progress g ON g.id = e.progress_id " \
  "  WHERE g.item_id = i.id) AS evidence_count, " \
  "(SELECT count(*) FROM supervision_order o WHERE o.item_id = i.id AND " \
  "  o.state <> 'concluded') AS open_orders "

#define ITEM_FROM \
  "FROM item i JOIN problem pr ON pr.id = i.problem_id JOIN unit u ON u.id = i.unit_id " \
  "LEFT JOIN person l ON l.id = i.leader_id LEFT JOIN person pe ON pe.id = i.person_id "

#define PHASES_END (-1)

static char *
item_label (ZcItem *item)
{
  /* Translators: a rectification item, by its number in the ledger */
  return g_strdup_printf (_("Rectification item %d"), item->number);
}

/* ---- items ------------------------------------------------------------------------------ */

static GListStore *
query_items (ZcStore     *self,
             GError     **error,
             const char  *where_and_order,
             ...)
{
  g_autofree char *sql = g_strconcat ("SELECT " ITEM_COLUMNS ITEM_FROM, where_and_order, NULL);
  g_autofree char *today = zc_store_today (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *list;
  sqlite3_stmt *stmt;
  va_list args;
  int rc;

  if (!(stmt = zc_store_stmt (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), today, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":warning"),
                    zc_store_query_int (self, 7, "SELECT warning_days FROM campaign", NULL));
  /* Further named parameters come as (name, type, value) triples, NULL-terminated. */
  va_start (args, where_and_order);
  for (const char *name = va_arg (args, const char *); name; name = va_arg (args, const char *))
    {
      int idx = sqlite3_bind_parameter_index (stmt, name);
      char type = (char) va_arg (args, int);

      if (type == 'i')
        {
          gint64 v = va_arg (args, gint64);
          if (idx)
            sqlite3_bind_int64 (stmt, idx, v);
        }
      else
        {
          const char *v = va_arg (args, const char *);
          if (idx)
            sqlite3_bind_text (stmt, idx, v, -1, SQLITE_TRANSIENT);
        }
    }
  va_end (args);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, zc_record_new_from_stmt (ZC_TYPE_ITEM, stmt));
  if (rc != SQLITE_DONE)
    {
      zc_store_sql_error (self, "items", error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  list = g_list_store_new (ZC_TYPE_ITEM);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  zc_store_fill_labels (self, G_LIST_MODEL (list), "category-id", "category-label");
  return list;
}

ZcItem *
zc_store_get_item (ZcStore   *self,
                   ZcPerson  *actor,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(ZcItem) item = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  list = query_items (self, error, "WHERE i.id = :id", ":id", 'i', id, NULL);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                   _("There is no rectification item with id %" PRId64), id);
      return NULL;
    }
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  if (!zc_policy_require (zc_policy_can_read_unit (self, actor, item->unit_id) ||
                          (actor && item->person_id == zc_record_get_id (ZC_RECORD (actor))),
                          actor, _("read this unit’s ledger"), error))
    return NULL;
  return g_steal_pointer (&item);
}

static const char *
sort_column (const char *sort)
{
  /* Only known columns reach the SQL text. */
  static const struct { const char *name; const char *sql; } columns[] = {
    { "number", "u.position, i.unit_id, i.number" },
    { "problem", "pr.title" },
    { "category", "pr.category_id" },
    { "measure", "i.measure" },
    { "term_type", "i.term_type" },
    { "leader", "coalesce (l.name, i.leader_text)" },
    { "unit", "u.position, u.id" },
    { "person", "coalesce (pe.name, i.person_text)" },
    { "deadline", "coalesce (i.deadline, '9999')" },
    { "progress", "i.progress" },
    { "state", "CASE i.state WHEN 'planned' THEN 0 WHEN 'in_progress' THEN 1 "
               "WHEN 'awaiting_closeout' THEN 2 ELSE 3 END" },
    { "light", "light" },
  };

  for (guint i = 0; sort && i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (columns[i].name, sort))
      return columns[i].sql;
  return columns[0].sql;
}

GListModel *
zc_store_list_items (ZcStore            *self,
                     ZcPerson           *actor,
                     const ZcItemQuery  *query,
                     GError            **error)
{
  ZcItemQuery q = ZC_ITEM_QUERY_INIT;
  g_autoptr(GString) where = g_string_new ("WHERE 1");
  g_autofree char *filter = NULL;
  g_autofree char *fts = NULL;
  gint64 actor_id = actor ? zc_record_get_id (ZC_RECORD (actor)) : 0;
  GListStore *list;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (query)
    q = *query;
  if (q.unit_id && !zc_policy_can_read_unit (self, actor, q.unit_id) &&
      !(actor && q.person_id == actor_id))
    {
      zc_policy_require (FALSE, actor, _("read this unit’s ledger"), error);
      return NULL;
    }

  filter = zc_policy_unit_filter (self, actor, "i.unit_id");
  /* A responsible person sees their own items, wherever they belong. */
  g_string_append_printf (where, " AND (%s OR i.person_id = :actor)", filter);
  if (q.unit_id)
    g_string_append (where, " AND i.unit_id = :unit");
  if (q.state >= 0)
    g_string_append (where, " AND i.state = :state");
  if (q.person_id)
    g_string_append (where, " AND i.person_id = :person");
  if (q.problem_id)
    g_string_append (where, " AND i.problem_id = :problem");
  if (q.focus_only)
    g_string_append (where, " AND u.focus");
  if (q.light >= 0)
    g_string_append (where, " AND light = :light");
  if (q.focus_posts)
    g_string_append (where, " AND pe.focus_post");
  if (q.focus_area_id)
    g_string_append (where, " AND EXISTS (SELECT 1 FROM problem_finding pf JOIN finding fa ON "
                            "fa.id = pf.finding_id WHERE pf.problem_id = i.problem_id AND "
                            "fa.focus_area_id = :area)");
  if (q.reported_from && q.reported_to)
    g_string_append (where, " AND EXISTS (SELECT 1 FROM progress g WHERE g.item_id = i.id AND "
                            "g.date BETWEEN :from AND :to)");
  if (q.text && *q.text)
    {
      /* Trigram FTS needs three characters; shorter texts fall back to instr(). */
      if (g_utf8_strlen (q.text, -1) >= 3)
        {
          g_autofree char *escaped = NULL;
          g_auto(GStrv) parts = g_strsplit (q.text, "\"", -1);

          escaped = g_strjoinv ("\"\"", parts);
          fts = g_strdup_printf ("\"%s\"", escaped);
          g_string_append (where, " AND (i.id IN (SELECT rowid FROM item_fts WHERE item_fts "
                                  "MATCH :fts) OR instr (pr.title, :text) > 0 OR "
                                  "instr (l.name, :text) > 0 OR instr (pe.name, :text) > 0 OR "
                                  "instr (u.name, :text) > 0)");
        }
      else
        g_string_append (where, " AND (instr (i.measure, :text) > 0 OR instr (pr.title, :text) > 0 "
                                "OR instr (coalesce (pe.name, i.person_text), :text) > 0 OR "
                                "instr (coalesce (l.name, i.leader_text), :text) > 0 OR "
                                "instr (u.name, :text) > 0)");
    }
  g_string_append_printf (where, " ORDER BY %s %s, i.id", sort_column (q.sort),
                          q.descending ? "DESC" : "ASC");
  if (q.limit)
    g_string_append_printf (where, " LIMIT %u", q.limit);

  list = query_items (self, error, where->str,
                      ":actor", 'i', actor_id,
                      ":unit", 'i', q.unit_id,
                      ":state", 's', q.state >= 0 ? zc_enum_to_string (ZC_TYPE_ITEM_STATE, q.state)
                                                  : NULL,
                      ":person", 'i', q.person_id,
                      ":problem", 'i', q.problem_id,
                      ":light", 'i', (gint64) q.light,
                      ":text", 's', q.text,
                      ":fts", 's', fts,
                      ":area", 'i', q.focus_area_id,
                      ":from", 's', q.reported_from,
                      ":to", 's', q.reported_to,
                      NULL);
  return G_LIST_MODEL (list);
}

/* The items @ids, as zc_store_list_items() gives them, in its order by deadline; the caller
 * has checked that its actor may read them (the dashboard, which found them red). */
GListModel *
zc_store_list_items_by_id (ZcStore      *self,
                           const gint64 *ids,
                           guint         n,
                           GError      **error)
{
  g_autofree char *where = NULL;
  gint64 id[8] = { 0, };   /* one statement for up to eight; 0 is no item's id */

  g_return_val_if_fail (n <= G_N_ELEMENTS (id), NULL);

  for (guint k = 0; k < n; k++)
    id[k] = ids[k];
  where = g_strdup_printf ("WHERE i.id IN (:a, :b, :c, :d, :e, :f, :g, :h) ORDER BY %s, i.id",
                           sort_column ("deadline"));
  return G_LIST_MODEL (query_items (self, error, where,
                                    ":a", 'i', id[0], ":b", 'i', id[1], ":c", 'i', id[2],
                                    ":d", 'i', id[3], ":e", 'i', id[4], ":f", 'i', id[5],
                                    ":g", 'i', id[6], ":h", 'i', id[7], NULL));
}

static gboolean
validate_item (ZcStore  *self,
               ZcItem   *item,
               GError  **error)
{
  if (!zc_validate_text (item->measure, _("Measure"), ZC_LIMIT_MEASURE, TRUE, error) ||
      !zc_validate_date (item->deadline, _("Deadline"), FALSE, error) ||
      !zc_validate_date (item->start_date, _("Start date"), FALSE, error) ||
      !zc_validate_text (item->deadline_text, _("Deadline"), ZC_LIMIT_NAME, FALSE, error) ||
      !zc_validate_text (item->leader_text, _("Responsible leader"), ZC_LIMIT_NAME, FALSE, error) ||
      !zc_validate_text (item->person_text, _("Responsible person"), ZC_LIMIT_NAME, FALSE, error) ||
      !zc_validate_text (item->unit_text, _("Responsible unit"), ZC_LIMIT_NAME, FALSE, error))
    return FALSE;
  if (item->term_type == ZC_TERM_TYPE_DEADLINE && item->deadline == NULL &&
      item->deadline_text == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Deadline: an item rectified by deadline needs its deadline"));
      return FALSE;
    }
  if (item->term_type == ZC_TERM_TYPE_ONGOING && item->review_dates)
    {
      g_auto(GStrv) dates = g_strsplit (item->review_dates, ",", -1);

      for (guint i = 0; dates[i]; i++)
        if (!zc_validate_date (g_strstrip (dates[i]), _("Review dates"), TRUE, error))
          return FALSE;
    }
  if (item->start_date && item->deadline && zc_date_diff_days (item->start_date,
                                                               item->deadline) < 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Deadline: %s is before the start date %s"), item->deadline,
                   item->start_date);
      return FALSE;
    }
  if (item->person_id &&
      zc_store_query_int (self, 0, "SELECT count(*) FROM person WHERE id = ?", "i",
                          item->person_id) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, _("Responsible person: no such person"));
      return FALSE;
    }
  if (item->leader_id &&
      zc_store_query_int (self, 0, "SELECT count(*) FROM person WHERE id = ?", "i",
                          item->leader_id) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, _("Responsible leader: no such person"));
      return FALSE;
    }
  return TRUE;
}

gboolean
zc_store_save_item (ZcStore   *self,
                    ZcPerson  *actor,
                    ZcItem    *item,
                    GError   **error)
{
  g_autofree char *today = zc_store_today (self);
  gint64 unit_id;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_ITEM (item), FALSE);

  unit_id = zc_store_query_int (self, 0, "SELECT unit_id FROM problem WHERE id = ?", "i",
                                item->problem_id);
  if (unit_id == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Problem: choose the problem this measure answers"));
      return FALSE;
    }
  if (!zc_policy_require_lead_of (self, actor, unit_id, _("keep this unit’s ledger"), error) ||
      !zc_policy_require_phase (self, unit_id, _("plan rectification items"), error,
                                ZC_PHASE_INSPECTION, ZC_PHASE_RECTIFICATION, PHASES_END))
    return FALSE;
  item->unit_id = unit_id;
  if (item->start_date == NULL)
    zc_item_set_start_date (item, today);
  if (!validate_item (self, item, error))
    return FALSE;

  if (zc_record_get_id (ZC_RECORD (item)) == 0)
    {
      item->state = ZC_ITEM_STATE_PLANNED;
      item->progress = 0;
      if (item->number == 0)
        item->number = zc_store_query_int (self, 0, "SELECT max(number) FROM item WHERE "
                                                    "unit_id = ?", "i", unit_id) + 1;
      return zc_store_write_insert (self, actor, ZC_RECORD (item), "create_item", 0, error);
    }
  else
    {
      g_autoptr(ZcItem) stored = zc_store_load (self, ZC_TYPE_ITEM,
                                                zc_record_get_id (ZC_RECORD (item)), error);
      g_autofree char *label = NULL;

      if (stored == NULL)
        return FALSE;
      label = item_label (stored);
      if (stored->state != ZC_ITEM_STATE_PLANNED)
        return zc_state_refuse (error, label, ZC_TYPE_ITEM_STATE, stored->state, _("be edited"));
      /* The workflow fields move only through their own calls. */
      item->state = stored->state;
      item->progress = stored->progress;
      item->unit_id = stored->unit_id;
      return zc_store_write_update (self, actor, ZC_RECORD (item), "update_item", 0, error);
    }
}

static gboolean
may_report (ZcStore  *self,
            ZcPerson *actor,
            ZcItem   *item)
{
  return zc_policy_is_lead_of (self, actor, item->unit_id) ||
         (actor && item->person_id == zc_record_get_id (ZC_RECORD (actor)));
}

static char *
guess_mime (const char *filename,
            const guint8 *data,
            gsize         len)
{
  g_autofree char *type = g_content_type_guess (filename, data, len, NULL);
  char *mime = g_content_type_get_mime_type (type);

  return mime ? mime : g_strdup ("application/octet-stream");
}

ZcProgress *
zc_store_report_progress (ZcStore             *self,
                          ZcPerson            *actor,
                          ZcItem              *item,
                          int                  percent,
                          const char          *text,
                          const char * const  *evidence_paths,
                          GError             **error)
{
  g_autoptr(ZcItem) stored = NULL;
  g_autoptr(ZcProgress) progress = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autofree char *today = zc_store_today (self);
  g_autofree char *label = NULL;
  guint n_files = evidence_paths ? g_strv_length ((char **) evidence_paths) : 0;
  gboolean ok;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  g_return_val_if_fail (ZC_IS_ITEM (item), NULL);

  stored = zc_store_load (self, ZC_TYPE_ITEM, zc_record_get_id (ZC_RECORD (item)), error);
  if (stored == NULL)
    return NULL;
  if (!zc_policy_require (may_report (self, actor, stored), actor,
                          _("report progress on this item"), error) ||
      !zc_policy_require_phase (self, stored->unit_id, _("report progress"), error,
                                ZC_PHASE_RECTIFICATION, PHASES_END))
    return NULL;
  label = item_label (stored);
  if (stored->state != ZC_ITEM_STATE_PLANNED && stored->state != ZC_ITEM_STATE_IN_PROGRESS)
    {
      zc_state_refuse (error, label, ZC_TYPE_ITEM_STATE, stored->state, _("take progress reports"));
      return NULL;
    }
  if (!zc_validate_range (percent, _("Progress (%)"), 0, 100, error) ||
      !zc_validate_text (text, _("Progress"), ZC_LIMIT_MEASURE, TRUE, error))
    return NULL;
  if (n_files > ZC_LIMIT_EVIDENCE_FILES)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Evidence: at most %d files on one report"), ZC_LIMIT_EVIDENCE_FILES);
      return NULL;
    }
  /* Read every file before writing anything. */
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *base = g_path_get_basename (evidence_paths[i]);
      char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (evidence_paths[i], &data, &len, &local))
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("Evidence: %s cannot be read: %s"), base,
                       local->message);
          return NULL;
        }
      if (len > ZC_LIMIT_EVIDENCE_SIZE)
        {
          g_free (data);
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("Evidence: %s is %.1f MB; a file may be at most %d MB"), base,
                       len / 1048576.0, ZC_LIMIT_EVIDENCE_SIZE / 1048576);
          return NULL;
        }
      g_ptr_array_add (files, g_bytes_new_take (data, len));
    }

  progress = zc_progress_new ();
  zc_progress_set_item_id (progress, zc_record_get_id (ZC_RECORD (stored)));
  zc_progress_set_author_id (progress, zc_record_get_id (ZC_RECORD (actor)));
  zc_progress_set_date (progress, today);
  zc_progress_set_percent (progress, percent);
  zc_progress_set_text (progress, text);

  if (!zc_store_begin (self, error))
    return NULL;
  ok = zc_store_insert_record (self, actor, ZC_RECORD (progress), "report_progress", 0, error);
  for (guint i = 0; ok && i < files->len; i++)
    {
      GBytes *bytes = g_ptr_array_index (files, i);
      gsize len;
      const guint8 *data = g_bytes_get_data (bytes, &len);
      guint8 digest[crypto_hash_sha256_BYTES];
      char hex[crypto_hash_sha256_BYTES * 2 + 1];
      g_autoptr(ZcEvidence) ev = zc_evidence_new ();
      g_autofree char *base = g_path_get_basename (evidence_paths[i]);
      g_autofree char *mime = guess_mime (base, data, len);
      sqlite3_stmt *stmt;

      crypto_hash_sha256 (digest, data, len);
      sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
      zc_evidence_set_progress_id (ev, zc_record_get_id (ZC_RECORD (progress)));
      zc_evidence_set_filename (ev, base);
      zc_evidence_set_mime (ev, mime);
      zc_evidence_set_size (ev, len);
      zc_evidence_set_sha256 (ev, hex);
      /* The blob column is not a record field: write it first, then log the row. */
      stmt = zc_store_stmt (self, "INSERT INTO evidence (uuid, created, updated, revision, "
                                  "progress_id, filename, mime, size, sha256, data) VALUES "
                                  "(?, ?, ?, 1, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      {
        g_autofree char *uuid = g_uuid_string_random ();
        g_autofree char *now = zc_store_now (self);
        g_autoptr(JsonObject) fields = NULL;

        sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 4, zc_record_get_id (ZC_RECORD (progress)));
        sqlite3_bind_text (stmt, 5, base, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 6, mime, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 7, len);
        sqlite3_bind_text (stmt, 8, hex, -1, SQLITE_TRANSIENT);
        sqlite3_bind_blob64 (stmt, 9, data, len, SQLITE_STATIC);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            zc_store_sql_error (self, "evidence", error);
            sqlite3_reset (stmt);
            ok = FALSE;
            break;
          }
        sqlite3_reset (stmt);
        zc_record_set_common (ZC_RECORD (ev), sqlite3_last_insert_rowid (self->db), uuid, now, now,
                              1);
        fields = zc_record_diff (NULL, ZC_RECORD (ev));
        ok = zc_audit_append (self, zc_record_get_uuid (ZC_RECORD (actor)), "attach_evidence",
                              "evidence", uuid, fields, zc_record_get_id (ZC_RECORD (ev)), FALSE,
                              error);
      }
    }
  if (ok)
    {
      zc_item_set_progress (stored, percent);
      zc_item_set_progress_text (stored, text);
      if (stored->state == ZC_ITEM_STATE_PLANNED)
        zc_item_set_state (stored, ZC_ITEM_STATE_IN_PROGRESS);
      ok = zc_store_update_record (self, actor, ZC_RECORD (stored), "report_progress", 0, error);
    }
  if (!zc_store_finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&progress);
}

GListModel *
zc_store_list_progress (ZcStore   *self,
                        ZcPerson  *actor,
                        gint64     item_id,
                        GError   **error)
{
  g_autoptr(ZcItem) item = zc_store_get_item (self, actor, item_id, error);

  if (item == NULL)
    return NULL;
  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_PROGRESS, error,
                                       "SELECT g.*, p.name AS author_name, "
                                       "(SELECT count(*) FROM evidence WHERE progress_id = g.id) "
                                       "AS evidence_count FROM progress g "
                                       "LEFT JOIN person p ON p.id = g.author_id "
                                       "WHERE g.item_id = ? ORDER BY g.date DESC, g.id DESC",
                                       "i", item_id));
}

GListModel *
zc_store_list_evidence (ZcStore   *self,
                        ZcPerson  *actor,
                        gint64     progress_id,
                        GError   **error)
{
  gint64 item_id = zc_store_query_int (self, 0, "SELECT item_id FROM progress WHERE id = ?", "i",
                                       progress_id);
  g_autoptr(ZcItem) item = zc_store_get_item (self, actor, item_id, error);

  if (item == NULL)
    return NULL;
  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_EVIDENCE, error,
                                       "SELECT id, uuid, created, updated, revision, progress_id, "
                                       "filename, mime, size, sha256 FROM evidence "
                                       "WHERE progress_id = ? ORDER BY id", "i", progress_id));
}

GBytes *
zc_store_get_evidence_data (ZcStore   *self,
                            ZcPerson  *actor,
                            gint64     evidence_id,
                            GError   **error)
{
  gint64 item_id = zc_store_query_int (self, 0, "SELECT g.item_id FROM evidence e JOIN progress g "
                                                "ON g.id = e.progress_id WHERE e.id = ?", "i",
                                       evidence_id);
  g_autoptr(ZcItem) item = zc_store_get_item (self, actor, item_id, error);
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;

  if (item == NULL)
    return NULL;
  if (!(stmt = zc_store_stmt (self, "SELECT data FROM evidence WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (bytes == NULL)
    g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("The evidence file does not exist"));
  return bytes;
}

static gboolean
transition (ZcStore      *self,
            ZcPerson     *actor,
            ZcItem       *item,
            ZcItemState   from,
            ZcItemState   to,
            const char   *action,
            const char   *what,
            GError      **error,
            void        (*apply) (ZcItem *stored, const char *text, ZcStore *store),
            const char   *text)
{
  g_autoptr(ZcItem) stored = NULL;
  g_autofree char *label = NULL;

  stored = zc_store_load (self, ZC_TYPE_ITEM, zc_record_get_id (ZC_RECORD (item)), error);
  if (stored == NULL)
    return FALSE;
  label = item_label (stored);
  if (stored->state != from)
    return zc_state_refuse (error, label, ZC_TYPE_ITEM_STATE, stored->state, what);
  zc_item_set_state (stored, to);
  if (apply)
    apply (stored, text, self);
  if (!zc_store_write_update (self, actor, ZC_RECORD (stored), action, 0, error))
    return FALSE;
  zc_item_set_state (item, to);
  zc_record_set_common (ZC_RECORD (item), zc_record_get_id (ZC_RECORD (stored)),
                        zc_record_get_uuid (ZC_RECORD (stored)),
                        zc_record_get_created (ZC_RECORD (stored)),
                        zc_record_get_updated (ZC_RECORD (stored)),
                        zc_record_get_revision (ZC_RECORD (stored)));
  return TRUE;
}

gboolean
zc_store_request_closeout (ZcStore   *self,
                           ZcPerson  *actor,
                           ZcItem    *item,
                           GError   **error)
{
  g_autoptr(ZcItem) stored = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  stored = zc_store_load (self, ZC_TYPE_ITEM, zc_record_get_id (ZC_RECORD (item)), error);
  if (stored == NULL)
    return FALSE;
  if (!zc_policy_require (may_report (self, actor, stored), actor,
                          _("ask for this item’s close-out"), error) ||
      !zc_policy_require_phase (self, stored->unit_id, _("ask for close-out"), error,
                                ZC_PHASE_RECTIFICATION, PHASES_END))
    return FALSE;
  if (stored->state == ZC_ITEM_STATE_IN_PROGRESS &&
      zc_store_query_int (self, 0, "SELECT count(*) FROM progress WHERE item_id = ?", "i",
                          zc_record_get_id (ZC_RECORD (stored))) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   _("Report what was done before asking for close-out"));
      return FALSE;
    }
  return transition (self, actor, item, ZC_ITEM_STATE_IN_PROGRESS,
                     ZC_ITEM_STATE_AWAITING_CLOSEOUT, "request_closeout",
                     _("be put forward for close-out"), error, NULL, NULL);
}

static void
apply_close (ZcItem     *stored,
             const char *note,
             ZcStore    *store)
{
  g_autofree char *today = zc_store_today (store);

  zc_item_set_closed_at (stored, today);
  zc_item_set_close_note (stored, note);
  zc_item_set_progress (stored, 100);
}

static void
apply_reject (ZcItem     *stored,
              const char *reason,
              ZcStore    *store)
{
  zc_item_set_reject_reason (stored, reason);
  zc_item_set_reopen_count (stored, stored->reopen_count + 1);
}

gboolean
zc_store_close_out (ZcStore     *self,
                    ZcPerson    *actor,
                    ZcItem      *item,
                    const char  *note,
                    GError     **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!zc_policy_require_inspector (actor, _("close out items"), error) ||
      !zc_validate_text (note, _("Verification note"), ZC_LIMIT_COMMENT, FALSE, error))
    return FALSE;
  return transition (self, actor, item, ZC_ITEM_STATE_AWAITING_CLOSEOUT, ZC_ITEM_STATE_CLOSED,
                     "close_out", _("be closed out"), error, apply_close, note);
}

gboolean
zc_store_reject_closeout (ZcStore     *self,
                          ZcPerson    *actor,
                          ZcItem      *item,
                          const char  *reason,
                          GError     **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!zc_policy_require_inspector (actor, _("reject a close-out"), error) ||
      !zc_validate_text (reason, _("Reason for rejection"), ZC_LIMIT_COMMENT, TRUE, error))
    return FALSE;
  return transition (self, actor, item, ZC_ITEM_STATE_AWAITING_CLOSEOUT,
                     ZC_ITEM_STATE_IN_PROGRESS, "reject_closeout", _("be rejected"), error,
                     apply_reject, reason);
}

/* ---- public commitments ---------------------------------------------------------------- */

#define COMMITMENT_SELECT \
  "SELECT c.*, u.name AS unit_name, p.name AS author_name FROM commitment c " \
  "JOIN unit u ON u.id = c.unit_id LEFT JOIN person p ON p.id = c.author_id "

static char *
commitment_label (ZcCommitment *c)
{
  return g_strdup_printf (_("The public commitment “%s”"), c->title ? c->title : "");
}

static gboolean
validate_commitment (ZcCommitment  *c,
                     GError       **error)
{
  return zc_validate_text (c->title, _("Title"), ZC_LIMIT_TITLE, TRUE, error) &&
         zc_validate_text (c->opening, _("Opening"), ZC_LIMIT_LETTER, FALSE, error) &&
         zc_validate_text (c->closing, _("Closing"), ZC_LIMIT_LETTER, FALSE, error) &&
         zc_validate_text (c->contact_phone, _("Supervision telephone"), ZC_LIMIT_NAME, FALSE,
                           error) &&
         zc_validate_text (c->contact_email, _("Supervision e-mail"), ZC_LIMIT_NAME, FALSE,
                           error) &&
         zc_validate_text (c->signature, _("Signature"), ZC_LIMIT_NAME, FALSE, error) &&
         zc_validate_date (c->sign_date, _("Date"), FALSE, error);
}

gboolean
zc_store_save_commitment (ZcStore       *self,
                          ZcPerson      *actor,
                          ZcCommitment  *commitment,
                          GError       **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_COMMITMENT (commitment), FALSE);

  if (zc_record_get_id (ZC_RECORD (commitment)) == 0)
    {
      if (commitment->unit_id == 0 && actor)
        commitment->unit_id = actor->unit_id;
      if (!zc_policy_require_lead_of (self, actor, commitment->unit_id,
                                      _("write this unit’s public commitment"), error))
        return FALSE;
      if (zc_store_effective_phase (self, commitment->unit_id) == ZC_PHASE_CLOSED)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_STATE, _("The campaign is closed"));
          return FALSE;
        }
      commitment->author_id = zc_record_get_id (ZC_RECORD (actor));
      commitment->state = ZC_COMMITMENT_STATE_DRAFT;
      if (commitment->version == 0)
        commitment->version = 1;
      if (!validate_commitment (commitment, error))
        return FALSE;
      return zc_store_write_insert (self, actor, ZC_RECORD (commitment), "create_commitment", 0,
                                    error);
    }
  else
    {
      g_autoptr(ZcCommitment) stored = zc_store_load (self, ZC_TYPE_COMMITMENT,
                                                      zc_record_get_id (ZC_RECORD (commitment)),
                                                      error);
      g_autofree char *label = NULL;

      if (stored == NULL)
        return FALSE;
      if (!zc_policy_require_lead_of (self, actor, stored->unit_id,
                                      _("write this unit’s public commitment"), error))
        return FALSE;
      label = commitment_label (stored);
      if (stored->state != ZC_COMMITMENT_STATE_DRAFT)
        return zc_state_refuse (error, label, ZC_TYPE_COMMITMENT_STATE, stored->state,
                                _("be changed; amend it as a new version"));
      commitment->unit_id = stored->unit_id;
      commitment->state = stored->state;
      commitment->version = stored->version;
      commitment->supersedes_id = stored->supersedes_id;
      commitment->author_id = stored->author_id;
      if (!validate_commitment (commitment, error))
        return FALSE;
      return zc_store_write_update (self, actor, ZC_RECORD (commitment), "update_commitment", 0,
                                    error);
    }
}

static ZcCommitment *
editable_commitment (ZcStore       *self,
                     ZcPerson      *actor,
                     ZcCommitment  *commitment,
                     GError       **error)
{
  g_autoptr(ZcCommitment) stored = zc_store_load (self, ZC_TYPE_COMMITMENT,
                                                  zc_record_get_id (ZC_RECORD (commitment)),
                                                  error);
  g_autofree char *label = NULL;

  if (stored == NULL)
    return NULL;
  if (!zc_policy_require_lead_of (self, actor, stored->unit_id,
                                  _("write this unit’s public commitment"), error))
    return NULL;
  label = commitment_label (stored);
  if (stored->state != ZC_COMMITMENT_STATE_DRAFT)
    {
      zc_state_refuse (error, label, ZC_TYPE_COMMITMENT_STATE, stored->state,
                       _("be changed; amend it as a new version"));
      return NULL;
    }
  return g_steal_pointer (&stored);
}

static gboolean
write_pledges (ZcStore              *self,
               ZcPerson             *actor,
               ZcCommitment         *c,
               const char * const   *texts,
               const gint64 * const *item_ids,
               GError              **error)
{
  guint n = texts ? g_strv_length ((char **) texts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcPledge) p = zc_pledge_new ();
      g_autoptr(JsonObject) fields = json_object_new ();
      JsonArray *items = json_array_new ();

      zc_pledge_set_commitment_id (p, zc_record_get_id (ZC_RECORD (c)));
      zc_pledge_set_position (p, i + 1);
      zc_pledge_set_text (p, texts[i]);
      if (!zc_store_insert_record (self, actor, ZC_RECORD (p), "create_pledge", 0, error))
        return FALSE;
      json_object_set_array_member (fields, "items", items);
      for (guint k = 0; item_ids && item_ids[i] && item_ids[i][k]; k++)
        {
          g_autofree char *uuid = NULL;

          if (zc_store_query_int (self, 0, "SELECT unit_id FROM item WHERE id = ?", "i",
                                  item_ids[i][k]) != c->unit_id)
            {
              g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                           _("Pledge %u: it may only be tied to this unit’s rectification items"),
                           i + 1);
              return FALSE;
            }
          if (!zc_store_run (self, error, "INSERT OR IGNORE INTO pledge_item (pledge_id, item_id) "
                                          "VALUES (?, ?)", "ii",
                             zc_record_get_id (ZC_RECORD (p)), item_ids[i][k]))
            return FALSE;
          uuid = zc_store_query_text (self, "SELECT uuid FROM item WHERE id = ?", "i",
                                      item_ids[i][k]);
          json_array_add_string_element (items, uuid);
        }
      if (json_array_get_length (items) > 0 &&
          !zc_store_touch_record (self, actor, ZC_RECORD (p), "link_items", fields, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
zc_store_set_pledges (ZcStore              *self,
                      ZcPerson             *actor,
                      ZcCommitment         *commitment,
                      const char * const   *texts,
                      const gint64 * const *item_ids,
                      GError              **error)
{
  g_autoptr(ZcCommitment) stored = NULL;
  g_autoptr(GListStore) old = NULL;
  guint n = texts ? g_strv_length ((char **) texts) : 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!(stored = editable_commitment (self, actor, commitment, error)))
    return FALSE;
  if (n > ZC_LIMIT_PLEDGES)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Pledges: a commitment holds at most %d pledges"), ZC_LIMIT_PLEDGES);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *field = g_strdup_printf (_("Pledge %u"), i + 1);

      if (!zc_validate_text (texts[i], field, ZC_LIMIT_PLEDGE, TRUE, error))
        return FALSE;
    }
  old = zc_store_query (self, ZC_TYPE_PLEDGE, error, "SELECT * FROM pledge WHERE commitment_id = ?",
                        "i", zc_record_get_id (ZC_RECORD (stored)));
  if (old == NULL)
    return FALSE;

  if (!zc_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < g_list_model_get_n_items (G_LIST_MODEL (old)); i++)
    {
      g_autoptr(ZcRecord) p = g_list_model_get_item (G_LIST_MODEL (old), i);

      ok = zc_store_run (self, error, "DELETE FROM pledge_item WHERE pledge_id = ?", "i",
                         zc_record_get_id (p)) &&
           zc_store_delete_record (self, actor, p, "delete_pledge", error);
    }
  ok = ok && write_pledges (self, actor, stored, texts, item_ids, error);
  return zc_store_finish (self, ok, error);
}

GListModel *
zc_store_list_pledges (ZcStore   *self,
                       ZcPerson  *actor,
                       gint64     commitment_id,
                       GError   **error)
{
  g_autoptr(ZcCommitment) c = zc_store_load (self, ZC_TYPE_COMMITMENT, commitment_id, error);

  if (c == NULL)
    return NULL;
  if (!zc_policy_require (zc_policy_can_read_unit (self, actor, c->unit_id) ||
                          c->state == ZC_COMMITMENT_STATE_PUBLISHED, actor,
                          _("read this commitment"), error))
    return NULL;
  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_PLEDGE, error,
                                       "SELECT p.*, (SELECT group_concat (item_id, ',') FROM "
                                       "pledge_item WHERE pledge_id = p.id) AS item_ids "
                                       "FROM pledge p WHERE p.commitment_id = ? "
                                       "ORDER BY p.position", "i", commitment_id));
}

gboolean
zc_store_publish_commitment (ZcStore       *self,
                             ZcPerson      *actor,
                             ZcCommitment  *commitment,
                             GError       **error)
{
  g_autoptr(ZcCommitment) stored = NULL;
  g_autofree char *now = NULL;
  g_autofree char *today = zc_store_today (self);

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!(stored = editable_commitment (self, actor, commitment, error)))
    return FALSE;
  if (zc_store_query_int (self, 0, "SELECT count(*) FROM pledge WHERE commitment_id = ?", "i",
                          zc_record_get_id (ZC_RECORD (stored))) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Pledges: a commitment needs at least one pledge before it is published"));
      return FALSE;
    }
  if (stored->contact_phone == NULL && stored->contact_email == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Supervision contact: give a telephone or an e-mail address so that the "
                     "public can hold you to it"));
      return FALSE;
    }
  now = zc_store_now (self);
  zc_commitment_set_state (stored, ZC_COMMITMENT_STATE_PUBLISHED);
  zc_commitment_set_published_at (stored, now);
  if (stored->sign_date == NULL)
    zc_commitment_set_sign_date (stored, today);
  if (!zc_store_write_update (self, actor, ZC_RECORD (stored), "publish_commitment", 0, error))
    return FALSE;
  zc_commitment_set_state (commitment, ZC_COMMITMENT_STATE_PUBLISHED);
  zc_commitment_set_published_at (commitment, now);
  zc_record_set_common (ZC_RECORD (commitment), zc_record_get_id (ZC_RECORD (stored)),
                        zc_record_get_uuid (ZC_RECORD (stored)),
                        zc_record_get_created (ZC_RECORD (stored)),
                        zc_record_get_updated (ZC_RECORD (stored)),
                        zc_record_get_revision (ZC_RECORD (stored)));
  return TRUE;
}

ZcCommitment *
zc_store_amend_commitment (ZcStore       *self,
                           ZcPerson      *actor,
                           ZcCommitment  *commitment,
                           GError       **error)
{
  g_autoptr(ZcCommitment) stored = NULL;
  g_autoptr(ZcCommitment) next = NULL;
  g_autoptr(GListStore) pledges = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  stored = zc_store_load (self, ZC_TYPE_COMMITMENT, zc_record_get_id (ZC_RECORD (commitment)),
                          error);
  if (stored == NULL)
    return NULL;
  if (!zc_policy_require_lead_of (self, actor, stored->unit_id,
                                  _("write this unit’s public commitment"), error))
    return NULL;
  label = commitment_label (stored);
  if (stored->state != ZC_COMMITMENT_STATE_PUBLISHED)
    {
      zc_state_refuse (error, label, ZC_TYPE_COMMITMENT_STATE, stored->state,
                       _("be amended; edit the draft instead"));
      return NULL;
    }
  if (zc_store_query_int (self, 0, "SELECT count(*) FROM commitment WHERE supersedes_id = ?", "i",
                          zc_record_get_id (ZC_RECORD (stored))) > 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   _("%s already has a newer version: amend that one"), label);
      return NULL;
    }

  next = ZC_COMMITMENT (zc_record_copy (ZC_RECORD (stored)));
  zc_record_set_common (ZC_RECORD (next), 0, NULL, NULL, NULL, 0);
  zc_commitment_set_state (next, ZC_COMMITMENT_STATE_DRAFT);
  zc_commitment_set_version (next, stored->version + 1);
  zc_commitment_set_supersedes_id (next, zc_record_get_id (ZC_RECORD (stored)));
  zc_commitment_set_published_at (next, NULL);
  zc_commitment_set_sign_date (next, NULL);
  zc_commitment_set_author_id (next, zc_record_get_id (ZC_RECORD (actor)));

  pledges = zc_store_query (self, ZC_TYPE_PLEDGE, error,
                            "SELECT * FROM pledge WHERE commitment_id = ? ORDER BY position", "i",
                            zc_record_get_id (ZC_RECORD (stored)));
  if (pledges == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pledges)); i++)
    {
      g_autoptr(ZcPledge) p = g_list_model_get_item (G_LIST_MODEL (pledges), i);
      GArray *arr = g_array_new (TRUE, TRUE, sizeof (gint64));
      sqlite3_stmt *stmt = zc_store_stmt (self, "SELECT item_id FROM pledge_item WHERE "
                                                "pledge_id = ?", NULL);

      sqlite3_bind_int64 (stmt, 1, zc_record_get_id (ZC_RECORD (p)));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (arr, id);
        }
      sqlite3_reset (stmt);
      g_ptr_array_add (texts, g_strdup (p->text));
      g_ptr_array_add (ids, g_array_free (arr, FALSE));
    }
  g_ptr_array_add (texts, NULL);

  if (!zc_store_begin (self, error))
    {
      g_clear_object (&next);
      goto out;
    }
  ok = zc_store_insert_record (self, actor, ZC_RECORD (next), "amend_commitment", 0, error) &&
       write_pledges (self, actor, next, (const char * const *) texts->pdata,
                      (const gint64 * const *) ids->pdata, error);
  if (!zc_store_finish (self, ok, error))
    g_clear_object (&next);

out:
  for (guint i = 0; i + 1 < texts->len; i++)
    g_free (texts->pdata[i]);
  return g_steal_pointer (&next);
}

GListModel *
zc_store_list_commitments (ZcStore   *self,
                           ZcPerson  *actor,
                           gint64     unit_id,
                           gboolean   published_only,
                           GError   **error)
{
  g_autofree char *filter = zc_policy_unit_filter (self, actor, "c.unit_id");
  g_autofree char *sql = NULL;

  /* Published commitments are public; drafts only for those who may read the unit. */
  sql = g_strdup_printf (COMMITMENT_SELECT "WHERE (?1 = 0 OR c.unit_id = ?1) AND "
                         "(c.state = 'published' OR (?2 = 0 AND %s)) "
                         "ORDER BY u.position, c.unit_id, c.version DESC", filter);
  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_COMMITMENT, error, sql, "ib", unit_id,
                                       published_only));
}
