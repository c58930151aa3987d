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

#include "common/json.h"
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

START_TEST(parses_checks_mode_and_student_module)
{
    static const char ut[] = "[lab]\nid = b-leap\ntitle = Leap years\nroadmap = 1.1.1\n"
                             "checks = unittest\nstudent_module = leap_2\n";
    struct lab_def lab;
    struct lab_err err;

    memset(&lab, 0, sizeof lab);
    ck_assert_int_eq(labdir_parse_ini(good_ini, &lab, &err), 0);
    ck_assert_int_eq(lab.checks_mode, LAB_CHECKS_FUNCTIONS); /* the defaults */
    ck_assert_str_eq(lab.student_module, "solution");
    memset(&lab, 0, sizeof lab);
    ck_assert_msg(labdir_parse_ini(ut, &lab, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(lab.checks_mode, LAB_CHECKS_UNITTEST);
    ck_assert_str_eq(lab.student_module, "leap_2");
}
END_TEST

static const struct {
    const char *ini;
    const char *needle;
} bad_inis[] = {
    {"[lab]\ntitle = x\nroadmap = 1.1.1\n", "id is missing"},
    {"[lab]\nid = x\nroadmap = 1.1.1\n", "title is missing"},
    {"[lab]\nid = x\ntitle = t\n", "roadmap must list"},
    {"[lab]\nid = ../etc\ntitle = t\nroadmap = 1.1.1\n", "key 'id': must be 1-64 characters"},
    {"[lab]\nid = x'; DROP TABLE labs;--\ntitle = t\nroadmap = 1.1.1\n", "key 'id': must be 1-64"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1\n", "not a roadmap item ID"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\npoints = 0\n", "from 1 to 1000"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\n[limits]\nmemory_mb = 99999\n", "from 32 to 4096"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\ncolour = red\n",
     "key 'colour': is not a key of [lab]"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\n[limits]\ncpu_ms = 5000\nwall_ms = 1000\n",
     "key 'wall_ms': must be at least cpu_ms"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\n[requires]\nmodules = os;rm\n", "not a module"},
    {"[lab\nid = x\n", "line 1 has a broken section header"},
    {"[lab]\nid x\n", "lab.ini line 2 is not 'key = value'"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\nchecks = doctest\n",
     "must be 'functions' or 'unittest', not 'doctest'"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\nstudent_module = my-leap\n",
     "must be a Python module name like 'leap', not 'my-leap'"},
    {"[lab]\nid = x\ntitle = t\nroadmap = 1.1.1\nstudent_module = 2leap\n",
     "must be a Python module name"},
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

/* A lab in a new folder named after its id, as labdir_load() wants it. */
static char *make_lab(void)
{
    char root[] = "/tmp/labdirXXXXXX", *dir;

    ck_assert_ptr_nonnull(mkdtemp(root));
    dir = malloc(sizeof root + 8);
    ck_assert_ptr_nonnull(dir);
    snprintf(dir, sizeof root + 8, "%s/b-hello", root);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
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
    ck_assert_int_eq(
        labdir_from_texts(a->ini, a->readme, a->starter, a->solution, a->checks, &b, &err), 0);
    ck_assert_str_eq(a->version, b->version);
    labdir_free(b);
    b = NULL;
    ck_assert_int_lt(labdir_from_texts(a->ini, a->readme, NULL, a->solution, a->checks, &b, &err),
                     0);
    ck_assert(strstr(err.msg, "starter.py: missing"));
    ck_assert_int_lt(
        labdir_from_texts(a->ini, "bad \xff", a->starter, a->solution, a->checks, &b, &err), 0);
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

/* ---- the grader: result format v2 ---- */

static const char spec_lines[] =
    "{\"description\":\"add adds two numbers\",\"kind\":\"check_info\",\"name\":\"adds\","
    "\"timeout_ms\":500,\"visible\":true,\"weight\":2}\n"
    "{\"description\":\"edge cases\",\"kind\":\"check_info\",\"name\":\"edge\",\"visible\":false,"
    "\"weight\":1}\n"
    "{\"kind\":\"check_info\",\"name\":\"big\",\"visible\":false,\"weight\":1}\n"
    "{\"kind\":\"done\",\"n\":3}\n";

static size_t specs_for_test(struct check_spec *specs)
{
    struct lab_err err;
    int n = grade_parse_specs(spec_lines, strlen(spec_lines), specs, GRADE_MAX_CHECKS, &err);

    ck_assert_int_eq(n, 3);
    return (size_t)n;
}

/* A case as the harness writes it (keys sorted, no spaces). */
#define CASE(about, call, error, obs, shown, status, where)                                        \
    "{\"about\":\"" about "\",\"call\":\"" call "\",\"error\":\"" error "\",\"observation\":" obs  \
    ",\"shown\":\"" shown "\",\"shown_as\":\"value\",\"status\":\"" status "\",\"where\":\"" where \
    "\"}"
#define OK(call, obs, shown) CASE("", call, "", obs, shown, "ok", "")
/* A check line; @extra is more members, each followed by a comma. */
#define LINE(name, status, extra, cases)                                                           \
    "{\"cases\":[" cases "]," extra "\"error\":\"\",\"hint\":\"\",\"kind\":\"check\",\"ms\":3,"    \
    "\"name\":\"" name "\",\"status\":\"" status "\",\"stderr_tail\":\"\",\"stdout_tail\":\"\","   \
    "\"where\":\"\"}\n"

/* The reference: adds has three cases, edge four (one with its own about), big one. */
/* One harness line per row reads better than what clang-format would make of it. */
/* clang-format off */
static const char ref_lines[] =
    LINE("adds", "ok", "",
         OK("add(1, 2)", "3", "3") "," OK("add(2, 2)", "4", "4") "," OK("add(-1, 1)", "0", "0"))
    LINE("edge", "ok", "",
         OK("edge([])", "[]", "[]") "," CASE("no numbers at all", "edge(None)", "", "null", "None",
                                              "ok", "") ","
         OK("edge([1])", "[1]", "[1]") "," OK("edge([1, 2])", "[1,2]", "[1, 2]"))
    LINE("big", "ok", "", OK("big()", "\"ok\"", "'ok'"))
    "{\"kind\":\"done\",\"n\":3}\n";
/* clang-format on */

/* The stored expected texts made from @lines as verification makes them. */
static void expected_from(const struct check_spec *specs, size_t n, const char *lines,
                          char **expected)
{
    struct observation ref[GRADE_MAX_CHECKS];
    bool syn;
    char msg[200];

    grade_collect(lines, strlen(lines), specs, n, ref, &syn, msg, sizeof msg);
    ck_assert(!syn);
    for (size_t i = 0; i < n; i++) {
        expected[i] = grade_expected_text(&ref[i]);
        ck_assert_ptr_nonnull(expected[i]);
    }
    grade_observations_release(ref, n);
}

static void free_expected(char **expected, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(expected[i]);
}

/* Collect @lines and grade them against @expected for @points. */
static void grade_lines(const struct check_spec *specs, size_t n, const char *lines,
                        char **expected, enum grade_run_end end, uint32_t points,
                        struct grade_report *rep)
{
    struct observation obs[GRADE_MAX_CHECKS];
    bool syn;
    char msg[200];

    grade_collect(lines, strlen(lines), specs, n, obs, &syn, msg, sizeof msg);
    grade_compare(specs, n, obs, (const char *const *)expected, syn, msg, end, points, rep);
    grade_observations_release(obs, n);
}

START_TEST(parses_specs)
{
    struct check_spec specs[GRADE_MAX_CHECKS];

    specs_for_test(specs);
    ck_assert_str_eq(specs[0].name, "adds");
    ck_assert_str_eq(specs[0].description, "add adds two numbers");
    ck_assert_uint_eq(specs[0].weight, 2);
    ck_assert(specs[0].visible);
    ck_assert_uint_eq(specs[0].timeout_ms, 500);
    ck_assert(!specs[1].visible);
    ck_assert_uint_eq(specs[1].timeout_ms, 1000);
    ck_assert_str_eq(specs[2].description, "");
}
END_TEST

START_TEST(builds_the_stored_expected_text)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    char *exp[3];
    size_t n = specs_for_test(specs);

    expected_from(specs, n, ref_lines, exp);
    ck_assert_str_eq(exp[0],
                     "[{\"about\":\"\",\"call\":\"add(1, 2)\",\"observation\":3,\"shown\":\"3\","
                     "\"shown_as\":\"value\"},"
                     "{\"about\":\"\",\"call\":\"add(2, 2)\",\"observation\":4,\"shown\":\"4\","
                     "\"shown_as\":\"value\"},"
                     "{\"about\":\"\",\"call\":\"add(-1, 1)\",\"observation\":0,\"shown\":\"0\","
                     "\"shown_as\":\"value\"}]");
    ck_assert_str_eq(exp[2], "[{\"about\":\"\",\"call\":\"big()\",\"observation\":\"ok\","
                             "\"shown\":\"'ok'\",\"shown_as\":\"value\"}]");
    ck_assert(json_valid(exp[1], strlen(exp[1])));
    free_expected(exp, n);
}
END_TEST

START_TEST(expected_text_is_canonical_ascii)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    char *exp[3];
    size_t n = specs_for_test(specs);
    /* Raw UTF-8 and a short escape in the harness's strings come out as Python writes them. */
    const char *lines =
        "{\"cases\":[{\"about\":\"caf\xc3\xa9\",\"call\":\"greet('\\u00e9')\",\"observation\":"
        "\"\\u00e9\",\"shown\":\"line\\none\",\"shown_as\":\"output\",\"status\":\"ok\"}],"
        "\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\"}\n";

    expected_from(specs, n, lines, exp);
    ck_assert_str_eq(exp[0], "[{\"about\":\"caf\\u00e9\",\"call\":\"greet('\\u00e9')\","
                             "\"observation\":\"\\u00e9\",\"shown\":\"line\\none\","
                             "\"shown_as\":\"output\"}]");
    free_expected(exp, n);
}
END_TEST

START_TEST(cases_pass_and_fail_independently)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    char *exp[3];
    size_t n = specs_for_test(specs);
    /* clang-format off */
    const char *lines =
        LINE("adds", "ok", "",
             OK("add(1, 2)", "3", "3") "," OK("add(2, 2)", "5", "5") "," OK("add(-1, 1)", "0", "0"))
        LINE("edge", "ok", "",
             OK("", "[]", "[]") "," OK("", "null", "None") "," OK("", "[1]", "[1]") ","
             OK("", "[1,2]", "[1, 2]"))
        LINE("big", "ok", "", OK("", "\"ok\"", "'ok'"));
    /* clang-format on */

    expected_from(specs, n, ref_lines, exp);
    grade_lines(specs, n, lines, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_PARTIAL);
    ck_assert_uint_eq(rep.n_cases, 8);
    ck_assert_uint_eq(rep.n_cases_passed, 7);
    ck_assert(!rep.checks[0].passed);
    ck_assert_uint_eq(rep.checks[0].n_cases, 3);
    ck_assert_uint_eq(rep.checks[0].n_passed, 2);
    ck_assert(rep.checks[0].cases[0].passed);
    ck_assert(!rep.checks[0].cases[1].passed);
    ck_assert(rep.checks[0].cases[2].passed);
    /* The failed visible case shows the reference's call and value and the student's. */
    ck_assert_str_eq(rep.checks[0].cases[1].call, "add(2, 2)");
    ck_assert_str_eq(rep.checks[0].cases[1].expected, "4");
    ck_assert_str_eq(rep.checks[0].cases[1].got, "5");
    ck_assert_str_eq(rep.checks[0].cases[1].about, "");
    ck_assert_ptr_null(rep.checks[0].cases[1].error);
    ck_assert_str_eq(rep.checks[0].description, "add adds two numbers");
    ck_assert_str_eq(rep.checks[0].observed, "5"); /* the first failed case */
    ck_assert_str_eq(rep.checks[0].expected, "4");
    ck_assert_str_eq(rep.checks[0].message, "2 of 3 cases passed");
    ck_assert(rep.checks[1].passed && rep.checks[2].passed);
    /* adds contributes 2 * 2/3 of 4 total weight: 20 * (4/3 + 1 + 1) / 4 = 16.67 */
    ck_assert_uint_eq(rep.score, 17);
    ck_assert(strstr(rep.message, "2 of 3 checks passed (7 of 8 cases)"));
    grade_report_release(&rep);
    free_expected(exp, n);
}
END_TEST

static const char w_specs[] =
    "{\"kind\":\"check_info\",\"name\":\"w1\",\"visible\":true,\"weight\":1}\n"
    "{\"kind\":\"check_info\",\"name\":\"w2\",\"visible\":true,\"weight\":2}\n";
static const char w_ref[] = LINE(
    "w1", "ok", "", OK("", "1", "1") "," OK("", "2", "2") "," OK("", "3", "3") "," OK("", "4", "4"))
    LINE("w2", "ok", "", OK("", "1", "1") "," OK("", "2", "2"));

static const struct {
    unsigned w1, w2; /* cases right out of 4 and 2 */
    uint32_t points, score;
    enum grade_verdict verdict;
} score_cases[] = {
    {3, 0, 12, 3, GRADE_PARTIAL},   /* 12 * 0.75 / 3 */
    {3, 2, 12, 11, GRADE_PARTIAL},  /* 12 * (0.75 + 2) / 3 */
    {3, 1, 10, 6, GRADE_PARTIAL},   /* 10 * 1.75 / 3 = 5.83 */
    {1, 0, 6, 1, GRADE_PARTIAL},    /* 6 * 0.25 / 3 = 0.5: half rounds up */
    {2, 1, 3, 2, GRADE_PARTIAL},    /* 3 * 1.5 / 3 = 1.5 */
    {1, 0, 2, 0, GRADE_PARTIAL},    /* 0.17: a case passed, still 0 points */
    {0, 1, 100, 33, GRADE_PARTIAL}, /* 100 * 1 / 3 */
    {4, 2, 7, 7, GRADE_ACCEPTED},   {0, 0, 7, 0, GRADE_WRONG},
};

START_TEST(partial_scores_are_exact)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    struct lab_err err;
    char *exp[2], lines[2048];
    static const char *const right[] = {"1", "2", "3", "4"};
    int n = grade_parse_specs(w_specs, strlen(w_specs), specs, GRADE_MAX_CHECKS, &err);
    size_t o = 0;

    ck_assert_int_eq(n, 2);
    expected_from(specs, 2, w_ref, exp);
    /* The first k cases right, the others wrong. */
    for (unsigned c = 0; c < 2; c++) {
        unsigned total = c ? 2 : 4, k = c ? score_cases[_i].w2 : score_cases[_i].w1;

        o += (size_t)snprintf(lines + o, sizeof lines - o, "{\"cases\":[");
        for (unsigned j = 0; j < total; j++)
            o += (size_t)snprintf(lines + o, sizeof lines - o,
                                  "%s{\"observation\":%s,\"status\":\"ok\"}", j ? "," : "",
                                  j < k ? right[j] : "0");
        o += (size_t)snprintf(lines + o, sizeof lines - o,
                              "],\"kind\":\"check\",\"name\":\"w%u\",\"status\":\"ok\"}\n", c + 1);
    }
    grade_lines(specs, 2, lines, exp, GRADE_RUN_OK, score_cases[_i].points, &rep);
    ck_assert_msg(rep.score == score_cases[_i].score, "case %d: score %u", _i, rep.score);
    ck_assert_msg(rep.verdict == score_cases[_i].verdict, "case %d: verdict %s", _i,
                  grade_verdict_name(rep.verdict));
    ck_assert_uint_eq(rep.checks[0].n_passed, score_cases[_i].w1);
    ck_assert_uint_eq(rep.checks[1].n_passed, score_cases[_i].w2);
    grade_report_release(&rep);
    free_expected(exp, 2);
}
END_TEST

/* 21 checks with different prime case counts: no 64-bit common denominator. */
START_TEST(scores_with_many_case_counts)
{
    static const unsigned primes[] = {101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151,
                                      157, 163, 167, 173, 179, 181, 191, 193, 197, 199};
    struct check_spec specs[GRADE_MAX_CHECKS];
    char *exp[GRADE_MAX_CHECKS], *lines;
    struct grade_report rep;
    size_t n = ARRAY_SIZE(primes), cap = 1 << 20, o = 0;

    lines = malloc(cap);
    ck_assert_ptr_nonnull(lines);
    memset(specs, 0, sizeof specs);
    for (size_t i = 0; i < n; i++) {
        snprintf(specs[i].name, sizeof specs[i].name, "c%zu", i);
        specs[i].weight = 1;
        specs[i].visible = true;
        o += (size_t)snprintf(lines + o, cap - o, "{\"cases\":[");
        for (unsigned j = 0; j < primes[i]; j++)
            o += (size_t)snprintf(lines + o, cap - o, "%s{\"observation\":%u,\"status\":\"ok\"}",
                                  j ? "," : "", j);
        o += (size_t)snprintf(lines + o, cap - o,
                              "],\"kind\":\"check\",\"name\":\"c%zu\",\"status\":\"ok\"}\n", i);
    }
    expected_from(specs, n, lines, exp);
    grade_lines(specs, n, lines, exp, GRADE_RUN_OK, 9, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_ACCEPTED);
    ck_assert_uint_eq(rep.score, 9);
    ck_assert_uint_eq(rep.checks[20].n_cases, 199);
    grade_report_release(&rep);
    free_expected(exp, n);
    free(lines);
}
END_TEST

START_TEST(a_case_that_raised_says_so_in_the_check_message)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    char *exp[3];
    size_t n = specs_for_test(specs);
    /* big's one case raised; a wrong value elsewhere keeps the "wrong result" words. */
    const char *lines = LINE("adds", "ok", "", OK("add(1, 2)", "3", "3"))
        LINE("big", "ok", "",
             CASE("", "big()", "ValueError: no", "{\"$raised\":\"ValueError\"}", "ValueError", "ok",
                  "line 2, in big: raise ValueError('no')"));

    expected_from(specs, n, ref_lines, exp);
    grade_lines(specs, n, lines, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert(!rep.checks[2].passed);
    ck_assert_str_eq(rep.checks[2].message,
                     "your code stopped with an error: fix the line shown above");
    grade_report_release(&rep);
    lines = LINE("big", "ok", "", OK("big()", "\"no\"", "'no'"));
    grade_lines(specs, n, lines, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert(strstr(rep.checks[2].message, "wrong result"));
    grade_report_release(&rep);
    free_expected(exp, n);
}
END_TEST

START_TEST(hidden_checks_never_expose_call_expected_or_got)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    char *exp[3];
    size_t n = specs_for_test(specs);
    /* The student's line carries calls and shown values for hidden checks: never passed on. */
    const char *lines = LINE("adds", "ok", "", OK("add(1, 2)", "3", "3"))
        LINE("edge", "ok", "",
             OK("edge([])", "[0]", "[0]") "," OK("edge(None)", "null", "None") "," CASE(
                 "", "edge([1])", "TypeError: bad operand", "{\"$raised\":\"TypeError\"}",
                 "TypeError", "ok", "line 4, in edge: return x + 1"))
            LINE("big", "ok", "", OK("big()", "\"no\"", "'no'"));

    expected_from(specs, n, ref_lines, exp);
    grade_lines(specs, n, lines, exp, GRADE_RUN_OK, 20, &rep);
    for (size_t i = 1; i < 3; i++) {
        const struct check_outcome *c = &rep.checks[i];

        ck_assert(!c->visible);
        ck_assert_ptr_null(c->observed);
        ck_assert_ptr_null(c->expected);
        ck_assert_ptr_nonnull(c->cases);
        for (size_t j = 0; j < c->n_cases; j++) {
            ck_assert_ptr_null(c->cases[j].call);
            ck_assert_ptr_null(c->cases[j].expected);
            ck_assert_ptr_null(c->cases[j].got);
            ck_assert_ptr_nonnull(c->cases[j].about);
        }
    }
    /* The reference's count of cases, whatever the student's line held. */
    ck_assert_uint_eq(rep.checks[1].n_cases, 4);
    ck_assert_uint_eq(rep.checks[1].n_passed, 1);
    ck_assert_str_eq(rep.checks[1].cases[0].about, "edge cases (case 1 of 4)");
    ck_assert_str_eq(rep.checks[1].cases[1].about, "no numbers at all");
    ck_assert_str_eq(rep.checks[2].cases[0].about, "big (case 1 of 1)");
    /* Errors and where are shown for hidden cases too. */
    ck_assert_str_eq(rep.checks[1].cases[2].error, "TypeError: bad operand");
    ck_assert_str_eq(rep.checks[1].cases[2].where, "line 4, in edge: return x + 1");
    ck_assert_ptr_null(rep.checks[1].cases[3].error); /* missing: no error of its own */
    ck_assert(strstr(rep.checks[1].message, "1 of 4 cases passed"));
    grade_report_release(&rep);
    free_expected(exp, n);
}
END_TEST

START_TEST(old_expected_is_read_as_one_case)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    size_t n = specs_for_test(specs);
    /* Texts stored before format v2: bare observations (an empty list and a list of
     * objects with an "observation" key included). */
    char *exp[3] = {"3", "[]", "[{\"observation\":1}]"};
    const char *v2 = LINE("adds", "ok", "", OK("add(1, 2)", "3", "3") "," OK("x", "9", "9"))
        LINE("edge", "ok", "", OK("", "[]", "[]"))
            LINE("big", "ok", "", OK("", "[{\"observation\":1}]", "..."));
    /* A format v1 line (one observation per check) still reads as one case. */
    const char *v1 = "{\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\",\"observation\":3}\n"
                     "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"observation\":[]}\n"
                     "{\"kind\":\"check\",\"name\":\"big\",\"status\":\"ok\",\"observation\":7}\n";

    grade_lines(specs, n, v2, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_ACCEPTED);
    ck_assert_uint_eq(rep.score, 20);
    for (size_t i = 0; i < 3; i++)
        ck_assert_uint_eq(rep.checks[i].n_cases, 1);
    /* No call or shown value was stored: nothing to show but the observation. */
    ck_assert_ptr_null(rep.checks[0].cases[0].call);
    ck_assert_ptr_null(rep.checks[0].cases[0].expected);
    ck_assert_str_eq(rep.checks[0].cases[0].got, "3");
    ck_assert_str_eq(rep.checks[0].expected, "3");
    grade_report_release(&rep);

    grade_lines(specs, n, v1, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_PARTIAL);
    ck_assert(rep.checks[0].passed && rep.checks[1].passed && !rep.checks[2].passed);
    ck_assert_uint_eq(rep.score, 15);
    grade_report_release(&rep);
}
END_TEST

START_TEST(forged_lines_do_not_pass)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    char *exp[3];
    size_t n = specs_for_test(specs);
    /* The real harness line comes first; the student's forgeries after it are ignored,
     * as are lines for names that are not checks and lines that are not JSON. */
    const char *lines = LINE("adds", "ok", "",
                             OK("", "0", "0") "," OK("", "0", "0") "," OK("", "0", "0"))
        LINE("adds", "ok", "", OK("", "3", "3") "," OK("", "4", "4") "," OK("", "0", "0")) LINE(
            "bonus", "ok", "",
            OK("", "1",
               "1")) "{\"cases\":[{\"observation\":\"ok\",\"status\":\"ok\"}],\"kind\":\"check\","
                     "\"name\":\"big\n"
                     "garbage\n"
                     "{\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\",\"cases\":[{"
                     "\"observation\":[],"
                     "\"status\":\"ok\"},{\"status\":\"ok\",\"observation\":null},{\"observation\":"
                     "[1],"
                     "\"status\":\"ok\"},{\"observation\":[1,2],\"status\":\"ok\"}]}\n" LINE(
                         "edge", "ok", "", OK("", "[]", "[]") "," OK("", "1", "1"));

    expected_from(specs, n, ref_lines, exp);
    grade_lines(specs, n, lines, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_PARTIAL);
    ck_assert_uint_eq(rep.checks[0].n_passed, 1); /* only add(-1, 1) -> 0 of the first line */
    ck_assert(rep.checks[1].passed);              /* the first edge line, keys in any order */
    ck_assert(strstr(rep.checks[2].message, "did not report"));
    ck_assert_uint_eq(rep.checks[2].n_cases, 1);
    ck_assert(!rep.checks[2].cases[0].passed);
    grade_report_release(&rep);
    free_expected(exp, n);
}
END_TEST

START_TEST(malformed_cases_fail_in_their_place)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    char *exp[3];
    size_t n = specs_for_test(specs);
    const char *lines =
        /* Not an object; minimal but valid (a raw invalid byte in its error); unknown
         * status; an extra case (ignored). */
        "{\"cases\":[5,{\"error\":\"x\xffy\",\"observation\":4,\"status\":\"ok\"},"
        "{\"observation\":0,\"status\":"
        "\"fine\"},{\"observation\":9,\"status\":\"ok\"}],\"kind\":\"check\",\"name\":\"adds\","
        "\"status\":\"ok\"}\n"
        /* cases is not an array. */
        "{\"cases\":\"[]\",\"kind\":\"check\",\"name\":\"edge\",\"status\":\"ok\"}\n"
        /* An ok case without an observation. */
        "{\"cases\":[{\"status\":\"ok\",\"shown\":\"'ok'\"}],\"kind\":\"check\",\"name\":\"big\","
        "\"status\":\"ok\"}\n";

    expected_from(specs, n, ref_lines, exp);
    grade_lines(specs, n, lines, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert_uint_eq(rep.checks[0].n_cases, 3);
    ck_assert(!rep.checks[0].cases[0].passed);
    ck_assert(rep.checks[0].cases[1].passed);
    ck_assert_str_eq(rep.checks[0].cases[1].got, "");      /* no shown value given */
    ck_assert_str_eq(rep.checks[0].cases[1].error, "x?y"); /* text for the database */
    ck_assert(!rep.checks[0].cases[2].passed);
    ck_assert_ptr_null(rep.checks[0].cases[2].got);
    ck_assert_uint_eq(rep.checks[1].n_passed, 0);
    ck_assert_uint_eq(rep.checks[1].n_cases, 4);
    ck_assert_uint_eq(rep.checks[2].n_passed, 0);
    ck_assert_int_eq(rep.verdict, GRADE_PARTIAL);
    grade_report_release(&rep);
    free_expected(exp, n);
}
END_TEST

START_TEST(case_counts_and_sizes_are_capped)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation obs[3];
    size_t n = specs_for_test(specs), cap = 2 * GRADE_OBS_MAX, o = 0;
    char *lines = malloc(cap), msg[200];
    bool syn;

    ck_assert_ptr_nonnull(lines);
    o += (size_t)snprintf(lines + o, cap - o, "{\"cases\":[");
    for (int j = 0; j < GRADE_MAX_CASES + 50; j++)
        o += (size_t)snprintf(lines + o, cap - o, "%s{\"observation\":%d,\"status\":\"ok\"}",
                              j ? "," : "", j);
    o += (size_t)snprintf(lines + o, cap - o,
                          "],\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\"}\n"
                          "{\"cases\":[{\"status\":\"ok\",\"observation\":\"");
    memset(lines + o, 'a', GRADE_OBS_MAX);
    o += GRADE_OBS_MAX;
    o += (size_t)snprintf(lines + o, cap - o,
                          "\"}],\"kind\":\"check\",\"name\":\"big\",\"status\":\"ok\"}\n");
    grade_collect(lines, o, specs, n, obs, &syn, msg, sizeof msg);
    ck_assert_uint_eq(obs[0].n_cases, GRADE_MAX_CASES);
    ck_assert(obs[0].too_many_cases);
    ck_assert_str_eq(obs[0].cases[GRADE_MAX_CASES - 1].observation, "199");
    ck_assert_uint_eq(obs[2].n_cases, 1);
    ck_assert_ptr_null(obs[2].cases[0].observation); /* over GRADE_OBS_MAX: malformed */
    ck_assert_str_eq(obs[2].cases[0].status, "");
    grade_observations_release(obs, n);
    free(lines);
}
END_TEST

START_TEST(a_check_that_stops_fails_its_missing_cases)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    char *exp[3];
    size_t n = specs_for_test(specs);
    const char *lines =
        "{\"cases\":[],\"error\":\"NameError: name 'x' is not defined\",\"kind\":\"check\","
        "\"name\":\"adds\",\"status\":\"exception\",\"where\":\"line 2, in add: return x\"}\n" LINE(
            "edge", "ok", "",
            OK("", "[]", "[]") "," OK("", "null", "None") "," OK("", "[1]", "[1]") "," OK(
                "", "[1,2]", "[1, 2]")) LINE("big", "ok", "", OK("", "\"ok\"", "'ok'"));

    expected_from(specs, n, ref_lines, exp);
    grade_lines(specs, n, lines, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert_uint_eq(rep.checks[0].n_cases, 3);
    ck_assert_uint_eq(rep.checks[0].n_passed, 0);
    ck_assert_str_eq(rep.checks[0].cases[0].error, "NameError: name 'x' is not defined");
    ck_assert_str_eq(rep.checks[0].cases[0].where, "line 2, in add: return x");
    ck_assert_ptr_null(rep.checks[0].cases[1].error); /* told once */
    ck_assert_str_eq(rep.checks[0].cases[1].call, "add(2, 2)");
    ck_assert_ptr_null(rep.checks[0].cases[1].got);
    ck_assert(strstr(rep.checks[0].message, "raised NameError"));
    ck_assert_uint_eq(rep.score, 10); /* weights 1 + 1 of 4 */
    ck_assert_int_eq(rep.verdict, GRADE_PARTIAL);
    grade_report_release(&rep);
    free_expected(exp, n);
}
END_TEST

START_TEST(syntax_error_and_limits)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    char *exp[3];
    size_t n = specs_for_test(specs);
    const char *se = "{\"kind\":\"syntax_error\",\"type\":\"SyntaxError\","
                     "\"message\":\"invalid syntax\",\"line\":3}\n";
    const char *partial =
        LINE("adds", "ok", "", OK("", "3", "3") "," OK("", "4", "4") "," OK("", "0", "0"));

    expected_from(specs, n, ref_lines, exp);
    grade_lines(specs, n, se, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_SYNTAX_ERROR);
    ck_assert(strstr(rep.message, "line 3"));
    ck_assert_uint_eq(rep.score, 0);
    ck_assert_uint_eq(rep.checks[1].n_cases, 4); /* every case listed, none passed */
    ck_assert(!rep.checks[1].cases[0].passed);
    grade_report_release(&rep);

    grade_lines(specs, n, partial, exp, GRADE_RUN_MEMORY, 20, &rep);
    ck_assert_int_eq(rep.verdict, GRADE_MEMORY_LIMIT);
    ck_assert(rep.checks[0].passed);
    ck_assert_uint_eq(rep.score, 10);
    ck_assert(strstr(rep.checks[1].message, "memory_limit"));
    grade_report_release(&rep);
    free_expected(exp, n);
}
END_TEST

#define STOPPED(name, status, error)                                                               \
    "{\"cases\":[],\"error\":\"" error "\",\"kind\":\"check\",\"name\":\"" name                    \
    "\",\"status\":\"" status "\"}\n"
#define TIMEOUT_CASE CASE("", "", "", "null", "", "timeout", "")

static const struct {
    const char *lines;
    enum grade_verdict verdict;
} cause_cases[] = {
    {STOPPED("adds", "timeout", "") STOPPED("edge", "timeout", "") STOPPED("big", "timeout", ""),
     GRADE_TIME_LIMIT},
    /* Every case timed out inside checks that ended ok: still the time limit. */
    {LINE("adds", "ok", "", TIMEOUT_CASE "," TIMEOUT_CASE "," TIMEOUT_CASE)
         LINE("edge", "ok", "", TIMEOUT_CASE "," TIMEOUT_CASE "," TIMEOUT_CASE "," TIMEOUT_CASE)
             STOPPED("big", "timeout", ""),
     GRADE_TIME_LIMIT},
    {STOPPED("adds", "import_error", "MemoryError") STOPPED("edge", "import_error", "MemoryError")
         STOPPED("big", "exception", "MemoryError"),
     GRADE_MEMORY_LIMIT},
    {STOPPED("adds", "exception", "OutputLimitExceeded: more than 64 KB")
         STOPPED("edge", "exception", "OutputLimitExceeded: more than 64 KB")
             STOPPED("big", "exception", "OutputLimitExceeded: more than 64 KB"),
     GRADE_OUTPUT_LIMIT},
    {STOPPED("adds", "import_error", "NameError: x") STOPPED("edge", "import_error", "NameError: x")
         STOPPED("big", "import_error", "NameError: x"),
     GRADE_RUNTIME_ERROR},
    /* Mixed causes, or a passing case, fall back to wrong / partial. */
    {STOPPED("adds", "timeout", "") LINE("edge", "ok", "", OK("", "7", "7"))
         STOPPED("big", "timeout", ""),
     GRADE_WRONG},
    {STOPPED("adds", "timeout", "") LINE("edge", "ok", "", OK("", "[]", "[]"))
         STOPPED("big", "timeout", ""),
     GRADE_PARTIAL},
    {LINE("adds", "ok", "", TIMEOUT_CASE "," OK("", "4", "4")) STOPPED("edge", "timeout", "")
         STOPPED("big", "timeout", ""),
     GRADE_PARTIAL},
};

START_TEST(resource_causes_become_verdicts)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    char *exp[3];
    size_t n = specs_for_test(specs);

    expected_from(specs, n, ref_lines, exp);
    grade_lines(specs, n, cause_cases[_i].lines, exp, GRADE_RUN_OK, 20, &rep);
    ck_assert_msg(rep.verdict == cause_cases[_i].verdict, "case %d: verdict %s", _i,
                  grade_verdict_name(rep.verdict));
    if (rep.verdict == GRADE_RUNTIME_ERROR)
        ck_assert(strstr(rep.message, "NameError: x"));
    grade_report_release(&rep);
    free_expected(exp, n);
}
END_TEST

/* Verify two reference runs given as lines; returns the code and fills @err. */
static int verify_runs(const char *a, const char *b, struct lab_err *err)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation r1[3], r2[3];
    size_t n = specs_for_test(specs);
    bool syn;
    char msg[200];
    int rc;

    grade_collect(a, strlen(a), specs, n, r1, &syn, msg, sizeof msg);
    grade_collect(b, strlen(b), specs, n, r2, &syn, msg, sizeof msg);
    rc = grade_verify_reference(specs, n, r1, r2, err);
    grade_observations_release(r1, n);
    grade_observations_release(r2, n);
    return rc;
}

#define EDGE_BIG                                                                                   \
    LINE("edge", "ok", "", OK("", "1", "1")) LINE("big", "ok", "", OK("", "0.5", "0.5"))

static const struct {
    const char *run2;
    const char *needle;
} verify_cases[] = {
    {LINE("adds", "ok", "", OK("", "3", "3") "," OK("", "4", "4")) EDGE_BIG,
     "check 'adds': the reference gave 3 cases on one run and 2 on another"},
    {LINE("adds", "ok", "", OK("", "3", "3") "," OK("", "5", "5") "," OK("", "0", "0")) EDGE_BIG,
     "check 'adds', case 2: the reference gave different observations on two runs"},
    {LINE("adds", "ok", "",
          OK("", "3", "3") "," OK("", "4", "4") "," CASE(
              "", "", "ZeroDivisionError: division by zero", "null", "", "exception",
              "line 3, in add: return a / b")) EDGE_BIG,
     "check 'adds', case 3: the reference failed (exception: ZeroDivisionError: division by "
     "zero at line 3, in add: return a / b)"},
    {LINE("adds", "ok", "",
          OK("", "3", "3") ","
                           "{\"status\":\"ok\"}"
                           "," OK("", "0", "0")) EDGE_BIG,
     "check 'adds', case 2: the reference failed (malformed case"},
    {LINE("adds", "ok", "", ) EDGE_BIG, "check 'adds': the reference reported no cases"},
    {STOPPED("adds", "exception", "ValueError: no") EDGE_BIG,
     "check 'adds': the reference failed (exception: ValueError: no)"},
    {LINE("adds", "ok", "", OK("", "3", "3") "," OK("", "4", "4") "," OK("", "0", "0")),
     "check 'edge': the reference did not report a result"},
};

START_TEST(reference_must_be_repeatable_case_by_case)
{
    const char *run1 =
        LINE("adds", "ok", "", OK("", "3", "3") "," OK("", "4", "4") "," OK("", "0", "0")) EDGE_BIG;
    struct lab_err err;

    ck_assert_int_eq(verify_runs(run1, run1, &err), 0);
    ck_assert_int_eq(verify_runs(run1, verify_cases[_i].run2, &err), LAB_E_PARSE);
    ck_assert_msg(strstr(err.msg, verify_cases[_i].needle), "case %d: '%s' lacks '%s'", _i, err.msg,
                  verify_cases[_i].needle);
}
END_TEST

START_TEST(reference_with_too_many_cases_is_refused)
{
    char *lines = malloc(64 * 1024);
    size_t o = 0;
    struct lab_err err;

    ck_assert_ptr_nonnull(lines);
    o += (size_t)snprintf(lines + o, 64 * 1024 - o, "{\"cases\":[");
    for (int j = 0; j <= GRADE_MAX_CASES; j++)
        o += (size_t)snprintf(lines + o, 64 * 1024 - o, "%s{\"observation\":1,\"status\":\"ok\"}",
                              j ? "," : "");
    snprintf(lines + o, 64 * 1024 - o,
             "],\"kind\":\"check\",\"name\":\"adds\",\"status\":\"ok\"}\n" EDGE_BIG);
    ck_assert_int_eq(verify_runs(lines, lines, &err), LAB_E_PARSE);
    ck_assert_msg(strstr(err.msg, "check 'adds' has more than 200 cases"), "%s", err.msg);
    free(lines);
}
END_TEST

static Suite *grade_suite(void)
{
    Suite *s = suite_create("grade");
    TCase *tc = tcase_create("labdir");

    tcase_add_test(tc, parses_a_good_ini);
    tcase_add_test(tc, parses_checks_mode_and_student_module);
    tcase_add_loop_test(tc, rejects_bad_inis, 0, ARRAY_SIZE(bad_inis));
    tcase_add_test(tc, loads_a_lab_and_versions_it);
    tcase_add_test(tc, refuses_links_and_missing_files);
    tcase_add_test(tc, texts_give_the_same_version_as_the_directory);
    suite_add_tcase(s, tc);

    tc = tcase_create("grader");
    tcase_add_test(tc, parses_specs);
    tcase_add_test(tc, builds_the_stored_expected_text);
    tcase_add_test(tc, expected_text_is_canonical_ascii);
    tcase_add_test(tc, cases_pass_and_fail_independently);
    tcase_add_loop_test(tc, partial_scores_are_exact, 0, ARRAY_SIZE(score_cases));
    tcase_add_test(tc, scores_with_many_case_counts);
    tcase_add_test(tc, hidden_checks_never_expose_call_expected_or_got);
    tcase_add_test(tc, a_case_that_raised_says_so_in_the_check_message);
    tcase_add_test(tc, old_expected_is_read_as_one_case);
    tcase_add_test(tc, forged_lines_do_not_pass);
    tcase_add_test(tc, malformed_cases_fail_in_their_place);
    tcase_add_test(tc, case_counts_and_sizes_are_capped);
    tcase_add_test(tc, a_check_that_stops_fails_its_missing_cases);
    tcase_add_test(tc, syntax_error_and_limits);
    tcase_add_loop_test(tc, resource_causes_become_verdicts, 0, ARRAY_SIZE(cause_cases));
    tcase_add_loop_test(tc, reference_must_be_repeatable_case_by_case, 0, ARRAY_SIZE(verify_cases));
    tcase_add_test(tc, reference_with_too_many_cases_is_refused);
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
