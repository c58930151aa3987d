/*
 * config.c — labworker's settings (see config.h).
 */
#include "worker/config.h"

#include <stdio.h>

#ifndef LAB_HARNESS_DIR
#define LAB_HARNESS_DIR "/usr/share/labserver/harness"
#endif

const struct cfg_key worker_keys[] = {
    CFG_STR("db.conninfo", struct worker_cfg, conninfo, "", "libpq connection string"),
    CFG_U32("worker.slots", struct worker_cfg, slots, 0, 0, 64,
            "grading slots (0: one per CPU core)"),
    CFG_STR("worker.name", struct worker_cfg, name, "", "name in the queue (default host:pid)"),
    CFG_STR("worker.harness_dir", struct worker_cfg, harness_dir, LAB_HARNESS_DIR,
            "the Python grading harness"),
    CFG_STR("worker.lab_dir", struct worker_cfg, lab_dir, "/var/tmp/labworker",
            "where labs are unpacked for the sandbox"),
    CFG_U32("worker.lease_s", struct worker_cfg, lease_s, 150, 2, 3600,
            "seconds a claimed job is ours before another worker may take it"),
    CFG_U32("worker.poll_ms", struct worker_cfg, poll_ms, 2000, 50, 60000,
            "look at the queue this often even without a notification"),
    CFG_STR("log.level", struct worker_cfg, log_level, "info", "debug, info, warn or error"),
    CFG_END,
};

int worker_cfg_override(struct worker_cfg *cfg, struct sandbox_settings *sb, const char *kv,
                        struct lab_err *err)
{
    int rc = cfg_set_kv(worker_keys, cfg, kv, err);

    /* Not a worker key (or not a valid one): the [sandbox] table's answer is the one told. */
    if (rc < 0)
        rc = cfg_set_kv(sandbox_cfg_keys, sb, kv, err);
    return rc;
}

void worker_slot_name(const struct worker_cfg *cfg, const char *host, long pid, unsigned index,
                      char *out, size_t cap)
{
    if (cfg->name[0])
        snprintf(out, cap, "%s/%u", cfg->name, index);
    else
        snprintf(out, cap, "%s:%ld/%u", host, pid, index);
}
