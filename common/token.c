/*
 * token.c — random tokens and SHA-256 through OpenSSL.
 */
#include "common/token.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>

#include "common/err.h"

static void hex(const unsigned char *in, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";

    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * n] = '\0';
}

int token_new(char out[TOKEN_HEX_LEN + 1])
{
    unsigned char raw[TOKEN_HEX_LEN / 2];

    if (RAND_bytes(raw, sizeof raw) != 1)
        return LAB_E_INTERNAL;
    hex(raw, sizeof raw, out);
    return 0;
}

int token_join_code(char *out, size_t len)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; /* 32 symbols */
    unsigned char raw[64];

    if (len >= sizeof raw)
        return LAB_E_RANGE;
    if (RAND_bytes(raw, (int)len) != 1)
        return LAB_E_INTERNAL;
    for (size_t i = 0; i < len; i++)
        out[i] = alphabet[raw[i] & 31];
    out[len] = '\0';
    return 0;
}

void token_sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN + 1])
{
    unsigned char md[32];
    unsigned int mdlen = 0;

    EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL);
    hex(md, 32, out);
}
