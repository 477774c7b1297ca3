/*
** journal.h -- double-entry books: a chart of accounts, each of a type,
** and balanced entries between them.  Balances are kept debit-positive:
** assets and expenses have positive balances, liabilities, equity and
** income negative ones, and the sum of all balances is zero after every
** entry.  Every movement of the cash account is classed as operating,
** investing or financing, for the cash-flow statement.
**
** An entry is either a transfer (journal_move: one debit, one credit, one
** amount, balanced by construction) or several legs that must sum to zero
** (journal_post).  A non-finite amount, or legs that do not balance, are
** refused: the journal keeps the first such error, and posts nothing of it.
** Plain C, no model: the model's chart of accounts is ledger.c's.
*/
#ifndef NEOSIM_JOURNAL_H
#define NEOSIM_JOURNAL_H

#include <stddef.h>

typedef enum acct_type {
  ACCT_ASSET = 0,
  ACCT_LIABILITY,
  ACCT_EQUITY,
  ACCT_INCOME,
  ACCT_EXPENSE,
  ACCT_NTYPES
} acct_type;

/* What a movement of cash is, in the cash-flow statement. */
typedef enum cf_class { CF_OPERATING = 0, CF_INVESTING, CF_FINANCING, CF_NCLASSES } cf_class;

typedef struct journal journal;

/* A journal with no account; NULL on no memory.  journal_free(NULL) is a no-op. */
journal *journal_new(void);
void journal_free(journal *j);

/* Open an account (name copied): its id (0, 1, ...), or -1 on no memory. */
int journal_open(journal *j, const char *name, acct_type type);
/* The account whose movements are cash (journal_cash_flow). */
void journal_set_cash(journal *j, int account);

/* Debit account dr and credit account cr with amount (either sign; a
** negative amount moves the other way).  cf classes the movement when
** one side is the cash account.  0, or -1 (nothing posted) on a
** non-finite amount or a bad account. */
int journal_move(journal *j, int dr, int cr, double amount, cf_class cf);

/* One leg of an entry: debit-positive amount on account. */
typedef struct journal_leg {
  int account;
  double amount;
} journal_leg;

/* An entry of n legs summing to zero (to 1e-9 of their largest leg).
** 0, or -1 (nothing posted). */
int journal_post(journal *j, const journal_leg *legs, size_t n, cf_class cf);

/* The debit-positive balance of an account; its name and type. */
double journal_balance(const journal *j, int account);
const char *journal_name(const journal *j, int account);
acct_type journal_type(const journal *j, int account);
size_t journal_accounts(const journal *j);

/* Sum of the balances of every account of a type, debit-positive. */
double journal_total(const journal *j, acct_type type);

/* Cash moved in class cf since journal_mark, and since the journal
** began (inflows positive). */
double journal_cash_flow(const journal *j, cf_class cf);
double journal_cash_flow_total(const journal *j, cf_class cf);
/* The balance of an account at the last journal_mark. */
double journal_marked(const journal *j, int account);
/* Start a period: remember every balance and zero the cash flows. */
void journal_mark(journal *j);

/* The first error ("journal: entry of $X on account NAME does not
** balance" ...), or NULL. */
const char *journal_error(const journal *j);

#endif
