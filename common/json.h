/*
 * json.h — a small JSON scanner and string writer.
 *
 * Enough JSON for the grading path: the harness writes one JSON object per
 * line, and the grader needs the raw bytes of some values (observations are
 * compared byte for byte) and the decoded text of others. Nothing is
 * allocated while scanning; nesting is capped at JSON_MAX_DEPTH.
 */
#ifndef LAB_COMMON_JSON_H
#define LAB_COMMON_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define JSON_MAX_DEPTH 64

struct json_span {
    const char *p; /* first byte of the value, inside the scanned text */
    size_t len;
};

/* True when @s[0..len) is exactly one JSON value with optional surrounding blanks. */
bool json_valid(const char *s, size_t len);

/*
 * Find the value of @key in the top-level object @s. Returns 0 and fills
 * @out, LAB_E_NOT_FOUND when the key is absent, LAB_E_PARSE when @s is not a
 * JSON object.
 */
int json_get(const char *s, size_t len, const char *key, struct json_span *out) LAB_MUST_USE;

/*
 * Decode a JSON string value into @out (capacity @cap, NUL-terminated, cut
 * at a UTF-8 boundary when it does not fit). \u0000 becomes U+FFFD.
 * Returns 0 or LAB_E_PARSE.
 */
int json_string(const struct json_span *v, char *out, size_t cap) LAB_MUST_USE;

/* Parse an integer value. 0 or LAB_E_PARSE / LAB_E_RANGE. */
int json_int(const struct json_span *v, int64_t *out) LAB_MUST_USE;

/* True for the literal true; false otherwise. */
bool json_is_true(const struct json_span *v);

/*
 * Step through the elements of the JSON array @arr (a span holding exactly one
 * array, as json_get() returns it). Start with *@pos = 0; each call returns 1
 * with @elem set to the next element (nested values whole), 0 after the last
 * one (and on every later call), or LAB_E_PARSE when @arr is not a
 * well-formed array. Elements are found as the walk goes, so a broken array
 * may yield some before LAB_E_PARSE: validate first (json_valid) when that
 * matters. Nothing is allocated; @elem points into @arr.
 */
int json_array_next(const struct json_span *arr, size_t *pos, struct json_span *elem) LAB_MUST_USE;

/* A growable output buffer for building JSON (and other text). */
struct json_out {
    char *buf;
    size_t len, cap;
    bool failed; /* an allocation failed: the text is incomplete */
};

void json_out_init(struct json_out *o);
void json_out_release(struct json_out *o);
void json_out_raw(struct json_out *o, const char *s, size_t len);
void json_out_printf(struct json_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append @s[0..len) as a quoted JSON string: C0, DEL and C1 controls escaped, invalid UTF-8
 * replaced by U+FFFD, so the text is valid JSON and safe to show on a terminal. */
void json_out_str(struct json_out *o, const char *s, size_t len);
/* Append @s[0..len) (UTF-8) as Python's json.dumps(ensure_ascii=True) writes a string:
 * \" \\ \n \r \t \b \f, every other character outside ' '..'~' as \uXXXX (lowercase hex,
 * a surrogate pair above U+FFFF). Invalid UTF-8 becomes \ufffd. The string form of canonical
 * JSON in the grading format. */
void json_out_str_ascii(struct json_out *o, const char *s, size_t len);
/* Ownership: hands the NUL-terminated buffer to the caller (free()), or NULL if it failed. */
char *json_out_take(struct json_out *o);

#endif
