/*
 * audit.c — the audit_log INSERT (see audit.h).
 */
#include "db/audit.h"

#include "db/pg.h"

int db_audit(struct db *db, const struct db_audit *a, struct lab_err *err)
{
    char id[DB_NUM_MAX];
    const char *p[6] = {a->actor_id ? db_param_i64(id, a->actor_id) : NULL,
                        a->actor,
                        a->action,
                        a->target ? a->target : "",
                        a->detail ? a->detail : "",
                        a->peer ? a->peer : ""};

    return db_exec(db,
                   "INSERT INTO audit_log (actor_id, actor, action, target, detail, peer) "
                   "VALUES ($1, $2, $3, $4, $5, $6)",
                   6, p, NULL, err);
}
