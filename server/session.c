/*
 * session.c — one lab.v1 websocket connection: receive, decode, rate-limit,
 * route, and the bounded outbound queue (see session.h).
 *
 * Everything here runs on the lws thread; nothing takes a lock.
 */
#include "server/session.h"

#include <inttypes.h>
#include <libwebsockets.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/str.h"
#include "db/pool.h"
#include "server/userix.h"

const size_t session_headroom = LWS_PRE;

static size_t bucket_of(uint64_t id)
{
    return (size_t)(id % SESS_BUCKETS);
}

struct session *session_find(struct server *srv, uint64_t id)
{
    struct session *s = srv->sessions[bucket_of(id)];

    while (s && s->id != id)
        s = s->hnext;
    return s;
}

void session_for_each(struct server *srv, void (*fn)(struct session *s, void *arg), void *arg)
{
    for (size_t i = 0; i < SESS_BUCKETS; i++) {
        struct session *s = srv->sessions[i];
        while (s) {
            struct session *next = s->hnext;
            fn(s, arg);
            s = next;
        }
    }
}

int session_open(struct server *srv, struct session *s, struct lws *wsi)
{
    struct session **head;
    int rc;

    s->srv = srv;
    s->wsi = wsi;
    s->id = ++srv->next_sess_id;
    s->state = SESS_NEW;
    frame_asm_init(&s->rx, srv->cfg->ws_max_frame);
    outq_init(&s->out);
    if (lws_get_peer_simple(wsi, s->peer, sizeof s->peer) == NULL)
        (void)str_copy(s->peer, sizeof s->peer, "unknown");
    head = &srv->sessions[bucket_of(s->id)];
    s->hnext = *head;
    *head = s;
    srv->n_sessions++;
    rc = peers_add(srv->peers, s->peer);
    if (rc < 0)
        return rc;
    s->peer_counted = true;
    return 0;
}

void session_set_user(struct session *s, int64_t user_id)
{
    struct userix *ix = s->srv->users;

    if (s->user_id == user_id)
        return;
    if (ix && s->user_id)
        userix_remove(ix, s->user_id, s->id);
    s->user_id = user_id;
    if (ix && user_id && userix_add(ix, user_id, s->id) < 0)
        log_event(LOG_WARN, "session.index_failed",
                  "sess=%" PRIu64 " uid=%" PRId64 " reason=nomem effect=no_pushes", s->id, user_id);
}

void session_closed(struct session *s)
{
    struct session **pp;

    if (!s->srv)
        return; /* never opened */
    session_set_user(s, 0);
    pp = &s->srv->sessions[bucket_of(s->id)];
    while (*pp && *pp != s)
        pp = &(*pp)->hnext;
    if (*pp) {
        *pp = s->hnext;
        s->srv->n_sessions--;
    }
    if (s->peer_counted)
        peers_remove(s->srv->peers, s->peer);
    frame_asm_release(&s->rx);
    outq_release(&s->out);
    explicit_bzero(s->token_hash, sizeof s->token_hash);
    s->srv = NULL;
}

static size_t soft_limit(const struct session *s)
{
    return (size_t)s->srv->cfg->ws_outq_kib * 1024;
}

void session_close_after_flush(struct session *s, uint16_t code, const char *reason)
{
    if (s->close_code)
        return;
    s->close_code = code;
    s->close_reason = reason;
    lws_callback_on_writable(s->wsi);
}

void session_send_packed(struct session *s, uint8_t *buf, size_t len)
{
    if (s->close_code == LWS_CLOSE_STATUS_POLICY_VIOLATION && !s->out.head) {
        free(buf); /* already dropped as a slow reader */
        return;
    }
    if (outq_push(&s->out, buf, LWS_PRE, len) < 0) {
        free(buf);
        log_event(LOG_ERROR, "session.send_failed", "sess=%" PRIu64 " reason=nomem", s->id);
        session_close_after_flush(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory");
        return;
    }
    switch (outq_pressure(&s->out, soft_limit(s), 4 * soft_limit(s))) {
    case OUTQ_HARD:
        log_event(LOG_WARN, "ws.slow_reader", "sess=%" PRIu64 " queued_bytes=%zu action=close",
                  s->id, s->out.bytes);
        outq_release(&s->out);
        session_close_after_flush(s, LWS_CLOSE_STATUS_POLICY_VIOLATION,
                                  "you are not reading replies fast enough");
        return;
    case OUTQ_SOFT:
        if (!s->rx_paused) {
            log_event(LOG_INFO, "ws.slow_reader", "sess=%" PRIu64 " queued_bytes=%zu action=pause",
                      s->id, s->out.bytes);
            lws_rx_flow_control(s->wsi, 0);
            s->rx_paused = true;
        }
        break;
    case OUTQ_OK:
        break;
    }
    lws_callback_on_writable(s->wsi);
}

void session_send(struct session *s, Envelope *env)
{
    uint8_t *buf = NULL;
    size_t len = 0;
    int rc = wire_pack(env, LWS_PRE, s->srv->cfg->ws_max_frame, &buf, &len);

    if (rc < 0) {
        log_event(LOG_ERROR, "session.pack_failed", "sess=%" PRIu64 " body=%s rc=%d", s->id,
                  wire_body_name(env), rc);
        if (env->body_case != LAB__V1__ENVELOPE__BODY_ERROR)
            session_send_error(s, env->reply_to, LAB__V1__ERROR_CODE__INTERNAL, 0,
                               "the server could not build its answer; try again, and tell the "
                               "operator if it keeps happening");
        return;
    }
    session_send_packed(s, buf, len);
}

void session_send_error(struct session *s, uint64_t reply_to, Lab__V1__ErrorCode code,
                        uint32_t retry_after_ms, const char *text)
{
    Lab__V1__Error e = LAB__V1__ERROR__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;

    e.code = code;
    e.text = (char *)text;
    e.retry_after_ms = retry_after_ms;
    env.reply_to = reply_to;
    env.body_case = LAB__V1__ENVELOPE__BODY_ERROR;
    env.error = &e;
    session_send(s, &env);
}

void session_refuse(struct session *s, const Envelope *req, Lab__V1__ErrorCode code,
                    uint32_t retry_after_ms, const char *text)
{
    char q[LOG_VALUE_MAX + 16];

    log_event(LOG_INFO, "request.refused", "sess=%" PRIu64 " code=%s body=%s user=%s text=%s",
              s->id, wire_error_name(code), wire_body_name(req), s->username[0] ? s->username : "-",
              log_q(q, sizeof q, text));
    session_send_error(s, req->id, code, retry_after_ms, text);
}

static void handle_envelope(struct session *s, const Envelope *env)
{
    const struct route *route = NULL;
    enum route_verdict v;
    uint32_t retry_ms = 0;
    const char *text;
    Lab__V1__ErrorCode code;

    if (!bucket_take(&s->bucket, server_now_us(), s->srv->cfg->limits_requests_per_s,
                     s->srv->cfg->limits_burst, &retry_ms)) {
        session_refuse(s, env, LAB__V1__ERROR_CODE__RATE_LIMITED, retry_ms,
                       "you are sending requests too fast; wait a moment, then try again");
        return;
    }
    if (s->srv->stopping) {
        session_refuse(s, env, LAB__V1__ERROR_CODE__UNAVAILABLE, 5000,
                       "the server is shutting down; reconnect in a few seconds");
        return;
    }
    v = router_check(env->body_case, s->state, s->role, &route);
    if (v != RV_OK) {
        code = router_refusal(v, env->body_case, &text);
        session_refuse(s, env, code, 0, text);
        if (v == RV_NEED_HELLO)
            session_close_after_flush(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "hello expected");
        return;
    }
    log_event(LOG_DEBUG, "request.received", "sess=%" PRIu64 " body=%s id=%" PRIu64, s->id,
              wire_body_name(env), env->id);
    route->handler(s, env);
}

int session_receive(struct session *s, const void *in, size_t len)
{
    struct lab_err err = {0};
    Envelope *env = NULL;
    int rc;

    if (s->close_code)
        return 0; /* closing: ignore whatever else arrives */
    if (lws_is_first_fragment(s->wsi) && !lws_frame_is_binary(s->wsi)) {
        log_event(LOG_WARN, "ws.text_frame", "sess=%" PRIu64 " peer=%s", s->id, s->peer);
        lws_close_reason(s->wsi, LWS_CLOSE_STATUS_UNACCEPTABLE_OPCODE,
                         (unsigned char *)"binary frames only", 18);
        return -1;
    }
    rc = frame_asm_append(&s->rx, in, len, lws_remaining_packet_payload(s->wsi));
    if (rc == LAB_E_TOO_LARGE) {
        log_event(LOG_WARN, "ws.frame_too_large", "sess=%" PRIu64 " peer=%s bytes=%zu max=%u",
                  s->id, s->peer, s->rx.len + len + lws_remaining_packet_payload(s->wsi),
                  s->srv->cfg->ws_max_frame);
        lws_close_reason(s->wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE,
                         (unsigned char *)"message too large", 17);
        return -1;
    }
    if (rc < 0) {
        log_event(LOG_ERROR, "ws.receive_failed", "sess=%" PRIu64 " reason=nomem", s->id);
        lws_close_reason(s->wsi, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION,
                         (unsigned char *)"out of memory", 13);
        return -1;
    }
    if (!lws_is_final_fragment(s->wsi))
        return 0;
    rc = wire_decode(s->rx.buf, s->rx.len, s->srv->cfg->ws_max_frame, &env, &err);
    frame_asm_release(&s->rx);
    if (rc < 0) {
        char text[300], q[LOG_VALUE_MAX + 16];

        s->bad_frames++;
        log_event(LOG_WARN, "ws.bad_frame", "sess=%" PRIu64 " peer=%s count=%u err=%s", s->id,
                  s->peer, s->bad_frames, log_q(q, sizeof q, err.msg));
        snprintf(text, sizeof text,
                 "the server could not read that message (%s); update labclient or report "
                 "the bug",
                 err.msg);
        session_send_error(s, 0, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, text);
        if (s->bad_frames >= SESSION_MAX_BAD_FRAMES)
            session_close_after_flush(s, LWS_CLOSE_STATUS_POLICY_VIOLATION,
                                      "too many invalid messages");
        return 0;
    }
    handle_envelope(s, env);
    wire_free(env);
    return 0;
}

int session_writeable(struct session *s)
{
    struct outq_msg *m = outq_peek(&s->out);

    if (m) {
        int n = lws_write(s->wsi, m->buf + m->headroom, m->len, LWS_WRITE_BINARY);
        if (n < 0) {
            log_event(LOG_INFO, "ws.write_failed", "sess=%" PRIu64, s->id);
            return -1;
        }
        outq_pop(&s->out);
    }
    if (s->rx_paused && outq_pressure(&s->out, soft_limit(s) / 2, 4 * soft_limit(s)) == OUTQ_OK) {
        lws_rx_flow_control(s->wsi, 1);
        s->rx_paused = false;
    }
    if (s->out.head) {
        lws_callback_on_writable(s->wsi);
        return 0;
    }
    if (s->close_code) {
        const char *r = s->close_reason ? s->close_reason : "";
        lws_close_reason(s->wsi, (enum lws_close_status)s->close_code, (unsigned char *)r,
                         strlen(r));
        return -1;
    }
    return 0;
}
