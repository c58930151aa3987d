/*
 * test_client_codefile.c — the program file is checked before anything is
 * sent (missing, folder, not a file, empty, too large, not UTF-8), and the
 * starter never replaces a file without --force.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/codefile.h"
#include "common/str.h"

static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/codefile.XXXXXX");
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

static void put(const char *name, const char *data, size_t len)
{
    FILE *f = fopen(name, "wb");

    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

static int rd(const char *path, size_t cap, char **data, size_t *len, struct fail *f)
{
    memset(f, 0, sizeof *f);
    return codefile_read(path, cap, "labclient ", "hello", data, len, f);
}

START_TEST(reads_a_good_file)
{
    struct fail f;
    char *data;
    size_t len;

    put("hello.py", "print('hé')\n", 13);
    ck_assert_int_eq(rd("hello.py", 1024, &data, &len, &f), 0);
    ck_assert_uint_eq(len, 13);
    ck_assert_str_eq(data, "print('hé')\n");
    free(data);
    /* exactly at the cap is fine */
    ck_assert_int_eq(rd("hello.py", 13, &data, &len, &f), 0);
    free(data);
}
END_TEST

static const struct {
    const char *name;
    const char *data;
    size_t len;
    const char *text;
} bad_cases[] = {
    {"missing.py", NULL, 0, "There is no file 'missing.py' here."},
    {"empty.py", "", 0, "'empty.py' is empty."},
    {"big.py", "0123456789abcdefX", 17, "'big.py' is too large: programs can be at most 0 KiB."},
    {"latin1.py", "a = 1\nb = 'caf\xe9'\n", 16,
     "'latin1.py' is not plain UTF-8 text (see line 2)."},
    {"nul.py", "x\n\ny\0z\n", 7, "'nul.py' is not plain UTF-8 text (see line 3)."},
    {"bin\x1b[31m.py",
     "\x7f"
     "ELF\x02",
     5, "There is no file 'bin?[31m.py' here."},
};

START_TEST(refuses_bad_files)
{
    struct fail f;
    char *data = (char *)"x";
    size_t len = 1;

    if (bad_cases[_i].data && bad_cases[_i].name[3] != '\x1b')
        put(bad_cases[_i].name, bad_cases[_i].data, bad_cases[_i].len);
    ck_assert_int_eq(rd(bad_cases[_i].name, 16, &data, &len, &f), -1);
    ck_assert_ptr_null(data);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(f.exit_code, EXIT_USAGE);
    ck_assert_str_eq(f.code, "bad_file");
    ck_assert_str_eq(f.text, bad_cases[_i].text);
    ck_assert(f.hint[0] != '\0');
}
END_TEST

START_TEST(missing_file_hint_says_start)
{
    struct fail f;
    char *data;
    size_t len;

    ck_assert_int_eq(rd("hello.py", 100, &data, &len, &f), -1);
    ck_assert_ptr_nonnull(strstr(f.hint, "labclient start hello"));
}
END_TEST

START_TEST(refuses_folders_and_devices)
{
    struct fail f;
    char *data;
    size_t len;

    ck_assert_int_eq(mkdir("sub.py", 0755), 0);
    ck_assert_int_eq(rd("sub.py", 100, &data, &len, &f), -1);
    ck_assert_str_eq(f.text, "'sub.py' is a folder, not a file.");
    ck_assert_int_eq(mkfifo("pipe.py", 0644), 0);
    ck_assert_int_eq(rd("pipe.py", 100, &data, &len, &f), -1); /* and does not hang */
    ck_assert_str_eq(f.text, "'pipe.py' is not a regular file.");
}
END_TEST

START_TEST(refuses_unreadable)
{
    struct fail f;
    char *data;
    size_t len;

    if (geteuid() == 0)
        return; /* root reads anything: nothing to test */
    put("secret.py", "x=1\n", 4);
    ck_assert_int_eq(chmod("secret.py", 0), 0);
    ck_assert_int_eq(rd("secret.py", 100, &data, &len, &f), -1);
    ck_assert_str_eq(f.text, "You are not allowed to read 'secret.py'.");
}
END_TEST

static const struct {
    const char *s;
    size_t len;
    size_t line;
} utf8_cases[] = {
    {"", 0, 0},     {"abc\ndef\n", 8, 0},   {"\xc3\xa9\n\xf0\x9f\x98\x80\n", 7, 0},
    {"\xff", 1, 1}, {"ok\nok\n\xc3", 7, 3}, {"ok\n\xed\xa0\x80\n", 7, 2}, /* surrogate */
    {"a\0b", 3, 1},
};

START_TEST(finds_bad_utf8_line)
{
    ck_assert_uint_eq(codefile_bad_utf8_line(utf8_cases[_i].s, utf8_cases[_i].len),
                      utf8_cases[_i].line);
}
END_TEST

START_TEST(writes_starter_only_when_allowed)
{
    struct fail f;
    char *data;
    size_t len;

    memset(&f, 0, sizeof f);
    ck_assert(!codefile_exists("hello.py"));
    ck_assert_int_eq(codefile_write("hello.py", "# start\n", 8, false, &f), 0);
    ck_assert(codefile_exists("hello.py"));
    /* the student's work is never replaced without --force */
    put("hello.py", "my work\n", 8);
    ck_assert_int_eq(codefile_write("hello.py", "# start\n", 8, false, &f), -1);
    ck_assert_int_eq(f.exit_code, EXIT_USAGE);
    ck_assert_str_eq(f.code, "file_exists");
    ck_assert_int_eq(rd("hello.py", 100, &data, &len, &f), 0);
    ck_assert_str_eq(data, "my work\n");
    free(data);
    ck_assert_int_eq(codefile_write("hello.py", "# start\n", 8, true, &f), 0);
    ck_assert_int_eq(rd("hello.py", 100, &data, &len, &f), 0);
    ck_assert_str_eq(data, "# start\n");
    free(data);
    /* a dangling symbolic link is not followed */
    ck_assert_int_eq(symlink("/tmp/nowhere-codefile-test", "link.py"), 0);
    ck_assert(codefile_exists("link.py"));
    ck_assert_int_eq(codefile_write("link.py", "x", 1, false, &f), -1);
    ck_assert_int_eq(access("/tmp/nowhere-codefile-test", F_OK), -1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_codefile");
    TCase *tc = tcase_create("codefile");
    SRunner *sr;
    int failed;

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, reads_a_good_file);
    tcase_add_loop_test(tc, refuses_bad_files, 0, (int)ARRAY_SIZE(bad_cases));
    tcase_add_test(tc, missing_file_hint_says_start);
    tcase_add_test(tc, refuses_folders_and_devices);
    tcase_add_test(tc, refuses_unreadable);
    tcase_add_loop_test(tc, finds_bad_utf8_line, 0, (int)ARRAY_SIZE(utf8_cases));
    tcase_add_test(tc, writes_starter_only_when_allowed);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
