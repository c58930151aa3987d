/*
 * channels.c — the lab_events payload encoder and parser (see channels.h).
 *
 * The parser reads text that any database user could send with NOTIFY, so it
 * is strict: whole positive decimal ids, bounded text fields, nothing left over.
 */
#include "db/channels.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "common/str.h"
#include "db/pg.h"

/* A positive id from @s[0..len): whole decimal, 1..INT64_MAX. */
static bool read_id(const char *s, size_t len, int64_t *out)
{
    char buf[24];
    int64_t v;

    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (parse_i64(buf, 1, INT64_MAX, &v) < 0)
        return false;
    *out = v;
    return true;
}

/* "<a>:<b>" with both positive ids. */
static bool read_pair(const char *s, int64_t *a, int64_t *b)
{
    const char *colon = strchr(s, ':');

    return colon && read_id(s, (size_t)(colon - s), a) && read_id(colon + 1, strlen(colon + 1), b);
}

/* Copy @s[0..len) into @dst (capacity @cap): non-empty and fitting, or false. */
static bool read_text(char *dst, size_t cap, const char *s, size_t len)
{
    if (len == 0 || len >= cap)
        return false;
    memcpy(dst, s, len);
    dst[len] = '\0';
    return true;
}

static bool prefixed(const char *payload, const char *prefix, const char **rest)
{
    size_t n = strlen(prefix);

    if (strncmp(payload, prefix, n) != 0)
        return false;
    *rest = payload + n;
    return true;
}

int db_event_parse(const char *channel, const char *payload, struct db_event *out)
{
    const char *rest;

    if (!channel || !payload)
        return LAB_E_PARSE;
    memset(out, 0, sizeof *out);
    if (strcmp(channel, DB_CHAN_GAP) == 0) {
        out->kind = DB_EV_KIND_GAP;
        return read_id(payload, strlen(payload), &out->since) ? 0 : LAB_E_PARSE;
    }
    if (strcmp(channel, DB_CHAN_EVENTS) != 0)
        return LAB_E_PARSE;
    if (prefixed(payload, DB_EV_GRADED, &rest)) {
        out->kind = DB_EV_KIND_GRADED;
        return read_id(rest, strlen(rest), &out->id) ? 0 : LAB_E_PARSE;
    }
    if (prefixed(payload, DB_EV_RUNNING, &rest)) {
        out->kind = DB_EV_KIND_RUNNING;
        return read_id(rest, strlen(rest), &out->id) ? 0 : LAB_E_PARSE;
    }
    if (prefixed(payload, DB_EV_LAB, &rest)) {
        const char *c1 = strchr(rest, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;

        out->kind = DB_EV_KIND_LAB;
        if (!c2 || !read_text(out->lab_id, sizeof out->lab_id, rest, (size_t)(c1 - rest)) ||
            !read_text(out->version, sizeof out->version, c1 + 1, (size_t)(c2 - c1 - 1)) ||
            !read_text(out->state, sizeof out->state, c2 + 1, strlen(c2 + 1)))
            return LAB_E_PARSE;
        return 0;
    }
    if (prefixed(payload, DB_EV_LIVE, &rest)) {
        out->kind = DB_EV_KIND_LIVE;
        return read_pair(rest, &out->cohort_id, &out->id) ? 0 : LAB_E_PARSE;
    }
    if (prefixed(payload, DB_EV_LIVE_END, &rest)) {
        out->kind = DB_EV_KIND_LIVE_END;
        return read_pair(rest, &out->cohort_id, &out->id) ? 0 : LAB_E_PARSE;
    }
    if (prefixed(payload, DB_EV_LIVE_BOARD, &rest)) {
        out->kind = DB_EV_KIND_LIVE_BOARD;
        return read_id(rest, strlen(rest), &out->id) ? 0 : LAB_E_PARSE;
    }
    return LAB_E_PARSE;
}

static bool text_ok(const char *s)
{
    return s[0] != '\0' && strchr(s, ':') == NULL;
}

int db_event_format(const struct db_event *ev, char *buf, size_t cap)
{
    int n;

    switch (ev->kind) {
    case DB_EV_KIND_GRADED:
    case DB_EV_KIND_RUNNING:
    case DB_EV_KIND_LIVE_BOARD:
        if (ev->id <= 0)
            return LAB_E_RANGE;
        n = snprintf(buf, cap, "%s%lld",
                     ev->kind == DB_EV_KIND_GRADED    ? DB_EV_GRADED
                     : ev->kind == DB_EV_KIND_RUNNING ? DB_EV_RUNNING
                                                      : DB_EV_LIVE_BOARD,
                     (long long)ev->id);
        break;
    case DB_EV_KIND_LIVE:
    case DB_EV_KIND_LIVE_END:
        if (ev->id <= 0 || ev->cohort_id <= 0)
            return LAB_E_RANGE;
        n = snprintf(buf, cap, "%s%lld:%lld",
                     ev->kind == DB_EV_KIND_LIVE ? DB_EV_LIVE : DB_EV_LIVE_END,
                     (long long)ev->cohort_id, (long long)ev->id);
        break;
    case DB_EV_KIND_LAB:
        /* The state is the last field and may not hold ':' either, so a parse gives it back. */
        if (!text_ok(ev->lab_id) || !text_ok(ev->version) || !text_ok(ev->state))
            return LAB_E_RANGE;
        n = snprintf(buf, cap, "%s%s:%s:%s", DB_EV_LAB, ev->lab_id, ev->version, ev->state);
        break;
    default:
        return LAB_E_RANGE;
    }
    if (n < 0 || (size_t)n >= cap)
        return LAB_E_TOO_LARGE;
    return 0;
}

int db_notify_event(struct db *db, const struct db_event *ev, struct lab_err *err)
{
    char payload[DB_EVENT_PAYLOAD_MAX];
    const char *p[1] = {payload};
    int rc = db_event_format(ev, payload, sizeof payload);

    if (rc < 0)
        return lab_errf(err, rc, "cannot encode a lab_events notification");
    return db_exec(db, "SELECT pg_notify('" DB_CHAN_EVENTS "', $1)", 1, p, NULL, err);
}
