/*
 * cmd_live.h — live exercises: `live start|end|watch` for the instructor,
 * and the student's side: the banner a pushed LiveNotice prints in the
 * shell, and the live lab that `start`/`submit` without LAB work on.
 *
 * Same contract as cmds.h: on success print for a person (or add members to
 * @j for --json), on failure return -1 with @f filled and print nothing.
 * Exceptions: live start's progress line on stderr while the server checks
 * the lab, and live watch, which draws (or prints) board after board.
 */
#ifndef LAB_CLIENT_CMD_LIVE_H
#define LAB_CLIENT_CMD_LIVE_H

#include <stdbool.h>
#include <stdio.h>

#include "client/args.h"
#include "client/fail.h"
#include "client/json.h"
#include "client/session.h"

#define LIVE_START_WAIT_MS 180000 /* the sandbox check of an uploaded lab, queue included */
#define LIVE_NOTICE_WAIT_MS 2000  /* one-shot start/submit: the notice pushed after login */
#define LIVE_PLAIN_STATUS_S 60    /* live watch without a terminal: a status line this often */
#define LIVE_RECONNECT_MS 2000    /* live watch: between reconnect attempts */

int cmd_live_start(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_live_end(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_live_watch(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);

/*
 * Remember a pushed LiveNotice in a->live. Returns true when it is news
 * for the student (a new live exercise, or the end of the known one), false
 * for a repeat (the server pushes it again after every resume) or another
 * kind of envelope.
 */
bool cmd_live_note(struct app *a, const Envelope *env);

/* Shell: print the banner for a LiveNotice on @out. True when something was printed. */
bool cmd_live_describe(const struct app *a, const Envelope *env, FILE *out);

/*
 * The lab of the running live exercise into @lab (raw id), for `start` and
 * `submit` without LAB. On the command line this connects and waits up to
 * LIVE_NOTICE_WAIT_MS for the notice the server pushes after login; in the
 * shell the notice is already known or there is none.
 * Returns 0, or -1 with @f filled ("No live exercise right now").
 */
int cmd_live_lab(struct app *a, char *lab, size_t cap, struct fail *f);

#endif
