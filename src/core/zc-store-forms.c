/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "zc-limits.h"
#include "zc-store-private.h"

#define FORM_SELECT \
  "SELECT f.*, p.name AS person_name, p.staff_code AS staff_code, p.unit_id AS unit_id, " \
  "u.name AS unit_name, (SELECT count(*) FROM finding WHERE form_id = f.id) AS finding_count " \
  "FROM form f JOIN person p ON p.id = f.person_id JOIN unit u ON u.id = p.unit_id "

#define FINDING_SELECT \
  "SELECT fi.*, CASE WHEN fi.anonymous THEN NULL ELSE a.name END AS author_name, " \
  "(SELECT count(*) FROM problem_finding WHERE finding_id = fi.id) AS problem_count, " \
  "(SELECT count(*) FROM cause WHERE finding_id = fi.id) AS cause_count " \
  "FROM finding fi LEFT JOIN person a ON a.id = fi.author_id "

#define PROBLEM_SELECT \
  "SELECT pr.*, u.name AS unit_name, " \
  "(SELECT count(*) FROM problem_finding WHERE problem_id = pr.id) AS finding_count, " \
  "(SELECT count(DISTINCT coalesce (f.author_id, -f.id)) FROM problem_finding pf " \
  "  JOIN finding f ON f.id = pf.finding_id WHERE pf.problem_id = pr.id) AS raised_count, " \
  "(SELECT count(*) FROM item WHERE problem_id = pr.id) AS item_count " \
  "FROM problem pr JOIN unit u ON u.id = pr.unit_id "

#define PHASES_END (-1)

/* ---- helpers ----------------------------------------------------------------------------- */

/* Fills the display label of list entries into each record's @label_field, reading the
 * entry id from @id_field (the labels need gettext, so SQL cannot give them). */
static void
fill_entry_labels (ZcStore    *self,
                   GListModel *list,
                   const char *id_field,
                   const char *label_field)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_object_unref);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) rec = g_list_model_get_item (list, i);
      gint64 id = 0;
      ZcListEntry *entry;

      g_object_get (rec, id_field, &id, NULL);
      if (id == 0)
        continue;
      entry = g_hash_table_lookup (labels, &id);
      if (entry == NULL)
        {
          entry = zc_store_get_entry (self, id);
          if (entry == NULL)
            continue;
          g_hash_table_insert (labels, g_memdup2 (&id, sizeof id), entry);
        }
      g_object_set (rec, label_field, zc_list_entry_get_display_label (entry), NULL);
    }
}

void zc_store_fill_labels (ZcStore *self, GListModel *list, const char *id_field,
                           const char *label_field);

void
zc_store_fill_labels (ZcStore    *self,
                      GListModel *list,
                      const char *id_field,
                      const char *label_field)
{
  fill_entry_labels (self, list, id_field, label_field);
}

static gboolean
check_entry (ZcStore     *self,
             gint64       id,
             ZcListKind   kind,
             const char  *field,
             GError     **error)
{
  char key[64];
  gint64 exists;

  if (id == 0)
    return TRUE;
  /* Every finding and cause names entries: a fact of the transaction. */
  g_snprintf (key, sizeof key, "entry:%" G_GINT64_FORMAT ":%d", id, (int) kind);
  if (!zc_store_get_fact (self, key, &exists))
    {
      exists = zc_store_query_int (self, 0, "SELECT count(*) FROM list_entry WHERE id = ? AND "
                                            "kind = ?",
                                   "is", id, zc_enum_to_string (ZC_TYPE_LIST_KIND, kind));
      zc_store_set_fact (self, key, exists);
    }
  if (exists == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("%s: there is no such entry in the campaign’s list"), field);
      return FALSE;
    }
  return TRUE;
}

static char *
form_label (ZcStore *self,
            ZcForm  *form)
{
  g_autofree char *name = zc_store_query_text (self, "SELECT name FROM person WHERE id = ?",
                                               "i", form->person_id);

  /* Translators: %s is a person's name */
  return g_strdup_printf (_("The self-inspection form of %s"), name ? name : "?");
}

/* ---- forms ----------------------------------------------------------------------------- */

ZcForm *
zc_store_get_form (ZcStore   *self,
                   ZcPerson  *actor,
                   gint64     form_id,
                   GError   **error)
{
  g_autoptr(ZcForm) form = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  form = zc_store_query_one (self, ZC_TYPE_FORM, error, FORM_SELECT "WHERE f.id = ?", "i",
                             form_id);
  if (form == NULL)
    return NULL;
  if (!zc_policy_require (zc_policy_can_read_form (self, actor, form), actor,
                          _("read this self-inspection form"), error))
    return NULL;
  return g_steal_pointer (&form);
}

ZcForm *
zc_store_get_form_of (ZcStore   *self,
                      ZcPerson  *actor,
                      gint64     person_id,
                      GError   **error)
{
  g_autoptr(ZcForm) form = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  form = zc_store_query_one (self, ZC_TYPE_FORM, NULL, FORM_SELECT "WHERE f.person_id = ?", "i",
                             person_id);
  if (form == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("No self-inspection form yet"));
      return NULL;
    }
  if (!zc_policy_require (zc_policy_can_read_form (self, actor, form), actor,
                          _("read this self-inspection form"), error))
    return NULL;
  return g_steal_pointer (&form);
}

ZcForm *
zc_store_ensure_own_form (ZcStore   *self,
                          ZcPerson  *actor,
                          GError   **error)
{
  g_autoptr(ZcForm) form = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require (actor != NULL, actor, _("write a self-inspection form"), error))
    return NULL;
  form = zc_store_get_form_of (self, actor, zc_record_get_id (ZC_RECORD (actor)), NULL);
  if (form)
    return g_steal_pointer (&form);

  if (!zc_policy_require_phase (self, actor->unit_id, _("start a self-inspection form"), error,
                                ZC_PHASE_INSPECTION, PHASES_END))
    return NULL;

  form = zc_form_new ();
  zc_form_set_person_id (form, zc_record_get_id (ZC_RECORD (actor)));
  zc_form_set_state (form, ZC_FORM_STATE_DRAFT);
  if (!zc_store_write_insert (self, actor, ZC_RECORD (form), "create_form", 0, error))
    return NULL;
  return zc_store_get_form (self, actor, zc_record_get_id (ZC_RECORD (form)), error);
}

GListModel *
zc_store_list_form_findings (ZcStore   *self,
                             ZcPerson  *actor,
                             gint64     form_id,
                             GError   **error)
{
  g_autoptr(ZcForm) form = zc_store_get_form (self, actor, form_id, error);
  GListStore *list;

  if (form == NULL)
    return NULL;
  list = zc_store_query (self, ZC_TYPE_FINDING, error,
                         FINDING_SELECT "WHERE fi.form_id = ? ORDER BY fi.position, fi.id",
                         "i", form_id);
  if (list)
    fill_entry_labels (self, G_LIST_MODEL (list), "category-id", "category-label");
  return G_LIST_MODEL (list);
}

/* Whether @form_id is the actor's own form, in a state that lets its author edit it. Every
 * finding and cause written comes here: the form is read whole only for a refusal. */
static gboolean
require_editable_own_form (ZcStore   *self,
                           ZcPerson  *actor,
                           gint64     form_id,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 person_id = 0;
  int state = -1;
  gboolean found;

  if (!zc_policy_require (actor != NULL, actor, _("write a self-inspection form"), error))
    return FALSE;
  if (!(stmt = zc_store_stmt (self, "SELECT person_id, state FROM form WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, form_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      person_id = sqlite3_column_int64 (stmt, 0);
      if (!zc_enum_from_string (ZC_TYPE_FORM_STATE, (const char *) sqlite3_column_text (stmt, 1),
                                &state))
        state = -1;
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("No self-inspection form yet"));
      return FALSE;
    }
  if (!zc_policy_require (person_id == zc_record_get_id (ZC_RECORD (actor)), actor,
                          _("edit another person’s self-inspection form"), error))
    return FALSE;
  if (state != ZC_FORM_STATE_DRAFT && state != ZC_FORM_STATE_RETURNED)
    {
      g_autoptr(ZcForm) form = zc_store_load (self, ZC_TYPE_FORM, form_id, error);
      g_autofree char *label = NULL;

      if (form == NULL)
        return FALSE;
      label = form_label (self, form);
      zc_state_refuse (error, label, ZC_TYPE_FORM_STATE, form->state, _("be edited"));
      return FALSE;
    }
  return zc_policy_require_phase (self, actor->unit_id, _("edit a self-inspection form"), error,
                                  ZC_PHASE_INSPECTION, PHASES_END);
}

/* The actor's own form, in a state that lets its author edit it. */
static ZcForm *
editable_own_form (ZcStore   *self,
                   ZcPerson  *actor,
                   gint64     form_id,
                   GError   **error)
{
  if (!require_editable_own_form (self, actor, form_id, error))
    return NULL;
  return zc_store_load (self, ZC_TYPE_FORM, form_id, error);
}

static gboolean
validate_finding (ZcStore    *self,
                  ZcFinding  *f,
                  GError    **error)
{
  return zc_validate_text (f->phenomenon, _("Phenomenon"), ZC_LIMIT_PHENOMENON, FALSE, error) &&
         zc_validate_text (f->example, _("Concrete example"), ZC_LIMIT_EXAMPLE, FALSE, error) &&
         zc_validate_text (f->gap, _("Gap"), ZC_LIMIT_GAP, FALSE, error) &&
         zc_validate_text (f->measure, _("Measure"), ZC_LIMIT_MEASURE, FALSE, error) &&
         check_entry (self, f->category_id, ZC_LIST_KIND_CATEGORY, _("Category"), error) &&
         check_entry (self, f->focus_area_id, ZC_LIST_KIND_FOCUS_AREA, _("Focus area"), error) &&
         check_entry (self, f->benchmark_id, ZC_LIST_KIND_BENCHMARK, _("Benchmark"), error);
}

gboolean
zc_store_save_finding (ZcStore    *self,
                       ZcPerson   *actor,
                       ZcFinding  *finding,
                       GError    **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_FINDING (finding), FALSE);

  if (!require_editable_own_form (self, actor, finding->form_id, error))
    return FALSE;
  if (!validate_finding (self, finding, error))
    return FALSE;

  finding->source = ZC_FINDING_SOURCE_SELF;
  finding->author_id = zc_record_get_id (ZC_RECORD (actor));
  finding->unit_id = actor->unit_id;
  finding->anonymous = FALSE;
  finding->target_person_id = 0;

  if (zc_record_get_id (ZC_RECORD (finding)) == 0)
    {
      gint64 count = zc_store_query_int (self, 0, "SELECT count(*) FROM finding WHERE form_id = ?",
                                         "i", finding->form_id);

      if (count >= ZC_LIMIT_FINDINGS)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("Problems: a form holds at most %d problems"), ZC_LIMIT_FINDINGS);
          return FALSE;
        }
      if (finding->position == 0)
        finding->position = count + 1;
      return zc_store_write_insert (self, actor, ZC_RECORD (finding), "create_finding", 0, error);
    }
  else
    {
      if (zc_store_query_int (self, 0, "SELECT form_id FROM finding WHERE id = ?", "i",
                              zc_record_get_id (ZC_RECORD (finding))) != finding->form_id)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("This problem does not belong to your form"));
          return FALSE;
        }
      return zc_store_write_update (self, actor, ZC_RECORD (finding), "update_finding", 0, error);
    }
}

gboolean
zc_store_delete_finding (ZcStore    *self,
                         ZcPerson   *actor,
                         ZcFinding  *finding,
                         GError    **error)
{
  g_autoptr(GListStore) causes = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  if (!require_editable_own_form (self, actor, finding->form_id, error))
    return FALSE;
  causes = zc_store_query (self, ZC_TYPE_CAUSE, error, "SELECT * FROM cause WHERE finding_id = ?",
                           "i", zc_record_get_id (ZC_RECORD (finding)));
  if (causes == NULL)
    return FALSE;
  if (!zc_store_begin (self, error))
    return FALSE;
  /* Causes go first, each with its own log entry, so that the log stays complete. */
  for (guint i = 0; ok && i < g_list_model_get_n_items (G_LIST_MODEL (causes)); i++)
    {
      g_autoptr(ZcRecord) c = g_list_model_get_item (G_LIST_MODEL (causes), i);
      ok = zc_store_delete_record (self, actor, c, "delete_cause", error);
    }
  ok = ok && zc_store_delete_record (self, actor, ZC_RECORD (finding), "delete_finding", error);
  return zc_store_finish (self, ok, error);
}

GListModel *
zc_store_list_causes (ZcStore   *self,
                      ZcPerson  *actor,
                      gint64     finding_id,
                      GError   **error)
{
  g_autoptr(ZcFinding) finding = zc_store_load (self, ZC_TYPE_FINDING, finding_id, error);
  GListStore *list;

  if (finding == NULL)
    return NULL;
  if (finding->form_id)
    {
      g_autoptr(ZcForm) form = zc_store_get_form (self, actor, finding->form_id, error);
      if (form == NULL)
        return NULL;
    }
  else if (!zc_policy_require (zc_policy_can_read_unit (self, actor, finding->unit_id), actor,
                               _("read this problem"), error))
    return NULL;

  list = zc_store_query (self, ZC_TYPE_CAUSE, error,
                         "SELECT * FROM cause WHERE finding_id = ? ORDER BY position, id", "i",
                         finding_id);
  if (list)
    fill_entry_labels (self, G_LIST_MODEL (list), "dimension-id", "dimension-label");
  return G_LIST_MODEL (list);
}

static gboolean
require_editable_form_of_finding (ZcStore   *self,
                          ZcPerson  *actor,
                          gint64     finding_id,
                          GError   **error)
{
  gint64 form_id = zc_store_query_int (self, 0, "SELECT form_id FROM finding WHERE id = ?", "i",
                                       finding_id);

  if (form_id == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("The problem does not exist"));
      return FALSE;
    }
  return require_editable_own_form (self, actor, form_id, error);
}

gboolean
zc_store_save_cause (ZcStore   *self,
                     ZcPerson  *actor,
                     ZcCause   *cause,
                     GError   **error)
{
  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_CAUSE (cause), FALSE);

  if (!require_editable_form_of_finding (self, actor, cause->finding_id, error))
    return FALSE;
  if (!zc_validate_text (cause->text, _("Cause"), ZC_LIMIT_CAUSE, FALSE, error) ||
      !zc_validate_text (cause->why_chain, _("Why?"), ZC_LIMIT_CAUSE, FALSE, error) ||
      !check_entry (self, cause->dimension_id, ZC_LIST_KIND_DIMENSION, _("Cause dimension"),
                    error))
    return FALSE;

  if (zc_record_get_id (ZC_RECORD (cause)) == 0)
    {
      gint64 count = zc_store_query_int (self, 0, "SELECT count(*) FROM cause WHERE finding_id = ?",
                                         "i", cause->finding_id);

      if (count >= ZC_LIMIT_CAUSES)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("Causes: a problem has at most %d causes"), ZC_LIMIT_CAUSES);
          return FALSE;
        }
      if (cause->position == 0)
        cause->position = count + 1;
      return zc_store_write_insert (self, actor, ZC_RECORD (cause), "create_cause", 0, error);
    }
  else
    {
      if (zc_store_query_int (self, 0, "SELECT finding_id FROM cause WHERE id = ?", "i",
                              zc_record_get_id (ZC_RECORD (cause))) != cause->finding_id)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("This cause does not belong to the problem"));
          return FALSE;
        }
      return zc_store_write_update (self, actor, ZC_RECORD (cause), "update_cause", 0, error);
    }
}

gboolean
zc_store_delete_cause (ZcStore   *self,
                       ZcPerson  *actor,
                       ZcCause   *cause,
                       GError   **error)
{
  gboolean ok;

  if (!require_editable_form_of_finding (self, actor, cause->finding_id, error))
    return FALSE;
  if (!zc_store_begin (self, error))
    return FALSE;
  ok = zc_store_delete_record (self, actor, ZC_RECORD (cause), "delete_cause", error);
  return zc_store_finish (self, ok, error);
}

gboolean
zc_store_check_form (ZcStore   *self,
                     ZcPerson  *actor,
                     ZcForm    *form,
                     GError   **error)
{
  g_autoptr(GListModel) findings = NULL;
  guint n;

  findings = zc_store_list_form_findings (self, actor, zc_record_get_id (ZC_RECORD (form)), error);
  if (findings == NULL)
    return FALSE;
  n = g_list_model_get_n_items (findings);
  if (n == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("The form lists no problem yet: list at least one problem of your own "
                     "work style"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcFinding) f = g_list_model_get_item (findings, i);
      const char *missing = NULL;
      gint64 causes;

      causes = zc_store_query_int (self, 0, "SELECT count(*) FROM cause WHERE finding_id = ? AND "
                                            "text IS NOT NULL", "i",
                                   zc_record_get_id (ZC_RECORD (f)));
      if (f->phenomenon == NULL)
        missing = _("the phenomenon");
      else if (f->category_id == 0)
        missing = _("the category");
      else if (f->benchmark_id == 0)
        missing = _("the benchmark");
      else if (f->gap == NULL)
        missing = _("the gap");
      else if (causes == 0)
        missing = _("a cause");
      else if (f->measure == NULL)
        missing = _("the measure");
      else if (f->term_type == ZC_TERM_TYPE_NONE)
        missing = _("the term type of the measure");
      if (missing)
        {
          /* Translators: "Problem 2: the gap is missing" */
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, _("Problem %u: %s is missing"), i + 1,
                       missing);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
zc_store_submit_form (ZcStore   *self,
                      ZcPerson  *actor,
                      ZcForm    *form,
                      GError   **error)
{
  g_autoptr(ZcForm) stored = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_FORM (form), FALSE);

  if (!(stored = editable_own_form (self, actor, zc_record_get_id (ZC_RECORD (form)), error)))
    return FALSE;
  if (!zc_store_check_form (self, actor, stored, error))
    return FALSE;
  now = zc_store_now (self);
  zc_form_set_state (stored, ZC_FORM_STATE_SUBMITTED);
  zc_form_set_submitted_at (stored, now);
  if (!zc_store_write_update (self, actor, ZC_RECORD (stored), "submit_form", 0, error))
    return FALSE;
  zc_form_set_state (form, ZC_FORM_STATE_SUBMITTED);
  zc_form_set_submitted_at (form, now);
  zc_record_set_common (ZC_RECORD (form), zc_record_get_id (ZC_RECORD (stored)),
                        zc_record_get_uuid (ZC_RECORD (stored)),
                        zc_record_get_created (ZC_RECORD (stored)),
                        zc_record_get_updated (ZC_RECORD (stored)),
                        zc_record_get_revision (ZC_RECORD (stored)));
  return TRUE;
}

gboolean
zc_store_can_review (ZcStore  *self,
                     ZcPerson *actor,
                     ZcForm   *form)
{
  return zc_policy_can_review_form (self, actor, form);
}

static gboolean
review (ZcStore      *self,
        ZcPerson     *actor,
        ZcForm       *form,
        ZcFormState   outcome,
        const char   *comment,
        GError      **error)
{
  g_autoptr(ZcForm) stored = NULL;
  g_autofree char *label = NULL;
  g_autofree char *now = NULL;
  const char *what = outcome == ZC_FORM_STATE_APPROVED ? _("approve this self-inspection form")
                                                       : _("return this self-inspection form");

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_FORM (form), FALSE);

  stored = zc_store_load (self, ZC_TYPE_FORM, zc_record_get_id (ZC_RECORD (form)), error);
  if (stored == NULL)
    return FALSE;
  if (!zc_policy_require (zc_policy_can_review_form (self, actor, stored), actor, what, error))
    return FALSE;
  label = form_label (self, stored);
  if (stored->state != ZC_FORM_STATE_SUBMITTED)
    return zc_state_refuse (error, label, ZC_TYPE_FORM_STATE, stored->state,
                            outcome == ZC_FORM_STATE_APPROVED ? _("be approved")
                                                              : _("be returned"));
  /* 亲自查、查自己: a lead inspects themselves before judging others. */
  if (zc_person_is (actor, ZC_ROLE_LEAD) &&
      zc_store_query_int (self, 0, "SELECT count(*) FROM form WHERE person_id = ? AND state IN "
                                   "('submitted', 'approved')", "i",
                          zc_record_get_id (ZC_RECORD (actor))) == 0 &&
      !zc_person_is (actor, ZC_ROLE_INSPECTOR))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   _("Submit your own self-inspection form first: leads inspect themselves "
                     "before they review others"));
      return FALSE;
    }
  if (!zc_validate_text (comment, _("Review comment"), ZC_LIMIT_COMMENT,
                         outcome == ZC_FORM_STATE_RETURNED, error))
    return FALSE;

  now = zc_store_now (self);
  zc_form_set_state (stored, outcome);
  zc_form_set_reviewed_at (stored, now);
  zc_form_set_reviewer_id (stored, zc_record_get_id (ZC_RECORD (actor)));
  zc_form_set_review_comment (stored, comment);
  if (!zc_store_write_update (self, actor, ZC_RECORD (stored),
                              outcome == ZC_FORM_STATE_APPROVED ? "approve_form" : "return_form",
                              0, error))
    return FALSE;
  zc_form_set_state (form, outcome);
  zc_form_set_review_comment (form, comment);
  return TRUE;
}

gboolean
zc_store_approve_form (ZcStore     *self,
                       ZcPerson    *actor,
                       ZcForm      *form,
                       const char  *comment,
                       GError     **error)
{
  return review (self, actor, form, ZC_FORM_STATE_APPROVED, comment, error);
}

gboolean
zc_store_return_form (ZcStore     *self,
                      ZcPerson    *actor,
                      ZcForm      *form,
                      const char  *comment,
                      GError     **error)
{
  return review (self, actor, form, ZC_FORM_STATE_RETURNED, comment, error);
}

gboolean
zc_store_comment_finding (ZcStore     *self,
                          ZcPerson    *actor,
                          ZcFinding   *finding,
                          const char  *comment,
                          GError     **error)
{
  g_autoptr(ZcFinding) stored = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);

  stored = zc_store_load (self, ZC_TYPE_FINDING, zc_record_get_id (ZC_RECORD (finding)), error);
  if (stored == NULL)
    return FALSE;
  if (stored->form_id == 0 ||
      !(form = zc_store_load (self, ZC_TYPE_FORM, stored->form_id, error)))
    {
      g_clear_error (error);
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Only problems of a self-inspection form take review comments"));
      return FALSE;
    }
  if (!zc_policy_require (zc_policy_can_review_form (self, actor, form), actor,
                          _("comment on this self-inspection form"), error))
    return FALSE;
  label = form_label (self, form);
  if (form->state != ZC_FORM_STATE_SUBMITTED)
    return zc_state_refuse (error, label, ZC_TYPE_FORM_STATE, form->state,
                            _("take review comments"));
  if (!zc_validate_text (comment, _("Review comment"), ZC_LIMIT_COMMENT, FALSE, error))
    return FALSE;
  zc_finding_set_review_comment (stored, comment);
  if (!zc_store_write_update (self, actor, ZC_RECORD (stored), "comment_finding", 0, error))
    return FALSE;
  zc_finding_set_review_comment (finding, comment);
  return TRUE;
}

GListModel *
zc_store_list_review_queue (ZcStore  *self,
                            ZcPerson *actor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *filter = zc_policy_unit_filter (self, actor, "p.unit_id");
  g_autofree char *sql = g_strdup_printf (FORM_SELECT "WHERE f.state = 'submitted' AND %s "
                                          "ORDER BY f.submitted_at, f.id", filter);
  g_autoptr(GListStore) all = zc_store_query (self, ZC_TYPE_FORM, &error, sql, NULL);
  GListStore *queue = g_list_store_new (ZC_TYPE_FORM);

  if (all == NULL)
    {
      g_warning ("Review queue: %s", error->message);
      return G_LIST_MODEL (queue);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(ZcForm) form = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (zc_policy_can_review_form (self, actor, form))
        g_list_store_append (queue, form);
    }
  return G_LIST_MODEL (queue);
}

GListModel *
zc_store_list_participation (ZcStore   *self,
                             ZcPerson  *actor,
                             gint64     unit_id,
                             GError   **error)
{
  g_autofree char *filter = zc_policy_unit_filter (self, actor, "p.unit_id");
  g_autofree char *sql = NULL;

  if (unit_id && !zc_policy_require (zc_policy_can_read_unit (self, actor, unit_id), actor,
                                     _("see who has taken part in this unit"), error))
    return NULL;
  /* Unit 0: every unit the actor may read. */
  sql = g_strdup_printf ("SELECT f.id, f.uuid, f.created, f.updated, f.revision, "
                         "p.id AS person_id, coalesce (f.state, 'not_started') AS state, "
                         "f.submitted_at, f.reviewed_at, f.reviewer_id, f.review_comment, "
                         "p.name AS person_name, p.staff_code AS staff_code, "
                         "p.unit_id AS unit_id, u.name AS unit_name, "
                         "(SELECT count(*) FROM finding WHERE form_id = f.id) AS finding_count "
                         "FROM person p JOIN unit u ON u.id = p.unit_id "
                         "LEFT JOIN form f ON f.person_id = p.id "
                         "WHERE (?1 = 0 OR p.unit_id = ?1) AND %s "
                         "ORDER BY u.position, u.id, (p.roles & 2) = 0, p.staff_code", filter);
  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_FORM, error, sql, "i", unit_id));
}

/* ---- suggestions and public feedback ----------------------------------------------------- */

ZcFinding *
zc_store_suggest (ZcStore     *self,
                  ZcPerson    *actor,
                  gint64       target_person_id,
                  gint64       target_unit_id,
                  gint64       category_id,
                  const char  *text,
                  gboolean     anonymous,
                  GError     **error)
{
  g_autoptr(ZcFinding) f = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require (actor != NULL, actor, _("suggest a problem"), error))
    return NULL;
  if (target_person_id)
    {
      if (target_person_id == zc_record_get_id (ZC_RECORD (actor)))
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("Colleague: list your own problems in your own form"));
          return NULL;
        }
      target_unit_id = zc_store_query_int (self, 0, "SELECT unit_id FROM person WHERE id = ?",
                                           "i", target_person_id);
      if (target_unit_id == 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND, _("Colleague: no such person"));
          return NULL;
        }
    }
  else if (target_unit_id == 0 ||
           zc_store_query_int (self, 0, "SELECT count(*) FROM unit WHERE id = ?", "i",
                               target_unit_id) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Colleague or unit: choose whom the problem is about"));
      return NULL;
    }
  if (!zc_policy_require_phase (self, target_unit_id, _("suggest problems"), error,
                                ZC_PHASE_INSPECTION, ZC_PHASE_RECTIFICATION, PHASES_END))
    return NULL;
  if (!zc_validate_text (text, _("Problem"), ZC_LIMIT_PHENOMENON, TRUE, error) ||
      !check_entry (self, category_id, ZC_LIST_KIND_CATEGORY, _("Category"), error))
    return NULL;

  f = zc_finding_new ();
  zc_finding_set_source (f, ZC_FINDING_SOURCE_PEER);
  zc_finding_set_anonymous (f, anonymous);
  /* An anonymous suggestion keeps no author: not here, not in the log. */
  zc_finding_set_author_id (f, anonymous ? 0 : zc_record_get_id (ZC_RECORD (actor)));
  zc_finding_set_target_person_id (f, target_person_id);
  zc_finding_set_unit_id (f, target_unit_id);
  zc_finding_set_category_id (f, category_id);
  zc_finding_set_phenomenon (f, text);
  if (!zc_store_write_insert (self, anonymous ? NULL : actor, ZC_RECORD (f),
                              anonymous ? "suggest_anonymous" : "suggest",
                              anonymous ? ZC_WRITE_ANONYMOUS : 0, error))
    return NULL;
  return g_steal_pointer (&f);
}

ZcFinding *
zc_store_add_feedback (ZcStore     *self,
                       ZcPerson    *actor,
                       gint64       unit_id,
                       ZcChannel    channel,
                       gint64       category_id,
                       const char  *text,
                       const char  *received_date,
                       GError     **error)
{
  g_autoptr(ZcFinding) f = NULL;
  g_autofree char *today = zc_store_today (self);

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require (zc_person_is (actor, ZC_ROLE_INSPECTOR) ||
                          zc_policy_is_lead_of (self, actor, unit_id),
                          actor, _("enter public feedback for this unit"), error))
    return NULL;
  if (zc_store_query_int (self, 0, "SELECT count(*) FROM unit WHERE id = ?", "i", unit_id) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, _("Unit: choose the unit concerned"));
      return NULL;
    }
  if (zc_store_effective_phase (self, unit_id) == ZC_PHASE_CLOSED)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE, _("The campaign is closed"));
      return NULL;
    }
  if (!zc_validate_text (text, _("Feedback"), ZC_LIMIT_PHENOMENON, TRUE, error) ||
      !zc_validate_date (received_date, _("Received on"), FALSE, error) ||
      !check_entry (self, category_id, ZC_LIST_KIND_CATEGORY, _("Category"), error))
    return NULL;

  f = zc_finding_new ();
  zc_finding_set_source (f, ZC_FINDING_SOURCE_PUBLIC);
  zc_finding_set_unit_id (f, unit_id);
  zc_finding_set_category_id (f, category_id);
  zc_finding_set_phenomenon (f, text);
  zc_finding_set_channel (f, zc_enum_to_string (ZC_TYPE_CHANNEL, channel));
  zc_finding_set_received_date (f, received_date ? received_date : today);
  if (!zc_store_write_insert (self, actor, ZC_RECORD (f), "add_feedback", 0, error))
    return NULL;
  return g_steal_pointer (&f);
}

GListModel *
zc_store_list_suggestions_for (ZcStore   *self,
                               ZcPerson  *actor,
                               gint64     person_id,
                               GError   **error)
{
  gint64 unit_id = zc_store_query_int (self, 0, "SELECT unit_id FROM person WHERE id = ?", "i",
                                       person_id);
  GListStore *list;

  if (!zc_policy_require (actor == NULL || person_id == zc_record_get_id (ZC_RECORD (actor)) ||
                          zc_person_is (actor, ZC_ROLE_INSPECTOR) ||
                          zc_policy_is_lead_of (self, actor, unit_id) ||
                          zc_policy_is_leader_of (self, actor, unit_id),
                          actor, _("read suggestions for this person"), error))
    return NULL;
  list = zc_store_query (self, ZC_TYPE_FINDING, error,
                         FINDING_SELECT "WHERE fi.source = 'peer' AND fi.target_person_id = ? "
                         "ORDER BY fi.id", "i", person_id);
  if (list)
    fill_entry_labels (self, G_LIST_MODEL (list), "category-id", "category-label");
  return G_LIST_MODEL (list);
}

/* ---- aggregation ----------------------------------------------------------------------- */

#define UNIT_FINDINGS_WHERE \
  "fi.unit_id = ?1 AND (fi.source <> 'self' OR " \
  "(SELECT state FROM form WHERE id = fi.form_id) = 'approved') "

GListModel *
zc_store_list_unit_findings (ZcStore   *self,
                             ZcPerson  *actor,
                             gint64     unit_id,
                             GError   **error)
{
  GListStore *list;

  if (!zc_policy_require (actor == NULL || zc_policy_is_lead_of (self, actor, unit_id) ||
                          zc_policy_is_leader_of (self, actor, unit_id) ||
                          zc_person_is (actor, ZC_ROLE_INSPECTOR),
                          actor, _("read the problems found in this unit"), error))
    return NULL;
  list = zc_store_query (self, ZC_TYPE_FINDING, error,
                         FINDING_SELECT "WHERE " UNIT_FINDINGS_WHERE
                         "ORDER BY fi.category_id, fi.id", "i", unit_id);
  if (list)
    fill_entry_labels (self, G_LIST_MODEL (list), "category-id", "category-label");
  return G_LIST_MODEL (list);
}

static gboolean
link_findings (ZcStore       *self,
               ZcPerson      *actor,
               ZcProblem     *problem,
               const gint64  *finding_ids,
               guint          n_findings,
               GError       **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  JsonArray *added = json_array_new ();

  json_object_set_array_member (fields, "findings_added", added);
  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *uuid = NULL;

      if (zc_store_query_int (self, 0, "SELECT count(*) FROM finding fi WHERE fi.id = ?2 AND "
                                       UNIT_FINDINGS_WHERE, "ii", problem->unit_id,
                              finding_ids[i]) == 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("Findings: problem %" PRId64 " is not an approved finding, "
                         "suggestion or feedback of this unit"), finding_ids[i]);
          return FALSE;
        }
      if (!zc_store_run (self, error, "INSERT OR IGNORE INTO problem_finding (problem_id, "
                                      "finding_id) VALUES (?, ?)", "ii",
                         zc_record_get_id (ZC_RECORD (problem)), finding_ids[i]))
        return FALSE;
      uuid = zc_store_query_text (self, "SELECT uuid FROM finding WHERE id = ?", "i",
                                  finding_ids[i]);
      json_array_add_string_element (added, uuid);
    }
  return zc_store_touch_record (self, actor, ZC_RECORD (problem), "link_findings", fields,
                                error);
}

static gboolean
validate_problem (ZcStore    *self,
                  ZcProblem  *p,
                  GError    **error)
{
  return zc_validate_text (p->title, _("Problem title"), ZC_LIMIT_TITLE, TRUE, error) &&
         zc_validate_text (p->description, _("Description"), ZC_LIMIT_PHENOMENON, FALSE, error) &&
         check_entry (self, p->category_id, ZC_LIST_KIND_CATEGORY, _("Category"), error);
}

ZcProblem *
zc_store_merge_findings (ZcStore       *self,
                         ZcPerson      *actor,
                         gint64         unit_id,
                         const char    *title,
                         const char    *description,
                         gint64         category_id,
                         ZcSeverity     severity,
                         const gint64  *finding_ids,
                         guint          n_findings,
                         GError       **error)
{
  g_autoptr(ZcProblem) p = NULL;
  gboolean ok;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require_lead_of (self, actor, unit_id, _("build this unit’s problem list"),
                                  error) ||
      !zc_policy_require_phase (self, unit_id, _("build the problem list"), error,
                                ZC_PHASE_INSPECTION, ZC_PHASE_RECTIFICATION, PHASES_END))
    return NULL;

  p = zc_problem_new ();
  zc_problem_set_unit_id (p, unit_id);
  zc_problem_set_title (p, title);
  zc_problem_set_description (p, description);
  zc_problem_set_category_id (p, category_id);
  zc_problem_set_severity (p, severity);
  if (!validate_problem (self, p, error))
    return NULL;
  zc_problem_set_number (p, zc_store_query_int (self, 0, "SELECT max(number) FROM problem WHERE "
                                                         "unit_id = ?", "i", unit_id) + 1);
  if (!zc_store_begin (self, error))
    return NULL;
  ok = zc_store_insert_record (self, actor, ZC_RECORD (p), "create_problem", 0, error) &&
       (n_findings == 0 || link_findings (self, actor, p, finding_ids, n_findings, error));
  if (!zc_store_finish (self, ok, error))
    return NULL;
  return zc_store_get_problem (self, actor, zc_record_get_id (ZC_RECORD (p)), error);
}

gboolean
zc_store_add_to_problem (ZcStore       *self,
                         ZcPerson      *actor,
                         ZcProblem     *problem,
                         const gint64  *finding_ids,
                         guint          n_findings,
                         GError       **error)
{
  g_autoptr(ZcProblem) stored = NULL;
  gboolean ok;

  stored = zc_store_load (self, ZC_TYPE_PROBLEM, zc_record_get_id (ZC_RECORD (problem)), error);
  if (stored == NULL)
    return FALSE;
  if (!zc_policy_require_lead_of (self, actor, stored->unit_id,
                                  _("build this unit’s problem list"), error) ||
      !zc_policy_require_phase (self, stored->unit_id, _("build the problem list"), error,
                                ZC_PHASE_INSPECTION, ZC_PHASE_RECTIFICATION, PHASES_END))
    return FALSE;
  if (!zc_store_begin (self, error))
    return FALSE;
  ok = link_findings (self, actor, stored, finding_ids, n_findings, error);
  return zc_store_finish (self, ok, error);
}

gboolean
zc_store_save_problem (ZcStore    *self,
                       ZcPerson   *actor,
                       ZcProblem  *problem,
                       GError    **error)
{
  g_autoptr(ZcProblem) stored = NULL;
  gboolean ok;

  stored = zc_store_load (self, ZC_TYPE_PROBLEM, zc_record_get_id (ZC_RECORD (problem)), error);
  if (stored == NULL)
    return FALSE;
  if (!zc_policy_require_lead_of (self, actor, stored->unit_id,
                                  _("build this unit’s problem list"), error))
    return FALSE;
  /* A problem stays in its unit. */
  problem->unit_id = stored->unit_id;
  if (!validate_problem (self, problem, error))
    return FALSE;
  if (!zc_store_begin (self, error))
    return FALSE;
  ok = zc_store_update_record (self, actor, ZC_RECORD (problem), "update_problem", 0, error);
  return zc_store_finish (self, ok, error);
}

gboolean
zc_store_unmerge_problem (ZcStore    *self,
                          ZcPerson   *actor,
                          ZcProblem  *problem,
                          GError    **error)
{
  g_autoptr(ZcProblem) stored = NULL;
  gboolean ok;

  stored = zc_store_load (self, ZC_TYPE_PROBLEM, zc_record_get_id (ZC_RECORD (problem)), error);
  if (stored == NULL)
    return FALSE;
  if (!zc_policy_require_lead_of (self, actor, stored->unit_id,
                                  _("build this unit’s problem list"), error))
    return FALSE;
  if (zc_store_query_int (self, 0, "SELECT count(*) FROM item WHERE problem_id = ?", "i",
                          zc_record_get_id (ZC_RECORD (stored))) > 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   _("Problem %d “%s” has rectification items: the merge can no longer be "
                     "undone"), stored->number, stored->title);
      return FALSE;
    }
  if (!zc_store_begin (self, error))
    return FALSE;
  ok = zc_store_run (self, error, "DELETE FROM problem_finding WHERE problem_id = ?", "i",
                     zc_record_get_id (ZC_RECORD (stored))) &&
       zc_store_delete_record (self, actor, ZC_RECORD (stored), "unmerge_problem", error);
  return zc_store_finish (self, ok, error);
}

GListModel *
zc_store_list_problems (ZcStore   *self,
                        ZcPerson  *actor,
                        gint64     unit_id,
                        GError   **error)
{
  g_autofree char *filter = zc_policy_unit_filter (self, actor, "pr.unit_id");
  g_autofree char *sql = g_strdup_printf (PROBLEM_SELECT "WHERE (?1 = 0 OR pr.unit_id = ?1) "
                                          "AND %s ORDER BY pr.unit_id, pr.number", filter);
  GListStore *list;

  if (unit_id && !zc_policy_require (zc_policy_can_read_unit (self, actor, unit_id), actor,
                                     _("read this unit’s problem list"), error))
    return NULL;
  list = zc_store_query (self, ZC_TYPE_PROBLEM, error, sql, "i", unit_id);
  if (list)
    fill_entry_labels (self, G_LIST_MODEL (list), "category-id", "category-label");
  return G_LIST_MODEL (list);
}

ZcProblem *
zc_store_get_problem (ZcStore   *self,
                      ZcPerson  *actor,
                      gint64     id,
                      GError   **error)
{
  g_autoptr(ZcProblem) p = NULL;
  g_autoptr(GListStore) one = NULL;

  p = zc_store_query_one (self, ZC_TYPE_PROBLEM, error, PROBLEM_SELECT "WHERE pr.id = ?", "i", id);
  if (p == NULL)
    return NULL;
  if (!zc_policy_require (zc_policy_can_read_unit (self, actor, p->unit_id), actor,
                          _("read this unit’s problem list"), error))
    return NULL;
  one = g_list_store_new (ZC_TYPE_PROBLEM);
  g_list_store_append (one, p);
  fill_entry_labels (self, G_LIST_MODEL (one), "category-id", "category-label");
  return g_steal_pointer (&p);
}

GListModel *
zc_store_list_problem_findings (ZcStore   *self,
                                ZcPerson  *actor,
                                gint64     problem_id,
                                GError   **error)
{
  g_autoptr(ZcProblem) p = zc_store_get_problem (self, actor, problem_id, error);
  GListStore *list;

  if (p == NULL)
    return NULL;
  list = zc_store_query (self, ZC_TYPE_FINDING, error,
                         FINDING_SELECT "JOIN problem_finding pf ON pf.finding_id = fi.id "
                         "WHERE pf.problem_id = ? ORDER BY fi.id", "i", problem_id);
  if (list)
    fill_entry_labels (self, G_LIST_MODEL (list), "category-id", "category-label");
  return G_LIST_MODEL (list);
}
