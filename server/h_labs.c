/*
 * h_labs.c — the lab catalog: list published labs, fetch one.
 */
#include "server/handlers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/str.h"
#include "server/req.h"

#define RS "\x1f" /* roadmap items are joined with the unit separator in SQL */

/* Split @joined (owned by a result) into @items; returns the count. Modifies @joined. */
static size_t split_items(char *joined, char **items, size_t max)
{
    size_t n = 0;

    if (!joined[0])
        return 0;
    for (char *p = joined; p && n < max;) {
        char *sep = strchr(p, RS[0]);
        if (sep)
            *sep++ = '\0';
        items[n++] = p;
        p = sep;
    }
    return n;
}

struct summary_mem {
    char *joined;
    char *items[64];
};

static void fill_summary(Lab__V1__LabSummary *ls, struct summary_mem *m, const struct db_res *r,
                         int row)
{
    ls->id = (char *)db_res_get(r, row, 0);
    ls->title = (char *)db_res_get(r, row, 1);
    m->joined = str_dup(db_res_get(r, row, 2));
    ls->n_roadmap_items = m->joined ? split_items(m->joined, m->items, 64) : 0;
    ls->roadmap_items = m->items;
    ls->points = (uint32_t)db_res_u64_or(r, row, 3, 0);
    ls->section = (char *)db_res_get(r, row, 4);
    ls->version = (char *)db_res_get(r, row, 5);
}

#define SUMMARY_COLS "id, title, array_to_string(roadmap_items, E'\\x1f'), points, section, version"

/*
 * Which labs a user sees ($1 user id, $2 true for instructors and admins, who see every
 * lab): a student sees a lab when one of their cohorts has it open — a catalog lab
 * (cohort_id NULL) or the cohort's own lab, open unless a cohort_labs row closes it.
 */
#define LAB_VISIBLE                                                                                \
    "($2::boolean OR EXISTS (SELECT 1 FROM memberships m LEFT JOIN cohort_labs cl "                \
    "ON cl.cohort_id = m.cohort_id AND cl.lab_id = labs.id WHERE m.user_id = $1 "                  \
    "AND (labs.cohort_id IS NULL OR labs.cohort_id = m.cohort_id) AND coalesce(cl.open, true)))"

/* A student may read a lab of another cohort only if it is a catalog lab. */
#define LAB_READABLE                                                                               \
    "($2::boolean OR labs.cohort_id IS NULL OR labs.cohort_id IN "                                 \
    "(SELECT cohort_id FROM memberships WHERE user_id = $1))"

static bool is_staff(const struct req_job *j)
{
    return j->role == LAB__V1__ROLE__INSTRUCTOR || j->role == LAB__V1__ROLE__ADMIN;
}

static int run_list_labs(struct db_job *dj, struct db *c)
{
    struct req_job *j = (struct req_job *)dj;
    Lab__V1__LabList list = LAB__V1__LAB_LIST__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    Lab__V1__LabSummary *sums = NULL, **ptrs = NULL;
    struct summary_mem *mem = NULL;
    struct db_res *r = NULL;
    char uid[24];
    const char *p[2] = {uid, is_staff(j) ? "t" : "f"};
    int n, rc;

    (void)db_param_i64(uid, j->user_id);
    rc = db_exec(c,
                 "SELECT " SUMMARY_COLS " FROM labs WHERE published AND " LAB_VISIBLE
                 " ORDER BY sort_key, id",
                 2, p, &r, NULL);
    if (rc < 0)
        return rc;
    n = db_res_rows(r);
    sums = calloc((size_t)n + 1, sizeof *sums);
    ptrs = calloc((size_t)n + 1, sizeof *ptrs);
    mem = calloc((size_t)n + 1, sizeof *mem);
    if (!sums || !ptrs || !mem) {
        rc = LAB_E_NOMEM;
        goto out;
    }
    for (int i = 0; i < n; i++) {
        lab__v1__lab_summary__init(&sums[i]);
        fill_summary(&sums[i], &mem[i], r, i);
        ptrs[i] = &sums[i];
    }
    list.n_labs = (size_t)n;
    list.labs = ptrs;
    env.body_case = LAB__V1__ENVELOPE__BODY_LAB_LIST;
    env.lab_list = &list;
    rc = req_reply(j, &env);
out:
    for (int i = 0; mem && i < n; i++)
        free(mem[i].joined);
    free(mem);
    free(ptrs);
    free(sums);
    db_res_free(r);
    return rc;
}

void h_list_labs(struct session *s, const Envelope *req)
{
    struct req_job *j = req_new(s, req, sizeof *j, run_list_labs);

    if (j)
        req_post(s, j);
}

struct get_lab_job {
    struct req_job base;
    char lab_id[LAB_ID_MAX + 1];
};

static int run_get_lab(struct db_job *dj, struct db *c)
{
    struct get_lab_job *g = (struct get_lab_job *)dj;
    char uid[24];
    const char *p[3] = {uid, is_staff(&g->base) ? "t" : "f", g->lab_id};
    Lab__V1__LabSummary sum = LAB__V1__LAB_SUMMARY__INIT;
    Lab__V1__LabDetail det = LAB__V1__LAB_DETAIL__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct summary_mem mem = {0};
    struct db_res *r = NULL;
    int rc;

    (void)db_param_i64(uid, g->base.user_id);
    rc = db_exec(c,
                 "SELECT " SUMMARY_COLS ", statement_md, starter FROM labs "
                 "WHERE id = $3 AND published AND " LAB_READABLE,
                 3, p, &r, NULL);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&g->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "there is no lab with the id '%s'; list the labs to see the ids",
                        g->lab_id);
    }
    fill_summary(&sum, &mem, r, 0);
    det.summary = &sum;
    det.statement_md.data = (uint8_t *)db_res_get(r, 0, 6);
    det.statement_md.len = strlen(db_res_get(r, 0, 6));
    det.starter.data = (uint8_t *)db_res_get(r, 0, 7);
    det.starter.len = strlen(db_res_get(r, 0, 7));
    env.body_case = LAB__V1__ENVELOPE__BODY_LAB_DETAIL;
    env.lab_detail = &det;
    rc = req_reply(&g->base, &env);
    free(mem.joined);
    db_res_free(r);
    return rc;
}

void h_get_lab(struct session *s, const Envelope *req)
{
    const char *id = req->get_lab_req->lab_id;
    struct get_lab_job *g;

    if (!field_ok(FIELD_LAB_ID, id)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a lab id is lowercase letters, digits, '_', '.' or '-'; list the labs "
                       "to see the ids");
        return;
    }
    g = req_new(s, req, sizeof *g, run_get_lab);
    if (!g)
        return;
    (void)str_copy(g->lab_id, sizeof g->lab_id, id);
    req_post(s, &g->base);
}
