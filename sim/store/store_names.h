/*
** store_names.h -- the ids of series names a connection has seen in
** series_names (store.c writes series_data rows by id): a table from
** name to id, open addressing by FNV-1a.  Ids stay valid while the rows
** that gave them are committed; the writer empties the table when a
** transaction that may have added names rolls back.
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
