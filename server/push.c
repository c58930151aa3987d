/*
 * push.c — result and progress pushes driven by NOTIFY (see push.h).
 *
 * Each notification becomes one DB job that packs the envelope once; the
 * completion copies the packed bytes into every live session of the user.
 */
#include "server/push.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/log.h"
#include "common/str.h"
#include "db/pool.h"
#include "db/channels.h"
#include "server/results.h"
#include "server/session.h"
#include "server/userix.h"

#define STR_(x) #x
#define STRINGIFY(x) STR_(x)

struct push {
    unsigned in_flight;
    uint64_t n_dropped;
    /* A catch-up still owed: retried from push_tick() until it succeeds. */
    int64_t catchup_since; /* unix seconds; 0 when none is owed */
    int64_t catchup_next;  /* a gap reported while a catch-up was running */
    bool catchup_running;
};

enum push_kind { PUSH_RUNNING, PUSH_GRADED };

struct push_job {
    struct db_job db; /* first: the pool sees only this */
    struct server *srv;
    enum push_kind kind;
    int64_t sub_id;
    uint32_t max_frame;
    unsigned tries; /* attempts that found a dead connection */
    /* Outcome, written on the DB thread. */
    int64_t user_id; /* 0: nothing to send */
    uint8_t *out;    /* packed envelope, session_headroom in front */
    size_t out_len;
    bool trimmed; /* results_fit dropped parts */
};

struct catchup_job {
    struct db_job db;
    struct server *srv;
    int64_t since; /* unix seconds */
    unsigned tries;
    size_t n_users;
    int64_t *users;
    /* Outcome */
    int64_t *subs;
    size_t n_subs;
};

struct push *push_new(void)
{
    return calloc(1, sizeof(struct push));
}

void push_free(struct push *p)
{
    free(p);
}

/* ---- DB thread ---- */

static int pack_env(struct push_job *j, Envelope *env)
{
    return wire_pack(env, session_headroom, j->max_frame, &j->out, &j->out_len);
}

static int run_running(struct push_job *j, struct db *c)
{
    Lab__V1__GradeProgress pr = LAB__V1__GRADE_PROGRESS__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct db_res *r = NULL;
    char sid[24];
    const char *p[1] = {sid};
    int rc;

    (void)db_param_i64(sid, j->sub_id);
    rc = db_exec(c,
                 "SELECT s.user_id, s.state, (SELECT count(*) FROM lab_checks k "
                 "WHERE k.lab_id = s.lab_id AND k.version = s.lab_version) "
                 "FROM submissions s WHERE s.id = $1",
                 1, p, &r, NULL);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 1 && strcmp(db_res_get(r, 0, 1), "running") == 0) {
        pr.submission_id = j->sub_id;
        pr.state = LAB__V1__SUBMISSION_STATE__RUNNING;
        pr.checks_total = (uint32_t)db_res_u64_or(r, 0, 2, 0);
        env.body_case = LAB__V1__ENVELOPE__BODY_PROGRESS;
        env.progress = &pr;
        rc = pack_env(j, &env);
        if (rc == 0)
            j->user_id = db_res_i64_or(r, 0, 0, 0);
    }
    db_res_free(r);
    return rc;
}

static int run_graded(struct push_job *j, struct db *c)
{
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct result_set rs;
    int rc;

    rc = results_load(&rs, c, j->sub_id, 0, NULL, 1);
    if (rc < 0 || rs.n != 1)
        goto out;
    if (rs.res[0].state != LAB__V1__SUBMISSION_STATE__GRADED &&
        rs.res[0].state != LAB__V1__SUBMISSION_STATE__FAILED)
        goto out; /* not finished (a replayed or forged notification): nothing to say */
    env.body_case = LAB__V1__ENVELOPE__BODY_RESULT;
    env.result = rs.ptrs[0];
    if (protobuf_c_message_get_packed_size(&env.base) > j->max_frame)
        j->trimmed = true;
    rc = results_fit(&env, j->max_frame);
    if (rc < 0)
        goto out;
    rc = pack_env(j, &env);
    if (rc == 0)
        j->user_id = rs.user_ids[0];
out:
    result_set_release(&rs);
    return rc;
}

static int run_push(struct db_job *dj, struct db *c)
{
    struct push_job *j = (struct push_job *)dj;

    return j->kind == PUSH_RUNNING ? run_running(j, c) : run_graded(j, c);
}

/* ---- lws thread ---- */

static unsigned fan_out(struct server *srv, int64_t user_id, const uint8_t *buf, size_t len)
{
    size_t n = 0;
    const uint64_t *ids = userix_peek(srv->users, user_id, &n);
    unsigned sent = 0;

    /* Copy the ids first: sending may close a session and change the index. */
    uint64_t copy[16], *list = n <= 16 ? copy : malloc(n * sizeof *list);
    if (!list)
        return 0;
    if (n)
        memcpy(list, ids, n * sizeof *list);
    for (size_t i = 0; i < n; i++) {
        struct session *s = session_find(srv, list[i]);
        uint8_t *b;

        if (!s || s->state != SESS_AUTHED || s->user_id != user_id)
            continue;
        b = malloc(session_headroom + len + 1);
        if (!b)
            break;
        memcpy(b + session_headroom, buf + session_headroom, len);
        session_send_packed(s, b, len);
        sent++;
    }
    if (list != copy)
        free(list);
    return sent;
}

/*
 * After a database restart each pool connection learns it is dead only when
 * a job uses it (db/pool.c fails that job, never retries it), so a push that hit
 * one is posted again, at most once per pool connection plus one.
 */
static bool retry_worth(int rc, unsigned tries, const struct server *srv)
{
    return rc == LAB_E_UNAVAILABLE && tries <= srv->cfg->db_pool_size;
}

static void push_complete(struct db_job *dj, int rc)
{
    struct push_job *j = (struct push_job *)dj;
    struct server *srv = j->srv;

    if (srv->push && srv->push->in_flight)
        srv->push->in_flight--;
    if (rc < 0 && retry_worth(rc, j->tries, srv) && srv->db && srv->push) {
        j->tries++;
        memset(&j->db, 0, sizeof j->db);
        j->db.run = run_push;
        j->db.complete = push_complete;
        free(j->out);
        j->out = NULL;
        j->user_id = 0;
        if (db_pool_post(srv->db, &j->db) == 0) {
            srv->push->in_flight++;
            return;
        }
    }
    if (rc < 0) {
        log_event(LOG_WARN, "push.failed", "sub=%" PRId64 " kind=%s rc=%d err=\"%s\"", j->sub_id,
                  j->kind == PUSH_RUNNING ? "running" : "graded", rc, lab_strerror(rc));
    } else if (j->user_id && j->out) {
        unsigned sent = fan_out(srv, j->user_id, j->out, j->out_len);
        if (j->kind == PUSH_GRADED)
            log_event(LOG_INFO, "result.pushed",
                      "sub=%" PRId64 " uid=%" PRId64 " sessions=%u bytes=%zu trimmed=%s", j->sub_id,
                      j->user_id, sent, j->out_len, j->trimmed ? "true" : "false");
        else
            log_event(LOG_DEBUG, "progress.pushed", "sub=%" PRId64 " uid=%" PRId64 " sessions=%u",
                      j->sub_id, j->user_id, sent);
    }
    free(j->out);
    free(j);
}

static void post_push(struct server *srv, enum push_kind kind, int64_t sub_id)
{
    struct push_job *j;

    if (!srv->db || !srv->push)
        return;
    if (srv->push->in_flight >= PUSH_MAX_IN_FLIGHT) {
        srv->push->n_dropped++;
        log_event(LOG_WARN, "push.dropped",
                  "sub=%" PRId64 " reason=too_many_in_flight total=%" PRIu64, sub_id,
                  srv->push->n_dropped);
        return;
    }
    j = calloc(1, sizeof *j);
    if (!j) {
        log_event(LOG_WARN, "push.dropped", "sub=%" PRId64 " reason=nomem", sub_id);
        return;
    }
    j->db.run = run_push;
    j->db.complete = push_complete;
    j->srv = srv;
    j->kind = kind;
    j->sub_id = sub_id;
    j->max_frame = srv->cfg->ws_max_frame;
    if (db_pool_post(srv->db, &j->db) < 0) {
        srv->push->n_dropped++;
        log_event(LOG_WARN, "push.dropped", "sub=%" PRId64 " reason=db_queue_full", sub_id);
        free(j);
        return;
    }
    srv->push->in_flight++;
}

/* ---- catch-up after a LISTEN gap ---- */

static int run_catchup(struct db_job *dj, struct db *c)
{
    struct catchup_job *j = (struct catchup_job *)dj;
    size_t cap = 2 + j->n_users * 21 + 1, o = 0;
    char *arr = malloc(cap), since[24];
    const char *p[2] = {arr, since};
    struct db_res *r = NULL;
    int rc;

    if (!arr)
        return LAB_E_NOMEM;
    arr[o++] = '{';
    for (size_t i = 0; i < j->n_users; i++)
        o += (size_t)snprintf(arr + o, cap - o, "%s%" PRId64, i ? "," : "", j->users[i]);
    (void)snprintf(arr + o, cap - o, "}");
    (void)db_param_i64(since, j->since);
    rc = db_exec(c,
                 "SELECT id FROM submissions WHERE user_id = ANY($1::bigint[]) "
                 "AND state IN ('graded', 'failed') AND graded_at >= to_timestamp($2) "
                 "ORDER BY id LIMIT " STRINGIFY(PUSH_CATCHUP_MAX_RESULTS),
                 2, p, &r, NULL);
    free(arr);
    if (rc < 0)
        return rc;
    j->n_subs = (size_t)db_res_rows(r);
    j->subs = calloc(j->n_subs + 1, sizeof *j->subs);
    if (!j->subs) {
        db_res_free(r);
        return LAB_E_NOMEM;
    }
    for (size_t i = 0; i < j->n_subs; i++)
        j->subs[i] = db_res_i64_or(r, (int)i, 0, 0);
    db_res_free(r);
    return 0;
}

static void start_catchup(struct server *srv, unsigned tries);

static int64_t min_since(int64_t a, int64_t b)
{
    return !a ? b : !b ? a : a < b ? a : b;
}

static void catchup_complete(struct db_job *dj, int rc)
{
    struct catchup_job *j = (struct catchup_job *)dj;
    struct server *srv = j->srv;
    struct push *p = srv->push;

    if (p) {
        p->catchup_running = false;
        if (rc < 0 && p->catchup_next)
            p->catchup_since = min_since(p->catchup_since, p->catchup_next);
        else if (rc == 0)
            p->catchup_since = p->catchup_next; /* what this job covered is settled */
        p->catchup_next = 0;
    }
    if (rc < 0) {
        log_event(LOG_WARN, "push.catchup_failed", "rc=%d err=\"%s\" tries=%u", rc,
                  lab_strerror(rc), j->tries + 1);
        /* Dead pool connections are found one job at a time: try again at once a few
         * times, then leave it owed for push_tick(). */
        if (p && retry_worth(rc, j->tries, srv))
            start_catchup(srv, j->tries + 1);
        else if (p && rc != LAB_E_UNAVAILABLE && rc != LAB_E_NOMEM)
            p->catchup_since = 0; /* not a passing outage: give up rather than loop */
    } else {
        log_event(LOG_INFO, "push.catchup", "users=%zu results=%zu since=%" PRId64, j->n_users,
                  j->n_subs, j->since);
        for (size_t i = 0; i < j->n_subs; i++)
            post_push(srv, PUSH_GRADED, j->subs[i]);
        start_catchup(srv, 0); /* a gap that began while this one ran */
    }
    free(j->subs);
    free(j->users);
    free(j);
}

static void start_catchup(struct server *srv, unsigned tries)
{
    struct push *p = srv->push;
    size_t n = userix_n_users(srv->users);
    struct catchup_job *j;

    if (!p || !p->catchup_since || p->catchup_running || !srv->db)
        return;
    if (n == 0) {
        p->catchup_since = 0; /* nobody here to tell */
        return;
    }
    if (n > PUSH_CATCHUP_MAX_USERS)
        n = PUSH_CATCHUP_MAX_USERS;
    j = calloc(1, sizeof *j);
    if (!j || !(j->users = calloc(n, sizeof *j->users))) {
        free(j);
        log_event(LOG_WARN, "push.catchup_failed", "reason=nomem");
        return;
    }
    j->n_users = userix_users(srv->users, j->users, n);
    j->since = p->catchup_since - PUSH_CATCHUP_MARGIN_S;
    j->tries = tries;
    j->srv = srv;
    j->db.run = run_catchup;
    j->db.complete = catchup_complete;
    if (db_pool_post(srv->db, &j->db) < 0) {
        log_event(LOG_WARN, "push.catchup_failed", "reason=db_queue_full");
        free(j->users);
        free(j);
        return;
    }
    p->catchup_running = true;
}

void push_tick(struct server *srv)
{
    start_catchup(srv, 0);
}

/* ---- notifications ---- */

void push_note(void *arg, const char *channel, const char *payload)
{
    struct server *srv = arg;
    char q[LOG_VALUE_MAX + 16];
    struct db_event ev;
    bool ok = db_event_parse(channel, payload, &ev) == 0;

    if (ok && ev.kind == DB_EV_KIND_GAP) {
        if (srv->push) {
            struct push *p = srv->push;
            if (p->catchup_running)
                p->catchup_next = min_since(p->catchup_next, ev.since);
            else
                p->catchup_since = min_since(p->catchup_since, ev.since);
            start_catchup(srv, 0);
        }
        return;
    }
    if (strcmp(channel, DB_CHAN_GAP) == 0)
        return;
    log_event(LOG_DEBUG, "notify.received", "channel=%s payload=%s", channel,
              log_q(q, sizeof q, payload));
    if (!ok)
        return;
    if (ev.kind == DB_EV_KIND_GRADED)
        post_push(srv, PUSH_GRADED, ev.id);
    else if (ev.kind == DB_EV_KIND_RUNNING)
        post_push(srv, PUSH_RUNNING, ev.id);
}
