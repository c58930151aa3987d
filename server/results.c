/*
 * results.c — loading and fitting GradeResult messages (see results.h).
 *
 * Two statements per load, whatever the number of results: the submissions,
 * then all their checks with `submission_id = ANY($1)`, ordered the same way
 * so one pass pairs them up.
 */
#include "server/results.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "server/req.h"

static const char *const verdict_names[] = {
    "",
    "accepted",
    "partial",
    "wrong",
    "syntax_error",
    "runtime_error",
    "time_limit",
    "memory_limit",
    "output_limit",
    "forbidden_call",
    "internal_error",
};

static const char *const state_names[] = {"", "queued", "running", "graded", "failed"};

Lab__V1__Verdict verdict_from_text(const char *s)
{
    for (size_t i = 1; s && i < ARRAY_SIZE(verdict_names); i++)
        if (strcmp(s, verdict_names[i]) == 0)
            return (Lab__V1__Verdict)i;
    return LAB__V1__VERDICT__VERDICT_UNSPECIFIED;
}

Lab__V1__SubmissionState sub_state_from_text(const char *s)
{
    for (size_t i = 1; s && i < ARRAY_SIZE(state_names); i++)
        if (strcmp(s, state_names[i]) == 0)
            return (Lab__V1__SubmissionState)i;
    return LAB__V1__SUBMISSION_STATE__STATE_UNSPECIFIED;
}

#define SUB_COLS                                                                                   \
    "id, user_id, lab_id, state, coalesce(verdict, ''), coalesce(score, 0), "                      \
    "coalesce(max_score, 0), coalesce(message, ''), extract(epoch FROM created_at)::bigint, "      \
    "coalesce(extract(epoch FROM graded_at)::bigint, 0)"

static ProtobufCBinaryData bytes_of(const struct db_res *r, int row, int col)
{
    const char *v = db_val(r, row, col);

    return (ProtobufCBinaryData){.len = strlen(v), .data = (uint8_t *)v};
}

static uint32_t u32_of(const char *s)
{
    long long v = strtoll(s, NULL, 10);

    return v < 0 ? 0 : v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static void fill_result(Lab__V1__GradeResult *g, const struct db_res *r, int row)
{
    lab__v1__grade_result__init(g);
    g->submission_id = strtoll(db_val(r, row, 0), NULL, 10);
    g->lab_id = (char *)db_val(r, row, 2);
    g->state = sub_state_from_text(db_val(r, row, 3));
    g->verdict = verdict_from_text(db_val(r, row, 4));
    g->score = u32_of(db_val(r, row, 5));
    g->max_score = u32_of(db_val(r, row, 6));
    g->message = bytes_of(r, row, 7);
    g->submitted_at = strtoll(db_val(r, row, 8), NULL, 10);
    g->graded_at = strtoll(db_val(r, row, 9), NULL, 10);
}

static void fill_check(Lab__V1__CheckResult *k, const struct db_res *r, int row)
{
    lab__v1__check_result__init(k);
    k->name = (char *)db_val(r, row, 2);
    k->passed = strcmp(db_val(r, row, 3), "t") == 0;
    k->visible = strcmp(db_val(r, row, 4), "t") == 0;
    k->weight = u32_of(db_val(r, row, 5));
    k->observed = bytes_of(r, row, 6);
    /* Never the expected answer of a hidden check, whatever the row holds. */
    if (k->visible)
        k->expected = bytes_of(r, row, 7);
    k->message = bytes_of(r, row, 8);
    k->output_tail = bytes_of(r, row, 9);
}

/* "{1,2,3}" for the submissions in @rs->subs. NULL on OOM. */
static char *id_array(const struct db_res *subs, size_t n)
{
    size_t cap = 2 + n * 21 + 1, o = 0;
    char *a = malloc(cap);

    if (!a)
        return NULL;
    a[o++] = '{';
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(a + o, cap - o, "%s%s", i ? "," : "", db_val(subs, (int)i, 0));
    (void)snprintf(a + o, cap - o, "}");
    return a;
}

static int load_checks(struct result_set *rs, struct db_conn *c)
{
    char *ids = id_array(rs->subs, rs->n);
    const char *p[1] = {ids};
    size_t nc, k = 0;
    int rc;

    if (!ids)
        return LAB_E_NOMEM;
    rc = db_exec(c,
                 "SELECT submission_id, idx, name, passed, visible, weight, observed, "
                 "CASE WHEN visible THEN expected END, message, output_tail "
                 "FROM submission_checks WHERE submission_id = ANY($1::bigint[]) "
                 "ORDER BY submission_id DESC, idx",
                 1, p, &rs->checks);
    free(ids);
    if (rc < 0)
        return rc;
    nc = (size_t)db_nrows(rs->checks);
    rs->chk = calloc(nc + 1, sizeof *rs->chk);
    rs->chk_ptrs = calloc(nc + 1, sizeof *rs->chk_ptrs);
    if (!rs->chk || !rs->chk_ptrs)
        return LAB_E_NOMEM;
    for (size_t i = 0; i < nc; i++) {
        fill_check(&rs->chk[i], rs->checks, (int)i);
        rs->chk_ptrs[i] = &rs->chk[i];
    }
    /* Both lists run by submission id descending: walk them together. */
    for (size_t i = 0; i < rs->n; i++) {
        Lab__V1__GradeResult *g = &rs->res[i];
        size_t first;

        while (k < nc && strtoll(db_val(rs->checks, (int)k, 0), NULL, 10) > g->submission_id)
            k++; /* cannot happen with a consistent snapshot; skip defensively */
        first = k;
        while (k < nc && strtoll(db_val(rs->checks, (int)k, 0), NULL, 10) == g->submission_id)
            k++;
        g->n_checks = k - first;
        g->checks = g->n_checks ? &rs->chk_ptrs[first] : NULL;
    }
    return 0;
}

int results_load(struct result_set *rs, struct db_conn *c, int64_t sub_id, int64_t user_id,
                 const char *lab_id, uint32_t limit)
{
    char a[24], b[24];
    int rc;

    memset(rs, 0, sizeof *rs);
    if (sub_id > 0) {
        const char *p[1] = {a};
        snprintf(a, sizeof a, "%" PRId64, sub_id);
        rc = db_exec(c, "SELECT " SUB_COLS " FROM submissions WHERE id = $1", 1, p, &rs->subs);
    } else {
        const char *p[3] = {a, lab_id ? lab_id : "", b};
        snprintf(a, sizeof a, "%" PRId64, user_id);
        snprintf(b, sizeof b, "%u", limit);
        rc = db_exec(c,
                     "SELECT " SUB_COLS " FROM submissions WHERE user_id = $1 "
                     "AND ($2 = '' OR lab_id = $2) ORDER BY id DESC LIMIT $3",
                     3, p, &rs->subs);
    }
    if (rc < 0)
        return rc;
    rs->n = (size_t)db_nrows(rs->subs);
    rs->res = calloc(rs->n + 1, sizeof *rs->res);
    rs->ptrs = calloc(rs->n + 1, sizeof *rs->ptrs);
    rs->user_ids = calloc(rs->n + 1, sizeof *rs->user_ids);
    if (!rs->res || !rs->ptrs || !rs->user_ids)
        return LAB_E_NOMEM;
    for (size_t i = 0; i < rs->n; i++) {
        fill_result(&rs->res[i], rs->subs, (int)i);
        rs->user_ids[i] = strtoll(db_val(rs->subs, (int)i, 1), NULL, 10);
        rs->ptrs[i] = &rs->res[i];
    }
    if (rs->n == 0)
        return 0;
    return load_checks(rs, c);
}

void result_set_release(struct result_set *rs)
{
    free(rs->user_ids);
    free(rs->chk_ptrs);
    free(rs->chk);
    free(rs->ptrs);
    free(rs->res);
    db_res_free(rs->checks);
    db_res_free(rs->subs);
    memset(rs, 0, sizeof *rs);
}

/* ---- fitting ---- */

static bool fits(const Envelope *env, size_t max_frame)
{
    return protobuf_c_message_get_packed_size(&env->base) <= max_frame;
}

int results_fit(Envelope *env, size_t max_frame)
{
    Lab__V1__GradeResult *one[1];
    Lab__V1__GradeResult **rs;
    size_t n;

    if (env->body_case == LAB__V1__ENVELOPE__BODY_RESULT_LIST) {
        rs = env->result_list->results;
        n = env->result_list->n_results;
    } else if (env->body_case == LAB__V1__ENVELOPE__BODY_RESULT) {
        one[0] = env->result;
        rs = one;
        n = 1;
    } else {
        return fits(env, max_frame) ? 0 : LAB_E_TOO_LARGE;
    }
    if (fits(env, max_frame))
        return 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < rs[i]->n_checks; k++)
            rs[i]->checks[k]->output_tail = (ProtobufCBinaryData){0};
    if (fits(env, max_frame))
        return 0;
    /* Oldest first: results are newest first, so walk from the end. */
    for (size_t i = n; i-- > 0;) {
        if (!rs[i]->n_checks)
            continue;
        rs[i]->n_checks = 0;
        rs[i]->checks = NULL;
        if (fits(env, max_frame))
            return 0;
    }
    if (env->body_case == LAB__V1__ENVELOPE__BODY_RESULT_LIST) {
        while (env->result_list->n_results > 1) {
            env->result_list->n_results--;
            if (fits(env, max_frame))
                return 0;
        }
    }
    return fits(env, max_frame) ? 0 : LAB_E_TOO_LARGE;
}

int results_reply(struct req_job *j, struct db_conn *c, int64_t user_id, const char *lab_id,
                  uint32_t limit, const char *whose)
{
    Lab__V1__ResultList list = LAB__V1__RESULT_LIST__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    struct result_set rs;
    int rc;

    rc = results_load(&rs, c, 0, user_id, lab_id, limit);
    if (rc < 0)
        goto out;
    list.n_results = rs.n;
    list.results = rs.ptrs;
    env.body_case = LAB__V1__ENVELOPE__BODY_RESULT_LIST;
    env.result_list = &list;
    env.reply_to = j->reply_to;
    if (results_fit(&env, j->max_frame) < 0) {
        rc = req_fail(j, LAB__V1__ERROR_CODE__TOO_LARGE,
                      "%s results are larger than this server's %u-byte message limit; ask "
                      "for fewer (a smaller limit) or for one lab",
                      whose, j->max_frame);
        goto out;
    }
    rc = req_reply(j, &env);
out:
    result_set_release(&rs);
    return rc;
}
