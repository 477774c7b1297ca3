/*
** test_books.c -- the books' check is a bug detector that fires: a model
** whose cash moves without an entry, or an entry the journal refuses,
** ends the run with "ledger out of balance ... on YYYY-MM-DD".  The bugs
** are planted by a policy hook on day 0 of tests/e2e/books/deposits.lua
** (start 2026-01-01), so the first month end, 2026-02-01, catches them.
*/
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "model_int.h"
#include "results.h"
#include "scenario.h"

typedef enum plant { PLANT_CASH = 0, PLANT_ENTRY } plant;

static int planting(void *ctx, model *m, policy_kind which, policy_reason why, char *err,
                    size_t errlen) {
  (void)which;
  (void)why;
  (void)err;
  (void)errlen;
  if (model_now(m) > 0) return 0;
  if (*(plant *)ctx == PLANT_CASH) m->books.cash += 1250.5;           /* cash without an entry */
  else journal_move(m->books.j, A_CASH, A_EQUITY, NAN, CF_FINANCING); /* refused */
  return 0;
}

/* Run the scenario's point 0 with the bug planted: the run's error. */
static void run_planted(const scenario *s, plant p, char *err, size_t errlen) {
  model_hooks hooks = {.policy = planting, .ctx = &p};
  err[0] = 0;
  model *m = model_new(s->points[0].cfg, &hooks, s->seed, 0, err, errlen);
  results out = {0};
  CHECKF(m != NULL, "%s", err);
  if (m) CHECK(model_run(m, &out, err, errlen) == -1);
  results_clear(&out);
  model_free(m);
}

int main(void) {
  char err[ERR_LEN];
  sandbox_limits lim = {0};
  setenv("NEOSIM_LUA_PATH", "lua", 1); /* the tests run from the project's root */
  scenario *s = scenario_load("tests/e2e/books/deposits.lua", NULL, 0, &lim, err, sizeof err);
  CHECKF(s != NULL, "%s", err);
  if (!s) return CHECK_DONE();
  run_planted(s, PLANT_CASH, err, sizeof err);
  CHECKF(strstr(err, "ledger out of balance by $1250.50 on 2026-02-01 (cash:") != NULL, "%s", err);
  run_planted(s, PLANT_ENTRY, err, sizeof err);
  CHECKF(
      strstr(err,
             "ledger out of balance on 2026-02-01: journal: a movement of $nan on account cash") !=
          NULL,
      "%s", err);
  scenario_free(s);
  return CHECK_DONE();
}
