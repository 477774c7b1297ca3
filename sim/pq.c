/*
** pq.c -- pending-event set: handles, slot table, lazy cancel.
** The ordering itself lives behind pq_ops (pq_heap.c).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pq_int.h"

struct pq {
  const pq_ops *ops;
  void *impl;
  uint64_t *live;   /* live[slot] = handle pending in that slot, 0 if free */
  uint32_t *free;   /* stack of free slots */
  size_t nfree, cap; /* cap = slots allocated */
  size_t size;      /* live entries */
  uint64_t seq;     /* last sequence number issued */
};

static const pq_ops *const kinds[PQ_NKINDS] = {&pq_heap2_ops, &pq_heap4_ops};

pq *pq_new(pq_kind kind) {
  if ((unsigned)kind >= PQ_NKINDS) return NULL;
  pq *q = calloc(1, sizeof *q);
  if (!q) return NULL;
  q->ops = kinds[kind];
  q->impl = q->ops->create();
  if (!q->impl) { free(q); return NULL; }
  return q;
}

void pq_free(pq *q) {
  if (!q) return;
  q->ops->destroy(q->impl);
  free(q->live);
  free(q->free);
  free(q);
}

static int grow_slots(pq *q) {
  size_t ncap = q->cap ? q->cap * 2 : 64;
  if (ncap > (size_t)PQ_MAX_PENDING + 1) ncap = (size_t)PQ_MAX_PENDING + 1;
  if (ncap <= q->cap) return PQ_FULL;
  uint64_t *live = realloc(q->live, ncap * sizeof *live);
  if (!live) return PQ_NOMEM;
  q->live = live;
  uint32_t *fr = realloc(q->free, ncap * sizeof *fr);
  if (!fr) return PQ_NOMEM;
  q->free = fr;
  /* push new slots so that the lowest index is handed out first; slot 0
  ** is never used, which keeps handle 0 invalid even at sequence 0 */
  for (size_t s = ncap; s-- > q->cap;) {
    q->live[s] = 0;
    if (s != 0) q->free[q->nfree++] = (uint32_t)s;
  }
  q->cap = ncap;
  return PQ_OK;
}

static int is_live(const void *ctx, const pq_node *n) {
  const pq *q = ctx;
  return q->live[pq_slot(n->tag)] == n->tag;
}

/* Dead nodes are dropped as they surface; when they outnumber live ones
** (many cancels far in the future) a linear filter bounds the memory. */
static void maybe_compact(pq *q) {
  size_t stored = q->ops->count(q->impl);
  if (stored > 1024 && stored - q->size > q->size) q->ops->filter(q->impl, is_live, q);
}

pq_handle pq_insert(pq *q, double t, pq_status *status) {
  pq_status st = PQ_OK;
  if (isnan(t)) st = PQ_BADTIME;
  else if (q->seq >= PQ_MAX_SEQ) st = PQ_FULL;
  else if (q->nfree == 0) st = grow_slots(q);
  if (st == PQ_OK) {
    uint32_t slot = q->free[--q->nfree];
    pq_node n = {t, (++q->seq << PQ_SLOT_BITS) | slot};
    if (q->ops->push(q->impl, n) == 0) {
      q->live[slot] = n.tag;
      q->size++;
      if (status) *status = PQ_OK;
      return n.tag;
    }
    q->nfree++, q->seq--;
    st = PQ_NOMEM;
  }
  if (status) *status = st;
  return 0;
}

/* Drop dead nodes from the top; return the live top or NULL. */
static const pq_node *live_top(pq *q) {
  const pq_node *n;
  while ((n = q->ops->top(q->impl)) && q->live[pq_slot(n->tag)] != n->tag) q->ops->pop(q->impl);
  return n;
}

pq_handle pq_peek(pq *q, double *t) {
  const pq_node *n = live_top(q);
  if (!n) return 0;
  if (t) *t = n->t;
  return n->tag;
}

pq_handle pq_pop(pq *q, double *t) {
  const pq_node *n = live_top(q);
  if (!n) return 0;
  pq_handle h = n->tag;
  if (t) *t = n->t;
  q->ops->pop(q->impl);
  q->live[pq_slot(h)] = 0;
  q->free[q->nfree++] = pq_slot(h);
  q->size--;
  return h;
}

int pq_pending(const pq *q, pq_handle h) {
  uint32_t s = pq_slot(h);
  return h != 0 && s < q->cap && q->live[s] == h;
}

pq_status pq_cancel(pq *q, pq_handle h) {
  if (!pq_pending(q, h)) return PQ_NOTFOUND;
  uint32_t s = pq_slot(h);
  q->live[s] = 0;
  q->free[q->nfree++] = s;
  q->size--;
  maybe_compact(q);
  return PQ_OK;
}

size_t pq_size(const pq *q) { return q->size; }
size_t pq_slot_capacity(const pq *q) { return q->cap; }

size_t pq_bytes(const pq *q) {
  return sizeof *q + q->cap * (sizeof *q->live + sizeof *q->free) + q->ops->bytes(q->impl);
}

const char *pq_kind_name(pq_kind kind) {
  return (unsigned)kind < PQ_NKINDS ? kinds[kind]->name : "?";
}

int pq_kind_parse(const char *name) {
  for (int k = 0; k < PQ_NKINDS; k++)
    if (strcmp(name, kinds[k]->name) == 0) return k;
  return -1;
}
