/*
** test_engine.c -- clock, dispatch, cancel/reschedule by handle, stop,
** sticky errors, the event budget, and two engines side by side in one
** process.
*/
#include <string.h>

#include "check.h"
#include "engine.h"

typedef struct log {
  int n;
  double t[64];
  uint32_t id[64];
  uint64_t arg[64];
} log_t;

static void record(engine *e, const engine_event *ev, void *ctx) {
  log_t *l = ctx;
  if (l->n < 64) {
    l->t[l->n] = engine_now(e);
    l->id[l->n] = ev->id;
    l->arg[l->n] = ev->arg;
    l->n++;
  }
}

static void test_order(pq_kind k) {
  engine *e = engine_new(k);
  log_t l = {0};
  CHECK(engine_on(e, 1, record, &l) == ENGINE_OK);
  engine_at(e, 2.0, 1, 20, 200);
  engine_at(e, 1.0, 1, 10, 100);
  engine_at(e, 2.0, 1, 21, 201); /* same time: after id 20 */
  engine_at(e, 0.0, 1, 0, 0);
  CHECK(engine_size(e) == 4);
  CHECK(engine_run(e, 10.0) == ENGINE_OK);
  CHECK(l.n == 4 && l.id[0] == 0 && l.id[1] == 10 && l.id[2] == 20 && l.id[3] == 21);
  CHECK(l.t[1] == 1.0 && l.arg[2] == 200 && l.arg[3] == 201);
  CHECK(engine_now(e) == 10.0); /* the clock ends at the horizon */
  CHECK(engine_events(e) == 4);
  engine_free(e);
}

static void test_horizon(pq_kind k) {
  engine *e = engine_new(k);
  log_t l = {0};
  engine_on(e, 0, record, &l);
  engine_at(e, 1, 0, 1, 0);
  engine_at(e, 5, 0, 5, 0);
  engine_at(e, 5.0000001, 0, 6, 0);
  CHECK(engine_run(e, 5.0) == ENGINE_OK); /* events at the horizon run */
  CHECK(l.n == 2 && engine_now(e) == 5.0 && engine_size(e) == 1);
  CHECK(engine_run(e, 4.0) == ENGINE_OK && engine_now(e) == 5.0); /* never back */
  CHECK(engine_run(e, INFINITY) == ENGINE_OK && l.n == 3 && engine_now(e) == 5.0000001);
  engine_free(e);
}

static engine_handle victim;
static void canceller(engine *e, const engine_event *ev, void *ctx) {
  (void)ev, (void)ctx;
  CHECK(engine_cancel(e, victim) == ENGINE_OK);
  CHECK(engine_cancel(e, victim) == ENGINE_NOTFOUND);
}

static void test_cancel_reschedule(pq_kind k) {
  engine *e = engine_new(k);
  log_t l = {0};
  engine_on(e, 0, record, &l);
  engine_on(e, 1, canceller, NULL);
  engine_handle a = engine_at(e, 1, 0, 1, 11);
  engine_handle b = engine_at(e, 2, 0, 2, 22);
  engine_at(e, 1.5, 1, 0, 0);
  victim = engine_at(e, 3, 0, 3, 33);
  CHECK(engine_cancel(e, a) == ENGINE_OK && !engine_pending(e, a));
  engine_handle b2 = engine_reschedule(e, b, 4);
  CHECK(b2 != 0 && b2 != b && !engine_pending(e, b) && engine_pending(e, b2));
  CHECK(engine_reschedule(e, a, 5) == 0); /* not pending */
  CHECK(engine_run(e, 10) == ENGINE_OK);
  CHECK(l.n == 1 && l.id[0] == 2 && l.arg[0] == 22 && l.t[0] == 4);
  engine_free(e);
}

/* A handler that schedules and stops. */
static void chain(engine *e, const engine_event *ev, void *ctx) {
  int *count = ctx;
  ++*count;
  if (ev->arg == 3) engine_stop(e);
  engine_after(e, 1.0, ev->kind, ev->id, ev->arg + 1);
}

static void test_stop(pq_kind k) {
  engine *e = engine_new(k);
  int count = 0;
  engine_on(e, 2, chain, &count);
  engine_at(e, 0, 2, 0, 0);
  CHECK(engine_run(e, 100) == ENGINE_STOPPED);
  CHECK(count == 4 && engine_now(e) == 3.0 && engine_size(e) == 1);
  CHECK(engine_run(e, 5.5) == ENGINE_OK && count == 6 && engine_now(e) == 5.5);
  engine_free(e);
}

static void test_errors(pq_kind k) {
  engine *e = engine_new(k);
  log_t l = {0};
  CHECK(engine_on(e, ENGINE_MAX_KINDS, record, &l) == ENGINE_BADKIND);
  engine_on(e, 0, record, &l);
  CHECK(engine_at(e, 1, 7, 0, 0) == 0 && engine_error(e) == ENGINE_BADKIND); /* no handler */
  engine_free(e);
  e = engine_new(k);
  engine_on(e, 0, record, &l);
  engine_at(e, 2, 0, 0, 0);
  engine_run(e, 3);
  CHECK(engine_at(e, 1, 0, 0, 0) == 0 && engine_error(e) == ENGINE_BADTIME); /* the past */
  CHECK(engine_at(e, NAN, 0, 0, 0) == 0);
  CHECK(engine_run(e, 10) == ENGINE_BADTIME); /* sticky */
  CHECK(strcmp(engine_strerror(ENGINE_BADTIME), "event scheduled in the past or at NaN") == 0);
  engine_free(e);
  engine_free(NULL);
}

/* Two engines interleaved: each sees only its own events and clock. */
/* The event budget: the (n+1)th event is not dispatched and stays
** pending; the error is sticky; 0 lifts the limit. */
static void test_budget(pq_kind k) {
  engine *e = engine_new(k);
  log_t l = {0};
  engine_on(e, 1, record, &l);
  for (int i = 0; i < 10; i++) engine_at(e, (double)i, 1, (uint32_t)i, 0);
  engine_set_max_events(e, 4);
  CHECK(engine_run(e, 100) == ENGINE_BUDGET);
  CHECK(l.n == 4 && engine_events(e) == 4 && engine_size(e) == 6 && engine_now(e) == 3.0);
  CHECK(engine_run(e, 100) == ENGINE_BUDGET && l.n == 4);
  CHECK(strcmp(engine_strerror(ENGINE_BUDGET), "event budget spent") == 0);
  engine_free(e);
  e = engine_new(k);
  engine_on(e, 1, record, &l);
  l.n = 0;
  for (int i = 0; i < 10; i++) engine_at(e, (double)i, 1, (uint32_t)i, 0);
  engine_set_max_events(e, 0);
  CHECK(engine_run(e, 100) == ENGINE_OK && l.n == 10);
  engine_free(e);
  /* work charged outside dispatch takes from the same budget */
  e = engine_new(k);
  engine_on(e, 1, record, &l);
  l.n = 0;
  for (int i = 0; i < 10; i++) engine_at(e, (double)i, 1, (uint32_t)i, 0);
  engine_set_max_events(e, 10);
  CHECK(engine_budget(e) == 10);
  CHECK(engine_charge(e, 6) == 0);
  CHECK(engine_run(e, 100) == ENGINE_BUDGET && l.n == 4 && engine_events(e) == 4);
  CHECK(engine_charge(e, 1) == -1);
  engine_free(e);
  e = engine_new(k);
  engine_set_max_events(e, 5);
  CHECK(engine_charge(e, 5) == 0 && engine_charge(e, 1) == -1 && engine_charge(e, 0) == -1);
  engine_set_max_events(e, 0);
  CHECK(engine_budget(e) == UINT64_MAX && engine_charge(e, 1000) == 0);
  engine_free(e);
}

/* A handler that charges 2 units of work, and stops the run at arg 1. */
typedef struct charger {
  int n, refused, charged_after_stop;
} charger;

static void charge_two(engine *e, const engine_event *ev, void *ctx) {
  charger *c = ctx;
  c->n++;
  if (ev->arg == 1) {
    engine_stop(e);
    c->charged_after_stop = engine_charge(e, 1) == 0; /* a stop does not refuse work */
  }
  c->refused += engine_charge(e, 2) != 0;
}

/* Work charged by handlers, between events and after a stop, counts
** against the budget as charged outside them. */
static void test_budget_in_handlers(pq_kind k) {
  engine *e = engine_new(k);
  charger c = {0};
  engine_on(e, 1, charge_two, &c);
  for (int i = 0; i < 10; i++) engine_at(e, (double)i, 1, (uint32_t)i, 0);
  engine_set_max_events(e, 10); /* 1 + 2 a event: the 4th event's charge does not fit */
  CHECK(engine_run(e, 100) == ENGINE_BUDGET && c.n == 4 && c.refused == 1);
  CHECK(engine_charge(e, 1) == -1);
  engine_free(e);
  e = engine_new(k);
  c = (charger){0};
  engine_on(e, 1, charge_two, &c);
  for (int i = 0; i < 10; i++) engine_at(e, (double)i, 1, (uint32_t)i, i == 2);
  engine_set_max_events(e, 15); /* 3 events + 7 units at the stop, then 2 events: 15 asked */
  CHECK(engine_run(e, 100) == ENGINE_STOPPED && c.n == 3 && c.charged_after_stop);
  CHECK(engine_run(e, 100) == ENGINE_BUDGET && c.n == 5 && c.refused == 1);
  engine_free(e);
}

static void test_two_engines(void) {
  engine *a = engine_new(PQ_HEAP2), *b = engine_new(PQ_HEAP4);
  int ca = 0, cb = 0;
  engine_on(a, 2, chain, &ca);
  engine_on(b, 2, chain, &cb);
  engine_at(a, 0, 2, 0, 10);
  engine_at(b, 0.5, 2, 0, 0);
  for (int step = 1; step <= 3; step++) {
    engine_run(a, step);
    engine_run(b, step);
  }
  CHECK(ca == 4 && engine_now(a) == 3.0);
  CHECK(cb == 3 && engine_now(b) == 3.0 && engine_size(b) == 1);
  engine_free(a);
  engine_free(b);
}

/* Many pending events: payloads survive growth of the slot table. */
static void test_growth(pq_kind k) {
  engine *e = engine_new(k);
  static log_t big;
  memset(&big, 0, sizeof big);
  engine_on(e, 0, record, &big);
  for (uint32_t i = 0; i < 100000; i++) engine_at(e, 1e6 - i, 0, i, (uint64_t)i * 3);
  CHECK(engine_size(e) == 100000 && engine_bytes(e) > 100000 * 16);
  engine_run(e, 1e6 - 99990);
  CHECK(big.n == 10 && big.id[0] == 99999 && big.arg[0] == 299997 && big.id[9] == 99990);
  engine_free(e);
}

int main(void) {
  for (int k = 0; k < PQ_NKINDS; k++) {
    test_order((pq_kind)k);
    test_horizon((pq_kind)k);
    test_cancel_reschedule((pq_kind)k);
    test_stop((pq_kind)k);
    test_errors((pq_kind)k);
    test_growth((pq_kind)k);
    test_budget((pq_kind)k);
    test_budget_in_handlers((pq_kind)k);
  }
  test_two_engines();
  return CHECK_DONE();
}
