/*
 * frame.c — capped, grow-on-demand message assembly (see frame.h).
 */
#include "server/frame.h"

#include <stdlib.h>
#include <string.h>

void frame_asm_init(struct frame_asm *f, size_t cap)
{
    f->buf = NULL;
    f->len = 0;
    f->alloc = 0;
    f->cap = cap;
}

void frame_asm_release(struct frame_asm *f)
{
    free(f->buf);
    f->buf = NULL;
    f->len = 0;
    f->alloc = 0;
}

int frame_asm_append(struct frame_asm *f, const void *data, size_t len, size_t remaining)
{
    size_t need;

    /* Checked in steps so that no sum can overflow. */
    if (len > f->cap || remaining > f->cap || f->len > f->cap - len ||
        f->len + len > f->cap - remaining) {
        frame_asm_release(f);
        return LAB_E_TOO_LARGE;
    }
    need = f->len + len;
    if (need > f->alloc) {
        /* Reserve the whole rest of this frame at once when lws told us its size. */
        size_t want = need + remaining;
        size_t grow = f->alloc ? f->alloc * 2 : 1024;
        uint8_t *nb;

        if (want < grow)
            want = grow;
        if (want > f->cap)
            want = f->cap;
        nb = realloc(f->buf, want);
        if (!nb) {
            frame_asm_release(f);
            return LAB_E_NOMEM;
        }
        f->buf = nb;
        f->alloc = want;
    }
    if (len)
        memcpy(f->buf + f->len, data, len);
    f->len = need;
    return 0;
}
