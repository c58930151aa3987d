/*
 * pool.h — labserver's database worker pool: blocking libpq on a few threads,
 * results back on the lws thread.
 *
 * A handler embeds a struct db_job in its own job struct and posts it. One of
 * db.pool_size threads, each owning one PGconn, runs job->run() (SQL with
 * parameters, Argon2 — anything slow), then queues the job for completion and
 * calls the wake function (lws_cancel_service). The lws thread calls
 * db_pool_drain(), which runs job->complete() for every finished job; drain is
 * idempotent, so spurious wake-ups do no harm.
 *
 * A thread that finds its connection broken fails the job with
 * LAB_E_UNAVAILABLE and reconnects with backoff (logs ev=db.disconnected and
 * ev=db.reconnected); jobs are never retried behind the caller's back.
 * Inside run() the job talks to PostgreSQL through the one wrapper, db/pg.h,
 * on the worker's connection (named "0", "1", ... in the log).
 */
#ifndef LAB_DB_POOL_H
#define LAB_DB_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "db/pg.h"

struct db_job;

/* Runs on a DB thread with the worker's connection, valid only during the call.
 * Returns 0 or a negative LAB_E_* code. */
typedef int db_run_fn(struct db_job *job, struct db *c);
/* Runs on the lws thread with run()'s return value (LAB_E_UNAVAILABLE when
 * the connection was down, LAB_E_BUSY never: db_pool_post refuses instead).
 * Ownership: complete() owns the job and frees it. */
typedef void db_complete_fn(struct db_job *job, int rc);

struct db_job {
    struct db_job *next;
    db_run_fn *run;
    db_complete_fn *complete;
    int rc;
};

typedef void db_wake_fn(void *arg);

struct db_pool;

/*
 * Start @n_threads workers connecting with @conninfo (connections are made
 * by the threads; the pool starts even when the database is down). The
 * queue holds at most @queue_max jobs. Returns 0 or LAB_E_NOMEM/-errno.
 */
int db_pool_start(struct db_pool **out, const char *conninfo, unsigned n_threads,
                  unsigned queue_max, db_wake_fn *wake, void *wake_arg) LAB_MUST_USE;

/*
 * Queue @job. Returns 0, LAB_E_BUSY when the queue is full, or
 * LAB_E_UNAVAILABLE when the pool is stopping.
 * Ownership: on success the pool holds the job until complete() runs; on
 * failure the caller keeps it.
 */
int db_pool_post(struct db_pool *p, struct db_job *job) LAB_MUST_USE;

/* On the lws thread: run complete() for every finished job. */
void db_pool_drain(struct db_pool *p);

/* Jobs posted whose complete() has not run yet. */
unsigned db_pool_pending(struct db_pool *p);

/* Workers that currently have a working connection. */
unsigned db_pool_connected(struct db_pool *p);

/*
 * Stop: refuse new posts, let the workers finish what is queued, join them,
 * run the remaining completions, close the connections and free the pool.
 * Accepts NULL.
 */
void db_pool_stop(struct db_pool *p);

#endif
