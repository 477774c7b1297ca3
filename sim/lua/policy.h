/*
** policy.h -- scenario policies (Lua functions) as model hooks.  Each
** run gets its own sandbox, loaded afresh from the scenario file, so no
** Lua state survives from one run to the next: a run's results cannot
** depend on which runs went before it in the same process.
*/
#ifndef NEOSIM_POLICY_H
#define NEOSIM_POLICY_H

#include "model.h"
#include "scenario.h"

typedef struct policy_ctx policy_ctx;

/* Load the scenario's policies for one run of point `point`.  Returns
** NULL with a message in err on failure, or when the scenario defines
** no policy (then *none = 1 and err is empty). */
policy_ctx *policy_new(const scenario *s, size_t point, int *none, char *err, size_t errlen);
void policy_free(policy_ctx *p); /* NULL is a no-op */

/* The hook to give model_new(). */
model_hooks policy_hooks(policy_ctx *p);

#endif
