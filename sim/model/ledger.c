/*
** ledger.c -- the books.  A tick at every day boundary accrues the costs
** of the day just ended and moves cash; at every calendar month start
** the month is closed: reserved bills are collected, debt is serviced,
** the supplier's monthly caps reset, series samples are taken and the
** month's operating cash flow is kept for NPV, IRR and payback.
**
** Conventions: every installed node (idle, busy, leased or in repair)
** draws node_kw x PUE for the hours it is installed (the pool's
** installed count integrated over the day; idle_kw when idle and the SKU
** gives one), priced at the site's power price at the start of the day (a
** PPA's share of the energy at its own price); colocation is billed on
** node_kw (IT load) per kW-month, a month being HOURS_PER_MONTH
** (units.h), on at least a site's colo_committed_kw; staff and nodes
** leased in likewise.  On-demand and spot revenue is cash the day it
** accrues; reserved bills at month end.  The debt is
** debt.c's (draws, interest, repayments), its covenants covenant.c's,
** the tax tax.c's.  Cash below zero with no facility left is a default:
** the run ends there.
**
** Cash flows, monthly: the operating (unlevered) flow is receipts - opex
** - capex + sale proceeds - tax paid (tax.c); the lenders' flow is
** draws - interest paid - repayments.  npv_unlevered, irr and payback
** are of the operating flows (plus the book value of the fleet and the
** sites built at the end when finance.terminal = "book"); npv is of the equity's flows, the two
** summed, plus that value less what is owed at the end (npv_equity).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "finance.h"
#include "model_int.h"

static double opex_total(const model *m) {
  return m->books.power_cost + m->books.colo_cost + m->books.staff_cost + m->books.lease_cost +
         m->books.penalty_cost;
}

/* The payments over [t0, t1] for the nodes leased in (the initial fleet's
** entries with a lease), from their installed date to their return. */
static double lease_payments(const model *m, double t0, double t1) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->nfleet; i++) {
    const fleet_cfg *f = &m->cfg->fleet[i];
    double h = fmin(t1, f->lease_end_h) - fmax(t0, f->installed_h);
    if (f->lease_month > 0 && h > 0) s += (double)f->nodes * f->lease_month * h / HOURS_PER_MONTH;
  }
  return s;
}

/* Operating flows at the start are discounted as of the start, not with
** the first month's (NPV, IRR and payback take each flow at its time). */
static void at_start(model *m, double flow) {
  if (engine_now(m->e) == 0) m->books.flow_at_start += flow;
}

void ledger_cash(model *m, double delta) { m->books.cash += delta; }

void ledger_penalty(model *m, double amount) {
  m->books.cash -= amount;
  m->books.penalty_cost += amount;
  at_start(m, -amount);
  books_penalty(m, amount);
}

double ledger_cash_now(const model *m) { return m->books.cash; }

void ledger_receive(model *m, double amount) {
  m->books.cash += amount;
  m->books.revenue_cash += amount;
  at_start(m, amount);
}

void ledger_pay(model *m, double capex, double proceeds) {
  m->books.capex += capex;
  m->books.proceeds += proceeds;
  m->books.cash += proceeds - capex;
  at_start(m, proceeds - capex);
}

/* Collect the bills accrued so far (as a month end does). */
static void collect_bills(model *m) {
  for (size_t i = 0; i < m->cfg->ntenants; i++)
    if (m->tenants[i].ops->month_end) m->tenants[i].ops->month_end(m, &m->tenants[i]);
}

/* Cover negative cash from facilities, then from the bills accrued and not
** yet collected; the daily covenant tests (covenant.c); a default when
** cash stays below zero: the run ends. */
static void check_solvency(model *m) {
  debt_cover(m);
  if (m->books.cash < 0) {
    collect_bills(m);
    debt_cover(m);
  }
  double now = engine_now(m->e);
  covenant_day(m);
  debt_cover(m); /* what an acceleration made due */
  if (m->books.cash < m->books.cash_min) m->books.cash_min = m->books.cash;
  if (m->books.cash < 0) {
    debt_flush_draws(m);
    m->books.default_day = hours_to_days(now);
    model_event(m, "default", "cash", "cash $%.0f and no facility left", m->books.cash);
    m->ended = 1;
    engine_stop(m->e);
  }
}

/* A site's power price for the day starting at t0: its market price (shocks
** included), a PPA's share at the PPA's price while it lasts. */
static double power_price(const model *m, int site, double t0) {
  const ppa_cfg *a = &m->cfg->sites[site].ppa;
  double market = process_value(m->market.power_price[site], t0) * market_power_mult(m, site, t0);
  if (a->share > 0 && t0 >= a->start_h && t0 < a->start_h + a->term_h)
    return a->share * a->price_mwh + (1 - a->share) * market;
  return market;
}

static void accrue(model *m, double t0, double t1) {
  const model_cfg *c = m->cfg;
  double h = t1 - t0, opex = 0, power_day = 0, colo_day = 0;
  for (size_t p = 0; p < m->fleet.npools; p++) {
    pool *pl = &m->fleet.pools[p];
    const site_cfg *s = &c->sites[pl->site];
    double node_h = integral_at(&pl->installed, t1) - pl->billed_h; /* over the day */
    const sku_cfg *k = &c->skus[pl->sku];
    double kwh = node_h * k->node_kw, draw = kwh; /* IT load; the kWh it draws */
    pl->billed_h += node_h;
    if (k->idle_kw >= 0 && k->idle_kw != k->node_kw) { /* idle nodes draw idle_kw */
      double busy_h = integral_at(&pl->busy, t1) - pl->busy_billed_h;
      pl->busy_billed_h += busy_h;
      draw = busy_h * k->node_kw + (node_h - busy_h) * k->idle_kw;
    }
    double power = draw * s->pue / KW_PER_MW * power_price(m, pl->site, t0);
    double colo = kwh * s->colo_kw_month / HOURS_PER_MONTH;
    m->books.power_cost += power;
    m->books.colo_cost += colo;
    opex += power + colo;
    power_day += power;
    colo_day += colo;
    m->books.site_kwh[pl->site] += kwh;
  }
  for (size_t s = 0; s < c->nsites; s++) { /* committed colocation not used is paid too */
    double unused = fmax(0, c->sites[s].colo_committed_kw * h - m->books.site_kwh[s]);
    double colo = unused * c->sites[s].colo_kw_month / HOURS_PER_MONTH;
    m->books.site_kwh[s] = 0;
    if (!(colo > 0)) continue;
    m->books.colo_cost += colo;
    opex += colo;
    colo_day += colo;
  }
  double staff = c->finance.staff_month * h / HOURS_PER_MONTH, leases = lease_payments(m, t0, t1);
  m->books.staff_cost += staff;
  m->books.lease_cost += leases;
  opex += staff + leases;
  books_opex(m, power_day, colo_day, staff, leases);
  double jobs_revenue = 0;
  for (size_t i = 0; i < c->ntenants; i++) {
    const tenant *tn = &m->tenants[i];
    if (!tn->ops->paid_daily) continue;
    double v = integral_at(&tn->revenue, t1);
    jobs_revenue += v;
    books_revenue_paid(m, tn, v - m->books.posted[i].net);
    m->books.posted[i].net = v;
  }
  ledger_receive(m, jobs_revenue - m->books.jobs_revenue_seen);
  m->books.jobs_revenue_seen = jobs_revenue;
  m->books.cash -= opex;
  books_accrue(m, t1);
  debt_accrue_all(m, t1);
}

static int grow_to(double **a, size_t cap) {
  double *n = realloc(*a, cap * sizeof *n);
  if (n) *a = n;
  return n ? 0 : -1;
}

static int push_cf(model *m, double cf, double lenders, double internal, double t_years) {
  if (m->books.ncf == m->books.capcf) {
    size_t ncap = m->books.capcf ? m->books.capcf * 2 : 128;
    if (grow_to(&m->books.cf, ncap) || grow_to(&m->books.cf_t, ncap) ||
        grow_to(&m->books.cf_internal, ncap) || grow_to(&m->books.cf_lenders, ncap))
      return -1;
    m->books.capcf = ncap;
  }
  m->books.cf[m->books.ncf] = cf;
  m->books.cf_lenders[m->books.ncf] = lenders;
  m->books.cf_internal[m->books.ncf] = internal;
  m->books.cf_t[m->books.ncf++] = t_years;
  return 0;
}

double internal_value_at(const model *m, double t) {
  double v = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++)
    if (!m->tenants[i].ops->billed) v += tenant_income(&m->tenants[i], t);
  return v;
}

/* Accrued revenue of the billed tenants of a kind (-1: of every kind). */
static double revenue_of(const model *m, int kind, double t) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    const tenant *tn = &m->tenants[i];
    if (tn->ops->billed && (kind < 0 || (int)tn->cfg->kind == kind)) s += tenant_revenue(tn, t);
  }
  return s;
}

/* The month's node counts by state at t, and each site's utilisation in
** the month: its busy node-hours over the node-hours of the nodes it had
** installed (a node lost or sold counts until it went; none: NaN). */
static int sample_fleet(model *m, double t) {
  results *r = m->out;
  size_t ns = m->cfg->nsites;
  double d = hours_to_days(t), *start = m->books.site_use, *now = start + 2 * ns;
  int bad = 0;
  for (int s = 0; s < NODE_NSTATES; s++)
    bad |= results_sample(r, d, m->books.m_state[s], (double)fleet_count(m, -1, -1, (node_state)s));
  for (size_t i = 0; i < 2 * ns; i++) now[i] = 0;
  for (size_t p = 0; p < m->fleet.npools; p++) {
    const pool *pl = &m->fleet.pools[p];
    now[2 * pl->site] += integral_at(&pl->busy, t);
    now[2 * pl->site + 1] += integral_at(&pl->installed, t);
  }
  for (size_t s = 0; s < ns; s++) {
    double inst = now[2 * s + 1] - start[2 * s + 1];
    bad |= results_sample(r, d, m->books.m_site_util[s],
                          inst > 0 ? (now[2 * s] - start[2 * s]) / inst : (double)NAN);
  }
  for (size_t i = 0; i < 2 * ns; i++) start[i] = now[i];
  return bad;
}

static int sample(model *m, double t) {
  results *r = m->out;
  const model_cfg *c = m->cfg;
  double d = hours_to_days(t);
  double busy = integral_at(&m->use.busy_all, t), inst = integral_at(&m->use.installed_all, t);
  double rev = revenue_of(m, -1, t);
  int bad = results_sample(r, d, "revenue", rev - m->books.month.revenue) |
            results_sample(r, d, "opex", opex_total(m) - m->books.month.opex) |
            results_sample(r, d, "capex", m->books.capex - m->books.month.capex) |
            results_sample(r, d, "cash", m->books.cash) |
            results_sample(r, d, "debt", debt_total(m)) |
            results_sample(r, d, "nodes_online", (double)fleet_working(m)) |
            results_sample(r, d, "utilization",
                           inst > m->books.month.installed
                               ? (busy - m->books.month.busy) / (inst - m->books.month.installed)
                               : 0);
  static const char *const kind_names[] = {[TENANT_RESERVED] = "revenue.reserved",
                                           [TENANT_ON_DEMAND] = "revenue.on_demand",
                                           [TENANT_SPOT] = "revenue.spot"}; /* the billed kinds */
  for (int k = 0; k < (int)(sizeof kind_names / sizeof *kind_names); k++) {
    double v = revenue_of(m, k, t);
    bad |= results_sample(r, d, kind_names[k], v - m->books.month.kind[k]);
    m->books.month.kind[k] = v;
  }
  for (size_t k = 0; k < c->nskus; k++)
    if (m->market.index[k])
      bad |= results_sample(r, d, m->books.m_market[k], market_price(m, (int)k, t));
  for (size_t k = 0; k < c->finance.ndebt; k++)
    bad |= results_sample(r, d, m->books.m_debt[k], m->debt.balance[k]);
  bad |= results_sample(r, d, "interest", m->debt.interest - m->books.month.interest);
  m->books.month.interest = m->debt.interest;
  bad |= sample_fleet(m, t);
  for (size_t i = 0; i < c->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    double v = tenant_income(tn, t);
    bad |=
        results_sample(r, d, tn->metric_names[0], v - tn->income_sampled); /* "<tenant>.revenue" */
    tn->income_sampled = v;
  }
  m->books.month.revenue = rev;
  m->books.month.busy = busy;
  m->books.month.installed = inst;
  return bad ? -1 : 0;
}

/* The record of the month ending at t: its operating cash flow (for NPV,
** IRR, payback), the samples and statements; then a new month. */
static int record_month(model *m, double t) {
  double ops = (m->books.revenue_cash - m->books.month.cash) -
               (opex_total(m) - m->books.month.opex) - (m->books.capex - m->books.month.capex) +
               (m->books.proceeds - m->books.month.proceeds) - (m->tax.paid - m->books.month.tax);
  double lend = m->debt.financing - m->books.month.financing;
  double own = internal_value_at(m, t);
  int bad = sample(m, t) | books_sample(m, t);
  model_take_results(m); /* the month's samples: a run of many tenants and months holds GBs */
  if (m->books.ncf == 0 && (m->books.flow_at_start != 0 || m->debt.at_start != 0)) {
    /* the first month: its flows at t = 0 */
    bad |= push_cf(m, m->books.flow_at_start, m->debt.at_start, 0, 0);
    ops -= m->books.flow_at_start;
    lend -= m->debt.at_start;
  }
  bad |= push_cf(m, ops, lend, own - m->books.internal_month0, hours_to_years(t));
  m->books.internal_month0 = own;
  m->books.month.financing = m->debt.financing;
  m->books.month.cash = m->books.revenue_cash;
  m->books.month.opex = opex_total(m);
  m->books.month.capex = m->books.capex;
  m->books.month.proceeds = m->books.proceeds;
  m->books.month.tax = m->tax.paid;
  m->books.month.start_h = t;
  return bad;
}

/* Close the month ending at t: collect the bills, service the debt, draw
** what cash needs (or default), then record it: the samples show cash
** after the month's draws. */
static int close_month(model *m, double t) {
  int y, mo, d, last_mo;
  long today = m->cfg->start_days + lround(hours_to_days(t));
  cal_civil(today, &y, &mo, &d);
  cal_civil(today - 1, &y, &last_mo, &d); /* the month of the last day closed */
  collect_bills(m);
  build_month(m, t);
  fleet_impair(m, t);
  debt_service(m);
  tax_month(m, (mo == 1 && last_mo == 12) || t >= m->cfg->horizon_h);
  covenant_month(m, last_mo);
  debt_repay_revolvers(m);
  check_solvency(m);
  debt_flush_draws(m);
  int bad = record_month(m, t);
  supply_month(m);
  books_check(m, t);
  return bad;
}

void ledger_on_day(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  double t = engine_now(e);
  (void)ev;
  accrue(m, t - HOURS_PER_DAY, t);
  internal_day(m, t);
  debt_draw_due(m, t);
  long today = m->cfg->start_days + lround(hours_to_days(t));
  if (today >= m->books.month_end_day) {
    if (close_month(m, t)) model_fail(m, "out of memory recording series");
    m->books.month_end_day = cal_month_start(today, 1);
  } else {
    check_solvency(m);
  }
  if (!m->ended && t + HOURS_PER_DAY <= m->cfg->horizon_h)
    engine_at(e, t + HOURS_PER_DAY, EV_DAY, 0, 0);
}

static char *name2(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 2;
  char *s = malloc(n);
  if (s) snprintf(s, n, "%s.%s", a, b);
  return s;
}

/* The names of the series of each SKU's market, each tranche's debt, each
** site's utilisation and each node state's count. */
static int name_series(model *m) {
  const model_cfg *c = m->cfg;
  books_part *b = &m->books;
  b->m_market = calloc(c->nskus ? c->nskus : 1, sizeof *b->m_market);
  b->m_debt = calloc(c->finance.ndebt ? c->finance.ndebt : 1, sizeof *b->m_debt);
  b->m_site_util = calloc(c->nsites ? c->nsites : 1, sizeof *b->m_site_util);
  b->site_use = calloc(4 * (c->nsites ? c->nsites : 1), sizeof *b->site_use);
  if (!b->m_market || !b->m_debt || !b->m_site_util || !b->site_use) return -1;
  for (size_t k = 0; k < c->nsites; k++)
    if (!(b->m_site_util[k] = name2("utilization", c->sites[k].name))) return -1;
  for (int s = 0; s < NODE_NSTATES; s++)
    if (!(b->m_state[s] = name2("nodes", node_state_name((node_state)s)))) return -1;
  for (size_t k = 0; k < c->nskus; k++)
    if (!(b->m_market[k] = name2("market", c->skus[k].name))) return -1;
  for (size_t k = 0; k < c->finance.ndebt; k++)
    if (!(b->m_debt[k] = name2("debt", c->finance.debt[k].name))) return -1;
  return 0;
}

int ledger_init(model *m) {
  const model_cfg *c = m->cfg;
  m->books.site_kwh = calloc(c->nsites ? c->nsites : 1, sizeof *m->books.site_kwh);
  if (!m->books.site_kwh || debt_init(m) || covenant_init(m) || name_series(m)) return -1;
  m->equity.ownership = 1;
  m->books.cash = m->books.cash_min = c->finance.cash;
  if (books_open(m)) return -1;
  m->books.default_day = NAN;
  m->books.month_end_day = cal_month_start(c->start_days, 1);
  debt_draw_due(m, 0);
  if (c->horizon_h >= HOURS_PER_DAY) engine_at(m->e, HOURS_PER_DAY, EV_DAY, 0, 0);
  return 0;
}

static double largest_share(const model *m, double t) {
  double total = revenue_of(m, -1, t), top = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++)
    if (m->tenants[i].ops->billed) top = fmax(top, tenant_revenue(&m->tenants[i], t));
  return total > 0 ? top / total : (double)NAN;
}

/* What is owed at t: the debt and its interest accrued, the tax assessed. */
static double owed(const model *m) { return debt_owed(m) + m->tax.payable; }

/* NPV of the equity's flows: each month's operating and lenders' flows
** (taken before the terminal value) and, at the end, the assets' value
** (the fleet's and the sites' book value with terminal "book", else 0) less what is owed.  At a
** default the equity loses no more than it had: the cash below zero is
** the creditors' loss, and what the fleet leaves after the debts is the
** equity's only if positive. */
static double npv_equity(const model *m, double book) {
  const books_part *b = &m->books;
  const finance_cfg *f = &m->cfg->finance;
  if (b->ncf == 0) return 0;
  double shortfall = fmax(0, -b->cash);
  double residual = (f->terminal_book ? book : 0) - owed(m) - shortfall;
  double end = shortfall + (isnan(b->default_day) ? residual : fmax(0, residual));
  return fin_npv(b->cf, b->cf_t, b->ncf, f->discount_rate) +
         fin_npv(b->cf_lenders, b->cf_t, b->ncf, f->discount_rate) +
         fin_npv(&end, &b->cf_t[b->ncf - 1], 1, f->discount_rate);
}

/* The partial last day and month (unless the run ended by default), and
** the run's financial metrics. */
int ledger_finish(model *m, double t) {
  if (!m->ended) {
    double last_tick = floor(hours_to_days(t)) * HOURS_PER_DAY;
    if (t > last_tick) accrue(m, last_tick, t);
    if (t > m->books.month.start_h && close_month(m, t)) return -1;
  } else if (t > m->books.month.start_h && record_month(m, t)) { /* a default: its last days */
    return -1;
  }
  if (books_check(m, t)) return -1;
  const finance_cfg *f = &m->cfg->finance;
  const books_part *b = &m->books;
  double rev = revenue_of(m, -1, t), opex = opex_total(m);
  double book = fleet_book_value(m, t) + build_book_value(m, t);
  double npv = npv_equity(m, book);
  if (f->terminal_book && b->ncf > 0) m->books.cf[b->ncf - 1] += book;
  results *r = m->out;
  struct {
    const char *name;
    double v;
  } mt[] = {
      {"revenue_total", rev},
      {"revenue_reserved", revenue_of(m, TENANT_RESERVED, t)},
      {"revenue_on_demand", revenue_of(m, TENANT_ON_DEMAND, t)},
      {"revenue_spot", revenue_of(m, TENANT_SPOT, t)},
      {"opex_total", opex},
      {"power_cost_total", m->books.power_cost},
      {"colo_cost_total", m->books.colo_cost},
      {"staff_cost_total", m->books.staff_cost},
      {"lease_cost_total", m->books.lease_cost},
      {"depreciation_total", integral_at(&m->fleet.dep_rate, t) + build_depreciation(m, t)},
      {"capex_total", m->books.capex},
      {"proceeds_total", m->books.proceeds},
      {"impairment_total", m->fleet.impairment},
      {"interest_total", m->debt.interest},
      {"fees_total", m->debt.fees},
      {"tax_total", m->tax.paid + m->tax.payable},
      {"principal_repaid", m->debt.repaid},
      {"debt_end", debt_total(m)},
      {"book_value_end", book},
      {"cash_end", m->books.cash},
      {"cash_min", m->books.cash_min},
      {"npv", npv},
      {"npv_unlevered", fin_npv(b->cf, b->cf_t, b->ncf, f->discount_rate)},
      {"irr", fin_irr(b->cf, b->cf_t, b->ncf)},
      {"payback_years", fin_payback(b->cf, b->cf_t, b->ncf)},
      {"npv_with_internal", npv + fin_npv(b->cf_internal, b->cf_t, b->ncf, f->discount_rate)},
      {"ebitda_margin", rev > 0 ? (rev - opex) / rev : (double)NAN},
      {"default_day", m->books.default_day},
      {"defaulted", isnan(m->books.default_day) ? 0.0 : 1.0},
      {"largest_tenant_share", largest_share(m, t)},
  };
  int bad = books_metrics(m) | covenant_metrics(m) | equity_metrics(m) | build_metrics(m, t);
  for (size_t i = 0; i < sizeof mt / sizeof mt[0]; i++)
    bad |= results_metric(r, mt[i].name, mt[i].v);
  return bad ? -1 : 0;
}

void ledger_free(model *m) {
  books_part *b = &m->books;
  books_free(m);
  for (size_t k = 0; b->m_market && k < m->cfg->nskus; k++) free(b->m_market[k]);
  for (size_t k = 0; b->m_debt && k < m->cfg->finance.ndebt; k++) free(b->m_debt[k]);
  for (size_t k = 0; b->m_site_util && k < m->cfg->nsites; k++) free(b->m_site_util[k]);
  for (int s = 0; s < NODE_NSTATES; s++) free(b->m_state[s]);
  free(b->m_market);
  free(b->m_debt);
  free(b->m_site_util);
  free(b->site_use);
  debt_free(m);
  free(b->site_kwh);
  covenant_free(m);
  free(b->cf);
  free(b->cf_t);
  free(b->cf_internal);
  free(b->cf_lenders);
}
