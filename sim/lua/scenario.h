/*
** scenario.h -- a scenario file turned into runnable sweep points: load
** the Lua file in the sandbox, validate it, apply --set overrides, expand
** the sweep, and convert each point into a model configuration.  The
** sandbox the file was resolved in is closed before scenario_load
** returns: what is left is plain C (policies load the file afresh in a
** sandbox of each run, policy.h).
*/
#ifndef NEOSIM_SCENARIO_H
#define NEOSIM_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "sandbox_limits.h"

/* The most replications a scenario or --reps may ask for (schema.lua says
** the same of the replications key). */
#define SCENARIO_MAX_REPLICATIONS 100000000

typedef struct scenario_param {
  char *name, *value;
  int swept;
} scenario_param;

/* A scalar value of the scenario: policies.params entries. */
typedef enum scenario_type { SCENARIO_NUMBER = 0, SCENARIO_BOOLEAN, SCENARIO_STRING } scenario_type;

typedef struct scenario_value {
  char *name;
  scenario_type type;
  double num; /* number, or boolean as 0/1 */
  char *str;  /* string */
} scenario_value;

typedef struct scenario_point {
  model_cfg *cfg;
  scenario_param *params; /* every scalar key, sorted by name */
  size_t nparams;
  scenario_value *policy_params; /* policies.params, sorted by name */
  size_t npolicy_params;
} scenario_point;

/* The design of uncertain inputs (scenario key uncertain): point p is row
** p % rows of the design at sweep point p / rows. */
typedef struct scenario_input {
  char *name; /* key path, as --set writes it */
  char *dist; /* its distribution as text: uniform(1.5,3.5) */
} scenario_input;

typedef struct scenario_corr {
  size_t a, b;     /* 0-based inputs, a < b */
  double target;   /* the rank correlation asked for (0 when none) */
  double achieved; /* Spearman's of the design's columns */
} scenario_corr;

typedef struct scenario_design {
  char *kind;     /* "random", "lhs", "saltelli", "morris" */
  long samples;   /* as asked */
  size_t rows;    /* points of the design per sweep point */
  size_t npoints; /* sweep points */
  scenario_input *inputs;
  size_t ninputs;
  scenario_corr *corr; /* every pair a < b */
  size_t ncorr;
  double *p; /* rows x ninputs probabilities: the value of input i at row r is its
             ** quantile at p[r * ninputs + i] (rounded for an integer key) */
} scenario_design;

typedef struct scenario {
  char *path;      /* as given */
  char *name;      /* the scenario's name key */
  char *source;    /* the file's text */
  char *overrides; /* the --set overrides, "KEY=VALUE\n" each ("" for none) */
  char sha256[65]; /* the version: of source, and overrides if any (results/schema.sql) */
  uint64_t seed;
  long replications;
  size_t npoints;
  scenario_point *points;
  scenario_design *design; /* NULL without uncertain inputs */
  double horizon_days;
  sandbox_limits limits; /* for the sandboxes of policies */
} scenario;

typedef struct scenario_set {
  const char *path, *value; /* from --set path=value */
} scenario_set;

/* Load and resolve.  On error returns NULL with "file:line: key: what"
** (or "--set key: what") in err. */
scenario *scenario_load(const char *path, const scenario_set *sets, size_t nsets,
                        const sandbox_limits *lim, char *err, size_t errlen);
void scenario_free(scenario *s); /* NULL is a no-op */

#endif
