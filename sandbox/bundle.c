/*
 * bundle.c — packs the job's files into a memfd and unpacks them in the box.
 *
 * Record format (host byte order; both ends are the same binary):
 *   u32 path_len, u32 mode, u64 data_len, path bytes, data bytes.
 */
#include "sandbox/bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_CAP 256

struct rec {
    uint32_t path_len;
    uint32_t mode;
    uint64_t data_len;
};

bool bundle_path_ok(const char *p)
{
    size_t n = strlen(p), i, seg = 0;

    if (n == 0 || n >= PATH_CAP || p[0] == '/' || p[n - 1] == '/')
        return false;
    for (i = 0; i <= n; i++) {
        if (p[i] == '/' || p[i] == '\0') {
            size_t len = i - seg;
            if (len == 0 || (len == 1 && p[seg] == '.') ||
                (len == 2 && p[seg] == '.' && p[seg + 1] == '.'))
                return false;
            seg = i + 1;
        } else if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f) {
            return false;
        }
    }
    return true;
}

static int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;

    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static int copy_fd(int out, int in, uint64_t *copied)
{
    char buf[1 << 16];
    ssize_t n;
    int rc;

    *copied = 0;
    while ((n = read(in, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if ((rc = write_all(out, buf, (size_t)n)) < 0)
            return rc;
        *copied += (uint64_t)n;
    }
    return 0;
}

int bundle_memfd(const char *name, const void *data, size_t len)
{
    int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    int rc;

    if (fd < 0)
        return -errno;
    if ((rc = write_all(fd, data, len)) < 0 || lseek(fd, 0, SEEK_SET) < 0 ||
        fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) < 0) {
        rc = rc < 0 ? rc : -errno;
        close(fd);
        return rc;
    }
    return fd;
}

int bundle_pack(const struct sandbox_file *files, size_t n, struct lab_err *err)
{
    int fd = memfd_create("sandbox-files", MFD_CLOEXEC);
    size_t i;
    int rc = 0;

    if (fd < 0)
        return lab_errf(err, -errno, "cannot create a memfd for the job's files");
    for (i = 0; i < n; i++) {
        const struct sandbox_file *f = &files[i];
        struct rec r = {0, f->mode ? f->mode & 07777 : 0644, 0};
        off_t at;

        if (!f->path || !bundle_path_ok(f->path)) {
            rc = lab_errf(err, LAB_E_PARSE, "bad file name '%s' for the work dir",
                          f->path ? f->path : "(null)");
            lab_err_hint(err, "use a relative path without '..', e.g. 'main.py' or 'data/in.txt'");
            goto out;
        }
        if (!f->data && f->fd < 0) {
            rc = lab_errf(err, LAB_E_PARSE, "file '%s' has neither data nor fd", f->path);
            goto out;
        }
        r.mode &= ~(mode_t)(S_ISUID | S_ISGID);
        r.path_len = (uint32_t)strlen(f->path);
        at = lseek(fd, 0, SEEK_CUR);
        if ((rc = write_all(fd, &r, sizeof r)) < 0 || (rc = write_all(fd, f->path, r.path_len)) < 0)
            goto io;
        if (f->data) {
            if ((rc = write_all(fd, f->data, f->len)) < 0)
                goto io;
            r.data_len = f->len;
        } else if ((rc = copy_fd(fd, f->fd, &r.data_len)) < 0) {
            lab_errf(err, rc, "cannot read the content of '%s'", f->path);
            goto out;
        }
        if (pwrite(fd, &r, sizeof r, at) != (ssize_t)sizeof r) {
            rc = -errno;
            goto io;
        }
    }
    if (lseek(fd, 0, SEEK_SET) < 0) {
        rc = -errno;
        goto io;
    }
    return fd;
io:
    lab_errf(err, rc, "cannot pack the job's files");
out:
    close(fd);
    return rc;
}

static int read_full(int fd, void *buf, size_t len)
{
    char *p = buf;

    while (len) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? -errno : -EPROTO;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Open (creating as needed) the directory holding the last component of @path. */
static int open_parent(int dir, char *path, char **last)
{
    int cur = dup(dir);
    char *s = path, *slash;

    if (cur < 0)
        return -errno;
    while ((slash = strchr(s, '/'))) {
        int next;
        *slash = '\0';
        if (mkdirat(cur, s, 0755) < 0 && errno != EEXIST)
            goto fail;
        next = openat(cur, s, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0)
            goto fail;
        close(cur);
        cur = next;
        *slash = '/';
        s = slash + 1;
    }
    *last = s;
    return cur;
fail:;
    int e = -errno;
    close(cur);
    return e;
}

int bundle_unpack(int fd, int dir)
{
    struct rec r;
    char path[PATH_CAP];

    for (;;) {
        ssize_t n = read(fd, &r, sizeof r);
        char *last = NULL;
        int pdir, out, rc;

        if (n == 0)
            return 0;
        if (n != (ssize_t)sizeof r || r.path_len == 0 || r.path_len >= PATH_CAP)
            return -EPROTO;
        if ((rc = read_full(fd, path, r.path_len)) < 0)
            return rc;
        path[r.path_len] = '\0';
        if (!bundle_path_ok(path))
            return -EINVAL;
        pdir = open_parent(dir, path, &last);
        if (pdir < 0)
            return pdir;
        out = openat(pdir, last, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                     (mode_t)r.mode);
        rc = out < 0 ? -errno : 0;
        close(pdir);
        if (rc < 0)
            return rc;
        for (uint64_t left = r.data_len; left && rc == 0;) {
            ssize_t m = sendfile(out, fd, NULL, left > (1u << 30) ? (1u << 30) : (size_t)left);
            if (m <= 0)
                rc = m < 0 ? -errno : -EPROTO;
            else
                left -= (uint64_t)m;
        }
        if (rc == 0 && fchmod(out, (mode_t)r.mode) < 0)
            rc = -errno;
        close(out);
        if (rc < 0)
            return rc;
    }
}
