/*
 * test_client_grade.c — how a result reads: golden text for a partial
 * result (visible and hidden failures, a hostile output tail), a syntax
 * error, a result still in the queue; the JSON form; relative and short
 * times; the progress line. Results with cases (minor 3): a failed visible
 * case, a hidden one (never its input or values), a crash with its line,
 * printed output as lines, caps, NO_COLOR, and the JSON of every case.
 */
#include <check.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client/args.h"
#include "client/grade.h"
#include "client/session.h"
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
    "  PASS  greets_alice\n"
    "  FAIL  greets_bob\n"
    "        why:      the greeting is not the same\n"
    "        you gave: \"Hello, bob\"\n"
    "        expected: \"Hello, Bob!\"\n"
    "        output (last lines):\n"
    "          | debug 1\n"
    "          | ?[2J?]0;pwned?gotcha\n"
    "          | last line\n"
    "  FAIL  hidden_edge   (hidden check)\n"
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
        "\"message\":\"\",\"output_tail\":\"\","
        "\"description\":\"\",\"cases_passed\":0,\"cases_total\":0,\"cases\":[]},"
        "{\"name\":\"greets_bob\",\"passed\":false,\"visible\":true,\"weight\":4,"
        "\"observed\":\"\\\"Hello, bob\\\"\",\"expected\":\"\\\"Hello, Bob!\\\"\","
        "\"message\":\"the greeting is not the same\","
        "\"output_tail\":\"debug 1\\r\\n\\u001b[2J\\u001b]0;pwned\\u0007gotcha\\nlast line\\n\","
        "\"description\":\"\",\"cases_passed\":0,\"cases_total\":0,\"cases\":[]},"
        "{\"name\":\"hidden_edge\",\"passed\":false,\"visible\":false,\"weight\":1,"
        "\"observed\":\"null\",\"message\":\"\",\"output_tail\":\"\","
        "\"description\":\"\",\"cases_passed\":0,\"cases_total\":0,\"cases\":[]}]}");
    json_release(&j);
}
END_TEST

/* ---- results with cases (minor 3) ---- */

#define MAX_CASES 8

struct cased {
    Lab__V1__CaseResult cs[MAX_CASES];
    Lab__V1__CaseResult *csp[MAX_CASES];
    Lab__V1__CheckResult c[4];
    Lab__V1__CheckResult *cp[4];
    Lab__V1__GradeResult r;
    size_t used; /* cases handed out */
};

static Lab__V1__CheckResult *add_check(struct cased *p, const char *name, const char *desc,
                                       bool visible, size_t n_cases)
{
    static const Lab__V1__CheckResult init = LAB__V1__CHECK_RESULT__INIT;
    Lab__V1__CheckResult *k = &p->c[p->r.n_checks];

    *k = init;
    k->name = (char *)name;
    k->description.data = (uint8_t *)desc;
    k->description.len = strlen(desc);
    k->visible = visible;
    k->weight = 1;
    k->cases_total = (uint32_t)n_cases;
    k->n_cases = n_cases;
    k->cases = &p->csp[p->used];
    p->used += n_cases;
    p->cp[p->r.n_checks] = k;
    p->r.n_checks++;
    return k;
}

static void set(ProtobufCBinaryData *b, const char *s)
{
    b->data = (uint8_t *)s;
    b->len = strlen(s);
}

static void make_cased(struct cased *p, const char *lab)
{
    static const Lab__V1__CaseResult cinit = LAB__V1__CASE_RESULT__INIT;
    static const Lab__V1__GradeResult rinit = LAB__V1__GRADE_RESULT__INIT;

    memset(p, 0, sizeof *p);
    for (int i = 0; i < MAX_CASES; i++) {
        p->cs[i] = cinit;
        p->csp[i] = &p->cs[i];
    }
    p->r = rinit;
    p->r.checks = p->cp;
    p->r.submission_id = 12;
    p->r.lab_id = (char *)lab;
    p->r.state = LAB__V1__SUBMISSION_STATE__GRADED;
    p->r.verdict = LAB__V1__VERDICT__PARTIAL;
    p->r.score = 5;
    p->r.max_score = 10;
}

/* The three-case passed check every example starts with. */
static void add_passed(struct cased *p)
{
    Lab__V1__CheckResult *k =
        add_check(p, "slices_each", "slices_each shares the slices fairly", true, 3);

    k->passed = true;
    k->cases_passed = 3;
    for (size_t i = 0; i < 3; i++) {
        k->cases[i]->passed = true;
        set(&k->cases[i]->call, "slices_each(3, 4)");
        set(&k->cases[i]->expected, "6");
        set(&k->cases[i]->got, "6");
    }
}

START_TEST(cases_visible_failure_golden)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;

    make_cased(&p, "pizza");
    add_passed(&p);
    k = add_check(&p, "pizzas_needed", "pizzas_needed rounds up to whole pizzas", true, 1);
    set(&k->cases[0]->call, "pizzas_needed(5, 3)");
    set(&k->cases[0]->expected, "2");
    set(&k->cases[0]->got, "1");
    text = render(&p.r, false, true);
    ck_assert_str_eq(text, "Submission #12 for pizza: Partly right\n"
                           "  \xe2\x9c\x93 slices_each shares the slices fairly (3/3)\n"
                           "  \xe2\x9c\x97 pizzas_needed rounds up to whole pizzas\n"
                           "      pizzas_needed(5, 3)\n"
                           "      expected: 2\n"
                           "      you gave: 1\n"
                           "Score: 5/10 \xe2\x80\x94 1 of 2 checks passed\n"
                           "Some checks passed. Look at the failed ones above, fix your program "
                           "and submit again.\n"
                           "Fix the first \xe2\x9c\x97 and submit again: labclient submit pizza\n");
    free(text);
}
END_TEST

START_TEST(cases_without_utf8_say_pass_and_fail)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;

    make_cased(&p, "pizza");
    add_passed(&p);
    k = add_check(&p, "pizzas_needed", "pizzas_needed rounds up", true, 1);
    set(&k->cases[0]->call, "pizzas_needed(5, 3)");
    set(&k->cases[0]->expected, "2");
    set(&k->cases[0]->got, "1");
    text = render(&p.r, false, false);
    ck_assert_ptr_nonnull(strstr(text, "\n  PASS slices_each shares the slices fairly (3/3)\n"));
    ck_assert_ptr_nonnull(strstr(text, "\n  FAIL pizzas_needed rounds up\n"));
    ck_assert_ptr_nonnull(strstr(text, "Fix the first FAIL and submit again: labclient submit"));
    for (const char *s = text; *s; s++)
        ck_assert_msg((unsigned char)*s < 0x80, "non-ASCII byte without a UTF-8 locale");
    free(text);
}
END_TEST

/* A hidden check whose cases carry call/expected/got anyway (a broken or old server). */
static Lab__V1__CheckResult *add_leaky_hidden(struct cased *p)
{
    Lab__V1__CheckResult *k =
        add_check(p, "nobody", "pizzas_needed when nobody is coming", false, 3);

    k->cases_passed = 1;
    k->cases[0]->passed = true;
    set(&k->cases[0]->about, "pizzas_needed when nobody is coming (case 1 of 3)");
    set(&k->cases[1]->about, "no pizzas at all");
    set(&k->cases[2]->about, "pizzas_needed when nobody is coming (case 3 of 3)");
    for (size_t i = 0; i < 3; i++) {
        set(&k->cases[i]->call, "pizzas_needed(SECRET_IN, 0)");
        set(&k->cases[i]->expected, "SECRET_EXPECTED");
        set(&k->cases[i]->got, "SECRET_GOT");
        k->cases[i]->output = true;
    }
    set(&k->expected, "SECRET_CHECK_EXPECTED");
    return k;
}

START_TEST(cases_hidden_show_about_never_input_or_values)
{
    struct cased p;
    char *text;
    struct json j;

    make_cased(&p, "pizza");
    add_leaky_hidden(&p);
    text = render(&p.r, false, true);
    ck_assert_str_eq(text, "Submission #12 for pizza: Partly right\n"
                           "  \xe2\x9c\x97 (hidden) pizzas_needed when nobody is coming (1/3)\n"
                           "      \xe2\x9c\x97 no pizzas at all\n"
                           "      \xe2\x9c\x97 case 3 of 3\n"
                           "Score: 5/10 \xe2\x80\x94 0 of 1 check passed\n"
                           "Some checks passed. Look at the failed ones above, fix your program "
                           "and submit again.\n"
                           "Fix the first \xe2\x9c\x97 and submit again: labclient submit pizza\n");
    ck_assert_ptr_null(strstr(text, "SECRET"));
    free(text);

    json_init(&j);
    grade_json_result(&j, NULL, &p.r);
    ck_assert_ptr_null(strstr(json_peek(&j), "SECRET"));
    ck_assert_ptr_null(strstr(json_peek(&j), "\"call\""));
    ck_assert_ptr_null(strstr(json_peek(&j), "\"got\""));
    ck_assert_ptr_nonnull(strstr(json_peek(&j), "{\"passed\":false,\"about\":\"no pizzas at all\","
                                                "\"output\":false,\"error\":\"\",\"where\":\"\"}"));
    json_release(&j);
}
END_TEST

START_TEST(cases_hidden_single_case_is_one_line)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;

    make_cased(&p, "pizza");
    k = add_check(&p, "nobody", "pizzas_needed when nobody is coming", false, 1);
    set(&k->cases[0]->about, "pizzas_needed when nobody is coming (case 1 of 1)");
    set(&k->cases[0]->call, "SECRET");
    text = render(&p.r, false, true);
    ck_assert_ptr_nonnull(strstr(text, "\n  \xe2\x9c\x97 (hidden) pizzas_needed when nobody is "
                                       "coming\nScore:"));
    ck_assert_ptr_null(strstr(text, "SECRET"));
    free(text);
}
END_TEST

START_TEST(cases_crash_shows_error_and_line)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;

    make_cased(&p, "adding");
    p.r.verdict = LAB__V1__VERDICT__WRONG;
    p.r.score = 0;
    k = add_check(&p, "add", "add adds two numbers", true, 1);
    set(&k->cases[0]->call, "add(1, 2)");
    set(&k->cases[0]->expected, "3");
    set(&k->cases[0]->error, "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    set(&k->cases[0]->where, "line 4, in add: return a + b");
    k = add_check(&p, "add_hidden", "add with big numbers", false, 2);
    set(&k->cases[0]->about, "a million and one");
    set(&k->cases[0]->error, "RecursionError: maximum recursion depth exceeded");
    set(&k->cases[0]->where, "line 7, in add: return add(a - 1, b) + 1");
    k->cases[1]->passed = true;
    k->cases_passed = 1;
    text = render(&p.r, false, true);
    ck_assert_str_eq(text,
                     "Submission #12 for adding: Not right yet\n"
                     "  \xe2\x9c\x97 add adds two numbers\n"
                     "      add(1, 2)\n"
                     "      expected: 3\n"
                     "      TypeError: unsupported operand type(s) for +: 'int' and 'str'\n"
                     "      at line 4, in add: return a + b\n"
                     "  \xe2\x9c\x97 (hidden) add with big numbers (1/2)\n"
                     "      \xe2\x9c\x97 a million and one\n"
                     "        RecursionError: maximum recursion depth exceeded\n"
                     "        at line 7, in add: return add(a - 1, b) + 1\n"
                     "Score: 0/10 \xe2\x80\x94 0 of 2 checks passed\n"
                     "No check passed yet. Compare what your program gave with what was "
                     "expected, fix it and submit again.\n"
                     "Fix the first \xe2\x9c\x97 and submit again: labclient submit adding\n");
    free(text);
}
END_TEST

START_TEST(cases_output_shown_as_lines)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;

    make_cased(&p, "hello");
    k = add_check(&p, "greets", "the program greets you by name", true, 2);
    set(&k->cases[0]->call, "run with input 'Ada\\n12\\n'");
    set(&k->cases[0]->about, "a 12-year-old");
    k->cases[0]->output = true;
    set(&k->cases[0]->expected, "Name? Hello Ada\nYou are 12\n");
    set(&k->cases[0]->got, "Name? Hello Ada\nYou are 13\n");
    set(&k->cases[1]->call, "run with input ''");
    k->cases[1]->output = true;
    set(&k->cases[1]->expected, "Name? Hello\n");
    text = render(&p.r, false, true);
    ck_assert_str_eq(text, "Submission #12 for hello: Partly right\n"
                           "  \xe2\x9c\x97 the program greets you by name (0/2)\n"
                           "      \xe2\x9c\x97 run with input 'Ada\\n12\\n'  (a 12-year-old)\n"
                           "        expected:\n"
                           "          | Name? Hello Ada\n"
                           "          | You are 12\n"
                           "        you printed:\n"
                           "          | Name? Hello Ada\n"
                           "          | You are 13\n"
                           "      \xe2\x9c\x97 run with input ''\n"
                           "        expected:\n"
                           "          | Name? Hello\n"
                           "        you printed: (nothing printed)\n"
                           "Score: 5/10 \xe2\x80\x94 0 of 1 check passed\n"
                           "Some checks passed. Look at the failed ones above, fix your program "
                           "and submit again.\n"
                           "Fix the first \xe2\x9c\x97 and submit again: labclient submit hello\n");
    free(text);
}
END_TEST

START_TEST(cases_long_values_and_many_failures_are_capped)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    static char big[20000], many[4000];
    size_t o = 0, bars = 0;
    char *text;

    memset(big, 'y', sizeof big - 1);
    for (int i = 0; i < 100; i++)
        o += (size_t)snprintf(many + o, sizeof many - o, "line %d\n", i);
    make_cased(&p, "big");
    k = add_check(&p, "big", "big values", true, 6);
    set(&k->cases[0]->call, "f()");
    set(&k->cases[0]->expected, "1");
    set(&k->cases[0]->got, big);
    set(&k->cases[1]->call, "g()");
    k->cases[1]->output = true;
    set(&k->cases[1]->expected, "one line\n");
    set(&k->cases[1]->got, many);
    for (size_t i = 2; i < 6; i++)
        set(&k->cases[i]->call, "h()");
    text = render(&p.r, false, false);
    ck_assert_ptr_null(strstr(text, big));
    ck_assert_ptr_nonnull(strstr(text, "yyy...\n"));
    ck_assert_uint_lt(strlen(text), 3 * GRADE_CASE_VALUE_MAX);
    for (const char *s = text; (s = strstr(s, "  | line ")); s++)
        bars++;
    ck_assert_uint_eq(bars, GRADE_CASE_LINES);
    ck_assert_ptr_nonnull(strstr(text, "(88 more lines not shown)"));
    ck_assert_ptr_nonnull(strstr(text, "(3 more wrong cases not shown: fix these first)"));
    free(text);
}
END_TEST

START_TEST(cases_hostile_bytes_are_neutralised)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;

    make_cased(&p, "evil");
    k = add_check(&p, "evil", "evil \x1b]0;title\adesc", true, 1);
    set(&k->cases[0]->call, "f('\x1b[2J')");
    set(&k->cases[0]->expected, "\23331m");
    set(&k->cases[0]->got, "\xff\xfe");
    set(&k->cases[0]->error, "ValueError: \x1b[1;1Hboom\r");
    set(&k->cases[0]->where, "line 1, in f: \x07");
    text = render(&p.r, true, true);
    ck_assert_ptr_null(strstr(text, "\x1b]"));
    ck_assert_ptr_null(strstr(text, "\x1b[2J"));
    ck_assert_ptr_null(strstr(text, "\x1b[1;1H"));
    ck_assert_ptr_null(strchr(text, '\x07'));
    ck_assert_ptr_null(strchr(text, '\r'));
    ck_assert_ptr_null(strstr(text, "\xc2\x9b"));
    ck_assert(utf8_valid(text, strlen(text)));
    free(text);
}
END_TEST

START_TEST(cases_message_and_output_come_after_the_cases)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;

    make_cased(&p, "pizza");
    k = add_check(&p, "p", "pizzas_needed rounds up", true, 1);
    set(&k->message, "wrong result: compare yours with the expected one");
    set(&k->output_tail, "debug: 5 people\n");
    set(&k->cases[0]->call, "pizzas_needed(5, 3)");
    set(&k->cases[0]->expected, "2");
    set(&k->cases[0]->got, "1");
    k = add_check(&p, "add", "add adds", true, 1);
    set(&k->message, "wrong result: compare yours with the expected one");
    set(&k->output_tail, "Traceback (most recent call last):\nTypeError: no\n");
    set(&k->cases[0]->call, "add(2, 3)");
    set(&k->cases[0]->expected, "5");
    set(&k->cases[0]->got, "raises TypeError");
    set(&k->cases[0]->error, "TypeError: no");
    set(&k->cases[0]->where, "line 7, in add: total = total + str(b)");
    text = render(&p.r, false, true);
    ck_assert_str_eq(text, "Submission #12 for pizza: Partly right\n"
                           "  \xe2\x9c\x97 pizzas_needed rounds up\n"
                           "      pizzas_needed(5, 3)\n"
                           "      expected: 2\n"
                           "      you gave: 1\n"
                           "      wrong result: compare yours with the expected one\n"
                           "      output (last lines):\n"
                           "        | debug: 5 people\n"
                           "  \xe2\x9c\x97 add adds\n"
                           "      add(2, 3)\n"
                           "      expected: 5\n"
                           "      you gave: raises TypeError\n"
                           "      TypeError: no\n"
                           "      at line 7, in add: total = total + str(b)\n"
                           "      wrong result: compare yours with the expected one\n"
                           "Score: 5/10 \xe2\x80\x94 0 of 2 checks passed\n"
                           "Some checks passed. Look at the failed ones above, fix your program "
                           "and submit again.\n"
                           "Fix the first \xe2\x9c\x97 and submit again: labclient submit pizza\n");
    free(text);
}
END_TEST

START_TEST(cases_details_left_out_say_so)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;

    make_cased(&p, "x");
    k = add_check(&p, "big", "a check whose cases did not fit", true, 0);
    k->cases_total = 4;
    k->cases_passed = 1;
    text = render(&p.r, false, true);
    ck_assert_ptr_nonnull(strstr(text, "a check whose cases did not fit (1/4)\n"
                                       "      (no details were sent for this check)\n"));
    free(text);
}
END_TEST

START_TEST(cases_json_every_field_escaped)
{
    struct cased p;
    Lab__V1__CheckResult *k;
    struct json j;

    make_cased(&p, "q");
    k = add_check(&p, "quotes", "says \"hi\"\tback", true, 1);
    k->cases[0]->output = true;
    set(&k->cases[0]->about, "a \\ backslash");
    set(&k->cases[0]->call, "run with input 'x\\n'");
    set(&k->cases[0]->expected, "\"hi\"\n");
    set(&k->cases[0]->got, "\x1b[31mhi\x7f\n");
    set(&k->cases[0]->error, "");
    set(&k->cases[0]->where, "line 2, in <lambda>: \x01");
    json_init(&j);
    grade_json_result(&j, NULL, &p.r);
    ck_assert_ptr_nonnull(
        strstr(json_peek(&j),
               "\"description\":\"says \\\"hi\\\"\\tback\",\"cases_passed\":0,\"cases_total\":1,"
               "\"cases\":[{\"passed\":false,\"about\":\"a \\\\ backslash\","
               "\"call\":\"run with input 'x\\\\n'\",\"expected\":\"\\\"hi\\\"\\n\","
               "\"got\":\"\\u001b[31mhi\\u007f\\n\",\"output\":true,\"error\":\"\","
               "\"where\":\"line 2, in <lambda>: \\u0001\"}]}"));
    json_release(&j);
}
END_TEST

/* labclient decides colours once (app_init); the renderer only follows v->color. */
START_TEST(no_color_means_no_escapes)
{
    struct cli_args args;
    struct app a;
    struct cased p;
    Lab__V1__CheckResult *k;
    char *text;
    int m = posix_openpt(O_RDWR | O_NOCTTY), s;

    ck_assert_int_ge(m, 0);
    ck_assert_int_eq(grantpt(m), 0);
    ck_assert_int_eq(unlockpt(m), 0);
    s = open(ptsname(m), O_RDWR | O_NOCTTY);
    ck_assert_int_ge(s, 0);
    ck_assert_int_eq(dup2(s, STDOUT_FILENO), STDOUT_FILENO); /* this test's own process */
    memset(&args, 0, sizeof args);
    unsetenv("NO_COLOR");
    app_init(&a, &args);
    ck_assert(a.color); /* a terminal and nothing against it */
    setenv("NO_COLOR", "1", 1);
    app_init(&a, &args);
    ck_assert(!a.color);

    make_cased(&p, "pizza");
    add_passed(&p);
    k = add_check(&p, "p", "pizzas_needed rounds up", true, 1);
    set(&k->cases[0]->call, "pizzas_needed(5, 3)");
    set(&k->cases[0]->expected, "2");
    set(&k->cases[0]->error, "TypeError: no");
    text = render(&p.r, a.color, true);
    ck_assert_ptr_null(strchr(text, '\x1b'));
    free(text);
    text = render(&p.r, true, true);
    ck_assert_ptr_nonnull(strstr(text, "\x1b[32m\xe2\x9c\x93\x1b[0m slices_each"));
    ck_assert_ptr_nonnull(strstr(text, "\x1b[1;31m\xe2\x9c\x97\x1b[0m pizzas_needed rounds up"));
    free(text);
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
    tcase_add_test(tc, cases_visible_failure_golden);
    tcase_add_test(tc, cases_without_utf8_say_pass_and_fail);
    tcase_add_test(tc, cases_hidden_show_about_never_input_or_values);
    tcase_add_test(tc, cases_hidden_single_case_is_one_line);
    tcase_add_test(tc, cases_crash_shows_error_and_line);
    tcase_add_test(tc, cases_output_shown_as_lines);
    tcase_add_test(tc, cases_long_values_and_many_failures_are_capped);
    tcase_add_test(tc, cases_hostile_bytes_are_neutralised);
    tcase_add_test(tc, cases_details_left_out_say_so);
    tcase_add_test(tc, cases_message_and_output_come_after_the_cases);
    tcase_add_test(tc, cases_json_every_field_escaped);
    tcase_add_test(tc, no_color_means_no_escapes);
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
