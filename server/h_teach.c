/*
 * h_teach.c — the instructor's tools for one class: roster add/remove,
 * password reset, a student's results and code, opening and closing labs,
 * the gradebook CSV and the board mode; plus SetDisplayName for everyone.
 *
 * Every request names a cohort (or a submission) and is authorised on the
 * DB thread by cohort_access() (access.h): the cohort's instructors (a
 * membership with role 'instructor', or the owner) and admins. The router
 * has already refused students. Every action that changes something or
 * reads a student's work writes one audit_log row in its transaction.
 */
#include "server/handlers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/log.h"
#include "common/password.h"
#include "common/str.h"
#include "db/channels.h"
#include "server/access.h"
#include "server/csv.h"
#include "server/req.h"
#include "server/results.h"
#include "server/scores.h"

#define TEXT_BAD_COHORT                                                                            \
    "a class name is 2 to 48 characters: lowercase letters, digits, '_', '.' or '-'; list your "   \
    "classes to see their names"
#define TEXT_BAD_USER                                                                              \
    "a username is 2 to 32 characters: lowercase letters, digits, '_', '.' or '-'; check the "     \
    "class roster"
#define TEXT_BAD_LAB                                                                               \
    "a lab id is lowercase letters, digits, '_', '.' or '-'; list the labs to see the ids"

struct teach_job {
    struct req_job base;
    char cohort[COHORT_NAME_MAX + 1];
    char username[USERNAME_MAX + 1];
    char lab_id[LAB_ID_MAX + 1];
    char password[PASSWORD_MAX_LEN + 1];
    char text[DISPLAY_NAME_MAX * 4 + 1];
    int64_t sub_id;
    uint32_t limit;
    bool open;
    char action[32]; /* for the log line */
};

static int reply_ok(struct req_job *j)
{
    Lab__V1__Ok ok = LAB__V1__OK__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;

    env.body_case = LAB__V1__ENVELOPE__BODY_OK;
    env.ok = &ok;
    return req_reply(j, &env);
}

static void teach_after(struct req_job *j, struct session *s)
{
    struct teach_job *k = (struct teach_job *)j;

    (void)s;
    if (!j->err && k->action[0])
        log_event(LOG_INFO, "teach.done", "action=%s cohort=%s target=%s user=%s", k->action,
                  k->cohort[0] ? k->cohort : "-", k->username[0] ? k->username : "-", j->username);
}

/* Validate the cohort name (and username when @need_user) and post. */
static struct teach_job *teach_new(struct session *s, const Envelope *req, const char *cohort,
                                   const char *username, db_run_fn *run, const char *action)
{
    struct teach_job *k;

    if (cohort && !field_ok(FIELD_COHORT_NAME, cohort)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_COHORT);
        return NULL;
    }
    if (username && !field_ok(FIELD_USERNAME, username)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_USER);
        return NULL;
    }
    k = req_new(s, req, sizeof *k, run);
    if (!k)
        return NULL;
    if (cohort)
        (void)str_copy(k->cohort, sizeof k->cohort, cohort);
    if (username)
        (void)str_copy(k->username, sizeof k->username, username);
    (void)str_copy(k->action, sizeof k->action, action);
    k->base.after = teach_after;
    return k;
}

/* The user @name: its id (text) and role. 0 with j->err NOT_FOUND when absent. */
static int find_user(struct teach_job *k, struct db *c, char *id, size_t cap, char *role,
                     size_t rcap)
{
    const char *p[1] = {k->username};
    struct db_res *r = NULL;
    int rc = db_exec(c, "SELECT id, role FROM users WHERE username = $1", 1, p, &r, NULL);

    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "there is no account named '%s'; check the spelling", k->username);
    }
    (void)str_copy(id, cap, db_res_get(r, 0, 0));
    (void)str_copy(role, rcap, db_res_get(r, 0, 1));
    db_res_free(r);
    return 0;
}

/* The student @k->username as a member of cohort @ci: 0 with j->err NOT_FOUND otherwise. */
static int find_student_in(struct teach_job *k, struct db *c, const struct cohort_info *ci,
                           char *uid, size_t cap)
{
    const char *p[2] = {ci->id_text, k->username};
    struct db_res *r = NULL;
    int rc = db_exec(c,
                     "SELECT u.id FROM memberships m JOIN users u ON u.id = m.user_id "
                     "WHERE m.cohort_id = $1 AND u.username = $2 AND m.role = 'student'",
                     2, p, &r, NULL);

    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "'%s' is not a student of class '%s'; check the class roster", k->username,
                        k->cohort);
    }
    (void)str_copy(uid, cap, db_res_get(r, 0, 0));
    db_res_free(r);
    return 0;
}

/* ---- roster add / remove ---- */

static int run_roster_add(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    struct cohort_info ci;
    struct db_res *r = NULL;
    char uid[24], role[16];
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc < 0 || k->base.err)
        return rc;
    rc = find_user(k, c, uid, sizeof uid, role, sizeof role);
    if (rc < 0 || k->base.err)
        return rc;
    if (strcmp(role, "student") != 0)
        return req_fail(&k->base, LAB__V1__ERROR_CODE__BAD_REQUEST,
                        "'%s' is not a student account; only students are added to a roster",
                        k->username);
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        const char *p[2] = {ci.id_text, uid};
        rc =
            db_exec(c,
                    "INSERT INTO memberships (cohort_id, user_id, role) VALUES ($1, $2, 'student') "
                    "ON CONFLICT DO NOTHING RETURNING 1",
                    2, p, &r, NULL);
        if (rc < 0)
            return rc;
        rc = db_res_rows(r);
        db_res_free(r);
        if (rc == 0)
            return req_fail(&k->base, LAB__V1__ERROR_CODE__CONFLICT,
                            "'%s' is already in class '%s'", k->username, k->cohort);
    }
    rc = access_audit(&k->base, c, "roster.add", k->cohort, k->username);
    if (rc == 0)
        rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    return rc < 0 ? rc : reply_ok(&k->base);
}

void h_roster_add(struct session *s, const Envelope *req)
{
    const Lab__V1__RosterAddRequest *m = req->roster_add_req;
    struct teach_job *k = teach_new(s, req, m->cohort, m->username, run_roster_add, "roster.add");

    if (k)
        req_post(s, &k->base);
}

static int run_roster_remove(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    struct cohort_info ci;
    struct db_res *r = NULL;
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc < 0 || k->base.err)
        return rc;
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        const char *p[2] = {ci.id_text, k->username};
        rc = db_exec(c,
                     "DELETE FROM memberships m USING users u WHERE m.user_id = u.id "
                     "AND m.cohort_id = $1 AND u.username = $2 AND m.role = 'student' "
                     "RETURNING 1",
                     2, p, &r, NULL);
        if (rc < 0)
            return rc;
        rc = db_res_rows(r);
        db_res_free(r);
        if (rc == 0)
            return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                            "'%s' is not a student of class '%s'; check the class roster",
                            k->username, k->cohort);
    }
    rc = access_audit(&k->base, c, "roster.remove", k->cohort, k->username);
    if (rc == 0)
        rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    return rc < 0 ? rc : reply_ok(&k->base);
}

void h_roster_remove(struct session *s, const Envelope *req)
{
    const Lab__V1__RosterRemoveRequest *m = req->roster_remove_req;
    struct teach_job *k =
        teach_new(s, req, m->cohort, m->username, run_roster_remove, "roster.remove");

    if (k)
        req_post(s, &k->base);
}

/* ---- reset password ---- */

static int run_reset_password(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    char uid[24], hash[PASSWORD_HASH_CAP];
    struct cohort_info ci;
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc == 0 && !k->base.err)
        rc = find_student_in(k, c, &ci, uid, sizeof uid);
    if (rc < 0 || k->base.err) {
        explicit_bzero(k->password, sizeof k->password);
        return rc;
    }
    rc = password_hash(k->password, hash);
    explicit_bzero(k->password, sizeof k->password);
    if (rc < 0)
        return rc;
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        /* users.role = 'student' again: a student account only, whatever the membership. */
        const char *p[2] = {hash, uid};
        rc = db_exec(c, "UPDATE users SET password_hash = $1 WHERE id = $2 AND role = 'student'", 2,
                     p, NULL, NULL);
        explicit_bzero(hash, sizeof hash);
        if (rc < 0)
            return rc;
    }
    {
        /* Every session of the student ends: the old password may be known to others. */
        const char *p[1] = {uid};
        rc = db_exec(c, "DELETE FROM sessions WHERE user_id = $1", 1, p, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    rc = access_audit(&k->base, c, "user.reset_password", k->username, k->cohort);
    if (rc == 0)
        rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    return rc < 0 ? rc : reply_ok(&k->base);
}

void h_reset_password(struct session *s, const Envelope *req)
{
    const Lab__V1__ResetPasswordRequest *m = req->reset_password_req;
    struct lab_err err = {0};
    struct teach_job *k;

    if (password_check_policy(m->new_password, &err) < 0) {
        char text[300];
        snprintf(text, sizeof text, "%s", err.msg);
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, text);
        return;
    }
    k = teach_new(s, req, m->cohort, m->username, run_reset_password, "user.reset_password");
    if (!k)
        return;
    (void)str_copy(k->password, sizeof k->password, m->new_password);
    req_post(s, &k->base);
}

/* ---- a student's results ---- */

static int run_student_results(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    struct cohort_info ci;
    char uid[24];
    int64_t student;
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc == 0 && !k->base.err)
        rc = find_student_in(k, c, &ci, uid, sizeof uid);
    if (rc < 0 || k->base.err)
        return rc;
    rc = access_audit(&k->base, c, "student.results", k->username, k->cohort);
    if (rc < 0)
        return rc;
    if (db_text_i64(uid, &student) < 0)
        return LAB_E_INTERNAL;
    return results_reply(&k->base, c, student, k->lab_id, k->limit, "these");
}

void h_student_results(struct session *s, const Envelope *req)
{
    const Lab__V1__StudentResultsRequest *m = req->student_results_req;
    struct teach_job *k;

    if (m->lab_id[0] && !field_ok(FIELD_LAB_ID, m->lab_id)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_LAB);
        return;
    }
    k = teach_new(s, req, m->cohort, m->username, run_student_results, "");
    if (!k)
        return;
    (void)str_copy(k->lab_id, sizeof k->lab_id, m->lab_id);
    k->limit = m->limit == 0                  ? RESULTS_DEFAULT_LIMIT
               : m->limit > RESULTS_MAX_LIMIT ? RESULTS_MAX_LIMIT
                                              : m->limit;
    req_post(s, &k->base);
}

/* ---- a submission's code ---- */

static int run_submission_code(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    Lab__V1__SubmissionCode sc = LAB__V1__SUBMISSION_CODE__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    char sid[24], uid[24];
    const char *p[3] = {sid, uid, k->base.role == LAB__V1__ROLE__ADMIN ? "t" : "f"};
    struct db_res *r = NULL;
    int rc;

    (void)db_param_i64(sid, k->sub_id);
    (void)db_param_i64(uid, k->base.user_id);
    /* Allowed: admins, and instructors (membership or owner) of a cohort in which the
     * submitter is a student. */
    rc = db_exec(c,
                 "SELECT s.id, u.username, s.lab_id, s.code, "
                 "extract(epoch FROM s.created_at)::bigint, $3::boolean OR EXISTS ("
                 "  SELECT 1 FROM memberships ms JOIN cohorts co ON co.id = ms.cohort_id "
                 "  LEFT JOIN memberships mi ON mi.cohort_id = ms.cohort_id AND mi.user_id = $2 "
                 "  WHERE ms.user_id = s.user_id AND ms.role = 'student' "
                 "  AND (mi.role = 'instructor' OR co.owner_id = $2)) "
                 "FROM submissions s JOIN users u ON u.id = s.user_id WHERE s.id = $1",
                 3, p, &r, NULL);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND, "there is no submission %" PRId64,
                        k->sub_id);
    }
    if (!db_res_true(r, 0, 5)) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__FORBIDDEN,
                        "submission %" PRId64 " is not by a student of your classes", k->sub_id);
    }
    (void)str_copy(k->username, sizeof k->username, db_res_get(r, 0, 1));
    rc = access_audit(&k->base, c, "submission.code", k->username, sid);
    if (rc < 0) {
        db_res_free(r);
        return rc;
    }
    sc.submission_id = k->sub_id;
    sc.username = (char *)db_res_get(r, 0, 1);
    sc.lab_id = (char *)db_res_get(r, 0, 2);
    sc.code.data = (uint8_t *)db_res_get(r, 0, 3);
    sc.code.len = strlen(db_res_get(r, 0, 3));
    sc.submitted_at = db_res_i64_or(r, 0, 4, 0);
    env.body_case = LAB__V1__ENVELOPE__BODY_SUBMISSION_CODE;
    env.submission_code = &sc;
    rc = req_reply(&k->base, &env);
    db_res_free(r);
    return rc;
}

void h_submission_code(struct session *s, const Envelope *req)
{
    const Lab__V1__SubmissionCodeRequest *m = req->submission_code_req;
    struct teach_job *k;

    if (m->submission_id <= 0) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a submission id is a positive number; list the student's results to "
                       "see them");
        return;
    }
    k = teach_new(s, req, NULL, NULL, run_submission_code, "");
    if (!k)
        return;
    k->sub_id = m->submission_id;
    req_post(s, &k->base);
}

/* ---- open / close a lab for a cohort ---- */

static int run_cohort_lab(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    struct cohort_info ci;
    struct db_res *r = NULL;
    char uid[24];
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc < 0 || k->base.err)
        return rc;
    (void)db_param_i64(uid, k->base.user_id);
    {
        const char *p[2] = {k->lab_id, ci.id_text};
        rc =
            db_exec(c, "SELECT 1 FROM labs WHERE id = $1 AND (cohort_id IS NULL OR cohort_id = $2)",
                    2, p, &r, NULL);
        if (rc < 0)
            return rc;
        rc = db_res_rows(r);
        db_res_free(r);
        if (rc == 0)
            return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                            "there is no lab with the id '%s'; list the labs to see the ids",
                            k->lab_id);
    }
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        const char *p[4] = {ci.id_text, k->lab_id, k->open ? "t" : "f", uid};
        rc = db_exec(c,
                     "INSERT INTO cohort_labs (cohort_id, lab_id, open, changed_by) "
                     "VALUES ($1, $2, $3::boolean, $4) ON CONFLICT (cohort_id, lab_id) DO UPDATE "
                     "SET open = EXCLUDED.open, changed_by = EXCLUDED.changed_by, "
                     "changed_at = now()",
                     4, p, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    rc = access_audit(&k->base, c, k->open ? "cohort.lab_open" : "cohort.lab_close", k->cohort,
                      k->lab_id);
    if (rc == 0)
        rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    return rc < 0 ? rc : reply_ok(&k->base);
}

void h_cohort_lab(struct session *s, const Envelope *req)
{
    const Lab__V1__CohortLabRequest *m = req->cohort_lab_req;
    struct teach_job *k;

    if (!field_ok(FIELD_LAB_ID, m->lab_id)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, TEXT_BAD_LAB);
        return;
    }
    k = teach_new(s, req, m->cohort, NULL, run_cohort_lab,
                  m->open ? "cohort.lab_open" : "cohort.lab_close");
    if (!k)
        return;
    (void)str_copy(k->lab_id, sizeof k->lab_id, m->lab_id);
    (void)str_copy(k->username, sizeof k->username, "");
    k->open = m->open;
    req_post(s, &k->base);
}

/* ---- gradebook ---- */

/*
 * The class's scores by scores.h's rule, the boards' rule, so a student's
 * total here is their points on the class board: one column per lab the
 * class works on, a max row with each lab's points, one row per student
 * (disabled accounts too: the school may still need their grades). The
 * layout is csv_gradebook()'s (pure, unit-tested).
 */
static int build_gradebook(struct csv *csv, const struct db_res *labs, const struct db_res *st,
                           const struct db_res *sc)
{
    size_t nl = (size_t)db_res_rows(labs), ns = (size_t)db_res_rows(st),
           nsc = (size_t)db_res_rows(sc);
    struct gradebook_lab *gl = calloc(nl + 1, sizeof *gl);
    struct gradebook_student *gs = calloc(ns + 1, sizeof *gs);
    struct gradebook_score *gc = calloc(nsc + 1, sizeof *gc);
    int rc = LAB_E_NOMEM;

    if (!gl || !gs || !gc)
        goto out;
    for (size_t i = 0; i < nl; i++)
        gl[i] = (struct gradebook_lab){db_res_get(labs, (int)i, 0),
                                       (uint32_t)db_res_u64_or(labs, (int)i, 1, 0)};
    for (size_t i = 0; i < ns; i++)
        gs[i] = (struct gradebook_student){db_res_i64_or(st, (int)i, 0, 0),
                                           db_res_get(st, (int)i, 1), db_res_get(st, (int)i, 2)};
    for (size_t i = 0; i < nsc; i++)
        gc[i] = (struct gradebook_score){db_res_i64_or(sc, (int)i, 0, 0), db_res_get(sc, (int)i, 1),
                                         (uint32_t)db_res_u64_or(sc, (int)i, 2, 0)};
    rc = csv_gradebook(csv, gl, nl, gs, ns, gc, nsc);
out:
    free(gc);
    free(gs);
    free(gl);
    return rc;
}

static int run_gradebook(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    Lab__V1__Gradebook gb = LAB__V1__GRADEBOOK__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct db_res *labs = NULL, *st = NULL, *sc = NULL;
    struct cohort_info ci;
    struct csv csv;
    int rc;

    csv_init(&csv, k->base.max_frame);
    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc < 0 || k->base.err)
        return rc;
    /* One snapshot for the three reads: a result committed between them cannot
     * add a score for a lab that has no column yet. */
    rc = db_exec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        const char *p[1] = {ci.id_text};
        rc = db_exec(c, SCORES_GRADEBOOK_LABS_SQL, 1, p, &labs, NULL);
        if (rc == 0)
            rc = db_exec(c,
                         "SELECT u.id, u.username, u.display_name FROM memberships m "
                         "JOIN users u ON u.id = m.user_id WHERE m.cohort_id = $1 "
                         "AND m.role = 'student' ORDER BY u.username",
                         1, p, &st, NULL);
        if (rc == 0)
            rc = db_exec(c, "SELECT s.user_id, s.lab_id, s.points FROM (" SCORES_ROWS_SQL ") s", 1,
                         p, &sc, NULL);
        if (rc == 0)
            rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
        if (rc < 0)
            goto out;
    }
    rc = build_gradebook(&csv, labs, st, sc);
    if (rc == LAB_E_TOO_LARGE) {
        rc = req_fail(&k->base, LAB__V1__ERROR_CODE__TOO_LARGE,
                      "the gradebook is larger than this server's %u-byte message limit; ask "
                      "the operator to raise ws.max_frame",
                      k->base.max_frame);
        goto out;
    }
    if (rc < 0)
        goto out;
    rc = access_audit(&k->base, c, "cohort.gradebook", k->cohort, "");
    if (rc < 0)
        goto out;
    gb.cohort = k->cohort;
    gb.csv.data = (uint8_t *)csv.buf;
    gb.csv.len = csv.len;
    env.body_case = LAB__V1__ENVELOPE__BODY_GRADEBOOK;
    env.gradebook = &gb;
    rc = req_reply(&k->base, &env);
out:
    csv_release(&csv);
    db_res_free(sc);
    db_res_free(st);
    db_res_free(labs);
    return rc;
}

void h_gradebook(struct session *s, const Envelope *req)
{
    struct teach_job *k =
        teach_new(s, req, req->gradebook_req->cohort, NULL, run_gradebook, "cohort.gradebook");

    if (k)
        req_post(s, &k->base);
}

/* ---- board mode ---- */

static const char *mode_text(Lab__V1__BoardMode m)
{
    switch (m) {
    case LAB__V1__BOARD_MODE__FULL:
        return "full";
    case LAB__V1__BOARD_MODE__TOP10:
        return "top10";
    case LAB__V1__BOARD_MODE__HIDDEN:
        return "hidden";
    default:
        return NULL;
    }
}

static int run_board_mode(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    struct cohort_info ci;
    int rc;

    rc = cohort_access(&k->base, c, k->cohort, AUTHZ_STAFF, &ci);
    if (rc < 0 || k->base.err)
        return rc;
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        const char *p[2] = {ci.id_text, k->text};
        rc = db_exec(c, "UPDATE cohorts SET board_mode = $2 WHERE id = $1", 2, p, NULL, NULL);
        if (rc < 0)
            return rc;
        /* Watchers of a running live board see the new mode at once. */
        rc = db_exec(
            c,
            "SELECT " DB_NOTIFY_LIVE_BOARD_SQL("id") " FROM live_sessions "
                                                     "WHERE cohort_id = $1 AND ended_at IS NULL",
            1, p, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    rc = access_audit(&k->base, c, "cohort.board_mode", k->cohort, k->text);
    if (rc == 0)
        rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    return rc < 0 ? rc : reply_ok(&k->base);
}

void h_board_mode(struct session *s, const Envelope *req)
{
    const Lab__V1__BoardModeRequest *m = req->board_mode_req;
    const char *mode = mode_text(m->mode);
    struct teach_job *k;

    if (!mode) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a board mode is full, top10 or hidden");
        return;
    }
    k = teach_new(s, req, m->cohort, NULL, run_board_mode, "cohort.board_mode");
    if (!k)
        return;
    (void)str_copy(k->text, sizeof k->text, mode);
    req_post(s, &k->base);
}

/* ---- display name (any user, their own) ---- */

static int run_set_display_name(struct db_job *dj, struct db *c)
{
    struct teach_job *k = (struct teach_job *)dj;
    char uid[24];
    const char *p[2] = {uid, k->text};
    int rc;

    (void)db_param_i64(uid, k->base.user_id);
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    rc = db_exec(c, "UPDATE users SET display_name = $2 WHERE id = $1", 2, p, NULL, NULL);
    if (rc < 0 && strcmp(db_last_sqlstate(c), "23514") == 0)
        return req_fail(&k->base, LAB__V1__ERROR_CODE__BAD_REQUEST,
                        "a display name is 1 to 64 characters of text without control "
                        "characters; choose another one");
    if (rc < 0)
        return rc;
    rc = access_audit(&k->base, c, "user.display_name", k->base.username, k->text);
    if (rc == 0)
        rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    return rc < 0 ? rc : reply_ok(&k->base);
}

void h_set_display_name(struct session *s, const Envelope *req)
{
    const char *name = req->set_display_name_req->display_name;
    struct teach_job *k;

    if (!field_ok(FIELD_DISPLAY_NAME, name)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a display name is 1 to 64 characters of text without control "
                       "characters; choose another one");
        return;
    }
    k = teach_new(s, req, NULL, NULL, run_set_display_name, "user.display_name");
    if (!k)
        return;
    (void)str_copy(k->text, sizeof k->text, name);
    req_post(s, &k->base);
}
