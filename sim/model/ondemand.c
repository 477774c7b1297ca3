/*
** ondemand.c -- on-demand and spot tenants: Poisson arrivals (time-
** varying by thinning; demand shocks and price elasticity scale the
** rate), jobs of whole nodes of one SKU at one site, rejection (Erlang
** loss) or a FIFO queue with patience (abandonment).  A tenant may run
** its jobs on several SKUs, in order of preference (skus): a job takes the
** first that has room.  job_hours are hours on a perf-1 node: on a SKU of
** perf p a job runs job_hours / p, and with price_per_perf a GPU-hour
** there costs the price x p (a job costs the same wherever it runs).
**
** A job that finds no idle nodes may preempt holders of lower priority
** (internal use, then spot jobs).  A preempted spot job and a job whose
** node fails are lost (counted), keeping the revenue earned so far.  A
** tenant's queue is FIFO: the oldest job that does not fit blocks those
** behind it (no backfilling).
**
** The two kinds differ in one thing: a spot tenant's running jobs are
** kept per pool, so that paying work can preempt them (give_back).
*/
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

static int preemptible(const tenant *tn) { return tn->ops->give_back != NULL; }

/* The price of a GPU-hour of a SKU at t: its own, or the SKU's market
** index x price_factor; with price_per_perf, a perf-1 GPU-hour's price (its
** own, or the first SKU's index share over that SKU's perf) x the SKU's perf. */
static double price_at(const model *m, const tenant *tn, int sku, double t) {
  const tenant_cfg *c = tn->cfg;
  double perf = m->cfg->skus[sku].perf;
  if (!c->price_market) return c->price_per_perf ? tn->jobs.price * perf : tn->jobs.price;
  int at = c->price_per_perf ? c->sku : sku;
  double mk = market_price(m, at, t);
  if (isnan(mk)) return 0;
  return c->price_per_perf ? mk * c->price_factor / m->cfg->skus[at].perf * perf
                           : mk * c->price_factor;
}

static uint32_t job_new(model *m) {
  if (m->jobs.free_job != NONE) {
    uint32_t j = m->jobs.free_job;
    m->jobs.free_job = m->jobs.jobs[j].next_free;
    return j;
  }
  if (m->jobs.njobs == m->jobs.capjobs) {
    uint32_t ncap = m->jobs.capjobs ? m->jobs.capjobs * 2 : 256;
    /* a job's record and its departure and abandonment events (64 bytes each) */
    if (model_take(m, (double)(ncap - m->jobs.capjobs) * (sizeof(job) + 128.0),
                   "the jobs (%u at once)", m->jobs.njobs + 1))
      return NONE;
    job *nj = realloc(m->jobs.jobs, ncap * sizeof *nj);
    if (!nj) return NONE;
    m->jobs.jobs = nj;
    m->jobs.capjobs = ncap;
  }
  return m->jobs.njobs++;
}

static int nodes_out(const job *jb) { return jb->nnodes > JOB_INLINE_NODES; }

static void job_free(model *m, uint32_t j) {
  job *jb = &m->jobs.jobs[j];
  if (nodes_out(jb)) {
    free(jb->nodes.out);
    jb->nodes.out = NULL;
  }
  jb->next_free = m->jobs.free_job;
  m->jobs.free_job = j;
}

static uint32_t *job_nodes(job *jb) { return nodes_out(jb) ? jb->nodes.out : jb->nodes.in; }

static void set_waiting(model *m, tenant *tn, double d) {
  integral_add(&tn->jobs.queue_len, engine_now(m->e), d);
}

/* elastic() when it does not depend on the time (no elasticity, no market
** index, or a price that is the index x price_factor): 1 with *f set, else 0. */
static int elastic_fixed(const model *m, const tenant *tn, double *f) {
  if (tn->cfg->elasticity <= 0 || !m->market.index[tn->cfg->sku]) *f = 1;
  else if (tn->cfg->price_market) *f = tn->jobs.elastic_const; /* price / market = price_factor */
  else return 0;
  return 1;
}

/* Demand multiplier from the price: (price / market)^-elasticity. */
static double elastic(const model *m, const tenant *tn, double t) {
  double e = tn->cfg->elasticity, mk, f;
  if (elastic_fixed(m, tn, &f)) return f;
  if (!((mk = market_price(m, tn->cfg->sku, t)) > 0)) return 1;
  double p = price_at(m, tn, tn->cfg->sku, t);
  return p > 0 ? pow(p / mk, -e) : 1;
}

/* An upper bound of elastic() over the rest of the run. */
static double elastic_bound(const model *m, const tenant *tn) {
  double e = tn->cfg->elasticity;
  const process *mk = m->market.index[tn->cfg->sku];
  if (e <= 0 || !mk) return 1;
  if (tn->cfg->price_market) return tn->jobs.elastic_const;
  double hi = process_max(mk) * m->market.mult_market[tn->cfg->sku], p = tn->jobs.price;
  return p > 0 ? fmax(1.0, pow(p / hi, -e)) : 1;
}

/* The thinning's bounds of the rate hold over windows of this many hours:
** a day, within 0.4% for a yearly season (most candidates settled by the
** bounds), and computed once for the 50 to 100 candidates of a day at the
** reference's rates (longer windows save little more). */
#define RATE_WINDOW_H 24.0

/* The thinning's test, x < rate(t) for the rate process x scale (scale
** >= 0, or NaN when the rate is not that), settled where it can be by the
** process's bounds over the window around t, else by the rate itself
** (cos, exp and path lookups).  The same answer either way, so the same
** arrivals: the bounds hold the rate's computed values, and the margin
** here covers the rounding of the products. */
static int below_rate(model *m, tenant *tn, uint32_t i, double t, double x, double scale) {
  tenant_jobs *j = &tn->jobs;
  if (scale >= 0 && isfinite(scale)) {
    if (!(t >= j->win_t0 && t <= j->win_t1)) {
      j->win_t0 = t;
      j->win_t1 = t + RATE_WINDOW_H;
      process_range(j->rate, j->win_t0, j->win_t1, &j->win_lo, &j->win_hi);
    }
    double lo = j->win_lo * scale, hi = j->win_hi * scale;
    double d = 1e-12 * (fabs(lo) + fabs(hi)) + 1e-300;
    if (x < lo - d) return 1;
    if (x >= hi + d) return 0;
  }
  return x < process_value(j->rate, t) * m->market.mult_demand[i] * elastic(m, tn, t);
}

/* Simulated time has stopped when the thinning draws this many candidates
** in a row, each less than MIN_GAP_HOURS (3.6 ns) after the one before: a
** bound of 1e17 candidates an hour and more, where a gap rounds to nothing
** once the clock is past zero.  Below that, a gap so short happens by
** chance, never 10^6 times in a row; the event budget stops the rest. */
#define MAX_STILL_CANDIDATES 1000000
#define MIN_GAP_HOURS 1e-12

static void thinning_failed(model *m, const tenant *tn, double t, double bound, int still) {
  double rate =
      process_value(tn->jobs.rate, t) * m->market.mult_demand[tn - m->tenants] * elastic(m, tn, t);
  if (still)
    model_fail(m,
               "tenant %s: simulated time no longer advances on day %.1f: its arrivals are "
               "drawn by thinning at a bound of %.3g an hour, for a rate of %.3g an hour now "
               "(tenants.%s: lower elasticity, or a price nearer the market index)",
               tn->cfg->name, hours_to_days(t), bound, rate, tn->cfg->name);
  else
    model_fail(m,
               "the run's event budget (%" PRIu64 " events, --max-events) is spent on day "
               "%.1f of %.0f drawing candidate arrivals of tenant %s: its thinning bound of "
               "%.3g an hour (peak arrivals_per_hour x demand shocks x price elasticity) is "
               "far above its rate, %.3g an hour now; give a larger --max-events if the run is "
               "meant to be this large",
               engine_budget(m->e), hours_to_days(t), hours_to_days(m->cfg->horizon_h),
               tn->cfg->name, bound, rate);
}

/* Schedule tenant i's next arrival after time t, by thinning against
** the bound in force (redrawn from now whenever the bound changes).
** Each candidate counts against the run's event budget, and a bound that
** is not a number, or so high that time stops, fails the run. */
static void next_arrival(model *m, uint32_t i, double t) {
  tenant *tn = &m->tenants[i];
  double peak = tn->jobs.rate_max, demand = m->market.mult_demand[i], el = elastic_bound(m, tn);
  double bound = peak * demand * el;
  tn->jobs.next_arrival = 0;
  if (bound == 0 || peak == 0 || demand == 0) return; /* no demand */
  if (!(bound > 0) || !isfinite(bound)) {
    model_fail(m,
               "tenant %s: its arrival rate is unbounded on day %.1f (peak arrivals_per_hour "
               "%.3g x demand shocks %.3g x price elasticity %.3g): cannot be simulated "
               "(tenants.%s: lower elasticity, or a price_factor or price nearer the market "
               "index)",
               tn->cfg->name, hours_to_days(t), peak, demand, el, tn->cfg->name);
    return;
  }
  double el_fixed, scale = elastic_fixed(m, tn, &el_fixed) ? demand * el_fixed : (double)NAN;
  for (int still = 0;;) {
    double next = t + dist_exponential(&tn->jobs.arrivals, 1.0 / bound);
    if (next > m->cfg->horizon_h) return;
    still = next - t >= MIN_GAP_HOURS ? 0 : still + 1;
    t = next;
    if (engine_charge(m->e, 1) || still >= MAX_STILL_CANDIDATES) {
      thinning_failed(m, tn, t, bound, still >= MAX_STILL_CANDIDATES);
      return;
    }
    if (below_rate(m, tn, i, t, rng_uniform(&tn->jobs.arrivals) * bound, scale)) break;
  }
  tn->jobs.next_arrival = engine_at(m->e, t, EV_ARRIVAL, i, 0);
}

void od_reschedule_arrivals(model *m) {
  for (size_t k = 0; k < m->jobs.ntenants; k++) {
    uint32_t i = m->jobs.tenants[k];
    tenant *tn = &m->tenants[i];
    if (tn->jobs.next_arrival) engine_cancel(m->e, tn->jobs.next_arrival);
    next_arrival(m, i, engine_now(m->e));
  }
}

/* Can the tenant's jobs run in pool p on its k-th SKU of preference? */
static int pool_allowed(const tenant *tn, const pool *p, size_t k) {
  return p->sku == tn->cfg->prefs[k] && (tn->cfg->site < 0 || p->site == tn->cfg->site);
}

/* A pool with `need` idle nodes for the tenant, its SKUs in order of
** preference, then preempting lower priorities if allowed; -1 if none. */
static int place(model *m, tenant *tn, long need, int preempt) {
  for (size_t k = 0; k < tn->cfg->nprefs; k++)
    for (size_t p = 0; p < m->fleet.npools; p++)
      if (pool_allowed(tn, &m->fleet.pools[p], k) && (long)m->fleet.pools[p].idle.n >= need)
        return (int)p;
  for (size_t k = 0; preempt && k < tn->cfg->nprefs; k++)
    for (size_t p = 0; p < m->fleet.npools; p++)
      if (pool_allowed(tn, &m->fleet.pools[p], k) &&
          fleet_free_for(m, (uint32_t)p, tn->priority, need) >= need)
        return (int)p;
  return -1;
}

/* GPUs of a job's nodes in pool p. */
static double job_gpus(const model *m, const job *jb, uint32_t p) {
  return (double)(jb->nnodes * (long)m->cfg->skus[m->fleet.pools[p].sku].gpus_per_node);
}

static void add_rates(model *m, tenant *tn, double gpus, double dollars) {
  double now = engine_now(m->e);
  integral_add(&tn->gpu_hours, now, gpus);
  integral_add(&tn->revenue, now, dollars);
}

static void start(model *m, uint32_t j, int p, double now) {
  job *jb = &m->jobs.jobs[j];
  tenant *tn = &m->tenants[jb->tenant];
  if (nodes_out(jb) && !(jb->nodes.out = malloc(jb->nnodes * sizeof *jb->nodes.out))) {
    model_fail(m, "out of memory starting a job");
    return;
  }
  fleet_take_idle_for(m, (uint32_t)p, jb->nnodes, (int32_t)jb->tenant, j, job_nodes(jb));
  jb->pool = (uint32_t)p;
  jb->waiting = 0;
  jb->started = now;
  int sku = m->fleet.pools[p].sku;
  double gpus = job_gpus(m, jb, (uint32_t)p);
  jb->rate = gpus * price_at(m, tn, sku, now);
  tn->jobs.nodes += jb->nnodes;
  add_rates(m, tn, gpus, jb->rate);
  if (jb->arrived >= m->cfg->warmup_h) {
    tn->jobs.served++;
    tn->jobs.wait_sum += now - jb->arrived;
  }
  if (preemptible(tn) && idset_add(&m->fleet.pools[p].spot_jobs, j, &jb->spot_pos))
    model_fail(m, "out of memory tracking spot jobs");
  jb->depart = engine_at(m->e, now + jb->hours / m->cfg->skus[sku].perf, EV_DEPART, j, 0);
}

/* The job stops running (done, preempted, or a node failed): its nodes
** except `keep` go back to the pool. */
static void stop(model *m, uint32_t j, uint32_t keep) {
  job *jb = &m->jobs.jobs[j];
  tenant *tn = &m->tenants[jb->tenant];
  pool *p = &m->fleet.pools[jb->pool];
  add_rates(m, tn, -job_gpus(m, jb, jb->pool), -jb->rate);
  tn->jobs.nodes -= jb->nnodes;
  if (preemptible(tn)) {
    uint32_t moved = idset_take(&p->spot_jobs, jb->spot_pos);
    if (moved != NONE) m->jobs.jobs[moved].spot_pos = jb->spot_pos;
  }
  fleet_release_job(m, job_nodes(jb), jb->nnodes, keep);
  engine_cancel(m->e, jb->depart);
  job_free(m, j);
}

/* Drop abandoned jobs from the front of the queue. */
static uint32_t live_front(model *m, tenant *tn) {
  uint32_t j;
  while ((j = fifo_front(&tn->jobs.queue)) != NONE && m->jobs.jobs[j].waiting < 0) {
    fifo_pop(&tn->jobs.queue);
    job_free(m, j);
    tenant_note_waits(m, tn);
  }
  return j;
}

/* Start the tenant's waiting jobs while the oldest fits. */
static void serve(model *m, tenant *tn) {
  uint32_t j;
  while ((j = live_front(m, tn)) != NONE && !m->failed) {
    int p = place(m, tn, (long)m->jobs.jobs[j].nnodes, 0);
    if (p < 0) break;
    fifo_pop(&tn->jobs.queue);
    tenant_note_waits(m, tn);
    set_waiting(m, tn, -1);
    engine_cancel(m->e, m->jobs.jobs[j].abandon);
    start(m, j, p, engine_now(m->e));
  }
}

/* A job asks for at most this many nodes (a draw beyond it, or an integer
** above 2^32 that would wrap around as a node count, asks for this): more
** than any fleet has, so it never fits. */
#define MAX_JOB_NODES 4000000000.0

/* The most entries a tenant's queue holds (jobs waiting, and those that
** gave up but are not yet reached): 10^6, about 100 MB of jobs.  Past it
** the run fails rather than grow until the machine's memory runs out. */
#define MAX_QUEUE 1000000u

static void enqueue(model *m, tenant *tn, uint32_t j, double now) {
  if (tn->jobs.queue.n >= MAX_QUEUE) {
    model_fail(
        m,
        "tenant %s has %zu jobs in its queue on day %.1f, the most a queue holds: its arrivals "
        "far exceed what its nodes serve (lower tenants.%s.arrivals_per_hour, or add nodes)",
        tn->cfg->name, tn->jobs.queue.n, hours_to_days(now), tn->cfg->name);
    return;
  }
  if (fifo_push(m, &tn->jobs.queue, j, "jobs")) {
    model_fail(m, "out of memory queueing a job of tenant %s", tn->cfg->name);
    return;
  }
  m->jobs.jobs[j].waiting = 1;
  tenant_note_waits(m, tn);
  set_waiting(m, tn, +1);
  double patience = dist_sample(&tn->cfg->patience_hours, &tn->jobs.patience);
  if (!(patience > 0)) patience = 0; /* a draw below 0 (a normal's): it leaves at once */
  m->jobs.jobs[j].abandon = isinf(patience) ? 0 : engine_at(m->e, now + patience, EV_ABANDON, j, 0);
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
  double size = round(dist_sample(&c->job_nodes, &tn->jobs.sizes)),
         hours = dist_sample(&c->job_hours, &tn->jobs.durations); /* on a perf-1 node */
  job *jb = &m->jobs.jobs[j];
  *jb = (job){.tenant = ev->id,
              .nnodes = !(size >= 1) ? 1 : (uint32_t)fmin(size, MAX_JOB_NODES),
              .arrived = now,
              .hours = hours > 0 ? hours : 0,
              .next_free = NONE};
  tn->jobs.jobs += counted;
  int p = live_front(m, tn) == NONE ? place(m, tn, (long)jb->nnodes, 1) : -1;
  if (p >= 0) start(m, j, p, now);
  else if (c->reject) {
    tn->jobs.blocked += counted;
    job_free(m, j);
  } else {
    enqueue(m, tn, j, now);
  }
  next_arrival(m, ev->id, now);
}

void od_on_depart(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  int sku = m->fleet.pools[m->jobs.jobs[ev->id].pool].sku;
  (void)e;
  m->jobs.jobs[ev->id].depart = 0;
  stop(m, ev->id, NONE);
  fleet_rebalance(m, sku);
}

void od_on_abandon(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  job *jb = &m->jobs.jobs[ev->id];
  tenant *tn = &m->tenants[jb->tenant];
  (void)e;
  jb->waiting = -1; /* freed when it reaches the front of the queue */
  set_waiting(m, tn, -1);
  if (jb->arrived >= m->cfg->warmup_h) tn->jobs.abandoned++;
  for (size_t k = 0; k < tn->cfg->nprefs; k++) /* it may have blocked the head of the line */
    fleet_rebalance(m, tn->cfg->prefs[k]);
}

/* A node of one of its jobs failed: the job is lost, its other nodes freed. */
static void lose(model *m, tenant *tn, uint32_t id) {
  tn->jobs.interrupted++;
  stop(m, m->fleet.nodes[id].job, id);
}

/* Preempt the tenant's jobs in a pool, newest first, until `need` nodes
** are freed. */
static void give_back(model *m, tenant *tn, uint32_t pid, long need) {
  idset *s = &m->fleet.pools[pid].spot_jobs;
  uint32_t t = (uint32_t)(tn - m->tenants);
  for (size_t k = s->n; k-- > 0 && need > 0;) {
    uint32_t j = s->a[k];
    if (m->jobs.jobs[j].tenant != t) continue;
    need -= (long)m->jobs.jobs[j].nnodes;
    tn->jobs.preempted++;
    stop(m, j, NONE);
    if (k > s->n) k = s->n; /* the set shrank */
  }
}

void od_on_warmup(model *m, double t) {
  for (size_t k = 0; k < m->jobs.ntenants; k++)
    integral_restart(&m->tenants[m->jobs.tenants[k]].jobs.queue_len, t);
}

static int init(model *m, tenant *tn) {
  const model_cfg *c = m->cfg;
  uint32_t i = (uint32_t)(tn - m->tenants);
  uint32_t *all = realloc(m->jobs.tenants, (m->jobs.ntenants + 1) * sizeof *all);
  if (!all) return -1;
  m->jobs.tenants = all;
  all[m->jobs.ntenants++] = i;
  tn->jobs.price = tn->cfg->price_gpu_hour;
  tn->jobs.elastic_const = pow(tn->cfg->price_factor, -tn->cfg->elasticity);
  tn->jobs.rate = process_new(&tn->cfg->arrivals_per_hour, c->horizon_h, m->seed, m->rep, &m->mem,
                              m->err, sizeof m->err);
  if (!tn->jobs.rate) return -1;
  tn->jobs.win_t0 = (double)INFINITY; /* no window yet */
  tn->jobs.rate_max = process_max(tn->jobs.rate);
  if (!isfinite(tn->jobs.rate_max) || tn->jobs.rate_max < 0)
    return err_set(m->err, sizeof m->err,
                   "tenants.%s.arrivals_per_hour: the rate process reached %g", tn->cfg->name,
                   tn->jobs.rate_max);
  model_stream(m, &tn->jobs.arrivals, "tenants", tn->cfg->name, "arrivals");
  model_stream(m, &tn->jobs.sizes, "tenants", tn->cfg->name, "job_nodes");
  model_stream(m, &tn->jobs.durations, "tenants", tn->cfg->name, "job_hours");
  model_stream(m, &tn->jobs.patience, "tenants", tn->cfg->name, "patience");
  next_arrival(m, i, 0.0);
  return 0;
}

static double price(const model *m, const tenant *tn) {
  return price_at(m, tn, tn->cfg->sku, engine_now(m->e));
}

/* The nodes its running jobs hold. */
static long nodes(const model *m, const tenant *tn) {
  (void)m;
  return tn->jobs.nodes;
}

static int set_price(model *m, tenant *tn, double gpu_hour, char *err, size_t errlen) {
  if (!(gpu_hour >= 0) || !isfinite(gpu_hour))
    return err_set(err, errlen, "price: gpu_hour must be a number >= 0");
  if (tn->cfg->price_market)
    return err_set(err, errlen, "price: tenant %s follows the market price", tn->cfg->name);
  tn->jobs.price = gpu_hour;
  od_reschedule_arrivals(m);
  return 0;
}

static void free_tenant(model *m, tenant *tn) {
  (void)m;
  process_free(tn->jobs.rate);
  free(tn->jobs.queue.a);
}

void od_free(model *m) {
  for (uint32_t j = 0; j < m->jobs.njobs; j++)
    if (nodes_out(&m->jobs.jobs[j])) free(m->jobs.jobs[j].nodes.out);
  free(m->jobs.jobs);
  free(m->jobs.tenants);
}

/* On-demand and spot differ in one operation: a spot tenant gives nodes back. */
#define JOB_TENANT_OPS(preempt)                                                                 \
  {                                                                                             \
    .holds_as = NODE_BUSY, .billed = 1, .paid_daily = 1, .init = init, .serve = serve,          \
    .lose = lose, .give_back = preempt, .price = price, .nodes = nodes, .set_price = set_price, \
    .free = free_tenant                                                                         \
  }
const tenant_ops on_demand_ops = JOB_TENANT_OPS(NULL);
const tenant_ops spot_ops = JOB_TENANT_OPS(give_back);
