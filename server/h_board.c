/*
 * h_board.c — a cohort's board and a lab's board within a cohort.
 *
 * Who may look: the cohort's members (students and instructors) and
 * admins. Boards are drawn from best_scores only (one row per student and
 * lab, written by labworker with each result), never from submissions, and
 * count points by scores.h's rule, the gradebook's: the class's labs only
 * (catalog labs not closed for it and its own), each best score in the
 * lab's current points. Only enabled students of the cohort with a result
 * on one of those labs appear (on a lab board: on that lab), so a student
 * who has not submitted yet is not listed and gets your_rank = 0. A lab
 * board exists for the class's labs only. Ranking and row visibility are
 * board.c's (pure, unit-tested).
 */
#include "server/handlers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/str.h"
#include "server/board.h"
#include "server/req.h"
#include "server/scores.h"

struct board_job {
    struct req_job base;
    char cohort[COHORT_NAME_MAX + 1];
    char lab_id[LAB_ID_MAX + 1];
};

#define MAX_ROWS_TEXT "5000"

/* $1 cohort id, $2 lab id or '' for the cohort board: one row per student. */
static const char board_sql[] =
    "SELECT u.id, u.display_name, sum(s.points)::bigint, count(*) FILTER (WHERE s.solved), "
    "extract(epoch FROM max(s.improved_at))::bigint "
    "FROM (" SCORES_ROWS_SQL ") s JOIN users u ON u.id = s.user_id "
    "WHERE NOT u.disabled AND ($2 = '' OR s.lab_id = $2) "
    "GROUP BY u.id, u.display_name LIMIT " MAX_ROWS_TEXT;

/* Build and send the board from rows (id, name, points, solved, last) of @r. */
static int reply_board(struct board_job *k, const struct db_res *r, enum board_mode mode,
                       bool full_view)
{
    Lab__V1__Board board = LAB__V1__BOARD__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    size_t n = (size_t)db_res_rows(r), shown;
    struct board_entry *e = calloc(n + 1, sizeof *e);
    size_t *idx = calloc(n + 1, sizeof *idx);
    Lab__V1__BoardRow *rows = calloc(n + 1, sizeof *rows);
    Lab__V1__BoardRow **ptrs = calloc(n + 1, sizeof *ptrs);
    int rc;

    if (!e || !idx || !rows || !ptrs) {
        rc = LAB_E_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        e[i].user_id = db_res_i64_or(r, (int)i, 0, 0);
        e[i].display_name = db_res_get(r, (int)i, 1);
        e[i].points = db_res_u32_sat(r, (int)i, 2);
        e[i].labs_solved = db_res_u32_sat(r, (int)i, 3);
        e[i].last_improved_at = db_res_i64_or(r, (int)i, 4, 0);
    }
    board_rank(e, n);
    shown = board_select(e, n, mode, full_view, k->base.user_id, idx, &board.your_rank);
    for (size_t i = 0; i < shown; i++) {
        const struct board_entry *be = &e[idx[i]];
        lab__v1__board_row__init(&rows[i]);
        rows[i].rank = be->rank;
        rows[i].display_name = (char *)be->display_name;
        rows[i].points = be->points;
        rows[i].labs_solved = be->labs_solved;
        rows[i].last_improved_at = be->last_improved_at;
        rows[i].is_you = be->user_id == k->base.user_id;
        ptrs[i] = &rows[i];
    }
    board.cohort = k->cohort;
    board.lab_id = k->lab_id;
    board.n_rows = shown;
    board.rows = ptrs;
    env.body_case = LAB__V1__ENVELOPE__BODY_BOARD;
    env.board = &board;
    rc = req_reply(&k->base, &env);
out:
    free(ptrs);
    free(rows);
    free(idx);
    free(e);
    return rc;
}

static int run_get_board(struct db_job *dj, struct db *c)
{
    struct board_job *k = (struct board_job *)dj;
    struct db_res *r = NULL;
    char uid[24], cid[24];
    enum board_mode mode;
    bool full_view;
    int rc;

    (void)db_param_i64(uid, k->base.user_id);
    {
        const char *p[2] = {k->cohort, uid};
        rc = db_exec(c,
                     "SELECT c.id, c.board_mode, coalesce(m.role, '') FROM cohorts c "
                     "LEFT JOIN memberships m ON m.cohort_id = c.id AND m.user_id = $2 "
                     "WHERE c.name = $1",
                     2, p, &r, NULL);
        if (rc < 0)
            return rc;
    }
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "no class is named '%s'; list your classes to see their names", k->cohort);
    }
    if (k->base.role != LAB__V1__ROLE__ADMIN && db_res_get(r, 0, 2)[0] == '\0') {
        db_res_free(r);
        return req_fail(&k->base, LAB__V1__ERROR_CODE__FORBIDDEN,
                        "you are not in class '%s'; only its members see its board", k->cohort);
    }
    (void)str_copy(cid, sizeof cid, db_res_get(r, 0, 0));
    mode = board_mode_from_text(db_res_get(r, 0, 1));
    full_view =
        k->base.role == LAB__V1__ROLE__ADMIN || strcmp(db_res_get(r, 0, 2), "instructor") == 0;
    db_res_free(r);
    r = NULL;
    if (k->lab_id[0]) {
        const char *p[2] = {cid, k->lab_id};
        rc = db_exec(c, "SELECT 1 FROM (" SCORES_LABS_SQL ") cl WHERE cl.id = $2", 2, p, &r, NULL);
        if (rc < 0)
            return rc;
        rc = db_res_rows(r);
        db_res_free(r);
        r = NULL;
        if (rc == 0)
            return req_fail(&k->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                            "class '%s' has no lab called '%s'; run labclient labs to see them",
                            k->cohort, k->lab_id);
    }
    {
        const char *p[2] = {cid, k->lab_id};
        rc = db_exec(c, board_sql, 2, p, &r, NULL);
        if (rc < 0)
            return rc;
    }
    rc = reply_board(k, r, mode, full_view);
    db_res_free(r);
    return rc;
}

void h_get_board(struct session *s, const Envelope *req)
{
    const Lab__V1__GetBoardRequest *br = req->get_board_req;
    struct board_job *k;

    if (!field_ok(FIELD_COHORT_NAME, br->cohort)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a class name is 2 to 48 characters: lowercase letters, digits, '_', '.' "
                       "or '-'; list your classes to see their names");
        return;
    }
    if (br->lab_id[0] && !field_ok(FIELD_LAB_ID, br->lab_id)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a lab id is lowercase letters, digits, '_', '.' or '-'; run labclient "
                       "labs to see them");
        return;
    }
    k = req_new(s, req, sizeof *k, run_get_board);
    if (!k)
        return;
    (void)str_copy(k->cohort, sizeof k->cohort, br->cohort);
    (void)str_copy(k->lab_id, sizeof k->lab_id, br->lab_id);
    req_post(s, &k->base);
}
