/*
 * codefile.c — see codefile.h.
 */
#include "client/codefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/state.h"
#include "common/str.h"

#define SHOWN_MAX 300

static const char *shown(char *buf, size_t cap, const char *path)
{
    return str_term_safe(buf, cap, path, strlen(path));
}

size_t codefile_bad_utf8_line(const char *s, size_t len)
{
    size_t line = 1, pos = 0;

    while (pos < len) {
        const char *nl = memchr(s + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (s + pos)) : len - pos;

        if (!utf8_valid(s + pos, n))
            return line;
        line++;
        pos += n + 1;
    }
    return 0;
}

static int read_fail(struct fail *f, const char *path, const char *prog, const char *lab, int err)
{
    char p[SHOWN_MAX];

    shown(p, sizeof p, path);
    if (err == ENOENT) {
        fail_set(f, EXIT_USAGE, "bad_file", "There is no file '%s' here.", p);
        fail_hint(f,
                  "Get the starter code with: %sstart %s (or give the file: %ssubmit %s "
                  "FOLDER/FILE.py)",
                  prog, lab, prog, lab);
    } else if (err == EISDIR) {
        fail_set(f, EXIT_USAGE, "bad_file", "'%s' is a folder, not a file.", p);
        fail_hint(f, "Give the program file: %ssubmit %s FILE.py", prog, lab);
    } else if (err == EACCES || err == EPERM) {
        fail_set(f, EXIT_USAGE, "bad_file", "You are not allowed to read '%s'.", p);
        fail_hint(f, "Check the file's permissions (ls -l %s).", p);
    } else {
        fail_set(f, EXIT_USAGE, "bad_file", "Cannot read '%s': %s.", p, strerror(err));
        fail_hint(f, "Check the file name and try again.");
    }
    return -1;
}

int codefile_read(const char *path, size_t cap, const char *prog, const char *lab, char **data,
                  size_t *len, struct fail *f)
{
    char p[SHOWN_MAX];
    struct stat st;
    char *buf = NULL;
    size_t n = 0, bad;
    int fd, rc = -1;

    *data = NULL;
    *len = 0;
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return read_fail(f, path, prog, lab, errno);
    if (fstat(fd, &st) < 0) {
        rc = read_fail(f, path, prog, lab, errno);
        goto out;
    }
    if (S_ISDIR(st.st_mode)) {
        rc = read_fail(f, path, prog, lab, EISDIR);
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        fail_set(f, EXIT_USAGE, "bad_file", "'%s' is not a regular file.",
                 shown(p, sizeof p, path));
        fail_hint(f, "Save your program in a file and give its name.");
        goto out;
    }
    if ((size_t)st.st_size > cap)
        goto too_big;
    buf = malloc(cap + 2);
    if (!buf) {
        fail_set(f, EXIT_USAGE, "bad_file", "Out of memory reading '%s'.",
                 shown(p, sizeof p, path));
        goto out;
    }
    /* Read to EOF (the file may grow while we read): at most cap + 1 bytes. */
    for (;;) {
        ssize_t r = read(fd, buf + n, cap + 1 - n);

        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            rc = read_fail(f, path, prog, lab, errno);
            goto out;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > cap)
            goto too_big;
    }
    buf[n] = '\0';
    if (n == 0) {
        fail_set(f, EXIT_USAGE, "bad_file", "'%s' is empty.", shown(p, sizeof p, path));
        fail_hint(f, "Write your program in it and save it, then submit again.");
        goto out;
    }
    bad = codefile_bad_utf8_line(buf, n);
    if (bad) {
        fail_set(f, EXIT_USAGE, "bad_file", "'%s' is not plain UTF-8 text (see line %zu).",
                 shown(p, sizeof p, path), bad);
        fail_hint(f, "Save it as UTF-8 text in your editor. Is it really your Python program?");
        goto out;
    }
    *data = buf;
    *len = n;
    buf = NULL;
    rc = 0;
    goto out;
too_big:
    fail_set(f, EXIT_USAGE, "bad_file", "'%s' is too large: programs can be at most %zu KiB.",
             shown(p, sizeof p, path), cap / 1024);
    fail_hint(f, "Is it the right file? A lab's program is usually a few KiB.");
out:
    free(buf);
    close(fd);
    return rc;
}

bool codefile_exists(const char *path)
{
    struct stat st;

    return lstat(path, &st) == 0;
}

static int write_fail(struct fail *f, const char *path, const char *what, int err)
{
    char p[SHOWN_MAX];

    fail_set(f, EXIT_USAGE, "bad_file", "Cannot %s '%s': %s.", what, shown(p, sizeof p, path),
             strerror(err));
    fail_hint(f, "Check that you can write in this folder, or give another file name.");
    return -1;
}

int codefile_write(const char *path, const char *data, size_t len, bool force, struct fail *f)
{
    struct lab_err err;
    size_t off = 0;
    int fd;

    if (force) {
        int rc = state_write_file(path, data, len, 0644, &err);

        if (rc < 0)
            return write_fail(f, path, "write", rc > -1000 ? -rc : EIO);
        return 0;
    }
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        char p[SHOWN_MAX];

        if (errno != EEXIST)
            return write_fail(f, path, "create", errno);
        fail_set(f, EXIT_USAGE, "file_exists", "'%s' already exists; labclient did not change it.",
                 shown(p, sizeof p, path));
        fail_hint(f, "Keep working in it, or start over (your changes are lost) with --force.");
        return -1;
    }
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);

        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            int e = errno;

            close(fd);
            unlink(path);
            return write_fail(f, path, "write", e);
        }
        off += (size_t)w;
    }
    if (close(fd) < 0) {
        int e = errno;

        unlink(path);
        return write_fail(f, path, "write", e);
    }
    return 0;
}
