/*
** supply.c -- buying nodes: an order creates its nodes (ordered), the
** supplier ships orders first come first served up to each SKU's
** monthly allocation cap (x supply-cut shocks), each shipment arrives
** after a random lead time (x lead-time shocks) and is installed at its
** site when the power allows (fleet.c).  Capex is the supplier's node
** price when ordered (x GPU-price shocks), paid when ordered or on
** delivery (supplier.pay_on).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

double supply_price(const model *m, int sku, double t) {
  return process_value(m->node_price[sku], t) * m->mult_gpu[sku];
}

long supply_pending(const model *m, int sku) {
  return fleet_count(m, sku, -1, NODE_ORDERED) + fleet_count(m, sku, -1, NODE_TRANSIT);
}

static int add_shipment(model *m, uint32_t first, long n) {
  if (m->nships == m->capships) {
    size_t ncap = m->capships ? m->capships * 2 : 64;
    shipment *ns = realloc(m->ships, ncap * sizeof *ns);
    if (!ns) return -1;
    m->ships = ns, m->capships = ncap;
  }
  m->ships[m->nships] = (shipment){first, n};
  double lead = dist_sample(&m->cfg->supplier.lead_time_days, &m->lead) * 24.0 * m->mult_lead;
  for (long k = 0; k < n; k++) fleet_set_state(m, first + (uint32_t)k, NODE_TRANSIT);
  engine_after(m->e, lead > 0 ? lead : 0, EV_DELIVERY, (uint32_t)m->nships++, 0);
  model_trace(m, "shipment", m->cfg->skus[m->pools[m->nodes[first].pool].sku].name, "%ld nodes, lead time %.1f days",
              n, (lead > 0 ? lead : 0) / 24.0);
  return 0;
}

/* Ship what this month's caps allow, oldest orders first. */
static void ship(model *m) {
  for (size_t i = m->order_head; i < m->norders && !m->failed; i++) {
    order *o = &m->orders[i];
    double room = m->cfg->supplier.monthly_cap[o->sku] * m->mult_cap[o->sku] - m->shipped_month[o->sku];
    long k = o->nodes - o->shipped;
    if (room < (double)k) k = room > 0 ? (long)floor(room) : 0;
    if (k <= 0) continue;
    if (add_shipment(m, o->first + (uint32_t)o->shipped, k)) model_fail(m, "out of memory shipping an order");
    o->shipped += k;
    m->shipped_month[o->sku] += (double)k;
  }
  while (m->order_head < m->norders && m->orders[m->order_head].shipped == m->orders[m->order_head].nodes)
    m->order_head++;
}

void supply_month(model *m) {
  for (size_t k = 0; k < m->cfg->nskus; k++) m->shipped_month[k] = 0;
  ship(m);
}

int supply_order(model *m, int sku, int site, long n, char *err, size_t errlen) {
  if (n < 1) return snprintf(err, errlen, "order: nodes must be >= 1, got %ld", n), -1;
  double price = supply_price(m, sku, engine_now(m->e));
  if (m->norders == m->caporders) {
    size_t ncap = m->caporders ? m->caporders * 2 : 32;
    order *no = realloc(m->orders, ncap * sizeof *no);
    if (!no) return snprintf(err, errlen, "out of memory"), -1;
    m->orders = no, m->caporders = ncap;
  }
  uint32_t first = m->nnodes;
  for (long k = 0; k < n; k++)
    if (fleet_new_node(m, sku, site, NODE_ORDERED, price) == NONE) return snprintf(err, errlen, "out of memory"), -1;
  m->orders[m->norders++] = (order){sku, site, n, first, 0};
  if (!m->cfg->supplier.pay_on_delivery) ledger_pay(m, price * (double)n, 0);
  model_event(m, "order", m->cfg->skus[sku].name, "%ld nodes for %s at $%.0f each", n, m->cfg->sites[site].name, price);
  ship(m);
  return 0;
}

void supply_on_delivery(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  const shipment *s = &m->ships[ev->id];
  double capex = 0;
  (void)e;
  for (long k = 0; k < s->nodes; k++) {
    uint32_t id = s->first + (uint32_t)k;
    capex += m->nodes[id].price;
    fleet_delivered(m, id);
  }
  if (m->cfg->supplier.pay_on_delivery) ledger_pay(m, capex, 0);
  const pool *p = &m->pools[m->nodes[s->first].pool];
  model_trace(m, "delivery", m->cfg->skus[p->sku].name, "%ld nodes at %s ($%.0f)", s->nodes,
              m->cfg->sites[p->site].name, capex);
}

int supply_init(model *m) {
  m->shipped_month = calloc(m->cfg->nskus, sizeof *m->shipped_month);
  rng_derive(&m->lead, m->seed, m->rep, "supplier.lead_time");
  return m->shipped_month ? 0 : -1;
}

void supply_free(model *m) { free(m->orders), free(m->ships), free(m->shipped_month); }
