/*
 * bundle.h — the job's files, packed on the host and placed in the box (internal).
 *
 * The caller's files travel as one sealed memfd (any number of files, one fd
 * over the zygote socket). The box's init unpacks it into the fresh /work as
 * the student uid, before any untrusted code runs, creating each file with
 * openat(O_CREAT | O_EXCL | O_NOFOLLOW) relative to a directory fd.
 */
#ifndef LAB_SANDBOX_BUNDLE_H
#define LAB_SANDBOX_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "sandbox/sandbox.h"

/* True when @p is a clean relative path ("a.py", "d/e.txt"). */
bool bundle_path_ok(const char *p);

/*
 * Pack @files into a new memfd. Returns the fd (>= 0), or a negative code with @err.
 * Ownership: the caller closes the fd.
 */
int bundle_pack(const struct sandbox_file *files, size_t n, struct lab_err *err) LAB_MUST_USE;

/* Put @data (may be empty) into a sealed memfd for stdin. fd or -errno. */
int bundle_memfd(const char *name, const void *data, size_t len) LAB_MUST_USE;

/* In the box: unpack the bundle @fd under directory fd @dir. 0 or -errno. */
int bundle_unpack(int fd, int dir);

#endif
