/*
** pq.c -- pending-event set: handles, slot table, lazy cancel.
** The ordering itself lives behind pq_ops (pq_heap.c).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pq_int.h"

#if defined(__GNUC__)
#define PREFETCH_W(p) __builtin_prefetch((p), 1)
#else
#define PREFETCH_W(p) ((void)(p))
#endif

/* Slot tables past this many slots (1 MiB of live[]) miss the cache. */
#define FAR_SLOTS 131072u

struct pq {
  const pq_ops *ops;
  void *impl;
  uint64_t *live;   /* live[slot] = handle pending in that slot, 0 if free */
  uint32_t *free;   /* stack of free slots */
  size_t nfree, cap; /* cap = slots allocated */
  size_t size;      /* live entries */
  size_t dead;      /* cancelled entries still stored in the ordering */
  const pq_node *top; /* the ordering's top node, NULL when empty */
  uint64_t seq;     /* last sequence number issued */
};

static const pq_ops *const kinds[PQ_NKINDS] = {&pq_heap2_ops, &pq_heap4_ops};

/* The default ordering called directly, the others through their table:
** a direct call through the constant pq_heap4_ops inlines (with LTO). */
static inline const pq_node *ops_push(pq *q, uint64_t key, uint64_t tag) {
  return q->ops == &pq_heap4_ops ? pq_heap4_ops.push(q->impl, key, tag) : q->ops->push(q->impl, key, tag);
}
static inline const pq_node *ops_pop(pq *q) {
  return q->ops == &pq_heap4_ops ? pq_heap4_ops.pop(q->impl) : q->ops->pop(q->impl);
}
static inline const pq_node *ops_replace_top(pq *q, uint64_t key, uint64_t tag) {
  return q->ops == &pq_heap4_ops ? pq_heap4_ops.replace_top(q->impl, key, tag)
                                 : q->ops->replace_top(q->impl, key, tag);
}

static int is_dead(const pq *q, const pq_node *n) { return q->live[pq_slot(n->tag)] != n->tag; }

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

static int is_live(const void *ctx, const pq_node *n) { return !is_dead(ctx, n); }

/* Dead nodes are dropped as they surface; when they outnumber live ones
** (many cancels far in the future) a linear filter bounds the memory. */
static void maybe_compact(pq *q) {
  size_t stored = q->ops->count(q->impl);
  if (stored > 1024 && stored - q->size > q->size) {
    q->top = q->ops->filter(q->impl, is_live, q);
    q->dead = 0;
  }
}

pq_handle pq_insert(pq *q, double t, pq_status *status) {
  pq_status st = PQ_OK;
  if (isnan(t)) st = PQ_BADTIME;
  else if (q->seq >= PQ_MAX_SEQ) st = PQ_FULL;
  else if (q->nfree == 0) st = grow_slots(q);
  if (st == PQ_OK) {
    uint32_t slot = q->free[--q->nfree];
    pq_handle h = (++q->seq << PQ_SLOT_BITS) | slot;
    const pq_node *top;
    if (q->dead > 0 && q->top && is_dead(q, q->top)) { /* usually the event just popped */
      top = ops_replace_top(q, pq_key(t), h);
      q->dead--;
    } else {
      top = ops_push(q, pq_key(t), h);
    }
    if (top) {
      q->top = top;
      q->live[slot] = h;
      q->size++;
      if (status) *status = PQ_OK;
      return h;
    }
    q->nfree++, q->seq--;
    st = PQ_NOMEM;
  }
  if (status) *status = st;
  return 0;
}

/* Drop dead nodes from the top; return the live top or NULL.  With no
** dead node stored the top is live: no look at the slot table, which
** would be a cache miss per event in a large set. */
static const pq_node *live_top(pq *q) {
  const pq_node *n = q->top;
  while (q->dead > 0 && n && is_dead(q, n)) {
    n = q->top = ops_pop(q);
    q->dead--;
  }
  return n;
}

pq_handle pq_peek(pq *q, double *t) {
  const pq_node *n = live_top(q);
  if (!n) return 0;
  if (t) *t = pq_key_time(n->key);
  return n->tag;
}

/* In a small set the top stays stored, dead: an event handler usually
** schedules the next event at once, and pq_insert then replaces the dead
** top -- one sift instead of a pop's and a push's.  If nothing is inserted
** first, live_top() pops it.  A large set pops at once and fetches the
** slot of the new top while the caller works (the next pop writes it):
** there the cache miss costs more than the sift. */
pq_handle pq_pop(pq *q, double *t) {
  const pq_node *n = live_top(q);
  if (!n) return 0;
  pq_handle h = n->tag;
  if (t) *t = pq_key_time(n->key);
  q->live[pq_slot(h)] = 0;
  q->free[q->nfree++] = pq_slot(h);
  q->size--;
  if (q->cap <= FAR_SLOTS) {
    q->dead++;
    return h;
  }
  n = q->top = ops_pop(q);
  if (n) PREFETCH_W(&q->live[pq_slot(n->tag)]);
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
  q->dead++;
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
