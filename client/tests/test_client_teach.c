/*
 * test_client_teach.c — the gradebook file is written exactly as sent and
 * never replaces a file without --force (nor follows a link); network text
 * printed for a person keeps its lines and tabs and loses its escapes.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/cmd_teach.h"
#include "common/str.h"

static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/teach.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(chdir(dir), 0);
}

static void teardown(void)
{
    char cmd[128];

    if (chdir("/") == 0) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *b = calloc(1, 4096);

    ck_assert_ptr_nonnull(f);
    *len = fread(b, 1, 4095, f);
    fclose(f);
    return b;
}

static const char csv[] = "username,hello,loops\r\nmax points,10,10\r\nada,10,7\r\nbob,0,\r\n";

START_TEST(writes_a_new_csv_as_sent)
{
    struct fail f;
    struct stat st;
    size_t len;
    char *b;

    ck_assert_int_eq(teach_write_csv("grades.csv", csv, sizeof csv - 1, false, &f), 0);
    b = slurp("grades.csv", &len);
    ck_assert_uint_eq(len, sizeof csv - 1);
    ck_assert_int_eq(memcmp(b, csv, len), 0); /* CR LF kept: it is the LMS's format */
    free(b);
    ck_assert_int_eq(stat("grades.csv", &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0644);
}
END_TEST

START_TEST(refuses_to_overwrite_without_force)
{
    struct fail f;
    size_t len;
    char *b;

    ck_assert_int_eq(teach_write_csv("grades.csv", "old\n", 4, false, &f), 0);
    ck_assert_int_eq(teach_write_csv("grades.csv", csv, sizeof csv - 1, false, &f), -1);
    ck_assert_int_eq(f.exit_code, EXIT_USAGE);
    ck_assert_str_eq(f.code, "file_exists");
    ck_assert_ptr_nonnull(strstr(f.hint, "--force"));
    b = slurp("grades.csv", &len);
    ck_assert_str_eq(b, "old\n");
    free(b);
    ck_assert_int_eq(teach_write_csv("grades.csv", csv, sizeof csv - 1, true, &f), 0);
    b = slurp("grades.csv", &len);
    ck_assert_uint_eq(len, sizeof csv - 1);
    free(b);
}
END_TEST

START_TEST(never_writes_through_a_link)
{
    struct fail f;

    ck_assert_int_eq(symlink("/tmp/teach-nowhere-test.csv", "grades.csv"), 0);
    ck_assert_int_eq(teach_write_csv("grades.csv", csv, sizeof csv - 1, false, &f), -1);
    ck_assert_str_eq(f.code, "file_exists");
    ck_assert_int_eq(access("/tmp/teach-nowhere-test.csv", F_OK), -1);
    ck_assert_int_eq(teach_write_csv("no/such/dir.csv", csv, sizeof csv - 1, false, &f), -1);
    ck_assert_str_eq(f.code, "bad_file");
}
END_TEST

START_TEST(counts_csv_rows)
{
    ck_assert_uint_eq(teach_csv_rows(csv, sizeof csv - 1), 2);
    ck_assert_uint_eq(teach_csv_rows("h\nm\na,1", 7), 1); /* no last newline */
    ck_assert_uint_eq(teach_csv_rows("h\nm\n", 4), 0);
    ck_assert_uint_eq(teach_csv_rows("h\n", 2), 0);
    ck_assert_uint_eq(teach_csv_rows("", 0), 0);
}
END_TEST

START_TEST(prints_network_text_safely)
{
    static const char code[] = "def f():\r\n\treturn 1\033[2J\n# \xff end";
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);

    ck_assert_ptr_nonnull(m);
    teach_print_text(m, code, sizeof code - 1);
    fclose(m);
    ck_assert_str_eq(text, "def f():\n\treturn 1?[2J\n# ? end\n");
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_teach");
    TCase *tc = tcase_create("teach");
    SRunner *sr;
    int failed;

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, writes_a_new_csv_as_sent);
    tcase_add_test(tc, refuses_to_overwrite_without_force);
    tcase_add_test(tc, never_writes_through_a_link);
    tcase_add_test(tc, counts_csv_rows);
    tcase_add_test(tc, prints_network_text_safely);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
