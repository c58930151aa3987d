/*
 * grader.c — parsing harness lines, comparing case by case, scoring.
 *
 * Everything read here comes from a sandboxed run and is untrusted, the
 * reference's lines included: values are size-capped, counts are capped, and
 * a malformed piece fails the case it belongs to instead of the whole run.
 */
#include "grade/grader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/json.h"
#include "common/str.h"

#define TAIL_MAX 2000

/* Iterate over the lines of @text; returns the next line or NULL at the end. */
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

/*
 * Replace every byte that is not part of valid UTF-8 with '?', so that text
 * from a line can go into a PostgreSQL text column and onto a terminal's
 * decoder. (JSON syntax checks let raw bytes through inside strings.)
 */
static void utf8_scrub(char *s)
{
    size_t len = strlen(s), i = 0;

    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;

        if (n <= len - i && utf8_valid(s + i, n)) {
            i += n;
            continue;
        }
        s[i++] = '?';
    }
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
    if (s)
        utf8_scrub(s);
    return s;
}

static void get_string(const char *line, size_t len, const char *key, char *out, size_t cap)
{
    struct json_span v;

    out[0] = '\0';
    if (json_get(line, len, key, &v) == 0 && json_string(&v, out, cap) < 0)
        out[0] = '\0';
    utf8_scrub(out);
}

/*
 * The string member @key of the JSON object @obj, decoded and cut to @cap
 * bytes (valid UTF-8), in a new buffer. NULL when absent, not a string, empty, or out of
 * memory: every reader treats NULL as "".
 */
static char *member_dup(const struct json_span *obj, const char *key, size_t cap)
{
    char tmp[GRADE_ERROR_MAX + 1];
    struct json_span v;

    if (cap > GRADE_ERROR_MAX)
        cap = GRADE_ERROR_MAX;
    if (json_get(obj->p, obj->len, key, &v) < 0 || json_string(&v, tmp, cap + 1) < 0 || !tmp[0])
        return NULL;
    utf8_scrub(tmp);
    return str_dup(tmp);
}

/* Decode a JSON string span (possibly empty: p NULL) into a new buffer; NULL for "". */
static char *span_dup_string(const struct json_span *v, size_t cap)
{
    char tmp[GRADE_ERROR_MAX + 1];

    if (!v->p || cap > GRADE_ERROR_MAX || json_string(v, tmp, cap + 1) < 0 || !tmp[0])
        return NULL;
    utf8_scrub(tmp);
    return str_dup(tmp);
}

static const char *nz(const char *s)
{
    return s ? s : "";
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
        get_string(line, l, "description", s->description, sizeof s->description);
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

static bool is_case_status(const char *s)
{
    return !strcmp(s, "ok") || !strcmp(s, "exception") || !strcmp(s, "timeout");
}

/*
 * Read one element of a line's "cases" array. A malformed case (not an
 * object, an unknown status, an ok case without a usable observation) keeps
 * an empty status so that it fails in its own place and shifts nothing.
 */
static void parse_case(const struct json_span *elem, struct case_observation *c)
{
    struct json_span v;
    char status[sizeof c->status];

    memset(c, 0, sizeof *c);
    if (elem->len == 0 || elem->p[0] != '{')
        return;
    if (json_get(elem->p, elem->len, "status", &v) < 0 ||
        json_string(&v, status, sizeof status) < 0 || !is_case_status(status))
        return;
    if (!strcmp(status, "ok")) {
        if (json_get(elem->p, elem->len, "observation", &v) < 0 || v.len > GRADE_OBS_MAX)
            return;
        c->observation = dup_span(&v);
        if (!c->observation)
            return;
    }
    memcpy(c->status, status, sizeof status);
    c->about = member_dup(elem, "about", GRADE_ABOUT_MAX);
    c->call = member_dup(elem, "call", GRADE_CALL_MAX);
    c->shown = member_dup(elem, "shown", GRADE_SHOWN_MAX);
    c->error = member_dup(elem, "error", GRADE_ERROR_MAX);
    c->where = member_dup(elem, "where", GRADE_WHERE_MAX);
    if (json_get(elem->p, elem->len, "shown_as", &v) == 0 && v.len == 8 &&
        !memcmp(v.p, "\"output\"", 8))
        c->output = true;
}

/* Fill @o's cases from the check line @line (already known to be valid JSON). */
static void collect_cases(const char *line, size_t l, struct observation *o)
{
    struct json_span arr, elem;
    size_t pos = 0, count = 0;

    if (json_get(line, l, "cases", &arr) < 0) {
        /* Format v1: one observation for the whole check. */
        if (strcmp(o->status, "ok") != 0 || json_get(line, l, "observation", &elem) < 0 ||
            elem.len > GRADE_OBS_MAX)
            return;
        o->cases = calloc(1, sizeof *o->cases);
        if (!o->cases)
            return;
        o->n_cases = 1;
        o->cases[0].observation = dup_span(&elem);
        if (o->cases[0].observation)
            memcpy(o->cases[0].status, "ok", 3);
        return;
    }
    while (count <= GRADE_MAX_CASES && json_array_next(&arr, &pos, &elem) == 1)
        count++;
    if (count > GRADE_MAX_CASES) {
        o->too_many_cases = true;
        count = GRADE_MAX_CASES;
    }
    if (count == 0)
        return;
    o->cases = calloc(count, sizeof *o->cases);
    if (!o->cases)
        return;
    pos = 0;
    while (o->n_cases < count && json_array_next(&arr, &pos, &elem) == 1)
        parse_case(&elem, &o->cases[o->n_cases++]);
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
            get_string(line, l, "error", o->error, sizeof o->error);
            get_string(line, l, "where", o->where, sizeof o->where);
            o->stdout_tail = dup_string(line, l, "stdout_tail", TAIL_MAX);
            o->stderr_tail = dup_string(line, l, "stderr_tail", TAIL_MAX);
            collect_cases(line, l, o);
            break;
        }
    }
}

static void case_observation_release(struct case_observation *c)
{
    free(c->observation);
    free(c->about);
    free(c->call);
    free(c->shown);
    free(c->error);
    free(c->where);
}

void grade_observations_release(struct observation *obs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < obs[i].n_cases; j++)
            case_observation_release(&obs[i].cases[j]);
        free(obs[i].cases);
        free(obs[i].stdout_tail);
        free(obs[i].stderr_tail);
        memset(&obs[i], 0, sizeof obs[i]);
    }
}

char *grade_expected_text(const struct observation *ref)
{
    struct json_out j;

    json_out_init(&j);
    json_out_raw(&j, "[", 1);
    for (size_t i = 0; i < ref->n_cases; i++) {
        const struct case_observation *c = &ref->cases[i];
        const char *obs = c->observation ? c->observation : "null";

        json_out_raw(&j, i ? ",{\"about\":" : "{\"about\":", i ? 10 : 9);
        json_out_str_ascii(&j, nz(c->about), strlen(nz(c->about)));
        json_out_raw(&j, ",\"call\":", 8);
        json_out_str_ascii(&j, nz(c->call), strlen(nz(c->call)));
        json_out_raw(&j, ",\"observation\":", 15);
        json_out_raw(&j, obs, strlen(obs));
        json_out_raw(&j, ",\"shown\":", 9);
        json_out_str_ascii(&j, nz(c->shown), strlen(nz(c->shown)));
        json_out_printf(&j, ",\"shown_as\":\"%s\"}", c->output ? "output" : "value");
    }
    json_out_raw(&j, "]", 1);
    return json_out_take(&j);
}

/* One case of the reference, as spans into the stored expected text. */
struct ref_case {
    struct json_span observation;        /* p NULL: matches nothing */
    struct json_span about, call, shown; /* JSON strings; p NULL when absent */
    bool output;
};

/* True when @text is a stored case array (not an older bare observation). */
static bool is_case_array(const char *text, size_t len)
{
    struct json_span arr = {text, len}, elem, v;
    size_t pos = 0, count = 0;
    int rc;

    while ((rc = json_array_next(&arr, &pos, &elem)) == 1) {
        if (elem.p[0] != '{' || json_get(elem.p, elem.len, "observation", &v) < 0 ||
            json_get(elem.p, elem.len, "shown_as", &v) < 0)
            return false;
        count++;
    }
    /* An empty array can only be an old observation: a verified reference has cases. */
    return rc == 0 && count > 0;
}

static void ref_member(const struct json_span *elem, const char *key, struct json_span *out)
{
    if (json_get(elem->p, elem->len, key, out) < 0 || out->len < 2 || out->p[0] != '"') {
        out->p = NULL;
        out->len = 0;
    }
}

/*
 * Read the stored expected text of a check into @out (room for
 * GRADE_MAX_CASES). Returns the number of reference cases, at least 1: a NULL
 * text is one case that nothing matches, an older bare observation is one
 * case with empty call and shown.
 */
static size_t ref_cases(const char *text, struct ref_case *out)
{
    struct json_span arr, elem;
    size_t pos = 0, n = 0, len;

    memset(&out[0], 0, sizeof out[0]);
    if (!text)
        return 1;
    len = strlen(text);
    if (!is_case_array(text, len)) {
        out[0].observation.p = text;
        out[0].observation.len = len;
        return 1;
    }
    arr.p = text;
    arr.len = len;
    while (n < GRADE_MAX_CASES && json_array_next(&arr, &pos, &elem) == 1) {
        struct ref_case *r = &out[n++];
        struct json_span v;

        memset(r, 0, sizeof *r);
        if (json_get(elem.p, elem.len, "observation", &r->observation) < 0)
            r->observation.p = NULL;
        ref_member(&elem, "about", &r->about);
        ref_member(&elem, "call", &r->call);
        ref_member(&elem, "shown", &r->shown);
        r->output = json_get(elem.p, elem.len, "shown_as", &v) == 0 && v.len == 8 &&
                    !memcmp(v.p, "\"output\"", 8);
    }
    return n;
}

static bool same_observation(const struct json_span *ref, const char *got)
{
    return ref->p && got && strlen(got) == ref->len && !memcmp(ref->p, got, ref->len);
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

/* Why something failed, as a verdict: WRONG for a plain wrong answer or exception. */
static enum grade_verdict failure_cause(const char *status, const char *error)
{
    if (!strcmp(status, "timeout"))
        return GRADE_TIME_LIMIT;
    if (!strncmp(error, "MemoryError", 11))
        return GRADE_MEMORY_LIMIT;
    if (!strncmp(error, "OutputLimitExceeded", 19))
        return GRADE_OUTPUT_LIMIT;
    if (!strcmp(status, "import_error"))
        return GRADE_RUNTIME_ERROR;
    return GRADE_WRONG;
}

static char *tail_of(const struct observation *o)
{
    const char *src = o->stderr_tail && o->stderr_tail[0] ? o->stderr_tail : o->stdout_tail;

    return src && src[0] ? str_dup(src) : NULL;
}

static char *dup_or_null(const char *s)
{
    return s && s[0] ? str_dup(s) : NULL;
}

/* The verdict causes of the failed cases, gathered over the whole report. */
struct causes {
    enum grade_verdict common; /* GRADE_ACCEPTED: no failure seen yet */
    bool mixed;
};

static void add_cause(struct causes *cs, enum grade_verdict cause)
{
    if (cs->common == GRADE_ACCEPTED)
        cs->common = cause;
    else if (cs->common != cause)
        cs->mixed = true;
}

/*
 * Grade one check: @o is its line (NULL when not run or not reported), @text
 * its stored expected text. Fills @c's cases and counts. This is the one
 * place that decides what a hidden check shows: about, passed, error and
 * where, never call, expected or got.
 */
static void grade_check(const struct check_spec *spec, const struct observation *o,
                        const char *text, struct check_outcome *c, struct causes *cs)
{
    struct ref_case *ref = malloc(GRADE_MAX_CASES * sizeof *ref);
    size_t n_ref, shown_case = SIZE_MAX;
    bool check_ok = o && !strcmp(o->status, "ok");
    bool check_error_used = false;

    if (!ref) {
        c->n_cases = 1;
        return;
    }
    n_ref = ref_cases(text, ref);
    c->n_cases = n_ref;
    c->cases = calloc(n_ref, sizeof *c->cases);
    for (size_t j = 0; j < n_ref; j++) {
        const struct case_observation *s = o && j < o->n_cases ? &o->cases[j] : NULL;
        bool s_ok = s && !strcmp(s->status, "ok");
        bool passed = check_ok && s_ok && same_observation(&ref[j].observation, s->observation);
        struct case_outcome *k = c->cases ? &c->cases[j] : NULL;

        if (passed)
            c->n_passed++;
        else if (shown_case == SIZE_MAX)
            shown_case = j;
        /* A check that did not end ok fails all its cases for its own reason. */
        if (!passed && o)
            add_cause(cs, !check_ok           ? failure_cause(o->status, o->error)
                          : s && s->status[0] ? failure_cause(s->status, nz(s->error))
                                              : GRADE_WRONG);
        if (!k)
            continue;
        k->passed = passed;
        k->output = ref[j].output;
        k->about = span_dup_string(&ref[j].about, GRADE_ABOUT_MAX);
        if (spec->visible) {
            k->call = span_dup_string(&ref[j].call, GRADE_CALL_MAX);
            k->expected = span_dup_string(&ref[j].shown, GRADE_SHOWN_MAX);
            if (s_ok)
                k->got = str_dup(nz(s->shown));
            if (!k->about)
                k->about = str_dup("");
        } else if (!k->about) {
            char about[GRADE_DESC_MAX + 64];

            snprintf(about, sizeof about, "%s (case %zu of %zu)",
                     spec->description[0] ? spec->description : spec->name, j + 1, n_ref);
            k->about = str_dup(about);
        }
        if (s && s->error && s->error[0]) {
            k->error = str_dup(s->error);
            k->where = dup_or_null(s->where);
        } else if (s && !strcmp(s->status, "timeout")) {
            char why[64];

            snprintf(why, sizeof why, "took longer than %u ms", spec->timeout_ms);
            k->error = str_dup(why);
        } else if (!s && o && !check_ok && !check_error_used && o->error[0]) {
            /* What stopped the check before this case is told once, on its first missing case. */
            k->error = str_dup(o->error);
            k->where = dup_or_null(o->where);
            check_error_used = true;
        }
    }
    c->passed = n_ref > 0 && c->n_passed == n_ref;
    if (spec->visible && o) {
        size_t j = shown_case == SIZE_MAX ? 0 : shown_case;
        const struct case_observation *s = j < o->n_cases ? &o->cases[j] : NULL;

        /* Observations are compared as they are; shown, they must be text. */
        if (s && s->observation && utf8_valid(s->observation, strlen(s->observation)))
            c->observed = str_dup(s->observation);
        if (ref[j].observation.p && utf8_valid(ref[j].observation.p, ref[j].observation.len))
            c->expected = dup_span(&ref[j].observation);
    }
    free(ref);
}

/* The check's line for a student, once its cases are graded. */
static void check_message(const struct check_spec *spec, const struct observation *o,
                          struct check_outcome *c)
{
    enum grade_verdict cause;

    if (c->passed) {
        snprintf(c->message, sizeof c->message, "passed");
        return;
    }
    if (!strcmp(o->status, "ok")) {
        if (c->n_cases > 1)
            snprintf(c->message, sizeof c->message, "%zu of %zu cases passed%s", c->n_passed,
                     c->n_cases, c->visible ? "" : ": think about edge cases");
        else if (c->n_cases == 1 && c->cases && c->cases[0].error && c->cases[0].error[0])
            snprintf(c->message, sizeof c->message,
                     "your code stopped with an error: fix the line shown above");
        else
            snprintf(c->message, sizeof c->message, "%s",
                     c->visible ? "wrong result: compare yours with the expected one"
                                : "wrong result on a hidden test: think about edge cases");
        return;
    }
    cause = failure_cause(o->status, o->error);
    if (cause == GRADE_TIME_LIMIT)
        snprintf(c->message, sizeof c->message,
                 "took longer than %u ms: look for a loop that never ends", spec->timeout_ms);
    else if (cause == GRADE_MEMORY_LIMIT)
        snprintf(c->message, sizeof c->message,
                 "used too much memory: is a list growing without end?");
    else if (!strcmp(o->status, "import_error"))
        snprintf(c->message, sizeof c->message, "the program failed when it started: %.200s",
                 o->error[0] ? o->error : "an error");
    else
        snprintf(c->message, sizeof c->message, "raised %.200s",
                 o->error[0] ? o->error : "an error");
}

static uint64_t gcd_u64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/*
 * round(points * Σ(weight_i * passed_i / cases_i) / Σ weight_i), half up.
 * Exact in integers over the common denominator of the case counts; a
 * denominator too large for that (many different prime case counts) falls
 * back to long double, where a tie is too unlikely to matter.
 */
static uint32_t scaled_score(const struct check_outcome *cs, size_t n, uint32_t points)
{
    uint64_t lcm = 1, num = 0, all_w = 0, a, b;
    bool exact = true;

    for (size_t i = 0; i < n; i++) {
        uint64_t k = cs[i].n_cases ? cs[i].n_cases : 1;

        all_w += cs[i].weight;
        if (exact && __builtin_mul_overflow(lcm / gcd_u64(lcm, k), k, &lcm))
            exact = false;
    }
    if (all_w == 0)
        return 0;
    for (size_t i = 0; exact && i < n; i++) {
        uint64_t k = cs[i].n_cases ? cs[i].n_cases : 1, term;

        if (__builtin_mul_overflow((uint64_t)cs[i].weight * cs[i].n_passed, lcm / k, &term) ||
            __builtin_add_overflow(num, term, &num))
            exact = false;
    }
    /* score = floor((2 * points * num + W * L) / (2 * W * L)) */
    if (exact && !__builtin_mul_overflow(2 * (uint64_t)points, num, &a) &&
        !__builtin_mul_overflow(all_w, lcm, &b) && !__builtin_add_overflow(a, b, &a) &&
        !__builtin_mul_overflow(b, 2, &b))
        return (uint32_t)(a / b);
    {
        long double sum = 0;

        for (size_t i = 0; i < n; i++)
            sum += (long double)cs[i].weight * (long double)cs[i].n_passed /
                   (long double)(cs[i].n_cases ? cs[i].n_cases : 1);
        /* Not negative, so truncation is the floor. */
        return (uint32_t)((long double)points * sum / (long double)all_w + 0.5L);
    }
}

void grade_compare(const struct check_spec *specs, size_t n, struct observation *obs,
                   const char *const *expected, bool syntax_error, const char *syntax_msg,
                   enum grade_run_end run_end, uint32_t points, struct grade_report *rep)
{
    size_t n_passed = 0, n_missing = 0;
    /* When no case passes and every failure has the same resource cause, that cause is
     * the verdict: seven timeouts are "time limit", not "wrong". */
    struct causes cs = {GRADE_ACCEPTED, false};
    const char *first_error = NULL;

    memset(rep, 0, sizeof *rep);
    rep->max_score = points;
    rep->n_checks = n > GRADE_MAX_CHECKS ? GRADE_MAX_CHECKS : n;
    for (size_t i = 0; i < rep->n_checks; i++) {
        struct check_outcome *c = &rep->checks[i];
        struct observation *o = &obs[i];
        bool ran = !syntax_error && o->present;

        str_copy(c->name, sizeof c->name, specs[i].name);
        c->description = str_dup(specs[i].description);
        c->visible = specs[i].visible;
        c->weight = specs[i].weight;
        grade_check(&specs[i], ran ? o : NULL, expected[i], c, &cs);
        rep->n_cases += c->n_cases;
        rep->n_cases_passed += c->n_passed;
        if (c->passed)
            n_passed++;
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
        check_message(&specs[i], o, c);
        if (!first_error && o->error[0])
            first_error = o->error;
    }
    rep->score = scaled_score(rep->checks, rep->n_checks, points);
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
    } else if (rep->n_cases_passed == 0 && n_missing == 0 && !cs.mixed &&
               cs.common != GRADE_ACCEPTED && cs.common != GRADE_WRONG) {
        rep->verdict = cs.common;
        if (cs.common == GRADE_RUNTIME_ERROR)
            snprintf(rep->message, sizeof rep->message,
                     "Your program stopped with an error: %.400s",
                     first_error ? first_error : "unknown error");
        else
            snprintf(rep->message, sizeof rep->message, "%s",
                     cs.common == GRADE_TIME_LIMIT
                         ? "Your program ran out of time: look for a loop that never ends."
                     : cs.common == GRADE_MEMORY_LIMIT
                         ? "Your program used too much memory: is a list growing without end?"
                         : "Your program printed too much: is a print inside a loop that never "
                           "ends?");
    } else if (n_passed == rep->n_checks && n > 0) {
        rep->verdict = GRADE_ACCEPTED;
        snprintf(rep->message, sizeof rep->message, "All %zu checks passed.", n_passed);
    } else if (rep->n_cases_passed > 0) {
        rep->verdict = GRADE_PARTIAL;
        if (rep->n_cases > rep->n_checks)
            snprintf(rep->message, sizeof rep->message,
                     "%zu of %zu checks passed (%zu of %zu cases).", n_passed, rep->n_checks,
                     rep->n_cases_passed, rep->n_cases);
        else
            snprintf(rep->message, sizeof rep->message, "%zu of %zu checks passed.", n_passed,
                     rep->n_checks);
    } else {
        rep->verdict = GRADE_WRONG;
        snprintf(rep->message, sizeof rep->message, "No check passed yet.");
    }
}

static void case_outcome_release(struct case_outcome *k)
{
    free(k->about);
    free(k->call);
    free(k->expected);
    free(k->got);
    free(k->error);
    free(k->where);
}

void grade_report_release(struct grade_report *rep)
{
    for (size_t i = 0; i < rep->n_checks; i++) {
        struct check_outcome *c = &rep->checks[i];

        if (c->cases)
            for (size_t j = 0; j < c->n_cases; j++)
                case_outcome_release(&c->cases[j]);
        free(c->cases);
        free(c->description);
        free(c->observed);
        free(c->expected);
        free(c->output_tail);
    }
    memset(rep, 0, sizeof *rep);
}

const char *grade_verdict_name(enum grade_verdict v)
{
    static const char *names[] = {"unspecified",  "accepted",       "partial",       "wrong",
                                  "syntax_error", "runtime_error",  "time_limit",    "memory_limit",
                                  "output_limit", "forbidden_call", "internal_error"};

    return (unsigned)v < ARRAY_SIZE(names) ? names[v] : "unknown";
}

/* " at line 4, in add: ..." when @where is set, else "". */
static void at_where(char *out, size_t cap, const char *where)
{
    if (where && where[0])
        snprintf(out, cap, " at %s", where);
    else if (cap)
        out[0] = '\0';
}

int grade_verify_reference(const struct check_spec *specs, size_t n, struct observation *run1,
                           struct observation *run2, struct lab_err *err)
{
    for (size_t i = 0; i < n; i++) {
        const char *name = specs[i].name;
        const struct observation *a = &run1[i], *b = &run2[i];
        char at[GRADE_WHERE_MAX + 8];

        if (!a->present || !b->present)
            return lab_errf(err, LAB_E_PARSE, "check '%s': the reference did not report a result",
                            name);
        if (strcmp(a->status, "ok") || strcmp(b->status, "ok")) {
            const struct observation *bad = strcmp(a->status, "ok") ? a : b;

            at_where(at, sizeof at, bad->where);
            return lab_errf(err, LAB_E_PARSE, "check '%s': the reference failed (%s: %s%s)", name,
                            bad->status, bad->error[0] ? bad->error : "no error text", at);
        }
        if (a->too_many_cases || b->too_many_cases)
            return lab_errf(err, LAB_E_PARSE,
                            "check '%s' has more than %d cases: split it into several checks", name,
                            GRADE_MAX_CASES);
        if (a->n_cases == 0 || b->n_cases == 0)
            return lab_errf(err, LAB_E_PARSE, "check '%s': the reference reported no cases", name);
        if (a->n_cases != b->n_cases)
            return lab_errf(err, LAB_E_PARSE,
                            "check '%s': the reference gave %zu cases on one run and %zu on "
                            "another (cases must not depend on chance)",
                            name, a->n_cases, b->n_cases);
        for (size_t j = 0; j < a->n_cases; j++) {
            const struct case_observation *x = &a->cases[j], *y = &b->cases[j];

            if (strcmp(x->status, "ok") || strcmp(y->status, "ok")) {
                const struct case_observation *bad = strcmp(x->status, "ok") ? x : y;

                at_where(at, sizeof at, bad->where);
                return lab_errf(err, LAB_E_PARSE,
                                "check '%s', case %zu: the reference failed (%s: %s%s)", name,
                                j + 1, bad->status[0] ? bad->status : "malformed case",
                                bad->error && bad->error[0] ? bad->error : "no error text", at);
            }
            if (!x->observation || !y->observation || strcmp(x->observation, y->observation))
                return lab_errf(err, LAB_E_PARSE,
                                "check '%s', case %zu: the reference gave different observations "
                                "on two runs (use sorted() or fixed seeds so results are "
                                "repeatable)",
                                name, j + 1);
        }
    }
    return 0;
}
