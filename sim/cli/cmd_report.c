/*
** cmd_report.c -- `neosim report [--db FILE] -o FILE.html`: one self-contained
** HTML page (inline CSS and SVG, nothing fetched) with the charts of a
** scenario version: cash fan, revenue by tenant kind, utilisation, market
** prices with shocks, NPV distribution.
*/
#define _GNU_SOURCE /* fopencookie: the page is made in a bounded buffer */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "calendar.h"
#include "cli.h"
#include "err.h"
#include "model.h"
#include "outfile.h"
#include "report_data.h"
#include "report_sens.h"
#include "store_pick.h"
#include "svg.h"
#include "units.h"

const char cmd_report_help[] =
    "usage: neosim report [--db FILE] [--scenario NAME|SHA256-PREFIX] -o FILE.html\n"
    "                     [--max-mb N]\n\n"
    "Write one self-contained HTML page (inline CSS and SVG: no scripts, fonts\n"
    "or anything else fetched) with the charts of a scenario version's runs.\n\n"
    "  --db FILE         the results database, read only (default " CLI_DEFAULT_DB ")\n"
    "  --scenario S      the scenario version: a name (its latest version) or the\n"
    "                    first 4-64 hex digits of its SHA-256; needed when the\n"
    "                    database holds several\n"
    "  -o, --output FILE where to write the page ('-' for standard output); a\n"
    "                    regular file is replaced only once the page is complete,\n"
    "                    anything else (a device, a FIFO, a symlink) is written to\n"
    "  --max-mb N        the largest page to write, in MB (default 256, at most\n"
    "                    4096): the page is made in memory first, and one that would\n"
    "                    be larger is refused with nothing written; a version with\n"
    "                    runs at points beyond 999 is refused too\n\n"
    "The page shows:\n"
    "  - the version: name, SHA-256, runs done and failed, replications, seeds,\n"
    "    and per sweep point its swept values, median NPV and minimum cash,\n"
    "    the share of runs with NPV < 0 and of runs that defaulted; the commonest\n"
    "    errors of failed runs;\n"
    "  - cash per point: a fan chart of the median, 25-75% and 5-95% bands over\n"
    "    replications at each monthly sample;\n"
    "  - revenue by tenant kind per point (series revenue.reserved, .on_demand,\n"
    "    .spot): the mean over replications, in $ per month (each sample's period\n"
    "    revenue divided by the period's length, times 30.44 days);\n"
    "  - utilisation per point: mean and 5-95% band, and with several sites each\n"
    "    site's mean (series utilization.<site>, on the nodes it still had);\n"
    "  - nodes by state per point (series nodes.<state>): the mean count of each\n"
    "    state a node was in;\n"
    "  - market price of each SKU per point (series market.<sku>): median and\n"
    "    5-95% band, with the shocks of one run marked (the done run of lowest\n"
    "    point and replication; dated shocks hit every run alike, random ones\n"
    "    differ) and a table counting every shock over all runs;\n"
    "  - NPV per point: a histogram over replications, bins shared by points;\n"
    "  - the financial statements per point by year of the run (series is.*,\n"
    "    bs.*, cf.*): flows summed over the year, balances at its end, each\n"
    "    the median over the runs that reached the year.\n"
    "Statistics are over the runs with status done; at a sample time, over the\n"
    "runs that have a sample then (a run that defaulted stops sampling).\n"
    "Quantiles interpolate linearly between order statistics (type 7, as R's\n"
    "and NumPy's default).  Dates come from the scenario's start parameter.\n"
    "A chart whose series is missing (no reserved tenants, no market) is\n"
    "replaced by a message; with one replication there are no bands.\n"
    "The same database gives the same page, byte for byte (past 1000 runs two\n"
    "threads read the series when the machine has two cores; NEOSIM_READ_THREADS=1\n"
    "in the environment keeps to one).\n\n"
    "Exit status: 0 written, 2 usage or database error (not a neosim database,\n"
    "no such scenario, output not writable).\n";

enum {
  S_CASH,
  S_UTIL,
  S_REV_RESERVED,
  S_REV_ON_DEMAND,
  S_REV_SPOT,
  S_MARKET
}; /* then one per SKU */
static const char *const fixed_series[] = {"cash", "utilization", "revenue.reserved",
                                           "revenue.on_demand", "revenue.spot"};
#define NFIXED (sizeof fixed_series / sizeof fixed_series[0])

/* The lines of the statements table: a series and its label; a NULL
** series heads a statement. */
static const struct {
  const char *series, *label;
} stmt_lines[] = {
    {NULL, "Income statement (in the year)"},
    {"is.revenue", "revenue, net of SLA credits"},
    {"is.opex", "operating costs"},
    {"is.ebitda", "EBITDA"},
    {"is.depreciation", "depreciation"},
    {"is.write_off", "write-off of lost nodes"},
    {"is.gain_on_sale", "gain on sale"},
    {"is.interest", "interest"},
    {"is.tax", "tax"},
    {"is.net_income", "net income"},
    {NULL, "Balance sheet (at the year's end)"},
    {"bs.cash", "cash"},
    {"bs.receivables", "receivables"},
    {"bs.deposits", "order deposits"},
    {"bs.equipment_net", "equipment, net"},
    {"bs.assets", "total assets"},
    {"bs.contract_liabilities", "contract liabilities"},
    {"bs.accrued_interest", "accrued interest"},
    {"bs.debt", "debt"},
    {"bs.liabilities", "total liabilities"},
    {"bs.equity", "equity"},
    {NULL, "Cash flows (in the year)"},
    {"cf.operating", "operating"},
    {"cf.investing", "investing"},
    {"cf.financing", "financing"},
    {"cf.net", "net change in cash"},
};
#define NSTMT (sizeof stmt_lines / sizeof stmt_lines[0])
#define CHART_W 560.0
#define CHART_H 300.0
#define MAX_ERRORS 5 /* kinds of failure listed */
/* The largest page by default (--max-mb), and the most --max-mb allows. */
#define DEFAULT_MAX_MB 256
#define MAX_MAX_MB 4096

/* Everything the page shows, read before writing it. */
typedef struct report {
  const char *file; /* the database, as given */
  store_version v;  /* the scenario version */
  report_info in;
  int dated;      /* the start date is known: time axes show dates */
  long date0;     /* its day number */
  double horizon; /* the last sample day */
  char **market;  /* the market.<sku> series */
  size_t nmarket;
  double *release;              /* [nmarket]: the SKU's release, days since the start (NaN: none) */
  char state[NODE_NSTATES][32]; /* the nodes.<state> series */
  char **site;                  /* the utilization.<site> series */
  size_t nsite;
  size_t nseries;      /* NFIXED + nmarket + NODE_NSTATES + nsite, in that order */
  report_curve *curve; /* [series * npoints + point] */
  report_values *npv, *cash_min, *default_day; /* [npoints] */
  report_values *npv_int, *internal;           /* npv_with_internal, internal_value_total */
  report_values *payback;                      /* payback_years (NULL: never, left out) */
  const report_values *hist; /* the NPV histograms': npv, or npv_with_internal where own use
                                is valued (some run's internal_value_total > 0) */
  report_shocks shocks;
  char **shock_sku;        /* [shocks.n]: the SKU a shock is about; "" when a site's or a
                              tenant's (it hits no market index); NULL when it hits all */
  report_sens sens;        /* indices of npv, with a design of uncertain inputs */
  report_statements stmts; /* by point, line (stmt_lines) and year */
  report_failure *fail;    /* the commonest errors of failed runs */
  size_t nfail;
  FILE *f; /* the page being written */
} report;

/* ---- reading ------------------------------------------------------------ */

static const report_curve *curve(const report *r, size_t series, int point) {
  return &r->curve[series * (size_t)r->in.npoints + (size_t)point];
}

/* The series of node state s, and of the site utilisation i. */
static size_t state_series(const report *r, int s) { return NFIXED + r->nmarket + (size_t)s; }
static size_t site_series(const report *r, size_t i) { return state_series(r, NODE_NSTATES) + i; }

/* The charts' curves and the statements, in one pass over the series. */
static int read_curves(report *r, store *st, char *err, size_t errlen) {
  const char **names = calloc(r->nseries, sizeof *names);
  size_t n = r->nseries * (size_t)r->in.npoints;
  r->curve = calloc(n ? n : 1, sizeof *r->curve);
  if (!names || !r->curve) {
    free(names);
    snprintf(err, errlen, "%s: out of memory", r->file);
    return -1;
  }
  for (size_t k = 0; k < r->nseries; k++)
    names[k] = k < NFIXED               ? fixed_series[k]
               : k < state_series(r, 0) ? r->market[k - NFIXED]
               : k < site_series(r, 0)  ? r->state[k - state_series(r, 0)]
                                        : r->site[k - site_series(r, 0)];
  const char *lines[NSTMT];
  for (size_t k = 0; k < NSTMT; k++) lines[k] = stmt_lines[k].series ? stmt_lines[k].series : "";
  int rc = report_read_series_statements(st, r->v.sha256, names, r->nseries, lines, NSTMT,
                                         r->in.npoints, r->curve, &r->stmts, err, errlen);
  free(names);
  for (size_t i = 0; rc == 0 && i < n; i++)
    if (r->curve[i].n) r->horizon = fmax(r->horizon, r->curve[i].at[r->curve[i].n - 1].t_days);
  return rc;
}

static int read_metrics(report *r, store *st, char *err, size_t errlen) {
  size_t np = (size_t)r->in.npoints ? (size_t)r->in.npoints : 1;
  r->npv = calloc(np, sizeof *r->npv);
  r->cash_min = calloc(np, sizeof *r->cash_min);
  r->default_day = calloc(np, sizeof *r->default_day);
  r->npv_int = calloc(np, sizeof *r->npv_int);
  r->internal = calloc(np, sizeof *r->internal);
  r->payback = calloc(np, sizeof *r->payback);
  if (!r->npv || !r->cash_min || !r->default_day || !r->npv_int || !r->internal || !r->payback)
    return err_set(err, errlen, "%s: out of memory", r->file);
  if (report_read_metric(st, r->v.sha256, "npv", r->in.npoints, r->npv, err, errlen) ||
      report_read_metric(st, r->v.sha256, "cash_min", r->in.npoints, r->cash_min, err, errlen) ||
      report_read_metric(st, r->v.sha256, "default_day", r->in.npoints, r->default_day, err,
                         errlen) ||
      report_read_metric(st, r->v.sha256, "npv_with_internal", r->in.npoints, r->npv_int, err,
                         errlen) ||
      report_read_metric(st, r->v.sha256, "internal_value_total", r->in.npoints, r->internal, err,
                         errlen) ||
      report_read_metric(st, r->v.sha256, "payback_years", r->in.npoints, r->payback, err, errlen))
    return -1;
  r->hist = r->npv;
  for (int p = 0; p < r->in.npoints; p++) /* sorted: the largest is last */
    if (r->internal[p].n && r->internal[p].v[r->internal[p].n - 1] > 0) r->hist = r->npv_int;
  return 0;
}

/* What each shock of the representative run is about, from the params of
** the shocks (shocks.<i>.name, or "shocks[<i>]", and .sku, .site, .tenant). */
static int read_shock_targets(report *r, store *st, char *err, size_t errlen) {
  if (!(r->shock_sku = calloc(r->shocks.n + 1, sizeof *r->shock_sku)))
    return err_set(err, errlen, "%s: out of memory", r->file);
  for (int i = 1; r->shocks.n > 0; i++) {
    static const char *const field[] = {"kind", "name", "sku", "site", "tenant"};
    char *v[5] = {NULL}, key[64], dflt[32];
    int rc = 0;
    for (int f = 0; !rc && f < 5; f++) {
      snprintf(key, sizeof key, "shocks.%d.%s", i, field[f]);
      rc = report_read_param(st, r->v.sha256, key, &v[f], err, errlen);
    }
    int more = !rc && v[0] != NULL; /* every shock has a kind */
    snprintf(dflt, sizeof dflt, "shocks[%d]", i);
    for (size_t k = 0; more && k < r->shocks.n; k++)
      if (strcmp(r->shocks.s[k].name, v[1] ? v[1] : dflt) == 0 && !r->shock_sku[k])
        r->shock_sku[k] = strdup(v[2] ? v[2] : (v[3] || v[4]) ? "" : "*");
    for (int f = 0; f < 5; f++) free(v[f]);
    if (rc) return -1;
    if (!more) break;
  }
  for (size_t k = 0; k < r->shocks.n; k++) /* "*": hits all; NULL the same */
    if (r->shock_sku[k] && strcmp(r->shock_sku[k], "*") == 0) {
      free(r->shock_sku[k]);
      r->shock_sku[k] = NULL;
    }
  return 0;
}

/* Does shock k of the representative run hit the market index of sku? */
static int shock_hits(const report *r, size_t k, const char *sku) {
  return !r->shock_sku[k] || strcmp(r->shock_sku[k], sku) == 0;
}

/* Each market's SKU's release (param skus.<sku>.release, a date), when dated. */
static int read_releases(report *r, store *st, char *err, size_t errlen) {
  if (!(r->release = malloc((r->nmarket + 1) * sizeof *r->release)))
    return err_set(err, errlen, "%s: out of memory", r->file);
  for (size_t i = 0; i < r->nmarket; i++) {
    char key[300], *v = NULL;
    long day;
    r->release[i] = NAN;
    snprintf(key, sizeof key, "skus.%.256s.release", r->market[i] + strlen("market."));
    if (report_read_param(st, r->v.sha256, key, &v, err, errlen)) return -1;
    if (v && r->dated && cal_parse(v, &day) == 0 && day > r->date0)
      r->release[i] = (double)(day - r->date0);
    free(v);
  }
  return 0;
}

static int read_report(report *r, store *st, const char *want, char *err, size_t errlen) {
  if (store_pick_scenario(st, want, &r->v, err, errlen) ||
      report_read_info(st, r->v.sha256, &r->in, err, errlen) ||
      report_series_names(st, r->v.sha256, "market.", &r->market, &r->nmarket, err, errlen) ||
      report_series_names(st, r->v.sha256, "utilization.", &r->site, &r->nsite, err, errlen))
    return -1;
  r->dated = r->in.start && cal_parse(r->in.start, &r->date0) == 0;
  for (int s = 0; s < NODE_NSTATES; s++)
    snprintf(r->state[s], sizeof r->state[s], "nodes.%s", node_state_name((node_state)s));
  r->nseries = site_series(r, r->nsite);
  if (read_releases(r, st, err, errlen)) return -1;
  if (read_curves(r, st, err, errlen) || read_metrics(r, st, err, errlen) ||
      report_read_shocks(st, r->v.sha256, &r->shocks, err, errlen) ||
      read_shock_targets(r, st, err, errlen) ||
      report_read_failures(st, r->v.sha256, MAX_ERRORS, &r->fail, &r->nfail, err, errlen) ||
      report_sens_read(st, &r->v, &r->sens, err, errlen))
    return -1;
  return 0;
}

static void free_report(report *r) {
  size_t np = (size_t)r->in.npoints;
  report_sens_free(&r->sens);
  free(r->release);
  report_curves_free(r->curve, r->nseries * np);
  free(r->curve);
  report_values_free(r->npv, np);
  report_values_free(r->npv_int, np);
  report_values_free(r->internal, np);
  report_values_free(r->payback, np);
  report_values_free(r->cash_min, np);
  report_values_free(r->default_day, np);
  free(r->npv);
  free(r->npv_int);
  free(r->internal);
  free(r->payback);
  free(r->cash_min);
  free(r->default_day);
  report_names_free(r->market, r->nmarket);
  report_names_free(r->site, r->nsite);
  for (size_t i = 0; r->shock_sku && i < r->shocks.n; i++) free(r->shock_sku[i]);
  free(r->shock_sku);
  report_shocks_free(&r->shocks);
  report_statements_free(&r->stmts);
  report_failures_free(r->fail, r->nfail);
  report_info_free(&r->in);
}

/* ---- page pieces -------------------------------------------------------- */

static const char page_css[] =
    "body{font-family:sans-serif;color:#222;margin:20px auto;max-width:1180px;padding:0 10px}\n"
    "h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;margin-top:30px;border-bottom:1px "
    "solid #ddd}\n"
    "table{border-collapse:collapse;font-size:13px;margin:8px 0}\n"
    "td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}\n"
    "th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".grid{display:flex;flex-wrap:wrap;gap:12px}\n"
    "figure{margin:0;border:1px solid #e4e4e4;padding:4px;width:562px}\n"
    "figcaption{font-size:12px;color:#555;padding:2px 4px}\n"
    ".missing{width:560px;height:110px;display:flex;align-items:center;justify-content:center;"
    "background:#f6f6f6;color:#666;font-size:13px;text-align:center}\n"
    "p.note{font-size:13px;color:#444;max-width:1100px}code{font-size:12px}\n";

static void esc(report *r, const char *s) { svg_escape(r->f, s ? s : ""); }

/* A value as text: dollars, percent or a plain number (svg.h formats). */
static const char *fmt(char *buf, size_t len, double v, svg_format format) {
  svg_format_value(buf, len, v, format, 0);
  return buf;
}

/* A day of the run as a date (or "day N" without a start date). */
static const char *day_str(const report *r, char *buf, size_t len, double t) {
  if (r->dated) svg_format_value(buf, len, t, SVG_DATE, r->date0);
  else snprintf(buf, len, "day %.0f", t);
  return buf;
}

/* Unix seconds as "YYYY-MM-DD HH:MM:SS UTC" (or "unknown"). */
static const char *utc_str(char *buf, size_t len, double t) {
  struct tm tm;
  time_t s = (time_t)t;
  if (!isfinite(t) || !gmtime_r(&s, &tm) || !strftime(buf, len, "%Y-%m-%d %H:%M:%S UTC", &tm))
    snprintf(buf, len, "unknown");
  return buf;
}

/* "key=value, key=value" of a point, escaped. */
static void point_params(report *r, int p) {
  const report_point *pt = &r->in.point[p];
  if (pt->nparam == 0) fputs("no swept values", r->f);
  for (size_t i = 0; i < pt->nparam; i++) {
    fputs(i ? ", " : "", r->f);
    esc(r, pt->param[i].name);
    fputc('=', r->f);
    esc(r, pt->param[i].value ? pt->param[i].value : "NULL");
  }
}

static void missing(report *r, const char *msg) {
  fputs("<div class=\"missing\">", r->f);
  esc(r, msg);
  fputs("</div>\n", r->f);
}

static void section(report *r, const char *id, const char *title, const char *note) {
  fprintf(r->f, "<h2 id=\"%s\">", id);
  esc(r, title);
  fputs("</h2>\n<p class=\"note\">", r->f);
  esc(r, note);
  fputs("</p>\n", r->f);
}

static svg_axis time_axis(const report *r) {
  return (svg_axis){.lo = 0,
                    .hi = r->horizon,
                    .format = r->dated ? SVG_DATE : SVG_NUMBER,
                    .date0 = r->date0,
                    .label = r->dated ? "date (monthly samples)" : "days since the start (days)"};
}

/* A value axis from lo to hi, widened to whole ticks. */
static svg_axis value_axis(double lo, double hi, svg_format format, const char *label) {
  return (svg_axis){.lo = lo, .hi = hi, .format = format, .nice = 1, .label = label};
}

/* The largest number of runs behind a sample of a curve. */
static long max_n(const report_curve *c) {
  long n = 0;
  for (size_t i = 0; i < c->n; i++) n = c->at[i].n > n ? c->at[i].n : n;
  return n;
}

/* The fields of a report_stat. */
typedef enum field { F_MEAN, F_Q05, F_Q25, F_Q50, F_Q75, F_Q95, F_T } field;

/* Pull a field of each sample of c into out (c->n entries). */
static void pull(const report_curve *c, field fl, double *out) {
  for (size_t i = 0; i < c->n; i++) {
    const report_stat *s = &c->at[i];
    const double v[] = {s->mean, s->q05, s->q25, s->q50, s->q75, s->q95, s->t_days};
    out[i] = v[fl];
  }
}

/* The range of fields lo..hi of series k over all points, and 0 (money
** and utilisation charts start at zero, or show it). */
static void series_range(const report *r, size_t k, field lo, field hi, double *min, double *max) {
  *min = 0;
  *max = 0;
  for (int p = 0; p < r->in.npoints; p++) {
    const report_curve *c = curve(r, k, p);
    for (size_t i = 0; i < c->n; i++) {
      const report_stat *s = &c->at[i];
      const double v[] = {s->mean, s->q05, s->q25, s->q50, s->q75, s->q95};
      *min = fmin(*min, fmin(v[lo], v[hi]));
      *max = fmax(*max, fmax(v[lo], v[hi]));
    }
  }
}

/* ---- header ------------------------------------------------------------- */

static void head(report *r) {
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>neosim "
        "report: ",
        r->f);
  esc(r, r->v.name);
  fprintf(r->f, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n<h1>", page_css, svg_css);
  esc(r, r->v.name);
  fprintf(
      r->f,
      "</h1>\n<p class=\"note\">scenario version <code>%.12s</code> &middot; neosim report</p>\n",
      r->v.sha256);
}

static void meta_row(report *r, const char *key, const char *value) {
  fputs("<tr><th>", r->f);
  esc(r, key);
  fputs("</th><td>", r->f);
  esc(r, value);
  fputs("</td></tr>\n", r->f);
}

static const char *reps_str(const report *r, char *buf, size_t len) {
  long lo = -1, hi = 0;
  for (int p = 0; p < r->in.npoints; p++) {
    long n = r->in.point[p].reps;
    hi = n > hi ? n : hi;
    lo = lo < 0 || n < lo ? n : lo;
  }
  if (lo == hi) snprintf(buf, len, "%ld", hi);
  else snprintf(buf, len, "%ld to %ld (not the same at every point)", lo, hi);
  return buf;
}

static void meta(report *r) {
  char buf[256], a[64], b[64];
  fputs("<table class=\"meta\">\n", r->f);
  meta_row(r, "scenario", r->v.name);
  meta_row(r, "SHA-256", r->v.sha256);
  if (r->in.path) meta_row(r, "scenario file", r->in.path);
  snprintf(buf, sizeof buf, "%ld done, %ld failed", r->v.runs_done, r->v.runs_failed);
  meta_row(r, "runs", buf);
  snprintf(buf, sizeof buf, "%d", r->in.npoints);
  meta_row(r, "sweep points", buf);
  meta_row(r, "replications per point", reps_str(r, buf, sizeof buf));
  meta_row(r, "base seed", r->in.seeds);
  if (r->dated) {
    snprintf(buf, sizeof buf, "%s to %s (%.0f days)", r->in.start,
             day_str(r, a, sizeof a, r->horizon), r->horizon);
    meta_row(r, "simulated", buf);
  } else {
    snprintf(buf, sizeof buf, "%.0f days (no start date stored)", r->horizon);
    meta_row(r, "simulated", buf);
  }
  snprintf(buf, sizeof buf, "scenario stored %s; latest done run finished %s",
           utc_str(a, sizeof a, r->in.created_at), utc_str(b, sizeof b, r->in.finished_at));
  meta_row(r, "results", buf);
  snprintf(buf, sizeof buf, "runs by neosim %s; page by neosim %s",
           *r->in.versions ? r->in.versions : "?", NEOSIM_VERSION);
  meta_row(r, "generated", buf);
  fputs("</table>\n", r->f);
}

/* Number of a point's runs that defaulted. */
static long defaults(const report *r, int p) { return (long)r->default_day[p].n; }

static double share_below(const report_values *v, double x) {
  size_t k = 0;
  while (k < v->n && v->v[k] < x) k++;
  return v->n ? (double)k / (double)v->n : (double)NAN;
}

static double median(const report_values *v) {
  return v->n ? report_quantile(v->v, v->n, 0.5) : (double)NAN;
}

static double mean_of(const report_values *v) {
  double s = 0;
  for (size_t i = 0; i < v->n; i++) s += v->v[i];
  return v->n ? s / (double)v->n : (double)NAN;
}

static void num_cell(report *r, const char *s) { fprintf(r->f, "<td class=\"num\">%s</td>", s); }

static void points_table(report *r) {
  char buf[64];
  section(
      r, "points", "Sweep points",
      "Swept values of each point (view point_params) and results over its done runs: median NPV "
      "and "
      "minimum cash, share of runs with NPV below zero and of runs that defaulted (default_day "
      "set).");
  fputs("<table>\n<tr><th>point</th><th>swept values</th><th>runs "
        "done</th><th>failed</th><th>median NPV</th>"
        "<th>NPV &lt; 0</th><th>median minimum cash</th><th>defaulted</th></tr>\n",
        r->f);
  for (int p = 0; p < r->in.npoints; p++) {
    const report_point *pt = &r->in.point[p];
    fprintf(r->f, "<tr><td class=\"num\">%d</td><td>", p);
    point_params(r, p);
    fprintf(r->f, "</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td>", pt->done,
            pt->failed);
    num_cell(r, fmt(buf, sizeof buf, median(&r->npv[p]), SVG_DOLLARS));
    num_cell(r, fmt(buf, sizeof buf, share_below(&r->npv[p], 0), SVG_PERCENT));
    num_cell(r, fmt(buf, sizeof buf, median(&r->cash_min[p]), SVG_DOLLARS));
    num_cell(r,
             fmt(buf, sizeof buf,
                 pt->done ? (double)defaults(r, p) / (double)pt->done : (double)NAN, SVG_PERCENT));
    fputs("</tr>\n", r->f);
  }
  fputs("</table>\n", r->f);
}

/* ---- charts ------------------------------------------------------------- */

/* What the charts of one section share: the scale, the series. */
typedef struct scale {
  double lo, hi;       /* y range, the same for every point */
  size_t series;       /* the series charted (index into r->curve) */
  const double *edges; /* NPV histogram: bin edges */
  size_t nbins;
} scale;

/* A chart of point p (or a message in its place); extra (len bytes, "")
** may get a note for the caption. */
typedef void chart_fn(report *r, int p, const scale *sc, char *extra, size_t len);

/* One figure per point, each captioned "point P: swept values; note". */
static void figures(report *r, chart_fn *chart, const scale *sc) {
  fputs("<div class=\"grid\">\n", r->f);
  for (int p = 0; p < r->in.npoints; p++) {
    char extra[256] = "";
    fputs("<figure>\n", r->f);
    chart(r, p, sc, extra, sizeof extra);
    fprintf(r->f, "<figcaption>point %d: ", p);
    point_params(r, p);
    if (*extra) {
      fputs("; ", r->f);
      esc(r, extra);
    }
    fputs("</figcaption></figure>\n", r->f);
  }
  fputs("</div>\n", r->f);
}

/* Arrays of a curve's fields, malloc'd together. */
typedef struct cols {
  double *t, *mean, *q05, *q25, *q50, *q75, *q95;
  double *buf;
} cols;

static int cols_of(const report_curve *c, cols *o) {
  if (!(o->buf = malloc(7 * (c->n ? c->n : 1) * sizeof *o->buf))) return -1;
  double **f[] = {&o->mean, &o->q05, &o->q25, &o->q50, &o->q75, &o->q95, &o->t};
  for (int i = 0; i < 7; i++) {
    *f[i] = o->buf + (size_t)i * c->n;
    pull(c, (field)i, *f[i]);
  }
  return 0;
}

/* The columns of series sc->series at point p, or 0 after writing a
** message instead of the chart (no done runs, no such series, no memory). */
static int chart_data(report *r, int p, const scale *sc, const char *name, cols *k) {
  const report_curve *c = curve(r, sc->series, p);
  char msg[ERR_LEN];
  if (r->in.point[p].done == 0) snprintf(msg, sizeof msg, "no done runs at point %d", p);
  else if (c->n == 0) snprintf(msg, sizeof msg, "no series '%s' in the runs of point %d", name, p);
  else if (cols_of(c, k)) snprintf(msg, sizeof msg, "out of memory");
  else return 1;
  missing(r, msg);
  return 0;
}

/* The legend names the first points; the caption says how many are drawn. */
#define OVERLAY_LEGEND 6

/* One chart of every point's median of series sc->series, in the colours
** of the points (they repeat past SVG_NSTYLES), captioned. */
static void overlay(report *r, const scale *sc, svg_format format, const char *ylabel,
                    const char *what) {
  svg_axis x = time_axis(r), y = value_axis(sc->lo, sc->hi, format, ylabel);
  char title[128];
  snprintf(title, sizeof title, "%s: the median of every point", what);
  svg_chart ch;
  int drawn = 0;
  fputs("<div class=\"grid\">\n<figure>\n", r->f);
  svg_begin(&ch, r->f, CHART_W, CHART_H, &x, &y, title);
  for (int p = 0; p < r->in.npoints; p++) {
    const report_curve *c = curve(r, sc->series, p);
    cols k;
    if (r->in.point[p].done == 0 || c->n == 0 || cols_of(c, &k)) continue;
    svg_line(&ch, k.t, k.q50, c->n, p, 0);
    if (p < OVERLAY_LEGEND) {
      char key[32];
      snprintf(key, sizeof key, "point %d", p);
      svg_legend(&ch, key, p, SVG_KEY_LINE);
    }
    free(k.buf);
    drawn++;
  }
  svg_end(&ch);
  fprintf(r->f,
          "<figcaption>the median over the replications of each of the %d points with done "
          "runs, one line each (colours repeat every %d points)</figcaption></figure>\n</div>\n",
          drawn, SVG_NSTYLES);
}

static void cash_chart(report *r, int p, const scale *sc, char *extra, size_t len) {
  const report_curve *c = curve(r, sc->series, p);
  char title[64];
  cols k;
  if (!chart_data(r, p, sc, "cash", &k)) return;
  if (defaults(r, p) == 0) snprintf(extra, len, "no run defaulted");
  else
    snprintf(extra, len, "%ld of %ld runs defaulted (their samples stop there)", defaults(r, p),
             r->in.point[p].done);
  svg_axis x = time_axis(r), y = value_axis(sc->lo, sc->hi, SVG_DOLLARS, "cash ($)");
  snprintf(title, sizeof title, "Cash, point %d", p);
  svg_chart ch;
  svg_begin(&ch, r->f, CHART_W, CHART_H, &x, &y, title);
  if (max_n(c) > 1) {
    svg_band(&ch, k.t, k.q05, k.q95, c->n, 0, 0.18);
    svg_band(&ch, k.t, k.q25, k.q75, c->n, 0, 0.18);
    svg_line(&ch, k.t, k.q50, c->n, 0, 0);
    svg_legend(&ch, "median", 0, SVG_KEY_LINE);
    svg_legend(&ch, "25-75%", 0, SVG_KEY_BAND);
    svg_legend(&ch, "5-95% of runs", 0, SVG_KEY_BAND_LIGHT);
  } else {
    svg_line(&ch, k.t, k.q50, c->n, 0, 0);
    svg_legend(&ch, "cash (one replication: no band)", 0, SVG_KEY_LINE);
  }
  svg_end(&ch);
  free(k.buf);
}

static void cash_section(report *r) {
  scale sc = {.series = S_CASH};
  section(
      r, "cash", "Cash",
      "Cash at each monthly sample: median and the 25-75% and 5-95% bands over the replications "
      "of each "
      "point (same scale for every point).");
  series_range(r, S_CASH, F_Q05, F_Q95, &sc.lo, &sc.hi);
  if (r->in.npoints > 1) overlay(r, &sc, SVG_DOLLARS, "cash ($)", "Cash");
  figures(r, cash_chart, &sc);
}

/* Mean revenue of a sample period in $ per month: the period runs from
** the previous sample (or day 0). */
static void per_month(const report_curve *c, double *out) {
  for (size_t i = 0; i < c->n; i++) {
    double t0 = i ? c->at[i - 1].t_days : 0, dt = c->at[i].t_days - t0;
    out[i] = dt > 0 ? c->at[i].mean / dt * DAYS_PER_MONTH : (double)NAN;
  }
}

static int all_zero(const report_curve *c) {
  for (size_t i = 0; i < c->n; i++)
    if (c->at[i].mean != 0) return 0;
  return 1;
}

static const char *const kind_label[] = {"reserved", "on demand", "spot"};

/* One line of revenue by kind (series k), or a note in extra. */
static void revenue_line(report *r, svg_chart *ch, int p, int kind, char *extra, size_t len) {
  const report_curve *c = curve(r, S_REV_RESERVED + (size_t)kind, p);
  double *t = malloc(2 * (c->n ? c->n : 1) * sizeof *t);
  if (all_zero(c) || !t) {
    size_t used = strlen(extra);
    snprintf(extra + used, len - used, "%sno %s revenue", used ? ", " : "", kind_label[kind]);
  } else {
    pull(c, F_T, t);
    per_month(c, t + c->n);
    svg_line(ch, t, t + c->n, c->n, kind, 0);
    svg_legend(ch, kind_label[kind], kind, SVG_KEY_LINE);
  }
  free(t);
}

static void revenue_chart(report *r, int p, const scale *sc, char *extra, size_t len) {
  char title[64];
  int drawn = 0;
  for (int k = 0; k < 3; k++) drawn += !all_zero(curve(r, S_REV_RESERVED + (size_t)k, p));
  if (r->in.point[p].done == 0 || !drawn) {
    missing(r, r->in.point[p].done == 0
                   ? "no done runs at this point"
                   : "no revenue by tenant kind (series revenue.reserved, revenue.on_demand, "
                     "revenue.spot missing or zero)");
    return;
  }
  svg_axis x = time_axis(r), y = value_axis(0, sc->hi, SVG_DOLLARS, "revenue ($ per month)");
  snprintf(title, sizeof title, "Revenue by tenant kind, point %d", p);
  svg_chart ch;
  svg_begin(&ch, r->f, CHART_W, CHART_H, &x, &y, title);
  for (int k = 0; k < 3; k++) revenue_line(r, &ch, p, k, extra, len);
  svg_end(&ch);
}

static void revenue_section(report *r) {
  scale sc = {0};
  section(
      r, "revenue", "Revenue by tenant kind",
      "Mean over the replications of each point of the revenue of reserved, on-demand and spot "
      "tenants "
      "(series revenue.reserved, revenue.on_demand, revenue.spot), in $ per month: each sample's "
      "period "
      "revenue divided by the period's length in days, times 30.44.  One chart per point, same "
      "scale.");
  for (int p = 0; p < r->in.npoints; p++)
    for (size_t k = S_REV_RESERVED; k <= S_REV_SPOT; k++) {
      const report_curve *c = curve(r, k, p);
      double *m = malloc((c->n ? c->n : 1) * sizeof *m);
      if (!m) continue;
      per_month(c, m);
      for (size_t i = 0; i < c->n; i++) sc.hi = isfinite(m[i]) ? fmax(sc.hi, m[i]) : sc.hi;
      free(m);
    }
  figures(r, revenue_chart, &sc);
}

/* The mean of series k at point p as a line in style (dashed), with its
** legend; 0 when the series has no sample there (or no memory). */
static int mean_line(report *r, svg_chart *ch, size_t k, int p, int style, int dashed,
                     const char *label) {
  const report_curve *c = curve(r, k, p);
  double *t = c->n ? malloc(2 * c->n * sizeof *t) : NULL;
  if (!t) return 0;
  pull(c, F_T, t);
  pull(c, F_MEAN, t + c->n);
  svg_line(ch, t, t + c->n, c->n, style, dashed);
  svg_legend(ch, label, style, dashed ? SVG_KEY_DASHED : SVG_KEY_LINE);
  free(t);
  return 1;
}

static void util_chart(report *r, int p, const scale *sc, char *extra, size_t len) {
  const report_curve *c = curve(r, sc->series, p);
  char title[64];
  cols k;
  if (!chart_data(r, p, sc, "utilization", &k)) return;
  svg_axis x = time_axis(r),
           y = value_axis(0, sc->hi, SVG_PERCENT, "utilisation (% of installed GPU-hours)");
  snprintf(title, sizeof title, "Utilisation, point %d", p);
  svg_chart ch;
  svg_begin(&ch, r->f, CHART_W, CHART_H, &x, &y, title);
  if (max_n(c) > 1) svg_band(&ch, k.t, k.q05, k.q95, c->n, 2, 0.18);
  svg_line(&ch, k.t, k.mean, c->n, 2, 0);
  svg_legend(&ch, max_n(c) > 1 ? "mean" : "utilisation (one replication: no band)", 2,
             SVG_KEY_LINE);
  if (max_n(c) > 1) svg_legend(&ch, "5-95% of runs", 2, SVG_KEY_BAND_LIGHT);
  int sites = 0;
  for (size_t i = 0; r->nsite > 1 && i < r->nsite; i++) {
    char label[96];
    snprintf(label, sizeof label, "%.80s (mean)", r->site[i] + strlen("utilization."));
    sites += mean_line(r, &ch, site_series(r, i), p, 3 + (int)i, 1, label);
  }
  svg_end(&ch);
  free(k.buf);
  if (sites)
    snprintf(extra, len, "dashed: each site's mean utilisation, on the nodes it had installed");
}

static void util_section(report *r) {
  scale sc = {.series = S_UTIL};
  section(r, "utilisation", "Utilisation",
          "Share of the installed GPU-hours that were busy in each sample period (series "
          "utilization): mean and 5-95% band over the replications of each point.  With several "
          "sites, each site's mean (series utilization.<site>) is a dashed line: its busy "
          "node-hours over the node-hours of the nodes it still had (a node lost or sold counts "
          "until it went; a month in which a site had none has no point).");
  series_range(r, S_UTIL, F_Q05, F_Q95, &sc.lo, &sc.hi);
  sc.hi = fmax(sc.hi, 1.0);
  if (r->in.npoints > 1) overlay(r, &sc, SVG_PERCENT, "utilisation", "Utilisation");
  figures(r, util_chart, &sc);
}

static void nodes_chart(report *r, int p, const scale *sc, char *extra, size_t len) {
  char title[64];
  int held[NODE_NSTATES], any = 0;
  for (int s = 0; s < NODE_NSTATES; s++)
    any |= held[s] = !all_zero(curve(r, state_series(r, s), p));
  if (r->in.point[p].done == 0 || !any) {
    missing(r, r->in.point[p].done == 0 ? "no done runs at this point"
                                        : "no series nodes.<state> in the runs of this point");
    return;
  }
  svg_axis x = time_axis(r), y = value_axis(0, sc->hi, SVG_NUMBER, "nodes (mean over the runs)");
  snprintf(title, sizeof title, "Nodes by state, point %d", p);
  svg_chart ch;
  svg_begin(&ch, r->f, CHART_W, CHART_H, &x, &y, title);
  for (int s = 0; s < NODE_NSTATES; s++)
    if (held[s])
      mean_line(r, &ch, state_series(r, s), p, s, s >= SVG_NSTYLES, node_state_name((node_state)s));
  svg_end(&ch);
  size_t used = 0;
  for (int s = 0; s < NODE_NSTATES; s++)
    if (!held[s] && used < len)
      used += (size_t)snprintf(extra + used, len - used, "%s%s",
                               used ? ", " : "never held: ", node_state_name((node_state)s));
}

static void nodes_section(report *r) {
  scale sc = {0};
  section(r, "nodes", "Nodes by state",
          "Mean over the replications of each point of the number of nodes in each state at each "
          "monthly sample (series nodes.<state>): ordered, in transit, installing (or waiting for "
          "power), idle, leased (to reserved tenants), busy (jobs and own use), failed (lost at a "
          "site without repair), repairing (or down in an outage), retired (sold or retired).  A "
          "state no node was in at a point is not drawn; one chart per point, same scale.");
  for (int s = 0; s < NODE_NSTATES; s++) {
    double lo, hi;
    series_range(r, state_series(r, s), F_MEAN, F_MEAN, &lo, &hi);
    sc.hi = fmax(sc.hi, hi);
  }
  figures(r, nodes_chart, &sc);
}

static void market_chart(report *r, int p, const scale *sc, char *extra, size_t len) {
  const char *name = r->market[sc->series - NFIXED], *sku = name + strlen("market.");
  const report_curve *c = curve(r, sc->series, p);
  char title[160];
  cols k;
  int band = 0;
  if (!chart_data(r, p, sc, name, &k)) return;
  double release = r->release[sc->series - NFIXED];
  size_t from = 0, n; /* a SKU's index is drawn from its release */
  while (from < c->n && k.t[from] < release) from++;
  n = c->n - from;
  if (!isnan(release)) {
    char d[16];
    cal_format(r->date0 + (long)release, d, sizeof d);
    snprintf(extra, len, "%s released %s: its index is drawn from then", sku, d);
  }
  svg_axis x = time_axis(r),
           y = value_axis(0, sc->hi, SVG_DOLLARS, "market price ($ per GPU-hour)");
  snprintf(title, sizeof title, "Market price %.100s, point %d", sku, p);
  svg_chart ch;
  svg_begin(&ch, r->f, CHART_W, CHART_H, &x, &y, title);
  int spans = 0;
  for (size_t i = 0; i < r->shocks.n; i++)
    if (shock_hits(r, i, sku)) {
      svg_span(&ch, r->shocks.s[i].t0, r->shocks.s[i].t1, r->shocks.s[i].name, (int)i);
      spans++;
    }
  for (size_t i = from; i < c->n; i++) band |= k.q95[i] > k.q05[i];
  if (band) svg_band(&ch, k.t + from, k.q05 + from, k.q95 + from, n, 4, 0.18);
  svg_line(&ch, k.t + from, k.q50 + from, n, 4, 0);
  svg_legend(&ch, band ? "median" : "index", 4, SVG_KEY_LINE);
  if (band) svg_legend(&ch, "5-95% of runs", 4, SVG_KEY_BAND_LIGHT);
  if (spans) svg_legend(&ch, "shock (from its hit to its end)", 0, SVG_KEY_SPAN);
  svg_end(&ch);
  free(k.buf);
}

/* Every shock over all runs: where it hit, how often, dated or random. */
static void shock_table(report *r) {
  char a[32], b[32], buf[80];
  const report_shocks *s = &r->shocks;
  if (s->nc == 0) {
    fputs("<p class=\"note\">No shock hit any run of this version.</p>\n", r->f);
    return;
  }
  fputs("<table>\n<tr><th>shock</th><th>in the marked run</th><th>runs hit</th><th>hits</th>"
        "<th>first and last hit</th><th>timing</th></tr>\n",
        r->f);
  for (size_t i = 0; i < s->nc; i++) {
    const report_shock_count *c = &s->c[i];
    const char *detail = "not in this run";
    for (size_t j = 0; j < s->n; j++)
      if (strcmp(s->s[j].name, c->name) == 0) {
        detail = s->s[j].detail ? s->s[j].detail : "";
        break;
      }
    int dated = c->first == c->last && c->hits == s->runs && c->runs == s->runs;
    fputs("<tr><td>", r->f);
    esc(r, c->name);
    fputs("</td><td>", r->f);
    esc(r, detail);
    fprintf(r->f, "</td><td class=\"num\">%ld of %ld</td><td class=\"num\">%ld</td><td>", c->runs,
            s->runs, c->hits);
    snprintf(buf, sizeof buf, "%s to %s", day_str(r, a, sizeof a, c->first),
             day_str(r, b, sizeof b, c->last));
    esc(r, dated ? day_str(r, a, sizeof a, c->first) : buf);
    fprintf(r->f, "</td><td>%s</td></tr>\n",
            dated ? "dated: the same day in every run" : "random: differs between runs");
  }
  fputs("</table>\n", r->f);
}

static void market_section(report *r) {
  char note[640];
  snprintf(
      note, sizeof note,
      "Market price index of each SKU (series market.<sku>), $ per GPU-hour: median and 5-95%% "
      "band over "
      "the replications of each point.  Shaded spans are the shocks of one run, the done run of "
      "point %d, "
      "replication %d, from hit to end (named as in the scenario), each on the charts of the "
      "SKU it names, or on all when it names no SKU, site or tenant: dated shocks hit every run "
      "alike, random ones differ; the table counts them over all done runs.",
      r->shocks.point, r->shocks.rep);
  section(r, "market", "Market prices and shocks", note);
  if (r->nmarket == 0) missing(r, "no market price series (the scenario has no market index)");
  for (size_t m = 0; m < r->nmarket; m++) {
    scale sc = {.series = NFIXED + m};
    series_range(r, sc.series, F_Q05, F_Q95, &sc.lo, &sc.hi);
    figures(r, market_chart, &sc);
  }
  shock_table(r);
}

/* Shared NPV bins over all points: edges[0..nbins], nice widths. */
/* Bins shared by the histograms of values v[0..npoints) (each sorted). */
static size_t shared_bins(const report_values *v, int npoints, double *edges, size_t max) {
  double lo = INFINITY, hi = -INFINITY;
  size_t most = 0;
  for (int p = 0; p < npoints; p++)
    if (v[p].n) {
      lo = fmin(lo, v[p].v[0]);
      hi = fmax(hi, v[p].v[v[p].n - 1]);
      most = v[p].n > most ? v[p].n : most;
    }
  if (!isfinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (!(hi > lo)) {
    lo -= fmax(fabs(lo) * 0.1, 1);
    hi += fmax(fabs(hi) * 0.1, 1);
  }
  int target = (int)fmin(30, fmax(6, ceil(sqrt((double)most)))); /* about sqrt(n) bins */
  double step = svg_nice_step(&lo, &hi, target, 1);
  size_t n = (size_t)llround((hi - lo) / step);
  n = n < 1 ? 1 : n > max - 1 ? max - 1 : n;
  for (size_t i = 0; i <= n; i++) edges[i] = lo + (double)i * step;
  edges[n] = fmax(edges[n], hi);
  return n;
}

static void count_bins(const report_values *v, const double *edges, size_t nbins, double *count) {
  double w = (edges[nbins] - edges[0]) / (double)nbins;
  for (size_t i = 0; i < nbins; i++) count[i] = 0;
  for (size_t i = 0; i < v->n; i++) {
    double b = floor((v->v[i] - edges[0]) / w);
    count[b < 0 ? 0 : b >= (double)nbins ? nbins - 1 : (size_t)b]++;
  }
}

#define MAX_BINS 64

/* Histograms of v[p] for every point, with bins (into edges, MAX_BINS + 1)
** and scale shared, drawn by chart. */
static void histograms(report *r, const report_values *v, scale *sc, double *edges,
                       chart_fn *chart) {
  double count[MAX_BINS];
  sc->nbins = shared_bins(v, r->in.npoints, edges, MAX_BINS + 1);
  for (int p = 0; p < r->in.npoints; p++) {
    count_bins(&v[p], edges, sc->nbins, count);
    for (size_t i = 0; i < sc->nbins; i++) sc->hi = fmax(sc->hi, count[i]);
  }
  figures(r, chart, sc);
}

/* The histogram of v in sc's bins (bars of style, a dashed median). */
static void histogram_chart(report *r, const report_values *v, const scale *sc, svg_format xf,
                            const char *xlabel, const char *title, int style,
                            const char *median_label) {
  double count[MAX_BINS];
  count_bins(v, sc->edges, sc->nbins, count);
  svg_axis x = {.lo = sc->edges[0], .hi = sc->edges[sc->nbins], .format = xf, .label = xlabel};
  svg_axis y = value_axis(0, sc->hi, SVG_NUMBER, "runs (count)");
  y.whole = 1;
  svg_chart ch;
  svg_begin(&ch, r->f, CHART_W, CHART_H, &x, &y, title);
  svg_bars(&ch, sc->edges, count, sc->nbins, style);
  svg_vline(&ch, median(v), 1, 1);
  svg_legend(&ch, "runs per bin", style, SVG_KEY_BAR);
  svg_legend(&ch, median_label, 1, SVG_KEY_DASHED);
  svg_end(&ch);
}

static void npv_chart(report *r, int p, const scale *sc, char *extra, size_t len) {
  const report_values *v = &r->hist[p];
  const char *name = r->hist == r->npv ? "NPV" : "npv_with_internal";
  char title[64], msg[160], m[32], lo[32], hi[32], neg[32];
  if (v->n < 2) {
    if (v->n == 1)
      snprintf(msg, sizeof msg, "one replication: %s %s, no distribution to show", name,
               fmt(m, sizeof m, v->v[0], SVG_DOLLARS));
    else snprintf(msg, sizeof msg, "no %s values at point %d (no done runs)", name, p);
    missing(r, msg);
    return;
  }
  snprintf(title, sizeof title, "%s over replications, point %d", name, p);
  histogram_chart(r, v, sc, SVG_DOLLARS, r->hist == r->npv ? "NPV ($)" : "npv_with_internal ($)",
                  title, 0, "median");
  snprintf(extra, len, "%zu runs, mean %s, 5-95%% %s to %s, below 0 in %s", v->n,
           fmt(m, sizeof m, mean_of(v), SVG_DOLLARS),
           fmt(lo, sizeof lo, report_quantile(v->v, v->n, 0.05), SVG_DOLLARS),
           fmt(hi, sizeof hi, report_quantile(v->v, v->n, 0.95), SVG_DOLLARS),
           fmt(neg, sizeof neg, share_below(v, 0), SVG_PERCENT));
}

static void npv_section(report *r) {
  double edges[MAX_BINS + 1];
  scale sc = {.hi = 1, .edges = edges};
  if (r->hist == r->npv)
    section(r, "npv", "NPV distribution",
            "Net present value to the equity of each run (metric npv: the monthly operating and "
            "lenders' cash flows at the scenario's discount rate, less what is owed at the end; "
            "npv_unlevered leaves the financing out) over the replications of each point: a "
            "histogram with the same bins and scale for every point, and the median.");
  else
    section(r, "npv", "NPV distribution, own use valued",
            "Own use is valued (internal tenants): each run's npv_with_internal, the equity's "
            "npv plus the discounted value of the GPU-hours used internally, over the "
            "replications of each point: a histogram with the same bins and scale for every "
            "point, and the median (npv alone leaves own use at nothing; its median is in the "
            "table of points).");
  histograms(r, r->hist, &sc, edges, npv_chart);
}

/* Payback of point p: a histogram of payback_years over the runs paid back. */
static void payback_chart(report *r, int p, const scale *sc, char *extra, size_t len) {
  const report_values *v = &r->payback[p];
  char title[64], msg[160], m[32];
  long runs = r->in.point[p].done, never = runs - (long)v->n;
  if (v->n == 0 || runs < 2) {
    if (runs == 1 && v->n == 1)
      snprintf(msg, sizeof msg, "one replication: payback %s years, no distribution to show",
               fmt(m, sizeof m, v->v[0], SVG_NUMBER));
    else if (runs) snprintf(msg, sizeof msg, "no run of point %d paid back by the horizon", p);
    else snprintf(msg, sizeof msg, "no done runs at point %d", p);
    missing(r, msg);
    return;
  }
  snprintf(title, sizeof title, "Payback over replications, point %d", p);
  histogram_chart(r, v, sc, SVG_NUMBER, "payback (years)", title, 2, "median of those paid back");
  snprintf(extra, len, "%zu of %ld runs paid back, median %s years; %ld never by the horizon", v->n,
           runs, fmt(m, sizeof m, median(v), SVG_NUMBER), never);
}

static void payback_section(report *r) {
  double edges[MAX_BINS + 1];
  scale sc = {.hi = 1, .edges = edges};
  section(r, "payback", "Payback",
          "Years until each run's cumulative cash flow turned positive for good (metric "
          "payback_years; 0 for a run never below zero) over the replications of each point: a "
          "histogram of the runs paid back by the horizon, with the same bins and scale for "
          "every point, their median, and how many never paid back.");
  histograms(r, r->payback, &sc, edges, payback_chart);
}

/* Year y's column head: "year y+1", from its first month when dated. */
static void year_head(report *r, size_t y) {
  char d[16];
  fprintf(r->f, "<th>year %zu", y + 1);
  if (r->dated) {
    cal_format(y ? cal_month_start(r->date0, (int)(12 * y)) : r->date0, d, sizeof d);
    fprintf(r->f, "<br>from %.7s", d);
  }
  fputs("</th>", r->f);
}

static void stmt_table(report *r, int p) {
  const report_statements *st = &r->stmts;
  char buf[64];
  fprintf(r->f, "<p class=\"note\">point %d: ", p);
  point_params(r, p);
  fputs("</p>\n<table>\n<tr><th></th>", r->f);
  for (size_t y = 0; y < st->nyears; y++) year_head(r, y);
  fputs("</tr>\n<tr><td>runs</td>", r->f);
  for (size_t y = 0; y < st->nyears; y++)
    fprintf(r->f, "<td class=\"num\">%ld</td>", st->runs[(size_t)p * st->nyears + y]);
  fputs("</tr>\n", r->f);
  for (size_t k = 0; k < NSTMT; k++) {
    if (!stmt_lines[k].series) {
      fprintf(r->f, "<tr><th colspan=\"%zu\">", st->nyears + 1);
      esc(r, stmt_lines[k].label);
      fputs("</th></tr>\n", r->f);
      continue;
    }
    fputs("<tr><td>", r->f);
    esc(r, stmt_lines[k].label);
    fprintf(r->f, " <code>%s</code></td>", stmt_lines[k].series);
    for (size_t y = 0; y < st->nyears; y++) {
      double v = st->median[((size_t)p * NSTMT + k) * st->nyears + y];
      if (fabs(v) < 0.005) v = 0; /* below a cent: the rounding of sums, shown as $0 */
      num_cell(r, fmt(buf, sizeof buf, v, SVG_DOLLARS));
    }
    fputs("</tr>\n", r->f);
  }
  fputs("</table>\n", r->f);
}

static void statements_section(report *r) {
  section(r, "statements", "Financial statements by year",
          "From each run's double-entry books (series is.*, bs.*, cf.*; view statements): year k "
          "is the run's k-th twelve monthly samples.  Each figure is the median over the point's "
          "done runs that reached the year (row runs) of the run's sum over the year's months, "
          "or, for the balance sheet, of its value at the year's last month.  Each median is "
          "taken on its own, so the lines need not add up as a run's do.");
  if (r->stmts.nyears == 0) {
    missing(r, "no statements stored (the runs predate the books)");
    return;
  }
  for (int p = 0; p < r->in.npoints; p++) stmt_table(r, p);
}

static void notes(report *r) {
  section(
      r, "notes", "How the figures are computed",
      "Statistics are over the runs with status done.  At each sample time they are over the runs "
      "that "
      "have a sample then: a run that defaulted stops sampling, so late bands describe the runs "
      "still "
      "going.  Quantiles interpolate linearly between order statistics (type 7, the default of R "
      "and "
      "NumPy): for n sorted values x[0..n-1] and h = (n-1)p, x[floor h] + (h - floor h)(x[floor h "
      "+ 1] - "
      "x[floor h]).  Money is US dollars, not discounted except in NPV.");
  fputs("</body>\n</html>\n", r->f);
}

/* The commonest errors of the failed runs, if any. */
static void failures(report *r) {
  if (r->nfail == 0) return;
  section(
      r, "failed", "Failed runs",
      "The runs stored as failed are left out of every chart and figure; the commonest errors (see "
      "runs.error):");
  fputs("<table>\n<tr><th>runs</th><th>error</th></tr>\n", r->f);
  for (size_t i = 0; i < r->nfail; i++) {
    fprintf(r->f, "<tr><td class=\"num\">%ld</td><td>", r->fail[i].runs);
    esc(r, r->fail[i].error);
    fputs("</td></tr>\n", r->f);
  }
  fputs("</table>\n", r->f);
}

static void write_page(report *r) {
  head(r);
  meta(r);
  points_table(r);
  failures(r);
  if (r->v.runs_done == 0) {
    fputs("<p class=\"note\">No run of this version is done: there is nothing to chart.</p>\n",
          r->f);
    notes(r);
    return;
  }
  cash_section(r);
  revenue_section(r);
  util_section(r);
  nodes_section(r);
  market_section(r);
  npv_section(r);
  payback_section(r);
  report_sens_write(r->f, &r->sens);
  statements_section(r);
  notes(r);
}

/* ---- the command -------------------------------------------------------- */

static int same_file(const char *a, const char *b) {
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The page is made in memory, at most --max-mb of it, and only
** then written out (outfile.h): a page too large to hold is refused before
** anything is written. */
typedef struct page {
  char *buf;
  size_t len, cap;
  size_t max; /* bytes it may hold (--max-mb) */
  int over;   /* it passed max: the rest was dropped */
} page;

static ssize_t page_write(void *cookie, const char *b, size_t n) {
  page *pg = cookie;
  if (pg->over || n > pg->max - pg->len) {
    pg->over = 1;
    return 0; /* an error for the stream: fprintf stops here */
  }
  if (pg->len + n > pg->cap) {
    size_t cap = pg->cap ? pg->cap : 1 << 16;
    while (cap < pg->len + n) cap *= 2;
    char *nb = realloc(pg->buf, cap);
    if (!nb) return 0;
    pg->buf = nb;
    pg->cap = cap;
  }
  memcpy(pg->buf + pg->len, b, n);
  pg->len += n;
  return (ssize_t)n;
}

/* Make the page and write it to out ("-": stdout).  0, or 2 after a message. */
static int write_to(report *r, const char *out, long max_mb) {
  page pg = {.max = (size_t)max_mb << 20};
  r->f = fopencookie(&pg, "w", (cookie_io_functions_t){.write = page_write});
  if (!r->f) return cli_usage_error("report: out of memory");
  write_page(r);
  int bad = ferror(r->f);
  if (fclose(r->f) != 0) bad = 1;
  char err[ERR_LEN];
  int rc = 0;
  if (pg.over)
    rc = cli_usage_error("report: the page would pass %ld MB (%d points): nothing written; "
                         "give a larger --max-mb, or report a version of fewer points",
                         max_mb, r->in.npoints);
  else if (bad) rc = cli_usage_error("report: out of memory making the page");
  else if (outfile_write(out, pg.buf, pg.len, err, sizeof err))
    rc = cli_usage_error("report: %s", err);
  free(pg.buf);
  return rc;
}

int cmd_report(int argc, char **argv) {
  const char *db_path = CLI_DEFAULT_DB, *want = NULL, *out = NULL, *mb = NULL;
  long max_mb = DEFAULT_MAX_MB;
  for (int i = 1; i < argc; i++) {
    int got;
    if ((got = cli_opt(argc, argv, &i, "--db", &db_path)) ||
        (got = cli_opt(argc, argv, &i, "--scenario", &want)) ||
        (got = cli_opt(argc, argv, &i, "--output", &out)) ||
        (got = cli_opt(argc, argv, &i, "-o", &out)) ||
        (got = cli_opt(argc, argv, &i, "--max-mb", &mb))) {
      if (got < 0) return 2;
      if (mb && args_long(mb, 1, MAX_MAX_MB, &max_mb))
        return cli_usage_error("report: --max-mb '%s' is not a size in MB (1 to %d)", mb,
                               MAX_MAX_MB);
    } else if (argv[i][0] == '-' && argv[i][1]) {
      return cli_usage_error("report: unknown option '%s' (see neosim help report)", argv[i]);
    } else {
      return cli_usage_error("report: unexpected argument '%s' (see neosim help report)", argv[i]);
    }
  }
  if (!out) return cli_usage_error("report: -o FILE.html is required (see neosim help report)");
  if (same_file(db_path, out))
    return cli_usage_error("report: '%s' is the database; give another -o file", out);
  char err[ERR_LEN];
  report r = {.file = db_path};
  store *s = store_open_read(db_path, err, sizeof err);
  if (!s) return cli_usage_error("report: %s", err);
  int rc = read_report(&r, s, want, err, sizeof err) ? cli_usage_error("report: %s", err) : 0;
  store_close(s);
  if (rc == 0) rc = write_to(&r, out, max_mb);
  free_report(&r);
  return rc;
}
