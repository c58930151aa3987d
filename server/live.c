/*
 * live.c — live exercises on the lws thread (see live.h): the state they
 * share (struct live, live_int.h), the DB-thread loaders and the LiveStart
 * transaction the handlers use, and the dispatch of lab_events notifications
 * and timer ticks to the four state machines (live_wait.c, live_notice.c,
 * live_watch.c, live_sweep.c).
 */
#include "server/live.h"

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

bool live_was_ended(const struct live *lv, int64_t live_id)
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

void live_board_free(struct board_state *b)
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
        live_board_free(b);
    }
    free(lv);
}

/* ---- DB thread: shared loaders ---- */

int live_notice_load(struct db *c, int64_t live_id, struct live_notice_row *out)
{
    char lid[24];
    const char *p[1] = {lid};
    const struct db_res *r;
    int rc;

    memset(out, 0, sizeof *out);
    lab__v1__live_notice__init(&out->n);
    (void)db_param_i64(lid, live_id);
    rc = db_exec(c,
                 "SELECT ls.id, c.name, ls.lab_id, v.title, "
                 "extract(epoch FROM ls.started_at)::bigint, "
                 "coalesce(extract(epoch FROM ls.ends_at)::bigint, 0), ls.ended_at IS NOT NULL, "
                 "v.statement_md, coalesce(u.display_name, ''), ls.cohort_id "
                 "FROM live_sessions ls JOIN cohorts c ON c.id = ls.cohort_id "
                 "JOIN lab_versions v ON v.lab_id = ls.lab_id AND v.version = ls.lab_version "
                 "LEFT JOIN users u ON u.id = ls.started_by WHERE ls.id = $1",
                 1, p, &out->r, NULL);
    if (rc < 0)
        return rc;
    r = out->r;
    if (db_res_rows(r) != 1)
        return LAB_E_NOT_FOUND;
    out->n.live_id = db_res_i64_or(r, 0, 0, 0);
    out->n.cohort = (char *)db_res_get(r, 0, 1);
    out->n.lab_id = (char *)db_res_get(r, 0, 2);
    out->n.title = (char *)db_res_get(r, 0, 3);
    out->n.started_at = db_res_i64_or(r, 0, 4, 0);
    out->n.ends_at = db_res_i64_or(r, 0, 5, 0);
    out->n.ended = db_res_true(r, 0, 6);
    out->n.statement_md.data = (uint8_t *)db_res_get(r, 0, 7);
    out->n.statement_md.len = strlen(db_res_get(r, 0, 7));
    out->n.started_by = (char *)db_res_get(r, 0, 8);
    out->cohort_id = db_res_i64_or(r, 0, 9, 0);
    return 0;
}

void live_notice_release(struct live_notice_row *n)
{
    db_res_free(n->r);
    n->r = NULL;
}

int live_board_load(struct db *c, int64_t live_id, struct live_board_data *d)
{
    char lid[24], cid[24];
    int rc;

    memset(d, 0, sizeof *d);
    lab__v1__live_board__init(&d->hdr);
    (void)db_param_i64(lid, live_id);
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
                     1, p, &d->meta, NULL);
        if (rc < 0)
            return rc;
    }
    if (db_res_rows(d->meta) != 1)
        return LAB_E_NOT_FOUND;
    d->hdr.live_id = live_id;
    d->hdr.cohort = (char *)db_res_get(d->meta, 0, 1);
    d->hdr.lab_id = (char *)db_res_get(d->meta, 0, 2);
    d->hdr.title = (char *)db_res_get(d->meta, 0, 3);
    d->hdr.started_at = db_res_i64_or(d->meta, 0, 4, 0);
    d->hdr.ends_at = db_res_i64_or(d->meta, 0, 5, 0);
    d->hdr.ended = db_res_true(d->meta, 0, 6);
    d->mode = board_mode_from_text(db_res_get(d->meta, 0, 7));
    (void)str_copy(cid, sizeof cid, db_res_get(d->meta, 0, 8));
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
                     2, p, &d->rows, NULL);
        if (rc < 0)
            return rc;
    }
    d->n = (size_t)db_res_rows(d->rows);
    d->e = calloc(d->n + 1, sizeof *d->e);
    if (!d->e)
        return LAB_E_NOMEM;
    for (size_t i = 0; i < d->n; i++) {
        struct live_entry *e = &d->e[i];
        e->user_id = db_res_i64_or(d->rows, (int)i, 0, 0);
        e->display_name = db_res_get(d->rows, (int)i, 1);
        e->attempts = db_res_u32_sat(d->rows, (int)i, 2);
        e->best_score = db_res_u32_sat(d->rows, (int)i, 3);
        e->max_score = db_res_u32_sat(d->rows, (int)i, 4);
        e->solved_at = db_res_i64_or(d->rows, (int)i, 5, 0);
        e->improved_at = db_res_i64_or(d->rows, (int)i, 6, 0);
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

int live_begin_tx(struct req_job *j, struct db *c, const struct live_begin *b, int64_t *live_id)
{
    char cid[24], uid[24], mins[DB_NUM_MAX], lid[24], detail[200];
    struct db_res *r = NULL;
    int rc;

    (void)db_param_i64(cid, b->cohort_id);
    (void)db_param_i64(uid, j->user_id);
    (void)db_param_u64(mins, b->minutes);
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    if (b->reopen) {
        const char *p[3] = {cid, b->lab_id, uid};
        rc = db_exec(c,
                     "UPDATE cohort_labs SET open = true, changed_by = $3, changed_at = now() "
                     "WHERE cohort_id = $1 AND lab_id = $2 AND NOT open",
                     3, p, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[1] = {cid};
        rc = db_exec(c,
                     "WITH e AS (UPDATE live_sessions SET ended_at = now() "
                     "WHERE cohort_id = $1 AND ended_at IS NULL RETURNING id, cohort_id) "
                     "SELECT " DB_NOTIFY_LIVE_END_SQL("cohort_id", "id") " "
                                                                         "FROM e",
                     1, p, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[5] = {cid, b->lab_id, b->version, uid, mins};
        rc = db_exec(c,
                     "INSERT INTO live_sessions (cohort_id, lab_id, lab_version, started_by, "
                     "ends_at) VALUES ($1, $2, $3, $4, CASE WHEN $5::int > 0 "
                     "THEN now() + make_interval(mins => $5::int) END) RETURNING id",
                     5, p, &r, NULL);
        if (rc < 0 && strcmp(db_last_sqlstate(c), "23505") == 0)
            return req_fail(j, LAB__V1__ERROR_CODE__CONFLICT,
                            "another live exercise was started in class '%s' at the same "
                            "moment; try again",
                            b->cohort);
        if (rc < 0)
            return rc;
        (void)str_copy(lid, sizeof lid, db_res_get(r, 0, 0));
        rc = db_res_i64(r, 0, 0, live_id);
        db_res_free(r);
        if (rc < 0)
            return rc;
    }
    {
        struct db_event ev = {.kind = DB_EV_KIND_LIVE, .cohort_id = b->cohort_id, .id = *live_id};

        rc = db_notify_event(c, &ev, NULL);
        if (rc < 0)
            return rc;
    }
    snprintf(detail, sizeof detail, "live=%s lab=%s version=%.12s minutes=%u", lid, b->lab_id,
             b->version, b->minutes);
    rc = access_audit(j, c, "live.start", b->cohort, detail);
    if (rc < 0)
        return rc;
    return db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
}

void live_tick(struct server *srv)
{
    uint64_t now = server_now_us();

    if (!srv->live || srv->stopping)
        return;
    live_wait_tick(srv, now);
    live_watch_tick(srv, now);
    live_sweep_tick(srv, now);
}

/* ---- notifications ---- */

void live_note(void *arg, const char *channel, const char *payload)
{
    struct server *srv = arg;
    struct db_event ev;

    if (!srv->live)
        return;
    if (strcmp(channel, DB_CHAN_GAP) == 0) {
        /* After a LISTEN gap: anything may have been missed. */
        for (struct waiter *w = srv->live->waiters; w; w = w->next)
            w->next_check_us = 0;
        for (struct board_state *b = srv->live->boards; b; b = b->next)
            b->dirty = true;
        return;
    }
    if (db_event_parse(channel, payload, &ev) < 0)
        return;
    switch (ev.kind) {
    case DB_EV_KIND_LAB:
        live_wait_note_lab(srv, ev.lab_id, ev.version);
        break;
    case DB_EV_KIND_LIVE:
        live_notice_post(srv, NOTICE_MEMBERS, ev.id, 0, 0);
        break;
    case DB_EV_KIND_LIVE_END:
        live_notice_post(srv, NOTICE_MEMBERS, ev.id, 0, 0);
        live_watch_mark(srv, ev.id);
        break;
    case DB_EV_KIND_LIVE_BOARD:
        live_watch_mark(srv, ev.id);
        break;
    default:
        break;
    }
}
