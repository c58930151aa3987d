/*
 * results.c — loading and fitting GradeResult messages (see results.h).
 *
 * Three statements per load, whatever the number of results or checks: the
 * submissions, then all their checks, then all the cases of those checks,
 * the last two with `submission_id = ANY($1)` and ordered like the first, so
 * one pass pairs each list with the one above it.
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
    const char *v = db_res_get(r, row, col);

    return (ProtobufCBinaryData){.len = strlen(v), .data = (uint8_t *)v};
}

static void fill_result(Lab__V1__GradeResult *g, const struct db_res *r, int row)
{
    lab__v1__grade_result__init(g);
    g->submission_id = db_res_i64_or(r, row, 0, 0);
    g->lab_id = (char *)db_res_get(r, row, 2);
    g->state = sub_state_from_text(db_res_get(r, row, 3));
    g->verdict = verdict_from_text(db_res_get(r, row, 4));
    g->score = db_res_u32_sat(r, row, 5);
    g->max_score = db_res_u32_sat(r, row, 6);
    g->message = bytes_of(r, row, 7);
    g->submitted_at = db_res_i64_or(r, row, 8, 0);
    g->graded_at = db_res_i64_or(r, row, 9, 0);
}

void results_redact(Lab__V1__CheckResult *k)
{
    if (k->visible)
        return;
    k->expected = (ProtobufCBinaryData){0};
    for (size_t i = 0; i < k->n_cases; i++) {
        Lab__V1__CaseResult *c = k->cases[i];

        c->call = (ProtobufCBinaryData){0};
        c->expected = (ProtobufCBinaryData){0};
        c->got = (ProtobufCBinaryData){0};
        c->output = false;
    }
}

#define CHECK_COLS                                                                                 \
    "submission_id, idx, name, passed, visible, weight, observed, "                                \
    "CASE WHEN visible THEN expected END, message, output_tail, description, cases_passed, "       \
    "cases_total"

static void fill_check(Lab__V1__CheckResult *k, const struct db_res *r, int row)
{
    lab__v1__check_result__init(k);
    k->name = (char *)db_res_get(r, row, 2);
    k->passed = db_res_true(r, row, 3);
    k->visible = db_res_true(r, row, 4);
    k->weight = db_res_u32_sat(r, row, 5);
    k->observed = bytes_of(r, row, 6);
    k->expected = bytes_of(r, row, 7);
    k->message = bytes_of(r, row, 8);
    k->output_tail = bytes_of(r, row, 9);
    k->description = bytes_of(r, row, 10);
    k->cases_passed = db_res_u32_sat(r, row, 11);
    k->cases_total = db_res_u32_sat(r, row, 12);
}

/*
 * Cases with their check's visibility; a hidden case without its own `about`
 * gets "<check description> (case j of n)", as the protocol promises. The
 * SQL already leaves out call/expected/got of hidden checks; results_redact()
 * makes sure again on the messages.
 */
#define CASE_SQL                                                                                   \
    "SELECT c.submission_id, c.check_idx, c.passed, "                                              \
    "CASE WHEN k.visible OR c.about <> '' THEN c.about "                                           \
    "ELSE coalesce(nullif(k.description, ''), k.name) || ' (case ' || (c.idx + 1) || ' of ' || "   \
    "greatest(k.cases_total, c.idx + 1) || ')' END, "                                              \
    "CASE WHEN k.visible THEN c.call END, CASE WHEN k.visible THEN c.expected END, "               \
    "CASE WHEN k.visible THEN c.got END, k.visible AND c.shown_as = 'output', c.error, "           \
    "c.location "                                                                                  \
    "FROM submission_cases c JOIN submission_checks k "                                            \
    "ON k.submission_id = c.submission_id AND k.idx = c.check_idx "                                \
    "WHERE c.submission_id = ANY($1::bigint[]) "                                                   \
    "ORDER BY c.submission_id DESC, c.check_idx, c.idx"

static void fill_case(Lab__V1__CaseResult *c, const struct db_res *r, int row)
{
    lab__v1__case_result__init(c);
    c->passed = db_res_true(r, row, 2);
    c->about = bytes_of(r, row, 3);
    c->call = bytes_of(r, row, 4);
    c->expected = bytes_of(r, row, 5);
    c->got = bytes_of(r, row, 6);
    c->output = db_res_true(r, row, 7);
    c->error = bytes_of(r, row, 8);
    c->where = bytes_of(r, row, 9);
}

/*
 * Where row @row of a checks or cases result sorts against (@sub, @idx):
 * submission ids descending, then check index ascending (both queries'
 * ORDER BY). Negative: before it.
 */
static int key_cmp(const struct db_res *r, int row, int64_t sub, long long idx)
{
    int64_t rs = db_res_i64_or(r, row, 0, 0);
    long long ri = db_res_i64_or(r, row, 1, 0);

    if (rs != sub)
        return rs > sub ? -1 : 1;
    return ri < idx ? -1 : ri > idx;
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
        o += (size_t)snprintf(a + o, cap - o, "%s%s", i ? "," : "", db_res_get(subs, (int)i, 0));
    (void)snprintf(a + o, cap - o, "}");
    return a;
}

/* Attach the cases in rs->cases to the checks (both in key_cmp order). */
static int pair_cases(struct result_set *rs)
{
    size_t nc = (size_t)db_res_rows(rs->checks), nk = (size_t)db_res_rows(rs->cases), k = 0;

    rs->cas = calloc(nk + 1, sizeof *rs->cas);
    rs->cas_ptrs = calloc(nk + 1, sizeof *rs->cas_ptrs);
    if (!rs->cas || !rs->cas_ptrs)
        return LAB_E_NOMEM;
    for (size_t i = 0; i < nk; i++) {
        fill_case(&rs->cas[i], rs->cases, (int)i);
        rs->cas_ptrs[i] = &rs->cas[i];
    }
    for (size_t i = 0; i < nc; i++) {
        Lab__V1__CheckResult *chk = &rs->chk[i];
        int64_t sub = db_res_i64_or(rs->checks, (int)i, 0, 0);
        long long idx = db_res_i64_or(rs->checks, (int)i, 1, 0);
        size_t first;

        while (k < nk && key_cmp(rs->cases, (int)k, sub, idx) < 0)
            k++; /* a case without its check: cannot happen (foreign key); skip */
        first = k;
        while (k < nk && key_cmp(rs->cases, (int)k, sub, idx) == 0)
            k++;
        chk->n_cases = k - first;
        chk->cases = chk->n_cases ? &rs->cas_ptrs[first] : NULL;
        results_redact(chk);
    }
    return 0;
}

static int load_checks(struct result_set *rs, struct db *c)
{
    char *ids = id_array(rs->subs, rs->n);
    const char *p[1] = {ids};
    size_t nc, k = 0;
    int rc;

    if (!ids)
        return LAB_E_NOMEM;
    rc = db_exec(c,
                 "SELECT " CHECK_COLS " FROM submission_checks "
                 "WHERE submission_id = ANY($1::bigint[]) ORDER BY submission_id DESC, idx",
                 1, p, &rs->checks, NULL);
    if (rc == 0)
        rc = db_exec(c, CASE_SQL, 1, p, &rs->cases, NULL);
    free(ids);
    if (rc < 0)
        return rc;
    nc = (size_t)db_res_rows(rs->checks);
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

        while (k < nc && db_res_i64_or(rs->checks, (int)k, 0, 0) > g->submission_id)
            k++; /* cannot happen with a consistent snapshot; skip defensively */
        first = k;
        while (k < nc && db_res_i64_or(rs->checks, (int)k, 0, 0) == g->submission_id)
            k++;
        g->n_checks = k - first;
        g->checks = g->n_checks ? &rs->chk_ptrs[first] : NULL;
    }
    return pair_cases(rs);
}

int results_load(struct result_set *rs, struct db *c, int64_t sub_id, int64_t user_id,
                 const char *lab_id, uint32_t limit)
{
    char a[24], b[24];
    int rc;

    memset(rs, 0, sizeof *rs);
    if (sub_id > 0) {
        const char *p[1] = {a};
        (void)db_param_i64(a, sub_id);
        rc =
            db_exec(c, "SELECT " SUB_COLS " FROM submissions WHERE id = $1", 1, p, &rs->subs, NULL);
    } else {
        const char *p[3] = {a, lab_id ? lab_id : "", b};
        (void)db_param_i64(a, user_id);
        (void)db_param_u64(b, limit);
        rc = db_exec(c,
                     "SELECT " SUB_COLS " FROM submissions WHERE user_id = $1 "
                     "AND ($2 = '' OR lab_id = $2) ORDER BY id DESC LIMIT $3",
                     3, p, &rs->subs, NULL);
    }
    if (rc < 0)
        return rc;
    rs->n = (size_t)db_res_rows(rs->subs);
    rs->res = calloc(rs->n + 1, sizeof *rs->res);
    rs->ptrs = calloc(rs->n + 1, sizeof *rs->ptrs);
    rs->user_ids = calloc(rs->n + 1, sizeof *rs->user_ids);
    if (!rs->res || !rs->ptrs || !rs->user_ids)
        return LAB_E_NOMEM;
    for (size_t i = 0; i < rs->n; i++) {
        fill_result(&rs->res[i], rs->subs, (int)i);
        rs->user_ids[i] = db_res_i64_or(rs->subs, (int)i, 1, 0);
        rs->ptrs[i] = &rs->res[i];
    }
    if (rs->n == 0)
        return 0;
    return load_checks(rs, c);
}

void result_set_release(struct result_set *rs)
{
    free(rs->user_ids);
    free(rs->cas_ptrs);
    free(rs->cas);
    free(rs->chk_ptrs);
    free(rs->chk);
    free(rs->ptrs);
    free(rs->res);
    db_res_free(rs->cases);
    db_res_free(rs->checks);
    db_res_free(rs->subs);
    memset(rs, 0, sizeof *rs);
}

/* ---- fitting ---- */

static bool fits(const Envelope *env, size_t max_frame)
{
    return protobuf_c_message_get_packed_size(&env->base) <= max_frame;
}

/* Keep only the first failed case of each check of @g (no case when none failed). */
static void keep_first_failed(Lab__V1__GradeResult *g)
{
    for (size_t k = 0; k < g->n_checks; k++) {
        Lab__V1__CheckResult *c = g->checks[k];
        size_t i = 0;

        while (i < c->n_cases && c->cases[i]->passed)
            i++;
        if (i < c->n_cases) {
            c->cases = &c->cases[i];
            c->n_cases = 1;
        } else {
            c->cases = NULL;
            c->n_cases = 0;
        }
    }
}

static void drop_cases(Lab__V1__GradeResult *g, bool only_passed_checks)
{
    for (size_t k = 0; k < g->n_checks; k++) {
        if (only_passed_checks && !g->checks[k]->passed)
            continue;
        g->checks[k]->cases = NULL;
        g->checks[k]->n_cases = 0;
    }
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
    /* A passed check reads as one line: its cases are the cheapest to lose. */
    for (size_t i = 0; i < n; i++)
        drop_cases(rs[i], true);
    if (fits(env, max_frame))
        return 0;
    /* Oldest first: results are newest first, so walk from the end. */
    for (size_t i = n; i-- > 0;) {
        keep_first_failed(rs[i]);
        if (fits(env, max_frame))
            return 0;
    }
    for (size_t i = n; i-- > 0;) {
        drop_cases(rs[i], false);
        if (fits(env, max_frame))
            return 0;
    }
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

int results_reply(struct req_job *j, struct db *c, int64_t user_id, const char *lab_id,
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
