/*
 * csv.c — RFC 4180 output with formula defusing (see csv.h).
 */
#include "server/csv.h"

#include <stdlib.h>
#include <string.h>

void csv_init(struct csv *c, size_t max)
{
    memset(c, 0, sizeof *c);
    c->max = max;
    c->at_line_start = true;
}

void csv_release(struct csv *c)
{
    free(c->buf);
    c->buf = NULL;
    c->len = c->cap = 0;
}

static int put(struct csv *c, const char *s, size_t n)
{
    if (c->too_big)
        return LAB_E_TOO_LARGE;
    if (c->len + n + 1 > c->max) {
        csv_release(c);
        c->too_big = true;
        return LAB_E_TOO_LARGE;
    }
    if (c->len + n + 1 > c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 4096;
        char *nb;
        while (ncap < c->len + n + 1)
            ncap *= 2;
        if (ncap > c->max)
            ncap = c->max;
        nb = realloc(c->buf, ncap);
        if (!nb)
            return LAB_E_NOMEM;
        c->buf = nb;
        c->cap = ncap;
    }
    memcpy(c->buf + c->len, s, n);
    c->len += n;
    c->buf[c->len] = '\0';
    return 0;
}

static bool formula_like(const char *s)
{
    return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
}

static int put_cell(struct csv *c, const char *text, bool defuse)
{
    bool quote = strpbrk(text, ",\"\r\n") != NULL;
    int rc = 0;

    if (quote)
        rc = put(c, "\"", 1);
    if (rc == 0 && defuse && formula_like(text))
        rc = put(c, "'", 1);
    for (const char *p = text; rc == 0 && *p;) {
        const char *q = strchr(p, '"');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        rc = put(c, p, n);
        if (rc == 0 && q)
            rc = put(c, "\"\"", 2);
        p = q ? q + 1 : p + n;
    }
    if (rc == 0 && quote)
        rc = put(c, "\"", 1);
    return rc;
}

int csv_field(struct csv *c, const char *text, bool defuse)
{
    int rc = 0;

    if (!c->at_line_start)
        rc = put(c, ",", 1);
    c->at_line_start = false;
    return rc < 0 ? rc : put_cell(c, text, defuse);
}

int csv_end_record(struct csv *c)
{
    c->at_line_start = true;
    return put(c, "\r\n", 2);
}

int csv_cell(const char *text, bool defuse, char *out, size_t cap)
{
    struct csv c;
    int rc;

    csv_init(&c, cap);
    rc = put_cell(&c, text, defuse);
    if (rc == 0)
        memcpy(out, c.buf ? c.buf : "", c.len + 1);
    csv_release(&c);
    return rc;
}
