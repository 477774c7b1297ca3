/*
** objective.h -- what neosim optimize maximises (or minimises): the mean of
** a metric, or a risk-adjusted sum of its mean and its conditional values
** at risk, e.g. 'mean(npv) + 0.5*cvar05(npv)' (--objective).
**
** An objective is a sum of terms c * f(M) over one metric M, f one of
**   mean     the mean over replications
**   cvarNN   the mean of the worst NN% of replications (NN from 1 to 99):
**            the lowest when maximising, the highest when minimising.
** A risk-averse objective adds the cvar term: 'mean(npv) + 0.5*cvar05(npv)'
** to maximise, 'mean(cost) + 0.5*cvar05(cost)' to minimise.
**
** Over n replications cvarNN is the CVaR of their empirical distribution
** (Rockafellar and Uryasev 2000): with z = x (maximising) or -x, sorted
** ascending, and a = NN / 100, it is q - (1 / (a n)) sum (q - z_i)^+ at q
** = z_(ceil(a n)), the mean of the a n lowest z with the boundary value
** counted in part (the tails view's cvar05 takes ceil(0.05 n) whole values:
** the same when 0.05 n is whole), times the sign back.  The objective is
** then the mean of per-replication values y_i = sum c_t h_t(x_i), h = x
** for mean and s (q - (q - z_i)^+ / a) for cvar (s = 1 maximising, -1
** minimising): the estimate is exactly their mean, and their sample
** variance / n is the estimate's asymptotic variance (the influence
** function of CVaR), so Student's t on the y_i is its interval.  With q
** held fixed (objective_values with the thresholds of an earlier sample)
** the y_i are independent across replications; with positive cvar
** coefficients their mean is never better than the objective's value (the
** CVaR is the best over q, Rockafellar and Uryasev), worse only to second
** order in q's error: what KN compares among finalists.
*/
#ifndef NEOSIM_OBJECTIVE_H
#define NEOSIM_OBJECTIVE_H

#include <stddef.h>

#define OBJECTIVE_MAX_TERMS 8

typedef struct objective_term {
  double coef;
  int cvar; /* 0: mean; else the percentage NN of cvarNN */
} objective_term;

typedef struct objective {
  char text[256];   /* as given, spaces trimmed at the ends */
  char metric[128]; /* the metric of every term */
  objective_term term[OBJECTIVE_MAX_TERMS];
  size_t nterms;
  int minimize; /* the worst replications are the highest */
} objective;

/* Parse text (the grammar above) into o.  0, or -1 with a message in err
** naming what is wrong and where. */
int objective_parse(const char *text, int minimize, objective *o, char *err, size_t errlen);

/* The objective of the mean of metric alone. */
void objective_mean(const char *metric, int minimize, objective *o);

/* Does a cvar term have a negative coefficient (the objective then favours
** worse tails: said to the user, since a risk-averse one adds it)? */
int objective_risk_seeking(const objective *o);

/* The fewest replications that put tail values in the tail of every cvar
** term on average: ceil(100 tail / NN) for the smallest NN, 0 without one.
** optimize's search starts at tail = 2 (a cvar05 of 10 replications is
** their minimum: far above the tail's mean), its KN at 10 (fewer often hold
** no tail value, and the values' variance then looks small). */
long objective_min_reps(const objective *o, long tail);

/* The thresholds q of the cvar terms (one a term, NaN for mean terms) from
** x[0..n), n >= 1.  0, or -1 out of memory. */
int objective_thresholds(const objective *o, const double *x, size_t n, double *q);

/* The per-replication values y[i] of x[i], i < n, at thresholds q. */
void objective_values(const objective *o, const double *q, const double *x, size_t n, double *y);

/* The objective's estimate over x[0..n) (n >= 1) and, n >= 2 and lo and hi
** not NULL, its interval of two-sided error a (Student's t on the y_i;
** Wilson's for a 0/1 metric's mean).  0, or -1 out of memory. */
int objective_estimate(const objective *o, const double *x, size_t n, double a, double *est,
                       double *lo, double *hi);

#endif
