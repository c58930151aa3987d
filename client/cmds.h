/*
 * cmds.h — the commands, shared by the command line and the shell.
 *
 * cmd_run() performs one parsed command. On success it prints the result
 * for a person on stdout, or (--json) adds the data members to @j, which
 * main.c/shell.c wrap as {"ok":true, ...}. On failure it returns -1 with @f
 * filled and prints nothing: the caller reports @f once.
 */
#ifndef LAB_CLIENT_CMDS_H
#define LAB_CLIENT_CMDS_H

#include "client/args.h"
#include "client/fail.h"
#include "client/json.h"
#include "client/session.h"

int cmd_run(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);

/* Print @f once: text and next step on stderr, or {"ok":false,...} on stdout (--json). */
void cmd_report_failure(const struct app *a, const struct fail *f);

/* For the cmd_*.c files: an answer of the wrong kind (exit 3, bad_reply). Always -1. */
int cmd_unexpected(const Envelope *reply, struct fail *f);

/* For the cmd_*.c files: the members of a LabSummary (inside an open object). */
void cmd_json_lab_summary(struct json *j, const Lab__V1__LabSummary *s);

/* Fetch the lab ids for completion (once per run; errors are ignored). */
void cmd_fetch_lab_ids(struct app *a);

#endif
