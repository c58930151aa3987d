/*
 * password.c — Argon2id with a random salt from OpenSSL.
 */
#include "common/password.h"

#include <argon2.h>
#include <openssl/rand.h>
#include <string.h>

#include "common/str.h"

/* 19 MiB, 2 passes, 1 lane: OWASP's minimum for Argon2id, about 40 ms here. */
#define T_COST 2
#define M_COST_KIB (19 * 1024)
#define LANES 1

int password_check_policy(const char *pw, struct lab_err *err)
{
    size_t n = strlen(pw);

    if (n < PASSWORD_MIN_LEN)
        return lab_errf(err, LAB_E_PARSE, "the password is too short: use at least %d characters",
                        PASSWORD_MIN_LEN);
    if (n > PASSWORD_MAX_LEN)
        return lab_errf(err, LAB_E_PARSE, "the password is too long: use at most %d characters",
                        PASSWORD_MAX_LEN);
    if (!utf8_valid(pw, n))
        return lab_errf(err, LAB_E_PARSE, "the password contains bytes that are not text");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)pw[i] < 0x20 || pw[i] == 0x7f)
            return lab_errf(err, LAB_E_PARSE, "the password contains a control character");
    return 0;
}

int password_hash(const char *pw, char out[PASSWORD_HASH_CAP])
{
    unsigned char salt[16];
    int rc;

    if (RAND_bytes(salt, sizeof salt) != 1)
        return LAB_E_INTERNAL;
    rc = argon2id_hash_encoded(T_COST, M_COST_KIB, LANES, pw, strlen(pw), salt, sizeof salt, 32,
                               out, PASSWORD_HASH_CAP);
    if (rc == ARGON2_MEMORY_ALLOCATION_ERROR)
        return LAB_E_NOMEM;
    return rc == ARGON2_OK ? 0 : LAB_E_INTERNAL;
}

bool password_verify(const char *hash, const char *pw)
{
    if (strncmp(hash, "$argon2id$", 10) != 0)
        return false;
    return argon2id_verify(hash, pw, strlen(pw)) == ARGON2_OK;
}
