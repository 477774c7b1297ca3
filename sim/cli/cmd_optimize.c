/*
** cmd_optimize.c -- `neosim optimize`: search keys for the best mean of a
** metric, or the best risk-adjusted --objective (optimize.h, objective.h).
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
    "                       [--objective 'mean(M) + C*cvarNN(M)']\n"
    "                       [--constraint 'METRIC<=V[~TOL]']... --budget RUNS [--delta D]\n"
    "                       [--finalists K] [--alpha A] [--n0 N] [--max-reps N] [-j N]\n"
    "                       [--db FILE] [--seed N] [--set KEY=VALUE]... [--quiet]\n"
    "                       [--lock-wait S] [--lua-memory MB] [--lua-instructions N]\n"
    "                       [--lua-cpu S] [--max-events N] [--model-memory MB]\n\n"
    "Search the keys (each between LO and HI; :int: whole numbers) for the\n"
    "largest (--minimize: smallest) objective: the mean of metric M, or the\n"
    "risk-adjusted --objective.  The scenario runs without its sweep (--set\n"
    "sweep=none) with the keys set, one scenario version per candidate.\n"
    "Replication r of every candidate draws the same random numbers, so the\n"
    "objective over replications 0 .. n - 1 is one function of the keys (a\n"
    "sample path); stage j optimises it for n = N1 x 2^(j-1) (N1: N0, or\n"
    "200/NN with a cvarNN term) by the Nelder-Mead simplex (keys scaled to\n"
    "[0, 1], pulled back into the box, integers rounded), from the best point\n"
    "of the stage before with a simplex half as large, down to 1/16 of the box\n"
    "(retrospective approximation).  When the budget is spent, KN (see\n"
    "select) chooses among the K candidates with the most replications (best\n"
    "objective first), with the constraints if any, from the replications\n"
    "they have (at least 1000/NN with a cvarNN term): the best of them within\n"
    "D with probability >= 1 - A.  The point chosen is then run on as many\n"
    "fresh replications as it has, and its objective reported from those (on\n"
    "the ones it was chosen on it is biased up).  Nelder-Mead finds a local\n"
    "optimum of the sample path: nothing is guaranteed about candidates it\n"
    "never tried.\n\n"
    "With --objective the objective is a sum of terms C*mean(M) and\n"
    "C*cvarNN(M) over one metric: cvarNN the mean of the worst NN% of\n"
    "replications (the lowest; with --minimize the highest), so\n"
    "'mean(npv) + 0.5*cvar05(npv)' weighs the worst 5% of outcomes in (risk\n"
    "averse: add the cvar term).  Over n replications cvarNN is the CVaR of\n"
    "their empirical distribution (Rockafellar and Uryasev 2000); its interval\n"
    "is Student's t on per-replication values whose mean it is (asymptotic:\n"
    "about 94% at 50 values in the tail, 90% at 10), and KN compares those\n"
    "values, each finalist's threshold held where its search replications\n"
    "put it.\n\n"
    "  --vary KEY=LO:HI[:int]  a numeric key and its range (repeatable, at most 16)\n"
    "  --metric M        the metric (a column of the metrics table)\n"
    "  --objective 'EXPR'  what is optimised (default mean(M)); it names the\n"
    "                    metric, so --metric may be left out\n"
    "  --minimize        the best is the smallest objective\n"
    "  --constraint 'METRIC<=V~TOL'  as for select: applied by the final KN\n"
    "  --budget RUNS     replications of the search (KN and the fresh replications\n"
    "                    of the best add to it)\n"
    "  --delta D         KN's indifference zone (default 1% of the best objective's\n"
    "                    size)\n"
    "  --finalists K     candidates KN chooses among (default 5)\n"
    "  --alpha A, --n0 N, --max-reps N  as for select (--n0: the first stage's n)\n"
    "  --db, --seed, --set, -j, --quiet, --lock-wait and the limits as for run\n\n"
    "Output: a line per stage (its n and the best candidate so far), the\n"
    "finalists (n, objective, 95% interval, KN's verdict), the best's fresh\n"
    "replications (objective, 95% interval), and last \"best: KEY=VALUE\n"
    "... OBJECTIVE = value \xc2\xb1 half-width\" (OBJECTIVE: M, or the\n"
    "expression).  The runs are stored like any run; the\n"
    "experiment (each candidate tried) in the tables experiments and\n"
    "experiment_points.  Decisions depend on the stored runs alone: the same\n"
    "whatever -j, and a killed optimize run again reuses its runs and ends the\n"
    "same.\n"
    "Exit status: 0 done, 2 usage, scenario or database error, or a run that\n"
    "failed.\n";

typedef struct opts {
  experiment_opts e;
  objective obj; /* --objective (obj.nterms 0: none) */
  int minimize;
  double delta, budget, finalists;
} opts;

/* optimize's own options (experiment_own). */
static int own_opt(void *ctx, int argc, char **argv, int *i) {
  opts *o = ctx;
  const char *v;
  int r;
  if ((r = cli_opt(argc, argv, i, "--objective", &v))) {
    char err[ERR_LEN];
    if (r < 0) return 2;
    if (objective_parse(v, 0, &o->obj, err, sizeof err))
      return cli_usage_error("optimize: %s", err);
    if (!o->e.metric) o->e.metric = o->obj.metric; /* a --metric given too: checked after */
    return 1;
  }
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
  if (!rc && o.obj.nterms && strcmp(o.e.metric, o.obj.metric) != 0)
    rc = cli_usage_error("optimize: --metric %s and --objective '%s' name different metrics",
                         o.e.metric, o.obj.text);
  if (!rc && !o.obj.nterms) objective_mean(o.e.metric, 0, &o.obj);
  o.obj.minimize = o.minimize;
  if (!rc && objective_risk_seeking(&o.obj))
    fprintf(stderr,
            "optimize: note: a cvar term of '%s' has a negative weight, so the objective favours "
            "worse tails (cvarNN is the mean of the worst NN%% of replications; a risk-averse "
            "objective adds it, e.g. 'mean(npv) + 0.5*cvar05(npv)')\n",
            o.obj.text);
  if (!rc && !o.e.nkeys) rc = cli_usage_error("optimize: give a key to vary: --vary KEY=LO:HI");
  if (!rc && (isnan(o.budget) || o.budget != floor(o.budget)))
    rc = cli_usage_error("optimize: give the search's budget: --budget RUNS (a whole number)");
  if (!rc && o.finalists != floor(o.finalists))
    rc = cli_usage_error("optimize: --finalists: a whole number from 2 to 999");
  uint64_t seed = 0;
  if (!rc) rc = experiment_seed(&o.e, &seed);
  if (!rc) {
    batch_opts bo = experiment_batch(&o.e, seed);
    optimize_opts op = {.sp = experiment_space(&o.e),
                        .obj = &o.obj,
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
