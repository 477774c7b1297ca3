/*
** store_experiment.h -- the experiments run on a scenario version (neosim
** select) in the tables experiments and experiment_points
** (results/schema.sql): a row when one starts, its decision and each
** point's figures when it ends.  The runs an experiment uses are ordinary
** runs of the version.
*/
#ifndef NEOSIM_STORE_EXPERIMENT_H
#define NEOSIM_STORE_EXPERIMENT_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

typedef struct store_experiment {
  const char *sha256;    /* the scenario version */
  const char *kind;      /* "select", "seek" */
  const char *procedure; /* e.g. "KN (Kim and Nelson 2001)" */
  uint64_t seed;         /* base seed of its runs */
  const char *metric;
  int minimize;
  const char *parameters; /* "delta=... alpha=... n0=... max_reps=..." */
  int done;               /* 0: running */
  long stages;            /* select: the last stage; seek: values tried (done) */
  const char *decision;   /* "best: point K", "root: ..." (done), or NULL */
} store_experiment;

typedef struct store_experiment_point {
  long point, n;
  const char *value;   /* seek: "KEY=VALUE ..."; select: NULL */
  double mean, lo, hi; /* the metric's mean and 95% interval over its n runs */
  const char *status;  /* "best", "eliminated", "in"; "above", "below", "undecided" */
  long stage;          /* eliminated at this stage; 0: not eliminated */
} store_experiment_point;

/* Store experiment e: the experiment of the same version, kind, seed,
** metric, direction and parameters is replaced (its points too), so a
** killed one run again ends with one row.  npts points (none while it
** runs).  0, or -1 with a message in err. */
int store_put_experiment(store *s, const store_experiment *e, const store_experiment_point *pts,
                         size_t npts, char *err, size_t errlen);
/* The same into the database at db, opened to write (lock_wait as
** store_open) and closed. */
int store_save_experiment(const char *db, double lock_wait, const store_experiment *e,
                          const store_experiment_point *pts, size_t npts, char *err, size_t errlen);

#endif
