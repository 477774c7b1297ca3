/*
** mm1_contract.c -- what the engine's contract costs on the M/M/1 of mm1.c
** (lambda = 0.9, mu = 1, the same streams and samplers, so the same
** customers), written plainly by hand for that one model: everything
** engine.h promises and mm1_floor.c does not do -- a handle per event
** (sequence and slot) with its payload in the slot's record, so that a
** cancel is O(1) and lazy; a binary heap of (integer key, handle); kind,
** handler and time checked at scheduling; the event budget checked before
** each event; dispatch by kind through a table.  Nothing else: no
** ordering chosen at run time, no reuse of the popped top, no growth
** limits.  It places the engine between the floor and its own contract.
** Best of 3 timed runs.  usage: mm1_contract [customers]
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "dist.h"
#include "order_key.h"

#define LAMBDA 0.9
#define MU 1.0
#define RUNS 3
#define KINDS 64u
#define SLOT_BITS 24

enum { ARRIVAL, DEPARTURE };

typedef struct event {
  uint32_t kind, id;
  uint64_t arg;
} event;

/* A slot's record, 32 bytes: the handle pending in it (0 if none), then
** its event. */
typedef struct record {
  uint64_t live;
  event ev;
  uint64_t pad;
} record;

typedef struct node {
  uint64_t key, tag; /* tag: the handle, sequence above slot */
} node;

typedef struct sim sim;
typedef void (*handler)(sim *s, const event *ev, void *ctx);

struct sim {
  node *a; /* the heap */
  size_t n;
  record *rec; /* by slot; slot 0 unused, so that handle 0 means none */
  uint32_t *free;
  size_t nfree, cap; /* cap: slots, and nodes of a */
  uint64_t seq, events, halt;
  double now;
  int failed;
  struct {
    handler fn;
    void *ctx;
  } on[KINDS];
};

static int before(uint64_t k1, uint64_t g1, uint64_t k0, uint64_t g0) {
  return k1 < k0 + (g1 < g0);
}

static int grow(sim *s) {
  size_t cap = s->cap ? 2 * s->cap : 64;
  record *rec = realloc(s->rec, cap * sizeof *rec);
  if (rec) s->rec = rec;
  uint32_t *fr = realloc(s->free, cap * sizeof *fr);
  if (fr) s->free = fr;
  node *a = realloc(s->a, cap * sizeof *a);
  if (a) s->a = a;
  if (!rec || !fr || !a) return -1;
  for (size_t i = cap; i-- > s->cap;) {
    s->rec[i].live = 0;
    if (i) s->free[s->nfree++] = (uint32_t)i;
  }
  s->cap = cap;
  return 0;
}

static uint64_t fail(sim *s) {
  s->failed = 1;
  s->halt = 0;
  return 0;
}

/* Schedule an event at t: its handle, or 0 (and the run ends). */
static uint64_t at(sim *s, double t, uint32_t kind, uint32_t id, uint64_t arg) {
  if (kind >= KINDS || !s->on[kind].fn || !(t >= s->now)) return fail(s);
  if (s->nfree == 0 && grow(s)) return fail(s);
  uint32_t slot = s->free[--s->nfree];
  uint64_t h = (++s->seq << SLOT_BITS) | slot, key = order_key(t);
  s->rec[slot].live = h;
  s->rec[slot].ev = (event){kind, id, arg};
  size_t i = s->n++;
  while (i > 0 && before(key, h, s->a[(i - 1) / 2].key, s->a[(i - 1) / 2].tag)) {
    s->a[i] = s->a[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  s->a[i] = (node){key, h};
  return h;
}

static void pop(sim *s) {
  node last = s->a[--s->n];
  size_t i = 0;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= s->n) break;
    if (c + 1 < s->n && before(s->a[c + 1].key, s->a[c + 1].tag, s->a[c].key, s->a[c].tag)) c++;
    if (!before(s->a[c].key, s->a[c].tag, last.key, last.tag)) break;
    s->a[i] = s->a[c];
    i = c;
  }
  s->a[i] = last;
}

static void run_events(sim *s) {
  while (s->events < s->halt && s->n > 0) {
    node top = s->a[0];
    uint32_t slot = (uint32_t)(top.tag & ((UINT64_C(1) << SLOT_BITS) - 1));
    record *r = &s->rec[slot];
    pop(s);
    if (r->live != top.tag) continue; /* cancelled */
    r->live = 0;
    s->free[s->nfree++] = slot;
    event ev = r->ev; /* copy: the slot may be reused */
    s->now = order_key_value(top.key);
    s->events++;
    s->on[ev.kind].fn(s, &ev, s->on[ev.kind].ctx);
  }
}

typedef struct mm1 {
  rng arrivals, service;
  uint64_t left;       /* arrivals still to come */
  int busy, nomem;     /* server busy; out of memory */
  double *fifo;        /* arrival times of the waiting, a ring */
  size_t head, n, cap; /* cap a power of 2 */
  double wait_sum;
  uint64_t served;
} mm1;

static void serve(sim *s, mm1 *m, double a) {
  m->busy = 1;
  m->wait_sum += s->now - a;
  m->served++;
  at(s, s->now + dist_exponential(&m->service, 1.0 / MU), DEPARTURE, 0, 0);
}

static void on_arrival(sim *s, const event *ev, void *ctx) {
  mm1 *m = ctx;
  (void)ev;
  if (--m->left > 0) at(s, s->now + dist_exponential(&m->arrivals, 1.0 / LAMBDA), ARRIVAL, 0, 0);
  if (!m->busy) {
    serve(s, m, s->now);
    return;
  }
  if (m->n == m->cap) {
    size_t cap = m->cap ? 2 * m->cap : 64;
    double *f = malloc(cap * sizeof *f);
    if (!f) {
      m->nomem = 1;
      fail(s);
      return;
    }
    for (size_t i = 0; i < m->n; i++) f[i] = m->fifo[(m->head + i) & (m->cap - 1)];
    free(m->fifo);
    m->fifo = f;
    m->cap = cap;
    m->head = 0;
  }
  m->fifo[(m->head + m->n++) & (m->cap - 1)] = s->now;
}

static void on_departure(sim *s, const event *ev, void *ctx) {
  mm1 *m = ctx;
  (void)ev;
  m->busy = 0;
  if (m->n == 0) return;
  double a = m->fifo[m->head];
  m->head = (m->head + 1) & (m->cap - 1);
  m->n--;
  serve(s, m, a);
}

/* One run of n customers: its wall time in seconds, or -1 on error. */
static double run(void *ctx, uint64_t n, double *wait_mean) {
  (void)ctx;
  sim s = {.halt = UINT64_MAX};
  mm1 m = {.left = n};
  rng_derive(&m.arrivals, 1, 0, "arrivals");
  rng_derive(&m.service, 1, 0, "service");
  s.on[ARRIVAL].fn = on_arrival;
  s.on[ARRIVAL].ctx = &m;
  s.on[DEPARTURE].fn = on_departure;
  s.on[DEPARTURE].ctx = &m;
  double t0 = bench_now();
  at(&s, dist_exponential(&m.arrivals, 1.0 / LAMBDA), ARRIVAL, 0, 0);
  run_events(&s);
  double dt = bench_now() - t0;
  free(m.fifo);
  free(s.a);
  free(s.rec);
  free(s.free);
  if (s.failed || m.served != n) {
    fprintf(stderr, "mm1_contract: %s\n",
            m.nomem    ? "out of memory"
            : s.failed ? "an event not scheduled"
                       : "customers lost");
    return -1;
  }
  *wait_mean = m.wait_sum / (double)m.served;
  return dt;
}

int main(int argc, char **argv) {
  return bench_customers_main(argc, argv, "mm1_contract", RUNS, run);
}
