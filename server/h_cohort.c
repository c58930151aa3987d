/*
 * h_cohort.c — classes (cohorts): create, join by code, list, roster.
 *
 * Who may see what: a join code is shown only to the class's instructors and
 * to admins; a roster only to the class's instructors and admins (the router
 * already refuses students; the rest is decided here from memberships).
 */
#include "server/handlers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/log.h"
#include "common/str.h"
#include "common/token.h"
#include "db/audit.h"
#include "server/req.h"

struct cohort_job {
    struct req_job base;
    char name[COHORT_NAME_MAX + 1];
    char join_code[JOIN_CODE_MAX + 1];
};

static bool is_admin(const struct req_job *j)
{
    return j->role == LAB__V1__ROLE__ADMIN;
}

/* ---- create ---- */

static int run_cohort_create(struct db_job *dj, struct db *c)
{
    struct cohort_job *k = (struct cohort_job *)dj;
    char uid[24], code[JOIN_CODE_LEN + 1], cid[24];
    Lab__V1__Cohort co = LAB__V1__COHORT__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct db_res *r = NULL;
    int rc;

    (void)db_param_i64(uid, k->base.user_id);
    /* A join code collision is possible but rare: try a few fresh codes. */
    for (int attempt = 0; attempt < 5; attempt++) {
        const char *p[3] = {k->name, code, uid};

        if (token_join_code(code, JOIN_CODE_LEN) < 0)
            return LAB_E_INTERNAL;
        rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
        if (rc < 0)
            return rc;
        rc = db_exec(c,
                     "INSERT INTO cohorts (name, join_code, owner_id) VALUES ($1, $2, $3) "
                     "ON CONFLICT (join_code) DO NOTHING RETURNING id",
                     3, p, &r, NULL);
        if (rc < 0 && strcmp(db_last_sqlstate(c), "23505") == 0)
            return req_fail(&k->base, LAB__V1__ERROR_CODE__CONFLICT,
                            "a class named '%s' already exists; choose another name", k->name);
        if (rc < 0)
            return rc;
        if (db_res_rows(r) == 1)
            break;
        db_res_free(r);
        r = NULL;
        rc = db_exec(c, "ROLLBACK", 0, NULL, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    if (!r)
        return LAB_E_INTERNAL;
    (void)str_copy(cid, sizeof cid, db_res_get(r, 0, 0));
    co.id = db_res_i64_or(r, 0, 0, 0);
    db_res_free(r);
    {
        const char *p[2] = {cid, uid};
        rc = db_exec(c,
                     "INSERT INTO memberships (cohort_id, user_id, role) "
                     "VALUES ($1, $2, 'instructor')",
                     2, p, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    {
        const struct db_audit a = {.actor_id = k->base.user_id,
                                   .actor = k->base.username,
                                   .action = "cohort.create",
                                   .target = k->name,
                                   .peer = k->base.peer};
        rc = db_audit(c, &a, NULL);
        if (rc < 0)
            return rc;
    }
    rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    co.name = k->name;
    co.join_code = code;
    co.owner = k->base.username;
    co.n_students = 0;
    env.body_case = LAB__V1__ENVELOPE__BODY_COHORT;
    env.cohort = &co;
    rc = req_reply(&k->base, &env);
    explicit_bzero(code, sizeof code);
    return rc;
}

static void cohort_create_after(struct req_job *j, struct session *s)
{
    struct cohort_job *k = (struct cohort_job *)j;

    (void)s;
    if (!j->err)
        log_event(LOG_INFO, "cohort.created", "cohort=%s user=%s", k->name, j->username);
}

void h_cohort_create(struct session *s, const Envelope *req)
{
    const char *name = req->cohort_create_req->name;
    struct cohort_job *k;

    if (!field_ok(FIELD_COHORT_NAME, name)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a class name is 2 to 48 characters: lowercase letters, digits, '_', '.' "
                       "or '-', starting with a letter or digit; choose another name");
        return;
    }
    k = req_new(s, req, sizeof *k, run_cohort_create);
    if (!k)
        return;
    (void)str_copy(k->name, sizeof k->name, name);
    k->base.after = cohort_create_after;
    req_post(s, &k->base);
}

/* ---- join ---- */

static int run_cohort_join(struct db_job *dj, struct db *c)
{
    struct cohort_job *k = (struct cohort_job *)dj;
    Lab__V1__Cohort co = LAB__V1__COHORT__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct db_res *r = NULL;
    char uid[24], cid[24];
    int rc;

    (void)db_param_i64(uid, k->base.user_id);
    {
        const char *p[1] = {k->join_code};
        rc = db_exec(c, "SELECT id FROM cohorts WHERE join_code = $1", 1, p, &r, NULL);
        if (rc < 0)
            return rc;
        if (db_res_rows(r) == 0) {
            db_res_free(r);
            return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                            "no class has that join code; check it with your teacher");
        }
        (void)str_copy(cid, sizeof cid, db_res_get(r, 0, 0));
        db_res_free(r);
    }
    {
        const char *p[2] = {cid, uid};
        rc = db_exec(c,
                     "INSERT INTO memberships (cohort_id, user_id, role) "
                     "VALUES ($1, $2, 'student') ON CONFLICT DO NOTHING",
                     2, p, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[1] = {cid};
        rc = db_exec(c,
                     "SELECT c.id, c.name, o.username, (SELECT count(*) FROM memberships m "
                     "WHERE m.cohort_id = c.id AND m.role = 'student') "
                     "FROM cohorts c JOIN users o ON o.id = c.owner_id WHERE c.id = $1",
                     1, p, &r, NULL);
        if (rc < 0)
            return rc;
        if (db_res_rows(r) == 0) {
            db_res_free(r);
            return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                            "no class has that join code; check it with your teacher");
        }
    }
    co.id = db_res_i64_or(r, 0, 0, 0);
    co.name = (char *)db_res_get(r, 0, 1);
    co.owner = (char *)db_res_get(r, 0, 2);
    co.n_students = (uint32_t)db_res_u64_or(r, 0, 3, 0);
    (void)str_copy(k->name, sizeof k->name, co.name);
    env.body_case = LAB__V1__ENVELOPE__BODY_COHORT;
    env.cohort = &co;
    rc = req_reply(&k->base, &env);
    db_res_free(r);
    return rc;
}

static void cohort_join_after(struct req_job *j, struct session *s)
{
    struct cohort_job *k = (struct cohort_job *)j;

    (void)s;
    if (!j->err)
        log_event(LOG_INFO, "cohort.joined", "cohort=%s user=%s", k->name, j->username);
}

void h_cohort_join(struct session *s, const Envelope *req)
{
    struct cohort_job *k;
    char code[JOIN_CODE_MAX + 1];

    if (!field_join_code_normalize(req->cohort_join_req->join_code, code)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a join code is letters and digits, like K7QX2M9P; check it with your "
                       "teacher");
        return;
    }
    k = req_new(s, req, sizeof *k, run_cohort_join);
    if (!k)
        return;
    memcpy(k->join_code, code, sizeof code);
    k->base.after = cohort_join_after;
    req_post(s, &k->base);
}

/* ---- list ---- */

#define COHORT_COLS                                                                                \
    "c.id, c.name, c.join_code, o.username, (SELECT count(*) FROM memberships s "                  \
    "WHERE s.cohort_id = c.id AND s.role = 'student'), m.role"

static void fill_cohort(Lab__V1__Cohort *co, const struct db_res *r, int row, bool admin)
{
    lab__v1__cohort__init(co);
    co->id = db_res_i64_or(r, row, 0, 0);
    co->name = (char *)db_res_get(r, row, 1);
    if (admin || strcmp(db_res_get(r, row, 5), "instructor") == 0)
        co->join_code = (char *)db_res_get(r, row, 2);
    co->owner = (char *)db_res_get(r, row, 3);
    co->n_students = (uint32_t)db_res_u64_or(r, row, 4, 0);
}

static int run_cohort_list(struct db_job *dj, struct db *c)
{
    struct req_job *j = (struct req_job *)dj;
    Lab__V1__CohortList list = LAB__V1__COHORT_LIST__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    Lab__V1__Cohort *cos = NULL, **ptrs = NULL;
    char uid[24];
    const char *p[2] = {uid, is_admin(j) ? "true" : "false"};
    struct db_res *r = NULL;
    int n, rc;

    (void)db_param_i64(uid, j->user_id);
    rc = db_exec(c,
                 "SELECT " COHORT_COLS " FROM cohorts c JOIN users o ON o.id = c.owner_id "
                 "LEFT JOIN memberships m ON m.cohort_id = c.id AND m.user_id = $1 "
                 "WHERE m.user_id IS NOT NULL OR $2::boolean ORDER BY c.name",
                 2, p, &r, NULL);
    if (rc < 0)
        return rc;
    n = db_res_rows(r);
    cos = calloc((size_t)n + 1, sizeof *cos);
    ptrs = calloc((size_t)n + 1, sizeof *ptrs);
    if (!cos || !ptrs) {
        rc = LAB_E_NOMEM;
        goto out;
    }
    for (int i = 0; i < n; i++) {
        fill_cohort(&cos[i], r, i, is_admin(j));
        ptrs[i] = &cos[i];
    }
    list.n_cohorts = (size_t)n;
    list.cohorts = ptrs;
    env.body_case = LAB__V1__ENVELOPE__BODY_COHORT_LIST;
    env.cohort_list = &list;
    rc = req_reply(j, &env);
out:
    free(ptrs);
    free(cos);
    db_res_free(r);
    return rc;
}

void h_cohort_list(struct session *s, const Envelope *req)
{
    struct req_job *j = req_new(s, req, sizeof *j, run_cohort_list);

    if (j)
        req_post(s, j);
}

/* ---- roster ---- */

static int run_cohort_roster(struct db_job *dj, struct db *c)
{
    struct cohort_job *k = (struct cohort_job *)dj;
    Lab__V1__Roster ro = LAB__V1__ROSTER__INIT;
    Lab__V1__Cohort co;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    Lab__V1__Member *mem = NULL, **ptrs = NULL;
    struct db_res *r = NULL, *mr = NULL;
    char uid[24];
    int n = 0, rc;

    (void)db_param_i64(uid, k->base.user_id);
    {
        const char *p[2] = {k->name, uid};
        rc = db_exec(c,
                     "SELECT " COHORT_COLS " FROM cohorts c JOIN users o ON o.id = c.owner_id "
                     "LEFT JOIN memberships m ON m.cohort_id = c.id AND m.user_id = $2 "
                     "WHERE c.name = $1",
                     2, p, &r, NULL);
        if (rc < 0)
            return rc;
    }
    if (db_res_rows(r) == 0) {
        rc = req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                      "no class is named '%s'; list your classes to see their names", k->name);
        goto out;
    }
    if (!is_admin(&k->base) && strcmp(db_res_get(r, 0, 5), "instructor") != 0) {
        rc = req_fail(&k->base, LAB__V1__ERROR_CODE__FORBIDDEN,
                      "you are not an instructor of class '%s'; ask its owner to add you", k->name);
        goto out;
    }
    fill_cohort(&co, r, 0, true);
    {
        const char *p[1] = {db_res_get(r, 0, 0)};
        rc = db_exec(c,
                     "SELECT u.username, u.display_name, m.role, "
                     "extract(epoch FROM m.joined_at)::bigint "
                     "FROM memberships m JOIN users u ON u.id = m.user_id "
                     "WHERE m.cohort_id = $1 ORDER BY m.role = 'student', u.username",
                     1, p, &mr, NULL);
        if (rc < 0)
            goto out;
    }
    n = db_res_rows(mr);
    mem = calloc((size_t)n + 1, sizeof *mem);
    ptrs = calloc((size_t)n + 1, sizeof *ptrs);
    if (!mem || !ptrs) {
        rc = LAB_E_NOMEM;
        goto out;
    }
    for (int i = 0; i < n; i++) {
        lab__v1__member__init(&mem[i]);
        mem[i].username = (char *)db_res_get(mr, i, 0);
        mem[i].display_name = (char *)db_res_get(mr, i, 1);
        mem[i].role = role_from_text(db_res_get(mr, i, 2));
        mem[i].joined_at = db_res_i64_or(mr, i, 3, 0);
        ptrs[i] = &mem[i];
    }
    ro.cohort = &co;
    ro.n_members = (size_t)n;
    ro.members = ptrs;
    env.body_case = LAB__V1__ENVELOPE__BODY_ROSTER;
    env.roster = &ro;
    rc = req_reply(&k->base, &env);
out:
    free(ptrs);
    free(mem);
    db_res_free(mr);
    db_res_free(r);
    return rc;
}

void h_cohort_roster(struct session *s, const Envelope *req)
{
    const char *name = req->cohort_roster_req->cohort;
    struct cohort_job *k;

    if (!field_ok(FIELD_COHORT_NAME, name)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a class name is 2 to 48 characters: lowercase letters, digits, '_', '.' "
                       "or '-'; list your classes to see their names");
        return;
    }
    k = req_new(s, req, sizeof *k, run_cohort_roster);
    if (!k)
        return;
    (void)str_copy(k->name, sizeof k->name, name);
    req_post(s, &k->base);
}
