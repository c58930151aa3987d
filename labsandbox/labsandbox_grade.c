/*
 * labsandbox_grade.c — `labsandbox check LABDIR...` and `labsandbox grade LABDIR FILE`.
 *
 * The same code path as labworker (job/gradejob.c): the reference runs in
 * the sandbox to produce the expected observations, which stay in this
 * process; then the file under test runs in the sandbox and is compared.
 * No server or database is involved. `check` also runs the lab's own test
 * files, as sandbox/harness/verify_labs.py does without a sandbox:
 * tests/alt_*.py must pass every check, tests/wrong_*.py must fail one.
 *
 * Exit status, the same for both (labsandbox.1): 0 all good; 1 some checks
 * failed (grade: the file did not get full marks; check: the reference, the
 * starter, an alt_ or a wrong_ file did not do what it should); 2 the lab is
 * invalid or missing (or the command line is wrong); 3 the sandbox could
 * not start.
 */
#include "labsandbox/labsandbox_grade.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/json.h"
#include "common/log.h"
#include "common/str.h"
#include "grade/grader.h"
#include "grade/labdir.h"
#include "job/gradejob.h"
#include "sandbox/sandbox.h"

#ifndef LAB_HARNESS_DIR
#define LAB_HARNESS_DIR "/usr/share/labserver/harness"
#endif

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_INVALID = 2, EXIT_SANDBOX = 3 };

#define MAX_TEST_FILES 64

struct grade_opts {
    const char *harness;
    const char *config;
    const char *scratch;
    bool json, verbose;
};

static int parse_opts(int argc, char **argv, struct grade_opts *o, void (*usage)(FILE *))
{
    static const struct option opts[] = {
        {"harness", required_argument, NULL, 'H'}, {"config", required_argument, NULL, 'c'},
        {"json", no_argument, NULL, 'j'},          {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0}};
    int opt;

    o->harness = LAB_HARNESS_DIR;
    o->config = getenv("LAB_CONFIG");
    o->scratch = "/var/tmp/labsandbox";
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'H':
            o->harness = optarg;
            break;
        case 'c':
            o->config = optarg;
            break;
        case 'j':
            o->json = true;
            break;
        case 'v':
            o->verbose = true;
            break;
        case 'h':
            usage(stdout);
            return 1;
        default:
            usage(stderr);
            return -1;
        }
    }
    log_set_level(o->verbose ? LOG_DEBUG : LOG_WARN);
    return 0;
}

static int open_slot(const struct grade_opts *o, struct sandbox_slot **slot, struct lab_err *err)
{
    static const char *const sections[] = {"sandbox", NULL};
    struct sandbox_settings set;
    struct sandbox_config cfg;
    struct sandbox_limits lim;
    int rc;

    if (access(o->harness, R_OK) < 0)
        return lab_errf(err, LAB_E_CONFIG, "the grading harness is not at '%s'; pass --harness DIR",
                        o->harness);
    if (cfg_defaults(sandbox_cfg_keys, &set) < 0)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    if (o->config && o->config[0] &&
        (rc = cfg_load_file_sections(sandbox_cfg_keys, &set, o->config, sections, err)) < 0) {
        cfg_release(sandbox_cfg_keys, &set);
        return rc;
    }
    sandbox_config_default(&cfg);
    sandbox_settings_apply(&set, &cfg, &lim);
    rc = sandbox_slot_new_any(&cfg, &lim, slot, err);
    cfg_release(sandbox_cfg_keys, &set);
    return rc;
}

static long ms_since(const struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (long)((t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000);
}

/* snprintf for report texts, where cutting a long message short is fine. */
__attribute__((format(printf, 3, 4))) static void textf(char *dst, size_t cap, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(dst, cap, fmt, ap);
    va_end(ap);
}

/* @s made safe for a terminal and kept on one line (newlines shown as spaces). */
static const char *one_line(char *buf, size_t cap, const char *s)
{
    str_term_safe(buf, cap, s, strlen(s));
    for (char *p = buf; *p; p++)
        if (*p == '\n')
            *p = ' ';
    return buf;
}

/* Read the open file @fd (closed here): a regular file of at most LAB_FILE_MAX bytes. */
static int read_fd(int fd, const char *name, char **out, size_t *len, struct lab_err *err)
{
    struct stat st;
    char *buf;
    size_t got = 0;

    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > LAB_FILE_MAX) {
        close(fd);
        return lab_errf(err, LAB_E_TOO_LARGE, "'%s' is not a regular file of at most %d bytes",
                        name, LAB_FILE_MAX);
    }
    buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        close(fd);
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    }
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    buf[got] = '\0';
    *out = buf;
    *len = got;
    return 0;
}

/* Read @name in directory fd @dfd, never through a symbolic link. */
static int read_at(int dfd, const char *name, char **out, size_t *len, struct lab_err *err)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);

    if (fd < 0)
        return lab_errf(err, -errno,
                        errno == ELOOP ? "'%s' is a symbolic link" : "cannot open '%s'", name);
    return read_fd(fd, name, out, len, err);
}

/* ---- check: one lab directory ------------------------------------------------------------ */

/* One tests/alt_*.py or tests/wrong_*.py, and whether it did what its name says. */
struct test_file {
    char name[96]; /* "tests/wrong_hardcoded.py" */
    bool alt;      /* alt_: must pass every check; wrong_: must fail at least one */
    int status;    /* EXIT_OK, EXIT_FAILED, or EXIT_INVALID when it could not be read */
    char reason[320];
    char next[200];
};

/* A lab directory being checked. */
struct lab_run {
    const char *dir;
    struct lab_def *lab;
    struct gradejob_lab gl;
    struct check_spec specs[GRADE_MAX_CHECKS];
    char *expected[GRADE_MAX_CHECKS];
    size_t n;
    int status;         /* EXIT_* for this lab */
    bool verified;      /* the reference and the starter did what they should */
    struct lab_err err; /* why, when the lab itself is not good (or tests/ is unreadable) */
    char next[400];     /* what to do about it */
    struct test_file *files;
    size_t n_files, n_alt_ok, n_wrong_caught;
};

static void lab_run_release(struct lab_run *r)
{
    for (size_t k = 0; k < r->n; k++)
        free(r->expected[k]);
    gradejob_lab_release(&r->gl);
    labdir_free(r->lab);
    free(r->files);
}

/* Drop trailing newlines and spaces (a tail of the harness's stderr ends with one). */
static void rtrim(char *s)
{
    size_t n = strlen(s);

    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static bool starts_with(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

/*
 * Load @r->dir and verify it as an import would: lab.ini and the files, the
 * checks load, the reference passes twice alike, the starter fails. Sets
 * @r->status (with @r->err and @r->next when not good). Returns a negative
 * code only when the sandbox failed (@r->status is then EXIT_SANDBOX).
 */
static int verify_lab(struct sandbox_slot *slot, const struct grade_opts *o, struct lab_run *r)
{
    struct check_spec listed[GRADE_MAX_CHECKS];
    bool unittest;
    int rc;

    r->status = EXIT_INVALID;
    rc = labdir_load(r->dir, &r->lab, &r->err);
    if (rc < 0) {
        if (r->err.hint[0])
            textf(r->next, sizeof r->next, "%s", r->err.hint);
        else if (starts_with(r->err.msg, "lab.ini"))
            textf(r->next, sizeof r->next,
                  "see \"lab.ini: exact format\" in labs/README.md for every rule");
        else
            textf(r->next, sizeof r->next,
                  "a lab folder holds lab.ini, README.md, starter.py, solution.py and "
                  "checks.py as plain UTF-8 files");
        return 0;
    }
    /* The harness reads unittest checks from its stdin, never from the lab folder. */
    unittest = r->lab->checks_mode == LAB_CHECKS_UNITTEST;
    r->status = EXIT_SANDBOX;
    rc = gradejob_lab_prepare(r->lab, o->scratch, &r->gl, &r->err);
    if (rc < 0)
        return rc;
    /* Listed apart from gradejob_verify() so that checks.py failing to load is told
     * apart from the reference failing. */
    rc = gradejob_list_checks(slot, o->harness, &r->gl, listed, GRADE_MAX_CHECKS, &r->err);
    if (rc == LAB_E_PARSE) {
        r->status = EXIT_INVALID;
        textf(r->next, sizeof r->next,
              "see the whole error: /usr/bin/python3 -I %s/harness.py "
              "--lab %s --list%s%s%s",
              o->harness, r->dir, unittest ? " --checks-stdin < " : "", unittest ? r->dir : "",
              unittest ? "/checks.py" : "");
        return 0;
    }
    if (rc < 0)
        return rc;
    rc = gradejob_verify(slot, o->harness, r->lab, &r->gl, r->specs, &r->n, r->expected, &r->err);
    if (rc == 0) {
        r->status = EXIT_OK;
        r->verified = true;
        return 0;
    }
    if (rc != LAB_E_PARSE)
        return rc;
    /* What gradejob_verify() refuses: required modules (lab.ini), solution.py, starter.py. */
    if (starts_with(r->err.msg, "lab.ini")) {
        r->status = EXIT_INVALID;
        textf(r->next, sizeof r->next, "%s",
              r->err.hint[0] ? r->err.hint : "fix lab.ini (labs/README.md)");
    } else if (starts_with(r->err.msg, "starter.py")) {
        r->status = EXIT_FAILED;
        textf(r->next, sizeof r->next,
              "starter.py must fail at least one check: leave the work (the function "
              "bodies) to the student");
    } else {
        r->status = EXIT_FAILED;
        textf(r->next, sizeof r->next,
              "see what each check observes: /usr/bin/python3 -I %s/harness.py --lab %s "
              "--student %s/solution.py%s%s%s",
              o->harness, r->dir, r->dir, unittest ? " --checks-stdin < " : "",
              unittest ? r->dir : "", unittest ? "/checks.py" : "");
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);

    return n >= k && !strcmp(s + n - k, suffix);
}

/*
 * The names in @r->dir/tests/ that are test files (alt_*.py, wrong_*.py),
 * sorted, into @names (each malloc'd; at most MAX_TEST_FILES). Others are
 * reported on stderr and skipped. *@tdir gets the folder's fd (-1: no tests/).
 */
static int list_test_files(struct lab_run *r, int *tdir, char **names, size_t *n, bool quiet)
{
    DIR *d;
    struct dirent *e;
    int dfd, fd;

    *n = 0;
    *tdir = -1;
    dfd = open(r->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return lab_errf(&r->err, -errno, "cannot open '%s'", r->dir);
    fd = openat(dfd, "tests", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    close(dfd);
    if (fd < 0)
        return errno == ENOENT ? 0
                               : lab_errf(&r->err, -errno, "cannot open tests/ in '%s'", r->dir);
    *tdir = dup(fd);
    if (*tdir < 0 || !(d = fdopendir(fd))) {
        close(fd);
        return lab_errf(&r->err, -errno, "cannot read tests/ in '%s'", r->dir);
    }
    while ((e = readdir(d))) {
        bool test = (starts_with(e->d_name, "alt_") || starts_with(e->d_name, "wrong_")) &&
                    ends_with(e->d_name, ".py");
        if (!test) {
            if (!quiet && ends_with(e->d_name, ".py"))
                fprintf(stderr,
                        "labsandbox: note: %s: tests/%s is not run (name it alt_*.py "
                        "or wrong_*.py)\n",
                        r->dir, e->d_name);
            continue;
        }
        if (*n == MAX_TEST_FILES) {
            fprintf(stderr, "labsandbox: note: %s: only the first %d test files are run\n", r->dir,
                    MAX_TEST_FILES);
            break;
        }
        if (!(names[*n] = str_dup(e->d_name))) {
            closedir(d);
            return lab_errf(&r->err, LAB_E_NOMEM, "out of memory");
        }
        (*n)++;
    }
    closedir(d);
    qsort(names, *n, sizeof *names, cmp_str);
    return 0;
}

/* The first failed case of @c, in a few words: "add(2, 3): expected 5, got 6". */
static void first_failure(const struct check_outcome *c, char *out, size_t cap)
{
    for (size_t j = 0; c->cases && j < c->n_cases; j++) {
        const struct case_outcome *k = &c->cases[j];
        if (k->passed)
            continue;
        if (k->error && k->error[0])
            snprintf(out, cap, "%s%s%s", k->call && k->call[0] ? k->call : "",
                     k->call && k->call[0] ? ": " : "", k->error);
        else if (k->call && k->expected)
            snprintf(out, cap, "%s: expected %s, got %s", k->call[0] ? k->call : c->name,
                     k->expected, k->got ? k->got : "nothing");
        else
            snprintf(out, cap, "%s", k->about && k->about[0] ? k->about : c->message);
        return;
    }
    snprintf(out, cap, "%s", c->message);
}

/* Grade @code as @t says it should be graded; fill @t's status and reason. */
static int run_test_file(struct sandbox_slot *slot, const struct grade_opts *o, struct lab_run *r,
                         const char *code, size_t len, struct test_file *t)
{
    struct observation obs[GRADE_MAX_CHECKS];
    struct grade_report rep;
    enum grade_run_end end;
    char msg[256];
    bool syn = false;
    int rc;

    memset(obs, 0, sizeof obs);
    rc = gradejob_observe(slot, o->harness, &r->gl, code, len, r->specs, r->n, obs, &syn, msg,
                          sizeof msg, &end, &r->err);
    if (rc < 0) {
        grade_observations_release(obs, GRADE_MAX_CHECKS);
        return rc;
    }
    grade_compare(r->specs, r->n, obs, (const char *const *)r->expected, syn, msg, end,
                  r->lab->points, &rep);
    t->status = EXIT_OK;
    if (t->alt && rep.verdict != GRADE_ACCEPTED) {
        char names[160] = "", first[200] = "";
        size_t failed = 0;

        for (size_t i = 0; i < rep.n_checks; i++) {
            const struct check_outcome *c = &rep.checks[i];
            size_t used = strlen(names);
            if (c->passed)
                continue;
            if (!failed++)
                first_failure(c, first, sizeof first);
            snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "", c->name);
        }
        t->status = EXIT_FAILED;
        if (syn)
            textf(t->reason, sizeof t->reason, "has a syntax error: %s", msg);
        else if (failed)
            textf(t->reason, sizeof t->reason, "fails %zu of %zu checks (%s): %s", failed,
                  rep.n_checks, names, first);
        else
            textf(t->reason, sizeof t->reason, "does not get full marks (%s): %s",
                  grade_verdict_name(rep.verdict), rep.message);
        textf(t->next, sizeof t->next,
              "if it is correct, make the failing check accept it; if it is wrong, rename "
              "it to wrong_%s",
              t->name + strlen("tests/alt_"));
    } else if (!t->alt && rep.verdict == GRADE_ACCEPTED) {
        t->status = EXIT_FAILED;
        textf(t->reason, sizeof t->reason,
              "passes every check, but a wrong_ file must fail at least one");
        textf(t->next, sizeof t->next,
              "add a check (or a case) that this mistake fails; if the file is correct, "
              "rename it to alt_%s",
              t->name + strlen("tests/wrong_"));
    }
    if (t->status == EXIT_OK) {
        if (t->alt)
            r->n_alt_ok++;
        else
            r->n_wrong_caught++;
    }
    grade_report_release(&rep);
    grade_observations_release(obs, GRADE_MAX_CHECKS);
    return 0;
}

/*
 * Run every tests/alt_*.py and tests/wrong_*.py of a verified lab. Sets
 * @r->status to EXIT_FAILED (or EXIT_INVALID) when one did not behave.
 * Returns a negative code only when the sandbox failed.
 */
static int run_test_files(struct sandbox_slot *slot, const struct grade_opts *o, struct lab_run *r)
{
    char *names[MAX_TEST_FILES];
    size_t n = 0;
    int tdir = -1, rc;

    rc = list_test_files(r, &tdir, names, &n, o->json);
    if (rc < 0) {
        r->status = EXIT_INVALID;
        textf(r->next, sizeof r->next, "tests/ must be a plain folder of test files");
        goto out;
    }
    if (n && !(r->files = calloc(n, sizeof *r->files))) {
        rc = lab_errf(&r->err, LAB_E_NOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        struct test_file *t = &r->files[r->n_files++];
        struct lab_err ferr;
        char *code = NULL;
        size_t len = 0;

        snprintf(t->name, sizeof t->name, "tests/%s", names[i]);
        t->alt = starts_with(names[i], "alt_");
        if (read_at(tdir, names[i], &code, &len, &ferr) < 0) {
            t->status = EXIT_INVALID;
            textf(t->reason, sizeof t->reason, "cannot be read: %s%s%s%s", ferr.msg,
                  ferr.detail[0] ? " (" : "", ferr.detail, ferr.detail[0] ? ")" : "");
            textf(t->next, sizeof t->next, "make it a plain UTF-8 file (no link)");
        } else {
            rc = run_test_file(slot, o, r, code, len, t);
            free(code);
            if (rc < 0)
                goto out;
        }
        if (t->status > r->status)
            r->status = t->status;
    }
    rc = 0;
out:
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    if (tdir >= 0)
        close(tdir);
    return rc;
}

static void usage_check(FILE *f)
{
    fputs("usage: labsandbox check [--json] [--harness DIR] [--config FILE] LABDIR...\n"
          "\n"
          "Verify each lab folder the way the server does before a lab goes live, then run\n"
          "its test files: lab.ini and the files are valid and the folder is named after\n"
          "the lab's id, checks.py loads, the required modules import, solution.py passes\n"
          "every check twice with identical results within the lab's limits, starter.py\n"
          "fails at least one check, every tests/alt_*.py passes every check and every\n"
          "tests/wrong_*.py fails at least one. Prints one line per lab, then one line per\n"
          "file that did not behave and what to do next (--json: one object per lab).\n"
          "\n"
          "Exit status: 0 every lab is good; 1 some check failed (the reference, the\n"
          "starter, an alt_ or a wrong_ file); 2 a lab is invalid or missing (lab.ini, a\n"
          "file, the folder name, checks.py does not load) or the command line is wrong;\n"
          "3 the sandbox could not start. With several labs, the highest. Needs root.\n",
          f);
}

static const char *status_word(int status)
{
    return status == EXIT_OK ? "ok" : status == EXIT_FAILED ? "FAIL" : "INVALID";
}

static void print_lab_text(const struct lab_run *r, long ms, bool colour)
{
    const char *name = r->lab && r->lab->id[0] ? r->lab->id : r->dir;
    const char *on = !colour ? "" : r->status == EXIT_OK ? "\033[32m" : "\033[31m";
    const char *off = colour ? "\033[0m" : "";
    char buf[512];
    size_t bad = 0;

    for (size_t i = 0; i < r->n_files; i++)
        bad += r->files[i].status != EXIT_OK;
    printf("%s%-7s%s  %-28s ", on, status_word(r->status), off, name);
    if (!r->verified || r->err.msg[0]) {
        printf("%s\n", one_line(buf, sizeof buf, r->err.msg));
        if (r->next[0])
            printf("         next: %s\n", r->next);
        return;
    }
    printf("%zu checks, %zu alt_ passed, %zu wrong_ caught", r->n, r->n_alt_ok, r->n_wrong_caught);
    if (bad)
        printf("; %zu of %zu test files did not behave", bad, r->n_files);
    printf(", %.1f s\n", (double)ms / 1000.0);
    for (size_t i = 0; i < r->n_files; i++) {
        const struct test_file *t = &r->files[i];
        if (t->status == EXIT_OK)
            continue;
        printf("  %s%s%s %s\n", on, t->name, off, one_line(buf, sizeof buf, t->reason));
        printf("         next: %s\n", t->next);
    }
}

/* One lab as one JSON object on one line; "files" lists every test file run. */
static void print_lab_json(const struct lab_run *r, long ms)
{
    static const char *const words[] = {"good", "failed", "invalid", "sandbox_error"};
    struct json_out j;
    char *line;

    json_out_init(&j);
    json_out_raw(&j, "{\"dir\":", 7);
    json_out_str(&j, r->dir, strlen(r->dir));
    json_out_printf(&j, ",\"ok\":%s,\"status\":\"%s\",\"exit\":%d,\"id\":",
                    r->status == EXIT_OK ? "true" : "false", words[r->status], r->status);
    json_out_str(&j, r->lab ? r->lab->id : "", r->lab ? strlen(r->lab->id) : 0);
    json_out_raw(&j, ",\"version\":", 11);
    json_out_str(&j, r->lab ? r->lab->version : "", r->lab ? strlen(r->lab->version) : 0);
    json_out_printf(&j, ",\"ms\":%ld,\"reason\":", ms);
    json_out_str(&j, r->err.msg, strlen(r->err.msg));
    json_out_raw(&j, ",\"next\":", 8);
    json_out_str(&j, r->next, strlen(r->next));
    json_out_printf(&j, ",\"checks\":%zu,\"alt_ok\":%zu,\"wrong_caught\":%zu,\"files\":[", r->n,
                    r->n_alt_ok, r->n_wrong_caught);
    for (size_t i = 0; i < r->n_files; i++) {
        const struct test_file *t = &r->files[i];
        json_out_raw(&j, i ? ",{\"file\":" : "{\"file\":", i ? 9 : 8);
        json_out_str(&j, t->name, strlen(t->name));
        json_out_printf(&j, ",\"kind\":\"%s\",\"ok\":%s,\"reason\":", t->alt ? "alt" : "wrong",
                        t->status == EXIT_OK ? "true" : "false");
        json_out_str(&j, t->reason, strlen(t->reason));
        json_out_raw(&j, ",\"next\":", 8);
        json_out_str(&j, t->next, strlen(t->next));
        json_out_raw(&j, "}", 1);
    }
    json_out_raw(&j, "]}\n", 3);
    line = json_out_take(&j);
    if (line)
        fputs(line, stdout);
    free(line);
}

int labsandbox_cmd_check(int argc, char **argv)
{
    struct grade_opts o = {0};
    struct sandbox_slot *slot = NULL;
    struct lab_err err;
    int rc, status = EXIT_OK, counts[4] = {0};
    bool colour = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");

    rc = parse_opts(argc, argv, &o, usage_check);
    if (rc)
        return rc > 0 ? EXIT_OK : EXIT_INVALID;
    if (optind >= argc) {
        fprintf(stderr, "labsandbox: error: name at least one lab directory\n");
        usage_check(stderr);
        return EXIT_INVALID;
    }
    if (open_slot(&o, &slot, &err) < 0) {
        labsandbox_print_err(&err);
        return EXIT_SANDBOX;
    }
    for (int i = optind; i < argc; i++) {
        struct lab_run *r = calloc(1, sizeof *r);
        struct timespec t0;

        if (!r) {
            fprintf(stderr, "labsandbox: error: out of memory\n");
            status = EXIT_SANDBOX;
            break;
        }
        r->dir = argv[i];
        clock_gettime(CLOCK_MONOTONIC, &t0);
        rc = verify_lab(slot, &o, r);
        if (rc == 0 && r->status == EXIT_OK)
            rc = run_test_files(slot, &o, r);
        rtrim(r->err.msg);
        if (rc < 0) {
            labsandbox_print_err(&r->err);
            status = EXIT_SANDBOX;
            lab_run_release(r);
            free(r);
            break;
        }
        if (o.json)
            print_lab_json(r, ms_since(&t0));
        else
            print_lab_text(r, ms_since(&t0), colour);
        fflush(stdout);
        counts[r->status]++;
        if (r->status > status)
            status = r->status;
        lab_run_release(r);
        free(r);
    }
    sandbox_slot_free(slot);
    if (!o.json && status != EXIT_SANDBOX)
        fprintf(stderr, "%d lab%s good, %d failed, %d invalid\n", counts[EXIT_OK],
                counts[EXIT_OK] == 1 ? "" : "s", counts[EXIT_FAILED], counts[EXIT_INVALID]);
    return status;
}

/* ---- grade: one file against one lab ------------------------------------------------------ */

static void usage_grade(FILE *f)
{
    fputs("usage: labsandbox grade [--json] [--harness DIR] [--config FILE] LABDIR FILE\n"
          "\n"
          "Grade FILE against the lab in LABDIR exactly as the server would: the lab is\n"
          "verified (its reference runs in the sandbox to produce the expected values),\n"
          "then FILE runs and every case of every check is compared. Prints what a student\n"
          "would see, per check and per case (--json: one object). No server is needed.\n"
          "\n"
          "Exit status: 0 FILE got full marks; 1 it did not; 2 the lab is invalid or\n"
          "missing (labsandbox check LABDIR tells why), FILE cannot be read, or the command\n"
          "line is wrong; 3 the sandbox could not start. Needs root.\n",
          f);
}

/* The file to grade, named on the command line (a link to it is fine). */
static int read_code(const char *path, char **out, size_t *len, struct lab_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

    if (fd < 0)
        return lab_errf(err, -errno, "cannot open '%s'", path);
    return read_fd(fd, path, out, len, err);
}

/*
 * The student's view (spec §8), laid out as labclient lays it out
 * (client/grade.c): a passed check on one line, "✓ description (3/3)"; a
 * failed one with its failed cases under it: for a visible check the call,
 * the expected value and the student's; for a hidden one only what the case
 * is about; and any error with the line it happened on. Uses only what
 * grade_compare() gives a student (hidden cases carry no call, expected or
 * got), so a teacher sees exactly what a student would.
 */
#define CASE_INDENT 6
#define CASES_SHOWN 3 /* failed cases shown per check, as labclient */
#define OUTPUT_LINES 12

struct view {
    bool colour, utf8;
};

static const char *sgr(const struct view *v, const char *code)
{
    return v->colour ? code : "";
}

/* As labclient decides: the first of LC_ALL, LC_CTYPE, LANG that is set. */
static bool utf8_locale(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

    for (size_t i = 0; i < ARRAY_SIZE(vars); i++) {
        const char *e = getenv(vars[i]);
        if (e && e[0])
            return strcasestr(e, "utf-8") || strcasestr(e, "utf8");
    }
    return false;
}

/* Printed text, one line per line under @prefix, at most OUTPUT_LINES of them. */
static void put_output(const char *s, int indent)
{
    char safe[2048];
    size_t n_lines = 0;

    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n_lines++ == OUTPUT_LINES) {
            printf("%*s  | (the rest is not shown)\n", indent, "");
            return;
        }
        printf("%*s  | %s\n", indent, "", str_term_safe(safe, sizeof safe, s, n));
        s += n + (nl ? 1 : 0);
    }
}

/* "expected: 2", or "expected:" and the printed lines when @output. */
static void put_value(int indent, const char *label, const char *s, bool output)
{
    char buf[2048];

    if (!s[0]) {
        printf("%*s%s %s\n", indent, "", label, output ? "(nothing printed)" : "(nothing)");
    } else if (output) {
        printf("%*s%s\n", indent, "", label);
        put_output(s, indent);
    } else {
        printf("%*s%s %s\n", indent, "", label, one_line(buf, sizeof buf, s));
    }
}

/*
 * What a hidden case is called: its own about, without the check's
 * description when the grader made it up ("desc (case 2 of 4)" gives
 * "case 2 of 4"); "" when it says nothing the check's line does not.
 */
static const char *hidden_about(const struct check_outcome *c, const struct case_outcome *k,
                                char *buf, size_t cap)
{
    const char *a = k->about ? k->about : "", *d = c->description ? c->description : "";
    size_t n = strlen(a), dn = strlen(d);

    if (!dn || n < dn || strncmp(a, d, dn))
        return a;
    if (n == dn || c->n_cases <= 1)
        return "";
    if (n > dn + 3 && a[dn] == ' ' && a[dn + 1] == '(' && a[n - 1] == ')') {
        textf(buf, cap, "%.*s", (int)(n - dn - 3), a + dn + 2);
        return buf;
    }
    return a;
}

/* One failed case (@j of the check); @multi: the check has several, so each gets a mark. */
static void print_case(const struct view *v, const struct check_outcome *c,
                       const struct case_outcome *k, size_t j, bool multi)
{
    int indent = CASE_INDENT + (multi ? 2 : 0);
    char title_buf[128], buf[2048];
    const char *title = k->about ? k->about : "", *about_after = "";

    if (!c->visible) {
        title = hidden_about(c, k, title_buf, sizeof title_buf);
    } else if (k->call && k->call[0]) {
        about_after = title;
        title = k->call;
    }
    if (multi || title[0]) {
        printf("%*s", CASE_INDENT, "");
        if (multi)
            printf("%s%s%s ", sgr(v, "\033[31m"), v->utf8 ? "\u2717" : "FAIL", sgr(v, "\033[0m"));
        if (title[0])
            printf("%s", one_line(buf, sizeof buf, title));
        else
            printf("case %zu", j + 1);
        if (about_after[0])
            printf("  %s(%s)%s", sgr(v, "\033[2m"), one_line(buf, sizeof buf, about_after),
                   sgr(v, "\033[0m"));
        putchar('\n');
    }
    /* Never the input or the values of a hidden check, whatever the report held. */
    if (c->visible) {
        put_value(indent, "expected:", k->expected ? k->expected : "", k->output);
        if (k->got || !(k->error && k->error[0]))
            put_value(indent, k->output ? "you printed:" : "you gave:", k->got ? k->got : "",
                      k->output);
    }
    if (k->error && k->error[0])
        printf("%*s%s\n", indent, "", one_line(buf, sizeof buf, k->error));
    if (k->where && k->where[0])
        printf("%*sat %s\n", indent, "", one_line(buf, sizeof buf, k->where));
}

static void print_check(const struct view *v, const struct check_outcome *c)
{
    const char *desc = c->description && c->description[0] ? c->description : c->name;
    size_t failed = 0, shown = 0;
    char buf[512];

    printf("  %s%s%s ", sgr(v, c->passed ? "\033[32m" : "\033[31m"),
           c->passed ? (v->utf8 ? "\u2713" : "PASS") : (v->utf8 ? "\u2717" : "FAIL"),
           sgr(v, "\033[0m"));
    if (!c->visible)
        printf("%s(hidden)%s ", sgr(v, "\033[2m"), sgr(v, "\033[0m"));
    printf("%s", one_line(buf, sizeof buf, desc));
    if (c->passed || c->n_cases > 1)
        printf(" (%zu/%zu)", c->n_passed, c->n_cases);
    putchar('\n');
    if (c->passed)
        return;
    if (c->message[0])
        printf("%*s%s\n", CASE_INDENT, "", one_line(buf, sizeof buf, c->message));
    for (size_t j = 0; c->cases && j < c->n_cases; j++) {
        if (c->cases[j].passed)
            continue;
        if (failed++ < CASES_SHOWN) {
            print_case(v, c, &c->cases[j], j, c->n_cases > 1);
            shown++;
        }
    }
    if (failed > shown)
        printf("%*s(%zu more wrong case%s not shown: fix these first)\n", CASE_INDENT, "",
               failed - shown, failed - shown == 1 ? "" : "s");
    if (c->output_tail && c->output_tail[0]) {
        printf("%*swhat your program printed (last lines):\n", CASE_INDENT, "");
        put_output(c->output_tail, CASE_INDENT);
    }
}

static void print_report(const struct grade_report *rep, bool colour)
{
    struct view v = {colour, utf8_locale()};
    size_t passed = 0;

    for (size_t i = 0; i < rep->n_checks; i++) {
        print_check(&v, &rep->checks[i]);
        passed += rep->checks[i].passed;
    }
    printf("%s\nScore: %u/%u %s %zu of %zu check%s passed  (%s)\n", rep->message, rep->score,
           rep->max_score, v.utf8 ? "\u2014" : "-", passed, rep->n_checks,
           rep->n_checks == 1 ? "" : "s", grade_verdict_name(rep->verdict));
}

static void json_str_or_null(struct json_out *j, const char *key, const char *s)
{
    json_out_printf(j, ",\"%s\":", key);
    if (s)
        json_out_str(j, s, strlen(s));
    else
        json_out_raw(j, "null", 4);
}

static void print_report_json(const struct grade_report *rep)
{
    struct json_out j;
    char *s;

    json_out_init(&j);
    json_out_printf(&j,
                    "{\"verdict\":\"%s\",\"score\":%u,\"max_score\":%u,\"cases_passed\":%zu,"
                    "\"cases_total\":%zu",
                    grade_verdict_name(rep->verdict), rep->score, rep->max_score,
                    rep->n_cases_passed, rep->n_cases);
    json_str_or_null(&j, "message", rep->message);
    json_out_raw(&j, ",\"checks\":[", 11);
    for (size_t i = 0; i < rep->n_checks; i++) {
        const struct check_outcome *c = &rep->checks[i];
        json_out_raw(&j, i ? ",{\"name\":" : "{\"name\":", i ? 9 : 8);
        json_out_str(&j, c->name, strlen(c->name));
        json_str_or_null(&j, "description", c->description ? c->description : "");
        json_out_printf(&j,
                        ",\"passed\":%s,\"visible\":%s,\"weight\":%u,\"cases_passed\":%zu,"
                        "\"cases_total\":%zu",
                        c->passed ? "true" : "false", c->visible ? "true" : "false", c->weight,
                        c->n_passed, c->n_cases);
        json_str_or_null(&j, "message", c->message);
        json_out_raw(&j, ",\"cases\":[", 10);
        for (size_t k = 0; c->cases && k < c->n_cases; k++) {
            const struct case_outcome *cs = &c->cases[k];
            json_out_printf(&j, "%s{\"passed\":%s,\"output\":%s", k ? "," : "",
                            cs->passed ? "true" : "false", cs->output ? "true" : "false");
            json_str_or_null(&j, "about", cs->about);
            json_str_or_null(&j, "call", cs->call);
            json_str_or_null(&j, "expected", cs->expected);
            json_str_or_null(&j, "got", cs->got);
            json_str_or_null(&j, "error", cs->error);
            json_str_or_null(&j, "where", cs->where);
            json_out_raw(&j, "}", 1);
        }
        json_out_raw(&j, "]}", 2);
    }
    json_out_raw(&j, "]}\n", 3);
    s = json_out_take(&j);
    if (s)
        fputs(s, stdout);
    free(s);
}

int labsandbox_cmd_grade(int argc, char **argv)
{
    struct grade_opts o = {0};
    struct observation obs[GRADE_MAX_CHECKS];
    struct sandbox_slot *slot = NULL;
    struct lab_run *r = NULL;
    struct grade_report rep;
    enum grade_run_end end;
    struct lab_err err;
    char *code = NULL, msg[256];
    size_t code_len = 0;
    bool syn = false;
    int rc, status = EXIT_INVALID;

    memset(obs, 0, sizeof obs);
    rc = parse_opts(argc, argv, &o, usage_grade);
    if (rc)
        return rc > 0 ? EXIT_OK : EXIT_INVALID;
    if (argc - optind != 2) {
        fprintf(stderr, "labsandbox: error: grade takes a lab directory and a file\n");
        usage_grade(stderr);
        return EXIT_INVALID;
    }
    if (read_code(argv[optind + 1], &code, &code_len, &err) < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    if (!(r = calloc(1, sizeof *r))) {
        fprintf(stderr, "labsandbox: error: out of memory\n");
        status = EXIT_SANDBOX;
        goto out;
    }
    r->dir = argv[optind];
    status = EXIT_SANDBOX;
    if (open_slot(&o, &slot, &err) < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    if (verify_lab(slot, &o, r) < 0) {
        labsandbox_print_err(&r->err);
        goto out;
    }
    if (r->status != EXIT_OK) {
        char buf[512];
        rtrim(r->err.msg);
        fprintf(stderr, "labsandbox: error: the lab in '%s' cannot grade anything: %s\n", r->dir,
                one_line(buf, sizeof buf, r->err.msg));
        if (r->next[0])
            fprintf(stderr, "  next: %s\n", r->next);
        status = EXIT_INVALID;
        goto out;
    }
    rc = gradejob_observe(slot, o.harness, &r->gl, code, code_len, r->specs, r->n, obs, &syn, msg,
                          sizeof msg, &end, &err);
    if (rc < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    grade_compare(r->specs, r->n, obs, (const char *const *)r->expected, syn, msg, end,
                  r->lab->points, &rep);
    if (o.json)
        print_report_json(&rep);
    else
        print_report(&rep, isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
    status = rep.verdict == GRADE_ACCEPTED ? EXIT_OK : EXIT_FAILED;
    grade_report_release(&rep);
out:
    grade_observations_release(obs, GRADE_MAX_CHECKS);
    if (r) {
        lab_run_release(r);
        free(r);
    }
    sandbox_slot_free(slot);
    free(code);
    return status;
}
