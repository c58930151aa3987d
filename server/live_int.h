/*
 * live_int.h — what the live_*.c files share and nobody else sees: the state
 * of live exercises on the lws thread (struct live) and the entry points one
 * state machine calls in another. The public side is live.h.
 *
 *   live.c         the state, the DB-thread loaders the handlers share, and the
 *                  dispatch of lab_events notifications and timer ticks
 *   live_wait.c    LiveStart requests waiting for a labworker to verify a lab
 *   live_notice.c  LiveNotice pushes to a cohort's members
 *   live_watch.c   live boards pushed to their watchers
 *   live_sweep.c   the timer that ends exercises whose time is up
 */
#ifndef LAB_SERVER_LIVE_INT_H
#define LAB_SERVER_LIVE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/fields.h"
#include "server/live.h"

struct waiter {
    struct waiter *next;
    uint64_t id;
    struct req_job *tmpl; /* the LiveStart's identity: session, reply id, user */
    char lab_id[LAB_ID_MAX + 1];
    char version[65];
    int64_t cohort_id;
    char cohort[COHORT_NAME_MAX + 1];
    uint32_t minutes;
    uint64_t deadline_us;
    uint64_t next_check_us;
    bool in_flight;
    bool recheck; /* a notification came while a check was in flight */
};

struct watcher {
    uint64_t sess_id;
    int64_t user_id;
    bool full_view;
};

struct board_state {
    struct board_state *next;
    int64_t live_id;
    struct watcher *w;
    size_t n, cap;
    bool dirty, in_flight;
    uint64_t last_us;
};

struct live {
    struct waiter *waiters;
    size_t n_waiting;
    uint64_t next_wait_id;
    struct board_state *boards;
    size_t n_watchers;
    unsigned in_flight; /* notice loads */
    bool sweep_in_flight;
    uint64_t next_sweep_us;
    /* Exercises whose end was pushed here: a start notice loaded on another DB thread
     * before the end and completing after it must not be sent (it would look running). */
    int64_t ended[64];
    unsigned n_ended;
};

/* True when the end of @live_id was pushed here (a late start notice must not go out). */
bool live_was_ended(const struct live *lv, int64_t live_id);

/* Free a board and its watchers. Accepts NULL. */
void live_board_free(struct board_state *b);

/* live_wait.c: a lab version finished building (from a lab: notification). */
void live_wait_note_lab(struct server *srv, const char *lab_id, const char *version);
/* live_wait.c: re-check due waiters, time out late ones. */
void live_wait_tick(struct server *srv, uint64_t now);

enum notice_kind { NOTICE_MEMBERS, NOTICE_LOGIN };

/* live_notice.c: load and push a LiveNotice (to @live_id's members, or to one session at login). */
void live_notice_post(struct server *srv, enum notice_kind kind, int64_t live_id, uint64_t sess_id,
                      int64_t user_id);
/* live_notice.c: queue a copy of a packed envelope on @s. False when it could not. */
bool live_send_copy(struct session *s, const uint8_t *buf, size_t len);

/* live_watch.c: @live_id's board changed; refresh it for its watchers here. */
void live_watch_mark(struct server *srv, int64_t live_id);
/* live_watch.c: post due board loads. */
void live_watch_tick(struct server *srv, uint64_t now);

/* live_sweep.c: end exercises whose time is up, once per LIVE_SWEEP_MS. */
void live_sweep_tick(struct server *srv, uint64_t now);

#endif
