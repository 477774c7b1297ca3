/*
** ondemand.c -- on-demand and spot tenants: Poisson arrivals (time-
** varying by thinning; demand shocks and price elasticity scale the
** rate), jobs of whole nodes of one SKU at one site, rejection (Erlang
** loss) or a FIFO queue with patience (abandonment).
**
** A job that finds no idle nodes may preempt holders of lower priority
** (internal use, then spot jobs).  A preempted spot job and a job whose
** node fails are lost (counted), keeping the revenue earned so far.  A
** tenant's queue is FIFO: the oldest job that does not fit blocks those
** behind it (no backfilling).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

static int q_push(jobq *q, uint32_t j) {
  if (q->n == q->cap) {
    size_t ncap = q->cap ? q->cap * 2 : 16;
    uint32_t *na = malloc(ncap * sizeof *na);
    if (!na) return -1;
    for (size_t i = 0; i < q->n; i++) na[i] = q->a[(q->head + i) % q->cap];
    free(q->a);
    q->a = na, q->cap = ncap, q->head = 0;
  }
  q->a[(q->head + q->n++) % q->cap] = j;
  return 0;
}

static uint32_t q_front(const jobq *q) { return q->n ? q->a[q->head] : NONE; }
static void q_pop(jobq *q) { q->head = (q->head + 1) % q->cap, q->n--; }

static uint32_t job_new(model *m) {
  if (m->free_job != NONE) {
    uint32_t j = m->free_job;
    m->free_job = m->jobs[j].next_free;
    return j;
  }
  if (m->njobs == m->capjobs) {
    uint32_t ncap = m->capjobs ? m->capjobs * 2 : 256;
    job *nj = realloc(m->jobs, ncap * sizeof *nj);
    if (!nj) return NONE;
    m->jobs = nj, m->capjobs = ncap;
  }
  return m->njobs++;
}

static void job_free(model *m, uint32_t j) {
  free(m->jobs[j].nodes);
  m->jobs[j].nodes = NULL;
  m->jobs[j].next_free = m->free_job;
  m->free_job = j;
}

static uint32_t *job_nodes(job *jb) { return jb->nnodes > 1 ? jb->nodes : &jb->node0; }

static void set_waiting(model *m, tenant *tn, double d) { integral_add(&tn->queue_len, engine_now(m->e), d); }

/* Demand multiplier from the price: (price / market)^-elasticity. */
static double elastic(const model *m, const tenant *tn, double t) {
  double e = tn->cfg->elasticity, mk;
  if (e <= 0 || !m->market[tn->cfg->sku]) return 1;
  if (tn->cfg->price_market) return tn->elastic_const; /* price / market = price_factor */
  if (!((mk = market_price(m, tn->cfg->sku, t)) > 0)) return 1;
  double p = tenant_price(m, tn, t);
  return p > 0 ? pow(p / mk, -e) : 1;
}

/* An upper bound of elastic() over the rest of the run. */
static double elastic_bound(const model *m, const tenant *tn) {
  double e = tn->cfg->elasticity;
  const process *mk = m->market[tn->cfg->sku];
  if (e <= 0 || !mk) return 1;
  if (tn->cfg->price_market) return tn->elastic_const;
  double hi = process_max(mk) * m->mult_market[tn->cfg->sku], p = tn->price;
  return p > 0 ? fmax(1.0, pow(p / hi, -e)) : 1;
}

/* Schedule tenant i's next arrival after time t, by thinning against
** the bound in force (redrawn from now whenever the bound changes). */
static void next_arrival(model *m, uint32_t i, double t) {
  tenant *tn = &m->tenants[i];
  double bound = tn->rate_max * m->mult_demand[i] * elastic_bound(m, tn);
  tn->next_arrival = 0;
  if (!(bound > 0)) return;
  for (;;) {
    t += dist_exponential(&tn->arrivals, 1.0 / bound);
    if (t > m->cfg->horizon_h) return;
    double rate = process_value(tn->rate, t) * m->mult_demand[i] * elastic(m, tn, t);
    if (rng_uniform(&tn->arrivals) * bound < rate) break;
  }
  tn->next_arrival = engine_at(m->e, t, EV_ARRIVAL, i, 0);
}

void od_reschedule_arrivals(model *m) {
  for (uint32_t i = 0; i < m->cfg->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    if (tn->cfg->kind != TENANT_ON_DEMAND && tn->cfg->kind != TENANT_SPOT) continue;
    if (tn->next_arrival) engine_cancel(m->e, tn->next_arrival);
    next_arrival(m, i, engine_now(m->e));
  }
}

static int pool_allowed(const tenant *tn, const pool *p) {
  return p->sku == tn->cfg->sku && (tn->cfg->site < 0 || p->site == tn->cfg->site);
}

/* A pool with `need` idle nodes for the tenant, preempting lower
** priorities if allowed; -1 if none. */
static int place(model *m, tenant *tn, long need, int preempt) {
  for (size_t p = 0; p < m->npools; p++)
    if (pool_allowed(tn, &m->pools[p]) && (long)m->pools[p].idle.n >= need) return (int)p;
  for (size_t p = 0; preempt && p < m->npools; p++)
    if (pool_allowed(tn, &m->pools[p]) && fleet_free_for(m, (uint32_t)p, tn->priority, need) >= need)
      return (int)p;
  return -1;
}

static void add_rates(model *m, tenant *tn, double gpus, double dollars) {
  double now = engine_now(m->e);
  integral_add(&tn->gpu_hours, now, gpus);
  integral_add(&tn->revenue, now, dollars);
}

static void start(model *m, uint32_t j, int p, double now) {
  job *jb = &m->jobs[j];
  tenant *tn = &m->tenants[jb->tenant];
  if (jb->nnodes > 1 && !(jb->nodes = malloc(jb->nnodes * sizeof *jb->nodes))) {
    model_fail(m, "out of memory starting a job");
    return;
  }
  uint32_t *ids = job_nodes(jb);
  for (uint32_t k = 0; k < jb->nnodes; k++) {
    uint32_t id = ids[k] = fleet_take_idle(m, (uint32_t)p);
    m->nodes[id].tenant = (int32_t)jb->tenant, m->nodes[id].job = j;
    fleet_set_state(m, id, NODE_BUSY);
  }
  jb->pool = (uint32_t)p, jb->waiting = 0, jb->started = now;
  double gpus = (double)(jb->nnodes * tn->gpus_per_node);
  jb->rate = gpus * tenant_price(m, tn, now);
  add_rates(m, tn, gpus, jb->rate);
  if (jb->arrived >= m->cfg->warmup_h) tn->served++, tn->wait_sum += now - jb->arrived;
  if (tn->cfg->kind == TENANT_SPOT && idset_add(&m->pools[p].spot_jobs, j, &jb->spot_pos))
    model_fail(m, "out of memory tracking spot jobs");
  jb->depart = engine_at(m->e, now + jb->hours, EV_DEPART, j, 0);
}

/* The job stops running (done, preempted, or a node failed): its nodes
** except `keep` go back to the pool. */
static void stop(model *m, uint32_t j, uint32_t keep) {
  job *jb = &m->jobs[j];
  tenant *tn = &m->tenants[jb->tenant];
  pool *p = &m->pools[jb->pool];
  add_rates(m, tn, -(double)(jb->nnodes * tn->gpus_per_node), -jb->rate);
  if (tn->cfg->kind == TENANT_SPOT) {
    uint32_t moved = idset_take(&p->spot_jobs, jb->spot_pos);
    if (moved != NONE) m->jobs[moved].spot_pos = jb->spot_pos;
  }
  uint32_t *ids = job_nodes(jb);
  for (uint32_t k = 0; k < jb->nnodes; k++)
    if (ids[k] != keep) fleet_release(m, ids[k]);
  engine_cancel(m->e, jb->depart);
  job_free(m, j);
}

/* Drop abandoned jobs from the front of the queue. */
static uint32_t live_front(model *m, tenant *tn) {
  uint32_t j;
  while ((j = q_front(&tn->queue)) != NONE && m->jobs[j].waiting < 0) {
    q_pop(&tn->queue);
    job_free(m, j);
  }
  return j;
}

/* Start the tenant's waiting jobs while the oldest fits; 1 if any started. */
int od_serve(model *m, tenant *tn) {
  int any = 0;
  uint32_t j;
  while ((j = live_front(m, tn)) != NONE && !m->failed) {
    int p = place(m, tn, (long)m->jobs[j].nnodes, 0);
    if (p < 0) break;
    q_pop(&tn->queue);
    set_waiting(m, tn, -1);
    engine_cancel(m->e, m->jobs[j].abandon);
    start(m, j, p, engine_now(m->e));
    any = 1;
  }
  return any;
}

/* The most entries a tenant's queue holds (jobs waiting, and those that
** gave up but are not yet reached): 10^6, about 100 MB of jobs.  Past it
** the run fails rather than grow until the machine's memory runs out. */
#define MAX_QUEUE 1000000u

static void enqueue(model *m, tenant *tn, uint32_t j, double now) {
  if (tn->queue.n >= MAX_QUEUE) {
    model_fail(m, "tenant %s has %zu jobs in its queue on day %.1f, the most a queue holds: its arrivals "
               "far exceed what its nodes serve (lower tenants.%s.arrivals_per_hour, or add nodes)",
               tn->cfg->name, tn->queue.n, now / 24.0, tn->cfg->name);
    return;
  }
  if (q_push(&tn->queue, j)) {
    model_fail(m, "out of memory queueing a job of tenant %s", tn->cfg->name);
    return;
  }
  m->jobs[j].waiting = 1;
  set_waiting(m, tn, +1);
  double patience = dist_sample(&tn->cfg->patience_hours, &tn->patience);
  m->jobs[j].abandon = isinf(patience) ? 0 : engine_at(m->e, now + patience, EV_ABANDON, j, 0);
}

void od_on_arrival(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  double now = engine_now(e);
  tenant *tn = &m->tenants[ev->id];
  const tenant_cfg *c = tn->cfg;
  int counted = now >= m->cfg->warmup_h;
  uint32_t j = job_new(m);
  if (j == NONE) {
    model_fail(m, "out of memory creating a job of tenant %s", c->name);
    return;
  }
  double size = round(dist_sample(&c->job_nodes, &tn->sizes)), hours = dist_sample(&c->job_hours, &tn->durations);
  job *jb = &m->jobs[j];
  *jb = (job){.tenant = ev->id, .nnodes = size < 1 ? 1 : (uint32_t)size, .arrived = now,
              .hours = hours > 0 ? hours : 0, .next_free = NONE};
  tn->jobs += counted;
  int p = live_front(m, tn) == NONE ? place(m, tn, (long)jb->nnodes, 1) : -1;
  if (p >= 0) start(m, j, p, now);
  else if (c->reject) tn->blocked += counted, job_free(m, j);
  else enqueue(m, tn, j, now);
  next_arrival(m, ev->id, now);
}

void od_on_depart(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  int sku = m->pools[m->jobs[ev->id].pool].sku;
  (void)e;
  m->jobs[ev->id].depart = 0;
  stop(m, ev->id, NONE);
  fleet_rebalance(m, sku);
}

void od_on_abandon(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  job *jb = &m->jobs[ev->id];
  tenant *tn = &m->tenants[jb->tenant];
  (void)e;
  jb->waiting = -1; /* freed when it reaches the front of the queue */
  set_waiting(m, tn, -1);
  if (jb->arrived >= m->cfg->warmup_h) tn->abandoned++;
  fleet_rebalance(m, tn->cfg->sku); /* it may have blocked the head of the line */
}

void od_node_failed(model *m, uint32_t j, uint32_t failed_node) {
  tenant *tn = &m->tenants[m->jobs[j].tenant];
  tn->interrupted++;
  stop(m, j, failed_node);
}

/* Preempt the tenant's spot jobs in a pool, newest first, until `need`
** nodes are freed. */
void od_preempt_in(model *m, tenant *tn, uint32_t pid, long need) {
  idset *s = &m->pools[pid].spot_jobs;
  uint32_t t = (uint32_t)(tn - m->tenants);
  for (size_t k = s->n; k-- > 0 && need > 0;) {
    uint32_t j = s->a[k];
    if (m->jobs[j].tenant != t) continue;
    need -= (long)m->jobs[j].nnodes;
    tn->preempted++;
    stop(m, j, NONE);
    if (k > s->n) k = s->n; /* the set shrank */
  }
}

void od_on_warmup(model *m, double t) {
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    integral *g = &m->tenants[i].queue_len;
    integral_set(g, t, g->rate);
    g->total = 0;
  }
}

int od_init(model *m) {
  const model_cfg *c = m->cfg;
  for (uint32_t i = 0; i < c->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    if (tn->cfg->kind != TENANT_ON_DEMAND && tn->cfg->kind != TENANT_SPOT) continue;
    tn->price = tn->cfg->price_gpu_hour;
    tn->elastic_const = pow(tn->cfg->price_factor, -tn->cfg->elasticity);
    tn->rate = process_new(&tn->cfg->arrivals_per_hour, c->horizon_h, m->seed, m->rep);
    if (!tn->rate) return -1;
    tn->rate_max = process_max(tn->rate);
    if (!isfinite(tn->rate_max) || tn->rate_max < 0) {
      snprintf(m->err, sizeof m->err, "tenants.%s.arrivals_per_hour: the rate process reached %g", tn->cfg->name,
               tn->rate_max);
      return -1;
    }
    model_stream(m, &tn->arrivals, "tenants", tn->cfg->name, "arrivals");
    model_stream(m, &tn->sizes, "tenants", tn->cfg->name, "job_nodes");
    model_stream(m, &tn->durations, "tenants", tn->cfg->name, "job_hours");
    model_stream(m, &tn->patience, "tenants", tn->cfg->name, "patience");
    next_arrival(m, i, 0.0);
  }
  return 0;
}

void od_free(model *m) {
  for (size_t i = 0; m->tenants && i < m->cfg->ntenants; i++) {
    process_free(m->tenants[i].rate);
    free(m->tenants[i].queue.a);
  }
  for (uint32_t j = 0; j < m->njobs; j++)
    if (m->jobs[j].nnodes > 1) free(m->jobs[j].nodes);
}
