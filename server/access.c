/*
 * access.c — cohort lookup + authorisation for instructor tools (see access.h).
 */
#include "server/access.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "db/audit.h"

int cohort_access(struct req_job *j, struct db *c, const char *name, enum authz_need need,
                  struct cohort_info *out)
{
    char uid[24];
    const char *p[2] = {name, uid};
    struct db_res *r = NULL;
    enum authz_verdict v;
    bool found;
    int rc;

    memset(out, 0, sizeof *out);
    (void)db_param_i64(uid, j->user_id);
    rc = db_exec(c,
                 "SELECT c.id, c.owner_id = $2::bigint, coalesce(m.role, ''), c.board_mode "
                 "FROM cohorts c LEFT JOIN memberships m ON m.cohort_id = c.id AND m.user_id = $2 "
                 "WHERE c.name = $1",
                 2, p, &r, NULL);
    if (rc < 0)
        return rc;
    found = db_res_rows(r) == 1;
    v = authz_cohort(found, j->role, found && db_res_true(r, 0, 1),
                     found ? db_res_get(r, 0, 2) : "", need, &out->full_view);
    if (found) {
        (void)str_copy(out->id_text, sizeof out->id_text, db_res_get(r, 0, 0));
        out->id = db_res_i64_or(r, 0, 0, 0);
        out->mode = board_mode_from_text(db_res_get(r, 0, 3));
    }
    db_res_free(r);
    switch (v) {
    case AUTHZ_OK:
        return 0;
    case AUTHZ_NOT_FOUND:
        return req_fail(j, LAB__V1__ERROR_CODE__NOT_FOUND,
                        "no class is named '%s'; list your classes to see their names", name);
    case AUTHZ_FORBIDDEN:
        if (need == AUTHZ_MEMBER)
            return req_fail(j, LAB__V1__ERROR_CODE__FORBIDDEN,
                            "you are not in class '%s'; only its members can watch its live "
                            "board",
                            name);
        return req_fail(j, LAB__V1__ERROR_CODE__FORBIDDEN,
                        "you are not an instructor of class '%s'; ask its owner to add you", name);
    }
    return LAB_E_INTERNAL;
}

int access_audit(struct req_job *j, struct db *c, const char *action, const char *target,
                 const char *detail)
{
    const struct db_audit a = {.actor_id = j->user_id,
                               .actor = j->username,
                               .action = action,
                               .target = target,
                               .detail = detail,
                               .peer = j->peer};

    return db_audit(c, &a, NULL);
}
