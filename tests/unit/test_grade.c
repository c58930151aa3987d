/*
 * test_grade.c — lab directories and the grader, without a sandbox.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/str.h"
#include "grade/grader.h"
#include "grade/labdir.h"

static const char good_ini[] = "[lab]\nid = b-hello\ntitle = Hello, world\nsection = 1.1\n"
                               "roadmap = 1.1.1, 1.1.2\npoints = 20\n[limits]\ncpu_ms = 1000\n"
                               "wall_ms = 3000\n[requires]\nmodules = json, csv\n";

START_TEST(parses_a_good_ini)
{
    struct lab_def lab;
    struct lab_err err;

    memset(&lab, 0, sizeof lab);
    ck_assert_int_eq(labdir_parse_ini(good_ini, &lab, &err), 0);
    ck_assert_str_eq(lab.id, "b-hello");
    ck_assert_str_eq(lab.title, "Hello, world");
    ck_assert_uint_eq(lab.n_items, 2);
    ck_assert_str_eq(lab.items[1], "1.1.2");
    ck_assert_uint_eq(lab.points, 20);
    ck_assert_uint_eq(lab.limits.cpu_ms, 1000);
    ck_assert_uint_eq(lab.limits.memory_mb, 256); /* default */
    ck_assert_uint_eq(lab.n_modules, 2);
    ck_assert_str_eq(lab.modules[1], "csv");
}
END_TEST

static const struct {
    const char *ini;
    const char *needle;
} bad_inis[] = {
    {"[lab]\ntitle = x\nroadmap = 1.1.1\n", "id is missing"},
    {"[lab]\nid = x\nroadmap = 1.1.1\n", "title is missing"},
    {"[lab]\nid = x\ntitle = t\n", "roadmap must list"},
    {"[lab]\nid = ../etc\ntitle = t\nroadmap = 1.1.1\n", "'lab.id' must be"},
    {"[lab]\nid = x'; DROP TABLE labs;--\ntitle = t\nroadmap = 1.1.1\n", "'lab.id' must be"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1\n", "not a roadmap item ID"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\npoints = 0\n", "from 1 to 1000"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\n[limits]\nmemory_mb = 99999\n", "from 32 to 4096"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\ncolour = red\n", "unknown key 'lab.colour'"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\n[limits]\ncpu_ms = 5000\nwall_ms = 1000\n",
     "at least limits.cpu_ms"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\n[requires]\nmodules = os;rm\n", "not a module"},
    {"[lab\nid = x\n", "outside any [section]"},
    {"[lab]\nid x\n", "lab.ini:2: not a valid INI line"},
};

START_TEST(rejects_bad_inis)
{
    struct lab_def lab;
    struct lab_err err;

    memset(&lab, 0, sizeof lab);
    ck_assert_int_lt(labdir_parse_ini(bad_inis[_i].ini, &lab, &err), 0);
    ck_assert_msg(strstr(err.msg, bad_inis[_i].needle), "case %d: '%s' lacks '%s'", _i, err.msg,
                  bad_inis[_i].needle);
}
END_TEST

static void put(const char *dir, const char *name, const char *text)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static char *make_lab(void)
{
    char *dir = strdup("/tmp/labdirXXXXXX");

    ck_assert_ptr_nonnull(mkdtemp(dir));
    put(dir, "lab.ini", good_ini);
    put(dir, "README.md", "# Hello\nSay hello.\n");
    put(dir, "starter.py", "def hello():\n    pass\n");
    put(dir, "solution.py", "def hello():\n    return 'hi'\n");
    put(dir, "checks.py", "from labcheck import check\n");
    return dir;
}

START_TEST(loads_a_lab_and_versions_it)
{
    struct lab_def *a = NULL, *b = NULL;
    struct lab_err err;
    char *dir = make_lab();

    ck_assert_int_eq(labdir_load(dir, &a, &err), 0);
    ck_assert_str_eq(a->id, "b-hello");
    ck_assert_uint_eq(strlen(a->version), 64);
    ck_assert(strstr(a->solution, "return 'hi'"));
    put(dir, "solution.py", "def hello():\n    return 'hey'\n");
    ck_assert_int_eq(labdir_load(dir, &b, &err), 0);
    ck_assert_str_ne(a->version, b->version);
    labdir_free(a);
    labdir_free(b);
    free(dir);
}
END_TEST

START_TEST(texts_give_the_same_version_as_the_directory)
{
    struct lab_def *a = NULL, *b = NULL;
    struct lab_err err;
    char *dir = make_lab();

    ck_assert_int_eq(labdir_load(dir, &a, &err), 0);
    ck_assert_int_eq(labdir_from_texts(a->ini, a->readme, a->starter, a->solution, a->checks, &b,
                                       &err),
                     0);
    ck_assert_str_eq(a->version, b->version);
    labdir_free(b);
    b = NULL;
    ck_assert_int_lt(labdir_from_texts(a->ini, a->readme, NULL, a->solution, a->checks, &b, &err),
                     0);
    ck_assert(strstr(err.msg, "starter.py: missing"));
    ck_assert_int_lt(labdir_from_texts(a->ini, "bad \xff", a->starter, a->solution, a->checks, &b,
                                       &err),
                     0);
    ck_assert(strstr(err.msg, "README.md: is not UTF-8"));
    ck_assert_ptr_null(b);
    labdir_free(a);
    free(dir);
}
END_TEST

START_TEST(refuses_links_and_missing_files)
{
    struct lab_def *lab = NULL;
    struct lab_err err;
    char *dir = make_lab();
    char path[512];

    snprintf(path, sizeof path, "%s/checks.py", dir);
    unlink(path);
    ck_assert_int_eq(symlink("/etc/shadow", path), 0);
    ck_assert_int_lt(labdir_load(dir, &lab, &err), 0);
    ck_assert_ptr_null(lab);
    ck_assert_msg(strstr(err.msg, "symbolic link"), "%s", err.msg);
    unlink(path);
    ck_assert_int_lt(labdir_load(dir, &lab, &err), 0);
    ck_assert_msg(strstr(err.msg, "checks.py: missing"), "%s", err.msg);
    put(dir, "checks.py", "x = '\xff\xfe'\n");
    ck_assert_int_lt(labdir_load(dir, &lab, &err), 0);
    ck_assert_msg(strstr(err.msg, "not UTF-8"), "%s", err.msg);
    free(dir);
}
END_TEST

static const char spec_lines[] =
    "{\"kind\":\"check_info\",\"name\":\"adds\",\"weight\":2,\"visible\":true,\"timeout_ms\":500}\n"
    "{\"kind\":\"check_info\",\"name\":\"edge\",\"weight\":1,\"visible\":false}\n"
    "{\"kind\":\"check_info\",\"name\":\"big\",\"weight\":1,\"visible\":false}\n";

static size_t specs_for_test(struct check_spec *specs)
{
    struct lab_err err;
    int n = grade_parse_specs(spec_lines, strlen(spec_lines), specs, GRADE_MAX_CHECKS, &err);

    ck_assert_int_eq(n, 3);
    return (size_t)n;
}

static const char *const expected3[] = {"5", "[1,2]", "\"ok\""};

START_TEST(parses_specs)
{
    struct check_spec specs[GRADE_MAX_CHECKS];

    specs_for_test(specs);
    ck_assert_str_eq(specs[0].name, "adds");
    ck_assert_uint_eq(specs[0].weight, 2);
    ck_assert(specs[0].visible);
    ck_assert_uint_eq(specs[0].timeout_ms, 500);
    ck_assert(!specs[1].visible);
    ck_assert_uint_eq(specs[1].timeout_ms, 1000);
}
END_TEST

START_TEST(full_marks_and_partial)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation obs[3];
    struct grade_report rep;
    bool syn;
    char msg[200];
    size_t n = specs_for_test(specs);
    const char *all = "{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\",\"observation\":5}\n"
                      "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"observation\":[1,2]}\n"
                      "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"ok\",\"observation\":\"ok\"}\n"
                      "{\"kind\":\"done\",\"n\":3}\n";
    const char *some = "{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\",\"observation\":6,"
                       "\"stdout_tail\":\"debug 6\\n\"}\n"
                       "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"observation\":[1,2]}\n"
                       "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"exception\","
                       "\"observation\":null,\"error\":\"ZeroDivisionError: division by zero\"}\n";

    grade_collect(all, strlen(all), specs, n, obs, &syn, msg, sizeof msg);
    grade_compare(specs, n, obs, expected3, syn, msg, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_ACCEPTED);
    ck_assert_uint_eq(rep.score, 20);
    grade_report_release(&rep);
    grade_observations_release(obs, n);

    grade_collect(some, strlen(some), specs, n, obs, &syn, msg, sizeof msg);
    grade_compare(specs, n, obs, expected3, syn, msg, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_PARTIAL);
    ck_assert_uint_eq(rep.score, 5); /* weight 1 of 4 */
    ck_assert(!rep.checks[0].passed);
    ck_assert_str_eq(rep.checks[0].observed, "6");
    ck_assert_str_eq(rep.checks[0].expected, "5"); /* visible */
    ck_assert_str_eq(rep.checks[0].output_tail, "debug 6\n");
    ck_assert(rep.checks[1].passed);
    ck_assert_ptr_null(rep.checks[1].expected); /* hidden: never revealed */
    ck_assert(strstr(rep.checks[2].message, "ZeroDivisionError"));
    grade_report_release(&rep);
    grade_observations_release(obs, n);
}
END_TEST

START_TEST(forged_lines_do_not_pass)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation obs[3];
    struct grade_report rep;
    bool syn;
    char msg[200];
    size_t n = specs_for_test(specs);
    /* The real harness line comes first; the student's forgeries after it are ignored,
     * as are lines for names that are not checks and lines that are not JSON. */
    const char *out = "{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\",\"observation\":4}\n"
                      "{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\",\"observation\":5}\n"
                      "{\"kind\":\"check\",\"name\":\"bonus\",\"status\":\"ok\",\"observation\":1}\n"
                      "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"observ\n"
                      "garbage\n";

    grade_collect(out, strlen(out), specs, n, obs, &syn, msg, sizeof msg);
    grade_compare(specs, n, obs, expected3, syn, msg, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_WRONG);
    ck_assert_uint_eq(rep.score, 0);
    ck_assert(strstr(rep.checks[1].message, "did not report"));
    grade_report_release(&rep);
    grade_observations_release(obs, n);
}
END_TEST

START_TEST(syntax_error_and_limits)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation obs[3];
    struct grade_report rep;
    bool syn;
    char msg[200];
    size_t n = specs_for_test(specs);
    const char *se = "{\"kind\":\"syntax_error\",\"type\":\"SyntaxError\","
                     "\"message\":\"invalid syntax\",\"line\":3}\n";
    const char *partial = "{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\",\"observation\":5}\n";

    grade_collect(se, strlen(se), specs, n, obs, &syn, msg, sizeof msg);
    ck_assert(syn);
    grade_compare(specs, n, obs, expected3, syn, msg, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_SYNTAX_ERROR);
    ck_assert(strstr(rep.message, "line 3"));
    ck_assert_uint_eq(rep.score, 0);
    grade_report_release(&rep);
    grade_observations_release(obs, n);

    grade_collect(partial, strlen(partial), specs, n, obs, &syn, msg, sizeof msg);
    grade_compare(specs, n, obs, expected3, syn, msg, GRADE_RUN_MEMORY, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_MEMORY_LIMIT);
    ck_assert(rep.checks[0].passed);
    ck_assert_uint_eq(rep.score, 10);
    ck_assert(strstr(rep.checks[1].message, "memory_limit"));
    grade_report_release(&rep);
    grade_observations_release(obs, n);
}
END_TEST

static const struct {
    const char *lines;
    enum grade_verdict verdict;
} cause_cases[] = {
    {"{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"timeout\"}\n"
     "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"timeout\"}\n"
     "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"timeout\"}\n",
     GRADE_TIME_LIMIT},
    {"{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"import_error\",\"error\":\"MemoryError\"}\n"
     "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"import_error\",\"error\":\"MemoryError\"}\n"
     "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"exception\",\"error\":\"MemoryError\"}\n",
     GRADE_MEMORY_LIMIT},
    {"{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"exception\","
     "\"error\":\"OutputLimitExceeded: more than 64 KB\"}\n"
     "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"exception\","
     "\"error\":\"OutputLimitExceeded: more than 64 KB\"}\n"
     "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"exception\","
     "\"error\":\"OutputLimitExceeded: more than 64 KB\"}\n",
     GRADE_OUTPUT_LIMIT},
    {"{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"import_error\",\"error\":\"NameError: x\"}\n"
     "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"import_error\",\"error\":\"NameError: x\"}\n"
     "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"import_error\",\"error\":\"NameError: x\"}\n",
     GRADE_RUNTIME_ERROR},
    /* Mixed causes, or a passing check, fall back to wrong / partial. */
    {"{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"timeout\"}\n"
     "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"observation\":7}\n"
     "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"timeout\"}\n",
     GRADE_WRONG},
    {"{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"timeout\"}\n"
     "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"observation\":[1,2]}\n"
     "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"timeout\"}\n",
     GRADE_PARTIAL},
};

START_TEST(resource_causes_become_verdicts)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation obs[3];
    struct grade_report rep;
    bool syn;
    char msg[200];
    size_t n = specs_for_test(specs);
    const char *t = cause_cases[_i].lines;

    grade_collect(t, strlen(t), specs, n, obs, &syn, msg, sizeof msg);
    grade_compare(specs, n, obs, expected3, syn, msg, GRADE_RUN_OK, 20, &rep);
    ck_assert_msg(rep.verdict == cause_cases[_i].verdict, "case %d: verdict %s", _i,
                  grade_verdict_name(rep.verdict));
    grade_report_release(&rep);
    grade_observations_release(obs, n);
}
END_TEST

START_TEST(reference_must_be_repeatable)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation r1[3], r2[3];
    struct lab_err err;
    bool syn;
    char msg[200];
    size_t n = specs_for_test(specs);
    const char *a = "{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\",\"observation\":5}\n"
                    "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"observation\":1}\n"
                    "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"ok\",\"observation\":0.5}\n";
    const char *b = "{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\",\"observation\":5}\n"
                    "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"observation\":1}\n"
                    "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"ok\",\"observation\":0.7}\n";

    grade_collect(a, strlen(a), specs, n, r1, &syn, msg, sizeof msg);
    grade_collect(a, strlen(a), specs, n, r2, &syn, msg, sizeof msg);
    ck_assert_int_eq(grade_verify_reference(specs, n, r1, r2, &err), 0);
    grade_observations_release(r2, n);
    grade_collect(b, strlen(b), specs, n, r2, &syn, msg, sizeof msg);
    ck_assert_int_eq(grade_verify_reference(specs, n, r1, r2, &err), LAB_E_PARSE);
    ck_assert(strstr(err.msg, "'big'"));
    grade_observations_release(r1, n);
    grade_observations_release(r2, n);
}
END_TEST

static Suite *grade_suite(void)
{
    Suite *s = suite_create("grade");
    TCase *tc = tcase_create("labdir");

    tcase_add_test(tc, parses_a_good_ini);
    tcase_add_loop_test(tc, rejects_bad_inis, 0, ARRAY_SIZE(bad_inis));
    tcase_add_test(tc, loads_a_lab_and_versions_it);
    tcase_add_test(tc, refuses_links_and_missing_files);
    tcase_add_test(tc, texts_give_the_same_version_as_the_directory);
    suite_add_tcase(s, tc);

    tc = tcase_create("grader");
    tcase_add_test(tc, parses_specs);
    tcase_add_test(tc, full_marks_and_partial);
    tcase_add_test(tc, forged_lines_do_not_pass);
    tcase_add_test(tc, syntax_error_and_limits);
    tcase_add_test(tc, reference_must_be_repeatable);
    tcase_add_loop_test(tc, resource_causes_become_verdicts, 0, ARRAY_SIZE(cause_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(grade_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
