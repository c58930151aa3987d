/*
 * ratelimit.c — token bucket and per-username failed-login windows.
 *
 * The login tracker is a chained hash table keyed by username. It is bounded
 * (LOGINLIM_MAX_ENTRIES): a flood of made-up usernames cannot grow memory
 * without limit; past the bound the table is swept, and if still full the
 * new failure is simply not recorded (the Argon2 cost on the DB threads and
 * the per-connection request bucket still limit such a flood).
 */
#include "server/ratelimit.h"

#include <stdlib.h>
#include <string.h>

#include "common/err.h"

bool bucket_take(struct bucket *b, uint64_t now_us, uint32_t rate, uint32_t burst,
                 uint32_t *retry_ms)
{
    uint64_t cap = (uint64_t)burst * 1000;
    uint64_t t;

    if (!b->started) {
        b->started = true;
        b->milli_tokens = (uint32_t)cap;
        b->last_us = now_us;
    }
    t = b->milli_tokens;
    if (now_us > b->last_us) {
        /* rate tokens per 1e6 us = rate milli-tokens per 1e3 us */
        uint64_t add = (now_us - b->last_us) * rate / 1000;
        t = t + add > cap ? cap : t + add;
        /* Advance only by the time that produced whole milli-tokens. */
        if (add > 0 || t == cap)
            b->last_us = now_us;
    }
    if (t >= 1000) {
        b->milli_tokens = (uint32_t)(t - 1000);
        if (retry_ms)
            *retry_ms = 0;
        return true;
    }
    b->milli_tokens = (uint32_t)t;
    if (retry_ms) {
        uint64_t need = 1000 - t; /* milli-tokens */
        uint64_t ms = (need * 1000 + (uint64_t)rate * 1000 - 1) / ((uint64_t)rate * 1000);
        *retry_ms = (uint32_t)(ms ? ms : 1);
    }
    return false;
}

#define LL_BUCKETS 1024

struct ll_entry {
    struct ll_entry *next;
    uint64_t window_start_us;
    uint32_t failures;
    char username[];
};

struct loginlim {
    struct ll_entry *b[LL_BUCKETS];
    size_t n;
    uint32_t max_failures;
};

static size_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)(h % LL_BUCKETS);
}

struct loginlim *loginlim_new(uint32_t max_failures)
{
    struct loginlim *l = calloc(1, sizeof *l);

    if (l)
        l->max_failures = max_failures;
    return l;
}

void loginlim_free(struct loginlim *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < LL_BUCKETS; i++) {
        struct ll_entry *e = l->b[i];
        while (e) {
            struct ll_entry *n = e->next;
            free(e);
            e = n;
        }
    }
    free(l);
}

static struct ll_entry **find(struct loginlim *l, const char *username)
{
    struct ll_entry **pp = &l->b[hash_str(username)];

    while (*pp && strcmp((*pp)->username, username) != 0)
        pp = &(*pp)->next;
    return pp;
}

bool loginlim_allowed(struct loginlim *l, const char *username, uint64_t now_us, uint32_t *retry_ms)
{
    struct ll_entry *e = *find(l, username);

    if (retry_ms)
        *retry_ms = 0;
    if (!e || now_us >= e->window_start_us + LOGINLIM_WINDOW_US)
        return true;
    if (e->failures < l->max_failures)
        return true;
    if (retry_ms)
        *retry_ms = (uint32_t)((e->window_start_us + LOGINLIM_WINDOW_US - now_us + 999) / 1000);
    return false;
}

int loginlim_fail(struct loginlim *l, const char *username, uint64_t now_us)
{
    struct ll_entry **pp = find(l, username);
    struct ll_entry *e = *pp;
    size_t len;

    if (e) {
        if (now_us >= e->window_start_us + LOGINLIM_WINDOW_US) {
            e->window_start_us = now_us;
            e->failures = 0;
        }
        e->failures++;
        return 0;
    }
    if (l->n >= LOGINLIM_MAX_ENTRIES && loginlim_sweep(l, now_us) >= LOGINLIM_MAX_ENTRIES)
        return LAB_E_NOMEM;
    len = strlen(username);
    e = malloc(sizeof *e + len + 1);
    if (!e)
        return LAB_E_NOMEM;
    memcpy(e->username, username, len + 1);
    e->window_start_us = now_us;
    e->failures = 1;
    pp = &l->b[hash_str(username)];
    e->next = *pp;
    *pp = e;
    l->n++;
    return 0;
}

void loginlim_reset(struct loginlim *l, const char *username)
{
    struct ll_entry **pp = find(l, username);
    struct ll_entry *e = *pp;

    if (!e)
        return;
    *pp = e->next;
    free(e);
    l->n--;
}

size_t loginlim_sweep(struct loginlim *l, uint64_t now_us)
{
    for (size_t i = 0; i < LL_BUCKETS; i++) {
        struct ll_entry **pp = &l->b[i];
        while (*pp) {
            struct ll_entry *e = *pp;
            if (now_us >= e->window_start_us + LOGINLIM_WINDOW_US) {
                *pp = e->next;
                free(e);
                l->n--;
            } else {
                pp = &e->next;
            }
        }
    }
    return l->n;
}
