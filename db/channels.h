/*
 * channels.h — every NOTIFY channel of the house and the payload of each event.
 *
 * Two channels:
 *   lab_queue   wakes labworkers (a submission or a lab build is waiting);
 *               no payload. labworker LISTENs.
 *   lab_events  tells every labserver instance that something changed; the
 *               payload says what. labserver LISTENs (db/listen.c).
 *
 * lab_events payloads are "<kind>:<fields separated by ':'>":
 *   graded:<submission id>                     a result is final
 *   running:<submission id>                    a worker started grading it
 *   lab:<lab id>:<version>:<live|rejected>     a lab build finished
 *   live:<cohort id>:<live id>                 a live exercise started
 *   live_end:<cohort id>:<live id>             a live exercise ended
 *   live_board:<live id>                       a live board's rows or mode changed
 * Ids are positive decimal integers.
 *
 * Notifications are sent from inside SQL so they commit with the change they
 * announce. One event with values in C goes through db_notify_event(), which
 * passes the payload made by db_event_format() as a parameter; a statement that notifies once per
 * row it touched uses the DB_NOTIFY_*_SQL expression for that kind, which builds the same text in
 * SQL from the same prefixes. db_event_parse() is the one reader.
 */
#ifndef LAB_DB_CHANNELS_H
#define LAB_DB_CHANNELS_H

#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define DB_CHAN_QUEUE "lab_queue"
#define DB_CHAN_EVENTS "lab_events"

/* The listener's mark after a LISTEN gap (db/listen.h): no real channel is "". */
#define DB_CHAN_GAP ""

/* Payload prefixes of lab_events, shared by the C encoder, the SQL encoders and the parser. */
#define DB_EV_GRADED "graded:"
#define DB_EV_RUNNING "running:"
#define DB_EV_LAB "lab:"
#define DB_EV_LIVE "live:"
#define DB_EV_LIVE_END "live_end:"
#define DB_EV_LIVE_BOARD "live_board:"

/* Statement that wakes the labworkers. */
#define DB_NOTIFY_QUEUE_SQL "NOTIFY " DB_CHAN_QUEUE

/* SQL expressions for per-row notifications; the arguments are SQL expressions
 * (column names) as string literals, e.g. DB_NOTIFY_GRADED_SQL("id"). */
#define DB_NOTIFY_GRADED_SQL(sub) "pg_notify('" DB_CHAN_EVENTS "', '" DB_EV_GRADED "' || " sub ")"
#define DB_NOTIFY_LIVE_END_SQL(cohort, live)                                                       \
    "pg_notify('" DB_CHAN_EVENTS "', '" DB_EV_LIVE_END "' || " cohort " || ':' || " live ")"
#define DB_NOTIFY_LIVE_BOARD_SQL(live)                                                             \
    "pg_notify('" DB_CHAN_EVENTS "', '" DB_EV_LIVE_BOARD "' || " live ")"

enum db_event_kind {
    DB_EV_KIND_GAP,        /* after a LISTEN gap; since = when it began (unix s) */
    DB_EV_KIND_GRADED,     /* id = submission */
    DB_EV_KIND_RUNNING,    /* id = submission */
    DB_EV_KIND_LAB,        /* lab_id, version, state */
    DB_EV_KIND_LIVE,       /* cohort_id, id = live session */
    DB_EV_KIND_LIVE_END,   /* cohort_id, id = live session */
    DB_EV_KIND_LIVE_BOARD, /* id = live session */
};

/* Longest lab id and version a lab event carries (the lab table's limits). */
#define DB_EV_TEXT_MAX 64

struct db_event {
    enum db_event_kind kind;
    int64_t id;
    int64_t cohort_id;
    int64_t since;
    char lab_id[DB_EV_TEXT_MAX + 1];
    char version[DB_EV_TEXT_MAX + 1];
    char state[16];
};

/* Longest payload db_event_format() writes, with its NUL. */
#define DB_EVENT_PAYLOAD_MAX 192

/*
 * Write the lab_events payload of @ev into @buf (capacity @cap).
 * 0, LAB_E_RANGE (an id not positive, a gap event, a text field empty or
 * holding ':'), or LAB_E_TOO_LARGE.
 */
int db_event_format(const struct db_event *ev, char *buf, size_t cap) LAB_MUST_USE;

struct db;

/*
 * Send @ev on lab_events over @db (inside the caller's transaction, if any,
 * so it is delivered only when that commits). 0 or a db_exec/db_event_format
 * code; @err may be NULL.
 */
int db_notify_event(struct db *db, const struct db_event *ev, struct lab_err *err) LAB_MUST_USE;

/*
 * Read one notification: @channel DB_CHAN_GAP gives DB_EV_KIND_GAP with
 * @payload the unix time in seconds, DB_CHAN_EVENTS one of the kinds above.
 * 0, or LAB_E_PARSE for another channel or a payload that is not one of ours
 * (*@out is then unspecified).
 */
int db_event_parse(const char *channel, const char *payload, struct db_event *out) LAB_MUST_USE;

#endif
