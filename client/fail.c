/*
 * fail.c — see fail.h.
 */
#include "client/fail.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int fail_set(struct fail *f, int exit_code, const char *code, const char *fmt, ...)
{
    va_list ap;

    memset(f, 0, sizeof *f);
    f->exit_code = exit_code;
    snprintf(f->code, sizeof f->code, "%s", code);
    va_start(ap, fmt);
    vsnprintf(f->text, sizeof f->text, fmt, ap);
    va_end(ap);
    return -1;
}

void fail_hint(struct fail *f, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(f->hint, sizeof f->hint, fmt, ap);
    va_end(ap);
}
