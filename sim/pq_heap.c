/*
** pq_heap.c -- d-ary heaps of pq_node, d = 2 (binary) and d = 4.
** One body, specialised by a constant arity the compiler folds in.
*/
#include <stdlib.h>

#include "pq_int.h"

typedef struct heap {
  pq_node *a;
  size_t n, cap;
} heap;

static void *heap_create(void) { return calloc(1, sizeof(heap)); }

static void heap_destroy(void *impl) {
  heap *h = impl;
  if (h) free(h->a);
  free(h);
}

/* Move node x up from the hole at i; the hole travels, x is written once. */
static inline void sift_up(pq_node *a, size_t i, pq_node x, size_t d) {
  while (i > 0) {
    size_t p = (i - 1) / d;
    if (!pq_node_before(&x, &a[p])) break;
    a[i] = a[p];
    i = p;
  }
  a[i] = x;
}

/* Move node x down from the hole at i in a heap of n nodes. */
static inline void sift_down(pq_node *a, size_t n, size_t i, pq_node x, size_t d) {
  for (;;) {
    size_t c = i * d + 1, best, end;
    if (c >= n) break;
    end = c + d < n ? c + d : n;
    best = c;
    for (size_t k = c + 1; k < end; k++)
      if (pq_node_before(&a[k], &a[best])) best = k;
    if (!pq_node_before(&a[best], &x)) break;
    a[i] = a[best];
    i = best;
  }
  a[i] = x;
}

static inline int push(void *impl, pq_node x, size_t d) {
  heap *h = impl;
  if (h->n == h->cap) {
    size_t ncap = h->cap ? h->cap * 2 : 64;
    pq_node *na = realloc(h->a, ncap * sizeof *na);
    if (!na) return -1;
    h->a = na, h->cap = ncap;
  }
  sift_up(h->a, h->n++, x, d);
  return 0;
}

static inline void pop(void *impl, size_t d) {
  heap *h = impl;
  if (h->n == 0) return;
  pq_node last = h->a[--h->n];
  if (h->n > 0) sift_down(h->a, h->n, 0, last, d);
}

static inline void filter(void *impl, int (*keep)(const void *, const pq_node *), const void *ctx,
                          size_t d) {
  heap *h = impl;
  size_t m = 0;
  for (size_t i = 0; i < h->n; i++)
    if (keep(ctx, &h->a[i])) h->a[m++] = h->a[i];
  h->n = m;
  for (size_t i = m / d + 1; i-- > 0;) /* Floyd's bottom-up heapify */
    if (i < m) sift_down(h->a, m, i, h->a[i], d);
}

static const pq_node *heap_top(const void *impl) {
  const heap *h = impl;
  return h->n ? &h->a[0] : NULL;
}

static size_t heap_count(const void *impl) { return ((const heap *)impl)->n; }

static size_t heap_bytes(const void *impl) {
  const heap *h = impl;
  return sizeof *h + h->cap * sizeof *h->a;
}

#define ARITY(D)                                                                             \
  static int push##D(void *impl, pq_node x) { return push(impl, x, D); }                    \
  static void pop##D(void *impl) { pop(impl, D); }                                          \
  static void filter##D(void *impl, int (*keep)(const void *, const pq_node *), const void *c) { \
    filter(impl, keep, c, D);                                                                \
  }                                                                                          \
  const pq_ops pq_heap##D##_ops = {"heap" #D, heap_create, heap_destroy, push##D, heap_top,    \
                                   pop##D,   heap_count,  filter##D,   heap_bytes};

ARITY(2)
ARITY(4)
