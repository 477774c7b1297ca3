/*
** bench.h -- what the benchmark programs share: a monotonic clock and
** the one output format, `bench NAME VALUE UNIT`, VALUE to 3 significant
** digits as a plain float (6.2e6, 40, 9.01).  A header, not a .c, since
** each .c file in tests/bench is a program of its own.
*/
#ifndef NEOSIM_BENCH_H
#define NEOSIM_BENCH_H

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

/* A positive count such as "1e6" or "250000"; 0 if malformed. */
static inline size_t bench_count(const char *s) {
  char *end;
  double v = strtod(s, &end);
  if (end == s || *end != '\0' || !(v >= 1.0) || v > 1e12) return 0;
  return (size_t)v;
}

#endif
