/*
 * session.h — one labclient run's state: options, the remembered server and
 * token, and the connection with its logged-in session.
 *
 * app_connect() opens the connection on demand and, when a token is saved,
 * resumes the session (ResumeRequest) on every new connection; app_call()
 * sends one request with the retry rules students need: UNAVAILABLE and
 * RATE_LIMITED are retried after retry_after_ms (a few times), a connection
 * lost before the request left (or a read-only request) is reconnected and
 * retried once. Server errors come back as a struct fail with exit code 1
 * (4 when the session ended) and a next step.
 */
#ifndef LAB_CLIENT_SESSION_H
#define LAB_CLIENT_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "client/args.h"
#include "client/conn.h"
#include "client/fail.h"
#include "client/state.h"
#include "client/url.h"
#include "proto/wire.h"

#define APP_NAME_MAX 256
#define APP_MAX_RETRIES 3
#define APP_MAX_RETRY_WAIT_MS 10000
#define APP_WATCH_MAX 8

struct app {
    /* presentation */
    bool json;
    bool color;   /* stdout gets colours */
    bool tty_out; /* stdout is a terminal */
    bool tty_err; /* stderr is a terminal: progress hints */
    bool in_shell;
    bool verbose;
    bool no_color_flag; /* --no-color (stderr colours too) */

    /* remembered state */
    struct state st;
    bool have_state;
    struct lab_err state_err;

    /* server */
    const char *server_flag; /* --server as given */
    const char *ca;          /* --ca */
    struct lab_url url;
    bool have_url;
    char url_text[URL_HOST_MAX + 300];

    /* connection and session */
    struct conn *conn;
    bool resumed; /* the current connection is logged in */
    char username[APP_NAME_MAX];
    char display_name[APP_NAME_MAX];
    int role; /* Lab__V1__Role */

    /*
     * Shell: submissions whose result was not waited for (--no-wait, or the
     * wait timed out). Their pushed result is printed in full.
     */
    int64_t watch_ids[APP_WATCH_MAX];
    bool watch_running[APP_WATCH_MAX]; /* "being graded" already said */
    size_t n_watch;
    int64_t shown_ids[APP_WATCH_MAX]; /* results already printed (a result may come twice) */
    size_t n_shown;

    /*
     * The newest LiveNotice the server pushed in this run (started or
     * ended), kept by cmd_live_note(); `start`/`submit` without LAB use it.
     * Raw network strings: make them terminal-safe before printing.
     */
    struct {
        bool known;
        bool ended;
        int64_t live_id;
        char cohort[APP_NAME_MAX];
        char lab_id[APP_NAME_MAX];
        char title[APP_NAME_MAX];
    } live;

    /* --json output already written by the command (live watch: one object per update) */
    bool json_streamed;

    /* lab ids for TAB completion, fetched once */
    char **lab_ids;
    size_t n_lab_ids;
    bool lab_ids_fetched;
};

/* Fill @a from the global options of @args (no I/O besides isatty/getenv). */
void app_init(struct app *a, const struct cli_args *args);
void app_release(struct app *a);

/* Open the state directory (once). 0 or -1 with @f filled. */
int app_state(struct app *a, struct fail *f);

/* Work out the server URL from --server or the config file. 0 or -1 (exit 2). */
int app_server(struct app *a, struct fail *f);

/*
 * Make sure a connection is up; when @need_login, make sure the session is
 * resumed too (exit 4 if there is no token or the server rejected it).
 */
int app_connect(struct app *a, bool need_login, struct fail *f);

/*
 * Send @req and get its reply. An Error reply becomes -1 with @f filled
 * (exit 1, or 4 for UNAUTHENTICATED when @auth_ok_is_session). @idempotent
 * allows a retry after a lost connection even if the request was sent.
 * Ownership: the caller frees *@reply with wire_free().
 */
int app_call(struct app *a, Envelope *req, bool idempotent, bool unauth_means_session,
             Envelope **reply, struct fail *f);

/* app_call_ex flags */
enum {
    APP_IDEMPOTENT = 1,        /* see app_call's @idempotent */
    APP_UNAUTH_IS_SESSION = 2, /* see app_call's @unauth_means_session */
    APP_NO_BUSY_RETRY = 4,     /* report RATE_LIMITED/UNAVAILABLE at once instead of waiting */
};

/* app_call with flags. Ownership: the caller frees *@reply with wire_free(). */
int app_call_ex(struct app *a, Envelope *req, unsigned flags, Envelope **reply, struct fail *f);

/*
 * app_call_ex for a request whose answer is slow (see conn_set_slow). The
 * connection must be open (app_connect) before.
 * Ownership: the caller frees *@reply with wire_free().
 */
int app_call_slow(struct app *a, Envelope *req, unsigned flags, const struct conn_slow *slow,
                  Envelope **reply, struct fail *f);

/* Save a new session (after login/register): token file + username. */
int app_save_session(struct app *a, const Lab__V1__AuthOk *ok, struct fail *f);

/* Forget the session locally (token file), e.g. after logout. */
void app_forget_session(struct app *a);

/* Name for a role: "student", "instructor", "admin". */
const char *app_role_name(int role);

/* Turn an Error envelope into @f with a next step. Always -1. */
int app_server_error(const Lab__V1__Error *e, struct fail *f);

#endif
