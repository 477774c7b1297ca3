/*
** engine.c -- clock, dispatch loop; payloads ride in the pending-event
** set's slot records.
*/
#include <math.h>
#include <stdlib.h>

#include "engine.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct handler {
  engine_handler fn;
  void *ctx;
} handler;

struct engine {
  pq *q; /* each entry's data: its engine_event */
  double now;
  uint64_t events;
  uint64_t halt;       /* engine_run() dispatches while events < halt (see set_halt) */
  uint64_t charged;    /* work done outside dispatch (engine_charge), of the same budget */
  uint64_t max_events; /* UINT64_MAX: no limit */
  engine_status err;   /* sticky */
  int stop;
  handler on[ENGINE_MAX_KINDS];
};

/* The count of events at which engine_run() stops dispatching: where the
** budget less the work charged runs out, or now when stopped or failed --
** the one test of the loop, kept up to date by whatever changes them. */
static void set_halt(engine *e) {
  e->halt = e->err != ENGINE_OK || e->stop ? 0 : e->max_events - e->charged;
}

engine *engine_new(pq_kind kind) {
  engine *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  e->q = pq_new(kind, sizeof(engine_event));
  if (!e->q) {
    free(e);
    return NULL;
  }
  e->max_events = UINT64_MAX;
  set_halt(e);
  return e;
}

void engine_free(engine *e) {
  if (!e) return;
  pq_free(e->q);
  free(e);
}

engine_status engine_on(engine *e, uint32_t kind, engine_handler fn, void *ctx) {
  if (kind >= ENGINE_MAX_KINDS) return ENGINE_BADKIND;
  e->on[kind].fn = fn;
  e->on[kind].ctx = ctx;
  return ENGINE_OK;
}

/* The payload of the entry in h's slot (see pq_data for how long). */
static inline engine_event *payload(engine *e, pq_handle h) { return pq_data(e->q, pq_slot(h)); }

/* Write an event with one 16-byte store: the dispatch loop reads it back
** as one 16-byte load, which cannot take its data from several smaller
** stores still in the store buffer (it would wait for them to drain). */
static inline void store_event(engine_event *p, uint32_t kind, uint32_t id, uint64_t arg) {
#if defined(__SSE2__)
  _mm_storeu_si128((__m128i *)(void *)p,
                   _mm_set_epi64x((long long)arg, (long long)((uint64_t)id << 32 | kind)));
#else
  *p = (engine_event){kind, id, arg};
#endif
}

static engine_handle fail(engine *e, engine_status st) {
  if (e->err == ENGINE_OK) e->err = st;
  e->halt = 0;
  return 0;
}

engine_handle engine_at(engine *e, double t, uint32_t kind, uint32_t id, uint64_t arg) {
  if (kind >= ENGINE_MAX_KINDS || !e->on[kind].fn) return fail(e, ENGINE_BADKIND);
  if (!(t >= e->now)) return fail(e, ENGINE_BADTIME); /* also catches NaN */
  pq_status st;
  pq_handle h = pq_insert(e->q, t, &st);
  if (!h) return fail(e, st == PQ_FULL ? ENGINE_FULL : ENGINE_NOMEM);
  store_event(payload(e, h), kind, id, arg);
  return h;
}

engine_handle engine_after(engine *e, double dt, uint32_t kind, uint32_t id, uint64_t arg) {
  return engine_at(e, e->now + dt, kind, id, arg);
}

engine_status engine_cancel(engine *e, engine_handle h) {
  return pq_cancel(e->q, h) == PQ_OK ? ENGINE_OK : ENGINE_NOTFOUND;
}

engine_handle engine_reschedule(engine *e, engine_handle h, double t) {
  if (!pq_pending(e->q, h)) return 0;
  engine_event ev = *payload(e, h);
  pq_cancel(e->q, h);
  return engine_at(e, t, ev.kind, ev.id, ev.arg);
}

int engine_pending(const engine *e, engine_handle h) { return pq_pending(e->q, h); }

engine_status engine_run(engine *e, double until) {
  double t;
  e->stop = 0;
  set_halt(e);
  for (;;) {
    if (e->events >= e->halt) { /* before the pop: the event stays pending */
      if (e->err == ENGINE_OK && !e->stop) fail(e, ENGINE_BUDGET);
      break;
    }
    pq_handle h = pq_pop_due(e->q, until, &t);
    if (!h) break;
    engine_event ev = *payload(e, h); /* copy: the slot may be reused */
    e->now = t;
    e->events++;
    const handler *on = &e->on[ev.kind];
    on->fn(e, &ev, on->ctx);
  }
  if (e->err != ENGINE_OK) return e->err;
  if (e->stop) return ENGINE_STOPPED;
  if (until > e->now && !isinf(until)) e->now = until;
  return ENGINE_OK;
}

void engine_set_max_events(engine *e, uint64_t n) {
  e->max_events = n ? n : UINT64_MAX;
  set_halt(e);
}

/* engine_charge() where the quick test cannot tell: stopped, failed, or
** the budget does not hold n. */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static int
charge_rest(engine *e, uint64_t n) {
  uint64_t used = e->events + e->charged;
  int fits = used < e->max_events && e->max_events - used >= n;
  if (fits) e->charged += n;
  else if (used < e->max_events) e->charged = e->max_events - e->events; /* spent */
  set_halt(e);
  return fits ? 0 : -1;
}

int engine_charge(engine *e, uint64_t n) {
  if (e->halt > e->events && e->halt - e->events >= n) { /* halt is the budget less the charged */
    e->charged += n;
    e->halt -= n;
    return 0;
  }
  return charge_rest(e, n);
}

uint64_t engine_budget(const engine *e) { return e->max_events; }
void engine_stop(engine *e) {
  e->stop = 1;
  e->halt = 0;
}
double engine_now(const engine *e) { return e->now; }
size_t engine_size(const engine *e) { return pq_size(e->q); }
uint64_t engine_events(const engine *e) { return e->events; }
engine_status engine_error(const engine *e) { return e->err; }

size_t engine_bytes(const engine *e) { return sizeof *e + pq_bytes(e->q); }

const char *engine_strerror(engine_status st) {
  switch (st) {
  case ENGINE_OK: return "ok";
  case ENGINE_NOTFOUND: return "event not pending";
  case ENGINE_NOMEM: return "out of memory";
  case ENGINE_FULL: return "too many pending events";
  case ENGINE_BADTIME: return "event scheduled in the past or at NaN";
  case ENGINE_BADKIND: return "event kind has no handler";
  case ENGINE_BUDGET: return "event budget spent";
  case ENGINE_STOPPED: return "stopped";
  }
  return "unknown engine status";
}
