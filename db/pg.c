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
    char where[256];
    char sqlstate[6];
    char constraint[64];
};

struct db_res {
    PGresult *res;
};

/* libpq hands us "SEVERITY:  text\n"; log it as one event at a matching level. */
static void on_notice(void *arg, const char *message)
{
    char line[512], q[LOG_VALUE_MAX + 16];
    enum log_level lvl = LOG_INFO;
    size_t n;

    (void)arg;
    snprintf(line, sizeof line, "%s", message);
    n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    if (!strncmp(line, "WARNING:", 8))
        lvl = LOG_WARN;
    else if (!strncmp(line, "FATAL:", 6) || !strncmp(line, "PANIC:", 6) ||
             !strncmp(line, "ERROR:", 6))
        lvl = LOG_ERROR;
    else if (!strncmp(line, "DEBUG", 5))
        lvl = LOG_DEBUG;
    log_event(lvl, "db.noticed", "msg=%s", log_q(q, sizeof q, line));
}

/* Copy a libpq message into @dst as one line: no trailing newline, inner newlines as "; ". */
static void one_line(char *dst, size_t cap, const char *src)
{
    size_t o = 0;

    for (; src && *src && o + 3 < cap; src++) {
        if (*src == '\n') {
            if (src[1] == '\0')
                break;
            dst[o++] = ';';
            dst[o++] = ' ';
        } else {
            dst[o++] = *src;
        }
    }
    dst[o] = '\0';
}

static void describe_where(struct db *db)
{
    const char *host = PQhost(db->conn), *port = PQport(db->conn), *name = PQdb(db->conn),
               *user = PQuser(db->conn);

    snprintf(db->where, sizeof db->where, "host=%s port=%s dbname=%s user=%s",
             host && *host ? host : "(default)", port && *port ? port : "5432", name ? name : "?",
             user ? user : "?");
}

int db_connect(const char *conninfo, struct db **out, struct lab_err *err)
{
    struct db *db = calloc(1, sizeof *db);
    char reason[200];
    int rc;

    if (!db)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    db->conn = PQconnectdb(conninfo ? conninfo : "");
    if (!db->conn) {
        free(db);
        return lab_errf(err, LAB_E_NOMEM, "out of memory connecting to PostgreSQL");
    }
    PQsetNoticeProcessor(db->conn, on_notice, NULL);
    describe_where(db);
    if (PQstatus(db->conn) != CONNECTION_OK) {
        const char *msg = PQerrorMessage(db->conn), *why = strstr(msg, " failed: ");
        char *nl;

        /* "connection to server at ..., port N failed: REASON\n\tIs the server running...":
         * we already say where, so keep only the reason. */
        one_line(reason, sizeof reason, why ? why + 9 : msg);
        nl = strstr(reason, "; ");
        if (why && nl)
            *nl = '\0';
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
    if (!strncmp(s, "08", 2) || !strcmp(s, "57P01") || !strcmp(s, "57P02") || !strcmp(s, "57P03"))
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
    one_line(reason, sizeof reason, primary ? primary : PQerrorMessage(db->conn));
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
    log_event(LOG_DEBUG, "db.failed", "sqlstate=%s", state ? state : "none");
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

int db_wait_notify(struct db *db, int timeout_ms, struct lab_err *err)
{
    struct pollfd pfd;
    PGnotify *n;
    int got = 0, prc;

    if (!PQconsumeInput(db->conn))
        return lab_errf(err, LAB_E_UNAVAILABLE, "lost the database connection");
    while ((n = PQnotifies(db->conn))) {
        got = 1;
        PQfreemem(n);
    }
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
    if (!PQconsumeInput(db->conn))
        return lab_errf(err, LAB_E_UNAVAILABLE, "lost the database connection");
    while ((n = PQnotifies(db->conn))) {
        got = 1;
        PQfreemem(n);
    }
    return got;
}
