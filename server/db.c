/*
 * db.c — worker threads with one blocking PGconn each (see db.h).
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
#include "server/db.h"

#include <errno.h>
#include <libpq-fe.h>
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

struct db_conn {
    struct db_pool *pool;
    PGconn *pg;
    unsigned idx;
    bool ever_connected;
    bool logged_down; /* the current outage has been logged */
    unsigned backoff_ms;
    uint64_t next_try_ms;
    char sqlstate[6];
    char constraint[64];
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
    struct db_conn *conns;
};

static uint64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* libpq's own messages end in a newline and may span lines: one log value. */
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
    struct db_conn *c = arg;
    char line[512], q[LOG_VALUE_MAX + 16];

    one_line(message, line, sizeof line);
    log_event(LOG_INFO, "db.notice", "conn=%u msg=%s", c->idx, log_q(q, sizeof q, line));
}

static void conn_drop(struct db_conn *c)
{
    if (c->pg) {
        PQfinish(c->pg);
        c->pg = NULL;
        atomic_fetch_sub(&c->pool->connected, 1);
    }
}

static void schedule_retry(struct db_conn *c)
{
    c->backoff_ms = c->backoff_ms ? c->backoff_ms * 2 : BACKOFF_MIN_MS;
    if (c->backoff_ms > BACKOFF_MAX_MS)
        c->backoff_ms = BACKOFF_MAX_MS;
    c->next_try_ms = now_ms() + c->backoff_ms;
}

/* Connection lost during use: log once, reconnect at once on the next attempt. */
static void conn_lost(struct db_conn *c)
{
    char line[512], q[LOG_VALUE_MAX + 16];

    one_line(c->pg ? PQerrorMessage(c->pg) : "", line, sizeof line);
    log_event(LOG_WARN, "db.disconnected", "conn=%u err=%s", c->idx, log_q(q, sizeof q, line));
    c->logged_down = true;
    conn_drop(c);
    c->backoff_ms = 0;
    c->next_try_ms = 0;
}

/* Try to connect if due. True when the connection is usable afterwards. */
static bool conn_ensure(struct db_conn *c)
{
    static const char *const keys[] = {"connect_timeout", "application_name", "dbname", NULL};
    const char *vals[] = {"3", "labserver", c->pool->conninfo, NULL};
    char line[512], q[LOG_VALUE_MAX + 16];
    PGresult *r;

    if (c->pg && PQstatus(c->pg) == CONNECTION_OK)
        return true;
    if (c->pg)
        conn_lost(c);
    if (now_ms() < c->next_try_ms)
        return false;
    c->pg = PQconnectdbParams(keys, vals, 1);
    if (!c->pg || PQstatus(c->pg) != CONNECTION_OK) {
        one_line(c->pg ? PQerrorMessage(c->pg) : "out of memory", line, sizeof line);
        if (c->pg)
            PQfinish(c->pg);
        c->pg = NULL;
        schedule_retry(c);
        log_event(c->logged_down ? LOG_DEBUG : LOG_WARN, "db.connect_failed",
                  "conn=%u err=%s retry_ms=%u", c->idx, log_q(q, sizeof q, line), c->backoff_ms);
        c->logged_down = true;
        return false;
    }
    atomic_fetch_add(&c->pool->connected, 1);
    PQsetNoticeProcessor(c->pg, notice_cb, c);
    /* A stuck statement must not hold a worker (and a client) forever. */
    r = PQexec(c->pg, "SET statement_timeout = '15s'");
    PQclear(r);
    log_event(LOG_INFO, c->ever_connected ? "db.reconnected" : "db.connected", "conn=%u",
              c->idx);
    c->ever_connected = true;
    c->logged_down = false;
    c->backoff_ms = 0;
    return true;
}

static void run_one(struct db_conn *c, struct db_job *job)
{
    int rc;

    if (!conn_ensure(c)) {
        job->rc = LAB_E_UNAVAILABLE;
        return;
    }
    c->sqlstate[0] = c->constraint[0] = '\0';
    rc = job->run(job, c);
    if (PQstatus(c->pg) != CONNECTION_OK || rc == LAB_E_UNAVAILABLE) {
        conn_lost(c);
        if (rc == 0 || rc == LAB_E_DB)
            rc = LAB_E_UNAVAILABLE;
    } else if (PQtransactionStatus(c->pg) != PQTRANS_IDLE) {
        /* A job that returned early inside BEGIN: its work is undone here. */
        PGresult *r = PQexec(c->pg, "ROLLBACK");
        PQclear(r);
    }
    job->rc = rc;
}

static void *worker_main(void *arg)
{
    struct db_conn *c = arg;
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
        struct db_conn *c = &p->conns[i];
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

int db_exec(struct db_conn *c, const char *sql, int n_params, const char *const *params,
            struct db_res **out)
{
    PGresult *r;
    ExecStatusType st;

    if (out)
        *out = NULL;
    r = PQexecParams(c->pg, sql, n_params, NULL, params, NULL, NULL, 0);
    st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
        if (out)
            *out = (struct db_res *)r;
        else
            PQclear(r);
        return 0;
    }
    if (!r || PQstatus(c->pg) != CONNECTION_OK) {
        PQclear(r);
        return LAB_E_UNAVAILABLE;
    }
    {
        const char *ss = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        const char *cn = PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME);
        char line[512], q[LOG_VALUE_MAX + 16];

        (void)str_copy(c->sqlstate, sizeof c->sqlstate, ss ? ss : "");
        (void)str_copy(c->constraint, sizeof c->constraint, cn ? cn : "");
        one_line(PQresultErrorMessage(r), line, sizeof line);
        /* Unique violations are expected answers (CONFLICT); others are worth a look. */
        log_event(strcmp(c->sqlstate, "23505") == 0 ? LOG_DEBUG : LOG_WARN, "db.query_failed",
                  "conn=%u sqlstate=%s err=%s", c->idx, c->sqlstate, log_q(q, sizeof q, line));
        /* Admin shutdown, crash recovery, etc.: the connection is going away. */
        if (strncmp(c->sqlstate, "57P", 3) == 0 || strncmp(c->sqlstate, "08", 2) == 0) {
            PQclear(r);
            return LAB_E_UNAVAILABLE;
        }
    }
    PQclear(r);
    return LAB_E_DB;
}

const char *db_sqlstate(const struct db_conn *c)
{
    return c->sqlstate;
}

const char *db_constraint(const struct db_conn *c)
{
    return c->constraint;
}

int db_nrows(const struct db_res *r)
{
    return PQntuples((const PGresult *)r);
}

const char *db_val(const struct db_res *r, int row, int col)
{
    return PQgetvalue((const PGresult *)r, row, col);
}

bool db_isnull(const struct db_res *r, int row, int col)
{
    return PQgetisnull((const PGresult *)r, row, col) != 0;
}

void db_res_free(struct db_res *r)
{
    PQclear((PGresult *)r);
}
