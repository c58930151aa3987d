/*
 * mnt.h — the box's file system view (internal).
 *
 * Two phases. Once per slot, the zygote (still host root, in a private mount
 * namespace) builds the template root: a small tmpfs with the host /usr bound
 * read-only, the usual symlinks into it, a minimal /etc, a few /dev nodes,
 * and pivots into it. Per run, the box's init (pid 1 of a new PID and mount
 * namespace) adds a fresh /proc, one size-limited tmpfs shown at /tmp, /work
 * and /dev/shm, the job's read-only binds, and makes / read-only.
 */
#ifndef LAB_SANDBOX_MNT_H
#define LAB_SANDBOX_MNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Build the template and pivot into it. 0 or -errno; *@stage names the failed step. */
int mnt_build_template(const char **stage);

/* True when @p is an acceptable bind target (absolute, clean, not reserved). */
bool mnt_box_path_ok(const char *p);

/* In the zygote: create @p (and parents) in the template as a dir or an empty file. */
int mnt_ensure_target(const char *p, bool is_dir);

struct mnt_run {
    uint64_t disk_bytes;
    uint32_t inodes;
    const int *bind_fds; /* detached mount trees from open_tree() */
    const char *const *bind_paths;
    size_t n_binds;
};

/* In the box's init, before anything untrusted runs. 0 or -errno with *@stage. */
int mnt_setup_run(const struct mnt_run *r, const char **stage);

#endif
