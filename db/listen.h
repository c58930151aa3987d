/*
 * listen.h — labserver's LISTEN thread (channel names: db/channels.h).
 *
 * A dedicated thread with its own connection (not from the query pool, so
 * notifications are read promptly) waits in poll() on PQsocket and queues
 * each notification for the lws thread, which drains the queue on
 * EVENT_WAIT_CANCELLED. The connection is re-made with backoff after a
 * database restart and LISTEN re-issued; notifications sent while it was
 * down are lost: after a gap (a lost connection, or failed attempts at
 * start-up) the first delivery once LISTEN works again is a mark with
 * channel DB_CHAN_GAP (db/channels.h) and as
 * payload the unix time, in decimal seconds, at which the gap began, so the
 * consumer (push.c) can re-read from tables what it may have missed.
 */
#ifndef LAB_DB_LISTEN_H
#define LAB_DB_LISTEN_H

#include "common/err.h"
#include "db/channels.h"

struct notify;

typedef void notify_wake_fn(void *arg);
/* Called on the lws thread for each notification; @payload is borrowed. */
typedef void notify_deliver_fn(void *arg, const char *channel, const char *payload);

/* Start the thread. 0 or a negative code. */
int notify_start(struct notify **out, const char *conninfo, notify_wake_fn *wake,
                 void *wake_arg) LAB_MUST_USE;

/* On the lws thread: hand every queued notification to @deliver. */
void notify_drain(struct notify *n, notify_deliver_fn *deliver, void *arg);

/* Stop and join the thread, free everything. Accepts NULL. */
void notify_stop(struct notify *n);

#endif
