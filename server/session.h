/*
 * session.h — one websocket connection speaking lab.v1.
 *
 * struct session is the per-session data lws allocates (zeroed) and frees
 * after LWS_CALLBACK_CLOSED; we own only what we put inside it. It is kept
 * small on purpose (no preallocated buffers): the receive buffer exists only
 * while a message is being assembled and the outbound queue only while
 * replies wait. Database completions find a session by its id, never by a
 * pointer kept across threads, so a session may close while a job is in
 * flight.
 */
#ifndef LAB_SERVER_SESSION_H
#define LAB_SERVER_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/wire.h"
#include "server/frame.h"
#include "server/outq.h"
#include "server/peers.h"
#include "server/ratelimit.h"
#include "server/router.h"
#include "server/server.h"

#define SESSION_MAX_BAD_FRAMES 5 /* invalid envelopes before the connection is closed */
#define SESSION_MAX_IN_FLIGHT 16 /* database jobs one connection may have queued */

struct lws;

struct session {
    struct server *srv;
    struct lws *wsi;
    struct session *hnext;
    uint64_t id;
    enum sess_state state;
    Lab__V1__Role role;
    int64_t user_id;
    char username[33];
    char token_hash[65]; /* SHA-256 of this session's token, to log out */
    char peer[PEER_ADDR_MAX];
    bool peer_counted;
    bool rx_paused;
    uint8_t bad_frames;
    uint16_t in_flight;
    uint16_t close_code;      /* non-zero: close once the queue is flushed */
    const char *close_reason; /* static text */
    struct bucket bucket;
    struct frame_asm rx;
    struct outq out;
};

/* The size of lws's LWS_PRE, for code that must not include libwebsockets.h. */
extern const size_t session_headroom;

/*
 * Set up @s (lws's zeroed per-session data) for @wsi and register it.
 * Returns 0, or LAB_E_BUSY when the peer address is over its connection cap
 * (the caller closes with 1008), or LAB_E_NOMEM.
 */
int session_open(struct server *srv, struct session *s, struct lws *wsi) LAB_MUST_USE;

/*
 * Record that @s is now logged in as @user_id (0: logged out), keeping the
 * server's user index (userix.h) in step so pushes reach every session of a
 * user. Call this instead of assigning s->user_id.
 */
void session_set_user(struct session *s, int64_t user_id);

/* Tear down at LWS_CALLBACK_CLOSED: unregister, free buffers. */
void session_closed(struct session *s);

/* The live session with @id, or NULL when it has gone. */
struct session *session_find(struct server *srv, uint64_t id);

/*
 * Queue a packed envelope (payload at @buf + session_headroom, @len bytes).
 * Ownership: the session owns @buf from here, whatever the outcome.
 */
void session_send_packed(struct session *s, uint8_t *buf, size_t len);

/* Pack and queue @env. Failures are logged and answered with INTERNAL. */
void session_send(struct session *s, Envelope *env);

/* Queue an Error reply. */
void session_send_error(struct session *s, uint64_t reply_to, Lab__V1__ErrorCode code,
                        uint32_t retry_after_ms, const char *text);

/* Close with @code/@reason after what is queued has been sent. */
void session_close_after_flush(struct session *s, uint16_t code, const char *reason);

/* Feed one RECEIVE chunk. Returns 0, or -1 when lws must close the connection now. */
int session_receive(struct session *s, const void *in, size_t len);

/* Handle SERVER_WRITEABLE. Returns 0, or -1 to close. */
int session_writeable(struct session *s);

/* Log the refusal of a request and send the error reply. */
void session_refuse(struct session *s, const Envelope *req, Lab__V1__ErrorCode code,
                    uint32_t retry_after_ms, const char *text);

/* Call @fn for every live session. */
void session_for_each(struct server *srv, void (*fn)(struct session *s, void *arg), void *arg);

#endif
