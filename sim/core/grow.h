/*
** grow.h -- arrays that grow by doubling.
*/
#ifndef NEOSIM_GROW_H
#define NEOSIM_GROW_H

#include <stddef.h>

/* Make *p, an array of *cap elements of size bytes, hold at least need:
** doubling from 64.  0, or -1 on no memory or overflow (*p unchanged). */
int grow_array(void **p, size_t *cap, size_t need, size_t size);

#endif
