/*
 * conn.c — see conn.h. Trust, in order:
 *
 *   --ca FILE   only that file's certificates are trusted (OS CAs disabled),
 *               host name checked by OpenSSL as usual.
 *   otherwise   OS CAs; a chain that verifies is accepted as is. When the
 *               chain does not reach a trusted root (self-signed, unknown
 *               CA: X509 errors 2/18/19/20/21/27) the OpenSSL verify
 *               callback lets the handshake finish but marks the connection
 *               "needs pin"; later errors on such a certificate (host name,
 *               dates) are the pin's business, not the CA's. At
 *               LWS_CALLBACK_CLIENT_ESTABLISHED, before Hello or anything
 *               else is sent, the SHA-256 of the peer certificate's DER is
 *               compared with known_servers: saved with a notice on first
 *               use, refused loudly when it differs.
 *
 * Everything here runs on the one lws service thread; the blocking calls
 * (conn_connect, conn_call) loop on lws_service() until their condition,
 * an error or a deadline (an lws_sul timer) is reached. They are never
 * called from inside an lws callback.
 */
#include "client/conn.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <libwebsockets.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "client/state.h"
#include "common/str.h"
#include "common/token.h"

#define HINT_AFTER_US (1 * LWS_US_PER_SEC)

enum pin_state { PIN_NONE, PIN_MATCH, PIN_SAVED, PIN_MISMATCH, PIN_SAVE_FAILED };

struct conn {
    struct conn_opts o;
    char ca_file[STATE_PATH_MAX];
    char known_path[STATE_PATH_MAX];
    struct lws_context *ctx;
    struct lws *wsi;  /* the websocket; NULL when not connected */
    bool established; /* ws upgrade done */
    bool ready;       /* HelloOk received */
    bool failed;      /* connection error or close while connecting */
    bool tcp_ok;      /* diagnose(): TCP connects, the failure is TLS/websocket */
    char fail_text[256];

    /* TLS */
    bool need_pin; /* chain did not verify against trusted roots */
    int x509_err;  /* first verification error we did not override */
    int x509_depth;
    enum pin_state pin;
    char peer_hex[SHA256_HEX_LEN + 1];
    char pinned_hex[SHA256_HEX_LEN + 1];
    char pin_err[200];

    /* peer close */
    int close_code;
    char close_reason[128];

    /* receive */
    uint8_t *rx;
    size_t rx_len, rx_cap;
    bool rx_bad; /* a frame we could not decode, text frame, or over the cap */
    char rx_err[200];

    /* send: one message at a time */
    uint8_t *tx; /* LWS_PRE + tx_len bytes */
    size_t tx_len;
    bool tx_done;
    size_t max_frame;

    /* the request in flight */
    uint64_t next_id;
    uint64_t wait_id;
    Envelope *reply;

    /* loop */
    lws_sorted_usec_list_t sul_deadline, sul_hint, sul_wake, sul_tick;
    bool deadline_hit, hint_shown, woke;
    char server_name[128];

    conn_push_fn *push_fn;
    void *push_arg;

    /* a slow request (conn_set_slow): its own timeout and progress ticks */
    struct conn_slow slow;
    bool has_slow;

    /* stdin watching (shell) */
    struct lws *stdin_wsi;
    conn_stdin_fn *stdin_fn;
    void *stdin_arg;
    bool stdin_paused;
};

static const lws_retry_bo_t client_idle = {
    .secs_since_valid_ping = 30,
    .secs_since_valid_hangup = 60,
};

static char lws_last_err[256]; /* the last error line lws logged: better reasons for TLS */
static bool lws_verbose;

static void lws_emit(int level, const char *line)
{
    char safe[512];

    if (level & LLL_ERR) {
        str_term_safe(lws_last_err, sizeof lws_last_err, line, strlen(line));
        lws_last_err[strcspn(lws_last_err, "\n")] = '\0';
    }
    if (lws_verbose)
        fprintf(stderr, "lws: %s", str_term_safe(safe, sizeof safe, line, strlen(line)));
}

static struct conn *conn_of(struct lws *wsi)
{
    return lws_context_user(lws_get_context(wsi));
}

/* ---------------------------------------------------------------- TLS trust */

static bool unknown_issuer(int err)
{
    switch (err) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_UNTRUSTED:
        return true;
    default:
        return false;
    }
}

/* OpenSSL verify callback, via lws. 0 = accept the current state. */
static int verify_cert(struct conn *c, X509_STORE_CTX *xs, int preverify_ok)
{
    int err;

    if (preverify_ok)
        return 0;
    err = X509_STORE_CTX_get_error(xs);
    if (!c->o.ca_file && (unknown_issuer(err) || c->need_pin)) {
        /* No CA vouches for this certificate: the pin decides, at ESTABLISHED. */
        c->need_pin = true;
        X509_STORE_CTX_set_error(xs, X509_V_OK);
        return 0;
    }
    if (!c->x509_err) {
        c->x509_err = err;
        c->x509_depth = X509_STORE_CTX_get_error_depth(xs);
    }
    return 0; /* the error stays set: lws fails the handshake */
}

static int peer_fingerprint(struct lws *wsi, char hex[SHA256_HEX_LEN + 1], X509 **out)
{
    SSL *ssl = lws_get_ssl(wsi);
    X509 *x;
    unsigned char *der = NULL;
    int n;

    *out = NULL;
    if (!ssl)
        return LAB_E_INTERNAL;
    x = SSL_get1_peer_certificate(ssl);
    if (!x)
        return LAB_E_INTERNAL;
    n = i2d_X509(x, &der);
    if (n <= 0) {
        X509_free(x);
        return LAB_E_INTERNAL;
    }
    token_sha256_hex(der, (size_t)n, hex);
    OPENSSL_free(der);
    *out = x;
    return 0;
}

/*
 * Decide whether this connection may be used, before anything is sent.
 * Returns 0 to go on, -1 to close (c->pin / fail_text say why).
 */
static int check_peer(struct conn *c, struct lws *wsi)
{
    char hp[URL_HOST_MAX + 16];
    struct lab_err err;
    X509 *x = NULL;
    int rc;

    if (!c->o.url.tls)
        return 0;
    if (peer_fingerprint(wsi, c->peer_hex, &x) < 0) {
        snprintf(c->fail_text, sizeof c->fail_text, "could not read the server's certificate");
        c->x509_err = X509_V_ERR_UNSPECIFIED;
        return -1;
    }
    if (!c->need_pin) {
        /*
         * Verified by a CA. lws 4.1.6 cuts the name it checks at the first
         * ':', which breaks IPv6 literals; check those ourselves.
         */
        if (c->o.url.is_ipv6 && X509_check_ip_asc(x, c->o.url.host, 0) != 1) {
            c->x509_err = X509_V_ERR_IP_ADDRESS_MISMATCH;
            X509_free(x);
            return -1;
        }
        X509_free(x);
        return 0;
    }
    X509_free(x);
    url_hostport(&c->o.url, hp, sizeof hp);
    rc = known_lookup(c->known_path, hp, c->pinned_hex);
    if (rc == 0) {
        if (strcmp(c->pinned_hex, c->peer_hex) == 0) {
            c->pin = PIN_MATCH;
            return 0;
        }
        c->pin = PIN_MISMATCH;
        return -1;
    }
    if (rc != LAB_E_NOT_FOUND) {
        c->pin = PIN_SAVE_FAILED;
        snprintf(c->pin_err, sizeof c->pin_err, "cannot read %.120s: %.60s", c->known_path,
                 lab_strerror(rc));
        return -1;
    }
    if (known_add(c->known_path, hp, c->peer_hex, &err) < 0) {
        c->pin = PIN_SAVE_FAILED;
        snprintf(c->pin_err, sizeof c->pin_err, "%s", err.msg);
        return -1;
    }
    c->pin = PIN_SAVED;
    {
        char fpr[FPR_TEXT_LEN + 1];

        if (fpr_format(c->peer_hex, fpr) == 0)
            fprintf(stderr,
                    "First connection to %s. Its certificate fingerprint is\n  %s\n"
                    "Ask your teacher if it matches. Saved, so labclient will warn you if it "
                    "ever changes.\n",
                    hp, fpr);
    }
    return 0;
}

/* ----------------------------------------------------------- lws callbacks */

static void rx_reset(struct conn *c)
{
    c->rx_len = 0;
}

static void deliver(struct conn *c, Envelope *env)
{
    if (c->wait_id && env->reply_to == c->wait_id && !c->reply) {
        c->reply = env;
        return;
    }
    if (env->reply_to == 0 && c->push_fn) {
        c->push_fn(c->push_arg, env); /* the handler owns it now */
        return;
    }
    wire_free(env);
}

static int on_receive(struct conn *c, struct lws *wsi, const void *in, size_t len)
{
    struct lab_err err;
    Envelope *env = NULL;

    if (lws_is_first_fragment(wsi))
        rx_reset(c);
    if (!lws_frame_is_binary(wsi)) {
        c->rx_bad = true;
        snprintf(c->rx_err, sizeof c->rx_err, "the server sent a text message");
        return -1;
    }
    if (c->rx_len + len + lws_remaining_packet_payload(wsi) > CONN_RX_MAX) {
        c->rx_bad = true;
        snprintf(c->rx_err, sizeof c->rx_err, "the server sent a message that is too large");
        return -1;
    }
    if (c->rx_len + len > c->rx_cap) {
        size_t cap = c->rx_cap ? c->rx_cap : 8192;
        uint8_t *b;

        while (cap < c->rx_len + len)
            cap *= 2;
        b = realloc(c->rx, cap);
        if (!b) {
            c->rx_bad = true;
            snprintf(c->rx_err, sizeof c->rx_err, "out of memory");
            return -1;
        }
        c->rx = b;
        c->rx_cap = cap;
    }
    memcpy(c->rx + c->rx_len, in, len);
    c->rx_len += len;
    if (!lws_is_final_fragment(wsi))
        return 0;
    if (wire_decode(c->rx, c->rx_len, CONN_RX_MAX, &env, &err) < 0) {
        c->rx_bad = true;
        snprintf(c->rx_err, sizeof c->rx_err,
                 "the server sent a message labclient does not understand (%.120s)", err.msg);
        rx_reset(c);
        return -1;
    }
    rx_reset(c);
    deliver(c, env);
    return 0;
}

static int client_cb(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                     size_t len)
{
    struct conn *c = lws_get_context(wsi) ? conn_of(wsi) : NULL;

    if (!c)
        return 0;
    switch (reason) {
    case LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION:
        return verify_cert(c, (X509_STORE_CTX *)user, (int)len);

    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
        c->failed = true;
        c->wsi = NULL;
        str_term_safe(c->fail_text, sizeof c->fail_text, in ? (const char *)in : "",
                      in ? strlen((const char *)in) : 0);
        c->fail_text[strcspn(c->fail_text, "\n")] = '\0';
        return 0;

    case LWS_CALLBACK_CLIENT_ESTABLISHED:
        if (check_peer(c, wsi) < 0) {
            c->failed = true;
            return -1;
        }
        c->established = true;
        return 0;

    case LWS_CALLBACK_CLIENT_RECEIVE:
        return on_receive(c, wsi, in, len);

    case LWS_CALLBACK_CLIENT_WRITEABLE:
        if (!c->tx || c->tx_done)
            return 0; /* spurious writeable: nothing queued */
        if (lws_write(wsi, c->tx + LWS_PRE, c->tx_len, LWS_WRITE_BINARY) < (int)c->tx_len) {
            snprintf(c->fail_text, sizeof c->fail_text, "sending failed");
            return -1;
        }
        c->tx_done = true;
        return 0;

    case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
        if (len >= 2) {
            const unsigned char *p = in;

            c->close_code = (p[0] << 8) | p[1];
            str_term_safe(c->close_reason, sizeof c->close_reason, (const char *)p + 2, len - 2);
        }
        return 0;

    case LWS_CALLBACK_CLIENT_CLOSED:
        c->wsi = NULL;
        c->established = false;
        c->ready = false;
        return 0;

    case LWS_CALLBACK_RAW_RX_FILE:
        if (c->stdin_fn && !c->stdin_paused)
            c->stdin_fn(c->stdin_arg);
        return 0;

    case LWS_CALLBACK_RAW_CLOSE_FILE:
        if (wsi == c->stdin_wsi)
            c->stdin_wsi = NULL;
        return 0;

    default:
        return 0;
    }
}

static const struct lws_protocols protocols[] = {
    {.name = WIRE_SUBPROTOCOL, .callback = client_cb, .rx_buffer_size = 0},
    {.name = "labclient-stdin", .callback = client_cb},
    {0},
};

/* ----------------------------------------------------------------- the loop */

static void deadline_cb(lws_sorted_usec_list_t *sul)
{
    struct conn *c = lws_container_of(sul, struct conn, sul_deadline);

    c->deadline_hit = true;
}

static void hint_cb(lws_sorted_usec_list_t *sul)
{
    struct conn *c = lws_container_of(sul, struct conn, sul_hint);

    if (c->o.progress) {
        fprintf(stderr, "Waiting for the server...");
        fflush(stderr);
        c->hint_shown = true;
    }
}

static void wake_cb(lws_sorted_usec_list_t *sul)
{
    struct conn *c = lws_container_of(sul, struct conn, sul_wake);

    c->woke = true;
}

typedef bool done_fn(const struct conn *c);

/* Service until @done, a failure, or @timeout_ms. Returns true if @done. */
static bool run_until(struct conn *c, done_fn *done, unsigned timeout_ms, bool hint)
{
    bool ok;

    c->deadline_hit = false;
    lws_sul_schedule(c->ctx, 0, &c->sul_deadline, deadline_cb,
                     (lws_usec_t)timeout_ms * LWS_US_PER_MS);
    if (hint)
        lws_sul_schedule(c->ctx, 0, &c->sul_hint, hint_cb, HINT_AFTER_US);
    while (!(ok = done(c)) && !c->deadline_hit) {
        if (lws_service(c->ctx, 0) < 0)
            break;
    }
    lws_sul_cancel(&c->sul_deadline);
    lws_sul_cancel(&c->sul_hint);
    if (c->hint_shown) {
        fprintf(stderr, "\r\033[K"); /* erase our own hint line */
        fflush(stderr);
        c->hint_shown = false;
    }
    return ok;
}

/* ------------------------------------------------------------------ public */

struct conn *conn_new(const struct conn_opts *o, struct fail *f)
{
    struct lws_context_creation_info info;
    struct conn *c = calloc(1, sizeof *c);

    if (!c) {
        fail_set(f, EXIT_CONNECT, "connect_failed", "out of memory");
        return NULL;
    }
    c->o = *o;
    if (!c->o.timeout_ms)
        c->o.timeout_ms = CONN_TIMEOUT_MS;
    if (o->ca_file) {
        snprintf(c->ca_file, sizeof c->ca_file, "%s", o->ca_file);
        c->o.ca_file = c->ca_file;
    }
    snprintf(c->known_path, sizeof c->known_path, "%s", o->known_path ? o->known_path : "");
    c->o.known_path = c->known_path;
    c->max_frame = WIRE_DEFAULT_MAX_FRAME;
    c->next_id = 1;

    lws_verbose = o->verbose;
    lws_set_log_level(o->verbose ? LLL_ERR | LLL_WARN | LLL_NOTICE : LLL_ERR, lws_emit);

    memset(&info, 0, sizeof info);
    info.port = CONTEXT_PORT_NO_LISTEN;
    info.protocols = protocols;
    info.gid = -1;
    info.uid = -1;
    info.fd_limit_per_thread = 16;
    info.user = c;
    info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
    if (c->o.ca_file) {
        /* --ca means "this file, instead of": the OS store must not vouch too. */
        info.options |= LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS;
        info.client_ssl_ca_filepath = c->o.ca_file;
    }
    c->ctx = lws_create_context(&info);
    if (!c->ctx) {
        fail_set(f, EXIT_CONNECT, "connect_failed", "could not start the network layer (%s)",
                 lws_last_err[0] ? lws_last_err : "libwebsockets failed");
        free(c);
        return NULL;
    }
    return c;
}

static bool is_closed(const struct conn *c)
{
    return !c->wsi;
}

void conn_disconnect(struct conn *c)
{
    if (c->wsi) {
        lws_set_timeout(c->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
        run_until(c, is_closed, 2000, false);
    }
    c->wsi = NULL;
    c->established = false;
    c->ready = false;
}

void conn_free(struct conn *c)
{
    if (!c)
        return;
    if (c->ctx) {
        lws_sul_cancel(&c->sul_deadline);
        lws_sul_cancel(&c->sul_hint);
        lws_sul_cancel(&c->sul_wake);
        lws_sul_cancel(&c->sul_tick);
        lws_context_destroy(c->ctx);
    }
    wire_free(c->reply);
    free(c->rx);
    free(c->tx);
    free(c);
}

bool conn_is_up(const struct conn *c)
{
    return c->wsi && c->ready;
}

void conn_set_push_handler(struct conn *c, conn_push_fn *fn, void *arg)
{
    c->push_fn = fn;
    c->push_arg = arg;
}

void conn_get_push_handler(const struct conn *c, conn_push_fn **fn, void **arg)
{
    *fn = c->push_fn;
    *arg = c->push_arg;
}

static bool is_established(const struct conn *c)
{
    return c->established || c->failed || !c->wsi;
}

/*
 * lws 4.1.6 reports "Unable to connect" whatever happened. Find the real
 * reason with a name lookup and one plain TCP connect (3 s at most), so the
 * student reads "connection refused" or "name not found" instead.
 */
static void diagnose(struct conn *c)
{
    struct addrinfo hints, *res = NULL;
    char port[8];
    int rc;

    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    snprintf(port, sizeof port, "%u", (unsigned)c->o.url.port);
    rc = getaddrinfo(c->o.url.host, port, &hints, &res);
    if (rc != 0) {
        snprintf(c->fail_text, sizeof c->fail_text, "the name '%.200s' was not found",
                 c->o.url.host);
        return;
    }
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        struct pollfd pfd;
        int err = 0;
        socklen_t elen = sizeof err;

        if (fd < 0)
            continue;
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0 && errno != EINPROGRESS) {
            err = errno;
        } else {
            pfd.fd = fd;
            pfd.events = POLLOUT;
            if (poll(&pfd, 1, 3000) <= 0)
                err = ETIMEDOUT;
            else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0)
                err = errno;
        }
        close(fd);
        if (err) {
            snprintf(c->fail_text, sizeof c->fail_text, "%s",
                     err == ECONNREFUSED ? "connection refused"
                     : err == ETIMEDOUT  ? "no answer: timed out"
                                         : strerror(err));
            continue;
        }
        /* TCP works: the problem is above it (TLS or websocket). */
        {
            char lws_text[sizeof c->fail_text];

            snprintf(lws_text, sizeof lws_text, "%s", c->fail_text);
            snprintf(c->fail_text, sizeof c->fail_text,
                     "it answers, but not as a lab server speaking %s: %.120s", WIRE_SUBPROTOCOL,
                     lws_text[0] ? lws_text : "upgrade failed");
            c->tcp_ok = true;
        }
        break;
    }
    freeaddrinfo(res);
}

/* Describe a failed connection attempt in @f. Always returns -1. */
static int connect_failure(struct conn *c, struct fail *f)
{
    char url[URL_HOST_MAX + 300], hp[URL_HOST_MAX + 16];

    url_format(&c->o.url, url, sizeof url);
    url_hostport(&c->o.url, hp, sizeof hp);
    if (c->pin == PIN_MISMATCH) {
        char want[FPR_TEXT_LEN + 1] = "?", got[FPR_TEXT_LEN + 1] = "?";

        if (fpr_format(c->pinned_hex, want) < 0 || fpr_format(c->peer_hex, got) < 0)
            want[0] = got[0] = '?';
        fail_set(f, EXIT_CONNECT, "untrusted_certificate",
                 "WARNING: the certificate of %s has CHANGED. labclient did not send your password "
                 "or session.\n"
                 "  saved fingerprint:   %s\n  server's fingerprint: %s\n"
                 "Someone may be pretending to be the server, or the teacher replaced its "
                 "certificate.",
                 hp, want, got);
        fail_hint(f,
                  "Tell your teacher. Only if your teacher says the server's certificate was "
                  "replaced, run: labclient forget-server %s",
                  hp);
        return -1;
    }
    if (c->pin == PIN_SAVE_FAILED) {
        fail_set(f, EXIT_CONNECT, "untrusted_certificate",
                 "Could not save the certificate fingerprint of %s (%s), so labclient did not "
                 "connect.",
                 hp, c->pin_err);
        fail_hint(f, "Check that your home folder is writable, then try again.");
        return -1;
    }
    if (c->x509_err) {
        fail_set(f, EXIT_CONNECT, "untrusted_certificate",
                 "The certificate of %s is not trusted: %s.", hp,
                 X509_verify_cert_error_string(c->x509_err));
        if (c->o.ca_file)
            fail_hint(f,
                      "Check that %s is the right certificate file for this server (ask your "
                      "teacher).",
                      c->o.ca_file);
        else
            fail_hint(f, "Check the address with your teacher; if the school uses its own "
                         "certificate, your teacher can give you the file for --ca.");
        return -1;
    }
    if (c->rx_bad) {
        fail_set(f, EXIT_CONNECT, "bad_reply", "Connected to %s, but %s.", url, c->rx_err);
        fail_hint(f, "Check that the address is a lab server and that labclient is up to date.");
        return -1;
    }
    if (c->close_code) {
        fail_set(f, EXIT_CONNECT, "connect_failed", "The server at %s closed the connection%s%s.",
                 url, c->close_reason[0] ? ": " : "", c->close_reason);
        fail_hint(f, "Try again in a minute. If it keeps happening, tell your teacher.");
        return -1;
    }
    diagnose(c);
    fail_set(f, EXIT_CONNECT, "connect_failed", "Could not reach the server at %s (%s).", url,
             c->fail_text[0] ? c->fail_text : "no answer");
    if (c->tcp_ok)
        fail_hint(f, "Check the address with your teacher (wss:// or ws://, and the port). If "
                     "it is right, labclient may need an update.");
    else
        fail_hint(f, "Is the server running? Check the address with your teacher.");
    return -1;
}

static void reset_conn_state(struct conn *c)
{
    c->established = c->ready = c->failed = c->tcp_ok = false;
    c->fail_text[0] = '\0';
    c->need_pin = false;
    c->x509_err = c->x509_depth = 0;
    c->pin = PIN_NONE;
    c->peer_hex[0] = c->pinned_hex[0] = c->pin_err[0] = '\0';
    c->close_code = 0;
    c->close_reason[0] = '\0';
    c->rx_bad = false;
    c->rx_len = 0;
    lws_last_err[0] = '\0';
}

int conn_connect(struct conn *c, struct fail *f)
{
    struct lws_client_connect_info ci;
    Lab__V1__Hello hello = LAB__V1__HELLO__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    char hostport[URL_HOST_MAX + 16];
    bool sent;
    int rc;

    if (c->wsi)
        conn_disconnect(c);
    reset_conn_state(c);
    url_hostport(&c->o.url, hostport, sizeof hostport);

    memset(&ci, 0, sizeof ci);
    ci.context = c->ctx;
    ci.address = c->o.url.host;
    ci.port = c->o.url.port;
    ci.path = c->o.url.path;
    ci.host = c->o.url.is_ipv6 ? hostport : c->o.url.host;
    ci.origin = ci.host;
    ci.protocol = WIRE_SUBPROTOCOL;
    ci.ssl_connection = c->o.url.tls ? LCCSCF_USE_SSL : 0;
    if (c->o.url.tls && c->o.url.is_ipv6)
        ci.ssl_connection |= LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK; /* checked in check_peer */
    ci.retry_and_idle_policy = &client_idle;
    ci.pwsi = &c->wsi;
    if (!lws_client_connect_via_info(&ci) && !c->failed) {
        c->failed = true;
        snprintf(c->fail_text, sizeof c->fail_text, "%s",
                 lws_last_err[0] ? lws_last_err : "could not start connecting");
    }
    if (!c->failed && !run_until(c, is_established, c->o.timeout_ms, true)) {
        snprintf(c->fail_text, sizeof c->fail_text, "no answer after %u seconds",
                 c->o.timeout_ms / 1000);
        conn_disconnect(c);
        return connect_failure(c, f);
    }
    if (c->failed || !c->established) {
        if (c->wsi)
            conn_disconnect(c);
        if (!c->fail_text[0] && lws_last_err[0])
            snprintf(c->fail_text, sizeof c->fail_text, "%s", lws_last_err);
        return connect_failure(c, f);
    }

    hello.min_minor = WIRE_MIN_MINOR;
    hello.max_minor = WIRE_MINOR;
    hello.client = (char *)"labclient/" LAB_VERSION;
    req.body_case = LAB__V1__ENVELOPE__BODY_HELLO;
    req.hello = &hello;
    c->ready = true; /* conn_call needs it; cleared below on failure */
    rc = conn_call(c, &req, &reply, &sent, f);
    if (rc < 0) {
        c->ready = false;
        conn_disconnect(c);
        return -1;
    }
    if (reply->body_case == LAB__V1__ENVELOPE__BODY_HELLO_OK) {
        const Lab__V1__HelloOk *ok = reply->hello_ok;

        if (ok->max_frame >= 1024)
            c->max_frame = ok->max_frame;
        str_term_safe(c->server_name, sizeof c->server_name, ok->server ? ok->server : "",
                      ok->server ? strlen(ok->server) : 0);
        wire_free(reply);
        return 0;
    }
    c->ready = false;
    if (reply->body_case == LAB__V1__ENVELOPE__BODY_ERROR) {
        const Lab__V1__Error *e = reply->error;
        char text[400];

        str_term_safe(text, sizeof text, e->text ? e->text : "", e->text ? strlen(e->text) : 0);
        if (e->code == LAB__V1__ERROR_CODE__VERSION_MISMATCH) {
            fail_set(f, EXIT_REFUSED, "version_mismatch",
                     "This server speaks a different protocol version: %s", text);
            fail_hint(f, "Update labclient (ask your teacher which version to use).");
        } else {
            fail_set(f, EXIT_REFUSED, wire_error_name(e->code),
                     "The server refused the "
                     "connection: %s",
                     text);
            fail_hint(f, "Try again in a minute. If it keeps happening, tell your teacher.");
            f->retry_after_ms = e->retry_after_ms;
        }
    } else {
        fail_set(f, EXIT_CONNECT, "bad_reply", "The server answered Hello with '%s'.",
                 wire_body_name(reply));
        fail_hint(f, "Check that the address is a lab server and that labclient is up to date.");
    }
    wire_free(reply);
    conn_disconnect(c);
    return -1;
}

static void tick_cb(lws_sorted_usec_list_t *sul);

/* run_until for a slow request: its own timeout, and the caller's tick instead of the hint. */
static bool run_ticking(struct conn *c, done_fn *done)
{
    bool ok;

    c->deadline_hit = false;
    lws_sul_schedule(c->ctx, 0, &c->sul_deadline, deadline_cb,
                     (lws_usec_t)c->slow.timeout_ms * LWS_US_PER_MS);
    while (!(ok = done(c)) && !c->deadline_hit) {
        if (c->slow.tick)
            c->slow.tick(c->slow.arg);
        lws_sul_schedule(c->ctx, 0, &c->sul_tick, tick_cb,
                         (lws_usec_t)(c->slow.tick_ms ? c->slow.tick_ms : 250) * LWS_US_PER_MS);
        if (lws_service(c->ctx, 0) < 0)
            break;
    }
    lws_sul_cancel(&c->sul_deadline);
    lws_sul_cancel(&c->sul_tick);
    return ok;
}

void conn_set_slow(struct conn *c, const struct conn_slow *s)
{
    c->has_slow = s != NULL;
    if (s) {
        c->slow = *s;
        if (!c->slow.timeout_ms)
            c->slow.timeout_ms = c->o.timeout_ms;
    }
}

static bool has_reply(const struct conn *c)
{
    return c->reply || !c->wsi || c->rx_bad;
}

int conn_call(struct conn *c, Envelope *req, Envelope **reply, bool *sent, struct fail *f)
{
    char url[URL_HOST_MAX + 300];
    uint8_t *buf = NULL;
    size_t len = 0;
    int rc;

    *reply = NULL;
    *sent = false;
    url_format(&c->o.url, url, sizeof url);
    if (!c->wsi || !c->ready) {
        fail_set(f, EXIT_CONNECT, "connect_failed", "Not connected to %s.", url);
        fail_hint(f, "Try again.");
        return -1;
    }
    req->id = c->next_id++;
    req->reply_to = 0;
    rc = wire_pack(req, LWS_PRE, c->max_frame, &buf, &len);
    if (rc < 0) {
        return fail_set(f, EXIT_REFUSED, rc == LAB_E_TOO_LARGE ? "too_large" : "internal",
                        "This request is too large to send (%zu bytes at most).", c->max_frame);
    }
    free(c->tx);
    c->tx = buf;
    c->tx_len = len;
    c->tx_done = false;
    c->wait_id = req->id;
    wire_free(c->reply);
    c->reply = NULL;
    c->rx_bad = false;
    lws_callback_on_writable(c->wsi);

    if (c->has_slow)
        run_ticking(c, has_reply);
    else
        run_until(c, has_reply, c->o.timeout_ms, true);
    *sent = c->tx_done;
    c->wait_id = 0;
    free(c->tx);
    c->tx = NULL;
    if (c->reply) {
        *reply = c->reply;
        c->reply = NULL;
        return 0;
    }
    if (c->rx_bad) {
        conn_disconnect(c);
        fail_set(f, EXIT_CONNECT, "bad_reply", "Connected to %s, but %s.", url, c->rx_err);
        fail_hint(f, "Check that labclient is up to date (labclient --version).");
        return -1;
    }
    if (!c->wsi) {
        c->ready = false;
        if (c->close_code)
            fail_set(f, EXIT_CONNECT, "connect_failed",
                     "The server at %s closed the connection%s%s.", url,
                     c->close_reason[0] ? ": " : "", c->close_reason);
        else
            fail_set(f, EXIT_CONNECT, "connect_failed", "Lost the connection to %s.", url);
        fail_hint(f, "Try again. If it keeps happening, check your network or tell your "
                     "teacher.");
        return -1;
    }
    conn_disconnect(c);
    fail_set(f, EXIT_CONNECT, "connect_failed",
             "The server at %s did not answer within %u "
             "seconds.",
             url, (c->has_slow ? c->slow.timeout_ms : c->o.timeout_ms) / 1000);
    fail_hint(f, "Try again in a minute. If it keeps happening, tell your teacher.");
    return -1;
}

static bool has_woken(const struct conn *c)
{
    return c->woke;
}

void conn_sleep_ms(struct conn *c, unsigned ms)
{
    c->woke = false;
    lws_sul_schedule(c->ctx, 0, &c->sul_wake, wake_cb, (lws_usec_t)ms * LWS_US_PER_MS);
    run_until(c, has_woken, ms + 1000, false);
    lws_sul_cancel(&c->sul_wake);
}

static void tick_cb(lws_sorted_usec_list_t *sul)
{
    (void)sul; /* only makes lws_service() return, so the poll function runs */
}

int conn_wait(struct conn *c, conn_poll_fn *poll_fn, void *arg, unsigned timeout_ms,
              unsigned tick_ms)
{
    int rc;

    if (!c->wsi || !c->ready)
        return LAB_E_UNAVAILABLE;
    c->deadline_hit = false;
    c->rx_bad = false;
    lws_sul_schedule(c->ctx, 0, &c->sul_deadline, deadline_cb,
                     (lws_usec_t)timeout_ms * LWS_US_PER_MS);
    for (;;) {
        if (poll_fn(arg)) {
            rc = 0;
            break;
        }
        if (!c->wsi || c->rx_bad) {
            rc = LAB_E_UNAVAILABLE;
            break;
        }
        if (c->deadline_hit) {
            rc = -ETIMEDOUT;
            break;
        }
        if (tick_ms)
            lws_sul_schedule(c->ctx, 0, &c->sul_tick, tick_cb, (lws_usec_t)tick_ms * LWS_US_PER_MS);
        if (lws_service(c->ctx, 0) < 0) {
            rc = LAB_E_UNAVAILABLE;
            break;
        }
    }
    lws_sul_cancel(&c->sul_deadline);
    lws_sul_cancel(&c->sul_tick);
    if (rc == LAB_E_UNAVAILABLE) {
        if (c->wsi)
            conn_disconnect(c); /* a frame we could not read: start afresh */
        c->ready = false;
    }
    return rc;
}

int conn_watch_stdin(struct conn *c, conn_stdin_fn *fn, void *arg, struct fail *f)
{
    lws_sock_file_fd_type u;
    int fd = dup(STDIN_FILENO);

    if (fd < 0)
        return fail_set(f, EXIT_USAGE, "usage", "cannot read from the terminal: %s",
                        strerror(errno));
    u.filefd = (lws_filefd_type)fd;
    c->stdin_fn = fn;
    c->stdin_arg = arg;
    /* lws closes the descriptor it adopted, hence the dup (STACK-NOTES 1.11). */
    c->stdin_wsi = lws_adopt_descriptor_vhost(lws_get_vhost_by_name(c->ctx, "default"),
                                              LWS_ADOPT_RAW_FILE_DESC, u, "labclient-stdin", NULL);
    if (!c->stdin_wsi)
        return fail_set(f, EXIT_USAGE, "usage", "cannot watch the terminal for input");
    return 0;
}

void conn_stdin_pause(struct conn *c, bool paused)
{
    c->stdin_paused = paused;
    if (c->stdin_wsi)
        lws_rx_flow_control(c->stdin_wsi, paused ? 0 : 1);
}

int conn_service(struct conn *c)
{
    return lws_service(c->ctx, 0);
}
