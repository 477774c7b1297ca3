/*
** journal.c -- double-entry books: accounts, balanced entries, periods.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"

typedef struct ledger_account {
  char *name;
  acct_type type;
  double balance; /* debit-positive */
  double marked;  /* balance at the last journal_mark */
} ledger_account;

struct journal {
  ledger_account *a;
  size_t n, cap;
  int cash;                       /* the cash account, -1 none */
  double flow[CF_NCLASSES];       /* cash moved since the mark */
  double flow_total[CF_NCLASSES]; /* and since the start */
  char err[256];
};

journal *journal_new(void) {
  journal *j = calloc(1, sizeof *j);
  if (j) j->cash = -1;
  return j;
}

void journal_free(journal *j) {
  if (!j) return;
  for (size_t i = 0; i < j->n; i++) free(j->a[i].name);
  free(j->a);
  free(j);
}

int journal_open(journal *j, const char *name, acct_type type) {
  if (j->n == j->cap) {
    size_t cap = j->cap ? 2 * j->cap : 32;
    ledger_account *a = realloc(j->a, cap * sizeof *a);
    if (!a) return -1;
    j->a = a;
    j->cap = cap;
  }
  char *copy = strdup(name);
  if (!copy) return -1;
  j->a[j->n] = (ledger_account){.name = copy, .type = type};
  return (int)j->n++;
}

void journal_set_cash(journal *j, int acc) { j->cash = acc; }

/* Keep the first error: what, the amount, and the account's name. */
static int refuse(journal *j, const char *what, double amount, int acc) {
  if (!j->err[0])
    snprintf(j->err, sizeof j->err, "journal: %s of $%g on account %s", what, amount,
             acc >= 0 && (size_t)acc < j->n ? j->a[acc].name : "(none)");
  return -1;
}

static int valid(const journal *j, int acc) { return acc >= 0 && (size_t)acc < j->n; }

/* Book amount (debit-positive) on account; cash movements by class. */
static void book(journal *j, int acc, double amount, cf_class cf) {
  j->a[acc].balance += amount;
  if (acc == j->cash) {
    j->flow[cf] += amount;
    j->flow_total[cf] += amount;
  }
}

int journal_move(journal *j, int dr, int cr, double amount, cf_class cf) {
  if (!valid(j, dr) || !valid(j, cr)) return refuse(j, "a movement", amount, -1);
  if (!isfinite(amount)) return refuse(j, "a movement", amount, dr);
  book(j, dr, amount, cf);
  book(j, cr, -amount, cf);
  return 0;
}

int journal_post(journal *j, const journal_leg *legs, size_t n, cf_class cf) {
  double sum = 0, largest = 0;
  for (size_t i = 0; i < n; i++) {
    if (!valid(j, legs[i].account)) return refuse(j, "a leg", legs[i].amount, -1);
    if (!isfinite(legs[i].amount)) return refuse(j, "a leg", legs[i].amount, legs[i].account);
    sum += legs[i].amount;
    largest = fmax(largest, fabs(legs[i].amount));
  }
  if (fabs(sum) > 1e-9 * largest)
    return refuse(j, "an entry off balance (by the sum shown; first leg)", sum,
                  n ? legs[0].account : -1);
  for (size_t i = 0; i < n; i++) book(j, legs[i].account, legs[i].amount, cf);
  return 0;
}

double journal_balance(const journal *j, int acc) { return j->a[acc].balance; }
const char *journal_name(const journal *j, int acc) { return j->a[acc].name; }
acct_type journal_type(const journal *j, int acc) { return j->a[acc].type; }
size_t journal_accounts(const journal *j) { return j->n; }

double journal_total(const journal *j, acct_type type) {
  double s = 0;
  for (size_t i = 0; i < j->n; i++)
    if (j->a[i].type == type) s += j->a[i].balance;
  return s;
}

double journal_cash_flow(const journal *j, cf_class cf) { return j->flow[cf]; }
double journal_cash_flow_total(const journal *j, cf_class cf) { return j->flow_total[cf]; }
double journal_marked(const journal *j, int acc) { return j->a[acc].marked; }

void journal_mark(journal *j) {
  for (size_t i = 0; i < j->n; i++) j->a[i].marked = j->a[i].balance;
  for (int c = 0; c < CF_NCLASSES; c++) j->flow[c] = 0;
}

const char *journal_error(const journal *j) { return j->err[0] ? j->err : NULL; }
