/*
 * test_server_config.c — labserver configuration: argv, validation, and the
 * lws 4.1.6 IPv4 listen-address translation.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/str.h"
#include "server/config.h"

static int parse(struct server_cfg *cfg, enum server_action *act, struct lab_err *err,
                 const char **args, int n)
{
    char *argv[32];

    argv[0] = (char *)"labserver";
    for (int i = 0; i < n; i++)
        argv[i + 1] = (char *)args[i];
    ck_assert_int_eq(server_cfg_init(cfg), 0);
    return server_cfg_parse_args(cfg, n + 1, argv, NULL, act, err);
}

START_TEST(defaults_validate_with_cert)
{
    struct server_cfg cfg;
    struct lab_err err = {0};
    enum server_action act;
    const char *a[] = {"--cert", "c.pem", "--key", "k.pem"};

    ck_assert_int_eq(parse(&cfg, &act, &err, a, 4), 0);
    ck_assert_int_eq(act, SERVER_RUN);
    ck_assert_uint_eq(cfg.listen_port, 7443);
    ck_assert_uint_eq(cfg.ws_max_frame, 640 * 1024);
    ck_assert_uint_eq(cfg.ws_ping_s, 30);
    ck_assert_uint_eq(cfg.ws_hangup_s, 45);
    ck_assert_int_eq(server_cfg_validate(&cfg, &err), 0);
    ck_assert_str_eq(cfg.lws_iface, "::ffff:127.0.0.1");
    ck_assert(cfg.listen_is_loopback);
    server_cfg_release(&cfg);
}
END_TEST

START_TEST(tls_without_cert_refused)
{
    struct server_cfg cfg;
    struct lab_err err = {0};
    enum server_action act;

    ck_assert_int_eq(parse(&cfg, &act, &err, NULL, 0), 0);
    ck_assert_int_eq(server_cfg_validate(&cfg, &err), LAB_E_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.msg, "tls.cert"));
    server_cfg_release(&cfg);
}
END_TEST

static const struct {
    const char *addr;
    int ok; /* 1: plain ws allowed */
} plain_cases[] = {
    {"127.0.0.1", 1}, {"127.1.2.3", 1},  {"::1", 1}, {"localhost", 1},   {"::ffff:127.0.0.1", 1},
    {"0.0.0.0", 0},   {"192.0.2.10", 0}, {"::", 0},  {"2001:db8::1", 0},
};

START_TEST(plain_ws_only_on_loopback)
{
    struct server_cfg cfg;
    struct lab_err err = {0};
    enum server_action act;
    char kv[80];
    const char *a[] = {"--set", "tls.enabled=false", "--set", kv};

    snprintf(kv, sizeof kv, "listen.address=%s", plain_cases[_i].addr);
    ck_assert_int_eq(parse(&cfg, &act, &err, a, 4), 0);
    ck_assert_int_eq(server_cfg_validate(&cfg, &err), plain_cases[_i].ok ? 0 : LAB_E_CONFIG);
    if (!plain_cases[_i].ok)
        ck_assert_ptr_nonnull(strstr(err.msg, "plain ws"));
    server_cfg_release(&cfg);
}
END_TEST

START_TEST(hangup_must_exceed_ping)
{
    struct server_cfg cfg;
    struct lab_err err = {0};
    enum server_action act;
    const char *a[] = {"--cert",       "c",     "--key",         "k", "--set",
                       "ws.ping_s=30", "--set", "ws.hangup_s=30"};

    ck_assert_int_eq(parse(&cfg, &act, &err, a, 8), 0);
    ck_assert_int_eq(server_cfg_validate(&cfg, &err), LAB_E_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.msg, "ws.hangup_s"));
    server_cfg_release(&cfg);
}
END_TEST

static const struct {
    const char *in;
    int rc;
    const char *iface;
    int loopback;
} addr_cases[] = {
    {"127.0.0.1", 0, "::ffff:127.0.0.1", 1},
    {"10.1.2.3", 0, "::ffff:10.1.2.3", 0},
    {"0.0.0.0", 0, "", 0},
    {"::", 0, "", 0},
    {"*", 0, "", 0},
    {"::1", 0, "::1", 1},
    {"localhost", 0, "::ffff:127.0.0.1", 1},
    {"fe80::1", 0, "fe80::1", 0},
    {"eth0", LAB_E_CONFIG, NULL, 0},
    {"example.org", LAB_E_CONFIG, NULL, 0},
    {"1.2.3.4'; DROP TABLE users;--", LAB_E_CONFIG, NULL, 0},
};

START_TEST(ipv4_translation)
{
    char iface[64], expect[64];
    bool lo = false;
    int rc =
        listen_addr_translate(addr_cases[_i].in, iface, sizeof iface, expect, sizeof expect, &lo);

    ck_assert_int_eq(rc, addr_cases[_i].rc);
    if (rc == 0) {
        ck_assert_str_eq(iface, addr_cases[_i].iface);
        ck_assert_str_eq(expect, addr_cases[_i].iface);
        ck_assert_int_eq(lo, addr_cases[_i].loopback);
    }
}
END_TEST

START_TEST(flags_override_and_actions)
{
    struct server_cfg cfg;
    struct lab_err err = {0};
    enum server_action act;
    const char *a[] = {
        "--port", "9000", "--listen", "::1", "--db", "dbname=x password=s3cret", "--check-config"};

    ck_assert_int_eq(parse(&cfg, &act, &err, a, 7), 0);
    ck_assert_int_eq(act, SERVER_CHECK_CONFIG);
    ck_assert_uint_eq(cfg.listen_port, 9000);
    ck_assert_str_eq(cfg.listen_address, "::1");
    {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        server_cfg_print(&cfg, f);
        fclose(f);
        ck_assert_ptr_nonnull(strstr(buf, "listen.port=9000\n"));
        ck_assert_ptr_null(strstr(buf, "s3cret"));
        ck_assert_ptr_nonnull(strstr(buf, "password=***"));
        free(buf);
    }
    server_cfg_release(&cfg);
}
END_TEST

START_TEST(bad_args_are_usage_errors)
{
    struct server_cfg cfg;
    struct lab_err err = {0};
    enum server_action act;
    const char *a1[] = {"--bogus"};
    const char *a2[] = {"--port", "70000"};
    const char *a3[] = {"--set", "nosuch.key=1"};
    const char *a4[] = {"--port"};

    ck_assert_int_eq(parse(&cfg, &act, &err, a1, 1), LAB_E_CONFIG);
    server_cfg_release(&cfg);
    ck_assert_int_eq(parse(&cfg, &act, &err, a2, 2), LAB_E_CONFIG);
    server_cfg_release(&cfg);
    ck_assert_int_eq(parse(&cfg, &act, &err, a3, 2), LAB_E_CONFIG);
    server_cfg_release(&cfg);
    ck_assert_int_eq(parse(&cfg, &act, &err, a4, 1), LAB_E_CONFIG);
    server_cfg_release(&cfg);
}
END_TEST

START_TEST(config_file_then_flags)
{
    char path[] = "/tmp/test_server_config_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    struct server_cfg cfg;
    struct lab_err err = {0};
    enum server_action act;
    const char *a[] = {"--port", "8001", "--config", path};

    fputs("[listen]\nport = 8000\naddress = ::1\n[ws]\nping_s = 10\nhangup_s = 20\n", f);
    fclose(f);
    ck_assert_int_eq(parse(&cfg, &act, &err, a, 4), 0);
    ck_assert_uint_eq(cfg.listen_port, 8001); /* the flag wins whatever its position */
    ck_assert_str_eq(cfg.listen_address, "::1");
    ck_assert_uint_eq(cfg.ws_ping_s, 10);
    server_cfg_release(&cfg);
    unlink(path);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("server_config");
    TCase *tc = tcase_create("config");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, defaults_validate_with_cert);
    tcase_add_test(tc, tls_without_cert_refused);
    tcase_add_loop_test(tc, plain_ws_only_on_loopback, 0, ARRAY_SIZE(plain_cases));
    tcase_add_test(tc, hangup_must_exceed_ping);
    tcase_add_loop_test(tc, ipv4_translation, 0, ARRAY_SIZE(addr_cases));
    tcase_add_test(tc, flags_override_and_actions);
    tcase_add_test(tc, bad_args_are_usage_errors);
    tcase_add_test(tc, config_file_then_flags);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
