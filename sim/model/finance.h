/*
** finance.h -- closed-form finance on cash-flow series: NPV, IRR,
** payback; loan schedules.  Times are in years from the start.
*/
#ifndef NEOSIM_FINANCE_H
#define NEOSIM_FINANCE_H

#include <stddef.h>

/* Sum of cf[i] / (1 + rate)^t[i]. */
double fin_npv(const double *cf, const double *t, size_t n, double rate);

/* The rate r > -1 with fin_npv(cf, t, n, r) = 0, found by bracketing
** and bisection to 1e-10; NaN when none exists (no sign change in the
** flows, or no root in (-0.9999, 1e6)) or when several roots make it
** ambiguous (more than one sign change of the NPV on a scan). */
double fin_irr(const double *cf, const double *t, size_t n);

/* Monthly payment of a loan repaid in `months` equal payments at the
** monthly rate rate_year / 12 (rate 0: principal / months; months <= 0:
** the whole principal). */
double fin_annuity_payment(double principal, double rate_year, int months);

/* How a tranche repays its principal (same order as config.h's amort_kind). */
typedef enum fin_amort {
  FIN_ANNUITY = 0, /* constant payment fin_annuity_payment() */
  FIN_LINEAR,      /* principal / months each month, interest on top */
  FIN_BULLET       /* interest only; all the principal in month `months` */
} fin_amort;

/* A loan's schedule: `principal` over `months` months at the monthly
** rate rate_year / 12, the first `interest_only` of them paying interest
** only (the principal is then repaid by `kind` over the months left). */
typedef struct fin_loan {
  double principal, rate_year;
  int months, interest_only;
  fin_amort kind;
} fin_loan;

/* Month k (1-based) of a loan: *interest on the balance outstanding at
** the start of month k, *repaid the principal repaid at its end.  The
** repayments sum to the principal and leave a zero balance after month
** `months`.  Both are 0 for k outside 1..months (so for months <= 0),
** NaN for an unknown kind.  Either pointer may be NULL.  O(1). */
void fin_debt_month(const fin_loan *l, int k, double *interest, double *repaid);

/* The balance left after month j of a loan: the principal for j <= 0 (and
** through its interest-only months), 0 for j >= months, NaN for an unknown
** kind. */
double fin_debt_balance(const fin_loan *l, int j);

/* First time from which the cumulative cash flow stays >= 0,
** interpolated within the period (the flow at t[i] taken as spread
** evenly over (t[i-1], t[i]]): 0 when it is never negative (nothing to
** pay back), NaN when it ends negative (not paid back). */
double fin_payback(const double *cf, const double *t, size_t n);

#endif
