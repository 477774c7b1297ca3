/*
** scenario.h -- a scenario file turned into runnable sweep points: load
** the Lua file in the sandbox, validate it, apply --set overrides, expand
** the sweep, and convert each point into a model configuration.
*/
#ifndef NEOSIM_SCENARIO_H
#define NEOSIM_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "model/config.h"
#include "sandbox.h"

typedef struct scenario_param {
  char *name, *value;
  int swept;
} scenario_param;

/* A scalar Lua value: policies.params entries. */
typedef struct scenario_value {
  char *name;
  int type;   /* LUA_TNUMBER, LUA_TBOOLEAN or LUA_TSTRING */
  double num; /* number, or boolean as 0/1 */
  char *str;
} scenario_value;

typedef struct scenario_point {
  model_cfg *cfg;
  scenario_param *params; /* every scalar key, sorted by name */
  size_t nparams;
  scenario_value *policy_params; /* policies.params, sorted by name */
  size_t npolicy_params;
} scenario_point;

typedef struct scenario {
  char *path;       /* as given */
  char *name;       /* the scenario's name key */
  char *source;     /* the file's text */
  char *overrides;  /* the --set overrides, "KEY=VALUE\n" each ("" for none) */
  char sha256[65];  /* the version: of source, and overrides if any (results/schema.sql) */
  uint64_t seed;
  long replications;
  size_t npoints;
  scenario_point *points;
  double horizon_days;
  lua_State *L;     /* the sandbox the scenario was resolved in */
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
