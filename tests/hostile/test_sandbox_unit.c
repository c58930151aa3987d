/*
 * test_sandbox_unit.c — check tests for the pure parts of lab_sandbox:
 * JSON rendering of results (escaping, invalid UTF-8), limit checks and
 * path validation. No root needed.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "sandbox/bundle.h"
#include "sandbox/mnt.h"
#include "sandbox/sandbox.h"

static char *render_json(const char *out, size_t len)
{
    struct sandbox_result r;
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);

    memset(&r, 0, sizeof r);
    r.out.data = (char *)(uintptr_t)out;
    r.out.len = len;
    ck_assert_int_eq(sandbox_result_write_json(&r, f), 0);
    fclose(f);
    return buf;
}

static const struct {
    const char *in;
    size_t len;
    const char *want; /* substring of the JSON */
    int has_b64;
} json_cases[] = {
    {"plain", 5, "\"stdout\":\"plain\"", 0},
    {"q\"b\\", 4, "\"stdout\":\"q\\\"b\\\\\"", 0},
    {"nl\n\ttab\r", 8, "\"stdout\":\"nl\\n\\ttab\\r\"", 0},
    {"\x1b[31m", 5, "\"stdout\":\"\\u001b[31m\"", 0},
    {"\xc3\xa9", 2, "\"stdout\":\"\xc3\xa9\"", 0},
    {"bad\xff", 4, "\"stdout\":\"bad\\ufffd\",\"stdout_base64\":\"YmFk/w==\"", 1},
    {"\xed\xa0\x80", 3, "\\ufffd\\ufffd\\ufffd", 1}, /* surrogate */
    {"\xc0\xaf", 2, "\\ufffd\\ufffd", 1},            /* overlong */
    {"nul\0x", 5, "\"stdout\":\"nul\\u0000x\"", 1},
    {"\xc2\x9b", 2, "\"stdout\":\"\\u009b\"", 0}, /* C1 CSI */
    {"\xe2\x80\xa8", 3, "\"stdout\":\"\\u2028\"", 0},
    {"\xf0\x9f\x90\x8d", 4, "\"stdout\":\"\xf0\x9f\x90\x8d\"", 0},
    {"\xf4\x90\x80\x80", 4, "\\ufffd", 1}, /* > U+10FFFF */
};

START_TEST(json_escapes_every_byte_safely)
{
    char *j = render_json(json_cases[_i].in, json_cases[_i].len);

    ck_assert_msg(strstr(j, json_cases[_i].want), "case %d: %s", _i, j);
    ck_assert_int_eq(strstr(j, "stdout_base64") != NULL, json_cases[_i].has_b64);
    /* Always valid UTF-8, no raw control bytes except the final newline. */
    ck_assert(utf8_valid(j, strlen(j)));
    for (const char *p = j; *p; p++)
        ck_assert(!((unsigned char)*p < 0x20 && !(*p == '\n' && p[1] == '\0')));
    free(j);
}
END_TEST

START_TEST(json_has_every_field)
{
    char *j = render_json("", 0);
    static const char *const fields[] = {"\"verdict\":\"ok\"",
                                         "\"exit_code\"",
                                         "\"signal\"",
                                         "\"cpu_ms\"",
                                         "\"wall_ms\"",
                                         "\"peak_memory_bytes\"",
                                         "\"memory_mechanism\":\"cgroup2\"",
                                         "\"missing_protections\":[]",
                                         "\"stdout_cut_bytes\":0",
                                         "\"stderr\"",
                                         "\"result\""};

    for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
        ck_assert_msg(strstr(j, fields[i]), "missing %s in %s", fields[i], j);
    free(j);
}
END_TEST

START_TEST(text_rendering_neutralises_escapes)
{
    struct sandbox_result r;
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);

    memset(&r, 0, sizeof r);
    r.verdict = SANDBOX_RUNTIME_ERROR;
    r.out.data = (char *)"\x1b]0;title\x07\x1b[2Jok\n";
    r.out.len = strlen(r.out.data);
    ck_assert_int_eq(sandbox_result_write_text(&r, f, false), 0);
    fclose(f);
    ck_assert(!strchr(buf, '\x1b'));
    ck_assert(!strchr(buf, '\x07'));
    ck_assert(strstr(buf, "runtime_error"));
    free(buf);
}
END_TEST

START_TEST(verdict_names_are_stable)
{
    ck_assert_str_eq(sandbox_verdict_name(SANDBOX_OK), "ok");
    ck_assert_str_eq(sandbox_verdict_name(SANDBOX_FORBIDDEN_SYSCALL), "forbidden_syscall");
    ck_assert_str_eq(sandbox_verdict_name(SANDBOX_INTERNAL_ERROR), "internal_error");
    ck_assert_str_eq(sandbox_verdict_name((enum sandbox_verdict)99), "unknown");
    ck_assert_str_eq(sandbox_mem_mechanism_name(SANDBOX_MEM_CGROUP1), "cgroup1");
}
END_TEST

START_TEST(limits_defaults_pass_and_bounds_fail)
{
    struct sandbox_limits lim;
    struct lab_err err;

    sandbox_limits_default(&lim);
    ck_assert_int_eq(sandbox_limits_check(&lim, &err), 0);
    lim.wall_ms = 0;
    ck_assert_int_eq(sandbox_limits_check(&lim, &err), LAB_E_RANGE);
    ck_assert(strstr(err.msg, "wall_ms"));
    sandbox_limits_default(&lim);
    lim.memory_mb = 2;
    ck_assert_int_eq(sandbox_limits_check(&lim, &err), LAB_E_RANGE);
}
END_TEST

START_TEST(config_keys_parse_and_reject)
{
    struct sandbox_settings s;
    struct sandbox_config cfg;
    struct sandbox_limits lim;
    struct lab_err err;

    ck_assert_int_eq(cfg_defaults(sandbox_cfg_keys, &s), 0);
    ck_assert_int_eq(cfg_set(sandbox_cfg_keys, &s, "sandbox.cpu_ms", "1500", &err), 0);
    ck_assert_int_ne(cfg_set(sandbox_cfg_keys, &s, "sandbox.cpu_ms", "0", &err), 0);
    ck_assert_int_ne(cfg_set(sandbox_cfg_keys, &s, "sandbox.memory_mb", "12x", &err), 0);
    ck_assert_int_ne(cfg_set(sandbox_cfg_keys, &s, "sandbox.nope", "1", &err), 0);
    sandbox_config_default(&cfg);
    sandbox_settings_apply(&s, &cfg, &lim);
    ck_assert_uint_eq(lim.cpu_ms, 1500);
    ck_assert_uint_eq(lim.memory_mb, 256);
    ck_assert_uint_eq(cfg.uid_base, 60000);
    ck_assert_str_eq(cfg.state_dir, "/run/labsandbox");
    cfg_release(sandbox_cfg_keys, &s);
}
END_TEST

static const struct {
    const char *p;
    int ok;
} file_paths[] = {
    {"a.py", 1},  {"d/e.txt", 1}, {"", 0},     {"/abs", 0}, {"../x", 0},     {"a/../b", 0},
    {"a/./b", 0}, {"a//b", 0},    {"dir/", 0}, {"..", 0},   {"ok..name", 1}, {"bad\nname", 0},
};

START_TEST(bundle_paths)
{
    ck_assert_int_eq(bundle_path_ok(file_paths[_i].p), file_paths[_i].ok);
}
END_TEST

static const struct {
    const char *p;
    int ok;
} box_paths[] = {
    {"/lab", 1},        {"/harness", 1}, {"/opt/x/y", 1}, {"/usr/x", 0},    {"/work", 0},
    {"/work/x", 0},     {"/tmp", 0},     {"/proc/x", 0},  {"/", 0},         {"lab", 0},
    {"/lab/../usr", 0}, {"/lab/", 0},    {"/usrx", 1},    {"/.sandbox", 0}, {"/etc", 0},
};

START_TEST(bind_targets)
{
    ck_assert_int_eq(mnt_box_path_ok(box_paths[_i].p), box_paths[_i].ok);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sandbox_unit");
    TCase *tc = tcase_create("result");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, json_escapes_every_byte_safely, 0, (int)ARRAY_SIZE(json_cases));
    tcase_add_test(tc, json_has_every_field);
    tcase_add_test(tc, text_rendering_neutralises_escapes);
    tcase_add_test(tc, verdict_names_are_stable);
    suite_add_tcase(s, tc);
    tc = tcase_create("limits");
    tcase_add_test(tc, limits_defaults_pass_and_bounds_fail);
    tcase_add_test(tc, config_keys_parse_and_reject);
    suite_add_tcase(s, tc);
    tc = tcase_create("paths");
    tcase_add_loop_test(tc, bundle_paths, 0, (int)ARRAY_SIZE(file_paths));
    tcase_add_loop_test(tc, bind_targets, 0, (int)ARRAY_SIZE(box_paths));
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
