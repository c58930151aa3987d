/*
 * req.c — posting database jobs for requests and sending their replies.
 */
#include "server/req.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/str.h"

Lab__V1__Role role_from_text(const char *s)
{
    if (strcmp(s, "student") == 0)
        return LAB__V1__ROLE__STUDENT;
    if (strcmp(s, "instructor") == 0)
        return LAB__V1__ROLE__INSTRUCTOR;
    if (strcmp(s, "admin") == 0)
        return LAB__V1__ROLE__ADMIN;
    return LAB__V1__ROLE__ROLE_UNSPECIFIED;
}

static void req_complete(struct db_job *dj, int rc)
{
    struct req_job *j = (struct req_job *)dj;
    struct session *s = session_find(j->srv, j->sess_id);

    if (s && j->counted && s->in_flight)
        s->in_flight--;
    if (j->deferred && rc == 0 && !j->err && !j->out) {
        /* Answered later: only the hook runs now. */
        if (j->after)
            j->after(j, s);
        explicit_bzero(j, j->size);
        free(j);
        return;
    }
    if (!j->err && (rc < 0 || !j->out)) {
        switch (rc) {
        case LAB_E_UNAVAILABLE:
            j->err = LAB__V1__ERROR_CODE__UNAVAILABLE;
            j->retry_ms = REQ_RETRY_DB_MS;
            (void)str_copy(j->err_text, sizeof j->err_text,
                           "the database is not reachable right now; try again in a second");
            break;
        case LAB_E_NOMEM:
            j->err = LAB__V1__ERROR_CODE__UNAVAILABLE;
            j->retry_ms = REQ_RETRY_DB_MS;
            (void)str_copy(j->err_text, sizeof j->err_text,
                           "the server is short of memory; try again in a moment");
            break;
        default:
            j->err = LAB__V1__ERROR_CODE__INTERNAL;
            (void)str_copy(j->err_text, sizeof j->err_text,
                           "the server failed to handle this request; try again, and tell "
                           "the operator if it keeps happening");
            log_event(LOG_ERROR, "request.failed", "sess=%llu body=%s rc=%d err=\"%s\"",
                      (unsigned long long)j->sess_id,
                      wire_body_name(&(Envelope){.body_case = j->body}), rc, lab_strerror(rc));
            break;
        }
    }
    if (j->after)
        j->after(j, s);
    if (s) {
        if (j->err) {
            Envelope fake = {.body_case = j->body, .id = j->reply_to};
            session_refuse(s, &fake, j->err, j->retry_ms, j->err_text);
        } else {
            session_send_packed(s, j->out, j->out_len);
            j->out = NULL;
        }
    }
    free(j->out);
    /* Jobs may hold a password or token copy: wipe before freeing. */
    explicit_bzero(j, j->size);
    free(j);
}

void *req_new(struct session *s, const Envelope *req, size_t size, db_run_fn *run)
{
    struct req_job *j = calloc(1, size);

    if (!j) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__UNAVAILABLE, REQ_RETRY_DB_MS,
                       "the server is short of memory; try again in a moment");
        return NULL;
    }
    j->size = size;
    j->db.run = run;
    j->db.complete = req_complete;
    j->srv = s->srv;
    j->sess_id = s->id;
    j->reply_to = req->id;
    j->body = req->body_case;
    j->user_id = s->user_id;
    j->role = s->role;
    memcpy(j->username, s->username, sizeof j->username);
    memcpy(j->peer, s->peer, sizeof j->peer);
    j->max_frame = s->srv->cfg->ws_max_frame;
    return j;
}

void req_post(struct session *s, struct req_job *j)
{
    Envelope fake = {.body_case = j->body, .id = j->reply_to};
    int rc;

    if (s->in_flight >= SESSION_MAX_IN_FLIGHT) {
        session_refuse(s, &fake, LAB__V1__ERROR_CODE__RATE_LIMITED, 500,
                       "you have too many requests in progress; wait for the answers, then "
                       "try again");
        explicit_bzero(j, j->size);
        free(j);
        return;
    }
    rc = db_pool_post(s->srv->db, &j->db);
    if (rc < 0) {
        session_refuse(s, &fake, LAB__V1__ERROR_CODE__UNAVAILABLE, REQ_RETRY_DB_MS,
                       rc == LAB_E_BUSY ? "server busy; try again in a second"
                                        : "the server is shutting down; try again in a minute");
        explicit_bzero(j, j->size);
        free(j);
        return;
    }
    j->counted = true;
    s->in_flight++;
}

void *req_clone(const struct req_job *tmpl, size_t size, db_run_fn *run)
{
    struct req_job *j = calloc(1, size);

    if (!j)
        return NULL;
    j->size = size;
    j->db.run = run;
    j->db.complete = req_complete;
    j->srv = tmpl->srv;
    j->sess_id = tmpl->sess_id;
    j->reply_to = tmpl->reply_to;
    j->body = tmpl->body;
    j->user_id = tmpl->user_id;
    j->role = tmpl->role;
    memcpy(j->username, tmpl->username, sizeof j->username);
    memcpy(j->peer, tmpl->peer, sizeof j->peer);
    j->max_frame = tmpl->max_frame;
    return j;
}

int req_post_detached(struct req_job *j)
{
    struct session *s;
    int rc = j->srv->db ? db_pool_post(j->srv->db, &j->db) : LAB_E_UNAVAILABLE;

    if (rc == 0)
        return 0;
    s = session_find(j->srv, j->sess_id);
    if (s) {
        Envelope fake = {.body_case = j->body, .id = j->reply_to};
        session_refuse(s, &fake, LAB__V1__ERROR_CODE__UNAVAILABLE, REQ_RETRY_DB_MS,
                       "server busy; try again in a second");
    }
    explicit_bzero(j, j->size);
    free(j);
    return rc;
}

int req_reply(struct req_job *j, Envelope *env)
{
    int rc;

    env->reply_to = j->reply_to;
    rc = wire_pack(env, session_headroom, j->max_frame, &j->out, &j->out_len);
    if (rc == LAB_E_TOO_LARGE)
        return req_fail(j, LAB__V1__ERROR_CODE__TOO_LARGE,
                        "the answer is larger than this server's %u-byte message limit; ask "
                        "the operator to raise ws.max_frame",
                        j->max_frame);
    return rc;
}

int req_fail(struct req_job *j, Lab__V1__ErrorCode code, const char *fmt, ...)
{
    va_list ap;

    free(j->out);
    j->out = NULL;
    j->err = code;
    va_start(ap, fmt);
    vsnprintf(j->err_text, sizeof j->err_text, fmt, ap);
    va_end(ap);
    return 0;
}
