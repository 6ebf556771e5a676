/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "zc-date.h"
#include "zc-store-private.h"

/* Counts grouped by a text column into @counts, indexed through @enum_type's nicks. */
static gboolean
count_by (ZcStore      *self,
          const char   *sql,
          gint64        unit_id,
          GType         enum_type,
          guint        *counts,
          guint         n_counts,
          GError      **error)
{
  sqlite3_stmt *stmt = zc_store_stmt (self, sql, error);
  g_autofree char *today = zc_store_today (self);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    {
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, zc_store_query_int (self, 7, "SELECT warning_days FROM campaign",
                                                     NULL));
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int value = -1;

      if (sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
        value = sqlite3_column_int (stmt, 0);
      else
        zc_enum_from_string (enum_type, (const char *) sqlite3_column_text (stmt, 0), &value);
      if (value >= 0 && (guint) value < n_counts)
        counts[value] += sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return zc_store_sql_error (self, "stats", error);
  return TRUE;
}

gboolean
zc_store_get_stats (ZcStore   *self,
                    ZcPerson  *actor,
                    gint64     unit_id,
                    ZcStats   *stats,
                    GError   **error)
{
  guint forms[5] = { 0 };

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  /* Without an actor the caller holds the file itself (the command line's administrator). */
  if (actor)
    {
      if (unit_id == 0 && !zc_policy_require_inspector (actor, _("see the whole campaign’s "
                                                                "figures"), error))
        return FALSE;
      if (unit_id && !zc_policy_require (zc_policy_can_read_unit (self, actor, unit_id), actor,
                                         _("see this unit’s figures"), error))
        return FALSE;
    }

  memset (stats, 0, sizeof *stats);
  /* One unit's figures read through the indexes on unit_id, the campaign's by whole scans:
   * "?1 = 0 OR unit_id = ?1" would scan every table for one unit. */
#define BY_UNIT(campaign_sql, unit_sql) (unit_id ? unit_sql : campaign_sql)
  stats->people = zc_store_query_int (self, 0, BY_UNIT ("SELECT count(*) FROM person WHERE ?1 = 0",
                                                        "SELECT count(*) FROM person WHERE "
                                                        "unit_id = ?1"), "i", unit_id);
  stats->units = unit_id ? 1 : zc_store_query_int (self, 0, "SELECT count(*) FROM unit", NULL);

  if (!count_by (self, BY_UNIT ("SELECT f.state, count(*) FROM form f WHERE ?1 = 0 "
                                "GROUP BY f.state",
                                "SELECT f.state, count(*) FROM form f JOIN person p ON "
                                "p.id = f.person_id WHERE p.unit_id = ?1 GROUP BY f.state"),
                 unit_id, ZC_TYPE_FORM_STATE, forms, G_N_ELEMENTS (forms), error))
    return FALSE;
  memcpy (stats->forms, forms, sizeof forms);
  stats->forms[ZC_FORM_STATE_NOT_STARTED] =
    stats->people - (forms[1] + forms[2] + forms[3] + forms[4]);

  /* Findings that are on record: everything but drafts. */
  stats->findings = zc_store_query_int (self, 0,
                                        BY_UNIT ("SELECT count(*) FROM finding fi LEFT JOIN form f "
                                                 "ON f.id = fi.form_id WHERE ?1 = 0 AND "
                                                 "(fi.source <> 'self' OR f.state <> 'draft')",
                                                 "SELECT count(*) FROM finding fi LEFT JOIN form f "
                                                 "ON f.id = fi.form_id WHERE fi.unit_id = ?1 AND "
                                                 "(fi.source <> 'self' OR f.state <> 'draft')"),
                                        "i", unit_id);
  stats->problems = zc_store_query_int (self, 0,
                                        BY_UNIT ("SELECT count(*) FROM problem WHERE ?1 = 0",
                                                 "SELECT count(*) FROM problem WHERE unit_id = ?1"),
                                        "i", unit_id);
  if (!count_by (self, BY_UNIT ("SELECT state, count(*) FROM item WHERE ?1 = 0 GROUP BY state",
                                "SELECT state, count(*) FROM item WHERE unit_id = ?1 "
                                "GROUP BY state"),
                 unit_id, ZC_TYPE_ITEM_STATE, stats->items, G_N_ELEMENTS (stats->items), error))
    return FALSE;
  if (!count_by (self, BY_UNIT ("SELECT zc_light (state, term_type, start_date, deadline, "
                                "review_dates, progress, ?2, ?3) AS light, count(*) FROM item "
                                "WHERE ?1 = 0 GROUP BY light",
                                "SELECT zc_light (state, term_type, start_date, deadline, "
                                "review_dates, progress, ?2, ?3) AS light, count(*) FROM item "
                                "WHERE unit_id = ?1 GROUP BY light"),
                 unit_id, ZC_TYPE_LIGHT, stats->lights, G_N_ELEMENTS (stats->lights), error))
    return FALSE;
  stats->commitments_published =
    zc_store_query_int (self, 0, BY_UNIT ("SELECT count(*) FROM commitment WHERE ?1 = 0 AND "
                                          "state = 'published'",
                                          "SELECT count(*) FROM commitment WHERE unit_id = ?1 AND "
                                          "state = 'published'"), "i", unit_id);
  stats->orders_open =
    zc_store_query_int (self, 0, BY_UNIT ("SELECT count(*) FROM supervision_order WHERE ?1 = 0 "
                                          "AND state <> 'concluded'",
                                          "SELECT count(*) FROM supervision_order WHERE "
                                          "unit_id = ?1 AND state <> 'concluded'"), "i", unit_id);
#undef BY_UNIT
  return TRUE;
}

char *
zc_stats_to_json (const ZcStats *stats)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char *form_keys[] = { "not_started", "draft", "submitted", "returned", "approved" };
  static const char *item_keys[] = { "planned", "in_progress", "awaiting_closeout", "closed" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "people");
  json_builder_add_int_value (b, stats->people);
  json_builder_set_member_name (b, "units");
  json_builder_add_int_value (b, stats->units);
  json_builder_set_member_name (b, "forms");
  json_builder_begin_object (b);
  /* The order of CLI.md. */
  for (guint i = 1; i < 5; i++)
    {
      json_builder_set_member_name (b, form_keys[i]);
      json_builder_add_int_value (b, stats->forms[i]);
    }
  json_builder_set_member_name (b, form_keys[0]);
  json_builder_add_int_value (b, stats->forms[0]);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_add_int_value (b, stats->findings);
  json_builder_set_member_name (b, "problems");
  json_builder_add_int_value (b, stats->problems);
  json_builder_set_member_name (b, "items");
  json_builder_begin_object (b);
  for (guint i = 0; i < 4; i++)
    {
      json_builder_set_member_name (b, item_keys[i]);
      json_builder_add_int_value (b, stats->items[i]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "lights");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "red");
  json_builder_add_int_value (b, stats->lights[ZC_LIGHT_RED]);
  json_builder_set_member_name (b, "yellow");
  json_builder_add_int_value (b, stats->lights[ZC_LIGHT_YELLOW]);
  json_builder_set_member_name (b, "green");
  json_builder_add_int_value (b, stats->lights[ZC_LIGHT_GREEN]);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "commitments_published");
  json_builder_add_int_value (b, stats->commitments_published);
  json_builder_set_member_name (b, "orders_open");
  json_builder_add_int_value (b, stats->orders_open);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* ---- assessment -------------------------------------------------------------------------- */

/*
 * "用实绩说话": the score of a unit, out of 100, from measured results:
 *   20 × participation (share of people whose form is submitted or approved)
 * + 25 × closed rate (items closed out / items)
 * + 20 × on-time rate (closed items closed by their deadline / closed items)
 * + 15 × satisfaction (public evaluations: satisfied 1, basically 0.5, dissatisfied 0;
 *        without evaluations the closed rate stands in)
 * + 20 × (1 − share of items that are red)
 * − 2 per reopened close-out (at most 10), + 2 per commendation or award (at most 6),
 * − 3 per criticism, admonishment or disciplinary action (at most 15); kept within 0–100.
 * A unit without items is scored on participation alone, scaled to 100.
 */
static void
score (ZcAssessment *a)
{
  double s;
  gint64 red_share_base = MAX (1, a->items);

  if (a->items == 0)
    s = 100.0 * a->participation;
  else
    s = 20 * a->participation + 25 * a->closed_rate + 20 * a->on_time_rate +
        15 * (a->satisfaction >= 0 ? a->satisfaction : a->closed_rate) +
        20 * (1.0 - (double) a->overdue / red_share_base);
  s -= MIN (10, 2 * a->reopen_count);
  s += MIN (6, 2 * a->commendations);
  s -= MIN (15, 3 * a->sanctions);
  a->score = CLAMP (round (s * 10) / 10, 0, 100);
}

GListModel *
zc_store_list_assessments (ZcStore   *self,
                           ZcPerson  *actor,
                           gint64     unit_id,
                           GError   **error)
{
  g_autofree char *filter = zc_policy_unit_filter (self, actor, "u.id");
  g_autofree char *today = zc_store_today (self);
  g_autofree char *sql = NULL;
  GListStore *list;
  gint64 warning = zc_store_query_int (self, 7, "SELECT warning_days FROM campaign", NULL);

  if (unit_id && !zc_policy_require (zc_policy_can_read_unit (self, actor, unit_id), actor,
                                     _("see this unit’s assessment"), error))
    return NULL;

  sql = g_strdup_printf (
    "SELECT u.id AS unit_id, u.name AS unit_name, "
    " (SELECT count(*) FROM person WHERE unit_id = u.id) AS people, "
    " coalesce ((SELECT 1.0 * count(*) FROM form f JOIN person p ON p.id = f.person_id "
    "   WHERE p.unit_id = u.id AND f.state IN ('submitted', 'approved')) / "
    "   nullif ((SELECT count(*) FROM person WHERE unit_id = u.id), 0), 0) AS participation, "
    " (SELECT count(*) FROM item WHERE unit_id = u.id) AS items, "
    /* "+state": the unit's index, not the state's, which would read every closed item of
     * the campaign once per unit (seconds at city scale). */
    " coalesce ((SELECT 1.0 * sum (deadline IS NULL OR closed_at <= deadline) FROM item "
    "   WHERE unit_id = u.id AND +state = 'closed') / "
    "   nullif ((SELECT count(*) FROM item WHERE unit_id = u.id AND +state = 'closed'), 0), 0) "
    "   AS on_time_rate, "
    " coalesce ((SELECT 1.0 * sum (state = 'closed') / count(*) FROM item WHERE unit_id = u.id), 0) "
    "   AS closed_rate, "
    " (SELECT count(*) FROM item WHERE unit_id = u.id AND zc_light (state, term_type, start_date, "
    "   deadline, review_dates, progress, ?2, ?3) = %d) AS overdue, "
    " (SELECT count(*) FROM supervision_order WHERE unit_id = u.id) AS orders, "
    " coalesce ((SELECT sum (reopen_count) FROM item WHERE unit_id = u.id), 0) AS reopen_count, "
    " coalesce ((SELECT avg (CASE e.satisfaction WHEN 'satisfied' THEN 1.0 "
    "   WHEN 'basically_satisfied' THEN 0.5 ELSE 0.0 END) FROM evaluation e "
    "   JOIN item i ON i.id = e.item_id WHERE i.unit_id = u.id), -1) AS satisfaction, "
    " (SELECT count(*) FROM merit WHERE unit_id = u.id AND kind IN ('commendation', 'award')) "
    "   AS commendations, "
    " (SELECT count(*) FROM merit WHERE unit_id = u.id AND kind IN ('criticism', 'admonishment', "
    "   'discipline')) AS sanctions "
    "FROM unit u WHERE (?1 = 0 OR u.id = ?1) AND %s ORDER BY u.position, u.id",
    ZC_LIGHT_RED, filter);

  list = zc_store_query (self, ZC_TYPE_ASSESSMENT, error, sql, "isi", unit_id, today, warning);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(ZcAssessment) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      score (a);
    }
  return G_LIST_MODEL (list);
}

ZcReview *
zc_store_take_monthly_review (ZcStore     *self,
                              ZcPerson    *actor,
                              gint64       unit_id,
                              const char  *month,
                              GError     **error)
{
  g_autoptr(ZcReview) review = NULL;
  g_autoptr(GListModel) assessments = NULL;
  g_autoptr(ZcAssessment) a = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *day = NULL;
  ZcStats stats;
  gboolean ok;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require (zc_person_is (actor, ZC_ROLE_INSPECTOR) ||
                          zc_policy_is_lead_of (self, actor, unit_id),
                          actor, _("take the monthly review of this unit"), error))
    return NULL;
  day = g_strconcat (month ? month : "", "-01", NULL);
  if (month == NULL || strlen (month) != 7 || !zc_date_is_valid (day))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Month: ‘%s’ is not a month (write it as YYYY-MM)"), month ? month : "");
      return NULL;
    }
  if (!zc_store_get_stats (self, actor, unit_id, &stats, error) ||
      !(assessments = zc_store_list_assessments (self, actor, unit_id, error)))
    return NULL;
  if (g_list_model_get_n_items (assessments) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("Unit: no such unit"));
      return NULL;
    }
  a = g_list_model_get_item (assessments, 0);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "stats");
  {
    g_autofree char *s = zc_stats_to_json (&stats);
    g_autoptr(JsonNode) node = json_from_string (s, NULL);
    json_builder_add_value (b, g_steal_pointer (&node));
  }
  json_builder_set_member_name (b, "score");
  json_builder_add_double_value (b, a->score);
  json_builder_set_member_name (b, "closed_rate");
  json_builder_add_double_value (b, a->closed_rate);
  json_builder_set_member_name (b, "on_time_rate");
  json_builder_add_double_value (b, a->on_time_rate);
  json_builder_set_member_name (b, "overdue");
  json_builder_add_int_value (b, a->overdue);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  snapshot = json_to_string (root, FALSE);

  review = zc_store_query_one (self, ZC_TYPE_REVIEW, NULL,
                               "SELECT * FROM monthly_review WHERE unit_id = ? AND month = ?",
                               "is", unit_id, month);
  if (!zc_store_begin (self, error))
    return NULL;
  if (review)
    {
      zc_review_set_snapshot (review, snapshot);
      zc_review_set_created_by (review, zc_record_get_id (ZC_RECORD (actor)));
      ok = zc_store_update_record (self, actor, ZC_RECORD (review), "monthly_review", 0, error);
    }
  else
    {
      review = zc_review_new ();
      zc_review_set_unit_id (review, unit_id);
      zc_review_set_month (review, month);
      zc_review_set_snapshot (review, snapshot);
      zc_review_set_created_by (review, zc_record_get_id (ZC_RECORD (actor)));
      ok = zc_store_insert_record (self, actor, ZC_RECORD (review), "monthly_review", 0, error);
    }
  if (!ok)
    {
      zc_store_rollback (self);
      return NULL;
    }
  if (!zc_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&review);
}
