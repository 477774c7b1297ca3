/*
** cmd_select.c -- `neosim select`: the best sweep point of a scenario with
** a statistical guarantee (select.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "experiment_opts.h"
#include "select.h"
#include "text.h"

const char cmd_select_help[] =
    "usage: neosim select SCENARIO.lua --metric M [--minimize] --delta D [--alpha A]\n"
    "                     [--constraint 'METRIC<=V[~TOL]']... [--n0 N] [--max-reps N]\n"
    "                     [-j N] [--db FILE] [--format table|csv]\n"
    "                     [--seed N] [--set KEY=VALUE]... [--quiet] [--lock-wait S]\n"
    "                     [--lua-memory MB] [--lua-instructions N] [--lua-cpu S]\n"
    "                     [--max-events N] [--model-memory MB]\n\n"
    "Choose the sweep point with the largest (--minimize: smallest) mean of a\n"
    "metric, with the guarantee of the fully sequential procedure KN (Kim and\n"
    "Nelson 2001): when the best mean beats every other by at least D, the\n"
    "point chosen is the best with probability at least 1 - A (outputs close to\n"
    "normal).  Replication r of every point draws the same random numbers, so\n"
    "differences between points are sharper than their means.  After n0\n"
    "replications of every point, points are eliminated stage by stage as their\n"
    "means fall behind; replications run in rounds over the points still in.\n\n"
    "  --metric M        the metric compared (a column of the metrics table: npv,\n"
    "                    revenue_total, defaulted, ...)\n"
    "  --minimize        the best is the smallest mean\n"
    "  --delta D         the indifference zone: the smallest difference of means\n"
    "                    worth telling apart, in the metric's units (D > 0)\n"
    "  --alpha A         1 - A is the probability of correct selection (default 0.05,\n"
    "                    below 0.5)\n"
    "  --constraint 'METRIC<=V~TOL'  only points whose mean of METRIC is at most V\n"
    "                    (>=: at least V) compete (repeatable).  Each point is first\n"
    "                    decided feasible or not by sequential interval tests (Wilson's\n"
    "                    for a 0/1 metric such as defaulted, Student's t else), in\n"
    "                    rounds of n0 then doubling: a mean at least TOL inside V is\n"
    "                    found feasible, one at least TOL outside not, between either\n"
    "                    may be (default TOL: 10% of |V|); the decisions at error\n"
    "                    A / 2 in all, KN at A / 2 on the feasible points (Bonferroni)\n"
    "  --n0 N            first-stage replications of every point (default 10, >= 2)\n"
    "  --max-reps N      stop at this stage, decided or not (default 1000): the best\n"
    "                    mean of the points still in is then chosen without the\n"
    "                    guarantee, and the status says so\n"
    "  --format F        table (default) or csv: point,n,mean,ci_low,ci_high,status\n"
    "  --db, --seed, --set, -j, --quiet, --lock-wait and the limits as for run\n\n"
    "Output: a row per point (its replications n -- the stage it was eliminated\n"
    "at, or the last --, the mean and 95% interval over them, and its status:\n"
    "best, eliminated at stage K, tied with the best, or infeasible: and why),\n"
    "ending with the line \"best: point K\" (\"best: none (no point is\n"
    "feasible)\").  The runs are stored like any run; the experiment (its\n"
    "procedure, parameters, stages and decision, each point's figures) in the\n"
    "tables experiments and experiment_points.  The decision depends on the\n"
    "stored runs alone: the same whatever -j, and a killed select run again\n"
    "reuses the runs done and ends the same.\n"
    "Exit status: 0 decided, 2 usage, scenario or database error, or a run\n"
    "that failed (KN needs every replication of the points still in).\n";

typedef struct opts {
  experiment_opts e;
  double delta;
  int minimize, csv;
} opts;

/* select's own options (experiment_own). */
static int own_opt(void *ctx, int argc, char **argv, int *i) {
  opts *o = ctx;
  const char *v;
  int r;
  if ((r = cli_opt(argc, argv, i, "--constraint", &v)))
    return r < 0 || experiment_constraint(&o->e, v) ? 2 : 1;
  if ((r = cli_opt(argc, argv, i, "--format", &v))) {
    if (r < 0) return 2;
    if (strcmp(v, "table") && strcmp(v, "csv"))
      return cli_usage_error("select: --format '%s': use table or csv", v);
    o->csv = strcmp(v, "csv") == 0;
    return 1;
  }
  if (strcmp(argv[*i], "--minimize") == 0) {
    o->minimize = 1;
    return 1;
  }
  return experiment_num("select", argc, argv, i, "--delta", 0, INFINITY, &o->delta);
}

int cmd_select(int argc, char **argv) {
  opts o = {.delta = NAN};
  char err[ERR_LEN];
  int rc = experiment_parse(&o.e, argc, argv, own_opt, &o);
  if (!rc && isnan(o.delta))
    rc = cli_usage_error("select: give the indifference zone: --delta D (in the metric's units)");
  scenario *s = NULL;
  if (!rc &&
      !(s = scenario_load(o.e.scenario, o.e.so.sets, o.e.so.nsets, &o.e.so.lim, err, sizeof err)))
    rc = cli_usage_error("%s", err);
  if (!rc) {
    batch_opts bo = experiment_batch(&o.e, s->seed);
    select_opts so = experiment_select(&o.e, o.minimize, o.delta);
    batch_report rep;
    select_report sr;
    if (select_run(s, &bo, &so, o.e.db, &rep, &sr, err, sizeof err))
      rc = cli_usage_error("%s", err);
    else {
      if (!o.e.quiet && !o.csv)
        text_printf(stdout,
                    "%ld runs in %.2f s (%ld already done reused); the procedure's own work "
                    "%.3f s; results in %s\n",
                    rep.done + rep.failed, rep.wall_s, rep.skipped, sr.own_s, o.e.db);
      select_print(&so, &sr, o.csv, stdout);
    }
    batch_report_free(&rep);
    select_report_free(&sr);
  }
  scenario_free(s);
  experiment_opts_free(&o.e);
  return rc;
}
