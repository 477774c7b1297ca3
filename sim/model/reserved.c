/*
** reserved.c -- reserved tenants: contracts for dedicated nodes.
**
** A tenant holds contracts, oldest first; each has lines (nodes of a SKU,
** at a site or any, at a price) for a term (a month being a twelfth of
** 365.25 days).  Its scenario contract starts at `start`; an offer (a
** policy action) adds one.  A contract takes its nodes, preempting
** internal use and spot jobs if it must (hold.c); the nodes a tenant holds
** of a SKU go to its contracts' lines oldest first.  With ramp_months the
** nodes come in equal monthly tranches; with an escalator the prices rise
** at each anniversary of the term's start.
**
** Billing: take-or-pay bills every node due, less an SLA credit of
** sla_credit x price for each node-hour not delivered (failures without a
** spare, nodes not yet available); otherwise only delivered nodes x usage
** are billed.  Bills accrue continuously and are collected at each month
** end; a prepayment (prepay_fraction of the contract's value at full
** delivery and its starting prices) is paid at the start and consumed by
** the contract's bills; a renewal adds its own to what is left.  At term
** end a contract renews with probability renew_prob x min(1, (index /
** price)^elasticity), the ratio over its lines weighted by their GPUs, at
** the market index x renew_factor (the price then without an index).
**
** A default (hazard default_prob_year, the tenant's: one for all its
** contracts; a process's hazard varies, drawn by thinning) ends every
** contract at once: the bills not yet collected are paid from the
** prepayment left, the rest is bad debt.  Notice either side: an early
** termination (hazard terminate_prob_year, per contract) or a recall by
** the operator (paying recall_penalty_months of the contract's bills) ends
** it notice_days after the notice, and it is not renewed.  When a
** contract ends its last bills are collected, and its prepayment left is
** earned then (never refunded).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"

/* EV_CONTRACT's arg: the contract's id and what happens (CT_*). */
#define CT_KIND_BITS 4
static uint64_t ct_arg(uint32_t id, int kind) {
  return (uint64_t)id << CT_KIND_BITS | (uint64_t)kind;
}

/* The most contracts a tenant holds at once (each bill walks them all). */
#define CT_MAX_CONTRACTS 1000

/* Who gave a contract notice (contract.renew_blocked). */
enum { NOTICE_NONE = 0, NOTICE_TENANT, NOTICE_OPERATOR };

/* Boundaries a hair early: a step event at start + k months is month k. */
#define CT_EPS 1e-9

static double gpus_of(const model *m, const tenant *tn, int g) {
  return (double)m->cfg->skus[tn->hold.g[g].sku].gpus_per_node;
}

static double billed_share(const tenant_cfg *c) { return c->take_or_pay ? 1 : c->usage; }

/* Monthly tranches due at t (1 in the first month). */
static double tranches_due(const contract *c, double t) {
  return floor((t - c->start) / HOURS_PER_MONTH + CT_EPS) + 1;
}
static double years_done(const contract *c, double t) {
  return floor((t - c->start) / HOURS_PER_YEAR + CT_EPS);
}

/* Nodes of line l due at t. */
static long line_want(const tenant *tn, const contract *c, size_t l, double t) {
  double r = tn->cfg->ramp_months, k;
  if (c->ramped || !(r > 0) || (k = tranches_due(c, t)) >= r) return c->nodes[l];
  return (long)ceil((double)c->nodes[l] * fmax(0, k) / r);
}

/* Line l's price at t: escalated at each anniversary of the term's start. */
static double line_price(const tenant *tn, const contract *c, size_t l, double t) {
  double y = tn->cfg->escalator != 0 ? years_done(c, t) : 0;
  return y > 0 ? c->price[l] * pow(1 + tn->cfg->escalator, y) : c->price[l];
}

/* The next time after t that a contract's nodes due or its prices change
** (a tranche, an anniversary); INFINITY if none. */
static double next_step(const tenant *tn, const contract *c, double t) {
  double next = INFINITY, r = tn->cfg->ramp_months;
  if (!c->ramped && r > 0 && tranches_due(c, t) < r)
    next = c->start + tranches_due(c, t) * HOURS_PER_MONTH;
  if (tn->cfg->escalator != 0)
    next = fmin(next, c->start + (years_done(c, t) + 1) * HOURS_PER_YEAR);
  return next;
}

/* A contract's bills an hour at full delivery and its prices at t. */
static double full_rate(const model *m, const tenant *tn, const contract *c, double t) {
  double rate = 0;
  for (size_t l = 0; l < c->nlines; l++)
    rate += (double)c->nodes[l] * gpus_of(m, tn, c->group[l]) * line_price(tn, c, l, t) *
            billed_share(tn->cfg);
  return rate;
}

/* Bills and credits accrue at the rates of what it holds now: each group's
** nodes go to the lines of the oldest contracts first. */
static void bill(model *m, tenant *tn, double now) {
  const tenant_cfg *c = tn->cfg;
  long left[CT_MAX_LINES];
  double total = 0, credits = 0;
  for (size_t g = 0; g < tn->hold.ng; g++) left[g] = tn->hold.g[g].n;
  for (size_t k = 0; k < tn->ct.n; k++) {
    contract *ct = &tn->ct.c[k];
    double rate = 0, credit = 0;
    for (size_t l = 0; l < ct->nlines; l++) {
      int g = ct->group[l];
      long want = line_want(tn, ct, l, now), got = want < left[g] ? want : left[g];
      long short_ = want - got;
      double gpus = gpus_of(m, tn, g), price = line_price(tn, ct, l, now);
      left[g] -= got;
      rate += c->take_or_pay ? ((double)want - (double)short_ * c->sla_credit) * gpus * price
                             : (double)got * c->usage * gpus * price;
      credit += c->take_or_pay ? (double)short_ * c->sla_credit * gpus * price : 0;
    }
    integral_set(&ct->revenue, now, rate);
    integral_set(&ct->credit, now, credit);
    total += rate;
    credits += credit;
  }
  integral_set(&tn->revenue, now, total);
  integral_set(&tn->credit, now, credits);
}

/* Each group wants what its lines have due now; then the nodes follow. */
static void follow_wants(model *m, tenant *tn) {
  double now = engine_now(m->e);
  long want[CT_MAX_LINES] = {0};
  for (size_t k = 0; k < tn->ct.n; k++)
    for (size_t l = 0; l < tn->ct.c[k].nlines; l++)
      want[tn->ct.c[k].group[l]] += line_want(tn, &tn->ct.c[k], l, now);
  int over = 0;
  for (size_t g = 0; g < tn->hold.ng; g++) {
    hold_want(m, tn, (int)g, want[g]);
    over |= tn->hold.g[g].n > want[g];
  }
  if (over) hold_trim(m, tn);
  hold_fill(m, tn);
  hold_update(m, tn); /* the bills follow new prices with the same nodes */
}

/* Draw the time of an event at a yearly hazard from `from`, before `until`;
** 0 if none.  A hazard that varies (a process, p) is drawn by thinning:
** candidates at its bound's rate, each kept with probability hazard / bound. */
static engine_handle hazard(model *m, tenant *tn, double per_year, const process *p, double from,
                            double until, uint64_t arg) {
  double bound = p ? process_max(p) : per_year, t = from;
  if (!(bound > 0)) return 0;
  for (;;) {
    t += dist_exponential(&tn->ct.events, HOURS_PER_YEAR / bound);
    if (!(t < until && t <= m->cfg->horizon_h)) return 0;
    if (!p || rng_uniform(&tn->ct.events) * bound < process_value(p, t)) break;
  }
  return engine_at(m->e, t, EV_CONTRACT, (uint32_t)(tn - m->tenants), arg);
}

/* The renewal probability now (a process: its value, within 0..1). */
static double renew_prob(const model *m, const tenant *tn) {
  const process *p = tn->ct.renew_p;
  return p ? fmin(1, fmax(0, process_value(p, engine_now(m->e)))) : tn->cfg->renew_prob;
}

/* The chance a contract at these prices is accepted (renewed, or an offer
** taken): renew_prob x min(1, (index / price)^elasticity), the ratio of
** the lines' prices to their indices weighted by GPUs (a line without an
** index counts at its price). */
static double acceptance(const model *m, const tenant *tn, const contract *c, const double *price) {
  double now = engine_now(m->e), at_price = 0, at_index = 0;
  for (size_t l = 0; l < c->nlines; l++) {
    double w = (double)c->nodes[l] * gpus_of(m, tn, c->group[l]);
    double mk = market_price(m, tn->hold.g[c->group[l]].sku, now);
    at_price += w * price[l];
    at_index += w * (isnan(mk) ? price[l] : mk);
  }
  double p = renew_prob(m, tn);
  if (at_price > 0 && at_index > 0 && at_price != at_index)
    p *= fmin(1.0, pow(at_index / at_price, tn->cfg->elasticity));
  return p;
}

static contract *find(tenant *tn, uint32_t id) {
  for (size_t k = 0; k < tn->ct.n; k++)
    if (tn->ct.c[k].id == id) return &tn->ct.c[k];
  return NULL;
}

/* The next contract end (NAN without one). */
static void note_ends(tenant *tn) {
  tn->ct.end = NAN;
  for (size_t k = 0; k < tn->ct.n; k++)
    if (!(tn->ct.c[k].end >= tn->ct.end)) tn->ct.end = tn->ct.c[k].end;
}

/* A new contract, at the end (the newest); NULL after failing the run. */
static contract *new_contract(model *m, tenant *tn) {
  tenant_contract *t = &tn->ct;
  if (t->n == t->cap) {
    size_t cap = t->cap ? 2 * t->cap : 2;
    if (model_take(m, (double)(cap - t->cap) * sizeof *t->c, "the contracts of tenant %s (%zu)",
                   tn->cfg->name, cap))
      return NULL;
    contract *nc = realloc(t->c, cap * sizeof *nc);
    if (!nc) {
      model_fail(m, "out of memory recording a contract of tenant %s", tn->cfg->name);
      return NULL;
    }
    t->c = nc;
    t->cap = cap;
  }
  contract *c = &t->c[t->n++];
  double now = engine_now(m->e);
  *c = (contract){
      .id = ++t->next_id, .revenue = {.since = now}, .credit = {.since = now}, .end = NAN};
  return c;
}

/* The next tranche or escalation of a contract, before its end. */
static void schedule_step(model *m, tenant *tn, contract *c) {
  double t = next_step(tn, c, engine_now(m->e));
  c->ev_step =
      t < c->end && t <= m->cfg->horizon_h
          ? engine_at(m->e, t, EV_CONTRACT, (uint32_t)(tn - m->tenants), ct_arg(c->id, CT_STEP))
          : 0;
}

static void describe(const model *m, const tenant *tn, const contract *c, char *buf, size_t len) {
  long nodes = 0;
  for (size_t l = 0; l < c->nlines; l++) nodes += c->nodes[l];
  if (c->nlines == 1) {
    snprintf(buf, len, "%ld nodes at $%.4g/GPU-hour", nodes, c->price[0]);
    return;
  }
  int w = snprintf(buf, len, "%ld nodes:", nodes);
  for (size_t l = 0; l < c->nlines && w > 0 && (size_t)w < len; l++)
    w += snprintf(buf + w, len - (size_t)w, "%s %ld %s at $%.4g/GPU-hour", l ? "," : "",
                  c->nodes[l], m->cfg->skus[tn->hold.g[c->group[l]].sku].name, c->price[l]);
}

/* A contract's term from `start` (now, or for the scenario's own contract a
** date before the start of the run: it is then mid-term, its prepayment
** paid before the run and partly consumed by the bills of the months before). */
static void begin(model *m, tenant *tn, contract *c, double start) {
  const tenant_cfg *cf = tn->cfg;
  tenant_contract *t = &tn->ct;
  double now = engine_now(m->e), hours = months_to_hours(c->term_months);
  c->start = start;
  c->end = start + hours;
  double billed_hour = full_rate(m, tn, c, start); /* at its starting prices */
  t->active = 1;
  t->price = c->price[0];
  c->renew_blocked = 0;
  double prepay = cf->prepay_fraction * billed_hour * hours;
  if (start < now) { /* paid before the run: what the earlier bills left is owed at the start */
    prepay = fmax(0.0, prepay - billed_hour * (now - start));
    c->prepaid += prepay;
    t->prepaid += prepay;
    books_opening_prepaid(m, prepay);
  } else if (prepay > 0) { /* added to what a renewed contract has left */
    c->prepaid += prepay;
    t->prepaid += prepay;
    ledger_receive(m, prepay);
    books_prepay(m, prepay);
  }
  uint32_t ti = (uint32_t)(tn - m->tenants);
  if (c->end <= m->cfg->horizon_h)
    c->ev_end = engine_at(m->e, c->end, EV_CONTRACT, ti, ct_arg(c->id, CT_END));
  if (!t->ev_default && c->end > t->default_until) /* the tenant's: drawn on to the last end */
    t->ev_default = hazard(m, tn, cf->default_prob_year, t->default_p, fmax(now, t->default_until),
                           c->end, ct_arg(0, CT_DEFAULT));
  t->default_until = fmax(t->default_until, c->end);
  c->ev_notice =
      hazard(m, tn, cf->terminate_prob_year, t->terminate_p, now, c->end, ct_arg(c->id, CT_NOTICE));
  note_ends(tn);
  char what[512];
  describe(m, tn, c, what, sizeof what);
  if (start < now)
    model_event(m, "contract_start", cf->name, "%s for %.4g months since day %.1f", what,
                c->term_months, hours_to_days(start));
  else model_event(m, "contract_start", cf->name, "%s for %.4g months", what, c->term_months);
  follow_wants(m, tn);
  schedule_step(m, tn, c);
}

/* Collect a contract's bills accrued since the last collection (prepayment first). */
static void settle(model *m, tenant *tn, contract *c) {
  double now = engine_now(m->e), due = integral_at(&c->revenue, now) - c->billed;
  double from_prepaid = fmin(c->prepaid, due);
  c->billed += due;
  tn->ct.billed += due;
  c->prepaid -= from_prepaid;
  tn->ct.prepaid -= from_prepaid;
  ledger_receive(m, due - from_prepaid);
  books_collect(m, due, from_prepaid);
}

static void settle_all(model *m, tenant *tn) {
  for (size_t k = 0; k < tn->ct.n; k++) settle(m, tn, &tn->ct.c[k]);
}

static void finish(model *m, tenant *tn, contract *c, const char *why) {
  tenant_contract *t = &tn->ct;
  engine_cancel(m->e, c->ev_end);
  engine_cancel(m->e, c->ev_notice);
  engine_cancel(m->e, c->ev_step);
  c->ev_end = c->ev_notice = c->ev_step = 0;
  for (size_t l = 0; l < c->nlines; l++) c->nodes[l] = 0; /* its nodes go (its bills stop) */
  follow_wants(m, tn);
  settle(m, tn, c);     /* the last bills, from what is left of the prepayment first */
  if (c->prepaid > 0) { /* the rest is not refunded: earned now */
    t->forfeited += c->prepaid;
    books_forfeit(m, tn, c->prepaid);
    t->prepaid -= c->prepaid;
  }
  size_t k = (size_t)(c - t->c);
  memmove(c, c + 1, (t->n - k - 1) * sizeof *c);
  if (--t->n == 0) {
    t->active = 0;
    engine_cancel(m->e, t->ev_default);
    t->ev_default = 0;
    t->default_until = -INFINITY;
  }
  note_ends(tn);
  model_event(m, "contract_end", tn->cfg->name, "%s", why);
  for (size_t g = 0; g < tn->hold.ng; g++) fleet_rebalance(m, tn->hold.g[g].sku);
  model_call_policies(m, REASON_CONTRACT_END);
}

static void on_end(model *m, tenant *tn, contract *c) {
  const tenant_cfg *cf = tn->cfg;
  double now = engine_now(m->e), price[CT_MAX_LINES];
  for (size_t l = 0; l < c->nlines; l++) {
    double mk = market_price(m, tn->hold.g[c->group[l]].sku, now);
    price[l] = isnan(mk) ? line_price(tn, c, l, now) : mk * cf->renew_factor;
  }
  if (!c->renew_blocked && rng_uniform(&tn->ct.events) < acceptance(m, tn, c, price)) {
    settle(m, tn, c);
    if (c->nlines == 1) model_event(m, "renewal", cf->name, "renewed at $%.4g/GPU-hour", price[0]);
    else
      model_event(m, "renewal", cf->name, "renewed at $%.4g/GPU-hour and %zu more lines", price[0],
                  c->nlines - 1);
    tn->ct.renewals++;
    memcpy(c->price, price, c->nlines * sizeof *price);
    c->ramped = 1; /* its nodes are there */
    begin(m, tn, c, now);
    return;
  }
  finish(m, tn, c,
         c->renew_blocked == NOTICE_TENANT     ? "ended by the tenant's termination notice"
         : c->renew_blocked == NOTICE_OPERATOR ? "ended by the operator's recall"
                                               : "term ended, not renewed");
}

static void on_default(model *m, tenant *tn) {
  tenant_contract *t = &tn->ct;
  double now = engine_now(m->e), lost_all = 0;
  t->defaulted = 1;
  for (size_t k = 0; k < t->n; k++) {
    contract *c = &t->c[k];
    double unpaid = integral_at(&c->revenue, now) - c->billed;
    double from_prepaid = fmin(c->prepaid, unpaid), lost = unpaid - from_prepaid;
    c->prepaid -= from_prepaid; /* the prepayment pays what it can */
    t->prepaid -= from_prepaid;
    t->bad_debt += lost;
    c->billed += unpaid; /* paid from the prepayment, the rest written off */
    t->billed += unpaid;
    books_collect(m, from_prepaid, from_prepaid);
    books_bad_debt(m, lost);
    lost_all += lost;
  }
  model_event(m, "tenant_default", tn->cfg->name, "receivable lost: $%.0f", lost_all);
  while (t->n > 0) finish(m, tn, &t->c[t->n - 1], "tenant default");
}

/* Notice on a contract (by: NOTICE_*): it ends notice_days from now (unless
** it ends sooner), and is not renewed. */
static void give_notice(model *m, tenant *tn, contract *c, int by) {
  double end = engine_now(m->e) + days_to_hours(tn->cfg->notice_days);
  c->renew_blocked = by;
  if (end < c->end) {
    engine_cancel(m->e, c->ev_end);
    c->end = end;
    c->ev_end =
        end <= m->cfg->horizon_h
            ? engine_at(m->e, end, EV_CONTRACT, (uint32_t)(tn - m->tenants), ct_arg(c->id, CT_END))
            : 0;
    note_ends(tn);
  }
}

/* The tenant gives notice. */
static void on_notice(model *m, tenant *tn, contract *c) {
  c->ev_notice = 0;
  model_event(m, "termination_notice", tn->cfg->name, "ends in %.0f days", tn->cfg->notice_days);
  give_notice(m, tn, c, NOTICE_TENANT);
}

static void on_step(model *m, tenant *tn, contract *c) {
  c->ev_step = 0;
  follow_wants(m, tn);
  schedule_step(m, tn, c);
}

int reserved_recall(model *m, tenant *tn, int k, char *err, size_t errlen) {
  tenant_contract *t = &tn->ct;
  if (k >= (int)t->n)
    return err_set(err, errlen, "recall: tenant %s has no contract %d running (%zu running)",
                   tn->cfg->name, k + 1, t->n);
  double now = engine_now(m->e), paid = 0;
  int recalled = 0;
  for (size_t i = k < 0 ? 0 : (size_t)k; i < (k < 0 ? t->n : (size_t)k + 1); i++) {
    contract *c = &t->c[i];
    if (c->renew_blocked) continue;
    double penalty = tn->cfg->recall_penalty_months * full_rate(m, tn, c, now) * HOURS_PER_MONTH;
    if (penalty > 0) ledger_penalty(m, penalty);
    t->penalties += penalty;
    paid += penalty;
    recalled++;
    give_notice(m, tn, c, NOTICE_OPERATOR);
  }
  if (!recalled)
    return err_set(err, errlen, "recall: tenant %s has no contract running without notice",
                   tn->cfg->name);
  model_event(m, "recall", tn->cfg->name, "%d contract%s recalled: end in %.0f days, penalty $%.0f",
              recalled, recalled == 1 ? "" : "s", tn->cfg->notice_days, paid);
  return 0;
}

double reserved_backlog(const model *m, const tenant *tn, double t) {
  const tenant_cfg *cf = tn->cfg;
  double v = 0;
  if (tn->ct.defaulted) return 0;
  for (size_t k = 0; k < tn->ct.n; k++) {
    const contract *c = &tn->ct.c[k];
    for (size_t l = 0; l < c->nlines; l++) {
      double gpus = gpus_of(m, tn, c->group[l]);
      /* piecewise: the nodes due and the price change at tranches and anniversaries */
      for (double a = t, b; a < c->end; a = b) {
        b = fmin(c->end, next_step(tn, c, a));
        v += (double)line_want(tn, c, l, a) * gpus * line_price(tn, c, l, a) * billed_share(cf) *
             (b - a);
      }
    }
  }
  return v;
}

/* A contract of one line on group g. */
static void one_line(contract *c, int g, long nodes, double price, double term_months) {
  c->nlines = 1;
  c->group[0] = g;
  c->nodes[0] = nodes;
  c->price[0] = price;
  c->term_months = term_months;
}

void ct_on_event(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  tenant *tn = &m->tenants[ev->id];
  const tenant_cfg *cf = tn->cfg;
  int kind = (int)(ev->arg & ((1u << CT_KIND_BITS) - 1));
  contract *c =
      kind == CT_START || kind == CT_DEFAULT ? NULL : find(tn, (uint32_t)(ev->arg >> CT_KIND_BITS));
  (void)e;
  if (!c && kind != CT_START && kind != CT_DEFAULT) return; /* cancelled with its contract */
  switch (kind) {
  case CT_START:
    if (!(c = new_contract(m, tn))) return;
    c->nlines = cf->nlines;
    c->term_months = cf->term_months;
    for (size_t l = 0; l < cf->nlines; l++) {
      c->group[l] = hold_group_of(tn, cf->lines[l].sku);
      c->nodes[l] = cf->lines[l].nodes;
      c->price[l] = cf->lines[l].price;
    }
    begin(m, tn, c, cf->start_h);
    break;
  case CT_END:
    c->ev_end = 0;
    on_end(m, tn, c);
    break;
  case CT_DEFAULT:
    tn->ct.ev_default = 0;
    if (tn->ct.n) on_default(m, tn);
    break;
  case CT_NOTICE: on_notice(m, tn, c); break;
  case CT_STEP: on_step(m, tn, c); break;
  }
}

static int offer(model *m, tenant *tn, int sku, long nodes, double price, double term_months,
                 char *err, size_t errlen) {
  int g = sku < 0 ? 0 : hold_group_of(tn, sku);
  if (g < 0)
    return err_set(err, errlen, "offer: tenant %s's contract lines do not name sku %s",
                   tn->cfg->name, m->cfg->skus[sku].name);
  if (nodes < 1 || !(price >= 0) || !(term_months > 0))
    return err_set(err, errlen, "offer: needs nodes >= 1, price >= 0, term_months > 0");
  if (tn->ct.n >= CT_MAX_CONTRACTS)
    return err_set(err, errlen,
                   "offer: tenant %s has %d contracts running, the most a tenant holds",
                   tn->cfg->name, CT_MAX_CONTRACTS);
  if (tn->ct.defaulted) { /* a tenant that defaulted signs nothing more */
    model_event(m, "offer_declined", tn->cfg->name, "%ld nodes at $%.4g/GPU-hour: it has defaulted",
                nodes, price);
    return 0;
  }
  contract probe = {0};
  one_line(&probe, g, nodes, price, term_months);
  if (rng_uniform(&tn->ct.events) >= acceptance(m, tn, &probe, &price)) {
    model_event(m, "offer_declined", tn->cfg->name, "%ld nodes at $%.4g/GPU-hour", nodes, price);
    return 0;
  }
  contract *c = new_contract(m, tn);
  if (!c) return err_set(err, errlen, "%s", m->err);
  one_line(c, g, nodes, price, term_months);
  begin(m, tn, c, engine_now(m->e));
  return 0;
}

static int init(model *m, tenant *tn) {
  const tenant_cfg *c = tn->cfg;
  tenant_contract *ct = &tn->ct;
  if (hold_init(m, tn) || market_varying(m, &c->renew_process, &ct->renew_p) ||
      market_varying(m, &c->default_process, &ct->default_p) ||
      market_varying(m, &c->terminate_process, &ct->terminate_p))
    return -1;
  model_stream(m, &tn->ct.events, "tenants", c->name, "contract");
  tn->ct.price = c->price_gpu_hour;
  tn->ct.default_until = -INFINITY;
  double end = c->start_h + months_to_hours(c->term_months);      /* one that ended before: none */
  if (c->nodes > 0 && c->start_h <= m->cfg->horizon_h && end > 0) /* 0 nodes: no contract */
    engine_at(m->e, fmax(0.0, c->start_h), EV_CONTRACT, (uint32_t)(tn - m->tenants),
              ct_arg(0, CT_START));
  return 0;
}

static double price(const model *m, const tenant *tn) {
  (void)m;
  return tn->ct.price;
}

static void month_end(model *m, tenant *tn) { settle_all(m, tn); }

static void reserved_free(model *m, tenant *tn) {
  process_free(tn->ct.renew_p);
  process_free(tn->ct.default_p);
  process_free(tn->ct.terminate_p);
  free(tn->ct.c);
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
    .month_end = month_end,
    .price = price,
    .nodes = hold_nodes,
    .offer = offer,
    .free = reserved_free,
};
