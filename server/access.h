/*
 * access.h — the database side of authz.h: look a cohort up by name for the
 * user of a request and refuse it with the right error and sentence.
 *
 * Runs on a DB thread inside a handler's run(). The rule itself is
 * authz_cohort() (pure, unit-tested); this only fetches its inputs.
 */
#ifndef LAB_SERVER_ACCESS_H
#define LAB_SERVER_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "server/authz.h"
#include "server/board.h"
#include "server/req.h"

struct cohort_info {
    int64_t id;
    char id_text[24];
    bool full_view; /* the user sees it as staff */
    enum board_mode mode;
};

/*
 * Check that the user of @j may act on cohort @name as @need. Returns 0 with
 * @out filled, 0 with j->err set (refused: NOT_FOUND or FORBIDDEN, answered
 * by the request), or a negative code from db_exec. Callers test
 * `if (rc < 0 || j->err) return rc;`.
 */
int cohort_access(struct req_job *j, struct db *c, const char *name, enum authz_need need,
                  struct cohort_info *out) LAB_MUST_USE;

/*
 * Write one audit_log row for the user of @j: @action ('live.start'),
 * @target (a cohort or user name), @detail (free text). 0 or a negative code.
 */
int access_audit(struct req_job *j, struct db *c, const char *action, const char *target,
                 const char *detail) LAB_MUST_USE;

#endif
