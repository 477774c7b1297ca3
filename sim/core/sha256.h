/*
** sha256.h -- SHA-256 (FIPS 180-4), one-shot and incremental.  Used to
** identify a scenario version by the hash of its source text.  No
** allocation, no global state; a context may be copied.
*/
#ifndef NEOSIM_SHA256_H
#define NEOSIM_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
  uint32_t h[8];         /* chaining state */
  uint64_t bytes;        /* message length so far, in bytes */
  unsigned char buf[64]; /* pending partial block */
  size_t nbuf;           /* bytes pending in buf (< 64) */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
/* Feed len bytes of data (data may be NULL when len is 0). */
void sha256_update(sha256_ctx *c, const void *data, size_t len);
/* Finish: writes the 32-byte digest; c must be re-initialised to reuse. */
void sha256_final(sha256_ctx *c, unsigned char digest[32]);

/* The digest of data as 64 lowercase hex digits and a terminating NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);
/* A digest as 64 lowercase hex digits and a NUL. */
void sha256_to_hex(const unsigned char digest[32], char out[65]);

#endif
