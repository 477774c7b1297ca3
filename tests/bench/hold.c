/*
** hold.c -- the classic hold model: N pending events at Exp(1) times;
** each one taken from the set schedules one more at now + Exp(1), so the
** set keeps N events.  Prints holds/s (the best of batches of
** max(N, 1e6) holds, the kinds taking turns) and bytes per pending event
** for every pq kind.
** usage: hold [N ...]   (default 1e3 1e5 1e6)
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "bench.h"
#include "dist.h"
#include "engine.h"

#define WARM_HOLDS 100000u /* warm-up: max(N, this) holds, not timed */
#define MIN_HOLDS 5000000u /* timed: at least this many holds ... */
#define MIN_SECS 0.5       /* ... and at least this long */

typedef struct hold {
  rng r;
  uint64_t left; /* holds before engine_stop() */
} hold;

static void on_hold(engine *e, const engine_event *ev, void *ctx) {
  hold *h = ctx;
  engine_after(e, dist_exponential(&h->r, 1.0), ev->kind, ev->id, 0);
  if (--h->left == 0) engine_stop(e);
}

static int run_holds(engine *e, hold *h, uint64_t n) {
  h->left = n;
  return engine_run(e, (double)INFINITY) == ENGINE_STOPPED ? 0 : -1;
}

static int fail(engine *e, const char *what) {
  fprintf(stderr, "hold: %s: %s\n", what, e ? engine_strerror(engine_error(e)) : "out of memory");
  return -1;
}

/* One size: N pending events in a set of every kind.  The kinds take
** turns, a batch each, so a drift of the machine's speed falls on all of
** them alike; each keeps its best batch (other work on the machine only
** slows some). */
static int bench_hold(size_t n) {
  engine *e[PQ_NKINDS] = {0};
  hold h[PQ_NKINDS];
  double best[PQ_NKINDS] = {0}, bytes[PQ_NKINDS], spent = 0;
  uint64_t batch = n > 1000000 ? n : 1000000, done = 0;
  int rc = 0;
  for (int k = 0; k < PQ_NKINDS && !rc; k++) {
    if (!(e[k] = engine_new((pq_kind)k))) rc = fail(NULL, "engine_new");
    if (rc) break;
    rng_derive(&h[k].r, 1, 0, "hold");
    engine_on(e[k], 0, on_hold, &h[k]);
    for (size_t i = 0; i < n; i++)
      engine_at(e[k], dist_exponential(&h[k].r, 1.0), 0, (uint32_t)i, 0);
    bytes[k] = (double)engine_bytes(e[k]) / (double)n; /* as filled */
    if (engine_error(e[k]) != ENGINE_OK) rc = fail(e[k], "fill");
    else if (run_holds(e[k], &h[k], n > WARM_HOLDS ? n : WARM_HOLDS)) rc = fail(e[k], "warm-up");
  }
  while (!rc && (done < MIN_HOLDS || spent < MIN_SECS)) { /* per kind */
    double slowest = 0;
    for (int k = 0; k < PQ_NKINDS && !rc; k++) {
      double t0 = bench_now();
      if (run_holds(e[k], &h[k], batch)) rc = fail(e[k], "run");
      double dt = bench_now() - t0;
      if ((double)batch / dt > best[k]) best[k] = (double)batch / dt;
      if (dt > slowest) slowest = dt;
    }
    done += batch;
    spent += slowest;
  }
  char name[64], size[32];
  bench_format(size, sizeof size, (double)n);
  for (int k = 0; k < PQ_NKINDS && !rc; k++) {
    snprintf(name, sizeof name, "hold_%s_%s", size, pq_kind_name((pq_kind)k));
    bench_print(name, best[k], "holds/s");
    snprintf(name, sizeof name, "hold_%s_%s_bytes", size, pq_kind_name((pq_kind)k));
    bench_print(name, bytes[k], "bytes/event");
  }
  for (int k = 0; k < PQ_NKINDS; k++) engine_free(e[k]);
  return rc;
}

int main(int argc, char **argv) {
  static const size_t sizes[] = {1000, 100000, 1000000};
  size_t nsizes = argc > 1 ? (size_t)argc - 1 : sizeof sizes / sizeof *sizes;
  for (size_t i = 0; i < nsizes; i++) {
    size_t n = argc > 1 ? bench_count(argv[i + 1]) : sizes[i];
    if (n == 0 || n > PQ_MAX_PENDING) {
      fprintf(stderr, "hold: bad size '%s' (1 .. %u pending events)\n", argv[i + 1],
              PQ_MAX_PENDING);
      return 2;
    }
    if (bench_hold(n)) return 1;
  }
  return 0;
}
