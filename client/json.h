/*
 * json.h — a small streaming JSON writer for `labclient --json`.
 *
 * The client prints exactly one JSON object per run, built into a growing
 * buffer and written in one go, so a failure half-way never leaves half an
 * object on stdout. Strings are escaped for any input bytes: control
 * characters become \u00XX and invalid UTF-8 becomes U+FFFD, so the output
 * is always valid JSON whatever the server sent.
 */
#ifndef LAB_CLIENT_JSON_H
#define LAB_CLIENT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_NEST_MAX 16

struct json {
    char *buf;
    size_t len, cap;
    int depth;
    bool first[JSON_NEST_MAX]; /* nothing written yet at this level */
    bool oom;                  /* an allocation failed: the result is unusable */
};

void json_init(struct json *j);
void json_release(struct json *j);

/* Containers. @key is NULL inside arrays and for the top-level object. */
void json_obj_open(struct json *j, const char *key);
void json_obj_close(struct json *j);
void json_arr_open(struct json *j, const char *key);
void json_arr_close(struct json *j);

/* Values. @key is NULL inside arrays. */
void json_str(struct json *j, const char *key, const char *s);
void json_strn(struct json *j, const char *key, const char *s, size_t len);
void json_i64(struct json *j, const char *key, int64_t v);
void json_u64(struct json *j, const char *key, uint64_t v);
void json_bool(struct json *j, const char *key, bool v);

/*
 * Append @s[0..len) to @j's buffer as a quoted JSON string. Exposed for tests.
 */
void json_escape(struct json *j, const char *s, size_t len);

/* Borrowed NUL-terminated text of what was written so far ("" after OOM). */
const char *json_peek(const struct json *j);

/* Write the buffer and a newline to @f. Returns 0 or LAB_E_NOMEM/-EIO. */
int json_write(const struct json *j, FILE *f);

#endif
