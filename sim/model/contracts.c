/*
** contracts.c -- tenants that hold nodes: reserved contracts and the
** operator's internal use.
**
** A reserved contract takes `nodes` nodes at `start` for `term_months`
** (a month being 8766/12 hours), preempting internal use and spot jobs
** if it must.  Billing: take-or-pay bills every contracted node, less an
** SLA credit of sla_credit x price for each node-hour not delivered
** (failures without a spare, nodes not yet available); otherwise only
** delivered nodes x usage are billed.  Bills accrue continuously and
** are collected at each month end; a prepayment (prepay_fraction of the
** contract's value) is paid at the start and consumed by the bills.  At
** term end the tenant renews with renew_prob, at the market index x
** renew_factor (the old price without an index).  A default (hazard
** default_prob_year) ends the contract at once and loses the bills not
** yet collected; an early termination (hazard terminate_prob_year)
** ends it notice_days after the notice.
**
** Internal use holds up to `nodes` idle nodes at the lowest priority and
** accrues value_gpu_hour per GPU-hour: an economic value, not cash.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

/* Make room for a held set per pool (pools are created as nodes arrive). */
static idset *held_in(model *m, tenant *tn, uint32_t pid) {
  if (tn->nheld_pools <= pid) {
    size_t n = m->npools;
    idset *h = realloc(tn->held, n * sizeof *h);
    if (!h) return NULL;
    for (size_t i = tn->nheld_pools; i < n; i++) h[i] = (idset){0};
    tn->held = h, tn->nheld_pools = n;
  }
  return &tn->held[pid];
}

static int is_reserved(const tenant *tn) { return tn->cfg->kind == TENANT_RESERVED; }

void ct_update_rates(model *m, tenant *tn) {
  double now = engine_now(m->e), gpus = (double)tn->gpus_per_node, price = tn->contract_price;
  long got = tn->nheld, short_ = tn->want > got ? tn->want - got : 0;
  integral_set(&tn->gpu_hours, now, (double)got * gpus);
  if (!is_reserved(tn)) return;
  const tenant_cfg *c = tn->cfg;
  double billed = !tn->active ? 0
                  : c->take_or_pay ? ((double)tn->want - (double)short_ * c->sla_credit) * gpus * price
                                   : (double)got * c->usage * gpus * price;
  integral_set(&tn->revenue, now, billed);
  integral_set(&tn->credit, now, tn->active && c->take_or_pay ? (double)short_ * c->sla_credit * gpus * price : 0);
}

static void hold(model *m, tenant *tn, uint32_t id, uint32_t pid) {
  idset *h = held_in(m, tn, pid);
  node *n = &m->nodes[id];
  n->tenant = (int32_t)(tn - m->tenants);
  fleet_set_state(m, id, is_reserved(tn) ? NODE_LEASED : NODE_BUSY); /* leaves the idle set (by pos) */
  if (!h || idset_add(h, id, &n->pos)) { /* then pos is its place among the held */
    model_fail(m, "out of memory holding nodes");
    return;
  }
  tn->nheld++;
}

static void unhold(model *m, tenant *tn, uint32_t id) {
  node *n = &m->nodes[id];
  idset *h = &tn->held[n->pool];
  uint32_t moved = idset_take(h, n->pos);
  if (moved != NONE) m->nodes[moved].pos = n->pos;
  tn->nheld--;
}

/* Take idle nodes (preempting lower priorities) up to what the tenant wants. */
void ct_fill(model *m, tenant *tn) {
  if (tn->nheld >= tn->want || (is_reserved(tn) && !tn->active)) return;
  for (uint32_t p = 0; p < m->npools && tn->nheld < tn->want; p++) {
    const pool *pl = &m->pools[p];
    if (pl->sku != tn->cfg->sku || (tn->cfg->site >= 0 && pl->site != tn->cfg->site)) continue;
    fleet_free_for(m, p, tn->priority, tn->want - tn->nheld);
    uint32_t id;
    while (tn->nheld < tn->want && (id = fleet_take_idle(m, p)) != NONE) hold(m, tn, id, p);
  }
  ct_update_rates(m, tn);
}

/* Release nodes until the tenant holds at most `keep` (newest first). */
static void release_to(model *m, tenant *tn, long keep) {
  for (uint32_t p = (uint32_t)tn->nheld_pools; p-- > 0 && tn->nheld > keep;) {
    idset *h = &tn->held[p];
    while (h->n > 0 && tn->nheld > keep) {
      uint32_t id = h->a[h->n - 1];
      unhold(m, tn, id);
      fleet_release(m, id);
    }
  }
  ct_update_rates(m, tn);
}

/* Internal use down to its (lowered) target. */
void ct_trim(model *m, tenant *tn) {
  if (tn->nheld > tn->want) release_to(m, tn, tn->want);
}

/* Internal use gives back up to `count` nodes of one pool to a higher priority. */
void ct_give_back(model *m, tenant *tn, uint32_t pid, long count) {
  idset *h = pid < tn->nheld_pools ? &tn->held[pid] : NULL;
  while (h && h->n > 0 && count-- > 0) {
    uint32_t id = h->a[h->n - 1];
    unhold(m, tn, id);
    fleet_release(m, id);
  }
  ct_update_rates(m, tn);
}

/* A held node failed: the tenant loses it (a spare comes by ct_fill). */
void ct_node_lost(model *m, tenant *tn, uint32_t id) {
  unhold(m, tn, id);
  ct_update_rates(m, tn);
}

static double months_h(double months) { return months * MONTH_HOURS; }

/* Draw the time of an event at a yearly hazard, before `until`; 0 if none. */
static engine_handle hazard(model *m, tenant *tn, double per_year, double until, int what) {
  if (!(per_year > 0)) return 0;
  double t = engine_now(m->e) + dist_exponential(&tn->events, HOURS_PER_YEAR / per_year);
  return t < until && t <= m->cfg->horizon_h ? engine_at(m->e, t, EV_CONTRACT, (uint32_t)(tn - m->tenants), (uint64_t)what) : 0;
}

static void begin(model *m, tenant *tn, long nodes, double price, double term_months) {
  const tenant_cfg *c = tn->cfg;
  double now = engine_now(m->e);
  tn->active = 1, tn->want = nodes, tn->contract_price = price, tn->renew_blocked = 0;
  tn->contract_start = now, tn->contract_end = now + months_h(term_months);
  double value = (double)nodes * (double)tn->gpus_per_node * price * months_h(term_months) * (c->take_or_pay ? 1 : c->usage);
  tn->prepaid = c->prepay_fraction * value;
  if (tn->prepaid > 0) ledger_receive(m, tn->prepaid);
  uint32_t t = (uint32_t)(tn - m->tenants);
  if (tn->contract_end <= m->cfg->horizon_h) tn->ev_end = engine_at(m->e, tn->contract_end, EV_CONTRACT, t, CT_END);
  tn->ev_default = hazard(m, tn, c->default_prob_year, tn->contract_end, CT_DEFAULT);
  tn->ev_notice = hazard(m, tn, c->terminate_prob_year, tn->contract_end, CT_NOTICE);
  model_event(m, "contract_start", c->name, "%ld nodes at $%.4g/GPU-hour for %.4g months", nodes, price, term_months);
  ct_fill(m, tn);
  ct_update_rates(m, tn); /* a renewal keeps its nodes but bills the new price */
}

static void finish(model *m, tenant *tn, const char *why) {
  engine_cancel(m->e, tn->ev_end), engine_cancel(m->e, tn->ev_default), engine_cancel(m->e, tn->ev_notice);
  tn->ev_end = tn->ev_default = tn->ev_notice = 0;
  tn->active = 0, tn->want = 0;
  release_to(m, tn, 0);
  model_event(m, "contract_end", tn->cfg->name, "%s", why);
  fleet_rebalance(m, tn->cfg->sku);
  model_call_policies(m, REASON_CONTRACT_END);
}

static void on_end(model *m, tenant *tn) {
  const tenant_cfg *c = tn->cfg;
  if (!tn->renew_blocked && rng_uniform(&tn->events) < c->renew_prob) {
    double mk = market_price(m, c->sku, engine_now(m->e));
    double price = isnan(mk) ? tn->contract_price : mk * c->renew_factor;
    ct_settle(m, tn);
    model_event(m, "renewal", c->name, "renewed at $%.4g/GPU-hour", price);
    tn->renewals++;
    begin(m, tn, tn->want, price, c->term_months);
    return;
  }
  finish(m, tn, "term ended, not renewed");
}

static void on_default(model *m, tenant *tn) {
  double now = engine_now(m->e), unpaid = integral_at(&tn->revenue, now) - tn->billed;
  tn->defaulted = 1, tn->default_day = now / 24.0;
  tn->bad_debt += unpaid;
  tn->billed += unpaid; /* written off: never collected */
  model_event(m, "tenant_default", tn->cfg->name, "receivable lost: $%.0f", unpaid);
  finish(m, tn, "tenant default");
}

void ct_on_event(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  tenant *tn = &m->tenants[ev->id];
  const tenant_cfg *c = tn->cfg;
  switch (ev->arg) {
  case CT_START: begin(m, tn, c->nodes, c->price_gpu_hour, c->term_months); break;
  case CT_END: tn->ev_end = 0, on_end(m, tn); break;
  case CT_DEFAULT: tn->ev_default = 0, on_default(m, tn); break;
  case CT_NOTICE: {
    double end = engine_now(e) + c->notice_days * 24.0;
    tn->ev_notice = 0;
    model_event(m, "termination_notice", c->name, "ends in %.0f days", c->notice_days);
    if (end < tn->contract_end) {
      engine_cancel(e, tn->ev_end);
      tn->contract_end = end, tn->renew_blocked = 1;
      tn->ev_end = end <= m->cfg->horizon_h ? engine_at(e, end, EV_CONTRACT, ev->id, CT_END) : 0;
    }
    break;
  }
  }
}

/* Collect the bills accrued since the last collection (prepayment first). */
void ct_settle(model *m, tenant *tn) {
  double now = engine_now(m->e), bill = integral_at(&tn->revenue, now) - tn->billed;
  double from_prepaid = fmin(tn->prepaid, bill);
  tn->billed += bill;
  tn->prepaid -= from_prepaid;
  ledger_receive(m, bill - from_prepaid);
}

void ct_month_close(model *m) {
  for (size_t i = 0; i < m->cfg->ntenants; i++)
    if (is_reserved(&m->tenants[i])) ct_settle(m, &m->tenants[i]);
}

int ct_offer(model *m, int t, long nodes, double price, double term_months, char *err, size_t errlen) {
  tenant *tn = &m->tenants[t];
  if (!is_reserved(tn)) return snprintf(err, errlen, "offer: tenant %s is not a reserved tenant", tn->cfg->name), -1;
  if (tn->active) return snprintf(err, errlen, "offer: tenant %s already has a contract", tn->cfg->name), -1;
  if (nodes < 1 || !(price >= 0) || !(term_months > 0))
    return snprintf(err, errlen, "offer: needs nodes >= 1, price >= 0, term_months > 0"), -1;
  double mk = market_price(m, tn->cfg->sku, engine_now(m->e));
  double p = tn->cfg->renew_prob * (isnan(mk) || price <= 0 ? 1 : fmin(1.0, mk / price));
  if (rng_uniform(&tn->events) < p) begin(m, tn, nodes, price, term_months);
  else model_event(m, "offer_declined", tn->cfg->name, "%ld nodes at $%.4g/GPU-hour", nodes, price);
  return 0;
}

int ct_init(model *m) {
  for (uint32_t i = 0; i < m->cfg->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    const tenant_cfg *c = tn->cfg;
    tn->default_day = NAN;
    model_stream(m, &tn->events, "tenants", c->name, "contract");
    if (c->kind == TENANT_INTERNAL) {
      tn->want = c->nodes;
      ct_fill(m, tn);
    } else if (is_reserved(tn) && c->start_h <= m->cfg->horizon_h) {
      engine_at(m->e, fmax(0.0, c->start_h), EV_CONTRACT, i, CT_START);
    }
  }
  return m->failed ? -1 : 0;
}

void ct_free(model *m) {
  for (size_t i = 0; m->tenants && i < m->cfg->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    for (size_t p = 0; p < tn->nheld_pools; p++) free(tn->held[p].a);
    free(tn->held);
  }
}
