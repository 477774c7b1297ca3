/*
** tax.c -- income tax on the books' profit.  A tax year is a calendar
** year (the run's first and last years are the parts the run covers).
** Its taxable income is the profit before tax of the year: revenue less
** opex, bad debt, depreciation, write-offs and interest, plus gains on
** sale (books_pretax_income).  With loss carry-forward, a year's loss is
** kept and offsets the profits of the years after it until used up
** (without limit of years or share); without it, each year stands alone.
**
** The tax of the year so far is assessed at every month end as if the
** year ended there, and the change posted as tax expense against tax
** payable, so the monthly statements show the tax of each month's profit
** (a later loss in the year gives some back); at the year's end, and at
** the run's end, the year's tax is final, paid from cash (an operating
** flow: npv and npv_unlevered are after tax) and the losses carried are
** updated.  A run that defaults leaves its tax payable unpaid, owed.
*/
#include <math.h>

#include "model_int.h"

/* The tax of a year whose income is ytd, with carried losses available. */
static double assess(const finance_cfg *f, double ytd, double carried) {
  double taxable = fmax(0, ytd);
  if (f->tax_carryforward) taxable -= fmin(carried, taxable);
  return f->tax_rate * taxable;
}

void tax_month(model *m, int year_end) {
  const finance_cfg *f = &m->cfg->finance;
  tax_part *x = &m->tax;
  if (!(f->tax_rate > 0)) return;
  books_accrue(m, engine_now(m->e));
  double ytd = books_pretax_income(m) - x->pretax_year0;
  double due = assess(f, ytd, x->loss_carried);
  books_tax(m, due - x->year_posted);
  x->payable += due - x->year_posted;
  x->year_posted = due;
  if (!year_end) return;
  if (f->tax_carryforward) {
    double used = fmin(x->loss_carried, fmax(0, ytd));
    x->loss_carried += fmax(0, -ytd) - used;
  }
  x->pretax_year0 += ytd;
  x->year_posted = 0;
  ledger_cash(m, -x->payable);
  x->paid += x->payable;
  books_pay_tax(m, x->payable);
  model_event(m, "tax", "income tax",
              "$%.2f for the year's income of $%.2f; losses carried forward $%.2f", x->payable, ytd,
              x->loss_carried);
  x->payable = 0;
}
