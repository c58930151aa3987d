/*
 * grader.h — turns the harness's result lines into a graded submission.
 *
 * Runs outside the sandbox. The harness (sandbox/harness/harness.py) writes
 * one JSON object per line on its private result fd; this module takes the
 * first line for each check name (later ones, and lines for unknown names,
 * are ignored: a student who forges lines cannot add or replace results).
 * A check is made of cases (result format v2): each case's observation is
 * compared byte for byte with the reference solution's, stored when the lab
 * was imported as an array of cases, and each check scores its weight times
 * the share of its cases passed. Calls, expected and student values of hidden
 * checks never leave this module's output.
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
#define GRADE_DESC_MAX 200         /* bytes of a check's description */
#define GRADE_MAX_CASES 200        /* cases read per check; later ones are ignored */
#define GRADE_OBS_MAX (256 * 1024) /* bytes of one observation (the harness's own cap) */
#define GRADE_ABOUT_MAX 600        /* bytes of a case's about text */
#define GRADE_CALL_MAX 1200        /* bytes of a case's call text */
#define GRADE_SHOWN_MAX 1500       /* bytes of a shown value: 300 characters and the marker */
#define GRADE_ERROR_MAX 2000       /* bytes of an error: 500 characters */
#define GRADE_WHERE_MAX 600        /* bytes of "line 4, in add: return a + b" */

struct check_spec {
    char name[GRADE_NAME_MAX + 1];
    char description[GRADE_DESC_MAX + 1]; /* one line for students; "" when the lab gave none */
    uint32_t weight;
    bool visible;
    uint32_t timeout_ms;
};

/* How the sandboxed run ended, as far as grading cares. */
enum grade_run_end {
    GRADE_RUN_OK = 0, /* exited by itself */
    GRADE_RUN_TIME,   /* CPU or wall time limit */
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

/*
 * One case of a check line, as the harness reported it. The strings are
 * malloc'd, decoded from JSON and cut to the GRADE_*_MAX sizes; NULL stands
 * for "" (absent, empty, not a string, or out of memory).
 */
struct case_observation {
    char status[12];   /* ok, exception, timeout; "" when the case object was malformed */
    char *observation; /* canonical JSON bytes, verbatim; NULL unless status is ok */
    char *about, *call;
    char *shown; /* display only; never compared */
    bool output; /* shown_as "output": printed text, not a repr */
    char *error, *where;
};

/* One check's line as the harness reported it. */
struct observation {
    bool present;
    char status[16];   /* ok, exception, timeout, crashed, import_error */
    char error[512];   /* "ValueError: ..." (raised outside any case) */
    char where[256];   /* "line 4, in add: return a + b" */
    char *stdout_tail; /* malloc'd, may be NULL */
    char *stderr_tail;
    size_t n_cases;
    struct case_observation *cases; /* malloc'd array of n_cases, in order */
    bool too_many_cases; /* the line had more than GRADE_MAX_CASES (the rest were ignored) */
};

/*
 * One case of a graded check. Hidden checks never carry call,
 * expected or got: grade_compare() leaves them NULL, whatever the lines held.
 */
struct case_outcome {
    bool passed;
    bool output;    /* expected/got are printed text, not a repr */
    char *about;    /* malloc'd; always set for hidden checks ("" allowed for visible) */
    char *call;     /* malloc'd; NULL for hidden checks */
    char *expected; /* malloc'd (the reference's shown value); NULL for hidden checks */
    char *got;      /* malloc'd (the student's shown value); NULL for hidden checks and
                       when the student's case gave no value */
    char *error;    /* malloc'd; NULL when none */
    char *where;    /* malloc'd; NULL when none */
};

struct check_outcome {
    char name[GRADE_NAME_MAX + 1];
    bool passed, visible; /* passed: every case passed */
    uint32_t weight;
    char *observed;    /* visible only: the student's observation (canonical JSON) of the first
                          failed case, or of the first case when all passed; else NULL */
    char *expected;    /* visible only: the reference's observation of that same case */
    char message[256]; /* what a student reads: "2 of 4 cases passed" style */
    char *output_tail; /* what the student's code printed, capped */
    char *description; /* malloc'd: the check's description ("" when none; NULL on OOM) */
    size_t n_cases, n_passed;   /* n_cases: the reference's case count */
    struct case_outcome *cases; /* malloc'd array of n_cases (NULL when out of memory) */
};

struct grade_report {
    enum grade_verdict verdict;
    uint32_t score, max_score; /* score in lab points, scaled from weights */
    size_t n_checks;
    struct check_outcome checks[GRADE_MAX_CHECKS];
    size_t n_cases, n_cases_passed; /* over all checks */
    char message[512];
};

/*
 * Parse the check list the harness prints with --list (one JSON object per
 * line with name, description, weight, visible, timeout_ms). Returns the
 * count (>0) or a negative code with @err filled.
 */
int grade_parse_specs(const char *text, size_t len, struct check_spec *specs, size_t cap,
                      struct lab_err *err) LAB_MUST_USE;

/*
 * Collect the first result line for each of @specs from harness output, with
 * its cases. The text is untrusted: lines that are not JSON, lines for unknown
 * names and every line after the first for a name are ignored; a case object
 * that is malformed keeps its place with an empty status (it never passes);
 * cases past GRADE_MAX_CASES are ignored. A line without "cases" (format v1)
 * whose status is ok is read as one case holding its "observation".
 * Sets *@syntax_error (with @msg, capacity @msg_cap) when the harness
 * reported one. Ownership: release @obs[i] with grade_observations_release().
 */
void grade_collect(const char *text, size_t len, const struct check_spec *specs, size_t n,
                   struct observation *obs, bool *syntax_error, char *msg, size_t msg_cap);

void grade_observations_release(struct observation *obs, size_t n);

/*
 * The stored expected text of a check (lab_checks.expected): the canonical
 * JSON array of the reference's cases,
 * [{"about":S,"call":S,"observation":V,"shown":S,"shown_as":S},...], with each
 * observation's bytes copied verbatim. @ref must have passed
 * grade_verify_reference(). Returns NULL when out of memory.
 * Ownership: the caller frees the result.
 */
char *grade_expected_text(const struct observation *ref) LAB_MUST_USE;

/*
 * Grade: compare @obs with @expected (the stored expected text per check, by
 * index: a case array from grade_expected_text(), or a bare observation
 * stored by older versions, read as one case with empty call and shown; NULL
 * entries never match) case by case, and fill @rep. Each check contributes
 * weight * passed_cases / cases; the score is @points times the sum over the
 * total weight, rounded half up. For hidden checks call, expected, got and the
 * check's observed/expected stay NULL.
 * Ownership: release @rep with grade_report_release().
 */
void grade_compare(const struct check_spec *specs, size_t n, struct observation *obs,
                   const char *const *expected, bool syntax_error, const char *syntax_msg,
                   enum grade_run_end run_end, uint32_t points, struct grade_report *rep);

void grade_report_release(struct grade_report *rep);

/* Lowercase verdict name ("accepted", "time_limit", ...). */
const char *grade_verdict_name(enum grade_verdict v);

/*
 * Verify a lab's reference: two runs must report every check with status ok,
 * at least one case and at most GRADE_MAX_CASES, every case ok, the same case
 * count, and the same observation bytes case by case. Returns 0 or
 * LAB_E_PARSE with @err naming the first bad check (and case).
 */
int grade_verify_reference(const struct check_spec *specs, size_t n, struct observation *run1,
                           struct observation *run2, struct lab_err *err) LAB_MUST_USE;

#endif
