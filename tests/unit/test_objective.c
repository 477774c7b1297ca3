/*
** test_objective.c -- objectives (objective.h): the grammar and its
** errors, estimates against hand computations, the thresholds' bound, and
** the interval's coverage of mean + w cvar05 of a standard normal, known in
** closed form: -w phi(z_0.05) / 0.05.
*/
#include <math.h>
#include <string.h>

#include "check.h"
#include "dist.h"
#include "objective.h"
#include "rng.h"

static int near(double a, double b, double tol) { return fabs(a - b) <= tol; }

static void test_parse(void) {
  objective o;
  char err[256];
  CHECK(objective_parse(" mean(npv) + 0.5*cvar05(npv) ", 0, &o, err, sizeof err) == 0);
  CHECK(o.nterms == 2 && strcmp(o.metric, "npv") == 0 &&
        strcmp(o.text, "mean(npv) + 0.5*cvar05(npv)") == 0);
  CHECK(o.term[0].coef == 1 && o.term[0].cvar == 0 && o.term[1].coef == 0.5 && o.term[1].cvar == 5);
  CHECK(!objective_risk_seeking(&o));
  CHECK(objective_min_reps(&o, 10) == 200 && objective_min_reps(&o, 2) == 40);
  CHECK(objective_parse("-2 * cvar10( is.ebitda )-mean(is.ebitda)", 1, &o, err, sizeof err) == 0);
  CHECK(o.nterms == 2 && o.term[0].coef == -2 && o.term[0].cvar == 10 && o.term[1].coef == -1);
  CHECK(strcmp(o.metric, "is.ebitda") == 0 && objective_risk_seeking(&o) && o.minimize);
  CHECK(objective_min_reps(&o, 10) == 100 && objective_min_reps(&o, 3) == 30);
  CHECK(objective_parse("mean(anchor-1.revenue) + cvar5( anchor-1.revenue )", 0, &o, err,
                        sizeof err) == 0 &&
        strcmp(o.metric, "anchor-1.revenue") == 0 && o.term[1].cvar == 5);
  const char *bad[] = {"",
                       "npv",
                       "mean(npv) +",
                       "mean(npv) cvar05(npv)",
                       "cvar(npv)",
                       "cvar0(npv)",
                       "cvar100(npv)",
                       "mean(npv) + mean(irr)",
                       "2 mean(x)",
                       "mean(x",
                       "mean()",
                       "sd(npv)",
                       "1e999*mean(x)",
                       "mean(x)+mean(x)+mean(x)+mean(x)+mean(x)+mean(x)+mean(x)+mean(x)+mean(x)"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    err[0] = '\0';
    CHECKF(objective_parse(bad[i], 0, &o, err, sizeof err) == -1 && strstr(err, "objective"),
           "'%s' accepted (%s)\n", bad[i], err);
  }
  objective_parse("mean(npv) + mean(irr)", 0, &o, err, sizeof err);
  CHECK(strstr(err, "same metric") != NULL);
  objective_mean("npv", 0, &o);
  CHECK(o.nterms == 1 && objective_min_reps(&o, 10) == 0 && strcmp(o.text, "npv") == 0);
}

/* x = 1 .. n: the lowest 5% of 40 are 1 and 2 (mean 1.5); of 30, 1 and
** half of 2 (1.5 values: (1 + 0.5 x 2) / 1.5); minimising, the highest. */
static void test_estimate(void) {
  double x[40], est, lo, hi;
  for (int i = 0; i < 40; i++) x[i] = 40 - i; /* any order */
  objective o;
  char err[256];
  objective_parse("mean(m) + 0.5*cvar05(m)", 0, &o, err, sizeof err);
  CHECK(objective_estimate(&o, x, 40, 0.05, &est, &lo, &hi) == 0);
  CHECK(near(est, 20.5 + 0.5 * 1.5, 1e-12) && lo < est && est < hi);
  double alone = NAN; /* the estimate without its interval: the same figure */
  CHECK(objective_estimate(&o, x, 40, 0.05, &alone, NULL, NULL) == 0 && alone == est);
  objective_estimate(&o, x + 10, 30, 0.05, &est, &lo, &hi); /* 30 .. 1 */
  CHECK(near(est, 15.5 + 0.5 * (1 + 0.5 * 2) / 1.5, 1e-12));
  objective_parse("cvar05(m)", 1, &o, err, sizeof err);
  objective_estimate(&o, x, 40, 0.05, &est, &lo, &hi);
  CHECK(near(est, 39.5, 1e-12));
  objective_parse("cvar50(m)", 0, &o, err, sizeof err); /* the lower half */
  objective_estimate(&o, x, 40, 0.05, &est, &lo, &hi);
  CHECK(near(est, 10.5, 1e-12));
  /* a threshold other than the sample's: the mean is never better */
  double q[OBJECTIVE_MAX_TERMS], y[40], m;
  objective_parse("mean(m) + 0.5*cvar05(m)", 0, &o, err, sizeof err);
  objective_thresholds(&o, x, 40, q);
  CHECK(q[1] == 2 && isnan(q[0]));
  for (double t = -5; t <= 45; t += 0.5) {
    q[1] = t;
    objective_values(&o, q, x, 40, y);
    m = 0;
    for (int i = 0; i < 40; i++) m += y[i] / 40;
    CHECKF(m <= 20.5 + 0.75 + 1e-12, "q = %g: %.17g\n", t, m);
  }
}

/* mean + 2 cvar05 of N(0, 1) = -2 phi(z) / 0.05, z the 5% quantile: the
** interval is asymptotic (the influence function), so its coverage is
** checked where the tail holds 50 values (1000 draws): 95% to within the
** 2000 samples' noise (sd 0.5%) and what is left of the asymptotics; at 10
** tail values (200 draws) the coverage is printed, not checked (about 90%:
** docs/experiments.md says so). */
static int coverage(const objective *o, double exact, int n, int trials, double *bias) {
  rng r;
  rng_seed(&r, 42, 7);
  double x[1000], est, lo, hi;
  int in = 0;
  *bias = 0;
  for (int t = 0; t < trials; t++) {
    for (int i = 0; i < n; i++) x[i] = dist_normal(&r, 0, 1);
    objective_estimate(o, x, (size_t)n, 0.05, &est, &lo, &hi);
    in += lo <= exact && exact <= hi;
    *bias += (est - exact) / trials;
  }
  return in;
}

static void test_coverage(void) {
  objective o;
  char err[256];
  objective_parse("mean(x) + 2*cvar05(x)", 0, &o, err, sizeof err);
  double z = dist_normal_quantile(0.05),
         exact = -2 * exp(-z * z / 2) / sqrt(2 * 3.14159265358979323846) / 0.05, bias;
  int trials = 2000;
  for (int n = 200; n <= 1000; n += 800) {
    int in = coverage(&o, exact, n, trials, &bias);
    printf("objective: mean + 2 cvar05 of N(0,1) = %.6f; the 95%% interval over %d draws held it "
           "in %d of %d samples; mean error %.4f\n",
           exact, n, in, trials, bias);
    if (n == 1000) CHECK(in >= 0.93 * trials && in <= 0.97 * trials && fabs(bias) < 0.02);
  }
}

int main(void) {
  test_parse();
  test_estimate();
  test_coverage();
  return CHECK_DONE();
}
