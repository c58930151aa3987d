/*
 * gradejob.c — the sandboxed steps of grading: list, observe, verify.
 */
#include "job/gradejob.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/log.h"
#include "common/str.h"

/* The harness gets a little more than the lab's wall time for start-up and exit. */
#define HARNESS_SLACK_MS 1000

static int write_file_at(int dfd, const char *name, const char *text, struct lab_err *err)
{
    size_t len = strlen(text), off = 0;
    int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);

    if (fd < 0)
        return lab_errf(err, -errno, "cannot create '%s' for the sandbox", name);
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int rc = lab_errf(err, -errno, "cannot write '%s' for the sandbox", name);
            close(fd);
            return rc;
        }
        off += (size_t)w;
    }
    close(fd);
    return 0;
}

int gradejob_lab_prepare(const struct lab_def *lab, const char *parent, struct gradejob_lab *out,
                         struct lab_err *err)
{
    int dfd = -1, rc;

    memset(out, 0, sizeof *out);
    if (mkdir(parent, 0755) < 0 && errno != EEXIST)
        return lab_errf(err, -errno, "cannot create '%s'", parent);
    if (snprintf(out->dir, sizeof out->dir, "%s/lab-XXXXXX", parent) >= (int)sizeof out->dir)
        return lab_errf(err, LAB_E_RANGE, "path '%s' is too long", parent);
    if (!mkdtemp(out->dir)) {
        rc = lab_errf(err, -errno, "cannot create a lab directory below '%s'", parent);
        out->dir[0] = '\0';
        return rc;
    }
    /* The box runs as an unprivileged uid: it must be able to read, never write. */
    if (chmod(out->dir, 0755) < 0) {
        rc = lab_errf(err, -errno, "cannot chmod '%s'", out->dir);
        goto fail;
    }
    dfd = open(out->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0) {
        rc = lab_errf(err, -errno, "cannot open '%s'", out->dir);
        goto fail;
    }
    rc = write_file_at(dfd, "lab.ini", lab->ini, err);
    /* Unittest checks hold the expected values in their text: they reach the harness
     * on stdin, never as a file a student's process could open. */
    if (rc == 0 && lab->checks_mode != LAB_CHECKS_UNITTEST)
        rc = write_file_at(dfd, "checks.py", lab->checks, err);
    close(dfd);
    if (rc < 0)
        goto fail;
    if (lab->checks_mode == LAB_CHECKS_UNITTEST) {
        out->checks_stdin = str_dup(lab->checks);
        if (!out->checks_stdin) {
            rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
            goto fail;
        }
    }
    out->mode = lab->checks_mode;
    out->limits = lab->limits;
    out->points = lab->points;
    return 0;
fail:
    gradejob_lab_release(out);
    return rc;
}

void gradejob_lab_release(struct gradejob_lab *gl)
{
    int dfd;

    free(gl->checks_stdin);
    gl->checks_stdin = NULL;
    if (!gl->dir[0])
        return;
    dfd = open(gl->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd >= 0) {
        unlinkat(dfd, "lab.ini", 0);
        unlinkat(dfd, "checks.py", 0);
        close(dfd);
    }
    rmdir(gl->dir);
    gl->dir[0] = '\0';
}

static void limits_for(const struct gradejob_lab *gl, const struct sandbox_limits *base,
                       struct sandbox_limits *lim)
{
    *lim = *base;
    lim->cpu_ms = gl->limits.cpu_ms + HARNESS_SLACK_MS;
    lim->wall_ms = gl->limits.wall_ms + HARNESS_SLACK_MS;
    lim->memory_mb = gl->limits.memory_mb;
    lim->output_kb = gl->limits.output_kb;
    /* The harness forks one child per check, on top of what the student starts. */
    lim->procs = gl->limits.processes + 4;
    if (lim->result_kb < 256)
        lim->result_kb = 256;
}

enum grade_run_end gradejob_run_end(enum sandbox_verdict v)
{
    switch (v) {
    case SANDBOX_OK:
        return GRADE_RUN_OK;
    case SANDBOX_CPU_TIME_LIMIT:
    case SANDBOX_WALL_TIME_LIMIT:
        return GRADE_RUN_TIME;
    case SANDBOX_MEMORY_LIMIT:
        return GRADE_RUN_MEMORY;
    case SANDBOX_OUTPUT_LIMIT:
        return GRADE_RUN_OUTPUT;
    case SANDBOX_FORBIDDEN_SYSCALL:
        return GRADE_RUN_FORBIDDEN;
    case SANDBOX_INTERNAL_ERROR:
        return GRADE_RUN_INTERNAL;
    default:
        return GRADE_RUN_CRASHED;
    }
}

/* Run the harness once; @code NULL means --list. */
static int run_harness(struct sandbox_slot *slot, const char *harness_dir,
                       const struct gradejob_lab *gl, const char *code, size_t code_len,
                       struct sandbox_result *res, struct lab_err *err)
{
    static const char *const argv_list[] = {"/usr/bin/python3",
                                            "-I",
                                            "/harness/harness.py",
                                            "--lab",
                                            "/lab",
                                            "--list",
                                            "--result-fd",
                                            "3",
                                            NULL};
    static const char *const argv_run[] = {"/usr/bin/python3",
                                           "-I",
                                           "/harness/harness.py",
                                           "--lab",
                                           "/lab",
                                           "--student",
                                           "/work/student.py",
                                           "--result-fd",
                                           "3",
                                           NULL};
    static const char *const argv_list_stdin[] = {"/usr/bin/python3",
                                                  "-I",
                                                  "/harness/harness.py",
                                                  "--lab",
                                                  "/lab",
                                                  "--list",
                                                  "--checks-stdin",
                                                  "--result-fd",
                                                  "3",
                                                  NULL};
    static const char *const argv_run_stdin[] = {"/usr/bin/python3",
                                                 "-I",
                                                 "/harness/harness.py",
                                                 "--lab",
                                                 "/lab",
                                                 "--student",
                                                 "/work/student.py",
                                                 "--checks-stdin",
                                                 "--result-fd",
                                                 "3",
                                                 NULL};
    bool on_stdin = gl->checks_stdin != NULL;
    struct sandbox_file file = {.path = "student.py", .data = code, .len = code_len, .fd = -1};
    struct sandbox_bind binds[2] = {{.host_path = harness_dir, .box_path = "/harness"},
                                    {.host_path = gl->dir, .box_path = "/lab"}};
    struct sandbox_limits base, lim;
    struct sandbox_job job;

    sandbox_limits_default(&base);
    limits_for(gl, &base, &lim);
    memset(&job, 0, sizeof job);
    if (on_stdin) {
        job.argv = code ? argv_run_stdin : argv_list_stdin;
        job.stdin_data = gl->checks_stdin;
        job.stdin_len = strlen(gl->checks_stdin);
    } else {
        job.argv = code ? argv_run : argv_list;
    }
    job.stdin_fd = -1;
    job.files = code ? &file : NULL;
    job.n_files = code ? 1 : 0;
    job.binds = binds;
    job.n_binds = 2;
    job.result_fd = 3;
    job.limits = &lim;
    return sandbox_slot_run(slot, &job, res, err);
}

int gradejob_list_checks(struct sandbox_slot *slot, const char *harness_dir,
                         const struct gradejob_lab *gl, struct check_spec *specs, size_t cap,
                         struct lab_err *err)
{
    struct sandbox_result res;
    int rc;

    rc = run_harness(slot, harness_dir, gl, NULL, 0, &res, err);
    if (rc < 0)
        return rc;
    if (res.verdict != SANDBOX_OK) {
        const char *tail = res.err.len > 300 ? res.err.data + res.err.len - 300 : res.err.data;
        rc = lab_errf(err, LAB_E_PARSE, "checks.py could not be loaded (%s): %s",
                      sandbox_verdict_name(res.verdict), tail ? tail : "");
        goto out;
    }
    rc = grade_parse_specs(res.res.data, res.res.len, specs, cap, err);
out:
    sandbox_result_release(&res);
    return rc;
}

int gradejob_observe(struct sandbox_slot *slot, const char *harness_dir,
                     const struct gradejob_lab *gl, const char *code, size_t code_len,
                     const struct check_spec *specs, size_t n, struct observation *obs,
                     bool *syntax_error, char *syntax_msg, size_t msg_cap, enum grade_run_end *end,
                     struct lab_err *err)
{
    struct sandbox_result res;
    int rc;

    rc = run_harness(slot, harness_dir, gl, code, code_len, &res, err);
    if (rc < 0)
        return rc;
    grade_collect(res.res.data ? res.res.data : "", res.res.len, specs, n, obs, syntax_error,
                  syntax_msg, msg_cap);
    *end = gradejob_run_end(res.verdict);
    /* A harness that exits non-zero after reporting every check ran fine for grading. */
    if (*end == GRADE_RUN_CRASHED) {
        bool all = true;
        for (size_t i = 0; i < n; i++)
            all = all && obs[i].present;
        if (all || *syntax_error)
            *end = GRADE_RUN_OK;
    }
    log_event(LOG_DEBUG, "grade.ran", "verdict=%s cpu_ms=%llu wall_ms=%llu",
              sandbox_verdict_name(res.verdict), (unsigned long long)res.cpu_ms,
              (unsigned long long)res.wall_ms);
    sandbox_result_release(&res);
    return 0;
}

static int check_modules(struct sandbox_slot *slot, const struct lab_def *lab, struct lab_err *err)
{
    const char *argv[LAB_MAX_MODULES + 8];
    struct sandbox_result res;
    struct sandbox_job job;
    size_t k = 0;
    int rc;

    if (lab->n_modules == 0)
        return 0;
    argv[k++] = "/usr/bin/python3";
    argv[k++] = "-I";
    argv[k++] = "-c";
    argv[k++] = "import importlib.util, sys\n"
                "missing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]\n"
                "print(', '.join(missing))\n"
                "sys.exit(1 if missing else 0)\n";
    for (size_t i = 0; i < lab->n_modules; i++)
        argv[k++] = lab->modules[i];
    argv[k] = NULL;
    memset(&job, 0, sizeof job);
    job.argv = argv;
    job.stdin_fd = -1;
    rc = sandbox_slot_run(slot, &job, &res, err);
    if (rc < 0)
        return rc;
    if (res.verdict != SANDBOX_OK) {
        if (res.out.data)
            res.out.data[strcspn(res.out.data, "\n")] = '\0';
        rc = lab_errf(err, LAB_E_PARSE,
                      "lab.ini: required modules are not installed on this server: %s",
                      res.out.data && res.out.data[0] ? res.out.data : "(could not check)");
        lab_err_hint(err, "ask the operator to install the Debian package (python3-...)");
    }
    sandbox_result_release(&res);
    return rc;
}

int gradejob_verify(struct sandbox_slot *slot, const char *harness_dir, const struct lab_def *lab,
                    const struct gradejob_lab *gl, struct check_spec *specs, size_t *n,
                    char **expected, struct lab_err *err)
{
    struct observation r1[GRADE_MAX_CHECKS], r2[GRADE_MAX_CHECKS], st[GRADE_MAX_CHECKS];
    enum grade_run_end end1, end2, end3;
    bool syn = false;
    char msg[256];
    int count, rc;
    size_t k, filled = 0;

    memset(r1, 0, sizeof r1);
    memset(r2, 0, sizeof r2);
    memset(st, 0, sizeof st);
    *n = 0;
    rc = check_modules(slot, lab, err);
    if (rc < 0)
        return rc;
    count = gradejob_list_checks(slot, harness_dir, gl, specs, GRADE_MAX_CHECKS, err);
    if (count < 0)
        return count;
    k = (size_t)count;
    rc = gradejob_observe(slot, harness_dir, gl, lab->solution, strlen(lab->solution), specs, k, r1,
                          &syn, msg, sizeof msg, &end1, err);
    if (rc < 0)
        goto out;
    if (syn) {
        rc = lab_errf(err, LAB_E_PARSE, "solution.py has a syntax error: %s", msg);
        goto out;
    }
    if (end1 != GRADE_RUN_OK) {
        rc = lab_errf(err, LAB_E_PARSE, "solution.py does not finish within the lab's limits (%s)",
                      grade_verdict_name(end1 == GRADE_RUN_TIME     ? GRADE_TIME_LIMIT
                                         : end1 == GRADE_RUN_MEMORY ? GRADE_MEMORY_LIMIT
                                         : end1 == GRADE_RUN_OUTPUT ? GRADE_OUTPUT_LIMIT
                                                                    : GRADE_RUNTIME_ERROR));
        goto out;
    }
    rc = gradejob_observe(slot, harness_dir, gl, lab->solution, strlen(lab->solution), specs, k, r2,
                          &syn, msg, sizeof msg, &end2, err);
    if (rc < 0)
        goto out;
    rc = grade_verify_reference(specs, k, r1, r2, err);
    if (rc < 0) {
        char why[200];
        snprintf(why, sizeof why, "%s", err ? err->msg : "");
        rc = lab_errf(err, LAB_E_PARSE, "solution.py: %s", why);
        goto out;
    }
    rc = gradejob_observe(slot, harness_dir, gl, lab->starter, strlen(lab->starter), specs, k, st,
                          &syn, msg, sizeof msg, &end3, err);
    if (rc < 0)
        goto out;
    for (size_t i = 0; i < k; i++, filled++) {
        expected[i] = grade_expected_text(&r1[i]);
        if (!expected[i]) {
            rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
            goto out;
        }
    }
    {
        struct grade_report rep;
        bool starter_passes;

        grade_compare(specs, k, st, (const char *const *)expected, syn, msg, end3, lab->points,
                      &rep);
        starter_passes = rep.verdict == GRADE_ACCEPTED;
        grade_report_release(&rep);
        if (starter_passes) {
            rc = lab_errf(err, LAB_E_PARSE,
                          "starter.py already passes every check: students would get the points "
                          "for free");
            goto out;
        }
    }
    *n = k;
    filled = 0; /* the caller owns them from here */
    rc = 0;
out:
    for (size_t i = 0; i < filled; i++) {
        free(expected[i]);
        expected[i] = NULL;
    }
    grade_observations_release(r1, GRADE_MAX_CHECKS);
    grade_observations_release(r2, GRADE_MAX_CHECKS);
    grade_observations_release(st, GRADE_MAX_CHECKS);
    return rc;
}
