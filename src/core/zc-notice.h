/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-doc.h"

G_BEGIN_DECLS

/**
 * zc_notice_render:
 * @store: a store used by the calling thread alone
 * @actor: the reader (an inspector for the whole campaign; others see the units they may
 *   read, and every published commitment)
 * @cancellable: (nullable): cancels the work
 * @progress: (nullable): called with the share done
 * @progress_data: data for @progress
 * @error: where to report a refusal or the cancellation
 *
 * The public notice page (公示): one self-contained HTML file (inline CSS, no scripts, no
 * external resources; lang="zh-CN", readable on a phone) with the published commitments of
 * every unit (amended ones with their earlier versions) and the state of each unit's
 * rectification items: the counts by state and light, and the list with its lights. The
 * markup is also well-formed XML, so that any parser can check it.
 *
 * Returns: (transfer full): the page, or %NULL
 */
char       *zc_notice_render (ZcStore        *store,
                              ZcPerson       *actor,
                              GCancellable   *cancellable,
                              ZcProgressFunc  progress,
                              gpointer        progress_data,
                              GError        **error);

/* Renders the page into @path (written atomically). */
gboolean    zc_notice_export (ZcStore        *store,
                              ZcPerson       *actor,
                              const char     *path,
                              GCancellable   *cancellable,
                              ZcProgressFunc  progress,
                              gpointer        progress_data,
                              GError        **error);

G_END_DECLS
