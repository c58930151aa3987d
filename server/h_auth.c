/*
 * h_auth.c — hello, register, login, resume and logout.
 *
 * Passwords are hashed and verified with Argon2id on the DB threads (about
 * 40 ms each), never on the lws thread. Session tokens are random
 * (token_new) and stored only as their SHA-256. A wrong password and an
 * unknown username get the same answer, and an unknown username still costs
 * one Argon2 verification so timing does not tell them apart.
 */
#include "server/handlers.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/log.h"
#include "common/password.h"
#include "common/str.h"
#include "common/token.h"
#include "db/audit.h"
#include "server/live.h"
#include "server/req.h"

#define TEXT_BAD_LOGIN "wrong username or password; check both and try again"
#define TEXT_EXPIRED "your session has expired; log in again"

/* ---- hello ---- */

static uint32_t max_u32(uint32_t a, uint32_t b)
{
    return a > b ? a : b;
}

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

void h_hello(struct session *s, const Envelope *req)
{
    const Lab__V1__Hello *h = req->hello;
    uint32_t lo = max_u32(h->min_minor, WIRE_MIN_MINOR);
    uint32_t hi = min_u32(h->max_minor, WIRE_MINOR);
    Lab__V1__HelloOk ok = LAB__V1__HELLO_OK__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    char server[64], q[LOG_VALUE_MAX + 16], text[256];

    if (lo > hi) {
        snprintf(text, sizeof text,
                 "this server speaks lab.v1 minor versions %u to %u and your client %u to %u; "
                 "install a matching labclient",
                 WIRE_MIN_MINOR, WIRE_MINOR, h->min_minor, h->max_minor);
        session_refuse(s, req, LAB__V1__ERROR_CODE__VERSION_MISMATCH, 0, text);
        session_close_after_flush(s, 1002, "version mismatch");
        return;
    }
    s->state = SESS_READY;
    log_event(LOG_INFO, "session.hello", "sess=%" PRIu64 " client=%s minor=%u", s->id,
              log_q(q, sizeof q, h->client), hi);
    snprintf(server, sizeof server, "labserver/%s", LAB_VERSION);
    ok.minor = hi;
    ok.server = server;
    ok.max_frame = s->srv->cfg->ws_max_frame;
    env.reply_to = req->id;
    env.body_case = LAB__V1__ENVELOPE__BODY_HELLO_OK;
    env.hello_ok = &ok;
    session_send(s, &env);
}

/* ---- shared: create a session row and build AuthOk ---- */

struct auth_job {
    struct req_job base;
    char username[33];
    char password[PASSWORD_MAX_LEN + 1];
    char display_name[DISPLAY_NAME_MAX * 4 + 1];
    char join_code[JOIN_CODE_MAX + 1];
    char token[TOKEN_HEX_LEN + 1];
    /* results for after() */
    bool ok;
    bool count_failure; /* a wrong password, for the login limiter */
    int64_t user_id;
    Lab__V1__Role role;
    char token_hash[SHA256_HEX_LEN + 1];
    char fail_reason[32];
};

static int make_session(struct auth_job *a, struct db *c, int64_t *expires_at)
{
    char uid[24], ttl[DB_NUM_MAX];
    const char *p[3] = {a->token_hash, uid, ttl};
    struct db_res *r = NULL;
    int rc;

    if (token_new(a->token) < 0)
        return LAB_E_INTERNAL;
    token_sha256_hex(a->token, strlen(a->token), a->token_hash);
    (void)db_param_i64(uid, a->user_id);
    (void)db_param_u64(ttl, a->base.srv->cfg->auth_session_ttl_h);
    rc = db_exec(c,
                 "INSERT INTO sessions (token_hash, user_id, expires_at) "
                 "VALUES ($1, $2, now() + make_interval(hours => $3::int)) "
                 "RETURNING extract(epoch FROM expires_at)::bigint",
                 3, p, &r, NULL);
    if (rc == 0)
        *expires_at = db_res_i64_or(r, 0, 0, 0);
    db_res_free(r);
    return rc;
}

static int reply_auth_ok(struct auth_job *a, const char *username, const char *display_name,
                         int64_t expires_at)
{
    Lab__V1__User u = LAB__V1__USER__INIT;
    Lab__V1__AuthOk ok = LAB__V1__AUTH_OK__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;

    u.id = a->user_id;
    u.username = (char *)username;
    u.display_name = (char *)display_name;
    u.role = a->role;
    ok.token = a->token;
    ok.user = &u;
    ok.expires_at = expires_at;
    env.body_case = LAB__V1__ENVELOPE__BODY_AUTH_OK;
    env.auth_ok = &ok;
    a->ok = true;
    return req_reply(&a->base, &env);
}

static int audit(struct db *c, int64_t actor_id, const char *actor, const char *action,
                 const char *target, const char *peer)
{
    const struct db_audit a = {
        .actor_id = actor_id, .actor = actor, .action = action, .target = target, .peer = peer};

    return db_audit(c, &a, NULL);
}

/* Becoming logged in on the lws thread. */
static void auth_after(struct req_job *j, struct session *s)
{
    struct auth_job *a = (struct auth_job *)j;
    char q[LOG_VALUE_MAX + 16];
    uint64_t now = server_now_us();

    if (j->body == LAB__V1__ENVELOPE__BODY_LOGIN_REQ) {
        if (a->ok)
            loginlim_reset(j->srv->loginlim, a->username);
        else if (a->count_failure && loginlim_fail(j->srv->loginlim, a->username, now) < 0)
            log_event(LOG_WARN, "auth.limiter_full", NULL);
    }
    if (!a->ok) {
        if (j->body == LAB__V1__ENVELOPE__BODY_LOGIN_REQ && a->fail_reason[0])
            log_event(LOG_INFO, "auth.login_failed", "sess=%" PRIu64 " user=%s reason=%s peer=%s",
                      j->sess_id, log_q(q, sizeof q, a->username), a->fail_reason, j->peer);
        return;
    }
    if (!s)
        return;
    s->state = SESS_AUTHED;
    session_set_user(s, a->user_id);
    s->role = a->role;
    memcpy(s->username, a->username, sizeof s->username);
    memcpy(s->token_hash, a->token_hash, sizeof s->token_hash);
    log_event(LOG_INFO,
              j->body == LAB__V1__ENVELOPE__BODY_REGISTER_REQ ? "auth.registered"
              : j->body == LAB__V1__ENVELOPE__BODY_LOGIN_REQ  ? "auth.login_ok"
                                                              : "auth.resumed",
              "sess=%" PRIu64 " user=%s uid=%" PRId64 " peer=%s", s->id, s->username, s->user_id,
              s->peer);
    /* A live exercise already running in one of the user's classes: its notice follows
     * AuthOk (this job completes after the reply is queued). */
    live_notice_login(s->srv, s->id, s->user_id);
}

/* ---- register ---- */

static int run_register(struct db_job *dj, struct db *c)
{
    struct auth_job *a = (struct auth_job *)dj;
    char hash[PASSWORD_HASH_CAP], cohort_id[24], uid[24];
    struct db_res *r = NULL;
    int64_t expires_at = 0;
    int rc;

    {
        const char *p[1] = {a->join_code};
        rc = db_exec(c, "SELECT id FROM cohorts WHERE join_code = $1", 1, p, &r, NULL);
        if (rc < 0)
            return rc;
        if (db_res_rows(r) == 0) {
            db_res_free(r);
            return req_fail(&a->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                            "no class has that join code; check it with your teacher");
        }
        (void)str_copy(cohort_id, sizeof cohort_id, db_res_get(r, 0, 0));
        db_res_free(r);
    }
    {
        const char *p[1] = {a->username};
        rc = db_exec(c, "SELECT 1 FROM users WHERE username = $1", 1, p, &r, NULL);
        if (rc < 0)
            return rc;
        rc = db_res_rows(r);
        db_res_free(r);
        if (rc > 0)
            goto taken;
    }
    rc = password_hash(a->password, hash);
    explicit_bzero(a->password, sizeof a->password);
    if (rc < 0)
        return rc;
    rc = db_exec(c, "BEGIN", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    {
        const char *p[3] = {a->username, a->display_name, hash};
        rc = db_exec(c,
                     "INSERT INTO users (username, display_name, role, password_hash) "
                     "VALUES ($1, $2, 'student', $3) RETURNING id",
                     3, p, &r, NULL);
        if (rc < 0 && strcmp(db_last_sqlstate(c), "23505") == 0)
            goto taken;
        if (rc < 0)
            return rc;
        a->user_id = db_res_i64_or(r, 0, 0, 0);
        db_res_free(r);
    }
    (void)db_param_i64(uid, a->user_id);
    {
        const char *p[2] = {cohort_id, uid};
        rc = db_exec(c,
                     "INSERT INTO memberships (cohort_id, user_id, role) "
                     "VALUES ($1, $2, 'student')",
                     2, p, NULL, NULL);
        if (rc < 0 && strcmp(db_last_sqlstate(c), "23503") == 0)
            return req_fail(&a->base, LAB__V1__ERROR_CODE__NOT_FOUND,
                            "no class has that join code; check it with your teacher");
        if (rc < 0)
            return rc;
    }
    a->role = LAB__V1__ROLE__STUDENT;
    rc = make_session(a, c, &expires_at);
    if (rc == 0)
        rc = audit(c, a->user_id, a->username, "user.register", cohort_id, a->base.peer);
    if (rc == 0)
        rc = db_exec(c, "COMMIT", 0, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    return reply_auth_ok(a, a->username, a->display_name, expires_at);
taken:
    return req_fail(&a->base, LAB__V1__ERROR_CODE__CONFLICT,
                    "the username '%s' is taken; choose another one", a->username);
}

void h_register(struct session *s, const Envelope *req)
{
    const Lab__V1__RegisterRequest *m = req->register_req;
    struct lab_err err = {0};
    struct auth_job *a;
    char code[JOIN_CODE_MAX + 1];

    if (!field_ok(FIELD_USERNAME, m->username)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a username is 2 to 32 characters: lowercase letters, digits, '_', '.' "
                       "or '-', starting with a letter or digit; choose another one");
        return;
    }
    if (password_check_policy(m->password, &err) < 0) {
        char text[300];
        snprintf(text, sizeof text, "%s", err.msg);
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0, text);
        return;
    }
    if (!field_join_code_normalize(m->join_code, code)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a join code is letters and digits, like K7QX2M9P; check it with your "
                       "teacher");
        return;
    }
    if (m->display_name[0] && !field_ok(FIELD_DISPLAY_NAME, m->display_name)) {
        session_refuse(s, req, LAB__V1__ERROR_CODE__BAD_REQUEST, 0,
                       "a display name is 1 to 64 characters of text without control "
                       "characters; choose another one");
        return;
    }
    a = req_new(s, req, sizeof *a, run_register);
    if (!a)
        return;
    (void)str_copy(a->username, sizeof a->username, m->username);
    (void)str_copy(a->password, sizeof a->password, m->password);
    (void)str_copy(a->display_name, sizeof a->display_name,
                   m->display_name[0] ? m->display_name : m->username);
    (void)str_copy(a->join_code, sizeof a->join_code, code);
    a->base.after = auth_after;
    req_post(s, &a->base);
}

/* ---- login ---- */

/* A valid hash to verify against when the user does not exist (same cost). */
static char dummy_hash[PASSWORD_HASH_CAP];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
    if (password_hash("not-a-real-password-at-all", dummy_hash) < 0)
        dummy_hash[0] = '\0';
}

static int run_login(struct db_job *dj, struct db *c)
{
    struct auth_job *a = (struct auth_job *)dj;
    const char *p[1] = {a->username};
    struct db_res *r = NULL;
    char username[33], display[DISPLAY_NAME_MAX * 4 + 1];
    int64_t expires_at = 0;
    bool ok, disabled;
    int rc;

    rc = db_exec(c,
                 "SELECT id, password_hash, role, display_name, disabled, username "
                 "FROM users WHERE username = $1",
                 1, p, &r, NULL);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        pthread_once(&dummy_once, make_dummy);
        (void)password_verify(dummy_hash, a->password);
        explicit_bzero(a->password, sizeof a->password);
        a->count_failure = true;
        (void)str_copy(a->fail_reason, sizeof a->fail_reason, "unknown_user");
        (void)audit(c, 0, a->username, "auth.login_failed", "", a->base.peer);
        return req_fail(&a->base, LAB__V1__ERROR_CODE__UNAUTHENTICATED, TEXT_BAD_LOGIN);
    }
    ok = password_verify(db_res_get(r, 0, 1), a->password);
    explicit_bzero(a->password, sizeof a->password);
    a->user_id = db_res_i64_or(r, 0, 0, 0);
    a->role = role_from_text(db_res_get(r, 0, 2));
    (void)str_copy(display, sizeof display, db_res_get(r, 0, 3));
    disabled = db_res_true(r, 0, 4);
    (void)str_copy(username, sizeof username, db_res_get(r, 0, 5));
    db_res_free(r);
    if (!ok) {
        a->count_failure = true;
        (void)str_copy(a->fail_reason, sizeof a->fail_reason, "wrong_password");
        (void)audit(c, a->user_id, a->username, "auth.login_failed", "", a->base.peer);
        return req_fail(&a->base, LAB__V1__ERROR_CODE__UNAUTHENTICATED, TEXT_BAD_LOGIN);
    }
    if (disabled) {
        (void)str_copy(a->fail_reason, sizeof a->fail_reason, "disabled");
        return req_fail(&a->base, LAB__V1__ERROR_CODE__UNAUTHENTICATED,
                        "this account is disabled; ask your teacher or the operator");
    }
    rc = make_session(a, c, &expires_at);
    if (rc < 0)
        return rc;
    return reply_auth_ok(a, username, display, expires_at);
}

void h_login(struct session *s, const Envelope *req)
{
    const Lab__V1__LoginRequest *m = req->login_req;
    struct auth_job *a;
    uint32_t retry_ms = 0;
    char text[200], q[LOG_VALUE_MAX + 16];

    if (!field_ok(FIELD_USERNAME, m->username) || !m->password[0] ||
        strlen(m->password) > PASSWORD_MAX_LEN) {
        log_event(LOG_INFO, "auth.login_failed", "sess=%" PRIu64 " user=%s reason=malformed", s->id,
                  log_q(q, sizeof q, m->username));
        session_refuse(s, req, LAB__V1__ERROR_CODE__UNAUTHENTICATED, 0, TEXT_BAD_LOGIN);
        return;
    }
    if (!loginlim_allowed(s->srv->loginlim, m->username, server_now_us(), &retry_ms)) {
        snprintf(text, sizeof text,
                 "too many failed logins for this username; wait %u minutes, then try again",
                 (retry_ms + 59999) / 60000);
        log_event(LOG_WARN, "auth.login_limited", "sess=%" PRIu64 " user=%s peer=%s", s->id,
                  log_q(q, sizeof q, m->username), s->peer);
        session_refuse(s, req, LAB__V1__ERROR_CODE__RATE_LIMITED, retry_ms, text);
        return;
    }
    a = req_new(s, req, sizeof *a, run_login);
    if (!a)
        return;
    (void)str_copy(a->username, sizeof a->username, m->username);
    (void)str_copy(a->password, sizeof a->password, m->password);
    a->base.after = auth_after;
    req_post(s, &a->base);
}

/* ---- resume ---- */

static int run_resume(struct db_job *dj, struct db *c)
{
    struct auth_job *a = (struct auth_job *)dj;
    const char *p[1] = {a->token_hash};
    struct db_res *r = NULL;
    int64_t expires_at;
    int rc;

    rc = db_exec(c,
                 "UPDATE sessions s SET last_seen_at = now() FROM users u "
                 "WHERE s.token_hash = $1 AND u.id = s.user_id AND s.expires_at > now() "
                 "AND NOT u.disabled "
                 "RETURNING u.id, u.username, u.display_name, u.role, "
                 "extract(epoch FROM s.expires_at)::bigint",
                 1, p, &r, NULL);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        db_res_free(r);
        return req_fail(&a->base, LAB__V1__ERROR_CODE__UNAUTHENTICATED, TEXT_EXPIRED);
    }
    a->user_id = db_res_i64_or(r, 0, 0, 0);
    (void)str_copy(a->username, sizeof a->username, db_res_get(r, 0, 1));
    a->role = role_from_text(db_res_get(r, 0, 3));
    expires_at = db_res_i64_or(r, 0, 4, 0);
    rc = reply_auth_ok(a, db_res_get(r, 0, 1), db_res_get(r, 0, 2), expires_at);
    db_res_free(r);
    return rc;
}

void h_resume(struct session *s, const Envelope *req)
{
    const Lab__V1__ResumeRequest *m = req->resume_req;
    struct auth_job *a;

    if (!field_ok(FIELD_TOKEN, m->token)) {
        log_event(LOG_INFO, "auth.resume_failed", "sess=%" PRIu64 " reason=malformed_token", s->id);
        session_refuse(s, req, LAB__V1__ERROR_CODE__UNAUTHENTICATED, 0, TEXT_EXPIRED);
        return;
    }
    a = req_new(s, req, sizeof *a, run_resume);
    if (!a)
        return;
    (void)str_copy(a->token, sizeof a->token, m->token);
    token_sha256_hex(a->token, strlen(a->token), a->token_hash);
    a->base.after = auth_after;
    req_post(s, &a->base);
}

/* ---- logout ---- */

static int run_logout(struct db_job *dj, struct db *c)
{
    struct auth_job *a = (struct auth_job *)dj;
    const char *p[1] = {a->token_hash};
    Lab__V1__Ok ok = LAB__V1__OK__INIT;
    Envelope env = LAB__V1__ENVELOPE__INIT;
    int rc;

    rc = db_exec(c, "DELETE FROM sessions WHERE token_hash = $1", 1, p, NULL, NULL);
    if (rc < 0)
        return rc;
    a->ok = true;
    env.body_case = LAB__V1__ENVELOPE__BODY_OK;
    env.ok = &ok;
    return req_reply(&a->base, &env);
}

static void logout_after(struct req_job *j, struct session *s)
{
    struct auth_job *a = (struct auth_job *)j;

    if (!a->ok || !s || s->user_id != j->user_id)
        return;
    log_event(LOG_INFO, "auth.logged_out", "sess=%" PRIu64 " user=%s", s->id, s->username);
    s->state = SESS_READY;
    session_set_user(s, 0);
    s->role = LAB__V1__ROLE__ROLE_UNSPECIFIED;
    s->username[0] = '\0';
    explicit_bzero(s->token_hash, sizeof s->token_hash);
}

void h_logout(struct session *s, const Envelope *req)
{
    struct auth_job *a = req_new(s, req, sizeof *a, run_logout);

    if (!a)
        return;
    memcpy(a->token_hash, s->token_hash, sizeof a->token_hash);
    a->base.after = logout_after;
    req_post(s, &a->base);
}
