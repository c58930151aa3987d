/*
 * live.c — live exercises on the lws thread and their DB jobs (see live.h).
 */
#include "server/live.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/str.h"
#include "server/access.h"
#include "server/notify.h"
#include "server/session.h"
#include "server/userix.h"
#include "server/validate.h"

struct waiter {
    struct waiter *next;
    uint64_t id;
    struct req_job *tmpl; /* the LiveStart's identity: session, reply id, user */
    char lab_id[LAB_ID_MAX + 1];
    char version[65];
    int64_t cohort_id;
    char cohort[COHORT_NAME_MAX + 1];
    uint32_t minutes;
    uint64_t deadline_us;
    uint64_t next_check_us;
    bool in_flight;
    bool recheck; /* a notification came while a check was in flight */
};

struct watcher {
    uint64_t sess_id;
    int64_t user_id;
    bool full_view;
};

struct board_state {
    struct board_state *next;
    int64_t live_id;
    struct watcher *w;
    size_t n, cap;
    bool dirty, in_flight;
    uint64_t last_us;
};

struct live {
    struct waiter *waiters;
    size_t n_waiting;
    uint64_t next_wait_id;
    struct board_state *boards;
    size_t n_watchers;
    unsigned in_flight; /* notice loads */
    bool sweep_in_flight;
    uint64_t next_sweep_us;
    /* Exercises whose end was pushed here: a start notice loaded on another DB thread
     * before the end and completing after it must not be sent (it would look running). */
    int64_t ended[64];
    unsigned n_ended;
};

static bool was_ended(const struct live *lv, int64_t live_id)
{
    for (unsigned i = 0; i < sizeof lv->ended / sizeof lv->ended[0]; i++)
        if (lv->ended[i] == live_id)
            return true;
    return false;
}

struct live *live_new(void)
{
    return calloc(1, sizeof(struct live));
}

static void board_free(struct board_state *b)
{
    if (b) {
        free(b->w);
        free(b);
    }
}

void live_free(struct live *lv)
{
    if (!lv)
        return;
    while (lv->waiters) {
        struct waiter *w = lv->waiters;
        lv->waiters = w->next;
        free(w->tmpl);
        free(w);
    }
    while (lv->boards) {
        struct board_state *b = lv->boards;
        lv->boards = b->next;
        board_free(b);
    }
    free(lv);
}

static void id_text(int64_t id, char *out, size_t cap)
{
    snprintf(out, cap, "%" PRId64, id);
}

/* ---- DB thread: shared loaders ---- */

int live_notice_load(struct db_conn *c, int64_t live_id, struct live_notice_row *out)
{
    char lid[24];
    const char *p[1] = {lid};
    const struct db_res *r;
    int rc;

    memset(out, 0, sizeof *out);
    lab__v1__live_notice__init(&out->n);
    id_text(live_id, lid, sizeof lid);
    rc = db_exec(c,
                 "SELECT ls.id, c.name, ls.lab_id, v.title, "
                 "extract(epoch FROM ls.started_at)::bigint, "
                 "coalesce(extract(epoch FROM ls.ends_at)::bigint, 0), ls.ended_at IS NOT NULL, "
                 "v.statement_md, coalesce(u.display_name, ''), ls.cohort_id "
                 "FROM live_sessions ls JOIN cohorts c ON c.id = ls.cohort_id "
                 "JOIN lab_versions v ON v.lab_id = ls.lab_id AND v.version = ls.lab_version "
                 "LEFT JOIN users u ON u.id = ls.started_by WHERE ls.id = $1",
                 1, p, &out->r);
    if (rc < 0)
        return rc;
    r = out->r;
    if (db_nrows(r) != 1)
        return LAB_E_NOT_FOUND;
    out->n.live_id = strtoll(db_val(r, 0, 0), NULL, 10);
    out->n.cohort = (char *)db_val(r, 0, 1);
    out->n.lab_id = (char *)db_val(r, 0, 2);
    out->n.title = (char *)db_val(r, 0, 3);
    out->n.started_at = strtoll(db_val(r, 0, 4), NULL, 10);
    out->n.ends_at = strtoll(db_val(r, 0, 5), NULL, 10);
    out->n.ended = strcmp(db_val(r, 0, 6), "t") == 0;
    out->n.statement_md.data = (uint8_t *)db_val(r, 0, 7);
    out->n.statement_md.len = strlen(db_val(r, 0, 7));
    out->n.started_by = (char *)db_val(r, 0, 8);
    out->cohort_id = strtoll(db_val(r, 0, 9), NULL, 10);
    return 0;
}

void live_notice_release(struct live_notice_row *n)
{
    db_res_free(n->r);
    n->r = NULL;
}

static uint32_t u32_of(const char *s)
{
    long long v = strtoll(s, NULL, 10);

    return v < 0 ? 0 : v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

int live_board_load(struct db_conn *c, int64_t live_id, struct live_board_data *d)
{
    char lid[24], cid[24];
    int rc;

    memset(d, 0, sizeof *d);
    lab__v1__live_board__init(&d->hdr);
    id_text(live_id, lid, sizeof lid);
    {
        const char *p[1] = {lid};
        rc = db_exec(c,
                     "SELECT ls.id, c.name, ls.lab_id, v.title, "
                     "extract(epoch FROM ls.started_at)::bigint, "
                     "coalesce(extract(epoch FROM ls.ends_at)::bigint, 0), "
                     "ls.ended_at IS NOT NULL, c.board_mode, ls.cohort_id "
                     "FROM live_sessions ls JOIN cohorts c ON c.id = ls.cohort_id "
                     "JOIN lab_versions v ON v.lab_id = ls.lab_id AND v.version = ls.lab_version "
                     "WHERE ls.id = $1",
                     1, p, &d->meta);
        if (rc < 0)
            return rc;
    }
    if (db_nrows(d->meta) != 1)
        return LAB_E_NOT_FOUND;
    d->hdr.live_id = live_id;
    d->hdr.cohort = (char *)db_val(d->meta, 0, 1);
    d->hdr.lab_id = (char *)db_val(d->meta, 0, 2);
    d->hdr.title = (char *)db_val(d->meta, 0, 3);
    d->hdr.started_at = strtoll(db_val(d->meta, 0, 4), NULL, 10);
    d->hdr.ends_at = strtoll(db_val(d->meta, 0, 5), NULL, 10);
    d->hdr.ended = strcmp(db_val(d->meta, 0, 6), "t") == 0;
    d->mode = board_mode_from_text(db_val(d->meta, 0, 7));
    (void)str_copy(cid, sizeof cid, db_val(d->meta, 0, 8));
    {
        /* Every student of the cohort, with or without an attempt. */
        const char *p[2] = {lid, cid};
        rc = db_exec(c,
                     "SELECT u.id, u.display_name, coalesce(s.attempts, 0), "
                     "coalesce(s.best_score, 0), coalesce(s.max_score, 0), "
                     "coalesce(extract(epoch FROM s.solved_at)::bigint, 0), "
                     "coalesce(extract(epoch FROM s.improved_at)::bigint, 0) "
                     "FROM memberships m JOIN users u ON u.id = m.user_id "
                     "LEFT JOIN live_scores s ON s.live_id = $1 AND s.user_id = m.user_id "
                     "WHERE m.cohort_id = $2 AND m.role = 'student' AND NOT u.disabled "
                     "LIMIT 5000",
                     2, p, &d->rows);
        if (rc < 0)
            return rc;
    }
    d->n = (size_t)db_nrows(d->rows);
    d->e = calloc(d->n + 1, sizeof *d->e);
    if (!d->e)
        return LAB_E_NOMEM;
    for (size_t i = 0; i < d->n; i++) {
        struct live_entry *e = &d->e[i];
        e->user_id = strtoll(db_val(d->rows, (int)i, 0), NULL, 10);
        e->display_name = db_val(d->rows, (int)i, 1);
        e->attempts = u32_of(db_val(d->rows, (int)i, 2));
        e->best_score = u32_of(db_val(d->rows, (int)i, 3));
        e->max_score = u32_of(db_val(d->rows, (int)i, 4));
        e->solved_at = strtoll(db_val(d->rows, (int)i, 5), NULL, 10);
        e->improved_at = strtoll(db_val(d->rows, (int)i, 6), NULL, 10);
        if (e->solved_at)
            d->hdr.n_solved++;
    }
    d->hdr.n_students = (uint32_t)d->n;
    liveboard_rank(d->e, d->n);
    return 0;
}

void live_board_release(struct live_board_data *d)
{
    free(d->e);
    d->e = NULL;
    db_res_free(d->rows);
    db_res_free(d->meta);
    d->rows = d->meta = NULL;
}

int live_board_pack(const struct live_board_data *d, int64_t viewer, bool full_view,
                    uint64_t reply_to, size_t max_frame, uint8_t **buf, size_t *len)
{
    Lab__V1__LiveBoard b = d->hdr;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    size_t *idx = calloc(d->n + 1, sizeof *idx);
    Lab__V1__LiveBoardRow *rows = calloc(d->n + 1, sizeof *rows);
    Lab__V1__LiveBoardRow **ptrs = calloc(d->n + 1, sizeof *ptrs);
    size_t shown;
    int rc;

    *buf = NULL;
    if (!idx || !rows || !ptrs) {
        rc = LAB_E_NOMEM;
        goto out;
    }
    shown = liveboard_select(d->e, d->n, d->mode, full_view, viewer, idx, &b.your_rank);
    for (size_t i = 0; i < shown; i++) {
        const struct live_entry *e = &d->e[idx[i]];
        lab__v1__live_board_row__init(&rows[i]);
        rows[i].rank = e->rank;
        rows[i].display_name = (char *)e->display_name;
        rows[i].attempts = e->attempts;
        rows[i].best_score = e->best_score;
        rows[i].max_score = e->max_score;
        rows[i].solved_at = e->solved_at;
        rows[i].is_you = e->user_id == viewer;
        ptrs[i] = &rows[i];
    }
    b.n_rows = shown;
    b.rows = ptrs;
    env.reply_to = reply_to;
    env.body_case = LAB__V1__ENVELOPE__BODY_LIVE_BOARD;
    env.live_board = &b;
    rc = wire_pack(&env, session_headroom, max_frame, buf, len);
out:
    free(ptrs);
    free(rows);
    free(idx);
    return rc;
}

int live_begin_tx(struct req_job *j, struct db_conn *c, const struct live_begin *b,
                  int64_t *live_id)
{
    char cid[24], uid[24], mins[16], lid[24], detail[200];
    struct db_res *r = NULL;
    int rc;

    id_text(b->cohort_id, cid, sizeof cid);
    id_text(j->user_id, uid, sizeof uid);
    snprintf(mins, sizeof mins, "%u", b->minutes);
    rc = db_exec(c, "BEGIN", 0, NULL, NULL);
    if (rc < 0)
        return rc;
    if (b->reopen) {
        const char *p[3] = {cid, b->lab_id, uid};
        rc = db_exec(c,
                     "UPDATE cohort_labs SET open = true, changed_by = $3, changed_at = now() "
                     "WHERE cohort_id = $1 AND lab_id = $2 AND NOT open",
                     3, p, NULL);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[1] = {cid};
        rc =
            db_exec(c,
                    "WITH e AS (UPDATE live_sessions SET ended_at = now() "
                    "WHERE cohort_id = $1 AND ended_at IS NULL RETURNING id, cohort_id) "
                    "SELECT pg_notify('" NOTIFY_CHANNEL "', 'live_end:' || cohort_id || ':' || id) "
                    "FROM e",
                    1, p, NULL);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[5] = {cid, b->lab_id, b->version, uid, mins};
        rc = db_exec(c,
                     "INSERT INTO live_sessions (cohort_id, lab_id, lab_version, started_by, "
                     "ends_at) VALUES ($1, $2, $3, $4, CASE WHEN $5::int > 0 "
                     "THEN now() + make_interval(mins => $5::int) END) RETURNING id",
                     5, p, &r);
        if (rc == LAB_E_DB && strcmp(db_sqlstate(c), "23505") == 0)
            return req_fail(j, LAB__V1__ERROR_CODE__CONFLICT,
                            "another live exercise was started in class '%s' at the same "
                            "moment; try again",
                            b->cohort);
        if (rc < 0)
            return rc;
        (void)str_copy(lid, sizeof lid, db_val(r, 0, 0));
        db_res_free(r);
    }
    {
        const char *p[2] = {cid, lid};
        rc = db_exec(c, "SELECT pg_notify('" NOTIFY_CHANNEL "', 'live:' || $1 || ':' || $2)", 2, p,
                     NULL);
        if (rc < 0)
            return rc;
    }
    snprintf(detail, sizeof detail, "live=%s lab=%s version=%.12s minutes=%u", lid, b->lab_id,
             b->version, b->minutes);
    rc = access_audit(j, c, "live.start", b->cohort, detail);
    if (rc < 0)
        return rc;
    rc = db_exec(c, "COMMIT", 0, NULL, NULL);
    if (rc < 0)
        return rc;
    *live_id = strtoll(lid, NULL, 10);
    return 0;
}

/* ---- waiting for a labworker ---- */

struct resolve_job {
    struct req_job base;
    uint64_t wait_id;
    char lab_id[LAB_ID_MAX + 1];
    char version[65];
    int64_t cohort_id;
    char cohort[COHORT_NAME_MAX + 1];
    uint32_t minutes;
    bool still_pending; /* outcome */
    int64_t live_id;
};

static int reply_notice(struct req_job *j, struct db_conn *c, int64_t live_id)
{
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct live_notice_row n;
    int rc = live_notice_load(c, live_id, &n);

    if (rc == 0) {
        env.body_case = LAB__V1__ENVELOPE__BODY_LIVE_NOTICE;
        env.live_notice = &n.n;
        rc = req_reply(j, &env);
    }
    live_notice_release(&n);
    return rc;
}

static int run_resolve(struct db_job *dj, struct db_conn *c)
{
    struct resolve_job *k = (struct resolve_job *)dj;
    const char *p[2] = {k->lab_id, k->version};
    struct live_begin b = {k->cohort_id, k->cohort, k->lab_id, k->version, k->minutes, false};
    struct db_res *r = NULL;
    char state[16];
    int rc;

    rc = db_exec(c,
                 "SELECT state, coalesce(reject_reason, '') FROM lab_versions "
                 "WHERE lab_id = $1 AND version = $2",
                 2, p, &r);
    if (rc < 0)
        return rc;
    if (db_nrows(r) != 1) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__INTERNAL,
                        "your lab disappeared while it was being checked; upload it again");
    }
    (void)str_copy(state, sizeof state, db_val(r, 0, 0));
    if (strcmp(state, "rejected") == 0) {
        rc = req_fail(&k->base, LAB__V1__ERROR_CODE__BAD_REQUEST, "your lab was refused: %s",
                      db_val(r, 0, 1));
        db_res_free(r);
        return rc;
    }
    db_res_free(r);
    if (strcmp(state, "live") != 0) {
        k->still_pending = true;
        k->base.deferred = true;
        return 0;
    }
    rc = live_begin_tx(&k->base, c, &b, &k->live_id);
    if (rc < 0 || k->base.err)
        return rc;
    return reply_notice(&k->base, c, k->live_id);
}

static struct waiter *find_waiter(struct live *lv, uint64_t id, struct waiter ***pp_out)
{
    struct waiter **pp = &lv->waiters;

    while (*pp && (*pp)->id != id)
        pp = &(*pp)->next;
    if (pp_out)
        *pp_out = pp;
    return *pp;
}

static void drop_waiter(struct live *lv, uint64_t id)
{
    struct waiter **pp, *w = find_waiter(lv, id, &pp);

    if (!w)
        return;
    *pp = w->next;
    lv->n_waiting--;
    free(w->tmpl);
    free(w);
}

static void resolve_after(struct req_job *j, struct session *s)
{
    struct resolve_job *k = (struct resolve_job *)j;
    struct live *lv = j->srv->live;
    struct waiter *w = lv ? find_waiter(lv, k->wait_id, NULL) : NULL;

    (void)s;
    if (!w)
        return;
    w->in_flight = false;
    if (k->still_pending && !j->err) {
        if (w->recheck)
            w->next_check_us = 0;
        w->recheck = false;
        return;
    }
    if (!j->err)
        log_event(LOG_INFO, "live.started",
                  "live=%" PRId64 " cohort=%s lab=%s version=%.12s user=%s waited=true", k->live_id,
                  k->cohort, k->lab_id, k->version, j->username);
    else
        log_event(LOG_INFO, "live.start_refused", "cohort=%s lab=%s version=%.12s user=%s code=%s",
                  k->cohort, k->lab_id, k->version, j->username, wire_error_name(j->err));
    drop_waiter(lv, k->wait_id);
}

static void post_resolve(struct server *srv, struct waiter *w)
{
    struct resolve_job *k = req_clone(w->tmpl, sizeof *k, run_resolve);

    if (!k)
        return; /* retried at the next check */
    k->wait_id = w->id;
    memcpy(k->lab_id, w->lab_id, sizeof k->lab_id);
    memcpy(k->version, w->version, sizeof k->version);
    k->cohort_id = w->cohort_id;
    memcpy(k->cohort, w->cohort, sizeof k->cohort);
    k->minutes = w->minutes;
    k->base.after = resolve_after;
    w->in_flight = true;
    if (req_post_detached(&k->base) < 0) {
        /* Already answered UNAVAILABLE. */
        drop_waiter(srv->live, w->id);
    }
}

int live_wait_add(struct server *srv, const struct req_job *tmpl, const char *lab_id,
                  const char *version, int64_t cohort_id, const char *cohort, uint32_t minutes)
{
    struct live *lv = srv->live;
    struct waiter *w;
    uint64_t now = server_now_us();

    if (!lv || lv->n_waiting >= LIVE_MAX_WAITING)
        return LAB_E_BUSY;
    w = calloc(1, sizeof *w);
    if (!w || !(w->tmpl = req_clone(tmpl, sizeof *w->tmpl, NULL))) {
        free(w);
        return LAB_E_NOMEM;
    }
    w->id = ++lv->next_wait_id;
    (void)str_copy(w->lab_id, sizeof w->lab_id, lab_id);
    (void)str_copy(w->version, sizeof w->version, version);
    w->cohort_id = cohort_id;
    (void)str_copy(w->cohort, sizeof w->cohort, cohort);
    w->minutes = minutes;
    w->deadline_us = now + (uint64_t)srv->cfg->live_verify_timeout_s * 1000000;
    w->next_check_us = now + (uint64_t)LIVE_RECHECK_MS * 1000;
    w->next = lv->waiters;
    lv->waiters = w;
    lv->n_waiting++;
    log_event(LOG_INFO, "live.waiting", "cohort=%s lab=%s version=%.12s user=%s", cohort, lab_id,
              version, tmpl->username);
    return 0;
}

static void tick_waiters(struct server *srv, uint64_t now)
{
    struct live *lv = srv->live;
    struct waiter *w = lv->waiters;

    while (w) {
        struct waiter *next = w->next;
        struct session *s = session_find(srv, w->tmpl->sess_id);

        if (w->in_flight) {
            w = next;
            continue;
        }
        if (!s || s->user_id != w->tmpl->user_id) {
            /* Nobody left to answer: start nothing behind the instructor's back. */
            log_event(LOG_INFO, "live.wait_abandoned", "cohort=%s lab=%s user=%s", w->cohort,
                      w->lab_id, w->tmpl->username);
            drop_waiter(lv, w->id);
        } else if (now >= w->deadline_us) {
            Envelope fake = {.body_case = w->tmpl->body, .id = w->tmpl->reply_to};
            log_event(LOG_WARN, "live.verify_timeout", "cohort=%s lab=%s version=%.12s", w->cohort,
                      w->lab_id, w->version);
            session_refuse(s, &fake, LAB__V1__ERROR_CODE__UNAVAILABLE, 0,
                           "no grading worker verified the lab in time; is labworker running?");
            drop_waiter(lv, w->id);
        } else if (now >= w->next_check_us) {
            w->next_check_us = now + (uint64_t)LIVE_RECHECK_MS * 1000;
            post_resolve(srv, w);
        }
        w = next;
    }
}

/* 'lab:<id>:<version>:<state>' for a version someone here waits for. */
static void note_lab(struct server *srv, const char *rest)
{
    const char *c1 = strchr(rest, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    size_t id_len, ver_len;

    if (!c1 || !c2)
        return;
    id_len = (size_t)(c1 - rest);
    ver_len = (size_t)(c2 - c1 - 1);
    for (struct waiter *w = srv->live->waiters; w; w = w->next) {
        if (strlen(w->lab_id) != id_len || memcmp(w->lab_id, rest, id_len) != 0 ||
            strlen(w->version) != ver_len || memcmp(w->version, c1 + 1, ver_len) != 0)
            continue;
        if (w->in_flight)
            w->recheck = true;
        else
            w->next_check_us = 0; /* at the next tick, at most LIVE_TICK_MS away */
    }
}

/* ---- notices to members ---- */

enum notice_kind { NOTICE_MEMBERS, NOTICE_LOGIN };

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

static int run_notice_members(struct notice_job *j, struct db_conn *c)
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
        id_text(n.cohort_id, cid, sizeof cid);
        rc = add_buf(j, &n.n);
    }
    live_notice_release(&n);
    if (rc < 0)
        return rc;
    rc = db_exec(c, "SELECT user_id FROM memberships WHERE cohort_id = $1", 1, p, &r);
    if (rc < 0)
        return rc;
    j->n_users = (size_t)db_nrows(r);
    j->users = calloc(j->n_users + 1, sizeof *j->users);
    if (!j->users) {
        db_res_free(r);
        return LAB_E_NOMEM;
    }
    for (size_t i = 0; i < j->n_users; i++)
        j->users[i] = strtoll(db_val(r, (int)i, 0), NULL, 10);
    db_res_free(r);
    return 0;
}

static int run_notice_login(struct notice_job *j, struct db_conn *c)
{
    struct db_res *r = NULL;
    char uid[24];
    const char *p[1] = {uid};
    size_t n;
    int rc;

    id_text(j->user_id, uid, sizeof uid);
    rc = db_exec(c,
                 "SELECT ls.id FROM live_sessions ls JOIN memberships m "
                 "ON m.cohort_id = ls.cohort_id AND m.user_id = $1 "
                 "WHERE ls.ended_at IS NULL ORDER BY ls.id LIMIT 16",
                 1, p, &r);
    if (rc < 0)
        return rc;
    n = (size_t)db_nrows(r);
    j->bufs = calloc(n + 1, sizeof *j->bufs);
    j->lens = calloc(n + 1, sizeof *j->lens);
    if (!j->bufs || !j->lens) {
        db_res_free(r);
        return LAB_E_NOMEM;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct live_notice_row nr;
        rc = live_notice_load(c, strtoll(db_val(r, (int)i, 0), NULL, 10), &nr);
        if (rc == 0)
            rc = add_buf(j, &nr.n);
        else if (rc == LAB_E_NOT_FOUND)
            rc = 0;
        live_notice_release(&nr);
    }
    db_res_free(r);
    return rc;
}

static int run_notice(struct db_job *dj, struct db_conn *c)
{
    struct notice_job *j = (struct notice_job *)dj;

    return j->kind == NOTICE_MEMBERS ? run_notice_members(j, c) : run_notice_login(j, c);
}

static bool send_copy(struct session *s, const uint8_t *buf, size_t len)
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
            if (!send_copy(s, buf, len))
                return sent;
            sent++;
        }
    }
    return sent;
}

static void mark_board(struct server *srv, int64_t live_id);

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
               was_ended(srv->live, j->live_id)) {
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
            mark_board(srv, j->live_id);
    } else if (rc == 0 && j->kind == NOTICE_LOGIN) {
        struct session *s = session_find(srv, j->sess_id);
        for (size_t i = 0; s && i < j->n_bufs; i++)
            if (s->state == SESS_AUTHED && s->user_id == j->user_id)
                (void)send_copy(s, j->bufs[i], j->lens[i]);
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

static void post_notice(struct server *srv, enum notice_kind kind, int64_t live_id,
                        uint64_t sess_id, int64_t user_id)
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
    post_notice(srv, NOTICE_LOGIN, 0, sess_id, user_id);
}

/* ---- boards ---- */

static struct board_state *find_board(struct live *lv, int64_t live_id, struct board_state ***pp)
{
    struct board_state **p = &lv->boards;

    while (*p && (*p)->live_id != live_id)
        p = &(*p)->next;
    if (pp)
        *pp = p;
    return *p;
}

static void remove_board(struct live *lv, int64_t live_id)
{
    struct board_state **pp, *b = find_board(lv, live_id, &pp);

    if (!b)
        return;
    *pp = b->next;
    lv->n_watchers -= b->n;
    board_free(b);
}

int live_watch_add(struct server *srv, int64_t live_id, uint64_t sess_id, int64_t user_id,
                   bool full_view)
{
    struct live *lv = srv->live;
    struct board_state *b;

    if (!lv || lv->n_watchers >= LIVE_MAX_WATCHERS)
        return LAB_E_BUSY;
    b = find_board(lv, live_id, NULL);
    if (!b) {
        b = calloc(1, sizeof *b);
        if (!b)
            return LAB_E_NOMEM;
        b->live_id = live_id;
        b->next = lv->boards;
        lv->boards = b;
    }
    for (size_t i = 0; i < b->n; i++) {
        if (b->w[i].sess_id == sess_id) {
            b->w[i].user_id = user_id;
            b->w[i].full_view = full_view;
            return 0;
        }
    }
    if (b->n == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 8;
        struct watcher *nw = realloc(b->w, ncap * sizeof *nw);
        if (!nw)
            return LAB_E_NOMEM;
        b->w = nw;
        b->cap = ncap;
    }
    b->w[b->n++] = (struct watcher){sess_id, user_id, full_view};
    lv->n_watchers++;
    return 0;
}

static void mark_board(struct server *srv, int64_t live_id)
{
    struct board_state *b = srv->live ? find_board(srv->live, live_id, NULL) : NULL;

    if (b)
        b->dirty = true;
}

struct board_job {
    struct db_job db; /* first */
    struct server *srv;
    int64_t live_id;
    uint32_t max_frame;
    struct watcher *w; /* snapshot of the watchers */
    size_t n;
    /* Outcome: w[i] gets bufs[which[i]] */
    uint8_t **bufs;
    size_t *lens;
    size_t *which;
    size_t n_bufs;
    bool ended;
    bool gone; /* the live session no longer exists */
};

static int run_board(struct db_job *dj, struct db_conn *c)
{
    struct board_job *j = (struct board_job *)dj;
    struct live_board_data d;
    size_t staff_buf = SIZE_MAX;
    int rc;

    j->bufs = calloc(j->n + 1, sizeof *j->bufs);
    j->lens = calloc(j->n + 1, sizeof *j->lens);
    j->which = calloc(j->n + 1, sizeof *j->which);
    if (!j->bufs || !j->lens || !j->which)
        return LAB_E_NOMEM;
    rc = live_board_load(c, j->live_id, &d);
    if (rc == LAB_E_NOT_FOUND) {
        j->gone = true;
        rc = 0;
        goto out;
    }
    if (rc < 0)
        goto out;
    j->ended = d.hdr.ended;
    for (size_t i = 0; i < j->n && rc == 0; i++) {
        if (j->w[i].full_view && staff_buf != SIZE_MAX) {
            j->which[i] = staff_buf; /* every staff viewer sees the same board */
            continue;
        }
        rc = live_board_pack(&d, j->w[i].user_id, j->w[i].full_view, 0, j->max_frame,
                             &j->bufs[j->n_bufs], &j->lens[j->n_bufs]);
        if (rc < 0)
            break;
        if (j->w[i].full_view)
            staff_buf = j->n_bufs;
        j->which[i] = j->n_bufs++;
    }
out:
    live_board_release(&d);
    return rc;
}

static void post_board(struct server *srv, struct board_state *b, uint64_t now);

static void board_complete(struct db_job *dj, int rc)
{
    struct board_job *j = (struct board_job *)dj;
    struct server *srv = j->srv;
    struct live *lv = srv->live;
    struct board_state *b = lv ? find_board(lv, j->live_id, NULL) : NULL;
    unsigned sent = 0;

    if (b)
        b->in_flight = false;
    if (rc < 0)
        log_event(LOG_WARN, "live.board_failed", "live=%" PRId64 " rc=%d err=\"%s\"", j->live_id,
                  rc, lab_strerror(rc));
    for (size_t i = 0; rc == 0 && i < j->n && j->which && i < j->n; i++) {
        struct session *s = session_find(srv, j->w[i].sess_id);
        if (j->gone || !s || s->state != SESS_AUTHED || s->user_id != j->w[i].user_id)
            continue;
        if (send_copy(s, j->bufs[j->which[i]], j->lens[j->which[i]]))
            sent++;
    }
    if (rc == 0)
        log_event(LOG_DEBUG, "live.board_pushed", "live=%" PRId64 " sessions=%u ended=%s",
                  j->live_id, sent, j->ended ? "true" : "false");
    if (b) {
        /* Forget watchers whose session has gone or logged out. */
        size_t k = 0;
        for (size_t i = 0; i < b->n; i++) {
            struct session *s = session_find(srv, b->w[i].sess_id);
            if (s && s->state == SESS_AUTHED && s->user_id == b->w[i].user_id)
                b->w[k++] = b->w[i];
        }
        lv->n_watchers -= b->n - k;
        b->n = k;
        if (rc == 0 && (j->ended || j->gone) && !b->dirty)
            remove_board(lv, j->live_id); /* the final board went out */
        else if (b->n == 0)
            remove_board(lv, j->live_id);
    }
    for (size_t i = 0; i < j->n_bufs; i++)
        free(j->bufs[i]);
    free(j->bufs);
    free(j->lens);
    free(j->which);
    free(j->w);
    free(j);
}

static void post_board(struct server *srv, struct board_state *b, uint64_t now)
{
    struct board_job *j;

    if (!srv->db || b->n == 0)
        return;
    j = calloc(1, sizeof *j);
    if (!j || !(j->w = malloc(b->n * sizeof *j->w))) {
        free(j);
        return;
    }
    memcpy(j->w, b->w, b->n * sizeof *j->w);
    j->n = b->n;
    j->db.run = run_board;
    j->db.complete = board_complete;
    j->srv = srv;
    j->live_id = b->live_id;
    j->max_frame = srv->cfg->ws_max_frame;
    if (db_pool_post(srv->db, &j->db) < 0) {
        free(j->w);
        free(j);
        return; /* still dirty: tried again at the next tick */
    }
    b->dirty = false;
    b->in_flight = true;
    b->last_us = now;
}

static void tick_boards(struct server *srv, uint64_t now)
{
    struct board_state *b = srv->live->boards;

    while (b) {
        struct board_state *next = b->next;
        if (b->dirty && !b->in_flight && now - b->last_us >= (uint64_t)LIVE_BOARD_GAP_MS * 1000)
            post_board(srv, b, now);
        b = next;
    }
}

/* ---- the timer sweep ---- */

struct sweep_job {
    struct db_job db;
    struct server *srv;
    int n_ended;
};

static int run_sweep(struct db_job *dj, struct db_conn *c)
{
    struct sweep_job *j = (struct sweep_job *)dj;
    struct db_res *r = NULL;
    int rc;

    /* One statement: the row locks decide which instance ends each exercise, and the
     * notification commits with the update. */
    rc = db_exec(c,
                 "WITH e AS (UPDATE live_sessions SET ended_at = now() "
                 "WHERE ended_at IS NULL AND ends_at <= now() RETURNING id, cohort_id) "
                 "SELECT pg_notify('" NOTIFY_CHANNEL "', 'live_end:' || cohort_id || ':' || id), "
                 "id FROM e",
                 0, NULL, &r);
    if (rc < 0)
        return rc;
    j->n_ended = db_nrows(r);
    for (int i = 0; i < j->n_ended; i++)
        log_event(LOG_INFO, "live.expired", "live=%s", db_val(r, i, 1));
    db_res_free(r);
    return 0;
}

static void sweep_complete(struct db_job *dj, int rc)
{
    struct sweep_job *j = (struct sweep_job *)dj;

    if (j->srv->live)
        j->srv->live->sweep_in_flight = false;
    if (rc < 0 && rc != LAB_E_UNAVAILABLE)
        log_event(LOG_WARN, "live.sweep_failed", "rc=%d err=\"%s\"", rc, lab_strerror(rc));
    free(j);
}

static void tick_sweep(struct server *srv, uint64_t now)
{
    struct live *lv = srv->live;
    struct sweep_job *j;

    if (lv->sweep_in_flight || now < lv->next_sweep_us || !srv->db)
        return;
    lv->next_sweep_us = now + (uint64_t)LIVE_SWEEP_MS * 1000;
    if (db_pool_connected(srv->db) == 0)
        return;
    j = calloc(1, sizeof *j);
    if (!j)
        return;
    j->db.run = run_sweep;
    j->db.complete = sweep_complete;
    j->srv = srv;
    if (db_pool_post(srv->db, &j->db) < 0) {
        free(j);
        return;
    }
    lv->sweep_in_flight = true;
}

void live_tick(struct server *srv)
{
    uint64_t now = server_now_us();

    if (!srv->live || srv->stopping)
        return;
    tick_waiters(srv, now);
    tick_boards(srv, now);
    tick_sweep(srv, now);
}

/* ---- notifications ---- */

static bool parse_id(const char *s, size_t len, int64_t *out)
{
    char buf[24];
    uint64_t v;

    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (parse_u64(buf, INT64_MAX, &v) < 0 || v == 0)
        return false;
    *out = (int64_t)v;
    return true;
}

/* "<cohort_id>:<live_id>" → live_id */
static bool parse_pair(const char *s, int64_t *live_id)
{
    const char *colon = strchr(s, ':');
    int64_t cid;

    return colon && parse_id(s, (size_t)(colon - s), &cid) &&
           parse_id(colon + 1, strlen(colon + 1), live_id);
}

void live_note(void *arg, const char *channel, const char *payload)
{
    struct server *srv = arg;
    int64_t id;

    if (!srv->live)
        return;
    if (channel[0] == '\0') {
        /* After a LISTEN gap: anything may have been missed. */
        for (struct waiter *w = srv->live->waiters; w; w = w->next)
            w->next_check_us = 0;
        for (struct board_state *b = srv->live->boards; b; b = b->next)
            b->dirty = true;
        return;
    }
    if (strcmp(channel, NOTIFY_CHANNEL) != 0)
        return;
    if (strncmp(payload, "lab:", 4) == 0)
        note_lab(srv, payload + 4);
    else if (strncmp(payload, "live:", 5) == 0 && parse_pair(payload + 5, &id))
        post_notice(srv, NOTICE_MEMBERS, id, 0, 0);
    else if (strncmp(payload, "live_end:", 9) == 0 && parse_pair(payload + 9, &id)) {
        post_notice(srv, NOTICE_MEMBERS, id, 0, 0);
        mark_board(srv, id);
    } else if (strncmp(payload, "live_board:", 11) == 0 &&
               parse_id(payload + 11, strlen(payload + 11), &id))
        mark_board(srv, id);
}
