/*
 * outq.h — a session's queue of packed messages waiting for a writable
 * callback, with the two thresholds that keep a slow reader from growing
 * server memory: past @soft bytes the session stops reading requests, past
 * @hard bytes it is closed (1008).
 */
#ifndef LAB_SERVER_OUTQ_H
#define LAB_SERVER_OUTQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

struct outq_msg {
    struct outq_msg *next;
    uint8_t *buf; /* headroom bytes, then the payload */
    size_t len;   /* payload length */
    size_t headroom;
};

struct outq {
    struct outq_msg *head, *tail;
    size_t bytes;
    uint32_t n;
};

enum outq_pressure { OUTQ_OK, OUTQ_SOFT, OUTQ_HARD };

void outq_init(struct outq *q);

/* Free every queued message. */
void outq_release(struct outq *q);

/*
 * Append @buf (payload of @len bytes after @headroom bytes).
 * Returns 0 or LAB_E_NOMEM.
 * Ownership: on success the queue owns @buf (freed with free()); on failure
 * the caller still does.
 */
int outq_push(struct outq *q, uint8_t *buf, size_t headroom, size_t len) LAB_MUST_USE;

/* The oldest message, or NULL when empty (borrowed until outq_pop). */
struct outq_msg *outq_peek(struct outq *q);

/* Drop the oldest message and free it. */
void outq_pop(struct outq *q);

/* Where @bytes puts the queue against @soft and @hard. */
enum outq_pressure outq_pressure(const struct outq *q, size_t soft, size_t hard);

#endif
