/*
 * cmd_cohort.c — `labctl cohort list|create|show`: cohorts and their rosters.
 *
 * A new cohort's owner must be an enabled instructor or admin; the owner also
 * becomes a member with role 'instructor', which is how labserver decides who
 * may see the join code and the roster. Join codes come from
 * token_join_code(); a collision with an existing code is retried.
 */
#include "ctl/ctl.h"

#include <string.h>

#include "common/fields.h"
#include "common/token.h"
#include "db/audit.h"
#include "ctl/out.h"

static const char help[] = "usage: labctl cohort list\n"
                           "       labctl cohort create NAME --owner USERNAME\n"
                           "       labctl cohort show NAME\n"
                           "\n"
                           "Cohort names match ^[a-z0-9][a-z0-9_.-]{1,47}$. The owner must be an\n"
                           "instructor or admin. 'create' prints the join code students register\n"
                           "with. All commands accept --json.\n";

#define TS(col) "to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

static int cohort_list(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    static const char *const heads[] = {"NAME", "OWNER", "STUDENTS", "JOIN CODE", "CREATED"};
    static const char *const keys[] = {"name", "owner", "students", "join_code", "created_at"};
    const struct ctl_opt opts[] = {CTL_COMMON_OPTS(c), CTL_OPT_END};
    struct db_res *r = NULL;
    struct ctl_args a;
    struct db *db;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help)
        return rc < 0 ? rc : (fputs(help, c->out), CTL_HELP_SHOWN);
    if (a.n_pos != 0)
        return ctl_usage(err, "cohort", "unexpected argument '%s'", a.pos[0]);
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        return rc;
    rc = db_exec(
        db,
        "SELECT c.name, u.username,"
        " (SELECT count(*) FROM memberships m"
        "   WHERE m.cohort_id = c.id AND m.role = 'student'),"
        " c.join_code, " TS("c.created_at") " FROM cohorts c"
                                            " JOIN users u ON u.id = c.owner_id ORDER BY c.name",
        0, NULL, &r, err);
    if (rc < 0)
        return rc;
    out_listing(c->out, c->json, "cohorts", r, heads, keys, "ssnss");
    db_res_free(r);
    return 0;
}

/* Look up @owner: must exist, be enabled, and be an instructor or admin. */
static int check_owner(struct db *db, const char *owner, char id[32], struct lab_err *err)
{
    const char *p[1] = {owner};
    struct db_res *r = NULL;
    int rc;

    rc = db_exec(db, "SELECT id, role, disabled FROM users WHERE username = $1", 1, p, &r, err);
    if (rc < 0)
        return rc;
    if (db_res_rows(r) == 0) {
        rc = lab_errf(err, LAB_E_NOT_FOUND, "no user '%s'", owner);
        lab_err_hint(err, "create the instructor first: labctl user add %s --role instructor",
                     owner);
    } else if (!strcmp(db_res_get(r, 0, 1), "student")) {
        rc = lab_errf(err, LAB_E_DENIED,
                      "'%s' is a student; a cohort owner must be an instructor or admin", owner);
    } else if (db_res_true(r, 0, 2)) {
        rc = lab_errf(err, LAB_E_DENIED, "'%s' is disabled and cannot own a cohort", owner);
    } else {
        snprintf(id, 32, "%s", db_res_get(r, 0, 0));
    }
    db_res_free(r);
    return rc;
}

/* Insert the cohort with a fresh join code, retrying if the code is already taken. */
static int insert_cohort(struct db *db, const char *name, const char *owner_id,
                         char code[JOIN_CODE_LEN + 1], char cohort_id[32], struct lab_err *err)
{
    struct db_res *r = NULL;
    int rc = LAB_E_EXISTS;

    for (int attempt = 0; attempt < 5 && rc == LAB_E_EXISTS; attempt++) {
        const char *p[3] = {name, code, owner_id};

        rc = token_join_code(code, JOIN_CODE_LEN);
        if (rc < 0)
            return lab_errf(err, rc, "cannot generate a join code");
        rc = db_exec(db, "SAVEPOINT cohort_insert", 0, NULL, NULL, err);
        if (rc < 0)
            return rc;
        rc = db_exec(db,
                     "INSERT INTO cohorts (name, join_code, owner_id)"
                     " VALUES ($1, $2, $3::bigint) RETURNING id",
                     3, p, &r, err);
        if (rc == LAB_E_EXISTS && !strcmp(db_last_constraint(db), "cohorts_name_key")) {
            lab_errf(err, rc, "cohort '%s' already exists", name);
            lab_err_hint(err, "'labctl cohort list' shows the cohorts");
            return rc;
        }
        if (rc == LAB_E_EXISTS &&
            db_exec(db, "ROLLBACK TO SAVEPOINT cohort_insert", 0, NULL, NULL, err) < 0)
            return LAB_E_UNAVAILABLE;
    }
    if (rc < 0)
        return rc;
    snprintf(cohort_id, 32, "%s", db_res_get(r, 0, 0));
    db_res_free(r);
    return 0;
}

static int cohort_create(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    const char *owner = NULL;
    const struct ctl_opt opts[] = {{"owner", 'o', &owner, NULL}, CTL_COMMON_OPTS(c), CTL_OPT_END};
    char owner_id[32], cohort_id[32], code[JOIN_CODE_LEN + 1];
    struct ctl_args a;
    struct db *db;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help)
        return rc < 0 ? rc : (fputs(help, c->out), CTL_HELP_SHOWN);
    if (a.n_pos != 1)
        return ctl_usage(err, "cohort", "'cohort create' needs exactly one NAME");
    if (!field_ok(FIELD_COHORT_NAME, a.pos[0]))
        return ctl_usage(err, "cohort",
                         "'%s' is not a valid cohort name: use 2-48 of a-z 0-9 _ . - starting "
                         "with a letter or digit",
                         a.pos[0]);
    if (!owner)
        return ctl_usage(err, "cohort", "'cohort create' needs --owner USERNAME");
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        return rc;
    rc = db_begin(db, err);
    if (rc < 0)
        return rc;
    rc = check_owner(db, owner, owner_id, err);
    if (rc < 0)
        goto out;
    rc = insert_cohort(db, a.pos[0], owner_id, code, cohort_id, err);
    if (rc < 0)
        goto out;

    const char *m[2] = {cohort_id, owner_id};
    rc = db_exec(db,
                 "INSERT INTO memberships (cohort_id, user_id, role)"
                 " VALUES ($1::bigint, $2::bigint, 'instructor')",
                 2, m, NULL, err);
    if (rc < 0)
        goto out;
    char detail[96];
    snprintf(detail, sizeof detail, "owner=%s", owner);
    const struct db_audit au = {
        .actor = "labctl", .action = "cohort.create", .target = a.pos[0], .detail = detail};
    rc = db_audit(db, &au, err);
    if (rc < 0)
        goto out;
    rc = db_commit(db, err);
    if (rc < 0)
        goto out;
    if (c->json) {
        fprintf(c->out, "{\"ok\":true,\"cohort\":{\"id\":%s,\"name\":", cohort_id);
        out_json_str(c->out, a.pos[0]);
        fputs(",\"owner\":", c->out);
        out_json_str(c->out, owner);
        fprintf(c->out, ",\"join_code\":\"%s\"}}\n", code);
    } else {
        fprintf(c->out, "created cohort '%s' owned by '%s'\njoin code: %s\n", a.pos[0], owner,
                code);
    }
out:
    if (rc < 0)
        db_rollback(db);
    return rc;
}

static int cohort_show(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    static const char *const heads[] = {"USERNAME", "NAME", "ROLE", "JOINED"};
    static const char *const keys[] = {"username", "display_name", "role", "joined_at"};
    const struct ctl_opt opts[] = {CTL_COMMON_OPTS(c), CTL_OPT_END};
    struct db_res *h = NULL, *r = NULL;
    struct ctl_args a;
    struct db *db;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help)
        return rc < 0 ? rc : (fputs(help, c->out), CTL_HELP_SHOWN);
    if (a.n_pos != 1)
        return ctl_usage(err, "cohort", "'cohort show' needs exactly one NAME");
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        return rc;

    const char *p[1] = {a.pos[0]};
    rc = db_exec(
        db,
        "SELECT c.id, c.name, u.username, c.join_code, " TS(
            "c.created_at") " FROM cohorts c JOIN users u ON u.id = c.owner_id WHERE c.name = $1",
        1, p, &h, err);
    if (rc < 0)
        goto out;
    if (db_res_rows(h) == 0) {
        rc = lab_errf(err, LAB_E_NOT_FOUND, "no cohort '%s'", a.pos[0]);
        lab_err_hint(err, "'labctl cohort list' shows the cohorts");
        goto out;
    }
    rc = db_exec(db,
                 "SELECT u.username, u.display_name, m.role, " TS(
                     "m.joined_at") " FROM memberships m JOIN users u ON u.id = m.user_id"
                                    " JOIN cohorts c ON c.id = m.cohort_id WHERE c.name = $1"
                                    " ORDER BY m.role DESC, u.username",
                 1, p, &r, err);
    if (rc < 0)
        goto out;
    if (c->json) {
        fprintf(c->out, "{\"ok\":true,\"cohort\":{\"id\":%s,\"name\":", db_res_get(h, 0, 0));
        out_json_str(c->out, db_res_get(h, 0, 1));
        fputs(",\"owner\":", c->out);
        out_json_str(c->out, db_res_get(h, 0, 2));
        fputs(",\"join_code\":", c->out);
        out_json_str(c->out, db_res_get(h, 0, 3));
        fputs(",\"created_at\":", c->out);
        out_json_str(c->out, db_res_get(h, 0, 4));
        fputs("},\"members\":", c->out);
        out_json_rows(c->out, r, keys, "ssss");
        fputs("}\n", c->out);
    } else {
        fprintf(c->out, "cohort %s  owner %s  join code %s  created %s\n\n", db_res_get(h, 0, 1),
                db_res_get(h, 0, 2), db_res_get(h, 0, 3), db_res_get(h, 0, 4));
        out_table(c->out, r, heads);
    }
out:
    db_res_free(h);
    db_res_free(r);
    return rc;
}

int cmd_cohort(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(help, argc < 2 ? stderr : c->out);
        return argc < 2 ? ctl_usage(err, "cohort", "'cohort' needs a subcommand") : CTL_HELP_SHOWN;
    }
    if (!strcmp(argv[1], "list"))
        return cohort_list(c, argc - 1, argv + 1, err);
    if (!strcmp(argv[1], "create"))
        return cohort_create(c, argc - 1, argv + 1, err);
    if (!strcmp(argv[1], "show"))
        return cohort_show(c, argc - 1, argv + 1, err);
    return ctl_usage(err, "cohort", "unknown subcommand 'cohort %s'", argv[1]);
}
