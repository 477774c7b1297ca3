/*
** store_check.h -- what a reader of a results database checks before it
** trusts the file: a crafted or corrupt database (a run at point 10^9, a
** NULL or a blob where a name belongs, a status the schema does not know)
** must end in a message, never in a crash, nor in an allocation sized by a
** number read from it.
**
** The schema's own constraints (NOT NULL, CHECK) hold only for files that
** neosim wrote: anyone can write a file with the same tables and other
** rows.  So every rule here is a query for the first row that breaks it.
*/
#ifndef NEOSIM_STORE_CHECK_H
#define NEOSIM_STORE_CHECK_H

#include <stddef.h>

#include "store.h"

/* The largest point and replication number a database may hold: sweeps
** and replications beyond are refused by the scenario validator long
** before, and C reads both as int. */
#define STORE_MAX_POINT 99999999
#define STORE_MAX_REPLICATION 99999999
/* The longest horizon (the validator's horizon_days): times of series
** and events are days within it of the start. */
#define STORE_MAX_DAYS 365250

/* The runs of version sha and their params and metrics (what compare and
** report read through the views).  Series and events are checked as they
** are read.  0, or -1 with "FILE: not a valid neosim database: TABLE.COLUMN
** of run N is ... (WHAT IT MUST BE)" in err. */
int store_check_version(store *st, const char *sha, char *err, size_t errlen);

/* Every row of every table, and SQLite's own check of the file's
** structure (PRAGMA quick_check): for merge, before anything of the file
** is copied.  0, or -1 with a message as above in err. */
int store_check_file(store *st, char *err, size_t errlen);

#endif
