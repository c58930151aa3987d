/*
 * zygote.c — the slot's helper, the box's init and the program's last steps.
 *
 * Everything here runs in processes forked from the caller, so it keeps to
 * plain system calls, static buffers and _exit(). Errors are reported, never
 * printed: the zygote answers on its socket, init and the program's process
 * write a struct box_status to the status pipe the supervisor reads.
 *
 * Who can see what: the zygote is non-dumpable, runs as host uid 0 (unmapped
 * inside, so "nobody") and is not in any box's PID namespace. init is pid 1
 * of the box, also host uid 0 and non-dumpable: the program (uid 1000) can
 * neither signal, trace nor read it.
 */
#include "sandbox/zygote.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/str.h"
#include "sandbox/bundle.h"
#include "sandbox/ipc.h"
#include "sandbox/mnt.h"
#include "sandbox/ns.h"
#include "sandbox/rlim.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

#define CTL_FD 3
#define MAX_ARGS 256
#define MAX_ENV 128

/* Static so a large request never lands on a small stack. */
static union {
    struct ipc_req req;
    char raw[sizeof(struct ipc_req) + IPC_BLOB_MAX];
} msg;

/* The seccomp filter every program gets, as received from the caller. */
static struct sock_filter filter_insns[BPF_MAXINSNS];
static struct sbx_filter zyg_filter;

static void rep_fail(int ctl, int err, const char *stage)
{
    struct ipc_rep r;

    memset(&r, 0, sizeof r);
    r.kind = IPC_REP_FAIL;
    r.err = err;
    str_copy(r.stage, sizeof r.stage, stage);
    ipc_send(ctl, &r, sizeof r, NULL, 0);
}

static void box_report(int fd, uint32_t kind, int status, int err, uint32_t sigsys,
                       const char *stage)
{
    struct box_status b;

    memset(&b, 0, sizeof b);
    b.kind = kind;
    b.status = status;
    b.err = err;
    b.sigsys = sigsys;
    if (stage)
        str_copy(b.stage, sizeof b.stage, stage);
    /* Smaller than PIPE_BUF: one atomic write. */
    if (write(fd, &b, sizeof b) < 0)
        return;
}

static void reset_signals(void)
{
    sigset_t all;

    for (int s = 1; s < NSIG; s++)
        if (s != SIGKILL && s != SIGSTOP)
            signal(s, SIG_DFL);
    sigemptyset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
}

static int drop_caps(void)
{
    struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];

    memset(data, 0, sizeof data);
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
        return -errno;
    if (syscall(SYS_capset, &hdr, data) < 0)
        return -errno;
    return 0;
}

struct run {
    const struct ipc_req *req;
    char *argv[MAX_ARGS + 1];
    char *env[MAX_ENV + 1];
    const char *binds[IPC_MAX_BINDS];
    int fds[IPC_MAX_FDS];
    size_t n_fds;
    const struct sbx_filter *filter;
};

static int fd_at(const struct run *r, int idx)
{
    /* Without a bundle, the result fd and the binds move one place down. */
    if (idx >= IPC_FD_BUNDLE && !r->req->has_bundle)
        idx--;
    return r->fds[idx];
}

static int bind_fd(const struct run *r, size_t i)
{
    size_t base = IPC_FD_RES + (r->req->result_fd ? 1 : 0) - (r->req->has_bundle ? 0 : 1);
    return r->fds[base + i];
}

/* The program's process: from init's fork to execve. */
static void exec_program(const struct run *r) __attribute__((noreturn));
static void exec_program(const struct run *r)
{
    const struct ipc_req *q = r->req;
    int status = fd_at(r, IPC_FD_STATUS);
    const char *stage = "setsid";
    int in, out, err, res = -1, rc = 0;

    if (setsid() < 0)
        goto fail;
    stage = "move fds";
    in = fcntl(fd_at(r, IPC_FD_STDIN), F_DUPFD_CLOEXEC, 100);
    out = fcntl(fd_at(r, IPC_FD_OUT), F_DUPFD_CLOEXEC, 100);
    err = fcntl(fd_at(r, IPC_FD_ERR), F_DUPFD_CLOEXEC, 100);
    if (q->result_fd)
        res = fcntl(fd_at(r, IPC_FD_RES), F_DUPFD_CLOEXEC, 100);
    status = fcntl(status, F_DUPFD_CLOEXEC, 100);
    if (in < 0 || out < 0 || err < 0 || status < 0 || (q->result_fd && res < 0))
        goto fail;
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
        (q->result_fd && dup2(res, q->result_fd) < 0))
        goto fail;
    /* Everything else closes at exec, the status pipe included. */
    syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
    if (q->result_fd && fcntl(q->result_fd, F_SETFD, 0) < 0)
        goto fail;
    stage = "chdir /work";
    if (chdir("/work") < 0)
        goto fail;
    stage = "drop bounding set";
    /* Capabilities are numbered 0..CAP_LAST_CAP; EINVAL marks the end. */
    for (int c = 0; c <= 63; c++)
        if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) < 0) {
            if (errno != EINVAL)
                goto fail;
            break;
        }
    stage = "set uid/gid";
    /*
     * Raw system calls: this process shares init's memory until execve
     * (see spawn_program), and glibc's set*id wrappers may try to act for
     * every thread they believe the process has.
     */
    if (syscall(SYS_setgroups, 0, NULL) < 0 ||
        syscall(SYS_setresgid, SBX_BOX_GID, SBX_BOX_GID, SBX_BOX_GID) < 0 ||
        syscall(SYS_setresuid, SBX_BOX_UID, SBX_BOX_UID, SBX_BOX_UID) < 0)
        goto fail;
    stage = "drop capabilities";
    if ((rc = drop_caps()) < 0)
        goto fail_rc;
    umask(022);
    if ((rc = rlim_apply(&q->lim, q->cpu_watched, q->use_rlimit_as, &stage)) < 0)
        goto fail_rc;
    reset_signals();
    stage = "load seccomp filter";
    if ((rc = sbx_filter_load(r->filter)) < 0)
        goto fail_rc;
    execve(r->argv[0], r->argv, r->env);
    box_report(status, BOX_EXEC_FAIL, 0, errno, 0, "execute");
    _exit(127);
fail:
    rc = -errno;
fail_rc:
    box_report(status, BOX_SETUP_FAIL, 0, -rc, 0, stage);
    _exit(127);
}

/*
 * The program's process shares init's memory and runs on its own stack
 * until execve (CLONE_VM | CLONE_VFORK, as posix_spawn does): no page tables
 * to copy, no copy-on-write faults, and it runs at once on init's CPU while
 * init sleeps. Credentials, rlimits, the fd table, signal handlers, seccomp
 * and no_new_privs are still the child's own (no CLONE_THREAD, CLONE_FILES,
 * CLONE_SIGHAND, CLONE_FS), so nothing it sets reaches init.
 */
static char prog_stack[64 * 1024] __attribute__((aligned(64)));

static int program_main(void *arg)
{
    exec_program(arg);
}

static pid_t spawn_program(const struct run *r)
{
    return (pid_t)clone(program_main, prog_stack + sizeof prog_stack,
                        CLONE_VM | CLONE_VFORK | SIGCHLD, (void *)(uintptr_t)r);
}

/* pid 1 of the box. */
static void box_init(const struct run *r) __attribute__((noreturn));
static void box_init(const struct run *r)
{
    const struct ipc_req *q = r->req;
    int status_fd = fd_at(r, IPC_FD_STATUS);
    int bfds[IPC_MAX_BINDS];
    struct mnt_run mr = {(uint64_t)q->lim.disk_mb * 1024 * 1024, q->lim.inodes, bfds, r->binds,
                         q->n_binds};
    const char *stage = "init";
    int rc, st = 0;
    uint32_t sigsys = 0;
    pid_t child, pid;

    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    close(CTL_FD);
    for (size_t i = 0; i < q->n_binds; i++)
        bfds[i] = bind_fd(r, i);
    /* Files in the box's tmpfs must belong to a uid mapped in its user namespace. */
    setfsgid(SBX_BOX_GID);
    setfsuid(SBX_BOX_UID);
    if ((rc = mnt_setup_run(&mr, &stage)) < 0)
        goto fail;
    for (size_t i = 0; i < q->n_binds; i++)
        close(bfds[i]);
    if (q->has_bundle) {
        int dir = open("/work", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        stage = "place files in /work";
        if (dir < 0) {
            rc = -errno;
            goto fail;
        }
        rc = bundle_unpack(fd_at(r, IPC_FD_BUNDLE), dir);
        close(dir);
        if (rc < 0)
            goto fail;
        close(fd_at(r, IPC_FD_BUNDLE));
    }
    child = spawn_program(r);
    if (child < 0) {
        rc = -errno;
        stage = "fork";
        goto fail;
    }
    close(fd_at(r, IPC_FD_STDIN));
    close(fd_at(r, IPC_FD_OUT));
    close(fd_at(r, IPC_FD_ERR));
    if (q->result_fd)
        close(fd_at(r, IPC_FD_RES));
    for (;;) {
        int s;
        pid = waitpid(-1, &s, __WALL);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (WIFSIGNALED(s) && WTERMSIG(s) == SIGSYS)
            sigsys++;
        if (pid == child) {
            st = s;
            break;
        }
    }
    box_report(status_fd, BOX_MAIN_EXIT, st, 0, sigsys, NULL);
    _exit(0);
fail:
    box_report(status_fd, BOX_SETUP_FAIL, 0, -rc, 0, stage);
    _exit(1);
}

/* Split the blob into argv, env and bind paths; all must be NUL-terminated. */
static int parse_request(struct run *r, size_t len)
{
    const struct ipc_req *q = &msg.req;
    const char *p = msg.raw + sizeof *q, *end;
    size_t need = (size_t)q->n_argv + q->n_env + q->n_binds, i;

    if (len < sizeof *q || q->magic != IPC_MAGIC || q->blob_len != len - sizeof *q ||
        q->n_argv < 1 || q->n_argv > MAX_ARGS || q->n_env > MAX_ENV || q->n_binds > IPC_MAX_BINDS ||
        q->n_fds != r->n_fds ||
        q->n_fds != 4u + (q->has_bundle ? 1 : 0) + (q->result_fd ? 1 : 0) + q->n_binds ||
        (q->result_fd && (q->result_fd < 3 || q->result_fd > 63)))
        return -EPROTO;
    end = p + q->blob_len;
    for (i = 0; i < need; i++) {
        const char *nul = memchr(p, '\0', (size_t)(end - p));
        if (!nul)
            return -EPROTO;
        if (i < q->n_argv)
            r->argv[i] = (char *)(uintptr_t)p;
        else if (i < (size_t)q->n_argv + q->n_env)
            r->env[i - q->n_argv] = (char *)(uintptr_t)p;
        else
            r->binds[i - q->n_argv - q->n_env] = p;
        p = nul + 1;
    }
    r->argv[q->n_argv] = NULL;
    r->env[q->n_env] = NULL;
    for (i = 0; i < q->n_binds; i++)
        if (!mnt_box_path_ok(r->binds[i]))
            return -EINVAL;
    r->req = q;
    return 0;
}

static void serve(int ctl, const struct sbx_filter *filter)
{
    for (;;) {
        struct run r;
        struct ipc_rep rep;
        struct rusage ru;
        ssize_t n;
        int rc, st, pidfd;
        pid_t pid;

        memset(&r, 0, sizeof r);
        r.filter = filter;
        n = ipc_recv(ctl, msg.raw, sizeof msg.raw, r.fds, IPC_MAX_FDS, &r.n_fds);
        if (n == 0)
            _exit(0); /* the caller closed the slot */
        if (n < 0) {
            if (n == -EMSGSIZE) {
                rep_fail(ctl, EMSGSIZE, "request too large");
                continue;
            }
            _exit(1);
        }
        rc = parse_request(&r, (size_t)n);
        for (size_t i = 0; rc == 0 && i < r.req->n_binds; i++)
            rc = mnt_ensure_target(r.binds[i], r.req->bind_is_dir[i]);
        if (rc < 0) {
            rep_fail(ctl, -rc, "check request");
            goto close_fds;
        }
        pid = (pid_t)syscall(SYS_clone, CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | SIGCHLD, 0, 0,
                             0, 0);
        if (pid == 0)
            box_init(&r);
        if (pid < 0) {
            rep_fail(ctl, errno, "clone run namespaces");
            goto close_fds;
        }
        for (size_t i = 0; i < r.n_fds; i++)
            close(r.fds[i]);
        r.n_fds = 0;
        memset(&rep, 0, sizeof rep);
        rep.kind = IPC_REP_STARTED;
        rep.pid = pid;
        pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
        if (ipc_send(ctl, &rep, sizeof rep, &pidfd, pidfd >= 0 ? 1 : 0) < 0)
            kill(pid, SIGKILL);
        if (pidfd >= 0)
            close(pidfd);
        while (wait4(pid, &st, __WALL, &ru) < 0)
            if (errno != EINTR) {
                st = 0;
                memset(&ru, 0, sizeof ru);
                break;
            }
        memset(&rep, 0, sizeof rep);
        rep.kind = IPC_REP_EXITED;
        rep.pid = pid;
        rep.status = st;
        rep.utime_us = (uint64_t)ru.ru_utime.tv_sec * 1000000 + (uint64_t)ru.ru_utime.tv_usec;
        rep.stime_us = (uint64_t)ru.ru_stime.tv_sec * 1000000 + (uint64_t)ru.ru_stime.tv_usec;
        rep.maxrss_kb = (uint64_t)ru.ru_maxrss;
        if (ipc_send(ctl, &rep, sizeof rep, NULL, 0) < 0)
            _exit(1);
        continue;
    close_fds:
        for (size_t i = 0; i < r.n_fds; i++)
            close(r.fds[i]);
    }
}

void zygote_main(int ctl, pid_t parent)
{
    const char *stage = "start";
    char b;
    int rc, null, early_err = 0;

    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (getppid() != parent)
        _exit(1);
    reset_signals();
    /* Keep only the socket (as fd 3) and stderr; the caller's other fds stay with it. */
    if (ctl != CTL_FD) {
        if (dup2(ctl, CTL_FD) < 0)
            _exit(1);
        close(ctl);
    }
    syscall(SYS_close_range, 4U, ~0U, 0);
    null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0)
        _exit(1);
    if (null > 2)
        close(null);

    stage = "drop supplementary groups";
    if (setgroups(0, NULL) < 0)
        goto fail;
    stage = "new mount namespace";
    if (unshare(CLONE_NEWNS) < 0)
        goto fail;
    if ((rc = mnt_build_template(&stage)) < 0) {
        errno = -rc;
        goto fail;
    }
    stage = "new user/net/uts namespaces";
    if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWUTS) < 0)
        goto fail;
    b = ZYG_UNSHARED;
    if (ipc_send(CTL_FD, &b, 1, NULL, 0) < 0)
        _exit(1);
    /*
     * While the caller attaches us to the cgroups and writes the id maps: we
     * already hold every capability in the new namespaces, and neither step
     * creates a process. A failure is reported after ZYG_GO, as before.
     */
    stage = "set hostname";
    if (sethostname(SBX_HOSTNAME, strlen(SBX_HOSTNAME)) < 0) {
        early_err = errno;
    } else if ((rc = ns_loopback_up()) < 0) {
        stage = "bring up loopback";
        early_err = -rc;
    }
    {
        /* ZYG_GO, then the filter: whole sock_filter insns, 1..BPF_MAXINSNS of them. */
        size_t nfds, len;
        ssize_t n = ipc_recv(CTL_FD, msg.raw, sizeof msg.raw, NULL, 0, &nfds);

        if (n < 1 || msg.raw[0] != ZYG_GO)
            _exit(1);
        len = (size_t)n - 1;
        if (!len || len % sizeof(struct sock_filter) ||
            len / sizeof(struct sock_filter) > BPF_MAXINSNS)
            _exit(1);
        memcpy(filter_insns, msg.raw + 1, len);
        zyg_filter.insns = filter_insns;
        zyg_filter.len = (unsigned short)(len / sizeof(struct sock_filter));
    }
    if (early_err) {
        errno = early_err;
        goto fail;
    }
    stage = "new cgroup namespace";
    if (unshare(CLONE_NEWCGROUP) < 0)
        goto fail;
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    {
        struct ipc_rep r;
        memset(&r, 0, sizeof r);
        r.kind = IPC_REP_READY;
        if (ipc_send(CTL_FD, &r, sizeof r, NULL, 0) < 0)
            _exit(1);
    }
    serve(CTL_FD, &zyg_filter);
    _exit(0);
fail:
    rep_fail(CTL_FD, errno, stage);
    _exit(1);
}
