/*
** outage.c -- site outages (power, cooling, network) that take nodes down
** together.
**
** A site with outages has them start at Poisson times, rate_per_year.  An
** outage takes each node of the site working when it starts down with
** probability fraction (its holder loses it; a node down is in repair and
** does not fail), for a duration drawn from `days`; then they come back
** together.  An outage may start while another runs: it takes nodes among
** those still working.  A node's chance of being down is then that of a
** two-state chain: down at rate rate_per_year x fraction, back after `days`.
** Each site draws from its own stream "sites.<name>.outages".
*/
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>

#include "model_int.h"

static void schedule_next(model *m, uint32_t site) {
  const outage_cfg *o = &m->cfg->sites[site].outage;
  double t =
      engine_now(m->e) + dist_exponential(&m->outage.r[site], HOURS_PER_YEAR / o->rate_per_year);
  if (t <= m->cfg->horizon_h) engine_at(m->e, t, EV_OUTAGE, site, 0);
}

int outage_init(model *m) {
  const model_cfg *c = m->cfg;
  outage_part *o = &m->outage;
  o->free_head = NONE;
  o->r = calloc(c->nsites, sizeof *o->r);
  if (!o->r) return -1;
  for (uint32_t s = 0; s < c->nsites; s++) {
    if (!(c->sites[s].outage.rate_per_year > 0)) continue;
    o->on = 1;
    model_stream(m, &o->r[s], "sites", c->sites[s].name, "outages");
    schedule_next(m, s);
  }
  return 0;
}

void outage_free(model *m) {
  for (size_t i = 0; i < m->outage.n; i++) free(m->outage.o[i].nodes);
  free(m->outage.o);
  free(m->outage.r);
}

/* A record for a new outage: a free one, or one more. */
static uint32_t new_record(model *m) {
  outage_part *o = &m->outage;
  if (o->free_head != NONE) {
    uint32_t k = o->free_head;
    o->free_head = o->o[k].next_free;
    return k;
  }
  if (o->n == o->cap) {
    size_t cap = o->cap ? 2 * o->cap : 4;
    if (model_take(m, (double)(cap - o->cap) * sizeof *o->o, "the records of %zu outages", cap))
      return NONE;
    outage *no = realloc(o->o, cap * sizeof *no);
    if (!no) return NONE;
    o->o = no;
    o->cap = cap;
  }
  o->o[o->n] = (outage){.next_free = NONE};
  return (uint32_t)o->n++;
}

/* The site's working nodes, each with probability fraction, into rec. */
static int pick(model *m, uint32_t site, outage *rec) {
  double fraction = m->cfg->sites[site].outage.fraction;
  size_t working = 0;
  for (size_t p = 0; p < m->fleet.npools; p++)
    if (m->fleet.pools[p].site == (int)site) working += m->fleet.pools[p].up.n;
  if (engine_charge(m->e, working)) { /* each node drawn counts as an event */
    model_fail(m,
               "the run's event budget (%" PRIu64 " events, --max-events) is spent on day %.1f "
               "by an outage at %s drawing among its %zu working nodes; give a larger "
               "--max-events if the run is meant to be this large",
               engine_budget(m->e), hours_to_days(engine_now(m->e)), m->cfg->sites[site].name,
               working);
    return -1;
  }
  if (model_take(m, (double)working * sizeof *rec->nodes, "an outage of %zu nodes at %s", working,
                 m->cfg->sites[site].name))
    return -1;
  rec->nodes = malloc((working ? working : 1) * sizeof *rec->nodes);
  if (!rec->nodes) return -1;
  rec->n = 0;
  for (size_t p = 0; p < m->fleet.npools; p++) {
    const pool *pl = &m->fleet.pools[p];
    if (pl->site != (int)site) continue;
    for (size_t k = 0; k < pl->up.n; k++)
      if (rng_uniform(&m->outage.r[site]) < fraction) rec->nodes[rec->n++] = pl->up.a[k];
  }
  mem_give(&m->mem, (double)(working - rec->n) * sizeof *rec->nodes);
  return 0;
}

static void rebalance_all(model *m) {
  for (size_t k = 0; k < m->cfg->nskus && !m->failed; k++) fleet_rebalance(m, (int)k);
}

void outage_on_start(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  uint32_t site = ev->id;
  const site_cfg *s = &m->cfg->sites[site];
  double now = engine_now(e);
  schedule_next(m, site);
  uint32_t k = new_record(m);
  if (k == NONE || pick(m, site, &m->outage.o[k])) {
    if (!m->failed) model_fail(m, "out of memory recording an outage at %s", s->name);
    return;
  }
  outage *rec = &m->outage.o[k];
  for (size_t i = 0; i < rec->n; i++) fleet_down(m, rec->nodes[i]);
  integral_add(&m->outage.down, now, (double)rec->n);
  m->outage.hit++;
  double days = fmax(0, dist_sample(&s->outage.days, &m->outage.r[site]));
  model_event(m, "outage", s->name, "%zu nodes down for %.2f days", rec->n, days);
  double end = now + days_to_hours(days);
  if (end <= m->cfg->horizon_h) engine_at(e, end, EV_OUTAGE_END, k, 0);
  rebalance_all(m);
}

void outage_on_end(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  outage *rec = &m->outage.o[ev->id];
  for (size_t i = 0; i < rec->n; i++) fleet_release(m, rec->nodes[i]);
  integral_add(&m->outage.down, engine_now(e), -(double)rec->n);
  mem_give(&m->mem, (double)rec->n * sizeof *rec->nodes);
  free(rec->nodes);
  *rec = (outage){.next_free = m->outage.free_head};
  m->outage.free_head = ev->id;
  rebalance_all(m);
}

int outage_metrics(model *m, double t) {
  if (!m->outage.on) return 0;
  return results_metric(m->out, "outages", m->outage.hit) |
         results_metric(m->out, "outage_node_hours", integral_at(&m->outage.down, t));
}
