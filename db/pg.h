/*
 * pg.h — a small blocking PostgreSQL client for the command-line tools.
 *
 * labctl (and later labworker) talk to PostgreSQL one statement at a time and
 * can afford to block, so this wraps libpq's synchronous API: connect with a
 * conninfo string, run a statement with out-of-band text parameters, walk the
 * rows, group statements in a transaction. SQL is never built by formatting:
 * every value travels as a parameter ($1, $2, ...).
 *
 * Errors come back as LAB_E_* codes through struct lab_err: a unique violation
 * (SQLSTATE 23505) is LAB_E_EXISTS, a lost or refused connection (class 08,
 * 57P01-57P03) is LAB_E_UNAVAILABLE, anything else the server refused is
 * LAB_E_DB. libpq's own notices are routed into log_event() so nothing prints
 * raw on stderr. libpq-fe.h stays inside pg.c.
 */
#ifndef LAB_DB_PG_H
#define LAB_DB_PG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

struct db;
struct db_res;

/*
 * Connect to the database named by @conninfo (NULL or "" means libpq's
 * defaults, i.e. the PG* environment). Returns 0, LAB_E_UNAVAILABLE with the
 * server's reason in @err->detail and where it tried in @err->msg, or
 * LAB_E_NOMEM.
 * Ownership: on success the caller owns *@out and frees it with db_free().
 */
int db_connect(const char *conninfo, struct db **out, struct lab_err *err) LAB_MUST_USE;

/* Close the connection. Accepts NULL. */
void db_free(struct db *db);

/* "host=... port=... dbname=... user=..." of the connection, without a password. */
const char *db_where(const struct db *db);

/*
 * Run one statement with @n_params text parameters (a NULL entry is SQL NULL).
 * When @out is not NULL, *@out receives the result: its rows, or for a
 * command without RETURNING just the affected-row count. Returns 0 or a negative code (see above)
 * with @err filled; the SQLSTATE of the last failure is kept for db_last_sqlstate(). Ownership: the
 * caller frees *@out with db_res_free().
 */
int db_exec(struct db *db, const char *sql, int n_params, const char *const *params,
            struct db_res **out, struct lab_err *err) LAB_MUST_USE;

/*
 * Run a script of several statements without parameters (a migration). Only
 * for SQL text that is part of the program, never for anything a user typed.
 */
int db_exec_script(struct db *db, const char *sql, struct lab_err *err) LAB_MUST_USE;

/* Transactions: BEGIN, COMMIT, and a ROLLBACK that is safe to call on a failed connection. */
int db_begin(struct db *db, struct lab_err *err) LAB_MUST_USE;
int db_commit(struct db *db, struct lab_err *err) LAB_MUST_USE;
void db_rollback(struct db *db);

/* SQLSTATE of the last failed statement ("" when none or no server answer). */
const char *db_last_sqlstate(const struct db *db);

/* Name of the constraint the last failed statement violated ("" when none). */
const char *db_last_constraint(const struct db *db);

/* The LAB_E_* code for a SQLSTATE (NULL or "" means the connection failed). */
int db_code_from_sqlstate(const char *sqlstate);

/*
 * LISTEN on @channel (a fixed identifier from our code). Notifications are
 * then consumed by db_wait_notify().
 */
int db_listen(struct db *db, const char *channel, struct lab_err *err) LAB_MUST_USE;

/*
 * Wait up to @timeout_ms for a notification on a LISTENed channel and drain
 * every pending one. Returns 1 when at least one arrived, 0 on timeout (or a
 * signal), LAB_E_UNAVAILABLE when the connection is lost.
 */
int db_wait_notify(struct db *db, int timeout_ms, struct lab_err *err) LAB_MUST_USE;

/* Rows and columns of a result; values are text, "" for SQL NULL. */
int db_res_rows(const struct db_res *r);
int db_res_cols(const struct db_res *r);
const char *db_res_get(const struct db_res *r, int row, int col);
bool db_res_is_null(const struct db_res *r, int row, int col);
const char *db_res_col_name(const struct db_res *r, int col);
/* Number of rows a command changed (UPDATE, DELETE, INSERT without RETURNING). */
uint64_t db_res_affected(const struct db_res *r);
void db_res_free(struct db_res *r);

#endif
