/*
 * userix.h — which live sessions belong to which user.
 *
 * Grading results are pushed to every session of the user who submitted,
 * so the lws thread needs user_id → sessions without walking every
 * connection. The index stores session ids, never pointers: a push resolves
 * each id with session_find() at the moment it sends, so a session that has
 * closed in between is simply not found (ids are never reused, so an id is
 * also its generation). Pure code on the lws thread, no locks; an entry
 * disappears with its last session, so memory follows the number of
 * logged-in users.
 */
#ifndef LAB_SERVER_USERIX_H
#define LAB_SERVER_USERIX_H

#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define USERIX_BUCKETS 4096

struct userix;

/* NULL on OOM. */
struct userix *userix_new(void);

/* Accepts NULL. */
void userix_free(struct userix *ix);

/*
 * Record that session @sess_id is logged in as @user_id (a no-op when it
 * already is). Returns 0 or LAB_E_NOMEM (nothing recorded).
 */
int userix_add(struct userix *ix, int64_t user_id, uint64_t sess_id) LAB_MUST_USE;

/* Forget session @sess_id of @user_id (a no-op when it is not recorded). */
void userix_remove(struct userix *ix, int64_t user_id, uint64_t sess_id);

/*
 * The session ids of @user_id, *@n of them; NULL with *@n = 0 when none.
 * Borrowed until the next userix_add/userix_remove.
 */
const uint64_t *userix_peek(const struct userix *ix, int64_t user_id, size_t *n);

/* Users with at least one session. */
size_t userix_n_users(const struct userix *ix);

/* Write up to @max user ids to @out; returns how many were written. */
size_t userix_users(const struct userix *ix, int64_t *out, size_t max);

#endif
