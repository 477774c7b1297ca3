/*
** table.h -- a table of text cells printed three ways: aligned text for a
** terminal, Markdown, or CSV.  For neosim compare and friends.
*/
#ifndef NEOSIM_TABLE_H
#define NEOSIM_TABLE_H

#include <stddef.h>
#include <stdio.h>

typedef enum table_format { TABLE_TEXT = 0, TABLE_MD, TABLE_CSV } table_format;

typedef struct table table;

/* A table with these column headings (copied); NULL when out of memory. */
table *table_new(const char *const *heads, size_t ncols);
void table_free(table *t); /* NULL is a no-op */

/* Right-align column col in text and Markdown (numbers). */
void table_align_right(table *t, size_t col);

/* Append a row of ncols cells (copied; NULL prints empty).  0 or -1 (out
** of memory).  A cell (and a heading) is kept in its shown form (text.h):
** whatever the format, no control character, line breaks included, and
** no byte that is not UTF-8 reaches the output -- in CSV too, whose
** readers want data, not a terminal's escapes; a cell holding such bytes
** reads as their escapes, e.g. "\x1b[2J". */
int table_add(table *t, const char *const *cells);

/* Print t on f: TABLE_TEXT pads columns with two spaces between them and
** underlines the heading; TABLE_MD writes a pipe table ('|' escaped);
** TABLE_CSV quotes cells holding a comma or quote (RFC 4180 quoting; a
** line break is shown as \n, never in a cell; lines end in \n). */
void table_print(const table *t, table_format fmt, FILE *f);

/* "table", "md" or "csv" to a format: 0, or -1 when it is none of them. */
int table_format_parse(const char *s, table_format *out);

#endif
