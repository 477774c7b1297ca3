/*
** model.h -- one replication of the neocloud model: build it from a
** resolved configuration, run it to the horizon, read its results.
** Plain C: no Lua, no SQL.
*/
#ifndef NEOSIM_MODEL_H
#define NEOSIM_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "results.h"

typedef struct model model;

/* Build the model of replication rep with base seed seed.  cfg is
** borrowed and must outlive the model.  NULL on failure with a message
** in err. */
model *model_new(const model_cfg *cfg, uint64_t seed, uint64_t rep, char *err, size_t errlen);
void model_free(model *m); /* NULL is a no-op */

/* Run to the horizon and append metrics and series to out (names stay
** valid until model_free).  0, or -1 with a message in err. */
int model_run(model *m, results *out, char *err, size_t errlen);

/* Events dispatched so far. */
uint64_t model_events(const model *m);

#endif
