/*
** equity.c -- the owners' money: equity raised, dividends and buy-backs,
** each a policy action, and the share of the company the owners at the
** start still hold.
**
** A raise of A at a pre-money valuation V issues new shares worth A: the
** new holders own A / (V + A) of the company after it, so every earlier
** holder's share is multiplied by V / (V + A) (the dilution, recorded in
** the event and in ownership_end).  Cash and contributed equity rise by
** A.  A dividend D is paid from cash (at most the cash there is) out of
** retained earnings, to every holder pro rata; a buy-back B buys shares
** back from every holder pro rata at the valuation, from cash and out of
** contributed equity, so nobody's share changes.  Each is a financing
** flow of the cash-flow statement and a cf.equity of the month; none is
** an operating or a lenders' flow, so npv, the value of the whole
** equity's flows, does not count them: the owners' share of that value
** after raises is ownership_end times it.
*/
#include <math.h>

#include "model_int.h"

int equity_raise(model *m, double amount, double valuation, char *err, size_t errlen) {
  equity_part *q = &m->equity;
  if (!(amount > 0) || !isfinite(amount))
    return err_set(err, errlen, "raise: the amount must be a finite number > 0");
  if (!(valuation > 0) || !isfinite(valuation))
    return err_set(err, errlen, "raise: valuation (pre-money, $) must be a finite number > 0");
  double new_share = amount / (valuation + amount);
  q->ownership *= valuation / (valuation + amount);
  q->raised += amount;
  q->flow += amount;
  ledger_cash(m, amount);
  books_equity(m, amount, 0);
  model_event(
      m, "equity_raise", "equity",
      "$%.0f at a pre-money valuation of $%.0f: new holders %.4g%%, the owners at the start "
      "%.4g%%",
      amount, valuation, 100 * new_share, 100 * q->ownership);
  return 0;
}

/* A dividend (buyback 0) or a buy-back of amount, from cash. */
int equity_pay(model *m, double amount, int buyback, char *err, size_t errlen) {
  equity_part *q = &m->equity;
  const char *what = buyback ? "buyback" : "dividend";
  double cash = ledger_cash_now(m);
  if (!(amount > 0) || !isfinite(amount))
    return err_set(err, errlen, "%s: the amount must be a finite number > 0", what);
  if (amount > cash)
    return err_set(err, errlen, "%s: $%.0f is more than the cash, $%.0f", what, amount, cash);
  if (buyback) q->buybacks += amount;
  else q->dividends += amount;
  q->flow -= amount;
  ledger_cash(m, -amount);
  books_equity(m, -amount, !buyback);
  model_event(m, what, "equity", "$%.0f paid from cash", amount);
  return 0;
}

int equity_metrics(model *m) {
  const equity_part *q = &m->equity;
  int bad = results_metric(m->out, "equity_raised_total", q->raised) |
            results_metric(m->out, "dividends_total", q->dividends) |
            results_metric(m->out, "buybacks_total", q->buybacks) |
            results_metric(m->out, "ownership_end", q->ownership);
  return bad ? -1 : 0;
}
