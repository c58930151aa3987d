/*
 * test_server_grading.c — the pure parts of grading in labserver: the
 * submit validators, verdict/state text mapping, board ranking and
 * visibility, the user → sessions index, and fitting results into a frame.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "server/board.h"
#include "server/results.h"
#include "server/userix.h"
#include "server/validate.h"

/* ---- submit validators ---- */

static const struct {
    const char *code;
    size_t len; /* 0: strlen */
    uint32_t max_kib;
    enum code_check want;
} code_cases[] = {
    {"print('hi')\n", 0, 64, CODE_OK},
    {"print('h\xc3\xa9')\n", 0, 64, CODE_OK},
    {"", 0, 64, CODE_EMPTY},
    {"print('\xff')\n", 0, 64, CODE_NOT_UTF8},
    {"a\0b", 3, 64, CODE_NOT_UTF8},         /* NUL: PostgreSQL text cannot hold it */
    {"\xc3", 0, 64, CODE_NOT_UTF8},         /* truncated sequence */
    {"\xed\xa0\x80", 0, 64, CODE_NOT_UTF8}, /* surrogate */
};

START_TEST(code_table)
{
    const char *c = code_cases[_i].code;
    size_t len = code_cases[_i].len ? code_cases[_i].len : strlen(c);

    ck_assert_int_eq(submit_code_check((const uint8_t *)c, len, code_cases[_i].max_kib),
                     code_cases[_i].want);
}
END_TEST

START_TEST(code_size_cap_and_text)
{
    size_t cap = 64 * 1024;
    uint8_t *big = malloc(cap + 2);
    char text[160];

    ck_assert_ptr_nonnull(big);
    memset(big, 'x', cap + 2);
    ck_assert_int_eq(submit_code_check(big, cap, 64), CODE_OK);
    ck_assert_int_eq(submit_code_check(big, cap + 1, 64), CODE_TOO_LARGE);
    /* Size is checked before content: a huge invalid file is "too large". */
    big[0] = 0xff;
    ck_assert_int_eq(submit_code_check(big, cap + 1, 64), CODE_TOO_LARGE);
    submit_code_text(CODE_TOO_LARGE, cap + 1, 64, text, sizeof text);
    ck_assert_str_eq(text, "your program is 65 KiB; the limit is 64 KiB");
    submit_code_text(CODE_NOT_UTF8, 3, 64, text, sizeof text);
    ck_assert_str_eq(text, "your file is not UTF-8 text; save it as UTF-8");
    free(big);
}
END_TEST

START_TEST(verdicts_and_states)
{
    ck_assert_int_eq(verdict_from_text("accepted"), LAB__V1__VERDICT__ACCEPTED);
    ck_assert_int_eq(verdict_from_text("partial"), LAB__V1__VERDICT__PARTIAL);
    ck_assert_int_eq(verdict_from_text("wrong"), LAB__V1__VERDICT__WRONG);
    ck_assert_int_eq(verdict_from_text("syntax_error"), LAB__V1__VERDICT__SYNTAX_ERROR);
    ck_assert_int_eq(verdict_from_text("runtime_error"), LAB__V1__VERDICT__RUNTIME_ERROR);
    ck_assert_int_eq(verdict_from_text("time_limit"), LAB__V1__VERDICT__TIME_LIMIT);
    ck_assert_int_eq(verdict_from_text("memory_limit"), LAB__V1__VERDICT__MEMORY_LIMIT);
    ck_assert_int_eq(verdict_from_text("output_limit"), LAB__V1__VERDICT__OUTPUT_LIMIT);
    ck_assert_int_eq(verdict_from_text("forbidden_call"), LAB__V1__VERDICT__FORBIDDEN_CALL);
    ck_assert_int_eq(verdict_from_text("internal_error"), LAB__V1__VERDICT__INTERNAL_ERROR);
    ck_assert_int_eq(verdict_from_text(""), LAB__V1__VERDICT__VERDICT_UNSPECIFIED);
    ck_assert_int_eq(verdict_from_text("Accepted"), LAB__V1__VERDICT__VERDICT_UNSPECIFIED);
    ck_assert_int_eq(sub_state_from_text("queued"), LAB__V1__SUBMISSION_STATE__QUEUED);
    ck_assert_int_eq(sub_state_from_text("running"), LAB__V1__SUBMISSION_STATE__RUNNING);
    ck_assert_int_eq(sub_state_from_text("graded"), LAB__V1__SUBMISSION_STATE__GRADED);
    ck_assert_int_eq(sub_state_from_text("failed"), LAB__V1__SUBMISSION_STATE__FAILED);
    ck_assert_int_eq(sub_state_from_text("x"), LAB__V1__SUBMISSION_STATE__STATE_UNSPECIFIED);
}
END_TEST

/* ---- boards ---- */

static void make_board(struct board_entry *e, size_t n)
{
    /* user id, points, last improvement: ids are deliberately out of order. */
    static const int64_t data[][3] = {
        {7, 30, 500}, {3, 50, 900}, {9, 30, 400}, {4, 30, 500}, {1, 0, 100}, {2, 50, 900},
        {5, 10, 50},  {6, 10, 60},  {8, 10, 70},  {10, 5, 10},  {11, 4, 10}, {12, 3, 10},
    };

    for (size_t i = 0; i < n; i++) {
        memset(&e[i], 0, sizeof e[i]);
        e[i].user_id = data[i][0];
        e[i].display_name = "x";
        e[i].points = (uint32_t)data[i][1];
        e[i].last_improved_at = data[i][2];
    }
}

START_TEST(rank_order_and_ties)
{
    struct board_entry e[12];
    /* expected order (user ids) and ranks */
    static const int64_t ids[] = {2, 3, 9, 4, 7, 5, 6, 8, 10, 11, 12, 1};
    static const uint32_t ranks[] = {1, 1, 3, 4, 4, 6, 7, 8, 9, 10, 11, 12};

    make_board(e, 12);
    board_rank(e, 12);
    for (size_t i = 0; i < 12; i++) {
        ck_assert_int_eq(e[i].user_id, ids[i]);
        ck_assert_uint_eq(e[i].rank, ranks[i]);
    }
    board_rank(e, 0); /* no-op */
}
END_TEST

START_TEST(select_modes)
{
    struct board_entry e[12];
    size_t out[12], n;
    uint32_t yr;

    make_board(e, 12);
    board_rank(e, 12);
    /* full: everyone, your rank set */
    n = board_select(e, 12, BOARD_FULL, false, 4, out, &yr);
    ck_assert_uint_eq(n, 12);
    ck_assert_uint_eq(yr, 4);
    /* top10: the first ten, then the viewer's own row (user 1, last) */
    n = board_select(e, 12, BOARD_TOP10, false, 1, out, &yr);
    ck_assert_uint_eq(n, 11);
    ck_assert_uint_eq(out[9], 9);
    ck_assert_int_eq(e[out[10]].user_id, 1);
    ck_assert_uint_eq(yr, 12);
    /* top10 with the viewer inside the ten: no duplicate */
    n = board_select(e, 12, BOARD_TOP10, false, 3, out, &yr);
    ck_assert_uint_eq(n, 10);
    ck_assert_uint_eq(yr, 1);
    /* hidden: a student sees only their row */
    n = board_select(e, 12, BOARD_HIDDEN, false, 8, out, &yr);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(e[out[0]].user_id, 8);
    ck_assert_uint_eq(yr, 8);
    /* hidden, viewer not on the board: nothing, rank 0 */
    n = board_select(e, 12, BOARD_HIDDEN, false, 99, out, &yr);
    ck_assert_uint_eq(n, 0);
    ck_assert_uint_eq(yr, 0);
    /* staff always see everything */
    n = board_select(e, 12, BOARD_HIDDEN, true, 99, out, &yr);
    ck_assert_uint_eq(n, 12);
    n = board_select(e, 12, BOARD_TOP10, true, 99, out, &yr);
    ck_assert_uint_eq(n, 12);
    ck_assert_int_eq(board_mode_from_text("full"), BOARD_FULL);
    ck_assert_int_eq(board_mode_from_text("top10"), BOARD_TOP10);
    ck_assert_int_eq(board_mode_from_text("hidden"), BOARD_HIDDEN);
    ck_assert_int_eq(board_mode_from_text("bogus"), BOARD_HIDDEN);
}
END_TEST

/* ---- user index ---- */

START_TEST(userix_add_remove)
{
    struct userix *ix = userix_new();
    const uint64_t *ids;
    int64_t users[8];
    size_t n;

    ck_assert_ptr_nonnull(ix);
    ck_assert_int_eq(userix_add(ix, 42, 1), 0);
    ck_assert_int_eq(userix_add(ix, 42, 2), 0);
    ck_assert_int_eq(userix_add(ix, 42, 2), 0); /* duplicate is a no-op */
    ck_assert_int_eq(userix_add(ix, 42, 3), 0);
    ck_assert_int_eq(userix_add(ix, 42 + USERIX_BUCKETS, 9), 0); /* may share a bucket */
    ids = userix_peek(ix, 42, &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_ptr_nonnull(ids);
    ck_assert_uint_eq(userix_n_users(ix), 2);
    userix_remove(ix, 42, 2);
    ids = userix_peek(ix, 42, &n);
    ck_assert_uint_eq(n, 2);
    ck_assert(ids[0] != 2 && ids[1] != 2);
    userix_remove(ix, 42, 77); /* unknown session */
    userix_remove(ix, 5, 1);   /* unknown user */
    userix_remove(ix, 42, 1);
    userix_remove(ix, 42, 3);
    ck_assert_ptr_null(userix_peek(ix, 42, &n));
    ck_assert_uint_eq(n, 0);
    ck_assert_uint_eq(userix_n_users(ix), 1);
    ck_assert_uint_eq(userix_users(ix, users, 8), 1);
    ck_assert_int_eq(users[0], 42 + USERIX_BUCKETS);
    for (uint64_t s = 100; s < 200; s++)
        ck_assert_int_eq(userix_add(ix, 7, s), 0);
    ids = userix_peek(ix, 7, &n);
    ck_assert_uint_eq(n, 100);
    userix_free(ix);
    userix_free(NULL);
}
END_TEST

/* ---- fitting results into a frame ---- */

#define N_RES 5
#define N_CHK 4

struct fake {
    Lab__V1__GradeResult res[N_RES];
    Lab__V1__GradeResult *ptrs[N_RES];
    Lab__V1__CheckResult chk[N_RES][N_CHK];
    Lab__V1__CheckResult *chk_ptrs[N_RES][N_CHK];
    Lab__V1__ResultList list;
    Envelope env;
    uint8_t tail[2000];
    uint8_t obs[100];
};

static void make_fake(struct fake *f)
{
    memset(f, 0, sizeof *f);
    memset(f->tail, 't', sizeof f->tail);
    memset(f->obs, 'o', sizeof f->obs);
    for (size_t i = 0; i < N_RES; i++) {
        lab__v1__grade_result__init(&f->res[i]);
        f->res[i].submission_id = (int64_t)(100 - i);
        f->res[i].lab_id = "lab";
        f->res[i].state = LAB__V1__SUBMISSION_STATE__GRADED;
        for (size_t k = 0; k < N_CHK; k++) {
            Lab__V1__CheckResult *c = &f->chk[i][k];
            lab__v1__check_result__init(c);
            c->name = "check";
            c->visible = true;
            c->observed = (ProtobufCBinaryData){sizeof f->obs, f->obs};
            c->output_tail = (ProtobufCBinaryData){sizeof f->tail, f->tail};
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
}

static size_t packed(const Envelope *e)
{
    return protobuf_c_message_get_packed_size(&e->base);
}

START_TEST(fit_unchanged_when_small)
{
    struct fake *f = malloc(sizeof *f);

    make_fake(f);
    ck_assert_int_eq(results_fit(&f->env, 1 << 20), 0);
    ck_assert_uint_eq(f->chk[0][0].output_tail.len, sizeof f->tail);
    ck_assert_uint_eq(f->list.n_results, N_RES);
    free(f);
}
END_TEST

START_TEST(fit_drops_tails_first)
{
    struct fake *f = malloc(sizeof *f);
    size_t full;

    make_fake(f);
    full = packed(&f->env);
    ck_assert_int_eq(results_fit(&f->env, full - 1), 0);
    for (size_t i = 0; i < N_RES; i++) {
        ck_assert_uint_eq(f->res[i].n_checks, N_CHK);
        for (size_t k = 0; k < N_CHK; k++)
            ck_assert_uint_eq(f->chk[i][k].output_tail.len, 0);
    }
    ck_assert_uint_le(packed(&f->env), full - 1);
    free(f);
}
END_TEST

START_TEST(fit_drops_checks_of_oldest_next)
{
    struct fake *f = malloc(sizeof *f);
    size_t no_tails;

    make_fake(f);
    for (size_t i = 0; i < N_RES; i++)
        for (size_t k = 0; k < N_CHK; k++)
            f->chk[i][k].output_tail.len = 0;
    no_tails = packed(&f->env);
    for (size_t i = 0; i < N_RES; i++)
        for (size_t k = 0; k < N_CHK; k++)
            f->chk[i][k].output_tail.len = sizeof f->tail;
    /* Just too big without tails: only the oldest result loses its checks. */
    ck_assert_int_eq(results_fit(&f->env, no_tails - 1), 0);
    ck_assert_uint_eq(f->res[N_RES - 1].n_checks, 0);
    for (size_t i = 0; i + 1 < N_RES; i++)
        ck_assert_uint_eq(f->res[i].n_checks, N_CHK);
    ck_assert_uint_eq(f->list.n_results, N_RES);
    free(f);
}
END_TEST

START_TEST(fit_drops_oldest_results_last)
{
    struct fake *f = malloc(sizeof *f);
    size_t one;
    Envelope solo = LAB__V1__ENVELOPE__INIT;
    Lab__V1__GradeResult bare;

    make_fake(f);
    bare = f->res[0];
    bare.n_checks = 0;
    bare.checks = NULL;
    solo.body_case = LAB__V1__ENVELOPE__BODY_RESULT;
    solo.result = &bare;
    one = packed(&solo) + 8; /* room for about one bare result in a list */
    ck_assert_int_eq(results_fit(&f->env, one), 0);
    ck_assert_uint_ge(f->list.n_results, 1);
    ck_assert_uint_lt(f->list.n_results, N_RES);
    ck_assert_int_eq(f->list.results[0]->submission_id, 100); /* the newest stays */
    ck_assert_uint_le(packed(&f->env), one);
    /* Nothing fits: an error, not a loop. */
    make_fake(f);
    ck_assert_int_eq(results_fit(&f->env, 4), LAB_E_TOO_LARGE);
    free(f);
}
END_TEST

START_TEST(fit_single_result_push)
{
    struct fake *f = malloc(sizeof *f);
    Envelope e = LAB__V1__ENVELOPE__INIT;
    size_t full;

    make_fake(f);
    e.body_case = LAB__V1__ENVELOPE__BODY_RESULT;
    e.result = &f->res[0];
    full = packed(&e);
    ck_assert_int_eq(results_fit(&e, full - 1), 0);
    ck_assert_uint_eq(f->res[0].n_checks, N_CHK);
    ck_assert_uint_eq(f->chk[0][0].output_tail.len, 0);
    ck_assert_int_eq(results_fit(&e, 200), 0);
    ck_assert_uint_eq(f->res[0].n_checks, 0);
    free(f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("server_grading");
    TCase *tv = tcase_create("submit_validate");
    TCase *tb = tcase_create("board");
    TCase *tu = tcase_create("userix");
    TCase *tf = tcase_create("results_fit");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tv, code_table, 0, ARRAY_SIZE(code_cases));
    tcase_add_test(tv, code_size_cap_and_text);
    tcase_add_test(tv, verdicts_and_states);
    tcase_add_test(tb, rank_order_and_ties);
    tcase_add_test(tb, select_modes);
    tcase_add_test(tu, userix_add_remove);
    tcase_add_test(tf, fit_unchanged_when_small);
    tcase_add_test(tf, fit_drops_tails_first);
    tcase_add_test(tf, fit_drops_checks_of_oldest_next);
    tcase_add_test(tf, fit_drops_oldest_results_last);
    tcase_add_test(tf, fit_single_result_push);
    suite_add_tcase(s, tv);
    suite_add_tcase(s, tb);
    suite_add_tcase(s, tu);
    suite_add_tcase(s, tf);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
