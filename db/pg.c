/*
 * pg.c — blocking libpq for the tools: connect, exec with parameters, map SQLSTATEs.
 *
 * One struct db is one PGconn used from one thread. Failures keep the SQLSTATE
 * and constraint name so callers can tell "username taken" from "join code
 * collided" without parsing message text.
 */
#include "db/pg.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "common/log.h"
#include "common/str.h"

struct db {
    PGconn *conn;
    char log_name[16]; /* "" for the tools; see db_set_log_name() */
    char where[256];
    char sqlstate[6];
    char constraint[64];
};

struct db_res {
    PGresult *res;
};

/* Copy a libpq message into @dst as one line: no trailing newline or blanks, inner newlines as ";
 * ". */
void db_one_line(char *dst, size_t cap, const char *src)
{
    size_t o = 0;

    if (cap == 0)
        return;
    for (; src && *src && o + 3 < cap; src++) {
        if (*src == '\n' || *src == '\r') {
            if (src[1] == '\0' || src[1] == '\n' || src[1] == '\r')
                continue;
            dst[o++] = ';';
            dst[o++] = ' ';
        } else {
            dst[o++] = *src;
        }
    }
    while (o > 0 && dst[o - 1] == ' ')
        o--;
    dst[o] = '\0';
}

/* libpq hands us "SEVERITY:  text\n"; log it as one event at a matching level. */
static void on_notice(void *arg, const char *message)
{
    const struct db *db = arg;
    char line[512], q[LOG_VALUE_MAX + 16];
    enum log_level lvl = LOG_INFO;

    db_one_line(line, sizeof line, message);
    if (db->log_name[0]) {
        log_event(LOG_INFO, "db.notice", "conn=%s msg=%s", db->log_name, log_q(q, sizeof q, line));
        return;
    }
    if (!strncmp(line, "WARNING:", 8))
        lvl = LOG_WARN;
    else if (!strncmp(line, "FATAL:", 6) || !strncmp(line, "PANIC:", 6) ||
             !strncmp(line, "ERROR:", 6))
        lvl = LOG_ERROR;
    else if (!strncmp(line, "DEBUG", 5))
        lvl = LOG_DEBUG;
    log_event(lvl, "db.noticed", "msg=%s", log_q(q, sizeof q, line));
}

static void describe_where(struct db *db)
{
    const char *host = PQhost(db->conn), *port = PQport(db->conn), *name = PQdb(db->conn),
               *user = PQuser(db->conn);

    snprintf(db->where, sizeof db->where, "host=%s port=%s dbname=%s user=%s",
             host && *host ? host : "(default)", port && *port ? port : "5432", name ? name : "?",
             user ? user : "?");
}

/* Connect with libpq's keyword arrays (@keys/@vals end in NULL; "dbname" is expanded). */
static int connect_params(const char *const *keys, const char *const *vals, bool whole_reason,
                          struct db **out, struct lab_err *err)
{
    struct db *db = calloc(1, sizeof *db);
    char reason[200];
    int rc;

    *out = NULL;
    if (!db)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    db->conn = PQconnectdbParams(keys, vals, 1);
    if (!db->conn) {
        free(db);
        return lab_errf(err, LAB_E_NOMEM, "out of memory connecting to PostgreSQL");
    }
    PQsetNoticeProcessor(db->conn, on_notice, db);
    describe_where(db);
    if (PQstatus(db->conn) != CONNECTION_OK) {
        const char *msg = PQerrorMessage(db->conn), *why = strstr(msg, " failed: ");
        char *nl;

        if (whole_reason) {
            db_one_line(reason, sizeof reason, msg);
        } else {
            /* "connection to server at ..., port N failed: REASON\n\tIs the server running...":
             * we already say where, so keep only the reason. */
            db_one_line(reason, sizeof reason, why ? why + 9 : msg);
            nl = strstr(reason, "; ");
            if (why && nl)
                *nl = '\0';
        }
        rc = lab_errf(err, LAB_E_UNAVAILABLE, "cannot connect to PostgreSQL at %s", db->where);
        if (err)
            snprintf(err->detail, sizeof err->detail, "%s", reason);
        db_free(db);
        return rc;
    }
    log_event(LOG_DEBUG, "db.connected", "server_version=%d", PQserverVersion(db->conn));
    *out = db;
    return 0;
}

int db_connect(const char *conninfo, struct db **out, struct lab_err *err)
{
    static const char *const keys[] = {"dbname", NULL};
    const char *vals[] = {conninfo ? conninfo : "", NULL};

    return connect_params(keys, vals, false, out, err);
}

int db_connect_app(const char *conninfo, const char *app_name, struct db **out, struct lab_err *err)
{
    static const char *const keys[] = {"connect_timeout", "application_name", "dbname", NULL};
    const char *vals[] = {"3", app_name, conninfo ? conninfo : "", NULL};

    return connect_params(keys, vals, true, out, err);
}

void db_set_log_name(struct db *db, const char *name)
{
    snprintf(db->log_name, sizeof db->log_name, "%s", name ? name : "");
}

bool db_ok(const struct db *db)
{
    return db && db->conn && PQstatus(db->conn) == CONNECTION_OK;
}

const char *db_error_message(const struct db *db, char *buf, size_t cap)
{
    db_one_line(buf, cap, db && db->conn ? PQerrorMessage(db->conn) : "no connection");
    return buf;
}

void db_free(struct db *db)
{
    if (!db)
        return;
    PQfinish(db->conn);
    free(db);
}

const char *db_where(const struct db *db)
{
    return db->where;
}

int db_code_from_sqlstate(const char *s)
{
    if (!s || !*s)
        return LAB_E_UNAVAILABLE;
    if (!strcmp(s, "23505"))
        return LAB_E_EXISTS;
    /* Connection exceptions, and operator intervention (shutdown, crash recovery): the
     * connection is going away. */
    if (!strncmp(s, "08", 2) || !strncmp(s, "57P", 3))
        return LAB_E_UNAVAILABLE;
    if (!strcmp(s, "53300")) /* too_many_connections: temporary */
        return LAB_E_UNAVAILABLE;
    if (!strncmp(s, "22", 2) || !strncmp(s, "23", 2)) /* data exception, other constraints */
        return LAB_E_PARSE;
    if (!strcmp(s, "42501"))
        return LAB_E_DENIED;
    return LAB_E_DB;
}

/* Turn a failed result (or NULL result) into a code and a filled @err. */
static int fail(struct db *db, PGresult *res, struct lab_err *err)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *cons = res ? PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME) : NULL;
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    char reason[200];
    int code;

    /* A result without SQLSTATE after the connection dropped is a lost connection. */
    if (PQstatus(db->conn) != CONNECTION_OK)
        state = NULL;
    snprintf(db->sqlstate, sizeof db->sqlstate, "%s", state ? state : "");
    snprintf(db->constraint, sizeof db->constraint, "%s", cons ? cons : "");
    db_one_line(reason, sizeof reason, primary ? primary : PQerrorMessage(db->conn));
    code = db_code_from_sqlstate(state);
    if (code == LAB_E_UNAVAILABLE) {
        lab_errf(err, code, "lost the connection to PostgreSQL at %s", db->where);
        lab_err_hint(err, "check that PostgreSQL is running, then try again");
    } else {
        lab_errf(err, code, "the database refused the statement (SQLSTATE %s)",
                 state ? state : "?");
    }
    if (err)
        snprintf(err->detail, sizeof err->detail, "%s", reason);
    if (db->log_name[0] && state) {
        char line[512], q[LOG_VALUE_MAX + 16];

        db_one_line(line, sizeof line, PQresultErrorMessage(res));
        /* Unique violations are expected answers (CONFLICT); others are worth a look. */
        log_event(strcmp(state, "23505") == 0 ? LOG_DEBUG : LOG_WARN, "db.query_failed",
                  "conn=%s sqlstate=%s err=%s", db->log_name, state, log_q(q, sizeof q, line));
    } else {
        log_event(LOG_DEBUG, "db.failed", "sqlstate=%s", state ? state : "none");
    }
    return code;
}

int db_exec(struct db *db, const char *sql, int n_params, const char *const *params,
            struct db_res **out, struct lab_err *err)
{
    PGresult *res;
    ExecStatusType st;
    int rc;

    if (out)
        *out = NULL;
    db->sqlstate[0] = db->constraint[0] = '\0';
    res = PQexecParams(db->conn, sql, n_params, NULL, params, NULL, NULL, 0);
    st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        rc = fail(db, res, err);
        PQclear(res);
        return rc;
    }
    if (out) {
        struct db_res *r = malloc(sizeof *r);
        if (!r) {
            PQclear(res);
            return lab_errf(err, LAB_E_NOMEM, "out of memory reading a result");
        }
        r->res = res;
        *out = r;
    } else {
        PQclear(res);
    }
    return 0;
}

int db_exec_script(struct db *db, const char *sql, struct lab_err *err)
{
    PGresult *res;
    ExecStatusType st;
    int rc = 0;

    db->sqlstate[0] = db->constraint[0] = '\0';
    res = PQexec(db->conn, sql);
    st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
        rc = fail(db, res, err);
    PQclear(res);
    return rc;
}

int db_begin(struct db *db, struct lab_err *err)
{
    return db_exec(db, "BEGIN", 0, NULL, NULL, err);
}

int db_commit(struct db *db, struct lab_err *err)
{
    return db_exec(db, "COMMIT", 0, NULL, NULL, err);
}

void db_rollback(struct db *db)
{
    PGresult *res;

    if (PQstatus(db->conn) != CONNECTION_OK || PQtransactionStatus(db->conn) == PQTRANS_IDLE)
        return;
    res = PQexec(db->conn, "ROLLBACK");
    PQclear(res);
}

const char *db_last_sqlstate(const struct db *db)
{
    return db->sqlstate;
}

const char *db_last_constraint(const struct db *db)
{
    return db->constraint;
}

int db_res_rows(const struct db_res *r)
{
    return PQntuples(r->res);
}

int db_res_cols(const struct db_res *r)
{
    return PQnfields(r->res);
}

const char *db_res_get(const struct db_res *r, int row, int col)
{
    return PQgetvalue(r->res, row, col);
}

bool db_res_is_null(const struct db_res *r, int row, int col)
{
    return PQgetisnull(r->res, row, col) != 0;
}

const char *db_res_col_name(const struct db_res *r, int col)
{
    return PQfname(r->res, col);
}

uint64_t db_res_affected(const struct db_res *r)
{
    const char *s = PQcmdTuples(r->res);
    uint64_t n = 0;

    if (s && *s && parse_u64(s, UINT64_MAX, &n) < 0)
        n = 0;
    return n;
}

void db_res_free(struct db_res *r)
{
    if (!r)
        return;
    PQclear(r->res);
    free(r);
}

int db_text_i64(const char *s, int64_t *out)
{
    if (!s)
        return LAB_E_NOT_FOUND;
    return parse_i64(s, INT64_MIN, INT64_MAX, out);
}

int db_text_u64(const char *s, uint64_t *out)
{
    if (!s)
        return LAB_E_NOT_FOUND;
    return parse_u64(s, UINT64_MAX, out);
}

int db_text_bool(const char *s, bool *out)
{
    if (!s)
        return LAB_E_NOT_FOUND;
    if (!strcmp(s, "t"))
        *out = true;
    else if (!strcmp(s, "f"))
        *out = false;
    else
        return LAB_E_PARSE;
    return 0;
}

/* The text of a cell, or NULL for SQL NULL (and for a cell outside the result). */
static const char *cell(const struct db_res *r, int row, int col)
{
    if (row < 0 || col < 0 || row >= PQntuples(r->res) || col >= PQnfields(r->res) ||
        PQgetisnull(r->res, row, col))
        return NULL;
    return PQgetvalue(r->res, row, col);
}

int db_res_i64(const struct db_res *r, int row, int col, int64_t *out)
{
    return db_text_i64(cell(r, row, col), out);
}

int db_res_u64(const struct db_res *r, int row, int col, uint64_t *out)
{
    return db_text_u64(cell(r, row, col), out);
}

int db_res_bool(const struct db_res *r, int row, int col, bool *out)
{
    return db_text_bool(cell(r, row, col), out);
}

int db_res_time(const struct db_res *r, int row, int col, int64_t *unix_s)
{
    return db_text_i64(cell(r, row, col), unix_s);
}

/* A cell that should have held a number did not: say which, once per occurrence. */
static void bad_number(const struct db_res *r, int row, int col)
{
    char q[LOG_VALUE_MAX + 16];
    const char *name = col >= 0 && col < PQnfields(r->res) ? PQfname(r->res, col) : "?";

    log_event(LOG_WARN, "db.bad_number", "row=%d col=%s text=%s", row, name ? name : "?",
              log_q(q, sizeof q, cell(r, row, col) ? cell(r, row, col) : ""));
}

int64_t db_res_i64_or(const struct db_res *r, int row, int col, int64_t dflt)
{
    const char *s = cell(r, row, col);
    int64_t v;

    if (!s)
        return dflt;
    if (db_text_i64(s, &v) < 0) {
        bad_number(r, row, col);
        return dflt;
    }
    return v;
}

uint64_t db_res_u64_or(const struct db_res *r, int row, int col, uint64_t dflt)
{
    const char *s = cell(r, row, col);
    uint64_t v;

    if (!s)
        return dflt;
    if (db_text_u64(s, &v) < 0) {
        bad_number(r, row, col);
        return dflt;
    }
    return v;
}

bool db_res_true(const struct db_res *r, int row, int col)
{
    bool b = false;

    return db_text_bool(cell(r, row, col), &b) == 0 && b;
}

uint32_t db_res_u32_sat(const struct db_res *r, int row, int col)
{
    int64_t v = db_res_i64_or(r, row, col, 0);

    return v < 0 ? 0 : v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

const char *db_param_i64(char buf[DB_NUM_MAX], int64_t v)
{
    snprintf(buf, DB_NUM_MAX, "%lld", (long long)v);
    return buf;
}

const char *db_param_u64(char buf[DB_NUM_MAX], uint64_t v)
{
    snprintf(buf, DB_NUM_MAX, "%llu", (unsigned long long)v);
    return buf;
}

int db_listen(struct db *db, const char *channel, struct lab_err *err)
{
    char sql[96];
    PGresult *r;
    int rc = 0;

    /* The channel is a fixed identifier chosen by our code, never user input. */
    if (!str_is_ident(channel, 63) || strchr(channel, '.') || strchr(channel, '-'))
        return lab_errf(err, LAB_E_RANGE, "bad channel name '%s'", channel);
    snprintf(sql, sizeof sql, "LISTEN %s", channel);
    r = PQexec(db->conn, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        rc = lab_errf(err, PQstatus(db->conn) == CONNECTION_OK ? LAB_E_DB : LAB_E_UNAVAILABLE,
                      "LISTEN %s failed", channel);
        snprintf(err ? err->detail : sql, err ? sizeof err->detail : sizeof sql, "%s",
                 PQerrorMessage(db->conn));
    }
    PQclear(r);
    return rc;
}

int db_set_nonblocking(struct db *db)
{
    return PQsetnonblocking(db->conn, 1) == 0 ? 0 : LAB_E_UNAVAILABLE;
}

int db_socket(const struct db *db)
{
    return db && db->conn ? PQsocket(db->conn) : -1;
}

int db_consume_notifies(struct db *db, db_notify_fn *fn, void *arg)
{
    PGnotify *n;
    int got = 0;

    if (!PQconsumeInput(db->conn) || PQstatus(db->conn) != CONNECTION_OK)
        return LAB_E_UNAVAILABLE;
    while ((n = PQnotifies(db->conn)) != NULL) {
        if (fn)
            fn(arg, n->relname, n->extra);
        PQfreemem(n);
        got++;
    }
    return got;
}

int db_wait_notify(struct db *db, int timeout_ms, struct lab_err *err)
{
    struct pollfd pfd;
    int got, prc;

    got = db_consume_notifies(db, NULL, NULL);
    if (got < 0)
        return lab_errf(err, LAB_E_UNAVAILABLE, "lost the database connection");
    if (got)
        return 1;
    pfd.fd = PQsocket(db->conn);
    pfd.events = POLLIN;
    pfd.revents = 0;
    if (pfd.fd < 0)
        return lab_errf(err, LAB_E_UNAVAILABLE, "lost the database connection");
    prc = poll(&pfd, 1, timeout_ms);
    if (prc < 0)
        return errno == EINTR ? 0 : lab_errf(err, -errno, "poll on the database socket failed");
    if (prc == 0)
        return 0;
    got = db_consume_notifies(db, NULL, NULL);
    if (got < 0)
        return lab_errf(err, LAB_E_UNAVAILABLE, "lost the database connection");
    return got > 0;
}
