/*
** market.c -- prices the model does not set itself: the rental price
** index per SKU (a process, x obsolescence for each newer SKU released,
** x market shocks), supplier node prices, site power prices, and the
** shocks that scale them (dated, or random at rate_per_year; several
** active shocks multiply).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

double market_price(const model *m, int sku, double t) {
  const process *p = m->market.index[sku];
  if (!p) return NAN;
  return process_value(p, t) * m->market.obsolete[sku] * m->market.mult_market[sku];
}

/* Each SKU's obsolescence factor to the power of the newer SKUs released. */
static void note_releases(model *m) {
  for (size_t k = 0; k < m->cfg->nskus; k++)
    m->market.obsolete[k] = pow(m->cfg->markets[k].obsolescence, m->market.releases[k]);
}

/* SKU ev->id is released: every older SKU's index drops by its factor. */
void market_on_release(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  const model_cfg *c = m->cfg;
  double rel = c->skus[ev->id].release_h;
  (void)e;
  for (size_t k = 0; k < c->nskus; k++)
    if (c->skus[k].release_h < rel) m->market.releases[k]++;
  note_releases(m);
  model_event(m, "release", c->skus[ev->id].name, "newer generation on the market");
}

static void scale(double *mult, size_t n, int target, double f) {
  for (size_t i = 0; i < n; i++)
    if (target < 0 || (size_t)target == i) mult[i] *= f;
}

/* Recompute every multiplier from the active shocks. */
static void apply_shocks(model *m) {
  const model_cfg *c = m->cfg;
  double *all[] = {m->market.mult_gpu, m->market.mult_power, m->market.mult_cap,
                   m->market.mult_demand, m->market.mult_market};
  size_t len[] = {c->nskus, c->nsites, c->nskus, c->ntenants, c->nskus};
  for (int k = 0; k < 5; k++)
    for (size_t i = 0; i < len[k]; i++) all[k][i] = 1;
  m->market.mult_lead = 1;
  for (size_t i = 0; i < c->nshocks; i++) {
    const shock_cfg *s = &c->shocks[i];
    double f = pow(s->factor, m->market.shock_active[i]);
    switch (s->kind) {
    case SHOCK_GPU_PRICE: scale(m->market.mult_gpu, c->nskus, s->target, f); break;
    case SHOCK_POWER_PRICE: scale(m->market.mult_power, c->nsites, s->target, f); break;
    case SHOCK_LEAD_TIME: m->market.mult_lead *= f; break;
    case SHOCK_SUPPLY_CUT: scale(m->market.mult_cap, c->nskus, s->target, f); break;
    case SHOCK_DEMAND: scale(m->market.mult_demand, c->ntenants, s->target, f); break;
    case SHOCK_MARKET_PRICE: scale(m->market.mult_market, c->nskus, s->target, f); break;
    case SHOCK_NKINDS: break;
    }
  }
}

/* Recompute the multipliers at now, keeping of each site's power multiplier
** the value in force at the start of the day (market_power_mult). */
static void power_changes(model *m, double now) {
  size_t n = m->cfg->nsites;
  double day = floor(now / HOURS_PER_DAY) * HOURS_PER_DAY;
  for (size_t i = 0; i < n; i++) m->market.power_before[i] = m->market.mult_power[i];
  apply_shocks(m);
  for (size_t i = 0; i < n; i++) {
    if (m->market.mult_power[i] == m->market.power_before[i]) continue;
    if (m->market.power_since[i] <= day) m->market.power_day[i] = m->market.power_before[i];
    m->market.power_since[i] = now;
  }
}

double market_power_mult(const model *m, int site, double t0) {
  return m->market.power_since[site] <= t0 ? m->market.mult_power[site] : m->market.power_day[site];
}

static void next_random(model *m, uint32_t i) {
  const shock_cfg *s = &m->cfg->shocks[i];
  double t =
      engine_now(m->e) + dist_exponential(&m->market.shock_rng, HOURS_PER_YEAR / s->rate_per_year);
  if (t <= m->cfg->horizon_h) engine_at(m->e, t, EV_SHOCK, i, 1);
}

void market_on_shock(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  const shock_cfg *s = &m->cfg->shocks[ev->id];
  double now = engine_now(e);
  if (ev->arg == 1) {
    m->market.shock_active[ev->id]++;
    m->market.shocks_hit++;
    model_event(m, "shock", s->name, "%s x%.4g for %.4g days", shock_kind_name(s->kind), s->factor,
                s->days);
    double end = now + days_to_hours(s->days);
    if (isfinite(s->days) && end <= m->cfg->horizon_h) engine_at(e, end, EV_SHOCK, ev->id, 0);
    if (isnan(s->at_h)) next_random(m, ev->id);
  } else {
    m->market.shock_active[ev->id]--;
    model_event(m, "shock_end", s->name, "%s back", shock_kind_name(s->kind));
  }
  power_changes(m, now);
  od_reschedule_arrivals(m);                       /* demand and price bounds changed */
  if (s->kind == SHOCK_SUPPLY_CUT) supply_ship(m); /* a cut that ends ships at once */
  if (ev->arg == 1) model_call_policies(m, REASON_SHOCK);
}

process *market_process(model *m, const process_cfg *c) {
  char err[ERR_LEN];
  process *p = process_new(c, m->cfg->horizon_h, m->seed, m->rep, &m->mem, err, sizeof err);
  if (!p) model_fail(m, "%s", err);
  return p;
}

int market_varying(model *m, const process_cfg *c, process **p) {
  *p = NULL;
  return c->kind != PROC_CONSTANT && !(*p = market_process(m, c)) ? -1 : 0;
}

int market_init(model *m) {
  const model_cfg *c = m->cfg;
  size_t ns = c->nskus, nsi = c->nsites, nt = c->ntenants ? c->ntenants : 1,
         nsh = c->nshocks ? c->nshocks : 1;
  m->market.index = calloc(ns, sizeof *m->market.index);
  m->market.node_price = calloc(ns, sizeof *m->market.node_price);
  m->market.power_price = calloc(nsi, sizeof *m->market.power_price);
  m->market.releases = calloc(ns, sizeof *m->market.releases);
  m->market.obsolete = calloc(ns, sizeof(double));
  m->market.mult_gpu = calloc(ns, sizeof(double));
  m->market.mult_cap = calloc(ns, sizeof(double));
  m->market.mult_market = calloc(ns, sizeof(double));
  m->market.mult_power = calloc(nsi, sizeof(double));
  m->market.mult_demand = calloc(nt, sizeof(double));
  m->market.power_before = calloc(nsi, sizeof(double));
  m->market.power_day = calloc(nsi, sizeof(double));
  m->market.power_since = calloc(nsi, sizeof(double));
  m->market.shock_active = calloc(nsh, sizeof *m->market.shock_active);
  m->market.rate = calloc(c->finance.ndebt ? c->finance.ndebt : 1, sizeof *m->market.rate);
  m->market.refi_spread =
      calloc(c->finance.ndebt ? c->finance.ndebt : 1, sizeof *m->market.refi_spread);
  if (!m->market.rate || !m->market.refi_spread || !m->market.index || !m->market.node_price ||
      !m->market.power_price || !m->market.releases || !m->market.obsolete || !m->market.mult_gpu ||
      !m->market.mult_cap || !m->market.mult_market || !m->market.mult_power ||
      !m->market.mult_demand || !m->market.shock_active || !m->market.power_before ||
      !m->market.power_day || !m->market.power_since)
    return -1;
  apply_shocks(m);
  rng_derive(&m->market.shock_rng, m->seed, m->rep, "shocks");
  for (size_t k = 0; k < ns; k++) {
    if (c->markets[k].defined &&
        !(m->market.index[k] = market_process(m, &c->markets[k].price_gpu_hour)))
      return -1;
    if (!(m->market.node_price[k] = market_process(m, &c->supplier.node_price[k]))) return -1;
    double rel = c->skus[k].release_h;
    if (rel > 0 && rel <= c->horizon_h) engine_at(m->e, rel, EV_RELEASE, (uint32_t)k, 0);
    else if (rel <= 0)
      for (size_t j = 0; j < ns; j++)
        m->market.releases[j] += c->skus[j].release_h < rel; /* released before the start */
  }
  note_releases(m);
  for (size_t s = 0; s < nsi; s++)
    if (!(m->market.power_price[s] = market_process(m, &c->sites[s].power_price_mwh))) return -1;
  for (size_t i = 0; i < c->finance.ndebt; i++)
    if (!(m->market.rate[i] = market_process(m, &c->finance.debt[i].rate_base)) ||
        !(m->market.refi_spread[i] = market_process(m, &c->finance.debt[i].refi_spread)))
      return -1;
  for (uint32_t i = 0; i < c->nshocks; i++) {
    const shock_cfg *s = &c->shocks[i];
    if (!isnan(s->at_h)) engine_at(m->e, fmax(0.0, s->at_h), EV_SHOCK, i, 1);
    else if (s->rate_per_year > 0) next_random(m, i);
  }
  return 0;
}

void market_free(model *m) {
  const model_cfg *c = m->cfg;
  for (size_t k = 0; m->market.index && k < c->nskus; k++) process_free(m->market.index[k]);
  for (size_t k = 0; m->market.node_price && k < c->nskus; k++)
    process_free(m->market.node_price[k]);
  for (size_t s = 0; m->market.power_price && s < c->nsites; s++)
    process_free(m->market.power_price[s]);
  for (size_t i = 0; m->market.rate && i < c->finance.ndebt; i++) process_free(m->market.rate[i]);
  for (size_t i = 0; m->market.refi_spread && i < c->finance.ndebt; i++)
    process_free(m->market.refi_spread[i]);
  free(m->market.rate);
  free(m->market.refi_spread);
  free(m->market.index);
  free(m->market.node_price);
  free(m->market.power_price);
  free(m->market.releases);
  free(m->market.obsolete);
  free(m->market.mult_gpu);
  free(m->market.mult_cap);
  free(m->market.mult_market);
  free(m->market.mult_power);
  free(m->market.power_before);
  free(m->market.power_day);
  free(m->market.power_since);
  free(m->market.mult_demand);
  free(m->market.shock_active);
}
