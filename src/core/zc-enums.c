/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <glib/gi18n-lib.h>

#include "zc-enums.h"

/*
 * Each enum is described once: value, C name, stable nick, source-language label.
 * The label table is parallel to the GEnumValue table (same order, same count).
 */
#define ZC_DEFINE_ENUM(TypeName, type_name, ...)                                     \
  static const GEnumValue type_name##_values[] = { __VA_ARGS__, { 0, NULL, NULL } };  \
  GType                                                                              \
  type_name##_get_type (void)                                                        \
  {                                                                                  \
    static gsize gtype_id = 0;                                                       \
    if (g_once_init_enter (&gtype_id))                                               \
      {                                                                              \
        GType new_type = g_enum_register_static (g_intern_static_string (#TypeName), \
                                                 type_name##_values);                \
        g_once_init_leave (&gtype_id, new_type);                                     \
      }                                                                              \
    return (GType) gtype_id;                                                         \
  }

ZC_DEFINE_ENUM (ZcPhase, zc_phase,
  { ZC_PHASE_MOBILIZATION, "ZC_PHASE_MOBILIZATION", "mobilization" },
  { ZC_PHASE_INSPECTION, "ZC_PHASE_INSPECTION", "inspection" },
  { ZC_PHASE_RECTIFICATION, "ZC_PHASE_RECTIFICATION", "rectification" },
  { ZC_PHASE_EVALUATION, "ZC_PHASE_EVALUATION", "evaluation" },
  { ZC_PHASE_CLOSED, "ZC_PHASE_CLOSED", "closed" })

ZC_DEFINE_ENUM (ZcUnitKind, zc_unit_kind,
  { ZC_UNIT_KIND_BUREAU, "ZC_UNIT_KIND_BUREAU", "bureau" },
  { ZC_UNIT_KIND_DIVISION, "ZC_UNIT_KIND_DIVISION", "division" },
  { ZC_UNIT_KIND_SUBORDINATE, "ZC_UNIT_KIND_SUBORDINATE", "subordinate" },
  { ZC_UNIT_KIND_WINDOW, "ZC_UNIT_KIND_WINDOW", "window" })

ZC_DEFINE_ENUM (ZcFormState, zc_form_state,
  { ZC_FORM_STATE_NOT_STARTED, "ZC_FORM_STATE_NOT_STARTED", "not_started" },
  { ZC_FORM_STATE_DRAFT, "ZC_FORM_STATE_DRAFT", "draft" },
  { ZC_FORM_STATE_SUBMITTED, "ZC_FORM_STATE_SUBMITTED", "submitted" },
  { ZC_FORM_STATE_RETURNED, "ZC_FORM_STATE_RETURNED", "returned" },
  { ZC_FORM_STATE_APPROVED, "ZC_FORM_STATE_APPROVED", "approved" })

ZC_DEFINE_ENUM (ZcFindingSource, zc_finding_source,
  { ZC_FINDING_SOURCE_SELF, "ZC_FINDING_SOURCE_SELF", "self" },
  { ZC_FINDING_SOURCE_PEER, "ZC_FINDING_SOURCE_PEER", "peer" },
  { ZC_FINDING_SOURCE_PUBLIC, "ZC_FINDING_SOURCE_PUBLIC", "public" })

ZC_DEFINE_ENUM (ZcTermType, zc_term_type,
  { ZC_TERM_TYPE_NONE, "ZC_TERM_TYPE_NONE", "none" },
  { ZC_TERM_TYPE_IMMEDIATE, "ZC_TERM_TYPE_IMMEDIATE", "immediate" },
  { ZC_TERM_TYPE_DEADLINE, "ZC_TERM_TYPE_DEADLINE", "deadline" },
  { ZC_TERM_TYPE_ONGOING, "ZC_TERM_TYPE_ONGOING", "ongoing" })

ZC_DEFINE_ENUM (ZcItemState, zc_item_state,
  { ZC_ITEM_STATE_PLANNED, "ZC_ITEM_STATE_PLANNED", "planned" },
  { ZC_ITEM_STATE_IN_PROGRESS, "ZC_ITEM_STATE_IN_PROGRESS", "in_progress" },
  { ZC_ITEM_STATE_AWAITING_CLOSEOUT, "ZC_ITEM_STATE_AWAITING_CLOSEOUT", "awaiting_closeout" },
  { ZC_ITEM_STATE_CLOSED, "ZC_ITEM_STATE_CLOSED", "closed" })

ZC_DEFINE_ENUM (ZcLight, zc_light,
  { ZC_LIGHT_NONE, "ZC_LIGHT_NONE", "none" },
  { ZC_LIGHT_GREEN, "ZC_LIGHT_GREEN", "green" },
  { ZC_LIGHT_YELLOW, "ZC_LIGHT_YELLOW", "yellow" },
  { ZC_LIGHT_RED, "ZC_LIGHT_RED", "red" })

ZC_DEFINE_ENUM (ZcSeverity, zc_severity,
  { ZC_SEVERITY_GENERAL, "ZC_SEVERITY_GENERAL", "general" },
  { ZC_SEVERITY_SERIOUS, "ZC_SEVERITY_SERIOUS", "serious" },
  { ZC_SEVERITY_CRITICAL, "ZC_SEVERITY_CRITICAL", "critical" })

ZC_DEFINE_ENUM (ZcCommitmentState, zc_commitment_state,
  { ZC_COMMITMENT_STATE_DRAFT, "ZC_COMMITMENT_STATE_DRAFT", "draft" },
  { ZC_COMMITMENT_STATE_PUBLISHED, "ZC_COMMITMENT_STATE_PUBLISHED", "published" })

ZC_DEFINE_ENUM (ZcOrderState, zc_order_state,
  { ZC_ORDER_STATE_ASSIGNED, "ZC_ORDER_STATE_ASSIGNED", "assigned" },
  { ZC_ORDER_STATE_REMINDED, "ZC_ORDER_STATE_REMINDED", "reminded" },
  { ZC_ORDER_STATE_ANSWERED, "ZC_ORDER_STATE_ANSWERED", "answered" },
  { ZC_ORDER_STATE_CONCLUDED, "ZC_ORDER_STATE_CONCLUDED", "concluded" })

ZC_DEFINE_ENUM (ZcSatisfaction, zc_satisfaction,
  { ZC_SATISFACTION_SATISFIED, "ZC_SATISFACTION_SATISFIED", "satisfied" },
  { ZC_SATISFACTION_BASICALLY, "ZC_SATISFACTION_BASICALLY", "basically_satisfied" },
  { ZC_SATISFACTION_DISSATISFIED, "ZC_SATISFACTION_DISSATISFIED", "dissatisfied" })

ZC_DEFINE_ENUM (ZcListKind, zc_list_kind,
  { ZC_LIST_KIND_CATEGORY, "ZC_LIST_KIND_CATEGORY", "category" },
  { ZC_LIST_KIND_BENCHMARK, "ZC_LIST_KIND_BENCHMARK", "benchmark" },
  { ZC_LIST_KIND_DIMENSION, "ZC_LIST_KIND_DIMENSION", "dimension" },
  { ZC_LIST_KIND_FOCUS_AREA, "ZC_LIST_KIND_FOCUS_AREA", "focus_area" })

ZC_DEFINE_ENUM (ZcMeritKind, zc_merit_kind,
  { ZC_RECORD_KIND_COMMENDATION, "ZC_RECORD_KIND_COMMENDATION", "commendation" },
  { ZC_RECORD_KIND_AWARD, "ZC_RECORD_KIND_AWARD", "award" },
  { ZC_RECORD_KIND_CRITICISM, "ZC_RECORD_KIND_CRITICISM", "criticism" },
  { ZC_RECORD_KIND_ADMONISHMENT, "ZC_RECORD_KIND_ADMONISHMENT", "admonishment" },
  { ZC_RECORD_KIND_DISCIPLINE, "ZC_RECORD_KIND_DISCIPLINE", "discipline" })

ZC_DEFINE_ENUM (ZcChannel, zc_channel,
  { ZC_CHANNEL_HOTLINE, "ZC_CHANNEL_HOTLINE", "hotline" },
  { ZC_CHANNEL_SURVEY, "ZC_CHANNEL_SURVEY", "survey" },
  { ZC_CHANNEL_LETTER, "ZC_CHANNEL_LETTER", "letter" },
  { ZC_CHANNEL_VISIT, "ZC_CHANNEL_VISIT", "visit" },
  { ZC_CHANNEL_ONLINE, "ZC_CHANNEL_ONLINE", "online" })

static const GFlagsValue zc_role_values[] = {
  { ZC_ROLE_EMPLOYEE, "ZC_ROLE_EMPLOYEE", "employee" },
  { ZC_ROLE_LEAD, "ZC_ROLE_LEAD", "lead" },
  { ZC_ROLE_LEADER, "ZC_ROLE_LEADER", "leader" },
  { ZC_ROLE_INSPECTOR, "ZC_ROLE_INSPECTOR", "inspector" },
  { 0, NULL, NULL }
};

GType
zc_role_get_type (void)
{
  static gsize gtype_id = 0;

  if (g_once_init_enter (&gtype_id))
    {
      GType new_type = g_flags_register_static (g_intern_static_string ("ZcRole"),
                                                zc_role_values);
      g_once_init_leave (&gtype_id, new_type);
    }
  return (GType) gtype_id;
}

typedef struct
{
  const char *nick;
  const char *label;
} Label;

/* Labels by "type:nick"; source language English, translated through gettext. */
static const Label labels[] = {
  { "ZcPhase:mobilization", N_("Mobilization") },
  { "ZcPhase:inspection", N_("Finding problems") },
  { "ZcPhase:rectification", N_("Rectification") },
  { "ZcPhase:evaluation", N_("Evaluation") },
  { "ZcPhase:closed", N_("Closed") },
  { "ZcUnitKind:bureau", N_("Bureau") },
  { "ZcUnitKind:division", N_("Division") },
  { "ZcUnitKind:subordinate", N_("Subordinate unit") },
  { "ZcUnitKind:window", N_("Service window") },
  { "ZcFormState:not_started", N_("Not started") },
  { "ZcFormState:draft", N_("Draft") },
  { "ZcFormState:submitted", N_("Submitted") },
  { "ZcFormState:returned", N_("Returned") },
  { "ZcFormState:approved", N_("Approved") },
  { "ZcFindingSource:self", N_("Self-inspection") },
  { "ZcFindingSource:peer", N_("Suggested by a colleague") },
  { "ZcFindingSource:public", N_("Public feedback") },
  { "ZcTermType:none", N_("Not set") },
  { "ZcTermType:immediate", N_("Immediate") },
  { "ZcTermType:deadline", N_("By deadline") },
  { "ZcTermType:ongoing", N_("Ongoing") },
  { "ZcItemState:planned", N_("Planned") },
  { "ZcItemState:in_progress", N_("In progress") },
  { "ZcItemState:awaiting_closeout", N_("Awaiting close-out") },
  { "ZcItemState:closed", N_("Closed out") },
  { "ZcLight:none", N_("No deadline") },
  { "ZcLight:green", N_("Green") },
  { "ZcLight:yellow", N_("Yellow") },
  { "ZcLight:red", N_("Red") },
  { "ZcSeverity:general", N_("General") },
  { "ZcSeverity:serious", N_("Serious") },
  { "ZcSeverity:critical", N_("Critical") },
  { "ZcCommitmentState:draft", N_("Draft") },
  { "ZcCommitmentState:published", N_("Published") },
  { "ZcOrderState:assigned", N_("Assigned") },
  { "ZcOrderState:reminded", N_("Reminded") },
  { "ZcOrderState:answered", N_("Answered") },
  { "ZcOrderState:concluded", N_("Concluded") },
  { "ZcSatisfaction:satisfied", N_("Satisfied") },
  { "ZcSatisfaction:basically_satisfied", N_("Basically satisfied") },
  { "ZcSatisfaction:dissatisfied", N_("Dissatisfied") },
  { "ZcListKind:category", N_("Problem categories") },
  { "ZcListKind:benchmark", N_("Benchmarks") },
  { "ZcListKind:dimension", N_("Cause dimensions") },
  { "ZcListKind:focus_area", N_("Focus areas") },
  { "ZcMeritKind:commendation", N_("Commendation") },
  { "ZcMeritKind:award", N_("Award") },
  { "ZcMeritKind:criticism", N_("Criticism") },
  { "ZcMeritKind:admonishment", N_("Admonishment") },
  { "ZcMeritKind:discipline", N_("Disciplinary action") },
  { "ZcChannel:hotline", N_("Hotline") },
  { "ZcChannel:survey", N_("Satisfaction survey") },
  { "ZcChannel:letter", N_("Letter") },
  { "ZcChannel:visit", N_("Visit") },
  { "ZcChannel:online", N_("Online message") },
  { "ZcRole:employee", N_("Employee") },
  { "ZcRole:lead", N_("Unit lead") },
  { "ZcRole:leader", N_("Leader in charge") },
  { "ZcRole:inspector", N_("Inspector") },
};

const char *
zc_enum_to_string (GType enum_type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : NULL;
}

gboolean
zc_enum_from_string (GType       enum_type,
                     const char *str,
                     int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (str == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, str);
  if (ev == NULL)
    return FALSE;
  if (value)
    *value = ev->value;
  return TRUE;
}

static const char *
lookup_label (const char *type_name,
              const char *nick)
{
  gsize tlen = strlen (type_name);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *key = labels[i].nick;

      if (strncmp (key, type_name, tlen) == 0 && key[tlen] == ':' &&
          strcmp (key + tlen + 1, nick) == 0)
        return g_dgettext (GETTEXT_PACKAGE, labels[i].label);
    }
  return nick;
}

const char *
zc_enum_label (GType enum_type,
               int   value)
{
  const char *nick;

  if (G_TYPE_IS_FLAGS (enum_type))
    {
      for (guint i = 0; zc_role_values[i].value_nick; i++)
        if ((int) zc_role_values[i].value == value)
          return lookup_label (g_type_name (enum_type), zc_role_values[i].value_nick);
      return "";
    }
  nick = zc_enum_to_string (enum_type, value);
  if (nick == NULL)
    return "";
  return lookup_label (g_type_name (enum_type), nick);
}

gboolean
zc_roles_parse (const char *str,
                ZcRole     *roles)
{
  g_auto(GStrv) parts = NULL;
  ZcRole result = ZC_ROLE_NONE;

  g_return_val_if_fail (roles != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  parts = g_strsplit_set (str, ";,|", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *p = g_strstrip (parts[i]);
      gboolean found = FALSE;

      if (*p == '\0')
        continue;
      for (guint j = 0; zc_role_values[j].value_nick; j++)
        if (g_ascii_strcasecmp (p, zc_role_values[j].value_nick) == 0)
          {
            result |= zc_role_values[j].value;
            found = TRUE;
          }
      if (!found)
        return FALSE;
    }
  *roles = result;
  return TRUE;
}

char *
zc_roles_to_string (ZcRole roles)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint j = 0; zc_role_values[j].value_nick; j++)
    if (roles & zc_role_values[j].value)
      {
        if (s->len)
          g_string_append_c (s, ';');
        g_string_append (s, zc_role_values[j].value_nick);
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
zc_roles_label (ZcRole roles)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint j = 0; zc_role_values[j].value_nick; j++)
    if (roles & zc_role_values[j].value)
      {
        if (s->len)
          /* Translators: separator between role names in a list */
          g_string_append (s, _(", "));
        g_string_append (s, lookup_label ("ZcRole", zc_role_values[j].value_nick));
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
