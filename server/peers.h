/*
 * peers.h — open websocket connections per client address.
 *
 * lws 4.1.6 as packaged has no peer limits (LWS_WITH_PEER_LIMITS is off), so
 * this is ours. Pure code on the lws thread: a chained hash of address text
 * to a count; an entry disappears when its count returns to zero, so memory
 * follows the number of distinct connected addresses.
 */
#ifndef LAB_SERVER_PEERS_H
#define LAB_SERVER_PEERS_H

#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define PEER_ADDR_MAX 64

struct peers;

/* NULL on OOM. */
struct peers *peers_new(uint32_t max_per_addr);

/* Accepts NULL. */
void peers_free(struct peers *p);

/*
 * Count one more connection from @addr. Returns 0, LAB_E_BUSY when @addr
 * already has the maximum (nothing counted), or LAB_E_NOMEM.
 */
int peers_add(struct peers *p, const char *addr) LAB_MUST_USE;

/* Count one connection from @addr less (only after a successful peers_add). */
void peers_remove(struct peers *p, const char *addr);

/* Connections currently counted for @addr. */
uint32_t peers_count(const struct peers *p, const char *addr);

/* Distinct addresses currently tracked. */
size_t peers_n_addrs(const struct peers *p);

#endif
