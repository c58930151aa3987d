/*
 * shell.h — `labclient shell`: the interactive shell.
 *
 * libedit's readline callback interface is fed from the lws service loop
 * (stdin is adopted as a raw-file descriptor by conn.c), so the websocket is
 * serviced (pings answered, pushes received) while the student types, and a
 * notice can be printed above the prompt without destroying the typed line.
 * A finished line is only queued by the libedit callback; the command runs
 * from the main loop, never from inside an lws callback.
 */
#ifndef LAB_CLIENT_SHELL_H
#define LAB_CLIENT_SHELL_H

#include "client/session.h"

/* Run the shell until exit/Ctrl-D. Returns the process exit code. */
int shell_run(struct app *a);

#endif
