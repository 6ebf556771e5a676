/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * Near-duplicate detection for Chinese (and mixed) text by character n-grams: text is
 * normalised (full-width to half-width, punctuation and white space dropped, Latin
 * lower-cased), cut into character bigrams, and compared by Jaccard similarity. No word
 * splitting is needed.
 */

#define ZC_SIMILARITY_CLUSTER_THRESHOLD 0.5
#define ZC_SIMILARITY_HINT_THRESHOLD    0.6

/* Jaccard similarity of the bigram sets of @a and @b, 0–1. */
double      zc_similarity_score   (const char *a,
                                   const char *b);

/* Groups @n texts into clusters of near-duplicates (single linkage over pairs scoring at
 * least @threshold). Returns a GPtrArray of GArray (guint indexes into @texts, ascending),
 * only clusters of two or more, largest first. */
GPtrArray  *zc_similarity_cluster (const char * const *texts,
                                   guint               n,
                                   double              threshold);

typedef struct _ZcSimilarityIndex ZcSimilarityIndex;

ZcSimilarityIndex *zc_similarity_index_new   (void);
void               zc_similarity_index_free  (ZcSimilarityIndex *index);
void               zc_similarity_index_add   (ZcSimilarityIndex *index,
                                              gint64             id,
                                              const char        *text);
/* The most similar text in the index (score ≥ @threshold): its id and score; FALSE if none. */
gboolean           zc_similarity_index_best  (ZcSimilarityIndex *index,
                                              const char        *text,
                                              double             threshold,
                                              gint64            *id,
                                              double            *score);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcSimilarityIndex, zc_similarity_index_free)

/* Clusters of the unit's findings (as zc_store_list_unit_findings gives them): a GPtrArray
 * of GArray of finding ids (gint64). */
GPtrArray  *zc_store_cluster_unit_findings (ZcStore   *self,
                                            ZcPerson  *actor,
                                            gint64     unit_id,
                                            GError   **error);

typedef enum
{
  ZC_HINT_NONE,
  ZC_HINT_TOO_SHORT,         /* the text is too short to mean anything */
  ZC_HINT_LIKE_EXAMPLE,      /* nearly the same as a guidance example */
  ZC_HINT_LIKE_OTHER,        /* nearly the same as another person's finding */
} ZcHintKind;

/* Quality hint for a phenomenon the actor is writing: never blocks, only explains.
 * @message receives a translated sentence for the person. */
ZcHintKind  zc_store_quality_hint (ZcStore    *self,
                                   ZcPerson   *actor,
                                   const char *phenomenon,
                                   char      **message);

/* Optional: builds, in a thread on a connection of its own, the index of the campaign's
 * findings that zc_store_quality_hint() compares with (a few hundred milliseconds for
 * 60,000 findings), so that the first hint does not wait for it. Call it when the form
 * page opens; without it the first hint builds the index itself. */
void        zc_store_prepare_quality_hints_async  (ZcStore             *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean    zc_store_prepare_quality_hints_finish (ZcStore             *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
