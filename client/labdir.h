/*
 * labdir.h — the lab folder an instructor uploads with `live start COHORT ./DIR/`.
 *
 * Exactly five files are read, each with openat(O_NOFOLLOW) from the folder:
 * lab.ini, README.md, starter.py, solution.py and checks.py. A symbolic link,
 * something that is not a regular file, a missing file, a file over
 * LABDIR_FILE_MAX or a folder over LABDIR_TOTAL_MAX in all is refused here,
 * before anything is sent, with a message naming the file (exit code 2,
 * code "bad_lab"). Whether the lab is any good is the server's sandbox's call.
 */
#ifndef LAB_CLIENT_LABDIR_H
#define LAB_CLIENT_LABDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "client/fail.h"

#define LABDIR_NFILES 5
#define LABDIR_FILE_MAX (256u * 1024)  /* one file */
#define LABDIR_TOTAL_MAX (512u * 1024) /* the five together */

/* The names, in the order they are read and sent. */
extern const char *const labdir_names[LABDIR_NFILES];

struct labdir_file {
    const char *name; /* one of labdir_names (static) */
    char *data;       /* NUL-terminated, @len bytes */
    size_t len;
};

struct labdir {
    struct labdir_file files[LABDIR_NFILES];
    size_t total; /* bytes in all files */
};

/*
 * True when the `live start` argument @arg means a folder: it contains a
 * '/' or names an existing directory (else it is a catalog lab id).
 */
bool labdir_is_upload(const char *arg);

/*
 * Read the five files of @dir into @ld. Returns 0, or -1 with @f filled
 * (and @ld empty). Ownership: on success the caller releases @ld with
 * labdir_release().
 */
int labdir_read(const char *dir, struct labdir *ld, struct fail *f);

void labdir_release(struct labdir *ld);

#endif
