/*
 * labsandbox_grade.h — the lab author's subcommands of labsandbox:
 * `check` verifies lab directories, `grade` grades one file against a lab.
 */
#ifndef LAB_SANDBOX_LABSANDBOX_GRADE_H
#define LAB_SANDBOX_LABSANDBOX_GRADE_H

#include "common/err.h"

/* The one error report of labsandbox: "labsandbox: error: msg (detail)" and a hint line. */
void labsandbox_print_err(const struct lab_err *e);

/* Both return the labsandbox exit status: 0 ok, 1 not ok, 2 usage, 3 sandbox failed. */
int labsandbox_cmd_check(int argc, char **argv);
int labsandbox_cmd_grade(int argc, char **argv);

#endif
