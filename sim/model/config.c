/*
** config.c -- release a model configuration.
*/
#include <stdlib.h>

#include "config.h"

void model_cfg_free(model_cfg *c) {
  if (!c) return;
  for (size_t i = 0; c->skus && i < c->nskus; i++) free(c->skus[i].name);
  for (size_t i = 0; c->sites && i < c->nsites; i++) {
    free(c->sites[i].name);
    process_cfg_clear(&c->sites[i].power_price_mwh);
  }
  for (size_t i = 0; c->tenants && i < c->ntenants; i++) {
    tenant_cfg *t = &c->tenants[i];
    free(t->name);
    process_cfg_clear(&t->arrivals_per_hour);
    dist_clear(&t->job_nodes), dist_clear(&t->job_hours), dist_clear(&t->patience_hours);
  }
  free(c->skus), free(c->sites), free(c->fleet), free(c->tenants);
  free(c);
}
