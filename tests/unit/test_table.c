/*
** test_table.c -- the three table formats: alignment (with a multi-byte
** "±"), Markdown escaping and alignment row, CSV quoting.
*/
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "table.h"

/* Print t in fmt into a string (caller frees). */
static char *render(const table *t, table_format fmt) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return NULL;
  table_print(t, fmt, f);
  fclose(f);
  return buf;
}

static int is(char *got, const char *want) {
  int ok = got && strcmp(got, want) == 0;
  if (!ok) fprintf(stderr, "got:\n%s\nwant:\n%s\n", got ? got : "(null)", want);
  free(got);
  return ok;
}

int main(void) {
  static const char *const heads[] = {"point", "metric", "mean"};
  table *t = table_new(heads, 3);
  CHECK(t != NULL);
  if (!t) return CHECK_DONE();
  table_align_right(t, 2);
  const char *r1[] = {"0", "a|b", "1.5 \u00b1 0.2"};
  const char *r2[] = {"10", "x,\"y\"", NULL};
  CHECK(table_add(t, r1) == 0);
  CHECK(table_add(t, r2) == 0);
  CHECK(is(render(t, TABLE_TEXT), "point  metric       mean\n"
                                  "-----  ------  ---------\n"
                                  "0      a|b     1.5 \u00b1 0.2\n"
                                  "10     x,\"y\"            \n"));
  CHECK(is(render(t, TABLE_MD), "| point | metric |      mean |\n"
                                "| ----- | ------ | --------: |\n"
                                "| 0     | a\\|b   | 1.5 \u00b1 0.2 |\n"
                                "| 10    | x,\"y\"  |           |\n"));
  CHECK(is(render(t, TABLE_CSV), "point,metric,mean\n0,a|b,1.5 \u00b1 0.2\n10,\"x,\"\"y\"\"\",\n"));
  table_format f;
  CHECK(table_format_parse("md", &f) == 0 && f == TABLE_MD);
  CHECK(table_format_parse("table", &f) == 0 && f == TABLE_TEXT);
  CHECK(table_format_parse("csv", &f) == 0 && f == TABLE_CSV);
  CHECK(table_format_parse("xml", &f) == -1);
  table_free(t);
  table_free(NULL);
  return CHECK_DONE();
}
