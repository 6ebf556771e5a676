/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

typedef enum
{
  ZC_DEMO_BUREAU,   /* one civil-affairs bureau: ~20 units, ~200 people */
  ZC_DEMO_CITY,     /* ~60 units, ~12,000 people, for benchmarks */
} ZcDemoScale;

/*
 * The demo campaign is 临江市民政局 (a fictional municipal civil-affairs bureau), in its
 * rectification phase on the day it is generated. At both scales these people exist, with
 * the passphrase ZC_DEMO_PASSPHRASE and an approved self-inspection form:
 *
 *   JJ001  inspector   驻局纪检监察组组长 (roles inspector;lead of unit JJ)
 *   JL001  leader      局长: lead of the bureau unit LJMZ, in charge of BGS, RSC, GHCW
 *   JL002  leader      副局长 in charge of SJ (社会救助处), HDZX, JZZ
 *   SJ001  lead        社会救助处处长 (unit SJ, a focus unit)
 *   SJ002  employee    a member of 社会救助处, responsible person of some of its items
 *
 * JJ002 and JJ003 are further inspectors. Staff codes are the unit code (JL for the
 * bureau's leaders) and a three-digit number; the unit's lead is number 001.
 */
#define ZC_DEMO_INSPECTOR  "JJ001"
#define ZC_DEMO_LEADER     "JL002"
#define ZC_DEMO_LEAD       "SJ001"
#define ZC_DEMO_EMPLOYEE   "SJ002"
#define ZC_DEMO_PASSPHRASE "zicha-demo"

/* Fills an empty database with a realistic demo campaign in Chinese: every record kind,
 * every state and every light. Deterministic for a given @seed. @progress (may be NULL)
 * is called with a fraction 0–1. Everything is written in one transaction: on failure
 * nothing is left behind. */
gboolean zc_demo_generate (ZcStore      *store,
                           ZcDemoScale   scale,
                           guint32       seed,
                           void        (*progress) (double fraction, gpointer data),
                           gpointer      data,
                           GError      **error);

G_END_DECLS
