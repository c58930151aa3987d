/*
 * ratelimit.h — the request token bucket and the failed-login tracker.
 *
 * Pure code: time comes in as a parameter (microseconds of a monotonic
 * clock), so unit tests drive it without sleeping. Both run on the lws
 * thread only and take no locks.
 */
#ifndef LAB_SERVER_RATELIMIT_H
#define LAB_SERVER_RATELIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A token bucket that starts full. Embedded in each session (16 bytes). */
struct bucket {
    uint64_t last_us;
    uint32_t milli_tokens; /* tokens * 1000, so no floating point */
    bool started;
};

/*
 * Take one token at @now_us from a bucket refilled at @rate per second up to
 * @burst tokens. Returns true when allowed; false otherwise, with
 * *@retry_ms (may be NULL) set to the wait until a token is available.
 */
bool bucket_take(struct bucket *b, uint64_t now_us, uint32_t rate, uint32_t burst,
                 uint32_t *retry_ms);

#define LOGINLIM_WINDOW_US (15ull * 60 * 1000000)
#define LOGINLIM_MAX_ENTRIES 65536 /* usernames tracked at once; oldest dropped past this */

struct loginlim;

/* A tracker allowing @max_failures failures per username per 15 minutes. NULL on OOM. */
struct loginlim *loginlim_new(uint32_t max_failures);

/* Accepts NULL. */
void loginlim_free(struct loginlim *l);

/*
 * True when @username may try to log in at @now_us; when it may not,
 * *@retry_ms says when its window ends.
 */
bool loginlim_allowed(struct loginlim *l, const char *username, uint64_t now_us,
                      uint32_t *retry_ms);

/* Count one failure. Returns 0 or LAB_E_NOMEM (the failure is then not counted). */
int loginlim_fail(struct loginlim *l, const char *username, uint64_t now_us);

/* Forget @username's failures (after a successful login). */
void loginlim_reset(struct loginlim *l, const char *username);

/* Drop entries whose window has ended; returns how many are left. */
size_t loginlim_sweep(struct loginlim *l, uint64_t now_us);

#endif
