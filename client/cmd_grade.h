/*
 * cmd_grade.h — the grading commands: start, submit, results, board, and
 * the shell's view of grading pushes.
 *
 * Same contract as cmds.h: on success print for a person (or add members to
 * @j for --json), on failure return -1 with @f filled and print nothing.
 * The one exception is submit's progress line on stderr while it waits.
 */
#ifndef LAB_CLIENT_CMD_GRADE_H
#define LAB_CLIENT_CMD_GRADE_H

#include <stdbool.h>
#include <stdio.h>

#include "client/args.h"
#include "client/fail.h"
#include "client/json.h"
#include "client/session.h"

#define SUBMIT_WAIT_MS 120000 /* then: "it will still appear in results" */
#define SUBMIT_POLL_MS 20000  /* ask ListResults too, in case a push was missed */
#define SUBMIT_RECONNECTS 4   /* failed reconnects in a row before giving up */

int cmd_start(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_submit(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_results(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
/* Print @rl as a table (#, lab, when, verdict, score) on stdout. 0 or LAB_E_NOMEM. */
int cmd_result_table(struct app *a, const Lab__V1__ResultList *rl);

int cmd_board(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);

/*
 * Shell: describe a pushed result or progress for a person on @out. A result
 * of a submission in a->watch_ids is printed in full (and leaves the list),
 * any other result as one line; progress only as "being graded" once for a
 * watched submission. Returns true when something was printed.
 */
bool cmd_grade_push(struct app *a, const Envelope *env, FILE *out);

#endif
