/*
** sensitivity.h -- global sensitivity of a response to a design's inputs
** (design.h), each index with a bootstrap 95% interval (percentiles of
** SENS_BOOT resamples of the design's units: base samples, trajectories
** or rows; deterministic from the seed):
**   - Sobol first-order S1 (Saltelli et al. 2010, eq. (b) of table 2) and
**     total ST (Jansen 1999) from a saltelli design;
**   - Morris's mu* (the mean absolute elementary effect, Campolongo et al.
**     2007) and sigma (their standard deviation) from a morris design;
**   - partial rank correlation coefficients (PRCC) and a tornado (the mean
**     response where an input is in the lowest fifth of its distribution,
**     probability below 0.2, and in the highest, above 0.8) from a random
**     or lhs design.
** y holds the response at each design row (NaN: none, e.g. every run of
** the point failed); a unit with a NaN is left out and counted.
*/
#ifndef NEOSIM_SENSITIVITY_H
#define NEOSIM_SENSITIVITY_H

#include <stddef.h>
#include <stdint.h>

#define SENS_BOOT 1000

typedef struct sens_est {
  double value, lo, hi; /* the estimate and its bootstrap 95% interval */
} sens_est;

/* Saltelli design of n base samples over k inputs: y[j (k + 2) + 0] = f(A_j),
** + 1 = f(B_j), + 2 + i = f(AB_j^(i)).  s1[k], st[k]; *used the base
** samples without NaN.  0, -1 out of memory, -2 fewer than 2 samples
** used or no variance. */
int sens_sobol(const double *y, size_t n, size_t k, uint64_t seed, sens_est *s1, sens_est *st,
               size_t *used);

/* Morris design of r trajectories over k inputs, p its probabilities
** (rows x k): each step's elementary effect (y after - y before) / delta,
** delta = +-DESIGN_MORRIS_DELTA as the moved input went up or down.
** mu_star[k], sigma[k]; *used the trajectories without NaN.  0, -1 out of
** memory, -2 fewer than 2 used. */
int sens_morris(const double *y, const double *p, size_t r, size_t k, uint64_t seed,
                sens_est *mu_star, sens_est *sigma, size_t *used);

/* A sample of n rows over k inputs (x: rows x k, the design's
** probabilities): prcc[k], low[k], high[k];
** *used the rows without NaN.  0, -1 out of memory, -2 fewer than k + 3
** rows used (PRCC needs residual degrees of freedom), or a singular
** rank correlation matrix. */
int sens_sample(const double *x, const double *y, size_t n, size_t k, uint64_t seed, sens_est *prcc,
                sens_est *low, sens_est *high, size_t *used);

#endif
