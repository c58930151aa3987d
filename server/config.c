/*
 * config.c — labserver's key table, argv handling and start-up checks.
 *
 * One row per key (Redis's shape) gives name, default, bounds and help, so
 * the INI file, --set, --check-config and --help all come from the table.
 */
#include "server/config.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/str.h"

#define K struct server_cfg
const struct cfg_key server_cfg_keys[] = {
    CFG_STR("listen.address", K, listen_address, "127.0.0.1",
            "IP address to listen on (0.0.0.0 or :: = every interface)"),
    CFG_U32("listen.port", K, listen_port, 7443, 1, 65535, "TCP port"),
    CFG_BOOL("tls.enabled", K, tls_enabled, 1,
             "serve wss (plain ws is allowed only on a loopback address)"),
    CFG_STR("tls.cert", K, tls_cert, NULL, "PEM certificate chain"),
    CFG_STR("tls.key", K, tls_key, NULL, "PEM private key"),
    CFG_STR("db.conninfo", K, db_conninfo, "dbname=lab", "libpq connection string"),
    CFG_U32("db.pool_size", K, db_pool_size, 4, 1, 64, "database worker threads"),
    CFG_U32("db.queue_max", K, db_queue_max, 1024, 1, 1000000,
            "queued database jobs before answering 'server busy'"),
    CFG_U32("ws.max_frame", K, ws_max_frame, 640 * 1024, 1024, 16u << 20,
            "largest message accepted or sent, bytes"),
    CFG_U32("ws.ping_s", K, ws_ping_s, 30, 1, 3600, "ping an idle connection after this many s"),
    CFG_U32("ws.hangup_s", K, ws_hangup_s, 45, 2, 7200,
            "hang up when no pong for this many s (must be > ws.ping_s)"),
    CFG_U32("ws.outq_kib", K, ws_outq_kib, 1024, 16, 1u << 20,
            "queued outbound KiB per connection before it stops being read (closed at 4x)"),
    CFG_U32("limits.conns_per_ip", K, limits_conns_per_ip, 64, 1, 100000,
            "websocket connections per client address"),
    CFG_U32("limits.requests_per_s", K, limits_requests_per_s, 20, 1, 100000,
            "sustained requests per second per connection"),
    CFG_U32("limits.burst", K, limits_burst, 40, 1, 100000,
            "requests a connection may send at once before the rate applies"),
    CFG_U32("auth.session_ttl_h", K, auth_session_ttl_h, 720, 1, 87600,
            "session token lifetime, hours"),
    CFG_U32("auth.max_login_failures", K, auth_max_login_failures, 10, 1, 100000,
            "failed logins per username per 15 minutes before refusing"),
    CFG_STR("log.level", K, log_level, "info", "debug, info, warn or error"),
    CFG_U32("server.shutdown_grace_s", K, shutdown_grace_s, 5, 0, 600,
            "seconds to finish in-flight requests on SIGTERM"),
    CFG_U32("submit.max_code_kib", K, submit_max_code_kib, 64, 1, 4096,
            "largest program accepted for grading, KiB (it must also fit in ws.max_frame)"),
    CFG_U32("submit.per_minute", K, submit_per_minute, 10, 1, 10000,
            "submissions per user per minute, counted across every labserver"),
    CFG_U32("submit.max_pending", K, submit_max_pending, 3, 1, 1000,
            "submissions per user waiting for or being graded at once"),
    CFG_U32("live.max_upload_kib", K, live_max_upload_kib, 512, 16, 4096,
            "largest lab an instructor may upload for a live exercise, KiB (all five files)"),
    CFG_U32("live.verify_timeout_s", K, live_verify_timeout_s, 120, 5, 3600,
            "seconds to wait for a labworker to verify an uploaded lab before giving up"),
    CFG_U32("live.max_minutes", K, live_max_minutes, 600, 1, 10080,
            "longest timer a live exercise may have, minutes (longer requests are capped)"),
    CFG_END,
};
#undef K

int server_cfg_init(struct server_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    return cfg_defaults(server_cfg_keys, cfg);
}

void server_cfg_release(struct server_cfg *cfg)
{
    cfg_release(server_cfg_keys, cfg);
}

/* Flags that take a value and the key they set. */
static const struct {
    const char *flag;
    const char *key;
} shortcuts[] = {
    {"--listen", "listen.address"}, {"--port", "listen.port"}, {"--db", "db.conninfo"},
    {"--cert", "tls.cert"},         {"--key", "tls.key"},
};

int server_cfg_parse_args(struct server_cfg *cfg, int argc, char **argv, const char *env_config,
                          enum server_action *action, struct lab_err *err)
{
    const char *config_path = env_config && env_config[0] ? env_config : NULL;
    int rc;

    *action = SERVER_RUN;
    /* First pass: the file, so that flags override it whatever their order. */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--config") == 0) {
            if (i + 1 >= argc)
                return lab_errf(err, LAB_E_CONFIG, "--config needs a file name");
            config_path = argv[++i];
        }
    }
    if (config_path) {
        rc = cfg_load_file(server_cfg_keys, cfg, config_path, err);
        if (rc < 0)
            return LAB_E_CONFIG;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool matched = false;

        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            *action = SERVER_HELP;
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            *action = SERVER_VERSION;
            return 0;
        }
        if (strcmp(a, "--check-config") == 0) {
            *action = SERVER_CHECK_CONFIG;
            continue;
        }
        if (strcmp(a, "--config") == 0) {
            i++;
            continue;
        }
        if (strcmp(a, "--set") == 0) {
            if (i + 1 >= argc)
                return lab_errf(err, LAB_E_CONFIG, "--set needs section.key=value");
            if (cfg_set_kv(server_cfg_keys, cfg, argv[++i], err) < 0)
                return LAB_E_CONFIG;
            continue;
        }
        for (size_t k = 0; k < ARRAY_SIZE(shortcuts); k++) {
            if (strcmp(a, shortcuts[k].flag) != 0)
                continue;
            if (i + 1 >= argc)
                return lab_errf(err, LAB_E_CONFIG, "%s needs a value", a);
            if (cfg_set(server_cfg_keys, cfg, shortcuts[k].key, argv[++i], err) < 0)
                return LAB_E_CONFIG;
            matched = true;
            break;
        }
        if (!matched) {
            lab_errf(err, LAB_E_CONFIG, "unknown argument '%s'", a);
            lab_err_hint(err, "run labserver --help for the list of options");
            return LAB_E_CONFIG;
        }
    }
    return 0;
}

static bool v4_is_loopback(const struct in_addr *a)
{
    return (ntohl(a->s_addr) >> 24) == 127;
}

int listen_addr_translate(const char *addr, char *iface, size_t iface_cap, char *expect,
                          size_t expect_cap, bool *is_loopback)
{
    struct in_addr a4;
    struct in6_addr a6;
    char canon[INET6_ADDRSTRLEN];

    *is_loopback = false;
    if (!addr || !addr[0] || strcmp(addr, "*") == 0 || strcmp(addr, "0.0.0.0") == 0 ||
        strcmp(addr, "::") == 0) {
        iface[0] = '\0';
        expect[0] = '\0';
        return 0;
    }
    if (strcmp(addr, "localhost") == 0)
        addr = "127.0.0.1";
    if (inet_pton(AF_INET, addr, &a4) == 1) {
        inet_ntop(AF_INET, &a4, canon, sizeof canon);
        *is_loopback = v4_is_loopback(&a4);
        if ((size_t)snprintf(iface, iface_cap, "::ffff:%s", canon) >= iface_cap ||
            (size_t)snprintf(expect, expect_cap, "::ffff:%s", canon) >= expect_cap)
            return LAB_E_CONFIG;
        return 0;
    }
    if (inet_pton(AF_INET6, addr, &a6) == 1) {
        inet_ntop(AF_INET6, &a6, canon, sizeof canon);
        if (IN6_IS_ADDR_UNSPECIFIED(&a6)) {
            iface[0] = expect[0] = '\0';
            return 0;
        }
        if (IN6_IS_ADDR_LOOPBACK(&a6))
            *is_loopback = true;
        if (IN6_IS_ADDR_V4MAPPED(&a6)) {
            struct in_addr m;
            memcpy(&m, &a6.s6_addr[12], 4);
            *is_loopback = v4_is_loopback(&m);
        }
        if (str_copy(iface, iface_cap, canon) < 0 || str_copy(expect, expect_cap, canon) < 0)
            return LAB_E_CONFIG;
        return 0;
    }
    return LAB_E_CONFIG;
}

int server_cfg_validate(struct server_cfg *cfg, struct lab_err *err)
{
    enum log_level lvl;

    if (listen_addr_translate(cfg->listen_address, cfg->lws_iface, sizeof cfg->lws_iface,
                              cfg->bind_expect, sizeof cfg->bind_expect,
                              &cfg->listen_is_loopback) < 0) {
        lab_errf(err, LAB_E_CONFIG, "listen.address '%s' is not an IP address",
                 cfg->listen_address ? cfg->listen_address : "");
        lab_err_hint(err, "use an address such as 127.0.0.1, 192.0.2.10, ::1 or 0.0.0.0");
        return LAB_E_CONFIG;
    }
    if (!cfg->tls_enabled && !cfg->listen_is_loopback) {
        lab_errf(err, LAB_E_CONFIG,
                 "refusing plain ws (tls.enabled=false) on non-loopback address '%s'",
                 cfg->listen_address ? cfg->listen_address : "");
        lab_err_hint(err, "set tls.cert and tls.key and keep tls.enabled=true, or listen on "
                          "127.0.0.1 for local testing");
        return LAB_E_CONFIG;
    }
    if (cfg->tls_enabled &&
        (!cfg->tls_cert || !cfg->tls_cert[0] || !cfg->tls_key || !cfg->tls_key[0])) {
        lab_errf(err, LAB_E_CONFIG, "tls.enabled=true needs tls.cert and tls.key");
        lab_err_hint(err, "pass --cert FILE --key FILE, or set them in the [tls] section");
        return LAB_E_CONFIG;
    }
    if (cfg->ws_hangup_s <= cfg->ws_ping_s) {
        lab_errf(err, LAB_E_CONFIG, "ws.hangup_s (%u) must be greater than ws.ping_s (%u)",
                 cfg->ws_hangup_s, cfg->ws_ping_s);
        lab_err_hint(err, "a connection gets hangup_s - ping_s seconds to answer a ping");
        return LAB_E_CONFIG;
    }
    if (cfg->limits_burst < 1) {
        lab_errf(err, LAB_E_CONFIG, "limits.burst must be at least 1");
        return LAB_E_CONFIG;
    }
    if (!cfg->log_level || log_level_parse(cfg->log_level, &lvl) < 0) {
        lab_errf(err, LAB_E_CONFIG, "log.level '%s' is not debug, info, warn or error",
                 cfg->log_level ? cfg->log_level : "");
        return LAB_E_CONFIG;
    }
    if (!cfg->db_conninfo) {
        lab_errf(err, LAB_E_CONFIG, "db.conninfo is empty");
        return LAB_E_CONFIG;
    }
    return 0;
}

/* Copy @ci with the value of any password= keyword replaced by "***". */
static void mask_conninfo(const char *ci, char *out, size_t cap)
{
    size_t o = 0;
    const char *p = ci;

    while (*p && o + 1 < cap) {
        if (strncmp(p, "password=", 9) == 0 && (p == ci || p[-1] == ' ')) {
            const char *mask = "password=***";
            for (const char *m = mask; *m && o + 1 < cap; m++)
                out[o++] = *m;
            p += 9;
            if (*p == '\'') {
                p++;
                while (*p && *p != '\'')
                    p += (*p == '\\' && p[1]) ? 2 : 1;
                if (*p)
                    p++;
            } else {
                while (*p && *p != ' ')
                    p++;
            }
            continue;
        }
        out[o++] = *p++;
    }
    out[o] = '\0';
    /* URIs carry the password as user:password@host. */
    if (strstr(out, "://") && strchr(out, '@'))
        snprintf(out, cap, "%s", "(a postgresql:// URI, not shown because it may hold a password)");
}

void server_cfg_print(const struct server_cfg *cfg, FILE *out)
{
    for (const struct cfg_key *k = server_cfg_keys; k->type != CFG_T_END; k++) {
        if (strcmp(k->name, "db.conninfo") == 0) {
            char masked[1024];
            mask_conninfo(cfg->db_conninfo ? cfg->db_conninfo : "", masked, sizeof masked);
            fprintf(out, "db.conninfo=%s\n", masked);
            continue;
        }
        struct cfg_key one[2] = {*k, CFG_END};
        cfg_print(one, cfg, out);
    }
}

void server_cfg_usage(FILE *out)
{
    fprintf(out, "usage: labserver [--config FILE] [--set section.key=value]... [--listen ADDR]\n"
                 "                 [--port N] [--db CONNINFO] [--cert FILE] [--key FILE]\n"
                 "                 [--check-config] [--help] [--version]\n"
                 "\n"
                 "The configuration file is --config FILE, else $LAB_CONFIG, else none;\n"
                 "flags override it. --check-config prints the effective configuration.\n"
                 "Exit status: 0 clean stop, 1 runtime failure, 2 configuration or usage error.\n"
                 "\nkeys:\n");
    cfg_print_help(server_cfg_keys, out);
}
