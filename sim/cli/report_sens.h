/*
** report_sens.h -- the report's sensitivity section: for a version with a
** design of uncertain inputs, the indices of npv (sens_data.h) drawn as
** bars, one row per input: Sobol S1 and ST (saltelli), Morris mu* and
** sigma (morris) or a tornado of the npv's mean in the lowest and highest
** fifth of each input (lhs, random), each with its 95% interval.
*/
#ifndef NEOSIM_REPORT_SENS_H
#define NEOSIM_REPORT_SENS_H

#include <stdio.h>

#include "err.h"
#include "sens_data.h"

typedef struct report_sens {
  int design;        /* the version has a design */
  int ok;            /* and its indices of npv were computed */
  char why[ERR_LEN]; /* else why not */
  sens_data sd;      /* the design */
  sens_result r;     /* the indices */
} report_sens;

/* Read the design of version v (picked and checked) and analyse npv at
** sweep point 0.  0 (rs->design 0 when there is none; rs->ok 0 with
** rs->why when the analysis could not be made), or -1 with a message in
** err. */
int report_sens_read(store *st, const store_version *v, report_sens *rs, char *err, size_t errlen);

/* The section (nothing without a design) on f. */
void report_sens_write(FILE *f, const report_sens *rs);
void report_sens_free(report_sens *rs);

#endif
