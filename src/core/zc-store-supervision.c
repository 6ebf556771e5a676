/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "zc-limits.h"
#include "zc-store-private.h"

#define ORDER_SELECT \
  "SELECT o.*, u.name AS unit_name, i.measure AS item_measure, i.number AS item_number " \
  "FROM supervision_order o JOIN unit u ON u.id = o.unit_id LEFT JOIN item i ON i.id = o.item_id "

static char *
order_label (ZcOrder *order)
{
  return g_strdup_printf (_("Supervision order %" PRId64),
                          zc_record_get_id (ZC_RECORD (order)));
}

static gboolean
add_event (ZcStore       *self,
           ZcPerson      *actor,
           ZcOrder       *order,
           ZcOrderState   kind,
           const char    *text,
           GError       **error)
{
  g_autoptr(ZcOrderEvent) ev = zc_order_event_new ();
  g_autofree char *today = zc_store_today (self);

  zc_order_event_set_order_id (ev, zc_record_get_id (ZC_RECORD (order)));
  zc_order_event_set_kind (ev, kind);
  zc_order_event_set_actor_id (ev, actor ? zc_record_get_id (ZC_RECORD (actor)) : 0);
  zc_order_event_set_date (ev, today);
  zc_order_event_set_text (ev, text);
  return zc_store_insert_record (self, actor, ZC_RECORD (ev), "order_event", 0, error);
}

ZcOrder *
zc_store_issue_order (ZcStore     *self,
                      ZcPerson    *actor,
                      gint64       item_id,
                      gint64       unit_id,
                      const char  *reason,
                      const char  *required_date,
                      GError     **error)
{
  g_autoptr(ZcOrder) order = NULL;
  g_autofree char *today = zc_store_today (self);
  gboolean ok;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require_inspector (actor, _("issue supervision orders"), error))
    return NULL;
  if (item_id)
    {
      unit_id = zc_store_query_int (self, 0, "SELECT unit_id FROM item WHERE id = ?", "i", item_id);
      if (unit_id == 0)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                       _("Item: there is no rectification item with id %" PRId64),
                       item_id);
          return NULL;
        }
      if (zc_store_query_int (self, 0, "SELECT state = 'closed' FROM item WHERE id = ?", "i",
                              item_id))
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                       _("The item is closed out: there is nothing left to supervise"));
          return NULL;
        }
    }
  else if (zc_store_query_int (self, 0, "SELECT count(*) FROM unit WHERE id = ?", "i",
                               unit_id) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Unit: choose the unit or item the order is about"));
      return NULL;
    }
  if (!zc_validate_text (reason, _("Reason"), ZC_LIMIT_COMMENT, TRUE, error) ||
      !zc_validate_date (required_date, _("Required by"), FALSE, error))
    return NULL;
  if (required_date && g_strcmp0 (required_date, today) < 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Required by: %s has already passed"), required_date);
      return NULL;
    }

  order = zc_order_new ();
  zc_order_set_item_id (order, item_id);
  zc_order_set_unit_id (order, unit_id);
  zc_order_set_issued_by (order, zc_record_get_id (ZC_RECORD (actor)));
  zc_order_set_issued_date (order, today);
  zc_order_set_reason (order, reason);
  zc_order_set_required_date (order, required_date);
  zc_order_set_state (order, ZC_ORDER_STATE_ASSIGNED);
  if (!zc_store_begin (self, error))
    return NULL;
  ok = zc_store_insert_record (self, actor, ZC_RECORD (order), "issue_order", 0, error) &&
       add_event (self, actor, order, ZC_ORDER_STATE_ASSIGNED, reason, error);
  if (!zc_store_finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&order);
}

static gboolean
order_step (ZcStore       *self,
            ZcPerson      *actor,
            ZcOrder       *order,
            ZcOrderState   to,
            const char    *text,
            const char    *action,
            const char    *what,
            GError       **error)
{
  g_autoptr(ZcOrder) stored = NULL;
  g_autofree char *label = NULL;
  gboolean allowed_from;
  gboolean ok;

  stored = zc_store_load (self, ZC_TYPE_ORDER, zc_record_get_id (ZC_RECORD (order)), error);
  if (stored == NULL)
    return FALSE;
  label = order_label (stored);
  switch (to)
    {
    case ZC_ORDER_STATE_REMINDED:
      allowed_from = stored->state == ZC_ORDER_STATE_ASSIGNED ||
                     stored->state == ZC_ORDER_STATE_REMINDED;
      break;
    case ZC_ORDER_STATE_ANSWERED:
      allowed_from = stored->state == ZC_ORDER_STATE_ASSIGNED ||
                     stored->state == ZC_ORDER_STATE_REMINDED;
      break;
    case ZC_ORDER_STATE_CONCLUDED:
      allowed_from = stored->state == ZC_ORDER_STATE_ANSWERED;
      break;
    case ZC_ORDER_STATE_ASSIGNED:
    default:
      allowed_from = FALSE;
    }
  if (!allowed_from)
    return zc_state_refuse (error, label, ZC_TYPE_ORDER_STATE, stored->state, what);

  zc_order_set_state (stored, to);
  if (to == ZC_ORDER_STATE_ANSWERED)
    zc_order_set_answer (stored, text);
  if (to == ZC_ORDER_STATE_CONCLUDED)
    {
      g_autofree char *today = zc_store_today (self);
      zc_order_set_concluded_at (stored, today);
    }
  if (!zc_store_begin (self, error))
    return FALSE;
  ok = zc_store_update_record (self, actor, ZC_RECORD (stored), action, 0, error) &&
       add_event (self, actor, stored, to, text, error);
  if (!zc_store_finish (self, ok, error))
    return FALSE;
  zc_order_set_state (order, to);
  zc_record_set_common (ZC_RECORD (order), zc_record_get_id (ZC_RECORD (stored)),
                        zc_record_get_uuid (ZC_RECORD (stored)),
                        zc_record_get_created (ZC_RECORD (stored)),
                        zc_record_get_updated (ZC_RECORD (stored)),
                        zc_record_get_revision (ZC_RECORD (stored)));
  return TRUE;
}

gboolean
zc_store_remind_order (ZcStore     *self,
                       ZcPerson    *actor,
                       ZcOrder     *order,
                       const char  *text,
                       GError     **error)
{
  if (!zc_policy_require_inspector (actor, _("remind a supervision order"), error) ||
      !zc_validate_text (text, _("Reminder"), ZC_LIMIT_COMMENT, FALSE, error))
    return FALSE;
  return order_step (self, actor, order, ZC_ORDER_STATE_REMINDED, text, "remind_order",
                     _("be reminded"), error);
}

gboolean
zc_store_answer_order (ZcStore     *self,
                       ZcPerson    *actor,
                       ZcOrder     *order,
                       const char  *answer,
                       GError     **error)
{
  gint64 unit_id = zc_store_query_int (self, 0, "SELECT unit_id FROM supervision_order WHERE "
                                                "id = ?", "i",
                                       zc_record_get_id (ZC_RECORD (order)));

  if (!zc_policy_require_lead_of (self, actor, unit_id, _("answer this supervision order"),
                                  error) ||
      !zc_validate_text (answer, _("Answer"), ZC_LIMIT_COMMENT, TRUE, error))
    return FALSE;
  return order_step (self, actor, order, ZC_ORDER_STATE_ANSWERED, answer, "answer_order",
                     _("be answered"), error);
}

gboolean
zc_store_conclude_order (ZcStore     *self,
                         ZcPerson    *actor,
                         ZcOrder     *order,
                         const char  *text,
                         GError     **error)
{
  if (!zc_policy_require_inspector (actor, _("conclude a supervision order"), error) ||
      !zc_validate_text (text, _("Conclusion"), ZC_LIMIT_COMMENT, FALSE, error))
    return FALSE;
  return order_step (self, actor, order, ZC_ORDER_STATE_CONCLUDED, text, "conclude_order",
                     _("be concluded"), error);
}

GListModel *
zc_store_list_orders (ZcStore   *self,
                      ZcPerson  *actor,
                      gint64     unit_id,
                      gboolean   open_only,
                      GError   **error)
{
  g_autofree char *filter = zc_policy_unit_filter (self, actor, "o.unit_id");
  g_autofree char *sql = g_strdup_printf (ORDER_SELECT "WHERE (?1 = 0 OR o.unit_id = ?1) AND "
                                          "(?2 = 0 OR o.state <> 'concluded') AND %s "
                                          "ORDER BY o.issued_date, o.id", filter);

  if (unit_id && !zc_policy_require (zc_policy_can_read_unit (self, actor, unit_id), actor,
                                     _("read this unit’s supervision orders"), error))
    return NULL;
  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_ORDER, error, sql, "ib", unit_id, open_only));
}

GListModel *
zc_store_list_order_events (ZcStore   *self,
                            ZcPerson  *actor,
                            gint64     order_id,
                            GError   **error)
{
  gint64 unit_id = zc_store_query_int (self, 0, "SELECT unit_id FROM supervision_order WHERE "
                                                "id = ?", "i", order_id);

  if (!zc_policy_require (zc_policy_can_read_unit (self, actor, unit_id), actor,
                          _("read this unit’s supervision orders"), error))
    return NULL;
  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_ORDER_EVENT, error,
                                       "SELECT e.*, p.name AS actor_name FROM order_event e "
                                       "LEFT JOIN person p ON p.id = e.actor_id "
                                       "WHERE e.order_id = ? ORDER BY e.id", "i", order_id));
}

/* ---- evaluations, merits --------------------------------------------------------------- */

ZcEvaluation *
zc_store_record_evaluation (ZcStore         *self,
                            ZcPerson        *actor,
                            ZcItem          *item,
                            ZcSatisfaction   satisfaction,
                            const char      *note,
                            GError         **error)
{
  g_autoptr(ZcEvaluation) ev = NULL;
  g_autoptr(ZcItem) stored = NULL;
  g_autofree char *today = zc_store_today (self);

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require_inspector (actor, _("record the public’s evaluation"), error) ||
      !zc_validate_text (note, _("Note"), ZC_LIMIT_COMMENT, FALSE, error))
    return NULL;
  stored = zc_store_load (self, ZC_TYPE_ITEM, zc_record_get_id (ZC_RECORD (item)), error);
  if (stored == NULL)
    return NULL;
  if (stored->state != ZC_ITEM_STATE_CLOSED)
    {
      g_autofree char *label = g_strdup_printf (_("Rectification item %d"), stored->number);
      zc_state_refuse (error, label, ZC_TYPE_ITEM_STATE, stored->state,
                       _("be evaluated by the public before it is closed out"));
      return NULL;
    }
  ev = zc_evaluation_new ();
  zc_evaluation_set_item_id (ev, zc_record_get_id (ZC_RECORD (stored)));
  zc_evaluation_set_satisfaction (ev, satisfaction);
  zc_evaluation_set_note (ev, note);
  zc_evaluation_set_date (ev, today);
  zc_evaluation_set_recorded_by (ev, zc_record_get_id (ZC_RECORD (actor)));
  if (!zc_store_write_insert (self, actor, ZC_RECORD (ev), "record_evaluation", 0, error))
    return NULL;
  return g_steal_pointer (&ev);
}

ZcMerit *
zc_store_record_merit (ZcStore      *self,
                       ZcPerson     *actor,
                       gint64        unit_id,
                       gint64        person_id,
                       ZcMeritKind   kind,
                       const char   *date,
                       const char   *text,
                       GError      **error)
{
  g_autoptr(ZcMerit) m = NULL;
  g_autofree char *today = zc_store_today (self);

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  if (!zc_policy_require_inspector (actor, _("record commendations and sanctions"), error) ||
      !zc_validate_text (text, _("Description"), ZC_LIMIT_COMMENT, TRUE, error) ||
      !zc_validate_date (date, _("Date"), FALSE, error))
    return NULL;
  if (person_id)
    unit_id = zc_store_query_int (self, 0, "SELECT unit_id FROM person WHERE id = ?", "i",
                                  person_id);
  if (zc_store_query_int (self, 0, "SELECT count(*) FROM unit WHERE id = ?", "i", unit_id) == 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, _("Unit: choose the unit concerned"));
      return NULL;
    }
  m = zc_merit_new ();
  zc_merit_set_unit_id (m, unit_id);
  zc_merit_set_person_id (m, person_id);
  zc_merit_set_kind (m, kind);
  zc_merit_set_date (m, date ? date : today);
  zc_merit_set_text (m, text);
  zc_merit_set_recorded_by (m, zc_record_get_id (ZC_RECORD (actor)));
  if (!zc_store_write_insert (self, actor, ZC_RECORD (m), "record_merit", 0, error))
    return NULL;
  return g_steal_pointer (&m);
}

GListModel *
zc_store_list_merits (ZcStore   *self,
                      ZcPerson  *actor,
                      gint64     unit_id,
                      GError   **error)
{
  g_autofree char *filter = zc_policy_unit_filter (self, actor, "m.unit_id");
  g_autofree char *sql = g_strdup_printf ("SELECT m.*, p.name AS person_name FROM merit m "
                                          "LEFT JOIN person p ON p.id = m.person_id "
                                          "WHERE (?1 = 0 OR m.unit_id = ?1) AND %s "
                                          "ORDER BY m.date DESC, m.id DESC", filter);

  return G_LIST_MODEL (zc_store_query (self, ZC_TYPE_MERIT, error, sql, "i", unit_id));
}
