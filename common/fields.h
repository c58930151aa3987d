/*
 * fields.h — the one table of field rules: what a username, a cohort name, a
 * lab id, a display name, a join code and a session token may look like.
 *
 * labserver (server/h_*.c), labctl (ctl/), the lab loader (grade/labdir.c)
 * and labclient (client/) all call field_ok() on this table, so a value one
 * program accepts is never refused by another. The rules mirror the CHECK
 * constraints in schema/0001_core.sql; the lab id rule is also written in
 * Python in sandbox/harness/labini.py (the harness cannot call C), which must
 * be changed together with this table.
 */
#ifndef LAB_COMMON_FIELDS_H
#define LAB_COMMON_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

/* Sizes in bytes, except DISPLAY_NAME_MAX (characters). Buffers are MAX + 1. */
#define USERNAME_MAX 32
#define COHORT_NAME_MAX 48
#define LAB_ID_MAX 64
#define DISPLAY_NAME_MAX 64 /* characters; up to 4 bytes each */
#define JOIN_CODE_MIN 4
#define JOIN_CODE_MAX 32
#define JOIN_CODE_LEN 8 /* what cohort creation hands out */
#define TOKEN_HEX_LEN 64

enum field {
    FIELD_USERNAME,     /* ^[a-z0-9][a-z0-9_.-]{1,31}$ */
    FIELD_COHORT_NAME,  /* ^[a-z0-9][a-z0-9_.-]{1,47}$ */
    FIELD_LAB_ID,       /* ^[a-z0-9][a-z0-9_.-]{0,63}$ */
    FIELD_DISPLAY_NAME, /* 1..64 characters of UTF-8, no C0, DEL or C1 control */
    FIELD_JOIN_CODE,    /* 4..32 of [A-Z0-9], as stored (see field_join_code_normalize) */
    FIELD_TOKEN,        /* 64 lowercase hex digits (token_new's format) */
    FIELD_COUNT
};

/* One row of the table. */
struct field_rule {
    const char *name; /* "username", for messages and tests */
    size_t min, max;  /* length bounds: bytes, or characters for display names */
    const char
        *text; /* the rule as a sentence for a refusal: "2-32 characters of a-z 0-9 _ . -, ..." */
};

/* The row for @f (a valid enum value). */
const struct field_rule *field_rule(enum field f);

/* True when the NUL-terminated @s obeys the rule of @f. */
bool field_ok(enum field f, const char *s);

/*
 * Normalise a join code as typed: trims spaces, upper-cases, and accepts
 * JOIN_CODE_MIN..JOIN_CODE_MAX letters and digits. Writes @out
 * (JOIN_CODE_MAX + 1 bytes). Returns false when it is not shaped like a join code.
 */
bool field_join_code_normalize(const char *in, char out[JOIN_CODE_MAX + 1]);

#endif
