/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zc-limits.h"
#include "zc-similarity.h"
#include "zc-store-private.h"

/*
 * A text becomes a sorted array of unique 32-bit hashes of its character bigrams. Two
 * texts are compared by Jaccard similarity of those sets, computed by a merge. For many
 * texts, an inverted index (bigram → texts) finds the pairs that share anything at all,
 * counting shared bigrams on the way, so that only a small share of the n² pairs is ever
 * looked at. Bigrams found in a large share of the texts ("群众", "工作") are left out of
 * the candidate search (they make long posting lists and say little) but still count in
 * the score, through an upper bound and, when needed, an exact merge.
 */

/* Bigrams in more than this share of the texts do not generate candidate pairs... */
#define COMMON_SHARE 0.25
/* ...unless the collection is so small that every list is short anyway. */
#define COMMON_MIN_DF 32

typedef struct
{
  guint32 *hashes;   /* sorted, unique */
  guint    len;
} BigramSet;

static inline guint32
mix32 (guint32 h)
{
  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  h ^= h >> 16;
  return h;
}

static inline guint32
bigram_hash (gunichar a,
             gunichar b)
{
  return mix32 (mix32 (a * 0x9E3779B1u + 0x7F4A7C15u) ^ (b * 0xC2B2AE3Du + 1));
}

static gboolean
is_dropped (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return g_unichar_ispunct (c) || g_unichar_isspace (c);
    }
}

/* Characters whose NFKC form is known without the (slow) general algorithm: ASCII, the
 * CJK unified ideographs, CJK brackets and marks, general punctuation (dropped anyway),
 * and the full-width ASCII forms (which NFKC maps to ASCII). Anything else — combining
 * marks, compatibility ideographs, circled numbers — sends the text through
 * g_utf8_normalize(). */
static inline gboolean
fast_nfkc (gunichar  c,
           gunichar *out)
{
  if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x2010 && c <= 0x2027)
      || (c >= 0x3001 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F))
    {
      *out = c;
      return TRUE;
    }
  if (c >= 0xFF01 && c <= 0xFF5E)
    {
      *out = c - 0xFEE0;
      return TRUE;
    }
  if (c == 0x3000)
    {
      *out = ' ';
      return TRUE;
    }
  return FALSE;
}

static inline gboolean
keep_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  if (c >= 0x4E00 && c <= 0x9FFF)
    return TRUE;
  return !is_dropped (c);
}

/* The characters that count: NFKC (full-width letters and digits become half-width),
 * without punctuation, symbols and white space, lower-cased. */
static gunichar *
normalize_chars (const char *text,
                 guint      *n_chars)
{
  g_autofree char *nfkc = NULL;
  gunichar *chars;
  const char *p;
  guint n = 0;

  *n_chars = 0;
  if (text == NULL || *text == '\0')
    return NULL;

  chars = g_new (gunichar, strlen (text) + 1);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!fast_nfkc (c, &c))
        break;
      if (keep_char (c))
        chars[n++] = c < 0x80 ? (gunichar) g_ascii_tolower (c) : c;
    }

  if (*p != '\0')
    {
      nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
      if (nfkc == NULL)   /* not valid UTF-8 */
        {
          g_free (chars);
          return NULL;
        }
      n = 0;
      chars = g_renew (gunichar, chars, strlen (nfkc) + 1);
      for (p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (keep_char (c))
            chars[n++] = g_unichar_tolower (c);
        }
    }

  *n_chars = n;
  return chars;
}

/* Sorts hashes ascending: insertion sort for the short arrays most texts give, a radix
 * sort (four byte-wide passes) for long ones; no comparison callbacks either way. */
static void
sort_hashes (guint32 *a,
             guint    n)
{
  if (n < 64)
    {
      for (guint i = 1; i < n; i++)
        {
          guint32 v = a[i];
          guint j = i;

          while (j > 0 && a[j - 1] > v)
            {
              a[j] = a[j - 1];
              j--;
            }
          a[j] = v;
        }
      return;
    }

  {
    g_autofree guint32 *tmp = g_new (guint32, n);
    guint32 *from = a, *to = tmp;

    for (guint shift = 0; shift < 32; shift += 8)
      {
        guint count[257] = { 0, };

        for (guint i = 0; i < n; i++)
          count[((from[i] >> shift) & 0xFF) + 1]++;
        for (guint b = 0; b < 256; b++)
          count[b + 1] += count[b];
        for (guint i = 0; i < n; i++)
          to[count[(from[i] >> shift) & 0xFF]++] = from[i];
        {
          guint32 *t = from;

          from = to;
          to = t;
        }
      }
    /* four passes: the sorted data is back in @a */
    g_assert (from == a);
  }
}

static void
bigram_set_init (BigramSet  *set,
                 const char *text)
{
  g_autofree gunichar *chars = NULL;
  guint n = 0;
  guint len = 0;

  set->hashes = NULL;
  set->len = 0;

  chars = normalize_chars (text, &n);
  if (n == 0)
    return;

  if (n == 1)
    {
      /* A single character still says something: compare it as a bigram with nothing. */
      set->hashes = g_new (guint32, 1);
      set->hashes[0] = bigram_hash (chars[0], 0);
      set->len = 1;
      return;
    }

  set->hashes = g_new (guint32, n - 1);
  for (guint i = 0; i + 1 < n; i++)
    set->hashes[i] = bigram_hash (chars[i], chars[i + 1]);
  sort_hashes (set->hashes, n - 1);

  for (guint i = 0; i < n - 1; i++)
    if (len == 0 || set->hashes[len - 1] != set->hashes[i])
      set->hashes[len++] = set->hashes[i];
  set->len = len;
}

static void
bigram_set_clear (BigramSet *set)
{
  g_clear_pointer (&set->hashes, g_free);
  set->len = 0;
}

static guint
intersection_size (const BigramSet *a,
                   const BigramSet *b)
{
  guint i = 0, j = 0, shared = 0;

  while (i < a->len && j < b->len)
    {
      if (a->hashes[i] < b->hashes[j])
        i++;
      else if (a->hashes[i] > b->hashes[j])
        j++;
      else
        {
          shared++;
          i++;
          j++;
        }
    }
  return shared;
}

static inline double
jaccard (guint len_a,
         guint len_b,
         guint shared)
{
  guint united = len_a + len_b - shared;

  return united == 0 ? 0.0 : (double) shared / united;
}

/* Could two sets of these sizes sharing at most @max_shared bigrams reach @threshold? */
static inline gboolean
may_reach (guint  len_a,
           guint  len_b,
           guint  max_shared,
           double threshold)
{
  guint shared = MIN (max_shared, MIN (len_a, len_b));

  return jaccard (len_a, len_b, shared) >= threshold - 1e-12;
}

/**
 * zc_similarity_score:
 * @a: a text
 * @b: another text
 *
 * Returns: the Jaccard similarity of the bigram sets of the normalised texts, from 0
 * (nothing in common, or nothing to compare) to 1 (the same characters in the same order,
 * up to punctuation, spacing, case and width)
 */
double
zc_similarity_score (const char *a,
                     const char *b)
{
  BigramSet sa, sb;
  double score;

  bigram_set_init (&sa, a);
  bigram_set_init (&sb, b);
  score = jaccard (sa.len, sb.len, intersection_size (&sa, &sb));
  bigram_set_clear (&sa);
  bigram_set_clear (&sb);

  return score;
}

/* ---- a small open-addressing map from bigram hash to a dense term number ------------- */

typedef struct
{
  guint32 *keys;
  guint32 *values;   /* term + 1; 0 marks an empty slot */
  guint    mask;
  guint    used;
} TermMap;

static void
term_map_init (TermMap *map,
               guint    expected)
{
  guint size = 64;

  while (size < expected * 2)
    size <<= 1;
  map->keys = g_new (guint32, size);
  map->values = g_new0 (guint32, size);
  map->mask = size - 1;
  map->used = 0;
}

static void
term_map_clear (TermMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
  map->mask = 0;
  map->used = 0;
}

static void term_map_insert_slot (TermMap *map, guint32 key, guint32 value);

static void
term_map_grow (TermMap *map)
{
  guint32 *keys = map->keys;
  guint32 *values = map->values;
  guint old_size = map->mask + 1;

  map->keys = g_new (guint32, old_size * 2);
  map->values = g_new0 (guint32, old_size * 2);
  map->mask = old_size * 2 - 1;
  for (guint i = 0; i < old_size; i++)
    if (values[i] != 0)
      term_map_insert_slot (map, keys[i], values[i]);
  g_free (keys);
  g_free (values);
}

static void
term_map_insert_slot (TermMap *map,
                      guint32  key,
                      guint32  value)
{
  guint slot = mix32 (key) & map->mask;

  while (map->values[slot] != 0)
    slot = (slot + 1) & map->mask;
  map->keys[slot] = key;
  map->values[slot] = value;
}

/* The term number of @key, or G_MAXUINT32 when absent. */
static inline guint32
term_map_lookup (const TermMap *map,
                 guint32        key)
{
  guint slot = mix32 (key) & map->mask;

  while (map->values[slot] != 0)
    {
      if (map->keys[slot] == key)
        return map->values[slot] - 1;
      slot = (slot + 1) & map->mask;
    }
  return G_MAXUINT32;
}

/* The term number of @key, adding it as @next_term when absent. */
static guint32
term_map_intern (TermMap *map,
                 guint32  key,
                 guint32  next_term)
{
  guint slot = mix32 (key) & map->mask;

  while (map->values[slot] != 0)
    {
      if (map->keys[slot] == key)
        return map->values[slot] - 1;
      slot = (slot + 1) & map->mask;
    }
  map->keys[slot] = key;
  map->values[slot] = next_term + 1;
  map->used++;
  if (map->used * 2 > map->mask + 1)
    term_map_grow (map);
  return next_term;
}

/* ---- clustering ------------------------------------------------------------------------ */

static guint
uf_find (guint *parent,
         guint  x)
{
  guint root = x;

  while (parent[root] != root)
    root = parent[root];
  while (parent[x] != root)
    {
      guint next = parent[x];

      parent[x] = root;
      x = next;
    }
  return root;
}

static void
uf_union (guint *parent,
          guint *size,
          guint  a,
          guint  b)
{
  a = uf_find (parent, a);
  b = uf_find (parent, b);
  if (a == b)
    return;
  if (size[a] < size[b])
    {
      guint t = a;

      a = b;
      b = t;
    }
  parent[b] = a;
  size[a] += size[b];
}

static int
compare_clusters (gconstpointer a,
                  gconstpointer b)
{
  GArray *x = *(GArray * const *) a;
  GArray *y = *(GArray * const *) b;

  if (x->len != y->len)
    return x->len > y->len ? -1 : 1;
  /* equal sizes: the one whose first text comes first */
  return g_array_index (x, guint, 0) < g_array_index (y, guint, 0) ? -1 : 1;
}

/* How many of the rarest bigrams of a text of @len must be looked at so that no pair
 * scoring at least @threshold is missed: Jaccard ≥ t means an overlap of at least
 * t·max(|x|, |y|) ≥ ⌈t·|x|⌉ bigrams, so the first shared bigram in rank order lies among
 * the |x| − ⌈t·|x|⌉ + 1 rarest of each text. */
static inline guint
prefix_length (guint  len,
               double threshold)
{
  guint need;

  if (len == 0)
    return 0;
  need = (guint) ceil (threshold * len - 1e-9);
  need = CLAMP (need, 1, len);
  return len - need + 1;
}

/* How many of them go into the index, which only ever meets texts at least as long:
 * Jaccard ≥ t between |y| ≤ |x| needs an overlap of at least t/(1 + t)·(|x| + |y|) ≥
 * 2t/(1 + t)·|y|, so the first shared bigram lies among the |y| − ⌈2t/(1 + t)·|y|⌉ + 1
 * rarest of y (a third shorter than the probing prefix at t = 0.5). */
static inline guint
index_prefix_length (guint  len,
                     double threshold)
{
  return prefix_length (len, 2 * threshold / (1 + threshold));
}

/* qsort has no user data: the comparators read these, under a lock. */
static const guint *sort_key;
static const guint *sort_key2;
G_LOCK_DEFINE_STATIC (sort_lock);

/* Ascending by sort_key, then by sort_key2 (or the index itself when NULL). */
static int
compare_by_keys (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (sort_key[x] != sort_key[y])
    return sort_key[x] < sort_key[y] ? -1 : 1;
  if (sort_key2 != NULL && sort_key2[x] != sort_key2[y])
    return sort_key2[x] < sort_key2[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
sort_indexes (guint       *indexes,
              guint        n,
              const guint *key,
              const guint *key2)
{
  G_LOCK (sort_lock);
  sort_key = key;
  sort_key2 = key2;
  qsort (indexes, n, sizeof (guint), compare_by_keys);
  sort_key = NULL;
  sort_key2 = NULL;
  G_UNLOCK (sort_lock);
}

/**
 * zc_similarity_cluster:
 * @texts: (array length=n): the texts (%NULL entries are allowed and never clustered)
 * @n: their number
 * @threshold: the least similarity of a pair that links two texts, 0–1
 *
 * Groups near-duplicate texts by single linkage: two texts end up in one cluster when a
 * chain of pairs, each scoring at least @threshold, joins them.
 *
 * Returns: (transfer full) (element-type GArray): clusters of two or more texts, each a
 * #GArray of guint indexes into @texts in ascending order, largest cluster first
 */
GPtrArray *
zc_similarity_cluster (const char * const *texts,
                       guint               n,
                       double              threshold)
{
  /*
   * An all-pairs similarity join ("prefix filtering" with a positional filter, after
   * PPJoin). Bigrams are numbered by rarity (rank 0 is the rarest). Two texts scoring at
   * least t share at least ⌈t·|x|⌉ bigrams, so they share one among the
   * |x| − ⌈t·|x|⌉ + 1 rarest of each: only those "prefix" bigrams go into the inverted
   * index and are looked up, which misses no pair. Texts are taken shortest first, and
   * a text only meets the shorter texts that could still reach t (|y| ≥ t·|x|). While the
   * prefix is scanned, a pair is dropped as soon as the bigrams left on either side
   * cannot bring the overlap to what t needs. The pairs left are counted exactly against
   * a marker array. Bigrams found in more than a quarter of the texts never generate
   * candidates (they are only in a prefix when a text is made almost entirely of them).
   */
  g_autofree guint *text_len = NULL;    /* bigrams per text */
  g_autofree guint *text_off = NULL;    /* CSR: each text's bigram ranks, rarest first */
  g_autofree guint *text_ranks = NULL;
  g_autofree guint *term_df = NULL;     /* by term number */
  g_autofree guint *by_rank = NULL;     /* rank → term number */
  g_autofree guint *rank_df = NULL;     /* by rank */
  g_autofree guint *term_off = NULL;    /* CSR: the texts holding each term */
  g_autofree guint *term_texts = NULL;
  g_autofree guint *cursor = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *index_off = NULL;   /* CSR: the prefix index, by rank */
  g_autofree guint *index_start = NULL;
  g_autofree guint *index_fill = NULL;
  g_autofree guint *index_text = NULL;
  g_autofree guint *index_pos = NULL;
  g_autofree guint *need_for = NULL;    /* least overlap for Jaccard ≥ t, by |x| + |y| */
  g_autofree guint *seen = NULL;
  g_autofree guint *shared = NULL;
  g_autofree guint *mark = NULL;
  g_autofree guint *touched = NULL;
  g_autofree guint *parent = NULL;
  g_autofree guint *size = NULL;
  g_autofree GArray **by_root = NULL;
  g_autofree guint32 *text_terms = NULL;
  GPtrArray *clusters;
  TermMap map;
  guint total = 0, n_terms = 0, max_len = 0, max_df;

  g_return_val_if_fail (texts != NULL || n == 0, NULL);

  clusters = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (n < 2)
    return clusters;

  /* A threshold of 0 would link every pair, even those with nothing in common. */
  threshold = CLAMP (threshold, 1e-6, 1.0);

  /* Bigram sets, numbered densely. */
  text_len = g_new (guint, n);
  text_off = g_new (guint, n + 1);
  {
    g_autofree BigramSet *sets = g_new0 (BigramSet, n);

    for (guint i = 0; i < n; i++)
      {
        bigram_set_init (&sets[i], texts[i]);
        text_len[i] = sets[i].len;
        text_off[i] = total;
        total += sets[i].len;
        max_len = MAX (max_len, sets[i].len);
      }
    text_off[n] = total;

    term_map_init (&map, MAX (total / 2, 64));
    text_terms = g_new (guint32, MAX (total, 1));
    term_df = g_new0 (guint, total + 1);
    for (guint i = 0; i < n; i++)
      {
        for (guint k = 0; k < sets[i].len; k++)
          {
            guint32 t = term_map_intern (&map, sets[i].hashes[k], n_terms);

            if (t == n_terms)
              n_terms++;
            text_terms[text_off[i] + k] = t;
            term_df[t]++;
          }
        bigram_set_clear (&sets[i]);
      }
    term_map_clear (&map);
  }

  /* Ranks by rarity, then each text's bigrams in rank order, by walking the terms in rank
   * order over a term → texts index (no per-text sort needed). */
  by_rank = g_new (guint, MAX (n_terms, 1));
  for (guint t = 0; t < n_terms; t++)
    by_rank[t] = t;
  sort_indexes (by_rank, n_terms, term_df, NULL);
  rank_df = g_new (guint, MAX (n_terms, 1));
  for (guint r = 0; r < n_terms; r++)
    rank_df[r] = term_df[by_rank[r]];

  term_off = g_new0 (guint, n_terms + 1);
  for (guint t = 0; t < n_terms; t++)
    term_off[t + 1] = term_off[t] + term_df[t];
  term_texts = g_new (guint, MAX (total, 1));
  /* The cursor serves twice: over terms here, over texts below; size it for both. */
  cursor = g_new (guint, MAX (n_terms + 1, n));
  memcpy (cursor, term_off, (n_terms + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    for (guint k = text_off[i]; k < text_off[i + 1]; k++)
      term_texts[cursor[text_terms[k]]++] = i;
  g_clear_pointer (&text_terms, g_free);

  text_ranks = g_new (guint, MAX (total, 1));
  memcpy (cursor, text_off, n * sizeof (guint));
  for (guint r = 0; r < n_terms; r++)
    {
      guint t = by_rank[r];

      for (guint p = term_off[t]; p < term_off[t + 1]; p++)
        text_ranks[cursor[term_texts[p]]++] = r;
    }
  g_clear_pointer (&term_texts, g_free);
  g_clear_pointer (&term_off, g_free);

  /* Shortest texts first. */
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  sort_indexes (order, n, text_len, NULL);

  need_for = g_new (guint, 2 * max_len + 1);
  for (guint sum = 0; sum <= 2 * max_len; sum++)
    need_for[sum] = MAX ((guint) ceil (threshold / (1 + threshold) * sum - 1e-9), 1);

  /* The prefix index, filled as texts are processed: each list holds shorter texts first. */
  max_df = MAX ((guint) (n * COMMON_SHARE), COMMON_MIN_DF);
  index_off = g_new0 (guint, n_terms + 1);
  for (guint i = 0; i < n; i++)
    {
      guint plen = index_prefix_length (text_len[i], threshold);

      for (guint k = 0; k < plen; k++)
        index_off[text_ranks[text_off[i] + k] + 1]++;
    }
  for (guint r = 0; r < n_terms; r++)
    index_off[r + 1] += index_off[r];
  index_text = g_new (guint, MAX (index_off[n_terms], 1));
  index_pos = g_new (guint, MAX (index_off[n_terms], 1));
  index_start = g_memdup2 (index_off, (n_terms + 1) * sizeof (guint));
  index_fill = g_memdup2 (index_off, (n_terms + 1) * sizeof (guint));

  parent = g_new (guint, n);
  size = g_new (guint, n);
  seen = g_new (guint, n);
  shared = g_new0 (guint, n);
  touched = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      parent[i] = i;
      size[i] = 1;
      seen[i] = G_MAXUINT;
    }
  mark = g_new (guint, MAX (n_terms, 1));
  for (guint r = 0; r < n_terms; r++)
    mark[r] = G_MAXUINT;

  for (guint o = 0; o < n; o++)
    {
      guint x = order[o];
      guint len = text_len[x];
      const guint *xr = text_ranks + text_off[x];
      guint plen, min_len, n_touched = 0;

      if (len == 0)
        continue;
      plen = prefix_length (len, threshold);
      min_len = (guint) ceil (threshold * len - 1e-9);

      for (guint i = 0; i < plen; i++)
        {
          guint r = xr[i];

          if (rank_df[r] > max_df)
            continue;
          /* Texts too short for this one (and for every later, longer one) leave. */
          while (index_start[r] < index_fill[r] && text_len[index_text[index_start[r]]] < min_len)
            index_start[r]++;
          for (guint p = index_start[r]; p < index_fill[r]; p++)
            {
              guint y = index_text[p];
              guint ylen = text_len[y];

              if (seen[y] != x)
                {
                  seen[y] = x;
                  shared[y] = 0;
                  touched[n_touched++] = y;
                }
              else if (shared[y] == G_MAXUINT)
                continue;   /* ruled out already */

              /* Shared bigrams turn up in rank order: none before these two positions was
               * missed, and only those after them can still be shared. */
              if (shared[y] + 1 + MIN (len - i - 1, ylen - index_pos[p] - 1)
                  < need_for[len + ylen])
                shared[y] = G_MAXUINT;
              else
                shared[y]++;
            }
        }

      if (n_touched > 0)
        {
          for (guint i = 0; i < len; i++)
            mark[xr[i]] = x;

          for (guint m = 0; m < n_touched; m++)
            {
              guint y = touched[m];
              guint ylen = text_len[y];
              const guint *yr = text_ranks + text_off[y];
              guint need = need_for[len + ylen];
              guint common = 0;

              if (shared[y] == G_MAXUINT)
                continue;
              /* Already linked through some chain: nothing to learn from this pair. */
              if (uf_find (parent, x) == uf_find (parent, y))
                continue;
              /* The exact overlap, given up as soon as it cannot reach @need. */
              for (guint j = 0; j < ylen && common + (ylen - j) >= need; j++)
                common += mark[yr[j]] == x;
              if (common >= need && jaccard (len, ylen, common) >= threshold - 1e-12)
                uf_union (parent, size, x, y);
            }
        }

      for (guint i = 0; i < index_prefix_length (len, threshold); i++)
        {
          guint slot = index_fill[xr[i]]++;

          index_text[slot] = x;
          index_pos[slot] = i;
        }
    }

  by_root = g_new0 (GArray *, n);
  for (guint i = 0; i < n; i++)
    {
      guint root = uf_find (parent, i);

      if (size[root] < 2)
        continue;
      if (by_root[root] == NULL)
        {
          by_root[root] = g_array_sized_new (FALSE, FALSE, sizeof (guint), size[root]);
          g_ptr_array_add (clusters, by_root[root]);
        }
      g_array_append_val (by_root[root], i);
    }
  g_ptr_array_sort (clusters, compare_clusters);

  return clusters;
}

/* ---- an index for one-against-many lookups --------------------------------------------- */

typedef struct
{
  gint64    id;
  BigramSet set;
  gboolean  live;      /* FALSE once removed (its postings stay, and are skipped) */
} IndexEntry;

/*
 * Postings come in two parts: the entries added in bulk, in one array (CSR: @base_off[t] to
 * @base_off[t + 1] in @base) for the terms known then, and the entries added one by one
 * since, in a small array per term (@postings, NULL for terms with none).
 */
struct _ZcSimilarityIndex
{
  GArray    *entries;   /* IndexEntry */
  guint      n_live;
  TermMap    map;       /* bigram hash → term number */
  guint      n_terms;
  guint      n_base_terms;
  guint     *base_off;
  guint     *base;
  GPtrArray *postings;  /* term number → GArray of guint entry numbers, or NULL */
  GArray    *counts;    /* scratch: guint per entry */
};

static void
free_postings (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/**
 * zc_similarity_index_new:
 *
 * Returns: (transfer full): an empty index of texts, to find the one most like a new text
 */
ZcSimilarityIndex *
zc_similarity_index_new (void)
{
  ZcSimilarityIndex *index = g_new0 (ZcSimilarityIndex, 1);

  index->entries = g_array_new (FALSE, FALSE, sizeof (IndexEntry));
  term_map_init (&index->map, 1024);
  index->postings = g_ptr_array_new_with_free_func (free_postings);
  index->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  return index;
}

void
zc_similarity_index_free (ZcSimilarityIndex *index)
{
  if (index == NULL)
    return;

  for (guint i = 0; i < index->entries->len; i++)
    bigram_set_clear (&g_array_index (index->entries, IndexEntry, i).set);
  g_array_unref (index->entries);
  term_map_clear (&index->map);
  g_free (index->base_off);
  g_free (index->base);
  g_ptr_array_unref (index->postings);
  g_array_unref (index->counts);
  g_free (index);
}

/* Adds a text; returns its entry number (for index_remove()). */
static guint
index_add (ZcSimilarityIndex *index,
           gint64             id,
           const char        *text)
{
  IndexEntry entry = { id, { NULL, 0 }, TRUE };
  guint number;

  bigram_set_init (&entry.set, text);
  number = index->entries->len;
  g_array_append_val (index->entries, entry);
  g_array_set_size (index->counts, index->entries->len);
  index->n_live++;

  for (guint k = 0; k < entry.set.len; k++)
    {
      guint32 t = term_map_intern (&index->map, entry.set.hashes[k], index->n_terms);
      GArray *list;

      if (t == index->n_terms)
        {
          index->n_terms++;
          g_ptr_array_add (index->postings, NULL);
        }
      list = g_ptr_array_index (index->postings, t);
      if (list == NULL)
        {
          list = g_array_sized_new (FALSE, FALSE, sizeof (guint), 4);
          g_ptr_array_index (index->postings, t) = list;
        }
      g_array_append_val (list, number);
    }
  return number;
}

/* Adds @n texts to an empty index at once: the postings are laid out in one array. */
static void
index_add_bulk (ZcSimilarityIndex *index,
                const gint64      *ids,
                const char *const *texts,
                guint              n)
{
  g_autofree guint32 *terms = NULL;
  g_autofree guint *fill = NULL;
  guint total = 0, at = 0;

  g_assert (index->entries->len == 0);

  g_array_set_size (index->entries, n);
  for (guint i = 0; i < n; i++)
    {
      IndexEntry *entry = &g_array_index (index->entries, IndexEntry, i);

      entry->id = ids[i];
      entry->live = TRUE;
      bigram_set_init (&entry->set, texts[i]);
      total += entry->set.len;
    }
  index->n_live = n;
  g_array_set_size (index->counts, n);

  term_map_clear (&index->map);
  term_map_init (&index->map, MAX (total / 8, 1024));
  terms = g_new (guint32, MAX (total, 1));
  for (guint i = 0; i < n; i++)
    {
      IndexEntry *entry = &g_array_index (index->entries, IndexEntry, i);

      for (guint k = 0; k < entry->set.len; k++)
        {
          guint32 t = term_map_intern (&index->map, entry->set.hashes[k], index->n_terms);

          if (t == index->n_terms)
            index->n_terms++;
          terms[at++] = t;
        }
    }

  index->n_base_terms = index->n_terms;
  index->base_off = g_new0 (guint, index->n_terms + 1);
  for (guint k = 0; k < total; k++)
    index->base_off[terms[k] + 1]++;
  for (guint t = 0; t < index->n_terms; t++)
    index->base_off[t + 1] += index->base_off[t];
  index->base = g_new (guint, MAX (total, 1));
  fill = g_memdup2 (index->base_off, (index->n_terms + 1) * sizeof (guint));
  at = 0;
  for (guint i = 0; i < n; i++)
    {
      guint len = g_array_index (index->entries, IndexEntry, i).set.len;

      for (guint k = 0; k < len; k++)
        index->base[fill[terms[at++]]++] = i;
    }

  g_ptr_array_set_size (index->postings, index->n_terms);
}

static void
index_remove (ZcSimilarityIndex *index,
              guint              number)
{
  IndexEntry *entry = &g_array_index (index->entries, IndexEntry, number);

  if (!entry->live)
    return;
  entry->live = FALSE;
  bigram_set_clear (&entry->set);
  index->n_live--;
}

/**
 * zc_similarity_index_add:
 * @index: an index
 * @id: the caller's identifier of the text
 * @text: the text
 *
 * Adds a text to the index.
 */
void
zc_similarity_index_add (ZcSimilarityIndex *index,
                         gint64             id,
                         const char        *text)
{
  g_return_if_fail (index != NULL);

  index_add (index, id, text);
}

/* @number is the entry's number in the index, @id the caller's identifier. */
typedef gboolean (*IndexFilter) (guint    number,
                                 gint64   id,
                                 gpointer data);

/* The best entry scoring at least @threshold among those @accept takes (all when NULL). */
static gboolean
index_best (ZcSimilarityIndex *index,
            const char        *text,
            double             threshold,
            IndexFilter        accept,
            gpointer           data,
            gint64            *id,
            double            *score)
{
  g_autoptr(GArray) touched = NULL;
  BigramSet query;
  guint *counts;
  guint max_df;
  guint n_common = 0;
  gboolean found = FALSE;
  double best_score = -1;
  guint best = 0;

  bigram_set_init (&query, text);
  if (query.len == 0 || index->n_live == 0)
    {
      bigram_set_clear (&query);
      return FALSE;
    }

  /* Bigrams in a large share of the texts only count through the bound and the merge. */
  max_df = MAX ((guint) (index->entries->len * COMMON_SHARE), COMMON_MIN_DF);
  counts = (guint *) index->counts->data;
  touched = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < query.len; k++)
    {
      guint32 t = term_map_lookup (&index->map, query.hashes[k]);
      GArray *list;
      const guint *base = NULL;
      guint n_base = 0;

      if (t == G_MAXUINT32)
        continue;
      list = g_ptr_array_index (index->postings, t);
      if (t < index->n_base_terms)
        {
          base = index->base + index->base_off[t];
          n_base = index->base_off[t + 1] - index->base_off[t];
        }
      if (n_base + (list != NULL ? list->len : 0) > max_df)
        {
          n_common++;
          continue;
        }
      for (guint p = 0; p < n_base; p++)
        if (counts[base[p]]++ == 0)
          g_array_append_val (touched, base[p]);
      for (guint p = 0; list != NULL && p < list->len; p++)
        {
          guint e = g_array_index (list, guint, p);

          if (counts[e]++ == 0)
            g_array_append_val (touched, e);
        }
    }

  for (guint m = 0; m < touched->len; m++)
    {
      guint e = g_array_index (touched, guint, m);
      IndexEntry *entry = &g_array_index (index->entries, IndexEntry, e);
      guint shared = counts[e];
      double s;

      counts[e] = 0;
      if (!entry->live)
        continue;
      /* Sizes and the shared rare bigrams bound the score before any merge. */
      if (!may_reach (query.len, entry->set.len, shared + n_common, threshold))
        continue;
      if (best_score >= 0 &&
          jaccard (query.len, entry->set.len,
                   MIN (shared + n_common, MIN (query.len, entry->set.len))) < best_score)
        continue;
      if (accept != NULL && !accept (e, entry->id, data))
        continue;
      if (n_common != 0)
        shared = intersection_size (&query, &entry->set);
      s = jaccard (query.len, entry->set.len, shared);
      if (s >= threshold - 1e-12 && (s > best_score || (s == best_score && e < best)))
        {
          best_score = s;
          best = e;
          found = TRUE;
        }
    }

  if (found)
    {
      if (id != NULL)
        *id = g_array_index (index->entries, IndexEntry, best).id;
      if (score != NULL)
        *score = best_score;
    }

  bigram_set_clear (&query);
  return found;
}

/**
 * zc_similarity_index_best:
 * @index: an index
 * @text: the text to look up
 * @threshold: the least similarity that counts
 * @id: (out) (optional): the identifier of the most similar text
 * @score: (out) (optional): its similarity
 *
 * Finds the indexed text most similar to @text (the first added among equals).
 *
 * Returns: %TRUE when one scores at least @threshold
 */
gboolean
zc_similarity_index_best (ZcSimilarityIndex *index,
                          const char        *text,
                          double             threshold,
                          gint64            *id,
                          double            *score)
{
  g_return_val_if_fail (index != NULL, FALSE);

  return index_best (index, text, threshold, NULL, NULL, id, score);
}

/* ---- the store's uses ------------------------------------------------------------------ */

/**
 * zc_store_cluster_unit_findings:
 * @self: a store
 * @actor: the acting person (the unit's lead, usually)
 * @unit_id: the unit
 * @error: where to report a refusal
 *
 * Suggests groups of near-duplicate findings about a unit (its approved forms, suggestions
 * and public feedback), compared by their phenomenon (or their example when the
 * phenomenon is empty).
 *
 * Returns: (transfer full) (element-type GArray): clusters, each a #GArray of gint64
 * finding ids, largest first; %NULL with @error when the actor may not read the findings
 */
GPtrArray *
zc_store_cluster_unit_findings (ZcStore   *self,
                                ZcPerson  *actor,
                                gint64     unit_id,
                                GError   **error)
{
  /*
   * The findings zc_store_list_unit_findings() lists, in its order, but only their ids and
   * texts: building whole records (authors, counts of problems and causes, labels) took
   * twice as long as the clustering itself. The rule of who may read them and the WHERE
   * clause are those of zc_store_list_unit_findings() (zc-store-forms.c): keep them in step.
   */
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GByteArray) chars = NULL;
  g_autofree const char **texts = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *result;
  int rc;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!zc_policy_require (actor == NULL || zc_policy_is_lead_of (self, actor, unit_id) ||
                          zc_policy_is_leader_of (self, actor, unit_id) ||
                          zc_person_is (actor, ZC_ROLE_INSPECTOR),
                          actor, _("read the problems found in this unit"), error))
    return NULL;

  stmt = zc_store_stmt (self,
                        "SELECT fi.id, CASE WHEN fi.phenomenon IS NULL OR fi.phenomenon = '' "
                        "THEN fi.example ELSE fi.phenomenon END "
                        "FROM finding fi WHERE fi.unit_id = ?1 AND (fi.source <> 'self' OR "
                        "(SELECT state FROM form WHERE id = fi.form_id) = 'approved') "
                        "ORDER BY fi.category_id, fi.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);

  /* The texts go one after the other into one buffer (offsets, not pointers, while it
   * grows); G_MAXUINT marks a finding without text. */
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint), 1024);
  chars = g_byte_array_sized_new (64 * 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const guint8 *text = sqlite3_column_text (stmt, 1);
      guint offset = G_MAXUINT;

      if (text != NULL)
        {
          offset = chars->len;
          g_byte_array_append (chars, text, sqlite3_column_bytes (stmt, 1) + 1);
        }
      g_array_append_val (ids, id);
      g_array_append_val (offsets, offset);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_store_sql_error (self, "findings", error);
      return NULL;
    }

  texts = g_new (const char *, MAX (ids->len, 1));
  for (guint i = 0; i < ids->len; i++)
    {
      guint offset = g_array_index (offsets, guint, i);

      texts[i] = offset == G_MAXUINT ? NULL : (const char *) chars->data + offset;
    }

  clusters = zc_similarity_cluster (texts, ids->len, ZC_SIMILARITY_CLUSTER_THRESHOLD);

  result = g_ptr_array_new_full (clusters->len, (GDestroyNotify) g_array_unref);
  for (guint c = 0; c < clusters->len; c++)
    {
      GArray *members = g_ptr_array_index (clusters, c);
      GArray *cluster = g_array_sized_new (FALSE, FALSE, sizeof (gint64), members->len);

      for (guint m = 0; m < members->len; m++)
        g_array_append_val (cluster, g_array_index (ids, gint64, g_array_index (members, guint, m)));
      g_ptr_array_add (result, cluster);
    }

  return result;
}

/* ---- quality hints ------------------------------------------------------------------ */

/*
 * "Nearly the same as what someone else wrote" compares the text with every
 * self-inspection finding of the campaign (60,000 in a large city). The findings live in
 * an index of their bigrams kept with the store, built on the first hint and then kept up
 * to date from the audit log: every change to a finding has its entry there, so the
 * entries after the last one seen name the findings to read again. A look-up then costs
 * a few milliseconds whatever the size of the campaign.
 */
typedef struct
{
  ZcSimilarityIndex *index;
  GHashTable        *by_uuid;      /* finding uuid → entry number + 1 */
  GArray            *authors;      /* entry number → author id (gint64) */
  gint64             audit_mark;   /* the last audit entry taken into account */
  gint64             exclude;      /* while searching: the actor, whose findings do not count */
} HintCache;

#define HINT_CACHE_KEY "zc-hint-cache"
/* More changes than this since the last look-up: read everything again. */
#define HINT_CACHE_MAX_CHANGES 2000

static void
hint_cache_free (gpointer data)
{
  HintCache *cache = data;

  zc_similarity_index_free (cache->index);
  g_hash_table_unref (cache->by_uuid);
  g_array_unref (cache->authors);
  g_free (cache);
}

static void
hint_cache_put (HintCache  *cache,
                const char *uuid,
                gint64      id,
                gint64      author_id,
                const char *text)
{
  gpointer old = g_hash_table_lookup (cache->by_uuid, uuid);
  guint number;

  if (old != NULL)
    index_remove (cache->index, GPOINTER_TO_UINT (old) - 1);
  number = index_add (cache->index, id, text);
  g_hash_table_replace (cache->by_uuid, g_strdup (uuid), GUINT_TO_POINTER (number + 1));
  g_array_set_size (cache->authors, number + 1);
  g_array_index (cache->authors, gint64, number) = author_id;
}

static void
hint_cache_drop (HintCache  *cache,
                 const char *uuid)
{
  gpointer old = g_hash_table_lookup (cache->by_uuid, uuid);

  if (old == NULL)
    return;
  index_remove (cache->index, GPOINTER_TO_UINT (old) - 1);
  g_hash_table_remove (cache->by_uuid, uuid);
}

#define HINT_FINDINGS \
  "SELECT uuid, id, author_id, phenomenon FROM finding " \
  "WHERE source = 'self' AND author_id IS NOT NULL AND phenomenon IS NOT NULL"

static HintCache *
hint_cache_build (ZcStore  *self,
                  GError  **error)
{
  HintCache *cache = g_new0 (HintCache, 1);
  sqlite3_stmt *stmt;
  int rc;

  cache->index = zc_similarity_index_new ();
  cache->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cache->authors = g_array_new (FALSE, TRUE, sizeof (gint64));
  /* The mark first: a change made meanwhile is read again next time, which does no harm. */
  cache->audit_mark = zc_store_query_int (self, 0, "SELECT max(id) FROM audit", NULL);

  stmt = zc_store_stmt (self, HINT_FINDINGS, error);
  if (stmt == NULL)
    {
      hint_cache_free (cache);
      return NULL;
    }
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 1);
        gint64 author_id = sqlite3_column_int64 (stmt, 2);

        g_hash_table_replace (cache->by_uuid, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                              GUINT_TO_POINTER (ids->len + 1));
        g_array_append_val (ids, id);
        g_array_append_val (cache->authors, author_id);
        g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        zc_store_sql_error (self, "findings", error);
        hint_cache_free (cache);
        return NULL;
      }
    index_add_bulk (cache->index, (const gint64 *) ids->data,
                    (const char * const *) texts->pdata, ids->len);
  }
  return cache;
}

/* Reads again the findings changed since the cache last looked. */
static gboolean
hint_cache_refresh (ZcStore    *self,
                    HintCache  *cache,
                    GError    **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  gint64 mark = zc_store_query_int (self, 0, "SELECT max(id) FROM audit", NULL);
  sqlite3_stmt *stmt;

  if (mark == cache->audit_mark)
    return TRUE;
  if (mark < cache->audit_mark || mark - cache->audit_mark > HINT_CACHE_MAX_CHANGES)
    return FALSE;

  stmt = zc_store_stmt (self, "SELECT DISTINCT record FROM audit "
                              "WHERE id > ? AND id <= ? AND tbl = 'finding' AND record IS NOT NULL",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cache->audit_mark);
  sqlite3_bind_int64 (stmt, 2, mark);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (changed, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  stmt = zc_store_stmt (self, HINT_FINDINGS " AND uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < changed->len; i++)
    {
      const char *uuid = g_ptr_array_index (changed, i);

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        hint_cache_put (cache, uuid, sqlite3_column_int64 (stmt, 1),
                        sqlite3_column_int64 (stmt, 2), (const char *) sqlite3_column_text (stmt, 3));
      else
        hint_cache_drop (cache, uuid);   /* deleted, emptied, or no longer a self finding */
      sqlite3_reset (stmt);
    }
  sqlite3_clear_bindings (stmt);
  cache->audit_mark = mark;

  /* Removed entries leave their postings behind: start afresh when they pile up. */
  return cache->index->entries->len <= 2 * cache->index->n_live + 64;
}

static gboolean
written_by_other (guint    number,
                  gint64   id,
                  gpointer data)
{
  HintCache *cache = data;

  return g_array_index (cache->authors, gint64, number) != cache->exclude;
}

static gboolean
like_other_finding (ZcStore    *self,
                    ZcPerson   *actor,
                    const char *text,
                    GError    **error)
{
  HintCache *cache = g_object_get_data (G_OBJECT (self), HINT_CACHE_KEY);
  gboolean found;

  /* A cache that cannot follow the changes (too many, or a failed read) is built again. */
  if (cache != NULL && !hint_cache_refresh (self, cache, NULL))
    {
      g_object_set_data (G_OBJECT (self), HINT_CACHE_KEY, NULL);
      cache = NULL;
    }
  if (cache == NULL)
    {
      cache = hint_cache_build (self, error);
      if (cache == NULL)
        return FALSE;
      g_object_set_data_full (G_OBJECT (self), HINT_CACHE_KEY, cache, hint_cache_free);
    }

  cache->exclude = actor != NULL ? zc_record_get_id (ZC_RECORD (actor)) : 0;
  found = index_best (cache->index, text, ZC_SIMILARITY_HINT_THRESHOLD, written_by_other, cache,
                      NULL, NULL);

  /* Inside a transaction the cache may have seen changes that are rolled back later. */
  if (self->tx_depth > 0)
    g_object_set_data (G_OBJECT (self), HINT_CACHE_KEY, NULL);

  return found;
}

static gboolean
like_guidance_example (ZcStore    *self,
                       const char *text)
{
  g_autoptr(ZcGuidance) guidance = zc_store_get_guidance (self, "phenomenon");
  g_auto(GStrv) examples = NULL;
  const char *all;

  if (guidance == NULL)
    return FALSE;
  all = zc_guidance_get_examples (guidance);
  if (all == NULL)
    return FALSE;

  examples = g_strsplit (all, "\n", -1);
  for (guint i = 0; examples[i] != NULL; i++)
    if (zc_similarity_score (text, examples[i]) >= ZC_SIMILARITY_HINT_THRESHOLD)
      return TRUE;

  return FALSE;
}

/**
 * zc_store_quality_hint:
 * @self: a store
 * @actor: (nullable): the person writing
 * @phenomenon: what they have written so far
 * @message: (out) (optional) (transfer full): a translated sentence explaining the hint,
 *   or %NULL for %ZC_HINT_NONE
 *
 * Looks at a phenomenon being written and says, calmly, when it is too short to mean
 * anything, or reads almost the same as a guidance example or as what someone else wrote.
 * It never blocks anything. An empty text gets no hint.
 *
 * Returns: the kind of hint
 */
ZcHintKind
zc_store_quality_hint (ZcStore    *self,
                       ZcPerson   *actor,
                       const char *phenomenon,
                       char      **message)
{
  g_autofree gunichar *chars = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (message != NULL)
    *message = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), ZC_HINT_NONE);

  chars = normalize_chars (phenomenon, &n);
  if (n == 0)
    return ZC_HINT_NONE;

  if (n < ZC_MIN_MEANINGFUL)
    {
      if (message != NULL)
        *message = g_strdup (_("This is still very short. A phenomenon says what happened: "
                               "when, where, what you did or did not do, and what it led to."));
      return ZC_HINT_TOO_SHORT;
    }

  if (like_guidance_example (self, phenomenon))
    {
      if (message != NULL)
        *message = g_strdup (_("This reads almost the same as a guidance example. Describe "
                               "what happened in your own work: when, where, what."));
      return ZC_HINT_LIKE_EXAMPLE;
    }

  if (like_other_finding (self, actor, phenomenon, &error))
    {
      if (message != NULL)
        *message = g_strdup (_("This reads almost the same as a problem a colleague has "
                               "written. If it is true of you as well, say how it shows in "
                               "your own work: when, where, what."));
      return ZC_HINT_LIKE_OTHER;
    }
  if (error != NULL)
    g_debug ("Quality hint: could not compare with other findings: %s", error->message);

  return ZC_HINT_NONE;
}

static void
prepare_hints_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(ZcStore) store = NULL;
  GError *error = NULL;
  HintCache *cache;

  store = zc_store_open (path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  cache = hint_cache_build (store, &error);
  if (cache == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cache, hint_cache_free);
}

/**
 * zc_store_prepare_quality_hints_async:
 * @self: a store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the index is ready
 * @user_data: for @callback
 *
 * Builds the index of the campaign's findings that zc_store_quality_hint() uses, in a thread
 * with its own connection to the database, so that the first hint answers at once.
 */
void
zc_store_prepare_quality_hints_async (ZcStore             *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZC_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_store_prepare_quality_hints_async);
  g_task_set_task_data (task, g_strdup (zc_store_get_path (self)), g_free);
  g_task_run_in_thread (task, prepare_hints_thread);
}

/**
 * zc_store_prepare_quality_hints_finish:
 * @self: a store
 * @result: the result given to the callback
 * @error: where to report a failure
 *
 * Hands the index built in the thread to @self (unless a hint built one meanwhile).
 *
 * Returns: %TRUE when the index is ready
 */
gboolean
zc_store_prepare_quality_hints_finish (ZcStore       *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  HintCache *cache;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        zc_store_prepare_quality_hints_async, FALSE);

  cache = g_task_propagate_pointer (G_TASK (result), error);
  if (cache == NULL)
    return FALSE;
  /* The cache was read on another connection: the changes after its audit mark are read
   * on this one at the next hint. */
  if (g_object_get_data (G_OBJECT (self), HINT_CACHE_KEY) == NULL)
    g_object_set_data_full (G_OBJECT (self), HINT_CACHE_KEY, cache, hint_cache_free);
  else
    hint_cache_free (cache);
  return TRUE;
}
