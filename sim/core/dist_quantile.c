/*
** dist_quantile.c -- the quantile (inverse distribution function) of every
** distribution kind: closed forms where they exist, and for gamma, beta
** and Poisson the inversion of their regularized incomplete functions
** (series and continued fractions, as in Numerical Recipes ch. 6,
** inverted by bisection to the last bit).  Designs of uncertain inputs map uniforms
** through it (design.h).
*/
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "dist.h"

#define ITMAX 500
#define EPS 1e-15
#define TINY 1e-300

/* P(a, x), the regularized lower incomplete gamma function, a > 0, x >= 0:
** its series below a + 1, the continued fraction of Q = 1 - P above. */
double dist_gamma_p(double a, double x) {
  if (x <= 0) return 0;
  double lead = exp(a * log(x) - x - lgamma(a));
  if (x < a + 1) {
    double ap = a, del = 1 / a, sum = del;
    for (int n = 0; n < ITMAX && fabs(del) > fabs(sum) * EPS; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
    }
    return fmin(1, sum * lead);
  }
  double b = x + 1 - a, c = 1 / TINY, d = 1 / b, h = d; /* modified Lentz */
  for (int i = 1; i <= ITMAX; i++) {
    double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (fabs(d) < TINY) d = TINY;
    c = b + an / c;
    if (fabs(c) < TINY) c = TINY;
    d = 1 / d;
    double del = d * c;
    h *= del;
    if (fabs(del - 1) < EPS) break;
  }
  return fmax(0, 1 - lead * h);
}

/* The continued fraction of the incomplete beta function (modified Lentz). */
static double beta_cf(double a, double b, double x) {
  double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap;
  if (fabs(d) < TINY) d = TINY;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= ITMAX; m++) {
    int m2 = 2 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (fabs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (fabs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (fabs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (fabs(c) < TINY) c = TINY;
    d = 1 / d;
    double del = d * c;
    h *= del;
    if (fabs(del - 1) < EPS) break;
  }
  return h;
}

/* I_x(a, b), the regularized incomplete beta function, a, b > 0. */
double dist_beta_i(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  double lead = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return lead * beta_cf(a, b, x) / a;
  return 1 - lead * beta_cf(b, a, 1 - x) / b;
}

/* The x in [lo, hi] where cdf(x) = u, cdf increasing: bisection to the
** last bit (at most ~1100 halvings of a double interval, usually 60). */
static double invert(double (*cdf)(const dist *, double), const dist *d, double u, double lo,
                     double hi) {
  for (int i = 0; i < 2200 && lo < hi; i++) {
    double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (cdf(d, mid) < u) lo = mid;
    else hi = mid;
  }
  return hi;
}

static double gamma_cdf(const dist *d, double x) { return dist_gamma_p(d->p[0], x / d->p[1]); }
static double beta_cdf(const dist *d, double x) { return dist_beta_i(d->p[0], d->p[1], x); }

/* An upper bound of the gamma quantile at u: the mean plus enough
** standard deviations, doubled until the cdf passes u. */
static double gamma_hi(const dist *d, double u) {
  double hi = d->p[0] * d->p[1] + 10 * sqrt(d->p[0]) * d->p[1] + d->p[1];
  while (gamma_cdf(d, hi) < u && hi < DBL_MAX / 4) hi *= 2;
  return hi;
}

/* Poisson: the least k with P(X <= k) = Q(k + 1, mean) >= u. */
static double poisson_quantile(double mean, double u) {
  if (mean <= 0) return 0;
  double lo = -1, hi = mean + 10 * sqrt(mean) + 10; /* cdf(lo) < u <= cdf(hi) */
  while (1 - dist_gamma_p(hi + 1, mean) < u && hi < 1e15) hi *= 2;
  while (hi - lo > 1) {
    double mid = floor(lo + (hi - lo) / 2);
    if (1 - dist_gamma_p(mid + 1, mean) >= u) hi = mid;
    else lo = mid;
  }
  return hi;
}

/* Discrete: values in increasing order, the first whose cumulative
** probability reaches u.  The alias tables give each value's probability
** back: column i keeps prob[i] of itself and lends 1 - prob[i] to alias[i]. */
static double discrete_quantile(const dist *d, double u) {
  size_t n = d->n;
  if (n == 0) return NAN;
  double *w = calloc(n, sizeof *w);
  size_t *order = malloc(n * sizeof *order);
  double x = NAN;
  if (w && order) {
    for (size_t i = 0; i < n; i++) {
      w[i] += d->prob[i] / (double)n;
      w[d->alias[i]] += (1 - d->prob[i]) / (double)n;
      order[i] = i;
    }
    for (size_t i = 1; i < n; i++) /* insertion sort by value: lists are short */
      for (size_t j = i; j > 0 && d->values[order[j]] < d->values[order[j - 1]]; j--) {
        size_t t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }
    double cum = 0;
    x = d->values[order[n - 1]];
    for (size_t i = 0; i < n; i++) {
      cum += w[order[i]];
      if (cum >= u * (1 - 1e-12)) {
        x = d->values[order[i]];
        break;
      }
    }
  }
  free(w);
  free(order);
  return x;
}

double dist_quantile(const dist *d, double u) {
  if (!(u > 0 && u < 1)) return NAN;
  const double *p = d->p;
  switch (d->kind) {
  case DIST_CONSTANT: return p[0];
  case DIST_UNIFORM: return p[0] + u * (p[1] - p[0]);
  case DIST_EXPONENTIAL: return -p[0] * log1p(-u);
  case DIST_NORMAL: return p[0] + p[1] * dist_normal_quantile(u);
  case DIST_LOGNORMAL: return exp(p[0] + p[1] * dist_normal_quantile(u));
  case DIST_GAMMA: return invert(gamma_cdf, d, u, 0, gamma_hi(d, u));
  case DIST_BETA: return invert(beta_cdf, d, u, 0, 1);
  case DIST_POISSON: return poisson_quantile(p[0], u);
  case DIST_PARETO: return p[0] * pow(1 - u, -1 / p[1]);
  case DIST_WEIBULL: return p[1] * pow(-log1p(-u), 1 / p[0]);
  case DIST_TRIANGULAR: {
    double lo = p[0], mode = p[1], hi = p[2], f = (mode - lo) / (hi - lo);
    if (u < f) return lo + sqrt(u * (hi - lo) * (mode - lo));
    return hi - sqrt((1 - u) * (hi - lo) * (hi - mode));
  }
  case DIST_DISCRETE: return discrete_quantile(d, u);
  case DIST_NKINDS: break;
  }
  return NAN;
}
