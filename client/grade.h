/*
 * grade.h — how a grading result reads: the per-check table, the score line,
 * the verdict in words a beginner can act on, relative and short times,
 * the progress line while waiting, and the --json form of a result.
 *
 * Pure functions over the generated protobuf types: they print to the FILE
 * they are given and read the clock only through the `now` they are passed,
 * so the unit tests pin the text byte for byte. Every byte that came from
 * the network goes through str_term_safe() here; callers pass results as
 * they were decoded.
 */
#ifndef LAB_CLIENT_GRADE_H
#define LAB_CLIENT_GRADE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "client/json.h"
#include "proto/wire.h"

#define GRADE_TAIL_LINES 12 /* output tail / message: the last lines shown */
#define GRADE_LINE_COLS 200 /* bytes of one output line shown */
#define GRADE_VALUE_MAX 300 /* bytes of an observed/expected value shown */
#define GRADE_NAME_COLS 32  /* check names are cut to this width */
/* Cases (minor 3): the harness already cuts a value at 300 characters plus a
 * "… 1,234 more characters" marker; these are the client's own guards. */
#define GRADE_CASE_VALUE_MAX 2000 /* bytes of a call, value or error shown */
#define GRADE_CASE_LINES 12       /* lines of printed output or of an error shown */
#define GRADE_CASES_SHOWN 3       /* failed cases shown per check, in order */

struct grade_view {
    bool color;       /* SGR colours on @out */
    bool utf8;        /* "—" and "▶" instead of "-" and "*" */
    const char *prog; /* "labclient " on the command line, "" in the shell */
};

/* Stable lowercase names for --json: "accepted", "time_limit", ...; "unspecified". */
const char *grade_verdict_name(int verdict);
const char *grade_state_name(int state);

/* A short title ("Partly right") and one or two sentences saying what to do. */
const char *grade_verdict_title(int verdict);
const char *grade_verdict_explain(int verdict);

/* True once a result will not change any more (graded or failed). */
bool grade_is_final(const Lab__V1__GradeResult *r);

/*
 * The whole result for a person: a heading with the verdict, then the checks;
 * then the score line, the verdict explained and the next step ("Fix the
 * first ✗ and submit again: labclient submit LAB"). A result that is not
 * final prints one line saying so.
 *
 * A check with cases (grade_check_has_cases) reads "✓ description (3/3)"
 * when passed; when failed, "✗ description" and under it the first
 * GRADE_CASES_SHOWN failed cases: for a visible check the call, "expected:"
 * and "you gave:" (printed output as "  | " lines), for a hidden one only
 * "(hidden)" and what the case is about; for both the error the code raised
 * and "at line N, in f: code". A hidden check's call and values are never
 * printed, even if the message holds them. Marks are ✓/✗ in a UTF-8
 * locale, PASS/FAIL otherwise.
 *
 * A check without cases (graded before minor 3) reads as a table row (PASS/
 * FAIL, name, weight) with the grader's message, what the program gave, the
 * expected value (visible checks only) and the last lines of its output.
 */
void grade_print_result(FILE *out, const Lab__V1__GradeResult *r, const struct grade_view *v);

/* "Score: 7/10 — 3 of 4 checks passed" (no newline) into @out. */
void grade_score_line(const Lab__V1__GradeResult *r, bool utf8, char *out, size_t cap);

/* One line: "#42 hello: Accepted, 10/10" (terminal-safe) into @out. */
void grade_summary_line(const Lab__V1__GradeResult *r, char *out, size_t cap);

/* True when @c was graded case by case (minor 3): it has cases or a case count. */
bool grade_check_has_cases(const Lab__V1__CheckResult *c);

/*
 * Add @r as a JSON object (member @key, NULL inside arrays). Each check has
 * description, cases_passed, cases_total and cases: [{passed, about, call,
 * expected, got, output, error, where}], without call/expected/got (and
 * without expected on the check) when the check is hidden.
 */
void grade_json_result(struct json *j, const char *key, const Lab__V1__GradeResult *r);

/*
 * "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the
 * local date; "-" for @t <= 0. A @t in the future counts as just now.
 */
void grade_format_ago(int64_t now, int64_t t, char *out, size_t cap);

/* Short local time: "today 14:05", "yesterday 09:10", "Mar 03 14:05", "2025-03-03"; "-" for 0. */
void grade_format_when(int64_t now, int64_t t, char *out, size_t cap);

/*
 * The waiting line: "Queued (position 3)...", "Queued (next in line)...",
 * "Grading...", "Grading... 2/4 checks". @state is a SubmissionState.
 */
void grade_progress_text(int state, uint32_t queue_position, uint32_t checks_done,
                         uint32_t checks_total, char *out, size_t cap);

#endif
