/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Every enum is registered as a GEnum (GFlags for roles) whose value nick is the stable
 * identifier stored in the database, written in exchange files and accepted on the command
 * line. zc_enum_label() gives the translated label a person reads.
 */

typedef enum
{
  ZC_PHASE_MOBILIZATION,
  ZC_PHASE_INSPECTION,
  ZC_PHASE_RECTIFICATION,
  ZC_PHASE_EVALUATION,
  ZC_PHASE_CLOSED,
} ZcPhase;

typedef enum
{
  ZC_UNIT_KIND_BUREAU,
  ZC_UNIT_KIND_DIVISION,
  ZC_UNIT_KIND_SUBORDINATE,
  ZC_UNIT_KIND_WINDOW,
} ZcUnitKind;

typedef enum /*< flags >*/
{
  ZC_ROLE_NONE      = 0,
  ZC_ROLE_EMPLOYEE  = 1 << 0,
  ZC_ROLE_LEAD      = 1 << 1,
  ZC_ROLE_LEADER    = 1 << 2,
  ZC_ROLE_INSPECTOR = 1 << 3,
} ZcRole;

typedef enum
{
  ZC_FORM_STATE_NOT_STARTED,  /* no form row yet; only reported, never stored */
  ZC_FORM_STATE_DRAFT,
  ZC_FORM_STATE_SUBMITTED,
  ZC_FORM_STATE_RETURNED,
  ZC_FORM_STATE_APPROVED,
} ZcFormState;

typedef enum
{
  ZC_FINDING_SOURCE_SELF,
  ZC_FINDING_SOURCE_PEER,
  ZC_FINDING_SOURCE_PUBLIC,
} ZcFindingSource;

typedef enum
{
  ZC_TERM_TYPE_NONE,          /* not chosen yet */
  ZC_TERM_TYPE_IMMEDIATE,     /* 立行立改 */
  ZC_TERM_TYPE_DEADLINE,      /* 限期整改 */
  ZC_TERM_TYPE_ONGOING,       /* 长期坚持 */
} ZcTermType;

typedef enum
{
  ZC_ITEM_STATE_PLANNED,
  ZC_ITEM_STATE_IN_PROGRESS,
  ZC_ITEM_STATE_AWAITING_CLOSEOUT,
  ZC_ITEM_STATE_CLOSED,
} ZcItemState;

typedef enum
{
  ZC_LIGHT_NONE,    /* no date to measure against */
  ZC_LIGHT_GREEN,
  ZC_LIGHT_YELLOW,
  ZC_LIGHT_RED,
} ZcLight;

typedef enum
{
  ZC_SEVERITY_GENERAL,
  ZC_SEVERITY_SERIOUS,
  ZC_SEVERITY_CRITICAL,
} ZcSeverity;

typedef enum
{
  ZC_COMMITMENT_STATE_DRAFT,
  ZC_COMMITMENT_STATE_PUBLISHED,
} ZcCommitmentState;

typedef enum
{
  ZC_ORDER_STATE_ASSIGNED,
  ZC_ORDER_STATE_REMINDED,
  ZC_ORDER_STATE_ANSWERED,
  ZC_ORDER_STATE_CONCLUDED,
} ZcOrderState;

typedef enum
{
  ZC_SATISFACTION_SATISFIED,
  ZC_SATISFACTION_BASICALLY,
  ZC_SATISFACTION_DISSATISFIED,
} ZcSatisfaction;

typedef enum
{
  ZC_LIST_KIND_CATEGORY,
  ZC_LIST_KIND_BENCHMARK,
  ZC_LIST_KIND_DIMENSION,
  ZC_LIST_KIND_FOCUS_AREA,
} ZcListKind;

typedef enum
{
  ZC_RECORD_KIND_COMMENDATION,
  ZC_RECORD_KIND_AWARD,
  ZC_RECORD_KIND_CRITICISM,
  ZC_RECORD_KIND_ADMONISHMENT,
  ZC_RECORD_KIND_DISCIPLINE,
} ZcMeritKind;

typedef enum
{
  ZC_CHANNEL_HOTLINE,
  ZC_CHANNEL_SURVEY,
  ZC_CHANNEL_LETTER,
  ZC_CHANNEL_VISIT,
  ZC_CHANNEL_ONLINE,
} ZcChannel;

GType zc_phase_get_type             (void) G_GNUC_CONST;
GType zc_unit_kind_get_type         (void) G_GNUC_CONST;
GType zc_role_get_type              (void) G_GNUC_CONST;
GType zc_form_state_get_type        (void) G_GNUC_CONST;
GType zc_finding_source_get_type    (void) G_GNUC_CONST;
GType zc_term_type_get_type         (void) G_GNUC_CONST;
GType zc_item_state_get_type        (void) G_GNUC_CONST;
GType zc_light_get_type             (void) G_GNUC_CONST;
GType zc_severity_get_type          (void) G_GNUC_CONST;
GType zc_commitment_state_get_type  (void) G_GNUC_CONST;
GType zc_order_state_get_type       (void) G_GNUC_CONST;
GType zc_satisfaction_get_type      (void) G_GNUC_CONST;
GType zc_list_kind_get_type         (void) G_GNUC_CONST;
GType zc_merit_kind_get_type        (void) G_GNUC_CONST;
GType zc_channel_get_type           (void) G_GNUC_CONST;

#define ZC_TYPE_PHASE            (zc_phase_get_type ())
#define ZC_TYPE_UNIT_KIND        (zc_unit_kind_get_type ())
#define ZC_TYPE_ROLE             (zc_role_get_type ())
#define ZC_TYPE_FORM_STATE       (zc_form_state_get_type ())
#define ZC_TYPE_FINDING_SOURCE   (zc_finding_source_get_type ())
#define ZC_TYPE_TERM_TYPE        (zc_term_type_get_type ())
#define ZC_TYPE_ITEM_STATE       (zc_item_state_get_type ())
#define ZC_TYPE_LIGHT            (zc_light_get_type ())
#define ZC_TYPE_SEVERITY         (zc_severity_get_type ())
#define ZC_TYPE_COMMITMENT_STATE (zc_commitment_state_get_type ())
#define ZC_TYPE_ORDER_STATE      (zc_order_state_get_type ())
#define ZC_TYPE_SATISFACTION     (zc_satisfaction_get_type ())
#define ZC_TYPE_LIST_KIND        (zc_list_kind_get_type ())
#define ZC_TYPE_MERIT_KIND       (zc_merit_kind_get_type ())
#define ZC_TYPE_CHANNEL          (zc_channel_get_type ())

/* The stable identifier (value nick) of @value in @enum_type, or NULL. */
const char *zc_enum_to_string   (GType       enum_type,
                                 int         value);
/* Parses a stable identifier; returns FALSE when @str is not one. */
gboolean    zc_enum_from_string (GType       enum_type,
                                 const char *str,
                                 int        *value);
/* The translated label of @value, for people. */
const char *zc_enum_label       (GType       enum_type,
                                 int         value);
/* Parses "employee;lead" into flags; FALSE on an unknown role. */
gboolean    zc_roles_parse      (const char *str,
                                 ZcRole     *roles);
/* "employee;lead" */
char       *zc_roles_to_string  (ZcRole      roles);
/* Translated, joined with the locale's list separator. */
char       *zc_roles_label      (ZcRole      roles);

G_END_DECLS
