/*
 * seccomp.h — the box's system-call filter (internal).
 *
 * Compiled once per slot with libseccomp, kept as raw BPF, and loaded per run
 * with a single prctl in the program's process just before exec.
 */
#ifndef LAB_SANDBOX_SECCOMP_H
#define LAB_SANDBOX_SECCOMP_H

#include <linux/filter.h>

#include "common/err.h"

struct sbx_filter {
    struct sock_filter *insns;
    unsigned short len;
};

/* Build the filter. Ownership: release with sbx_filter_release(). */
int sbx_filter_build(struct sbx_filter *f, struct lab_err *err) LAB_MUST_USE;

/* Set no_new_privs and install @f on the calling thread. 0 or -errno. */
int sbx_filter_load(const struct sbx_filter *f);

void sbx_filter_release(struct sbx_filter *f);

#endif
