/*
** store_names.h -- a table from names to integer ids, open addressing by
** FNV-1a.  store.c keeps the ids of series names a connection has seen in
** series_names (it writes series_data rows by id): ids stay valid while
** the rows that gave them are committed, and the writer empties the table
** when a transaction that may have added names rolls back.  compare_data.c
** finds a metric's column by its name.
*/
#ifndef NEOSIM_STORE_NAMES_H
#define NEOSIM_STORE_NAMES_H

#include <stdint.h>

typedef struct store_names store_names;

store_names *store_names_new(void);    /* NULL on no memory */
void store_names_free(store_names *t); /* NULL is a no-op */

/* The id of name, or -1 when the table does not have it. */
int64_t store_names_get(const store_names *t, const char *name);
/* Remember name's id: 0, or -1 on no memory (the table is unchanged). */
int store_names_put(store_names *t, const char *name, int64_t id);
/* Forget every name. */
void store_names_clear(store_names *t);

#endif
