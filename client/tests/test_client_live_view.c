/*
 * test_client_live_view.c — the live board as plain text, byte for byte
 * (countdown, solved n/N, columns, solved times after the start, the
 * cut-off for a small screen), the shell's banner for a pushed notice, and
 * the --json shape of a board.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client/json.h"
#include "client/live_view.h"
#include "common/str.h"

#define T0 1767261600 /* 2026-01-01 10:00:00 UTC */

static Lab__V1__LiveBoardRow rows[4];
static Lab__V1__LiveBoardRow *rowp[4];
static Lab__V1__LiveBoard board;

static void setup(void)
{
    static const struct {
        const char *name;
        unsigned attempts, best;
        int64_t solved;
        bool you;
    } r[] = {
        {"Ada Lovelace", 2, 10, T0 + 192, false},
        {"Grace \xe2\x80\x94 Hopper", 5, 10, T0 + 3725, false}, /* wide dash: 1 column */
        {"Bob\033[31m", 1, 7, 0, true},                         /* escape removed */
        {"Zed", 0, 0, 0, false},
    };

    setenv("TZ", "UTC", 1);
    tzset();
    lab__v1__live_board__init(&board);
    board.live_id = 7;
    board.cohort = (char *)"7B";
    board.lab_id = (char *)"hello-world";
    board.title = (char *)"Hello, world";
    board.started_at = T0;
    board.ends_at = T0 + 45 * 60;
    board.n_students = 20;
    board.n_solved = 2;
    for (size_t i = 0; i < 4; i++) {
        lab__v1__live_board_row__init(&rows[i]);
        rows[i].rank = (uint32_t)i + 1;
        rows[i].display_name = (char *)r[i].name;
        rows[i].attempts = r[i].attempts;
        rows[i].best_score = r[i].best;
        rows[i].max_score = 10;
        rows[i].solved_at = r[i].solved;
        rows[i].is_you = r[i].you;
        rowp[i] = &rows[i];
    }
    board.n_rows = 4;
    board.rows = rowp;
}

static char *print_board(int64_t now)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);

    ck_assert_ptr_nonnull(m);
    live_board_print(m, &board, now, false);
    ck_assert_int_eq(fclose(m), 0);
    return text;
}

START_TEST(formats_minutes_and_seconds)
{
    static const struct {
        int64_t s;
        const char *out;
    } cases[] = {
        {0, "00:00"},   {-5, "00:00"},   {59, "00:59"},   {60, "01:00"},
        {754, "12:34"}, {3599, "59:59"}, {3600, "60:00"}, {6001, "100:01"},
    };
    char out[32];

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        live_fmt_mmss(cases[i].s, out, sizeof out);
        ck_assert_str_eq(out, cases[i].out);
    }
}
END_TEST

START_TEST(prints_the_board_golden)
{
    static const char *const want = "Hello, world  (hello-world, class 7B)\n"
                                    "Time left 32:26  |  Solved 2/20\n"
                                    "\n"
                                    "RANK  NAME            ATTEMPTS  BEST   SOLVED\n"
                                    "   1  Ada Lovelace           2  10/10   03:12\n"
                                    "   2  Grace \xe2\x80\x94 Hopper         5  10/10   62:05\n"
                                    "   3  Bob?[31m               1  7/10        -  (you)\n"
                                    "   4  Zed                    0  0/10        -\n";
    char *text = print_board(T0 + 12 * 60 + 34);

    ck_assert_str_eq(text, want);
    free(text);
}
END_TEST

START_TEST(status_line_through_the_lesson)
{
    char st[160];

    live_status_text(&board, T0 + 45 * 60 - 1, st, sizeof st);
    ck_assert_str_eq(st, "Time left 00:01  |  Solved 2/20");
    live_status_text(&board, T0 + 45 * 60 + 30, st, sizeof st);
    ck_assert_str_eq(st, "Time is up  |  Solved 2/20");
    board.ended = true;
    live_status_text(&board, T0 + 50 * 60, st, sizeof st);
    ck_assert_str_eq(st, "Ended  |  Solved 2/20");
    board.ended = false;
    board.ends_at = 0; /* no timer: the time since the start */
    live_status_text(&board, T0 + 310, st, sizeof st);
    ck_assert_str_eq(st, "Running 05:10  |  Solved 2/20");
}
END_TEST

START_TEST(empty_and_waiting_boards)
{
    char *text;

    board.n_rows = 0;
    text = print_board(T0);
    ck_assert_str_eq(text, "Hello, world  (hello-world, class 7B)\n"
                           "Time left 45:00  |  Solved 2/20\n"
                           "\n"
                           "Nobody has submitted yet.\n");
    free(text);
    board.live_id = 0;
    text = print_board(T0);
    ck_assert_str_eq(text, "No live exercise in 7B right now.\n"
                           "The board appears here when one starts.\n");
    free(text);
}
END_TEST

START_TEST(fits_a_small_screen)
{
    struct live_lines l;

    /* 3 rows of room for 4 students: two rows and "... and 2 more". */
    ck_assert_int_eq(live_board_lines(&board, T0, 40, 3, &l), 0);
    ck_assert_uint_eq(l.n, 3 + 1 + 2 + 1);
    ck_assert_str_eq(l.v[3].text, "RANK  NAME       ATTEMPTS  BEST   SOLVED");
    ck_assert_str_eq(l.v[4].text, "   1  Ada Lo...         2  10/10   03:12");
    ck_assert_str_eq(l.v[6].text, "... and 2 more");
    ck_assert(l.v[4].style & LIVE_ST_SOLVED);
    ck_assert(l.v[3].style & LIVE_ST_HEADER);
    for (size_t i = 0; i < l.n; i++)
        ck_assert_uint_le(strlen(l.v[i].text), 40);
    live_lines_release(&l);
    ck_assert_int_eq(live_board_lines(&board, T0, 80, 0, &l), 0);
    ck_assert(l.v[6].style & LIVE_ST_YOU);
    ck_assert(!(l.v[6].style & LIVE_ST_SOLVED));
    live_lines_release(&l);
}
END_TEST

START_TEST(notice_banner)
{
    Lab__V1__LiveNotice n = LAB__V1__LIVE_NOTICE__INIT;
    char out[600];

    n.live_id = 7;
    n.title = (char *)"Hello, world";
    n.lab_id = (char *)"hello-world";
    n.started_by = (char *)"Ms Teach";
    n.started_at = T0;
    n.ends_at = T0 + 45 * 60;
    live_notice_text(&n, "", true, out, sizeof out);
    ck_assert_str_eq(out, "LIVE from Ms Teach: Hello, world \xe2\x80\x94 type: start\n"
                          "It ends at 10:45. Hand it in with: submit\n");
    n.ends_at = 0;
    n.started_by = (char *)"";
    n.title = (char *)"\033]0;pwned\007";
    live_notice_text(&n, "labclient ", false, out, sizeof out);
    ck_assert_str_eq(out, "LIVE: ?]0;pwned? - type: labclient start\n"
                          "Hand it in with: labclient submit\n");
    n.ended = true;
    n.title = (char *)"Hello, world";
    live_notice_text(&n, "", true, out, sizeof out);
    ck_assert_str_eq(out, "The live exercise has ended: Hello, world.\n");
}
END_TEST

START_TEST(board_json_shape)
{
    struct json j;

    board.n_rows = 1;
    json_init(&j);
    json_obj_open(&j, NULL);
    live_json_board(&j, "board", &board);
    json_obj_close(&j);
    ck_assert_str_eq(json_peek(&j),
                     "{\"board\":{\"live_id\":7,\"cohort\":\"7B\",\"lab_id\":\"hello-world\","
                     "\"title\":\"Hello, world\",\"started_at\":1767261600,"
                     "\"ends_at\":1767264300,\"ended\":false,\"n_students\":20,\"n_solved\":2,"
                     "\"your_rank\":0,\"rows\":[{\"rank\":1,\"display_name\":\"Ada Lovelace\","
                     "\"attempts\":2,\"best_score\":10,\"max_score\":10,"
                     "\"solved_at\":1767261792,\"is_you\":false}]}}");
    json_release(&j);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_live_view");
    TCase *tc = tcase_create("live_view");
    SRunner *sr;
    int failed;

    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, formats_minutes_and_seconds);
    tcase_add_test(tc, prints_the_board_golden);
    tcase_add_test(tc, status_line_through_the_lesson);
    tcase_add_test(tc, empty_and_waiting_boards);
    tcase_add_test(tc, fits_a_small_screen);
    tcase_add_test(tc, notice_banner);
    tcase_add_test(tc, board_json_shape);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
