/*
 * cmd_audit.c — `labctl audit [--limit N]`: the newest N audit_log rows, oldest first.
 */
#include "ctl/ctl.h"

#include <stdio.h>

#include "common/str.h"
#include "ctl/out.h"

static const char help[] =
    "usage: labctl audit [--limit N] [--json]\n"
    "\n"
    "Print the last N entries of the audit log (default 50), oldest first.\n";

int cmd_audit(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    static const char *const heads[] = {"AT", "ACTOR", "ACTION", "TARGET", "DETAIL", "PEER"};
    static const char *const keys[] = {"at", "actor", "action", "target", "detail", "peer"};
    const char *limit = "50";
    const struct ctl_opt opts[] = {{"limit", 'n', &limit, NULL}, CTL_COMMON_OPTS(c), CTL_OPT_END};
    struct db_res *r = NULL;
    struct ctl_args a;
    struct db *db;
    uint64_t n;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help)
        return rc < 0 ? rc : (fputs(help, c->out), CTL_HELP_SHOWN);
    if (a.n_pos != 0)
        return ctl_usage(err, "audit", "unexpected argument '%s'", a.pos[0]);
    if (parse_u64(limit, 1000000, &n) < 0 || n == 0)
        return ctl_usage(err, "audit", "--limit must be a whole number from 1 to 1000000");
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        return rc;

    const char *p[1] = {limit};
    rc = db_exec(db,
                 "SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                 " actor, action, target, detail, peer FROM"
                 " (SELECT * FROM audit_log ORDER BY id DESC LIMIT $1::bigint) t ORDER BY id",
                 1, p, &r, err);
    if (rc < 0)
        return rc;
    out_listing(c->out, c->json, "entries", r, heads, keys, "ssssss");
    db_res_free(r);
    return 0;
}
