/*
** test_finance.c -- NPV, IRR, payback and loan payments against
** hand-computed (closed-form) examples; the arithmetic is in comments.
*/
#include "check.h"
#include "model/finance.h"

static void test_npv(void) {
  /* 110 in one year at 10%: 110 / 1.1 = 100 */
  double cf1[] = {110}, t1[] = {1};
  CHECK_NEAR(fin_npv(cf1, t1, 1, 0.10), 100.0, 1e-9);
  /* an annuity of 100 at years 1..5, 8%: 100 (1 - 1.08^-5) / 0.08 = 399.271004 */
  double cf5[] = {100, 100, 100, 100, 100}, t5[] = {1, 2, 3, 4, 5};
  CHECK_NEAR(fin_npv(cf5, t5, 5, 0.08), 399.2710037, 1e-6);
  /* rate 0: the plain sum */
  CHECK_NEAR(fin_npv(cf5, t5, 5, 0.0), 500.0, 1e-12);
  /* twelve monthly 100s at 12% a year: each discounted by 1.12^(k/12);
  ** the monthly rate 1.12^(1/12) - 1 = 0.9488793%, annuity factor
  ** (1 - 1.12^-1) / 0.009488793 = 0.107142857 / 0.009488793 = 11.291516 -> 1129.1516 */
  double cfm[12], tm[12];
  for (int k = 0; k < 12; k++) cfm[k] = 100, tm[k] = (k + 1) / 12.0;
  CHECK_NEAR(fin_npv(cfm, tm, 12, 0.12), 1129.1516, 0.001);
  CHECK(fin_npv(NULL, NULL, 0, 0.1) == 0);
}

static void test_irr(void) {
  /* -100 now, +110 in a year: 10% */
  double cf2[] = {-100, 110}, t2[] = {0, 1};
  CHECK_NEAR(fin_irr(cf2, t2, 2), 0.10, 1e-9);
  /* -1000, 300, 400, 500 at years 0..3: NPV(8.9%) = 275.48 + 337.28 + 387.16 - 1000
  ** = -0.08, so the IRR is just below 8.9%: check the root itself */
  double cf4[] = {-1000, 300, 400, 500}, t4[] = {0, 1, 2, 3};
  double r = fin_irr(cf4, t4, 4);
  CHECKF(r > 0.0885 && r < 0.0890, "irr %g", r);
  CHECK_NEAR(fin_npv(cf4, t4, 4, r), 0.0, 1e-6);
  /* monthly: -1000 now, 12 monthly payments of fin_annuity_payment(1000, 12%/12...) */
  double cfm[13], tm[13];
  cfm[0] = -1000, tm[0] = 0;
  for (int k = 1; k <= 12; k++) cfm[k] = 100, tm[k] = k / 12.0;
  r = fin_irr(cfm, tm, 13);
  CHECK_NEAR(fin_npv(cfm, tm, 13, r), 0.0, 1e-6);
  CHECKF(r > 0.3 && r < 0.45, "irr of 1000 -> 12 x 100 monthly: %g", r); /* 2.92%/month -> 41.3%/year */
  /* no sign change: no IRR */
  double pos[] = {1, 2, 3}, neg[] = {-1, -2, -3}, t3[] = {0, 1, 2};
  CHECK(isnan(fin_irr(pos, t3, 3)));
  CHECK(isnan(fin_irr(neg, t3, 3)));
  /* -100, 230, -132: NPV = 0 at 10% and at 20% -- ambiguous, so NaN */
  double two[] = {-100, 230, -132};
  CHECK_NEAR(fin_npv(two, t3, 3, 0.10), 0.0, 1e-9);
  CHECK_NEAR(fin_npv(two, t3, 3, 0.20), 0.0, 1e-9);
  CHECK(isnan(fin_irr(two, t3, 3)));
  /* scale does not matter */
  double big[] = {-1e12, 1.1e12};
  CHECK_NEAR(fin_irr(big, t2, 2), 0.10, 1e-9);
  CHECK(isnan(fin_irr(NULL, NULL, 0)));
}

static void test_payback(void) {
  /* cumulative -100, -70, -30, +20: turns positive 30/50 into year 3 -> 2.6 */
  double cf[] = {-100, 30, 40, 50}, t[] = {0, 1, 2, 3};
  CHECK_NEAR(fin_payback(cf, t, 4), 2.6, 1e-12);
  double never[] = {-100, 30, 40, 20};
  CHECK(isnan(fin_payback(never, t, 4)));
  double first_pos[] = {100, -30, 40, 20};
  CHECK(isnan(fin_payback(first_pos, t, 4)));
  /* turns positive in year 2, negative again in year 3, positive in year 4: 4 - */
  double dip[] = {-100, 60, 60, -50, 40}, t5[] = {0, 1, 2, 3, 4};
  CHECK_NEAR(fin_payback(dip, t5, 5), 3.75, 1e-12); /* -30 at 3, +10 at 4: 3 + 30/40 */
  CHECK(isnan(fin_payback(NULL, NULL, 0)));
}

static void test_annuity(void) {
  /* the classic mortgage: 100,000 at 6% over 30 years = 599.55 a month */
  CHECK_NEAR(fin_annuity_payment(100000, 0.06, 360), 599.55, 0.005);
  CHECK_NEAR(fin_annuity_payment(1000, 0.0, 10), 100.0, 1e-12);
  /* 12 payments of 1000 at 12%: 1000 x 0.01 / (1 - 1.01^-12) = 88.8488 */
  CHECK_NEAR(fin_annuity_payment(1000, 0.12, 12), 88.8488, 1e-4);
  /* paying it repays it: balance after 12 months is 0 */
  double bal = 1000, pay = fin_annuity_payment(1000, 0.12, 12);
  for (int k = 0; k < 12; k++) bal = bal * 1.01 - pay;
  CHECK_NEAR(bal, 0.0, 1e-9);
}

int main(void) {
  test_npv();
  test_irr();
  test_payback();
  test_annuity();
  return CHECK_DONE();
}
