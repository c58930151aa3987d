/*
 * queue.h — the labworker's side of the job queue in PostgreSQL.
 *
 * Claims are short transactions (FOR UPDATE SKIP LOCKED plus a lease); grading
 * happens outside any transaction; a finish only lands if this worker still
 * holds the lease for the same attempt, so a worker that was presumed dead and
 * then wakes up cannot overwrite the newer attempt's result.
 */
#ifndef LAB_WORKER_QUEUE_H
#define LAB_WORKER_QUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include "common/err.h"
#include "db/pg.h"
#include "grade/grader.h"
#include "grade/labdir.h"

struct claimed_submission {
    int64_t id, user_id;
    int attempt;
    char lab_id[LAB_ID_MAX + 1];
    char lab_version[65];
    char *code; /* malloc'd */
};

/*
 * Claim the next submission, fairly: the oldest queued job of the user with
 * the fewest jobs ahead, so one student's burst cannot starve the class.
 * Returns 1 with @out filled, 0 when the queue is empty, or a negative code.
 * Ownership: free out->code.
 */
int queue_claim_submission(struct db *db, const char *worker, uint32_t lease_s,
                           struct claimed_submission *out, struct lab_err *err) LAB_MUST_USE;

/*
 * Load what grading a submission needs from its lab version: the lab
 * (lab.ini, checks.py and limits; solution stays in the database), the
 * checks with their descriptions, and the stored expected texts (the
 * reference's case arrays, or bare observations stored by older versions).
 * Ownership: on success the caller frees *@lab with labdir_free() and each
 * @expected[i].
 */
int queue_load_lab(struct db *db, const char *lab_id, const char *version, struct lab_def **lab,
                   struct check_spec *specs, size_t *n, char **expected,
                   struct lab_err *err) LAB_MUST_USE;

/*
 * Store a graded submission with its per-check results (description and case
 * counts included) and one submission_cases row per case, update best_scores
 * and notify, in one transaction. Hidden checks' rows get NULL call, expected,
 * got and observed whatever @rep holds. Returns 1 when stored, 0 when this worker
 * no longer held the job (the result is dropped), or a negative code.
 */
int queue_finish_submission(struct db *db, const char *worker, const struct claimed_submission *sub,
                            const struct grade_report *rep, struct lab_err *err) LAB_MUST_USE;

/* Tell listeners that a submission started running. Best effort. */
void queue_notify_progress(struct db *db, int64_t id);

/* A lab version waiting for verification. */
struct claimed_lab {
    char lab_id[LAB_ID_MAX + 1];
    char version[65];
    struct lab_def *lab; /* rebuilt from the stored files; free with labdir_free() */
};

/* Claim a pending lab version. 1 claimed, 0 none, or a negative code. */
int queue_claim_lab(struct db *db, const char *worker, uint32_t lease_s, struct claimed_lab *out,
                    struct lab_err *err) LAB_MUST_USE;

/*
 * Make a verified version live (store its checks with their descriptions and
 * the expected texts gradejob_verify() made, point the catalog at it) or,
 * when @reason is not NULL, reject it. Notifies
 * "lab:<id>:<version>:live|rejected". Returns 0 or a negative code.
 */
int queue_finish_lab(struct db *db, const char *worker, const struct claimed_lab *cl,
                     const struct check_spec *specs, size_t n, char *const *expected,
                     const char *reason, struct lab_err *err) LAB_MUST_USE;

/*
 * End jobs that keep killing workers: a submission whose lease expired after
 * max_attempts becomes 'failed' with an internal-error verdict; a lab version,
 * 'rejected'. Returns how many were ended, or a negative code.
 */
int queue_sweep(struct db *db, struct lab_err *err) LAB_MUST_USE;

#endif
