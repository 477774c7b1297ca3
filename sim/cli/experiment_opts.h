/*
** experiment_opts.h -- the options the experiment commands (select, seek,
** optimize) share: the scenario file, --db, --metric, --n0, --max-reps,
** --alpha, --quiet, -j, --lock-wait and the scenario options but --reps
** (the procedure decides the replications), the keys of --vary and the
** constraints of --constraint; and the batch they run with.
*/
#ifndef NEOSIM_EXPERIMENT_OPTS_H
#define NEOSIM_EXPERIMENT_OPTS_H

#include "batch.h"
#include "scenario_opts.h"
#include "select.h"
#include "values.h"

typedef struct experiment_opts {
  const char *cmd; /* "select", "seek", "optimize": in messages */
  const char *scenario, *db, *metric;
  scenario_opts so;
  double alpha;      /* default 0.05; 0 < alpha < 0.5 */
  long n0, max_reps; /* defaults 10 and 1000; 2 <= n0 <= max_reps */
  long jobs;         /* 0: the CPUs */
  int quiet;
  double lock_wait;
  values_key *keys; /* --vary (keys malloc'd) */
  size_t nkeys;
  select_constraint *cons; /* --constraint (metrics malloc'd) */
  size_t ncons;
} experiment_opts;

/* A command's own option at argv[*i]: 1 taken, 0 not its, 2 error (printed). */
typedef int experiment_own(void *ctx, int argc, char **argv, int *i);

/* Parse argv (argv[0] = o->cmd) into o, each argument offered to own
** first.  0, or 2 after printing the usage error. */
int experiment_parse(experiment_opts *o, int argc, char **argv, experiment_own *own, void *ctx);

/* --name X with lo < X < hi into *to: 1 taken, 0 not this option, 2 error. */
int experiment_num(const char *cmd, int argc, char **argv, int *i, const char *name, double lo,
                   double hi, double *to);

/* --constraint 'METRIC<=V~TOL' (or >=; TOL defaults to 10% of |V|)
** appended to o->cons.  0, or 2 after the usage error. */
int experiment_constraint(experiment_opts *o, const char *v);

/* --vary KEY=LO:HI (with allow_int, also KEY=LO:HI:int) appended to
** o->keys (at most VALUES_MAX_KEYS).  0, or 2 after the usage error. */
int experiment_vary(experiment_opts *o, const char *v, int allow_int);

/* The options of KN (select_kn) from o: its metric, alpha, n0, max_reps
** and constraints, with the direction and the indifference zone. */
select_opts experiment_select(const experiment_opts *o, int minimize, double delta);

/* What the experiment varies: the scenario file, its --set overrides and
** limits, the keys of --vary (borrowed from o). */
values_space experiment_space(const experiment_opts *o);

/* The seed of the scenario as given (its errors said before any run): 0,
** or 2 after printing the error. */
int experiment_seed(const experiment_opts *o, uint64_t *seed);

/* The batch options of the runs (the seed: --seed, else the scenario's). */
batch_opts experiment_batch(const experiment_opts *o, uint64_t scenario_seed);
void experiment_opts_free(experiment_opts *o);

#endif
