/*
 * gradejob.h — grading one program against one lab inside a sandbox slot.
 *
 * Shared by labworker (queued submissions and lab verification) and
 * `labsandbox grade` (a lab author's local run). The box sees the harness at
 * /harness and a lab directory at /lab holding only lab.ini and checks.py:
 * the reference solution never enters the sandbox, nor do expected values.
 * In unittest mode (lab.ini `checks = unittest`) checks.py is not placed in
 * /lab either: the harness reads it from its stdin (--checks-stdin) before any
 * student code runs, so the student's process never sees the test text.
 */
#ifndef LAB_JOB_GRADEJOB_H
#define LAB_JOB_GRADEJOB_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "grade/grader.h"
#include "grade/labdir.h"
#include "sandbox/sandbox.h"

/* A lab made ready for the sandbox: a private host directory with lab.ini (and checks.py). */
struct gradejob_lab {
    char dir[256];
    struct lab_limits limits;
    uint32_t points;
    enum lab_checks_mode mode;
    char *checks_stdin; /* unittest mode: checks.py's text for the harness's stdin; else NULL */
};

/*
 * Write @lab's lab.ini and, unless the lab is in unittest mode, checks.py into
 * a new directory below @parent (created 0755 if missing); in unittest mode
 * keep a copy of checks.py's text for the harness's stdin instead. Returns 0
 * or a negative code with @err filled.
 * Ownership: release with gradejob_lab_release(), which removes the directory
 * and frees the copy (a zeroed struct may be released too).
 */
int gradejob_lab_prepare(const struct lab_def *lab, const char *parent, struct gradejob_lab *out,
                         struct lab_err *err) LAB_MUST_USE;
void gradejob_lab_release(struct gradejob_lab *gl);

/* Ask the harness for the lab's checks (with their descriptions). Returns the count (> 0)
 * or a negative code. */
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
                     bool *syntax_error, char *syntax_msg, size_t msg_cap, enum grade_run_end *end,
                     struct lab_err *err) LAB_MUST_USE;

/*
 * Verify a lab: its required modules import, the reference passes every
 * check twice with identical cases within the limits, and the starter fails
 * at least one case. On success fills @specs (count in *@n, descriptions
 * included) and @expected[i], the stored expected text of check i (the
 * canonical JSON array of the reference's cases, grade_expected_text()).
 * Ownership: the caller frees each @expected[i].
 * Returns 0, or LAB_E_PARSE with @err saying what is wrong with the lab, or
 * another negative code when the sandbox failed.
 */
int gradejob_verify(struct sandbox_slot *slot, const char *harness_dir, const struct lab_def *lab,
                    const struct gradejob_lab *gl, struct check_spec *specs, size_t *n,
                    char **expected, struct lab_err *err) LAB_MUST_USE;

/* Map a sandbox verdict to how grading sees the run's end. */
enum grade_run_end gradejob_run_end(enum sandbox_verdict v);

#endif
