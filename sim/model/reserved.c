/*
** reserved.c -- reserved tenants: contracts for dedicated nodes.
**
** A contract takes `nodes` nodes at `start` for `term_months` (a month
** being a twelfth of 365.25 days), preempting internal use and spot jobs
** if it must (hold.c).  Billing: take-or-pay bills every contracted node,
** less an SLA credit of sla_credit x price for each node-hour not
** delivered (failures without a spare, nodes not yet available);
** otherwise only delivered nodes x usage are billed.  Bills accrue
** continuously and are collected at each month end; a prepayment
** (prepay_fraction of the contract's value) is paid at the start and
** consumed by the bills; a renewal adds its own to what is left.  At term
** end the tenant renews with renew_prob, at the market index x
** renew_factor (the old price without an index).  A default (hazard
** default_prob_year; a process's hazard varies, drawn by thinning) ends
** the contract at once: the bills not yet
** collected are paid from the prepayment left, the rest is bad debt.  An
** early termination (hazard terminate_prob_year) ends it notice_days
** after the notice.  When a contract ends its last bills are collected,
** and the prepayment left is earned then (never refunded).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

/* Bills and credits accrue at the rates of what it holds now. */
static void bill(model *m, tenant *tn, double now) {
  const tenant_cfg *c = tn->cfg;
  (void)m;
  const tenant_contract *ct = &tn->ct;
  double gpus = (double)tn->gpus_per_node, price = ct->price;
  long got = tn->hold.n, want = tn->hold.want, short_ = want > got ? want - got : 0;
  double billed = !ct->active      ? 0
                  : c->take_or_pay ? ((double)want - (double)short_ * c->sla_credit) * gpus * price
                                   : (double)got * c->usage * gpus * price;
  integral_set(&tn->revenue, now, billed);
  integral_set(&tn->credit, now,
               ct->active && c->take_or_pay ? (double)short_ * c->sla_credit * gpus * price : 0);
}

/* Draw the time of an event at a yearly hazard, before `until`; 0 if none.
** A hazard that varies (a process, p) is drawn by thinning: candidates at
** its bound's rate, each kept with probability hazard / bound. */
static engine_handle hazard(model *m, tenant *tn, double per_year, const process *p, double until,
                            int what) {
  double bound = p ? process_max(p) : per_year, t = engine_now(m->e);
  if (!(bound > 0)) return 0;
  for (;;) {
    t += dist_exponential(&tn->ct.events, HOURS_PER_YEAR / bound);
    if (!(t < until && t <= m->cfg->horizon_h)) return 0;
    if (!p || rng_uniform(&tn->ct.events) * bound < process_value(p, t)) break;
  }
  return engine_at(m->e, t, EV_CONTRACT, (uint32_t)(tn - m->tenants), (uint64_t)what);
}

/* The renewal probability now (a process: its value, within 0..1). */
static double renew_prob(const model *m, const tenant *tn) {
  const process *p = tn->ct.renew_p;
  return p ? fmin(1, fmax(0, process_value(p, engine_now(m->e)))) : tn->cfg->renew_prob;
}

/* A contract from `start` (now, or for the scenario's own contract a date
** before the start of the run: it is then mid-term, its prepayment paid
** before the run and partly consumed by the bills of the months before). */
static void begin(model *m, tenant *tn, long nodes, double price, double term_months,
                  double start) {
  const tenant_cfg *c = tn->cfg;
  tenant_contract *ct = &tn->ct;
  double now = engine_now(m->e), billed_hour = (double)nodes * (double)tn->gpus_per_node * price *
                                               (c->take_or_pay ? 1 : c->usage);
  ct->active = 1;
  tn->hold.want = nodes;
  ct->price = price;
  ct->renew_blocked = 0;
  ct->end = start + months_to_hours(term_months);
  double prepay = c->prepay_fraction * billed_hour * months_to_hours(term_months);
  if (start < now) { /* paid before the run: what the earlier bills left is owed at the start */
    prepay = fmax(0.0, prepay - billed_hour * (now - start));
    ct->prepaid += prepay;
    books_opening_prepaid(m, prepay);
  } else if (prepay > 0) { /* added to what a renewed contract has left */
    ct->prepaid += prepay;
    ledger_receive(m, prepay);
    books_prepay(m, prepay);
  }
  uint32_t t = (uint32_t)(tn - m->tenants);
  if (ct->end <= m->cfg->horizon_h) ct->ev_end = engine_at(m->e, ct->end, EV_CONTRACT, t, CT_END);
  ct->ev_default = hazard(m, tn, c->default_prob_year, ct->default_p, ct->end, CT_DEFAULT);
  ct->ev_notice = hazard(m, tn, c->terminate_prob_year, ct->terminate_p, ct->end, CT_NOTICE);
  if (start < now)
    model_event(m, "contract_start", c->name,
                "%ld nodes at $%.4g/GPU-hour for %.4g months since day %.1f", nodes, price,
                term_months, hours_to_days(start));
  else
    model_event(m, "contract_start", c->name, "%ld nodes at $%.4g/GPU-hour for %.4g months", nodes,
                price, term_months);
  hold_fill(m, tn);
  hold_update(m, tn); /* a renewal keeps its nodes but bills the new price */
}

/* Collect the bills accrued since the last collection (prepayment first). */
static void settle(model *m, tenant *tn) {
  tenant_contract *ct = &tn->ct;
  double now = engine_now(m->e), due = integral_at(&tn->revenue, now) - ct->billed;
  double from_prepaid = fmin(ct->prepaid, due);
  ct->billed += due;
  ct->prepaid -= from_prepaid;
  ledger_receive(m, due - from_prepaid);
  books_collect(m, due, from_prepaid);
}

static void finish(model *m, tenant *tn, const char *why) {
  tenant_contract *ct = &tn->ct;
  engine_cancel(m->e, ct->ev_end);
  engine_cancel(m->e, ct->ev_default);
  engine_cancel(m->e, ct->ev_notice);
  ct->ev_end = ct->ev_default = ct->ev_notice = 0;
  ct->active = 0;
  tn->hold.want = 0;
  hold_release_to(m, tn, 0);
  settle(m, tn);         /* the last bills, from what is left of the prepayment first */
  if (ct->prepaid > 0) { /* the rest is not refunded: earned now */
    ct->forfeited += ct->prepaid;
    books_forfeit(m, tn, ct->prepaid);
    ct->prepaid = 0;
  }
  model_event(m, "contract_end", tn->cfg->name, "%s", why);
  fleet_rebalance(m, tn->cfg->sku);
  model_call_policies(m, REASON_CONTRACT_END);
}

static void on_end(model *m, tenant *tn) {
  const tenant_cfg *c = tn->cfg;
  if (!tn->ct.renew_blocked && rng_uniform(&tn->ct.events) < renew_prob(m, tn)) {
    double mk = market_price(m, c->sku, engine_now(m->e));
    double price = isnan(mk) ? tn->ct.price : mk * c->renew_factor;
    settle(m, tn);
    model_event(m, "renewal", c->name, "renewed at $%.4g/GPU-hour", price);
    tn->ct.renewals++;
    begin(m, tn, tn->hold.want, price, c->term_months, engine_now(m->e));
    return;
  }
  finish(m, tn,
         tn->ct.renew_blocked ? "ended by the tenant's termination notice"
                              : "term ended, not renewed");
}

static void on_default(model *m, tenant *tn) {
  tenant_contract *ct = &tn->ct;
  double now = engine_now(m->e), unpaid = integral_at(&tn->revenue, now) - ct->billed;
  double from_prepaid = fmin(ct->prepaid, unpaid), lost = unpaid - from_prepaid;
  ct->defaulted = 1;
  ct->prepaid -= from_prepaid; /* the prepayment pays what it can */
  ct->bad_debt += lost;
  ct->billed += unpaid; /* paid from the prepayment, the rest written off */
  books_collect(m, from_prepaid, from_prepaid);
  books_bad_debt(m, lost);
  model_event(m, "tenant_default", tn->cfg->name, "receivable lost: $%.0f", lost);
  finish(m, tn, "tenant default");
}

/* The tenant gives notice: the contract ends notice_days from now (unless
** it ends sooner), and is not renewed. */
static void on_notice(model *m, tenant *tn) {
  tenant_contract *ct = &tn->ct;
  double end = engine_now(m->e) + days_to_hours(tn->cfg->notice_days);
  ct->ev_notice = 0;
  ct->renew_blocked = 1; /* given notice, the tenant does not renew, whenever the term ends */
  model_event(m, "termination_notice", tn->cfg->name, "ends in %.0f days", tn->cfg->notice_days);
  if (end < ct->end) {
    engine_cancel(m->e, ct->ev_end);
    ct->end = end;
    ct->ev_end = end <= m->cfg->horizon_h
                     ? engine_at(m->e, end, EV_CONTRACT, (uint32_t)(tn - m->tenants), CT_END)
                     : 0;
  }
}

double reserved_backlog(const model *m, const tenant *tn, double t) {
  const tenant_contract *ct = &tn->ct;
  const tenant_cfg *c = tn->cfg;
  if (!ct->active || ct->defaulted) return 0;
  (void)m;
  return (double)tn->hold.want * (double)tn->gpus_per_node * ct->price *
         (c->take_or_pay ? 1 : c->usage) * fmax(0.0, ct->end - t);
}

void ct_on_event(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  tenant *tn = &m->tenants[ev->id];
  const tenant_cfg *c = tn->cfg;
  (void)e;
  switch (ev->arg) {
  case CT_START: begin(m, tn, c->nodes, c->price_gpu_hour, c->term_months, c->start_h); break;
  case CT_END:
    tn->ct.ev_end = 0;
    on_end(m, tn);
    break;
  case CT_DEFAULT:
    tn->ct.ev_default = 0;
    on_default(m, tn);
    break;
  case CT_NOTICE: on_notice(m, tn); break;
  }
}

static int offer(model *m, tenant *tn, long nodes, double price, double term_months, char *err,
                 size_t errlen) {
  if (tn->ct.active)
    return err_set(err, errlen, "offer: tenant %s already has a contract", tn->cfg->name);
  if (nodes < 1 || !(price >= 0) || !(term_months > 0))
    return err_set(err, errlen, "offer: needs nodes >= 1, price >= 0, term_months > 0");
  double mk = market_price(m, tn->cfg->sku, engine_now(m->e));
  double p = renew_prob(m, tn) * (isnan(mk) || price <= 0 ? 1 : fmin(1.0, mk / price));
  if (rng_uniform(&tn->ct.events) < p) begin(m, tn, nodes, price, term_months, engine_now(m->e));
  else model_event(m, "offer_declined", tn->cfg->name, "%ld nodes at $%.4g/GPU-hour", nodes, price);
  return 0;
}

static int init(model *m, tenant *tn) {
  const tenant_cfg *c = tn->cfg;
  tenant_contract *ct = &tn->ct;
  if (market_varying(m, &c->renew_process, &ct->renew_p) ||
      market_varying(m, &c->default_process, &ct->default_p) ||
      market_varying(m, &c->terminate_process, &ct->terminate_p))
    return -1;
  model_stream(m, &tn->ct.events, "tenants", c->name, "contract");
  tn->ct.price = c->price_gpu_hour;
  double end = c->start_h + months_to_hours(c->term_months);      /* one that ended before: none */
  if (c->nodes > 0 && c->start_h <= m->cfg->horizon_h && end > 0) /* 0 nodes: no contract */
    engine_at(m->e, fmax(0.0, c->start_h), EV_CONTRACT, (uint32_t)(tn - m->tenants), CT_START);
  return 0;
}

static double price(const model *m, const tenant *tn) {
  (void)m;
  return tn->ct.price;
}

static void reserved_free(model *m, tenant *tn) {
  process_free(tn->ct.renew_p);
  process_free(tn->ct.default_p);
  process_free(tn->ct.terminate_p);
  hold_free(m, tn);
}

const tenant_ops reserved_ops = {
    .holds_as = NODE_LEASED,
    .billed = 1,
    .contracted = 1,
    .init = init,
    .serve = hold_fill,
    .lose = hold_lose,
    .bill = bill,
    .month_end = settle,
    .price = price,
    .nodes = hold_nodes,
    .offer = offer,
    .free = reserved_free,
};
