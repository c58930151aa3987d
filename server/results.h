/*
 * results.h — grading results as they travel: loading GradeResult messages
 * from submissions + submission_checks, and making a reply fit the frame cap.
 *
 * Used by the ListResults handler and by the result pushes (push.c), so a
 * pushed result and a listed one are built by the same code. Loading runs
 * on a DB thread; the mapping and fitting functions are pure and unit-tested.
 *
 * Each check carries its cases (submission_cases), loaded for the whole
 * list in one statement. Results graded before cases existed have none
 * (cases_total 0) and are sent as they were stored.
 *
 * Hidden checks: the worker stores NULL in submission_checks.expected and in
 * submission_cases.call/expected/got for a hidden check, the queries leave
 * those columns out for hidden checks, and results_redact() clears them
 * once more on the messages, whatever the rows hold.
 */
#ifndef LAB_SERVER_RESULTS_H
#define LAB_SERVER_RESULTS_H

#include <stddef.h>
#include <stdint.h>

#include "proto/wire.h"
#include "db/pool.h"

#define RESULTS_DEFAULT_LIMIT 20
#define RESULTS_MAX_LIMIT 100

/* "accepted" → LAB__V1__VERDICT__ACCEPTED, ...; VERDICT_UNSPECIFIED for "" or unknown text. */
Lab__V1__Verdict verdict_from_text(const char *s);

/* "queued" → LAB__V1__SUBMISSION_STATE__QUEUED, ...; STATE_UNSPECIFIED for unknown text. */
Lab__V1__SubmissionState sub_state_from_text(const char *s);

/*
 * The results of one query, as protobuf messages whose strings and bytes
 * point into the two database results. Release with result_set_release().
 */
struct result_set {
    struct db_res *subs;
    struct db_res *checks;
    struct db_res *cases;
    size_t n;
    Lab__V1__GradeResult *res;
    Lab__V1__GradeResult **ptrs; /* n pointers into res, newest first */
    Lab__V1__CheckResult *chk;
    Lab__V1__CheckResult **chk_ptrs;
    Lab__V1__CaseResult *cas;
    Lab__V1__CaseResult **cas_ptrs;
    int64_t *user_ids; /* owner of each result */
};

/*
 * Clear what a student must never see of a hidden check (@k->visible
 * false): its expected value and every case's call, expected and got.
 * A visible check is left as it is. Only unlinks; frees nothing.
 */
void results_redact(Lab__V1__CheckResult *k);

/*
 * DB thread: load submission @sub_id (when > 0), or else the newest @limit
 * submissions of @user_id, only of lab @lab_id when it is not "". Checks and
 * their cases are loaded for every result. Returns 0 (possibly with rs->n == 0) or a
 * negative code from db_exec / LAB_E_NOMEM.
 * Ownership: @rs holds the results; release it even on failure.
 */
int results_load(struct result_set *rs, struct db *c, int64_t sub_id, int64_t user_id,
                 const char *lab_id, uint32_t limit) LAB_MUST_USE;

/* Free what results_load() allocated. Accepts a zeroed set. */
void result_set_release(struct result_set *rs);

/*
 * Shrink @env (a result_list or result body) until it packs into @max_frame
 * bytes: first drop every output_tail, then the cases of passed checks,
 * then, oldest result first, all cases but the first failed one of each
 * check, then all cases (cases_passed/cases_total stay), then the checks of
 * the oldest results one by one (the newest result keeps its checks
 * longest), then the oldest results themselves. Returns 0 when it fits (possibly unchanged),
 * or LAB_E_TOO_LARGE when even one result without checks does not fit.
 * The removed parts are only unlinked (counts set to 0), never freed.
 */
int results_fit(Envelope *env, size_t max_frame) LAB_MUST_USE;

struct req_job;

/*
 * DB thread: answer request @j with a ResultList of @user_id's newest @limit
 * results (of @lab_id when not ""), trimmed with results_fit(); when even
 * that does not fit, fail with TOO_LARGE, naming them "@whose results".
 * Returns what req_reply()/req_fail() return, or a negative code.
 */
int results_reply(struct req_job *j, struct db *c, int64_t user_id, const char *lab_id,
                  uint32_t limit, const char *whose);

#endif
