/*
** internal.c -- the operator's own use (training its own models): it
** holds up to `nodes` idle nodes at the lowest priority, gives them back
** to any paying tenant that needs them, and accrues value_gpu_hour per
** GPU-hour held -- an economic value, never cash.  A policy sets its
** target (model_act_internal).
*/
#include "model_int.h"

static int init(model *m, tenant *tn) {
  tn->hold.want = tn->cfg->nodes;
  hold_fill(m, tn);
  return 0;
}

static double price(const model *m, const tenant *tn) {
  (void)m;
  return tn->cfg->value_gpu_hour;
}

static int set_nodes(model *m, tenant *tn, long nodes, char *err, size_t errlen) {
  if (nodes < 0) return err_set(err, errlen, "internal: nodes must be >= 0");
  tn->hold.want = nodes;
  if (tn->hold.n > tn->hold.want) hold_release_to(m, tn, tn->hold.want);
  hold_fill(m, tn);
  fleet_rebalance(m, tn->cfg->sku);
  return 0;
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
    .free = hold_free,
};
