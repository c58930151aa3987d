/*
 * router.h — which envelope body is allowed in which session state and role,
 * and which handler serves it.
 *
 * One row per body kind in router.c; adding a request is one line there.
 * router_check() is pure (no lws, no database), so the authorisation table
 * is unit-tested directly.
 */
#ifndef LAB_SERVER_ROUTER_H
#define LAB_SERVER_ROUTER_H

#include <stdint.h>

#include "proto/wire.h"

struct session;

enum sess_state {
    SESS_NEW,    /* connected, no hello yet */
    SESS_READY,  /* hello done, not logged in */
    SESS_AUTHED, /* logged in */
};

enum route_policy {
    ROUTE_SERVER_ONLY, /* replies and pushes: a client must never send these */
    ROUTE_HELLO,       /* the first message, exactly once */
    ROUTE_ANON,        /* after hello, logged in or not (register, login, resume) */
    ROUTE_USER,        /* any logged-in user */
    ROUTE_STUDENT,     /* logged-in students only */
    ROUTE_STAFF,       /* logged-in instructors and admins only */
    ROUTE_LATER,       /* defined in lab.proto, served by a later version */
};

typedef void route_fn(struct session *s, const Envelope *req);

struct route {
    Lab__V1__Envelope__BodyCase body;
    enum route_policy policy;
    route_fn *handler; /* NULL unless the policy lets a client send it */
};

enum route_verdict {
    RV_OK,
    RV_NEED_HELLO, /* first message was not hello: error, then close */
    RV_DUP_HELLO,
    RV_SERVER_ONLY, /* or a body this server does not know */
    RV_UNAUTH,
    RV_FORBIDDEN,
    RV_LATER,
};

/*
 * Decide whether @body may be handled for a session in @state with @role
 * (a Lab__V1__Role; ignored unless SESS_AUTHED). On RV_OK *@route is the row.
 */
enum route_verdict router_check(Lab__V1__Envelope__BodyCase body, enum sess_state state,
                                Lab__V1__Role role, const struct route **route);

/*
 * The wire error code and sentence for a refusal. @body_name names the
 * request in the text where that helps.
 */
Lab__V1__ErrorCode router_refusal(enum route_verdict v, Lab__V1__Envelope__BodyCase body,
                                  const char **text);

#endif
