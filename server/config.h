/*
 * config.h — labserver's configuration: the key table, command-line parsing
 * and the checks that must pass before the server may start.
 *
 * The effective configuration is built in this order: defaults, then the INI
 * file (--config FILE or $LAB_CONFIG), then command-line overrides in the
 * order given. server_cfg_validate() then enforces the rules the libraries
 * would get wrong silently (plain ws only on loopback, ping < hangup, lws
 * 4.1.6 binding every interface for an IPv4 literal: STACK-NOTES 1.3) and
 * computes the derived fields. After that the struct is read-only.
 */
#ifndef LAB_SERVER_CONFIG_H
#define LAB_SERVER_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "common/cfg.h"
#include "common/err.h"

struct server_cfg {
    char *listen_address;
    uint32_t listen_port;
    bool tls_enabled;
    char *tls_cert;
    char *tls_key;
    char *db_conninfo;
    uint32_t db_pool_size;
    uint32_t db_queue_max;
    uint32_t ws_max_frame;
    uint32_t ws_ping_s;
    uint32_t ws_hangup_s;
    uint32_t ws_outq_kib;
    uint32_t limits_conns_per_ip;
    uint32_t limits_requests_per_s;
    uint32_t limits_burst;
    uint32_t auth_session_ttl_h;
    uint32_t auth_max_login_failures;
    char *log_level;
    uint32_t shutdown_grace_s;
    uint32_t submit_max_code_kib;
    uint32_t submit_per_minute;
    uint32_t submit_max_pending;
    uint32_t live_max_upload_kib;
    uint32_t live_verify_timeout_s;
    uint32_t live_max_minutes;

    /* Derived by server_cfg_validate(). */
    char lws_iface[64];   /* what lws gets as info.iface; "" = every interface */
    char bind_expect[64]; /* the address getsockname() must report; "" = any */
    bool listen_is_loopback;
};

extern const struct cfg_key server_cfg_keys[];

enum server_action { SERVER_RUN, SERVER_HELP, SERVER_VERSION, SERVER_CHECK_CONFIG };

/* Fill @cfg with defaults. 0 or LAB_E_NOMEM. */
int server_cfg_init(struct server_cfg *cfg) LAB_MUST_USE;

/* Free the strings inside @cfg. */
void server_cfg_release(struct server_cfg *cfg);

/*
 * Apply argv (after defaults): --config FILE (else $LAB_CONFIG if @env_config
 * is non-NULL), --set k=v, --listen, --port, --db, --cert, --key, --help,
 * --version, --check-config. Returns 0 with *@action set, or LAB_E_CONFIG
 * with @err filled (a usage error: exit code 2).
 */
int server_cfg_parse_args(struct server_cfg *cfg, int argc, char **argv, const char *env_config,
                          enum server_action *action, struct lab_err *err) LAB_MUST_USE;

/* Check cross-key rules and fill the derived fields. 0 or LAB_E_CONFIG. */
int server_cfg_validate(struct server_cfg *cfg, struct lab_err *err) LAB_MUST_USE;

/*
 * Translate an operator's listen address for lws 4.1.6: "127.0.0.1" becomes
 * "::ffff:127.0.0.1" (an IPv4 literal would bind every interface), "0.0.0.0",
 * "::" and "*" become "" (every interface), "localhost" means 127.0.0.1, an
 * IPv6 literal passes through. @expect gets the address the bound socket must
 * report. Anything else (host or interface names) is LAB_E_CONFIG.
 */
int listen_addr_translate(const char *addr, char *iface, size_t iface_cap, char *expect,
                          size_t expect_cap, bool *is_loopback) LAB_MUST_USE;

/* Print the effective configuration as key=value lines, password in db.conninfo masked. */
void server_cfg_print(const struct server_cfg *cfg, FILE *out);

/* Usage text for --help. */
void server_cfg_usage(FILE *out);

#endif
