/*
 * outq.c — the per-session outbound FIFO (see outq.h).
 */
#include "server/outq.h"

#include <stdlib.h>

void outq_init(struct outq *q)
{
    q->head = q->tail = NULL;
    q->bytes = 0;
    q->n = 0;
}

void outq_release(struct outq *q)
{
    while (q->head)
        outq_pop(q);
}

int outq_push(struct outq *q, uint8_t *buf, size_t headroom, size_t len)
{
    struct outq_msg *m = malloc(sizeof *m);

    if (!m)
        return LAB_E_NOMEM;
    m->next = NULL;
    m->buf = buf;
    m->len = len;
    m->headroom = headroom;
    if (q->tail)
        q->tail->next = m;
    else
        q->head = m;
    q->tail = m;
    q->bytes += len;
    q->n++;
    return 0;
}

struct outq_msg *outq_peek(struct outq *q)
{
    return q->head;
}

void outq_pop(struct outq *q)
{
    struct outq_msg *m = q->head;

    if (!m)
        return;
    q->head = m->next;
    if (!q->head)
        q->tail = NULL;
    q->bytes -= m->len;
    q->n--;
    free(m->buf);
    free(m);
}

enum outq_pressure outq_pressure(const struct outq *q, size_t soft, size_t hard)
{
    if (q->bytes > hard)
        return OUTQ_HARD;
    if (q->bytes > soft)
        return OUTQ_SOFT;
    return OUTQ_OK;
}
