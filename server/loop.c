/*
 * loop.c — the lws context: protocols, TLS, the /version endpoint, the
 * service loop, wake-ups from other threads, and graceful shutdown.
 *
 * protocols[0] ("http") serves GET /version and refuses websocket upgrades
 * that asked for no subprotocol (lws would otherwise bind them here silently:
 * STACK-NOTES 1.4); protocols[1] ("lab.v1") is the protocol itself.
 * Completions from the DB threads and notifications arrive through
 * lws_cancel_service() and are drained on EVENT_WAIT_CANCELLED, which also
 * fires spuriously, so draining is idempotent.
 */
#include "server/loop.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <libwebsockets.h>
#include <netinet/in.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "common/log.h"
#include "common/str.h"
#include "db/pool.h"
#include "server/live.h"
#include "db/listen.h"
#include "server/push.h"
#include "server/ratelimit.h"
#include "server/session.h"

#define CLOSE_WAIT_US (2 * LWS_US_PER_SEC) /* for close frames to go out */

struct loop_state {
    struct server *srv;
    lws_sorted_usec_list_t sul_tick;
    lws_sorted_usec_list_t sul_live;
    uint64_t close_deadline_us;
};

static struct loop_state g_loop; /* one server per process */

uint64_t server_now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static void lws_log_emit(int level, const char *line)
{
    char buf[512], q[LOG_VALUE_MAX + 16];
    size_t n;

    (void)str_copy(buf, sizeof buf, line);
    n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' '))
        buf[--n] = '\0';
    log_event(level & LLL_ERR ? LOG_ERROR : LOG_WARN, "lws.log", "msg=%s", log_q(q, sizeof q, buf));
}

/* ---- HTTP: /version, and refusing upgrades without our subprotocol ---- */

static const char version_body[] =
    "{\"server\":\"labserver/" LAB_VERSION "\",\"protocols\":[\"" WIRE_SUBPROTOCOL "\"]}\n";

static int http_cb(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                   size_t len)
{
    struct server *srv = g_loop.srv;

    switch (reason) {
    case LWS_CALLBACK_FILTER_NETWORK_CONNECTION:
        if (srv && srv->stopping)
            return 1; /* shutting down: accept nothing new */
        break;
    case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION: {
        char peer[PEER_ADDR_MAX] = "";
        lws_get_peer_simple(wsi, peer, sizeof peer);
        log_event(LOG_WARN, "conn.refused", "peer=%s reason=no_subprotocol", peer);
        return 1;
    }
    case LWS_CALLBACK_OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS:
        /* lws sets RELEASE_BUFFERS per connection already; set it on the context too. */
        if (user)
            SSL_CTX_set_mode((SSL_CTX *)user, SSL_MODE_RELEASE_BUFFERS);
        break;
    case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
        loop_drain(srv);
        break;
    case LWS_CALLBACK_HTTP: {
        uint8_t hdr[LWS_PRE + 512], *start = &hdr[LWS_PRE], *p = start, *end = &hdr[sizeof hdr - 1];
        const char *uri = in;

        if (!uri || strcmp(uri, "/version") != 0) {
            lws_return_http_status(wsi, HTTP_STATUS_NOT_FOUND, NULL);
            return lws_http_transaction_completed(wsi) ? -1 : 0;
        }
        if (lws_add_http_common_headers(wsi, HTTP_STATUS_OK, "application/json",
                                        sizeof version_body - 1, &p, end) ||
            lws_finalize_write_http_header(wsi, start, &p, end))
            return 1;
        lws_callback_on_writable(wsi);
        return 0;
    }
    case LWS_CALLBACK_HTTP_WRITEABLE: {
        uint8_t body[LWS_PRE + sizeof version_body];

        memcpy(&body[LWS_PRE], version_body, sizeof version_body - 1);
        if (lws_write(wsi, &body[LWS_PRE], sizeof version_body - 1, LWS_WRITE_HTTP_FINAL) < 0)
            return -1;
        return lws_http_transaction_completed(wsi) ? -1 : 0;
    }
    default:
        break;
    }
    return lws_callback_http_dummy(wsi, reason, user, in, len);
}

/* ---- lab.v1 ---- */

static int ws_cb(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                 size_t len)
{
    struct server *srv = g_loop.srv;
    struct session *s = user;
    int rc;

    switch (reason) {
    case LWS_CALLBACK_ESTABLISHED:
        rc = session_open(srv, s, wsi);
        if (rc == LAB_E_BUSY) {
            log_event(LOG_WARN, "conn.refused", "sess=%" PRIu64 " peer=%s reason=per_ip_cap max=%u",
                      s->id, s->peer, srv->cfg->limits_conns_per_ip);
            lws_close_reason(wsi, LWS_CLOSE_STATUS_POLICY_VIOLATION,
                             (unsigned char *)"too many connections from your address", 38);
            return -1;
        }
        if (rc < 0) {
            lws_close_reason(wsi, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION,
                             (unsigned char *)"out of memory", 13);
            return -1;
        }
        log_event(LOG_INFO, "conn.opened", "sess=%" PRIu64 " peer=%s", s->id, s->peer);
        if (srv->stopping)
            session_close_after_flush(s, LWS_CLOSE_STATUS_GOINGAWAY, "server shutting down");
        return 0;
    case LWS_CALLBACK_RECEIVE:
        return session_receive(s, in, len);
    case LWS_CALLBACK_SERVER_WRITEABLE:
        if (!s->srv)
            return 0;
        return session_writeable(s);
    case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
        if (len >= 2 && in)
            log_event(LOG_DEBUG, "conn.peer_closed", "sess=%" PRIu64 " code=%u", s->id,
                      ((unsigned)((uint8_t *)in)[0] << 8) | ((uint8_t *)in)[1]);
        return 0;
    case LWS_CALLBACK_CLOSED:
        if (s->srv) {
            log_event(LOG_INFO, "conn.closed", "sess=%" PRIu64 " peer=%s user=%s", s->id, s->peer,
                      s->username[0] ? s->username : "-");
            session_closed(s);
        }
        return 0;
    default:
        return 0;
    }
}

static const struct lws_protocols protocols[] = {
    {.name = "http", .callback = http_cb},
    {.name = WIRE_SUBPROTOCOL,
     .callback = ws_cb,
     .per_session_data_size = sizeof(struct session),
     .rx_buffer_size = 0},
    {0},
};

/* ---- cross-thread wake and drain ---- */

void loop_wake(void *arg)
{
    struct server *srv = arg;

    if (srv && srv->ctx)
        lws_cancel_service(srv->ctx);
}

static bool queue_empty;

static void check_queue(struct session *s, void *arg)
{
    (void)arg;
    if (s->out.head)
        queue_empty = false;
}

static void close_one(struct session *s, void *arg)
{
    (void)arg;
    session_close_after_flush(s, LWS_CLOSE_STATUS_GOINGAWAY, "server shutting down");
}

/* Advance shutdown: stop accepting → finish jobs and replies → close 1001 → leave. */
static void shutdown_step(struct server *srv)
{
    uint64_t now = server_now_us();

    if (srv->stop_signal && !srv->stopping) {
        srv->stopping = true;
        srv->stop_deadline_us = now + (uint64_t)srv->cfg->shutdown_grace_s * 1000000;
        log_event(LOG_INFO, "server.stopping", "sessions=%u jobs=%u", srv->n_sessions,
                  db_pool_pending(srv->db));
    }
    if (!srv->stopping)
        return;
    if (!srv->closing_sessions) {
        queue_empty = true;
        session_for_each(srv, check_queue, NULL);
        if ((db_pool_pending(srv->db) == 0 && queue_empty) || now >= srv->stop_deadline_us) {
            srv->closing_sessions = true;
            g_loop.close_deadline_us = now + CLOSE_WAIT_US;
            session_for_each(srv, close_one, NULL);
        }
    }
    if (srv->closing_sessions && (srv->n_sessions == 0 || now >= g_loop.close_deadline_us))
        srv->done = true;
}

/* Every notification goes to both consumers; each ignores what is not its own. */
static void note_dispatch(void *arg, const char *channel, const char *payload)
{
    push_note(arg, channel, payload);
    live_note(arg, channel, payload);
}

void loop_drain(struct server *srv)
{
    if (!srv)
        return;
    if (srv->db)
        db_pool_drain(srv->db);
    if (srv->notify)
        notify_drain(srv->notify, note_dispatch, srv);
    shutdown_step(srv);
}

static void tick_cb(lws_sorted_usec_list_t *sul)
{
    struct loop_state *ls = lws_container_of(sul, struct loop_state, sul_tick);
    struct server *srv = ls->srv;

    loginlim_sweep(srv->loginlim, server_now_us());
    push_tick(srv);
    loop_drain(srv);
    /* Fast ticks while stopping, so deadlines are noticed promptly. */
    lws_sul_schedule(srv->ctx, 0, &ls->sul_tick, tick_cb,
                     srv->stopping ? 100 * LWS_US_PER_MS : 10 * LWS_US_PER_SEC);
}

/* Live exercises need a finer clock than the housekeeping tick (live.h). */
static void live_tick_cb(lws_sorted_usec_list_t *sul)
{
    struct loop_state *ls = lws_container_of(sul, struct loop_state, sul_live);
    struct server *srv = ls->srv;

    live_tick(srv);
    if (!srv->stopping)
        lws_sul_schedule(srv->ctx, 0, &ls->sul_live, live_tick_cb, LIVE_TICK_MS * LWS_US_PER_MS);
}

/* ---- start-up checks and facts ---- */

/* Find our listening socket and check where it is bound (STACK-NOTES 1.3). */
static int check_bound(const struct server_cfg *cfg, char *out, size_t cap, struct lab_err *err)
{
    for (int fd = 0; fd < 4096; fd++) {
        struct sockaddr_storage ss;
        socklen_t sl = sizeof ss;
        int acc = 0;
        socklen_t al = sizeof acc;
        char addr[INET6_ADDRSTRLEN] = "";
        unsigned port;

        if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &acc, &al) < 0 || !acc)
            continue;
        if (getsockname(fd, (struct sockaddr *)&ss, &sl) < 0)
            continue;
        if (ss.ss_family == AF_INET6) {
            struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
            inet_ntop(AF_INET6, &a->sin6_addr, addr, sizeof addr);
            port = ntohs(a->sin6_port);
        } else if (ss.ss_family == AF_INET) {
            struct sockaddr_in *a = (struct sockaddr_in *)&ss;
            inet_ntop(AF_INET, &a->sin_addr, addr, sizeof addr);
            port = ntohs(a->sin_port);
        } else {
            continue;
        }
        if (port != cfg->listen_port)
            continue;
        snprintf(out, cap, "%s", addr);
        if (cfg->bind_expect[0] && strcmp(addr, cfg->bind_expect) != 0)
            return lab_errf(err, LAB_E_CONFIG,
                            "listening on '%s' instead of '%s' as configured; refusing to run",
                            addr, cfg->bind_expect);
        return 0;
    }
    return lab_errf(err, LAB_E_INTERNAL, "cannot find the listening socket on port %u",
                    cfg->listen_port);
}

static void cert_facts(const char *path, char *subject, size_t scap, char *expiry, size_t ecap)
{
    FILE *f = fopen(path, "r");
    X509 *x = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;

    subject[0] = expiry[0] = '\0';
    if (x) {
        X509_NAME_oneline(X509_get_subject_name(x), subject, (int)scap);
        struct tm tm;
        if (ASN1_TIME_to_tm(X509_get0_notAfter(x), &tm) == 1)
            strftime(expiry, ecap, "%Y-%m-%dT%H:%M:%SZ", &tm);
        X509_free(x);
    }
    if (f)
        fclose(f);
}

/* ---- run ---- */

int loop_create(struct server *srv, struct lab_err *err)
{
    const struct server_cfg *cfg = srv->cfg;
    static lws_retry_bo_t idle; /* must outlive the context */
    struct lws_context_creation_info info;
    char bound[INET6_ADDRSTRLEN] = "", subject[256], expiry[40], q[LOG_VALUE_MAX + 16];

    g_loop.srv = srv;
    lws_set_log_level(LLL_ERR | LLL_WARN, lws_log_emit);
    memset(&idle, 0, sizeof idle);
    idle.secs_since_valid_ping = (uint16_t)cfg->ws_ping_s;
    idle.secs_since_valid_hangup = (uint16_t)cfg->ws_hangup_s;

    memset(&info, 0, sizeof info);
    info.port = (int)cfg->listen_port;
    info.iface = cfg->lws_iface[0] ? cfg->lws_iface : NULL;
    info.protocols = protocols;
    info.vhost_name = "labserver";
    info.retry_and_idle_policy = &idle;
    info.user = srv;
    info.alpn = "http/1.1"; /* ws over h2 would skip the ping/hangup policy */
    info.options = LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE;
    if (cfg->tls_enabled) {
        info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
        info.ssl_cert_filepath = cfg->tls_cert;
        info.ssl_private_key_filepath = cfg->tls_key;
        info.ssl_options_set = SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1;
    }
    srv->ctx = lws_create_context(&info);
    if (!srv->ctx) {
        lab_errf(err, LAB_E_CONFIG, "cannot start listening on %s port %u", cfg->listen_address,
                 cfg->listen_port);
        lab_err_hint(err, "see the lws.log lines above: the port may be in use, or the TLS "
                          "certificate or key unreadable");
        return LAB_E_CONFIG;
    }
    if (check_bound(cfg, bound, sizeof bound, err) < 0)
        return LAB_E_CONFIG;
    if (cfg->tls_enabled) {
        cert_facts(cfg->tls_cert, subject, sizeof subject, expiry, sizeof expiry);
        log_event(LOG_INFO, "server.started",
                  "addr=%s port=%u tls=true cert_subject=%s cert_expires=%s version=%s", bound,
                  cfg->listen_port, log_q(q, sizeof q, subject), expiry, LAB_VERSION);
    } else {
        log_event(LOG_INFO, "server.started", "addr=%s port=%u tls=false version=%s", bound,
                  cfg->listen_port, LAB_VERSION);
    }
    g_loop.srv = srv;
    lws_sul_schedule(srv->ctx, 0, &g_loop.sul_tick, tick_cb, 10 * LWS_US_PER_SEC);
    lws_sul_schedule(srv->ctx, 0, &g_loop.sul_live, live_tick_cb, LIVE_TICK_MS * LWS_US_PER_MS);
    return 0;
}

int loop_run(struct server *srv)
{
    while (!srv->done) {
        if (lws_service(srv->ctx, 0) < 0)
            return LAB_E_INTERNAL;
        if (srv->stop_signal && !srv->stopping) {
            shutdown_step(srv);
            lws_sul_schedule(srv->ctx, 0, &g_loop.sul_tick, tick_cb, 100 * LWS_US_PER_MS);
        }
    }
    return 0;
}

void loop_destroy(struct server *srv)
{
    if (!srv->ctx)
        return;
    lws_sul_cancel(&g_loop.sul_tick);
    lws_sul_cancel(&g_loop.sul_live);
    lws_context_destroy(srv->ctx);
    srv->ctx = NULL;
    g_loop.srv = NULL;
}
