/*
** fleet.c -- nodes and their pools (one per site x SKU).
**
** A node moves ordered -> in transit -> installing -> idle / leased /
** busy -> repairing -> idle ..., or failed for good at a site without
** repair, and is retired (sold) past its useful life once it is free.
** Installing needs power: a delivered node waits until the site's
** online MW (x PUE) has room for its node_kw.
**
** Failures: each working GPU fails at rate 1 / mtbf_gpu_hours, so a
** pool of n working nodes of g GPUs fails at rate n g / mtbf.  One
** pending event per pool holds the next failure; it is drawn again
** whenever n changes (exponential times are memoryless), and the node
** that fails is drawn uniformly among the working ones.  Repairs take
** repair_hours (a crew's time, drawn).  With a failure_shape k != 1 each GPU's time to failure
** is Weibull(k, lambda), lambda = mtbf / Gamma(1 + 1/k), on the node's
** age since install: a node of g GPUs survives to age a with probability
** exp(-g (a / lambda)^k), and each time it starts working at age a its
** failure is drawn from that law given survival to a (a repair does not
** renew it) -- one pending event per working node (or one down in an
** outage: it does not fail while down).  Repairs wait for the
** site's crews (repair.c); outages take nodes down together (outage.c).
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "invariant.h"
#include "model_int.h"

static int working(node_state s) { return s == NODE_IDLE || s == NODE_LEASED || s == NODE_BUSY; }
static int installed(node_state s) { return working(s) || s == NODE_REPAIRING; }
static int in_use(node_state s) { return s == NODE_LEASED || s == NODE_BUSY; }

#define TO(s) (1u << (s))
/* The states a node may move to from each state (the life in the banner). */
static const unsigned next_states[] = {
    [NODE_ORDERED] = TO(NODE_TRANSIT),
    [NODE_TRANSIT] =
        TO(NODE_INSTALLING) | TO(NODE_IDLE), /* the initial fleet is in service at once */
    [NODE_INSTALLING] = TO(NODE_IDLE),
    [NODE_IDLE] =
        TO(NODE_LEASED) | TO(NODE_BUSY) | TO(NODE_REPAIRING) | TO(NODE_FAILED) | TO(NODE_RETIRED),
    [NODE_LEASED] = TO(NODE_IDLE) | TO(NODE_REPAIRING) | TO(NODE_FAILED) | TO(NODE_RETIRED),
    [NODE_BUSY] = TO(NODE_IDLE) | TO(NODE_REPAIRING) | TO(NODE_FAILED) | TO(NODE_RETIRED),
    [NODE_FAILED] = 0,
    [NODE_REPAIRING] = TO(NODE_IDLE) | TO(NODE_RETIRED),
    [NODE_RETIRED] = 0,
};
_Static_assert(sizeof next_states / sizeof *next_states == NODE_NSTATES,
               "transitions of every node state");

static const sku_cfg *sku_of(const model *m, uint32_t id) {
  return &m->cfg->skus[m->fleet.pools[m->fleet.nodes[id].pool].sku];
}

static double life_hours(const sku_cfg *s) { return s->life_years * HOURS_PER_YEAR; }

static double site_kw_of(const model *m, uint32_t id) {
  const pool *p = &m->fleet.pools[m->fleet.nodes[id].pool];
  return m->cfg->skus[p->sku].node_kw * m->cfg->sites[p->site].pue;
}

/* Pools by (site, SKU): an open-addressing table of pool indices (-1
** free), at most half full, so finding a node's pool costs O(1) however
** many sites and SKUs a scenario has. */
static size_t pool_hash(int site, int sku) {
  uint64_t h = (uint64_t)(uint32_t)site << 32 | (uint32_t)sku; /* MurmurHash3's finaliser */
  h = (h ^ (h >> 33)) * UINT64_C(0xff51afd7ed558ccd);
  h = (h ^ (h >> 33)) * UINT64_C(0xc4ceb9fe1a85ec53);
  return (size_t)(h ^ (h >> 33));
}

static int find_pool(const model *m, int site, int sku) {
  const fleet_part *f = &m->fleet;
  for (size_t h = pool_hash(site, sku); f->pool_cap; h++) {
    int32_t p = f->pool_index[h & (f->pool_cap - 1)];
    if (p < 0) return -1;
    if (f->pools[p].site == site && f->pools[p].sku == sku) return p;
  }
  return -1;
}

static void index_pool(fleet_part *f, int32_t p) {
  size_t h = pool_hash(f->pools[p].site, f->pools[p].sku);
  while (f->pool_index[h & (f->pool_cap - 1)] >= 0) h++;
  f->pool_index[h & (f->pool_cap - 1)] = p;
}

/* Room in the index for one more pool: 0, or -1 on no memory. */
static int grow_pool_index(fleet_part *f) {
  if (2 * (f->npools + 1) <= f->pool_cap) return 0;
  size_t cap = f->pool_cap ? 2 * f->pool_cap : 16;
  int32_t *idx = malloc(cap * sizeof *idx);
  if (!idx) return -1;
  for (size_t i = 0; i < cap; i++) idx[i] = -1;
  free(f->pool_index);
  f->pool_index = idx;
  f->pool_cap = cap;
  for (size_t p = 0; p < f->npools; p++) index_pool(f, (int32_t)p);
  return 0;
}

/* The pool of (site, sku), created on first use (its array grows by
** doubling, each pool taken from the memory budget). */
static int pool_of(model *m, int site, int sku) {
  int p = find_pool(m, site, sku);
  if (p >= 0) return p;
  if (model_take(m, 2.0 * sizeof(pool) + 4 * sizeof(int32_t), "the pools (%zu of them)",
                 m->fleet.npools + 1) ||
      grow_pool_index(&m->fleet))
    return -1;
  if (m->fleet.npools == m->fleet.cappools) {
    size_t cap = m->fleet.cappools ? 2 * m->fleet.cappools : 8;
    pool *np = realloc(m->fleet.pools, cap * sizeof *np);
    if (!np) return -1;
    m->fleet.pools = np;
    m->fleet.cappools = cap;
  }
  pool *np = m->fleet.pools;
  np[m->fleet.npools] = (pool){.site = site, .sku = sku};
  index_pool(&m->fleet, (int32_t)m->fleet.npools);
  return (int)m->fleet.npools++;
}

int fleet_room(model *m, double n, char *err, size_t errlen, const char *what, ...) {
  char desc[256];
  va_list ap;
  va_start(ap, what);
  vsnprintf(desc, sizeof desc, what, ap);
  va_end(ap);
  if ((double)m->fleet.nnodes + n > MODEL_MAX_NODES)
    return err_set(err, errlen, "%s would make more than %.0f nodes (node ids are 32-bit)", desc,
                   MODEL_MAX_NODES);
  return mem_take(&m->mem, n * NODE_BYTES, err, errlen, "%s", desc);
}

uint32_t fleet_new_node(model *m, int sku, int site, node_state state, double price) {
  int p = pool_of(m, site, sku);
  if (p < 0 || m->fleet.nnodes >= (uint32_t)MODEL_MAX_NODES) return NONE;
  if (m->fleet.nnodes == m->fleet.capnodes) {
    uint32_t ncap = m->fleet.capnodes >= UINT32_MAX / 2 ? UINT32_MAX
                    : m->fleet.capnodes                 ? m->fleet.capnodes * 2
                                                        : 1024;
    node *nn = realloc(m->fleet.nodes, ncap * sizeof *nn);
    if (!nn) return NONE;
    m->fleet.nodes = nn;
    m->fleet.capnodes = ncap;
  }
  uint32_t id = m->fleet.nnodes++;
  m->fleet.nodes[id] = (node){.pool = (uint32_t)p,
                              .state = (uint8_t)state,
                              .lender = -1,
                              .tenant = -1,
                              .job = NONE,
                              .pos = NONE,
                              .up_pos = NONE,
                              .installed_h = NAN,
                              .price = price};
  m->fleet.pools[p].count[state]++;
  return id;
}

static int ages(const sku_cfg *s) { return s->failure_shape != 1 && isfinite(s->mtbf_gpu_hours); }

/* A node that starts working with age-dependent failures: its failure,
** given it survived to its age now (inverse transform of the Weibull
** survival of its g GPUs, scale lambda g^(-1/k)). */
static void schedule_aging_failure(model *m, uint32_t id) {
  const node *n = &m->fleet.nodes[id];
  const sku_cfg *s = sku_of(m, id);
  double k = s->failure_shape, now = engine_now(m->e);
  double scale = s->mtbf_gpu_hours / tgamma(1 + 1 / k) * pow((double)s->gpus_per_node, -1 / k);
  double age = fmax(0, now - n->installed_h), u = rng_uniform_pos(&m->fleet.failures);
  double at = n->installed_h + scale * pow(pow(age / scale, k) - log(u), 1 / k);
  if (at <= m->cfg->horizon_h) engine_at(m->e, fmax(now, at), EV_NODE_FAILURE, id, 0);
}

/* Draw the pool's next failure afresh (its working nodes changed). */
static void resample_failures(model *m, uint32_t pid) {
  pool *p = &m->fleet.pools[pid];
  const sku_cfg *s = &m->cfg->skus[p->sku];
  if (ages(s)) return; /* each node has its own */
  engine_cancel(m->e, p->failure);
  p->failure = 0;
  if (p->up.n == 0 || !isfinite(s->mtbf_gpu_hours)) return;
  double rate = (double)p->up.n * s->gpus_per_node / s->mtbf_gpu_hours;
  double t = engine_now(m->e) + dist_exponential(&m->fleet.failures, 1.0 / rate);
  if (t <= m->cfg->horizon_h) p->failure = engine_at(m->e, t, EV_FAILURE, pid, 0);
}

/* du more nodes of pool p in use (busy or leased) from now. */
static void add_in_use(model *m, pool *p, double now, double du) {
  integral_add(&m->use.busy, now, du);
  integral_add(&m->use.busy_all, now, du);
  integral_add(&p->busy, now, du);
}

/* Keep counts, the idle set, the working set and the integrals in step
** with a node's state. */
void fleet_set_state(model *m, uint32_t id, node_state state) {
  node *n = &m->fleet.nodes[id];
  pool *p = &m->fleet.pools[n->pool];
  node_state old = (node_state)n->state;
  double now = engine_now(m->e);
  if (old == state) return;
  NEO_ASSERT(next_states[old] & TO(state));
  if (old == NODE_IDLE) {
    uint32_t moved = idset_take(&p->idle, n->pos);
    if (moved != NONE) m->fleet.nodes[moved].pos = n->pos;
  }
  if (working(old) && !working(state)) {
    uint32_t moved = idset_take(&p->up, n->up_pos);
    if (moved != NONE) m->fleet.nodes[moved].up_pos = n->up_pos;
    n->up_pos = NONE;
  }
  if ((state == NODE_IDLE && idset_add(&p->idle, id, &n->pos)) ||
      (working(state) && !working(old) && idset_add(&p->up, id, &n->up_pos)))
    model_fail(m, "out of memory tracking nodes");
  p->count[old]--;
  p->count[state]++;
  n->state = (uint8_t)state;
  double du = in_use(state) - in_use(old), di = installed(state) - installed(old);
  if (du != 0) add_in_use(m, p, now, du);
  if (di != 0) {
    integral_add(&p->installed, now, di);
    integral_add(&m->use.installed, now, di);
    integral_add(&m->use.installed_all, now, di);
    m->fleet.nodes_total += (long)di;
  }
  if (state == NODE_REPAIRING || old == NODE_REPAIRING)
    integral_add(&m->use.repairing, now, state == NODE_REPAIRING ? 1 : -1);
  if (working(state) != working(old)) resample_failures(m, n->pool);
}

/* Take an idle node of the pool (the caller sets its new state). */
uint32_t fleet_take_idle(model *m, uint32_t pid) {
  pool *p = &m->fleet.pools[pid];
  return p->idle.n ? p->idle.a[p->idle.n - 1] : NONE;
}

/* k nodes of pool p moved between idle and busy (both working, both
** installed): the counts and the in-use integrals, as k calls of
** fleet_set_state() leave them.  Their rates are whole numbers and the k
** steps happen at one time, so one step of k gives the same bits. */
static void idle_busy_moved(model *m, pool *p, node_state old, node_state state, uint32_t k) {
  p->count[old] -= k;
  p->count[state] += k;
  add_in_use(m, p, engine_now(m->e), (double)k * (in_use(state) - in_use(old)));
}

void fleet_take_idle_for(model *m, uint32_t pid, uint32_t k, int32_t holder, uint32_t j,
                         uint32_t *ids) {
  pool *p = &m->fleet.pools[pid];
  NEO_ASSERT(p->idle.n >= k);
  for (uint32_t i = 0; i < k; i++) {
    node *n = &m->fleet.nodes[ids[i] = p->idle.a[--p->idle.n]];
    n->tenant = holder;
    n->job = j;
    n->state = NODE_BUSY;
  }
  idle_busy_moved(m, p, NODE_IDLE, NODE_BUSY, k);
}

void fleet_release_job(model *m, const uint32_t *ids, uint32_t k, uint32_t keep) {
  pool *p = NULL; /* of the busy nodes made idle since the last count */
  uint32_t freed = 0;
  for (uint32_t i = 0; i < k; i++) {
    node *n = &m->fleet.nodes[ids[i]];
    if (ids[i] == keep) continue;
    if (n->eol || n->state != NODE_BUSY) { /* retired, or not busy: the general way */
      fleet_release(m, ids[i]);
      continue;
    }
    if (p != &m->fleet.pools[n->pool]) {
      if (freed) idle_busy_moved(m, p, NODE_BUSY, NODE_IDLE, freed);
      p = &m->fleet.pools[n->pool];
      freed = 0;
    }
    n->tenant = -1;
    n->job = NONE;
    n->state = NODE_IDLE;
    if (idset_add(&p->idle, ids[i], &n->pos)) model_fail(m, "out of memory tracking nodes");
    freed++;
  }
  if (freed) idle_busy_moved(m, p, NODE_BUSY, NODE_IDLE, freed);
}

/* The depreciation of a node by t: its price over its useful life from
** its install (the age before the start included), none before. */
static double accumulated(const model *m, uint32_t id, double t) {
  const node *n = &m->fleet.nodes[id];
  if (isnan(n->installed_h)) return 0;
  return n->price * fmin(1.0, fmax(0.0, (t - n->installed_h) / life_hours(sku_of(m, id))));
}

/* A node that no longer serves stops depreciating (it has no eol event left). */
static void stop_depreciating(model *m, uint32_t id) {
  node *n = &m->fleet.nodes[id];
  if (n->eol) return;
  n->eol = 1;
  integral_add(&m->fleet.dep_rate, engine_now(m->e), -n->price / life_hours(sku_of(m, id)));
}

/* Power: install a delivered node when the site has room for it. */
static int has_power(const model *m, int site, double kw) {
  return m->fleet.site_kw[site] + kw <= m->fleet.site_mw[site] * KW_PER_MW * (1 + 1e-12);
}

static void start_install(model *m, uint32_t id) {
  int site = m->fleet.pools[m->fleet.nodes[id].pool].site;
  m->fleet.site_kw[site] += site_kw_of(m, id);
  fleet_set_state(m, id, NODE_INSTALLING);
  engine_after(m->e, m->cfg->sites[site].install_hours, EV_INSTALLED, id, 0);
}

static void try_waiting(model *m, int site) {
  idset *w = &m->fleet.site_waiting[site];
  size_t k = 0;
  for (size_t i = 0; i < w->n; i++) {
    uint32_t id = w->a[i];
    if (has_power(m, site, site_kw_of(m, id))) start_install(m, id);
    else w->a[k++] = id; /* keeps delivery order */
  }
  w->n = k;
}

/* A node's market value at t: resale_rent_share x the rent at its SKU's
** index over the life it has left (0 without a share, and for a node that
** cost nothing: leased in, not the operator's to sell). */
static double market_value(const model *m, uint32_t id, double t) {
  const node *n = &m->fleet.nodes[id];
  const sku_cfg *s = sku_of(m, id);
  if (!(s->resale_rent_share > 0) || isnan(n->installed_h) || !(n->price > 0)) return 0;
  double left = fmax(0, n->installed_h + life_hours(s) - t);
  return s->resale_rent_share * (double)s->gpus_per_node *
         market_price(m, m->fleet.pools[n->pool].sku, t) * left;
}

static void retire(model *m, uint32_t id, int sold) {
  node *n = &m->fleet.nodes[id];
  double now = engine_now(m->e);
  double proceeds =
      sold ? fmax(sku_of(m, id)->resale_fraction * n->price, market_value(m, id, now)) : 0;
  int site = m->fleet.pools[n->pool].site;
  m->fleet.site_kw[site] -= site_kw_of(m, id);
  fleet_set_state(m, id, NODE_RETIRED);
  if (proceeds > 0) ledger_pay(m, 0, proceeds);
  books_dispose(m, n->price, accumulated(m, id, engine_now(m->e)), proceeds);
  model_trace(m, sold ? "sale" : "retirement", sku_of(m, id)->name, "node %u at %s ($%.0f)", id,
              m->cfg->sites[site].name, proceeds);
  try_waiting(m, site); /* its power goes to a node waiting for it */
}

/* A node comes back from its holder (job end, lease end, preemption). */
void fleet_release(model *m, uint32_t id) {
  node *n = &m->fleet.nodes[id];
  n->tenant = -1;
  n->job = NONE;
  if (n->eol) retire(m, id, 1);
  else fleet_set_state(m, id, NODE_IDLE);
}

void fleet_delivered(model *m, uint32_t id) {
  int site = m->fleet.pools[m->fleet.nodes[id].pool].site;
  uint32_t pos;
  if (m->fleet.site_waiting[site].n == 0 && has_power(m, site, site_kw_of(m, id))) {
    start_install(m, id);
    return;
  }
  fleet_set_state(m, id, NODE_INSTALLING); /* waits for power, in delivery order */
  model_trace(m, "power_wait", sku_of(m, id)->name, "node %u waits for power at %s", id,
              m->cfg->sites[site].name);
  if (idset_add(&m->fleet.site_waiting[site], id, &pos))
    model_fail(m, "out of memory queueing a delivery");
}

static void put_in_service(model *m, uint32_t id, double installed_h) {
  node *n = &m->fleet.nodes[id];
  const sku_cfg *s = sku_of(m, id);
  double life_h = life_hours(s), now = engine_now(m->e);
  n->installed_h = installed_h;
  fleet_set_state(m, id, NODE_IDLE);
  if (ages(s)) schedule_aging_failure(m, id);
  double end = installed_h + life_h;
  if (end > now) {
    integral_add(&m->fleet.dep_rate, now, n->price / life_h);
    if (end <= m->cfg->horizon_h) engine_at(m->e, end, EV_END_OF_LIFE, id, 0);
  } else {
    n->eol = 1;
  }
}

void fleet_on_installed(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  put_in_service(m, ev->id, engine_now(e));
  model_trace(m, "install", sku_of(m, ev->id)->name, "node %u at %s", ev->id,
              m->cfg->sites[m->fleet.pools[m->fleet.nodes[ev->id].pool].site].name);
  fleet_rebalance(m, m->fleet.pools[m->fleet.nodes[ev->id].pool].sku);
}

/* A node reaches the end of its life (arg 1: it had before the start, and
** no longer depreciates): retired now if free, else once free. */
void fleet_on_end_of_life(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  node *n = &m->fleet.nodes[ev->id];
  if (ev->arg == 0)
    integral_add(&m->fleet.dep_rate, engine_now(e), -n->price / life_hours(sku_of(m, ev->id)));
  n->eol = 1;
  if (n->state == NODE_IDLE) retire(m, ev->id, 1);
}

void fleet_on_power(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  const site_cfg *s = &m->cfg->sites[ev->id];
  m->fleet.site_mw[ev->id] = s->online[ev->arg].mw + m->fleet.site_built[ev->id];
  (void)e;
  try_waiting(m, (int)ev->id);
}

void fleet_add_mw(model *m, int site, double mw) {
  m->fleet.site_built[site] += mw;
  m->fleet.site_mw[site] += mw;
  try_waiting(m, site);
}

/* A node stops working for its holder: the holder loses it. */
static void evict(model *m, uint32_t id) {
  node *n = &m->fleet.nodes[id];
  int t = n->tenant;
  if (in_use((node_state)n->state) && t >= 0) m->tenants[t].ops->lose(m, &m->tenants[t], id);
  n = &m->fleet.nodes[id];
  n->tenant = -1;
  n->job = NONE;
}

void fleet_down(model *m, uint32_t id) {
  evict(m, id);
  fleet_set_state(m, id, NODE_REPAIRING);
}

/* A working node fails: its holder loses it; it is repaired or lost. */
static void fail_node(model *m, uint32_t id) {
  node *n = &m->fleet.nodes[id];
  const site_cfg *site = &m->cfg->sites[m->fleet.pools[n->pool].site];
  m->fleet.failures_n++;
  if (site->repair) {
    fleet_down(m, id);
    repair_start(m, id);
  } else {
    evict(m, id); /* lost: written off at its book value, its power to a node waiting for it */
    m->fleet.site_kw[m->fleet.pools[n->pool].site] -= site_kw_of(m, id);
    fleet_set_state(m, id, NODE_FAILED);
    stop_depreciating(m, id);
    books_lose(m, n->price, accumulated(m, id, engine_now(m->e)));
    try_waiting(m, m->fleet.pools[n->pool].site);
  }
  model_trace(m, "failure", m->cfg->skus[m->fleet.pools[n->pool].sku].name, "node %u at %s%s", id,
              site->name, site->repair ? "" : ", lost");
}

void fleet_on_failure(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  pool *p = &m->fleet.pools[ev->id];
  (void)e;
  p->failure = 0;
  if (p->up.n == 0) return;
  uint32_t id = p->up.a[rng_bounded(&m->fleet.failures, (uint32_t)p->up.n)];
  fail_node(m, id);
  resample_failures(m, ev->id);
  fleet_rebalance(m, p->sku);
}

/* A node's own failure (age-dependent failures): if it still works (a node
** retired, sold or lost since has no failure left).  A node down in an
** outage does not fail: its failure is drawn again, given it survived to
** its age now (a node in repair has none pending: its failure came). */
void fleet_on_node_failure(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  (void)e;
  node_state st = (node_state)m->fleet.nodes[ev->id].state;
  if (st == NODE_REPAIRING) schedule_aging_failure(m, ev->id);
  if (!working(st)) return;
  fail_node(m, ev->id);
  fleet_rebalance(m, m->fleet.pools[m->fleet.nodes[ev->id].pool].sku);
}

void fleet_on_repaired(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  (void)e;
  fleet_release(m, ev->id);
  if (working((node_state)m->fleet.nodes[ev->id].state) && ages(sku_of(m, ev->id)))
    schedule_aging_failure(m, ev->id);
  repair_done(m, m->fleet.pools[m->fleet.nodes[ev->id].pool].site);
  model_trace(m, "repair", sku_of(m, ev->id)->name, "node %u at %s back", ev->id,
              m->cfg->sites[m->fleet.pools[m->fleet.nodes[ev->id].pool].site].name);
  fleet_rebalance(m, m->fleet.pools[m->fleet.nodes[ev->id].pool].sku);
}

/* Serve the tenants of a SKU that wait, in allocation order: from idle
** nodes, and a tenant that holds nodes also by preempting lower priorities
** (internal use, spot jobs), so a reserved tenant that lost a node to a
** failure takes another at once. */
void fleet_rebalance(model *m, int sku) {
  const idset *users = &m->by_sku[sku]; /* the SKU's tenants in allocation order */
  if (m->waiting[sku] == 0) return;     /* none waits: serving would change nothing */
  for (size_t k = 0; k < users->n && !m->failed; k++) {
    tenant *tn = &m->tenants[users->a[k]];
    if (tenant_waits(tn)) tn->ops->serve(m, tn);
  }
}

/* Make up to `want` idle nodes in the pool by preempting holders of
** lower priority that give nodes back (internal use, spot jobs), lowest
** priority first.  Returns the idle nodes then. */
long fleet_free_for(model *m, uint32_t pid, int priority, long want) {
  pool *p = &m->fleet.pools[pid];
  for (size_t k = m->cfg->ntenants; k-- > 0 && (long)p->idle.n < want;) {
    tenant *tn = &m->tenants[m->order[k]];
    if (tn->priority <= priority || tn->cfg->sku != p->sku || !tn->ops->give_back) continue;
    tn->ops->give_back(m, tn, pid, want - (long)p->idle.n);
  }
  return (long)p->idle.n;
}

long fleet_working(const model *m) {
  return fleet_count(m, -1, -1, NODE_IDLE) + fleet_count(m, -1, -1, NODE_LEASED) +
         fleet_count(m, -1, -1, NODE_BUSY);
}

long fleet_count(const model *m, int sku, int site, node_state state) {
  long c = 0;
  for (size_t p = 0; p < m->fleet.npools; p++)
    if ((sku < 0 || m->fleet.pools[p].sku == sku) && (site < 0 || m->fleet.pools[p].site == site))
      c += m->fleet.pools[p].count[state];
  return c;
}

/* The book value of every node (lender -2) or of those securing a tranche. */
static double book_value(const model *m, double t, int lender) {
  double deposit = m->cfg->supplier.deposit;
  double v = 0;
  for (uint32_t i = 0; i < m->fleet.nnodes; i++) {
    const node *n = &m->fleet.nodes[i];
    if (lender != -2 && n->lender != lender) continue;
    switch ((node_state)n->state) {
    case NODE_ORDERED:
    case NODE_TRANSIT: v += deposit * n->price; break; /* paid when ordered */
    case NODE_FAILED:
    case NODE_RETIRED: break;
    default: v += n->price - accumulated(m, i, t); /* delivered, at cost less depreciation */
    }
  }
  return v;
}

double fleet_book_value(const model *m, double t) { return book_value(m, t, -2); }

double fleet_book_value_of(const model *m, double t, int lender) {
  return book_value(m, t, lender);
}

void fleet_pledge(model *m, uint32_t first, long n, int lender) {
  for (long k = 0; k < n; k++) m->fleet.nodes[first + (uint32_t)k].lender = (int16_t)lender;
}

/* Sell (with proceeds) or retire idle nodes of a SKU at a site. */
int fleet_sell(model *m, int sku, int site, long count, int sell, char *err, size_t errlen) {
  int p = find_pool(m, site, sku);
  long idle = p < 0 ? 0 : (long)m->fleet.pools[p].idle.n;
  if (idle < count) {
    snprintf(err, errlen, "only %ld idle %s nodes at %s, cannot %s %ld", idle,
             m->cfg->skus[sku].name, m->cfg->sites[site].name, sell ? "sell" : "retire", count);
    return -1;
  }
  for (long i = 0; i < count; i++) {
    uint32_t id = fleet_take_idle(m, (uint32_t)p);
    stop_depreciating(m, id);
    retire(m, id, sell);
  }
  return 0;
}

/* The initial fleet: nodes in service at their install date (before or at
** the start); bought ones are paid at the start. */
int fleet_init(model *m) {
  const model_cfg *c = m->cfg;
  m->fleet.site_kw = calloc(c->nsites, sizeof *m->fleet.site_kw);
  m->fleet.site_mw = calloc(c->nsites, sizeof *m->fleet.site_mw);
  m->fleet.site_built = calloc(c->nsites, sizeof *m->fleet.site_built);
  m->fleet.site_waiting = calloc(c->nsites, sizeof *m->fleet.site_waiting);
  if (!m->fleet.site_kw || !m->fleet.site_mw || !m->fleet.site_built || !m->fleet.site_waiting)
    return -1;
  rng_derive(&m->fleet.failures, m->seed, m->rep, "fleet.failures");
  for (size_t s = 0; s < c->nsites; s++) {
    m->fleet.site_mw[s] = c->sites[s].power_mw;
    for (size_t k = 0; k < c->sites[s].nonline; k++)
      engine_at(m->e, fmax(0.0, c->sites[s].online[k].t_h), EV_POWER, (uint32_t)s, k);
  }
  double capex = 0, total = 0;
  for (size_t i = 0; i < c->nfleet; i++) total += (double)c->fleet[i].nodes;
  char err[ERR_LEN];
  if (fleet_room(m, total, err, sizeof err, "the fleet of %.0f nodes", total)) {
    model_fail(m, "%s", err); /* checked before a node is made: 10^9 took the machine's memory */
    return -1;
  }
  for (size_t i = 0; i < c->nfleet; i++) {
    const fleet_cfg *f = &c->fleet[i];
    double price = f->lease_month > 0 ? 0 : c->skus[f->sku].node_price, age = 0; /* leased: 0 */
    if (f->lease_month > 0 && f->lease_end_h <= c->horizon_h)
      engine_at(m->e, fmax(0, f->lease_end_h), EV_LEASE_END, (uint32_t)i, 0);
    for (long k = 0; k < f->nodes; k++) {
      uint32_t id = fleet_new_node(m, f->sku, f->site, NODE_TRANSIT, price);
      if (id == NONE) return -1;
      m->fleet.site_kw[f->site] += site_kw_of(m, id);
      put_in_service(m, id, f->installed_h);
      age += accumulated(m, id, 0.0);
    }
    books_opening_fleet(m, price * (double)f->nodes, age, f->bought);
    if (f->bought) capex += price * (double)f->nodes; /* paid at the start */
  }
  if (capex > 0) ledger_pay(m, capex, 0);
  for (uint32_t id = 0; id < m->fleet.nnodes; id++) /* past their life already */
    if (m->fleet.nodes[id].eol) engine_at(m->e, 0.0, EV_END_OF_LIFE, id, 1);
  return m->failed ? -1 : 0;
}

void fleet_impair(model *m, double t) {
  const model_cfg *c = m->cfg;
  int any = 0;
  for (size_t k = 0; k < c->nskus; k++) any |= c->skus[k].resale_rent_share > 0;
  long count = 0;
  double loss = 0;
  for (uint32_t id = 0; any && id < m->fleet.nnodes; id++) {
    node *n = &m->fleet.nodes[id];
    const sku_cfg *s = sku_of(m, id);
    node_state st = (node_state)n->state;
    if (!(s->resale_rent_share > 0) || n->eol || isnan(n->installed_h) ||
        !(st == NODE_IDLE || in_use(st) || st == NODE_REPAIRING))
      continue;
    double life = life_hours(s), a = (t - n->installed_h) / life;
    double book = n->price * (1 - a), value = market_value(m, id, t);
    if (!(a < 1) || !(value < book * (1 - 1e-9))) continue;
    double cut = n->price - value / (1 - a); /* the price whose book value is the market's */
    integral_add(&m->fleet.dep_rate, t, -cut / life);
    books_impair(m, cut, a);
    n->price -= cut;
    loss += book - value;
    count++;
  }
  m->fleet.impairment += loss;
  if (count)
    model_event(m, "impairment", "fleet", "%ld nodes written down by $%.0f to their market value",
                count, loss);
}

/* The first node of the initial fleet's entry i (its nodes are the first,
** entry by entry). */
static uint32_t first_of_entry(const model *m, size_t i) {
  uint32_t first = 0;
  for (size_t k = 0; k < i; k++) first += (uint32_t)m->cfg->fleet[k].nodes;
  return first;
}

/* A lease in ends: its nodes go back -- a holder loses its node, one in
** repair goes back once repaired -- without proceeds (they cost nothing). */
void fleet_on_lease_end(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  const fleet_cfg *f = &m->cfg->fleet[ev->id];
  uint32_t first = first_of_entry(m, ev->id);
  long back = 0;
  (void)e;
  for (long k = 0; k < f->nodes; k++) {
    uint32_t id = first + (uint32_t)k;
    node *n = &m->fleet.nodes[id];
    if (n->state == NODE_FAILED || n->state == NODE_RETIRED) continue;
    back++;
    n->eol = 1;
    if (n->state == NODE_REPAIRING) continue; /* retired when repaired */
    evict(m, id);
    retire(m, id, 0);
  }
  model_event(m, "lease_end", m->cfg->skus[f->sku].name, "%ld nodes leased in returned (fleet[%u])",
              back, ev->id + 1);
  fleet_rebalance(m, f->sku);
}

void fleet_on_financed(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  const model_cfg *c = m->cfg;
  (void)e;
  (void)ev;
  uint32_t first = 0; /* the initial fleet's nodes are the first, entry by entry */
  for (size_t i = 0; i < c->nfleet; i++) {
    const fleet_cfg *f = &c->fleet[i];
    if (f->bought)
      debt_finance(m, f->sku, first, f->nodes, c->skus[f->sku].node_price * (double)f->nodes);
    first += (uint32_t)f->nodes;
  }
}

void fleet_free(model *m) {
  for (size_t p = 0; m->fleet.pools && p < m->fleet.npools; p++) {
    free(m->fleet.pools[p].idle.a);
    free(m->fleet.pools[p].up.a);
    free(m->fleet.pools[p].spot_jobs.a);
  }
  for (size_t s = 0; m->fleet.site_waiting && s < m->cfg->nsites; s++)
    free(m->fleet.site_waiting[s].a);
  free(m->fleet.pools);
  free(m->fleet.pool_index);
  free(m->fleet.nodes);
  free(m->fleet.site_kw);
  free(m->fleet.site_mw);
  free(m->fleet.site_built);
  free(m->fleet.site_waiting);
}
