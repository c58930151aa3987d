/*
 * bench_sandbox.c — prints what the sandbox costs on this machine.
 *
 * In one sitting, alternating the variants round by round so drift hits all
 * of them alike: the median wall time of `/usr/bin/python3 -I -S -c pass`
 * bare, through a kept slot (the worker's path), through `labsandbox run`
 * (one-shot: slot set-up and teardown included) and through bubblewrap with
 * a comparable setup; then runs per second with two parallel loops, bare
 * against two slots. Prints figures only; never fails on timing.
 *
 * usage: bench_sandbox LABSANDBOX [ROUNDS] [SECONDS]
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/log.h"
#include "common/str.h"
#include "sandbox/sandbox.h"

static const char *const py_argv[] = {"/usr/bin/python3", "-I", "-S", "-c", "pass", NULL};

static double now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* fork + execve + wait, stdio on /dev/null; returns ms or -1. */
static double spawn(const char *const *argv)
{
    double t0 = now_ms();
    int st;
    pid_t pid = fork();

    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execv(argv[0], (char *const *)(uintptr_t)argv);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
        return -1;
    return now_ms() - t0;
}

static double slot_run(struct sandbox_slot *s)
{
    struct sandbox_job job = {.argv = py_argv, .stdin_fd = -1};
    struct sandbox_result res;
    struct lab_err err;
    double t0 = now_ms();
    int rc = sandbox_slot_run(s, &job, &res, &err);
    double t = now_ms() - t0;
    int ok = rc == 0 && res.verdict == SANDBOX_OK;

    sandbox_result_release(&res);
    return ok ? t : -1;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n ? (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2) : 0;
}

struct loop {
    struct sandbox_slot *slot; /* NULL: bare */
    double until;
    long runs, failed;
};

static void *loop_main(void *arg)
{
    struct loop *l = arg;

    while (now_ms() < l->until) {
        double t = l->slot ? slot_run(l->slot) : spawn(py_argv);
        if (t < 0)
            l->failed++;
        else
            l->runs++;
    }
    return NULL;
}

static double rate(struct sandbox_slot **slots, double seconds, long *failed)
{
    struct loop l[2];
    pthread_t th[2];
    double t0 = now_ms();

    for (int i = 0; i < 2; i++) {
        l[i] = (struct loop){slots ? slots[i] : NULL, t0 + seconds * 1000, 0, 0};
        pthread_create(&th[i], NULL, loop_main, &l[i]);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    *failed += l[0].failed + l[1].failed;
    return (double)(l[0].runs + l[1].runs) / ((now_ms() - t0) / 1000);
}

int main(int argc, char **argv)
{
    struct sandbox_config cfg;
    struct sandbox_limits lim;
    struct sandbox_slot *slots[2] = {NULL, NULL};
    struct lab_err err;
    int64_t rounds = 40;
    double seconds = 4;
    bool have_bwrap = access("/usr/bin/bwrap", X_OK) == 0;
    double *v[4];
    int n[4] = {0, 0, 0, 0};
    long failed = 0;
    const char *lsb_argv[] = {argv[1], "run", "--json", "--",   "/usr/bin/python3",
                              "-I",    "-S",  "-c",     "pass", NULL};
    static const char *const bwrap_argv[] = {"/usr/bin/bwrap",
                                             "--ro-bind",
                                             "/usr",
                                             "/usr",
                                             "--symlink",
                                             "usr/lib",
                                             "/lib",
                                             "--symlink",
                                             "usr/lib64",
                                             "/lib64",
                                             "--symlink",
                                             "usr/bin",
                                             "/bin",
                                             "--symlink",
                                             "usr/sbin",
                                             "/sbin",
                                             "--tmpfs",
                                             "/tmp",
                                             "--proc",
                                             "/proc",
                                             "--dev",
                                             "/dev",
                                             "--unshare-all",
                                             "--die-with-parent",
                                             "/usr/bin/python3",
                                             "-I",
                                             "-S",
                                             "-c",
                                             "pass",
                                             NULL};
    static const char *const names[] = {"bare", "worker slot (library)", "labsandbox run", "bwrap"};

    if (argc < 2 || (argc > 2 && parse_i64(argv[2], 1, INT32_MAX, &rounds) < 0) ||
        (argc > 3 && parse_double(argv[3], &seconds) < 0)) {
        fprintf(stderr, "usage: bench_sandbox LABSANDBOX [ROUNDS] [SECONDS]\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    log_set_level(LOG_WARN);
    sandbox_config_default(&cfg);
    sandbox_limits_default(&lim);
    for (int i = 0; i < 2; i++)
        if (sandbox_slot_new_any(&cfg, &lim, &slots[i], &err) < 0) {
            fprintf(stderr, "bench: cannot create a slot: %s (%s)\n", err.msg, err.detail);
            return 1;
        }
    for (int k = 0; k < 4; k++)
        v[k] = calloc((size_t)rounds, sizeof(double));
    /* Warm-up: page cache, first-run effects. */
    spawn(py_argv);
    slot_run(slots[0]);
    spawn(lsb_argv);
    if (have_bwrap)
        spawn(bwrap_argv);
    for (int r = 0; r < rounds; r++) {
        double t;
        if ((t = spawn(py_argv)) >= 0)
            v[0][n[0]++] = t;
        if ((t = slot_run(slots[0])) >= 0)
            v[1][n[1]++] = t;
        if ((t = spawn(lsb_argv)) >= 0)
            v[2][n[2]++] = t;
        if (have_bwrap && (t = spawn(bwrap_argv)) >= 0)
            v[3][n[3]++] = t;
    }
    printf("# /usr/bin/python3 -I -S -c pass, %d alternating rounds\n", (int)rounds);
    double bare = median(v[0], n[0]);
    for (int k = 0; k < 4; k++) {
        if (k == 3 && !have_bwrap) {
            printf("%-24s not installed\n", names[k]);
            continue;
        }
        double m = median(v[k], n[k]);
        printf("%-24s median %7.2f ms  ratio %.3f  (%d/%d ok)\n", names[k], m,
               bare > 0 ? m / bare : 0, n[k], (int)rounds);
    }
    printf("# throughput, two parallel loops for %.1f s each\n", seconds);
    double rb = rate(NULL, seconds, &failed);
    double rs = rate(slots, seconds, &failed);
    double rb2 = rate(NULL, seconds, &failed);
    printf("%-24s %7.1f runs/s (before) %7.1f runs/s (after)\n", "bare", rb, rb2);
    printf("%-24s %7.1f runs/s  = %.0f%% of bare\n", "two worker slots", rs,
           100 * rs / ((rb + rb2) / 2));
    if (failed)
        printf("# %ld runs failed\n", failed);
    for (int i = 0; i < 2; i++)
        sandbox_slot_free(slots[i]);
    for (int k = 0; k < 4; k++)
        free(v[k]);
    return 0;
}
