/*
 * test_fields.c — the one table of field rules (common/fields.h), which
 * labserver, labctl, labclient and the lab loader all call.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/str.h"

static const struct {
    enum field f;
    const char *s;
    bool ok;
} cases[] = {
    {FIELD_USERNAME, "alice", true},
    {FIELD_USERNAME, "a", false},
    {FIELD_USERNAME, "_alice", false},
    {FIELD_USERNAME, "Alice", false},
    {FIELD_USERNAME, "abcdefghijklmnopqrstuvwxyz012345", true},   /* 32 */
    {FIELD_USERNAME, "abcdefghijklmnopqrstuvwxyz0123456", false}, /* 33 */
    {FIELD_COHORT_NAME, "cs101-2026.spring", true},
    {FIELD_COHORT_NAME, "c", false},
    {FIELD_COHORT_NAME, "-cs", false},
    /* Issue 9: the lab loader took '_x' while labserver refused it at submit. */
    {FIELD_LAB_ID, "_hidden", false},
    {FIELD_LAB_ID, ".x", false},
    {FIELD_LAB_ID, "-x", false},
    {FIELD_LAB_ID, "a", true},
    {FIELD_LAB_ID, "py-basics_1.2", true},
    {FIELD_LAB_ID, "../etc", false},
    {FIELD_LAB_ID, "", false},
    {FIELD_DISPLAY_NAME, "O'Brien \"Bob\"", true},
    {FIELD_DISPLAY_NAME, "\xc3\x89lodie", true},
    {FIELD_DISPLAY_NAME, "tab\there", false},
    {FIELD_DISPLAY_NAME, "del\x7f", false},
    /* Issue 9: labctl's own copy of this rule lacked the C1 check (U+009B is CSI). */
    {FIELD_DISPLAY_NAME, "c1\xc2\x9b", false},
    {FIELD_DISPLAY_NAME, "nbsp\xc2\xa0ok", true},
    {FIELD_DISPLAY_NAME, "\xff\xfe", false},
    {FIELD_DISPLAY_NAME, "", false},
    {FIELD_JOIN_CODE, "K7QX2M9P", true},
    {FIELD_JOIN_CODE, "k7qx2m9p", false},
    {FIELD_JOIN_CODE, "ABC", false},
    {FIELD_TOKEN, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true},
    {FIELD_TOKEN, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde", false},
};

START_TEST(field_table)
{
    ck_assert_msg(field_ok(cases[_i].f, cases[_i].s) == cases[_i].ok, "%s '%s'",
                  field_rule(cases[_i].f)->name, cases[_i].s);
}
END_TEST

START_TEST(display_name_counts_characters)
{
    char s[200] = "";

    for (int i = 0; i < DISPLAY_NAME_MAX; i++)
        memcpy(s + 2 * i, "\xc3\xa9", 3);
    ck_assert(field_ok(FIELD_DISPLAY_NAME, s));
    memcpy(s + 2 * DISPLAY_NAME_MAX, "\xc3\xa9", 3);
    ck_assert(!field_ok(FIELD_DISPLAY_NAME, s));
}
END_TEST

START_TEST(every_row_is_described)
{
    for (int f = 0; f < FIELD_COUNT; f++) {
        const struct field_rule *r = field_rule((enum field)f);
        ck_assert(r->name && r->text && r->min >= 1 && r->min <= r->max);
    }
}
END_TEST

START_TEST(join_code_as_typed)
{
    char out[JOIN_CODE_MAX + 1];

    ck_assert(field_join_code_normalize("  k7qx2m9p ", out));
    ck_assert_str_eq(out, "K7QX2M9P");
    ck_assert(!field_join_code_normalize("AB", out));
    ck_assert(!field_join_code_normalize("ABCD 2345", out));
    ck_assert(!field_join_code_normalize("   ", out));
    ck_assert(!field_join_code_normalize("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", out)); /* 33 */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fields");
    TCase *tc = tcase_create("rules");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, field_table, 0, (int)ARRAY_SIZE(cases));
    tcase_add_test(tc, display_name_counts_characters);
    tcase_add_test(tc, every_row_is_described);
    tcase_add_test(tc, join_code_as_typed);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
