/*
** compare_data.h -- what `neosim compare` reads from a results database:
** the sweep points of one scenario version with their swept values, and per
** (point, metric) the figures of the views summary and paired, and per point
** those of risk (results/schema.sql).  The SQL lives here; the tables are
** sim/cli/cmd_compare.c's.  Only runs with status 'done' count (the views'
** rule).  Functions return 0, or -1 with a message naming the file in err.
*/
#ifndef NEOSIM_COMPARE_DATA_H
#define NEOSIM_COMPARE_DATA_H

#include <stddef.h>

#include "store.h"
#include "store_pick.h"

/* One (point, metric): the summary view, then the paired view against
** the baseline.  NaN where a view has no row (n = 0). */
typedef struct compare_cell {
  long n, npaired;
  double mean, sd, ci95;
  double diff, diff_ci95, diff_ci95_unpaired, ratio;
} compare_cell;

/* The columns of the risk view read per point, in this order. */
#define COMPARE_NRISK 15
extern const char *const compare_risk_cols[COMPARE_NRISK];

typedef struct compare_data {
  store_version v; /* the scenario version */
  long *point;     /* the points with runs, ascending */
  size_t npoint;
  char **key; /* the swept keys, by name */
  size_t nkey;
  char **keyval; /* [point index * nkey + key]: its value, NULL if none */
  char **metric; /* the metrics shown, in the order of the patterns */
  size_t nmetric;
  compare_cell *cells; /* [point index * nmetric + metric] */
  double *risk;        /* [point index * COMPARE_NRISK + column] */
} compare_data;

/* Pick the version (store_pick_scenario: want is a name, a SHA-256
** prefix or NULL) and read its points and their swept values: all of
** them, or only those of only[0..nonly) (nonly > 0; each must have runs). */
int compare_read_points(store *st, const char *want, const long *only, size_t nonly,
                        compare_data *c, char *err, size_t errlen);

/* The index of point p in c->point, or -1 when it has no runs. */
long compare_point_index(const compare_data *c, long p);

/* The metrics whose names match the GLOB patterns (in pattern order,
** each name once), then every cell with the paired figures against point
** baseline -- or, with against (a version's SHA-256; NULL: none), against
** the same point of that version, replication by replication -- and the
** risk figures.  A pattern that matches no metric is
** an error unless optional (then c->nmetric may end up 0, and no cell is
** read). */
int compare_read_cells(store *st, compare_data *c, const char *const *patterns, size_t npatterns,
                       int optional, long baseline, const char *against, char *err, size_t errlen);

void compare_data_free(compare_data *c); /* the contents; NULL is a no-op */

#endif
