/*
** pq_int.h -- internals shared by pq.c (handles, slots, lazy cancel)
** and the orderings that implement it (pq_heap.c).
*/
#ifndef NEOSIM_PQ_INT_H
#define NEOSIM_PQ_INT_H

#include "pq.h"

/* An entry as the orderings see it: 16 bytes, compared by (t, tag).
** The tag is the handle, whose high bits are the insertion sequence, so
** comparing tags breaks ties in insertion order. */
typedef struct pq_node {
  double t;
  uint64_t tag;
} pq_node;

static inline int pq_node_before(const pq_node *a, const pq_node *b) {
  return a->t < b->t || (a->t == b->t && a->tag < b->tag);
}

/* One ordering of nodes.  It stores live and dead nodes alike; pq.c
** tells them apart by the slot table. */
typedef struct pq_ops {
  const char *name;
  void *(*create)(void);
  void (*destroy)(void *impl);
  int (*push)(void *impl, pq_node n);       /* 0, or -1 out of memory */
  const pq_node *(*top)(const void *impl);  /* NULL when empty */
  void (*pop)(void *impl);                  /* remove the top node */
  size_t (*count)(const void *impl);        /* nodes stored, dead included */
  /* Keep only nodes for which keep(ctx, node) is true, then restore order. */
  void (*filter)(void *impl, int (*keep)(const void *ctx, const pq_node *n), const void *ctx);
  size_t (*bytes)(const void *impl);
} pq_ops;

extern const pq_ops pq_heap2_ops;
extern const pq_ops pq_heap4_ops;

#endif
