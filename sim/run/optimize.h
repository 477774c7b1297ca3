/*
** optimize.h -- search a few continuous or integer keys for the largest
** (or smallest) objective: the mean of a metric, or a risk-adjusted one
** (objective.h) (neosim optimize): retrospective approximation with
** Nelder-Mead on common random numbers, then KN among the best candidates.
**
** Replication r of every candidate draws the same random numbers, so the
** objective over replications 0 .. n - 1 is one deterministic function of
** the keys, a sample path (Gurkan, Ozge and Robinson 1994); stage j
** minimises it for n_j = n1 2^(j - 1) replications (n1 = n0, or for a
** cvarNN term at least 200 / NN, two values in its tail) by the Nelder-Mead
** simplex (Nelder and Mead 1965; the keys scaled to [0, 1], points outside
** the box pulled back onto it, integer keys rounded), started from the
** best point of the stage before with a simplex half as large, down to
** 1/16 of the box: the retrospective approximation of Pasupathy (2010),
** each stage's solution the next one's start.  Each distinct set of values
** is a candidate, a scenario version (--set sweep=none and the keys'
** values) run as needed, its runs reused by later stages.  When the budget
** is spent, the `finalists` candidates with the most replications, the
** best objective first among equals, go to KN (select_kn) with the
** constraints, if any, its first stage the replications they all have (at
** least n0; for a cvarNN term at least 1000 / NN): the point chosen is the
** best of them (within delta) with probability at least 1 - alpha.  KN
** compares the objective's per-replication values (objective_values; a
** cvar term's threshold held where each finalist's search replications
** put it).  The point chosen is then run again on as many fresh
** replications as it has (n .. 2n - 1) and its objective reported from
** those alone: on the replications it was chosen on it is biased up (the
** optimiser's curse; an optimum of a sample path overstates the true
** value, Mak, Morton and Wood 1999).  Nothing is guaranteed about candidates never tried:
** Nelder-Mead finds a local optimum of the sample path.  Decisions depend
** on the stored runs alone.
*/
#ifndef NEOSIM_OPTIMIZE_H
#define NEOSIM_OPTIMIZE_H

#include <stdio.h>

#include "batch.h"
#include "objective.h"
#include "sandbox_limits.h"
#include "scenario.h"
#include "select.h"
#include "values.h"

typedef struct optimize_opts {
  values_space sp;
  const objective *obj; /* of sel.metric, in sel's direction */
  select_opts sel;      /* metric, direction, alpha, n0, max_reps, constraints; delta (NaN:
                           1% of the best objective's magnitude) of the final KN */
  long budget;          /* replications of the search (the final KN may add some) */
  size_t finalists;     /* candidates KN chooses among */
} optimize_opts;

typedef struct optimize_cand {
  double *val;                   /* [nkeys]: the keys' values */
  scenario *s;                   /* its version */
  long n;                        /* replications read */
  double mean;                   /* the objective over the first n the search asked for */
  double *x;                     /* the metric's values read */
  double q[OBJECTIVE_MAX_TERMS]; /* a finalist's thresholds (objective_thresholds) */
} optimize_cand;

typedef struct optimize_report {
  optimize_cand *c; /* in the order first tried */
  size_t nc;
  long runs, stages;
  size_t *final; /* [nfinal]: the finalists (candidate numbers) */
  size_t nfinal;
  select_report sel;                /* KN among the finalists (points 0 .. nfinal - 1) */
  int best;                         /* the candidate chosen (-1: none feasible) */
  long fresh_from, fresh_n;         /* its fresh replications: fresh_from .. + fresh_n - 1 */
  double fresh, fresh_lo, fresh_hi; /* its objective over them, 95% interval */
  char base_sha[65];                /* the version without the keys varied (the experiment's) */
} optimize_report;

/* Run the search (o's replications, point_reps and resume are the
** driver's), printing a line per stage on progress (NULL: none).  0, or -1
** with a message in err. */
int optimize_run(const optimize_opts *op, const batch_opts *o, const char *db, FILE *progress,
                 optimize_report * or, char *err, size_t errlen);

/* The finalists' rows (the keys' values, n, objective, 95% interval,
** status), the fresh replications' line, then "best: KEY=VALUE ...
** OBJECTIVE = value +- half-width" (over the fresh replications). */
void optimize_print(const optimize_opts *op, const optimize_report * or, FILE *f);
void optimize_report_free(optimize_report * or);

#endif
