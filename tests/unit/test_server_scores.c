/*
 * test_server_scores.c — scores that agree everywhere: the gradebook's
 * layout (csv_gradebook: columns, the max row, cells, totals) and the
 * submit checks that refuse programs that would never score (submit.h).
 * The points rule itself is SQL (scores.h), covered by tests/e2e/test_scores.py.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "server/csv.h"
#include "server/submit.h"

/* ---- blank programs ---- */

static const struct {
    const char *code;
    size_t len; /* 0: strlen */
    bool blank;
} blank_cases[] = {
    {"", 0, true},
    {" ", 0, true},
    {"\n\n\n", 0, true},
    {" \t\r\n\f\v\r\n", 0, true},
    {"\xef\xbb\xbf", 0, true}, /* a byte order mark alone */
    {"\xef\xbb\xbf  \r\n", 0, true},
    {"x", 0, false},
    {"\n\n    pass\n", 0, false},
    {"# nothing yet\n", 0, false},
    {"  \xc2\xa0\n", 0, false}, /* NO-BREAK SPACE is a character Python rejects: graded */
    {"\xef\xbb", 0, false},     /* half a mark is not a mark */
    {"  \n  x", 3, true},       /* only the first len bytes count */
};

START_TEST(blank_table)
{
    const char *c = blank_cases[_i].code;
    size_t len = blank_cases[_i].len ? blank_cases[_i].len : strlen(c);

    ck_assert_msg(submit_code_blank(c, len) == blank_cases[_i].blank, "case %d: \"%s\"", _i, c);
}
END_TEST

/* ---- the starter handed in unchanged ---- */

#define STARTER "def double(x):\n    # your code here\n    return x\n"

static const struct {
    const char *code;
    const char *starter;
    bool same;
} starter_cases[] = {
    {STARTER, STARTER, true},
    {"def double(x):\r\n    # your code here\r\n    return x\r\n", STARTER, true}, /* CRLF */
    {"def double(x):\r    # your code here\r    return x\r", STARTER, true},       /* old Mac */
    {"def double(x):  \n    # your code here\t\n    return x \n", STARTER, true},  /* trailing */
    {"def double(x):\n    # your code here\n    return x", STARTER, true},         /* no last LF */
    {STARTER "\n\n   \n\t\n", STARTER, true},                                      /* blank tail */
    {"\xef\xbb\xbf" STARTER, STARTER, true},                                       /* BOM */
    {STARTER, "\xef\xbb\xbf" STARTER "\r\n", true}, /* the starter's own quirks */
    {"def double(x):\n    # your code here\n    return 2 * x\n", STARTER, false},
    {"def double(x):\n    # your code here\n    return x\n# done\n", STARTER, false},
    {"def double(x):\n    # your code here\n", STARTER, false}, /* a line taken away */
    {"def double(x):\n\n    # your code here\n    return x\n", STARTER, false}, /* one added */
    {"\ndef double(x):\n    # your code here\n    return x\n", STARTER, false}, /* at the top */
    {"def double(x):\n  # your code here\n    return x\n", STARTER, false},     /* indentation */
    {"def double(x):\n    # your code here\n    return x\n", "", false},
    {"x = 1\n", "x = 1", true},
    {"x = 1\n", "x = 12", false},
    {"x = 12\n", "x = 1", false},
    {"", "", true}, /* blank: refused earlier as empty anyway */
};

START_TEST(starter_table)
{
    const char *c = starter_cases[_i].code, *s = starter_cases[_i].starter;

    ck_assert_msg(submit_code_is_starter(c, strlen(c), s, strlen(s)) == starter_cases[_i].same,
                  "case %d", _i);
}
END_TEST

START_TEST(starter_texts)
{
    char text[256];

    snprintf(text, sizeof text, SUBMIT_TEXT_STARTER, "b-pizza-party");
    ck_assert_str_eq(text, "your file is still the starter code of lab b-pizza-party: write your "
                           "solution in it first, save it, then submit again");
    /* Fits the error text of a request (req_job.err_text) with the longest lab id. */
    ck_assert_uint_lt(strlen(SUBMIT_TEXT_STARTER) + 64, 256);
    ck_assert_str_eq(SUBMIT_TEXT_BLANK,
                     "your file is empty: write your solution in it, save it, then submit again");
}
END_TEST

/* ---- the gradebook ---- */

static const struct gradebook_lab labs3[] = {{"b-hello", 10}, {"b-pizza", 15}, {"b-fizz", 20}};

static const struct gradebook_student students3[] = {
    {7, "ann", "Ann B"},
    {3, "bob", "=HYPERLINK(\"x\")"},
    {12, "cy", "Cy, the \"third\""},
};

START_TEST(gradebook_layout)
{
    /* Ordered by nothing in particular, as a database may hand them over. */
    static const struct gradebook_score sc[] = {
        {3, "b-fizz", 20},  {7, "b-hello", 10},  {7, "b-pizza", 8},
        {3, "b-hello", 0},  {99, "b-hello", 10}, /* not a student of the class */
        {7, "b-other", 30},                      /* not a lab of the class */
    };
    struct csv c;

    csv_init(&c, 4096);
    ck_assert_int_eq(csv_gradebook(&c, labs3, 3, students3, 3, sc, ARRAY_SIZE(sc)), 0);
    ck_assert_str_eq(c.buf, "username,display_name,b-hello,b-pizza,b-fizz,total\r\n"
                            "max points,,10,15,20,45\r\n"
                            "ann,Ann B,10,8,,18\r\n"
                            "bob,\"'=HYPERLINK(\"\"x\"\")\",0,,20,20\r\n"
                            "cy,\"Cy, the \"\"third\"\"\",,,,0\r\n");
    csv_release(&c);
}
END_TEST

START_TEST(gradebook_empty_class_and_no_labs)
{
    struct csv c;

    csv_init(&c, 4096);
    ck_assert_int_eq(csv_gradebook(&c, labs3, 3, NULL, 0, NULL, 0), 0);
    ck_assert_str_eq(c.buf, "username,display_name,b-hello,b-pizza,b-fizz,total\r\n"
                            "max points,,10,15,20,45\r\n");
    csv_release(&c);

    csv_init(&c, 4096);
    ck_assert_int_eq(csv_gradebook(&c, NULL, 0, students3, 1, NULL, 0), 0);
    ck_assert_str_eq(c.buf, "username,display_name,total\r\n"
                            "max points,,0\r\n"
                            "ann,Ann B,0\r\n");
    csv_release(&c);
}
END_TEST

START_TEST(gradebook_one_column_and_cap)
{
    static const struct gradebook_score sc[] = {{7, "b-pizza", 15}};
    struct csv c;

    /* A lab's column is found by its id, wherever it stands. */
    csv_init(&c, 4096);
    ck_assert_int_eq(csv_gradebook(&c, labs3 + 1, 1, students3, 1, sc, 1), 0);
    ck_assert_str_eq(c.buf, "username,display_name,b-pizza,total\r\n"
                            "max points,,15,15\r\n"
                            "ann,Ann B,15,15\r\n");
    csv_release(&c);
    /* Past the cap: TOO_LARGE, and nothing is kept. */
    csv_init(&c, 60);
    ck_assert_int_eq(csv_gradebook(&c, labs3, 3, students3, 3, sc, 1), LAB_E_TOO_LARGE);
    ck_assert_ptr_null(c.buf);
    csv_release(&c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("server_scores");
    TCase *ts = tcase_create("submit");
    TCase *tg = tcase_create("gradebook");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(ts, blank_table, 0, ARRAY_SIZE(blank_cases));
    tcase_add_loop_test(ts, starter_table, 0, ARRAY_SIZE(starter_cases));
    tcase_add_test(ts, starter_texts);
    tcase_add_test(tg, gradebook_layout);
    tcase_add_test(tg, gradebook_empty_class_and_no_labs);
    tcase_add_test(tg, gradebook_one_column_and_cap);
    suite_add_tcase(s, ts);
    suite_add_tcase(s, tg);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
