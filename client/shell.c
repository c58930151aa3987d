/*
 * shell.c — see shell.h.
 */
#include "client/shell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include "client/cmd_grade.h"
#include "client/cmd_live.h"
#include "client/cmds.h"
#include "client/render.h"
#include "common/str.h"

#define SHELL_MAX_WORDS 16
#define HISTORY_MAX 500

static struct app *g_app; /* libedit's callbacks carry no user pointer */
static char *g_line;      /* a finished line waiting to run (libedit's malloc) */
static bool g_eof;
static char g_prompt[600];
static char g_history[STATE_PATH_MAX];
static bool g_busy; /* a command is running: pushes wait in g_pending */
#define PENDING_MAX 16
static Envelope *g_pending[PENDING_MAX];
static size_t g_n_pending;

static void on_line(char *line)
{
    if (!line) {
        g_eof = true;
        return;
    }
    g_line = line;
    /* Stop reading stdin until the command is done: typed-ahead keys wait in the tty. */
    if (g_app->conn)
        conn_stdin_pause(g_app->conn, true);
}

static void on_stdin(void *arg)
{
    (void)arg;
    if (!g_line && !g_eof)
        rl_callback_read_char();
}

/*
 * Describe one push for the student on @out (errors the server pushes,
 * grading results and progress). Returns true when something was printed.
 */
static bool describe_push(const Envelope *env, FILE *out)
{
    if (env->body_case == LAB__V1__ENVELOPE__BODY_ERROR && env->error->text) {
        char text[400];

        fprintf(out, "%s\n",
                str_term_safe(text, sizeof text, env->error->text, strlen(env->error->text)));
        return true;
    }
    if (env->body_case == LAB__V1__ENVELOPE__BODY_LIVE_NOTICE)
        return cmd_live_describe(g_app, env, out);
    return cmd_grade_push(g_app, env, out);
}

/*
 * Print a push above the prompt, keeping whatever the student has typed:
 * render it into memory first, so the line is only cleared (and the prompt
 * redrawn by libedit) when there is something to say.
 */
static void show_push(const Envelope *env)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);

    if (!m)
        return;
    describe_push(env, m);
    if (fclose(m) == 0 && len > 0) {
        fputs("\r\033[K", stdout);
        fwrite(text, 1, len, stdout);
        fflush(stdout);
        rl_forced_update_display();
    }
    free(text);
}

static void on_push(void *arg, Envelope *env)
{
    (void)arg;
    /*
     * Remember a live notice as it arrives (a `start` typed next uses it);
     * the same notice again (it comes after every resume) stays quiet.
     */
    if (env->body_case == LAB__V1__ENVELOPE__BODY_LIVE_NOTICE && !cmd_live_note(g_app, env)) {
        wire_free(env);
        return;
    }
    /* While a command runs its output owns the screen: keep the push for after it. */
    if (g_busy) {
        if (g_n_pending == PENDING_MAX) {
            wire_free(g_pending[0]);
            memmove(g_pending, g_pending + 1, (PENDING_MAX - 1) * sizeof g_pending[0]);
            g_n_pending--;
        }
        g_pending[g_n_pending++] = env;
        return;
    }
    show_push(env);
    wire_free(env);
}

/* After a command, before the next prompt: print what was pushed meanwhile. */
static void flush_pending(void)
{
    for (size_t i = 0; i < g_n_pending; i++) {
        describe_push(g_pending[i], stdout);
        wire_free(g_pending[i]);
    }
    g_n_pending = 0;
    fflush(stdout);
}

static void make_prompt(const struct app *a)
{
    char hp[URL_HOST_MAX + 16];

    url_hostport(&a->url, hp, sizeof hp);
    snprintf(g_prompt, sizeof g_prompt, "%s@%s> ",
             a->resumed && a->username[0] ? a->username : "guest", hp);
}

/* ------------------------------------------------------------ completion */

static const char *const *g_words;
static size_t g_nwords;

static char *word_gen(const char *text, int state)
{
    static size_t i, len;

    if (!state) {
        i = 0;
        len = strlen(text);
    }
    while (i < g_nwords) {
        const char *w = g_words[i++];

        if (strncmp(w, text, len) == 0)
            return strdup(w);
    }
    return NULL;
}

static char **complete(const char *text, int start, int end)
{
    static const char *const top[] = {"register", "login", "logout",    "whoami",        "labs",
                                      "show",     "start", "submit",    "results",       "board",
                                      "cohort",   "help",  "name",      "live",          "roster",
                                      "student",  "code",  "gradebook", "forget-server", "exit"};
    static const char *const cohort[] = {"create", "join", "list", "roster", "board-mode"};
    static const char *const live[] = {"start", "end", "watch"};
    static const char *const roster[] = {"add", "remove", "reset-password"};
    static const char *const labs[] = {"open", "close"};
    char first[32] = "";
    size_t n = 0;

    (void)end;
    rl_attempted_completion_over = 1; /* never fall back to file names */
    while (n < sizeof first - 1 && rl_line_buffer[n] && rl_line_buffer[n] != ' ') {
        first[n] = rl_line_buffer[n];
        n++;
    }
    first[n] = '\0';
    if (start == 0 || strcmp(first, "help") == 0) {
        g_words = top;
        g_nwords = ARRAY_SIZE(top);
    } else if (strcmp(first, "cohort") == 0) {
        g_words = cohort;
        g_nwords = ARRAY_SIZE(cohort);
    } else if (strcmp(first, "live") == 0) {
        g_words = live;
        g_nwords = ARRAY_SIZE(live);
    } else if (strcmp(first, "roster") == 0) {
        g_words = roster;
        g_nwords = ARRAY_SIZE(roster);
    } else if (strcmp(first, "labs") == 0) {
        g_words = labs;
        g_nwords = ARRAY_SIZE(labs);
    } else if (strcmp(first, "show") == 0 || strcmp(first, "start") == 0 ||
               strcmp(first, "submit") == 0 || strcmp(first, "results") == 0 ||
               strcmp(first, "board") == 0) {
        g_words = (const char *const *)g_app->lab_ids;
        g_nwords = g_app->n_lab_ids;
    } else {
        return NULL;
    }
    return rl_completion_matches(text, word_gen);
}

/* ------------------------------------------------------------- commands */

static void history_path(void)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    char dir[STATE_PATH_MAX];

    g_history[0] = '\0';
    if (xdg && xdg[0] == '/')
        snprintf(dir, sizeof dir, "%s/labclient", xdg);
    else if (home && home[0] == '/')
        snprintf(dir, sizeof dir, "%s/.local/state/labclient", home);
    else
        return;
    if (state_mkdirs(dir) < 0)
        return;
    if ((size_t)snprintf(g_history, sizeof g_history, "%.4000s/history", dir) >= sizeof g_history)
        g_history[0] = '\0';
}

/* Should this line go into the history file? Never anything with a secret in it. */
static bool keep_in_history(const char *line)
{
    return line[0] && !strstr(line, "--code") && !strstr(line, "password");
}

/* Run one line; returns true when the shell should end. */
static bool run_line(struct app *a, const char *line)
{
    char *words[SHELL_MAX_WORDS + 1];
    char *buf = NULL;
    char msg[600];
    struct cli_args args;
    struct json j;
    struct fail f;
    bool json_before = a->json, quit = false;
    int n = 0, rc;

    rc = args_split(line, words + 1, SHELL_MAX_WORDS, &n, &buf);
    if (rc < 0) {
        fprintf(stderr, "%s\n", rc == LAB_E_PARSE ? "A quote is not closed." : "Too many words.");
        return false;
    }
    if (n == 0) {
        free(buf);
        return false;
    }
    words[0] = (char *)"labclient";
    if (args_parse(n + 1, words, true, &args, msg, sizeof msg) < 0) {
        fprintf(stderr, "%s\n", msg);
        free(buf);
        return false;
    }
    if (args.cmd == CMD_EXIT && !args.show_help) {
        free(buf);
        return true;
    }
    a->json = args.json;
    a->json_streamed = false;
    json_init(&j);
    json_obj_open(&j, NULL);
    json_bool(&j, "ok", true);
    memset(&f, 0, sizeof f);
    rc = cmd_run(a, &args, &j, &f);
    if (rc < 0) {
        cmd_report_failure(a, &f);
    } else if (a->json && !a->json_streamed) {
        json_obj_close(&j);
        if (json_write(&j, stdout) < 0)
            fprintf(stderr, "Could not write the output.\n");
    }
    json_release(&j);
    a->json = json_before;
    fflush(stdout);
    /* After a login, fetch the lab ids for TAB now (never from inside a callback). */
    if (a->resumed)
        cmd_fetch_lab_ids(a);
    free(buf);
    return quit;
}

int shell_run(struct app *a)
{
    struct fail f;
    bool quit = false;

    g_app = a;
    memset(&f, 0, sizeof f);
    if (app_connect(a, false, &f) < 0) {
        cmd_report_failure(a, &f);
        return f.exit_code;
    }
    /*
     * Pushes are collected from here on (a live notice follows the resume
     * right away) and shown after the greeting.
     */
    g_busy = true;
    conn_set_push_handler(a->conn, on_push, NULL);
    /* Resume a saved session; not being logged in is fine in the shell. */
    if (app_connect(a, true, &f) < 0 && f.exit_code != EXIT_AUTH) {
        cmd_report_failure(a, &f);
        return f.exit_code;
    }
    if (a->resumed)
        cmd_fetch_lab_ids(a);

    printf("labclient %s: connected to %s", LAB_VERSION, a->url_text);
    if (a->resumed)
        printf(" as %s%s%s", render_sgr(a->color, ST_BOLD), a->username,
               render_sgr(a->color, ST_NONE));
    printf(".\nType help to see the commands, TAB to complete, exit to leave.\n");
    if (!a->resumed)
        printf("You are not logged in: login USERNAME, or register USERNAME --code JOINCODE.\n");
    g_busy = false;
    flush_pending();
    fflush(stdout);

    history_path();
    using_history();
    stifle_history(HISTORY_MAX);
    if (g_history[0])
        read_history(g_history);
    rl_readline_name = "labclient";
    rl_attempted_completion_function = complete;
    if (conn_watch_stdin(a->conn, on_stdin, NULL, &f) < 0) {
        cmd_report_failure(a, &f);
        return f.exit_code;
    }
    make_prompt(a);
    rl_callback_handler_install(g_prompt, on_line);

    while (!quit && !g_eof) {
        if (g_line) {
            char *line = g_line;

            g_line = NULL;
            if (keep_in_history(line)) {
                add_history(line);
                if (g_history[0])
                    write_history(g_history);
            }
            g_busy = true;
            quit = run_line(a, line);
            g_busy = false;
            free(line);
            flush_pending();
            if (quit)
                break;
            make_prompt(a);
            conn_stdin_pause(a->conn, false);
            /* A fresh line editor state: libedit prints the new prompt on install. */
            rl_callback_handler_remove();
            rl_callback_handler_install(g_prompt, on_line);
            continue;
        }
        if (conn_service(a->conn) < 0)
            break;
    }
    rl_callback_handler_remove();
    flush_pending();
    if (g_eof)
        printf("\n");
    printf("Bye!\n");
    return EXIT_OK;
}
