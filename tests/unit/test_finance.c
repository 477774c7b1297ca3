/*
** test_finance.c -- NPV, IRR, payback, loan payments and debt schedules
** against hand-computed (closed-form) examples; the arithmetic is in
** comments (reference digits from 40-digit decimal arithmetic).
*/
#include "check.h"
#include "config.h"
#include "finance.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void test_npv(void) {
  /* 110 in one year at 10%: 110 / 1.1 = 100 */
  double cf1[] = {110}, t1[] = {1};
  CHECK_NEAR(fin_npv(cf1, t1, 1, 0.10), 100.0, 1e-12);
  /* a flow now is not discounted, at any rate */
  double t0[] = {0};
  CHECK_NEAR(fin_npv(cf1, t0, 1, 0.37), 110.0, 1e-12);
  /* (1 + r)^-t also below 0: 110 in a year at -50% is worth 110 / 0.5 = 220 */
  CHECK_NEAR(fin_npv(cf1, t1, 1, -0.5), 220.0, 1e-12);
  /* an annuity of 100 at years 1..5, 8%: PV = C (1 - (1+r)^-n) / r
  **   1.08^5 = 1.4693280768, 1.08^-5 = 0.6805831970,
  **   100 x 0.3194168030 / 0.08 = 399.27100370780855 */
  double cf5[] = {100, 100, 100, 100, 100}, t5[] = {1, 2, 3, 4, 5};
  CHECK_NEAR(fin_npv(cf5, t5, 5, 0.08), 399.27100370780855, 1e-9);
  CHECK_NEAR(fin_npv(cf5, t5, 5, 0.08), 100 * (1 - pow(1.08, -5)) / 0.08, 1e-9);
  /* rate 0: the plain sum */
  CHECK_NEAR(fin_npv(cf5, t5, 5, 0.0), 500.0, 1e-12);
  /* twelve monthly 100s at k/12 years, 12% a year: each is 100 v^k with
  ** v = 1.12^(-1/12) = 0.99060039794300335, and v^12 = 1 / 1.12, so
  **   PV = 100 v (1 - v^12) / (1 - v) = 100 x 0.990600398 x 0.107142857 / 0.009399602
  **      = 1129.1515989601052 */
  double cfm[12], tm[12];
  for (int k = 0; k < 12; k++) {
    cfm[k] = 100;
    tm[k] = (k + 1) / 12.0;
  }
  CHECK_NEAR(fin_npv(cfm, tm, 12, 0.12), 1129.1515989601052, 1e-9);
  CHECK_NEAR(fin_npv(cfm, tm, 12, 0.0), 1200.0, 1e-9);
  CHECK(fin_npv(NULL, NULL, 0, 0.1) == 0);
}

/* Newton by hand on -1000 + 300/g + 400/g^2 + 500/g^3, g = 1 + r, from 9%:
**   r0 = 0.09                  NPV = -2.0069
**   r1 = 0.0889617069157       NPV = +3.27e-3
**   r2 = 0.0889633946888773    NPV = +8.67e-9
**   r3 = 0.0889633946933499    NPV = 6e-20
** so IRR = 0.08896339469334994. */
#define IRR4 0.08896339469334994

static void test_irr_unique(void) {
  /* -100 now, +110 in a year: 110 / 1.1 = 100, 10% */
  double cf2[] = {-100, 110}, t2[] = {0, 1};
  CHECK_NEAR(fin_irr(cf2, t2, 2), 0.10, 1e-9);
  /* the same +110 after half a year: 1.1 = (1 + r)^0.5, r = 1.21 - 1 = 21% */
  double th[] = {0, 0.5};
  CHECK_NEAR(fin_irr(cf2, th, 2), 0.21, 1e-9);
  double cf4[] = {-1000, 300, 400, 500}, t4[] = {0, 1, 2, 3};
  double r = fin_irr(cf4, t4, 4);
  CHECK_NEAR(r, IRR4, 1e-10);
  CHECK_NEAR(fin_npv(cf4, t4, 4, r), 0.0, 1e-6);
  /* a 12-month loan at 1% a month seen by the lender: -1000 now, then
  ** A = 1000 x 0.01 / (1 - 1.01^-12) = 88.848788678341707 at k/12 years.
  ** Its monthly IRR is 1%, so the annual one is 1.01^12 - 1 = 0.12682503013196972. */
  double cfm[13], tm[13];
  cfm[0] = -1000;
  tm[0] = 0;
  for (int k = 1; k <= 12; k++) {
    cfm[k] = 1000 * 0.01 / (1 - pow(1.01, -12));
    tm[k] = k / 12.0;
  }
  CHECK_NEAR(cfm[1], 88.848788678341707, 1e-9);
  CHECK_NEAR(fin_irr(cfm, tm, 13), 0.12682503013196972, 1e-9);
  /* -1000 now, 12 monthly 100s: Newton on the monthly rate i of
  ** -1000 + sum 100 (1+i)^-k from 3%: 0.0292259118, 0.0292285407386,
  ** 0.02922854076913369; annual (1 + i)^12 - 1 = 0.41299898414961524 */
  for (int k = 1; k <= 12; k++) cfm[k] = 100;
  CHECK_NEAR(fin_irr(cfm, tm, 13), 0.41299898414961524, 1e-9);
  /* a zero IRR: -100, +50, +50 */
  double z[] = {-100, 50, 50}, t3[] = {0, 1, 2};
  CHECK_NEAR(fin_irr(z, t3, 3), 0.0, 1e-10);
  /* -100 now, +100 at 0.01 year: the NPV is exactly 0.0 at the scan's
  ** grid rate -1.8e-15, and must count as one root, not two */
  double zz[] = {-100, 100}, tz[] = {0, 0.01};
  CHECK_NEAR(fin_irr(zz, tz, 2), 0.0, 1e-10);
}

static void test_irr_none(void) {
  double t2[] = {0, 1}, t3[] = {0, 1, 2};
  /* no sign change in the flows: no IRR */
  double pos[] = {1, 2, 3}, neg[] = {-1, -2, -3}, zero[] = {0, 0, 0};
  CHECK(isnan(fin_irr(pos, t3, 3)));
  CHECK(isnan(fin_irr(neg, t3, 3)));
  CHECK(isnan(fin_irr(zero, t3, 3)));
  CHECK(isnan(fin_irr(NULL, NULL, 0)));
  /* -100, 230, -132 = -(100 g^2 - 230 g + 132) / g^2 with roots
  ** g = (230 +- sqrt(52900 - 52800)) / 200 = 1.1, 1.2: 10% and 20%, ambiguous */
  double two[] = {-100, 230, -132};
  CHECK_NEAR(fin_npv(two, t3, 3, 0.10), 0.0, 1e-9);
  CHECK_NEAR(fin_npv(two, t3, 3, 0.20), 0.0, 1e-9);
  CHECK(isnan(fin_irr(two, t3, 3)));
  /* roots outside the scan (-0.9999, 1e6): -1, +1e7 -> 9999999; -1, +1e-5 -> -0.99999 */
  double hi[] = {-1, 1e7}, lo[] = {-1, 1e-5};
  CHECK(isnan(fin_irr(hi, t2, 2)));
  CHECK(isnan(fin_irr(lo, t2, 2)));
  /* just inside: -1, +9e5 -> 899999; -1, +1e-3 -> -0.999 */
  double hi_in[] = {-1, 9e5}, lo_in[] = {-1, 1e-3};
  CHECKF(fabs(fin_irr(hi_in, t2, 2) / 899999 - 1) < 1e-9, "%.17g", fin_irr(hi_in, t2, 2));
  CHECK_NEAR(fin_irr(lo_in, t2, 2), -0.999, 1e-10);
}

static void test_irr_scale(void) {
  /* the IRR does not depend on the unit of the flows */
  double t4[] = {0, 1, 2, 3};
  double big[] = {-1e12, 3e11, 4e11, 5e11}, tiny[] = {-1e-12, 3e-13, 4e-13, 5e-13};
  CHECK_NEAR(fin_irr(big, t4, 4), IRR4, 1e-10);
  CHECK_NEAR(fin_irr(tiny, t4, 4), IRR4, 1e-10);
  double big2[] = {-1e12, 1.1e12}, t2[] = {0, 1};
  CHECK_NEAR(fin_irr(big2, t2, 2), 0.10, 1e-9);
}

static void test_payback(void) {
  /* cumulative -100, -70, -30, +20: turns positive 30/50 into year 3 -> 2 + 0.6 */
  double cf[] = {-100, 30, 40, 50}, t[] = {0, 1, 2, 3};
  CHECK_NEAR(fin_payback(cf, t, 4), 2.6, 1e-12);
  /* reaching exactly 0 counts: -100, -50, 0 -> 2 */
  double exact[] = {-100, 50, 50};
  CHECK_NEAR(fin_payback(exact, t, 3), 2.0, 1e-12);
  /* monthly: -1200 at 0, then 100 a month: cumulative -100 at 11/12, 0 at 12/12 -> 1 year */
  double cfm[25], tm[25];
  for (int k = 0; k <= 24; k++) {
    cfm[k] = k ? 100 : -1200;
    tm[k] = k / 12.0;
  }
  CHECK_NEAR(fin_payback(cfm, tm, 25), 1.0, 1e-12);
  /* cumulative -100, -70, -30, -10: never */
  double never[] = {-100, 30, 40, 20};
  CHECK(isnan(fin_payback(never, t, 4)));
  /* a positive start that dips below zero later pays back when it is last
  ** back above: cumulative 100, -30, 10 -> 1 + 30/40; 0, 100, -30, 30 -> 2 + 30/60 */
  double first_pos[] = {100, -130, 40, 20}, lead_pos[] = {0, 100, -130, 60};
  CHECK_NEAR(fin_payback(first_pos, t, 4), 1.75, 1e-12);
  CHECK_NEAR(fin_payback(lead_pos, t, 4), 2.5, 1e-12);
  /* never below zero: paid back at once */
  double all_pos[] = {10, 0, 5, 1};
  CHECK(fin_payback(all_pos, t, 4) == 0);
  /* leading zero months do not matter: 0, -100, 60, 60 -> cumulative 0, -100, -40, +20: 2 + 40/60
   */
  double lead_zero[] = {0, -100, 60, 60};
  CHECK_NEAR(fin_payback(lead_zero, t, 4), 2.0 + 40.0 / 60.0, 1e-12);
  /* cumulative -100, -40, +20, -30, +10: positive in year 2 but not for good;
  ** stays positive from year 3 + 30/40 */
  double dip[] = {-100, 60, 60, -50, 40}, t5[] = {0, 1, 2, 3, 4};
  CHECK_NEAR(fin_payback(dip, t5, 5), 3.75, 1e-12);
  double zero[] = {0, 0, 0};
  CHECK(fin_payback(zero, t, 3) == 0);
  CHECK(fin_payback(NULL, NULL, 0) == 0);
  /* ends below zero after having been above: not paid back */
  double late_loss[] = {100, -50, -60}, t3[] = {0, 1, 2};
  CHECK(isnan(fin_payback(late_loss, t3, 3)));
}

static void test_annuity(void) {
  /* the classic mortgage: 100,000 at 6%/yr over 360 months, i = 0.005:
  ** 100000 x 0.005 / (1 - 1.005^-360) = 500 / 0.833958 = 599.55052515275239 */
  CHECK_NEAR(fin_annuity_payment(100000, 0.06, 360), 599.55, 0.005);
  CHECK_NEAR(fin_annuity_payment(100000, 0.06, 360), 599.55052515275239, 1e-9);
  CHECK_NEAR(fin_annuity_payment(1000, 0.0, 10), 100.0, 1e-12);
  /* 12 payments on 1000 at 12%: 1000 x 0.01 / (1 - 1.01^-12) = 88.848788678341707 */
  CHECK_NEAR(fin_annuity_payment(1000, 0.12, 12), 88.848788678341707, 1e-9);
  /* one month: principal plus a month of interest, 1000 x 1.01 */
  CHECK_NEAR(fin_annuity_payment(1000, 0.12, 1), 1010.0, 1e-9);
  /* no term: the whole principal (documented) */
  CHECK_NEAR(fin_annuity_payment(1000, 0.12, 0), 1000.0, 0);
  /* paying it repays it: balance after 12 months is 0 */
  double bal = 1000, pay = fin_annuity_payment(1000, 0.12, 12);
  for (int k = 0; k < 12; k++) bal = bal * 1.01 - pay;
  CHECK_NEAR(bal, 0.0, 1e-9);
}

/* A loan without interest-only months, as the tests below give it. */
static fin_loan loan(double p, double rate, int months, fin_amort kind, int io) {
  return (fin_loan){
      .principal = p, .rate_year = rate, .months = months, .interest_only = io, .kind = kind};
}

static void debt_month(double p, double rate, int months, fin_amort kind, int k, double *in,
                       double *rep) {
  fin_loan l = loan(p, rate, months, kind, 0);
  fin_debt_month(&l, k, in, rep);
}

static double debt_balance(double p, double rate, int months, fin_amort kind, int j) {
  fin_loan l = loan(p, rate, months, kind, 0);
  return fin_debt_balance(&l, j);
}

/* Walks a whole schedule: interest is rate/12 on the balance at the start
** of each month, the balance ends at 0, and the sums are returned. */
static void walk(double p, double rate, int months, fin_amort kind, double *sum_int,
                 double *sum_rep) {
  double bal = p, in, rep;
  *sum_int = *sum_rep = 0;
  for (int k = 1; k <= months; k++) {
    debt_month(p, rate, months, kind, k, &in, &rep);
    CHECKF(fabs(in - bal * rate / 12) <= 1e-9 * p, "kind %d month %d: interest %.17g on %.17g",
           (int)kind, k, in, bal);
    bal -= rep;
    CHECKF(fabs(debt_balance(p, rate, months, kind, k) - bal) <= 1e-9 * p,
           "kind %d: fin_debt_balance after month %d", (int)kind, k);
    *sum_int += in;
    *sum_rep += rep;
  }
  CHECKF(fabs(bal) <= 1e-9 * p, "kind %d: balance %.17g after %d months", (int)kind, bal, months);
  CHECKF(fabs(*sum_rep / p - 1) <= 1e-6, "kind %d: repaid %.17g of %.17g", (int)kind, *sum_rep, p);
}

static void test_debt_annuity(void) {
  /* 1200 over 12 months at 12%/yr (1% a month): A = 106.61854641401005 */
  double in, rep, si, sr, a = fin_annuity_payment(1200, 0.12, 12);
  CHECK_NEAR(a, 106.61854641401005, 1e-9);
  debt_month(1200, 0.12, 12, FIN_ANNUITY, 1, &in, &rep);
  CHECK_NEAR(in, 12.0, 1e-9);               /* 1200 x 0.01 */
  CHECK_NEAR(rep, 94.61854641401005, 1e-9); /* A - 12 */
  /* the last month: the balance left is A / 1.01 = 105.56291724159411,
  ** its interest A x 0.01 / 1.01 = 1.0556291724159411 */
  debt_month(1200, 0.12, 12, FIN_ANNUITY, 12, &in, &rep);
  CHECK_NEAR(in, 1.0556291724159411, 1e-9);
  CHECK_NEAR(rep, 105.56291724159411, 1e-9);
  for (int k = 1; k <= 12; k++) { /* a constant payment */
    debt_month(1200, 0.12, 12, FIN_ANNUITY, k, &in, &rep);
    CHECKF(fabs(in + rep - a) < 1e-9, "month %d pays %.17g", k, in + rep);
  }
  walk(1200, 0.12, 12, FIN_ANNUITY, &si, &sr);
  CHECK_NEAR(si, 79.422556968120586, 1e-9); /* 12 A - 1200 */
  /* the mortgage: month 1 interest 100000 x 0.005 = 500, principal
  ** 599.55052515275239 - 500; 360 A - 100000 = 115838.18905499086 of interest */
  debt_month(100000, 0.06, 360, FIN_ANNUITY, 1, &in, &rep);
  CHECK_NEAR(in, 500.0, 1e-9);
  CHECK_NEAR(rep, 99.550525152752395, 1e-9);
  walk(100000, 0.06, 360, FIN_ANNUITY, &si, &sr);
  CHECK_NEAR(si, 115838.18905499086, 1e-6);
  /* rate 0: 100 a month, no interest */
  debt_month(1200, 0, 12, FIN_ANNUITY, 5, &in, &rep);
  CHECK(in == 0);
  CHECK_NEAR(rep, 100.0, 1e-12);
  walk(1200, 0, 12, FIN_ANNUITY, &si, &sr);
}

static void test_debt_linear_bullet(void) {
  double in, rep, si, sr;
  /* linear 1200 over 12 months at 1% a month: 100 a month, interest on
  ** 1200 - 100 (k - 1) is 13 - k, so 12 + 11 + ... + 1 = 78 in all */
  for (int k = 1; k <= 12; k++) {
    debt_month(1200, 0.12, 12, FIN_LINEAR, k, &in, &rep);
    CHECKF(fabs(in - (13 - k)) < 1e-9 && fabs(rep - 100) < 1e-9, "month %d: %.17g %.17g", k, in,
           rep);
  }
  walk(1200, 0.12, 12, FIN_LINEAR, &si, &sr);
  CHECK_NEAR(si, 78.0, 1e-9);
  /* bullet: 12 of interest a month, all 1200 in month 12; 144 of interest */
  debt_month(1200, 0.12, 12, FIN_BULLET, 11, &in, &rep);
  CHECK_NEAR(in, 12.0, 1e-9);
  CHECK(rep == 0);
  debt_month(1200, 0.12, 12, FIN_BULLET, 12, &in, &rep);
  CHECK_NEAR(in, 12.0, 1e-9);
  CHECK_NEAR(rep, 1200.0, 1e-9);
  walk(1200, 0.12, 12, FIN_BULLET, &si, &sr);
  CHECK_NEAR(si, 144.0, 1e-9);
  walk(1e9, 0.085, 84, FIN_BULLET, &si, &sr);
  walk(1e9, 0.085, 84, FIN_LINEAR, &si, &sr);
  walk(1e9, 0.085, 84, FIN_ANNUITY, &si, &sr);
}

static void test_debt_edges(void) {
  static const fin_amort kinds[] = {FIN_ANNUITY, FIN_LINEAR, FIN_BULLET};
  double in, rep;
  for (size_t i = 0; i < NELEM(kinds); i++) {
    static const int ks[] = {-1, 0, 13, 100}; /* outside the 12-month term */
    for (size_t j = 0; j < NELEM(ks); j++) {
      in = rep = -1;
      debt_month(1200, 0.12, 12, kinds[i], ks[j], &in, &rep);
      CHECKF(in == 0 && rep == 0, "kind %d month %d: %g %g", (int)kinds[i], ks[j], in, rep);
    }
    in = rep = -1; /* no term at all */
    debt_month(1200, 0.12, 0, kinds[i], 1, &in, &rep);
    CHECK(in == 0 && rep == 0);
    /* a one-month loan: 12 of interest and the whole principal */
    debt_month(1200, 0.12, 1, kinds[i], 1, &in, &rep);
    CHECK(fabs(in - 12) < 1e-9 && fabs(rep - 1200) < 1e-9);
    debt_month(1200, 0.12, 12, kinds[i], 1, NULL, &rep); /* either pointer may be NULL */
    debt_month(1200, 0.12, 12, kinds[i], 1, &in, NULL);
    CHECK_NEAR(in, 12.0, 1e-9);
    /* the balance before the first month and after the last */
    CHECK(debt_balance(1200, 0.12, 12, kinds[i], -3) == 1200);
    CHECK(debt_balance(1200, 0.12, 12, kinds[i], 0) == 1200);
    CHECK(debt_balance(1200, 0.12, 12, kinds[i], 12) == 0);
    CHECK(debt_balance(1200, 0.12, 12, kinds[i], 40) == 0);
  }
  debt_month(1200, 0.12, 12, (fin_amort)7, 1, &in, &rep);
  CHECK(isnan(in) && isnan(rep));
  CHECK(isnan(debt_balance(1200, 0.12, 12, (fin_amort)7, 3)));
  /* the order config.h's amort_kind relies on when it is cast */
  CHECK((int)FIN_ANNUITY == (int)AMORT_ANNUITY && (int)FIN_LINEAR == (int)AMORT_LINEAR &&
        (int)FIN_BULLET == (int)AMORT_BULLET);
}

/* Interest-only months: interest on the whole principal, nothing repaid,
** then the kind's schedule over the months left (by hand: 1200 over 12
** months with 3 interest-only, linear: 12 x 1% a month, then 133.33 a month
** for 9 months); as many as the term, or more: a bullet at the end. */
static void test_debt_interest_only(void) {
  double in, rep;
  fin_loan l = loan(1200, 0.12, 12, FIN_LINEAR, 3);
  for (int k = 1; k <= 3; k++) {
    fin_debt_month(&l, k, &in, &rep);
    CHECK_NEAR(in, 12.0, 1e-12);
    CHECK_NEAR(rep, 0.0, 0);
    CHECK_NEAR(fin_debt_balance(&l, k), 1200.0, 0);
  }
  double sum = 0;
  for (int k = 4; k <= 12; k++) {
    fin_debt_month(&l, k, &in, &rep);
    CHECK_NEAR(rep, 1200.0 / 9, 1e-9);
    CHECK_NEAR(in, (1200 - 1200.0 / 9 * (k - 4)) * 0.01, 1e-9);
    sum += rep;
  }
  CHECK_NEAR(sum, 1200.0, 1e-9);
  CHECK_NEAR(fin_debt_balance(&l, 12), 0.0, 0);
  /* annuity after 2 interest-only months: the payment of a 10-month annuity */
  l = loan(1000, 0.12, 12, FIN_ANNUITY, 2);
  fin_debt_month(&l, 3, &in, &rep);
  CHECK_NEAR(in + rep, fin_annuity_payment(1000, 0.12, 10), 1e-9);
  for (int io = 12; io <= 20; io += 8) {
    l = loan(1200, 0.12, 12, FIN_ANNUITY, io);
    fin_debt_month(&l, 11, &in, &rep);
    CHECK_NEAR(rep, 0.0, 0);
    fin_debt_month(&l, 12, &in, &rep);
    CHECK_NEAR(rep, 1200.0, 0);
    CHECK_NEAR(in, 12.0, 1e-12);
  }
}

int main(void) {
  test_npv();
  test_irr_unique();
  test_irr_none();
  test_irr_scale();
  test_payback();
  test_annuity();
  test_debt_annuity();
  test_debt_linear_bullet();
  test_debt_edges();
  test_debt_interest_only();
  return CHECK_DONE();
}
