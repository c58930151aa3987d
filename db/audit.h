/*
 * audit.h — the one way to write an audit_log row.
 *
 * labserver (who did what from which peer) and labctl (actor 'labctl') record
 * operator-visible actions here; `labctl audit` reads them back.
 */
#ifndef LAB_DB_AUDIT_H
#define LAB_DB_AUDIT_H

#include <stdint.h>

#include "common/err.h"

struct db;

struct db_audit {
    int64_t actor_id;   /* 0: no user (labctl, or a login that failed before we knew who) */
    const char *actor;  /* username, or "labctl" */
    const char *action; /* "cohort.create", "user.add", ... */
    const char *target; /* NULL means "" */
    const char *detail; /* NULL means "" */
    const char *peer;   /* NULL means "" */
};

/* Insert one row (inside the caller's transaction, if any). 0 or a db_exec code; @err may be NULL.
 */
int db_audit(struct db *db, const struct db_audit *a, struct lab_err *err) LAB_MUST_USE;

#endif
