/*
** pq_int.h -- internals shared by pq.c (handles, slots, lazy cancel)
** and the orderings that implement it (pq_heap.c).
*/
#ifndef NEOSIM_PQ_INT_H
#define NEOSIM_PQ_INT_H

#include <string.h>

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

/* The bits of a double, sign bit flipped for t >= +0 and all bits for
** t < 0: unsigned order is then the order of the times.  -0 is made +0
** first, as the two are equal times.  t must not be NaN. */
static inline uint64_t pq_key(double t) {
  uint64_t b;
  t += 0.0; /* -0 + 0 = +0 */
  memcpy(&b, &t, sizeof b);
  return b >> 63 ? ~b : b | (UINT64_C(1) << 63);
}

static inline double pq_key_time(uint64_t key) {
  uint64_t b = key >> 63 ? key & ~(UINT64_C(1) << 63) : ~key;
  double t;
  memcpy(&t, &b, sizeof t);
  return t;
}

/* a before b: the borrow out of the 128-bit (key:tag) a - b.  No key
** reaches UINT64_MAX (that would be a NaN), so b->key + 1 cannot wrap. */
static inline int pq_node_before(const pq_node *a, const pq_node *b) {
  return a->key < b->key + (a->tag < b->tag);
}

/* One ordering of nodes.  It stores live and dead nodes alike; pq.c
** tells them apart by the slot table.  The calls that change it return
** the top node (NULL when empty), which pq.c keeps: a top pointer stays
** valid until the next push, pop or filter. */
typedef struct pq_ops {
  const char *name;
  void *(*create)(void);
  void (*destroy)(void *impl);
  /* Add a node; the new top, or NULL when out of memory. */
  const pq_node *(*push)(void *impl, uint64_t key, uint64_t tag);
  const pq_node *(*pop)(void *impl);        /* remove the top node */
  /* Replace the top node by (key, tag): pop and push in one sift. */
  const pq_node *(*replace_top)(void *impl, uint64_t key, uint64_t tag);
  size_t (*count)(const void *impl);        /* nodes stored, dead included */
  /* Keep only nodes for which keep(ctx, node) is true, then restore order. */
  const pq_node *(*filter)(void *impl, int (*keep)(const void *ctx, const pq_node *n),
                           const void *ctx);
  size_t (*bytes)(const void *impl);
} pq_ops;

extern const pq_ops pq_heap2_ops;
extern const pq_ops pq_heap4_ops;

#endif
