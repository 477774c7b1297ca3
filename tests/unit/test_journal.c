/*
** test_journal.c -- the double-entry journal: balances after moves and
** multi-leg entries, refusal (nothing posted, first error kept) of
** non-finite amounts, bad accounts and unbalanced legs, totals by type,
** cash flows by class, periods.
*/
#include <math.h>
#include <string.h>

#include "check.h"
#include "journal.h"

int main(void) {
  journal *j = journal_new();
  int cash = journal_open(j, "cash", ACCT_ASSET), equity = journal_open(j, "equity", ACCT_EQUITY);
  int equip = journal_open(j, "equipment", ACCT_ASSET),
      debt = journal_open(j, "debt", ACCT_LIABILITY);
  int rev = journal_open(j, "revenue", ACCT_INCOME), power = journal_open(j, "power", ACCT_EXPENSE);
  CHECK(cash == 0 && equity == 1 && power == 5 && journal_accounts(j) == 6);
  journal_set_cash(j, cash);
  CHECK(journal_move(j, cash, equity, 100, CF_FINANCING) == 0);
  journal_mark(j);
  CHECK(journal_move(j, equip, cash, 60, CF_INVESTING) == 0);
  CHECK(journal_move(j, cash, debt, 50, CF_FINANCING) == 0);
  const journal_leg sale[] = {{cash, 30}, {rev, -35}, {power, 5}}; /* revenue net of a cost */
  CHECK(journal_post(j, sale, 3, CF_OPERATING) == 0);
  CHECK(journal_balance(j, cash) == 120 && journal_balance(j, equip) == 60);
  CHECK(journal_balance(j, debt) == -50 && journal_balance(j, rev) == -35);
  /* assets = liabilities + equity + earnings; every balance sums to zero */
  double sum = 0;
  for (int a = 0; a < 6; a++) sum += journal_balance(j, a);
  CHECK(sum == 0);
  CHECK(journal_total(j, ACCT_ASSET) == 180 && journal_total(j, ACCT_LIABILITY) == -50);
  /* cash flows since the mark, by class, and since the start */
  CHECK(journal_cash_flow(j, CF_INVESTING) == -60 && journal_cash_flow(j, CF_FINANCING) == 50);
  CHECK(journal_cash_flow(j, CF_OPERATING) == 30);
  CHECK(journal_cash_flow_total(j, CF_FINANCING) == 150);
  CHECK(journal_marked(j, cash) == 100);
  /* refusals post nothing and keep the first error */
  CHECK(journal_error(j) == NULL);
  CHECK(journal_move(j, cash, equity, NAN, CF_FINANCING) == -1);
  CHECK(journal_move(j, cash, 99, 1, CF_FINANCING) == -1);
  const journal_leg off[] = {{cash, 10}, {rev, -9}};
  CHECK(journal_post(j, off, 2, CF_OPERATING) == -1);
  const journal_leg inf[] = {{cash, INFINITY}, {rev, -INFINITY}};
  CHECK(journal_post(j, inf, 2, CF_OPERATING) == -1);
  CHECK(journal_balance(j, cash) == 120 && journal_balance(j, rev) == -35);
  CHECKF(journal_error(j) && strstr(journal_error(j), "movement of $nan on account cash"), "%s",
         journal_error(j));
  /* a new period */
  journal_mark(j);
  CHECK(journal_cash_flow(j, CF_OPERATING) == 0 && journal_marked(j, rev) == -35);
  CHECK(strcmp(journal_name(j, debt), "debt") == 0 && journal_type(j, rev) == ACCT_INCOME);
  journal_free(j);
  journal_free(NULL);
  return CHECK_DONE();
}
