/*
** stats.h -- statistics across replications, as results/schema.sql's views
** define them (summary, paired, tails, risk), computed in C so `neosim
** compare` reads a version's values once instead of querying the views.
** Each function states the view column it reproduces; tests/e2e/compare.sh
** checks them against the views.  NaN stands for the views' NULL.
*/
#ifndef NEOSIM_STATS_H
#define NEOSIM_STATS_H

#include <stddef.h>

/* The mean of x[0..n) (NaN when n = 0) and the sample standard deviation
** from the deviations to that mean, sqrt(sum (x - mean)^2 / (n - 1)) (NaN
** when n < 2): summary.mean and summary.sd. */
void stats_mean_sd(const double *x, size_t n, double *mean, double *sd);

/* n pairs (a[i], b[i]) of one replication each, in replication order: the
** mean of d = a - b and the sample variances of d, a and b, each computed
** in one pass from the deviations to its first value (accurate for large
** values with a small spread).  Variances are NaN when n < 2, never
** negative: paired.mean_diff and the variances behind sd_diff, ci95 and
** ci95_unpaired. */
typedef struct stats_paired {
  double mean_diff, var_d, var_a, var_b;
} stats_paired;
stats_paired stats_pair(const double *a, const double *b, size_t n);

/* The 95% Wilson score interval of a proportion p of n > 0 trials, z =
** 1.959964, clamped to [0, 1]: risk.p_default_lo and _hi. */
void stats_wilson(double p, double n, double *lo, double *hi);
/* The same at z (the normal quantile of the level's upper tail). */
void stats_wilson_z(double p, double n, double z, double *lo, double *hi);

/* The mean of x[0..n) (n >= 2) and its interval of two-sided error a:
** Wilson's score interval when every value is 0 or 1 (a proportion: a t
** interval of n equal values would be a point), else Student's t. */
void stats_mean_interval(const double *x, size_t n, double a, double *mean, double *lo, double *hi);

/* The rank ceil(q n) (1-based, 1 <= rank <= n for 0 < q <= 1 and n >= 1)
** of the empirical q-quantile: tails.p05 is x[stats_rank(0.05, n) - 1] of
** x sorted ascending. */
size_t stats_rank(double q, size_t n);

/* The ranks 1 .. n of x[0], x[stride], ..., x[(n-1) stride] (NaN-free)
** into rk[0..n); ties take their mean rank.  O(n log n).  0, or -1 out of
** memory. */
int stats_ranks(const double *x, size_t n, size_t stride, double *rk);

/* The p-quantile of Student's t distribution with df > 0 degrees of
** freedom (to about 1e-15 relative, by bisection on its distribution
** function through the incomplete beta function); NaN for p outside (0, 1). */
double stats_t_quantile(double p, double df);

/* Sort x[0..n) ascending (NaN-free), stably: -0 and +0 keep their order. */
void stats_sort(double *x, size_t n);

#endif
