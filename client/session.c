/*
 * session.c — see session.h.
 */
#include "client/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/str.h"

#define TOKEN_MAX 1024

void app_init(struct app *a, const struct cli_args *args)
{
    const char *no_color = getenv("NO_COLOR");

    memset(a, 0, sizeof *a);
    a->json = args->json;
    a->tty_out = isatty(STDOUT_FILENO) == 1;
    a->tty_err = isatty(STDERR_FILENO) == 1;
    a->color = a->tty_out && !args->no_color && !(no_color && no_color[0]) && !a->json;
    a->verbose = args->verbose;
    a->no_color_flag = args->no_color;
    a->server_flag = args->server;
    a->ca = args->ca;
}

void app_release(struct app *a)
{
    conn_free(a->conn);
    a->conn = NULL;
    for (size_t i = 0; i < a->n_lab_ids; i++)
        free(a->lab_ids[i]);
    free(a->lab_ids);
    a->lab_ids = NULL;
    a->n_lab_ids = 0;
}

int app_state(struct app *a, struct fail *f)
{
    if (a->have_state)
        return 0;
    if (state_open(&a->st, &a->state_err) < 0) {
        fail_set(f, EXIT_USAGE, "config_error", "%s%s%s.", a->state_err.msg,
                 a->state_err.detail[0] ? ": " : "", a->state_err.detail);
        fail_hint(f, "labclient keeps its settings in ~/.config/labclient; make sure your home "
                     "folder is writable.");
        return -1;
    }
    a->have_state = true;
    return 0;
}

int app_server(struct app *a, struct fail *f)
{
    char saved[STATE_VALUE_MAX];
    struct lab_err err;
    const char *s = a->server_flag;

    if (a->have_url)
        return 0;
    if (app_state(a, f) < 0)
        return -1;
    if (!s) {
        if (state_get(&a->st, "server", saved, sizeof saved) < 0) {
            fail_set(f, EXIT_USAGE, "usage", "labclient does not know which server to use yet.");
            fail_hint(f, "Ask your teacher for the address and add it once, for example: "
                         "labclient --server wss://lab.school.example:7443 login USERNAME");
            return -1;
        }
        s = saved;
    }
    if (url_parse(s, &a->url, &err) < 0) {
        fail_set(f, EXIT_USAGE, "usage", "%s.", err.msg);
        if (err.hint[0])
            fail_hint(f, "%s%s", err.hint,
                      a->server_flag ? "" : " (the address saved in ~/.config/labclient/config)");
        return -1;
    }
    url_format(&a->url, a->url_text, sizeof a->url_text);
    a->have_url = true;
    return 0;
}

const char *app_role_name(int role)
{
    switch (role) {
    case LAB__V1__ROLE__STUDENT:
        return "student";
    case LAB__V1__ROLE__INSTRUCTOR:
        return "instructor";
    case LAB__V1__ROLE__ADMIN:
        return "admin";
    default:
        return "unknown";
    }
}

int app_server_error(const Lab__V1__Error *e, struct fail *f)
{
    char text[400];
    const char *t = e->text && e->text[0] ? e->text : "no reason given";

    str_term_safe(text, sizeof text, t, strlen(t));
    fail_set(f, EXIT_REFUSED, wire_error_name(e->code), "%s", text);
    f->retry_after_ms = e->retry_after_ms;
    switch (e->code) {
    case LAB__V1__ERROR_CODE__BAD_REQUEST:
        /* Refusals such as "your file is empty: ..., then submit again" carry their own step. */
        if (!strstr(t, " again"))
            fail_hint(f, "Check what you typed (help shows how each command is used).");
        break;
    case LAB__V1__ERROR_CODE__UNAUTHENTICATED:
        fail_hint(f, "Check your username and password and try again.");
        break;
    case LAB__V1__ERROR_CODE__FORBIDDEN:
        fail_hint(f, "Ask your teacher if you should be allowed to do this.");
        break;
    case LAB__V1__ERROR_CODE__NOT_FOUND:
        fail_hint(f, "Check the spelling (labs and cohort list show what exists).");
        break;
    case LAB__V1__ERROR_CODE__RATE_LIMITED:
        fail_hint(f, "Wait %u seconds and try again.", (e->retry_after_ms + 999) / 1000);
        break;
    case LAB__V1__ERROR_CODE__TOO_LARGE:
        fail_hint(f, "Make it shorter and try again.");
        break;
    case LAB__V1__ERROR_CODE__UNAVAILABLE:
        fail_hint(f, "The server is busy or restarting. Try again in a minute.");
        break;
    case LAB__V1__ERROR_CODE__VERSION_MISMATCH:
        fail_hint(f, "Update labclient (ask your teacher which version to use).");
        break;
    case LAB__V1__ERROR_CODE__CONFLICT:
        fail_hint(f, "That name is taken; choose another one.");
        break;
    default:
        fail_hint(f, "This is a problem on the server, not your fault. Tell your teacher.");
        break;
    }
    return -1;
}

static bool retryable(const struct fail *f)
{
    return (strcmp(f->code, "unavailable") == 0 || strcmp(f->code, "rate_limited") == 0) &&
           f->retry_after_ms > 0 && f->retry_after_ms <= APP_MAX_RETRY_WAIT_MS;
}

static void wait_before_retry(struct app *a, unsigned ms)
{
    if (a->tty_err) {
        fprintf(stderr, "Server busy, retrying in %us...", (ms + 999) / 1000);
        fflush(stderr);
    }
    if (a->conn && conn_is_up(a->conn))
        conn_sleep_ms(a->conn, ms);
    else
        usleep(ms * 1000u);
    if (a->tty_err) {
        fprintf(stderr, "\r\033[K");
        fflush(stderr);
    }
}

static int open_conn(struct app *a, struct fail *f)
{
    char known[STATE_PATH_MAX];
    struct conn_opts o;

    if (a->conn)
        return 0;
    if (app_server(a, f) < 0)
        return -1;
    if (state_path(&a->st, "known_servers", known, sizeof known) < 0)
        return fail_set(f, EXIT_USAGE, "config_error", "the config folder path is too long");
    if (a->ca && access(a->ca, R_OK) != 0) {
        char safe[300];

        fail_set(f, EXIT_USAGE, "usage", "Cannot read the certificate file '%s'.",
                 str_term_safe(safe, sizeof safe, a->ca, strlen(a->ca)));
        fail_hint(f, "Check the file name given to --ca.");
        return -1;
    }
    memset(&o, 0, sizeof o);
    o.url = a->url;
    o.ca_file = a->ca;
    o.known_path = known;
    o.verbose = a->verbose;
    o.progress = a->tty_err;
    a->conn = conn_new(&o, f);
    return a->conn ? 0 : -1;
}

/* Connect (with retries for a busy server) and remember a new server. */
static int connect_raw(struct app *a, struct fail *f)
{
    struct lab_err err;
    char saved[STATE_VALUE_MAX];

    if (open_conn(a, f) < 0)
        return -1;
    if (conn_is_up(a->conn))
        return 0;
    a->resumed = false;
    for (int attempt = 0;; attempt++) {
        if (conn_connect(a->conn, f) == 0)
            break;
        if (attempt + 1 >= APP_MAX_RETRIES || !retryable(f))
            return -1;
        wait_before_retry(a, f->retry_after_ms);
    }
    if (a->server_flag &&
        (state_get(&a->st, "server", saved, sizeof saved) < 0 || strcmp(saved, a->url_text))) {
        /* Remembered after the first successful use; failing to save is not fatal. */
        if (state_set(&a->st, "server", a->url_text, &err) < 0 && a->tty_err)
            fprintf(stderr, "Note: could not save the server address (%s).\n", err.msg);
    }
    return 0;
}

static void remember_user(struct app *a, const Lab__V1__User *u)
{
    a->username[0] = a->display_name[0] = '\0';
    a->role = 0;
    if (!u)
        return;
    if (u->username)
        str_term_safe(a->username, sizeof a->username, u->username, strlen(u->username));
    if (u->display_name)
        str_term_safe(a->display_name, sizeof a->display_name, u->display_name,
                      strlen(u->display_name));
    a->role = u->role;
}

void app_forget_session(struct app *a)
{
    if (a->have_state && state_token_remove(&a->st) < 0 && a->tty_err)
        fprintf(stderr, "Note: could not remove the saved session file.\n");
    a->resumed = false;
}

int app_save_session(struct app *a, const Lab__V1__AuthOk *ok, struct fail *f)
{
    struct lab_err err;

    remember_user(a, ok->user);
    if (!ok->token || !ok->token[0])
        return fail_set(f, EXIT_REFUSED, "bad_reply", "The server did not send a session.");
    if (state_token_put(&a->st, ok->token, &err) < 0) {
        fail_set(f, EXIT_USAGE, "config_error", "Logged in, but could not save the session: %s.",
                 err.msg);
        fail_hint(f, "Make sure your home folder is writable, then log in again.");
        return -1;
    }
    if (ok->user && ok->user->username && state_set(&a->st, "user", ok->user->username, &err) < 0 &&
        a->tty_err)
        fprintf(stderr, "Note: could not save your username (%s).\n", err.msg);
    a->resumed = true;
    return 0;
}

static void login_again_hint(struct app *a, struct fail *f)
{
    char user[STATE_VALUE_MAX], safe[APP_NAME_MAX];

    if (state_get(&a->st, "user", user, sizeof user) == 0 && user[0])
        fail_hint(f, "Log in again: labclient login %s",
                  str_term_safe(safe, sizeof safe, user, strlen(user)));
    else
        fail_hint(f, "Log in again: labclient login USERNAME");
}

static int resume(struct app *a, struct fail *f)
{
    Lab__V1__ResumeRequest rr = LAB__V1__RESUME_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    char token[TOKEN_MAX];
    int rc;

    rc = state_token_get(&a->st, token, sizeof token);
    if (rc < 0) {
        fail_set(f, EXIT_AUTH, "not_logged_in", "You are not logged in.");
        fail_hint(f, "Log in with: labclient login USERNAME (new here? labclient register "
                     "USERNAME --code JOINCODE)");
        return -1;
    }
    rr.token = token;
    req.body_case = LAB__V1__ENVELOPE__BODY_RESUME_REQ;
    req.resume_req = &rr;
    rc = app_call(a, &req, true, false, &reply, f);
    memset(token, 0, sizeof token);
    if (rc < 0) {
        if (strcmp(f->code, "unauthenticated") == 0) {
            app_forget_session(a);
            fail_set(f, EXIT_AUTH, "not_logged_in",
                     "Your session has ended (it expired or you logged out elsewhere).");
            login_again_hint(a, f);
        }
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_AUTH_OK) {
        fail_set(f, EXIT_CONNECT, "bad_reply", "The server answered a resume with '%s'.",
                 wire_body_name(reply));
        wire_free(reply);
        return -1;
    }
    remember_user(a, reply->auth_ok->user);
    if (reply->auth_ok->token && reply->auth_ok->token[0] &&
        app_save_session(a, reply->auth_ok, f) < 0) {
        wire_free(reply);
        return -1;
    }
    a->resumed = true;
    wire_free(reply);
    return 0;
}

int app_connect(struct app *a, bool need_login, struct fail *f)
{
    char token[TOKEN_MAX];

    if (app_state(a, f) < 0)
        return -1;
    if (need_login && !a->resumed && state_token_get(&a->st, token, sizeof token) < 0) {
        /* No need to bother the server: say so before connecting. */
        fail_set(f, EXIT_AUTH, "not_logged_in", "You are not logged in.");
        fail_hint(f, "Log in with: labclient login USERNAME (new here? labclient register "
                     "USERNAME --code JOINCODE)");
        return -1;
    }
    memset(token, 0, sizeof token);
    if (connect_raw(a, f) < 0)
        return -1;
    if (need_login && !a->resumed)
        return resume(a, f);
    return 0;
}

int app_call(struct app *a, Envelope *req, bool idempotent, bool unauth_means_session,
             Envelope **reply, struct fail *f)
{
    return app_call_ex(a, req,
                       (idempotent ? APP_IDEMPOTENT : 0u) |
                           (unauth_means_session ? APP_UNAUTH_IS_SESSION : 0u),
                       reply, f);
}

int app_call_ex(struct app *a, Envelope *req, unsigned flags, Envelope **reply, struct fail *f)
{
    bool idempotent = flags & APP_IDEMPOTENT, unauth_means_session = flags & APP_UNAUTH_IS_SESSION;
    bool sent, reconnected = false;

    *reply = NULL;
    for (int attempt = 0;; attempt++) {
        Envelope *r = NULL;

        if (!a->conn || !conn_is_up(a->conn)) {
            bool was_resumed = a->resumed;

            if (connect_raw(a, f) < 0)
                return -1;
            /* A new connection is not logged in: resume before the request itself. */
            if (was_resumed && req->body_case != LAB__V1__ENVELOPE__BODY_RESUME_REQ &&
                resume(a, f) < 0)
                return -1;
        }
        if (conn_call(a->conn, req, &r, &sent, f) < 0) {
            if (reconnected || (sent && !idempotent))
                return -1;
            reconnected = true;
            continue;
        }
        if (r->body_case != LAB__V1__ENVELOPE__BODY_ERROR) {
            *reply = r;
            return 0;
        }
        app_server_error(r->error, f);
        wire_free(r);
        if (strcmp(f->code, "unauthenticated") == 0 && unauth_means_session) {
            app_forget_session(a);
            fail_set(f, EXIT_AUTH, "not_logged_in",
                     "Your session has ended (it expired or you logged out elsewhere).");
            login_again_hint(a, f);
            return -1;
        }
        if (attempt + 1 >= APP_MAX_RETRIES || !retryable(f) || (flags & APP_NO_BUSY_RETRY))
            return -1;
        wait_before_retry(a, f->retry_after_ms);
    }
}

int app_call_slow(struct app *a, Envelope *req, unsigned flags, const struct conn_slow *slow,
                  Envelope **reply, struct fail *f)
{
    int rc;

    if (!a->conn)
        return app_call_ex(a, req, flags, reply, f);
    conn_set_slow(a->conn, slow);
    rc = app_call_ex(a, req, flags, reply, f);
    conn_set_slow(a->conn, NULL);
    return rc;
}
