/*
 * test_server_live.c — the pure parts of live exercises and instructor
 * tools: the uploaded-lab file rule (path tricks), gradebook CSV quoting and
 * formula defusing, live board ranking and board_mode filtering, and the
 * cohort authorisation decision.
 */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "server/authz.h"
#include "server/csv.h"
#include "server/liveboard.h"
#include "server/upload.h"

/* ---- upload file names ---- */

static const uint8_t txt[] = "x = 1\n";

static void five(struct upload_file *f)
{
    for (int k = 0; k < UPLOAD_N_FILES; k++)
        f[k] = (struct upload_file){upload_names[k], txt, sizeof txt - 1};
}

static const struct {
    const char *name; /* replaces starter.py */
    enum upload_check want;
} name_cases[] = {
    {"starter.py", UPLOAD_OK},
    {"../starter.py", UPLOAD_BAD_NAME},
    {"../x", UPLOAD_BAD_NAME},
    {"/etc/passwd", UPLOAD_BAD_NAME},
    {"a/b", UPLOAD_BAD_NAME},
    {"./starter.py", UPLOAD_BAD_NAME},
    {".", UPLOAD_BAD_NAME},
    {"..", UPLOAD_BAD_NAME},
    {"", UPLOAD_BAD_NAME},
    {"STARTER.PY", UPLOAD_BAD_NAME},
    {"starter.py ", UPLOAD_BAD_NAME},
    {"starter.py/", UPLOAD_BAD_NAME},
    {"dir\\starter.py", UPLOAD_BAD_NAME},
    {"lab.ini", UPLOAD_DUPLICATE}, /* starter.py missing, lab.ini twice */
};

START_TEST(upload_name_table)
{
    struct upload_file f[UPLOAD_N_FILES];
    size_t slot[UPLOAD_N_FILES];
    char why[300];

    five(f);
    f[2].path = name_cases[_i].name;
    ck_assert_int_eq(upload_check(f, UPLOAD_N_FILES, 1 << 20, slot, why, sizeof why),
                     name_cases[_i].want);
    if (name_cases[_i].want == UPLOAD_BAD_NAME)
        ck_assert_msg(strstr(why, "is not allowed") != NULL, "why: %s", why);
}
END_TEST

START_TEST(upload_slots_any_order)
{
    struct upload_file f[UPLOAD_N_FILES], g[UPLOAD_N_FILES];
    size_t slot[UPLOAD_N_FILES];
    char why[300];

    five(f);
    for (int k = 0; k < UPLOAD_N_FILES; k++)
        g[k] = f[UPLOAD_N_FILES - 1 - k];
    ck_assert_int_eq(upload_check(g, UPLOAD_N_FILES, 1 << 20, slot, why, sizeof why), UPLOAD_OK);
    for (int k = 0; k < UPLOAD_N_FILES; k++)
        ck_assert_str_eq(g[slot[k]].path, upload_names[k]);
}
END_TEST

START_TEST(upload_missing_extra_size_nul)
{
    struct upload_file f[UPLOAD_N_FILES + 1];
    size_t slot[UPLOAD_N_FILES];
    char why[300];
    static const uint8_t nul[] = {'a', 0, 'b'};

    five(f);
    ck_assert_int_eq(upload_check(f, 4, 1 << 20, slot, why, sizeof why), UPLOAD_MISSING);
    ck_assert_ptr_nonnull(strstr(why, "checks.py"));
    f[5] = (struct upload_file){"notes.txt", txt, 1};
    ck_assert_int_eq(upload_check(f, 6, 1 << 20, slot, why, sizeof why), UPLOAD_BAD_NAME);
    ck_assert_ptr_nonnull(strstr(why, "notes.txt"));
    ck_assert_int_eq(upload_check(f, 5, 5 * (sizeof txt - 1) - 1, slot, why, sizeof why),
                     UPLOAD_TOO_LARGE);
    ck_assert_int_eq(upload_check(f, 5, 5 * (sizeof txt - 1), slot, why, sizeof why), UPLOAD_OK);
    f[3].data = nul;
    f[3].len = sizeof nul;
    ck_assert_int_eq(upload_check(f, 5, 1 << 20, slot, why, sizeof why), UPLOAD_NUL);
    ck_assert_ptr_nonnull(strstr(why, "solution.py"));
}
END_TEST

/* ---- CSV ---- */

static const struct {
    const char *in;
    bool defuse;
    const char *out;
} csv_cases[] = {
    {"plain", true, "plain"},
    {"", true, ""},
    {"a,b", true, "\"a,b\""},
    {"say \"hi\"", true, "\"say \"\"hi\"\"\""},
    {"two\nlines", true, "\"two\nlines\""},
    {"cr\rhere", true, "\"cr\rhere\""},
    {"=HYPERLINK(\"x\")", true, "\"'=HYPERLINK(\"\"x\"\")\""},
    {"=1+2", true, "'=1+2"},
    {"+1", true, "'+1"},
    {"-5", true, "'-5"},
    {"@SUM(A1)", true, "'@SUM(A1)"},
    {"\tTAB", true, "'\tTAB"},
    {"-5", false, "-5"},
    {"Zoë", true, "Zoë"},
    {"a=b", true, "a=b"},
};

START_TEST(csv_cell_table)
{
    char out[128];

    ck_assert_int_eq(csv_cell(csv_cases[_i].in, csv_cases[_i].defuse, out, sizeof out), 0);
    ck_assert_str_eq(out, csv_cases[_i].out);
}
END_TEST

START_TEST(csv_records_and_cap)
{
    struct csv c;

    csv_init(&c, 1024);
    ck_assert_int_eq(csv_field(&c, "username", false), 0);
    ck_assert_int_eq(csv_field(&c, "display_name", false), 0);
    ck_assert_int_eq(csv_end_record(&c), 0);
    ck_assert_int_eq(csv_field(&c, "ann", true), 0);
    ck_assert_int_eq(csv_field(&c, "Ann, B", true), 0);
    ck_assert_int_eq(csv_field(&c, "", false), 0);
    ck_assert_int_eq(csv_end_record(&c), 0);
    ck_assert_str_eq(c.buf, "username,display_name\r\nann,\"Ann, B\",\r\n");
    csv_release(&c);

    csv_init(&c, 16);
    ck_assert_int_eq(csv_field(&c, "0123456789", false), 0);
    ck_assert_int_eq(csv_field(&c, "0123456789", false), LAB_E_TOO_LARGE);
    ck_assert_ptr_null(c.buf);
    ck_assert_int_eq(csv_end_record(&c), LAB_E_TOO_LARGE);
    csv_release(&c);
}
END_TEST

/* ---- live board ---- */

static struct live_entry E(int64_t id, uint32_t att, uint32_t best, int64_t solved, int64_t imp) {
    struct live_entry e = {id, "x", att, best, 100, solved, imp, 0};
    return e;
}

START_TEST(liveboard_order_and_ties)
{
    struct live_entry e[] = {
        E(1, 0, 0, 0, 0),     /* no attempt */
        E(2, 3, 100, 50, 50), /* solved late */
        E(3, 1, 100, 20, 20), /* solved first */
        E(4, 2, 60, 0, 30),   /* partial, improved at 30 */
        E(5, 1, 60, 0, 10),   /* partial, improved earlier */
        E(6, 1, 0, 0, 5),     /* tried, scored 0 */
        E(7, 0, 0, 0, 0),     /* no attempt: ties with 1 */
        E(8, 1, 100, 20, 20), /* ties with 3 */
    };
    size_t n = sizeof e / sizeof e[0];
    int64_t want_id[] = {3, 8, 2, 5, 4, 6, 1, 7};
    uint32_t want_rank[] = {1, 1, 3, 4, 5, 6, 7, 7};

    liveboard_rank(e, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(e[i].user_id, want_id[i]);
        ck_assert_uint_eq(e[i].rank, want_rank[i]);
    }
}
END_TEST

START_TEST(liveboard_modes)
{
    struct live_entry e[15];
    size_t idx[15], k;
    uint32_t yr;

    for (int i = 0; i < 15; i++)
        e[i] = E(i + 1, 1, (uint32_t)(100 - i), 0, 10);
    liveboard_rank(e, 15);
    /* full: everyone, for students too */
    k = liveboard_select(e, 15, BOARD_FULL, false, 13, idx, &yr);
    ck_assert_uint_eq(k, 15);
    ck_assert_uint_eq(yr, 13);
    /* top10 + own row */
    k = liveboard_select(e, 15, BOARD_TOP10, false, 13, idx, &yr);
    ck_assert_uint_eq(k, 11);
    ck_assert_int_eq(e[idx[10]].user_id, 13);
    k = liveboard_select(e, 15, BOARD_TOP10, false, 4, idx, &yr);
    ck_assert_uint_eq(k, 10);
    ck_assert_uint_eq(yr, 4);
    /* hidden: own row only */
    k = liveboard_select(e, 15, BOARD_HIDDEN, false, 7, idx, &yr);
    ck_assert_uint_eq(k, 1);
    ck_assert_int_eq(e[idx[0]].user_id, 7);
    /* a viewer with no row (hidden) sees nothing */
    k = liveboard_select(e, 15, BOARD_HIDDEN, false, 99, idx, &yr);
    ck_assert_uint_eq(k, 0);
    ck_assert_uint_eq(yr, 0);
    /* staff see everything whatever the mode */
    k = liveboard_select(e, 15, BOARD_HIDDEN, true, 99, idx, &yr);
    ck_assert_uint_eq(k, 15);
}
END_TEST

/* ---- authorisation ---- */

#define S LAB__V1__ROLE__STUDENT
#define I LAB__V1__ROLE__INSTRUCTOR
#define A LAB__V1__ROLE__ADMIN

static const struct {
    bool found;
    Lab__V1__Role role;
    bool owner;
    const char *member;
    enum authz_need need;
    enum authz_verdict want;
    bool full;
} authz_cases[] = {
    {false, A, false, "", AUTHZ_STAFF, AUTHZ_NOT_FOUND, false},
    {false, I, false, "", AUTHZ_STAFF, AUTHZ_NOT_FOUND, false},
    {true, A, false, "", AUTHZ_STAFF, AUTHZ_OK, true},
    {true, I, true, "", AUTHZ_STAFF, AUTHZ_OK, true}, /* owner without membership */
    {true, I, false, "instructor", AUTHZ_STAFF, AUTHZ_OK, true},
    {true, I, false, "", AUTHZ_STAFF, AUTHZ_FORBIDDEN, false}, /* another cohort's instructor */
    {true, I, false, "student", AUTHZ_STAFF, AUTHZ_FORBIDDEN, false},
    {true, S, false, "student", AUTHZ_STAFF, AUTHZ_FORBIDDEN, false},
    {true, S, false, "instructor", AUTHZ_STAFF, AUTHZ_FORBIDDEN, false}, /* demoted account */
    {true, S, true, "", AUTHZ_STAFF, AUTHZ_FORBIDDEN, false},
    {true, S, false, "student", AUTHZ_MEMBER, AUTHZ_OK, false},
    {true, S, false, "", AUTHZ_MEMBER, AUTHZ_FORBIDDEN, false},
    {true, I, false, "instructor", AUTHZ_MEMBER, AUTHZ_OK, true},
    {true, I, false, "", AUTHZ_MEMBER, AUTHZ_FORBIDDEN, false},
};

START_TEST(authz_table)
{
    bool full = !authz_cases[_i].full;

    ck_assert_int_eq(authz_cohort(authz_cases[_i].found, authz_cases[_i].role,
                                  authz_cases[_i].owner, authz_cases[_i].member,
                                  authz_cases[_i].need, &full),
                     authz_cases[_i].want);
    ck_assert_int_eq(full, authz_cases[_i].full);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("server_live");
    TCase *tc = tcase_create("upload");

    tcase_add_loop_test(tc, upload_name_table, 0, ARRAY_SIZE(name_cases));
    tcase_add_test(tc, upload_slots_any_order);
    tcase_add_test(tc, upload_missing_extra_size_nul);
    suite_add_tcase(s, tc);
    tc = tcase_create("csv");
    tcase_add_loop_test(tc, csv_cell_table, 0, ARRAY_SIZE(csv_cases));
    tcase_add_test(tc, csv_records_and_cap);
    suite_add_tcase(s, tc);
    tc = tcase_create("liveboard");
    tcase_add_test(tc, liveboard_order_and_ties);
    tcase_add_test(tc, liveboard_modes);
    suite_add_tcase(s, tc);
    tc = tcase_create("authz");
    tcase_add_loop_test(tc, authz_table, 0, ARRAY_SIZE(authz_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
