/*
 * cmd_teach.h — the instructor's tools: roster add/remove/reset-password,
 * student, code, labs open/close, gradebook, cohort board-mode; and `name`
 * (everyone's display name).
 *
 * Same contract as cmds.h: on success print for a person (or add members to
 * @j for --json), on failure return -1 with @f filled and print nothing.
 */
#ifndef LAB_CLIENT_CMD_TEACH_H
#define LAB_CLIENT_CMD_TEACH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "client/args.h"
#include "client/fail.h"
#include "client/json.h"
#include "client/session.h"

#define TEACH_RESULTS_DEFAULT 20

int cmd_roster_add(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_roster_remove(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_roster_reset_password(struct app *a, const struct cli_args *args, struct json *j,
                              struct fail *f);
int cmd_student(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_code(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_labs_open(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_gradebook(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_board_mode(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);
int cmd_name(struct app *a, const struct cli_args *args, struct json *j, struct fail *f);

/*
 * Write the gradebook @csv to @path: a new file (mode 0644), refused with
 * code "file_exists" (exit 2) when it exists unless @force, which replaces
 * it atomically. The bytes are written as the server sent them. -1 with @f.
 */
int teach_write_csv(const char *path, const char *csv, size_t len, bool force, struct fail *f);

/*
 * Print network text @s[0..len) on @out for a person: CR LF becomes LF,
 * then str_term_safe (newlines and tabs stay, escapes go); a missing last
 * newline is added.
 */
void teach_print_text(FILE *out, const char *s, size_t len);

/* The number of data rows of a CSV text (lines after the header, a last line without '\n' too). */
size_t teach_csv_rows(const char *csv, size_t len);

#endif
