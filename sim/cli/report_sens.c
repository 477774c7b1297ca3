/*
** report_sens.c -- the sensitivity section of the report: bars in inline
** SVG (the classes of svg_css), one row per input, its name at the left.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_sens.h"
#include "svg.h"

#define METRIC "npv"
#define ROW 26.0   /* px a row */
#define LEFT 300.0 /* px of names */
#define WIDTH 900.0
#define TOP 30.0

int report_sens_read(store *st, const store_version *v, report_sens *rs, char *err, size_t errlen) {
  memset(rs, 0, sizeof *rs);
  int rc = sens_read_design_of(st, v, &rs->sd, err, errlen);
  if (rc) return rc == 1 ? 0 : -1; /* 1: no design, nothing to show */
  rs->design = 1;
  rc = sens_analyse(st, &rs->sd, METRIC, 0, &rs->r, rs->why, sizeof rs->why);
  if (rc == -1) return err_set(err, errlen, "%s", rs->why);
  rs->ok = rc == 0; /* -2: why says it (no npv, too few points) */
  return 0;
}

/* x of value v on an axis [lo, hi] drawn over [LEFT, WIDTH - 20]. */
static double xat(double v, double lo, double hi) {
  return LEFT + (v - lo) / (hi - lo) * (WIDTH - 20 - LEFT);
}

/* The axis: grid lines and labels at nice steps of [lo, hi], below the rows. */
static void axis(FILE *f, double lo, double hi, double bottom, svg_format fmt, const char *label) {
  double a = lo, b = hi, step = svg_nice_step(&a, &b, 6, 0);
  for (double t = ceil(lo / step) * step; step > 0 && t <= hi + step * 1e-9; t += step) {
    char buf[32];
    svg_format_value(buf, sizeof buf, fabs(t) < step * 1e-9 ? 0 : t, fmt, 0);
    fprintf(f, "<line class=\"svg-grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
            xat(t, lo, hi), TOP - 4, xat(t, lo, hi), bottom);
    fprintf(f, "<text class=\"svg-tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
            xat(t, lo, hi), bottom + 14, buf);
  }
  fprintf(f, "<text class=\"svg-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
          (LEFT + WIDTH - 20) / 2, bottom + 32);
  svg_escape(f, label);
  fputs("</text>\n", f);
}

/* A bar from a to b in row i (thin: half height, offset down), style s. */
static void bar(FILE *f, size_t i, double a, double b, double lo, double hi, int s, int thin) {
  double x0 = xat(fmin(a, b), lo, hi), x1 = xat(fmax(a, b), lo, hi);
  double y = TOP + (double)i * ROW + (thin ? ROW * 0.45 : ROW * 0.1);
  fprintf(f,
          "<rect class=\"svg-bar svg-s%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
          "height=\"%.1f\"/>\n",
          s, x0, y, fmax(x1 - x0, 1), thin ? ROW * 0.35 : ROW * 0.35);
}

/* The 95% interval of an estimate in row i: a whisker. */
static void whisker(FILE *f, size_t i, sens_est e, double lo, double hi, int thin) {
  if (isnan(e.lo) || isnan(e.hi)) return;
  double y = TOP + (double)i * ROW + (thin ? ROW * 0.625 : ROW * 0.275);
  fprintf(f, "<line class=\"svg-axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
          xat(fmax(e.lo, lo), lo, hi), y, xat(fmin(e.hi, hi), lo, hi), y);
}

/* The order of the rows: inputs by their first index's magnitude, largest first. */
static void order_rows(const report_sens *rs, size_t *order) {
  size_t k = rs->sd.d.ninputs;
  const sens_est *e = rs->r.e;
  int tornado = rs->r.nidx == 3;
  for (size_t i = 0; i < k; i++) order[i] = i;
  for (size_t i = 1; i < k; i++) /* insertion sort: a few inputs */
    for (size_t j = i; j > 0; j--) {
      size_t a = order[j], b = order[j - 1];
      double va = tornado ? fabs(e[2 * k + a].value - e[k + a].value) : fabs(e[k + a].value);
      double vb = tornado ? fabs(e[2 * k + b].value - e[k + b].value) : fabs(e[k + b].value);
      if (!(va > vb)) break;
      order[j] = b;
      order[j - 1] = a;
    }
}

void report_sens_write(FILE *f, const report_sens *rs) {
  if (!rs->design) return;
  const store_design *d = &rs->sd.d;
  fputs("<h2 id=\"sensitivity\">Sensitivity of npv</h2>\n<p class=\"note\">", f);
  if (!rs->ok) {
    svg_escape(f, rs->why);
    fputs("</p>\n", f);
    return;
  }
  size_t k = d->ninputs, *order = malloc(k * sizeof *order);
  if (!order) return;
  const sens_est *e = rs->r.e;
  int tornado = rs->r.nidx == 3, sobol = strcmp(rs->r.names[0], "S1") == 0;
  const char *what =
      sobol ? "Sobol indices of the npv's variance over the design (saltelli): S1 (blue, upper) "
              "the share an input explains alone, ST (green, lower) with its interactions; "
      : tornado ? "Tornado (lhs/random design): a bar from the npv's mean where an input is in "
                  "the lowest fifth of its distribution to its mean where it is in the highest; "
                  "blue: npv rises with the input, red: falls; inputs by the bar's length; "
                : "Morris elementary effects (morris design): mu* (upper) the mean absolute "
                  "change of npv over 0.5 of an input's probability, sigma (lower) their "
                  "spread; ";
  fprintf(f,
          "%s%s%zu of %zu %s used (%ld runs), sweep point 0 (neosim sensitivity gives every "
          "index, its interval and every metric).</p>\n",
          what, tornado ? "" : "the lines are 95% bootstrap intervals; ", rs->r.used, rs->r.units,
          rs->r.unit, rs->r.runs);
  order_rows(rs, order);
  double lo = 0, hi = 0;
  for (size_t m = tornado ? 1 : 0; m < rs->r.nidx; m++)
    for (size_t i = 0; i < k; i++) {
      sens_est x = e[m * k + i];
      lo = fmin(lo, fmin(x.value, tornado ? x.value : x.lo));
      hi = fmax(hi, fmax(x.value, tornado ? x.value : x.hi));
    }
  if (sobol) hi = fmax(hi, 1);
  if (tornado) { /* the tornado's axis spans its bars only */
    lo = INFINITY;
    hi = -INFINITY;
    for (size_t i = 0; i < k; i++) {
      lo = fmin(lo, fmin(e[k + i].value, e[2 * k + i].value));
      hi = fmax(hi, fmax(e[k + i].value, e[2 * k + i].value));
    }
  }
  if (!(hi > lo)) hi = lo + 1;
  double pad = (hi - lo) * 0.02, bottom = TOP + (double)k * ROW;
  lo -= pad;
  hi += pad;
  fprintf(f,
          "<svg class=\"svg-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
          "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\"><title>Sensitivity of "
          "npv</title>\n",
          WIDTH, bottom + 44, WIDTH, bottom + 44);
  axis(f, lo, hi, bottom, tornado ? SVG_DOLLARS : SVG_NUMBER,
       tornado ? "npv ($)"
       : sobol ? "share of the npv's variance"
               : "npv change per 0.5 of probability ($)");
  for (size_t r = 0; r < k; r++) {
    size_t i = order[r];
    fprintf(f, "<text class=\"svg-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", LEFT - 8,
            TOP + (double)r * ROW + ROW * 0.55);
    svg_escape(f, d->names[i]);
    fputs("</text>\n", f);
    if (tornado) {
      double a = e[k + i].value, b = e[2 * k + i].value;
      bar(f, r, a, b, lo, hi, b >= a ? 0 : 1, 0);
      continue;
    }
    bar(f, r, 0, e[i].value, lo, hi, 0, 0);
    whisker(f, r, e[i], lo, hi, 0);
    bar(f, r, 0, e[k + i].value, lo, hi, 2, 1);
    whisker(f, r, e[k + i], lo, hi, 1);
  }
  fputs("</svg>\n", f);
  free(order);
}

void report_sens_free(report_sens *rs) {
  sens_result_free(&rs->r);
  sens_data_free(&rs->sd);
}
