/*
** cmd_compare.c -- `neosim compare`: the sweep points of one scenario
** version side by side, from the views of results/schema.sql (summary,
** paired, risk, point_params), so the command shows exactly what a
** sqlite3 query of those views gives.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "compare_data.h"
#include "err.h"
#include "table.h"
#include "text.h"

const char cmd_compare_help[] =
    "usage: neosim compare [--db FILE] [--scenario S] [--metric M]... [--baseline K]\n"
    "                      [--points P,P,...] [--against S] [--format table|csv|md]\n\n"
    "The sweep points of one scenario version side by side:\n"
    "  - each point's swept parameter values and, for each metric, the mean over\n"
    "    its replications +- the half-width of the 95% confidence interval\n"
    "    (Student t), with the number of replications;\n"
    "  - paired differences against the baseline point: replication r of every\n"
    "    point uses the same random numbers, so point - baseline is estimated\n"
    "    replication by replication; shown with its 95% CI, the half-width the\n"
    "    same difference would have from independent samples, and their ratio\n"
    "    (below 1: pairing narrowed the interval);\n"
    "  - risks: probability of default and of a covenant breach (95% Wilson\n"
    "    intervals), value at risk and conditional value at risk at 5% of the\n"
    "    minimum cash and of the NPV, share paid back and payback quantiles.\n"
    "Only runs with status 'done' count.  The figures are those of the views\n"
    "summary, paired, risk and point_params (results/schema.sql documents them),\n"
    "computed from one read of the version's metrics (0.3 s at 10^4 runs).\n\n"
    "  --db FILE        results database (default " CLI_DEFAULT_DB ")\n"
    "  --scenario S     scenario name (its latest version) or SHA-256 prefix;\n"
    "                   needed when the file holds several\n"
    "  --metric M       a metric, or a pattern with * and ? (e.g. 'od.*');\n"
    "                   repeatable; default: revenue_total, opex_total, npv,\n"
    "                   cash_min, utilization_mean (those the runs have)\n"
    "  --baseline K     the point differences are taken against (default 0)\n"
    "  --points P,...   show only these sweep points (and the baseline), e.g. 0,3,5\n"
    "  --against S      pair each point with the same point of another version S\n"
    "                   (a name or SHA-256 prefix, e.g. the same file run with\n"
    "                   another --set) instead of the baseline: this - that,\n"
    "                   replication by replication; CSV column baseline: the point\n"
    "  --format F       table (default, aligned text), md (Markdown) or csv\n"
    "                   (one row per point and metric, every figure at full\n"
    "                   precision; risk figures as metrics 'risk.<column>')\n\n"
    "Money is in $, payback in years.  Exit status 0, or 2 on a usage or\n"
    "database error.\n";

static const char *const default_metrics[] = {"revenue_total", "opex_total", "npv", "cash_min",
                                              "utilization_mean"};

/* What is shown: the figures read (compare_data.h) and the baseline. */
typedef struct cmp {
  compare_data d;
  long baseline;
  size_t base_i;       /* index of the baseline in d.point[]; SIZE_MAX with --against */
  int against;         /* paired against another version's same point */
  store_version other; /* that version */
} cmp;

static int push(char ***v, size_t *n, const char *s) {
  char **nv = realloc(*v, (*n + 1) * sizeof *nv);
  if (!nv) return -1;
  *v = nv;
  if (!(nv[*n] = strdup(s ? s : ""))) return -1;
  (*n)++;
  return 0;
}

static void free_strs(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

/* ---- formatting ------------------------------------------------------- */

/* The unit a magnitude prints in: B, M, k or none. */
static double scale(double mag, const char **suffix) {
  static const struct {
    double div;
    const char *s;
  } u[] = {{1e9, "B"}, {1e6, "M"}, {1e4, "k"}};
  for (size_t i = 0; i < sizeof u / sizeof u[0]; i++)
    if (mag >= u[i].div) {
      *suffix = u[i].s;
      return u[i].s[0] == 'k' ? 1e3 : u[i].div;
    }
  *suffix = "";
  return 1;
}

/* Decimals that give ci (in units of div) two significant digits. */
static int decimals(double ci, double div) {
  int d = 1 - (int)floor(log10(ci / div));
  return d < 0 ? 0 : d > 8 ? 8 : d;
}

/* "± ci" alone, in the unit and decimals "ref ± ci" would have. */
static void fmt_half(char *buf, size_t n, double ci, double ref) {
  const char *u;
  double div = scale(fmax(fabs(ref), ci), &u);
  if (isnan(ci)) buf[0] = '\0';
  else if (ci <= 1e-9 * fabs(ref) || ci == 0) snprintf(buf, n, "\u00b1 0");
  else snprintf(buf, n, "\u00b1 %.*f%s", decimals(ci, div), ci / div, u);
}

/* "mean ± ci" with the interval's two significant digits setting the
** decimals of both ("1.2953M ± 0.0037M"); "mean" alone when ci is NaN;
** sign: "+" in front of positive means (differences). */
static void fmt_pm(char *buf, size_t n, double mean, double ci, int sign) {
  const char *u;
  if (isnan(mean)) {
    snprintf(buf, n, "-");
    return;
  }
  double div = scale(fmax(fabs(mean), isnan(ci) ? 0 : ci), &u);
  const char *plus = sign && mean > 0 ? "+" : "";
  if (isnan(ci)) {
    snprintf(buf, n, "%s%.4g%s", plus, mean / div, u);
    return;
  }
  if (ci <= 1e-9 * fabs(mean) || ci == 0) { /* the same in every replication */
    snprintf(buf, n, "%s%.6g%s \u00b1 0", plus, mean / div, u);
    return;
  }
  int d = decimals(ci, div);
  snprintf(buf, n, "%s%.*f%s \u00b1 %.*f%s", plus, d, mean / div, u, d, ci / div, u);
}

static void fmt_num(char *buf, size_t n, double x) { fmt_pm(buf, n, x, (double)NAN, 0); }

static void fmt_prob(char *buf, size_t n, double p, double lo, double hi) {
  if (isnan(p)) snprintf(buf, n, "-");
  else snprintf(buf, n, "%.3f [%.3f, %.3f]", p, lo, hi);
}

static void fmt_full(char *buf, size_t n, double x) {
  if (isnan(x)) buf[0] = '\0';
  else snprintf(buf, n, "%.17g", x);
}

/* ---- output ----------------------------------------------------------- */

#define CELL 96

/* A table of nrows x ncols cells: fill(c, row, col, buf) returns the text
** of one, formatted into buf (CELL bytes: numbers) or a string of c as it
** is (names and swept values, whatever their length: a cut name could
** read as another's, in csv above all). */
typedef const char *(*fill_fn)(const cmp *c, size_t row, size_t col, char *buf);

static int emit(const cmp *c, const char *const *heads, size_t ncols, size_t nrows,
                size_t first_right, fill_fn fill, table_format fmt) {
  table *t = table_new(heads, ncols);
  char *buf = malloc(ncols * CELL);
  const char **cells = malloc(ncols * sizeof *cells);
  int rc = t && buf && cells ? 0 : -1;
  for (size_t k = first_right; t && k < ncols; k++) table_align_right(t, k);
  for (size_t r = 0; r < nrows && rc == 0; r++) {
    for (size_t k = 0; k < ncols; k++) {
      buf[k * CELL] = '\0';
      cells[k] = fill(c, r, k, buf + k * CELL);
    }
    rc = table_add(t, cells);
  }
  if (rc == 0) table_print(t, fmt, stdout);
  table_free(t);
  free(buf);
  free(cells);
  return rc ? cli_usage_error("compare: out of memory") : 0;
}

/* The swept value of key k (0-based) at point p, "" when it has none. */
static const char *keyval(const cmp *c, size_t p, size_t k) {
  const char *v = c->d.keyval[p * c->d.nkey + k];
  return v ? v : "";
}

static const char *fill_means(const cmp *c, size_t r, size_t k, char *buf) {
  if (k == 0) snprintf(buf, CELL, "%ld", c->d.point[r]);
  else if (k <= c->d.nkey) return keyval(c, r, k - 1);
  else {
    const compare_cell *x = &c->d.cells[r * c->d.nmetric + k - 1 - c->d.nkey];
    char pm[64];
    fmt_pm(pm, sizeof pm, x->mean, x->ci95, 0);
    snprintf(buf, CELL, "%s (%ld)", pm, x->n);
  }
  return buf;
}

/* Paired rows: every (point other than the baseline, metric). */
static const char *fill_paired(const cmp *c, size_t r, size_t k, char *buf) {
  size_t p = r / c->d.nmetric, m = r % c->d.nmetric;
  if (!c->against && p >= c->base_i) p++;
  const compare_cell *x = &c->d.cells[p * c->d.nmetric + m];
  switch (k) {
  case 0: snprintf(buf, CELL, "%ld", c->d.point[p]); break;
  case 1: return c->d.metric[m];
  case 2: fmt_pm(buf, CELL, x->diff, x->diff_ci95, 1); break;
  case 3: fmt_half(buf, CELL, x->diff_ci95_unpaired, x->diff); break;
  case 4:
    if (!isnan(x->ratio)) snprintf(buf, CELL, "%.2f", x->ratio);
    break;
  default: snprintf(buf, CELL, "%ld", x->npaired);
  }
  return buf;
}

static const char *fill_risk(const cmp *c, size_t r, size_t k, char *buf) {
  const double *x = &c->d.risk[r * COMPARE_NRISK];
  switch (k) {
  case 0: snprintf(buf, CELL, "%ld", c->d.point[r]); break;
  case 1:
    if (!isnan(x[0])) snprintf(buf, CELL, "%.0f", x[0]);
    break;
  case 2: fmt_prob(buf, CELL, x[1], x[2], x[3]); break;
  case 3: fmt_prob(buf, CELL, x[4], x[5], x[6]); break;
  case 4:
  case 5:
  case 6:
  case 7: fmt_num(buf, CELL, x[k + 3]); break;
  case 8:
    if (!isnan(x[11])) snprintf(buf, CELL, "%.3f", x[11]);
    break;
  default: {
    char q[3][24];
    for (int i = 0; i < 3; i++) {
      if (isnan(x[12 + i])) snprintf(q[i], sizeof q[i], "never");
      else snprintf(q[i], sizeof q[i], "%.2f", x[12 + i]);
    }
    if (!isnan(x[0])) snprintf(buf, CELL, "%s / %s / %s of %.0f", q[0], q[1], q[2], x[0]);
  }
  }
  return buf;
}

/* csv: one row per (point, metric), then the risk figures as metrics. */
static size_t csv_cols(const cmp *c) {
  return 1 + c->d.nkey + 11;
} /* point, keys, metric .. width_ratio */

static const char *fill_csv(const cmp *c, size_t r, size_t k, char *buf) {
  size_t per = c->d.nmetric + COMPARE_NRISK, p = r / per, m = r % per;
  if (k == 0) {
    snprintf(buf, CELL, "%ld", c->d.point[p]);
    return buf;
  }
  if (k <= c->d.nkey) return keyval(c, p, k - 1);
  k -= c->d.nkey + 1;
  if (m >= c->d.nmetric) { /* risk.<column> */
    if (k == 0) snprintf(buf, CELL, "risk.%s", compare_risk_cols[m - c->d.nmetric]);
    else if (k == 2) fmt_full(buf, CELL, c->d.risk[p * COMPARE_NRISK + m - c->d.nmetric]);
    else if (k == 1) fmt_full(buf, CELL, c->d.risk[p * COMPARE_NRISK]);
    return buf;
  }
  const compare_cell *x = &c->d.cells[p * c->d.nmetric + m];
  double v[] = {(double)x->n,
                x->mean,
                x->sd,
                x->ci95,
                (double)(c->against ? c->d.point[p] : c->baseline),
                (double)x->npaired,
                x->diff,
                x->diff_ci95,
                x->diff_ci95_unpaired,
                x->ratio};
  if (k == 0) return c->d.metric[m];
  if (p != c->base_i || k < 5) fmt_full(buf, CELL, v[k - 1]); /* none to itself */
  return buf;
}

/* A section's title and what its figures are. */
static void section(table_format fmt, const char *title, const char *note) {
  if (fmt == TABLE_MD) printf("\n### %s\n\n%s\n\n", title, note);
  else printf("\n%s: %s\n\n", title, note);
}

static int print_all(const cmp *c, table_format fmt) {
  size_t nk = c->d.nkey;
  const char **heads = calloc(csv_cols(c) + c->d.nmetric + 1, sizeof *heads);
  int rc = 0;
  if (!heads) return cli_usage_error("compare: out of memory");
  heads[0] = "point";
  for (size_t k = 0; k < nk; k++) heads[1 + k] = c->d.key[k];
  if (fmt == TABLE_CSV) {
    static const char *const rest[] = {
        "metric",     "n",        "mean", "sd",        "ci95",
        "baseline",   "n_paired", "diff", "diff_ci95", "diff_ci95_unpaired",
        "width_ratio"};
    for (size_t k = 0; k < 11; k++) heads[1 + nk + k] = rest[k];
    rc = emit(c, heads, csv_cols(c), c->d.npoint * (c->d.nmetric + COMPARE_NRISK), csv_cols(c),
              fill_csv, fmt); /* no alignment */
    free(heads);
    return rc;
  }
  text_printf(stdout, "%sScenario %s (sha256 %.12s): %zu points, %ld runs done, %ld failed\n",
              fmt == TABLE_MD ? "## " : "", c->d.v.name, c->d.v.sha256, c->d.npoint,
              c->d.v.runs_done, c->d.v.runs_failed);
  section(fmt, "Metrics by point",
          "mean \u00b1 95% CI half-width (Student t) over the replications done (n)");
  for (size_t m = 0; m < c->d.nmetric; m++) heads[1 + nk + m] = c->d.metric[m];
  rc = emit(c, heads, 1 + nk + c->d.nmetric, c->d.npoint, 1 + nk, fill_means, fmt);
  if (!rc && (c->d.npoint > 1 || c->against)) {
    static const char *const ph[] = {"point",           "metric",      "difference",
                                     "unpaired \u00b1", "width ratio", "n"};
    char title[400], name[256];
    if (c->against) {
      text_escape(name, sizeof name, c->other.name, strlen(c->other.name), TEXT_LINE);
      snprintf(title, sizeof title, "Paired differences against scenario %s (sha256 %.12s)", name,
               c->other.sha256);
    } else snprintf(title, sizeof title, "Paired differences against point %ld", c->baseline);
    section(fmt, title,
            c->against ? "this version - that one at the same point, replication by "
                         "replication (common random numbers when both ran with one seed), "
                         "mean \u00b1 95% CI;\n"
                         "unpaired \u00b1: the half-width from independent samples; "
                         "width ratio = paired / unpaired"
                       : "point - baseline, replication by replication (common random "
                         "numbers), mean \u00b1 95% CI;\n"
                         "unpaired \u00b1: the half-width from independent samples; "
                         "width ratio = paired / unpaired");
    rc = emit(c, ph, 6, (c->d.npoint - (c->against ? 0 : 1)) * c->d.nmetric, 2, fill_paired, fmt);
  }
  if (!rc) {
    static const char *const rh[] = {"point",
                                     "n",
                                     "P(default) [95% CI]",
                                     "P(breach) [95% CI]",
                                     "cash_min VaR5%",
                                     "cash_min CVaR5%",
                                     "npv VaR5%",
                                     "npv CVaR5%",
                                     "paid back",
                                     "payback p10/p50/p90 (years)"};
    section(
        fmt, "Risk",
        "VaR5%: the 5% quantile over replications (5% end at or below it); CVaR5%: the mean of that"
        " worst 5%;\nprobabilities with 95% Wilson intervals; payback quantiles are over all the"
        " point's n runs ('of n'),\nthose not paid back by the horizon counted as the longest"
        " ('never'); a run never below zero pays back at 0");
    rc = emit(c, rh, 10, c->d.npoint, 1, fill_risk, fmt);
  }
  free(heads);
  return rc;
}

/* ---- the command ------------------------------------------------------ */

/* --points 0,3,5: the points to show, into *only (*n of them). */
static int parse_points(const char *v, long **only, size_t *n) {
  const char *p = v;
  while (*p) {
    char num[32];
    size_t len = strcspn(p, ",");
    long pt;
    if (len == 0 || len >= sizeof num)
      return cli_usage_error("compare: --points '%s': give points as 0,3,5", v);
    snprintf(num, sizeof num, "%.*s", (int)len, p);
    if (args_long(num, 0, 1000000000, &pt))
      return cli_usage_error("compare: --points '%s': '%s' is not a sweep point (an integer >= 0)",
                             v, num);
    long *m = realloc(*only, (*n + 1) * sizeof *m);
    if (!m) return cli_usage_error("compare: out of memory");
    *only = m;
    m[(*n)++] = pt;
    p += len;
    if (*p == ',' && !*++p) return cli_usage_error("compare: --points '%s': a trailing comma", v);
  }
  if (*n == 0) return cli_usage_error("compare: --points: name at least one point");
  return 0;
}

static int read_all(cmp *c, store *st, const char *want, const char *against, char **pat,
                    size_t npat, const long *only, size_t nonly) {
  char err[ERR_LEN];
  const char *const *p = npat ? (const char *const *)pat : default_metrics;
  size_t n = npat ? npat : sizeof default_metrics / sizeof *default_metrics;
  long base;
  if (compare_read_points(st, want, only, nonly, &c->d, err, sizeof err))
    return cli_usage_error("compare: %s", err);
  if (c->against) {
    if (store_pick_scenario(st, against, &c->other, err, sizeof err))
      return cli_usage_error("compare: --against: %s", err);
    if (strcmp(c->other.sha256, c->d.v.sha256) == 0)
      return cli_usage_error("compare: --against '%s' is the version compared itself (%.12s)",
                             against, c->d.v.sha256);
    c->base_i = SIZE_MAX;
  } else if ((base = compare_point_index(&c->d, c->baseline)) < 0)
    return cli_usage_error(
        "compare: --baseline %ld: %s has no runs of point %ld of '%s' (points %ld to %ld)",
        c->baseline, store_path(st), c->baseline, c->d.v.name, c->d.point[0],
        c->d.point[c->d.npoint - 1]);
  else c->base_i = (size_t)base;
  if (compare_read_cells(st, &c->d, p, n, npat == 0, c->baseline,
                         c->against ? c->other.sha256 : NULL, err, sizeof err))
    return cli_usage_error("compare: %s", err);
  if (!c->d.nmetric)
    return cli_usage_error(
        "compare: the runs of '%s' in %s have none of the default metrics; name some with --metric",
        c->d.v.name, store_path(st));
  return 0;
}

int cmd_compare(int argc, char **argv) {
  const char *db = CLI_DEFAULT_DB, *want = NULL, *against = NULL, *v;
  int baseline_set = 0;
  char **pat = NULL, err[ERR_LEN];
  size_t npat = 0, nonly = 0;
  long *only = NULL; /* --points */
  table_format fmt = TABLE_TEXT;
  cmp c = {0};
  int r, rc = 0;
  for (int i = 1; i < argc && !rc; i++) {
    v = NULL;
    if ((r = cli_opt(argc, argv, &i, "--db", &v)) > 0) db = v;
    else if (r == 0 && (r = cli_opt(argc, argv, &i, "--scenario", &v)) > 0) want = v;
    else if (r == 0 && (r = cli_opt(argc, argv, &i, "--metric", &v)) > 0) {
      if (push(&pat, &npat, v)) rc = cli_usage_error("compare: out of memory");
    } else if (r == 0 && (r = cli_opt(argc, argv, &i, "--against", &v)) > 0) {
      against = v;
    } else if (r == 0 && (r = cli_opt(argc, argv, &i, "--baseline", &v)) > 0) {
      baseline_set = 1;
      if (args_long(v, 0, 1000000000, &c.baseline))
        rc = cli_usage_error("compare: --baseline '%s' is not a sweep point (an integer >= 0)", v);
    } else if (r == 0 && (r = cli_opt(argc, argv, &i, "--points", &v)) > 0) {
      rc = parse_points(v, &only, &nonly);
    } else if (r == 0 && (r = cli_opt(argc, argv, &i, "--format", &v)) > 0) {
      if (table_format_parse(v, &fmt))
        rc = cli_usage_error("compare: --format '%s': use table, csv or md", v);
    } else if (r == 0 && argv[i][0] == '-') {
      rc = cli_usage_error("compare: unknown option '%s' (see neosim help compare)", argv[i]);
    } else if (r == 0) {
      rc = cli_usage_error("compare: unexpected argument '%s' (the database is given with --db)",
                           argv[i]);
    }
    if (r < 0) rc = 2; /* a missing value, said */
  }
  store *st = NULL;
  if (!rc && !(st = store_open_read(db, err, sizeof err))) rc = cli_usage_error("compare: %s", err);
  if (!rc && nonly && !against) { /* the baseline is always shown */
    int has = 0;
    for (size_t k = 0; k < nonly; k++) has |= only[k] == c.baseline;
    long *more = has ? only : realloc(only, (nonly + 1) * sizeof *more);
    if (!more) rc = cli_usage_error("compare: out of memory");
    else {
      only = more;
      if (!has) only[nonly++] = c.baseline;
    }
  }
  if (!rc && against && baseline_set)
    rc = cli_usage_error("compare: --against pairs each point with the same point of another "
                         "version: not with --baseline");
  c.against = against != NULL;
  if (!rc) rc = read_all(&c, st, want, against, pat, npat, only, nonly);
  if (!rc) rc = print_all(&c, fmt);
  compare_data_free(&c.d);
  free_strs(pat, npat);
  free(only);
  store_close(st);
  return rc;
}
