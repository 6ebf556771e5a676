/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zc-enums.h"
#include "zc-error.h"
#include "zc-records.h"

G_BEGIN_DECLS

/*
 * ZcStore is the façade over one campaign database. Every mutating call takes the acting
 * person (@actor), checks the policy of DOMAIN.md, validates the input, writes the change
 * and its audit entry in one transaction, and returns FALSE/NULL with a ZC_ERROR on
 * refusal; nothing is written then. A NULL @actor on a reading call is the holder of the
 * file itself (the command line without --as): it reads what is on record, never another
 * person's draft, and changes nothing. A store is used from one thread; background work opens
 * its own store on the same file (WAL lets readers and one writer share it).
 */

#define ZC_TYPE_STORE (zc_store_get_type ())
G_DECLARE_FINAL_TYPE (ZcStore, zc_store, ZC, STORE, GObject)

/* ---- opening ------------------------------------------------------------------------ */

ZcStore     *zc_store_open                (const char  *path,
                                           GError     **error);
const char  *zc_store_get_path            (ZcStore     *self);
/* Removes a database file with the journal files SQLite keeps beside it, for a database
 * made for work that did not finish (no connection may still have it open). */
void         zc_store_remove_files        (const char  *path);
/* The default database of the window and the CLI, in the user's data directory. */
char        *zc_store_default_path        (void);
/* Fixes "today" (YYYY-MM-DD) for tests and demos; NULL returns to the real date.
 * The ZICHA_TODAY environment variable does the same for a whole process. */
void         zc_store_set_today           (ZcStore     *self,
                                           const char  *date);
/* Today as YYYY-MM-DD, in local time (or the fixed day); @self may be NULL: the day of
 * the process (ZICHA_TODAY, or the real date), as a store without its own fixed day has it. */
char        *zc_store_today               (ZcStore     *self);
/* Multiplies the delay after a wrong passphrase (tests use 0). */
void         zc_store_set_auth_delay      (ZcStore     *self,
                                           double       factor);

/* ---- campaign ----------------------------------------------------------------------- */

gboolean     zc_store_has_campaign        (ZcStore     *self);
ZcCampaign  *zc_store_get_campaign        (ZcStore     *self,
                                           GError     **error);
/* Creates the campaign in an empty database; the configurable lists get their defaults. */
ZcCampaign  *zc_store_init_campaign       (ZcStore     *self,
                                           const char  *title,
                                           const char  *start_date,
                                           GError     **error);
/* Saves title, dates, warning window and supervision contact (inspectors). */
gboolean     zc_store_update_campaign     (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcCampaign  *campaign,
                                           GError     **error);
gboolean     zc_store_set_phase           (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcPhase      phase,
                                           GError     **error);
gboolean     zc_store_advance_phase       (ZcStore     *self,
                                           ZcPerson    *actor,
                                           GError     **error);
/* Reopens @phase for @unit alone (inspectors); -1 clears the reopening. */
gboolean     zc_store_reopen_phase        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcUnit      *unit,
                                           int          phase,
                                           GError     **error);
/* The phase that gates work in @unit_id: a reopened phase, or the campaign's. */
ZcPhase      zc_store_effective_phase     (ZcStore     *self,
                                           gint64       unit_id);
/* Days from today until the next phase date, or -1 when none. */
int          zc_store_days_left_in_phase  (ZcStore     *self);
/* Number of people; the CLI allows set-up without --as while this is 0. */
guint        zc_store_count_people        (ZcStore     *self);

/* ---- units, people, lists ------------------------------------------------------------ */

/* One row of an import that could not be used, or a warning about a row that was. */
typedef struct
{
  guint  row;      /* 1-based line number in the file, counting the header as 1 */
  char  *message;
} ZcImportIssue;

typedef struct
{
  guint      rows;       /* data rows read */
  guint      created;
  guint      updated;
  GPtrArray *errors;     /* ZcImportIssue*: rows that stop the import */
  GPtrArray *warnings;   /* ZcImportIssue*: rows imported with something kept as written */
} ZcImportReport;

ZcImportReport *zc_import_report_new         (void);
void            zc_import_report_free        (ZcImportReport *report);
ZcImportIssue  *zc_import_issue_new          (guint           row,
                                              const char     *format,
                                              ...) G_GNUC_PRINTF (2, 3);
void            zc_import_issue_free         (ZcImportIssue  *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcImportReport, zc_import_report_free)

/* Checks a units or people CSV without writing anything; @report lists every bad row.
 * FALSE only when the file cannot be read at all. */
gboolean     zc_store_preview_units_csv   (ZcStore         *self,
                                           const char      *path,
                                           ZcImportReport **report,
                                           GError         **error);
gboolean     zc_store_preview_people_csv  (ZcStore         *self,
                                           const char      *path,
                                           ZcImportReport **report,
                                           GError         **error);
/* Imports all rows or none: any bad row refuses the file (ZC_ERROR_INVALID naming it). */
gboolean     zc_store_import_units_csv    (ZcStore         *self,
                                           ZcPerson        *actor,
                                           const char      *path,
                                           ZcImportReport **report,
                                           GError         **error);
gboolean     zc_store_import_people_csv   (ZcStore         *self,
                                           ZcPerson        *actor,
                                           const char      *path,
                                           ZcImportReport **report,
                                           GError         **error);

/* Creates (id 0) or updates a unit (inspectors). */
gboolean     zc_store_save_unit           (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcUnit      *unit,
                                           GError     **error);
gboolean     zc_store_save_person         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcPerson    *person,
                                           GError     **error);
/* Sets the units a leader is in charge of (inspectors). */
gboolean     zc_store_set_units_in_charge (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcPerson    *leader,
                                           const gint64 *unit_ids,
                                           guint        n_units,
                                           GError     **error);

ZcUnit      *zc_store_get_unit            (ZcStore     *self,
                                           gint64       id,
                                           GError     **error);
ZcUnit      *zc_store_get_unit_by_code    (ZcStore     *self,
                                           const char  *code,
                                           GError     **error);
/* Units in tree order (parents before children, by position). */
GListModel  *zc_store_list_units          (ZcStore     *self);
ZcPerson    *zc_store_get_person          (ZcStore     *self,
                                           gint64       id,
                                           GError     **error);
ZcPerson    *zc_store_get_person_by_code  (ZcStore     *self,
                                           const char  *staff_code,
                                           GError     **error);
/* People of @unit_id (0: all), whose name, staff code or unit contains @search (may be NULL). */
GListModel  *zc_store_list_people         (ZcStore     *self,
                                           gint64       unit_id,
                                           const char  *search,
                                           guint        limit);
/* The ids of the units @person is the leader in charge of. */
GArray      *zc_store_units_in_charge     (ZcStore     *self,
                                           gint64       person_id);
/* The units @person looks after as a reviewer: their own unit when they are its lead, then
 * the units they are the leader in charge of, each once, in tree order. Empty for others. */
GArray      *zc_store_units_looked_after  (ZcStore     *self,
                                           ZcPerson    *person);

GListModel  *zc_store_list_entries        (ZcStore     *self,
                                           ZcListKind   kind);
ZcListEntry *zc_store_get_entry           (ZcStore     *self,
                                           gint64       id);
/* Finds an entry by its label in either language, or by code. */
ZcListEntry *zc_store_find_entry          (ZcStore     *self,
                                           ZcListKind   kind,
                                           const char  *label_or_code);
gboolean     zc_store_save_entry          (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcListEntry *entry,
                                           GError     **error);
/* The text a person reads for @entry: the custom label, or the translated built-in one. */
const char  *zc_list_entry_get_display_label (ZcListEntry *entry);
/* The official Chinese term of @entry, whatever the interface language: the custom label,
 * or the built-in entry's term of DOMAIN.md (documents handed on use these). */
const char  *zc_list_entry_get_official_label (ZcListEntry *entry);

ZcGuidance  *zc_store_get_guidance        (ZcStore     *self,
                                           const char  *step);
gboolean     zc_store_save_guidance       (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcGuidance  *guidance,
                                           GError     **error);

/* ---- sign-in -------------------------------------------------------------------------- */

/* Sets the passphrase; @old_passphrase must match when one is set. */
gboolean     zc_store_set_passphrase      (ZcStore     *self,
                                           ZcPerson    *person,
                                           const char  *old_passphrase,
                                           const char  *new_passphrase,
                                           GError     **error);
/* Checks the passphrase (argon2id); a wrong one is refused after a growing delay. */
ZcPerson    *zc_store_sign_in             (ZcStore     *self,
                                           const char  *staff_code,
                                           const char  *passphrase,
                                           GError     **error);

/* ---- self-inspection forms ------------------------------------------------------------ */

/* The actor's own form, created as a draft when there is none (in the inspection phase). */
ZcForm      *zc_store_ensure_own_form     (ZcStore     *self,
                                           ZcPerson    *actor,
                                           GError     **error);
/* The form of @person_id if the actor may read it; NULL with NOT_FOUND when none exists. */
ZcForm      *zc_store_get_form_of         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       person_id,
                                           GError     **error);
ZcForm      *zc_store_get_form            (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       form_id,
                                           GError     **error);
/* The findings of a form in order, with their display fields. */
GListModel  *zc_store_list_form_findings  (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       form_id,
                                           GError     **error);
/* Creates (id 0, form_id set) or updates a finding of the actor's own editable form. */
gboolean     zc_store_save_finding        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcFinding   *finding,
                                           GError     **error);
gboolean     zc_store_delete_finding      (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcFinding   *finding,
                                           GError     **error);
GListModel  *zc_store_list_causes         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       finding_id,
                                           GError     **error);
gboolean     zc_store_save_cause          (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcCause     *cause,
                                           GError     **error);
gboolean     zc_store_delete_cause        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcCause     *cause,
                                           GError     **error);
/* Checks that a form is complete enough to submit; the message names what is missing. */
gboolean     zc_store_check_form          (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcForm      *form,
                                           GError     **error);
gboolean     zc_store_submit_form         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcForm      *form,
                                           GError     **error);
gboolean     zc_store_approve_form        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcForm      *form,
                                           const char  *comment,
                                           GError     **error);
/* Returns the form to its author; @comment is required. */
gboolean     zc_store_return_form         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcForm      *form,
                                           const char  *comment,
                                           GError     **error);
/* The reviewer's comment on one finding of a submitted form. */
gboolean     zc_store_comment_finding     (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcFinding   *finding,
                                           const char  *comment,
                                           GError     **error);
/* May @actor approve or return @form? */
gboolean     zc_store_can_review          (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcForm      *form);
/* Submitted forms the actor may approve or return. */
GListModel  *zc_store_list_review_queue   (ZcStore     *self,
                                           ZcPerson    *actor);
/* One ZcForm a person of @unit_id (state not_started for people without a form). */
GListModel  *zc_store_list_participation  (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           GError     **error);

/* ---- suggestions and public feedback --------------------------------------------------- */

/* A problem the actor points out for a colleague (@target_person_id) or a unit. When
 * @anonymous, no trace of the author is stored, the audit log included. */
ZcFinding   *zc_store_suggest             (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       target_person_id,
                                           gint64       target_unit_id,
                                           gint64       category_id,
                                           const char  *text,
                                           gboolean     anonymous,
                                           GError     **error);
/* Public feedback about a unit, entered by an inspector or that unit's lead. */
ZcFinding   *zc_store_add_feedback        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           ZcChannel    channel,
                                           gint64       category_id,
                                           const char  *text,
                                           const char  *received_date,
                                           GError     **error);
/* Suggestions the actor may read about @person_id (their own received ones). */
GListModel  *zc_store_list_suggestions_for (ZcStore    *self,
                                            ZcPerson   *actor,
                                            gint64      person_id,
                                            GError    **error);

/* ---- aggregation ------------------------------------------------------------------------ */

/* Findings of the unit's approved forms, suggestions and feedback about the unit. */
GListModel  *zc_store_list_unit_findings  (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           GError     **error);
ZcProblem   *zc_store_merge_findings      (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           const char  *title,
                                           const char  *description,
                                           gint64       category_id,
                                           ZcSeverity   severity,
                                           const gint64 *finding_ids,
                                           guint        n_findings,
                                           GError     **error);
gboolean     zc_store_add_to_problem      (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcProblem   *problem,
                                           const gint64 *finding_ids,
                                           guint        n_findings,
                                           GError     **error);
gboolean     zc_store_save_problem        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcProblem   *problem,
                                           GError     **error);
/* Undoes a merge; refused once the problem has rectification items. */
gboolean     zc_store_unmerge_problem     (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcProblem   *problem,
                                           GError     **error);
GListModel  *zc_store_list_problems       (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           GError     **error);
ZcProblem   *zc_store_get_problem         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       id,
                                           GError     **error);
GListModel  *zc_store_list_problem_findings (ZcStore   *self,
                                             ZcPerson  *actor,
                                             gint64     problem_id,
                                             GError   **error);

/* ---- rectification ledger -------------------------------------------------------------- */

typedef struct
{
  gint64       unit_id;      /* 0: every unit the actor may read */
  int          state;        /* -1: any; else a ZcItemState */
  int          light;        /* -1: any; else a ZcLight */
  gint64       person_id;    /* 0: any responsible person */
  const char  *text;         /* NULL: no text filter */
  gboolean     focus_only;   /* focus units only */
  gint64       problem_id;   /* 0: any */
  const char  *sort;         /* column name; NULL: number */
  gboolean     descending;
  guint        limit;        /* 0: no limit */
  /* The dashboard's filters (zc-dashboard.h) and the records behind its weekly line. */
  gboolean     focus_posts;    /* items whose responsible person holds a focus post */
  gint64       focus_area_id;  /* 0: any; else items of problems raised in this focus area */
  const char  *reported_from;  /* with @reported_to (YYYY-MM-DD, inclusive): items with a */
  const char  *reported_to;    /* progress report dated in between; NULL: no such filter */
} ZcItemQuery;

#define ZC_ITEM_QUERY_INIT { 0, -1, -1, 0, NULL, FALSE, 0, NULL, FALSE, 0, FALSE, 0, NULL, NULL }

/* Creates (id 0) a planned item, or edits a planned one (the unit's lead). */
gboolean     zc_store_save_item           (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcItem      *item,
                                           GError     **error);
ZcItem      *zc_store_get_item            (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       id,
                                           GError     **error);
GListModel  *zc_store_list_items          (ZcStore           *self,
                                           ZcPerson          *actor,
                                           const ZcItemQuery *query,
                                           GError           **error);
/* Adds a progress report with evidence files (paths); moves planned → in progress. */
ZcProgress  *zc_store_report_progress     (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcItem      *item,
                                           int          percent,
                                           const char  *text,
                                           const char * const *evidence_paths,
                                           GError     **error);
GListModel  *zc_store_list_progress       (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       item_id,
                                           GError     **error);
GListModel  *zc_store_list_evidence       (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       progress_id,
                                           GError     **error);
GBytes      *zc_store_get_evidence_data   (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       evidence_id,
                                           GError     **error);
gboolean     zc_store_request_closeout    (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcItem      *item,
                                           GError     **error);
gboolean     zc_store_close_out           (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcItem      *item,
                                           const char  *note,
                                           GError     **error);
gboolean     zc_store_reject_closeout     (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcItem      *item,
                                           const char  *reason,
                                           GError     **error);
/* The light of @item today (never stored). */
ZcLight      zc_store_item_light          (ZcStore     *self,
                                           ZcItem      *item);

/* ---- public commitments -------------------------------------------------------------- */

/* Creates (id 0) or edits a draft commitment of the actor's unit. */
gboolean     zc_store_save_commitment     (ZcStore      *self,
                                           ZcPerson     *actor,
                                           ZcCommitment *commitment,
                                           GError      **error);
/* Replaces the pledges of a draft: @texts[i] tied to the items in @item_ids[i]
 * (a 0-terminated array of item ids, may be NULL). */
gboolean     zc_store_set_pledges         (ZcStore      *self,
                                           ZcPerson     *actor,
                                           ZcCommitment *commitment,
                                           const char * const *texts,
                                           const gint64 * const *item_ids,
                                           GError      **error);
GListModel  *zc_store_list_pledges        (ZcStore      *self,
                                           ZcPerson     *actor,
                                           gint64        commitment_id,
                                           GError      **error);
gboolean     zc_store_publish_commitment  (ZcStore      *self,
                                           ZcPerson     *actor,
                                           ZcCommitment *commitment,
                                           GError      **error);
/* A new draft version of a published commitment (pledges copied); the old stays visible. */
ZcCommitment *zc_store_amend_commitment   (ZcStore      *self,
                                           ZcPerson     *actor,
                                           ZcCommitment *commitment,
                                           GError      **error);
/* Commitments the actor may read; @unit_id 0 for all, @published_only for the public view. */
GListModel  *zc_store_list_commitments    (ZcStore      *self,
                                           ZcPerson     *actor,
                                           gint64        unit_id,
                                           gboolean      published_only,
                                           GError      **error);

/* ---- supervision, evaluation, assessment ----------------------------------------------- */

/* An order on an item (@item_id) or a whole unit (@item_id 0, @unit_id set). */
ZcOrder     *zc_store_issue_order         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       item_id,
                                           gint64       unit_id,
                                           const char  *reason,
                                           const char  *required_date,
                                           GError     **error);
gboolean     zc_store_remind_order        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcOrder     *order,
                                           const char  *text,
                                           GError     **error);
gboolean     zc_store_answer_order        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcOrder     *order,
                                           const char  *answer,
                                           GError     **error);
gboolean     zc_store_conclude_order      (ZcStore     *self,
                                           ZcPerson    *actor,
                                           ZcOrder     *order,
                                           const char  *text,
                                           GError     **error);
GListModel  *zc_store_list_orders         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           gboolean     open_only,
                                           GError     **error);
GListModel  *zc_store_list_order_events   (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       order_id,
                                           GError     **error);
ZcEvaluation *zc_store_record_evaluation  (ZcStore       *self,
                                           ZcPerson      *actor,
                                           ZcItem        *item,
                                           ZcSatisfaction satisfaction,
                                           const char    *note,
                                           GError       **error);
ZcMerit     *zc_store_record_merit        (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           gint64       person_id,
                                           ZcMeritKind  kind,
                                           const char  *date,
                                           const char  *text,
                                           GError     **error);
GListModel  *zc_store_list_merits         (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           GError     **error);
/* The measured results of every unit the actor may read (@unit_id 0) or of one. */
GListModel  *zc_store_list_assessments    (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           GError     **error);
/* Records (or replaces) the monthly review snapshot of a unit for @month (YYYY-MM). */
ZcReview    *zc_store_take_monthly_review (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           const char  *month,
                                           GError     **error);

/* ---- figures ------------------------------------------------------------------------ */

typedef struct
{
  guint people;
  guint units;
  guint forms[5];         /* indexed by ZcFormState (not_started first) */
  guint findings;
  guint problems;
  guint items[4];         /* indexed by ZcItemState */
  guint lights[4];        /* indexed by ZcLight */
  guint commitments_published;
  guint orders_open;
} ZcStats;

/* The campaign's figures, for the whole campaign (@unit_id 0) or one unit. */
gboolean     zc_store_get_stats           (ZcStore     *self,
                                           ZcPerson    *actor,
                                           gint64       unit_id,
                                           ZcStats     *stats,
                                           GError     **error);
/* The figures as the JSON object of CLI.md. */
char        *zc_stats_to_json             (const ZcStats *stats);

/* ---- integrity ------------------------------------------------------------------------ */

/* The number of the last entry of the audit log: every change written to the campaign, by
 * this store or any other program with the file open, adds one, so an equal number means
 * nothing has been written since. 0 for an empty log. */
gint64       zc_store_get_last_change     (ZcStore     *self);

/* Checks the database and the audit log's hash chain, and that every record matches the
 * last state its log recorded. @problems receives one line per finding (char*). */
gboolean     zc_store_verify              (ZcStore     *self,
                                           GPtrArray  **problems,
                                           GError     **error);

G_END_DECLS
