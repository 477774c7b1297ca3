/*
** covenant.c -- the covenants of the debt tranches (config.h's
** covenant_cfg): tests on trailing figures, breaches, cures and what a
** breach not cured does.
**
** Trailing figures: at every month end the month's EBITDA and interest
** expense (from the books) and the principal the schedules repaid are
** kept for the last 12 months.  dscr = EBITDA / (interest + scheduled
** principal) and interest_cover = EBITDA / interest are ratios of those
** sums (over the months there are, fewer than 12 at first); leverage =
** the debt of every tranche / the EBITDA of the last 12 months (of the
** months there are, times 12 / their number); ltv = the tranche's
** balance / the book value of its collateral (the fleet, or a borrowing
** base's collateral: debt_collateral); min_cash =
** cash.  A ratio whose denominator is 0 or less is +inf (no debt
** service: dscr holds; no EBITDA: leverage fails), a leverage or ltv
** with no debt is 0.  Trailing kinds are not tested before the first
** month end.
**
** A covenant is tested while its tranche has a balance: at month ends
** ("monthly"), at the ends of March, June, September and December
** ("quarterly") or at every day's check ("daily", cash after the day's
** draws).  A test that fails begins a breach (counted once, an event
** covenant_breach); one that holds ends it (covenant_cured).  A breach
** still failing cure_days after it began -- tested again on that day --
** is acted on (an event covenant_action, but for "event", which records it only);
** "sweep" repays principal with the cash above keep_cash, then and at
** each month end while the breach lasts; "step_up" raises the tranche's
** rate by step_up until the breach ends; "accelerate" makes the whole
** balance and its interest due at once (debt_accelerate), which
** defaults the company when cash and facilities cannot pay it.
** Monthly and quarterly tests are events covenant_test; daily ones are
** not (a breach still is).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_int.h"

int covenant_init(model *m) {
  const finance_cfg *f = &m->cfg->finance;
  covenant_part *p = &m->cov;
  size_t nd = f->ndebt ? f->ndebt : 1;
  p->state = calloc(nd, sizeof *p->state);
  p->step_up = calloc(nd, sizeof *p->step_up);
  if (!p->state || !p->step_up) return -1;
  for (size_t i = 0; i < f->ndebt; i++) {
    size_t n = f->debt[i].ncovenants;
    if (!(p->state[i] = calloc(n ? n : 1, sizeof *p->state[i]))) return -1;
  }
  p->first_breach_day = NAN;
  return 0;
}

void covenant_free(model *m) {
  covenant_part *p = &m->cov;
  for (size_t i = 0; p->state && i < m->cfg->finance.ndebt; i++) free(p->state[i]);
  free(p->state);
  free(p->step_up);
}

int covenant_in_breach(const model *m, int tranche) {
  for (size_t k = 0; k < m->cfg->finance.debt[tranche].ncovenants; k++)
    if (m->cov.state[tranche][k].in_breach) return 1;
  return 0;
}

double covenant_step_up(const model *m, int tranche) {
  return m->cov.step_up ? m->cov.step_up[tranche] : 0;
}

/* The sums of the trailing months kept. */
static void trailing(const covenant_part *p, double *ebitda, double *interest, double *principal) {
  *ebitda = *interest = *principal = 0;
  for (int k = 0; k < p->nmonths; k++) {
    *ebitda += p->ebitda[k];
    *interest += p->interest[k];
    *principal += p->principal[k];
  }
}

/* a / b, +inf when b <= 0. */
static double ratio(double a, double b) { return b > 0 ? a / b : (double)INFINITY; }

/* The covenant's figure now; NaN when it cannot be tested yet. */
static double figure(const model *m, int i, const covenant_cfg *c) {
  const covenant_part *p = &m->cov;
  double e, in, pr;
  if (c->kind == COV_MIN_CASH) return ledger_cash_now(m);
  if (c->kind == COV_LTV) {
    double bal = m->debt.balance[i];
    return bal > 0 ? ratio(bal, debt_collateral(m, i, engine_now(m->e))) : 0;
  }
  if (p->nmonths == 0) return NAN;
  trailing(p, &e, &in, &pr);
  if (c->kind == COV_DSCR) return ratio(e, in + pr);
  if (c->kind == COV_INTEREST_COVER) return ratio(e, in);
  double debt = debt_total(m); /* leverage */
  return debt > 0 ? ratio(debt, e * COV_TRAILING_MONTHS / p->nmonths) : 0;
}

static int holds(const covenant_cfg *c, double v) {
  return c->kind == COV_LEVERAGE || c->kind == COV_LTV ? v <= c->limit : v >= c->limit;
}

static const char *bound(const covenant_cfg *c) {
  return c->kind == COV_LEVERAGE || c->kind == COV_LTV ? "max" : "min";
}

/* Sweep the cash above keep_cash to the tranche's principal. */
static void sweep(model *m, int i, const covenant_cfg *c) {
  double amount = fmin(m->debt.balance[i], ledger_cash_now(m) - c->keep_cash);
  if (amount > 0) {
    debt_prepay(m, i, amount);
    model_event(m, "sweep", m->cfg->finance.debt[i].name, "$%.0f of cash to principal", amount);
  }
}

static void act(model *m, int i, const covenant_cfg *c, cov_state *s) {
  static const char *const what[] = {[BREACH_EVENT] = "",
                                     [BREACH_SWEEP] = "cash swept to principal",
                                     [BREACH_STEP_UP] = "rate stepped up",
                                     [BREACH_ACCELERATE] = "principal accelerated"};
  _Static_assert(sizeof what / sizeof *what == BREACH_NKINDS, "a word per breach action");
  const char *name = m->cfg->finance.debt[i].name;
  s->acted = 1;
  if (c->on_breach != BREACH_EVENT) /* recorded only: the breach is its record */
    model_event(m, "covenant_action", name, "%s breach not cured: %s", covenant_kind_name(c->kind),
                what[c->on_breach]);
  if (c->on_breach == BREACH_SWEEP) sweep(m, i, c);
  else if (c->on_breach == BREACH_STEP_UP) {
    debt_accrue(m, i);
    m->cov.step_up[i] += c->step_up;
  } else if (c->on_breach == BREACH_ACCELERATE) {
    debt_accelerate(m, i);
  }
}

/* The breach ends: a test holds, or the tranche is repaid. */
static void end_breach(model *m, int i, const covenant_cfg *c, cov_state *s, const char *why) {
  if (s->acted && c->on_breach == BREACH_STEP_UP) {
    debt_accrue(m, i);
    m->cov.step_up[i] -= c->step_up;
  }
  model_event(m, "covenant_cured", m->cfg->finance.debt[i].name, "%s: %s",
              covenant_kind_name(c->kind), why);
  s->in_breach = s->acted = 0;
}

/* The outcome of a test of covenant k of tranche i, whose figure is v. */
static void outcome(model *m, int i, int k, double v) {
  const covenant_cfg *c = &m->cfg->finance.debt[i].covenants[k];
  cov_state *s = &m->cov.state[i][k];
  double now = engine_now(m->e);
  if (holds(c, v)) {
    if (s->in_breach) end_breach(m, i, c, s, "the test holds again");
    return;
  }
  if (!s->in_breach) {
    covenant_part *p = &m->cov;
    s->in_breach = 1;
    s->acted = 0;
    s->deadline_h = now + c->cure_h;
    p->breaches++;
    p->by_kind[c->kind]++;
    if (isnan(p->first_breach_day)) p->first_breach_day = hours_to_days(now);
    if (c->kind == COV_MIN_CASH)
      model_event(m, "covenant_breach", m->cfg->finance.debt[i].name,
                  "cash $%.0f below a min_cash covenant of $%.0f", v, c->limit);
    else
      model_event(m, "covenant_breach", m->cfg->finance.debt[i].name, "%s %.4g, %s %.4g",
                  covenant_kind_name(c->kind), v, bound(c), c->limit);
  }
  if (!s->acted && now >= s->deadline_h) act(m, i, c, s);
}

/* Test every covenant of the given kind of test (or, daily, the cure
** deadlines due); a tranche repaid ends its breaches. */
static void test_all(model *m, int quarter_end, int daily) {
  const finance_cfg *f = &m->cfg->finance;
  double now = engine_now(m->e);
  for (size_t i = 0; i < f->ndebt && !m->ended; i++) {
    for (size_t k = 0; k < f->debt[i].ncovenants && !m->ended; k++) {
      const covenant_cfg *c = &f->debt[i].covenants[k];
      cov_state *s = &m->cov.state[i][k];
      if (!(m->debt.balance[i] > 0)) {
        if (s->in_breach) end_breach(m, (int)i, c, s, "the tranche is repaid");
        continue;
      }
      int due = daily ? c->test == TEST_DAILY || (s->in_breach && !s->acted && now >= s->deadline_h)
                      : c->test == TEST_MONTHLY || (c->test == TEST_QUARTERLY && quarter_end);
      double v = figure(m, (int)i, c);
      if (!due || isnan(v)) continue;
      if (!daily)
        model_event(m, "covenant_test", f->debt[i].name, "%s %.4g, %s %.4g: %s",
                    covenant_kind_name(c->kind), v, bound(c), c->limit,
                    holds(c, v) ? "holds" : "fails");
      outcome(m, (int)i, (int)k, v);
    }
  }
}

void covenant_day(model *m) { test_all(m, 0, 1); }

void covenant_month(model *m, int month_closed) {
  covenant_part *p = &m->cov;
  double e, in, pr = m->debt.scheduled - p->scheduled_seen;
  books_month_income(m, &e, &in);
  p->scheduled_seen = m->debt.scheduled;
  int at = p->nmonths < COV_TRAILING_MONTHS ? p->nmonths++ : p->head;
  p->head = (p->head + 1) % COV_TRAILING_MONTHS;
  p->ebitda[at] = e;
  p->interest[at] = in;
  p->principal[at] = pr;
  test_all(m, month_closed % 3 == 0, 0);
  const finance_cfg *f = &m->cfg->finance;
  for (size_t i = 0; i < f->ndebt; i++) /* sweeps go on while their breach lasts */
    for (size_t k = 0; k < f->debt[i].ncovenants; k++) {
      const cov_state *s = &p->state[i][k];
      if (s->in_breach && s->acted && f->debt[i].covenants[k].on_breach == BREACH_SWEEP)
        sweep(m, (int)i, &f->debt[i].covenants[k]);
    }
}

int covenant_metrics(model *m) {
  const covenant_part *p = &m->cov;
  int bad = results_metric(m->out, "covenant_breaches", (double)p->breaches) |
            results_metric(m->out, "first_breach_day", p->first_breach_day) |
            results_metric(m->out, "breached", p->breaches > 0 ? 1.0 : 0.0);
  for (int k = 0; k < COV_NKINDS; k++) {
    char name[64];
    snprintf(name, sizeof name, "covenant_breaches.%s", covenant_kind_name((covenant_kind)k));
    bad |= results_metric(m->out, name, (double)p->by_kind[k]);
  }
  return bad ? -1 : 0;
}
