/*
** test_design.c -- designs of uncertain inputs (design.h) and the
** quantile functions they are mapped through (dist_quantile): quantiles
** against SciPy's (scipy.stats ppf, scipy.special gammainc/betainc, the
** figures below), the structure of each design (LHS strata, Saltelli's
** rows, Morris's one-at-a-time steps), Iman-Conover's rank correlations,
** determinism from the seed, and the errors.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "design.h"
#include "dist.h"

static double q(dist_kind kind, double a, double b, double c, double u) {
  dist d = {.kind = kind, .p = {a, b, c}};
  return dist_quantile(&d, u);
}

static void test_quantiles(void) {
  CHECK_NEAR(dist_gamma_p(2.5, 3.0), 0.6937810815867212, 1e-14);
  CHECK_NEAR(dist_gamma_p(50, 30.0), 0.0005188914625480344, 1e-16);
  CHECK_NEAR(dist_beta_i(2, 5, 0.3), 0.5798250000000001, 1e-14);
  CHECK_NEAR(q(DIST_GAMMA, 2.5, 1.5, 0, 0.3), 2.24993109956993, 1e-12);
  CHECK_NEAR(q(DIST_GAMMA, 0.3, 2, 0, 0.999), 9.237872085582666, 1e-11);
  CHECK_NEAR(q(DIST_BETA, 2, 5, 0, 0.7), 0.36035769038002013, 1e-13);
  CHECK_NEAR(q(DIST_BETA, 0.5, 0.5, 0, 0.01), 0.00024671981713422146, 1e-15);
  CHECK(q(DIST_POISSON, 3.2, 0, 0, 0.5) == 3);
  CHECK(q(DIST_POISSON, 1000, 0, 0, 0.99) == 1074);
  CHECK(q(DIST_POISSON, 0.1, 0, 0, 0.05) == 0);
  CHECK_NEAR(q(DIST_WEIBULL, 1.5, 2, 0, 0.4), 1.278041957270916, 1e-14);
  CHECK_NEAR(q(DIST_LOGNORMAL, 1, 0.5, 0, 0.8), 4.140475419145248, 1e-13);
  CHECK_NEAR(q(DIST_TRIANGULAR, 4, 5, 6, 0.2), 4.632455532033676, 1e-14);
  CHECK_NEAR(q(DIST_TRIANGULAR, 4, 5, 6, 0.9), 5.552786404500042, 1e-14);
  CHECK_NEAR(q(DIST_PARETO, 2, 3, 0, 0.6), 2.7144176165949063, 1e-14);
  CHECK_NEAR(q(DIST_UNIFORM, 1.5, 3.5, 0, 0.25), 2.0, 1e-15);
  CHECK_NEAR(q(DIST_EXPONENTIAL, 2, 0, 0, 1 - exp(-1)), 2.0, 1e-14);
  CHECK_NEAR(q(DIST_NORMAL, 1, 2, 0, 0.975), 1 + 2 * 1.959963984540054, 1e-13);
  CHECK(q(DIST_CONSTANT, 7, 0, 0, 0.3) == 7);
  CHECK(isnan(q(DIST_UNIFORM, 0, 1, 0, 0)) && isnan(q(DIST_UNIFORM, 0, 1, 0, 1)));
  dist d = {0}; /* discrete {3: 0.5, 1: 0.25, 2: 0.25}: in order 1, 2, 3 */
  double v[] = {3, 1, 2}, w[] = {2, 1, 1};
  CHECK(dist_discrete(&d, v, w, 3) == 0);
  CHECK(dist_quantile(&d, 0.2) == 1 && dist_quantile(&d, 0.25) == 1);
  CHECK(dist_quantile(&d, 0.3) == 2 && dist_quantile(&d, 0.6) == 3);
  dist_clear(&d);
}

static void test_lhs(void) {
  design d;
  char err[200];
  CHECK(design_make(&d, DESIGN_LHS, 50, 3, NULL, 7, err, sizeof err) == 0);
  CHECK(d.rows == 50 && d.k == 3);
  for (size_t j = 0; j < 3; j++) { /* one value in each fiftieth */
    int seen[50] = {0}, ok = 1;
    for (size_t i = 0; i < 50; i++) {
      double u = d.u[i * 3 + j];
      ok &= u > 0 && u < 1;
      seen[(int)(u * 50)]++;
    }
    for (int b = 0; b < 50; b++) ok &= seen[b] == 1;
    CHECKF(ok, "column %zu is not stratified", j);
  }
  design e;
  CHECK(design_make(&e, DESIGN_LHS, 50, 3, NULL, 7, err, sizeof err) == 0);
  CHECK(memcmp(d.u, e.u, 150 * sizeof *d.u) == 0); /* the seed decides */
  design_clear(&e);
  CHECK(design_make(&e, DESIGN_LHS, 50, 3, NULL, 8, err, sizeof err) == 0);
  CHECK(memcmp(d.u, e.u, 150 * sizeof *d.u) != 0);
  design_clear(&e);
  design_clear(&d);
}

static void test_saltelli(void) {
  design d;
  char err[200];
  size_t k = 3;
  CHECK(design_make(&d, DESIGN_SALTELLI, 10, k, NULL, 1, err, sizeof err) == 0);
  CHECK(d.rows == 10 * (k + 2));
  int ok = 1;
  for (size_t j = 0; j < 10; j++) {
    const double *a = &d.u[j * (k + 2) * k], *b = a + k;
    for (size_t i = 0; i < k; i++) {
      const double *ab = a + (2 + i) * k;
      for (size_t m = 0; m < k; m++) ok &= ab[m] == (m == i ? b[m] : a[m]);
      ok &= a[i] != b[i];
    }
  }
  CHECK(ok);
  design_clear(&d);
}

static void test_morris(void) {
  design d;
  char err[200];
  size_t k = 4, r = 20;
  CHECK(design_make(&d, DESIGN_MORRIS, r, k, NULL, 3, err, sizeof err) == 0);
  CHECK(d.rows == r * (k + 1));
  int ok = 1;
  for (size_t t = 0; t < r; t++) {
    int moved[4] = {0};
    for (size_t m = 1; m <= k; m++) {
      const double *prev = &d.u[(t * (k + 1) + m - 1) * k], *row = prev + k;
      int changed = 0;
      for (size_t i = 0; i < k; i++) {
        double g = row[i] * 4 - 0.5; /* the level */
        ok &= fabs(g - round(g)) < 1e-12 && g > -0.5 && g < 3.5;
        if (row[i] != prev[i]) {
          changed++;
          moved[i]++;
          ok &= fabs(fabs(row[i] - prev[i]) - 0.5) < 1e-12; /* 2 levels of 4 */
        }
      }
      ok &= changed == 1;
    }
    for (size_t i = 0; i < k; i++) ok &= moved[i] == 1;
  }
  CHECK(ok);
  design_clear(&d);
}

static void test_correlation(void) {
  design d;
  char err[200];
  double c[9] = {1, 0.5, -0.3, 0.5, 1, 0, -0.3, 0, 1};
  CHECK(design_make(&d, DESIGN_LHS, 256, 3, c, 11, err, sizeof err) == 0);
  for (size_t i = 0; i < 9; i++)
    CHECKF(fabs(d.achieved[i] - c[i]) < 0.05, "achieved %g, target %g", d.achieved[i], c[i]);
  int ok = 1; /* the strata survive the rearrangement */
  for (size_t j = 0; j < 3; j++) {
    int seen[256] = {0};
    for (size_t i = 0; i < 256; i++) seen[(int)(d.u[i * 3 + j] * 256)]++;
    for (int b = 0; b < 256; b++) ok &= seen[b] == 1;
  }
  CHECK(ok);
  double again[9]; /* achieved is the Spearman matrix of the columns */
  CHECK(design_spearman(d.u, 256, 3, again) == 0 && memcmp(again, d.achieved, sizeof again) == 0);
  design_clear(&d);
  CHECK(design_make(&d, DESIGN_RANDOM, 256, 3, NULL, 11, err, sizeof err) == 0);
  for (size_t i = 0; i < 9; i++) /* independent: near 0 (sd 1/sqrt(255) = 0.063) */
    CHECKF(fabs(d.achieved[i] - (i % 4 == 0)) < 0.25, "achieved %g", d.achieved[i]);
  design_clear(&d);
}

static void test_errors(void) {
  design d;
  char err[200] = "";
  double notpd[9] = {1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1};
  CHECK(design_make(&d, DESIGN_LHS, 100, 3, notpd, 1, err, sizeof err) == -1);
  CHECK(strstr(err, "not positive definite") != NULL);
  double c[4] = {1, 0.5, 0.5, 1};
  CHECK(design_make(&d, DESIGN_SALTELLI, 100, 2, c, 1, err, sizeof err) == -1);
  CHECK(strstr(err, "random or lhs") != NULL);
  double asym[4] = {1, 0.5, 0.4, 1};
  CHECK(design_make(&d, DESIGN_LHS, 100, 2, asym, 1, err, sizeof err) == -1);
  CHECK(strstr(err, "symmetric") != NULL);
  CHECK(design_make(&d, DESIGN_LHS, 0, 2, NULL, 1, err, sizeof err) == -1);
  CHECK(design_rows(DESIGN_SALTELLI, 256, 5) == 256 * 7);
  CHECK(design_rows(DESIGN_MORRIS, 10, 5) == 60);
  CHECK(design_rows(DESIGN_LHS, 1000000, 10) == 1000000);
  CHECK(design_rows(DESIGN_LHS, 1000000, 11) == 0);    /* 1.1e7 entries */
  CHECK(design_rows(DESIGN_SALTELLI, 200000, 4) == 0); /* 1.2e6 rows */
  CHECK(design_kind_parse("saltelli") == DESIGN_SALTELLI && design_kind_parse("sobol") == -1);
}

int main(void) {
  test_quantiles();
  test_lhs();
  test_saltelli();
  test_morris();
  test_correlation();
  test_errors();
  return CHECK_DONE();
}
