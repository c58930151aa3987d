/*
 * ns.h — user-namespace id maps, loopback and hostname (internal).
 */
#ifndef LAB_SANDBOX_NS_H
#define LAB_SANDBOX_NS_H

#include <stdint.h>
#include <sys/types.h>

#include "common/err.h"

/* The uid and gid the program has inside the box. */
#define SBX_BOX_UID 1000u
#define SBX_BOX_GID 1000u
#define SBX_HOSTNAME "sandbox"

/*
 * Map box uid/gid SBX_BOX_UID to host @host_id for the user namespace of
 * @pid. Nothing else is mapped: in particular host root is not, so files
 * owned by host root stay "nobody" inside and no capability applies to them.
 */
int ns_write_maps(pid_t pid, uint32_t host_id, struct lab_err *err) LAB_MUST_USE;

/* Bring lo up in the current network namespace. 0 or -errno. */
int ns_loopback_up(void) LAB_MUST_USE;

#endif
