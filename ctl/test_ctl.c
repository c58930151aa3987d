/*
 * test_ctl.c — unit tests for labctl's argument parsing and its use of the field rules
 * (common/fields.h, the table labserver checks with too).
 * The commands themselves run against a real PostgreSQL in tests/e2e.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/str.h"
#include "ctl/args.h"
#include "ctl/ctl.h"

struct parsed {
    const char *role, *name;
    bool json, pw_stdin;
    struct ctl_args a;
    struct lab_err err;
    int rc;
};

static void parse(struct parsed *p, int argc, const char *const *argv)
{
    const struct ctl_opt opts[] = {{"role", 'r', &p->role, NULL},
                                   {"name", 0, &p->name, NULL},
                                   {"json", 0, NULL, &p->json},
                                   {"password-stdin", 0, NULL, &p->pw_stdin},
                                   CTL_OPT_END};

    memset(p, 0, sizeof *p);
    p->rc = ctl_parse(argc, (char **)argv, opts, &p->a, &p->err);
}

START_TEST(options_anywhere_between_words)
{
    const char *argv[] = {"add", "--role", "admin", "alice", "--json", "--name=Alice A."};
    struct parsed p;

    parse(&p, 6, argv);
    ck_assert_int_eq(p.rc, 0);
    ck_assert_int_eq(p.a.n_pos, 1);
    ck_assert_str_eq(p.a.pos[0], "alice");
    ck_assert_str_eq(p.role, "admin");
    ck_assert_str_eq(p.name, "Alice A.");
    ck_assert(p.json);
    ck_assert(!p.pw_stdin);
}
END_TEST

START_TEST(short_option_and_double_dash)
{
    const char *argv[] = {"add", "-r", "student", "--", "--json"};
    struct parsed p;

    parse(&p, 5, argv);
    ck_assert_int_eq(p.rc, 0);
    ck_assert_str_eq(p.role, "student");
    ck_assert_int_eq(p.a.n_pos, 1);
    ck_assert_str_eq(p.a.pos[0], "--json");
    ck_assert(!p.json);
}
END_TEST

START_TEST(help_is_always_known)
{
    const char *argv[] = {"add", "x", "-h"};
    struct parsed p;

    parse(&p, 3, argv);
    ck_assert_int_eq(p.rc, 0);
    ck_assert(p.a.help);
}
END_TEST

static const struct {
    int argc;
    const char *argv[4];
    const char *msg_part;
} bad_cases[] = {
    {2, {"add", "--bogus"}, "unknown option '--bogus'"},
    {2, {"add", "-x"}, "unknown option '-x'"},
    {2, {"add", "--role"}, "needs a value"},
    {2, {"add", "--json=yes"}, "takes no value"},
    {2, {"add", "-rstudent"}, "unknown option"},
};

START_TEST(rejects_bad_command_lines)
{
    struct parsed p;

    parse(&p, bad_cases[_i].argc, bad_cases[_i].argv);
    ck_assert_int_eq(p.rc, CTL_E_USAGE);
    ck_assert_ptr_nonnull(strstr(p.err.msg, bad_cases[_i].msg_part));
}
END_TEST

START_TEST(rejects_too_many_words)
{
    /* A whole catalog of lab directories fits; one word more than the table does not. */
    static const char *argv[1026];
    struct parsed p;

    argv[0] = "x";
    for (int i = 1; i < 1026; i++)
        argv[i] = "labs/some-lab";
    parse(&p, 1025, argv);
    ck_assert_int_eq(p.rc, 0);
    parse(&p, 1026, argv);
    ck_assert_int_eq(p.rc, CTL_E_USAGE);
    ck_assert_ptr_nonnull(strstr(p.err.msg, "too many arguments"));
}
END_TEST

static const struct {
    const char *s;
    bool ok;
} username_cases[] = {
    {"alice", true},
    {"a1", true},
    {"0day.user_x-y", true},
    {"abcdefghijklmnopqrstuvwxyz012345", true},   /* 32 */
    {"abcdefghijklmnopqrstuvwxyz0123456", false}, /* 33 */
    {"a", false},
    {"", false},
    {"Alice", false},
    {"_alice", false},
    {".alice", false},
    {"-alice", false},
    {"x'; DROP TABLE users;--", false},
    {"al ice", false},
    {"al\\ice", false},
    {"\xc3\xa9lodie", false},
};

START_TEST(username_rule)
{
    ck_assert_int_eq(field_ok(FIELD_USERNAME, username_cases[_i].s), username_cases[_i].ok);
}
END_TEST

START_TEST(cohort_and_role_rules)
{
    ck_assert(field_ok(FIELD_COHORT_NAME, "cs101-2026.spring"));
    ck_assert(!field_ok(FIELD_COHORT_NAME, "CS101"));
    ck_assert(!field_ok(FIELD_COHORT_NAME, "c"));
    ck_assert(
        field_ok(FIELD_COHORT_NAME, "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijkl")); /* 48 */
    ck_assert(!field_ok(FIELD_COHORT_NAME, "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklm"));
    ck_assert(ctl_valid_role("admin"));
    ck_assert(ctl_valid_role("student"));
    ck_assert(!ctl_valid_role("root"));
    ck_assert(!ctl_valid_role(""));
}
END_TEST

START_TEST(display_name_rule)
{
    ck_assert(field_ok(FIELD_DISPLAY_NAME, "O'Brien \"Bob\" \\ x"));
    ck_assert(field_ok(FIELD_DISPLAY_NAME, "\xc3\x89lodie"));
    ck_assert(!field_ok(FIELD_DISPLAY_NAME, ""));
    ck_assert(!field_ok(FIELD_DISPLAY_NAME, "tab\there"));
    ck_assert(!field_ok(FIELD_DISPLAY_NAME, "\xff\xfe"));
    /* 64 two-byte characters are fine, 65 are not */
    char s[200] = "";
    for (int i = 0; i < 64; i++)
        memcpy(s + 2 * i, "\xc3\xa9", 3);
    ck_assert(field_ok(FIELD_DISPLAY_NAME, s));
    memcpy(s + 2 * 64, "\xc3\xa9", 3);
    ck_assert(!field_ok(FIELD_DISPLAY_NAME, s));
}
END_TEST

/* Issue 9: labctl once accepted a display name with a C1 control that labserver refuses.
 * `user add` checks the name before it opens the database, so no PostgreSQL is needed. */
START_TEST(user_add_refuses_c1_display_name)
{
    struct ctl c = {.out = stdout};
    struct lab_err err = {0};
    const char *argv[] = {"user", "add", "bob", "--role", "student", "--name", "bob\xc2\x9b"};

    ck_assert(!field_ok(FIELD_DISPLAY_NAME, "bob\xc2\x9b"));
    ck_assert_int_eq(cmd_user(&c, (int)ARRAY_SIZE(argv), (char **)argv, &err), CTL_E_USAGE);
    ck_assert_msg(strstr(err.msg, "display name") != NULL, "%s", err.msg);
}
END_TEST

/* The same refusals for a username and a cohort name starting with '_'. */
START_TEST(commands_refuse_leading_underscore)
{
    struct ctl c = {.out = stdout};
    struct lab_err err = {0};
    const char *user[] = {"user", "add", "_bob", "--role", "student"};
    const char *cohort[] = {"cohort", "create", "_cs101", "--owner", "alice"};

    ck_assert_int_eq(cmd_user(&c, (int)ARRAY_SIZE(user), (char **)user, &err), CTL_E_USAGE);
    ck_assert_int_eq(cmd_cohort(&c, (int)ARRAY_SIZE(cohort), (char **)cohort, &err), CTL_E_USAGE);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ctl");
    TCase *tc = tcase_create("parse");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, options_anywhere_between_words);
    tcase_add_test(tc, short_option_and_double_dash);
    tcase_add_test(tc, help_is_always_known);
    tcase_add_loop_test(tc, rejects_bad_command_lines, 0, (int)ARRAY_SIZE(bad_cases));
    tcase_add_test(tc, rejects_too_many_words);
    suite_add_tcase(s, tc);
    tc = tcase_create("names");
    tcase_add_loop_test(tc, username_rule, 0, (int)ARRAY_SIZE(username_cases));
    tcase_add_test(tc, cohort_and_role_rules);
    tcase_add_test(tc, display_name_rule);
    tcase_add_test(tc, user_add_refuses_c1_display_name);
    tcase_add_test(tc, commands_refuse_leading_underscore);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
