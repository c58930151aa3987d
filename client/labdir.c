/*
 * labdir.c — see labdir.h.
 *
 * The folder itself may be reached through a link (./my-lab/ is often one
 * on a teacher's laptop); the files inside may not: a link there could
 * send any file of the teacher's account to the server.
 */
#include "client/labdir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/codefile.h"
#include "common/str.h"

#define SHOWN_MAX 600

const char *const labdir_names[LABDIR_NFILES] = {"lab.ini", "README.md", "starter.py",
                                                 "solution.py", "checks.py"};

static const char *shown(char *buf, size_t cap, const char *s)
{
    return str_term_safe(buf, cap, s, strlen(s));
}

bool labdir_is_upload(const char *arg)
{
    struct stat st;

    return strchr(arg, '/') != NULL || (stat(arg, &st) == 0 && S_ISDIR(st.st_mode));
}

void labdir_release(struct labdir *ld)
{
    for (size_t i = 0; i < LABDIR_NFILES; i++)
        free(ld->files[i].data);
    memset(ld, 0, sizeof *ld);
}

static int bad(struct fail *f, const char *dir, const char *name, const char *what)
{
    char d[SHOWN_MAX];

    fail_set(f, EXIT_USAGE, "bad_lab", "%s%s%s: %s.", shown(d, sizeof d, dir),
             dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", name, what);
    return -1;
}

/* Read @name from @dfd (at most LABDIR_FILE_MAX bytes) into @out. */
static int read_one(int dfd, const char *dir, const char *name, struct labdir_file *out,
                    struct fail *f)
{
    struct stat st;
    char *buf = NULL;
    size_t n = 0;
    int fd, rc = -1;

    fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;

        if (e == ENOENT) {
            bad(f, dir, name, "missing");
            fail_hint(f, "A lab folder needs all of lab.ini, README.md, starter.py, solution.py "
                         "and checks.py.");
        } else if (e == ELOOP) {
            bad(f, dir, name, "is a symbolic link; labclient does not follow links in a lab");
            fail_hint(f, "Copy the real file into the folder instead of linking to it.");
        } else {
            bad(f, dir, name, strerror(e));
            fail_hint(f, "Check that you can read the files of the folder.");
        }
        return -1;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        bad(f, dir, name, "is not a regular file");
        fail_hint(f, "Each of the five lab files must be a plain file.");
        goto out;
    }
    if ((uint64_t)st.st_size > LABDIR_FILE_MAX)
        goto too_big;
    buf = malloc(LABDIR_FILE_MAX + 2);
    if (!buf) {
        fail_set(f, EXIT_USAGE, "bad_lab", "out of memory");
        goto out;
    }
    /* Read up to one byte past the cap: the size may have changed since fstat. */
    while (n <= LABDIR_FILE_MAX) {
        ssize_t r = read(fd, buf + n, LABDIR_FILE_MAX + 1 - n);

        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            bad(f, dir, name, strerror(errno));
            goto out;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > LABDIR_FILE_MAX)
        goto too_big;
    buf[n] = '\0';
    {
        size_t line = codefile_bad_utf8_line(buf, n);

        if (line) {
            char what[80];

            snprintf(what, sizeof what, "is not plain UTF-8 text (see line %zu)", line);
            bad(f, dir, name, what);
            fail_hint(f, "Save it as UTF-8 text in your editor.");
            goto out;
        }
    }
    out->name = name;
    out->data = buf;
    out->len = n;
    buf = NULL;
    rc = 0;
    goto out;
too_big : {
    char what[80];

    snprintf(what, sizeof what, "is too large (%u KiB at most)", LABDIR_FILE_MAX / 1024);
    bad(f, dir, name, what);
    fail_hint(f, "A lab's files are usually a few KiB each; is it the right file?");
}
out:
    free(buf);
    close(fd);
    return rc;
}

int labdir_read(const char *dir, struct labdir *ld, struct fail *f)
{
    char d[SHOWN_MAX];
    int dfd;

    memset(ld, 0, sizeof *ld);
    dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) {
        int e = errno;

        fail_set(f, EXIT_USAGE, "bad_lab", "Cannot open the lab folder '%s': %s.",
                 shown(d, sizeof d, dir), e == ENOTDIR ? "it is not a folder" : strerror(e));
        fail_hint(f, "Give the folder that holds lab.ini, README.md, starter.py, solution.py "
                     "and checks.py (or a catalog lab id).");
        return -1;
    }
    for (size_t i = 0; i < LABDIR_NFILES; i++) {
        if (read_one(dfd, dir, labdir_names[i], &ld->files[i], f) < 0)
            goto fail;
        ld->total += ld->files[i].len;
        if (ld->total > LABDIR_TOTAL_MAX) {
            fail_set(f, EXIT_USAGE, "bad_lab",
                     "The lab folder '%s' is too large: its five files can be %u KiB in all.",
                     shown(d, sizeof d, dir), LABDIR_TOTAL_MAX / 1024);
            fail_hint(f, "Make the statement or the checks shorter.");
            goto fail;
        }
    }
    close(dfd);
    return 0;
fail:
    close(dfd);
    labdir_release(ld);
    return -1;
}
