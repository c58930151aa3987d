/*
 * validate.h — the submit checks of a student's program, before any SQL runs.
 *
 * The rules for names, ids and codes are not here: they are the one table in
 * common/fields.h, shared with labctl, labclient and the lab loader. This
 * header includes it because the handlers that check a program also size
 * their name buffers with it. SQL meta-characters need no special case: every
 * statement is parameterised.
 */
#ifndef LAB_SERVER_VALIDATE_H
#define LAB_SERVER_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/fields.h"

/* What is wrong with a submitted program, checked before any SQL runs. */
enum code_check {
    CODE_OK,
    CODE_EMPTY,
    CODE_TOO_LARGE, /* more than the configured KiB */
    CODE_NOT_UTF8,  /* invalid UTF-8, or a NUL byte (PostgreSQL text cannot hold one) */
};

/* Check @len bytes of @code against a cap of @max_kib KiB. Size first, so a huge file is not
 * scanned. */
enum code_check submit_code_check(const uint8_t *code, size_t len, uint32_t max_kib);

/*
 * The sentence for a refused program (anything but CODE_OK) into @out:
 * "your program is 65 KiB; the limit is 64 KiB" (sizes rounded up).
 */
void submit_code_text(enum code_check why, size_t len, uint32_t max_kib, char *out, size_t cap);

#endif
