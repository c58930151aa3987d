/*
 * migrate.c — the migration runner behind `labctl migrate`.
 *
 * Order of work: take the advisory lock, make sure schema_migrations exists,
 * compare every applied row with the embedded list (refusing on a checksum
 * mismatch or an unknown version), then apply the missing ones in version
 * order, one transaction each. The lock is released on every path.
 */
#include "db/migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/str.h"
#include "common/token.h"

static const char create_table_sql[] = "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                       " version integer PRIMARY KEY,"
                                       " name text NOT NULL,"
                                       " checksum text NOT NULL,"
                                       " applied_at timestamptz NOT NULL DEFAULT now())";

int migrate_check_list(const struct migration *list, size_t n, struct lab_err *err)
{
    for (size_t i = 0; i < n; i++) {
        char prefix[16];
        int rc;

        if (list[i].version != (int)i + 1) {
            rc = lab_errf(err, LAB_E_CONFIG, "migration '%s' has version %d where %zu was expected",
                          list[i].name, list[i].version, i + 1);
            lab_err_hint(err, "number migrations 0001, 0002, ... with no gaps, listed in order");
            return rc;
        }
        snprintf(prefix, sizeof prefix, "%04d_", list[i].version);
        if (strncmp(list[i].name, prefix, strlen(prefix)) != 0 ||
            strlen(list[i].name) <= strlen(prefix))
            return lab_errf(err, LAB_E_CONFIG, "migration name '%s' does not start with '%s'",
                            list[i].name, prefix);
        if (!list[i].sql || !list[i].sql[0])
            return lab_errf(err, LAB_E_CONFIG, "migration '%s' is empty", list[i].name);
    }
    return 0;
}

void migrate_checksum(const struct migration *m, char out[65])
{
    token_sha256_hex(m->sql, strlen(m->sql), out);
}

static long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Compare the applied rows with @list; sets *@version to the highest applied version. */
static int check_applied(struct db *db, const struct migration *list, size_t n, int *version,
                         struct lab_err *err)
{
    struct db_res *r = NULL;
    int rc;

    *version = 0;
    rc = db_exec(db, "SELECT version, name, checksum FROM schema_migrations ORDER BY version", 0,
                 NULL, &r, err);
    if (rc < 0)
        return rc;
    for (int i = 0; i < db_res_rows(r); i++) {
        uint64_t v = 0;
        const char *name = db_res_get(r, i, 1), *sum = db_res_get(r, i, 2);
        char want[65];

        if (parse_u64(db_res_get(r, i, 0), 1000000, &v) < 0 || v == 0 || v > n) {
            rc = lab_errf(err, LAB_E_CONFIG,
                          "the database has migration %s '%s', which this program does not know",
                          db_res_get(r, i, 0), name);
            lab_err_hint(err, "use a labctl built from a newer checkout (it knows %zu migrations)",
                         n);
            goto out;
        }
        migrate_checksum(&list[v - 1], want);
        if (strcmp(want, sum) != 0) {
            rc = lab_errf(err, LAB_E_CONFIG,
                          "migration '%s' was changed after it was applied: checksum in the "
                          "database %.12s, in this program %.12s",
                          list[v - 1].name, sum, want);
            lab_err_hint(err,
                         "restore schema/%s.sql as it was and put the change in a new "
                         "migration file",
                         list[v - 1].name);
            goto out;
        }
        if ((int)v > *version)
            *version = (int)v;
    }
    rc = 0;
out:
    db_res_free(r);
    return rc;
}

static bool is_applied(struct db *db, int version, bool *applied, struct lab_err *err, int *rc)
{
    struct db_res *r = NULL;
    char v[16];
    const char *p[1] = {v};

    snprintf(v, sizeof v, "%d", version);
    *rc = db_exec(db, "SELECT 1 FROM schema_migrations WHERE version = $1::int", 1, p, &r, err);
    *applied = *rc == 0 && db_res_rows(r) > 0;
    db_res_free(r);
    return *rc == 0;
}

static int apply_one(struct db *db, const struct migration *m, struct lab_err *err)
{
    char v[16], sum[65];
    const char *p[3] = {v, m->name, sum};
    int rc;

    snprintf(v, sizeof v, "%d", m->version);
    migrate_checksum(m, sum);
    rc = db_begin(db, err);
    if (rc < 0)
        return rc;
    rc = db_exec_script(db, m->sql, err);
    if (rc < 0) {
        char why[200];
        snprintf(why, sizeof why, "%s", err ? err->msg : "");
        if (err)
            snprintf(err->msg, sizeof err->msg, "migration '%s' failed: %.150s", m->name, why);
        goto fail;
    }
    rc = db_exec(db,
                 "INSERT INTO schema_migrations (version, name, checksum, applied_at)"
                 " VALUES ($1::int, $2, $3, now())",
                 3, p, NULL, err);
    if (rc < 0)
        goto fail;
    rc = db_commit(db, err);
    if (rc < 0)
        goto fail;
    return 0;
fail:
    db_rollback(db);
    return rc;
}

int migrate_run(struct db *db, const struct migration *list, size_t n,
                migrate_progress_fn *progress, void *arg, struct migrate_result *out,
                struct lab_err *err)
{
    const char *key[1] = {MIGRATE_LOCK_KEY};
    bool locked = false;
    int rc, version = 0;

    out->version = 0;
    out->n_applied = 0;
    rc = migrate_check_list(list, n, err);
    if (rc < 0)
        return rc;
    /* Notices such as "relation already exists, skipping" are noise for an operator. */
    rc = db_exec(db, "SET client_min_messages = warning", 0, NULL, NULL, err);
    if (rc < 0)
        goto out;
    rc = db_exec(db, "SELECT pg_advisory_lock($1::bigint)", 1, key, NULL, err);
    if (rc < 0)
        goto out;
    locked = true;
    rc = db_exec(db, create_table_sql, 0, NULL, NULL, err);
    if (rc < 0)
        goto out;
    rc = check_applied(db, list, n, &version, err);
    if (rc < 0)
        goto out;
    for (size_t i = 0; i < n; i++) {
        bool applied;
        long t0;

        if (!is_applied(db, list[i].version, &applied, err, &rc))
            goto out;
        if (applied)
            continue;
        if (progress)
            progress(arg, &list[i], MIGRATE_STARTED, 0);
        t0 = now_ms();
        rc = apply_one(db, &list[i], err);
        if (rc < 0)
            goto out;
        out->n_applied++;
        if (list[i].version > version)
            version = list[i].version;
        if (progress)
            progress(arg, &list[i], MIGRATE_DONE, now_ms() - t0);
    }
    rc = 0;
out:
    out->version = version;
    if (locked) {
        struct lab_err ignored;
        if (db_exec(db, "SELECT pg_advisory_unlock($1::bigint)", 1, key, NULL, &ignored) < 0) {
            /* The lock dies with the session anyway; the caller disconnects next. */
        }
    }
    return rc;
}
