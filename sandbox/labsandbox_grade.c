/*
 * labsandbox_grade.c — `labsandbox check LABDIR...` and `labsandbox grade LABDIR FILE`.
 *
 * The same code path as labworker (worker/gradejob.c): the reference runs in
 * the sandbox to produce the expected observations, which stay in this
 * process; then the file under test runs in the sandbox and is compared.
 * No server or database is involved.
 */
#include "sandbox/labsandbox_grade.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
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
#include "sandbox/sandbox.h"
#include "worker/gradejob.h"

#ifndef LAB_HARNESS_DIR
#define LAB_HARNESS_DIR "/usr/share/labserver/harness"
#endif

enum { EXIT_OK = 0, EXIT_NOT_OK = 1, EXIT_USAGE = 2, EXIT_SANDBOX = 3 };

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
        return lab_errf(err, LAB_E_CONFIG,
                        "the grading harness is not at '%s'; pass --harness DIR", o->harness);
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

static void usage_check(FILE *f)
{
    fputs("usage: labsandbox check [--json] [--harness DIR] [--config FILE] LABDIR...\n"
          "\n"
          "Verify each lab directory the way the server does before a lab goes live: lab.ini\n"
          "and the files are valid, the required modules import, solution.py passes every\n"
          "check twice with identical observations within the lab's limits, and starter.py\n"
          "fails at least one check. Prints one line per lab (--json: one JSON object per line).\n"
          "\n"
          "Exit status: 0 every lab is good; 1 at least one is not; 2 usage; 3 the sandbox\n"
          "could not start. Needs root.\n",
          f);
}

/* Verify one lab with @slot. Returns 0 good, 1 bad (reason in @err), <0 sandbox failure. */
static int check_one(struct sandbox_slot *slot, const struct grade_opts *o, const char *dir,
                     struct lab_def **labp, struct check_spec *specs, size_t *n, char **expected,
                     struct lab_err *err)
{
    struct gradejob_lab gl;
    int rc;

    *n = 0;
    rc = labdir_load(dir, labp, err);
    if (rc < 0)
        return 1;
    rc = gradejob_lab_prepare(*labp, o->scratch, &gl, err);
    if (rc < 0)
        return rc;
    rc = gradejob_verify(slot, o->harness, *labp, &gl, specs, n, expected, err);
    gradejob_lab_release(&gl);
    if (rc == LAB_E_PARSE)
        return 1;
    return rc;
}

int labsandbox_cmd_check(int argc, char **argv)
{
    struct grade_opts o = {0};
    struct sandbox_slot *slot = NULL;
    struct lab_err err;
    int rc, status = EXIT_OK, n_bad = 0, n_good = 0;
    bool colour = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");

    rc = parse_opts(argc, argv, &o, usage_check);
    if (rc)
        return rc > 0 ? EXIT_OK : EXIT_USAGE;
    if (optind >= argc) {
        fprintf(stderr, "labsandbox: error: name at least one lab directory\n");
        usage_check(stderr);
        return EXIT_USAGE;
    }
    if (open_slot(&o, &slot, &err) < 0) {
        labsandbox_print_err(&err);
        return EXIT_SANDBOX;
    }
    for (int i = optind; i < argc; i++) {
        struct check_spec specs[GRADE_MAX_CHECKS];
        char *expected[GRADE_MAX_CHECKS] = {0};
        struct lab_def *lab = NULL;
        struct timespec t0;
        size_t n = 0;

        clock_gettime(CLOCK_MONOTONIC, &t0);
        memset(&err, 0, sizeof err);
        rc = check_one(slot, &o, argv[i], &lab, specs, &n, expected, &err);
        if (rc < 0) {
            labsandbox_print_err(&err);
            status = EXIT_SANDBOX;
            labdir_free(lab);
            break;
        }
        if (o.json) {
            struct json_out j;
            char *line;

            json_out_init(&j);
            json_out_raw(&j, "{\"dir\":", 7);
            json_out_str(&j, argv[i], strlen(argv[i]));
            json_out_printf(&j, ",\"ok\":%s,\"id\":", rc == 0 ? "true" : "false");
            json_out_str(&j, lab ? lab->id : "", lab ? strlen(lab->id) : 0);
            json_out_raw(&j, ",\"version\":", 11);
            json_out_str(&j, lab ? lab->version : "", lab ? strlen(lab->version) : 0);
            json_out_printf(&j, ",\"ms\":%ld,\"reason\":", ms_since(&t0));
            json_out_str(&j, rc == 0 ? "" : err.msg, rc == 0 ? 0 : strlen(err.msg));
            json_out_printf(&j, ",\"checks\":%zu}\n", n);
            line = json_out_take(&j);
            if (line)
                fputs(line, stdout);
            free(line);
        } else if (rc == 0) {
            printf("%sok%s    %-28s %zu checks, %.1f s\n", colour ? "\033[32m" : "",
                   colour ? "\033[0m" : "", lab->id, n, (double)ms_since(&t0) / 1000.0);
        } else {
            printf("%sFAIL%s  %-28s %s\n", colour ? "\033[31m" : "", colour ? "\033[0m" : "",
                   argv[i], err.msg);
        }
        fflush(stdout);
        if (rc == 0)
            n_good++;
        else
            n_bad++;
        for (size_t k = 0; k < n; k++)
            free(expected[k]);
        labdir_free(lab);
    }
    sandbox_slot_free(slot);
    if (!o.json)
        fprintf(stderr, "%d lab%s good, %d bad\n", n_good, n_good == 1 ? "" : "s", n_bad);
    if (status == EXIT_OK && n_bad)
        status = EXIT_NOT_OK;
    return status;
}

static void usage_grade(FILE *f)
{
    fputs("usage: labsandbox grade [--json] [--harness DIR] [--config FILE] LABDIR FILE\n"
          "\n"
          "Grade FILE against the lab in LABDIR exactly as the server would: the lab's\n"
          "reference runs first (in the sandbox) to produce the expected observations, then\n"
          "FILE runs and every check is compared. No server is needed.\n"
          "\n"
          "Exit status: 0 every check passed; 1 some did not (or the lab is invalid);\n"
          "2 usage; 3 the sandbox could not start. Needs root.\n",
          f);
}

static int read_code(const char *path, char **out, size_t *len, struct lab_err *err)
{
    struct stat st;
    char *buf;
    ssize_t n;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return lab_errf(err, -errno, "cannot open '%s'", path);
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > LAB_FILE_MAX) {
        close(fd);
        return lab_errf(err, LAB_E_TOO_LARGE, "'%s' is not a regular file of at most %d bytes",
                        path, LAB_FILE_MAX);
    }
    buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        close(fd);
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    }
    n = read(fd, buf, (size_t)st.st_size);
    close(fd);
    if (n < 0) {
        free(buf);
        return lab_errf(err, -errno, "cannot read '%s'", path);
    }
    buf[n] = '\0';
    *out = buf;
    *len = (size_t)n;
    return 0;
}

static void print_report(const struct grade_report *rep, bool colour)
{
    for (size_t i = 0; i < rep->n_checks; i++) {
        const struct check_outcome *c = &rep->checks[i];
        char safe[512];

        printf("%s%s%s  %-24s %s%s\n", colour ? (c->passed ? "\033[32m" : "\033[31m") : "",
               c->passed ? "PASS" : "FAIL", colour ? "\033[0m" : "", c->name,
               c->visible ? "" : "(hidden) ", c->passed ? "" : c->message);
        if (!c->passed && c->observed) {
            str_term_safe(safe, sizeof safe, c->observed, strlen(c->observed));
            printf("        got:      %s\n", safe);
        }
        if (!c->passed && c->expected) {
            str_term_safe(safe, sizeof safe, c->expected, strlen(c->expected));
            printf("        expected: %s\n", safe);
        }
    }
    printf("%s\nScore: %u/%u  (%s)\n", rep->message, rep->score, rep->max_score,
           grade_verdict_name(rep->verdict));
}

static void print_report_json(const struct grade_report *rep)
{
    struct json_out j;
    char *s;

    json_out_init(&j);
    json_out_printf(&j, "{\"verdict\":\"%s\",\"score\":%u,\"max_score\":%u,\"message\":",
                    grade_verdict_name(rep->verdict), rep->score, rep->max_score);
    json_out_str(&j, rep->message, strlen(rep->message));
    json_out_raw(&j, ",\"checks\":[", 11);
    for (size_t i = 0; i < rep->n_checks; i++) {
        const struct check_outcome *c = &rep->checks[i];
        json_out_raw(&j, i ? ",{\"name\":" : "{\"name\":", i ? 9 : 8);
        json_out_str(&j, c->name, strlen(c->name));
        json_out_printf(&j, ",\"passed\":%s,\"visible\":%s,\"weight\":%u,\"message\":",
                        c->passed ? "true" : "false", c->visible ? "true" : "false", c->weight);
        json_out_str(&j, c->message, strlen(c->message));
        json_out_raw(&j, ",\"observed\":", 12);
        if (c->observed)
            json_out_str(&j, c->observed, strlen(c->observed));
        else
            json_out_raw(&j, "null", 4);
        json_out_raw(&j, ",\"expected\":", 12);
        if (c->expected)
            json_out_str(&j, c->expected, strlen(c->expected));
        else
            json_out_raw(&j, "null", 4);
        json_out_raw(&j, "}", 1);
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
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation obs[GRADE_MAX_CHECKS];
    char *expected[GRADE_MAX_CHECKS] = {0};
    struct sandbox_slot *slot = NULL;
    struct lab_def *lab = NULL;
    struct gradejob_lab gl = {0};
    struct grade_report rep;
    enum grade_run_end end;
    struct lab_err err;
    char *code = NULL, msg[256];
    size_t n = 0, code_len = 0;
    bool syn = false;
    int rc, status = EXIT_USAGE;

    memset(obs, 0, sizeof obs);
    rc = parse_opts(argc, argv, &o, usage_grade);
    if (rc)
        return rc > 0 ? EXIT_OK : EXIT_USAGE;
    if (argc - optind != 2) {
        fprintf(stderr, "labsandbox: error: grade takes a lab directory and a file\n");
        usage_grade(stderr);
        return EXIT_USAGE;
    }
    if (read_code(argv[optind + 1], &code, &code_len, &err) < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    status = EXIT_SANDBOX;
    if (open_slot(&o, &slot, &err) < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    rc = check_one(slot, &o, argv[optind], &lab, specs, &n, expected, &err);
    if (rc != 0) {
        fprintf(stderr, "labsandbox: the lab in '%s' is not valid: %s\n", argv[optind], err.msg);
        status = rc > 0 ? EXIT_NOT_OK : EXIT_SANDBOX;
        goto out;
    }
    rc = gradejob_lab_prepare(lab, o.scratch, &gl, &err);
    if (rc == 0)
        rc = gradejob_observe(slot, o.harness, &gl, code, code_len, specs, n, obs, &syn, msg,
                              sizeof msg, &end, &err);
    if (rc < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    grade_compare(specs, n, obs, (const char *const *)expected, syn, msg, end, lab->points, &rep);
    if (o.json)
        print_report_json(&rep);
    else
        print_report(&rep, isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
    status = rep.verdict == GRADE_ACCEPTED ? EXIT_OK : EXIT_NOT_OK;
    grade_report_release(&rep);
out:
    grade_observations_release(obs, GRADE_MAX_CHECKS);
    gradejob_lab_release(&gl);
    for (size_t k = 0; k < n; k++)
        free(expected[k]);
    labdir_free(lab);
    sandbox_slot_free(slot);
    free(code);
    return status;
}
