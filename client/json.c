/*
 * json.c — see json.h. Escaping follows RFC 8259: ", \ and C0 controls are
 * escaped, DEL and C1 controls too (they would reach a terminal if someone
 * pipes the output to one), invalid UTF-8 is replaced by U+FFFD.
 */
#include "client/json.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"

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

/* Length of a valid UTF-8 sequence at @p, or 0. Mirrors common/str.c's rules. */
static size_t utf8_len(const unsigned char *p, size_t left)
{
    size_t n;
    uint32_t cp;

    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xc2 && p[0] <= 0xdf)
        n = 2, cp = p[0] & 0x1f;
    else if (p[0] >= 0xe0 && p[0] <= 0xef)
        n = 3, cp = p[0] & 0x0f;
    else if (p[0] >= 0xf0 && p[0] <= 0xf4)
        n = 4, cp = p[0] & 0x07;
    else
        return 0;
    if (n > left)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

void json_escape(struct json *j, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    char tmp[8];

    put(j, "\"", 1);
    while (i < len) {
        unsigned char c = p[i];
        size_t n;

        if (c == '"' || c == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)c;
            put(j, tmp, 2);
            i++;
            continue;
        }
        if (c < 0x20 || c == 0x7f) {
            switch (c) {
            case '\n':
                puts_(j, "\\n");
                break;
            case '\t':
                puts_(j, "\\t");
                break;
            case '\r':
                puts_(j, "\\r");
                break;
            default:
                snprintf(tmp, sizeof tmp, "\\u%04x", c);
                puts_(j, tmp);
            }
            i++;
            continue;
        }
        n = utf8_len(p + i, len - i);
        if (n == 0) {
            puts_(j, "\\ufffd");
            i++;
            continue;
        }
        if (n == 2 && c == 0xc2 && p[i + 1] < 0xa0) {
            /* C1 control: escape it rather than emit it raw */
            snprintf(tmp, sizeof tmp, "\\u%04x", p[i + 1]);
            puts_(j, tmp);
            i += 2;
            continue;
        }
        put(j, s + i, n);
        i += n;
    }
    put(j, "\"", 1);
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
    if (j->depth + 1 < JSON_MAX_DEPTH) {
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
