/*
 * ipc.h — messages between the supervisor, the zygote and the box (internal).
 *
 * Supervisor <-> zygote: one SOCK_SEQPACKET socket per slot; a request is one
 * datagram (header + string blob) carrying its fds with SCM_RIGHTS.
 * Box -> supervisor: fixed-size records on the "status" pipe, written by the
 * box's init (and by the program's process before exec); the program itself
 * never holds that pipe.
 */
#ifndef LAB_SANDBOX_IPC_H
#define LAB_SANDBOX_IPC_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "sandbox/sandbox.h"

#define IPC_MAGIC 0x4c534258u /* "LSBX" */
#define IPC_MAX_BINDS 8
#define IPC_MAX_FDS (6 + IPC_MAX_BINDS)
#define IPC_BLOB_MAX (60 * 1024)

/* Fd order in a request. */
enum { IPC_FD_STDIN, IPC_FD_OUT, IPC_FD_ERR, IPC_FD_STATUS, IPC_FD_BUNDLE, IPC_FD_RES };

struct ipc_req {
    uint32_t magic;
    uint32_t n_argv, n_env, n_binds, n_fds;
    int32_t result_fd;   /* box fd number, 0 = none (then no IPC_FD_RES) */
    uint32_t has_bundle; /* else IPC_FD_BUNDLE is absent and binds shift down */
    uint32_t cpu_watched, use_rlimit_as;
    uint8_t bind_is_dir[IPC_MAX_BINDS];
    struct sandbox_limits lim;
    uint32_t blob_len; /* argv, then env, then bind paths, each NUL-terminated */
};

enum ipc_rep_kind {
    IPC_REP_READY = 1, /* zygote is up */
    IPC_REP_FAIL,      /* zygote or request failed: err, stage */
    IPC_REP_STARTED,   /* run cloned: pid, pidfd attached */
    IPC_REP_EXITED,    /* run's init reaped: status, rusage */
};

struct ipc_rep {
    uint32_t kind;
    int32_t pid;
    int32_t status;
    int32_t err;
    uint64_t utime_us, stime_us, maxrss_kb;
    char stage[64];
};

enum box_kind { BOX_SETUP_FAIL = 1, BOX_EXEC_FAIL, BOX_MAIN_EXIT };

struct box_status {
    uint32_t kind;
    int32_t status;  /* wait status of the main process */
    int32_t err;     /* errno of the failed step */
    uint32_t sigsys; /* processes killed by the seccomp filter */
    char stage[48];
};

/* Send @len bytes and @n_fds fds as one datagram. 0 or -errno. */
int ipc_send(int sock, const void *buf, size_t len, const int *fds, size_t n_fds);

/*
 * Receive one datagram into @buf (cap @cap) and up to @max_fds fds (all made
 * O_CLOEXEC). Returns its length, 0 on EOF, or -errno. *@n_fds gets the count.
 */
ssize_t ipc_recv(int sock, void *buf, size_t cap, int *fds, size_t max_fds, size_t *n_fds);

#endif
