/*
 * test_common.c — unit tests for common/: strings, config, tokens, passwords, log quoting.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cfg.h"
#include "common/err.h"
#include "common/json.h"
#include "common/log.h"
#include "common/password.h"
#include "common/str.h"
#include "common/token.h"

static const struct {
    const char *in;
    uint64_t max;
    int rc;
    uint64_t out;
} parse_cases[] = {
    {"0", UINT64_MAX, 0, 0},
    {"18446744073709551615", UINT64_MAX, 0, UINT64_MAX},
    {"18446744073709551616", UINT64_MAX, LAB_E_RANGE, 0},
    {"65536", 65535, LAB_E_RANGE, 0},
    {"12x", UINT64_MAX, LAB_E_PARSE, 0},
    {"", UINT64_MAX, LAB_E_PARSE, 0},
    {"-1", UINT64_MAX, LAB_E_PARSE, 0},
    {" 1", UINT64_MAX, LAB_E_PARSE, 0},
};

START_TEST(parse_u64_table)
{
    uint64_t v = 7;
    int rc = parse_u64(parse_cases[_i].in, parse_cases[_i].max, &v);

    ck_assert_int_eq(rc, parse_cases[_i].rc);
    if (rc == 0)
        ck_assert_uint_eq(v, parse_cases[_i].out);
}
END_TEST

static const struct {
    const char *in;
    uint64_t max;
    int rc;
    uint64_t out;
    size_t used; /* digits read */
} prefix_cases[] = {
    {"1.2.3", UINT64_MAX, 0, 1, 1},
    {"4096 kB", UINT64_MAX, 0, 4096, 4},
    {"123\n456\n", UINT64_MAX, 0, 123, 3},
    {"18446744073709551615x", UINT64_MAX, 0, UINT64_MAX, 20},
    {"18446744073709551616", UINT64_MAX, LAB_E_RANGE, 0, 0},
    {"70000", 65535, LAB_E_RANGE, 0, 0},
    {"", UINT64_MAX, LAB_E_PARSE, 0, 0},
    {" 1", UINT64_MAX, LAB_E_PARSE, 0, 0},
    {"-1", UINT64_MAX, LAB_E_PARSE, 0, 0},
    {"+1", UINT64_MAX, LAB_E_PARSE, 0, 0},
};

START_TEST(parse_u64_prefix_table)
{
    uint64_t v = 7;
    const char *end = NULL;
    int rc = parse_u64_prefix(prefix_cases[_i].in, prefix_cases[_i].max, &v, &end);

    ck_assert_int_eq(rc, prefix_cases[_i].rc);
    if (rc == 0) {
        ck_assert_uint_eq(v, prefix_cases[_i].out);
        ck_assert_uint_eq((size_t)(end - prefix_cases[_i].in), prefix_cases[_i].used);
    } else {
        ck_assert_uint_eq(v, 7);
    }
}
END_TEST

static const struct {
    const char *in;
    int rc;
    double out;
} double_cases[] = {
    {"4", 0, 4.0},           {"-0.5", 0, -0.5},         {".25", 0, 0.25},
    {"1e3", 0, 1000.0},      {"12.5x", LAB_E_PARSE, 0}, {"", LAB_E_PARSE, 0},
    {" 1", LAB_E_PARSE, 0},  {"+1", LAB_E_PARSE, 0},    {"0x10", LAB_E_PARSE, 0},
    {"nan", LAB_E_PARSE, 0}, {"-inf", LAB_E_PARSE, 0},  {"1e999", LAB_E_RANGE, 0},
};

START_TEST(parse_double_table)
{
    double v = 7;
    int rc = parse_double(double_cases[_i].in, &v);

    ck_assert_int_eq(rc, double_cases[_i].rc);
    if (rc == 0)
        ck_assert(v == double_cases[_i].out);
    else
        ck_assert(v == 7);
}
END_TEST

static const struct {
    const char *s;
    size_t len;
    bool ok;
} utf8_cases[] = {
    {"plain ascii", 11, true},
    {"gr\xc3\xbc\xc3\x9f", 6, true},
    {"\xe2\x82\xac", 3, true},
    {"\xf0\x9f\x90\x8d", 4, true},
    {"\xc3", 1, false},             /* truncated */
    {"\xc0\xaf", 2, false},         /* overlong */
    {"\xed\xa0\x80", 3, false},     /* surrogate */
    {"\xf4\x90\x80\x80", 4, false}, /* above U+10FFFF */
    {"a\0b", 3, false},             /* NUL inside */
    {"\xff", 1, false},
};

START_TEST(utf8_valid_table)
{
    ck_assert_int_eq(utf8_valid(utf8_cases[_i].s, utf8_cases[_i].len), utf8_cases[_i].ok);
}
END_TEST

START_TEST(term_safe_strips_escape_sequences)
{
    char out[64];
    const char *evil = "hi\x1b[2J\x07\r\xc2\x9b"
                       "31m\xff!\n";

    str_term_safe(out, sizeof out, evil, strlen(evil));
    ck_assert_ptr_null(strchr(out, '\x1b'));
    ck_assert_ptr_null(strchr(out, '\x07'));
    ck_assert_ptr_null(strchr(out, '\r'));
    ck_assert_ptr_null(strstr(out, "\xc2\x9b"));
    ck_assert_str_eq(out, "hi?[2J???31m?!\n");
}
END_TEST

START_TEST(term_safe_keeps_unicode_and_truncates)
{
    char out[8];

    str_term_safe(out, sizeof out, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 8);
    ck_assert_str_eq(out, "\xc3\xa9\xc3\xa9");
}
END_TEST

START_TEST(str_copy_reports_truncation)
{
    char small[4];

    ck_assert_int_eq(str_copy(small, sizeof small, "abc"), 0);
    ck_assert_str_eq(small, "abc");
    ck_assert_int_eq(str_copy(small, sizeof small, "abcd"), LAB_E_TOO_LARGE);
    ck_assert_str_eq(small, "abc");
}
END_TEST

START_TEST(ident_rules)
{
    ck_assert(str_is_ident("b-hello_1.2", 64));
    ck_assert(!str_is_ident("", 64));
    ck_assert(!str_is_ident("-x", 64));
    ck_assert(!str_is_ident(".x", 64));
    ck_assert(!str_is_ident("Upper", 64));
    ck_assert(!str_is_ident("x'; DROP TABLE users;--", 64));
    ck_assert(!str_is_ident("abcdef", 5));
}
END_TEST

struct demo_cfg {
    char *name;
    uint32_t port;
    bool on;
};

static const struct cfg_key demo_keys[] = {
    CFG_STR("main.name", struct demo_cfg, name, "lab", "a name"),
    CFG_U32("main.port", struct demo_cfg, port, 7443, 1, 65535, "a port"),
    CFG_BOOL("main.on", struct demo_cfg, on, 1, "a switch"),
    CFG_END,
};

static char *write_tmp(const char *text)
{
    char *path = strdup("/tmp/labcfgXXXXXX");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");

    fputs(text, f);
    fclose(f);
    return path;
}

START_TEST(cfg_defaults_file_and_override)
{
    struct demo_cfg c;
    struct lab_err err;
    char *path = write_tmp("[main]\nname = school\nport = 8443\non = no\n");

    ck_assert_int_eq(cfg_defaults(demo_keys, &c), 0);
    ck_assert_str_eq(c.name, "lab");
    ck_assert_uint_eq(c.port, 7443);
    ck_assert_int_eq(cfg_load_file(demo_keys, &c, path, &err), 0);
    ck_assert_str_eq(c.name, "school");
    ck_assert_uint_eq(c.port, 8443);
    ck_assert(!c.on);
    ck_assert_int_eq(cfg_set_kv(demo_keys, &c, "main.port=9000", &err), 0);
    ck_assert_uint_eq(c.port, 9000);
    unlink(path);
    free(path);
    cfg_release(demo_keys, &c);
}
END_TEST

static const struct {
    const char *file;
    const char *needle;
} bad_cfg_cases[] = {
    {"[main]\nport = 70000\n", "from 1 to 65535"},
    {"[main]\nport = 12abc\n", "whole number"},
    {"[main]\nnope = 1\n", "unknown configuration key 'main.nope'"},
    {"[main]\non = maybe\n", "true or false"},
    {"[main]\nport 1\n", ":2: not a valid INI line"},
    {"port = 1\n", "unknown configuration key '.port'"},
};

START_TEST(cfg_rejects_bad_files)
{
    struct demo_cfg c;
    struct lab_err err;
    char *path = write_tmp(bad_cfg_cases[_i].file);

    ck_assert_int_eq(cfg_defaults(demo_keys, &c), 0);
    ck_assert_int_eq(cfg_load_file(demo_keys, &c, path, &err), LAB_E_CONFIG);
    ck_assert_msg(strstr(err.msg, bad_cfg_cases[_i].needle), "message '%s' lacks '%s'", err.msg,
                  bad_cfg_cases[_i].needle);
    ck_assert_msg(err.hint[0], "no hint for '%s'", err.msg);
    unlink(path);
    free(path);
    cfg_release(demo_keys, &c);
}
END_TEST

START_TEST(cfg_sections_pass_over_other_programs_keys)
{
    static const char *const mine[] = {"main", NULL};
    struct demo_cfg c;
    struct lab_err err;
    char *path = write_tmp("[other]\nanything = 1\n[main]\nport = 81\n");
    char *bad = write_tmp("[other]\nanything = 1\n[main]\nnope = 2\n");

    ck_assert_int_eq(cfg_defaults(demo_keys, &c), 0);
    ck_assert_int_eq(cfg_load_file(demo_keys, &c, path, &err), LAB_E_CONFIG);
    ck_assert_int_eq(cfg_load_file_sections(demo_keys, &c, path, mine, &err), 0);
    ck_assert_uint_eq(c.port, 81);
    ck_assert_int_eq(cfg_load_file_sections(demo_keys, &c, bad, mine, &err), LAB_E_CONFIG);
    ck_assert(strstr(err.msg, ":4: unknown configuration key 'main.nope'"));
    unlink(path);
    unlink(bad);
    free(path);
    free(bad);
    cfg_release(demo_keys, &c);
}
END_TEST

START_TEST(cfg_missing_file_is_an_error)
{
    struct demo_cfg c;
    struct lab_err err;

    ck_assert_int_eq(cfg_defaults(demo_keys, &c), 0);
    ck_assert_int_eq(cfg_load_file(demo_keys, &c, "/nonexistent/lab.ini", &err), LAB_E_CONFIG);
    ck_assert(strstr(err.msg, "/nonexistent/lab.ini"));
    cfg_release(demo_keys, &c);
}
END_TEST

START_TEST(tokens_are_random_hex)
{
    char a[TOKEN_HEX_LEN + 1], b[TOKEN_HEX_LEN + 1];

    ck_assert_int_eq(token_new(a), 0);
    ck_assert_int_eq(token_new(b), 0);
    ck_assert_uint_eq(strlen(a), TOKEN_HEX_LEN);
    ck_assert_str_ne(a, b);
    ck_assert_uint_eq(strspn(a, "0123456789abcdef"), TOKEN_HEX_LEN);
}
END_TEST

START_TEST(join_codes_avoid_confusable_letters)
{
    char code[9];

    for (int i = 0; i < 200; i++) {
        ck_assert_int_eq(token_join_code(code, 8), 0);
        ck_assert_uint_eq(strlen(code), 8);
        ck_assert_uint_eq(strcspn(code, "01OI"), 8);
    }
}
END_TEST

START_TEST(sha256_known_vector)
{
    char hex[SHA256_HEX_LEN + 1];

    token_sha256_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(password_hash_and_verify)
{
    char h1[PASSWORD_HASH_CAP], h2[PASSWORD_HASH_CAP];

    ck_assert_int_eq(password_hash("correct horse", h1), 0);
    ck_assert_int_eq(password_hash("correct horse", h2), 0);
    ck_assert_str_ne(h1, h2); /* salted */
    ck_assert(strncmp(h1, "$argon2id$", 10) == 0);
    ck_assert(password_verify(h1, "correct horse"));
    ck_assert(!password_verify(h1, "correct horsE"));
    ck_assert(!password_verify("plaintext", "plaintext"));
}
END_TEST

START_TEST(password_policy)
{
    struct lab_err err;

    ck_assert_int_eq(password_check_policy("short", &err), LAB_E_PARSE);
    ck_assert(strstr(err.msg, "at least 8"));
    ck_assert_int_eq(password_check_policy("long enough", &err), 0);
    ck_assert_int_eq(password_check_policy("tab\there!!", &err), LAB_E_PARSE);
    ck_assert_int_eq(password_check_policy("bad\xff\xfe bytes", &err), LAB_E_PARSE);
}
END_TEST

START_TEST(log_q_escapes_and_caps)
{
    char out[512];
    char big[400];

    ck_assert_str_eq(log_q(out, sizeof out, "a \"b\"\n\\"), "\"a \\\"b\\\"\\x0a\\\\\"");
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    log_q(out, sizeof out, big);
    ck_assert(strlen(out) <= LOG_VALUE_MAX + 5);
    ck_assert(strstr(out, "...\""));
}
END_TEST

static const struct {
    const char *text;
    bool ok;
} json_cases[] = {
    {"{\"a\":[1,2.5e3,-0.1,true,false,null,\"x\\u00e9\"]}", true},
    {"  \"s\"  ", true},
    {"{\"a\":1,}", false},
    {"[1 2]", false},
    {"\"unterminated", false},
    {"\"ctl\x01\"", false},
    {"01x", false},
    {"{\"a\":1} extra", false},
    {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]"
     "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
     false},
    {"", false},
};

START_TEST(json_valid_table)
{
    const char *t = json_cases[_i].text;

    ck_assert_msg(json_valid(t, strlen(t)) == json_cases[_i].ok, "case %d: %s", _i, t);
}
END_TEST

START_TEST(json_get_spans_and_strings)
{
    const char *line = "{\"kind\":\"check\",\"name\":\"adds\",\"observation\":{\"b\":[1,2]},"
                       "\"ms\":12,\"msg\":\"caf\\u00e9 \\ud83d\\udc0d \\n\",\"ok\":true}";
    struct json_span v;
    char buf[64];
    int64_t n;

    ck_assert_int_eq(json_get(line, strlen(line), "observation", &v), 0);
    ck_assert_uint_eq(v.len, strlen("{\"b\":[1,2]}"));
    ck_assert(!memcmp(v.p, "{\"b\":[1,2]}", v.len));
    ck_assert_int_eq(json_get(line, strlen(line), "ms", &v), 0);
    ck_assert_int_eq(json_int(&v, &n), 0);
    ck_assert_int_eq(n, 12);
    ck_assert_int_eq(json_get(line, strlen(line), "msg", &v), 0);
    ck_assert_int_eq(json_string(&v, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "caf\xc3\xa9 \xf0\x9f\x90\x8d \n");
    ck_assert_int_eq(json_get(line, strlen(line), "ok", &v), 0);
    ck_assert(json_is_true(&v));
    ck_assert_int_eq(json_get(line, strlen(line), "missing", &v), LAB_E_NOT_FOUND);
    ck_assert_int_eq(json_get("[1]", 3, "a", &v), LAB_E_PARSE);
}
END_TEST

START_TEST(json_string_truncates_on_boundary)
{
    const char *t = "\"\xc3\xa9\xc3\xa9\xc3\xa9\"";
    struct json_span v = {t, strlen(t)};
    char buf[4];

    ck_assert_int_eq(json_string(&v, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "\xc3\xa9");
}
END_TEST

START_TEST(json_out_escapes_c1_and_cr)
{
    struct json_out o;
    char *s;

    json_out_init(&o);
    json_out_str(&o,
                 "a\r\xc2\x9b"
                 "1m\xc2\xa0",
                 8);
    s = json_out_take(&o);
    ck_assert_str_eq(s, "\"a\\r\\u009b1m\xc2\xa0\"");
    free(s);
}
END_TEST

START_TEST(json_out_escapes_everything)
{
    struct json_out o;
    char *s;

    json_out_init(&o);
    json_out_str(&o, "a\"\\\n\x1b[31m\xff\xc3\xa9", 12);
    s = json_out_take(&o);
    ck_assert_str_eq(s, "\"a\\\"\\\\\\n\\u001b[31m\\ufffd\xc3\xa9\"");
    ck_assert(json_valid(s, strlen(s)));
    free(s);
}
END_TEST

/* Walk @text with json_array_next(); the elements joined by '|', and the last return code. */
static int walk_array(const char *text, char *out, size_t cap, size_t *count)
{
    struct json_span arr = {text, strlen(text)}, e;
    size_t pos = 0, o = 0;
    int rc;

    out[0] = '\0';
    *count = 0;
    while ((rc = json_array_next(&arr, &pos, &e)) == 1) {
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s", *count ? "|" : "", (int)e.len, e.p);
        (*count)++;
    }
    return rc;
}

START_TEST(json_array_next_walks_nested_values)
{
    char got[256];
    size_t n;
    struct json_span arr = {"[]", 2}, e;
    size_t pos = 0;

    ck_assert_int_eq(
        walk_array(" [1, [2, [3]] ,{\"a\":[4,\"]\"]}, \"x,]\", null] ", got, sizeof got, &n), 0);
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(got, "1|[2, [3]]|{\"a\":[4,\"]\"]}|\"x,]\"|null");
    ck_assert_int_eq(walk_array("[ ]", got, sizeof got, &n), 0);
    ck_assert_uint_eq(n, 0);
    /* After the end, the end again: a loop that calls once more does not fail. */
    ck_assert_int_eq(json_array_next(&arr, &pos, &e), 0);
    ck_assert_int_eq(json_array_next(&arr, &pos, &e), 0);
}
END_TEST

static const struct {
    const char *text;
    size_t before; /* elements returned before the error */
} bad_arrays[] = {
    {"", 0},      {"{\"a\":[1]}", 0}, {"\"[1]\"", 0}, {"[,1]", 0},  {"[1,]", 1},
    {"[1 2]", 1}, {"[1", 1},          {"[1,", 1},     {"[1] x", 1}, {"[[1]", 1},
    {"[1,{]", 1}, {"[tru]", 0},       {"[\"a]", 0},   {"]", 0},
};

START_TEST(json_array_next_rejects_bad_input)
{
    char got[256];
    size_t n;

    ck_assert_int_eq(walk_array(bad_arrays[_i].text, got, sizeof got, &n), LAB_E_PARSE);
    ck_assert_msg(n == bad_arrays[_i].before, "case %d: %zu elements before the error", _i, n);
}
END_TEST

START_TEST(json_array_next_caps_nesting)
{
    char deep[2 * (JSON_MAX_DEPTH + 8) + 8];
    size_t o = 0, n;
    char got[64];

    deep[o++] = '[';
    for (int i = 0; i < JSON_MAX_DEPTH + 4; i++)
        deep[o++] = '[';
    for (int i = 0; i < JSON_MAX_DEPTH + 4; i++)
        deep[o++] = ']';
    deep[o++] = ']';
    deep[o] = '\0';
    ck_assert_int_eq(walk_array(deep, got, sizeof got, &n), LAB_E_PARSE);
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(json_out_str_ascii_writes_like_python)
{
    struct json_out o;
    char *s;
    /* json.dumps("a\"\\\n\r\t\b\f\x01\x7f é😀~") == the expected text below; a stray
     * \xff byte becomes U+FFFD. */
    static const char in[] = "a\"\\\n\r\t\b\f\x01\x7f \xc3\xa9\xf0\x9f\x98\x80~\xff";

    json_out_init(&o);
    json_out_str_ascii(&o, in, sizeof in - 1);
    s = json_out_take(&o);
    ck_assert_str_eq(s, "\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007f \\u00e9\\ud83d\\ude00~"
                        "\\ufffd\"");
    ck_assert(json_valid(s, strlen(s)));
    free(s);
}
END_TEST

static Suite *common_suite(void)
{
    Suite *s = suite_create("common");
    TCase *tc = tcase_create("str");

    tcase_add_loop_test(tc, parse_u64_table, 0, ARRAY_SIZE(parse_cases));
    tcase_add_loop_test(tc, parse_u64_prefix_table, 0, ARRAY_SIZE(prefix_cases));
    tcase_add_loop_test(tc, parse_double_table, 0, ARRAY_SIZE(double_cases));
    tcase_add_loop_test(tc, utf8_valid_table, 0, ARRAY_SIZE(utf8_cases));
    tcase_add_test(tc, term_safe_strips_escape_sequences);
    tcase_add_test(tc, term_safe_keeps_unicode_and_truncates);
    tcase_add_test(tc, str_copy_reports_truncation);
    tcase_add_test(tc, ident_rules);
    suite_add_tcase(s, tc);

    tc = tcase_create("cfg");
    tcase_add_test(tc, cfg_defaults_file_and_override);
    tcase_add_loop_test(tc, cfg_rejects_bad_files, 0, ARRAY_SIZE(bad_cfg_cases));
    tcase_add_test(tc, cfg_missing_file_is_an_error);
    tcase_add_test(tc, cfg_sections_pass_over_other_programs_keys);
    suite_add_tcase(s, tc);

    tc = tcase_create("secrets");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, tokens_are_random_hex);
    tcase_add_test(tc, join_codes_avoid_confusable_letters);
    tcase_add_test(tc, sha256_known_vector);
    tcase_add_test(tc, password_hash_and_verify);
    tcase_add_test(tc, password_policy);
    suite_add_tcase(s, tc);

    tc = tcase_create("json");
    tcase_add_loop_test(tc, json_valid_table, 0, ARRAY_SIZE(json_cases));
    tcase_add_test(tc, json_get_spans_and_strings);
    tcase_add_test(tc, json_string_truncates_on_boundary);
    tcase_add_test(tc, json_out_escapes_everything);
    tcase_add_test(tc, json_out_escapes_c1_and_cr);
    tcase_add_test(tc, json_array_next_walks_nested_values);
    tcase_add_loop_test(tc, json_array_next_rejects_bad_input, 0, ARRAY_SIZE(bad_arrays));
    tcase_add_test(tc, json_array_next_caps_nesting);
    tcase_add_test(tc, json_out_str_ascii_writes_like_python);
    suite_add_tcase(s, tc);

    tc = tcase_create("log");
    tcase_add_test(tc, log_q_escapes_and_caps);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(common_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
