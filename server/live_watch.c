/*
 * live_watch.c — live boards pushed to their watchers (see live.h). Owns the
 * board list of struct live: watchers joining and leaving, at most one board
 * query per live session in flight and one per LIVE_BOARD_GAP_MS, one packed
 * envelope per viewer.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/str.h"
#include "db/channels.h"
#include "server/access.h"
#include "server/live_int.h"
#include "server/session.h"
#include "server/userix.h"
#include "server/validate.h"

static struct board_state *find_board(struct live *lv, int64_t live_id, struct board_state ***pp)
{
    struct board_state **p = &lv->boards;

    while (*p && (*p)->live_id != live_id)
        p = &(*p)->next;
    if (pp)
        *pp = p;
    return *p;
}

static void remove_board(struct live *lv, int64_t live_id)
{
    struct board_state **pp, *b = find_board(lv, live_id, &pp);

    if (!b)
        return;
    *pp = b->next;
    lv->n_watchers -= b->n;
    live_board_free(b);
}

int live_watch_add(struct server *srv, int64_t live_id, uint64_t sess_id, int64_t user_id,
                   bool full_view)
{
    struct live *lv = srv->live;
    struct board_state *b;

    if (!lv || lv->n_watchers >= LIVE_MAX_WATCHERS)
        return LAB_E_BUSY;
    b = find_board(lv, live_id, NULL);
    if (!b) {
        b = calloc(1, sizeof *b);
        if (!b)
            return LAB_E_NOMEM;
        b->live_id = live_id;
        b->next = lv->boards;
        lv->boards = b;
    }
    for (size_t i = 0; i < b->n; i++) {
        if (b->w[i].sess_id == sess_id) {
            b->w[i].user_id = user_id;
            b->w[i].full_view = full_view;
            return 0;
        }
    }
    if (b->n == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 8;
        struct watcher *nw = realloc(b->w, ncap * sizeof *nw);
        if (!nw)
            return LAB_E_NOMEM;
        b->w = nw;
        b->cap = ncap;
    }
    b->w[b->n++] = (struct watcher){sess_id, user_id, full_view};
    lv->n_watchers++;
    return 0;
}

void live_watch_mark(struct server *srv, int64_t live_id)
{
    struct board_state *b = srv->live ? find_board(srv->live, live_id, NULL) : NULL;

    if (b)
        b->dirty = true;
}

struct board_job {
    struct db_job db; /* first */
    struct server *srv;
    int64_t live_id;
    uint32_t max_frame;
    struct watcher *w; /* snapshot of the watchers */
    size_t n;
    /* Outcome: w[i] gets bufs[which[i]] */
    uint8_t **bufs;
    size_t *lens;
    size_t *which;
    size_t n_bufs;
    bool ended;
    bool gone; /* the live session no longer exists */
};

static int run_board(struct db_job *dj, struct db *c)
{
    struct board_job *j = (struct board_job *)dj;
    struct live_board_data d;
    size_t staff_buf = SIZE_MAX;
    int rc;

    j->bufs = calloc(j->n + 1, sizeof *j->bufs);
    j->lens = calloc(j->n + 1, sizeof *j->lens);
    j->which = calloc(j->n + 1, sizeof *j->which);
    if (!j->bufs || !j->lens || !j->which)
        return LAB_E_NOMEM;
    rc = live_board_load(c, j->live_id, &d);
    if (rc == LAB_E_NOT_FOUND) {
        j->gone = true;
        rc = 0;
        goto out;
    }
    if (rc < 0)
        goto out;
    j->ended = d.hdr.ended;
    for (size_t i = 0; i < j->n && rc == 0; i++) {
        if (j->w[i].full_view && staff_buf != SIZE_MAX) {
            j->which[i] = staff_buf; /* every staff viewer sees the same board */
            continue;
        }
        rc = live_board_pack(&d, j->w[i].user_id, j->w[i].full_view, 0, j->max_frame,
                             &j->bufs[j->n_bufs], &j->lens[j->n_bufs]);
        if (rc < 0)
            break;
        if (j->w[i].full_view)
            staff_buf = j->n_bufs;
        j->which[i] = j->n_bufs++;
    }
out:
    live_board_release(&d);
    return rc;
}

static void post_board(struct server *srv, struct board_state *b, uint64_t now);

static void board_complete(struct db_job *dj, int rc)
{
    struct board_job *j = (struct board_job *)dj;
    struct server *srv = j->srv;
    struct live *lv = srv->live;
    struct board_state *b = lv ? find_board(lv, j->live_id, NULL) : NULL;
    unsigned sent = 0;

    if (b)
        b->in_flight = false;
    if (rc < 0)
        log_event(LOG_WARN, "live.board_failed", "live=%" PRId64 " rc=%d err=\"%s\"", j->live_id,
                  rc, lab_strerror(rc));
    for (size_t i = 0; rc == 0 && j->which && i < j->n; i++) {
        struct session *s = session_find(srv, j->w[i].sess_id);
        if (j->gone || !s || s->state != SESS_AUTHED || s->user_id != j->w[i].user_id)
            continue;
        if (live_send_copy(s, j->bufs[j->which[i]], j->lens[j->which[i]]))
            sent++;
    }
    if (rc == 0)
        log_event(LOG_DEBUG, "live.board_pushed", "live=%" PRId64 " sessions=%u ended=%s",
                  j->live_id, sent, j->ended ? "true" : "false");
    if (b) {
        /* Forget watchers whose session has gone or logged out. */
        size_t k = 0;
        for (size_t i = 0; i < b->n; i++) {
            struct session *s = session_find(srv, b->w[i].sess_id);
            if (s && s->state == SESS_AUTHED && s->user_id == b->w[i].user_id)
                b->w[k++] = b->w[i];
        }
        lv->n_watchers -= b->n - k;
        b->n = k;
        if (rc == 0 && (j->ended || j->gone) && !b->dirty)
            remove_board(lv, j->live_id); /* the final board went out */
        else if (b->n == 0)
            remove_board(lv, j->live_id);
    }
    for (size_t i = 0; i < j->n_bufs; i++)
        free(j->bufs[i]);
    free(j->bufs);
    free(j->lens);
    free(j->which);
    free(j->w);
    free(j);
}

static void post_board(struct server *srv, struct board_state *b, uint64_t now)
{
    struct board_job *j;

    if (!srv->db || b->n == 0)
        return;
    j = calloc(1, sizeof *j);
    if (!j || !(j->w = malloc(b->n * sizeof *j->w))) {
        free(j);
        return;
    }
    memcpy(j->w, b->w, b->n * sizeof *j->w);
    j->n = b->n;
    j->db.run = run_board;
    j->db.complete = board_complete;
    j->srv = srv;
    j->live_id = b->live_id;
    j->max_frame = srv->cfg->ws_max_frame;
    if (db_pool_post(srv->db, &j->db) < 0) {
        free(j->w);
        free(j);
        return; /* still dirty: tried again at the next tick */
    }
    b->dirty = false;
    b->in_flight = true;
    b->last_us = now;
}

void live_watch_tick(struct server *srv, uint64_t now)
{
    struct board_state *b = srv->live->boards;

    while (b) {
        struct board_state *next = b->next;
        if (b->dirty && !b->in_flight && now - b->last_us >= (uint64_t)LIVE_BOARD_GAP_MS * 1000)
            post_board(srv, b, now);
        b = next;
    }
}
