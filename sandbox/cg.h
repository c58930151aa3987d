/*
 * cg.h — the slot's cgroups (internal to lab_sandbox).
 *
 * A slot owns <parent>/labsandbox/slot<N> in every hierarchy that can help:
 * cgroup v2 (memory, pids when delegated; cpu.stat and cgroup.kill always)
 * and the v1 memory, pids and cpuacct hierarchies of hybrid hosts. Only the
 * zygote is ever moved (once per slot): runs are born inside, so no run pays
 * the cgroup migration stall (SANDBOX-LIMITS.md §5b).
 */
#ifndef LAB_SANDBOX_CG_H
#define LAB_SANDBOX_CG_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/err.h"
#include "sandbox/sandbox.h"

struct cg_slot {
    char v2[PATH_MAX];   /* slot dir in the cgroup2 hierarchy, "" if none */
    char mem1[PATH_MAX]; /* v1 memory slot dir, "" if not used */
    char pids1[PATH_MAX];
    char cpu1[PATH_MAX]; /* v1 cpuacct slot dir, only when v2 gives no cpu.stat */
    bool v2_memory, v2_pids;
    enum sandbox_mem_mechanism mem;
    uint32_t missing;               /* SANDBOX_MISSING_* */
    uint64_t mem_limit, pids_limit; /* what is currently written, 0 = not yet */
};

struct cg_counters {
    uint64_t oom_kills;
    uint64_t mem_max_hits; /* times the memory limit was reached */
    uint64_t pids_max_hits;
    uint64_t cpu_usec;
    bool has_cpu;
};

/* Find the hierarchies, create the slot dirs, kill stale members. */
int cg_slot_open(struct cg_slot *cg, const struct sandbox_config *cfg, unsigned index,
                 struct lab_err *err) LAB_MUST_USE;

/* Move @pid into every slot dir (slow: once per slot). */
int cg_attach(const struct cg_slot *cg, pid_t pid, struct lab_err *err) LAB_MUST_USE;

/* Write the memory and pids limits if they changed. */
int cg_set_limits(struct cg_slot *cg, uint64_t mem_bytes, uint64_t pids,
                  struct lab_err *err) LAB_MUST_USE;

void cg_read_counters(const struct cg_slot *cg, struct cg_counters *c);

/* CPU time used by the slot so far, in µs; false when no cgroup accounts it. */
bool cg_cpu_usec(const struct cg_slot *cg, uint64_t *usec);

/*
 * Start measuring peak memory for a run. Returns an fd to pass to
 * cg_peak_end() (or -1 when the peak can only be read as a lifetime figure).
 */
int cg_peak_begin(const struct cg_slot *cg);
/* Peak bytes since cg_peak_begin(); closes @fd. 0 when unknown. */
uint64_t cg_peak_end(const struct cg_slot *cg, int fd);

/* Number of tasks in the slot (zygote included), or -1 if unknown. */
int cg_count_tasks(const struct cg_slot *cg);

/* SIGKILL every process in the slot except @except (0 = none). Returns how many were signalled. */
int cg_kill_all(const struct cg_slot *cg, pid_t except);

/* Remove the slot dirs (best effort; they must be empty). */
void cg_slot_close(struct cg_slot *cg);

#endif
