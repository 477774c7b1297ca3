/*
** cmd_optimize.c -- `neosim optimize`: search keys for the best mean of a
** metric (optimize.h).
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "experiment_opts.h"
#include "optimize.h"
#include "text.h"

const char cmd_optimize_help[] =
    "usage: neosim optimize SCENARIO.lua --vary KEY=LO:HI[:int]... --metric M [--minimize]\n"
    "                       [--constraint 'METRIC<=V[~TOL]']... --budget RUNS [--delta D]\n"
    "                       [--finalists K] [--alpha A] [--n0 N] [--max-reps N] [-j N]\n"
    "                       [--db FILE] [--seed N] [--set KEY=VALUE]... [--quiet]\n"
    "                       [--lock-wait S] [--lua-memory MB] [--lua-instructions N]\n"
    "                       [--lua-cpu S] [--max-events N] [--model-memory MB]\n\n"
    "Search the keys (each between LO and HI; :int: whole numbers) for the\n"
    "largest (--minimize: smallest) mean of metric M.  The scenario runs\n"
    "without its sweep (--set sweep=none) with the keys set, one scenario\n"
    "version per candidate.  Replication r of every candidate draws the same\n"
    "random numbers, so the mean of replications 0 .. n - 1 is one function of\n"
    "the keys (a sample path); stage j minimises it for n = N0 x 2^(j-1) by\n"
    "the Nelder-Mead simplex (keys scaled to [0, 1], pulled back into the box,\n"
    "integers rounded), from the best point of the stage before with a simplex\n"
    "half as large (retrospective approximation).  When the budget is spent,\n"
    "KN (see select) chooses among the K candidates of best mean, with the\n"
    "constraints if any: the best of them within D with probability >= 1 - A.\n"
    "Nelder-Mead finds a local optimum of the sample path: nothing is\n"
    "guaranteed about candidates it never tried.\n\n"
    "  --vary KEY=LO:HI[:int]  a numeric key and its range (repeatable, at most 16)\n"
    "  --metric M        the metric (a column of the metrics table)\n"
    "  --minimize        the best is the smallest mean\n"
    "  --constraint 'METRIC<=V~TOL'  as for select: applied by the final KN\n"
    "  --budget RUNS     replications of the search (the final KN may add some)\n"
    "  --delta D         KN's indifference zone (default 1% of the best mean's size)\n"
    "  --finalists K     candidates KN chooses among (default 5)\n"
    "  --alpha A, --n0 N, --max-reps N  as for select (--n0: the first stage's n)\n"
    "  --db, --seed, --set, -j, --quiet, --lock-wait and the limits as for run\n\n"
    "Output: a line per stage (its n and the best candidate so far), the\n"
    "finalists (n, mean, 95% interval, KN's verdict), and last \"best: KEY=VALUE\n"
    "... M = mean \xc2\xb1 half-width\".  The runs are stored like any run; the\n"
    "experiment (each candidate tried) in the tables experiments and\n"
    "experiment_points.  Decisions depend on the stored runs alone: the same\n"
    "whatever -j, and a killed optimize run again reuses its runs and ends the\n"
    "same.\n"
    "Exit status: 0 done, 2 usage, scenario or database error, or a run that\n"
    "failed.\n";

typedef struct opts {
  experiment_opts e;
  int minimize;
  double delta, budget, finalists;
} opts;

/* optimize's own options (experiment_own). */
static int own_opt(void *ctx, int argc, char **argv, int *i) {
  opts *o = ctx;
  const char *v;
  int r;
  if ((r = cli_opt(argc, argv, i, "--vary", &v)))
    return r < 0 || experiment_vary(&o->e, v, 1) ? 2 : 1;
  if ((r = cli_opt(argc, argv, i, "--constraint", &v)))
    return r < 0 || experiment_constraint(&o->e, v) ? 2 : 1;
  if (strcmp(argv[*i], "--minimize") == 0) {
    o->minimize = 1;
    return 1;
  }
  if ((r = experiment_num("optimize", argc, argv, i, "--delta", 0, INFINITY, &o->delta)) ||
      (r = experiment_num("optimize", argc, argv, i, "--budget", 3, 1e12, &o->budget)) ||
      (r = experiment_num("optimize", argc, argv, i, "--finalists", 1, 1000, &o->finalists)))
    return r;
  return 0;
}

int cmd_optimize(int argc, char **argv) {
  opts o = {.delta = NAN, .budget = NAN, .finalists = 5};
  char err[ERR_LEN];
  int rc = experiment_parse(&o.e, argc, argv, own_opt, &o);
  if (!rc && !o.e.nkeys) rc = cli_usage_error("optimize: give a key to vary: --vary KEY=LO:HI");
  if (!rc && (isnan(o.budget) || o.budget != floor(o.budget)))
    rc = cli_usage_error("optimize: give the search's budget: --budget RUNS (a whole number)");
  if (!rc && o.finalists != floor(o.finalists))
    rc = cli_usage_error("optimize: --finalists: a whole number from 2 to 999");
  uint64_t seed = 0;
  if (!rc) rc = experiment_seed(&o.e, &seed);
  if (!rc) {
    batch_opts bo = experiment_batch(&o.e, seed);
    optimize_opts op = {.path = o.e.scenario,
                        .sets = o.e.so.sets,
                        .nsets = o.e.so.nsets,
                        .lim = &o.e.so.lim,
                        .keys = o.e.keys,
                        .nkeys = o.e.nkeys,
                        .sel = experiment_select(&o.e, o.minimize, o.delta),
                        .budget = (long)o.budget,
                        .finalists = (size_t)o.finalists};
    optimize_report r = {0};
    if (!rc && optimize_run(&op, &bo, o.e.db, o.e.quiet ? NULL : stdout, &r, err, sizeof err))
      rc = cli_usage_error("%s", err);
    else if (!rc) optimize_print(&op, &r, stdout);
    optimize_report_free(&r);
  }
  experiment_opts_free(&o.e);
  return rc;
}
