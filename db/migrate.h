/*
 * migrate.h — applies the numbered schema/NNNN_name.sql files to a database.
 *
 * The migrations are compiled into the program (migrations.c is generated at
 * build time from the .sql files CMake lists), so a labctl binary always
 * carries exactly the schema it was built for. Each migration runs in its own
 * transaction together with its row in schema_migrations (version, name,
 * SHA-256 checksum of the text, applied_at). A session-level advisory lock
 * serialises concurrent runs; an applied migration whose text has since
 * changed stops the run before anything is applied.
 */
#ifndef LAB_DB_MIGRATE_H
#define LAB_DB_MIGRATE_H

#include <stddef.h>

#include "common/err.h"
#include "db/pg.h"

struct migration {
    int version;      /* NNNN from the file name */
    const char *name; /* "0001_core" */
    const char *sql;
};

/* The embedded list, in the order CMake listed the files (generated). */
extern const struct migration db_migrations[];
extern const size_t db_n_migrations;

/* The advisory lock key every migrating process takes ("labmigr" as a number). */
#define MIGRATE_LOCK_KEY "7809635449350514"

/*
 * Check that @list has strictly increasing versions starting at 1 with no
 * gaps and names that start with their zero-padded version.
 * Returns 0 or LAB_E_CONFIG naming the first offending entry.
 */
int migrate_check_list(const struct migration *list, size_t n, struct lab_err *err) LAB_MUST_USE;

/* SHA-256 of a migration's text as 64 hex characters. */
void migrate_checksum(const struct migration *m, char out[65]);

enum migrate_step { MIGRATE_STARTED, MIGRATE_DONE };

/* Progress callback: called before and after each migration that gets applied. */
typedef void migrate_progress_fn(void *arg, const struct migration *m, enum migrate_step step,
                                 long elapsed_ms);

struct migrate_result {
    int version;   /* the schema version after the run (0: empty database) */
    int n_applied; /* how many migrations this run applied */
};

/*
 * Bring @db up to date with @list. Returns 0, LAB_E_CONFIG when the database
 * holds a migration that differs from (or is missing in) @list, or a database
 * error; migrations applied before a failure stay applied.
 */
int migrate_run(struct db *db, const struct migration *list, size_t n,
                migrate_progress_fn *progress, void *arg, struct migrate_result *out,
                struct lab_err *err) LAB_MUST_USE;

#endif
