/*
 * req.h — a request that needs the database: the job a handler posts and
 * the reply it produces.
 *
 * A handler allocates its own job struct with struct req_job first
 * (req_new), fills in the request fields it copied from the envelope (the
 * envelope is freed when the handler returns), and calls req_post(). The
 * run function executes on a DB thread and finishes with req_reply() or
 * req_fail(); the completion on the lws thread calls the optional after()
 * hook (to change the session's login state) and sends the reply to the
 * session if it is still open.
 */
#ifndef LAB_SERVER_REQ_H
#define LAB_SERVER_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/wire.h"
#include "db/pool.h"
#include "server/session.h"

#define REQ_RETRY_DB_MS 1000

struct req_job;

/* On the lws thread after run(); @s is NULL when the session has closed. */
typedef void req_after_fn(struct req_job *j, struct session *s);

struct req_job {
    struct db_job db; /* first: the pool sees only this */
    struct server *srv;
    uint64_t sess_id;
    uint64_t reply_to;
    Lab__V1__Envelope__BodyCase body;
    /* Who asked, as of posting (the session may change or go). */
    int64_t user_id;
    Lab__V1__Role role;
    char username[33];
    char peer[PEER_ADDR_MAX];
    uint32_t max_frame;
    size_t size; /* of the whole job, to wipe it */
    req_after_fn *after;
    bool counted;  /* in the session's in_flight count (req_post) */
    bool deferred; /* run() answered nothing: after() or a later job will */
    /* Outcome, written on the DB thread. */
    uint8_t *out; /* packed reply with session_headroom in front */
    size_t out_len;
    Lab__V1__ErrorCode err; /* non-zero: answer with this error */
    uint32_t retry_ms;
    char err_text[256];
};

/*
 * Allocate a zeroed job of @size bytes (>= sizeof(struct req_job)) for
 * request @req on @s, running @run. NULL on OOM (already answered).
 * Ownership: the caller owns it until req_post().
 */
void *req_new(struct session *s, const Envelope *req, size_t size, db_run_fn *run);

/*
 * Post @j. When the queue is full or the pool stopping, answers UNAVAILABLE
 * ("server busy") and frees @j.
 * Ownership: always takes @j.
 */
void req_post(struct session *s, struct req_job *j);

/*
 * A new job of @size bytes running @run that answers the same request as
 * @tmpl (same session, reply id, user and peer) — for a request whose
 * answer comes from a later job (a live start waiting for a labworker).
 * NULL on OOM. Ownership: the caller owns it until req_post_detached().
 */
void *req_clone(const struct req_job *tmpl, size_t size, db_run_fn *run);

/*
 * Post a cloned job, not counted against the session's in-flight cap.
 * Returns 0, or a negative code after answering the session (when still
 * open) with UNAVAILABLE and freeing @j.
 * Ownership: always takes @j.
 */
int req_post_detached(struct req_job *j);

/* DB thread: pack @env (reply_to is set here) as the reply. Returns 0. */
int req_reply(struct req_job *j, Envelope *env);

/* DB thread: answer with an error. Returns 0 so run() can `return req_fail(...)`. */
int req_fail(struct req_job *j, Lab__V1__ErrorCode code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "student" → LAB__V1__ROLE__STUDENT, ... (ROLE_UNSPECIFIED for anything else). */
Lab__V1__Role role_from_text(const char *s);

#endif
