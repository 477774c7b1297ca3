/*
** store_design.h -- the design of a scenario version's uncertain inputs
** in the tables designs, design_inputs and design_correlations
** (results/schema.sql): written once per version with its scenario row,
** read back by the analyses of a design.
*/
#ifndef NEOSIM_STORE_DESIGN_H
#define NEOSIM_STORE_DESIGN_H

#include <stddef.h>

#include "store.h"

typedef struct store_design_corr {
  size_t a, b; /* 0-based inputs, a < b */
  double target, achieved;
} store_design_corr;

typedef struct store_design {
  char *kind; /* "random", "lhs", "saltelli", "morris" */
  long samples;
  size_t rows, sweep_points;
  size_t ninputs;
  char **names, **dists; /* ninputs each */
  size_t ncorr;
  store_design_corr *corr;
  double *p; /* rows x ninputs probabilities, row by row */
} store_design;

/* Store the design of version sha256 (whose scenario row is stored):
** idempotent, the same design again changes nothing.  0, or -1 with a
** message in err. */
int store_put_design(store *s, const char *sha256, const store_design *d, char *err, size_t errlen);

/* The design of version sha256 into *d (release with store_design_free):
** 1, 0 when the version has none (or the file is of schema version 6),
** -1 on error (message in err). */
int store_get_design(store *s, const char *sha256, store_design *d, char *err, size_t errlen);
void store_design_free(store_design *d);

#endif
