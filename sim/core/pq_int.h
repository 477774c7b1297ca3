/*
** pq_int.h -- internals shared by pq.c (handles, slots, lazy cancel)
** and the orderings that implement it (pq_heap.c, pq_radix.c).
*/
#ifndef NEOSIM_PQ_INT_H
#define NEOSIM_PQ_INT_H

#include "invariant.h"
#include "order_key.h"
#include "pq.h"

/* An entry as the orderings see it: 16 bytes, compared by (key, tag).
** The key is the time t as an integer of the same order (pq_key), so a
** comparison is two integer compares and no branch.  The tag is the
** handle, whose high bits are the insertion sequence, so comparing tags
** breaks ties in insertion order. */
typedef struct pq_node {
  uint64_t key;
  uint64_t tag;
} pq_node;

/* The key of time t (order_key.h); t must not be NaN. */
static inline uint64_t pq_key(double t) {
  NEO_ASSERT(t == t); /* not NaN */
  return order_key(t);
}

static inline double pq_key_time(uint64_t key) { return order_key_value(key); }

/* (k1, g1) before (k0, g0): the borrow out of the 128-bit (k1:g1) -
** (k0:g0).  No key reaches UINT64_MAX (that would be a NaN), so k0 + 1
** cannot wrap. */
static inline int pq_key_before(uint64_t k1, uint64_t g1, uint64_t k0, uint64_t g0) {
  return k1 < k0 + (g1 < g0);
}

/* Node a before node b. */
static inline int pq_node_before(const pq_node *a, const pq_node *b) {
  return pq_key_before(a->key, a->tag, b->key, b->tag);
}

/* Every ordering's state begins with this: its least node while that is
** known at no cost, else NULL (then ask top()).  pq.c reads it without a
** call on the way of every event. */
typedef struct pq_known {
  const pq_node *top;
} pq_known;

/* One ordering of nodes.  It stores live and dead nodes alike; pq.c
** tells them apart by the slot table.  Tags pushed usually grow (each is
** a new handle), but PQ_AUTO moves every node into a new, empty ordering
** in any order: an ordering keeps (key, tag) order either way.  A top
** pointer stays valid until the next push, pop, replace or filter. */
typedef struct pq_ops {
  void *(*create)(void);
  void (*destroy)(void *impl);
  int (*push)(void *impl, uint64_t key, uint64_t tag); /* 0, or -1 out of memory */
  const pq_node *(*top)(void *impl);                   /* the least node, NULL if none */
  void (*pop)(void *impl);                             /* remove the top node, if any */
  /* Pop and push in one sift, where that costs less than the two (the
  ** heaps); NULL otherwise.  The set is not empty. */
  void (*replace_top)(void *impl, uint64_t key, uint64_t tag);
  /* Up to *n nodes that leave soon after the top, in any order, or none
  ** (*n = 0): a hint, so that a large set fetches their slots early. */
  const pq_node *(*ahead)(void *impl, size_t *n);
  size_t (*count)(const void *impl); /* nodes stored, dead included */
  /* Call fn(ctx, node) for every node stored, in any order. */
  void (*each)(const void *impl, void (*fn)(void *ctx, const pq_node *n), void *ctx);
  /* Keep only nodes for which keep(ctx, node) is true, in order. */
  void (*filter)(void *impl, int (*keep)(const void *ctx, const pq_node *n), const void *ctx);
  size_t (*bytes)(const void *impl);
} pq_ops;

extern const pq_ops pq_heap2_ops;
extern const pq_ops pq_heap4_ops;
extern const pq_ops pq_radix_ops;

#endif
