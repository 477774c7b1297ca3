/*
** mm1.c -- an M/M/1 queue (lambda = 0.9, mu = 1) on the engine: arrival
** and departure events, a FIFO of the arrival times of those waiting,
** each customer's wait in queue Wq.  Best of 3 timed runs, so the first
** warms the caches.  usage: mm1 [heap2|heap4|radix|auto] [customers]   (auto 1e6)
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "dist.h"
#include "engine.h"

#define LAMBDA 0.9
#define MU 1.0
#define RUNS 3

enum { ARRIVAL, DEPARTURE };

typedef struct mm1 {
  rng arrivals, service;
  uint64_t left;       /* arrivals still to come */
  int busy;            /* server busy */
  double *fifo;        /* arrival times of the waiting, a ring */
  size_t head, n, cap; /* cap a power of 2 */
  double wait_sum;     /* sum of Wq over customers served */
  uint64_t served;
  int nomem;
} mm1;

static int fifo_push(mm1 *m, double t) {
  if (m->n == m->cap) {
    size_t ncap = m->cap ? m->cap * 2 : 64;
    double *f = malloc(ncap * sizeof *f);
    if (!f) return -1;
    for (size_t i = 0; i < m->n; i++) f[i] = m->fifo[(m->head + i) & (m->cap - 1)];
    free(m->fifo);
    m->fifo = f;
    m->cap = ncap;
    m->head = 0;
  }
  m->fifo[(m->head + m->n++) & (m->cap - 1)] = t;
  return 0;
}

static double fifo_pop(mm1 *m) {
  double t = m->fifo[m->head];
  m->head = (m->head + 1) & (m->cap - 1);
  m->n--;
  return t;
}

/* The server takes a customer who arrived at time a. */
static void serve(engine *e, mm1 *m, double a) {
  m->busy = 1;
  m->wait_sum += engine_now(e) - a;
  m->served++;
  engine_after(e, dist_exponential(&m->service, 1.0 / MU), DEPARTURE, 0, 0);
}

static void on_arrival(engine *e, const engine_event *ev, void *ctx) {
  mm1 *m = ctx;
  (void)ev;
  if (--m->left > 0) engine_after(e, dist_exponential(&m->arrivals, 1.0 / LAMBDA), ARRIVAL, 0, 0);
  if (!m->busy) serve(e, m, engine_now(e));
  else if (fifo_push(m, engine_now(e))) {
    m->nomem = 1;
    engine_stop(e);
  }
}

static void on_departure(engine *e, const engine_event *ev, void *ctx) {
  mm1 *m = ctx;
  (void)ev;
  m->busy = 0;
  if (m->n > 0) serve(e, m, fifo_pop(m));
}

/* One run of n customers: its wall time in seconds, or -1 on error. */
static double run_mm1(void *ctx, uint64_t n, double *wait_mean) {
  pq_kind kind = *(const pq_kind *)ctx;
  mm1 m = {.left = n};
  engine *e = engine_new(kind);
  if (!e) return -1;
  rng_derive(&m.arrivals, 1, 0, "arrivals");
  rng_derive(&m.service, 1, 0, "service");
  engine_on(e, ARRIVAL, on_arrival, &m);
  engine_on(e, DEPARTURE, on_departure, &m);
  double t0 = bench_now();
  engine_at(e, dist_exponential(&m.arrivals, 1.0 / LAMBDA), ARRIVAL, 0, 0);
  engine_status st = engine_run(e, (double)INFINITY);
  double dt = bench_now() - t0;
  if (st != ENGINE_OK || m.nomem || m.served != n) {
    fprintf(stderr, "mm1: %s\n", m.nomem ? "out of memory" : engine_strerror(st));
    dt = -1;
  }
  *wait_mean = m.wait_sum / (double)m.served;
  free(m.fifo);
  engine_free(e);
  return dt;
}

int main(int argc, char **argv) {
  int kind = argc > 1 ? pq_kind_parse(argv[1]) : PQ_AUTO;
  uint64_t n = argc > 2 ? bench_count(argv[2]) : 1000000;
  if (kind < 0 || n == 0 || argc > 3) {
    fprintf(stderr, "usage: mm1 [heap2|heap4|radix|auto] [customers]\n");
    return 2;
  }
  pq_kind k = (pq_kind)kind;
  double wait = 0, best = bench_best(RUNS, run_mm1, &k, n, &wait);
  if (best < 0) return 1;
  bench_print("mm1_engine", (double)n / best, "customers/s");
  bench_print("mm1_engine_events", 2.0 * (double)n / best,
              "events/s"); /* an arrival and a departure each */
  bench_print("mm1_wait_mean", wait, "hours");
  bench_print("mm1_wait_analytic", LAMBDA / (MU * (MU - LAMBDA)), "hours");
  return 0;
}
