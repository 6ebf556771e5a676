/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The audit log: every change is logged in its transaction, and verify catches tampering
 * made outside Zicha (here through a second SQLite connection, as the sqlite3 shell does). */

#include "zc-test-util.h"

static void
tamper (ZcFixture *fx, const char *sql)
{
  sqlite3 *db;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

static guint
verify_problems (ZcFixture *fx, const char *expect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean ok = zc_store_verify (fx->store, &problems, &error);
  gboolean seen = expect == NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      g_test_message ("verify: %s", (char *) problems->pdata[i]);
      if (expect && strstr (problems->pdata[i], expect))
        seen = TRUE;
    }
  g_assert_true (seen);
  g_assert_true (ok == (problems->len == 0));
  return problems->len;
}

static void
campaign_with_data (ZcFixture *fx)
{
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
}

static void
test_every_change_logged (ZcFixture *fx, gconstpointer data)
{
  gint64 records = 0;

  campaign_with_data (fx);
  g_assert_cmpuint (verify_problems (fx, NULL), ==, 0);
  /* Every record of every audited table has at least one entry. */
  for (guint t = 0; zc_audited_tables[t]; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s r WHERE NOT EXISTS "
                                              "(SELECT 1 FROM audit WHERE tbl = '%s' AND "
                                              "record = r.uuid)", zc_audited_tables[t],
                                              zc_audited_tables[t]);
      g_autofree char *all = g_strdup_printf ("SELECT count(*) FROM %s", zc_audited_tables[t]);

      g_assert_cmpint (zc_store_query_int (fx->store, -1, sql, NULL), ==, 0);
      records += zc_store_query_int (fx->store, 0, all, NULL);
    }
  g_assert_cmpint (zc_store_query_int (fx->store, 0, "SELECT count(*) FROM audit", NULL), >=, records);
  /* Who did it: the item's creation names the lead. */
  g_assert_cmpint (zc_store_query_int (fx->store, 0, "SELECT count(*) FROM audit WHERE action = "
                                                     "'create_item' AND actor = ?", "s",
                                       zc_record_get_uuid (ZC_RECORD (fx->sj_lead))), ==, 1);
}

static void
test_edited_record (ZcFixture *fx, gconstpointer data)
{
  campaign_with_data (fx);
  tamper (fx, "UPDATE finding SET phenomenon = '没有问题' WHERE id = 1");
  g_assert_cmpuint (verify_problems (fx, "finding record"), ==, 1);
}

static void
test_state_edited (ZcFixture *fx, gconstpointer data)
{
  campaign_with_data (fx);
  tamper (fx, "UPDATE item SET state = 'closed'");
  g_assert_cmpuint (verify_problems (fx, "item record"), ==, 1);
}

static void
test_edited_entry (ZcFixture *fx, gconstpointer data)
{
  campaign_with_data (fx);
  tamper (fx, "UPDATE audit SET action = 'approve_form' WHERE id = 20");
  g_assert_cmpuint (verify_problems (fx, "entry 20"), >=, 1);
}

static void
test_deleted_entry (ZcFixture *fx, gconstpointer data)
{
  campaign_with_data (fx);
  tamper (fx, "DELETE FROM audit WHERE id = 15");
  verify_problems (fx, "entry 16");
}

static void
test_deleted_last_entry (ZcFixture *fx, gconstpointer data)
{
  campaign_with_data (fx);
  /* The last entry leaves no successor to complain: the record no longer matches. */
  tamper (fx, "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)");
  g_assert_cmpuint (verify_problems (fx, NULL), >=, 1);
}

static void
test_reordered_entries (ZcFixture *fx, gconstpointer data)
{
  campaign_with_data (fx);
  tamper (fx, "UPDATE audit SET id = -1 WHERE id = 10; UPDATE audit SET id = 10 WHERE id = 11; "
              "UPDATE audit SET id = 11 WHERE id = -1");
  verify_problems (fx, "entry 10");
}

static void
test_deleted_record (ZcFixture *fx, gconstpointer data)
{
  campaign_with_data (fx);
  tamper (fx, "PRAGMA foreign_keys = OFF; DELETE FROM cause");
  verify_problems (fx, "missing from the database");
}

static void
test_inserted_record (ZcFixture *fx, gconstpointer data)
{
  campaign_with_data (fx);
  tamper (fx, "INSERT INTO merit (uuid, created, updated, unit_id, kind, date, text) VALUES "
              "('forged', 'x', 'x', 1, 'award', '2026-03-01', '伪造的表彰')");
  verify_problems (fx, "not in the audit log");
}

static void
test_refused_change_leaves_no_entry (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 before;
  g_autoptr(ZcItem) item = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-06-30");
  g_autoptr(ZcProgress) p = NULL;

  before = zc_store_query_int (fx->store, 0, "SELECT count(*) FROM audit", NULL);
  p = zc_store_report_progress (fx->store, fx->sj_emp, item, -5, "倒退", NULL, &error);
  g_assert_null (p);
  g_assert_cmpint (zc_store_query_int (fx->store, 0, "SELECT count(*) FROM audit", NULL), ==, before);
  g_assert_cmpuint (verify_problems (fx, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define FX(path, fn) g_test_add (path, ZcFixture, NULL, zc_fixture_setup, fn, zc_fixture_teardown)
  FX ("/audit/every-change-logged", test_every_change_logged);
  FX ("/audit/edited-record", test_edited_record);
  FX ("/audit/state-edited", test_state_edited);
  FX ("/audit/edited-entry", test_edited_entry);
  FX ("/audit/deleted-entry", test_deleted_entry);
  FX ("/audit/deleted-last-entry", test_deleted_last_entry);
  FX ("/audit/reordered-entries", test_reordered_entries);
  FX ("/audit/deleted-record", test_deleted_record);
  FX ("/audit/inserted-record", test_inserted_record);
  FX ("/audit/refused-change", test_refused_change_leaves_no_entry);
  return g_test_run ();
}
