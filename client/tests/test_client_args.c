/*
 * test_client_args.c — the command line of every command; bad usage is
 * LAB_E_PARSE with a message (main.c turns it into exit code 2).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "client/args.h"
#include "common/str.h"

#define MAXW 24

static int parse(const char *line, bool in_shell, struct cli_args *a, char *msg, size_t cap)
{
    static char *words[MAXW + 1];
    static char *buf;
    int n = 0;

    free(buf);
    buf = NULL;
    ck_assert_int_eq(args_split(line, words + 1, MAXW, &n, &buf), 0);
    words[0] = (char *)"labclient";
    return args_parse(n + 1, words, in_shell, a, msg, cap);
}

static const struct {
    const char *line;
    enum cmd_id cmd;
    const char *arg;
} ok_cases[] = {
    {"", CMD_NONE, NULL},
    {"register alice --code ABC123", CMD_REGISTER, "alice"},
    {"register --code=ABC123 alice --name 'Alice A' --password-stdin", CMD_REGISTER, "alice"},
    {"login alice", CMD_LOGIN, "alice"},
    {"login alice --password-stdin", CMD_LOGIN, "alice"},
    {"logout", CMD_LOGOUT, NULL},
    {"whoami", CMD_WHOAMI, NULL},
    {"labs", CMD_LABS, NULL},
    {"--json labs", CMD_LABS, NULL},
    {"labs --json --no-color", CMD_LABS, NULL},
    {"--server wss://h:1 labs", CMD_LABS, NULL},
    {"--server=wss://h:1 --ca c.pem labs", CMD_LABS, NULL},
    {"show py-001", CMD_SHOW, "py-001"},
    {"cohort create 7a", CMD_COHORT_CREATE, "7a"},
    {"cohort join XY12", CMD_COHORT_JOIN, "XY12"},
    {"cohort list", CMD_COHORT_LIST, NULL},
    {"cohort roster 7a", CMD_COHORT_ROSTER, "7a"},
    {"shell", CMD_SHELL, NULL},
    {"help", CMD_HELP, NULL},
    {"help cohort", CMD_HELP, "cohort"},
    {"help cohort create", CMD_HELP, "cohort"},
    {"forget-server lab:7443", CMD_FORGET_SERVER, "lab:7443"},
    {"-- show -odd-id", CMD_SHOW, "-odd-id"},
    {"start hello", CMD_START, "hello"},
    {"start hello my.py --force", CMD_START, "hello"},
    {"submit hello", CMD_SUBMIT, "hello"},
    {"submit hello work/h.py --no-wait", CMD_SUBMIT, "hello"},
    {"results", CMD_RESULTS, NULL},
    {"results hello --last", CMD_RESULTS, "hello"},
    {"results --limit 5", CMD_RESULTS, NULL},
    {"results --limit=100 hello", CMD_RESULTS, "hello"},
    {"board", CMD_BOARD, NULL},
    {"board hello --cohort 7a", CMD_BOARD, "hello"},
    {"--json board --cohort=7a", CMD_BOARD, NULL},
    /* live exercises and the instructor's tools */
    {"start", CMD_START, NULL},   /* the live lab */
    {"submit", CMD_SUBMIT, NULL}, /* the live lab */
    {"submit --no-wait", CMD_SUBMIT, NULL},
    {"live start 7a hello", CMD_LIVE_START, "7a"},
    {"live start 7a ./my-lab/ --minutes 45", CMD_LIVE_START, "7a"},
    {"live start --minutes=1 7a hello", CMD_LIVE_START, "7a"},
    {"live end 7a", CMD_LIVE_END, "7a"},
    {"live watch 7a --json", CMD_LIVE_WATCH, "7a"},
    {"roster add 7a alice", CMD_ROSTER_ADD, "7a"},
    {"roster remove 7a alice", CMD_ROSTER_REMOVE, "7a"},
    {"roster reset-password 7a alice", CMD_ROSTER_RESET_PASSWORD, "7a"},
    {"roster reset-password 7a alice --password-stdin", CMD_ROSTER_RESET_PASSWORD, "7a"},
    {"student 7a alice", CMD_STUDENT, "7a"},
    {"student 7a alice hello --limit 5", CMD_STUDENT, "7a"},
    {"code 42", CMD_CODE, "42"},
    {"code #42", CMD_CODE, "#42"},
    {"labs open 7a hello", CMD_LABS_OPEN, "7a"},
    {"labs close 7a hello", CMD_LABS_CLOSE, "7a"},
    {"gradebook 7a", CMD_GRADEBOOK, "7a"},
    {"gradebook 7a --out g.csv --force", CMD_GRADEBOOK, "7a"},
    {"cohort board-mode 7a top10", CMD_COHORT_BOARD_MODE, "7a"},
    {"cohort board-mode 7a HIDDEN", CMD_COHORT_BOARD_MODE, "7a"},
    {"name 'Ada L.'", CMD_NAME, "Ada L."},
    {"help live start", CMD_HELP, "live"},
    {"help roster reset-password", CMD_HELP, "roster"},
};

START_TEST(parses_good_lines)
{
    struct cli_args a;
    char msg[300];

    ck_assert_msg(parse(ok_cases[_i].line, false, &a, msg, sizeof msg) == 0, "%s: %s",
                  ok_cases[_i].line, msg);
    ck_assert_int_eq(a.cmd, ok_cases[_i].cmd);
    if (ok_cases[_i].arg)
        ck_assert_str_eq(a.arg, ok_cases[_i].arg);
    else if (ok_cases[_i].cmd != CMD_HELP)
        ck_assert_ptr_null(a.arg);
}
END_TEST

START_TEST(fills_options)
{
    struct cli_args a;
    char msg[300];

    ck_assert_int_eq(parse("--json register bob --code K9 --name 'Bob B' --password-stdin "
                           "--server wss://x:1 --ca /c.pem --no-color --verbose",
                           false, &a, msg, sizeof msg),
                     0);
    ck_assert(a.json && a.no_color && a.verbose && a.password_stdin);
    ck_assert_str_eq(a.join_code, "K9");
    ck_assert_str_eq(a.display_name, "Bob B");
    ck_assert_str_eq(a.server, "wss://x:1");
    ck_assert_str_eq(a.ca, "/c.pem");
    ck_assert_int_eq(parse("--version", false, &a, msg, sizeof msg), 0);
    ck_assert(a.show_version);
}
END_TEST

static const char *const bad_cases[] = {
    "frob",
    "register alice",    /* no --code */
    "register --code X", /* no username */
    "register a b --code X",
    "register alice --code", /* option without value */
    "register alice --code=",
    "login",
    "login a b",
    "logout now",
    "whoami x",
    "labs extra",
    "show",
    "show a b",
    "cohort",
    "cohort frob",
    "cohort create",
    "cohort join",
    "cohort list x",
    "cohort roster",
    "help nosuch",
    "forget-server",
    "labs --code X",
    "login a --name N",
    "labs --password-stdin",
    "--frob labs",
    "-x labs",
    "--json=1 labs",
    "exit", /* shell only */
    "--server",
    "start a b c",
    "submit a b c",
    "submit a --force",
    "start a --no-wait",
    "results a b",
    "results --limit 0",
    "results --limit 101",
    "results --limit x",
    "results --limit",
    "results --last --limit 3",
    "labs --last",
    "board a b",
    "board --cohort",
    "results --cohort 7a",
    "--force",
    /* live exercises and the instructor's tools */
    "live",
    "live frob 7a",
    "live start 7a",
    "live start 7a hello extra",
    "live start 7a hello --minutes 0",
    "live start 7a hello --minutes 601",
    "live start 7a hello --minutes x",
    "live end",
    "live end 7a b",
    "live watch",
    "live end 7a --minutes 5",
    "roster",
    "roster add 7a",
    "roster remove 7a a b",
    "roster reset-password 7a",
    "roster add 7a alice --password-stdin",
    "student 7a",
    "student 7a a b c",
    "student 7a a --last",
    "code",
    "code 0",
    "code -5",
    "code x42",
    "code 1 2",
    "labs open 7a",
    "labs close",
    "labs frob",
    "gradebook",
    "gradebook 7a b",
    "gradebook 7a --out",
    "labs --out g.csv",
    "live watch 7a --force",
    "cohort board-mode 7a",
    "cohort board-mode 7a loud",
    "cohort board-mode 7a full x",
    "name",
    "name a b",
    "help live frob",
};

START_TEST(rejects_bad_usage)
{
    struct cli_args a;
    char msg[300];

    ck_assert_msg(parse(bad_cases[_i], false, &a, msg, sizeof msg) == LAB_E_PARSE, "%s",
                  bad_cases[_i]);
    ck_assert_msg(msg[0] != '\0', "no message for '%s'", bad_cases[_i]);
}
END_TEST

START_TEST(help_works_everywhere)
{
    static const char *const lines[] = {"--help",
                                        "-h",
                                        "login --help",
                                        "cohort --help",
                                        "register --help",
                                        "cohort create -h",
                                        "show --help",
                                        "submit --help",
                                        "board -h",
                                        "results --help",
                                        "start --help",
                                        "live --help",
                                        "live start -h",
                                        "live watch --help",
                                        "roster --help",
                                        "roster reset-password --help",
                                        "student -h",
                                        "code --help",
                                        "labs open --help",
                                        "gradebook --help",
                                        "cohort board-mode --help",
                                        "name --help"};
    struct cli_args a;
    char msg[300], text[8192];

    for (size_t i = 0; i < ARRAY_SIZE(lines); i++) {
        ck_assert_msg(parse(lines[i], false, &a, msg, sizeof msg) == 0, "%s: %s", lines[i], msg);
        ck_assert(a.show_help);
        args_help(a.cmd, "labclient ", text, sizeof text);
        ck_assert_ptr_nonnull(strstr(text, "Usage: labclient "));
    }
    ck_assert_int_eq(parse("cohort --help", false, &a, msg, sizeof msg), 0);
    ck_assert_int_eq(a.cmd, CMD_COHORT);
    args_help(CMD_NONE, "labclient ", text, sizeof text);
    ck_assert_ptr_nonnull(strstr(text, "forget-server"));
    ck_assert_ptr_nonnull(strstr(text, "submit [LAB"));
    ck_assert_ptr_nonnull(strstr(text, "Teacher commands:"));
    ck_assert_ptr_nonnull(strstr(text, "live watch COHORT"));
    ck_assert_ptr_nonnull(strstr(text, "gradebook COHORT"));
    ck_assert_ptr_nonnull(strstr(text, "board [LAB]"));
    ck_assert_ptr_nonnull(strstr(text, "--server URL"));
}
END_TEST

START_TEST(fills_live_and_teacher_options)
{
    struct cli_args a;
    char msg[300];

    ck_assert_int_eq(parse("live start 7a ./my-lab/ --minutes 45", false, &a, msg, sizeof msg), 0);
    ck_assert_str_eq(a.arg, "7a");
    ck_assert_str_eq(a.arg2, "./my-lab/");
    ck_assert_uint_eq(a.minutes, 45);
    ck_assert_int_eq(parse("live start 7a hello", false, &a, msg, sizeof msg), 0);
    ck_assert_uint_eq(a.minutes, 0);
    ck_assert_int_eq(parse("student 7a alice hello --limit 5", false, &a, msg, sizeof msg), 0);
    ck_assert_str_eq(a.arg2, "alice");
    ck_assert_str_eq(a.arg3, "hello");
    ck_assert_uint_eq(a.limit, 5);
    ck_assert_int_eq(parse("student 7a alice", false, &a, msg, sizeof msg), 0);
    ck_assert_ptr_null(a.arg3);
    ck_assert_int_eq(parse("code 9007199254740993", false, &a, msg, sizeof msg), 0);
    ck_assert(a.submission_id == 9007199254740993LL);
    ck_assert_int_eq(parse("code '#42'", false, &a, msg, sizeof msg), 0);
    ck_assert(a.submission_id == 42);
    ck_assert_int_eq(parse("gradebook 7a --out=g.csv --force", false, &a, msg, sizeof msg), 0);
    ck_assert_str_eq(a.out, "g.csv");
    ck_assert(a.force);
    ck_assert_int_eq(
        parse("roster reset-password 7a bob --password-stdin", false, &a, msg, sizeof msg), 0);
    ck_assert(a.password_stdin);
    ck_assert_str_eq(a.arg2, "bob");
    ck_assert_int_eq(parse("cohort board-mode 7a top10", false, &a, msg, sizeof msg), 0);
    ck_assert_str_eq(a.arg2, "top10");
    ck_assert_int_eq(parse("labs close 7a hello", true, &a, msg, sizeof msg), 0);
    ck_assert_int_eq(a.cmd, CMD_LABS_CLOSE);
    ck_assert_str_eq(a.arg2, "hello");
    /* the messages say what to do */
    ck_assert_int_eq(parse("live", false, &a, msg, sizeof msg), LAB_E_PARSE);
    ck_assert_ptr_nonnull(strstr(msg, "start, end or watch"));
    ck_assert_int_eq(parse("live start 7a x --minutes 0", false, &a, msg, sizeof msg), LAB_E_PARSE);
    ck_assert_ptr_nonnull(strstr(msg, "live end"));
    ck_assert_int_eq(parse("live", false, &a, msg, sizeof msg), LAB_E_PARSE);
    ck_assert_int_eq(parse("live --help", false, &a, msg, sizeof msg), 0);
    ck_assert_int_eq(a.cmd, CMD_LIVE);
}
END_TEST

START_TEST(fills_grading_options)
{
    struct cli_args a;
    char msg[300];

    ck_assert_int_eq(parse("start hello my.py --force", false, &a, msg, sizeof msg), 0);
    ck_assert_str_eq(a.file, "my.py");
    ck_assert(a.force);
    ck_assert_int_eq(parse("submit hello", false, &a, msg, sizeof msg), 0);
    ck_assert_ptr_null(a.file);
    ck_assert(!a.no_wait);
    ck_assert_int_eq(parse("submit hello x.py --no-wait", false, &a, msg, sizeof msg), 0);
    ck_assert(a.no_wait);
    ck_assert_str_eq(a.file, "x.py");
    ck_assert_int_eq(parse("results --limit 7", false, &a, msg, sizeof msg), 0);
    ck_assert_uint_eq(a.limit, 7);
    ck_assert_int_eq(parse("results hello --last", false, &a, msg, sizeof msg), 0);
    ck_assert(a.last);
    ck_assert_uint_eq(a.limit, 0);
    ck_assert_int_eq(parse("board --cohort 7a", false, &a, msg, sizeof msg), 0);
    ck_assert_str_eq(a.cohort, "7a");
    /* No LAB: the live exercise's lab (found when the command runs). */
    ck_assert_int_eq(parse("submit", true, &a, msg, sizeof msg), 0);
    ck_assert_ptr_null(a.arg);
    ck_assert_ptr_null(a.file);
}
END_TEST

START_TEST(shell_rules)
{
    struct cli_args a;
    char msg[300];

    ck_assert_int_eq(parse("exit", true, &a, msg, sizeof msg), 0);
    ck_assert_int_eq(a.cmd, CMD_EXIT);
    ck_assert_int_eq(parse("quit", true, &a, msg, sizeof msg), 0);
    ck_assert_int_eq(parse("shell", true, &a, msg, sizeof msg), LAB_E_PARSE);
    ck_assert_int_eq(parse("--server wss://x:1 labs", true, &a, msg, sizeof msg), LAB_E_PARSE);
    ck_assert_int_eq(parse("labs --json", true, &a, msg, sizeof msg), 0);
    /* usage messages in the shell have no "labclient " prefix */
    ck_assert_int_eq(parse("login", true, &a, msg, sizeof msg), LAB_E_PARSE);
    ck_assert_ptr_null(strstr(msg, "labclient"));
}
END_TEST

START_TEST(splits_shell_words)
{
    char *w[4], *buf = NULL;
    int n;

    ck_assert_int_eq(args_split("  a 'b c'  \"d\\\"e\" f\\ g ", w, 4, &n, &buf), 0);
    ck_assert_int_eq(n, 4);
    ck_assert_str_eq(w[0], "a");
    ck_assert_str_eq(w[1], "b c");
    ck_assert_str_eq(w[2], "d\"e");
    ck_assert_str_eq(w[3], "f g");
    free(buf);
    ck_assert_int_eq(args_split("a 'b", w, 4, &n, &buf), LAB_E_PARSE);
    ck_assert_int_eq(args_split("a b c d e", w, 4, &n, &buf), LAB_E_TOO_LARGE);
    ck_assert_int_eq(args_split("   ", w, 4, &n, &buf), 0);
    ck_assert_int_eq(n, 0);
    free(buf);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_args");
    TCase *tc = tcase_create("parse");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, parses_good_lines, 0, (int)ARRAY_SIZE(ok_cases));
    tcase_add_test(tc, fills_options);
    tcase_add_loop_test(tc, rejects_bad_usage, 0, (int)ARRAY_SIZE(bad_cases));
    tcase_add_test(tc, help_works_everywhere);
    tcase_add_test(tc, fills_grading_options);
    tcase_add_test(tc, fills_live_and_teacher_options);
    tcase_add_test(tc, shell_rules);
    tcase_add_test(tc, splits_shell_words);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
