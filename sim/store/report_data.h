/*
** report_data.h -- what `neosim report` reads from a results database: the
** sweep points of a scenario version, statistics of series across
** replications at each sample time, the statements by year, a metric's
** values per point, shocks.
** The SQL lives here; the page is cmd_report.c's, the charts svg.c's.
**
** Every read is of one scenario version (its SHA-256) and, except for run
** counts, of its runs with status 'done'.  Points are indexed 0..npoints-1
** as runs.point; a point without done runs has empty results.  Functions
** return 0, or -1 with a message naming the file (store_path) in err.
*/
#ifndef NEOSIM_REPORT_DATA_H
#define NEOSIM_REPORT_DATA_H

#include <stddef.h>

#include "store.h"

/* A swept key and its value at a point (from the view point_params). */
typedef struct report_param {
  char *name, *value; /* owned; numbers as SQLite prints them (%.15g for reals) */
} report_param;

typedef struct report_point {
  long done, failed;   /* runs of the point by status */
  long reps;           /* replications stored: the largest replication + 1 */
  report_param *param; /* swept keys in name order */
  size_t nparam;
} report_point;

/* The version as a whole. */
typedef struct report_info {
  report_point *point; /* [npoints], by point number */
  int npoints;         /* the largest point stored + 1 */
  char *start;         /* the scenario's start date (param 'start' of a done run), or NULL */
  char *path;          /* scenarios.path, or NULL */
  char *seeds;         /* the distinct base seeds, ", "-separated */
  char *versions;      /* the distinct neosim versions that wrote the runs */
  double created_at;   /* scenarios.created_at, unix seconds (NaN if NULL) */
  double finished_at;  /* the latest finished_at of a done run (NaN if none) */
} report_info;

/* The points a page may hold: a version with a run at a larger point is
** refused (each point is a column of charts; 1000 of them make a page of
** about 60 MB). */
#define REPORT_MAX_POINTS 1000

/* Fill *out for version sha of st. */
int report_read_info(store *st, const char *sha, report_info *out, char *err, size_t errlen);

/* The value of parameter name (a key path) in the first done run of
** version sha, malloc'd into *out, or NULL when it has none. */
int report_read_param(store *st, const char *sha, const char *name, char **out, char *err,
                      size_t errlen);
void report_info_free(report_info *in); /* the contents; NULL is a no-op */

/* One series at one sample time across the done runs of a point.
** Quantiles are of type 7 (report_quantile). */
typedef struct report_stat {
  double t_days; /* days since the scenario start */
  long n;        /* runs with a non-NULL value at t_days (a run that ended early has none) */
  double mean, q05, q25, q50, q75, q95;
} report_stat;

/* A series of a point: its sample times in increasing order. */
typedef struct report_curve {
  report_stat *at; /* owned */
  size_t n;
} report_curve;

/* Read series names[0..nnames) for every point in one pass over the
** version's runs (one query; the values of one point at a time are held
** in memory and sorted: O(v log v) for v values of a point).  out must
** have nnames * npoints entries; out[k * npoints + p] gets series k of
** point p (empty when the series is not stored).  On failure out holds
** nothing to free. */
int report_read_series(store *st, const char *sha, const char *const *names, size_t nnames,
                       int npoints, report_curve *out, char *err, size_t errlen);
void report_curves_free(report_curve *c, size_t n); /* the n curves' samples */

/* The distinct names of series starting with prefix (e.g. "market."),
** sorted, as stored for the first done run of the version (every run of a
** version writes the same series).  *names is a malloc'd array of
** malloc'd strings (NULL when none). */
int report_series_names(store *st, const char *sha, const char *prefix, char ***names, size_t *n,
                        char *err, size_t errlen);
void report_names_free(char **names, size_t n);

/* The non-NULL values of one metric per point, sorted ascending. */
typedef struct report_values {
  double *v; /* owned */
  size_t n;
} report_values;

/* out[p] for p < npoints gets metric name of the done runs of point p. */
int report_read_metric(store *st, const char *sha, const char *name, int npoints,
                       report_values *out, char *err, size_t errlen);
void report_values_free(report_values *v, size_t n);

/* The financial statements of each point by year of the run: year y is
** the run's monthly samples 12y .. 12y + 11 (the first month may be part
** of one, as the last may).  For line k (a series is.*, bs.* or cf.*:
** lines[k]) a run's figure of a year is its sum over the year's months
** (flows), or, for the balances "bs.*", its value at the year's last
** month; the table holds the median of the figures over the point's done
** runs that have samples in that year (a run that defaulted has none
** after). */
typedef struct report_statements {
  size_t nlines, nyears; /* nyears: the most years of any point */
  double *median;        /* [(point * nlines + line) * nyears + year]; NaN: no run has it */
  long *runs;            /* [point * nyears + year]: the runs the medians are over */
} report_statements;

int report_read_statements(store *st, const char *sha, const char *const *lines, size_t nlines,
                           int npoints, report_statements *out, char *err, size_t errlen);
void report_statements_free(report_statements *s); /* the contents; NULL is a no-op */

/* report_read_series and report_read_statements in one pass over the
** version's series (runs in point order, each run's samples in time order,
** no sort): curves NULL reads no curves, stmts NULL no statements.  At
** 10^4 runs of 2400 samples each, about a second. */
int report_read_series_statements(store *st, const char *sha, const char *const *names,
                                  size_t nnames, const char *const *lines, size_t nlines,
                                  int npoints, report_curve *curves, report_statements *stmts,
                                  char *err, size_t errlen);

/* The errors of failed runs, most frequent first (at most max kinds). */
typedef struct report_failure {
  char *error; /* owned; "" when NULL */
  long runs;
} report_failure;

/* *out: a malloc'd array of *n entries (NULL when no run failed). */
int report_read_failures(store *st, const char *sha, size_t max, report_failure **out, size_t *n,
                         char *err, size_t errlen);
void report_failures_free(report_failure *f, size_t n);

/* One shock of the representative run: it hit at t0 and ended at t1
** (INFINITY when it had not ended by the end of the run). */
typedef struct report_shock {
  double t0, t1;
  char *name, *detail; /* owned: events.subject and events.detail of the hit */
} report_shock;

/* A shock's hits over all done runs of the version. */
typedef struct report_shock_count {
  char *name;
  long hits;          /* times it hit, over all runs */
  long runs;          /* runs it hit at least once */
  double first, last; /* earliest and latest day of a hit */
} report_shock_count;

typedef struct report_shocks {
  int point, rep;  /* the representative run: the done run of lowest (point, replication) */
  report_shock *s; /* its shocks in time order */
  size_t n;
  report_shock_count *c; /* every shock name over all runs, by name */
  size_t nc;
  long runs; /* done runs of the version */
} report_shocks;

/* Events of kind 'shock' and 'shock_end' (subject = the shock's name): the
** spans of the representative run (dated shocks hit every run alike; random
** ones differ), and counts over all runs. */
int report_read_shocks(store *st, const char *sha, report_shocks *out, char *err, size_t errlen);
void report_shocks_free(report_shocks *s); /* the contents; NULL is a no-op */

/* The p-quantile (0 <= p <= 1) of x[0..n) sorted ascending, n >= 1, by
** linear interpolation between order statistics (Hyndman & Fan type 7,
** the default of R and NumPy): with h = (n - 1) p, x[floor h] + (h -
** floor h) (x[floor h + 1] - x[floor h]).  The median of 1, 2, 3, 4 is 2.5;
** a single value is every quantile. */
double report_quantile(const double *x, size_t n, double p);

#endif
