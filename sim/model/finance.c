/*
** finance.c -- NPV, a robust IRR, payback, loan schedules.
*/
#include <math.h>

#include "finance.h"
#include "units.h"

double fin_npv(const double *cf, const double *t, size_t n, double rate) {
  double s = 0, lr = log1p(rate);
  for (size_t i = 0; i < n; i++) s += cf[i] * exp(-t[i] * lr);
  return s;
}

static double bisect(const double *cf, const double *t, size_t n, double lo, double hi) {
  double flo = fin_npv(cf, t, n, lo);
  for (int k = 0; k < 200 && hi - lo > 1e-12 * (1 + fabs(lo)); k++) {
    double mid = 0.5 * (lo + hi), fm = fin_npv(cf, t, n, mid);
    if ((fm < 0) == (flo < 0)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

double fin_irr(const double *cf, const double *t, size_t n) {
  int pos = 0, neg = 0;
  for (size_t i = 0; i < n; i++) {
    pos |= cf[i] > 0;
    neg |= cf[i] < 0;
  }
  if (!pos || !neg) return NAN;
  /* scan rates on a log-spaced grid of 1 + r for sign changes of the NPV */
  double prev_r = -0.9999, prev_f = fin_npv(cf, t, n, prev_r), root = NAN;
  int roots = 0;
  for (int k = 1; k <= 400; k++) {
    double r = exp(log(1e-4) + (log(1e6) - log(1e-4)) * k / 400.0) - 1.0;
    double f = fin_npv(cf, t, n, r);
    /* an exact zero is counted once, where it is hit, not again on leaving it */
    if (isfinite(f) && isfinite(prev_f) && ((prev_f != 0 && (f < 0) != (prev_f < 0)) || f == 0)) {
      roots++;
      root = f == 0 ? r : bisect(cf, t, n, prev_r, r);
    }
    prev_r = r;
    prev_f = f;
  }
  return roots == 1 ? root : (double)NAN;
}

double fin_annuity_payment(double principal, double rate_year, int months) {
  double r = rate_year / MONTHS_PER_YEAR;
  if (months <= 0) return principal;
  return r == 0 ? principal / months : principal * r / -expm1(-months * log1p(r));
}

/* Balance left after j of the n months (0 <= j <= n) of a known kind. */
static double balance(double p, double r, int n, fin_amort kind, int j) {
  if (j >= n) return 0;
  if (kind == FIN_BULLET) return p;
  if (kind == FIN_LINEAR || r == 0) return p * (n - j) / n;
  double lr = log1p(r); /* p g^j (g^(n-j) - 1) / (g^n - 1), g = 1 + r; exactly p at j = 0 */
  return p * exp(j * lr) * expm1((n - j) * lr) / expm1(n * lr);
}

/* The balance after month j of a loan of a known kind: its amortisation
** begins after the interest-only months (all of them, when io >= months:
** a bullet at the end). */
static double loan_balance(const fin_loan *l, int j) {
  int io = l->interest_only < l->months ? l->interest_only : l->months - 1;
  if (j >= l->months) return 0;
  if (j <= io) return l->principal;
  return balance(l->principal, l->rate_year / MONTHS_PER_YEAR, l->months - io, l->kind, j - io);
}

static int known(fin_amort kind) {
  return kind == FIN_ANNUITY || kind == FIN_LINEAR || kind == FIN_BULLET;
}

double fin_debt_balance(const fin_loan *l, int j) {
  return known(l->kind) ? loan_balance(l, j) : (double)NAN;
}

void fin_debt_month(const fin_loan *l, int k, double *interest, double *repaid) {
  double b0 = 0, b1 = 0;
  if (!known(l->kind)) b0 = b1 = NAN;
  else if (k >= 1 && k <= l->months) {
    b0 = loan_balance(l, k - 1);
    b1 = loan_balance(l, k);
  }
  if (interest) *interest = b0 * l->rate_year / MONTHS_PER_YEAR;
  if (repaid) *repaid = b0 - b1; /* differences of one balance formula: they sum to the principal */
}

double fin_payback(const double *cf, const double *t, size_t n) {
  double cum = 0, when = 0; /* never below zero: paid back at once */
  for (size_t i = 0; i < n; i++) {
    double before = cum;
    cum += cf[i];
    if (cum >= 0 && before < 0) {
      double t0 = i ? t[i - 1] : 0;
      when = t0 + (t[i] - t0) * (-before / cf[i]);
    }
  }
  return cum >= 0 ? when : (double)NAN;
}
