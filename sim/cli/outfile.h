/*
** outfile.h -- write a finished document (a report page) to the path a
** user gave, the way the user means it:
**   "-"                      standard output;
**   absent, or a regular file: a temporary file beside it, renamed over
**                            it once complete (a reader never sees half a
**                            page, and a failure leaves the old file);
**   anything else            (a symlink, a device such as /dev/null, a
**                            FIFO): opened and written, never replaced.
** The temporary file is PATH.tmp.XXXXXX, locked while it is written; one
** left by a writer that was killed is removed by the next write to PATH.
*/
#ifndef NEOSIM_OUTFILE_H
#define NEOSIM_OUTFILE_H

#include <stddef.h>

/* Write the n bytes of buf to path.  0, or -1 with "cannot write 'PATH':
** why" in err. */
int outfile_write(const char *path, const char *buf, size_t n, char *err, size_t errlen);

#endif
