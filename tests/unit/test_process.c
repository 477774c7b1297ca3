/*
** test_process.c -- process_range() bounds every value process_value()
** returns in its window, for every kind, wherever the window lies (before
** a path's first point, across a crest or a trough, past the horizon), and
** is tight over a short window, where the thinning of arrivals relies on it
** to settle most candidates without computing the rate.
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "process.h"
#include "rng.h"

#define HORIZON_H 43830.0 /* five years */

static process *make(const process_cfg *c) {
  char err[256];
  process *p = process_new(c, HORIZON_H, 7, 0, NULL, err, sizeof err);
  CHECKF(p != NULL, "%s", err);
  return p;
}

/* Every value at the ends and at 199 random times of [t0, t0 + w] within
** the bounds; returns the bounds' width over the larger in magnitude. */
static double check_window(const process *p, const char *what, double t0, double w, rng *r) {
  double lo, hi;
  process_range(p, t0, t0 + w, &lo, &hi);
  int bad = 0;
  for (int k = 0; k <= 200; k++) {
    double t = k == 0 ? t0 : k == 1 ? t0 + w : t0 + w * rng_uniform(r);
    double v = process_value(p, t);
    if (!(v >= lo && v <= hi) && bad++ == 0)
      CHECKF(0, "%s: value %.17g at %.6f outside [%.17g, %.17g] of [%.6f, %.6f]", what, v, t, lo,
             hi, t0, t0 + w);
  }
  if (!bad) CHECK(1);
  return (hi - lo) / fmax(fabs(lo), fabs(hi));
}

/* Windows of several lengths all over the horizon and beyond it; the
** widest relative width of the 6-hour ones. */
static double check_all(const process *p, const char *what) {
  static const double widths[] = {0, 1e-9, 0.5, 6, 100, 2000, 9000};
  rng r;
  rng_derive(&r, 1, 0, what);
  double worst = 0;
  for (size_t i = 0; i < sizeof widths / sizeof *widths; i++)
    for (int k = 0; k < 60; k++) {
      double t0 = -50 + (HORIZON_H + 100) * rng_uniform(&r);
      double rel = check_window(p, what, t0, widths[i], &r);
      if (widths[i] == 6 && rel > worst) worst = rel;
    }
  return worst;
}

static void seasonal(double amplitude, double period_h, double trend, double max_rel) {
  process_cfg c = {.kind = PROC_SEASONAL,
                   .p = {[P_SEAS_BASE] = 1.3,
                         [P_SEAS_AMPLITUDE] = amplitude,
                         [P_SEAS_PERIOD_H] = period_h,
                         [P_SEAS_PEAK_H] = 1000,
                         [P_SEAS_TREND] = trend}};
  process *p = make(&c);
  if (!p) return;
  double rel = check_all(p, "seasonal");
  CHECKF(rel <= max_rel, "seasonal (amplitude %g, period %g h): 6-hour bounds %.3g wide", amplitude,
         period_h, rel);
  /* a window across the crest and one across the trough reach 1 +- amplitude */
  double lo, hi, crest = 1000 + 3 * period_h, trough = crest + period_h / 2;
  process_range(p, crest - 1, crest + 1, &lo, &hi);
  CHECK(hi >= process_value(p, crest));
  process_range(p, trough - 1, trough + 1, &lo, &hi);
  CHECK(lo <= process_value(p, trough));
  process_free(p);
}

static void path(int step) {
  double t[] = {100, 200, 200, 5000, 5003, 5006, 20000}, v[] = {2, 5, -1, 3, 7, 0.5, 4};
  process_cfg c = {.kind = PROC_PATH, .n = 7, .t = t, .v = v, .step = step};
  process *p = make(&c);
  if (!p) return;
  check_all(p, step ? "path steps" : "path linear");
  double lo, hi;
  process_range(p, 0, 50, &lo, &hi); /* before the first point: its value */
  CHECK(lo <= 2 && hi >= 2 && hi - lo < 1e-6);
  process_range(p, 30000, 40000, &lo, &hi); /* past the last: the last */
  CHECK(lo <= 4 && hi >= 4 && hi - lo < 1e-6);
  process_range(p, 5001, 5002, &lo, &hi); /* within one interval */
  CHECK(step ? lo <= 3 && hi >= 3 && hi - lo < 1e-6 : lo <= 3 && hi >= 7 && hi - lo < 4.1);
  process_free(p);
}

/* A path with more points in the window than the bounds look at: unknown. */
static void dense_path(void) {
  enum { N = 1000 };
  double *t = malloc(N * sizeof *t), *v = malloc(N * sizeof *v);
  if (!t || !v) {
    CHECK(0);
    free(t);
    free(v);
    return;
  }
  for (int i = 0; i < N; i++) {
    t[i] = i * 0.01;
    v[i] = sin(i);
  }
  process_cfg c = {.kind = PROC_PATH, .n = N, .t = t, .v = v, .step = 1};
  process *p = make(&c);
  if (p) {
    check_all(p, "dense path");
    double lo, hi;
    process_range(p, 0, 5, &lo, &hi);
    CHECK(isinf(lo) && lo < 0 && isinf(hi) && hi > 0);
    process_range(p, 0, 0.3, &lo, &hi); /* 31 points: known */
    CHECK(isfinite(lo) && isfinite(hi));
  }
  process_free(p);
  free(t);
  free(v);
}

static process_cfg regime_cfg(double *mean_h, double *levels) {
  return (process_cfg){.kind = PROC_REGIME,
                       .p = {[P_REGIME_BASE] = 1},
                       .n = 3,
                       .t = mean_h,
                       .v = levels,
                       .initial = 0};
}

int main(void) {
  process_cfg k = process_cfg_constant(2.5);
  process *p = make(&k);
  if (p) CHECK(check_all(p, "constant") < 1e-6);
  process_free(p);

  seasonal(0.2, 8766, 0.05, 0.005);
  seasonal(-0.3, 8766, -0.2, 0.005);
  seasonal(0.9, 24, 0.05, 0.95);         /* a daily cycle: 6 hours is a quarter of it */
  seasonal(0.5, 3, 0, 2.0 / 3.0 + 1e-6); /* a cycle inside the window: the full range */
  path(1);
  path(0);
  dense_path();

  process_cfg g = {
      .kind = PROC_GBM,
      .p = {[P_GBM_START] = 3.4, [P_GBM_DRIFT] = -0.08, [P_GBM_VOL] = 0.25, [P_GBM_STEP_H] = 24}};
  p = make(&g);
  if (p) check_all(p, "gbm");
  process_free(p);

  process_cfg o = {.kind = PROC_MEAN_REVERTING,
                   .p = {[P_MR_START] = 66,
                         [P_MR_MEAN] = 66,
                         [P_MR_SPEED] = 2,
                         [P_MR_VOL] = 0.25,
                         [P_MR_JUMP_RATE] = 1,
                         [P_MR_JUMP_MEAN] = 0.3,
                         [P_MR_JUMP_SD] = 0.2,
                         [P_MR_STEP_H] = 1}};
  p = make(&o);
  if (p) check_all(p, "mean reverting");
  process_free(p);

  double mean_h[] = {7200, 2880, 2160}, levels[] = {1.0, 1.6, 0.5};
  process_cfg factors[2] = {{.kind = PROC_SEASONAL,
                             .p = {[P_SEAS_BASE] = 1.15,
                                   [P_SEAS_AMPLITUDE] = 0.2,
                                   [P_SEAS_PERIOD_H] = 8766,
                                   [P_SEAS_TREND] = 0.05}},
                            regime_cfg(mean_h, levels)};
  p = make(&factors[1]);
  if (p) check_all(p, "regime");
  process_free(p);
  process_cfg prod = {.kind = PROC_PRODUCT, .n = 2, .factors = factors};
  p = make(&prod);
  if (p) {
    check_all(p, "product");
    /* most 6-hour windows hold no switch: as tight as the seasonal factor */
    rng r;
    rng_derive(&r, 2, 0, "tight");
    int tight = 0;
    for (int i = 0; i < 1000; i++) {
      double t0 = HORIZON_H * rng_uniform(&r), lo, hi;
      process_range(p, t0, t0 + 6, &lo, &hi);
      tight += (hi - lo) / hi < 0.005;
    }
    CHECKF(tight >= 990, "%d of 1000 product windows tight", tight);
  }
  process_free(p);
  return CHECK_DONE();
}
