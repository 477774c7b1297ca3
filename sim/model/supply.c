/*
** supply.c -- buying nodes: an order creates its nodes (ordered), the
** supplier ships orders first come first served up to each SKU's
** monthly allocation cap (x supply-cut shocks), each shipment arrives
** after a random lead time (x lead-time shocks) and is installed at its
** site when the power allows (fleet.c).  Capex is the supplier's node
** price when ordered (x GPU-price shocks), paid when ordered or on
** delivery (supplier.pay_on), or a deposit (a share of it) when ordered
** and the rest on delivery (supplier.deposit).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

double supply_price(const model *m, int sku, double t) {
  return process_value(m->market.node_price[sku], t) * m->market.mult_gpu[sku];
}

long supply_pending(const model *m, int sku) {
  return fleet_count(m, sku, -1, NODE_ORDERED) + fleet_count(m, sku, -1, NODE_TRANSIT);
}

static int add_shipment(model *m, uint32_t first, long n) {
  if (m->supply.nships == m->supply.capships) {
    size_t ncap = m->supply.capships ? m->supply.capships * 2 : 64;
    if (model_take(m, (double)(ncap - m->supply.capships) * (sizeof(shipment) + 64.0),
                   "the shipments (%zu of them)", m->supply.nships + 1))
      return -1; /* the run has failed with why (their delivery events: 64 bytes each) */
    shipment *ns = realloc(m->supply.ships, ncap * sizeof *ns);
    if (!ns) return -1;
    m->supply.ships = ns;
    m->supply.capships = ncap;
  }
  m->supply.ships[m->supply.nships] = (shipment){.first = first, .nodes = n};
  double lead = days_to_hours(dist_sample(&m->cfg->supplier.lead_time_days, &m->supply.lead)) *
                m->market.mult_lead;
  for (long k = 0; k < n; k++) fleet_set_state(m, first + (uint32_t)k, NODE_TRANSIT);
  engine_after(m->e, lead > 0 ? lead : 0, EV_DELIVERY, (uint32_t)m->supply.nships++, 0);
  model_trace(m, "shipment", m->cfg->skus[m->fleet.pools[m->fleet.nodes[first].pool].sku].name,
              "%ld nodes, lead time %.1f days", n, hours_to_days(lead > 0 ? lead : 0));
  return 0;
}

/* This month's cap of a SKU: its monthly_cap (INFINITY: none) x the
** supply-cut shocks in force; a cut to 0 stops even an unlimited SKU. */
static double cap_now(const model *m, int sku) {
  double mult = m->market.mult_cap[sku];
  return mult == 0 ? 0 : m->cfg->supplier.monthly_cap[sku] * mult;
}

/* Ship orders from, in order, as far as the caps allow. */
static void ship_from(model *m, size_t from) {
  for (size_t i = from; i < m->supply.norders && !m->failed; i++) {
    order *o = &m->supply.orders[i];
    double room = cap_now(m, o->sku) - m->supply.shipped_month[o->sku];
    long k = o->nodes - o->shipped;
    if (room < (double)k) k = room > 0 ? (long)floor(room) : 0;
    if (k <= 0) continue;
    if (add_shipment(m, o->first + (uint32_t)o->shipped, k))
      model_fail(m, "out of memory shipping an order");
    o->shipped += k;
    m->supply.shipped_month[o->sku] += (double)k;
  }
}

/* The oldest order not shipped whole. */
static void advance_head(model *m) {
  while (m->supply.order_head < m->supply.norders &&
         m->supply.orders[m->supply.order_head].shipped ==
             m->supply.orders[m->supply.order_head].nodes)
    m->supply.order_head++;
}

/* Ship what this month's caps allow, oldest orders first. */
void supply_ship(model *m) {
  ship_from(m, m->supply.order_head);
  advance_head(m);
}

void supply_month(model *m) {
  for (size_t k = 0; k < m->cfg->nskus; k++) m->supply.shipped_month[k] = 0;
  supply_ship(m);
}

int supply_order(model *m, int sku, int site, long n, char *err, size_t errlen) {
  if (n < 1) return err_set(err, errlen, "order: nodes must be >= 1, got %ld", n);
  const sku_cfg *s = &m->cfg->skus[sku];
  if (engine_now(m->e) < s->release_h)
    return err_set(err, errlen, "order: %s is released on day %.1f, not orderable on day %.1f",
                   s->name, hours_to_days(s->release_h), hours_to_days(engine_now(m->e)));
  double price = supply_price(m, sku, engine_now(m->e));
  char why[ERR_LEN]; /* before a node is made (+ 1: the order's record, less than a node's) */
  if (fleet_room(m, (double)n + 1, why, sizeof why, "an order of %ld %s nodes", n, s->name))
    return err_set(err, errlen, "order: %s", why);
  if (m->supply.norders == m->supply.caporders) {
    size_t ncap = m->supply.caporders ? m->supply.caporders * 2 : 32;
    order *no = realloc(m->supply.orders, ncap * sizeof *no);
    if (!no) return err_set(err, errlen, "out of memory");
    m->supply.orders = no;
    m->supply.caporders = ncap;
  }
  uint32_t first = m->fleet.nnodes;
  for (long k = 0; k < n; k++)
    if (fleet_new_node(m, sku, site, NODE_ORDERED, price) == NONE)
      return err_set(err, errlen, "out of memory");
  m->supply.orders[m->supply.norders++] =
      (order){.sku = sku, .site = site, .nodes = n, .first = first};
  double deposit = m->cfg->supplier.deposit * price * (double)n;
  if (deposit > 0) {
    ledger_pay(m, deposit, 0);
    books_buy(m, deposit, 0);
    debt_finance(m, sku, first, n, deposit);
  }
  model_event(m, "order", m->cfg->skus[sku].name, "%ld nodes for %s at $%.0f each", n,
              m->cfg->sites[site].name, price);
  /* Only the new order can ship now: the caps grow only at a month start or
  ** when a supply cut ends, which ship what they allow, and an older order
  ** of this SKU still waiting has left less than a node of room.  (Shipping
  ** from the oldest order cost O(orders waiting) per order: quadratic.) */
  ship_from(m, m->supply.norders - 1);
  advance_head(m);
  return 0;
}

void supply_on_delivery(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  const shipment *s = &m->supply.ships[ev->id];
  double capex = 0;
  (void)e;
  for (long k = 0; k < s->nodes; k++) {
    uint32_t id = s->first + (uint32_t)k;
    capex += m->fleet.nodes[id].price;
    fleet_delivered(m, id);
  }
  const pool *p = &m->fleet.pools[m->fleet.nodes[s->first].pool];
  double deposit = m->cfg->supplier.deposit * capex, rest = capex - deposit;
  if (deposit > 0) books_deliver(m, deposit); /* the deposit becomes equipment */
  if (rest > 0) {
    ledger_pay(m, rest, 0);
    books_buy(m, rest, 1);
    debt_finance(m, p->sku, s->first, s->nodes, rest);
  }
  model_trace(m, "delivery", m->cfg->skus[p->sku].name, "%ld nodes at %s ($%.0f)", s->nodes,
              m->cfg->sites[p->site].name, capex);
}

int supply_init(model *m) {
  m->supply.shipped_month = calloc(m->cfg->nskus, sizeof *m->supply.shipped_month);
  rng_derive(&m->supply.lead, m->seed, m->rep, "supplier.lead_time");
  return m->supply.shipped_month ? 0 : -1;
}

void supply_free(model *m) {
  free(m->supply.orders);
  free(m->supply.ships);
  free(m->supply.shipped_month);
}
