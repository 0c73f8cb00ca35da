/* sha256.h - SHA-256 (FIPS 180-4) and base64 (RFC 4648), for the page's
 * Content-Security-Policy, which names its inline script and style by the
 * base64 of their SHA-256 ("'sha256-...'"). One pass over the bytes, no
 * allocation. */
#ifndef LADDERC_SHA256_H
#define LADDERC_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum { SHA256_BYTES = 32 };

/* The digest of data[0..n). */
void sha256(const void *data, size_t n, unsigned char out[SHA256_BYTES]);

/* data[0..n) in base64 with padding ('=') appended to b. */
void sha256_base64_put(struct buf *b, const unsigned char *data, size_t n);

#endif
