/*
** bench.h -- what the benchmark programs share: a monotonic clock and
** the one output format, `bench NAME VALUE UNIT`, VALUE to 3 significant
** digits as a plain float (6.2e6, 40, 9.01).  A header, not a .c, since
** each .c file in tests/bench is a program of its own.
*/
#ifndef NEOSIM_BENCH_H
#define NEOSIM_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* %.3g without the exponent's '+' and leading zeros: 6.2e+06 -> 6.2e6. */
static inline void bench_format(char *buf, size_t size, double v) {
  snprintf(buf, size, "%.3g", v);
  char *e = strchr(buf, 'e');
  if (!e) return;
  char *d = e + 1, *s = d;
  if (*s == '+') s++;
  else if (*s == '-') {
    d++;
    s++;
  }
  while (*s == '0' && s[1] != '\0') s++;
  memmove(d, s, strlen(s) + 1);
}

static inline void bench_print(const char *name, double value, const char *unit) {
  char buf[32];
  bench_format(buf, sizeof buf, value);
  printf("bench %s %s %s\n", name, buf, unit);
  fflush(stdout);
}

/* A benchmark's run: n customers (or the like), its wall time in seconds
** or < 0 on error; *out gets its result.  ctx is the caller's. */
typedef double (*bench_run)(void *ctx, uint64_t n, double *out);

/* The shortest wall time of `runs` calls of run (the first warms the
** caches), or -1 at the first error; *out keeps the last call's result. */
static inline double bench_best(int runs, bench_run run, void *ctx, uint64_t n, double *out) {
  double best = -1;
  for (int i = 0; i < runs; i++) {
    double dt = run(ctx, n, out);
    if (dt < 0) return -1;
    if (best < 0 || dt < best) best = dt;
  }
  return best;
}

/* A positive count such as "1e6" or "250000"; 0 if malformed. */
static inline size_t bench_count(const char *s) {
  char *end;
  double v = strtod(s, &end);
  if (end == s || *end != '\0' || !(v >= 1.0) || v > 1e12) return 0;
  return (size_t)v;
}

/* The main of an M/M/1 benchmark whose one optional argument is the count
** of customers (10^6 by default): the best of `runs` runs, printed as NAME
** (customers/s) and NAME_wait_mean (hours).  Exits 2 on a bad argument, 1
** when a run fails. */
static inline int bench_customers_main(int argc, char **argv, const char *name, int runs,
                                       bench_run run) {
  uint64_t n = argc > 1 ? bench_count(argv[1]) : 1000000;
  if (n == 0 || argc > 2) {
    fprintf(stderr, "usage: %s [customers]\n", name);
    return 2;
  }
  double wait = 0, best = bench_best(runs, run, NULL, n, &wait);
  if (best < 0) return 1;
  char wait_name[64];
  snprintf(wait_name, sizeof wait_name, "%s_wait_mean", name);
  bench_print(name, (double)n / best, "customers/s");
  bench_print(wait_name, wait, "hours");
  return 0;
}

#endif
