/*
 * test_client_grade.c — how a result reads: golden text for a partial
 * result (visible and hidden failures, a hostile output tail), a syntax
 * error, a result still in the queue; the JSON form; relative and short
 * times; the progress line.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client/grade.h"
#include "common/str.h"

#define BYTES(s)                                                                                   \
    {                                                                                              \
        sizeof(s) - 1, (uint8_t *)(s)                                                              \
    }

static char *render(const Lab__V1__GradeResult *r, bool color, bool utf8)
{
    struct grade_view v = {.color = color, .utf8 = utf8, .prog = "labclient "};
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);

    ck_assert_ptr_nonnull(m);
    grade_print_result(m, r, &v);
    ck_assert_int_eq(fclose(m), 0);
    return text;
}

/* A partial result: one pass, one visible failure with output, one hidden failure. */
struct partial {
    Lab__V1__CheckResult c[3];
    Lab__V1__CheckResult *cp[3];
    Lab__V1__GradeResult r;
};

static void make_partial(struct partial *p)
{
    static const Lab__V1__CheckResult init = LAB__V1__CHECK_RESULT__INIT;
    static const Lab__V1__GradeResult rinit = LAB__V1__GRADE_RESULT__INIT;

    for (int i = 0; i < 3; i++) {
        p->c[i] = init;
        p->cp[i] = &p->c[i];
    }
    p->c[0].name = (char *)"greets_alice";
    p->c[0].passed = true;
    p->c[0].visible = true;
    p->c[0].weight = 3;
    p->c[0].observed = (ProtobufCBinaryData)BYTES("\"Hello, Alice!\"");
    p->c[0].expected = (ProtobufCBinaryData)BYTES("\"Hello, Alice!\"");

    p->c[1].name = (char *)"greets_bob";
    p->c[1].visible = true;
    p->c[1].weight = 4;
    p->c[1].observed = (ProtobufCBinaryData)BYTES("\"Hello, bob\"");
    p->c[1].expected = (ProtobufCBinaryData)BYTES("\"Hello, Bob!\"");
    p->c[1].message = (ProtobufCBinaryData)BYTES("the greeting is not the same");
    /* a terminal escape, a bell and a Windows line end in the program's output */
    p->c[1].output_tail =
        (ProtobufCBinaryData)BYTES("debug 1\r\n\x1b[2J\x1b]0;pwned\x07gotcha\nlast line\n");

    p->c[2].name = (char *)"hidden_edge";
    p->c[2].visible = false;
    p->c[2].weight = 1;
    p->c[2].observed = (ProtobufCBinaryData)BYTES("null");
    p->c[2].expected = (ProtobufCBinaryData)BYTES("\"secret\""); /* must never be shown */

    p->r = rinit;
    p->r.submission_id = 42;
    p->r.lab_id = (char *)"hello";
    p->r.verdict = LAB__V1__VERDICT__PARTIAL;
    p->r.state = LAB__V1__SUBMISSION_STATE__GRADED;
    p->r.score = 3;
    p->r.max_score = 8;
    p->r.n_checks = 3;
    p->r.checks = p->cp;
}

static const char partial_golden[] =
    "Submission #42 for hello: Partly right\n"
    "  PASS  greets_alice  3 pts\n"
    "  FAIL  greets_bob    4 pts\n"
    "        why:      the greeting is not the same\n"
    "        you gave: \"Hello, bob\"\n"
    "        expected: \"Hello, Bob!\"\n"
    "        output (last lines):\n"
    "          | debug 1\n"
    "          | ?[2J?]0;pwned?gotcha\n"
    "          | last line\n"
    "  FAIL  hidden_edge   1 pt  (hidden check)\n"
    "        you gave: null\n"
    "        expected: (a hidden check: the answer is not shown)\n"
    "Score: 3/8 - 1 of 3 checks passed\n"
    "Some checks passed. Look at the failed ones above, fix your program and submit again.\n"
    "When it is fixed: labclient submit hello\n";

START_TEST(partial_result_golden)
{
    struct partial p;
    char *text;

    make_partial(&p);
    text = render(&p.r, false, false);
    ck_assert_str_eq(text, partial_golden);
    ck_assert_ptr_null(strstr(text, "secret"));
    ck_assert_ptr_null(strchr(text, '\x1b'));
    ck_assert_ptr_null(strchr(text, '\x07'));
    ck_assert_ptr_null(strchr(text, '\r'));
    free(text);
}
END_TEST

START_TEST(colour_and_utf8_only_when_asked)
{
    struct partial p;
    char *text;

    make_partial(&p);
    text = render(&p.r, true, true);
    ck_assert_ptr_nonnull(strstr(text, "\x1b[32mPASS\x1b[0m"));
    ck_assert_ptr_nonnull(strstr(text, "\x1b[1;31mFAIL\x1b[0m"));
    ck_assert_ptr_nonnull(strstr(text, "Score: 3/8 \xe2\x80\x94 1 of 3 checks passed"));
    /* the only escapes are ours: the output tail's ESC is still neutralised */
    ck_assert_ptr_null(strstr(text, "\x1b[2J"));
    ck_assert_ptr_null(strstr(text, "secret"));
    free(text);
}
END_TEST

START_TEST(syntax_error_golden)
{
    Lab__V1__GradeResult r = LAB__V1__GRADE_RESULT__INIT;
    char *text;

    r.submission_id = 7;
    r.lab_id = (char *)"loops-1";
    r.verdict = LAB__V1__VERDICT__SYNTAX_ERROR;
    r.state = LAB__V1__SUBMISSION_STATE__GRADED;
    r.max_score = 10;
    r.message = (ProtobufCBinaryData)BYTES("line 3: invalid syntax\n    for i in range(3)\n");
    text = render(&r, false, true);
    ck_assert_str_eq(text, "Submission #7 for loops-1: Syntax error\n"
                           "Message from the grader:\n"
                           "  | line 3: invalid syntax\n"
                           "  |     for i in range(3)\n"
                           "Score: 0/10\n"
                           "Python could not read your program: something is written the wrong "
                           "way. The message above says which line; look there and just before "
                           "it.\n"
                           "When it is fixed: labclient submit loops-1\n");
    free(text);
}
END_TEST

START_TEST(long_output_is_capped)
{
    struct partial p;
    char tail[64 * 1024], *text;
    size_t o = 0;
    size_t lines = 0;

    make_partial(&p);
    for (int i = 0; i < 100; i++)
        o += (size_t)snprintf(tail + o, sizeof tail - o, "line %d\n", i);
    memset(tail + o, 'x', 1000); /* one very long last line */
    o += 1000;
    tail[o] = '\0';
    p.c[1].output_tail.data = (uint8_t *)tail;
    p.c[1].output_tail.len = o;
    text = render(&p.r, false, false);
    for (const char *s = text; (s = strstr(s, "  | ")); s++)
        lines++;
    ck_assert_uint_eq(lines, GRADE_TAIL_LINES);
    ck_assert_ptr_null(strstr(text, "line 88\n"));
    ck_assert_ptr_nonnull(strstr(text, "line 89\n"));
    ck_assert_ptr_nonnull(strstr(text, "xxx...\n"));
    free(text);
}
END_TEST

START_TEST(queued_result_says_so)
{
    Lab__V1__GradeResult r = LAB__V1__GRADE_RESULT__INIT;
    char *text, line[128];

    r.submission_id = 9;
    r.lab_id = (char *)"hello";
    r.state = LAB__V1__SUBMISSION_STATE__QUEUED;
    ck_assert(!grade_is_final(&r));
    text = render(&r, false, false);
    ck_assert_str_eq(text, "Submission #9 for hello is waiting in the queue.\n");
    free(text);
    grade_summary_line(&r, line, sizeof line);
    ck_assert_str_eq(line, "#9 hello: waiting in the queue");
    r.state = LAB__V1__SUBMISSION_STATE__GRADED;
    r.verdict = LAB__V1__VERDICT__ACCEPTED;
    r.score = r.max_score = 5;
    grade_summary_line(&r, line, sizeof line);
    ck_assert_str_eq(line, "#9 hello: Accepted, 5/5");
}
END_TEST

START_TEST(json_hides_hidden_expected)
{
    struct partial p;
    struct json j;

    make_partial(&p);
    json_init(&j);
    grade_json_result(&j, NULL, &p.r);
    ck_assert_str_eq(
        json_peek(&j),
        "{\"submission_id\":42,\"lab_id\":\"hello\",\"state\":\"graded\",\"verdict\":\"partial\","
        "\"score\":3,\"max_score\":8,\"message\":\"\",\"submitted_at\":0,\"graded_at\":0,"
        "\"checks\":[{\"name\":\"greets_alice\",\"passed\":true,\"visible\":true,\"weight\":3,"
        "\"observed\":\"\\\"Hello, Alice!\\\"\",\"expected\":\"\\\"Hello, Alice!\\\"\","
        "\"message\":\"\",\"output_tail\":\"\"},"
        "{\"name\":\"greets_bob\",\"passed\":false,\"visible\":true,\"weight\":4,"
        "\"observed\":\"\\\"Hello, bob\\\"\",\"expected\":\"\\\"Hello, Bob!\\\"\","
        "\"message\":\"the greeting is not the same\","
        "\"output_tail\":\"debug 1\\r\\n\\u001b[2J\\u001b]0;pwned\\u0007gotcha\\nlast line\\n\"},"
        "{\"name\":\"hidden_edge\",\"passed\":false,\"visible\":false,\"weight\":1,"
        "\"observed\":\"null\",\"message\":\"\",\"output_tail\":\"\"}]}");
    json_release(&j);
}
END_TEST

START_TEST(every_verdict_has_words)
{
    for (int v = 0; v <= 10; v++) {
        ck_assert(strlen(grade_verdict_name(v)) > 0);
        ck_assert(strlen(grade_verdict_title(v)) > 0);
        ck_assert(strlen(grade_verdict_explain(v)) > 20);
    }
    ck_assert_str_eq(grade_verdict_name(LAB__V1__VERDICT__TIME_LIMIT), "time_limit");
    ck_assert_ptr_nonnull(
        strstr(grade_verdict_explain(LAB__V1__VERDICT__TIME_LIMIT), "loop that never ends"));
    ck_assert_ptr_nonnull(
        strstr(grade_verdict_explain(LAB__V1__VERDICT__INTERNAL_ERROR), "not your fault"));
    ck_assert_str_eq(grade_state_name(LAB__V1__SUBMISSION_STATE__FAILED), "failed");
    ck_assert_str_eq(grade_verdict_name(99), "unspecified");
}
END_TEST

#define NOW 1764201600 /* 2025-11-27 00:00:00 UTC, a Thursday */

static const struct {
    int64_t t;
    const char *out;
} ago_cases[] = {
    {0, "-"},
    {NOW + 30, "just now"}, /* clock skew */
    {NOW - 59, "just now"},
    {NOW - 60, "1 min ago"},
    {NOW - 5 * 60 - 10, "5 min ago"},
    {NOW - 3599, "59 min ago"},
    {NOW - 3600, "1 h ago"},
    {NOW - 23 * 3600, "23 h ago"},
    {NOW - 86400 - 5, "yesterday"},
    {NOW - 3 * 86400, "3 days ago"},
    {NOW - 40 * 86400, "2025-10-18"},
};

START_TEST(formats_relative_time)
{
    char out[48];

    grade_format_ago(NOW, ago_cases[_i].t, out, sizeof out);
    ck_assert_str_eq(out, ago_cases[_i].out);
}
END_TEST

static const struct {
    int64_t now, t;
    const char *out;
} when_cases[] = {
    {NOW + 14 * 3600, NOW + 9 * 3600 + 5 * 60, "today 09:05"},
    {NOW + 14 * 3600, NOW - 3600, "yesterday 23:00"},
    {NOW + 14 * 3600, NOW - 10 * 86400, "Nov 17 00:00"},
    {NOW + 14 * 3600, NOW - 400 * 86400, "2024-10-23"},
    {1767225600 + 60, 1767225600 - 60, "yesterday 23:59"}, /* over new year */
    {NOW, 0, "-"},
};

START_TEST(formats_short_local_time)
{
    char out[48];

    grade_format_when(when_cases[_i].now, when_cases[_i].t, out, sizeof out);
    ck_assert_str_eq(out, when_cases[_i].out);
}
END_TEST

START_TEST(progress_lines)
{
    char out[96];

    grade_progress_text(LAB__V1__SUBMISSION_STATE__QUEUED, 3, 0, 0, out, sizeof out);
    ck_assert_str_eq(out, "Queued (position 3)...");
    grade_progress_text(LAB__V1__SUBMISSION_STATE__QUEUED, 1, 0, 0, out, sizeof out);
    ck_assert_str_eq(out, "Queued (next in line)...");
    grade_progress_text(LAB__V1__SUBMISSION_STATE__QUEUED, 0, 0, 0, out, sizeof out);
    ck_assert_str_eq(out, "Queued...");
    grade_progress_text(LAB__V1__SUBMISSION_STATE__RUNNING, 0, 2, 4, out, sizeof out);
    ck_assert_str_eq(out, "Grading... 2/4 checks");
    grade_progress_text(LAB__V1__SUBMISSION_STATE__RUNNING, 0, 0, 0, out, sizeof out);
    ck_assert_str_eq(out, "Grading...");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_grade");
    TCase *tc = tcase_create("render");
    TCase *tt = tcase_create("time");
    SRunner *sr;
    int failed;

    setenv("TZ", "UTC", 1);
    tzset();
    tcase_add_test(tc, partial_result_golden);
    tcase_add_test(tc, colour_and_utf8_only_when_asked);
    tcase_add_test(tc, syntax_error_golden);
    tcase_add_test(tc, long_output_is_capped);
    tcase_add_test(tc, queued_result_says_so);
    tcase_add_test(tc, json_hides_hidden_expected);
    tcase_add_test(tc, every_verdict_has_words);
    tcase_add_test(tc, progress_lines);
    tcase_add_loop_test(tt, formats_relative_time, 0, (int)ARRAY_SIZE(ago_cases));
    tcase_add_loop_test(tt, formats_short_local_time, 0, (int)ARRAY_SIZE(when_cases));
    suite_add_tcase(s, tc);
    suite_add_tcase(s, tt);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
