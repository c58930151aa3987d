/*
 * listen.c — LISTEN lab_events on its own thread and connection (see listen.h).
 *
 * The thread blocks in poll() on the connection's socket and on a pipe that
 * notify_stop() writes to, so stopping is immediate.
 */
#include "db/listen.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/log.h"
#include "common/str.h"
#include "db/pg.h"

#define BACKOFF_MIN_MS 250
#define BACKOFF_MAX_MS 5000
#define NOTIFY_QUEUE_MAX 10000

struct note {
    struct note *next;
    char *channel;
    char *payload;
};

struct notify {
    pthread_t thread;
    bool started;
    int stop_pipe[2];
    pthread_mutex_t mu;
    struct note *head, *tail;
    unsigned n_queued;
    char *conninfo;
    notify_wake_fn *wake;
    void *wake_arg;
};

/* A working connection that LISTENs, or NULL (logged once per outage). */
static struct db *connect_listen(struct notify *n, bool *logged_down, bool ever)
{
    char line[512], q[LOG_VALUE_MAX + 16];
    struct lab_err err = {0};
    struct db *db = NULL;

    if (db_connect_app(n->conninfo, "labserver-listen", &db, &err) < 0)
        goto fail;
    db_set_log_name(db, "listener");
    if (db_listen(db, DB_CHAN_EVENTS, &err) < 0)
        goto fail;
    if (db_set_nonblocking(db) < 0) {
        (void)db_error_message(db, err.detail, sizeof err.detail);
        goto fail;
    }
    log_event(LOG_INFO, ever ? "notify.reconnected" : "notify.listening", "channel=%s",
              DB_CHAN_EVENTS);
    *logged_down = false;
    return db;
fail:
    db_one_line(line, sizeof line, err.code == LAB_E_NOMEM ? "out of memory" : err.detail);
    log_event(*logged_down ? LOG_DEBUG : LOG_WARN, "notify.connect_failed", "err=%s",
              log_q(q, sizeof q, line));
    *logged_down = true;
    db_free(db);
    return NULL;
}

static void enqueue(struct notify *n, const char *channel, const char *payload)
{
    struct note *e = calloc(1, sizeof *e);

    if (!e)
        return;
    e->channel = str_dup(channel);
    e->payload = str_dup(payload);
    if (!e->channel || !e->payload) {
        free(e->channel);
        free(e->payload);
        free(e);
        return;
    }
    pthread_mutex_lock(&n->mu);
    if (n->n_queued >= NOTIFY_QUEUE_MAX) {
        /* The lws thread is not draining: drop rather than grow without bound. */
        pthread_mutex_unlock(&n->mu);
        log_event(LOG_WARN, "notify.dropped", "reason=queue_full");
        free(e->channel);
        free(e->payload);
        free(e);
        return;
    }
    if (n->tail)
        n->tail->next = e;
    else
        n->head = e;
    n->tail = e;
    n->n_queued++;
    pthread_mutex_unlock(&n->mu);
}

/* db_notify_fn: queue one notification for the lws thread. */
static void on_note(void *arg, const char *channel, const char *payload)
{
    enqueue(arg, channel, payload);
}

static void *listener_main(void *arg)
{
    struct notify *n = arg;
    struct db *pg = NULL;
    bool logged_down = false, ever = false, in_gap = false;
    int backoff_ms = 0;
    /* When the current gap began: nothing can have been missed before start-up. */
    time_t gap_since = time(NULL);

    for (;;) {
        struct pollfd pf[2] = {{.fd = n->stop_pipe[0], .events = POLLIN}, {.fd = -1}};
        int timeout = -1;

        if (!pg) {
            pg = connect_listen(n, &logged_down, ever);
            if (pg) {
                ever = true;
                backoff_ms = 0;
                if (in_gap) {
                    char since[24];
                    snprintf(since, sizeof since, "%lld", (long long)gap_since);
                    enqueue(n, DB_CHAN_GAP, since);
                    n->wake(n->wake_arg);
                    in_gap = false;
                }
            } else {
                in_gap = true;
                backoff_ms = backoff_ms ? backoff_ms * 2 : BACKOFF_MIN_MS;
                if (backoff_ms > BACKOFF_MAX_MS)
                    backoff_ms = BACKOFF_MAX_MS;
                timeout = backoff_ms;
            }
        }
        if (pg) {
            pf[1].fd = db_socket(pg);
            pf[1].events = POLLIN;
        }
        if (poll(pf, 2, timeout) < 0 && errno != EINTR)
            break;
        if (pf[0].revents)
            break;
        if (pg && pf[1].revents) {
            int got = db_consume_notifies(pg, on_note, n);

            if (got < 0) {
                char line[512], q[LOG_VALUE_MAX + 16];
                (void)db_error_message(pg, line, sizeof line);
                log_event(LOG_WARN, "notify.disconnected", "err=%s", log_q(q, sizeof q, line));
                logged_down = true;
                in_gap = true;
                gap_since = time(NULL);
                db_free(pg);
                pg = NULL;
                continue;
            }
            if (got > 0)
                n->wake(n->wake_arg);
        }
    }
    db_free(pg);
    return NULL;
}

int notify_start(struct notify **out, const char *conninfo, notify_wake_fn *wake, void *wake_arg)
{
    struct notify *n = calloc(1, sizeof *n);
    int rc;

    *out = NULL;
    if (!n)
        return LAB_E_NOMEM;
    n->stop_pipe[0] = n->stop_pipe[1] = -1;
    pthread_mutex_init(&n->mu, NULL);
    n->wake = wake;
    n->wake_arg = wake_arg;
    n->conninfo = str_dup(conninfo);
    if (!n->conninfo) {
        rc = LAB_E_NOMEM;
        goto fail;
    }
    if (pipe2(n->stop_pipe, O_CLOEXEC) < 0) {
        rc = -errno;
        goto fail;
    }
    rc = -pthread_create(&n->thread, NULL, listener_main, n);
    if (rc < 0)
        goto fail;
    n->started = true;
    *out = n;
    return 0;
fail:
    notify_stop(n);
    return rc;
}

void notify_drain(struct notify *n, notify_deliver_fn *deliver, void *arg)
{
    struct note *list;

    pthread_mutex_lock(&n->mu);
    list = n->head;
    n->head = n->tail = NULL;
    n->n_queued = 0;
    pthread_mutex_unlock(&n->mu);
    while (list) {
        struct note *e = list;
        list = e->next;
        if (deliver)
            deliver(arg, e->channel, e->payload);
        free(e->channel);
        free(e->payload);
        free(e);
    }
}

void notify_stop(struct notify *n)
{
    if (!n)
        return;
    if (n->started) {
        ssize_t w = write(n->stop_pipe[1], "x", 1);
        (void)w;
        pthread_join(n->thread, NULL);
    }
    notify_drain(n, NULL, NULL);
    if (n->stop_pipe[0] >= 0)
        close(n->stop_pipe[0]);
    if (n->stop_pipe[1] >= 0)
        close(n->stop_pipe[1]);
    pthread_mutex_destroy(&n->mu);
    free(n->conninfo);
    free(n);
}
