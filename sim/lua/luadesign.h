/*
** luadesign.h -- core.design, the design of a scenario's uncertain inputs
** (design.h) as the Lua library asks for it: the probabilities of each
** point mapped through each input's quantile function.
*/
#ifndef NEOSIM_LUADESIGN_H
#define NEOSIM_LUADESIGN_H

#include <stddef.h>

#include <lua.h>

#include "scenario.h"

/* core.design(kind, samples, dists, target, seed) -> rows, achieved
** kind "random"|"lhs"|"saltelli"|"morris"; samples an integer; dists a
** list of k resolved distributions; target nil or the k*k rank
** correlations as a flat list (row by row); seed as the scenario's.
** rows: a list of lists of k values (one per point of the design);
** achieved: the k*k Spearman correlations of the design's columns, flat;
** probabilities: the design's rows x k probabilities, flat (row by row).
** On a bad design (a target not positive definite, too few samples):
** nil, message. */
int luadesign_make(lua_State *L);

/* Read the design the library resolved (the points' field design,
** lua/neo/CONTRACT.md) from the table at idx into *out (NULL when there is
** none).  0, or -1 with a message in err. */
int luadesign_read(lua_State *L, int idx, scenario_design **out, char *err, size_t errlen);
void luadesign_free(scenario_design *d); /* NULL is a no-op */

#endif
