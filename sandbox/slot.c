/*
 * slot.c — slot lifecycle: lock, cgroups, seccomp filter, zygote.
 *
 * A slot is exclusive to one process on the host (flock on
 * <state_dir>/slot-<N>.lock), so two labsandbox runs, or a labsandbox and a
 * labworker, never share a uid or a cgroup. Whatever a crashed previous
 * owner left in the slot's cgroups is killed when the slot is opened.
 */
#include "sandbox/slot_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/log.h"
#include "sandbox/ipc.h"
#include "sandbox/ns.h"
#include "sandbox/zygote.h"

#define START_TIMEOUT_MS 10000

uint32_t sandbox_slot_uid(const struct sandbox_slot *s)
{
    return s->uid;
}

static int take_lock(const char *dir, unsigned index, int *out, struct lab_err *err)
{
    char path[512];
    int fd;

    if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
        lab_errf(err, -errno, "cannot create the sandbox state directory '%s'", dir);
        lab_err_hint(err, "run as root, or set sandbox.state_dir to a writable directory");
        return -errno;
    }
    snprintf(path, sizeof path, "%s/slot-%u.lock", dir, index);
    fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        int rc = -errno;
        lab_errf(err, rc, "cannot open the slot lock '%s'", path);
        lab_err_hint(err, "run as root, or set sandbox.state_dir to a writable directory");
        return rc;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
        int rc = errno == EWOULDBLOCK ? LAB_E_BUSY : -errno;
        close(fd);
        lab_errf(err, rc, "sandbox slot %u is in use by another process", index);
        lab_err_hint(err, "use another slot, or wait for the other run to finish");
        return rc;
    }
    *out = fd;
    return 0;
}

/* Wait for one datagram from the zygote during start-up. */
static ssize_t recv_start(int ctl, void *buf, size_t cap)
{
    struct pollfd p = {ctl, POLLIN, 0};
    size_t nfds;
    int fds[IPC_MAX_FDS];

    if (poll(&p, 1, START_TIMEOUT_MS) <= 0)
        return -ETIMEDOUT;
    return ipc_recv(ctl, buf, cap, fds, 0, &nfds);
}

static int start_failed(const struct ipc_rep *r, struct lab_err *err)
{
    int code = r->err > 0 ? -r->err : LAB_E_INTERNAL;

    lab_errf(err, code, "cannot start the sandbox: %s failed", r->stage);
    if (strstr(r->stage, "user"))
        lab_err_hint(err, "cannot create a user namespace: run as root or enable unprivileged "
                          "user namespaces (sysctl user.max_user_namespaces > 0)");
    else if (strstr(r->stage, "mount") || strstr(r->stage, "bind") || strstr(r->stage, "pivot"))
        lab_err_hint(err,
                     "the sandbox needs mount namespaces and tmpfs: run as root on Linux 5.12+");
    else
        lab_err_hint(err, "run as root on Linux 5.12 or later with namespaces enabled");
    return code;
}

/* First half of the start: fork the zygote, which starts building its namespaces. */
static int zygote_spawn(struct sandbox_slot *s, struct lab_err *err)
{
    int sv[2], rc;
    pid_t pid, self = getpid();

    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
        return lab_errf(err, -errno, "cannot create the sandbox control socket");
    pid = fork();
    if (pid < 0) {
        rc = lab_errf(err, -errno, "cannot fork the sandbox helper");
        close(sv[0]);
        close(sv[1]);
        return rc;
    }
    if (pid == 0) {
        close(sv[0]);
        zygote_main(sv[1], self);
    }
    close(sv[1]);
    s->ctl = sv[0];
    s->zygote = pid;
    return 0;
}

/*
 * Second half: once the zygote has unshared, attach it to the slot's cgroups
 * (it is still alone: nothing has been forked from it), write its id maps,
 * hand it the seccomp filter and wait until it is ready. Needs s->cg and
 * s->filter.
 */
static int zygote_finish(struct sandbox_slot *s, struct lab_err *err)
{
    char *go;
    union {
        struct ipc_rep rep;
        char b[sizeof(struct ipc_rep)];
    } m;
    pid_t pid = s->zygote;
    size_t go_len;
    ssize_t n;
    int rc;

    if (!s->filter.len || s->filter.len > BPF_MAXINSNS) {
        rc = lab_errf(err, LAB_E_INTERNAL, "no seccomp filter for the sandbox helper");
        goto fail;
    }
    n = recv_start(s->ctl, m.b, sizeof m.b);
    if (n == (ssize_t)sizeof m.rep && m.rep.kind == IPC_REP_FAIL) {
        rc = start_failed(&m.rep, err);
        goto fail;
    }
    if (n != 1 || m.b[0] != ZYG_UNSHARED) {
        rc = lab_errf(err, n < 0 ? (int)n : LAB_E_INTERNAL,
                      "the sandbox helper did not start (no handshake)");
        goto fail;
    }
    if ((rc = cg_attach(&s->cg, pid, err)) < 0 || (rc = ns_write_maps(pid, s->uid, err)) < 0)
        goto fail;
    go_len = (size_t)s->filter.len * sizeof(struct sock_filter);
    go = malloc(1 + go_len);
    if (!go) {
        rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
        goto fail;
    }
    go[0] = ZYG_GO;
    memcpy(go + 1, s->filter.insns, go_len);
    rc = ipc_send(s->ctl, go, 1 + go_len, NULL, 0);
    free(go);
    if (rc < 0) {
        lab_errf(err, rc, "the sandbox helper died during start-up");
        goto fail;
    }
    n = recv_start(s->ctl, m.b, sizeof m.b);
    if (n == (ssize_t)sizeof m.rep && m.rep.kind == IPC_REP_FAIL) {
        rc = start_failed(&m.rep, err);
        goto fail;
    }
    if (n != (ssize_t)sizeof m.rep || m.rep.kind != IPC_REP_READY) {
        rc = lab_errf(err, n < 0 ? (int)n : LAB_E_INTERNAL,
                      "the sandbox helper did not report ready");
        goto fail;
    }
    log_event(LOG_DEBUG, "sandbox.zygote_started", "slot=%u pid=%d uid=%u", s->index, (int)pid,
              s->uid);
    return 0;
fail:
    slot_zygote_stop(s);
    return rc;
}

int slot_zygote_start(struct sandbox_slot *s, struct lab_err *err)
{
    int rc = zygote_spawn(s, err);

    return rc < 0 ? rc : zygote_finish(s, err);
}

void slot_zygote_stop(struct sandbox_slot *s)
{
    if (s->ctl >= 0)
        close(s->ctl);
    s->ctl = -1;
    if (s->zygote > 0) {
        kill(s->zygote, SIGKILL);
        while (waitpid(s->zygote, NULL, __WALL) < 0 && errno == EINTR)
            ;
    }
    s->zygote = 0;
    cg_kill_all(&s->cg, 0);
}

int sandbox_slot_new(unsigned index, const struct sandbox_config *cfg,
                     const struct sandbox_limits *defaults, struct sandbox_slot **out,
                     struct lab_err *err)
{
    struct sandbox_slot *s = NULL;
    int rc;

    *out = NULL;
    if (index >= cfg->max_slots) {
        lab_errf(err, LAB_E_RANGE, "slot %u is out of range (max_slots is %u)", index,
                 cfg->max_slots);
        lab_err_hint(err, "use a slot from 0 to %u or raise sandbox.max_slots", cfg->max_slots - 1);
        return LAB_E_RANGE;
    }
    if ((uint64_t)cfg->uid_base + index > 0xfffffffeu || cfg->uid_base + index == 0) {
        lab_errf(err, LAB_E_RANGE, "uid_base %u + slot %u is not a valid uid", cfg->uid_base,
                 index);
        return LAB_E_RANGE;
    }
    if ((rc = sandbox_limits_check(defaults, err)) < 0)
        return rc;
    s = calloc(1, sizeof *s);
    if (!s)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    s->index = index;
    s->uid = cfg->uid_base + index;
    s->defaults = *defaults;
    s->lock_fd = -1;
    s->ctl = -1;
    if ((rc = take_lock(cfg->state_dir ? cfg->state_dir : "/run/labsandbox", index, &s->lock_fd,
                        err)) < 0)
        goto fail;
    /*
     * The zygote builds its template root and namespaces (a few ms) while we
     * open the cgroups and compile the filter; it touches neither before
     * zygote_finish attaches it and sends the filter.
     */
    if ((rc = zygote_spawn(s, err)) < 0)
        goto fail;
    if ((rc = cg_slot_open(&s->cg, cfg, index, err)) < 0) {
        s->cg.v2[0] = s->cg.mem1[0] = s->cg.pids1[0] = s->cg.cpu1[0] = '\0';
        goto fail;
    }
    if ((rc = sbx_filter_build(&s->filter, err)) < 0)
        goto fail;
    {
        /*
         * Also meanwhile: the limits most runs will use (sandbox_slot_run
         * writes only what differs). A failure here is reported by that run.
         */
        struct lab_err ignored;
        if (cg_set_limits(&s->cg, (uint64_t)defaults->memory_mb << 20, defaults->procs + 1,
                          &ignored) < 0)
            log_event(LOG_DEBUG, "sandbox.limits_deferred", "slot=%u", index);
    }
    if ((rc = zygote_finish(s, err)) < 0)
        goto fail;
    *out = s;
    return 0;
fail:
    sandbox_slot_free(s);
    return rc;
}

int sandbox_slot_new_any(const struct sandbox_config *cfg, const struct sandbox_limits *defaults,
                         struct sandbox_slot **out, struct lab_err *err)
{
    int rc = LAB_E_BUSY;

    for (unsigned i = 0; i < cfg->max_slots; i++) {
        rc = sandbox_slot_new(i, cfg, defaults, out, err);
        if (rc != LAB_E_BUSY)
            return rc;
    }
    lab_errf(err, LAB_E_BUSY, "all %u sandbox slots are in use", cfg->max_slots);
    lab_err_hint(err, "wait for other runs to finish or raise sandbox.max_slots");
    return rc;
}

void sandbox_slot_free(struct sandbox_slot *s)
{
    if (!s)
        return;
    slot_zygote_stop(s);
    cg_slot_close(&s->cg);
    sbx_filter_release(&s->filter);
    if (s->lock_fd >= 0)
        close(s->lock_fd);
    free(s);
}
