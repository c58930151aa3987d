/*
 * gradejob.h — grading one program against one lab inside a sandbox slot.
 *
 * Shared by labworker (queued submissions and lab verification) and
 * `labsandbox grade` (a lab author's local run). The box sees the harness at
 * /harness and a lab directory at /lab holding only lab.ini and checks.py:
 * the reference solution never enters the sandbox, nor do expected values.
 */
#ifndef LAB_WORKER_GRADEJOB_H
#define LAB_WORKER_GRADEJOB_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "grade/grader.h"
#include "grade/labdir.h"
#include "sandbox/sandbox.h"

/* A lab made ready for the sandbox: a private host directory with lab.ini and checks.py. */
struct gradejob_lab {
    char dir[256];
    struct lab_limits limits;
    uint32_t points;
};

/*
 * Write @lab's lab.ini and checks.py into a new directory below @parent
 * (created 0755 if missing). Returns 0 or a negative code with @err filled.
 * Release with gradejob_lab_release(), which removes the directory.
 */
int gradejob_lab_prepare(const struct lab_def *lab, const char *parent, struct gradejob_lab *out,
                         struct lab_err *err) LAB_MUST_USE;
void gradejob_lab_release(struct gradejob_lab *gl);

/* Ask the harness for the lab's checks. Returns the count (> 0) or a negative code. */
int gradejob_list_checks(struct sandbox_slot *slot, const char *harness_dir,
                         const struct gradejob_lab *gl, struct check_spec *specs, size_t cap,
                         struct lab_err *err) LAB_MUST_USE;

/*
 * Run @code (the student's program) through every check and collect the
 * observations. Returns 0 when the run happened (whatever it did; *@end says
 * how it ended) or a negative code when the sandbox could not run it.
 * Ownership: release @obs with grade_observations_release().
 */
int gradejob_observe(struct sandbox_slot *slot, const char *harness_dir,
                     const struct gradejob_lab *gl, const char *code, size_t code_len,
                     const struct check_spec *specs, size_t n, struct observation *obs,
                     bool *syntax_error, char *syntax_msg, size_t msg_cap,
                     enum grade_run_end *end, struct lab_err *err) LAB_MUST_USE;

/*
 * Verify a lab: its required modules import, the reference passes every
 * check twice with identical observations within the limits, and the
 * starter fails at least one check. On success fills @specs (count in *@n)
 * and @expected[i] (malloc'd canonical JSON; free each).
 * Returns 0, or LAB_E_PARSE with @err saying what is wrong with the lab, or
 * another negative code when the sandbox failed.
 */
int gradejob_verify(struct sandbox_slot *slot, const char *harness_dir, const struct lab_def *lab,
                    const struct gradejob_lab *gl, struct check_spec *specs, size_t *n,
                    char **expected, struct lab_err *err) LAB_MUST_USE;

/* Map a sandbox verdict to how grading sees the run's end. */
enum grade_run_end gradejob_run_end(enum sandbox_verdict v);

#endif
