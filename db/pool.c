/*
 * pool.c — labserver's worker threads with one blocking connection each (see pool.h).
 *
 * Why blocking libpq on threads rather than libpq's async API inside the lws
 * loop: the slow part of our requests is Argon2id (~40 ms of CPU), which has
 * to leave the lws thread anyway, and a blocking connection per thread keeps
 * every handler a straight line of SQL. The lws thread only ever touches the
 * two locked queues.
 *
 * Locking: one mutex guards both queues and the stopping flag; `pending` is
 * touched only on the lws thread (post and drain), so it needs no lock.
 */
#include "db/pool.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/log.h"
#include "common/str.h"

#define BACKOFF_MIN_MS 250
#define BACKOFF_MAX_MS 5000

struct worker {
    struct db_pool *pool;
    struct db *pg;
    unsigned idx;
    bool ever_connected;
    bool logged_down; /* the current outage has been logged */
    unsigned backoff_ms;
    uint64_t next_try_ms;
    pthread_t thread;
    bool thread_started;
};

struct db_pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct db_job *q_head, *q_tail;
    unsigned q_len, q_max;
    struct db_job *done_head, *done_tail;
    bool stopping;
    unsigned pending; /* lws thread only */
    atomic_uint connected;
    char *conninfo;
    db_wake_fn *wake;
    void *wake_arg;
    unsigned n;
    struct worker *conns;
};

static uint64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void conn_drop(struct worker *c)
{
    if (c->pg) {
        db_free(c->pg);
        c->pg = NULL;
        atomic_fetch_sub(&c->pool->connected, 1);
    }
}

static void schedule_retry(struct worker *c)
{
    c->backoff_ms = c->backoff_ms ? c->backoff_ms * 2 : BACKOFF_MIN_MS;
    if (c->backoff_ms > BACKOFF_MAX_MS)
        c->backoff_ms = BACKOFF_MAX_MS;
    c->next_try_ms = now_ms() + c->backoff_ms;
}

/* Connection lost during use: log once, reconnect at once on the next attempt. */
static void conn_lost(struct worker *c)
{
    char line[512], q[LOG_VALUE_MAX + 16];

    (void)db_error_message(c->pg, line, sizeof line);
    log_event(LOG_WARN, "db.disconnected", "conn=%u err=%s", c->idx, log_q(q, sizeof q, line));
    c->logged_down = true;
    conn_drop(c);
    c->backoff_ms = 0;
    c->next_try_ms = 0;
}

/* Try to connect if due. True when the connection is usable afterwards. */
static bool conn_ensure(struct worker *c)
{
    char line[512], q[LOG_VALUE_MAX + 16], name[16];
    struct lab_err err = {0};

    if (db_ok(c->pg))
        return true;
    if (c->pg)
        conn_lost(c);
    if (now_ms() < c->next_try_ms)
        return false;
    if (db_connect_app(c->pool->conninfo, "labserver", &c->pg, &err) < 0) {
        (void)str_copy(line, sizeof line, err.code == LAB_E_NOMEM ? "out of memory" : err.detail);
        c->pg = NULL;
        schedule_retry(c);
        log_event(c->logged_down ? LOG_DEBUG : LOG_WARN, "db.connect_failed",
                  "conn=%u err=%s retry_ms=%u", c->idx, log_q(q, sizeof q, line), c->backoff_ms);
        c->logged_down = true;
        return false;
    }
    atomic_fetch_add(&c->pool->connected, 1);
    snprintf(name, sizeof name, "%u", c->idx);
    db_set_log_name(c->pg, name);
    /* A stuck statement must not hold a worker (and a client) forever. Not fatal when
     * refused: statements then run without the cap, as before this connection. */
    if (db_exec(c->pg, "SET statement_timeout = '15s'", 0, NULL, NULL, NULL) < 0)
        log_event(LOG_WARN, "db.statement_timeout_refused", "conn=%u", c->idx);
    log_event(LOG_INFO, c->ever_connected ? "db.reconnected" : "db.connected", "conn=%u", c->idx);
    c->ever_connected = true;
    c->logged_down = false;
    c->backoff_ms = 0;
    return true;
}

static void run_one(struct worker *c, struct db_job *job)
{
    int rc;

    if (!conn_ensure(c)) {
        job->rc = LAB_E_UNAVAILABLE;
        return;
    }
    rc = job->run(job, c->pg);
    if (!db_ok(c->pg) || rc == LAB_E_UNAVAILABLE) {
        conn_lost(c);
        /* A refusal seen as the connection went down was caused by the outage. */
        if (rc == 0 || rc == LAB_E_DB || rc == LAB_E_EXISTS || rc == LAB_E_DENIED)
            rc = LAB_E_UNAVAILABLE;
    } else {
        /* A job that returned early inside BEGIN: its work is undone here
         * (db_rollback does nothing outside a transaction). */
        db_rollback(c->pg);
    }
    job->rc = rc;
}

static void *worker_main(void *arg)
{
    struct worker *c = arg;
    struct db_pool *p = c->pool;

    (void)conn_ensure(c);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        struct db_job *job;

        while (!p->q_head && !p->stopping) {
            if (!c->pg && c->next_try_ms) {
                /* Idle and disconnected: reconnect in the background when due. */
                uint64_t now = now_ms();
                if (now >= c->next_try_ms) {
                    pthread_mutex_unlock(&p->mu);
                    (void)conn_ensure(c);
                    pthread_mutex_lock(&p->mu);
                    continue;
                }
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                uint64_t wait_ms = c->next_try_ms - now;
                ts.tv_sec += (time_t)(wait_ms / 1000);
                ts.tv_nsec += (long)(wait_ms % 1000) * 1000000;
                if (ts.tv_nsec >= 1000000000) {
                    ts.tv_sec++;
                    ts.tv_nsec -= 1000000000;
                }
                pthread_cond_timedwait(&p->cv, &p->mu, &ts);
            } else {
                pthread_cond_wait(&p->cv, &p->mu);
            }
        }
        if (!p->q_head)
            break; /* stopping and nothing left */
        job = p->q_head;
        p->q_head = job->next;
        if (!p->q_head)
            p->q_tail = NULL;
        p->q_len--;
        pthread_mutex_unlock(&p->mu);

        job->next = NULL;
        run_one(c, job);

        pthread_mutex_lock(&p->mu);
        if (p->done_tail)
            p->done_tail->next = job;
        else
            p->done_head = job;
        p->done_tail = job;
        pthread_mutex_unlock(&p->mu);
        p->wake(p->wake_arg);
        pthread_mutex_lock(&p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    conn_drop(c);
    return NULL;
}

int db_pool_start(struct db_pool **out, const char *conninfo, unsigned n_threads,
                  unsigned queue_max, db_wake_fn *wake, void *wake_arg)
{
    struct db_pool *p;
    int rc;

    *out = NULL;
    p = calloc(1, sizeof *p);
    if (!p)
        return LAB_E_NOMEM;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    atomic_init(&p->connected, 0);
    p->q_max = queue_max;
    p->wake = wake;
    p->wake_arg = wake_arg;
    p->n = n_threads;
    p->conninfo = str_dup(conninfo);
    p->conns = calloc(n_threads, sizeof *p->conns);
    if (!p->conninfo || !p->conns) {
        rc = LAB_E_NOMEM;
        goto fail;
    }
    for (unsigned i = 0; i < n_threads; i++) {
        struct worker *c = &p->conns[i];
        c->pool = p;
        c->idx = i;
        rc = -pthread_create(&c->thread, NULL, worker_main, c);
        if (rc < 0)
            goto fail;
        c->thread_started = true;
    }
    *out = p;
    return 0;
fail:
    db_pool_stop(p);
    return rc;
}

int db_pool_post(struct db_pool *p, struct db_job *job)
{
    int rc = 0;

    job->next = NULL;
    job->rc = 0;
    pthread_mutex_lock(&p->mu);
    if (p->stopping)
        rc = LAB_E_UNAVAILABLE;
    else if (p->q_len >= p->q_max)
        rc = LAB_E_BUSY;
    else {
        if (p->q_tail)
            p->q_tail->next = job;
        else
            p->q_head = job;
        p->q_tail = job;
        p->q_len++;
        pthread_cond_signal(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    if (rc == 0)
        p->pending++;
    return rc;
}

void db_pool_drain(struct db_pool *p)
{
    struct db_job *list;

    pthread_mutex_lock(&p->mu);
    list = p->done_head;
    p->done_head = p->done_tail = NULL;
    pthread_mutex_unlock(&p->mu);
    while (list) {
        struct db_job *j = list;
        list = j->next;
        j->next = NULL;
        p->pending--;
        j->complete(j, j->rc);
    }
}

unsigned db_pool_pending(struct db_pool *p)
{
    return p->pending;
}

unsigned db_pool_connected(struct db_pool *p)
{
    return atomic_load(&p->connected);
}

void db_pool_stop(struct db_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stopping = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (unsigned i = 0; p->conns && i < p->n; i++)
        if (p->conns[i].thread_started)
            pthread_join(p->conns[i].thread, NULL);
    db_pool_drain(p);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p->conns);
    free(p->conninfo);
    free(p);
}
