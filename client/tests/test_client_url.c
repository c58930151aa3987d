/*
 * test_client_url.c — server addresses: schemes, ports, IPv6, ws only to loopback.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "client/url.h"
#include "common/str.h"

static const struct {
    const char *in;
    int rc;
    bool tls;
    const char *host;
    unsigned port;
    const char *hostport;
    const char *canon;
} cases[] = {
    {"wss://lab.school.example:7443", 0, true, "lab.school.example", 7443,
     "lab.school.example:7443", "wss://lab.school.example:7443"},
    {"wss://Lab.School.Example", 0, true, "lab.school.example", 7443, "lab.school.example:7443",
     "wss://lab.school.example:7443"},
    {"lab.school.example:9000", 0, true, "lab.school.example", 9000, "lab.school.example:9000",
     "wss://lab.school.example:9000"},
    {"wss://10.1.2.3:443/ws", 0, true, "10.1.2.3", 443, "10.1.2.3:443", "wss://10.1.2.3:443/ws"},
    {"wss://[2001:db8::1]:7443", 0, true, "2001:db8::1", 7443, "[2001:db8::1]:7443",
     "wss://[2001:db8::1]:7443"},
    {"wss://[::1]", 0, true, "::1", 7443, "[::1]:7443", "wss://[::1]:7443"},
    {"ws://127.0.0.1:8080", 0, false, "127.0.0.1", 8080, "127.0.0.1:8080", "ws://127.0.0.1:8080"},
    {"ws://127.9.9.9:8080", 0, false, "127.9.9.9", 8080, "127.9.9.9:8080", "ws://127.9.9.9:8080"},
    {"ws://localhost:8080", 0, false, "localhost", 8080, "localhost:8080", "ws://localhost:8080"},
    {"ws://[::1]:8080", 0, false, "::1", 8080, "[::1]:8080", "ws://[::1]:8080"},
    {.in = "ws://10.0.0.1:8080", .rc = LAB_E_PARSE},
    {.in = "ws://lab.school.example", .rc = LAB_E_PARSE},
    {.in = "ws://[2001:db8::1]:1", .rc = LAB_E_PARSE},
    {.in = "http://lab.school.example", .rc = LAB_E_PARSE},
    {.in = "wss://", .rc = LAB_E_PARSE},
    {.in = "wss://host:0", .rc = LAB_E_PARSE},
    {.in = "wss://host:65536", .rc = LAB_E_PARSE},
    {.in = "wss://host:12x", .rc = LAB_E_PARSE},
    {.in = "wss://host:", .rc = LAB_E_PARSE},
    {.in = "wss://[::1", .rc = LAB_E_PARSE},
    {.in = "wss://[nothex]:1", .rc = LAB_E_PARSE},
    {.in = "wss://[::1]x", .rc = LAB_E_PARSE},
    {.in = "wss://ho st:1", .rc = LAB_E_PARSE},
    {.in = "wss://host/pa th", .rc = LAB_E_PARSE},
    {.in = "wss://-host", .rc = LAB_E_PARSE},
    {.in = "wss://h\x1b[2J:1", .rc = LAB_E_PARSE},
};

START_TEST(parses_addresses)
{
    struct lab_url u;
    struct lab_err err;
    char buf[600];
    int rc = url_parse(cases[_i].in, &u, &err);

    ck_assert_msg(rc == cases[_i].rc, "%s: rc %d", cases[_i].in, rc);
    if (rc < 0) {
        ck_assert(err.msg[0]);
        ck_assert(err.hint[0]);
        /* the message quotes the input terminal-safely */
        ck_assert_ptr_null(strchr(err.msg, '\x1b'));
        return;
    }
    ck_assert(u.tls == cases[_i].tls);
    ck_assert_str_eq(u.host, cases[_i].host);
    ck_assert_uint_eq(u.port, cases[_i].port);
    url_hostport(&u, buf, sizeof buf);
    ck_assert_str_eq(buf, cases[_i].hostport);
    url_format(&u, buf, sizeof buf);
    ck_assert_str_eq(buf, cases[_i].canon);
}
END_TEST

START_TEST(knows_loopback)
{
    ck_assert(url_host_is_loopback("127.0.0.1"));
    ck_assert(url_host_is_loopback("127.255.0.1"));
    ck_assert(url_host_is_loopback("::1"));
    ck_assert(url_host_is_loopback("LOCALHOST"));
    ck_assert(!url_host_is_loopback("128.0.0.1"));
    ck_assert(!url_host_is_loopback("::2"));
    ck_assert(!url_host_is_loopback("localhost.evil.example"));
    ck_assert(!url_host_is_loopback("0.0.0.0"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_url");
    TCase *tc = tcase_create("parse");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, parses_addresses, 0, (int)ARRAY_SIZE(cases));
    tcase_add_test(tc, knows_loopback);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
