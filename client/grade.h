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
 * The whole result for a person: a heading with the verdict, one line per
 * check (PASS/FAIL, name, weight) with, for a failed check, the grader's
 * message, what the program gave, the expected value (visible checks only)
 * and the last lines of its output; then the score line and the verdict
 * explained. A result that is not final prints one line saying so.
 */
void grade_print_result(FILE *out, const Lab__V1__GradeResult *r, const struct grade_view *v);

/* "Score: 7/10 — 3 of 4 checks passed" (no newline) into @out. */
void grade_score_line(const Lab__V1__GradeResult *r, bool utf8, char *out, size_t cap);

/* One line: "#42 hello: Accepted, 10/10" (terminal-safe) into @out. */
void grade_summary_line(const Lab__V1__GradeResult *r, char *out, size_t cap);

/* Add @r as a JSON object (member @key, NULL inside arrays). */
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
