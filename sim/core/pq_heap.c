/*
** pq_heap.c -- d-ary heaps of pq_node, d = 2 (binary) and d = 4.
** One body, specialised by a constant arity the compiler folds in.
** Sift-down is bottom-up with branch-free child selection; families sit
** on cache lines, and large heaps prefetch the next level.
*/
#include <stdlib.h>
#include <string.h>

#include "invariant.h"
#include "pq_int.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* a[1] starts a cache line, so the d children of a node (16-byte nodes,
** d <= 4) share one line: the array begins PAD nodes into its buffer. */
#define LINE 64
#define PAD (LINE / sizeof(pq_node) - 1)

/* The bodies below take the arity as a constant: they must be inlined
** into each specialisation, or every level pays a division by d. */
#if defined(__GNUC__)
#define SPECIALISE static inline __attribute__((always_inline))
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define SPECIALISE static inline
#define PREFETCH(p) ((void)(p))
#endif

/* Heaps larger than this (1 MiB of nodes) outgrow the L2 cache: a
** sift-down fetches the grandchildren while it compares the children. */
#define FAR_NODES 65536u

typedef struct heap {
  pq_known known; /* top: a, or NULL when empty */
  pq_node *a;     /* a = (pq_node *)buf + PAD */
  void *buf;      /* LINE-aligned allocation */
  size_t n, cap;
} heap;

static void *heap_create(void) { return calloc(1, sizeof(heap)); }

static void heap_destroy(void *impl) {
  heap *h = impl;
  if (h) free(h->buf);
  free(h);
}

static int heap_grow(heap *h) {
  size_t ncap = h->cap ? h->cap * 2 : 64;
  void *nb;
  if (posix_memalign(&nb, LINE, (ncap + PAD) * sizeof(pq_node))) return -1;
  pq_node *na = (pq_node *)nb + PAD;
  if (h->n) memcpy(na, h->a, h->n * sizeof *na);
  free(h->buf);
  h->buf = nb;
  h->a = na;
  h->cap = ncap;
  return 0;
}

/* Write node (key, tag) with one 16-byte store.  Nodes move as 16-byte
** loads, and a load that spans two 8-byte stores still in the store
** buffer cannot take their data: it waits for them to reach the cache
** (behind any slow store before them).  Compilers store a pair built
** from two registers as two words, hence the SSE2 intrinsic. */
static inline void node_store(pq_node *p, uint64_t key, uint64_t tag) {
#if defined(__SSE2__)
  _mm_storeu_si128((__m128i *)(void *)p, _mm_set_epi64x((long long)tag, (long long)key));
#else
  p->key = key, p->tag = tag;
#endif
}

/* Move node x = (key, tag) up from the hole at i, not above top; x is
** written once.  x comes as two integers, not a struct: GCC would spill
** a by-value pq_node to the stack and reload it whole (a forwarding stall). */
SPECIALISE void sift_up(pq_node *a, size_t top, size_t i, uint64_t key, uint64_t tag, size_t d) {
  while (i > top) {
    size_t p = (i - 1) / d;
    if (!(key < a[p].key + (tag < a[p].tag))) break; /* x before a[p] */
    a[i] = a[p];
    i = p;
  }
  node_store(&a[i], key, tag);
}

/* x if m is all ones, y if m is 0: a select compilers keep branch-free. */
static inline uint64_t pick(uint64_t m, uint64_t x, uint64_t y) { return y ^ ((x ^ y) & m); }

/* The least of the 4 nodes at p by (key, tag), without branches: a
** tournament on values held in registers, whose final match reuses the
** winners' keys rather than reloading them.  Its offset in 0 .. 3. */
static inline size_t least4_tagged(const pq_node *p) {
  uint64_t l = -(uint64_t)pq_key_before(p[1].key, p[1].tag, p[0].key, p[0].tag);
  uint64_t r = -(uint64_t)pq_key_before(p[3].key, p[3].tag, p[2].key, p[2].tag);
  uint64_t lk = pick(l, p[1].key, p[0].key), lg = pick(l, p[1].tag, p[0].tag);
  uint64_t rk = pick(r, p[3].key, p[2].key), rg = pick(r, p[3].tag, p[2].tag);
  uint64_t w = -(uint64_t)pq_key_before(rk, rg, lk, lg);
  return (size_t)pick(w, 2 + (r & 1), l & 1);
}

/* The least of the children c .. c+d-1, all present.  For d = 4 the same
** tournament on keys alone, whose matches are one compare shorter: the
** selection is on the sift's critical path, a level's loads waiting for
** the level above.  It is right unless the least key is shared; that
** (checked off the path, a well-predicted branch) falls back to tags. */
SPECIALISE size_t least_child(const pq_node *a, size_t c, size_t d) {
  if (d == 4) {
    const pq_node *p = &a[c];
    uint64_t l = -(uint64_t)(p[1].key < p[0].key), r = -(uint64_t)(p[3].key < p[2].key);
    uint64_t lk = pick(l, p[1].key, p[0].key), rk = pick(r, p[3].key, p[2].key);
    uint64_t w = -(uint64_t)(rk < lk), k = pick(w, rk, lk);
    if ((p[0].key == k) + (p[1].key == k) + (p[2].key == k) + (p[3].key == k) > 1)
      return c + least4_tagged(p);
    return c + (size_t)pick(w, 2 + (r & 1), l & 1);
  }
  size_t l = c + (size_t)pq_node_before(&a[c + 1], &a[c]);
  for (size_t k = c + 2; k < c + d; k++)
    if (pq_node_before(&a[k], &a[l])) l = k;
  return l;
}

/* Ask for the lines of the grandchildren g .. g+d*d-1 (those present):
** with a[1] on a line boundary, 4 whole lines for d = 4, or 2 lines for
** d = 2 (whose 4 grandchildren straddle a boundary). */
SPECIALISE void prefetch_family(const pq_node *a, size_t n, size_t g, size_t d) {
  size_t end = g + d * d < n ? g + d * d : n;
  for (size_t k = g; k < end; k += LINE / sizeof *a) PREFETCH(&a[k]);
  if (d * d * sizeof *a < LINE && g < end) PREFETCH(&a[end - 1]);
}

/* Place x = (key, tag) from the hole at i in a heap of n nodes, bottom-up
** (Floyd): the hole sinks to a leaf along least children (d - 1
** comparisons a level, none against x), then x rises from there.  x is
** usually the last node, a late one that belongs near the leaves, so it
** rises little. */
SPECIALISE void sift_down(pq_node *a, size_t n, size_t i, uint64_t key, uint64_t tag, size_t d) {
  size_t top = i, c;
  int far = n > FAR_NODES;
  while ((c = i * d + 1) + d <= n) {
    if (far) prefetch_family(a, n, c * d + 1, d);
    size_t best = least_child(a, c, d);
    a[i] = a[best];
    i = best;
  }
  if (c < n) { /* a last, incomplete family */
    size_t best = c;
    for (size_t k = c + 1; k < n; k++)
      if (pq_node_before(&a[k], &a[best])) best = k;
    a[i] = a[best];
    i = best;
  }
  sift_up(a, top, i, key, tag, d);
}

static const pq_node *heap_top(void *impl) { return ((heap *)impl)->known.top; }

static inline void known(heap *h) { h->known.top = h->n ? h->a : NULL; }

/* The top's children: the next top is one of them. */
static const pq_node *heap_ahead(void *impl, size_t *n) {
  heap *h = impl;
  size_t k = h->n > 1 ? h->n - 1 : 0;
  *n = k < *n ? k : *n;
  return &h->a[1];
}

SPECIALISE int push(void *impl, uint64_t key, uint64_t tag, size_t d) {
  heap *h = impl;
  if (h->n == h->cap && heap_grow(h)) return -1;
  sift_up(h->a, 0, h->n++, key, tag, d);
  known(h);
  return 0;
}

SPECIALISE void pop(void *impl, size_t d) {
  heap *h = impl;
  if (h->n == 0) return;
  const pq_node *last = &h->a[--h->n];
  if (h->n > 0) sift_down(h->a, h->n, 0, last->key, last->tag, d);
  known(h);
}

SPECIALISE void replace_top(void *impl, uint64_t key, uint64_t tag, size_t d) {
  heap *h = impl;
  NEO_ASSERT(h->n > 0); /* pq_ops: the set is not empty */
  sift_down(h->a, h->n, 0, key, tag, d);
}

SPECIALISE void filter(void *impl, int (*keep)(const void *, const pq_node *), const void *ctx,
                       size_t d) {
  heap *h = impl;
  size_t m = 0;
  for (size_t i = 0; i < h->n; i++)
    if (keep(ctx, &h->a[i])) h->a[m++] = h->a[i];
  h->n = m;
  for (size_t i = m / d + 1; i-- > 0;) /* Floyd's bottom-up heapify */
    if (i < m) sift_down(h->a, m, i, h->a[i].key, h->a[i].tag, d);
  known(h);
}

static size_t heap_count(const void *impl) { return ((const heap *)impl)->n; }

static void heap_each(const void *impl, void (*fn)(void *, const pq_node *), void *ctx) {
  const heap *h = impl;
  for (size_t i = 0; i < h->n; i++) fn(ctx, &h->a[i]);
}

static size_t heap_bytes(const void *impl) {
  const heap *h = impl;
  return sizeof *h + (h->cap ? (h->cap + PAD) * sizeof *h->a : 0);
}

#define ARITY(D)                                                                                 \
  static int push##D(void *impl, uint64_t key, uint64_t tag) { return push(impl, key, tag, D); } \
  static void pop##D(void *impl) { pop(impl, D); }                                               \
  static void replace##D(void *impl, uint64_t key, uint64_t tag) {                               \
    replace_top(impl, key, tag, D);                                                              \
  }                                                                                              \
  static void filter##D(void *impl, int (*keep)(const void *, const pq_node *), const void *c) { \
    filter(impl, keep, c, D);                                                                    \
  }                                                                                              \
  const pq_ops pq_heap##D##_ops = {.create = heap_create,                                        \
                                   .destroy = heap_destroy,                                      \
                                   .push = push##D,                                              \
                                   .top = heap_top,                                              \
                                   .pop = pop##D,                                                \
                                   .replace_top = replace##D,                                    \
                                   .ahead = heap_ahead,                                          \
                                   .count = heap_count,                                          \
                                   .each = heap_each,                                            \
                                   .filter = filter##D,                                          \
                                   .bytes = heap_bytes};

ARITY(2)
ARITY(4)
