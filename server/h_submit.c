/*
 * h_submit.c — submitting a program for grading, and listing one's results.
 *
 * A program that would never score is refused before any of this: an
 * empty or whitespace-only file on the event loop, the lab's starter code
 * handed in unchanged once the lab version is known (submit.h). Nothing is
 * inserted for them and they do not count against either cap.
 *
 * A submission is one transaction: lock the user's row (so two submissions
 * of one user, on any labserver, are counted one after the other), check
 * the lab, the student's class membership, the pending cap and the
 * per-minute rate, insert the queued row and NOTIFY lab_queue so idle
 * labworkers wake. The SubmitAck goes out only after COMMIT has succeeded:
 * a client that got an ack has a submission that will be graded. Both
 * limits are counted in PostgreSQL, so they hold across instances and
 * across a user's sessions.
 *
 * The result itself arrives later as a push (push.c); ListResults is the
 * way to catch up after a disconnect.
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
#include "server/req.h"
#include "server/results.h"
#include "server/submit.h"
#include "server/validate.h"

#define PENDING_RETRY_MS 10000

#define TEXT_BAD_LAB_ID                                                                            \
    "a lab id is lowercase letters, digits, '_', '.' or '-'; run labclient labs to see them"

/* ---- refusing what would never score (submit.h) ---- */

#define BOM "\xef\xbb\xbf"

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v';
}

/* Skip a UTF-8 byte order mark at *@p. */
static void skip_bom(const char **p, const char *end)
{
    if ((size_t)(end - *p) >= 3 && memcmp(*p, BOM, 3) == 0)
        *p += 3;
}

bool submit_code_blank(const char *code, size_t len)
{
    const char *p = code, *end = code + len;

    skip_bom(&p, end);
    for (; p < end; p++)
        if (!is_space(*p))
            return false;
    return true;
}

/* A line cursor: each line without its end (LF, CRLF or CR) and trailing blanks. */
struct line_cursor {
    const char *p, *end;
};

/* The next line into *@s / *@n; false at the end of the text. */
static bool next_line(struct line_cursor *c, const char **s, size_t *n)
{
    const char *q = c->p;

    if (c->p >= c->end)
        return false;
    while (q < c->end && *q != '\n' && *q != '\r')
        q++;
    *s = c->p;
    *n = (size_t)(q - c->p);
    while (*n > 0 && is_space((*s)[*n - 1]))
        (*n)--;
    if (q < c->end && *q == '\r' && q + 1 < c->end && q[1] == '\n')
        q++;
    c->p = q < c->end ? q + 1 : q;
    return true;
}

/* True when every line left under @c is blank. */
static bool rest_blank(struct line_cursor *c)
{
    const char *s;
    size_t n;

    while (next_line(c, &s, &n))
        if (n > 0)
            return false;
    return true;
}

bool submit_code_is_starter(const char *code, size_t len, const char *starter, size_t slen)
{
    struct line_cursor a = {code, code + len}, b = {starter, starter + slen};

    skip_bom(&a.p, a.end);
    skip_bom(&b.p, b.end);
    for (;;) {
        const char *sa, *sb;
        size_t na, nb;
        bool more_a = next_line(&a, &sa, &na), more_b = next_line(&b, &sb, &nb);

        if (!more_a)
            return !more_b || (nb == 0 && rest_blank(&b));
        if (!more_b)
            return na == 0 && rest_blank(&a);
        if (na != nb || memcmp(sa, sb, na) != 0)
            return false;
    }
}

/* ---- submit ---- */

struct submit_job {
    struct req_job base;
    char lab_id[LAB_ID_MAX + 1];
    uint32_t per_minute;
    uint32_t max_pending;
    int64_t sub_id; /* outcome, for the log line */
    uint32_t position;
    size_t code_len;
    char code[]; /* code_len bytes and a NUL: db_exec takes text parameters */
};

/* Lock, then the checks that may refuse. 0 to go on, or req_fail's 0 with base.err set. */
static int submit_checks(struct submit_job *k, struct db *c, const char *uid, char *version,
                         size_t vcap)
{
    struct db_res *r = NULL;
    bool starter;
    int rc;

    {
        const char *p[1] = {uid};
        rc = db_exec(c, "SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE", 1, p, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[1] = {k->lab_id};
        rc = db_exec(c,
                     "SELECT l.version, coalesce(v.state, ''), coalesce(v.starter, '') FROM labs l "
                     "LEFT JOIN lab_versions v ON v.lab_id = l.id AND v.version = l.version "
                     "WHERE l.id = $1 AND l.published AND l.version <> ''",
                     1, p, &r, NULL);
        if (rc < 0)
            return rc;
    }
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "no lab called '%s'; run labclient labs to see them", k->lab_id);
    }
    if (strcmp(db_res_get(r, 0, 1), "live") != 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__UNAVAILABLE,
                        "lab '%s' is not ready for grading yet; try again later, and tell your "
                        "teacher if it stays like this",
                        k->lab_id);
    }
    (void)str_copy(version, vcap, db_res_get(r, 0, 0));
    starter = submit_code_is_starter(k->code, k->code_len, db_res_get(r, 0, 2),
                                     strlen(db_res_get(r, 0, 2)));
    db_res_free(r);
    r = NULL;

    if (k->base.role == LAB__V1__ROLE__STUDENT) {
        /* Columns: in any class; the lab is readable (a catalog lab or one of the
         * student's classes' own); it is open to at least one of their classes. */
        const char *p[2] = {uid, k->lab_id};
        bool member, readable, open;
        rc = db_exec(c,
                     "SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = $1), "
                     "l.cohort_id IS NULL OR l.cohort_id IN "
                     "(SELECT cohort_id FROM memberships WHERE user_id = $1), "
                     "EXISTS (SELECT 1 FROM memberships m LEFT JOIN cohort_labs cl "
                     "ON cl.cohort_id = m.cohort_id AND cl.lab_id = l.id WHERE m.user_id = $1 "
                     "AND (l.cohort_id IS NULL OR l.cohort_id = m.cohort_id) "
                     "AND coalesce(cl.open, true)) FROM labs l WHERE l.id = $2",
                     2, p, &r, NULL);
        if (rc < 0)
            return rc;
        member = db_res_rows(r) == 1 && db_res_true(r, 0, 0);
        readable = db_res_rows(r) == 1 && db_res_true(r, 0, 1);
        open = db_res_rows(r) == 1 && db_res_true(r, 0, 2);
        db_res_free(r);
        r = NULL;
        if (!member)
            return req_fail(&k->base, LAB__V1__ERROR_CODE__FORBIDDEN,
                            "join a class first; ask your teacher for a join code");
        if (!readable)
            return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                            "no lab called '%s'; run labclient labs to see them", k->lab_id);
        if (!open)
            return req_fail(&k->base, LAB__V1__ERROR_CODE__FORBIDDEN,
                            "this lab is closed for your class; ask your teacher");
    }
    /* For everyone, staff too: the starter never scores, so it never takes a sandbox. */
    if (starter)
        return req_fail(&k->base, LAB__V1__ERROR_CODE__BAD_REQUEST, SUBMIT_TEXT_STARTER, k->lab_id);
    {
        const char *p[1] = {uid};
        rc = db_exec(c,
                     "SELECT count(*) FROM submissions "
                     "WHERE user_id = $1 AND state IN ('queued', 'running')",
                     1, p, &r, NULL);
        if (rc < 0)
            return rc;
        rc = db_res_u64_or(r, 0, 0, 0) >= k->max_pending;
        db_res_free(r);
        r = NULL;
        if (rc) {
            req_fail(&k->base, LAB__V1__ERROR_CODE__RATE_LIMITED,
                     "you already have %u program%s waiting to be graded; wait for their results",
                     k->max_pending, k->max_pending == 1 ? "" : "s");
            k->base.retry_ms = PENDING_RETRY_MS;
            return 0;
        }
    }
    {
        /* The per_minute-th newest submission of the last minute, if any: when it
         * leaves the window, one more is allowed. */
        char off[DB_NUM_MAX];
        const char *p[2] = {uid, off};
        (void)db_param_u64(off, k->per_minute - 1);
        rc = db_exec(c,
                     "SELECT greatest(1, ceil(extract(epoch FROM created_at + interval '1 minute' "
                     "- now()) * 1000))::bigint FROM submissions "
                     "WHERE user_id = $1 AND created_at > now() - interval '1 minute' "
                     "ORDER BY created_at DESC OFFSET $2 LIMIT 1",
                     2, p, &r, NULL);
        if (rc < 0)
            return rc;
        if (db_res_rows(r) == 1) {
            uint32_t retry = (uint32_t)db_res_u64_or(r, 0, 0, 0);
            db_res_free(r);
            req_fail(&k->base, LAB__V1__ERROR_CODE__RATE_LIMITED,
                     "you have submitted %u programs in the last minute; wait %u s, then submit "
                     "again",
                     k->per_minute, (retry + 999) / 1000);
            k->base.retry_ms = retry;
            return 0;
        }
        db_res_free(r);
    }
    return 0;
}

static int run_submit(struct db_job *dj, struct db *c)
{
    struct submit_job *k = (struct submit_job *)dj;
    Lab__V1__SubmitAck ack = LAB__V1__SUBMIT_ACK__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    char uid[24], version[128], sid[24];
    struct db_res *r = NULL;
    int rc;

    (void)db_param_i64(uid, k->base.user_id);
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    rc = submit_checks(k, c, uid, version, sizeof version);
    if (rc < 0 || k->base.err)
        return rc; /* db/pool.c rolls back a transaction left open */
    {
        const char *p[4] = {uid, k->lab_id, version, k->code};
        rc = db_exec(c,
                     "INSERT INTO submissions (user_id, lab_id, lab_version, code) "
                     "VALUES ($1, $2, $3, $4) RETURNING id",
                     4, p, &r, NULL);
        if (rc < 0)
            return rc;
        (void)str_copy(sid, sizeof sid, db_res_get(r, 0, 0));
        k->sub_id = db_res_i64_or(r, 0, 0, 0);
        db_res_free(r);
        r = NULL;
    }
    rc = db_exec(c, DB_NOTIFY_QUEUE_SQL, 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        const char *p[1] = {sid};
        rc = db_exec(c,
                     "SELECT count(*) FROM submissions "
                     "WHERE state IN ('queued', 'running') AND id <= $1",
                     1, p, &r, NULL);
        if (rc < 0)
            return rc;
        k->position = (uint32_t)db_res_u64_or(r, 0, 0, 0);
        db_res_free(r);
    }
    rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    ack.submission_id = k->sub_id;
    ack.queue_position = k->position;
    env.body_case = LAB__V1__ENVELOPE__BODY_SUBMIT_ACK;
    env.submit_ack = &ack;
    return req_reply(&k->base, &env);
}

static void submit_after(struct req_job *j, struct session *s)
{
    struct submit_job *k = (struct submit_job *)j;

    (void)s;
    if (!j->err && k->sub_id)
        log_event(
            LOG_INFO, "submission.queued",
            "sess=%" PRIu64 " user=%s uid=%" PRId64 " lab=%s sub=%" PRId64 " bytes=%zu position=%u",
            j->sess_id, j->username, j->user_id, k->lab_id, k->sub_id, k->code_len, k->position);
}

void h_submit(struct session *s, const Envelope *req)
{
    const Lab__V1__SubmitRequest *sr = req->submit_req;
    const struct server_cfg *cfg = s->srv->cfg;
    enum code_check why;
    struct submit_job *k;
    char text[160];

    if (!field_ok(FIELD_LAB_ID, sr->lab_id)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_LAB_ID);
        return;
    }
    why = submit_code_check(sr->code.data, sr->code.len, cfg->submit_max_code_kib);
    if (why == CODE_EMPTY ||
        (why == CODE_OK && submit_code_blank((const char *)sr->code.data, sr->code.len))) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, SUBMIT_TEXT_BLANK);
        return;
    }
    if (why != CODE_OK) {
        submit_code_text(why, sr->code.len, cfg->submit_max_code_kib, text, sizeof text);
        session_refuse(s, req,
                       why == CODE_TOO_LARGE ? LAB__V1__ERROR_CODE__TOO_LARGE
                                             : LAB__V1__ERROR_CODE__BAD_REQUEST,
                       0, text);
        return;
    }
    k = req_new(s, req, sizeof *k + sr->code.len + 1, run_submit);
    if (!k)
        return;
    (void)str_copy(k->lab_id, sizeof k->lab_id, sr->lab_id);
    k->per_minute = cfg->submit_per_minute;
    k->max_pending = cfg->submit_max_pending;
    k->code_len = sr->code.len;
    memcpy(k->code, sr->code.data, sr->code.len);
    k->code[sr->code.len] = '\0';
    k->base.after = submit_after;
    req_post(s, &k->base);
}

/* ---- list results ---- */

struct list_job {
    struct req_job base;
    char lab_id[LAB_ID_MAX + 1];
    uint32_t limit;
};

static int run_list_results(struct db_job *dj, struct db *c)
{
    struct list_job *k = (struct list_job *)dj;

    return results_reply(&k->base, c, k->base.user_id, k->lab_id, k->limit, "your");
}

void h_list_results(struct session *s, const Envelope *req)
{
    const Lab__V1__ListResultsRequest *lr = req->list_results_req;
    struct list_job *k;

    if (lr->lab_id[0] && !field_ok(FIELD_LAB_ID, lr->lab_id)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_LAB_ID);
        return;
    }
    k = req_new(s, req, sizeof *k, run_list_results);
    if (!k)
        return;
    (void)str_copy(k->lab_id, sizeof k->lab_id, lr->lab_id);
    k->limit = lr->limit == 0                  ? RESULTS_DEFAULT_LIMIT
               : lr->limit > RESULTS_MAX_LIMIT ? RESULTS_MAX_LIMIT
                                               : lr->limit;
    req_post(s, &k->base);
}
