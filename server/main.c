/*
 * main.c — labserver: configuration, start-up order, signals, exit codes.
 *
 * Exit status: 0 clean stop (SIGTERM/SIGINT), 1 runtime failure,
 * 2 configuration or usage error.
 *
 * Start-up order matters: the lws context is created (and the port bound)
 * before the DB threads and the listener start, because their wake-ups go
 * through lws_cancel_service() on that context; shutdown runs in reverse.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "proto/wire.h"
#include "server/config.h"
#include "db/pool.h"
#include "server/live.h"
#include "server/loop.h"
#include "db/listen.h"
#include "server/push.h"
#include "server/peers.h"
#include "server/ratelimit.h"
#include "server/server.h"
#include "server/userix.h"

#define EXIT_RUNTIME 1
#define EXIT_CONFIG 2

static struct server g_srv;

static void on_signal(int sig)
{
    (void)sig;
    g_srv.stop_signal = 1;
    loop_wake(&g_srv);
}

static void report(const struct lab_err *err)
{
    fprintf(stderr, "labserver: %s\n", err->msg);
    if (err->hint[0])
        fprintf(stderr, "labserver: hint: %s\n", err->hint);
}

int main(int argc, char **argv)
{
    struct server_cfg cfg;
    struct lab_err err = {0};
    enum server_action action;
    enum log_level lvl = LOG_INFO;
    struct sigaction sa;
    int rc, status = 0;

    log_set_prog("labserver");
    if (server_cfg_init(&cfg) < 0) {
        fprintf(stderr, "labserver: out of memory\n");
        return EXIT_RUNTIME;
    }
    if (server_cfg_parse_args(&cfg, argc, argv, getenv("LAB_CONFIG"), &action, &err) < 0) {
        report(&err);
        status = EXIT_CONFIG;
        goto out;
    }
    if (action == SERVER_HELP) {
        server_cfg_usage(stdout);
        goto out;
    }
    if (action == SERVER_VERSION) {
        printf("labserver %s (protocol %s, minor %u)\n", LAB_VERSION, WIRE_SUBPROTOCOL, WIRE_MINOR);
        goto out;
    }
    if (server_cfg_validate(&cfg, &err) < 0) {
        report(&err);
        status = EXIT_CONFIG;
        goto out;
    }
    if (action == SERVER_CHECK_CONFIG) {
        server_cfg_print(&cfg, stdout);
        goto out;
    }
    (void)log_level_parse(cfg.log_level, &lvl);
    log_set_level(lvl);

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    g_srv.cfg = &cfg;
    g_srv.loginlim = loginlim_new(cfg.auth_max_login_failures);
    g_srv.peers = peers_new(cfg.limits_conns_per_ip);
    g_srv.users = userix_new();
    g_srv.push = push_new();
    g_srv.live = live_new();
    if (!g_srv.loginlim || !g_srv.peers || !g_srv.users || !g_srv.push || !g_srv.live) {
        fprintf(stderr, "labserver: out of memory\n");
        status = EXIT_RUNTIME;
        goto out;
    }
    rc = loop_create(&g_srv, &err);
    if (rc < 0) {
        report(&err);
        log_event(LOG_ERROR, "server.start_failed", "err=\"%s\"", err.msg);
        status = EXIT_RUNTIME;
        goto out;
    }
    rc = db_pool_start(&g_srv.db, cfg.db_conninfo, cfg.db_pool_size, cfg.db_queue_max, loop_wake,
                       &g_srv);
    if (rc == 0)
        rc = notify_start(&g_srv.notify, cfg.db_conninfo, loop_wake, &g_srv);
    if (rc < 0) {
        log_event(LOG_ERROR, "server.start_failed", "err=\"%s\"", lab_strerror(rc));
        status = EXIT_RUNTIME;
        goto out;
    }
    if (loop_run(&g_srv) < 0)
        status = EXIT_RUNTIME;
out:
    /* Reverse order: workers first (their completions still find sessions), then lws. */
    db_pool_stop(g_srv.db);
    g_srv.db = NULL;
    notify_stop(g_srv.notify);
    g_srv.notify = NULL;
    loop_destroy(&g_srv);
    if (g_srv.cfg && status == 0 && action == SERVER_RUN)
        log_event(LOG_INFO, "server.stopped", NULL);
    /* After loop_destroy: closing sessions still update the user index. */
    userix_free(g_srv.users);
    push_free(g_srv.push);
    live_free(g_srv.live);
    loginlim_free(g_srv.loginlim);
    peers_free(g_srv.peers);
    server_cfg_release(&cfg);
    return status;
}
