/*
 * server.h — the state shared by everything on the lws thread.
 *
 * One struct server per process, owned by main.c (created in loop_run's
 * caller, passed to lws as the context user). Only the lws thread touches it,
 * except the fields documented as set from a signal handler.
 */
#ifndef LAB_SERVER_SERVER_H
#define LAB_SERVER_SERVER_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "server/config.h"

#define SESS_BUCKETS 4096

struct lws_context;
struct session;
struct db_pool;
struct notify;
struct loginlim;
struct peers;
struct userix;
struct push;
struct live;

struct server {
    const struct server_cfg *cfg;
    struct lws_context *ctx;
    struct db_pool *db;
    struct notify *notify;
    struct loginlim *loginlim;
    struct peers *peers;
    struct userix *users; /* user_id → session ids of logged-in sessions */
    struct push *push;    /* grading pushes and board pushes (push.c) */
    struct live *live;    /* live exercises: waits, notices, live boards (live.c) */

    struct session *sessions[SESS_BUCKETS]; /* by id, chained through session.hnext */
    uint64_t next_sess_id;
    unsigned n_sessions;

    volatile sig_atomic_t stop_signal; /* set by the SIGTERM/SIGINT handler */
    bool stopping;                     /* shutdown begun: no new connections */
    bool closing_sessions;             /* close frames (1001) requested */
    bool done;                         /* leave the service loop */
    uint64_t stop_deadline_us;
};

/* Monotonic microseconds (for rate limits and deadlines). */
uint64_t server_now_us(void);

#endif
