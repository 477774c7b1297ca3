/*
** hold.c -- the classic hold model: N pending events at Exp(1) times;
** each one taken from the set schedules one more at now + Exp(1), so the
** set keeps N events.  Prints holds/s (the best of batches of
** max(N, 1e6) holds) and bytes per pending event for every pq kind.
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
  engine_free(e);
  return -1;
}

/* One figure: N pending events in a set of the given kind. */
static int bench_hold(size_t n, pq_kind kind) {
  hold h;
  engine *e = engine_new(kind);
  if (!e) return fail(e, "engine_new");
  rng_derive(&h.r, 1, 0, "hold");
  engine_on(e, 0, on_hold, &h);
  for (size_t i = 0; i < n; i++) engine_at(e, dist_exponential(&h.r, 1.0), 0, (uint32_t)i, 0);
  if (engine_error(e) != ENGINE_OK) return fail(e, "fill");
  double bytes = (double)engine_bytes(e) / (double)n;
  uint64_t batch = n > 1000000 ? n : 1000000, done = 0;
  if (run_holds(e, &h, n > WARM_HOLDS ? n : WARM_HOLDS)) return fail(e, "warm-up");
  double t0 = bench_now(), t = t0, best = 0;
  do { /* the best batch: other work on the machine only slows some */
    if (run_holds(e, &h, batch)) return fail(e, "run");
    double t1 = bench_now();
    if ((double)batch / (t1 - t) > best) best = (double)batch / (t1 - t);
    done += batch;
    t = t1;
  } while (done < MIN_HOLDS || t - t0 < MIN_SECS);
  char name[64], size[32];
  bench_format(size, sizeof size, (double)n);
  snprintf(name, sizeof name, "hold_%s_%s", size, pq_kind_name(kind));
  bench_print(name, best, "holds/s");
  snprintf(name, sizeof name, "hold_%s_%s_bytes", size, pq_kind_name(kind));
  bench_print(name, bytes, "bytes/event");
  engine_free(e);
  return 0;
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
    for (int k = 0; k < PQ_NKINDS; k++)
      if (bench_hold(n, (pq_kind)k)) return 1;
  }
  return 0;
}
