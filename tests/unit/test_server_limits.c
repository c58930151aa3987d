/*
 * test_server_limits.c — the request token bucket, the failed-login tracker
 * and the per-address connection counter.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "server/peers.h"
#include "server/ratelimit.h"

#define SEC 1000000ull

START_TEST(bucket_allows_burst_then_refuses)
{
    struct bucket b = {0};
    uint32_t retry = 0;

    for (int i = 0; i < 40; i++)
        ck_assert(bucket_take(&b, 1000 * SEC, 20, 40, &retry));
    ck_assert(!bucket_take(&b, 1000 * SEC, 20, 40, &retry));
    ck_assert_uint_eq(retry, 50); /* one token per 50 ms at 20/s */
}
END_TEST

START_TEST(bucket_refills_at_rate)
{
    struct bucket b = {0};
    uint64_t t = 5 * SEC;
    int allowed = 0;

    for (int i = 0; i < 10; i++)
        ck_assert(bucket_take(&b, t, 20, 10, NULL));
    ck_assert(!bucket_take(&b, t, 20, 10, NULL));
    /* Over 1 s at 20/s, only ~20 requests pass however many are tried. */
    for (int ms = 1; ms <= 1000; ms++)
        if (bucket_take(&b, t + (uint64_t)ms * 1000, 20, 10, NULL))
            allowed++;
    ck_assert_int_ge(allowed, 19);
    ck_assert_int_le(allowed, 21);
}
END_TEST

START_TEST(bucket_caps_at_burst_after_idle)
{
    struct bucket b = {0};
    int n = 0;

    ck_assert(bucket_take(&b, 0, 20, 5, NULL));
    while (bucket_take(&b, 3600 * SEC, 20, 5, NULL))
        n++;
    ck_assert_int_eq(n, 5);
}
END_TEST

START_TEST(login_limit_per_username_window)
{
    struct loginlim *l = loginlim_new(3);
    uint32_t retry = 0;
    uint64_t t = 100 * SEC;

    for (int i = 0; i < 3; i++) {
        ck_assert(loginlim_allowed(l, "alice", t, NULL));
        ck_assert_int_eq(loginlim_fail(l, "alice", t), 0);
    }
    ck_assert(!loginlim_allowed(l, "alice", t + SEC, &retry));
    ck_assert_uint_gt(retry, 14 * 60 * 1000);
    ck_assert_uint_le(retry, 15 * 60 * 1000);
    ck_assert(loginlim_allowed(l, "bob", t, NULL)); /* per username */
    ck_assert(loginlim_allowed(l, "alice", t + LOGINLIM_WINDOW_US, NULL));
    ck_assert_uint_eq(loginlim_sweep(l, t + LOGINLIM_WINDOW_US), 0);
    loginlim_free(l);
}
END_TEST

START_TEST(login_limit_reset_on_success)
{
    struct loginlim *l = loginlim_new(2);

    ck_assert_int_eq(loginlim_fail(l, "carol", 0), 0);
    ck_assert_int_eq(loginlim_fail(l, "carol", 0), 0);
    ck_assert(!loginlim_allowed(l, "carol", 1, NULL));
    loginlim_reset(l, "carol");
    ck_assert(loginlim_allowed(l, "carol", 1, NULL));
    loginlim_free(l);
}
END_TEST

START_TEST(peers_cap_per_address)
{
    struct peers *p = peers_new(2);

    ck_assert_int_eq(peers_add(p, "10.0.0.1"), 0);
    ck_assert_int_eq(peers_add(p, "10.0.0.1"), 0);
    ck_assert_int_eq(peers_add(p, "10.0.0.1"), LAB_E_BUSY);
    ck_assert_uint_eq(peers_count(p, "10.0.0.1"), 2);
    ck_assert_int_eq(peers_add(p, "10.0.0.2"), 0);
    ck_assert_uint_eq(peers_n_addrs(p), 2);
    peers_remove(p, "10.0.0.1");
    ck_assert_int_eq(peers_add(p, "10.0.0.1"), 0);
    peers_remove(p, "10.0.0.1");
    peers_remove(p, "10.0.0.1");
    ck_assert_uint_eq(peers_count(p, "10.0.0.1"), 0);
    ck_assert_uint_eq(peers_n_addrs(p), 1); /* empty entries are freed */
    peers_free(p);
}
END_TEST

START_TEST(peers_many_addresses)
{
    struct peers *p = peers_new(1);
    char a[32];

    for (int i = 0; i < 5000; i++) {
        snprintf(a, sizeof a, "192.0.%d.%d", i / 256, i % 256);
        ck_assert_int_eq(peers_add(p, a), 0);
    }
    ck_assert_uint_eq(peers_n_addrs(p), 5000);
    for (int i = 0; i < 5000; i++) {
        snprintf(a, sizeof a, "192.0.%d.%d", i / 256, i % 256);
        peers_remove(p, a);
    }
    ck_assert_uint_eq(peers_n_addrs(p), 0);
    peers_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("server_limits");
    TCase *tb = tcase_create("bucket"), *tl = tcase_create("login"), *tp = tcase_create("peers");
    SRunner *sr;
    int failed;

    tcase_add_test(tb, bucket_allows_burst_then_refuses);
    tcase_add_test(tb, bucket_refills_at_rate);
    tcase_add_test(tb, bucket_caps_at_burst_after_idle);
    tcase_add_test(tl, login_limit_per_username_window);
    tcase_add_test(tl, login_limit_reset_on_success);
    tcase_add_test(tp, peers_cap_per_address);
    tcase_add_test(tp, peers_many_addresses);
    suite_add_tcase(s, tb);
    suite_add_tcase(s, tl);
    suite_add_tcase(s, tp);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
