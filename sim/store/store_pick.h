/*
** store_pick.h -- which scenario version of a results database a reading
** command (compare, report) is about: --scenario NAME or SHA-prefix, or the
** only one there is.
*/
#ifndef NEOSIM_STORE_PICK_H
#define NEOSIM_STORE_PICK_H

#include <stddef.h>

#include "store.h"

typedef struct store_version {
  char sha256[65];
  char name[256]; /* for display: a longer name is cut here (never compared) */
  long runs_done, runs_failed;
} store_version;

/* Choose the version of st that want names:
**  - want NULL: the one version with runs; several is an error listing
**    them (name, SHA-256 prefix, runs) and saying how to choose;
**  - want a name: the most recently stored version of that name; when
**    there are several, a note on stderr says which one was taken;
**  - want 4 to 64 hex digits: the version whose SHA-256 starts so
**    (unique, else an error listing the candidates).
** The version's runs, params and metrics are then checked
** (store_check_version).  0 with *out filled, or -1 with a message naming
** the file in err. */
int store_pick_scenario(store *st, const char *want, store_version *out, char *err, size_t errlen);

#endif
