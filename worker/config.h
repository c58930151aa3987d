/*
 * config.h — labworker's settings: the [db], [worker] and [log] keys, how a
 * --set/--db/--slots override lands on them or on the [sandbox] keys, and the
 * name each slot goes by in the queue. Pure: no database, no sandbox, so the
 * unit tests (tests/unit/test_worker.c) run them without root.
 */
#ifndef LAB_WORKER_CONFIG_H
#define LAB_WORKER_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "common/cfg.h"
#include "common/err.h"
#include "sandbox/sandbox.h"

struct worker_cfg {
    char *conninfo;
    uint32_t slots;
    char *name;
    char *harness_dir;
    char *lab_dir;
    uint32_t lease_s;
    uint32_t poll_ms;
    char *log_level;
};

/* The keys of struct worker_cfg, with defaults, bounds and help (cfg.h's table). */
extern const struct cfg_key worker_keys[];

/*
 * Apply one KEY=VALUE override: a worker key, else a [sandbox] key. Returns 0,
 * or the [sandbox] table's error (unknown key, bad value) with @err filled.
 */
int worker_cfg_override(struct worker_cfg *cfg, struct sandbox_settings *sb, const char *kv,
                        struct lab_err *err) LAB_MUST_USE;

/*
 * The name slot @index goes by in the queue: "NAME/INDEX" when worker.name is
 * set, else "HOST:PID/INDEX". Writes @out (capacity @cap, truncated if needed).
 */
void worker_slot_name(const struct worker_cfg *cfg, const char *host, long pid, unsigned index,
                      char *out, size_t cap);

#endif
