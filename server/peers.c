/*
 * peers.c — per-address connection counter (see peers.h).
 */
#include "server/peers.h"

#include <stdlib.h>
#include <string.h>

#define PEER_BUCKETS 512

struct peer {
    struct peer *next;
    uint32_t n;
    char addr[PEER_ADDR_MAX];
};

struct peers {
    struct peer *b[PEER_BUCKETS];
    size_t n_addrs;
    uint32_t max;
};

static size_t hash_addr(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)(h % PEER_BUCKETS);
}

struct peers *peers_new(uint32_t max_per_addr)
{
    struct peers *p = calloc(1, sizeof *p);

    if (p)
        p->max = max_per_addr;
    return p;
}

void peers_free(struct peers *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < PEER_BUCKETS; i++) {
        struct peer *e = p->b[i];
        while (e) {
            struct peer *n = e->next;
            free(e);
            e = n;
        }
    }
    free(p);
}

static struct peer **find(struct peers *p, const char *addr)
{
    struct peer **pp = &p->b[hash_addr(addr)];

    while (*pp && strncmp((*pp)->addr, addr, PEER_ADDR_MAX - 1) != 0)
        pp = &(*pp)->next;
    return pp;
}

int peers_add(struct peers *p, const char *addr)
{
    struct peer **pp = find(p, addr);
    struct peer *e = *pp;

    if (e) {
        if (e->n >= p->max)
            return LAB_E_BUSY;
        e->n++;
        return 0;
    }
    if (p->max == 0)
        return LAB_E_BUSY;
    e = calloc(1, sizeof *e);
    if (!e)
        return LAB_E_NOMEM;
    strncat(e->addr, addr, PEER_ADDR_MAX - 1);
    e->n = 1;
    *pp = e;
    p->n_addrs++;
    return 0;
}

void peers_remove(struct peers *p, const char *addr)
{
    struct peer **pp = find(p, addr);
    struct peer *e = *pp;

    if (!e)
        return;
    if (--e->n == 0) {
        *pp = e->next;
        free(e);
        p->n_addrs--;
    }
}

uint32_t peers_count(const struct peers *p, const char *addr)
{
    struct peer **pp = find((struct peers *)p, addr);

    return *pp ? (*pp)->n : 0;
}

size_t peers_n_addrs(const struct peers *p)
{
    return p->n_addrs;
}
