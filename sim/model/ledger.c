/*
** ledger.c -- the books: a tick at every day boundary accrues power,
** colocation, staff and depreciation for the day just ended and moves
** cash; at every calendar month start the month is closed into series
** samples and a monthly cash flow (for NPV and IRR).
**
** Conventions: power is drawn by every installed node at node_kw x PUE
** (idle or busy), priced at the site's power price at the start of the
** day; colocation is billed on node_kw (IT load) at colo_kw_month per
** kW-month, a month being 8766/12 hours; staff likewise per month.
*/
#include <math.h>
#include <stdlib.h>

#include "calendar.h"
#include "finance.h"
#include "model_int.h"

#define MONTH_HOURS (8766.0 / 12.0)

static double installed_kw(const model *m, size_t site) {
  double kw = 0;
  for (size_t p = 0; p < m->npools; p++)
    if ((size_t)m->pools[p].site == site) kw += (double)m->pools[p].nodes * m->cfg->skus[m->pools[p].sku].node_kw;
  return kw;
}

/* Straight-line depreciation over [t0, t1] of every fleet entry. */
static double depreciation(const model *m, double t0, double t1) {
  double d = 0;
  for (size_t i = 0; i < m->cfg->nfleet; i++) {
    const fleet_cfg *f = &m->cfg->fleet[i];
    const sku_cfg *s = &m->cfg->skus[f->sku];
    double life_h = s->life_years * 8766.0, end = f->installed_h + life_h;
    double a = fmax(t0, f->installed_h), b = fmin(t1, end);
    if (b > a) d += (double)f->nodes * s->node_price * (b - a) / life_h;
  }
  return d;
}

/* Accrue the costs of [t0, t1]. */
static void accrue(model *m, double t0, double t1) {
  double h = t1 - t0, opex = 0;
  for (size_t s = 0; s < m->cfg->nsites; s++) {
    const site_cfg *sc = &m->cfg->sites[s];
    double kw = installed_kw(m, s);
    double power = kw * sc->pue / 1000.0 * h * process_value(m->power_price[s], t0);
    double colo = kw * sc->colo_kw_month * h / MONTH_HOURS;
    m->power_cost += power, m->colo_cost += colo, opex += power + colo;
  }
  double staff = m->cfg->finance.staff_month * h / MONTH_HOURS;
  m->staff_cost += staff, opex += staff;
  m->depreciation += depreciation(m, t0, t1);
  double revenue = model_revenue_at(m, t1);
  m->cash += (revenue - m->revenue_seen) - opex;
  m->revenue_seen = revenue;
  if (m->cash < m->cash_min) m->cash_min = m->cash;
}

static int push_cf(model *m, double cf, double t_years) {
  if (m->ncf == m->capcf) {
    size_t ncap = m->capcf ? m->capcf * 2 : 128;
    double *a = realloc(m->cf, ncap * sizeof *a), *b = a ? realloc(m->cf_t, ncap * sizeof *b) : NULL;
    if (a) m->cf = a;
    if (!b) return -1;
    m->cf_t = b, m->capcf = ncap;
  }
  m->cf[m->ncf] = cf, m->cf_t[m->ncf++] = t_years;
  return 0;
}

/* Close the month ending at t: series samples and the month's cash flow. */
static int close_month(model *m, double t) {
  results *r = m->out;
  double d = t / 24.0, len = t - m->month_start_h;
  double opex = m->power_cost + m->colo_cost + m->staff_cost;
  double rev = m->revenue_seen - m->month_revenue0, cost = opex - m->month_opex0;
  double busy = integral_at(&m->busy_all, t);
  int bad = results_sample(r, d, "revenue", rev) | results_sample(r, d, "opex", cost) |
            results_sample(r, d, "cash", m->cash) |
            results_sample(r, d, "nodes_online", (double)m->nodes_total) |
            results_sample(r, d, "utilization",
                           m->nodes_total && len > 0 ? (busy - m->month_busy0) / ((double)m->nodes_total * len) : 0);
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    double tr = integral_at(&tn->revenue, t);
    bad |= results_sample(r, d, tn->m_revenue, tr - tn->revenue_month);
    tn->revenue_month = tr;
  }
  bad |= push_cf(m, rev - cost, t / 8766.0);
  m->month_revenue0 = m->revenue_seen, m->month_opex0 = opex, m->month_busy0 = busy;
  m->month_start_h = t;
  return bad ? -1 : 0;
}

void ledger_on_day(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  double t = engine_now(e);
  (void)ev;
  accrue(m, t - 24.0, t);
  long today = m->cfg->start_days + lround(t / 24.0);
  if (today >= m->month_end_day) {
    if (close_month(m, t)) model_fail(m, "out of memory recording series");
    m->month_end_day = cal_month_start(today, 1);
  }
  if (t + 24.0 <= m->cfg->horizon_h) engine_at(e, t + 24.0, EV_DAY, 0, 0);
}

int ledger_init(model *m) {
  const model_cfg *c = m->cfg;
  m->power_price = calloc(c->nsites ? c->nsites : 1, sizeof *m->power_price);
  if (!m->power_price) return -1;
  for (size_t s = 0; s < c->nsites; s++) {
    m->power_price[s] = process_new(&c->sites[s].power_price_mwh, c->horizon_h, m->seed, m->rep);
    if (!m->power_price[s]) return -1;
  }
  m->cash = m->cash_min = c->finance.cash;
  m->month_end_day = cal_month_start(c->start_days, 1);
  if (c->horizon_h >= 24.0) engine_at(m->e, 24.0, EV_DAY, 0, 0);
  return 0;
}

/* The partial last day, the last (partial) month, and run metrics. */
int ledger_finish(model *m, double t) {
  double last_tick = floor(t / 24.0) * 24.0;
  if (t > last_tick) accrue(m, last_tick, t);
  if (t > m->month_start_h && close_month(m, t)) return -1;
  const finance_cfg *f = &m->cfg->finance;
  double opex = m->power_cost + m->colo_cost + m->staff_cost;
  results *r = m->out;
  int bad = results_metric(r, "revenue_total", m->revenue_seen) | results_metric(r, "opex_total", opex) |
            results_metric(r, "power_cost_total", m->power_cost) |
            results_metric(r, "colo_cost_total", m->colo_cost) |
            results_metric(r, "staff_cost_total", m->staff_cost) |
            results_metric(r, "depreciation_total", m->depreciation) |
            results_metric(r, "cash_end", m->cash) | results_metric(r, "cash_min", m->cash_min) |
            results_metric(r, "npv", fin_npv(m->cf, m->cf_t, m->ncf, f->discount_rate)) |
            results_metric(r, "irr", fin_irr(m->cf, m->cf_t, m->ncf)) |
            results_metric(r, "ebitda_margin", m->revenue_seen > 0 ? (m->revenue_seen - opex) / m->revenue_seen : (double)NAN);
  return bad ? -1 : 0;
}
