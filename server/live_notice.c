/*
 * live_notice.c — LiveNotice pushes (see live.h). Owns the notice jobs: one
 * DB job per live:/live_end: notification (or login) loads the exercise and
 * the member ids and packs the envelope once; the lws thread copies it to
 * every session of every member it holds.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/str.h"
#include "db/channels.h"
#include "server/access.h"
#include "server/live_int.h"
#include "server/session.h"
#include "server/userix.h"
#include "server/validate.h"

struct notice_job {
    struct db_job db; /* first */
    struct server *srv;
    enum notice_kind kind;
    int64_t live_id;  /* NOTICE_MEMBERS */
    uint64_t sess_id; /* NOTICE_LOGIN */
    int64_t user_id;
    uint32_t max_frame;
    uint64_t noted_us;
    /* Outcome */
    int64_t *users; /* NOTICE_MEMBERS: members of the cohort */
    size_t n_users;
    uint8_t **bufs; /* packed envelopes: one for MEMBERS, one per exercise for LOGIN */
    size_t *lens;
    size_t n_bufs;
    bool ended;
};

static int add_buf(struct notice_job *j, const Lab__V1__LiveNotice *n)
{
    Envelope env = LAB__V1__ENVELOPE__INIT;
    int rc;

    env.body_case = LAB__V1__ENVELOPE__BODY_LIVE_NOTICE;
    env.live_notice = (Lab__V1__LiveNotice *)n;
    rc = wire_pack(&env, session_headroom, j->max_frame, &j->bufs[j->n_bufs], &j->lens[j->n_bufs]);
    if (rc == 0)
        j->n_bufs++;
    return rc;
}

static int run_notice_members(struct notice_job *j, struct db *c)
{
    struct live_notice_row n;
    struct db_res *r = NULL;
    char cid[24];
    const char *p[1] = {cid};
    int rc;

    j->bufs = calloc(1, sizeof *j->bufs);
    j->lens = calloc(1, sizeof *j->lens);
    if (!j->bufs || !j->lens)
        return LAB_E_NOMEM;
    rc = live_notice_load(c, j->live_id, &n);
    if (rc == 0) {
        j->ended = n.n.ended;
        (void)db_param_i64(cid, n.cohort_id);
        rc = add_buf(j, &n.n);
    }
    live_notice_release(&n);
    if (rc < 0)
        return rc;
    rc = db_exec(c, "SELECT user_id FROM memberships WHERE cohort_id = $1", 1, p, &r, NULL);
    if (rc < 0)
        return rc;
    j->n_users = (size_t)db_res_rows(r);
    j->users = calloc(j->n_users + 1, sizeof *j->users);
    if (!j->users) {
        db_res_free(r);
        return LAB_E_NOMEM;
    }
    for (size_t i = 0; i < j->n_users; i++)
        j->users[i] = db_res_i64_or(r, (int)i, 0, 0);
    db_res_free(r);
    return 0;
}

static int run_notice_login(struct notice_job *j, struct db *c)
{
    struct db_res *r = NULL;
    char uid[24];
    const char *p[1] = {uid};
    size_t n;
    int rc;

    (void)db_param_i64(uid, j->user_id);
    rc = db_exec(c,
                 "SELECT ls.id FROM live_sessions ls JOIN memberships m "
                 "ON m.cohort_id = ls.cohort_id AND m.user_id = $1 "
                 "WHERE ls.ended_at IS NULL ORDER BY ls.id LIMIT 16",
                 1, p, &r, NULL);
    if (rc < 0)
        return rc;
    n = (size_t)db_res_rows(r);
    j->bufs = calloc(n + 1, sizeof *j->bufs);
    j->lens = calloc(n + 1, sizeof *j->lens);
    if (!j->bufs || !j->lens) {
        db_res_free(r);
        return LAB_E_NOMEM;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct live_notice_row nr;
        rc = live_notice_load(c, db_res_i64_or(r, (int)i, 0, 0), &nr);
        if (rc == 0)
            rc = add_buf(j, &nr.n);
        else if (rc == LAB_E_NOT_FOUND)
            rc = 0;
        live_notice_release(&nr);
    }
    db_res_free(r);
    return rc;
}

static int run_notice(struct db_job *dj, struct db *c)
{
    struct notice_job *j = (struct notice_job *)dj;

    return j->kind == NOTICE_MEMBERS ? run_notice_members(j, c) : run_notice_login(j, c);
}

bool live_send_copy(struct session *s, const uint8_t *buf, size_t len)
{
    uint8_t *b = malloc(session_headroom + len + 1);

    if (!b)
        return false;
    memcpy(b + session_headroom, buf + session_headroom, len);
    session_send_packed(s, b, len);
    return true;
}

/* Send one packed envelope to every session here of each of @n users. */
static unsigned fan_out_users(struct server *srv, const int64_t *users, size_t n,
                              const uint8_t *buf, size_t len)
{
    unsigned sent = 0;

    for (size_t u = 0; u < n; u++) {
        size_t k = 0;
        const uint64_t *ids = userix_peek(srv->users, users[u], &k);
        uint64_t copy[8];

        if (k == 0)
            continue;
        /* Sending may close a session and change the index: copy the ids first. */
        if (k > 8)
            k = 8; /* more sessions of one user than this is not a classroom */
        memcpy(copy, ids, k * sizeof *copy);
        for (size_t i = 0; i < k; i++) {
            struct session *s = session_find(srv, copy[i]);
            if (!s || s->state != SESS_AUTHED || s->user_id != users[u])
                continue;
            if (!live_send_copy(s, buf, len))
                return sent;
            sent++;
        }
    }
    return sent;
}

static void notice_complete(struct db_job *dj, int rc)
{
    struct notice_job *j = (struct notice_job *)dj;
    struct server *srv = j->srv;

    if (srv->live && srv->live->in_flight)
        srv->live->in_flight--;
    if (rc < 0 && rc != LAB_E_NOT_FOUND) {
        log_event(LOG_WARN, "live.notice_failed", "live=%" PRId64 " rc=%d err=\"%s\"", j->live_id,
                  rc, lab_strerror(rc));
    } else if (rc == 0 && j->kind == NOTICE_MEMBERS && j->n_bufs == 1 && !j->ended && srv->live &&
               live_was_ended(srv->live, j->live_id)) {
        log_event(LOG_DEBUG, "live.notice_stale", "live=%" PRId64, j->live_id);
    } else if (rc == 0 && j->kind == NOTICE_MEMBERS && j->n_bufs == 1) {
        uint64_t t0 = server_now_us();
        if (j->ended && srv->live)
            srv->live->ended[srv->live->n_ended++ % 64] = j->live_id;
        unsigned sent = fan_out_users(srv, j->users, j->n_users, j->bufs[0], j->lens[0]);
        uint64_t t1 = server_now_us();
        log_event(LOG_INFO, "live.notice_pushed",
                  "live=%" PRId64 " ended=%s members=%zu sessions=%u bytes=%zu fanout_us=%" PRIu64
                  " since_note_us=%" PRIu64,
                  j->live_id, j->ended ? "true" : "false", j->n_users, sent, j->lens[0], t1 - t0,
                  t1 - j->noted_us);
        if (j->ended)
            live_watch_mark(srv, j->live_id);
    } else if (rc == 0 && j->kind == NOTICE_LOGIN) {
        struct session *s = session_find(srv, j->sess_id);
        for (size_t i = 0; s && i < j->n_bufs; i++)
            if (s->state == SESS_AUTHED && s->user_id == j->user_id)
                (void)live_send_copy(s, j->bufs[i], j->lens[i]);
        if (s && j->n_bufs)
            log_event(LOG_INFO, "live.notice_login", "sess=%" PRIu64 " uid=%" PRId64 " n=%zu",
                      j->sess_id, j->user_id, j->n_bufs);
    }
    for (size_t i = 0; i < j->n_bufs; i++)
        free(j->bufs[i]);
    free(j->bufs);
    free(j->lens);
    free(j->users);
    free(j);
}

void live_notice_post(struct server *srv, enum notice_kind kind, int64_t live_id, uint64_t sess_id,
                      int64_t user_id)
{
    struct live *lv = srv->live;
    struct notice_job *j;

    if (!srv->db || !lv)
        return;
    if (lv->in_flight >= LIVE_MAX_IN_FLIGHT) {
        log_event(LOG_WARN, "live.notice_dropped", "live=%" PRId64 " reason=too_many_in_flight",
                  live_id);
        return;
    }
    j = calloc(1, sizeof *j);
    if (!j)
        return;
    j->db.run = run_notice;
    j->db.complete = notice_complete;
    j->srv = srv;
    j->kind = kind;
    j->live_id = live_id;
    j->sess_id = sess_id;
    j->user_id = user_id;
    j->max_frame = srv->cfg->ws_max_frame;
    j->noted_us = server_now_us();
    if (db_pool_post(srv->db, &j->db) < 0) {
        log_event(LOG_WARN, "live.notice_dropped", "live=%" PRId64 " reason=db_queue_full",
                  live_id);
        free(j);
        return;
    }
    lv->in_flight++;
}

void live_notice_login(struct server *srv, uint64_t sess_id, int64_t user_id)
{
    live_notice_post(srv, NOTICE_LOGIN, 0, sess_id, user_id);
}
