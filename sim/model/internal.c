/*
** internal.c -- the operator's own use (training its own models): it
** holds up to `nodes` idle nodes at the lowest priority, gives them back
** to any paying tenant that needs them, and accrues value_gpu_hour per
** GPU-hour held -- an economic value, never cash.  A policy sets its
** target (model_act_internal).
**
** Either may be a process (own demand that changes, as a lab's own
** training did): sampled at the start and at every day tick, the value
** then applies to the GPU-hours held until the next tick, and the nodes
** wanted are the process's value rounded (at least 0) -- a policy cannot
** set a target that a process sets.
*/
#include <math.h>

#include "model_int.h"

/* The nodes a process wants at t. */
static long wanted(const tenant *tn, double t) {
  return lround(fmin(fmax(0, process_value(tn->nodes_p, t)), 1e9));
}

static void want(model *m, tenant *tn, long nodes) {
  hold_want(m, tn, 0, nodes);
  if (tn->hold.n > tn->hold.want) hold_trim(m, tn);
  hold_fill(m, tn);
  fleet_rebalance(m, tn->cfg->sku);
}

static int init(model *m, tenant *tn) {
  const tenant_cfg *c = tn->cfg;
  if (market_varying(m, &c->value_process, &tn->value_p) ||
      market_varying(m, &c->nodes_process, &tn->nodes_p))
    return -1;
  tn->value_now = tn->value_p ? fmax(0, process_value(tn->value_p, 0)) : c->value_gpu_hour;
  if (hold_init(m, tn)) return -1;
  hold_want(m, tn, 0, tn->nodes_p ? wanted(tn, 0) : c->nodes);
  hold_fill(m, tn);
  return 0;
}

void internal_day(model *m, double t) {
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    if (tn->value_p) {
      tn->value_now = fmax(0, process_value(tn->value_p, t));
      integral_set(&tn->value, t, tn->gpu_hours.rate * tn->value_now);
    }
    if (tn->nodes_p && wanted(tn, t) != tn->hold.want) want(m, tn, wanted(tn, t));
  }
}

double internal_value(const tenant *tn, double t) {
  return tn->value_p ? integral_at(&tn->value, t)
                     : integral_at(&tn->gpu_hours, t) * tn->cfg->value_gpu_hour;
}

static double price(const model *m, const tenant *tn) {
  (void)m;
  return tn->value_now;
}

static int set_nodes(model *m, tenant *tn, long nodes, char *err, size_t errlen) {
  if (nodes < 0) return err_set(err, errlen, "internal: nodes must be >= 0");
  if (tn->nodes_p)
    return err_set(err, errlen, "internal: tenant %s's nodes follow a process (tenants.%s.nodes)",
                   tn->cfg->name, tn->cfg->name);
  want(m, tn, nodes);
  return 0;
}

static void internal_free(model *m, tenant *tn) {
  process_free(tn->value_p);
  process_free(tn->nodes_p);
  hold_free(m, tn);
}

const tenant_ops internal_ops = {
    .holds_as = NODE_BUSY,
    .billed = 0,
    .init = init,
    .serve = hold_fill,
    .lose = hold_lose,
    .give_back = hold_give_back,
    .price = price,
    .nodes = hold_nodes,
    .set_nodes = set_nodes,
    .free = internal_free,
};
