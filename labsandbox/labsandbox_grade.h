/*
 * labsandbox_grade.h — the lab author's subcommands of labsandbox:
 * `check` verifies lab directories, `grade` grades one file against a lab.
 */
#ifndef LAB_LABSANDBOX_LABSANDBOX_GRADE_H
#define LAB_LABSANDBOX_LABSANDBOX_GRADE_H

#include "common/err.h"

/* The one error report of labsandbox: "labsandbox: error: msg (detail)" and a hint line. */
void labsandbox_print_err(const struct lab_err *e);

/*
 * Both return the labsandbox exit status: 0 all good; 1 some checks failed
 * (grade: not full marks; check: a reference, starter, alt_ or wrong_ file
 * did not do what it should); 2 the lab is invalid or missing, or the command
 * line is wrong; 3 the sandbox could not start.
 */
int labsandbox_cmd_check(int argc, char **argv);
int labsandbox_cmd_grade(int argc, char **argv);

#endif
