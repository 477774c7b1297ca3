/*
** test_dist.c -- every distribution in dist.h: sample mean and variance
** against dist_mean/dist_variance, goodness of fit (Kolmogorov-Smirnov
** or chi-square) at a fixed seed, parameter checks, discrete tables,
** kind names, the normal quantile, and the exponential ziggurat (its
** tables, and a fit in every layer, wedge and the tail).
*/
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "dist.h"
#include "dist_ziggurat.h"

/* Significance levels, all at the fixed seed SEED:
** - mean and variance: reject beyond Z_MOMENT = 5 standard errors
**   (two-sided alpha ~ 5.7e-7 per check);
** - Kolmogorov-Smirnov: alpha = 0.001, reject when sqrt(n) * D > 1.9495,
**   the 0.999 quantile of the Kolmogorov distribution (asymptotic; n is
**   200000, where the small-sample correction is below 1e-3);
** - chi-square: alpha = 0.001 on the exact p-value Q(df/2, chi2/2), with
**   cells pooled until each expects >= 5 draws. */
#define SEED 12345
#define NSAMPLES 200000
#define Z_MOMENT 5.0
#define KS_CRIT 1.9495
#define ALPHA 0.001

/* ---- special functions (Numerical Recipes 6.1-6.4 style) ---- */

#define TINY 1e-300
#define EPS 1e-15
#define MAXIT 10000

static double normal_cdf(double z) { return 0.5 * erfc(-z / sqrt(2.0)); }

static double nonzero(double v) { return fabs(v) < TINY ? TINY : v; }

/* One step of the modified Lentz method for b0 + a1/(b1 + a2/(b2 + ...)):
** returns the factor by which the convergent changes. */
static double lentz_step(double an, double bn, double *c, double *d) {
  *d = 1 / nonzero(bn + an * *d);
  *c = nonzero(bn + an / *c);
  return *c * *d;
}

/* sum x^n / (a (a+1) ... (a+n)), the series for P(a, x); x < a + 1. */
static double gamma_series(double a, double x) {
  double ap = a, del = 1 / a, sum = del;
  for (int i = 0; i < MAXIT && fabs(del) > fabs(sum) * EPS; i++) {
    ap += 1;
    del *= x / ap;
    sum += del;
  }
  return sum;
}

/* The continued fraction for Q(a, x); x >= a + 1. */
static double gamma_cfrac(double a, double x) {
  double b = x + 1 - a, c = 1 / TINY, d = 1 / b, h = d;
  for (int i = 1; i < MAXIT; i++) {
    double del = lentz_step(-i * (i - a), b += 2, &c, &d);
    h *= del;
    if (fabs(del - 1) < EPS) break;
  }
  return h;
}

/* Regularized lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a). */
static double gamma_p(double a, double x) {
  if (x <= 0) return 0;
  double front = exp(a * log(x) - x - lgamma(a));
  if (x < a + 1) return front * gamma_series(a, x);
  return 1 - front * gamma_cfrac(a, x);
}

/* The continued fraction for I_x(a, b); converges for x < (a+1)/(a+b+2). */
static double beta_cfrac(double a, double b, double x) {
  double c = 1, d = 1 / nonzero(1 - (a + b) * x / (a + 1)), h = d;
  for (int m = 1; m < MAXIT; m++) {
    double m2 = 2.0 * m;
    h *= lentz_step(m * (b - m) * x / ((a - 1 + m2) * (a + m2)), 1, &c, &d);
    double del = lentz_step(-(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2)), 1, &c, &d);
    h *= del;
    if (fabs(del - 1) < EPS) break;
  }
  return h;
}

/* Regularized incomplete beta I_x(a, b). */
static double beta_i(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * beta_cfrac(a, b, x) / a;
  return 1 - front * beta_cfrac(b, a, 1 - x) / b;
}

static void test_special_functions(void) {
  static const double xs[] = {0.01, 0.3, 1, 2.5, 7, 30};
  static const double us[] = {0.001, 0.1, 0.37, 0.5, 0.9, 0.999};
  static const double as[] = {0.5, 2, 30, 400};
  for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
    double x = xs[i];
    CHECK_NEAR(gamma_p(1, x), -expm1(-x), 1e-13);
    CHECK_NEAR(gamma_p(0.5, x), erf(sqrt(x)), 1e-13);
    CHECK_NEAR(gamma_p(3, x), 1 - exp(-x) * (1 + x + x * x / 2), 1e-13);
  }
  for (size_t i = 0; i < sizeof us / sizeof *us; i++) {
    double x = us[i];
    CHECK_NEAR(beta_i(1, 1, x), x, 1e-13);
    CHECK_NEAR(beta_i(3, 1, x), x * x * x, 1e-13);
    CHECK_NEAR(beta_i(1, 4, x), 1 - pow(1 - x, 4), 1e-13);
    CHECK_NEAR(beta_i(0.5, 0.5, x), asin(sqrt(x)) / asin(1.0), 1e-13);
  }
  /* lgamma(2a) - 2 lgamma(a) cancels ~1e-13 of its ~4000 at a = 400. */
  for (size_t i = 0; i < sizeof as / sizeof *as; i++)
    CHECK_NEAR(beta_i(as[i], as[i], 0.5), 0.5, 1e-11);
  /* Tabulated 0.999 quantiles of chi-square with df = 1, 5, 30, 100. */
  CHECK_NEAR(1 - gamma_p(0.5, 10.828 / 2), ALPHA, 1e-6);
  CHECK_NEAR(1 - gamma_p(2.5, 20.515 / 2), ALPHA, 1e-6);
  CHECK_NEAR(1 - gamma_p(15, 59.703 / 2), ALPHA, 1e-6);
  CHECK_NEAR(1 - gamma_p(50, 149.449 / 2), ALPHA, 1e-6);
}

/* ---- exact distribution functions ---- */

static double uniform_cdf(double lo, double hi, double x) {
  return x <= lo ? 0 : x >= hi ? 1 : (x - lo) / (hi - lo);
}

static double triangular_cdf(const double *p, double x) {
  double lo = p[0], mode = p[1], hi = p[2];
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  if (x <= mode) return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo));
  return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
}

static double cdf(const dist *d, double x) {
  const double *p = d->p;
  switch (d->kind) {
  case DIST_UNIFORM: return uniform_cdf(p[0], p[1], x);
  case DIST_EXPONENTIAL: return x <= 0 ? 0 : -expm1(-x / p[0]);
  case DIST_NORMAL: return normal_cdf((x - p[0]) / p[1]);
  case DIST_LOGNORMAL: return x <= 0 ? 0 : normal_cdf((log(x) - p[0]) / p[1]);
  case DIST_GAMMA: return gamma_p(p[0], x / p[1]);
  case DIST_BETA: return beta_i(p[0], p[1], x);
  case DIST_PARETO: return x <= p[0] ? 0 : -expm1(p[1] * log(p[0] / x));
  case DIST_WEIBULL: return x <= 0 ? 0 : -expm1(-pow(x / p[1], p[0]));
  case DIST_TRIANGULAR: return triangular_cdf(p, x);
  default: return (double)NAN;
  }
}

static int is_continuous(dist_kind k) {
  return k != DIST_CONSTANT && k != DIST_POISSON && k != DIST_DISCRETE;
}

/* Where the draws must lie (discrete values are checked by the fit). */
static void support(const dist *d, double *lo, double *hi) {
  const double *p = d->p;
  *lo = 0;
  *hi = (double)INFINITY;
  switch (d->kind) {
  case DIST_CONSTANT: *lo = *hi = p[0]; break;
  case DIST_UNIFORM:
    *lo = p[0];
    *hi = p[1];
    break;
  case DIST_BETA: *hi = 1; break;
  case DIST_PARETO: *lo = p[0]; break;
  case DIST_TRIANGULAR:
    *lo = p[0];
    *hi = p[2];
    break;
  case DIST_NORMAL:
  case DIST_DISCRETE: *lo = -(double)INFINITY; break;
  default: break; /* exponential, lognormal, gamma, poisson, weibull: [0, inf) */
  }
}

/* ---- checks on one sample ---- */

static void stream(rng *r, const char *name) {
  char buf[64];
  snprintf(buf, sizeof buf, "test_dist.%s", name);
  rng_derive(r, SEED, 0, buf);
}

static void draw(const char *name, const dist *d, double *x, size_t n) {
  rng r;
  stream(&r, name);
  for (size_t i = 0; i < n; i++) x[i] = dist_sample(d, &r);
}

/* The same stream gives the same draws again, bit for bit. */
static void check_repeat(const char *name, const dist *d, const double *x) {
  rng r;
  int same = 1;
  stream(&r, name);
  for (int i = 0; i < 100; i++) same &= dist_sample(d, &r) == x[i];
  CHECKF(same, "%s: a second pass over the same stream differs", name);
}

static void check_support(const char *name, const dist *d, const double *x, size_t n) {
  double lo, hi;
  size_t bad = 0;
  support(d, &lo, &hi);
  for (size_t i = 0; i < n; i++) bad += !(x[i] >= lo && x[i] <= hi && isfinite(x[i]));
  CHECKF(bad == 0, "%s: %zu draws outside [%g, %g]", name, bad, lo, hi);
}

/* Sample mean within Z_MOMENT standard errors sqrt(var / n) of the
** analytic mean; sample variance within Z_MOMENT standard errors
** sqrt((m4 - s2^2) / n), m4 the fourth central sample moment (the
** asymptotic variance of s2, valid when the fourth moment is finite).
** A relative slack of 1e-12 covers rounding for zero-variance kinds. */
static void check_moments(const char *name, const dist *d, const double *x, size_t n, int var) {
  double m = 0, s2 = 0, m4 = 0, dn = (double)n;
  for (size_t i = 0; i < n; i++) m += x[i];
  m /= dn;
  for (size_t i = 0; i < n; i++) {
    double e = (x[i] - m) * (x[i] - m);
    s2 += e;
    m4 += e * e;
  }
  s2 /= dn - 1;
  m4 /= dn;
  double mu = dist_mean(d), sigma2 = dist_variance(d);
  double se_m = sqrt(sigma2 / dn), se_v = sqrt(fmax(m4 - s2 * s2, 0) / dn);
  CHECKF(fabs(m - mu) <= Z_MOMENT * se_m + 1e-12 * (1 + fabs(mu)),
         "%s: sample mean %.8g vs dist_mean %.8g (se %.3g)", name, m, mu, se_m);
  if (var)
    CHECKF(fabs(s2 - sigma2) <= Z_MOMENT * se_v + 1e-12 * (1 + sigma2),
           "%s: sample variance %.8g vs dist_variance %.8g (se %.3g)", name, s2, sigma2, se_v);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* One-sample Kolmogorov-Smirnov against the exact CDF; sorts x. */
static void check_ks(const char *name, const dist *d, double *x, size_t n) {
  double dmax = 0, dn = (double)n;
  size_t bad = 0;
  qsort(x, n, sizeof *x, cmp_double);
  for (size_t i = 0; i < n; i++) {
    double f = cdf(d, x[i]);
    bad += !(f >= 0 && f <= 1);
    dmax = fmax(dmax, fmax(f - (double)i / dn, (double)(i + 1) / dn - f));
  }
  double stat = sqrt(dn) * dmax;
  CHECKF(bad == 0, "%s: %zu CDF values outside [0, 1]", name, bad);
  CHECKF(stat <= KS_CRIT, "%s: KS sqrt(n)*D = %.4f > %.4f (alpha %g)", name, stat, KS_CRIT, ALPHA);
}

static double chi2_term(double o, double e) {
  return e > 0 ? (o - e) * (o - e) / e : (double)INFINITY;
}

/* Pearson's statistic over cells merged left to right until each
** expects >= 5 draws; a short remainder joins the last cell. */
static double chi2_pooled(const double *obs, const double *expc, size_t m, int *df) {
  double chi2 = 0, o = 0, e = 0, last_o = 0, last_e = 0;
  int cells = 0;
  for (size_t i = 0; i < m; i++) {
    o += obs[i];
    e += expc[i];
    if (e < 5) continue;
    if (cells++) chi2 += chi2_term(last_o, last_e);
    last_o = o;
    last_e = e;
    o = e = 0;
  }
  *df = cells - 1;
  return chi2 + chi2_term(last_o + o, last_e + e);
}

static void check_chi2(const char *name, const double *obs, const double *expc, size_t m) {
  int df;
  double chi2 = chi2_pooled(obs, expc, m, &df);
  double pval = df >= 1 ? 1 - gamma_p(0.5 * df, 0.5 * chi2) : 0;
  CHECKF(pval >= ALPHA, "%s: chi-square %.2f on %d df, p = %.3g < %g", name, chi2, df, pval, ALPHA);
}

/* Cells k = 0..kmax and one for k > kmax; pmf exp(k log m - m - lgamma(k+1)). */
static void check_poisson_fit(const char *name, double mean, const double *x, size_t n) {
  size_t kmax = (size_t)(mean + 12 * sqrt(mean) + 15), bad = 0;
  double *obs = calloc(kmax + 2, sizeof *obs), *expc = calloc(kmax + 2, sizeof *expc), left = 1;
  CHECK(obs && expc);
  if (!obs || !expc) goto done;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != floor(x[i])) bad++;
    else obs[x[i] > (double)kmax ? kmax + 1 : (size_t)x[i]]++;
  }
  for (size_t k = 0; k <= kmax; k++) {
    double pk = exp((double)k * log(mean) - mean - lgamma((double)k + 1));
    expc[k] = pk * (double)n;
    left -= pk;
  }
  expc[kmax + 1] = fmax(left, 0) * (double)n;
  CHECKF(bad == 0, "%s: %zu non-integer draws", name, bad);
  check_chi2(name, obs, expc, kmax + 2);
done:
  free(obs);
  free(expc);
}

/* ---- the table of cases ---- */

typedef struct tcase {
  const char *name; /* also names the stream */
  dist_kind kind;
  double p[3];
  int checks; /* CHK_VAR: E X^4 is finite; CHK_FIT: test goodness of fit */
} tcase;

enum { CHK_VAR = 1, CHK_FIT = 2, CHK_ALL = 3 };

static const tcase cases[] = {
    {.name = "constant", .kind = DIST_CONSTANT, .p = {2.5, 0, 0}, .checks = CHK_ALL},
    {.name = "uniform01", .kind = DIST_UNIFORM, .p = {0, 1, 0}, .checks = CHK_ALL},
    {.name = "uniform", .kind = DIST_UNIFORM, .p = {-2, 5, 0}, .checks = CHK_ALL},
    {.name = "exponential1", .kind = DIST_EXPONENTIAL, .p = {1, 0, 0}, .checks = CHK_ALL},
    {.name = "exponential2.5", .kind = DIST_EXPONENTIAL, .p = {2.5, 0, 0}, .checks = CHK_ALL},
    {.name = "normal01", .kind = DIST_NORMAL, .p = {0, 1, 0}, .checks = CHK_ALL},
    {.name = "normal", .kind = DIST_NORMAL, .p = {-3, 2.5, 0}, .checks = CHK_ALL},
    {.name = "lognormal0.25", .kind = DIST_LOGNORMAL, .p = {0, 0.25, 0}, .checks = CHK_ALL},
    {.name = "lognormal0.6", .kind = DIST_LOGNORMAL, .p = {1.2, 0.6, 0}, .checks = CHK_ALL},
    {.name = "gamma0.5", .kind = DIST_GAMMA, .p = {0.5, 2, 0}, .checks = CHK_ALL},
    {.name = "gamma1", .kind = DIST_GAMMA, .p = {1, 1, 0}, .checks = CHK_ALL},
    {.name = "gamma3.7", .kind = DIST_GAMMA, .p = {3.7, 0.4, 0}, .checks = CHK_ALL},
    {.name = "gamma50", .kind = DIST_GAMMA, .p = {50, 3, 0}, .checks = CHK_ALL},
    {.name = "beta0.5", .kind = DIST_BETA, .p = {0.5, 0.5, 0}, .checks = CHK_ALL},
    {.name = "beta2,5", .kind = DIST_BETA, .p = {2, 5, 0}, .checks = CHK_ALL},
    {.name = "beta0.3,4", .kind = DIST_BETA, .p = {0.3, 4, 0}, .checks = CHK_ALL},
    /* Tiny shapes: both gamma draws of dist_beta can underflow to 0 (it
    ** returned 0/0 = NaN).  No KS: in doubles most of the mass sits
    ** exactly on 0 and 1, and ties void the statistic. */
    {.name = "beta0.005", .kind = DIST_BETA, .p = {0.005, 0.005, 0}, .checks = CHK_VAR},
    {.name = "poisson0", .kind = DIST_POISSON, .p = {0, 0, 0}, .checks = CHK_ALL},
    {.name = "poisson0.3", .kind = DIST_POISSON, .p = {0.3, 0, 0}, .checks = CHK_ALL},
    {.name = "poisson4", .kind = DIST_POISSON, .p = {4, 0, 0}, .checks = CHK_ALL},
    {.name = "poisson9.99",
     .kind = DIST_POISSON,
     .p = {9.99, 0, 0},
     .checks = CHK_ALL},                                                             /* inversion */
    {.name = "poisson10", .kind = DIST_POISSON, .p = {10, 0, 0}, .checks = CHK_ALL}, /* PTRS */
    {.name = "poisson250", .kind = DIST_POISSON, .p = {250, 0, 0}, .checks = CHK_ALL},
    /* alpha 3.5: the variance exists but E X^4 does not, so the sample
    ** variance is not asymptotically normal; mean and KS only. */
    {.name = "pareto3.5", .kind = DIST_PARETO, .p = {1, 3.5, 0}, .checks = CHK_FIT},
    {.name = "pareto6", .kind = DIST_PARETO, .p = {2, 6, 0}, .checks = CHK_ALL},
    {.name = "weibull0.7", .kind = DIST_WEIBULL, .p = {0.7, 2, 0}, .checks = CHK_ALL},
    {.name = "weibull2.5", .kind = DIST_WEIBULL, .p = {2.5, 1.5, 0}, .checks = CHK_ALL},
    {.name = "triangular", .kind = DIST_TRIANGULAR, .p = {0, 1, 10}, .checks = CHK_ALL},
    {.name = "triangular_left", .kind = DIST_TRIANGULAR, .p = {-1, 3, 4}, .checks = CHK_ALL},
    {.name = "triangular_at_lo", .kind = DIST_TRIANGULAR, .p = {2, 2, 5}, .checks = CHK_ALL},
};

/* Checks shared by every case; may sort x. */
static void check_sample(const char *name, const dist *d, double *x, size_t n, int checks) {
  draw(name, d, x, n);
  check_repeat(name, d, x);
  check_support(name, d, x, n);
  check_moments(name, d, x, n, checks & CHK_VAR);
  if (!(checks & CHK_FIT)) return;
  if (is_continuous(d->kind)) check_ks(name, d, x, n);
  if (d->kind == DIST_POISSON && d->p[0] > 0) check_poisson_fit(name, d->p[0], x, n);
}

static void test_cases(double *x) {
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const tcase *c = &cases[i];
    dist d = {.kind = c->kind, .p = {c->p[0], c->p[1], c->p[2]}};
    CHECKF(dist_check(&d) == NULL, "%s: %s", c->name, dist_check(&d));
    check_sample(c->name, &d, x, NSAMPLES, c->checks);
  }
}

/* ---- discrete distributions ---- */

/* Chi-square over the given values (distinct); zero weights must never be drawn. */
static void check_discrete_fit(const char *name, const double *v, const double *w, size_t k,
                               const double *x, size_t n) {
  double *obs = calloc(k, sizeof *obs), *expc = calloc(k, sizeof *expc), total = 0;
  size_t bad = 0, zero_hits = 0;
  CHECK(obs && expc);
  if (!obs || !expc) goto done;
  for (size_t j = 0; j < k; j++) total += w[j];
  for (size_t j = 0; j < k; j++) expc[j] = w[j] / total * (double)n;
  for (size_t i = 0; i < n; i++) {
    size_t j = 0;
    while (j < k && v[j] != x[i]) j++;
    if (j == k) bad++;
    else {
      obs[j]++;
      zero_hits += w[j] == 0;
    }
  }
  CHECKF(bad == 0 && zero_hits == 0, "%s: %zu draws not among the values, %zu of zero weight", name,
         bad, zero_hits);
  check_chi2(name, obs, expc, k);
done:
  free(obs);
  free(expc);
}

/* Moments of the alias table against those of the weights. */
static void check_discrete_moments(const char *name, const dist *d, const double *v,
                                   const double *w, size_t k) {
  double total = 0, m = 0, s2 = 0;
  for (size_t j = 0; j < k; j++) {
    total += w[j];
    m += w[j] * v[j];
  }
  m /= total;
  for (size_t j = 0; j < k; j++) s2 += w[j] * (v[j] - m) * (v[j] - m);
  s2 /= total;
  CHECKF(fabs(dist_mean(d) - m) <= 1e-12 * (1 + fabs(m)), "%s: mean %.17g vs %.17g", name,
         dist_mean(d), m);
  CHECKF(fabs(dist_variance(d) - s2) <= 1e-12 * (1 + s2), "%s: variance %.17g vs %.17g", name,
         dist_variance(d), s2);
}

static void discrete_case(const char *name, const double *v, const double *w, size_t k, double *x) {
  dist d;
  CHECKF(dist_discrete(&d, v, w, k) == 0, "%s: dist_discrete", name);
  if (d.kind != DIST_DISCRETE) return;
  CHECKF(dist_check(&d) == NULL, "%s: %s", name, dist_check(&d));
  check_discrete_moments(name, &d, v, w, k);
  check_sample(name, &d, x, NSAMPLES, CHK_VAR); /* fit below, against the weights */
  if (k > 1) check_discrete_fit(name, v, w, k, x, NSAMPLES);
  dist_clear(&d);
}

static void test_discrete_cases(double *x) {
  static const double v5[5] = {1, 2.5, -3, 7, 10}, w5[5] = {0.1, 3, 0, 1.5, 0.4};
  static const double v1[1] = {-4.25}, w1[1] = {2};
  double v30[30], w30[30];
  for (int i = 0; i < 30; i++) {
    v30[i] = 0.5 * i - 3;
    w30[i] = (i * 37) % 17;
  } /* 0 at i = 0, 17 */
  discrete_case("discrete5", v5, w5, 5, x);
  discrete_case("discrete1", v1, w1, 1, x);
  discrete_case("discrete30", v30, w30, 30, x);
}

static void test_discrete_build(void) {
  static const double v[3] = {1, 2, 3}, ok[3] = {0, 1, 0};
  static const double neg[3] = {1, -0.5, 2}, zero[3] = {0, 0, 0};
  const double nan_w[3] = {1, (double)NAN, 1}, inf_w[3] = {1, (double)INFINITY, 1};
  const double nan_v[3] = {1, (double)NAN, 3};
  dist d;
  CHECK(dist_discrete(&d, v, neg, 3) == -1 && d.values == NULL);
  CHECK(dist_discrete(&d, v, zero, 3) == -1 && d.values == NULL);
  CHECK(dist_discrete(&d, v, nan_w, 3) == -1);
  CHECK(dist_discrete(&d, v, inf_w, 3) == -1);
  CHECK(dist_discrete(&d, nan_v, ok, 3) == -1);
  CHECK(dist_discrete(&d, v, ok, 0) == -1);
  CHECK(d.n == 0 && d.values == NULL && d.prob == NULL && d.alias == NULL); /* owns nothing */
  int built = dist_discrete(&d, v, ok, 3) == 0;
  CHECK(built && dist_check(&d) == NULL);
  if (!built) return;
  rng r;
  stream(&r, "discrete_one_weight");
  int all2 = 1;
  for (int i = 0; i < 1000; i++) all2 &= dist_sample(&d, &r) == 2;
  CHECK(all2);
  dist_clear(&d);
  CHECK(d.values == NULL && d.prob == NULL && d.alias == NULL && d.n == 0);
  dist_clear(&d); /* twice is harmless */
}

/* A copy draws what the original draws, and outlives it (deep copy). */
static void test_copy(void) {
  static const double v[6] = {3, 1, 4, 1.5, 9, 2.6}, w[6] = {5, 0, 1, 2, 0.25, 7};
  enum { N = 1000 };
  double orig[N];
  dist a, b, g = {.kind = DIST_GAMMA, .p = {2, 3, 0}}, h;
  rng r;
  int built = dist_discrete(&a, v, w, 6) == 0 && dist_copy(&b, &a) == 0;
  CHECK(built);
  if (!built) return;
  CHECK(b.values != a.values && b.prob != a.prob && b.alias != a.alias && b.n == a.n);
  stream(&r, "copy");
  for (int i = 0; i < N; i++) orig[i] = dist_sample(&a, &r);
  dist_clear(&a);
  int same = 1;
  stream(&r, "copy");
  for (int i = 0; i < N; i++) same &= dist_sample(&b, &r) == orig[i];
  CHECK(same);
  dist_clear(&b);
  CHECK(dist_copy(&h, &g) == 0 && h.kind == DIST_GAMMA && h.p[0] == 2 && h.p[1] == 3);
}

/* ---- parameters, names, quantile ---- */

typedef struct pcase {
  dist_kind kind;
  double p[3];
  int ok;
} pcase;

static void test_check(void) {
  const double nan = (double)NAN, inf = (double)INFINITY;
  const pcase pc[] = {
      {DIST_CONSTANT, {-7, 0, 0}, 1},     {DIST_CONSTANT, {nan, 0, 0}, 0},
      {DIST_CONSTANT, {inf, 0, 0}, 1},    {DIST_UNIFORM, {1, 1, 0}, 1}, /* inf: never */
      {DIST_UNIFORM, {2, 1, 0}, 0},       {DIST_UNIFORM, {0, inf, 0}, 0},
      {DIST_EXPONENTIAL, {0.5, 0, 0}, 1}, {DIST_EXPONENTIAL, {0, 0, 0}, 0},
      {DIST_EXPONENTIAL, {-1, 0, 0}, 0},  {DIST_NORMAL, {0, 1, 0}, 1},
      {DIST_NORMAL, {0, 0, 0}, 0},        {DIST_NORMAL, {0, -1, 0}, 0},
      {DIST_NORMAL, {nan, 1, 0}, 0},      {DIST_LOGNORMAL, {-2, 0.1, 0}, 1},
      {DIST_LOGNORMAL, {0, 0, 0}, 0},     {DIST_GAMMA, {0.1, 2, 0}, 1},
      {DIST_GAMMA, {0, 1, 0}, 0},         {DIST_GAMMA, {1, 0, 0}, 0},
      {DIST_BETA, {0.5, 3, 0}, 1},        {DIST_BETA, {0.5, 0, 0}, 0},
      {DIST_BETA, {-1, 1, 0}, 0},         {DIST_POISSON, {0, 0, 0}, 1},
      {DIST_POISSON, {-0.1, 0, 0}, 0},    {DIST_POISSON, {inf, 0, 0}, 0},
      {DIST_PARETO, {1, 0.5, 0}, 1},      {DIST_PARETO, {0, 2, 0}, 0},
      {DIST_PARETO, {1, 0, 0}, 0},        {DIST_WEIBULL, {3, 1, 0}, 1},
      {DIST_WEIBULL, {0, 1, 0}, 0},       {DIST_WEIBULL, {1, -1, 0}, 0},
      {DIST_TRIANGULAR, {0, 1, 2}, 1},    {DIST_TRIANGULAR, {0, 0, 2}, 1},
      {DIST_TRIANGULAR, {0, 2, 2}, 1},    {DIST_TRIANGULAR, {0, -1, 2}, 0},
      {DIST_TRIANGULAR, {0, 3, 2}, 0},    {DIST_TRIANGULAR, {1, 1, 1}, 0},
      {DIST_TRIANGULAR, {2, 1, 0}, 0},    {DIST_TRIANGULAR, {0, nan, 2}, 0},
      {DIST_DISCRETE, {0, 0, 0}, 0},      {DIST_NKINDS, {0, 0, 0}, 0},
  };
  for (size_t i = 0; i < sizeof pc / sizeof *pc; i++) {
    dist d = {.kind = pc[i].kind, .p = {pc[i].p[0], pc[i].p[1], pc[i].p[2]}};
    const char *msg = dist_check(&d);
    CHECKF((msg == NULL) == pc[i].ok && (!msg || *msg), "case %zu (%s %g %g %g): %s", i,
           dist_kind_name(d.kind), d.p[0], d.p[1], d.p[2], msg ? msg : "accepted");
  }
}

static void test_names(void) {
  for (int k = 0; k < DIST_NKINDS; k++) {
    const char *name = dist_kind_name((dist_kind)k);
    CHECKF(strcmp(name, "?") != 0 && dist_kind_parse(name) == k, "kind %d (%s)", k, name);
  }
  CHECK(strcmp(dist_kind_name(DIST_NKINDS), "?") == 0);
  CHECK(dist_kind_parse("gauss") == -1 && dist_kind_parse("") == -1 && dist_kind_parse("?") == -1);
}

/* Against a tabulated value, by symmetry, and round trip through erfc. */
static void test_normal_quantile(void) {
  static const double ps[] = {1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.02, 0.07, 0.2, 0.45, 0.5};
  CHECK_NEAR(dist_normal_quantile(0.975), 1.959963984540054, 1e-12);
  CHECK_NEAR(dist_normal_quantile(0.025), -1.959963984540054, 1e-12);
  CHECK(dist_normal_quantile(0.5) == 0);
  CHECK(dist_normal_quantile(0) == -(double)INFINITY);
  CHECK(dist_normal_quantile(1) == (double)INFINITY);
  for (size_t i = 0; i < sizeof ps / sizeof *ps; i++) {
    double p = ps[i], z = dist_normal_quantile(p);
    CHECKF(fabs(normal_cdf(z) - p) <= 1e-12 * p, "p = %g: z = %.17g, Phi(z) = %.17g", p, z,
           normal_cdf(z));
    if (p >= 1e-5) CHECK_NEAR(dist_normal_quantile(1 - p), -z, 1e-12 * (1 + fabs(z)));
  }
}

/* ---- the exponential ziggurat (dist_ziggurat.h) ---- */

/* The tables are a ziggurat: equal areas v = f(r) (r + 1) layer by layer,
** zig_f = exp(-zig_x) (to libm's 2 ulp and the rounding of zig_x, which
** moves exp(-x) by up to x ulp), widths decreasing to 0, steps exact. */
static void test_ziggurat_tables(void) {
  double r = ZIG_R, v = exp(-r) * (r + 1);
  CHECK(zig_x[1] == r && zig_x[ZIG_LAYERS] == 0 && zig_f[ZIG_LAYERS] == 1);
  CHECK_NEAR(zig_x[0] * zig_f[1], v, 1e-15 * v); /* base: rectangle and tail */
  int bad_area = 0, bad_f = 0, bad_order = 0, bad_w = 0;
  for (int i = 0; i < ZIG_LAYERS; i++) {
    double area = zig_x[i] * (zig_f[i + 1] - zig_f[i]);
    if (i > 0 && fabs(area - v) > 1e-12 * v) bad_area++;
    bad_order += !(zig_x[i + 1] < zig_x[i]);
    bad_w += zig_w[i] != ldexp(zig_x[i], -52);
  }
  for (int i = 0; i <= ZIG_LAYERS; i++)
    bad_f += fabs(zig_f[i] - exp(-zig_x[i])) > (2 + zig_x[i]) * DBL_EPSILON * zig_f[i];
  CHECKF(bad_area == 0, "%d layers whose area is not v = %.17g", bad_area, v);
  CHECKF(bad_f == 0 && bad_order == 0 && bad_w == 0, "zig_f off %d, order %d, zig_w %d", bad_f,
         bad_order, bad_w);
}

/* The cell of x: i in 1 .. ZIG_LAYERS - 1 for [zig_x[i + 1], zig_x[i]),
** 0 for the tail [r, inf). */
static size_t ziggurat_cell(double x) {
  if (x >= ZIG_R) return 0;
  size_t lo = 1, hi = ZIG_LAYERS; /* zig_x[lo] > x >= zig_x[hi] */
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (x >= zig_x[mid]) hi = mid;
    else lo = mid;
  }
  return lo;
}

/* 2^22 Exp(1) draws fall in each layer's x-interval with probability
** exp(-zig_x[i + 1]) - exp(-zig_x[i]), and beyond r with exp(-r) (1,900
** expected): a chi-square over these cells tests every rectangle, wedge
** and the tail.  The tail's excess X - r is Exp(1): its mean within
** Z_MOMENT standard errors of 1.  Draws are positive and scale with the
** mean exactly. */
static void test_ziggurat_fit(void) {
  enum { N = 1 << 22 };
  double obs[ZIG_LAYERS] = {0}, expc[ZIG_LAYERS], excess = 0;
  size_t nonpos = 0, unscaled = 0;
  rng r, r2;
  stream(&r, "ziggurat");
  stream(&r2, "ziggurat");
  for (size_t k = 0; k < N; k++) {
    double x = dist_exponential(&r, 1.0);
    nonpos += !(x > 0);
    unscaled += dist_exponential(&r2, 2.5) != 2.5 * x;
    size_t c = ziggurat_cell(x);
    obs[c]++;
    if (c == 0) excess += x - ZIG_R;
  }
  expc[0] = exp(-ZIG_R) * N;
  for (int i = 1; i < ZIG_LAYERS; i++) expc[i] = (exp(-zig_x[i + 1]) - exp(-zig_x[i])) * N;
  check_chi2("ziggurat cells", obs, expc, ZIG_LAYERS);
  double ntail = obs[0], mean = excess / ntail;
  CHECKF(fabs(ntail - expc[0]) <= Z_MOMENT * sqrt(expc[0]), "tail draws %.0f, expected %.1f", ntail,
         expc[0]);
  CHECKF(fabs(mean - 1) <= Z_MOMENT / sqrt(ntail), "tail excess mean %.4f, expected 1", mean);
  CHECKF(nonpos == 0 && unscaled == 0, "%zu draws <= 0, %zu not 2.5 x the Exp(1) draw", nonpos,
         unscaled);
}

int main(void) {
  double *x = malloc(NSAMPLES * sizeof *x);
  if (!x) return 1;
  test_special_functions();
  test_normal_quantile();
  test_ziggurat_tables();
  test_ziggurat_fit();
  test_check();
  test_names();
  test_discrete_build();
  test_copy();
  test_cases(x);
  test_discrete_cases(x);
  free(x);
  return CHECK_DONE();
}
