/*
** ondemand.c -- on-demand tenants: Poisson arrivals (time-varying by
** thinning), jobs of whole nodes of one SKU at one site, rejection
** (Erlang loss) or a FIFO queue with patience (abandonment).  Waiting
** jobs of all tenants of a SKU are served in arrival order; the oldest
** job that does not fit blocks those behind it (no backfilling).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

#define NO_JOB UINT32_MAX
#define ABANDONED (-1) /* job.pool of a job that left the queue */

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

static uint32_t q_front(const jobq *q) { return q->n ? q->a[q->head] : NO_JOB; }
static void q_pop(jobq *q) { q->head = (q->head + 1) % q->cap, q->n--; }

static uint32_t job_new(model *m) {
  if (m->free_job != NO_JOB) {
    uint32_t j = m->free_job;
    m->free_job = m->jobs[j].next_free;
    return j;
  }
  if (m->njobs == m->capjobs) {
    uint32_t ncap = m->capjobs ? m->capjobs * 2 : 256;
    job *nj = realloc(m->jobs, ncap * sizeof *nj);
    if (!nj) return NO_JOB;
    m->jobs = nj, m->capjobs = ncap;
  }
  return m->njobs++;
}

static void job_free(model *m, uint32_t j) {
  m->jobs[j].next_free = m->free_job;
  m->free_job = j;
}

/* Live jobs waiting (tombstones of abandoned jobs excluded). */
static double waiting(const tenant *t) { return t->queue_len.rate; }

static void set_waiting(model *m, tenant *t, double n) {
  integral_set(&t->queue_len, engine_now(m->e), n);
}

/* Schedule tenant i's next arrival after time t, by thinning. */
static void next_arrival(model *m, uint32_t i, double t) {
  tenant *tn = &m->tenants[i];
  if (!(tn->rate_max > 0)) return;
  int constant = process_is_constant(tn->rate);
  for (;;) {
    t += dist_exponential(&tn->arrivals, 1.0 / tn->rate_max);
    if (t > m->cfg->horizon_h) return;
    if (constant || rng_uniform(&tn->arrivals) * tn->rate_max < process_value(tn->rate, t)) break;
  }
  engine_at(m->e, t, EV_ARRIVAL, i, 0);
}

/* A pool of the SKU with at least `nodes` free, or -1. */
static int find_pool(const model *m, int sku, long nodes) {
  for (size_t p = 0; p < m->npools; p++)
    if (m->pools[p].sku == sku && m->pools[p].nodes - m->pools[p].busy >= nodes) return (int)p;
  return -1;
}

static void add_rates(model *m, tenant *tn, pool *p, long nodes, double now) {
  double gpus = (double)(nodes * tn->gpus_per_node);
  p->busy += nodes;
  integral_set(&m->busy, now, m->busy.rate + (double)nodes);
  integral_set(&m->busy_all, now, m->busy_all.rate + (double)nodes);
  integral_set(&tn->gpu_hours, now, tn->gpu_hours.rate + gpus);
  integral_set(&tn->revenue, now, tn->revenue.rate + gpus * tn->cfg->price_gpu_hour);
}

static void start(model *m, uint32_t j, int p, double now) {
  job *jb = &m->jobs[j];
  tenant *tn = &m->tenants[jb->tenant];
  jb->pool = p;
  add_rates(m, tn, &m->pools[p], jb->nodes, now);
  if (jb->arrived >= m->cfg->warmup_h) tn->served++, tn->wait_sum += now - jb->arrived;
  engine_at(m->e, now + jb->hours, EV_DEPART, j, 0);
}

/* Drop abandoned jobs from the front of a queue. */
static uint32_t live_front(model *m, tenant *tn) {
  uint32_t j;
  while ((j = q_front(&tn->queue)) != NO_JOB && m->jobs[j].pool == ABANDONED) {
    q_pop(&tn->queue);
    job_free(m, j);
  }
  return j;
}

/* Start waiting jobs of a SKU in arrival order while the oldest fits. */
static void serve_queues(model *m, int sku, double now) {
  for (;;) {
    int best = -1;
    uint32_t bj = NO_JOB;
    for (size_t i = 0; i < m->cfg->ntenants; i++) {
      tenant *tn = &m->tenants[i];
      if (tn->cfg->sku != sku) continue;
      uint32_t j = live_front(m, tn);
      if (j != NO_JOB && (bj == NO_JOB || m->jobs[j].arrived < m->jobs[bj].arrived)) best = (int)i, bj = j;
    }
    if (best < 0) return;
    int p = find_pool(m, sku, m->jobs[bj].nodes);
    if (p < 0) return;
    tenant *tn = &m->tenants[best];
    q_pop(&tn->queue);
    set_waiting(m, tn, waiting(tn) - 1);
    engine_cancel(m->e, m->jobs[bj].abandon);
    start(m, bj, p, now);
  }
}

static void enqueue(model *m, tenant *tn, uint32_t j, double now) {
  if (q_push(&tn->queue, j)) {
    model_fail(m, "out of memory queueing a job of tenant %s", tn->cfg->name);
    return;
  }
  set_waiting(m, tn, waiting(tn) + 1);
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
  if (j == NO_JOB) {
    model_fail(m, "out of memory creating a job of tenant %s", c->name);
    return;
  }
  double size = round(dist_sample(&c->job_nodes, &tn->sizes)), hours = dist_sample(&c->job_hours, &tn->durations);
  m->jobs[j] = (job){(int)ev->id, -2, size < 1 ? 1 : (long)size, now, hours > 0 ? hours : 0, 0, NO_JOB};
  tn->jobs += counted;
  int p = live_front(m, tn) == NO_JOB ? find_pool(m, c->sku, m->jobs[j].nodes) : -1;
  if (p >= 0) start(m, j, p, now);
  else if (c->reject) tn->blocked += counted, job_free(m, j);
  else enqueue(m, tn, j, now);
  next_arrival(m, ev->id, now);
}

void od_on_depart(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  double now = engine_now(e);
  job *jb = &m->jobs[ev->id];
  tenant *tn = &m->tenants[jb->tenant];
  pool *p = &m->pools[jb->pool];
  int sku = p->sku;
  add_rates(m, tn, p, -jb->nodes, now);
  job_free(m, ev->id);
  serve_queues(m, sku, now);
}

void od_on_abandon(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  job *jb = &m->jobs[ev->id];
  tenant *tn = &m->tenants[jb->tenant];
  jb->pool = ABANDONED; /* freed when it reaches the front of the queue */
  set_waiting(m, tn, waiting(tn) - 1);
  if (jb->arrived >= m->cfg->warmup_h) tn->abandoned++;
  (void)e;
  /* the job may have blocked the head of the line */
  serve_queues(m, tn->cfg->sku, engine_now(m->e));
}

void od_on_warmup(model *m, double t) {
  integral_set(&m->busy, t, m->busy.rate);
  m->busy.total = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    integral *g = &m->tenants[i].queue_len;
    integral_set(g, t, g->rate);
    g->total = 0;
  }
}

int od_init(model *m) {
  const model_cfg *c = m->cfg;
  for (size_t i = 0; i < c->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    tn->cfg = &c->tenants[i];
    tn->gpus_per_node = c->skus[tn->cfg->sku].gpus_per_node;
    tn->rate = process_new(&tn->cfg->arrivals_per_hour, c->horizon_h, m->seed, m->rep);
    if (!tn->rate) return -1;
    tn->rate_max = process_max(tn->rate);
    if (!isfinite(tn->rate_max) || tn->rate_max < 0) {
      snprintf(m->err, sizeof m->err, "tenants.%s.arrivals_per_hour: the rate process reached %g", tn->cfg->name,
               tn->rate_max);
      return -1;
    }
    model_stream(m, &tn->arrivals, tn->cfg->name, "arrivals");
    model_stream(m, &tn->sizes, tn->cfg->name, "job_nodes");
    model_stream(m, &tn->durations, tn->cfg->name, "job_hours");
    model_stream(m, &tn->patience, tn->cfg->name, "patience");
    next_arrival(m, (uint32_t)i, 0.0);
  }
  return 0;
}

void od_free(model *m) {
  for (size_t i = 0; m->tenants && i < m->cfg->ntenants; i++) {
    process_free(m->tenants[i].rate);
    free(m->tenants[i].queue.a);
  }
}
