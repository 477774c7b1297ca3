/*
** test_svg.c -- the chart primitives: nice steps, value and tick formats,
** escaping, date ticks, gaps in lines and bands, whole-number ticks,
** balanced output and the same bytes for the same calls.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "check.h"
#include "svg.h"

/* What fn wrote, in a malloc'd string. */
static char *capture(void (*fn)(FILE *f)) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return NULL;
  fn(f);
  fclose(f);
  return buf;
}

static int count(const char *s, const char *part) {
  int n = 0;
  for (const char *p = s; p && (p = strstr(p, part)); p += strlen(part)) n++;
  return n;
}

static int has(const char *s, const char *part) { return s && strstr(s, part) != NULL; }

static const char *fmt(double v, svg_format f) {
  static char buf[8][64];
  static int k;
  char *b = buf[k++ & 7];
  svg_format_value(b, sizeof buf[0], v, f, cal_days(2025, 1, 1));
  return b;
}

static void test_nice(void) {
  double lo = 0, hi = 97;
  CHECK_NEAR(svg_nice_step(&lo, &hi, 5, 1), 20, 1e-12);
  CHECK(lo == 0 && hi == 100);
  lo = -3.2e6;
  hi = 1.7e7;
  CHECK_NEAR(svg_nice_step(&lo, &hi, 5, 1), 5e6, 1e-6);
  CHECK(lo == -5e6 && hi == 2e7);
  lo = 0.13;
  hi = 0.87;
  CHECK_NEAR(svg_nice_step(&lo, &hi, 6, 0), 0.1, 1e-12);
  CHECK(lo == 0.13 && hi == 0.87); /* not widened */
  lo = 0;
  hi = 1;
  CHECK_NEAR(svg_nice_step(&lo, &hi, 4, 1), 0.25, 1e-12);
}

static void test_format(void) {
  CHECK(strcmp(fmt(1234567, SVG_DOLLARS), "$1.23M") == 0);
  CHECK(strcmp(fmt(-2e8, SVG_DOLLARS), "-$200M") == 0);
  CHECK(strcmp(fmt(3e9, SVG_DOLLARS), "$3B") == 0);
  CHECK(strcmp(fmt(1.5e12, SVG_DOLLARS), "$1500B") == 0);
  CHECK(strcmp(fmt(1500, SVG_DOLLARS), "$1.5K") == 0);
  CHECK(strcmp(fmt(999, SVG_DOLLARS), "$999") == 0);
  CHECK(strcmp(fmt(0, SVG_DOLLARS), "$0") == 0);
  CHECK(strcmp(fmt(2.35, SVG_DOLLARS), "$2.35") == 0);
  CHECK(strcmp(fmt(0.456, SVG_PERCENT), "45.6%") == 0);
  CHECK(strcmp(fmt(0.05, SVG_PERCENT), "5%") == 0);
  CHECK(strcmp(fmt(1, SVG_PERCENT), "100%") == 0);
  CHECK(strcmp(fmt(12500, SVG_NUMBER), "12.5K") == 0);
  CHECKF(strcmp(fmt((double)NAN, SVG_DOLLARS), "n/a") == 0, "%s", fmt((double)NAN, SVG_DOLLARS));
  CHECK(strcmp(fmt(31, SVG_DATE), "2025-02-01") == 0);
  CHECK(strcmp(fmt(365.9, SVG_DATE), "2026-01-01") == 0);
}

static void write_escaped(FILE *f) {
  svg_escape(f, "<a href='x'>&\"</a>\x01\tok\n\x1b[2J\x7f\xc2\x9b\xff\xc3\xa9");
}

/* Entities, and controls, C1 and bytes that are not UTF-8 as text.h escapes. */
static void test_escape(void) {
  char *s = capture(write_escaped);
  CHECKF(s && strcmp(s, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\\x01\tok\n"
                        "\\x1b[2J\\x7f\\xc2\\x9b\\xff\xc3\xa9") == 0,
         "%s", s);
  free(s);
}

/* A chart of 2 years from 2025-01-01 with money on y: a line with a gap
** and a lone sample, a band with a gap, a span, a legend. */
static void money_chart(FILE *f) {
  static const double x[] = {0, 100, 200, 300, 400, 500, 600, 730};
  static const double y[] = {1e5, 3e5, (double)NAN, 5e5, 7e5, (double)NAN, 9e5, (double)NAN};
  static const double lo[] = {0, 1e5, 2e5, (double)NAN, 4e5, 5e5, 6e5, 7e5};
  svg_axis xa = {
      .lo = 0, .hi = 730, .format = SVG_DATE, .date0 = cal_days(2025, 1, 1), .label = "date"};
  svg_axis ya = {.lo = 0, .hi = 9.3e5, .format = SVG_DOLLARS, .nice = 1, .label = "cash ($)"};
  svg_chart c;
  svg_begin(&c, f, 560, 300, &xa, &ya, "Cash <test>");
  svg_line(&c, x, y, 8, 0, 0);
  svg_band(&c, x, lo, y, 8, 1, 0.2);
  svg_span(&c, 700, (double)INFINITY, "late & long", 0);
  svg_span(&c, 800, 900, "after the end", 1);
  svg_legend(&c, "median", 0, SVG_KEY_LINE);
  svg_legend(&c, "band", 1, SVG_KEY_BAND);
  svg_end(&c);
}

static void test_chart(void) {
  char *s = capture(money_chart), *again = capture(money_chart);
  CHECK(s && again && strcmp(s, again) == 0); /* the same bytes */
  CHECK(count(s, "<svg") == 1 && count(s, "</svg>") == 1);
  CHECK(count(s, "<text") == count(s, "</text>"));
  CHECK(has(s, "<title>Cash &lt;test&gt;</title>"));
  CHECK(!has(s, "http"));
  /* y: 0 to 1M in steps of 0.2M, one unit and decimals for all */
  CHECK(has(s, ">$0</text>") && has(s, ">$0.2M</text>") && has(s, ">$1.0M</text>"));
  CHECK(!has(s, ">$1.2M</text>"));
  CHECK(has(s, ">cash ($)</text>") && has(s, ">date</text>"));
  /* x: 24 months, ticks every 6 months, January and July */
  CHECK(has(s, ">2025-01</text>") && has(s, ">2025-07</text>") && has(s, ">2026-07</text>"));
  CHECK(has(s, ">2027-01</text>") && !has(s, ">2025-04</text>"));
  CHECK(has(s, "text-anchor=\"end\">2027-01</text>")); /* the last label stays inside */
  /* the line: (0,100), (300,400) two paths; 600 alone a dot */
  CHECK(count(s, "class=\"svg-line svg-s0\" d=") == 2);
  CHECK(count(s, "<circle") == 1);
  /* the band: finite both at 0,100 / 400 / 600 -> one path (0-100); 400 and 600 alone */
  CHECK(count(s, "class=\"svg-band svg-s1\" fill-opacity=\"0.20\"") == 1);
  /* spans: the one past the end is left out */
  CHECK(has(s, ">late &amp; long</text>") && !has(s, "after the end"));
  CHECK(count(s, "class=\"svg-span\"") == 1);
  CHECK(has(s, ">median</text>") && has(s, ">band</text>"));
  free(s);
  free(again);
}

static void count_chart(FILE *f) {
  static const double edges[] = {-2e6, -1e6, 0, 1e6}, n[] = {1, 0, 3};
  svg_axis xa = {.lo = -2e6, .hi = 1e6, .format = SVG_DOLLARS, .label = "NPV ($)"};
  svg_axis ya = {
      .lo = 0, .hi = 3, .format = SVG_NUMBER, .nice = 1, .whole = 1, .label = "runs (count)"};
  svg_chart c;
  svg_begin(&c, f, 560, 300, &xa, &ya, "NPV");
  svg_bars(&c, edges, n, 3, 0);
  svg_vline(&c, 5e5, 1, 1);
  svg_vline(&c, 5e6, 1, 1); /* outside: nothing */
  svg_end(&c);
}

static void test_counts(void) {
  char *s = capture(count_chart);
  CHECK(has(s, ">0</text>") && has(s, ">1</text>") && has(s, ">3</text>"));
  CHECK(!has(s, ">0.5</text>") && !has(s, ">2.5</text>"));
  CHECK(count(s, "<rect class=\"svg-bar") == 2); /* the empty bin draws nothing */
  CHECK(count(s, "svg-line svg-dashed svg-s1") == 1);
  CHECK(has(s, ">-$2.0M</text>") && has(s, ">-$0.5M</text>") && has(s, ">$1.0M</text>"));
  free(s);
}

/* Empty and non-finite ranges still give a drawable chart. */
static void flat_chart(FILE *f) {
  svg_axis xa = {.lo = 5, .hi = 5, .format = SVG_NUMBER, .label = "x"};
  svg_axis ya = {.lo = (double)NAN, .hi = 1, .format = SVG_PERCENT, .nice = 1, .label = "y"};
  svg_chart c;
  svg_begin(&c, f, 300, 200, &xa, &ya, "flat");
  CHECK(c.x.hi > c.x.lo && c.y.hi > c.y.lo);
  svg_end(&c);
}

static void test_flat(void) {
  char *s = capture(flat_chart);
  CHECK(s && !has(s, "nan") && !has(s, "inf"));
  free(s);
}

int main(void) {
  test_nice();
  test_format();
  test_escape();
  test_chart();
  test_counts();
  test_flat();
  return CHECK_DONE();
}
