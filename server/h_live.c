/*
 * h_live.c — LiveStart, LiveEnd and LiveWatch.
 *
 * LiveStart with a catalog lab starts at once. With an upload, the lab is
 * checked in memory (upload.h for the file names, labdir_from_texts for the
 * contents), stored as a pending lab_versions row owned by the cohort, and
 * labworkers are woken with NOTIFY lab_queue; the request then waits on the
 * lws thread (live.h) for the worker's verdict while the instructor's
 * connection keeps serving other requests. Nothing of the exercise exists
 * until the version is live, so a refused lab leaves no live session.
 */
#include "server/handlers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/log.h"
#include "common/str.h"
#include "db/channels.h"
#include "db/labstore.h"
#include "grade/labdir.h"
#include "server/access.h"
#include "server/live.h"
#include "server/req.h"
#include "server/upload.h"

#define TEXT_BAD_COHORT                                                                            \
    "a class name is 2 to 48 characters: lowercase letters, digits, '_', '.' or '-'; list your "   \
    "classes to see their names"

/* ---- start ---- */

struct start_job {
    struct req_job base;
    char cohort[COHORT_NAME_MAX + 1];
    char lab_id[LAB_ID_MAX + 1];
    uint32_t minutes;
    bool upload;
    /* Outcome */
    int64_t cohort_id;
    int64_t live_id;
    char version[65];
    bool wait;
    size_t text_off[UPLOAD_N_FILES]; /* offsets into blob */
    char blob[];                     /* the five uploaded files, each NUL-terminated */
};

static int start_catalog(struct start_job *k, struct db *c, const struct cohort_info *ci)
{
    const char *p[2] = {k->lab_id, ci->id_text};
    struct live_begin b = {ci->id, k->cohort, k->lab_id, k->version, k->minutes, true};
    struct db_res *r = NULL;
    bool ready;
    int rc;

    rc = db_exec(c,
                 "SELECT l.version, coalesce(v.state, '') FROM labs l "
                 "LEFT JOIN lab_versions v ON v.lab_id = l.id AND v.version = l.version "
                 "WHERE l.id = $1 AND l.published AND (l.cohort_id IS NULL OR l.cohort_id = $2)",
                 2, p, &r, NULL);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "there is no lab with the id '%s'; list the labs to see the ids",
                        k->lab_id);
    }
    (void)str_copy(k->version, sizeof k->version, db_res_get(r, 0, 0));
    ready = strcmp(db_res_get(r, 0, 1), "live") == 0;
    db_res_free(r);
    if (!ready)
        return req_fail(&k->base, LAB__V1__ERROR_CODE__UNAVAILABLE,
                        "lab '%s' is not ready for grading yet; try again later", k->lab_id);
    return live_begin_tx(&k->base, c, &b, &k->live_id);
}

/* Store the uploaded lab as a pending version; 0 with k->wait or k->version's state decided. */
static int start_upload(struct start_job *k, struct db *c, const struct cohort_info *ci)
{
    struct lab_def *lab = NULL;
    struct lab_err err = {0};
    struct db_res *r = NULL;
    char state[16] = "";
    int rc;

    rc = labdir_from_texts(k->blob + k->text_off[0], k->blob + k->text_off[1],
                           k->blob + k->text_off[2], k->blob + k->text_off[3],
                           k->blob + k->text_off[4], &lab, &err);
    if (rc == LAB_E_NOMEM)
        return rc;
    if (rc < 0)
        return req_fail(&k->base, LAB__V1__ERROR_CODE__BAD_REQUEST, "your lab is not valid: %s",
                        err.msg);
    (void)str_copy(k->lab_id, sizeof k->lab_id, lab->id);
    (void)str_copy(k->version, sizeof k->version, lab->version);
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        goto out;
    {
        /* One uploader of a lab id at a time, across instances. */
        const char *p[2] = {lab->id, ci->id_text};
        rc = db_exec(c, "SELECT pg_advisory_xact_lock(hashtext('lab:' || $1))", 1, p, NULL, NULL);
        if (rc < 0)
            goto out;
        rc = db_exec(c,
                     "SELECT 1 FROM labs WHERE id = $1 AND cohort_id IS DISTINCT FROM $2::bigint "
                     "UNION ALL SELECT 1 FROM lab_versions WHERE lab_id = $1 "
                     "AND cohort_id IS DISTINCT FROM $2::bigint LIMIT 1",
                     2, p, &r, NULL);
        if (rc < 0)
            goto out;
        if (db_res_rows(r) > 0) {
            rc = req_fail(&k->base, LAB__V1__ERROR_CODE__CONFLICT,
                          "a lab with id '%s' already exists; choose another id in lab.ini",
                          lab->id);
            goto out;
        }
        db_res_free(r);
        r = NULL;
    }
    {
        char reason[512];

        rc = db_lab_version_store(c, lab, ci->id, k->base.user_id, state, sizeof state, reason,
                                  sizeof reason, NULL);
        if (rc == LAB_E_NOT_FOUND)
            rc = LAB_E_INTERNAL;
        if (rc < 0)
            goto out;
        if (strcmp(state, "rejected") == 0) {
            rc = req_fail(&k->base, LAB__V1__ERROR_CODE__BAD_REQUEST, "your lab was refused: %s",
                          reason);
            goto out;
        }
    }
    if (strcmp(state, "live") != 0) {
        rc = db_exec(c, DB_NOTIFY_QUEUE_SQL, 0, NULL, NULL, NULL);
        if (rc < 0)
            goto out;
        k->wait = true;
    }
    {
        char detail[200];
        snprintf(detail, sizeof detail, "lab=%s version=%.12s state=%s", lab->id, lab->version,
                 state);
        rc = access_audit(&k->base, c, "live.upload", k->cohort, detail);
        if (rc < 0)
            goto out;
    }
    rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
out:
    db_res_free(r);
    labdir_free(lab);
    return rc; /* db/pool.c rolls back a transaction left open */
}

static int run_live_start(struct db_job *dj, struct db *c)
{
    struct start_job *k = (struct start_job *)dj;
    struct cohort_info ci;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct live_notice_row n;
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc < 0 || k->base.err)
        return rc;
    k->cohort_id = ci.id;
    if (!k->upload) {
        rc = start_catalog(k, c, &ci);
    } else {
        rc = start_upload(k, c, &ci);
        if (rc < 0 || k->base.err)
            return rc;
        if (k->wait) {
            k->base.deferred = true; /* live.c answers once a worker has decided */
            return 0;
        }
        /* Already verified (the same files were uploaded before): start now. */
        struct live_begin b = {ci.id, k->cohort, k->lab_id, k->version, k->minutes, false};
        rc = live_begin_tx(&k->base, c, &b, &k->live_id);
    }
    if (rc < 0 || k->base.err)
        return rc;
    rc = live_notice_load(c, k->live_id, &n);
    if (rc == 0) {
        env.body_case = LAB__V1__ENVELOPE__BODY_LIVE_NOTICE;
        env.live_notice = &n.n;
        rc = req_reply(&k->base, &env);
    }
    live_notice_release(&n);
    return rc;
}

static void live_start_after(struct req_job *j, struct session *s)
{
    struct start_job *k = (struct start_job *)j;
    int rc;

    if (j->err)
        return;
    if (!k->wait) {
        log_event(LOG_INFO, "live.started",
                  "live=%" PRId64 " cohort=%s lab=%s version=%.12s user=%s waited=false",
                  k->live_id, k->cohort, k->lab_id, k->version, j->username);
        return;
    }
    rc = live_wait_add(j->srv, j, k->lab_id, k->version, k->cohort_id, k->cohort, k->minutes);
    if (rc < 0 && s) {
        Envelope fake = {.body_case = j->body, .id = j->reply_to};
        session_refuse(s, &fake, LAB__V1__ERROR_CODE__UNAVAILABLE, 5000,
                       "too many labs are waiting to be checked; try again in a minute");
    }
}

void h_live_start(struct session *s, const Envelope *req)
{
    const Lab__V1__LiveStartRequest *m = req->live_start_req;
    const struct server_cfg *cfg = s->srv->cfg;
    struct upload_file files[UPLOAD_N_FILES + 1];
    size_t slot_of[UPLOAD_N_FILES] = {0}, blob = 0, off = 0;
    struct start_job *k;
    char why[300];

    if (!field_ok(FIELD_COHORT_NAME, m->cohort)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_COHORT);
        return;
    }
    if (m->lab_id[0] && m->n_upload) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "give either a catalog lab id or an uploaded lab, not both");
        return;
    }
    if (!m->lab_id[0] && !m->n_upload) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "say which lab to start: a catalog lab id, or upload a lab directory");
        return;
    }
    if (m->lab_id[0] && !field_ok(FIELD_LAB_ID, m->lab_id)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a lab id is lowercase letters, digits, '_', '.' or '-'; list the labs "
                       "to see the ids");
        return;
    }
    if (m->n_upload) {
        enum upload_check uc;
        if (m->n_upload > UPLOAD_N_FILES + 1) {
            session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                           "upload: a lab is exactly lab.ini, README.md, starter.py, "
                           "solution.py and checks.py, with no folders");
            return;
        }
        for (size_t i = 0; i < m->n_upload; i++)
            files[i] = (struct upload_file){m->upload[i]->path, m->upload[i]->content.data,
                                            m->upload[i]->content.len};
        uc = upload_check(files, m->n_upload, (size_t)cfg->live_max_upload_kib * 1024, slot_of, why,
                          sizeof why);
        if (uc != UPLOAD_OK) {
            session_refuse(s, req,
                           uc == UPLOAD_TOO_LARGE ? LAB__V1__ERROR_CODE__TOO_LARGE
                                                  : LAB__V1__ERROR_CODE__BAD_REQUEST,
                           0, why);
            return;
        }
        for (size_t i = 0; i < UPLOAD_N_FILES; i++)
            blob += files[slot_of[i]].len + 1;
    }
    k = req_new(s, req, sizeof *k + blob, run_live_start);
    if (!k)
        return;
    (void)str_copy(k->cohort, sizeof k->cohort, m->cohort);
    (void)str_copy(k->lab_id, sizeof k->lab_id, m->lab_id);
    k->minutes = m->minutes > cfg->live_max_minutes ? cfg->live_max_minutes : m->minutes;
    k->upload = m->n_upload > 0;
    for (size_t i = 0; k->upload && i < UPLOAD_N_FILES; i++) {
        const struct upload_file *f = &files[slot_of[i]];
        k->text_off[i] = off;
        if (f->len)
            memcpy(k->blob + off, f->data, f->len);
        k->blob[off + f->len] = '\0';
        off += f->len + 1;
    }
    k->base.after = live_start_after;
    req_post(s, &k->base);
}

/* ---- end ---- */

struct cohort_job {
    struct req_job base;
    char cohort[COHORT_NAME_MAX + 1];
    int64_t live_id;
    bool full_view;
    bool running;
};

static int run_live_end(struct db_job *dj, struct db *c)
{
    struct cohort_job *k = (struct cohort_job *)dj;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct live_notice_row n;
    struct cohort_info ci;
    struct db_res *r = NULL;
    char detail[64];
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc < 0 || k->base.err)
        return rc;
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        const char *p[1] = {ci.id_text};
        rc = db_exec(c,
                     "WITH e AS (UPDATE live_sessions SET ended_at = now() "
                     "WHERE cohort_id = $1 AND ended_at IS NULL RETURNING id, cohort_id) "
                     "SELECT id, " DB_NOTIFY_LIVE_END_SQL("cohort_id", "id") " "
                                                                             "FROM e",
                     1, p, &r, NULL);
        if (rc < 0)
            return rc;
    }
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "no live exercise is running in class '%s'", k->cohort);
    }
    k->live_id = db_res_i64_or(r, 0, 0, 0);
    db_res_free(r);
    snprintf(detail, sizeof detail, "live=%" PRId64, k->live_id);
    rc = access_audit(&k->base, c, "live.end", k->cohort, detail);
    if (rc == 0)
        rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    rc = live_notice_load(c, k->live_id, &n);
    if (rc == 0) {
        env.body_case = LAB__V1__ENVELOPE__BODY_LIVE_NOTICE;
        env.live_notice = &n.n;
        rc = req_reply(&k->base, &env);
    }
    live_notice_release(&n);
    return rc;
}

static void live_end_after(struct req_job *j, struct session *s)
{
    struct cohort_job *k = (struct cohort_job *)j;

    (void)s;
    if (!j->err)
        log_event(LOG_INFO, "live.ended", "live=%" PRId64 " cohort=%s user=%s", k->live_id,
                  k->cohort, j->username);
}

void h_live_end(struct session *s, const Envelope *req)
{
    const char *name = req->live_end_req->cohort;
    struct cohort_job *k;

    if (!field_ok(FIELD_COHORT_NAME, name)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_COHORT);
        return;
    }
    k = req_new(s, req, sizeof *k, run_live_end);
    if (!k)
        return;
    (void)str_copy(k->cohort, sizeof k->cohort, name);
    k->base.after = live_end_after;
    req_post(s, &k->base);
}

/* ---- watch ---- */

static int run_live_watch(struct db_job *dj, struct db *c)
{
    struct cohort_job *k = (struct cohort_job *)dj;
    struct live_board_data d;
    struct cohort_info ci;
    struct db_res *r = NULL;
    const char *p[1];
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_MEMBER, &ci);
    if (rc < 0 || k->base.err)
        return rc;
    k->full_view = ci.full_view;
    p[0] = ci.id_text;
    /* The running exercise, or else the last one (its final board is kept). */
    rc = db_exec(c,
                 "SELECT id, ended_at IS NULL FROM live_sessions WHERE cohort_id = $1 "
                 "ORDER BY ended_at IS NULL DESC, id DESC LIMIT 1",
                 1, p, &r, NULL);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "class '%s' has had no live exercise yet", k->cohort);
    }
    k->live_id = db_res_i64_or(r, 0, 0, 0);
    k->running = db_res_true(r, 0, 1);
    db_res_free(r);
    if (k->full_view) {
        char detail[64];
        snprintf(detail, sizeof detail, "live=%" PRId64, k->live_id);
        rc = access_audit(&k->base, c, "live.watch", k->cohort, detail);
        if (rc < 0)
            return rc;
    }
    rc = live_board_load(c, k->live_id, &d);
    if (rc == 0) {
        free(k->base.out);
        k->base.out = NULL;
        rc = live_board_pack(&d, k->base.user_id, k->full_view, k->base.reply_to, k->base.max_frame,
                             &k->base.out, &k->base.out_len);
        if (rc == LAB_E_TOO_LARGE)
            rc = req_fail(&k->base, LAB__V1__ERROR_CODE__TOO_LARGE,
                          "the live board is larger than this server's %u-byte message limit; "
                          "ask the operator to raise ws.max_frame",
                          k->base.max_frame);
        k->running = k->running && !d.hdr.ended;
    }
    live_board_release(&d);
    return rc;
}

static void live_watch_after(struct req_job *j, struct session *s)
{
    struct cohort_job *k = (struct cohort_job *)j;

    if (j->err || !s || !k->running)
        return;
    if (live_watch_add(j->srv, k->live_id, s->id, j->user_id, k->full_view) < 0)
        log_event(LOG_WARN, "live.watch_failed", "sess=%" PRIu64 " live=%" PRId64, s->id,
                  k->live_id);
}

void h_live_watch(struct session *s, const Envelope *req)
{
    const char *name = req->live_watch_req->cohort;
    struct cohort_job *k;

    if (!field_ok(FIELD_COHORT_NAME, name)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_COHORT);
        return;
    }
    k = req_new(s, req, sizeof *k, run_live_watch);
    if (!k)
        return;
    (void)str_copy(k->cohort, sizeof k->cohort, name);
    k->base.after = live_watch_after;
    req_post(s, &k->base);
}
