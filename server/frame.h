/*
 * frame.h — assembling one incoming websocket message from lws's chunks.
 *
 * lws delivers a message as chunks of at most 4 KiB (STACK-NOTES 1.5) and
 * has no size cap of its own. The assembler grows its buffer on demand up
 * to a hard cap and frees it after each message, so an idle connection
 * holds no receive buffer at all (the memory target is < 32 KiB per idle
 * TLS connection).
 */
#ifndef LAB_SERVER_FRAME_H
#define LAB_SERVER_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

struct frame_asm {
    uint8_t *buf;
    size_t len;
    size_t alloc;
    size_t cap; /* the largest message accepted */
};

/* Start empty with cap @cap; allocates nothing. */
void frame_asm_init(struct frame_asm *f, size_t cap);

/* Free the buffer (the struct stays usable, empty). */
void frame_asm_release(struct frame_asm *f);

/*
 * Append a chunk. @remaining is what lws says is still to come of the
 * current frame (lws_remaining_packet_payload), so an oversized frame is
 * refused at its first chunk. Returns 0, LAB_E_TOO_LARGE (the buffer is then
 * released: a half message is never kept) or LAB_E_NOMEM.
 */
int frame_asm_append(struct frame_asm *f, const void *data, size_t len,
                     size_t remaining) LAB_MUST_USE;

/*
 * The assembled message: bytes at f->buf, f->len long. Call
 * frame_asm_release() when done with it.
 */

#endif
