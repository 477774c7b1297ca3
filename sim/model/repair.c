/*
** repair.c -- repairs of failed nodes by a site's crews.
**
** A failed node at a site with repair waits for one of the site's
** repair_crews, first failed first repaired across the site's SKUs; a crew
** repairs it in a time drawn from its SKU's repair_hours (stream
** "fleet.repairs"), then takes the next node waiting.  Without
** repair_crews every failed node is repaired at once.  The mean wait for a
** crew is kept by Little's law: the node-hours spent waiting over the
** nodes that came for repair, both from the warm-up's end.
*/
#include <math.h>
#include <stdlib.h>

#include "model_int.h"

int repair_init(model *m) {
  const model_cfg *c = m->cfg;
  repair_part *r = &m->repair;
  r->busy = calloc(c->nsites, sizeof *r->busy);
  r->queue = calloc(c->nsites, sizeof *r->queue);
  if (!r->busy || !r->queue) return -1;
  rng_derive(&r->times, m->seed, m->rep, "fleet.repairs");
  for (size_t s = 0; s < c->nsites; s++)
    if (isfinite(c->sites[s].repair_crews)) r->crews = 1;
  return 0;
}

void repair_free(model *m) {
  for (size_t s = 0; m->repair.queue && s < m->cfg->nsites; s++) free(m->repair.queue[s].a);
  free(m->repair.queue);
  free(m->repair.busy);
}

/* A crew starts on node id. */
static void crew_starts(model *m, uint32_t id) {
  const pool *p = &m->fleet.pools[m->fleet.nodes[id].pool];
  double h = dist_sample(&m->cfg->skus[p->sku].repair_hours, &m->repair.times);
  engine_after(m->e, fmax(0, h), EV_REPAIRED, id, 0);
}

void repair_start(model *m, uint32_t id) {
  repair_part *r = &m->repair;
  int site = m->fleet.pools[m->fleet.nodes[id].pool].site;
  double now = engine_now(m->e);
  if (now >= m->cfg->warmup_h) r->entered++;
  if (r->busy[site] < m->cfg->sites[site].repair_crews) {
    r->busy[site]++;
    crew_starts(m, id);
    return;
  }
  if (fifo_push(m, &r->queue[site], id, "nodes waiting for repair")) {
    if (!m->failed) model_fail(m, "out of memory queueing a node for repair");
    return;
  }
  integral_add(&r->waiting, now, 1);
}

void repair_done(model *m, int site) {
  repair_part *r = &m->repair;
  uint32_t next = fifo_front(&r->queue[site]);
  if (next == NONE) {
    r->busy[site]--;
    return;
  }
  fifo_pop(&r->queue[site]);
  integral_add(&r->waiting, engine_now(m->e), -1);
  crew_starts(m, next);
}

void repair_on_warmup(model *m, double t) { integral_restart(&m->repair.waiting, t); }

int repair_metrics(model *m, double t) {
  if (!m->repair.crews) return 0;
  return results_metric(m->out, "repair_wait_hours",
                        model_ratio(integral_at(&m->repair.waiting, t), m->repair.entered));
}
