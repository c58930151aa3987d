/*
 * push.h — grading results pushed to the sessions of the user who submitted.
 *
 * labworker announces progress through PostgreSQL only (instances share
 * nothing else): NOTIFY lab_events 'running:<id>' when it starts a job and
 * 'graded:<id>' when the result (or the final failure) is stored. Every
 * labserver instance receives every notification (db/listen.c), loads the
 * submission on a DB thread, and on the lws thread sends GradeProgress or
 * the full GradeResult to whichever sessions of that user it holds,
 * resolved through the user index (userix.h) by session id, so a session
 * that closed meanwhile is skipped. Other payloads ('lab:...') are ignored.
 *
 * Lost notifications: while the LISTEN connection is down nothing arrives.
 * When it comes back, db/listen.c delivers a reconnect mark carrying the time
 * the gap began; push then re-sends every result graded since then minus a
 * margin (PUSH_CATCHUP_MARGIN_S, which also absorbs clock skew with the
 * database) to the users that have sessions here. A client may therefore
 * see a result twice and must treat submission_id as the key. Progress
 * (RUNNING) pushes lost in a gap are not replayed; ListResults always tells
 * the truth.
 *
 * Ordering: the running and graded loads may finish on different DB
 * threads; a RUNNING push is dropped when the row is no longer running at
 * load time, which makes a late RUNNING after the result unlikely but not
 * impossible.
 */
#ifndef LAB_SERVER_PUSH_H
#define LAB_SERVER_PUSH_H

#include <stdint.h>

#include "server/server.h"

#define PUSH_MAX_IN_FLIGHT 512 /* push loads queued at once; more are dropped (logged) */
#define PUSH_CATCHUP_MARGIN_S 60
#define PUSH_CATCHUP_MAX_USERS 20000
#define PUSH_CATCHUP_MAX_RESULTS 2000

struct push;

/* NULL on OOM. */
struct push *push_new(void);

/* Accepts NULL. Only after the DB pool has stopped (its completions use it). */
void push_free(struct push *p);

/*
 * lws thread: handle one notification (notify_deliver_fn shape, @arg is
 * the struct server). @channel "" is db/listen.c's reconnect mark, with the
 * unix time the gap began as @payload.
 */
void push_note(void *arg, const char *channel, const char *payload);

/*
 * lws thread, from the periodic tick: retry a catch-up that is still owed
 * (the database was unreachable when the LISTEN connection came back).
 */
void push_tick(struct server *srv);

#endif
