/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-store-private.h"

G_BEGIN_DECLS

/*
 * A small bureau for the core tests:
 *   BUR 临江市民政局 (bureau)      JJ01 inspector, LD01 leader in charge of SJ and CK
 *   SJ  社会救助处 (focus)          SJ01 lead, SJ02 and SJ03 employees
 *   YL  养老服务处                  YL01 lead (no leader in charge), YL02 employee
 *   CK  婚姻登记窗口 (window, focus) CK01 lead, CK02 employee (focus post)
 *   OFF 办公室                      OFF01 employee (a unit without a lead)
 */
typedef struct
{
  char     *dir;
  char     *path;
  ZcStore  *store;
  ZcPerson *inspector, *leader, *sj_lead, *sj_emp, *sj_emp2, *yl_lead, *yl_emp, *ck_lead,
           *ck_emp, *off_emp;
  gint64    bur, sj, yl, ck, off;
} ZcFixture;

void      zc_fixture_setup      (ZcFixture     *fx,
                                 gconstpointer  data);
void      zc_fixture_teardown   (ZcFixture     *fx,
                                 gconstpointer  data);
/* Re-reads a person (roles, unit) after changes. */
ZcPerson *zc_fixture_person     (ZcFixture     *fx,
                                 const char    *code);
void      zc_fixture_phase      (ZcFixture     *fx,
                                 ZcPhase        phase);
gint64    zc_fixture_entry      (ZcFixture     *fx,
                                 ZcListKind     kind,
                                 const char    *code);
/* Writes a complete finding (with a cause) on @person's form; returns the finding. */
ZcFinding *zc_fixture_finding   (ZcFixture     *fx,
                                 ZcPerson      *person,
                                 const char    *phenomenon);
/* A form with one complete finding, submitted. */
ZcForm    *zc_fixture_submitted_form (ZcFixture *fx,
                                      ZcPerson  *person);
/* An item on a new problem of @unit built from an approved finding of @author; returns the
 * item in the planned state (rectification phase is set). */
ZcItem    *zc_fixture_item      (ZcFixture     *fx,
                                 ZcPerson      *lead,
                                 ZcPerson      *author,
                                 const char    *deadline);
char      *zc_fixture_write     (ZcFixture     *fx,
                                 const char    *name,
                                 const char    *contents);
void       zc_assert_verified   (ZcStore       *store);

G_END_DECLS
