/*
 * rlim.h — per-process resource limits of the program (internal).
 */
#ifndef LAB_SANDBOX_RLIM_H
#define LAB_SANDBOX_RLIM_H

#include <stdbool.h>

#include "sandbox/sandbox.h"

/*
 * Apply the rlimits for @lim to the calling process (just before exec).
 * @cpu_watched: a cgroup measures CPU precisely, so RLIMIT_CPU is only a
 * backstop one second later. @use_as: no memory cgroup, so RLIMIT_AS is the
 * memory limit. 0 or -errno; *@stage names the failed limit.
 */
int rlim_apply(const struct sandbox_limits *lim, bool cpu_watched, bool use_as, const char **stage);

#endif
