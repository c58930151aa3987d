/*
 * cmd_user.c — `labctl user add|list|passwd|disable`: accounts.
 *
 * Every change writes its audit_log row in the same transaction (actor
 * 'labctl'), so the log never claims a change that was rolled back. Resetting
 * a password or disabling an account deletes the user's sessions: whoever
 * held a token must log in again.
 */
#include "ctl/ctl.h"

#include <stdlib.h>
#include <string.h>

#include "common/fields.h"
#include "common/password.h"
#include "common/str.h"
#include "db/audit.h"
#include "ctl/out.h"
#include "ctl/prompt.h"

static const char help[] =
    "usage: labctl user add USERNAME --role student|instructor|admin [--name DISPLAY]\n"
    "                       [--password-stdin]\n"
    "       labctl user list [--role ROLE]\n"
    "       labctl user passwd USERNAME [--password-stdin]\n"
    "       labctl user disable USERNAME\n"
    "\n"
    "Usernames match ^[a-z0-9][a-z0-9_.-]{1,31}$. Passwords are read from the\n"
    "terminal (typed twice, not echoed) or, with --password-stdin, from the first\n"
    "line of stdin. All commands accept --json.\n";

static int audit(struct db *db, const char *action, const char *target, const char *detail,
                 struct lab_err *err)
{
    const struct db_audit a = {
        .actor = "labctl", .action = action, .target = target, .detail = detail};

    return db_audit(db, &a, err);
}

static int check_username(const char *u, struct lab_err *err)
{
    if (field_ok(FIELD_USERNAME, u))
        return 0;
    return ctl_usage(err, "user",
                     "'%s' is not a valid username: use 2-32 of a-z 0-9 _ . - starting with a "
                     "letter or digit",
                     u);
}

/* Read and check a new password, then hash it into @hash. */
static int new_password(const char *who, bool from_stdin, char hash[PASSWORD_HASH_CAP],
                        struct lab_err *err)
{
    char pw[PASSWORD_MAX_LEN * 2];
    int rc;

    rc = prompt_password(who, from_stdin, pw, sizeof pw, err);
    if (rc == 0)
        rc = password_check_policy(pw, err);
    if (rc == 0) {
        rc = password_hash(pw, hash);
        if (rc < 0)
            lab_errf(err, rc, "cannot hash the password");
    }
    explicit_bzero(pw, sizeof pw);
    return rc;
}

static int user_add(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    const char *role = NULL, *name = NULL;
    bool from_stdin = false;
    const struct ctl_opt opts[] = {{"role", 'r', &role, NULL},
                                   {"name", 0, &name, NULL},
                                   {"password-stdin", 0, NULL, &from_stdin},
                                   CTL_COMMON_OPTS(c),
                                   CTL_OPT_END};
    char hash[PASSWORD_HASH_CAP];
    struct db_res *r = NULL;
    struct ctl_args a;
    struct db *db;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help)
        return rc < 0 ? rc : (fputs(help, c->out), CTL_HELP_SHOWN);
    if (a.n_pos != 1)
        return ctl_usage(err, "user", "'user add' needs exactly one USERNAME");
    rc = check_username(a.pos[0], err);
    if (rc < 0)
        return rc;
    if (!role)
        return ctl_usage(err, "user", "'user add' needs --role student|instructor|admin");
    if (!ctl_valid_role(role))
        return ctl_usage(err, "user", "unknown role '%s': use student, instructor or admin", role);
    if (!name)
        name = a.pos[0];
    if (!field_ok(FIELD_DISPLAY_NAME, name))
        return ctl_usage(err, "user",
                         "the display name must be 1-64 characters without control characters");
    rc = ctl_db(c, &db, err); /* before the password prompt: fail fast if PostgreSQL is down */
    if (rc < 0)
        return rc;
    rc = new_password(a.pos[0], from_stdin, hash, err);
    if (rc < 0)
        return rc;

    const char *p[4] = {a.pos[0], name, role, hash};
    char detail[64];
    snprintf(detail, sizeof detail, "role=%s", role);
    rc = db_begin(db, err);
    if (rc < 0)
        goto out;
    rc = db_exec(db,
                 "INSERT INTO users (username, display_name, role, password_hash)"
                 " VALUES ($1, $2, $3, $4) RETURNING id",
                 4, p, &r, err);
    if (rc == LAB_E_EXISTS) {
        lab_errf(err, rc, "user '%s' already exists", a.pos[0]);
        lab_err_hint(err, "pick another name, or reset the password with 'labctl user passwd %s'",
                     a.pos[0]);
    }
    if (rc < 0)
        goto out;
    rc = audit(db, "user.add", a.pos[0], detail, err);
    if (rc < 0)
        goto out;
    rc = db_commit(db, err);
    if (rc < 0)
        goto out;
    if (c->json) {
        fprintf(c->out, "{\"ok\":true,\"user\":{\"id\":%s,\"username\":", db_res_get(r, 0, 0));
        out_json_str(c->out, a.pos[0]);
        fputs(",\"display_name\":", c->out);
        out_json_str(c->out, name);
        fputs(",\"role\":", c->out);
        out_json_str(c->out, role);
        fputs("}}\n", c->out);
    } else {
        fprintf(c->out, "added %s '%s' (id %s)\n", role, a.pos[0], db_res_get(r, 0, 0));
    }
out:
    if (rc < 0)
        db_rollback(db);
    db_res_free(r);
    explicit_bzero(hash, sizeof hash);
    return rc;
}

static int user_list(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    static const char *const heads[] = {"ID", "USERNAME", "NAME", "ROLE", "DISABLED", "CREATED"};
    static const char *const keys[] = {"id",   "username", "display_name",
                                       "role", "disabled", "created_at"};
    const char *role = NULL;
    const struct ctl_opt opts[] = {{"role", 'r', &role, NULL}, CTL_COMMON_OPTS(c), CTL_OPT_END};
    struct db_res *r = NULL;
    struct ctl_args a;
    struct db *db;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help)
        return rc < 0 ? rc : (fputs(help, c->out), CTL_HELP_SHOWN);
    if (a.n_pos != 0)
        return ctl_usage(err, "user", "unexpected argument '%s'", a.pos[0]);
    if (role && !ctl_valid_role(role))
        return ctl_usage(err, "user", "unknown role '%s': use student, instructor or admin", role);
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        return rc;

    const char *p[1] = {role};
    rc = db_exec(db,
                 "SELECT id, username, display_name, role,"
                 " CASE WHEN disabled THEN 'yes' ELSE 'no' END,"
                 " to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                 " FROM users WHERE ($1::text IS NULL OR role = $1) ORDER BY username",
                 1, p, &r, err);
    if (rc < 0)
        return rc;
    out_listing(c->out, c->json, "users", r, heads, keys, "nsssbs");
    db_res_free(r);
    return 0;
}

/* Shared tail of passwd and disable: one UPDATE, drop the sessions, audit, report. */
static int change_user(struct ctl *c, struct db *db, const char *user, const char *update_sql,
                       const char *hash, const char *action, const char *done, struct lab_err *err)
{
    struct db_res *r = NULL, *s = NULL;
    const char *p[2] = {user, hash};
    int rc;

    rc = db_begin(db, err);
    if (rc < 0)
        return rc;
    rc = db_exec(db, update_sql, hash ? 2 : 1, p, &r, err);
    if (rc < 0)
        goto out;
    if (db_res_rows(r) == 0) {
        rc = lab_errf(err, LAB_E_NOT_FOUND, "no user '%s'", user);
        lab_err_hint(err, "'labctl user list' shows the accounts");
        goto out;
    }
    const char *id[1] = {db_res_get(r, 0, 0)};
    rc = db_exec(db, "DELETE FROM sessions WHERE user_id = $1::bigint", 1, id, &s, err);
    if (rc < 0)
        goto out;
    rc = audit(db, action, user, "", err);
    if (rc < 0)
        goto out;
    rc = db_commit(db, err);
    if (rc < 0)
        goto out;
    if (c->json) {
        fputs("{\"ok\":true,\"username\":", c->out);
        out_json_str(c->out, user);
        fprintf(c->out, ",\"sessions_revoked\":%llu}\n", (unsigned long long)db_res_affected(s));
    } else {
        fprintf(c->out, "%s '%s'; %llu session(s) revoked\n", done, user,
                (unsigned long long)db_res_affected(s));
    }
out:
    if (rc < 0)
        db_rollback(db);
    db_res_free(r);
    db_res_free(s);
    return rc;
}

static int user_passwd(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    bool from_stdin = false;
    const struct ctl_opt opts[] = {
        {"password-stdin", 0, NULL, &from_stdin}, CTL_COMMON_OPTS(c), CTL_OPT_END};
    char hash[PASSWORD_HASH_CAP];
    struct ctl_args a;
    struct db *db;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help)
        return rc < 0 ? rc : (fputs(help, c->out), CTL_HELP_SHOWN);
    if (a.n_pos != 1)
        return ctl_usage(err, "user", "'user passwd' needs exactly one USERNAME");
    rc = check_username(a.pos[0], err);
    if (rc < 0)
        return rc;
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        return rc;
    rc = new_password(a.pos[0], from_stdin, hash, err);
    if (rc < 0)
        return rc;
    rc = change_user(c, db, a.pos[0],
                     "UPDATE users SET password_hash = $2 WHERE username = $1 RETURNING id", hash,
                     "user.passwd", "password reset for", err);
    explicit_bzero(hash, sizeof hash);
    return rc;
}

static int user_disable(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    const struct ctl_opt opts[] = {CTL_COMMON_OPTS(c), CTL_OPT_END};
    struct ctl_args a;
    struct db *db;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help)
        return rc < 0 ? rc : (fputs(help, c->out), CTL_HELP_SHOWN);
    if (a.n_pos != 1)
        return ctl_usage(err, "user", "'user disable' needs exactly one USERNAME");
    rc = check_username(a.pos[0], err);
    if (rc < 0)
        return rc;
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        return rc;
    return change_user(c, db, a.pos[0],
                       "UPDATE users SET disabled = true WHERE username = $1 RETURNING id", NULL,
                       "user.disable", "disabled", err);
}

int cmd_user(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(help, argc < 2 ? stderr : c->out);
        return argc < 2 ? ctl_usage(err, "user", "'user' needs a subcommand") : CTL_HELP_SHOWN;
    }
    if (!strcmp(argv[1], "add"))
        return user_add(c, argc - 1, argv + 1, err);
    if (!strcmp(argv[1], "list"))
        return user_list(c, argc - 1, argv + 1, err);
    if (!strcmp(argv[1], "passwd"))
        return user_passwd(c, argc - 1, argv + 1, err);
    if (!strcmp(argv[1], "disable"))
        return user_disable(c, argc - 1, argv + 1, err);
    return ctl_usage(err, "user", "unknown subcommand 'user %s'", argv[1]);
}
