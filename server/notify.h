/*
 * notify.h — the LISTEN lab_events thread.
 *
 * A dedicated thread with its own connection (not from the query pool, so
 * notifications are read promptly) waits in poll() on PQsocket and queues
 * each notification for the lws thread, which drains the queue on
 * EVENT_WAIT_CANCELLED. The connection is re-made with backoff after a
 * database restart and LISTEN re-issued; notifications sent while it was
 * down are lost, so consumers must re-read state from tables after
 * ev=notify.reconnected. For now the lws side only logs them (ev=notify.received).
 */
#ifndef LAB_SERVER_NOTIFY_H
#define LAB_SERVER_NOTIFY_H

#include "common/err.h"

#define NOTIFY_CHANNEL "lab_events"

struct notify;

typedef void notify_wake_fn(void *arg);
/* Called on the lws thread for each notification; @payload is borrowed. */
typedef void notify_deliver_fn(void *arg, const char *channel, const char *payload);

/* Start the thread. 0 or a negative code. */
int notify_start(struct notify **out, const char *conninfo, notify_wake_fn *wake, void *wake_arg)
    LAB_MUST_USE;

/* On the lws thread: hand every queued notification to @deliver. */
void notify_drain(struct notify *n, notify_deliver_fn *deliver, void *arg);

/* Stop and join the thread, free everything. Accepts NULL. */
void notify_stop(struct notify *n);

#endif
