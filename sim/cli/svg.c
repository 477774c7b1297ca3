/*
** svg.c -- chart primitives as inline SVG: frame, ticks, labels, lines,
** bands, bars, spans, legend.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "svg.h"
#include "text.h"
#include "units.h"

#define ML 74.0 /* margins around the plot area, px */
#define MR 18.0
#define MT 52.0
#define MB 46.0
#define LEGEND_Y 38.0
#define CHAR_W 6.2 /* rough width of a character of the 11px labels */
#define MAX_TICKS 64

const char svg_css[] =
    ".svg-chart{font-family:sans-serif;background:#fff;max-width:100%;height:auto}\n"
    ".svg-title{font-size:14px;font-weight:bold;fill:#222}\n"
    ".svg-tick{font-size:11px;fill:#444}\n"
    ".svg-label{font-size:12px;fill:#222}\n"
    ".svg-legend{font-size:11px;fill:#222}\n"
    ".svg-grid{stroke:#e4e4e4;stroke-width:1}\n"
    ".svg-axis{stroke:#555;stroke-width:1}\n"
    ".svg-zero{stroke:#777;stroke-width:1;stroke-dasharray:4 3}\n"
    ".svg-s0{stroke:#1f77b4;fill:#1f77b4}.svg-s1{stroke:#d62728;fill:#d62728}\n"
    ".svg-s2{stroke:#2ca02c;fill:#2ca02c}.svg-s3{stroke:#ff7f0e;fill:#ff7f0e}\n"
    ".svg-s4{stroke:#9467bd;fill:#9467bd}.svg-s5{stroke:#8c564b;fill:#8c564b}\n"
    ".svg-line{fill:none;stroke-width:1.8;stroke-linejoin:round}\n"
    ".svg-dashed{stroke-dasharray:5 3}\n"
    ".svg-band{stroke:none}\n"
    ".svg-bar{stroke:none;fill-opacity:0.8}\n"
    ".svg-span{fill:#e8743b;fill-opacity:0.15;stroke:none}\n"
    ".svg-spanline{stroke:#c0504d;stroke-width:1;stroke-dasharray:3 2}\n"
    ".svg-spanlabel{font-size:10px;fill:#a33}\n";

/* ---- numbers ------------------------------------------------------------ */

double svg_nice_step(double *lo, double *hi, int target, int widen) {
  double raw = (*hi - *lo) / (target > 0 ? target : 1);
  double p = pow(10.0, floor(log10(raw))), f = raw / p;
  double step = (f < 1.5 ? 1.0 : f < 2.25 ? 2.0 : f < 3.5 ? 2.5 : f < 7.5 ? 5.0 : 10.0) * p;
  if (widen) {
    *lo = floor(*lo / step + 1e-9) * step;
    *hi = ceil(*hi / step - 1e-9) * step;
  }
  return step;
}

/* Make [lo, hi] a finite, non-empty range. */
static void fix_range(svg_axis *a) {
  if (!isfinite(a->lo) || !isfinite(a->hi)) {
    a->lo = 0;
    a->hi = 1;
  }
  if (a->hi < a->lo) {
    double t = a->lo;
    a->lo = a->hi;
    a->hi = t;
  }
  if (a->hi - a->lo <= 1e-12 * fmax(fabs(a->lo), fabs(a->hi))) {
    double d = a->lo != 0 ? fabs(a->lo) * 0.1 : 1.0;
    a->lo -= d;
    a->hi += d;
  }
}

/* The unit of a value of magnitude m: 1e9 "B", 1e6 "M", 1e3 "K" or 1 "". */
static double unit_of(double m, const char **suffix) {
  static const double scale[] = {1e9, 1e6, 1e3};
  static const char *const name[] = {"B", "M", "K"};
  for (int i = 0; i < 3; i++)
    if (m >= scale[i]) {
      *suffix = name[i];
      return scale[i];
    }
  *suffix = "";
  return 1.0;
}

/* How ticks of one axis are written: one unit and number of decimals for
** all of them, so "$0.5M $1M $1.5M" reads as "$0.5M $1.0M $1.5M". */
typedef struct tickfmt {
  svg_format format;
  double scale;
  const char *suffix;
  int decimals;
} tickfmt;

static tickfmt tick_format(svg_format format, double lo, double hi, double step) {
  tickfmt t = {.format = format, .scale = 1.0, .suffix = ""};
  if (format == SVG_PERCENT) {
    t.scale = 0.01;
    t.suffix = "%";
  } else t.scale = unit_of(fmax(fabs(lo), fabs(hi)), &t.suffix);
  double s = step / t.scale;
  while (t.decimals < 6 && fabs(s - round(s)) > 1e-6 * fmax(1.0, fabs(s))) {
    s *= 10;
    t.decimals++;
  }
  return t;
}

/* Write v as "[-][$]N[suffix]" with the given scale and decimals (-1:
** three significant digits). */
static void put_scaled(char *buf, size_t len, double v, const char *dollar, double scale,
                       const char *suffix, int decimals) {
  double s = v / scale;
  if (decimals >= 0 ? fabs(s) < 0.5 * pow(10.0, -decimals) : s == 0) s = 0; /* no "-0" */
  if (decimals == -1) snprintf(buf, len, "%s%s%.3g%s", s < 0 ? "-" : "", dollar, fabs(s), suffix);
  else snprintf(buf, len, "%s%s%.*f%s", s < 0 ? "-" : "", dollar, decimals, fabs(s), suffix);
}

static void fmt_tick(char *buf, size_t len, const tickfmt *t, double v) {
  if (fabs(v) < 1e-9 * t->scale) { /* "$0", not "$0.0M" */
    snprintf(buf, len, "%s0%s", t->format == SVG_DOLLARS ? "$" : "",
             t->format == SVG_PERCENT ? "%" : "");
    return;
  }
  put_scaled(buf, len, v, t->format == SVG_DOLLARS ? "$" : "", t->scale, t->suffix, t->decimals);
}

void svg_format_value(char *buf, size_t len, double v, svg_format format, long date0) {
  const char *suffix = "";
  if (!isfinite(v)) {
    snprintf(buf, len, "%s", isnan(v) ? "n/a" : v > 0 ? "inf" : "-inf");
  } else if (format == SVG_DATE) {
    cal_format(date0 + (long)floor(v), buf, len);
  } else if (format == SVG_PERCENT) {
    put_scaled(buf, len, v, "", 0.01, "%", fabs(v) >= 10 ? 0 : -1);
  } else {
    double scale = unit_of(fabs(v), &suffix);
    put_scaled(buf, len, v, format == SVG_DOLLARS ? "$" : "", scale, suffix,
               fabs(v) / scale >= 1000 ? 0 : -1);
  }
}

/* ---- writing ------------------------------------------------------------ */

void svg_escape(FILE *f, const char *s) {
  char *shown = s ? text_dup(s, strlen(s), TEXT_LINES) : NULL;
  for (const char *p = shown; p && *p; p++) {
    switch (*p) {
    case '&': fputs("&amp;", f); break;
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\'': fputs("&#39;", f); break;
    default: fputc(*p, f);
    }
  }
  free(shown);
}

static double xmap(const svg_chart *c, double x) {
  return c->px0 + (x - c->x.lo) / (c->x.hi - c->x.lo) * (c->px1 - c->px0);
}

static double ymap(const svg_chart *c, double y) {
  return c->py1 - (y - c->y.lo) / (c->y.hi - c->y.lo) * (c->py1 - c->py0);
}

static void hline(const svg_chart *c, double y, const char *cls) {
  fprintf(c->f, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cls,
          c->px0, ymap(c, y), c->px1, ymap(c, y));
}

static void vline(const svg_chart *c, double x, const char *cls) {
  fprintf(c->f, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cls,
          xmap(c, x), c->py0, xmap(c, x), c->py1);
}

static void text(const svg_chart *c, double x, double y, const char *cls, const char *anchor,
                 const char *s) {
  fprintf(c->f, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", cls, x, y, anchor);
  svg_escape(c->f, s);
  fputs("</text>\n", c->f);
}

static void y_ticks(const svg_chart *c, double step) {
  tickfmt t = tick_format(c->y.format, c->y.lo, c->y.hi, step);
  char buf[64];
  for (double k = ceil(c->y.lo / step - 1e-9); k * step <= c->y.hi + step * 1e-9; k++) {
    double v = k * step;
    hline(c, v, "svg-grid");
    fmt_tick(buf, sizeof buf, &t, v);
    text(c, c->px0 - 6, ymap(c, v) + 4, "svg-tick", "end", buf);
  }
  if (c->y.lo < 0 && c->y.hi > 0) hline(c, 0, "svg-zero");
}

static void x_tick(const svg_chart *c, double v, const char *label) {
  double x = xmap(c, v), half = CHAR_W * (double)strlen(label) / 2;
  vline(c, v, "svg-grid");
  /* a label that would stick out of the chart on the right ends at its tick */
  text(c, x, c->py1 + 16, "svg-tick", x + half > c->px1 + MR - 2 ? "end" : "middle", label);
}

/* Date ticks at month starts: every 1, 2, 3, 6, 12, 24 ... months, so that
** about 7 fit; 0 when fewer than 2 would (a span under two months). */
static int date_ticks(const svg_chart *c) {
  static const int steps[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200};
  double months = (c->x.hi - c->x.lo) / DAYS_PER_MONTH;
  int step = 1200, n = 0;
  for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
    if (months / steps[i] <= 7) {
      step = steps[i];
      break;
    }
  long d0 = c->x.date0, first = cal_month_start(d0 + (long)floor(c->x.lo), 0);
  for (int pass = 0; pass < 2; pass++)
    for (long k = 0, day = first; day - d0 <= c->x.hi; day = cal_month_start(first, (int)++k)) {
      int y, m, d;
      cal_civil(day, &y, &m, &d);
      if (((long)y * 12 + m - 1) % step != 0 || (double)(day - d0) < c->x.lo) continue;
      if (pass == 0) n++;
      else {
        char buf[16];
        snprintf(buf, sizeof buf, step >= 12 ? "%04d" : "%04d-%02d", y, m);
        x_tick(c, (double)(day - d0), buf);
      }
      if (pass == 0 && n >= 2) break;
    }
  return n >= 2;
}

static void x_ticks(const svg_chart *c) {
  if (c->x.format == SVG_DATE && date_ticks(c)) return;
  double lo = c->x.lo, hi = c->x.hi, step = svg_nice_step(&lo, &hi, 6, 0);
  tickfmt t = tick_format(c->x.format, c->x.lo, c->x.hi, step);
  char buf[64];
  for (double k = ceil(c->x.lo / step - 1e-9); k * step <= c->x.hi + step * 1e-9; k++) {
    if (c->x.format == SVG_DATE) svg_format_value(buf, sizeof buf, k * step, SVG_DATE, c->x.date0);
    else fmt_tick(buf, sizeof buf, &t, k * step);
    x_tick(c, k * step, buf);
  }
}

void svg_begin(svg_chart *c, FILE *f, double width, double height, const svg_axis *x,
               const svg_axis *y, const char *title) {
  memset(c, 0, sizeof *c);
  c->f = f;
  c->x = *x;
  c->y = *y;
  fix_range(&c->x);
  fix_range(&c->y);
  double ystep = svg_nice_step(&c->y.lo, &c->y.hi, 5, c->y.nice);
  if (c->y.whole && ystep < 1) {
    ystep = 1;
    c->y.lo = floor(c->y.lo);
    c->y.hi = ceil(c->y.hi);
  }
  if (c->x.nice) svg_nice_step(&c->x.lo, &c->x.hi, 6, 1);
  c->px0 = ML;
  c->px1 = width - MR;
  c->py0 = MT;
  c->py1 = height - MB;
  c->legend_x = ML;
  c->legend_y = LEGEND_Y;
  fprintf(f,
          "<svg class=\"svg-chart\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
          "role=\"img\">\n<title>",
          width, height, width, height);
  svg_escape(f, title);
  fputs("</title>\n", f);
  text(c, 8, 20, "svg-title", "start", title);
  y_ticks(c, ystep);
  x_ticks(c);
  fprintf(f, "<line class=\"svg-axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", c->px0,
          c->py1, c->px1, c->py1);
  fprintf(f, "<line class=\"svg-axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", c->px0,
          c->py0, c->px0, c->py1);
  text(c, (c->px0 + c->px1) / 2, height - 8, "svg-label", "middle", c->x.label);
  fprintf(f,
          "<text class=\"svg-label\" transform=\"rotate(-90)\" x=\"%.1f\" y=\"16\" "
          "text-anchor=\"middle\">",
          -(c->py0 + c->py1) / 2);
  svg_escape(f, c->y.label);
  fputs("</text>\n", f);
}

static int style_of(int style) { return (style % SVG_NSTYLES + SVG_NSTYLES) % SVG_NSTYLES; }

void svg_line(svg_chart *c, const double *x, const double *y, size_t n, int style, int dashed) {
  size_t i = 0;
  while (i < n) {
    while (i < n && !isfinite(y[i])) i++;
    size_t j = i;
    while (j < n && isfinite(y[j])) j++;
    if (j == i + 1) /* a lone sample: a dot, as a line through it would not show */
      fprintf(c->f, "<circle class=\"svg-s%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>\n",
              style_of(style), xmap(c, x[i]), ymap(c, y[i]));
    else if (j > i) {
      fprintf(c->f, "<path class=\"svg-line%s svg-s%d\" d=\"", dashed ? " svg-dashed" : "",
              style_of(style));
      for (size_t k = i; k < j; k++)
        fprintf(c->f, "%s%.1f %.1f", k == i ? "M" : "L", xmap(c, x[k]), ymap(c, y[k]));
      fputs("\"/>\n", c->f);
    }
    i = j;
  }
}

void svg_band(svg_chart *c, const double *x, const double *lo, const double *hi, size_t n,
              int style, double opacity) {
  size_t i = 0;
  while (i < n) {
    while (i < n && !(isfinite(lo[i]) && isfinite(hi[i]))) i++;
    size_t j = i;
    while (j < n && isfinite(lo[j]) && isfinite(hi[j])) j++;
    if (j > i + 1) {
      fprintf(c->f, "<path class=\"svg-band svg-s%d\" fill-opacity=\"%.2f\" d=\"", style_of(style),
              opacity);
      for (size_t k = i; k < j; k++)
        fprintf(c->f, "%s%.1f %.1f", k == i ? "M" : "L", xmap(c, x[k]), ymap(c, hi[k]));
      for (size_t k = j; k-- > i;) fprintf(c->f, "L%.1f %.1f", xmap(c, x[k]), ymap(c, lo[k]));
      fputs("Z\"/>\n", c->f);
    }
    i = j;
  }
}

void svg_bars(svg_chart *c, const double *edges, const double *count, size_t nbins, int style) {
  for (size_t i = 0; i < nbins; i++) {
    if (!(count[i] > 0)) continue;
    double x0 = xmap(c, edges[i]), x1 = xmap(c, edges[i + 1]), top = ymap(c, count[i]),
           base = ymap(c, 0);
    double w = x1 - x0 > 2 ? x1 - x0 - 1 : x1 - x0; /* a hairline gap between wide bars */
    fprintf(
        c->f,
        "<rect class=\"svg-bar svg-s%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n",
        style_of(style), x0, top, w, base - top);
  }
}

void svg_vline(svg_chart *c, double x, int style, int dashed) {
  if (!(x >= c->x.lo && x <= c->x.hi)) return;
  fprintf(c->f,
          "<line class=\"svg-line%s svg-s%d\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
          dashed ? " svg-dashed" : "", style_of(style), xmap(c, x), c->py0, xmap(c, x), c->py1);
}

void svg_span(svg_chart *c, double x0, double x1, const char *label, int row) {
  if (!(x1 >= c->x.lo) || !(x0 <= c->x.hi)) return;
  double a = xmap(c, fmax(x0, c->x.lo)), b = xmap(c, fmin(x1, c->x.hi));
  fprintf(c->f, "<rect class=\"svg-span\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n",
          a, c->py0, fmax(b - a, 1.0), c->py1 - c->py0);
  if (x0 >= c->x.lo) vline(c, x0, "svg-spanline");
  text(c, a + 3, c->py0 + 11 + 12 * (row % 4), "svg-spanlabel", "start", label);
}

void svg_legend(svg_chart *c, const char *label, int style, svg_key key) {
  double x = c->legend_x, y = c->legend_y;
  int s = style_of(style);
  if (key == SVG_KEY_SPAN)
    fprintf(c->f, "<rect class=\"svg-span\" x=\"%.1f\" y=\"%.1f\" width=\"18\" height=\"10\"/>\n",
            x, y - 9);
  else if (key == SVG_KEY_BAND || key == SVG_KEY_BAND_LIGHT || key == SVG_KEY_BAR)
    fprintf(
        c->f,
        "<rect class=\"svg-band svg-s%d\" fill-opacity=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"18\" "
        "height=\"10\"/>\n",
        s,
        key == SVG_KEY_BAR    ? "0.8"
        : key == SVG_KEY_BAND ? "0.35"
                              : "0.18",
        x, y - 9);
  else
    fprintf(
        c->f,
        "<line class=\"svg-line%s svg-s%d\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
        key == SVG_KEY_DASHED ? " svg-dashed" : "", s, x, y - 4, x + 18, y - 4);
  text(c, x + 22, y, "svg-legend", "start", label);
  c->legend_x = x + 22 + CHAR_W * (double)strlen(label) + 14;
}

void svg_end(svg_chart *c) { fputs("</svg>\n", c->f); }
