/*
** test_sensitivity.c -- the sensitivity estimators (sensitivity.h) on
** functions whose indices are known in closed form:
**   - Ishigami (a = 7, b = 0.1, inputs uniform on [-pi, pi]): S1 = 0.3139,
**     0.4424, 0; ST = 0.5576, 0.4424, 0.2437 (Saltelli et al., Global
**     Sensitivity Analysis: The Primer, 2008, sec. 4.6);
**   - Sobol's g-function (a = 0, 1, 4.5, 9, 99, 99, 99, 99, inputs uniform
**     on [0, 1]): V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1,
**     S1_i = V_i / V, ST_i = V_i prod_{j != i} (1 + V_j) / V;
** Ishigami's analytic indices inside their bootstrap 95% intervals, and
** the g-function's intervals holding their indices 95% of the time over
** 200 designs (the designs are fixed by their seeds: the outcome is the
** same on every run); Morris's
** effects of a linear term exactly, of a square within its bounds, of an
** absent input 0; PRCC and the tornado of a monotone response.
*/
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "design.h"
#include "sensitivity.h"

#define PI 3.14159265358979323846

static double ishigami(const double *u) {
  double x1 = -PI + 2 * PI * u[0], x2 = -PI + 2 * PI * u[1], x3 = -PI + 2 * PI * u[2];
  return sin(x1) + 7 * sin(x2) * sin(x2) + 0.1 * pow(x3, 4) * sin(x1);
}

static const double g_a[8] = {0, 1, 4.5, 9, 99, 99, 99, 99};

static double gfun(const double *u) {
  double y = 1;
  for (int i = 0; i < 8; i++) y *= (fabs(4 * u[i] - 2) + g_a[i]) / (1 + g_a[i]);
  return y;
}

/* The response of every row of design d. */
static double *respond(const design *d, double (*f)(const double *)) {
  double *y = malloc(d->rows * sizeof *y);
  for (size_t r = 0; y && r < d->rows; r++) y[r] = f(&d->u[r * d->k]);
  return y;
}

static int inside(sens_est e, double truth) { return e.lo <= truth && truth <= e.hi; }

static void test_ishigami(void) {
  design d;
  char err[200];
  CHECK(design_make(&d, DESIGN_SALTELLI, 4096, 3, NULL, 2024, err, sizeof err) == 0);
  double *y = respond(&d, ishigami);
  sens_est s1[3], st[3];
  size_t used = 0;
  CHECK(y && sens_sobol(y, 4096, 3, 1, s1, st, &used) == 0 && used == 4096);
  const double t1[3] = {0.3139, 0.4424, 0}, tt[3] = {0.5576, 0.4424, 0.2437};
  for (int i = 0; i < 3; i++) {
    CHECKF(inside(s1[i], t1[i]), "S1[%d] = %.4f [%.4f, %.4f], truth %.4f", i, s1[i].value, s1[i].lo,
           s1[i].hi, t1[i]);
    CHECKF(inside(st[i], tt[i]), "ST[%d] = %.4f [%.4f, %.4f], truth %.4f", i, st[i].value, st[i].lo,
           st[i].hi, tt[i]);
    CHECKF(s1[i].hi - s1[i].lo < 0.15 && st[i].hi - st[i].lo < 0.15, "intervals of input %d", i);
  }
  y[5] = NAN; /* a point without a response leaves its base sample out */
  CHECK(sens_sobol(y, 4096, 3, 1, s1, st, &used) == 0 && used == 4095);
  free(y);
  design_clear(&d);
}

/* The g-function's indices in closed form. */
static void g_truth(double *t1, double *tt) {
  double v[8], prod = 1;
  for (int i = 0; i < 8; i++) {
    v[i] = 1 / (3 * (1 + g_a[i]) * (1 + g_a[i]));
    prod *= 1 + v[i];
  }
  for (int i = 0; i < 8; i++) {
    t1[i] = v[i] / (prod - 1);
    tt[i] = v[i] * prod / (1 + v[i]) / (prod - 1);
  }
}

/* One large design: each index near its value.  Then the intervals'
** coverage: 200 independent designs of 256 base samples, each of the 16
** intervals counted when it holds its index.  A valid 95% interval holds
** it 190 times in 200 on average: each index at least 176 times (below
** that has probability 1e-4 for a 95% interval), all 3200 between 93% and
** 97% (the count's sd is 0.39%). */
static void test_gfunction(void) {
  double t1[8], tt[8];
  g_truth(t1, tt);
  design d;
  char err[200];
  CHECK(design_make(&d, DESIGN_SALTELLI, 4096, 8, NULL, 7, err, sizeof err) == 0);
  double *y = respond(&d, gfun);
  sens_est s1[8], st[8];
  size_t used = 0;
  CHECK(y && sens_sobol(y, 4096, 8, 1, s1, st, &used) == 0);
  for (int i = 0; i < 8; i++)
    CHECKF(fabs(s1[i].value - t1[i]) < 0.03 && fabs(st[i].value - tt[i]) < 0.03,
           "g: S1[%d] = %.4f (truth %.4f), ST %.4f (%.4f)", i, s1[i].value, t1[i], st[i].value,
           tt[i]);
  free(y);
  design_clear(&d);
  int in[16] = {0}, all = 0;
  for (int m = 0; m < 200; m++) {
    CHECK(design_make(&d, DESIGN_SALTELLI, 256, 8, NULL, 1000 + (uint64_t)m, err, sizeof err) == 0);
    y = respond(&d, gfun);
    CHECK(y && sens_sobol(y, 256, 8, (uint64_t)m, s1, st, &used) == 0);
    for (int i = 0; i < 8; i++) {
      in[i] += inside(s1[i], t1[i]);
      in[8 + i] += inside(st[i], tt[i]);
    }
    free(y);
    design_clear(&d);
  }
  for (int i = 0; i < 16; i++) {
    CHECKF(in[i] >= 176, "g: %s[%d] covered %d times in 200", i < 8 ? "S1" : "ST", i % 8, in[i]);
    all += in[i];
  }
  CHECKF(all >= 0.93 * 3200 && all <= 0.97 * 3200, "g: coverage %d of 3200", all);
  printf("g-function: the 95%% intervals held their index %d times in 3200 (%.1f%%)\n", all,
         100.0 * all / 3200);
}

/* y = 2 u0 + u1^2 (+ nothing of u2): elementary effects 2, 2p +- 0.5 in
** {0.75, 1.25}, and 0. */
static double morris_fn(const double *u) { return 2 * u[0] + u[1] * u[1]; }

static void test_morris(void) {
  design d;
  char err[200];
  CHECK(design_make(&d, DESIGN_MORRIS, 50, 3, NULL, 5, err, sizeof err) == 0);
  double *y = respond(&d, morris_fn);
  sens_est mu[3], sd[3];
  size_t used = 0;
  CHECK(y && sens_morris(y, d.u, 50, 3, 1, mu, sd, &used) == 0 && used == 50);
  CHECK_NEAR(mu[0].value, 2, 1e-12);
  CHECK_NEAR(sd[0].value, 0, 1e-12);
  CHECK(mu[1].value >= 0.75 && mu[1].value <= 1.25 && sd[1].value > 0.1 && sd[1].value < 0.3);
  CHECK(inside(mu[1], 1.0)); /* the mean effect of the square over the levels */
  CHECK(mu[2].value == 0 && sd[2].value == 0);
  double p[6] = {0.125, 0.125, 0.625, 0.625, 0.125, 0.375}, yy[3] = {0, 1, 2};
  CHECK(sens_morris(yy, p, 1, 2, 1, mu, sd, &used) == -2 && used == 0); /* two moved at once */
  free(y);
  design_clear(&d);
}

/* y = 10 u0 + 2 u1: PRCC of u0 above u1's, u2's near 0; the tornado of u0
** 10 times the mean of the lowest and highest fifth of a uniform, 1 and 9. */
static double linear(const double *u) { return 10 * u[0] + 2 * u[1]; }

static void test_sample(void) {
  design d;
  char err[200];
  CHECK(design_make(&d, DESIGN_LHS, 500, 3, NULL, 9, err, sizeof err) == 0);
  double *y = respond(&d, linear);
  sens_est prcc[3], low[3], high[3];
  size_t used = 0;
  CHECK(y && sens_sample(d.u, y, 500, 3, 1, prcc, low, high, &used) == 0 && used == 500);
  CHECKF(prcc[0].value > 0.95 && prcc[1].value > 0.5 && prcc[0].value > prcc[1].value, "prcc %g %g",
         prcc[0].value, prcc[1].value);
  CHECKF(inside(prcc[2], 0) && fabs(prcc[2].value) < 0.15, "prcc of an absent input %g [%g, %g]",
         prcc[2].value, prcc[2].lo, prcc[2].hi);
  CHECKF(fabs(low[0].value - (1 + 1)) < 0.15 && fabs(high[0].value - (9 + 1)) < 0.15,
         "tornado %g %g", low[0].value, high[0].value); /* + 2 E[u1] = 1 */
  CHECK(low[0].lo <= low[0].value && low[0].value <= low[0].hi);
  CHECK(sens_sample(d.u, y, 5, 3, 1, prcc, low, high, &used) == -2); /* too few rows */
  free(y);
  design_clear(&d);
}

int main(void) {
  test_ishigami();
  test_gfunction();
  test_morris();
  test_sample();
  return CHECK_DONE();
}
