/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "zc-limits.h"
#include "zc-test-util.h"

static char *
tmp_db (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zicha-store-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
test_open_creates_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_db ("a.db");
  g_autoptr(ZcStore) store = zc_store_open (path, &error);
  g_autofree char *mode = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (zc_store_query_int (store, 0, "PRAGMA user_version", NULL), ==,
                   zc_schema_n_migrations);
  g_assert_cmpint (zc_store_query_int (store, 0, "PRAGMA application_id", NULL), ==, 0x5a494348);
  g_assert_cmpint (zc_store_query_int (store, 0, "PRAGMA foreign_keys", NULL), ==, 1);
  mode = zc_store_query_text (store, "PRAGMA journal_mode", NULL);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_false (zc_store_has_campaign (store));
}

static void
test_newer_version_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_db ("newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;
  ZcStore *store;

  store = zc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_exec (store, "PRAGMA user_version = 99", &error));
  g_object_unref (store);

  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));
  store = zc_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_foreign_file_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_db ("foreign.db");
  g_autofree char *text = tmp_db ("notes.txt");
  sqlite3 *db;
  ZcStore *store;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = zc_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "this is not a database at all, just words\n", -1, NULL));
  store = zc_store_open (text, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
}

static void
test_upgrade_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_db ("v1.db");
  g_autoptr(ZcCampaign) c = NULL;
  ZcStore *store;

  /* A database made by the first schema version, with data in it. */
  store = zc_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_store_query_int (store, 0, "PRAGMA user_version", NULL), ==, 1);
  c = zc_store_init_campaign (store, "旧版本的活动", "2026-01-05", &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_run (store, &error,
                               "INSERT INTO unit (uuid, created, updated, code, name) VALUES "
                               "('u1', 'x', 'x', 'U1', '办公室')", NULL));
  g_assert_true (zc_store_run (store, &error,
                               "INSERT INTO finding (uuid, created, updated, unit_id, phenomenon) "
                               "VALUES ('f1', 'x', 'x', 1, '会议多、文件多，落实少')", NULL));
  g_object_unref (store);

  store = zc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_store_query_int (store, 0, "PRAGMA user_version", NULL), ==,
                   zc_schema_n_migrations);
  /* The data survived and the new index covers it. */
  g_assert_cmpint (zc_store_query_int (store, 0, "SELECT count(*) FROM finding_fts WHERE "
                                                 "finding_fts MATCH '落实少'", NULL), ==, 1);
  g_clear_object (&c);
  c = zc_store_get_campaign (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_campaign_get_title (c), ==, "旧版本的活动");
  g_object_unref (store);
}

static gpointer
open_in_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  ZcStore *store = zc_store_open (data, &error);

  g_assert_no_error (error);
  return store;
}

/* Several connections opening an old file at once (the window and its counting thread,
 * zicha-cli beside the window): one upgrades it, the others find it upgraded. */
static void
test_upgrade_at_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_db ("at-once.db");
  GThread *threads[6];
  ZcStore *store;

  for (guint round = 0; round < 4; round++)
    {
      zc_store_remove_files (path);
      store = zc_store_open_at_version (path, 1, &error);
      g_assert_no_error (error);
      g_object_unref (store);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("open", open_in_thread, path);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          store = g_thread_join (threads[i]);
          g_assert_nonnull (store);
          g_assert_cmpint (zc_store_query_int (store, 0, "PRAGMA user_version", NULL), ==,
                           zc_schema_n_migrations);
          g_object_unref (store);
        }
    }
}

/* Rows of @table's full-text index (its segments and its per-row sizes change with every
 * row indexed or removed). */
static gint64
fts_changes (ZcStore    *store,
             const char *fts)
{
  g_autofree char *sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %s_data) * 1000000 + "
                                          "(SELECT coalesce (sum (id), 0) FROM %s_data)",
                                          fts, fts);

  return zc_store_query_int (store, -1, sql, NULL);
}

static void
test_upgrade_from_v2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_db ("v2.db");
  ZcStore *store;
  gint64 before;

  /* A database of version 2, whose index triggers fire on any update of a text column. */
  store = zc_store_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_run (store, &error,
                               "INSERT INTO unit (uuid, created, updated, code, name) VALUES "
                               "('u1', 'x', 'x', 'U1', '办公室')", NULL));
  g_assert_true (zc_store_run (store, &error,
                               "INSERT INTO finding (uuid, created, updated, unit_id, phenomenon) "
                               "VALUES ('f1', 'x', 'x', 1, '会议多、文件多，落实少')", NULL));
  g_assert_true (zc_store_run (store, &error,
                               "INSERT INTO problem (uuid, created, updated, unit_id, title) "
                               "VALUES ('p1', 'x', 'x', 1, '落实少')", NULL));
  g_assert_true (zc_store_run (store, &error,
                               "INSERT INTO item (uuid, created, updated, problem_id, unit_id, "
                               "measure) VALUES ('i1', 'x', 'x', 1, 1, '建立台账，逐项销号')",
                               NULL));
  before = fts_changes (store, "item_fts");
  g_assert_true (zc_store_run (store, &error, "UPDATE item SET measure = measure", NULL));
  g_assert_cmpint (fts_changes (store, "item_fts"), !=, before);
  g_object_unref (store);

  store = zc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_store_query_int (store, 0, "PRAGMA user_version", NULL), ==,
                   zc_schema_n_migrations);
  /* A text set to what it was leaves the indexes alone… */
  before = fts_changes (store, "item_fts");
  g_assert_true (zc_store_run (store, &error, "UPDATE item SET measure = measure, "
                               "progress_text = progress_text, state = 'in_progress'", NULL));
  g_assert_cmpint (fts_changes (store, "item_fts"), ==, before);
  before = fts_changes (store, "finding_fts");
  g_assert_true (zc_store_run (store, &error, "UPDATE finding SET phenomenon = phenomenon, "
                               "gap = NULL, position = 2", NULL));
  g_assert_cmpint (fts_changes (store, "finding_fts"), ==, before);
  /* …and a changed text is indexed anew, the old one forgotten. */
  g_assert_true (zc_store_run (store, &error, "UPDATE item SET progress_text = '已建立整改台账'",
                               NULL));
  g_assert_true (zc_store_run (store, &error, "UPDATE finding SET phenomenon = '文件多，调研少'",
                               NULL));
  g_assert_cmpint (zc_store_query_int (store, 0, "SELECT count(*) FROM item_fts WHERE "
                                                 "item_fts MATCH '整改台账'", NULL), ==, 1);
  g_assert_cmpint (zc_store_query_int (store, 0, "SELECT count(*) FROM item_fts WHERE "
                                                 "item_fts MATCH '逐项销号'", NULL), ==, 1);
  g_assert_cmpint (zc_store_query_int (store, 0, "SELECT count(*) FROM finding_fts WHERE "
                                                 "finding_fts MATCH '调研少'", NULL), ==, 1);
  g_assert_cmpint (zc_store_query_int (store, 0, "SELECT count(*) FROM finding_fts WHERE "
                                                 "finding_fts MATCH '落实少'", NULL), ==, 0);
  g_assert_true (zc_store_exec (store, "INSERT INTO finding_fts (finding_fts) "
                                       "VALUES ('integrity-check')", &error));
  g_assert_true (zc_store_exec (store, "INSERT INTO item_fts (item_fts) "
                                       "VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  g_object_unref (store);
}

static void
test_failed_migration_rolls_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_db ("broken.db");
  ZcStore *store;

  store = zc_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  /* Something in the way of migration 2: a table with the name it creates. */
  g_assert_true (zc_store_exec (store, "CREATE TABLE item_fts (x)", &error));
  g_object_unref (store);

  store = zc_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);

  store = zc_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_store_query_int (store, 0, "PRAGMA user_version", NULL), ==, 1);
  /* Nothing of migration 2 stayed behind. */
  g_assert_cmpint (zc_store_query_int (store, 0, "SELECT count(*) FROM sqlite_master WHERE name = "
                                                 "'finding_fts'", NULL), ==, 0);
  g_object_unref (store);
}

static void
test_campaign_init (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCampaign) again = NULL;
  g_autoptr(ZcCampaign) c = NULL;
  g_autoptr(GListModel) cats = NULL;
  g_autoptr(ZcListEntry) e = NULL;

  again = zc_store_init_campaign (fx->store, "第二个活动", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);

  c = zc_store_get_campaign (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_campaign_get_phase (c), ==, ZC_PHASE_MOBILIZATION);
  g_assert_cmpint (zc_campaign_get_warning_days (c), ==, 7);
  g_assert_nonnull (zc_record_get_uuid (ZC_RECORD (c)));

  cats = zc_store_list_entries (fx->store, ZC_LIST_KIND_CATEGORY);
  g_assert_cmpuint (g_list_model_get_n_items (cats), ==, 9);
  /* Found by the official Chinese term in any locale. */
  e = zc_store_find_entry (fx->store, ZC_LIST_KIND_CATEGORY, "廉洁自律");
  g_assert_nonnull (e);
  g_assert_cmpstr (zc_list_entry_get_code (e), ==, "integrity");
  g_assert_nonnull (zc_list_entry_get_display_label (e));
}

static void
test_validation_names_field_and_limit (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) longtext = g_string_new (NULL);
  g_autoptr(ZcForm) form = NULL;
  g_autoptr(ZcFinding) f = zc_finding_new ();
  g_autofree char *limit = g_strdup_printf ("%d", ZC_LIMIT_PHENOMENON);

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  form = zc_store_ensure_own_form (fx->store, fx->sj_emp, &error);
  g_assert_no_error (error);
  for (int i = 0; i < ZC_LIMIT_PHENOMENON + 1; i++)
    g_string_append (longtext, "拖");
  zc_finding_set_form_id (f, zc_record_get_id (ZC_RECORD (form)));
  zc_finding_set_phenomenon (f, longtext->str);
  g_assert_false (zc_store_save_finding (fx->store, fx->sj_emp, f, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, limit));
  g_assert_cmpint (zc_store_query_int (fx->store, 0, "SELECT count(*) FROM finding", NULL), ==, 0);
  g_clear_error (&error);

  /* Invalid UTF-8 is named too. */
  zc_finding_set_phenomenon (f, "\xff\xfe bad");
  g_assert_false (zc_store_save_finding (fx->store, fx->sj_emp, f, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_stale_revision_conflict (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFinding) f = NULL;
  g_autoptr(ZcFinding) copy = NULL;

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  f = zc_fixture_finding (fx, fx->sj_emp, "开会多，落实少");
  copy = ZC_FINDING (zc_record_copy (ZC_RECORD (f)));

  zc_finding_set_gap (f, "第一次修改");
  g_assert_true (zc_store_save_finding (fx->store, fx->sj_emp, f, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_record_get_revision (ZC_RECORD (f)), ==, 2);

  zc_finding_set_gap (copy, "过时的修改");
  g_assert_false (zc_store_save_finding (fx->store, fx->sj_emp, copy, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_CONFLICT);
}

static void
test_units_import_refuses_bad_rows (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcImportReport) report = NULL;
  g_autofree char *path = zc_fixture_write (fx, "bad-units.csv",
                                            "code,name,parent_code,kind,focus\n"
                                            "JZ,基层政权处,BUR,division,0\n"
                                            "QH,区划地名处,NOPE,division,0\n"
                                            "XX,,BUR,division,0\n"
                                            "YY,测试,BUR,castle,0\n");
  gint64 before = zc_store_query_int (fx->store, 0, "SELECT count(*) FROM unit", NULL);

  g_assert_false (zc_store_import_units_csv (fx->store, fx->inspector, path, &report, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "row 3"));
  g_assert_cmpuint (report->errors->len, ==, 3);
  g_assert_cmpuint (((ZcImportIssue *) report->errors->pdata[0])->row, ==, 3);
  g_assert_cmpint (zc_store_query_int (fx->store, 0, "SELECT count(*) FROM unit", NULL), ==, before);
}

static void
test_people_import_needs_inspector (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = zc_fixture_write (fx, "more.csv",
                                            "staff_code,name,unit_code,post,roles,focus_post\n"
                                            "SJ09,孙丽,SJ,科员,employee,0\n");

  /* Once people exist, set-up needs an inspector. */
  g_assert_false (zc_store_import_people_csv (fx->store, NULL, path, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (zc_store_import_people_csv (fx->store, fx->sj_lead, path, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (zc_store_import_people_csv (fx->store, fx->inspector, path, NULL, &error));
  g_assert_no_error (error);
}

static void
test_units_tree_and_people (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GListModel) units = zc_store_list_units (fx->store);
  g_autoptr(ZcUnit) first = g_list_model_get_item (units, 0);
  g_autoptr(ZcUnit) sj = zc_store_get_unit (fx->store, fx->sj, NULL);
  g_autoptr(GListModel) found = zc_store_list_people (fx->store, 0, "李", 0);
  g_autoptr(GArray) in_charge = zc_store_units_in_charge (fx->store,
                                                          zc_record_get_id (ZC_RECORD (fx->leader)));

  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 5);
  g_assert_cmpstr (zc_unit_get_code (first), ==, "BUR");
  g_assert_true (zc_unit_get_focus (sj));
  g_assert_cmpstr (zc_unit_get_leader_name (sj), ==, "王建国");
  g_assert_cmpint (zc_unit_get_people_count (sj), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_assert_cmpuint (in_charge->len, ==, 2);
  g_assert_cmpstr (zc_person_get_in_charge (fx->leader), ==, "SJ;CK");
  g_assert_true (zc_person_get_roles (fx->sj_lead) & ZC_ROLE_LEAD);
  g_assert_true (zc_person_get_focus_post (fx->ck_emp));
}

static gint64
unit_at (GArray *ids,
         guint   i)
{
  return g_array_index (ids, gint64, i);
}

static void
test_units_looked_after (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GArray) leader = zc_store_units_looked_after (fx->store, fx->leader);
  g_autoptr(GArray) lead = zc_store_units_looked_after (fx->store, fx->sj_lead);
  g_autoptr(GArray) employee = zc_store_units_looked_after (fx->store, fx->sj_emp);
  g_autoptr(GArray) inspector = zc_store_units_looked_after (fx->store, fx->inspector);
  g_autoptr(ZcUnit) ck = zc_store_get_unit_by_code (fx->store, "CK", NULL);

  /* The leader in charge of SJ and CK, who leads no unit: those two, in tree order. */
  g_assert_cmpuint (leader->len, ==, 2);
  g_assert_cmpint (unit_at (leader, 0), ==, fx->sj);
  g_assert_cmpint (unit_at (leader, 1), ==, zc_record_get_id (ZC_RECORD (ck)));
  /* A lead: the own unit alone. */
  g_assert_cmpuint (lead->len, ==, 1);
  g_assert_cmpint (unit_at (lead, 0), ==, fx->sj);
  /* An employee, and an inspector who leads no unit: none (the inspector follows every unit
   * on the dashboard, not as a reviewer). */
  g_assert_cmpuint (employee->len, ==, 0);
  g_assert_cmpuint (inspector->len, ==, 0);
}

static void
test_sign_in (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) p = NULL;
  g_autofree char *hash = NULL;

  p = zc_store_sign_in (fx->store, "SJ02", "whatever", &error);
  g_assert_null (p);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_AUTH);
  g_clear_error (&error);

  g_assert_false (zc_store_set_passphrase (fx->store, fx->sj_emp, NULL, "short", &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (zc_store_set_passphrase (fx->store, fx->sj_emp, NULL, "作风建设2026", &error));
  g_assert_no_error (error);

  hash = zc_store_query_text (fx->store, "SELECT pass_hash FROM person WHERE staff_code = 'SJ02'",
                              NULL);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "作风建设2026"));

  p = zc_store_sign_in (fx->store, "SJ02", "wrong passphrase", &error);
  g_assert_null (p);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_AUTH);
  g_clear_error (&error);
  /* The same words for an unknown person: nothing is revealed. */
  {
    g_autoptr(GError) e2 = NULL;
    g_autoptr(ZcPerson) nobody = zc_store_sign_in (fx->store, "NOBODY", "wrong passphrase", &e2);
    g_autoptr(GError) e3 = NULL;
    g_autoptr(ZcPerson) wrong = zc_store_sign_in (fx->store, "SJ02", "wrong passphrase", &e3);
    g_assert_cmpstr (e2->message, ==, e3->message);
  }

  p = zc_store_sign_in (fx->store, "SJ02", "作风建设2026", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_person_get_name (p), ==, "张伟");
  g_assert_true (zc_person_get_has_passphrase (p));

  /* Changing needs the current passphrase. */
  g_assert_false (zc_store_set_passphrase (fx->store, p, "nope nope", "新的口令2026", &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_true (zc_store_set_passphrase (fx->store, p, "作风建设2026", "新的口令2026", &error));
  g_assert_no_error (error);
  zc_assert_verified (fx->store);
}

static void
test_wrong_passphrase_is_slowed (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_true (zc_store_set_passphrase (fx->store, fx->sj_emp, NULL, "作风建设2026", &error));
  zc_store_set_auth_delay (fx->store, 0.2);
  start = g_get_monotonic_time ();
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GError) e = NULL;
      g_autoptr(ZcPerson) p = zc_store_sign_in (fx->store, "SJ02", "wrong passphrase", &e);
      g_assert_null (p);
    }
  /* 0.5 s and 1 s, scaled by 0.2: at least 0.3 s in all. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300000);
}

static void
test_json_round_trip (ZcFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFinding) f = NULL;
  g_autoptr(ZcFinding) g = zc_finding_new ();
  g_autoptr(JsonObject) obj = NULL;
  g_autoptr(JsonObject) diff = NULL;

  zc_fixture_phase (fx, ZC_PHASE_INSPECTION);
  f = zc_fixture_finding (fx, fx->sj_emp, "办事拖拉，时限意识不强");
  obj = zc_record_to_json (ZC_RECORD (f));
  g_assert_cmpstr (json_object_get_string_member (obj, "term_type"), ==, "immediate");
  g_assert_true (zc_record_update_from_json (ZC_RECORD (g), obj, &error));
  g_assert_no_error (error);
  diff = zc_record_diff (ZC_RECORD (f), ZC_RECORD (g));
  g_assert_cmpuint (json_object_get_size (diff), ==, 0);
}

static void
test_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_db ("all.db");
  g_autoptr(ZcStore) store = zc_store_open (path, &error);
  g_autofree char *kept = NULL;

  g_assert_no_error (error);
  /* Nested writes without savepoints: one that fails dooms the whole transaction. */
  g_assert_true (zc_store_begin (store, &error));
  zc_store_set_all_or_nothing (store);
  g_assert_true (zc_store_begin (store, &error));
  g_assert_true (zc_store_run (store, &error, "INSERT INTO meta VALUES ('a', '1')", NULL));
  g_assert_true (zc_store_commit (store, &error));
  g_assert_true (zc_store_begin (store, &error));
  g_assert_true (zc_store_run (store, &error, "INSERT INTO meta VALUES ('b', '2')", NULL));
  zc_store_rollback (store);
  g_assert_false (zc_store_commit (store, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (zc_store_query_int (store, -1, "SELECT count(*) FROM meta WHERE key IN "
                                                  "('a', 'b')", NULL), ==, 0);

  /* The next transaction has its savepoints again. */
  g_assert_true (zc_store_begin (store, &error));
  g_assert_true (zc_store_run (store, &error, "INSERT INTO meta VALUES ('c', '3')", NULL));
  g_assert_true (zc_store_begin (store, &error));
  g_assert_true (zc_store_run (store, &error, "INSERT INTO meta VALUES ('d', '4')", NULL));
  zc_store_rollback (store);
  g_assert_true (zc_store_commit (store, &error));
  g_assert_no_error (error);
  kept = zc_store_query_text (store, "SELECT group_concat (key) FROM meta WHERE key IN "
                                     "('a', 'b', 'c', 'd')", NULL);
  g_assert_cmpstr (kept, ==, "c");
}

/* The audit entry's JSON, written without json-glib, is the text json-glib writes. */
static void
test_diff_json_as_json_glib (void)
{
  g_autoptr(ZcItem) a = zc_item_new ();
  g_autoptr(ZcItem) b = zc_item_new ();
  const char *texts[] = { NULL, "", "整改\"措施\"\\一\n二\t三\r\b\f", "\x01\x1f\x7f end",
                          "plain", "／半角与全角／" };
  const gint64 ids[] = { 0, 1, -1, G_MAXINT64, G_MININT64 + 1, 1234567890123 };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonObject) diff = NULL;
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *expected = NULL;
      g_autofree char *written = NULL;
      guint n = 0;

      zc_item_set_measure (b, texts[i]);
      zc_item_set_progress_text (b, texts[(i + 2) % G_N_ELEMENTS (texts)]);
      zc_item_set_leader_id (b, ids[i]);
      zc_item_set_progress (b, (int) (ids[(i + 1) % G_N_ELEMENTS (ids)] % 1000));
      zc_item_set_number (b, G_MININT + (int) i);
      zc_item_set_state (b, i % 4);

      diff = zc_record_diff (i % 2 ? ZC_RECORD (a) : NULL, ZC_RECORD (b));
      json_node_set_object (node, diff);
      expected = json_to_string (node, FALSE);
      written = zc_record_diff_json (i % 2 ? ZC_RECORD (a) : NULL, ZC_RECORD (b), &n);
      g_assert_cmpstr (written, ==, expected);
      g_assert_cmpuint (n, ==, json_object_get_size (diff));
      g_clear_object (&a);
      a = g_steal_pointer (&b);
      b = ZC_ITEM (zc_record_copy (ZC_RECORD (a)));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/open", test_open_creates_schema);
  g_test_add_func ("/store/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/store/foreign-file-refused", test_foreign_file_refused);
  g_test_add_func ("/store/upgrade-from-v1", test_upgrade_from_v1);
  g_test_add_func ("/store/upgrade-from-v2", test_upgrade_from_v2);
  g_test_add_func ("/store/upgrade-at-once", test_upgrade_at_once);
  g_test_add_func ("/store/diff-json-as-json-glib", test_diff_json_as_json_glib);
  g_test_add_func ("/store/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/store/failed-migration-rolls-back", test_failed_migration_rolls_back);
#define FX(path, fn) g_test_add (path, ZcFixture, NULL, zc_fixture_setup, fn, zc_fixture_teardown)
  FX ("/store/campaign-init", test_campaign_init);
  FX ("/store/validation", test_validation_names_field_and_limit);
  FX ("/store/stale-revision", test_stale_revision_conflict);
  FX ("/store/units-import-bad-rows", test_units_import_refuses_bad_rows);
  FX ("/store/people-import-needs-inspector", test_people_import_needs_inspector);
  FX ("/store/units-tree-and-people", test_units_tree_and_people);
  FX ("/store/units-looked-after", test_units_looked_after);
  FX ("/store/sign-in", test_sign_in);
  FX ("/store/wrong-passphrase-slowed", test_wrong_passphrase_is_slowed);
  FX ("/store/json-round-trip", test_json_round_trip);
  return g_test_run ();
}
