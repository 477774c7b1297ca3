/*
** books.c -- the model's double-entry books (journal.h): the chart of
** accounts, the entry of every kind of money movement, the continuous
** accruals (reserved bills, SLA credits, depreciation) posted up to a
** time, the checks that the books agree with the model, and the monthly
** financial statements.
**
** The model keeps its own running figures (cash, debt per tranche, each
** contract's bills and prepayment, each node's price and age); the books
** are kept beside them from the same events, entry by entry.  At every
** month end and at the end of the run the two must agree to 1e-9
** relative, and assets must equal liabilities plus equity: otherwise the
** run fails with "ledger out of balance by $X on YYYY-MM-DD (what)", a
** bug detector that no run may ever trigger.
**
** Accounts, debit-positive (journal.h): assets cash, receivables (bills
** accrued, not collected), deposits (nodes paid for, not delivered),
** equipment at cost and accumulated depreciation; liabilities contract
** liabilities (prepayments not yet earned), debt per tranche, accrued
** interest, tax payable; equity contributed equity and retained earnings (the fleet's
** age before the start); income: revenue per tenant (gross of SLA
** credits), SLA credits (contra-revenue), gain on sale; expenses: bad
** debt, power, colocation, staff, leases of nodes leased in, depreciation, write-off of lost nodes,
** interest, lenders' fees, tax.  Building capacity (build.c): construction
** in progress (paid, not done), site assets at cost and their
** accumulated depreciation (in the same depreciation expense).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "model_int.h"

/* The model's journal of ledger.c's books part. */
static journal *J(model *m) { return m->books.j; }

static int open_fixed(model *m) {
  static const struct {
    int id;
    const char *name;
    acct_type type;
  } fixed[] = {
      {A_CASH, "cash", ACCT_ASSET},
      {A_RECEIVABLES, "receivables", ACCT_ASSET},
      {A_DEPOSITS, "deposits", ACCT_ASSET},
      {A_EQUIPMENT, "equipment", ACCT_ASSET},
      {A_ACCUM_DEP, "accumulated_depreciation", ACCT_ASSET},
      {A_CONTRACT_LIAB, "contract_liabilities", ACCT_LIABILITY},
      {A_ACCRUED_INTEREST, "accrued_interest", ACCT_LIABILITY},
      {A_EQUITY, "contributed_equity", ACCT_EQUITY},
      {A_RETAINED, "retained_earnings", ACCT_EQUITY},
      {A_SLA_CREDITS, "sla_credits", ACCT_INCOME},
      {A_GAIN_ON_SALE, "gain_on_sale", ACCT_INCOME},
      {A_BAD_DEBT, "bad_debt", ACCT_EXPENSE},
      {A_POWER, "power", ACCT_EXPENSE},
      {A_COLO, "colocation", ACCT_EXPENSE},
      {A_STAFF, "staff", ACCT_EXPENSE},
      {A_DEPRECIATION, "depreciation", ACCT_EXPENSE},
      {A_WRITE_OFF, "write_off", ACCT_EXPENSE},
      {A_INTEREST, "interest", ACCT_EXPENSE},
      {A_TAX, "tax", ACCT_EXPENSE},
      {A_TAX_PAYABLE, "tax_payable", ACCT_LIABILITY},
      {A_FEES, "fees", ACCT_EXPENSE},
      {A_CONSTRUCTION, "construction_in_progress", ACCT_ASSET},
      {A_SITES, "site_assets", ACCT_ASSET},
      {A_SITES_DEP, "site_accumulated_depreciation", ACCT_ASSET},
      {A_LEASES, "leases", ACCT_EXPENSE},
      {A_PENALTIES, "penalties", ACCT_EXPENSE},
  };
  _Static_assert(sizeof fixed / sizeof *fixed == A_NFIXED, "every fixed account opened");
  for (size_t i = 0; i < A_NFIXED; i++)
    if (journal_open(J(m), fixed[i].name, fixed[i].type) != fixed[i].id) return -1;
  journal_set_cash(J(m), A_CASH);
  return 0;
}

/* A name "what.name" for an account of a tranche or a tenant. */
static int open_named(model *m, const char *what, const char *name, acct_type type) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s.%s", what, name);
  return journal_open(J(m), buf, type);
}

int books_open(model *m) {
  const model_cfg *c = m->cfg;
  books_part *b = &m->books;
  b->acct_debt = calloc(c->finance.ndebt ? c->finance.ndebt : 1, sizeof *b->acct_debt);
  b->acct_revenue = calloc(c->ntenants ? c->ntenants : 1, sizeof *b->acct_revenue);
  b->posted = calloc(c->ntenants ? c->ntenants : 1, sizeof *b->posted);
  if (!(b->j = journal_new()) || !b->acct_debt || !b->acct_revenue || !b->posted || open_fixed(m))
    return -1;
  for (size_t i = 0; i < c->finance.ndebt; i++)
    if ((b->acct_debt[i] = open_named(m, "debt", c->finance.debt[i].name, ACCT_LIABILITY)) < 0)
      return -1;
  for (size_t i = 0; i < c->ntenants; i++)
    if ((b->acct_revenue[i] = open_named(m, "revenue", c->tenants[i].name, ACCT_INCOME)) < 0)
      return -1;
  /* the opening position: the owners' cash, then the first period begins */
  journal_move(J(m), A_CASH, A_EQUITY, c->finance.cash, CF_FINANCING);
  journal_mark(J(m));
  return 0;
}

void books_free(model *m) {
  journal_free(m->books.j);
  free(m->books.acct_debt);
  free(m->books.acct_revenue);
  free(m->books.posted);
}

static int tenant_index(const model *m, const tenant *tn) { return (int)(tn - m->tenants); }

/* ---- accruals ------------------------------------------------------------ */

void books_accrue(model *m, double t) {
  books_part *b = &m->books;
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    const tenant *tn = &m->tenants[i];
    if (tn->ops->paid_daily || !tn->ops->billed) continue; /* cash as it accrues; or not billed */
    double net = integral_at(&tn->revenue, t), credit = integral_at(&tn->credit, t);
    double dn = net - b->posted[i].net, dc = credit - b->posted[i].credit;
    if (dn != 0 || dc != 0) {
      const journal_leg legs[] = {
          {A_RECEIVABLES, dn}, {A_SLA_CREDITS, dc}, {b->acct_revenue[i], -(dn + dc)}};
      journal_post(J(m), legs, 3, CF_OPERATING);
    }
    b->posted[i].net = net;
    b->posted[i].credit = credit;
  }
  double dep = integral_at(&m->fleet.dep_rate, t);
  journal_move(J(m), A_DEPRECIATION, A_ACCUM_DEP, dep - b->dep_posted, CF_OPERATING);
  b->dep_posted = dep;
  dep = build_depreciation(m, t);
  journal_move(J(m), A_DEPRECIATION, A_SITES_DEP, dep - b->site_dep_posted, CF_OPERATING);
  b->site_dep_posted = dep;
}

/* ---- revenue --------------------------------------------------------------- */

void books_revenue_paid(model *m, const tenant *tn, double amount) {
  journal_move(J(m), A_CASH, m->books.acct_revenue[tenant_index(m, tn)], amount, CF_OPERATING);
}

void books_prepay(model *m, double amount) {
  journal_move(J(m), A_CASH, A_CONTRACT_LIAB, amount, CF_OPERATING);
}

void books_opening_prepaid(model *m, double amount) {
  journal_move(J(m), A_EQUITY, A_CONTRACT_LIAB, amount, CF_FINANCING);
}

void books_collect(model *m, double due, double from_prepaid) {
  books_accrue(m, engine_now(m->e));
  const journal_leg legs[] = {
      {A_CONTRACT_LIAB, from_prepaid}, {A_CASH, due - from_prepaid}, {A_RECEIVABLES, -due}};
  journal_post(J(m), legs, 3, CF_OPERATING);
}

void books_bad_debt(model *m, double amount) {
  books_accrue(m, engine_now(m->e));
  journal_move(J(m), A_BAD_DEBT, A_RECEIVABLES, amount, CF_OPERATING);
}

void books_forfeit(model *m, const tenant *tn, double amount) {
  journal_move(J(m), A_CONTRACT_LIAB, m->books.acct_revenue[tenant_index(m, tn)], amount,
               CF_OPERATING);
}

/* ---- costs ------------------------------------------------------------------ */

void books_opex(model *m, double power, double colo, double staff, double leases) {
  journal_move(J(m), A_LEASES, A_CASH, leases, CF_OPERATING);
  journal_move(J(m), A_POWER, A_CASH, power, CF_OPERATING);
  journal_move(J(m), A_COLO, A_CASH, colo, CF_OPERATING);
  journal_move(J(m), A_STAFF, A_CASH, staff, CF_OPERATING);
}

void books_penalty(model *m, double amount) {
  journal_move(J(m), A_PENALTIES, A_CASH, amount, CF_OPERATING);
}

/* ---- the fleet --------------------------------------------------------------- */

void books_buy(model *m, double amount, int delivered) {
  journal_move(J(m), delivered ? A_EQUIPMENT : A_DEPOSITS, A_CASH, amount, CF_INVESTING);
}

void books_deliver(model *m, double cost) {
  journal_move(J(m), A_EQUIPMENT, A_DEPOSITS, cost, CF_INVESTING);
}

void books_opening_fleet(model *m, double cost, double age_depreciation, int bought) {
  if (bought) {
    books_buy(m, cost, 1);
    journal_move(J(m), A_RETAINED, A_ACCUM_DEP, age_depreciation, CF_OPERATING);
  } else {
    const journal_leg legs[] = {
        {A_EQUIPMENT, cost}, {A_ACCUM_DEP, -age_depreciation}, {A_EQUITY, age_depreciation - cost}};
    journal_post(J(m), legs, 3, CF_FINANCING);
  }
}

void books_dispose(model *m, double cost, double accumulated, double proceeds) {
  books_accrue(m, engine_now(m->e));
  double gain = proceeds - (cost - accumulated);
  const journal_leg legs[] = {{A_CASH, proceeds},
                              {A_ACCUM_DEP, accumulated},
                              {A_EQUIPMENT, -cost},
                              {A_GAIN_ON_SALE, -gain}};
  journal_post(J(m), legs, 4, CF_INVESTING);
}

void books_lose(model *m, double cost, double accumulated) {
  books_accrue(m, engine_now(m->e));
  const journal_leg legs[] = {
      {A_WRITE_OFF, cost - accumulated}, {A_ACCUM_DEP, accumulated}, {A_EQUIPMENT, -cost}};
  journal_post(J(m), legs, 3, CF_OPERATING);
}

void books_impair(model *m, double cut, double a) {
  books_accrue(m, engine_now(m->e));
  const journal_leg legs[] = {
      {A_WRITE_OFF, cut * (1 - a)}, {A_ACCUM_DEP, cut * a}, {A_EQUIPMENT, -cut}};
  journal_post(J(m), legs, 3, CF_OPERATING);
}

/* ---- building capacity ---------------------------------------------------------- */

void books_build_pay(model *m, double amount) {
  journal_move(J(m), A_CONSTRUCTION, A_CASH, amount, CF_INVESTING);
}

void books_build_done(model *m, double cost) {
  books_accrue(m, engine_now(m->e));
  journal_move(J(m), A_SITES, A_CONSTRUCTION, cost, CF_INVESTING);
}

/* ---- debt ---------------------------------------------------------------------- */

void books_draw(model *m, int tranche, double amount) {
  journal_move(J(m), A_CASH, m->books.acct_debt[tranche], amount, CF_FINANCING);
}

void books_opening_debt(model *m, int tranche, double balance, double accrued) {
  const journal_leg legs[] = {{A_EQUITY, balance + accrued},
                              {m->books.acct_debt[tranche], -balance},
                              {A_ACCRUED_INTEREST, -accrued}};
  journal_post(J(m), legs, 3, CF_FINANCING);
}

void books_interest(model *m, double amount) {
  journal_move(J(m), A_INTEREST, A_ACCRUED_INTEREST, amount, CF_OPERATING);
}

void books_fee(model *m, double amount) {
  journal_move(J(m), A_FEES, A_ACCRUED_INTEREST, amount, CF_OPERATING);
}

void books_pay_interest(model *m, double amount) {
  journal_move(J(m), A_ACCRUED_INTEREST, A_CASH, amount, CF_OPERATING);
}

void books_repay(model *m, int tranche, double amount) {
  journal_move(J(m), m->books.acct_debt[tranche], A_CASH, amount, CF_FINANCING);
}

/* ---- equity ----------------------------------------------------------------------- */

void books_equity(model *m, double amount, int retained) {
  journal_move(J(m), A_CASH, retained ? A_RETAINED : A_EQUITY, amount, CF_FINANCING);
}

/* ---- tax ------------------------------------------------------------------------ */

void books_tax(model *m, double expense) {
  journal_move(J(m), A_TAX, A_TAX_PAYABLE, expense, CF_OPERATING);
}

void books_pay_tax(model *m, double amount) {
  journal_move(J(m), A_TAX_PAYABLE, A_CASH, amount, CF_OPERATING);
}

/* ---- checks ---------------------------------------------------------------------- */

/* What the books must agree with: the model's own figures. */
static double prepaid(const model *m) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) s += m->tenants[i].ct.prepaid;
  return s;
}

static double interest_due(const model *m) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++) s += m->debt.interest_due[i];
  return s;
}

static double unbilled(const model *m, double t) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    const tenant *tn = &m->tenants[i];
    if (tn->ops->billed && !tn->ops->paid_daily) s += integral_at(&tn->revenue, t) - tn->ct.billed;
  }
  return s;
}

/* The date of a check at t, YYYY-MM-DD. */
static void check_date(const model *m, double t, char *date, size_t size) {
  cal_format(m->cfg->start_days + (long)floor(hours_to_days(t)), date, size);
}

/* One comparison: 0 when books and model agree to 1e-9 of scale. */
static int agree(model *m, double t, const char *what, double books, double own, double scale) {
  double off = books - own;
  if (fabs(off) <= 1e-9 * fmax(scale, 1.0) && isfinite(books)) return 0;
  char date[32];
  check_date(m, t, date, sizeof date);
  model_fail(m, "ledger out of balance by $%.2f on %s (%s: books $%.2f, model $%.2f)", fabs(off),
             date, what, books, own);
  return -1;
}

int books_check(model *m, double t) {
  journal *j = J(m);
  books_accrue(m, t);
  if (journal_error(j)) {
    char date[32];
    check_date(m, t, date, sizeof date);
    model_fail(m, "ledger out of balance on %s: %s", date, journal_error(j));
    return -1;
  }
  double assets = journal_total(j, ACCT_ASSET), liabilities = -journal_total(j, ACCT_LIABILITY);
  double equity = -(journal_total(j, ACCT_EQUITY) + journal_total(j, ACCT_INCOME) +
                    journal_total(j, ACCT_EXPENSE));
  double scale = fabs(assets) + fabs(liabilities) + fabs(equity);
  int bad = agree(m, t, "assets = liabilities + equity", assets, liabilities + equity, scale) ||
            agree(m, t, "cash", journal_balance(j, A_CASH), m->books.cash, scale);
  for (size_t i = 0; !bad && i < m->cfg->finance.ndebt; i++) {
    bad = agree(m, t, journal_name(j, m->books.acct_debt[i]),
                -journal_balance(j, m->books.acct_debt[i]), m->debt.balance[i], scale);
  }
  if (!bad)
    bad = agree(m, t, "accrued interest", -journal_balance(j, A_ACCRUED_INTEREST), interest_due(m),
                scale);
  if (!bad)
    bad = agree(m, t, "tax payable", -journal_balance(j, A_TAX_PAYABLE), m->tax.payable, scale);
  if (!bad)
    bad = agree(m, t, "contract liabilities", -journal_balance(j, A_CONTRACT_LIAB), prepaid(m),
                scale);
  if (!bad)
    bad = agree(m, t, "receivables", journal_balance(j, A_RECEIVABLES), unbilled(m, t), scale);
  if (!bad)
    bad = agree(m, t, "fleet book value",
                journal_balance(j, A_EQUIPMENT) + journal_balance(j, A_ACCUM_DEP) +
                    journal_balance(j, A_DEPOSITS),
                fleet_book_value(m, t), scale);
  if (!bad)
    bad = agree(m, t, "sites' book value",
                journal_balance(j, A_CONSTRUCTION) + journal_balance(j, A_SITES) +
                    journal_balance(j, A_SITES_DEP),
                build_book_value(m, t), scale);
  return bad ? -1 : 0;
}

/* ---- statements ---------------------------------------------------------------------- */

/* The income-statement lines of the period since the mark, or of the whole
** run (flows of income and expense accounts are their balances). */
typedef struct income_lines {
  double revenue, opex, ebitda, depreciation, write_off, gain, interest, tax, net_income;
} income_lines;

static double flow(const journal *j, int a, int period) {
  return journal_balance(j, a) - (period ? journal_marked(j, a) : 0);
}

static income_lines income(const model *m, int period) {
  const journal *j = m->books.j;
  income_lines l = {0};
  for (size_t i = 0; i < m->cfg->ntenants; i++)
    l.revenue -= flow(j, m->books.acct_revenue[i], period);
  l.revenue -= flow(j, A_SLA_CREDITS, period);
  l.opex = flow(j, A_POWER, period) + flow(j, A_COLO, period) + flow(j, A_STAFF, period) +
           flow(j, A_LEASES, period) + flow(j, A_BAD_DEBT, period) + flow(j, A_PENALTIES, period);
  l.ebitda = l.revenue - l.opex;
  l.depreciation = flow(j, A_DEPRECIATION, period);
  l.write_off = flow(j, A_WRITE_OFF, period);
  l.gain = -flow(j, A_GAIN_ON_SALE, period);
  l.interest = flow(j, A_INTEREST, period) + flow(j, A_FEES, period); /* lenders' fees too */
  l.tax = flow(j, A_TAX, period);
  l.net_income = l.ebitda - l.depreciation - l.write_off + l.gain - l.interest - l.tax;
  return l;
}

void books_month_income(const model *m, double *ebitda, double *interest) {
  income_lines l = income(m, 1);
  *ebitda = l.ebitda;
  *interest = l.interest;
}

double books_pretax_income(const model *m) {
  income_lines l = income(m, 0);
  return l.net_income + l.tax;
}

/* The names of the statement lines, in the order books_sample writes them. */
static const char *const is_names[] = {"is.revenue",      "is.opex",      "is.ebitda",
                                       "is.depreciation", "is.write_off", "is.gain_on_sale",
                                       "is.interest",     "is.tax",       "is.net_income"};
static const char *const cf_names[] = {[CF_OPERATING] = "cf.operating",
                                       [CF_INVESTING] = "cf.investing",
                                       [CF_FINANCING] = "cf.financing"};

static int put_income(results *r, double d, const income_lines *l, int metric) {
  const double v[] = {l->revenue, l->opex,     l->ebitda, l->depreciation, l->write_off,
                      l->gain,    l->interest, l->tax,    l->net_income};
  _Static_assert(sizeof v / sizeof *v == sizeof is_names / sizeof *is_names, "a name per line");
  int bad = 0;
  for (size_t k = 0; k < sizeof v / sizeof *v; k++)
    bad |= metric ? results_metric(r, is_names[k], v[k]) : results_sample(r, d, is_names[k], v[k]);
  return bad;
}

int books_sample(model *m, double t) {
  journal *j = J(m);
  results *r = m->out;
  double d = hours_to_days(t);
  income_lines l = income(m, 1);
  double cash = journal_balance(j, A_CASH), receivables = journal_balance(j, A_RECEIVABLES);
  double deposits = journal_balance(j, A_DEPOSITS);
  double equipment = journal_balance(j, A_EQUIPMENT) + journal_balance(j, A_ACCUM_DEP);
  double assets = journal_total(j, ACCT_ASSET), liabilities = -journal_total(j, ACCT_LIABILITY);
  double debt = 0, net = 0;
  for (size_t i = 0; i < m->cfg->finance.ndebt; i++)
    debt -= journal_balance(j, m->books.acct_debt[i]);
  int bad = put_income(r, d, &l, 0);
  const struct {
    const char *name;
    double v;
  } bs[] = {
      {"bs.cash", cash},
      {"bs.receivables", receivables},
      {"bs.deposits", deposits},
      {"bs.equipment_net", equipment},
      {"bs.construction", journal_balance(j, A_CONSTRUCTION)},
      {"bs.sites_net", journal_balance(j, A_SITES) + journal_balance(j, A_SITES_DEP)},
      {"bs.assets", assets},
      {"bs.contract_liabilities", -journal_balance(j, A_CONTRACT_LIAB)},
      {"bs.accrued_interest", -journal_balance(j, A_ACCRUED_INTEREST)},
      {"bs.tax_payable", -journal_balance(j, A_TAX_PAYABLE)},
      {"bs.debt", debt},
      {"bs.liabilities", liabilities},
      {"bs.equity",
       -(journal_total(j, ACCT_EQUITY) + journal_total(j, ACCT_INCOME) +
         journal_total(j, ACCT_EXPENSE))}, /* contributed, retained, this run's earnings */
  };
  for (size_t k = 0; k < sizeof bs / sizeof *bs; k++)
    bad |= results_sample(r, d, bs[k].name, bs[k].v);
  for (int c = 0; c < CF_NCLASSES; c++) {
    net += journal_cash_flow(j, (cf_class)c);
    bad |= results_sample(r, d, cf_names[c], journal_cash_flow(j, (cf_class)c));
  }
  bad |= results_sample(r, d, "cf.net", net);
  bad |= results_sample(r, d, "cf.equity", m->equity.flow - m->books.equity_marked);
  m->books.equity_marked = m->equity.flow;
  journal_mark(j);
  return bad ? -1 : 0;
}

int books_metrics(model *m) {
  income_lines l = income(m, 0);
  int bad = put_income(m->out, 0, &l, 1);
  double net = 0;
  for (int c = 0; c < CF_NCLASSES; c++) {
    double v = journal_cash_flow_total(m->books.j, (cf_class)c);
    if (c == CF_FINANCING)
      v -= m->cfg->finance.cash; /* the opening cash is not a flow of the run */
    net += v;
    bad |= results_metric(m->out, cf_names[c], v);
  }
  bad |= results_metric(m->out, "cf.net", net);
  bad |= results_metric(m->out, "cf.equity", m->equity.flow);
  return bad ? -1 : 0;
}
