/*
 * conf.c — default limits, the [sandbox] configuration keys and limit checks.
 *
 * Defaults suit a classroom exercise: a few seconds of CPU, 256 MB, enough
 * processes for multiprocessing.Pool, 1 MB of output. A lab's lab.ini and
 * labsandbox's flags override them per run.
 */
#include "sandbox/sandbox.h"

#include <stddef.h>

const struct cfg_key sandbox_cfg_keys[] = {
    CFG_U32("sandbox.cpu_ms", struct sandbox_settings, limits.cpu_ms, 5000, 1, 3600000,
            "CPU time limit of a run, in ms (all processes together)"),
    CFG_U32("sandbox.wall_ms", struct sandbox_settings, limits.wall_ms, 10000, 1, 86400000,
            "wall-clock limit of a run, in ms"),
    CFG_U32("sandbox.memory_mb", struct sandbox_settings, limits.memory_mb, 256, 8, 1048576,
            "memory limit of a run, in MB"),
    CFG_U32("sandbox.procs", struct sandbox_settings, limits.procs, 64, 1, 100000,
            "processes + threads alive at once"),
    CFG_U32("sandbox.files", struct sandbox_settings, limits.files, 64, 8, 1048576,
            "open files per process"),
    CFG_U32("sandbox.fsize_kb", struct sandbox_settings, limits.fsize_kb, 16384, 1, 16777216,
            "largest file a run may write, in KB"),
    CFG_U32("sandbox.disk_mb", struct sandbox_settings, limits.disk_mb, 64, 1, 65536,
            "/tmp + /work + /dev/shm together, in MB"),
    CFG_U32("sandbox.inodes", struct sandbox_settings, limits.inodes, 4096, 16, 10000000,
            "files + directories a run may create"),
    CFG_U32("sandbox.output_kb", struct sandbox_settings, limits.output_kb, 1024, 1, 1048576,
            "stdout and stderr are each kept up to this many KB"),
    CFG_U32("sandbox.result_kb", struct sandbox_settings, limits.result_kb, 1024, 1, 1048576,
            "the result fd is kept up to this many KB"),
    CFG_U32("sandbox.uid_base", struct sandbox_settings, uid_base, 60000, 1000, 4000000000u,
            "slot N runs as host uid/gid uid_base+N"),
    CFG_U32("sandbox.max_slots", struct sandbox_settings, max_slots, 64, 1, 4096,
            "number of slots on this host"),
    CFG_STR("sandbox.state_dir", struct sandbox_settings, state_dir, "/run/labsandbox",
            "directory for slot lock files"),
    CFG_STR("sandbox.cgroup_parent", struct sandbox_settings, cgroup_parent, "",
            "cgroup under which slot cgroups are made (empty: our own)"),
    CFG_BOOL("sandbox.require_memory_cgroup", struct sandbox_settings, require_memory_cgroup, 0,
             "refuse to run without a memory cgroup (else RLIMIT_AS)"),
    CFG_BOOL("sandbox.require_pids_cgroup", struct sandbox_settings, require_pids_cgroup, 0,
             "refuse to run without a pids cgroup (else RLIMIT_NPROC)"),
    CFG_BOOL("sandbox.require_cpu_cgroup", struct sandbox_settings, require_cpu_cgroup, 0,
             "refuse to run without cgroup CPU accounting (else RLIMIT_CPU)"),
    CFG_END,
};

void sandbox_limits_default(struct sandbox_limits *lim)
{
    *lim = (struct sandbox_limits){
        .cpu_ms = 5000,
        .wall_ms = 10000,
        .memory_mb = 256,
        .procs = 64,
        .files = 64,
        .fsize_kb = 16384,
        .disk_mb = 64,
        .inodes = 4096,
        .output_kb = 1024,
        .result_kb = 1024,
    };
}

void sandbox_config_default(struct sandbox_config *cfg)
{
    *cfg = (struct sandbox_config){
        .uid_base = 60000,
        .max_slots = 64,
        .state_dir = "/run/labsandbox",
        .cgroup_parent = "",
    };
}

void sandbox_settings_apply(const struct sandbox_settings *s, struct sandbox_config *cfg,
                            struct sandbox_limits *lim)
{
    *lim = s->limits;
    cfg->uid_base = s->uid_base;
    cfg->max_slots = s->max_slots;
    cfg->state_dir = s->state_dir && s->state_dir[0] ? s->state_dir : "/run/labsandbox";
    cfg->cgroup_parent = s->cgroup_parent ? s->cgroup_parent : "";
    cfg->require_memory_cgroup = s->require_memory_cgroup;
    cfg->require_pids_cgroup = s->require_pids_cgroup;
    cfg->require_cpu_cgroup = s->require_cpu_cgroup;
}

int sandbox_limits_check(const struct sandbox_limits *lim, struct lab_err *err)
{
    const struct cfg_key *k;

    /* The same bounds as the config table, so flags and the library agree. */
    for (k = sandbox_cfg_keys; k->type != CFG_T_END; k++) {
        size_t off = k->offset - offsetof(struct sandbox_settings, limits);
        uint32_t v;

        /* Keys outside the limits struct wrap to a large offset and are skipped. */
        if (off >= sizeof *lim)
            continue;
        v = *(const uint32_t *)(const void *)((const char *)lim + off);
        if (v < k->min || v > k->max) {
            lab_errf(err, LAB_E_RANGE, "limit %s must be from %u to %u, not %u", k->name + 8,
                     k->min, k->max, v);
            lab_err_hint(err, "fix the flag or the [sandbox] section of the config");
            return LAB_E_RANGE;
        }
    }
    return 0;
}
