/*
 * cmd_live.c — see cmd_live.h.
 *
 * live watch is the one command that runs until the person stops it: it
 * installs its own push handler (pushes that are not boards go on to the
 * shell's), sends LiveWatchRequest, and then services the connection with
 * conn_wait(), whose poll function draws: after each pushed board, on a key
 * or a resize, and once a second for the countdown. A lost connection is
 * reconnected and the watch sent again, so the projector survives a
 * network blip or a server restart.
 */
#include "client/cmd_live.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client/cmds.h"
#include "client/labdir.h"
#include "client/live_tui.h"
#include "client/live_view.h"
#include "client/render.h"
#include "common/str.h"

#define SAFE_MAX 600
#define TICK_MS 125
#define WATCH_TICK_MS 200
#define WATCH_WAIT_MS 3600000

static const char *safe(char *buf, size_t cap, const char *s)
{
    return str_term_safe(buf, cap, s ? s : "", s ? strlen(s) : 0);
}

static const char *prog(const struct app *a)
{
    return a->in_shell ? "" : "labclient ";
}

static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ------------------------------------------------------------ the notice */

static void copy_raw(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s ? s : "");
}

bool cmd_live_note(struct app *a, const Envelope *env)
{
    const Lab__V1__LiveNotice *n;
    bool news;

    if (env->body_case != LAB__V1__ENVELOPE__BODY_LIVE_NOTICE)
        return false;
    n = env->live_notice;
    news = !a->live.known || a->live.live_id != n->live_id || a->live.ended != n->ended;
    /* The end of a live exercise this run never saw start is not news either. */
    if (n->ended && (!a->live.known || a->live.live_id != n->live_id))
        news = false;
    a->live.known = true;
    a->live.ended = n->ended;
    a->live.live_id = n->live_id;
    copy_raw(a->live.cohort, sizeof a->live.cohort, n->cohort);
    copy_raw(a->live.lab_id, sizeof a->live.lab_id, n->lab_id);
    copy_raw(a->live.title, sizeof a->live.title, n->title);
    return news;
}

bool cmd_live_describe(const struct app *a, const Envelope *env, FILE *out)
{
    char text[2 * SAFE_MAX + 200];
    const char *nl;

    if (env->body_case != LAB__V1__ENVELOPE__BODY_LIVE_NOTICE)
        return false;
    live_notice_text(env->live_notice, prog(a), render_utf8_locale(), text, sizeof text);
    /* The first line stands out: it is what a student must not miss. */
    nl = strchr(text, '\n');
    if (!nl)
        return false;
    fprintf(out, "%s%s%.*s%s\n%s", render_sgr(a->color, ST_BOLD),
            render_sgr(a->color, env->live_notice->ended ? ST_YELLOW : ST_CYAN), (int)(nl - text),
            text, render_sgr(a->color, ST_NONE), nl + 1);
    return true;
}

struct notice_wait {
    struct app *a;
    conn_push_fn *prev_fn;
    void *prev_arg;
};

static void notice_push(void *arg, Envelope *env)
{
    struct notice_wait *w = arg;

    cmd_live_note(w->a, env);
    if (w->prev_fn)
        w->prev_fn(w->prev_arg, env);
    else
        wire_free(env);
}

static bool notice_known(void *arg)
{
    return ((struct notice_wait *)arg)->a->live.known;
}

int cmd_live_lab(struct app *a, char *lab, size_t cap, struct fail *f)
{
    if (!a->in_shell && !a->live.known) {
        struct notice_wait w = {a, NULL, NULL};
        int rc;

        /* The handler goes in before the resume: the notice follows right behind AuthOk. */
        if (app_connect(a, false, f) < 0)
            return -1;
        conn_get_push_handler(a->conn, &w.prev_fn, &w.prev_arg);
        conn_set_push_handler(a->conn, notice_push, &w);
        rc = app_connect(a, true, f);
        if (rc == 0 && !a->live.known) {
            /* A timeout (or a lost connection) just means: no live exercise to use. */
            int wr = conn_wait(a->conn, notice_known, &w, LIVE_NOTICE_WAIT_MS, 0);

            (void)wr;
        }
        if (a->conn)
            conn_set_push_handler(a->conn, w.prev_fn, w.prev_arg);
        if (rc < 0)
            return -1;
    }
    if (!a->live.known || a->live.ended || !a->live.lab_id[0]) {
        fail_set(f, EXIT_USAGE, "no_live", "No live exercise right now; name a lab: %sstart LAB",
                 prog(a));
        fail_hint(f, "%slabs lists the labs you can do.", prog(a));
        return -1;
    }
    snprintf(lab, cap, "%s", a->live.lab_id);
    return 0;
}

/* ------------------------------------------------------------ live start */

struct progress {
    bool tty, plain;
    const char *text;
    int64_t start_ms;
    char drawn[160];
    bool line_up;
};

static void progress_tick(void *arg)
{
    static const char spin[] = "|/-\\";
    struct progress *p = arg;
    int64_t ms = now_ms() - p->start_ms;
    char line[160];

    if (p->plain && !p->drawn[0]) {
        fprintf(stderr, "%s\n", p->text);
        fflush(stderr);
        snprintf(p->drawn, sizeof p->drawn, "%s", p->text);
        return;
    }
    if (!p->tty)
        return;
    snprintf(line, sizeof line, "%s %c %" PRId64 "s", p->text, spin[(ms / TICK_MS) % 4], ms / 1000);
    if (strcmp(line, p->drawn) != 0) {
        fprintf(stderr, "\r\033[K%s", line);
        fflush(stderr);
        snprintf(p->drawn, sizeof p->drawn, "%s", line);
        p->line_up = true;
    }
}

static void progress_clear(struct progress *p)
{
    if (p->tty && p->line_up) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        p->line_up = false;
    }
}

static void start_hints(const struct app *a, const struct cli_args *args, bool upload,
                        struct fail *f)
{
    char c[SAFE_MAX], l[SAFE_MAX];

    safe(c, sizeof c, args->arg);
    safe(l, sizeof l, args->arg2);
    if (strcmp(f->code, "bad_request") == 0 && upload)
        fail_hint(f,
                  "Fix the lab and run labsandbox check %s to try it locally, then start it "
                  "again.",
                  l);
    else if (strcmp(f->code, "bad_request") == 0)
        fail_hint(f, "Check the lab id (%slabs lists them).", prog(a));
    else if (strcmp(f->code, "too_large") == 0)
        fail_hint(f, "Make the lab's files smaller: the whole folder goes in one message, and "
                     "the server sets its size limit.");
    else if (strcmp(f->code, "forbidden") == 0)
        fail_hint(f,
                  "Only the teachers of %s can start a live exercise there (%scohort list "
                  "shows your classes).",
                  c, prog(a));
    else if (strcmp(f->code, "not_found") == 0)
        fail_hint(f, "Check the class name (%scohort list)%s.", prog(a),
                  upload ? "" : " and the lab id (labs)");
    else if (strcmp(f->code, "conflict") == 0)
        fail_hint(f, "One live exercise at a time: end the running one with %slive end %s", prog(a),
                  c);
    else if (strcmp(f->code, "connect_failed") == 0)
        fail_hint(f, "It may have started anyway: see with %slive watch %s", prog(a), c);
}

static int live_reply(struct app *a, Envelope *reply, Lab__V1__LiveNotice **out, struct fail *f)
{
    (void)a;
    *out = NULL;
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_LIVE_NOTICE)
        return cmd_unexpected(reply, f);
    *out = reply->live_notice;
    return 0;
}

int cmd_live_start(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__LiveStartRequest lr = LAB__V1__LIVE_START_REQUEST__INIT;
    Lab__V1__LabFile files[LABDIR_NFILES], *fp[LABDIR_NFILES];
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    Lab__V1__LiveNotice *n = NULL;
    struct labdir ld;
    struct progress p;
    struct conn_slow slow;
    bool upload = labdir_is_upload(args->arg2);
    char title[SAFE_MAX], cohort[SAFE_MAX], at[32];
    int rc = -1;

    memset(&ld, 0, sizeof ld);
    /* Every problem with the folder is found before anything is sent. */
    if (upload && labdir_read(args->arg2, &ld, f) < 0)
        return -1;
    if (app_connect(a, true, f) < 0)
        goto out;
    lr.cohort = (char *)args->arg;
    lr.lab_id = (char *)(upload ? "" : args->arg2);
    lr.minutes = args->minutes;
    if (upload) {
        for (size_t i = 0; i < LABDIR_NFILES; i++) {
            lab__v1__lab_file__init(&files[i]);
            files[i].path = (char *)ld.files[i].name;
            files[i].content.data = (uint8_t *)ld.files[i].data;
            files[i].content.len = ld.files[i].len;
            fp[i] = &files[i];
        }
        lr.n_upload = LABDIR_NFILES;
        lr.upload = fp;
    }
    req.body_case = LAB__V1__ENVELOPE__BODY_LIVE_START_REQ;
    req.live_start_req = &lr;

    memset(&p, 0, sizeof p);
    p.tty = a->tty_err;
    p.plain = !a->tty_err && !a->json;
    p.text = upload ? "Checking your lab in the sandbox..." : "Starting the live exercise...";
    p.start_ms = now_ms();
    memset(&slow, 0, sizeof slow);
    slow.timeout_ms = LIVE_START_WAIT_MS;
    slow.tick_ms = TICK_MS;
    slow.tick = progress_tick;
    slow.arg = &p;
    /* Not idempotent: a lost answer must not start it twice. */
    rc = app_call_slow(a, &req, APP_UNAUTH_IS_SESSION, &slow, &reply, f);
    progress_clear(&p);
    if (rc < 0) {
        start_hints(a, args, upload, f);
        goto out;
    }
    rc = live_reply(a, reply, &n, f);
    if (rc < 0)
        goto out;
    if (a->json) {
        live_json_notice(j, "live", n);
        goto out;
    }
    safe(title, sizeof title, n->title && n->title[0] ? n->title : n->lab_id);
    safe(cohort, sizeof cohort, n->cohort && n->cohort[0] ? n->cohort : args->arg);
    live_fmt_clock(n->ends_at, at, sizeof at);
    printf("%sLive: %s is on every screen in %s%s%s%s.%s\n", render_sgr(a->color, ST_GREEN), title,
           cohort, at[0] ? " (ends at " : "", at, at[0] ? ")" : "", render_sgr(a->color, ST_NONE));
    printf("Follow it with: %slive watch %s\n", prog(a), cohort);
    printf("End it with:    %slive end %s\n", prog(a), cohort);
out:
    wire_free(reply);
    labdir_release(&ld);
    return rc;
}

/* -------------------------------------------------------------- live end */

int cmd_live_end(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__LiveEndRequest er = LAB__V1__LIVE_END_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    Lab__V1__LiveNotice *n = NULL;
    char title[SAFE_MAX], cohort[SAFE_MAX];

    if (app_connect(a, true, f) < 0)
        return -1;
    er.cohort = (char *)args->arg;
    req.body_case = LAB__V1__ENVELOPE__BODY_LIVE_END_REQ;
    req.live_end_req = &er;
    /* Ending twice is harmless: retry after a lost connection. */
    if (app_call(a, &req, true, true, &reply, f) < 0) {
        if (strcmp(f->code, "not_found") == 0)
            fail_hint(f,
                      "Nothing to end: no live exercise is running in %s (check the name "
                      "with %scohort list).",
                      safe(cohort, sizeof cohort, args->arg), prog(a));
        else if (strcmp(f->code, "forbidden") == 0)
            fail_hint(f, "Only the class's teachers can end its live exercise.");
        return -1;
    }
    if (live_reply(a, reply, &n, f) < 0) {
        wire_free(reply);
        return -1;
    }
    if (a->json) {
        live_json_notice(j, "live", n);
        wire_free(reply);
        return 0;
    }
    safe(title, sizeof title, n->title && n->title[0] ? n->title : n->lab_id);
    safe(cohort, sizeof cohort, n->cohort && n->cohort[0] ? n->cohort : args->arg);
    printf("The live exercise %s in %s has ended.\n", title, cohort);
    printf("The final board: %slive watch %s\n", prog(a), cohort);
    wire_free(reply);
    return 0;
}

/* ------------------------------------------------------------ live watch */

static volatile sig_atomic_t g_stop;

static void on_stop_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

struct watcher {
    struct app *a;
    const char *cohort;
    Envelope *board; /* the newest LiveBoard (a reply or a push) */
    bool changed;    /* a board to draw or print */
    bool quit;
    struct live_tui *tui;
    const char *note;
    int64_t last_second;
    int64_t last_status; /* plain mode: the last status line */
    bool plain_done;     /* plain mode: the final board was printed */
    struct fail out_fail;
    bool out_failed;

    conn_push_fn *prev_fn;
    void *prev_arg;
};

static void watch_take(struct watcher *w, Envelope *env)
{
    wire_free(w->board);
    w->board = env;
    w->changed = true;
}

static void watch_push(void *arg, Envelope *env)
{
    struct watcher *w = arg;

    if (env->body_case == LAB__V1__ENVELOPE__BODY_LIVE_BOARD) {
        const char *c = env->live_board->cohort;

        /* A board of another class (a second watch elsewhere) is not ours. */
        if (!c || !c[0] || strcmp(c, w->cohort) == 0) {
            watch_take(w, env);
            return;
        }
    }
    if (env->body_case == LAB__V1__ENVELOPE__BODY_LIVE_NOTICE)
        cmd_live_note(w->a, env);
    if (w->prev_fn)
        w->prev_fn(w->prev_arg, env);
    else
        wire_free(env);
}

/* One board for a script or a log: JSON on one line, or text after a blank line. */
static void plain_emit(struct watcher *w, int64_t now)
{
    const Lab__V1__LiveBoard *b = w->board->live_board;

    if (w->a->json) {
        struct json j;

        json_init(&j);
        json_obj_open(&j, NULL);
        json_bool(&j, "ok", true);
        live_json_board(&j, "board", b);
        json_obj_close(&j);
        if (json_write(&j, stdout) < 0 && !w->out_failed) {
            w->out_failed = true;
            fail_set(&w->out_fail, EXIT_REFUSED, "internal", "Could not write the output.");
        }
        json_release(&j);
        w->a->json_streamed = true;
    } else {
        char clock[32];

        live_fmt_clock(now, clock, sizeof clock);
        printf("%s-- %s --%s\n", render_sgr(w->a->color, ST_DIM), clock,
               render_sgr(w->a->color, ST_NONE));
        live_board_print(stdout, b, now, w->a->color);
        printf("\n");
    }
    fflush(stdout);
    w->last_status = now;
    if (b->ended)
        w->plain_done = true;
}

static bool watch_poll(void *arg)
{
    struct watcher *w = arg;
    int64_t now = (int64_t)time(NULL);
    bool redraw = false;

    if (g_stop) {
        w->quit = true;
        return true;
    }
    if (w->tui) {
        enum live_key k = live_tui_key(w->tui);

        if (k == LIVE_KEY_QUIT) {
            w->quit = true;
            return true;
        }
        redraw = k == LIVE_KEY_RESIZE || w->changed || now != w->last_second;
        if (redraw)
            live_tui_draw(w->tui, w->board ? w->board->live_board : NULL, now, w->note);
        w->changed = false;
        w->last_second = now;
        return false;
    }
    if (w->changed && w->board) {
        w->changed = false;
        plain_emit(w, now);
    } else if (!w->a->json && w->board && w->board->live_board->live_id &&
               now - w->last_status >= LIVE_PLAIN_STATUS_S) {
        char st[160];

        live_status_text(w->board->live_board, now, st, sizeof st);
        printf("%s\n", st);
        fflush(stdout);
        w->last_status = now;
    }
    if (w->plain_done || w->out_failed) {
        w->quit = true;
        return true;
    }
    return false;
}

/* Send LiveWatchRequest; its reply is the first board. */
static int send_watch(struct app *a, struct watcher *w, struct fail *f)
{
    Lab__V1__LiveWatchRequest wr = LAB__V1__LIVE_WATCH_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    char c[SAFE_MAX];

    wr.cohort = (char *)w->cohort;
    req.body_case = LAB__V1__ENVELOPE__BODY_LIVE_WATCH_REQ;
    req.live_watch_req = &wr;
    if (app_call(a, &req, true, true, &reply, f) < 0) {
        safe(c, sizeof c, w->cohort);
        if (strcmp(f->code, "not_found") == 0)
            fail_hint(f,
                      "Check the class name (%scohort list). Start an exercise with: %slive "
                      "start %s LAB",
                      prog(a), prog(a), c);
        else if (strcmp(f->code, "forbidden") == 0)
            fail_hint(f, "Only the teachers of %s can watch its live board.", c);
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_LIVE_BOARD) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    watch_take(w, reply);
    return 0;
}

/* Sleep @ms while keeping the screen alive (keys, countdown). */
static void watch_pause(struct watcher *w, unsigned ms)
{
    int64_t end = now_ms() + ms;

    while (!w->quit && now_ms() < end) {
        if (watch_poll(w))
            return;
        usleep(WATCH_TICK_MS * 1000);
    }
}

/* The connection is gone: reconnect and watch again, until it works or q. */
static int watch_reconnect(struct app *a, struct watcher *w, struct fail *f)
{
    int failures = 0;

    w->note = "Connection lost; reconnecting...";
    w->changed = true;
    while (!w->quit) {
        struct fail f2;

        memset(&f2, 0, sizeof f2);
        if (!w->tui && !a->json && failures == 0) {
            fprintf(stderr, "Connection lost; reconnecting...\n");
            fflush(stderr);
        }
        if (app_connect(a, true, &f2) == 0 && send_watch(a, w, &f2) == 0) {
            w->note = NULL;
            w->changed = true;
            if (w->tui)
                live_tui_repaint(w->tui); /* connection hints may have written over it */
            return 0;
        }
        if (f2.exit_code == EXIT_AUTH || strcmp(f2.code, "forbidden") == 0 ||
            strcmp(f2.code, "not_found") == 0) {
            *f = f2;
            return -1;
        }
        failures++;
        watch_pause(w, LIVE_RECONNECT_MS);
    }
    return 0;
}

int cmd_live_watch(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    struct sigaction sa, old_int, old_term;
    struct watcher w;
    int rc = -1;

    (void)j;
    memset(&w, 0, sizeof w);
    w.a = a;
    w.cohort = args->arg;
    if (app_connect(a, true, f) < 0)
        return -1;
    conn_get_push_handler(a->conn, &w.prev_fn, &w.prev_arg);
    conn_set_push_handler(a->conn, watch_push, &w);
    if (send_watch(a, &w, f) < 0)
        goto out;
    if (a->tty_out && isatty(STDIN_FILENO) && !a->json) {
        w.tui = live_tui_open(a->color, f);
        if (!w.tui)
            goto out;
    }
    /* Ctrl-C and kill end the loop, so the terminal is always given back. */
    g_stop = 0;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    while (!w.quit) {
        int wr;

        if (!a->conn || !conn_is_up(a->conn)) {
            if (watch_reconnect(a, &w, f) < 0)
                break;
            continue;
        }
        wr = conn_wait(a->conn, watch_poll, &w, WATCH_WAIT_MS, WATCH_TICK_MS);
        if (wr == LAB_E_UNAVAILABLE && watch_reconnect(a, &w, f) < 0)
            break;
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    live_tui_close(w.tui);
    w.tui = NULL;
    if (w.out_failed) {
        *f = w.out_fail;
    } else if (w.quit) {
        rc = 0;
        /* The one-shot --json run already wrote its objects; the shell wants the same. */
        if (a->json)
            a->json_streamed = true;
    }
out:
    live_tui_close(w.tui);
    if (a->conn)
        conn_set_push_handler(a->conn, w.prev_fn, w.prev_arg);
    wire_free(w.board);
    return rc;
}
