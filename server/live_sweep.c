/*
 * live_sweep.c — the timer that ends live exercises whose time is up (see
 * live.h). Owns the sweep job: once per LIVE_SWEEP_MS, one UPDATE ... RETURNING
 * whose row locks make exactly one instance end each exercise and notify.
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

struct sweep_job {
    struct db_job db;
    struct server *srv;
    int n_ended;
};

static int run_sweep(struct db_job *dj, struct db *c)
{
    struct sweep_job *j = (struct sweep_job *)dj;
    struct db_res *r = NULL;
    int rc;

    /* One statement: the row locks decide which instance ends each exercise, and the
     * notification commits with the update. */
    rc = db_exec(c,
                 "WITH e AS (UPDATE live_sessions SET ended_at = now() "
                 "WHERE ended_at IS NULL AND ends_at <= now() RETURNING id, cohort_id) "
                 "SELECT " DB_NOTIFY_LIVE_END_SQL("cohort_id", "id") ", "
                                                                     "id FROM e",
                 0, NULL, &r, NULL);
    if (rc < 0)
        return rc;
    j->n_ended = db_res_rows(r);
    for (int i = 0; i < j->n_ended; i++)
        log_event(LOG_INFO, "live.expired", "live=%s", db_res_get(r, i, 1));
    db_res_free(r);
    return 0;
}

static void sweep_complete(struct db_job *dj, int rc)
{
    struct sweep_job *j = (struct sweep_job *)dj;

    if (j->srv->live)
        j->srv->live->sweep_in_flight = false;
    if (rc < 0 && rc != LAB_E_UNAVAILABLE)
        log_event(LOG_WARN, "live.sweep_failed", "rc=%d err=\"%s\"", rc, lab_strerror(rc));
    free(j);
}

void live_sweep_tick(struct server *srv, uint64_t now)
{
    struct live *lv = srv->live;
    struct sweep_job *j;

    if (lv->sweep_in_flight || now < lv->next_sweep_us || !srv->db)
        return;
    lv->next_sweep_us = now + (uint64_t)LIVE_SWEEP_MS * 1000;
    if (db_pool_connected(srv->db) == 0)
        return;
    j = calloc(1, sizeof *j);
    if (!j)
        return;
    j->db.run = run_sweep;
    j->db.complete = sweep_complete;
    j->srv = srv;
    if (db_pool_post(srv->db, &j->db) < 0) {
        free(j);
        return;
    }
    lv->sweep_in_flight = true;
}
