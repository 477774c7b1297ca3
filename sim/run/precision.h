/*
** precision.h -- replications to a stated precision (neosim run
** --precision): the sequential procedure of Law (Simulation Modeling and
** Analysis, 5th ed., sec. 9.4.1) for each sweep point, checked in rounds.
** A point stops at the first checkpoint n where, for every goal, the 95%
** half-width t(0.975, n-1) s / sqrt(n) of its metric's mean is at most
** gamma' |mean|, gamma' = gamma / (1 + gamma) (Law's adjustment, so the
** relative error is at most gamma), or at most an absolute X; or when
** max_reps are done.  Checkpoints: min_reps, then each the count the
** present variance projects (at least one more, at most double), so a
** round runs every unfinished point at once, with -j.  The decisions
** depend on the results of replications 0 .. n-1 only, which depend on
** nothing but (seed, point, replication): the counts are the same whatever
** -j, and a killed batch run again replays the rounds from the database
** (runs done are not run again) to the same end.
*/
#ifndef NEOSIM_PRECISION_H
#define NEOSIM_PRECISION_H

#include <stddef.h>
#include <stdio.h>

#include "batch.h"

typedef struct precision_goal {
  const char *metric;
  int absolute; /* 0: half-width <= value x |mean| (relative); 1: <= value */
  double value;
} precision_goal;

typedef struct precision_opts {
  const precision_goal *goals;
  size_t ngoals;
  long min_reps, max_reps; /* 2 <= min_reps <= max_reps */
} precision_opts;

/* Per point and goal: the replications counted (done, with a value), the
** mean and the 95% half-width; per point the replications run and whether
** every goal was met. */
typedef struct precision_report {
  size_t npoints, ngoals;
  long *n;           /* [point * ngoals + goal] */
  double *mean, *hw; /* [point * ngoals + goal] */
  long *planned;     /* [point]: replications 0 .. planned - 1 */
  int *met;          /* [point] */
  long rounds;
} precision_report;

/* Run s to the goals (o's replications, point_reps and resume are the
** driver's).  rep: the stored batch as batch_run reports it, this run's
** runs summed over its rounds.  0, or -1 with a message in err (the
** database, or a goal's metric that no run has). */
int precision_run(const scenario *s, const batch_opts *o, const precision_opts *po, const char *db,
                  batch_report *rep, precision_report *pr, char *err, size_t errlen);

/* The table of points: n, each goal's mean +- half-width, met or not. */
void precision_print(const scenario *s, const precision_opts *po, const precision_report *pr,
                     FILE *f);
void precision_report_free(precision_report *pr);

#endif
