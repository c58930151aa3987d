/*
 * labstore.h — the statements about stored lab versions that several programs share.
 *
 * A lab version is stored once by whoever sees it first (labctl labs import,
 * a teacher's live upload) and then graded by a labworker, which moves its
 * state from 'pending' to 'live' or 'rejected'.
 */
#ifndef LAB_DB_LABSTORE_H
#define LAB_DB_LABSTORE_H

#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

struct db;
struct lab_def;

/*
 * Store @lab as a new version (nothing happens when that version is already
 * stored) and read back the stored version's state into @state ("pending",
 * "live", "rejected") and its reject reason into @reason ("" when none).
 * @cohort_id and @created_by are 0 for a catalog lab imported by labctl.
 * 0, LAB_E_NOT_FOUND (the version vanished between the two statements; @err
 * untouched), or a db_exec code; @err may be NULL.
 */
int db_lab_version_store(struct db *db, const struct lab_def *lab, int64_t cohort_id,
                         int64_t created_by, char *state, size_t state_cap, char *reason,
                         size_t reason_cap, struct lab_err *err) LAB_MUST_USE;

#endif
