/*
** debt.c -- the debt tranches (config.h's debt_cfg): draws, interest,
** fees, schedules, repayments, acceleration.
**
** Rates: a tranche's rate is its base (a process; a fixed rate is a
** constant) plus its spread, plus what covenant breaches stepped it up
** (covenant.c).  Interest accrues by the hour on the balance outstanding
** (rate / HOURS_PER_YEAR: a year of 365.25 days costs rate x balance) at
** the rate of the start of each accrual (a day at most), and a
** facility's commitment fee likewise on its undrawn limit while it is
** open; both are paid at each month end.  The upfront fee is paid when
** a term loan is drawn or a facility opens.  Interest and fees are
** expenses (is.interest) and lenders' flows.
**
** Schedules (finance.h's fin_loan): a term loan repays at each month end
** what its amortisation says, after interest_only_months of interest
** only, at the rate of its draw date (a floating loan's schedule is that
** of its first rate); a repayment before the schedule (a sweep, a
** policy's repay) shortens the loan: the scheduled payments go on until
** the balance is repaid.  A term loan drawn before the start is
** mid-schedule there.  A facility is drawn when cash would go below zero
** (debt_cover) or by policy, from its draw date until its term ends, and
** repays what it owes at its term end; its limit counts what was drawn,
** or, revolving, what is owed: a revolving facility repays at each month
** end the cash above repay_above, and may be drawn again.
**
** A borrowing-base loan (a delayed-draw term loan secured by GPUs or by
** contracts) is drawn as nodes of its SKU are paid for, from its draw
** date to amortize_from: advance_rate x what they cost, within its
** commitment (principal) and its base, advance_rate x its collateral --
** the book value of the nodes it financed, or the revenue still
** contracted of the tenants named.  A balance above the base (nodes
** depreciated, sold or lost; contracts ending) is repaid at the month
** end.  From amortize_from its balance amortises over the term's months
** left.
**
** Refinancing: at maturity, a term loan with refinance terms whose
** covenants are not in breach is rolled, once, into a new loan of its balance
** over refinance.term_months, at the base rate plus the spread the
** refinancing market asks then (a process); otherwise its balance is due
** from cash.  A policy may refinance a term loan at any time (debt_refinance):
** the same roll-over, over the months and at the spread it gives (else the
** refinancing market's, else the tranche's own), the new schedule's first
** payment at the next month end.
*/
#include <math.h>
#include <stdlib.h>

#include "calendar.h"
#include "finance.h"
#include "model_int.h"

static const debt_cfg *D(const model *m, size_t i) { return &m->cfg->finance.debt[i]; }

double debt_total(const model *m) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) s += m->debt.balance[i];
  return s;
}

double debt_owed(const model *m) {
  double s = debt_total(m);
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) s += m->debt.interest_due[i];
  return s;
}

/* Facility i may be drawn from its draw date until its term ends, unless
** it was accelerated. */
static int facility_open(const model *m, size_t i, double t) {
  const debt_cfg *d = D(m, i);
  return d->facility && !m->debt.closed[i] && t >= d->draw_h &&
         t < d->draw_h + months_to_hours(d->term_months);
}

/* What facility i may still lend: its limit less what was drawn (revolving:
** less what is owed). */
static double left_of(const model *m, size_t i) {
  const debt_cfg *d = D(m, i);
  return d->principal - (d->revolving ? m->debt.balance[i] : m->debt.drawn[i]);
}

double debt_facility_left(const model *m) {
  double f = 0;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++)
    if (facility_open(m, i, engine_now(m->e))) f += left_of(m, i);
  return f;
}

double debt_rate(const model *m, int i, double t) {
  return process_value(m->market.rate[i], t) + m->debt.spread[i] + covenant_step_up(m, i);
}

/* The schedule of a loan of principal over months at the rate of time t
** (with the given spread), as tranche i amortises. */
static fin_loan loan_of(const model *m, size_t i, double principal, int months, double t,
                        double spread, int interest_only) {
  return (fin_loan){.principal = principal,
                    .rate_year = process_value(m->market.rate[i], t) + spread,
                    .months = months,
                    .interest_only = interest_only,
                    .kind = (fin_amort)D(m, i)->amort};
}

double debt_collateral(const model *m, int i, double t) {
  const debt_cfg *d = D(m, (size_t)i);
  if (!(d->advance_rate > 0)) return fleet_book_value(m, t);
  if (!d->ncontracts) return fleet_book_value_of(m, t, i);
  double v = 0;
  for (size_t k = 0; k < d->ncontracts; k++)
    v += reserved_backlog(m, &m->tenants[d->contracts[k]], t);
  return v;
}

/* What a borrowing-base loan may lend now: advance_rate x its collateral. */
static double base(const model *m, size_t i) {
  return D(m, i)->advance_rate * debt_collateral(m, (int)i, engine_now(m->e));
}

/* Interest of tranche i accrued up to now on its balance, and a facility's
** commitment fee on its undrawn limit while open. */
static void accrue(model *m, size_t i, double now) {
  debt_part *p = &m->debt;
  double t0 = p->interest_since[i], h = now - t0, bal = p->balance[i];
  if (!(h > 0)) return;
  p->interest_since[i] = now;
  if (bal > 0) {
    double a = bal * debt_rate(m, (int)i, t0) * h / HOURS_PER_YEAR;
    p->interest_due[i] += a;
    p->interest += a;
    books_interest(m, a);
  }
  const debt_cfg *d = D(m, i);
  if (d->commitment_fee > 0 && facility_open(m, i, t0)) {
    double f = fmax(0, left_of(m, i)) * d->commitment_fee * h / HOURS_PER_YEAR;
    p->interest_due[i] += f;
    p->fees += f;
    books_fee(m, f);
  }
}

void debt_accrue(model *m, int i) { accrue(m, (size_t)i, engine_now(m->e)); }

void debt_accrue_all(model *m, double now) {
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) accrue(m, i, now);
}

/* Money from the lenders (a draw) or to them (interest and fees, repayment). */
static void lenders(model *m, int i, double drawn, double interest, double repaid) {
  debt_part *p = &m->debt;
  double flow = drawn - interest - repaid;
  p->balance[i] += drawn - repaid;
  p->financing += flow;
  if (engine_now(m->e) == 0) p->at_start += flow;
  ledger_cash(m, flow);
  if (drawn > 0) books_draw(m, i, drawn);
  if (interest > 0) books_pay_interest(m, interest);
  if (repaid > 0) books_repay(m, i, repaid);
}

/* The upfront fee of tranche i, accrued and paid at once. */
static void upfront_fee(model *m, size_t i) {
  double f = D(m, i)->upfront_fee * D(m, i)->principal;
  if (!(f > 0)) return;
  m->debt.fees += f;
  books_fee(m, f);
  lenders(m, (int)i, 0, f, 0);
}

/* Draw amount of facility i (checked).  A policy's draw is an event each;
** the automatic draws that cover negative cash are summed per tranche and
** recorded as one event a month (debt_flush_draws). */
static int draw(model *m, int i, double amount, int automatic, char *err, size_t errlen) {
  const debt_cfg *d = D(m, (size_t)i);
  debt_part *p = &m->debt;
  double left = left_of(m, (size_t)i);
  if (!d->facility) return err_set(err, errlen, "draw: %s is not a facility", d->name);
  if (p->closed[i]) return err_set(err, errlen, "draw: %s was accelerated", d->name);
  if (!facility_open(m, (size_t)i, engine_now(m->e)))
    return err_set(err, errlen, "draw: %s is open from day %.1f to day %.1f", d->name,
                   hours_to_days(d->draw_h),
                   hours_to_days(d->draw_h + months_to_hours(d->term_months)));
  if (!(amount > 0) || amount > left * (1 + 1e-12))
    return err_set(err, errlen, "draw: %s has $%.0f left, cannot draw $%.0f", d->name, left,
                   amount);
  accrue(m, (size_t)i, engine_now(m->e));
  p->drawn[i] += amount;
  lenders(m, i, amount, 0, 0);
  if (automatic) {
    if (!p->auto_draws[i]) p->auto_since[i] = hours_to_days(engine_now(m->e));
    p->auto_drawn[i] += amount;
    p->auto_draws[i]++;
  } else {
    model_event(m, "draw", d->name, "$%.0f", amount);
  }
  return 0;
}

int debt_draw(model *m, int i, double amount, char *err, size_t errlen) {
  return draw(m, i, amount, 0, err, errlen);
}

void debt_flush_draws(model *m) {
  debt_part *p = &m->debt;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) {
    if (!p->auto_draws[i]) continue;
    model_event(m, "draw", D(m, i)->name, "$%.0f in %ld automatic draws since day %.0f",
                p->auto_drawn[i], p->auto_draws[i], p->auto_since[i]);
    p->auto_drawn[i] = 0;
    p->auto_draws[i] = 0;
  }
}

void debt_finance(model *m, int sku, uint32_t first, long n, double amount) {
  double now = engine_now(m->e);
  debt_part *p = &m->debt;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) {
    const debt_cfg *d = D(m, i);
    if (!(d->advance_rate > 0) || !p->opened[i] || p->closed[i] || now >= d->amortize_h ||
        (d->sku >= 0 && d->sku != sku))
      continue;
    fleet_pledge(m, first, n, (int)i);
    double lend = fmin(fmin(d->advance_rate * amount, d->principal - p->drawn[i]),
                       base(m, i) - p->balance[i]);
    if (lend > 0) {
      accrue(m, i, now);
      p->drawn[i] += lend;
      lenders(m, (int)i, lend, 0, 0);
      model_event(m, "draw", d->name, "$%.0f on %ld nodes paid $%.0f (borrowing base $%.0f)", lend,
                  n, amount, base(m, i));
    }
    return; /* one loan finances a purchase */
  }
}

void debt_cover(model *m) {
  char err[ERR_LEN];
  for (size_t i = 0; i < m->cfg->finance.ndebt && ledger_cash_now(m) < 0; i++)
    if (facility_open(m, i, engine_now(m->e)) && left_of(m, i) > 0)
      draw(m, (int)i, fmin(left_of(m, i), -ledger_cash_now(m)), 1, err, sizeof err);
}

/* A term loan drawn before the start is mid-schedule at the start: the
** repayments of the month ends up to the start are made (one on the
** start day too: the run's first month end is the next), what is left
** and the interest accrued since the last of them are owed. */
static void opening_loan(model *m, size_t i) {
  const debt_cfg *d = D(m, i);
  debt_part *p = &m->debt;
  const fin_loan l = p->loan[i];
  long start = m->cfg->start_days, drawn = start + lround(hours_to_days(d->draw_h));
  int k = 0;
  while (k < l.months && cal_month_start(drawn, k + 1) <= start) k++;
  double since_h = k ? days_to_hours((double)(cal_month_start(drawn, k) - start)) : d->draw_h;
  double bal = fin_debt_balance(&l, k);
  double accrued = bal * l.rate_year * -since_h / HOURS_PER_YEAR;
  p->drawn[i] = d->principal;
  p->month[i] = k;
  p->balance[i] = bal;
  p->interest_due[i] = accrued;
  books_opening_debt(m, (int)i, bal, accrued);
}

void debt_draw_due(model *m, double now) {
  debt_part *p = &m->debt;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) {
    const debt_cfg *d = D(m, i);
    if (p->opened[i] || p->closed[i] || d->draw_h > now) continue;
    p->opened[i] = 1;
    if (d->draw_h < 0) { /* before the start: its fee was paid then */
      if (!d->facility) opening_loan(m, i);
      continue;
    }
    if (!d->facility && !(d->advance_rate > 0)) {
      p->drawn[i] = d->principal;
      lenders(m, (int)i, d->principal, 0, 0);
    }
    upfront_fee(m, i);
  }
}

/* Tranche i rolled into a new loan of its balance over months at the base
** rate plus spread, its first payment at the next month end: nothing is
** repaid. */
static double roll(model *m, size_t i, int months, double spread) {
  debt_part *p = &m->debt;
  double now = engine_now(m->e);
  accrue(m, i, now); /* at the old rate up to now */
  p->spread[i] = spread;
  p->loan[i] = loan_of(m, i, p->balance[i], months, now, spread, 0);
  p->month[i] = 0;
  p->rolled[i]++;
  model_event(m, "refinance", D(m, i)->name,
              "$%.0f rolled over for %d months at a spread of %.4g%%", p->balance[i], months,
              100 * spread);
  return 0;
}

/* At maturity: at the refinancing spread the market asks now. */
static double refinance(model *m, size_t i) {
  return roll(m, i, (int)lround(D(m, i)->refi_term_months),
              process_value(m->market.refi_spread[i], engine_now(m->e)));
}

int debt_refinance(model *m, int i, double term_months, double spread, char *err, size_t errlen) {
  const debt_cfg *d = D(m, (size_t)i);
  double now = engine_now(m->e);
  if (d->facility)
    return err_set(err, errlen, "refinance: %s is a facility, not a term loan", d->name);
  if (!(m->debt.balance[i] > 0)) return err_set(err, errlen, "refinance: %s owes nothing", d->name);
  if (d->advance_rate > 0 && now < d->amortize_h)
    return err_set(err, errlen, "refinance: %s draws on its borrowing base until it amortises",
                   d->name);
  if (!(term_months >= 1 && term_months <= 12000))
    return err_set(err, errlen, "refinance: term_months must be from 1 to 12000");
  if (isnan(spread)) /* none given: the refinancing market's, else the tranche's */
    spread =
        d->refi_term_months > 0 ? process_value(m->market.refi_spread[i], now) : m->debt.spread[i];
  if (!(spread >= 0) || !isfinite(spread))
    return err_set(err, errlen, "refinance: spread must be a finite number >= 0");
  roll(m, (size_t)i, (int)lround(term_months), spread);
  return 0;
}

void debt_service(model *m) {
  double now = engine_now(m->e);
  debt_part *p = &m->debt;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) {
    const debt_cfg *d = D(m, i);
    accrue(m, i, now);
    double bal = p->balance[i], interest = p->interest_due[i], repay = 0;
    if (bal > 0 && d->facility) {
      repay = now >= d->draw_h + months_to_hours(d->term_months) - 1e-9 ? bal : 0;
    } else if (bal > 0 && d->advance_rate > 0 && now < d->amortize_h) {
      double over = bal - base(m, i); /* a borrowing-base deficiency, repaid */
      if (over > 0) {
        model_event(m, "repay", d->name, "$%.0f above the borrowing base of $%.0f", over,
                    bal - over);
        p->repaid += fmin(bal, over);
        lenders(m, (int)i, 0, 0, fmin(bal, over));
        bal = p->balance[i];
      }
    } else if (bal > 0) {
      if (d->advance_rate > 0 && !p->month[i] && !p->rolled[i]) { /* it begins to amortise */
        int left = (int)lround(d->term_months) - (int)lround((now - d->draw_h) / HOURS_PER_MONTH);
        p->loan[i] = loan_of(m, i, bal, left > 1 ? left : 1, fmax(0, d->draw_h), d->spread, 0);
      }
      const fin_loan *l = &p->loan[i];
      fin_debt_month(l, ++p->month[i], NULL, &repay);
      if (p->month[i] >= l->months) { /* maturity */
        repay = bal;                  /* no rounding left over */
        if (d->refi_term_months > 0 && !p->rolled[i] && !covenant_in_breach(m, (int)i))
          repay = refinance(m, i);
      }
    }
    repay = fmin(bal, repay);
    p->scheduled += repay;
    p->interest_due[i] = 0;
    p->repaid += repay;
    lenders(m, (int)i, 0, interest, repay);
  }
}

void debt_repay_revolvers(model *m) {
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) {
    const debt_cfg *d = D(m, i);
    double amount = fmin(m->debt.balance[i], ledger_cash_now(m) - d->repay_above);
    if (!d->revolving || !(amount > 0)) continue;
    debt_prepay(m, (int)i, amount);
    model_event(m, "repay", d->name, "$%.0f repaid from cash above $%.0f", amount, d->repay_above);
  }
}

void debt_prepay(model *m, int i, double amount) {
  accrue(m, (size_t)i, engine_now(m->e));
  amount = fmin(amount, m->debt.balance[i]);
  if (!(amount > 0)) return;
  m->debt.repaid += amount;
  lenders(m, i, 0, 0, amount);
}

void debt_accelerate(model *m, int i) {
  debt_part *p = &m->debt;
  accrue(m, (size_t)i, engine_now(m->e));
  double bal = p->balance[i], interest = p->interest_due[i];
  p->closed[i] = 1;
  p->interest_due[i] = 0;
  p->repaid += bal;
  lenders(m, i, 0, interest, bal);
  model_event(m, "acceleration", D(m, (size_t)i)->name,
              "$%.0f of principal and $%.0f of interest due at once", bal, interest);
}

int debt_init(model *m) {
  debt_part *p = &m->debt;
  size_t nd = m->cfg->finance.ndebt ? m->cfg->finance.ndebt : 1;
  p->balance = calloc(nd, sizeof *p->balance);
  p->drawn = calloc(nd, sizeof *p->drawn);
  p->month = calloc(nd, sizeof *p->month);
  p->auto_drawn = calloc(nd, sizeof *p->auto_drawn);
  p->auto_since = calloc(nd, sizeof *p->auto_since);
  p->auto_draws = calloc(nd, sizeof *p->auto_draws);
  p->interest_due = calloc(nd, sizeof *p->interest_due);
  p->interest_since = calloc(nd, sizeof *p->interest_since);
  p->closed = calloc(nd, sizeof *p->closed);
  p->opened = calloc(nd, sizeof *p->opened);
  p->loan = calloc(nd, sizeof *p->loan);
  p->spread = calloc(nd, sizeof *p->spread);
  p->rolled = calloc(nd, sizeof *p->rolled);
  for (size_t i = 0; p->loan && p->spread && i < m->cfg->finance.ndebt; i++) {
    const debt_cfg *d = D(m, i); /* a term loan's schedule at the rate of its draw date */
    p->spread[i] = d->spread;
    p->loan[i] = loan_of(m, i, d->principal, (int)lround(d->term_months), fmax(0, d->draw_h),
                         d->spread, d->interest_only_months);
  }
  return p->loan && p->spread && p->rolled && p->balance && p->drawn && p->month && p->auto_drawn &&
                 p->auto_since && p->auto_draws && p->interest_due && p->interest_since &&
                 p->closed && p->opened
             ? 0
             : -1;
}

void debt_free(model *m) {
  debt_part *p = &m->debt;
  free(p->balance);
  free(p->drawn);
  free(p->month);
  free(p->auto_drawn);
  free(p->auto_since);
  free(p->auto_draws);
  free(p->interest_due);
  free(p->interest_since);
  free(p->closed);
  free(p->opened);
  free(p->loan);
  free(p->spread);
  free(p->rolled);
}
