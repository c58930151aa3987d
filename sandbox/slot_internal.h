/*
 * slot_internal.h — struct sandbox_slot, shared by slot.c and run.c (internal).
 */
#ifndef LAB_SANDBOX_SLOT_INTERNAL_H
#define LAB_SANDBOX_SLOT_INTERNAL_H

#include <stdbool.h>
#include <sys/types.h>

#include "sandbox/cg.h"
#include "sandbox/sandbox.h"
#include "sandbox/seccomp.h"

struct sandbox_slot {
    unsigned index;
    uint32_t uid;
    struct sandbox_limits defaults;
    struct cg_slot cg;
    struct sbx_filter filter;
    int lock_fd;
    int ctl;      /* socket to the zygote, -1 when it is down */
    pid_t zygote; /* 0 when down */
    unsigned runs;
};

/* Start the zygote (again). 0 or a negative code with @err. */
int slot_zygote_start(struct sandbox_slot *s, struct lab_err *err) LAB_MUST_USE;

/* Kill and reap the zygote (and anything left in the slot's cgroups). */
void slot_zygote_stop(struct sandbox_slot *s);

#endif
