/*
 * live.h — live exercises on the lws thread: requests waiting for a
 * labworker to verify an uploaded lab, LiveNotice pushes to a cohort's
 * members, live boards pushed to their watchers, and the timer that ends
 * exercises whose time is up. Plus the DB-thread pieces the handlers share
 * (h_live.c, h_auth.c).
 *
 * Everything arrives through NOTIFY lab_events, which every instance
 * LISTENs to (db/listen.c), so an instance needs nothing from the others
 * (payloads defined and parsed in db/channels.h):
 *   lab:<id>:<version>:live|rejected   a waiting LiveStart can finish
 *   live:<cohort_id>:<live_id>         push LiveNotice to members here
 *   live_end:<cohort_id>:<live_id>     push LiveNotice{ended}, the final board
 *   live_board:<live_id>               push a fresh board to watchers here
 *
 * Waiting requests are kept in a small list (a handful at a time) keyed by
 * lab id + version; a notification or a re-check every LIVE_RECHECK_MS
 * (notifications can be lost while LISTEN reconnects) posts a job that reads
 * the version's state; past live.verify_timeout_s the instructor gets
 * UNAVAILABLE. Boards: at most one board query per live session in flight
 * and one per LIVE_BOARD_GAP_MS, however many results arrive; the DB thread
 * ranks once and packs one envelope per viewer (one shared by every staff
 * viewer). Notices: one DB job per notification loads the exercise and the
 * member ids and packs the envelope once; the lws thread copies it to every
 * session of every member it holds (userix.h).
 *
 * Ending by timer: every instance runs, once per LIVE_SWEEP_MS, an UPDATE
 * ... WHERE ends_at <= now() AND ended_at IS NULL RETURNING; PostgreSQL row
 * locks make exactly one instance end each exercise and send its live_end.
 *
 * The code is split by state machine (live_int.h lists the files): waiting
 * requests in live_wait.c, notices in live_notice.c, boards in live_watch.c,
 * the timer in live_sweep.c; live.c holds the shared state and loaders.
 */
#ifndef LAB_SERVER_LIVE_H
#define LAB_SERVER_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "proto/wire.h"
#include "server/board.h"
#include "db/pool.h"
#include "server/liveboard.h"
#include "server/req.h"
#include "server/server.h"

#define LIVE_TICK_MS 100
#define LIVE_BOARD_GAP_MS 200
#define LIVE_RECHECK_MS 2000
#define LIVE_SWEEP_MS 1000
#define LIVE_MAX_IN_FLIGHT 256 /* notice loads queued at once; more are dropped (logged) */
#define LIVE_MAX_WAITING 256   /* LiveStart requests waiting for a labworker */
#define LIVE_MAX_WATCHERS 20000

struct live;

/* NULL on OOM. */
struct live *live_new(void);

/* Accepts NULL. Only after the DB pool has stopped. */
void live_free(struct live *lv);

/* lws thread: one notification (notify_deliver_fn shape; @arg is the struct server). */
void live_note(void *arg, const char *channel, const char *payload);

/* lws thread, every LIVE_TICK_MS: coalesced boards, re-checks, timeouts, the sweep. */
void live_tick(struct server *srv);

/*
 * lws thread: remember that the LiveStart answered by @tmpl waits for lab
 * @lab_id version @version to be verified, then starts in cohort @cohort_id
 * (@cohort) for @minutes. Returns 0, or LAB_E_BUSY / LAB_E_NOMEM (the caller
 * answers).
 */
int live_wait_add(struct server *srv, const struct req_job *tmpl, const char *lab_id,
                  const char *version, int64_t cohort_id, const char *cohort,
                  uint32_t minutes) LAB_MUST_USE;

/* lws thread: push boards of live session @live_id to session @sess_id of @user_id. */
int live_watch_add(struct server *srv, int64_t live_id, uint64_t sess_id, int64_t user_id,
                   bool full_view) LAB_MUST_USE;

/* lws thread: after a login or resume, send @sess_id the LiveNotice of every running
 * live exercise of @user_id's cohorts. */
void live_notice_login(struct server *srv, uint64_t sess_id, int64_t user_id);

/* ---- DB thread ---- */

struct live_begin {
    int64_t cohort_id;
    const char *cohort;
    const char *lab_id;
    const char *version;
    uint32_t minutes;
    bool reopen; /* a catalog lab: open it for the cohort if it was closed */
};

/*
 * In one transaction: end the cohort's running exercise (notifying its
 * live_end), insert the new one, notify live:<cohort>:<id>, audit
 * 'live.start'. Returns 0 with *@live_id, 0 with j->err set (CONFLICT: a
 * concurrent start), or a negative code.
 */
int live_begin_tx(struct req_job *j, struct db *c, const struct live_begin *b,
                  int64_t *live_id) LAB_MUST_USE;

/* A LiveNotice whose strings point into a database result. */
struct live_notice_row {
    struct db_res *r;
    Lab__V1__LiveNotice n;
    int64_t cohort_id;
};

/* Load live session @live_id. 0, LAB_E_NOT_FOUND or a db_exec code. Release always. */
int live_notice_load(struct db *c, int64_t live_id, struct live_notice_row *out) LAB_MUST_USE;
void live_notice_release(struct live_notice_row *n);

/* A live board, loaded and ranked. */
struct live_board_data {
    struct db_res *meta, *rows;
    Lab__V1__LiveBoard hdr; /* every field but rows and your_rank */
    enum board_mode mode;
    struct live_entry *e;
    size_t n;
};

/* Load and rank the board of @live_id. 0, LAB_E_NOT_FOUND or a db_exec/NOMEM code. */
int live_board_load(struct db *c, int64_t live_id, struct live_board_data *d) LAB_MUST_USE;
void live_board_release(struct live_board_data *d);

/* Build the LiveBoard envelope @viewer sees and pack it (session_headroom in front). */
int live_board_pack(const struct live_board_data *d, int64_t viewer, bool full_view,
                    uint64_t reply_to, size_t max_frame, uint8_t **buf, size_t *len) LAB_MUST_USE;

#endif
