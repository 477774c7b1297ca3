/*
** svg.h -- charts as inline SVG (for the HTML report): a plot frame with
** a title, axes with "nice" ticks and tick labels (dollars with K/M/B,
** percent, plain numbers, dates), axis titles with units and a legend; then
** lines, bands, histogram bars and marked time spans in data coordinates.
** Pure C: writes text to a FILE, knows nothing of SQL or of the page around
** it.  The same calls give the same bytes (coordinates are printed with a
** fixed number of decimals), so a report is reproducible.
*/
#ifndef NEOSIM_SVG_H
#define NEOSIM_SVG_H

#include <stddef.h>
#include <stdio.h>

/* How the values of an axis (and of svg_format_value) are written. */
typedef enum svg_format {
  SVG_NUMBER,  /* 1250 as 1.25K, 0.25 as 0.25 */
  SVG_DOLLARS, /* 1.5e6 as $1.5M, -2e8 as -$200M, 3e9 as $3B */
  SVG_PERCENT, /* a fraction: 0.4 as 40% */
  SVG_DATE     /* days since day number date0 (calendar.h): YYYY-MM or YYYY ticks */
} svg_format;

typedef struct svg_axis {
  double lo, hi;     /* the data range to show */
  svg_format format; /* of the tick labels */
  long date0;        /* SVG_DATE only: the day number of day 0 */
  int nice;          /* 1: widen [lo, hi] to whole tick steps (y axes); 0: keep it (time) */
  int whole;         /* 1: ticks at whole numbers only (counts) */
  const char *label; /* the axis title with its unit, e.g. "cash ($)"; borrowed */
} svg_axis;

/* A chart being written, between svg_begin and svg_end.  The caller
** fills nothing: svg_begin sets every field. */
typedef struct svg_chart {
  FILE *f;
  svg_axis x, y;   /* as given, lo/hi widened (empty ranges, nice) */
  double px0, px1; /* the plot area in px: left, right */
  double py0, py1; /* top, bottom */
  double legend_x; /* where the next legend entry goes */
  double legend_y;
} svg_chart;

/* Styles of the drawing calls: a colour of the palette (svg_css has
** SVG_NSTYLES of them; larger values wrap around). */
#define SVG_NSTYLES 6

/* Legend keys. */
typedef enum svg_key {
  SVG_KEY_LINE,       /* a line */
  SVG_KEY_DASHED,     /* a dashed line */
  SVG_KEY_BAND,       /* a band drawn with opacity about 0.35 (or two of 0.18 on each other) */
  SVG_KEY_BAND_LIGHT, /* a band of opacity about 0.18 */
  SVG_KEY_BAR,        /* histogram bars */
  SVG_KEY_SPAN        /* a span of svg_span */
} svg_key;

/* The CSS the charts need (classes .svg-*), to put once in the page's
** <style>: colours of the styles, fonts, grid and axis lines. */
extern const char svg_css[];

/* Open a chart of width x height px on f: <svg> with a <title>, the
** visible title (both escaped), grid lines, ticks and their labels, the
** axis titles.  Empty or non-finite ranges are widened to something
** drawable. */
void svg_begin(svg_chart *c, FILE *f, double width, double height, const svg_axis *x,
               const svg_axis *y, const char *title);

/* A polyline through (x[i], y[i]), i < n, in style; a NaN y leaves a gap.
** dashed: 1 for a dashed line. */
void svg_line(svg_chart *c, const double *x, const double *y, size_t n, int style, int dashed);

/* A filled band between lo[i] and hi[i] at x[i], i < n; points where
** either is NaN split it.  opacity in (0, 1]. */
void svg_band(svg_chart *c, const double *x, const double *lo, const double *hi, size_t n,
              int style, double opacity);

/* Histogram: bar i spans edges[i]..edges[i + 1] with height count[i]
** (edges has nbins + 1 entries). */
void svg_bars(svg_chart *c, const double *edges, const double *count, size_t nbins, int style);

/* A vertical line at x across the plot (dashed or not), in style. */
void svg_vline(svg_chart *c, double x, int style, int dashed);

/* A marked span of x (a shock from x0 to x1; x1 may be INFINITY): a shaded
** band with a line at x0 and label (escaped) at the top of the plot, on
** text row `row` (0, 1, 2 ... to keep overlapping labels apart).  Parts
** outside the x range are cut off. */
void svg_span(svg_chart *c, double x0, double x1, const char *label, int row);

/* One legend entry (label escaped) after the previous ones, above the plot. */
void svg_legend(svg_chart *c, const char *label, int style, svg_key key);

/* Close the chart (</svg>). */
void svg_end(svg_chart *c);

/* Write s on f escaped for XML and HTML text and attribute values: its
** shown form (text.h, newlines and tabs kept: controls, DEL, C1 controls
** and bytes that are not UTF-8 are invalid in both, and read as escapes
** such as \x1b), then & < > " ' as entities.  NULL (or no memory for the
** shown form) writes nothing. */
void svg_escape(FILE *f, const char *s);

/* Format v into buf (len bytes) as an axis of this format would, with
** three significant digits: 1234567 -> "$1.23M" (SVG_DOLLARS), 0.456 ->
** "45.6%" (SVG_PERCENT); NaN -> "n/a".  SVG_DATE formats a day number
** relative to date0 as YYYY-MM-DD. */
void svg_format_value(char *buf, size_t len, double v, svg_format format, long date0);

/* Nice ticks for [lo, hi] (lo < hi): a step of 1, 2, 2.5 or 5 times a
** power of ten giving about `target` intervals.  Returns the step; with
** widen, *lo and *hi are moved out to multiples of it. */
double svg_nice_step(double *lo, double *hi, int target, int widen);

#endif
