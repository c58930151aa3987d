/*
 * test_labdir.c — what a teacher reads when a lab folder is refused: lab.ini
 * errors name the line and the key, indented lines are refused, and a lab's
 * folder must be named after its id.
 */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/str.h"
#include "grade/labdir.h"

static const char good_ini[] = "[lab]\n"
                               "id = b-hello\n"
                               "title = Hello, world\n"
                               "section = 1.1\n"
                               "roadmap = 1.1.1, 1.1.2\n"
                               "points = 20\n";

START_TEST(accepts_comments_blank_lines_and_crlf)
{
    static const char ini[] = "; a comment\r\n"
                              "# another\r\n"
                              "\r\n"
                              "[lab]   ; the lab itself\r\n"
                              "id = b-hello   \r\n"
                              "title = C# for fun ; inline comment\r\n"
                              "roadmap = 1.1.1\r\n"
                              "\t\r\n"
                              "[limits]\r\n"
                              "cpu_ms=1500\r\n";
    struct lab_def lab;
    struct lab_err err;

    memset(&lab, 0, sizeof lab);
    ck_assert_msg(labdir_parse_ini(ini, &lab, &err) == 0, "%s", err.msg);
    ck_assert_str_eq(lab.id, "b-hello");
    ck_assert_str_eq(lab.title, "C# for fun");
    ck_assert_uint_eq(lab.limits.cpu_ms, 1500);
}
END_TEST

/* Each bad lab.ini and the whole message a teacher reads. */
static const struct {
    const char *ini;
    const char *msg;
} bad[] = {
    {"[lab]\nid = b-x\ntitle = t\nroadmap = 1.1.1\n\n; points\npoints = 0\n",
     "lab.ini line 7, key 'points': must be a whole number from 1 to 1000, not '0'"},
    {"[lab]\nid = b-x\ntitle = t\nroadmap = 1.1.1\npoints = ten\n",
     "lab.ini line 5, key 'points': must be a whole number from 1 to 1000, not 'ten'"},
    /* inih would read line 5 as more of title's value. */
    {"[lab]\nid = b-x\ntitle = t\nroadmap = 1.1.1\n  points = 10\n",
     "lab.ini line 5 starts with a space: write keys at the start of the line"},
    /* ... and, right after a header, as a key: refused all the same. */
    {"[lab]\n\tid = b-x\n",
     "lab.ini line 2 starts with a tab: write keys at the start of the line"},
    {"[lab]\nid = b-x\n ; an indented comment\n",
     "lab.ini line 3 starts with a space: write keys at the start of the line"},
    {"[lab]\nid = b-x\ntitle = t\nroadmap = 1.1.1\ncolour = red\n",
     "lab.ini line 5, key 'colour': is not a key of [lab] (a typo? labs/README.md lists the keys)"},
    {"[lab]\nid = b-x\ntitle = t\nid = b-y\n",
     "lab.ini line 4, key 'id': is set twice in [lab] (first on line 2): keep one"},
    {"[lab]\nid = b-x\n[limits]\ncpu_ms = 1000\n[lab]\n",
     "lab.ini line 5 repeats the section [lab]: put all its keys under one header"},
    {"[lab]\nid = b-x\n[limit]\n",
     "lab.ini line 3 has an unknown section [limit]: the sections are [lab], [limits] and "
     "[requires]"},
    {"[lab\nid = b-x\n", "lab.ini line 1 has a broken section header: write it like [lab]"},
    {"[lab] x\n", "lab.ini line 1 has text after [lab]: only a comment (space, then ;) may follow"},
    {"[lab]\nid b-x\n", "lab.ini line 2 is not 'key = value', a [section] header or a ; comment"},
    {"[lab]\nTitle = x\n",
     "lab.ini line 2 has the key 'Title': keys are lowercase letters and _ (then =)"},
    {"[lab]\ntitle: x = y\n",
     "lab.ini line 2 has the key 'title: x': keys are lowercase letters and _ (then =)"},
    {"id = b-x\n[lab]\n",
     "lab.ini line 1, key 'id': comes before the first [section] header: put it under [lab], "
     "[limits] or [requires]"},
    {"\xef\xbb\xbf[lab]\n",
     "lab.ini line 1 starts with a byte order mark: save lab.ini as UTF-8 without BOM"},
    {"[lab]\nid = b\x01x\n", "lab.ini line 2 has a control character at byte 7: remove it"},
    {"[lab]\nid = ../etc\n",
     "lab.ini line 2, key 'id': must be 1-64 characters of a-z 0-9 _ . -, starting with a-z or "
     "0-9, not '../etc'"},
    /* Issue 9: the loader once took an id starting with '_' that labserver refuses at submit. */
    {"[lab]\nid = _hidden\n",
     "lab.ini line 2, key 'id': must be 1-64 characters of a-z 0-9 _ . -, starting with a-z or "
     "0-9, not '_hidden'"},
    {"[lab]\nid = b-x\ntitle = t\nroadmap = 1.1\n",
     "lab.ini line 4, key 'roadmap': entry '1.1' is not a roadmap item ID like 1.2.3"},
    {"[lab]\nid = b-x\ntitle = t\nroadmap = ,\n",
     "lab.ini line 4, key 'roadmap': list at least one roadmap item, like 1.1.2"},
    {"[lab]\ntitle = t\nroadmap = 1.1.1\n",
     "lab.ini: [lab] id is missing: add a line 'id = NAME' (NAME is the lab's folder name)"},
    {"[lab]\nid = b-x\nroadmap = 1.1.1\n",
     "lab.ini: [lab] title is missing: add a line like 'title = Pizza party maths'"},
    {"[lab]\nid = b-x\ntitle = t\n",
     "lab.ini: [lab] roadmap must list the roadmap items the lab teaches: add a line like "
     "'roadmap = 1.1.2, 1.1.5'"},
    {"[lab]\nid = b-x\ntitle = t\nroadmap = 1.1.1\n[limits]\ncpu_ms = 5000\nwall_ms = 1000\n",
     "lab.ini line 7, key 'wall_ms': must be at least cpu_ms (5000)"},
    {"[lab]\nid = b-x\ntitle = t\nroadmap = 1.1.1\n[limits]\ncpu_ms = 9000\n",
     "lab.ini line 6, key 'cpu_ms': is more than wall_ms (5000 by default): add 'wall_ms = 9000' "
     "or more under [limits]"},
    {"[lab]\nid = b-x\ntitle = t\nroadmap = 1.1.1\n[requires]\nmodules = os;rm\n",
     "lab.ini line 6, key 'modules': entry 'os;rm' is not a module name"},
};

START_TEST(errors_name_the_line_and_the_key)
{
    struct lab_def lab;
    struct lab_err err;

    memset(&lab, 0, sizeof lab);
    memset(&err, 0, sizeof err);
    ck_assert_int_lt(labdir_parse_ini(bad[_i].ini, &lab, &err), 0);
    ck_assert_msg(!strcmp(err.msg, bad[_i].msg), "case %d:\n  got  %s\n  want %s", _i, err.msg,
                  bad[_i].msg);
}
END_TEST

START_TEST(a_line_too_long_for_inih_is_refused)
{
    char ini[512];
    struct lab_def lab;
    struct lab_err err;

    memset(&lab, 0, sizeof lab);
    snprintf(ini, sizeof ini, "[lab]\nid = b-x\ntitle = %0*d\n", 250, 0);
    ck_assert_int_lt(labdir_parse_ini(ini, &lab, &err), 0);
    ck_assert_msg(strstr(err.msg, "lab.ini line 3 is 258 bytes long: a line may be at most"), "%s",
                  err.msg);
}
END_TEST

static void put(const char *dir, const char *name, const char *text)
{
    char path[PATH_MAX];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* A good lab in <tmp>/@folder; returns the folder's path (free it). */
static char *make_lab(char *root, size_t cap, const char *folder)
{
    char *dir;

    snprintf(root, cap, "/tmp/test_labdir.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
    ck_assert_int_ne(asprintf(&dir, "%s/%s", root, folder), -1);
    ck_assert_int_eq(mkdir(dir, 0755), 0);
    put(dir, "lab.ini", good_ini);
    put(dir, "README.md", "# Hello\n");
    put(dir, "starter.py", "def hello():\n    pass\n");
    put(dir, "solution.py", "def hello():\n    return 'hi'\n");
    put(dir, "checks.py", "from labcheck import check\n");
    return dir;
}

static void remove_lab(const char *root, const char *dir)
{
    static const char *const names[] = {"lab.ini", "README.md", "starter.py", "solution.py",
                                        "checks.py"};
    char path[PATH_MAX];

    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    rmdir(root);
}

START_TEST(the_folder_must_be_named_after_the_id)
{
    struct lab_def *lab = NULL;
    struct lab_err err;
    char root[64], *dir = make_lab(root, sizeof root, "hello-lab");

    memset(&err, 0, sizeof err);
    ck_assert_int_lt(labdir_load(dir, &lab, &err), 0);
    ck_assert_ptr_null(lab);
    ck_assert_str_eq(err.msg, "lab.ini line 2, key 'id': 'b-hello' is not the folder's name "
                              "'hello-lab'");
    ck_assert_msg(strstr(err.hint, "rename the folder to 'b-hello', or set id = hello-lab"), "%s",
                  err.hint);
    remove_lab(root, dir);
    free(dir);
}
END_TEST

START_TEST(the_folder_name_is_found_in_any_spelling)
{
    struct lab_def *lab = NULL;
    struct lab_err err;
    char root[64], cwd[PATH_MAX], path[PATH_MAX], *dir = make_lab(root, sizeof root, "b-hello");

    ck_assert_msg(labdir_load(dir, &lab, &err) == 0, "%s", err.msg);
    ck_assert_str_eq(lab->id, "b-hello");
    labdir_free(lab);
    snprintf(path, sizeof path, "%s//", dir);
    ck_assert_msg(labdir_load(path, &lab, &err) == 0, "%s", err.msg);
    labdir_free(lab);
    snprintf(path, sizeof path, "%s/.", dir);
    ck_assert_msg(labdir_load(path, &lab, &err) == 0, "%s", err.msg);
    labdir_free(lab);
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(dir), 0);
    ck_assert_msg(labdir_load(".", &lab, &err) == 0, "%s", err.msg);
    labdir_free(lab);
    ck_assert_msg(labdir_load("./", &lab, &err) == 0, "%s", err.msg);
    labdir_free(lab);
    ck_assert_int_eq(chdir(root), 0);
    ck_assert_msg(labdir_load("b-hello", &lab, &err) == 0, "%s", err.msg);
    labdir_free(lab);
    /* "..", seen from a folder inside the lab, is the lab. */
    ck_assert_int_eq(mkdir("b-hello/tests", 0755), 0);
    ck_assert_int_eq(chdir("b-hello/tests"), 0);
    ck_assert_msg(labdir_load("..", &lab, &err) == 0, "%s", err.msg);
    labdir_free(lab);
    ck_assert_int_eq(chdir(cwd), 0);
    snprintf(path, sizeof path, "%s/tests", dir);
    rmdir(path);
    remove_lab(root, dir);
    free(dir);
}
END_TEST

START_TEST(an_upload_has_no_folder_to_match)
{
    struct lab_def *a = NULL, *b = NULL;
    struct lab_err err;
    char root[64], *dir = make_lab(root, sizeof root, "b-hello");

    ck_assert_msg(labdir_load(dir, &a, &err) == 0, "%s", err.msg);
    put(dir, "lab.ini", "[lab]\nid = b-other\ntitle = t\nroadmap = 1.1.1\n");
    ck_assert_int_lt(labdir_load(dir, &b, &err), 0);
    ck_assert_msg(strstr(err.msg, "'b-other' is not the folder's name 'b-hello'"), "%s", err.msg);
    ck_assert_int_eq(labdir_from_texts("[lab]\nid = b-other\ntitle = t\nroadmap = 1.1.1\n",
                                       a->readme, a->starter, a->solution, a->checks, &b, &err),
                     0);
    ck_assert_str_eq(b->id, "b-other");
    labdir_free(a);
    labdir_free(b);
    remove_lab(root, dir);
    free(dir);
}
END_TEST

START_TEST(a_bad_ini_in_a_folder_names_the_line)
{
    struct lab_def *lab = NULL;
    struct lab_err err;
    char root[64], *dir = make_lab(root, sizeof root, "b-hello");

    put(dir, "lab.ini", "[lab]\nid = b-hello\ntitle = t\nroadmap = 1.1.1\n  points = 5\n");
    ck_assert_int_lt(labdir_load(dir, &lab, &err), 0);
    ck_assert_str_eq(err.msg, "lab.ini line 5 starts with a space: write keys at the start of "
                              "the line");
    remove_lab(root, dir);
    free(dir);
}
END_TEST

static Suite *labdir_suite(void)
{
    Suite *s = suite_create("labdir");
    TCase *tc = tcase_create("ini");

    tcase_add_test(tc, accepts_comments_blank_lines_and_crlf);
    tcase_add_loop_test(tc, errors_name_the_line_and_the_key, 0, ARRAY_SIZE(bad));
    tcase_add_test(tc, a_line_too_long_for_inih_is_refused);
    suite_add_tcase(s, tc);

    tc = tcase_create("folder");
    tcase_add_test(tc, the_folder_must_be_named_after_the_id);
    tcase_add_test(tc, the_folder_name_is_found_in_any_spelling);
    tcase_add_test(tc, an_upload_has_no_folder_to_match);
    tcase_add_test(tc, a_bad_ini_in_a_folder_names_the_line);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(labdir_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
