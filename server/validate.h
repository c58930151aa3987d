/*
 * validate.h — field rules for what students and instructors type.
 *
 * Pure predicates used by the handlers before any SQL runs. They mirror the
 * CHECK constraints in schema/0001_core.sql, so a refused value gets a clear
 * sentence instead of a constraint violation. SQL meta-characters need no
 * special case: every statement is parameterised, and these rules either
 * accept a value as plain data or refuse it with a reason.
 */
#ifndef LAB_SERVER_VALIDATE_H
#define LAB_SERVER_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define USERNAME_MAX 32
#define COHORT_NAME_MAX 48
#define LAB_ID_MAX 64
#define DISPLAY_NAME_MAX 64 /* characters */
#define JOIN_CODE_MAX 32
#define JOIN_CODE_LEN 8     /* what cohort_create hands out */

/* ^[a-z0-9][a-z0-9_.-]{1,31}$ */
bool valid_username(const char *s);

/* ^[a-z0-9][a-z0-9_.-]{1,47}$ */
bool valid_cohort_name(const char *s);

/* ^[a-z0-9][a-z0-9_.-]{0,63}$ */
bool valid_lab_id(const char *s);

/* 1..64 characters of UTF-8 text with no control characters. */
bool valid_display_name(const char *s);

/* 64 lowercase hex digits (token_new's format). */
bool valid_token(const char *s);

/*
 * Normalise a join code as typed: trims spaces, upper-cases, and accepts
 * 4..32 letters and digits. Writes @out (JOIN_CODE_MAX + 1 bytes).
 * Returns false when it is not shaped like a join code.
 */
bool join_code_normalize(const char *in, char out[JOIN_CODE_MAX + 1]);

/* What is wrong with a submitted program, checked before any SQL runs. */
enum code_check {
    CODE_OK,
    CODE_EMPTY,
    CODE_TOO_LARGE, /* more than the configured KiB */
    CODE_NOT_UTF8,  /* invalid UTF-8, or a NUL byte (PostgreSQL text cannot hold one) */
};

/* Check @len bytes of @code against a cap of @max_kib KiB. Size first, so a huge file is not scanned. */
enum code_check submit_code_check(const uint8_t *code, size_t len, uint32_t max_kib);

/*
 * The sentence for a refused program (anything but CODE_OK) into @out:
 * "your program is 65 KiB; the limit is 64 KiB" (sizes rounded up).
 */
void submit_code_text(enum code_check why, size_t len, uint32_t max_kib, char *out, size_t cap);

#endif
