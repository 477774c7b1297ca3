/*
** feasible.h -- which sweep points meet constraints on metrics' means
** (select --constraint), each decided by sequential interval tests.
**
** A constraint asks mean <= bound (or >= bound) within a tolerance tol:
** a point whose mean is at least tol inside the bound must be found
** feasible, one at least tol outside it infeasible; between, either answer
** is right (the indifference band of Andradottir and Kim 2010; Batur and
** Kim 2010).  Each point runs in rounds (n0, then doubling, at most
** max_reps); after each, every constraint not yet decided gets the
** interval of its mean at error a_e (stats_mean_interval: Wilson's for a
** 0/1 metric, Student's t else): for mean <= bound it is decided feasible
** when the interval lies below bound + tol, infeasible when above bound -
** tol (both: by the mean against the bound).  A point is infeasible at its
** first constraint found so, feasible when all are; a point not decided at
** max_reps stays undecided.  With k points, s constraints and L = 1 +
** floor(log2(max_reps / n0)) looks, a_e = alpha / (k s L): by Bonferroni's
** inequality every decision is right with probability at least 1 - alpha.
** Decisions depend on the stored runs alone.
*/
#ifndef NEOSIM_FEASIBLE_H
#define NEOSIM_FEASIBLE_H

#include "values.h"

typedef struct select_constraint {
  const char *metric;
  int upper;         /* 1: mean <= bound; 0: mean >= bound */
  double bound, tol; /* tol > 0 */
} select_constraint;

typedef enum feasibility { FEAS_UNDECIDED = 0, FEAS_YES = 1, FEAS_NO = -1 } feasibility;

typedef struct feasible_report {
  size_t npoints, ncons;
  feasibility *point; /* [point] */
  long *n;            /* [point]: the replications its decision used */
  double *mean;       /* [point * ncons + c]: constraint c's mean over them */
  int *failed;        /* [point]: the constraint it failed (-1: none) */
  double alpha_e;     /* each look's error */
} feasible_report;

/* Decide every point of src on the constraints.  0, or -1 with a message
** in err. */
int feasible_run(const values_source *src, const select_constraint *cons, size_t ncons,
                 double alpha, long n0, long max_reps, feasible_report *fr, char *err,
                 size_t errlen);
void feasible_report_free(feasible_report *fr);

#endif
