/*
 * password.h — Argon2id password hashing (libargon2), the only way passwords are stored.
 *
 * Hashes are self-describing PHC strings ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"),
 * so parameters can be raised later without breaking old accounts.
 */
#ifndef LAB_COMMON_PASSWORD_H
#define LAB_COMMON_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"

#define PASSWORD_MIN_LEN 8
#define PASSWORD_MAX_LEN 128
#define PASSWORD_HASH_CAP 128

/*
 * Check the policy (length, UTF-8, no control characters). Returns 0 or
 * LAB_E_PARSE with a sentence a student can act on in @err.
 */
int password_check_policy(const char *pw, struct lab_err *err) LAB_MUST_USE;

/* Hash @pw into @out (PASSWORD_HASH_CAP bytes). 0, LAB_E_INTERNAL or LAB_E_NOMEM. Slow on purpose
 * (~50 ms). */
int password_hash(const char *pw, char out[PASSWORD_HASH_CAP]) LAB_MUST_USE;

/* True when @pw matches @hash; false for a wrong password or a malformed hash. */
bool password_verify(const char *hash, const char *pw);

#endif
