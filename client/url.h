/*
 * url.h — the server address a student types: wss://host:port or, for a
 * test server on this machine only, ws://127.0.0.1:port.
 *
 * Plain ws:// carries passwords in the clear, so it is refused for any host
 * that is not loopback. A missing scheme means wss://, a missing port means
 * URL_DEFAULT_PORT (labserver's default listen port).
 */
#ifndef LAB_CLIENT_URL_H
#define LAB_CLIENT_URL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define URL_DEFAULT_PORT 7443
#define URL_HOST_MAX 256

struct lab_url {
    bool tls;     /* wss:// */
    bool is_ipv6; /* host is an IPv6 literal (stored without brackets) */
    char host[URL_HOST_MAX];
    uint16_t port;
    char path[256]; /* "/" unless the URL had one */
};

/*
 * Parse @s into @u. Returns 0 or LAB_E_PARSE with @err's msg/hint in words a
 * student can act on (bad scheme, bad port, ws:// to a non-loopback host).
 */
int url_parse(const char *s, struct lab_url *u, struct lab_err *err) LAB_MUST_USE;

/* True for localhost, 127.0.0.0/8 and ::1. */
bool url_host_is_loopback(const char *host);

/* "host:port" or "[v6]:port": the key used in known_servers. */
void url_hostport(const struct lab_url *u, char *out, size_t cap);

/* Canonical form "wss://host:port" (path appended when it is not "/"). */
void url_format(const struct lab_url *u, char *out, size_t cap);

#endif
