/*
 * grader.h — turns the harness's result lines into a graded submission.
 *
 * Runs outside the sandbox. The harness (sandbox/harness/harness.py) writes
 * one JSON object per line on its private result fd; this module takes the
 * first line for each check name (later ones, and lines for unknown names,
 * are ignored: a student who forges lines cannot add or replace results),
 * compares each observation byte for byte with the reference solution's,
 * stored when the lab was imported, and scores by weight. Expected values for
 * hidden checks never leave this module's output.
 */
#ifndef LAB_GRADE_GRADER_H
#define LAB_GRADE_GRADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define GRADE_NAME_MAX 64
#define GRADE_MAX_CHECKS 64
#define GRADE_TEXT_MAX 2048

struct check_spec {
    char name[GRADE_NAME_MAX + 1];
    uint32_t weight;
    bool visible;
    uint32_t timeout_ms;
};

/* How the sandboxed run ended, as far as grading cares. */
enum grade_run_end {
    GRADE_RUN_OK = 0,    /* exited by itself */
    GRADE_RUN_TIME,      /* CPU or wall time limit */
    GRADE_RUN_MEMORY,
    GRADE_RUN_OUTPUT,
    GRADE_RUN_FORBIDDEN, /* forbidden system call */
    GRADE_RUN_CRASHED,   /* the harness itself died: exit status or signal */
    GRADE_RUN_INTERNAL,  /* the sandbox could not run it */
};

/* Values match lab.proto's Verdict so the server can pass them through. */
enum grade_verdict {
    GRADE_ACCEPTED = 1,
    GRADE_PARTIAL = 2,
    GRADE_WRONG = 3,
    GRADE_SYNTAX_ERROR = 4,
    GRADE_RUNTIME_ERROR = 5,
    GRADE_TIME_LIMIT = 6,
    GRADE_MEMORY_LIMIT = 7,
    GRADE_OUTPUT_LIMIT = 8,
    GRADE_FORBIDDEN_CALL = 9,
    GRADE_INTERNAL_ERROR = 10,
};

/* One check's observation as the harness reported it. */
struct observation {
    bool present;
    char status[16];     /* ok, exception, timeout, crashed, import_error */
    char *value;         /* canonical JSON, malloc'd; NULL when absent */
    char error[256];     /* "ValueError: ..." */
    char *stdout_tail;   /* malloc'd, may be NULL */
    char *stderr_tail;
};

struct check_outcome {
    char name[GRADE_NAME_MAX + 1];
    bool passed, visible;
    uint32_t weight;
    char *observed;    /* the student's observation (canonical JSON), may be NULL */
    char *expected;    /* only for visible checks, else NULL */
    char message[256]; /* what a student reads: "returned 5, expected 6" style */
    char *output_tail; /* what the student's code printed, capped */
};

struct grade_report {
    enum grade_verdict verdict;
    uint32_t score, max_score; /* score in lab points, scaled from weights */
    size_t n_checks;
    struct check_outcome checks[GRADE_MAX_CHECKS];
    char message[512];
};

/*
 * Parse the check list the harness prints with --list (one JSON object per
 * line with name, weight, visible, timeout_ms). Returns the count (>0) or a
 * negative code with @err filled.
 */
int grade_parse_specs(const char *text, size_t len, struct check_spec *specs, size_t cap,
                      struct lab_err *err) LAB_MUST_USE;

/*
 * Collect the first result line for each of @specs from harness output.
 * Sets *@syntax_error (with @msg, capacity @msg_cap) when the harness
 * reported one. Ownership: release @obs[i] with grade_observations_release().
 */
void grade_collect(const char *text, size_t len, const struct check_spec *specs, size_t n,
                   struct observation *obs, bool *syntax_error, char *msg, size_t msg_cap);

void grade_observations_release(struct observation *obs, size_t n);

/*
 * Grade: compare @obs with @expected (canonical JSON per check, by index;
 * NULL entries never match) and fill @rep. @points is the lab's value.
 * Ownership: release @rep with grade_report_release().
 */
void grade_compare(const struct check_spec *specs, size_t n, struct observation *obs,
                   const char *const *expected, bool syntax_error, const char *syntax_msg,
                   enum grade_run_end run_end, uint32_t points, struct grade_report *rep);

void grade_report_release(struct grade_report *rep);

/* Lowercase verdict name ("accepted", "time_limit", ...). */
const char *grade_verdict_name(enum grade_verdict v);

/*
 * Verify a lab's reference: two runs must report every check with status
 * ok and identical observations. Returns 0 or LAB_E_PARSE with @err naming
 * the first bad check.
 */
int grade_verify_reference(const struct check_spec *specs, size_t n, struct observation *run1,
                           struct observation *run2, struct lab_err *err) LAB_MUST_USE;

#endif
