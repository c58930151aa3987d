/*
 * test_slot_reuse.c — the worker's path through the library, end to end:
 * one slot, two runs. The first places files, uses a read-only bind and the
 * result fd, leaves files in /work, /tmp and /dev/shm and a daemon behind;
 * the second, in the same slot, must see none of it. Needs root.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbox/sandbox.h"

static int failures;

#define EXPECT(cond, ...)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

static const char first_py[] =
    "import os, time\n"
    "print(open('/lab/hello.txt').read().strip(), open('data/x.txt').read())\n"
    "try:\n"
    "    open('/lab/new.txt', 'w'); print('BIND-WRITABLE')\n"
    "except OSError:\n"
    "    print('bind read-only')\n"
    "for p in ('/work/left.txt', '/tmp/left', '/dev/shm/left'):\n"
    "    open(p, 'w').write('secret of run 1')\n"
    "if os.fork() == 0:\n"
    "    os.setsid()\n"
    "    if os.fork() == 0:\n"
    "        time.sleep(3600)\n"
    "    os._exit(0)\n"
    "os.wait()\n"
    "os.write(3, b'result line\\n')\n";

static const char second_py[] =
    "import os\n"
    "left = [p for p in ('/work/left.txt', '/tmp/left', '/dev/shm/left', 'first.py', 'data')\n"
    "        if os.path.exists(p)]\n"
    "procs = [p for p in os.listdir('/proc') if p.isdigit()]\n"
    "print('CLEAN' if not left and len(procs) <= 2 else 'DIRTY %r %r' % (left, procs))\n";

static int count_uid_procs(uid_t uid)
{
    DIR *d = opendir("/proc");
    struct dirent *e;
    int n = 0;

    while (d && (e = readdir(d))) {
        char path[300];
        struct stat st;
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        snprintf(path, sizeof path, "/proc/%s", e->d_name);
        if (stat(path, &st) == 0 && st.st_uid == uid)
            n++;
    }
    if (d)
        closedir(d);
    return n;
}

int main(void)
{
    struct sandbox_config cfg;
    struct sandbox_limits lim;
    struct sandbox_slot *slot = NULL;
    struct sandbox_result res;
    struct lab_err err;
    char labdir[] = "/tmp/slot-reuse-XXXXXX", path[64];
    FILE *f;

    sandbox_config_default(&cfg);
    sandbox_limits_default(&lim);
    lim.wall_ms = 5000;
    if (!mkdtemp(labdir))
        return 2;
    snprintf(path, sizeof path, "%s/hello.txt", labdir);
    f = fopen(path, "w");
    fputs("hello from the lab dir\n", f);
    fclose(f);
    chmod(labdir, 0755);

    if (sandbox_slot_new_any(&cfg, &lim, &slot, &err) < 0) {
        fprintf(stderr, "cannot create slot: %s (%s) hint: %s\n", err.msg, err.detail, err.hint);
        return 1;
    }
    {
        static const char *const argv[] = {"/usr/bin/python3", "-I", "first.py", NULL};
        struct sandbox_file files[] = {
            {.path = "first.py", .data = first_py, .len = sizeof first_py - 1, .fd = -1},
            {.path = "data/x.txt", .data = "placed", .len = 6, .fd = -1},
        };
        struct sandbox_bind binds[] = {{labdir, "/lab"}};
        struct sandbox_job job = {.argv = argv,
                                  .files = files,
                                  .n_files = 2,
                                  .binds = binds,
                                  .n_binds = 1,
                                  .stdin_fd = -1,
                                  .result_fd = 3};
        EXPECT(sandbox_slot_run(slot, &job, &res, &err) == 0, "run 1: %s", err.msg);
        EXPECT(res.verdict == SANDBOX_OK, "run 1 verdict %s: %s / %s",
               sandbox_verdict_name(res.verdict), res.message, res.err.data ? res.err.data : "");
        EXPECT(res.out.data && strstr(res.out.data, "hello from the lab dir placed"),
               "run 1 stdout: %s", res.out.data ? res.out.data : "");
        EXPECT(res.out.data && strstr(res.out.data, "bind read-only"), "bind not read-only");
        EXPECT(res.res.data && !strcmp(res.res.data, "result line\n"), "result fd: %s",
               res.res.data ? res.res.data : "(none)");
        EXPECT(res.out.data && !strstr(res.out.data, "result line"), "result leaked to stdout");
        sandbox_result_release(&res);
    }
    EXPECT(count_uid_procs(sandbox_slot_uid(slot)) == 0, "processes of uid %u survived run 1",
           sandbox_slot_uid(slot));
    {
        static const char *const argv[] = {"/usr/bin/python3", "-I", "second.py", NULL};
        struct sandbox_file files[] = {
            {.path = "second.py", .data = second_py, .len = sizeof second_py - 1, .fd = -1}};
        struct sandbox_job job = {.argv = argv, .files = files, .n_files = 1, .stdin_fd = -1};
        EXPECT(sandbox_slot_run(slot, &job, &res, &err) == 0, "run 2: %s", err.msg);
        EXPECT(res.verdict == SANDBOX_OK, "run 2 verdict %s: %s", sandbox_verdict_name(res.verdict),
               res.message);
        EXPECT(res.out.data && strstr(res.out.data, "CLEAN"), "run 2 saw leftovers: %s",
               res.out.data ? res.out.data : "");
        sandbox_result_release(&res);
    }
    sandbox_slot_free(slot);
    unlink(path);
    rmdir(labdir);
    if (!failures)
        printf("slot reuse: nothing of run 1 visible to run 2\n");
    return failures ? 1 : 0;
}
