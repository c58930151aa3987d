/*
 * fail.h — how a labclient command fails: an exit code, a stable code name
 * for --json, a sentence saying what happened and a next step.
 *
 * Every layer that can fail in a way a student will read fills a struct fail
 * (fixed buffers, so reporting never allocates); main.c prints it once, as
 * text on stderr or as {"ok":false,"error":{...}} on stdout.
 */
#ifndef LAB_CLIENT_FAIL_H
#define LAB_CLIENT_FAIL_H

#include <stdint.h>

enum {
    EXIT_OK = 0,
    EXIT_REFUSED = 1, /* the server said no: its text plus a next step */
    EXIT_USAGE = 2,   /* the command line is wrong */
    EXIT_CONNECT = 3, /* cannot connect, or the certificate is not trusted */
    EXIT_AUTH = 4,    /* not logged in (or the session ended) */
};

struct fail {
    int exit_code;
    char code[32];  /* wire_error_name() or a local code: connect_failed, usage, ... */
    char text[600]; /* what happened; already safe for a terminal */
    char hint[400]; /* what to do next ("" when the text says it) */
    uint32_t retry_after_ms;
};

/* Fill @f (text from @fmt) and return -1, so callers can `return fail_set(...)`. */
int fail_set(struct fail *f, int exit_code, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Set the next-step hint of @f. */
void fail_hint(struct fail *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
