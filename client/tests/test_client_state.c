/*
 * test_client_state.c — config dir modes, config keys, the token file and
 * known_servers parsing and updating, fingerprint formatting.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/state.h"
#include "common/str.h"

#define HEX_A "78adf599d5e99cedfcfede1e6d958c3fc1ebdb5da89cca2c8a068cddec732cd5"
#define HEX_B "0000000000000000000000000000000000000000000000000000000000000001"

static char tmpdir[256];

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_client_state.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    char cmd[300];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

static mode_t mode_of(const char *path)
{
    struct stat sb;

    ck_assert_int_eq(stat(path, &sb), 0);
    return sb.st_mode & 07777;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");

    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static char *read_text(const char *path)
{
    static char buf[4096];
    FILE *f = fopen(path, "r");
    size_t n;

    ck_assert_ptr_nonnull(f);
    n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

START_TEST(creates_private_dirs)
{
    struct state st;
    struct lab_err err;
    char dir[400];

    snprintf(dir, sizeof dir, "%s/a/b/labclient", tmpdir);
    ck_assert_int_eq(state_open_dir(&st, dir, &err), 0);
    ck_assert_uint_eq(mode_of(dir), 0700);
    snprintf(dir, sizeof dir, "%s/a", tmpdir);
    ck_assert_uint_eq(mode_of(dir), 0700);
    /* an existing, too open directory is narrowed */
    snprintf(dir, sizeof dir, "%s/open", tmpdir);
    ck_assert_int_eq(mkdir(dir, 0755), 0);
    ck_assert_int_eq(chmod(dir, 0755), 0);
    ck_assert_int_eq(state_open_dir(&st, dir, &err), 0);
    ck_assert_uint_eq(mode_of(dir), 0700);
}
END_TEST

START_TEST(config_keys_round_trip)
{
    struct state st;
    struct lab_err err;
    char v[STATE_VALUE_MAX], path[STATE_PATH_MAX];

    ck_assert_int_eq(state_open_dir(&st, tmpdir, &err), 0);
    ck_assert_int_eq(state_get(&st, "server", v, sizeof v), LAB_E_NOT_FOUND);
    ck_assert_int_eq(state_set(&st, "server", "wss://a:1", &err), 0);
    ck_assert_int_eq(state_set(&st, "user", "alice", &err), 0);
    ck_assert_int_eq(state_set(&st, "server", "wss://b:2", &err), 0);
    ck_assert_int_eq(state_get(&st, "server", v, sizeof v), 0);
    ck_assert_str_eq(v, "wss://b:2");
    ck_assert_int_eq(state_get(&st, "user", v, sizeof v), 0);
    ck_assert_str_eq(v, "alice");
    ck_assert_int_eq(state_set(&st, "user", NULL, &err), 0);
    ck_assert_int_eq(state_get(&st, "user", v, sizeof v), LAB_E_NOT_FOUND);
    ck_assert_int_eq(state_set(&st, "user", "a\nb", &err), LAB_E_PARSE);
    ck_assert_int_eq(state_path(&st, "config", path, sizeof path), 0);
    ck_assert_uint_eq(mode_of(path), 0600);
    /* hand-edited files: spaces and comments are fine */
    write_text(path, "# mine\n  server = wss://c:3  \nnonsense\n");
    ck_assert_int_eq(state_get(&st, "server", v, sizeof v), 0);
    ck_assert_str_eq(v, "wss://c:3");
}
END_TEST

START_TEST(token_file_is_0600)
{
    struct state st;
    struct lab_err err;
    char tok[128], path[STATE_PATH_MAX];

    umask(0);
    ck_assert_int_eq(state_open_dir(&st, tmpdir, &err), 0);
    ck_assert_int_eq(state_token_get(&st, tok, sizeof tok), LAB_E_NOT_FOUND);
    ck_assert_int_eq(state_token_put(&st, "secret-token", &err), 0);
    ck_assert_int_eq(state_path(&st, "token", path, sizeof path), 0);
    ck_assert_uint_eq(mode_of(path), 0600);
    ck_assert_int_eq(state_token_get(&st, tok, sizeof tok), 0);
    ck_assert_str_eq(tok, "secret-token");
    ck_assert_int_eq(state_token_put(&st, "bad\ntoken", &err), LAB_E_PARSE);
    ck_assert_int_eq(state_token_remove(&st), 0);
    ck_assert_int_eq(state_token_remove(&st), 0);
    ck_assert_int_eq(state_token_get(&st, tok, sizeof tok), LAB_E_NOT_FOUND);
}
END_TEST

START_TEST(known_servers_lookup_add_remove)
{
    struct lab_err err;
    char path[400], hex[SHA256_HEX_LEN + 1];

    snprintf(path, sizeof path, "%s/known_servers", tmpdir);
    ck_assert_int_eq(known_lookup(path, "a:1", hex), LAB_E_NOT_FOUND);
    ck_assert_int_eq(known_add(path, "a:1", HEX_A, &err), 0);
    ck_assert_uint_eq(mode_of(path), 0600);
    ck_assert_int_eq(known_add(path, "[::1]:7443", HEX_B, &err), 0);
    ck_assert_int_eq(known_lookup(path, "a:1", hex), 0);
    ck_assert_str_eq(hex, HEX_A);
    ck_assert_int_eq(known_lookup(path, "[::1]:7443", hex), 0);
    ck_assert_str_eq(hex, HEX_B);
    ck_assert_int_eq(known_lookup(path, "a:12", hex), LAB_E_NOT_FOUND);
    ck_assert_int_eq(known_lookup(path, "a", hex), LAB_E_NOT_FOUND);
    /* replacing keeps one line per host:port */
    ck_assert_int_eq(known_add(path, "a:1", HEX_B, &err), 0);
    ck_assert_int_eq(known_lookup(path, "a:1", hex), 0);
    ck_assert_str_eq(hex, HEX_B);
    ck_assert_str_eq(read_text(path), "[::1]:7443 " HEX_B "\na:1 " HEX_B "\n");
    ck_assert_int_eq(known_remove(path, "a:1", &err), 0);
    ck_assert_int_eq(known_remove(path, "a:1", &err), LAB_E_NOT_FOUND);
    ck_assert_int_eq(known_lookup(path, "a:1", hex), LAB_E_NOT_FOUND);
    ck_assert_int_eq(known_add(path, "bad key", HEX_A, &err), LAB_E_PARSE);
    ck_assert_int_eq(known_add(path, "b:1", "abc", &err), LAB_E_PARSE);
}
END_TEST

START_TEST(known_servers_tolerates_hand_edits)
{
    struct lab_err err;
    char path[400], hex[SHA256_HEX_LEN + 1];

    snprintf(path, sizeof path, "%s/known_servers", tmpdir);
    write_text(path, "# pinned by labclient\n\n"
                     "broken-line\n"
                     "short:1 abcd\n"
                     "  up:7443\t"
                     "78ADF599D5E99CEDFCFEDE1E6D958C3FC1EBDB5DA89CCA2C8A068CDDEC732CD5"
                     "  \r\n"
                     "last:1 " HEX_B); /* no final newline */
    ck_assert_int_eq(known_lookup(path, "up:7443", hex), 0);
    ck_assert_str_eq(hex, HEX_A); /* lowercased */
    ck_assert_int_eq(known_lookup(path, "last:1", hex), 0);
    ck_assert_int_eq(known_lookup(path, "short:1", hex), LAB_E_NOT_FOUND);
    ck_assert_int_eq(known_lookup(path, "broken-line", hex), LAB_E_NOT_FOUND);
    /* rewriting keeps comments and lines it does not understand */
    ck_assert_int_eq(known_remove(path, "last:1", &err), 0);
    ck_assert_ptr_nonnull(strstr(read_text(path), "# pinned by labclient\n"));
    ck_assert_ptr_nonnull(strstr(read_text(path), "broken-line\n"));
    ck_assert_ptr_null(strstr(read_text(path), "last:1"));
}
END_TEST

START_TEST(formats_fingerprints)
{
    char out[FPR_TEXT_LEN + 1];

    ck_assert_int_eq(fpr_format(HEX_A, out), 0);
    ck_assert_str_eq(out, "SHA256:78:ad:f5:99:d5:e9:9c:ed:fc:fe:de:1e:6d:95:8c:3f:c1:eb:db:5d:a8:"
                          "9c:ca:2c:8a:06:8c:dd:ec:73:2c:d5");
    ck_assert_uint_eq(strlen(out), 7 + 32 * 3 - 1);
    ck_assert_int_eq(
        fpr_format("78ADF599D5E99CEDFCFEDE1E6D958C3FC1EBDB5DA89CCA2C8A068CDDEC732CD5", out), 0);
    ck_assert_str_eq(out + 7, "78:ad:f5:99:d5:e9:9c:ed:fc:fe:de:1e:6d:95:8c:3f:c1:eb:db:5d:a8:9c:"
                              "ca:2c:8a:06:8c:dd:ec:73:2c:d5");
    ck_assert_int_eq(fpr_format("abc", out), LAB_E_PARSE);
    ck_assert_int_eq(fpr_format(HEX_A "00", out), LAB_E_PARSE);
    ck_assert_int_eq(
        fpr_format("zzadf599d5e99cedfcfede1e6d958c3fc1ebdb5da89cca2c8a068cddec732cd5", out),
        LAB_E_PARSE);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_state");
    TCase *tc = tcase_create("files");
    SRunner *sr;
    int failed;

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, creates_private_dirs);
    tcase_add_test(tc, config_keys_round_trip);
    tcase_add_test(tc, token_file_is_0600);
    tcase_add_test(tc, known_servers_lookup_add_remove);
    tcase_add_test(tc, known_servers_tolerates_hand_edits);
    tcase_add_test(tc, formats_fingerprints);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
