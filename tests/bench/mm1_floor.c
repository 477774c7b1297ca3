/*
** mm1_floor.c -- the floor the engine is measured against: the M/M/1 of
** mm1.c (lambda = 0.9, mu = 1, the same streams and samplers, so the same
** customers) written as the minimal hand-made event loop for that one
** model: a binary heap of (time, sequence, kind), no handles, no dispatch
** table, no budget.  Best of 3 timed runs.  usage: mm1_floor [customers]
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "dist.h"

#define LAMBDA 0.9
#define MU 1.0
#define RUNS 3

enum { ARRIVAL, DEPARTURE };

typedef struct ev {
  double t;
  uint64_t seq;
  int kind;
} ev;

typedef struct heap {
  ev *a;
  size_t n, cap;
  uint64_t seq;
} heap;

static int before(const ev *x, const ev *y) {
  return x->t < y->t || (x->t == y->t && x->seq < y->seq);
}

static int push(heap *h, double t, int kind) {
  if (h->n == h->cap) {
    size_t cap = h->cap ? 2 * h->cap : 64;
    ev *a = realloc(h->a, cap * sizeof *a);
    if (!a) return -1;
    h->a = a;
    h->cap = cap;
  }
  ev x = {.t = t, .seq = h->seq++, .kind = kind};
  size_t i = h->n++;
  while (i > 0 && before(&x, &h->a[(i - 1) / 2])) {
    h->a[i] = h->a[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  h->a[i] = x;
  return 0;
}

static ev pop(heap *h) {
  ev top = h->a[0], last = h->a[--h->n];
  size_t i = 0;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= h->n) break;
    if (c + 1 < h->n && before(&h->a[c + 1], &h->a[c])) c++;
    if (!before(&h->a[c], &last)) break;
    h->a[i] = h->a[c];
    i = c;
  }
  h->a[i] = last;
  return top;
}

/* One run of n customers: its wall time in seconds, or -1 on error. */
static double run(void *ctx, uint64_t n, double *wait_mean) {
  (void)ctx;
  rng arrivals, service;
  heap h = {0};
  double *fifo = NULL, wait_sum = 0;
  size_t head = 0, len = 0, cap = 0;
  uint64_t left = n, served = 0;
  int busy = 0, bad = 0;
  rng_derive(&arrivals, 1, 0, "arrivals");
  rng_derive(&service, 1, 0, "service");
  double t0 = bench_now();
  bad |= push(&h, dist_exponential(&arrivals, 1.0 / LAMBDA), ARRIVAL);
  while (h.n > 0 && !bad) {
    ev e = pop(&h);
    double a = e.t;
    if (e.kind == ARRIVAL) {
      if (--left > 0) bad |= push(&h, e.t + dist_exponential(&arrivals, 1.0 / LAMBDA), ARRIVAL);
      if (busy) { /* wait: the arrival time in the FIFO */
        if (len == cap) {
          size_t ncap = cap ? 2 * cap : 64;
          double *f = malloc(ncap * sizeof *f);
          if (!f) {
            bad = 1;
            break;
          }
          for (size_t i = 0; i < len; i++) f[i] = fifo[(head + i) & (cap - 1)];
          free(fifo);
          fifo = f;
          cap = ncap;
          head = 0;
        }
        fifo[(head + len++) & (cap - 1)] = e.t;
        continue;
      }
    } else {
      busy = 0;
      if (len == 0) continue;
      a = fifo[head];
      head = (head + 1) & (cap - 1);
      len--;
    }
    busy = 1; /* serve the customer who arrived at a */
    wait_sum += e.t - a;
    served++;
    bad |= push(&h, e.t + dist_exponential(&service, 1.0 / MU), DEPARTURE);
  }
  double dt = bench_now() - t0;
  free(fifo);
  free(h.a);
  if (bad || served != n) {
    fprintf(stderr, "mm1_floor: out of memory\n");
    return -1;
  }
  *wait_mean = wait_sum / (double)served;
  return dt;
}

int main(int argc, char **argv) { return bench_customers_main(argc, argv, "mm1_floor", RUNS, run); }
