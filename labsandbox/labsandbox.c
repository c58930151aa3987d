/*
 * labsandbox.c — the command-line front end of lab_sandbox.
 *
 * Thin by design: parse, load [sandbox] config, build a job, call
 * sandbox_slot_run() on any free slot, render. Subcommands live in one table so "grade" (and
 * later ones) slot in beside "run".
 *
 * Exit status of run: 0 the program ran and exited 0; 1 it ran, verdict not
 * ok; 2 usage or configuration error; 3 the sandbox could not start (or
 * failed). Of check and grade (labsandbox_grade.c): 0 all good; 1 some
 * checks failed; 2 the lab is invalid or missing; 3 the sandbox could not
 * start.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cfg.h"
#include "common/err.h"
#include "common/log.h"
#include "common/str.h"
#include "labsandbox/labsandbox_grade.h"
#include "sandbox/sandbox.h"

enum { EXIT_OK = 0, EXIT_VERDICT = 1, EXIT_USAGE = 2, EXIT_SANDBOX = 3 };

#define MAX_FILES 10000
#define MAX_DEPTH 16

void labsandbox_print_err(const struct lab_err *e)
{
    fprintf(stderr, "labsandbox: error: %s", e->msg);
    if (e->detail[0])
        fprintf(stderr, " (%s)", e->detail);
    fputc('\n', stderr);
    if (e->hint[0])
        fprintf(stderr, "  hint: %s\n", e->hint);
}

static void usage_run(FILE *f)
{
    fputs("usage: labsandbox run [OPTIONS] -- COMMAND [ARG...]\n"
          "\n"
          "Run COMMAND in a fresh sandbox and report the verdict, times, memory and output.\n"
          "Example: labsandbox run --cpu-ms 2000 --workdir ./lab -- python3 main.py\n"
          "\n"
          "Limits (defaults from [sandbox] in the config, then these flags):\n"
          "  --cpu-ms N       CPU time of all processes together, ms\n"
          "  --wall-ms N      wall-clock time, ms\n"
          "  --memory-mb N    memory (cgroup; RLIMIT_AS where no cgroup exists)\n"
          "  --procs N        processes + threads at once\n"
          "  --files N        open files per process\n"
          "  --fsize-kb N     largest file written, KB\n"
          "  --disk-mb N      /tmp + /work + /dev/shm together, MB\n"
          "  --inodes N       files + directories created\n"
          "  --output-kb N    stdout and stderr are each kept up to N KB\n"
          "Input and files:\n"
          "  --stdin FILE     feed FILE to the program's stdin (default: empty)\n"
          "  --workdir DIR    copy DIR's regular files into the box's /work (symlinks skipped)\n"
          "  --bind HOST:BOX  show host path HOST read-only at BOX (e.g. ./harness:/harness)\n"
          "  --result-fd N    capture fd N (3..63) separately, shown as \"result\"\n"
          "Other:\n"
          "  --config FILE    INI file with a [sandbox] section (default: $LAB_CONFIG if set)\n"
          "  --slot N         use slot N (default: the first free one)\n"
          "  --json           print the result as one JSON object\n"
          "  --verbose        log sandbox events to stderr\n"
          "  -h, --help       this text\n"
          "\n"
          "Exit status: 0 ran and exited 0; 1 ran with another verdict; 2 usage or config\n"
          "error; 3 the sandbox could not start. Needs root. See labsandbox(1).\n",
          f);
}

static void usage(FILE *f)
{
    fputs("usage: labsandbox COMMAND [OPTIONS]\n"
          "\n"
          "Commands:\n"
          "  run      run one program in the sandbox and report the result\n"
          "  check    verify lab folders as the server does, and run their tests/alt_*.py\n"
          "           (must pass) and tests/wrong_*.py (must fail a check)\n"
          "  grade    grade one file against a lab and show what a student would see\n"
          "\n"
          "Exit status of check and grade: 0 all good; 1 some checks failed; 2 the lab is\n"
          "invalid or missing; 3 the sandbox could not start.\n"
          "labsandbox COMMAND --help shows the options. labsandbox --version prints the version.\n",
          f);
}

struct files {
    struct sandbox_file *v;
    size_t n, cap;
};

static void files_release(struct files *fl)
{
    for (size_t i = 0; i < fl->n; i++) {
        free((char *)(uintptr_t)fl->v[i].path);
        if (fl->v[i].fd >= 0)
            close(fl->v[i].fd);
    }
    free(fl->v);
}

/* Collect the regular files below @dir (never following links). */
static int walk(int dir, const char *prefix, int depth, struct files *fl, struct lab_err *err)
{
    DIR *d;
    struct dirent *e;
    int rc = 0, fd = dup(dir);

    if (fd < 0 || !(d = fdopendir(fd))) {
        if (fd >= 0)
            close(fd);
        return lab_errf(err, -errno, "cannot read directory '%s'", prefix[0] ? prefix : ".");
    }
    while (rc == 0 && (e = readdir(d))) {
        char rel[512];
        struct stat st;
        int cfd;

        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(rel, sizeof rel, "%s%s%s", prefix, prefix[0] ? "/" : "", e->d_name);
        cfd = openat(dirfd(d), e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (cfd < 0) {
            if (errno == ELOOP) {
                fprintf(stderr, "labsandbox: warning: skipping symlink '%s'\n", rel);
                continue;
            }
            rc = lab_errf(err, -errno, "cannot open '%s'", rel);
            break;
        }
        if (fstat(cfd, &st) < 0) {
            rc = lab_errf(err, -errno, "cannot stat '%s'", rel);
            close(cfd);
        } else if (S_ISDIR(st.st_mode)) {
            if (depth >= MAX_DEPTH)
                rc = lab_errf(err, LAB_E_TOO_LARGE, "'%s' is nested too deeply", rel);
            else
                rc = walk(cfd, rel, depth + 1, fl, err);
            close(cfd);
        } else if (!S_ISREG(st.st_mode)) {
            fprintf(stderr, "labsandbox: warning: skipping special file '%s'\n", rel);
            close(cfd);
        } else if (fl->n >= MAX_FILES) {
            rc = lab_errf(err, LAB_E_TOO_LARGE, "more than %d files in the work dir", MAX_FILES);
            close(cfd);
        } else {
            if (fl->n == fl->cap) {
                size_t nc = fl->cap ? fl->cap * 2 : 16;
                struct sandbox_file *v = realloc(fl->v, nc * sizeof *v);
                if (!v) {
                    close(cfd);
                    rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
                    break;
                }
                fl->v = v;
                fl->cap = nc;
            }
            fl->v[fl->n] =
                (struct sandbox_file){str_dup(rel), NULL, 0, cfd, (uint32_t)(st.st_mode & 0755)};
            if (!fl->v[fl->n].path) {
                close(cfd);
                rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
                break;
            }
            fl->n++;
        }
    }
    closedir(d);
    return rc;
}

static int read_workdir(const char *path, struct files *fl, struct lab_err *err)
{
    int dir = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int rc;

    if (dir < 0) {
        rc = lab_errf(err, -errno, "cannot open work dir '%s'", path);
        lab_err_hint(err, "--workdir takes a directory whose files are copied into /work");
        return rc;
    }
    rc = walk(dir, "", 0, fl, err);
    close(dir);
    return rc;
}

struct run_opts {
    const char *config, *stdin_path, *workdir;
    const char *sets[32][2]; /* key, value overrides in flag order */
    size_t n_sets;
    struct sandbox_bind binds[8];
    char *bind_buf[8];
    size_t n_binds;
    int result_fd;
    int slot;
    bool json, verbose;
};

static int parse_run(int argc, char **argv, struct run_opts *o, int *cmd_at)
{
    static const struct option longopts[] = {
        {"cpu-ms", required_argument, NULL, 1},
        {"wall-ms", required_argument, NULL, 2},
        {"memory-mb", required_argument, NULL, 3},
        {"procs", required_argument, NULL, 4},
        {"files", required_argument, NULL, 5},
        {"fsize-kb", required_argument, NULL, 6},
        {"disk-mb", required_argument, NULL, 7},
        {"output-kb", required_argument, NULL, 8},
        {"inodes", required_argument, NULL, 9},
        {"stdin", required_argument, NULL, 's'},
        {"workdir", required_argument, NULL, 'w'},
        {"config", required_argument, NULL, 'c'},
        {"json", no_argument, NULL, 'j'},
        {"slot", required_argument, NULL, 'S'},
        {"bind", required_argument, NULL, 'b'},
        {"result-fd", required_argument, NULL, 'r'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    static const char *const keys[] = {NULL,
                                       "sandbox.cpu_ms",
                                       "sandbox.wall_ms",
                                       "sandbox.memory_mb",
                                       "sandbox.procs",
                                       "sandbox.files",
                                       "sandbox.fsize_kb",
                                       "sandbox.disk_mb",
                                       "sandbox.output_kb",
                                       "sandbox.inodes"};
    int c;
    uint64_t v;

    o->slot = -1;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
        if (c >= 1 && c <= 9) {
            if (o->n_sets == ARRAY_SIZE(o->sets))
                return EXIT_USAGE;
            o->sets[o->n_sets][0] = keys[c];
            o->sets[o->n_sets++][1] = optarg;
            continue;
        }
        switch (c) {
        case 's':
            o->stdin_path = optarg;
            break;
        case 'w':
            o->workdir = optarg;
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
        case 'S':
            if (parse_u64(optarg, 4095, &v) < 0) {
                fprintf(stderr, "labsandbox: error: --slot takes a number, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            o->slot = (int)v;
            break;
        case 'r':
            if (parse_u64(optarg, 63, &v) < 0 || v < 3) {
                fprintf(stderr, "labsandbox: error: --result-fd takes 3..63, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            o->result_fd = (int)v;
            break;
        case 'b': {
            char *copy, *colon;
            if (o->n_binds == ARRAY_SIZE(o->binds) || !(copy = str_dup(optarg)) ||
                !(colon = strrchr(copy, ':')) || colon == copy || !colon[1]) {
                fprintf(stderr, "labsandbox: error: --bind takes HOST:BOX, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            *colon = '\0';
            o->bind_buf[o->n_binds] = copy;
            o->binds[o->n_binds++] = (struct sandbox_bind){copy, colon + 1};
            break;
        }
        case 'h':
            usage_run(stdout);
            exit(EXIT_OK);
        default:
            usage_run(stderr);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "labsandbox: error: no command given\n"
                        "  hint: put the command after --, e.g. labsandbox run -- python3 a.py\n");
        return EXIT_USAGE;
    }
    *cmd_at = optind;
    return 0;
}

static int cmd_run(int argc, char **argv)
{
    struct run_opts o;
    struct sandbox_settings set;
    struct sandbox_config cfg;
    struct sandbox_limits lim;
    struct sandbox_job job;
    struct sandbox_result res;
    struct sandbox_slot *slot = NULL;
    struct files fl = {NULL, 0, 0};
    struct lab_err err;
    int cmd_at = 0, rc, status = EXIT_USAGE, stdin_fd = -1;
    const char *config;

    memset(&o, 0, sizeof o);
    memset(&res, 0, sizeof res);
    memset(&err, 0, sizeof err);
    if (cfg_defaults(sandbox_cfg_keys, &set) < 0) {
        fprintf(stderr, "labsandbox: error: out of memory\n");
        return EXIT_SANDBOX;
    }
    if ((rc = parse_run(argc, argv, &o, &cmd_at)) != 0)
        goto out;
    log_set_level(o.verbose ? LOG_DEBUG : LOG_WARN);
    config = o.config ? o.config : getenv("LAB_CONFIG");
    if (config && cfg_load_file(sandbox_cfg_keys, &set, config, &err) < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    for (size_t i = 0; i < o.n_sets; i++)
        if (cfg_set(sandbox_cfg_keys, &set, o.sets[i][0], o.sets[i][1], &err) < 0) {
            char flag[32];
            str_copy(flag, sizeof flag, o.sets[i][0] + 8); /* after "sandbox." */
            for (char *p = flag; *p; p++)
                *p = *p == '_' ? '-' : *p;
            fprintf(stderr, "labsandbox: error: --%s: %s\n", flag, err.msg);
            goto out;
        }
    sandbox_config_default(&cfg);
    sandbox_settings_apply(&set, &cfg, &lim);
    if (sandbox_limits_check(&lim, &err) < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    if (o.stdin_path) {
        stdin_fd = open(o.stdin_path, O_RDONLY | O_CLOEXEC);
        if (stdin_fd < 0) {
            lab_errf(&err, -errno, "cannot open stdin file '%s'", o.stdin_path);
            labsandbox_print_err(&err);
            goto out;
        }
    }
    if (o.workdir && read_workdir(o.workdir, &fl, &err) < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    memset(&job, 0, sizeof job);
    job.argv = (const char *const *)(argv + cmd_at);
    job.stdin_fd = stdin_fd;
    job.files = fl.v;
    job.n_files = fl.n;
    job.binds = o.binds;
    job.n_binds = o.n_binds;
    job.result_fd = o.result_fd;
    job.limits = &lim;

    status = EXIT_SANDBOX;
    if (o.slot >= 0)
        rc = sandbox_slot_new((unsigned)o.slot, &cfg, &lim, &slot, &err);
    else
        rc = sandbox_slot_new_any(&cfg, &lim, &slot, &err);
    if (rc < 0) {
        labsandbox_print_err(&err);
        goto out;
    }
    rc = sandbox_slot_run(slot, &job, &res, &err);
    sandbox_slot_free(slot);
    if (rc < 0) {
        labsandbox_print_err(&err);
        status =
            rc == LAB_E_PARSE || rc == LAB_E_RANGE || rc == -ENOENT ? EXIT_USAGE : EXIT_SANDBOX;
        goto out;
    }
    if (o.json)
        rc = sandbox_result_write_json(&res, stdout);
    else
        rc = sandbox_result_write_text(&res, stdout, isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
    if (fflush(stdout) != 0 || rc < 0)
        status = EXIT_SANDBOX;
    else
        status = res.verdict == SANDBOX_OK               ? EXIT_OK
                 : res.verdict == SANDBOX_INTERNAL_ERROR ? EXIT_SANDBOX
                                                         : EXIT_VERDICT;
out:
    sandbox_result_release(&res);
    files_release(&fl);
    for (size_t i = 0; i < o.n_binds; i++)
        free(o.bind_buf[i]);
    if (stdin_fd >= 0)
        close(stdin_fd);
    cfg_release(sandbox_cfg_keys, &set);
    return status;
}

static const struct {
    const char *name;
    int (*fn)(int argc, char **argv);
} commands[] = {
    {"run", cmd_run},
    {"check", labsandbox_cmd_check},
    {"grade", labsandbox_cmd_grade},
};

int main(int argc, char **argv)
{
    log_set_prog("labsandbox");
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("labsandbox %s\n", LAB_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr,
            "labsandbox: error: unknown command '%s'\n  hint: labsandbox --help lists "
            "the commands\n",
            argv[1]);
    return EXIT_USAGE;
}
