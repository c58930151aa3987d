/*
 * run.c — supervises one run: sends the job to the zygote, captures the
 * streams, enforces wall time, CPU time and output caps, and decides the
 * verdict.
 *
 * The supervisor never touches the box's file system. It holds the read ends
 * of stdout, stderr, the result fd and the status pipe, plus a pidfd for the
 * box's init; killing init ends the PID namespace and so every process of
 * the run. The run is over when the zygote has reaped init and every pipe
 * has reached EOF, i.e. no process of the run can still hold one.
 */
#include "sandbox/slot_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/mount.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/log.h"
#include "common/str.h"
#include "sandbox/bundle.h"
#include "sandbox/ipc.h"
#include "sandbox/mnt.h"

#define CPU_POLL_MS 10
#define KILL_GRACE_MS 5000

static const char *const base_env[] = {
    "PATH=/usr/local/bin:/usr/bin:/bin",
    "HOME=/work",
    "USER=student",
    "LOGNAME=student",
    "LANG=C.UTF-8",
    "TMPDIR=/tmp",
    "PYTHONDONTWRITEBYTECODE=1",
    "PYTHONIOENCODING=utf-8",
    "PYTHONUNBUFFERED=1",
};

enum kill_reason { KILL_NONE, KILL_WALL, KILL_CPU, KILL_OUTPUT, KILL_INTERNAL };

struct stream {
    int fd;
    struct sandbox_output *o;
    size_t cap;
    bool eof;
};

struct sup {
    struct sandbox_slot *s;
    const struct sandbox_limits *lim;
    struct stream st[3]; /* out, err, res */
    int status_fd, pidfd;
    pid_t pid;
    bool started, exited, status_eof;
    struct ipc_rep exit_rep;
    struct box_status main_exit, fail;
    enum kill_reason killed;
    uint64_t t0_ms, deadline_ms, cpu0_us, cpu_us;
    bool cpu_watched;
};

static uint64_t now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Resolve a bare command name the way the box's PATH would (the box's /usr is the host's). */
static int resolve_cmd(const char *name, char *out, size_t cap)
{
    static const char *const dirs[] = {"/usr/local/bin", "/usr/bin", "/bin"};

    if (strchr(name, '/'))
        return str_copy(out, cap, name);
    for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
        snprintf(out, cap, "%s/%s", dirs[i], name);
        if (access(out, X_OK) == 0)
            return 0;
    }
    return -ENOENT;
}

static int blob_add(char *blob, size_t *len, const char *s)
{
    size_t n = strlen(s) + 1;

    if (*len + n > IPC_BLOB_MAX)
        return LAB_E_TOO_LARGE;
    memcpy(blob + *len, s, n);
    *len += n;
    return 0;
}

static int open_bind(const struct sandbox_bind *b, bool *is_dir, struct lab_err *err)
{
    struct mount_attr a = {.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV};
    struct stat st;
    int fd;

    fd = (int)syscall(SYS_open_tree, AT_FDCWD, b->host_path,
                      OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
    if (fd < 0) {
        int rc = -errno;
        lab_errf(err, rc, "cannot bind '%s' into the sandbox", b->host_path);
        lab_err_hint(err, "check that the path exists (needs Linux 5.12+ for open_tree)");
        return rc;
    }
    if (syscall(SYS_mount_setattr, fd, "", AT_EMPTY_PATH | AT_RECURSIVE, &a, sizeof a) < 0 ||
        fstat(fd, &st) < 0) {
        int rc = -errno;
        close(fd);
        return lab_errf(err, rc, "cannot make '%s' read-only for the sandbox", b->host_path);
    }
    *is_dir = S_ISDIR(st.st_mode);
    return fd;
}

#define STDIN_MAX (64u << 20)

static int stdin_fd(const struct sandbox_job *job, struct lab_err *err)
{
    int fd;

    if (job->stdin_data) {
        fd = bundle_memfd("stdin", job->stdin_data, job->stdin_len);
    } else if (job->stdin_fd >= 0) {
        /* Copy, so the box never holds a host file. */
        char *buf = NULL;
        size_t len = 0, cap = 0;
        ssize_t n;

        do {
            if (len == cap) {
                char *p = cap >= STDIN_MAX ? NULL : realloc(buf, cap = cap ? cap * 2 : 65536);
                if (!p) {
                    free(buf);
                    return lab_errf(err, LAB_E_TOO_LARGE, "stdin is larger than %u MiB",
                                    STDIN_MAX >> 20);
                }
                buf = p;
            }
            n = read(job->stdin_fd, buf + len, cap - len);
            if (n > 0)
                len += (size_t)n;
        } while (n > 0 || (n < 0 && errno == EINTR));
        if (n < 0) {
            free(buf);
            return lab_errf(err, -errno, "cannot read stdin for the sandbox");
        }
        fd = bundle_memfd("stdin", buf, len);
        free(buf);
    } else {
        fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            fd = -errno;
    }
    if (fd < 0)
        return lab_errf(err, fd, "cannot prepare stdin for the sandbox");
    return fd;
}

static void do_kill(struct sup *u, enum kill_reason why)
{
    if (u->killed != KILL_NONE)
        return;
    u->killed = why;
    if (u->pidfd >= 0)
        syscall(SYS_pidfd_send_signal, u->pidfd, SIGKILL, NULL, 0);
    else if (u->pid > 0 && !u->exited)
        kill(u->pid, SIGKILL);
}

static void read_stream(struct sup *u, struct stream *st)
{
    char buf[1 << 16];
    ssize_t n = read(st->fd, buf, sizeof buf);

    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        st->eof = true;
        close_fd(&st->fd);
        return;
    }
    size_t keep = st->o->len < st->cap ? st->cap - st->o->len : 0;
    if (keep > (size_t)n)
        keep = (size_t)n;
    if (keep) {
        char *p = realloc(st->o->data, st->o->len + keep + 1);
        if (!p) {
            do_kill(u, KILL_INTERNAL);
            return;
        }
        st->o->data = p;
        memcpy(p + st->o->len, buf, keep);
        st->o->len += keep;
        p[st->o->len] = '\0';
    }
    st->o->cut += (uint64_t)n - keep;
    /* Far past the cap: stop the run rather than drain a flood. */
    if (st->o->cut > (st->cap > (1u << 20) ? st->cap : (1u << 20)))
        do_kill(u, KILL_OUTPUT);
}

static void read_status(struct sup *u)
{
    struct box_status b;
    ssize_t n = read(u->status_fd, &b, sizeof b);

    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n != (ssize_t)sizeof b) {
        u->status_eof = true;
        close_fd(&u->status_fd);
        return;
    }
    b.stage[sizeof b.stage - 1] = '\0';
    if (b.kind == BOX_MAIN_EXIT)
        u->main_exit = b;
    else
        u->fail = b;
}

static void read_ctl(struct sup *u)
{
    struct ipc_rep r;
    int fds[1];
    size_t nfds = 0;
    ssize_t n = ipc_recv(u->s->ctl, &r, sizeof r, fds, 1, &nfds);

    if (n == -EINTR || n == -EAGAIN)
        return;
    if (n != (ssize_t)sizeof r) {
        /* The zygote died: the run's init dies with it (PDEATHSIG). */
        log_event(LOG_ERROR, "sandbox.zygote_lost", "slot=%u", u->s->index);
        close_fd(&u->s->ctl);
        do_kill(u, KILL_INTERNAL);
        u->exited = true;
        return;
    }
    if (r.kind == IPC_REP_STARTED) {
        u->started = true;
        u->pid = r.pid;
        if (nfds)
            u->pidfd = fds[0];
    } else if (r.kind == IPC_REP_EXITED) {
        u->exited = true;
        u->exit_rep = r;
        close_fd(&u->pidfd);
    } else if (r.kind == IPC_REP_FAIL) {
        r.stage[sizeof r.stage - 1] = '\0';
        u->fail.kind = BOX_SETUP_FAIL;
        u->fail.err = r.err;
        str_copy(u->fail.stage, sizeof u->fail.stage, r.stage);
        u->exited = true;
        u->started = true;
    }
    for (size_t i = 0; i < nfds && r.kind != IPC_REP_STARTED; i++)
        close(fds[i]);
}

static bool done(const struct sup *u)
{
    return u->exited && u->st[0].eof && u->st[1].eof && u->st[2].eof && u->status_eof;
}

static void supervise(struct sup *u)
{
    /* CPU time is read every CPU_POLL_MS, not on every wake-up (each read opens a cgroup file). */
    uint64_t kill_at = 0, cpu_next = now_ms() + CPU_POLL_MS;

    while (!done(u)) {
        struct pollfd p[6];
        int n = 0, timeout;
        uint64_t now = now_ms();

        if (u->killed != KILL_NONE) {
            if (!kill_at)
                kill_at = now;
            if (now - kill_at > KILL_GRACE_MS) {
                log_event(LOG_ERROR, "sandbox.run_stuck", "slot=%u", u->s->index);
                close_fd(&u->s->ctl); /* forces a zygote restart on the next run */
                break;
            }
            timeout = 100;
        } else {
            timeout = now >= u->deadline_ms ? 0 : (int)(u->deadline_ms - now);
            if (u->cpu_watched) {
                int t = now >= cpu_next ? 0 : (int)(cpu_next - now);
                if (timeout > t)
                    timeout = t;
            }
        }
        if (!u->exited && u->s->ctl >= 0)
            p[n++] = (struct pollfd){u->s->ctl, POLLIN, 0};
        for (int i = 0; i < 3; i++)
            if (!u->st[i].eof)
                p[n++] = (struct pollfd){u->st[i].fd, POLLIN, 0};
        if (!u->status_eof)
            p[n++] = (struct pollfd){u->status_fd, POLLIN, 0};
        if (n == 0)
            break;
        if (poll(p, (nfds_t)n, timeout) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < n; i++) {
            if (!p[i].revents)
                continue;
            if (p[i].fd == u->s->ctl)
                read_ctl(u);
            else if (p[i].fd == u->status_fd)
                read_status(u);
            else
                for (int k = 0; k < 3; k++)
                    if (p[i].fd == u->st[k].fd && !u->st[k].eof)
                        read_stream(u, &u->st[k]);
        }
        if (u->killed != KILL_NONE || u->exited)
            continue;
        now = now_ms();
        if (now >= u->deadline_ms)
            do_kill(u, KILL_WALL);
        else if (u->cpu_watched && now >= cpu_next) {
            cpu_next = now + CPU_POLL_MS;
            if (cg_cpu_usec(&u->s->cg, &u->cpu_us) &&
                u->cpu_us - u->cpu0_us >= (uint64_t)u->lim->cpu_ms * 1000)
                do_kill(u, KILL_CPU);
        }
    }
}

static bool stderr_says_memory_error(const struct sandbox_output *e)
{
    const char *last;

    if (!e->data || !e->len)
        return false;
    last = e->data + e->len;
    while (last > e->data && (last[-1] == '\n' || last[-1] == '\r'))
        last--;
    while (last > e->data && last[-1] != '\n')
        last--;
    return !strncmp(last, "MemoryError", 11);
}

static void decide(struct sup *u, struct sandbox_result *res, const struct cg_counters *c0,
                   const struct cg_counters *c1)
{
    const struct sandbox_limits *lim = u->lim;
    int st = u->main_exit.status;
    bool have_main = u->main_exit.kind == BOX_MAIN_EXIT;
    bool ok_exit = have_main && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    bool oom = c1->oom_kills > c0->oom_kills;
    bool mem_hit = c1->mem_max_hits > c0->mem_max_hits;
    bool pids_hit = c1->pids_max_hits > c0->pids_max_hits;
    bool cut = res->out.cut || res->err.cut || res->res.cut;
    char *m = res->message;
    size_t mc = sizeof res->message;

    if (have_main) {
        res->exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : 0;
        res->term_signal = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
    } else if (u->killed != KILL_NONE) {
        res->term_signal = SIGKILL;
    }
    res->forbidden_syscalls = u->main_exit.sigsys;

    if (u->fail.kind == BOX_EXEC_FAIL) {
        res->verdict = SANDBOX_INTERNAL_ERROR;
        snprintf(m, mc, "cannot execute '%s' in the sandbox: %s", "program", strerror(u->fail.err));
    } else if (u->fail.kind == BOX_SETUP_FAIL) {
        res->verdict = SANDBOX_INTERNAL_ERROR;
        snprintf(m, mc, "sandbox set-up failed at '%s': %s", u->fail.stage,
                 u->fail.err == ENOSPC ? "the files do not fit the disk limit"
                                       : strerror(u->fail.err));
    } else if (u->killed == KILL_INTERNAL || (!have_main && u->killed == KILL_NONE)) {
        res->verdict = SANDBOX_INTERNAL_ERROR;
        snprintf(m, mc, "the sandbox lost track of the run (helper died or out of memory)");
    } else if (res->forbidden_syscalls) {
        res->verdict = SANDBOX_FORBIDDEN_SYSCALL;
        snprintf(m, mc, "a forbidden system call was attempted (%u process%s killed)",
                 res->forbidden_syscalls, res->forbidden_syscalls == 1 ? "" : "es");
    } else if (oom || (!ok_exit && (mem_hit || res->memory_mechanism == SANDBOX_MEM_RLIMIT_AS) &&
                       stderr_says_memory_error(&res->err))) {
        res->verdict = SANDBOX_MEMORY_LIMIT;
        snprintf(m, mc, "memory limit of %u MB reached", lim->memory_mb);
    } else if (cut || u->killed == KILL_OUTPUT) {
        res->verdict = SANDBOX_OUTPUT_LIMIT;
        snprintf(m, mc,
                 "output limit reached (stdout cut by %llu bytes, stderr by %llu, result "
                 "by %llu)%s",
                 (unsigned long long)res->out.cut, (unsigned long long)res->err.cut,
                 (unsigned long long)res->res.cut,
                 u->killed == KILL_OUTPUT ? "; the run was stopped" : "");
    } else if (pids_hit && !ok_exit) {
        res->verdict = SANDBOX_PROCESS_LIMIT;
        snprintf(m, mc, "limit of %u processes/threads reached", lim->procs);
    } else if (u->killed == KILL_CPU || (res->term_signal == SIGXCPU) ||
               (res->term_signal == SIGKILL && res->cpu_ms >= lim->cpu_ms)) {
        res->verdict = SANDBOX_CPU_TIME_LIMIT;
        snprintf(m, mc, "used more than %u ms of CPU time", lim->cpu_ms);
    } else if (u->killed == KILL_WALL) {
        res->verdict = SANDBOX_WALL_TIME_LIMIT;
        snprintf(m, mc, "ran longer than %u ms (wall clock)", lim->wall_ms);
    } else if (!ok_exit) {
        res->verdict = SANDBOX_RUNTIME_ERROR;
        if (res->term_signal)
            snprintf(m, mc, "killed by signal %d (%s)", res->term_signal,
                     sigabbrev_np(res->term_signal) ? sigabbrev_np(res->term_signal) : "?");
        else
            snprintf(m, mc, "exited with code %d", res->exit_code);
    } else {
        res->verdict = SANDBOX_OK;
        m[0] = '\0';
    }
}

/* After a run only the zygote may be left in the slot; anything else is killed. */
static void check_empty(struct sandbox_slot *s)
{
    int n = -1;

    for (int tries = 0; tries < 100; tries++) {
        n = cg_count_tasks(&s->cg);
        if (n <= 1)
            return;
        nanosleep(&(struct timespec){0, 1000 * 1000}, NULL);
    }
    log_event(LOG_ERROR, "sandbox.leftover_killed", "slot=%u tasks=%d", s->index, n);
    slot_zygote_stop(s);
}

int sandbox_slot_run(struct sandbox_slot *s, const struct sandbox_job *job,
                     struct sandbox_result *res, struct lab_err *err)
{
    static _Thread_local char blob[IPC_BLOB_MAX];
    struct ipc_req req;
    struct sup u;
    struct cg_counters c0, c1;
    int child_fds[IPC_MAX_FDS], n_child = 0;
    int out[2] = {-1, -1}, er[2] = {-1, -1}, rs[2] = {-1, -1}, stp[2] = {-1, -1};
    int peak_fd = -1, rc;
    size_t blob_len = 0;
    char cmd[512];

    memset(res, 0, sizeof *res);
    memset(&u, 0, sizeof u);
    memset(&req, 0, sizeof req);
    u.s = s;
    u.lim = job->limits ? job->limits : &s->defaults;
    u.pidfd = u.status_fd = -1;
    for (int i = 0; i < 3; i++)
        u.st[i].fd = -1;
    if ((rc = sandbox_limits_check(u.lim, err)) < 0)
        return rc;
    if (!job->argv || !job->argv[0])
        return lab_errf(err, LAB_E_PARSE, "no command to run");
    if (job->n_binds > IPC_MAX_BINDS)
        return lab_errf(err, LAB_E_RANGE, "at most %d read-only binds per run", IPC_MAX_BINDS);
    if (job->result_fd && (job->result_fd < 3 || job->result_fd > 63))
        return lab_errf(err, LAB_E_RANGE, "result_fd must be from 3 to 63, not %d", job->result_fd);
    if (resolve_cmd(job->argv[0], cmd, sizeof cmd) < 0) {
        lab_errf(err, -ENOENT, "command '%s' not found in the sandbox's PATH", job->argv[0]);
        lab_err_hint(err, "give a full path such as /usr/bin/python3");
        return -ENOENT;
    }

    /* The request: argv, then the environment built from nothing, then bind paths. */
    rc = blob_add(blob, &blob_len, cmd);
    for (req.n_argv = 1; rc == 0 && job->argv[req.n_argv]; req.n_argv++)
        rc = blob_add(blob, &blob_len, job->argv[req.n_argv]);
    for (size_t i = 0; rc == 0 && i < ARRAY_SIZE(base_env); i++, req.n_env++)
        rc = blob_add(blob, &blob_len, base_env[i]);
    for (size_t i = 0; rc == 0 && job->env && job->env[i]; i++, req.n_env++) {
        if (!strchr(job->env[i], '='))
            return lab_errf(err, LAB_E_PARSE, "environment entry '%s' is not KEY=VALUE",
                            job->env[i]);
        rc = blob_add(blob, &blob_len, job->env[i]);
    }
    for (size_t i = 0; rc == 0 && i < job->n_binds; i++) {
        if (!job->binds[i].box_path || !mnt_box_path_ok(job->binds[i].box_path)) {
            lab_errf(err, LAB_E_PARSE, "bad sandbox path '%s' for a bind",
                     job->binds[i].box_path ? job->binds[i].box_path : "(null)");
            lab_err_hint(err, "use an absolute path outside /usr /proc /dev /etc /tmp /work, "
                              "e.g. /lab");
            return LAB_E_PARSE;
        }
        rc = blob_add(blob, &blob_len, job->binds[i].box_path);
    }
    if (rc < 0)
        return lab_errf(err, rc, "the command line and environment are too long");
    if (req.n_argv > 256 || req.n_env > 128)
        return lab_errf(err, LAB_E_TOO_LARGE, "too many arguments or environment entries");

    if (s->ctl < 0 && (rc = slot_zygote_start(s, err)) < 0)
        return rc;
    if ((rc = cg_set_limits(&s->cg, (uint64_t)u.lim->memory_mb << 20, u.lim->procs + 1, err)) < 0)
        return rc;

    /* Fds, in the order of enum IPC_FD_*. */
    rc = stdin_fd(job, err);
    if (rc < 0)
        goto out;
    child_fds[n_child++] = rc;
    if (pipe2(out, O_CLOEXEC) < 0 || pipe2(er, O_CLOEXEC) < 0 || pipe2(stp, O_CLOEXEC) < 0 ||
        (job->result_fd && pipe2(rs, O_CLOEXEC) < 0)) {
        rc = lab_errf(err, -errno, "cannot create pipes for the sandbox");
        goto out;
    }
    fcntl(out[0], F_SETPIPE_SZ, 1 << 18);
    fcntl(er[0], F_SETPIPE_SZ, 1 << 18);
    child_fds[n_child++] = out[1];
    child_fds[n_child++] = er[1];
    child_fds[n_child++] = stp[1];
    out[1] = er[1] = stp[1] = -1;
    if (job->n_files) {
        rc = bundle_pack(job->files, job->n_files, err);
        if (rc < 0)
            goto out;
        child_fds[n_child++] = rc;
        req.has_bundle = 1;
    }
    if (job->result_fd) {
        child_fds[n_child++] = rs[1];
        rs[1] = -1;
        req.result_fd = job->result_fd;
    }
    for (size_t i = 0; i < job->n_binds; i++) {
        bool is_dir = false;
        rc = open_bind(&job->binds[i], &is_dir, err);
        if (rc < 0)
            goto out;
        child_fds[n_child++] = rc;
        req.bind_is_dir[i] = is_dir;
    }
    req.n_binds = (uint32_t)job->n_binds;
    req.n_fds = (uint32_t)n_child;
    req.magic = IPC_MAGIC;
    req.lim = *u.lim;
    u.cpu_watched = !(s->cg.missing & SANDBOX_MISSING_CPU_CGROUP);
    req.cpu_watched = u.cpu_watched;
    req.use_rlimit_as = s->cg.mem == SANDBOX_MEM_RLIMIT_AS;
    req.blob_len = (uint32_t)blob_len;

    res->memory_mechanism = s->cg.mem;
    res->missing = s->cg.missing;
    u.st[0] = (struct stream){out[0], &res->out, (size_t)u.lim->output_kb * 1024, false};
    u.st[1] = (struct stream){er[0], &res->err, (size_t)u.lim->output_kb * 1024, false};
    u.st[2] = (struct stream){rs[0], &res->res, (size_t)u.lim->result_kb * 1024, !job->result_fd};
    out[0] = er[0] = rs[0] = -1;
    u.status_fd = stp[0];
    stp[0] = -1;

    cg_read_counters(&s->cg, &c0);
    u.cpu0_us = c0.cpu_usec;
    peak_fd = cg_peak_begin(&s->cg);
    {
        static _Thread_local char dgram[sizeof(struct ipc_req) + IPC_BLOB_MAX];
        memcpy(dgram, &req, sizeof req);
        memcpy(dgram + sizeof req, blob, blob_len);
        u.t0_ms = now_ms();
        u.deadline_ms = u.t0_ms + u.lim->wall_ms;
        rc = ipc_send(s->ctl, dgram, sizeof req + blob_len, child_fds, (size_t)n_child);
    }
    for (int i = 0; i < n_child; i++)
        close(child_fds[i]);
    n_child = 0;
    if (rc < 0) {
        lab_errf(err, rc, "cannot hand the job to the sandbox helper");
        slot_zygote_stop(s);
        goto out;
    }
    supervise(&u);
    res->wall_ms = now_ms() - u.t0_ms;
    cg_read_counters(&s->cg, &c1);
    res->cpu_ms = (u.exit_rep.utime_us + u.exit_rep.stime_us) / 1000;
    if (c1.has_cpu && (c1.cpu_usec - c0.cpu_usec) / 1000 > res->cpu_ms + 20)
        res->cpu_ms = (c1.cpu_usec - c0.cpu_usec) / 1000;
    res->peak_memory_bytes = cg_peak_end(&s->cg, peak_fd);
    peak_fd = -1;
    if (!res->peak_memory_bytes) {
        res->peak_memory_bytes = u.exit_rep.maxrss_kb * 1024;
        res->peak_is_rss = true;
    }
    decide(&u, res, &c0, &c1);
    if (res->verdict == SANDBOX_INTERNAL_ERROR && u.fail.kind == BOX_EXEC_FAIL)
        snprintf(res->message, sizeof res->message, "cannot execute '%.120s' in the sandbox: %s",
                 cmd, strerror(u.fail.err));
    if (s->ctl >= 0)
        check_empty(s);
    else
        slot_zygote_stop(s);
    s->runs++;
    log_event(LOG_INFO, "sandbox.run_finished",
              "slot=%u verdict=%s cpu_ms=%llu wall_ms=%llu peak_kb=%llu out=%zu err=%zu", s->index,
              sandbox_verdict_name(res->verdict), (unsigned long long)res->cpu_ms,
              (unsigned long long)res->wall_ms, (unsigned long long)(res->peak_memory_bytes / 1024),
              res->out.len, res->err.len);
    rc = 0;
out:
    if (peak_fd >= 0)
        close(peak_fd);
    for (int i = 0; i < n_child; i++)
        close(child_fds[i]);
    for (int i = 0; i < 3; i++)
        close_fd(&u.st[i].fd);
    close_fd(&u.status_fd);
    close_fd(&u.pidfd);
    close_fd(&out[0]);
    close_fd(&out[1]);
    close_fd(&er[0]);
    close_fd(&er[1]);
    close_fd(&rs[0]);
    close_fd(&rs[1]);
    close_fd(&stp[0]);
    close_fd(&stp[1]);
    if (rc < 0)
        sandbox_result_release(res);
    return rc;
}
