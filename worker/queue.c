/*
 * queue.c — claim, finish and sweep statements for submissions and lab versions.
 */
#include "worker/queue.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/json.h"
#include "common/log.h"
#include "common/str.h"
#include "db/channels.h"

static const char claim_submission_sql[] =
    "WITH ranked AS ("
    "  SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY id) AS rn"
    "    FROM submissions"
    "   WHERE (state = 'queued' OR (state = 'running' AND lease_until < now()))"
    "     AND attempts < max_attempts),"
    " next AS ("
    "  SELECT s.id FROM submissions s JOIN ranked r ON r.id = s.id"
    "   WHERE (s.state = 'queued' OR (s.state = 'running' AND s.lease_until < now()))"
    "     AND s.attempts < s.max_attempts"
    "   ORDER BY r.rn, s.id LIMIT 1 FOR UPDATE OF s SKIP LOCKED)"
    "UPDATE submissions s SET state = 'running', attempts = s.attempts + 1,"
    "       lease_until = now() + make_interval(secs => $2::int), worker = $1,"
    "       started_at = now()"
    "  FROM next WHERE s.id = next.id"
    " RETURNING s.id, s.user_id, s.attempts, s.lab_id, s.lab_version, s.code";

int queue_claim_submission(struct db *db, const char *worker, uint32_t lease_s,
                           struct claimed_submission *out, struct lab_err *err)
{
    char lease[DB_NUM_MAX];
    const char *params[2] = {worker, lease};
    struct db_res *r = NULL;
    int64_t v;
    int rc;

    memset(out, 0, sizeof *out);
    (void)db_param_u64(lease, lease_s);
    rc = db_exec(db, claim_submission_sql, 2, params, &r, err);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return 0;
    }
    out->id = db_res_i64_or(r, 0, 0, 0);
    out->user_id = db_res_i64_or(r, 0, 1, 0);
    v = db_res_i64_or(r, 0, 2, 0);
    out->attempt = (int)v;
    str_copy(out->lab_id, sizeof out->lab_id, db_res_get(r, 0, 3));
    str_copy(out->lab_version, sizeof out->lab_version, db_res_get(r, 0, 4));
    out->code = str_dup(db_res_get(r, 0, 5));
    db_res_free(r);
    if (!out->code)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    return 1;
}

/* Rebuild a lab from its stored lab.ini and file texts. */
static int lab_from_row(const struct db_res *r, int row, int col, struct lab_def **out,
                        struct lab_err *err)
{
    struct lab_def *lab = calloc(1, sizeof *lab);
    int rc;

    if (!lab)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    lab->ini = str_dup(db_res_get(r, row, col));
    lab->readme = str_dup(db_res_get(r, row, col + 1));
    lab->starter = str_dup(db_res_get(r, row, col + 2));
    lab->solution = str_dup(db_res_get(r, row, col + 3));
    lab->checks = str_dup(db_res_get(r, row, col + 4));
    if (!lab->ini || !lab->readme || !lab->starter || !lab->solution || !lab->checks) {
        labdir_free(lab);
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    }
    rc = labdir_parse_ini(lab->ini, lab, err);
    if (rc < 0) {
        labdir_free(lab);
        return rc;
    }
    *out = lab;
    return 0;
}

int queue_load_lab(struct db *db, const char *lab_id, const char *version, struct lab_def **lab,
                   struct check_spec *specs, size_t *n, char **expected, struct lab_err *err)
{
    const char *params[2] = {lab_id, version};
    struct db_res *r = NULL;
    int rc;

    *lab = NULL;
    *n = 0;
    rc = db_exec(db,
                 "SELECT lab_ini, statement_md, starter, '' AS solution, checks_py"
                 "  FROM lab_versions WHERE lab_id = $1 AND version = $2 AND state = 'live'",
                 2, params, &r, err);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) != 1) {
        db_res_free(r);
        return lab_errf(err, LAB_E_NOT_FOUND, "lab '%s' version %.12s is not live", lab_id,
                        version);
    }
    rc = lab_from_row(r, 0, 0, lab, err);
    db_res_free(r);
    if (rc < 0)
        return rc;
    rc = db_exec(db,
                 "SELECT name, weight, visible, timeout_ms, expected, description"
                 "  FROM lab_checks WHERE lab_id = $1 AND version = $2 ORDER BY idx",
                 2, params, &r, err);
    if (rc < 0)
        goto fail;
    if (db_res_rows(r) == 0 || db_res_rows(r) > GRADE_MAX_CHECKS) {
        db_res_free(r);
        rc = lab_errf(err, LAB_E_INTERNAL, "lab '%s' has no stored checks", lab_id);
        goto fail;
    }
    for (int i = 0; i < db_res_rows(r); i++) {
        memset(&specs[i], 0, sizeof specs[i]);
        str_copy(specs[i].name, sizeof specs[i].name, db_res_get(r, i, 0));
        specs[i].weight = (uint32_t)db_res_u64_or(r, i, 1, 0);
        specs[i].visible = db_res_true(r, i, 2);
        specs[i].timeout_ms = (uint32_t)db_res_u64_or(r, i, 3, 0);
        /* A description longer than the spec holds is cut (str_copy leaves a prefix). */
        (void)str_copy(specs[i].description, sizeof specs[i].description, db_res_get(r, i, 5));
        expected[i] = str_dup(db_res_get(r, i, 4));
        *n = (size_t)i + 1;
        if (!expected[i]) {
            db_res_free(r);
            rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
            goto fail;
        }
    }
    db_res_free(r);
    return 0;
fail:
    for (size_t i = 0; i < *n; i++)
        free(expected[i]);
    *n = 0;
    labdir_free(*lab);
    *lab = NULL;
    return rc;
}

/* The cases of one check, in INSERTs of up to CASE_ROWS_PER_INSERT rows each. */
#define CASE_ROWS_PER_INSERT 50
#define CASE_PARAMS 9

static int store_cases(struct db *db, const char *sub_id, const char *check_idx,
                       const struct check_outcome *c, struct lab_err *err)
{
    for (size_t first = 0; first < c->n_cases && c->cases; first += CASE_ROWS_PER_INSERT) {
        size_t rows =
            c->n_cases - first < CASE_ROWS_PER_INSERT ? c->n_cases - first : CASE_ROWS_PER_INSERT;
        const char *params[2 + CASE_ROWS_PER_INSERT * CASE_PARAMS];
        char idx[CASE_ROWS_PER_INSERT][16];
        struct json_out sql;
        char *text;
        int np = 2, rc;

        params[0] = sub_id;
        params[1] = check_idx;
        json_out_init(&sql);
        json_out_printf(&sql, "INSERT INTO submission_cases (submission_id, check_idx, idx,"
                              " passed, about, call, expected, got, shown_as, error, location)"
                              " VALUES ");
        for (size_t r = 0; r < rows; r++) {
            const struct case_outcome *k = &c->cases[first + r];

            snprintf(idx[r], sizeof idx[r], "%zu", first + r);
            json_out_printf(&sql,
                            "%s($1::bigint, $2::int, $%d::int, $%d::boolean, $%d, $%d, $%d, $%d,"
                            " $%d, $%d, $%d)",
                            r ? ", " : "", np + 1, np + 2, np + 3, np + 4, np + 5, np + 6, np + 7,
                            np + 8, np + 9);
            params[np++] = idx[r];
            params[np++] = k->passed ? "t" : "f";
            params[np++] = k->about ? k->about : "";
            /* Hidden checks: the grader never fills these; NULL here whatever it held. */
            params[np++] = c->visible ? k->call : NULL;
            params[np++] = c->visible ? k->expected : NULL;
            params[np++] = c->visible ? k->got : NULL;
            params[np++] = k->output ? "output" : "value";
            params[np++] = k->error ? k->error : "";
            params[np++] = k->where ? k->where : "";
        }
        text = json_out_take(&sql);
        if (!text)
            return lab_errf(err, LAB_E_NOMEM, "out of memory");
        rc = db_exec(db, text, np, params, NULL, err);
        free(text);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int store_checks(struct db *db, const char *sub_id, const struct grade_report *rep,
                        struct lab_err *err)
{
    for (size_t i = 0; i < rep->n_checks; i++) {
        const struct check_outcome *c = &rep->checks[i];
        char idx[24], weight[DB_NUM_MAX], passed[24], total[24];
        const char *params[13] = {sub_id,
                                  idx,
                                  c->name,
                                  c->passed ? "t" : "f",
                                  c->visible ? "t" : "f",
                                  weight,
                                  c->visible ? c->observed : NULL,
                                  c->visible ? c->expected : NULL,
                                  c->message,
                                  c->output_tail,
                                  c->description ? c->description : "",
                                  passed,
                                  total};
        int rc;

        snprintf(idx, sizeof idx, "%zu", i);
        (void)db_param_u64(weight, c->weight);
        snprintf(passed, sizeof passed, "%zu", c->n_passed);
        snprintf(total, sizeof total, "%zu", c->n_cases);
        rc = db_exec(db,
                     "INSERT INTO submission_checks (submission_id, idx, name, passed, visible,"
                     " weight, observed, expected, message, output_tail, description,"
                     " cases_passed, cases_total)"
                     " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::int, $13::int)",
                     13, params, NULL, err);
        if (rc < 0)
            return rc;
        rc = store_cases(db, sub_id, idx, c, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int queue_finish_submission(struct db *db, const char *worker, const struct claimed_submission *sub,
                            const struct grade_report *rep, struct lab_err *err)
{
    char id[24], user[24], attempt[DB_NUM_MAX], score[DB_NUM_MAX], max[DB_NUM_MAX];
    const char *upd[7] = {id,    worker, attempt,     grade_verdict_name(rep->verdict),
                          score, max,    rep->message};
    const char *best[5] = {user, sub->lab_id, score, max, id};
    struct db_res *r = NULL;
    int rc;

    (void)db_param_i64(id, sub->id);
    (void)db_param_i64(user, sub->user_id);
    (void)db_param_i64(attempt, sub->attempt);
    (void)db_param_u64(score, rep->score);
    (void)db_param_u64(max, rep->max_score);
    rc = db_begin(db, err);
    if (rc < 0)
        return rc;
    rc = db_exec(db,
                 "UPDATE submissions SET state = 'graded', verdict = $4, score = $5::int,"
                 " max_score = $6::int, message = $7, graded_at = now(), lease_until = NULL"
                 " WHERE id = $1::bigint AND worker = $2 AND attempts = $3::int"
                 "   AND state = 'running'",
                 7, upd, &r, err);
    if (rc < 0)
        goto fail;
    if (db_res_affected(r) != 1) {
        db_res_free(r);
        db_rollback(db);
        log_event(LOG_WARN, "grade.lease_lost", "sub=%s attempt=%s", id, attempt);
        return 0;
    }
    db_res_free(r);
    rc = store_checks(db, id, rep, err);
    if (rc < 0)
        goto fail;
    rc = db_exec(db,
                 "INSERT INTO best_scores AS b (user_id, lab_id, score, max_score, submission_id,"
                 "  attempts, improved_at, solved_at)"
                 " VALUES ($1::bigint, $2, $3::int, $4::int, $5::bigint, 1, now(),"
                 "  CASE WHEN $3::int >= $4::int THEN now() END)"
                 " ON CONFLICT (user_id, lab_id) DO UPDATE SET"
                 "  attempts = b.attempts + 1,"
                 "  max_score = EXCLUDED.max_score,"
                 "  submission_id = CASE WHEN EXCLUDED.score > b.score"
                 "                  THEN EXCLUDED.submission_id ELSE b.submission_id END,"
                 "  improved_at = CASE WHEN EXCLUDED.score > b.score"
                 "                THEN now() ELSE b.improved_at END,"
                 "  score = GREATEST(b.score, EXCLUDED.score),"
                 "  solved_at = COALESCE(b.solved_at, EXCLUDED.solved_at)",
                 5, best, NULL, err);
    if (rc < 0)
        goto fail;
    /* A result during a live exercise of one of the student's cohorts moves its live
     * board, in the same transaction, and tells every labserver to push the board. */
    rc = db_exec(db,
                 "WITH live AS ("
                 "  SELECT l.id FROM live_sessions l"
                 "    JOIN memberships m ON m.cohort_id = l.cohort_id AND m.user_id = $1::bigint"
                 "   WHERE l.lab_id = $2 AND l.ended_at IS NULL"
                 "     AND (l.ends_at IS NULL OR l.ends_at > now())),"
                 " up AS ("
                 "  INSERT INTO live_scores AS ls (live_id, user_id, attempts, best_score,"
                 "    max_score, improved_at, solved_at)"
                 "  SELECT id, $1::bigint, 1, $3::int, $4::int, now(),"
                 "    CASE WHEN $3::int >= $4::int THEN now() END FROM live"
                 "  ON CONFLICT (live_id, user_id) DO UPDATE SET attempts = ls.attempts + 1,"
                 "    max_score = EXCLUDED.max_score,"
                 "    improved_at = CASE WHEN EXCLUDED.best_score > ls.best_score"
                 "                  THEN now() ELSE ls.improved_at END,"
                 "    best_score = GREATEST(ls.best_score, EXCLUDED.best_score),"
                 "    solved_at = COALESCE(ls.solved_at, EXCLUDED.solved_at)"
                 "  RETURNING live_id)"
                 "SELECT " DB_NOTIFY_LIVE_BOARD_SQL("live_id") " FROM up",
                 4, best, NULL, err);
    if (rc < 0)
        goto fail;
    {
        struct db_event ev = {.kind = DB_EV_KIND_GRADED, .id = sub->id};

        rc = db_notify_event(db, &ev, err);
        if (rc < 0)
            goto fail;
    }
    rc = db_commit(db, err);
    if (rc < 0)
        goto fail;
    return 1;
fail:
    db_rollback(db);
    return rc;
}

void queue_notify_progress(struct db *db, int64_t id)
{
    struct db_event ev = {.kind = DB_EV_KIND_RUNNING, .id = id};
    struct lab_err err;

    if (db_notify_event(db, &ev, &err) < 0)
        log_event(LOG_WARN, "grade.notify_failed", "sub=%" PRId64 " err=\"%s\"", id, err.msg);
}

int queue_claim_lab(struct db *db, const char *worker, uint32_t lease_s, struct claimed_lab *out,
                    struct lab_err *err)
{
    char lease[DB_NUM_MAX];
    const char *params[2] = {worker, lease};
    struct db_res *r = NULL;
    int rc;

    memset(out, 0, sizeof *out);
    (void)db_param_u64(lease, lease_s);
    rc = db_exec(db,
                 "WITH next AS ("
                 "  SELECT lab_id, version FROM lab_versions"
                 "   WHERE (state = 'pending' OR (state = 'verifying' AND lease_until < now()))"
                 "     AND attempts < 3"
                 "   ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                 "UPDATE lab_versions v SET state = 'verifying', attempts = v.attempts + 1,"
                 "       lease_until = now() + make_interval(secs => $2::int), worker = $1"
                 "  FROM next WHERE v.lab_id = next.lab_id AND v.version = next.version"
                 " RETURNING v.lab_id, v.version, v.lab_ini, v.statement_md, v.starter,"
                 "           v.solution, v.checks_py",
                 2, params, &r, err);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return 0;
    }
    str_copy(out->lab_id, sizeof out->lab_id, db_res_get(r, 0, 0));
    str_copy(out->version, sizeof out->version, db_res_get(r, 0, 1));
    rc = lab_from_row(r, 0, 2, &out->lab, err);
    db_res_free(r);
    if (rc < 0) {
        /* The stored lab.ini no longer parses (this build is stricter): reject it. */
        struct lab_err e2;
        char reason[256];
        snprintf(reason, sizeof reason, "%s", err ? err->msg : "lab.ini does not parse");
        if (queue_finish_lab(db, worker, out, NULL, 0, NULL, reason, &e2) < 0)
            log_event(LOG_WARN, "lab.reject_failed", "lab=%s err=\"%s\"", out->lab_id, e2.msg);
        return 0;
    }
    return 1;
}

static int make_live(struct db *db, const struct claimed_lab *cl, const struct check_spec *specs,
                     size_t n, char *const *expected, struct lab_err *err)
{
    const struct lab_def *lab = cl->lab;
    char items[LAB_MAX_ITEMS * 18 + 4], points[DB_NUM_MAX];
    size_t off = 0;
    int rc;

    items[off++] = '{';
    for (size_t i = 0; i < lab->n_items; i++)
        off +=
            (size_t)snprintf(items + off, sizeof items - off, "%s%s", i ? "," : "", lab->items[i]);
    snprintf(items + off, sizeof items - off, "}");
    (void)db_param_u64(points, lab->points);
    for (size_t i = 0; i < n; i++) {
        char idx[24], weight[DB_NUM_MAX], timeout[DB_NUM_MAX];
        const char *p[9] = {cl->lab_id,    cl->version, idx,
                            specs[i].name, weight,      specs[i].visible ? "t" : "f",
                            timeout,       expected[i], specs[i].description};

        snprintf(idx, sizeof idx, "%zu", i);
        (void)db_param_u64(weight, specs[i].weight);
        (void)db_param_u64(timeout, specs[i].timeout_ms);
        rc = db_exec(db,
                     "INSERT INTO lab_checks (lab_id, version, idx, name, weight, visible,"
                     " timeout_ms, expected, description) VALUES ($1, $2, $3::int, $4, $5::int,"
                     " $6::boolean, $7::int, $8, $9)",
                     9, p, NULL, err);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[8] = {cl->lab_id, cl->version, lab->title,  lab->section,
                            items,      points,      lab->readme, lab->starter};
        rc = db_exec(db,
                     "INSERT INTO labs (id, version, title, section, roadmap_items, points,"
                     "  statement_md, starter, published, sort_key, updated_at, cohort_id)"
                     " VALUES ($1, $2, $3, $4, $5::text[], $6::int, $7, $8, true, $4 || '/' || $1,"
                     "  now(), (SELECT cohort_id FROM lab_versions"
                     "          WHERE lab_id = $1 AND version = $2))"
                     " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version,"
                     "  cohort_id = EXCLUDED.cohort_id,"
                     "  title = EXCLUDED.title, section = EXCLUDED.section,"
                     "  roadmap_items = EXCLUDED.roadmap_items, points = EXCLUDED.points,"
                     "  statement_md = EXCLUDED.statement_md, starter = EXCLUDED.starter,"
                     "  sort_key = EXCLUDED.sort_key, updated_at = now()",
                     8, p, NULL, err);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[2] = {cl->lab_id, cl->version};
        return db_exec(db,
                       "UPDATE lab_versions SET state = 'live', verified_at = now(),"
                       " lease_until = NULL WHERE lab_id = $1 AND version = $2",
                       2, p, NULL, err);
    }
}

int queue_finish_lab(struct db *db, const char *worker, const struct claimed_lab *cl,
                     const struct check_spec *specs, size_t n, char *const *expected,
                     const char *reason, struct lab_err *err)
{
    const char *p3[3] = {cl->lab_id, cl->version, reason};
    int rc;

    (void)worker;
    rc = db_begin(db, err);
    if (rc < 0)
        return rc;
    if (reason)
        rc = db_exec(db,
                     "UPDATE lab_versions SET state = 'rejected', reject_reason = $3,"
                     " lease_until = NULL WHERE lab_id = $1 AND version = $2",
                     3, p3, NULL, err);
    else
        rc = make_live(db, cl, specs, n, expected, err);
    if (rc < 0)
        goto fail;
    {
        struct db_event ev = {.kind = DB_EV_KIND_LAB};

        (void)str_copy(ev.lab_id, sizeof ev.lab_id, cl->lab_id);
        (void)str_copy(ev.version, sizeof ev.version, cl->version);
        (void)str_copy(ev.state, sizeof ev.state, reason ? "rejected" : "live");
        rc = db_notify_event(db, &ev, err);
        if (rc < 0)
            goto fail;
    }
    return db_commit(db, err);
fail:
    db_rollback(db);
    return rc;
}

int queue_sweep(struct db *db, struct lab_err *err)
{
    struct db_res *r = NULL;
    int rc, n;

    rc = db_exec(db,
                 "WITH dead AS ("
                 "  UPDATE submissions SET state = 'failed', verdict = 'internal_error',"
                 "   message = 'Grading failed repeatedly on the server; your teacher can"
                 " look into it. Submitting again may work.', graded_at = now(),"
                 "   lease_until = NULL"
                 "  WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts"
                 "  RETURNING id)"
                 "SELECT " DB_NOTIFY_GRADED_SQL("id") " FROM dead",
                 0, NULL, &r, err);
    if (rc < 0)
        return rc;
    n = db_res_rows(r);
    db_res_free(r);
    rc = db_exec(db,
                 "UPDATE lab_versions SET state = 'rejected',"
                 " reject_reason = 'verification crashed the worker 3 times', lease_until = NULL"
                 " WHERE state = 'verifying' AND lease_until < now() AND attempts >= 3",
                 0, NULL, &r, err);
    if (rc < 0)
        return rc;
    n += (int)db_res_affected(r);
    db_res_free(r);
    return n;
}
