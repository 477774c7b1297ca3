/*
** seek.h -- the value of a key where a metric's mean meets a target
** (neosim seek): bisection with sequential t tests, and the bracket it
** ends with as a confidence interval on the root.
**
** One or more keys vary together along u in [0, 1] (key = lo + u (hi -
** lo)); the scenario runs without its sweep (--set sweep=none) with the
** keys set to their values at u, a scenario version per value.  At a value
** the replications run in rounds (n0, then doubling, at most max_reps and
** what the budget leaves) until the interval of the mean at level
** 1 - alpha_e lies above or below the target: the value is decided
** "above" or "below"; if not, "undecided".  The interval is Student's t,
** or Wilson's score interval when every value is 0 or 1 (a proportion such
** as defaulted: ten runs without a default are not a probability of 0).  The two ends are decided
** first (they must lie on opposite sides), then the midpoint of the bracket
** [a, b] replaces the end on its side, until the bracket is narrower than
** tol, a midpoint stays undecided, or the budget is spent.
**
** When the mean g(u) is monotone, the root lies in [a, b] whenever every
** decision was right.  alpha_e = alpha / (D L), with D = 2 + ceil(log2(1 /
** tol)) the most values a seek decides and L = 1 + floor(log2(max_reps /
** n0)) the most looks at one value, so by Bonferroni's inequality the
** bracket holds the root with probability at least 1 - alpha.  The root's
** estimate interpolates linearly between the means bracketing the target.
** Decisions depend on the stored runs alone: the same whatever -j, and a
** killed seek run again replays them from the database.
*/
#ifndef NEOSIM_SEEK_H
#define NEOSIM_SEEK_H

#include <stdio.h>

#include "batch.h"
#include "sandbox_limits.h"
#include "scenario.h"
#include "values.h"

typedef struct seek_opts {
  values_space sp; /* its keys not integer */
  const char *metric;
  double target, alpha, tol; /* 0 < alpha < 1; 0 < tol < 1, on u */
  long n0, max_reps, budget; /* 2 <= n0 <= max_reps; budget: replications in all */
} seek_opts;

typedef enum seek_side { SEEK_UNDECIDED = 0, SEEK_BELOW = -1, SEEK_ABOVE = 1 } seek_side;

/* A value tried. */
typedef struct seek_eval {
  double u;
  long n;
  double mean, lo, hi; /* the metric's mean, its 95% interval */
  seek_side side;
} seek_eval;

typedef struct seek_report {
  seek_eval *ev; /* in the order tried */
  size_t nev;
  int found;         /* 1: the ends lie on opposite sides */
  double a, b;       /* the final bracket on u (found) */
  double root;       /* the estimate on u (found) */
  double alpha_e;    /* each decision's error */
  long runs;         /* replications used, reused ones included */
  const char *stop;  /* why it stopped */
  char base_sha[65]; /* the version without the keys varied (the experiment's) */
} seek_report;

/* Run the seek (o's replications, point_reps and resume are the
** driver's).  0, or -1 with a message in err (a scenario error, the
** database, a run without the metric). */
int seek_run(const seek_opts *so, const batch_opts *o, const char *db, seek_report *sr, char *err,
             size_t errlen);

/* A line per value tried (the keys' values, n, mean, 95% interval, side),
** why it stopped, then "root: KEY=VALUE [LO, HI]" (each key), or "no root:
** ..." when the ends lie on one side. */
void seek_print(const seek_opts *so, const seek_report *sr, FILE *f);
void seek_report_free(seek_report *sr);

#endif
