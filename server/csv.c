/*
 * csv.c — RFC 4180 output with formula defusing (see csv.h).
 */
#include "server/csv.h"

#include <inttypes.h>
#include <stdio.h>
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

/* ---- the gradebook ---- */

#define NO_CELL UINT32_MAX

struct id_ix {
    int64_t user_id;
    size_t ix; /* into the students */
};

static int cmp_id_ix(const void *pa, const void *pb)
{
    const struct id_ix *a = pa, *b = pb;

    return a->user_id < b->user_id ? -1 : a->user_id > b->user_id;
}

/* Index of the student @uid through @by_id (sorted by id); @ns if none. */
static size_t find_student(const struct id_ix *by_id, size_t ns, int64_t uid)
{
    size_t lo = 0, hi = ns;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (by_id[mid].user_id == uid)
            return by_id[mid].ix;
        if (by_id[mid].user_id < uid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return ns;
}

static size_t find_lab(const struct gradebook_lab *labs, size_t nl, const char *id)
{
    for (size_t i = 0; i < nl; i++)
        if (strcmp(labs[i].id, id) == 0)
            return i;
    return nl;
}

static int put_number(struct csv *c, uint64_t v)
{
    char t[24];

    snprintf(t, sizeof t, "%" PRIu64, v);
    return csv_field(c, t, false);
}

int csv_gradebook(struct csv *c, const struct gradebook_lab *labs, size_t nl,
                  const struct gradebook_student *st, size_t ns, const struct gradebook_score *sc,
                  size_t nsc)
{
    bool fits = nl == 0 || ns <= (SIZE_MAX - 1) / sizeof(uint32_t) / nl;
    struct id_ix *by_id = calloc(ns + 1, sizeof *by_id);
    uint32_t *cell = fits ? calloc(ns * nl + 1, sizeof *cell) : NULL;
    uint64_t total = 0;
    int rc;

    if (!by_id || !cell) {
        rc = LAB_E_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < ns; i++)
        by_id[i] = (struct id_ix){st[i].user_id, i};
    qsort(by_id, ns, sizeof *by_id, cmp_id_ix);
    for (size_t i = 0; i < ns * nl; i++)
        cell[i] = NO_CELL;
    for (size_t i = 0; i < nsc; i++) {
        size_t s = find_student(by_id, ns, sc[i].user_id), l = find_lab(labs, nl, sc[i].lab_id);
        if (s < ns && l < nl)
            cell[s * nl + l] = sc[i].points;
    }

    rc = csv_field(c, "username", false);
    if (rc == 0)
        rc = csv_field(c, "display_name", false);
    for (size_t l = 0; rc == 0 && l < nl; l++)
        rc = csv_field(c, labs[l].id, true);
    if (rc == 0)
        rc = csv_field(c, "total", false);
    if (rc == 0)
        rc = csv_end_record(c);

    if (rc == 0)
        rc = csv_field(c, CSV_MAX_ROW_LABEL, false);
    if (rc == 0)
        rc = csv_field(c, "", false);
    for (size_t l = 0; rc == 0 && l < nl; l++) {
        total += labs[l].points;
        rc = put_number(c, labs[l].points);
    }
    if (rc == 0)
        rc = put_number(c, total);
    if (rc == 0)
        rc = csv_end_record(c);

    for (size_t s = 0; rc == 0 && s < ns; s++) {
        total = 0;
        rc = csv_field(c, st[s].username, true);
        if (rc == 0)
            rc = csv_field(c, st[s].display_name, true);
        for (size_t l = 0; rc == 0 && l < nl; l++) {
            uint32_t v = cell[s * nl + l];
            if (v == NO_CELL) {
                rc = csv_field(c, "", false);
            } else {
                total += v;
                rc = put_number(c, v);
            }
        }
        if (rc == 0)
            rc = put_number(c, total);
        if (rc == 0)
            rc = csv_end_record(c);
    }
out:
    free(cell);
    free(by_id);
    return rc;
}
