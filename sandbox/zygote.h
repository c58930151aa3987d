/*
 * zygote.h — the per-slot helper process and the box's init (internal).
 *
 * The zygote is forked from the caller by slot.c. It becomes host root in a
 * private mount namespace just long enough to build the template root, then
 * enters the slot's user, network and UTS namespaces (the caller writes the
 * id maps and moves it into the slot's cgroups while it waits), then the
 * cgroup namespace, and serves run requests one at a time. Each run is a
 * clone into new PID, mount and IPC namespaces: pid 1 there is our init,
 * which prepares the mounts and files, starts the program as the student uid
 * and reaps everything; when the program exits, init exits and the kernel
 * kills whatever is left in the PID namespace.
 */
#ifndef LAB_SANDBOX_ZYGOTE_H
#define LAB_SANDBOX_ZYGOTE_H

#include <sys/types.h>

#include "sandbox/seccomp.h"

/* Handshake bytes on the socket during start-up. */
#define ZYG_UNSHARED 'U' /* zygote -> caller: map me and attach me */
#define ZYG_GO 'G'       /* caller -> zygote: done; the seccomp filter's insns follow */

/*
 * Run the zygote in the freshly forked child. Never returns. The filter
 * arrives with ZYG_GO rather than through the fork, so the caller can compile
 * it (and open the cgroups) while the zygote builds its namespaces.
 */
void zygote_main(int ctl, pid_t parent) __attribute__((noreturn));

#endif
