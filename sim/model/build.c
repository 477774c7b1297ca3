/*
** build.c -- building capacity: a policy action { build = SITE, mw = X }
** starts X MW at a site with build terms (site_cfg.build).
**
** A build costs X x cost_per_mw.  Its construction time is drawn when it
** starts, from the site's stream "build.<site>.months" (one draw per
** build, in the order the builds start), in months of HOURS_PER_MONTH; a
** draw below 0 counts as 0.  Paid "monthly", the cost is paid at each
** month end in proportion to the construction time elapsed, the rest at
** completion; paid "at_end", all of it at completion.  Every payment is
** capex (capex_total, an investing flow) into construction in progress;
** at completion the whole cost moves to the site's assets, depreciated
** straight-line over the build's life from then, and the MW come online
** (added to the site's power, whatever its online schedule says).  A
** build not done by the end of the run stays in construction in
** progress, at what was paid.
*/
#include <math.h>
#include <stdlib.h>

#include "calendar.h"
#include "model_int.h"

int build_init(model *m) {
  const model_cfg *c = m->cfg;
  m->build.months = calloc(c->nsites ? c->nsites : 1, sizeof *m->build.months);
  if (!m->build.months) return -1;
  for (size_t s = 0; s < c->nsites; s++)
    if (c->sites[s].build.on)
      model_stream(m, &m->build.months[s], "build", c->sites[s].name, "months");
  return 0;
}

void build_free(model *m) {
  free(m->build.months);
  free(m->build.b);
}

static const build_cfg *terms(const model *m, const build *b) {
  return &m->cfg->sites[b->site].build;
}

static void pay(model *m, build *b, double amount) {
  if (!(amount > 0)) return;
  b->paid += amount;
  m->build.capex += amount;
  m->build.in_progress += amount;
  ledger_pay(m, amount, 0);
  books_build_pay(m, amount);
}

int build_start(model *m, int site, double mw, char *err, size_t errlen) {
  const site_cfg *s = &m->cfg->sites[site];
  build_part *p = &m->build;
  if (!s->build.on)
    return err_set(err, errlen, "build: site %s has no build terms (sites.%s.build)", s->name,
                   s->name);
  if (!(mw > 0) || !isfinite(mw))
    return err_set(err, errlen, "build: mw must be a finite number > 0");
  if (p->n == p->cap) {
    size_t cap = p->cap ? 2 * p->cap : 8;
    if (model_take(m, (double)(cap - p->cap) * sizeof *p->b, "its builds (%zu)", p->n)) return -1;
    build *nb = realloc(p->b, cap * sizeof *nb);
    if (!nb) return err_set(err, errlen, "out of memory");
    p->b = nb;
    p->cap = cap;
  }
  double now = engine_now(m->e);
  double months = fmax(0, dist_sample(&s->build.months, &p->months[site]));
  build *b = &p->b[p->n];
  *b = (build){.site = site,
               .mw = mw,
               .cost = mw * s->build.cost_per_mw,
               .start_h = now,
               .end_h = now + months * HOURS_PER_MONTH};
  engine_at(m->e, b->end_h, EV_BUILT, (uint32_t)p->n++, 0);
  char date[32];
  cal_format(m->cfg->start_days + (long)floor(hours_to_days(b->end_h)), date, sizeof date);
  model_event(m, "build", s->name, "%.6g MW for $%.0f, %.4g months: online %s", mw, b->cost, months,
              date);
  return 0;
}

void build_month(model *m, double t) {
  for (size_t i = 0; i < m->build.n; i++) {
    build *b = &m->build.b[i];
    if (b->done || terms(m, b)->at_end || !(b->end_h > b->start_h)) continue;
    double share = (fmin(t, b->end_h) - b->start_h) / (b->end_h - b->start_h);
    pay(m, b, b->cost * share - b->paid);
  }
}

void build_on_done(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  build *b = &m->build.b[ev->id];
  (void)e;
  pay(m, b, b->cost - b->paid);
  b->done = 1;
  m->build.in_progress -= b->paid;
  m->build.mw_built += b->mw;
  books_build_done(m, b->paid);
  fleet_add_mw(m, b->site, b->mw);
  model_event(m, "built", m->cfg->sites[b->site].name, "%.6g MW online, $%.0f", b->mw, b->paid);
}

double build_depreciation(const model *m, double t) {
  double d = 0;
  for (size_t i = 0; i < m->build.n; i++) {
    const build *b = &m->build.b[i];
    if (b->done && t > b->end_h) d += b->paid * fmin(1, (t - b->end_h) / terms(m, b)->life_h);
  }
  return d;
}

double build_book_value(const model *m, double t) {
  double v = m->build.in_progress;
  for (size_t i = 0; i < m->build.n; i++)
    if (m->build.b[i].done) v += m->build.b[i].paid;
  return v - build_depreciation(m, t);
}

double build_mw_building(const model *m, int site) {
  double mw = 0;
  for (size_t i = 0; i < m->build.n; i++)
    if (!m->build.b[i].done && m->build.b[i].site == site) mw += m->build.b[i].mw;
  return mw;
}

int build_metrics(model *m, double t) {
  return results_metric(m->out, "build_capex_total", m->build.capex) |
         results_metric(m->out, "mw_built", m->build.mw_built) |
         results_metric(m->out, "site_depreciation_total", build_depreciation(m, t));
}
