/*
 * loop.h — the lws context and service loop of labserver.
 *
 * Only loop.c and session.c include libwebsockets.h.
 */
#ifndef LAB_SERVER_LOOP_H
#define LAB_SERVER_LOOP_H

#include "common/err.h"
#include "server/server.h"

/*
 * Create the context (binds and loads TLS), check the bound address, log
 * ev=server.started. 0 or LAB_E_CONFIG with @err filled.
 */
int loop_create(struct server *srv, struct lab_err *err) LAB_MUST_USE;

/* Serve until shutdown has completed (srv->done). 0 or LAB_E_INTERNAL. */
int loop_run(struct server *srv);

/* Destroy the context (closes what is left). */
void loop_destroy(struct server *srv);

/* Wake the service thread from any thread (and from a signal handler). */
void loop_wake(void *srv);

/* Drain completions and notifications, advance shutdown. lws thread only. */
void loop_drain(struct server *srv);

#endif
