/*
** finance.h -- closed-form finance on cash-flow series: NPV, IRR,
** payback.  Times are in years from the start.
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
** monthly rate rate_year / 12 (rate 0: principal / months). */
double fin_annuity_payment(double principal, double rate_year, int months);

/* First time at which the cumulative cash flow turns and stays >= 0,
** interpolated within the period; NaN if it never does. */
double fin_payback(const double *cf, const double *t, size_t n);

#endif
