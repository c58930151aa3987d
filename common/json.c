/*
 * json.c — recursive-descent skipping of JSON values and a string escaper.
 */
#include "common/json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

static int skip_value(const char *s, size_t len, size_t *i, int depth);

static int skip_string(const char *s, size_t len, size_t *i)
{
    size_t k = *i + 1;

    while (k < len) {
        unsigned char c = (unsigned char)s[k];
        if (c == '"') {
            *i = k + 1;
            return 0;
        }
        if (c < 0x20)
            return LAB_E_PARSE;
        if (c == '\\') {
            if (k + 1 >= len)
                return LAB_E_PARSE;
            if (s[k + 1] == 'u') {
                for (int h = 2; h < 6; h++)
                    if (k + (size_t)h >= len || !strchr("0123456789abcdefABCDEF", s[k + h]) ||
                        !s[k + h])
                        return LAB_E_PARSE;
                k += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", s[k + 1]) || !s[k + 1])
                return LAB_E_PARSE;
            k += 2;
            continue;
        }
        k++;
    }
    return LAB_E_PARSE;
}

static int skip_number(const char *s, size_t len, size_t *i)
{
    size_t k = *i;
    size_t digits = 0;

    if (k < len && s[k] == '-')
        k++;
    while (k < len && s[k] >= '0' && s[k] <= '9')
        k++, digits++;
    if (!digits)
        return LAB_E_PARSE;
    if (k < len && s[k] == '.') {
        k++;
        digits = 0;
        while (k < len && s[k] >= '0' && s[k] <= '9')
            k++, digits++;
        if (!digits)
            return LAB_E_PARSE;
    }
    if (k < len && (s[k] == 'e' || s[k] == 'E')) {
        k++;
        if (k < len && (s[k] == '+' || s[k] == '-'))
            k++;
        digits = 0;
        while (k < len && s[k] >= '0' && s[k] <= '9')
            k++, digits++;
        if (!digits)
            return LAB_E_PARSE;
    }
    *i = k;
    return 0;
}

static int skip_container(const char *s, size_t len, size_t *i, int depth, char close)
{
    size_t k = skip_ws(s, len, *i + 1);
    int rc;

    if (k < len && s[k] == close) {
        *i = k + 1;
        return 0;
    }
    for (;;) {
        if (close == '}') {
            if (k >= len || s[k] != '"')
                return LAB_E_PARSE;
            rc = skip_string(s, len, &k);
            if (rc < 0)
                return rc;
            k = skip_ws(s, len, k);
            if (k >= len || s[k] != ':')
                return LAB_E_PARSE;
            k = skip_ws(s, len, k + 1);
        }
        rc = skip_value(s, len, &k, depth + 1);
        if (rc < 0)
            return rc;
        k = skip_ws(s, len, k);
        if (k < len && s[k] == ',') {
            k = skip_ws(s, len, k + 1);
            continue;
        }
        if (k < len && s[k] == close) {
            *i = k + 1;
            return 0;
        }
        return LAB_E_PARSE;
    }
}

static int skip_value(const char *s, size_t len, size_t *i, int depth)
{
    size_t k = skip_ws(s, len, *i);

    if (depth > JSON_MAX_DEPTH || k >= len)
        return LAB_E_PARSE;
    *i = k;
    switch (s[k]) {
    case '"':
        return skip_string(s, len, i);
    case '{':
        return skip_container(s, len, i, depth, '}');
    case '[':
        return skip_container(s, len, i, depth, ']');
    case 't':
        if (len - k >= 4 && !memcmp(s + k, "true", 4))
            return *i = k + 4, 0;
        return LAB_E_PARSE;
    case 'f':
        if (len - k >= 5 && !memcmp(s + k, "false", 5))
            return *i = k + 5, 0;
        return LAB_E_PARSE;
    case 'n':
        if (len - k >= 4 && !memcmp(s + k, "null", 4))
            return *i = k + 4, 0;
        return LAB_E_PARSE;
    default:
        return skip_number(s, len, i);
    }
}

bool json_valid(const char *s, size_t len)
{
    size_t i = 0;

    if (skip_value(s, len, &i, 0) < 0)
        return false;
    return skip_ws(s, len, i) == len;
}

int json_get(const char *s, size_t len, const char *key, struct json_span *out)
{
    size_t k = skip_ws(s, len, 0), klen = strlen(key);
    int rc;

    if (k >= len || s[k] != '{')
        return LAB_E_PARSE;
    k = skip_ws(s, len, k + 1);
    if (k < len && s[k] == '}')
        return LAB_E_NOT_FOUND;
    for (;;) {
        size_t kstart = k, vstart;

        if (k >= len || s[k] != '"')
            return LAB_E_PARSE;
        rc = skip_string(s, len, &k);
        if (rc < 0)
            return rc;
        bool match = (k - kstart - 2 == klen) && !memcmp(s + kstart + 1, key, klen);
        k = skip_ws(s, len, k);
        if (k >= len || s[k] != ':')
            return LAB_E_PARSE;
        k = skip_ws(s, len, k + 1);
        vstart = k;
        rc = skip_value(s, len, &k, 1);
        if (rc < 0)
            return rc;
        if (match) {
            out->p = s + vstart;
            out->len = k - vstart;
            return 0;
        }
        k = skip_ws(s, len, k);
        if (k < len && s[k] == ',') {
            k = skip_ws(s, len, k + 1);
            continue;
        }
        if (k < len && s[k] == '}')
            return LAB_E_NOT_FOUND;
        return LAB_E_PARSE;
    }
}

static unsigned hexval(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (unsigned)(c - 'a' + 10);
    return (unsigned)(c - 'A' + 10);
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xc0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xe0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

int json_string(const struct json_span *v, char *out, size_t cap)
{
    size_t i = 1, o = 0;

    if (!cap)
        return LAB_E_RANGE;
    out[0] = '\0';
    if (v->len < 2 || v->p[0] != '"' || v->p[v->len - 1] != '"')
        return LAB_E_PARSE;
    while (i < v->len - 1) {
        char tmp[4];
        size_t n = 1;
        char c = v->p[i];

        if (c == '\\') {
            char e = v->p[i + 1];
            if (e == 'u') {
                uint32_t cp = 0;
                for (int h = 0; h < 4; h++)
                    cp = cp << 4 | hexval(v->p[i + 2 + h]);
                i += 6;
                if (cp >= 0xd800 && cp <= 0xdbff && i + 6 <= v->len - 1 && v->p[i] == '\\' &&
                    v->p[i + 1] == 'u') {
                    uint32_t lo = 0;
                    for (int h = 0; h < 4; h++)
                        lo = lo << 4 | hexval(v->p[i + 2 + h]);
                    if (lo >= 0xdc00 && lo <= 0xdfff) {
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                        i += 6;
                    }
                }
                if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff))
                    cp = 0xfffd;
                n = put_utf8(tmp, cp);
            } else {
                tmp[0] = e == 'n'   ? '\n'
                         : e == 't' ? '\t'
                         : e == 'r' ? '\r'
                         : e == 'b' ? '\b'
                         : e == 'f' ? '\f'
                                    : e;
                i += 2;
            }
        } else {
            tmp[0] = c;
            i++;
        }
        if (o + n >= cap)
            break;
        memcpy(out + o, tmp, n);
        o += n;
        out[o] = '\0';
    }
    /* A cut in the middle of a raw multibyte sequence leaves a tail: trim it. */
    if (!utf8_valid(out, o)) {
        while (o > 0 && ((unsigned char)out[o - 1] & 0x80)) {
            o--;
            if (utf8_valid(out, o))
                break;
        }
        out[o] = '\0';
    }
    return 0;
}

int json_int(const struct json_span *v, int64_t *out)
{
    char tmp[32];
    uint64_t u;
    bool neg;
    int rc;

    if (v->len == 0 || v->len >= sizeof tmp)
        return LAB_E_PARSE;
    memcpy(tmp, v->p, v->len);
    tmp[v->len] = '\0';
    neg = tmp[0] == '-';
    rc = parse_u64(tmp + neg, (uint64_t)INT64_MAX, &u);
    if (rc < 0)
        return rc;
    *out = neg ? -(int64_t)u : (int64_t)u;
    return 0;
}

bool json_is_true(const struct json_span *v)
{
    return v->len == 4 && !memcmp(v->p, "true", 4);
}

int json_array_next(const struct json_span *arr, size_t *pos, struct json_span *elem)
{
    const char *s = arr->p;
    size_t len = arr->len, k = *pos, start;
    int rc;

    if (k > len) /* the end was reached before */
        return 0;
    if (k == 0) {
        /* The first call: the opening bracket, then either the end or the first element. */
        k = skip_ws(s, len, 0);
        if (k >= len || s[k] != '[')
            return LAB_E_PARSE;
        k = skip_ws(s, len, k + 1);
        if (k < len && s[k] == ']')
            goto end;
    } else {
        /* After an element: a comma and the next one, or the end. */
        k = skip_ws(s, len, k);
        if (k < len && s[k] == ']')
            goto end;
        if (k >= len || s[k] != ',')
            return LAB_E_PARSE;
        k = skip_ws(s, len, k + 1);
    }
    start = k;
    rc = skip_value(s, len, &k, 1);
    if (rc < 0)
        return rc;
    elem->p = s + start;
    elem->len = k - start;
    *pos = k;
    return 1;
end:
    /* Only blanks may follow the closing bracket inside the span. */
    if (skip_ws(s, len, k + 1) != len)
        return LAB_E_PARSE;
    *pos = len + 1;
    return 0;
}

void json_out_init(struct json_out *o)
{
    memset(o, 0, sizeof *o);
}

void json_out_release(struct json_out *o)
{
    free(o->buf);
    memset(o, 0, sizeof *o);
}

static bool reserve(struct json_out *o, size_t more)
{
    size_t want = o->len + more + 1;
    char *nb;

    if (o->failed)
        return false;
    if (want <= o->cap)
        return true;
    size_t ncap = o->cap ? o->cap : 256;
    while (ncap < want)
        ncap *= 2;
    nb = realloc(o->buf, ncap);
    if (!nb) {
        o->failed = true;
        return false;
    }
    o->buf = nb;
    o->cap = ncap;
    return true;
}

void json_out_raw(struct json_out *o, const char *s, size_t len)
{
    if (!reserve(o, len))
        return;
    memcpy(o->buf + o->len, s, len);
    o->len += len;
    o->buf[o->len] = '\0';
}

void json_out_printf(struct json_out *o, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        json_out_raw(o, tmp, (size_t)n);
        return;
    }
    if (!reserve(o, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(o->buf + o->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    o->len += (size_t)n;
}

void json_out_str(struct json_out *o, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    json_out_raw(o, "\"", 1);
    while (i < len) {
        unsigned char c = p[i];
        char esc[8];

        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            json_out_raw(o, esc, 2);
            i++;
        } else if (c == '\n') {
            json_out_raw(o, "\\n", 2), i++;
        } else if (c == '\t') {
            json_out_raw(o, "\\t", 2), i++;
        } else if (c == '\r') {
            json_out_raw(o, "\\r", 2), i++;
        } else if (c < 0x20 || c == 0x7f) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            json_out_raw(o, esc, 6);
            i++;
        } else if (c < 0x80) {
            json_out_raw(o, (const char *)p + i, 1);
            i++;
        } else {
            size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            if (n == 2 && c == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] < 0xa0) {
                /* A C1 control is valid UTF-8 but would reach a terminal: escape it. */
                snprintf(esc, sizeof esc, "\\u%04x", p[i + 1]);
                json_out_raw(o, esc, 6);
                i += 2;
            } else if (i + n <= len && utf8_valid((const char *)p + i, n)) {
                json_out_raw(o, (const char *)p + i, n);
                i += n;
            } else {
                json_out_raw(o, "\\ufffd", 6);
                i++;
            }
        }
    }
    json_out_raw(o, "\"", 1);
}

/* Decode one UTF-8 sequence at @p (at most @len bytes); 0 when it is not valid UTF-8. */
static size_t utf8_decode(const unsigned char *p, size_t len, uint32_t *cp)
{
    size_t n = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2;

    if (p[0] < 0xc2 || p[0] > 0xf4 || n > len || !utf8_valid((const char *)p, n))
        return 0;
    if (n == 2)
        *cp = (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
    else if (n == 3)
        *cp = (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    else
        *cp = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 |
              (uint32_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
    return n;
}

void json_out_str_ascii(struct json_out *o, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    json_out_raw(o, "\"", 1);
    while (i < len) {
        unsigned char c = p[i];
        const char *short_esc = c == '"'    ? "\\\""
                                : c == '\\' ? "\\\\"
                                : c == '\n' ? "\\n"
                                : c == '\r' ? "\\r"
                                : c == '\t' ? "\\t"
                                : c == '\b' ? "\\b"
                                : c == '\f' ? "\\f"
                                            : NULL;
        char esc[16];
        uint32_t cp;
        size_t n;

        if (short_esc) {
            json_out_raw(o, short_esc, 2);
            i++;
            continue;
        }
        if (c >= 0x20 && c < 0x7f) {
            size_t run = 1;
            while (i + run < len && p[i + run] >= 0x20 && p[i + run] < 0x7f && p[i + run] != '"' &&
                   p[i + run] != '\\')
                run++;
            json_out_raw(o, (const char *)p + i, run);
            i += run;
            continue;
        }
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if (!(n = utf8_decode(p + i, len - i, &cp))) {
            cp = 0xfffd;
            n = 1;
        }
        if (cp >= 0x10000) {
            uint32_t v = cp - 0x10000;
            snprintf(esc, sizeof esc, "\\u%04x\\u%04x", 0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
            json_out_raw(o, esc, 12);
        } else {
            snprintf(esc, sizeof esc, "\\u%04x", cp);
            json_out_raw(o, esc, 6);
        }
        i += n;
    }
    json_out_raw(o, "\"", 1);
}

char *json_out_take(struct json_out *o)
{
    char *b;

    if (o->failed) {
        json_out_release(o);
        return NULL;
    }
    if (!o->buf)
        json_out_raw(o, "", 0);
    b = o->buf;
    memset(o, 0, sizeof *o);
    return b;
}
