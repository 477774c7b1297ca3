/*
** dist.c -- samplers, moments and the alias table for discrete values.
*/
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dist.h"
#include "dist_ziggurat.h"
#include "invariant.h"

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* The standard exponential by the ziggurat (Marsaglia and Tsang, 2000) on
** the layers of dist_ziggurat.h.  One 64-bit draw (two pcg32 outputs)
** picks a layer i (8 bits) and a point x uniform in (0, zig_x[i]) (52
** bits, odd multiples of half a step, so never 0).  x below zig_x[i + 1]
** lies under the density and is returned: 98.9% of draws, with no
** logarithm.  exp1_edge() takes the rest, and only its test calls libm,
** so the variates do not hang on the last bits of the C library's log()
** as the inverse method's -log(u) did.  The mean only scales: sweep points
** with different means share the same standard variates (common random
** numbers, as exactly as inversion). */
static double exp1(rng *r);

/* x fell outside layer i's rectangle.  In the base layer (i = 0) x is in
** the tail beyond r, which is r + Exp(1) by memorylessness; in the others
** x is kept when a uniform height in the wedge falls below exp(-x), and
** otherwise the draw starts over. */
static NOINLINE double exp1_edge(rng *r, unsigned i, double x) {
  if (i == 0) return ZIG_R + exp1(r);
  if (zig_f[i] + rng_uniform(r) * (zig_f[i + 1] - zig_f[i]) < exp(-x)) return x;
  return exp1(r);
}

static inline double exp1(rng *r) {
  uint64_t hi = rng_next(r), lo = rng_next(r);
  unsigned i = (unsigned)(lo & (ZIG_LAYERS - 1));
  double x = ((double)((hi << 20) | (lo >> 12)) + 0.5) * zig_w[i];
  return x < zig_x[i + 1] ? x : exp1_edge(r, i, x);
}

double dist_exponential(rng *r, double mean) {
  NEO_ASSERT(mean >= 0); /* not negative, not NaN */
  return mean * exp1(r);
}

/* Wichura, "Algorithm AS 241: The percentage points of the normal
** distribution", Applied Statistics 37 (1988), PPND16. */
/* c[0] + c[1] x + ... + c[7] x^7 by Horner's rule, written out: the
** quantile is on the way of every normal and lognormal draw. */
static inline double poly8(const double *c, double x) {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x +
         c[0];
}

double dist_normal_quantile(double p) {
  static const double a[8] = {3.3871328727963666080e0, 1.3314166789178437745e2,
                              1.9715909503065514427e3, 1.3731693765509461125e4,
                              4.5921953931549871457e4, 6.7265770927008700853e4,
                              3.3430575583588128105e4, 2.5090809287301226727e3};
  static const double b[8] = {1.0,
                              4.2313330701600911252e1,
                              6.8718700749205790830e2,
                              5.3941960214247511077e3,
                              2.1213794301586595867e4,
                              3.9307895800092710610e4,
                              2.8729085735721942674e4,
                              5.2264952788528545610e3};
  static const double c[8] = {1.42343711074968357734e0,  4.63033784615654529590e0,
                              5.76949722146069140550e0,  3.64784832476320460504e0,
                              1.27045825245236838258e0,  2.41780725177450611770e-1,
                              2.27238449892691845833e-2, 7.74545014278341407640e-4};
  static const double d[8] = {1.0,
                              2.05319162663775882187e0,
                              1.67638483018380384940e0,
                              6.89767334985100004550e-1,
                              1.48103976427480074590e-1,
                              1.51986665636164571966e-2,
                              5.47593808499534494600e-4,
                              1.05075007164441684324e-9};
  static const double e[8] = {6.65790464350110377720e0,  5.46378491116411436990e0,
                              1.78482653991729133580e0,  2.96560571828504891230e-1,
                              2.65321895265761230930e-2, 1.24266094738807843860e-3,
                              2.71155556874348757815e-5, 2.01033439929228813265e-7};
  static const double f[8] = {1.0,
                              5.99832206555887937690e-1,
                              1.36929880922735805310e-1,
                              1.48753612908506148525e-2,
                              7.86869131145613259100e-4,
                              1.84631831751005468180e-5,
                              1.42151175831644588870e-7,
                              2.04426310338993978564e-15};
  double q = p - 0.5, r;
  if (fabs(q) <= 0.425) {
    r = 0.180625 - q * q;
    return q * poly8(a, r) / poly8(b, r);
  }
  r = q < 0 ? p : 1.0 - p;
  if (r <= 0) return q < 0 ? -(double)INFINITY : (double)INFINITY;
  r = sqrt(-log(r));
  double x;
  if (r <= 5.0) {
    r -= 1.6;
    x = poly8(c, r) / poly8(d, r);
  } else {
    r -= 5.0;
    x = poly8(e, r) / poly8(f, r);
  }
  return q < 0 ? -x : x;
}

double dist_normal(rng *r, double mu, double sigma) {
  return mu + sigma * dist_normal_quantile(rng_uniform_pos(r));
}

double dist_lognormal(rng *r, double mu, double sigma) { return exp(dist_normal(r, mu, sigma)); }

/* Marsaglia and Tsang, "A simple method for generating gamma variables"
** (2000); shape < 1 by the boost gamma(shape + 1) * U^(1/shape). */
double dist_gamma(rng *r, double shape, double scale) {
  if (shape < 1.0) {
    double u = rng_uniform_pos(r);
    return dist_gamma(r, shape + 1.0, scale) * pow(u, 1.0 / shape);
  }
  double d = shape - 1.0 / 3.0, c = 1.0 / sqrt(9.0 * d);
  for (;;) {
    double x = dist_normal(r, 0.0, 1.0), v = 1.0 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    double u = rng_uniform_pos(r), x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v * scale;
    if (log(u) < 0.5 * x2 + d * (1.0 - v + log(v))) return d * v * scale;
  }
}

/* dist_gamma(r, shape, 1.0), same draws and value, and its log, which
** does not underflow when shape is tiny. */
static double gamma_log(rng *r, double shape, double *logx) {
  double u = shape < 1.0 ? rng_uniform_pos(r) : 1.0;
  double g = dist_gamma(r, shape < 1.0 ? shape + 1.0 : shape, 1.0);
  *logx = log(g) + log(u) / shape;
  return shape < 1.0 ? g * pow(u, 1.0 / shape) : g;
}

double dist_beta(rng *r, double a, double b) {
  double lx, ly, x = gamma_log(r, a, &lx), y = gamma_log(r, b, &ly);
  if (x + y >= DBL_MIN) return x / (x + y);
  return 1.0 / (1.0 + exp(ly - lx)); /* both tiny (a, b << 1): 0/0 otherwise */
}

/* Small means: inversion by sequential search.  Large means: Hormann,
** "The transformed rejection method for generating Poisson random
** variables" (1993), PTRS. */
double dist_poisson(rng *r, double mean) {
  if (mean <= 0) return 0;
  if (mean < 10.0) {
    double p = exp(-mean), cdf = p, u = rng_uniform(r);
    double k = 0;
    while (u > cdf && p > 0) {
      k += 1;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }
  double slam = sqrt(mean), loglam = log(mean);
  double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    double u = rng_uniform(r) - 0.5, v = rng_uniform(r);
    double us = 0.5 - fabs(u);
    double k = floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -mean + k * loglam - lgamma(k + 1))
      return k;
  }
}

double dist_pareto(rng *r, double xm, double alpha) {
  return xm / pow(rng_uniform_pos(r), 1.0 / alpha);
}

double dist_weibull(rng *r, double shape, double scale) {
  return scale * pow(-log(rng_uniform_pos(r)), 1.0 / shape);
}

double dist_triangular(rng *r, double lo, double mode, double hi) {
  double u = rng_uniform(r), fc = (mode - lo) / (hi - lo);
  if (u < fc) return lo + sqrt(u * (hi - lo) * (mode - lo));
  return hi - sqrt((1.0 - u) * (hi - lo) * (hi - mode));
}

/* Vose's alias method: O(n) set-up, O(1) per draw. */
static int build_alias(dist *d, const double *w, double total) {
  size_t n = d->n, ns = 0, nl = 0;
  double *scaled = malloc(n * sizeof *scaled);
  size_t *small = malloc(n * sizeof *small), *large = malloc(n * sizeof *large);
  int ok = scaled && small && large;
  if (ok) {
    for (size_t i = 0; i < n; i++) {
      scaled[i] = w[i] * (double)n / total;
      if (scaled[i] < 1.0) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns && nl) {
      size_t s = small[--ns], l = large[--nl];
      d->prob[s] = scaled[s];
      d->alias[s] = (uint32_t)l;
      scaled[l] = scaled[l] + scaled[s] - 1.0;
      if (scaled[l] < 1.0) small[ns++] = l;
      else large[nl++] = l;
    }
    while (nl) {
      d->prob[large[--nl]] = 1.0;
      d->alias[large[nl]] = (uint32_t)large[nl];
    }
    while (ns) {
      d->prob[small[--ns]] = 1.0;
      d->alias[small[ns]] = (uint32_t)small[ns];
    }
  }
  free(scaled);
  free(small);
  free(large);
  return ok ? 0 : -1;
}

int dist_discrete(dist *d, const double *values, const double *weights, size_t n) {
  double total = 0;
  memset(d, 0, sizeof *d);
  if (n == 0 || n > UINT32_MAX) return -1;
  for (size_t i = 0; i < n; i++) {
    if (!(weights[i] >= 0) || !isfinite(weights[i]) || !isfinite(values[i])) return -1;
    total += weights[i];
  }
  if (!(total > 0)) return -1;
  d->kind = DIST_DISCRETE;
  d->n = n;
  d->values = malloc(n * sizeof *d->values);
  d->prob = malloc(n * sizeof *d->prob);
  d->alias = malloc(n * sizeof *d->alias);
  if (!d->values || !d->prob || !d->alias || build_alias(d, weights, total)) {
    dist_clear(d);
    return -1;
  }
  memcpy(d->values, values, n * sizeof *values);
  return 0;
}

int dist_copy(dist *dst, const dist *src) {
  *dst = *src;
  if (src->kind != DIST_DISCRETE) return 0;
  dst->values = malloc(src->n * sizeof *dst->values);
  dst->prob = malloc(src->n * sizeof *dst->prob);
  dst->alias = malloc(src->n * sizeof *dst->alias);
  if (!dst->values || !dst->prob || !dst->alias) {
    dist_clear(dst);
    return -1;
  }
  memcpy(dst->values, src->values, src->n * sizeof *dst->values);
  memcpy(dst->prob, src->prob, src->n * sizeof *dst->prob);
  memcpy(dst->alias, src->alias, src->n * sizeof *dst->alias);
  return 0;
}

void dist_clear(dist *d) {
  free(d->values);
  free(d->prob);
  free(d->alias);
  memset(d, 0, sizeof *d);
}

const char *dist_check(const dist *d) {
  const double *p = d->p;
  if (d->kind == DIST_CONSTANT)
    return isnan(p[0]) ? "value must be a number" : NULL; /* inf: never */
  for (int i = 0; i < 3; i++)
    if (!isfinite(p[i])) return "parameters must be finite numbers";
  switch (d->kind) {
  case DIST_CONSTANT: return NULL; /* handled above */
  case DIST_UNIFORM: return p[0] <= p[1] ? NULL : "lo must be <= hi";
  case DIST_EXPONENTIAL: return p[0] > 0 ? NULL : "mean must be > 0";
  case DIST_NORMAL: return p[1] > 0 ? NULL : "sd must be > 0";
  case DIST_LOGNORMAL: return p[1] > 0 ? NULL : "sigma must be > 0";
  case DIST_GAMMA: return p[0] > 0 && p[1] > 0 ? NULL : "shape and scale must be > 0";
  case DIST_BETA: return p[0] > 0 && p[1] > 0 ? NULL : "a and b must be > 0";
  case DIST_POISSON: return p[0] >= 0 ? NULL : "mean must be >= 0";
  case DIST_PARETO: return p[0] > 0 && p[1] > 0 ? NULL : "xm and alpha must be > 0";
  case DIST_WEIBULL: return p[0] > 0 && p[1] > 0 ? NULL : "shape and scale must be > 0";
  case DIST_TRIANGULAR:
    return p[0] <= p[1] && p[1] <= p[2] && p[0] < p[2] ? NULL : "need lo <= mode <= hi, lo < hi";
  case DIST_DISCRETE: return d->n > 0 && d->values ? NULL : "needs at least one value";
  case DIST_NKINDS: break;
  }
  return "unknown distribution";
}

double dist_sample(const dist *d, rng *r) {
  const double *p = d->p;
  NEO_ASSERT(dist_check(d) == NULL); /* dist.h: parameters satisfy dist_check */
  switch (d->kind) {
  case DIST_CONSTANT: return p[0];
  case DIST_UNIFORM: return p[0] + (p[1] - p[0]) * rng_uniform(r);
  case DIST_EXPONENTIAL: return dist_exponential(r, p[0]);
  case DIST_NORMAL: return dist_normal(r, p[0], p[1]);
  case DIST_LOGNORMAL: return dist_lognormal(r, p[0], p[1]);
  case DIST_GAMMA: return dist_gamma(r, p[0], p[1]);
  case DIST_BETA: return dist_beta(r, p[0], p[1]);
  case DIST_POISSON: return dist_poisson(r, p[0]);
  case DIST_PARETO: return dist_pareto(r, p[0], p[1]);
  case DIST_WEIBULL: return dist_weibull(r, p[0], p[1]);
  case DIST_TRIANGULAR: return dist_triangular(r, p[0], p[1], p[2]);
  case DIST_DISCRETE: {
    uint32_t i = rng_bounded(r, (uint32_t)d->n);
    return d->values[rng_uniform(r) < d->prob[i] ? i : d->alias[i]];
  }
  case DIST_NKINDS: break;
  }
  return NAN;
}

static double discrete_moment(const dist *d, double center, int power) {
  /* probability of value i = (prob[i] + sum over columns aliasing to i of 1 - prob[j]) / n */
  double s = 0;
  for (size_t i = 0; i < d->n; i++) {
    double x = d->values[i] - center, y = d->values[d->alias[i]] - center;
    double px = power == 1 ? x : x * x, py = power == 1 ? y : y * y;
    s += d->prob[i] * px + (1.0 - d->prob[i]) * py;
  }
  return s / (double)d->n;
}

double dist_mean(const dist *d) {
  const double *p = d->p;
  switch (d->kind) {
  case DIST_CONSTANT: return p[0];
  case DIST_UNIFORM: return 0.5 * (p[0] + p[1]);
  case DIST_EXPONENTIAL: return p[0];
  case DIST_NORMAL: return p[0];
  case DIST_LOGNORMAL: return exp(p[0] + 0.5 * p[1] * p[1]);
  case DIST_GAMMA: return p[0] * p[1];
  case DIST_BETA: return p[0] / (p[0] + p[1]);
  case DIST_POISSON: return p[0];
  case DIST_PARETO: return p[1] > 1 ? p[1] * p[0] / (p[1] - 1) : (double)INFINITY;
  case DIST_WEIBULL: return p[1] * tgamma(1.0 + 1.0 / p[0]);
  case DIST_TRIANGULAR: return (p[0] + p[1] + p[2]) / 3.0;
  case DIST_DISCRETE: return discrete_moment(d, 0.0, 1);
  case DIST_NKINDS: break;
  }
  return NAN;
}

double dist_variance(const dist *d) {
  const double *p = d->p;
  switch (d->kind) {
  case DIST_CONSTANT: return 0;
  case DIST_UNIFORM: return (p[1] - p[0]) * (p[1] - p[0]) / 12.0;
  case DIST_EXPONENTIAL: return p[0] * p[0];
  case DIST_NORMAL: return p[1] * p[1];
  case DIST_LOGNORMAL: return expm1(p[1] * p[1]) * exp(2 * p[0] + p[1] * p[1]);
  case DIST_GAMMA: return p[0] * p[1] * p[1];
  case DIST_BETA: {
    double s = p[0] + p[1];
    return p[0] * p[1] / (s * s * (s + 1));
  }
  case DIST_POISSON: return p[0];
  case DIST_PARETO: {
    double a = p[1];
    return a > 2 ? p[0] * p[0] * a / ((a - 1) * (a - 1) * (a - 2)) : (double)INFINITY;
  }
  case DIST_WEIBULL: {
    double g1 = tgamma(1.0 + 1.0 / p[0]), g2 = tgamma(1.0 + 2.0 / p[0]);
    return p[1] * p[1] * (g2 - g1 * g1);
  }
  case DIST_TRIANGULAR: {
    double a = p[0], c = p[1], b = p[2];
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
  }
  case DIST_DISCRETE: return discrete_moment(d, dist_mean(d), 2);
  case DIST_NKINDS: break;
  }
  return NAN;
}

static const char *const names[] = {[DIST_CONSTANT] = "constant",
                                    [DIST_UNIFORM] = "uniform",
                                    [DIST_EXPONENTIAL] = "exponential",
                                    [DIST_NORMAL] = "normal",
                                    [DIST_LOGNORMAL] = "lognormal",
                                    [DIST_GAMMA] = "gamma",
                                    [DIST_BETA] = "beta",
                                    [DIST_POISSON] = "poisson",
                                    [DIST_PARETO] = "pareto",
                                    [DIST_WEIBULL] = "weibull",
                                    [DIST_TRIANGULAR] = "triangular",
                                    [DIST_DISCRETE] = "discrete"};
_Static_assert(sizeof names / sizeof *names == DIST_NKINDS, "a name per distribution");

const char *dist_kind_name(dist_kind k) { return (unsigned)k < DIST_NKINDS ? names[k] : "?"; }

int dist_kind_parse(const char *name) {
  for (int k = 0; k < DIST_NKINDS; k++)
    if (strcmp(name, names[k]) == 0) return k;
  return -1;
}
