/*
 * live_wait.c — LiveStart requests waiting for a labworker to verify an
 * uploaded lab (see live.h). Owns the waiter list of struct live: adding a
 * waiter, re-checking the version's state on a lab: notification or every
 * LIVE_RECHECK_MS, answering or timing out the request.
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

static int reply_notice(struct req_job *j, struct db *c, int64_t live_id)
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

static int run_resolve(struct db_job *dj, struct db *c)
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
                 2, p, &r, NULL);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) != 1) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__INTERNAL,
                        "your lab disappeared while it was being checked; upload it again");
    }
    (void)str_copy(state, sizeof state, db_res_get(r, 0, 0));
    if (strcmp(state, "rejected") == 0) {
        rc = req_fail(&k->base, LAB__V1__ERROR_CODE__BAD_REQUEST, "your lab was refused: %s",
                      db_res_get(r, 0, 1));
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

void live_wait_tick(struct server *srv, uint64_t now)
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
void live_wait_note_lab(struct server *srv, const char *lab_id, const char *version)
{
    for (struct waiter *w = srv->live->waiters; w; w = w->next) {
        if (strcmp(w->lab_id, lab_id) != 0 || strcmp(w->version, version) != 0)
            continue;
        if (w->in_flight)
            w->recheck = true;
        else
            w->next_check_us = 0; /* at the next tick, at most LIVE_TICK_MS away */
    }
}
