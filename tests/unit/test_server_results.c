/*
 * test_server_results.c — per-case results on the server (spec 10 §5-§7):
 * results_redact() clears what a hidden check must never send, and
 * results_fit() gives up cases in the documented order before checks.
 * Proposed for tests/unit/ (add `lab_unit_test(server_results lab_server_core)`
 * or the server/CMakeLists.txt foreach list).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "server/results.h"

#define N_RES 3
#define N_CHK 2
#define N_CASE 4

struct fake {
    Lab__V1__CaseResult cs[N_RES][N_CHK][N_CASE];
    Lab__V1__CaseResult *csp[N_RES][N_CHK][N_CASE];
    Lab__V1__CheckResult chk[N_RES][N_CHK];
    Lab__V1__CheckResult *chk_ptrs[N_RES][N_CHK];
    Lab__V1__GradeResult res[N_RES];
    Lab__V1__GradeResult *ptrs[N_RES];
    Lab__V1__ResultList list;
    Envelope env;
    uint8_t val[300];
};

static ProtobufCBinaryData b(const char *s)
{
    return (ProtobufCBinaryData){strlen(s), (uint8_t *)s};
}

/* N_RES results of N_CHK checks of N_CASE cases; check 0 passed, check 1 fails case 2 and 3. */
static struct fake *make_fake(void)
{
    struct fake *f = calloc(1, sizeof *f);

    ck_assert_ptr_nonnull(f);
    memset(f->val, 'v', sizeof f->val);
    for (size_t i = 0; i < N_RES; i++) {
        lab__v1__grade_result__init(&f->res[i]);
        f->res[i].submission_id = (int64_t)(100 - i);
        f->res[i].lab_id = "lab";
        for (size_t k = 0; k < N_CHK; k++) {
            Lab__V1__CheckResult *c = &f->chk[i][k];

            lab__v1__check_result__init(c);
            c->name = "check";
            c->visible = true;
            c->passed = k == 0;
            c->cases_total = N_CASE;
            c->cases_passed = k == 0 ? N_CASE : 2;
            for (size_t j = 0; j < N_CASE; j++) {
                Lab__V1__CaseResult *x = &f->cs[i][k][j];

                lab__v1__case_result__init(x);
                x->passed = k == 0 || j < 2;
                x->call = (ProtobufCBinaryData){sizeof f->val, f->val};
                x->expected = (ProtobufCBinaryData){sizeof f->val, f->val};
                x->got = (ProtobufCBinaryData){sizeof f->val, f->val};
                f->csp[i][k][j] = x;
            }
            c->cases = f->csp[i][k];
            c->n_cases = N_CASE;
            f->chk_ptrs[i][k] = c;
        }
        f->res[i].checks = f->chk_ptrs[i];
        f->res[i].n_checks = N_CHK;
        f->ptrs[i] = &f->res[i];
    }
    lab__v1__result_list__init(&f->list);
    f->list.results = f->ptrs;
    f->list.n_results = N_RES;
    lab__v1__envelope__init(&f->env);
    f->env.body_case = LAB__V1__ENVELOPE__BODY_RESULT_LIST;
    f->env.result_list = &f->list;
    return f;
}

static size_t packed(const Envelope *e)
{
    return protobuf_c_message_get_packed_size(&e->base);
}

START_TEST(redact_clears_hidden_values_only)
{
    Lab__V1__CaseResult c = LAB__V1__CASE_RESULT__INIT, *cp = &c;
    Lab__V1__CheckResult k = LAB__V1__CHECK_RESULT__INIT;

    c.about = b("no pizzas at all");
    c.call = b("f(1)");
    c.expected = b("2");
    c.got = b("3");
    c.error = b("TypeError: x");
    c.where = b("line 1, in f: x");
    c.output = true;
    k.visible = true;
    k.expected = b("[2]");
    k.cases = &cp;
    k.n_cases = 1;
    results_redact(&k);
    ck_assert_uint_eq(c.call.len, 4); /* a visible check keeps everything */
    ck_assert_uint_eq(k.expected.len, 3);
    k.visible = false;
    results_redact(&k);
    ck_assert_uint_eq(k.expected.len, 0);
    ck_assert_uint_eq(c.call.len + c.expected.len + c.got.len, 0);
    ck_assert(!c.output);
    /* what a hidden case may show stays */
    ck_assert_uint_eq(c.about.len, strlen("no pizzas at all"));
    ck_assert_uint_eq(c.error.len, strlen("TypeError: x"));
    ck_assert_uint_eq(c.where.len, strlen("line 1, in f: x"));
}
END_TEST

START_TEST(fit_drops_passed_checks_cases_first)
{
    struct fake *f = make_fake();
    size_t full = packed(&f->env);

    ck_assert_int_eq(results_fit(&f->env, full - 1), 0);
    for (size_t i = 0; i < N_RES; i++) {
        ck_assert_uint_eq(f->chk[i][0].n_cases, 0); /* passed: one line anyway */
        ck_assert_uint_eq(f->chk[i][0].cases_total, N_CASE);
        ck_assert_uint_eq(f->chk[i][1].n_cases, N_CASE); /* failed: untouched */
    }
    free(f);
}
END_TEST

START_TEST(fit_keeps_the_first_failed_case_of_the_newest_longest)
{
    struct fake *f = make_fake();
    size_t no_passed, limit;

    ck_assert_int_eq(results_fit(&f->env, packed(&f->env) - 1), 0);
    no_passed = packed(&f->env);
    limit = no_passed - 1;
    ck_assert_int_eq(results_fit(&f->env, limit), 0);
    /* the oldest result lost its passed cases of failed checks first */
    ck_assert_uint_eq(f->chk[N_RES - 1][1].n_cases, 1);
    ck_assert_ptr_eq(f->chk[N_RES - 1][1].cases[0], &f->cs[N_RES - 1][1][2]);
    ck_assert_uint_eq(f->chk[0][1].n_cases, N_CASE);
    free(f);
}
END_TEST

START_TEST(fit_drops_all_cases_before_any_check)
{
    struct fake *f = make_fake();
    size_t no_cases;

    for (size_t i = 0; i < N_RES; i++)
        for (size_t k = 0; k < N_CHK; k++)
            f->chk[i][k].n_cases = 0;
    no_cases = packed(&f->env);
    free(f);
    f = make_fake();
    ck_assert_int_eq(results_fit(&f->env, no_cases), 0);
    for (size_t i = 0; i < N_RES; i++) {
        ck_assert_uint_eq(f->res[i].n_checks, N_CHK);
        for (size_t k = 0; k < N_CHK; k++) {
            ck_assert_uint_eq(f->chk[i][k].n_cases, 0);
            ck_assert_uint_eq(f->chk[i][k].cases_total, N_CASE);
        }
    }
    free(f);
}
END_TEST

START_TEST(fit_single_pushed_result_keeps_first_failure)
{
    struct fake *f = make_fake();
    Envelope e = LAB__V1__ENVELOPE__INIT;
    size_t full;

    e.body_case = LAB__V1__ENVELOPE__BODY_RESULT;
    e.result = &f->res[0];
    full = packed(&e);
    ck_assert_int_eq(results_fit(&e, full - 1), 0); /* the passed check's cases go */
    ck_assert_uint_eq(f->chk[0][0].n_cases, 0);
    ck_assert_uint_eq(f->chk[0][1].n_cases, N_CASE);
    ck_assert_int_eq(results_fit(&e, packed(&e) - 1), 0);
    ck_assert_uint_eq(f->chk[0][1].n_cases, 1);
    ck_assert(!f->chk[0][1].cases[0]->passed);
    free(f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("server_results");
    TCase *tc = tcase_create("cases");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, redact_clears_hidden_values_only);
    tcase_add_test(tc, fit_drops_passed_checks_cases_first);
    tcase_add_test(tc, fit_keeps_the_first_failed_case_of_the_newest_longest);
    tcase_add_test(tc, fit_drops_all_cases_before_any_check);
    tcase_add_test(tc, fit_single_pushed_result_keeps_first_failure);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
