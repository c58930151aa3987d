/*
 * rlim.c — the rlimits every box process starts with.
 *
 * rlimits are per process (NPROC per uid, and each slot has its own uid), so
 * they are the floor that holds even where cgroups are missing: CPU seconds,
 * open files, file size, processes, no core files, little locked memory, and
 * the address space when no memory cgroup exists.
 */
#include "sandbox/rlim.h"

#include <errno.h>
#include <sys/resource.h>

static int set1(int res, rlim_t soft, rlim_t hard)
{
    struct rlimit r = {soft, hard};

    return setrlimit(res, &r) < 0 ? -errno : 0;
}

int rlim_apply(const struct sandbox_limits *lim, bool cpu_watched, bool use_as, const char **stage)
{
    rlim_t cpu_s = (lim->cpu_ms + 999) / 1000 + (cpu_watched ? 1 : 0);
    int rc;

    *stage = "RLIMIT_CPU";
    if ((rc = set1(RLIMIT_CPU, cpu_s, cpu_s + 1)) < 0)
        return rc;
    *stage = "RLIMIT_NOFILE";
    if ((rc = set1(RLIMIT_NOFILE, lim->files, lim->files)) < 0)
        return rc;
    *stage = "RLIMIT_FSIZE";
    if ((rc = set1(RLIMIT_FSIZE, (rlim_t)lim->fsize_kb * 1024, (rlim_t)lim->fsize_kb * 1024)) < 0)
        return rc;
    *stage = "RLIMIT_NPROC";
    if ((rc = set1(RLIMIT_NPROC, lim->procs, lim->procs)) < 0)
        return rc;
    *stage = "RLIMIT_CORE";
    if ((rc = set1(RLIMIT_CORE, 0, 0)) < 0)
        return rc;
    *stage = "RLIMIT_MEMLOCK";
    if ((rc = set1(RLIMIT_MEMLOCK, 64 * 1024, 64 * 1024)) < 0)
        return rc;
    if (use_as) {
        rlim_t as = (rlim_t)lim->memory_mb * 1024 * 1024;
        *stage = "RLIMIT_AS";
        if ((rc = set1(RLIMIT_AS, as, as)) < 0)
            return rc;
    }
    return 0;
}
