/*
** config.h -- the model's configuration as plain C structs: what a
** scenario describes, resolved for one sweep point (defaults filled,
** dates as hours since the start, names resolved to indices).  Built
** by sim/scenario.c from Lua; the model never sees Lua.
*/
#ifndef NEOSIM_CONFIG_H
#define NEOSIM_CONFIG_H

#include <stddef.h>

#include "dist.h"
#include "process.h"

typedef struct sku_cfg {
  char *name;
  int gpus_per_node;
  double node_price;     /* $ per node */
  double node_kw;        /* all-in facility kW per node, before PUE */
  double perf;           /* relative throughput */
  double mtbf_gpu_hours; /* INFINITY: no failures */
  double repair_hours;
  double life_years;     /* straight-line depreciation */
  double release_h;      /* -INFINITY when not given */
  double resale_fraction;
} sku_cfg;

typedef struct site_cfg {
  char *name;
  double power_mw;
  double pue;
  process_cfg power_price_mwh; /* $ per MWh */
  double colo_kw_month;        /* $ per kW-month of node_kw x PUE */
  int repair;
} site_cfg;

typedef struct fleet_cfg {
  int site, sku; /* indices into skus, sites */
  long nodes;
  double installed_h; /* <= 0 */
} fleet_cfg;

typedef enum tenant_kind { TENANT_ON_DEMAND = 0, TENANT_NKINDS } tenant_kind;

typedef struct tenant_cfg {
  char *name;
  tenant_kind kind;
  int sku;
  process_cfg arrivals_per_hour;
  dist job_nodes;      /* rounded to an integer >= 1 */
  dist job_hours;
  int reject;          /* 1: Erlang loss; 0: queue with patience */
  dist patience_hours; /* constant INFINITY: never abandon */
  double price_gpu_hour;
} tenant_cfg;

typedef struct finance_cfg {
  double cash;          /* $ at the start */
  double discount_rate; /* per year, for npv */
  double staff_month;   /* $ per month */
} finance_cfg;

typedef struct model_cfg {
  long start_days;      /* day number of the start date (calendar.h) */
  double horizon_h;
  double warmup_h;      /* time averages and job statistics start here */
  size_t nskus, nsites, nfleet, ntenants;
  sku_cfg *skus;
  site_cfg *sites;
  fleet_cfg *fleet;
  tenant_cfg *tenants;
  finance_cfg finance;
} model_cfg;

/* Free everything a model_cfg owns (the struct itself too); NULL no-op. */
void model_cfg_free(model_cfg *c);

#endif
