/*
 * userix.c — user_id → session ids (see userix.h).
 *
 * A chained hash of small arrays: a user rarely has more than two or three
 * sessions (a shell and an editor plug-in), so a linear array per user is
 * the simplest thing that is fast enough.
 */
#include "server/userix.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct uentry {
    struct uentry *next;
    int64_t user_id;
    uint32_t n, cap;
    uint64_t *ids;
};

struct userix {
    struct uentry *b[USERIX_BUCKETS];
    size_t n_users;
};

static size_t bucket_of(int64_t user_id)
{
    return (size_t)((uint64_t)user_id * 0x9E3779B97F4A7C15ull >> 52) % USERIX_BUCKETS;
}

struct userix *userix_new(void)
{
    return calloc(1, sizeof(struct userix));
}

void userix_free(struct userix *ix)
{
    if (!ix)
        return;
    for (size_t i = 0; i < USERIX_BUCKETS; i++) {
        struct uentry *e = ix->b[i];
        while (e) {
            struct uentry *next = e->next;
            free(e->ids);
            free(e);
            e = next;
        }
    }
    free(ix);
}

static struct uentry *find(const struct userix *ix, int64_t user_id)
{
    struct uentry *e = ix->b[bucket_of(user_id)];

    while (e && e->user_id != user_id)
        e = e->next;
    return e;
}

int userix_add(struct userix *ix, int64_t user_id, uint64_t sess_id)
{
    struct uentry *e = find(ix, user_id);
    bool fresh = false;

    if (!e) {
        e = calloc(1, sizeof *e);
        if (!e)
            return LAB_E_NOMEM;
        e->user_id = user_id;
        fresh = true;
    }
    for (uint32_t i = 0; i < e->n; i++)
        if (e->ids[i] == sess_id)
            return 0;
    if (e->n == e->cap) {
        uint32_t cap = e->cap ? e->cap * 2 : 2;
        uint64_t *ids = realloc(e->ids, cap * sizeof *ids);
        if (!ids) {
            if (fresh)
                free(e);
            return LAB_E_NOMEM;
        }
        e->ids = ids;
        e->cap = cap;
    }
    e->ids[e->n++] = sess_id;
    if (fresh) {
        size_t b = bucket_of(user_id);
        e->next = ix->b[b];
        ix->b[b] = e;
        ix->n_users++;
    }
    return 0;
}

void userix_remove(struct userix *ix, int64_t user_id, uint64_t sess_id)
{
    struct uentry **pp = &ix->b[bucket_of(user_id)];
    struct uentry *e;

    while (*pp && (*pp)->user_id != user_id)
        pp = &(*pp)->next;
    e = *pp;
    if (!e)
        return;
    for (uint32_t i = 0; i < e->n; i++) {
        if (e->ids[i] != sess_id)
            continue;
        e->ids[i] = e->ids[--e->n];
        break;
    }
    if (e->n == 0) {
        *pp = e->next;
        free(e->ids);
        free(e);
        ix->n_users--;
    }
}

const uint64_t *userix_peek(const struct userix *ix, int64_t user_id, size_t *n)
{
    const struct uentry *e = find(ix, user_id);

    *n = e ? e->n : 0;
    return e ? e->ids : NULL;
}

size_t userix_n_users(const struct userix *ix)
{
    return ix->n_users;
}

size_t userix_users(const struct userix *ix, int64_t *out, size_t max)
{
    size_t n = 0;

    for (size_t i = 0; i < USERIX_BUCKETS && n < max; i++)
        for (const struct uentry *e = ix->b[i]; e && n < max; e = e->next)
            out[n++] = e->user_id;
    return n;
}
