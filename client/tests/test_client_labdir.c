/*
 * test_client_labdir.c — the lab folder of `live start COHORT ./DIR/` is
 * read exactly (five files, in order) and refused before anything is sent
 * when a file is missing, a symbolic link, not a regular file, over its
 * cap, or the whole folder over the total cap.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/labdir.h"
#include "common/str.h"

static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/labdir.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(chdir(dir), 0);
    ck_assert_int_eq(mkdir("lab", 0755), 0);
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

/* A file of @len bytes of 'x' lines. */
static void put_size(const char *name, size_t len)
{
    char *b = malloc(len + 1);

    ck_assert_ptr_nonnull(b);
    memset(b, 'x', len);
    for (size_t i = 79; i < len; i += 80)
        b[i] = '\n';
    put(name, b, len);
    free(b);
}

static void put_lab(void)
{
    put("lab/lab.ini", "[lab]\nid = my-lab\n", 18);
    put("lab/README.md", "# My lab\n", 9);
    put("lab/starter.py", "print()\n", 8);
    put("lab/solution.py", "print('hi')\n", 12);
    put("lab/checks.py", "checks = []\n", 12);
}

START_TEST(reads_the_five_files)
{
    struct labdir ld;
    struct fail f;

    put_lab();
    put("lab/notes.txt", "not sent\n", 9);
    ck_assert_int_eq(labdir_read("lab/", &ld, &f), 0);
    for (size_t i = 0; i < LABDIR_NFILES; i++)
        ck_assert_str_eq(ld.files[i].name, labdir_names[i]);
    ck_assert_str_eq(ld.files[0].data, "[lab]\nid = my-lab\n");
    ck_assert_uint_eq(ld.files[4].len, 12);
    ck_assert_uint_eq(ld.total, 18 + 9 + 8 + 12 + 12);
    labdir_release(&ld);
    ck_assert_ptr_null(ld.files[0].data);
}
END_TEST

START_TEST(missing_file_is_named)
{
    struct labdir ld;
    struct fail f;

    put_lab();
    ck_assert_int_eq(unlink("lab/checks.py"), 0);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), -1);
    ck_assert_int_eq(f.exit_code, EXIT_USAGE);
    ck_assert_str_eq(f.code, "bad_lab");
    ck_assert_str_eq(f.text, "lab/checks.py: missing.");
    ck_assert_ptr_nonnull(strstr(f.hint, "checks.py"));
    ck_assert_ptr_null(ld.files[0].data); /* nothing half-read is left */
}
END_TEST

START_TEST(refuses_symbolic_links)
{
    struct labdir ld;
    struct fail f;

    put_lab();
    put("secret.txt", "password\n", 9);
    ck_assert_int_eq(unlink("lab/README.md"), 0);
    ck_assert_int_eq(symlink("../secret.txt", "lab/README.md"), 0);
    ck_assert_int_eq(labdir_read("lab/", &ld, &f), -1);
    ck_assert_ptr_nonnull(strstr(f.text, "lab/README.md: is a symbolic link"));
    ck_assert_str_eq(f.code, "bad_lab");
    /* a dangling link too */
    ck_assert_int_eq(unlink("lab/README.md"), 0);
    put("lab/README.md", "# x\n", 4);
    ck_assert_int_eq(symlink("/nowhere/labdir-test", "lab/x"), 0);
    ck_assert_int_eq(unlink("lab/starter.py"), 0);
    ck_assert_int_eq(symlink("/nowhere/labdir-test", "lab/starter.py"), 0);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), -1);
    ck_assert_ptr_nonnull(strstr(f.text, "starter.py: is a symbolic link"));
}
END_TEST

START_TEST(folder_itself_may_be_a_link)
{
    struct labdir ld;
    struct fail f;

    put_lab();
    ck_assert_int_eq(symlink("lab", "via-link"), 0);
    ck_assert_int_eq(labdir_read("via-link/", &ld, &f), 0);
    labdir_release(&ld);
}
END_TEST

START_TEST(refuses_non_regular_files)
{
    struct labdir ld;
    struct fail f;

    put_lab();
    ck_assert_int_eq(unlink("lab/lab.ini"), 0);
    ck_assert_int_eq(mkdir("lab/lab.ini", 0755), 0);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), -1);
    ck_assert_str_eq(f.text, "lab/lab.ini: is not a regular file.");
    ck_assert_int_eq(rmdir("lab/lab.ini"), 0);
    ck_assert_int_eq(mkfifo("lab/lab.ini", 0644), 0);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), -1); /* and does not hang on a FIFO */
    ck_assert_str_eq(f.text, "lab/lab.ini: is not a regular file.");
}
END_TEST

START_TEST(caps_each_file)
{
    struct labdir ld;
    struct fail f;

    put_lab();
    put_size("lab/solution.py", LABDIR_FILE_MAX);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), 0); /* exactly the cap is fine */
    labdir_release(&ld);
    put_size("lab/solution.py", LABDIR_FILE_MAX + 1);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), -1);
    ck_assert_str_eq(f.text, "lab/solution.py: is too large (256 KiB at most).");
}
END_TEST

START_TEST(caps_the_total)
{
    struct labdir ld;
    struct fail f;

    put_lab();
    put_size("lab/README.md", LABDIR_FILE_MAX);
    put_size("lab/starter.py", LABDIR_FILE_MAX - 100);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), 0); /* 512 KiB - 100 + small files */
    labdir_release(&ld);
    put_size("lab/starter.py", LABDIR_FILE_MAX);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), -1);
    ck_assert_str_eq(f.code, "bad_lab");
    ck_assert_str_eq(f.text,
                     "The lab folder 'lab' is too large: its five files can be 512 KiB in all.");
}
END_TEST

START_TEST(refuses_binary_and_missing_folder)
{
    struct labdir ld;
    struct fail f;

    put_lab();
    put("lab/checks.py", "ok\n\xff\xfe\n", 6);
    ck_assert_int_eq(labdir_read("lab", &ld, &f), -1);
    ck_assert_str_eq(f.text, "lab/checks.py: is not plain UTF-8 text (see line 2).");
    ck_assert_int_eq(labdir_read("nope/", &ld, &f), -1);
    ck_assert_ptr_nonnull(strstr(f.text, "Cannot open the lab folder 'nope/'"));
    ck_assert_int_eq(labdir_read("lab/lab.ini", &ld, &f), -1);
    ck_assert_ptr_nonnull(strstr(f.text, "it is not a folder"));
}
END_TEST

START_TEST(tells_folders_from_lab_ids)
{
    put_lab();
    ck_assert(labdir_is_upload("./my-lab/"));
    ck_assert(labdir_is_upload("x/y"));
    ck_assert(labdir_is_upload("lab")); /* an existing folder */
    ck_assert(!labdir_is_upload("hello-world"));
    put("hello", "", 0);
    ck_assert(!labdir_is_upload("hello")); /* a file is not a folder */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_labdir");
    TCase *tc = tcase_create("labdir");
    SRunner *sr;
    int failed;

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, reads_the_five_files);
    tcase_add_test(tc, missing_file_is_named);
    tcase_add_test(tc, refuses_symbolic_links);
    tcase_add_test(tc, folder_itself_may_be_a_link);
    tcase_add_test(tc, refuses_non_regular_files);
    tcase_add_test(tc, caps_each_file);
    tcase_add_test(tc, caps_the_total);
    tcase_add_test(tc, refuses_binary_and_missing_folder);
    tcase_add_test(tc, tells_folders_from_lab_ids);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
