/*
** pq.c -- pending-event set: handles, slot table, lazy cancel.
** The ordering itself lives behind pq_ops (pq_heap.c, pq_radix.c).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "invariant.h"
#include "pq_int.h"

#if defined(__GNUC__)
#define PREFETCH_W(p) __builtin_prefetch((p), 1)
#define COLD __attribute__((noinline, cold))
#else
#define PREFETCH_W(p) ((void)(p))
#define COLD
#endif

/* Slot records past this many bytes miss the cache. */
#define FAR_BYTES (1u << 20)
/* Past it, a pop fetches the slots of up to this many nodes due soon. */
#define AHEAD 8u

/* A slot's record: the handle pending in it (0 if free), then the
** caller's data.  Records are a power of two long, so none straddles
** a cache line: a pop in a large set then misses the cache once. */
struct pq {
  const pq_ops *ops;
  void *impl;
  unsigned char *rec; /* rec + (slot << shift): a record */
  unsigned shift;
  uint32_t *free;    /* stack of free slots */
  size_t nfree, cap; /* cap = slots allocated */
  size_t size;       /* live entries */
  size_t dead;       /* cancelled entries still stored in the ordering */
  size_t up, down;   /* PQ_AUTO: radix above up stored nodes, heap4 below down */
  uint64_t seq;      /* last sequence number issued */
  int trial;         /* PQ_AUTO: trials between AUTO_LOW and AUTO_UP */
  int lazy;          /* pq_pop leaves the top stored, dead (see set_lazy) */
  unsigned phase;    /* PQ_AUTO's trial: 0 none, 1 .. TRIAL_WINDOWS its windows */
  unsigned idle;     /* windows before the next trial */
  double t0;         /* the window's start, seconds */
  double cost[2];    /* the trial's seconds on heap4 [0] and radix [1] */
};

static const pq_ops *const kinds[] = {[PQ_HEAP2] = &pq_heap2_ops,
                                      [PQ_HEAP4] = &pq_heap4_ops,
                                      [PQ_RADIX] = &pq_radix_ops,
                                      [PQ_AUTO] = &pq_heap4_ops}; /* to begin with */
static const char *const names[] = {
    [PQ_HEAP2] = "heap2", [PQ_HEAP4] = "heap4", [PQ_RADIX] = "radix", [PQ_AUTO] = "auto"};
_Static_assert(sizeof kinds / sizeof *kinds == PQ_NKINDS, "an ordering per kind");
_Static_assert(sizeof names / sizeof *names == PQ_NKINDS, "a name per kind");

/* PQ_AUTO: which ordering is faster between a few hundred and a few
** thousand pending events depends on the model, not only on the size.  On
** the 2-core reference machine, the radix heap (with its sorted run) is
** between 4% slower and 11% faster than the 4-ary heap on the hold model
** at 10^3 pending events (five runs) and 13% faster on reference_100k.lua
** at 500; the two are even from 64 to 256 pending, and the 4-ary heap is
** 23-29% faster below 16 (the M/M/1 queue's two).  Without the run, the
** 4-ary heap was 13% faster on the hold model at 10^3, where every event
** is due soon.  No size serves every model: heap4 below AUTO_LOW stored
** nodes, radix from AUTO_UP, and between them a trial on the set's own
** workload: TRIAL_WINDOWS windows of TRIAL_INSERTS insertions (as many
** pops, in a steady state), their wall time taken on heap4, radix, radix,
** heap4, heap4, radix ... (a drift of the machine's or the model's speed
** cancels), then the faster in all for TRIAL_IDLE windows, then another
** trial.  The time includes the model's work, so the choice is right
** where the orderings differ by more than that work varies between
** windows: on reference_100k.lua it chose radix in 8 replications of 9
** (with four windows of 65536, in 2 of 3).  The choice never changes the
** order of the events (every ordering pops by (time, sequence)), only the
** speed; a trial costs its windows on the slower ordering, 3% of the
** windows between trials. */
#define AUTO_LOW 256u
#define AUTO_UP 4096u
#define TRIAL_INSERTS 16384u /* a power of 2 */
#define TRIAL_WINDOWS 16u    /* a multiple of 4 */
#define TRIAL_IDLE 240u

/* The orderings of most use called directly, the others through their
** table: a direct call through a constant pq_ops inlines (with LTO). */
#define OPS(q, fn, ...)                                                    \
  ((q)->ops == &pq_heap4_ops   ? pq_heap4_ops.fn((q)->impl, ##__VA_ARGS__) \
   : (q)->ops == &pq_radix_ops ? pq_radix_ops.fn((q)->impl, ##__VA_ARGS__) \
                               : (q)->ops->fn((q)->impl, ##__VA_ARGS__))

/* The least node stored: known at no cost, or asked of the ordering. */
static inline const pq_node *top_of(pq *q) {
  const pq_node *n = ((const pq_known *)q->impl)->top;
  return n ? n : OPS(q, top);
}

static inline uint64_t *live(const pq *q, uint32_t slot) {
  return (uint64_t *)(void *)(q->rec + ((size_t)slot << q->shift));
}

static int is_dead(const pq *q, const pq_node *n) { return *live(q, pq_slot(n->tag)) != n->tag; }

/* Whether pq_pop leaves the top stored, dead, for pq_insert to replace
** (see pq_pop): the ordering replaces in one step, and the slot records
** fit the cache.  Set whenever the ordering or the slots change. */
static void set_lazy(pq *q) { q->lazy = q->ops->replace_top && q->cap << q->shift <= FAR_BYTES; }

pq *pq_new(pq_kind kind, size_t data) {
  if ((unsigned)kind >= PQ_NKINDS || data > PQ_MAX_DATA) return NULL;
  pq *q = calloc(1, sizeof *q);
  if (!q) return NULL;
  q->shift = 3;
  while ((size_t)1 << q->shift < sizeof(uint64_t) + data) q->shift++;
  q->ops = kinds[kind];
  q->up = kind == PQ_AUTO ? AUTO_UP : SIZE_MAX;
  q->trial = kind == PQ_AUTO;
  q->impl = q->ops->create();
  if (!q->impl) {
    free(q);
    return NULL;
  }
  set_lazy(q);
  return q;
}

void pq_free(pq *q) {
  if (!q) return;
  q->ops->destroy(q->impl);
  free(q->rec);
  free(q->free);
  free(q);
}

COLD static int grow_slots(pq *q) {
  size_t ncap = q->cap ? q->cap * 2 : 64;
  if (ncap > (size_t)PQ_MAX_PENDING + 1) ncap = (size_t)PQ_MAX_PENDING + 1;
  if (ncap <= q->cap) return PQ_FULL;
  unsigned char *rec = realloc(q->rec, ncap << q->shift);
  if (!rec) return PQ_NOMEM;
  q->rec = rec;
  uint32_t *fr = realloc(q->free, ncap * sizeof *fr);
  if (!fr) return PQ_NOMEM;
  q->free = fr;
  /* push new slots so that the lowest index is handed out first; slot 0
  ** is never used, which keeps handle 0 invalid even at sequence 0 */
  for (size_t s = ncap; s-- > q->cap;) {
    *live(q, (uint32_t)s) = 0;
    if (s != 0) q->free[q->nfree++] = (uint32_t)s;
  }
  q->cap = ncap;
  set_lazy(q);
  return PQ_OK;
}

static int is_live(const void *ctx, const pq_node *n) { return !is_dead(ctx, n); }

/* Dead nodes are dropped as they surface; when they outnumber live ones
** (many cancels far in the future) a linear filter bounds the memory. */
static void maybe_compact(pq *q) {
  size_t stored = q->ops->count(q->impl);
  if (stored > 1024 && stored - q->size > q->size) {
    q->ops->filter(q->impl, is_live, q);
    q->dead = 0;
  }
}

typedef struct move {
  const pq_ops *to;
  void *impl;
  int failed;
} move;

static void move_node(void *ctx, const pq_node *n) {
  move *m = ctx;
  if (!m->failed) m->failed = m->to->push(m->impl, n->key, n->tag) != 0;
}

/* PQ_AUTO: put every node in a new ordering.  Out of memory the old one
** stays, and the next try waits until the set has doubled. */
COLD static void switch_to(pq *q, const pq_ops *to) {
  move m = {to, to->create(), 0};
  if (m.impl) q->ops->each(q->impl, move_node, &m);
  if (!m.impl || m.failed) {
    if (m.impl) to->destroy(m.impl);
    if (to == &pq_radix_ops) q->up *= 2;
    else q->down /= 2;
    return;
  }
  q->ops->destroy(q->impl);
  q->ops = to;
  q->impl = m.impl;
  q->up = to == &pq_radix_ops ? SIZE_MAX : AUTO_UP;
  q->down = to == &pq_radix_ops ? AUTO_LOW : 0;
  set_lazy(q);
}

static double seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* PQ_AUTO, at the end of each window of insertions: the trial's next step
** while the set is between AUTO_LOW and AUTO_UP stored nodes (outside,
** the sizes decide, and a trial begins once it is back between). */
COLD static void auto_window(pq *q) {
  size_t stored = q->size + q->dead;
  if (stored < AUTO_LOW || stored >= AUTO_UP) {
    q->phase = q->idle = 0;
    return;
  }
  double now = seconds();
  if (q->phase > 0) q->cost[q->ops == &pq_radix_ops] += now - q->t0;
  if (q->phase == TRIAL_WINDOWS) { /* decided */
    const pq_ops *best = q->cost[1] < q->cost[0] ? &pq_radix_ops : &pq_heap4_ops;
    if (q->ops != best) switch_to(q, best);
    q->phase = 0;
    q->idle = TRIAL_IDLE;
    return;
  }
  if (q->phase == 0 && q->idle > 0) {
    q->idle--;
    return;
  }
  if (q->phase == 0) q->cost[0] = q->cost[1] = 0;
  q->phase++;
  const pq_ops *next = q->phase % 4 >= 2 ? &pq_radix_ops : &pq_heap4_ops; /* ABBA ABBA */
  if (q->ops != next) switch_to(q, next); /* the move is not timed */
  q->t0 = seconds();
}

/* Store (t, h): over the top node when that is dead and the ordering
** replaces in one step (usually the event just popped), else a push. */
static int store(pq *q, double t, pq_handle h) {
  if (q->dead > 0 && q->ops->replace_top) {
    const pq_node *top = top_of(q);
    if (top && is_dead(q, top)) {
      OPS(q, replace_top, pq_key(t), h);
      q->dead--;
      return 0;
    }
  }
  if (OPS(q, push, pq_key(t), h)) return -1;
  if (q->size + q->dead >= q->up) switch_to(q, &pq_radix_ops);
  return 0;
}

pq_handle pq_insert(pq *q, double t, pq_status *status) {
  pq_status st = PQ_OK;
  if (isnan(t)) st = PQ_BADTIME;
  else if (q->seq >= PQ_MAX_SEQ) st = PQ_FULL;
  else if (q->nfree == 0) st = grow_slots(q);
  if (st == PQ_OK) {
    if ((q->seq & (TRIAL_INSERTS - 1)) == 0 && q->trial) auto_window(q);
    uint32_t slot = q->free[--q->nfree];
    pq_handle h = (++q->seq << PQ_SLOT_BITS) | slot;
    if (store(q, t, h) == 0) {
      *live(q, slot) = h;
      q->size++;
      if (status) *status = PQ_OK;
      return h;
    }
    q->nfree++;
    q->seq--;
    st = PQ_NOMEM;
  }
  if (status) *status = st;
  return 0;
}

/* Drop dead nodes from the top; return the live top or NULL.  With no
** dead node stored the top is live: no look at the slot table, which
** would be a cache miss per event in a large set. */
static const pq_node *live_top(pq *q) {
  const pq_node *n = top_of(q);
  while (q->dead > 0 && n && is_dead(q, n)) {
    OPS(q, pop);
    q->dead--;
    n = top_of(q);
  }
  return n;
}

pq_handle pq_peek(pq *q, double *t) {
  const pq_node *n = live_top(q);
  if (!n) return 0;
  if (t) *t = pq_key_time(n->key);
  return n->tag;
}

/* In a small heap the top stays stored, dead: an event handler usually
** schedules the next event at once, and pq_insert then replaces the dead
** top -- one sift instead of a pop's and a push's.  If nothing is inserted
** first, live_top() pops it.  Other sets pop at once; a large one then
** fetches the slots of the new top and of the nodes due after it while
** the caller works (the next pops read them): there the cache misses
** cost more than the sift. */
pq_handle pq_pop_due(pq *q, double until, double *t) {
  const pq_node *n = live_top(q);
  if (!n) return 0;
  double tn = pq_key_time(n->key);
  if (tn > until) return 0;
  pq_handle h = n->tag;
  if (t) *t = tn;
  *live(q, pq_slot(h)) = 0;
  q->free[q->nfree++] = pq_slot(h);
  q->size--;
  if (q->lazy) {
    q->dead++;
    return h;
  }
  OPS(q, pop);
  if (q->size + q->dead < q->down) switch_to(q, &pq_heap4_ops);
  if (q->cap << q->shift > FAR_BYTES && (n = top_of(q)) != NULL) {
    size_t k = AHEAD;
    const pq_node *a = OPS(q, ahead, &k);
    PREFETCH_W(live(q, pq_slot(n->tag)));
    for (size_t i = 0; i < k; i++) PREFETCH_W(live(q, pq_slot(a[i].tag)));
  }
  return h;
}

pq_handle pq_pop(pq *q, double *t) { return pq_pop_due(q, (double)INFINITY, t); }

int pq_pending(const pq *q, pq_handle h) {
  uint32_t s = pq_slot(h);
  return h != 0 && s < q->cap && *live(q, s) == h;
}

pq_status pq_cancel(pq *q, pq_handle h) {
  if (!pq_pending(q, h)) return PQ_NOTFOUND;
  uint32_t s = pq_slot(h);
  *live(q, s) = 0;
  q->free[q->nfree++] = s;
  q->size--;
  q->dead++;
  maybe_compact(q);
  return PQ_OK;
}

size_t pq_size(const pq *q) { return q->size; }

size_t pq_bytes(const pq *q) {
  return sizeof *q + (q->cap << q->shift) + q->cap * sizeof *q->free + q->ops->bytes(q->impl);
}

void *pq_data(pq *q, uint32_t slot) {
  NEO_ASSERT(slot < q->cap);
  return live(q, slot) + 1;
}

pq_kind pq_ordering(const pq *q) {
  for (int k = 0; k < PQ_AUTO; k++)
    if (q->ops == kinds[k]) return (pq_kind)k;
  return PQ_AUTO; /* not reached */
}

const char *pq_kind_name(pq_kind kind) { return (unsigned)kind < PQ_NKINDS ? names[kind] : "?"; }

int pq_kind_parse(const char *name) {
  for (int k = 0; k < PQ_NKINDS; k++)
    if (strcmp(name, names[k]) == 0) return k;
  return -1;
}
