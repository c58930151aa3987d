/*
 * url.c — see url.h. Hand-written because the grammar we accept is tiny and
 * every rejection needs a sentence a 14-year-old can act on.
 */
#include "client/url.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/str.h"

bool url_host_is_loopback(const char *host)
{
    struct in_addr a4;
    struct in6_addr a6;

    if (strcasecmp(host, "localhost") == 0)
        return true;
    if (inet_pton(AF_INET, host, &a4) == 1)
        return (ntohl(a4.s_addr) >> 24) == 127;
    if (inet_pton(AF_INET6, host, &a6) == 1)
        return IN6_IS_ADDR_LOOPBACK(&a6);
    return false;
}

static bool host_name_ok(const char *h)
{
    size_t n = strlen(h);

    if (n == 0 || n > 253 || h[0] == '-' || h[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = h[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.'))
            return false;
    }
    return true;
}

static int bad(struct lab_err *err, const char *s, const char *why)
{
    char q[120];

    lab_errf(err, LAB_E_PARSE, "'%s' is not a server address I understand: %s",
             str_term_safe(q, sizeof q, s, strlen(s)), why);
    lab_err_hint(err, "use the form wss://HOST:PORT, for example wss://lab.school.example:7443");
    return LAB_E_PARSE;
}

int url_parse(const char *s, struct lab_url *u, struct lab_err *err)
{
    const char *p = s, *hend, *pstart;
    char hostbuf[URL_HOST_MAX];
    size_t hlen;

    memset(u, 0, sizeof *u);
    u->tls = true;
    u->port = URL_DEFAULT_PORT;
    if (strncasecmp(p, "wss://", 6) == 0) {
        p += 6;
    } else if (strncasecmp(p, "ws://", 5) == 0) {
        u->tls = false;
        p += 5;
    } else if (strstr(p, "://")) {
        return bad(err, s, "it must start with wss://");
    }

    if (*p == '[') {
        struct in6_addr a6;

        hend = strchr(p, ']');
        if (!hend)
            return bad(err, s, "the IPv6 address has no closing ']'");
        hlen = (size_t)(hend - p - 1);
        if (hlen == 0 || hlen >= sizeof hostbuf)
            return bad(err, s, "the IPv6 address is empty or too long");
        memcpy(hostbuf, p + 1, hlen);
        hostbuf[hlen] = '\0';
        if (inet_pton(AF_INET6, hostbuf, &a6) != 1)
            return bad(err, s, "the IPv6 address is not valid");
        u->is_ipv6 = true;
        p = hend + 1;
        if (*p && *p != ':' && *p != '/')
            return bad(err, s, "unexpected text after the IPv6 address");
    } else {
        hend = p + strcspn(p, ":/");
        hlen = (size_t)(hend - p);
        if (hlen == 0)
            return bad(err, s, "the host name is missing");
        if (hlen >= sizeof hostbuf)
            return bad(err, s, "the host name is too long");
        memcpy(hostbuf, p, hlen);
        hostbuf[hlen] = '\0';
        if (!host_name_ok(hostbuf))
            return bad(err, s, "the host name has characters that cannot be in a host name");
        p = hend;
    }
    /* Host names are case-insensitive; one spelling keeps known_servers keys unique. */
    for (size_t i = 0; i < hlen; i++)
        if (hostbuf[i] >= 'A' && hostbuf[i] <= 'Z')
            hostbuf[i] = (char)(hostbuf[i] - 'A' + 'a');
    memcpy(u->host, hostbuf, hlen + 1);

    if (*p == ':') {
        char portbuf[8];
        uint64_t port;
        size_t plen;

        p++;
        plen = strcspn(p, "/");
        if (plen == 0 || plen >= sizeof portbuf)
            return bad(err, s, "the port must be a number from 1 to 65535");
        memcpy(portbuf, p, plen);
        portbuf[plen] = '\0';
        if (parse_u64(portbuf, 65535, &port) < 0 || port == 0)
            return bad(err, s, "the port must be a number from 1 to 65535");
        u->port = (uint16_t)port;
        p += plen;
    }

    pstart = p;
    if (*pstart == '\0')
        pstart = "/";
    if (strlen(pstart) >= sizeof u->path)
        return bad(err, s, "the path is too long");
    for (const char *c = pstart; *c; c++)
        if ((unsigned char)*c <= 0x20 || (unsigned char)*c >= 0x7f)
            return bad(err, s, "the path has spaces or unusual characters");
    memcpy(u->path, pstart, strlen(pstart) + 1);

    if (!u->tls && !url_host_is_loopback(u->host)) {
        lab_errf(err, LAB_E_PARSE,
                 "ws:// (no encryption) is only allowed for a test server on this computer");
        lab_err_hint(err, "use wss://%s%s%s:%u instead", u->is_ipv6 ? "[" : "", u->host,
                     u->is_ipv6 ? "]" : "", (unsigned)u->port);
        return LAB_E_PARSE;
    }
    return 0;
}

void url_hostport(const struct lab_url *u, char *out, size_t cap)
{
    if (u->is_ipv6)
        snprintf(out, cap, "[%s]:%u", u->host, (unsigned)u->port);
    else
        snprintf(out, cap, "%s:%u", u->host, (unsigned)u->port);
}

void url_format(const struct lab_url *u, char *out, size_t cap)
{
    char hp[URL_HOST_MAX + 16];

    url_hostport(u, hp, sizeof hp);
    snprintf(out, cap, "%s://%s%s", u->tls ? "wss" : "ws", hp,
             strcmp(u->path, "/") == 0 ? "" : u->path);
}
