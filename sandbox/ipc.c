/*
 * ipc.c — datagrams with fds over the slot's socket.
 */
#include "sandbox/ipc.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int ipc_send(int sock, const void *buf, size_t len, const int *fds, size_t n_fds)
{
    union {
        char buf[CMSG_SPACE(sizeof(int) * IPC_MAX_FDS)];
        struct cmsghdr align;
    } cm;
    struct iovec iov = {(void *)(uintptr_t)buf, len};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};

    if (n_fds > IPC_MAX_FDS)
        return -E2BIG;
    if (n_fds) {
        struct cmsghdr *c;
        memset(&cm, 0, sizeof cm);
        m.msg_control = cm.buf;
        m.msg_controllen = CMSG_SPACE(sizeof(int) * n_fds);
        c = CMSG_FIRSTHDR(&m);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * n_fds);
        memcpy(CMSG_DATA(c), fds, sizeof(int) * n_fds);
    }
    for (;;) {
        ssize_t n = sendmsg(sock, &m, MSG_NOSIGNAL);
        if (n >= 0)
            return 0;
        if (errno != EINTR)
            return -errno;
    }
}

ssize_t ipc_recv(int sock, void *buf, size_t cap, int *fds, size_t max_fds, size_t *n_fds)
{
    union {
        char buf[CMSG_SPACE(sizeof(int) * IPC_MAX_FDS)];
        struct cmsghdr align;
    } cm;
    struct iovec iov = {buf, cap};
    struct msghdr m = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cm.buf, .msg_controllen = sizeof cm.buf};
    struct cmsghdr *c;
    ssize_t n;

    *n_fds = 0;
    do
        n = recvmsg(sock, &m, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -errno;
    for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
        size_t k, cnt;
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
            continue;
        cnt = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (k = 0; k < cnt; k++) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + k * sizeof(int), sizeof fd);
            if (*n_fds < max_fds)
                fds[(*n_fds)++] = fd;
            else
                close(fd);
        }
    }
    if (m.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
        for (size_t k = 0; k < *n_fds; k++)
            close(fds[k]);
        *n_fds = 0;
        return -EMSGSIZE;
    }
    return n;
}
