/*
 * grader.c — parsing harness lines, comparing, scoring.
 */
#include "grade/grader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/json.h"
#include "common/str.h"

#define TAIL_MAX 2000

/* Iterate over the lines of @text; returns the next line's length or -1 at the end. */
static const char *next_line(const char **p, const char *end, size_t *len)
{
    const char *start = *p, *nl;

    if (start >= end)
        return NULL;
    nl = memchr(start, '\n', (size_t)(end - start));
    *len = nl ? (size_t)(nl - start) : (size_t)(end - start);
    *p = nl ? nl + 1 : end;
    return start;
}

static char *dup_span(const struct json_span *v)
{
    char *s = malloc(v->len + 1);

    if (s) {
        memcpy(s, v->p, v->len);
        s[v->len] = '\0';
    }
    return s;
}

static char *dup_string(const char *line, size_t len, const char *key, size_t cap)
{
    struct json_span v;
    char *s;

    if (json_get(line, len, key, &v) < 0)
        return NULL;
    s = malloc(cap + 1);
    if (s && json_string(&v, s, cap + 1) < 0) {
        free(s);
        return NULL;
    }
    return s;
}

static void get_string(const char *line, size_t len, const char *key, char *out, size_t cap)
{
    struct json_span v;

    out[0] = '\0';
    if (json_get(line, len, key, &v) == 0 && json_string(&v, out, cap) < 0)
        out[0] = '\0';
}

int grade_parse_specs(const char *text, size_t len, struct check_spec *specs, size_t cap,
                      struct lab_err *err)
{
    const char *p = text, *end = text + len, *line;
    size_t n = 0, l;

    while ((line = next_line(&p, end, &l))) {
        struct json_span v;
        struct check_spec *s;
        int64_t num;

        char kind[24];

        if (l == 0 || !json_valid(line, l))
            continue;
        get_string(line, l, "kind", kind, sizeof kind);
        if (strcmp(kind, "check_info") != 0 || json_get(line, l, "name", &v) < 0)
            continue;
        if (n == cap)
            return lab_errf(err, LAB_E_RANGE, "checks.py defines more than %zu checks", cap);
        s = &specs[n];
        memset(s, 0, sizeof *s);
        if (json_string(&v, s->name, sizeof s->name) < 0 || !s->name[0])
            return lab_errf(err, LAB_E_PARSE, "a check has a name that is not text");
        for (size_t i = 0; i < n; i++)
            if (!strcmp(specs[i].name, s->name))
                return lab_errf(err, LAB_E_PARSE, "two checks are named '%s'", s->name);
        s->weight = 1;
        if (json_get(line, l, "weight", &v) == 0) {
            if (json_int(&v, &num) < 0 || num < 0 || num > 1000)
                return lab_errf(err, LAB_E_PARSE, "check '%s': weight must be 0-1000", s->name);
            s->weight = (uint32_t)num;
        }
        if (json_get(line, l, "visible", &v) == 0)
            s->visible = json_is_true(&v);
        s->timeout_ms = 1000;
        if (json_get(line, l, "timeout_ms", &v) == 0 && json_int(&v, &num) == 0 && num > 0 &&
            num <= 600000)
            s->timeout_ms = (uint32_t)num;
        n++;
    }
    if (n == 0)
        return lab_errf(err, LAB_E_PARSE, "checks.py defines no checks");
    return (int)n;
}

void grade_collect(const char *text, size_t len, const struct check_spec *specs, size_t n,
                   struct observation *obs, bool *syntax_error, char *msg, size_t msg_cap)
{
    const char *p = text, *end = text + len, *line;
    size_t l;

    memset(obs, 0, n * sizeof *obs);
    *syntax_error = false;
    if (msg_cap)
        msg[0] = '\0';
    while ((line = next_line(&p, end, &l))) {
        struct json_span v;
        char kind[24], name[GRADE_NAME_MAX + 1];

        if (l == 0 || !json_valid(line, l))
            continue;
        get_string(line, l, "kind", kind, sizeof kind);
        if (!strcmp(kind, "syntax_error") && !*syntax_error) {
            char m[200];
            int64_t lineno = 0;

            *syntax_error = true;
            get_string(line, l, "message", m, sizeof m);
            if (json_get(line, l, "line", &v) == 0 && json_int(&v, &lineno) < 0)
                lineno = 0;
            snprintf(msg, msg_cap, "line %lld: %s", (long long)lineno, m);
            continue;
        }
        if (strcmp(kind, "check") != 0)
            continue;
        get_string(line, l, "name", name, sizeof name);
        for (size_t i = 0; i < n; i++) {
            struct observation *o = &obs[i];

            if (o->present || strcmp(specs[i].name, name) != 0)
                continue;
            o->present = true;
            get_string(line, l, "status", o->status, sizeof o->status);
            if (json_get(line, l, "observation", &v) == 0 && !(v.len == 4 && !memcmp(v.p, "null", 4)))
                o->value = dup_span(&v);
            get_string(line, l, "error", o->error, sizeof o->error);
            o->stdout_tail = dup_string(line, l, "stdout_tail", TAIL_MAX);
            o->stderr_tail = dup_string(line, l, "stderr_tail", TAIL_MAX);
            break;
        }
    }
}

void grade_observations_release(struct observation *obs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(obs[i].value);
        free(obs[i].stdout_tail);
        free(obs[i].stderr_tail);
        memset(&obs[i], 0, sizeof obs[i]);
    }
}

static enum grade_verdict verdict_for_run_end(enum grade_run_end e)
{
    switch (e) {
    case GRADE_RUN_TIME:
        return GRADE_TIME_LIMIT;
    case GRADE_RUN_MEMORY:
        return GRADE_MEMORY_LIMIT;
    case GRADE_RUN_OUTPUT:
        return GRADE_OUTPUT_LIMIT;
    case GRADE_RUN_FORBIDDEN:
        return GRADE_FORBIDDEN_CALL;
    case GRADE_RUN_INTERNAL:
        return GRADE_INTERNAL_ERROR;
    default:
        return GRADE_RUNTIME_ERROR;
    }
}

/* Why a reported check failed, as a verdict: WRONG for a plain wrong answer or exception. */
static enum grade_verdict failure_cause(const struct observation *o)
{
    if (!strcmp(o->status, "timeout"))
        return GRADE_TIME_LIMIT;
    if (!strncmp(o->error, "MemoryError", 11))
        return GRADE_MEMORY_LIMIT;
    if (!strncmp(o->error, "OutputLimitExceeded", 19))
        return GRADE_OUTPUT_LIMIT;
    if (!strcmp(o->status, "import_error"))
        return GRADE_RUNTIME_ERROR;
    return GRADE_WRONG;
}

static char *tail_of(const struct observation *o)
{
    const char *src = o->stderr_tail && o->stderr_tail[0] ? o->stderr_tail : o->stdout_tail;

    return src && src[0] ? str_dup(src) : NULL;
}

void grade_compare(const struct check_spec *specs, size_t n, struct observation *obs,
                   const char *const *expected, bool syntax_error, const char *syntax_msg,
                   enum grade_run_end run_end, uint32_t points, struct grade_report *rep)
{
    uint64_t got_w = 0, all_w = 0;
    size_t n_passed = 0, n_missing = 0;
    /* When no check passes and every failure has the same resource cause, that cause
     * is the verdict: seven timeouts are "time limit", not "wrong". */
    enum grade_verdict common = GRADE_ACCEPTED;
    bool mixed = false;

    memset(rep, 0, sizeof *rep);
    rep->max_score = points;
    rep->n_checks = n > GRADE_MAX_CHECKS ? GRADE_MAX_CHECKS : n;
    for (size_t i = 0; i < rep->n_checks; i++) {
        struct check_outcome *c = &rep->checks[i];
        struct observation *o = &obs[i];

        str_copy(c->name, sizeof c->name, specs[i].name);
        c->visible = specs[i].visible;
        c->weight = specs[i].weight;
        all_w += specs[i].weight;
        if (syntax_error) {
            snprintf(c->message, sizeof c->message, "not run: the program has a syntax error");
            continue;
        }
        if (!o->present) {
            n_missing++;
            snprintf(c->message, sizeof c->message,
                     run_end == GRADE_RUN_OK ? "did not report a result"
                                             : "did not finish: the run was stopped (%s)",
                     grade_verdict_name(verdict_for_run_end(run_end)));
            continue;
        }
        c->output_tail = tail_of(o);
        if (o->value) {
            c->observed = o->value;
            o->value = NULL;
        }
        if (c->visible && expected[i])
            c->expected = str_dup(expected[i]);
        if (!strcmp(o->status, "ok")) {
            if (c->observed && expected[i] && !strcmp(c->observed, expected[i])) {
                c->passed = true;
                n_passed++;
                got_w += specs[i].weight;
                snprintf(c->message, sizeof c->message, "passed");
            } else {
                snprintf(c->message, sizeof c->message, "%s",
                         c->visible ? "wrong result: compare yours with the expected one"
                                    : "wrong result on a hidden test: think about edge cases");
                if (common == GRADE_ACCEPTED)
                    common = GRADE_WRONG;
                else if (common != GRADE_WRONG)
                    mixed = true;
            }
        } else {
            enum grade_verdict cause = failure_cause(o);

            if (cause == GRADE_TIME_LIMIT)
                snprintf(c->message, sizeof c->message,
                         "took longer than %u ms: look for a loop that never ends",
                         specs[i].timeout_ms);
            else if (cause == GRADE_MEMORY_LIMIT)
                snprintf(c->message, sizeof c->message,
                         "used too much memory: is a list growing without end?");
            else if (!strcmp(o->status, "import_error"))
                snprintf(c->message, sizeof c->message,
                         "the program failed when it started: %.200s",
                         o->error[0] ? o->error : "an error");
            else
                snprintf(c->message, sizeof c->message, "raised %.200s",
                         o->error[0] ? o->error : "an error");
            if (common == GRADE_ACCEPTED)
                common = cause;
            else if (common != cause)
                mixed = true;
        }
    }
    rep->score = all_w ? (uint32_t)((got_w * points + all_w / 2) / all_w) : 0;
    if (syntax_error) {
        rep->verdict = GRADE_SYNTAX_ERROR;
        snprintf(rep->message, sizeof rep->message, "Syntax error, %s", syntax_msg);
        rep->score = 0;
    } else if (run_end != GRADE_RUN_OK && n_missing > 0) {
        rep->verdict = verdict_for_run_end(run_end);
        snprintf(rep->message, sizeof rep->message, "%s",
                 rep->verdict == GRADE_TIME_LIMIT     ? "Your program ran out of time."
                 : rep->verdict == GRADE_MEMORY_LIMIT ? "Your program used too much memory."
                 : rep->verdict == GRADE_OUTPUT_LIMIT ? "Your program printed too much."
                 : rep->verdict == GRADE_FORBIDDEN_CALL
                     ? "Your program tried something that is not allowed here."
                 : rep->verdict == GRADE_INTERNAL_ERROR
                     ? "Something went wrong on the server; your teacher has been told."
                     : "Your program crashed.");
    } else if (n_passed == 0 && n_missing == 0 && !mixed && common != GRADE_ACCEPTED &&
               common != GRADE_WRONG) {
        rep->verdict = common;
        if (common == GRADE_RUNTIME_ERROR)
            snprintf(rep->message, sizeof rep->message, "Your program stopped with an error: %s",
                     obs[0].error[0] ? obs[0].error : "unknown error");
        else
            snprintf(rep->message, sizeof rep->message, "%s",
                     common == GRADE_TIME_LIMIT
                         ? "Your program ran out of time: look for a loop that never ends."
                     : common == GRADE_MEMORY_LIMIT
                         ? "Your program used too much memory: is a list growing without end?"
                         : "Your program printed too much: is a print inside a loop that never "
                           "ends?");
    } else if (n_passed == rep->n_checks && n > 0) {
        rep->verdict = GRADE_ACCEPTED;
        snprintf(rep->message, sizeof rep->message, "All %zu checks passed.", n_passed);
    } else if (n_passed > 0) {
        rep->verdict = GRADE_PARTIAL;
        snprintf(rep->message, sizeof rep->message, "%zu of %zu checks passed.", n_passed,
                 rep->n_checks);
    } else {
        rep->verdict = GRADE_WRONG;
        snprintf(rep->message, sizeof rep->message, "No check passed yet.");
    }
}

void grade_report_release(struct grade_report *rep)
{
    for (size_t i = 0; i < rep->n_checks; i++) {
        free(rep->checks[i].observed);
        free(rep->checks[i].expected);
        free(rep->checks[i].output_tail);
    }
    memset(rep, 0, sizeof *rep);
}

const char *grade_verdict_name(enum grade_verdict v)
{
    static const char *names[] = {"unspecified", "accepted",     "partial",      "wrong",
                                  "syntax_error", "runtime_error", "time_limit",  "memory_limit",
                                  "output_limit", "forbidden_call", "internal_error"};

    return (unsigned)v < ARRAY_SIZE(names) ? names[v] : "unknown";
}

int grade_verify_reference(const struct check_spec *specs, size_t n, struct observation *run1,
                           struct observation *run2, struct lab_err *err)
{
    for (size_t i = 0; i < n; i++) {
        const char *name = specs[i].name;

        if (!run1[i].present || !run2[i].present)
            return lab_errf(err, LAB_E_PARSE, "check '%s': the reference did not report a result",
                            name);
        if (strcmp(run1[i].status, "ok") || strcmp(run2[i].status, "ok"))
            return lab_errf(err, LAB_E_PARSE, "check '%s': the reference failed (%s: %s)", name,
                            strcmp(run1[i].status, "ok") ? run1[i].status : run2[i].status,
                            run1[i].error[0] ? run1[i].error : run2[i].error);
        if (!run1[i].value || !run2[i].value || strcmp(run1[i].value, run2[i].value))
            return lab_errf(err, LAB_E_PARSE,
                            "check '%s': the reference gave different observations on two runs "
                            "(use sorted() or fixed seeds so results are repeatable)", name);
    }
    return 0;
}
