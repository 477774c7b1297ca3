/*
** actions.c -- what policies see of a model (the accessors of model.h)
** and what they do to it (model_act_*): each action checks its arguments
** and says why it refuses, and a tenant's kind decides whether it takes
** an action meant for tenants (tenant_ops).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

const model_cfg *model_config(const model *m) { return m->cfg; }
double model_now(const model *m) { return engine_now(m->e); }
double model_cash(const model *m) { return m->books.cash; }
double model_debt(const model *m) { return debt_total(m); }
double model_facility_left(const model *m) { return debt_facility_left(m); }
long model_nodes(const model *m, int sku, int site, node_state s) {
  return fleet_count(m, sku, site, s);
}
long model_pending_orders(const model *m, int sku) { return supply_pending(m, sku); }
double model_supplier_price(const model *m, int sku) {
  return supply_price(m, sku, engine_now(m->e));
}
double model_market_price(const model *m, int sku) {
  return market_price(m, sku, engine_now(m->e));
}
double model_site_mw(const model *m, int site) { return m->fleet.site_mw[site]; }
double model_site_mw_used(const model *m, int site) { return m->fleet.site_kw[site] / KW_PER_MW; }
double model_site_mw_building(const model *m, int site) { return build_mw_building(m, site); }

double model_utilization(const model *m, int sku) {
  double now = engine_now(m->e);
  if (sku < 0) {
    double inst = integral_at(&m->use.installed_all, now) - m->installed_review;
    return inst > 0 ? (integral_at(&m->use.busy_all, now) - m->busy_review) / inst
                    : model_ratio((double)(fleet_count(m, -1, -1, NODE_LEASED) +
                                           fleet_count(m, -1, -1, NODE_BUSY)),
                                  (double)m->fleet.nodes_total);
  }
  long used = fleet_count(m, sku, -1, NODE_LEASED) + fleet_count(m, sku, -1, NODE_BUSY);
  long all = used + fleet_count(m, sku, -1, NODE_IDLE) + fleet_count(m, sku, -1, NODE_REPAIRING);
  return all > 0 ? (double)used / (double)all : 0; /* now, per SKU */
}

double model_tenant_price(const model *m, int t) {
  return m->tenants[t].ops->price(m, &m->tenants[t]);
}
long model_tenant_nodes(const model *m, int t) {
  return m->tenants[t].ops->nodes(m, &m->tenants[t]);
}
int model_tenant_active(const model *m, int t) {
  return !m->tenants[t].ops->contracted || m->tenants[t].ct.active;
}
long model_tenant_backlog(const model *m, int t) { return (long)m->tenants[t].jobs.queue_len.rate; }
double model_tenant_contract_end(const model *m, int t) {
  return m->tenants[t].ct.active ? m->tenants[t].ct.end : (double)NAN;
}

/* ---- actions ------------------------------------------------------------- */

static int bad_index(int i, size_t n, const char *what, char *err, size_t errlen) {
  if (i >= 0 && (size_t)i < n) return 0;
  err_set(err, errlen, "no %s number %d", what, i);
  return 1;
}

static int bad_place(const model *m, int sku, int site, char *err, size_t errlen) {
  return bad_index(sku, m->cfg->nskus, "sku", err, errlen) ||
         bad_index(site, m->cfg->nsites, "site", err, errlen);
}

int model_act_order(model *m, int sku, int site, long nodes, char *err, size_t errlen) {
  if (bad_place(m, sku, site, err, errlen)) return -1;
  return supply_order(m, sku, site, nodes, err, errlen);
}

int model_act_sell(model *m, int sku, int site, long nodes, char *err, size_t errlen) {
  if (bad_place(m, sku, site, err, errlen)) return -1;
  return fleet_sell(m, sku, site, nodes, 1, err, errlen);
}

int model_act_retire(model *m, int sku, int site, long nodes, char *err, size_t errlen) {
  if (bad_place(m, sku, site, err, errlen)) return -1;
  return fleet_sell(m, sku, site, nodes, 0, err, errlen);
}

int model_act_build(model *m, int site, double mw, char *err, size_t errlen) {
  if (bad_index(site, m->cfg->nsites, "site", err, errlen)) return -1;
  return build_start(m, site, mw, err, errlen);
}

int model_act_draw(model *m, int tranche, double amount, char *err, size_t errlen) {
  if (bad_index(tranche, m->cfg->finance.ndebt, "debt tranche", err, errlen)) return -1;
  return debt_draw(m, tranche, amount, err, errlen);
}

int model_act_repay(model *m, int tranche, double amount, char *err, size_t errlen) {
  if (bad_index(tranche, m->cfg->finance.ndebt, "debt tranche", err, errlen)) return -1;
  const char *name = m->cfg->finance.debt[tranche].name;
  double bal = m->debt.balance[tranche], cash = ledger_cash_now(m);
  if (!(bal > 0)) return err_set(err, errlen, "repay: %s owes nothing", name);
  if (isnan(amount)) amount = bal; /* no amount: all of it */
  if (!(amount > 0) || !isfinite(amount))
    return err_set(err, errlen, "repay: the amount must be a finite number > 0");
  amount = fmin(amount, bal);
  if (amount > cash)
    return err_set(err, errlen, "repay: $%.0f of %s is more than the cash, $%.0f", amount, name,
                   cash);
  debt_prepay(m, tranche, amount);
  model_event(m, "repay", name, "$%.0f repaid by policy", amount);
  return 0;
}

int model_act_refinance(model *m, int tranche, double term_months, double spread, char *err,
                        size_t errlen) {
  if (bad_index(tranche, m->cfg->finance.ndebt, "debt tranche", err, errlen)) return -1;
  return debt_refinance(m, tranche, term_months, spread, err, errlen);
}

int model_act_raise(model *m, double amount, double valuation, char *err, size_t errlen) {
  return equity_raise(m, amount, valuation, err, errlen);
}

int model_act_dividend(model *m, double amount, char *err, size_t errlen) {
  return equity_pay(m, amount, 0, err, errlen);
}

int model_act_buyback(model *m, double amount, char *err, size_t errlen) {
  return equity_pay(m, amount, 1, err, errlen);
}

int model_act_price(model *m, int t, double gpu_hour, char *err, size_t errlen) {
  if (bad_index(t, m->cfg->ntenants, "tenant", err, errlen)) return -1;
  tenant *tn = &m->tenants[t];
  if (!tn->ops->set_price)
    return err_set(err, errlen, "price: tenant %s is %s; only on_demand and spot prices can be set",
                   tn->cfg->name, tenant_kind_name(tn->cfg->kind));
  return tn->ops->set_price(m, tn, gpu_hour, err, errlen);
}

int model_act_offer(model *m, int t, int sku, long nodes, double price, double term_months,
                    char *err, size_t errlen) {
  if (bad_index(t, m->cfg->ntenants, "tenant", err, errlen)) return -1;
  tenant *tn = &m->tenants[t];
  if (!tn->ops->offer)
    return err_set(err, errlen, "offer: tenant %s is not a reserved tenant", tn->cfg->name);
  return tn->ops->offer(m, tn, sku, nodes, price, term_months, err, errlen);
}

int model_act_recall(model *m, int t, int k, char *err, size_t errlen) {
  if (bad_index(t, m->cfg->ntenants, "tenant", err, errlen)) return -1;
  tenant *tn = &m->tenants[t];
  if (tn->cfg->kind != TENANT_RESERVED)
    return err_set(err, errlen, "recall: tenant %s is not a reserved tenant", tn->cfg->name);
  return reserved_recall(m, tn, k, err, errlen);
}

int model_act_internal(model *m, int t, long nodes, char *err, size_t errlen) {
  if (bad_index(t, m->cfg->ntenants, "tenant", err, errlen)) return -1;
  tenant *tn = &m->tenants[t];
  if (!tn->ops->set_nodes)
    return err_set(err, errlen, "internal: tenant %s is not an internal tenant", tn->cfg->name);
  return tn->ops->set_nodes(m, tn, nodes, err, errlen);
}

int model_act_priority(model *m, const int *ts, size_t n, char *err, size_t errlen) {
  size_t nt = m->cfg->ntenants;
  int *seen = calloc(nt ? nt : 1, sizeof *seen);
  if (!seen) return err_set(err, errlen, "out of memory");
  int rc = 0;
  for (size_t i = 0; i < n && !rc; i++) {
    if (bad_index(ts[i], nt, "tenant", err, errlen)) rc = -1;
    else if (seen[ts[i]]++)
      rc = err_set(err, errlen, "priority: tenant %s listed twice", m->cfg->tenants[ts[i]].name);
  }
  if (!rc) {
    for (size_t i = 0; i < n; i++)
      m->tenants[ts[i]].priority = -1000000 + (int)i; /* before all unlisted */
    model_sort_tenants(m);
    for (size_t k = 0; k < m->cfg->nskus; k++) fleet_rebalance(m, (int)k);
  }
  free(seen);
  return rc;
}
