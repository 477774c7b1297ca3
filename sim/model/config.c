/*
** config.c -- release a model configuration; the names of its enums.
*/
#include <stdlib.h>
#include <string.h>

#include "config.h"

static void free_tenant(tenant_cfg *t) {
  free(t->name);
  free(t->lines);
  free(t->prefs);
  process_cfg_clear(&t->arrivals_per_hour);
  process_cfg_clear(&t->value_process);
  process_cfg_clear(&t->renew_process);
  process_cfg_clear(&t->default_process);
  process_cfg_clear(&t->terminate_process);
  process_cfg_clear(&t->nodes_process);
  dist_clear(&t->job_nodes);
  dist_clear(&t->job_hours);
  dist_clear(&t->patience_hours);
}

static void free_supplier(supplier_cfg *s, size_t nskus) {
  dist_clear(&s->lead_time_days);
  for (size_t k = 0; s->node_price && k < nskus; k++) process_cfg_clear(&s->node_price[k]);
  free(s->node_price);
  free(s->monthly_cap);
}

void model_cfg_free(model_cfg *c) {
  if (!c) return;
  for (size_t i = 0; c->skus && i < c->nskus; i++) {
    free(c->skus[i].name);
    dist_clear(&c->skus[i].repair_hours);
  }
  for (size_t i = 0; c->sites && i < c->nsites; i++) {
    free(c->sites[i].name);
    free(c->sites[i].online);
    dist_clear(&c->sites[i].build.months);
    dist_clear(&c->sites[i].outage.days);
    process_cfg_clear(&c->sites[i].power_price_mwh);
  }
  for (size_t i = 0; c->tenants && i < c->ntenants; i++) free_tenant(&c->tenants[i]);
  for (size_t i = 0; c->markets && i < c->nskus; i++)
    process_cfg_clear(&c->markets[i].price_gpu_hour);
  for (size_t i = 0; c->shocks && i < c->nshocks; i++) free(c->shocks[i].name);
  for (size_t i = 0; c->finance.debt && i < c->finance.ndebt; i++) {
    free(c->finance.debt[i].name);
    free(c->finance.debt[i].covenants);
    free(c->finance.debt[i].contracts);
    process_cfg_clear(&c->finance.debt[i].rate_base);
    process_cfg_clear(&c->finance.debt[i].refi_spread);
  }
  free_supplier(&c->supplier, c->nskus);
  free(c->skus);
  free(c->sites);
  free(c->fleet);
  free(c->tenants);
  free(c->markets);
  free(c->shocks);
  free(c->finance.debt);
  free(c);
}

static int parse(const char *const *names, int n, const char *name) {
  for (int k = 0; k < n; k++)
    if (strcmp(name, names[k]) == 0) return k;
  return -1;
}

static const char *const tenant_names[] = {[TENANT_RESERVED] = "reserved",
                                           [TENANT_ON_DEMAND] = "on_demand",
                                           [TENANT_SPOT] = "spot",
                                           [TENANT_INTERNAL] = "internal"};
_Static_assert(sizeof tenant_names / sizeof *tenant_names == TENANT_NKINDS,
               "a name per tenant kind");
const char *tenant_kind_name(tenant_kind k) {
  return (unsigned)k < TENANT_NKINDS ? tenant_names[k] : "?";
}
int tenant_kind_parse(const char *name) { return parse(tenant_names, TENANT_NKINDS, name); }

static const char *const shock_names[] = {
    [SHOCK_GPU_PRICE] = "gpu_price", [SHOCK_POWER_PRICE] = "power_price",
    [SHOCK_LEAD_TIME] = "lead_time", [SHOCK_SUPPLY_CUT] = "supply_cut",
    [SHOCK_DEMAND] = "demand",       [SHOCK_MARKET_PRICE] = "market_price"};
_Static_assert(sizeof shock_names / sizeof *shock_names == SHOCK_NKINDS, "a name per shock kind");
const char *shock_kind_name(shock_kind k) {
  return (unsigned)k < SHOCK_NKINDS ? shock_names[k] : "?";
}
int shock_kind_parse(const char *name) { return parse(shock_names, SHOCK_NKINDS, name); }

static const char *const amort_names[] = {
    [AMORT_ANNUITY] = "annuity", [AMORT_LINEAR] = "linear", [AMORT_BULLET] = "bullet"};
_Static_assert(sizeof amort_names / sizeof *amort_names == AMORT_NKINDS, "a name per amortisation");
const char *amort_kind_name(amort_kind k) {
  return (unsigned)k < AMORT_NKINDS ? amort_names[k] : "?";
}
int amort_kind_parse(const char *name) { return parse(amort_names, AMORT_NKINDS, name); }

static const char *const covenant_names[] = {[COV_DSCR] = "dscr",
                                             [COV_LEVERAGE] = "leverage",
                                             [COV_INTEREST_COVER] = "interest_cover",
                                             [COV_LTV] = "ltv",
                                             [COV_MIN_CASH] = "min_cash"};
_Static_assert(sizeof covenant_names / sizeof *covenant_names == COV_NKINDS,
               "a name per covenant kind");
const char *covenant_kind_name(covenant_kind k) {
  return (unsigned)k < COV_NKINDS ? covenant_names[k] : "?";
}
int covenant_kind_parse(const char *name) { return parse(covenant_names, COV_NKINDS, name); }

static const char *const test_names[] = {
    [TEST_MONTHLY] = "monthly", [TEST_QUARTERLY] = "quarterly", [TEST_DAILY] = "daily"};
_Static_assert(sizeof test_names / sizeof *test_names == TEST_NKINDS, "a name per test");
int covenant_test_parse(const char *name) { return parse(test_names, TEST_NKINDS, name); }

static const char *const breach_names[] = {[BREACH_EVENT] = "event",
                                           [BREACH_SWEEP] = "sweep",
                                           [BREACH_STEP_UP] = "step_up",
                                           [BREACH_ACCELERATE] = "accelerate"};
_Static_assert(sizeof breach_names / sizeof *breach_names == BREACH_NKINDS,
               "a name per breach action");
int breach_action_parse(const char *name) { return parse(breach_names, BREACH_NKINDS, name); }
