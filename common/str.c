/*
 * str.c — bounded copies, strict number parsing, UTF-8 and terminal safety.
 */
#include "common/str.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"

/* The one file that calls the strtol family: lift common/banned.h's ban for it here. */
#define LAB_STR_IMPL
#include "common/banned.h"

int str_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);

    if (cap == 0)
        return LAB_E_TOO_LARGE;
    if (n >= cap) {
        memcpy(dst, src, cap - 1);
        dst[cap - 1] = '\0';
        return LAB_E_TOO_LARGE;
    }
    memcpy(dst, src, n + 1);
    return 0;
}

int parse_u64(const char *s, uint64_t max, uint64_t *out)
{
    unsigned long long v;
    char *end;

    if (!s || !*s || *s < '0' || *s > '9')
        return LAB_E_PARSE;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (*end)
        return LAB_E_PARSE;
    if (errno == ERANGE || v > max)
        return LAB_E_RANGE;
    *out = v;
    return 0;
}

int parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
    long long v;
    char *end;

    if (!s || !*s || !(*s == '-' || (*s >= '0' && *s <= '9')))
        return LAB_E_PARSE;
    if (*s == '-' && (s[1] < '0' || s[1] > '9'))
        return LAB_E_PARSE;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (*end)
        return LAB_E_PARSE;
    if (errno == ERANGE || v < min || v > max)
        return LAB_E_RANGE;
    *out = v;
    return 0;
}

int parse_u64_prefix(const char *s, uint64_t max, uint64_t *out, const char **end)
{
    unsigned long long v;
    char *e;

    if (!s || *s < '0' || *s > '9')
        return LAB_E_PARSE;
    errno = 0;
    v = strtoull(s, &e, 10);
    if (errno == ERANGE || v > max)
        return LAB_E_RANGE;
    *out = v;
    if (end)
        *end = e;
    return 0;
}

int parse_double(const char *s, double *out)
{
    double v;
    char *end;

    /* strtod also takes leading blanks, hex floats, "inf" and "nan": none is a number here. */
    if (!s || !(*s == '-' || *s == '.' || (*s >= '0' && *s <= '9')))
        return LAB_E_PARSE;
    if (strpbrk(s, "xXnN"))
        return LAB_E_PARSE;
    errno = 0;
    v = strtod(s, &end);
    if (end == s || *end)
        return LAB_E_PARSE;
    if (errno == ERANGE || !isfinite(v))
        return LAB_E_RANGE;
    *out = v;
    return 0;
}

/* Length of the UTF-8 sequence at @p (at most @left bytes), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *p, size_t left)
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

bool utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        size_t n;

        if (p[i] == 0)
            return false;
        n = utf8_seq(p + i, len - i);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

char *str_term_safe(char *out, size_t cap, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;

    if (!cap)
        return out;
    while (i < len && o + 4 < cap) {
        size_t n = utf8_seq(p + i, len - i);

        if (n == 0) {
            out[o++] = '?';
            i++;
            continue;
        }
        if (n == 1) {
            unsigned char c = p[i];
            out[o++] = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ? '?' : (char)c;
            i++;
            continue;
        }
        /* C1 controls (U+0080..U+009F) are encoded as c2 80..c2 9f. */
        if (n == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0) {
            out[o++] = '?';
            i += 2;
            continue;
        }
        memcpy(out + o, p + i, n);
        o += n;
        i += n;
    }
    out[o] = '\0';
    return out;
}

bool str_is_ident(const char *s, size_t max)
{
    size_t n = strlen(s);

    if (n == 0 || n > max || s[0] == '.' || s[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
            return false;
    }
    return true;
}

char *str_dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);

    if (d)
        memcpy(d, s, n);
    return d;
}
