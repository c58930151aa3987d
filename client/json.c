/*
 * json.c — see json.h. Strings are escaped by common/json.c (C0, DEL and C1
 * controls escaped, invalid UTF-8 replaced by U+FFFD).
 */
#include "client/json.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/json.h"

void json_init(struct json *j)
{
    memset(j, 0, sizeof *j);
    j->first[0] = true;
}

void json_release(struct json *j)
{
    free(j->buf);
    memset(j, 0, sizeof *j);
}

static void put(struct json *j, const char *s, size_t n)
{
    if (j->oom)
        return;
    if (j->len + n + 1 > j->cap) {
        size_t cap = j->cap ? j->cap : 256;
        char *b;

        while (cap < j->len + n + 1)
            cap *= 2;
        b = realloc(j->buf, cap);
        if (!b) {
            j->oom = true;
            return;
        }
        j->buf = b;
        j->cap = cap;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
    j->buf[j->len] = '\0';
}

static void puts_(struct json *j, const char *s)
{
    put(j, s, strlen(s));
}

void json_escape(struct json *j, const char *s, size_t len)
{
    struct json_out o;

    /* The project's one escaper (common/json.c); this writer only adds structure. */
    json_out_init(&o);
    json_out_str(&o, s, len);
    if (o.failed)
        j->oom = true;
    else
        put(j, o.buf, o.len);
    json_out_release(&o);
}

/* Comma and key before a value at the current level. */
static void member(struct json *j, const char *key)
{
    if (!j->first[j->depth])
        put(j, ",", 1);
    j->first[j->depth] = false;
    if (key) {
        json_escape(j, key, strlen(key));
        put(j, ":", 1);
    }
}

static void open_(struct json *j, const char *key, const char *bracket)
{
    if (j->len > 0 || j->depth > 0)
        member(j, key);
    puts_(j, bracket);
    if (j->depth + 1 < JSON_NEST_MAX) {
        j->depth++;
        j->first[j->depth] = true;
    } else {
        j->oom = true; /* nesting this deep is a bug in the caller */
    }
}

static void close_(struct json *j, const char *bracket)
{
    puts_(j, bracket);
    if (j->depth > 0)
        j->depth--;
}

void json_obj_open(struct json *j, const char *key)
{
    open_(j, key, "{");
}

void json_obj_close(struct json *j)
{
    close_(j, "}");
}

void json_arr_open(struct json *j, const char *key)
{
    open_(j, key, "[");
}

void json_arr_close(struct json *j)
{
    close_(j, "]");
}

void json_strn(struct json *j, const char *key, const char *s, size_t len)
{
    member(j, key);
    json_escape(j, s ? s : "", s ? len : 0);
}

void json_str(struct json *j, const char *key, const char *s)
{
    json_strn(j, key, s, s ? strlen(s) : 0);
}

void json_i64(struct json *j, const char *key, int64_t v)
{
    char tmp[32];

    member(j, key);
    snprintf(tmp, sizeof tmp, "%" PRId64, v);
    puts_(j, tmp);
}

void json_u64(struct json *j, const char *key, uint64_t v)
{
    char tmp[32];

    member(j, key);
    snprintf(tmp, sizeof tmp, "%" PRIu64, v);
    puts_(j, tmp);
}

void json_bool(struct json *j, const char *key, bool v)
{
    member(j, key);
    puts_(j, v ? "true" : "false");
}

const char *json_peek(const struct json *j)
{
    return j->buf && !j->oom ? j->buf : "";
}

int json_write(const struct json *j, FILE *f)
{
    if (j->oom)
        return LAB_E_NOMEM;
    if (fwrite(j->buf ? j->buf : "", 1, j->len, f) != j->len || fputc('\n', f) == EOF ||
        fflush(f) != 0)
        return -EIO;
    return 0;
}
