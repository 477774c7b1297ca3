/*
** table.c -- text cells as aligned text, Markdown or CSV.
*/
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "text.h"

struct table {
  size_t ncols, nrows, cap;
  char **cells; /* row-major, nrows + 1 rows: row 0 is the heading */
  int *right;
};

/* A cell as it is printed: its shown form (text.h), in every format. */
static char *dup(const char *s) { return s ? text_dup(s, strlen(s), TEXT_LINE) : strdup(""); }

table *table_new(const char *const *heads, size_t ncols) {
  table *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  t->ncols = ncols;
  t->right = calloc(ncols ? ncols : 1, sizeof *t->right);
  if (!t->right || table_add(t, heads)) {
    table_free(t);
    return NULL;
  }
  return t; /* the heading is row 0 of cells, not a data row */
}

void table_free(table *t) {
  if (!t) return;
  for (size_t i = 0; i < (t->nrows + 1) * t->ncols && t->cells; i++) free(t->cells[i]);
  free(t->cells);
  free(t->right);
  free(t);
}

void table_align_right(table *t, size_t col) {
  if (col < t->ncols) t->right[col] = 1;
}

int table_add(table *t, const char *const *cells) {
  size_t have = t->cells ? t->nrows + 1 : 0; /* rows stored, heading included */
  if (have + 1 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 16;
    char **n = realloc(t->cells, cap * t->ncols * sizeof *n);
    if (!n) return -1;
    t->cells = n;
    t->cap = cap;
  }
  char **row = t->cells + have * t->ncols;
  for (size_t c = 0; c < t->ncols; c++) {
    if (!(row[c] = dup(cells[c]))) {
      while (c--) free(row[c]);
      return -1;
    }
  }
  if (have) t->nrows++;
  return 0;
}

/* Display width: UTF-8 continuation bytes take no column (the "±");
** in Markdown a '|' takes two (it is escaped). */
static size_t width(const char *s, int md) {
  size_t w = 0;
  for (; *s; s++) w += (((unsigned char)*s & 0xC0) != 0x80) + (md && *s == '|');
  return w;
}

static void pad(FILE *f, size_t n) {
  while (n--) fputc(' ', f);
}

static void print_text(const table *t, int md, FILE *f) {
  size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
  if (!w) return;
  for (size_t r = 0; r <= t->nrows; r++)
    for (size_t c = 0; c < t->ncols; c++) {
      size_t n = width(t->cells[r * t->ncols + c], md);
      if (n > w[c]) w[c] = n;
    }
  for (size_t r = 0; r <= t->nrows; r++) {
    for (size_t c = 0; c < t->ncols; c++) {
      const char *s = t->cells[r * t->ncols + c];
      size_t gap = w[c] - width(s, md);
      if (md) fputs(c ? " | " : "| ", f);
      else if (c) fputs("  ", f);
      if (t->right[c]) pad(f, gap);
      for (; *s; s++) {
        if (md && *s == '|') fputc('\\', f);
        fputc(*s, f);
      }
      if (!t->right[c] && (md || c + 1 < t->ncols)) pad(f, gap);
    }
    fputs(md ? " |\n" : "\n", f);
    if (r == 0)
      for (size_t c = 0; c < t->ncols; c++) {
        if (md) fputs(c ? " | " : "| ", f);
        else if (c) fputs("  ", f);
        for (size_t k = 0; k < w[c]; k++) fputc(md && t->right[c] && k + 1 == w[c] ? ':' : '-', f);
        if (c + 1 == t->ncols) fputs(md ? " |\n" : "\n", f);
      }
  }
  free(w);
}

static void print_csv(const table *t, FILE *f) {
  for (size_t r = 0; r <= t->nrows; r++)
    for (size_t c = 0; c < t->ncols; c++) {
      const char *s = t->cells[r * t->ncols + c];
      if (strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        for (; *s; s++) {
          if (*s == '"') fputc('"', f);
          fputc(*s, f);
        }
        fputc('"', f);
      } else {
        fputs(s, f);
      }
      fputs(c + 1 < t->ncols ? "," : "\n", f);
    }
}

void table_print(const table *t, table_format fmt, FILE *f) {
  if (fmt == TABLE_CSV) print_csv(t, f);
  else print_text(t, fmt == TABLE_MD, f);
}

int table_format_parse(const char *s, table_format *out) {
  static const char *const names[] = {"table", "md", "csv"};
  for (int i = 0; i < 3; i++)
    if (strcmp(s, names[i]) == 0) {
      *out = (table_format)i;
      return 0;
    }
  return -1;
}
