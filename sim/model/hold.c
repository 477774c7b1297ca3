/*
** hold.c -- the nodes a tenant holds for itself: a reserved tenant's
** contracted nodes (leased) and the operator's internal use (busy).  It
** takes idle nodes of its SKU (and site, if it names one) up to what it
** wants, preempting lower priorities, and gives them back newest first.
** Every change ends in hold_update: the GPU-hours it holds, and a
** reserved tenant's bills (tenant_ops.bill), follow the nodes it holds.
*/
#include <stdlib.h>

#include "model_int.h"

/* Make room for a held set per pool (pools are created as nodes arrive). */
static idset *held_in(model *m, tenant *tn, uint32_t pid) {
  tenant_hold *h = &tn->hold;
  if (h->npools <= pid) {
    size_t n = m->fleet.npools;
    /* a set per pool and tenant: tenants x pools of them, taken from the budget */
    if (model_take(m, (double)(n - h->npools) * sizeof(idset),
                   "the nodes tenant %s holds (%zu pools)", tn->cfg->name, n))
      return NULL;
    idset *held = realloc(h->held, n * sizeof *held);
    if (!held) return NULL;
    for (size_t i = h->npools; i < n; i++) held[i] = (idset){0};
    h->held = held;
    h->npools = n;
  }
  return &h->held[pid];
}

void hold_update(model *m, tenant *tn) {
  double now = engine_now(m->e);
  integral_set(&tn->gpu_hours, now, (double)tn->hold.n * (double)tn->gpus_per_node);
  if (tn->value_p) integral_set(&tn->value, now, tn->gpu_hours.rate * tn->value_now);
  if (tn->ops->bill) tn->ops->bill(m, tn, now);
}

static void hold(model *m, tenant *tn, uint32_t id, uint32_t pid) {
  idset *h = held_in(m, tn, pid);
  node *n = &m->fleet.nodes[id];
  n->tenant = (int32_t)(tn - m->tenants);
  fleet_set_state(m, id, tn->ops->holds_as); /* leaves the idle set (by pos) */
  if (!h || idset_add(h, id, &n->pos)) {     /* then pos is its place among the held */
    model_fail(m, "out of memory holding nodes");
    return;
  }
  tn->hold.n++;
}

static void unhold(model *m, tenant *tn, uint32_t id) {
  node *n = &m->fleet.nodes[id];
  idset *h = &tn->hold.held[n->pool];
  uint32_t moved = idset_take(h, n->pos);
  if (moved != NONE) m->fleet.nodes[moved].pos = n->pos;
  tn->hold.n--;
}

/* Take idle nodes (preempting lower priorities) up to what the tenant wants. */
void hold_fill(model *m, tenant *tn) {
  tenant_hold *h = &tn->hold;
  if (h->n >= h->want) return;
  for (uint32_t p = 0; p < m->fleet.npools && h->n < h->want; p++) {
    if (!fleet_pool_allows(&m->fleet.pools[p], tn->cfg)) continue;
    fleet_free_for(m, p, tn->priority, h->want - h->n);
    uint32_t id;
    while (h->n < h->want && (id = fleet_take_idle(m, p)) != NONE) hold(m, tn, id, p);
  }
  hold_update(m, tn);
}

/* Release nodes until the tenant holds at most `keep` (newest first). */
void hold_release_to(model *m, tenant *tn, long keep) {
  for (uint32_t p = (uint32_t)tn->hold.npools; p-- > 0 && tn->hold.n > keep;) {
    idset *h = &tn->hold.held[p];
    while (h->n > 0 && tn->hold.n > keep) {
      uint32_t id = h->a[h->n - 1];
      unhold(m, tn, id);
      fleet_release(m, id);
    }
  }
  hold_update(m, tn);
}

/* Give back up to `count` nodes of one pool to a higher priority. */
void hold_give_back(model *m, tenant *tn, uint32_t pid, long count) {
  idset *h = pid < tn->hold.npools ? &tn->hold.held[pid] : NULL;
  while (h && h->n > 0 && count-- > 0) {
    uint32_t id = h->a[h->n - 1];
    unhold(m, tn, id);
    fleet_release(m, id);
  }
  hold_update(m, tn);
}

/* A held node failed: the tenant loses it (a spare comes by hold_fill). */
void hold_lose(model *m, tenant *tn, uint32_t id) {
  unhold(m, tn, id);
  hold_update(m, tn);
}

long hold_nodes(const model *m, const tenant *tn) {
  (void)m;
  return tn->hold.want;
}

void hold_free(model *m, tenant *tn) {
  (void)m;
  for (size_t p = 0; p < tn->hold.npools; p++) free(tn->hold.held[p].a);
  free(tn->hold.held);
}
