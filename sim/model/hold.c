/*
** hold.c -- the nodes a tenant holds for itself: a reserved tenant's
** contracted nodes (leased) and the operator's internal use (busy).  It
** holds nodes in groups, one per SKU it uses (a reserved tenant's lines
** may name several; each SKU at one site, or any): a group takes idle
** nodes of its SKU (and site) up to what it wants, preempting lower
** priorities, and gives them back newest first.  Every change ends in
** hold_update: the GPU-hours it holds, and a reserved tenant's bills
** (tenant_ops.bill), follow the nodes it holds.
*/
#include <stdlib.h>

#include "model_int.h"

int hold_group_of(const tenant *tn, int sku) {
  for (size_t g = 0; g < tn->hold.ng; g++)
    if (tn->hold.g[g].sku == sku) return (int)g;
  return -1;
}

int hold_init(model *m, tenant *tn) {
  const tenant_cfg *c = tn->cfg;
  tenant_hold *h = &tn->hold;
  size_t n = c->nlines ? c->nlines : 1;
  if (model_take(m, (double)n * sizeof *h->g, "the SKUs tenant %s holds", c->name)) return -1;
  h->g = calloc(n, sizeof *h->g);
  if (!h->g) return -1;
  if (!c->nlines) h->g[h->ng++] = (hold_group){.sku = c->sku, .site = c->site};
  for (size_t l = 0; l < c->nlines; l++)
    if (hold_group_of(tn, c->lines[l].sku) < 0)
      h->g[h->ng++] = (hold_group){.sku = c->lines[l].sku, .site = c->lines[l].site};
  return 0;
}

void hold_want(model *m, tenant *tn, int group, long want) {
  tenant_hold *h = &tn->hold;
  h->want += want - h->g[group].want;
  h->g[group].want = want;
  tenant_note_waits(m, tn);
}

/* The group a pool's nodes belong to, -1 if none (another SKU or site). */
static int group_of_pool(const tenant *tn, const pool *p) {
  int g = hold_group_of(tn, p->sku);
  return g >= 0 && (tn->hold.g[g].site < 0 || tn->hold.g[g].site == p->site) ? g : -1;
}

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
  double now = engine_now(m->e), gpus = 0;
  for (size_t g = 0; g < tn->hold.ng; g++)
    gpus += (double)tn->hold.g[g].n * (double)m->cfg->skus[tn->hold.g[g].sku].gpus_per_node;
  integral_set(&tn->gpu_hours, now, gpus);
  if (tn->value_p) integral_set(&tn->value, now, tn->gpu_hours.rate * tn->value_now);
  if (tn->ops->bill) tn->ops->bill(m, tn, now);
}

static void hold(model *m, tenant *tn, uint32_t id, uint32_t pid, int g) {
  idset *h = held_in(m, tn, pid);
  node *n = &m->fleet.nodes[id];
  n->tenant = (int32_t)(tn - m->tenants);
  fleet_set_state(m, id, tn->ops->holds_as); /* leaves the idle set (by pos) */
  if (!h || idset_add(h, id, &n->pos)) {     /* then pos is its place among the held */
    model_fail(m, "out of memory holding nodes");
    return;
  }
  tn->hold.n++;
  tn->hold.g[g].n++;
  tenant_note_waits(m, tn);
}

static void unhold(model *m, tenant *tn, uint32_t id) {
  node *n = &m->fleet.nodes[id];
  idset *h = &tn->hold.held[n->pool];
  uint32_t moved = idset_take(h, n->pos);
  if (moved != NONE) m->fleet.nodes[moved].pos = n->pos;
  tn->hold.n--;
  tn->hold.g[group_of_pool(tn, &m->fleet.pools[n->pool])].n--;
  tenant_note_waits(m, tn);
}

/* Take idle nodes (preempting lower priorities) up to what each group wants. */
void hold_fill(model *m, tenant *tn) {
  tenant_hold *h = &tn->hold;
  if (h->n >= h->want) return;
  for (uint32_t p = 0; p < m->fleet.npools; p++) {
    int g = group_of_pool(tn, &m->fleet.pools[p]);
    if (g < 0 || h->g[g].n >= h->g[g].want) continue;
    hold_group *grp = &h->g[g];
    fleet_free_for(m, p, tn->priority, grp->want - grp->n);
    uint32_t id;
    while (grp->n < grp->want && (id = fleet_take_idle(m, p)) != NONE) hold(m, tn, id, p, g);
  }
  hold_update(m, tn);
}

/* Give back the nodes at the end of a held set (the newest). */
static void release_newest(model *m, tenant *tn, idset *h, long count) {
  while (h->n > 0 && count-- > 0) {
    uint32_t id = h->a[h->n - 1];
    unhold(m, tn, id);
    fleet_release(m, id);
  }
}

void hold_trim(model *m, tenant *tn) {
  for (uint32_t p = (uint32_t)tn->hold.npools; p-- > 0;) {
    int g = group_of_pool(tn, &m->fleet.pools[p]);
    if (g >= 0 && tn->hold.g[g].n > tn->hold.g[g].want)
      release_newest(m, tn, &tn->hold.held[p], tn->hold.g[g].n - tn->hold.g[g].want);
  }
  hold_update(m, tn);
}

/* Give back up to `count` nodes of one pool to a higher priority. */
void hold_give_back(model *m, tenant *tn, uint32_t pid, long count) {
  if (pid < tn->hold.npools) release_newest(m, tn, &tn->hold.held[pid], count);
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
  free(tn->hold.g);
}
