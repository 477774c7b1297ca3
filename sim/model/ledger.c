/*
** ledger.c -- the books.  A tick at every day boundary accrues the costs
** of the day just ended and moves cash; at every calendar month start
** the month is closed: reserved bills are collected, debt is serviced,
** the supplier's monthly caps reset, series samples are taken and the
** month's operating cash flow is kept for NPV, IRR and payback.
**
** Conventions: every installed node (idle, busy, leased or in repair)
** draws node_kw x PUE, priced at the site's power price at the start of
** the day; colocation is billed on node_kw (IT load) per kW-month, a
** month being 8766/12 hours; staff likewise.  On-demand and spot revenue
** is cash the day it accrues; reserved bills at month end.  Debt: each
** tranche is drawn at its date, pays monthly interest on its balance
** and repays by its amortisation; a facility is drawn automatically when
** cash would go below zero (and by policy).  Cash below a tranche's
** min_cash is a covenant breach; cash below zero with no facility left
** is a default: the run ends there.  NPV and IRR are of the operating
** (unlevered) flows: receipts - opex - capex + sale proceeds, monthly,
** plus the fleet's book value at the horizon when finance.terminal =
** "book".
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "calendar.h"
#include "finance.h"
#include "model_int.h"

static double opex_total(const model *m) { return m->power_cost + m->colo_cost + m->staff_cost; }

void ledger_receive(model *m, double amount) {
  m->cash += amount;
  m->revenue_cash += amount;
}

void ledger_pay(model *m, double capex, double proceeds) {
  m->capex += capex;
  m->proceeds += proceeds;
  m->cash += proceeds - capex;
}

double ledger_debt(const model *m) {
  double d = 0;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) d += m->debt_balance[i];
  return d;
}

double ledger_facility_left(const model *m) {
  double f = 0;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) {
    const debt_cfg *d = &m->cfg->finance.debt[i];
    if (d->facility && engine_now(m->e) < d->draw_h + d->term_months * MONTH_HOURS) f += d->principal - m->debt_drawn[i];
  }
  return f;
}

int ledger_draw(model *m, int i, double amount, char *err, size_t errlen) {
  const debt_cfg *d = &m->cfg->finance.debt[i];
  double left = d->principal - m->debt_drawn[i];
  if (!d->facility) return snprintf(err, errlen, "draw: %s is not a facility", d->name), -1;
  if (!(amount > 0) || amount > left * (1 + 1e-12))
    return snprintf(err, errlen, "draw: %s has $%.0f left, cannot draw $%.0f", d->name, left, amount), -1;
  m->debt_drawn[i] += amount, m->debt_balance[i] += amount, m->cash += amount;
  model_event(m, "draw", d->name, "$%.0f", amount);
  return 0;
}

/* Cover a negative cash balance from facilities; default if impossible. */
static void check_solvency(model *m) {
  char err[128];
  for (size_t i = 0; i < m->cfg->finance.ndebt && m->cash < 0; i++)
    if (m->cfg->finance.debt[i].facility && m->debt_drawn[i] < m->cfg->finance.debt[i].principal) {
      double left = m->cfg->finance.debt[i].principal - m->debt_drawn[i];
      ledger_draw(m, (int)i, fmin(left, -m->cash), err, sizeof err);
    }
  double now = engine_now(m->e);
  int breach = 0;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++)
    breach |= m->debt_balance[i] > 0 && m->cash < m->cfg->finance.debt[i].min_cash;
  if (breach && !m->in_breach) {
    m->breaches++;
    if (isnan(m->first_breach_day)) m->first_breach_day = now / 24.0;
    model_event(m, "covenant_breach", "cash", "cash $%.0f below a min_cash covenant", m->cash);
  }
  m->in_breach = breach;
  if (m->cash < m->cash_min) m->cash_min = m->cash;
  if (m->cash < 0) {
    m->default_day = now / 24.0;
    model_event(m, "default", "cash", "cash $%.0f and no facility left", m->cash);
    m->ended = 1;
    engine_stop(m->e);
  }
}

/* Draws due by now (term loans at their date). */
static void draw_due(model *m, double now) {
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) {
    const debt_cfg *d = &m->cfg->finance.debt[i];
    if (d->facility || m->debt_drawn[i] > 0 || d->draw_h > now) continue;
    m->debt_drawn[i] = m->debt_balance[i] = d->principal;
    m->cash += d->principal;
  }
}

/* One month of every tranche with a balance: term loans by their
** schedule (fin_debt_month: interest rate / 12 on the opening balance,
** repayment by amortisation); a facility pays interest on what is drawn
** and repays it all at its term end. */
static void service_debt(model *m) {
  double now = engine_now(m->e);
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) {
    const debt_cfg *d = &m->cfg->finance.debt[i];
    double bal = m->debt_balance[i], interest, repay;
    if (bal <= 0) continue;
    if (d->facility) {
      interest = bal * d->rate / 12.0;
      repay = now >= d->draw_h + d->term_months * MONTH_HOURS - 1e-9 ? bal : 0;
    } else {
      fin_debt_month(d->principal, d->rate, (int)lround(d->term_months), (fin_amort)d->amort, ++m->debt_month[i],
                     &interest, &repay);
      if (m->debt_month[i] >= (int)lround(d->term_months)) repay = bal; /* no rounding left over */
    }
    repay = fmin(bal, repay);
    m->debt_balance[i] -= repay;
    m->interest += interest, m->repaid += repay;
    m->cash -= interest + repay;
  }
}

static void accrue(model *m, double t0, double t1) {
  const model_cfg *c = m->cfg;
  double h = t1 - t0, opex = 0;
  for (size_t p = 0; p < m->npools; p++) {
    const pool *pl = &m->pools[p];
    const site_cfg *s = &c->sites[pl->site];
    double kw = (double)(pl->count[NODE_IDLE] + pl->count[NODE_LEASED] + pl->count[NODE_BUSY] + pl->count[NODE_REPAIRING]) *
                c->skus[pl->sku].node_kw;
    double power = kw * s->pue / 1000.0 * h * process_value(m->power_price[pl->site], t0) * m->mult_power[pl->site];
    double colo = kw * s->colo_kw_month * h / MONTH_HOURS;
    m->power_cost += power, m->colo_cost += colo, opex += power + colo;
  }
  double staff = c->finance.staff_month * h / MONTH_HOURS;
  m->staff_cost += staff, opex += staff;
  m->depreciation = integral_at(&m->dep_rate, t1);
  double jobs_revenue = 0;
  for (size_t i = 0; i < c->ntenants; i++)
    if (c->tenants[i].kind == TENANT_ON_DEMAND || c->tenants[i].kind == TENANT_SPOT)
      jobs_revenue += integral_at(&m->tenants[i].revenue, t1);
  ledger_receive(m, jobs_revenue - m->jobs_revenue_seen);
  m->jobs_revenue_seen = jobs_revenue;
  m->cash -= opex;
}

static int grow_to(double **a, size_t cap) {
  double *n = realloc(*a, cap * sizeof *n);
  if (n) *a = n;
  return n ? 0 : -1;
}

static int push_cf(model *m, double cf, double internal, double t_years) {
  if (m->ncf == m->capcf) {
    size_t ncap = m->capcf ? m->capcf * 2 : 128;
    if (grow_to(&m->cf, ncap) || grow_to(&m->cf_t, ncap) || grow_to(&m->cf_internal, ncap)) return -1;
    m->capcf = ncap;
  }
  m->cf[m->ncf] = cf, m->cf_internal[m->ncf] = internal, m->cf_t[m->ncf++] = t_years;
  return 0;
}

double internal_value_at(const model *m, double t) {
  double v = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++)
    if (m->cfg->tenants[i].kind == TENANT_INTERNAL)
      v += integral_at(&m->tenants[i].gpu_hours, t) * m->cfg->tenants[i].value_gpu_hour;
  return v;
}

/* Accrued revenue of all tenants of a kind (-1: all but internal). */
static double revenue_of(const model *m, int kind, double t) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    int k = m->cfg->tenants[i].kind;
    if (k != TENANT_INTERNAL && (kind < 0 || k == kind)) s += integral_at(&m->tenants[i].revenue, t);
  }
  return s;
}

double model_revenue_at(const model *m, double t) { return revenue_of(m, -1, t); }

static int sample(model *m, double t) {
  results *r = m->out;
  const model_cfg *c = m->cfg;
  double d = t / 24.0;
  double busy = integral_at(&m->busy_all, t), inst = integral_at(&m->installed_all, t);
  double rev = revenue_of(m, -1, t);
  int bad = results_sample(r, d, "revenue", rev - m->month_revenue0) |
            results_sample(r, d, "opex", opex_total(m) - m->month_opex0) |
            results_sample(r, d, "capex", m->capex - m->month_capex0) | results_sample(r, d, "cash", m->cash) |
            results_sample(r, d, "debt", ledger_debt(m)) |
            results_sample(r, d, "nodes_online", (double)fleet_working(m)) |
            results_sample(r, d, "utilization", inst > m->month_inst0 ? (busy - m->month_busy0) / (inst - m->month_inst0) : 0);
  static const char *const kind_names[] = {"revenue.reserved", "revenue.on_demand", "revenue.spot"};
  for (int k = 0; k < 3; k++) {
    double v = revenue_of(m, k, t);
    bad |= results_sample(r, d, kind_names[k], v - m->month_kind0[k]);
    m->month_kind0[k] = v;
  }
  for (size_t k = 0; k < c->nskus; k++)
    if (m->market[k]) bad |= results_sample(r, d, m->m_market[k], market_price(m, (int)k, t));
  for (size_t k = 0; k < c->finance.ndebt; k++) bad |= results_sample(r, d, m->m_debt[k], m->debt_balance[k]);
  bad |= results_sample(r, d, "interest", m->interest - m->month_interest0);
  m->month_interest0 = m->interest;
  for (size_t i = 0; i < c->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    double v = c->tenants[i].kind == TENANT_INTERNAL ? integral_at(&tn->gpu_hours, t) * tn->cfg->value_gpu_hour
                                                     : integral_at(&tn->revenue, t);
    bad |= results_sample(r, d, tn->m_name[0], v - tn->revenue_month);
    tn->revenue_month = v;
  }
  m->month_revenue0 = rev, m->month_busy0 = busy, m->month_inst0 = inst;
  return bad ? -1 : 0;
}

/* Close the month ending at t. */
static int close_month(model *m, double t) {
  ct_month_close(m);
  service_debt(m);
  double ops = (m->revenue_cash - m->month_cash0) - (opex_total(m) - m->month_opex0) - (m->capex - m->month_capex0) +
               (m->proceeds - m->month_proceeds0);
  double own = internal_value_at(m, t);
  int bad = sample(m, t) | push_cf(m, ops, own - m->internal_month0, t / HOURS_PER_YEAR);
  m->internal_month0 = own;
  m->month_cash0 = m->revenue_cash, m->month_opex0 = opex_total(m), m->month_capex0 = m->capex;
  m->month_proceeds0 = m->proceeds;
  m->month_start_h = t;
  supply_month(m);
  check_solvency(m);
  return bad;
}

void ledger_on_day(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  double t = engine_now(e);
  (void)ev;
  accrue(m, t - 24.0, t);
  draw_due(m, t);
  long today = m->cfg->start_days + lround(t / 24.0);
  if (today >= m->month_end_day) {
    if (close_month(m, t)) model_fail(m, "out of memory recording series");
    m->month_end_day = cal_month_start(today, 1);
  } else {
    check_solvency(m);
  }
  if (!m->ended && t + 24.0 <= m->cfg->horizon_h) engine_at(e, t + 24.0, EV_DAY, 0, 0);
}

int ledger_init(model *m) {
  const model_cfg *c = m->cfg;
  size_t nd = c->finance.ndebt ? c->finance.ndebt : 1;
  m->debt_balance = calloc(nd, sizeof *m->debt_balance);
  m->debt_drawn = calloc(nd, sizeof *m->debt_drawn);
  m->debt_month = calloc(nd, sizeof *m->debt_month);
  if (!m->debt_balance || !m->debt_drawn || !m->debt_month) return -1;
  m->cash = m->cash_min = c->finance.cash;
  m->default_day = m->first_breach_day = NAN;
  m->month_end_day = cal_month_start(c->start_days, 1);
  draw_due(m, 0);
  if (c->horizon_h >= 24.0) engine_at(m->e, 24.0, EV_DAY, 0, 0);
  return 0;
}

static double largest_share(const model *m, double t) {
  double total = revenue_of(m, -1, t), top = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++)
    if (m->cfg->tenants[i].kind != TENANT_INTERNAL) top = fmax(top, integral_at(&m->tenants[i].revenue, t));
  return total > 0 ? top / total : (double)NAN;
}

/* NPV of the operating cash flows plus the value of own use (internal
** tenants' GPU-hours x value_gpu_hour), month by month. */
static double npv_with_internal(const model *m) {
  double v = fin_npv(m->cf, m->cf_t, m->ncf, m->cfg->finance.discount_rate);
  return v + fin_npv(m->cf_internal, m->cf_t, m->ncf, m->cfg->finance.discount_rate);
}

/* The partial last day and month (unless the run ended by default), and
** the run's financial metrics. */
int ledger_finish(model *m, double t) {
  if (!m->ended) {
    double last_tick = floor(t / 24.0) * 24.0;
    if (t > last_tick) accrue(m, last_tick, t);
    if (t > m->month_start_h && close_month(m, t)) return -1;
  }
  const finance_cfg *f = &m->cfg->finance;
  double rev = revenue_of(m, -1, t), opex = opex_total(m), book = fleet_book_value(m, t);
  if (f->terminal_book && m->ncf > 0) m->cf[m->ncf - 1] += book;
  results *r = m->out;
  struct { const char *name; double v; } mt[] = {
      {"revenue_total", rev}, {"revenue_reserved", revenue_of(m, TENANT_RESERVED, t)},
      {"revenue_on_demand", revenue_of(m, TENANT_ON_DEMAND, t)}, {"revenue_spot", revenue_of(m, TENANT_SPOT, t)},
      {"opex_total", opex}, {"power_cost_total", m->power_cost}, {"colo_cost_total", m->colo_cost},
      {"staff_cost_total", m->staff_cost}, {"depreciation_total", integral_at(&m->dep_rate, t)},
      {"capex_total", m->capex}, {"proceeds_total", m->proceeds}, {"interest_total", m->interest},
      {"principal_repaid", m->repaid}, {"debt_end", ledger_debt(m)}, {"book_value_end", book},
      {"cash_end", m->cash}, {"cash_min", m->cash_min},
      {"npv", fin_npv(m->cf, m->cf_t, m->ncf, f->discount_rate)}, {"irr", fin_irr(m->cf, m->cf_t, m->ncf)},
      {"payback_years", fin_payback(m->cf, m->cf_t, m->ncf)},
      {"npv_with_internal", npv_with_internal(m)},
      {"ebitda_margin", rev > 0 ? (rev - opex) / rev : (double)NAN},
      {"default_day", m->default_day}, {"covenant_breaches", (double)m->breaches},
      {"first_breach_day", m->first_breach_day}, {"largest_tenant_share", largest_share(m, t)},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof mt / sizeof mt[0]; i++) bad |= results_metric(r, mt[i].name, mt[i].v);
  return bad ? -1 : 0;
}

void ledger_free(model *m) {
  free(m->debt_balance), free(m->debt_drawn), free(m->debt_month);
  free(m->cf), free(m->cf_t), free(m->cf_internal);
}
