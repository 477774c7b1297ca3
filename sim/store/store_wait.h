/*
** store_wait.h -- how a connection waits for another process's write lock.
**
** SQLite's busy timeout waits a fixed time, which one long transaction (a
** traced run writing 10^7 events) outlasts.  A connection given a wait
** here waits as long as the process holding the lock makes progress -- the
** database's -wal or the database file itself changes (size or time) --
** and gives up only after idle_s seconds in which neither changed: a
** writer that stopped (a suspended process, an open sqlite3 shell).
*/
#ifndef NEOSIM_STORE_WAIT_H
#define NEOSIM_STORE_WAIT_H

#include <stddef.h>

struct sqlite3;

#define STORE_LOCK_WAIT_S 60.0 /* idle seconds before giving up, by default */

typedef struct store_wait store_wait;

/* Install the busy handler on db, whose main file is path (a file name,
** not a URI); NULL on no memory.  Free it after closing db. */
store_wait *store_wait_on(struct sqlite3 *db, const char *path, double idle_s);
void store_wait_free(store_wait *w); /* NULL is a no-op */

/* After a call failed with SQLITE_BUSY: what the wait saw, for a message
** ("another process holds its write lock and wrote nothing in the last
** 60.0 s of the 61.3 s waited; --lock-wait sets how long").  Empty when the handler never ran. */
void store_wait_describe(const store_wait *w, char *buf, size_t len);

#endif
