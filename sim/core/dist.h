/*
** dist.h -- probability distributions written on top of pcg32, so every
** platform draws the same numbers (no libc rand, no library samplers).
** Samplers use inversion where the inverse is cheap (monotone in the
** uniform, which keeps common random numbers well correlated); the
** exponential, the most drawn, uses a ziggurat on tables of our own
** (dist_ziggurat.h) and is exactly proportional to its mean.
*/
#ifndef NEOSIM_DIST_H
#define NEOSIM_DIST_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"

/* Direct samplers; parameters must satisfy the conditions in dist_check(). */
double dist_exponential(rng *r, double mean);
double dist_normal(rng *r, double mu, double sigma);
double dist_lognormal(rng *r, double mu, double sigma); /* exp(N(mu, sigma)) */
double dist_gamma(rng *r, double shape, double scale);
double dist_beta(rng *r, double a, double b);
double dist_poisson(rng *r, double mean); /* returns an integer value */
double dist_pareto(rng *r, double xm, double alpha);
double dist_weibull(rng *r, double shape, double scale);
double dist_triangular(rng *r, double lo, double mode, double hi);

/* The standard normal quantile (Wichura AS241, ~1e-16 relative). */
double dist_normal_quantile(double p);

typedef enum dist_kind {
  DIST_CONSTANT = 0, /* p0 = value */
  DIST_UNIFORM,      /* p0 = lo, p1 = hi */
  DIST_EXPONENTIAL,  /* p0 = mean */
  DIST_NORMAL,       /* p0 = mean, p1 = sd */
  DIST_LOGNORMAL,    /* p0 = mu, p1 = sigma of the log */
  DIST_GAMMA,        /* p0 = shape, p1 = scale */
  DIST_BETA,         /* p0 = a, p1 = b */
  DIST_POISSON,      /* p0 = mean */
  DIST_PARETO,       /* p0 = xm (minimum), p1 = alpha */
  DIST_WEIBULL,      /* p0 = shape k, p1 = scale lambda */
  DIST_TRIANGULAR,   /* p0 = lo, p1 = mode, p2 = hi */
  DIST_DISCRETE,     /* values[] with weights (alias table) */
  DIST_NKINDS
} dist_kind;

/* A distribution as a value, as scenarios configure it.  A discrete
** one owns its tables: release them with dist_clear(). */
typedef struct dist {
  dist_kind kind;
  double p[3];
  size_t n;        /* DIST_DISCRETE: number of values */
  double *values;  /* DIST_DISCRETE: the values */
  double *prob;    /* alias method: acceptance probability per column */
  uint32_t *alias; /* alias method: the other value of each column */
} dist;

/* Parameters are valid for the kind: NULL, or a static message naming
** the broken condition ("sd must be > 0"). */
const char *dist_check(const dist *d);

/* Build a discrete distribution over n values with non-negative weights
** (not all zero); copies both arrays.  0, or -1 on bad input / no memory. */
int dist_discrete(dist *d, const double *values, const double *weights, size_t n);

/* Deep copy (discrete tables included); 0, or -1 on no memory. */
int dist_copy(dist *dst, const dist *src);
void dist_clear(dist *d);

double dist_sample(const dist *d, rng *r);
double dist_mean(const dist *d);     /* analytic; INFINITY where it diverges */
double dist_variance(const dist *d); /* analytic; INFINITY where it diverges */

/* The quantile at u in (0, 1): the least x with P(X <= x) >= u (the
** inverse distribution function); NaN for u outside (0, 1).  Exact in
** closed form for most kinds, to the last bit by bisection for gamma and
** beta (dist_quantile.c). */
double dist_quantile(const dist *d, double u);
/* P(a, x): the regularized lower incomplete gamma function (a > 0). */
double dist_gamma_p(double a, double x);
/* I_x(a, b): the regularized incomplete beta function (a, b > 0). */
double dist_beta_i(double a, double b, double x);

const char *dist_kind_name(dist_kind k);
int dist_kind_parse(const char *name); /* -1 if unknown */

#endif
