/*
** select.h -- the best sweep point with a guarantee (neosim select): the
** fully sequential indifference-zone procedure KN of Kim and Nelson (2001,
** ACM TOMACS 11(3):251-273).
**
** Replication r of every point draws the same random numbers (common
** random numbers: a run's streams depend on (seed, replication, process
** name) only), and KN works on the differences between points, so the
** correlation this induces narrows them.  With k points, first-stage
** size n0, indifference zone delta and error alpha:
**   eta = ((2 alpha / (k - 1))^(-2 / (n0 - 1)) - 1) / 2,  h2 = 2 eta (n0 - 1);
**   S2_il: the variance of X_i - X_l over replications 0 .. n0 - 1;
**   at each stage r >= n0 a point i stays when, for every other point l
**   still in, mean_i(r) >= mean_l(r) - W_il(r),
**   W_il(r) = max(0, delta / (2 r) (h2 S2_il / delta^2 - r));
**   the procedure ends when one point is left (at the latest at stage
**   1 + max floor(h2 S2_il / delta^2), where every W is 0).
** When the best mean exceeds every other by at least delta, and the
** outputs are normal, the point chosen is the best with probability at
** least 1 - alpha.  --minimize negates the metric.
**
** Replications run in rounds over the points still in, with -j; each
** round runs a block of stages (from stage r to about 1.5 r), and the
** stages of a block are then screened one by one, so a point is eliminated
** at the same stage as if its replications had come one at a time (the runs
** of a block past that stage are spent, not used).  Every decision depends
** on the stored results of replications 0 .. r - 1 alone: the outcome is
** the same whatever -j, and a killed select run again replays its stages
** from the database (runs done are not run again) to the same end.
**
** With constraints on other metrics (defaulted <= 0.05), the points are
** first decided feasible or not (feasible.h) at error alpha / 2, then KN
** runs at alpha / 2 on the points found feasible: by Bonferroni's
** inequality the point chosen is the best feasible one (within delta) with
** probability at least 1 - alpha.  This is the two-phase approach that
** Andradottir and Kim (2010, Naval Research Logistics 57:403-421) take as
** their baseline; their combined procedure spends fewer runs.
*/
#ifndef NEOSIM_SELECT_H
#define NEOSIM_SELECT_H

#include <stdio.h>

#include "batch.h"
#include "feasible.h"

/* The most sweep points select takes (it keeps k x k variances). */
#define SELECT_MAX_POINTS 4096

typedef struct select_opts {
  const char *metric;
  int minimize;                  /* 1: the best is the smallest mean */
  double delta, alpha;           /* indifference zone (> 0, in the metric's units), 0 < alpha < 1 */
  long n0;                       /* first-stage replications (>= 2) */
  long max_reps;                 /* a stage the procedure stops at, decided or not (>= n0) */
  const select_constraint *cons; /* --constraint: KN runs on the points found feasible */
  size_t ncons;
} select_opts;

typedef struct select_report {
  size_t npoints;
  long *n;                /* [point]: the replications its figures use (its last stage) */
  double *mean, *lo, *hi; /* [point]: the metric's mean and its 95% interval over them */
  long *out_at;           /* [point]: the stage it was eliminated at; 0: not eliminated */
  int best;               /* the point chosen (-1: no point is feasible) */
  long stage;             /* the last stage */
  long bound;             /* 1 + max floor(h2 S2_il / delta^2): the last stage possible */
  int at_max;             /* stopped at max_reps with several points in: no guarantee */
  double h2;
  long rounds, runs;  /* rounds of runs, and the runs KN used (the sum of its n) */
  double own_s;       /* select_run's own wall time, outside its rounds of runs: the
                         version's and the experiment's rows, reading values, deciding */
  feasible_report fr; /* with constraints: each point's feasibility (npoints 0: none) */
} select_report;

/* Run KN on s's sweep points (o's replications, point_reps and resume are
** the driver's).  rep: the stored batch as batch_run reports it, summed
** over the rounds.  0, or -1 with a message in err (the database, fewer
** than two points, a run without the metric). */
int select_run(const scenario *s, const batch_opts *o, const select_opts *so, const char *db,
               batch_report *rep, select_report *sr, char *err, size_t errlen);

/* KN (and the constraints first) on the points of src, as select_run does,
** without storing the experiment: also optimize's final choice among its
** candidates.  sr->rounds counts on from its value.  0, or -1 (err). */
int select_kn(const values_source *src, const select_opts *so, select_report *sr, char *err,
              size_t errlen);

/* A row per point (n, mean, 95% interval, status: best, eliminated at
** stage K, infeasible: ..., ...), then "best: point K" (or "best: none (no
** point is feasible)"): as a table, or (csv) the columns
** point,n,mean,ci_low,ci_high,status. */
void select_print(const select_opts *so, const select_report *sr, int csv, FILE *f);
void select_report_free(select_report *sr);

#endif
