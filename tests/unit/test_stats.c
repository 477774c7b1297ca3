/*
** test_stats.c -- statistics across replications (stats.h) against hand
** computations: mean and sd, the paired variances (and their accuracy on
** large values with a small spread), the Wilson interval, ranks, and the
** sort against a stable insertion sort, bit for bit.
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "stats.h"

static int near(double a, double b, double tol) { return fabs(a - b) <= tol; }

static void test_mean_sd(void) {
  double x[] = {1, 2, 3, 4}, m, sd;
  stats_mean_sd(x, 4, &m, &sd);
  CHECK(m == 2.5 && near(sd, sqrt(5.0 / 3.0), 1e-15));
  stats_mean_sd(x, 1, &m, &sd);
  CHECK(m == 1 && isnan(sd));
  stats_mean_sd(x, 0, &m, &sd);
  CHECK(isnan(m) && isnan(sd));
}

static void test_pair(void) {
  double a[] = {10, 12, 11, 15}, b[] = {9, 10, 10, 12};
  stats_paired p = stats_pair(a, b, 4); /* d = 1, 2, 1, 3: mean 1.75, var 11/12 */
  CHECK(p.mean_diff == 1.75 && near(p.var_d, 11.0 / 12.0, 1e-15));
  CHECK(near(p.var_a, 14.0 / 3.0, 1e-14) && near(p.var_b, 4.75 / 3.0, 1e-15));
  /* 1e9 + small spread: the naive sum of squares loses every digit */
  double big[] = {1e9 + 1, 1e9 + 2, 1e9 + 3}, base[] = {0, 0, 0};
  p = stats_pair(big, base, 3);
  CHECK(p.var_d == 1 && p.var_a == 1 && p.var_b == 0);
  p = stats_pair(a, b, 1);
  CHECK(p.mean_diff == 1 && isnan(p.var_d) && isnan(p.var_a));
}

static void test_wilson(void) {
  double lo, hi;
  stats_wilson(0, 4, &lo, &hi); /* z^2 / (n + z^2) */
  CHECK(lo == 0 && near(hi, 1.959964 * 1.959964 / (4 + 1.959964 * 1.959964), 1e-15));
  stats_wilson(0.5, 100, &lo, &hi); /* Wilson (1927): 0.4038, 0.5962 */
  CHECK(near(lo, 0.40383, 5e-5) && near(hi, 0.59617, 5e-5) && near(lo + hi, 1, 1e-15));
  stats_wilson(1, 10, &lo, &hi);
  CHECK(near(hi, 1, 1e-15) && near(lo, 10 / (10 + 1.959964 * 1.959964), 1e-15));
}

static void test_rank(void) {
  CHECK(stats_rank(0.05, 20) == 1 && stats_rank(0.05, 21) == 2 && stats_rank(0.05, 1) == 1);
  CHECK(stats_rank(0.5, 4) == 2 && stats_rank(0.5, 5) == 3 && stats_rank(0.9, 10) == 9);
  CHECK(stats_rank(1, 7) == 7);
  double x[] = {3, -1, 2, 2, 0};
  stats_sort(x, 5);
  CHECK(x[0] == -1 && x[1] == 0 && x[2] == 2 && x[3] == 2 && x[4] == 3);
}

/* A draw of a few kinds that sorts trip on: ties, -0 and +0, both signs,
** subnormals, infinities, large and small magnitudes. */
static double awkward(uint64_t *s) {
  *s = *s * 6364136223846793005u + 1442695040888963407u;
  uint32_t r = (uint32_t)(*s >> 33);
  switch (r % 8) {
  case 0: return (r >> 3) % 2 ? -0.0 : 0.0;
  case 1: return (double)((r >> 3) % 5) - 2; /* ties */
  case 2: return ((r >> 3) % 2 ? -1 : 1) * 4.9e-324 * (double)((r >> 4) % 3 + 1);
  case 3: return (r >> 3) % 2 ? -INFINITY : INFINITY;
  case 4: return ldexp((double)(r >> 3), (int)(r % 200) - 100);
  case 5: return -ldexp((double)(r >> 3), (int)(r % 200) - 100);
  default: return (double)(r >> 3) / 1e3 - 1e5; /* one magnitude: shared high bytes */
  }
}

static void test_sort(void) {
  static const size_t sizes[] = {0, 1, 2, 47, 48, 49, 1000, 4099};
  uint64_t s = 42;
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    size_t n = sizes[k];
    double *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
    for (size_t i = 0; i < n; i++) a[i] = b[i] = awkward(&s);
    stats_sort(a, n);
    for (size_t i = 1; i < n; i++) { /* the reference: stable by construction */
      double v = b[i];
      size_t j = i;
      for (; j > 0 && b[j - 1] > v; j--) b[j] = b[j - 1];
      b[j] = v;
    }
    CHECKF(n == 0 || memcmp(a, b, n * sizeof *a) == 0, "sort of %zu values differs", n);
    free(a);
    free(b);
  }
}

/* Student's t quantiles against the student_t table of results/schema.sql
** (6 decimals) and two of SciPy's (stats.t.ppf) at full precision. */
static void test_t_quantile(void) {
  CHECK(near(stats_t_quantile(0.975, 1), 12.706205, 5e-7));
  CHECK(near(stats_t_quantile(0.975, 10), 2.228139, 5e-7));
  CHECK(near(stats_t_quantile(0.975, 1000), 1.962339, 5e-7));
  CHECK(near(stats_t_quantile(0.975, 29), 2.045229642132703, 1e-12));
  CHECK(near(stats_t_quantile(0.95, 3.5), 2.2224334936496004, 1e-12));
  CHECK(near(stats_t_quantile(0.025, 10), -2.228139, 5e-7));
  CHECK(isnan(stats_t_quantile(1, 5)) && isnan(stats_t_quantile(0.5, 0)));
}

int main(void) {
  test_t_quantile();
  test_mean_sd();
  test_pair();
  test_wilson();
  test_rank();
  test_sort();
  return CHECK_DONE();
}
