/*
** luacfg.h -- read one resolved point (the Lua table described in
** lua/neo/CONTRACT.md) into a model configuration and its parameters.
** The library has validated the table; these readers still check every
** type and the range of every integer, so a broken (or tampered) library
** gives an error, never a crash.  The ranges are the schema's
** (lua/neo/schema.lua).
*/
#ifndef NEOSIM_LUACFG_H
#define NEOSIM_LUACFG_H

#include <lua.h>

#include "scenario.h"
#include "units.h"

#define LUACFG_MAX_NODES 1e9                              /* fleet[i].nodes, tenants.<t>.nodes */
#define LUACFG_MAX_GPUS_PER_NODE 1e6                      /* skus.<s>.gpus_per_node */
#define LUACFG_MAX_PRIORITY 1e6                           /* |tenants.<t>.priority| */
#define LUACFG_MAX_HORIZON_HOURS (365250 * HOURS_PER_DAY) /* horizon_days <= 1000 years */
#define LUACFG_MIN_STEP_HOURS (0.001 * HOURS_PER_DAY)     /* step_days of gbm and mean_reverting */

/* Read the point table at stack index idx into *pt.  0, or -1 with a
** message naming the key in err. */
int luacfg_point(lua_State *L, int idx, scenario_point *pt, char *err, size_t errlen);

/* Read the distribution t[key] (its resolved form: { dist, p } or a
** discrete { dist, values, weights }) into *d (release with dist_clear).
** 0, or -1 with a message in err. */
int luacfg_dist(lua_State *L, int t, const char *key, dist *d, char *err, size_t errlen);

/* Read the design the library resolved (the points' field design,
** lua/neo/CONTRACT.md) from the table at idx into *out (NULL when there is
** none).  0, or -1 with a message naming the key in err. */
int luacfg_design(lua_State *L, int idx, scenario_design **out, char *err, size_t errlen);
void luacfg_design_free(scenario_design *d); /* NULL is a no-op */

/* Free what a point owns. */
void luacfg_point_clear(scenario_point *pt);

#endif
