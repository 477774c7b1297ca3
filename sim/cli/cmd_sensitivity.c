/*
** cmd_sensitivity.c -- `neosim sensitivity`: which uncertain inputs drive
** a metric, by the method the stored design allows (sensitivity.h), each
** index with a bootstrap 95% interval.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "err.h"
#include "sens_data.h"
#include "table.h"
#include "text.h"

const char cmd_sensitivity_help[] =
    "usage: neosim sensitivity [--db FILE] [--scenario S] --metric M...\n"
    "                          [--sweep-point K] [--format table|csv|md]\n\n"
    "Which uncertain inputs of a scenario (its key uncertain) drive a metric, by\n"
    "the method its design allows:\n"
    "  - saltelli: Sobol indices, first order S1 (Saltelli et al. 2010) and\n"
    "    total ST (Jansen 1999): the share of the metric's variance an input\n"
    "    explains alone, and with all its interactions;\n"
    "  - morris: Morris's elementary effects, mu_star (the mean absolute change\n"
    "    of the metric over a change of 0.5 in the input's probability: its\n"
    "    importance) and sigma (their spread: interactions, non-linearity);\n"
    "  - lhs and random: partial rank correlation coefficients (prcc, -1 to 1)\n"
    "    and a tornado: the metric's mean where an input is in the lowest fifth\n"
    "    of its distribution (low: probability below 0.2) and the highest (high:\n"
    "    above 0.8).\n"
    "The response at a design point is the metric's mean over the point's done\n"
    "runs; points without one are left out (the note says how many).  Each\n"
    "index comes with a 95% interval from 1000 bootstrap resamples of the\n"
    "design's base samples, trajectories or rows (the same on every run).\n\n"
    "  --db FILE        results database (default " CLI_DEFAULT_DB ")\n"
    "  --scenario S     scenario name (its latest version) or SHA-256 prefix;\n"
    "                   needed when the file holds several\n"
    "  --metric M       a metric (npv, defaulted, ...); repeatable, at least one\n"
    "  --sweep-point K  with a sweep, the sweep point whose design is analysed\n"
    "                   (default 0: points 0 to rows - 1)\n"
    "  --format F       table (default, aligned text), md (Markdown) or csv:\n"
    "                   metric,input,index,value,ci_low,ci_high\n"
    "                   (index: S1, ST, mu_star, sigma, prcc, low, high)\n\n"
    "The views sobol, morris and tornado of results/schema.sql give the same\n"
    "estimates (without intervals; PRCC needs a matrix inverse, the command only).\n"
    "Exit status 0, or 2 on a usage or database error (no design, an unknown\n"
    "metric, too few points with a response).\n";

static const char *const heads[] = {"metric", "input", "index", "value", "ci_low", "ci_high"};

/* A row: the index of one input with its interval (6 digits, or in CSV
** every digit; empty for NaN). */
static int add(table *t, const char *metric, const char *input, const char *index, sens_est e,
               table_format fmt) {
  char v[3][40];
  double x[3] = {e.value, e.lo, e.hi};
  for (int i = 0; i < 3; i++)
    snprintf(v[i], sizeof v[i], isnan(x[i]) ? "" : fmt == TABLE_CSV ? "%.17g" : "%.6g", x[i]);
  const char *cells[] = {metric, input, index, v[0], v[1], v[2]};
  return table_add(t, cells);
}

/* The indices of one metric into t; a message (and 2) on failure. */
static int analyse(store *st, const sens_data *sd, const char *metric, size_t sweep, table *t,
                   table_format fmt, FILE *note) {
  char err[ERR_LEN];
  sens_result r;
  int rc = sens_analyse(st, sd, metric, sweep, &r, err, sizeof err);
  if (rc) rc = cli_usage_error("sensitivity: %s", err);
  if (!rc && note)
    text_printf(note, "%s: %zu of %zu %s used (%ld runs)\n", metric, r.used, r.units, r.unit,
                r.runs);
  size_t k = sd->d.ninputs;
  for (size_t m = 0; !rc && m < r.nidx; m++)
    for (size_t i = 0; !rc && i < k; i++)
      if (add(t, metric, sd->d.names[i], r.names[m], r.e[m * k + i], fmt))
        rc = cli_usage_error("sensitivity: out of memory");
  sens_result_free(&r);
  return rc;
}

int cmd_sensitivity(int argc, char **argv) {
  const char *db = CLI_DEFAULT_DB, *want = NULL, *v;
  const char **metrics = NULL;
  size_t nmetrics = 0;
  long sweep = 0;
  table_format fmt = TABLE_TEXT;
  int r, rc = 0;
  for (int i = 1; i < argc && !rc; i++) {
    v = NULL;
    if ((r = cli_opt(argc, argv, &i, "--db", &v)) > 0) db = v;
    else if (r == 0 && (r = cli_opt(argc, argv, &i, "--scenario", &v)) > 0) want = v;
    else if (r == 0 && (r = cli_opt(argc, argv, &i, "--metric", &v)) > 0) {
      const char **m = realloc(metrics, (nmetrics + 1) * sizeof *m);
      if (!m) rc = cli_usage_error("sensitivity: out of memory");
      else {
        metrics = m;
        metrics[nmetrics++] = v;
      }
    } else if (r == 0 && (r = cli_opt(argc, argv, &i, "--sweep-point", &v)) > 0) {
      if (args_long(v, 0, 1000000000, &sweep))
        rc = cli_usage_error("sensitivity: --sweep-point '%s' is not a sweep point (an integer "
                             ">= 0)",
                             v);
    } else if (r == 0 && (r = cli_opt(argc, argv, &i, "--format", &v)) > 0) {
      if (table_format_parse(v, &fmt))
        rc = cli_usage_error("sensitivity: --format '%s': use table, csv or md", v);
    } else if (r == 0 && argv[i][0] == '-') {
      rc = cli_usage_error("sensitivity: unknown option '%s' (see neosim help sensitivity)",
                           argv[i]);
    } else if (r == 0) {
      rc = cli_usage_error(
          "sensitivity: unexpected argument '%s' (the database is given with --db)", argv[i]);
    }
    if (r < 0) rc = 2; /* a missing value, said */
  }
  if (!rc && nmetrics == 0) rc = cli_usage_error("sensitivity: name a metric with --metric");
  char err[ERR_LEN];
  store *st = NULL;
  sens_data sd = {0};
  table *t = NULL;
  if (!rc && !(st = store_open_read(db, err, sizeof err)))
    rc = cli_usage_error("sensitivity: %s", err);
  if (!rc && sens_read_design(st, want, &sd, err, sizeof err))
    rc = cli_usage_error("sensitivity: %s", err);
  if (!rc && (size_t)sweep >= sd.d.sweep_points)
    rc = cli_usage_error("sensitivity: --sweep-point %ld: the design has sweep points 0 to %zu",
                         sweep, sd.d.sweep_points - 1);
  if (!rc && !(t = table_new(heads, 6))) rc = cli_usage_error("sensitivity: out of memory");
  for (size_t c = 3; t && c < 6; c++) table_align_right(t, c);
  FILE *note = fmt == TABLE_CSV ? NULL : stdout;
  if (!rc && note)
    text_printf(note, "%s (version %.12s): %s design, %ld samples, %zu inputs, sweep point %ld\n",
                sd.v.name, sd.v.sha256, sd.d.kind, sd.d.samples, sd.d.ninputs, sweep);
  for (size_t m = 0; !rc && m < nmetrics; m++)
    rc = analyse(st, &sd, metrics[m], (size_t)sweep, t, fmt, note);
  if (!rc) {
    if (note) fputc('\n', note);
    table_print(t, fmt, stdout);
  }
  table_free(t);
  sens_data_free(&sd);
  store_close(st);
  free(metrics);
  return rc;
}
