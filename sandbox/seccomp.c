/*
 * seccomp.c — what the box may not ask the kernel.
 *
 * A deny list on top of the namespaces: calls that change mounts, namespaces
 * or the kernel, that reach into other processes (ptrace,
 * process_vm_*), or that form channels between boxes or attack surface
 * (keyctl, bpf, perf, userfaultfd, io_uring). Each kills the whole process
 * (SECCOMP_RET_KILL_PROCESS, seen as SIGSYS), which the supervisor reports as
 * the verdict "forbidden_syscall" — clearer for a student than an EPERM
 * deep inside a library. Calls with an ordinary fallback get an errno
 * instead: clone3 (ENOSYS: glibc falls back to clone, whose flags we can
 * inspect), sockets other than unix/inet/inet6 (EAFNOSUPPORT: glibc's
 * getaddrinfo probes netlink), and the TIOCSTI/TIOCLINUX ioctls. Foreign
 * ABIs (i386, x32) kill.
 */
#include "sandbox/seccomp.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/str.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif
#define NS_FLAGS                                                                                   \
    (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET |     \
     CLONE_NEWCGROUP | CLONE_NEWTIME)

static const char *const killed[] = {
    "mount",
    "umount",
    "umount2",
    "pivot_root",
    "chroot",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "pidfd_getfd",
    "init_module",
    "finit_module",
    "delete_module",
    "kexec_load",
    "kexec_file_load",
    "bpf",
    "keyctl",
    "add_key",
    "request_key",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "setns",
    "swapon",
    "swapoff",
    "reboot",
    "acct",
    "quotactl",
    "quotactl_fd",
    "open_by_handle_at",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "open_tree",
    "move_mount",
    "mount_setattr",
    "lookup_dcookie",
    "iopl",
    "ioperm",
    "syslog",
    "vhangup",
    "uselib",
    "fanotify_init",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "nfsservctl",
    "_sysctl",
    "personality",
};

/*
 * Socket families refused with EAFNOSUPPORT below 64: all but AF_UNIX (1),
 * AF_INET (2) and AF_INET6 (10), written as aligned power-of-two blocks (one
 * masked compare each) rather than one rule per family. Same decisions for
 * every 64-bit argument value (checked against the per-family rules with a
 * BPF simulator), but 144 instead of 232 instructions: quicker to compile
 * for every `labsandbox run` and quicker to load for every program.
 */
static const struct {
    unsigned start, size;
} fam_blocks[] = {{0, 1}, {3, 1}, {4, 4}, {8, 2}, {11, 1}, {12, 4}, {16, 16}, {32, 32}};

int sbx_filter_build(struct sbx_filter *f, struct lab_err *err)
{
    scmp_filter_ctx ctx = NULL;
    const char *what = "init";
    char *buf = NULL;
    off_t size;
    int fd = -1, rc = 0;
    size_t i;

    memset(f, 0, sizeof *f);
    ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx) {
        rc = LAB_E_NOMEM;
        goto out;
    }
    what = "bad-arch action";
    if ((rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS)) < 0)
        goto out;
    for (i = 0; i < ARRAY_SIZE(killed); i++) {
        int nr = seccomp_syscall_resolve_name(killed[i]);
        if (nr == __NR_SCMP_ERROR || nr < 0)
            continue; /* not on this architecture */
        what = killed[i];
        if ((rc = seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, nr, 0)) < 0)
            goto out;
    }
    /* clone and unshare: any namespace flag kills (one rule per flag bit). */
    what = "clone/unshare";
    for (unsigned bit = 0; bit < 32; bit++) {
        scmp_datum_t flag = (scmp_datum_t)1 << bit;
        if (!(NS_FLAGS & flag))
            continue;
        if ((rc = seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(clone), 1,
                                   SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag))) < 0 ||
            (rc = seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(unshare), 1,
                                   SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag))) < 0)
            goto out;
    }
    what = "clone3";
    if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0)) < 0)
        goto out;
    what = "socket";
    for (size_t k = 0; k < ARRAY_SIZE(fam_blocks); k++) {
        scmp_datum_t m = ~(scmp_datum_t)(fam_blocks[k].size - 1), v = fam_blocks[k].start;
        if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1,
                                   SCMP_A0(SCMP_CMP_MASKED_EQ, m, v))) < 0 ||
            (rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socketpair), 1,
                                   SCMP_A0(SCMP_CMP_MASKED_EQ, m, v))) < 0)
            goto out;
    }
    if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1,
                               SCMP_A0(SCMP_CMP_GE, 64))) < 0)
        goto out;
    what = "ioctl";
    if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
                               SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCSTI))) < 0 ||
        (rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
                               SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCLINUX))) < 0)
        goto out;

    what = "export";
    fd = memfd_create("seccomp-bpf", MFD_CLOEXEC);
    if (fd < 0) {
        rc = -errno;
        goto out;
    }
    if ((rc = seccomp_export_bpf(ctx, fd)) < 0)
        goto out;
    size = lseek(fd, 0, SEEK_END);
    if (size <= 0 || size % (off_t)sizeof(struct sock_filter) ||
        size / (off_t)sizeof(struct sock_filter) > BPF_MAXINSNS) {
        rc = LAB_E_INTERNAL;
        goto out;
    }
    buf = malloc((size_t)size);
    if (!buf) {
        rc = LAB_E_NOMEM;
        goto out;
    }
    if (pread(fd, buf, (size_t)size, 0) != size) {
        rc = LAB_E_INTERNAL;
        goto out;
    }
    f->insns = (struct sock_filter *)(void *)buf;
    f->len = (unsigned short)(size / (off_t)sizeof(struct sock_filter));
    buf = NULL;
    rc = 0;
out:
    if (rc < 0) {
        lab_errf(err, rc, "cannot build the seccomp filter (%s)", what);
        lab_err_hint(err, "check that libseccomp matches the kernel (apt-get install libseccomp2)");
    }
    free(buf);
    if (fd >= 0)
        close(fd);
    seccomp_release(ctx);
    return rc;
}

int sbx_filter_load(const struct sbx_filter *f)
{
    struct sock_fprog prog = {f->len, f->insns};

    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        return -errno;
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0)
        return -errno;
    return 0;
}

void sbx_filter_release(struct sbx_filter *f)
{
    free(f->insns);
    f->insns = NULL;
    f->len = 0;
}
