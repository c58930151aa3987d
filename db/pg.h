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
 * raw on stderr. libpq-fe.h stays inside pg.c: this is the one libpq wrapper
 * of the house, used by labctl, labworker and labserver's pool (db/pool.c) and
 * listener (db/listen.c).
 *
 * Values come back as text; the typed accessors (db_res_i64, db_res_bool, ...)
 * turn that text into numbers with errors, so no caller converts by hand.
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

/*
 * Connect as a long-lived service connection: @conninfo as in db_connect, a
 * 3 s connect timeout and application_name @app_name. Same results as
 * db_connect, but @err->detail keeps libpq's whole message on one line.
 * Ownership: as db_connect.
 */
int db_connect_app(const char *conninfo, const char *app_name, struct db **out,
                   struct lab_err *err) LAB_MUST_USE;

/*
 * Name the connection in the log (labserver's "0", "1", ..., "listener").
 * A named connection logs its notices as ev=db.notice conn=NAME and every
 * refused statement as ev=db.query_failed (a warning, or debug for a unique
 * violation, which is an expected answer); an unnamed one (the tools) logs
 * them at debug level and leaves reporting to the caller's lab_err.
 * @name is copied.
 */
void db_set_log_name(struct db *db, const char *name);

/* True while the connection is usable. */
bool db_ok(const struct db *db);

/* libpq's last error message on one line, into @buf (returned). */
const char *db_error_message(const struct db *db, char *buf, size_t cap);

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

/* Make the connection non-blocking (for a poll() loop); 0 or LAB_E_UNAVAILABLE. */
int db_set_nonblocking(struct db *db) LAB_MUST_USE;

/* The connection's socket for poll(), or -1 when it has none. */
int db_socket(const struct db *db);

/* One notification: both strings borrowed for the duration of the call. */
typedef void db_notify_fn(void *arg, const char *channel, const char *payload);

/*
 * Read what the socket has and hand every pending notification to @fn (NULL
 * discards them). Returns how many there were, or LAB_E_UNAVAILABLE when the
 * connection is lost.
 */
int db_consume_notifies(struct db *db, db_notify_fn *fn, void *arg) LAB_MUST_USE;

/* Rows and columns of a result; values are text, "" for SQL NULL. */
int db_res_rows(const struct db_res *r);
int db_res_cols(const struct db_res *r);
const char *db_res_get(const struct db_res *r, int row, int col);
bool db_res_is_null(const struct db_res *r, int row, int col);
const char *db_res_col_name(const struct db_res *r, int col);
/* Number of rows a command changed (UPDATE, DELETE, INSERT without RETURNING). */
uint64_t db_res_affected(const struct db_res *r);
void db_res_free(struct db_res *r);

/*
 * Typed accessors. Each reads row @row, column @col and returns 0 with *@out
 * set, LAB_E_NOT_FOUND when the value is SQL NULL (*@out untouched), or
 * LAB_E_PARSE / LAB_E_RANGE when the text is not what the type promises or
 * does not fit (*@out untouched).
 * Integers are whole decimal strings in range (parse_i64/parse_u64); booleans
 * are PostgreSQL's "t"/"f"; timestamps are read as whole seconds since the
 * epoch (select them as extract(epoch from x)::bigint).
 */
int db_res_i64(const struct db_res *r, int row, int col, int64_t *out) LAB_MUST_USE;
int db_res_u64(const struct db_res *r, int row, int col, uint64_t *out) LAB_MUST_USE;
int db_res_bool(const struct db_res *r, int row, int col, bool *out) LAB_MUST_USE;
int db_res_time(const struct db_res *r, int row, int col, int64_t *unix_s) LAB_MUST_USE;

/*
 * For columns where SQL NULL has a meaning (a timestamp not reached yet, a
 * count of nothing): the value, or @dflt when it is NULL. Text that is not a
 * whole number in range also gives @dflt and is logged (ev=db.bad_number): our
 * own SQL selects these columns as integers, so that is a bug, not input.
 */
int64_t db_res_i64_or(const struct db_res *r, int row, int col, int64_t dflt);
uint64_t db_res_u64_or(const struct db_res *r, int row, int col, uint64_t dflt);

/* A boolean column where NULL means false: true only for "t". */
bool db_res_true(const struct db_res *r, int row, int col);

/* A count or score for the wire: NULL gives 0, a negative value 0, a value past UINT32_MAX
 * UINT32_MAX (sums over many rows can exceed a uint32 field; they saturate, never wrap). */
uint32_t db_res_u32_sat(const struct db_res *r, int row, int col);

/* The same conversions on database text (NULL @s is LAB_E_NOT_FOUND). */
int db_text_i64(const char *s, int64_t *out) LAB_MUST_USE;
int db_text_u64(const char *s, uint64_t *out) LAB_MUST_USE;
int db_text_bool(const char *s, bool *out) LAB_MUST_USE;

/* Room for any 64-bit integer as text, with sign and NUL. */
#define DB_NUM_MAX 24

/* Parameter text for an integer: writes into @buf and returns it. */
const char *db_param_i64(char buf[DB_NUM_MAX], int64_t v);
const char *db_param_u64(char buf[DB_NUM_MAX], uint64_t v);

/*
 * Copy libpq's (possibly multi-line) message @src into @dst as one line:
 * inner newlines become "; ", trailing newlines and spaces go.
 */
void db_one_line(char *dst, size_t cap, const char *src);

#endif
