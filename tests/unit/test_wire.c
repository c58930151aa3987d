/*
 * test_wire.c — the envelope codec: round trips, and every malformed frame refused.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "proto/wire.h"

/* Minimal protobuf writer for hand-made hostile frames. */
struct pb {
    uint8_t b[8192];
    size_t n;
};

static void pb_varint(struct pb *p, uint64_t v)
{
    while (v >= 0x80) {
        p->b[p->n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    p->b[p->n++] = (uint8_t)v;
}

static void pb_bytes(struct pb *p, unsigned field, const void *data, size_t len)
{
    pb_varint(p, (uint64_t)field << 3 | 2);
    pb_varint(p, len);
    memcpy(p->b + p->n, data, len);
    p->n += len;
}

/* An envelope {id=7, login_req{username=@user, password="pw123456"}}. */
static void login_frame(struct pb *out, const char *user, size_t user_len)
{
    struct pb inner = {.n = 0};

    pb_bytes(&inner, 1, user, user_len);
    pb_bytes(&inner, 2, "pw123456", 8);
    out->n = 0;
    pb_varint(out, 1 << 3 | 0);
    pb_varint(out, 7);
    pb_bytes(out, 21, inner.b, inner.n);
}

START_TEST(round_trip_login)
{
    Lab__V1__LoginRequest login = LAB__V1__LOGIN_REQUEST__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT, *back = NULL;
    uint8_t *buf = NULL;
    size_t len = 0;
    struct lab_err err;

    login.username = "ada";
    login.password = "secret-pass";
    env.id = 42;
    env.body_case = LAB__V1__ENVELOPE__BODY_LOGIN_REQ;
    env.login_req = &login;
    ck_assert_int_eq(wire_pack(&env, 16, 4096, &buf, &len), 0);
    ck_assert_int_eq(wire_decode(buf + 16, len, 4096, &back, &err), 0);
    ck_assert_uint_eq(back->id, 42);
    ck_assert_int_eq(back->body_case, LAB__V1__ENVELOPE__BODY_LOGIN_REQ);
    ck_assert_str_eq(back->login_req->username, "ada");
    ck_assert_str_eq(wire_body_name(back), "login_req");
    wire_free(back);
    free(buf);
}
END_TEST

START_TEST(hand_made_frame_decodes)
{
    struct pb p;
    Envelope *env = NULL;
    struct lab_err err;

    login_frame(&p, "bob", 3);
    ck_assert_int_eq(wire_decode(p.b, p.n, 4096, &env, &err), 0);
    ck_assert_str_eq(env->login_req->username, "bob");
    wire_free(env);
}
END_TEST

START_TEST(pack_refuses_over_cap)
{
    Lab__V1__LoginRequest login = LAB__V1__LOGIN_REQUEST__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    char big[300];
    uint8_t *buf = NULL;
    size_t len = 0;

    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    login.username = big;
    env.body_case = LAB__V1__ENVELOPE__BODY_LOGIN_REQ;
    env.login_req = &login;
    ck_assert_int_eq(wire_pack(&env, 16, 100, &buf, &len), LAB_E_TOO_LARGE);
    ck_assert_ptr_null(buf);
}
END_TEST

struct bad_case {
    const char *what;
    int rc;
    const char *needle;
};

static void expect_refused(const uint8_t *frame, size_t len, size_t cap, int rc, const char *needle)
{
    Envelope *env = (Envelope *)1;
    struct lab_err err;

    memset(&err, 0, sizeof err);
    ck_assert_int_eq(wire_decode(frame, len, cap, &env, &err), rc);
    ck_assert_ptr_null(env);
    ck_assert_msg(strstr(err.msg, needle), "message '%s' lacks '%s'", err.msg, needle);
}

START_TEST(refuses_garbage)
{
    const uint8_t junk[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01};

    expect_refused(junk, sizeof junk, 4096, LAB_E_PARSE, "not a valid");
}
END_TEST

START_TEST(refuses_truncated)
{
    struct pb p;

    login_frame(&p, "carol", 5);
    expect_refused(p.b, p.n - 3, 4096, LAB_E_PARSE, "not a valid");
}
END_TEST

START_TEST(refuses_empty_and_bodiless)
{
    struct pb p = {.n = 0};

    expect_refused(p.b, 0, 4096, LAB_E_PARSE, "empty");
    pb_varint(&p, 1 << 3 | 0);
    pb_varint(&p, 9);
    expect_refused(p.b, p.n, 4096, LAB_E_PARSE, "no body");
}
END_TEST

START_TEST(refuses_invalid_utf8)
{
    struct pb p;

    login_frame(&p, "a\xff\xfe", 3);
    expect_refused(p.b, p.n, 4096, LAB_E_PARSE, "UTF-8");
}
END_TEST

START_TEST(refuses_nul_in_string)
{
    struct pb p;

    login_frame(&p, "adm\0in", 6);
    expect_refused(p.b, p.n, 4096, LAB_E_PARSE, "NUL byte");
}
END_TEST

START_TEST(refuses_unknown_enum)
{
    struct pb inner = {.n = 0}, p = {.n = 0};

    /* error{code=99} */
    pb_varint(&inner, 1 << 3 | 0);
    pb_varint(&inner, 99);
    pb_bytes(&p, 10, inner.b, inner.n);
    expect_refused(p.b, p.n, 4096, LAB_E_PARSE, "unknown value 99");
}
END_TEST

START_TEST(refuses_over_cap)
{
    struct pb p;

    login_frame(&p, "dave", 4);
    expect_refused(p.b, p.n, 10, LAB_E_TOO_LARGE, "limit");
}
END_TEST

START_TEST(refuses_decode_bomb)
{
    struct pb inner = {.n = 0}, p = {.n = 0};

    /* lab_list with 2,000 empty LabSummary entries: tiny on the wire, large in memory. */
    for (int i = 0; i < 2000; i++)
        pb_bytes(&inner, 1, "", 0);
    pb_bytes(&p, 41, inner.b, inner.n);
    expect_refused(p.b, p.n, 1 << 20, LAB_E_TOO_LARGE, "memory");
}
END_TEST

START_TEST(two_bodies_last_wins)
{
    struct pb p = {.n = 0};
    Envelope *env = NULL;
    struct lab_err err;

    pb_bytes(&p, 24, "", 0); /* logout_req */
    pb_bytes(&p, 13, "", 0); /* ok */
    ck_assert_int_eq(wire_decode(p.b, p.n, 4096, &env, &err), 0);
    ck_assert_int_eq(env->body_case, LAB__V1__ENVELOPE__BODY_OK);
    wire_free(env);
}
END_TEST

START_TEST(explicit_defaults_are_accepted)
{
    struct pb inner = {.n = 0}, p = {.n = 0};
    Envelope *env = NULL;
    struct lab_err err;

    /* hello{min_minor=0, max_minor=0} with both zeros written out, id=0 too. */
    pb_varint(&inner, 1 << 3 | 0);
    pb_varint(&inner, 0);
    pb_varint(&inner, 2 << 3 | 0);
    pb_varint(&inner, 0);
    pb_varint(&p, 1 << 3 | 0);
    pb_varint(&p, 0);
    pb_bytes(&p, 11, inner.b, inner.n);
    ck_assert_int_eq(wire_decode(p.b, p.n, 4096, &env, &err), 0);
    ck_assert_int_eq(env->body_case, LAB__V1__ENVELOPE__BODY_HELLO);
    wire_free(env);
}
END_TEST

START_TEST(nul_in_nested_string_refused)
{
    struct pb summary = {.n = 0}, list = {.n = 0}, p = {.n = 0};

    /* lab_list{labs[0]{title="a\0b"}}: a NUL two messages deep. */
    pb_bytes(&summary, 2, "a\0b", 3);
    pb_bytes(&list, 1, summary.b, summary.n);
    pb_bytes(&p, 41, list.b, list.n);
    expect_refused(p.b, p.n, 4096, LAB_E_PARSE, "NUL byte");
}
END_TEST

START_TEST(error_names)
{
    ck_assert_str_eq(wire_error_name(LAB__V1__ERROR_CODE__VERSION_MISMATCH), "version_mismatch");
}
END_TEST

static Suite *wire_suite(void)
{
    Suite *s = suite_create("wire");
    TCase *tc = tcase_create("codec");

    tcase_add_test(tc, round_trip_login);
    tcase_add_test(tc, hand_made_frame_decodes);
    tcase_add_test(tc, pack_refuses_over_cap);
    tcase_add_test(tc, error_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile");
    tcase_add_test(tc, refuses_garbage);
    tcase_add_test(tc, refuses_truncated);
    tcase_add_test(tc, refuses_empty_and_bodiless);
    tcase_add_test(tc, refuses_invalid_utf8);
    tcase_add_test(tc, refuses_nul_in_string);
    tcase_add_test(tc, refuses_unknown_enum);
    tcase_add_test(tc, refuses_over_cap);
    tcase_add_test(tc, refuses_decode_bomb);
    tcase_add_test(tc, two_bodies_last_wins);
    tcase_add_test(tc, explicit_defaults_are_accepted);
    tcase_add_test(tc, nul_in_nested_string_refused);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(wire_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
