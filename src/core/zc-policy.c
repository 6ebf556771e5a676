/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <glib/gi18n-lib.h>

#include "zc-store-private.h"

/*
 * The permission table of DOMAIN.md. The window hides what a person may not do; these
 * checks refuse it either way. A person's roles combine: a unit lead who is also an
 * inspector may do what either may.
 *
 * Without an actor (NULL) the caller is the one holding the database file itself — the
 * command line run by an administrator without --as. Such a caller may read what is on
 * record (never anybody's draft) and may change nothing.
 */

gboolean
zc_person_is (ZcPerson *person,
              ZcRole    role)
{
  return person != NULL && (person->roles & role) != 0;
}

gboolean
zc_policy_is_lead_of (ZcStore  *self,
                      ZcPerson *actor,
                      gint64    unit_id)
{
  return zc_person_is (actor, ZC_ROLE_LEAD) && unit_id != 0 && actor->unit_id == unit_id;
}

gboolean
zc_policy_is_leader_of (ZcStore  *self,
                        ZcPerson *actor,
                        gint64    unit_id)
{
  if (!zc_person_is (actor, ZC_ROLE_LEADER) || unit_id == 0)
    return FALSE;
  return zc_store_query_int (self, 0, "SELECT leader_id FROM unit WHERE id = ?", "i", unit_id) ==
         zc_record_get_id (ZC_RECORD (actor));
}

gboolean
zc_policy_can_read_unit (ZcStore  *self,
                         ZcPerson *actor,
                         gint64    unit_id)
{
  if (actor == NULL || zc_person_is (actor, ZC_ROLE_INSPECTOR))
    return TRUE;
  if (actor->unit_id == unit_id)
    return TRUE;
  return zc_policy_is_leader_of (self, actor, unit_id);
}

char *
zc_policy_unit_filter (ZcStore    *self,
                       ZcPerson   *actor,
                       const char *column)
{
  gint64 id;

  if (actor == NULL || zc_person_is (actor, ZC_ROLE_INSPECTOR))
    return g_strdup ("1");
  id = zc_record_get_id (ZC_RECORD (actor));
  if (zc_person_is (actor, ZC_ROLE_LEADER))
    return g_strdup_printf ("(%s = %" G_GINT64_FORMAT " OR %s IN (SELECT id FROM unit "
                            "WHERE leader_id = %" G_GINT64_FORMAT "))",
                            column, actor->unit_id, column, id);
  return g_strdup_printf ("(%s = %" G_GINT64_FORMAT ")", column, actor->unit_id);
}

/* The unit and roles of a form's author. */
static gboolean
form_author (ZcStore  *self,
             ZcForm   *form,
             gint64   *unit_id,
             ZcRole   *roles)
{
  sqlite3_stmt *stmt = zc_store_stmt (self, "SELECT unit_id, roles FROM person WHERE id = ?",
                                      NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, form->person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *unit_id = sqlite3_column_int64 (stmt, 0);
      *roles = sqlite3_column_int (stmt, 1);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
zc_policy_can_read_form (ZcStore  *self,
                         ZcPerson *actor,
                         ZcForm   *form)
{
  gint64 unit_id = 0;
  ZcRole roles = 0;

  if (actor && form->person_id == zc_record_get_id (ZC_RECORD (actor)))
    return TRUE;
  /* Nobody reads another person's draft. */
  if (form->state == ZC_FORM_STATE_DRAFT)
    return FALSE;
  if (actor == NULL || zc_person_is (actor, ZC_ROLE_INSPECTOR))
    return TRUE;
  if (!form_author (self, form, &unit_id, &roles))
    return FALSE;
  if (zc_policy_is_lead_of (self, actor, unit_id))
    return TRUE;
  return zc_policy_is_leader_of (self, actor, unit_id);
}

gboolean
zc_policy_can_review_form (ZcStore  *self,
                           ZcPerson *actor,
                           ZcForm   *form)
{
  gint64 unit_id = 0;
  ZcRole roles = 0;
  gint64 leader_id;
  gboolean has_lead;

  if (actor == NULL || form->person_id == zc_record_get_id (ZC_RECORD (actor)))
    return FALSE;
  if (!form_author (self, form, &unit_id, &roles))
    return FALSE;

  leader_id = zc_store_query_int (self, 0, "SELECT leader_id FROM unit WHERE id = ?", "i",
                                  unit_id);
  if (roles & ZC_ROLE_LEAD)
    {
      /* A lead's own form goes to the leader in charge, or to an inspector without one. */
      if (leader_id)
        return leader_id == zc_record_get_id (ZC_RECORD (actor));
      return zc_person_is (actor, ZC_ROLE_INSPECTOR);
    }

  if (zc_policy_is_lead_of (self, actor, unit_id))
    return TRUE;
  /* A unit without a lead is not left without a reviewer: the leader in charge, or an
   * inspector where there is none, steps in. */
  has_lead = zc_store_query_int (self, 0, "SELECT count(*) FROM person WHERE unit_id = ? AND "
                                          "(roles & 2) != 0", "i", unit_id) > 0;
  if (!has_lead)
    {
      if (leader_id)
        return leader_id == zc_record_get_id (ZC_RECORD (actor));
      return zc_person_is (actor, ZC_ROLE_INSPECTOR);
    }
  return FALSE;
}

gboolean
zc_policy_require (gboolean     allowed,
                   ZcPerson    *actor,
                   const char  *what,
                   GError     **error)
{
  if (allowed)
    return TRUE;
  if (actor == NULL)
    g_set_error (error, ZC_ERROR, ZC_ERROR_PERMISSION,
                 _("Sign in first: only a person of the campaign may %s"), what);
  else
    g_set_error (error, ZC_ERROR, ZC_ERROR_PERMISSION,
                 _("%s (%s) may not %s"), actor->name, actor->staff_code, what);
  return FALSE;
}

gboolean
zc_policy_require_inspector (ZcPerson    *actor,
                             const char  *what,
                             GError     **error)
{
  return zc_policy_require (zc_person_is (actor, ZC_ROLE_INSPECTOR), actor, what, error);
}

gboolean
zc_policy_require_lead_of (ZcStore     *self,
                           ZcPerson    *actor,
                           gint64       unit_id,
                           const char  *what,
                           GError     **error)
{
  return zc_policy_require (zc_policy_is_lead_of (self, actor, unit_id), actor, what, error);
}

gboolean
zc_policy_require_phase (ZcStore     *self,
                         gint64       unit_id,
                         const char  *what,
                         GError     **error,
                         ...)
{
  ZcPhase phase = zc_store_effective_phase (self, unit_id);
  g_autoptr(GString) allowed = g_string_new (NULL);
  va_list args;
  int p;

  va_start (args, error);
  while ((p = va_arg (args, int)) >= 0)
    {
      if (p == (int) phase)
        {
          va_end (args);
          return TRUE;
        }
      if (allowed->len)
        g_string_append (allowed, _(", "));
      g_string_append (allowed, zc_enum_label (ZC_TYPE_PHASE, p));
    }
  va_end (args);

  g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
               _("The campaign is in the phase “%s”: you can %s only in the phase “%s”"),
               zc_enum_label (ZC_TYPE_PHASE, phase), what, allowed->str);
  return FALSE;
}
