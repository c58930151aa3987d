/*
 * err.h — the one error convention: negative LAB_E_* codes and struct lab_err.
 *
 * Functions that can fail return 0 or a negative code (-errno passes through
 * unchanged). When a person will read the reason, the caller passes a
 * struct lab_err, whose fixed buffers mean reporting never allocates.
 */
#ifndef LAB_COMMON_ERR_H
#define LAB_COMMON_ERR_H

#define LAB_MUST_USE __attribute__((warn_unused_result))

enum {
    LAB_E_PARSE = -1000, /* input is not in the expected format */
    LAB_E_RANGE = -1001, /* a number or length is out of bounds */
    LAB_E_TOO_LARGE = -1002,
    LAB_E_CONFIG = -1003,
    LAB_E_NOMEM = -1004,
    LAB_E_DB = -1005, /* the database answered with an error */
    LAB_E_UNAVAILABLE = -1006,
    LAB_E_NOT_FOUND = -1007,
    LAB_E_EXISTS = -1008,
    LAB_E_DENIED = -1009,
    LAB_E_BUSY = -1010,
    LAB_E_INTERNAL = -1011,
};

struct lab_err {
    int code;
    char msg[200];    /* what failed, one line */
    char detail[200]; /* the mechanism, e.g. strerror */
    char hint[200];   /* what to do about it */
};

/*
 * Fill @e (may be NULL) with a formatted message; for a -errno code the
 * detail is strerror. Returns @code so call sites can `return lab_errf(...)`.
 */
int lab_errf(struct lab_err *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Set the hint of @e (may be NULL). */
void lab_err_hint(struct lab_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Short text for a code, for logs: "parse error", "No such file or directory". */
const char *lab_strerror(int code);

#endif
