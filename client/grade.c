/*
 * grade.c — see grade.h. The text is written for a twelve-year-old reading
 * it at the end of a lesson: the verdict first, then each check with only
 * what helps to fix a failure, then the score and one next step.
 *
 * Two shapes of check: results graded with cases (minor 3) read case by
 * case, "✗ description" and under it the call, the expected value and what
 * the student's code gave, or the error and its line; older results (no
 * cases) keep the PASS/FAIL table with observed and expected JSON.
 *
 * Sizes are capped everywhere (values, lines, number of lines), because a
 * program that prints a megabyte in a loop must not bury the verdict.
 */
#include "client/grade.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client/render.h"
#include "common/str.h"

#define INDENT "        " /* under the check name: "  PASS  " is 8 columns */
#define LABEL_W 10

/* Checks with cases: "  ✗ description", the case under it at CASE_INDENT. */
#define CASE_INDENT "      "
#define MARK_OK(v) ((v)->utf8 ? "\xe2\x9c\x93" : "PASS")  /* ✓ */
#define MARK_BAD(v) ((v)->utf8 ? "\xe2\x9c\x97" : "FAIL") /* ✗ */

const char *grade_verdict_name(int verdict)
{
    switch (verdict) {
    case LAB__V1__VERDICT__ACCEPTED:
        return "accepted";
    case LAB__V1__VERDICT__PARTIAL:
        return "partial";
    case LAB__V1__VERDICT__WRONG:
        return "wrong";
    case LAB__V1__VERDICT__SYNTAX_ERROR:
        return "syntax_error";
    case LAB__V1__VERDICT__RUNTIME_ERROR:
        return "runtime_error";
    case LAB__V1__VERDICT__TIME_LIMIT:
        return "time_limit";
    case LAB__V1__VERDICT__MEMORY_LIMIT:
        return "memory_limit";
    case LAB__V1__VERDICT__OUTPUT_LIMIT:
        return "output_limit";
    case LAB__V1__VERDICT__FORBIDDEN_CALL:
        return "forbidden_call";
    case LAB__V1__VERDICT__INTERNAL_ERROR:
        return "internal_error";
    default:
        return "unspecified";
    }
}

const char *grade_state_name(int state)
{
    switch (state) {
    case LAB__V1__SUBMISSION_STATE__QUEUED:
        return "queued";
    case LAB__V1__SUBMISSION_STATE__RUNNING:
        return "running";
    case LAB__V1__SUBMISSION_STATE__GRADED:
        return "graded";
    case LAB__V1__SUBMISSION_STATE__FAILED:
        return "failed";
    default:
        return "unspecified";
    }
}

const char *grade_verdict_title(int verdict)
{
    switch (verdict) {
    case LAB__V1__VERDICT__ACCEPTED:
        return "Accepted";
    case LAB__V1__VERDICT__PARTIAL:
        return "Partly right";
    case LAB__V1__VERDICT__WRONG:
        return "Not right yet";
    case LAB__V1__VERDICT__SYNTAX_ERROR:
        return "Syntax error";
    case LAB__V1__VERDICT__RUNTIME_ERROR:
        return "Error when starting";
    case LAB__V1__VERDICT__TIME_LIMIT:
        return "Too slow";
    case LAB__V1__VERDICT__MEMORY_LIMIT:
        return "Too much memory";
    case LAB__V1__VERDICT__OUTPUT_LIMIT:
        return "Too much output";
    case LAB__V1__VERDICT__FORBIDDEN_CALL:
        return "Not allowed";
    case LAB__V1__VERDICT__INTERNAL_ERROR:
        return "Grader problem";
    default:
        return "No verdict";
    }
}

const char *grade_verdict_explain(int verdict)
{
    switch (verdict) {
    case LAB__V1__VERDICT__ACCEPTED:
        return "All checks passed. Well done!";
    case LAB__V1__VERDICT__PARTIAL:
        return "Some checks passed. Look at the failed ones above, fix your program and "
               "submit again.";
    case LAB__V1__VERDICT__WRONG:
        return "No check passed yet. Compare what your program gave with what was "
               "expected, fix it and submit again.";
    case LAB__V1__VERDICT__SYNTAX_ERROR:
        return "Python could not read your program: something is written the wrong way. "
               "The message above says which line; look there and just before it.";
    case LAB__V1__VERDICT__RUNTIME_ERROR:
        return "Your program stopped with an error before the checks could run. The last "
               "line of the message says what went wrong, and the line number where.";
    case LAB__V1__VERDICT__TIME_LIMIT:
        return "Your program took too long. Look for a loop that never ends (or an input() "
               "that waits for typing).";
    case LAB__V1__VERDICT__MEMORY_LIMIT:
        return "Your program used too much memory. Look for a list or a string that keeps "
               "growing and never stops.";
    case LAB__V1__VERDICT__OUTPUT_LIMIT:
        return "Your program printed far too much. Look for a print() inside a loop that "
               "never ends.";
    case LAB__V1__VERDICT__FORBIDDEN_CALL:
        return "Your program used something this lab does not allow (like files, the "
               "network or other programs). Solve it with plain Python.";
    case LAB__V1__VERDICT__INTERNAL_ERROR:
        return "Something went wrong on the grading server. This is not your fault: try "
               "again, or tell your teacher.";
    default:
        return "The server did not say how it went. Try again, or tell your teacher.";
    }
}

bool grade_is_final(const Lab__V1__GradeResult *r)
{
    return r->state != LAB__V1__SUBMISSION_STATE__QUEUED &&
           r->state != LAB__V1__SUBMISSION_STATE__RUNNING;
}

static enum render_style verdict_style(int verdict)
{
    switch (verdict) {
    case LAB__V1__VERDICT__ACCEPTED:
        return ST_GREEN;
    case LAB__V1__VERDICT__PARTIAL:
    case LAB__V1__VERDICT__INTERNAL_ERROR:
        return ST_YELLOW;
    default:
        return ST_RED;
    }
}

/* Length of @s[0..len) cut to at most @max bytes on a UTF-8 character boundary. */
static size_t cut_len(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    len = max;
    while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
        len--;
    return len;
}

/* Print one line of network bytes, terminal-safe, cut to @max bytes (then "..."). */
static void put_line(FILE *out, const char *s, size_t len, size_t max)
{
    /* str_term_safe() may write 3 bytes (U+FFFD) for each byte it replaces */
    char buf[GRADE_CASE_VALUE_MAX * 3 + 16];
    size_t n;

    if (max > GRADE_CASE_VALUE_MAX)
        max = GRADE_CASE_VALUE_MAX;
    if (len > 0 && s[len - 1] == '\r')
        len--; /* a Windows line end is not worth a replacement character */
    n = cut_len(s, len, max);
    fputs(str_term_safe(buf, sizeof buf, s, n), out);
    if (n < len)
        fputs("...", out);
}

/*
 * Print the last @max_lines lines of @s, each after @prefix. Returns the
 * number of lines that were left out at the top.
 */
static size_t put_tail(FILE *out, const char *s, size_t len, const char *prefix, size_t max_lines)
{
    size_t start = len, lines = 0, skipped = 0;

    while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
    if (len == 0)
        return 0;
    /* Walk back to the start of the max_lines-th line from the end. */
    start = len;
    while (start > 0) {
        if (s[start - 1] == '\n') {
            if (++lines == max_lines)
                break;
        }
        start--;
    }
    for (size_t i = 0; i < start; i++)
        skipped += s[i] == '\n';
    while (start < len) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t n = nl ? (size_t)(nl - (s + start)) : len - start;

        fputs(prefix, out);
        put_line(out, s + start, n, GRADE_LINE_COLS);
        fputc('\n', out);
        start += n + 1;
    }
    return skipped;
}

/* "        why:      text" — first line after the label, later lines under it. */
static void put_field(FILE *out, const struct grade_view *v, const char *label, const char *s,
                      size_t len, size_t max)
{
    size_t n = cut_len(s, len, max);
    size_t pos = 0;
    bool first = true;

    fprintf(out, INDENT "%s%-*s%s", render_sgr(v->color, ST_DIM), LABEL_W, label,
            render_sgr(v->color, ST_NONE));
    if (n == 0)
        fputs("(nothing)", out);
    while (pos < n) {
        const char *nl = memchr(s + pos, '\n', n - pos);
        size_t k = nl ? (size_t)(nl - (s + pos)) : n - pos;

        if (!first)
            fprintf(out, "\n" INDENT "%-*s", LABEL_W, "");
        put_line(out, s + pos, k, max);
        first = false;
        pos += k + 1;
    }
    if (n < len)
        fputs("...", out);
    fputc('\n', out);
}

static void print_check(FILE *out, const Lab__V1__CheckResult *c, size_t name_w,
                        const struct grade_view *v)
{
    char name[GRADE_NAME_COLS * 4 + 8];
    const char *nm = c->name ? c->name : "";

    str_term_safe(name, sizeof name, nm, cut_len(nm, strlen(nm), GRADE_NAME_COLS * 4));
    fprintf(out, "  %s%s%s  ", render_sgr(v->color, c->passed ? ST_GREEN : ST_RED),
            c->passed ? "PASS" : "FAIL", render_sgr(v->color, ST_NONE));
    render_cell(out, name, name_w, !c->visible);
    if (!c->visible)
        fprintf(out, "  %s(hidden check)%s", render_sgr(v->color, ST_DIM),
                render_sgr(v->color, ST_NONE));
    fputc('\n', out);
    if (c->passed)
        return;
    if (c->message.len)
        put_field(out, v, "why:", (const char *)c->message.data, c->message.len, GRADE_VALUE_MAX);
    put_field(out, v, "you gave:", (const char *)c->observed.data, c->observed.len,
              GRADE_VALUE_MAX);
    if (c->visible && c->expected.len)
        put_field(out, v, "expected:", (const char *)c->expected.data, c->expected.len,
                  GRADE_VALUE_MAX);
    else if (!c->visible)
        fprintf(out, INDENT "%s%-*s%s(a hidden check: the answer is not shown)\n",
                render_sgr(v->color, ST_DIM), LABEL_W, "expected:", render_sgr(v->color, ST_NONE));
    if (c->output_tail.len) {
        fprintf(out, INDENT "%soutput (last lines):%s\n", render_sgr(v->color, ST_DIM),
                render_sgr(v->color, ST_NONE));
        put_tail(out, (const char *)c->output_tail.data, c->output_tail.len, INDENT "  | ",
                 GRADE_TAIL_LINES);
    }
}

/* ---- checks made of cases (minor 3) ---- */

bool grade_check_has_cases(const Lab__V1__CheckResult *c)
{
    return c->cases_total > 0 || c->n_cases > 0;
}

static size_t n_total(const Lab__V1__CheckResult *c)
{
    return c->cases_total > c->n_cases ? c->cases_total : c->n_cases;
}

/*
 * The first line of network text @s, cut to @max bytes: descriptions and
 * calls are one line; anything after a line break is not shown.
 */
static void put_one_line(FILE *out, const char *s, size_t len, size_t max)
{
    const char *nl = memchr(s, '\n', len);

    put_line(out, s, nl ? (size_t)(nl - s) : len, max);
    if (nl && (size_t)(nl - s) + 1 < len)
        fputs(" ...", out);
}

/*
 * Text over several lines, each after @prefix: at most GRADE_CASE_LINES
 * lines and GRADE_CASE_VALUE_MAX bytes in all, then a line saying how much
 * was left out.
 */
static void put_lines(FILE *out, const char *prefix, const char *s, size_t len)
{
    size_t n = cut_len(s, len, GRADE_CASE_VALUE_MAX), pos = 0, lines = 0, more = 0;
    bool cut = n < len;

    if (!cut && n > 0 && s[n - 1] == '\n')
        n--; /* a final line break does not start another line */
    for (;;) {
        const char *nl = memchr(s + pos, '\n', n - pos);
        size_t k = nl ? (size_t)(nl - (s + pos)) : n - pos;

        if (lines < GRADE_CASE_LINES) {
            fputs(prefix, out);
            put_line(out, s + pos, k, GRADE_CASE_VALUE_MAX);
            fputc('\n', out);
            lines++;
        } else {
            more++;
        }
        if (!nl)
            break;
        pos += k + 1;
    }
    if (more)
        fprintf(out, "%s(%zu more line%s not shown)\n", prefix, more, more == 1 ? "" : "s");
    else if (cut)
        fprintf(out, "%s(the rest is not shown)\n", prefix);
}

/*
 * "expected: 2" for a Python value (a repr is one line; if not, the other
 * lines go under it), or "expected:" and the printed lines for output.
 */
static void put_value(FILE *out, const struct grade_view *v, const char *indent, const char *label,
                      const ProtobufCBinaryData *b, bool output)
{
    const char *s = (const char *)b->data;
    const char *nl = b->len ? memchr(s, '\n', b->len) : NULL;
    char prefix[48];

    fprintf(out, "%s%s%s%s", indent, render_sgr(v->color, ST_DIM), label,
            render_sgr(v->color, ST_NONE));
    if (b->len == 0) {
        fputs(output ? " (nothing printed)\n" : " (nothing)\n", out);
        return;
    }
    if (output) {
        fputc('\n', out);
        snprintf(prefix, sizeof prefix, "%s  | ", indent);
        put_lines(out, prefix, s, b->len);
        return;
    }
    fputc(' ', out);
    put_line(out, s, nl ? (size_t)(nl - s) : b->len, GRADE_CASE_VALUE_MAX);
    fputc('\n', out);
    if (nl && (size_t)(nl - s) + 1 < b->len) {
        snprintf(prefix, sizeof prefix, "%s%*s", indent, (int)strlen(label) + 1, "");
        put_lines(out, prefix, nl + 1, b->len - (size_t)(nl - s) - 1);
    }
}

/* The error the student's code raised ("TypeError: ...") and where ("at line 4, ..."). */
static void put_error(FILE *out, const char *indent, const Lab__V1__CaseResult *c)
{
    if (c->error.len)
        put_lines(out, indent, (const char *)c->error.data, c->error.len);
    if (c->where.len) {
        fprintf(out, "%sat ", indent);
        put_one_line(out, (const char *)c->where.data, c->where.len, GRADE_CASE_VALUE_MAX);
        fputc('\n', out);
    }
}

/*
 * What a hidden case is called: its own `about`, with the check's
 * description left out when the server made it up ("desc (case 2 of 4)" →
 * "case 2 of 4"). Empty when it says nothing the check line does not.
 */
static void hidden_about(const Lab__V1__CheckResult *k, const Lab__V1__CaseResult *c,
                         const char **s, size_t *len)
{
    const char *a = (const char *)c->about.data;
    size_t n = c->about.len, d = k->description.len;

    *s = a;
    *len = n;
    if (d == 0 || n < d || memcmp(a, k->description.data, d) != 0)
        return;
    if (n == d) {
        *len = 0;
    } else if (n > d + 3 && a[d] == ' ' && a[d + 1] == '(' && a[n - 1] == ')') {
        *s = a + d + 2;
        *len = n_total(k) <= 1 ? 0 : n - d - 3; /* "case 1 of 1" says nothing */
    }
}

/* One failed case. @multi: the check has several cases, so each gets a mark. */
static void print_case(FILE *out, const Lab__V1__CheckResult *k, const Lab__V1__CaseResult *c,
                       size_t j, bool multi, const struct grade_view *v)
{
    const char *indent = multi ? CASE_INDENT "  " : CASE_INDENT;
    const char *title = (const char *)c->about.data;
    size_t title_len = c->about.len;
    bool about_after = false;

    if (!k->visible) {
        hidden_about(k, c, &title, &title_len);
    } else if (c->call.len) {
        title = (const char *)c->call.data;
        title_len = c->call.len;
        about_after = c->about.len > 0;
    }
    if (multi || title_len) {
        fputs(CASE_INDENT, out);
        if (multi)
            fprintf(out, "%s%s%s ", render_sgr(v->color, ST_RED), MARK_BAD(v),
                    render_sgr(v->color, ST_NONE));
        if (title_len)
            put_one_line(out, title, title_len, GRADE_CASE_VALUE_MAX);
        else
            fprintf(out, "case %zu", j + 1);
        if (about_after) {
            fprintf(out, "  %s(", render_sgr(v->color, ST_DIM));
            put_one_line(out, (const char *)c->about.data, c->about.len, GRADE_LINE_COLS);
            fprintf(out, ")%s", render_sgr(v->color, ST_NONE));
        }
        fputc('\n', out);
    }
    /* Never the input or the values of a hidden check, whatever the server sent. */
    if (k->visible) {
        put_value(out, v, indent, "expected:", &c->expected, c->output);
        if (c->got.len || !c->error.len)
            put_value(out, v, indent, c->output ? "you printed:" : "you gave:", &c->got, c->output);
    }
    put_error(out, indent, c);
}

/*
 * A check with cases: its line, then its first failed cases, then the
 * grader's message for the check as a hint ("took longer than 1000 ms: ...",
 * "1 of 3 cases passed: think about edge cases"), and the end of the
 * program's output unless a case already showed the error it ends with.
 */
static void print_case_check(FILE *out, const Lab__V1__CheckResult *k, const struct grade_view *v)
{
    const char *d = (const char *)k->description.data;
    size_t dlen = k->description.len, total = n_total(k), shown = 0, failed = 0;
    bool error_shown = false;

    if (!dlen) {
        d = k->name ? k->name : "";
        dlen = strlen(d);
    }
    fprintf(out, "  %s%s%s ", render_sgr(v->color, k->passed ? ST_GREEN : ST_RED),
            k->passed ? MARK_OK(v) : MARK_BAD(v), render_sgr(v->color, ST_NONE));
    if (!k->visible)
        fprintf(out, "%s(hidden)%s ", render_sgr(v->color, ST_DIM), render_sgr(v->color, ST_NONE));
    put_one_line(out, d, dlen, GRADE_LINE_COLS);
    if (k->passed || total > 1)
        fprintf(out, " (%" PRIu32 "/%zu)", k->cases_passed, total);
    fputc('\n', out);
    if (k->passed)
        return;
    for (size_t j = 0; j < k->n_cases; j++) {
        if (k->cases[j]->passed)
            continue;
        if (failed++ < GRADE_CASES_SHOWN) {
            print_case(out, k, k->cases[j], j, total > 1, v);
            error_shown |= k->cases[j]->error.len > 0;
            shown++;
        }
    }
    if (failed > shown)
        fprintf(out, CASE_INDENT "(%zu more wrong case%s not shown: fix these first)\n",
                failed - shown, failed - shown == 1 ? "" : "s");
    if (k->message.len) {
        char prefix[32];

        snprintf(prefix, sizeof prefix, CASE_INDENT "%s", render_sgr(v->color, ST_DIM));
        put_lines(out, prefix, (const char *)k->message.data, k->message.len);
        fputs(render_sgr(v->color, ST_NONE), out);
    } else if (k->n_cases == 0) {
        fputs(CASE_INDENT "(no details were sent for this check)\n", out);
    }
    if (k->output_tail.len && !error_shown) {
        fprintf(out, CASE_INDENT "%soutput (last lines):%s\n", render_sgr(v->color, ST_DIM),
                render_sgr(v->color, ST_NONE));
        put_tail(out, (const char *)k->output_tail.data, k->output_tail.len, CASE_INDENT "  | ",
                 GRADE_TAIL_LINES);
    }
}

void grade_score_line(const Lab__V1__GradeResult *r, bool utf8, char *out, size_t cap)
{
    size_t passed = 0;

    for (size_t i = 0; i < r->n_checks; i++)
        passed += r->checks[i]->passed ? 1 : 0;
    if (r->n_checks)
        snprintf(out, cap, "Score: %" PRIu32 "/%" PRIu32 " %s %zu of %zu check%s passed", r->score,
                 r->max_score, utf8 ? "\xe2\x80\x94" : "-", passed, r->n_checks,
                 r->n_checks == 1 ? "" : "s");
    else
        snprintf(out, cap, "Score: %" PRIu32 "/%" PRIu32, r->score, r->max_score);
}

void grade_summary_line(const Lab__V1__GradeResult *r, char *out, size_t cap)
{
    char lab[128];
    const char *id = r->lab_id ? r->lab_id : "";

    str_term_safe(lab, sizeof lab, id, strlen(id));
    if (!grade_is_final(r))
        snprintf(out, cap, "#%" PRId64 " %s: %s", r->submission_id, lab,
                 r->state == LAB__V1__SUBMISSION_STATE__RUNNING ? "being graded"
                                                                : "waiting in the queue");
    else
        snprintf(out, cap, "#%" PRId64 " %s: %s, %" PRIu32 "/%" PRIu32, r->submission_id, lab,
                 grade_verdict_title(r->verdict), r->score, r->max_score);
}

void grade_print_result(FILE *out, const Lab__V1__GradeResult *r, const struct grade_view *v)
{
    char lab[128], line[256];
    const char *id = r->lab_id ? r->lab_id : "";
    size_t name_w = 0;
    bool case_failed = false;

    str_term_safe(lab, sizeof lab, id, strlen(id));
    if (!grade_is_final(r)) {
        fprintf(out, "Submission #%" PRId64 " for %s is %s.\n", r->submission_id, lab,
                r->state == LAB__V1__SUBMISSION_STATE__RUNNING ? "being graded right now"
                                                               : "waiting in the queue");
        return;
    }
    fprintf(out, "%sSubmission #%" PRId64 " for %s: %s%s%s\n", render_sgr(v->color, ST_BOLD),
            r->submission_id, lab, render_sgr(v->color, verdict_style(r->verdict)),
            grade_verdict_title(r->verdict), render_sgr(v->color, ST_NONE));
    for (size_t i = 0; i < r->n_checks; i++) {
        char name[GRADE_NAME_COLS * 4 + 8];
        const char *nm = r->checks[i]->name ? r->checks[i]->name : "";
        size_t w;

        str_term_safe(name, sizeof name, nm, cut_len(nm, strlen(nm), GRADE_NAME_COLS * 4));
        w = render_width(name);
        if (w > name_w)
            name_w = w < GRADE_NAME_COLS ? w : GRADE_NAME_COLS;
    }
    for (size_t i = 0; i < r->n_checks; i++) {
        if (grade_check_has_cases(r->checks[i])) {
            print_case_check(out, r->checks[i], v);
            case_failed |= !r->checks[i]->passed;
        } else {
            print_check(out, r->checks[i], name_w, v);
        }
    }
    if (r->message.len) {
        size_t skipped;

        fprintf(out, "%sMessage from the grader:%s\n", render_sgr(v->color, ST_DIM),
                render_sgr(v->color, ST_NONE));
        skipped =
            put_tail(out, (const char *)r->message.data, r->message.len, "  | ", GRADE_TAIL_LINES);
        if (skipped)
            fprintf(out, "  (%zu earlier line%s not shown)\n", skipped, skipped == 1 ? "" : "s");
    }
    grade_score_line(r, v->utf8, line, sizeof line);
    fprintf(out, "%s%s%s\n", render_sgr(v->color, ST_BOLD), line, render_sgr(v->color, ST_NONE));
    fprintf(out, "%s\n", grade_verdict_explain(r->verdict));
    if (r->verdict == LAB__V1__VERDICT__ACCEPTED || r->verdict == LAB__V1__VERDICT__INTERNAL_ERROR)
        return;
    if (case_failed)
        fprintf(out, "Fix the first %s and submit again: %ssubmit %s\n", MARK_BAD(v), v->prog, lab);
    else
        fprintf(out, "When it is fixed: %ssubmit %s\n", v->prog, lab);
}

static void json_bytes(struct json *j, const char *key, const ProtobufCBinaryData *b)
{
    json_strn(j, key, (const char *)b->data, b->len);
}

/* A case: every field, but never call/expected/got of a hidden check. */
static void json_case(struct json *j, const Lab__V1__CheckResult *k, const Lab__V1__CaseResult *c)
{
    json_obj_open(j, NULL);
    json_bool(j, "passed", c->passed);
    json_bytes(j, "about", &c->about);
    if (k->visible) {
        json_bytes(j, "call", &c->call);
        json_bytes(j, "expected", &c->expected);
        json_bytes(j, "got", &c->got);
    }
    json_bool(j, "output", k->visible && c->output);
    json_bytes(j, "error", &c->error);
    json_bytes(j, "where", &c->where);
    json_obj_close(j);
}

void grade_json_result(struct json *j, const char *key, const Lab__V1__GradeResult *r)
{
    json_obj_open(j, key);
    json_i64(j, "submission_id", r->submission_id);
    json_str(j, "lab_id", r->lab_id);
    json_str(j, "state", grade_state_name(r->state));
    json_str(j, "verdict", grade_verdict_name(r->verdict));
    json_u64(j, "score", r->score);
    json_u64(j, "max_score", r->max_score);
    json_strn(j, "message", (const char *)r->message.data, r->message.len);
    json_i64(j, "submitted_at", r->submitted_at);
    json_i64(j, "graded_at", r->graded_at);
    json_arr_open(j, "checks");
    for (size_t i = 0; i < r->n_checks; i++) {
        const Lab__V1__CheckResult *c = r->checks[i];

        json_obj_open(j, NULL);
        json_str(j, "name", c->name);
        json_bool(j, "passed", c->passed);
        json_bool(j, "visible", c->visible);
        json_u64(j, "weight", c->weight);
        /* observed/expected are JSON texts; kept as strings so the output is always valid */
        json_strn(j, "observed", (const char *)c->observed.data, c->observed.len);
        if (c->visible && c->expected.len)
            json_strn(j, "expected", (const char *)c->expected.data, c->expected.len);
        json_strn(j, "message", (const char *)c->message.data, c->message.len);
        json_strn(j, "output_tail", (const char *)c->output_tail.data, c->output_tail.len);
        json_strn(j, "description", (const char *)c->description.data, c->description.len);
        json_u64(j, "cases_passed", c->cases_passed);
        json_u64(j, "cases_total", c->cases_total);
        json_arr_open(j, "cases");
        for (size_t k = 0; k < c->n_cases; k++)
            json_case(j, c, c->cases[k]);
        json_arr_close(j);
        json_obj_close(j);
    }
    json_arr_close(j);
    json_obj_close(j);
}

static bool local_tm(int64_t t, struct tm *tm)
{
    time_t tt = (time_t)t;

    return localtime_r(&tt, tm) != NULL;
}

static void format_date(int64_t t, char *out, size_t cap)
{
    struct tm tm;

    if (!local_tm(t, &tm) || !strftime(out, cap, "%Y-%m-%d", &tm))
        snprintf(out, cap, "-");
}

void grade_format_ago(int64_t now, int64_t t, char *out, size_t cap)
{
    int64_t d = now - t;

    if (t <= 0)
        snprintf(out, cap, "-");
    else if (d < 60)
        snprintf(out, cap, "just now");
    else if (d < 3600)
        snprintf(out, cap, "%" PRId64 " min ago", d / 60);
    else if (d < 86400)
        snprintf(out, cap, "%" PRId64 " h ago", d / 3600);
    else if (d < 2 * 86400)
        snprintf(out, cap, "yesterday");
    else if (d < 30 * 86400)
        snprintf(out, cap, "%" PRId64 " days ago", d / 86400);
    else
        format_date(t, out, cap);
}

/* Days since some epoch, in local time, for "today"/"yesterday". */
static long local_day(const struct tm *tm)
{
    return (long)tm->tm_year * 366 + tm->tm_yday;
}

void grade_format_when(int64_t now, int64_t t, char *out, size_t cap)
{
    struct tm tn, tt;
    char hm[16];

    if (t <= 0 || !local_tm(now, &tn) || !local_tm(t, &tt)) {
        snprintf(out, cap, "-");
        return;
    }
    strftime(hm, sizeof hm, "%H:%M", &tt);
    if (local_day(&tt) == local_day(&tn))
        snprintf(out, cap, "today %s", hm);
    else if (local_day(&tt) + 1 == local_day(&tn) ||
             (tt.tm_year + 1 == tn.tm_year && tn.tm_yday == 0 && tt.tm_mon == 11 &&
              tt.tm_mday == 31))
        snprintf(out, cap, "yesterday %s", hm);
    else if (tt.tm_year == tn.tm_year && t <= now)
        strftime(out, cap, "%b %d %H:%M", &tt);
    else
        format_date(t, out, cap);
}

void grade_progress_text(int state, uint32_t queue_position, uint32_t checks_done,
                         uint32_t checks_total, char *out, size_t cap)
{
    if (state == LAB__V1__SUBMISSION_STATE__RUNNING) {
        if (checks_total)
            snprintf(out, cap, "Grading... %" PRIu32 "/%" PRIu32 " checks", checks_done,
                     checks_total);
        else
            snprintf(out, cap, "Grading...");
    } else if (queue_position > 1) {
        snprintf(out, cap, "Queued (position %" PRIu32 ")...", queue_position);
    } else if (queue_position == 1) {
        snprintf(out, cap, "Queued (next in line)...");
    } else {
        snprintf(out, cap, "Queued...");
    }
}
