/*
 * test_db.c — unit tests for db/: SQLSTATE mapping, the migration list check
 * and checksums, and the embedded migrations themselves. Nothing here needs a
 * running PostgreSQL; the database behaviour is covered by tests/e2e.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
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
