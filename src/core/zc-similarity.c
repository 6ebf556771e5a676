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

static int
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
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
  qsort (set->hashes, n - 1, sizeof (guint32), compare_guint32);

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
  cursor = g_memdup2 (term_off, (n_terms + 1) * sizeof (guint));
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
      guint plen = prefix_length (text_len[i], threshold);

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

      for (guint i = 0; i < plen; i++)
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
} IndexEntry;

struct _ZcSimilarityIndex
{
  GArray   *entries;    /* IndexEntry */
  TermMap   map;        /* bigram hash → term number */
  GPtrArray *postings;  /* term number → GArray of guint entry numbers (ascending) */
  GArray   *counts;     /* scratch: guint per entry */
};

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
  index->postings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
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
  g_ptr_array_unref (index->postings);
  g_array_unref (index->counts);
  g_free (index);
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
  IndexEntry entry = { id, { NULL, 0 } };
  guint number;

  g_return_if_fail (index != NULL);

  bigram_set_init (&entry.set, text);
  number = index->entries->len;
  g_array_append_val (index->entries, entry);
  g_array_set_size (index->counts, index->entries->len);

  for (guint k = 0; k < entry.set.len; k++)
    {
      guint32 t = term_map_intern (&index->map, entry.set.hashes[k], index->postings->len);

      if (t == index->postings->len)
        g_ptr_array_add (index->postings, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_array_append_val (g_ptr_array_index (index->postings, t), number);
    }
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
  g_autofree guint32 *terms = NULL;
  g_autoptr(GArray) touched = NULL;
  BigramSet query;
  guint *counts;
  guint max_df;
  guint n_common = 0;
  gboolean found = FALSE;
  double best_score = -1;
  guint best = 0;

  g_return_val_if_fail (index != NULL, FALSE);

  bigram_set_init (&query, text);
  if (query.len == 0 || index->entries->len == 0)
    {
      bigram_set_clear (&query);
      return FALSE;
    }

  max_df = MAX ((guint) (index->entries->len * COMMON_SHARE), COMMON_MIN_DF);
  counts = (guint *) index->counts->data;
  touched = g_array_new (FALSE, FALSE, sizeof (guint));
  terms = g_new (guint32, query.len);

  for (guint k = 0; k < query.len; k++)
    {
      guint32 t = term_map_lookup (&index->map, query.hashes[k]);
      GArray *list;

      terms[k] = t;
      if (t == G_MAXUINT32)
        continue;
      list = g_ptr_array_index (index->postings, t);
      if (list->len > max_df)
        {
          n_common++;
          continue;
        }
      for (guint p = 0; p < list->len; p++)
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
      if (!may_reach (query.len, entry->set.len, shared + n_common, threshold))
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
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  g_autofree const char **texts = NULL;
  g_autofree gint64 *ids = NULL;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  findings = zc_store_list_unit_findings (self, actor, unit_id, error);
  if (findings == NULL)
    return NULL;

  n = g_list_model_get_n_items (findings);
  texts = g_new0 (const char *, MAX (n, 1));
  ids = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      /* The model holds the findings, so the strings stay alive while we use them. */
      g_autoptr(ZcFinding) finding = g_list_model_get_item (findings, i);
      const char *text = zc_finding_get_phenomenon (finding);

      if (text == NULL || *text == '\0')
        text = zc_finding_get_example (finding);
      texts[i] = text;
      ids[i] = zc_record_get_id (ZC_RECORD (finding));
    }

  clusters = zc_similarity_cluster (texts, n, ZC_SIMILARITY_CLUSTER_THRESHOLD);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint c = 0; c < clusters->len; c++)
    {
      GArray *members = g_ptr_array_index (clusters, c);
      GArray *cluster = g_array_sized_new (FALSE, FALSE, sizeof (gint64), members->len);

      for (guint m = 0; m < members->len; m++)
        g_array_append_val (cluster, ids[g_array_index (members, guint, m)]);
      g_ptr_array_add (result, cluster);
    }

  return result;
}

/* ---- quality hints ------------------------------------------------------------------ */

/* How many distinct trigrams of the text to ask the full-text index about, rarest first,
 * and how many of the best-ranked findings to compare exactly. */
#define HINT_PROBE_TRIGRAMS   48
#define HINT_QUERY_TRIGRAMS    8
#define HINT_CANDIDATES       40

/*
 * The trigrams that finding_fts (tokenize='trigram') holds for this text: runs of three
 * characters with no punctuation or white space inside, lower-cased as the tokenizer
 * folds ASCII case. Spread over the whole text, without repeats.
 */
static GPtrArray *
text_trigrams (const char *text)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *picked = g_ptr_array_new_with_free_func (g_free);
  const char *run[3] = { NULL, NULL, NULL };
  guint run_len = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A quotation mark could not be put inside the FTS5 string; treat it as a break. */
      if (is_dropped (c) || c == '"')
        {
          run_len = 0;
          continue;
        }
      run[0] = run[1];
      run[1] = run[2];
      run[2] = p;
      if (++run_len >= 3)
        {
          char *tri = g_utf8_strdown (run[0], g_utf8_next_char (p) - run[0]);

          if (g_hash_table_contains (seen, tri))
            g_free (tri);
          else
            {
              g_hash_table_add (seen, tri);
              g_ptr_array_add (all, tri);
            }
        }
    }

  if (all->len <= HINT_PROBE_TRIGRAMS)
    {
      for (guint i = 0; i < all->len; i++)
        g_ptr_array_add (picked, g_strdup (g_ptr_array_index (all, i)));
    }
  else
    {
      for (guint k = 0; k < HINT_PROBE_TRIGRAMS; k++)
        g_ptr_array_add (picked, g_strdup (g_ptr_array_index (all,
                                                              (guint) ((guint64) k * all->len
                                                                       / HINT_PROBE_TRIGRAMS))));
    }

  return picked;
}

typedef struct
{
  const char *trigram;
  gint64      docs;
} Probe;

static int
compare_probes (gconstpointer a,
                gconstpointer b)
{
  const Probe *x = a;
  const Probe *y = b;

  return x->docs < y->docs ? -1 : x->docs > y->docs;
}

/* A connection-private view of the trigram vocabulary, for document frequencies. */
static gboolean
ensure_vocabulary (ZcStore  *self,
                   GError  **error)
{
  if (g_object_get_data (G_OBJECT (self), "zc-finding-vocab") != NULL)
    return TRUE;
  if (!zc_store_exec (self,
                      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.zc_finding_vocab "
                      "USING fts5vocab (main, 'finding_fts', 'row')",
                      error))
    return FALSE;
  g_object_set_data (G_OBJECT (self), "zc-finding-vocab", GINT_TO_POINTER (1));
  return TRUE;
}

/*
 * Is @text nearly the same as a self-inspection finding written by someone else? The
 * full-text index gives the findings that share the rarest trigrams of the text, ranked by
 * BM25; only those few are compared exactly. A finding nearly the same as @text shares
 * most of its trigrams, rare ones included, so it ranks near the top.
 */
static gboolean
like_other_finding (ZcStore    *self,
                    ZcPerson   *actor,
                    const char *text,
                    GError    **error)
{
  g_autoptr(GPtrArray) trigrams = text_trigrams (text);
  g_autoptr(GArray) probes = NULL;
  g_autoptr(GString) match = NULL;
  sqlite3_stmt *stmt;
  gint64 actor_id = actor != NULL ? zc_record_get_id (ZC_RECORD (actor)) : 0;
  BigramSet query;
  gboolean found = FALSE;
  int rc;

  if (trigrams->len == 0)
    return FALSE;

  if (!ensure_vocabulary (self, error))
    return FALSE;

  probes = g_array_sized_new (FALSE, FALSE, sizeof (Probe), trigrams->len);
  stmt = zc_store_stmt (self, "SELECT doc FROM temp.zc_finding_vocab WHERE term = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < trigrams->len; i++)
    {
      Probe probe = { g_ptr_array_index (trigrams, i), 0 };

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, probe.trigram, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        probe.docs = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return zc_store_sql_error (self, "trigram vocabulary", error);
        }
      /* A trigram no finding has cannot find anything. */
      if (probe.docs > 0)
        g_array_append_val (probes, probe);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (probes->len == 0)
    return FALSE;
  g_array_sort (probes, compare_probes);

  match = g_string_new ("phenomenon : (");
  for (guint i = 0; i < MIN (probes->len, HINT_QUERY_TRIGRAMS); i++)
    g_string_append_printf (match, "%s\"%s\"", i > 0 ? " OR " : "",
                            g_array_index (probes, Probe, i).trigram);
  g_string_append (match, ")");

  stmt = zc_store_stmt (self,
                        "SELECT f.phenomenon FROM "
                        " (SELECT rowid AS id FROM finding_fts WHERE finding_fts MATCH ?1"
                        "  ORDER BY rank LIMIT ?2) AS hit"
                        " JOIN finding AS f ON f.id = hit.id"
                        " WHERE f.source = 'self' AND f.author_id IS NOT NULL"
                        "   AND f.author_id <> ?3",
                        error);
  if (stmt == NULL)
    return FALSE;
  if (!zc_store_bind (self, stmt, error, "sii", match->str, (gint64) HINT_CANDIDATES, actor_id))
    return FALSE;

  bigram_set_init (&query, text);
  while (!found && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 0);
      BigramSet set;

      bigram_set_init (&set, other);
      found = jaccard (query.len, set.len, intersection_size (&query, &set))
              >= ZC_SIMILARITY_HINT_THRESHOLD;
      bigram_set_clear (&set);
    }
  bigram_set_clear (&query);

  if (!found && rc != SQLITE_DONE)
    {
      zc_store_sql_error (self, "similar findings", error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

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
