/*
** err.h -- error messages.  A function that can fail takes a buffer (err,
** errlen) and fills it with one line saying what went wrong; ERR_LEN is
** the size every such buffer has, so a message is cut the same way
** wherever it travels.
*/
#ifndef NEOSIM_ERR_H
#define NEOSIM_ERR_H

#include <stddef.h>

#define ERR_LEN 2048

/* Format the message into err (errlen bytes, cut to fit) and return -1,
** so that a failing path reads `return err_set(err, errlen, ...);`. */
int err_set(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
