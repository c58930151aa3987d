/*
 * test_db.c — unit tests for db/: SQLSTATE mapping, the typed conversions of
 * database text, the lab_events encoder and parser, the migration list check
 * and checksums, and the embedded migrations themselves. Nothing here needs a
 * running PostgreSQL; the database behaviour is covered by tests/e2e.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "db/channels.h"
#include "db/migrate.h"
#include "db/pg.h"

static const struct {
    const char *state;
    int code;
} sqlstate_cases[] = {
    {"23505", LAB_E_EXISTS},      {"08006", LAB_E_UNAVAILABLE}, {"08001", LAB_E_UNAVAILABLE},
    {"57P01", LAB_E_UNAVAILABLE}, {"57P03", LAB_E_UNAVAILABLE}, {"", LAB_E_UNAVAILABLE},
    {"23514", LAB_E_PARSE},       {"22001", LAB_E_PARSE},       {"42P01", LAB_E_DB},
    {"40001", LAB_E_DB},
};

START_TEST(maps_sqlstate_to_lab_code)
{
    ck_assert_int_eq(db_code_from_sqlstate(sqlstate_cases[_i].state), sqlstate_cases[_i].code);
}
END_TEST

START_TEST(null_sqlstate_means_connection_lost)
{
    ck_assert_int_eq(db_code_from_sqlstate(NULL), LAB_E_UNAVAILABLE);
}
END_TEST

/* ---- typed conversions of database text ---- */

static const struct {
    const char *in;
    int rc;
    int64_t out;
} i64_cases[] = {
    {"0", 0, 0},
    {"42", 0, 42},
    {"-7", 0, -7},
    {"9223372036854775807", 0, INT64_MAX},
    {"-9223372036854775808", 0, INT64_MIN},
    {"9223372036854775808", LAB_E_RANGE, 0},
    {"", LAB_E_PARSE, 0},
    {"12x", LAB_E_PARSE, 0},
    {" 12", LAB_E_PARSE, 0},
    {"12 ", LAB_E_PARSE, 0},
    {"1.5", LAB_E_PARSE, 0},
    {"0x10", LAB_E_PARSE, 0},
    {"-", LAB_E_PARSE, 0},
    {"+3", LAB_E_PARSE, 0},
    {"t", LAB_E_PARSE, 0},
};

START_TEST(i64_text_table)
{
    int64_t v = 12345;
    int rc = db_text_i64(i64_cases[_i].in, &v);

    ck_assert_int_eq(rc, i64_cases[_i].rc);
    if (rc == 0)
        ck_assert(v == i64_cases[_i].out);
    else
        ck_assert(v == 12345); /* untouched on error */
}
END_TEST

START_TEST(u64_text_reads_full_range_and_refuses_sign)
{
    uint64_t v = 0;

    ck_assert_int_eq(db_text_u64("18446744073709551615", &v), 0);
    ck_assert(v == UINT64_MAX);
    ck_assert_int_eq(db_text_u64("18446744073709551616", &v), LAB_E_RANGE);
    ck_assert_int_lt(db_text_u64("-1", &v), 0);
    ck_assert_int_eq(db_text_u64("", &v), LAB_E_PARSE);
    ck_assert_int_eq(db_text_u64("7 ", &v), LAB_E_PARSE);
}
END_TEST

START_TEST(bool_text_is_t_or_f_only)
{
    bool b = false;

    ck_assert_int_eq(db_text_bool("t", &b), 0);
    ck_assert(b);
    ck_assert_int_eq(db_text_bool("f", &b), 0);
    ck_assert(!b);
    ck_assert_int_eq(db_text_bool("true", &b), LAB_E_PARSE);
    ck_assert_int_eq(db_text_bool("1", &b), LAB_E_PARSE);
    ck_assert_int_eq(db_text_bool("", &b), LAB_E_PARSE);
    ck_assert_int_eq(db_text_bool("T", &b), LAB_E_PARSE);
}
END_TEST

START_TEST(null_text_is_not_found)
{
    int64_t i = 0;
    uint64_t u = 0;
    bool b = false;

    ck_assert_int_eq(db_text_i64(NULL, &i), LAB_E_NOT_FOUND);
    ck_assert_int_eq(db_text_u64(NULL, &u), LAB_E_NOT_FOUND);
    ck_assert_int_eq(db_text_bool(NULL, &b), LAB_E_NOT_FOUND);
}
END_TEST

START_TEST(params_round_trip_through_text)
{
    char buf[DB_NUM_MAX];
    int64_t v = 0;
    uint64_t u = 0;

    ck_assert_int_eq(db_text_i64(db_param_i64(buf, INT64_MIN), &v), 0);
    ck_assert(v == INT64_MIN);
    ck_assert_int_eq(db_text_i64(db_param_i64(buf, -1), &v), 0);
    ck_assert(v == -1);
    ck_assert_int_eq(db_text_u64(db_param_u64(buf, UINT64_MAX), &u), 0);
    ck_assert(u == UINT64_MAX);
}
END_TEST

START_TEST(one_line_joins_libpq_lines)
{
    char out[64];

    db_one_line(out, sizeof out, "ERROR:  boom\nDETAIL:  why\n");
    ck_assert_str_eq(out, "ERROR:  boom; DETAIL:  why");
    db_one_line(out, sizeof out, "a\r\n");
    ck_assert_str_eq(out, "a");
    db_one_line(out, sizeof out, NULL);
    ck_assert_str_eq(out, "");
    db_one_line(out, 8, "0123456789");
    ck_assert_uint_lt(strlen(out), 8);
}
END_TEST

/* ---- lab_events payloads ---- */

static const struct db_event round_trip_events[] = {
    {.kind = DB_EV_KIND_GRADED, .id = 1},
    {.kind = DB_EV_KIND_RUNNING, .id = INT64_MAX},
    {.kind = DB_EV_KIND_LIVE, .cohort_id = 3, .id = 17},
    {.kind = DB_EV_KIND_LIVE_END, .cohort_id = INT64_MAX, .id = 2},
    {.kind = DB_EV_KIND_LIVE_BOARD, .id = 99},
    {.kind = DB_EV_KIND_LAB, .lab_id = "1.2.3-loops", .version = "ab12", .state = "live"},
    {.kind = DB_EV_KIND_LAB, .lab_id = "x", .version = "v", .state = "rejected"},
};

START_TEST(event_round_trip)
{
    const struct db_event *in = &round_trip_events[_i];
    char payload[DB_EVENT_PAYLOAD_MAX];
    struct db_event out;

    ck_assert_int_eq(db_event_format(in, payload, sizeof payload), 0);
    ck_assert_int_eq(db_event_parse(DB_CHAN_EVENTS, payload, &out), 0);
    ck_assert_int_eq(out.kind, in->kind);
    ck_assert(out.id == in->id);
    ck_assert(out.cohort_id == in->cohort_id);
    ck_assert_str_eq(out.lab_id, in->lab_id);
    ck_assert_str_eq(out.version, in->version);
    ck_assert_str_eq(out.state, in->state);
}
END_TEST

START_TEST(event_payloads_are_the_documented_text)
{
    char payload[DB_EVENT_PAYLOAD_MAX];
    struct db_event ev = {.kind = DB_EV_KIND_LIVE_END, .cohort_id = 4, .id = 9};

    ck_assert_int_eq(db_event_format(&ev, payload, sizeof payload), 0);
    ck_assert_str_eq(payload, "live_end:4:9");
    ev = (struct db_event){.kind = DB_EV_KIND_LAB, .lab_id = "l", .version = "v", .state = "live"};
    ck_assert_int_eq(db_event_format(&ev, payload, sizeof payload), 0);
    ck_assert_str_eq(payload, "lab:l:v:live");
    /* The SQL encoders build the same prefixes. */
    ck_assert_str_eq(DB_NOTIFY_GRADED_SQL("id"), "pg_notify('lab_events', 'graded:' || id)");
    ck_assert_str_eq(DB_NOTIFY_LIVE_BOARD_SQL("x"), "pg_notify('lab_events', 'live_board:' || x)");
    ck_assert_str_eq(DB_NOTIFY_LIVE_END_SQL("c", "i"),
                     "pg_notify('lab_events', 'live_end:' || c || ':' || i)");
}
END_TEST

static const char *const hostile_payloads[] = {
    "",
    "graded",
    "graded:",
    "graded:0",
    "graded:-1",
    "graded:+1",
    "graded: 1",
    "graded:1 ",
    "graded:1x",
    "graded:0x10",
    "graded:9223372036854775808",
    "graded:99999999999999999999999999",
    "GRADED:1",
    "running:",
    "live:1",
    "live:1:",
    "live::2",
    "live:1:2:3",
    "live:a:b",
    "live_end:5",
    "live_end:0:1",
    "live_board:",
    "live_board:1:2",
    "lab:",
    "lab:a:b",
    "lab::v:live",
    "lab:a::live",
    "lab:a:v:",
    "lab:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:v:"
    "live",
    "lab:a:v:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "unknown:1",
    "graded:1\n",
};

START_TEST(event_parser_refuses_hostile_payloads)
{
    struct db_event out;

    ck_assert_int_eq(db_event_parse(DB_CHAN_EVENTS, hostile_payloads[_i], &out), LAB_E_PARSE);
}
END_TEST

START_TEST(event_parser_checks_channel)
{
    struct db_event out;

    ck_assert_int_eq(db_event_parse("lab_queue", "graded:1", &out), LAB_E_PARSE);
    ck_assert_int_eq(db_event_parse("lab_events ", "graded:1", &out), LAB_E_PARSE);
    ck_assert_int_eq(db_event_parse(NULL, "graded:1", &out), LAB_E_PARSE);
    ck_assert_int_eq(db_event_parse(DB_CHAN_EVENTS, NULL, &out), LAB_E_PARSE);
    ck_assert_int_eq(db_event_parse(DB_CHAN_GAP, "1700000000", &out), 0);
    ck_assert_int_eq(out.kind, DB_EV_KIND_GAP);
    ck_assert(out.since == 1700000000);
    ck_assert_int_eq(db_event_parse(DB_CHAN_GAP, "soon", &out), LAB_E_PARSE);
}
END_TEST

START_TEST(event_encoder_refuses_what_the_parser_would)
{
    char payload[DB_EVENT_PAYLOAD_MAX];
    struct db_event ev = {.kind = DB_EV_KIND_GRADED, .id = 0};

    ck_assert_int_eq(db_event_format(&ev, payload, sizeof payload), LAB_E_RANGE);
    ev = (struct db_event){.kind = DB_EV_KIND_LIVE, .cohort_id = -1, .id = 1};
    ck_assert_int_eq(db_event_format(&ev, payload, sizeof payload), LAB_E_RANGE);
    ev =
        (struct db_event){.kind = DB_EV_KIND_LAB, .lab_id = "a:b", .version = "v", .state = "live"};
    ck_assert_int_eq(db_event_format(&ev, payload, sizeof payload), LAB_E_RANGE);
    ev = (struct db_event){.kind = DB_EV_KIND_LAB, .lab_id = "a", .version = "", .state = "live"};
    ck_assert_int_eq(db_event_format(&ev, payload, sizeof payload), LAB_E_RANGE);
    ev = (struct db_event){.kind = DB_EV_KIND_GAP, .since = 5};
    ck_assert_int_eq(db_event_format(&ev, payload, sizeof payload), LAB_E_RANGE);
    ev = (struct db_event){.kind = DB_EV_KIND_GRADED, .id = 123456};
    ck_assert_int_eq(db_event_format(&ev, payload, 8), LAB_E_TOO_LARGE);
}
END_TEST

static const struct migration good[] = {
    {1, "0001_core", "CREATE TABLE a (x int);"},
    {2, "0002_more", "CREATE TABLE b (x int);"},
};
static const struct migration gap[] = {
    {1, "0001_core", "CREATE TABLE a (x int);"},
    {3, "0003_more", "CREATE TABLE b (x int);"},
};
static const struct migration swapped[] = {
    {2, "0002_more", "CREATE TABLE b (x int);"},
    {1, "0001_core", "CREATE TABLE a (x int);"},
};
static const struct migration misnamed[] = {
    {1, "0002_core", "CREATE TABLE a (x int);"},
};
static const struct migration empty_sql[] = {
    {1, "0001_core", ""},
};

START_TEST(accepts_ordered_list)
{
    struct lab_err e;

    ck_assert_int_eq(migrate_check_list(good, ARRAY_SIZE(good), &e), 0);
}
END_TEST

START_TEST(rejects_gap_order_name_and_empty)
{
    struct lab_err e;

    ck_assert_int_eq(migrate_check_list(gap, ARRAY_SIZE(gap), &e), LAB_E_CONFIG);
    ck_assert_ptr_nonnull(strstr(e.msg, "0003_more"));
    ck_assert_int_eq(migrate_check_list(swapped, ARRAY_SIZE(swapped), &e), LAB_E_CONFIG);
    ck_assert_int_eq(migrate_check_list(misnamed, ARRAY_SIZE(misnamed), &e), LAB_E_CONFIG);
    ck_assert_int_eq(migrate_check_list(empty_sql, ARRAY_SIZE(empty_sql), &e), LAB_E_CONFIG);
}
END_TEST

START_TEST(checksum_is_sha256_of_text)
{
    const struct migration m = {1, "0001_x", "abc"};
    char sum[65];

    migrate_checksum(&m, sum);
    ck_assert_str_eq(sum, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(checksum_changes_with_one_byte)
{
    const struct migration a = {1, "0001_x", "CREATE TABLE t (x int);"};
    const struct migration b = {1, "0001_x", "CREATE TABLE t (x int); "};
    char sa[65], sb[65];

    migrate_checksum(&a, sa);
    migrate_checksum(&b, sb);
    ck_assert_str_ne(sa, sb);
}
END_TEST

START_TEST(embedded_list_is_valid_and_complete)
{
    struct lab_err e;

    ck_assert_uint_ge(db_n_migrations, 1);
    ck_assert_int_eq(migrate_check_list(db_migrations, db_n_migrations, &e), 0);
    ck_assert_str_eq(db_migrations[0].name, "0001_core");
    ck_assert_str_eq(db_migrations[1].name, "0002_grading");
    ck_assert_ptr_nonnull(strstr(db_migrations[0].sql, "CREATE TABLE users"));
    ck_assert_ptr_nonnull(strstr(db_migrations[0].sql, "CREATE TABLE audit_log"));
}
END_TEST

START_TEST(embedded_text_matches_schema_file)
{
    FILE *f = fopen(LAB_SCHEMA_DIR "/0001_core.sql", "rb");
    char *buf;
    long n;

    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = calloc(1, (size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    ck_assert_str_eq(db_migrations[0].sql, buf);
    free(buf);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("db");
    TCase *tc = tcase_create("sqlstate");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, maps_sqlstate_to_lab_code, 0, (int)ARRAY_SIZE(sqlstate_cases));
    tcase_add_test(tc, null_sqlstate_means_connection_lost);
    suite_add_tcase(s, tc);
    tc = tcase_create("typed_text");
    tcase_add_loop_test(tc, i64_text_table, 0, (int)ARRAY_SIZE(i64_cases));
    tcase_add_test(tc, u64_text_reads_full_range_and_refuses_sign);
    tcase_add_test(tc, bool_text_is_t_or_f_only);
    tcase_add_test(tc, null_text_is_not_found);
    tcase_add_test(tc, params_round_trip_through_text);
    tcase_add_test(tc, one_line_joins_libpq_lines);
    suite_add_tcase(s, tc);
    tc = tcase_create("channels");
    tcase_add_loop_test(tc, event_round_trip, 0, (int)ARRAY_SIZE(round_trip_events));
    tcase_add_test(tc, event_payloads_are_the_documented_text);
    tcase_add_loop_test(tc, event_parser_refuses_hostile_payloads, 0,
                        (int)ARRAY_SIZE(hostile_payloads));
    tcase_add_test(tc, event_parser_checks_channel);
    tcase_add_test(tc, event_encoder_refuses_what_the_parser_would);
    suite_add_tcase(s, tc);
    tc = tcase_create("migrations");
    tcase_add_test(tc, accepts_ordered_list);
    tcase_add_test(tc, rejects_gap_order_name_and_empty);
    tcase_add_test(tc, checksum_is_sha256_of_text);
    tcase_add_test(tc, checksum_changes_with_one_byte);
    tcase_add_test(tc, embedded_list_is_valid_and_complete);
    tcase_add_test(tc, embedded_text_matches_schema_file);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
