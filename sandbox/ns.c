/*
 * ns.c — the one-time namespace chores of a slot: id maps and loopback.
 *
 * The maps are written by the (host-root) caller for the zygote it just
 * forked; loopback is raised by the zygote inside its new network namespace,
 * which then holds only lo, so nothing in a box can reach the host or the
 * outside world over IP.
 */
#include "sandbox/ns.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int write_proc(pid_t pid, const char *file, const char *text)
{
    char path[64];
    int fd, rc = 0;

    snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, file);
    fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    if (write(fd, text, strlen(text)) < 0)
        rc = -errno;
    close(fd);
    return rc;
}

int ns_write_maps(pid_t pid, uint32_t host_id, struct lab_err *err)
{
    char map[64];
    int rc;

    snprintf(map, sizeof map, "%u %u 1\n", SBX_BOX_UID, host_id);
    rc = write_proc(pid, "uid_map", map);
    if (rc == 0) {
        snprintf(map, sizeof map, "%u %u 1\n", SBX_BOX_GID, host_id);
        rc = write_proc(pid, "gid_map", map);
    }
    if (rc < 0) {
        lab_errf(err, rc, "cannot map the sandbox user to host uid %u", host_id);
        lab_err_hint(err, "run as root (writing another uid's map needs CAP_SETUID/CAP_SETGID)");
    }
    return rc;
}

int ns_loopback_up(void)
{
    struct ifreq ifr;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int rc = 0;

    if (fd < 0)
        return -errno;
    memset(&ifr, 0, sizeof ifr);
    memcpy(ifr.ifr_name, "lo", 3);
    if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0) {
        rc = -errno;
    } else {
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
            rc = -errno;
    }
    close(fd);
    return rc;
}
