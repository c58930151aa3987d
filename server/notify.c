/*
 * notify.c — LISTEN lab_events on its own thread and connection (see notify.h).
 *
 * The thread blocks in poll() on the libpq socket and on a pipe that
 * notify_stop() writes to, so stopping is immediate.
 */
#include "server/notify.h"

#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
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

static void one_line(const char *in, char *out, size_t cap)
{
    size_t o = 0;

    for (; in && *in && o + 1 < cap; in++)
        out[o++] = (*in == '\n' || *in == '\r') ? ' ' : *in;
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
}

static void notice_cb(void *arg, const char *message)
{
    char line[512], q[LOG_VALUE_MAX + 16];

    (void)arg;
    one_line(message, line, sizeof line);
    log_event(LOG_INFO, "db.notice", "conn=listener msg=%s", log_q(q, sizeof q, line));
}

static PGconn *connect_listen(struct notify *n, bool *logged_down, bool ever)
{
    static const char *const keys[] = {"connect_timeout", "application_name", "dbname", NULL};
    const char *vals[] = {"3", "labserver-listen", n->conninfo, NULL};
    char line[512], q[LOG_VALUE_MAX + 16];
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    PGresult *r;

    if (!pg || PQstatus(pg) != CONNECTION_OK)
        goto fail;
    PQsetNoticeProcessor(pg, notice_cb, NULL);
    r = PQexec(pg, "LISTEN " NOTIFY_CHANNEL);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        PQclear(r);
        goto fail;
    }
    PQclear(r);
    if (PQsetnonblocking(pg, 1) != 0)
        goto fail;
    log_event(LOG_INFO, ever ? "notify.reconnected" : "notify.listening", "channel=%s",
              NOTIFY_CHANNEL);
    *logged_down = false;
    return pg;
fail:
    one_line(pg ? PQerrorMessage(pg) : "out of memory", line, sizeof line);
    log_event(*logged_down ? LOG_DEBUG : LOG_WARN, "notify.connect_failed", "err=%s",
              log_q(q, sizeof q, line));
    *logged_down = true;
    PQfinish(pg);
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

static void *listener_main(void *arg)
{
    struct notify *n = arg;
    PGconn *pg = NULL;
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
                    enqueue(n, NOTIFY_GAP_CHANNEL, since);
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
            pf[1].fd = PQsocket(pg);
            pf[1].events = POLLIN;
        }
        if (poll(pf, 2, timeout) < 0 && errno != EINTR)
            break;
        if (pf[0].revents)
            break;
        if (pg && pf[1].revents) {
            PGnotify *nt;
            bool got = false;

            if (!PQconsumeInput(pg) || PQstatus(pg) != CONNECTION_OK) {
                char line[512], q[LOG_VALUE_MAX + 16];
                one_line(PQerrorMessage(pg), line, sizeof line);
                log_event(LOG_WARN, "notify.disconnected", "err=%s", log_q(q, sizeof q, line));
                logged_down = true;
                in_gap = true;
                gap_since = time(NULL);
                PQfinish(pg);
                pg = NULL;
                continue;
            }
            while ((nt = PQnotifies(pg)) != NULL) {
                enqueue(n, nt->relname, nt->extra);
                PQfreemem(nt);
                got = true;
            }
            if (got)
                n->wake(n->wake_arg);
        }
    }
    PQfinish(pg);
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
