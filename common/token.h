/*
 * token.h — random secrets (session tokens, join codes) and their hashes.
 * OpenSSL's RAND_bytes is the only source of randomness for secrets.
 */
#ifndef LAB_COMMON_TOKEN_H
#define LAB_COMMON_TOKEN_H

#include <stddef.h>

#define TOKEN_HEX_LEN 64 /* 32 random bytes as hex */
#define SHA256_HEX_LEN 64

/* Fill @out (TOKEN_HEX_LEN + 1 bytes) with a random hex token. 0 or LAB_E_INTERNAL. */
int token_new(char out[TOKEN_HEX_LEN + 1]);

/* A join code a teacher can read aloud: @len chars from an alphabet without 0/O/1/I. */
int token_join_code(char *out, size_t len);

/* SHA-256 of @data as lowercase hex into @out. */
void token_sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN + 1]);

#endif
