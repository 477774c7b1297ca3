/*
** sens_data.h -- what `neosim sensitivity` reads from a results database:
** the design of one scenario version (store_design.h) and, per design row
** of one sweep point, the mean of a metric over the point's done runs.
** Functions return 0, or -1 with a message naming the file in err.
*/
#ifndef NEOSIM_SENS_DATA_H
#define NEOSIM_SENS_DATA_H

#include <stddef.h>

#include "sensitivity.h"
#include "store.h"
#include "store_design.h"
#include "store_pick.h"

typedef struct sens_data {
  store_version v; /* the scenario version */
  store_design d;  /* its design */
} sens_data;

/* Pick the version (store_pick_scenario: want is a name, a SHA-256
** prefix or NULL) and read its design: 0; 1 when the version has none
** (err says so); -1 on error. */
int sens_read_design(store *st, const char *want, sens_data *sd, char *err, size_t errlen);

/* The same for version v, already picked (and checked). */
int sens_read_design_of(store *st, const store_version *v, sens_data *sd, char *err, size_t errlen);

/* y[r], r < rows: the mean of metric over the done runs of design row r
** at sweep point sweep (point sweep * rows + r); NaN where it has none.
** *runs: the done runs with a value, all rows together.  0; -1 on a
** database error; -2 when no run of the version has the metric (each
** with a message in err). */
int sens_read_metric(store *st, const sens_data *sd, const char *metric, size_t sweep, double *y,
                     long *runs, char *err, size_t errlen);

/* The indices of one metric at one sweep point by the method of the
** design (sensitivity.h): nidx indices per input, named names[0..nidx),
** in e[i * k + input]; units of the design (base samples, trajectories or
** points, as unit says), used: those with a response; runs: the done
** runs with a value. */
typedef struct sens_result {
  const char *names[3]; /* S1, ST | mu_star, sigma | prcc, low, high */
  size_t nidx;
  sens_est *e;
  size_t used, units;
  const char *unit;
  long runs;
} sens_result;

/* 0; -1 with a message in err (the database, memory); -2 with a message
** when the metric cannot be analysed: no run has it, or too few units
** have a response (or it does not vary). */
int sens_analyse(store *st, const sens_data *sd, const char *metric, size_t sweep, sens_result *r,
                 char *err, size_t errlen);
void sens_result_free(sens_result *r);

void sens_data_free(sens_data *sd); /* the contents */

#endif
