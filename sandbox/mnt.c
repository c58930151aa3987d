/*
 * mnt.c — builds the slot's template root and the per-run mounts.
 *
 * The template is built while the zygote is still host root in a private
 * mount namespace (before it enters the slot's user namespace), so every
 * template mount is *locked* in the boxes' namespaces: code in a box cannot
 * unmount /usr or a /dev node to see what lies beneath, even in theory.
 * Per-run mounts go on top inside the run's own mount namespace and vanish
 * with it: the tmpfs holding /tmp, /work and /dev/shm is freed when the last
 * process of the run exits.
 */
#include "sandbox/mnt.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/mount.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "common/str.h"
#include "sandbox/ns.h"

#define TEMPLATE "/tmp"     /* where the template is built before pivot_root (private ns) */
#define STAGING "/.sandbox" /* per-run tmpfs before it is split into /tmp /work /dev/shm */

static const char etc_passwd[] = "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                                 "student:x:1000:1000:student:/work:/bin/sh\n"
                                 "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
static const char etc_group[] = "root:x:0:\nstudent:x:1000:\nnogroup:x:65534:\n";
static const char etc_hosts[] = "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost ip6-localhost\n";
static const char etc_nsswitch[] = "passwd: files\ngroup: files\nhosts: files\n"
                                   "networks: files\nprotocols: files\nservices: files\n";

static int write_file(const char *path, const void *data, size_t len, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    int rc = 0;

    if (fd < 0)
        return -errno;
    if (len && write(fd, data, len) != (ssize_t)len)
        rc = errno ? -errno : -EIO;
    close(fd);
    return rc;
}

/* Copy a small host file into the template, if it exists (no secrets: callers choose). */
static int copy_host_file(const char *src, const char *dst)
{
    char buf[1 << 16];
    int in = open(src, O_RDONLY | O_CLOEXEC);
    int out = -1, rc = 0;
    ssize_t n;

    if (in < 0)
        return 0;
    out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (out < 0) {
        rc = -errno;
        goto done;
    }
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)n) != n) {
            rc = -EIO;
            break;
        }
done:
    if (out >= 0)
        close(out);
    close(in);
    return rc;
}

static int make_ro(const char *path)
{
    struct mount_attr a = {.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV};

    if (syscall(SYS_mount_setattr, AT_FDCWD, path, AT_RECURSIVE, &a, sizeof a) == 0)
        return 0;
    if (errno != ENOSYS)
        return -errno;
    /* Pre-5.12 kernels: the top mount only. */
    if (mount(NULL, path, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL))
        return -errno;
    return 0;
}

#define STEP(name, expr)                                                                           \
    do {                                                                                           \
        *stage = (name);                                                                           \
        if ((expr) < 0)                                                                            \
            return -errno;                                                                         \
    } while (0)

static int build_dev(const char **stage)
{
    static const char *const nodes[] = {"null", "zero", "full", "random", "urandom"};
    char src[64], dst[64];
    size_t i;

    STEP("mkdir /dev", mkdir(TEMPLATE "/dev", 0755));
    STEP("mkdir /dev/shm", mkdir(TEMPLATE "/dev/shm", 01777));
    for (i = 0; i < ARRAY_SIZE(nodes); i++) {
        snprintf(src, sizeof src, "/dev/%s", nodes[i]);
        snprintf(dst, sizeof dst, TEMPLATE "/dev/%s", nodes[i]);
        *stage = "create /dev node";
        if (write_file(dst, NULL, 0, 0666) < 0)
            return -errno;
        STEP("bind /dev node", mount(src, dst, NULL, MS_BIND, NULL));
    }
    STEP("symlink /dev/fd", symlink("/proc/self/fd", TEMPLATE "/dev/fd"));
    STEP("symlink /dev/stdin", symlink("/proc/self/fd/0", TEMPLATE "/dev/stdin"));
    STEP("symlink /dev/stdout", symlink("/proc/self/fd/1", TEMPLATE "/dev/stdout"));
    STEP("symlink /dev/stderr", symlink("/proc/self/fd/2", TEMPLATE "/dev/stderr"));
    return 0;
}

static int build_etc(const char **stage)
{
    int rc;

    STEP("mkdir /etc", mkdir(TEMPLATE "/etc", 0755));
    *stage = "write /etc";
    if ((rc = write_file(TEMPLATE "/etc/passwd", etc_passwd, sizeof etc_passwd - 1, 0644)) < 0 ||
        (rc = write_file(TEMPLATE "/etc/group", etc_group, sizeof etc_group - 1, 0644)) < 0 ||
        (rc = write_file(TEMPLATE "/etc/hosts", etc_hosts, sizeof etc_hosts - 1, 0644)) < 0 ||
        (rc = write_file(TEMPLATE "/etc/hostname", "sandbox\n", 8, 0644)) < 0 ||
        (rc = write_file(TEMPLATE "/etc/nsswitch.conf", etc_nsswitch, sizeof etc_nsswitch - 1,
                         0644)) < 0)
        return rc;
    /* The loader cache saves every dynamic program a directory search; it holds no secrets. */
    *stage = "copy /etc/ld.so.cache";
    if ((rc = copy_host_file("/etc/ld.so.cache", TEMPLATE "/etc/ld.so.cache")) < 0)
        return rc;
    STEP("symlink /etc/localtime", symlink("/usr/share/zoneinfo/UTC", TEMPLATE "/etc/localtime"));
    return 0;
}

int mnt_build_template(const char **stage)
{
    static const char *const links[][2] = {
        {"usr/bin", "bin"},     {"usr/sbin", "sbin"},   {"usr/lib", "lib"},
        {"usr/lib64", "lib64"}, {"usr/lib32", "lib32"}, {"usr/libx32", "libx32"},
    };
    size_t i;
    int rc;

    STEP("make mounts private", mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
    STEP("mount template tmpfs", mount("tmpfs", TEMPLATE, "tmpfs", MS_NOSUID | MS_NODEV,
                                       "size=8m,nr_inodes=4096,mode=0755"));
    STEP("mkdir /usr", mkdir(TEMPLATE "/usr", 0755));
    STEP("bind /usr", mount("/usr", TEMPLATE "/usr", NULL, MS_BIND | MS_REC, NULL));
    *stage = "make /usr read-only";
    if ((rc = make_ro(TEMPLATE "/usr")) < 0)
        return rc;
    for (i = 0; i < ARRAY_SIZE(links); i++) {
        char host[64], dst[64];
        snprintf(host, sizeof host, "/%s", links[i][0]);
        snprintf(dst, sizeof dst, TEMPLATE "/%s", links[i][1]);
        if (access(host, F_OK) == 0)
            STEP("symlink into /usr", symlink(links[i][0], dst));
    }
    if ((rc = build_etc(stage)) < 0 || (rc = build_dev(stage)) < 0)
        return rc;
    STEP("mkdir /proc", mkdir(TEMPLATE "/proc", 0555));
    /*
     * A proc mount in a user-namespace-owned mount namespace is only allowed
     * when a fully visible proc is already there; the host's, locked and
     * covered by each run's own proc, serves as that witness.
     */
    STEP("bind /proc", mount("/proc", TEMPLATE "/proc", NULL, MS_BIND | MS_REC, NULL));
    STEP("mkdir /tmp", mkdir(TEMPLATE "/tmp", 01777));
    STEP("mkdir /work", mkdir(TEMPLATE "/work", 0755));
    STEP("mkdir staging", mkdir(TEMPLATE STAGING, 0700));
    STEP("chdir template", chdir(TEMPLATE));
    STEP("pivot_root", (int)syscall(SYS_pivot_root, ".", "."));
    STEP("detach old root", umount2(".", MNT_DETACH));
    STEP("chdir /", chdir("/"));
    return 0;
}

bool mnt_box_path_ok(const char *p)
{
    static const char *const reserved[] = {"/usr",   "/proc",   "/dev",  "/etc", "/tmp",
                                           "/work",  "/bin",    "/sbin", "/lib", "/lib64",
                                           "/lib32", "/libx32", STAGING};
    size_t i, n = strlen(p);

    if (p[0] != '/' || n < 2 || n > 200 || p[n - 1] == '/' || strstr(p, "//") || strstr(p, "/./") ||
        strstr(p, "/../") || (n >= 3 && !strcmp(p + n - 3, "/..")) ||
        (n >= 2 && !strcmp(p + n - 2, "/.")))
        return false;
    for (i = 0; i < ARRAY_SIZE(reserved); i++) {
        size_t r = strlen(reserved[i]);
        if (!strncmp(p, reserved[i], r) && (p[r] == '\0' || p[r] == '/'))
            return false;
    }
    for (i = 0; i < n; i++)
        if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
            return false;
    return true;
}

int mnt_ensure_target(const char *p, bool is_dir)
{
    char buf[256];
    char *s;

    if (str_copy(buf, sizeof buf, p) < 0)
        return -ENAMETOOLONG;
    for (s = buf + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        if (mkdir(buf, 0755) < 0 && errno != EEXIST)
            return -errno;
        *s = '/';
    }
    if (is_dir) {
        if (mkdir(buf, 0755) < 0 && errno != EEXIST)
            return -errno;
        return 0;
    }
    int fd = open(buf, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return -errno;
    close(fd);
    return 0;
}

int mnt_setup_run(const struct mnt_run *r, const char **stage)
{
    char opts[128];
    size_t i;

    STEP("mount /proc", mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL));
    snprintf(opts, sizeof opts, "size=%llu,nr_inodes=%u,mode=0755,uid=%u,gid=%u",
             (unsigned long long)r->disk_bytes, r->inodes, SBX_BOX_UID, SBX_BOX_GID);
    STEP("mount tmpfs", mount("tmpfs", STAGING, "tmpfs", MS_NOSUID | MS_NODEV, opts));
    STEP("mkdir tmp", mkdir(STAGING "/tmp", 01777));
    STEP("mkdir work", mkdir(STAGING "/work", 0755));
    STEP("mkdir shm", mkdir(STAGING "/shm", 01777));
    /* mkdir applies the umask; the sticky world-writable dirs need an explicit chmod. */
    STEP("chmod tmp", chmod(STAGING "/tmp", 01777));
    STEP("chmod shm", chmod(STAGING "/shm", 01777));
    STEP("bind /tmp", mount(STAGING "/tmp", "/tmp", NULL, MS_BIND, NULL));
    STEP("bind /work", mount(STAGING "/work", "/work", NULL, MS_BIND, NULL));
    STEP("bind /dev/shm", mount(STAGING "/shm", "/dev/shm", NULL, MS_BIND, NULL));
    STEP("detach staging", umount2(STAGING, MNT_DETACH));
    for (i = 0; i < r->n_binds; i++)
        STEP("attach bind", (int)syscall(SYS_move_mount, r->bind_fds[i], "", AT_FDCWD,
                                         r->bind_paths[i], MOVE_MOUNT_F_EMPTY_PATH));
    STEP("make / read-only",
         mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL));
    return 0;
}
