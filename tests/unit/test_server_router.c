/*
 * test_server_router.c — the authorisation table: which body is allowed in
 * which session state for which role, the refusal codes, and the field
 * validators the handlers apply before any SQL.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/str.h"
#include "server/router.h"

#define B(x) LAB__V1__ENVELOPE__BODY_##x
#define R(x) LAB__V1__ROLE__##x

static const struct {
    Lab__V1__Envelope__BodyCase body;
    enum sess_state state;
    Lab__V1__Role role;
    enum route_verdict v;
} cases[] = {
    {B(HELLO), SESS_NEW, R(ROLE_UNSPECIFIED), RV_OK},
    {B(LOGIN_REQ), SESS_NEW, R(ROLE_UNSPECIFIED), RV_NEED_HELLO},
    {B(ERROR), SESS_NEW, R(ROLE_UNSPECIFIED), RV_NEED_HELLO},
    {B(HELLO), SESS_READY, R(ROLE_UNSPECIFIED), RV_DUP_HELLO},
    {B(LOGIN_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_OK},
    {B(REGISTER_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_OK},
    {B(RESUME_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_OK},
    {B(LOGOUT_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_UNAUTH},
    {B(LIST_LABS_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_UNAUTH},
    {B(GET_LAB_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_UNAUTH},
    {B(COHORT_LIST_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_UNAUTH},
    {B(COHORT_CREATE_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_UNAUTH},
    {B(COHORT_ROSTER_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_UNAUTH},
    {B(LIST_LABS_REQ), SESS_AUTHED, R(STUDENT), RV_OK},
    {B(COHORT_JOIN_REQ), SESS_AUTHED, R(STUDENT), RV_OK},
    {B(COHORT_JOIN_REQ), SESS_AUTHED, R(INSTRUCTOR), RV_FORBIDDEN},
    {B(COHORT_CREATE_REQ), SESS_AUTHED, R(STUDENT), RV_FORBIDDEN},
    {B(COHORT_ROSTER_REQ), SESS_AUTHED, R(STUDENT), RV_FORBIDDEN},
    {B(COHORT_CREATE_REQ), SESS_AUTHED, R(INSTRUCTOR), RV_OK},
    {B(COHORT_ROSTER_REQ), SESS_AUTHED, R(INSTRUCTOR), RV_OK},
    {B(COHORT_CREATE_REQ), SESS_AUTHED, R(ADMIN), RV_OK},
    {B(COHORT_ROSTER_REQ), SESS_AUTHED, R(ADMIN), RV_OK},
    {B(COHORT_ROSTER_REQ), SESS_AUTHED, R(ROLE_UNSPECIFIED), RV_FORBIDDEN},
    {B(LOGIN_REQ), SESS_AUTHED, R(STUDENT), RV_OK},
    {B(SUBMIT_REQ), SESS_AUTHED, R(STUDENT), RV_OK},
    {B(SUBMIT_REQ), SESS_AUTHED, R(INSTRUCTOR), RV_OK},
    {B(SUBMIT_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_UNAUTH},
    {B(GET_BOARD_REQ), SESS_AUTHED, R(STUDENT), RV_OK},
    {B(GET_BOARD_REQ), SESS_READY, R(ROLE_UNSPECIFIED), RV_UNAUTH},
    {B(LIST_RESULTS_REQ), SESS_AUTHED, R(STUDENT), RV_OK},
    {B(PROGRESS), SESS_AUTHED, R(STUDENT), RV_SERVER_ONLY},
    {B(SUBMIT_ACK), SESS_AUTHED, R(STUDENT), RV_SERVER_ONLY},
    {B(AUTH_OK), SESS_AUTHED, R(ADMIN), RV_SERVER_ONLY},
    {B(ERROR), SESS_READY, R(ROLE_UNSPECIFIED), RV_SERVER_ONLY},
    {B(ROSTER), SESS_AUTHED, R(INSTRUCTOR), RV_SERVER_ONLY},
    {B(RESULT), SESS_AUTHED, R(STUDENT), RV_SERVER_ONLY},
    {B(BOARD), SESS_AUTHED, R(STUDENT), RV_SERVER_ONLY},
    {(Lab__V1__Envelope__BodyCase)9999, SESS_AUTHED, R(ADMIN), RV_SERVER_ONLY},
};

START_TEST(policy_table)
{
    const struct route *r = NULL;
    enum route_verdict v = router_check(cases[_i].body, cases[_i].state, cases[_i].role, &r);

    ck_assert_msg(v == cases[_i].v, "case %d: got %d want %d", _i, v, cases[_i].v);
    if (v == RV_OK) {
        ck_assert_ptr_nonnull(r);
        ck_assert_ptr_nonnull(r->handler);
    } else {
        ck_assert_ptr_null(r);
    }
}
END_TEST

START_TEST(every_client_body_has_a_rule)
{
    /* Every request message in lab.proto is either served or explicitly "later". */
    const Lab__V1__Envelope__BodyCase reqs[] = {
        B(REGISTER_REQ),    B(LOGIN_REQ),         B(RESUME_REQ),        B(LOGOUT_REQ),
        B(LIST_LABS_REQ),   B(GET_LAB_REQ),       B(COHORT_CREATE_REQ), B(COHORT_JOIN_REQ),
        B(COHORT_LIST_REQ), B(COHORT_ROSTER_REQ), B(SUBMIT_REQ),        B(LIST_RESULTS_REQ),
        B(GET_BOARD_REQ)};
    for (size_t i = 0; i < ARRAY_SIZE(reqs); i++) {
        const struct route *r;
        enum route_verdict v = router_check(reqs[i], SESS_AUTHED, R(ADMIN), &r);
        ck_assert_msg(v == RV_OK || v == RV_LATER || v == RV_FORBIDDEN, "body %d", reqs[i]);
    }
}
END_TEST

START_TEST(refusal_codes)
{
    const char *t;

    ck_assert_int_eq(router_refusal(RV_UNAUTH, B(LIST_LABS_REQ), &t),
                     LAB__V1__ERROR_CODE__UNAUTHENTICATED);
    ck_assert_int_eq(router_refusal(RV_FORBIDDEN, B(COHORT_ROSTER_REQ), &t),
                     LAB__V1__ERROR_CODE__FORBIDDEN);
    ck_assert_ptr_nonnull(strstr(t, "instructors"));
    ck_assert_int_eq(router_refusal(RV_LATER, B(SUBMIT_REQ), &t), LAB__V1__ERROR_CODE__BAD_REQUEST);
    ck_assert_ptr_nonnull(strstr(t, "not available on this server yet"));
    ck_assert_int_eq(router_refusal(RV_SERVER_ONLY, B(AUTH_OK), &t),
                     LAB__V1__ERROR_CODE__BAD_REQUEST);
    ck_assert_int_eq(router_refusal(RV_NEED_HELLO, B(LOGIN_REQ), &t),
                     LAB__V1__ERROR_CODE__BAD_REQUEST);
    ck_assert_ptr_nonnull(strchr(t, ';')); /* a sentence with a next step */
}
END_TEST

static const struct {
    const char *s;
    bool user, cohort;
} names[] = {
    {"ab", true, true},
    {"a", false, false},
    {"alice.smith_2-x", true, true},
    {"Alice", false, false},
    {"-alice", false, false},
    {".alice", false, false},
    {"_alice", false, false},
    {"alice'; DROP TABLE users;--", false, false},
    {"al ice", false, false},
    {"a234567890123456789012345678901b", true, true},                    /* 32 */
    {"a234567890123456789012345678901bc", false, true},                  /* 33 */
    {"a23456789012345678901234567890123456789012345678", false, true},   /* 48 */
    {"a234567890123456789012345678901234567890123456789", false, false}, /* 49 */
    {"", false, false},
    {"\xc3\xa9t\xc3\xa9", false, false},
};

START_TEST(name_rules)
{
    ck_assert_msg(field_ok(FIELD_USERNAME, names[_i].s) == names[_i].user, "user %s", names[_i].s);
    ck_assert_msg(field_ok(FIELD_COHORT_NAME, names[_i].s) == names[_i].cohort, "cohort %s",
                  names[_i].s);
}
END_TEST

START_TEST(join_codes_and_tokens)
{
    char out[JOIN_CODE_MAX + 1];

    ck_assert(field_join_code_normalize("k7qx2m9p", out));
    ck_assert_str_eq(out, "K7QX2M9P");
    ck_assert(field_join_code_normalize("  ABCD2345 ", out));
    ck_assert_str_eq(out, "ABCD2345");
    ck_assert(!field_join_code_normalize("AB", out));
    ck_assert(!field_join_code_normalize("ABCD 2345", out));
    ck_assert(!field_join_code_normalize("' OR 1=1 --", out));
    ck_assert(!field_join_code_normalize("", out));
    ck_assert(
        field_ok(FIELD_TOKEN, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
    ck_assert(
        !field_ok(FIELD_TOKEN, "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"));
    ck_assert(!field_ok(FIELD_TOKEN, "abc"));
    ck_assert(field_ok(FIELD_DISPLAY_NAME, "Robert'); DROP TABLE users;--"));
    ck_assert(field_ok(FIELD_DISPLAY_NAME, "Zo\xc3\xab"));
    ck_assert(!field_ok(FIELD_DISPLAY_NAME, "bell\x07"));
    ck_assert(!field_ok(FIELD_DISPLAY_NAME, "c1\xc2\x9b"));
    ck_assert(!field_ok(FIELD_DISPLAY_NAME, ""));
    ck_assert(field_ok(FIELD_LAB_ID, "py-001"));
    ck_assert(field_ok(FIELD_LAB_ID, "a"));
    ck_assert(!field_ok(FIELD_LAB_ID, "../etc"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("server_router");
    TCase *tc = tcase_create("router");
    TCase *tv = tcase_create("validate");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, policy_table, 0, ARRAY_SIZE(cases));
    tcase_add_test(tc, every_client_body_has_a_rule);
    tcase_add_test(tc, refusal_codes);
    tcase_add_loop_test(tv, name_rules, 0, ARRAY_SIZE(names));
    tcase_add_test(tv, join_codes_and_tokens);
    suite_add_tcase(s, tc);
    suite_add_tcase(s, tv);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
