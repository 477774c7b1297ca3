/*
** luadesign.h -- core.design, the design of a scenario's uncertain inputs
** (design.h) as the Lua library asks for it: the probabilities of each
** point mapped through each input's quantile function.
*/
#ifndef NEOSIM_LUADESIGN_H
#define NEOSIM_LUADESIGN_H

#include <lua.h>

/* core.design(kind, samples, dists, target, seed) -> rows, achieved, probabilities
** kind "random"|"lhs"|"saltelli"|"morris"; samples an integer; dists a
** list of k resolved distributions; target nil or the k*k rank
** correlations as a flat list (row by row); seed as the scenario's.
** rows: a list of lists of k values (one per point of the design);
** achieved: the k*k Spearman correlations of the design's columns, flat;
** probabilities: the design's rows x k probabilities, flat (row by row).
** On a bad design (a target not positive definite, too few samples):
** nil, message. */
int luadesign_make(lua_State *L);

#endif
