/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

/* The steps of the guided self-inspection, in the campaign's method. */
typedef enum
{
  ZC_STEP_PHENOMENON,   /* 摆现象 */
  ZC_STEP_GAP,          /* 找差距 */
  ZC_STEP_CAUSE,        /* 查原因 */
  ZC_STEP_MEASURE,      /* 定措施 */
  ZC_STEP_REVIEW,       /* 审阅提交 */
  ZC_N_STEPS
} ZcStep;

#define ZC_TYPE_FINDING_EDITOR (zc_finding_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZcFindingEditor, zc_finding_editor, ZC, FINDING_EDITOR, AdwBin)

/*
 * One problem of the person's form, as one step of the method shows it: the category,
 * focus area, phenomenon and example (with a calm quality hint); the benchmark and the gap;
 * the causes; the measure and its term type. Later steps show the phenomenon the problem
 * is about, every step names what it still misses, and the reviewer's comment stands
 * beside the problem it concerns.
 *
 * Edits go straight into @finding (and the ZcCause objects of @causes); "record-changed"
 * says which record needs saving. "delete-finding" and "delete-cause" ask the page to
 * remove one.
 */
GtkWidget *zc_finding_editor_new        (ZcStore         *store,
                                         ZcPerson        *actor,
                                         ZcFinding       *finding,
                                         GListStore      *causes,
                                         ZcStep           step,
                                         guint            number,
                                         gboolean         editable);
ZcFinding *zc_finding_editor_get_finding (ZcFindingEditor *self);
/* Whether the first step offers to remove the problem (TRUE when editable). */
void       zc_finding_editor_set_deletable (ZcFindingEditor *self,
                                            gboolean         deletable);
/* Moves the keyboard focus to the first field of the step. */
void       zc_finding_editor_focus      (ZcFindingEditor *self);
/* What the step still misses, joined for people ("the benchmark, the gap"), or NULL. */
char      *zc_finding_editor_missing    (ZcFinding       *finding,
                                         GListModel      *causes,
                                         ZcStep           step);

G_END_DECLS
