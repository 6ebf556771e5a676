/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

typedef enum
{
  ZC_DEMO_BUREAU,   /* one civil-affairs bureau: ~20 units, ~200 people */
  ZC_DEMO_CITY,     /* ~60 units, ~12,000 people, for benchmarks */
} ZcDemoScale;

/* Fills an empty database with a realistic demo campaign in Chinese: every record kind,
 * every state and every light. Deterministic for a given @seed. @progress (may be NULL)
 * is called with a fraction 0–1. */
gboolean zc_demo_generate (ZcStore      *store,
                           ZcDemoScale   scale,
                           guint32       seed,
                           void        (*progress) (double fraction, gpointer data),
                           gpointer      data,
                           GError      **error);

G_END_DECLS
