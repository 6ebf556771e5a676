/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "zc-csv.h"
#include "zc-limits.h"
#include "zc-store-private.h"

#define UNIT_SELECT \
  "SELECT u.*, pu.code AS parent_code, l.name AS leader_name, " \
  "(SELECT count(*) FROM person WHERE unit_id = u.id) AS people_count " \
  "FROM unit u LEFT JOIN unit pu ON pu.id = u.parent_id LEFT JOIN person l ON l.id = u.leader_id "

#define PERSON_SELECT \
  "SELECT p.*, p.pass_hash IS NOT NULL AS has_passphrase, u.name AS unit_name, " \
  "u.code AS unit_code, " \
  "(SELECT group_concat(code, ';') FROM unit WHERE leader_id = p.id) AS in_charge " \
  "FROM person p JOIN unit u ON u.id = p.unit_id "

/* ---- reading ------------------------------------------------------------------------- */

ZcUnit *
zc_store_get_unit (ZcStore  *self,
                   gint64    id,
                   GError  **error)
{
  ZcUnit *unit;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  unit = zc_store_query_one (self, ZC_TYPE_UNIT, NULL, UNIT_SELECT "WHERE u.id = ?", "i", id);
  if (unit == NULL)
    g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                 _("There is no unit with id %" PRId64), id);
  return unit;
}

ZcUnit *
zc_store_get_unit_by_code (ZcStore     *self,
                           const char  *code,
                           GError     **error)
{
  ZcUnit *unit;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  unit = zc_store_query_one (self, ZC_TYPE_UNIT, NULL, UNIT_SELECT "WHERE u.code = ?", "s",
                             code);
  if (unit == NULL)
    g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("There is no unit with code ‘%s’"),
                 code ? code : "");
  return unit;
}

GListModel *
zc_store_list_units (ZcStore *self)
{
  g_autoptr(GError) error = NULL;
  GListStore *list;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  list = zc_store_query (self, ZC_TYPE_UNIT, &error,
                         "WITH RECURSIVE tree (id, path) AS ("
                         "  SELECT id, printf ('%06d', position) || code FROM unit "
                         "  WHERE parent_id IS NULL "
                         "  UNION ALL "
                         "  SELECT c.id, tree.path || '/' || printf ('%06d', c.position) || "
                         "  c.code FROM unit c JOIN tree ON c.parent_id = tree.id) "
                         "SELECT u.*, pu.code AS parent_code, l.name AS leader_name, "
                         "(SELECT count(*) FROM person WHERE unit_id = u.id) AS people_count "
                         "FROM tree JOIN unit u ON u.id = tree.id "
                         "LEFT JOIN unit pu ON pu.id = u.parent_id "
                         "LEFT JOIN person l ON l.id = u.leader_id ORDER BY tree.path",
                         NULL);
  if (list == NULL)
    {
      g_warning ("Listing units: %s", error->message);
      return G_LIST_MODEL (g_list_store_new (ZC_TYPE_UNIT));
    }
  return G_LIST_MODEL (list);
}

ZcPerson *
zc_store_get_person (ZcStore  *self,
                     gint64    id,
                     GError  **error)
{
  ZcPerson *person;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  person = zc_store_query_one (self, ZC_TYPE_PERSON, NULL, PERSON_SELECT "WHERE p.id = ?", "i",
                               id);
  if (person == NULL)
    g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                 _("There is no person with id %" PRId64), id);
  return person;
}

ZcPerson *
zc_store_get_person_by_code (ZcStore     *self,
                             const char  *staff_code,
                             GError     **error)
{
  ZcPerson *person;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  person = zc_store_query_one (self, ZC_TYPE_PERSON, NULL, PERSON_SELECT "WHERE p.staff_code = ?",
                               "s", staff_code);
  if (person == NULL)
    g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                 _("There is no person with staff code ‘%s’"), staff_code ? staff_code : "");
  return person;
}

GListModel *
zc_store_list_people (ZcStore     *self,
                      gint64       unit_id,
                      const char  *search,
                      guint        limit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = NULL;
  GListStore *list;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (search && *search)
    pattern = g_strdup (search);
  list = zc_store_query (self, ZC_TYPE_PERSON, &error,
                         PERSON_SELECT
                         "WHERE (?1 = 0 OR p.unit_id = ?1) AND (?2 IS NULL OR "
                         "instr (p.name, ?2) > 0 OR instr (p.staff_code, ?2) > 0 OR "
                         "instr (u.name, ?2) > 0) ORDER BY u.position, u.id, "
                         "(p.roles & 2) = 0, p.staff_code LIMIT ?3",
                         "isi", unit_id, pattern, limit ? (gint64) limit : (gint64) -1);
  if (list == NULL)
    {
      g_warning ("Listing people: %s", error->message);
      return G_LIST_MODEL (g_list_store_new (ZC_TYPE_PERSON));
    }
  return G_LIST_MODEL (list);
}

GArray *
zc_store_units_in_charge (ZcStore *self,
                          gint64   person_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = zc_store_stmt (self, "SELECT id FROM unit WHERE leader_id = ? ORDER BY "
                                            "position, id", NULL);

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

GArray *
zc_store_units_looked_after (ZcStore  *self,
                             ZcPerson *person)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean lead;

  g_return_val_if_fail (ZC_IS_STORE (self), ids);
  g_return_val_if_fail (ZC_IS_PERSON (person), ids);

  lead = (zc_person_get_roles (person) & ZC_ROLE_LEAD) != 0;
  stmt = zc_store_stmt (self, "SELECT id FROM unit WHERE (?1 AND id = ?2) OR leader_id = ?3 "
                              "ORDER BY id != ?2, position, id", NULL);
  if (stmt == NULL)
    return ids;
  sqlite3_bind_int (stmt, 1, lead);
  sqlite3_bind_int64 (stmt, 2, zc_person_get_unit_id (person));
  sqlite3_bind_int64 (stmt, 3, zc_record_get_id (ZC_RECORD (person)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

/* ---- validation ------------------------------------------------------------------------ */

static gboolean
validate_unit (ZcStore  *self,
               ZcUnit   *unit,
               GError  **error)
{
  if (!zc_validate_text (unit->code, _("Unit code"), ZC_LIMIT_CODE, TRUE, error) ||
      !zc_validate_text (unit->name, _("Unit name"), ZC_LIMIT_NAME, TRUE, error))
    return FALSE;
  if (unit->parent_id)
    {
      gint64 p = unit->parent_id;
      guint guard = 0;

      /* Walk up: the unit may not become its own ancestor. */
      while (p && guard++ < 1000)
        {
          if (p == zc_record_get_id (ZC_RECORD (unit)))
            {
              g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                           _("Parent unit: %s cannot be placed under itself"), unit->name);
              return FALSE;
            }
          p = zc_store_query_int (self, 0, "SELECT parent_id FROM unit WHERE id = ?", "i", p);
        }
    }
  return TRUE;
}

static gboolean
validate_person (ZcStore   *self,
                 ZcPerson  *person,
                 GError   **error)
{
  if (!zc_validate_text (person->staff_code, _("Staff code"), ZC_LIMIT_CODE, TRUE, error) ||
      !zc_validate_text (person->name, _("Name"), ZC_LIMIT_NAME, TRUE, error) ||
      !zc_validate_text (person->post, _("Post"), ZC_LIMIT_NAME, FALSE, error))
    return FALSE;
  if (person->unit_id == 0 ||
      zc_store_query_int (self, 0, "SELECT count(*) FROM unit WHERE id = ?", "i",
                          person->unit_id) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, _("Unit: %s belongs to no unit"),
                   person->name);
      return FALSE;
    }
  if (person->roles == 0)
    person->roles = ZC_ROLE_EMPLOYEE;
  return TRUE;
}

/* Who may set up units and people: an inspector, or anybody on a campaign without people
 * (the first inspector sets things up). */
static gboolean
require_setup (ZcStore   *self,
               ZcPerson  *actor,
               GError   **error)
{
  if (actor == NULL && zc_store_count_people (self) == 0)
    return TRUE;
  return zc_policy_require_inspector (actor, _("set up units and people"), error);
}

gboolean
zc_store_save_unit (ZcStore   *self,
                    ZcPerson  *actor,
                    ZcUnit    *unit,
                    GError   **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_UNIT (unit), FALSE);

  if (!require_setup (self, actor, error) || !validate_unit (self, unit, error))
    return FALSE;
  if (!zc_store_write_save (self, actor, ZC_RECORD (unit), "create_unit", "update_unit",
                            error))
    {
      if (g_error_matches (*error, ZC_ERROR, ZC_ERROR_CONFLICT) &&
          zc_store_query_int (self, 0, "SELECT count(*) FROM unit WHERE code = ? AND id <> ?",
                              "si", unit->code, zc_record_get_id (ZC_RECORD (unit))) > 0)
        {
          g_clear_error (error);
          g_set_error (error, ZC_ERROR, ZC_ERROR_CONFLICT,
                       _("Unit code: ‘%s’ is already used by another unit"), unit->code);
        }
      return FALSE;
    }
  return TRUE;
}

gboolean
zc_store_save_person (ZcStore   *self,
                      ZcPerson  *actor,
                      ZcPerson  *person,
                      GError   **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_PERSON (person), FALSE);

  if (!require_setup (self, actor, error) || !validate_person (self, person, error))
    return FALSE;
  /* The signing key is not edited with the person: only a passphrase, a pin or a
   * re-enrolment changes it (zc-exchange.c), and a copy read before it changed must not
   * clear it. */
  if (zc_record_get_id (ZC_RECORD (person)) != 0)
    {
      g_autofree char *pubkey = zc_store_query_text (self, "SELECT pubkey FROM person WHERE "
                                                           "id = ?", "i",
                                                     zc_record_get_id (ZC_RECORD (person)));
      zc_person_set_pubkey (person, pubkey);
    }
  if (!zc_store_write_save (self, actor, ZC_RECORD (person), "create_person", "update_person",
                            error))
    {
      if (g_error_matches (*error, ZC_ERROR, ZC_ERROR_CONFLICT) &&
          zc_store_query_int (self, 0, "SELECT count(*) FROM person WHERE staff_code = ? AND "
                                       "id <> ?", "si", person->staff_code,
                              zc_record_get_id (ZC_RECORD (person))) > 0)
        {
          g_clear_error (error);
          g_set_error (error, ZC_ERROR, ZC_ERROR_CONFLICT,
                       _("Staff code: ‘%s’ is already used by another person"),
                       person->staff_code);
        }
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_leader (ZcStore   *self,
            ZcPerson  *actor,
            gint64     unit_id,
            gint64     leader_id,
            GError   **error)
{
  g_autoptr(ZcUnit) unit = zc_store_load (self, ZC_TYPE_UNIT, unit_id, error);

  if (unit == NULL)
    return FALSE;
  zc_unit_set_leader_id (unit, leader_id);
  return zc_store_update_record (self, actor, ZC_RECORD (unit), "set_leader", 0, error);
}

gboolean
zc_store_set_units_in_charge (ZcStore       *self,
                              ZcPerson      *actor,
                              ZcPerson      *leader,
                              const gint64  *unit_ids,
                              guint          n_units,
                              GError       **error)
{
  g_autoptr(GArray) current = NULL;
  gint64 leader_id;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_PERSON (leader), FALSE);

  if (!require_setup (self, actor, error))
    return FALSE;
  if (n_units > 0 && !zc_person_is (leader, ZC_ROLE_LEADER))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Units in charge: %s is not a leader in charge"), leader->name);
      return FALSE;
    }
  leader_id = zc_record_get_id (ZC_RECORD (leader));
  current = zc_store_units_in_charge (self, leader_id);

  if (!zc_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < current->len; i++)
    {
      gint64 id = g_array_index (current, gint64, i);
      gboolean keep = FALSE;

      for (guint j = 0; j < n_units; j++)
        keep |= unit_ids[j] == id;
      if (!keep && !set_leader (self, actor, id, 0, error))
        goto fail;
    }
  for (guint j = 0; j < n_units; j++)
    if (!set_leader (self, actor, unit_ids[j], leader_id, error))
      goto fail;
  return zc_store_commit (self, error);

fail:
  zc_store_rollback (self);
  return FALSE;
}

/* ---- CSV import -------------------------------------------------------------------------- */

static gboolean
parse_flag (const char *text,
            gboolean   *value)
{
  if (text == NULL || *text == '\0' || g_str_equal (text, "0") ||
      g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "否"))
    {
      *value = FALSE;
      return TRUE;
    }
  if (g_str_equal (text, "1") || g_ascii_strcasecmp (text, "true") == 0 ||
      g_str_equal (text, "是"))
    {
      *value = TRUE;
      return TRUE;
    }
  return FALSE;
}

static int
require_column (ZcCsv          *csv,
                const char     *name,
                ZcImportReport *report)
{
  const char *names[] = { name, NULL };
  int col = zc_csv_column (csv, names);

  if (col < 0)
    g_ptr_array_add (report->errors,
                     zc_import_issue_new (1, _("The header has no column ‘%s’"), name));
  return col;
}

typedef struct
{
  guint     line;
  ZcUnit   *unit;
  char     *parent_code;
} UnitRow;

static void
unit_row_free (UnitRow *row)
{
  g_clear_object (&row->unit);
  g_free (row->parent_code);
  g_free (row);
}

/* Reads and checks a units file; rows come back in an order where parents precede children. */
static GPtrArray *
read_units (ZcStore         *self,
            const char      *path,
            ZcImportReport  *report,
            GError         **error)
{
  g_autoptr(ZcCsv) csv = zc_csv_parse_file (path, ZC_LIMIT_IMPORT_SIZE, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_row_free);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ordered;
  int c_code, c_name, c_parent, c_kind, c_focus;

  if (csv == NULL)
    return NULL;
  c_code = require_column (csv, "code", report);
  c_name = require_column (csv, "name", report);
  c_parent = require_column (csv, "parent_code", report);
  c_kind = require_column (csv, "kind", report);
  c_focus = require_column (csv, "focus", report);
  if (report->errors->len)
    return g_ptr_array_new ();

  for (guint i = 0; i < csv->rows->len; i++)
    {
      ZcCsvRow *r = g_ptr_array_index (csv->rows, i);
      g_autoptr(GError) local = NULL;
      UnitRow *row = g_new0 (UnitRow, 1);
      const char *code = zc_csv_cell (r, c_code);
      const char *kind = zc_csv_cell (r, c_kind);
      gboolean focus = FALSE;
      int kind_value = ZC_UNIT_KIND_DIVISION;

      row->line = r->line;
      row->unit = zc_store_query_one (self, ZC_TYPE_UNIT, NULL,
                                      "SELECT * FROM unit WHERE code = ?", "s", code);
      if (row->unit == NULL)
        row->unit = zc_unit_new ();
      zc_unit_set_code (row->unit, code);
      zc_unit_set_name (row->unit, zc_csv_cell (r, c_name));
      zc_unit_set_position (row->unit, i);
      row->parent_code = g_strdup (zc_csv_cell (r, c_parent));
      g_ptr_array_add (rows, row);

      report->rows++;
      if (!validate_unit (self, row->unit, &local))
        {
          g_ptr_array_add (report->errors, zc_import_issue_new (r->line, "%s", local->message));
          continue;
        }
      if (g_hash_table_contains (codes, code))
        {
          g_ptr_array_add (report->errors,
                           zc_import_issue_new (r->line, _("Unit code: ‘%s’ appears twice in "
                                                           "the file"), code));
          continue;
        }
      g_hash_table_insert (codes, (gpointer) row->unit->code, row);
      if (*kind && !zc_enum_from_string (ZC_TYPE_UNIT_KIND, kind, &kind_value))
        {
          g_ptr_array_add (report->errors,
                           zc_import_issue_new (r->line, _("Kind: ‘%s’ is not one of bureau, "
                                                           "division, subordinate, window"),
                                                kind));
          continue;
        }
      zc_unit_set_kind (row->unit, kind_value);
      if (!parse_flag (zc_csv_cell (r, c_focus), &focus))
        {
          g_ptr_array_add (report->errors,
                           zc_import_issue_new (r->line, _("Focus: ‘%s’ is not 0 or 1"),
                                                zc_csv_cell (r, c_focus)));
          continue;
        }
      zc_unit_set_focus (row->unit, focus);
    }

  /* Parents must exist (in the file or the campaign) and the tree must have no cycle. */
  for (guint i = 0; i < rows->len; i++)
    {
      UnitRow *row = g_ptr_array_index (rows, i);

      if (*row->parent_code == '\0')
        continue;
      if (!g_hash_table_contains (codes, row->parent_code) &&
          zc_store_query_int (self, 0, "SELECT count(*) FROM unit WHERE code = ?", "s",
                              row->parent_code) == 0)
        g_ptr_array_add (report->errors,
                         zc_import_issue_new (row->line, _("Parent unit: there is no unit with "
                                                           "code ‘%s’"), row->parent_code));
      else
        {
          const char *p = row->parent_code;
          guint guard = 0;

          while (p && *p && guard++ <= rows->len)
            {
              UnitRow *pr = g_hash_table_lookup (codes, p);

              if (pr == row)
                {
                  g_ptr_array_add (report->errors,
                                   zc_import_issue_new (row->line, _("Parent unit: ‘%s’ would "
                                                                     "be its own ancestor"),
                                                        row->unit->code));
                  break;
                }
              p = pr ? pr->parent_code : NULL;
            }
        }
    }

  /* Parents first: repeated passes over what is left (the file is small). */
  ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_row_free);
  if (report->errors->len == 0)
    {
      g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
      gboolean progress = TRUE;

      while (rows->len && progress)
        {
          progress = FALSE;
          for (guint i = 0; i < rows->len;)
            {
              UnitRow *row = g_ptr_array_index (rows, i);

              if (*row->parent_code == '\0' || g_hash_table_contains (placed, row->parent_code) ||
                  !g_hash_table_contains (codes, row->parent_code))
                {
                  g_hash_table_add (placed, row->unit->code);
                  g_ptr_array_add (ordered, g_ptr_array_steal_index (rows, i));
                  progress = TRUE;
                }
              else
                i++;
            }
        }
    }
  return ordered;
}

static int
issue_cmp (gconstpointer a,
           gconstpointer b)
{
  const ZcImportIssue *x = *(ZcImportIssue **) a;
  const ZcImportIssue *y = *(ZcImportIssue **) b;

  return (x->row > y->row) - (x->row < y->row);
}

static void
report_into_error (ZcImportReport  *report,
                   const char      *path,
                   GError         **error)
{
  g_autofree char *base = g_path_get_basename (path);
  ZcImportIssue *first;

  g_ptr_array_sort (report->errors, issue_cmp);
  first = g_ptr_array_index (report->errors, 0);

  if (report->errors->len == 1)
    g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, _("%s, row %u: %s; nothing was imported"),
                 base, first->row, first->message);
  else
    g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                 _("%s, row %u: %s (and %u more rows with problems); nothing was imported"),
                 base, first->row, first->message, report->errors->len - 1);
}

gboolean
zc_store_preview_units_csv (ZcStore          *self,
                            const char       *path,
                            ZcImportReport  **report,
                            GError          **error)
{
  g_autoptr(ZcImportReport) r = zc_import_report_new ();
  g_autoptr(GPtrArray) rows = read_units (self, path, r, error);

  if (rows == NULL)
    return FALSE;
  g_ptr_array_sort (r->errors, issue_cmp);
  if (report)
    *report = g_steal_pointer (&r);
  return TRUE;
}

gboolean
zc_store_import_units_csv (ZcStore          *self,
                           ZcPerson         *actor,
                           const char       *path,
                           ZcImportReport  **report,
                           GError          **error)
{
  g_autoptr(ZcImportReport) r = zc_import_report_new ();
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!require_setup (self, actor, error))
    return FALSE;
  if (!(rows = read_units (self, path, r, error)))
    return FALSE;
  if (r->errors->len)
    {
      report_into_error (r, path, error);
      if (report)
        *report = g_steal_pointer (&r);
      return FALSE;
    }

  if (!zc_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      UnitRow *row = g_ptr_array_index (rows, i);
      gboolean ok;

      row->unit->parent_id = *row->parent_code
        ? zc_store_query_int (self, 0, "SELECT id FROM unit WHERE code = ?", "s", row->parent_code)
        : 0;
      if (zc_record_get_id (ZC_RECORD (row->unit)) == 0)
        {
          ok = zc_store_insert_record (self, actor, ZC_RECORD (row->unit), "import_unit", 0, error);
          r->created++;
        }
      else
        {
          ok = zc_store_update_record (self, actor, ZC_RECORD (row->unit), "import_unit", 0,
                                       error);
          r->updated++;
        }
      if (!ok)
        {
          g_prefix_error (error, _("Row %u: "), row->line);
          zc_store_rollback (self);
          return FALSE;
        }
    }
  if (!zc_store_commit (self, error))
    return FALSE;
  if (report)
    *report = g_steal_pointer (&r);
  return TRUE;
}

typedef struct
{
  guint      line;
  ZcPerson  *person;
  char     **in_charge;
} PersonRow;

static void
person_row_free (PersonRow *row)
{
  g_clear_object (&row->person);
  g_strfreev (row->in_charge);
  g_free (row);
}

static GPtrArray *
read_people (ZcStore         *self,
             const char      *path,
             ZcImportReport  *report,
             GError         **error)
{
  g_autoptr(ZcCsv) csv = zc_csv_parse_file (path, ZC_LIMIT_IMPORT_SIZE, error);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rows;
  int c_code, c_name, c_unit, c_post, c_roles, c_focus, c_charge;
  const char *charge_names[] = { "in_charge", NULL };

  if (csv == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) person_row_free);
  c_code = require_column (csv, "staff_code", report);
  c_name = require_column (csv, "name", report);
  c_unit = require_column (csv, "unit_code", report);
  c_post = require_column (csv, "post", report);
  c_roles = require_column (csv, "roles", report);
  c_focus = require_column (csv, "focus_post", report);
  c_charge = zc_csv_column (csv, charge_names);
  if (report->errors->len)
    return rows;

  for (guint i = 0; i < csv->rows->len; i++)
    {
      ZcCsvRow *r = g_ptr_array_index (csv->rows, i);
      g_autoptr(GError) local = NULL;
      PersonRow *row = g_new0 (PersonRow, 1);
      const char *code = zc_csv_cell (r, c_code);
      const char *unit_code = zc_csv_cell (r, c_unit);
      const char *roles_text = zc_csv_cell (r, c_roles);
      gboolean focus = FALSE;
      ZcRole roles = ZC_ROLE_EMPLOYEE;

      row->line = r->line;
      g_ptr_array_add (rows, row);
      report->rows++;
      row->person = zc_store_query_one (self, ZC_TYPE_PERSON, NULL,
                                        "SELECT * FROM person WHERE staff_code = ?", "s", code);
      if (row->person == NULL)
        row->person = zc_person_new ();
      zc_person_set_staff_code (row->person, code);
      zc_person_set_name (row->person, zc_csv_cell (r, c_name));
      zc_person_set_post (row->person, zc_csv_cell (r, c_post));
      zc_person_set_unit_id (row->person,
                             zc_store_query_int (self, 0, "SELECT id FROM unit WHERE code = ?",
                                                 "s", unit_code));
      if (*unit_code && row->person->unit_id == 0)
        {
          g_ptr_array_add (report->errors,
                           zc_import_issue_new (r->line, _("Unit: there is no unit with code "
                                                           "‘%s’"), unit_code));
          continue;
        }
      if (*roles_text && !zc_roles_parse (roles_text, &roles))
        {
          g_ptr_array_add (report->errors,
                           zc_import_issue_new (r->line, _("Roles: ‘%s’ is not a list of "
                                                           "employee, lead, leader, inspector"),
                                                roles_text));
          continue;
        }
      zc_person_set_roles (row->person, roles ? roles : ZC_ROLE_EMPLOYEE);
      if (!parse_flag (zc_csv_cell (r, c_focus), &focus))
        {
          g_ptr_array_add (report->errors,
                           zc_import_issue_new (r->line, _("Focus post: ‘%s’ is not 0 or 1"),
                                                zc_csv_cell (r, c_focus)));
          continue;
        }
      zc_person_set_focus_post (row->person, focus);
      if (!validate_person (self, row->person, &local))
        {
          g_ptr_array_add (report->errors, zc_import_issue_new (r->line, "%s", local->message));
          continue;
        }
      if (g_hash_table_contains (codes, code))
        {
          g_ptr_array_add (report->errors,
                           zc_import_issue_new (r->line, _("Staff code: ‘%s’ appears twice in "
                                                           "the file"), code));
          continue;
        }
      g_hash_table_add (codes, row->person->staff_code);

      if (c_charge >= 0 && *zc_csv_cell (r, c_charge))
        {
          row->in_charge = g_strsplit_set (zc_csv_cell (r, c_charge), ";,", -1);
          if (!(roles & ZC_ROLE_LEADER))
            {
              g_ptr_array_add (report->errors,
                               zc_import_issue_new (r->line, _("Units in charge: only a person "
                                                               "with the role leader has units "
                                                               "in charge")));
              continue;
            }
          for (guint k = 0; row->in_charge[k]; k++)
            {
              g_strstrip (row->in_charge[k]);
              if (*row->in_charge[k] &&
                  zc_store_query_int (self, 0, "SELECT count(*) FROM unit WHERE code = ?", "s",
                                      row->in_charge[k]) == 0)
                g_ptr_array_add (report->errors,
                                 zc_import_issue_new (r->line, _("Units in charge: there is no "
                                                                 "unit with code ‘%s’"),
                                                      row->in_charge[k]));
            }
        }
    }
  return rows;
}

gboolean
zc_store_preview_people_csv (ZcStore          *self,
                             const char       *path,
                             ZcImportReport  **report,
                             GError          **error)
{
  g_autoptr(ZcImportReport) r = zc_import_report_new ();
  g_autoptr(GPtrArray) rows = read_people (self, path, r, error);

  if (rows == NULL)
    return FALSE;
  g_ptr_array_sort (r->errors, issue_cmp);
  if (report)
    *report = g_steal_pointer (&r);
  return TRUE;
}

gboolean
zc_store_import_people_csv (ZcStore          *self,
                            ZcPerson         *actor,
                            const char       *path,
                            ZcImportReport  **report,
                            GError          **error)
{
  g_autoptr(ZcImportReport) r = zc_import_report_new ();
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!require_setup (self, actor, error))
    return FALSE;
  if (!(rows = read_people (self, path, r, error)))
    return FALSE;
  if (r->errors->len)
    {
      report_into_error (r, path, error);
      if (report)
        *report = g_steal_pointer (&r);
      return FALSE;
    }

  if (!zc_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      PersonRow *row = g_ptr_array_index (rows, i);
      gboolean ok;

      if (zc_record_get_id (ZC_RECORD (row->person)) == 0)
        {
          ok = zc_store_insert_record (self, actor, ZC_RECORD (row->person), "import_person", 0,
                                       error);
          r->created++;
        }
      else
        {
          ok = zc_store_update_record (self, actor, ZC_RECORD (row->person), "import_person", 0,
                                       error);
          r->updated++;
        }
      for (guint k = 0; ok && row->in_charge && row->in_charge[k]; k++)
        if (*row->in_charge[k])
          ok = set_leader (self, actor,
                           zc_store_query_int (self, 0, "SELECT id FROM unit WHERE code = ?",
                                               "s", row->in_charge[k]),
                           zc_record_get_id (ZC_RECORD (row->person)), error);
      if (!ok)
        {
          g_prefix_error (error, _("Row %u: "), row->line);
          zc_store_rollback (self);
          return FALSE;
        }
    }
  if (!zc_store_commit (self, error))
    return FALSE;
  if (report)
    *report = g_steal_pointer (&r);
  return TRUE;
}
