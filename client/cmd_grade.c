/*
 * cmd_grade.c — see cmd_grade.h.
 *
 * submit is the only command that waits for something the server pushes:
 * it installs its own push handler *before* sending the SubmitRequest (a
 * fast grader can push the result right behind the SubmitAck), keeps
 * results that arrive before the ack names the submission, and services
 * the connection until its GradeResult arrives. A lost connection is
 * reconnected and resumed, and the result fetched with ListResultsRequest,
 * so a network blip never loses a grade. Pushes that are not ours go on to
 * the handler that was installed before (the shell's).
 */
#include "client/cmd_grade.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client/cmd_live.h"
#include "client/cmds.h"
#include "client/codefile.h"
#include "client/grade.h"
#include "client/render.h"
#include "common/fields.h"
#include "common/str.h"

#define SAFE_MAX 1024
#define PATH_MAX_LEN 4096
#define EARLY_MAX 8
#define TICK_MS 125
#define STATEMENT_MIN_LINES 3
#define STATEMENT_LINES 10
#define STATEMENT_MAX_LINES 20
#define RESULTS_DEFAULT 20
#define LIST_FOR_SUBMIT 10

static const char *safe(char *buf, size_t cap, const char *s)
{
    return str_term_safe(buf, cap, s ? s : "", s ? strlen(s) : 0);
}

static const char *prog(const struct app *a)
{
    return a->in_shell ? "" : "labclient ";
}

static struct grade_view view_of(const struct app *a)
{
    struct grade_view v;

    v.color = a->color;
    v.utf8 = render_utf8_locale();
    v.prog = prog(a);
    return v;
}

static int oom(struct fail *f)
{
    return fail_set(f, EXIT_REFUSED, "internal", "out of memory");
}

/* FILE for start/submit: as given, or LAB.py (only for a lab id that is a safe file name). */
static int code_path(const struct app *a, const struct cli_args *args, char *out, size_t cap,
                     struct fail *f)
{
    char shown[SAFE_MAX];

    if (args->file) {
        if ((size_t)snprintf(out, cap, "%s", args->file) >= cap)
            return fail_set(f, EXIT_USAGE, "usage", "The file name is too long.");
        return 0;
    }
    if (!field_ok(FIELD_LAB_ID, args->arg)) {
        fail_set(f, EXIT_USAGE, "usage", "'%s' is not a lab id.",
                 safe(shown, sizeof shown, args->arg));
        fail_hint(f, "Lab ids look like hello-world (%slabs lists them).", prog(a));
        return -1;
    }
    snprintf(out, cap, "%s.py", args->arg);
    return 0;
}

static void hint_lab_not_found(const struct app *a, struct fail *f)
{
    if (strcmp(f->code, "not_found") == 0)
        fail_hint(f, "Check the lab id: %slabs lists them all.", prog(a));
}

/* ---------------------------------------------------------------- start */

/*
 * Print the start of the statement: up to its second heading (the
 * introduction), else whole paragraphs up to about STATEMENT_LINES lines,
 * never cutting a fenced code block in half (STATEMENT_MAX_LINES at most).
 */
static void print_statement_start(const struct app *a, const Lab__V1__LabDetail *d, const char *lab)
{
    const char *md = (const char *)d->statement_md.data;
    size_t len = d->statement_md.len, n = 0, lines = 0;
    bool in_fence = false;

    if (!len)
        return;
    while (n < len) {
        const char *nl = memchr(md + n, '\n', len - n);
        size_t end = nl ? (size_t)(nl - md) + 1 : len;
        bool blank_next = end >= len || md[end] == '\n';

        if (!in_fence && lines >= STATEMENT_MIN_LINES && md[n] == '#')
            break;
        if (end - n >= 3 && (strncmp(md + n, "```", 3) == 0 || strncmp(md + n, "~~~", 3) == 0))
            in_fence = !in_fence;
        n = end;
        lines++;
        if (lines >= STATEMENT_MAX_LINES || (!in_fence && lines >= STATEMENT_LINES && blank_next))
            break;
    }
    render_markdown(stdout, a->color, md, n);
    if (n < len)
        printf("%s...%s (the whole task: %sshow %s)\n", render_sgr(a->color, ST_DIM),
               render_sgr(a->color, ST_NONE), prog(a), lab);
}

/*
 * start/submit without LAB: the live exercise's lab. @la is filled from
 * @args with arg set to @lab; returns the arguments to use.
 */
static const struct cli_args *live_args(struct app *a, const struct cli_args *args,
                                        struct cli_args *la, char *lab, size_t cap, struct fail *f)
{
    if (args->arg)
        return args;
    if (cmd_live_lab(a, lab, cap, f) < 0)
        return NULL;
    *la = *args;
    la->arg = lab;
    return la;
}

int cmd_start(struct app *a, const struct cli_args *args_in, struct json *j, struct fail *f)
{
    struct cli_args la;
    char live_lab[LAB_ID_MAX * 4];
    const struct cli_args *args = live_args(a, args_in, &la, live_lab, sizeof live_lab, f);

    Lab__V1__GetLabRequest gr = LAB__V1__GET_LAB_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__LabDetail *d;
    Lab__V1__LabSummary empty = LAB__V1__LAB_SUMMARY__INIT;
    const Lab__V1__LabSummary *s;
    char path[PATH_MAX_LEN], p[SAFE_MAX], lab[SAFE_MAX], title[SAFE_MAX], starter_buf[256];
    const char *starter;
    size_t starter_len;
    const char *file_arg;

    if (!args)
        return -1;
    if (code_path(a, args, path, sizeof path, f) < 0)
        return -1;
    safe(p, sizeof p, path);
    safe(lab, sizeof lab, args->arg);
    file_arg = args->file ? p : "";
    /* Say it before connecting: the student's work is never replaced without --force. */
    if (!args->force && codefile_exists(path)) {
        fail_set(f, EXIT_USAGE, "file_exists", "'%s' already exists; labclient did not change it.",
                 p);
        fail_hint(f,
                  "Keep working on it: edit %s, then run: %ssubmit %s%s%s\n"
                  "To start over (your changes in it are lost): %sstart %s%s%s --force",
                  p, prog(a), lab, args->file ? " " : "", file_arg, prog(a), lab,
                  args->file ? " " : "", file_arg);
        return -1;
    }
    if (app_connect(a, true, f) < 0)
        return -1;
    gr.lab_id = (char *)args->arg;
    req.body_case = LAB__V1__ENVELOPE__BODY_GET_LAB_REQ;
    req.get_lab_req = &gr;
    if (app_call(a, &req, true, true, &reply, f) < 0) {
        hint_lab_not_found(a, f);
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_LAB_DETAIL) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    d = reply->lab_detail;
    s = d->summary ? d->summary : &empty;
    starter = (const char *)d->starter.data;
    starter_len = d->starter.len;
    if (!starter_len) {
        /* A lab without starter code still gets a file to write in. */
        snprintf(starter_buf, sizeof starter_buf, "# %.200s: write your program here\n", lab);
        starter = starter_buf;
        starter_len = strlen(starter_buf);
    }
    if (codefile_write(path, starter, starter_len, args->force, f) < 0) {
        if (strcmp(f->code, "file_exists") == 0)
            fail_hint(f,
                      "Keep working on it, or start over (your changes are lost): "
                      "%sstart %s%s%s --force",
                      prog(a), lab, args->file ? " " : "", file_arg);
        wire_free(reply);
        return -1;
    }
    if (a->json) {
        json_obj_open(j, "lab");
        cmd_json_lab_summary(j, s);
        json_obj_close(j);
        json_str(j, "file", path);
        json_u64(j, "bytes", starter_len);
        wire_free(reply);
        return 0;
    }
    printf("%s%s  %s%s  %s(%" PRIu32 " points)%s\n\n", render_sgr(a->color, ST_BOLD),
           safe(lab, sizeof lab, s->id && s->id[0] ? s->id : args->arg),
           safe(title, sizeof title, s->title), render_sgr(a->color, ST_NONE),
           render_sgr(a->color, ST_DIM), s->points, render_sgr(a->color, ST_NONE));
    print_statement_start(a, d, lab);
    printf("\n%sSaved the starter code in %s.%s\n", render_sgr(a->color, ST_GREEN), p,
           render_sgr(a->color, ST_NONE));
    printf("Next: edit %s, then run: %ssubmit %s%s%s\n", p, prog(a), lab, args->file ? " " : "",
           file_arg);
    wire_free(reply);
    return 0;
}

/* --------------------------------------------------------------- submit */

static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct watch {
    int64_t sub_id;  /* 0 until the SubmitAck */
    Envelope *owner; /* holds res: a pushed result or a ResultList */
    const Lab__V1__GradeResult *res;
    Envelope *early[EARLY_MAX]; /* results pushed before the ack */
    size_t n_early;

    /* the latest progress */
    int64_t prog_id;
    int state;
    uint32_t pos, done, total;

    /* the line on stderr */
    bool tty, plain;
    const char *note; /* replaces the progress text ("reconnecting") */
    char drawn[160];
    int64_t start_ms;
    bool line_up;

    conn_push_fn *prev_fn;
    void *prev_arg;
};

static void take_result(struct watch *w, Envelope *owner, const Lab__V1__GradeResult *r)
{
    wire_free(w->owner);
    w->owner = owner;
    w->res = r;
}

static void collect_push(void *arg, Envelope *env)
{
    struct watch *w = arg;

    if (env->body_case == LAB__V1__ENVELOPE__BODY_RESULT && grade_is_final(env->result)) {
        if (!w->sub_id && w->n_early < EARLY_MAX) {
            w->early[w->n_early++] = env;
            return;
        }
        if (w->sub_id && env->result->submission_id == w->sub_id && !w->res) {
            take_result(w, env, env->result);
            return;
        }
    } else if (env->body_case == LAB__V1__ENVELOPE__BODY_PROGRESS) {
        const Lab__V1__GradeProgress *p = env->progress;

        if (!w->sub_id || p->submission_id == w->sub_id) {
            w->prog_id = p->submission_id;
            w->state = p->state;
            w->pos = p->queue_position;
            w->done = p->checks_done;
            w->total = p->checks_total;
            wire_free(env);
            return;
        }
    }
    if (w->prev_fn) {
        w->prev_fn(w->prev_arg, env); /* the shell's: it owns env now */
        return;
    }
    wire_free(env);
}

/* The ack arrived: keep our early result, hand the others on. */
static void sort_early(struct watch *w)
{
    for (size_t i = 0; i < w->n_early; i++) {
        Envelope *e = w->early[i];

        if (!w->res && e->result->submission_id == w->sub_id)
            take_result(w, e, e->result);
        else if (w->prev_fn)
            w->prev_fn(w->prev_arg, e);
        else
            wire_free(e);
        w->early[i] = NULL;
    }
    w->n_early = 0;
    if (w->prog_id && w->prog_id != w->sub_id) {
        w->prog_id = 0;
        w->state = LAB__V1__SUBMISSION_STATE__QUEUED;
    }
}

static void progress_clear(struct watch *w)
{
    if (w->tty && w->line_up) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        w->line_up = false;
        w->drawn[0] = '\0';
    }
}

static void progress_draw(struct watch *w)
{
    static const char spin[] = "|/-\\";
    char text[96], line[160];
    int64_t ms = now_ms() - w->start_ms;

    if (!w->tty && !w->plain)
        return;
    if (w->note)
        snprintf(text, sizeof text, "%s", w->note);
    else
        grade_progress_text(w->state, w->pos, w->done, w->plain ? 0 : w->total, text, sizeof text);
    if (w->plain) {
        /* Not a terminal: one plain line whenever the text changes. */
        if (strcmp(text, w->drawn) != 0) {
            fprintf(stderr, "%s\n", text);
            fflush(stderr);
            snprintf(w->drawn, sizeof w->drawn, "%s", text);
        }
        return;
    }
    snprintf(line, sizeof line, "%s %c %" PRId64 "s", text, spin[(ms / TICK_MS) % 4], ms / 1000);
    if (strcmp(line, w->drawn) != 0) {
        fprintf(stderr, "\r\033[K%s", line);
        fflush(stderr);
        snprintf(w->drawn, sizeof w->drawn, "%s", line);
        w->line_up = true;
    }
}

static bool poll_result(void *arg)
{
    struct watch *w = arg;

    progress_draw(w);
    return w->res != NULL;
}

/*
 * Look for our result with ListResultsRequest (after a reconnect, and now
 * and then in case a push was missed). Only a lost session is an error.
 */
static int fetch_listed(struct app *a, const char *lab, struct watch *w, struct fail *f)
{
    Lab__V1__ListResultsRequest lr = LAB__V1__LIST_RESULTS_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    struct fail f2;

    lr.lab_id = (char *)lab;
    lr.limit = LIST_FOR_SUBMIT;
    req.body_case = LAB__V1__ENVELOPE__BODY_LIST_RESULTS_REQ;
    req.list_results_req = &lr;
    memset(&f2, 0, sizeof f2);
    if (app_call(a, &req, true, true, &reply, &f2) < 0) {
        if (f2.exit_code == EXIT_AUTH) {
            *f = f2;
            return -1;
        }
        return 0;
    }
    if (reply->body_case == LAB__V1__ENVELOPE__BODY_RESULT_LIST) {
        const Lab__V1__ResultList *rl = reply->result_list;

        for (size_t i = 0; i < rl->n_results; i++) {
            const Lab__V1__GradeResult *r = rl->results[i];

            if (r->submission_id != w->sub_id)
                continue;
            if (grade_is_final(r) && !w->res) {
                take_result(w, reply, r);
                return 0;
            }
            if ((int)r->state > w->state) {
                w->state = r->state; /* queued -> running, seen in the list */
            }
        }
    }
    wire_free(reply);
    return 0;
}

static void sleep_ms(struct watch *w, int64_t ms)
{
    int64_t end = now_ms() + ms;

    while (now_ms() < end) {
        progress_draw(w);
        usleep(TICK_MS * 1000);
    }
}

static bool shown_before(struct app *a, int64_t id);

static void watch_add(struct app *a, int64_t id)
{
    if (!a->in_shell)
        return;
    if (a->n_watch == APP_WATCH_MAX) {
        memmove(a->watch_ids, a->watch_ids + 1, (APP_WATCH_MAX - 1) * sizeof a->watch_ids[0]);
        memmove(a->watch_running, a->watch_running + 1,
                (APP_WATCH_MAX - 1) * sizeof a->watch_running[0]);
        a->n_watch--;
    }
    a->watch_ids[a->n_watch] = id;
    a->watch_running[a->n_watch] = false;
    a->n_watch++;
}

/* Wait for w->sub_id's result: 0 with w->res set, or -1 with @f filled. */
static int wait_result(struct app *a, const char *lab, struct watch *w, struct fail *f)
{
    int64_t start = now_ms(), deadline = start + SUBMIT_WAIT_MS;
    int64_t next_poll = start + SUBMIT_POLL_MS;
    int failed_reconnects = 0;
    char l[SAFE_MAX];

    safe(l, sizeof l, lab);
    while (!w->res) {
        int64_t now = now_ms();
        int64_t until = deadline < next_poll ? deadline : next_poll;
        int rc;

        if (now >= deadline) {
            fail_set(f, EXIT_CONNECT, "timeout",
                     "Your program (submission #%" PRId64 ") was not graded within %d seconds.",
                     w->sub_id, SUBMIT_WAIT_MS / 1000);
            if (a->in_shell)
                fail_hint(f,
                          "The grader may be busy. The result will appear here when it is "
                          "ready (or: results %s --last).",
                          l);
            else
                fail_hint(f,
                          "The grader may be busy. The result will still appear: "
                          "labclient results %s --last",
                          l);
            return -1;
        }
        if (!a->conn || !conn_is_up(a->conn)) {
            struct fail f2;

            w->note = "Connection lost; reconnecting...";
            progress_draw(w);
            memset(&f2, 0, sizeof f2);
            if (app_connect(a, true, &f2) < 0) {
                if (f2.exit_code == EXIT_AUTH) {
                    *f = f2;
                    return -1;
                }
                if (++failed_reconnects >= SUBMIT_RECONNECTS) {
                    fail_set(f, EXIT_CONNECT, "connect_failed",
                             "Lost the connection while waiting for the result of submission "
                             "#%" PRId64 ".",
                             w->sub_id);
                    fail_hint(f,
                              "Your program was received and will be graded. When the "
                              "server is back: %sresults %s --last",
                              prog(a), l);
                    return -1;
                }
                sleep_ms(w, 1000LL << failed_reconnects);
                continue;
            }
            failed_reconnects = 0;
            w->note = NULL;
            if (fetch_listed(a, lab, w, f) < 0)
                return -1;
            next_poll = now_ms() + SUBMIT_POLL_MS;
            continue;
        }
        rc = conn_wait(a->conn, poll_result, w, (unsigned)(until - now), TICK_MS);
        if (rc == 0)
            break;
        if (rc == -ETIMEDOUT && now_ms() >= next_poll) {
            if (fetch_listed(a, lab, w, f) < 0)
                return -1;
            next_poll = now_ms() + SUBMIT_POLL_MS;
        }
        /* LAB_E_UNAVAILABLE: the connection is down; the loop reconnects. */
    }
    return 0;
}

static int send_submit(struct app *a, const struct cli_args *args, const char *code, size_t len,
                       struct watch *w, struct fail *f)
{
    Lab__V1__SubmitRequest sr = LAB__V1__SUBMIT_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    char lab[SAFE_MAX];

    safe(lab, sizeof lab, args->arg);
    sr.lab_id = (char *)args->arg;
    sr.code.data = (uint8_t *)code;
    sr.code.len = len;
    req.body_case = LAB__V1__ENVELOPE__BODY_SUBMIT_REQ;
    req.submit_req = &sr;
    /* Not idempotent: a lost connection after sending must not submit twice. */
    if (app_call_ex(a, &req, APP_UNAUTH_IS_SESSION | APP_NO_BUSY_RETRY, &reply, f) < 0) {
        if (strcmp(f->code, "rate_limited") == 0)
            fail_hint(f, "Wait %u seconds, then submit again. Your earlier programs: %sresults %s",
                      (f->retry_after_ms + 999) / 1000, prog(a), lab);
        else if (strcmp(f->code, "not_found") == 0)
            fail_hint(f, "Check the lab id: %slabs lists them all.", prog(a));
        else if (strcmp(f->code, "forbidden") == 0)
            fail_hint(f,
                      "Join your class first, with the code from your teacher: "
                      "%scohort join CODE",
                      prog(a));
        else if (strcmp(f->code, "too_large") == 0)
            fail_hint(f, "Make your program shorter (remove long comments or data), then "
                         "submit again.");
        else if (strcmp(f->code, "bad_request") == 0)
            fail_hint(f, "Fix the file, then submit again.");
        else if (strcmp(f->code, "connect_failed") == 0)
            fail_hint(f, "It may have arrived anyway: check with %sresults %s", prog(a), lab);
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_SUBMIT_ACK) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    w->sub_id = reply->submit_ack->submission_id;
    w->pos = reply->submit_ack->queue_position;
    w->state = LAB__V1__SUBMISSION_STATE__QUEUED;
    wire_free(reply);
    sort_early(w);
    return 0;
}

static void watch_release(struct watch *w)
{
    for (size_t i = 0; i < w->n_early; i++)
        wire_free(w->early[i]);
    wire_free(w->owner);
    memset(w, 0, sizeof *w);
}

int cmd_submit(struct app *a, const struct cli_args *args_in, struct json *j, struct fail *f)
{
    struct cli_args la;
    char live_lab[LAB_ID_MAX * 4];
    const struct cli_args *args = live_args(a, args_in, &la, live_lab, sizeof live_lab, f);
    struct watch w;
    char path[PATH_MAX_LEN], p[SAFE_MAX], lab[SAFE_MAX];
    char *code = NULL;
    size_t len = 0;
    bool installed = false;
    int rc = -1;

    memset(&w, 0, sizeof w);
    if (!args)
        return -1;
    if (code_path(a, args, path, sizeof path, f) < 0)
        return -1;
    safe(lab, sizeof lab, args->arg);
    /* Every problem with the file is found before anything is sent. */
    if (codefile_read(path, CODEFILE_MAX, prog(a), lab, &code, &len, f) < 0)
        return -1;
    if (app_connect(a, true, f) < 0)
        goto out;
    w.tty = a->tty_err;
    w.plain = !a->tty_err && !a->json;
    w.start_ms = now_ms();
    /* Installed before sending: the result may arrive right behind the ack. */
    conn_get_push_handler(a->conn, &w.prev_fn, &w.prev_arg);
    conn_set_push_handler(a->conn, collect_push, &w);
    installed = true;
    rc = send_submit(a, args, code, len, &w, f);
    if (rc == 0 && !args->no_wait) {
        rc = wait_result(a, args->arg, &w, f);
        if (rc < 0 && w.sub_id && strcmp(f->code, "not_logged_in") != 0)
            watch_add(a, w.sub_id); /* the shell still shows it when it comes */
    }
    progress_clear(&w);
    conn_set_push_handler(a->conn, w.prev_fn, w.prev_arg);
    installed = false;
    if (rc < 0)
        goto out;
    safe(p, sizeof p, path);
    if (args->no_wait) {
        watch_add(a, w.sub_id);
        if (a->json) {
            json_i64(j, "submission_id", w.sub_id);
            json_u64(j, "queue_position", w.pos);
        } else {
            printf("Submitted %s as #%" PRId64 " (position %" PRIu32 " in the queue).\n", p,
                   w.sub_id, w.pos);
            if (a->in_shell)
                printf("The result will appear here when it is ready.\n");
            else
                printf("See the result with: labclient results %s --last\n", lab);
        }
        goto out;
    }
    if (a->in_shell)
        (void)shown_before(a, w.sub_id); /* a second push of it stays quiet */
    if (a->json) {
        json_i64(j, "submission_id", w.sub_id);
        grade_json_result(j, "result", w.res);
    } else {
        struct grade_view v = view_of(a);

        grade_print_result(stdout, w.res, &v);
    }
out:
    if (installed)
        conn_set_push_handler(a->conn, w.prev_fn, w.prev_arg);
    watch_release(&w);
    free(code);
    return rc;
}

/* -------------------------------------------------------------- results */

static int list_results(struct app *a, const char *lab, uint32_t limit, Envelope **reply,
                        struct fail *f)
{
    Lab__V1__ListResultsRequest lr = LAB__V1__LIST_RESULTS_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;

    if (app_connect(a, true, f) < 0)
        return -1;
    lr.lab_id = (char *)(lab ? lab : "");
    lr.limit = limit;
    req.body_case = LAB__V1__ENVELOPE__BODY_LIST_RESULTS_REQ;
    req.list_results_req = &lr;
    if (app_call(a, &req, true, true, reply, f) < 0) {
        hint_lab_not_found(a, f);
        return -1;
    }
    if ((*reply)->body_case != LAB__V1__ENVELOPE__BODY_RESULT_LIST) {
        cmd_unexpected(*reply, f);
        wire_free(*reply);
        *reply = NULL;
        return -1;
    }
    return 0;
}

int cmd_result_table(struct app *a, const Lab__V1__ResultList *rl)
{
    static const char *const hdr[] = {"#", "LAB", "WHEN", "VERDICT", "SCORE"};
    int64_t now = (int64_t)time(NULL);
    struct table t;

    if (table_init(&t, 5, hdr) < 0)
        return LAB_E_NOMEM;
    for (size_t i = 0; i < rl->n_results; i++) {
        const Lab__V1__GradeResult *r = rl->results[i];
        char id[24], l[SAFE_MAX], when[48], score[32];
        const char *row[5];

        snprintf(id, sizeof id, "%" PRId64, r->submission_id);
        grade_format_when(now, r->submitted_at, when, sizeof when);
        if (grade_is_final(r))
            snprintf(score, sizeof score, "%" PRIu32 "/%" PRIu32, r->score, r->max_score);
        else
            snprintf(score, sizeof score, "-");
        row[0] = id;
        row[1] = safe(l, sizeof l, r->lab_id);
        row[2] = when;
        row[3] = grade_is_final(r)                                ? grade_verdict_title(r->verdict)
                 : r->state == LAB__V1__SUBMISSION_STATE__RUNNING ? "being graded"
                                                                  : "queued";
        row[4] = score;
        if (table_add(&t, row) < 0) {
            table_release(&t);
            return LAB_E_NOMEM;
        }
    }
    table_print(&t, stdout, a->color, 40);
    table_release(&t);
    return 0;
}

int cmd_results(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Envelope *reply = NULL;
    const Lab__V1__ResultList *rl;
    char lab[SAFE_MAX] = "";

    if (list_results(a, args->arg, args->last ? 1 : (args->limit ? args->limit : RESULTS_DEFAULT),
                     &reply, f) < 0)
        return -1;
    rl = reply->result_list;
    if (args->arg)
        safe(lab, sizeof lab, args->arg);
    if (a->json) {
        json_arr_open(j, "results");
        for (size_t i = 0; i < rl->n_results; i++)
            grade_json_result(j, NULL, rl->results[i]);
        json_arr_close(j);
        wire_free(reply);
        return 0;
    }
    if (rl->n_results == 0) {
        if (args->arg)
            printf("You have not submitted anything for %s yet. Start with: %sstart %s\n", lab,
                   prog(a), lab);
        else
            printf("You have not submitted anything yet. %slabs lists the labs.\n", prog(a));
        wire_free(reply);
        return 0;
    }
    if (args->last) {
        struct grade_view v = view_of(a);

        grade_print_result(stdout, rl->results[0], &v);
        wire_free(reply);
        return 0;
    }
    if (cmd_result_table(a, rl) < 0)
        goto nomem;
    printf("\nThe newest in full: %sresults%s%s --last\n", prog(a), args->arg ? " " : "", lab);
    wire_free(reply);
    return 0;
nomem:
    wire_free(reply);
    return oom(f);
}

/* ---------------------------------------------------------------- board */

/* The class to show: --cohort, or the only one the student is in. */
static int pick_cohort(struct app *a, const struct cli_args *args, char *out, size_t cap,
                       struct fail *f)
{
    Lab__V1__CohortListRequest lr = LAB__V1__COHORT_LIST_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__CohortList *cl;

    if (args->cohort) {
        snprintf(out, cap, "%s", args->cohort);
        return 0;
    }
    req.body_case = LAB__V1__ENVELOPE__BODY_COHORT_LIST_REQ;
    req.cohort_list_req = &lr;
    if (app_call(a, &req, true, true, &reply, f) < 0)
        return -1;
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_COHORT_LIST) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    cl = reply->cohort_list;
    if (cl->n_cohorts == 1) {
        snprintf(out, cap, "%s", cl->cohorts[0]->name ? cl->cohorts[0]->name : "");
        wire_free(reply);
        return 0;
    }
    if (cl->n_cohorts == 0) {
        fail_set(f, EXIT_REFUSED, "not_in_class",
                 "You are not in a class yet, so there is no board.");
        fail_hint(f, "Join your class with the code from your teacher: %scohort join CODE",
                  prog(a));
    } else {
        char names[400] = "", n[SAFE_MAX];
        size_t o = 0;

        for (size_t i = 0; i < cl->n_cohorts && o + 4 < sizeof names; i++)
            o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", i ? ", " : "",
                                  safe(n, sizeof n, cl->cohorts[i]->name));
        fail_set(f, EXIT_USAGE, "usage", "You are in %zu classes: %s.", cl->n_cohorts, names);
        fail_hint(f, "Choose one: %sboard --cohort NAME%s", prog(a), args->arg ? " LAB" : "");
    }
    wire_free(reply);
    return -1;
}

int cmd_board(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    static const char *const hdr_all[] = {"", "RANK", "NAME", "POINTS", "SOLVED", "IMPROVED"};
    static const char *const hdr_lab[] = {"", "RANK", "NAME", "POINTS", "IMPROVED"};
    Lab__V1__GetBoardRequest br = LAB__V1__GET_BOARD_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__Board *b;
    char cohort[SAFE_MAX], c[SAFE_MAX], l[SAFE_MAX];
    bool lab_board = args->arg != NULL, utf8 = render_utf8_locale();
    size_t ncols = lab_board ? 5 : 6, hl = 0;
    int64_t now = (int64_t)time(NULL);
    struct table t;

    if (app_connect(a, true, f) < 0)
        return -1;
    if (pick_cohort(a, args, cohort, sizeof cohort, f) < 0)
        return -1;
    br.cohort = cohort;
    br.lab_id = (char *)(args->arg ? args->arg : "");
    req.body_case = LAB__V1__ENVELOPE__BODY_GET_BOARD_REQ;
    req.get_board_req = &br;
    if (app_call(a, &req, true, true, &reply, f) < 0) {
        if (strcmp(f->code, "not_found") == 0)
            fail_hint(f, "Check the class name (%scohort list) and the lab id (%slabs).", prog(a),
                      prog(a));
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_BOARD) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    b = reply->board;
    if (a->json) {
        json_obj_open(j, "board");
        json_str(j, "cohort", b->cohort && b->cohort[0] ? b->cohort : cohort);
        json_str(j, "lab_id", b->lab_id);
        json_u64(j, "your_rank", b->your_rank);
        json_arr_open(j, "rows");
        for (size_t i = 0; i < b->n_rows; i++) {
            const Lab__V1__BoardRow *r = b->rows[i];

            json_obj_open(j, NULL);
            json_u64(j, "rank", r->rank);
            json_str(j, "display_name", r->display_name);
            json_u64(j, "points", r->points);
            json_u64(j, "labs_solved", r->labs_solved);
            json_i64(j, "last_improved_at", r->last_improved_at);
            json_bool(j, "is_you", r->is_you);
            json_obj_close(j);
        }
        json_arr_close(j);
        json_obj_close(j);
        wire_free(reply);
        return 0;
    }
    safe(c, sizeof c, b->cohort && b->cohort[0] ? b->cohort : cohort);
    safe(l, sizeof l, args->arg);
    if (lab_board)
        printf("%sBoard of %s for lab %s%s\n\n", render_sgr(a->color, ST_BOLD), c, l,
               render_sgr(a->color, ST_NONE));
    else
        printf("%sBoard of %s%s\n\n", render_sgr(a->color, ST_BOLD), c,
               render_sgr(a->color, ST_NONE));
    if (b->n_rows == 0) {
        printf("Nobody has points here yet. Be the first: %ssubmit %s\n", prog(a),
               lab_board ? l : "LAB");
        wire_free(reply);
        return 0;
    }
    if (table_init(&t, ncols, lab_board ? hdr_lab : hdr_all) < 0)
        goto nomem;
    for (size_t i = 0; i < b->n_rows; i++) {
        const Lab__V1__BoardRow *r = b->rows[i];
        char rank[16], name[SAFE_MAX], pts[16], solved[16], ago[48];
        const char *row[6];
        size_t k = 0;

        snprintf(rank, sizeof rank, "%" PRIu32, r->rank);
        snprintf(pts, sizeof pts, "%" PRIu32, r->points);
        snprintf(solved, sizeof solved, "%" PRIu32, r->labs_solved);
        grade_format_ago(now, r->last_improved_at, ago, sizeof ago);
        row[k++] = r->is_you ? (utf8 ? "\xe2\x96\xb6" : "*") : "";
        row[k++] = rank;
        row[k++] = safe(name, sizeof name, r->display_name);
        row[k++] = pts;
        if (!lab_board)
            row[k++] = solved;
        row[k++] = ago;
        if (r->is_you)
            hl = i + 1;
        if (table_add(&t, row) < 0) {
            table_release(&t);
            goto nomem;
        }
    }
    table_print_hl(&t, stdout, a->color, 32, hl);
    table_release(&t);
    if (b->your_rank)
        printf("\nYou are number %" PRIu32 ".\n", b->your_rank);
    wire_free(reply);
    return 0;
nomem:
    wire_free(reply);
    return oom(f);
}

/* ---------------------------------------------------------------- shell */

static ptrdiff_t watch_find(const struct app *a, int64_t id)
{
    for (size_t i = 0; i < a->n_watch; i++)
        if (a->watch_ids[i] == id)
            return (ptrdiff_t)i;
    return -1;
}

/* Remember that @id's result was shown; true if it had been shown already. */
static bool shown_before(struct app *a, int64_t id)
{
    for (size_t i = 0; i < a->n_shown; i++)
        if (a->shown_ids[i] == id)
            return true;
    if (a->n_shown == APP_WATCH_MAX) {
        memmove(a->shown_ids, a->shown_ids + 1, (APP_WATCH_MAX - 1) * sizeof a->shown_ids[0]);
        a->n_shown--;
    }
    a->shown_ids[a->n_shown++] = id;
    return false;
}

bool cmd_grade_push(struct app *a, const Envelope *env, FILE *out)
{
    ptrdiff_t k;

    if (env->body_case == LAB__V1__ENVELOPE__BODY_RESULT) {
        const Lab__V1__GradeResult *r = env->result;
        char line[SAFE_MAX], l[SAFE_MAX];

        /* The server may send a result twice (after its own reconnect): once is enough. */
        if (!grade_is_final(r) || shown_before(a, r->submission_id))
            return false;
        k = watch_find(a, r->submission_id);
        if (k >= 0) {
            struct grade_view v = view_of(a);

            memmove(a->watch_ids + k, a->watch_ids + k + 1,
                    (a->n_watch - (size_t)k - 1) * sizeof a->watch_ids[0]);
            memmove(a->watch_running + k, a->watch_running + k + 1,
                    (a->n_watch - (size_t)k - 1) * sizeof a->watch_running[0]);
            a->n_watch--;
            grade_print_result(out, r, &v);
            return true;
        }
        grade_summary_line(r, line, sizeof line);
        fprintf(out, "Result of %s (in full: results %s --last)\n", line,
                safe(l, sizeof l, r->lab_id));
        return true;
    }
    if (env->body_case == LAB__V1__ENVELOPE__BODY_PROGRESS) {
        const Lab__V1__GradeProgress *p = env->progress;

        k = watch_find(a, p->submission_id);
        if (k < 0 || p->state != LAB__V1__SUBMISSION_STATE__RUNNING || a->watch_running[k])
            return false;
        a->watch_running[k] = true;
        fprintf(out, "Submission #%" PRId64 " is being graded...\n", p->submission_id);
        return true;
    }
    return false;
}
