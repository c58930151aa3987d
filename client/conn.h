/*
 * conn.h — labclient's one websocket connection to labserver.
 *
 * The only module that includes libwebsockets.h. It owns the lws context
 * (CONTEXT_PORT_NO_LISTEN, one client wsi at a time), the TLS trust decision
 * (--ca file, else system CAs, else a pinned fingerprint: trust on first
 * use), the Hello handshake, and a blocking request/reply call built on the
 * lws service loop: one request in flight, matched by reply_to, with a
 * deadline. The shell adds stdin to the same loop (conn_watch_stdin), so
 * the connection keeps answering pings while the student types.
 *
 * Failures are reported in a struct fail with the exit code already chosen:
 * 3 (connect_failed / untrusted_certificate / bad_reply), 1 for server errors
 * during the handshake.
 */
#ifndef LAB_CLIENT_CONN_H
#define LAB_CLIENT_CONN_H

#include <stdbool.h>
#include <stdint.h>

#include "client/fail.h"
#include "client/url.h"
#include "proto/wire.h"

#define CONN_TIMEOUT_MS 15000
#define CONN_RX_MAX (4u << 20) /* largest reply we assemble (lab statements are small) */

struct conn;

struct conn_opts {
    struct lab_url url;
    const char *ca_file;    /* NULL: system CAs, then trust on first use */
    const char *known_path; /* known_servers file for pins */
    bool verbose;           /* show lws's own log lines on stderr */
    bool progress;          /* stderr is a terminal: show "waiting..." hints */
    unsigned timeout_ms;    /* per request; 0 means CONN_TIMEOUT_MS */
};

/*
 * A server push (reply_to 0) arrived.
 * Ownership: the handler owns @env and frees it with wire_free() (it may keep it).
 */
typedef void conn_push_fn(void *arg, Envelope *env);
/* conn_wait: return true to stop waiting. Runs between service rounds, never inside lws. */
typedef bool conn_poll_fn(void *arg);
/* stdin is readable (shell). */
typedef void conn_stdin_fn(void *arg);

/*
 * Create the lws context (no connection yet). NULL on failure with @f filled.
 * Ownership: the caller frees the result with conn_free(). @o is copied.
 */
struct conn *conn_new(const struct conn_opts *o, struct fail *f);
void conn_free(struct conn *c);

/*
 * Connect, check the certificate (pin before anything is sent), upgrade to
 * lab.v1 and exchange Hello/HelloOk. Returns 0 or -1 with @f filled; a
 * retryable server refusal (UNAVAILABLE) has f->retry_after_ms > 0.
 */
int conn_connect(struct conn *c, struct fail *f);

bool conn_is_up(const struct conn *c);

/* Close the connection (if any) and wait briefly for the close to finish. */
void conn_disconnect(struct conn *c);

/*
 * Send @req (its id is set here) and wait for the envelope replying to it.
 * Returns 0 with *@reply set (possibly an Error body), or -1 with @f filled
 * when the connection failed, timed out, or the reply was not understood.
 * *@sent tells whether the request left this process (retry safety).
 * Ownership: the caller frees *@reply with wire_free().
 */
int conn_call(struct conn *c, Envelope *req, Envelope **reply, bool *sent, struct fail *f);

/*
 * A request whose answer takes long (live start: the server checks the lab
 * in the sandbox first). While conn_call waits, @tick(@arg) runs every
 * @tick_ms (to animate a progress line) instead of the "Waiting for the
 * server..." hint, and the call gives up after @timeout_ms.
 */
typedef void conn_tick_fn(void *arg);
struct conn_slow {
    unsigned timeout_ms; /* 0: the normal per-request timeout */
    unsigned tick_ms;
    conn_tick_fn *tick; /* may be NULL */
    void *arg;
};

/* Use @s for the following conn_call()s; NULL goes back to normal. @s is copied. */
void conn_set_slow(struct conn *c, const struct conn_slow *s);

/* Keep the connection serviced for @ms milliseconds (waiting before a retry). */
void conn_sleep_ms(struct conn *c, unsigned ms);

/* Pushes (reply_to 0) go to @fn; without one they are dropped. */
void conn_set_push_handler(struct conn *c, conn_push_fn *fn, void *arg);

/* The current push handler (to restore it after replacing it for a while). */
void conn_get_push_handler(const struct conn *c, conn_push_fn **fn, void **arg);

/*
 * Service the connection (pushes arrive) until @poll_fn(@arg) returns true,
 * the connection is lost, or @timeout_ms pass. @poll_fn runs after every
 * service round, and at least every @tick_ms (0: only when something
 * happens), so it can animate a progress line.
 * Returns 0 (@poll_fn said stop), LAB_E_UNAVAILABLE (not connected, or the
 * connection was lost: conn_is_up() is false now) or -ETIMEDOUT.
 */
int conn_wait(struct conn *c, conn_poll_fn *poll_fn, void *arg, unsigned timeout_ms,
              unsigned tick_ms) LAB_MUST_USE;

/*
 * Shell support: watch stdin in the service loop; @fn runs when it is
 * readable. conn_stdin_pause stops watching while a command runs.
 */
int conn_watch_stdin(struct conn *c, conn_stdin_fn *fn, void *arg, struct fail *f);
void conn_stdin_pause(struct conn *c, bool paused);

/* Run the service loop once (blocks until something happens). <0: the context is broken. */
int conn_service(struct conn *c);

#endif
